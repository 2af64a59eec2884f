/* lento-builder.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkBuilder *lento_builder_new_for (GObject         *page,
                                   const char      *resource,
                                   GtkBuilderScope *scope);
GObject    *lento_builder_get     (GtkBuilder      *builder,
                                   const char      *id);

void        lento_menu_button_set_menu_later (GtkMenuButton *button,
                                              GMenuModel    *model);

G_END_DECLS
