/* lento-practice-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-practice.h"

G_BEGIN_DECLS

/* Members of the profile document besides "format" and "inventory". */
#define PROFILE_WEEKDAYS "plan-weekdays"
#define PROFILE_SKIPPED_DAY "plan-skipped-day"
#define PROFILE_SESSION "session"
/* The UUID of the entry that records it, so that a restart records it once. */
#define PROFILE_SESSION_ENTRY "session-entry"

/* Shared by lento-practice.c (the journal, the profile and today's
 * recommendation) and lento-practice-session.c (the session of the day).
 */
struct _LentoPractice
{
  GObject              parent_instance;

  /* Owned */
  LentoVault          *vault;
  LentoClock          *clock;
  LentoProgram        *program;
  LentoJournal        *journal;
  LentoInventory      *inventory;
  JsonObject          *profile;
  GCancellable        *cancellable;
  LentoRecommendation *recommendation;

  /* The session of the day: running, or ended and not yet in the journal.
   * It outlives a lock; the journal and the profile do not.
   */
  LentoSession        *session;
  LentoSessionResult  *result;
  /* The entry that records @result, made once so that its UUID is known:
   * the result is put away when the journal holds an entry with it.
   */
  LentoEntry          *result_entry;
  /* The journal's entry for a session that hurt, as the practice added it.
   * The session stays on its done page until it is closed or that entry is
   * saved again from the editor (another object with the same UUID).
   */
  LentoEntry          *kept_entry;

  /* Asks the coach again when the day changes. */
  guint                midnight_alarm;
  guint                save_journal_id;
  guint                save_profile_id;
  guint                loaded : 1;
  /* A profile that did not open is never written over. */
  guint                profile_damaged : 1;
  /* The session changed while the profile could not be written: its
   * state (or its absence) goes into the profile once the journal opens.
   */
  guint                session_unsaved : 1;
  /* A session ended while locked: "session-ended" is said once it opens. */
  guint                ended_while_locked : 1;
  /* A view shows the journal's rows: it loads the newest first. */
  guint                journal_shown : 1;
};

enum {
  PRACTICE_PROP_0,
  PRACTICE_PROP_VAULT,
  PRACTICE_PROP_CLOCK,
  PRACTICE_PROP_PROGRAM,
  PRACTICE_PROP_JOURNAL,
  PRACTICE_PROP_INVENTORY,
  PRACTICE_PROP_LOADED,
  PRACTICE_PROP_READ_ONLY,
  PRACTICE_PROP_WEEKDAYS,
  PRACTICE_PROP_SKIPPED_DAY,
  PRACTICE_PROP_RECOMMENDATION,
  PRACTICE_PROP_START,
  PRACTICE_PROP_SESSION,
  PRACTICE_PROP_RESULT,
  PRACTICE_N_PROPS
};

enum {
  PRACTICE_SIGNAL_ERROR,
  PRACTICE_SIGNAL_SESSION_ENDED,
  PRACTICE_N_SIGNALS
};

extern GParamSpec *_lento_practice_properties [PRACTICE_N_PROPS];
extern guint _lento_practice_signals [PRACTICE_N_SIGNALS];

void _lento_practice_emit_error      (LentoPractice *self,
                                      const GError  *error);
void _lento_practice_recompute       (LentoPractice *self);
void _lento_practice_save_profile    (LentoPractice *self);
void _lento_practice_session_opened  (LentoPractice *self);
void _lento_practice_session_journal_changed (LentoPractice *self);
void _lento_practice_session_dispose (LentoPractice *self);

/* The profile document, read without a vault (the fuzzer reads it too). */
JsonObject     *_lento_practice_parse_profile   (GBytes      *bytes,
                                                 GError     **error);
LentoInventory *_lento_practice_parse_inventory (JsonObject  *profile,
                                                 GError     **error);
guint           _lento_practice_profile_uint    (JsonObject  *profile,
                                                 const char  *member,
                                                 guint        mask);

G_END_DECLS
