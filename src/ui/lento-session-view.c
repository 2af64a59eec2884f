/* lento-session-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-breathing-pacer.h"
#include "lento-session-view.h"

/*
 * LentoSessionView shows the session of the day, which LentoPractice owns:
 * the view only shows it and asks the practice or the session to act. It
 * has four pages:
 *
 *   empty    locked, or nothing the plan offers: nothing personal is shown
 *   idle     what today's session holds, and Start where the plan allows it
 *   running  the phase banner, the breathing guide, the time and controls
 *   done     the result, and a button to record it in the journal
 *
 * A discreet view, the one on the lock page, shows the phase and the time
 * with the controls, but no cue text and nothing to record.
 *
 * Time. The session computes its elapsed times when they are read; the
 * view reads them once a second, from a timeout that exists only while the
 * view is mapped and the session runs. Phase changes and cues arrive as
 * signals from the session, whenever they happen, so the banner is right
 * even when the view comes back after being hidden for an hour.
 *
 * Keyboard. Space pauses and resumes, Escape stops (after a question),
 * Ctrl+Right skips, Ctrl+H or Shift+Escape ends at once because it hurts,
 * Ctrl+U notes the urge faded and Ctrl+E extends the wear time. Space is
 * caught before a focused button sees it, so that a person with eyes closed
 * never presses a different button than Pause by accident; Enter still
 * activates the focused button. Space works wherever the focus is in the
 * window while the view is on screen (in a text field it types a space),
 * and the window's own Ctrl+H and Shift+Escape end the session from any
 * view (lento-window-actions.c).
 */

struct _LentoSessionView
{
  AdwBin               parent_instance;

  /* Owned */
  LentoPractice       *practice;
  /* The practice's session, whose signals the view follows. */
  LentoSession        *session;
  GtkApplication      *inhibit_app;
  guint                inhibit_cookie;
  guint                tick_id;
  int                  last_phase;
  /* The session's state as last shown, to see a session start. */
  LentoSessionState    shown_state;
  gboolean             discreet;

  /* Not owned */
  AdwMessageDialog    *stop_dialog;
  AdwMessageDialog    *discard_dialog;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *idle_title;
  GtkLabel            *idle_summary;
  GtkLabel            *idle_reason;
  GtkListBox          *phase_list;
  GtkButton           *start_button;
  GtkLabel            *phase_label;
  GtkLabel            *banner_title;
  GtkLabel            *banner_text;
  GtkStack            *guide_stack;
  LentoBreathingPacer *pacer;
  GtkLabel            *remaining_label;
  GtkLabel            *clock_caption;
  GtkButton           *urge_button;
  GtkButton           *pause_button;
  GtkButton           *extend_button;
  GtkButton           *hurts_button;
  GtkLabel            *done_title;
  GtkButton           *record_button;
  GtkButton           *close_button;
  GtkLabel            *hurt_label;
  AdwActionRow        *duration_row;
  AdwActionRow        *wear_row;
  AdwActionRow        *urge_row;
  AdwActionRow        *ended_row;
};

G_DEFINE_FINAL_TYPE (LentoSessionView, lento_session_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRACTICE,
  PROP_DISCREET,
  N_PROPS
};

