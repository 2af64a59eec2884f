/* test-practice.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-practice"

#include "config.h"

#include "lento-core-error.h"
#include "lento-fake-clock.h"
#include "lento-practice.h"
#include "lento-sample-data.h"
#include "lento-test-practice.h"
#include "lento-test-support.h"

/* The practice against a real vault in a throwaway folder: what the views get
 * while unlocked, that locking takes it all away, that every change reaches
 * the disk, and that a profile that does not open is never written over.
 */

typedef struct {
  char        *data_dir;
  LentoVault  *vault;
  LentoPractice  *practice;
  LentoSecret *code;
  guint        errors;
  LentoFakeClock *clock;
  /* What LentoPractice::session-ended said, and how often. */
  LentoEntry  *ended_entry;
  guint        n_ended;
} Fixture;

static void
error_cb (LentoPractice *practice,
          const GError *error,
          Fixture      *fixture)
{
  g_test_message ("practice error: %s", error->message);
  fixture->errors++;
}

static void
session_ended_cb (LentoPractice *practice,
                  LentoEntry    *entry,
                  Fixture       *fixture)
{
  g_set_object (&fixture->ended_entry, entry);
  fixture->n_ended++;
}

static void
wait_until_idle (Fixture *fixture)
{
  /* Idle saves first, then the vault's own writes. */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  while (lento_vault_get_busy (fixture->vault))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_until_loaded (Fixture *fixture)
{
  while (!lento_practice_get_loaded (fixture->practice))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("lento-practice-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = lento_vault_new (fixture->data_dir, APPLICATION_ID);
  lento_vault_open (fixture->vault, &error);
  g_assert_no_error (error);
  fixture->practice = lento_practice_new (fixture->vault, LENTO_CLOCK (fixture->clock));
  g_signal_connect (fixture->practice, "error", G_CALLBACK (error_cb), fixture);
  g_signal_connect (fixture->practice, "session-ended", G_CALLBACK (session_ended_cb), fixture);
}

/* The practice on a fake clock, for the day and the session's time. */
static void
fixture_set_up_clock (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture->clock = lento_fake_clock_new ();
  fixture_set_up (fixture, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  LentoPractice *practice = fixture->practice;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  wait_until_idle (fixture);
  /* A write's callback may still hold the practice for a moment after the
   * vault is idle; it must let go of it then.
   */
  g_object_add_weak_pointer (G_OBJECT (practice), (gpointer *) &practice);
  g_clear_object (&fixture->practice);
  while (practice != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  lento_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  g_clear_pointer (&fixture->code, lento_secret_unref);
  g_clear_object (&fixture->ended_entry);
  g_clear_object (&fixture->clock);
  lento_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static void
create_journal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);
  wait_until_loaded (fixture);
}

static void
relock_and_unlock (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  wait_until_idle (fixture);
  lento_practice_flush_pending (fixture->practice);
  lento_vault_lock (fixture->vault);
  g_assert_null (lento_practice_get_journal (fixture->practice));
  g_assert_null (lento_practice_get_inventory (fixture->practice));

  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, fixture->code, &error));
  g_assert_no_error (error);
  wait_until_loaded (fixture);
}

static void
test_locked_holds_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  /* No journal yet: nothing at all. */
  g_assert_null (lento_practice_get_journal (fixture->practice));
  g_assert_null (lento_practice_get_inventory (fixture->practice));
  g_assert_false (lento_practice_get_loaded (fixture->practice));

  create_journal (fixture);
  g_assert_nonnull (lento_practice_get_program (fixture->practice));
  g_assert_nonnull (lento_practice_get_journal (fixture->practice));
  g_assert_nonnull (lento_practice_get_inventory (fixture->practice));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (fixture->practice))),
                    ==, 0);
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
test_entry_survives_lock (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  g_autofree char *uuid = NULL;
  LentoJournal *journal;

  create_journal (fixture);
  lento_entry_set_notes (entry, "Calm, slow, fine.");
  uuid = g_strdup (lento_entry_get_uuid (entry));
  lento_journal_add (lento_practice_get_journal (fixture->practice), entry);

  relock_and_unlock (fixture);

  journal = lento_practice_get_journal (fixture->practice);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_nonnull (lento_journal_lookup (journal, uuid));
  g_assert_cmpstr (lento_entry_get_notes (lento_journal_lookup (journal, uuid)), ==,
                   "Calm, slow, fine.");
  g_assert_cmpuint (fixture->errors, ==, 0);
}

