/* lento-journal-vault.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-journal.h"
#include "lento-vault.h"

G_BEGIN_DECLS

void     lento_journal_load_from_vault_async  (LentoJournal        *self,
                                               LentoVault          *vault,
                                               GDateTime           *now,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean lento_journal_load_from_vault_finish (LentoJournal        *self,
                                               GAsyncResult        *result,
                                               GError             **error);
guint    lento_journal_reload_damaged_from_vault (LentoJournal *self,
                                                  LentoVault   *vault);
void     lento_journal_save_async             (LentoJournal        *self,
                                               LentoVault          *vault,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean lento_journal_save_finish            (LentoJournal        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
