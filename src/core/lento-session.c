/* lento-session.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-session.h"
#include "lento-session-result-private.h"

/*
 * LentoSession runs one guided session: a state machine over the phases
 * of a LentoSessionTemplate.
 *
 *   idle --start--> running <--pause/resume--> paused
 *   running/paused --last phase ends, or skip in the last phase--> finished
 *   running/paused --stop or it_hurts--> stopped
 *
 * Time. Every reading comes from the LentoClock's boot time, which keeps
 * counting through suspend: wear time is what a person actually wore, even
 * if the laptop slept. Time spent paused is not counted anywhere. Elapsed
 * times are computed when they are read, never accumulated by ticking: the
 * session keeps, per phase, the time accumulated before the current run of
 * the clock, plus the boot time at which that run began.
 *
 * Waking up. While running, the session holds exactly one clock alarm, set
 * for its next event: the end of the phase or its next cue, whichever
 * comes first. Nothing fires in between; in particular the time-valued
 * properties (phase-elapsed, phase-remaining, total-elapsed, wear-elapsed)
 * are never notified. The UI reads them at the rate it shows them (once a
 * second while the session view is visible, nothing while it is hidden).
 * Properties that change at discrete moments (state, phase-index,
 * phase-kind, phase-duration, urge-faded-minute) are notified when they do.
 *
 * Late events. When the session wakes after its events fell due (after a
 * suspend, or when a saved session is resumed) it processes them in time
 * order as if they had happened on time:
 * - every phase boundary crossed emits ::phase-changed, so that the UI and
 *   the saved state pass through each phase; the last one ending finishes
 *   the session as completed;
 * - a cue is emitted if it is on time (at most LENTO_SESSION_CUE_GRACE_USEC
 *   late), or if it is the latest cue due in the phase the session is still
 *   in; cues already followed by a later cue or by the end of their phase
 *   are dropped, because words meant for a moment that has passed only
 *   confuse;
 * - ::save-needed is emitted once at the end of such a catch-up.
 * A cue placed at the very end of its phase fires just before the phase
 * changes.
 *
 * Saving. ::save-needed is emitted whenever something worth keeping changed:
 * start, each phase change, pause, resume, extend, the urge mark and the
 * end. The app then writes lento_session_serialize() into the encrypted
 * profile. The saved state holds the elapsed time per phase and two anchors
 * taken when it was written: the boot time with the boot id, and the wall
 * clock. lento_session_restore_from_json() counts the time since then as
 * running time if the session was running (the person went on while Lento
 * was closed): by boot time when the boot id is the same, which is immune
 * to wall-clock changes, or else (the machine rebooted, so boot time began
 * again) by the wall clock, never less than zero. A running session whose
 * total would then pass its planned length (with any extension) by more
 * than LENTO_SESSION_STALE_MARGIN_USEC is not resumed: Lento cannot know
 * what happened after the save, so it comes back stopped at the time of
 * that save, marked interrupted, for the person to record or discard.
 */

struct _LentoSession
{
  GObject parent_instance;

  /* Owned */
  LentoSessionTemplate *template;
  LentoClock *clock;
  gint64 *phase_elapsed;
  LentoSessionResult *result;

  gint64 start_real;
  gint64 segment_start;
  gulong clock_changed_id;
  guint alarm_id;
  guint n_phases;
  guint phase;
  guint next_cue;
  guint extension_seconds;
  int wear_index;
  int urge_faded_minute;
  LentoSessionState state;

  guint processing : 1;
  guint save_pending : 1;
  guint interrupted : 1;
};

G_DEFINE_FINAL_TYPE (LentoSession, lento_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LentoSessionState, lento_session_state,
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_STATE_FINISHED, "finished"),
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_STATE_STOPPED, "stopped"))

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_CLOCK,
  PROP_STATE,
  PROP_PHASE_INDEX,
  PROP_PHASE_KIND,
  PROP_PHASE_DURATION,
  PROP_PHASE_ELAPSED,
  PROP_PHASE_REMAINING,
  PROP_TOTAL_ELAPSED,
  PROP_WEAR_ELAPSED,
  PROP_URGE_FADED_MINUTE,
  N_PROPS
};

enum {
  PHASE_CHANGED,
  CUE,
  FINISHED,
  SAVE_NEEDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define SAVED_VERSION 1

/* Seconds from a template (unsigned) to microseconds, without overflow. */
#define USEC(seconds) ((gint64) (seconds) * G_USEC_PER_SEC)

/* Time accounting */

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;

  seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (seconds == NULL)
    return g_date_time_new_from_unix_utc (0);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static guint
usec_to_rounded_seconds (gint64 usec)
{
  return (guint) ((MAX (usec, 0) + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
}

static gint64
phase_duration (LentoSession *self,
                guint         phase)
{
  guint seconds = lento_session_template_get_phase_seconds (self->template, phase);

  if ((int) phase == self->wear_index)
    seconds += self->extension_seconds;

  return USEC (seconds);
}

/* The current phase's elapsed time as of @now, not clamped: past the
 * phase's duration when events are due and not yet processed.
 */
static gint64
raw_phase_elapsed (LentoSession *self,
                   gint64        now)
{
  gint64 elapsed = self->phase_elapsed[self->phase];

  if (self->state == LENTO_SESSION_STATE_RUNNING)
    elapsed += MAX (0, now - self->segment_start);

  return elapsed;
}

static gint64
phase_elapsed_at (LentoSession *self,
                  gint64        now)
{
  return MIN (raw_phase_elapsed (self, now), phase_duration (self, self->phase));
}

static gint64
total_elapsed_at (LentoSession *self,
                  gint64        now)
{
  gint64 total = 0;

  for (guint i = 0; i < self->n_phases; i++)
    total += i == self->phase ? phase_elapsed_at (self, now) : self->phase_elapsed[i];

  return total;
}

static gint64
wear_elapsed_at (LentoSession *self,
                 gint64        now)
{
  if (self->wear_index < 0)
    return 0;

  if ((guint) self->wear_index == self->phase)
    return phase_elapsed_at (self, now);

  return self->phase_elapsed[self->wear_index];
}

/* Folds the running segment into the current phase's accumulated time, so
 * that the session can change phase or stop counting.
 */
static void
fold_segment (LentoSession *self,
              gint64        now)
{
  self->phase_elapsed[self->phase] = phase_elapsed_at (self, now);
  self->segment_start = now;
}

/* Events */

static void process_due (LentoSession *self);

static void
alarm_cb (gpointer user_data)
{
  LentoSession *self = user_data;

  self->alarm_id = 0;
  process_due (self);
}

static void
reschedule (LentoSession *self)
{
  gint64 next_at;

  if (self->alarm_id != 0)
    {
      lento_clock_remove_alarm (self->clock, self->alarm_id);
      self->alarm_id = 0;
    }

  if (self->state != LENTO_SESSION_STATE_RUNNING)
    return;

  next_at = phase_duration (self, self->phase);

  if (self->next_cue < lento_session_template_get_n_cues (self->template, self->phase))
    {
      gint64 at = USEC (lento_session_template_get_cue_at (self->template, self->phase,
                                                           self->next_cue));

      next_at = MIN (next_at, at);
    }

  self->alarm_id = lento_clock_add_alarm (self->clock,
                                          self->segment_start + next_at -
                                          self->phase_elapsed[self->phase],
                                          alarm_cb, self);
}

static void
flush_save (LentoSession *self)
{
  if (self->processing || !self->save_pending)
    return;

  self->save_pending = FALSE;
  g_signal_emit (self, signals[SAVE_NEEDED], 0);
}

static void
enter_phase (LentoSession *self,
             guint         phase)
{
  gboolean changed = self->phase != phase;

  g_assert (phase < self->n_phases);

  self->phase = phase;
  self->next_cue = 0;
  self->save_pending = TRUE;

  /* At start the first phase is entered without the index changing. */
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_INDEX]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_DURATION]);
    }

  g_signal_emit (self, signals[PHASE_CHANGED], 0,
                 phase, lento_session_template_get_phase_kind (self->template, phase));
}

static LentoSessionResult *
build_result (LentoSession    *self,
              LentoSessionEnd  ended_by,
              gint64           end_real)
{
  LentoSessionResult *result = g_new0 (LentoSessionResult, 1);
  gint64 now = lento_clock_now (self->clock);

  g_ref_count_init (&result->ref_count);
  result->template_id = g_strdup (lento_session_template_get_id (self->template));
  result->start_time = date_time_from_usec (self->start_real);
  result->end_time = date_time_from_usec (MAX (end_real, self->start_real));
  result->total_seconds = usec_to_rounded_seconds (total_elapsed_at (self, now));
  result->wear_seconds = usec_to_rounded_seconds (wear_elapsed_at (self, now));
  result->urge_faded_minute = self->urge_faded_minute;
  result->ended_by = ended_by;
  result->last_phase_kind = lento_session_template_get_phase_kind (self->template, self->phase);

  return result;
}

/* Ends the session. @end is the boot time at which it ended, which is in
 * the past when a late wake-up finds that the last phase is long over.
 */
