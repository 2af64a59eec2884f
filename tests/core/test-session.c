/* test-session.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <string.h>

#include "lento-fake-clock.h"
#include "lento-session.h"

#define SEC G_GINT64_CONSTANT (1000000)

/* The template every test runs unless it says otherwise. Phases start at
 * 0, 180, 420, 540 (wear), 1140 and 1260 seconds; the session ends at 1320.
 */
static LentoSessionTemplate *
make_template (void)
{
  LentoSessionTemplate *template = lento_session_template_new ("test-week", "Test week");
  guint phase;

  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_SETTLE, 180, 0);
  lento_session_template_add_cue (template, phase, 0, "settle-breathe");
  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_WARM_UP, 240, 0);
  lento_session_template_add_cue (template, phase, 0, "warm-up-circle");
  lento_session_template_add_cue (template, phase, 120, "warm-up-slow");
  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_ENTRY, 120, 0);
  lento_session_template_add_cue (template, phase, 0, "entry-bear-down");
  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_WEAR, 600, 900);
  lento_session_template_add_cue (template, phase, 300, "urge-fades");
  lento_session_template_add_cue (template, phase, 600, "urge-fades-later");
  lento_session_template_add_cue (template, phase, 800, "wear-extra");
  lento_session_template_add_phase (template, LENTO_PHASE_KIND_COOL_DOWN, 120, 0);
  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_AFTERCARE, 60, 0);
  lento_session_template_add_cue (template, phase, 30, "aftercare-water");

  return template;
}

typedef struct
{
  LentoFakeClock *clock;
  LentoSessionTemplate *template;
  LentoSession *session;
  LentoSessionResult *result;
  GString *log;
  gint64 t0;
  guint n_saves;
  guint n_finished;
  gboolean log_saves;
  gboolean stop_on_cue;
  /* What the app would hold in the profile: the state at the last save. */
  char *last_saved;
} Fixture;

static gint64
seconds_now (Fixture *f)
{
  return (lento_clock_now (LENTO_CLOCK (f->clock)) - f->t0) / SEC;
}

static void
phase_changed_cb (LentoSession   *session,
                  guint           index,
                  LentoPhaseKind  kind,
                  Fixture        *f)
{
  g_assert_cmpuint (index, ==, lento_session_get_phase_index (session));
  g_assert_cmpint (kind, ==, lento_session_get_phase_kind (session));
  g_string_append_printf (f->log, "phase:%s/%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT " ",
                          lento_phase_kind_to_string (kind),
                          lento_session_get_phase_duration (session) / SEC,
                          seconds_now (f));
}

static void
cue_cb (LentoSession *session,
        const char   *cue_id,
        Fixture      *f)
{
  g_string_append_printf (f->log, "cue:%s@%" G_GINT64_FORMAT " ", cue_id, seconds_now (f));

  if (f->stop_on_cue)
    g_assert_true (lento_session_stop (session));
}

static void
finished_cb (LentoSession       *session,
             LentoSessionResult *result,
             Fixture            *f)
{
  g_autoptr(GEnumClass) end_class = g_type_class_ref (LENTO_TYPE_SESSION_END);

  g_assert_true (result == lento_session_get_result (session));
  g_string_append_printf (f->log, "finished:%s@%" G_GINT64_FORMAT " ",
                          g_enum_get_value (end_class,
                                            lento_session_result_get_ended_by (result))->value_nick,
                          seconds_now (f));
  g_clear_pointer (&f->result, lento_session_result_unref);
  f->result = lento_session_result_ref (result);
  f->n_finished++;
}

static void
save_needed_cb (LentoSession *session,
                Fixture      *f)
{
  g_autoptr(JsonNode) node = lento_session_serialize (session);
  JsonObject *object = json_node_get_object (node);

  /* Whatever is saved at this moment must describe this moment. */
  g_assert_cmpint (json_object_get_int_member (object, "phase"), ==,
                   lento_session_get_phase_index (session));

  g_free (f->last_saved);
  f->last_saved = json_to_string (node, FALSE);

  f->n_saves++;
  if (f->log_saves)
    g_string_append_printf (f->log, "save@%" G_GINT64_FORMAT " ", seconds_now (f));
}

static void
watch (Fixture      *f,
       LentoSession *session)
{
  g_signal_connect (session, "phase-changed", G_CALLBACK (phase_changed_cb), f);
  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), f);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), f);
  g_signal_connect (session, "save-needed", G_CALLBACK (save_needed_cb), f);
}

static void
fixture_init (Fixture *f)
{
  memset (f, 0, sizeof *f);
  f->clock = lento_fake_clock_new ();
  f->template = make_template ();
  f->session = lento_session_new (f->template, LENTO_CLOCK (f->clock));
  f->log = g_string_new (NULL);
  f->t0 = lento_clock_now (LENTO_CLOCK (f->clock));
  watch (f, f->session);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->last_saved, g_free);
  g_clear_pointer (&f->result, lento_session_result_unref);
  if (f->session != NULL)
    g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->template);
  g_assert_finalize_object (f->clock);
  g_string_free (f->log, TRUE);
}

static void
advance (Fixture *f,
         gint64   seconds)
{
  lento_fake_clock_advance (f->clock, seconds * SEC);
}

static void
clear_log (Fixture *f)
{
  g_string_truncate (f->log, 0);
}

/* Saves the session as the app would (to a string), drops it and returns
 * the string.
 */
static char *
save_and_drop (Fixture *f)
{
  g_autoptr(JsonNode) node = lento_session_serialize (f->session);

  g_assert_finalize_object (g_steal_pointer (&f->session));
  /* A dropped session leaves no alarm behind. */
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f->clock), ==, 0);

  return json_to_string (node, FALSE);
}

static LentoSession *
restore (Fixture    *f,
         const char *saved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (saved, &error);
  LentoSession *session;

  g_assert_no_error (error);
  g_assert_cmpstr (lento_session_peek_saved_template_id (node), ==, "test-week");
  session = lento_session_restore_from_json (f->template, LENTO_CLOCK (f->clock), node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  watch (f, session);

  return session;
}

static void
test_session_new_destroy (void)
{
  g_autoptr(LentoSessionTemplate) template = make_template ();
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  LentoSession *session = lento_session_new (template, LENTO_CLOCK (clock));

  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_IDLE);
  g_assert_cmpuint (lento_session_get_phase_index (session), ==, 0);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_SETTLE);
  g_assert_cmpint (lento_session_get_phase_remaining (session), ==, 180 * SEC);
  g_assert_cmpint (lento_session_get_total_elapsed (session), ==, 0);
  g_assert_null (lento_session_get_start_time (session));
  g_assert_null (lento_session_get_result (session));
  g_assert_true (lento_session_get_template (session) == template);
  g_assert_true (lento_session_get_clock (session) == LENTO_CLOCK (clock));

  /* A running session holds an alarm; dropping it must clean that up. */
  g_assert_true (lento_session_start (session));
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (clock), ==, 1);
  g_assert_finalize_object (session);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (clock), ==, 0);
}

static void
test_session_phase_order (void)
{
  Fixture f;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  fixture_init (&f);

  g_assert_true (lento_session_start (f.session));
  advance (&f, 1320);

  g_assert_cmpstr (f.log->str, ==,
                   "phase:settle/180@0 cue:settle-breathe@0 "
                   "phase:warm-up/240@180 cue:warm-up-circle@180 cue:warm-up-slow@300 "
                   "phase:entry/120@420 cue:entry-bear-down@420 "
                   "phase:wear/600@540 cue:urge-fades@840 cue:urge-fades-later@1140 "
                   "phase:cool-down/120@1140 "
                   "phase:aftercare/60@1260 cue:aftercare-water@1290 "
                   "finished:completed@1320 ");

  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpuint (lento_session_get_phase_index (f.session), ==, 5);
  g_assert_cmpint (lento_session_get_phase_remaining (f.session), ==, 0);
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 1320 * SEC);
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 600 * SEC);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpstr (lento_session_result_get_template_id (f.result), ==, "test-week");
  g_assert_cmpint (lento_session_result_get_ended_by (f.result), ==, LENTO_SESSION_END_COMPLETED);
  g_assert_false (lento_session_result_get_sharp_pain (f.result));
  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 1320);
  g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==, 600);
  g_assert_cmpint (lento_session_result_get_urge_faded_minute (f.result), ==, -1);
  g_assert_cmpint (lento_session_result_get_last_phase_kind (f.result), ==,
                   LENTO_PHASE_KIND_AFTERCARE);

  start = g_date_time_format_iso8601 (lento_session_result_get_start_time (f.result));
  end = g_date_time_format_iso8601 (lento_session_result_get_end_time (f.result));
  g_assert_cmpstr (start, ==, "2026-03-02T09:00:00Z");
  g_assert_cmpstr (end, ==, "2026-03-02T09:22:00Z");

  /* Nothing happens after the end. */
  clear_log (&f);
  advance (&f, 3600);
  g_assert_cmpstr (f.log->str, ==, "");

  fixture_clear (&f);
}

