/* lento-session-result.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lento-session-template.h"

G_BEGIN_DECLS

/* How a session ended. */
typedef enum {
  LENTO_SESSION_END_COMPLETED,
  LENTO_SESSION_END_STOPPED,
  LENTO_SESSION_END_IT_HURTS,
} LentoSessionEnd;

#define LENTO_TYPE_SESSION_END (lento_session_end_get_type ())
GType lento_session_end_get_type (void) G_GNUC_CONST;

#define LENTO_TYPE_SESSION_RESULT (lento_session_result_get_type ())

typedef struct _LentoSessionResult LentoSessionResult;

GType               lento_session_result_get_type              (void) G_GNUC_CONST;
LentoSessionResult *lento_session_result_ref                   (LentoSessionResult *self);
void                lento_session_result_unref                 (LentoSessionResult *self);
const char         *lento_session_result_get_template_id       (LentoSessionResult *self);
GDateTime          *lento_session_result_get_start_time        (LentoSessionResult *self);
GDateTime          *lento_session_result_get_end_time          (LentoSessionResult *self);
guint               lento_session_result_get_total_seconds     (LentoSessionResult *self);
guint               lento_session_result_get_wear_seconds      (LentoSessionResult *self);
int                 lento_session_result_get_urge_faded_minute (LentoSessionResult *self);
LentoSessionEnd     lento_session_result_get_ended_by          (LentoSessionResult *self);
gboolean            lento_session_result_get_sharp_pain        (LentoSessionResult *self);
LentoPhaseKind      lento_session_result_get_last_phase_kind   (LentoSessionResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoSessionResult, lento_session_result_unref)

G_END_DECLS
