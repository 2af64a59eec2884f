/* lento-test-ui.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-test-support.h"

G_BEGIN_DECLS

void lento_test_ui_init            (int        *argc,
                                    char     ***argv);
void lento_test_ui_load_app_style (void);
void lento_test_wait_for_draw      (GtkWidget  *widget);
void lento_test_wait_for_transitions (GtkWidget *widget);
void lento_test_save_screenshot    (GtkWidget  *widget,
                                    const char *name);
guint lento_test_count_pixels      (GtkWidget     *widget,
                                    const GdkRGBA *color,
                                    int            tolerance);
GtkWidget *lento_test_find_widget  (GtkWidget  *root,
                                    GType       type,
                                    const char *text);
GtkWidget *lento_test_find_shown   (GtkWidget  *root,
                                    GType       type,
                                    const char *text);
GtkWidget *lento_test_find_named   (GtkWidget  *root,
                                    const char *name);
void lento_test_own_name           (GDBusConnection *bus,
                                    const char      *name);
void lento_test_resize             (GtkWindow  *window,
                                    int         width,
                                    int         height);
gboolean lento_test_flag_timeout_cb (gpointer user_data);
void lento_test_check_main_menu    (GtkWindow  *window,
                                    guint       n_items);
AdwMessageDialog *lento_test_find_message_dialog (void);

G_END_DECLS