static void
test_session_one_alarm (void)
{
  Fixture f;

  fixture_init (&f);

  /* Idle: nothing scheduled. */
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  /* Settle: the cue at 0 fired at start; the next event is its end. */
  lento_session_start (f.session);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 1);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (f.clock), ==, f.t0 + 180 * SEC);

  /* Warm-up: the cue at 120 s comes before the end. */
  advance (&f, 200);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 1);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (f.clock), ==, f.t0 + 300 * SEC);

  /* Paused: nothing at all wakes the process. */
  lento_session_pause (f.session);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  /* Resumed 50 s later: everything after shifts by 50 s. */
  advance (&f, 50);
  lento_session_resume (f.session);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (f.clock), ==, f.t0 + 350 * SEC);

  lento_session_stop (f.session);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  fixture_clear (&f);
}

static void
test_session_pause_resume (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 100);
  g_assert_true (lento_session_pause (f.session));
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_PAUSED);

  /* A long pause counts nowhere. */
  advance (&f, 1000);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 100 * SEC);
  g_assert_cmpint (lento_session_get_phase_remaining (f.session), ==, 80 * SEC);
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 100 * SEC);

  clear_log (&f);
  g_assert_true (lento_session_resume (f.session));
  advance (&f, 80);
  g_assert_cmpstr (f.log->str, ==, "phase:warm-up/240@1180 cue:warm-up-circle@1180 ");
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 180 * SEC);

  /* A pause in the wear phase leaves wear time exact. */
  advance (&f, 360 + 30);
  lento_session_pause (f.session);
  advance (&f, 500);
  lento_session_resume (f.session);
  advance (&f, 20);
  g_assert_cmpint (lento_session_get_phase_kind (f.session), ==, LENTO_PHASE_KIND_WEAR);
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 50 * SEC);
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 590 * SEC);

  lento_session_stop (f.session);
  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 590);
  g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==, 50);

  fixture_clear (&f);
}

static void
test_session_actions_need_state (void)
{
  Fixture f;

  fixture_init (&f);

  /* Idle: only start applies. */
  g_assert_false (lento_session_pause (f.session));
  g_assert_false (lento_session_resume (f.session));
  g_assert_false (lento_session_skip (f.session));
  g_assert_cmpuint (lento_session_extend (f.session, 60), ==, 0);
  g_assert_false (lento_session_stop (f.session));
  g_assert_false (lento_session_it_hurts (f.session));
  g_assert_false (lento_session_mark_urge_faded (f.session));

  g_assert_true (lento_session_start (f.session));
  g_assert_false (lento_session_start (f.session));
  g_assert_false (lento_session_resume (f.session));
  g_assert_true (lento_session_pause (f.session));
  g_assert_false (lento_session_pause (f.session));
  g_assert_true (lento_session_stop (f.session));

  /* Ended: nothing applies, and the result stays. */
  g_assert_false (lento_session_start (f.session));
  g_assert_false (lento_session_resume (f.session));
  g_assert_false (lento_session_skip (f.session));
  g_assert_false (lento_session_stop (f.session));
  g_assert_false (lento_session_it_hurts (f.session));
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpint (lento_session_result_get_ended_by (lento_session_get_result (f.session)), ==,
                   LENTO_SESSION_END_STOPPED);

  fixture_clear (&f);
}

static void
test_session_suspend_jump (void)
{
  Fixture f;
  gint64 mono0;

  fixture_init (&f);
  f.log_saves = TRUE;
  mono0 = lento_clock_now_monotonic (LENTO_CLOCK (f.clock));

  lento_session_start (f.session);
  advance (&f, 600);
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 60 * SEC);
  clear_log (&f);

  /* Asleep for 700 s with 540 s of wear left. On waking: each phase
   * boundary passed is reported, the wear cues (long overdue, their phase
   * over) are dropped, the aftercare cue (10 s late, in the phase the
   * session is now in) is kept, and the state is saved once.
   */
  lento_fake_clock_advance_boottime (f.clock, 700 * SEC);
  g_assert_cmpstr (f.log->str, ==,
                   "phase:cool-down/120@1300 phase:aftercare/60@1300 "
                   "cue:aftercare-water@1300 save@1300 ");
  g_assert_cmpint (lento_clock_now_monotonic (LENTO_CLOCK (f.clock)) - mono0, ==, 600 * SEC);
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 600 * SEC);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 40 * SEC);
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 1300 * SEC);

  clear_log (&f);
  advance (&f, 20);
  g_assert_cmpstr (f.log->str, ==, "finished:completed@1320 save@1320 ");
  g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==, 600);

  fixture_clear (&f);
}

static void
test_session_suspend_keeps_latest_cue (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 640);
  clear_log (&f);

  /* The urge cue fell due during the sleep, 50 s before waking; it is the
   * newest cue of the phase still running, so it is still worth saying.
   */
  lento_fake_clock_advance_boottime (f.clock, 250 * SEC);
  g_assert_cmpstr (f.log->str, ==, "cue:urge-fades@890 ");
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 350 * SEC);

  /* After the wake-up the timeline is back on time. */
  advance (&f, 250);
  g_assert_cmpstr (f.log->str, ==,
                   "cue:urge-fades@890 cue:urge-fades-later@1140 phase:cool-down/120@1140 ");

  fixture_clear (&f);
}

static void
test_session_suspend_while_paused (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 700);
  lento_session_pause (f.session);
  clear_log (&f);

  lento_fake_clock_advance_boottime (f.clock, 3600 * SEC);
  g_assert_cmpstr (f.log->str, ==, "");
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_PAUSED);
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 160 * SEC);

  lento_session_resume (f.session);
  advance (&f, 140);
  g_assert_cmpstr (f.log->str, ==, "cue:urge-fades@4440 ");

  fixture_clear (&f);
}

static void
test_session_resume_after_crash (void)
{
  Fixture f;
  g_autofree char *saved = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_text = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 601);
  saved = save_and_drop (&f);

  /* Lento is gone for two minutes; the person is not. */
  advance (&f, 120);
  f.session = restore (&f, saved);

  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_RUNNING);
  g_assert_cmpuint (lento_session_get_phase_index (f.session), ==, 3);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 181 * SEC);
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 181 * SEC);
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 721 * SEC);
  start = lento_session_get_start_time (f.session);
  start_text = g_date_time_format_iso8601 (start);
  g_assert_cmpstr (start_text, ==, "2026-03-02T09:00:00Z");

  /* Cues and phases go on at their planned times. */
  clear_log (&f);
  advance (&f, 0);
  g_assert_cmpstr (f.log->str, ==, "");
  advance (&f, 600);
  g_assert_cmpstr (f.log->str, ==,
                   "cue:urge-fades@840 cue:urge-fades-later@1140 phase:cool-down/120@1140 "
                   "phase:aftercare/60@1260 cue:aftercare-water@1290 finished:completed@1320 ");
  g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==, 600);
  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 1320);

  fixture_clear (&f);
}

static void
test_session_resume_after_reboot (void)
{
  Fixture f;
  g_autofree char *saved = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 601);
  saved = save_and_drop (&f);

  /* Boot time starts again near zero, so only the wall clock can say how
   * long it was: 300 s off plus the 20 s the fake machine takes to boot.
   */
  lento_fake_clock_reboot (f.clock, 300 * SEC);
  f.session = restore (&f, saved);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, (61 + 320) * SEC);

  fixture_clear (&f);
}

