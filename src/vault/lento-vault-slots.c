/* lento-vault-slots.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lento-container.h"
#include "lento-keyring.h"
#include "lento-vault-private.h"

/* LentoVault's keys.lento: creating a journal, adding and removing its
 * slots and rotating its data key. Every change is made on a copy of the
 * key file and takes its place only once that copy is on disk
 * (replace_keys()). See lento-vault.c for how the parts of the vault fit.
 */

/* keys.lento is written twice: the file and an identical copy, so a
 * damaged key file has a twin, and a replaced slot (an old recovery code)
 * survives in neither. */
static gboolean
save_keys (LentoVault    *self,
           LentoKeyFile  *keys,
           GError       **error)
{
  g_autoptr(GBytes) bytes = lento_key_file_serialize (keys);
  g_autofree char *path = g_build_filename (self->data_dir, KEYS_FILE, NULL);
  g_autofree char *prev = g_strconcat (path, ".prev", NULL);
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (!self->layer->replace_contents (self->layer_data, path, data, size, error))
    return FALSE;

  /* Once keys.lento is replaced the change is made: reporting a failure
   * now would hide a new recovery code that is already the one in use.
   * A copy left behind is rewritten from keys.lento at the next open. */
  if (!self->layer->sync_dir (self->layer_data, self->data_dir, &local_error) ||
      !self->layer->replace_contents (self->layer_data, prev, data, size, &local_error) ||
      !self->layer->sync_dir (self->layer_data, self->data_dir, &local_error))
    g_debug ("The copy of the key file was not written: %s", local_error->message);

  return TRUE;
}

/* Takes ownership of @keys once it is on disk. */
static gboolean
replace_keys (LentoVault    *self,
              LentoKeyFile  *keys,
              GError       **error)
{
  if (!save_keys (self, keys, error))
    {
      lento_key_file_free (keys);
      return FALSE;
    }

  g_clear_pointer (&self->keys, lento_key_file_free);
  self->keys = keys;

  /* Both copies were just written. */
  g_clear_pointer (&self->keys_report, lento_document_report_free);
  self->keys_report = g_new0 (LentoDocumentReport, 1);
  self->keys_report->name = g_strdup ("keys");
  self->keys_report->status = LENTO_DOCUMENT_OK;

  return TRUE;
}

/* Writes @good at @path: what was there is kept aside as <path>.damaged
 * when @keep_aside (it did not open), and replaced otherwise (nothing was
 * there, or an older copy). */
static void
repair_keys_copy (LentoVault *self,
                  const char *path,
                  gboolean    keep_aside,
                  GBytes     *good)
{
  g_autofree char *damaged = g_strconcat (path, ".damaged", NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);

  if ((keep_aside && !self->layer->rename (self->layer_data, path, damaged, &error)) ||
      !self->layer->replace_contents (self->layer_data, path, data, size, &error) ||
      !self->layer->sync_dir (self->layer_data, self->data_dir, &error))
    g_debug ("The key file was not repaired: %s", error->message);
}

/* keys.lento or its copy, as read. */
typedef struct {
  GBytes       *contents;
  LentoKeyFile *keys;
  GError       *error;
  gboolean      missing;
} KeysCopy;

static void
read_keys_copy (const char *path,
                KeysCopy   *copy)
{
  const guint8 *data;
  gsize length = 0;

  copy->contents = lento_file_read_regular (path, LENTO_KEYS_MAX_FILE_SIZE, FALSE, &copy->error);
  copy->missing = g_error_matches (copy->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND);
  if (copy->contents == NULL)
    return;
  data = g_bytes_get_data (copy->contents, &length);
  copy->keys = lento_key_file_parse (data, length, &copy->error);
}

static void
keys_copy_clear (KeysCopy *copy)
{
  g_clear_pointer (&copy->contents, g_bytes_unref);
  g_clear_pointer (&copy->keys, lento_key_file_free);
  g_clear_error (&copy->error);
}

/* Reads keys.lento, or its copy when it does not open, and writes a good
 * copy back over whichever of the two did not open (kept as .damaged).
 * What it found is kept for verify. Without either file, there is no
 * journal: self->keys stays NULL and this succeeds. */
