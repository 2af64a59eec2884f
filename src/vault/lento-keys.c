/* lento-keys.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "lento-keys.h"
#include "lento-recovery-code.h"
#include "lento-vault-error.h"

#define OFFSET_MAJOR       8
#define OFFSET_MINOR       9
#define OFFSET_SLOTS       10
#define OFFSET_KEYS        11
#define OFFSET_UUID        12
#define FIXED_SIZE         28
#define ABYTES             crypto_aead_xchacha20poly1305_ietf_ABYTES
#define WRAPPED_SIZE       (LENTO_KEY_SIZE + ABYTES)
#define ENTRY_SIZE         (LENTO_KEY_ID_SIZE + LENTO_KEY_SIZE)
#define MAX_DATA_KEYS      2
#define BLOCK_MAX          (MAX_DATA_KEYS * ENTRY_SIZE + ABYTES)
#define CHECKSUM_SIZE      32
#define PARAMS_MAX         32
#define PASSPHRASE_PARAMS  (1 + 4 + 4 + LENTO_KEYS_SALT_SIZE)
#define RECOVERY_CONTEXT   "lento recovery code v1"

typedef struct {
  gboolean present;
  guint8   params[PARAMS_MAX];
  gsize    params_size;
  guint8   nonce[LENTO_NONCE_SIZE];
  guint8   wrapped[WRAPPED_SIZE];
} Slot;

struct _LentoKeyFile
{
  guint8 minor;
  guint8 uuid[LENTO_UUID_SIZE];
  /* Indexed by LentoSlotType - 1. */
  Slot   slots[LENTO_KEYS_MAX_SLOTS];
  guint  n_keys;
  guint8 block_nonce[LENTO_NONCE_SIZE];
  guint8 block[BLOCK_MAX];
};

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
write_u32 (guint8  *p,
           guint32  value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (value >> (8 * i)) & 0xff;
}

/* Associated data binds a slot to this journal, its type and its
 * parameters, so a slot cannot be moved to another journal or have its
 * Argon2 cost lowered without failing to open. */
static GByteArray *
slot_ad (LentoKeyFile  *self,
         LentoSlotType  type)
{
  GByteArray *ad = g_byte_array_new ();
  const Slot *slot = &self->slots[type - 1];
  guint8 prefix[2] = { type, slot->params_size };
  guint8 major = LENTO_KEYS_VERSION_MAJOR;

  g_byte_array_append (ad, (const guint8 *) LENTO_KEYS_MAGIC, 8);
  g_byte_array_append (ad, &major, 1);
  g_byte_array_append (ad, self->uuid, LENTO_UUID_SIZE);
  g_byte_array_append (ad, prefix, 2);
  g_byte_array_append (ad, slot->params, slot->params_size);

  return ad;
}

static GByteArray *
block_ad (LentoKeyFile *self)
{
  GByteArray *ad = g_byte_array_new ();
  guint8 tail[2] = { LENTO_KEYS_VERSION_MAJOR, 'K' };
  guint8 count = self->n_keys;

  g_byte_array_append (ad, (const guint8 *) LENTO_KEYS_MAGIC, 8);
  g_byte_array_append (ad, tail, 1);
  g_byte_array_append (ad, self->uuid, LENTO_UUID_SIZE);
  g_byte_array_append (ad, tail + 1, 1);
  g_byte_array_append (ad, &count, 1);

  return ad;
}

static void
wrap_slot (LentoKeyFile  *self,
           LentoSlotType  type,
           LentoSecret   *kek,
           LentoSecret   *master_key)
{
  Slot *slot = &self->slots[type - 1];
  g_autoptr(GByteArray) ad = NULL;

  g_assert (lento_secret_get_size (kek) == LENTO_KEY_SIZE);
  g_assert (lento_secret_get_size (master_key) == LENTO_KEY_SIZE);

  slot->present = TRUE;
  randombytes_buf (slot->nonce, sizeof slot->nonce);
  ad = slot_ad (self, type);
  crypto_aead_xchacha20poly1305_ietf_encrypt (slot->wrapped, NULL,
                                              lento_secret_get_data (master_key), LENTO_KEY_SIZE,
                                              ad->data, ad->len, NULL, slot->nonce,
                                              lento_secret_get_data (kek));
}

