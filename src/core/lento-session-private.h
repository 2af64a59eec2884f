/* lento-session-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-session.h"
#include "lento-session-result-private.h"

G_BEGIN_DECLS

/* lento-session.c runs a session; lento-session-save.c writes its state
 * down and brings it back, which reaches into every field.
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

gint64              _lento_session_raw_phase_elapsed (LentoSession    *self,
                                                      gint64           now);
void                _lento_session_reschedule        (LentoSession    *self);
LentoSessionResult *_lento_session_build_result      (LentoSession    *self,
                                                      LentoSessionEnd  ended_by,
                                                      gint64           end_real);

G_END_DECLS