gboolean
_lento_vault_load_keys (LentoVault  *self,
                        GError     **error)
{
  g_autofree char *path = g_build_filename (self->data_dir, KEYS_FILE, NULL);
  g_autofree char *prev = g_strconcat (path, ".prev", NULL);
  KeysCopy current = { NULL, };
  KeysCopy copy = { NULL, };
  LentoDocumentReport *report;

  g_assert (self->keys == NULL);

  read_keys_copy (path, &current);
  read_keys_copy (prev, &copy);

  if (current.keys == NULL && copy.keys == NULL)
    {
      gboolean none = current.missing && copy.missing;

      if (!none)
        {
          GError **first = current.missing ? &copy.error : &current.error;

          g_propagate_error (error, g_steal_pointer (first));
        }
      keys_copy_clear (&current);
      keys_copy_clear (&copy);
      return none;
    }

  report = g_new0 (LentoDocumentReport, 1);
  report->name = g_strdup ("keys");
  if (current.keys == NULL)
    {
      /* keys.lento did not open: like a document restored from its
       * previous generation, except that its copy is identical. */
      report->status = LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS;
      report->error = g_steal_pointer (&current.error);
      self->keys = g_steal_pointer (&copy.keys);
      repair_keys_copy (self, path, !current.missing, copy.contents);
    }
  else
    {
      report->status = LENTO_DOCUMENT_OK;
      self->keys = g_steal_pointer (&current.keys);
      if (copy.keys == NULL && !copy.missing)
        {
          report->previous_error = g_steal_pointer (&copy.error);
          repair_keys_copy (self, prev, TRUE, current.contents);
        }
      else if (copy.keys == NULL || !g_bytes_equal (current.contents, copy.contents))
        {
          /* A missing copy, or an older one (a write stopped between the
           * two): it takes keys.lento's bytes, so that an old slot
           * survives in neither. */
          repair_keys_copy (self, prev, FALSE, current.contents);
        }
    }
  g_clear_pointer (&self->keys_report, lento_document_report_free);
  self->keys_report = report;
  keys_copy_clear (&current);
  keys_copy_clear (&copy);

  return TRUE;
}

/* A change to the slots made in the same write that ends a rotation. */
/* Changes the slot a rotation replaces, wrapping @master_key. */
typedef void (*EditKeys) (LentoVault   *self,
                          LentoKeyFile *keys,
                          LentoSecret  *master_key,
                          gpointer      user_data);

static gboolean rotate_data_key (LentoVault     *self,
                                 LentoSlotType   edited,
                                 EditKeys        edit,
                                 gpointer        edit_data,
                                 GError        **error);

static gboolean
dir_has_documents (const char *data_dir)
{
  g_auto(GStrv) names = _lento_vault_list_all_names (data_dir, NULL);

  /* A folder that cannot be read may hold documents. */
  return names == NULL || names[0] != NULL;
}

gboolean
lento_vault_get_keys_missing (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);

  return self->state == LENTO_VAULT_STATE_NO_JOURNAL && dir_has_documents (self->data_dir);
}

/* Keeps the key of a recovery slot just made, from its code. */
static void
remember_recovery_kek (LentoVault  *self,
                       LentoSecret *code)
{
  g_autoptr(LentoSecret) kek = NULL;

  kek = lento_key_file_derive_kek (self->keys, LENTO_SLOT_RECOVERY, code, NULL);
  g_assert (kek != NULL);
  _lento_vault_remember_kek (self, LENTO_SLOT_RECOVERY, kek);
}

LentoSecret *
lento_vault_create (LentoVault  *self,
                    GError     **error)
{
  g_autoptr(LentoSecret) master_key = NULL;
  g_autoptr(LentoSecret) data_key = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GPtrArray) data_keys = NULL;
  LentoKeyFile *keys;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->state == LENTO_VAULT_STATE_CLOSED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_OPEN), NULL;
  /* A journal that exists is only ever opened by one of its slots: never
   * replace its keys, and never make keys beside orphaned documents. */
  if (self->state != LENTO_VAULT_STATE_NO_JOURNAL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_JOURNAL_EXISTS), NULL;
  if (dir_has_documents (self->data_dir))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYS_MISSING), NULL;

  master_key = lento_secret_new_random (LENTO_KEY_SIZE);
  data_key = lento_secret_new_random (LENTO_KEY_SIZE);
  keys = lento_key_file_new (NULL, master_key, data_key);
  code = lento_key_file_set_recovery_slot (keys, master_key);

  if (!replace_keys (self, keys, error))
    return NULL;
  remember_recovery_kek (self, code);

  data_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  g_ptr_array_add (data_keys, g_steal_pointer (&data_key));
  self->master_key = g_steal_pointer (&master_key);
  self->data_keys = g_steal_pointer (&data_keys);

  /* The manifest exists from the start, so that a journal without one
   * is always one from before manifests (or one whose manifest was
   * deleted, when its documents carry generations). */
  self->manifest = _lento_vault_manifest_new ();
  {
    g_autoptr(GError) local_error = NULL;

    if (!_lento_vault_save_manifest_now (self, FALSE, &local_error))
      g_debug ("The new journal's manifest was not written: %s", local_error->message);
  }
  _lento_vault_update_state (self);

  return g_steal_pointer (&code);
}