static LentoSecret *
unwrap_slot (LentoKeyFile  *self,
             LentoSlotType  type,
             LentoSecret   *kek)
{
  Slot *slot = &self->slots[type - 1];
  g_autoptr(GByteArray) ad = slot_ad (self, type);
  g_autoptr(LentoSecret) master_key = lento_secret_new (LENTO_KEY_SIZE);

  if (crypto_aead_xchacha20poly1305_ietf_decrypt (lento_secret_get_data (master_key), NULL, NULL,
                                                  slot->wrapped, WRAPPED_SIZE,
                                                  ad->data, ad->len, slot->nonce,
                                                  lento_secret_get_data (kek)) != 0)
    return NULL;

  return g_steal_pointer (&master_key);
}

LentoKeyFile *
lento_key_file_new (const guint8 *uuid,
                    LentoSecret  *master_key,
                    LentoSecret  *data_key)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  LentoKeyFile *self;

  g_return_val_if_fail (master_key != NULL, NULL);
  g_return_val_if_fail (data_key != NULL, NULL);

  lento_secure_init ();

  self = g_new0 (LentoKeyFile, 1);
  self->minor = LENTO_KEYS_VERSION_MINOR;
  if (uuid != NULL)
    {
      memcpy (self->uuid, uuid, LENTO_UUID_SIZE);
    }
  else
    {
      /* A version 4 UUID, so that it reads as one in the keyring. */
      randombytes_buf (self->uuid, LENTO_UUID_SIZE);
      self->uuid[6] = (self->uuid[6] & 0x0f) | 0x40;
      self->uuid[8] = (self->uuid[8] & 0x3f) | 0x80;
    }

  g_ptr_array_add (keys, data_key);
  lento_key_file_set_data_keys (self, master_key, keys);

  return self;
}

void
lento_key_file_free (LentoKeyFile *self)
{
  if (self == NULL)
    return;

  sodium_memzero (self, sizeof *self);
  g_free (self);
}

LentoKeyFile *
lento_key_file_copy (LentoKeyFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

LentoKeyFile *
lento_key_file_parse (const guint8  *data,
                      gsize          size,
                      GError       **error)
{
  g_autoptr(LentoKeyFile) self = NULL;
  guint8 checksum[CHECKSUM_SIZE];
  const guint8 *slot_start[LENTO_KEYS_MAX_SLOTS] = { NULL, };
  guint n_slots;
  gsize offset;
  gsize block_size;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lento_secure_init ();

  if (memcmp (data, LENTO_KEYS_MAGIC, MIN (size, 8)) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_MAGIC), NULL;
  if (size < FIXED_SIZE)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_HEADER), NULL;
  if (data[OFFSET_MAJOR] > LENTO_KEYS_VERSION_MAJOR)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NEWER_VERSION), NULL;
  if (data[OFFSET_MAJOR] < LENTO_KEYS_VERSION_MAJOR)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;

  self = g_new0 (LentoKeyFile, 1);
  self->minor = data[OFFSET_MINOR];
  n_slots = data[OFFSET_SLOTS];
  self->n_keys = data[OFFSET_KEYS];
  if (n_slots < 1 || n_slots > LENTO_KEYS_MAX_SLOTS ||
      self->n_keys < 1 || self->n_keys > MAX_DATA_KEYS)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;
  memcpy (self->uuid, data + OFFSET_UUID, LENTO_UUID_SIZE);

  /* First walk the structure: only lengths, so a cut file reads as cut. */
  offset = FIXED_SIZE;
  for (guint i = 0; i < n_slots; i++)
    {
      gsize params_size;

      if (size < offset + 2)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_HEADER), NULL;
      params_size = data[offset + 1];
      if (params_size > PARAMS_MAX)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;
      slot_start[i] = data + offset;
      offset += 2 + params_size + LENTO_NONCE_SIZE + WRAPPED_SIZE;
    }
  block_size = self->n_keys * ENTRY_SIZE + ABYTES;
  offset += LENTO_NONCE_SIZE + block_size;
  if (size < offset + CHECKSUM_SIZE)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRUNCATED_HEADER), NULL;
  if (size > offset + CHECKSUM_SIZE)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TRAILING_BYTES), NULL;

  crypto_generichash (checksum, sizeof checksum, data, offset, NULL, 0);
  /* Fuzzing builds skip the checksum, so that mutations reach the checks
   * behind it. */
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  if (sodium_memcmp (checksum, data + offset, CHECKSUM_SIZE) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYS_DAMAGED), NULL;
#endif

  /* Then the meaning of each slot. */
  for (guint i = 0; i < n_slots; i++)
    {
      const guint8 *p = slot_start[i];
      guint type = p[0];
      gsize params_size = p[1];
      Slot *slot;

      if (type < LENTO_SLOT_KEYRING || type > LENTO_SLOT_PASSPHRASE)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;
      slot = &self->slots[type - 1];
      if (slot->present)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;

      switch ((LentoSlotType) type)
        {
        case LENTO_SLOT_KEYRING:
          if (params_size != 0)
            return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;
          break;
        case LENTO_SLOT_RECOVERY:
          if (params_size != LENTO_KEYS_SALT_SIZE)
            return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;
          break;
        case LENTO_SLOT_PASSPHRASE:
          {
            guint32 opslimit;
            guint32 memlimit;

            if (params_size != PASSPHRASE_PARAMS)
              return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;
            opslimit = read_u32 (p + 3);
            memlimit = read_u32 (p + 7);
            if (p[2] != crypto_pwhash_ALG_ARGON2ID13 ||
                opslimit < LENTO_KDF_OPSLIMIT_MIN || opslimit > LENTO_KDF_OPSLIMIT_MAX ||
                memlimit < LENTO_KDF_MEMLIMIT_KIB_MIN || memlimit > LENTO_KDF_MEMLIMIT_KIB_MAX)
              return lento_vault_set_error (error, LENTO_VAULT_ERROR_KDF_PARAMETERS), NULL;
          }
          break;
        default:
          g_assert_not_reached ();
        }

      slot->present = TRUE;
      slot->params_size = params_size;
      memcpy (slot->params, p + 2, params_size);
      memcpy (slot->nonce, p + 2 + params_size, LENTO_NONCE_SIZE);
      memcpy (slot->wrapped, p + 2 + params_size + LENTO_NONCE_SIZE, WRAPPED_SIZE);
    }

  offset -= LENTO_NONCE_SIZE + block_size;
  memcpy (self->block_nonce, data + offset, LENTO_NONCE_SIZE);
  memcpy (self->block, data + offset + LENTO_NONCE_SIZE, block_size);

  return g_steal_pointer (&self);
}

