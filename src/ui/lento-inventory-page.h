/* lento-inventory-page.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-entry.h"
#include "lento-inventory.h"

G_BEGIN_DECLS

#define LENTO_TYPE_INVENTORY_PAGE (lento_inventory_page_get_type ())

G_DECLARE_FINAL_TYPE (LentoInventoryPage, lento_inventory_page, LENTO, INVENTORY_PAGE, AdwBin)

GtkWidget      *lento_inventory_page_new             (void);
LentoInventory *lento_inventory_page_get_inventory   (LentoInventoryPage *self);
void            lento_inventory_page_set_inventory   (LentoInventoryPage *self,
                                                      LentoInventory     *inventory);
void            lento_inventory_page_set_max_jump    (LentoInventoryPage *self,
                                                      double              percent);
gboolean        lento_inventory_page_add_lube        (LentoInventoryPage *self,
                                                      const char         *name,
                                                      LentoLubeKind       kind);
guint           lento_inventory_page_add_trainer_set (LentoInventoryPage *self);
const char     *lento_inventory_page_get_message     (LentoInventoryPage *self);

G_END_DECLS