/* The first recommendation that came while the journal was still loading. */
typedef struct {
  LentoRecommendation *early;
  guint                n_entries;   /* what the journal held then */
} EarlyWatch;

static void
early_recommendation_cb (LentoPractice *practice,
                         GParamSpec    *pspec,
                         EarlyWatch    *watch)
{
  LentoRecommendation *rec = lento_practice_get_recommendation (practice);

  if (rec == NULL || lento_practice_get_loaded (practice) || watch->early != NULL)
    return;

  watch->early = g_object_ref (rec);
  watch->n_entries =
    g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (practice)));
}

/* A returning person with years of journal: today's plan comes from the
 * newest months and what the older ones were noted to hold, before those
 * are read, and it is the plan the whole journal gives.
 */
static void
test_plan_before_whole_journal (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) now = NULL;
  EarlyWatch watch = { NULL, 0 };
  guint n_entries;

  create_journal (fixture);
  lento_sample_inventory_fill (lento_practice_get_inventory (fixture->practice));
  now = lento_practice_dup_now (fixture->practice);
  lento_journal_generate_sample (lento_practice_get_journal (fixture->practice), 1500, 3, 7, now);
  n_entries =
    g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (fixture->practice)));

  /* The first read of every month notes what each holds for the coach. */
  relock_and_unlock (fixture);
  g_assert_null (watch.early);

  g_signal_connect (fixture->practice, "notify::recommendation",
                    G_CALLBACK (early_recommendation_cb), &watch);
  relock_and_unlock (fixture);

  g_assert_nonnull (watch.early);
  g_assert_cmpuint (watch.n_entries, >, 0);
  g_assert_cmpuint (watch.n_entries, <, n_entries / 4);

  lento_test_assert_same_recommendation (watch.early,
                                         lento_practice_get_recommendation (fixture->practice),
                                         TRUE);
  g_clear_object (&watch.early);
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
test_inventory_survives_lock (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LentoTool) tool = NULL;
  g_autoptr(GError) error = NULL;
  LentoInventory *inventory;

  create_journal (fixture);
  tool = lento_tool_new ("trainer-small", "Small trainer", LENTO_TOOL_KIND_TRAINER,
                         LENTO_MATERIAL_SILICONE, 18.0, 80.0, TRUE);
  g_assert_true (lento_inventory_add_tool (lento_practice_get_inventory (fixture->practice),
                                           tool, &error));
  g_assert_no_error (error);

  relock_and_unlock (fixture);

  inventory = lento_practice_get_inventory (fixture->practice);
  g_assert_nonnull (lento_inventory_find_tool (inventory, "trainer-small"));
  g_assert_cmpuint (fixture->errors, ==, 0);
}

/* An edit in place, as the inventory page's dialog makes it, is saved by
 * the practice on its own: no view has to tell it.
 */
static void
test_inventory_edit_is_saved (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LentoTool) tool = NULL;
  LentoTool *saved;

  create_journal (fixture);
  tool = lento_tool_new ("trainer-1", "Trainer, size 1", LENTO_TOOL_KIND_TRAINER,
                         LENTO_MATERIAL_SILICONE, 15.0, 0.0, TRUE);
  lento_tool_set_confirmed (tool, FALSE);
  g_assert_true (lento_inventory_add_tool (lento_practice_get_inventory (fixture->practice),
                                           tool, NULL));
  wait_until_idle (fixture);

  lento_tool_set_name (tool, "Blue trainer");
  lento_tool_set_diameter (tool, 16.5);
  lento_tool_set_confirmed (tool, TRUE);

  relock_and_unlock (fixture);

  saved = lento_inventory_find_tool (lento_practice_get_inventory (fixture->practice), "trainer-1");
  g_assert_nonnull (saved);
  g_assert_true (saved != tool);
  g_assert_cmpstr (lento_tool_get_name (saved), ==, "Blue trainer");
  g_assert_cmpfloat (lento_tool_get_diameter (saved), ==, 16.5);
  g_assert_true (lento_tool_get_confirmed (saved));
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
count_notify_cb (guint *count)
{
  (*count)++;
}