GBytes *
lento_key_file_serialize (LentoKeyFile *self)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 fixed[FIXED_SIZE];
  guint8 checksum[CHECKSUM_SIZE];
  guint n_slots = 0;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < LENTO_KEYS_MAX_SLOTS; i++)
    n_slots += self->slots[i].present;

  memcpy (fixed, LENTO_KEYS_MAGIC, 8);
  fixed[OFFSET_MAJOR] = LENTO_KEYS_VERSION_MAJOR;
  fixed[OFFSET_MINOR] = self->minor;
  fixed[OFFSET_SLOTS] = n_slots;
  fixed[OFFSET_KEYS] = self->n_keys;
  memcpy (fixed + OFFSET_UUID, self->uuid, LENTO_UUID_SIZE);
  g_byte_array_append (out, fixed, sizeof fixed);

  for (guint i = 0; i < LENTO_KEYS_MAX_SLOTS; i++)
    {
      const Slot *slot = &self->slots[i];
      guint8 prefix[2] = { i + 1, slot->params_size };

      if (!slot->present)
        continue;
      g_byte_array_append (out, prefix, 2);
      g_byte_array_append (out, slot->params, slot->params_size);
      g_byte_array_append (out, slot->nonce, LENTO_NONCE_SIZE);
      g_byte_array_append (out, slot->wrapped, WRAPPED_SIZE);
    }

  g_byte_array_append (out, self->block_nonce, LENTO_NONCE_SIZE);
  g_byte_array_append (out, self->block, self->n_keys * ENTRY_SIZE + ABYTES);
  crypto_generichash (checksum, sizeof checksum, out->data, out->len, NULL, 0);
  g_byte_array_append (out, checksum, sizeof checksum);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

const guint8 *
lento_key_file_get_uuid (LentoKeyFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->uuid;
}

char *
lento_key_file_dup_uuid_string (LentoKeyFile *self)
{
  const guint8 *u;

  g_return_val_if_fail (self != NULL, NULL);

  u = self->uuid;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7],
                          u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

gboolean
lento_key_file_has_slot (LentoKeyFile  *self,
                         LentoSlotType  type)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (type >= LENTO_SLOT_KEYRING && type <= LENTO_SLOT_PASSPHRASE, FALSE);

  return self->slots[type - 1].present;
}