enum {
  RECORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_running (LentoSessionView *self);

/* The phases' names. “Entry” is the phase in which the tool goes in, not an
 * entry of the journal: the context tells translators so.
 */
static const char *
phase_kind_title (LentoPhaseKind kind)
{
  switch (kind)
    {
    case LENTO_PHASE_KIND_SETTLE:
      return C_("session phase", "Settle and Breathe");
    case LENTO_PHASE_KIND_WARM_UP:
      return C_("session phase", "Warm Up");
    case LENTO_PHASE_KIND_ENTRY:
      return C_("session phase", "Entry");
    case LENTO_PHASE_KIND_WEAR:
      return C_("session phase", "Wear Time");
    case LENTO_PHASE_KIND_COOL_DOWN:
      return C_("session phase", "Cool Down");
    case LENTO_PHASE_KIND_AFTERCARE:
      return C_("session phase", "Aftercare");
    default:
      g_assert_not_reached ();
    }
}

/* The breathing guide belongs to the phases where breathing is the work:
 * before and during entry. Later the time matters more, and a still screen
 * is calmer.
 */
static gboolean
phase_has_pacer (LentoPhaseKind kind)
{
  return kind == LENTO_PHASE_KIND_SETTLE
         || kind == LENTO_PHASE_KIND_WARM_UP
         || kind == LENTO_PHASE_KIND_ENTRY;
}

/* "4:05" for a countdown; seconds are rounded up, so that 0:00 shows only
 * when the phase is over.
 */
static char *
format_clock (gint64 usec)
{
  gint64 seconds = (MAX (usec, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

static char *
format_duration (guint seconds)
{
  guint minutes = seconds / 60;

  if (minutes == 0)
    /* Translators: a duration, like “45 seconds”. */
    return g_strdup_printf (g_dngettext (NULL, "%u second", "%u seconds", seconds), seconds);
  if (seconds % 60 == 0)
    /* Translators: a duration, like “10 minutes”. */
    return g_strdup_printf (g_dngettext (NULL, "%u minute", "%u minutes", minutes), minutes);

  /* TRANSLATORS: a duration, minutes then seconds, e.g. "12 min 5 s" */
  return g_strdup_printf (_("%u min %u s"), minutes, seconds % 60);
}

static gboolean
session_is_active (LentoSessionView *self)
{
  LentoSessionState state;

  if (self->session == NULL)
    return FALSE;

  state = lento_session_get_state (self->session);
  return state == LENTO_SESSION_STATE_RUNNING || state == LENTO_SESSION_STATE_PAUSED;
}

static LentoProgram *
get_program (LentoSessionView *self)
{
  return self->practice != NULL ? lento_practice_get_program (self->practice) : NULL;
}

static LentoSessionResult *
get_result (LentoSessionView *self)
{
  return self->practice != NULL ? lento_practice_get_result (self->practice) : NULL;
}

/* Inhibit */

/* Keeps the machine awake and the screen on while a session runs. The
 * reason is shown by the desktop to anyone who looks, so it says nothing
 * about what the timer is for.
 */
static void
inhibit (LentoSessionView *self)
{
  GtkRoot *root;
  GtkApplication *app;

  /* The window's own timer holds the machine awake; the lock page's copy
   * of it does not ask a second time.
   */
  if (self->inhibit_cookie != 0 || self->discreet)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root))
    return;

  app = gtk_window_get_application (GTK_WINDOW (root));
  if (app == NULL)
    return;

  self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (root),
                                                  GTK_APPLICATION_INHIBIT_SUSPEND
                                                  | GTK_APPLICATION_INHIBIT_IDLE,
                                                  _("A timer is running"));
  if (self->inhibit_cookie != 0)
    self->inhibit_app = g_object_ref (app);
}

static void
uninhibit (LentoSessionView *self)
{
  if (self->inhibit_cookie != 0 && self->inhibit_app != NULL)
    gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);

  self->inhibit_cookie = 0;
  g_clear_object (&self->inhibit_app);
}

/* Ticking */

static gboolean
tick_cb (gpointer user_data)
{
  LentoSessionView *self = user_data;

  update_running (self);

  return G_SOURCE_CONTINUE;
}

/* The timeout exists only while someone can see the time and it moves. */
static void
update_ticking (LentoSessionView *self)
{
  gboolean want = gtk_widget_get_mapped (GTK_WIDGET (self))
                  && self->session != NULL
                  && lento_session_get_state (self->session) == LENTO_SESSION_STATE_RUNNING;

  if (want && self->tick_id == 0)
    {
      self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
      g_source_set_name_by_id (self->tick_id, "[lento] session view tick");
    }
  else if (!want)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
    }
}

/* Idle page */

