/* test-window-lock.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-lock"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lento-entry-editor.h"
#include "lento-journal-view.h"
#include "lento-plan-view.h"
#include "lento-session-view.h"
#include "lento-setup-page.h"
#include "lento-sample-data.h"
#include "lento-test-practice.h"
#include "lento-test-ui.h"
#include "lento-unlock-page.h"
#include "lento-vault.h"
#include "lento-vault-private.h"
#include "lento-window.h"

/* The window against a real vault in a throwaway folder and the real
 * gnome-keyring of the test session: what it shows before and after
 * unlocking, and that locking hides everything.
 */

typedef struct {
  char        *data_dir;
  LentoVault  *vault;
  LentoPractice  *practice;
  LentoWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("lento-window-lock-XXXXXX", &error);
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
}

static void
show_window (Fixture *fixture)
{
  fixture->window = lento_window_new (NULL, fixture->practice);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 680);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* The first widget of @type anywhere in the window. */
static GtkWidget *
find_in_window (Fixture *fixture,
                GType    type)
{
  return lento_test_find_widget (GTK_WIDGET (fixture->window), type, NULL);
}

/* A button, by its label or, for an icon, its tooltip. */
static GtkWidget *
find_button (Fixture    *fixture,
             const char *text)
{
  GtkWidget *button = lento_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON,
                                              text);

  g_assert_nonnull (button);
  return button;
}

/* What a click does, without the press animation of gtk_widget_activate(). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Waits for @widget to leave the screen, page transitions included. */
static void
wait_for_unmapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_test_wait_for_draw (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
}

static void
wait_for_page (Fixture    *fixture,
               const char *page)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (lento_window_get_lock_page (fixture->window), page) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_for_loaded (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!lento_practice_get_loaded (fixture->practice))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let the idle work of the views run. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* A new journal, unlocked, in a window showing its views. */
static LentoSecret *
show_new_journal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LentoSecret *code = lento_vault_create (fixture->vault, &error);

  g_assert_no_error (error);
  show_window (fixture);
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
  lento_test_practice_plan_every_day (fixture->practice);
  return code;
}

static void
test_no_journal_shows_setup (Fixture       *fixture,
                             gconstpointer  data)
{
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);
  show_window (fixture);
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "setup");
  /* Keyboard Shortcuts and About Lento only. */
  lento_test_check_main_menu (GTK_WINDOW (fixture->window), 2);

  /* Nothing but set-up: neither shortcuts nor actions reach the views. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "journal");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL);
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "setup");
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);
  /* The main page, with its view switcher, is not even built. */
  g_assert_null (find_in_window (fixture, ADW_TYPE_VIEW_STACK));
  g_assert_null (find_in_window (fixture, ADW_TYPE_VIEW_SWITCHER_TITLE));
  /* Nor is the lock page, with its leaflet for a session behind the lock. */
  g_assert_null (find_in_window (fixture, ADW_TYPE_LEAFLET));
}

static void
count_frame_cb (GdkFrameClock *frame_clock,
                guint         *frames)
{
  (*frames)++;
}

/* Nothing moves on the welcome page, so nothing should be drawn again and
 * again: a hidden spinner once kept the window painting every frame.
 */
static void
test_idle_setup_page_does_not_redraw (Fixture       *fixture,
                                      gconstpointer  data)
{
  GdkFrameClock *frame_clock;
  guint frames = 0;
  gint64 end;

  show_window (fixture);

  /* Let the first frames settle, then watch a quiet second. */
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);

  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_signal_handlers_disconnect_by_func (frame_clock, count_frame_cb, &frames);
  g_assert_cmpuint (frames, <=, 5);
}

static void
test_setup_creates_journal_and_keyring_slot (Fixture       *fixture,
                                             gconstpointer  data)
{
  LentoSetupPage *page;

  show_window (fixture);
  page = LENTO_SETUP_PAGE (find_in_window (fixture, LENTO_TYPE_SETUP_PAGE));
  g_assert_nonnull (page);

  g_signal_emit_by_name (page, "create");
  while (g_strcmp0 (lento_setup_page_get_step (page), "recovery") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* The journal exists and is open, but set-up goes on until the code is
   * confirmed: the window must not jump ahead to the views.
   */
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_true (lento_vault_has_slot (fixture->vault, LENTO_SLOT_KEYRING));
  g_assert_true (lento_vault_has_slot (fixture->vault, LENTO_SLOT_RECOVERY));
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "setup");

  g_signal_emit_by_name (page, "finished", NULL);
  wait_for_page (fixture, "main");
}

/* A reason on the plan links to an entry: win.show-entry opens it in the
 * Journal view's editor; an unknown entry changes nothing.
 */
static void
test_show_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  LentoJournalView *journal_view;
  LentoSetupPage *page;

  show_window (fixture);
  page = LENTO_SETUP_PAGE (find_in_window (fixture, LENTO_TYPE_SETUP_PAGE));
  g_signal_emit_by_name (page, "create");
  while (g_strcmp0 (lento_setup_page_get_step (page), "recovery") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_emit_by_name (page, "finished", NULL);
  wait_for_page (fixture, "main");

  lento_entry_set_pain (entry, 6);
  lento_journal_add (lento_practice_get_journal (fixture->practice), entry);
  lento_window_set_view (fixture->window, "plan");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-entry", "s",
                              "00000000-0000-4000-8000-000000000000");
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "plan");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-entry", "s",
                              lento_entry_get_uuid (entry));
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "journal");
  journal_view = LENTO_JOURNAL_VIEW (find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW));
  g_assert_cmpstr (lento_journal_view_get_page (journal_view), ==, "editor");
}