static void
test_session_resume_ignores_wall_clock_change (void)
{
  Fixture f;
  g_autofree char *saved = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 601);
  saved = save_and_drop (&f);

  /* Same boot: boot time is the truth, whatever the wall clock says. */
  lento_fake_clock_advance_real (f.clock, -3600 * SEC);
  advance (&f, 30);
  f.session = restore (&f, saved);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 91 * SEC);

  fixture_clear (&f);
}

static void
test_session_resume_after_reboot_with_clock_set_back (void)
{
  Fixture f;
  g_autofree char *saved = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 601);
  saved = save_and_drop (&f);

  /* After a reboot with the wall clock set far back, no time is added,
   * and none is taken away.
   */
  lento_fake_clock_reboot (f.clock, 0);
  lento_fake_clock_advance_real (f.clock, -86400 * SEC);
  f.session = restore (&f, saved);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 61 * SEC);

  fixture_clear (&f);
}

static void
test_session_resume_paused (void)
{
  Fixture f;
  g_autofree char *saved = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 100);
  lento_session_pause (f.session);
  saved = save_and_drop (&f);

  advance (&f, 1000);
  f.session = restore (&f, saved);
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_PAUSED);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 100 * SEC);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  clear_log (&f);
  lento_session_resume (f.session);
  advance (&f, 80);
  g_assert_cmpstr (f.log->str, ==, "phase:warm-up/240@1180 cue:warm-up-circle@1180 ");

  fixture_clear (&f);
}

static void
test_session_resume_past_the_end (void)
{
  Fixture f;
  g_autofree char *saved = NULL;
  g_autofree char *end = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 1300);
  saved = save_and_drop (&f);

  /* Back within the margin: it finished while Lento was away. */
  advance (&f, 600);
  f.session = restore (&f, saved);
  /* Until the session wakes, reading it never overshoots. */
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 60 * SEC);
  g_assert_cmpint (lento_session_get_phase_remaining (f.session), ==, 0);

  clear_log (&f);
  advance (&f, 0);
  g_assert_cmpstr (f.log->str, ==, "finished:completed@1900 ");
  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 1320);
  /* It ended when its last phase did, not when Lento came back. */
  end = g_date_time_format_iso8601 (lento_session_result_get_end_time (f.result));
  g_assert_cmpstr (end, ==, "2026-03-02T09:22:00Z");

  fixture_clear (&f);
}

/* Lento crashes at some moment of each phase (and of a paused session);
 * what comes back is the state of the last save, which was written at the
 * last phase change or action, brought forward by the time that passed.
 */
typedef struct
{
  gint64 crash_at;
  gint64 pause_at;
  gint64 away;
  LentoSessionState state;
  guint phase;
  gint64 phase_elapsed;
  gint64 total_elapsed;
} CrashCase;

static void
test_session_resume_after_crash_in_each_phase (void)
{
  static const CrashCase cases[] = {
    /* crash  pause  away  state  phase  phase elapsed  total */
    { 100, -1, 30, LENTO_SESSION_STATE_RUNNING, 0, 130, 130 },
    { 200, -1, 30, LENTO_SESSION_STATE_RUNNING, 1, 50, 230 },
    { 400, -1, 30, LENTO_SESSION_STATE_RUNNING, 2, 10, 430 },
    { 500, -1, 30, LENTO_SESSION_STATE_RUNNING, 2, 110, 530 },
    { 900, -1, 60, LENTO_SESSION_STATE_RUNNING, 3, 420, 960 },
    { 1150, -1, 30, LENTO_SESSION_STATE_RUNNING, 4, 40, 1180 },
    { 1270, -1, 20, LENTO_SESSION_STATE_RUNNING, 5, 30, 1290 },
    /* Paused: the time away does not count, however long. */
    { 800, 700, 600, LENTO_SESSION_STATE_PAUSED, 3, 160, 700 },
    { 800, 100, 86400, LENTO_SESSION_STATE_PAUSED, 0, 100, 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CrashCase *c = &cases[i];
      g_autofree char *saved = NULL;
      Fixture f;

      g_test_message ("case %u", i);
      fixture_init (&f);
      lento_session_start (f.session);
      if (c->pause_at >= 0)
        {
          advance (&f, c->pause_at);
          g_assert_true (lento_session_pause (f.session));
        }
      advance (&f, c->crash_at - MAX (c->pause_at, 0));

      /* The crash: nothing is written on the way down. */
      saved = g_strdup (f.last_saved);
      g_assert_nonnull (saved);
      g_signal_handlers_disconnect_by_data (f.session, &f);
      g_clear_object (&f.session);

      advance (&f, c->away);
      f.session = restore (&f, saved);
      advance (&f, 0);

      g_assert_false (lento_session_get_interrupted (f.session));
      g_assert_cmpint (lento_session_get_state (f.session), ==, c->state);
      g_assert_cmpuint (lento_session_get_phase_index (f.session), ==, c->phase);
      g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, c->phase_elapsed * SEC);
      g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, c->total_elapsed * SEC);
      g_assert_null (lento_session_get_result (f.session));
      g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==,
                        c->state == LENTO_SESSION_STATE_RUNNING ? 1 : 0);

      fixture_clear (&f);
    }
}

/* A session left running far longer than it could last (Lento crashed and
 * was opened the next day, or the machine rebooted much later) is not
 * resumed, nor called completed: it comes back stopped with the time of its
 * last save, to be recorded.
 */
static void
test_session_restore_stale (void)
{
  for (guint reboot = 0; reboot < 2; reboot++)
    {
      g_autofree char *saved = NULL;
      g_autofree char *end = NULL;
      LentoSessionResult *result;
      Fixture f;

      g_test_message ("reboot %u", reboot);
      fixture_init (&f);
      lento_session_start (f.session);
      advance (&f, 600);
      /* The last save was the start of the wear phase, at 540 s. */
      saved = g_strdup (f.last_saved);
      g_signal_handlers_disconnect_by_data (f.session, &f);
      g_clear_object (&f.session);

      /* Exactly at the margin (the planned 1320 s and 30 minutes) it still
       * resumes; a reboot takes the fake machine 20 s.
       */
      if (reboot)
        lento_fake_clock_reboot (f.clock, (1320 + 1800 - 600 - 20) * SEC);
      else
        advance (&f, 1320 + 1800 - 600);
      f.session = restore (&f, saved);
      g_assert_false (lento_session_get_interrupted (f.session));
      g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_RUNNING);
      g_signal_handlers_disconnect_by_data (f.session, &f);
      g_clear_object (&f.session);

      /* One second more and it does not. */
      advance (&f, 1);
      clear_log (&f);
      f.session = restore (&f, saved);
      advance (&f, 0);
      g_assert_cmpstr (f.log->str, ==, "");
      g_assert_true (lento_session_get_interrupted (f.session));
      g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_STOPPED);
      g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);
      result = lento_session_get_result (f.session);
      g_assert_nonnull (result);
      g_assert_cmpint (lento_session_result_get_ended_by (result), ==, LENTO_SESSION_END_STOPPED);
      g_assert_false (lento_session_result_get_sharp_pain (result));
      g_assert_cmpuint (lento_session_result_get_total_seconds (result), ==, 540);
      g_assert_cmpuint (lento_session_result_get_wear_seconds (result), ==, 0);
      g_assert_cmpint (lento_session_result_get_last_phase_kind (result), ==,
                       LENTO_PHASE_KIND_WEAR);
      end = g_date_time_format_iso8601 (lento_session_result_get_end_time (result));
      g_assert_cmpstr (end, ==, "2026-03-02T09:09:00Z");

      fixture_clear (&f);
    }
}

/* A running save may hold more time in its phase than the phase lasts
 * (the phase ended while nobody was there to notice). Stale, it comes back
 * stopped, and saving that must give a state that restores again, or the
 * offer to record it is lost at the next start. Found by fuzz-profile.
 */