static void
test_plan_choices_survive_lock (Fixture       *fixture,
                                gconstpointer  data)
{
  guint notified = 0;

  create_journal (fixture);
  g_signal_connect_swapped (fixture->practice, "notify::weekdays",
                            G_CALLBACK (count_notify_cb), &notified);
  g_assert_cmpuint (lento_practice_get_weekdays (fixture->practice), ==, 0);
  g_assert_cmpuint (lento_practice_get_skipped_day (fixture->practice), ==, 0);

  /* Monday, Wednesday, Friday; Sunday's bit 0 is no weekday and is dropped. */
  lento_practice_set_weekdays (fixture->practice, (1u << G_DATE_MONDAY) | (1u << G_DATE_WEDNESDAY)
                                            | (1u << G_DATE_FRIDAY) | 1u);
  g_assert_cmpuint (notified, ==, 1);
  lento_practice_set_weekdays (fixture->practice, (1u << G_DATE_MONDAY) | (1u << G_DATE_WEDNESDAY)
                                            | (1u << G_DATE_FRIDAY));
  g_assert_cmpuint (notified, ==, 1);
  lento_practice_set_skipped_day (fixture->practice, 739000);

  relock_and_unlock (fixture);

  g_assert_cmpuint (lento_practice_get_weekdays (fixture->practice), ==,
                    (1u << G_DATE_MONDAY) | (1u << G_DATE_WEDNESDAY) | (1u << G_DATE_FRIDAY));
  g_assert_cmpuint (lento_practice_get_skipped_day (fixture->practice), ==, 739000);
  g_assert_cmpuint (fixture->errors, ==, 0);

  /* Locked, nothing is known and nothing is kept. */
  lento_vault_lock (fixture->vault);
  g_assert_cmpuint (lento_practice_get_weekdays (fixture->practice), ==, 0);
  lento_practice_set_weekdays (fixture->practice, 1u << G_DATE_SUNDAY);
  g_assert_cmpuint (lento_practice_get_weekdays (fixture->practice), ==, 0);
}

/* Each is read as a damaged profile: text that is not JSON, blank text
 * (which parses to no value at all) and an inventory that is not an object
 * (found by fuzz-profile; both were criticals, and the inventory was then
 * shown empty and saved over), and a number too large for a double.
 */
static const char * const unreadable_profiles[] = {
  "{ not json",
  "  ",
  "{\"format\": 1, \"inventory\": 5}",
  /* It would be written back as "inf", which does not read. */
  "{\"format\": 1, \"inventory\": {\"tools\": [], \"lubes\": [], \"x\": 1e999}}",
};

static void
test_unreadable_profile_is_not_overwritten (Fixture       *fixture,
                                            gconstpointer  data)
{
  const char *text = data;
  g_autoptr(GBytes) garbage = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(LentoTool) tool = NULL;
  LentoDocumentStatus status;

  create_journal (fixture);
  lento_vault_write_document_async (fixture->vault, "profile", garbage, NULL, NULL, NULL);
  wait_until_idle (fixture);

  fixture->errors = 0;
  relock_and_unlock (fixture);
  g_assert_cmpuint (fixture->errors, ==, 1);

  /* The person may still add a tool: it is not saved over what is there. */
  tool = lento_tool_new ("finger", "Finger", LENTO_TOOL_KIND_FINGER,
                         LENTO_MATERIAL_SKIN, 15.0, 70.0, FALSE);
  lento_inventory_add_tool (lento_practice_get_inventory (fixture->practice), tool, NULL);
  /* And a plan choice, which writes the profile too. */
  lento_practice_set_weekdays (fixture->practice, 0x54);
  lento_practice_flush_pending (fixture->practice);
  wait_until_idle (fixture);

  after = lento_vault_read_document (fixture->vault, "profile", &status, NULL);
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (after, garbage));
}