/* The first reason the plan gives for today, for a day without a session. */
static const char *
first_reason (LentoRecommendation *recommendation)
{
  GPtrArray *reasons = lento_recommendation_get_reasons (recommendation);

  if (reasons == NULL || reasons->len == 0)
    return NULL;

  return ((LentoReason *) g_ptr_array_index (reasons, 0))->text;
}

static void
update_idle (LentoSessionView *self)
{
  g_autoptr(LentoSessionTemplate) template = NULL;
  LentoRecommendation *recommendation = NULL;
  LentoProgram *program = get_program (self);
  LentoPracticeStart start = LENTO_PRACTICE_START_NO;
  const char *template_id = NULL;
  const char *reason = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list))) != NULL)
    gtk_list_box_remove (self->phase_list, child);

  if (self->practice != NULL && !self->discreet)
    {
      recommendation = lento_practice_get_recommendation (self->practice);
      start = lento_practice_get_start (self->practice);
    }
  if (recommendation != NULL)
    template_id = lento_recommendation_get_template (recommendation);
  if (program != NULL && template_id != NULL)
    template = lento_program_dup_template (program, template_id);

  /* Start where the plan allows it; on a day without a session, a plainer
   * button says that it starts one anyway; resting after pain or waiting
   * for a clinician, there is none.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->start_button),
                          template != NULL && start != LENTO_PRACTICE_START_NO);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), template != NULL);
  if (start == LENTO_PRACTICE_START_ANYWAY)
    {
      gtk_button_set_label (self->start_button, _("Start _Anyway"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
    }
  else
    {
      gtk_button_set_label (self->start_button, _("_Start"));
      gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
    }

  if (template == NULL)
    return;

  if (start == LENTO_PRACTICE_START_NOW)
    {
      gtk_label_set_label (self->idle_title, lento_program_get_template_title (program,
                                                                               template_id));
    }
  else
    {
      gtk_label_set_label (self->idle_title,
                           lento_recommendation_get_kind (recommendation)
                           == LENTO_RECOMMENDATION_SEE_CLINICIAN
                           ? _("Time to Talk With a Clinician") : _("Rest Today"));
      reason = first_reason (recommendation);
    }
  gtk_label_set_label (self->idle_reason, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->idle_reason), reason != NULL);

  /* Resting after pain or waiting for a clinician, there is no session to
   * describe; on a day without one, it is described as a choice.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->idle_summary), start != LENTO_PRACTICE_START_NO);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_list), start != LENTO_PRACTICE_START_NO);
  if (start == LENTO_PRACTICE_START_NO)
    return;

  {
    guint minutes = (lento_session_template_get_total_seconds (template) + 59) / 60;
    g_autofree char *summary = NULL;

    if (start == LENTO_PRACTICE_START_NOW)
      /* Translators: %u is how many minutes today's session takes in all. */
      summary = g_strdup_printf (g_dngettext (NULL, "Today’s session, about %u minute",
                                              "Today’s session, about %u minutes", minutes),
                                 minutes);
    else
      summary = g_strdup_printf (g_dngettext (NULL,
                                              /* Translators: on a day without a planned session,
                                               * how many minutes a session would take.
                                               */
                                              "If you choose to go ahead: about %u minute",
                                              "If you choose to go ahead: about %u minutes",
                                              minutes),
                                 minutes);
    gtk_label_set_label (self->idle_summary, summary);
  }

  for (guint i = 0; i < lento_session_template_get_n_phases (template); i++)
    {
      LentoPhaseKind kind = lento_session_template_get_phase_kind (template, i);
      g_autofree char *duration =
        format_duration (lento_session_template_get_phase_seconds (template, i));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phase_kind_title (kind));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (duration));
      gtk_list_box_append (self->phase_list, row);
    }
}

