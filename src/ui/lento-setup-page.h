/* lento-setup-page.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_SETUP_PAGE (lento_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (LentoSetupPage, lento_setup_page, LENTO, SETUP_PAGE, AdwBin)

GtkWidget  *lento_setup_page_new                     (void);
void        lento_setup_page_show_recovery_code      (LentoSetupPage *self,
                                                      const char     *code,
                                                      gboolean        keyring_stored);
void        lento_setup_page_show_error              (LentoSetupPage *self,
                                                      const char     *title,
                                                      const char     *message);
const char *lento_setup_page_get_step                (LentoSetupPage *self);
int         lento_setup_page_get_confirm_group       (LentoSetupPage *self);

G_END_DECLS