/* The lock page's copy of the timer, wherever it is in the tree. */
static GtkWidget *
find_discreet_view (GtkWidget *root)
{
  gboolean discreet = FALSE;

  if (LENTO_IS_SESSION_VIEW (root))
    {
      g_object_get (root, "discreet", &discreet, NULL);
      if (discreet)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_discreet_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_lock_hides_views_and_recovery_code_unlocks (Fixture       *fixture,
                                                 gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  LentoUnlockPage *unlock_page;

  code = show_new_journal (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_LOCKED);
  wait_for_page (fixture, "unlock");
  /* Without a session, the lock page's copy of the timer is not even built. */
  g_assert_null (lento_test_find_shown (GTK_WIDGET (fixture->window), LENTO_TYPE_SESSION_VIEW,
                                        NULL));
  g_assert_null (find_discreet_view (GTK_WIDGET (fixture->window)));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "locked");
  lento_test_check_main_menu (GTK_WINDOW (fixture->window), 2);

  unlock_page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));

  /* A wrong code says so and keeps the journal locked. */
  g_signal_emit_by_name (unlock_page, "unlock-with-recovery-code",
                         "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "unlock");
  g_assert_nonnull (lento_unlock_page_get_reason (unlock_page));

  g_signal_emit_by_name (unlock_page, "unlock-with-recovery-code",
                         lento_secret_get_string (code));
  wait_for_page (fixture, "main");
}

/* A view is built the first time it is shown: with the Plan in front after
 * unlocking, the Session view, the Journal view and its editor do not exist
 * yet. After a lock, the view that was in front comes back, and only that
 * one; the Session view, once built, stays (it holds the inhibitor while a
 * session runs).
 */
static void
test_views_built_when_shown (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoUnlockPage *unlock_page;
  GtkWidget *journal_view;
  GtkWidget *session_view;

  code = show_new_journal (fixture);
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "plan");
  g_assert_nonnull (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW));
  g_assert_null (find_in_window (fixture, LENTO_TYPE_SESSION_VIEW));
  g_assert_null (find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW));
  g_assert_null (find_in_window (fixture, LENTO_TYPE_ENTRY_EDITOR));

  lento_window_set_view (fixture->window, "journal");
  journal_view = find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW);
  g_assert_nonnull (journal_view);
  g_assert_nonnull (find_in_window (fixture, LENTO_TYPE_ENTRY_EDITOR));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (journal_view));
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  g_assert_null (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW));
  g_assert_null (find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW));

  unlock_page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  g_signal_emit_by_name (unlock_page, "unlock-with-recovery-code",
                         lento_secret_get_string (code));
  wait_for_page (fixture, "main");
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "journal");
  g_assert_nonnull (find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW));
  g_assert_null (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW));

  /* The Plan, in its turn, comes when it is shown. */
  lento_window_set_view (fixture->window, "plan");
  g_assert_nonnull (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW));
  g_assert_null (find_in_window (fixture, LENTO_TYPE_SESSION_VIEW));

  /* And the Session view, which then outlives a lock. */
  lento_window_set_view (fixture->window, "session");
  session_view = find_in_window (fixture, LENTO_TYPE_SESSION_VIEW);
  g_assert_nonnull (session_view);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (session_view));
  g_assert_nonnull (lento_test_find_shown (session_view, GTK_TYPE_BUTTON, "_Start"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  g_assert_true (find_in_window (fixture, LENTO_TYPE_SESSION_VIEW) == session_view);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  int *stored = user_data;
  g_autoptr(GError) error = NULL;

  *stored = lento_vault_store_in_keyring_finish (LENTO_VAULT (object), result, &error);
  g_assert_no_error (error);
}

/* A journal whose key is in the keyring, locked, as a returning person finds it. */
static void
make_keyring_journal (Fixture *fixture)
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  int stored = -1;

  code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_true (lento_vault_get_state (fixture->vault) == LENTO_VAULT_STATE_UNLOCKED);

  lento_vault_store_in_keyring_async (fixture->vault, NULL, store_cb, &stored);
  while (stored == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (stored, ==, TRUE);

  lento_vault_lock (fixture->vault);
}

static void
test_existing_journal_opens_with_keyring (Fixture       *fixture,
                                          gconstpointer  data)
{
  make_keyring_journal (fixture);
  show_window (fixture);
  /* The window tries the keyring by itself when it opens on a locked journal. */
  wait_for_page (fixture, "main");
}

/* The application asks the keyring before it builds the window; when the
 * key is there by then, the window opens on the main page and never builds
 * the page that says Lento is unlocking.
 */
static void
test_keyring_ready_skips_unlock_page (Fixture       *fixture,
                                      gconstpointer  data)
{
  make_keyring_journal (fixture);
  lento_vault_begin_keyring_unlock (fixture->vault);
  while (!_lento_vault_get_keyring_answered (fixture->vault))
    g_usleep (1000);

  fixture->window = lento_window_new (NULL, fixture->practice);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 680);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  wait_for_page (fixture, "main");
  g_assert_null (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
}

/* The journal loads what the view in front waits for: the Journal view
 * its newest rows, the Plan the whole journal.
 */
static void
test_journal_view_loads_newest_first (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoJournal *journal;

  make_keyring_journal (fixture);
  g_settings_set_string (settings, "last-view", "journal");
  fixture->window = lento_window_new (NULL, fixture->practice);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 680);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_page (fixture, "main");
  g_settings_reset (settings, "last-view");

  journal = lento_practice_get_journal (fixture->practice);
  g_assert_nonnull (journal);
  /* Once it is all read, the order follows the view alone. */
  while (!lento_practice_get_loaded (fixture->practice))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "journal");
  g_assert_true (lento_journal_get_recent_first (journal));
  lento_window_set_view (fixture->window, "plan");
  g_assert_false (lento_journal_get_recent_first (journal));
  lento_window_set_view (fixture->window, "journal");
  g_assert_true (lento_journal_get_recent_first (journal));
}

/* Whether the Plan has today's plan in front, not the page that waits for it. */
static gboolean
plan_in_front (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_STACK (child))
      return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child)), "plan") == 0;

  g_assert_not_reached ();
}

typedef struct {
  Fixture             *fixture;
  LentoRecommendation *early;    /* the first, while the journal was loading */
  gboolean             shown;    /* whether the Plan put it in front at once */
  guint                n_entries;
} EarlyPlan;

