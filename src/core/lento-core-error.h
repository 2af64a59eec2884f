/* lento-core-error.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENTO_CORE_ERROR (lento_core_error_quark ())

/* Every way the core can fail. Each code maps to one translated sentence
 * that says what happened and what a person can do about it.
 */
typedef enum {
  LENTO_CORE_ERROR_FAILED,
  LENTO_CORE_ERROR_INVALID_ENTRY,
  LENTO_CORE_ERROR_INVALID_DOCUMENT,
  LENTO_CORE_ERROR_READ_ONLY,
  LENTO_CORE_ERROR_NOT_WRITTEN,
} LentoCoreError;

GQuark lento_core_error_quark (void);

G_END_DECLS
