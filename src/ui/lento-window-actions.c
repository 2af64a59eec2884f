/* lento-window-actions.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-builder.h"
#include "lento-window-private.h"

static void
lento_window_lock_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  if (self->vault == NULL)
    return;

  lento_practice_lock (self->practice);
}

static void
lento_window_start_session_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  if (self->plan_view == NULL || self->practice == NULL)
    return;

  lento_window_set_view (self, "session");
  lento_session_view_start (self->session_view);
}

static void
lento_window_show_help_overlay_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  /* Built on first use rather than with the window: few people open it, and
   * it costs as much to build as the window itself.
   */
  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/lento-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                 "help_overlay")));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }

  gtk_window_present (self->shortcuts_window);
}

static void
lento_window_restore_previous_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->vault == NULL || lento_vault_get_damaged_document (self->vault) == NULL)
    return;

  name = g_strdup (lento_vault_get_damaged_document (self->vault));
  if (!lento_vault_restore_previous (self->vault, name, &error))
    _lento_window_show_error (self, _("The Previous Version Could Not Be Restored"), error);

  _lento_window_sync_vault (self);
}

static void
lento_window_show_view_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  if (!_lento_window_is_view_name (view))
    {
      g_warning ("There is no view called “%s”", view);
      return;
    }

  lento_window_set_view (self, view);
}

/* A reason on the plan links to the entries behind it: this opens one in
 * the Journal view's editor. An entry deleted since is simply not opened.
 */
static void
lento_window_show_entry_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  LentoJournal *journal;
  LentoEntry *entry;

  if (self->journal_view == NULL
      || (journal = lento_journal_view_get_journal (self->journal_view)) == NULL
      || (entry = lento_journal_lookup (journal, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  lento_window_set_view (self, "journal");
  lento_journal_view_edit_entry (self->journal_view, entry);
}

void
_lento_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL,
                                   lento_window_start_session_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lento_window_lock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.restore-previous", NULL,
                                   lento_window_restore_previous_action);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   lento_window_show_help_overlay_action);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   lento_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-entry", "s",
                                   lento_window_show_entry_action);

  for (guint i = 0; i < G_N_ELEMENTS (_lento_window_view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", _lento_window_view_names[i]);
}
