/* test-session-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session-view"

#include "config.h"

#include <adwaita.h>

#include "lento-breathing-pacer.h"
#include "lento-fake-clock.h"
#include "lento-session-view.h"
#include "lento-test-practice.h"
#include "lento-test-contrast.h"
#include "lento-test-ui.h"

/* The shipped plan's week-two session: settle 180 s, warm-up 240 s, entry
 * 120 s, wear 600 s (up to 900 s), cool-down 120 s, aftercare. The plan
 * gives it in the first-trainer stage, where one calm session two days
 * ago puts it.
 */
#define TEMPLATE_ID "week2-first-trainer"
#define STAGE_ID "first-trainer"
#define EVERY_DAY 0xfe
#define SEC G_USEC_PER_SEC

typedef struct {
  LentoFakeClock   *clock;
  LentoPractice    *practice;
  char             *data_dir;
  LentoProgram     *program;
  GtkWindow        *window;
  LentoSessionView *view;
} Fixture;

/* Brings the plan of a new journal to the first-trainer stage, with today
 * a session day.
 */
static void
add_first_trainer_session (LentoPractice *practice)
{
  g_autoptr(GDateTime) now = lento_practice_dup_now (practice);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -2);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  LentoRecommendation *recommendation;

  lento_practice_set_weekdays (practice, EVERY_DAY);
  lento_entry_set_stage (entry, STAGE_ID);
  lento_entry_set_duration (entry, 20 * 60);
  lento_entry_set_wear (entry, 5 * 60);
  lento_entry_set_pain (entry, 0);
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_SLIGHT);
  lento_journal_add (lento_practice_get_journal (practice), entry);

  recommendation = lento_practice_get_recommendation (practice);
  g_assert_nonnull (recommendation);
  g_assert_cmpstr (lento_recommendation_get_template (recommendation), ==, TEMPLATE_ID);
  g_assert_cmpint (lento_practice_get_start (practice), ==, LENTO_PRACTICE_START_NOW);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->clock = lento_fake_clock_new ();
  fixture->practice = lento_test_practice_new (LENTO_CLOCK (fixture->clock), &fixture->data_dir);
  fixture->program = lento_practice_get_program (fixture->practice);
  add_first_trainer_session (fixture->practice);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 420, 720);
  fixture->view = LENTO_SESSION_VIEW (lento_session_view_new (FALSE));
  lento_session_view_set_practice (fixture->view, fixture->practice);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  lento_test_practice_free (fixture->practice, fixture->data_dir);
  g_clear_object (&fixture->clock);
}

/* Helpers */

static const char *
visible_page (LentoSessionView *view)
{
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (view));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkWidget *
find_button (LentoSessionView *view,
             const char       *label)
{
  GtkWidget *button = lento_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

/* What a click does; gtk_widget_activate() on a button would only click
 * after a short animation.
 */
static void
click (LentoSessionView *view,
       const char       *label)
{
  GtkWidget *button = find_button (view, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static LentoBreathingPacer *
get_pacer (LentoSessionView *view)
{
  GtkWidget *pacer = lento_test_find_widget (GTK_WIDGET (view), LENTO_TYPE_BREATHING_PACER, NULL);

  g_assert_nonnull (pacer);
  return LENTO_BREATHING_PACER (pacer);
}

static gboolean
has_label (LentoSessionView *view,
           const char       *text)
{
  GtkWidget *label = lento_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_is_drawable (label);
}

/* The pacer and what takes its place cross-fade; waits for the fade. */
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

/* How many labels on screen show a time like "4:05". */
static guint
count_clocks (GtkWidget *widget)
{
  guint count = 0;

  if (!gtk_widget_is_drawable (widget))
    return 0;
  if (GTK_IS_LABEL (widget))
    {
      g_autoptr(GRegex) clock = g_regex_new ("[0-9]+:[0-9][0-9]", 0, 0, NULL);

      if (g_regex_match (clock, gtk_label_get_label (GTK_LABEL (widget)), 0, NULL))
        count++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_clocks (child);

  return count;
}

/* Where @label's button is, from the top of the window. */
static double
button_top (Fixture    *fixture,
            const char *label)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (find_button (fixture->view, label),
                                           GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* A dialog closes after its response in a later main loop turn. */
static gboolean
wait_for_dialog_gone (void)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (2000, lento_test_flag_timeout_cb, &timed_out);

  while (lento_test_find_message_dialog () != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return lento_test_find_message_dialog () == NULL;
}

/* What pressing a response button does: the response, then closing. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  lento_fake_clock_advance (fixture->clock, usec);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The pages cross-fade; a screenshot waits until only one shows. */
static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (fixture->view)));

  while (gtk_stack_get_transition_running (stack))
    g_main_context_iteration (NULL, TRUE);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), name);
}

