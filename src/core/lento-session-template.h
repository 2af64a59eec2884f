/* lento-session-template.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LENTO_SESSION_ERROR (lento_session_error_quark ())

/* Every way reading a session template or a saved session can fail. */
typedef enum {
  LENTO_SESSION_ERROR_INVALID_TEMPLATE,
  LENTO_SESSION_ERROR_INVALID_SAVED_SESSION,
} LentoSessionError;

GQuark lento_session_error_quark (void);

/* The phases of a session, in the order they always come. */
typedef enum {
  LENTO_PHASE_KIND_SETTLE,
  LENTO_PHASE_KIND_WARM_UP,
  LENTO_PHASE_KIND_ENTRY,
  LENTO_PHASE_KIND_WEAR,
  LENTO_PHASE_KIND_COOL_DOWN,
  LENTO_PHASE_KIND_AFTERCARE,
} LentoPhaseKind;

#define LENTO_TYPE_PHASE_KIND (lento_phase_kind_get_type ())
GType       lento_phase_kind_get_type    (void) G_GNUC_CONST;
const char *lento_phase_kind_to_string   (LentoPhaseKind  kind);
gboolean    lento_phase_kind_from_string (const char     *string,
                                          LentoPhaseKind *kind);

/* Which sessions a cue of a template is for. A cue about a tool's base,
 * say, has no place in a session with a finger.
 */
typedef enum {
  LENTO_CUE_WHEN_ALWAYS,
  LENTO_CUE_WHEN_FINGER,        /* the session's tool is a finger */
  LENTO_CUE_WHEN_TOOL,          /* the session's tool is inserted: a trainer, plug or dilator */
  LENTO_CUE_WHEN_WARM_UP_SIZE,  /* the plan names a size to warm up on first */
} LentoCueWhen;

#define LENTO_TYPE_CUE_WHEN (lento_cue_when_get_type ())
GType       lento_cue_when_get_type    (void) G_GNUC_CONST;
const char *lento_cue_when_to_string   (LentoCueWhen  when);
gboolean    lento_cue_when_from_string (const char   *string,
                                        LentoCueWhen *when);

/* What one session holds that its cues depend on. */
typedef enum {
  LENTO_CUE_CONTEXT_NONE         = 0,
  LENTO_CUE_CONTEXT_FINGER       = 1 << 0,  /* the tool is a finger */
  LENTO_CUE_CONTEXT_WARM_UP_SIZE = 1 << 1,  /* a warm-up size comes first */
} LentoCueContext;

#define LENTO_TYPE_CUE_CONTEXT (lento_cue_context_get_type ())
GType lento_cue_context_get_type (void) G_GNUC_CONST;

/* The longest any one phase may last, in seconds: far above what a plan
 * asks, low enough that a typing mistake in the plan file is caught.
 */
#define LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS (2 * 60 * 60)

#define LENTO_TYPE_SESSION_TEMPLATE (lento_session_template_get_type ())

G_DECLARE_FINAL_TYPE (LentoSessionTemplate, lento_session_template, LENTO, SESSION_TEMPLATE,
                      GObject)

LentoSessionTemplate *lento_session_template_new             (const char           *id,
                                                              const char           *title);
LentoSessionTemplate *lento_session_template_new_from_json   (JsonNode             *node,
                                                              GError              **error);
guint                 lento_session_template_add_phase       (LentoSessionTemplate *self,
                                                              LentoPhaseKind        kind,
                                                              guint                 seconds,
                                                              guint                 max_seconds);
void                  lento_session_template_add_cue         (LentoSessionTemplate *self,
                                                              guint                 phase,
                                                              guint                 at,
                                                              const char           *cue_id);
void                  lento_session_template_add_cue_when    (LentoSessionTemplate *self,
                                                              guint                 phase,
                                                              guint                 at,
                                                              const char           *cue_id,
                                                              LentoCueWhen          when);
LentoSessionTemplate *lento_session_template_select_cues     (LentoSessionTemplate *self,
                                                              LentoCueContext       context);
gboolean              lento_session_template_get_context     (LentoSessionTemplate *self,
                                                              LentoCueContext      *context);
const char           *lento_session_template_get_id          (LentoSessionTemplate *self);
const char           *lento_session_template_get_title       (LentoSessionTemplate *self);
guint                 lento_session_template_get_n_phases    (LentoSessionTemplate *self);
int                   lento_session_template_find_phase      (LentoSessionTemplate *self,
                                                              LentoPhaseKind        kind);
guint                 lento_session_template_get_total_seconds (LentoSessionTemplate *self);
LentoPhaseKind        lento_session_template_get_phase_kind  (LentoSessionTemplate *self,
                                                              guint                 phase);
guint                 lento_session_template_get_phase_seconds (LentoSessionTemplate *self,
                                                                guint                 phase);
guint                 lento_session_template_get_phase_max_seconds (LentoSessionTemplate *self,
                                                                    guint                 phase);
guint                 lento_session_template_get_n_cues      (LentoSessionTemplate *self,
                                                              guint                 phase);
guint                 lento_session_template_get_cue_at      (LentoSessionTemplate *self,
                                                              guint                 phase,
                                                              guint                 cue);
const char           *lento_session_template_get_cue_id      (LentoSessionTemplate *self,
                                                              guint                 phase,
                                                              guint                 cue);
LentoCueWhen          lento_session_template_get_cue_when    (LentoSessionTemplate *self,
                                                              guint                 phase,
                                                              guint                 cue);
JsonNode             *lento_session_template_to_json         (LentoSessionTemplate *self);

G_END_DECLS
