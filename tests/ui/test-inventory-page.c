/* test-inventory-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inventory-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lento-inventory-page.h"
#include "lento-plan-view.h"
#include "lento-test-contrast.h"
#include "lento-test-practice.h"
#include "lento-test-ui.h"
#include "lento-window.h"

typedef struct {
  LentoInventory     *inventory;
  GtkWindow          *window;
  LentoInventoryPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->inventory = lento_inventory_new ();
  fixture->page = LENTO_INVENTORY_PAGE (lento_inventory_page_new ());
  lento_inventory_page_set_inventory (fixture->page, fixture->inventory);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->inventory);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static AdwMessageDialog *
open_add_tool (Fixture    *fixture,
               const char *name)
{
  AdwMessageDialog *dialog;
  GtkWidget *name_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inventory.add-tool",
                                             NULL));
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  name_row = lento_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), name);

  return dialog;
}

static GtkToggleButton *
answer_button (AdwMessageDialog *dialog,
               const char       *label)
{
  GtkWidget *button = lento_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, label);

  g_assert_nonnull (button);
  return GTK_TOGGLE_BUTTON (button);
}

static LentoTool *
find_tool_named (Fixture    *fixture,
                 const char *name)
{
  GListModel *tools = lento_inventory_get_tools (fixture->inventory);

  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(LentoTool) tool = g_list_model_get_item (tools, i);

      if (g_strcmp0 (lento_tool_get_name (tool), name) == 0)
        return tool;
    }

  return NULL;
}

/* A custom tool starts with "Flared Base" unanswered, and Save waits for an
 * answer: the safety check never depends on switching a default off.
 */
static void
test_flared_base_must_be_answered (Fixture       *fixture,
                                   gconstpointer  data)
{
  AdwMessageDialog *dialog = open_add_tool (fixture, "Blue plug");
  GtkToggleButton *yes = answer_button (dialog, "_Yes");
  GtkToggleButton *no = answer_button (dialog, "_No");
  LentoTool *tool;

  g_assert_false (gtk_toggle_button_get_active (yes));
  g_assert_false (gtk_toggle_button_get_active (no));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  lento_test_save_screenshot (GTK_WIDGET (dialog), "inventory-add-tool-unanswered");

  /* Even a Save that gets through adds nothing unanswered. */
  adw_message_dialog_response (dialog, "save");
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_tools (fixture->inventory)),
                    ==, 0);

  gtk_toggle_button_set_active (no, TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "save");
  tool = find_tool_named (fixture, "Blue plug");
  g_assert_nonnull (tool);
  g_assert_cmpint (lento_tool_get_flared_base_answer (tool), ==, LENTO_FLARED_BASE_NO);
  g_assert_false (lento_tool_is_usable (tool, NULL));

  dialog = open_add_tool (fixture, "Green trainer");
  yes = answer_button (dialog, "_Yes");
  gtk_toggle_button_set_active (yes, TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "save");
  tool = find_tool_named (fixture, "Green trainer");
  g_assert_nonnull (tool);
  g_assert_cmpint (lento_tool_get_flared_base_answer (tool), ==, LENTO_FLARED_BASE_YES);
  g_assert_true (lento_tool_get_flared_base (tool));
}

/* A tool that never answered (from an older profile) asks again when it is
 * edited, and is left out of the plan until then. Presets answer for
 * themselves.
 */
static void
test_flared_base_asked_on_edit (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LentoTool) old = lento_tool_new ("old", "Old plug", LENTO_TOOL_KIND_PLUG,
                                             LENTO_MATERIAL_GLASS, 20.0, 0.0,
                                             LENTO_FLARED_BASE_UNKNOWN);
  g_autoptr(GPtrArray) presets = lento_inventory_dup_trainer_set_preset ();
  AdwMessageDialog *dialog;
  GtkWidget *edit;

  g_assert_cmpuint (lento_inventory_add_finger_presets (fixture->inventory), ==, 2);
  for (guint i = 0; i < presets->len; i++)
    g_assert_cmpint (lento_tool_get_flared_base_answer (g_ptr_array_index (presets, i)), ==,
                     LENTO_FLARED_BASE_YES);
  g_assert_true (lento_inventory_add_tool (fixture->inventory, old, NULL));
  g_assert_false (lento_tool_is_usable (old, NULL));

  edit = lento_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "Edit “Old plug”");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_toggle_button_set_active (answer_button (dialog, "_Yes"), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "save");
  g_assert_cmpint (lento_tool_get_flared_base_answer (old), ==, LENTO_FLARED_BASE_YES);
  g_assert_true (lento_tool_is_usable (old, NULL));

  /* A finger has no base to ask about. */
  edit = lento_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON,
                                 "Edit “Little finger”");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_null (lento_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "_Yes"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "cancel");
}

