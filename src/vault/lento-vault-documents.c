/* lento-vault-documents.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lento-container.h"
#include "lento-vault-private.h"

/* LentoVault's documents. A document is written only once its current
 * file is known to open and to be the generation the manifest records,
 * one write at a time per document, and always as a new generation beside
 * the previous one (.prev), so that a complete generation is on disk at
 * every instant. Each write is answered once the manifest that records it
 * is on disk too (lento-vault-manifest.c). See lento-vault.c for how the
 * parts of the vault fit.
 */

GBytes *
_lento_vault_open_file (const char            *path,
                        const char            *name,
                        const guint8          *uuid,
                        GPtrArray             *keys,
                        LentoContainerHeader  *header,
                        GBytes               **contents,
                        gboolean              *missing,
                        GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  LentoContainerHeader local;
  const guint8 *data;
  GBytes *plain;
  gsize length = 0;

  if (missing != NULL)
    *missing = FALSE;
  if (header == NULL)
    header = &local;

  bytes = lento_file_read_regular (path, LENTO_CONTAINER_MAX_FILE_SIZE, FALSE, &local_error);
  if (bytes == NULL)
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

  data = g_bytes_get_data (bytes, &length);
  plain = lento_container_open (data, length, LENTO_CONTAINER_KIND_DOCUMENT, uuid, name,
                                (LentoSecret * const *) keys->pdata, keys->len, header, error);
  /* The header's pointers point into @bytes: only its values outlive it. */
  if (plain != NULL && contents != NULL)
    *contents = g_steal_pointer (&bytes);

  return plain;
}

/* Opens the current generation, or the previous one when the current
 * one fails, without looking at the manifest. Thread-safe: it only uses
 * its arguments. */
GBytes *
_lento_vault_load_document (const char          *data_dir,
                            const char          *name,
                            const guint8        *uuid,
                            GPtrArray           *keys,
                            LentoDocumentStatus *status,
                            GError             **current_error,
                            GError             **error)
{
  DocCheck check = { 0, };
  GBytes *plain;

  _lento_vault_check_document (data_dir, name, uuid, keys, NULL, TRUE, &check);
  *status = check.status;
  plain = g_steal_pointer (&check.plain);
  if (current_error != NULL && !check.absent && check.error != NULL)
    *current_error = g_error_copy (check.error);
  if (plain == NULL)
    g_propagate_error (error, g_steal_pointer (&check.error));
  _lento_vault_doc_check_clear (&check);

  return plain;
}

gboolean
lento_vault_has_document (LentoVault *self,
                          const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_lento_vault_name_is_public (name))
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
  DocCheck check = { 0, };
  GBytes *plain;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (status != NULL)
    *status = LENTO_DOCUMENT_OK;
  if (!_lento_vault_check_unlocked (self, error))
    return NULL;
  if (!_lento_vault_name_is_public (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), NULL;

  _lento_vault_check_document (self->data_dir, name, lento_key_file_get_uuid (self->keys),
                               self->data_keys, self->manifest, TRUE, &check);
  doc = _lento_vault_get_doc (self, name);
  _lento_vault_apply_check (self, doc, &check);
  _lento_vault_update_state (self);

  if (status != NULL)
    *status = check.status;
  plain = g_steal_pointer (&check.plain);
  if (plain == NULL)
    g_propagate_error (error, g_steal_pointer (&check.error));
  _lento_vault_doc_check_clear (&check);

  return plain;
}

/* Reading on another thread. What lento_vault_read_document() needs of
 * the vault is copied once on the main thread: the folder, the journal's
 * UUID, the data keys (held, so that a lock cannot free them under the
 * reader) and the manifest's entries for the names to read. What each
 * read found is kept until the main thread commits it to the vault.
 */
struct _LentoVaultReader
{
  char        *data_dir;
  guint8       uuid[LENTO_UUID_SIZE];
  GPtrArray   *keys;       /* LentoSecret */
  GHashTable  *manifest;   /* name -> ManifestEntry, or NULL */
  GHashTable  *written;    /* name -> the generation the vault knew, main thread only */