static void
early_plan_cb (LentoPractice *practice,
               GParamSpec    *pspec,
               EarlyPlan     *watch)
{
  LentoRecommendation *rec = lento_practice_get_recommendation (practice);

  if (rec == NULL || watch->early != NULL || lento_practice_get_loaded (practice))
    return;

  watch->early = g_object_ref (rec);
  watch->shown = plan_in_front (find_in_window (watch->fixture, LENTO_TYPE_PLAN_VIEW));
  watch->n_entries =
    g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (practice)));
}

/* A returning person with three years of journal, read in full at the last
 * start: the Plan shows today's plan while the older months are still being
 * read, and it is the plan of the whole journal.
 */
static void
test_plan_before_whole_journal (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  EarlyPlan watch = { fixture, NULL, FALSE, 0 };
  guint n_entries = 0;
  int stored = -1;

  code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);
  while (!lento_practice_get_loaded (fixture->practice))
    g_main_context_iteration (NULL, TRUE);
  lento_sample_inventory_fill (lento_practice_get_inventory (fixture->practice));
  lento_journal_generate_sample (lento_practice_get_journal (fixture->practice), 1500, 3, 7, now);
  lento_practice_flush_pending (fixture->practice);
  lento_vault_store_in_keyring_async (fixture->vault, NULL, store_cb, &stored);
  while (stored == -1 || lento_vault_get_busy (fixture->vault))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (stored, ==, TRUE);

  /* The last start read every month. */
  lento_vault_lock (fixture->vault);
  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, code, &error));
  g_assert_no_error (error);
  while (!lento_practice_get_loaded (fixture->practice) || lento_vault_get_busy (fixture->vault))
    g_main_context_iteration (NULL, TRUE);
  n_entries =
    g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (fixture->practice)));
  lento_vault_lock (fixture->vault);

  g_settings_set_string (settings, "last-view", "plan");
  fixture->window = lento_window_new (NULL, fixture->practice);
  g_signal_connect (fixture->practice, "notify::recommendation", G_CALLBACK (early_plan_cb),
                    &watch);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_settings_reset (settings, "last-view");
  while (!lento_practice_get_loaded (fixture->practice))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (fixture->practice, early_plan_cb, &watch);

  g_assert_nonnull (watch.early);
  g_assert_true (watch.shown);
  g_assert_cmpuint (watch.n_entries, >, 0);
  g_assert_cmpuint (watch.n_entries, <, n_entries / 4);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (plan_in_front (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW)));
  lento_test_assert_same_recommendation (watch.early,
                                         lento_practice_get_recommendation (fixture->practice),
                                         TRUE);
  g_clear_object (&watch.early);
}

static void
test_read_only_bar (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;

  code = show_new_journal (fixture);
  g_assert_false (gtk_revealer_get_reveal_child (
    GTK_REVEALER (find_in_window (fixture, GTK_TYPE_REVEALER))));
}

static LentoSessionView *
start_session (Fixture *fixture)
{
  LentoSessionView *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.start-session", NULL));
  view = LENTO_SESSION_VIEW (find_in_window (fixture, LENTO_TYPE_SESSION_VIEW));
  g_assert_nonnull (view);
  g_assert_nonnull (lento_session_view_get_session (view));
  g_assert_cmpint (lento_session_get_state (lento_session_view_get_session (view)), ==,
                   LENTO_SESSION_STATE_RUNNING);
  return view;
}

/* Clicks the button with @label in the message dialog on screen. */
static void
answer_dialog (const char *label)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *button;

      if (!ADW_IS_MESSAGE_DIALOG (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      button = lento_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, label);
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      return;
    }
  g_assert_not_reached ();
}

/* While a session runs, locking takes the plan and the journal out of the
 * window but leaves the timer on the lock page, in reach of the mouse and
 * the keyboard. A session that ends behind the lock is not lost: the entry
 * editor opens with it after unlocking.
 */
