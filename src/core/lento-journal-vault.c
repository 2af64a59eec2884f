/* lento-journal-vault.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal"

#include "config.h"

#include "lento-journal-private.h"
#include "lento-journal-vault.h"

/* The journal on top of the vault. The vault is not thread-safe, so the
 * loader's worker asks the main context to read each document and waits;
 * decryption is quick, and parsing (the slow part) stays in the worker.
 */

typedef struct
{
  LentoVault   *vault;
  GMainContext *context;
} VaultReader;

typedef struct
{
  VaultReader *reader;
  const char  *name;
  GBytes      *bytes;
  GError      *error;
  gboolean     done;
  GMutex       mutex;
  GCond        cond;
} VaultRead;

static gboolean
unref_vault_cb (gpointer user_data)
{
  g_object_unref (user_data);
  return G_SOURCE_REMOVE;
}

static void
vault_reader_free (gpointer user_data)
{
  VaultReader *reader = user_data;

  /* This may run in the worker; the vault is released on its own context. */
  g_main_context_invoke (reader->context, unref_vault_cb, reader->vault);
  g_main_context_unref (reader->context);
  g_free (reader);
}

static gboolean
read_on_main_cb (gpointer user_data)
{
  VaultRead *read = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = lento_vault_read_document (read->reader->vault, read->name, NULL, &error);
  if (bytes == NULL && g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
    }

  g_mutex_lock (&read->mutex);
  read->bytes = bytes;
  read->error = g_steal_pointer (&error);
  read->done = TRUE;
  g_cond_signal (&read->cond);
  g_mutex_unlock (&read->mutex);

  return G_SOURCE_REMOVE;
}

static GBytes *
vault_read_func (const char    *name,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  VaultRead read = { user_data, name };

  g_mutex_init (&read.mutex);
  g_cond_init (&read.cond);

  g_main_context_invoke (read.reader->context, read_on_main_cb, &read);

  g_mutex_lock (&read.mutex);
  while (!read.done)
    g_cond_wait (&read.cond, &read.mutex);
  g_mutex_unlock (&read.mutex);

  g_mutex_clear (&read.mutex);
  g_cond_clear (&read.cond);

  if (read.error != NULL)
    g_propagate_error (error, read.error);
  return read.bytes;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!lento_journal_load_finish (LENTO_JOURNAL (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * lento_journal_load_from_vault_async:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 * @now: (nullable): today, to know the current month; %NULL for now
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every month is in the journal
 * @user_data: data for @callback
 *
 * Lists the vault's month documents and loads them with
 * lento_journal_load_async(): the current and previous month first, the
 * rest parsed in a worker thread. Call from the thread that owns the
 * vault, with its main context running.
 */
void
lento_journal_load_from_vault_async (LentoJournal        *self,
                                     LentoVault          *vault,
                                     GDateTime           *now,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  VaultReader *reader;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (LENTO_IS_VAULT (vault));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_journal_load_from_vault_async);

  names = lento_vault_list_documents (vault, &error);
  if (names == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reader = g_new0 (VaultReader, 1);
  reader->vault = g_object_ref (vault);
  reader->context = g_main_context_ref_thread_default ();

  lento_journal_load_async (self, (const char * const *)names, now,
                            vault_read_func, reader, vault_reader_free,
                            cancellable, load_done_cb, g_steal_pointer (&task));
}

gboolean
lento_journal_load_from_vault_finish (LentoJournal  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  LentoVault *vault;
  GStrv       names;
  guint       index;
  guint64     generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->vault);
  g_strfreev (data->names);
  g_free (data);
}

static void save_next (GTask *task);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LentoJournal *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!lento_vault_write_document_finish (LENTO_VAULT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _lento_journal_mark_saved_generation (self, data->names[data->index], data->generation);
  data->index++;
  save_next (g_steal_pointer (&task));
}

/* Takes @task. One month at a time, each durably before the next, in the
 * order of lento_journal_dup_dirty_months().
 */
static void
save_next (GTask *task)
{
  LentoJournal *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (data->names[data->index] == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  bytes = _lento_journal_serialize_month (self, data->names[data->index], &data->generation,
                                          &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  lento_vault_write_document_async (data->vault, data->names[data->index], bytes,
                                    g_task_get_cancellable (task), write_done_cb, task);
}

/**
 * lento_journal_save_async:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the changed months are on disk
 * @user_data: data for @callback
 *
 * Writes the month documents that changed, and only those, in the order
 * of lento_journal_dup_dirty_months(), each one durably before the next.
 * A month changed again while its save runs stays changed, for the next
 * save.
 */
void
lento_journal_save_async (LentoJournal        *self,
                          LentoVault          *vault,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (LENTO_IS_VAULT (vault));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_journal_save_async);

  data = g_new0 (SaveData, 1);
  data->vault = g_object_ref (vault);
  data->names = lento_journal_dup_dirty_months (self);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  save_next (task);
}

gboolean
lento_journal_save_finish (LentoJournal  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
