/* lento-keys.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lento-container.h"
#include "lento-secure.h"

G_BEGIN_DECLS

/* keys.lento, version 1: the journal UUID, up to one slot of each type
 * and the key block. Each slot wraps the journal's master key with a key
 * of its own (from the keyring, the recovery code or the passphrase); the
 * master key wraps the data key(s) in the key block. Slots can therefore
 * change without touching documents, and a data key rotation only
 * rewrites the key block. docs/FORMAT.md describes every byte.
 */
#define LENTO_KEYS_MAGIC              "LENTOKEY"
#define LENTO_KEYS_VERSION_MAJOR      1
#define LENTO_KEYS_VERSION_MINOR      0
#define LENTO_KEYS_MAX_SLOTS          3
#define LENTO_KEYS_SALT_SIZE          16
/* Three slots and two data keys take well under a kilobyte. */
#define LENTO_KEYS_MAX_FILE_SIZE      4096

/* Bounds a passphrase slot must respect; anything else is refused on
 * read, so a tampered file cannot make Lento burn a gigabyte of memory or
 * accept a trivially cheap derivation. */
#define LENTO_KDF_OPSLIMIT_MIN        1
#define LENTO_KDF_OPSLIMIT_MAX        10
#define LENTO_KDF_MEMLIMIT_KIB_MIN    (8 * 1024)
#define LENTO_KDF_MEMLIMIT_KIB_MAX    (1024 * 1024)
/* Tuned so a passphrase unlock stays well under 1.5 s on a modest laptop. */
#define LENTO_KDF_OPSLIMIT_DEFAULT    3
#define LENTO_KDF_MEMLIMIT_KIB_DEFAULT (128 * 1024)

/* The longest passphrase, in bytes of UTF-8, wherever one is typed or
 * read: the vault refuses to set a longer one, the window says so, and
 * the command line reads secrets up to this length. */
#define LENTO_PASSPHRASE_MAX_SIZE     1024

typedef enum {
  LENTO_SLOT_KEYRING = 1,
  LENTO_SLOT_RECOVERY = 2,
  LENTO_SLOT_PASSPHRASE = 3,
} LentoSlotType;

typedef struct _LentoKeyFile LentoKeyFile;

/* A new key file for a new journal: random UUID (when @uuid is NULL),
 * no slots, a key block holding @data_key wrapped by @master_key. */
LentoKeyFile  *lento_key_file_new              (const guint8   *uuid,
                                                LentoSecret    *master_key,
                                                LentoSecret    *data_key);
void           lento_key_file_free             (LentoKeyFile   *self);
LentoKeyFile  *lento_key_file_copy             (LentoKeyFile   *self);

/* Reads keys.lento. Fails with BAD_MAGIC, NEWER_VERSION, TRUNCATED_HEADER,
 * TRAILING_BYTES, KEYS_DAMAGED (checksum), BAD_HEADER or KDF_PARAMETERS. */
LentoKeyFile  *lento_key_file_parse            (const guint8   *data,
                                                gsize           size,
                                                GError        **error);
GBytes        *lento_key_file_serialize        (LentoKeyFile   *self);

const guint8  *lento_key_file_get_uuid         (LentoKeyFile   *self);
/* The UUID as the lower-case string used as keyring attribute. */
char          *lento_key_file_dup_uuid_string  (LentoKeyFile   *self);
gboolean       lento_key_file_has_slot         (LentoKeyFile   *self,
                                                LentoSlotType   type);
/* 2 while a data key rotation is unfinished, else 1. */
guint          lento_key_file_get_n_data_keys  (LentoKeyFile   *self);
/* The passphrase slot's Argon2id cost, for tests and the benchmark. */

/* Unwrapping: each returns the master key or fails with the code that
 * says which secret was wrong (WRONG_KEY, WRONG_RECOVERY_CODE,
 * WRONG_PASSPHRASE), NO_SLOT, or a recovery code error. */
LentoSecret   *lento_key_file_derive_kek       (LentoKeyFile   *self,
                                                LentoSlotType   type,
                                                LentoSecret    *secret,
                                                GError        **error);
LentoSecret   *lento_key_file_open_slot        (LentoKeyFile   *self,
                                                LentoSlotType   type,
                                                LentoSecret    *kek,
                                                GError        **error);
void           lento_key_file_rewrap_slot      (LentoKeyFile   *self,
                                                LentoSlotType   type,
                                                LentoSecret    *kek,
                                                LentoSecret    *master_key);
LentoSecret   *lento_key_file_unlock_keyring   (LentoKeyFile   *self,
                                                LentoSecret    *keyring_secret,
                                                GError        **error);
LentoSecret   *lento_key_file_unlock_recovery  (LentoKeyFile   *self,
                                                const char     *recovery_code,
                                                GError        **error);
LentoSecret   *lento_key_file_unlock_passphrase (LentoKeyFile  *self,
                                                 LentoSecret   *passphrase,
                                                 GError       **error);

/* The data keys in the key block, current first. */
GPtrArray     *lento_key_file_open_data_keys   (LentoKeyFile   *self,
                                                LentoSecret    *master_key,
                                                GError        **error);
/* Replaces the key block with @keys (1 or 2 LentoSecret, current first). */
void           lento_key_file_set_data_keys    (LentoKeyFile   *self,
                                                LentoSecret    *master_key,
                                                GPtrArray      *keys);

/* Adding a slot replaces any slot of the same type. */
void           lento_key_file_set_keyring_slot (LentoKeyFile   *self,
                                                LentoSecret    *master_key,
                                                LentoSecret    *keyring_secret);
/* Makes a new recovery code and returns it formatted for reading. */
LentoSecret   *lento_key_file_set_recovery_slot (LentoKeyFile  *self,
                                                 LentoSecret   *master_key);
gboolean       lento_key_file_set_passphrase_slot (LentoKeyFile *self,
                                                   LentoSecret  *master_key,
                                                   LentoSecret  *passphrase,
                                                   guint         opslimit,
                                                   guint         memlimit_kib,
                                                   LentoSecret **kek_out,
                                                   GError      **error);
void           lento_key_file_remove_slot      (LentoKeyFile   *self,
                                                LentoSlotType   type);
/* Keeps only the slots that a person can use without this computer
 * (recovery and passphrase), for the copy inside a backup. */
void           lento_key_file_drop_keyring_slot (LentoKeyFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoKeyFile, lento_key_file_free)

G_END_DECLS
