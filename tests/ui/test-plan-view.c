/* test-plan-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-plan-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lento-coach.h"
#include "lento-inventory-page.h"
#include "lento-learn.h"
#include "lento-learn-page.h"
#include "lento-plan-view.h"
#include "lento-plan-week.h"
#include "lento-test-contrast.h"
#include "lento-test-practice.h"
#include "lento-test-ui.h"
#include "lento-window.h"

/* A Tuesday, so that the week ahead holds planned and rest days. */
#define TODAY_YEAR 2026
#define TODAY_MONTH 3
#define TODAY_DAY 10

typedef struct {
  LentoProgram   *program;
  LentoInventory *inventory;
  GListStore     *journal;
  GDateTime      *today;
  GtkWindow      *window;
  LentoPlanView  *view;
} Fixture;

static LentoInventory *
make_inventory (void)
{
  LentoInventory *inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) trainers = lento_inventory_dup_trainer_set_preset ();
  g_autoptr(LentoLube) lube = lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER);

  lento_inventory_add_finger_presets (inventory);
  for (guint i = 0; i < trainers->len; i++)
    {
      LentoTool *tool = g_ptr_array_index (trainers, i);

      /* The person measured each one and confirmed the size. */
      lento_tool_set_confirmed (tool, TRUE);
      g_assert_true (lento_inventory_add_tool (inventory, tool, NULL));
    }
  g_assert_true (lento_inventory_add_lube (inventory, lube, NULL));

  return inventory;
}

static LentoEntry *
make_entry (int         days_ago,
            const char *stage,
            const char *tool,
            double      diameter,
            int         pain)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (TODAY_YEAR, TODAY_MONTH, TODAY_DAY,
                                                     9, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_days (noon, -days_ago);
  LentoEntry *entry = lento_entry_new (start);

  lento_entry_set_stage (entry, stage);
  lento_entry_set_tool (entry, tool);
  lento_entry_set_diameter (entry, diameter);
  lento_entry_set_lube (entry, "aqua");
  lento_entry_set_wear (entry, 12 * 60);
  lento_entry_set_duration (entry, 25 * 60);
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_NONE);
  lento_entry_set_pain (entry, pain);
  lento_entry_set_comfort (entry, pain > 0 ? 3 : 8);

  return entry;
}

/* The journal is newest first, like LentoJournal. */
static void
add_entry (Fixture    *fixture,
           LentoEntry *entry)
{
  g_list_store_insert (fixture->journal, 0, entry);
  g_object_unref (entry);
}

/* LentoPractice asks the coach once for every view; here the fixture does,
 * whenever what the coach reads changes, before the view hears of it.
 */
static void
recommend (Fixture *fixture)
{
  g_autoptr(LentoRecommendation) recommendation = NULL;
  LentoCoachSettings settings;
  guint skipped;
  GDate today;

  lento_coach_settings_init (&settings);
  settings.weekdays = lento_plan_view_get_weekdays (fixture->view);
  g_object_get (fixture->view, "skipped-day", &skipped, NULL);
  if (skipped != 0)
    g_date_set_julian (&settings.skipped, skipped);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (fixture->today),
                  g_date_time_get_month (fixture->today), g_date_time_get_year (fixture->today));
  recommendation = lento_coach_recommend (fixture->program, G_LIST_MODEL (fixture->journal),
                                          fixture->inventory, &today, &settings);
  lento_plan_view_set_recommendation (fixture->view, recommendation);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->program = lento_program_new_default (&error);
  g_assert_no_error (error);
  fixture->inventory = make_inventory ();
  /* @data, when given, names the first finger and the first trainer. */
  if (data != NULL)
    {
      lento_tool_set_name (lento_inventory_find_tool (fixture->inventory, "finger-little"), data);
      lento_tool_set_name (lento_inventory_find_tool (fixture->inventory, "trainer-1"), data);
    }
  fixture->journal = g_list_store_new (LENTO_TYPE_ENTRY);
  fixture->today = g_date_time_new_local (TODAY_YEAR, TODAY_MONTH, TODAY_DAY, 12, 0, 0);

  fixture->view = LENTO_PLAN_VIEW (lento_plan_view_new ());
  g_signal_connect_swapped (fixture->journal, "items-changed", G_CALLBACK (recommend), fixture);
  g_signal_connect_swapped (fixture->inventory, "changed", G_CALLBACK (recommend), fixture);
  g_signal_connect_swapped (fixture->view, "notify::weekdays", G_CALLBACK (recommend), fixture);
  g_signal_connect_swapped (fixture->view, "notify::skipped-day", G_CALLBACK (recommend),
                            fixture);
  g_object_set (fixture->view,
                "today", fixture->today,
                "program", fixture->program,
                "journal", fixture->journal,
                "inventory", fixture->inventory,
                NULL);
  recommend (fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 1400);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->inventory);
  g_clear_object (&fixture->program);
  g_clear_pointer (&fixture->today, g_date_time_unref);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
