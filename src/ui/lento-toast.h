/* lento-toast.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void lento_toast_show    (AdwToastOverlay *overlay,
                          AdwToast        *toast);
void lento_toast_dismiss (AdwToast        *toast);
void lento_toast_keep    (AdwToast        *toast);

G_END_DECLS