static void
finish (LentoSession    *self,
        LentoSessionEnd  ended_by,
        gint64           end)
{
  gint64 now = lento_clock_now (self->clock);
  gint64 end_real = lento_clock_now_real (self->clock) - MAX (0, now - end);

  fold_segment (self, MIN (now, end));

  self->state = ended_by == LENTO_SESSION_END_COMPLETED ? LENTO_SESSION_STATE_FINISHED
                                                        : LENTO_SESSION_STATE_STOPPED;
  g_clear_pointer (&self->result, lento_session_result_unref);
  self->result = build_result (self, ended_by, end_real);
  self->save_pending = TRUE;

  if (self->alarm_id != 0)
    {
      lento_clock_remove_alarm (self->clock, self->alarm_id);
      self->alarm_id = 0;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_signal_emit (self, signals[FINISHED], 0, self->result);
}

/* Handles every event due by now, in time order, with the rules for late
 * events given at the top of this file; then sets the alarm for the next.
 * Signal handlers may call back into the session (pause, stop, even drop
 * their reference), so the loop reads the state afresh after each signal.
 */
static void
process_due (LentoSession *self)
{
  gint64 now;

  if (self->processing)
    return;

  g_object_ref (self);
  self->processing = TRUE;
  now = lento_clock_now (self->clock);

  while (self->state == LENTO_SESSION_STATE_RUNNING)
    {
      guint phase = self->phase;
      gint64 duration = phase_duration (self, phase);
      gint64 elapsed = raw_phase_elapsed (self, now);
      guint n_cues = lento_session_template_get_n_cues (self->template, phase);

      if (self->next_cue < n_cues)
        {
          gint64 at = USEC (lento_session_template_get_cue_at (self->template, phase,
                                                               self->next_cue));

          if (at <= elapsed && at <= duration)
            {
              gint64 due = self->segment_start + at - self->phase_elapsed[phase];
              gboolean on_time = now - due <= LENTO_SESSION_CUE_GRACE_USEC;
              gboolean superseded = elapsed >= duration;
              const char *cue_id;

              if (self->next_cue + 1 < n_cues)
                {
                  gint64 next_at = USEC (lento_session_template_get_cue_at (self->template, phase,
                                                                            self->next_cue + 1));

                  superseded |= next_at <= MIN (elapsed, duration);
                }

              cue_id = lento_session_template_get_cue_id (self->template, phase, self->next_cue);
              self->next_cue++;

              if (on_time || !superseded)
                g_signal_emit (self, signals[CUE], 0, cue_id);

              continue;
            }
        }

      if (elapsed < duration)
        break;

      /* The phase ended at a known instant; the next one began then, not
       * when the session noticed.
       */
      {
        gint64 end = self->segment_start + duration - self->phase_elapsed[phase];

        self->phase_elapsed[phase] = duration;
        self->segment_start = end;

        if (phase + 1 >= self->n_phases)
          finish (self, LENTO_SESSION_END_COMPLETED, end);
        else
          enter_phase (self, phase + 1);
      }
    }

  self->processing = FALSE;
  reschedule (self);
  flush_save (self);
  g_object_unref (self);
}

static void
clock_changed_cb (LentoSession *self,
                  LentoClock   *clock)
{
  process_due (self);
}

/* Brings the accounting up to @now without a word: the phases that ended
 * meanwhile get their full time, and the session stays in the last one.
 * For stopping, where cues and phase banners would only be noise.
 */
static void
account_silently (LentoSession *self,
                  gint64        now)
{
  if (self->state != LENTO_SESSION_STATE_RUNNING)
    return;

  while (self->phase + 1 < self->n_phases)
    {
      gint64 duration = phase_duration (self, self->phase);

      if (raw_phase_elapsed (self, now) < duration)
        break;

      self->segment_start += duration - self->phase_elapsed[self->phase];
      self->phase_elapsed[self->phase] = duration;
      self->phase++;
      self->next_cue = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_INDEX]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_DURATION]);
    }

  fold_segment (self, now);
}

/* GObject */

