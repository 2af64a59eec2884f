/* fuzz-entry.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-json.h"
#include "lento-entry.h"
#include "lento-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reads one journal entry as a month document holds it. An entry that
 * reads must write JSON that reads back to an equal entry, and writing
 * that one again must give the same text: unknown members are kept.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again_root = NULL;
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(LentoEntry) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fuzz_make_logs_fatal ();

  /* Entries come from month documents, the change log and JSON imports,
   * which refuse as a whole what could not be written back.
   */
  root = fuzz_parse_json (data, size);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || !lento_json_is_writable (root))
    return 0;

  entry = lento_entry_new_from_json (json_node_get_object (root), &error);
  if (entry == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  first = fuzz_object_to_string (lento_entry_to_json (entry));
  again_root = json_from_string (first, &error);
  g_assert_no_error (error);
  again = lento_entry_new_from_json (json_node_get_object (again_root), &error);
  g_assert_no_error (error);
  g_assert_true (lento_entry_equal (entry, again));

  second = fuzz_object_to_string (lento_entry_to_json (again));
  g_assert_cmpstr (first, ==, second);

  return 0;
}
