/* test-journal-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-journal-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lento-accessible.h"
#include "lento-chart.h"
#include "lento-entry-editor.h"
#include "lento-export.h"
#include "lento-journal-query.h"
#include "lento-journal-row.h"
#include "lento-journal-stats-page.h"
#include "lento-journal-view.h"
#include "lento-sample-data.h"
#include "lento-test-contrast.h"
#include "lento-test-ui.h"

#define SAMPLE_SEED 20260314

typedef struct
{
  GtkWindow        *window;
  LentoJournalView *view;
  LentoJournal     *journal;
  GHashTable       *tool_names;
} Fixture;

static LentoJournal *
sample_journal (guint n_entries)
{
  LentoJournal *journal = lento_journal_new ();
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 3, 14, 21, 0, 0);

  lento_journal_generate_sample (journal, n_entries, n_entries > 1000 ? 10 : 2, SAMPLE_SEED, end);
  /* Made in memory, the journal is whole: nothing is left to load. */
  lento_journal_set_loaded (journal);
  return journal;
}

static void
fixture_set_up_n (Fixture *fixture,
                  guint    n_entries)
{
  fixture->journal = sample_journal (n_entries);
  fixture->tool_names = lento_sample_tool_names_new ();
  fixture->view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  g_object_set (fixture->view,
                "journal", fixture->journal,
                "tool-names", fixture->tool_names,
                NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 640, 720);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->view));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_n (fixture, 300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->tool_names, g_hash_table_unref);
  g_assert_finalize_object (fixture->journal);
}

static GtkWidget *
get_named (Fixture    *fixture,
           const char *name)
{
  GtkWidget *widget = lento_test_find_named (GTK_WIDGET (fixture->view), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (LENTO_IS_JOURNAL_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
settle (Fixture *fixture)
{
  lento_test_wait_for_draw (GTK_WIDGET (fixture->view));
}

/* GtkSearchEntry waits a moment before it reports a change. */
static void
search_for (Fixture    *fixture,
            const char *text)
{
  gboolean done = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture, "search-entry")), text);
  g_timeout_add (400, lento_test_flag_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  settle (fixture);
}

/* Counts the journal's entries a query of its own accepts: the view must
 * show exactly those.
 */
static guint
count_matching (Fixture           *fixture,
                LentoJournalQuery *query)
{
  GListModel *model = G_LIST_MODEL (fixture->journal);
  guint count = 0;

  lento_journal_query_set_tool_names (query, fixture->tool_names);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (model, i);

      if (lento_journal_query_matches (query, entry))
        count++;
    }
  return count;
}

static guint
n_visible (Fixture *fixture)
{
  return g_list_model_get_n_items (lento_journal_view_get_visible_model (fixture->view));
}

static void
test_view_new_destroy (void)
{
  GtkWidget *view = lento_journal_view_new ();
  g_autoptr(LentoJournal) journal = sample_journal (20);

  g_object_ref_sink (view);
  lento_journal_view_set_journal (LENTO_JOURNAL_VIEW (view), journal);
  g_assert_true (lento_journal_view_get_journal (LENTO_JOURNAL_VIEW (view)) == journal);
  g_assert_finalize_object (view);
}

static void
test_editor_new_destroy (void)
{
  GtkWidget *editor = lento_entry_editor_new ();

  g_object_ref_sink (editor);
  g_assert_finalize_object (editor);
}

static void
test_locked_shows_nothing (void)
{
  LentoJournalView *view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  g_autoptr(LentoJournal) journal = sample_journal (20);

  g_object_ref_sink (view);
  g_assert_cmpstr (lento_journal_view_get_page (view), ==, "empty");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "journal.new-entry", NULL)
                  && g_strcmp0 (lento_journal_view_get_page (view), "editor") == 0);

  lento_journal_view_set_journal (view, journal);
  g_assert_cmpstr (lento_journal_view_get_page (view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (lento_journal_view_get_visible_model (view)),
                    ==, 20);

  lento_journal_view_set_journal (view, NULL);
  g_assert_cmpstr (lento_journal_view_get_page (view), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (lento_journal_view_get_visible_model (view)),
                    ==, 0);
  g_assert_finalize_object (view);
}

/* A loader that reads a month only once the test lets it, so that the view
 * can be watched while a journal arrives in parts, as a large one does from
 * a slow disk.
 */
typedef struct
{
  GMutex      mutex;
  GCond       cond;
  GHashTable *months;     /* name → GBytes */
  GHashTable *released;   /* names the loader may read now */
  gboolean    all_released;
  guint       empty_maps;
} SlowLoad;

static GBytes *
slow_load_read (const char    *name,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  SlowLoad *load = user_data;
  GBytes *bytes;

  g_mutex_lock (&load->mutex);
  while (!load->all_released && !g_hash_table_contains (load->released, name))
    g_cond_wait (&load->cond, &load->mutex);
  bytes = g_hash_table_lookup (load->months, name);
  if (bytes != NULL)
    g_bytes_ref (bytes);
  g_mutex_unlock (&load->mutex);

  if (bytes == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s is not there", name);
  return bytes;
}

static void
slow_load_release (SlowLoad   *load,
                   const char *name)
{
  g_mutex_lock (&load->mutex);
  if (name == NULL)
    load->all_released = TRUE;
  else
    g_hash_table_add (load->released, g_strdup (name));
  g_cond_broadcast (&load->cond);
  g_mutex_unlock (&load->mutex);
}

/* The month documents of a sample journal of @n_entries, as the vault
 * would hand them over; @names gets their names.
 */
static void
slow_load_init (SlowLoad  *load,
                guint      n_entries,
                GPtrArray *names)
{
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 3, 14, 21, 0, 0);
  g_auto(GStrv) months = NULL;

  g_mutex_init (&load->mutex);
  g_cond_init (&load->cond);
  load->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_bytes_unref);
  load->released = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load->all_released = FALSE;
  load->empty_maps = 0;

  lento_journal_set_loaded (source);
  if (n_entries > 0)
    lento_journal_generate_sample (source, n_entries, 2, SAMPLE_SEED, end);
  months = lento_journal_dup_dirty_months (source);
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GBytes *bytes = lento_journal_serialize_month (source, months[i], &error);

      g_assert_no_error (error);
      g_hash_table_insert (load->months, g_strdup (months[i]), bytes);
      g_ptr_array_add (names, g_strdup (months[i]));
    }
}

static void
slow_load_clear (SlowLoad *load)
{
  g_clear_pointer (&load->months, g_hash_table_unref);
  g_clear_pointer (&load->released, g_hash_table_unref);
  g_mutex_clear (&load->mutex);
  g_cond_clear (&load->cond);
}

static void
empty_mapped_cb (GtkWidget *page,
                 SlowLoad  *load)
{
  load->empty_maps++;
}

static void
flag_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (lento_journal_load_finish (LENTO_JOURNAL (object), result, NULL));
  *done = TRUE;
}

/* Lets the main loop run for @ms milliseconds, frames and all. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, lento_test_flag_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A journal that is still loading is never said to be empty: the view
 * shows nothing much until the recent months are in, then their rows,
 * while the older months follow.
 */
