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

/* The lookup's answer, shared by the worker thread that asks the keyring
 * and the main thread that uses it. Whichever settles it first (the main
 * thread waiting briefly for it, or the worker's completion) does so once.
 */
struct _KeyringLookup
{
  gatomicrefcount  ref;
  GMutex           mutex;
  GCond            cond;
  gboolean         done;       /* under mutex */
  LentoSecret     *secret;     /* under mutex */
  GError          *error;      /* under mutex */
  char            *application_id;
  char            *uuid;
  gboolean         may_prompt;
};

static KeyringLookup *
keyring_lookup_ref (KeyringLookup *lookup)
{
  g_atomic_ref_count_inc (&lookup->ref);
  return lookup;
}

static void
keyring_lookup_unref (KeyringLookup *lookup)
{
  if (!g_atomic_ref_count_dec (&lookup->ref))
    return;

  g_clear_pointer (&lookup->secret, lento_secret_unref);
  g_clear_error (&lookup->error);
  g_mutex_clear (&lookup->mutex);
  g_cond_clear (&lookup->cond);
  g_free (lookup->application_id);
  g_free (lookup->uuid);
  g_free (lookup);
}

static void
keyring_lookup_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  KeyringLookup *lookup = task_data;
  GError *error = NULL;
  LentoSecret *secret;

  secret = lento_keyring_lookup_sync (lookup->application_id, lookup->uuid, lookup->may_prompt,
                                      cancellable, &error);
  g_mutex_lock (&lookup->mutex);
  lookup->secret = secret;
  lookup->error = error;
  lookup->done = TRUE;
  g_cond_broadcast (&lookup->cond);
  g_mutex_unlock (&lookup->mutex);

  g_task_return_boolean (task, TRUE);
}

/* What the secret from the keyring opens: TRUE, or FALSE with @error. */
static gboolean
unlock_with_keyring_secret (LentoVault     *self,
                            KeyringLookup  *lookup,
                            GError        **error)
{
  g_autoptr(LentoSecret) master_key = NULL;
  GError *local_error = NULL;

  if (lookup->secret == NULL)
    {
      g_propagate_error (error, g_error_copy (lookup->error));
      return FALSE;
    }

  /* Another way in may have opened the journal while the keyring answered. */
  if (self->state == LENTO_VAULT_STATE_UNLOCKED || self->state == LENTO_VAULT_STATE_READ_ONLY)
    return TRUE;

  if (self->keys == NULL)
    {
      lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_OPEN);
      return FALSE;
    }

  master_key = lento_key_file_unlock_keyring (self->keys, lookup->secret, &local_error);
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
  _lento_vault_remember_kek (self, LENTO_SLOT_KEYRING, lookup->secret);

  return TRUE;
}

/* Uses the answer of the lookup in flight, which must be done: one answer
 * for every unlock that asked while it was in flight.
 */
static void
settle_keyring_lookup (LentoVault *self)
{
  KeyringLookup *lookup = g_steal_pointer (&self->keyring_lookup);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  unlocked = unlock_with_keyring_secret (self, lookup, &error);
  keyring_lookup_unref (lookup);
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

/* Back on the main thread once the worker is done, unless an unlock that
 * waited for the answer settled it already.
 */
static void
keyring_lookup_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  KeyringLookup *lookup = user_data;

  if (self->keyring_lookup == lookup)
    settle_keyring_lookup (self);
  keyring_lookup_unref (lookup);
}

/* Starts the lookup unless one is in flight. */
static gboolean
begin_keyring_lookup (LentoVault    *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GTask) task = NULL;
  KeyringLookup *lookup;

  if (self->keyring_lookup != NULL)
    return TRUE;
  if (!_lento_vault_check_locked_journal (self, error))
    return FALSE;
  if (!lento_key_file_has_slot (self->keys, LENTO_SLOT_KEYRING))
    {
      lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_SLOT);
      return FALSE;
    }

  g_clear_error (&self->keyring_unclaimed_error);
  lookup = g_new0 (KeyringLookup, 1);
  g_atomic_ref_count_init (&lookup->ref);
  g_mutex_init (&lookup->mutex);
  g_cond_init (&lookup->cond);
  lookup->application_id = g_strdup (self->application_id);
  lookup->uuid = lento_key_file_dup_uuid_string (self->keys);
  lookup->may_prompt = !self->keyring_no_prompt;
  self->keyring_lookup = lookup;

  /* The task keeps the vault and the lookup until the worker is done. */
  task = g_task_new (self, cancellable, keyring_lookup_done_cb,
                     keyring_lookup_ref (lookup));
  g_task_set_source_tag (task, begin_keyring_lookup);
  g_task_set_task_data (task, keyring_lookup_ref (lookup), (GDestroyNotify) keyring_lookup_unref);
  g_task_run_in_thread (task, keyring_lookup_thread);
  return TRUE;
}

/* How long an unlock waits on the main thread for a lookup already in
 * flight: a keyring that answers at once then unlocks before the window's
 * first frame, rather than after it; one that prompts or is slow does not
 * hold the window up.
 */
#define KEYRING_WAIT_MS 25

static gboolean
wait_for_keyring_lookup (KeyringLookup *lookup)
{
  gint64 until = g_get_monotonic_time () + KEYRING_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  gboolean done;

  g_mutex_lock (&lookup->mutex);
  while (!lookup->done && g_cond_wait_until (&lookup->cond, &lookup->mutex, until))
    ;
  done = lookup->done;
  g_mutex_unlock (&lookup->mutex);
  return done;
}

/* Whether the keyring lookup in flight has its answer, not yet used. */
gboolean
_lento_vault_get_keyring_answered (LentoVault *self)
{
  gboolean done;

  if (self->keyring_lookup == NULL)
    return FALSE;
  g_mutex_lock (&self->keyring_lookup->mutex);
  done = self->keyring_lookup->done;
  g_mutex_unlock (&self->keyring_lookup->mutex);
  return done;
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
  if (self->keyring_unclaimed_error != NULL && self->keyring_lookup == NULL)
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

  if (wait_for_keyring_lookup (self->keyring_lookup))
    settle_keyring_lookup (self);
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
