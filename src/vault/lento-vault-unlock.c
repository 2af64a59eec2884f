/* lento-vault-unlock.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include "lento-keyring.h"
#include "lento-vault-private.h"

/* LentoVault's unlocking. Every way in ends in finish_unlock(), which
 * opens the key block with the master key that a slot gave, so a slot
 * that opens but does not fit this journal leaves the vault as it was.
 * See lento-vault.c for how the parts of the vault fit.
 */

/* A rotation that was interrupted (a crash, a full disk) leaves documents
 * under the old data key, which a copy of the old key file still opens:
 * it is finished as soon as the journal is open again. When it cannot be,
 * the journal stays open as it is and the next unlock tries again. */
static void
finish_rotation (LentoVault *self)
{
  g_autoptr(GError) error = NULL;

  if (!lento_vault_get_rotation_pending (self) || self->state != LENTO_VAULT_STATE_UNLOCKED)
    return;
  if (!lento_vault_rotate_data_key (self, &error))
    g_debug ("The rotation of the data key was not finished: %s", error->message);
}

/* Takes the master key that a slot gave and opens the key block. */
static gboolean
finish_unlock (LentoVault   *self,
               LentoSecret  *master_key,
               GError      **error)
{
  GPtrArray *data_keys;

  data_keys = lento_key_file_open_data_keys (self->keys, master_key, error);
  if (data_keys == NULL)
    return FALSE;

  _lento_vault_wipe_keys (self);
  g_clear_error (&self->keyring_unclaimed_error);
  self->master_key = lento_secret_ref (master_key);
  self->data_keys = data_keys;
  /* Before anything is read or written: which documents were rolled
   * back, deleted or damaged since Lento last wrote them. */
  _lento_vault_check_integrity (self, FALSE);
  finish_rotation (self);

  return TRUE;
}

/* What the secret from the keyring opens: TRUE, or FALSE with @error. */
static gboolean
unlock_with_keyring_secret (LentoVault    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(LentoSecret) secret = NULL;
  g_autoptr(LentoSecret) master_key = NULL;
  GError *local_error = NULL;

  secret = lento_keyring_lookup_finish (result, error);
  if (secret == NULL)
    return FALSE;

  /* Another way in may have opened the journal while the keyring answered. */
  if (self->state == LENTO_VAULT_STATE_UNLOCKED || self->state == LENTO_VAULT_STATE_READ_ONLY)
    return TRUE;

  if (self->keys == NULL)
    {
      lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_OPEN);
      return FALSE;
    }

  master_key = lento_key_file_unlock_keyring (self->keys, secret, &local_error);
  if (master_key == NULL)
    {
      /* A secret that does not fit the slot was overwritten or belongs to
       * another journal; it says nothing about the journal itself. */
      if (g_error_matches (local_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_KEY))
        {
          g_clear_error (&local_error);
          lento_vault_set_error (&local_error, LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID);
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!finish_unlock (self, master_key, error))
    return FALSE;
  _lento_vault_remember_kek (self, LENTO_SLOT_KEYRING, secret);

  return TRUE;
}

/* One lookup answers every unlock that asked while it was in flight. */
static void
unlock_keyring_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LentoVault) self = user_data;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  unlocked = unlock_with_keyring_secret (self, result, &error);
  self->keyring_looking_up = FALSE;
  tasks = g_steal_pointer (&self->keyring_tasks);
  self->keyring_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  /* Nobody asked yet: the window that does is told how it went. */
  if (tasks->len == 0 && !unlocked)
    {
      g_clear_error (&self->keyring_unclaimed_error);
      self->keyring_unclaimed_error = g_steal_pointer (&error);
      return;
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (unlocked)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/* Starts the lookup unless one is in flight. */
static gboolean
begin_keyring_lookup (LentoVault    *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *uuid = NULL;

  if (self->keyring_looking_up)
    return TRUE;
  if (!_lento_vault_check_locked_journal (self, error))
    return FALSE;
  if (!lento_key_file_has_slot (self->keys, LENTO_SLOT_KEYRING))
    {
      lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_SLOT);
      return FALSE;
    }

  g_clear_error (&self->keyring_unclaimed_error);
  self->keyring_looking_up = TRUE;
  uuid = lento_key_file_dup_uuid_string (self->keys);
  lento_keyring_lookup_async (self->application_id, uuid, !self->keyring_no_prompt, cancellable,
                              unlock_keyring_cb, g_object_ref (self));
  return TRUE;
}

/**
 * lento_vault_begin_keyring_unlock:
 *
 * Asks the keyring for the key now, with nobody waiting for the answer,
 * so that it is there by the time a window asks. The next
 * lento_vault_unlock_keyring_async() waits for this lookup rather than
 * making another, and is told how it ended, even when it ended first. Does
 * nothing unless the journal is locked and has a keyring slot.
 */
