/* lento-vault.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lento-file-layer.h"
#include "lento-keys.h"
#include "lento-secure.h"
#include "lento-vault-error.h"

G_BEGIN_DECLS

#define LENTO_TYPE_VAULT (lento_vault_get_type ())
#define LENTO_TYPE_VAULT_STATE (lento_vault_state_get_type ())
#define LENTO_TYPE_DOCUMENT_STATUS (lento_document_status_get_type ())
#define LENTO_TYPE_DOCUMENT_REPORT (lento_document_report_get_type ())

G_DECLARE_FINAL_TYPE (LentoVault, lento_vault, LENTO, VAULT, GObject)

typedef enum {
  LENTO_VAULT_STATE_CLOSED,     /* lento_vault_open() was not called yet */
  LENTO_VAULT_STATE_NO_JOURNAL, /* open, and there is no keys.lento: create one */
  LENTO_VAULT_STATE_LOCKED,     /* a journal exists; no key in memory */
  LENTO_VAULT_STATE_UNLOCKED,   /* documents can be read and written */
  LENTO_VAULT_STATE_READ_ONLY,  /* unlocked, but a document is damaged: see
                                 * LentoVault:damaged-document; writes are refused */
} LentoVaultState;

typedef enum {
  LENTO_DOCUMENT_OK,
  LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS, /* the current file failed; .prev opened */
  LENTO_DOCUMENT_DAMAGED,                /* neither the current file nor .prev opens */
  LENTO_DOCUMENT_ROLLED_BACK,            /* it opens, but is older than the generation
                                          * the manifest records */
  LENTO_DOCUMENT_MISSING,                /* the manifest records it; no file is there */
  LENTO_DOCUMENT_CONFLICT,               /* the generation the manifest records, with
                                          * other bytes: written elsewhere */
} LentoDocumentStatus;

/* One line of lento_vault_verify(). */
typedef struct {
  char                *name;
  LentoDocumentStatus  status;
  /* Why the current file failed, or NULL when it opened. */
  GError              *error;
  /* Why the previous generation (or the copy of keys.lento) failed, or
   * NULL when it opened or is not there. */
  GError              *previous_error;
} LentoDocumentReport;

/* Notes: what a document's owner derived from one generation of it, kept
 * in the manifest beside that generation, so that it is at hand without
 * reading the document. A note always describes the generation the
 * manifest records: whenever the manifest's entry for the document
 * changes (a write, a newer file found on disk, a restore, setting it
 * aside, a key rotation), the note is dropped. Notes live only inside the
 * sealed manifest. */
typedef struct {
  guint64     generation;  /* the generation @note describes */
  JsonObject *note;
} LentoDocumentNote;

GType                lento_vault_state_get_type       (void) G_GNUC_CONST;
GType                lento_document_status_get_type   (void) G_GNUC_CONST;
GType                lento_document_report_get_type   (void) G_GNUC_CONST;
void                 lento_document_report_free       (LentoDocumentReport *report);
LentoDocumentReport *lento_document_report_copy       (LentoDocumentReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoDocumentReport, lento_document_report_free)
LentoDocumentNote *lento_document_note_new  (guint64            generation,
                                             JsonObject        *note);
void               lento_document_note_free (LentoDocumentNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoDocumentNote, lento_document_note_free)

/* LentoVault is not thread-safe: call it from the thread whose main
 * context it was made in. Its slow work (disk writes, Argon2id, verify,
 * reading a backup) already runs in worker threads.
 *
 * A vault for the journal in @data_dir (created 0700 when missing), whose
 * keyring items belong to @application_id. Nothing is read until
 * lento_vault_open(). */
LentoVault      *lento_vault_new                   (const char          *data_dir,
                                                    const char          *application_id);

const char      *lento_vault_get_data_dir          (LentoVault          *self);
const char      *lento_vault_get_application_id    (LentoVault          *self);
LentoVaultState  lento_vault_get_state             (LentoVault          *self);
/* The first damaged document while the state is READ_ONLY, else NULL. */
const char      *lento_vault_get_damaged_document  (LentoVault          *self);
LentoDocumentStatus lento_vault_get_damaged_status (LentoVault          *self);
/* TRUE while writes are queued or running (hold the logout inhibitor). */
gboolean         lento_vault_get_busy              (LentoVault          *self);
guint            lento_vault_get_pending_writes    (LentoVault          *self);
/* TRUE when a data key rotation was interrupted; the next unlock (or
 * rotating again) finishes it. */
