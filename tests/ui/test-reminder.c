/* test-reminder.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-reminder"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "lento-fake-notifications.h"
#include "lento-reminder.h"

#define ALL_DAYS 0xfe

static LentoFakeNotifications *fake;
static GApplication *application;
static guint sent;  /* notifications sent so far, all tests together */

/* Every test sends through here, so that the waits below know how many
 * messages are still on their way to the server.
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

  status = g_test_run ();

  g_clear_object (&application);
  lento_fake_notifications_stop ();

  return status;
}
