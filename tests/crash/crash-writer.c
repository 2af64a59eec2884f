/* crash-writer.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-crash"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lento-vault.h"

/* The process crash-harness kills. "crash-writer --create DIR" makes a
 * journal and prints its recovery code. "crash-writer DIR" (with the code
 * in LENTO_CRASH_CODE) unlocks it, reads the counter document and then
 * saves ever larger counters, printing each value once its write is
 * acknowledged, until it is killed. */

#define APP_ID "io.github.lento.Lento.Devel"
#define DOCUMENT "journal/2026-11"

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static guint64
read_counter (LentoVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lento_vault_read_document (vault, DOCUMENT, NULL, &error);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    {
      if (!g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
        g_error ("The counter does not open: %s", error->message);
      return 0;
    }

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_ascii_strtoull (text + strlen ("{\"counter\":"), NULL, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) code = NULL;
  const char *data_dir;
  guint64 counter;

  if (argc == 3 && strcmp (argv[1], "--create") == 0)
    {
      vault = lento_vault_new (argv[2], APP_ID);
      if (!lento_vault_open (vault, &error) || !(code = lento_vault_create (vault, &error)))
        g_error ("Could not create the journal: %s", error->message);
      printf ("%s\n", lento_secret_get_string (code));
      return 0;
    }
  if (argc != 2 || g_getenv ("LENTO_CRASH_CODE") == NULL)
    {
      fprintf (stderr, "usage: %s --create DIR | LENTO_CRASH_CODE=... %s DIR\n", argv[0], argv[0]);
      return 2;
    }

  data_dir = argv[1];
  code = lento_secret_new_from_string (g_getenv ("LENTO_CRASH_CODE"));
  vault = lento_vault_new (data_dir, APP_ID);
  if (!lento_vault_open (vault, &error) ||
      !lento_vault_unlock_recovery_code (vault, code, &error))
    g_error ("Could not open the journal: %s", error->message);

  counter = read_counter (vault);
  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *text = g_strdup_printf ("{\"counter\":%" G_GUINT64_FORMAT "}", ++counter);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      lento_vault_write_document_async (vault, DOCUMENT, bytes, NULL, write_done_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (!lento_vault_write_document_finish (vault, result, &error))
        g_error ("A write failed: %s", error->message);

      printf ("%" G_GUINT64_FORMAT "\n", counter);
      fflush (stdout);
    }

  return 0;
}
