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
#include "lento-coach.h"
#include "lento-preferences-window.h"
#include "lento-reminder.h"
#include "lento-practice.h"
#include "lento-vault.h"
#include "lento-window.h"

struct _LentoApplication
{
  AdwApplication    parent_instance;

  /* Owned */
  GSettings        *settings;
  LentoVault       *vault;
  LentoPractice    *practice;
  LentoIdleMonitor *idle_monitor;
  LentoReminder    *reminder;

  /* The next time the reminder rule is asked again. */
  guint             reminder_timeout_id;
  /* Reminders keep Lento running, in the background if it has no window. */
  gboolean          reminder_hold;
  /* A skip pressed while locked, written to the profile once unlocked. */
  guint             pending_skip_day;

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
 * lento_application_get_practice:
 *
 * Returns: (transfer none) (nullable): what the views work on, once started
 */
LentoPractice *
lento_application_get_practice (LentoApplication *self)
{
  g_return_val_if_fail (LENTO_IS_APPLICATION (self), NULL);

  return self->practice;
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
      /* The keyring answers on a worker thread while the window is built,
       * which the window's own unlock then waits for rather than asking
       * again. Only a window opens the journal: a Lento started in the
       * background for its reminders keeps it locked.
       */
      lento_vault_begin_keyring_unlock (self->vault);
      window = GTK_WINDOW (lento_window_new (self, self->practice));
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

static guint
julian_today (GDateTime *now)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

static gboolean lento_application_reminder_timeout_cb (gpointer user_data);

/* Asks the reminder rule now, then again at the chosen minute, or in a
 * quarter of an hour at most so that a suspend, a new time zone or a
 * changed clock is noticed without polling every minute.
 */
static void
lento_application_check_reminder (LentoApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint minute_now;
  guint target;
  guint seconds;

  g_clear_handle_id (&self->reminder_timeout_id, g_source_remove);

  if (!g_settings_get_boolean (self->settings, "reminders-enabled"))
    return;

  /* A journal still loading would look like one without sessions: its
   * "loaded" notification asks again.
   */
  if (lento_practice_get_journal (self->practice) == NULL || lento_practice_get_loaded (self->practice))
    {
      /* While unlocked the plan says whether today is a session day: a rest
       * day after a painful session gets no reminder. While locked there is
       * nothing to ask, and the reminder goes by the weekdays alone.
       */
      lento_reminder_set_recommendation (self->reminder,
                                         lento_practice_get_recommendation (self->practice));
      lento_reminder_check (self->reminder, now);
    }

  minute_now = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  target = g_settings_get_uint (self->settings, "reminder-minute");
  if (target <= minute_now)
    target += 24 * 60;
  seconds = (target - minute_now) * 60 - g_date_time_get_second (now);
  seconds = CLAMP (seconds, 1, 15 * 60);

  self->reminder_timeout_id = g_timeout_add_seconds (seconds,
                                                     lento_application_reminder_timeout_cb,
                                                     self);
}

static gboolean
lento_application_reminder_timeout_cb (gpointer user_data)
{
  LentoApplication *self = user_data;

  self->reminder_timeout_id = 0;
  lento_application_check_reminder (self);
  return G_SOURCE_REMOVE;
}

static void
lento_application_reminder_settings_cb (LentoApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  lento_reminder_set_weekdays (self->reminder,
                               g_settings_get_uint (self->settings, "reminder-weekdays"));
  lento_reminder_set_minute_of_day (self->reminder,
                                    MIN (g_settings_get_uint (self->settings, "reminder-minute"),
                                         24 * 60 - 1));
  lento_reminder_set_text (self->reminder,
                           g_settings_get_enum (self->settings, "reminder-text"));

  if (enabled && !self->reminder_hold)
    g_application_hold (G_APPLICATION (self));
  else if (!enabled && self->reminder_hold)
    g_application_release (G_APPLICATION (self));
  self->reminder_hold = enabled;

  lento_application_check_reminder (self);
}

/* The planned days live in the encrypted profile. A locked Lento still has
 * to know them to send a discreet reminder, so the days, and nothing else of
 * the plan, are copied into GSettings as one number while unlocked.
 */
static void
lento_application_plan_changed_cb (LentoApplication *self)
{
  LentoProgram *program = lento_practice_get_program (self->practice);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint weekdays;

  if (lento_practice_get_inventory (self->practice) == NULL || program == NULL)
    return;

  if (self->pending_skip_day != 0)
    {
      if (self->pending_skip_day == julian_today (now))
        lento_practice_set_skipped_day (self->practice, self->pending_skip_day);
      self->pending_skip_day = 0;
    }

  weekdays = lento_practice_get_weekdays (self->practice);
  if (weekdays == 0)
    weekdays = lento_program_get_rules (program)->default_weekdays;
  if (g_settings_get_uint (self->settings, "reminder-weekdays") != weekdays)
    g_settings_set_uint (self->settings, "reminder-weekdays", weekdays);

  if (lento_practice_get_skipped_day (self->practice) == julian_today (now))
    lento_reminder_skip_today (self->reminder, now);

  lento_application_check_reminder (self);
}

static void
lento_application_lock (LentoApplication *self)
{
  lento_practice_lock (self->practice);
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

static const char * const reminder_keys[] = {
  "reminders-enabled", "reminder-minute", "reminder-text", "reminder-weekdays",
};

static void
lento_application_start_vault (LentoApplication *self)
{
  g_autofree char *data_dir = lento_application_dup_data_dir ();
  g_autoptr(GError) error = NULL;

  self->vault = lento_vault_new (data_dir, APPLICATION_ID);
  /* The window opens it again and shows why it did not open. */
  if (!lento_vault_open (self->vault, &error))
    g_debug ("The journal could not be opened: %s", error->message);

  self->practice = lento_practice_new (self->vault, NULL);
  g_signal_connect_object (self->vault, "notify::state",
                           G_CALLBACK (lento_application_vault_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vault, "notify::busy",
                           G_CALLBACK (lento_application_vault_busy_cb), self,
                           G_CONNECT_SWAPPED);

  self->reminder = lento_reminder_new (G_APPLICATION (self));
  g_signal_connect_object (self->practice, "notify::weekdays",
                           G_CALLBACK (lento_application_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->practice, "notify::skipped-day",
                           G_CALLBACK (lento_application_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->practice, "notify::loaded",
                           G_CALLBACK (lento_application_check_reminder), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (reminder_keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", reminder_keys[i], NULL);

      g_signal_connect_object (self->settings, signal,
                               G_CALLBACK (lento_application_reminder_settings_cb), self,
                               G_CONNECT_SWAPPED);
    }
  lento_application_reminder_settings_cb (self);

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
  /* Asking for the icon theme starts GTK reading it on a worker thread
   * while the window is built; otherwise the window's first icon would read
   * it on this one. The window sets Lento's icon once it shows.
   */
  gtk_icon_theme_get_for_display (gdk_display_get_default ());

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

  g_clear_handle_id (&self->reminder_timeout_id, g_source_remove);
  if (self->reminder_hold)
    {
      self->reminder_hold = FALSE;
      g_application_release (app);
    }

  if (self->vault != NULL)
    {
      /* Quitting waits for what is being written: a save in flight always
       * reaches the disk before the keys are wiped.
       */
      lento_practice_flush_pending (self->practice);
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

  g_clear_handle_id (&self->reminder_timeout_id, g_source_remove);
  g_clear_object (&self->reminder);
  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->practice);
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

  preferences = lento_preferences_window_new (self->settings, self->practice);
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

/* The reminder's Start button: the window on the Session view, behind the
 * unlock page while locked, so that the timer is there once unlocked.
 */
static void
lento_application_start_session_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  LentoApplication *self = user_data;
  GtkWindow *window = lento_application_ensure_window (self);

  lento_window_set_view (LENTO_WINDOW (window), "session");
  gtk_window_present (window);
}

/* The reminder's Skip today button: no second reminder today, and, in the
 * profile, a rest day on the plan. While locked the skip waits in memory
 * until the profile opens.
 */
static void
lento_application_skip_today_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  LentoApplication *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  lento_reminder_skip_today (self->reminder, now);
  self->pending_skip_day = julian_today (now);
  lento_application_plan_changed_cb (self);
}

static const GActionEntry app_actions[] = {
  { "about", lento_application_about_action },
  { "preferences", lento_application_preferences_action },
  { "shortcuts", lento_application_shortcuts_action },
  { "quit", lento_application_quit_action },
  { "start-session", lento_application_start_session_action },
  { "skip-today", lento_application_skip_today_action },
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
