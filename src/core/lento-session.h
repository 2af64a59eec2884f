/* lento-session.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "lento-clock.h"
#include "lento-session-result.h"
#include "lento-session-template.h"

G_BEGIN_DECLS

typedef enum {
  LENTO_SESSION_STATE_IDLE,
  LENTO_SESSION_STATE_RUNNING,
  LENTO_SESSION_STATE_PAUSED,
  LENTO_SESSION_STATE_FINISHED,
  LENTO_SESSION_STATE_STOPPED,
} LentoSessionState;

#define LENTO_TYPE_SESSION_STATE (lento_session_state_get_type ())
GType lento_session_state_get_type (void) G_GNUC_CONST;

/* A cue that was due more than this long ago when the session woke up
 * (after a suspend, say) is dropped rather than shown late; see
 * lento-session.c for the whole rule.
 */
#define LENTO_SESSION_CUE_GRACE_USEC (2 * G_USEC_PER_SEC)

/* A session saved while running and restored when its total would pass
 * its planned length by more than this is not resumed but comes back
 * stopped and interrupted; see lento_session_restore_from_json().
 */
#define LENTO_SESSION_STALE_MARGIN_USEC ((gint64) 30 * 60 * G_USEC_PER_SEC)

#define LENTO_TYPE_SESSION (lento_session_get_type ())

G_DECLARE_FINAL_TYPE (LentoSession, lento_session, LENTO, SESSION, GObject)

LentoSession         *lento_session_new                   (LentoSessionTemplate  *template,
                                                           LentoClock            *clock);
LentoSession         *lento_session_restore_from_json     (LentoSessionTemplate  *template,
                                                           LentoClock            *clock,
                                                           JsonNode              *node,
                                                           GError               **error);
const char           *lento_session_peek_saved_template_id (JsonNode             *node);
gboolean              lento_session_peek_saved_cue_context (JsonNode             *node,
                                                           LentoCueContext      *context);
JsonNode             *lento_session_serialize             (LentoSession          *self);
LentoSessionTemplate *lento_session_get_template          (LentoSession          *self);
LentoClock           *lento_session_get_clock             (LentoSession          *self);
LentoSessionState     lento_session_get_state             (LentoSession          *self);
guint                 lento_session_get_phase_index       (LentoSession          *self);
LentoPhaseKind        lento_session_get_phase_kind        (LentoSession          *self);
gint64                lento_session_get_phase_elapsed     (LentoSession          *self);
gint64                lento_session_get_phase_duration    (LentoSession          *self);
gint64                lento_session_get_phase_remaining   (LentoSession          *self);
gint64                lento_session_get_total_elapsed     (LentoSession          *self);
gint64                lento_session_get_wear_elapsed      (LentoSession          *self);
int                   lento_session_get_urge_faded_minute (LentoSession          *self);
GDateTime            *lento_session_get_start_time        (LentoSession          *self);
LentoSessionResult   *lento_session_get_result            (LentoSession          *self);
gboolean              lento_session_start                 (LentoSession          *self);
gboolean              lento_session_pause                 (LentoSession          *self);
gboolean              lento_session_resume                (LentoSession          *self);
gboolean              lento_session_skip                  (LentoSession          *self);
guint                 lento_session_extend                (LentoSession          *self,
                                                           guint                  seconds);
gboolean              lento_session_stop                  (LentoSession          *self);
gboolean              lento_session_it_hurts              (LentoSession          *self);
gboolean              lento_session_mark_urge_faded       (LentoSession          *self);
gboolean              lento_session_get_interrupted       (LentoSession          *self);

G_END_DECLS
