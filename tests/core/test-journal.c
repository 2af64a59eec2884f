/* test-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-journal"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lento-backup.h"
#include "lento-core-error.h"
#include "lento-journal.h"
#include "lento-journal-private.h"
#include "lento-journal-vault.h"
#include "lento-journal-query.h"
#include "lento-journal-stats.h"
#include "lento-json.h"
#include "lento-sample-data.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint n_items;     /* the model's size when the signal came */
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (changes, change);
}

static GArray *
record_changes (LentoJournal *journal)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (journal, "items-changed", G_CALLBACK (items_changed_cb), changes);
  return changes;
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static LentoEntry *
make_entry (const char *start_iso,
            double      diameter)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  LentoEntry *entry;

  g_assert_nonnull (start);
  entry = lento_entry_new (start);
  lento_entry_set_diameter (entry, diameter);
  lento_entry_set_duration (entry, 1200);
  lento_entry_set_wear (entry, 600);
  lento_entry_set_comfort (entry, 7);
  return entry;
}

static LentoEntry *
get_entry (LentoJournal *journal,
           guint         position)
{
  LentoEntry *entry = g_list_model_get_item (G_LIST_MODEL (journal), position);

  /* The journal keeps a reference; the tests only borrow. */
  g_object_unref (entry);
  return entry;
}

static void
assert_newest_first (LentoJournal *journal)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (journal));

  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_date_time_compare (lento_entry_get_start (get_entry (journal, i - 1)),
                                          lento_entry_get_start (get_entry (journal, i))),
                     >=, 0);
}

static GBytes *
bytes_from (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static gboolean
strv_equal (char       **strv,
            const char  *expected_joined)
{
  g_autofree char *joined = g_strjoinv (",", strv);

  return g_str_equal (joined, expected_joined);
}

static void
test_journal_new_destroy (void)
{
  LentoJournal *journal = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-11-03T20:00:00+01:00", 20);

  lento_journal_add (journal, entry);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (journal)) == LENTO_TYPE_ENTRY);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (journal), 1));

  g_assert_finalize_object (journal);
}

typedef struct {
  const char *name;
  const char *starts[5];
  guint expected_positions[5];
} AddCase;

static const AddCase add_cases[] = {
  { "in-order", { "2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z" },
    { 0, 0, 0 } },
  { "reverse", { "2026-11-03T10:00:00Z", "2026-11-02T10:00:00Z", "2026-11-01T10:00:00Z" },
    { 0, 1, 2 } },
  { "middle", { "2026-11-05T10:00:00Z", "2026-11-01T10:00:00Z", "2026-11-03T10:00:00Z",
                "2026-11-04T10:00:00Z", "2026-10-01T10:00:00Z" },
    { 0, 1, 1, 1, 4 } },
  { "offsets", { "2026-11-01T10:00:00+05:00", "2026-11-01T06:00:00Z",
                 "2026-11-01T04:30:00-01:00" },
    /* 05:00Z, then 06:00Z (newer, first), then 05:30Z (between). */
    { 0, 0, 1 } },
};

static void
test_journal_add (gconstpointer data)
{
  const AddCase *c = data;
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GArray) changes = record_changes (journal);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (c->starts) && c->starts[i] != NULL; i++, n++)
    {
      g_autoptr(LentoEntry) entry = make_entry (c->starts[i], 20);

      lento_journal_add (journal, entry);
      assert_change (changes, i, c->expected_positions[i], 0, 1);
      g_assert_cmpuint (g_array_index (changes, Change, i).n_items, ==, i + 1);
      g_assert_true (get_entry (journal, c->expected_positions[i]) == entry);
    }

  g_assert_cmpuint (changes->len, ==, n);
  assert_newest_first (journal);
}

static LentoJournal *
make_three (LentoEntry **out_middle)
{
  LentoJournal *journal = lento_journal_new ();
  g_autoptr(LentoEntry) a = make_entry ("2026-11-05T10:00:00Z", 20);
  g_autoptr(LentoEntry) b = make_entry ("2026-11-03T10:00:00Z", 21);
  g_autoptr(LentoEntry) c = make_entry ("2026-11-01T10:00:00Z", 22);

  lento_journal_add (journal, a);
  lento_journal_add (journal, b);
  lento_journal_add (journal, c);
  *out_middle = b;
  return journal;
}

static void
test_journal_replace_in_place (void)
{
  LentoEntry *middle;
  g_autoptr(LentoJournal) journal = make_three (&middle);
  g_autoptr(GArray) changes = record_changes (journal);
  g_autoptr(LentoEntry) edit = lento_entry_copy (middle);
  g_autoptr(GDateTime) old_modified = g_date_time_ref (lento_entry_get_modified (middle));
  g_autoptr(GDateTime) created = g_date_time_ref (lento_entry_get_created (middle));

  lento_entry_set_comfort (edit, 9);
  g_assert_true (lento_journal_replace (journal, edit));

  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 1);
  g_assert_true (get_entry (journal, 1) == edit);
  g_assert_true (lento_journal_lookup (journal, lento_entry_get_uuid (edit)) == edit);
  /* The edit keeps its UUID and created time and is newer than before. */
  g_assert_cmpint (g_date_time_compare (lento_entry_get_modified (edit), old_modified), >, 0);
  g_assert_true (g_date_time_equal (lento_entry_get_created (edit), created));
}

static char *
serialize_to_string (LentoJournal *journal,
                     const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lento_journal_serialize_month (journal, name, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A month written again holds every change since, whether the entry was
 * replaced by an edited copy or changed where it is.
 */
static void
test_journal_save_again_after_edits (void)
{
  LentoEntry *middle;
  g_autoptr(LentoJournal) journal = make_three (&middle);
  g_autoptr(LentoEntry) edit = lento_entry_copy (middle);
  g_autofree char *first = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *in_place = NULL;

  lento_journal_set_loaded (journal);
  first = serialize_to_string (journal, "journal/2026-11");
  unchanged = serialize_to_string (journal, "journal/2026-11");
  g_assert_cmpstr (first, ==, unchanged);

  lento_entry_set_notes (edit, "Replaced copy");
  g_assert_true (lento_journal_replace (journal, edit));
  replaced = serialize_to_string (journal, "journal/2026-11");
  g_assert_nonnull (strstr (replaced, "Replaced copy"));

  /* Changed where it is, by mistake or not, it is still written as it is. */
  lento_entry_set_notes (edit, "Changed in place");
  in_place = serialize_to_string (journal, "journal/2026-11");
  g_assert_null (strstr (in_place, "Replaced copy"));
  g_assert_nonnull (strstr (in_place, "Changed in place"));
}

typedef struct {
  const char *name;
  const char *new_start;
  guint removed_at;
  guint added_at;
} MoveCase;

static const MoveCase move_cases[] = {
  { "to-newest", "2026-11-06T10:00:00Z", 1, 0 },
  { "to-oldest", "2026-10-20T10:00:00Z", 1, 2 },
  { "same-place", "2026-11-04T10:00:00Z", 1, 1 },
};

static void
test_journal_replace_moves (gconstpointer data)
{
  const MoveCase *c = data;
  LentoEntry *middle;
  g_autoptr(LentoJournal) journal = make_three (&middle);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(LentoEntry) edit = lento_entry_copy (middle);
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (c->new_start, NULL);
  g_auto(GStrv) dirty = NULL;
  guint position;

  /* Start from a saved state. */
  lento_journal_set_loaded (journal);
  dirty = lento_journal_dup_dirty_months (journal);
  for (guint i = 0; dirty[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = lento_journal_serialize_month (journal, dirty[i], NULL);
      lento_journal_mark_saved (journal, dirty[i]);
    }
  g_clear_pointer (&dirty, g_strfreev);

  changes = record_changes (journal);
  lento_entry_set_start (edit, start);
  g_assert_true (lento_journal_replace (journal, edit));

  if (c->removed_at == c->added_at)
    {
      g_assert_cmpuint (changes->len, ==, 1);
      assert_change (changes, 0, c->removed_at, 1, 1);
    }
  else
    {
      g_assert_cmpuint (changes->len, ==, 2);
      assert_change (changes, 0, c->removed_at, 1, 0);
      g_assert_cmpuint (g_array_index (changes, Change, 0).n_items, ==, 2);
      assert_change (changes, 1, c->added_at, 0, 1);
      g_assert_cmpuint (g_array_index (changes, Change, 1).n_items, ==, 3);
    }

  g_assert_true (lento_journal_find (journal, lento_entry_get_uuid (edit), &position));
  g_assert_cmpuint (position, ==, c->added_at);
  assert_newest_first (journal);

  /* Moving to October touches both months; moving within November only one. */
  dirty = lento_journal_dup_dirty_months (journal);
  if (g_str_has_prefix (c->new_start, "2026-10"))
    g_assert_true (strv_equal (dirty, "journal/2026-10,journal/2026-11"));
  else
    g_assert_true (strv_equal (dirty, "journal/2026-11"));
}

static void
test_journal_remove (void)
{
  LentoEntry *middle;
  g_autoptr(LentoJournal) journal = make_three (&middle);
  g_autoptr(GArray) changes = record_changes (journal);
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (middle));

  g_assert_true (lento_journal_remove (journal, uuid));
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).n_items, ==, 2);
  g_assert_null (lento_journal_lookup (journal, uuid));
  g_assert_false (lento_journal_find (journal, uuid, NULL));

  g_assert_false (lento_journal_remove (journal, uuid));
  g_assert_cmpuint (changes->len, ==, 1);
}

static void
test_journal_add_same_uuid (void)
{
  LentoEntry *middle;
  g_autoptr(LentoJournal) journal = make_three (&middle);
  g_autoptr(GArray) changes = record_changes (journal);
  g_autoptr(LentoEntry) older = lento_entry_copy (middle);
  g_autoptr(LentoEntry) newer = lento_entry_copy (middle);
  g_autoptr(GDateTime) past = g_date_time_new_from_iso8601 ("2020-01-01T00:00:00Z", NULL);
  g_autoptr(GDateTime) future = g_date_time_add_days (lento_entry_get_modified (middle), 1);

  lento_entry_set_modified (older, past);
  lento_entry_set_notes (older, "stale");
  lento_journal_add (journal, older);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (lento_journal_lookup (journal, lento_entry_get_uuid (middle)) == middle);

  lento_entry_set_modified (newer, future);
  lento_entry_set_notes (newer, "fresh");
  lento_journal_add (journal, newer);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 3);
  g_assert_cmpstr (lento_entry_get_notes (get_entry (journal, 1)), ==, "fresh");
}

static const char month_document[] =
  "{\"format\":1,\"month\":\"2026-11\",\"written_by\":\"Lento 9\","
  "\"layout\":{\"week_start\":1},"
  "\"entries\":["
  "{\"uuid\":\"11111111-1111-4111-8111-111111111111\",\"kind\":\"session\","
  "\"created\":\"2026-11-02T19:00:00Z\",\"modified\":\"2026-11-02T19:30:00Z\","
  "\"start\":\"2026-11-02T20:00:00+01:00\",\"diameter_mm\":18.5,\"duration_s\":1200,"
  "\"wear_s\":600,\"comfort\":6,\"pain\":0,\"notes\":\"Épreuve, calme\","
  "\"mood_colour\":\"#336699\"},"
  "{\"uuid\":\"22222222-2222-4222-8222-222222222222\","
  "\"start\":\"2026-11-09T20:00:00+01:00\",\"diameter_mm\":19,"
  "\"modified\":\"2026-11-09T20:30:00Z\"},"
  "{\"this entry\":\"is from the future\",\"start\":42}"
  "]}";