static void
click_named (Fixture    *fixture,
             const char *label)
{
  GtkWidget *button = lento_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_for_widget (Fixture    *fixture,
                 GType       type,
                 const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (lento_test_find_widget (GTK_WIDGET (fixture->page), type, text) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static guint
position_of (GListModel *model,
             gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return G_MAXUINT;
}

static void
changed_cb (LentoInventory *inventory,
            guint          *count)
{
  (*count)++;
}

/* Removing happens at once, and a toast offers Undo, which puts the very
 * tool or lubricant back where it was. A second removal makes the first
 * one final.
 */
static void
test_remove_offers_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *tools = lento_inventory_get_tools (fixture->inventory);
  GListModel *lubes = lento_inventory_get_lubes (fixture->inventory);
  const char * const ids[] = { "a", "b", "c" };
  g_autoptr(LentoLube) aqua = lento_lube_new ("aqua", "Aqua & Co", LENTO_LUBE_KIND_WATER);
  g_autoptr(LentoLube) slick = lento_lube_new ("slick", "Slick", LENTO_LUBE_KIND_SILICONE);
  g_autoptr(LentoTool) b = NULL;
  g_autoptr(LentoTool) c = NULL;
  GtkWidget *undo;
  guint changed = 0;

  lento_inventory_add_finger_presets (fixture->inventory);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(LentoTool) tool = lento_tool_new (ids[i], ids[i], LENTO_TOOL_KIND_TRAINER,
                                                  LENTO_MATERIAL_SILICONE, 15.0 + 3 * i, 0.0,
                                                  LENTO_FLARED_BASE_YES);

      g_assert_true (lento_inventory_add_tool (fixture->inventory, tool, NULL));
    }
  g_assert_true (lento_inventory_add_lube (fixture->inventory, aqua, NULL));
  g_assert_true (lento_inventory_add_lube (fixture->inventory, slick, NULL));
  b = g_object_ref (lento_inventory_find_tool (fixture->inventory, "b"));
  g_signal_connect (fixture->inventory, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_null (lento_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "_Undo"));

  /* Gone at once; the toast says what, and offers Undo. */
  click_named (fixture, "Remove “b”");
  g_assert_null (lento_inventory_find_tool (fixture->inventory, "b"));
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 4);
  g_assert_cmpuint (changed, ==, 1);
  undo = lento_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_assert_nonnull (lento_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                            "“b” removed"));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "inventory-removed-undo");

  g_signal_emit_by_name (undo, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (lento_inventory_find_tool (fixture->inventory, "b") == b);
  g_assert_cmpuint (position_of (tools, b), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 5);
  g_assert_cmpuint (changed, ==, 2);
  /* Nothing more to undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inventory.undo-remove", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 5);
  g_assert_cmpuint (changed, ==, 2);

  /* Two removals: Undo brings back the second, the first stays removed. */
  c = g_object_ref (lento_inventory_find_tool (fixture->inventory, "c"));
  click_named (fixture, "Remove “a”");
  click_named (fixture, "Remove “c”");
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inventory.undo-remove",
                                             NULL));
  g_assert_null (lento_inventory_find_tool (fixture->inventory, "a"));
  g_assert_cmpuint (position_of (tools, c), ==, 3);

  /* A lubricant the same way, its name shown as it was written; its toast
   * waits until the one Undo dismissed has finished hiding. */
  click_named (fixture, "Remove “Aqua & Co”");
  g_assert_null (lento_inventory_find_lube (fixture->inventory, "aqua"));
  wait_for_widget (fixture, GTK_TYPE_LABEL, "“Aqua &amp; Co” removed");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inventory.undo-remove", NULL);
  g_assert_cmpuint (position_of (lubes, aqua), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lubes), ==, 2);
}

/* The real window on a journal of its own, showing Tools and Lubricants: what
 * the page changes is what a restart would find.
 */
typedef struct {
  char               *data_dir;
  LentoPractice      *practice;
  LentoInventory     *inventory;
  LentoWindow        *window;
  LentoInventoryPage *page;
} WindowFixture;

