/* lento-backup.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-backup"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lento-backup.h"
#include "lento-core-error.h"
#include "lento-journal.h"

/* The vault reads a backup as a table of documents but knows nothing of
 * what they mean; merging them with the journal's own is done here, where
 * entries are known.
 */

/* Reads @name from @vault: %NULL with no error when there is no such
 * document.
 */
static GBytes *
read_local (LentoVault  *vault,
            const char  *name,
            GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  GBytes *local = lento_vault_read_document (vault, name, NULL, &read_error);

  if (local == NULL && !g_error_matches (read_error, LENTO_VAULT_ERROR,
                                         LENTO_VAULT_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&read_error));
  return local;
}

/* Months and the change log merge by entry (the newest edit of an entry
 * wins), so a backup never takes away what was written since; a month
 * also takes in what the log holds for it. Any other document is taken
 * only when the journal does not have it yet. Returns %NULL without an
 * error when the document would not change.
 */
static GBytes *
merge_document (LentoVault  *vault,
                const char  *name,
                GBytes      *incoming,
                GError     **error)
{
  g_autoptr(LentoJournal) journal = NULL;
  g_autoptr(GBytes) local = NULL;
  g_autoptr(GBytes) log = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) merged = NULL;
  GError *local_error = NULL;
  gboolean is_log = lento_journal_is_log_document (name);

  local = read_local (vault, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!lento_journal_is_month_document (name) && !is_log)
    return local == NULL ? g_bytes_ref (incoming) : NULL;

  journal = lento_journal_new ();
  if (!is_log)
    {
      log = read_local (vault, LENTO_JOURNAL_LOG_DOCUMENT, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (log != NULL &&
          !lento_journal_load_month (journal, LENTO_JOURNAL_LOG_DOCUMENT, log, error))
        return NULL;
    }

  if (local != NULL)
    {
      if (!lento_journal_load_month (journal, name, local, error))
        return NULL;
      /* What the journal would write without the backup, to tell whether
       * the backup brings anything. */
      before = is_log ? lento_journal_serialize_log (journal)
                      : lento_journal_serialize_month (journal, name, error);
      if (before == NULL)
        return NULL;
    }

  if (!lento_journal_load_month (journal, name, incoming, error))
    return NULL;
  merged = is_log ? lento_journal_serialize_log (journal)
                  : lento_journal_serialize_month (journal, name, error);
  if (merged == NULL || (before != NULL && g_bytes_equal (before, merged)))
    return NULL;

  return g_steal_pointer (&merged);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

typedef struct {
  LentoVault *vault;
  GPtrArray  *names;    /* the documents that change, in writing order */
  GPtrArray  *contents; /* their merged JSON */
  guint       written;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->vault);
  g_clear_pointer (&data->names, g_ptr_array_unref);
  g_clear_pointer (&data->contents, g_ptr_array_unref);
  g_free (data);
}

static char *
join_names (GPtrArray *names,
            guint      from,
            guint      to)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (joined->len > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, g_ptr_array_index (names, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Says which document failed and why, what was written before it (each
 * one whole, as the vault writes) and what was not.
 */
static GError *
not_written_error (ImportData   *data,
                   const GError *cause)
{
  const char *failed = g_ptr_array_index (data->names, data->written);
  g_autofree char *written = join_names (data->names, 0, data->written);
  g_autofree char *left = join_names (data->names, data->written, data->names->len);

  if (data->written == 0)
    return g_error_new (LENTO_CORE_ERROR, LENTO_CORE_ERROR_NOT_WRITTEN,
                        /* Translators: a part of the journal, like “journal/2026-03”, then the
                         * system's reason, like “No space left on device”.
                         */
                        _("The backup was not imported: %s could not be written (%s). Nothing "
                          "in the journal changed. Make room on the disk or fix the cause, "
                          "then import the backup again."),
                        failed, cause->message);

  return g_error_new (LENTO_CORE_ERROR, LENTO_CORE_ERROR_NOT_WRITTEN,
                      /* Translators: a part of the journal, like “journal/2026-03”; the system's
                       * reason, like “No space left on device”; then the parts written and the
                       * parts not written, each a list like “journal/2026-01, journal/2026-02”.
                       */
                      _("The backup was imported only in part: %s could not be written (%s). "
                        "Written, each complete: %s. Not written: %s. Make room on the disk or "
                        "fix the cause, then import the same backup again to finish."),
                      failed, cause->message, written, left);
}

static void write_next (GTask *task);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!lento_vault_write_document_finish (LENTO_VAULT (object), result, &error))
    {
      g_task_return_error (task, not_written_error (data, error));
      return;
    }

  data->written++;
  write_next (g_steal_pointer (&task));
}

