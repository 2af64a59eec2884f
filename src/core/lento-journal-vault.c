/* lento-journal-vault.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal"

#include "config.h"

#include "lento-journal-private.h"
#include "lento-journal-vault.h"

/* The journal on top of the vault. The loader's worker reads, decrypts
 * and parses each month itself, through a LentoVaultReader: nothing waits
 * for the main context, which may be busy drawing the window's first
 * frames. What each read found (a damaged, missing or rolled-back month)
 * is committed to the vault on the main context, before that month is
 * merged into the journal.
 */

typedef struct
{
  LentoVault       *vault;      /* main context only */
  GMainContext     *context;
  LentoVaultReader *reader;
  GStrv             names;      /* in loading order */
} VaultReader;

/* On the main context: the reader holds the data keys, and the vault is
 * the main context's. */
static gboolean
free_reader_cb (gpointer user_data)
{
  VaultReader *reader = user_data;

  lento_vault_reader_free (reader->reader);
  g_object_unref (reader->vault);
  g_main_context_unref (reader->context);
  g_strfreev (reader->names);
  g_free (reader);
  return G_SOURCE_REMOVE;
}

/* The loader is done with @user_data, on any thread. */
static void
vault_reader_close (gpointer user_data)
{
  VaultReader *reader = user_data;

  g_main_context_invoke (reader->context, free_reader_cb, reader);
}

static GBytes *
vault_read_func (const char    *name,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  VaultReader *reader = user_data;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = lento_vault_reader_read (reader->reader, name, &local_error);
  if (bytes == NULL &&
      g_error_matches (local_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
      return NULL;
    }
  if (bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}

static void
vault_commit_func (const char *name,
                   gpointer    user_data)
{
  VaultReader *reader = user_data;

  lento_vault_reader_commit (reader->reader, reader->vault, name);
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
 * lento_journal_reload_damaged_from_vault:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 *
 * Reads again each month the journal could not read, once the vault no
 * longer calls it damaged (its previous version was restored, say): the
 * month's entries come back and, when every month reads, the journal is
 * no longer read-only. A month the vault set aside is gone from the
 * journal; a month still damaged is left as it is.
 *
 * Returns: how many months were read or let go
 */
guint
lento_journal_reload_damaged_from_vault (LentoJournal *self,
                                         LentoVault   *vault)
{
  g_auto(GStrv) damaged = NULL;
  guint n_read = 0;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), 0);
  g_return_val_if_fail (LENTO_IS_VAULT (vault), 0);

  damaged = lento_journal_dup_damaged_months (self);
  for (guint i = 0; damaged[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (lento_vault_get_damaged_document (vault), damaged[i]) == 0)
        continue;
      bytes = lento_vault_read_document (vault, damaged[i], NULL, &error);
      /* Set aside: the month is gone, and the journal goes on without it. */
      if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
        {
          Month *month = _lento_journal_ensure_month (self, damaged[i]);

          month->damaged = FALSE;
          _lento_journal_update_read_only (self);
          n_read++;
          continue;
        }
      if (bytes == NULL || !lento_journal_load_month (self, damaged[i], bytes, &error))
        {
          g_debug ("%s is still unreadable: %s", damaged[i], error->message);
          continue;
        }
      n_read++;
    }

  return n_read;
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
  guint n_recent;

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
  reader->names = _lento_journal_loading_order ((const char * const *)names, now, &n_recent);
  reader->reader = lento_vault_reader_new (vault, (const char * const *)reader->names, &error);
  if (reader->reader == NULL)
    {
      free_reader_cb (reader);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The loader asks for the same names in the same order. */
  _lento_journal_load_full_async (self, (const char * const *)reader->names, now,
                                  vault_read_func, vault_commit_func, reader, vault_reader_close,
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
  GStrv       names;         /* the months to write, in order */
  guint       index;
  guint64     generation;
  gsize       log_stamp;     /* the log's state when the months were chosen */
  gboolean    log_written;
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

  if (data->names[data->index] != NULL)
    {
      _lento_journal_mark_saved_generation (self, data->names[data->index], data->generation);
      data->index++;
    }
  else
    {
      _lento_journal_log_written (self);
      data->log_written = TRUE;
    }
  save_next (g_steal_pointer (&task));
}

/* Takes @task. One month at a time, each durably before the next, in the
 * order of lento_journal_dup_dirty_months(); then the log, without what
 * the months now hold.
 */
static void
save_next (GTask *task)
{
  LentoJournal *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  const char *name = data->names[data->index];

  if (name == NULL)
    {
      if (data->log_written ||
          !_lento_journal_log_folded (self, (const char * const *)data->names, data->log_stamp))
        {
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }

      bytes = lento_journal_serialize_log (self);
      lento_vault_write_document_async (data->vault, LENTO_JOURNAL_LOG_DOCUMENT, bytes,
                                        g_task_get_cancellable (task), write_done_cb, task);
      return;
    }

  bytes = _lento_journal_serialize_month (self, name, &data->generation, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  lento_vault_write_document_async (data->vault, name, bytes,
                                    g_task_get_cancellable (task), write_done_cb, task);
}

/**
 * lento_journal_save_async:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the changes are on disk
 * @user_data: data for @callback
 *
 * Writes what changed, durably. While the change log is short (at most
 * %LENTO_JOURNAL_LOG_MAX entries) and the whole journal has been read,
 * that is the log alone, so that saving one entry costs the same whatever
 * the size of the journal. Otherwise the log is folded: the month
 * documents that changed, and only those, are written in the order of
 * lento_journal_dup_dirty_months(), each durably before the next, and then
 * the log without what they now hold. A change made while a save runs is
 * kept for the next save.
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
  data->log_stamp = _lento_journal_get_log_stamp (self);
  if (_lento_journal_log_can_take (self))
    {
      /* No month is written, so the log keeps all it holds. */
      data->names = g_new0 (char *, 1);
      data->log_stamp = 0;
    }
  else
    {
      data->names = lento_journal_dup_dirty_months (self);
    }
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