static JsonNode *
parse_bytes (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_journal_month_round_trip (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) input = bytes_from (month_document);
  g_autoptr(GBytes) output = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dirty = NULL;
  JsonObject *object;
  JsonArray *entries;

  g_assert_true (lento_journal_load_month (journal, "journal/2026-11", input, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 2);

  /* Reading a month changes nothing that needs saving. */
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);

  output = lento_journal_serialize_month (journal, "journal/2026-11", &error);
  g_assert_no_error (error);
  root = parse_bytes (output);
  object = json_node_get_object (root);

  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "month"), ==, "2026-11");
  g_assert_cmpstr (json_object_get_string_member (object, "written_by"), ==, "Lento 9");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "layout"),
                                               "week_start"), ==, 1);

  entries = json_object_get_array_member (object, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  /* Oldest first in the file; the unreadable one is written back as it was. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0),
                                                  "uuid"),
                   ==, "11111111-1111-4111-8111-111111111111");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0),
                                                  "mood_colour"),
                   ==, "#336699");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0),
                                                  "notes"),
                   ==, "Épreuve, calme");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2),
                                                  "this entry"),
                   ==, "is from the future");

  /* And what was written reads back to the same journal. */
  {
    g_autoptr(LentoJournal) again = lento_journal_new ();
    g_autoptr(GBytes) output2 = NULL;

    g_assert_true (lento_journal_load_month (again, "journal/2026-11", output, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      g_assert_true (lento_entry_equal (get_entry (journal, i), get_entry (again, i)));
    output2 = lento_journal_serialize_month (again, "journal/2026-11", &error);
    g_assert_true (g_bytes_equal (output, output2));
  }
}

typedef struct {
  const char *name;
  const char *document_name;
  const char *json;
  gboolean damaged;
} BadMonthCase;

static const BadMonthCase bad_month_cases[] = {
  { "empty", "journal/2026-11", "", TRUE },
  { "not-json", "journal/2026-11", "{\"format\":1,", TRUE },
  { "array-root", "journal/2026-11", "[]", TRUE },
  { "no-format", "journal/2026-11", "{\"month\":\"2026-11\",\"entries\":[]}", TRUE },
  { "format-string", "journal/2026-11", "{\"format\":\"1\",\"month\":\"2026-11\",\"entries\":[]}",
    TRUE },
  { "newer-format", "journal/2026-11", "{\"format\":2,\"month\":\"2026-11\",\"entries\":[]}",
    TRUE },
  { "wrong-month", "journal/2026-11", "{\"format\":1,\"month\":\"2026-10\",\"entries\":[]}",
    TRUE },
  { "entries-object", "journal/2026-11", "{\"format\":1,\"month\":\"2026-11\",\"entries\":{}}",
    TRUE },
  /* json-glib reads these, but would write back "inf" and bytes that are
   * not UTF-8, which nothing reads again (found by fuzz-entry and
   * fuzz-journal).
   */
  { "infinite-number", "journal/2026-11",
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[],\"x\":1e999}", TRUE },
  { "infinite-in-entry", "journal/2026-11",
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[{\"x\":-1e999}]}", TRUE },
  { "number-written-unreadable", "journal/2026-11",
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[{\"diameter_mm\":1e17}]}", TRUE },
  { "bad-escape", "journal/2026-11",
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[],\"x\":\"ses\\71139Z\"}", TRUE },
  { "bad-escape-in-tombstone", "journal/2026-11",
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[],\"deleted\":[{\"uuid\":\"\\311c\"}]}",
    TRUE },
  { "bad-name", "journal/2026-13", "{\"format\":1,\"month\":\"2026-13\",\"entries\":[]}", FALSE },
  { "not-journal", "profile", "{\"format\":1,\"month\":\"2026-11\",\"entries\":[]}", FALSE },
};

static void
test_journal_bad_month (gconstpointer data)
{
  const BadMonthCase *c = data;
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) bytes = bytes_from (c->json);
  g_autoptr(GBytes) good = bytes_from (month_document);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) damaged = NULL;

  g_assert_false (lento_journal_load_month (journal, c->document_name, bytes, &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);
  g_assert_cmpint (lento_journal_get_read_only (journal), ==, c->damaged);

  if (!c->damaged)
    return;

  damaged = lento_journal_dup_damaged_months (journal);
  g_assert_true (strv_equal (damaged, c->document_name));
  g_clear_error (&error);
  g_assert_null (lento_journal_serialize_month (journal, c->document_name, &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
  g_clear_error (&error);

  /* Restoring a good copy makes the journal writable again. */
  g_assert_true (lento_journal_load_month (journal, "journal/2026-11", good, &error));
  g_assert_no_error (error);
  g_assert_false (lento_journal_get_read_only (journal));
}

/* A document that could not be written back is unreadable, even when it
 * also says it comes from a newer version: an update would not help.
 */
static void
test_journal_unwritable_newer_month (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) newer = bytes_from ("{\"format\":2,\"month\":\"2026-11\",\"entries\":[]}");
  g_autoptr(GBytes) both = bytes_from ("{\"format\":2,\"month\":\"2026-11\","
                                       "\"entries\":[{\"diameter_mm\":1e17}]}");
  g_autoptr(GError) newer_error = NULL;
  g_autoptr(GError) both_error = NULL;
  g_autoptr(GError) damaged_error = NULL;
  g_autoptr(GBytes) damaged = bytes_from ("{\"format\":1,\"month\":\"2026-11\","
                                          "\"entries\":[{\"diameter_mm\":1e17}]}");

  g_assert_false (lento_journal_load_month (journal, "journal/2026-11", newer, &newer_error));
  g_assert_false (lento_journal_load_month (journal, "journal/2026-11", both, &both_error));
  g_assert_false (lento_journal_load_month (journal, "journal/2026-11", damaged, &damaged_error));
  g_assert_error (both_error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
  g_assert_cmpstr (both_error->message, ==, damaged_error->message);
  g_assert_cmpstr (both_error->message, !=, newer_error->message);
}

/* lento_json_is_writable() trusts, without trying, that json-glib reads back
 * what it writes for a number of magnitude 1e-4 to 1e16: a plain decimal.
 * This tries it, across those magnitudes and at their edges.
 */
static void
test_journal_plain_numbers_read_back (void)
{
  GRand *rand = g_rand_new_with_seed (16);
  double edges[] = { 1e-4, 1.0000000000000002e-4, 0.1, 0.3, 1.0, 12.5, 99.99,
                     9007199254740993.0, 9999999999999998.0, 1e16 - 2 };
  guint n_edges = G_N_ELEMENTS (edges);

  for (guint i = 0; i < n_edges + 20000; i++)
    {
      int exponent = g_rand_int_range (rand, -4, 16);
      double value;
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autoptr(JsonNode) back = NULL;
      g_autofree char *text = NULL;

      if (i < n_edges)
        value = edges[i];
      else
        value = g_rand_double_range (rand, 1.0, 10.0) * pow (10, exponent);
      if (value >= 1e16)
        continue;
      if (i % 2 == 1)
        value = -value;

      json_node_set_double (node, value);
      text = json_to_string (node, FALSE);
      back = json_from_string (text, NULL);
      g_assert_nonnull (back);
      g_assert_true (JSON_NODE_HOLDS_VALUE (back));
      g_assert_cmpfloat (json_node_get_double (back), ==, value);
      g_assert_true (lento_json_is_writable (node));
    }

  g_rand_free (rand);
}

/* Loads a month into a journal that already has rows on both sides of it
 * and in it: each run of new rows is one signal, announced only when the
 * model holds it.
 */
static void
test_journal_load_month_signals (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\"format\":1,\"month\":\"2026-10\",\"entries\":[");
  const char *existing[] = { "2026-12-01T10:00:00Z", "2026-10-15T10:00:00Z",
                             "2026-09-01T10:00:00Z" };

  for (guint i = 0; i < G_N_ELEMENTS (existing); i++)
    {
      g_autoptr(LentoEntry) entry = make_entry (existing[i], 20);
      lento_journal_add (journal, entry);
    }

  /* Four entries on 20-23 October (after the existing 15th), two on 1-2 October. */
  for (guint day = 1; day <= 23; day++)
    {
      if (day > 2 && day < 20)
        continue;
      g_string_append_printf (json,
                              "%s{\"uuid\":\"%08u-0000-4000-8000-000000000000\","
                              "\"start\":\"2026-10-%02uT10:00:00Z\",\"diameter_mm\":20}",
                              day == 1 ? "" : ",", day, day);
    }
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);

  changes = record_changes (journal);
  g_assert_true (lento_journal_load_month (journal, "journal/2026-10", bytes, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 1, 0, 4);
  g_assert_cmpuint (g_array_index (changes, Change, 0).n_items, ==, 7);
  assert_change (changes, 1, 6, 0, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 1).n_items, ==, 9);
  assert_newest_first (journal);
}

static GBytes *
save_month (LentoJournal *journal,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = lento_journal_serialize_month (journal, name, &error);

  g_assert_no_error (error);
  lento_journal_mark_saved (journal, name);
  return bytes;
}

static gboolean
month_contains (GBytes     *bytes,
                const char *uuid)
{
  g_autoptr(JsonNode) root = parse_bytes (bytes);
  JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (entries, i),
                                                  "uuid"), uuid) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  const char *name;
  gboolean new_month_first;
} InterruptedCase;

static const InterruptedCase interrupted_cases[] = {
  { "old-month-read-first", FALSE },
  { "new-month-read-first", TRUE },
};

/* An edit moves an entry from October to November. November is saved, then
 * Lento stops before October is: both files hold the entry. The next start
 * shows it once, with the edit, and the next save clears the stale copy.
 */
static void
test_journal_month_move_interrupted (gconstpointer data)
{
  const InterruptedCase *c = data;
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) reopened = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-10-30T21:00:00+01:00", 20);
  g_autoptr(LentoEntry) edit = NULL;
  g_autoptr(GDateTime) new_start = g_date_time_new_from_iso8601 ("2026-11-01T09:00:00+01:00",
                                                                 NULL);
  g_autoptr(GBytes) october = NULL;
  g_autoptr(GBytes) november_empty = NULL;
  g_autoptr(GBytes) november = NULL;
  g_autoptr(GBytes) october_fixed = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dirty = NULL;
  const char *uuid = lento_entry_get_uuid (entry);

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, entry);
  october = save_month (journal, "journal/2026-10");
  november_empty = save_month (journal, "journal/2026-11");

  edit = lento_entry_copy (entry);
  lento_entry_set_start (edit, new_start);
  lento_entry_set_notes (edit, "moved");
  lento_journal_replace (journal, edit);
  /* The month that receives the entry is saved first. */
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-11,journal/2026-10"));
  november = save_month (journal, "journal/2026-11");
  g_assert_true (month_contains (october, uuid));
  g_assert_true (month_contains (november, uuid));
  /* ...and here Lento stops. */

  changes = record_changes (reopened);
  if (c->new_month_first)
    {
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-11", november, &error));
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-10", october, &error));
    }
  else
    {
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-10", october, &error));
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-11", november, &error));
    }
  g_assert_no_error (error);
  lento_journal_set_loaded (reopened);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 1);
  g_assert_cmpstr (lento_entry_get_notes (get_entry (reopened, 0)), ==, "moved");
  g_assert_true (lento_entry_equal (get_entry (reopened, 0), edit));

  /* The signals add up to one row. */
  {
    int rows = 0;

    for (guint i = 0; i < changes->len; i++)
      rows += (int)g_array_index (changes, Change, i).added -
              (int)g_array_index (changes, Change, i).removed;
    g_assert_cmpint (rows, ==, 1);
  }

  g_clear_pointer (&dirty, g_strfreev);
  dirty = lento_journal_dup_dirty_months (reopened);
  g_assert_true (g_strv_contains ((const char * const *)dirty, "journal/2026-10"));
  october_fixed = save_month (reopened, "journal/2026-10");
  g_assert_false (month_contains (october_fixed, uuid));
}


/* Tombstones: a deleted entry stays deleted. */

static gboolean
month_has_tombstone (GBytes     *bytes,
                     const char *uuid)
{
  g_autoptr(JsonNode) root = parse_bytes (bytes);
  JsonObject *object = json_node_get_object (root);
  JsonArray *deleted;

  if (!json_object_has_member (object, "deleted"))
    return FALSE;
  deleted = json_object_get_array_member (object, "deleted");
  for (guint i = 0; i < json_array_get_length (deleted); i++)
    {
      JsonObject *tombstone = json_array_get_object_element (deleted, i);
      g_autoptr(GDateTime) when = NULL;

      if (g_strcmp0 (json_object_get_string_member (tombstone, "uuid"), uuid) != 0)
        continue;
      when = g_date_time_new_from_iso8601 (json_object_get_string_member (tombstone, "deleted"),
                                           NULL);
      g_assert_nonnull (when);
      return TRUE;
    }
  return FALSE;
}

static int
rows_added (GArray *changes)
{
  int rows = 0;

  for (guint i = 0; i < changes->len; i++)
    rows += (int)g_array_index (changes, Change, i).added -
            (int)g_array_index (changes, Change, i).removed;
  return rows;
}

/* An entry moves from October to November, Lento stops before October is
 * saved, and the entry is then deleted: November keeps a tombstone, and
 * the stale copy in October never comes back, in either loading order.
 */
static void
test_journal_tombstone_interrupted_move (gconstpointer data)
{
  const InterruptedCase *c = data;
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) reopened = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-10-30T21:00:00+01:00", 20);
  g_autoptr(LentoEntry) other = make_entry ("2026-11-10T21:00:00+01:00", 22);
  g_autoptr(LentoEntry) edit = NULL;
  g_autoptr(GDateTime) new_start = g_date_time_new_from_iso8601 ("2026-11-01T09:00:00+01:00",
                                                                 NULL);
  g_autoptr(GBytes) october = NULL;
  g_autoptr(GBytes) november = NULL;
  g_autoptr(GBytes) october_fixed = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dirty = NULL;
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (entry));

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, entry);
  lento_journal_add (journal, other);
  october = save_month (journal, "journal/2026-10");

  edit = lento_entry_copy (entry);
  lento_entry_set_start (edit, new_start);
  lento_journal_replace (journal, edit);
  g_assert_true (lento_journal_remove (journal, uuid));
  g_assert_null (lento_journal_lookup (journal, uuid));
  november = save_month (journal, "journal/2026-11");
  /* ...and here Lento stops, before October is written again. */
  g_assert_true (month_contains (october, uuid));
  g_assert_false (month_contains (november, uuid));
  g_assert_true (month_has_tombstone (november, uuid));

  changes = record_changes (reopened);
  if (c->new_month_first)
    {
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-11", november, &error));
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-10", october, &error));
    }
  else
    {
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-10", october, &error));
      g_assert_true (lento_journal_load_month (reopened, "journal/2026-11", november, &error));
    }
  g_assert_no_error (error);
  lento_journal_set_loaded (reopened);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 1);
  g_assert_null (lento_journal_lookup (reopened, uuid));
  g_assert_true (lento_entry_equal (get_entry (reopened, 0), other));
  /* The signals add up to the one row that is left. */
  g_assert_cmpint (rows_added (changes), ==, 1);

  /* October is written again without the stale copy; November keeps the
   * tombstone and is not rewritten.
   */
  dirty = lento_journal_dup_dirty_months (reopened);
  g_assert_true (strv_equal (dirty, "journal/2026-10"));
  october_fixed = save_month (reopened, "journal/2026-10");
  g_assert_false (month_contains (october_fixed, uuid));
}