static void
test_lock_keeps_running_session (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  /* Paused, the first button offers to resume. */
  const char *controls[] = { "_Resume", "S_kip", "St_op", "It _Hurts, Stop Now" };
  LentoSessionView *view;
  LentoSession *session;
  LentoUnlockPage *unlock_page;
  LentoEntryEditor *editor;
  LentoEntry *entry;
  LentoEntry *saved;
  g_autofree char *uuid = NULL;
  gboolean discreet = FALSE;
  GType types[3];
  gint64 deadline;

  types[0] = LENTO_TYPE_PLAN_VIEW;
  types[1] = LENTO_TYPE_JOURNAL_VIEW;
  types[2] = LENTO_TYPE_ENTRY_EDITOR;

  code = show_new_journal (fixture);
  /* Each view is built when first shown: both are, before the lock. */
  lento_window_set_view (fixture->window, "journal");
  lento_window_set_view (fixture->window, "plan");
  g_assert_nonnull (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW));
  g_assert_nonnull (find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW));

  view = start_session (fixture);
  session = lento_session_view_get_session (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");

  /* Nothing from the plan or the journal is in the window at all... */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_null (find_in_window (fixture, types[i]));
  /* ...but the timer is, shown discreetly, and the session goes on. */
  view = LENTO_SESSION_VIEW (lento_test_find_shown (GTK_WIDGET (fixture->window),
                                                    LENTO_TYPE_SESSION_VIEW, NULL));
  g_assert_nonnull (view);
  g_object_get (view, "discreet", &discreet, NULL);
  g_assert_true (discreet);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (lento_session_view_get_session (view) == session);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);

  /* Its controls work behind the lock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.pause", NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  /* Paused, the breathing guide holds still long enough for a picture,
   * once the page transitions have played.
   */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "locked-session");

  /* At the narrowest width Lento supports, every control of the timer is
   * still there and inside the window.
   */
  lento_test_resize (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  /* The lock page folds, with a short animation, to show the timer alone. */
  unlock_page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  wait_for_unmapped (GTK_WIDGET (unlock_page));
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      GtkWidget *button = lento_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                                  controls[i]);
      graphene_rect_t bounds;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (fixture->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, 640);
    }
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "locked-session-narrow");

  /* There the unlock page is one step away, and back. */
  g_assert_false (gtk_widget_get_visible (find_button (fixture, "Back to the Timer")));
  click (find_button (fixture, "_Unlock…"));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (unlock_page)));
  g_assert_false (gtk_widget_get_visible (find_button (fixture, "_Unlock…")));
  click (find_button (fixture, "Back to the Timer"));
  wait_for_unmapped (GTK_WIDGET (unlock_page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  lento_test_resize (GTK_WINDOW (fixture->window), 900, 680);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (unlock_page)));
  g_assert_false (gtk_widget_get_visible (find_button (fixture, "_Unlock…")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.pause", NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.it-hurts", NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_null (find_in_window (fixture, types[i]));

  unlock_page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  g_assert_nonnull (lento_unlock_page_get_reason (unlock_page));
  g_signal_emit_by_name (unlock_page, "unlock-with-recovery-code",
                         lento_secret_get_string (code));
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);

  /* The editor opens by itself, filled in with the pain. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_strcmp0 (lento_window_get_view (fixture->window), "journal") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  editor = LENTO_ENTRY_EDITOR (find_in_window (fixture, LENTO_TYPE_ENTRY_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  entry = lento_entry_editor_get_entry (editor);
  g_assert_nonnull (entry);
  g_assert_true (lento_entry_get_sharp_pain (entry));
  g_assert_cmpint (lento_entry_get_pain (entry), ==,
                   lento_program_get_rules (lento_practice_get_program (fixture->practice))
                     ->step_back_min_pain);
  uuid = g_strdup (lento_entry_get_uuid (entry));
  /* A session that hurt is in the journal already, whatever the person
   * does with the editor: the coach sees it.
   */
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice), uuid));

  /* Once the entry is saved, the ended session is put away, in the window
   * and in the profile: nothing is left to record it a second time, now or
   * after a restart.
   */
  /* Today's plan (outside first) names no tool; the person adds the size. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lento_test_find_named (GTK_WIDGET (editor),
                                                                      "diameter-spin")),
                             12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  /* Comfort and resistance are the person's to answer; saving asks once. */
  answer_dialog ("_Save Anyway");
  saved = lento_journal_lookup (lento_practice_get_journal (fixture->practice), uuid);
  g_assert_nonnull (saved);
  g_assert_true (lento_entry_get_sharp_pain (saved));
  g_assert_cmpfloat (lento_entry_get_diameter (saved), ==, 12);
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_false (lento_test_practice_saved_profile_has (fixture->practice, "session"));
}

/* A session stopped behind the lock can be put away there, after a
 * question. The timer then leaves the lock page, and the session does not
 * come back once the journal opens.
 */
