/* test-container.c
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
#include "lento-recovery-code.h"
#include "lento-vault-error.h"

static const char vector_json[] = "{\"entries\":[{\"id\":\"a\",\"comfort\":7}]}";
static const char vector_name[] = "journal/2026-11";

static LentoSecret *
fixed_key (guint8 start)
{
  LentoSecret *key = lento_secret_new (LENTO_KEY_SIZE);

  for (guint i = 0; i < LENTO_KEY_SIZE; i++)
    lento_secret_get_data (key)[i] = start + i;

  return key;
}

static void
fixed_uuid (guint8 *uuid,
            guint8  start)
{
  for (guint i = 0; i < LENTO_UUID_SIZE; i++)
    uuid[i] = start + i;
}

static GBytes *
load_vector (const char *name)
{
  const char *dir = g_getenv ("LENTO_VECTOR_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Opens @data as the vector document with the vector key. */
static GBytes *
open_vector (const guint8  *data,
             gsize          size,
             GError       **error)
{
  g_autoptr(LentoSecret) key = fixed_key (0);
  guint8 uuid[LENTO_UUID_SIZE];

  fixed_uuid (uuid, 0x10);

  return lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name,
                               &key, 1, NULL, error);
}

static void
test_vectors (void)
{
  g_autoptr(GBytes) vector = load_vector ("document-v1.lento");
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) key = fixed_key (0);
  guint8 uuid[LENTO_UUID_SIZE];
  guint8 nonce[LENTO_NONCE_SIZE];
  gsize size;
  const guint8 *data = g_bytes_get_data (vector, &size);

  plain = open_vector (data, size, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   vector_json, strlen (vector_json));

  /* Sealing the same inputs gives the same bytes: the format is stable. */
  fixed_uuid (uuid, 0x10);
  for (guint i = 0; i < sizeof nonce; i++)
    nonce[i] = 0x40 + i;
  again = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name, key,
                                           NULL, nonce, (const guint8 *) vector_json,
                                           strlen (vector_json), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, vector));

  /* The header fields sit where docs/FORMAT.md says. */
  g_assert_cmpmem (data, 8, "LENTODOC", 8);
  g_assert_cmpuint (data[8], ==, 1);
  g_assert_cmpuint (data[10], ==, LENTO_CONTAINER_KIND_DOCUMENT);
  g_assert_cmpuint (data[11], ==, strlen (vector_name));
  g_assert_cmpmem (data + 12, LENTO_UUID_SIZE, uuid, LENTO_UUID_SIZE);
  g_assert_cmpmem (data + 36, strlen (vector_name), vector_name, strlen (vector_name));
  g_assert_cmpmem (data + 36 + strlen (vector_name) + 4, LENTO_NONCE_SIZE, nonce, sizeof nonce);
}

static void
test_vector_profile (void)
{
  g_autoptr(GBytes) vector = load_vector ("profile-v1.lento");
  g_autoptr(LentoSecret) key = fixed_key (0);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  guint8 uuid[LENTO_UUID_SIZE];
  gsize size;
  const guint8 *data = g_bytes_get_data (vector, &size);

  fixed_uuid (uuid, 0x10);
  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile",
                                &key, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "{}", 2);
}

/* The same month at generation 7: the generation is the document's
 * extension, 8 bytes little-endian, bound into the header. */
static void
test_vector_generation (void)
{
  g_autoptr(GBytes) vector = load_vector ("document-generation-v1.lento");
  g_autoptr(GBytes) extension = lento_container_generation_extension (7);
  g_autoptr(LentoSecret) key = fixed_key (0);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  LentoContainerHeader header;
  guint8 uuid[LENTO_UUID_SIZE];
  guint8 nonce[LENTO_NONCE_SIZE];
  static const guint8 seven[] = { 8, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0 };
  gsize size;
  const guint8 *data = g_bytes_get_data (vector, &size);

  fixed_uuid (uuid, 0x10);
  for (guint i = 0; i < sizeof nonce; i++)
    nonce[i] = 0x40 + i;
  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name,
                                &key, 1, &header, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   vector_json, strlen (vector_json));
  g_assert_cmpuint (header.generation, ==, 7);
  g_assert_cmpuint (header.extension_size, ==, LENTO_CONTAINER_GENERATION_SIZE);
  g_assert_cmpmem (data + 36 + strlen (vector_name), sizeof seven, seven, sizeof seven);

  again = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name, key,
                                           extension, nonce, (const guint8 *) vector_json,
                                           strlen (vector_json), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, vector));
}

