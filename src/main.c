/* main.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lento-application.h"
#include "lento-secure.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LentoApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  /* Before anything holds a secret: no core dump may ever carry a key. */
  lento_secure_init ();
  if (!lento_secure_disable_core_dumps (&error))
    g_debug ("Core dumps stay as they were: %s", error->message);

  setlocale (LC_ALL, "");
  /* The tests run the built binary in other languages with the
   * translations of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LENTO_LOCALEDIR") != NULL
                                   ? g_getenv ("LENTO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lento_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