typedef struct {
  const char *name;
  const char *modified;     /* of the stale copy */
  gboolean    comes_back;
} StaleCopyCase;

/* The entry was deleted at 2026-11-10T12:00:00Z. */
static const StaleCopyCase stale_copy_cases[] = {
  { "edited-before", "2026-11-09T12:00:00Z", FALSE },
  { "edited-same-instant", "2026-11-10T12:00:00Z", FALSE },
  { "edited-after", "2026-11-11T12:00:00Z", TRUE },
};

/* A copy of a deleted entry comes back only when it was edited after the
 * deletion; then the tombstone goes. Same result in either loading order.
 */
static void
test_journal_tombstone_rule (gconstpointer data)
{
  const StaleCopyCase *c = data;

  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(LentoJournal) journal = lento_journal_new ();
      g_autofree char *stale_text = g_strdup_printf (
        "{\"format\":1,\"month\":\"2026-10\",\"entries\":["
        "{\"uuid\":\"44444444-4444-4444-8444-444444444444\",\"start\":\"2026-10-02T20:00:00Z\","
        "\"modified\":\"%s\"}]}", c->modified);
      g_autoptr(GBytes) stale = bytes_from (stale_text);
      g_autoptr(GBytes) tombstone = bytes_from (
        "{\"format\":1,\"month\":\"2026-11\",\"entries\":[],\"deleted\":["
        "{\"uuid\":\"44444444-4444-4444-8444-444444444444\","
        "\"deleted\":\"2026-11-10T12:00:00Z\"}]}");
      g_autoptr(GArray) changes = record_changes (journal);
      g_autoptr(GBytes) november = NULL;
      g_autoptr(GBytes) october = NULL;

      if (order == 0)
        {
          g_assert_true (lento_journal_load_month (journal, "journal/2026-10", stale, NULL));
          g_assert_true (lento_journal_load_month (journal, "journal/2026-11", tombstone, NULL));
        }
      else
        {
          g_assert_true (lento_journal_load_month (journal, "journal/2026-11", tombstone, NULL));
          g_assert_true (lento_journal_load_month (journal, "journal/2026-10", stale, NULL));
        }
      lento_journal_set_loaded (journal);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==,
                        c->comes_back ? 1 : 0);
      g_assert_cmpint (rows_added (changes), ==, c->comes_back ? 1 : 0);

      november = save_month (journal, "journal/2026-11");
      october = save_month (journal, "journal/2026-10");
      g_assert_true (month_has_tombstone (november, "44444444-4444-4444-8444-444444444444") !=
                     c->comes_back);
      g_assert_true (month_contains (october, "44444444-4444-4444-8444-444444444444") ==
                     c->comes_back);
    }
}

/* Deleting writes a tombstone; Undo (adding the entry back) takes it away;
 * an import of an older copy does not undo a deletion.
 */
static void
test_journal_tombstone_undo_and_merge (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) reopened = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-11-03T20:00:00Z", 20);
  g_autoptr(LentoEntry) old_copy = lento_entry_copy (entry);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (entry));

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, entry);
  g_assert_true (lento_journal_remove (journal, uuid));
  bytes = save_month (journal, "journal/2026-11");
  g_assert_true (month_has_tombstone (bytes, uuid));
  g_assert_false (month_contains (bytes, uuid));

  /* An import of the copy from before the deletion changes nothing. */
  g_ptr_array_add (incoming, g_object_ref (old_copy));
  g_assert_cmpuint (lento_journal_merge (journal, incoming), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 0);

  /* The tombstone survives a round trip through the month document. */
  g_assert_true (lento_journal_load_month (reopened, "journal/2026-11", bytes, NULL));
  lento_journal_set_loaded (reopened);
  g_assert_cmpuint (lento_journal_merge (reopened, incoming), ==, 0);

  /* Undo: the person adds it back. */
  lento_journal_add (journal, entry);
  g_assert_true (lento_journal_lookup (journal, uuid) == entry);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = save_month (journal, "journal/2026-11");
  g_assert_false (month_has_tombstone (bytes, uuid));
  g_assert_true (month_contains (bytes, uuid));
}

/* A tombstone this version cannot read is kept and written back. */
static void
test_journal_tombstone_unreadable_kept (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) text = bytes_from (
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":[],\"deleted\":["
    "{\"uuid\":\"not-a-uuid\",\"deleted\":\"2026-11-10T12:00:00Z\"},"
    "{\"uuid\":{},\"deleted\":\"2026-11-10T12:00:00Z\"},"
    "{\"uuid\":\"66666666-6666-4666-8666-666666666666\",\"deleted\":[]},"
    "{\"uuid\":\"77777777-7777-4777-8777-777777777777\",\"deleted\":null},"
    "{\"uuid\":\"55555555-5555-4555-8555-555555555555\",\"deleted\":\"2026-11-10T12:00:00Z\"}]}");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *deleted;

  g_assert_true (lento_journal_load_month (journal, "journal/2026-11", text, NULL));
  lento_journal_set_loaded (journal);
  saved = save_month (journal, "journal/2026-11");
  root = parse_bytes (saved);
  deleted = json_object_get_array_member (json_node_get_object (root), "deleted");
  /* Members of the wrong type (an object, an array, null) make a tombstone
   * unreadable like a bad UUID does, found by fuzz-journal: they used to
   * raise a critical in json-glib. */
  g_assert_cmpuint (json_array_get_length (deleted), ==, 5);
  g_assert_true (month_has_tombstone (saved, "55555555-5555-4555-8555-555555555555"));
  g_assert_true (month_has_tombstone (saved, "not-a-uuid"));
}

static void
test_journal_dirty_tracking (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) november = bytes_from (month_document);
  g_autoptr(LentoEntry) nov = make_entry ("2026-11-20T10:00:00Z", 20);
  g_autoptr(LentoEntry) dec = make_entry ("2026-12-20T10:00:00Z", 20);
  g_autoptr(LentoEntry) edit = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dirty = NULL;

  g_assert_true (lento_journal_load_month (journal, "journal/2026-11", november, NULL));
  lento_journal_add (journal, nov);
  lento_journal_add (journal, dec);

  /* December may exist on disk but was not read: it waits. */
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-11"));
  g_assert_null (lento_journal_serialize_month (journal, "journal/2026-12", &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
  g_clear_error (&error);
  g_clear_pointer (&dirty, g_strfreev);

  lento_journal_set_loaded (journal);
  g_assert_true (lento_journal_get_loaded (journal));
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-11,journal/2026-12"));
  g_clear_pointer (&dirty, g_strfreev);

  /* A change made while a save is on its way keeps the month dirty. */
  bytes = lento_journal_serialize_month (journal, "journal/2026-11", &error);
  g_assert_no_error (error);
  edit = lento_entry_copy (nov);
  lento_entry_set_pain (edit, 2);
  lento_journal_replace (journal, edit);
  lento_journal_mark_saved (journal, "journal/2026-11");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = save_month (journal, "journal/2026-12");

  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-11"));
  g_clear_pointer (&dirty, g_strfreev);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = save_month (journal, "journal/2026-11");
  g_assert_true (month_contains (bytes, lento_entry_get_uuid (edit)));
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);
}

static void
test_journal_dedupe_on_load (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) first = bytes_from (
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":["
    "{\"uuid\":\"33333333-3333-4333-8333-333333333333\",\"start\":\"2026-11-02T20:00:00Z\","
    "\"modified\":\"2026-11-05T00:00:00Z\",\"notes\":\"newer\"},"
    "{\"uuid\":\"33333333-3333-4333-8333-333333333333\",\"start\":\"2026-11-02T20:00:00Z\","
    "\"modified\":\"2026-11-03T00:00:00Z\",\"notes\":\"older\"}]}");
  g_autoptr(GBytes) second = bytes_from (
    "{\"format\":1,\"month\":\"2026-11\",\"entries\":["
    "{\"uuid\":\"33333333-3333-4333-8333-333333333333\",\"start\":\"2026-11-04T20:00:00Z\","
    "\"modified\":\"2026-11-06T00:00:00Z\",\"notes\":\"newest\"}]}");
  g_autoptr(GArray) changes = record_changes (journal);
  g_autoptr(GBytes) saved = NULL;
  g_auto(GStrv) dirty = NULL;

  g_assert_true (lento_journal_load_month (journal, "journal/2026-11", first, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_cmpstr (lento_entry_get_notes (get_entry (journal, 0)), ==, "newer");
  g_assert_cmpuint (changes->len, ==, 1);
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-11"));

  g_assert_true (lento_journal_load_month (journal, "journal/2026-11", second, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_cmpstr (lento_entry_get_notes (get_entry (journal, 0)), ==, "newest");
  assert_change (changes, 1, 0, 1, 1);

  saved = save_month (journal, "journal/2026-11");
  {
    g_autoptr(JsonNode) root = parse_bytes (saved);
    JsonArray *entries = json_object_get_array_member (json_node_get_object (root), "entries");

    g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  }
}

static void
test_journal_merge (void)
{
  LentoEntry *middle;
  g_autoptr(LentoJournal) journal = make_three (&middle);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LentoEntry) newer = lento_entry_copy (middle);
  g_autoptr(GDateTime) later = g_date_time_add_hours (lento_entry_get_modified (middle), 1);

  lento_entry_set_modified (newer, later);
  lento_entry_set_notes (newer, "from backup");
  g_ptr_array_add (incoming, g_object_ref (newer));
  g_ptr_array_add (incoming, lento_entry_copy (get_entry (journal, 0)));
  g_ptr_array_add (incoming, make_entry ("2025-01-01T10:00:00Z", 12));

  g_assert_cmpuint (lento_journal_merge (journal, incoming), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 4);
  g_assert_cmpstr (lento_entry_get_notes (get_entry (journal, 1)), ==, "from backup");
}

typedef struct {
  const char *name;
  gboolean valid;
} MonthNameCase;

static const MonthNameCase month_name_cases[] = {
  { "journal/2026-11", TRUE },
  { "journal/1999-01", TRUE },
  { "journal/2026-00", FALSE },
  { "journal/2026-1", FALSE },
  { "journal/0026-11", FALSE },
  { "journal/2026_11", FALSE },
  { "journal/2026-11/x", FALSE },
  { "profile", FALSE },
};

static void
test_journal_month_names (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-03-31T23:30:00-05:00", NULL);
  g_autofree char *name = lento_journal_month_document_for (start);

  for (guint i = 0; i < G_N_ELEMENTS (month_name_cases); i++)
    g_assert_cmpint (lento_journal_is_month_document (month_name_cases[i].name), ==,
                     month_name_cases[i].valid);

  /* The month is read in the offset the entry was recorded with. */
  g_assert_cmpstr (name, ==, "journal/2026-03");
}

static LentoEntry *
make_session (const char      *start_iso,
              double           diameter,
              guint            wear_min,
              int              comfort,
              int              pain,
              LentoResistance  resistance)
{
  LentoEntry *entry = make_entry (start_iso, diameter);

  lento_entry_set_duration (entry, wear_min * 60 + 300);
  lento_entry_set_wear (entry, wear_min * 60);
  lento_entry_set_comfort (entry, comfort);
  lento_entry_set_pain (entry, pain);
  lento_entry_set_resistance (entry, resistance);
  return entry;
}

static GListStore *
store_of (LentoEntry *first, ...) G_GNUC_NULL_TERMINATED;

static GListStore *
store_of (LentoEntry *first, ...)
{
  GListStore *store = g_list_store_new (LENTO_TYPE_ENTRY);
  va_list args;

  va_start (args, first);
  for (LentoEntry *entry = first; entry != NULL; entry = va_arg (args, LentoEntry *))
    {
      g_list_store_append (store, entry);
      g_object_unref (entry);
    }
  va_end (args);
  return store;
}

static void
test_journal_stats_by_week (void)
{
  LentoEntry *rest = make_entry ("2026-01-13T09:00:00+01:00", 0);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) weeks = NULL;
  LentoWeekStats *w;

  lento_entry_set_kind (rest, LENTO_ENTRY_KIND_REST);
  /* 30 December 2025 is in ISO week 1 of 2026; the 12th and 13th of January
   * are in week 3; week 2 has nothing. The order of the store is shuffled
   * on purpose.
   */
  store = store_of (make_session ("2026-01-12T20:00:00+01:00", 20, 10, 7, 0,
                                  LENTO_RESISTANCE_NONE),
                    make_session ("2025-12-30T20:00:00+01:00", 18, 12, 8, 0,
                                  LENTO_RESISTANCE_NONE),
                    make_session ("2026-01-01T20:00:00+01:00", 19, 15, 6, 2,
                                  LENTO_RESISTANCE_SLIGHT),
                    make_session ("2026-01-03T20:00:00+01:00", 19.5, 8, 6, 0,
                                  LENTO_RESISTANCE_SLIGHT),
                    make_session ("2026-01-04T23:30:00+01:00", 18, 5, 6, 0,
                                  LENTO_RESISTANCE_NONE),
                    rest,
                    NULL);

  weeks = lento_journal_stats_by_week (G_LIST_MODEL (store), 2, 3);
  g_assert_cmpuint (weeks->len, ==, 3);

  w = &g_array_index (weeks, LentoWeekStats, 0);
  g_assert_cmpint (w->iso_year, ==, 2026);
  g_assert_cmpint (w->iso_week, ==, 1);
  g_assert_cmpint (g_date_get_day (&w->monday), ==, 29);
  g_assert_cmpint (g_date_get_month (&w->monday), ==, 12);
  g_assert_cmpint (g_date_get_year (&w->monday), ==, 2025);
  g_assert_cmpuint (w->sessions, ==, 4);
  g_assert_cmpfloat_with_epsilon (w->wear_minutes, 40.0, 1e-9);
  g_assert_cmpfloat (w->largest_diameter, ==, 19.5);
  g_assert_cmpuint (w->painful_sessions, ==, 1);
  g_assert_true (w->target_met);
  g_assert_true (w->above_target);

  w = &g_array_index (weeks, LentoWeekStats, 1);
  g_assert_cmpint (w->iso_year, ==, 2026);
  g_assert_cmpint (w->iso_week, ==, 2);
  g_assert_cmpuint (w->sessions, ==, 0);
  g_assert_cmpfloat (w->largest_diameter, ==, 0.0);
  g_assert_false (w->target_met);

  w = &g_array_index (weeks, LentoWeekStats, 2);
  g_assert_cmpint (w->iso_week, ==, 3);
  g_assert_cmpuint (w->sessions, ==, 1);
  g_assert_cmpuint (w->rests, ==, 1);
  g_assert_false (w->target_met);
  g_assert_false (w->above_target);
}

/* A session whose How It Felt was left unanswered still counts as a session
 * at its size, but none of its unanswered values stands in as a zero, a
 * "none" or a painful week.
 */
static void
test_journal_stats_unanswered (void)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GArray) weeks = NULL;
  LentoEntry *untouched_later = make_entry ("2026-02-05T20:00:00Z", 20);
  LentoEntry *untouched_only = make_entry ("2026-02-06T20:00:00Z", 24);
  LentoSizeStats *s;

  lento_entry_set_comfort (untouched_later, LENTO_ENTRY_UNSET);
  lento_entry_set_comfort (untouched_only, LENTO_ENTRY_UNSET);
  store = store_of (make_session ("2026-02-03T20:00:00Z", 20, 10, 6, 0, LENTO_RESISTANCE_SLIGHT),
                    untouched_later, untouched_only, NULL);

  sizes = lento_journal_stats_by_size (G_LIST_MODEL (store));
  g_assert_cmpuint (sizes->len, ==, 2);
  s = &g_array_index (sizes, LentoSizeStats, 0);
  g_assert_cmpuint (s->sessions, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->average_comfort, 6.0, 1e-9);
  /* The newest answer, not the newest session that gave none. */
  g_assert_cmpint (s->last_resistance, ==, LENTO_RESISTANCE_SLIGHT);
  s = &g_array_index (sizes, LentoSizeStats, 1);
  g_assert_cmpuint (s->sessions, ==, 1);
  g_assert_cmpfloat (s->average_comfort, ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (s->last_resistance, ==, LENTO_RESISTANCE_UNSET);

  weeks = lento_journal_stats_by_week (G_LIST_MODEL (store), 2, 3);
  g_assert_cmpuint (weeks->len, ==, 1);
  g_assert_cmpuint (g_array_index (weeks, LentoWeekStats, 0).sessions, ==, 3);
  g_assert_cmpuint (g_array_index (weeks, LentoWeekStats, 0).painful_sessions, ==, 0);
}