static void
test_slow_load_never_empty (void)
{
  Fixture fixture = { NULL, };
  SlowLoad load;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 14, 22, 0, 0);
  GtkWidget *empty_page;
  gboolean done = FALSE;
  guint recent = 0;

  slow_load_init (&load, 300, names);
  g_ptr_array_add (names, NULL);

  fixture.journal = lento_journal_new ();
  fixture.tool_names = lento_sample_tool_names_new ();
  fixture.view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  g_object_set (fixture.view,
                "journal", fixture.journal,
                "tool-names", fixture.tool_names,
                NULL);
  empty_page = get_named (&fixture, "empty-page");
  g_signal_connect (empty_page, "map", G_CALLBACK (empty_mapped_cb), &load);
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 640, 720);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  gtk_window_present (fixture.window);
  settle (&fixture);

  lento_journal_load_async (fixture.journal, (const char * const *)names->pdata, now,
                            slow_load_read, &load, NULL, NULL, flag_done_cb, &done);
  run_for (300);
  g_assert_cmpstr (lento_journal_view_get_page (fixture.view), !=, "empty");
  g_assert_cmpuint (load.empty_maps, ==, 0);
  g_assert_false (gtk_widget_get_mapped (empty_page));

  /* The current and the previous month: their rows show at once. */
  slow_load_release (&load, "journal/2026-03");
  slow_load_release (&load, "journal/2026-02");
  while (!lento_journal_get_recent_loaded (fixture.journal))
    g_main_context_iteration (NULL, TRUE);
  settle (&fixture);
  g_assert_false (lento_journal_get_loaded (fixture.journal));
  g_assert_cmpstr (lento_journal_view_get_page (fixture.view), ==, "list");
  recent = n_visible (&fixture);
  g_assert_cmpuint (recent, >, 0);
  g_assert_cmpuint (recent, <, 300);
  collect_rows (GTK_WIDGET (fixture.view), rows);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (rows, 0)));

  slow_load_release (&load, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  settle (&fixture);
  g_assert_true (lento_journal_get_loaded (fixture.journal));
  g_assert_cmpuint (n_visible (&fixture), ==, 300);
  g_assert_cmpstr (lento_journal_view_get_page (fixture.view), ==, "list");
  g_assert_cmpuint (load.empty_maps, ==, 0);

  fixture_tear_down (&fixture, NULL);
  slow_load_clear (&load);
}

/* A journal with nothing in it says so, but only once loading is over. */
static void
test_slow_load_empty (void)
{
  Fixture fixture = { NULL, };
  SlowLoad load;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 14, 22, 0, 0);
  GtkWidget *empty_page;
  gboolean done = FALSE;

  /* A month that was listed and is gone by the time it is read. */
  slow_load_init (&load, 0, names);
  g_ptr_array_add (names, g_strdup ("journal/2025-11"));
  g_ptr_array_add (names, NULL);

  fixture.journal = lento_journal_new ();
  fixture.view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  lento_journal_view_set_journal (fixture.view, fixture.journal);
  empty_page = get_named (&fixture, "empty-page");
  g_signal_connect (empty_page, "map", G_CALLBACK (empty_mapped_cb), &load);
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 640, 720);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  gtk_window_present (fixture.window);
  settle (&fixture);

  lento_journal_load_async (fixture.journal, (const char * const *)names->pdata, now,
                            slow_load_read, &load, NULL, NULL, flag_done_cb, &done);
  run_for (300);
  g_assert_cmpstr (lento_journal_view_get_page (fixture.view), ==, "loading");
  g_assert_cmpuint (load.empty_maps, ==, 0);

  slow_load_release (&load, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  settle (&fixture);
  g_assert_cmpstr (lento_journal_view_get_page (fixture.view), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (empty_page));
  g_assert_cmpuint (load.empty_maps, ==, 1);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==,
                   "No Entries Yet");

  fixture_tear_down (&fixture, NULL);
  slow_load_clear (&load);
}

static void
test_list_shows_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint headers = 0;
  int minimum;

  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (n_visible (fixture), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)));

  collect_rows (GTK_WIDGET (fixture->view), rows);
  g_assert_cmpuint (rows->len, >, 3);
  for (guint i = 0; i < rows->len; i++)
    if (lento_journal_row_get_header (g_ptr_array_index (rows, i)) != NULL)
      {
        g_assert_true (g_str_has_prefix (lento_journal_row_get_header (g_ptr_array_index (rows, i)),
                                         "Week of "));
        headers++;
      }
  /* 300 entries over two years: about three a week, so a screen holds
   * several weeks, but never a heading on every row.
   */
  g_assert_cmpuint (headers, >, 0);
  g_assert_cmpuint (headers, <, rows->len);

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-list");

  /* The window's narrowest layout is 360 pixels wide; every page fits. */
  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
test_search_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LentoJournalQuery) query = lento_journal_query_new ();
  GListModel *visible = lento_journal_view_get_visible_model (fixture->view);
  guint expected;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (
                   get_named (fixture, "search-entry"), GTK_TYPE_SEARCH_BAR))));

  /* No accent and lower case still finds "Épreuve". */
  search_for (fixture, "epreuve");
  lento_journal_query_set_text (query, "epreuve");
  expected = count_matching (fixture, query);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (n_visible (fixture), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (visible, i);

      g_assert_nonnull (strstr (lento_entry_get_notes (entry), "preuve"));
    }

  /* A tool's name is searched too. */
  search_for (fixture, "glass dilator");
  lento_journal_query_set_text (query, "glass dilator");
  g_assert_cmpuint (n_visible (fixture), ==, count_matching (fixture, query));

  search_for (fixture, "no entry says this");
  g_assert_cmpuint (n_visible (fixture), ==, 0);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "empty");

  search_for (fixture, "");
  g_assert_cmpuint (n_visible (fixture), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)));
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
}

typedef struct
{
  const char *path;
  const char *check;
  guint       tool;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "/lento/journal-view/filter/pain", "pain-check", 0 },
  { "/lento/journal-view/filter/bleeding", "bleeding-check", 0 },
  { "/lento/journal-view/filter/tool", NULL, 3 },
};

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  const FilterCase *filter_case = data;
  g_autoptr(LentoJournalQuery) query = lento_journal_query_new ();
  GListModel *visible = lento_journal_view_get_visible_model (fixture->view);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  guint expected;

  /* Two years of the sample hold no bleeding; one spotting after a session
   * is what a person would record.
   */
  if (g_strcmp0 (filter_case->check, "bleeding-check") == 0)
    {
      g_autoptr(LentoEntry) first = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);
      g_autoptr(GDateTime) start = g_date_time_add_hours (lento_entry_get_start (first), 2);
      g_autoptr(LentoEntry) spotting = lento_entry_new (start);

      lento_entry_set_diameter (spotting, 22.0);
      lento_entry_set_bleeding (spotting, LENTO_BLEEDING_SPOTTING);
      lento_journal_add (fixture->journal, spotting);
      total++;
    }

  if (filter_case->check != NULL)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (fixture, filter_case->check)),
                                   TRUE);
      if (g_str_equal (filter_case->check, "pain-check"))
        lento_journal_query_set_with_pain (query, TRUE);
      else
        lento_journal_query_set_with_bleeding (query, TRUE);
    }
  else
    {
      GtkDropDown *dropdown = GTK_DROP_DOWN (get_named (fixture, "tool-filter"));
      g_autoptr(LentoEntry) first = NULL;
      const char *tool;

      gtk_drop_down_set_selected (dropdown, filter_case->tool);
      first = g_list_model_get_item (visible, 0);
      g_assert_nonnull (first);
      tool = lento_entry_get_tool (first);
      lento_journal_query_set_tool (query, tool);
      for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
        {
          g_autoptr(LentoEntry) entry = g_list_model_get_item (visible, i);

          g_assert_cmpstr (lento_entry_get_tool (entry), ==, tool);
        }
    }
  settle (fixture);

  expected = count_matching (fixture, query);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);
  g_assert_cmpuint (n_visible (fixture), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (visible, i);

      g_assert_true (lento_journal_query_matches (query, entry));
    }
}

