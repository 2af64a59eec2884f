/* test-reminder.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-reminder"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "lento-application.h"
#include "lento-fake-notifications.h"
#include "lento-reminder.h"
#include "lento-test-support.h"
#include "lento-test-ui.h"
#include "lento-window.h"

#define ALL_DAYS 0xfe

static LentoFakeNotifications *fake;
static GApplication *application;
static guint sent;  /* notifications sent so far, all tests together */

/* Every test sends through here, so that the waits below know how many
 * messages are still on their way to the fake->
 */
static gboolean
check (LentoReminder *reminder,
       GDateTime     *now)
{
  gboolean result = lento_reminder_check (reminder, now);

  if (result)
    sent++;

  return result;
}

static GDateTime *
at (int day,
    int hour,
    int minute)
{
  /* 10 March 2026 is a Tuesday. */
  return g_date_time_new_local (2026, 3, day, hour, minute, 0);
}

static LentoReminder *
make_reminder (void)
{
  LentoReminder *reminder = lento_reminder_new (application);

  lento_reminder_set_weekdays (reminder, ALL_DAYS);
  lento_reminder_set_minute_of_day (reminder, 18 * 60);

  return reminder;
}

static LentoRecommendation *
make_recommendation (int pain_today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = lento_program_new_default (&error);
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GListStore) journal = g_list_store_new (LENTO_TYPE_ENTRY);
  g_autoptr(LentoLube) lube = lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER);
  g_autoptr(GDateTime) start = at (10, 9, 0);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  LentoCoachSettings settings;
  GDate today;

  g_assert_no_error (error);
  lento_inventory_add_finger_presets (inventory);
  g_assert_true (lento_inventory_add_lube (inventory, lube, NULL));
  if (pain_today >= 0)
    {
      lento_entry_set_stage (entry, "outside-first");
      lento_entry_set_tool (entry, "finger-little");
      lento_entry_set_pain (entry, pain_today);
      g_list_store_append (journal, entry);
    }

  lento_coach_settings_init (&settings);
  settings.weekdays = ALL_DAYS;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, 3, 2026);

  return lento_coach_recommend (program, G_LIST_MODEL (journal), inventory, &today, &settings);
}

static void
test_new_destroy (void)
{
  LentoReminder *reminder = lento_reminder_new (application);

  g_assert_finalize_object (reminder);
}

static void
test_discreet_by_default (void)
{
  g_autoptr(LentoReminder) reminder = make_reminder ();
  g_autoptr(GDateTime) evening = at (10, 18, 5);

  g_assert_true (check (reminder, evening));
  lento_fake_notifications_wait (&fake->count, sent);
  g_assert_cmpuint (fake->count, ==, sent);

  lento_fake_notifications_assert_discreet (fake->summary);
  lento_fake_notifications_assert_discreet (fake->body);
  g_assert_cmpstr (fake->summary, ==, "Lento");
  /* Start and Skip today, as action id and label pairs. */
  g_assert_true (g_strv_contains ((const char * const *) fake->actions, "Start"));
  g_assert_true (g_strv_contains ((const char * const *) fake->actions, "Skip Today"));

  /* Once a day. */
  g_assert_false (check (reminder, evening));
}

typedef struct {
  const char *name;
  int         day;
  int         hour;
  int         minute;
  guint       weekdays;
  gboolean    sent;
} DueCase;

static const DueCase due_cases[] = {
  { "before-time", 10, 17, 59, ALL_DAYS, FALSE },
  { "on-time", 10, 18, 0, ALL_DAYS, TRUE },
  { "late-evening", 10, 23, 59, ALL_DAYS, TRUE },
  { "not-a-planned-day", 10, 19, 0, 1u << G_DATE_MONDAY, FALSE },
  { "planned-monday", 9, 19, 0, 1u << G_DATE_MONDAY, TRUE },
  { "no-planned-days", 10, 19, 0, 0, FALSE },
};

static void
test_due (gconstpointer data)
{
  const DueCase *test = data;
  g_autoptr(LentoReminder) reminder = make_reminder ();
  g_autoptr(GDateTime) now = at (test->day, test->hour, test->minute);

  lento_reminder_set_weekdays (reminder, test->weekdays);
  g_assert_cmpint (check (reminder, now), ==, test->sent);
}

