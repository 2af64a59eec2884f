/* lento-idle-monitor.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LENTO_TYPE_IDLE_MONITOR (lento_idle_monitor_get_type ())

G_DECLARE_FINAL_TYPE (LentoIdleMonitor, lento_idle_monitor, LENTO, IDLE_MONITOR, GObject)

LentoIdleMonitor *lento_idle_monitor_new             (void);
guint             lento_idle_monitor_get_timeout     (LentoIdleMonitor *self);
void              lento_idle_monitor_set_timeout     (LentoIdleMonitor *self,
                                                      guint             seconds);
void              lento_idle_monitor_watch           (LentoIdleMonitor *self,
                                                      GtkWidget        *widget);
void              lento_idle_monitor_reset           (LentoIdleMonitor *self);

G_END_DECLS
