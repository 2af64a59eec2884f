/* lento-backup.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-backup"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lento-backup.h"
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
 * only when the journal does not have it yet.
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

  if ((local != NULL && !lento_journal_load_month (journal, name, local, error)) ||
      !lento_journal_load_month (journal, name, incoming, error))
    return NULL;

  if (is_log)
    return lento_journal_serialize_log (journal);
  return lento_journal_serialize_month (journal, name, error);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * lento_backup_merge_into:
 * @vault: an unlocked vault
 * @documents: (element-type utf8 GBytes): what lento_vault_read_backup()
 *   returned
 * @n_written: (out) (optional): how many documents changed
 *
 * Merges a backup into the journal and queues the writes; wait for them
 * with lento_vault_flush_async(). Stops at the first document that cannot
 * be merged; documents queued before it are still written.
 *
 * Returns: %TRUE when every document was merged
 */
gboolean
lento_backup_merge_into (LentoVault  *vault,
                         GHashTable  *documents,
                         guint       *n_written,
                         GError     **error)
{
  g_autofree const char **names = NULL;
  guint n_names = 0;
  guint written = 0;

  g_return_val_if_fail (LENTO_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);

  /* In name order, so that the writes are repeatable. */
  names = (const char **) g_hash_table_get_keys_as_array (documents, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);

  for (guint i = 0; i < n_names; i++)
    {
      const char *name = names[i];
      g_autoptr(GBytes) merged = NULL;
      GError *merge_error = NULL;

      merged = merge_document (vault, name, g_hash_table_lookup (documents, name), &merge_error);
      if (merge_error != NULL)
        {
          g_propagate_error (error, merge_error);
          if (n_written != NULL)
            *n_written = written;
          return FALSE;
        }
      if (merged == NULL)
        continue;

      lento_vault_write_document_async (vault, name, merged, NULL, NULL, NULL);
      written++;
    }

  if (n_written != NULL)
    *n_written = written;

  return TRUE;
}