/* Which page to show follows from the practice and its session. */
static void
update_page (LentoSessionView *self)
{
  const char *page;

  if (self->session != NULL)
    {
      LentoSessionState state = lento_session_get_state (self->session);

      page = state == LENTO_SESSION_STATE_FINISHED || state == LENTO_SESSION_STATE_STOPPED
             ? "done" : "running";
    }
  else if (!self->discreet && self->practice != NULL
           && lento_practice_get_recommendation (self->practice) != NULL)
    {
      page = "idle";
    }
  else
    {
      page = "empty";
    }

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Running page */

static void
update_actions (LentoSessionView *self)
{
  gboolean active = session_is_active (self);
  gboolean wear = active && lento_session_get_phase_kind (self->session) == LENTO_PHASE_KIND_WEAR;
  LentoSessionTemplate *template = self->session != NULL
                                   ? lento_session_get_template (self->session) : NULL;
  gboolean can_extend = FALSE;
  LentoSessionState state = self->session != NULL ? lento_session_get_state (self->session)
                                                  : LENTO_SESSION_STATE_IDLE;
  gboolean breathing = self->session != NULL
                       && phase_has_pacer (lento_session_get_phase_kind (self->session));

  if (wear)
    {
      guint phase = lento_session_get_phase_index (self->session);
      gint64 max = (gint64) lento_session_template_get_phase_max_seconds (template, phase)
                   * G_USEC_PER_SEC;

      can_extend = lento_session_get_phase_duration (self->session) < max;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.pause", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.skip", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.it-hurts", active);
  /* Pressing again is allowed: the urge may come back and fade later. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.urge-gone", wear);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.extend", can_extend);

  if (state == LENTO_SESSION_STATE_PAUSED)
    {
      gtk_button_set_label (self->pause_button, _("_Resume"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), _("Go on with the session"));
    }
  else
    {
      gtk_button_set_label (self->pause_button, _("_Pause"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), _("Hold the timer"));
    }

  if (self->session != NULL && lento_session_get_urge_faded_minute (self->session) >= 0)
    {
      g_autofree char *noted = NULL;

      /* Translators: on the button once pressed; the minute of the session
       * at which the urge to go faded, like “Urge Faded at Minute 7”.
       */
      noted = g_strdup_printf (_("Urge Faded at Minute %d"),
                               lento_session_get_urge_faded_minute (self->session));
      gtk_button_set_label (self->urge_button, noted);
    }
  else
    {
      gtk_button_set_label (self->urge_button, _("_Urge Has Faded"));
    }

  /* The breathing guide and the wear time's buttons take turns in one
   * place of one size: nothing below them moves when they change.
   */
  gtk_stack_set_visible_child_name (self->guide_stack,
                                    breathing ? "pacer" : wear ? "wear" : "still");
  lento_breathing_pacer_set_running (self->pacer,
                                     breathing && state == LENTO_SESSION_STATE_RUNNING);
}

/* Reads the time from the session; called once a second while visible
 * and at every change of phase or state.
 */
static void
update_running (LentoSessionView *self)
{
  g_autofree char *remaining = NULL;
  gboolean paused;

  if (!session_is_active (self))
    return;

  remaining = format_clock (lento_session_get_phase_remaining (self->session));
  gtk_label_set_label (self->remaining_label, remaining);

  /* Paused, the clock stands faint and the line under it says so, in its
   * own small type: the big figures are only ever the time.
   */
  paused = lento_session_get_state (self->session) == LENTO_SESSION_STATE_PAUSED;
  gtk_label_set_label (self->clock_caption,
                       paused ? C_("session clock", "Paused")
                              : _("Time left in this phase"));
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "dim-label");
}

/* Shows a cue in the banner. Setting the label's text is what makes AT-SPI
 * report the change; the accessible description of the banner carries the
 * whole cue so that a screen reader that reads the title alone still gets
 * the words.
 */
static void
show_banner (LentoSessionView *self,
             const char       *title,
             const char       *text)
{
  g_autofree char *spoken = NULL;

  gtk_label_set_label (self->banner_title, title);
  gtk_label_set_label (self->banner_text, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_text), text != NULL && *text != '\0');

  /* Translators: a cue as a screen reader reads it: its title, like “Breathe
   * Low”, then its text, which is one or more sentences.
   */
  spoken = text != NULL && *text != '\0' ? g_strdup_printf (C_("cue read aloud", "%s. %s"),
                                                             title, text)
                                         : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner_title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                  -1);
}

