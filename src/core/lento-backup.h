/* lento-backup.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-vault.h"

G_BEGIN_DECLS

gboolean lento_backup_merge_into (LentoVault  *vault,
                                  GHashTable  *documents,
                                  guint       *n_written,
                                  GError     **error);

G_END_DECLS