static void
test_session_restore_stale_overrun (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  JsonArray *elapsed;
  Fixture f;

  fixture_init (&f);
  lento_session_start (f.session);
  /* The first phase lasts 180 s. */
  node = json_from_string (f.last_saved, NULL);
  g_assert_nonnull (node);
  elapsed = json_object_get_array_member (json_node_get_object (node), "elapsed_us");
  json_node_set_int (json_array_get_element (elapsed, 0), 181 * SEC);
  saved = json_to_string (node, FALSE);
  g_signal_handlers_disconnect_by_data (f.session, &f);
  g_clear_object (&f.session);

  advance (&f, 86400);
  f.session = restore (&f, saved);
  g_assert_true (lento_session_get_interrupted (f.session));
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_STOPPED);

  g_clear_pointer (&node, json_node_unref);
  node = lento_session_serialize (f.session);
  again = json_to_string (node, FALSE);
  g_signal_handlers_disconnect_by_data (f.session, &f);
  g_clear_object (&f.session);
  f.session = restore (&f, again);
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_STOPPED);

  fixture_clear (&f);
}

static void
test_session_resume_ended (void)
{
  Fixture f;
  g_autofree char *saved = NULL;
  LentoSessionResult *result;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 700);
  lento_session_it_hurts (f.session);
  saved = save_and_drop (&f);

  f.session = restore (&f, saved);
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_STOPPED);
  result = lento_session_get_result (f.session);
  g_assert_nonnull (result);
  g_assert_true (lento_session_result_get_sharp_pain (result));
  g_assert_cmpuint (lento_session_result_get_wear_seconds (result), ==, 160);

  fixture_clear (&f);
}

typedef struct
{
  const char *member;
  const char *value;
  const char *field;
} RestoreCase;

static void
test_session_restore_errors (void)
{
  static const RestoreCase cases[] = {
    { "version", "2", "version" },
    { "version", NULL, "version" },
    { "template", "\"another-week\"", "template" },
    { "state", "\"dancing\"", "state" },
    { "state", "3", "state" },
    { "phase", "6", "phase" },
    { "phase", "-1", "phase" },
    { "phase", "\"wear\"", "phase" },
    { "next_cue", "9", "next_cue" },
    { "extension_seconds", "301", "extension_seconds" },
    { "urge_faded_minute", "-2", "urge_faded_minute" },
    { "started_at_us", NULL, "started_at_us" },
    { "elapsed_us", "[0, 0, 0, 0, 0]", "elapsed_us" },
    { "elapsed_us", "{}", "elapsed_us" },
    { "elapsed_us", "[180000000, -5, 0, 0, 0, 0]", "elapsed_us[1]" },
    { "elapsed_us", "[\"ten\", 0, 0, 0, 0, 0]", "elapsed_us[0]" },
    { "elapsed_us", "[999000000, 0, 0, 0, 0, 0]", "elapsed_us[0]" },
    { "anchor", NULL, "anchor" },
    { "anchor", "[]", "anchor" },
    { "anchor", "{ \"boottime_us\": 1, \"realtime_us\": 1 }", "anchor.boot_id" },
    { "anchor", "{ \"boot_id\": \"b\", \"boottime_us\": \"x\", \"realtime_us\": 1 }",
      "anchor.boottime_us" },
    { "anchor", "{ \"boot_id\": \"b\", \"boottime_us\": 1 }", "anchor.realtime_us" },
  };
  Fixture f;
  g_autoptr(JsonNode) good = NULL;
  g_autofree char *good_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) array = json_from_string ("[]", NULL);
  LentoSession *session;

  fixture_init (&f);
  lento_session_start (f.session);
  advance (&f, 600);
  good = lento_session_serialize (f.session);
  good_text = json_to_string (good, FALSE);

  /* The untouched state restores; every case below differs in one member. */
  session = lento_session_restore_from_json (f.template, LENTO_CLOCK (f.clock), good, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (session);

  session = lento_session_restore_from_json (f.template, LENTO_CLOCK (f.clock), array, &error);
  g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
  g_assert_null (session);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* json_node_copy() shares the object, so each case parses afresh. */
      g_autoptr(JsonNode) bad = json_from_string (good_text, NULL);
      JsonObject *object = json_node_get_object (bad);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].field);

      if (cases[i].value == NULL)
        json_object_remove_member (object, cases[i].member);
      else
        json_object_set_member (object, cases[i].member, json_from_string (cases[i].value, NULL));

      session = lento_session_restore_from_json (f.template, LENTO_CLOCK (f.clock), bad, &error);
      g_test_message ("case %u: %s", i, cases[i].field);
      g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
      g_assert_null (session);
      g_test_message ("message: %s", error->message);
      g_assert_nonnull (strstr (error->message, quoted));
      g_clear_error (&error);
    }

  fixture_clear (&f);
}

/* A saved session's times must be ones a calendar holds (up to the end of
 * year 9999): a time beyond that used to come back as 1970 and then as the
 * start, so that saving the resumed session changed it.
 */
static void
test_session_restore_out_of_range_times (void)
{
  static const RestoreCase cases[] = {
    { "started_at_us", "253402300800000000", "started_at_us" },
    { "ended_at_us", "253402300800000000", "ended_at_us" },
    { "ended_at_us", "9223372036854775807", "ended_at_us" },
    { "ended_at_us", "-1", "ended_at_us" },
    { "ended_at_us", NULL, "ended_at_us" },
  };
  Fixture f;
  g_autoptr(JsonNode) good = NULL;
  g_autofree char *good_text = NULL;
  g_autoptr(GError) error = NULL;
  LentoSession *session;

  fixture_init (&f);
  lento_session_start (f.session);
  advance (&f, 600);
  lento_session_stop (f.session);
  good = lento_session_serialize (f.session);
  good_text = json_to_string (good, FALSE);

  session = lento_session_restore_from_json (f.template, LENTO_CLOCK (f.clock), good, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (session);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) bad = json_from_string (good_text, NULL);
      JsonObject *object = json_node_get_object (bad);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].field);

      if (cases[i].value == NULL)
        json_object_remove_member (object, cases[i].member);
      else
        json_object_set_member (object, cases[i].member, json_from_string (cases[i].value, NULL));

      g_test_message ("case %u: %s = %s", i, cases[i].member, cases[i].value);
      session = lento_session_restore_from_json (f.template, LENTO_CLOCK (f.clock), bad, &error);
      g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
      g_assert_null (session);
      g_assert_nonnull (strstr (error->message, quoted));
      g_clear_error (&error);
    }

  fixture_clear (&f);
}

/* The wall clock of a save must be one a calendar holds too: a session
 * resumed after a reboot counts the time away from it, and one from before
 * 1970 or after year 9999 overflowed that count (found by reading what
 * fuzz-profile drives) or came back stale as ending in 1970.
 */
static void
test_session_restore_out_of_range_anchor (void)
{
  static const char * const realtimes[] = {
    "-9223372036854775808",
    "-1",
    "253402300800000000",
    "9223372036854775807",
  };
  Fixture f;
  g_autofree char *saved = NULL;

  fixture_init (&f);
  lento_session_start (f.session);
  advance (&f, 601);
  saved = save_and_drop (&f);
  lento_fake_clock_reboot (f.clock, 300 * SEC);

  for (guint i = 0; i < G_N_ELEMENTS (realtimes); i++)
    {
      g_autoptr(JsonNode) bad = json_from_string (saved, NULL);
      g_autoptr(JsonNode) value = json_from_string (realtimes[i], NULL);
      g_autoptr(GError) error = NULL;
      JsonObject *anchor = json_object_get_object_member (json_node_get_object (bad), "anchor");
      LentoSession *session;

      json_object_set_member (anchor, "realtime_us", g_steal_pointer (&value));
      g_test_message ("case %u: anchor.realtime_us = %s", i, realtimes[i]);
      session = lento_session_restore_from_json (f.template, LENTO_CLOCK (f.clock), bad, &error);
      g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
      g_assert_null (session);
      g_assert_nonnull (strstr (error->message, "“anchor.realtime_us”"));
    }

  fixture_clear (&f);
}

static void
test_session_stop (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 200);
  clear_log (&f);
  g_assert_true (lento_session_stop (f.session));

  g_assert_cmpstr (f.log->str, ==, "finished:stopped@200 ");
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_STOPPED);
  g_assert_cmpint (lento_session_result_get_ended_by (f.result), ==, LENTO_SESSION_END_STOPPED);
  g_assert_false (lento_session_result_get_sharp_pain (f.result));
  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 200);
  g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==, 0);
  g_assert_cmpint (lento_session_result_get_last_phase_kind (f.result), ==,
                   LENTO_PHASE_KIND_WARM_UP);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  /* Time still passes for the clock, but the session is over. */
  advance (&f, 2000);
  g_assert_cmpstr (f.log->str, ==, "finished:stopped@200 ");
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 200 * SEC);

  fixture_clear (&f);
}