gboolean
lento_vault_has_slot (LentoVault    *self,
                      LentoSlotType  type)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);

  return self->keys != NULL && lento_key_file_has_slot (self->keys, type);
}

static void
store_in_keyring_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LentoVault *self = g_task_get_source_object (task);
  LentoSecret *secret = g_task_get_task_data (task);
  GError *error = NULL;
  LentoKeyFile *keys;

  if (!lento_keyring_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  keys = lento_key_file_copy (self->keys);
  lento_key_file_set_keyring_slot (keys, self->master_key, secret);
  if (!replace_keys (self, keys, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _lento_vault_remember_kek (self, LENTO_SLOT_KEYRING, secret);

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_store_in_keyring_async (LentoVault          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  LentoSecret *secret;

  g_return_if_fail (LENTO_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_store_in_keyring_async);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  secret = lento_secret_new_random (LENTO_KEY_SIZE);
  g_task_set_task_data (task, secret, (GDestroyNotify) lento_secret_unref);
  uuid = lento_key_file_dup_uuid_string (self->keys);
  lento_keyring_store_async (self->application_id, uuid, secret, cancellable,
                             store_in_keyring_cb, g_steal_pointer (&task));
}

gboolean
lento_vault_store_in_keyring_finish (LentoVault    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
clear_keyring_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The slot is already gone, so a leftover item opens nothing. */
  if (!lento_keyring_clear_finish (result, &error))
    g_debug ("The keyring item was not removed: %s", error->message);
}

/* Whether the slot of @type may go: never the last way in. */
static gboolean
check_removable (LentoVault     *self,
                 LentoSlotType   type,
                 GError        **error)
{
  guint others = 0;

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;

  for (LentoSlotType t = LENTO_SLOT_KEYRING; t <= LENTO_SLOT_PASSPHRASE; t++)
    if (t != type && lento_key_file_has_slot (self->keys, t))
      others++;
  if (lento_key_file_has_slot (self->keys, type) && others == 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_LAST_SLOT), FALSE;

  return TRUE;
}

static gboolean
remove_slot (LentoVault     *self,
             LentoSlotType   type,
             GError        **error)
{
  LentoKeyFile *keys;

  if (!check_removable (self, type, error))
    return FALSE;
  if (!lento_key_file_has_slot (self->keys, type))
    return TRUE;

  keys = lento_key_file_copy (self->keys);
  lento_key_file_remove_slot (keys, type);
  if (!replace_keys (self, keys, error))
    return FALSE;
  _lento_vault_remember_kek (self, type, NULL);

  return TRUE;
}

gboolean
lento_vault_remove_keyring_slot (LentoVault  *self,
                                 GError     **error)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!remove_slot (self, LENTO_SLOT_KEYRING, error))
    return FALSE;

  uuid = lento_key_file_dup_uuid_string (self->keys);
  lento_keyring_clear_async (self->application_id, uuid, NULL, clear_keyring_cb, NULL);

  return TRUE;
}

static void
set_recovery_slot (LentoVault   *self,
                   LentoKeyFile *keys,
                   LentoSecret  *master_key,
                   gpointer      user_data)
{
  LentoSecret **code = user_data;

  *code = lento_key_file_set_recovery_slot (keys, master_key);
}

/* The new code takes the old one's place together with a new data key,
 * once every document is under that key: a copy of the old key file
 * opens the old slot and then nothing. */
LentoSecret *
lento_vault_new_recovery_code (LentoVault  *self,
                               GError     **error)
{
  g_autoptr(LentoSecret) code = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* On failure the old code stays in use: the new one was never shown. */
  if (!rotate_data_key (self, LENTO_SLOT_RECOVERY, set_recovery_slot, &code, error))
    return NULL;
  remember_recovery_kek (self, code);

  return g_steal_pointer (&code);
}

static void
set_passphrase_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  KdfJob *job = task_data;
  GError *error = NULL;

  if (!lento_key_file_set_passphrase_slot (job->keys, job->master_key, job->secret,
                                           job->opslimit, job->memlimit_kib, &job->kek, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_passphrase_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autoptr(GTask) task = user_data;
  KdfJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!replace_keys (self, g_steal_pointer (&job->keys), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _lento_vault_remember_kek (self, LENTO_SLOT_PASSPHRASE, job->kek);

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_set_passphrase_async (LentoVault          *self,
                                  LentoSecret         *passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  KdfJob *job;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_set_passphrase_async);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Longer would be accepted here and then cut short where a passphrase
   * is read with a limit, as the command line does. */
  if (lento_secret_get_size (passphrase) > LENTO_PASSPHRASE_MAX_SIZE)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_PASSPHRASE_TOO_LONG,
                               g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %u is the most characters a
                                             * passphrase may have, 1024.
                                             */
                                            "This passphrase is too long: Lento takes up to %u "
                                            "character, fewer with accented letters or other "
                                            "alphabets. Choose a shorter one.",
                                            "This passphrase is too long: Lento takes up to %u "
                                            "characters, fewer with accented letters or other "
                                            "alphabets. Choose a shorter one.",
                                            LENTO_PASSPHRASE_MAX_SIZE),
                               LENTO_PASSPHRASE_MAX_SIZE);
      return;
    }

  job = _lento_vault_kdf_job_new (self, passphrase);
  job->master_key = lento_secret_ref (self->master_key);
  job->opslimit = self->kdf_opslimit;
  job->memlimit_kib = self->kdf_memlimit_kib;

  _lento_vault_run_kdf_job (self, g_steal_pointer (&task), job, set_passphrase_cb,
                            set_passphrase_thread);
}