/* The manifest vector records the generation vector by its hash. */
static void
test_vector_manifest (void)
{
  g_autoptr(GBytes) vector = load_vector ("manifest-v1.lento");
  g_autoptr(GBytes) document = load_vector ("document-generation-v1.lento");
  g_autoptr(GBytes) extension = lento_container_generation_extension (3);
  g_autoptr(LentoSecret) key = fixed_key (0);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  LentoContainerHeader header;
  guint8 uuid[LENTO_UUID_SIZE];
  guint8 nonce[LENTO_NONCE_SIZE];
  guint8 hash[32];
  char hex[sizeof hash * 2 + 1];
  gsize size;
  const guint8 *data = g_bytes_get_data (vector, &size);

  crypto_generichash (hash, sizeof hash, g_bytes_get_data (document, NULL),
                      g_bytes_get_size (document), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  /* The value docs/FORMAT.md gives. */
  g_assert_cmpstr (hex, ==, "92e4723acd0cc6f345a448a4a1186388b03507d3b9a8c3bf844723bc5abc1b46");
  expected = g_strdup_printf ("{\"format\":1,\"documents\":{\"journal/2026-11\":"
                              "{\"generation\":7,\"hash\":\"%s\"}}}", hex);

  fixed_uuid (uuid, 0x10);
  for (guint i = 0; i < sizeof nonce; i++)
    nonce[i] = 0x40 + i;
  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, "manifest",
                                &key, 1, &header, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (header.generation, ==, 3);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   expected, strlen (expected));

  again = lento_container_seal_with_nonce (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "manifest", key,
                                           extension, nonce, (const guint8 *) expected,
                                           strlen (expected), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, vector));
}

/* A document's extension is 0 bytes (no generation) or at least 8; what
 * follows the first 8 is reserved and read past. */
static void
test_generation_extension (void)
{
  g_autoptr(LentoSecret) key = fixed_key (0);
  guint8 uuid[LENTO_UUID_SIZE];
  static const guint8 longer[] = { 0x2a, 1, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

  fixed_uuid (uuid, 0x10);
  for (gsize length = 0; length <= sizeof longer; length++)
    {
      g_autoptr(GBytes) extension = g_bytes_new (longer, length);
      g_autoptr(GBytes) sealed = NULL;
      g_autoptr(GError) error = NULL;
      LentoContainerHeader header;

      sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile", key,
                                     length > 0 ? extension : NULL, (const guint8 *) "{}", 2,
                                     &error);
      g_assert_no_error (error);
      lento_container_parse (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), &header,
                             &error);
      if (length == 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (header.generation, ==, 0);
        }
      else if (length < LENTO_CONTAINER_GENERATION_SIZE)
        {
          g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_BAD_HEADER);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (header.generation, ==, 0x12a);
        }
    }
}

static void
test_round_trip (void)
{
  g_autoptr(LentoSecret) key = lento_secret_new_random (LENTO_KEY_SIZE);
  guint8 uuid[LENTO_UUID_SIZE];
  gsize sizes[] = { 1, 2, 100, 40 * 1024, 1024 * 1024 + 7 };

  randombytes_buf (uuid, sizeof uuid);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree guint8 *plain = g_malloc (sizes[i]);
      g_autoptr(GBytes) sealed = NULL;
      g_autoptr(GBytes) sealed2 = NULL;
      g_autoptr(GBytes) opened = NULL;
      g_autoptr(GError) error = NULL;
      LentoContainerHeader header;

      randombytes_buf (plain, sizes[i]);
      sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile", key, NULL,
                                     plain, sizes[i], &error);
      g_assert_no_error (error);
      opened = lento_container_open (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed),
                                     LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile", &key, 1,
                                     &header, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (opened, NULL), g_bytes_get_size (opened),
                       plain, sizes[i]);
      g_assert_cmpstr (header.name, ==, "profile");

      /* A fresh nonce every time: two seals of the same text differ. */
      sealed2 = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile", key, NULL,
                                      plain, sizes[i], &error);
      g_assert_no_error (error);
      g_assert_false (g_bytes_equal (sealed, sealed2));
    }
}

/* Rewrites the header checksum after a deliberate change, so that the
 * change itself (not the checksum) is what the reader meets. */
