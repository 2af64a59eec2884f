/* lento-vault-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lento-vault.h"

G_BEGIN_DECLS

/* What the files of LentoVault share (see lento-vault.c for how they
 * fit). Not installed, and included by those files only: nothing else
 * may reach into the vault's state. */

#define KEYS_FILE     "keys.lento"
#define SUFFIX        ".lento"
#define PREV_SUFFIX   ".lento.prev"
/* The folder of the month documents and the change log. */
#define JOURNAL_FOLDER "journal"
/* The document that binds every other one to its latest generation
 * (lento-vault-manifest.c). Its name is reserved: callers cannot use it. */
#define MANIFEST_NAME "manifest"
#define HASH_SIZE     32

typedef enum {
  DOC_UNKNOWN,
  DOC_GOOD,
  DOC_DAMAGED,
} DocHealth;

/* What the vault knows of one document: whether its current file opens
 * and fits the manifest (and, when not, @problem says how), the highest
 * generation seen or written, and its write queue. At most one write per
 * document runs at a time; the newest waiting one is in @queued (sealed as
 * @queued_generation), with every caller waiting on it. */
typedef struct {
  char                *name;
  DocHealth            health;
  LentoDocumentStatus  problem;
  guint64              generation;
  gboolean             in_flight;
  GBytes              *queued;
  guint64              queued_generation;
  GPtrArray           *queued_tasks;
  GPtrArray           *running_tasks;
} Doc;

/* One document in the manifest: its latest generation and the BLAKE2b-256
 * hash of that generation's file, and what its owner noted of that
 * generation (lento_vault_set_document_notes()), sealed, or NULL. An entry
 * is replaced, never changed, when the document changes: the note goes
 * with it. */
typedef struct {
  guint64     generation;
  guint8      hash[HASH_SIZE];
  JsonObject *note;
} ManifestEntry;

/* What one look at a document on disk found (_lento_vault_check_document). */
typedef struct {
  LentoDocumentStatus  status;
  /* Neither file is there and the manifest does not name it. */
  gboolean             absent;
  /* What opened (current or previous generation), when asked for. */
  GBytes              *plain;
  /* Why the current file failed or does not fit the manifest. */
  GError              *error;
  /* The generation of what opened, or the manifest's when nothing did. */
  guint64              generation;
  /* The current file opened: its generation and hash. */
  gboolean             opened;
  ManifestEntry        found;
  /* It is newer than the manifest (or not in it): the manifest should
   * take @found. */
  gboolean             newer;
} DocCheck;

/* One keyring lookup on a worker thread (lento-vault-unlock.c). */
typedef struct _KeyringLookup KeyringLookup;

struct _LentoVault
{
  GObject               parent_instance;

  /* Owned */
  char                 *data_dir;
  char                 *application_id;
  LentoKeyFile         *keys;
  /* What opening found of keys.lento and its copy, for verify. */
  LentoDocumentReport  *keys_report;
  LentoSecret          *master_key;
  /* The key-encryption key of each slot Lento was given since the
   * unlock (index: slot type - 1), so that a new master key can be
   * wrapped in the slots that stay (rotate_data_key()). */
  LentoSecret          *slot_keks[LENTO_KEYS_MAX_SLOTS];
  GPtrArray            *data_keys;
  GHashTable           *docs;
  /* Document name to ManifestEntry: what the manifest says, with the
   * vault's own writes since. NULL while locked, and while the manifest
   * is missing or does not open. */
  GHashTable           *manifest;
  char                 *damaged_document;
  GPtrArray            *flush_tasks;
  int                   lock_fd;

  /* Borrowed */
  const LentoFileLayer *layer;
  gpointer              layer_data;

  LentoVaultState       state;
  guint                 pending_writes;
  guint                 kdf_opslimit;
  guint                 kdf_memlimit_kib;
  /* The command line has no one to answer a prompt. */
  gboolean              keyring_no_prompt;
  /* The unlocks that wait for the keyring lookup in flight, and what an
   * unlock begun with nobody waiting ended in when it failed. */
  GPtrArray            *keyring_tasks;
  KeyringLookup        *keyring_lookup;     /* in flight, or NULL */
  GError               *keyring_unclaimed_error;
};

/* One Argon2id job: unlocking with a passphrase or setting one. */
typedef struct {
  LentoKeyFile *keys;
  LentoSecret  *secret;
  LentoSecret  *master_key;
  LentoSecret  *kek;
  guint         opslimit;
  guint         memlimit_kib;
} KdfJob;

/* lento-vault.c */
Doc      *_lento_vault_get_doc              (LentoVault  *self,
                                             const char  *name);
