/* lento-container.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "lento-container.h"
#include "lento-vault-error.h"

/* Offsets of the fixed part of the header; docs/FORMAT.md has the table. */
#define OFFSET_MAJOR        8
#define OFFSET_MINOR        9
#define OFFSET_KIND         10
#define OFFSET_NAME_LENGTH  11
#define OFFSET_UUID         12
#define OFFSET_KEY_ID       28
#define OFFSET_NAME         36
#define FIXED_SIZE          OFFSET_NAME
/* After the name: extension length (4), extension, nonce (24), ciphertext
 * length (4), header checksum (16). */
#define TAIL_SIZE           (LENTO_NONCE_SIZE + 4 + LENTO_CONTAINER_CHECKSUM_SIZE)

#define KEY_ID_CONTEXT      "lento key id v1"

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
write_u32 (guint8  *p,
           guint32  value)
{
  p[0] = value & 0xff;
  p[1] = (value >> 8) & 0xff;
  p[2] = (value >> 16) & 0xff;
  p[3] = (value >> 24) & 0xff;
}

static gboolean
name_is_valid_len (const char *name,
                   gsize       len)
{
  guint slashes = 0;

  if (len == 0 || len > LENTO_CONTAINER_MAX_NAME)
    return FALSE;
  if (name[0] == '/' || name[len - 1] == '/')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = name[i];

      if (c == '/')
        {
          if (++slashes > 1)
            return FALSE;
          continue;
        }
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
        return FALSE;
    }

  /* "keys" would collide with keys.lento, which is not a container. */
  if (len == 4 && memcmp (name, "keys", 4) == 0)
    return FALSE;

  return TRUE;
}

gboolean
lento_container_name_is_valid (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return name_is_valid_len (name, strlen (name));
}

void
lento_container_key_id (LentoSecret *key,
                        guint8       key_id[LENTO_KEY_ID_SIZE])
{
  g_return_if_fail (key != NULL);
  g_return_if_fail (lento_secret_get_size (key) == LENTO_KEY_SIZE);

  lento_secure_init ();
  crypto_generichash (key_id, LENTO_KEY_ID_SIZE,
                      (const guint8 *) KEY_ID_CONTEXT, strlen (KEY_ID_CONTEXT),
                      lento_secret_get_data (key), LENTO_KEY_SIZE);
}

GBytes *
lento_container_generation_extension (guint64 generation)
{
  guint8 bytes[LENTO_CONTAINER_GENERATION_SIZE];

  for (guint i = 0; i < LENTO_CONTAINER_GENERATION_SIZE; i++)
    bytes[i] = (generation >> (8 * i)) & 0xff;

  return g_bytes_new (bytes, sizeof bytes);
}

