/* lento-session-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session-view"

#include "config.h"

#include "lento-session-view.h"

struct _LentoSessionView
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (LentoSessionView, lento_session_view, ADW_TYPE_BIN)

GtkWidget *
lento_session_view_new (void)
{
  return g_object_new (LENTO_TYPE_SESSION_VIEW, NULL);
}

static void
lento_session_view_class_init (LentoSessionViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoSessionView, status_page);
}

static void
lento_session_view_init (LentoSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