gboolean         lento_vault_get_rotation_pending  (LentoVault          *self);
/* The journal UUID as text, or NULL with no journal. */
char            *lento_vault_dup_journal_uuid      (LentoVault          *self);

/* Where no one can answer a prompt (the command line), @may_prompt FALSE:
 * a locked keyring then ends the keyring unlock in KEYRING_LOCKED at once
 * instead of waiting for a person to unlock it. TRUE by default. */
void             lento_vault_set_keyring_may_prompt (LentoVault         *self,
                                                     gboolean            may_prompt);

/* Test hooks: the file operations writes go through, and the Argon2id cost
 * of new passphrase slots (clamped to the bounds of lento-keys.h). */
void             lento_vault_set_file_layer        (LentoVault           *self,
                                                    const LentoFileLayer *layer,
                                                    gpointer              user_data);
void             lento_vault_set_kdf_limits        (LentoVault          *self,
                                                    guint                opslimit,
                                                    guint                memlimit_kib);

/* Takes the single-writer lock (<data dir>/lock, flock), removes the
 * temporary files a killed write left, and reads keys.lento (or
 * keys.lento.prev when it does not open, writing the good copy back over
 * the other; verify reports it). The state becomes NO_JOURNAL or LOCKED.
 * Fails with ALREADY_OPEN when another process (or another LentoVault)
 * has the data directory open. */
gboolean         lento_vault_open                  (LentoVault          *self,
                                                    GError             **error);
/* Wipes the keys and releases the lock; the state becomes CLOSED. Writes
 * already queued still complete: call lento_vault_flush_async() first to
 * wait for them. */
void             lento_vault_close                 (LentoVault          *self);

/* TRUE when there is no keys.lento but documents are there: the key file
 * of a journal is gone, and nothing can open the documents without it. */
gboolean         lento_vault_get_keys_missing      (LentoVault          *self);
/* Makes a new journal (state NO_JOURNAL only; refuses with KEYS_MISSING
 * when documents are already there) and leaves it unlocked. Returns the
 * recovery code, to be shown once. Add the keyring slot with
 * lento_vault_store_in_keyring_async(). */
LentoSecret     *lento_vault_create                (LentoVault          *self,
                                                    GError             **error);

/* Unlocking. The keyring path never makes a new key: an absent item,
 * a locked keyring or no Secret Service end in KEYRING_ITEM_MISSING or
 * KEYRING_UNAVAILABLE, and keys.lento stays as it was. Once unlocked,
 * every document is compared with the manifest: one that does not open,
 * is older than the manifest records or is missing turns the vault
 * READ_ONLY naming it. A journal from before manifests gets one. */