title_text (Fixture *fixture)
{
  return gtk_label_get_label (child (fixture->view, LENTO_TYPE_PLAN_VIEW, "today_title"));
}

static guint
count_children (GtkWidget  *parent,
                const char *css_class)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (parent);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      /* A list's placeholder is a hidden child while the list has rows. */
      if (gtk_widget_get_visible (c) && gtk_widget_get_child_visible (c)
          && (css_class == NULL || gtk_widget_has_css_class (c, css_class)))
        n++;
    }

  return n;
}

static void
test_new_destroy (void)
{
  GtkWidget *view = lento_plan_view_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = lento_program_new_default (&error);
  g_autoptr(LentoInventory) inventory = make_inventory ();
  g_autoptr(GListStore) journal = g_list_store_new (LENTO_TYPE_ENTRY);

  g_assert_no_error (error);
  g_object_ref_sink (view);
  g_object_set (view, "program", program, "journal", journal, "inventory", inventory, NULL);
  /* What the plan says comes from LentoPractice; the view never asks the coach. */
  g_assert_null (lento_plan_view_get_recommendation (LENTO_PLAN_VIEW (view)));
  g_assert_finalize_object (view);

  /* The view let go of the models it was given. */
  g_assert_finalize_object (g_steal_pointer (&journal));
  g_assert_finalize_object (g_steal_pointer (&inventory));
}

/* The page of @type inside the view, which must be there: the inventory and
 * learn pages are built the first time they are shown.
 */
static gpointer
shown_page (Fixture *fixture,
            GType    type)
{
  GtkWidget *page = lento_test_find_widget (GTK_WIDGET (fixture->view), type, NULL);

  g_assert_nonnull (page);
  return page;
}

static void
test_pages_new_destroy (void)
{
  GtkWidget *inventory_page = g_object_ref_sink (lento_inventory_page_new ());
  GtkWidget *learn_page = g_object_ref_sink (lento_learn_page_new ());

  g_assert_finalize_object (inventory_page);
  g_assert_finalize_object (learn_page);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  GtkStack *stack = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");

  /* Locking hands the view NULL models: nothing personal stays on screen,
   * even before the recommendation goes too.
   */
  lento_plan_view_set_journal (fixture->view, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "locked");
  lento_plan_view_set_recommendation (fixture->view, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "locked");
  lento_plan_view_show_page (fixture->view, "inventory");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "locked");

  lento_plan_view_set_journal (fixture->view, G_LIST_MODEL (fixture->journal));
  recommend (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
}

/* While the journal is open but not yet read to the end, LentoPractice has
 * no recommendation for the view: it waits quietly, and never says the plan
 * will come once the journal is open, which it already is.
 */
static void
test_loading (Fixture       *fixture,
              gconstpointer  data)
{
  GtkStack *stack = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "stack");
  GtkWidget *locked = gtk_stack_get_child_by_name (stack, "locked");

  lento_plan_view_set_recommendation (fixture->view, NULL);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_false (gtk_widget_get_mapped (locked));

  /* Nothing but the learn pages opens in the meantime. */
  lento_plan_view_show_page (fixture->view, "inventory");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");

  recommend (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
}

static void
test_today_week_one (Fixture       *fixture,
                     gconstpointer  data)
{
  LentoRecommendation *rec = lento_plan_view_get_recommendation (fixture->view);
  GtkWidget *start = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "start_button");
  AdwActionRow *tool_row = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "tool_row");
  AdwActionRow *template_row = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "template_row");
  GtkWidget *week_box = child (child (fixture->view, LENTO_TYPE_PLAN_VIEW, "week"),
                               LENTO_TYPE_PLAN_WEEK, "words_box");
  GtkWidget *reasons_box = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "reasons_box");
  int minimum;

  g_assert_nonnull (rec);
  g_assert_cmpstr (lento_recommendation_get_stage (rec), ==, "outside-first");
  g_assert_cmpstr (lento_recommendation_get_tool (rec), ==, "finger-little");

  g_assert_nonnull (strstr (title_text (fixture),
                           lento_program_get_stage_title (fixture->program, "outside-first")));
  g_assert_true (gtk_widget_get_sensitive (start));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tool_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (tool_row), "Little finger"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (tool_row), "14\u00a0mm"));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_row), ==,
                   lento_program_get_template_title (fixture->program,
                                                     lento_recommendation_get_template (rec)));
  g_assert_cmpuint (count_children (reasons_box, NULL), ==,
                    lento_recommendation_get_reasons (rec)->len);
  g_assert_cmpuint (count_children (reasons_box, NULL), >, 0);
  g_assert_cmpuint (count_children (week_box, NULL), ==, LENTO_COACH_PLAN_DAYS);
  g_assert_cmpuint (count_children (week_box, "today"), ==, 1);
  g_assert_cmpuint (count_children (week_box, "planned"), >=, 2);

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "plan-today");

  /* The view fits a phone-sized window: 360 pixels wide. */
  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