gboolean
lento_vault_set_passphrase_finish (LentoVault    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
remove_passphrase_slot (LentoVault   *self,
                        LentoKeyFile *keys,
                        LentoSecret  *master_key,
                        gpointer      user_data)
{
  lento_key_file_remove_slot (keys, LENTO_SLOT_PASSPHRASE);
}

/* Like a new recovery code: the slot leaves with the old data key, so the
 * passphrase opens nothing in a copy of the old key file either. */
gboolean
lento_vault_remove_passphrase (LentoVault  *self,
                               GError     **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_removable (self, LENTO_SLOT_PASSPHRASE, error))
    return FALSE;
  if (!lento_key_file_has_slot (self->keys, LENTO_SLOT_PASSPHRASE))
    return TRUE;

  if (!rotate_data_key (self, LENTO_SLOT_PASSPHRASE, remove_passphrase_slot, NULL, error))
    return FALSE;
  _lento_vault_remember_kek (self, LENTO_SLOT_PASSPHRASE, NULL);

  return TRUE;
}

/* Rotation */

/* Re-encrypts one document under keys[0] and makes its previous
 * generation a copy of the new one, so no file still needs the old key
 * once the rotation ends. Skips what was already done by an interrupted
 * rotation. */
static gboolean
rotate_document (LentoVault  *self,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  g_autofree char *prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);
  g_autofree char *dir = g_path_get_dirname (path);
  LentoSecret *new_key = g_ptr_array_index (self->data_keys, 0);
  const guint8 *uuid = lento_key_file_get_uuid (self->keys);
  guint8 new_id[LENTO_KEY_ID_SIZE];
  LentoContainerHeader header;
  LentoContainerHeader prev_header;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) prev_plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gboolean prev_missing = FALSE;
  const guint8 *data;
  gsize size;
  Doc *doc = _lento_vault_get_doc (self, name);

  lento_container_key_id (new_key, new_id);

  plain = _lento_vault_open_file (path, name, uuid, self->data_keys, &header, &sealed, NULL,
                                  error);
  if (plain == NULL)
    return FALSE;
  prev_plain = _lento_vault_open_file (prev, name, uuid, self->data_keys, &prev_header, NULL,
                                       &prev_missing, NULL);

  if (memcmp (header.key_id, new_id, sizeof new_id) != 0)
    {
      /* A new generation, recorded in the manifest like any write. */
      guint64 generation = MAX (doc->generation, header.generation) + 1;

      g_clear_pointer (&sealed, g_bytes_unref);
      sealed = _lento_vault_seal (self, name, generation, plain, error);
      if (sealed == NULL)
        return FALSE;
      data = g_bytes_get_data (sealed, &size);
      if (!lento_file_layer_write_generation (self->layer, self->layer_data, path, data, size,
                                              error))
        return FALSE;
      doc->generation = generation;
      _lento_vault_set_manifest_entry (self, name, generation, sealed);
    }
  else if (prev_missing ||
           (prev_plain != NULL && memcmp (prev_header.key_id, new_id, sizeof new_id) == 0))
    {
      return TRUE;
    }

  data = g_bytes_get_data (sealed, &size);
  if (!self->layer->replace_contents (self->layer_data, prev, data, size, error))
    return FALSE;

  return self->layer->sync_dir (self->layer_data, dir, error);
}