static void
record_cb (LentoSessionView *view,
           guint            *count)
{
  (*count)++;
}

/* Ends the running session by skipping every phase that is left. */
static void
skip_to_end (Fixture *fixture)
{
  LentoSession *session = lento_session_view_get_session (fixture->view);

  while (lento_session_get_state (session) == LENTO_SESSION_STATE_RUNNING)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.skip",
                                               NULL));
}

/* Cases */

static void
test_session_view_new_destroy (void)
{
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  g_autofree char *data_dir = NULL;
  LentoPractice *practice = lento_test_practice_new (LENTO_CLOCK (clock), &data_dir);
  GtkWidget *view = lento_session_view_new (FALSE);

  add_first_trainer_session (practice);
  g_object_ref_sink (view);
  lento_session_view_set_practice (LENTO_SESSION_VIEW (view), practice);
  g_assert_true (lento_session_view_start (LENTO_SESSION_VIEW (view)));
  g_assert_nonnull (lento_session_view_get_session (LENTO_SESSION_VIEW (view)));
  g_assert_true (lento_session_view_get_session (LENTO_SESSION_VIEW (view))
                 == lento_practice_get_session (practice));
  /* Not mapped: no timeout, even with a session running. */
  g_assert_false (lento_session_view_get_ticking (LENTO_SESSION_VIEW (view)));
  g_assert_finalize_object (view);
  lento_test_practice_free (practice, g_steal_pointer (&data_dir));
}

static void
test_session_view_idle (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *list = lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_BOX, NULL);
  g_autoptr(GDateTime) now = lento_practice_dup_now (fixture->practice);
  g_autoptr(GDateTime) start = g_date_time_add_hours (now, -1);
  g_autoptr(LentoEntry) painful = lento_entry_new (start);
  LentoRecommendation *recommendation;
  const LentoReason *reason;
  guint rows = 0;

  /* A session day: today's template, its phases, and Start. */
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
  g_assert_true (has_label (fixture->view,
                            lento_program_get_template_title (fixture->program, TEMPLATE_ID)));
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 6);
  g_assert_true (gtk_widget_is_drawable (find_button (fixture->view, "_Start")));
  g_assert_true (gtk_widget_get_sensitive (find_button (fixture->view, "_Start")));
  g_assert_null (lento_session_view_get_session (fixture->view));

  /* Controls of a running session do nothing before one starts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.pause", NULL));
  g_assert_null (lento_session_view_get_session (fixture->view));

  /* Sharp pain today: the plan says rest, the page says why, and there is
   * nothing to start, not even on purpose.
   */
  lento_entry_set_sharp_pain (painful, TRUE);
  lento_entry_set_pain (painful, 7);
  lento_entry_set_duration (painful, 10 * 60);
  lento_journal_add (lento_practice_get_journal (fixture->practice), painful);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));

  recommendation = lento_practice_get_recommendation (fixture->practice);
  g_assert_cmpint (lento_recommendation_get_kind (recommendation), ==,
                   LENTO_RECOMMENDATION_REST);
  reason = lento_recommendation_find_reason (recommendation, LENTO_REASON_REST_AFTER_INJURY);
  g_assert_nonnull (reason);
  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==, LENTO_PRACTICE_START_NO);
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
  g_assert_true (has_label (fixture->view, "Rest Today"));
  g_assert_false (has_label (fixture->view,
                             lento_program_get_template_title (fixture->program, TEMPLATE_ID)));
  g_assert_true (has_label (fixture->view, reason->text));
  g_assert_null (lento_test_find_shown (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "_Start"));
  g_assert_null (lento_test_find_shown (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON,
                                        "Start _Anyway"));
  g_assert_false (lento_session_view_start (fixture->view));
  g_assert_null (lento_practice_get_session (fixture->practice));
  save_screenshot (fixture, "session-rest-after-pain");
}