  GMutex       mutex;
  GHashTable  *found;      /* name -> DocCheck, under mutex */
};

static void
doc_check_free (gpointer pointer)
{
  _lento_vault_doc_check_clear (pointer);
  g_free (pointer);
}

/**
 * lento_vault_reader_new:
 * @names: the documents that will be read
 *
 * Returns: (transfer full) (nullable): a reader for @names, or %NULL
 *   with @error when the vault is not unlocked
 */
LentoVaultReader *
lento_vault_reader_new (LentoVault          *self,
                        const char * const  *names,
                        GError             **error)
{
  LentoVaultReader *reader;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (names != NULL, NULL);

  if (!_lento_vault_check_unlocked (self, error))
    return NULL;

  reader = g_new0 (LentoVaultReader, 1);
  reader->data_dir = g_strdup (self->data_dir);
  memcpy (reader->uuid, lento_key_file_get_uuid (self->keys), LENTO_UUID_SIZE);
  reader->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  for (guint i = 0; i < self->data_keys->len; i++)
    g_ptr_array_add (reader->keys, lento_secret_ref (g_ptr_array_index (self->data_keys, i)));
  if (self->manifest != NULL)
    {
      reader->manifest = _lento_vault_manifest_new ();
      for (guint i = 0; names[i] != NULL; i++)
        {
          ManifestEntry *entry = g_hash_table_lookup (self->manifest, names[i]);

          if (entry != NULL)
            g_hash_table_insert (reader->manifest, g_strdup (names[i]),
                                 _lento_vault_manifest_entry_copy (entry));
        }
    }
  reader->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (reader->written, g_strdup (names[i]),
                         g_memdup2 (&_lento_vault_get_doc (self, names[i])->generation,
                                    sizeof (guint64)));
  g_mutex_init (&reader->mutex);
  reader->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, doc_check_free);

  return reader;
}

/* Frees @reader; on the main thread, since it holds the data keys. */
void
lento_vault_reader_free (LentoVaultReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->data_dir);
  g_ptr_array_unref (reader->keys);
  g_clear_pointer (&reader->manifest, g_hash_table_unref);
  g_hash_table_unref (reader->written);
  g_hash_table_unref (reader->found);
  g_mutex_clear (&reader->mutex);
  g_free (reader);
}

/**
 * lento_vault_reader_read:
 *
 * Reads @name as lento_vault_read_document() does, on any thread. What
 * it found reaches the vault with lento_vault_reader_commit().
 *
 * Returns: (transfer full) (nullable): the plain text, or %NULL with @error
 */
GBytes *
lento_vault_reader_read (LentoVaultReader  *reader,
                         const char        *name,
                         GError           **error)
{
  DocCheck *check;
  GBytes *plain;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_lento_vault_name_is_public (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), NULL;

  check = g_new0 (DocCheck, 1);
  _lento_vault_check_document (reader->data_dir, name, reader->uuid, reader->keys,
                               reader->manifest, TRUE, check);
  plain = g_steal_pointer (&check->plain);
  if (plain == NULL)
    g_propagate_error (error, g_error_copy (check->error));

  g_mutex_lock (&reader->mutex);
  g_hash_table_replace (reader->found, g_strdup (name), check);
  g_mutex_unlock (&reader->mutex);

  return plain;
}

/**
 * lento_vault_reader_get_generation:
 * @generation: (out) (optional): where to put the generation read
 *
 * Says which generation of @name the last lento_vault_reader_read() read,
 * when it read the current file and found it as the manifest allows:
 * what the caller derives from those bytes describes that generation.
 *
 * Returns: %TRUE when @generation was set
 */
gboolean
lento_vault_reader_get_generation (LentoVaultReader *reader,
                                   const char       *name,
                                   guint64          *generation)
{
  DocCheck *check;
  gboolean found = FALSE;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  g_mutex_lock (&reader->mutex);
  check = g_hash_table_lookup (reader->found, name);
  if (check != NULL && check->opened && check->status == LENTO_DOCUMENT_OK)
    {
      found = TRUE;
      if (generation != NULL)
        *generation = check->found.generation;
    }
  g_mutex_unlock (&reader->mutex);

  return found;
}