static LentoRecommendationKind
kind_today (Fixture *fixture)
{
  LentoRecommendation *recommendation = lento_practice_get_recommendation (fixture->practice);

  g_assert_nonnull (recommendation);
  return lento_recommendation_get_kind (recommendation);
}

static gboolean
has_reason (Fixture         *fixture,
            LentoReasonCode  code)
{
  return lento_recommendation_find_reason (lento_practice_get_recommendation (fixture->practice),
                                           code) != NULL;
}

/* The next day, the machine running all the while. */
static void
next_day (Fixture *fixture)
{
  lento_fake_clock_advance (fixture->clock, 24 * G_TIME_SPAN_HOUR);
}

/* A whole week as a person lives it, without a window: today's session
 * starts, it hurts, the session is in the journal at once, the plan says
 * rest and refuses a session until the rest is over, then offers a
 * session that does not advance; that one is recorded by the person, and
 * the day is done.
 */
static void
test_week (Fixture       *fixture,
           gconstpointer  data)
{
  LentoSession *session;
  LentoSessionResult *result;
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(LentoEntry) hurt = NULL;
  LentoJournal *journal;
  guint rest_days = 0;

  create_journal (fixture);
  journal = lento_practice_get_journal (fixture->practice);
  /* Every day a session day, so that only the rules make a day one of rest. */
  lento_practice_set_weekdays (fixture->practice, 0xfe);

  /* Day 1: today's session. */
  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==, LENTO_PRACTICE_START_NOW);
  g_assert_true (lento_practice_start_session (fixture->practice, FALSE));
  session = lento_practice_get_session (fixture->practice);
  g_assert_nonnull (session);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  /* One session at a time. */
  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==, LENTO_PRACTICE_START_NO);
  g_assert_false (lento_practice_start_session (fixture->practice, TRUE));

  lento_fake_clock_advance (fixture->clock, 4 * G_TIME_SPAN_MINUTE);
  g_assert_true (lento_session_it_hurts (session));

  /* It is in the journal at once, with the sharp pain at the step-back
   * level, and the session waits on its done page.
   */
  result = lento_practice_get_result (fixture->practice);
  g_assert_nonnull (result);
  g_assert_true (lento_session_result_get_sharp_pain (result));
  g_assert_cmpuint (fixture->n_ended, ==, 1);
  g_assert_nonnull (fixture->ended_entry);
  hurt = g_object_ref (fixture->ended_entry);
  g_assert_true (lento_journal_lookup (journal, lento_entry_get_uuid (hurt)) == hurt);
  g_assert_true (lento_entry_get_sharp_pain (hurt));
  g_assert_cmpint (lento_entry_get_pain (hurt), ==,
                   lento_program_get_rules (lento_practice_get_program (fixture->practice))
                     ->step_back_min_pain);
  g_assert_cmpuint (lento_entry_get_wear (hurt), ==, 0);
  /* The timer knows the pain, not how comfortable it was or how it resisted. */
  g_assert_cmpint (lento_entry_get_comfort (hurt), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_resistance (hurt), ==, LENTO_RESISTANCE_UNSET);
  g_assert_true (lento_practice_get_result_kept (fixture->practice));

  /* The plan says rest, and no session starts, not even on purpose. */
  g_assert_cmpint (kind_today (fixture), ==, LENTO_RECOMMENDATION_REST);
  g_assert_true (has_reason (fixture, LENTO_REASON_REST_AFTER_INJURY));
  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==, LENTO_PRACTICE_START_NO);

  /* Closed: the entry stays. */
  g_assert_true (lento_practice_discard_result (fixture->practice));
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_nonnull (lento_journal_lookup (journal, lento_entry_get_uuid (hurt)));
  g_assert_false (lento_practice_start_session (fixture->practice, TRUE));

  /* The next days: rest until the plan's rest is over. */
  do
    {
      next_day (fixture);
      rest_days++;
      g_assert_cmpuint (rest_days, <=, 7);
    }
  while (lento_practice_get_start (fixture->practice) == LENTO_PRACTICE_START_NO);
  g_assert_cmpuint (rest_days, ==,
                    lento_program_get_rules (lento_practice_get_program (fixture->practice))
                      ->rest_days + 1);

  /* After pain, a gentler session: never a step up. */
  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==, LENTO_PRACTICE_START_NOW);
  g_assert_cmpint (kind_today (fixture), !=, LENTO_RECOMMENDATION_ADVANCE);
  g_assert_true (lento_practice_start_session (fixture->practice, FALSE));
  session = lento_practice_get_session (fixture->practice);
  while (lento_session_get_state (session) == LENTO_SESSION_STATE_RUNNING)
    {
      lento_fake_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
      lento_session_skip (session);
    }
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpuint (fixture->n_ended, ==, 2);

  /* Not in the journal until the person says how it felt and saves it. */
  g_assert_false (lento_practice_get_result_kept (fixture->practice));
  g_assert_null (lento_journal_lookup (journal, lento_entry_get_uuid (fixture->ended_entry)));
  entry = lento_practice_dup_result_entry (fixture->practice);
  g_assert_cmpstr (lento_entry_get_uuid (entry), ==, lento_entry_get_uuid (fixture->ended_entry));
  g_assert_false (lento_entry_get_sharp_pain (entry));
  /* How it felt is the person's to say: nothing stands in for it. */
  g_assert_false (lento_entry_has_how_it_felt (entry));
  g_assert_cmpint (lento_entry_get_pain (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_comfort (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_resistance (entry), ==, LENTO_RESISTANCE_UNSET);
  lento_entry_set_pain (entry, 0);
  lento_entry_set_comfort (entry, 8);
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_SLIGHT);
  lento_journal_add (journal, entry);

  /* Recorded: the session is put away, in memory and in the profile. */
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_null (lento_practice_get_result (fixture->practice));
  g_assert_false (lento_test_practice_saved_profile_has (fixture->practice, "session"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);

  /* The day is done: another session only on purpose. */
  g_assert_cmpint (kind_today (fixture), ==, LENTO_RECOMMENDATION_REST);
  g_assert_true (has_reason (fixture, LENTO_REASON_DONE_TODAY));
  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==, LENTO_PRACTICE_START_ANYWAY);
  g_assert_false (lento_practice_start_session (fixture->practice, FALSE));
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The plan is asked again at midnight, by a clock alarm: a window left open
 * overnight shows the new day's plan.
 */
static void
test_midnight (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  guint asked = 0;

  create_journal (fixture);
  now = lento_practice_dup_now (fixture->practice);
  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  midnight = g_date_time_add_days (today, 1);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (fixture->clock)
                   - lento_clock_now (LENTO_CLOCK (fixture->clock)),
                   ==, g_date_time_difference (midnight, now));

  g_signal_connect_swapped (fixture->practice, "notify::recommendation",
                            G_CALLBACK (count_cb), &asked);
  lento_fake_clock_advance (fixture->clock, g_date_time_difference (midnight, now));
  g_assert_cmpuint (asked, >=, 1);
  g_assert_nonnull (lento_practice_get_recommendation (fixture->practice));
  /* And again the next midnight. */
  g_assert_cmpint (lento_fake_clock_get_next_deadline (fixture->clock)
                   - lento_clock_now (LENTO_CLOCK (fixture->clock)),
                   ==, 24 * G_TIME_SPAN_HOUR);

  /* Locked, nothing is asked and nothing waits for midnight. */
  lento_practice_lock (fixture->practice);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (fixture->clock), ==, 0);
}