static void
test_session_stop_while_paused (void)
{
  Fixture f;
  g_autofree char *end = NULL;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 200);
  lento_session_pause (f.session);
  advance (&f, 100);
  g_assert_true (lento_session_stop (f.session));

  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 200);
  end = g_date_time_format_iso8601 (lento_session_result_get_end_time (f.result));
  g_assert_cmpstr (end, ==, "2026-03-02T09:05:00Z");

  fixture_clear (&f);
}

static void
test_session_it_hurts_in_each_phase (void)
{
  static const struct {
    gint64 phase_start;
    LentoPhaseKind kind;
    guint wear_seconds;
  } cases[] = {
    { 0, LENTO_PHASE_KIND_SETTLE, 0 },
    { 180, LENTO_PHASE_KIND_WARM_UP, 0 },
    { 420, LENTO_PHASE_KIND_ENTRY, 0 },
    { 540, LENTO_PHASE_KIND_WEAR, 10 },
    { 1140, LENTO_PHASE_KIND_COOL_DOWN, 600 },
    { 1260, LENTO_PHASE_KIND_AFTERCARE, 600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = NULL;
      Fixture f;

      fixture_init (&f);
      lento_session_start (f.session);
      advance (&f, cases[i].phase_start + 10);
      g_assert_cmpint (lento_session_get_phase_kind (f.session), ==, cases[i].kind);

      /* No cue and no phase change on the way out: only the end. */
      clear_log (&f);
      g_assert_true (lento_session_it_hurts (f.session));
      expected = g_strdup_printf ("finished:it-hurts@%" G_GINT64_FORMAT " ",
                                  cases[i].phase_start + 10);
      g_assert_cmpstr (f.log->str, ==, expected);

      g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_STOPPED);
      g_assert_cmpint (lento_session_result_get_ended_by (f.result), ==,
                       LENTO_SESSION_END_IT_HURTS);
      g_assert_true (lento_session_result_get_sharp_pain (f.result));
      g_assert_cmpint (lento_session_result_get_last_phase_kind (f.result), ==, cases[i].kind);
      g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==,
                        cases[i].wear_seconds);
      g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==,
                        cases[i].phase_start + 10);
      g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);
      g_assert_false (lento_session_it_hurts (f.session));

      fixture_clear (&f);
    }
}

static void
test_session_skip (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 30);
  clear_log (&f);
  g_assert_true (lento_session_skip (f.session));

  /* The next phase starts now, with its own cue at 0; the skipped phase
   * keeps the time actually spent in it.
   */
  g_assert_cmpstr (f.log->str, ==, "phase:warm-up/240@30 cue:warm-up-circle@30 ");
  g_assert_cmpint (lento_session_get_total_elapsed (f.session), ==, 30 * SEC);
  g_assert_cmpint (lento_session_get_phase_elapsed (f.session), ==, 0);

  advance (&f, 240);
  g_assert_cmpstr (f.log->str, ==,
                   "phase:warm-up/240@30 cue:warm-up-circle@30 cue:warm-up-slow@150 "
                   "phase:entry/120@270 cue:entry-bear-down@270 ");

  fixture_clear (&f);
}

static void
test_session_skip_last_phase_finishes (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  clear_log (&f);
  for (guint i = 0; i < 5; i++)
    {
      advance (&f, 10);
      g_assert_true (lento_session_skip (f.session));
    }
  g_assert_cmpint (lento_session_get_phase_kind (f.session), ==, LENTO_PHASE_KIND_AFTERCARE);
  g_assert_cmpuint (f.n_finished, ==, 0);

  advance (&f, 10);
  g_assert_true (lento_session_skip (f.session));
  g_assert_cmpstr (f.log->str, ==,
                   "phase:warm-up/240@10 cue:warm-up-circle@10 "
                   "phase:entry/120@20 cue:entry-bear-down@20 "
                   "phase:wear/600@30 phase:cool-down/120@40 phase:aftercare/60@50 "
                   "finished:completed@60 ");
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpint (lento_session_result_get_ended_by (f.result), ==, LENTO_SESSION_END_COMPLETED);
  g_assert_cmpuint (lento_session_result_get_total_seconds (f.result), ==, 60);
  g_assert_cmpuint (lento_session_result_get_wear_seconds (f.result), ==, 10);
  g_assert_false (lento_session_skip (f.session));

  fixture_clear (&f);
}

static void
test_session_skip_while_paused (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 10);
  lento_session_pause (f.session);
  clear_log (&f);

  g_assert_true (lento_session_skip (f.session));
  g_assert_cmpint (lento_session_get_state (f.session), ==, LENTO_SESSION_STATE_PAUSED);
  g_assert_cmpuint (lento_session_get_phase_index (f.session), ==, 1);

  /* The new phase waits for the person: its cue comes on resume. */
  g_assert_cmpstr (f.log->str, ==, "phase:warm-up/240@10 ");
  advance (&f, 100);
  lento_session_resume (f.session);
  g_assert_cmpstr (f.log->str, ==, "phase:warm-up/240@10 cue:warm-up-circle@110 ");

  fixture_clear (&f);
}

static void
test_session_extend (void)
{
  Fixture f;

  fixture_init (&f);

  lento_session_start (f.session);
  advance (&f, 100);
  g_assert_cmpuint (lento_session_extend (f.session, 60), ==, 0);

  advance (&f, 540);
  g_assert_cmpint (lento_session_get_phase_kind (f.session), ==, LENTO_PHASE_KIND_WEAR);
  g_assert_cmpuint (lento_session_extend (f.session, 200), ==, 200);
  g_assert_cmpint (lento_session_get_phase_duration (f.session), ==, 800 * SEC);
  g_assert_cmpint (lento_session_get_phase_remaining (f.session), ==, 700 * SEC);

  /* The template allows 900 s at most. */
  lento_session_pause (f.session);
  g_assert_cmpuint (lento_session_extend (f.session, 500), ==, 100);
  g_assert_cmpuint (lento_session_extend (f.session, 1), ==, 0);
  lento_session_resume (f.session);

  clear_log (&f);
  advance (&f, 800);
  g_assert_cmpstr (f.log->str, ==,
                   "cue:urge-fades@840 cue:urge-fades-later@1140 cue:wear-extra@1340 "
                   "phase:cool-down/120@1440 ");
  g_assert_cmpint (lento_session_get_wear_elapsed (f.session), ==, 900 * SEC);
  g_assert_cmpuint (lento_session_extend (f.session, 60), ==, 0);

  fixture_clear (&f);
}

