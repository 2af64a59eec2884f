/* lento-session.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session"

#include "config.h"

#include "lento-session-private.h"

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
gint64
_lento_session_raw_phase_elapsed (LentoSession *self,
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
  return MIN (_lento_session_raw_phase_elapsed (self, now), phase_duration (self, self->phase));
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

void
_lento_session_reschedule (LentoSession *self)
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

LentoSessionResult *
_lento_session_build_result (LentoSession    *self,
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
  self->result = _lento_session_build_result (self, ended_by, end_real);
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
      gint64 elapsed = _lento_session_raw_phase_elapsed (self, now);
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
  _lento_session_reschedule (self);
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

      if (_lento_session_raw_phase_elapsed (self, now) < duration)
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
  _lento_session_reschedule (self);
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
