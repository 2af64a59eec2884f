/* lento-test-contrast.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lento-test-ui.h"

G_BEGIN_DECLS

void lento_test_check_contrast (GtkWidget  *window,
                                const char *what);

G_END_DECLS
