/* fuzz-csv.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-json.h"
#include "lento-export.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GListModel *
model_of (GPtrArray *entries)
{
  GListStore *store = g_list_store_new (LENTO_TYPE_ENTRY);

  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (store);
}

/* Imports a CSV file as the import dialog does. Entries that import must
 * export to CSV that imports to equal entries, and exporting those must
 * give the same bytes.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) again_model = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_make_logs_fatal ();

  entries = lento_import_csv (input, &error);
  if (entries == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  model = model_of (entries);
  first = lento_export_csv (model);
  again = lento_import_csv (first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_assert_true (lento_entry_equal (g_ptr_array_index (entries, i), g_ptr_array_index (again, i)));

  again_model = model_of (again);
  second = lento_export_csv (again_model);
  g_assert_true (g_bytes_equal (first, second));

  return 0;
}