static void
window_set_up (WindowFixture *fixture,
               gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *plan;

  fixture->practice = lento_test_practice_new (NULL, &fixture->data_dir);
  fixture->inventory = lento_practice_get_inventory (fixture->practice);
  fixture->window = lento_window_new (NULL, fixture->practice);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 680);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (g_strcmp0 (lento_window_get_lock_page (fixture->window), "main") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  lento_window_set_view (fixture->window, "plan");
  plan = lento_test_find_widget (GTK_WIDGET (fixture->window), LENTO_TYPE_PLAN_VIEW, NULL);
  g_assert_nonnull (plan);
  g_assert_true (gtk_widget_activate_action (plan, "plan.show-page", "s", "inventory"));
  fixture->page = LENTO_INVENTORY_PAGE (lento_test_find_widget (GTK_WIDGET (fixture->window),
                                                               LENTO_TYPE_INVENTORY_PAGE, NULL));
  g_assert_nonnull (fixture->page);
  g_assert_true (lento_inventory_page_get_inventory (fixture->page) == fixture->inventory);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->page));
}

static void
window_tear_down (WindowFixture *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  lento_test_practice_free (fixture->practice, fixture->data_dir);
}

static void
click_in (GtkWidget  *root,
          const char *label)
{
  GtkWidget *button = lento_test_find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The saved lubricant with @id, as a restart would read it. */
static JsonObject *
dup_saved_lube (WindowFixture *fixture,
                const char    *id)
{
  g_autoptr(JsonObject) profile = lento_test_practice_dup_saved_profile (fixture->practice);
  JsonArray *lubes;

  g_assert_nonnull (profile);
  lubes = json_object_get_array_member (json_object_get_object_member (profile, "inventory"),
                                        "lubes");
  for (guint i = 0; i < json_array_get_length (lubes); i++)
    {
      JsonObject *lube = json_array_get_object_element (lubes, i);

      if (g_strcmp0 (json_object_get_string_member (lube, "id"), id) == 0)
        return json_object_ref (lube);
    }

  return NULL;
}

/* A lubricant has an Edit button like a tool: its dialog changes the name
 * and the kind of the very lubricant, and the change is saved. A numbing
 * product is refused on edit as on adding.
 */
static void
test_edit_lube (WindowFixture *fixture,
                gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(JsonObject) saved = NULL;
  g_autofree char *reason = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *name;
  GtkWidget *kind;
  LentoLube *lube;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inventory.add-lube",
                                             NULL));
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (lento_test_find_widget (GTK_WIDGET (dialog),
                                                               ADW_TYPE_ENTRY_ROW, "Name")),
                         "Aqua");
  respond (dialog, "save");
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_lubes (fixture->inventory)),
                    ==, 1);
  lube = g_list_model_get_item (lento_inventory_get_lubes (fixture->inventory), 0);
  g_object_unref (lube);
  g_assert_cmpint (lento_lube_get_kind (lube), ==, LENTO_LUBE_KIND_WATER);

  /* The row has Edit beside Remove, named for a screen reader. */
  click_in (root, "Edit “Aqua”");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit “Aqua”");
  name = lento_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  kind = lento_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Kind");
  g_assert_nonnull (name);
  g_assert_nonnull (kind);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Aqua");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, LENTO_LUBE_KIND_WATER);
  gtk_editable_set_text (GTK_EDITABLE (name), "Aqua Gel");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), LENTO_LUBE_KIND_HYBRID);
  lento_test_save_screenshot (GTK_WIDGET (dialog), "inventory-edit-lube");
  respond (dialog, "save");

  g_assert_true (lento_inventory_find_lube (fixture->inventory, lento_lube_get_id (lube)) == lube);
  g_assert_cmpstr (lento_lube_get_name (lube), ==, "Aqua Gel");
  g_assert_cmpint (lento_lube_get_kind (lube), ==, LENTO_LUBE_KIND_HYBRID);
  g_assert_nonnull (lento_test_find_widget (root, ADW_TYPE_ACTION_ROW, "Aqua Gel"));
  g_assert_null (lento_inventory_page_get_message (fixture->page));
  saved = dup_saved_lube (fixture, lento_lube_get_id (lube));
  g_assert_nonnull (saved);
  g_assert_cmpstr (json_object_get_string_member (saved, "name"), ==, "Aqua Gel");
  g_assert_cmpstr (json_object_get_string_member (saved, "kind"), ==, "hybrid");
  g_clear_pointer (&saved, json_object_unref);

  /* Made numbing by an edit: refused, said why, and left as it was. */
  click_in (root, "Edit “Aqua Gel”");
  dialog = lento_test_find_message_dialog ();
  kind = lento_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), LENTO_LUBE_KIND_NUMBING);
  respond (dialog, "save");
  g_assert_cmpint (lento_lube_get_kind (lube), ==, LENTO_LUBE_KIND_HYBRID);
  reason = g_strdup (lento_inventory_page_get_message (fixture->page));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "Pain is the signal to stop"));
  saved = dup_saved_lube (fixture, lento_lube_get_id (lube));
  g_assert_cmpstr (json_object_get_string_member (saved, "kind"), ==, "hybrid");
}