static void
lento_session_constructed (GObject *object)
{
  LentoSession *self = (LentoSession *)object;

  G_OBJECT_CLASS (lento_session_parent_class)->constructed (object);

  g_assert (self->template != NULL);

  if (self->clock == NULL)
    self->clock = g_object_ref (lento_clock_get_default ());

  self->n_phases = lento_session_template_get_n_phases (self->template);
  self->phase_elapsed = g_new0 (gint64, MAX (self->n_phases, 1));
  self->wear_index = lento_session_template_find_phase (self->template, LENTO_PHASE_KIND_WEAR);
  self->clock_changed_id = g_signal_connect_object (self->clock, "changed",
                                                    G_CALLBACK (clock_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
}

static void
lento_session_dispose (GObject *object)
{
  LentoSession *self = (LentoSession *)object;

  if (self->clock != NULL)
    {
      if (self->alarm_id != 0)
        lento_clock_remove_alarm (self->clock, self->alarm_id);
      self->alarm_id = 0;
      g_clear_signal_handler (&self->clock_changed_id, self->clock);
    }

  g_clear_object (&self->clock);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (lento_session_parent_class)->dispose (object);
}

static void
lento_session_finalize (GObject *object)
{
  LentoSession *self = (LentoSession *)object;

  g_clear_pointer (&self->phase_elapsed, g_free);
  g_clear_pointer (&self->result, lento_session_result_unref);

  G_OBJECT_CLASS (lento_session_parent_class)->finalize (object);
}

static void
lento_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LentoSession *self = LENTO_SESSION (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PHASE_INDEX:
      g_value_set_uint (value, self->phase);
      break;

    case PROP_PHASE_KIND:
      g_value_set_enum (value, lento_session_get_phase_kind (self));
      break;

    case PROP_PHASE_DURATION:
      g_value_set_int64 (value, lento_session_get_phase_duration (self));
      break;

    case PROP_PHASE_ELAPSED:
      g_value_set_int64 (value, lento_session_get_phase_elapsed (self));
      break;

    case PROP_PHASE_REMAINING:
      g_value_set_int64 (value, lento_session_get_phase_remaining (self));
      break;

    case PROP_TOTAL_ELAPSED:
      g_value_set_int64 (value, lento_session_get_total_elapsed (self));
      break;

    case PROP_WEAR_ELAPSED:
      g_value_set_int64 (value, lento_session_get_wear_elapsed (self));
      break;

    case PROP_URGE_FADED_MINUTE:
      g_value_set_int (value, self->urge_faded_minute);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LentoSession *self = LENTO_SESSION (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      self->template = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_session_class_init (LentoSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lento_session_constructed;
  object_class->dispose = lento_session_dispose;
  object_class->finalize = lento_session_finalize;
  object_class->get_property = lento_session_get_property;
  object_class->set_property = lento_session_set_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         LENTO_TYPE_SESSION_TEMPLATE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         LENTO_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LENTO_TYPE_SESSION_STATE, LENTO_SESSION_STATE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE_INDEX] =
    g_param_spec_uint ("phase-index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE_KIND] =
    g_param_spec_enum ("phase-kind", NULL, NULL,
                       LENTO_TYPE_PHASE_KIND, LENTO_PHASE_KIND_SETTLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE_DURATION] =
    g_param_spec_int64 ("phase-duration", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The four time-valued properties below change continuously and are
   * never notified; read them when drawing.
   */
  properties[PROP_PHASE_ELAPSED] =
    g_param_spec_int64 ("phase-elapsed", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE_REMAINING] =
    g_param_spec_int64 ("phase-remaining", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL_ELAPSED] =
    g_param_spec_int64 ("total-elapsed", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WEAR_ELAPSED] =
    g_param_spec_int64 ("wear-elapsed", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URGE_FADED_MINUTE] =
    g_param_spec_int ("urge-faded-minute", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LentoSession::phase-changed:
   * @self: a #LentoSession
   * @phase_index: the phase just entered
   * @phase_kind: its #LentoPhaseKind
   *
   * A phase began, including the first one at start.
   */
  signals[PHASE_CHANGED] =
    g_signal_new ("phase-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, LENTO_TYPE_PHASE_KIND);

  /**
   * LentoSession::cue:
   * @self: a #LentoSession
   * @cue_id: the cue's identifier; LentoProgram has its words
   *
   * A cue is due.
   */
  signals[CUE] =
    g_signal_new ("cue",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * LentoSession::finished:
   * @self: a #LentoSession
   * @result: the #LentoSessionResult
   *
   * The session ended, whichever way.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, LENTO_TYPE_SESSION_RESULT);

  /**
   * LentoSession::save-needed:
   * @self: a #LentoSession
   *
   * Something worth keeping changed: write lento_session_serialize() now.
   */
  signals[SAVE_NEEDED] =
    g_signal_new ("save-needed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
lento_session_init (LentoSession *self)
{
  self->wear_index = -1;
  self->urge_faded_minute = -1;
}

/**
 * lento_session_new:
 * @template: the session's template, with at least one phase
 * @clock: (nullable): the clock to read, or %NULL for the system clock
 *
 * Creates an idle session.
 *
 * Returns: (transfer full): a new #LentoSession
 */
LentoSession *
lento_session_new (LentoSessionTemplate *template,
                   LentoClock           *clock)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (template), NULL);
  g_return_val_if_fail (lento_session_template_get_n_phases (template) > 0, NULL);
  g_return_val_if_fail (clock == NULL || LENTO_IS_CLOCK (clock), NULL);

  return g_object_new (LENTO_TYPE_SESSION,
                       "template", template,
                       "clock", clock,
                       NULL);
}

/* Getters */

/**
 * lento_session_get_template:
 * @self: a #LentoSession
 *
 * Returns: (transfer none): the template the session runs
 */
LentoSessionTemplate *
lento_session_get_template (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), NULL);

  return self->template;
}

/**
 * lento_session_get_clock:
 * @self: a #LentoSession
 *
 * Returns: (transfer none): the clock the session reads
 */
LentoClock *
lento_session_get_clock (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), NULL);

  return self->clock;
}

/**
 * lento_session_get_state:
 * @self: a #LentoSession
 *
 * Returns: the session's state
 */
LentoSessionState
lento_session_get_state (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), LENTO_SESSION_STATE_IDLE);

  return self->state;
}

/**
 * lento_session_get_phase_index:
 * @self: a #LentoSession
 *
 * Returns: the index of the current phase in the template; 0 before start,
 *   the phase it ended in after the end
 */
guint
lento_session_get_phase_index (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  return self->phase;
}

/**
 * lento_session_get_phase_kind:
 * @self: a #LentoSession
 *
 * Returns: the kind of the current phase
 */
LentoPhaseKind
lento_session_get_phase_kind (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), LENTO_PHASE_KIND_SETTLE);

  return lento_session_template_get_phase_kind (self->template, self->phase);
}