/* A session that ends behind the lock is said, and recorded if it hurt,
 * once the journal opens; the profile then holds its entry's UUID, so a
 * restart records it once.
 */
static void
test_session_through_lock (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoPractice) restarted = NULL;
  LentoSession *session;
  LentoJournal *journal;

  create_journal (fixture);
  lento_practice_set_weekdays (fixture->practice, 0xfe);
  g_assert_true (lento_practice_start_session (fixture->practice, FALSE));
  session = lento_practice_get_session (fixture->practice);
  lento_practice_lock (fixture->practice);
  g_assert_null (lento_practice_get_journal (fixture->practice));
  g_assert_true (lento_practice_get_session (fixture->practice) == session);

  lento_fake_clock_advance (fixture->clock, 3 * G_TIME_SPAN_MINUTE);
  g_assert_true (lento_session_it_hurts (session));
  g_assert_cmpuint (fixture->n_ended, ==, 0);
  g_assert_nonnull (lento_practice_get_result (fixture->practice));

  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, fixture->code, &error));
  g_assert_no_error (error);
  wait_until_loaded (fixture);
  g_assert_cmpuint (fixture->n_ended, ==, 1);
  journal = lento_practice_get_journal (fixture->practice);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_true (lento_entry_get_sharp_pain (fixture->ended_entry));
  g_assert_cmpint (kind_today (fixture), ==, LENTO_RECOMMENDATION_REST);

  /* Lento restarts with the session still on its done page: it comes back
   * and is not recorded a second time.
   */
  wait_until_idle (fixture);
  lento_practice_flush_pending (fixture->practice);
  wait_until_idle (fixture);
  lento_vault_lock (fixture->vault);
  restarted = lento_practice_new (fixture->vault, LENTO_CLOCK (fixture->clock));
  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, fixture->code, &error));
  g_assert_no_error (error);
  while (!lento_practice_get_loaded (restarted))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (lento_practice_get_result (restarted));
  g_assert_true (lento_practice_get_result_kept (restarted));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (restarted))),
                    ==, 1);
  g_assert_true (lento_practice_discard_result (restarted));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (restarted))),
                    ==, 1);
  lento_practice_flush_pending (restarted);
  wait_until_idle (fixture);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Imports @documents and waits until the practice says how it went. */