count_cb (GSimpleAction *action,
          GVariant      *parameter,
          guint         *count)
{
  (*count)++;
}

/* Stands in for the window's action @name: @callback gets @user_data. */
static void
add_window_action (Fixture            *fixture,
                   const char         *name,
                   const GVariantType *parameter_type,
                   GCallback           callback,
                   gpointer            user_data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, parameter_type);

  g_signal_connect (action, "activate", callback, user_data);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
}

static void
test_start_session_action (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *start = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "start_button");
  guint count = 0;

  add_window_action (fixture, "start-session", NULL, G_CALLBACK (count_cb), &count);

  g_signal_emit_by_name (start, "clicked");
  g_assert_cmpuint (count, ==, 1);
}

static void
test_rest_after_pain (Fixture       *fixture,
                      gconstpointer  data)
{
  LentoRecommendation *rec;
  GtkWidget *start = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "start_button");
  GtkLabel *next = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "today_next");
  g_autofree char *before = g_strdup (title_text (fixture));

  /* Two calm sessions at the first sizes, then one that hurt today. */
  add_entry (fixture, make_entry (6, "size-ladder", "trainer-1", 15.0, 0));
  add_entry (fixture, make_entry (3, "size-ladder", "trainer-2", 18.0, 0));
  add_entry (fixture, make_entry (0, "size-ladder", "trainer-3", 21.5, 6));

  rec = lento_plan_view_get_recommendation (fixture->view);
  g_assert_cmpint (lento_recommendation_get_kind (rec), ==, LENTO_RECOMMENDATION_REST);
  g_assert_cmpint (lento_recommendation_get_next_kind (rec), ==, LENTO_RECOMMENDATION_STEP_BACK);
  g_assert_cmpstr (title_text (fixture), !=, before);
  g_assert_cmpstr (title_text (fixture), ==, "Rest Today");
  g_assert_false (gtk_widget_get_sensitive (start));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (next)));
  g_assert_nonnull (strstr (gtk_label_get_label (next), "one size smaller"));
  g_assert_nonnull (strstr (gtk_label_get_label (next), "next planned session"));
  g_assert_false (gtk_widget_get_visible (child (fixture->view, LENTO_TYPE_PLAN_VIEW,
                                                 "tool_row")));
  g_assert_false (gtk_widget_get_visible (child (fixture->view, LENTO_TYPE_PLAN_VIEW,
                                                 "today_list")));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "plan-rest");

  /* Removing the entry (an edit in the journal) brings the session back. */
  g_list_store_remove (fixture->journal, 0);
  rec = lento_plan_view_get_recommendation (fixture->view);
  g_assert_cmpint (lento_recommendation_get_kind (rec), !=, LENTO_RECOMMENDATION_REST);
  g_assert_true (gtk_widget_get_sensitive (start));
}

static void
show_entry_cb (GSimpleAction *action,
               GVariant      *parameter,
               char         **uuid)
{
  g_free (*uuid);
  *uuid = g_variant_dup_string (parameter, NULL);
}

/* The reason for a rest names the painful session behind it, and a link
 * opens that entry through the window's win.show-entry.
 */
static void
test_reason_links_entry (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *reasons_box = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "reasons_box");
  LentoEntry *painful = make_entry (0, "size-ladder", "trainer-3", 21.5, 6);
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (painful));
  g_autofree char *opened = NULL;
  GtkWidget *links = NULL;
  GtkWidget *button;

  add_window_action (fixture, "show-entry", G_VARIANT_TYPE_STRING, G_CALLBACK (show_entry_cb),
                     &opened);

  /* Week one's reasons rest on no entry: no links. */
  for (GtkWidget *c = gtk_widget_get_first_child (reasons_box); c; c = gtk_widget_get_next_sibling (c))
    g_assert_cmpstr (gtk_widget_get_name (c), !=, "reason-entries");

  add_entry (fixture, make_entry (3, "size-ladder", "trainer-2", 18.0, 0));
  add_entry (fixture, painful);
  g_assert_cmpint (lento_recommendation_get_kind (lento_plan_view_get_recommendation (fixture->view)),
                   ==, LENTO_RECOMMENDATION_REST);

  for (GtkWidget *c = gtk_widget_get_first_child (reasons_box); c; c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), "reason-entries") == 0)
      links = c;
  g_assert_nonnull (links);

  /* One link, to the painful session, named by its date. */
  button = gtk_widget_get_first_child (links);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_null (gtk_widget_get_next_sibling (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-entry");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Entry of 10 March");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (opened, ==, uuid);
}

/* A day of one digit is written without padding: “Entry of 7 March”, not
 * with the figure space that %e puts before it.
 */
