/* lento-window.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-application.h"
#include "lento-practice.h"

G_BEGIN_DECLS

#define LENTO_TYPE_WINDOW (lento_window_get_type ())

G_DECLARE_FINAL_TYPE (LentoWindow, lento_window, LENTO, WINDOW, AdwApplicationWindow)

LentoWindow *lento_window_new          (LentoApplication *application,
                                        LentoPractice       *store);
const char  *lento_window_get_lock_page (LentoWindow     *self);
const char  *lento_window_get_view     (LentoWindow      *self);
void         lento_window_set_view     (LentoWindow      *self,
                                        const char       *view);

G_END_DECLS
