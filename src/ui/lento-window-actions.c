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

  if (!self->has_views || self->practice == NULL)
    return;

  lento_window_set_view (self, "session");
  lento_session_view_start (_lento_window_ensure_session_view (self));
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
    _lento_window_show_error (self, _("Lento Could Not Set This Part Aside"), error);
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
                                    "set-aside", _("_Continue Without This Part"),
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

  /* The Journal view may not be built yet: the entry is looked up where
   * that view would find it.
   */
  if (!self->has_views || self->practice == NULL
      || (journal = lento_practice_get_journal (self->practice)) == NULL
      || (entry = lento_journal_lookup (journal, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  lento_window_set_view (self, "journal");
  lento_journal_view_edit_entry (_lento_window_ensure_journal_view (self), entry);
}

/* Activates @action_name on @widget as a shortcut does: not at all while
 * the action is disabled, so that the key goes on to other handlers.
 */
static gboolean
activate_enabled (GtkWidget  *widget,
                  const char *action_name)
{
  g_autoptr(GtkShortcutAction) action = gtk_named_action_new (action_name);

  return widget != NULL
         && gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE, widget, NULL);
}

/* It Hurts ends the session from anywhere in the window, whatever view is
 * shown: on the main page the session view's, on the lock page the timer's
 * beside the unlock page.
 */
static gboolean
lento_window_it_hurts_cb (GtkWidget *widget,
                          GVariant  *args,
                          gpointer   user_data)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->lock_stack);

  if (g_strcmp0 (page, "main") == 0)
    return activate_enabled (GTK_WIDGET (self->session_view), "session.it-hurts");
  if (g_strcmp0 (page, "unlock") == 0)
    return activate_enabled (GTK_WIDGET (self->locked_session_view), "session.it-hurts");
  return FALSE;
}

/* New Entry from anywhere on the main page: the Journal view comes up with
 * its editor, unless the journal takes no entry now (read-only).
 */
static gboolean
lento_window_new_entry_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  g_autofree char *shown = NULL;

  /* The Journal view may not be built yet; its page, once shown, is. */
  if (!self->has_views)
    return FALSE;

  shown = g_strdup (lento_window_get_view (self));
  lento_window_set_view (self, "journal");
  if (activate_enabled (GTK_WIDGET (_lento_window_ensure_journal_view (self)),
                        "journal.new-entry"))
    return TRUE;

  lento_window_set_view (self, shown);
  return FALSE;
}

/**
 * _lento_window_add_shortcuts:
 *
 * The window's own shortcuts, which work wherever the focus is in it; a
 * view's shortcuts work only while the focus is inside that view.
 */
void
_lento_window_add_shortcuts (LentoWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *it_hurts, *new_entry;

  /* The same keys as the session view's and the journal view's own. */
  it_hurts = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_h, GDK_CONTROL_MASK),
                                          gtk_keyval_trigger_new (GDK_KEY_Escape, GDK_SHIFT_MASK));
  new_entry = gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (it_hurts,
                                                          gtk_callback_action_new (
                                                            lento_window_it_hurts_cb,
                                                            NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (new_entry,
                                                          gtk_callback_action_new (
                                                            lento_window_new_entry_cb,
                                                            NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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