static void
test_session_closed_behind_lock (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoSessionView *view;
  LentoUnlockPage *unlock_page;
  GtkWidget *close_button;
  GtkWidget *editor;

  code = show_new_journal (fixture);
  view = start_session (fixture);
  g_assert_true (lento_test_practice_saved_profile_has (fixture->practice, "session"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  view = LENTO_SESSION_VIEW (lento_test_find_shown (GTK_WIDGET (fixture->window),
                                                    LENTO_TYPE_SESSION_VIEW, NULL));
  g_assert_true (lento_session_stop (lento_session_view_get_session (view)));
  unlock_page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  g_assert_nonnull (lento_unlock_page_get_reason (unlock_page));

  close_button = lento_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_Close");
  g_assert_nonnull (close_button);
  g_assert_true (gtk_widget_get_mapped (close_button));
  /* Asked first: keeping it changes nothing. */
  g_signal_emit_by_name (close_button, "clicked");
  answer_dialog ("_Keep It");
  g_assert_nonnull (lento_session_view_get_session (view));
  g_signal_emit_by_name (close_button, "clicked");
  answer_dialog ("_Leave It Out");

  g_assert_null (lento_session_view_get_session (view));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_null (lento_unlock_page_get_reason (unlock_page));

  g_signal_emit_by_name (unlock_page, "unlock-with-recovery-code",
                         lento_secret_get_string (code));
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
  g_assert_false (lento_test_practice_saved_profile_has (fixture->practice, "session"));
  g_assert_null (lento_session_view_get_session (view));
  editor = find_in_window (fixture, LENTO_TYPE_ENTRY_EDITOR);
  g_assert_true (editor == NULL || !gtk_widget_get_mapped (editor));
}

/* Lento quits (or crashes) during a session: the next start takes it up
 * again from the encrypted profile.
 */
static void
test_session_resumes_after_restart (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile_path = NULL;
  LentoSessionView *view;
  LentoSession *session;
  gint64 deadline;

  code = show_new_journal (fixture);
  view = start_session (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.pause", NULL));
  g_assert_true (lento_test_practice_saved_profile_has (fixture->practice, "session"));

  /* Gone without a word; a new practice reads the
   * profile back from the disk.
   */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  lento_practice_flush_pending (fixture->practice);
  /* A fresh journal has no profile yet: the one written now holds the
   * session. It is written by a worker thread, then renamed into place.
   */
  profile_path = g_build_filename (fixture->data_dir, "profile.lento", NULL);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (profile_path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* A new start: a new practice reads the session back from the profile. */
  lento_vault_lock (fixture->vault);
  g_clear_object (&fixture->practice);
  fixture->practice = lento_practice_new (fixture->vault, NULL);
  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, code, &error));
  g_assert_no_error (error);

  wait_for_loaded (fixture);
  g_assert_true (lento_test_practice_saved_profile_has (fixture->practice, "session"));
  show_window (fixture);
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "session");
  view = LENTO_SESSION_VIEW (find_in_window (fixture, LENTO_TYPE_SESSION_VIEW));
  session = lento_session_view_get_session (view);
  g_assert_nonnull (session);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  g_assert_cmpuint (lento_session_get_phase_index (session), ==, 0);
}

/* The shown button with @label inside @root, which must be there. */
static GtkWidget *
shown_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button = lento_test_find_shown (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static void
lock_and_unlock (Fixture     *fixture,
                 LentoSecret *code)
{
  LentoUnlockPage *unlock_page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  unlock_page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  g_signal_emit_by_name (unlock_page, "unlock-with-recovery-code",
                         lento_secret_get_string (code));
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
}

/* After any number of locks the session's real buttons are sensitive and
 * do what they say, in the window and on the lock page.
 */
static void
test_session_controls_after_lock (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoSession *session;
  GtkWidget *view;

  code = show_new_journal (fixture);
  lock_and_unlock (fixture, code);
  lock_and_unlock (fixture, code);

  lento_window_set_view (fixture->window, "session");
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  click (shown_button (GTK_WIDGET (fixture->window), "_Start"));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  view = lento_test_find_shown (GTK_WIDGET (fixture->window), LENTO_TYPE_SESSION_VIEW, NULL);
  session = lento_session_view_get_session (LENTO_SESSION_VIEW (view));
  g_assert_nonnull (session);

  click (shown_button (view, "_Pause"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  click (shown_button (view, "_Resume"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);

  /* Locked in the middle of it, the controls go on working. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  view = lento_test_find_shown (GTK_WIDGET (fixture->window), LENTO_TYPE_SESSION_VIEW, NULL);
  click (shown_button (view, "_Pause"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  click (shown_button (view, "It _Hurts, Stop Now"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
}

static void
add_painful_entry (Fixture *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_hours (now, -1);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);

  lento_entry_set_sharp_pain (entry, TRUE);
  lento_entry_set_pain (entry, 7);
  lento_entry_set_duration (entry, 10 * 60);
  lento_journal_add (lento_practice_get_journal (fixture->practice), entry);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* After sharp pain the plan says rest; the Session view says the same and
 * its Start button does not start today's session.
 */
static void
test_session_view_follows_plan (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoRecommendation *recommendation;
  GtkWidget *view;
  GtkWidget *start;

  code = show_new_journal (fixture);
  add_painful_entry (fixture);
  recommendation = lento_plan_view_get_recommendation (
    LENTO_PLAN_VIEW (find_in_window (fixture, LENTO_TYPE_PLAN_VIEW)));
  g_assert_cmpint (lento_recommendation_get_kind (recommendation), ==,
                   LENTO_RECOMMENDATION_REST);

  lento_window_set_view (fixture->window, "session");
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  view = lento_test_find_shown (GTK_WIDGET (fixture->window), LENTO_TYPE_SESSION_VIEW, NULL);
  start = lento_test_find_shown (view, GTK_TYPE_BUTTON, "_Start");
  g_assert_true (start == NULL || !gtk_widget_is_sensitive (start));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-session", NULL);
  g_assert_null (lento_session_view_get_session (LENTO_SESSION_VIEW (view)));
}

/* Cancel in the editor that opens after It Hurts does not throw the
 * painful session away: the coach must see it.
 */
static void
test_it_hurts_is_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoJournal *journal;
  GtkWidget *view;
  LentoEntryEditor *editor;
  gboolean found = FALSE;

  code = show_new_journal (fixture);
  lento_window_set_view (fixture->window, "session");
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  click (shown_button (GTK_WIDGET (fixture->window), "_Start"));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  view = lento_test_find_shown (GTK_WIDGET (fixture->window), LENTO_TYPE_SESSION_VIEW, NULL);
  click (shown_button (view, "It _Hurts, Stop Now"));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));

  /* The editor opens by itself, to say how it was. */
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "journal");
  editor = LENTO_ENTRY_EDITOR (find_in_window (fixture, LENTO_TYPE_ENTRY_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));

  journal = lento_practice_get_journal (fixture->practice);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (journal)); i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (G_LIST_MODEL (journal), i);

      found |= lento_entry_get_sharp_pain (entry);
    }
  g_assert_true (found);
}

/* Makes a journal whose current month is written at least twice, so that
 * it has a previous version (twice the log's size of entries folds them
 * into their month), locks it, lets @spoil damage the month's files
 * (given the path of the current one) and unlocks again: the journal is
 * read-only. */
static void
unlock_with_spoiled_month (Fixture  *fixture,
                           void    (*spoil) (const char *path))
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;
  gint64 deadline;

  code = show_new_journal (fixture);
  month = g_date_time_format (now, "%Y-%m.lento");
  path = g_build_filename (fixture->data_dir, "journal", month, NULL);
  prev = g_strconcat (path, ".prev", NULL);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_file_test (prev, G_FILE_TEST_EXISTS))
    {
      /* Straight into the journal, without a frame each: a loaded machine
       * draws slowly. */
      for (guint i = 0; i < 2 * 32 + 1; i++)
        {
          g_autoptr(GDateTime) start = g_date_time_add_hours (now, -1);
          g_autoptr(LentoEntry) entry = lento_entry_new (start);

          lento_entry_set_duration (entry, 10 * 60);
          lento_journal_add (lento_practice_get_journal (fixture->practice), entry);
        }
      lento_practice_flush_pending (fixture->practice);
      while (!g_file_test (path, G_FILE_TEST_EXISTS) || lento_vault_get_busy (fixture->vault))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  spoil (path);
  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, code, &error));
  g_assert_no_error (error);
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_true (lento_practice_get_read_only (fixture->practice));
}

static void
damage_current_file (const char *path)
{
  g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
}

/* The shortcut of @widget, a callback rather than a view's own binding,
 * whose trigger reads @accel, as "<Control>n"; @scope is where the
 * controller that holds it works.
 */
static GtkShortcut *
find_shortcut (GtkWidget        *widget,
               const char       *accel,
               GtkShortcutScope *scope)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, accel) != NULL
              && GTK_IS_CALLBACK_ACTION (gtk_shortcut_get_action (shortcut)))
            {
              *scope = gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller));
              return shortcut;
            }
        }
    }
  return NULL;
}

/* What pressing @accel does: the shortcut's action, which says whether it
 * took the key.
 */