static void
test_session_view_start (Fixture       *fixture,
                         gconstpointer  data)
{
  LentoBreathingPacer *pacer = get_pacer (fixture->view);
  LentoSession *session;

  click (fixture->view, "_Start");
  session = lento_session_view_get_session (fixture->view);
  g_assert_nonnull (session);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_SETTLE);
  g_assert_cmpstr (visible_page (fixture->view), ==, "running");
  g_assert_true (lento_session_view_get_ticking (fixture->view));

  /* The first cue is on the banner, and the pacer breathes. */
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "settle-position")));
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_text (fixture->program, "settle-position")));
  g_assert_true (has_label (fixture->view, "3:00"));
  g_assert_true (lento_breathing_pacer_get_running (pacer));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pacer)));
  g_assert_true (lento_breathing_pacer_get_animating (pacer) ||
                 lento_breathing_pacer_get_reduced_motion (pacer));

  /* A second start while one runs is refused. */
  g_assert_false (lento_session_view_start (fixture->view));
  g_assert_true (lento_session_view_get_session (fixture->view) == session);
}

static void
test_session_view_phases (Fixture       *fixture,
                          gconstpointer  data)
{
  LentoBreathingPacer *pacer = get_pacer (fixture->view);
  GtkWidget *banner;
  LentoSession *session;
  double pause_top;
  double stop_top;

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);

  /* The settle phase's second cue, at 30 s. */
  advance (fixture, 30 * SEC);
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "settle-breathe")));
  g_assert_true (has_label (fixture->view, "2:30"));
  banner = lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL,
                        lento_program_get_cue_title (fixture->program, "settle-breathe"));
  {
    g_autofree char *spoken =
      g_strdup_printf ("%s. %s", lento_program_get_cue_title (fixture->program, "settle-breathe"),
                       lento_program_get_cue_text (fixture->program, "settle-breathe"));

    /* What a screen reader hears when the banner changes. */
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (banner),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken);
  }
  save_screenshot (fixture, "session-breathe");

  /* Into the warm-up at 180 s. */
  advance (fixture, 150 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WARM_UP);
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "warm-up-lube")));
  g_assert_true (has_label (fixture->view, "Warm Up · 2 of 6"));
  g_assert_true (lento_breathing_pacer_get_running (pacer));

  /* Entry, then wear: the wear controls appear where the pacer was, and
   * the controls below stay where they were.
   */
  advance (fixture, 240 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_ENTRY);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  pause_top = button_top (fixture, "_Pause");
  stop_top = button_top (fixture, "St_op");
  advance (fixture, 120 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WEAR);
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "wear-stay")));
  wait_for_unmapped (GTK_WIDGET (pacer));
  g_assert_false (lento_breathing_pacer_get_running (pacer));
  g_assert_true (gtk_widget_is_drawable (find_button (fixture->view, "_Urge Has Faded")));
  g_assert_true (gtk_widget_is_drawable (find_button (fixture->view, "_Extend")));
  g_assert_cmpfloat_with_epsilon (button_top (fixture, "_Pause"), pause_top, 0.5);
  g_assert_cmpfloat_with_epsilon (button_top (fixture, "St_op"), stop_top, 0.5);

  /* Five minutes in: the urge cue, and one clock, the time left, which
   * says what it counts.
   */
  advance (fixture, 300 * SEC);
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "urge-fades")));
  g_assert_true (has_label (fixture->view, "5:00"));
  g_assert_true (has_label (fixture->view, "Time left in this phase"));
  g_assert_cmpuint (count_clocks (GTK_WIDGET (fixture->view)), ==, 1);
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "5:00")),
    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Time left in this phase");

  /* The urge faded at minute 7; the button then says when, in plain words. */
  advance (fixture, 120 * SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.urge-gone",
                                             NULL));
  g_assert_cmpint (lento_session_get_urge_faded_minute (session), ==, 7);
  g_assert_nonnull (lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON,
                                 "Urge Faded at Minute 7"));
  save_screenshot (fixture, "session-wear");
  lento_test_check_contrast (GTK_WIDGET (fixture->window), "the session in wear time");

  /* Extend: five minutes more, then as far as the plan allows, then no more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.extend", NULL));
  g_assert_cmpint (lento_session_get_phase_duration (session), ==, 900 * SEC);
  g_assert_false (gtk_widget_is_sensitive (find_button (fixture->view, "_Extend")));
  g_assert_true (has_label (fixture->view, "8:00"));

  /* Through to the end. */
  advance (fixture, 480 * SEC + 120 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_AFTERCARE);
  advance (fixture, 10 * 60 * SEC);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpstr (visible_page (fixture->view), ==, "done");
  g_assert_true (has_label (fixture->view, "Session Complete"));
  g_assert_false (lento_session_view_get_ticking (fixture->view));
}

