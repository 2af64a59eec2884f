/* lento-vault-documents.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lento-container.h"
#include "lento-vault-private.h"

/* LentoVault's documents. A document is written only once its current
 * file is known to open, one write at a time per document, and always as
 * a new generation beside the previous one (.prev), so that a complete
 * generation is on disk at every instant. See lento-vault.c for how the
 * parts of the vault fit.
 */

GBytes *
_lento_vault_open_file (const char    *path,
                        const char    *name,
                        const guint8  *uuid,
                        GPtrArray     *keys,
                        guint8        *key_id,
                        gboolean      *missing,
                        GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  LentoContainerHeader header;
  const guint8 *data;
  GBytes *plain;
  gsize length = 0;

  if (missing != NULL)
    *missing = FALSE;

  contents = lento_file_read_regular (path, LENTO_CONTAINER_MAX_FILE_SIZE, FALSE, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
        {
          if (missing != NULL)
            *missing = TRUE;
          lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_FOUND);
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      return NULL;
    }

  data = g_bytes_get_data (contents, &length);
  plain = lento_container_open (data, length, LENTO_CONTAINER_KIND_DOCUMENT, uuid, name,
                                (LentoSecret * const *) keys->pdata, keys->len, &header, error);
  if (plain != NULL && key_id != NULL)
    memcpy (key_id, header.key_id, LENTO_KEY_ID_SIZE);

  return plain;
}

/* Opens the current generation, or the previous one when the current
 * one fails. Thread-safe: it only uses its arguments. */
GBytes *
_lento_vault_load_document (const char          *data_dir,
                            const char          *name,
                            const guint8        *uuid,
                            GPtrArray           *keys,
                            LentoDocumentStatus *status,
                            GError             **current_error,
                            GError             **error)
{
  g_autofree char *path = _lento_vault_doc_path (data_dir, name, SUFFIX);
  g_autofree char *prev = _lento_vault_doc_path (data_dir, name, PREV_SUFFIX);
  g_autoptr(GError) local_error = NULL;
  gboolean missing = FALSE;
  gboolean prev_missing = FALSE;
  GBytes *plain;

  plain = _lento_vault_open_file (path, name, uuid, keys, NULL, &missing, &local_error);
  if (plain != NULL)
    {
      *status = LENTO_DOCUMENT_OK;
      return plain;
    }

  plain = _lento_vault_open_file (prev, name, uuid, keys, NULL, &prev_missing, NULL);
  if (missing && prev_missing)
    {
      *status = LENTO_DOCUMENT_OK;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (current_error != NULL)
    *current_error = g_error_copy (local_error);

  if (plain != NULL)
    {
      g_debug ("Document %s did not open; its previous generation did", name);
      *status = LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS;
      return plain;
    }

  *status = LENTO_DOCUMENT_DAMAGED;
  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

gboolean
lento_vault_has_document (LentoVault *self,
                          const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!lento_container_name_is_valid (name))
    return FALSE;

  path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);

  return g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (prev, G_FILE_TEST_EXISTS);
}