static void
fix_checksum (guint8 *data)
{
  gsize name_length = data[11];
  gsize offset = 36 + name_length;
  guint32 extension = data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) |
                      ((guint32) data[offset + 3] << 24);

  offset += 4 + extension + LENTO_NONCE_SIZE + 4;
  crypto_generichash (data + offset, LENTO_CONTAINER_CHECKSUM_SIZE, data, offset, NULL, 0);
}

static gsize
ciphertext_length_offset (const guint8 *data)
{
  return 36 + data[11] + 4 + LENTO_NONCE_SIZE;
}

typedef enum {
  CHANGE_MAGIC,
  CHANGE_MAJOR,
  CHANGE_TRUNCATE_HEADER,
  CHANGE_TRUNCATE_BODY,
  CHANGE_EMPTY_CIPHERTEXT,
  CHANGE_TRAILING,
  CHANGE_FLIP_BODY,
  CHANGE_FLIP_HEADER,
  CHANGE_KIND,
  CHANGE_RENAMED,
  CHANGE_FOREIGN,
  CHANGE_OTHER_KEY,
  CHANGE_NEWER_MINOR,
} Change;

static const struct {
  const char      *path;
  Change           change;
  LentoVaultError  code;
} rejections[] = {
  { "/lento/container/reject/wrong-magic", CHANGE_MAGIC, LENTO_VAULT_ERROR_BAD_MAGIC },
  { "/lento/container/reject/newer-major", CHANGE_MAJOR, LENTO_VAULT_ERROR_NEWER_VERSION },
  { "/lento/container/reject/truncated-header", CHANGE_TRUNCATE_HEADER,
    LENTO_VAULT_ERROR_TRUNCATED_HEADER },
  { "/lento/container/reject/truncated-ciphertext", CHANGE_TRUNCATE_BODY,
    LENTO_VAULT_ERROR_TRUNCATED_CIPHERTEXT },
  { "/lento/container/reject/empty-ciphertext", CHANGE_EMPTY_CIPHERTEXT,
    LENTO_VAULT_ERROR_EMPTY_CIPHERTEXT },
  { "/lento/container/reject/trailing-bytes", CHANGE_TRAILING, LENTO_VAULT_ERROR_TRAILING_BYTES },
  { "/lento/container/reject/flipped-ciphertext", CHANGE_FLIP_BODY, LENTO_VAULT_ERROR_DAMAGED },
  { "/lento/container/reject/flipped-header", CHANGE_FLIP_HEADER, LENTO_VAULT_ERROR_DAMAGED },
  { "/lento/container/reject/backup-as-document", CHANGE_KIND, LENTO_VAULT_ERROR_WRONG_DOCUMENT },
  { "/lento/container/reject/renamed", CHANGE_RENAMED, LENTO_VAULT_ERROR_WRONG_DOCUMENT },
  { "/lento/container/reject/foreign-journal", CHANGE_FOREIGN, LENTO_VAULT_ERROR_FOREIGN_JOURNAL },
  { "/lento/container/reject/wrong-key", CHANGE_OTHER_KEY, LENTO_VAULT_ERROR_WRONG_KEY },
};