/**
 * lento_vault_reader_commit:
 *
 * Tells @self what reading @name found (its generation, whether it was
 * damaged, rolled back or missing), as lento_vault_read_document() would
 * have; on the main thread, before anything is written to @name. A read
 * older than what the vault wrote since is left out.
 */
void
lento_vault_reader_commit (LentoVaultReader *reader,
                           LentoVault       *self,
                           const char       *name)
{
  DocCheck *check = NULL;
  char *key = NULL;
  guint64 *known;
  Doc *doc;

  g_return_if_fail (reader != NULL);
  g_return_if_fail (LENTO_IS_VAULT (self));

  g_mutex_lock (&reader->mutex);
  g_hash_table_steal_extended (reader->found, name, (gpointer *) &key, (gpointer *) &check);
  g_mutex_unlock (&reader->mutex);
  g_free (key);
  if (check == NULL)
    return;

  /* Locked since, or written since: what was read says nothing new. */
  known = g_hash_table_lookup (reader->written, name);
  doc = _lento_vault_get_doc (self, name);
  if (self->data_keys != NULL && known != NULL && doc->generation <= *known && !doc->in_flight)
    {
      _lento_vault_apply_check (self, doc, check);
      _lento_vault_update_state (self);
    }
  doc_check_free (check);
}