static void
test_session_view_pause_resume (Fixture       *fixture,
                                gconstpointer  data)
{
  LentoBreathingPacer *pacer = get_pacer (fixture->view);
  LentoSession *session;
  gint64 elapsed;

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);
  advance (fixture, 20 * SEC);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.pause", NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  g_assert_false (lento_session_view_get_ticking (fixture->view));
  g_assert_false (lento_breathing_pacer_get_running (pacer));
  g_assert_nonnull (lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "_Resume"));
  /* The time stays in its figures; that it is paused is said below it. */
  g_assert_true (has_label (fixture->view, "2:40"));
  g_assert_true (has_label (fixture->view, "Paused"));
  g_assert_false (has_label (fixture->view, "Time left in this phase"));
  g_assert_cmpuint (count_clocks (GTK_WIDGET (fixture->view)), ==, 1);
  elapsed = lento_session_get_total_elapsed (session);

  /* Nothing counts while paused. */
  advance (fixture, 10 * 60 * SEC);
  g_assert_cmpint (lento_session_get_total_elapsed (session), ==, elapsed);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_SETTLE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.pause", NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  g_assert_true (lento_session_view_get_ticking (fixture->view));
  g_assert_true (lento_breathing_pacer_get_running (pacer));
  g_assert_nonnull (lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "_Pause"));
  g_assert_true (has_label (fixture->view, "2:40"));
  g_assert_false (has_label (fixture->view, "Paused"));
  g_assert_true (has_label (fixture->view, "Time left in this phase"));
}

static void
test_session_view_skip (Fixture       *fixture,
                        gconstpointer  data)
{
  LentoSession *session;

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.skip", NULL));
  g_assert_cmpuint (lento_session_get_phase_index (session), ==, 1);
  g_assert_true (has_label (fixture->view, "Warm Up · 2 of 6"));
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "warm-up-lube")));

  /* Skipping the last phase completes the session. */
  for (guint i = 1; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.skip",
                                               NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpstr (visible_page (fixture->view), ==, "done");

  /* Close, once the session is left out, leads back to today's session. */
  click (fixture->view, "_Close");
  respond (lento_test_find_message_dialog (), "discard");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_null (lento_session_view_get_session (fixture->view));
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
}

