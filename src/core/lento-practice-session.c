/* lento-practice-session.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-practice"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-json.h"
#include "lento-practice-private.h"

/* The session of the day, as LentoPractice keeps it.
 *
 * It starts only where the plan allows: today's session, or on a day
 * without one a session started on purpose; never while resting after
 * pain or while the plan waits for a clinician. It belongs to the practice,
 * not to a view, so it goes on behind the lock, and every view shows the
 * same one.
 *
 * Its state is kept in the encrypted profile ("session") as it goes, so a
 * restart takes it up again; while the journal is locked there is nowhere
 * to write, and the state is written once it opens.
 *
 * When it ends, its result waits to be recorded: the person fills in how it
 * felt and saves the entry, or puts it away on purpose. A session stopped
 * because it hurt is recorded at once (or as soon as the journal opens):
 * the coach must see it whatever the person does next.
 */

#define properties _lento_practice_properties
#define signals _lento_practice_signals

LentoSession *
lento_practice_get_session (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->session;
}

/**
 * lento_practice_get_result:
 *
 * Returns: (transfer none) (nullable): how the session of the day ended,
 *   while it waits to be recorded
 */
LentoSessionResult *
lento_practice_get_result (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->result;
}

/**
 * lento_practice_get_start:
 *
 * Returns: whether a session may start now: %LENTO_PRACTICE_START_NOW on a
 *   session day, %LENTO_PRACTICE_START_ANYWAY on a rest day or a day already
 *   done, %LENTO_PRACTICE_START_NO while locked, read-only, with a session
 *   of the day still open, resting after pain, or waiting for a clinician
 */
LentoPracticeStart
lento_practice_get_start (LentoPractice *self)
{
  LentoRecommendation *rec;

  g_return_val_if_fail (LENTO_IS_PRACTICE (self), LENTO_PRACTICE_START_NO);

  rec = self->recommendation;
  if (rec == NULL || self->session != NULL || lento_practice_get_read_only (self))
    return LENTO_PRACTICE_START_NO;

  switch (lento_recommendation_get_kind (rec))
    {
    case LENTO_RECOMMENDATION_SEE_CLINICIAN:
      return LENTO_PRACTICE_START_NO;

    case LENTO_RECOMMENDATION_REST:
      if (lento_recommendation_find_reason (rec, LENTO_REASON_REST_AFTER_INJURY) != NULL)
        return LENTO_PRACTICE_START_NO;
      return LENTO_PRACTICE_START_ANYWAY;

    case LENTO_RECOMMENDATION_SESSION:
    case LENTO_RECOMMENDATION_HOLD:
    case LENTO_RECOMMENDATION_STEP_BACK:
    case LENTO_RECOMMENDATION_ADVANCE:
    default:
      return LENTO_PRACTICE_START_NOW;
    }
}

/**
 * lento_entry_new_for_result:
 * @result: how a session ended
 * @uuid: (nullable): the entry's UUID, or %NULL for a new one
 * @recommendation: (nullable): what the plan suggested for it
 * @program: (nullable): the plan, for the pain level it steps back at
 *
 * Makes the journal entry for a session: what the timer knows and what the
 * plan suggested. How it felt is left unanswered for the person; a session
 * stopped because it hurt starts at the plan's step-back pain, for the
 * person to set as it really was.
 *
 * Returns: (transfer full): a new entry
 */
LentoEntry *
lento_entry_new_for_result (LentoSessionResult  *result,
                            const char          *uuid,
                            LentoRecommendation *recommendation,
                            LentoProgram        *program)
{
  LentoEntry *entry;
  int urge;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (uuid == NULL || g_uuid_string_is_valid (uuid), NULL);
  g_return_val_if_fail (recommendation == NULL || LENTO_IS_RECOMMENDATION (recommendation),
                        NULL);
  g_return_val_if_fail (program == NULL || LENTO_IS_PROGRAM (program), NULL);

  entry = g_object_new (LENTO_TYPE_ENTRY,
                        "uuid", uuid,
                        "start", lento_session_result_get_start_time (result),
                        NULL);
  lento_entry_set_duration (entry, lento_session_result_get_total_seconds (result));
  lento_entry_set_wear (entry, lento_session_result_get_wear_seconds (result));

  if (lento_session_result_get_sharp_pain (result))
    {
      lento_entry_set_sharp_pain (entry, TRUE);
      if (program != NULL)
        lento_entry_set_pain (entry, lento_program_get_rules (program)->step_back_min_pain);
    }

  urge = lento_session_result_get_urge_faded_minute (result);
  if (urge >= 0)
    lento_entry_set_urge_faded (entry, urge);

  if (recommendation != NULL)
    {
      lento_entry_set_stage (entry, lento_recommendation_get_stage (recommendation));
      lento_entry_set_tool (entry, lento_recommendation_get_tool (recommendation));
      if (lento_recommendation_get_diameter (recommendation) > 0)
        lento_entry_set_diameter (entry, lento_recommendation_get_diameter (recommendation));
      lento_entry_set_lube (entry, lento_recommendation_get_lube (recommendation));
    }

  return entry;
}

