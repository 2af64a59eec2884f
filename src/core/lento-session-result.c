/* lento-session-result.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session-result"

#include "config.h"

#include "lento-session-result-private.h"

G_DEFINE_ENUM_TYPE (LentoSessionEnd, lento_session_end,
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_END_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_END_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (LENTO_SESSION_END_IT_HURTS, "it-hurts"))

G_DEFINE_BOXED_TYPE (LentoSessionResult, lento_session_result,
                     lento_session_result_ref, lento_session_result_unref)

/**
 * lento_session_result_ref:
 * @self: a #LentoSessionResult
 *
 * Returns: (transfer full): @self
 */
LentoSessionResult *
lento_session_result_ref (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * lento_session_result_unref:
 * @self: (transfer full): a #LentoSessionResult
 */
void
lento_session_result_unref (LentoSessionResult *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_free (self->template_id);
      g_clear_pointer (&self->start_time, g_date_time_unref);
      g_clear_pointer (&self->end_time, g_date_time_unref);
      g_free (self);
    }
}

/**
 * lento_session_result_get_template_id:
 * @self: a #LentoSessionResult
 *
 * Returns: (transfer none): the id of the template the session ran
 */
const char *
lento_session_result_get_template_id (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->template_id;
}

/**
 * lento_session_result_get_start_time:
 * @self: a #LentoSessionResult
 *
 * Returns: (transfer none): when the session started, in UTC
 */
GDateTime *
lento_session_result_get_start_time (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->start_time;
}

/**
 * lento_session_result_get_end_time:
 * @self: a #LentoSessionResult
 *
 * Returns: (transfer none): when the session ended, in UTC
 */
GDateTime *
lento_session_result_get_end_time (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->end_time;
}

/**
 * lento_session_result_get_total_seconds:
 * @self: a #LentoSessionResult
 *
 * Returns: the time spent in all phases, pauses not counted
 */
guint
lento_session_result_get_total_seconds (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total_seconds;
}

/**
 * lento_session_result_get_wear_seconds:
 * @self: a #LentoSessionResult
 *
 * Returns: the time spent in the wear phase, pauses not counted
 */
guint
lento_session_result_get_wear_seconds (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->wear_seconds;
}

/**
 * lento_session_result_get_urge_faded_minute:
 * @self: a #LentoSessionResult
 *
 * Returns: the completed minutes of wear time when the person said the urge
 *   had faded, or -1 when they did not
 */
int
lento_session_result_get_urge_faded_minute (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->urge_faded_minute;
}

/**
 * lento_session_result_get_ended_by:
 * @self: a #LentoSessionResult
 *
 * Returns: how the session ended
 */
LentoSessionEnd
lento_session_result_get_ended_by (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, LENTO_SESSION_END_STOPPED);

  return self->ended_by;
}

/**
 * lento_session_result_get_sharp_pain:
 * @self: a #LentoSessionResult
 *
 * Returns: %TRUE when the session ended because it hurt: the journal entry
 *   should record sharp pain and the coach advise rest
 */
gboolean
lento_session_result_get_sharp_pain (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ended_by == LENTO_SESSION_END_IT_HURTS;
}

/**
 * lento_session_result_get_last_phase_kind:
 * @self: a #LentoSessionResult
 *
 * Returns: the phase the session was in when it ended
 */
LentoPhaseKind
lento_session_result_get_last_phase_kind (LentoSessionResult *self)
{
  g_return_val_if_fail (self != NULL, LENTO_PHASE_KIND_SETTLE);

  return self->last_phase_kind;
}
