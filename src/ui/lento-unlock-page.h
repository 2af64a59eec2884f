/* lento-unlock-page.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_UNLOCK_PAGE (lento_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (LentoUnlockPage, lento_unlock_page, LENTO, UNLOCK_PAGE, AdwBin)

GtkWidget  *lento_unlock_page_new                (void);
void        lento_unlock_page_set_busy           (LentoUnlockPage *self,
                                                  gboolean         busy);
const char *lento_unlock_page_get_reason         (LentoUnlockPage *self);
void        lento_unlock_page_set_reason         (LentoUnlockPage *self,
                                                  const char      *reason);
gboolean    lento_unlock_page_get_has_passphrase (LentoUnlockPage *self);
void        lento_unlock_page_set_has_passphrase (LentoUnlockPage *self,
                                                  gboolean         has_passphrase);

G_END_DECLS
