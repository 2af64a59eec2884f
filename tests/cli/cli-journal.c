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
 *   cli-journal passphrase DIR
 *                            sets the passphrase read from standard input (up to a
 *                            newline, whatever its length); exits 1 when the vault
 *                            refuses it
 *   cli-journal add DIR N    writes N entries, one after the other into the months
 *                            2025-01 to 2025-12 and 2026-11, over what those
 *                            months held
 *   cli-journal count DIR    prints how many entries the months hold
 *
 * passphrase, add and count unlock with the keyring.
 */

#define G_LOG_DOMAIN "cli-journal"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

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

#define N_MONTHS 13

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
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

static gboolean
unlock (LentoVault *vault)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lento_vault_unlock_keyring_async (vault, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!lento_vault_unlock_keyring_finish (vault, result, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
month_of (guint index)
{
  return index < 12 ? g_strdup_printf ("2025-%02u", index + 1) : g_strdup ("2026-11");
}

static int
set_passphrase (LentoVault *vault)
{
  g_autoptr(LentoSecret) passphrase = read_passphrase ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!unlock (vault))
    return 1;

  lento_vault_set_kdf_limits (vault, LENTO_KDF_OPSLIMIT_MIN, LENTO_KDF_MEMLIMIT_KIB_MIN);
  lento_vault_set_passphrase_async (vault, passphrase, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!lento_vault_set_passphrase_finish (vault, result, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
add (LentoVault *vault,
     guint       n_entries)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func ((GDestroyNotify) json_array_unref);

  if (!unlock (vault))
    return 1;

  for (guint i = 0; i < N_MONTHS; i++)
    g_ptr_array_add (months, json_array_new ());
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *month = month_of (i % N_MONTHS);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *start = g_strdup_printf ("%s-%02uT10:00:00Z", month,
                                                1 + (i / N_MONTHS) % 28);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "uuid", uuid);
      json_object_set_string_member (entry, "start", start);
      json_array_add_object_element (g_ptr_array_index (months, i % N_MONTHS), entry);
    }

  for (guint i = 0; i < N_MONTHS; i++)
    {
      g_autofree char *month = month_of (i);
      g_autofree char *name = g_strconcat ("journal/", month, NULL);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GBytes) json = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      char *text;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "format");
      json_builder_add_int_value (builder, 1);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, month);
      json_builder_set_member_name (builder, "entries");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (),
                                                             g_ptr_array_index (months, i)));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, &length);
      json = g_bytes_new_take (text, length);

      lento_vault_write_document_async (vault, name, json, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (!lento_vault_write_document_finish (vault, result, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static int
count (LentoVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  guint n_entries = 0;

  if (!unlock (vault))
    return 1;

  names = lento_vault_list_documents (vault, &error);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) json = NULL;
      JsonObject *root;

      if (!g_str_has_prefix (names[i], "journal/") || g_str_equal (names[i], "journal/log"))
        continue;
      json = lento_vault_read_document (vault, names[i], NULL, &error);
      if (json == NULL ||
          !json_parser_load_from_data (parser, g_bytes_get_data (json, NULL),
                                       g_bytes_get_size (json), &error))
        {
          g_printerr ("%s: %s\n", names[i], error->message);
          return 1;
        }
      root = json_node_get_object (json_parser_get_root (parser));
      n_entries += json_array_get_length (json_object_get_array_member (root, "entries"));
    }

  g_print ("%u\n", n_entries);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char line[16];

  if (argc != 3 && !(argc == 4 && g_str_equal (argv[1], "add")))
    return 2;

  vault = lento_vault_new (argv[2], APPLICATION_ID);
  if (!lento_vault_open (vault, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "create"))
    return create (vault);
  if (g_str_equal (argv[1], "passphrase"))
    return set_passphrase (vault);
  if (g_str_equal (argv[1], "add"))
    return add (vault, (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (g_str_equal (argv[1], "count"))
    return count (vault);

  g_print ("ready\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)
    ;
  return 0;
}