guint
lento_key_file_get_n_data_keys (LentoKeyFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_keys;
}

static LentoSecret *
derive_recovery_kek (LentoSecret  *entropy,
                     const guint8 *salt)
{
  LentoSecret *kek = lento_secret_new (LENTO_KEY_SIZE);
  guint8 message[sizeof RECOVERY_CONTEXT - 1 + LENTO_KEYS_SALT_SIZE];

  /* 128 random bits need no stretching: BLAKE2b keyed by the code's
   * entropy, over a context string and the slot's salt. */
  memcpy (message, RECOVERY_CONTEXT, sizeof RECOVERY_CONTEXT - 1);
  memcpy (message + sizeof RECOVERY_CONTEXT - 1, salt, LENTO_KEYS_SALT_SIZE);
  crypto_generichash (lento_secret_get_data (kek), LENTO_KEY_SIZE, message, sizeof message,
                      lento_secret_get_data (entropy), lento_secret_get_size (entropy));

  return kek;
}

static LentoSecret *
derive_passphrase_kek (LentoSecret   *passphrase,
                       const guint8  *params,
                       GError       **error)
{
  g_autoptr(LentoSecret) kek = lento_secret_new (LENTO_KEY_SIZE);
  guint32 opslimit = read_u32 (params + 1);
  guint32 memlimit_kib = read_u32 (params + 5);

  if (crypto_pwhash (lento_secret_get_data (kek), LENTO_KEY_SIZE,
                     lento_secret_get_string (passphrase), lento_secret_get_size (passphrase),
                     params + 9, opslimit, (gsize) memlimit_kib * 1024,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      /* Only running out of memory makes Argon2id fail here. */
      lento_vault_set_error (error, LENTO_VAULT_ERROR_KDF_PARAMETERS);
      return NULL;
    }

  return g_steal_pointer (&kek);
}

/**
 * lento_key_file_derive_kek:
 * @self: a key file
 * @type: the slot
 * @secret: the keyring secret, the recovery code (as text) or the passphrase
 * @error: NO_SLOT, KEYRING_ITEM_INVALID, a recovery code's typo (reported
 *   before anything else), or KDF_PARAMETERS
 *
 * Returns: (transfer full): the key-encryption key of the slot of @type:
 *   the keyring secret itself, or the key derived from the code or the
 *   passphrase with the slot's parameters. For a passphrase this takes as
 *   long as Argon2id takes.
 */
LentoSecret *
lento_key_file_derive_kek (LentoKeyFile   *self,
                           LentoSlotType   type,
                           LentoSecret    *secret,
                           GError        **error)
{
  g_autoptr(LentoSecret) entropy = NULL;
  Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type >= LENTO_SLOT_KEYRING && type <= LENTO_SLOT_PASSPHRASE, NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A typo is reported before any key work. */
  if (type == LENTO_SLOT_RECOVERY)
    {
      entropy = lento_recovery_code_parse (lento_secret_get_string (secret), error);
      if (entropy == NULL)
        return NULL;
    }

  slot = &self->slots[type - 1];
  if (!slot->present)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_SLOT), NULL;

  switch (type)
    {
    case LENTO_SLOT_KEYRING:
      if (lento_secret_get_size (secret) != LENTO_KEY_SIZE)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID), NULL;
      return lento_secret_ref (secret);

    case LENTO_SLOT_RECOVERY:
      return derive_recovery_kek (entropy, slot->params);

    case LENTO_SLOT_PASSPHRASE:
    default:
      return derive_passphrase_kek (secret, slot->params, error);
    }
}

/**
 * lento_key_file_open_slot:
 * @self: a key file
 * @type: the slot
 * @kek: its key-encryption key, from lento_key_file_derive_kek()
 * @error: NO_SLOT, or the wrong secret: WRONG_KEY (keyring),
 *   WRONG_RECOVERY_CODE or WRONG_PASSPHRASE
 *
 * Returns: (transfer full): the master key the slot wraps
 */