static void
test_rejection (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(GBytes) vector = load_vector ("document-v1.lento");
  g_autoptr(LentoSecret) key = fixed_key (0);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  guint8 uuid[LENTO_UUID_SIZE];
  const char *name = vector_name;
  LentoContainerKind kind = LENTO_CONTAINER_KIND_DOCUMENT;
  gsize size;
  const guint8 *original = g_bytes_get_data (vector, &size);

  fixed_uuid (uuid, 0x10);
  g_byte_array_append (bytes, original, size);

  switch (rejections[index].change)
    {
    case CHANGE_MAGIC:
      bytes->data[3] ^= 0x20;
      break;
    case CHANGE_MAJOR:
      bytes->data[8] = 2;
      break;
    case CHANGE_TRUNCATE_HEADER:
      g_byte_array_set_size (bytes, 40);
      break;
    case CHANGE_TRUNCATE_BODY:
      g_byte_array_set_size (bytes, size - 1);
      break;
    case CHANGE_EMPTY_CIPHERTEXT:
      {
        gsize offset = ciphertext_length_offset (bytes->data);

        memset (bytes->data + offset, 0, 4);
        fix_checksum (bytes->data);
        g_byte_array_set_size (bytes, offset + 4 + LENTO_CONTAINER_CHECKSUM_SIZE);
      }
      break;
    case CHANGE_TRAILING:
      g_byte_array_append (bytes, (const guint8 *) "\n", 1);
      break;
    case CHANGE_FLIP_BODY:
      bytes->data[size - 20] ^= 0x04;
      break;
    case CHANGE_FLIP_HEADER:
      bytes->data[20] ^= 0x01;
      break;
    case CHANGE_KIND:
      bytes->data[10] = LENTO_CONTAINER_KIND_BACKUP;
      fix_checksum (bytes->data);
      break;
    case CHANGE_RENAMED:
      name = "journal/2026-12";
      break;
    case CHANGE_FOREIGN:
      uuid[0] ^= 0xff;
      break;
    case CHANGE_OTHER_KEY:
      g_clear_pointer (&key, lento_secret_unref);
      key = fixed_key (1);
      break;
    case CHANGE_NEWER_MINOR:
    default:
      g_assert_not_reached ();
    }

  plain = lento_container_open (bytes->data, bytes->len, kind, uuid, name, &key, 1, NULL, &error);
  g_assert_null (plain);
  g_assert_error (error, LENTO_VAULT_ERROR, (int) rejections[index].code);
  /* Every code has its own sentence. */
  g_assert_cmpstr (error->message, ==, lento_vault_error_message (rejections[index].code));
}

static void
test_newer_minor_accepted (void)
{
  g_autoptr(GBytes) vector = load_vector ("document-v1.lento");
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *original = g_bytes_get_data (vector, &size);

  /* A minor version only adds what an older reader may ignore; but the
   * header is authenticated, so the change shows up as damage. */
  g_byte_array_append (bytes, original, size);
  bytes->data[9] = 1;
  fix_checksum (bytes->data);
  plain = open_vector (bytes->data, bytes->len, &error);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DAMAGED);
}

static void
test_every_bit_flip (void)
{
  g_autoptr(GBytes) vector = load_vector ("profile-v1.lento");
  g_autoptr(LentoSecret) key = fixed_key (0);
  guint8 uuid[LENTO_UUID_SIZE];
  gsize size;
  const guint8 *original = g_bytes_get_data (vector, &size);
  g_autofree guint8 *copy = g_memdup2 (original, size);
  guint rejected = 0;

  fixed_uuid (uuid, 0x10);
  for (gsize bit = 0; bit < size * 8; bit++)
    {
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GError) error = NULL;

      copy[bit / 8] ^= 1 << (bit % 8);
      plain = lento_container_open (copy, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, "profile",
                                    &key, 1, NULL, &error);
      g_assert_null (plain);
      g_assert_nonnull (error);
      g_assert_true (error->domain == LENTO_VAULT_ERROR);
      /* A flipped bit never reads as a wrong key or another journal. */
      g_assert_false (error->code == LENTO_VAULT_ERROR_WRONG_KEY);
      g_assert_false (error->code == LENTO_VAULT_ERROR_FOREIGN_JOURNAL);
      copy[bit / 8] ^= 1 << (bit % 8);
      rejected++;
    }
  g_assert_cmpuint (rejected, ==, size * 8);
}

static void
test_truncation (void)
{
  g_autoptr(LentoSecret) key = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autofree guint8 *plain = g_malloc (20000);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GError) error = NULL;
  LentoContainerHeader header;
  guint8 uuid[LENTO_UUID_SIZE];
  gsize size;
  const guint8 *data;

  memset (plain, 'x', 20000);
  fixed_uuid (uuid, 0x33);
  sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, uuid, "journal/2026-01", key,
                                 NULL, plain, 20000, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (sealed, &size);
  g_assert_true (lento_container_parse (data, size, &header, &error));

  for (gsize cut = 0; cut < size; cut += cut < header.header_size ? 1 : 97)
    {
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(GBytes) opened = NULL;

      opened = lento_container_open (data, cut, LENTO_CONTAINER_KIND_DOCUMENT, uuid,
                                     "journal/2026-01", &key, 1, NULL, &cut_error);
      g_assert_null (opened);
      if (cut < header.header_size)
        g_assert_error (cut_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_TRUNCATED_HEADER);
      else
        g_assert_error (cut_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_TRUNCATED_CIPHERTEXT);
    }
}

