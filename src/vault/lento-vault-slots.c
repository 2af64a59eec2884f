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
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (!self->layer->replace_contents (self->layer_data, path, data, size, error) ||
      !self->layer->sync_dir (self->layer_data, self->data_dir, error) ||
      !self->layer->replace_contents (self->layer_data, prev, data, size, error))
    return FALSE;

  return self->layer->sync_dir (self->layer_data, self->data_dir, error);
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

  return TRUE;
}

static gboolean
dir_has_documents (const char *data_dir)
{
  g_auto(GStrv) names = _lento_vault_list_names (data_dir);

  return names[0] != NULL;
}

gboolean
lento_vault_get_keys_missing (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);

  return self->state == LENTO_VAULT_STATE_NO_JOURNAL && dir_has_documents (self->data_dir);
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

  data_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  g_ptr_array_add (data_keys, g_steal_pointer (&data_key));
  self->master_key = g_steal_pointer (&master_key);
  self->data_keys = g_steal_pointer (&data_keys);
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

static gboolean
remove_slot (LentoVault     *self,
             LentoSlotType   type,
             GError        **error)
{
  LentoKeyFile *keys;
  guint others = 0;

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (!lento_key_file_has_slot (self->keys, type))
    return TRUE;

  for (LentoSlotType t = LENTO_SLOT_KEYRING; t <= LENTO_SLOT_PASSPHRASE; t++)
    if (t != type && lento_key_file_has_slot (self->keys, t))
      others++;
  if (others == 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_LAST_SLOT), FALSE;

  keys = lento_key_file_copy (self->keys);
  lento_key_file_remove_slot (keys, type);

  return replace_keys (self, keys, error);
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

LentoSecret *
lento_vault_new_recovery_code (LentoVault  *self,
                               GError     **error)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoKeyFile *keys;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_unlocked (self, error))
    return NULL;

  keys = lento_key_file_copy (self->keys);
  code = lento_key_file_set_recovery_slot (keys, self->master_key);
  if (!replace_keys (self, keys, error))
    return NULL;

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
                                           job->opslimit, job->memlimit_kib, &error))
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
                               _("This passphrase is too long: Lento takes up to %u "
                                 "characters, fewer with accented letters or other alphabets. "
                                 "Choose a shorter one."),
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

gboolean
lento_vault_remove_passphrase (LentoVault  *self,
                               GError     **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return remove_slot (self, LENTO_SLOT_PASSPHRASE, error);
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
  guint8 key_id[LENTO_KEY_ID_SIZE];
  guint8 prev_id[LENTO_KEY_ID_SIZE];
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) prev_plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gboolean missing = FALSE;
  gboolean prev_missing = FALSE;
  const guint8 *data;
  gsize size;

  lento_container_key_id (new_key, new_id);

  plain = _lento_vault_open_file (path, name, uuid, self->data_keys, key_id, &missing, error);
  if (plain == NULL)
    return FALSE;
  prev_plain = _lento_vault_open_file (prev, name, uuid, self->data_keys, prev_id, &prev_missing,
                                       NULL);

  if (memcmp (key_id, new_id, sizeof new_id) != 0)
    {
      data = g_bytes_get_data (plain, &size);
      sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, uuid, name, new_key, NULL,
                                     data, size, error);
      if (sealed == NULL)
        return FALSE;
      data = g_bytes_get_data (sealed, &size);
      if (!lento_file_layer_write_generation (self->layer, self->layer_data, path, data, size,
                                              error))
        return FALSE;
    }
  else if (prev_missing || (prev_plain != NULL && memcmp (prev_id, new_id, sizeof new_id) == 0))
    {
      return TRUE;
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_IO), FALSE;
      sealed = g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  data = g_bytes_get_data (sealed, &size);
  if (!self->layer->replace_contents (self->layer_data, prev, data, size, error))
    return FALSE;

  return self->layer->sync_dir (self->layer_data, dir, error);
}

gboolean
lento_vault_rotate_data_key (LentoVault  *self,
                             GError     **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) final_keys = NULL;
  LentoKeyFile *keys;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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
      g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);

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
  names = _lento_vault_list_names (self->data_dir);
  for (guint i = 0; names[i] != NULL; i++)
    if (!rotate_document (self, names[i], error))
      return FALSE;

  /* Step 3: the old key leaves keys.lento. */
  final_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  g_ptr_array_add (final_keys, lento_secret_ref (g_ptr_array_index (self->data_keys, 0)));
  keys = lento_key_file_copy (self->keys);
  lento_key_file_set_data_keys (keys, self->master_key, final_keys);
  if (!replace_keys (self, keys, error))
    return FALSE;
  g_clear_pointer (&self->data_keys, g_ptr_array_unref);
  self->data_keys = g_steal_pointer (&final_keys);

  return TRUE;
}
