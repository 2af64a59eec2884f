/* bench-vault.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sodium.h>

#include "lento-container.h"
#include "lento-keys.h"
#include "lento-vault.h"

/* Prints one "metric value" line per figure of the vault benchmark:
 * open_4mb_ms, floor_open_4mb_ms, open_ratio, save_40kb_ms_p50, kdf_ms.
 * Every figure is the median of several runs. */

#define APP_ID "io.github.lento.Lento.Devel"
#define OPEN_RUNS 31
#define SAVE_RUNS 25
#define KDF_RUNS 3

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* A document of about @size bytes that looks like a journal month. */
static GBytes *
make_json (gsize size)
{
  GString *json = g_string_new ("{\"entries\":[");
  guint i = 0;

  while (json->len + 200 < size)
    g_string_append_printf (json, "%s{\"id\":\"%08x-0000-4000-8000-%012x\",\"comfort\":%u,"
                            "\"pain\":%u,\"notes\":\"A calm session, breathing slowly.\"}",
                            i ? "," : "", i, i, i % 11, i % 3), i++;
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("lento-bench-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (tmp, APP_ID, NULL);
  g_autofree char *keys_path = g_build_filename (data_dir, "keys.lento", NULL);
  g_autofree char *doc_path = g_build_filename (data_dir, "journal", "2026-11.lento", NULL);
  g_autoptr(LentoSecret) master_key = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) data_key = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string ("a long and calm passphrase");
  g_autoptr(LentoKeyFile) keys = NULL;
  g_autoptr(GBytes) keys_bytes = NULL;
  g_autoptr(GBytes) big = make_json (4 * 1024 * 1024);
  g_autoptr(GBytes) month = make_json (40 * 1024);
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  double open_ms[OPEN_RUNS];
  double floor_ms[OPEN_RUNS];
  double save_ms[SAVE_RUNS];
  double kdf_ms[KDF_RUNS];
  double open_median;
  double floor_median;

  lento_secure_init ();

  /* A journal whose data key the benchmark knows, so the floor can
   * decrypt the very same file. */
  g_mkdir_with_parents (data_dir, 0700);
  keys = lento_key_file_new (NULL, master_key, data_key);
  code = lento_key_file_set_recovery_slot (keys, master_key);
  keys_bytes = lento_key_file_serialize (keys);
  g_file_set_contents (keys_path, g_bytes_get_data (keys_bytes, NULL),
                       g_bytes_get_size (keys_bytes), &error);
  g_assert_no_error (error);

  vault = lento_vault_new (data_dir, APP_ID);
  if (!lento_vault_open (vault, &error) ||
      !lento_vault_unlock_recovery_code (vault, code, &error))
    g_error ("%s", error->message);

  lento_vault_write_document_async (vault, "journal/2026-11", big, NULL, result_cb, &result);
  if (!lento_vault_write_document_finish (vault, await_result (&result), &error))
    g_error ("%s", error->message);
  g_clear_object (&result);

  /* The two measures take turns, so that the allocator and the page
   * cache treat them alike. */
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      {
        g_autoptr(GBytes) plain = NULL;
        gint64 start;

        start = g_get_monotonic_time ();
        plain = lento_vault_read_document (vault, "journal/2026-11", NULL, &error);
        open_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (plain), ==, g_bytes_get_size (big));
      }
      {
        g_autofree char *contents = NULL;
        g_autofree guint8 *plain = NULL;
        LentoContainerHeader header;
        unsigned long long plain_size = 0;
        gsize length = 0;
        gint64 start;
        gint64 parse_start;
        gint64 parse_time;

        start = g_get_monotonic_time ();
        g_file_get_contents (doc_path, &contents, &length, NULL);
        /* Finding the header's end is not part of the floor. */
        parse_start = g_get_monotonic_time ();
        lento_container_parse ((const guint8 *) contents, length, &header, NULL);
        parse_time = g_get_monotonic_time () - parse_start;
        plain = g_malloc (header.ciphertext_size);
        if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_size, NULL,
                                                        header.ciphertext, header.ciphertext_size,
                                                        (const guint8 *) contents,
                                                        header.header_size, header.nonce,
                                                        lento_secret_get_data (data_key)) != 0)
          g_error ("The floor could not decrypt the document");
        floor_ms[i] = (g_get_monotonic_time () - start - parse_time) / 1000.0;
      }
    }

  for (guint i = 0; i < SAVE_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      lento_vault_write_document_async (vault, "journal/2026-10", month, NULL, result_cb, &result);
      if (!lento_vault_write_document_finish (vault, await_result (&result), &error))
        g_error ("%s", error->message);
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_object (&result);
    }

  /* The passphrase slot with the default cost, then unlocks with it. */
  lento_vault_set_passphrase_async (vault, passphrase, NULL, result_cb, &result);
  if (!lento_vault_set_passphrase_finish (vault, await_result (&result), &error))
    g_error ("%s", error->message);
  g_clear_object (&result);
  for (guint i = 0; i < KDF_RUNS; i++)
    {
      gint64 start;

      lento_vault_lock (vault);
      start = g_get_monotonic_time ();
      lento_vault_unlock_passphrase_async (vault, passphrase, NULL, result_cb, &result);
      if (!lento_vault_unlock_passphrase_finish (vault, await_result (&result), &error))
        g_error ("%s", error->message);
      kdf_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_object (&result);
    }

  open_median = median (open_ms, OPEN_RUNS);
  floor_median = median (floor_ms, OPEN_RUNS);
  printf ("open_4mb_ms %.2f\n", open_median);
  printf ("floor_open_4mb_ms %.2f\n", floor_median);
  printf ("open_ratio %.3f\n", open_median / floor_median);
  printf ("save_40kb_ms_p50 %.2f\n", median (save_ms, SAVE_RUNS));
  printf ("kdf_ms %.1f\n", median (kdf_ms, KDF_RUNS));

  lento_vault_close (vault);
  g_clear_object (&vault);
  {
    const char *rm_argv[] = { "rm", "-rf", tmp, NULL };

    g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  NULL, NULL);
  }

  return 0;
}