typedef struct {
  const LentoFileLayer *layer;
  gpointer              layer_data;
  char                 *path;
  GBytes               *bytes;
  guint64               generation;
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
                               /* Translators: %s is the system's reason, like “Permission denied”.
                                */
                               _("Could not make the journal's folder: %s"), g_strerror (saved));
      return;
    }

  if (!lento_file_layer_write_generation (job->layer, job->layer_data, job->path, data, size,
                                          &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autofree char *name = user_data;
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) finished = NULL;
  guint answered;
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
    {
      doc->health = DOC_GOOD;
      doc->problem = LENTO_DOCUMENT_OK;
    }

  if (doc->queued != NULL)
    _lento_vault_start_write (self, doc);

  /* The callers of a document's write wait for the manifest that records
   * it: when they hear back, nothing can tell the new generation from a
   * rollback. When there is no manifest to write to (locked meanwhile),
   * the next unlock finds the document newer and records it then. */
  answered = finished->len;
  if (error == NULL && !g_str_equal (name, MANIFEST_NAME) && self->manifest != NULL)
    {
      _lento_vault_set_manifest_entry (self, name, job->generation, job->bytes);
      if (_lento_vault_queue_manifest (self, &finished))
        return;
    }

  for (guint i = 0; i < finished->len; i++)
    {
      GTask *task = g_ptr_array_index (finished, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  _lento_vault_set_pending_writes (self, self->pending_writes - answered);
}

void
_lento_vault_start_write (LentoVault *self,
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
  job->generation = doc->queued_generation;

  tasks = doc->running_tasks;
  doc->running_tasks = doc->queued_tasks;
  doc->queued_tasks = tasks;
  doc->in_flight = TRUE;

  worker = g_task_new (self, NULL, write_done_cb, g_strdup (doc->name));
  g_task_set_source_tag (worker, write_thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (worker, write_thread);
}

/* A document whose current file does not open, or is not the generation
 * the manifest records, must never be overwritten. Unlocking looked at
 * every document there was; a new one is looked at before its first
 * write. */
static void
check_health (LentoVault *self,
              Doc        *doc)
{
  DocCheck check = { 0, };

  if (doc->health != DOC_UNKNOWN)
    return;

  _lento_vault_check_document (self->data_dir, doc->name, lento_key_file_get_uuid (self->keys),
                               self->data_keys, self->manifest, FALSE, &check);
  _lento_vault_apply_check (self, doc, &check);
  _lento_vault_doc_check_clear (&check);
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
  if (!_lento_vault_name_is_public (name))
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

  /* A failed write may still have reached the disk, so a generation is
   * never used twice. */
  sealed = _lento_vault_seal (self, name, doc->generation + 1, json, &error);
  if (sealed == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  doc->generation++;

  /* A newer version replaces a queued one: only the latest matters. */
  g_clear_pointer (&doc->queued, g_bytes_unref);
  doc->queued = g_steal_pointer (&sealed);
  doc->queued_generation = doc->generation;
  g_ptr_array_add (doc->queued_tasks, g_steal_pointer (&task));
  _lento_vault_set_pending_writes (self, self->pending_writes + 1);

  if (!doc->in_flight)
    _lento_vault_start_write (self, doc);
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

/* Reports a folder of the journal that could not be listed, with the
 * reason from errno @saved. */
static void
add_unreadable (GPtrArray  *unreadable,
                const char *relative,
                int         saved)
{
  LentoDocumentReport *report;

  if (unreadable == NULL)
    return;

  report = g_new0 (LentoDocumentReport, 1);
  report->name = g_strdup (relative);
  report->status = LENTO_DOCUMENT_DAMAGED;
  g_set_error (&report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
               /* Translators: a folder's name, then the system's reason, like “Permission denied”.
                */
               _("Could not read the folder “%s”: %s. Check that it is a folder and that you "
                 "may read it, then open Lento again."),
               relative, g_strerror (saved));
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
  g_autoptr(GDir) d = NULL;
  const char *entry;
  int fd;

  /* open() first, for its errno: GDir's message would name the whole
   * path. A folder that is not there holds nothing; one that is there but
   * cannot be listed may hold anything. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      if (errno != ENOENT)
        add_unreadable (unreadable, prefix ? prefix : ".", errno);
      return;
    }
  close (fd);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      add_unreadable (unreadable, prefix ? prefix : ".", EIO);
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

          if (_lento_vault_name_is_public (name))
            g_hash_table_add (names, g_steal_pointer (&name));
        }
      else if (prefix == NULL && lento_container_name_is_valid (entry))
        {
          GStatBuf st;

          /* The journal's folder with something else in its place (a file
           * or a pipe) cannot be read either. */
          if (g_lstat (full, &st) == 0 && S_ISDIR (st.st_mode))
            collect_names (full, entry, names, unreadable);
          else if (g_str_equal (entry, JOURNAL_FOLDER))
            add_unreadable (unreadable, entry, ENOTDIR);
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
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GHashTableIter iter;
  const char *name;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_locked_journal (self, error))
    return NULL;

  names = _lento_vault_list_all_names (self->data_dir, error);
  if (names == NULL || self->manifest == NULL)
    return g_steal_pointer (&names);

  /* A document the manifest records and the disk lacks is listed too, so
   * that whoever reads them all hears that it is missing. */
  all = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (names[i]));
  g_hash_table_iter_init (&iter, self->manifest);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_strv_contains ((const char * const *) names, name))
      g_ptr_array_add (all, g_strdup (name));
  g_ptr_array_sort (all, compare_names);
  g_ptr_array_add (all, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&all), FALSE);
}

/* Writes @plain as the next generation of @name, in place of a current
 * file that is kept aside (@keep_aside: it did not open) or kept as the
 * previous generation (it opened but was not the one to keep). */
static gboolean
write_restored (LentoVault  *self,
                Doc         *doc,
                GBytes      *plain,
                guint64      generation,
                gboolean     keep_aside,
                GError     **error)
{
  g_autofree char *path = _lento_vault_doc_path (self->data_dir, doc->name, SUFFIX);
  g_autofree char *damaged = _lento_vault_doc_path (self->data_dir, doc->name, ".lento.damaged");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) sealed = NULL;
  const guint8 *data;
  gsize size;

  sealed = _lento_vault_seal (self, doc->name, generation, plain, error);
  if (sealed == NULL)
    return FALSE;
  data = g_bytes_get_data (sealed, &size);

  if (!keep_aside)
    {
      if (!lento_file_layer_write_generation (self->layer, self->layer_data, path, data, size,
                                              error))
        return FALSE;
    }
  else
    {
      /* The damaged file is kept aside, not deleted: it may still matter
       * to someone trying to rescue it. */
      if (g_file_test (path, G_FILE_TEST_EXISTS) &&
          !self->layer->rename (self->layer_data, path, damaged, error))
        return FALSE;
      if (!self->layer->replace_contents (self->layer_data, path, data, size, error) ||
          !self->layer->sync_dir (self->layer_data, dir, error))
        return FALSE;
    }

  doc->generation = generation;
  _lento_vault_set_manifest_entry (self, doc->name, generation, sealed);

  return TRUE;
}