void             lento_vault_begin_keyring_unlock  (LentoVault          *self);
void             lento_vault_unlock_keyring_async  (LentoVault          *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         lento_vault_unlock_keyring_finish (LentoVault          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean         lento_vault_unlock_recovery_code  (LentoVault          *self,
                                                    LentoSecret         *recovery_code,
                                                    GError             **error);
/* Argon2id runs in a worker thread. */
void             lento_vault_unlock_passphrase_async (LentoVault        *self,
                                                      LentoSecret       *passphrase,
                                                      GCancellable      *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer           user_data);
gboolean         lento_vault_unlock_passphrase_finish (LentoVault       *self,
                                                       GAsyncResult     *result,
                                                       GError          **error);
/* Wipes every key from memory and emits LentoVault::locked. Writes
 * already queued are sealed and still reach the disk. */
void             lento_vault_lock                  (LentoVault          *self);

/* Documents: @name is one or two segments of a-z, 0-9 and '-' joined by
 * '/', for example "profile" or "journal/2026-11". */
gboolean         lento_vault_has_document          (LentoVault          *self,
                                                    const char          *name);
/* The document's JSON. When the current file fails and the previous
 * generation opens, returns that with @status RESTORED_FROM_PREVIOUS; when
 * it opens but is not the generation the manifest records, returns it with
 * ROLLED_BACK or CONFLICT; either way the vault turns READ_ONLY naming the
 * document. NOT_FOUND when absent, DOCUMENT_MISSING (status MISSING) when
 * the manifest records it and no file is there. The name "manifest" is
 * the vault's own. */
/* Reading documents on a worker thread: a reader copies what reading
 * needs once, on the main thread; each read's findings reach the vault
 * when the main thread commits them. */
typedef struct _LentoVaultReader LentoVaultReader;

LentoVaultReader *lento_vault_reader_new       (LentoVault          *self,
                                                const char * const  *names,
                                                GError             **error);
GBytes           *lento_vault_reader_read      (LentoVaultReader    *reader,
                                                const char          *name,
                                                GError             **error);
void              lento_vault_reader_commit    (LentoVaultReader    *reader,
                                                LentoVault          *self,
                                                const char          *name);
void              lento_vault_reader_free      (LentoVaultReader    *reader);
/* TRUE when the last read of @name through @reader found its current
 * file as the manifest allows (LENTO_DOCUMENT_OK), with the generation
 * sealed in it; on any thread, before that read is committed. */
gboolean          lento_vault_reader_get_generation (LentoVaultReader *reader,
                                                     const char       *name,
                                                     guint64          *generation);

GBytes          *lento_vault_read_document         (LentoVault          *self,
                                                    const char          *name,
                                                    LentoDocumentStatus *status,
                                                    GError             **error);

/* The generation the manifest records for @name; 0 when it records none
 * (or the vault is locked). */
guint64          lento_vault_get_document_generation (LentoVault        *self,
                                                      const char        *name);
/* @name's note, sealed (json_object_seal()); NULL when it has none, when
 * the vault is locked, or when the document does not fit the manifest. */
JsonObject      *lento_vault_dup_document_note     (LentoVault          *self,
                                                    const char          *name);
/* Sets the notes in @notes (document name to LentoDocumentNote) in one
 * write of the manifest, queued like any write; the documents themselves
 * are not touched. A note whose document is no longer at the generation
 * it describes (or is being written) is left out. Refused while locked or
 * READ_ONLY, and while the manifest cannot be written. */
gboolean         lento_vault_set_document_notes    (LentoVault          *self,
                                                    GHashTable          *notes,
                                                    GError             **error);

/* Seals @json now, as the document's next generation, and writes it
 * durably in a worker thread, then the manifest that records it. Writes
 * of one document happen in order; a write queued while another runs
 * replaces any older queued one, and all their callbacks run when the
 * bytes that include theirs, and the manifest after them, are on disk.
 * Refused while READ_ONLY or locked, and for a document whose current
 * file does not open or is not the generation the manifest records. */
void             lento_vault_write_document_async  (LentoVault          *self,
                                                    const char          *name,
                                                    GBytes              *json,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         lento_vault_write_document_finish (LentoVault          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Completes when no write is queued or running. */
void             lento_vault_flush_async           (LentoVault          *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         lento_vault_flush_finish          (LentoVault          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Every document name on disk (current or only previous) and, once
 * unlocked, every one the manifest records (a missing one fails to read
 * with DOCUMENT_MISSING), sorted. Fails with IO when a folder of the
 * journal cannot be read. */
char           **lento_vault_list_documents        (LentoVault          *self,
                                                    GError             **error);

/* Opens every document and reports each, without content: first "keys"
 * (what opening found of keys.lento and its copy), then a folder that
 * could not be read, then every document on disk or in the manifest, and
 * the manifest itself, by name. A report's previous_error says when a
 * previous generation is there and does not open. Damaged, rolled-back,
 * conflicting or missing documents turn the vault READ_ONLY. Returns a
 * GPtrArray of LentoDocumentReport. */
GPtrArray       *lento_vault_verify                (LentoVault          *self,
                                                    GError             **error);
void             lento_vault_verify_async          (LentoVault          *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray       *lento_vault_verify_finish         (LentoVault          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Puts the previous generation of @name back as the current one (as a
 * new generation); the damaged file is kept beside it as
 * <name>.lento.damaged. A document that opens but was ROLLED_BACK or is in
 * CONFLICT goes on from what opens, its previous generation being older
 * still. "manifest" is rebuilt from the documents that open (a damaged
 * one is kept aside). PREVIOUS_UNAVAILABLE when there is nothing to go
 * back to (a MISSING document: see lento_vault_set_aside_document()). Clears READ_ONLY when no
 * damaged document remains. */
gboolean         lento_vault_restore_previous      (LentoVault          *self,
                                                    const char          *name,
                                                    GError             **error);
/* Goes on without @name, the document that keeps the journal read-only
 * (LentoVault:damaged-document) when there is nothing to restore: its
 * files are kept aside as <name>.lento.damaged and <name>.lento.prev.damaged
 * and the manifest forgets it, so the journal is writable again without
 * what it held (a backup can bring that back). INVALID_NAME for a document
 * that is not damaged. */
gboolean         lento_vault_set_aside_document    (LentoVault          *self,
                                                    const char          *name,
                                                    GError             **error);

/* Slots. Each rewrites keys.lento only; documents are not touched. */
gboolean         lento_vault_has_slot              (LentoVault          *self,
                                                    LentoSlotType        type);
/* Stores a new random secret in the keyring and (re)writes the keyring slot. */
void             lento_vault_store_in_keyring_async (LentoVault         *self,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
gboolean         lento_vault_store_in_keyring_finish (LentoVault        *self,
                                                      GAsyncResult      *result,
                                                      GError           **error);
/* Removes the keyring slot and, without waiting, the keyring item. */
gboolean         lento_vault_remove_keyring_slot   (LentoVault          *self,
                                                    GError             **error);
/* Replaces the recovery slot and rotates the data key (see
 * lento_vault_rotate_data_key()), so that the old code opens nothing, not
 * even with a copy of the old key file. On failure the old code stays in
 * use. Refused with BUSY while writes are pending and READ_ONLY while a
 * document is damaged. */
LentoSecret     *lento_vault_new_recovery_code     (LentoVault          *self,
                                                    GError             **error);
/* Sets or replaces the passphrase; Argon2id runs in a worker thread. */
void             lento_vault_set_passphrase_async  (LentoVault          *self,
                                                    LentoSecret         *passphrase,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         lento_vault_set_passphrase_finish (LentoVault          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Removes the passphrase slot with a rotation of the data key, like
 * lento_vault_new_recovery_code(). */
gboolean         lento_vault_remove_passphrase     (LentoVault          *self,
                                                    GError             **error);

/* Re-encrypts every document (and its previous generation) under a new
 * data key. keys.lento holds the old and new key while it runs, so a
 * crash at any point leaves a journal that opens; the next unlock, or
 * calling it again, finishes an interrupted rotation. Refused with BUSY
 * while writes are pending, and with READ_ONLY while a document is
 * damaged. */
gboolean         lento_vault_rotate_data_key       (LentoVault          *self,
                                                    GError             **error);

/* Backups: one container file (kind "backup") holding every document,
 * with copies of the recovery and passphrase slots in its header, so it
 * opens with the recovery code or passphrase of the day of export. */
gboolean         lento_vault_export_backup         (LentoVault          *self,
                                                    GFile               *file,
                                                    GError             **error);
/* Reads a backup: a table of document name to its JSON (GBytes). The
 * vault knows nothing of entries, so the caller merges these with its
 * own documents and writes the result (import merges by document, and
 * core by entry). @slot is LENTO_SLOT_RECOVERY or LENTO_SLOT_PASSPHRASE. */
GHashTable      *lento_vault_read_backup           (GFile               *file,
                                                    LentoSlotType        slot,
                                                    LentoSecret         *secret,
                                                    GError             **error);
void             lento_vault_read_backup_async     (GFile               *file,
                                                    LentoSlotType        slot,
                                                    LentoSecret         *secret,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GHashTable      *lento_vault_read_backup_finish    (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