/**
 * lento_session_get_phase_duration:
 * @self: a #LentoSession
 *
 * Returns: how long the current phase lasts in microseconds, extensions
 *   included
 */
gint64
lento_session_get_phase_duration (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  return phase_duration (self, self->phase);
}

/**
 * lento_session_get_phase_elapsed:
 * @self: a #LentoSession
 *
 * Returns: microseconds spent in the current phase, pauses not counted
 */
gint64
lento_session_get_phase_elapsed (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  return phase_elapsed_at (self, lento_clock_now (self->clock));
}

/**
 * lento_session_get_phase_remaining:
 * @self: a #LentoSession
 *
 * Returns: microseconds left in the current phase
 */
gint64
lento_session_get_phase_remaining (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  if (self->state == LENTO_SESSION_STATE_FINISHED || self->state == LENTO_SESSION_STATE_STOPPED)
    return 0;

  return phase_duration (self, self->phase) - lento_session_get_phase_elapsed (self);
}

/**
 * lento_session_get_total_elapsed:
 * @self: a #LentoSession
 *
 * Returns: microseconds spent in all phases, pauses not counted
 */
gint64
lento_session_get_total_elapsed (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  return total_elapsed_at (self, lento_clock_now (self->clock));
}

/**
 * lento_session_get_wear_elapsed:
 * @self: a #LentoSession
 *
 * Returns: microseconds spent in the wear phase, pauses not counted
 */
gint64
lento_session_get_wear_elapsed (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  return wear_elapsed_at (self, lento_clock_now (self->clock));
}

/**
 * lento_session_get_urge_faded_minute:
 * @self: a #LentoSession
 *
 * Returns: the minute of wear time recorded by
 *   lento_session_mark_urge_faded(), or -1
 */
int
lento_session_get_urge_faded_minute (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), -1);

  return self->urge_faded_minute;
}

/**
 * lento_session_get_start_time:
 * @self: a #LentoSession
 *
 * Returns: (transfer full) (nullable): when the session started, in UTC,
 *   or %NULL before it has
 */
GDateTime *
lento_session_get_start_time (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), NULL);

  if (self->state == LENTO_SESSION_STATE_IDLE)
    return NULL;

  return date_time_from_usec (self->start_real);
}

/**
 * lento_session_get_result:
 * @self: a #LentoSession
 *
 * Returns: (transfer none) (nullable): the result once the session has
 *   ended, else %NULL
 */
LentoSessionResult *
lento_session_get_result (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), NULL);

  return self->result;
}

/* Actions. Each returns FALSE, quietly, when the session is not in a state
 * where it applies: a button pressed at the instant a phase ended is a race
 * the person cannot see, not a programming error.
 */

static gboolean
is_active (LentoSession *self)
{
  return self->state == LENTO_SESSION_STATE_RUNNING || self->state == LENTO_SESSION_STATE_PAUSED;
}

/**
 * lento_session_start:
 * @self: a #LentoSession
 *
 * Starts an idle session in its first phase.
 *
 * Returns: %TRUE if the session started
 */
gboolean
lento_session_start (LentoSession *self)
{
  g_autoptr(LentoSession) hold = NULL;

  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  if (self->state != LENTO_SESSION_STATE_IDLE)
    return FALSE;

  hold = g_object_ref (self);
  self->start_real = lento_clock_now_real (self->clock);
  self->segment_start = lento_clock_now (self->clock);
  self->state = LENTO_SESSION_STATE_RUNNING;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);

  self->processing = TRUE;
  enter_phase (self, 0);
  self->processing = FALSE;
  process_due (self);

  return TRUE;
}

/**
 * lento_session_pause:
 * @self: a #LentoSession
 *
 * Stops the clock of a running session; nothing counts until resumed.
 *
 * Returns: %TRUE if the session paused
 */
gboolean
lento_session_pause (LentoSession *self)
{
  g_autoptr(LentoSession) hold = NULL;

  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  hold = g_object_ref (self);
  process_due (self);

  if (self->state != LENTO_SESSION_STATE_RUNNING)
    return FALSE;

  fold_segment (self, lento_clock_now (self->clock));
  self->state = LENTO_SESSION_STATE_PAUSED;
  self->save_pending = TRUE;
  reschedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  flush_save (self);

  return TRUE;
}

/**
 * lento_session_resume:
 * @self: a #LentoSession
 *
 * Lets a paused session run on from where it stood.
 *
 * Returns: %TRUE if the session resumed
 */
gboolean
lento_session_resume (LentoSession *self)
{
  g_autoptr(LentoSession) hold = NULL;

  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  if (self->state != LENTO_SESSION_STATE_PAUSED)
    return FALSE;

  hold = g_object_ref (self);
  self->segment_start = lento_clock_now (self->clock);
  self->state = LENTO_SESSION_STATE_RUNNING;
  self->save_pending = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  process_due (self);

  return TRUE;
}

/**
 * lento_session_skip:
 * @self: a #LentoSession
 *
 * Ends the current phase now and moves to the next one; skipping the last
 * phase finishes the session as completed. A paused session stays paused.
 * The skipped phase keeps the time actually spent in it.
 *
 * Returns: %TRUE if the session moved on
 */