static gboolean
press (GtkWidget  *widget,
       const char *accel)
{
  GtkShortcutScope scope;
  GtkShortcut *shortcut = find_shortcut (widget, accel, &scope);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                       gtk_shortcut_get_arguments (shortcut));
}

/* Read-only means read-only: with a damaged month, nothing that would add
 * to the journal can be pressed.
 */
static void
test_read_only_refuses_entries (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *new_entry;

  unlock_with_spoiled_month (fixture, damage_current_file);

  lento_window_set_view (fixture->window, "journal");
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  new_entry = lento_test_find_shown (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON,
                                     "New Entry (Ctrl+N)");
  g_assert_nonnull (new_entry);
  g_assert_true (lento_practice_get_read_only (fixture->practice));
  g_assert_false (gtk_widget_is_sensitive (new_entry));

  /* Ctrl+N from another view leaves it there. */
  lento_window_set_view (fixture->window, "plan");
  g_assert_false (press (GTK_WIDGET (fixture->window), "<Control>n"));
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "plan");
}

/* New Entry, Pause and It Hurts work with the focus anywhere in the window,
 * and only when they can: the window's shortcuts and the session view's
 * managed one, not its view's own.
 */
static void
test_shortcuts_anywhere (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoSession) session = NULL;
  GtkWidget *window, *lock, *view, *locked_view, *recovery;
  GtkShortcutScope scope;

  code = show_new_journal (fixture);
  window = GTK_WIDGET (fixture->window);
  lock = find_button (fixture, "Lock");

  /* Ctrl+N from the plan, the focus in the header. */
  gtk_widget_grab_focus (lock);
  g_assert_true (press (window, "<Control>n"));
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "journal");
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (
                     find_in_window (fixture, LENTO_TYPE_JOURNAL_VIEW))), ==, "editor");
  g_assert_true (gtk_widget_activate_action (find_in_window (fixture, LENTO_TYPE_ENTRY_EDITOR),
                                             "editor.cancel", NULL));

  /* Without a session, It Hurts leaves the key to others. */
  lento_window_set_view (fixture->window, "plan");
  g_assert_false (press (window, "<Control>h"));

  view = GTK_WIDGET (start_session (fixture));
  session = g_object_ref (lento_session_view_get_session (LENTO_SESSION_VIEW (view)));
  lento_test_wait_for_draw (window);

  /* Space pauses and resumes with the focus in the header. */
  g_assert_nonnull (find_shortcut (view, "space", &scope));
  g_assert_cmpint (scope, ==, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_widget_grab_focus (lock);
  g_assert_true (press (view, "space"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  g_assert_true (press (view, "space"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);

  /* Behind the lock, Space in the recovery code's field types a space. */
  g_assert_true (gtk_widget_activate_action (window, "win.lock", NULL));
  wait_for_page (fixture, "unlock");
  lento_test_wait_for_draw (window);
  locked_view = lento_test_find_shown (window, LENTO_TYPE_SESSION_VIEW, NULL);
  recovery = lento_test_find_shown (window, GTK_TYPE_ENTRY, NULL);
  g_assert_true (gtk_widget_grab_focus (recovery));
  g_assert_false (press (locked_view, "space"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  g_signal_emit_by_name (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE),
                         "unlock-with-recovery-code", lento_secret_get_string (code));
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);

  /* It Hurts from the plan, the focus in the header: the session ends. */
  lento_window_set_view (fixture->window, "plan");
  gtk_widget_grab_focus (find_button (fixture, "Lock"));
  g_assert_true (press (window, "<Shift>Escape"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
}

static gboolean
keep_ticking_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Restoring the previous version from the banner brings the month back
 * and the journal out of read-only, with its entries, without a lock. */
static void
test_restore_previous_ends_read_only (Fixture       *fixture,
                                      gconstpointer  data)
{
  LentoJournal *journal;
  gint64 deadline;
  guint tick;

  unlock_with_spoiled_month (fixture, damage_current_file);
  journal = lento_practice_get_journal (fixture->practice);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-previous",
                                             NULL));
  /* A tick, so that the wait can end even when nothing else happens. */
  tick = g_timeout_add (50, keep_ticking_cb, NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (lento_practice_get_read_only (fixture->practice))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_false (lento_journal_get_read_only (journal));
  /* The previous version holds at least the first fold's entries. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), >=, 32);
}

/* Makes a journal in the fixture's folder with one document, then opens
 * the fixture's vault on it again after @spoil has had its way with the
 * files: what a person finds when they start Lento. Returns the recovery
 * code.
 */
static LentoSecret *
reopen_after (Fixture    *fixture,
              void      (*spoil) (const char *data_dir))
{
  LentoSecret *code;
  g_autoptr(GBytes) month = g_bytes_new_static ("{\"format\":1,\"month\":\"2026-11\","
                                                "\"entries\":[]}", 41);
  g_autoptr(GError) error = NULL;

  code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);
  lento_vault_write_document_async (fixture->vault, "journal/2026-11", month, NULL, NULL, NULL);
  while (lento_vault_get_busy (fixture->vault))
    g_main_context_iteration (NULL, TRUE);
  lento_vault_close (fixture->vault);
  spoil (fixture->data_dir);
  lento_vault_open (fixture->vault, NULL);
  return code;
}

/* keys.lento goes aside, where Lento does not look for it. */
static void
remove_keys (const char *data_dir)
{
  g_autofree char *keys = g_build_filename (data_dir, "keys.lento", NULL);
  g_autofree char *prev = g_build_filename (data_dir, "keys.lento.prev", NULL);
  g_autofree char *aside = g_build_filename (data_dir, "keys.aside", NULL);

  g_assert_cmpint (g_rename (keys, aside), ==, 0);
  g_remove (prev);
}

static void
damage_keys (const char *data_dir)
{
  const char * const names[] = { "keys.lento", "keys.lento.prev" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, names[i], NULL);

      g_assert_true (g_file_set_contents (path, "LENTOKEY but nothing more", -1, NULL));
    }
}

static AdwStatusPage *
find_shown_status_page (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found;

      /* A revealer on its way out still maps its child for a moment. */
      if (!gtk_widget_get_mapped (child) ||
          (GTK_IS_REVEALER (child) && !gtk_revealer_get_reveal_child (GTK_REVEALER (child))))
        continue;
      if (ADW_IS_STATUS_PAGE (child))
        return ADW_STATUS_PAGE (child);
      if ((found = find_shown_status_page (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Journal files without their key file: not the welcome of a first run,
 * and not "a journal already exists here", but what happened, that the
 * recovery code cannot help without the key file, and where to turn.
 */
static void
test_keys_missing_says_so (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoSetupPage *page;
  AdwStatusPage *status;

  code = reopen_after (fixture, remove_keys);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);
  show_window (fixture);
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "setup");
  page = LENTO_SETUP_PAGE (find_in_window (fixture, LENTO_TYPE_SETUP_PAGE));
  g_assert_cmpstr (lento_setup_page_get_step (page), ==, "error");
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  status = find_shown_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "keys.lento"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "recovery code"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "backup"));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "keys-missing");

  /* Trying again says the same, and makes no journal over the files. */
  g_signal_emit_by_name (page, "create");
  g_assert_cmpstr (lento_setup_page_get_step (page), ==, "error");
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);

  /* With keys.lento back, trying again opens the journal. */
  {
    g_autofree char *keys = g_build_filename (fixture->data_dir, "keys.lento", NULL);
    g_autofree char *aside = g_build_filename (fixture->data_dir, "keys.aside", NULL);

    g_assert_cmpint (g_rename (aside, keys), ==, 0);
    g_signal_emit_by_name (page, "create");
    wait_for_page (fixture, "unlock");
    g_signal_emit_by_name (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE),
                           "unlock-with-recovery-code", lento_secret_get_string (code));
    wait_for_page (fixture, "main");
  }
}

