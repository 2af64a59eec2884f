/* lento-vault-error.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-vault-error.h"

G_DEFINE_QUARK (lento-vault-error-quark, lento_vault_error)

const char *
lento_vault_error_message (LentoVaultError code)
{
  switch (code)
    {
    case LENTO_VAULT_ERROR_BAD_MAGIC:
      return _("This file is not a Lento file. Check that you picked the right file.");
    case LENTO_VAULT_ERROR_NEWER_VERSION:
      return _("This file was written by a newer version of Lento. Update Lento to open it.");
    case LENTO_VAULT_ERROR_TRUNCATED_HEADER:
      return _("This file ends before its header is complete: it was cut short. "
               "Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_TRUNCATED_CIPHERTEXT:
      return _("This file is shorter than it says it is: it was cut short. "
               "Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_EMPTY_CIPHERTEXT:
      return _("This file holds no content. Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_TRAILING_BYTES:
      return _("This file has extra bytes after its end, so it cannot be trusted. "
               "Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_BAD_HEADER:
      return _("This file's header is not valid. Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_DAMAGED:
      return _("This file is damaged: its content does not match its seal. "
               "Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_WRONG_DOCUMENT:
      return _("This file belongs under another name in the journal; it may have been renamed. "
               "Put it back under its own name.");
    case LENTO_VAULT_ERROR_FOREIGN_JOURNAL:
      return _("This file belongs to another journal; it may have been copied from elsewhere. "
               "Import it as a backup instead.");
    case LENTO_VAULT_ERROR_WRONG_KEY:
      return _("This file was locked with a different key than this journal's. "
               "Restore the previous copy or a backup.");
    case LENTO_VAULT_ERROR_KDF_PARAMETERS:
      return _("The passphrase settings in this file are out of range, so the file cannot be "
               "trusted. Unlock with your recovery code instead.");
    case LENTO_VAULT_ERROR_KEYS_DAMAGED:
      return _("The journal's key file is damaged. Restore it from a backup; "
               "your recovery code cannot help while it is damaged.");
    case LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE:
      return _("This recovery code does not open this journal. Check that it is the most "
               "recent code you were given.");
    case LENTO_VAULT_ERROR_WRONG_PASSPHRASE:
      return _("This passphrase does not open this journal. Check it and try again.");
    case LENTO_VAULT_ERROR_PASSPHRASE_TOO_LONG:
      return _("This passphrase is too long. Choose a shorter one; a few unrelated words are "
               "enough.");
    case LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID:
      return _("A recovery code has 28 letters and digits in groups of four. "
               "Check what you typed and try again.");
    case LENTO_VAULT_ERROR_RECOVERY_CODE_TYPO:
      return _("This recovery code has a typing mistake in it. Compare it with your copy, "
               "group by group.");
    case LENTO_VAULT_ERROR_NO_SLOT:
      return _("This journal cannot be opened that way. Use your recovery code or passphrase.");
    case LENTO_VAULT_ERROR_LAST_SLOT:
      return _("This is the last way to open the journal, so it cannot be removed. "
               "Add another way first.");
    case LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE:
      return _("The keyring cannot be reached, so Lento cannot fetch its key. "
               "Open the journal with your recovery code or passphrase.");
    case LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING:
      return _("The keyring did not give Lento its key: it may be locked, or the key was "
               "removed. Open the journal with your recovery code or passphrase.");
    case LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID:
      return _("The key Lento keeps in the keyring is not valid. Open the journal with your "
               "recovery code or passphrase, then store the key in the keyring again.");
    case LENTO_VAULT_ERROR_KEYRING_LOCKED:
      return _("The keyring is locked, and Lento does not ask to unlock it here. Unlock it by "
               "logging in to the desktop, or open the journal with your recovery code or "
               "passphrase.");
    case LENTO_VAULT_ERROR_ALREADY_OPEN:
      return _("The journal is already open in another Lento window or process. "
               "Close it there first.");
    case LENTO_VAULT_ERROR_NOT_OPEN:
      return _("The journal is not open yet.");
    case LENTO_VAULT_ERROR_NO_JOURNAL:
      return _("There is no journal here yet. Create one first.");
    case LENTO_VAULT_ERROR_JOURNAL_EXISTS:
      return _("A journal already exists here, so a new one was not made.");
    case LENTO_VAULT_ERROR_KEYS_MISSING:
      return _("The journal's files are here, but not its key file (keys.lento), and without "
               "it neither the recovery code nor the passphrase can open them. Put keys.lento "
               "back from a copy of this folder and start Lento again; or move the folder "
               "aside, make a new journal and import an encrypted backup.");
    case LENTO_VAULT_ERROR_LOCKED:
      return _("The journal is locked. Unlock it first.");
    case LENTO_VAULT_ERROR_READ_ONLY:
      return _("The journal is read-only because part of it is damaged. "
               "Restore the previous copy of the damaged part to make changes again.");
    case LENTO_VAULT_ERROR_DOCUMENT_DAMAGED:
      return _("This part of the journal is damaged and was not overwritten. "
               "Restore its previous copy or a backup.");
    case LENTO_VAULT_ERROR_NOT_FOUND:
      return _("This part of the journal does not exist.");
    case LENTO_VAULT_ERROR_INVALID_NAME:
      return _("This name cannot be used for a part of the journal.");
    case LENTO_VAULT_ERROR_TOO_LARGE:
      return _("This file is too large to be a Lento file.");
    case LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE:
      return _("There is no usable previous copy of this part of the journal. "
               "Restore it from a backup.");
    case LENTO_VAULT_ERROR_NOT_A_BACKUP:
      return _("This file is a Lento file but not a backup. Pick a backup file.");
    case LENTO_VAULT_ERROR_INSIDE_DATA_DIR:
      return _("A backup cannot go into Lento's own folder, where it would write over the "
               "journal. Choose another folder, or a USB stick.");
    case LENTO_VAULT_ERROR_BUSY:
      return _("Lento is still saving the journal. Try again in a moment.");
    case LENTO_VAULT_ERROR_IO:
      return _("The journal could not be written to disk. Check that the disk has space "
               "and try again.");
    case LENTO_VAULT_ERROR_NOT_REGULAR_FILE:
      return _("This is not a regular file (it may be a folder, a device, a named pipe or a "
               "link), so Lento did not read it. Move it away and try again.");
    case LENTO_VAULT_ERROR_ROLLED_BACK:
      return _("This part of the journal is older than the last version Lento saved: an "
               "older copy was put in its place, perhaps by a file-sync tool or a restored "
               "folder. Restore its previous version to go on from this copy, or import a "
               "backup to get the newer entries back.");
    case LENTO_VAULT_ERROR_DOCUMENT_MISSING:
      return _("This part of the journal is missing: it was deleted or moved outside Lento. "
               "Put the file back, or import a backup.");
    case LENTO_VAULT_ERROR_CONFLICT:
      return _("This part of the journal was replaced by another version of the same save, "
               "perhaps written on another computer. Restore its previous version to keep "
               "this copy, or import a backup.");
    case LENTO_VAULT_ERROR_FAILED:
    default:
      return _("Something went wrong in the journal's storage.");
    }
}

void
lento_vault_set_error (GError          **error,
                       LentoVaultError   code)
{
  g_set_error_literal (error, LENTO_VAULT_ERROR, code, lento_vault_error_message (code));
}