static void
test_session_view_it_hurts (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(LentoSession) session = NULL;
  LentoSessionResult *result;
  guint recorded = 0;

  g_signal_connect (fixture->view, "record", G_CALLBACK (record_cb), &recorded);
  g_assert_true (lento_session_view_start (fixture->view));
  session = g_object_ref (lento_session_view_get_session (fixture->view));
  advance (fixture, (180 + 240 + 120 + 90) * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WEAR);

  /* One click, no question. */
  click (fixture->view, "It _Hurts, Stop Now");
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  g_assert_null (lento_test_find_message_dialog ());
  result = lento_session_get_result (session);
  g_assert_true (lento_session_result_get_sharp_pain (result));
  g_assert_cmpint (lento_session_result_get_ended_by (result), ==, LENTO_SESSION_END_IT_HURTS);
  g_assert_cmpuint (lento_session_result_get_wear_seconds (result), ==, 90);

  g_assert_cmpstr (visible_page (fixture->view), ==, "done");
  g_assert_true (has_label (fixture->view, "Session Stopped"));
  g_assert_nonnull (lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL,
                                 "You did the right thing by stopping. The plan will suggest a "
                                 "few days of rest and a step back. If there is bleeding, or the "
                                 "pain stays, please see a clinician."));
  g_assert_false (lento_session_view_get_ticking (fixture->view));
  save_screenshot (fixture, "session-done");

  /* The practice has recorded it already: the coach sees it whatever
   * happens next.
   */
  entry = lento_practice_dup_result_entry (fixture->practice);
  g_assert_nonnull (entry);
  g_assert_true (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                       lento_entry_get_uuid (entry)) != NULL);
  g_assert_true (lento_entry_get_sharp_pain (entry));
  g_assert_true (lento_practice_get_result_kept (fixture->practice));

  /* Record opens it, to say how it was. */
  click (fixture->view, "_Record in Journal");
  g_assert_cmpuint (recorded, ==, 1);
  g_assert_true (lento_practice_get_result (fixture->practice) == result);

  /* Closing loses nothing, so it asks nothing: the entry stays. */
  click (fixture->view, "_Close");
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_nonnull (lento_journal_lookup (lento_practice_get_journal (fixture->practice),
                                          lento_entry_get_uuid (entry)));
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
}

static void
test_session_view_stop_confirms (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwMessageDialog *dialog;
  LentoSession *session;

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);

  /* Stop asks first; Keep Going changes nothing. */
  click (fixture->view, "St_op");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  respond (dialog, "continue");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);

  /* Stop again, and confirm. */
  advance (fixture, 45 * SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.stop", NULL));
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "stop");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  g_assert_cmpint (lento_session_result_get_ended_by (lento_session_get_result (session)), ==,
                   LENTO_SESSION_END_STOPPED);
  g_assert_false (lento_session_result_get_sharp_pain (lento_session_get_result (session)));
  g_assert_cmpuint (lento_session_result_get_total_seconds (lento_session_get_result (session)),
                    ==, 45);
  g_assert_true (has_label (fixture->view, "Session Ended"));

  /* A dialog left open when the session ends another way goes with it. */
  click (fixture->view, "_Close");
  respond (lento_test_find_message_dialog (), "discard");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_true (lento_session_view_start (fixture->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.stop", NULL));
  g_assert_nonnull (lento_test_find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.it-hurts",
                                             NULL));
  g_assert_true (wait_for_dialog_gone ());
}

static void
test_session_view_unmap_stops_ticking (Fixture       *fixture,
                                       gconstpointer  data)
{
  LentoSession *session;

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);
  g_assert_true (lento_session_view_get_ticking (fixture->view));

  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  g_assert_false (lento_session_view_get_ticking (fixture->view));

  /* Time goes on while hidden; the view is right again when it comes back. */
  advance (fixture, 200 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WARM_UP);
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->view));
  g_assert_true (lento_session_view_get_ticking (fixture->view));
  g_assert_true (has_label (fixture->view, "3:40"));

  /* Hiding the whole window does the same. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_false (lento_session_view_get_ticking (fixture->view));
}

/* Locking takes the journal and the plan away; the timer goes on and
 * stays in reach.
 */