/* After a filter, the first row shown starts a week, so it has a heading,
 * even though it was bound before the filter changed what lies above it.
 */
static void
test_headers_follow_filter (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *top = NULL;
  double top_y = G_MAXDOUBLE;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (fixture, "pain-check")), TRUE);
  settle (fixture);

  collect_rows (GTK_WIDGET (fixture->view), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      graphene_point_t point;

      if (!gtk_widget_get_mapped (row)
          || !gtk_widget_compute_point (row, GTK_WIDGET (fixture->view),
                                        &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;
      if (point.y < top_y)
        {
          top_y = point.y;
          top = row;
        }
    }
  g_assert_nonnull (top);
  g_assert_nonnull (lento_journal_row_get_header (LENTO_JOURNAL_ROW (top)));
}

static void
set_spin (Fixture    *fixture,
          const char *name,
          double      value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (fixture, name)), value);
}

static LentoEntryEditor *
open_new_entry (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.new-entry",
                                             NULL));
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "editor");
  return LENTO_ENTRY_EDITOR (get_named (fixture, "entry-editor"));
}

/* Answers How It Felt the way a person does: comfort and resistance by
 * choosing, and pain 0 with the keyboard on a scale that already stands at 0.
 */
static void
answer_how_it_felt (Fixture *fixture)
{
  gtk_range_set_value (GTK_RANGE (get_named (fixture, "comfort-scale")), 7);
  g_signal_emit_by_name (get_named (fixture, "pain-scale"), "move-slider", GTK_SCROLL_STEP_LEFT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (fixture, "resistance-dropdown")), 1);
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

static void
test_editor_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  LentoEntryEditor *editor = open_new_entry (fixture);
  const char *message;

  g_assert_null (lento_entry_editor_get_message (editor));

  /* No size: a session needs one. */
  set_spin (fixture, "duration-spin", 20);
  set_spin (fixture, "wear-spin", 10);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  message = lento_entry_editor_get_message (editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "size is missing"));

  /* Worn longer than the session lasted. */
  set_spin (fixture, "diameter-spin", 22);
  set_spin (fixture, "wear-spin", 30);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  message = lento_entry_editor_get_message (editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "wear time is longer"));

  /* A start in the future, picked on the calendar: there is no start that
   * cannot be read.
   */
  set_spin (fixture, "wear-spin", 10);
  {
    g_autoptr(GDateTime) future = g_date_time_new_local (2999, 1, 1, 0, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (get_named (fixture, "start-calendar")), future);
  }
  set_spin (fixture, "start-hour", 10);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (strstr (lento_entry_editor_get_message (editor), "future"));

  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "editor");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-editor");
  lento_test_check_contrast (GTK_WIDGET (fixture->window), "the entry editor");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (get_named (fixture, "pain-scale"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.45);
    lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-editor-feelings");
  }

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);
}

static void
set_notes (Fixture    *fixture,
           const char *notes)
{
  GtkTextView *view = GTK_TEXT_VIEW (get_named (fixture, "notes-view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), notes, -1);
}

/* A keyboard user reaches Save with Tab, one stop a field (26 stops when
 * every row took the focus before its field), and Enter in a text field
 * saves at once.
 */
static void
test_editor_tab_stops (Fixture       *fixture,
                       gconstpointer  data)
{
  LentoEntryEditor *editor = open_new_entry (fixture);
  GtkWidget *save = get_named (fixture, "save-button");
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  GtkWidget *focus;

  settle (fixture);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  /* The editor opens on its first field. */
  g_assert_true (gtk_widget_is_ancestor (focus, get_named (fixture, "date-button")));

  while (focus != save)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window),
                                             GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (editor)));
      /* A field, never the row around it, and never twice. */
      g_assert_false (GTK_IS_LIST_BOX_ROW (focus));
      g_assert_false (g_ptr_array_find (stops, focus, NULL));
      g_ptr_array_add (stops, focus);
      /* About 26 before; the start is now a date, an hour and a minute. */
      g_assert_cmpuint (stops->len, <=, 19);
    }
  g_test_message ("Save is %u tab stops after the first field", stops->len);

  /* Enter in the tags asks how it felt, as Save does. */
  set_spin (fixture, "diameter-spin", 18);
  set_spin (fixture, "duration-spin", 20);
  set_spin (fixture, "wear-spin", 10);
  g_assert_null (lento_test_find_message_dialog ());
  g_signal_emit_by_name (get_named (fixture, "tags-entry"), "activate");
  g_assert_nonnull (lento_test_find_message_dialog ());
  respond (lento_test_find_message_dialog (), "back");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
}

static void
test_save_adds (Fixture       *fixture,
                gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  LentoEntryEditor *editor = open_new_entry (fixture);
  g_autoptr(LentoEntry) first = NULL;
  const char * const *tags;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (fixture, "tool-dropdown")), 2);
  set_spin (fixture, "diameter-spin", 19);
  set_spin (fixture, "duration-spin", 25);
  set_spin (fixture, "wear-spin", 15);
  gtk_range_set_value (GTK_RANGE (get_named (fixture, "comfort-scale")), 8);
  gtk_range_set_value (GTK_RANGE (get_named (fixture, "pain-scale")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (fixture, "resistance-dropdown")), 2);
  set_notes (fixture, "A quiet session, breathing slowly.\nSecond line.");
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture, "tags-entry")), "calm, evening ,");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);

  g_assert_null (lento_entry_editor_get_message (editor));
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before + 1);

  /* The newest entry comes first. */
  first = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);
  g_assert_cmpstr (lento_entry_get_notes (first), ==,
                   "A quiet session, breathing slowly.\nSecond line.");
  g_assert_cmpfloat_with_epsilon (lento_entry_get_diameter (first), 19.0, 0.001);
  g_assert_cmpuint (lento_entry_get_wear (first), ==, 15 * 60);
  g_assert_cmpuint (lento_entry_get_duration (first), ==, 25 * 60);
  g_assert_cmpint (lento_entry_get_comfort (first), ==, 8);
  g_assert_cmpint (lento_entry_get_pain (first), ==, 1);
  g_assert_cmpint (lento_entry_get_resistance (first), ==, LENTO_RESISTANCE_SLIGHT);
  g_assert_nonnull (lento_entry_get_tool (first));
  tags = lento_entry_get_tags (first);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "calm");
  g_assert_cmpstr (tags[1], ==, "evening");
}

/* The window opens a prefilled entry after a session: it is new, so saving
 * adds it and there is nothing to delete yet.
 */
static void
test_save_prefilled_adds (Fixture       *fixture,
                          gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 14, 21, 30, 0);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  LentoEntryEditor *editor = LENTO_ENTRY_EDITOR (get_named (fixture, "entry-editor"));
  LentoEntry *saved;

  lento_entry_set_diameter (entry, 25.0);
  lento_entry_set_duration (entry, 20 * 60);
  lento_entry_set_wear (entry, 14 * 60);
  lento_journal_view_edit_entry (fixture->view, entry);
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "delete-button")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL)
                  && g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)) != before);

  answer_how_it_felt (fixture);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (lento_entry_editor_get_message (editor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before + 1);
  saved = lento_journal_lookup (fixture->journal, lento_entry_get_uuid (entry));
  g_assert_nonnull (saved);
  g_assert_cmpuint (lento_entry_get_wear (saved), ==, 14 * 60);

  /* Opened again from the list, the same entry can be deleted. */
  lento_journal_view_edit_entry (fixture->view, saved);
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "delete-button")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
}

/* Comfort, pain and resistance start unanswered. Saving a session without
 * them asks first, with Go Back as the default; Save Anyway keeps them not
 * recorded, never as 0 or None. Answered, the entry saves without a question.
 */