LentoSecret *
lento_key_file_open_slot (LentoKeyFile   *self,
                          LentoSlotType   type,
                          LentoSecret    *kek,
                          GError        **error)
{
  static const LentoVaultError wrong[] = {
    [LENTO_SLOT_KEYRING] = LENTO_VAULT_ERROR_WRONG_KEY,
    [LENTO_SLOT_RECOVERY] = LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE,
    [LENTO_SLOT_PASSPHRASE] = LENTO_VAULT_ERROR_WRONG_PASSPHRASE,
  };
  LentoSecret *master_key;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type >= LENTO_SLOT_KEYRING && type <= LENTO_SLOT_PASSPHRASE, NULL);
  g_return_val_if_fail (kek != NULL && lento_secret_get_size (kek) == LENTO_KEY_SIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!self->slots[type - 1].present)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_SLOT), NULL;

  master_key = unwrap_slot (self, type, kek);
  if (master_key == NULL)
    lento_vault_set_error (error, wrong[type]);

  return master_key;
}

/* Derives the slot's key and opens it. */
static LentoSecret *
unlock_slot (LentoKeyFile   *self,
             LentoSlotType   type,
             LentoSecret    *secret,
             GError        **error)
{
  g_autoptr(LentoSecret) kek = lento_key_file_derive_kek (self, type, secret, error);

  if (kek == NULL)
    return NULL;

  return lento_key_file_open_slot (self, type, kek, error);
}

LentoSecret *
lento_key_file_unlock_keyring (LentoKeyFile  *self,
                               LentoSecret   *keyring_secret,
                               GError       **error)
{
  return unlock_slot (self, LENTO_SLOT_KEYRING, keyring_secret, error);
}

LentoSecret *
lento_key_file_unlock_recovery (LentoKeyFile  *self,
                                const char    *recovery_code,
                                GError       **error)
{
  g_autoptr(LentoSecret) code = NULL;

  g_return_val_if_fail (recovery_code != NULL, NULL);

  code = lento_secret_new_from_string (recovery_code);
  return unlock_slot (self, LENTO_SLOT_RECOVERY, code, error);
}

LentoSecret *
lento_key_file_unlock_passphrase (LentoKeyFile  *self,
                                  LentoSecret   *passphrase,
                                  GError       **error)
{
  return unlock_slot (self, LENTO_SLOT_PASSPHRASE, passphrase, error);
}

/**
 * lento_key_file_rewrap_slot:
 * @self: a key file
 * @type: a slot it has
 * @kek: the slot's key-encryption key
 * @master_key: the master key it is to wrap
 *
 * Wraps @master_key in the slot of @type with the same key and parameters
 * (salt, Argon2id limits): the same secret opens it, now to @master_key.
 */
void
lento_key_file_rewrap_slot (LentoKeyFile  *self,
                            LentoSlotType  type,
                            LentoSecret   *kek,
                            LentoSecret   *master_key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (type >= LENTO_SLOT_KEYRING && type <= LENTO_SLOT_PASSPHRASE);
  g_return_if_fail (self->slots[type - 1].present);

  wrap_slot (self, type, kek, master_key);
}

GPtrArray *
lento_key_file_open_data_keys (LentoKeyFile  *self,
                               LentoSecret   *master_key,
                               GError       **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GByteArray) ad = NULL;
  g_autoptr(LentoSecret) plain = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (master_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ad = block_ad (self);
  plain = lento_secret_new (self->n_keys * ENTRY_SIZE);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (lento_secret_get_data (plain), NULL, NULL,
                                                  self->block, self->n_keys * ENTRY_SIZE + ABYTES,
                                                  ad->data, ad->len, self->block_nonce,
                                                  lento_secret_get_data (master_key)) != 0)
    {
      /* The slot opened, so the master key is right: the block is damaged. */
      lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYS_DAMAGED);
      return NULL;
    }

  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  for (guint i = 0; i < self->n_keys; i++)
    {
      const guint8 *entry = lento_secret_get_data (plain) + i * ENTRY_SIZE;
      g_autoptr(LentoSecret) key = lento_secret_new_from_data (entry + LENTO_KEY_ID_SIZE,
                                                               LENTO_KEY_SIZE);
      guint8 key_id[LENTO_KEY_ID_SIZE];

      lento_container_key_id (key, key_id);
      if (sodium_memcmp (key_id, entry, LENTO_KEY_ID_SIZE) != 0)
        {
          lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYS_DAMAGED);
          return NULL;
        }
      g_ptr_array_add (keys, g_steal_pointer (&key));
    }

  return g_steal_pointer (&keys);
}

