/* lento-core-error.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-core"

#include "config.h"

#include "lento-core-error.h"

G_DEFINE_QUARK (lento-core-error-quark, lento_core_error)
