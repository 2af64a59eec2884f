/* lento-session-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_SESSION_VIEW (lento_session_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoSessionView, lento_session_view, LENTO, SESSION_VIEW, AdwBin)

GtkWidget *lento_session_view_new (void);

G_END_DECLS