static void
test_session_view_lock_keeps_running (Fixture       *fixture,
                                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  LentoSession *session;

  g_assert_true (lento_session_view_start (fixture->view));
  session = g_object_ref (lento_session_view_get_session (fixture->view));

  lento_practice_lock (fixture->practice);
  while (lento_practice_get_loaded (fixture->practice))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (lento_practice_get_recommendation (fixture->practice));
  g_assert_true (lento_session_view_get_session (fixture->view) == session);
  g_assert_cmpstr (visible_page (fixture->view), ==, "running");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.skip", NULL));
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WARM_UP);
  g_assert_true (has_label (fixture->view, "Warm Up · 2 of 6"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.stop", NULL));
  respond (lento_test_find_message_dialog (), "stop");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  g_assert_cmpstr (visible_page (fixture->view), ==, "done");

  /* Closed while locked: nothing personal is left on screen. */
  click (fixture->view, "_Close");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  g_assert_finalize_object (session);
}

/* Close puts an ended session away unrecorded, so it asks first; keeping
 * it changes nothing.
 */
static void
test_session_view_close_asks_first (Fixture       *fixture,
                                    gconstpointer  data)
{
  AdwMessageDialog *dialog;
  LentoSessionResult *result;
  LentoSession *session;

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);
  skip_to_end (fixture);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
  result = lento_practice_get_result (fixture->practice);
  g_assert_nonnull (result);
  g_assert_null (lento_test_find_message_dialog ());

  click (fixture->view, "_Close");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, "_Keep It");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "discard"), ==,
                   "_Leave It Out");
  /* Asking is all Close did so far. */
  g_assert_true (lento_practice_get_session (fixture->practice) == session);
  g_assert_cmpstr (visible_page (fixture->view), ==, "done");

  respond (dialog, "keep");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_true (lento_practice_get_session (fixture->practice) == session);
  g_assert_true (lento_practice_get_result (fixture->practice) == result);
  g_assert_true (lento_session_view_get_session (fixture->view) == session);
  g_assert_cmpstr (visible_page (fixture->view), ==, "done");

  click (fixture->view, "_Close");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_null (lento_practice_get_session (fixture->practice));
  g_assert_null (lento_practice_get_result (fixture->practice));
  g_assert_null (lento_session_view_get_session (fixture->view));
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");

  /* A stopped session asks the same. */
  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.stop", NULL));
  respond (lento_test_find_message_dialog (), "stop");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  click (fixture->view, "_Close");
  dialog = lento_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (lento_practice_get_session (fixture->practice) == session);
  respond (dialog, "discard");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_null (lento_practice_get_session (fixture->practice));
}

/* The lock page's copy shows the phase and the time of the same session,
 * but never a cue's words, and offers nothing to record.
 */
static void
test_session_view_discreet_hides_cues (Fixture       *fixture,
                                       gconstpointer  data)
{
  static const char * const cues[] = { "settle-position", "settle-breathe", "warm-up-lube" };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LentoSessionView *discreet = LENTO_SESSION_VIEW (lento_session_view_new (TRUE));
  LentoSession *session;

  lento_session_view_set_practice (discreet, fixture->practice);
  gtk_window_set_default_size (window, 420, 720);
  gtk_window_set_child (window, GTK_WIDGET (discreet));
  gtk_window_present (window);
  lento_test_wait_for_draw (GTK_WIDGET (window));

  /* Nothing of the plan before a session starts, and no way to start one. */
  g_assert_cmpstr (visible_page (discreet), ==, "empty");
  g_assert_false (has_label (discreet,
                             lento_program_get_template_title (fixture->program, TEMPLATE_ID)));
  g_assert_false (lento_session_view_start (discreet));

  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);
  g_assert_true (lento_session_view_get_session (discreet) == session);
  lento_test_wait_for_draw (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      const char *title = lento_program_get_cue_title (fixture->program, cues[i]);
      const char *text = lento_program_get_cue_text (fixture->program, cues[i]);

      g_test_message ("cue %s", cues[i]);
      /* The normal view shows the cue, so the discreet one had it to show. */
      g_assert_true (has_label (fixture->view, title));
      g_assert_true (has_label (fixture->view, text));
      g_assert_cmpstr (visible_page (discreet), ==, "running");
      g_assert_false (has_label (discreet, title));
      g_assert_false (has_label (discreet, text));

      /* The next cue: at 30 s, then the warm-up's first at 180 s. */
      if (i + 1 < G_N_ELEMENTS (cues))
        advance (fixture, (i == 0 ? 30 : 150) * SEC);
      lento_test_wait_for_draw (GTK_WIDGET (window));
    }

  /* The phase and the time are there. */
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WARM_UP);
  g_assert_true (has_label (discreet, "Warm Up · 2 of 6"));
  g_assert_true (has_label (discreet, "Warm Up"));
  g_assert_true (has_label (discreet, "4:00"));
  lento_test_save_screenshot (GTK_WIDGET (window), "session-discreet");

  /* Ended, there is nothing to record from behind the lock. */
  skip_to_end (fixture);
  g_assert_cmpstr (visible_page (discreet), ==, "done");
  g_assert_nonnull (lento_test_find_shown (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON,
                                           "_Record in Journal"));
  g_assert_null (lento_test_find_shown (GTK_WIDGET (discreet), GTK_TYPE_BUTTON,
                                        "_Record in Journal"));

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every key the shortcuts window lists reaches its action. */
static void
test_session_view_keys (void)
{
  static const struct {
    guint keyval;
    GdkModifierType modifiers;
    const char *action;
  } cases[] = {
    { GDK_KEY_space, 0, "session.pause" },
    { GDK_KEY_Escape, 0, "session.stop" },
    { GDK_KEY_Right, GDK_CONTROL_MASK, "session.skip" },
    { GDK_KEY_h, GDK_CONTROL_MASK, "session.it-hurts" },
    { GDK_KEY_Escape, GDK_SHIFT_MASK, "session.it-hurts" },
    { GDK_KEY_u, GDK_CONTROL_MASK, "session.urge-gone" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "session.extend" },
  };
  GtkWidget *view = g_object_ref_sink (lento_session_view_new (FALSE));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (cases[i].keyval,
                                                                     cases[i].modifiers);
      gboolean found = FALSE;

      for (guint c = 0; c < g_list_model_get_n_items (controllers) && !found; c++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                       s);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted)
                  && GTK_IS_NAMED_ACTION (action)
                  && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                cases[i].action) == 0)
                found = TRUE;
            }
        }

      g_test_message ("key %u, modifiers %x", cases[i].keyval, cases[i].modifiers);
      g_assert_true (found);
    }

  g_clear_object (&controllers);
  g_assert_finalize_object (view);

  /* The shortcuts window that lists them still loads. */
  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/lento-shortcuts-window.ui");
    GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
    gtk_window_destroy (GTK_WINDOW (overlay));
  }
}