static void
test_reason_link_date (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *reasons_box = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "reasons_box");
  LentoRecommendation *rec;
  GtkWidget *links = NULL;
  GtkWidget *button;

  /* Seen from Saturday 7 March, with a painful session that morning. */
  g_clear_pointer (&fixture->today, g_date_time_unref);
  fixture->today = g_date_time_new_local (TODAY_YEAR, TODAY_MONTH, 7, 12, 0, 0);
  g_object_set (fixture->view, "today", fixture->today, NULL);
  add_entry (fixture, make_entry (6, "size-ladder", "trainer-2", 18.0, 0));
  add_entry (fixture, make_entry (3, "size-ladder", "trainer-3", 21.5, 6));
  rec = lento_plan_view_get_recommendation (fixture->view);
  g_assert_cmpint (lento_recommendation_get_kind (rec), ==, LENTO_RECOMMENDATION_REST);

  for (GtkWidget *c = gtk_widget_get_first_child (reasons_box);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), "reason-entries") == 0)
      links = c;
  g_assert_nonnull (links);
  button = gtk_widget_get_first_child (links);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Entry of 7 March");
}

static void
test_clinician_pause (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *clinician = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "clinician_button");
  GtkWidget *start = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "start_button");
  LentoRecommendation *rec;
  LentoEntry *entry;

  g_assert_false (gtk_widget_get_visible (clinician));

  /* Bleeding twice within two weeks pauses progression. */
  entry = make_entry (12, "size-ladder", "trainer-2", 18.0, 0);
  lento_entry_set_bleeding (entry, LENTO_BLEEDING_SIGNIFICANT);
  add_entry (fixture, entry);
  entry = make_entry (6, "size-ladder", "trainer-2", 18.0, 0);
  lento_entry_set_bleeding (entry, LENTO_BLEEDING_SIGNIFICANT);
  add_entry (fixture, entry);

  rec = lento_plan_view_get_recommendation (fixture->view);
  g_assert_cmpint (lento_recommendation_get_kind (rec), ==, LENTO_RECOMMENDATION_SEE_CLINICIAN);
  g_assert_true (gtk_widget_get_visible (clinician));
  g_assert_false (gtk_widget_get_sensitive (start));
  g_assert_cmpstr (title_text (fixture), ==, "Time to Talk With a Clinician");

  /* Noting the visit adds an entry to the journal and the plan goes on. */
  g_assert_true (lento_plan_view_note_clinician (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, 3);
  rec = lento_plan_view_get_recommendation (fixture->view);
  g_assert_cmpint (lento_recommendation_get_kind (rec), !=, LENTO_RECOMMENDATION_SEE_CLINICIAN);
  g_assert_false (gtk_widget_get_visible (clinician));
}

static void
test_ladder_reached (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *ladder = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "ladder_list");
  GtkWidget *scrolled;

  g_assert_cmpuint (count_children (ladder, NULL), ==, 5);
  g_assert_cmpuint (count_children (ladder, "reached"), ==, 0);

  add_entry (fixture, make_entry (8, "size-ladder", "trainer-1", 15.0, 0));
  add_entry (fixture, make_entry (5, "size-ladder", "trainer-2", 18.0, 0));
  /* Pain above the program's limit does not count as reaching a size. */
  add_entry (fixture, make_entry (3, "size-ladder", "trainer-3", 21.5, 2));
  /* Nor does a session whose How It Felt was left unanswered. */
  {
    LentoEntry *untouched = make_entry (2, "size-ladder", "trainer-4", 25.5, 0);

    lento_entry_set_pain (untouched, LENTO_ENTRY_UNSET);
    lento_entry_set_resistance (untouched, LENTO_RESISTANCE_UNSET);
    lento_entry_set_comfort (untouched, LENTO_ENTRY_UNSET);
    add_entry (fixture, untouched);
  }

  g_assert_cmpfloat (lento_plan_view_get_reached (fixture->view), ==, 18.0);
  g_assert_cmpuint (count_children (ladder, NULL), ==, 5);
  g_assert_cmpuint (count_children (ladder, "reached"), ==, 2);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (ladder), "reached"));

  /* A tool removed from the inventory leaves the ladder. */
  g_assert_true (lento_inventory_remove_tool (fixture->inventory, "trainer-5"));
  g_assert_cmpuint (count_children (ladder, NULL), ==, 4);

  scrolled = gtk_widget_get_ancestor (ladder, GTK_TYPE_SCROLLED_WINDOW);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            1000.0);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "plan-ladder");
}

/* A tool's name is the person's words, shown as they typed them: never
 * read as markup, where “&” or “<” would blank the row and warn.
 */
static void
test_names_are_text (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwActionRow *tool_row = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "tool_row");
  GtkWidget *ladder = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "ladder_list");
  GtkWidget *first = gtk_widget_get_first_child (ladder);

  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tool_row)));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (tool_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (tool_row), data));

  g_assert_true (ADW_IS_ACTION_ROW (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, data);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (first)));
  g_assert_nonnull (lento_test_find_widget (first, GTK_TYPE_LABEL, data));
}