static void
test_skip_today (void)
{
  g_autoptr(LentoReminder) reminder = make_reminder ();
  g_autoptr(GDateTime) morning = at (10, 8, 0);
  g_autoptr(GDateTime) evening = at (10, 18, 30);
  g_autoptr(GDateTime) tomorrow = at (11, 18, 30);

  lento_reminder_skip_today (reminder, morning);
  g_assert_false (check (reminder, evening));
  g_assert_true (check (reminder, tomorrow));
}

static void
test_locked_stays_discreet (void)
{
  g_autoptr(LentoReminder) reminder = make_reminder ();
  g_autoptr(GDateTime) evening = at (10, 18, 5);

  /* The descriptive option, but locked: no recommendation to describe. */
  lento_reminder_set_text (reminder, LENTO_REMINDER_TEXT_DESCRIPTIVE);
  g_assert_true (check (reminder, evening));
  lento_fake_notifications_wait (&fake->count, sent);
  g_assert_cmpuint (fake->count, ==, sent);
  lento_fake_notifications_assert_discreet (fake->summary);
  lento_fake_notifications_assert_discreet (fake->body);
}

static void
test_rest_day_is_quiet (void)
{
  g_autoptr(LentoReminder) reminder = make_reminder ();
  g_autoptr(LentoRecommendation) rest = make_recommendation (6);
  g_autoptr(LentoRecommendation) session = make_recommendation (-1);
  g_autoptr(GDateTime) evening = at (10, 18, 5);

  g_assert_cmpint (lento_recommendation_get_kind (rest), ==, LENTO_RECOMMENDATION_REST);
  lento_reminder_set_recommendation (reminder, rest);
  g_assert_false (check (reminder, evening));

  g_assert_cmpint (lento_recommendation_get_kind (session), !=, LENTO_RECOMMENDATION_REST);
  lento_reminder_set_recommendation (reminder, session);
  g_assert_true (check (reminder, evening));
}

typedef struct {
  LentoApplication *app;
  guint             expected;
  gboolean          timed_out;
  GtkWindow        *window;
  gboolean          window_visible;
  LentoSecret      *code;
  guint             skipped_day;
  guint             mirrored_weekdays;
  guint             default_weekdays;
} RunData;

/* Once the reminder has arrived, Skip today, as the notification's button
 * does; then a change of time asks the rule again at once, and nothing more
 * may be sent today.
 */