gboolean
lento_container_parse (const guint8         *data,
                       gsize                 size,
                       LentoContainerHeader *header,
                       GError              **error)
{
  guint8 checksum[LENTO_CONTAINER_CHECKSUM_SIZE];
  gsize name_length;
  gsize extension_size;
  gsize offset;
  gsize header_size;
  guint32 ciphertext_size;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  lento_secure_init ();
  memset (header, 0, sizeof *header);

  /* A file cut inside the magic is truncated only if what is there so
   * far is the start of the magic; anything else is not ours. */
  if (memcmp (data, LENTO_CONTAINER_MAGIC, MIN (size, LENTO_CONTAINER_MAGIC_SIZE)) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_MAGIC), FALSE;
  if (size < FIXED_SIZE)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_HEADER), FALSE;

  header->version_major = data[OFFSET_MAJOR];
  header->version_minor = data[OFFSET_MINOR];
  if (header->version_major > LENTO_CONTAINER_VERSION_MAJOR)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NEWER_VERSION), FALSE;
  if (header->version_major < LENTO_CONTAINER_VERSION_MAJOR)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), FALSE;

  name_length = data[OFFSET_NAME_LENGTH];
  if (name_length == 0 || name_length > LENTO_CONTAINER_MAX_NAME)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), FALSE;

  offset = FIXED_SIZE + name_length;
  if (size < offset + 4)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_HEADER), FALSE;
  extension_size = read_u32 (data + offset);
  if (extension_size > LENTO_CONTAINER_MAX_EXTENSION)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), FALSE;
  offset += 4;

  header_size = offset + extension_size + TAIL_SIZE;
  if (size < header_size)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_HEADER), FALSE;

  /* The checksum lets a flipped bit in the header read as damage rather
   * than as a wrong key or a renamed file; the ciphertext is covered by
   * its own tag, so a large document is not hashed twice. */
  crypto_generichash (checksum, sizeof checksum, data, header_size - sizeof checksum, NULL, 0);
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  if (sodium_memcmp (checksum, data + header_size - sizeof checksum, sizeof checksum) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), FALSE;
#endif

  if (data[OFFSET_KIND] != LENTO_CONTAINER_KIND_DOCUMENT &&
      data[OFFSET_KIND] != LENTO_CONTAINER_KIND_BACKUP)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), FALSE;
  header->kind = data[OFFSET_KIND];

  if (!name_is_valid_len ((const char *) data + OFFSET_NAME, name_length))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), FALSE;
  memcpy (header->name, data + OFFSET_NAME, name_length);
  header->name[name_length] = '\0';

  memcpy (header->journal_uuid, data + OFFSET_UUID, LENTO_UUID_SIZE);
  memcpy (header->key_id, data + OFFSET_KEY_ID, LENTO_KEY_ID_SIZE);
  header->extension = extension_size > 0 ? data + offset : NULL;
  header->extension_size = extension_size;
  if (header->kind == LENTO_CONTAINER_KIND_DOCUMENT && extension_size > 0)
    {
      /* A document's extension is its generation; a shorter one is not. */
      if (extension_size < LENTO_CONTAINER_GENERATION_SIZE)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), FALSE;
      for (guint i = 0; i < LENTO_CONTAINER_GENERATION_SIZE; i++)
        header->generation |= (guint64) data[offset + i] << (8 * i);
    }
  offset += extension_size;
  header->nonce = data + offset;
  offset += LENTO_NONCE_SIZE;
  ciphertext_size = read_u32 (data + offset);

  if (ciphertext_size <= crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_EMPTY_CIPHERTEXT), FALSE;
  if (ciphertext_size > LENTO_CONTAINER_MAX_PLAINTEXT + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TOO_LARGE), FALSE;
  if (size - header_size < ciphertext_size)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_CIPHERTEXT), FALSE;
  if (size - header_size > ciphertext_size)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRAILING_BYTES), FALSE;

  header->header_size = header_size;
  header->ciphertext = data + header_size;
  header->ciphertext_size = ciphertext_size;

  return TRUE;
}

