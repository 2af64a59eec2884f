/* cli-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prepares journals for the command-line tests, through the vault itself:
 *
 *   cli-journal create DIR   makes a journal with a keyring slot and one month,
 *                            prints the recovery code
 *   cli-journal create DIR passphrase
 *                            the same, with the passphrase read from standard
 *                            input (up to a newline) as well
 *   cli-journal hold DIR     keeps DIR open (and locked against others) until
 *                            standard input closes; prints "ready" first
 */

#define G_LOG_DOMAIN "cli-journal"

#include "config.h"

#include <stdio.h>

#include "lento-vault.h"

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

/* Reads standard input up to its end or a newline, whatever its length. */
static LentoSecret *
read_passphrase (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (text, (char) c);

  return lento_secret_new_from_string (text->str);
}

static int
create (LentoVault *vault,
        gboolean    with_passphrase)
{
  static const char month[] =
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[]}";
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GBytes) json = g_bytes_new_static (month, sizeof month - 1);
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

  lento_vault_write_document_async (vault, "journal/2026-11", json, NULL, NULL, NULL);
  while (lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);

  if (with_passphrase)
    {
      g_autoptr(LentoSecret) passphrase = read_passphrase ();
      gboolean set = FALSE;

      lento_vault_set_kdf_limits (vault, LENTO_KDF_OPSLIMIT_MIN, LENTO_KDF_MEMLIMIT_KIB_MIN);
      lento_vault_set_passphrase_async (vault, passphrase, NULL, done_cb, &set);
      while (!set)
        g_main_context_iteration (NULL, TRUE);
      if (!lento_vault_has_slot (vault, LENTO_SLOT_PASSPHRASE))
        {
          g_printerr ("The passphrase was not set\n");
          return 1;
        }
    }

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

  if (argc != 3 && !(argc == 4 && g_str_equal (argv[3], "passphrase")))
    return 2;

  vault = lento_vault_new (argv[2], APPLICATION_ID);
  if (!lento_vault_open (vault, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "create"))
    return create (vault, argc == 4);

  g_print ("ready\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)
    ;
  return 0;
}