static void
test_wrong_key_vs_damaged (void)
{
  g_autoptr(GBytes) vector = load_vector ("document-v1.lento");
  g_autoptr(LentoSecret) right = fixed_key (0);
  g_autoptr(LentoSecret) wrong = fixed_key (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;
  LentoSecret *both[2];
  guint8 uuid[LENTO_UUID_SIZE];
  gsize size;
  const guint8 *data = g_bytes_get_data (vector, &size);
  g_autofree guint8 *damaged = g_memdup2 (data, size);

  fixed_uuid (uuid, 0x10);
  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name,
                                &wrong, 1, NULL, &error);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);

  damaged[size - 1] ^= 0x80;
  plain = lento_container_open (damaged, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name,
                                &right, 1, NULL, &error);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);

  /* With two keys (a rotation), the one named by the header is used. */
  both[0] = wrong;
  both[1] = right;
  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, uuid, vector_name,
                                both, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plain);
}

static void
test_names (void)
{
  const char *good[] = { "profile", "journal/2026-11", "a", "x-1/y-2" };
  const char *bad[] = { "", "keys", "Profile", "journal/", "/journal", "a/b/c", "a b", "..",
                        "journal/2026.11",
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (lento_container_name_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (lento_container_name_is_valid (bad[i]));
}

/* Key file */

static LentoKeyFile *
new_key_file (LentoSecret *master_key)
{
  g_autoptr(LentoSecret) data_key = lento_secret_new_random (LENTO_KEY_SIZE);

  return lento_key_file_new (NULL, master_key, data_key);
}

static void
test_keys_round_trip (void)
{
  g_autoptr(LentoSecret) master_key = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) keyring_secret = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string ("a calm evening");
  g_autoptr(LentoKeyFile) keys = new_key_file (master_key);
  g_autoptr(LentoKeyFile) parsed = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoSecret) opened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  lento_key_file_set_keyring_slot (keys, master_key, keyring_secret);
  code = lento_key_file_set_recovery_slot (keys, master_key);
  g_assert_true (lento_key_file_set_passphrase_slot (keys, master_key, passphrase,
                                                     LENTO_KDF_OPSLIMIT_MIN,
                                                     LENTO_KDF_MEMLIMIT_KIB_MIN, NULL, &error));
  bytes = lento_key_file_serialize (keys);
  parsed = lento_key_file_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  opened = lento_key_file_unlock_keyring (parsed, keyring_secret, &error);
  g_assert_no_error (error);
  g_assert_true (lento_secret_equal (opened, master_key));
  g_clear_pointer (&opened, lento_secret_unref);

  opened = lento_key_file_unlock_recovery (parsed, lento_secret_get_string (code), &error);
  g_assert_no_error (error);
  g_assert_true (lento_secret_equal (opened, master_key));
  g_clear_pointer (&opened, lento_secret_unref);

  opened = lento_key_file_unlock_passphrase (parsed, passphrase, &error);
  g_assert_no_error (error);
  g_assert_true (lento_secret_equal (opened, master_key));
}