static gboolean
can_write (LentoPractice *self)
{
  return self->loaded && self->profile != NULL && !self->profile_damaged;
}

/* Keeps the session's state in the profile, or takes it out once the
 * session is put away.
 */
static void
save_session (LentoPractice *self)
{
  if (!can_write (self))
    {
      self->session_unsaved = TRUE;
      return;
    }

  self->session_unsaved = FALSE;
  if (self->result_entry != NULL)
    json_object_set_string_member (self->profile, PROFILE_SESSION_ENTRY,
                                   lento_entry_get_uuid (self->result_entry));
  else if (json_object_has_member (self->profile, PROFILE_SESSION_ENTRY))
    json_object_remove_member (self->profile, PROFILE_SESSION_ENTRY);

  if (self->session != NULL)
    json_object_set_member (self->profile, PROFILE_SESSION,
                            lento_session_serialize (self->session));
  else if (json_object_has_member (self->profile, PROFILE_SESSION))
    json_object_remove_member (self->profile, PROFILE_SESSION);
  else
    return;

  _lento_practice_save_profile (self);
}

static LentoEntry *
lookup_result_entry (LentoPractice *self)
{
  if (self->result_entry == NULL || self->journal == NULL)
    return NULL;

  return lento_journal_lookup (self->journal, lento_entry_get_uuid (self->result_entry));
}

/* Recorded by the person: the journal holds an entry with the session's
 * UUID that the person saved, not only the one the practice kept for them.
 */
static gboolean
result_is_recorded (LentoPractice *self)
{
  LentoEntry *recorded = lookup_result_entry (self);

  return recorded != NULL && recorded != self->kept_entry;
}

static void
clear_session (LentoPractice *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->result, lento_session_result_unref);
  g_clear_object (&self->result_entry);
  g_clear_object (&self->kept_entry);
  self->ended_while_locked = FALSE;
}

/* The session is in the journal, or put away: nothing is left to record
 * it a second time, now or after a restart.
 */
static void
put_away (LentoPractice *self)
{
  clear_session (self);
  save_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_RESULT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_START]);
}

static LentoEntry *
ensure_result_entry (LentoPractice *self)
{
  g_assert (self->result != NULL);

  if (self->result_entry == NULL)
    self->result_entry = lento_entry_new_for_result (self->result, NULL, self->recommendation,
                                                     self->program);
  return self->result_entry;
}

/* A session that hurt goes into the journal as soon as there is one. */
static void
record_if_it_hurt (LentoPractice *self,
                   LentoEntry    *entry)
{
  if (self->result == NULL || !lento_session_result_get_sharp_pain (self->result)
      || self->journal == NULL || !self->loaded || lento_practice_get_read_only (self)
      || self->kept_entry != NULL || lookup_result_entry (self) != NULL)
    return;

  g_set_object (&self->kept_entry, entry);
  lento_journal_add (self->journal, entry);
  save_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_RESULT]);
}

/* Says that the session ended, with the entry to fill in. */
static void
announce_end (LentoPractice *self)
{
  g_autoptr(LentoEntry) entry = lento_practice_dup_result_entry (self);

  self->ended_while_locked = FALSE;
  record_if_it_hurt (self, entry);
  save_session (self);
  g_signal_emit (self, signals [PRACTICE_SIGNAL_SESSION_ENDED], 0, entry);
}

static void
session_finished_cb (LentoPractice      *self,
                     LentoSessionResult *result)
{
  g_clear_pointer (&self->result, lento_session_result_unref);
  self->result = lento_session_result_ref (result);
  g_clear_object (&self->result_entry);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_RESULT]);

  if (!self->loaded)
    self->ended_while_locked = TRUE;
  else
    announce_end (self);
}

/* Takes @session (transfer full) as the session of the day. */
static void
set_session (LentoPractice *self,
             LentoSession  *session)
{
  LentoSessionResult *result;

  clear_session (self);
  self->session = session;
  g_signal_connect_object (session, "save-needed", G_CALLBACK (save_session), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "finished", G_CALLBACK (session_finished_cb), self,
                           G_CONNECT_SWAPPED);

  /* A session brought back already ended will not say so again. */
  result = lento_session_get_result (session);
  if (result != NULL)
    self->result = lento_session_result_ref (result);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_RESULT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_START]);
}

/**
 * lento_practice_start_session:
 * @anyway: %TRUE to start on a day the plan has no session for, which the
 *   person chose on purpose
 *
 * Starts today's session from the plan's template, with the cues that fit
 * its tool and the plan's warm-up, where lento_practice_get_start() allows
 * it.
 *
 * Returns: %TRUE if a session started
 */