/* Takes @task. One document at a time, each on disk before the next, so
 * that a failure leaves a known list of what was written.
 */
static void
write_next (GTask *task)
{
  ImportData *data = g_task_get_task_data (task);

  if (data->written == data->names->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  lento_vault_write_document_async (data->vault, g_ptr_array_index (data->names, data->written),
                                    g_ptr_array_index (data->contents, data->written),
                                    NULL, write_done_cb, task);
}

static gboolean
refuse_read_only (ImportData  *data,
                  GError     **error)
{
  if (lento_vault_get_state (data->vault) != LENTO_VAULT_STATE_READ_ONLY)
    return FALSE;

  g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_READ_ONLY,
               /* Translators: %s is a part of the journal, like “journal/2026-03”. */
               _("The backup was not imported: %s is damaged, so the journal is read-only "
                 "and Lento changes nothing in it. Restore that part from its previous "
                 "copy or a backup, then import again."),
               lento_vault_get_damaged_document (data->vault));
  return TRUE;
}

/* Every document checked, then every merged document made, before the
 * first is written: a journal that is read-only, or a backup that does
 * not merge, changes nothing.
 */
static gboolean
prepare (ImportData  *data,
         GHashTable  *documents,
         GError     **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree const char **names = NULL;
  guint n_names = 0;

  reports = lento_vault_verify (data->vault, error);
  if (reports == NULL || refuse_read_only (data, error))
    return FALSE;

  names = (const char **) g_hash_table_get_keys_as_array (documents, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);

  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(GBytes) merged = NULL;
      GError *merge_error = NULL;

      merged = merge_document (data->vault, names[i], g_hash_table_lookup (documents, names[i]),
                               &merge_error);
      /* Reading may find a damaged document that verify did not. */
      if (refuse_read_only (data, error))
        {
          g_clear_error (&merge_error);
          return FALSE;
        }
      if (merge_error != NULL)
        {
          g_set_error (error, merge_error->domain, merge_error->code,
                       /* Translators: %s says why a part of the backup could not be merged, as a
                        * sentence.
                        */
                       _("The backup was not imported, and nothing in the journal changed: "
                         "%s"), merge_error->message);
          g_error_free (merge_error);
          return FALSE;
        }
      if (merged == NULL)
        continue;

      g_ptr_array_add (data->names, g_strdup (names[i]));
      g_ptr_array_add (data->contents, g_steal_pointer (&merged));
    }

  return TRUE;
}

/**
 * lento_backup_import_async:
 * @vault: an unlocked vault, with no write pending
 * @documents: (element-type utf8 GBytes): what lento_vault_read_backup()
 *   returned
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once every document that changes is on disk, or one
 *   could not be written
 * @user_data: data for @callback
 *
 * Merges a backup into the journal on disk, all or reported. Every
 * document of the journal is opened first: while one is damaged the
 * journal is read-only, and nothing is written. Then every merged
 * document is made, and only those that change are written, one after
 * the other in name order. When one cannot be written, the rest are not
 * either, and the error names what was written and what was not; each
 * document written is complete, so importing the same backup again
 * finishes the import.
 */
void
lento_backup_import_async (LentoVault          *vault,
                           GHashTable          *documents,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  ImportData *data;
  GError *error = NULL;

  g_return_if_fail (LENTO_IS_VAULT (vault));
  g_return_if_fail (documents != NULL);

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_backup_import_async);

  data = g_new0 (ImportData, 1);
  data->vault = g_object_ref (vault);
  data->names = g_ptr_array_new_with_free_func (g_free);
  data->contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  if (!prepare (data, documents, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  write_next (task);
}

/**
 * lento_backup_import_finish:
 * @n_written: (out) (optional): how many documents were written, also
 *   when the import failed part way
 *
 * Returns: %TRUE when every document that changes was written
 */
gboolean
lento_backup_import_finish (LentoVault    *vault,
                            GAsyncResult  *result,
                            guint         *n_written,
                            GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (LENTO_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, vault), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = data->written;

  return g_task_propagate_boolean (G_TASK (result), error);
}