static void
test_journal_stats_by_size (void)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) sizes = NULL;
  LentoSizeStats *s;
  LentoEntry *unrecorded = make_session ("2026-02-03T20:00:00Z", 20.04, 10, 0, 0,
                                         LENTO_RESISTANCE_NONE);
  LentoEntry *rest = make_entry ("2026-02-04T20:00:00Z", 30);

  lento_entry_set_comfort (unrecorded, LENTO_ENTRY_UNSET);
  lento_entry_set_kind (rest, LENTO_ENTRY_KIND_REST);
  store = store_of (make_session ("2026-02-05T20:00:00Z", 22, 10, 5, 1,
                                  LENTO_RESISTANCE_MODERATE),
                    make_session ("2026-02-01T20:00:00Z", 20, 10, 6, 0,
                                  LENTO_RESISTANCE_SLIGHT),
                    make_session ("2026-02-07T20:00:00Z", 20, 20, 9, 0,
                                  LENTO_RESISTANCE_NONE),
                    unrecorded,
                    rest,
                    NULL);

  sizes = lento_journal_stats_by_size (G_LIST_MODEL (store));
  g_assert_cmpuint (sizes->len, ==, 2);

  s = &g_array_index (sizes, LentoSizeStats, 0);
  g_assert_cmpfloat (s->diameter, ==, 20.0);
  g_assert_cmpuint (s->sessions, ==, 3);
  g_assert_cmpfloat_with_epsilon (s->wear_minutes, 40.0, 1e-9);
  /* The session without a comfort score does not count as a zero. */
  g_assert_cmpfloat_with_epsilon (s->average_comfort, 7.5, 1e-9);
  g_assert_cmpint (s->last_resistance, ==, LENTO_RESISTANCE_NONE);

  s = &g_array_index (sizes, LentoSizeStats, 1);
  g_assert_cmpfloat (s->diameter, ==, 22.0);
  g_assert_cmpuint (s->sessions, ==, 1);
  g_assert_cmpint (s->last_resistance, ==, LENTO_RESISTANCE_MODERATE);
}

typedef struct {
  const char *name;
  const char *text;
  gboolean    matches;
} SearchCase;

static const SearchCase search_cases[] = {
  { "accent-folded", "epreuve", TRUE },
  { "upper-case", "ÉPREUVE", TRUE },
  { "upper-no-accent", "EPREUVE", TRUE },
  { "part-of-word", "preuv", TRUE },
  { "tag", "soir", TRUE },
  { "tag-accent", "Detendu", TRUE },
  { "tool-name", "trainer", TRUE },
  { "tool-name-accent", "glace", TRUE },
  { "all-words", "  epreuve   SOIR ", TRUE },
  { "one-word-missing", "epreuve matin", FALSE },
  { "tool-id-not-searched", "tool-a", FALSE },
  { "hebrew-without-points", "שלום", TRUE },
  { "german-sharp-s", "STRASSE", TRUE },
  { "emoji", "🌙", TRUE },
  { "absent", "bleeding", FALSE },
  { "empty", "", TRUE },
};

static void
test_journal_search (gconstpointer data)
{
  const SearchCase *c = data;
  g_autoptr(LentoJournalQuery) query = lento_journal_query_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-03-01T20:00:00Z", 20);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  const char *tags[] = { "soir", "détendu", NULL };

  lento_entry_set_notes (entry, "Une Épreuve, mais calme. Straße. שָׁלוֹם 🌙");
  lento_entry_set_tags (entry, tags);
  lento_entry_set_tool (entry, "tool-a");
  g_hash_table_insert (names, (gpointer)"tool-a", (gpointer)"Glacé Trainer 18");
  lento_journal_query_set_tool_names (query, names);

  lento_journal_query_set_text (query, c->text);
  g_assert_cmpint (lento_journal_query_matches (query, entry), ==, c->matches);
}

typedef struct {
  const char *name;
  const char *since;
  const char *until;
  const char *tool;
  gboolean    with_pain;
  gboolean    with_bleeding;
  const char *expected;    /* the notes of the matching entries, newest first */
} FilterCase;

static const FilterCase filter_cases[] = {
  { "none", NULL, NULL, NULL, FALSE, FALSE, "e,d,c,b,a" },
  { "since", "2026-03-03T00:00:00Z", NULL, NULL, FALSE, FALSE, "e,d,c" },
  { "until-exclusive", NULL, "2026-03-03T20:00:00Z", NULL, FALSE, FALSE, "b,a" },
  { "range", "2026-03-02T00:00:00Z", "2026-03-05T00:00:00Z", NULL, FALSE, FALSE, "d,c,b" },
  { "tool", NULL, NULL, "tool-b", FALSE, FALSE, "d,b" },
  { "pain", NULL, NULL, NULL, TRUE, FALSE, "e,c" },
  { "bleeding", NULL, NULL, NULL, FALSE, TRUE, "d" },
  { "pain-and-tool", NULL, NULL, "tool-b", TRUE, FALSE, "" },
  { "range-and-pain", "2026-03-04T00:00:00Z", NULL, NULL, TRUE, FALSE, "e" },
};

static void
test_journal_filters (gconstpointer data)
{
  const FilterCase *c = data;
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournalQuery) query = lento_journal_query_new ();
  g_autoptr(GString) matched = g_string_new (NULL);
  static const struct {
    const char *notes;
    const char *start;
    const char *tool;
    int pain;
    gboolean sharp;
    LentoBleeding bleeding;
  } rows[] = {
    { "a", "2026-03-01T20:00:00Z", "tool-a", 0, FALSE, LENTO_BLEEDING_NONE },
    { "b", "2026-03-02T20:00:00Z", "tool-b", 0, FALSE, LENTO_BLEEDING_NONE },
    { "c", "2026-03-03T20:00:00Z", "tool-a", 3, FALSE, LENTO_BLEEDING_NONE },
    { "d", "2026-03-04T20:00:00Z", "tool-b", 0, FALSE, LENTO_BLEEDING_SPOTTING },
    { "e", "2026-03-05T20:00:00Z", "tool-a", 0, TRUE, LENTO_BLEEDING_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(LentoEntry) entry = make_entry (rows[i].start, 20);

      lento_entry_set_notes (entry, rows[i].notes);
      lento_entry_set_tool (entry, rows[i].tool);
      lento_entry_set_pain (entry, rows[i].pain);
      lento_entry_set_sharp_pain (entry, rows[i].sharp);
      lento_entry_set_bleeding (entry, rows[i].bleeding);
      lento_journal_add (journal, entry);
    }

  if (c->since != NULL)
    {
      g_autoptr(GDateTime) since = g_date_time_new_from_iso8601 (c->since, NULL);
      lento_journal_query_set_since (query, since);
    }
  if (c->until != NULL)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (c->until, NULL);
      lento_journal_query_set_until (query, until);
    }
  lento_journal_query_set_tool (query, c->tool);
  lento_journal_query_set_with_pain (query, c->with_pain);
  lento_journal_query_set_with_bleeding (query, c->with_bleeding);

  g_assert_cmpint (lento_journal_query_is_empty (query), ==, g_str_equal (c->name, "none"));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (journal)); i++)
    {
      LentoEntry *entry = get_entry (journal, i);

      if (lento_journal_query_matches (query, entry))
        g_string_append_printf (matched, "%s%s", matched->len > 0 ? "," : "",
                                lento_entry_get_notes (entry));
    }

  g_assert_cmpstr (matched->str, ==, c->expected);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_journal_query_new_destroy (void)
{
  LentoJournalQuery *query = lento_journal_query_new ();
  guint changed = 0;

  g_signal_connect (query, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (lento_journal_query_is_empty (query));

  lento_journal_query_set_text (query, "calm");
  lento_journal_query_set_text (query, "calm");
  lento_journal_query_set_with_pain (query, TRUE);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (lento_journal_query_is_empty (query));

  lento_journal_query_reset (query);
  g_assert_true (lento_journal_query_is_empty (query));
  g_assert_cmpuint (changed, ==, 4);

  g_assert_finalize_object (query);
}

static void
test_journal_text_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Épreuve", "epreuve" },
    { "ÇA VA", "ca va" },
    { "ﬁne", "fine" },
    { "Ωμέγα", "ωμεγα" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = lento_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* Storage for the progressive load tests: month documents in memory, a
 * record of the reading order, and a gate that holds the older months
 * back until the test opens it.
 */
typedef struct {
  GHashTable *documents;     /* name -> GBytes */
  GMutex      mutex;
  GCond       cond;
  gboolean    open;
  GPtrArray  *order;
  const char *recent[2];
  const char *failing;
} Storage;

static GBytes *
storage_read (const char    *name,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Storage *storage = user_data;
  GBytes *bytes;

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));

  g_mutex_lock (&storage->mutex);
  g_ptr_array_add (storage->order, g_strdup (name));
  if (g_strcmp0 (name, storage->recent[0]) != 0 && g_strcmp0 (name, storage->recent[1]) != 0)
    while (!storage->open)
      g_cond_wait (&storage->cond, &storage->mutex);
  g_mutex_unlock (&storage->mutex);

  if (g_strcmp0 (name, storage->failing) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "cannot decrypt");
      return NULL;
    }

  bytes = g_hash_table_lookup (storage->documents, name);
  if (bytes == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "gone");
      return NULL;
    }
  return g_bytes_ref (bytes);
}