static void
test_session_extend_without_max (void)
{
  g_autoptr(LentoSessionTemplate) template = lento_session_template_new ("short", "Short");
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  LentoSession *session;

  lento_session_template_add_phase (template, LENTO_PHASE_KIND_WEAR, 60, 0);
  session = lento_session_new (template, LENTO_CLOCK (clock));
  lento_session_start (session);

  /* Without max_seconds the plan did not allow longer wear. */
  g_assert_cmpuint (lento_session_extend (session, 30), ==, 0);
  g_assert_cmpint (lento_session_get_phase_duration (session), ==, 60 * SEC);

  g_assert_finalize_object (session);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_session_urge_faded (void)
{
  Fixture f;
  guint notified = 0;

  fixture_init (&f);
  g_signal_connect (f.session, "notify::urge-faded-minute", G_CALLBACK (count_notify_cb),
                    &notified);

  lento_session_start (f.session);
  advance (&f, 300);
  g_assert_false (lento_session_mark_urge_faded (f.session));
  g_assert_cmpint (lento_session_get_urge_faded_minute (f.session), ==, -1);

  /* 7.5 minutes of wear with a 5-minute pause in the middle: minute 7. */
  advance (&f, 240 + 200);
  lento_session_pause (f.session);
  advance (&f, 300);
  lento_session_resume (f.session);
  advance (&f, 250);
  g_assert_true (lento_session_mark_urge_faded (f.session));
  g_assert_cmpint (lento_session_get_urge_faded_minute (f.session), ==, 7);
  g_assert_cmpuint (notified, ==, 1);

  /* The urge came back; the later mark replaces the earlier. */
  advance (&f, 90);
  g_assert_true (lento_session_mark_urge_faded (f.session));
  g_assert_cmpint (lento_session_get_urge_faded_minute (f.session), ==, 9);
  g_assert_cmpuint (notified, ==, 2);

  lento_session_stop (f.session);
  g_assert_cmpint (lento_session_result_get_urge_faded_minute (f.result), ==, 9);
  g_assert_false (lento_session_mark_urge_faded (f.session));

  fixture_clear (&f);
}

static void
test_session_save_needed (void)
{
  Fixture f;

  fixture_init (&f);
  f.log_saves = TRUE;

  lento_session_start (f.session);
  advance (&f, 10);
  lento_session_pause (f.session);
  lento_session_resume (f.session);
  advance (&f, 1400);

  /* Start, pause, resume, five phase changes and the end. */
  g_assert_cmpuint (f.n_saves, ==, 9);
  g_assert_nonnull (strstr (f.log->str, "phase:wear/600@540 save@540 "));
  g_assert_nonnull (strstr (f.log->str, "finished:completed@1320 save@1320 "));

  fixture_clear (&f);
}

static void
test_session_notify (void)
{
  Fixture f;
  guint state = 0;
  guint phase_index = 0;
  guint elapsed = 0;

  fixture_init (&f);
  g_signal_connect (f.session, "notify::state", G_CALLBACK (count_notify_cb), &state);
  g_signal_connect (f.session, "notify::phase-index", G_CALLBACK (count_notify_cb),
                    &phase_index);
  g_signal_connect (f.session, "notify::phase-elapsed", G_CALLBACK (count_notify_cb), &elapsed);
  g_signal_connect (f.session, "notify::total-elapsed", G_CALLBACK (count_notify_cb), &elapsed);

  lento_session_start (f.session);
  lento_session_pause (f.session);
  lento_session_resume (f.session);
  advance (&f, 1320);

  /* Idle to running, paused, running, finished. */
  g_assert_cmpuint (state, ==, 4);
  g_assert_cmpuint (phase_index, ==, 5);
  /* Time-valued properties are read, never pushed. */
  g_assert_cmpuint (elapsed, ==, 0);

  fixture_clear (&f);
}

static void
test_session_cue_handler_stops (void)
{
  Fixture f;

  fixture_init (&f);
  lento_session_start (f.session);
  advance (&f, 100);
  f.stop_on_cue = TRUE;

  advance (&f, 2000);
  g_assert_cmpstr (f.log->str, ==,
                   "phase:settle/180@0 cue:settle-breathe@0 "
                   "phase:warm-up/240@180 cue:warm-up-circle@180 finished:stopped@180 ");
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (f.clock), ==, 0);

  fixture_clear (&f);
}

static void
drop_session_cb (LentoSession       *session,
                 LentoSessionResult *result,
                 LentoSession      **pointer)
{
  g_clear_object (pointer);
}

static void
test_session_finished_handler_drops_session (void)
{
  g_autoptr(LentoSessionTemplate) template = make_template ();
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  LentoSession *session = lento_session_new (template, LENTO_CLOCK (clock));

  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &session);
  g_signal_connect (session, "finished", G_CALLBACK (drop_session_cb), &session);

  lento_session_start (session);
  lento_fake_clock_advance (clock, 2000 * SEC);
  g_assert_null (session);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (clock), ==, 0);
}

static void
real_finished_cb (LentoSession       *session,
                  LentoSessionResult *result,
                  GMainLoop          *loop)
{
  g_main_loop_quit (loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
test_session_real_clock (void)
{
  g_autoptr(LentoSessionTemplate) template = lento_session_template_new ("second", "Second");
  g_autoptr(LentoClock) clock = lento_clock_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  LentoSession *session;
  gint64 started;
  gint64 late;
  guint guard;

  lento_session_template_add_phase (template, LENTO_PHASE_KIND_SETTLE, 1, 0);
  session = lento_session_new (template, clock);
  g_signal_connect (session, "finished", G_CALLBACK (real_finished_cb), loop);

  started = lento_clock_now (clock);
  lento_session_start (session);
  guard = g_timeout_add_seconds (10, timeout_cb, NULL);
  g_main_loop_run (loop);
  g_source_remove (guard);

  /* The alarm fires at the phase end, not before, and not much after. */
  late = lento_clock_now (clock) - started - SEC;
  g_assert_cmpint (late, >=, 0);
  g_assert_cmpint (late, <, SEC / 2);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpuint (lento_session_result_get_total_seconds (lento_session_get_result (session)),
                    ==, 1);

  g_assert_finalize_object (session);
}

/* Templates from JSON */

static const char example_template[] =
  "{ \"id\": \"week1-outside\", \"title\": \"Outside only\", \"colour\": \"ignored\","
  "  \"phases\": ["
  "    { \"phase\": \"settle\", \"seconds\": 180,"
  "      \"cues\": [ { \"at\": 0, \"cue\": \"settle-breathe\" } ] },"
  "    { \"phase\": \"warm-up\", \"seconds\": 240,"
  "      \"cues\": [ { \"at\": 0, \"cue\": \"warm-up-circle\" } ] },"
  "    { \"phase\": \"entry\", \"seconds\": 120, \"cues\": [] },"
  "    { \"phase\": \"wear\", \"seconds\": 600, \"max_seconds\": 900,"
  "      \"cues\": [ { \"at\": 300, \"cue\": \"urge-fades\" },"
  "                  { \"at\": 600, \"cue\": \"urge-fades-later\" } ] },"
  "    { \"phase\": \"cool-down\", \"seconds\": 120, \"cues\": [] },"
  "    { \"phase\": \"aftercare\", \"seconds\": 60 } ] }";

static void
test_session_template_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (example_template, &error);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(LentoSessionTemplate) again = NULL;
  LentoSessionTemplate *template;
  static const LentoPhaseKind kinds[] = {
    LENTO_PHASE_KIND_SETTLE, LENTO_PHASE_KIND_WARM_UP, LENTO_PHASE_KIND_ENTRY,
    LENTO_PHASE_KIND_WEAR, LENTO_PHASE_KIND_COOL_DOWN, LENTO_PHASE_KIND_AFTERCARE,
  };
  static const guint seconds[] = { 180, 240, 120, 600, 120, 60 };
  static const guint n_cues[] = { 1, 1, 0, 2, 0, 0 };

  g_assert_no_error (error);
  template = lento_session_template_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);

  g_assert_cmpstr (lento_session_template_get_id (template), ==, "week1-outside");
  g_assert_cmpstr (lento_session_template_get_title (template), ==, "Outside only");
  g_assert_cmpuint (lento_session_template_get_n_phases (template), ==, 6);
  g_assert_cmpuint (lento_session_template_get_total_seconds (template), ==, 1320);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpint (lento_session_template_get_phase_kind (template, i), ==, kinds[i]);
      g_assert_cmpuint (lento_session_template_get_phase_seconds (template, i), ==, seconds[i]);
      g_assert_cmpuint (lento_session_template_get_n_cues (template, i), ==, n_cues[i]);
      g_assert_cmpint (lento_session_template_find_phase (template, kinds[i]), ==, i);
    }
  g_assert_cmpuint (lento_session_template_get_phase_max_seconds (template, 3), ==, 900);
  g_assert_cmpuint (lento_session_template_get_phase_max_seconds (template, 0), ==, 180);
  g_assert_cmpuint (lento_session_template_get_cue_at (template, 3, 1), ==, 600);
  g_assert_cmpstr (lento_session_template_get_cue_id (template, 3, 1), ==, "urge-fades-later");

  /* What it writes, it reads back the same. */
  written = lento_session_template_to_json (template);
  again = lento_session_template_new_from_json (written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lento_session_template_get_total_seconds (again), ==, 1320);
  g_assert_cmpstr (lento_session_template_get_cue_id (again, 0, 0), ==, "settle-breathe");
  g_assert_cmpuint (lento_session_template_get_phase_max_seconds (again, 3), ==, 900);

  g_assert_finalize_object (template);
}