GBytes *
lento_container_seal_with_nonce (LentoContainerKind  kind,
                                 const guint8       *journal_uuid,
                                 const char         *name,
                                 LentoSecret        *key,
                                 GBytes             *extension,
                                 const guint8       *nonce,
                                 const guint8       *plaintext,
                                 gsize               plaintext_size,
                                 GError            **error)
{
  const guint8 *extension_data = NULL;
  gsize extension_size = 0;
  gsize name_length;
  gsize header_size;
  gsize offset;
  unsigned long long written = 0;
  guint8 *out;

  g_return_val_if_fail (kind == LENTO_CONTAINER_KIND_DOCUMENT ||
                        kind == LENTO_CONTAINER_KIND_BACKUP, NULL);
  g_return_val_if_fail (journal_uuid != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (key != NULL && lento_secret_get_size (key) == LENTO_KEY_SIZE, NULL);
  g_return_val_if_fail (nonce != NULL, NULL);
  g_return_val_if_fail (plaintext != NULL || plaintext_size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lento_secure_init ();

  if (!lento_container_name_is_valid (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), NULL;
  if (plaintext_size == 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_EMPTY_CIPHERTEXT), NULL;
  if (plaintext_size > LENTO_CONTAINER_MAX_PLAINTEXT)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TOO_LARGE), NULL;

  if (extension != NULL)
    extension_data = g_bytes_get_data (extension, &extension_size);
  if (extension_size > LENTO_CONTAINER_MAX_EXTENSION)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TOO_LARGE), NULL;

  name_length = strlen (name);
  header_size = FIXED_SIZE + name_length + 4 + extension_size + TAIL_SIZE;
  out = g_malloc (header_size + plaintext_size + crypto_aead_xchacha20poly1305_ietf_ABYTES);

  memcpy (out, LENTO_CONTAINER_MAGIC, LENTO_CONTAINER_MAGIC_SIZE);
  out[OFFSET_MAJOR] = LENTO_CONTAINER_VERSION_MAJOR;
  out[OFFSET_MINOR] = LENTO_CONTAINER_VERSION_MINOR;
  out[OFFSET_KIND] = kind;
  out[OFFSET_NAME_LENGTH] = name_length;
  memcpy (out + OFFSET_UUID, journal_uuid, LENTO_UUID_SIZE);
  lento_container_key_id (key, out + OFFSET_KEY_ID);
  memcpy (out + OFFSET_NAME, name, name_length);
  offset = OFFSET_NAME + name_length;
  write_u32 (out + offset, extension_size);
  offset += 4;
  if (extension_size > 0)
    memcpy (out + offset, extension_data, extension_size);
  offset += extension_size;
  memcpy (out + offset, nonce, LENTO_NONCE_SIZE);
  offset += LENTO_NONCE_SIZE;
  write_u32 (out + offset, plaintext_size + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  offset += 4;
  crypto_generichash (out + offset, LENTO_CONTAINER_CHECKSUM_SIZE, out, offset, NULL, 0);
  offset += LENTO_CONTAINER_CHECKSUM_SIZE;
  g_assert (offset == header_size);

  crypto_aead_xchacha20poly1305_ietf_encrypt (out + header_size, &written,
                                              plaintext, plaintext_size,
                                              out, header_size,
                                              NULL, nonce, lento_secret_get_data (key));
  g_assert (written == plaintext_size + crypto_aead_xchacha20poly1305_ietf_ABYTES);

  return g_bytes_new_take (out, header_size + written);
}

GBytes *
lento_container_seal (LentoContainerKind  kind,
                      const guint8       *journal_uuid,
                      const char         *name,
                      LentoSecret        *key,
                      GBytes             *extension,
                      const guint8       *plaintext,
                      gsize               plaintext_size,
                      GError            **error)
{
  guint8 nonce[LENTO_NONCE_SIZE];

  lento_secure_init ();
  randombytes_buf (nonce, sizeof nonce);

  return lento_container_seal_with_nonce (kind, journal_uuid, name, key, extension, nonce,
                                          plaintext, plaintext_size, error);
}

GBytes *
lento_container_open (const guint8          *data,
                      gsize                  size,
                      LentoContainerKind     expected_kind,
                      const guint8          *expected_uuid,
                      const char            *expected_name,
                      LentoSecret * const   *keys,
                      guint                  n_keys,
                      LentoContainerHeader  *header,
                      GError               **error)
{
  LentoContainerHeader local;
  LentoSecret *key = NULL;
  unsigned long long plaintext_size = 0;
  guint8 *plaintext;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (keys != NULL || n_keys == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (header == NULL)
    header = &local;

  if (!lento_container_parse (data, size, header, error))
    return NULL;

  if (header->kind != expected_kind)
    {
      lento_vault_set_error (error, expected_kind == LENTO_CONTAINER_KIND_BACKUP
                                    ? LENTO_VAULT_ERROR_NOT_A_BACKUP
                                    : LENTO_VAULT_ERROR_WRONG_DOCUMENT);
      return NULL;
    }

  if (expected_uuid != NULL && memcmp (expected_uuid, header->journal_uuid, LENTO_UUID_SIZE) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_FOREIGN_JOURNAL), NULL;

  if (expected_name != NULL && strcmp (expected_name, header->name) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_WRONG_DOCUMENT), NULL;

  for (guint i = 0; i < n_keys && key == NULL; i++)
    {
      guint8 key_id[LENTO_KEY_ID_SIZE];

      lento_container_key_id (keys[i], key_id);
      if (sodium_memcmp (key_id, header->key_id, LENTO_KEY_ID_SIZE) == 0)
        key = keys[i];
    }
  if (key == NULL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_WRONG_KEY), NULL;

  plaintext = g_malloc (header->ciphertext_size - crypto_aead_xchacha20poly1305_ietf_ABYTES);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plaintext, &plaintext_size, NULL,
                                                  header->ciphertext, header->ciphertext_size,
                                                  data, header->header_size,
                                                  header->nonce,
                                                  lento_secret_get_data (key)) != 0)
    {
      g_free (plaintext);
      lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED);
      return NULL;
    }

  return g_bytes_new_take (plaintext, plaintext_size);
}