static void
storage_open (Storage *storage)
{
  g_mutex_lock (&storage->mutex);
  storage->open = TRUE;
  g_cond_broadcast (&storage->cond);
  g_mutex_unlock (&storage->mutex);
}

/* Writes @journal as month documents into a new storage. */
static Storage *
storage_new (LentoJournal *journal)
{
  Storage *storage = g_new0 (Storage, 1);
  g_auto(GStrv) dirty = NULL;

  storage->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_bytes_unref);
  storage->order = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&storage->mutex);
  g_cond_init (&storage->cond);

  lento_journal_set_loaded (journal);
  dirty = lento_journal_dup_dirty_months (journal);
  for (guint i = 0; dirty[i] != NULL; i++)
    {
      GBytes *bytes = lento_journal_serialize_month (journal, dirty[i], NULL);

      g_assert_nonnull (bytes);
      g_hash_table_insert (storage->documents, g_strdup (dirty[i]), bytes);
    }

  return storage;
}

static void
storage_free (Storage *storage)
{
  g_hash_table_unref (storage->documents);
  g_ptr_array_unref (storage->order);
  g_mutex_clear (&storage->mutex);
  g_cond_clear (&storage->cond);
  g_free (storage);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Storage, storage_free)

/* The progressive load tests' journal: 600 sample entries over three
 * years up to @now, into @source, and a storage holding them whose recent
 * months are November and October 2026.
 */
static Storage *
storage_new_sample (LentoJournal *source,
                    GDateTime    *now)
{
  Storage *storage;

  lento_journal_generate_sample (source, 600, 3, 5, now);
  storage = storage_new (source);
  storage->recent[0] = "journal/2026-11";
  storage->recent[1] = "journal/2026-10";
  return storage;
}

/* A copy, so that the test may remove documents afterwards. */
static char **
storage_names (Storage *storage)
{
  g_autofree char **borrowed = (char **)g_hash_table_get_keys_as_array (storage->documents,
                                                                         NULL);

  return g_strdupv (borrowed);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static guint
count_in_months (LentoJournal *journal,
                 const char   *a,
                 const char   *b)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (journal)); i++)
    {
      g_autofree char *name =
        lento_journal_month_document_for (lento_entry_get_start (get_entry (journal, i)));

      count += g_str_equal (name, a) || g_str_equal (name, b);
    }
  return count;
}

static gboolean
busy_frame_cb (gpointer user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* A window that draws frame after frame (a spinner on a machine too slow
 * for its frame rate) keeps a source of the frame clock's priority always
 * ready; the load still comes to its end.
 */
static void
test_journal_load_beside_busy_frames (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(Storage) storage = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint frames = 0, busy;

  storage = storage_new_sample (source, now);
  storage_open (storage);
  names = storage_names (storage);

  /* GDK's redraw priority, G_PRIORITY_HIGH_IDLE + 20. */
  busy = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, busy_frame_cb, &frames, NULL);
  lento_journal_load_async (journal, (const char * const *)names, now, storage_read, storage,
                            NULL, NULL, load_done_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (busy);

  g_assert_nonnull (result);
  g_assert_true (lento_journal_load_finish (journal, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (source)));
  g_assert_cmpuint (frames, >, 0);
}

static guint
storage_n_read (Storage *storage)
{
  guint n;

  g_mutex_lock (&storage->mutex);
  n = storage->order->len;
  g_mutex_unlock (&storage->mutex);
  return n;
}

typedef struct {
  LentoJournal *journal;
  GArray       *shown;   /* guint: the journal's length at each frame */
} Frames;

static gboolean
frame_cb (gpointer user_data)
{
  Frames *frames = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (frames->journal));

  g_array_append_val (frames->shown, n);
  return G_SOURCE_CONTINUE;
}

/* With the newest entries in front (the Journal view), a load that has
 * read every month by the time the main context gets to it (the view came
 * to the front after the reading had begun) still puts the recent months
 * in on their own, and a frame shows them before the older months go in.
 */
static void
test_journal_load_recent_first (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(Storage) storage = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  Frames frames = { journal, shown };
  guint n, n_recent, busy;

  storage = storage_new_sample (source, now);
  n = g_list_model_get_n_items (G_LIST_MODEL (source));
  n_recent = count_in_months (source, storage->recent[0], storage->recent[1]);
  g_assert_cmpuint (n_recent, >, 0);
  g_assert_cmpuint (n_recent, <, n);
  storage_open (storage);
  names = storage_names (storage);

  changes = record_changes (journal);
  lento_journal_load_async (journal, (const char * const *)names, now, storage_read, storage,
                            NULL, NULL, load_done_cb, &result);

  /* Every month read, and parsed, before the main context runs. */
  while (storage_n_read (storage) < g_strv_length (names) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_usleep (G_USEC_PER_SEC / 5);
  lento_journal_set_recent_first (journal, TRUE);
  g_assert_true (lento_journal_get_recent_first (journal));

  /* GDK's redraw priority, G_PRIORITY_HIGH_IDLE + 20. */
  busy = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, frame_cb, &frames, NULL);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (busy);

  g_assert_nonnull (result);
  g_assert_true (lento_journal_load_finish (journal, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, n);
  g_assert_cmpuint (changes->len, >=, 2);
  assert_change (changes, 0, 0, 0, n_recent);
  g_assert_cmpuint (shown->len, >, 0);
  g_assert_cmpuint (g_array_index (shown, guint, 0), ==, n_recent);
}

/* Waits, without running the main context, until @storage has been asked
 * for @n documents or a fifth of a second has gone by; returns how many. */
static guint
storage_wait_for_reads (Storage *storage,
                        guint    n)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (storage_n_read (storage) < n && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  return storage_n_read (storage);
}

/* With the newest entries in front, the older months are not even read
 * until the recent ones have been drawn: a window being built does not
 * share the processor with them. Another view in front lets the reading
 * go on at once.
 */
static void
test_journal_load_recent_first_waits (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(Storage) storage = NULL;
  g_auto(GStrv) names = NULL;
  guint n;

  storage = storage_new_sample (source, now);
  n = g_list_model_get_n_items (G_LIST_MODEL (source));
  storage_open (storage);
  names = storage_names (storage);

  for (guint switched = 0; switched < 2; switched++)
    {
      g_autoptr(LentoJournal) journal = lento_journal_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_mutex_lock (&storage->mutex);
      g_ptr_array_set_size (storage->order, 0);
      g_mutex_unlock (&storage->mutex);

      lento_journal_set_recent_first (journal, TRUE);
      lento_journal_load_async (journal, (const char * const *)names, now, storage_read,
                                storage, NULL, NULL, load_done_cb, &result);
      g_assert_cmpuint (storage_wait_for_reads (storage, g_strv_length (names)), ==, 2);

      if (switched)
        {
          /* The Plan comes to the front: it needs every month. */
          lento_journal_set_recent_first (journal, FALSE);
          g_assert_cmpuint (storage_wait_for_reads (storage, g_strv_length (names)), ==,
                            g_strv_length (names));
        }

      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (lento_journal_load_finish (journal, result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, n);
      g_assert_cmpuint (storage_n_read (storage), ==, g_strv_length (names));
    }
}

static void
test_journal_progressive_load (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(Storage) storage = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) dirty = NULL;
  guint n, n_recent, added = 0;

  storage = storage_new_sample (source, now);
  n = g_list_model_get_n_items (G_LIST_MODEL (source));
  n_recent = count_in_months (source, storage->recent[0], storage->recent[1]);
  g_assert_cmpuint (n_recent, >, 0);
  names = storage_names (storage);

  changes = record_changes (journal);
  lento_journal_load_async (journal, (const char * const *)names, now, storage_read, storage,
                            NULL, NULL, load_done_cb, &result);

  /* The recent months arrive while the older ones are still held back. */
  while (!lento_journal_get_recent_loaded (journal))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (lento_journal_get_loaded (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, n_recent);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 0, n_recent);
  g_assert_cmpstr (g_ptr_array_index (storage->order, 0), ==, "journal/2026-11");
  g_assert_cmpstr (g_ptr_array_index (storage->order, 1), ==, "journal/2026-10");

  storage_open (storage);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lento_journal_load_finish (journal, result, &error));
  g_assert_no_error (error);
  g_assert_true (lento_journal_get_loaded (journal));
  g_assert_false (lento_journal_get_read_only (journal));

  /* The rest was read newest first, so every batch joined the end. */
  for (guint i = 3; i < storage->order->len; i++)
    g_assert_cmpstr (g_ptr_array_index (storage->order, i - 1), >,
                     g_ptr_array_index (storage->order, i));
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      g_assert_cmpuint (change->removed, ==, 0);
      g_assert_cmpuint (change->position, ==, added);
      added += change->added;
      g_assert_cmpuint (change->n_items, ==, added);
    }
  g_assert_cmpuint (added, ==, n);

  for (guint i = 0; i < n; i++)
    g_assert_true (lento_entry_equal (get_entry (journal, i), get_entry (source, i)));

  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);
}

static void
test_journal_progressive_load_damaged (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(Storage) storage = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) damaged = NULL;
  guint n;

  lento_journal_generate_sample (source, 200, 1, 9, now);
  storage = storage_new (source);
  storage->open = TRUE;
  storage->failing = "journal/2026-05";
  n = g_list_model_get_n_items (G_LIST_MODEL (source)) -
      count_in_months (source, "journal/2026-05", "journal/2026-06");
  names = storage_names (storage);
  /* A month listed but gone by the time it is read is skipped. */
  g_assert_true (g_hash_table_remove (storage->documents, "journal/2026-06"));

  lento_journal_load_async (journal, (const char * const *)names, now, storage_read, storage,
                            NULL, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (lento_journal_load_finish (journal, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, n);
  g_assert_true (lento_journal_get_read_only (journal));
  damaged = lento_journal_dup_damaged_months (journal);
  g_assert_true (strv_equal (damaged, "journal/2026-05"));
}

static void
test_journal_progressive_load_cancelled (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  LentoJournal *journal = lento_journal_new ();
  g_autoptr(Storage) storage = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  lento_journal_generate_sample (source, 100, 1, 3, now);
  storage = storage_new (source);
  storage->open = TRUE;
  names = storage_names (storage);

  g_cancellable_cancel (cancellable);
  lento_journal_load_async (journal, (const char * const *)names, now, storage_read, storage,
                            NULL, cancellable, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (lento_journal_load_finish (journal, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (lento_journal_get_loaded (journal));

  /* Nothing of the load outlives it. */
  g_clear_object (&result);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (journal);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* A second journal read from @vault holds the same entries as @journal. */
static void
assert_same_journal_in_vault (LentoJournal *journal,
                              LentoVault   *vault,
                              GDateTime    *now)
{
  g_autoptr(LentoJournal) reread = lento_journal_new ();
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (journal));

  lento_journal_load_from_vault_async (reread, vault, now, NULL, async_done_cb, &loaded);
  g_assert_true (lento_journal_load_from_vault_finish (reread, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_false (lento_journal_get_read_only (reread));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (lento_entry_equal (get_entry (reread, i), get_entry (journal, i)));
}

static void
save_and_wait (LentoJournal *journal,
               LentoVault   *vault)
{
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;

  lento_journal_save_async (journal, vault, NULL, async_done_cb, &saved);
  g_assert_true (lento_journal_save_finish (journal, wait_for (&saved), &error));
  g_assert_no_error (error);
}

static guint
document_n_items (GBytes     *bytes,
                  const char *member)
{
  g_autoptr(JsonNode) root = parse_bytes (bytes);
  JsonObject *object = json_node_get_object (root);

  return json_object_has_member (object, member)
         ? json_array_get_length (json_object_get_array_member (object, member)) : 0;
}

static LentoVault *
new_test_vault (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) code = NULL;
  LentoVault *vault;

  *dir = g_dir_make_tmp ("lento-journal-XXXXXX", &error);
  g_assert_no_error (error);
  vault = lento_vault_new (*dir, "io.github.lento.Lento.Test");
  g_assert_true (lento_vault_open (vault, &error));
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);
  return vault;
}

static void
drop_test_vault (LentoVault *vault,
                 char       *dir)
{
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);

  lento_vault_close (vault);
  g_object_unref (vault);
  remove_tree (dir_file);
  g_free (dir);
}

/* The real vault: save a generated journal, read it back progressively,
 * move an entry between months and save only what changed.
 */
static void
test_journal_vault_round_trip (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lento-journal-XXXXXX", &error);
  g_autoptr(GFile) dir_file = NULL;
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoEntry) edit = NULL;
  g_autoptr(GDateTime) moved_start = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) saved_again = NULL;
  g_auto(GStrv) dirty = NULL;
  g_auto(GStrv) documents = NULL;
  guint n;

  g_assert_no_error (error);
  dir_file = g_file_new_for_path (dir);
  vault = lento_vault_new (dir, "io.github.lento.Lento.Test");
  g_assert_true (lento_vault_open (vault, &error));
  g_assert_no_error (error);
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);

  lento_journal_generate_sample (source, 500, 2, 21, now);
  n = g_list_model_get_n_items (G_LIST_MODEL (source));
  lento_journal_set_loaded (source);
  lento_journal_save_async (source, vault, NULL, async_done_cb, &saved);
  g_assert_true (lento_journal_save_finish (source, wait_for (&saved), &error));
  g_assert_no_error (error);
  dirty = lento_journal_dup_dirty_months (source);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);
  g_clear_pointer (&dirty, g_strfreev);

  documents = lento_vault_list_documents (vault, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *)documents, "journal/2026-11"));
  g_assert_true (g_strv_contains ((const char * const *)documents, "journal/2025-01"));

  lento_journal_load_from_vault_async (journal, vault, now, NULL, async_done_cb, &loaded);
  g_assert_true (lento_journal_load_from_vault_finish (journal, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_true (lento_journal_get_loaded (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (lento_entry_equal (get_entry (journal, i), get_entry (source, i)));
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);
  g_clear_pointer (&dirty, g_strfreev);

  /* Move the newest entry back to March: exactly two months change. */
  edit = lento_entry_copy (get_entry (journal, 0));
  moved_start = g_date_time_new_from_iso8601 ("2026-03-10T20:00:00+01:00", NULL);
  lento_entry_set_start (edit, moved_start);
  g_assert_true (lento_journal_replace (journal, edit));
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-03,journal/2026-11"));
  lento_journal_save_async (journal, vault, NULL, async_done_cb, &saved_again);
  g_assert_true (lento_journal_save_finish (journal, wait_for (&saved_again), &error));
  g_assert_no_error (error);

  /* One change is written to the log, not to the months: they stay to be
   * written when the log is folded, and the journal reads back the same.
   */
  g_clear_pointer (&dirty, g_strfreev);
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_true (strv_equal (dirty, "journal/2026-03,journal/2026-11"));
  g_clear_pointer (&documents, g_strfreev);
  documents = lento_vault_list_documents (vault, &error);
  g_assert_true (g_strv_contains ((const char * const *)documents, LENTO_JOURNAL_LOG_DOCUMENT));
  assert_same_journal_in_vault (journal, vault, now);

  lento_vault_close (vault);
  remove_tree (dir_file);
}


/* Merging an old backup into the vault does not bring back an entry
 * deleted since: the month keeps its tombstone and loses the copy.
 */
static void
test_journal_tombstone_backup_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lento-journal-XXXXXX", &error);
  g_autoptr(GFile) dir_file = NULL;
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-11-03T20:00:00Z", 20);
  g_autoptr(LentoEntry) kept = make_entry ("2026-11-04T20:00:00Z", 21);
  g_autoptr(GHashTable) backup = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (entry));

  g_assert_no_error (error);
  dir_file = g_file_new_for_path (dir);
  vault = lento_vault_new (dir, "io.github.lento.Lento.Test");
  g_assert_true (lento_vault_open (vault, &error));
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, entry);
  lento_journal_add (journal, kept);
  before = lento_journal_serialize_month (journal, "journal/2026-11", &error);
  g_assert_no_error (error);
  g_assert_true (lento_journal_remove (journal, uuid));
  lento_journal_save_async (journal, vault, NULL, async_done_cb, &saved);
  g_assert_true (lento_journal_save_finish (journal, wait_for (&saved), &error));
  g_assert_no_error (error);

  backup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify)g_bytes_unref);
  g_hash_table_insert (backup, g_strdup ("journal/2026-11"), g_bytes_ref (before));
  lento_backup_import_async (vault, backup, NULL, async_done_cb, &imported);
  g_assert_true (lento_backup_import_finish (vault, wait_for (&imported), NULL, &error));
  g_assert_no_error (error);

  after = lento_vault_read_document (vault, "journal/2026-11", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (month_contains (after, uuid));
  g_assert_true (month_contains (after, lento_entry_get_uuid (kept)));
  g_assert_true (month_has_tombstone (after, uuid));

  lento_vault_close (vault);
  remove_tree (dir_file);
}