static guint
count_banners (GtkWidget  *box,
               const char *css_class)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (box);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_get_visible (c) && gtk_widget_has_css_class (c, css_class);

  return n;
}

/* Five silicone trainers and a silicone lubricant are one warning under
 * Checks, and one on the plan, not five.
 */
static void
test_silicone_warned_once (WindowFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) trainers = lento_inventory_dup_trainer_set_preset ();
  g_autoptr(LentoLube) slick = lento_lube_new ("slick", "Slick", LENTO_LUBE_KIND_SILICONE);
  GtkWidget *checks = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                 LENTO_TYPE_INVENTORY_PAGE,
                                                                 "checks_box"));
  GtkWidget *plan = lento_test_find_widget (GTK_WIDGET (fixture->window), LENTO_TYPE_PLAN_VIEW,
                                            NULL);
  GtkWidget *plan_banners = GTK_WIDGET (gtk_widget_get_template_child (plan, LENTO_TYPE_PLAN_VIEW,
                                                                       "banner_box"));

  for (guint i = 0; i < trainers->len; i++)
    {
      lento_tool_set_confirmed (g_ptr_array_index (trainers, i), TRUE);
      g_assert_true (lento_inventory_add_tool (fixture->inventory,
                                               g_ptr_array_index (trainers, i), NULL));
    }
  g_assert_true (lento_inventory_add_lube (fixture->inventory, slick, NULL));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->page));

  g_assert_cmpuint (count_banners (checks, "warning"), ==, 1);
  g_assert_nonnull (lento_test_find_widget (checks, GTK_TYPE_LABEL,
                                            "“Slick” is silicone-based and 5 of your tools are "
                                            "made of silicone: the lubricant can leave them "
                                            "sticky or porous. Use a thick water-based lubricant "
                                            "with them instead."));
  g_assert_cmpuint (count_banners (plan_banners, "warning"), ==, 1);
  /* Tall enough to show Checks under the lists. */
  lento_test_resize (GTK_WINDOW (fixture->window), 640, 1000);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "inventory-silicone");
}

/* Every widget of @type under @root, in order. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

static gboolean
saved_tool_confirmed (JsonObject *profile,
                      const char *id)
{
  JsonArray *tools = json_object_get_array_member (json_object_get_object_member (profile,
                                                                                  "inventory"),
                                                   "tools");

  for (guint i = 0; i < json_array_get_length (tools); i++)
    {
      JsonObject *tool = json_array_get_object_element (tools, i);

      if (g_strcmp0 (json_object_get_string_member (tool, "id"), id) == 0)
        return json_object_get_boolean_member (tool, "confirmed");
    }

  g_assert_not_reached ();
}

/* A new trainer set waits for five measured sizes: one dialog takes them
 * all, each with its own tick, and confirms only the ticked ones.
 */