/* Both copies of the key file damaged: the unlock page says so, and that
 * the recovery code cannot help, rather than "The journal is not open yet"
 * once the person tries.
 */
static void
test_keys_damaged_says_so (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoUnlockPage *page;
  const char *reason;

  code = reopen_after (fixture, damage_keys);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_CLOSED);
  show_window (fixture);
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "unlock");
  page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  reason = lento_unlock_page_get_reason (page);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "keys.lento"));
  g_assert_nonnull (strstr (reason, "recovery code"));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "keys-damaged");

  /* The recovery code cannot help, and the page goes on saying why. */
  g_signal_emit_by_name (page, "unlock-with-recovery-code", lento_secret_get_string (code));
  g_assert_nonnull (strstr (lento_unlock_page_get_reason (page), "keys.lento"));
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_CLOSED);
}

/* The month goes, file and previous version: the manifest still names it. */
static void
remove_month (const char *data_dir)
{
  const char * const names[] = { "journal/2026-11.lento", "journal/2026-11.lento.prev" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, names[i], NULL);

      g_remove (path);
    }
}

static void
damage_month (const char *data_dir)
{
  const char * const names[] = { "journal/2026-11.lento", "journal/2026-11.lento.prev" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, names[i], NULL);

      g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
    }
}

/* The text of the shown label that says Lento is read-only, or NULL. */
static const char *
find_read_only_text (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      /* A revealer on its way out still maps its child for a moment. */
      if (!gtk_widget_get_mapped (child) ||
          (GTK_IS_REVEALER (child) && !gtk_revealer_get_reveal_child (GTK_REVEALER (child))))
        continue;
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), "read-only"))
        return gtk_label_get_label (GTK_LABEL (child));
      text = find_read_only_text (child);
      if (text != NULL)
        return text;
    }

  return NULL;
}

typedef struct {
  void      (*spoil) (const char *data_dir);
  const char *says;
} ReadOnlyCase;

/* The banner says what happened to the part that keeps Lento read-only:
 * a month that went missing is not called damaged. */
static void
test_read_only_says_why (Fixture       *fixture,
                         gconstpointer  data)
{
  static const ReadOnlyCase cases[] = {
    { damage_month, "could not be opened" },
    { remove_month, "is missing" },
  };
  const ReadOnlyCase *c = &cases[GPOINTER_TO_UINT (data)];
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  code = reopen_after (fixture, c->spoil);
  show_window (fixture);
  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, code, &error));
  g_assert_no_error (error);
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));

  text = find_read_only_text (GTK_WIDGET (fixture->window));
  g_assert_nonnull (text);
  g_test_message ("banner: %s", text);
  g_assert_nonnull (strstr (text, "journal/2026-11"));
  g_assert_nonnull (strstr (text, c->says));
}

/* A month gone or damaged with nothing to restore: Restore says so and
 * offers to go on without it; then Lento is writable again, the banner
 * gone. */
