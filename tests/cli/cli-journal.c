/* cli-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prepares journals for the command-line tests, through the vault itself:
 *
 *   cli-journal create DIR   makes a journal with a keyring slot, a profile, a change
 *                            log and one month written twice (so that it has a
 *                            previous generation), prints the recovery code
 *   cli-journal hold DIR     keeps DIR open (and locked against others) until
 *                            standard input closes; prints "ready" first
 */

#define G_LOG_DOMAIN "cli-journal"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lento-vault.h"

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

static void
write_document (LentoVault *vault,
                const char *name,
                const char *text)
{
  g_autoptr(GBytes) json = g_bytes_new_static (text, strlen (text));

  lento_vault_write_document_async (vault, name, json, NULL, NULL, NULL);
  while (lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);
}

static int
create (LentoVault *vault)
{
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;

  code = lento_vault_create (vault, &error);
  if (code == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  lento_vault_store_in_keyring_async (vault, NULL, done_cb, &stored);
  while (!stored)
    g_main_context_iteration (NULL, TRUE);

  write_document (vault, "profile", "{\"format\":1}");
  write_document (vault, "journal/log", "{\"format\":1,\"entries\":[],\"deleted\":[]}");
  write_document (vault, "journal/2026-11", "{\"format\":1,\"month\":\"2026-11\",\"entries\":[]}");
  write_document (vault, "journal/2026-11",
                  "{\"format\":1,\"month\":\"2026-11\",\"entries\":[],\"deleted\":[]}");

  g_print ("%s\n", lento_secret_get_string (code));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char line[16];

  if (argc != 3)
    return 2;

  vault = lento_vault_new (argv[2], APPLICATION_ID);
  if (!lento_vault_open (vault, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "create"))
    return create (vault);

  g_print ("ready\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)
    ;
  return 0;
}
