/* fuzz-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-json.h"
#include "lento-journal.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MONTH "journal/2026-03"

/* Writes every document the journal would save: the month the input was
 * read as, every month it changed (entries found in the wrong month move),
 * and the change log.
 *
 * Returns: (transfer full): document name to its bytes
 */
static GHashTable *
serialize_all (LentoJournal *journal)
{
  GHashTable *documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_bytes_unref);
  g_auto(GStrv) dirty = lento_journal_dup_dirty_months (journal);
  GBytes *bytes;

  for (guint i = 0; dirty[i] != NULL; i++)
    {
      bytes = lento_journal_serialize_month (journal, dirty[i], NULL);
      if (bytes != NULL)
        g_hash_table_insert (documents, g_strdup (dirty[i]), bytes);
    }
  if (!g_hash_table_contains (documents, MONTH))
    {
      bytes = lento_journal_serialize_month (journal, MONTH, NULL);
      if (bytes != NULL)
        g_hash_table_insert (documents, g_strdup (MONTH), bytes);
    }
  g_hash_table_insert (documents, g_strdup (LENTO_JOURNAL_LOG_DOCUMENT),
                       lento_journal_serialize_log (journal));
  return documents;
}

/* Reads back what serialize_all() wrote, months first and the log last as
 * the app reads them; each must read, and writing them again must give
 * the same bytes.
 */
static void
check_round_trip (GHashTable *documents)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer name;
  gpointer bytes;

  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    if (!lento_journal_is_log_document (name))
      {
        lento_journal_load_month (journal, name, bytes, &error);
        g_assert_no_error (error);
      }
  lento_journal_load_month (journal, LENTO_JOURNAL_LOG_DOCUMENT,
                            g_hash_table_lookup (documents, LENTO_JOURNAL_LOG_DOCUMENT), &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      g_autoptr(GBytes) second = lento_journal_is_log_document (name) ?
                                 lento_journal_serialize_log (journal) :
                                 lento_journal_serialize_month (journal, name, &error);

      g_assert_no_error (error);
      g_assert_nonnull (second);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       g_bytes_get_data (second, NULL), g_bytes_get_size (second));
    }
}

/* Reads the input as a month document and, in another journal, as the
 * change log; tombstones come in both. Whatever reads is written and read
 * again.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *names[] = { MONTH, LENTO_JOURNAL_LOG_DOCUMENT };
  g_autoptr(GBytes) input = g_bytes_new (data, size);

  fuzz_make_logs_fatal ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LentoJournal) journal = lento_journal_new ();
      g_autoptr(GHashTable) documents = NULL;
      g_autoptr(GError) error = NULL;

      if (!lento_journal_load_month (journal, names[i], input, &error))
        {
          g_assert_nonnull (error);
          continue;
        }

      documents = serialize_all (journal);
      check_round_trip (documents);
    }

  return 0;
}
