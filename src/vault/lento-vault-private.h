/* lento-vault-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-vault.h"

G_BEGIN_DECLS

/* What the files of LentoVault share (see lento-vault.c for how they
 * fit). Not installed, and included by those files only: nothing else
 * may reach into the vault's state. */

#define KEYS_FILE     "keys.lento"
#define SUFFIX        ".lento"
#define PREV_SUFFIX   ".lento.prev"

typedef enum {
  DOC_UNKNOWN,
  DOC_GOOD,
  DOC_DAMAGED,
} DocHealth;

/* What the vault knows of one document: whether its current file opens,
 * and its write queue. At most one write per document runs at a time;
 * the newest waiting one is in @queued, with every caller waiting on it. */
typedef struct {
  char      *name;
  DocHealth  health;
  gboolean   in_flight;
  GBytes    *queued;
  GPtrArray *queued_tasks;
  GPtrArray *running_tasks;
} Doc;

struct _LentoVault
{
  GObject               parent_instance;

  /* Owned */
  char                 *data_dir;
  char                 *application_id;
  LentoKeyFile         *keys;
  LentoSecret          *master_key;
  GPtrArray            *data_keys;
  GHashTable           *docs;
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
};

/* One Argon2id job: unlocking with a passphrase or setting one. */
typedef struct {
  LentoKeyFile *keys;
  LentoSecret  *secret;
  LentoSecret  *master_key;
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

/* lento-vault-unlock.c */
KdfJob   *_lento_vault_kdf_job_new          (LentoVault          *self,
                                             LentoSecret         *passphrase);
void      _lento_vault_run_kdf_job          (LentoVault          *self,
                                             GTask               *task,
                                             KdfJob              *job,
                                             GAsyncReadyCallback  done,
                                             GTaskThreadFunc      thread);

/* lento-vault-documents.c */
GBytes   *_lento_vault_open_file            (const char          *path,
                                             const char          *name,
                                             const guint8        *uuid,
                                             GPtrArray           *keys,
                                             guint8              *key_id,
                                             gboolean            *missing,
                                             GError             **error);
GBytes   *_lento_vault_load_document        (const char          *data_dir,
                                             const char          *name,
                                             const guint8        *uuid,
                                             GPtrArray           *keys,
                                             LentoDocumentStatus *status,
                                             GError             **current_error,
                                             GError             **error);
char    **_lento_vault_list_names           (const char          *data_dir);

G_END_DECLS
