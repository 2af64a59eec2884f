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
#include "lento-test-ui.h"

/* The shipped plan's week-two session: settle 180 s, warm-up 240 s, entry
 * 120 s, wear 600 s (up to 900 s), cool-down 120 s, aftercare.
 */
#define TEMPLATE_ID "week2-first-trainer"
#define SEC G_USEC_PER_SEC

typedef struct {
  LentoProgram     *program;
  LentoFakeClock   *clock;
  GtkWindow        *window;
  LentoSessionView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->program = lento_program_new_default (&error);
  g_assert_no_error (error);
  fixture->clock = lento_fake_clock_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 420, 720);
  fixture->view = LENTO_SESSION_VIEW (lento_session_view_new ());
  g_object_set (fixture->view,
                "program", fixture->program,
                "template-id", TEMPLATE_ID,
                "clock", fixture->clock,
                NULL);
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
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->program);
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

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* A dialog closes after its response in a later main loop turn. */
static gboolean
wait_for_dialog_gone (void)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (2000, lento_test_flag_timeout_cb, &timed_out);

  while (find_dialog () != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return find_dialog () == NULL;
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
record_cb (LentoSessionView    *view,
           LentoSessionResult  *result,
           LentoSessionResult **out)
{
  g_assert_null (*out);
  *out = lento_session_result_ref (result);
}

/* Cases */

static void
test_session_view_new_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = lento_program_new_default (&error);
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  GtkWidget *view = lento_session_view_new ();

  g_assert_no_error (error);
  g_object_ref_sink (view);
  g_object_set (view, "program", program, "template-id", TEMPLATE_ID, "clock", clock, NULL);
  g_assert_true (lento_session_view_start (LENTO_SESSION_VIEW (view)));
  g_assert_nonnull (lento_session_view_get_session (LENTO_SESSION_VIEW (view)));
  /* Not mapped: no timeout, even with a session running. */
  g_assert_false (lento_session_view_get_ticking (LENTO_SESSION_VIEW (view)));
  g_assert_finalize_object (view);
}

static void
test_session_view_idle (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *list = lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_BOX, NULL);
  guint rows = 0;

  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
  g_assert_true (has_label (fixture->view,
                            lento_program_get_template_title (fixture->program, TEMPLATE_ID)));
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 6);
  g_assert_true (gtk_widget_get_sensitive (find_button (fixture->view, "_Start")));
  g_assert_null (lento_session_view_get_session (fixture->view));

  /* Controls of a running session do nothing before one starts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.pause", NULL));
  g_assert_null (lento_session_view_get_session (fixture->view));

  /* A rest day, or a locked journal: nothing to start, nothing personal. */
  lento_session_view_set_template_id (fixture->view, NULL);
  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  g_assert_false (lento_session_view_start (fixture->view));
  lento_session_view_set_template_id (fixture->view, TEMPLATE_ID);
  lento_session_view_set_program (fixture->view, NULL);
  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  g_assert_false (lento_session_view_start (fixture->view));

  /* A template the program does not have. */
  lento_session_view_set_program (fixture->view, fixture->program);
  lento_session_view_set_template_id (fixture->view, "no-such-template");
  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  g_assert_false (lento_session_view_start (fixture->view));
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
  g_autofree char *wear_title = NULL;

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

  /* Entry, then wear: the wear controls appear and the pacer rests. */
  advance (fixture, 240 * SEC + 120 * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WEAR);
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "wear-stay")));
  g_assert_false (lento_breathing_pacer_get_running (pacer));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pacer)));
  g_assert_true (gtk_widget_is_drawable (find_button (fixture->view, "_Urge Gone")));
  g_assert_true (gtk_widget_is_drawable (find_button (fixture->view, "_Extend")));

  /* Five minutes in: the urge cue, and the wear time shown. */
  advance (fixture, 300 * SEC);
  g_assert_true (has_label (fixture->view,
                            lento_program_get_cue_title (fixture->program, "urge-fades")));
  wear_title = g_strdup_printf ("Wear time %d:%02d", 5, 0);
  g_assert_true (has_label (fixture->view, wear_title));
  g_assert_true (has_label (fixture->view, "5:00"));

  /* Urge gone at minute 7; the button then says it is noted. */
  advance (fixture, 120 * SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.urge-gone",
                                             NULL));
  g_assert_cmpint (lento_session_get_urge_faded_minute (session), ==, 7);
  g_assert_nonnull (lento_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON,
                                 "Urge Gone, Noted"));
  save_screenshot (fixture, "session-wear");

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
  g_assert_true (has_label (fixture->view, "2:40, paused"));
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

  /* Close leads back to today's session. */
  click (fixture->view, "_Close");
  g_assert_null (lento_session_view_get_session (fixture->view));
  g_assert_cmpstr (visible_page (fixture->view), ==, "idle");
}

static void
test_session_view_it_hurts (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LentoSessionResult) recorded = NULL;
  LentoSessionResult *result;
  LentoSession *session;

  g_signal_connect (fixture->view, "record", G_CALLBACK (record_cb), &recorded);
  g_assert_true (lento_session_view_start (fixture->view));
  session = lento_session_view_get_session (fixture->view);
  advance (fixture, (180 + 240 + 120 + 90) * SEC);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WEAR);

  /* One click, no question. */
  click (fixture->view, "It _Hurts, Stop Now");
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  g_assert_null (find_dialog ());
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

  click (fixture->view, "_Record in Journal");
  g_assert_nonnull (recorded);
  g_assert_true (recorded == result);
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
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);
  respond (dialog, "continue");
  g_assert_true (wait_for_dialog_gone ());
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_RUNNING);

  /* Stop again, and confirm. */
  advance (fixture, 45 * SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.stop", NULL));
  dialog = find_dialog ();
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
  g_assert_true (lento_session_view_start (fixture->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.stop", NULL));
  g_assert_nonnull (find_dialog ());
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

/* Locking takes the program away; the timer goes on and stays in reach. */
static void
test_session_view_lock_keeps_running (Fixture       *fixture,
                                      gconstpointer  data)
{
  LentoSession *session;

  g_assert_true (lento_session_view_start (fixture->view));
  session = g_object_ref (lento_session_view_get_session (fixture->view));

  lento_session_view_set_program (fixture->view, NULL);
  g_assert_true (lento_session_view_get_session (fixture->view) == session);
  g_assert_cmpstr (visible_page (fixture->view), ==, "running");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.skip", NULL));
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_WARM_UP);
  g_assert_true (has_label (fixture->view, "Warm Up"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "session.it-hurts",
                                             NULL));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_STOPPED);
  g_assert_cmpstr (visible_page (fixture->view), ==, "done");

  /* Closed while locked: nothing personal is left on screen. */
  click (fixture->view, "_Close");
  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  g_assert_finalize_object (session);
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
  GtkWidget *view = g_object_ref_sink (lento_session_view_new ());
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

#undef ADD

  return g_test_run ();
}