gboolean
lento_vault_restore_previous (LentoVault  *self,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *prev = NULL;
  g_autoptr(GBytes) plain = NULL;
  LentoContainerHeader header;
  DocCheck check = { 0, };
  gboolean keep_current;
  guint64 generation;
  gboolean ok;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (g_str_equal (name, MANIFEST_NAME))
    return _lento_vault_rebuild_manifest (self, error);
  if (!_lento_vault_name_is_public (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), FALSE;

  doc = _lento_vault_get_doc (self, name);
  if (doc->in_flight)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  /* A document that opens but is not the generation the manifest records
   * goes on from what is there: its previous generation is older still.
   * Otherwise the previous generation takes the current one's place. */
  _lento_vault_check_document (self->data_dir, name, lento_key_file_get_uuid (self->keys),
                               self->data_keys, self->manifest, TRUE, &check);
  keep_current = check.status == LENTO_DOCUMENT_ROLLED_BACK ||
                 check.status == LENTO_DOCUMENT_CONFLICT;
  generation = MAX (doc->generation, check.generation);
  if (keep_current)
    {
      plain = g_steal_pointer (&check.plain);
    }
  else
    {
      prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);
      plain = _lento_vault_open_file (prev, name, lento_key_file_get_uuid (self->keys),
                                      self->data_keys, &header, NULL, NULL, NULL);
      if (plain != NULL)
        generation = MAX (generation, header.generation);
    }
  _lento_vault_doc_check_clear (&check);
  if (plain == NULL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE), FALSE;

  if (self->manifest != NULL && g_hash_table_contains (self->manifest, name))
    generation = MAX (generation,
                      ((ManifestEntry *) g_hash_table_lookup (self->manifest, name))->generation);
  ok = write_restored (self, doc, plain, generation + 1, !keep_current, error);
  if (ok)
    {
      doc->health = DOC_GOOD;
      doc->problem = LENTO_DOCUMENT_OK;
      _lento_vault_queue_manifest (self, NULL);
    }
  _lento_vault_update_state (self);

  return ok;
}

/* Moves @path aside to <path>.damaged, when it is there. */
static gboolean
move_aside (LentoVault  *self,
            const char  *path,
            GError     **error)
{
  g_autofree char *aside = g_strconcat (path, ".damaged", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return TRUE;

  return self->layer->rename (self->layer_data, path, aside, error);
}

gboolean
lento_vault_set_aside_document (LentoVault  *self,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *dir = NULL;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (!_lento_vault_name_is_public (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), FALSE;

  /* Only what keeps the journal read-only: a document that opens is
   * never set aside. */
  doc = g_hash_table_lookup (self->docs, name);
  if (doc == NULL || doc->health != DOC_DAMAGED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), FALSE;
  if (doc->in_flight)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);
  dir = g_path_get_dirname (path);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR) &&
      (!move_aside (self, path, error) || !move_aside (self, prev, error) ||
       !self->layer->sync_dir (self->layer_data, dir, error)))
    return FALSE;

  /* The manifest forgets it; a later write starts above the generation
   * seen, so an old copy that comes back reads as older. */
  if (self->manifest != NULL)
    g_hash_table_remove (self->manifest, name);
  doc->health = DOC_GOOD;
  doc->problem = LENTO_DOCUMENT_OK;
  _lento_vault_queue_manifest (self, NULL);
  _lento_vault_update_state (self);

  return TRUE;
}
