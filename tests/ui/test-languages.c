/* test-languages.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-languages"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lento-entry-editor.h"
#include "lento-inventory-page.h"
#include "lento-journal-view.h"
#include "lento-learn-page.h"
#include "lento-plan-view.h"
#include "lento-plan-week.h"
#include "lento-preferences-window.h"
#include "lento-session-view.h"
#include "lento-setup-page.h"
#include "lento-test-ui.h"
#include "lento-vault.h"
#include "lento-window.h"

/* Every page of the real window, in the language the environment names
 * (meson runs this once per language, with LANGUAGE, LC_ALL and LOCPATH
 * set), at the narrowest width Lento supports and at its default width.
 * A page fails when the window cannot be as narrow as asked (its content
 * needs more), when a widget is wider than the window, or when a label is
 * cut short with an ellipsis: a longer translation must wrap instead. A page
 * the walk cannot reach fails too, so that none goes unchecked.
 * The pictures go to _build/screenshots/<language>/ for a person to look at.
 */

#define DEFAULT_WIDTH  900
#define DEFAULT_HEIGHT 680
#define NARROW_WIDTH   360
#define NARROW_HEIGHT  640
/* The title bar's shadow and rounded corners reach a pixel past the edge. */
#define FRAME_SLACK    2

typedef struct {
  char          *data_dir;
  LentoVault    *vault;
  LentoPractice *practice;
  LentoWindow   *window;
  const char    *language;
  int            width;
  int            height;
  GString       *problems;
  guint          n_pages;
  guint          n_widgets;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *language = g_getenv ("LANGUAGE");

  fixture->language = language != NULL && *language != '\0' ? language : "en";
  fixture->width = GPOINTER_TO_INT (data);
  fixture->height = fixture->width == NARROW_WIDTH ? NARROW_HEIGHT : DEFAULT_HEIGHT;
  fixture->problems = g_string_new (NULL);
  fixture->data_dir = g_dir_make_tmp ("lento-languages-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = lento_vault_new (fixture->data_dir, APPLICATION_ID);
  lento_vault_set_kdf_limits (fixture->vault, 1, 8192);
  lento_vault_open (fixture->vault, &error);
  g_assert_no_error (error);
  fixture->practice = lento_practice_new (fixture->vault, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->practice);
  lento_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  lento_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
  g_string_free (fixture->problems, TRUE);
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so, for at most ten seconds. */
static void
wait_until (gboolean (*done) (Fixture *fixture),
            Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!done (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
main_page_loaded (Fixture *fixture)
{
  return g_strcmp0 (lento_window_get_lock_page (fixture->window), "main") == 0 &&
         lento_practice_get_loaded (fixture->practice);
}

static gboolean
unlock_page_shown (Fixture *fixture)
{
  return g_strcmp0 (lento_window_get_lock_page (fixture->window), "unlock") == 0;
}

/* Whether a stack or a leaflet under @widget is still moving. */
static gboolean
transition_running (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) !=
      gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;

  return FALSE;
}

static void
settle (GtkWidget *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  do
    {
      lento_test_wait_for_draw (window);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  while (transition_running (window));
}

static const char *
describe (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return G_OBJECT_TYPE_NAME (widget);
}

static void
check_widgets (Fixture    *fixture,
               GtkWidget  *widget,
               int         window_width,
               const char *page)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  fixture->n_widgets++;
  if (gtk_widget_get_width (widget) > window_width + FRAME_SLACK)
    g_string_append_printf (fixture->problems, "%s: %s is %d px wide in a %d px window\n",
                            page, describe (widget), gtk_widget_get_width (widget),
                            window_width);

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (fixture->problems, "%s: “%s” is cut short\n",
                            page, gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widgets (fixture, child, window_width, page);
}

/* Looks at what @window shows now, as the page called @page. */
static void
check_page (Fixture    *fixture,
            GtkWindow  *window,
            const char *page)
{
  g_autofree char *name = NULL;
  int width;

  settle (GTK_WIDGET (window));
  lento_test_resize (window, fixture->width, fixture->height);
  settle (GTK_WIDGET (window));
  fixture->n_pages++;

  name = g_strdup_printf ("%s/%s-%d", fixture->language, page, fixture->width);
  lento_test_save_screenshot (GTK_WIDGET (window), name);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  if (width > fixture->width)
    g_string_append_printf (fixture->problems,
                            "%s: the window cannot be narrower than %d px (asked for %d)\n",
                            page, width, fixture->width);
  check_widgets (fixture, GTK_WIDGET (window), width, page);
}

static void
add_sample_entries (Fixture *fixture)
{
  LentoJournal *journal = lento_practice_get_journal (fixture->practice);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (now, -2 * (int) i - 1);
      g_autoptr(LentoEntry) entry = lento_entry_new (start);

      lento_entry_set_duration (entry, (15 + i) * 60);
      lento_entry_set_wear (entry, (8 + i) * 60);
      lento_entry_set_comfort (entry, 6 + i % 4);
      lento_entry_set_pain (entry, i % 3);
      lento_entry_set_resistance (entry, LENTO_RESISTANCE_SLIGHT);
      lento_journal_add (journal, entry);
    }
}

/* Each page the test means to walk must be found and shown: a page it
 * cannot reach fails the test rather than going unchecked.
 */
static GtkWidget *
find_shown (Fixture *fixture,
            GType    type)
{
  GtkWidget *widget;

  settle (GTK_WIDGET (fixture->window));
  widget = lento_test_find_shown (GTK_WIDGET (fixture->window), type, NULL);
  if (widget == NULL)
    g_error ("no %s on screen", g_type_name (type));

  return widget;
}

static void
show_plan_page (Fixture    *fixture,
                const char *page,
                GType       shown_type)
{
  GtkWidget *plan = lento_test_find_widget (GTK_WIDGET (fixture->window), LENTO_TYPE_PLAN_VIEW,
                                            NULL);

  g_assert_nonnull (plan);
  g_assert_true (gtk_widget_activate_action (plan, "plan.show-page", "s", page));
  find_shown (fixture, shown_type);
}

/* Your Days with two days picked: the line under the toggles then names the
 * plan's default days and offers the way back to them.
 */
static void
check_days_picked (Fixture *fixture)
{
  GtkWidget *plan = find_shown (fixture, LENTO_TYPE_PLAN_VIEW);
  GtkWidget *reset;

  lento_plan_view_set_weekdays (LENTO_PLAN_VIEW (plan),
                                (1u << G_DATE_MONDAY) | (1u << G_DATE_THURSDAY));
  settle (GTK_WIDGET (fixture->window));
  reset = lento_test_find_shown (plan, GTK_TYPE_BUTTON, _("_Reset to Default"));
  g_assert_nonnull (reset);
  /* Focused, as by the keyboard, so that the picture shows it. */
  g_assert_true (gtk_widget_grab_focus (reset));
  check_page (fixture, GTK_WINDOW (fixture->window), "plan-days");
  g_assert_true (gtk_widget_activate_action (plan, "plan.reset-days", NULL));
  g_assert_cmpuint (lento_plan_view_get_weekdays (LENTO_PLAN_VIEW (plan)), ==, 0);
}

/* A session under way and paused, then stopped, and put away unrecorded so
 * that the pages after it look as they would without it.
 */
static void
check_session_paused (Fixture *fixture)
{
  GtkWidget *view = find_shown (fixture, LENTO_TYPE_SESSION_VIEW);
  GtkWidget *journal_view;
  GtkWidget *start = GTK_WIDGET (gtk_widget_get_template_child (view, LENTO_TYPE_SESSION_VIEW,
                                                                "start_button"));
  LentoSession *session;

  /* The sample entries may make today a rest day: the button then offers
   * the session anyway, as a person would press it.
   */
  g_assert_true (gtk_widget_get_mapped (start));
  g_signal_emit_by_name (start, "clicked");
  session = lento_session_view_get_session (LENTO_SESSION_VIEW (view));
  g_assert_nonnull (session);
  g_assert_true (gtk_widget_activate_action (view, "session.pause", NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  check_page (fixture, GTK_WINDOW (fixture->window), "session-paused");

  /* Stopped, the session's entry opens in the journal's editor, filled in. */
  g_assert_true (lento_session_stop (session));
  journal_view = find_shown (fixture, LENTO_TYPE_JOURNAL_VIEW);
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==,
                   "editor");
  check_page (fixture, GTK_WINDOW (fixture->window), "session-entry");
  g_assert_true (gtk_widget_activate_action (find_shown (fixture, LENTO_TYPE_ENTRY_EDITOR),
                                             "editor.cancel", NULL));
  g_assert_true (lento_practice_discard_result (fixture->practice));
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==, "list");
}

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *preferences;
  GtkWidget *journal_view;
  GtkWidget *stats;

  g_test_message ("language %s, %d px", fixture->language, fixture->width);
  fixture->window = lento_window_new (NULL, fixture->practice);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), fixture->width, fixture->height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  find_shown (fixture, LENTO_TYPE_SETUP_PAGE);
  check_page (fixture, GTK_WINDOW (fixture->window), "setup");

  code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);
  wait_until (main_page_loaded, fixture);
  add_sample_entries (fixture);

  lento_window_set_view (fixture->window, "plan");
  find_shown (fixture, LENTO_TYPE_PLAN_WEEK);
  check_page (fixture, GTK_WINDOW (fixture->window), "plan");
  check_days_picked (fixture);
  show_plan_page (fixture, "inventory", LENTO_TYPE_INVENTORY_PAGE);
  check_page (fixture, GTK_WINDOW (fixture->window), "inventory");
  show_plan_page (fixture, "learn", LENTO_TYPE_LEARN_PAGE);
  check_page (fixture, GTK_WINDOW (fixture->window), "learn");
  show_plan_page (fixture, "plan", LENTO_TYPE_PLAN_WEEK);

  lento_window_set_view (fixture->window, "session");
  find_shown (fixture, LENTO_TYPE_SESSION_VIEW);
  check_page (fixture, GTK_WINDOW (fixture->window), "session");
  check_session_paused (fixture);

  lento_window_set_view (fixture->window, "journal");
  journal_view = find_shown (fixture, LENTO_TYPE_JOURNAL_VIEW);
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==, "list");
  check_page (fixture, GTK_WINDOW (fixture->window), "journal");
  /* Found by its widget name: the button shows only an icon, and its words
   * are the translator's.
   */
  stats = lento_test_find_named (journal_view, "stats-button");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (stats));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (stats), TRUE);
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==, "stats");
  check_page (fixture, GTK_WINDOW (fixture->window), "statistics");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (stats), FALSE);
  g_assert_true (gtk_widget_activate_action (journal_view, "journal.new-entry", NULL));
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==,
                   "editor");
  check_page (fixture, GTK_WINDOW (fixture->window), "editor");
  lento_journal_view_clear_sensitive (LENTO_JOURNAL_VIEW (journal_view));

  preferences = lento_preferences_window_new (settings, fixture->practice);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), fixture->width, fixture->height);
  gtk_window_present (GTK_WINDOW (preferences));
  check_page (fixture, GTK_WINDOW (preferences), "preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_until (unlock_page_shown, fixture);
  check_page (fixture, GTK_WINDOW (fixture->window), "unlock");

  g_test_message ("%u pages, %u widgets looked at", fixture->n_pages, fixture->n_widgets);
  if (fixture->problems->len > 0)
    g_test_message ("%s", fixture->problems->str);
  g_assert_cmpstr (fixture->problems->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);
  /* Measured as the app lays it out: Lento's style sheet sets the padding
   * of some widgets (the day toggles) that have to fit a phone. */
  lento_test_ui_load_app_style ();
  /* gtk_test_init() keeps the C locale; this test wants the one the
   * environment names, and its direction (right to left for Hebrew). */
  setlocale (LC_ALL, "");
  gtk_widget_set_default_direction (gtk_get_locale_direction ());

  g_test_add ("/lento/languages/narrow", Fixture, GINT_TO_POINTER (NARROW_WIDTH),
              fixture_set_up, test_every_page, fixture_tear_down);
  g_test_add ("/lento/languages/default", Fixture, GINT_TO_POINTER (DEFAULT_WIDTH),
              fixture_set_up, test_every_page, fixture_tear_down);

  return g_test_run ();
}