static void
phase_changed_cb (LentoSessionView *self,
                  guint             phase,
                  LentoPhaseKind    kind,
                  LentoSession     *session)
{
  LentoSessionTemplate *template = lento_session_get_template (session);
  g_autofree char *position = NULL;

  self->last_phase = phase;

  /* TRANSLATORS: the phase, then its place, e.g. "Warm Up · 2 of 6" */
  position = g_strdup_printf (_("%s · %u of %u"), phase_kind_title (kind), phase + 1,
                              lento_session_template_get_n_phases (template));
  gtk_label_set_label (self->phase_label, position);

  /* The phase's first cue usually follows at once and replaces this. */
  show_banner (self, phase_kind_title (kind), NULL);

  update_actions (self);
  update_running (self);
}

static void
cue_cb (LentoSessionView *self,
        const char       *cue_id,
        LentoSession     *session)
{
  const char *title = NULL;
  const char *text = NULL;

  if (get_program (self) != NULL)
    {
      title = lento_program_get_cue_title (get_program (self), cue_id);
      text = lento_program_get_cue_text (get_program (self), cue_id);
    }

  if (title == NULL)
    return;

  /* Behind the lock the phase's name says enough; a cue's words are for
   * the person in the session, not for whoever glances at the screen.
   */
  if (self->discreet)
    return;

  show_banner (self, title, text);
  update_running (self);
}

static void
dismiss_dialogs (LentoSessionView *self)
{
  if (self->stop_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->stop_dialog));
  if (self->discard_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
}