static void
test_save_unanswered_asks (Fixture       *fixture,
                           gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  LentoEntryEditor *editor = open_new_entry (fixture);
  GtkDropDown *resistance = GTK_DROP_DOWN (get_named (fixture, "resistance-dropdown"));
  AdwMessageDialog *dialog;
  g_autoptr(LentoEntry) first = NULL;
  g_autoptr(LentoEntry) answered = NULL;
  g_autoptr(GtkStringObject) shown = NULL;

  /* Unanswered, and shown so. */
  g_assert_cmpuint (gtk_drop_down_get_selected (resistance), ==, 0);
  shown = g_list_model_get_item (gtk_drop_down_get_model (resistance), 0);
  g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "Not answered");
  g_assert_true (gtk_widget_has_css_class (get_named (fixture, "comfort-scale"), "unanswered"));
  g_assert_true (gtk_widget_has_css_class (get_named (fixture, "pain-scale"), "unanswered"));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-editor-unanswered");

  set_spin (fixture, "diameter-spin", 18);
  set_spin (fixture, "duration-spin", 20);
  set_spin (fixture, "wear-spin", 10);
  g_assert_null (lento_test_find_message_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Without How It Felt?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "back");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "back");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);
  lento_test_save_screenshot (GTK_WIDGET (dialog), "journal-editor-ask-how-it-felt");

  /* Go Back: nothing saved, the editor still open. */
  respond (dialog, "back");
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "editor");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);

  /* Save Anyway: saved, with how it felt not recorded. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before + 1);
  first = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);
  g_assert_cmpint (lento_entry_get_comfort (first), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_pain (first), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_resistance (first), ==, LENTO_RESISTANCE_UNSET);

  /* Opened again, it still shows unanswered; answered, it saves at once. */
  lento_journal_view_edit_entry (fixture->view, first);
  g_assert_cmpuint (gtk_drop_down_get_selected (resistance), ==, 0);
  g_assert_true (gtk_widget_has_css_class (get_named (fixture, "pain-scale"), "unanswered"));
  answer_how_it_felt (fixture);
  g_assert_false (gtk_widget_has_css_class (get_named (fixture, "comfort-scale"), "unanswered"));
  g_assert_false (gtk_widget_has_css_class (get_named (fixture, "pain-scale"), "unanswered"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (lento_test_find_message_dialog ());
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
  answered = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);
  g_assert_cmpstr (lento_entry_get_uuid (answered), ==, lento_entry_get_uuid (first));
  g_assert_cmpint (lento_entry_get_comfort (answered), ==, 7);
  g_assert_cmpint (lento_entry_get_pain (answered), ==, 0);
  g_assert_cmpint (lento_entry_get_resistance (answered), ==, LENTO_RESISTANCE_NONE);
}

/* Rest days and clinician notes have no How It Felt to ask about. */
static void
test_save_rest_does_not_ask (Fixture       *fixture,
                             gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  LentoEntryEditor *editor = open_new_entry (fixture);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_named (fixture, "kind-dropdown")),
                              LENTO_ENTRY_KIND_REST);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (lento_test_find_message_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before + 1);
}

/* Locking while the question is open takes the question and the entry away. */
static void
test_clear_sensitive_closes_question (Fixture       *fixture,
                                      gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  LentoEntryEditor *editor = open_new_entry (fixture);

  set_spin (fixture, "diameter-spin", 18);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (lento_test_find_message_dialog ());
  lento_journal_view_clear_sensitive (fixture->view);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (lento_test_find_message_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);
}

static void
test_save_replaces (Fixture       *fixture,
                    gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  g_autoptr(LentoEntry) original = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 5);
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (original));
  g_autoptr(GDateTime) created = g_date_time_ref (lento_entry_get_created (original));
  LentoEntryEditor *editor = LENTO_ENTRY_EDITOR (get_named (fixture, "entry-editor"));
  LentoEntry *saved;

  lento_journal_view_edit_entry (fixture->view, original);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "editor");
  set_notes (fixture, "Edited afterwards: it went better than I first wrote.");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (lento_entry_editor_get_message (editor));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);
  saved = lento_journal_lookup (fixture->journal, uuid);
  g_assert_nonnull (saved);
  g_assert_true (saved != original);
  g_assert_cmpstr (lento_entry_get_uuid (saved), ==, uuid);
  g_assert_true (g_date_time_equal (lento_entry_get_created (saved), created));
  g_assert_cmpstr (lento_entry_get_notes (saved), ==,
                   "Edited afterwards: it went better than I first wrote.");
  g_assert_true (g_date_time_compare (lento_entry_get_modified (saved),
                                      lento_entry_get_modified (original)) > 0);
}

/* Opening an entry and saving it untouched changes no recorded value, even
 * where the widgets show less precision than the entry holds.
 */
static void
test_save_unchanged_keeps_values (Fixture       *fixture,
                                  gconstpointer  data)
{
  LentoEntryEditor *editor = LENTO_ENTRY_EDITOR (get_named (fixture, "entry-editor"));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  guint checked = 0;

  for (guint i = 0; i < n_items && checked < 25; i += n_items / 25)
    {
      g_autoptr(LentoEntry) original = g_list_model_get_item (G_LIST_MODEL (fixture->journal), i);
      g_autofree char *uuid = g_strdup (lento_entry_get_uuid (original));
      LentoEntry *saved;

      lento_journal_view_edit_entry (fixture->view, original);
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      g_assert_null (lento_entry_editor_get_message (editor));

      saved = lento_journal_lookup (fixture->journal, uuid);
      g_assert_nonnull (saved);
      g_assert_true (g_date_time_equal (lento_entry_get_start (saved),
                                        lento_entry_get_start (original)));
      g_assert_cmpint (lento_entry_get_kind (saved), ==, lento_entry_get_kind (original));
      g_assert_cmpstr (lento_entry_get_tool (saved), ==, lento_entry_get_tool (original));
      g_assert_cmpstr (lento_entry_get_lube (saved), ==, lento_entry_get_lube (original));
      g_assert_cmpfloat (lento_entry_get_diameter (saved), ==, lento_entry_get_diameter (original));
      g_assert_cmpuint (lento_entry_get_duration (saved), ==, lento_entry_get_duration (original));
      g_assert_cmpuint (lento_entry_get_wear (saved), ==, lento_entry_get_wear (original));
      g_assert_cmpint (lento_entry_get_resistance (saved), ==,
                       lento_entry_get_resistance (original));
      g_assert_cmpint (lento_entry_get_comfort (saved), ==, lento_entry_get_comfort (original));
      g_assert_cmpint (lento_entry_get_pain (saved), ==, lento_entry_get_pain (original));
      g_assert_cmpint (lento_entry_get_relaxation (saved), ==,
                       lento_entry_get_relaxation (original));
      g_assert_cmpint (lento_entry_get_urge_faded (saved), ==,
                       lento_entry_get_urge_faded (original));
      g_assert_cmpint (lento_entry_get_sharp_pain (saved), ==,
                       lento_entry_get_sharp_pain (original));
      g_assert_cmpint (lento_entry_get_bleeding (saved), ==, lento_entry_get_bleeding (original));
      g_assert_cmpstr (lento_entry_get_notes (saved), ==, lento_entry_get_notes (original));
      g_assert_true (g_strv_equal ((const char * const *)(lento_entry_get_tags (saved) ?
                                                          lento_entry_get_tags (saved) :
                                                          (const char * const[]) { NULL }),
                                   (const char * const *)(lento_entry_get_tags (original) ?
                                                          lento_entry_get_tags (original) :
                                                          (const char * const[]) { NULL })));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 20);
}

