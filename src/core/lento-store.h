/* lento-store.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-inventory.h"
#include "lento-journal.h"
#include "lento-program.h"
#include "lento-vault.h"

G_BEGIN_DECLS

#define LENTO_TYPE_STORE (lento_store_get_type ())

G_DECLARE_FINAL_TYPE (LentoStore, lento_store, LENTO, STORE, GObject)

LentoStore     *lento_store_new           (LentoVault *vault);
LentoVault     *lento_store_get_vault     (LentoStore *self);
LentoProgram   *lento_store_get_program   (LentoStore *self);
LentoJournal   *lento_store_get_journal   (LentoStore *self);
LentoInventory *lento_store_get_inventory (LentoStore *self);
gboolean        lento_store_get_loaded    (LentoStore *self);
guint           lento_store_get_weekdays  (LentoStore *self);
void            lento_store_set_weekdays  (LentoStore *self,
                                           guint       weekdays);
guint           lento_store_get_skipped_day (LentoStore *self);
void            lento_store_set_skipped_day (LentoStore *self,
                                             guint       julian);
JsonObject     *lento_store_get_profile   (LentoStore *self);
void            lento_store_save_profile  (LentoStore *self);
void            lento_store_flush_pending (LentoStore *self);

G_END_DECLS
