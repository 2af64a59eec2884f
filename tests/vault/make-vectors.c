/* make-vectors.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "lento-container.h"
#include "lento-keys.h"

/* Writes the container test vectors (tests/vault/vectors) and the fuzz
 * seeds (tests/fuzz/corpus) into the folder given as argument. The vector
 * inputs are fixed, so running it again gives the same vector bytes;
 * test-container checks the checked-in files against the code. The key
 * file seeds use fresh nonces and differ on every run. */

static void
fill (guint8 *p,
      gsize   n,
      guint8  start)
{
  for (gsize i = 0; i < n; i++)
    p[i] = start + i;
}

static void
save (const char *dir,
      const char *name,
      GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  static const char document[] = "{\"entries\":[{\"id\":\"a\",\"comfort\":7}]}";
  static const char backup[] = "{\"documents\":[]}";
  g_autoptr(LentoSecret) key = lento_secret_new (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) master_key = lento_secret_new (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) keyring_secret = lento_secret_new (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string ("fuzz passphrase");
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoKeyFile) keys = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) keys_bytes = NULL;
  guint8 uuid[LENTO_UUID_SIZE];
  guint8 nonce[LENTO_NONCE_SIZE];

  if (argc != 3)
    {
      g_printerr ("usage: %s VECTOR-DIR CORPUS-DIR\n", argv[0]);
      return 2;
    }

  fill (lento_secret_get_data (key), LENTO_KEY_SIZE, 0x00);
  fill (uuid, sizeof uuid, 0x10);
  fill (nonce, sizeof nonce, 0x40);

  bytes = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "journal/2026-11",
                                           key, NULL, nonce, (const guint8 *) document,
                                           strlen (document), NULL);
  save (argv[1], "document-v1.lento", bytes);
  save (argv[2], "container/document", bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile",
                                           key, NULL, nonce, (const guint8 *) "{}", 2, NULL);
  save (argv[1], "profile-v1.lento", bytes);
  save (argv[2], "container/profile", bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* The same month at generation 7, and a manifest (generation 3) that
   * records it with the BLAKE2b-256 hash of that file. */
  {
    g_autoptr(GBytes) generation = lento_container_generation_extension (7);
    g_autoptr(GBytes) manifest_generation = lento_container_generation_extension (3);
    g_autoptr(GBytes) manifest_bytes = NULL;
    g_autofree char *manifest = NULL;
    guint8 hash[32];
    char hex[sizeof hash * 2 + 1];

    bytes = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid,
                                             "journal/2026-11", key, generation, nonce,
                                             (const guint8 *) document, strlen (document), NULL);
    save (argv[1], "document-generation-v1.lento", bytes);
    save (argv[2], "container/document-generation", bytes);
    crypto_generichash (hash, sizeof hash, g_bytes_get_data (bytes, NULL),
                        g_bytes_get_size (bytes), NULL, 0);
    sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
    g_clear_pointer (&bytes, g_bytes_unref);

    manifest = g_strdup_printf ("{\"format\":1,\"documents\":{\"journal/2026-11\":"
                                "{\"generation\":7,\"hash\":\"%s\"}}}", hex);
    manifest_bytes = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid,
                                                      "manifest", key, manifest_generation, nonce,
                                                      (const guint8 *) manifest,
                                                      strlen (manifest), NULL);
    save (argv[1], "manifest-v1.lento", manifest_bytes);
    save (argv[2], "container/manifest", manifest_bytes);
  }

  fill (lento_secret_get_data (master_key), LENTO_KEY_SIZE, 0x60);
  fill (lento_secret_get_data (keyring_secret), LENTO_KEY_SIZE, 0xa0);
  keys = lento_key_file_new (uuid, master_key, key);
  lento_key_file_set_keyring_slot (keys, master_key, keyring_secret);
  keys_bytes = lento_key_file_serialize (keys);
  save (argv[2], "keys/keyring-only", keys_bytes);
  g_clear_pointer (&keys_bytes, g_bytes_unref);

  code = lento_key_file_set_recovery_slot (keys, master_key);
  keys_bytes = lento_key_file_serialize (keys);
  save (argv[2], "keys/keyring-recovery", keys_bytes);
  save (argv[2], "keys/code", g_bytes_new_static (lento_secret_get_string (code),
                                                  lento_secret_get_size (code)));
  g_clear_pointer (&keys_bytes, g_bytes_unref);

  lento_key_file_set_passphrase_slot (keys, master_key, passphrase, LENTO_KDF_OPSLIMIT_MIN,
                                      LENTO_KDF_MEMLIMIT_KIB_MIN, NULL, NULL);
  keys_bytes = lento_key_file_serialize (keys);
  save (argv[2], "keys/all-slots", keys_bytes);

  bytes = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_BACKUP, uuid, "backup",
                                           key, keys_bytes, nonce, (const guint8 *) backup,
                                           strlen (backup), NULL);
  save (argv[1], "backup-v1.lento", bytes);
  save (argv[2], "container/backup", bytes);

  return 0;
}