static void
show_result (LentoSessionView *self)
{
  LentoSessionResult *result = get_result (self);
  gboolean hurt = lento_session_result_get_sharp_pain (result);
  LentoSessionEnd ended_by = lento_session_result_get_ended_by (result);
  g_autofree char *duration =
    format_duration (lento_session_result_get_total_seconds (result));
  g_autofree char *wear = format_duration (lento_session_result_get_wear_seconds (result));
  int urge = lento_session_result_get_urge_faded_minute (result);
  g_autofree char *urge_text = NULL;
  const char *ended;

  switch (ended_by)
    {
    case LENTO_SESSION_END_COMPLETED:
      gtk_label_set_label (self->done_title, _("Session Complete"));
      /* Translators: how a session ended: it ran to the end. */
      ended = C_("session ended", "Completed");
      break;
    case LENTO_SESSION_END_STOPPED:
      if (lento_session_get_interrupted (self->session))
        {
          gtk_label_set_label (self->done_title, _("Unfinished Session"));
          ended = _("Lento was closed before it ended; the time shown is what was kept");
        }
      else
        {
          gtk_label_set_label (self->done_title, _("Session Ended"));
          ended = _("Stopped early");
        }
      break;
    case LENTO_SESSION_END_IT_HURTS:
      gtk_label_set_label (self->done_title, _("Session Stopped"));
      ended = _("Stopped because it hurt");
      break;
    default:
      g_assert_not_reached ();
    }

  if (urge >= 0)
    /* TRANSLATORS: the minute of wear time at which the urge faded */
    urge_text = g_strdup_printf (_("Minute %d"), urge);
  else
    urge_text = g_strdup (_("Not noted"));

  adw_action_row_set_subtitle (self->duration_row, duration);
  adw_action_row_set_subtitle (self->wear_row, wear);
  adw_action_row_set_subtitle (self->urge_row, urge_text);
  adw_action_row_set_subtitle (self->ended_row, ended);
  gtk_widget_set_visible (GTK_WIDGET (self->hurt_label), ended_by == LENTO_SESSION_END_IT_HURTS);
  /* Nothing is recorded from behind the lock. A session that hurt is
   * recorded by itself, and can be closed only once it is in the journal.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), !self->discreet);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button),
                          !hurt || lento_practice_get_result_kept (self->practice));
}

static void
finished_cb (LentoSessionView   *self,
             LentoSessionResult *result,
             LentoSession       *session)
{
  dismiss_dialogs (self);
  uninhibit (self);
  show_result (self);

  /* Focus on a page that went away would leave the keyboard nowhere. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->record_button));
}

static void
state_notify_cb (LentoSessionView *self,
                 GParamSpec       *pspec,
                 LentoSession     *session)
{
  LentoSessionState state;

  if (session_is_active (self))
    inhibit (self);
  else
    uninhibit (self);

  update_actions (self);
  update_running (self);
  update_ticking (self);
  update_page (self);

  /* Just started: the keyboard goes to Pause, so that Space works at once
   * and the focus is not left on the Start button that went away.
   */
  state = session != NULL ? lento_session_get_state (session) : LENTO_SESSION_STATE_IDLE;
  if (self->shown_state == LENTO_SESSION_STATE_IDLE && state == LENTO_SESSION_STATE_RUNNING
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
  self->shown_state = state;
}

static void
clear_session (LentoSessionView *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  dismiss_dialogs (self);
  uninhibit (self);
  g_clear_object (&self->session);
  self->last_phase = -1;
}

/* Follows the practice's session: a new one, or none. */
static void
practice_session_cb (LentoSessionView *self)
{
  LentoSession *session = self->practice != NULL ? lento_practice_get_session (self->practice)
                                                 : NULL;

  if (session == self->session)
    return;

  clear_session (self);
  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (session, "phase-changed", G_CALLBACK (phase_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "cue", G_CALLBACK (cue_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "finished", G_CALLBACK (finished_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::state", G_CALLBACK (state_notify_cb), self,
                               G_CONNECT_SWAPPED);
      if (session_is_active (self))
        {
          LentoSessionTemplate *template = lento_session_get_template (session);
          guint phase = lento_session_get_phase_index (session);

          phase_changed_cb (self, phase, lento_session_template_get_phase_kind (template, phase),
                            session);
        }
      /* A session brought back already ended will not say so again. */
      if (get_result (self) != NULL)
        show_result (self);
    }

  state_notify_cb (self, NULL, session);
  update_idle (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (session_is_active (self) ? self->pause_button
                                                                 : self->start_button));
}

static void
practice_result_cb (LentoSessionView *self)
{
  if (get_result (self) != NULL)
    show_result (self);
}

static void
practice_plan_cb (LentoSessionView *self)
{
  update_idle (self);
  update_page (self);
}

/* Actions */

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  if (!session_is_active (self))
    return;

  if (lento_session_get_state (self->session) == LENTO_SESSION_STATE_PAUSED)
    lento_session_resume (self->session);
  else
    lento_session_pause (self->session);
}

/* Space pauses, except in a text field: the lock page shows the timer
 * beside the unlock page's fields. A session not running lets Space go on
 * to the focused button.
 */
static gboolean
pause_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!session_is_active (self) || GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus))
    return FALSE;

  return gtk_widget_activate_action (widget, "session.pause", NULL);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  if (session_is_active (self))
    lento_session_skip (self->session);
}

static void
it_hurts_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  /* No question asked: ending is always the safe direction. */
  if (session_is_active (self))
    lento_session_it_hurts (self->session);
}

static void
urge_gone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  if (session_is_active (self) && lento_session_mark_urge_faded (self->session))
    update_actions (self);
}

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  if (!session_is_active (self))
    return;

  lento_session_extend (self->session, LENTO_SESSION_VIEW_EXTEND_SECONDS);
  update_actions (self);
  update_running (self);
}

static void
stop_response_cb (LentoSessionView *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "stop") == 0 && session_is_active (self))
    lento_session_stop (self->session);
}