static void
test_confirm_sizes_together (WindowFixture *fixture,
                             gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *confirm_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      LENTO_TYPE_INVENTORY_PAGE,
                                                                      "confirm_box"));
  g_autoptr(GPtrArray) ticks = g_ptr_array_new ();
  g_autoptr(GPtrArray) sizes = g_ptr_array_new ();
  g_autoptr(JsonObject) profile = NULL;
  AdwMessageDialog *dialog;
  char id[16];

  g_assert_false (gtk_widget_get_visible (confirm_box));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "inventory.add-trainer-set", NULL));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->page));
  g_assert_true (gtk_widget_get_visible (confirm_box));
  g_assert_nonnull (lento_test_find_widget (confirm_box, GTK_TYPE_LABEL,
                                            "5 tools wait for their measured sizes. Until you "
                                            "confirm them, the plan leaves them out."));
  lento_test_save_screenshot (root, "inventory-sizes-to-confirm");
  lento_test_check_contrast (root, "the tools waiting for their sizes");

  click_in (confirm_box, "_Confirm Sizes…");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Confirm Sizes");
  collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, ticks);
  collect (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, sizes);
  g_assert_cmpuint (ticks->len, ==, 5);
  g_assert_cmpuint (sizes->len, ==, 5);
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *tick_name = g_strdup_printf ("I measured “Trainer, size %u”", i + 1);
      g_autofree char *size_name = g_strdup_printf ("Diameter of “Trainer, size %u” in "
                                                    "millimetres", i + 1);
      g_autofree char *problem = NULL;

      g_assert_false (gtk_check_button_get_active (g_ptr_array_index (ticks, i)));
      problem = gtk_test_accessible_check_property (g_ptr_array_index (ticks, i),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tick_name);
      g_assert_null (problem);
      problem = gtk_test_accessible_check_property (g_ptr_array_index (sizes, i),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, size_name);
      g_assert_null (problem);
    }
  /* Nothing ticked, nothing to confirm. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));

  /* A size entered is a size measured; the others are ticked as they are,
   * and the last one waits.
   */
  gtk_spin_button_set_value (g_ptr_array_index (sizes, 0), 15.5);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (ticks, 0)));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  for (guint i = 1; i < 4; i++)
    gtk_check_button_set_active (g_ptr_array_index (ticks, i), TRUE);
  lento_test_save_screenshot (GTK_WIDGET (dialog), "inventory-confirm-sizes");
  respond (dialog, "confirm");

  g_assert_cmpfloat (lento_tool_get_diameter (lento_inventory_find_tool (fixture->inventory,
                                                                         "trainer-1")), ==, 15.5);
  profile = lento_test_practice_dup_saved_profile (fixture->practice);
  for (guint i = 0; i < 5; i++)
    {
      g_snprintf (id, sizeof id, "trainer-%u", i + 1);
      g_assert_cmpint (lento_tool_get_confirmed (lento_inventory_find_tool (fixture->inventory,
                                                                            id)), ==, i < 4);
      g_assert_cmpint (saved_tool_confirmed (profile, id), ==, i < 4);
    }
  lento_test_wait_for_draw (GTK_WIDGET (fixture->page));
  g_assert_true (gtk_widget_get_visible (confirm_box));
  g_assert_nonnull (lento_test_find_widget (confirm_box, GTK_TYPE_LABEL,
                                            "1 tool waits for its measured size. Until you "
                                            "confirm it, the plan leaves it out."));

  /* The last one alone, then nothing left to confirm. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inventory.confirm-sizes",
                                             NULL));
  dialog = lento_test_find_message_dialog ();
  g_ptr_array_set_size (ticks, 0);
  collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, ticks);
  g_assert_cmpuint (ticks->len, ==, 1);
  gtk_check_button_set_active (g_ptr_array_index (ticks, 0), TRUE);
  respond (dialog, "confirm");
  g_assert_true (lento_tool_get_confirmed (lento_inventory_find_tool (fixture->inventory,
                                                                      "trainer-5")));
  g_assert_false (gtk_widget_get_visible (confirm_box));
  g_assert_false (gtk_widget_is_sensitive (lento_test_find_widget (confirm_box, GTK_TYPE_BUTTON,
                                                                   "_Confirm Sizes…")));
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);
  lento_test_ui_load_app_style ();

  g_test_add ("/lento/inventory-page/flared-base-must-be-answered", Fixture, NULL,
              fixture_set_up, test_flared_base_must_be_answered, fixture_tear_down);
  g_test_add ("/lento/inventory-page/flared-base-asked-on-edit", Fixture, NULL,
              fixture_set_up, test_flared_base_asked_on_edit, fixture_tear_down);
  g_test_add ("/lento/inventory-page/remove-offers-undo", Fixture, NULL,
              fixture_set_up, test_remove_offers_undo, fixture_tear_down);
  g_test_add ("/lento/inventory-page/edit-lube", WindowFixture, NULL,
              window_set_up, test_edit_lube, window_tear_down);
  g_test_add ("/lento/inventory-page/silicone-warned-once", WindowFixture, NULL,
              window_set_up, test_silicone_warned_once, window_tear_down);
  g_test_add ("/lento/inventory-page/confirm-sizes-together", WindowFixture, NULL,
              window_set_up, test_confirm_sizes_together, window_tear_down);

  return g_test_run ();
}