/* A day already done: the plan's reason, and a session only on purpose,
 * through a plainer Start Anyway.
 */
static void
test_session_view_start_anyway (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) now = lento_practice_dup_now (fixture->practice);
  g_autoptr(GDateTime) start = g_date_time_add_hours (now, -1);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  GtkWidget *button;

  lento_entry_set_stage (entry, STAGE_ID);
  lento_entry_set_duration (entry, 20 * 60);
  lento_entry_set_pain (entry, 0);
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_SLIGHT);
  lento_journal_add (lento_practice_get_journal (fixture->practice), entry);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpint (lento_practice_get_start (fixture->practice), ==,
                   LENTO_PRACTICE_START_ANYWAY);
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
  g_assert_true (has_label (fixture->view, "Rest Today"));
  g_assert_null (lento_test_find_shown (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "_Start"));
  button = lento_test_find_shown (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Start _Anyway");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_has_css_class (button, "suggested-action"));
  save_screenshot (fixture, "session-start-anyway");

  /* Start Session on the plan and its shortcut do not start it. */
  g_assert_false (lento_session_view_start (fixture->view));
  g_assert_null (lento_practice_get_session (fixture->practice));

  click (fixture->view, "Start _Anyway");
  g_assert_nonnull (lento_practice_get_session (fixture->practice));
  g_assert_cmpstr (visible_page (fixture->view), ==, "running");
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/session-view/new-destroy", test_session_view_new_destroy);
  g_test_add_func ("/lento/session-view/keys", test_session_view_keys);

#define ADD(path, func) \
  g_test_add ("/lento/session-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("idle", test_session_view_idle);
  ADD ("start", test_session_view_start);
  ADD ("phases", test_session_view_phases);
  ADD ("pause-resume", test_session_view_pause_resume);
  ADD ("skip", test_session_view_skip);
  ADD ("it-hurts", test_session_view_it_hurts);
  ADD ("stop-confirms", test_session_view_stop_confirms);
  ADD ("unmap-stops-ticking", test_session_view_unmap_stops_ticking);
  ADD ("lock-keeps-running", test_session_view_lock_keeps_running);
  ADD ("close-asks-first", test_session_view_close_asks_first);
  ADD ("discreet-hides-cues", test_session_view_discreet_hides_cues);
  ADD ("start-anyway", test_session_view_start_anyway);

#undef ADD

  return g_test_run ();
}
