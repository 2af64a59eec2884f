/* test-inventory-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inventory-page"

#include "config.h"

#include <adwaita.h>

#include "lento-inventory-page.h"
#include "lento-test-ui.h"

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

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add ("/lento/inventory-page/flared-base-must-be-answered", Fixture, NULL,
              fixture_set_up, test_flared_base_must_be_answered, fixture_tear_down);
  g_test_add ("/lento/inventory-page/flared-base-asked-on-edit", Fixture, NULL,
              fixture_set_up, test_flared_base_asked_on_edit, fixture_tear_down);
  g_test_add ("/lento/inventory-page/remove-offers-undo", Fixture, NULL,
              fixture_set_up, test_remove_offers_undo, fixture_tear_down);

  return g_test_run ();
}