static void
test_session_template_partial (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (
    "{ \"id\": \"rest-day\", \"title\": \"Breathing only\","
    "  \"phases\": [ { \"phase\": \"settle\", \"seconds\": 300 },"
    "                { \"phase\": \"aftercare\", \"seconds\": 60 } ] }", NULL);
  g_autoptr(LentoSessionTemplate) template = NULL;
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  LentoSession *session;

  /* A template may leave phases out; a session of it has no wear time. */
  template = lento_session_template_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lento_session_template_find_phase (template, LENTO_PHASE_KIND_WEAR), ==, -1);

  session = lento_session_new (template, LENTO_CLOCK (clock));
  lento_session_start (session);
  lento_fake_clock_advance (clock, 200 * SEC);
  g_assert_false (lento_session_mark_urge_faded (session));
  lento_fake_clock_advance (clock, 200 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_AFTERCARE);
  lento_fake_clock_advance (clock, 60 * SEC);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpuint (lento_session_result_get_wear_seconds (lento_session_get_result (session)),
                    ==, 0);

  g_assert_finalize_object (session);
}

typedef struct
{
  const char *json;
  const char *field;
} TemplateCase;

#define PHASES(x) "{ \"id\": \"t\", \"title\": \"T\", \"phases\": [" x "] }"

static void
test_session_template_errors (void)
{
  static const TemplateCase cases[] = {
    { "[]", "(template)" },
    { "{ \"title\": \"T\", \"phases\": [ { \"phase\": \"settle\", \"seconds\": 1 } ] }", "id" },
    { "{ \"id\": \"\", \"title\": \"T\", \"phases\": [] }", "id" },
    { "{ \"id\": 7, \"title\": \"T\", \"phases\": [] }", "id" },
    { "{ \"id\": \"t\", \"phases\": [ { \"phase\": \"settle\", \"seconds\": 1 } ] }", "title" },
    { "{ \"id\": \"t\", \"title\": \"T\" }", "phases" },
    { "{ \"id\": \"t\", \"title\": \"T\", \"phases\": null }", "phases" },
    { "{ \"id\": \"t\", \"title\": \"T\", \"phases\": {} }", "phases" },
    { PHASES (""), "phases" },
    { PHASES ("5"), "phases[0]" },
    { PHASES ("{ \"seconds\": 60 }"), "phases[0].phase" },
    { PHASES ("{ \"phase\": \"dance\", \"seconds\": 60 }"), "phases[0].phase" },
    { PHASES ("{ \"phase\": \"entry\", \"seconds\": 60 },"
              "{ \"phase\": \"settle\", \"seconds\": 60 }"), "phases[1].phase" },
    { PHASES ("{ \"phase\": \"wear\", \"seconds\": 60 },"
              "{ \"phase\": \"wear\", \"seconds\": 60 }"), "phases[1].phase" },
    { PHASES ("{ \"phase\": \"settle\" }"), "phases[0].seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 0 }"), "phases[0].seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": -5 }"), "phases[0].seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 1.5 }"), "phases[0].seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": \"180\" }"), "phases[0].seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 99999 }"), "phases[0].seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60 },"
              "{ \"phase\": \"entry\", \"seconds\": 60 },"
              "{ \"phase\": \"wear\", \"seconds\": 600, \"max_seconds\": 500 }"),
      "phases[2].max_seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60, \"max_seconds\": 90 }"),
      "phases[0].max_seconds" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60, \"cues\": {} }"), "phases[0].cues" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60, \"cues\": [ 0 ] }"),
      "phases[0].cues[0]" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60, \"cues\": [ { \"cue\": \"a\" } ] }"),
      "phases[0].cues[0].at" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60,"
              "  \"cues\": [ { \"at\": 61, \"cue\": \"a\" } ] }"), "phases[0].cues[0].at" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60, \"cues\": [ { \"at\": 5 } ] }"),
      "phases[0].cues[0].cue" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60,"
              "  \"cues\": [ { \"at\": 5, \"cue\": \"\" } ] }"), "phases[0].cues[0].cue" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60,"
              "  \"cues\": [ { \"at\": 30, \"cue\": \"a\" }, { \"at\": 10, \"cue\": \"b\" } ] }"),
      "phases[0].cues[1].at" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60 },"
              "{ \"phase\": \"wear\", \"seconds\": 60, \"max_seconds\": 90,"
              "  \"cues\": [ { \"at\": 91, \"cue\": \"a\" } ] }"), "phases[1].cues[0].at" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60,"
              "  \"cues\": [ { \"at\": 5, \"cue\": \"a\", \"when\": \"toes\" } ] }"),
      "phases[0].cues[0].when" },
    { PHASES ("{ \"phase\": \"settle\", \"seconds\": 60,"
              "  \"cues\": [ { \"at\": 5, \"cue\": \"a\", \"when\": 1 } ] }"),
      "phases[0].cues[0].when" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, &error);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].field);
      LentoSessionTemplate *template;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_no_error (error);

      template = lento_session_template_new_from_json (node, &error);
      g_assert_null (template);
      g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_TEMPLATE);
      g_test_message ("message: %s", error->message);
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

/* The plan engineer's templates are read by this parser: every template the
 * shipped plan holds must load and run to its end.
 */
static void
test_session_shipped_templates (void)
{
  const char *source_dir = g_getenv ("LENTO_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *templates;

  if (source_dir == NULL)
    {
      g_test_skip ("LENTO_SOURCE_DIR is not set");
      return;
    }

  path = g_build_filename (source_dir, "data", "plan", "program.json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  templates = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "templates");
  g_assert_nonnull (templates);
  g_assert_cmpuint (json_array_get_length (templates), >, 0);

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      g_autoptr(LentoSessionTemplate) template = NULL;
      g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
      LentoSession *session;
      guint total;

      template = lento_session_template_new_from_json (json_array_get_element (templates, i),
                                                       &error);
      g_assert_no_error (error);
      g_test_message ("template %s", lento_session_template_get_id (template));

      total = lento_session_template_get_total_seconds (template);
      session = lento_session_new (template, LENTO_CLOCK (clock));
      lento_session_start (session);
      lento_fake_clock_advance (clock, (gint64) total * SEC);
      g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
      g_assert_cmpuint (lento_session_result_get_total_seconds (lento_session_get_result (session)),
                        ==, total);
      g_assert_finalize_object (session);
    }
}

/* A session runs its template's cues for its own tool and warm-up, and
 * comes back from a save with those same cues, or not at all.
 */
static LentoSessionTemplate *
make_conditional_template (void)
{
  LentoSessionTemplate *template = lento_session_template_new ("either", "Either");
  guint phase;

  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_WARM_UP, 120, 0);
  lento_session_template_add_cue (template, phase, 0, "warm-up-circle");
  lento_session_template_add_cue_when (template, phase, 60, "warm-up-smaller",
                                       LENTO_CUE_WHEN_WARM_UP_SIZE);
  phase = lento_session_template_add_phase (template, LENTO_PHASE_KIND_COOL_DOWN, 120, 0);
  lento_session_template_add_cue_when (template, phase, 0, "cool-down-slowly",
                                       LENTO_CUE_WHEN_TOOL);
  lento_session_template_add_cue_when (template, phase, 0, "cool-down-finger",
                                       LENTO_CUE_WHEN_FINGER);
  lento_session_template_add_cue (template, phase, 60, "rest");

  return template;
}

static char *
run_and_log (LentoSessionTemplate *template)
{
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  LentoSession *session = lento_session_new (template, LENTO_CLOCK (clock));
  GString *log = g_string_new (NULL);
  Fixture f = { .clock = clock, .log = log };

  f.t0 = lento_clock_now (LENTO_CLOCK (clock));
  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), &f);
  lento_session_start (session);
  lento_fake_clock_advance (clock, 240 * SEC);
  g_assert_finalize_object (session);

  return g_string_free (log, FALSE);
}