GBytes *
lento_vault_read_document (LentoVault           *self,
                           const char           *name,
                           LentoDocumentStatus  *status,
                           GError              **error)
{
  LentoDocumentStatus local_status = LENTO_DOCUMENT_OK;
  GBytes *plain;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (status != NULL)
    *status = LENTO_DOCUMENT_OK;
  if (!_lento_vault_check_unlocked (self, error))
    return NULL;
  if (!lento_container_name_is_valid (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), NULL;

  plain = _lento_vault_load_document (self->data_dir, name, lento_key_file_get_uuid (self->keys),
                                      self->data_keys, &local_status, NULL, error);

  doc = _lento_vault_get_doc (self, name);
  /* While a write of this document runs, what is on disk is what the
   * vault itself wrote. */
  if (!doc->in_flight)
    doc->health = local_status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
  _lento_vault_update_state (self);

  if (status != NULL)
    *status = local_status;

  return plain;
}

typedef struct {
  const LentoFileLayer *layer;
  gpointer              layer_data;
  char                 *path;
  GBytes               *bytes;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  g_autofree char *dir = g_path_get_dirname (job->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (job->bytes, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                               _("Could not make the journal's folder: %s"), g_strerror (saved));
      return;
    }

  if (!lento_file_layer_write_generation (job->layer, job->layer_data, job->path, data, size,
                                          &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_write (LentoVault *self,
                         Doc        *doc);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) finished = NULL;
  Doc *doc;

  g_task_propagate_boolean (G_TASK (result), &error);

  doc = g_hash_table_lookup (self->docs, name);
  g_assert (doc != NULL && doc->in_flight);
  doc->in_flight = FALSE;
  finished = g_steal_pointer (&doc->running_tasks);
  doc->running_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  /* Every failure leaves a complete generation on disk (the old one or
   * the new one), so the document stays writable. */
  if (error == NULL)
    doc->health = DOC_GOOD;

  if (doc->queued != NULL)
    start_write (self, doc);

  for (guint i = 0; i < finished->len; i++)
    {
      GTask *task = g_ptr_array_index (finished, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  _lento_vault_set_pending_writes (self, self->pending_writes - finished->len);
}

static void
start_write (LentoVault *self,
             Doc        *doc)
{
  g_autoptr(GTask) worker = NULL;
  GPtrArray *tasks;
  WriteJob *job;

  g_assert (!doc->in_flight);
  g_assert (doc->queued != NULL);

  job = g_new0 (WriteJob, 1);
  job->layer = self->layer;
  job->layer_data = self->layer_data;
  job->path = _lento_vault_doc_path (self->data_dir, doc->name, SUFFIX);
  job->bytes = g_steal_pointer (&doc->queued);

  tasks = doc->running_tasks;
  doc->running_tasks = doc->queued_tasks;
  doc->queued_tasks = tasks;
  doc->in_flight = TRUE;

  worker = g_task_new (self, NULL, write_done_cb, g_strdup (doc->name));
  g_task_set_source_tag (worker, write_thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (worker, write_thread);
}

/* A document whose current file does not open must never be
 * overwritten: find out before the first write of this session. */
static void
check_health (LentoVault *self,
              Doc        *doc)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;
  g_autoptr(GBytes) plain = NULL;
  gboolean missing = FALSE;

  if (doc->health != DOC_UNKNOWN)
    return;

  path = _lento_vault_doc_path (self->data_dir, doc->name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, doc->name, PREV_SUFFIX);
  plain = _lento_vault_open_file (path, doc->name, lento_key_file_get_uuid (self->keys),
                                  self->data_keys, NULL, &missing, NULL);
  if (plain != NULL || (missing && !g_file_test (prev, G_FILE_TEST_EXISTS)))
    doc->health = DOC_GOOD;
  else
    doc->health = DOC_DAMAGED;
}

void
lento_vault_write_document_async (LentoVault          *self,
                                  const char          *name,
                                  GBytes              *json,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  const guint8 *data;
  gsize size;
  Doc *doc;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (json != NULL);

  /* Writes are not cancellable once queued: @cancellable only stops the
   * callback from mattering to the caller. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_write_document_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lento_container_name_is_valid (name))
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INVALID_NAME, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_INVALID_NAME));
      return;
    }

  doc = _lento_vault_get_doc (self, name);
  check_health (self, doc);
  _lento_vault_update_state (self);
  if (doc->health == DOC_DAMAGED)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DOCUMENT_DAMAGED, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_DOCUMENT_DAMAGED));
      return;
    }
  if (self->state == LENTO_VAULT_STATE_READ_ONLY)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_READ_ONLY));
      return;
    }

  data = g_bytes_get_data (json, &size);
  sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT,
                                 lento_key_file_get_uuid (self->keys), name,
                                 g_ptr_array_index (self->data_keys, 0), NULL,
                                 data, size, &error);
  if (sealed == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A newer version replaces a queued one: only the latest matters. */
  g_clear_pointer (&doc->queued, g_bytes_unref);
  doc->queued = g_steal_pointer (&sealed);
  g_ptr_array_add (doc->queued_tasks, g_steal_pointer (&task));
  _lento_vault_set_pending_writes (self, self->pending_writes + 1);

  if (!doc->in_flight)
    start_write (self, doc);
}

gboolean
lento_vault_write_document_finish (LentoVault    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lento_vault_flush_async (LentoVault          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LENTO_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_flush_async);

  if (self->pending_writes == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->flush_tasks, g_steal_pointer (&task));
}

gboolean
lento_vault_flush_finish (LentoVault    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reports a folder of the journal that could not be listed. */
static void
add_unreadable (GPtrArray  *unreadable,
                const char *relative,
                GError     *error)
{
  LentoDocumentReport *report;

  if (unreadable == NULL)
    return;

  report = g_new0 (LentoDocumentReport, 1);
  report->name = g_strdup (relative);
  report->status = LENTO_DOCUMENT_DAMAGED;
  g_set_error (&report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
               _("Could not read the folder “%s”: %s. Check that it is a folder and that you "
                 "may read it, then open Lento again."),
               relative, error->message);
  g_ptr_array_add (unreadable, report);
}

/* Adds to @names the document names in @dir (relative @prefix, NULL for
 * the data folder itself). */
static void
collect_names (const char *dir,
               const char *prefix,
               GHashTable *names,
               GPtrArray  *unreadable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  const char *entry;

  if (d == NULL)
    {
      /* A folder that is not there holds nothing; one that is there but
       * cannot be listed may hold anything. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        add_unreadable (unreadable, prefix ? prefix : ".", error);
      return;
    }

  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, entry, NULL);
      g_autofree char *stem = NULL;

      if (g_str_has_suffix (entry, SUFFIX))
        stem = g_strndup (entry, strlen (entry) - strlen (SUFFIX));
      else if (g_str_has_suffix (entry, PREV_SUFFIX))
        stem = g_strndup (entry, strlen (entry) - strlen (PREV_SUFFIX));

      if (stem != NULL)
        {
          g_autofree char *name = prefix ? g_strconcat (prefix, "/", stem, NULL)
                                         : g_strdup (stem);

          if (lento_container_name_is_valid (name))
            g_hash_table_add (names, g_steal_pointer (&name));
        }
      else if (prefix == NULL && lento_container_name_is_valid (entry))
        {
          GStatBuf st;

          /* A document folder that is something else than a folder now
           * (a file or a pipe in its place) cannot be read either. */
          if (g_lstat (full, &st) == 0 && S_ISDIR (st.st_mode))
            collect_names (full, entry, names, unreadable);
          else if (g_str_equal (entry, JOURNAL_FOLDER))
            {
              g_autoptr(GError) not_dir = g_error_new_literal (G_FILE_ERROR,
                                                               G_FILE_ERROR_NOTDIR,
                                                               g_strerror (ENOTDIR));

              add_unreadable (unreadable, entry, not_dir);
            }
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
_lento_vault_list_names (const char *data_dir,
                         GPtrArray  *unreadable)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  char *name;

  collect_names (data_dir, NULL, names, unreadable);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_ptr_array_add (sorted, g_strdup (name));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}

char **
_lento_vault_list_all_names (const char  *data_dir,
                             GError     **error)
{
  g_autoptr(GPtrArray) unreadable = NULL;
  g_auto(GStrv) names = NULL;

  unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_document_report_free);
  names = _lento_vault_list_names (data_dir, unreadable);
  if (unreadable->len > 0)
    {
      LentoDocumentReport *report = g_ptr_array_index (unreadable, 0);

      g_propagate_error (error, g_steal_pointer (&report->error));
      return NULL;
    }

  return g_steal_pointer (&names);
}

char **
lento_vault_list_documents (LentoVault  *self,
                            GError     **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_locked_journal (self, error))
    return NULL;

  return _lento_vault_list_all_names (self->data_dir, error);
}

gboolean
lento_vault_restore_previous (LentoVault  *self,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) contents = NULL;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (!lento_container_name_is_valid (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), FALSE;

  doc = _lento_vault_get_doc (self, name);
  if (doc->in_flight)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);
  damaged = _lento_vault_doc_path (self->data_dir, name, ".lento.damaged");
  dir = g_path_get_dirname (path);

  plain = _lento_vault_open_file (prev, name, lento_key_file_get_uuid (self->keys),
                                  self->data_keys, NULL, NULL, NULL);
  if (plain != NULL)
    contents = lento_file_read_regular (prev, LENTO_CONTAINER_MAX_FILE_SIZE, FALSE, NULL);
  if (contents == NULL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE), FALSE;

  /* The damaged file is kept aside, not deleted: it may still matter to
   * someone trying to rescue it. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      !self->layer->rename (self->layer_data, path, damaged, error))
    return FALSE;
  if (!self->layer->replace_contents (self->layer_data, path, g_bytes_get_data (contents, NULL),
                                      g_bytes_get_size (contents), error) ||
      !self->layer->sync_dir (self->layer_data, dir, error))
    return FALSE;

  doc->health = DOC_GOOD;
  _lento_vault_update_state (self);

  return TRUE;
}