static void
test_keys_rejections (void)
{
  g_autoptr(LentoSecret) master_key = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string ("p");
  g_autoptr(LentoKeyFile) keys = new_key_file (master_key);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;
  struct {
    guint32         opslimit;
    guint32         memlimit_kib;
    LentoVaultError code;
  } kdf[] = {
    { 0, 65536, LENTO_VAULT_ERROR_KDF_PARAMETERS },
    { 1000, 65536, LENTO_VAULT_ERROR_KDF_PARAMETERS },
    { 2, 16, LENTO_VAULT_ERROR_KDF_PARAMETERS },
    { 2, 64 * 1024 * 1024, LENTO_VAULT_ERROR_KDF_PARAMETERS },
  };

  g_assert_true (lento_key_file_set_passphrase_slot (keys, master_key, passphrase, 1,
                                                     LENTO_KDF_MEMLIMIT_KIB_MIN, NULL, &error));
  bytes = lento_key_file_serialize (keys);
  copy = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  size = g_bytes_get_size (bytes);

  /* The passphrase slot is the only one: its cost starts at byte 31. */
  g_assert_cmpuint (copy[28], ==, LENTO_SLOT_PASSPHRASE);
  for (guint i = 0; i < G_N_ELEMENTS (kdf); i++)
    {
      g_autofree guint8 *changed = g_memdup2 (copy, size);
      g_autoptr(LentoKeyFile) parsed = NULL;
      g_autoptr(GError) kdf_error = NULL;

      for (guint b = 0; b < 4; b++)
        {
          changed[31 + b] = (kdf[i].opslimit >> (8 * b)) & 0xff;
          changed[35 + b] = (kdf[i].memlimit_kib >> (8 * b)) & 0xff;
        }
      crypto_generichash (changed + size - 32, 32, changed, size - 32, NULL, 0);
      parsed = lento_key_file_parse (changed, size, &kdf_error);
      g_assert_null (parsed);
      g_assert_error (kdf_error, LENTO_VAULT_ERROR, (int) kdf[i].code);
    }

  /* Every flipped bit is refused, most as damage. */
  for (gsize bit = 0; bit < size * 8; bit++)
    {
      g_autoptr(LentoKeyFile) parsed = NULL;
      g_autoptr(GError) bit_error = NULL;

      copy[bit / 8] ^= 1 << (bit % 8);
      parsed = lento_key_file_parse (copy, size, &bit_error);
      g_assert_null (parsed);
      g_assert_nonnull (bit_error);
      if (bit >= 12 * 8)
        g_assert_false (bit_error->code == LENTO_VAULT_ERROR_WRONG_PASSPHRASE);
      copy[bit / 8] ^= 1 << (bit % 8);
    }

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(LentoKeyFile) parsed = NULL;
      g_autoptr(GError) cut_error = NULL;

      parsed = lento_key_file_parse (copy, cut, &cut_error);
      g_assert_null (parsed);
      g_assert_error (cut_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_TRUNCATED_HEADER);
    }

  {
    g_autoptr(GByteArray) longer = g_byte_array_new ();
    g_autoptr(LentoKeyFile) parsed = NULL;

    g_byte_array_append (longer, copy, size);
    g_byte_array_append (longer, (const guint8 *) "x", 1);
    parsed = lento_key_file_parse (longer->data, longer->len, &error);
    g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_TRAILING_BYTES);
  }
}

