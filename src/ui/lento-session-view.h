/* lento-session-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-clock.h"
#include "lento-program.h"
#include "lento-session.h"

G_BEGIN_DECLS

/* How many seconds the Extend button adds to the wear phase. */
#define LENTO_SESSION_VIEW_EXTEND_SECONDS (5 * 60)

#define LENTO_TYPE_SESSION_VIEW (lento_session_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoSessionView, lento_session_view, LENTO, SESSION_VIEW, AdwBin)

GtkWidget    *lento_session_view_new             (void);
LentoProgram *lento_session_view_get_program     (LentoSessionView *self);
void          lento_session_view_set_program     (LentoSessionView *self,
                                                  LentoProgram     *program);
const char   *lento_session_view_get_template_id (LentoSessionView *self);
void          lento_session_view_set_template_id (LentoSessionView *self,
                                                  const char       *template_id);
LentoClock   *lento_session_view_get_clock       (LentoSessionView *self);
void          lento_session_view_set_clock       (LentoSessionView *self,
                                                  LentoClock       *clock);
LentoSession *lento_session_view_get_session     (LentoSessionView *self);
gboolean      lento_session_view_start           (LentoSessionView *self);
void          lento_session_view_close_result    (LentoSessionView   *self,
                                                  LentoSessionResult *result);
gboolean      lento_session_view_restore         (LentoSessionView *self,
                                                  JsonNode         *node,
                                                  GError          **error);
gboolean      lento_session_view_get_ticking     (LentoSessionView *self);

G_END_DECLS