/* Every bleeding level the coach reads can be recorded: "Heavy" is
 * significant bleeding with the tag of the clinician rule, kept apart from
 * the tags typed and where it was among them.
 */
typedef struct {
  const char    *path;
  const char    *tags_before[4];
  guint          level;         /* chosen in the drop-down */
  const char    *typed;         /* typed in the tags, or NULL to keep them */
  LentoBleeding  bleeding;
  const char    *tags_after[4];
} HeavyCase;

static const HeavyCase heavy_cases[] = {
  { "/lento/entry-editor/bleeding/heavy-added", { "calm", NULL }, 3, NULL,
    LENTO_BLEEDING_SIGNIFICANT, { "calm", "heavy-bleeding", NULL } },
  { "/lento/entry-editor/bleeding/heavy-kept-in-place", { "a", "heavy-bleeding", "b", NULL }, 3,
    NULL, LENTO_BLEEDING_SIGNIFICANT, { "a", "heavy-bleeding", "b", NULL } },
  { "/lento/entry-editor/bleeding/heavy-removed", { "heavy-bleeding", "calm", NULL }, 2, NULL,
    LENTO_BLEEDING_SIGNIFICANT, { "calm", NULL } },
  { "/lento/entry-editor/bleeding/spotting", { NULL }, 1, NULL,
    LENTO_BLEEDING_SPOTTING, { NULL } },
  { "/lento/entry-editor/bleeding/heavy-typed", { NULL }, 2, "tired, heavy-bleeding",
    LENTO_BLEEDING_SIGNIFICANT, { "tired", "heavy-bleeding", NULL } },
};

static void
test_heavy_bleeding (Fixture       *fixture,
                     gconstpointer  data)
{
  const HeavyCase *test = data;
  LentoEntryEditor *editor = LENTO_ENTRY_EDITOR (get_named (fixture, "entry-editor"));
  GtkDropDown *dropdown = GTK_DROP_DOWN (get_named (fixture, "bleeding-dropdown"));
  GtkEditable *tags = GTK_EDITABLE (get_named (fixture, "tags-entry"));
  g_autoptr(LentoEntry) original = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 3);
  g_autoptr(LentoEntry) tagged = lento_entry_copy (original);
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (original));
  LentoEntry *saved;

  lento_entry_set_tags (tagged, test->tags_before);
  lento_entry_set_bleeding (tagged, lento_entry_has_tag (tagged, "heavy-bleeding")
                                    ? LENTO_BLEEDING_SIGNIFICANT : LENTO_BLEEDING_NONE);
  lento_journal_view_edit_entry (fixture->view, tagged);

  /* The level shows heavy bleeding; the tags field does not repeat it. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==,
                    lento_entry_has_tag (tagged, "heavy-bleeding") ? 3 : 0);
  g_assert_null (strstr (gtk_editable_get_text (tags), "heavy-bleeding"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);

  gtk_drop_down_set_selected (dropdown, test->level);
  if (test->typed != NULL)
    gtk_editable_set_text (tags, test->typed);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (lento_entry_editor_get_message (editor));

  saved = lento_journal_lookup (fixture->journal, uuid);
  g_assert_nonnull (saved);
  g_assert_cmpint (lento_entry_get_bleeding (saved), ==, test->bleeding);
  g_assert_true (g_strv_equal (lento_entry_get_tags (saved) ? lento_entry_get_tags (saved)
                                                            : (const char * const[]) { NULL },
                               test->tags_after));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  g_autoptr(LentoEntry) entry = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 2);
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (entry));
  LentoEntryEditor *editor = LENTO_ENTRY_EDITOR (get_named (fixture, "entry-editor"));
  guint position;

  lento_journal_view_edit_entry (fixture->view, entry);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before - 1);
  g_assert_null (lento_journal_lookup (fixture->journal, uuid));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "journal.undo-delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);
  g_assert_true (lento_journal_lookup (fixture->journal, uuid) == entry);
  g_assert_true (lento_journal_find (fixture->journal, uuid, &position));
  g_assert_cmpuint (position, ==, 2);

  /* A second Undo has nothing left to restore. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.undo-delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before);

  /* Two deletions in a row, the toast shown between them: Undo brings back
   * the second; the first stays deleted. (Undo right after a deletion, and
   * a deletion right after an Undo, used to crash libadwaita 1.2.) */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LentoEntry) next = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);

      g_free (uuid);
      uuid = g_strdup (lento_entry_get_uuid (next));
      lento_journal_view_edit_entry (fixture->view, next);
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
      lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before - 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "journal.undo-delete", NULL));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before - 1);
  g_assert_nonnull (lento_journal_lookup (fixture->journal, uuid));
}

static void
test_clear_sensitive (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LentoEntry) entry = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);
  GtkTextView *notes;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  lento_journal_view_edit_entry (fixture->view, entry);
  notes = GTK_TEXT_VIEW (get_named (fixture, "notes-view"));
  buffer = gtk_text_view_get_buffer (notes);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, "something private", -1);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  lento_journal_view_clear_sensitive (fixture->view);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), !=, "editor");
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "");
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  LentoJournalStatsPage *page =
    LENTO_JOURNAL_STATS_PAGE (get_named (fixture, "stats-page"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_named (fixture, "stats-button")), TRUE);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "stats");

  for (guint i = 0; i < 4; i++)
    {
      LentoChart *chart = LENTO_CHART (lento_journal_stats_page_get_chart (page, i));
      const char *description = lento_chart_get_description (chart);

      g_assert_nonnull (description);
      g_assert_nonnull (strpbrk (description, "0123456789"));
      g_assert_null (strstr (description, "yet"));
      if (i != 2)
        g_assert_cmpuint (lento_chart_get_n_values (chart), >, 0);
    }

  /* Each axis says what it measures: the unit up the side, dates along the
   * bottom of the charts over time, both scores on the grid.
   */
  {
    static const char * const units[] = { "mm", "min", "Pain", "sessions" };

    for (guint i = 0; i < 4; i++)
      {
        LentoChart *chart = LENTO_CHART (lento_journal_stats_page_get_chart (page, i));

        g_assert_cmpstr (lento_chart_get_axis_label (chart, GTK_ORIENTATION_VERTICAL), ==,
                         units[i]);
        if (i == 2)
          {
            g_assert_cmpstr (lento_chart_get_axis_label (chart, GTK_ORIENTATION_HORIZONTAL), ==,
                             "Comfort");
            continue;
          }
        g_assert_nonnull (lento_chart_get_range_label (chart, FALSE));
        g_assert_nonnull (lento_chart_get_range_label (chart, TRUE));
        g_assert_cmpstr (lento_chart_get_range_label (chart, FALSE), !=,
                         lento_chart_get_range_label (chart, TRUE));
      }
  }

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-stats");

  /* An entry added while the list shows reaches the charts once they show. */
  {
    LentoChart *chart = LENTO_CHART (lento_journal_stats_page_get_chart (page, 2));
    g_autofree char *before = g_strdup (lento_chart_get_description (chart));
    g_autoptr(LentoEntry) first = g_list_model_get_item (G_LIST_MODEL (fixture->journal), 0);
    g_autoptr(GDateTime) start = g_date_time_add_hours (lento_entry_get_start (first), 1);
    g_autoptr(LentoEntry) entry = lento_entry_new (start);

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_named (fixture, "stats-button")), FALSE);
    settle (fixture);
    lento_entry_set_diameter (entry, 22.0);
    lento_entry_set_comfort (entry, 7);
    lento_entry_set_pain (entry, 0);
    lento_journal_add (fixture->journal, entry);
    settle (fixture);
    g_assert_cmpstr (lento_chart_get_description (chart), ==, before);

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_named (fixture, "stats-button")), TRUE);
    settle (fixture);
    g_assert_cmpstr (lento_chart_get_description (chart), !=, before);
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-stats-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_named (fixture, "stats-button")), FALSE);
  g_assert_cmpstr (lento_journal_view_get_page (fixture->view), ==, "list");
}