void
lento_vault_begin_keyring_unlock (LentoVault *self)
{
  g_return_if_fail (LENTO_IS_VAULT (self));

  if (self->state == LENTO_VAULT_STATE_LOCKED && self->keys != NULL
      && lento_key_file_has_slot (self->keys, LENTO_SLOT_KEYRING))
    begin_keyring_lookup (self, NULL, NULL);
}

void
lento_vault_unlock_keyring_async (LentoVault          *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_unlock_keyring_async);

  /* A lookup begun earlier that failed before anyone asked. */
  if (self->keyring_unclaimed_error != NULL && !self->keyring_looking_up)
    {
      g_task_return_error (task, g_steal_pointer (&self->keyring_unclaimed_error));
      return;
    }

  if (!begin_keyring_lookup (self, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (self->keyring_tasks, g_steal_pointer (&task));
}

void
lento_vault_set_keyring_may_prompt (LentoVault *self,
                                    gboolean    may_prompt)
{
  g_return_if_fail (LENTO_IS_VAULT (self));

  self->keyring_no_prompt = !may_prompt;
}

gboolean
lento_vault_unlock_keyring_finish (LentoVault    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
lento_vault_unlock_recovery_code (LentoVault   *self,
                                  LentoSecret  *recovery_code,
                                  GError      **error)
{
  g_autoptr(LentoSecret) kek = NULL;
  g_autoptr(LentoSecret) master_key = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (recovery_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_locked_journal (self, error))
    return FALSE;

  kek = lento_key_file_derive_kek (self->keys, LENTO_SLOT_RECOVERY, recovery_code, error);
  if (kek == NULL)
    return FALSE;
  master_key = lento_key_file_open_slot (self->keys, LENTO_SLOT_RECOVERY, kek, error);
  if (master_key == NULL || !finish_unlock (self, master_key, error))
    return FALSE;
  _lento_vault_remember_kek (self, LENTO_SLOT_RECOVERY, kek);

  return TRUE;
}

static void
kdf_job_free (KdfJob *job)
{
  g_clear_pointer (&job->keys, lento_key_file_free);
  g_clear_pointer (&job->secret, lento_secret_unref);
  g_clear_pointer (&job->master_key, lento_secret_unref);
  g_clear_pointer (&job->kek, lento_secret_unref);
  g_free (job);
}

KdfJob *
_lento_vault_kdf_job_new (LentoVault  *self,
                          LentoSecret *passphrase)
{
  KdfJob *job = g_new0 (KdfJob, 1);

  job->keys = lento_key_file_copy (self->keys);
  job->secret = lento_secret_ref (passphrase);
  return job;
}

/* Argon2id takes a noticeable moment: it runs in a worker, on a copy of the
 * key file, and @done finishes @task (which it takes) on this thread.
 */
void
_lento_vault_run_kdf_job (LentoVault          *self,
                          GTask               *task,
                          KdfJob              *job,
                          GAsyncReadyCallback  done,
                          GTaskThreadFunc      thread)
{
  g_autoptr(GTask) worker = NULL;

  worker = g_task_new (self, g_task_get_cancellable (task), done, task);
  g_task_set_source_tag (worker, thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) kdf_job_free);
  g_task_run_in_thread (worker, thread);
}

static void
unlock_passphrase_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  KdfJob *job = task_data;
  GError *error = NULL;
  LentoSecret *master_key;

  /* The slot's key stays with the job, for the vault to keep. */
  job->kek = lento_key_file_derive_kek (job->keys, LENTO_SLOT_PASSPHRASE, job->secret, &error);
  master_key = job->kek != NULL
    ? lento_key_file_open_slot (job->keys, LENTO_SLOT_PASSPHRASE, job->kek, &error)
    : NULL;
  if (master_key == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, master_key, (GDestroyNotify) lento_secret_unref);
}

static void
unlock_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LentoSecret) master_key = NULL;
  GError *error = NULL;

  master_key = g_task_propagate_pointer (G_TASK (result), &error);
  if (master_key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->keys == NULL)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_OPEN, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_NOT_OPEN));
      return;
    }
  if (!finish_unlock (self, master_key, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _lento_vault_remember_kek (self, LENTO_SLOT_PASSPHRASE,
                             ((KdfJob *) g_task_get_task_data (G_TASK (result)))->kek);

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_unlock_passphrase_async (LentoVault          *self,
                                     LentoSecret         *passphrase,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_unlock_passphrase_async);

  if (!_lento_vault_check_locked_journal (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _lento_vault_run_kdf_job (self, g_steal_pointer (&task),
                            _lento_vault_kdf_job_new (self, passphrase),
                            unlock_passphrase_cb, unlock_passphrase_thread);
}

gboolean
lento_vault_unlock_passphrase_finish (LentoVault    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