gboolean
lento_session_skip (LentoSession *self)
{
  g_autoptr(LentoSession) hold = NULL;
  gint64 now;

  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  hold = g_object_ref (self);
  process_due (self);

  if (!is_active (self))
    return FALSE;

  now = lento_clock_now (self->clock);
  fold_segment (self, now);

  if (self->phase + 1 >= self->n_phases)
    {
      finish (self, LENTO_SESSION_END_COMPLETED, now);
      flush_save (self);
      return TRUE;
    }

  self->processing = TRUE;
  enter_phase (self, self->phase + 1);
  self->processing = FALSE;
  process_due (self);

  return TRUE;
}

/**
 * lento_session_extend:
 * @self: a #LentoSession
 * @seconds: how much longer to wear
 *
 * Makes the wear phase longer, up to the template's max_seconds for it.
 * Only while running or paused in the wear phase.
 *
 * Returns: the seconds actually added, 0 when none could be
 */
guint
lento_session_extend (LentoSession *self,
                      guint         seconds)
{
  g_autoptr(LentoSession) hold = NULL;
  guint planned;
  guint limit;
  guint added;

  g_return_val_if_fail (LENTO_IS_SESSION (self), 0);

  hold = g_object_ref (self);
  process_due (self);

  if (!is_active (self) || (int) self->phase != self->wear_index)
    return 0;

  planned = lento_session_template_get_phase_seconds (self->template, self->phase);
  limit = lento_session_template_get_phase_max_seconds (self->template, self->phase);
  added = MIN (seconds, limit - planned - self->extension_seconds);

  if (added == 0)
    return 0;

  self->extension_seconds += added;
  self->save_pending = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_DURATION]);

  /* A cue beyond the old end may now be due, and the alarm must move. */
  process_due (self);

  return added;
}

static gboolean
end_early (LentoSession    *self,
           LentoSessionEnd  ended_by)
{
  g_autoptr(LentoSession) hold = NULL;
  gint64 now;

  if (!is_active (self))
    return FALSE;

  hold = g_object_ref (self);
  now = lento_clock_now (self->clock);
  account_silently (self, now);
  finish (self, ended_by, now);
  flush_save (self);

  return TRUE;
}

/**
 * lento_session_stop:
 * @self: a #LentoSession
 *
 * Ends the session early, the ordinary way.
 *
 * Returns: %TRUE if the session stopped
 */
gboolean
lento_session_stop (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  return end_early (self, LENTO_SESSION_END_STOPPED);
}

/**
 * lento_session_it_hurts:
 * @self: a #LentoSession
 *
 * Ends the session at once because it hurts. The result records sharp
 * pain, so that the journal entry opens with pain filled in and the coach
 * advises rest. No cue and no phase change is emitted on the way out.
 *
 * Returns: %TRUE if the session stopped
 */
gboolean
lento_session_it_hurts (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  return end_early (self, LENTO_SESSION_END_IT_HURTS);
}

/**
 * lento_session_mark_urge_faded:
 * @self: a #LentoSession
 *
 * Records the completed minutes of wear time at which the person felt the
 * urge fade. Allowed from the wear phase on, while the session runs or is
 * paused; pressing again replaces the earlier mark, since the urge may come
 * back.
 *
 * Returns: %TRUE if the mark was recorded
 */
gboolean
lento_session_mark_urge_faded (LentoSession *self)
{
  g_autoptr(LentoSession) hold = NULL;
  int minute;

  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  hold = g_object_ref (self);
  process_due (self);

  if (!is_active (self) || self->wear_index < 0 || (int) self->phase < self->wear_index)
    return FALSE;

  minute = (int) (wear_elapsed_at (self, lento_clock_now (self->clock)) / USEC (60));

  if (minute != self->urge_faded_minute)
    {
      self->urge_faded_minute = minute;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGE_FADED_MINUTE]);
    }

  self->save_pending = TRUE;
  flush_save (self);

  return TRUE;
}

/* Saving and restoring */

/**
 * lento_session_get_interrupted:
 * @self: a #LentoSession
 *
 * Whether this session was saved while running and brought back so long
 * afterwards that it could not still be going (more than
 * %LENTO_SESSION_STALE_MARGIN_USEC past its planned length). Such a
 * session comes back stopped, with the time known at its last save, so
 * that it can be recorded rather than resumed.
 *
 * Returns: %TRUE if the session was interrupted
 */
gboolean
lento_session_get_interrupted (LentoSession *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION (self), FALSE);

  return self->interrupted;
}