/* Rows name their tool from the inventory, even one that arrives after the
 * rows are on screen, and follow a tool that is renamed.
 */
static void
test_rows_follow_inventory (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoTool) tool = lento_tool_new ("sample-dilator-7", "Large glass dilator",
                                              LENTO_TOOL_KIND_DILATOR, LENTO_MATERIAL_GLASS,
                                              34.0, 0.0, LENTO_FLARED_BASE_YES);
  GtkWidget *root = GTK_WIDGET (fixture->view);

  settle (fixture);
  g_assert_nonnull (lento_test_find_shown (root, GTK_TYPE_LABEL, "Glass dilator, 34 mm"));

  g_assert_true (lento_inventory_add_tool (inventory, tool, NULL));
  lento_journal_view_set_inventory (fixture->view, inventory);
  settle (fixture);
  g_assert_null (lento_test_find_shown (root, GTK_TYPE_LABEL, "Glass dilator, 34 mm"));
  g_assert_nonnull (lento_test_find_shown (root, GTK_TYPE_LABEL,
                                           "Large glass dilator · 34\u00a0mm"));

  lento_tool_set_name (tool, "Biggest dilator");
  settle (fixture);
  g_assert_null (lento_test_find_shown (root, GTK_TYPE_LABEL, "Large glass dilator · 34\u00a0mm"));
  g_assert_nonnull (lento_test_find_shown (root, GTK_TYPE_LABEL, "Biggest dilator · 34\u00a0mm"));

  lento_journal_view_set_inventory (fixture->view, NULL);
}

static void
fixture_set_up_one (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 20, 0, 0);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);

  fixture->journal = lento_journal_new ();
  lento_entry_set_diameter (entry, 18.0);
  lento_entry_set_wear (entry, 12 * 60);
  lento_entry_set_duration (entry, 25 * 60);
  lento_entry_set_comfort (entry, 7);
  lento_entry_set_pain (entry, 1);
  lento_journal_add (fixture->journal, entry);

  fixture->tool_names = lento_sample_tool_names_new ();
  fixture->view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  g_object_set (fixture->view,
                "journal", fixture->journal,
                "tool-names", fixture->tool_names,
                NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 640, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->view));
}

/* A journal of one session still has four charts with something in them:
 * a dot for the size, a bar for the week, a dot on the grid. The one week's
 * date stands under it once.
 */
static void
test_stats_one_entry_drawn (Fixture       *fixture,
                            gconstpointer  data)
{
  LentoJournalStatsPage *page = LENTO_JOURNAL_STATS_PAGE (get_named (fixture, "stats-page"));
  GdkRGBA accent;

  gdk_rgba_parse (&accent, "#1c71d8");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_named (fixture, "stats-button")), TRUE);
  settle (fixture);

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *chart = lento_journal_stats_page_get_chart (page, i);
      guint marked = lento_test_count_pixels (chart, &accent, 48);

      g_test_message ("chart %u: %u pixels of the accent", i, marked);
      g_assert_cmpuint (marked, >=, 20);
      if (i != 2)
        {
          g_assert_cmpuint (lento_chart_get_n_values (LENTO_CHART (chart)), ==, 1);
          g_assert_cmpstr (lento_chart_get_range_label (LENTO_CHART (chart), FALSE), ==,
                           lento_chart_get_range_label (LENTO_CHART (chart), TRUE));
        }
    }

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "journal-stats-one-entry");
  lento_test_check_contrast (GTK_WIDGET (fixture->window), "the statistics of one entry");
}

typedef struct
{
  const char *path;
  const char *action;
  const char *says;
  const char *response;
} ExportCase;

static const ExportCase export_cases[] = {
  { "/lento/journal-view/export/csv-warns", "journal.export-csv", "plain text", "export" },
  { "/lento/journal-view/export/json-warns", "journal.export-json", "plain text", "export" },
  { "/lento/journal-view/export/pdf-asks-about-notes", "journal.export-pdf", "notes",
    "with-notes" },
};

/* A plain export starts with a warning that says what it means, and
 * cancelling it leaves nothing behind.
 */
static void
test_export_warns (Fixture       *fixture,
                   gconstpointer  data)
{
  const ExportCase *export_case = data;
  AdwMessageDialog *dialog;

  g_assert_null (lento_test_find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), export_case->action,
                                             NULL));
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), export_case->says));
  g_assert_true (adw_message_dialog_has_response (dialog, export_case->response));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (lento_test_find_message_dialog ());
}

/* An export read back in changes nothing that is still there and never
 * brings back what was deleted since (its tombstone wins, docs/FORMAT.md);
 * read into an empty journal, it gives back every entry.
 */
static void
test_import_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) csv = lento_export_csv (G_LIST_MODEL (fixture->journal));
  guint before = g_list_model_get_n_items (G_LIST_MODEL (fixture->journal));
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) broken = g_bytes_new_static ("not,a,lento\nexport", 19);
  g_autoptr(LentoJournal) empty = lento_journal_new ();
  g_autoptr(GError) error = NULL;
  int changed;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (G_LIST_MODEL (fixture->journal), i * 7);

      g_ptr_array_add (removed, g_strdup (lento_entry_get_uuid (entry)));
    }
  for (guint i = 0; i < removed->len; i++)
    g_assert_true (lento_journal_remove (fixture->journal, g_ptr_array_index (removed, i)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before - 10);

  changed = lento_journal_view_import_csv (fixture->view, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before - 10);
  for (guint i = 0; i < removed->len; i++)
    g_assert_null (lento_journal_lookup (fixture->journal, g_ptr_array_index (removed, i)));

  g_assert_cmpint (lento_journal_view_import_csv (fixture->view, broken, &error), ==, -1);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->journal)), ==, before - 10);

  /* The same file into a journal that never held these entries. */
  lento_journal_set_loaded (empty);
  lento_journal_view_set_journal (fixture->view, empty);
  changed = lento_journal_view_import_csv (fixture->view, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, before);
  g_assert_cmpuint (n_visible (fixture), ==, before);
  for (guint i = 0; i < removed->len; i++)
    g_assert_nonnull (lento_journal_lookup (empty, g_ptr_array_index (removed, i)));
}

typedef struct
{
  const char *path;
  const char *action;
  const char *response;
  const char *file_name;
} RecentCase;

static const RecentCase recent_cases[] = {
  { "/lento/journal-view/export/csv-not-in-recent-files", "journal.export-csv", "export",
    "lento-journal.csv" },
  { "/lento/journal-view/export/json-not-in-recent-files", "journal.export-json", "export",
    "lento-journal.json" },
  { "/lento/journal-view/export/pdf-not-in-recent-files", "journal.export-pdf", "summary",
    "lento-summary.pdf" },
};