gboolean
lento_practice_start_session (LentoPractice *self,
                              gboolean       anyway)
{
  g_autoptr(LentoSessionTemplate) template = NULL;
  LentoPracticeStart start;

  g_return_val_if_fail (LENTO_IS_PRACTICE (self), FALSE);

  start = lento_practice_get_start (self);
  if (start == LENTO_PRACTICE_START_NO || (start == LENTO_PRACTICE_START_ANYWAY && !anyway))
    return FALSE;

  template = lento_program_dup_session_template (self->program, self->recommendation,
                                                self->inventory);
  if (template == NULL)
    return FALSE;

  set_session (self, lento_session_new (template, self->clock));
  lento_session_start (self->session);
  save_session (self);

  return TRUE;
}

/**
 * lento_practice_dup_result_entry:
 *
 * The entry that records the session of the day, for the editor: the one
 * in the journal if it is there already (a session that hurt), or a new
 * one filled in from the session and the plan. Saving an entry with its
 * UUID to the journal puts the session away.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL without an
 *   ended session
 */
LentoEntry *
lento_practice_dup_result_entry (LentoPractice *self)
{
  LentoEntry *recorded;

  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  if (self->result == NULL)
    return NULL;

  ensure_result_entry (self);
  if ((recorded = lookup_result_entry (self)) != NULL)
    return g_object_ref (recorded);

  return lento_entry_copy (self->result_entry);
}

/**
 * lento_practice_get_result_kept:
 *
 * Returns: %TRUE when the ended session is in the journal already (one that
 *   hurt, which the practice records by itself), so that putting it away
 *   loses nothing
 */
gboolean
lento_practice_get_result_kept (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), FALSE);

  return self->kept_entry != NULL;
}

/**
 * lento_practice_discard_result:
 *
 * Puts an ended session away without recording it, when the person chose
 * to. A session that hurt is never put away before it is in the journal:
 * behind the lock it waits for the journal to open.
 *
 * Returns: %TRUE if the session was put away
 */
gboolean
lento_practice_discard_result (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), FALSE);

  if (self->result == NULL
      || (lento_session_result_get_sharp_pain (self->result) && self->kept_entry == NULL))
    return FALSE;

  put_away (self);
  return TRUE;
}

static void
restore_session (LentoPractice *self)
{
  g_autoptr(LentoSessionTemplate) template = NULL;
  g_autoptr(LentoSessionTemplate) selected = NULL;
  g_autoptr(GError) error = NULL;
  LentoCueContext context;
  LentoSession *session;
  JsonNode *node;
  const char *template_id;
  const char *uuid;

  node = json_object_get_member (self->profile, PROFILE_SESSION);
  template_id = lento_session_peek_saved_template_id (node);
  if (self->program != NULL && template_id != NULL)
    template = lento_program_dup_template (self->program, template_id);

  /* The same cues as when it started; a session saved before cues had
   * contexts gets the ones that fit today.
   */
  if (template != NULL)
    {
      if (!lento_session_peek_saved_cue_context (node, &context))
        context = self->recommendation != NULL
                  ? lento_program_get_cue_context (self->program, self->recommendation,
                                                   self->inventory)
                  : LENTO_CUE_CONTEXT_NONE;
      selected = lento_session_template_select_cues (template, context);
    }

  if (selected == NULL)
    {
      g_set_error_literal (&error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION,
                           _("The session in progress could not be resumed because the plan "
                             "no longer has it."));
      _lento_practice_emit_error (self, error);
      return;
    }

  session = lento_session_restore_from_json (selected, self->clock, node, &error);
  if (session == NULL)
    {
      _lento_practice_emit_error (self, error);
      return;
    }

  set_session (self, session);

  /* The entry keeps the UUID it had, so that it is recorded once. */
  uuid = lento_json_get_string (self->profile, PROFILE_SESSION_ENTRY);
  if (self->result != NULL && uuid != NULL && g_uuid_string_is_valid (uuid))
    {
      self->result_entry = lento_entry_new_for_result (self->result, uuid, self->recommendation,
                                                       self->program);
      if (lento_session_result_get_sharp_pain (self->result))
        g_set_object (&self->kept_entry, lookup_result_entry (self));
    }
}

/* The journal is open: a session saved before Lento last closed comes back
 * (going on, or waiting to be recorded); one that went on behind the lock
 * is saved as it is now; one that ended behind the lock is said, and
 * recorded if it hurt.
 */
void
_lento_practice_session_opened (LentoPractice *self)
{
  if (self->session != NULL || self->session_unsaved)
    save_session (self);
  else if (self->profile != NULL && json_object_has_member (self->profile, PROFILE_SESSION))
    restore_session (self);

  if (self->result == NULL)
    return;

  if (self->ended_while_locked)
    {
      announce_end (self);
    }
  else
    {
      g_autoptr(LentoEntry) entry = lento_practice_dup_result_entry (self);

      record_if_it_hurt (self, entry);
    }
}

void
_lento_practice_session_journal_changed (LentoPractice *self)
{
  if (self->result != NULL && result_is_recorded (self))
    put_away (self);
}

void
_lento_practice_session_dispose (LentoPractice *self)
{
  clear_session (self);
}