static void
test_safety_banners (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *banners = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "banner_box");
  g_autoptr(LentoTool) tool = lento_tool_new ("glass", "Glass plug", LENTO_TOOL_KIND_PLUG,
                                              LENTO_MATERIAL_GLASS, 20.0, 80.0, FALSE);

  g_assert_false (gtk_widget_get_visible (banners));

  g_assert_true (lento_inventory_add_tool (fixture->inventory, tool, NULL));
  g_assert_true (gtk_widget_get_visible (banners));
  g_assert_cmpuint (count_children (banners, "plan-banner"), >=, 1);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "plan-safety");
  lento_test_check_contrast (GTK_WIDGET (fixture->window), "the plan with its warnings");
}

static void
changed_cb (LentoInventory *inventory,
            guint          *count)
{
  (*count)++;
}

static void
test_inventory_refuses_numbing (Fixture       *fixture,
                                gconstpointer  data)
{
  LentoInventoryPage *page;
  GListModel *lubes = lento_inventory_get_lubes (fixture->inventory);
  GtkWidget *tools_list;
  g_autoptr(LentoLube) numbing = lento_lube_new ("x", "Numb Easy", LENTO_LUBE_KIND_NUMBING);
  g_autofree char *reason = NULL;
  guint changed = 0;
  guint n_lubes = g_list_model_get_n_items (lubes);

  /* The page is built the first time it is shown, with the plan's inventory. */
  g_assert_null (lento_test_find_widget (GTK_WIDGET (fixture->view), LENTO_TYPE_INVENTORY_PAGE,
                                         NULL));
  g_signal_connect (fixture->inventory, "changed", G_CALLBACK (changed_cb), &changed);

  /* The row's button, as a click or Enter on the row reaches it. */
  g_signal_emit_by_name (child (fixture->view, LENTO_TYPE_PLAN_VIEW, "inventory_button"),
                         "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture->view, LENTO_TYPE_PLAN_VIEW,
                                                            "stack")), ==, "inventory");
  page = shown_page (fixture, LENTO_TYPE_INVENTORY_PAGE);
  g_assert_true (lento_inventory_page_get_inventory (page) == fixture->inventory);
  tools_list = child (page, LENTO_TYPE_INVENTORY_PAGE, "tools_list");
  g_assert_cmpuint (count_children (tools_list, NULL), ==, 7);

  g_assert_false (lento_lube_is_usable (numbing, &reason));
  g_assert_false (lento_inventory_page_add_lube (page, "Numb Easy", LENTO_LUBE_KIND_NUMBING));
  g_assert_cmpuint (g_list_model_get_n_items (lubes), ==, n_lubes);
  g_assert_cmpstr (lento_inventory_page_get_message (page), ==, reason);
  g_assert_true (gtk_widget_has_css_class (child (page, LENTO_TYPE_INVENTORY_PAGE, "message_box"),
                                           "warning"));
  g_assert_cmpuint (changed, ==, 0);

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "inventory");
  lento_test_check_contrast (GTK_WIDGET (fixture->window), "the inventory with a refusal");

  g_assert_true (lento_inventory_page_add_lube (page, "Slick", LENTO_LUBE_KIND_WATER));
  g_assert_cmpuint (g_list_model_get_n_items (lubes), ==, n_lubes + 1);
  g_assert_null (lento_inventory_page_get_message (page));
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_inventory_trainer_set (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  GtkWidget *page = g_object_ref_sink (lento_inventory_page_new ());
  g_autoptr(GPtrArray) ladder = NULL;

  lento_inventory_page_set_inventory (LENTO_INVENTORY_PAGE (page), inventory);
  g_assert_cmpuint (lento_inventory_page_add_trainer_set (LENTO_INVENTORY_PAGE (page)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_tools (inventory)), ==, 5);
  /* Not confirmed yet: the plan offers none of them. */
  ladder = lento_inventory_dup_ladder (inventory);
  g_assert_cmpuint (ladder->len, ==, 0);
  /* The Tools group says so, with a way to confirm them all at once. */
  g_assert_null (lento_inventory_page_get_message (LENTO_INVENTORY_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (child (page, LENTO_TYPE_INVENTORY_PAGE, "confirm_box")));
  g_assert_cmpstr (gtk_label_get_label (child (page, LENTO_TYPE_INVENTORY_PAGE, "confirm_label")),
                   ==, "5 tools wait for their measured sizes. Until you confirm them, the plan "
                   "leaves them out.");

  g_assert_cmpuint (lento_inventory_page_add_trainer_set (LENTO_INVENTORY_PAGE (page)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_tools (inventory)), ==, 5);
  g_assert_cmpstr (lento_inventory_page_get_message (LENTO_INVENTORY_PAGE (page)), ==,
                   "This set is already in the list.");
  g_assert_false (gtk_widget_has_css_class (child (page, LENTO_TYPE_INVENTORY_PAGE, "message_box"),
                                            "warning"));

  g_assert_finalize_object (page);
}

/* A trainer from the preset set joins the ladder once the person enters its
 * real diameter and confirms it in the edit dialog.
 */
static void
test_inventory_confirm_trainer (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  LentoInventoryPage *page;
  GtkWidget *ladder = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "ladder_list");
  GtkWidget *edit;
  AdwMessageDialog *dialog;
  GtkWidget *spin;
  GtkWidget *confirmed;
  GtkWidget *row;
  LentoTool *tool;
  guint changed = 0;

  lento_plan_view_set_inventory (fixture->view, inventory);
  lento_inventory_add_finger_presets (inventory);
  lento_plan_view_show_page (fixture->view, "inventory");
  page = shown_page (fixture, LENTO_TYPE_INVENTORY_PAGE);
  /* The inventory itself says what changed, one trainer at a time. */
  g_signal_connect (inventory, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_widget_activate_action (GTK_WIDGET (page), "inventory.add-trainer-set", NULL);
  g_assert_cmpuint (changed, ==, 5);
  tool = lento_inventory_find_tool (inventory, "trainer-1");
  g_assert_nonnull (tool);
  g_assert_false (lento_tool_get_confirmed (tool));

  /* Unconfirmed sizes stay off the ladder, with one note on the plan. */
  g_assert_cmpuint (count_children (child (fixture->view, LENTO_TYPE_PLAN_VIEW, "banner_box"),
                                    "plan-banner"), ==, 1);
  g_assert_cmpuint (count_children (ladder, NULL), ==, 1);
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_first_child (ladder), "reached"));

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "inventory-unconfirmed");

  edit = lento_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Edit “Trainer, size 1”");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);

  spin = lento_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);
  confirmed = lento_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (spin);
  g_assert_nonnull (confirmed);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (confirmed)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 16.5);
  gtk_switch_set_active (GTK_SWITCH (confirmed), TRUE);
  adw_message_dialog_response (dialog, "save");

  g_assert_true (lento_tool_get_confirmed (tool));
  g_assert_cmpfloat (lento_tool_get_diameter (tool), ==, 16.5);
  /* The new diameter and the confirmation; the name stayed as it was. */
  g_assert_cmpuint (changed, ==, 7);
  g_assert_cmpuint (count_children (ladder, NULL), ==, 1);
  row = gtk_widget_get_first_child (ladder);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Trainer, size 1");
}

