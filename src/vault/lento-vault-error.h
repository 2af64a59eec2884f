/* lento-vault-error.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENTO_VAULT_ERROR (lento_vault_error_quark ())

/* Every way the vault can fail. Each code maps to one translated sentence
 * that says what happened and what a person can do about it; see
 * lento_vault_error_message().
 */
typedef enum {
  LENTO_VAULT_ERROR_FAILED,
  /* Reading a container or keys.lento. */
  LENTO_VAULT_ERROR_BAD_MAGIC,
  LENTO_VAULT_ERROR_NEWER_VERSION,
  LENTO_VAULT_ERROR_TRUNCATED_HEADER,
  LENTO_VAULT_ERROR_TRUNCATED_CIPHERTEXT,
  LENTO_VAULT_ERROR_EMPTY_CIPHERTEXT,
  LENTO_VAULT_ERROR_TRAILING_BYTES,
  LENTO_VAULT_ERROR_BAD_HEADER,
  LENTO_VAULT_ERROR_DAMAGED,
  LENTO_VAULT_ERROR_WRONG_DOCUMENT,
  LENTO_VAULT_ERROR_FOREIGN_JOURNAL,
  LENTO_VAULT_ERROR_WRONG_KEY,
  LENTO_VAULT_ERROR_KDF_PARAMETERS,
  LENTO_VAULT_ERROR_KEYS_DAMAGED,
  /* Unlocking. */
  LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE,
  LENTO_VAULT_ERROR_WRONG_PASSPHRASE,
  LENTO_VAULT_ERROR_PASSPHRASE_TOO_LONG,
  LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID,
  LENTO_VAULT_ERROR_RECOVERY_CODE_TYPO,
  LENTO_VAULT_ERROR_NO_SLOT,
  LENTO_VAULT_ERROR_LAST_SLOT,
  LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE,
  LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING,
  LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID,
  LENTO_VAULT_ERROR_KEYRING_LOCKED,
  /* The journal as a whole. */
  LENTO_VAULT_ERROR_ALREADY_OPEN,
  LENTO_VAULT_ERROR_NOT_OPEN,
  LENTO_VAULT_ERROR_NO_JOURNAL,
  LENTO_VAULT_ERROR_JOURNAL_EXISTS,
  LENTO_VAULT_ERROR_KEYS_MISSING,
  LENTO_VAULT_ERROR_LOCKED,
  LENTO_VAULT_ERROR_READ_ONLY,
  LENTO_VAULT_ERROR_DOCUMENT_DAMAGED,
  LENTO_VAULT_ERROR_NOT_FOUND,
  LENTO_VAULT_ERROR_INVALID_NAME,
  LENTO_VAULT_ERROR_TOO_LARGE,
  LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE,
  LENTO_VAULT_ERROR_NOT_A_BACKUP,
  LENTO_VAULT_ERROR_INSIDE_DATA_DIR,
  LENTO_VAULT_ERROR_BUSY,
  LENTO_VAULT_ERROR_IO,
  /* Reading a file: a pipe, a device, a folder or a link in its place. */
  LENTO_VAULT_ERROR_NOT_REGULAR_FILE,
  /* Checking documents against the manifest. */
  LENTO_VAULT_ERROR_ROLLED_BACK,
  LENTO_VAULT_ERROR_DOCUMENT_MISSING,
  LENTO_VAULT_ERROR_CONFLICT,
} LentoVaultError;

GQuark      lento_vault_error_quark   (void);

/* The translated sentence for @code: what happened and what to do. */
const char *lento_vault_error_message (LentoVaultError code);

/* Sets @error to @code with its sentence. */
void        lento_vault_set_error     (GError          **error,
                                       LentoVaultError   code);

G_END_DECLS
