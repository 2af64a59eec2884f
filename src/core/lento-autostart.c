/* lento-autostart.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-autostart"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lento-autostart.h"

/* Starting at login, so that reminders arrive without opening the window,
 * is an entry in the XDG autostart folder that runs Lento as a D-Bus
 * service: no window, only the reminder timer. The entry names nothing but
 * the application; it says nothing about what Lento is for.
 */

/**
 * lento_autostart_dup_path:
 *
 * Returns: (transfer full): where the autostart entry of @application_id lives
 */
char *
lento_autostart_dup_path (const char *application_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (application_id != NULL, NULL);

  name = g_strconcat (application_id, ".desktop", NULL);
  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

gboolean
lento_autostart_get_enabled (const char *application_id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (application_id != NULL, FALSE);

  path = lento_autostart_dup_path (application_id);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Desktop entries have their own quoting; a path that would need it is
 * replaced by the plain name, found on PATH like the menu's entry.
 */
static gboolean
is_plain_path (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+", *p) == NULL)
      return FALSE;

  return *path != '\0';
}

/**
 * lento_autostart_set_enabled:
 * @executable: (nullable): the program to start, or %NULL for `lento`
 *
 * Adds or removes the entry that starts Lento in the background at login.
 *
 * Returns: whether the folder now holds what was asked for
 */
gboolean
lento_autostart_set_enabled (const char  *application_id,
                             const char  *executable,
                             gboolean     enabled,
                             GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) cause = NULL;

  g_return_val_if_fail (application_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = lento_autostart_dup_path (application_id);

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       /* Translators: %s is the system's reason, like “Permission denied”. */
                       _("Lento could not stop starting at login: %s"), g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  if (executable == NULL || !is_plain_path (executable))
    executable = "lento";

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is the system's reason, like “Permission denied”. */
                   _("Lento could not set itself to start at login: %s"), g_strerror (saved));
      return FALSE;
    }

  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=Lento\n"
                              "Icon=%s\n"
                              "Exec=%s --gapplication-service\n"
                              "NoDisplay=true\n"
                              "Terminal=false\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              application_id, executable);

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &cause))
    {
      g_set_error (error, cause->domain, cause->code,
                   /* Translators: %s is the system's reason, like “Permission denied”. */
                   _("Lento could not set itself to start at login: %s"), cause->message);
      return FALSE;
    }

  return TRUE;
}