static void
stop_dialog_destroy_cb (LentoSessionView *self,
                        GtkWidget        *dialog)
{
  if ((GtkWidget *) self->stop_dialog == dialog)
    self->stop_dialog = NULL;
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);
  GtkRoot *root;
  GtkWidget *dialog;

  if (!session_is_active (self))
    return;

  if (self->stop_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->stop_dialog));
      return;
    }

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Stop the Session?"),
                                   _("The time so far is kept, and you can record it in the "
                                     "journal. If something hurts, choose “It Hurts, Stop Now” instead so "
                                     "the plan knows."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");

  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (stop_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  self->stop_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Template callbacks */

static void
start_clicked_cb (LentoSessionView *self)
{
  /* The button offers a session on a day without one only as "Start
   * Anyway": pressing it is the person's deliberate choice.
   */
  if (self->practice != NULL && !self->discreet)
    lento_practice_start_session (self->practice,
                                  lento_practice_get_start (self->practice)
                                  == LENTO_PRACTICE_START_ANYWAY);
}

static void
record_clicked_cb (LentoSessionView *self)
{
  if (get_result (self) != NULL)
    g_signal_emit (self, signals[RECORD], 0);
}

static void
discard_response_cb (LentoSessionView *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0 && self->practice != NULL)
    lento_practice_discard_result (self->practice);
}

static void
discard_dialog_destroy_cb (LentoSessionView *self,
                           GtkWidget        *dialog)
{
  if ((GtkWidget *) self->discard_dialog == dialog)
    self->discard_dialog = NULL;
}

/* Close puts an unrecorded session away: it asks first. */
static void
close_clicked_cb (LentoSessionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (get_result (self) == NULL || self->discard_dialog != NULL)
    return;

  /* In the journal already: closing loses nothing, so nothing is asked. */
  if (lento_practice_get_result_kept (self->practice))
    {
      lento_practice_discard_result (self->practice);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Leave This Session Out of the Journal?"),
                                   _("It will not be recorded, and the plan will not count it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It"),
                                    "discard", _("_Leave It Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (discard_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  self->discard_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkWidget */

static void
lento_session_view_map (GtkWidget *widget)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  GTK_WIDGET_CLASS (lento_session_view_parent_class)->map (widget);

  /* The time may have moved a lot while hidden: show it at once. */
  update_running (self);
  update_ticking (self);

  /* The view may have joined a window since the session started. */
  if (session_is_active (self))
    inhibit (self);
}

static void
lento_session_view_unmap (GtkWidget *widget)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (widget);

  GTK_WIDGET_CLASS (lento_session_view_parent_class)->unmap (widget);

  update_ticking (self);
}

/* GObject */

static void
lento_session_view_dispose (GObject *object)
{
  LentoSessionView *self = (LentoSessionView *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  clear_session (self);
  if (self->practice != NULL)
    g_signal_handlers_disconnect_by_data (self->practice, self);
  g_clear_object (&self->practice);

  /* AdwBin unparents the template's child itself. */

  G_OBJECT_CLASS (lento_session_view_parent_class)->dispose (object);
}

static void
lento_session_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRACTICE:
      g_value_set_object (value, self->practice);
      break;

    case PROP_DISCREET:
      g_value_set_boolean (value, self->discreet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_session_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LentoSessionView *self = LENTO_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRACTICE:
      lento_session_view_set_practice (self, g_value_get_object (value));
      break;

    case PROP_DISCREET:
      self->discreet = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_session_view_class_init (LentoSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_session_view_dispose;
  object_class->get_property = lento_session_view_get_property;
  object_class->set_property = lento_session_view_set_property;

  widget_class->map = lento_session_view_map;
  widget_class->unmap = lento_session_view_unmap;

  /**
   * LentoSessionView:practice: (nullable)
   *
   * The practice whose session of the day the view shows.
   */
  properties[PROP_PRACTICE] =
    g_param_spec_object ("practice", NULL, NULL,
                         LENTO_TYPE_PRACTICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LentoSessionView:discreet:
   *
   * Shows the phase, the time and the controls only: no cue text, nothing
   * of the plan, nothing to record. For the lock page.
   */
  properties[PROP_DISCREET] =
    g_param_spec_boolean ("discreet", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LentoSessionView::record:
   * @self: a #LentoSessionView
   *
   * The person asked to record the ended session in the journal.
   */
  signals[RECORD] =
    g_signal_new ("record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "session.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "session.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "session.it-hurts", NULL, it_hurts_action);
  gtk_widget_class_install_action (widget_class, "session.urge-gone", NULL, urge_gone_action);
  gtk_widget_class_install_action (widget_class, "session.extend", NULL, extend_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "session.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "session.skip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "session.it-hurts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, GDK_SHIFT_MASK,
                                       "session.it-hurts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK,
                                       "session.urge-gone", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "session.extend", NULL);

  g_type_ensure (LENTO_TYPE_BREATHING_PACER);

  /* Named in init after its tab, so that a screen reader says which view
   * it is in rather than its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, idle_title);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, idle_summary);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, idle_reason);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, phase_list);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, start_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, banner_title);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, banner_text);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, guide_stack);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, pacer);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, clock_caption);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, urge_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, extend_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, hurts_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, done_title);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, record_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, close_button);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, hurt_label);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, duration_row);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, wear_row);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, urge_row);
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, ended_row);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
lento_session_view_init (LentoSessionView *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  self->last_phase = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Session"),
                                  -1);
  lento_accessible_follow_stack (self->stack);
  lento_accessible_name_status_pages (GTK_WIDGET (self));

  /* Space for Pause even when a button has the focus, and wherever the
   * focus is in the window while the view is on screen; see the top.
   */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                               gtk_callback_action_new (pause_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_actions (self);
  update_page (self);
}

/* Public API */

/**
 * lento_session_view_new:
 * @discreet: %TRUE for the lock page's copy: the phase, the time and the
 *   controls, without cue text or anything to record
 *
 * Returns: (transfer floating): a new #LentoSessionView
 */
GtkWidget *
lento_session_view_new (gboolean discreet)
{
  return g_object_new (LENTO_TYPE_SESSION_VIEW, "discreet", discreet, NULL);
}

/**
 * lento_session_view_set_practice:
 * @practice: (nullable): whose session of the day to show
 */
void
lento_session_view_set_practice (LentoSessionView *self,
                                 LentoPractice    *practice)
{
  static const char * const plan_signals[] = {
    "notify::recommendation", "notify::start", "notify::program",
  };

  g_return_if_fail (LENTO_IS_SESSION_VIEW (self));
  g_return_if_fail (practice == NULL || LENTO_IS_PRACTICE (practice));

  if (self->practice == practice)
    return;

  if (self->practice != NULL)
    g_signal_handlers_disconnect_by_data (self->practice, self);
  g_set_object (&self->practice, practice);
  if (practice != NULL)
    {
      g_signal_connect_object (practice, "notify::session", G_CALLBACK (practice_session_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (practice, "notify::result", G_CALLBACK (practice_result_cb),
                               self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (plan_signals); i++)
        g_signal_connect_object (practice, plan_signals[i], G_CALLBACK (practice_plan_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  practice_session_cb (self);
  practice_plan_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRACTICE]);
}

/**
 * lento_session_view_get_session:
 * @self: a #LentoSessionView
 *
 * Returns: (transfer none) (nullable): the running or just ended session
 */
LentoSession *
lento_session_view_get_session (LentoSessionView *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_VIEW (self), NULL);

  return self->session;
}

/**
 * lento_session_view_start:
 * @self: a #LentoSessionView
 *
 * Starts today's session, as the Start button does: only where the plan
 * offers one today (see lento_practice_get_start()).
 *
 * Returns: %TRUE if a session started
 */
gboolean
lento_session_view_start (LentoSessionView *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_VIEW (self), FALSE);

  return self->practice != NULL && !self->discreet
         && lento_practice_start_session (self->practice, FALSE);
}

/**
 * lento_session_view_get_ticking:
 * @self: a #LentoSessionView
 *
 * Whether the view holds its once-a-second timeout, which it does only
 * while mapped with a running session. For tests and the benchmark.
 *
 * Returns: %TRUE if the view is ticking
 */
gboolean
lento_session_view_get_ticking (LentoSessionView *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_VIEW (self), FALSE);

  return self->tick_id != 0;
}