static void
test_go_on_without_month (Fixture       *fixture,
                          gconstpointer  data)
{
  void (*spoil) (const char *data_dir) = GPOINTER_TO_UINT (data) == 0 ? remove_month
                                                                      : damage_month;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 deadline;
  guint tick;

  code = reopen_after (fixture, spoil);
  show_window (fixture);
  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, code, &error));
  g_assert_no_error (error);
  wait_for_page (fixture, "main");
  wait_for_loaded (fixture);
  g_assert_true (lento_practice_get_read_only (fixture->practice));
  g_assert_true (lento_journal_get_read_only (lento_practice_get_journal (fixture->practice)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-previous",
                                             NULL));
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "set-aside"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "journal/2026-11"));
  if (spoil == remove_month)
    lento_test_save_screenshot (GTK_WIDGET (dialog), "read-only-go-on-without");
  adw_message_dialog_response (dialog, "set-aside");

  tick = g_timeout_add (50, keep_ticking_cb, NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (lento_practice_get_read_only (fixture->practice))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  g_assert_cmpint (lento_vault_get_state (fixture->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_null (find_read_only_text (GTK_WIDGET (fixture->window)));
}

static void
keep_keys (const char *data_dir)
{
}

/* Another Lento has the journal open (on another D-Bus session, so the two
 * windows do not meet): the unlock page says so; once the other closes it,
 * unlocking works.
 */
static void
test_already_open_says_so (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LentoVault) other = lento_vault_new (fixture->data_dir, APPLICATION_ID);
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  LentoUnlockPage *page;

  code = reopen_after (fixture, keep_keys);
  lento_vault_close (fixture->vault);
  g_assert_true (lento_vault_open (other, &error));
  g_assert_no_error (error);
  g_assert_false (lento_vault_open (fixture->vault, NULL));

  show_window (fixture);
  g_assert_cmpstr (lento_window_get_lock_page (fixture->window), ==, "unlock");
  page = LENTO_UNLOCK_PAGE (find_in_window (fixture, LENTO_TYPE_UNLOCK_PAGE));
  g_assert_nonnull (lento_unlock_page_get_reason (page));
  g_assert_nonnull (strstr (lento_unlock_page_get_reason (page), "already open"));

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "already-open");

  lento_vault_close (other);
  g_signal_emit_by_name (page, "unlock-with-recovery-code", lento_secret_get_string (code));
  wait_for_page (fixture, "main");
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add ("/lento/window-lock/no-journal-shows-setup", Fixture, NULL,
              fixture_set_up, test_no_journal_shows_setup, fixture_tear_down);
  g_test_add ("/lento/window-lock/idle-setup-page-does-not-redraw", Fixture, NULL,
              fixture_set_up, test_idle_setup_page_does_not_redraw, fixture_tear_down);
  g_test_add ("/lento/window-lock/setup-creates-journal-and-keyring-slot", Fixture, NULL,
              fixture_set_up, test_setup_creates_journal_and_keyring_slot, fixture_tear_down);
  g_test_add ("/lento/window-lock/show-entry", Fixture, NULL,
              fixture_set_up, test_show_entry, fixture_tear_down);
  g_test_add ("/lento/window-lock/lock-hides-views-and-recovery-code-unlocks", Fixture, NULL,
              fixture_set_up, test_lock_hides_views_and_recovery_code_unlocks,
              fixture_tear_down);
  g_test_add ("/lento/window-lock/views-built-when-shown", Fixture, NULL,
              fixture_set_up, test_views_built_when_shown, fixture_tear_down);
  g_test_add ("/lento/window-lock/existing-journal-opens-with-keyring", Fixture, NULL,
              fixture_set_up, test_existing_journal_opens_with_keyring, fixture_tear_down);
  g_test_add ("/lento/window-lock/keyring-ready-skips-unlock-page", Fixture, NULL,
              fixture_set_up, test_keyring_ready_skips_unlock_page, fixture_tear_down);
  g_test_add ("/lento/window-lock/journal-view-loads-newest-first", Fixture, NULL,
              fixture_set_up, test_journal_view_loads_newest_first, fixture_tear_down);
  g_test_add ("/lento/window-lock/plan-before-whole-journal", Fixture, NULL,
              fixture_set_up, test_plan_before_whole_journal, fixture_tear_down);
  g_test_add ("/lento/window-lock/read-only-action-off-when-healthy", Fixture, NULL,
              fixture_set_up, test_read_only_bar, fixture_tear_down);

  g_test_add ("/lento/window-lock/lock-keeps-running-session", Fixture, NULL,
              fixture_set_up, test_lock_keeps_running_session, fixture_tear_down);
  g_test_add ("/lento/window-lock/session-closed-behind-lock", Fixture, NULL,
              fixture_set_up, test_session_closed_behind_lock, fixture_tear_down);
  g_test_add ("/lento/window-lock/session-resumes-after-restart", Fixture, NULL,
              fixture_set_up, test_session_resumes_after_restart, fixture_tear_down);

  g_test_add ("/lento/window-lock/session-controls-after-lock", Fixture, NULL,
              fixture_set_up, test_session_controls_after_lock, fixture_tear_down);
  g_test_add ("/lento/window-lock/session-view-follows-plan", Fixture, NULL,
              fixture_set_up, test_session_view_follows_plan, fixture_tear_down);
  g_test_add ("/lento/window-lock/it-hurts-is-kept", Fixture, NULL,
              fixture_set_up, test_it_hurts_is_kept, fixture_tear_down);
  g_test_add ("/lento/window-lock/read-only-says-why/damaged", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_read_only_says_why, fixture_tear_down);
  g_test_add ("/lento/window-lock/read-only-says-why/missing", Fixture, GUINT_TO_POINTER (1),
              fixture_set_up, test_read_only_says_why, fixture_tear_down);
  g_test_add ("/lento/window-lock/restore-previous-ends-read-only", Fixture, NULL,
              fixture_set_up, test_restore_previous_ends_read_only, fixture_tear_down);
  g_test_add ("/lento/window-lock/go-on-without-month/missing", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_go_on_without_month, fixture_tear_down);
  g_test_add ("/lento/window-lock/go-on-without-month/damaged", Fixture, GUINT_TO_POINTER (1),
              fixture_set_up, test_go_on_without_month, fixture_tear_down);
  g_test_add ("/lento/window-lock/read-only-refuses-entries", Fixture, NULL,
              fixture_set_up, test_read_only_refuses_entries, fixture_tear_down);

  g_test_add ("/lento/window-lock/shortcuts-anywhere", Fixture, NULL,
              fixture_set_up, test_shortcuts_anywhere, fixture_tear_down);
  g_test_add ("/lento/window-lock/keys-missing-says-so", Fixture, NULL,
              fixture_set_up, test_keys_missing_says_so, fixture_tear_down);
  g_test_add ("/lento/window-lock/keys-damaged-says-so", Fixture, NULL,
              fixture_set_up, test_keys_damaged_says_so, fixture_tear_down);
  g_test_add ("/lento/window-lock/already-open-says-so", Fixture, NULL,
              fixture_set_up, test_already_open_says_so, fixture_tear_down);

  return g_test_run ();
}