void
lento_key_file_set_data_keys (LentoKeyFile *self,
                              LentoSecret  *master_key,
                              GPtrArray    *keys)
{
  g_autoptr(LentoSecret) plain = NULL;
  g_autoptr(GByteArray) ad = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (master_key != NULL);
  g_return_if_fail (keys != NULL && keys->len >= 1 && keys->len <= MAX_DATA_KEYS);

  self->n_keys = keys->len;
  plain = lento_secret_new (keys->len * ENTRY_SIZE);
  for (guint i = 0; i < keys->len; i++)
    {
      guint8 *entry = lento_secret_get_data (plain) + i * ENTRY_SIZE;

      lento_container_key_id (g_ptr_array_index (keys, i), entry);
      memcpy (entry + LENTO_KEY_ID_SIZE, lento_secret_get_data (g_ptr_array_index (keys, i)),
              LENTO_KEY_SIZE);
    }

  ad = block_ad (self);
  randombytes_buf (self->block_nonce, LENTO_NONCE_SIZE);
  crypto_aead_xchacha20poly1305_ietf_encrypt (self->block, NULL,
                                              lento_secret_get_data (plain), keys->len * ENTRY_SIZE,
                                              ad->data, ad->len, NULL, self->block_nonce,
                                              lento_secret_get_data (master_key));
}

void
lento_key_file_set_keyring_slot (LentoKeyFile *self,
                                 LentoSecret  *master_key,
                                 LentoSecret  *keyring_secret)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (master_key != NULL);
  g_return_if_fail (keyring_secret != NULL && lento_secret_get_size (keyring_secret) == LENTO_KEY_SIZE);

  self->slots[LENTO_SLOT_KEYRING - 1].params_size = 0;
  wrap_slot (self, LENTO_SLOT_KEYRING, keyring_secret, master_key);
}

LentoSecret *
lento_key_file_set_recovery_slot (LentoKeyFile *self,
                                  LentoSecret  *master_key)
{
  g_autoptr(LentoSecret) entropy = NULL;
  g_autoptr(LentoSecret) kek = NULL;
  Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (master_key != NULL, NULL);

  slot = &self->slots[LENTO_SLOT_RECOVERY - 1];
  entropy = lento_secret_new_random (LENTO_RECOVERY_CODE_ENTROPY_SIZE);
  slot->params_size = LENTO_KEYS_SALT_SIZE;
  randombytes_buf (slot->params, LENTO_KEYS_SALT_SIZE);
  kek = derive_recovery_kek (entropy, slot->params);
  wrap_slot (self, LENTO_SLOT_RECOVERY, kek, master_key);

  return lento_recovery_code_format (entropy);
}

gboolean
lento_key_file_set_passphrase_slot (LentoKeyFile  *self,
                                    LentoSecret   *master_key,
                                    LentoSecret   *passphrase,
                                    guint          opslimit,
                                    guint          memlimit_kib,
                                    LentoSecret  **kek_out,
                                    GError       **error)
{
  g_autoptr(LentoSecret) kek = NULL;
  guint8 params[PASSPHRASE_PARAMS];
  Slot *slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (master_key != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (opslimit < LENTO_KDF_OPSLIMIT_MIN || opslimit > LENTO_KDF_OPSLIMIT_MAX ||
      memlimit_kib < LENTO_KDF_MEMLIMIT_KIB_MIN || memlimit_kib > LENTO_KDF_MEMLIMIT_KIB_MAX)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_KDF_PARAMETERS), FALSE;

  params[0] = crypto_pwhash_ALG_ARGON2ID13;
  write_u32 (params + 1, opslimit);
  write_u32 (params + 5, memlimit_kib);
  randombytes_buf (params + 9, LENTO_KEYS_SALT_SIZE);

  kek = derive_passphrase_kek (passphrase, params, error);
  if (kek == NULL)
    return FALSE;

  slot = &self->slots[LENTO_SLOT_PASSPHRASE - 1];
  memcpy (slot->params, params, sizeof params);
  slot->params_size = sizeof params;
  wrap_slot (self, LENTO_SLOT_PASSPHRASE, kek, master_key);
  if (kek_out != NULL)
    *kek_out = g_steal_pointer (&kek);

  return TRUE;
}

void
lento_key_file_remove_slot (LentoKeyFile  *self,
                            LentoSlotType  type)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (type >= LENTO_SLOT_KEYRING && type <= LENTO_SLOT_PASSPHRASE);

  sodium_memzero (&self->slots[type - 1], sizeof (Slot));
}

void
lento_key_file_drop_keyring_slot (LentoKeyFile *self)
{
  g_return_if_fail (self != NULL);

  lento_key_file_remove_slot (self, LENTO_SLOT_KEYRING);
}