char     *_lento_vault_doc_path             (const char  *data_dir,
                                             const char  *name,
                                             const char  *suffix);
void      _lento_vault_update_state         (LentoVault  *self);
void      _lento_vault_set_pending_writes   (LentoVault  *self,
                                             guint        pending);
void      _lento_vault_wipe_keys            (LentoVault  *self);
gboolean  _lento_vault_check_locked_journal (LentoVault  *self,
                                             GError     **error);
gboolean  _lento_vault_check_unlocked       (LentoVault  *self,
                                             GError     **error);

/* lento-vault-slots.c */
gboolean  _lento_vault_load_keys            (LentoVault          *self,
                                             GError             **error);

void      _lento_vault_remember_kek         (LentoVault          *self,
                                             LentoSlotType        type,
                                             LentoSecret         *kek);
void      _lento_vault_forget_keks          (LentoVault          *self);

/* lento-vault-unlock.c */
KdfJob   *_lento_vault_kdf_job_new          (LentoVault          *self,
                                             LentoSecret         *passphrase);
void      _lento_vault_run_kdf_job          (LentoVault          *self,
                                             GTask               *task,
                                             KdfJob              *job,
                                             GAsyncReadyCallback  done,
                                             GTaskThreadFunc      thread);

/* lento-vault-manifest.c */
gboolean  _lento_vault_name_is_public       (const char          *name);
void      _lento_vault_hash                 (GBytes              *bytes,
                                             guint8               hash[HASH_SIZE]);
GBytes   *_lento_vault_seal                 (LentoVault          *self,
                                             const char          *name,
                                             guint64              generation,
                                             GBytes              *plain,
                                             GError             **error);
void      _lento_vault_check_document       (const char          *data_dir,
                                             const char          *name,
                                             const guint8        *uuid,
                                             GPtrArray           *keys,
                                             GHashTable          *manifest,
                                             gboolean             need_plain,
                                             DocCheck            *check);
void      _lento_vault_doc_check_clear      (DocCheck            *check);
void      _lento_vault_apply_check          (LentoVault          *self,
                                             Doc                 *doc,
                                             DocCheck            *check);
GHashTable *_lento_vault_manifest_new       (void);
ManifestEntry *_lento_vault_manifest_entry_copy (const ManifestEntry *entry);
void      _lento_vault_manifest_entry_free  (ManifestEntry       *entry);
GHashTable *_lento_vault_manifest_copy      (GHashTable          *manifest);
GHashTable *_lento_vault_parse_manifest     (GBytes              *plain,
                                             GError             **error);
const char *_lento_vault_json_string        (JsonObject          *object,
                                             const char          *name);
gint64    _lento_vault_json_int             (JsonObject          *object,
                                             const char          *name,
                                             gint64               fallback);

/* lento-vault-backup.c */
GHashTable *_lento_vault_parse_backup_json  (GBytes              *plain,
                                             GError             **error);
void      _lento_vault_set_manifest_entry   (LentoVault          *self,
                                             const char          *name,
                                             guint64              generation,
                                             GBytes              *file);
void      _lento_vault_check_integrity      (LentoVault          *self,
                                             gboolean             rebuild);
gboolean  _lento_vault_queue_manifest       (LentoVault          *self,
                                             GPtrArray          **tasks);
gboolean  _lento_vault_save_manifest_now    (LentoVault          *self,
                                             gboolean             also_previous,
                                             GError             **error);
gboolean  _lento_vault_rebuild_manifest     (LentoVault          *self,
                                             GError             **error);

/* lento-vault-documents.c */
void      _lento_vault_start_write          (LentoVault          *self,
                                             Doc                 *doc);
GBytes   *_lento_vault_open_file            (const char          *path,
                                             const char          *name,
                                             const guint8        *uuid,
                                             GPtrArray           *keys,
                                             LentoContainerHeader *header,
                                             GBytes             **contents,
                                             gboolean            *missing,
                                             GError             **error);
GBytes   *_lento_vault_load_document        (const char          *data_dir,
                                             const char          *name,
                                             const guint8        *uuid,
                                             GPtrArray           *keys,
                                             LentoDocumentStatus *status,
                                             GError             **current_error,
                                             GError             **error);
/* Every document name on disk, sorted. A folder that cannot be listed
 * adds a report (the folder's name, DAMAGED, why) to @unreadable, when
 * given; _lento_vault_list_all_names() fails instead. */
char    **_lento_vault_list_names           (const char          *data_dir,
                                             GPtrArray           *unreadable);
char    **_lento_vault_list_all_names       (const char          *data_dir,
                                             GError             **error);

/* lento-vault-unlock.c */
gboolean  _lento_vault_get_keyring_answered (LentoVault  *self);

G_END_DECLS