static void
test_learn_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkStack *stack = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "stack");
  LentoLearnPage *learn;
  GtkLabel *body;
  AdwButtonContent *back;

  g_assert_null (lento_test_find_widget (GTK_WIDGET (fixture->view), LENTO_TYPE_LEARN_PAGE,
                                         NULL));
  lento_plan_view_show_page (fixture->view, "learn");
  learn = shown_page (fixture, LENTO_TYPE_LEARN_PAGE);
  body = child (learn, LENTO_TYPE_LEARN_PAGE, "topic_body");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "learn");
  g_assert_null (lento_learn_page_get_shown (learn));
  g_assert_cmpuint (lento_learn_get_n_topics (), ==, 7);

  for (guint i = 0; i < lento_learn_get_n_topics (); i++)
    {
      const char *id = lento_learn_get_topic_id (i);

      g_assert_true (lento_learn_page_show_topic (learn, id));
      g_assert_cmpstr (lento_learn_page_get_shown (learn), ==, id);
      g_assert_cmpuint (strlen (gtk_label_get_label (body)), >, 200);
    }
  g_assert_false (lento_learn_page_show_topic (learn, "no-such-topic"));

  g_assert_true (lento_learn_page_show_topic (learn, "urge"));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "plan-learn");

  /* Back leads from a topic to the topics, then to the plan. */
  back = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "learn_back_content");
  g_assert_cmpstr (adw_button_content_get_label (back), ==, "Topics");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.back", NULL);
  g_assert_null (lento_learn_page_get_shown (learn));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "learn");
  g_assert_cmpstr (adw_button_content_get_label (back), ==, "Plan");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
}

/* The person's days: seven toggles with whole weekday names for a screen
 * reader, showing the plan's default until the person picks, and the week
 * ahead follows what they pick. A skipped day is rest.
 */
