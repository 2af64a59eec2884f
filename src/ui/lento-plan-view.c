/* lento-plan-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-plan-view"

#include "config.h"

#include "lento-plan-view.h"

struct _LentoPlanView
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (LentoPlanView, lento_plan_view, ADW_TYPE_BIN)

GtkWidget *
lento_plan_view_new (void)
{
  return g_object_new (LENTO_TYPE_PLAN_VIEW, NULL);
}

static void
lento_plan_view_class_init (LentoPlanViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, status_page);
}

static void
lento_plan_view_init (LentoPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
