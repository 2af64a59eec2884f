/* lento-vault-error.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include "lento-vault-error.h"

G_DEFINE_QUARK (lento-vault-error-quark, lento_vault_error)
