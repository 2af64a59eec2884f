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
set_aside_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LentoWindow      *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "document");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "set-aside") || self->vault == NULL)
    return;

  if (!lento_vault_set_aside_document (self->vault, name, &error))
    _lento_window_show_error (self, _("Lento Could Not Continue Without It"), error);
  _lento_window_sync_vault (self);
}

/* Nothing is left to restore @name from: the person may keep Lento
 * read-only (and look for a backup) or go on without that part. */
static void
ask_set_aside (LentoWindow *self,
               const char  *name)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("No Earlier Version Is Left"),
                                                       NULL));
  /* Translators: %s names a part of the journal, such as journal/2026-11. */
  adw_message_dialog_format_body (dialog,
                                  _("Lento has no usable earlier version of %s. You can go on "
                                    "without it: the journal can be written to again, and what "
                                    "that part held stays out of it until you import a backup "
                                    "that has it. Its files are kept aside in the journal’s "
                                    "folder, not deleted."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Stay Read-Only"),
                                    "set-aside", _("_Continue Without It"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "set-aside", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "document", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (set_aside_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
    {
      if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE))
        ask_set_aside (self, name);
      else
        _lento_window_show_error (self, _("The Previous Version Could Not Be Restored"), error);
    }

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