/**
 * lento_session_serialize:
 * @self: a #LentoSession
 *
 * Writes the session's state, anchored to this instant, for
 * lento_session_restore_from_json().
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
lento_session_serialize (LentoSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GEnumClass) state_class = NULL;
  g_autoptr(GEnumClass) end_class = NULL;
  gint64 now;

  g_return_val_if_fail (LENTO_IS_SESSION (self), NULL);

  state_class = g_type_class_ref (LENTO_TYPE_SESSION_STATE);
  end_class = g_type_class_ref (LENTO_TYPE_SESSION_END);
  now = lento_clock_now (self->clock);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SAVED_VERSION);
  json_builder_set_member_name (builder, "template");
  json_builder_add_string_value (builder, lento_session_template_get_id (self->template));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, g_enum_get_value (state_class, self->state)->value_nick);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_int_value (builder, self->phase);
  json_builder_set_member_name (builder, "next_cue");
  json_builder_add_int_value (builder, self->next_cue);
  json_builder_set_member_name (builder, "extension_seconds");
  json_builder_add_int_value (builder, self->extension_seconds);
  json_builder_set_member_name (builder, "urge_faded_minute");
  json_builder_add_int_value (builder, self->urge_faded_minute);
  json_builder_set_member_name (builder, "started_at_us");
  json_builder_add_int_value (builder, self->start_real);

  if (self->result != NULL)
    {
      json_builder_set_member_name (builder, "ended_by");
      json_builder_add_string_value (builder,
                                     g_enum_get_value (end_class,
                                                       self->result->ended_by)->value_nick);
      json_builder_set_member_name (builder, "ended_at_us");
      json_builder_add_int_value (builder,
                                  g_date_time_to_unix (self->result->end_time) * G_USEC_PER_SEC +
                                  g_date_time_get_microsecond (self->result->end_time));
    }

  /* The running segment is folded in, so that each number means "elapsed
   * as of the anchor below".
   */
  json_builder_set_member_name (builder, "elapsed_us");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_phases; i++)
    json_builder_add_int_value (builder,
                                i == self->phase ? raw_phase_elapsed (self, now)
                                                 : self->phase_elapsed[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "anchor");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "boot_id");
  json_builder_add_string_value (builder, lento_clock_get_boot_id (self->clock));
  json_builder_set_member_name (builder, "boottime_us");
  json_builder_add_int_value (builder, now);
  json_builder_set_member_name (builder, "realtime_us");
  json_builder_add_int_value (builder, lento_clock_now_real (self->clock));
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
saved_error (GError     **error,
             const char  *path)
{
  g_set_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION,
               _("The session in progress could not be resumed because its saved “%s” is not "
                 "valid. Please start a new session; your journal is not affected."),
               path);
  return FALSE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          const char  *path,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return saved_error (error, path);

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return saved_error (error, path);

  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *name,
           GType        type,
           int         *out,
           GError     **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  JsonNode *node = json_object_get_member (object, name);
  GEnumValue *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return saved_error (error, name);

  value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));
  if (value == NULL)
    return saved_error (error, name);

  *out = value->value;
  return TRUE;
}

/**
 * lento_session_peek_saved_template_id:
 * @node: a node written by lento_session_serialize()
 *
 * Tells which template a saved session ran, so that the caller can find it
 * before calling lento_session_restore_from_json().
 *
 * Returns: (transfer none) (nullable): the template id, or %NULL when @node
 *   does not look like a saved session
 */