/* Whether every slot but @edited has its key at hand. */
static gboolean
can_rewrap_slots (LentoVault    *self,
                  LentoSlotType  edited)
{
  for (LentoSlotType type = LENTO_SLOT_KEYRING; type <= LENTO_SLOT_PASSPHRASE; type++)
    if (type != edited && lento_key_file_has_slot (self->keys, type) &&
        self->slot_keks[type - 1] == NULL)
      return FALSE;

  return TRUE;
}

/* Rotates the data key: the new key joins keys.lento, every document
 * moves under it, and the old key leaves keys.lento in the same write as
 * @edit's change to the slots (NULL for none). A failure at any point
 * leaves a journal that opens with the slots it had and the rotation
 * pending; the next unlock finishes the rotation (without @edit). */
static gboolean
rotate_data_key (LentoVault     *self,
                 LentoSlotType   edited,
                 EditKeys        edit,
                 gpointer        edit_data,
                 GError        **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) final_keys = NULL;
  g_autoptr(LentoSecret) master_key = NULL;
  LentoKeyFile *keys;

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (self->state == LENTO_VAULT_STATE_READ_ONLY)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_READ_ONLY), FALSE;
  if (self->pending_writes > 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  /* Step 1: keys.lento holds the new key first and the old one second.
   * From here on every document opens, whichever key sealed it. */
  if (self->data_keys->len == 1)
    {
      g_autoptr(GPtrArray) both = NULL;

      both = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
      g_ptr_array_add (both, lento_secret_new_random (LENTO_KEY_SIZE));
      g_ptr_array_add (both, lento_secret_ref (g_ptr_array_index (self->data_keys, 0)));
      keys = lento_key_file_copy (self->keys);
      lento_key_file_set_data_keys (keys, self->master_key, both);
      if (!replace_keys (self, keys, error))
        return FALSE;
      g_clear_pointer (&self->data_keys, g_ptr_array_unref);
      self->data_keys = g_steal_pointer (&both);
    }

  /* Step 2: every document and its previous generation under the new key. */
  /* A document left out would need the old key after step 3. */
  names = _lento_vault_list_all_names (self->data_dir, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (!rotate_document (self, names[i], error))
      return FALSE;
  /* The manifest too, and its previous generation: a rotation leaves no
   * file under the old key. */
  if (self->manifest != NULL && !_lento_vault_save_manifest_now (self, TRUE, error))
    return FALSE;

  /* Step 3: the old key leaves keys.lento, with the slot it goes with,
   * and under a new master key whenever Lento holds the key of every slot
   * that stays: then an old key file and its old secret give a master key
   * that opens no later key file either. */
  final_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  g_ptr_array_add (final_keys, lento_secret_ref (g_ptr_array_index (self->data_keys, 0)));
  keys = lento_key_file_copy (self->keys);
  master_key = can_rewrap_slots (self, edited)
    ? lento_secret_new_random (LENTO_KEY_SIZE)
    : lento_secret_ref (self->master_key);
  lento_key_file_set_data_keys (keys, master_key, final_keys);
  for (LentoSlotType type = LENTO_SLOT_KEYRING; type <= LENTO_SLOT_PASSPHRASE; type++)
    if (type != edited && lento_key_file_has_slot (keys, type) && master_key != self->master_key)
      lento_key_file_rewrap_slot (keys, type, self->slot_keks[type - 1], master_key);
  if (edit != NULL)
    edit (self, keys, master_key, edit_data);
  if (!replace_keys (self, keys, error))
    return FALSE;
  g_clear_pointer (&self->data_keys, g_ptr_array_unref);
  self->data_keys = g_steal_pointer (&final_keys);
  g_clear_pointer (&self->master_key, lento_secret_unref);
  self->master_key = g_steal_pointer (&master_key);

  return TRUE;
}

gboolean
lento_vault_rotate_data_key (LentoVault  *self,
                             GError     **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rotate_data_key (self, 0, NULL, NULL, error);
}
