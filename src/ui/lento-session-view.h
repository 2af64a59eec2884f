/* lento-session-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-practice.h"

G_BEGIN_DECLS

/* How many seconds the Extend button adds to the wear phase. */
#define LENTO_SESSION_VIEW_EXTEND_SECONDS (5 * 60)

#define LENTO_TYPE_SESSION_VIEW (lento_session_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoSessionView, lento_session_view, LENTO, SESSION_VIEW, AdwBin)

GtkWidget    *lento_session_view_new          (gboolean          discreet);
void          lento_session_view_set_practice (LentoSessionView *self,
                                               LentoPractice    *practice);
LentoSession *lento_session_view_get_session  (LentoSessionView *self);
gboolean      lento_session_view_start        (LentoSessionView *self);
gboolean      lento_session_view_get_ticking  (LentoSessionView *self);

G_END_DECLS