const char *
lento_session_peek_saved_template_id (JsonNode *node)
{
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  member = json_object_get_member (json_node_get_object (node), "template");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

/**
 * lento_session_restore_from_json:
 * @template: the template the saved session ran
 * @clock: (nullable): the clock to read, or %NULL for the system clock
 * @node: a node written by lento_session_serialize()
 * @error: return location for a #LENTO_SESSION_ERROR_INVALID_SAVED_SESSION
 *   error naming the faulty field
 *
 * Brings a saved session back. A session saved while running counts the
 * time since it was saved as running time (see the top of this file for
 * how that time is measured). Events that fell due meanwhile are processed
 * on the next main-loop iteration (or fake clock advance), after the
 * caller has had the chance to connect to the signals.
 *
 * Returns: (transfer full): the session, or %NULL
 */
LentoSession *
lento_session_restore_from_json (LentoSessionTemplate  *template,
                                 LentoClock            *clock,
                                 JsonNode              *node,
                                 GError               **error)
{
  g_autoptr(LentoSession) self = NULL;
  JsonObject *object;
  JsonObject *anchor;
  JsonNode *member;
  JsonArray *elapsed;
  const char *boot_id;
  gint64 value;
  gint64 anchor_boottime;
  gint64 anchor_realtime;
  gint64 ended_at = 0;
  int state;
  int ended_by = LENTO_SESSION_END_STOPPED;
  guint n_phases;

  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (template), NULL);
  g_return_val_if_fail (clock == NULL || LENTO_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      saved_error (error, "(session)");
      return NULL;
    }

  object = json_node_get_object (node);
  self = lento_session_new (template, clock);
  n_phases = self->n_phases;

  if (!read_int (object, "version", "version", SAVED_VERSION, SAVED_VERSION, &value, error))
    return NULL;

  if (g_strcmp0 (lento_session_peek_saved_template_id (node),
                 lento_session_template_get_id (template)) != 0)
    {
      saved_error (error, "template");
      return NULL;
    }

  if (!read_enum (object, "state", LENTO_TYPE_SESSION_STATE, &state, error))
    return NULL;

  if (!read_int (object, "phase", "phase", 0, n_phases - 1, &value, error))
    return NULL;
  self->phase = (guint) value;

  if (!read_int (object, "next_cue", "next_cue", 0,
                 lento_session_template_get_n_cues (template, self->phase), &value, error))
    return NULL;
  self->next_cue = (guint) value;

  if (!read_int (object, "extension_seconds", "extension_seconds", 0,
                 self->wear_index < 0 ? 0 :
                 lento_session_template_get_phase_max_seconds (template, self->wear_index) -
                 lento_session_template_get_phase_seconds (template, self->wear_index),
                 &value, error))
    return NULL;
  self->extension_seconds = (guint) value;

  if (!read_int (object, "urge_faded_minute", "urge_faded_minute", -1,
                 LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS / 60, &value, error))
    return NULL;
  self->urge_faded_minute = (int) value;

  if (!read_int (object, "started_at_us", "started_at_us", 0, G_MAXINT64, &value, error))
    return NULL;
  self->start_real = value;

  member = json_object_get_member (object, "elapsed_us");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) ||
      json_array_get_length (json_node_get_array (member)) != n_phases)
    {
      saved_error (error, "elapsed_us");
      return NULL;
    }

  elapsed = json_node_get_array (member);
  for (guint i = 0; i < n_phases; i++)
    {
      JsonNode *element = json_array_get_element (elapsed, i);
      gint64 limit = lento_session_template_get_phase_max_seconds (template, i);
      g_autofree char *path = g_strdup_printf ("elapsed_us[%u]", i);

      /* The current phase may have run past its end while nobody was
       * there to notice; the others are within their length.
       */
      if (i == self->phase && state == LENTO_SESSION_STATE_RUNNING)
        limit = G_MAXINT64 / 4;
      else
        limit *= G_USEC_PER_SEC;

      if (json_node_get_value_type (element) != G_TYPE_INT64 ||
          json_node_get_int (element) < 0 || json_node_get_int (element) > limit)
        {
          saved_error (error, path);
          return NULL;
        }

      self->phase_elapsed[i] = json_node_get_int (element);
    }

  member = json_object_get_member (object, "anchor");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      saved_error (error, "anchor");
      return NULL;
    }

  anchor = json_node_get_object (member);
  member = json_object_get_member (anchor, "boot_id");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      saved_error (error, "anchor.boot_id");
      return NULL;
    }
  boot_id = json_node_get_string (member);

  if (!read_int (anchor, "boottime_us", "anchor.boottime_us", 0, G_MAXINT64,
                 &anchor_boottime, error) ||
      !read_int (anchor, "realtime_us", "anchor.realtime_us", G_MININT64, G_MAXINT64,
                 &anchor_realtime, error))
    return NULL;

  if (state == LENTO_SESSION_STATE_FINISHED || state == LENTO_SESSION_STATE_STOPPED)
    {
      if (!read_enum (object, "ended_by", LENTO_TYPE_SESSION_END, &ended_by, error) ||
          !read_int (object, "ended_at_us", "ended_at_us", G_MININT64, G_MAXINT64,
                     &ended_at, error))
        return NULL;

      if ((state == LENTO_SESSION_STATE_FINISHED) != (ended_by == LENTO_SESSION_END_COMPLETED))
        {
          saved_error (error, "ended_by");
          return NULL;
        }
    }

  self->state = state;

  if (state == LENTO_SESSION_STATE_RUNNING)
    {
      gint64 now = lento_clock_now (self->clock);
      gint64 away;

      if (g_strcmp0 (boot_id, lento_clock_get_boot_id (self->clock)) == 0)
        away = now - anchor_boottime;
      else
        away = lento_clock_now_real (self->clock) - anchor_realtime;

      gint64 planned = ((gint64) lento_session_template_get_total_seconds (template) +
                        self->extension_seconds) * G_USEC_PER_SEC;
      gint64 total;

      /* A wall clock set back, or a boot time that went backwards (which
       * would mean a mislabelled boot), cannot give a person negative time.
       */
      away = MAX (away, 0);
      self->segment_start = now - away;

      /* Gone for longer than the whole session could still be running:
       * nobody knows what happened after the save, so the session is not
       * resumed (and not called completed); it ends where the saved state
       * ends, and the person is offered to record it.
       */
      total = away;
      for (guint i = 0; i < n_phases; i++)
        total += self->phase_elapsed[i];

      if (total > planned + LENTO_SESSION_STALE_MARGIN_USEC)
        {
          self->segment_start = now;
          self->state = LENTO_SESSION_STATE_STOPPED;
          self->interrupted = TRUE;
          self->result = build_result (self, LENTO_SESSION_END_STOPPED, anchor_realtime);
        }
      else
        reschedule (self);
    }
  else if (state == LENTO_SESSION_STATE_FINISHED || state == LENTO_SESSION_STATE_STOPPED)
    {
      self->result = build_result (self, ended_by, ended_at);
    }

  return g_steal_pointer (&self);
}