/* Saving one entry writes the change log, not its month, so it costs the
 * same in a journal of any size; once the log holds more than
 * LENTO_JOURNAL_LOG_MAX changes, the months are written and the log
 * emptied. Read back at every step, the journal is the same.
 */
static void
test_journal_log_save_and_fold (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GBytes) november = NULL;
  g_autoptr(GBytes) november_after = NULL;
  g_autoptr(GBytes) log = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dirty = NULL;
  g_auto(GStrv) documents = NULL;
  char *dir = NULL;
  LentoVault *vault = new_test_vault (&dir);
  guint n;

  /* A new journal of many entries is written as months. */
  lento_journal_generate_sample (source, 300, 2, 31, now);
  lento_journal_set_loaded (source);
  save_and_wait (source, vault);
  dirty = lento_journal_dup_dirty_months (source);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);
  g_clear_pointer (&dirty, g_strfreev);
  documents = lento_vault_list_documents (vault, &error);
  g_assert_false (g_strv_contains ((const char * const *)documents, LENTO_JOURNAL_LOG_DOCUMENT));
  g_clear_pointer (&documents, g_strfreev);

  lento_journal_load_from_vault_async (journal, vault, now, NULL, async_done_cb, &loaded);
  g_assert_true (lento_journal_load_from_vault_finish (journal, wait_for (&loaded), &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (journal));
  november = lento_vault_read_document (vault, "journal/2026-11", NULL, &error);
  g_assert_no_error (error);

  /* One new entry and one deletion: the log, and only the log. */
  {
    g_autoptr(LentoEntry) entry = make_entry ("2026-11-19T20:00:00Z", 22);

    lento_journal_add (journal, entry);
  }
  save_and_wait (journal, vault);
  g_assert_true (lento_journal_remove (journal,
                                       lento_entry_get_uuid (get_entry (journal, n / 2))));
  save_and_wait (journal, vault);
  november_after = lento_vault_read_document (vault, "journal/2026-11", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (november, november_after));
  log = lento_vault_read_document (vault, LENTO_JOURNAL_LOG_DOCUMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document_n_items (log, "entries"), ==, 1);
  g_assert_cmpuint (document_n_items (log, "deleted"), ==, 1);
  assert_same_journal_in_vault (journal, vault, now);

  /* Up to the limit the log grows; one more change folds it. */
  for (guint i = 3; i <= LENTO_JOURNAL_LOG_MAX; i++)
    {
      g_autofree char *start = g_strdup_printf ("2026-11-%02uT08:00:00Z", 1 + i % 18);
      g_autoptr(LentoEntry) entry = make_entry (start, 10 + i % 20);

      lento_journal_add (journal, entry);
      save_and_wait (journal, vault);
    }
  g_clear_pointer (&log, g_bytes_unref);
  log = lento_vault_read_document (vault, LENTO_JOURNAL_LOG_DOCUMENT, NULL, &error);
  g_assert_cmpuint (document_n_items (log, "entries") + document_n_items (log, "deleted"), ==,
                    LENTO_JOURNAL_LOG_MAX);
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_cmpuint (g_strv_length (dirty), >, 0);
  g_clear_pointer (&dirty, g_strfreev);

  {
    g_autoptr(LentoEntry) entry = make_entry ("2026-11-18T07:00:00Z", 23);

    lento_journal_add (journal, entry);
  }
  save_and_wait (journal, vault);
  dirty = lento_journal_dup_dirty_months (journal);
  g_assert_cmpuint (g_strv_length (dirty), ==, 0);
  g_clear_pointer (&log, g_bytes_unref);
  log = lento_vault_read_document (vault, LENTO_JOURNAL_LOG_DOCUMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document_n_items (log, "entries") + document_n_items (log, "deleted"), ==, 0);
  g_clear_pointer (&november_after, g_bytes_unref);
  november_after = lento_vault_read_document (vault, "journal/2026-11", NULL, &error);
  g_assert_false (g_bytes_equal (november, november_after));
  assert_same_journal_in_vault (journal, vault, now);

  drop_test_vault (vault, dir);
}

/* Lento stops after a fold wrote the months but before it wrote the log
 * again: the old log, read with the new months, changes nothing, not even
 * for an entry deleted in the old log and added back since.
 */
static void
test_journal_log_stale_after_fold (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoEntry) deleted = make_entry ("2026-11-02T20:00:00Z", 20);
  g_autoptr(GBytes) old_log = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (deleted));
  char *dir = NULL;
  LentoVault *vault = new_test_vault (&dir);
  guint saves = 0;

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, deleted);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *start = g_strdup_printf ("2026-11-%02uT08:00:00Z", 5 + i);
      g_autoptr(LentoEntry) entry = make_entry (start, 12 + i);

      lento_journal_add (journal, entry);
    }
  save_and_wait (journal, vault);
  g_assert_true (lento_journal_remove (journal, uuid));
  save_and_wait (journal, vault);
  old_log = lento_vault_read_document (vault, LENTO_JOURNAL_LOG_DOCUMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document_n_items (old_log, "deleted"), ==, 1);

  /* Added back, then enough changes for a fold. */
  lento_journal_add (journal, deleted);
  for (;;)
    {
      g_autofree char *start = g_strdup_printf ("2026-10-%02uT08:00:00Z", 1 + saves % 28);
      g_autoptr(LentoEntry) entry = make_entry (start, 10 + saves % 20);
      g_auto(GStrv) dirty = NULL;

      lento_journal_add (journal, entry);
      save_and_wait (journal, vault);
      saves++;
      dirty = lento_journal_dup_dirty_months (journal);
      if (dirty[0] == NULL)
        break;
      g_assert_cmpuint (saves, <=, LENTO_JOURNAL_LOG_MAX);
    }

  lento_vault_write_document_async (vault, LENTO_JOURNAL_LOG_DOCUMENT, old_log, NULL,
                                    async_done_cb, &written);
  g_assert_true (lento_vault_write_document_finish (vault, wait_for (&written), &error));
  g_assert_no_error (error);

  g_assert_nonnull (lento_journal_lookup (journal, uuid));
  assert_same_journal_in_vault (journal, vault, now);

  drop_test_vault (vault, dir);
}

/* A deleted entry added back (Undo) is newer than its deletion, so no copy
 * of the tombstone, in the log or in a month, can bury it again.
 */
static void
test_journal_log_undelete (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-11-03T20:00:00Z", 20);
  g_autofree char *uuid = g_strdup (lento_entry_get_uuid (entry));
  char *dir = NULL;
  LentoVault *vault = new_test_vault (&dir);

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, entry);
  save_and_wait (journal, vault);
  g_assert_true (lento_journal_remove (journal, uuid));
  save_and_wait (journal, vault);
  assert_same_journal_in_vault (journal, vault, now);

  lento_journal_add (journal, entry);
  save_and_wait (journal, vault);
  g_assert_nonnull (lento_journal_lookup (journal, uuid));
  assert_same_journal_in_vault (journal, vault, now);

  drop_test_vault (vault, dir);
}

/* A log that cannot be read makes the journal read-only, like a damaged
 * month, until it is read (from its previous copy).
 */
static void
test_journal_log_damaged (void)
{
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) source = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("2026-11-03T20:00:00Z", 20);
  g_autoptr(GBytes) broken = bytes_from ("{\"format\": 1, \"entries\": 3}");
  g_autoptr(GBytes) newer = bytes_from ("{\"format\": 2, \"entries\": []}");
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) damaged = NULL;

  g_assert_false (lento_journal_load_month (journal, LENTO_JOURNAL_LOG_DOCUMENT, broken, &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
  g_assert_true (lento_journal_get_read_only (journal));
  damaged = lento_journal_dup_damaged_months (journal);
  g_assert_true (strv_equal (damaged, LENTO_JOURNAL_LOG_DOCUMENT));
  g_clear_error (&error);

  /* From a newer Lento: said as such, and still read-only. */
  g_assert_false (lento_journal_load_month (journal, LENTO_JOURNAL_LOG_DOCUMENT, newer, &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_true (lento_journal_get_read_only (journal));
  g_clear_error (&error);

  lento_journal_add (source, entry);
  good = lento_journal_serialize_log (source);
  g_assert_true (lento_journal_load_month (journal, LENTO_JOURNAL_LOG_DOCUMENT, good, &error));
  g_assert_no_error (error);
  g_assert_false (lento_journal_get_read_only (journal));
  g_assert_nonnull (lento_journal_lookup (journal, lento_entry_get_uuid (entry)));
}

/* What the log holds and this Lento cannot read is written back as it was. */
static void
test_journal_log_keeps_unknown (void)
{
  static const char text[] =
    "{\"format\": 1, \"future\": {\"a\": 1}, \"entries\": [42], \"deleted\": [\"x\"]}";
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GBytes) bytes = bytes_from (text);
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_true (lento_journal_load_month (journal, LENTO_JOURNAL_LOG_DOCUMENT, bytes, &error));
  g_assert_no_error (error);
  output = lento_journal_serialize_log (journal);
  root = parse_bytes (output);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "future"),
                                               "a"), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (object, "entries"),
                                               0), ==, 42);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "deleted"),
                                                  0), ==, "x");
}

/* The log is read with the recent months, before the older ones. */
static void
test_journal_log_loading_order (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  const char *names[] = { "journal/2025-01", "profile", LENTO_JOURNAL_LOG_DOCUMENT,
                          "journal/2026-10", "journal/2026-11", "journal/2026-02", NULL };
  g_auto(GStrv) order = NULL;
  guint n_recent = 0;

  order = _lento_journal_loading_order (names, now, &n_recent);
  g_assert_true (strv_equal (order, "journal/2026-11,journal/2026-10,journal/log,"
                                    "journal/2026-02,journal/2025-01"));
  g_assert_cmpuint (n_recent, ==, 3);
}

