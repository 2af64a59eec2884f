/* lento-preferences-window.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-practice.h"

G_BEGIN_DECLS

#define LENTO_TYPE_PREFERENCES_WINDOW (lento_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LentoPreferencesWindow, lento_preferences_window, LENTO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LentoPreferencesWindow *lento_preferences_window_new (GSettings     *settings,
                                                      LentoPractice *practice);

G_END_DECLS
