/* lento-learn-page.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_LEARN_PAGE (lento_learn_page_get_type ())

G_DECLARE_FINAL_TYPE (LentoLearnPage, lento_learn_page, LENTO, LEARN_PAGE, AdwBin)

GtkWidget  *lento_learn_page_new        (void);
void        lento_learn_page_show_index (LentoLearnPage *self);
gboolean    lento_learn_page_show_topic (LentoLearnPage *self,
                                         const char     *topic_id);
const char *lento_learn_page_get_shown  (LentoLearnPage *self);

G_END_DECLS