static gboolean
import_backup (Fixture     *fixture,
               GHashTable  *documents,
               guint       *changed,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lento_practice_import_backup_async (fixture->practice, documents, NULL, store_result_cb,
                                      &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lento_practice_import_backup_finish (fixture->practice, result, changed, error);
}

static GHashTable *
backup_with (LentoEntry *entry)
{
  g_autoptr(LentoJournal) backup = lento_journal_new ();
  GHashTable *documents;

  lento_journal_add (backup, entry);
  documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  g_hash_table_insert (documents, (gpointer) LENTO_JOURNAL_LOG_DOCUMENT,
                       lento_journal_serialize_log (backup));
  return documents;
}

/* A backup merges into the journal in memory, which saves it before the
 * import says it is done: the next save keeps it. A read-only journal takes
 * nothing.
 */
static void
test_import_backup (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 2, 20, 9, 0, 0);
  g_autoptr(LentoEntry) imported = lento_entry_new (start);
  g_autoptr(LentoEntry) added = lento_entry_new (start);
  g_autoptr(GHashTable) documents = backup_with (imported);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  create_journal (fixture);
  g_assert_true (import_backup (fixture, documents, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  /* Saved already: nothing waits for the vault. */
  g_assert_false (lento_vault_get_busy (fixture->vault));
  /* Twice changes nothing more. */
  g_assert_true (import_backup (fixture, documents, &changed, &error));
  g_assert_cmpuint (changed, ==, 0);

  lento_journal_add (lento_practice_get_journal (fixture->practice), added);
  relock_and_unlock (fixture);
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                          lento_entry_get_uuid (imported)));
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                          lento_entry_get_uuid (added)));

  /* A damaged backup document changes nothing and says why. */
  g_hash_table_insert (documents, (gpointer) LENTO_JOURNAL_LOG_DOCUMENT,
                       g_bytes_new_static ("{", 1));
  g_assert_false (import_backup (fixture, documents, &changed, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (fixture->practice))),
                    ==, 2);
  g_assert_cmpuint (fixture->errors, ==, 0);
}

