/* lento-application.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-application.h"
#include "lento-cli.h"
#include "lento-idle-monitor.h"
#include "lento-preferences-window.h"
#include "lento-store.h"
#include "lento-vault.h"
#include "lento-window.h"

struct _LentoApplication
{
  AdwApplication    parent_instance;

  /* Owned */
  GSettings        *settings;
  LentoVault       *vault;
  LentoStore       *store;
  LentoIdleMonitor *idle_monitor;

  /* While the vault writes, logging out waits for it. */
  guint             logout_inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (LentoApplication, lento_application, ADW_TYPE_APPLICATION)

LentoApplication *
lento_application_new (void)
{
  return g_object_new (LENTO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "register-session", TRUE,
                       NULL);
}

/**
 * lento_application_dup_data_dir:
 *
 * Returns: (transfer full): where this build of Lento keeps its journal.
 */
char *
lento_application_dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, NULL);
}

/**
 * lento_application_get_vault:
 *
 * Returns: (transfer none) (nullable): the journal's vault, once started.
 */
LentoVault *
lento_application_get_vault (LentoApplication *self)
{
  g_return_val_if_fail (LENTO_IS_APPLICATION (self), NULL);

  return self->vault;
}

/**
 * lento_application_get_settings:
 *
 * Returns: (transfer none): the application's settings, created at start-up.
 */
GSettings *
lento_application_get_settings (LentoApplication *self)
{
  g_return_val_if_fail (LENTO_IS_APPLICATION (self), NULL);

  return self->settings;
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (nick, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (nick, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static GtkWindow *
lento_application_ensure_window (LentoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (lento_window_new (self, self->store));
      lento_idle_monitor_watch (self->idle_monitor, GTK_WIDGET (window));
    }

  return window;
}

static gboolean
lento_application_is_unlocked (LentoApplication *self)
{
  LentoVaultState state = lento_vault_get_state (self->vault);

  return state == LENTO_VAULT_STATE_UNLOCKED || state == LENTO_VAULT_STATE_READ_ONLY;
}

static void
lento_application_lock (LentoApplication *self)
{
  if (!lento_application_is_unlocked (self))
    return;

  lento_store_flush_pending (self->store);
  lento_vault_lock (self->vault);
}

static void
lento_application_idle_cb (LentoApplication *self)
{
  lento_application_lock (self);
}

static void
lento_application_screensaver_cb (LentoApplication *self)
{
  gboolean active = FALSE;

  g_object_get (self, "screensaver-active", &active, NULL);
  if (active)
    lento_application_lock (self);
}

static void
lento_application_vault_state_cb (LentoApplication *self)
{
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  /* The security settings are for whoever has unlocked the journal. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), lento_application_is_unlocked (self));
  if (lento_application_is_unlocked (self))
    lento_idle_monitor_reset (self->idle_monitor);
}

static void
lento_application_vault_busy_cb (LentoApplication *self)
{
  gboolean busy = lento_vault_get_busy (self->vault);

  if (busy && self->logout_inhibit_cookie == 0)
    {
      self->logout_inhibit_cookie =
        gtk_application_inhibit (GTK_APPLICATION (self),
                                 gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 GTK_APPLICATION_INHIBIT_LOGOUT,
                                 _("Saving your journal"));
    }
  else if (!busy && self->logout_inhibit_cookie != 0)
    {
      gtk_application_uninhibit (GTK_APPLICATION (self), self->logout_inhibit_cookie);
      self->logout_inhibit_cookie = 0;
    }
}

static gboolean
auto_lock_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_uint32 (variant) * 60);
  return TRUE;
}

static void
lento_application_start_vault (LentoApplication *self)
{
  g_autofree char *data_dir = lento_application_dup_data_dir ();
  g_autoptr(GError) error = NULL;

  self->vault = lento_vault_new (data_dir, APPLICATION_ID);
  if (!lento_vault_open (self->vault, &error))
    g_warning ("The journal could not be opened: %s", error->message);

  self->store = lento_store_new (self->vault);
  g_signal_connect_object (self->vault, "notify::state",
                           G_CALLBACK (lento_application_vault_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vault, "notify::busy",
                           G_CALLBACK (lento_application_vault_busy_cb), self,
                           G_CONNECT_SWAPPED);

  self->idle_monitor = lento_idle_monitor_new ();
  g_settings_bind_with_mapping (self->settings, "auto-lock-minutes",
                                self->idle_monitor, "timeout",
                                G_SETTINGS_BIND_GET,
                                auto_lock_get_mapping, NULL, NULL, NULL);
  g_signal_connect_object (self->idle_monitor, "idle",
                           G_CALLBACK (lento_application_idle_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::screensaver-active",
                    G_CALLBACK (lento_application_screensaver_cb), NULL);

  lento_application_vault_state_cb (self);
}

static void
lento_application_activate (GApplication *app)
{
  LentoApplication *self = LENTO_APPLICATION (app);

  gtk_window_present (lento_application_ensure_window (self));
}

static void
lento_application_startup (GApplication *app)
{
  LentoApplication *self = LENTO_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (lento_application_parent_class)->startup (app);

  g_set_application_name (_("Lento"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_settings_new (APPLICATION_ID);

  /* The person's choice of style wins over the system's when they made one. */
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  lento_application_start_vault (self);
}

static void
lento_application_shutdown (GApplication *app)
{
  LentoApplication *self = LENTO_APPLICATION (app);

  if (self->vault != NULL)
    {
      /* Quitting waits for what is being written: a save in flight always
       * reaches the disk before the keys are wiped.
       */
      lento_store_flush_pending (self->store);
      while (lento_vault_get_busy (self->vault))
        g_main_context_iteration (NULL, TRUE);
      lento_vault_close (self->vault);
    }

  G_APPLICATION_CLASS (lento_application_parent_class)->shutdown (app);
}

static int
lento_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  return lento_cli_handle_options (options);
}

static void
lento_application_dispose (GObject *object)
{
  LentoApplication *self = LENTO_APPLICATION (object);

  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->vault);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lento_application_parent_class)->dispose (object);
}

static void
lento_application_class_init (LentoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lento_application_dispose;

  app_class->activate = lento_application_activate;
  app_class->startup = lento_application_startup;
  app_class->shutdown = lento_application_shutdown;
  app_class->handle_local_options = lento_application_handle_local_options;
}

static void
lento_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  LentoApplication *self = user_data;
  static const char *developers[] = { "The Lento authors", NULL };
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Lento"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", "The Lento authors",
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/lento/lento",
                         "issue-url", "https://github.com/lento/lento/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Lento authors",
                         /* Translators: shown once, plainly, in the About window. */
                         "comments", _("Lento gives general guidance, not medical advice. "
                                       "If something hurts, bleeds or worries you, "
                                       "please see a clinician."),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
lento_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LentoApplication *self = user_data;
  GtkWindow *window = lento_application_ensure_window (self);
  LentoPreferencesWindow *preferences;

  if (!lento_application_is_unlocked (self))
    return;

  preferences = lento_preferences_window_new (self->settings, self->vault);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
lento_application_shortcuts_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LentoApplication *self = user_data;
  GtkWindow *window = lento_application_ensure_window (self);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
lento_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  LentoApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window, rather than destroying it, lets it remember its
   * size and view before Lento goes.
   */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", lento_application_about_action },
  { "preferences", lento_application_preferences_action },
  { "shortcuts", lento_application_shortcuts_action },
  { "quit", lento_application_quit_action },
};

static void
lento_application_init (LentoApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  lento_cli_add_options (G_APPLICATION (self));
}
