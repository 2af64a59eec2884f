/* lento-accessible.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lento_accessible_follow_stack        (GtkStack    *stack);
void lento_accessible_name_drop_down      (GtkDropDown *drop_down);
void lento_accessible_name_view_switchers (GtkWidget   *root,
                                           const char  *label);
void lento_accessible_name_status_pages   (GtkWidget   *root);
void lento_accessible_set_new_tooltip     (GtkWidget   *widget,
                                           const char  *text);

G_END_DECLS