static GtkWindow *
find_file_chooser (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return window;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
keep_going_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* A plain export or the clinician's summary, written where the person
 * chose through the file chooser's own Export button, never reaches the
 * recently used files that other programs and the desktop show: neither
 * the file nor anything naming Lento.
 */
static void
test_export_not_in_recent_files (Fixture       *fixture,
                                 gconstpointer  data)
{
  const RecentCase *recent_case = data;
  g_autofree char *dir = g_dir_make_tmp ("lento-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, recent_case->file_name, NULL);
  g_autofree char *xbel = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *chooser;
  GtkWidget *export;
  GtkRecentData other = {
    NULL, NULL, (char *) "text/plain", (char *) "Another Program", (char *) "another %u", NULL,
    FALSE,
  };
  gboolean waited = FALSE;
  guint tick;

  /* Another program's file is listed, and stays listed. */
  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (),
                                              "file:///tmp/another-program.txt", &other));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), recent_case->action,
                                             NULL));
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, recent_case->response);

  chooser = find_file_chooser ();
  export = lento_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "_Export");
  g_assert_nonnull (export);
  /* The chooser reads its first folder for a moment; then the name typed
   * is a whole path, as a person may type one.
   */
  g_timeout_add (500, lento_test_flag_timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  waited = FALSE;
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_signal_emit_by_name (export, "clicked");

  /* The file is written in a worker thread: look again every 50 ms. */
  tick = g_timeout_add (50, keep_going_cb, NULL);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  /* GtkRecentManager writes its file a quarter of a second after a change. */
  g_timeout_add (1000, lento_test_flag_timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (xbel, &contents, NULL, NULL));
  g_assert_null (strstr (contents, recent_case->file_name));
  g_assert_null (strstr (contents, dir));
  g_assert_null (strstr (contents, "Lento"));
  g_assert_null (strstr (contents, g_get_prgname ()));
  g_assert_nonnull (strstr (contents, "another-program.txt"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_rows_created_10000 (void)
{
  Fixture fixture = { NULL, };
  gint64 start;
  guint rows;

  fixture_set_up_n (&fixture, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.journal)), ==, 10000);
  g_assert_cmpuint (n_visible (&fixture), ==, 10000);

  rows = lento_journal_view_get_n_rows_created (fixture.view);
  g_test_message ("rows_created_10000: %u", rows);
  g_printerr ("rows_created_10000 %u\n", rows);

  /* A filter over ten years runs in one pass on the main thread. */
  start = g_get_monotonic_time ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (&fixture, "pain-check")), TRUE);
  g_printerr ("filter_ms_10000 %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_visible (&fixture), <, 10000);
  start = g_get_monotonic_time ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (&fixture, "pain-check")), FALSE);
  g_printerr ("unfilter_ms_10000 %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_visible (&fixture), ==, 10000);
  settle (&fixture);
  g_printerr ("rows_created_10000_after_two_filters %u\n",
              lento_journal_view_get_n_rows_created (fixture.view));

  g_assert_cmpuint (rows, >, 0);
  /* GTK 4.8's list view keeps a fixed pool of about 200 rows around what is
   * on screen, whatever the model's size; a widget per entry would be 10,000.
   */
  g_assert_cmpuint (rows, <=, 256);

  fixture_tear_down (&fixture, NULL);
}

static void
first_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  Fixture *fixture = user_data;
  guint *rows = g_object_get_data (G_OBJECT (fixture->view), "rows-at-first-paint");

  if (*rows == 0)
    *rows = lento_journal_view_get_n_rows_created (fixture->view);
}

/* The first frame of a ten-year journal makes a screenful of rows, not the
 * two hundred GtkListView keeps around what it shows: those come after it.
 */
static void
test_first_frame_rows (void)
{
  Fixture fixture = { NULL, };
  guint rows_at_first_paint = 0;

  fixture.journal = sample_journal (10000);
  fixture.tool_names = lento_sample_tool_names_new ();
  fixture.view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  g_object_set_data (G_OBJECT (fixture.view), "rows-at-first-paint", &rows_at_first_paint);
  g_object_set (fixture.view, "journal", fixture.journal, "tool-names", fixture.tool_names, NULL);
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 640, 720);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  gtk_widget_realize (GTK_WIDGET (fixture.window));
  /* Connected before the view's own, which comes when the list maps. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture.window)), "after-paint",
                    G_CALLBACK (first_paint_cb), &fixture);
  gtk_window_present (fixture.window);
  lento_test_wait_for_draw (GTK_WIDGET (fixture.view));
  settle (&fixture);

  g_test_message ("rows at the first frame: %u, after: %u", rows_at_first_paint,
                  lento_journal_view_get_n_rows_created (fixture.view));
  g_assert_cmpuint (rows_at_first_paint, >, 0);
  g_assert_cmpuint (rows_at_first_paint, <=, 48);
  g_assert_cmpuint (lento_journal_view_get_n_rows_created (fixture.view), >, rows_at_first_paint);
  g_assert_cmpuint (n_visible (&fixture), ==, 10000);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (fixture.window)),
                                        first_paint_cb, &fixture);
  fixture_tear_down (&fixture, NULL);
}

/* A list that leaves the screen before its first frame (the window hidden,
 * another view in front) holds the whole journal at once: it never waits
 * for a frame that may not come.
 */
static void
test_hidden_before_first_frame (void)
{
  Fixture fixture = { NULL, };
  GtkWidget *list_view;
  GListModel *shown;

  fixture.journal = sample_journal (10000);
  fixture.view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  g_object_set (fixture.view, "journal", fixture.journal, NULL);
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  list_view = get_named (&fixture, "entry-list");
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  gtk_window_present (fixture.window);
  g_assert_true (gtk_widget_get_mapped (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 10000);
  gtk_widget_set_visible (GTK_WIDGET (fixture.window), FALSE);
  g_assert_false (gtk_widget_get_mapped (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10000);

  fixture_tear_down (&fixture, NULL);
}

/* Every label of a row, joined, as a person reads the row. */
static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

/* A row names a session's size once: a tool named with its size is not
 * followed by the same size again.
 */
typedef struct {
  const char *tool_name;
  double      diameter;
  const char *shows;
} RowSizeCase;

static const RowSizeCase row_size_cases[] = {
  { "Glass dilator, 34 mm", 34.0, "Glass dilator, 34 mm\n" },
  { "Steel plug 25mm", 25.0, "Steel plug 25mm\n" },
  { "Trainer 21,5 mm", 21.5, "Trainer 21,5 mm\n" },
  { "Trainer 21.5 mm", 21.5, "Trainer 21.5 mm\n" },
  /* The size as Lento writes it, with a no-break space (or a narrow one). */
  { "Trainer 18\u00a0mm", 18.0, "Trainer 18\u00a0mm\n" },
  { "Trainer 18\u202fmm", 18.0, "Trainer 18\u202fmm\n" },
  { "Trainer 2", 18.0, "Trainer 2 · 18\u00a0mm\n" },
  /* A tool renamed since: the size of that day still shows. */
  { "Glass dilator, 34 mm", 31.0, "Glass dilator, 34 mm · 31\u00a0mm\n" },
  { "Set of 3, size 2", 22.0, "Set of 3, size 2 · 22\u00a0mm\n" },
};

static void
test_row_size_once (void)
{
  GtkWidget *row = g_object_ref_sink (lento_journal_row_new ());
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 14, 21, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (row_size_cases); i++)
    {
      g_autoptr(LentoEntry) entry = lento_entry_new (start);
      g_autoptr(GString) text = g_string_new (NULL);

      lento_entry_set_tool (entry, "some-tool");
      lento_entry_set_diameter (entry, row_size_cases[i].diameter);
      lento_journal_row_bind (LENTO_JOURNAL_ROW (row), entry, row_size_cases[i].tool_name);
      append_labels (row, text);
      g_test_message ("row: %s", text->str);
      g_assert_nonnull (strstr (text->str, row_size_cases[i].shows));
      lento_journal_row_unbind (LENTO_JOURNAL_ROW (row));
    }

  g_assert_finalize_object (row);
}

/* A row's bleeding mark has its tooltip from the start (set while the row
 * is built, out of sight) and shows only for an entry with bleeding. A
 * tooltip given that way leaves the widget as visible as it was.
 */
static void
test_row_bleeding_mark (void)
{
  GtkWidget *row = g_object_ref_sink (lento_journal_row_new ());
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 14, 21, 0, 0);
  const LentoBleeding levels[] = {
    LENTO_BLEEDING_NONE, LENTO_BLEEDING_SPOTTING, LENTO_BLEEDING_SIGNIFICANT,
  };
  GtkWidget *mark = lento_test_find_widget (row, GTK_TYPE_IMAGE, "Bleeding recorded");

  g_assert_nonnull (mark);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(LentoEntry) entry = lento_entry_new (start);

      lento_entry_set_bleeding (entry, levels[i]);
      lento_journal_row_bind (LENTO_JOURNAL_ROW (row), entry, "Trainer");
      g_assert_cmpint (gtk_widget_get_visible (mark), ==, levels[i] != LENTO_BLEEDING_NONE);
      lento_journal_row_unbind (LENTO_JOURNAL_ROW (row));
    }
  g_assert_finalize_object (row);

  for (guint shown = 0; shown < 2; shown++)
    {
      GtkWidget *label = g_object_ref_sink (gtk_label_new ("x"));

      gtk_widget_set_visible (label, shown);
      lento_accessible_set_new_tooltip (label, "A tooltip");
      g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "A tooltip");
      g_assert_cmpint (gtk_widget_get_visible (label), ==, shown);
      g_assert_finalize_object (label);
    }
}

