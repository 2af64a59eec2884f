/* lento-vault-error.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENTO_VAULT_ERROR (lento_vault_error_quark ())

/* Every way the vault can fail. Each code maps to one translated sentence
 * that says what happened and what a person can do about it.
 */
typedef enum {
  LENTO_VAULT_ERROR_FAILED,
} LentoVaultError;

GQuark lento_vault_error_quark (void);

G_END_DECLS