static void
test_keys_wrong_secret (void)
{
  g_autoptr(LentoSecret) master_key = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) secret = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) other = lento_secret_new_random (LENTO_KEY_SIZE);
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string ("right");
  g_autoptr(LentoSecret) wrong_passphrase = lento_secret_new_from_string ("wrong");
  g_autoptr(LentoKeyFile) keys = new_key_file (master_key);
  g_autoptr(LentoKeyFile) other_keys = new_key_file (master_key);
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoSecret) other_code = NULL;
  g_autoptr(GError) error = NULL;

  lento_key_file_set_keyring_slot (keys, master_key, secret);
  code = lento_key_file_set_recovery_slot (keys, master_key);
  other_code = lento_key_file_set_recovery_slot (other_keys, master_key);
  g_assert_true (lento_key_file_set_passphrase_slot (keys, master_key, passphrase, 1,
                                                     LENTO_KDF_MEMLIMIT_KIB_MIN, NULL, NULL));

  g_assert_null (lento_key_file_unlock_keyring (keys, other, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);
  g_assert_null (lento_key_file_unlock_recovery (keys, lento_secret_get_string (other_code),
                                                 &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_assert_null (lento_key_file_unlock_passphrase (keys, wrong_passphrase, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_null (lento_key_file_unlock_passphrase (other_keys, passphrase, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_SLOT);
}

/* Recovery codes */

static void
test_recovery_code_format (void)
{
  g_autoptr(LentoSecret) entropy = lento_secret_new_random (LENTO_RECOVERY_CODE_ENTROPY_SIZE);
  g_autoptr(LentoSecret) code = lento_recovery_code_format (entropy);
  g_autoptr(LentoSecret) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sloppy = NULL;
  const char *text = lento_secret_get_string (code);

  g_assert_cmpuint (strlen (text), ==, 34);
  for (guint i = 0; i < 34; i++)
    {
      if (i % 5 == 4)
        g_assert_cmpint (text[i], ==, '-');
      else
        g_assert_nonnull (strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", text[i]));
    }

  back = lento_recovery_code_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (lento_secret_equal (back, entropy));
  g_clear_pointer (&back, lento_secret_unref);

  /* Lower case, spaces instead of dashes, O for 0 and l for 1 all read. */
  sloppy = g_ascii_strdown (text, -1);
  for (char *p = sloppy; *p; p++)
    {
      if (*p == '-')
        *p = ' ';
      else if (*p == '0')
        *p = 'o';
      else if (*p == '1')
        *p = 'l';
    }
  back = lento_recovery_code_parse (sloppy, &error);
  g_assert_no_error (error);
  g_assert_true (lento_secret_equal (back, entropy));
}

static void
test_recovery_code_typos (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  g_autoptr(LentoSecret) entropy = lento_secret_new_random (LENTO_RECOVERY_CODE_ENTROPY_SIZE);
  g_autoptr(LentoSecret) code = lento_recovery_code_format (entropy);
  g_autofree char *text = g_strdup (lento_secret_get_string (code));
  g_autoptr(GError) error = NULL;
  guint caught = 0;

  /* Every single mistyped character is caught. */
  for (guint i = 0; text[i]; i++)
    {
      char saved = text[i];

      if (saved == '-')
        continue;
      for (guint a = 0; a < 32; a++)
        {
          g_autoptr(LentoSecret) parsed = NULL;
          g_autoptr(GError) typo_error = NULL;

          if (alphabet[a] == saved)
            continue;
          text[i] = alphabet[a];
          parsed = lento_recovery_code_parse (text, &typo_error);
          g_assert_null (parsed);
          g_assert_error (typo_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_RECOVERY_CODE_TYPO);
          caught++;
        }
      text[i] = saved;
    }
  g_assert_cmpuint (caught, ==, 28 * 31);

  /* Every swap of two different neighbouring data characters is caught. */
  for (guint i = 0; text[i + 1]; i++)
    {
      guint j = text[i + 1] == '-' ? i + 2 : i + 1;
      char a = text[i];
      g_autoptr(LentoSecret) parsed = NULL;
      g_autoptr(GError) swap_error = NULL;

      if (a == '-' || text[j] == a || j > 31)
        continue;
      text[i] = text[j];
      text[j] = a;
      parsed = lento_recovery_code_parse (text, &swap_error);
      g_assert_null (parsed);
      g_assert_nonnull (swap_error);
      text[j] = text[i];
      text[i] = a;
    }

  g_assert_null (lento_recovery_code_parse ("7K3M-Q9TX", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID);
  g_clear_error (&error);
  text[0] = 'U';
  g_assert_null (lento_recovery_code_parse (text, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID);
}

static void
test_secret (void)
{
  g_autoptr(LentoSecret) a = lento_secret_new_from_string ("same");
  g_autoptr(LentoSecret) b = lento_secret_new_from_string ("same");
  g_autoptr(LentoSecret) c = lento_secret_new_from_string ("other");
  LentoSecret *ref;

  g_assert_true (lento_secret_equal (a, b));
  g_assert_false (lento_secret_equal (a, c));
  g_assert_cmpstr (lento_secret_get_string (a), ==, "same");
  g_assert_cmpuint (lento_secret_get_size (a), ==, 4);
  ref = g_boxed_copy (LENTO_TYPE_SECRET, a);
  g_assert_true (ref == a);
  g_boxed_free (LENTO_TYPE_SECRET, ref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  lento_secure_init ();

  g_test_add_func ("/lento/container/vectors", test_vectors);
  g_test_add_func ("/lento/container/vector-profile", test_vector_profile);
  g_test_add_func ("/lento/container/vector-generation", test_vector_generation);
  g_test_add_func ("/lento/container/vector-manifest", test_vector_manifest);
  g_test_add_func ("/lento/container/generation-extension", test_generation_extension);
  g_test_add_func ("/lento/container/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    g_test_add_data_func (rejections[i].path, GUINT_TO_POINTER (i), test_rejection);
  g_test_add_func ("/lento/container/reject/changed-minor", test_newer_minor_accepted);
  g_test_add_func ("/lento/container/every-bit-flip", test_every_bit_flip);
  g_test_add_func ("/lento/container/truncation", test_truncation);
  g_test_add_func ("/lento/container/wrong-key-vs-damaged", test_wrong_key_vs_damaged);
  g_test_add_func ("/lento/container/names", test_names);
  g_test_add_func ("/lento/keys/round-trip", test_keys_round_trip);
  g_test_add_func ("/lento/keys/rejections", test_keys_rejections);
  g_test_add_func ("/lento/keys/wrong-secret", test_keys_wrong_secret);
  g_test_add_func ("/lento/recovery-code/format", test_recovery_code_format);
  g_test_add_func ("/lento/recovery-code/typos", test_recovery_code_typos);
  g_test_add_func ("/lento/secret/basics", test_secret);

  return g_test_run ();
}
