/* lento-session-result-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-session-result.h"

G_BEGIN_DECLS

/* A session builds its result when it ends and reads it back when it is
 * saved, so the fields are open to it here; everyone else has the getters.
 */
struct _LentoSessionResult
{
  grefcount ref_count;
  char *template_id;
  GDateTime *start_time;
  GDateTime *end_time;
  guint total_seconds;
  guint wear_seconds;
  int urge_faded_minute;
  LentoSessionEnd ended_by;
  LentoPhaseKind last_phase_kind;
};

G_END_DECLS