static void
test_days_and_skip (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const names[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };
  const LentoProgramRules *rules = lento_program_get_rules (fixture->program);
  GtkWidget *days_box = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "days_box");
  GtkWidget *week_box = child (child (fixture->view, LENTO_TYPE_PLAN_VIEW, "week"),
                               LENTO_TYPE_PLAN_WEEK, "words_box");
  GtkWidget *days_note = child (fixture->view, LENTO_TYPE_PLAN_VIEW, "days_note");
  GtkWidget *toggles[7];
  GtkWidget *c;
  GArray *days;
  GDate today;
  guint i = 0;

  for (c = gtk_widget_get_first_child (days_box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *expected = g_strdup_printf ("Plan sessions on %s", names[i]);
      g_autofree char *problem = NULL;

      g_assert_cmpuint (i, <, 7);
      g_assert_true (GTK_IS_TOGGLE_BUTTON (c));
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (c),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      g_assert_null (problem);
      g_assert_true (gtk_widget_get_focusable (c) || gtk_widget_get_can_focus (c));
      /* GDateWeekday counts Monday as 1. */
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (c)), ==,
                       (rules->default_weekdays & (1u << (i + 1))) != 0);
      toggles[i++] = c;
    }
  g_assert_cmpuint (i, ==, 7);
  g_assert_cmpuint (lento_plan_view_get_weekdays (fixture->view), ==, 0);

  /* Pick Saturday alone: the first pick replaces the default days. */
  for (i = 0; i < 7; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[i]), i == 5);
  g_assert_cmpuint (lento_plan_view_get_weekdays (fixture->view), ==, 1u << G_DATE_SATURDAY);
  /* One day is allowed, with a word that two or three work better. */
  g_assert_true (gtk_widget_get_visible (days_note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (days_note)), "2 or 3"));

  days = lento_recommendation_get_days (lento_plan_view_get_recommendation (fixture->view));
  for (i = 0; i < days->len; i++)
    {
      const LentoPlanDay *day = &g_array_index (days, LentoPlanDay, i);

      if (day->kind == LENTO_PLAN_DAY_SESSION)
        g_assert_cmpint (g_date_get_weekday (&day->date), ==, G_DATE_SATURDAY);
    }
  g_assert_cmpuint (count_children (week_box, "planned"), >=, 1);

  /* A plan-wide change (the store, after unlocking) moves the toggles too. */
  lento_plan_view_set_weekdays (fixture->view, (1u << G_DATE_MONDAY) | (1u << G_DATE_THURSDAY));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggles[0])));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggles[3])));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggles[5])));
  g_assert_false (gtk_widget_get_visible (days_note));

  /* Every day planned, then today skipped: today is rest, with its reason. */
  lento_plan_view_set_weekdays (fixture->view, 0xfe);
  g_assert_true (gtk_widget_get_visible (days_note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (days_note)), "at most 3 sessions"));
  g_assert_cmpstr (title_text (fixture), !=, "Rest Today");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
  lento_plan_view_set_skipped_day (fixture->view, g_date_get_julian (&today));
  g_assert_cmpstr (title_text (fixture), ==, "Rest Today");
  g_assert_nonnull (lento_recommendation_find_reason (
                      lento_plan_view_get_recommendation (fixture->view),
                      LENTO_REASON_SKIPPED_TODAY));
  days = lento_recommendation_get_days (lento_plan_view_get_recommendation (fixture->view));
  g_assert_cmpint (g_array_index (days, LentoPlanDay, 0).kind, ==, LENTO_PLAN_DAY_REST);
}

static GtkWidget *
day_tick (GtkWidget *toggle)
{
  GtkWidget *tick = lento_test_find_widget (toggle, GTK_TYPE_IMAGE, NULL);

  g_assert_nonnull (tick);
  return tick;
}

/* A picked day and a free one differ in more than a shade: filled and
 * ticked, or an outline without the tick; and a screen reader hears which
 * is pressed.
 */
static void
assert_days (GtkWidget *days_box,
             guint      weekdays)
{
  GDateWeekday weekday = G_DATE_MONDAY;

  for (GtkWidget *c = gtk_widget_get_first_child (days_box);
       c != NULL;
       c = gtk_widget_get_next_sibling (c), weekday++)
    {
      gboolean picked = (weekdays & (1u << weekday)) != 0;
      g_autofree char *problem = NULL;

      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (c)), ==, picked);
      g_assert_cmpfloat (gtk_widget_get_opacity (day_tick (c)), ==, picked ? 1.0 : 0.0);
      g_assert_true (gtk_widget_has_css_class (c, "plan-day-toggle"));
      problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_STATE_PRESSED,
                                                 picked ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                        : GTK_ACCESSIBLE_TRISTATE_FALSE);
      g_assert_cmpstr (problem, ==, NULL);
    }
}

/* Your Days in the real window: the plan's default days are shown as the
 * default until the person picks their own, which are saved; Reset to
 * Default goes back, and that is saved too.
 */