static void
test_session_selected_cues (void)
{
  static const struct {
    LentoCueContext  context;
    const char      *log;
  } cases[] = {
    { LENTO_CUE_CONTEXT_NONE,
      "cue:warm-up-circle@0 cue:cool-down-slowly@120 cue:rest@180 " },
    { LENTO_CUE_CONTEXT_FINGER,
      "cue:warm-up-circle@0 cue:cool-down-finger@120 cue:rest@180 " },
    { LENTO_CUE_CONTEXT_WARM_UP_SIZE,
      "cue:warm-up-circle@0 cue:warm-up-smaller@60 cue:cool-down-slowly@120 cue:rest@180 " },
    { LENTO_CUE_CONTEXT_FINGER | LENTO_CUE_CONTEXT_WARM_UP_SIZE,
      "cue:warm-up-circle@0 cue:warm-up-smaller@60 cue:cool-down-finger@120 cue:rest@180 " },
  };
  g_autoptr(LentoSessionTemplate) template = make_conditional_template ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LentoSessionTemplate) selected = NULL;
      g_autofree char *log = NULL;

      selected = lento_session_template_select_cues (template, cases[i].context);
      log = run_and_log (selected);
      g_assert_cmpstr (log, ==, cases[i].log);
    }
}

static void
test_session_restore_selected_cues (void)
{
  g_autoptr(LentoSessionTemplate) template = make_conditional_template ();
  g_autoptr(LentoSessionTemplate) finger = NULL;
  g_autoptr(LentoSessionTemplate) tool = NULL;
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  LentoCueContext context = LENTO_CUE_CONTEXT_WARM_UP_SIZE;
  LentoSession *session;

  finger = lento_session_template_select_cues (template, LENTO_CUE_CONTEXT_FINGER);
  tool = lento_session_template_select_cues (template, LENTO_CUE_CONTEXT_NONE);
  session = lento_session_new (finger, LENTO_CLOCK (clock));
  lento_session_start (session);
  lento_fake_clock_advance (clock, 130 * SEC);
  node = lento_session_serialize (session);
  g_assert_finalize_object (session);

  g_assert_true (lento_session_peek_saved_cue_context (node, &context));
  g_assert_cmpint (context, ==, LENTO_CUE_CONTEXT_FINGER);

  /* The same cues: it comes back where it was. */
  session = lento_session_restore_from_json (finger, LENTO_CLOCK (clock), node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lento_session_get_phase_index (session), ==, 1);
  g_assert_finalize_object (session);

  /* Other cues, or all of them: its place among the cues means nothing there. */
  g_assert_null (lento_session_restore_from_json (tool, LENTO_CLOCK (clock), node, &error));
  g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
  g_assert_nonnull (strstr (error->message, "“cues_for”"));
  g_clear_error (&error);
  g_assert_null (lento_session_restore_from_json (template, LENTO_CLOCK (clock), node, &error));
  g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
  g_clear_error (&error);

  /* A context Lento does not know is refused. */
  json_object_set_member (json_node_get_object (node), "cues_for",
                          json_from_string ("[\"toes\"]", NULL));
  g_assert_false (lento_session_peek_saved_cue_context (node, &context));
  g_assert_null (lento_session_restore_from_json (finger, LENTO_CLOCK (clock), node, &error));
  g_assert_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION);
  g_clear_error (&error);

  /* Saved before cues had contexts: whichever template it is given. */
  json_object_remove_member (json_node_get_object (node), "cues_for");
  g_assert_false (lento_session_peek_saved_cue_context (node, &context));
  session = lento_session_restore_from_json (tool, LENTO_CLOCK (clock), node, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (session);

  /* A template runs as a whole: no context is saved with it. */
  session = lento_session_new (template, LENTO_CLOCK (clock));
  g_clear_pointer (&node, json_node_unref);
  node = lento_session_serialize (session);
  g_assert_false (json_object_has_member (json_node_get_object (node), "cues_for"));
  g_assert_finalize_object (session);
}

static void
test_session_phase_kind_names (void)
{
  static const char * const names[] = {
    "settle", "warm-up", "entry", "wear", "cool-down", "aftercare",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LentoPhaseKind kind;

      g_assert_true (lento_phase_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (lento_phase_kind_to_string (kind), ==, names[i]);
    }

  {
    LentoPhaseKind kind = LENTO_PHASE_KIND_WEAR;

    g_assert_false (lento_phase_kind_from_string ("Wear", &kind));
    g_assert_false (lento_phase_kind_from_string (NULL, &kind));
    g_assert_cmpint (kind, ==, LENTO_PHASE_KIND_WEAR);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/session/new-destroy", test_session_new_destroy);
  g_test_add_func ("/lento/session/phase-order", test_session_phase_order);
  g_test_add_func ("/lento/session/one-alarm-at-a-time", test_session_one_alarm);
  g_test_add_func ("/lento/session/pause-resume", test_session_pause_resume);
  g_test_add_func ("/lento/session/actions-need-state", test_session_actions_need_state);
  g_test_add_func ("/lento/session/suspend-jump", test_session_suspend_jump);
  g_test_add_func ("/lento/session/suspend-keeps-latest-cue",
                   test_session_suspend_keeps_latest_cue);
  g_test_add_func ("/lento/session/suspend-while-paused", test_session_suspend_while_paused);
  g_test_add_func ("/lento/session/resume-after-crash", test_session_resume_after_crash);
  g_test_add_func ("/lento/session/resume-after-reboot", test_session_resume_after_reboot);
  g_test_add_func ("/lento/session/resume-ignores-wall-clock-change",
                   test_session_resume_ignores_wall_clock_change);
  g_test_add_func ("/lento/session/resume-after-reboot-clock-set-back",
                   test_session_resume_after_reboot_with_clock_set_back);
  g_test_add_func ("/lento/session/resume-paused", test_session_resume_paused);
  g_test_add_func ("/lento/session/resume-past-the-end", test_session_resume_past_the_end);
  g_test_add_func ("/lento/session/resume-ended", test_session_resume_ended);
  g_test_add_func ("/lento/session/resume-after-crash-in-each-phase",
                   test_session_resume_after_crash_in_each_phase);
  g_test_add_func ("/lento/session/restore-stale", test_session_restore_stale);
  g_test_add_func ("/lento/session/restore-stale-overrun", test_session_restore_stale_overrun);
  g_test_add_func ("/lento/session/restore-errors", test_session_restore_errors);
  g_test_add_func ("/lento/session/restore-out-of-range-times",
                   test_session_restore_out_of_range_times);
  g_test_add_func ("/lento/session/restore-out-of-range-anchor",
                   test_session_restore_out_of_range_anchor);
  g_test_add_func ("/lento/session/stop", test_session_stop);
  g_test_add_func ("/lento/session/stop-while-paused", test_session_stop_while_paused);
  g_test_add_func ("/lento/session/it-hurts-in-each-phase", test_session_it_hurts_in_each_phase);
  g_test_add_func ("/lento/session/skip", test_session_skip);
  g_test_add_func ("/lento/session/skip-last-phase-finishes",
                   test_session_skip_last_phase_finishes);
  g_test_add_func ("/lento/session/skip-while-paused", test_session_skip_while_paused);
  g_test_add_func ("/lento/session/extend", test_session_extend);
  g_test_add_func ("/lento/session/extend-without-max", test_session_extend_without_max);
  g_test_add_func ("/lento/session/urge-faded", test_session_urge_faded);
  g_test_add_func ("/lento/session/save-needed", test_session_save_needed);
  g_test_add_func ("/lento/session/notify", test_session_notify);
  g_test_add_func ("/lento/session/cue-handler-stops", test_session_cue_handler_stops);
  g_test_add_func ("/lento/session/finished-handler-drops-session",
                   test_session_finished_handler_drops_session);
  g_test_add_func ("/lento/session/real-clock", test_session_real_clock);
  g_test_add_func ("/lento/session/template-parse", test_session_template_parse);
  g_test_add_func ("/lento/session/template-partial", test_session_template_partial);
  g_test_add_func ("/lento/session/template-errors", test_session_template_errors);
  g_test_add_func ("/lento/session/phase-kind-names", test_session_phase_kind_names);
  g_test_add_func ("/lento/session/selected-cues", test_session_selected_cues);
  g_test_add_func ("/lento/session/restore-selected-cues", test_session_restore_selected_cues);
  g_test_add_func ("/lento/session/shipped-templates", test_session_shipped_templates);

  return g_test_run ();
}