/* A backup's log merges with the journal's own: both changes are kept. */
static void
test_journal_log_backup_merge (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) other = lento_journal_new ();
  g_autoptr(LentoEntry) mine = make_entry ("2026-11-03T20:00:00Z", 20);
  g_autoptr(LentoEntry) theirs = make_entry ("2026-11-05T20:00:00Z", 21);
  g_autoptr(GHashTable) backup = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GBytes) log = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  LentoVault *vault = new_test_vault (&dir);

  lento_journal_set_loaded (journal);
  lento_journal_add (journal, mine);
  save_and_wait (journal, vault);

  lento_journal_add (other, theirs);
  backup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify)g_bytes_unref);
  g_hash_table_insert (backup, g_strdup (LENTO_JOURNAL_LOG_DOCUMENT),
                       lento_journal_serialize_log (other));
  lento_backup_import_async (vault, backup, NULL, async_done_cb, &imported);
  g_assert_true (lento_backup_import_finish (vault, wait_for (&imported), NULL, &error));
  g_assert_no_error (error);

  log = lento_vault_read_document (vault, LENTO_JOURNAL_LOG_DOCUMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (month_contains (log, lento_entry_get_uuid (mine)));
  g_assert_true (month_contains (log, lento_entry_get_uuid (theirs)));
  lento_journal_add (journal, theirs);
  assert_same_journal_in_vault (journal, vault, now);

  drop_test_vault (vault, dir);
}

/* Month notes. The plan's tag for heavy bleeding. */
#define HEAVY_TAG "heavy-bleeding"
/* A month of June 2016, before the sample journal begins, made by hand. */
#define HAND_MONTH "journal/2016-06"

typedef struct {
  char       *dir;
  LentoVault *vault;
  GDateTime  *now;
  /* UUIDs of the hand-made month: those its note must hold, and not. */
  GPtrArray  *noted;
  GPtrArray  *not_noted;
  guint       n_entries;
} NotesJournal;

static void
notes_journal_free (NotesJournal *nj)
{
  drop_test_vault (nj->vault, nj->dir);
  g_date_time_unref (nj->now);
  g_ptr_array_unref (nj->noted);
  g_ptr_array_unref (nj->not_noted);
  g_free (nj);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotesJournal, notes_journal_free)

/* Adds a session of the hand-made month to @journal, and its UUID to
 * @uuids. */
static LentoEntry *
add_hand_entry (LentoJournal   *journal,
                GPtrArray      *uuids,
                const char     *start_iso,
                LentoEntryKind  kind,
                LentoBleeding   bleeding,
                const char     *tag)
{
  LentoEntry *entry = make_entry (start_iso, 20);
  const char *tags[] = { "evening", tag, NULL };

  lento_entry_set_kind (entry, kind);
  lento_entry_set_bleeding (entry, bleeding);
  lento_entry_set_tags (entry, tags);
  lento_journal_add (journal, entry);
  g_ptr_array_add (uuids, g_strdup (lento_entry_get_uuid (entry)));
  g_object_unref (entry);
  return entry;
}

static void
vault_flush (LentoVault *vault)
{
  g_autoptr(GAsyncResult) flushed = NULL;
  g_autoptr(GError) error = NULL;

  lento_vault_flush_async (vault, NULL, async_done_cb, &flushed);
  g_assert_true (lento_vault_flush_finish (vault, wait_for (&flushed), &error));
  g_assert_no_error (error);
}

/* Loads @vault into a new journal that notes with @tag. */
static LentoJournal *
load_with_tag (LentoVault *vault,
               GDateTime  *now,
               const char *tag)
{
  LentoJournal *journal = lento_journal_new ();
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  lento_journal_set_marker_tag (journal, tag);
  lento_journal_load_from_vault_async (journal, vault, now, NULL, async_done_cb, &loaded);
  g_assert_true (lento_journal_load_from_vault_finish (journal, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_false (lento_journal_get_read_only (journal));
  vault_flush (vault);
  return journal;
}

/* Ten years of journal in a vault, with a month made by hand: a
 * clinician note, a session with spotting, one tagged for heavy bleeding,
 * a rest day, the month's oldest session, and plain sessions. When
 * @noted, a first load has set every month's note.
 */
static NotesJournal *
notes_journal_new (gboolean noted)
{
  NotesJournal *nj = g_new0 (NotesJournal, 1);
  g_autoptr(LentoJournal) source = lento_journal_new ();

  nj->now = g_date_time_new_from_iso8601 ("2026-11-20T21:00:00+01:00", NULL);
  nj->vault = new_test_vault (&nj->dir);
  nj->noted = g_ptr_array_new_with_free_func (g_free);
  nj->not_noted = g_ptr_array_new_with_free_func (g_free);

  lento_journal_generate_sample (source, 1200, 10, 41, nj->now);
  add_hand_entry (source, nj->not_noted, "2016-06-01T08:00:00+02:00",
                  LENTO_ENTRY_KIND_REST, LENTO_BLEEDING_NONE, NULL);
  add_hand_entry (source, nj->noted, "2016-06-02T20:00:00+02:00",
                  LENTO_ENTRY_KIND_SESSION, LENTO_BLEEDING_NONE, NULL);
  add_hand_entry (source, nj->not_noted, "2016-06-05T20:00:00+02:00",
                  LENTO_ENTRY_KIND_SESSION, LENTO_BLEEDING_NONE, NULL);
  add_hand_entry (source, nj->noted, "2016-06-15T20:00:00+02:00",
                  LENTO_ENTRY_KIND_SESSION, LENTO_BLEEDING_SPOTTING, NULL);
  add_hand_entry (source, nj->noted, "2016-06-18T20:00:00+02:00",
                  LENTO_ENTRY_KIND_SESSION, LENTO_BLEEDING_NONE, HEAVY_TAG);
  add_hand_entry (source, nj->noted, "2016-06-20T10:00:00+02:00",
                  LENTO_ENTRY_KIND_CLINICIAN_NOTE, LENTO_BLEEDING_NONE, NULL);
  add_hand_entry (source, nj->not_noted, "2016-06-25T20:00:00+02:00",
                  LENTO_ENTRY_KIND_SESSION, LENTO_BLEEDING_NONE, "heavy");
  nj->n_entries = g_list_model_get_n_items (G_LIST_MODEL (source));
  lento_journal_set_loaded (source);
  save_and_wait (source, nj->vault);
  vault_flush (nj->vault);

  if (noted)
    {
      g_autoptr(LentoJournal) first = load_with_tag (nj->vault, nj->now, HEAVY_TAG);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, nj->n_entries);
    }

  return nj;
}

static char **
month_documents (LentoVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = lento_vault_list_documents (vault, &error);
  g_autoptr(GStrvBuilder) months = g_strv_builder_new ();

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    if (lento_journal_is_month_document (names[i]))
      g_strv_builder_add (months, names[i]);
  return g_strv_builder_end (months);
}

/* The entries of @name's note, by UUID; NULL without a note. */
static GHashTable *
note_entries (LentoVault *vault,
              const char *name,
              const char *tag)
{
  g_autoptr(JsonObject) note = lento_vault_dup_document_note (vault, name);
  GHashTable *entries;
  JsonArray *array;

  if (note == NULL)
    return NULL;
  g_assert_cmpstr (json_object_get_string_member (note, "tag"), ==, tag);
  array = json_object_get_array_member (note, "entries");
  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      LentoEntry *entry = lento_entry_new_from_json (json_array_get_object_element (array, i),
                                                     &error);

      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (entries, lento_entry_get_uuid (entry)));
      g_hash_table_insert (entries, g_strdup (lento_entry_get_uuid (entry)), entry);
    }
  return entries;
}

/* @noted is @held as a note keeps it: what the coach reads and what tells
 * copies apart, and nothing else (no notes, no tool). */
static void
assert_noted_copy (LentoEntry *noted,
                   LentoEntry *held)
{
  g_assert_nonnull (held);
  g_assert_cmpstr (lento_entry_get_uuid (noted), ==, lento_entry_get_uuid (held));
  g_assert_cmpint (lento_entry_get_kind (noted), ==, lento_entry_get_kind (held));
  g_assert_true (g_date_time_equal (lento_entry_get_start (noted), lento_entry_get_start (held)));
  g_assert_true (g_date_time_equal (lento_entry_get_modified (noted),
                                    lento_entry_get_modified (held)));
  g_assert_cmpint (lento_entry_get_bleeding (noted), ==, lento_entry_get_bleeding (held));
  g_assert_cmpint (lento_entry_has_tag (noted, HEAVY_TAG), ==,
                   lento_entry_has_tag (held, HEAVY_TAG));
  g_assert_null (lento_entry_get_notes (noted));
  g_assert_null (lento_entry_get_tool (noted));
}

/* One full load notes every month, each with exactly what the coach's
 * rules reach back for, made from the month document. */
static void
test_journal_notes_set_after_load (void)
{
  g_autoptr(NotesJournal) nj = notes_journal_new (FALSE);
  g_autoptr(LentoJournal) journal = NULL;
  g_autoptr(GHashTable) hand = NULL;
  g_auto(GStrv) months = month_documents (nj->vault);

  g_assert_cmpuint (g_strv_length (months), >=, 120);
  for (guint i = 0; months[i] != NULL; i++)
    g_assert_null (lento_vault_dup_document_note (nj->vault, months[i]));

  /* Without a tag, a load notes nothing. */
  g_clear_object (&journal);
  journal = load_with_tag (nj->vault, nj->now, NULL);
  for (guint i = 0; months[i] != NULL; i++)
    g_assert_null (lento_vault_dup_document_note (nj->vault, months[i]));

  g_clear_object (&journal);
  journal = load_with_tag (nj->vault, nj->now, HEAVY_TAG);
  g_assert_null (lento_vault_dup_document_note (nj->vault, LENTO_JOURNAL_LOG_DOCUMENT));
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autoptr(GHashTable) entries = note_entries (nj->vault, months[i], HEAVY_TAG);
      guint n_sessions = 0;
      GHashTableIter iter;
      LentoEntry *entry;

      g_assert_nonnull (entries);
      g_hash_table_iter_init (&iter, entries);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
        {
          LentoEntry *held = lento_journal_lookup (journal, lento_entry_get_uuid (entry));

          /* Each as the journal holds it, as far as the note keeps it. */
          assert_noted_copy (entry, held);
          if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION &&
              lento_entry_get_bleeding (entry) == LENTO_BLEEDING_NONE &&
              !lento_entry_has_tag (entry, HEAVY_TAG))
            n_sessions++;
        }
      /* At most one plain session: the oldest. */
      g_assert_cmpuint (n_sessions, <=, 1);
    }

  hand = note_entries (nj->vault, HAND_MONTH, HEAVY_TAG);
  g_assert_cmpuint (g_hash_table_size (hand), ==, nj->noted->len);
  for (guint i = 0; i < nj->noted->len; i++)
    g_assert_true (g_hash_table_contains (hand, g_ptr_array_index (nj->noted, i)));
  for (guint i = 0; i < nj->not_noted->len; i++)
    g_assert_false (g_hash_table_contains (hand, g_ptr_array_index (nj->not_noted, i)));
}

/* What a load's notify::recent-loaded handler was given. */
typedef struct {
  gboolean   asked;
  GPtrArray *entries;
  GDate      complete_from;
  guint      n_merged;
} EarlyHistory;