static gboolean
application_poll_cb (gpointer user_data)
{
  RunData *data = user_data;
  g_autoptr(GSettings) settings = NULL;

  if (fake->count < data->expected && !data->timed_out)
    return G_SOURCE_CONTINUE;

  settings = g_settings_new (APPLICATION_ID);
  g_action_group_activate_action (G_ACTION_GROUP (data->app), "skip-today", NULL);
  g_settings_set_uint (settings, "reminder-minute", 1);
  g_settings_set_uint (settings, "reminder-minute", 0);

  /* The skip was pressed while locked: it reaches the profile on unlocking,
   * and unlocking copies the plan's days into the settings.
   */
  if (data->code != NULL)
    {
      g_autoptr(GError) error = NULL;
      LentoPractice *practice = lento_application_get_practice (data->app);

      g_assert_true (lento_vault_unlock_recovery_code (lento_application_get_vault (data->app),
                                                       data->code, &error));
      g_assert_no_error (error);
      data->skipped_day = lento_practice_get_skipped_day (practice);
      data->mirrored_weekdays = g_settings_get_uint (settings, "reminder-weekdays");
      data->default_weekdays =
        lento_program_get_rules (lento_practice_get_program (practice))->default_weekdays;
    }

  /* Start brings up the window on the Session view: here, with no journal
   * yet, behind the set-up, so that the timer is there once it is done.
   */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (data->app)));
  g_action_group_activate_action (G_ACTION_GROUP (data->app), "start-session", NULL);
  data->window = gtk_application_get_active_window (GTK_APPLICATION (data->app));
  g_assert_true (LENTO_IS_WINDOW (data->window));
  g_assert_cmpstr (lento_window_get_view (LENTO_WINDOW (data->window)), ==, "session");
  data->window_visible = gtk_widget_get_visible (GTK_WIDGET (data->window));

  g_action_group_activate_action (G_ACTION_GROUP (data->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static guint
julian_of_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

static void
application_started_cb (GApplication *app,
                        RunData      *data)
{
  /* The buttons' actions exist on the application itself. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "start-session"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "skip-today"));
}

/* The real path: Lento started as the D-Bus service, as the autostart entry
 * and the activation file start it, with reminders on and the journal locked.
 * The notification reaches the desktop's server from the application's own
 * check, with nothing about the training in it even though the descriptive
 * text is chosen (locked, there is nothing to describe). The application
 * stays alive on its own (reminders hold it) until it is told to quit.
 */
static void
test_application_in_background (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LentoApplication) app = NULL;
  char *argv[] = { (char *) "lento", (char *) "--gapplication-service", NULL };
  RunData data = { NULL, };
  guint before;
  guint closed_before;
  guint timeout_id;
  int status;

  /* What the tests before sent has all arrived first. */
  lento_fake_notifications_wait (&fake->count, sent);
  g_assert_cmpuint (fake->count, ==, sent);
  before = fake->count;
  closed_before = fake->closed;

  /* A journal that exists, locked when Lento starts. */
  {
    g_autofree char *data_dir = lento_application_dup_data_dir ();
    g_autoptr(LentoVault) vault = lento_vault_new (data_dir, APPLICATION_ID);
    g_autoptr(GError) error = NULL;

    g_assert_true (lento_vault_open (vault, &error));
    g_assert_no_error (error);
    data.code = lento_vault_create (vault, &error);
    g_assert_no_error (error);
    lento_vault_close (vault);
  }

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_uint (settings, "reminder-minute", 0);
  g_settings_set_uint (settings, "reminder-weekdays", ALL_DAYS);
  /* The descriptive text has nothing to describe while locked. */
  g_settings_set_enum (settings, "reminder-text", LENTO_REMINDER_TEXT_DESCRIPTIVE);

  app = lento_application_new ();
  data.app = app;
  data.expected = before + 1;
  g_signal_connect (app, "startup", G_CALLBACK (application_started_cb), &data);
  g_timeout_add (50, application_poll_cb, &data);
  timeout_id = g_timeout_add_seconds (10, lento_test_flag_timeout_cb, &data.timed_out);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_false (data.timed_out);
  g_source_remove (timeout_id);
  /* Skip today took the reminder away; anything sent after it would have
   * arrived by now.
   */
  lento_fake_notifications_wait (&fake->count, before + 2);
  g_assert_cmpuint (fake->count, ==, before + 1);
  g_assert_cmpuint (fake->closed, ==, closed_before + 1);
  g_assert_nonnull (data.window);
  g_assert_true (data.window_visible);
  g_assert_cmpuint (data.skipped_day, ==, julian_of_today ());
  g_assert_cmpuint (data.mirrored_weekdays, ==, data.default_weekdays);
  g_assert_cmpuint (data.mirrored_weekdays, !=, ALL_DAYS);
  g_clear_pointer (&data.code, lento_secret_unref);

  /* The journal was this test's own. */
  {
    g_autofree char *data_dir = lento_application_dup_data_dir ();

    g_clear_object (&app);
    lento_test_remove_tree (data_dir);
  }
  lento_fake_notifications_assert_discreet (fake->summary);
  lento_fake_notifications_assert_discreet (fake->body);
  g_assert_true (g_strv_contains ((const char * const *) fake->actions, "Start"));
  g_assert_true (g_strv_contains ((const char * const *) fake->actions, "Skip Today"));

  g_settings_reset (settings, "reminders-enabled");
  g_settings_reset (settings, "reminder-minute");
  g_settings_reset (settings, "reminder-weekdays");
  g_settings_reset (settings, "reminder-text");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fake = lento_fake_notifications_start ();
  application = g_application_new ("io.github.lento.Lento.ReminderTest",
                                   G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/lento/reminder/new-destroy", test_new_destroy);
  g_test_add_func ("/lento/reminder/discreet-by-default", test_discreet_by_default);
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/reminder/due/%s", due_cases[i].name);

      g_test_add_data_func (path, &due_cases[i], test_due);
    }
  g_test_add_func ("/lento/reminder/skip-today", test_skip_today);
  g_test_add_func ("/lento/reminder/locked-stays-discreet", test_locked_stays_discreet);
  g_test_add_func ("/lento/reminder/rest-day-is-quiet", test_rest_day_is_quiet);
  g_test_add_func ("/lento/reminder/application-in-background", test_application_in_background);

  status = g_test_run ();

  g_clear_object (&application);
  lento_fake_notifications_stop ();

  return status;
}