/* The chart summaries take the plural their number asks for: one week, one
 * session, never "1 weeks".
 */
static void
test_stats_one_session (void)
{
  GtkWidget *page = g_object_ref_sink (g_object_new (LENTO_TYPE_JOURNAL_STATS_PAGE, NULL));
  g_autoptr(GListStore) entries = g_list_store_new (LENTO_TYPE_ENTRY);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 20, 0, 0);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  g_autoptr(GRegex) plural_after_one = NULL;

  lento_entry_set_diameter (entry, 18.0);
  lento_entry_set_wear (entry, 600);
  lento_entry_set_duration (entry, 1500);
  lento_entry_set_comfort (entry, 7);
  lento_entry_set_pain (entry, 0);
  g_list_store_append (entries, entry);
  lento_journal_stats_page_set_model (LENTO_JOURNAL_STATS_PAGE (page), G_LIST_MODEL (entries));
  lento_journal_stats_page_update (LENTO_JOURNAL_STATS_PAGE (page));

  plural_after_one = g_regex_new ("\\b1 (weeks|sessions|days|minutes)\\b", 0, 0, NULL);
  for (guint i = 0; i < 4; i++)
    {
      LentoChart *chart = LENTO_CHART (
        lento_journal_stats_page_get_chart (LENTO_JOURNAL_STATS_PAGE (page), i));
      const char *description = lento_chart_get_description (chart);

      g_test_message ("chart %u: %s", i, description);
      if (g_regex_match (plural_after_one, description, 0, NULL))
        g_error ("chart %u says a plural after 1: “%s”", i, description);
    }

  g_assert_nonnull (strstr (lento_chart_get_description (LENTO_CHART (
    lento_journal_stats_page_get_chart (LENTO_JOURNAL_STATS_PAGE (page), 0))), "1 week"));

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/journal-view/new-destroy", test_view_new_destroy);
  g_test_add_func ("/lento/entry-editor/new-destroy", test_editor_new_destroy);
  g_test_add_func ("/lento/journal-view/locked-shows-nothing", test_locked_shows_nothing);
  g_test_add_func ("/lento/journal-view/slow-load-never-empty", test_slow_load_never_empty);
  g_test_add_func ("/lento/journal-view/slow-load-empty", test_slow_load_empty);
  g_test_add ("/lento/journal-view/list-shows-rows", Fixture, NULL,
              fixture_set_up, test_list_shows_rows, fixture_tear_down);
  g_test_add ("/lento/journal-view/search", Fixture, NULL,
              fixture_set_up, test_search_filters, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    g_test_add (filter_cases[i].path, Fixture, &filter_cases[i],
                fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/lento/journal-view/headers-follow-filter", Fixture, NULL,
              fixture_set_up, test_headers_follow_filter, fixture_tear_down);
  g_test_add ("/lento/journal-view/editor-validation", Fixture, NULL,
              fixture_set_up, test_editor_validation, fixture_tear_down);
  g_test_add ("/lento/journal-view/editor-tab-stops", Fixture, NULL,
              fixture_set_up, test_editor_tab_stops, fixture_tear_down);
  g_test_add ("/lento/journal-view/save-adds", Fixture, NULL,
              fixture_set_up, test_save_adds, fixture_tear_down);
  g_test_add ("/lento/journal-view/save-prefilled-adds", Fixture, NULL,
              fixture_set_up, test_save_prefilled_adds, fixture_tear_down);
  g_test_add ("/lento/journal-view/save-unanswered-asks", Fixture, NULL,
              fixture_set_up, test_save_unanswered_asks, fixture_tear_down);
  g_test_add ("/lento/journal-view/save-rest-does-not-ask", Fixture, NULL,
              fixture_set_up, test_save_rest_does_not_ask, fixture_tear_down);
  g_test_add ("/lento/journal-view/clear-sensitive-closes-question", Fixture, NULL,
              fixture_set_up, test_clear_sensitive_closes_question, fixture_tear_down);
  g_test_add ("/lento/journal-view/save-replaces", Fixture, NULL,
              fixture_set_up, test_save_replaces, fixture_tear_down);
  g_test_add ("/lento/journal-view/save-unchanged-keeps-values", Fixture, NULL,
              fixture_set_up, test_save_unchanged_keeps_values, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (heavy_cases); i++)
    g_test_add (heavy_cases[i].path, Fixture, &heavy_cases[i],
                fixture_set_up, test_heavy_bleeding, fixture_tear_down);
  g_test_add ("/lento/journal-view/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/lento/journal-view/clear-sensitive", Fixture, NULL,
              fixture_set_up, test_clear_sensitive, fixture_tear_down);
  g_test_add ("/lento/journal-view/stats", Fixture, NULL,
              fixture_set_up, test_stats, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    g_test_add (export_cases[i].path, Fixture, &export_cases[i],
                fixture_set_up, test_export_warns, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (recent_cases); i++)
    g_test_add (recent_cases[i].path, Fixture, &recent_cases[i],
                fixture_set_up, test_export_not_in_recent_files, fixture_tear_down);
  g_test_add ("/lento/journal-view/import-round-trip", Fixture, NULL,
              fixture_set_up, test_import_round_trip, fixture_tear_down);
  g_test_add_func ("/lento/journal-view/rows-created-10000", test_rows_created_10000);
  g_test_add_func ("/lento/journal-view/first-frame-rows", test_first_frame_rows);
  g_test_add_func ("/lento/journal-view/hidden-before-first-frame",
                   test_hidden_before_first_frame);
  g_test_add_func ("/lento/journal-row/size-once", test_row_size_once);
  g_test_add_func ("/lento/journal-row/bleeding-mark", test_row_bleeding_mark);
  g_test_add_func ("/lento/journal-stats/one-session", test_stats_one_session);
  g_test_add ("/lento/journal-view/rows-follow-inventory", Fixture, NULL,
              fixture_set_up, test_rows_follow_inventory, fixture_tear_down);
  g_test_add ("/lento/journal-stats/one-entry-drawn", Fixture, NULL,
              fixture_set_up_one, test_stats_one_entry_drawn, fixture_tear_down);

  return g_test_run ();
}