static void
early_history_clear (EarlyHistory *early)
{
  g_clear_pointer (&early->entries, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EarlyHistory, early_history_clear)

static void
recent_loaded_cb (LentoJournal *journal,
                  GParamSpec   *pspec,
                  EarlyHistory *early)
{
  if (!lento_journal_get_recent_loaded (journal))
    return;
  g_assert_false (early->asked);
  early->asked = TRUE;
  early->n_merged = g_list_model_get_n_items (G_LIST_MODEL (journal));
  g_date_clear (&early->complete_from, 1);
  early->entries = lento_journal_dup_early_history (journal, &early->complete_from);
}

/* Loads @vault as a window in front of the newest entries would, asking
 * for the early history as the recent months come in. */
static LentoJournal *
load_asking_early (LentoVault   *vault,
                   GDateTime    *now,
                   const char   *tag,
                   EarlyHistory *early)
{
  LentoJournal *journal = lento_journal_new ();
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  lento_journal_set_marker_tag (journal, tag);
  lento_journal_set_recent_first (journal, TRUE);
  g_signal_connect (journal, "notify::recent-loaded", G_CALLBACK (recent_loaded_cb), early);
  lento_journal_load_from_vault_async (journal, vault, now, NULL, async_done_cb, &loaded);
  g_assert_null (lento_journal_dup_early_history (journal, &date));
  g_assert_true (lento_journal_load_from_vault_finish (journal, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_true (early->asked);
  /* Done: the journal holds everything itself. */
  g_assert_null (lento_journal_dup_early_history (journal, &date));
  vault_flush (vault);
  return journal;
}

/* A second load offers, as the recent months come in, every noted entry
 * of the months not read yet, and says from when the journal holds all. */
static void
test_journal_notes_early_history (void)
{
  g_autoptr(NotesJournal) nj = notes_journal_new (TRUE);
  g_auto(EarlyHistory) early = { 0, };
  g_autoptr(LentoJournal) journal = load_asking_early (nj->vault, nj->now, HEAVY_TAG, &early);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_object_unref);
  g_auto(GStrv) months = month_documents (nj->vault);
  g_autoptr(GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (early.entries);
  g_assert_true (g_date_valid (&early.complete_from));
  g_assert_cmpint (g_date_get_year (&early.complete_from), ==, 2026);
  g_assert_cmpint (g_date_get_month (&early.complete_from), ==, G_DATE_OCTOBER);
  g_assert_cmpint (g_date_get_day (&early.complete_from), ==, 1);
  /* Only the recent months were in the journal then. */
  g_assert_cmpuint (early.n_merged, <, nj->n_entries / 10);

  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autoptr(GHashTable) entries = NULL;
      GHashTableIter iter;
      char *uuid;
      LentoEntry *entry;

      if (strcmp (months[i], "journal/2026-10") >= 0)
        continue;
      entries = note_entries (nj->vault, months[i], HEAVY_TAG);
      g_assert_nonnull (entries);
      g_hash_table_iter_init (&iter, entries);
      while (g_hash_table_iter_next (&iter, (gpointer *)&uuid, (gpointer *)&entry))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_replace (expected, uuid, entry);
        }
    }
  g_assert_cmpuint (early.entries->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < early.entries->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (early.entries, i);
      const char *uuid = lento_entry_get_uuid (entry);

      g_assert_true (g_hash_table_add (given, (gpointer)uuid));
      g_assert_true (lento_entry_equal (entry, g_hash_table_lookup (expected, uuid)));
      assert_noted_copy (entry, lento_journal_lookup (journal, uuid));
    }
  for (guint i = 0; i < nj->noted->len; i++)
    g_assert_true (g_hash_table_contains (given, g_ptr_array_index (nj->noted, i)));
  for (guint i = 0; i < nj->not_noted->len; i++)
    g_assert_false (g_hash_table_contains (given, g_ptr_array_index (nj->not_noted, i)));
}

/* An older month written again since its note was made has none: no
 * early history. The load that reads it notes it again. */
static void
test_journal_notes_missing (void)
{
  g_autoptr(NotesJournal) nj = notes_journal_new (TRUE);
  g_auto(EarlyHistory) early = { 0, };
  g_autoptr(LentoJournal) journal = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) note = NULL;

  bytes = lento_vault_read_document (nj->vault, "journal/2020-02", NULL, &error);
  g_assert_no_error (error);
  lento_vault_write_document_async (nj->vault, "journal/2020-02", bytes, NULL, async_done_cb,
                                    &written);
  g_assert_true (lento_vault_write_document_finish (nj->vault, wait_for (&written), &error));
  g_assert_no_error (error);
  g_assert_null (lento_vault_dup_document_note (nj->vault, "journal/2020-02"));
  g_assert_nonnull ((note = lento_vault_dup_document_note (nj->vault, HAND_MONTH)));

  journal = load_asking_early (nj->vault, nj->now, HEAVY_TAG, &early);
  g_assert_null (early.entries);
  g_clear_pointer (&note, json_object_unref);
  note = lento_vault_dup_document_note (nj->vault, "journal/2020-02");
  g_assert_nonnull (note);
}

/* A note that cannot be read (from another version, say) offers nothing,
 * loses nothing, and the load that read the month notes it again. */
static void
test_journal_notes_unreadable (void)
{
  g_autoptr(NotesJournal) nj = notes_journal_new (TRUE);
  g_auto(EarlyHistory) early = { 0, };
  g_autoptr(LentoJournal) journal = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) lento_document_note_free);
  g_autoptr(JsonObject) broken = json_object_new ();
  g_autoptr(JsonArray) entries = json_array_new ();
  g_autoptr(GHashTable) renoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_size, after_size;

  json_array_add_int_element (entries, 42);
  json_object_set_string_member (broken, "tag", HEAVY_TAG);
  json_object_set_array_member (broken, "entries", g_steal_pointer (&entries));
  g_hash_table_insert (notes, "journal/2020-02",
                       lento_document_note_new (
                         lento_vault_get_document_generation (nj->vault, "journal/2020-02"),
                         broken));
  g_assert_true (lento_vault_set_document_notes (nj->vault, notes, &error));
  g_assert_no_error (error);
  vault_flush (nj->vault);

  journal = load_asking_early (nj->vault, nj->now, HEAVY_TAG, &early);
  g_assert_true (early.asked);
  g_assert_null (early.entries);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, nj->n_entries);

  renoted = note_entries (nj->vault, "journal/2020-02", HEAVY_TAG);
  g_assert_nonnull (renoted);

  /* Notes that are current are not written again: the next load leaves
   * the manifest as it is. */
  manifest = g_build_filename (nj->dir, "manifest.lento", NULL);
  g_assert_true (g_file_get_contents (manifest, &before, &before_size, NULL));
  g_clear_object (&journal);
  journal = load_with_tag (nj->vault, nj->now, HEAVY_TAG);
  g_assert_true (g_file_get_contents (manifest, &after, &after_size, NULL));
  g_assert_cmpmem (before, before_size, after, after_size);
}

/* A change the log holds for an older month is newer than that month's
 * note: no early history, whether an edit or a deletion. */
static void
test_journal_notes_log_change (gconstpointer data)
{
  gboolean delete = GPOINTER_TO_INT (data);
  g_autoptr(NotesJournal) nj = notes_journal_new (TRUE);
  g_auto(EarlyHistory) early = { 0, };
  g_autoptr(LentoJournal) journal = NULL;
  g_autoptr(LentoJournal) editor = load_with_tag (nj->vault, nj->now, HEAVY_TAG);
  const char *uuid = g_ptr_array_index (nj->not_noted, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) log = NULL;

  if (delete)
    {
      g_assert_true (lento_journal_remove (editor, uuid));
    }
  else
    {
      g_autoptr(LentoEntry) edit = lento_entry_copy (lento_journal_lookup (editor, uuid));

      lento_entry_set_notes (edit, "Edited years later.");
      g_assert_true (lento_journal_replace (editor, edit));
    }
  save_and_wait (editor, nj->vault);
  vault_flush (nj->vault);
  /* In the log only: the month and its note stay as they were. */
  log = lento_vault_read_document (nj->vault, LENTO_JOURNAL_LOG_DOCUMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document_n_items (log, delete ? "deleted" : "entries"), ==, 1);
  g_assert_nonnull (lento_vault_dup_document_note (nj->vault, HAND_MONTH));

  journal = load_asking_early (nj->vault, nj->now, HEAVY_TAG, &early);
  g_assert_null (early.entries);
}

/* Notes made for another tag do not stand in; the load that reads every
 * month makes them again with the new tag. */
static void
test_journal_notes_other_tag (void)
{
  g_autoptr(NotesJournal) nj = notes_journal_new (TRUE);
  g_auto(EarlyHistory) early = { 0, };
  g_autoptr(LentoJournal) journal = NULL;
  g_autoptr(GHashTable) hand = NULL;

  journal = load_asking_early (nj->vault, nj->now, "bleeding-heavy", &early);
  g_assert_null (early.entries);
  hand = note_entries (nj->vault, HAND_MONTH, "bleeding-heavy");
  g_assert_nonnull (hand);
  /* The session tagged with the old tag is no longer needed. */
  g_assert_false (g_hash_table_contains (hand, g_ptr_array_index (nj->noted, 2)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/journal/new-destroy", test_journal_new_destroy);
  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/add/%s", add_cases[i].name);
      g_test_add_data_func (path, &add_cases[i], test_journal_add);
    }
  g_test_add_func ("/lento/journal/replace-in-place", test_journal_replace_in_place);
  for (guint i = 0; i < G_N_ELEMENTS (move_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/replace-moves/%s",
                                               move_cases[i].name);
      g_test_add_data_func (path, &move_cases[i], test_journal_replace_moves);
    }
  g_test_add_func ("/lento/journal/remove", test_journal_remove);
  g_test_add_func ("/lento/journal/save-again-after-edits", test_journal_save_again_after_edits);
  g_test_add_func ("/lento/journal/add-same-uuid", test_journal_add_same_uuid);
  g_test_add_func ("/lento/journal/merge", test_journal_merge);
  g_test_add_func ("/lento/journal/month-names", test_journal_month_names);
  g_test_add_func ("/lento/journal/month-round-trip", test_journal_month_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_month_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/bad-month/%s",
                                               bad_month_cases[i].name);
      g_test_add_data_func (path, &bad_month_cases[i], test_journal_bad_month);
    }
  g_test_add_func ("/lento/journal/unwritable-newer-month", test_journal_unwritable_newer_month);
  g_test_add_func ("/lento/journal/plain-numbers-read-back",
                   test_journal_plain_numbers_read_back);
  g_test_add_func ("/lento/journal/load-month-signals", test_journal_load_month_signals);
  g_test_add_func ("/lento/journal/dedupe-on-load", test_journal_dedupe_on_load);
  for (guint i = 0; i < G_N_ELEMENTS (interrupted_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/month-move-interrupted/%s",
                                               interrupted_cases[i].name);
      g_test_add_data_func (path, &interrupted_cases[i], test_journal_month_move_interrupted);
    }
  g_test_add_func ("/lento/journal/dirty-tracking", test_journal_dirty_tracking);
  for (guint i = 0; i < G_N_ELEMENTS (interrupted_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/tombstone-interrupted-move/%s",
                                               interrupted_cases[i].name);
      g_test_add_data_func (path, &interrupted_cases[i], test_journal_tombstone_interrupted_move);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stale_copy_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/tombstone-rule/%s",
                                               stale_copy_cases[i].name);
      g_test_add_data_func (path, &stale_copy_cases[i], test_journal_tombstone_rule);
    }
  g_test_add_func ("/lento/journal/tombstone-undo-and-merge", test_journal_tombstone_undo_and_merge);
  g_test_add_func ("/lento/journal/tombstone-unreadable-kept",
                   test_journal_tombstone_unreadable_kept);
  g_test_add_func ("/lento/journal/tombstone-backup-merge", test_journal_tombstone_backup_merge);
  g_test_add_func ("/lento/journal/progressive-load", test_journal_progressive_load);
  g_test_add_func ("/lento/journal/load-recent-first", test_journal_load_recent_first);
  g_test_add_func ("/lento/journal/load-recent-first-waits", test_journal_load_recent_first_waits);
  g_test_add_func ("/lento/journal/load-beside-busy-frames",
                   test_journal_load_beside_busy_frames);
  g_test_add_func ("/lento/journal/progressive-load-damaged",
                   test_journal_progressive_load_damaged);
  g_test_add_func ("/lento/journal/progressive-load-cancelled",
                   test_journal_progressive_load_cancelled);
  g_test_add_func ("/lento/journal/vault-round-trip", test_journal_vault_round_trip);
  g_test_add_func ("/lento/journal/log-save-and-fold", test_journal_log_save_and_fold);
  g_test_add_func ("/lento/journal/log-undelete", test_journal_log_undelete);
  g_test_add_func ("/lento/journal/log-stale-after-fold", test_journal_log_stale_after_fold);
  g_test_add_func ("/lento/journal/log-damaged", test_journal_log_damaged);
  g_test_add_func ("/lento/journal/log-keeps-unknown", test_journal_log_keeps_unknown);
  g_test_add_func ("/lento/journal/log-loading-order", test_journal_log_loading_order);
  g_test_add_func ("/lento/journal/log-backup-merge", test_journal_log_backup_merge);
  g_test_add_func ("/lento/journal/notes/set-after-load", test_journal_notes_set_after_load);
  g_test_add_func ("/lento/journal/notes/early-history", test_journal_notes_early_history);
  g_test_add_func ("/lento/journal/notes/missing", test_journal_notes_missing);
  g_test_add_func ("/lento/journal/notes/unreadable", test_journal_notes_unreadable);
  g_test_add_data_func ("/lento/journal/notes/log-edit", GINT_TO_POINTER (FALSE),
                        test_journal_notes_log_change);
  g_test_add_data_func ("/lento/journal/notes/log-deletion", GINT_TO_POINTER (TRUE),
                        test_journal_notes_log_change);
  g_test_add_func ("/lento/journal/notes/other-tag", test_journal_notes_other_tag);
  g_test_add_func ("/lento/journal/stats-by-week", test_journal_stats_by_week);
  g_test_add_func ("/lento/journal/stats-by-size", test_journal_stats_by_size);
  g_test_add_func ("/lento/journal/stats-unanswered", test_journal_stats_unanswered);
  g_test_add_func ("/lento/journal/query-new-destroy", test_journal_query_new_destroy);
  g_test_add_func ("/lento/journal/text-fold", test_journal_text_fold);
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/search/%s", search_cases[i].name);
      g_test_add_data_func (path, &search_cases[i], test_journal_search);
    }
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/journal/filter/%s", filter_cases[i].name);
      g_test_add_data_func (path, &filter_cases[i], test_journal_filters);
    }

  return g_test_run ();
}