/* An import whose save fails says so, as its own result rather than as a
 * success: the entries are in the journal on screen but not on disk. The
 * next save that works writes them.
 */
static void
test_import_backup_not_saved (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 2, 20, 9, 0, 0);
  g_autoptr(LentoEntry) imported = lento_entry_new (start);
  g_autoptr(LentoEntry) added = lento_entry_new (start);
  g_autoptr(GHashTable) documents = backup_with (imported);
  g_autoptr(GError) error = NULL;
  LentoFileFault fault = { LENTO_FILE_STEP_WRITE, 0, 0, { 0, } };
  guint changed = 0;

  create_journal (fixture);
  lento_vault_set_file_layer (fixture->vault, lento_file_layer_get_faulty (), &fault);
  g_assert_false (import_backup (fixture, documents, &changed, &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_NOT_WRITTEN);
  g_assert_cmpint (g_atomic_int_get (&fault.failures), ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                          lento_entry_get_uuid (imported)));
  /* Said once, by the import, not again as an error of the practice. */
  wait_until_idle (fixture);
  g_assert_cmpuint (fixture->errors, ==, 0);

  lento_vault_set_file_layer (fixture->vault, lento_file_layer_get_default (), NULL);
  lento_journal_add (lento_practice_get_journal (fixture->practice), added);
  relock_and_unlock (fixture);
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                          lento_entry_get_uuid (imported)));
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                          lento_entry_get_uuid (added)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lento/practice/locked-holds-nothing", Fixture, NULL,
              fixture_set_up, test_locked_holds_nothing, fixture_tear_down);
  g_test_add ("/lento/practice/entry-survives-lock", Fixture, NULL,
              fixture_set_up, test_entry_survives_lock, fixture_tear_down);
  g_test_add ("/lento/practice/plan-before-whole-journal", Fixture, NULL,
              fixture_set_up_clock, test_plan_before_whole_journal, fixture_tear_down);
  g_test_add ("/lento/practice/inventory-survives-lock", Fixture, NULL,
              fixture_set_up, test_inventory_survives_lock, fixture_tear_down);
  g_test_add ("/lento/practice/inventory-edit-is-saved", Fixture, NULL,
              fixture_set_up, test_inventory_edit_is_saved, fixture_tear_down);
  g_test_add ("/lento/practice/plan-choices-survive-lock", Fixture, NULL,
              fixture_set_up, test_plan_choices_survive_lock, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (unreadable_profiles); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/lento/practice/unreadable-profile-is-not-overwritten/%u", i);

      g_test_add (path, Fixture, unreadable_profiles[i],
                  fixture_set_up, test_unreadable_profile_is_not_overwritten, fixture_tear_down);
    }

  g_test_add ("/lento/practice/week", Fixture, NULL,
              fixture_set_up_clock, test_week, fixture_tear_down);
  g_test_add ("/lento/practice/midnight", Fixture, NULL,
              fixture_set_up_clock, test_midnight, fixture_tear_down);
  g_test_add ("/lento/practice/session-through-lock", Fixture, NULL,
              fixture_set_up_clock, test_session_through_lock, fixture_tear_down);
  g_test_add ("/lento/practice/import-backup", Fixture, NULL,
              fixture_set_up_clock, test_import_backup, fixture_tear_down);
  g_test_add ("/lento/practice/import-backup-not-saved", Fixture, NULL,
              fixture_set_up_clock, test_import_backup_not_saved, fixture_tear_down);

  return g_test_run ();
}
