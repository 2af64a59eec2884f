/* lento-journal-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal-view"

#include "config.h"

#include "lento-journal-view.h"

struct _LentoJournalView
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (LentoJournalView, lento_journal_view, ADW_TYPE_BIN)

GtkWidget *
lento_journal_view_new (void)
{
  return g_object_new (LENTO_TYPE_JOURNAL_VIEW, NULL);
}

static void
lento_journal_view_class_init (LentoJournalViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-journal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, status_page);
}

static void
lento_journal_view_init (LentoJournalView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
