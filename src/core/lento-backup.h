/* lento-backup.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-vault.h"

G_BEGIN_DECLS

void     lento_backup_import_async  (LentoVault          *vault,
                                    GHashTable          *documents,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean lento_backup_import_finish (LentoVault          *vault,
                                    GAsyncResult        *result,
                                    guint               *n_written,
                                    GError             **error);

G_END_DECLS