static void
test_days_default_in_window (void)
{
  const guint defaults = (1u << G_DATE_TUESDAY) | (1u << G_DATE_THURSDAY)
                         | (1u << G_DATE_SATURDAY);
  g_autofree char *data_dir = NULL;
  LentoPractice *practice = lento_test_practice_new (NULL, &data_dir);
  LentoWindow *window = lento_window_new (NULL, practice);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(JsonObject) profile = NULL;
  GtkWidget *view;
  GtkWidget *days_box;
  GtkLabel *default_label;
  GtkWidget *reset;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  gtk_window_present (GTK_WINDOW (window));
  while (g_strcmp0 (lento_window_get_lock_page (window), "main") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_window_set_view (window, "plan");
  view = lento_test_find_widget (GTK_WIDGET (window), LENTO_TYPE_PLAN_VIEW, NULL);
  days_box = child (view, LENTO_TYPE_PLAN_VIEW, "days_box");
  default_label = child (view, LENTO_TYPE_PLAN_VIEW, "days_default_label");
  reset = child (view, LENTO_TYPE_PLAN_VIEW, "days_reset_button");
  lento_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpuint (lento_practice_get_weekdays (practice), ==, 0);
  assert_days (days_box, defaults);
  g_assert_cmpstr (gtk_label_get_text (default_label), ==,
                   "The plan’s default days: Tue, Thu, Sat. Pick a day to choose your own.");
  g_assert_false (gtk_widget_get_visible (reset));

  /* Monday as well: the person's own days, kept in the journal's profile. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (days_box)), TRUE);
  g_assert_cmpuint (lento_practice_get_weekdays (practice), ==, defaults | (1u << G_DATE_MONDAY));
  assert_days (days_box, defaults | (1u << G_DATE_MONDAY));
  g_assert_cmpstr (gtk_label_get_text (default_label), ==,
                   "Your own days. The plan’s default is Tue, Thu, Sat.");
  g_assert_true (gtk_widget_get_visible (reset));
  g_assert_true (gtk_widget_get_focusable (reset) || gtk_widget_get_can_focus (reset));
  profile = lento_test_practice_dup_saved_profile (practice);
  g_assert_cmpint (json_object_get_int_member (profile, "plan-weekdays"), ==,
                   defaults | (1u << G_DATE_MONDAY));
  g_clear_pointer (&profile, json_object_unref);
  lento_test_ui_load_app_style ();
  gtk_widget_grab_focus (reset);
  lento_test_save_screenshot (GTK_WIDGET (window), "plan-days");
  lento_test_check_contrast (GTK_WIDGET (window), "Your Days, picked and free");

  g_signal_emit_by_name (reset, "clicked");
  g_assert_cmpuint (lento_practice_get_weekdays (practice), ==, 0);
  assert_days (days_box, defaults);
  g_assert_false (gtk_widget_get_visible (reset));
  profile = lento_test_practice_dup_saved_profile (practice);
  g_assert_cmpint (json_object_get_int_member (profile, "plan-weekdays"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  lento_test_practice_free (practice, g_steal_pointer (&data_dir));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  lento_test_ui_init (&argc, &argv);

  /* Pages switch at once, so that a screenshot shows the page and not the
   * first frame of a slide; and the app's own style applies, as in the app.
   */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/lento/plan-view/new-destroy", test_new_destroy);
  g_test_add_func ("/lento/plan-view/pages-new-destroy", test_pages_new_destroy);
  g_test_add ("/lento/plan-view/days-and-skip", Fixture, NULL,
              fixture_set_up, test_days_and_skip, fixture_tear_down);
  g_test_add ("/lento/plan-view/locked", Fixture, NULL,
              fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/lento/plan-view/loading", Fixture, NULL,
              fixture_set_up, test_loading, fixture_tear_down);
  g_test_add ("/lento/plan-view/today-week-one", Fixture, NULL,
              fixture_set_up, test_today_week_one, fixture_tear_down);
  g_test_add ("/lento/plan-view/start-session-action", Fixture, NULL,
              fixture_set_up, test_start_session_action, fixture_tear_down);
  g_test_add ("/lento/plan-view/rest-after-pain", Fixture, NULL,
              fixture_set_up, test_rest_after_pain, fixture_tear_down);
  g_test_add ("/lento/plan-view/reason-links-entry", Fixture, NULL,
              fixture_set_up, test_reason_links_entry, fixture_tear_down);
  g_test_add ("/lento/plan-view/reason-link-date", Fixture, NULL,
              fixture_set_up, test_reason_link_date, fixture_tear_down);
  g_test_add ("/lento/plan-view/clinician-pause", Fixture, NULL,
              fixture_set_up, test_clinician_pause, fixture_tear_down);
  g_test_add ("/lento/plan-view/ladder-reached", Fixture, NULL,
              fixture_set_up, test_ladder_reached, fixture_tear_down);
  g_test_add ("/lento/plan-view/names-are-text", Fixture, "Plug & <Co>",
              fixture_set_up, test_names_are_text, fixture_tear_down);
  g_test_add ("/lento/plan-view/safety-banners", Fixture, NULL,
              fixture_set_up, test_safety_banners, fixture_tear_down);
  g_test_add ("/lento/plan-view/inventory-refuses-numbing", Fixture, NULL,
              fixture_set_up, test_inventory_refuses_numbing, fixture_tear_down);
  g_test_add ("/lento/plan-view/inventory-confirm-trainer", Fixture, NULL,
              fixture_set_up, test_inventory_confirm_trainer, fixture_tear_down);
  g_test_add_func ("/lento/plan-view/inventory-trainer-set", test_inventory_trainer_set);
  g_test_add ("/lento/plan-view/learn-pages", Fixture, NULL,
              fixture_set_up, test_learn_pages, fixture_tear_down);
  g_test_add_func ("/lento/plan-view/days-default-in-window", test_days_default_in_window);

  return g_test_run ();
}
