/* test-export.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-export"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "lento-core-error.h"
#include "lento-export-private.h"
#include "lento-journal.h"
#include "lento-sample-data.h"
#include "lento-test-support.h"

static LentoEntry *
make_entry (const char *notes)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-03T21:04:00+01:00", NULL);
  LentoEntry *entry = lento_entry_new (start);

  lento_entry_set_diameter (entry, 22.5);
  lento_entry_set_duration (entry, 1500);
  lento_entry_set_wear (entry, 900);
  lento_entry_set_comfort (entry, 7);
  lento_entry_set_notes (entry, notes);
  return entry;
}

static GListModel *
model_of_entry (LentoEntry *entry)
{
  GListStore *store = g_list_store_new (LENTO_TYPE_ENTRY);

  g_list_store_append (store, entry);
  return G_LIST_MODEL (store);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static GBytes *
bytes_from (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static const char expected_header[] =
  "uuid,kind,created,modified,start,stage,tool,diameter_mm,lube,duration_s,wear_s,resistance,"
  "comfort,pain,sharp_pain,bleeding,urge_faded_min,relaxation,notes,tags\r\n";

typedef struct {
  const char *name;
  const char *notes;
  const char *cell;      /* how the notes must appear in the CSV */
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "plain", "calm evening", ",calm evening," },
  { "comma", "calm, then tense", ",\"calm, then tense\"," },
  { "quote", "said \"stop\" once", ",\"said \"\"stop\"\" once\"," },
  { "only-quotes", "\"\"", ",\"\"\"\"\"\"," },
  { "newline", "line one\nline two", ",\"line one\nline two\"," },
  { "crlf", "line one\r\nline two", ",\"line one\r\nline two\"," },
  { "emoji", "went well 🙂🌙", ",went well 🙂🌙," },
  { "hebrew", "נשימה איטית, עזרה", ",\"נשימה איטית, עזרה\"," },
  { "arabic-mixed", "هادئ today 5 min", ",هادئ today 5 min," },
  { "leading-space", " indented", ",\" indented\"," },
  { "formula-like", "=1+1", ",=1+1," },
};

static void
test_export_csv_escaping (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autoptr(LentoEntry) entry = make_entry (c->notes);
  g_autoptr(GListModel) model = model_of_entry (entry);
  g_autoptr(GBytes) csv = lento_export_csv (model);
  g_autofree char *text = bytes_to_string (csv);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (text, expected_header));
  g_assert_nonnull (strstr (text, c->cell));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  back = lento_import_csv (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpstr (lento_entry_get_notes (g_ptr_array_index (back, 0)), ==, c->notes);
  g_assert_true (lento_entry_equal (entry, g_ptr_array_index (back, 0)));
}

static void
test_export_csv_round_trip (void)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 ("2026-11-27T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) imported = lento_journal_new ();
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) csv_again = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  lento_journal_generate_sample (journal, 400, 2, 7, end);
  n = g_list_model_get_n_items (G_LIST_MODEL (journal));
  g_assert_cmpuint (n, ==, 400);

  csv = lento_export_csv (G_LIST_MODEL (journal));
  back = lento_import_csv (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) original = g_list_model_get_item (G_LIST_MODEL (journal), i);

      g_assert_true (lento_entry_equal (original, g_ptr_array_index (back, i)));
    }

  /* Importing into a fresh journal and exporting again gives the same bytes. */
  g_assert_cmpuint (lento_journal_merge (imported, back), ==, n);
  csv_again = lento_export_csv (G_LIST_MODEL (imported));
  g_assert_true (g_bytes_equal (csv, csv_again));

  /* Importing the same file twice changes nothing the second time. */
  g_assert_cmpuint (lento_journal_merge (imported, back), ==, 0);
}

/* How it felt left unanswered stays unanswered through CSV and JSON, and
 * the clinician summary draws nothing for it.
 */
static void
test_export_unanswered (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-28T08:00:00+01:00", NULL);
  g_autoptr(LentoEntry) entry = make_entry ("untouched");
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) from_csv = NULL;
  g_autoptr(GPtrArray) from_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json_text = NULL;

  lento_entry_set_comfort (entry, LENTO_ENTRY_UNSET);
  model = model_of_entry (entry);

  /* wear_s, then empty resistance, comfort and pain, then sharp_pain. */
  csv = lento_export_csv (model);
  text = bytes_to_string (csv);
  g_assert_nonnull (strstr (text, ",900,,,,false,"));
  from_csv = lento_import_csv (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_csv->len, ==, 1);
  g_assert_true (lento_entry_equal (entry, g_ptr_array_index (from_csv, 0)));
  g_assert_false (lento_entry_has_how_it_felt (g_ptr_array_index (from_csv, 0)));

  json = lento_export_json (model, now);
  json_text = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
  g_assert_null (strstr (json_text, "\"resistance\""));
  g_assert_null (strstr (json_text, "\"pain\""));
  from_json = lento_import_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_json->len, ==, 1);
  g_assert_true (lento_entry_equal (entry, g_ptr_array_index (from_json, 0)));

  pdf = lento_export_pdf_summary (model, NULL, LENTO_SUMMARY_FLAGS_NONE, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

static void
test_export_csv_import_lenient (void)
{
  /* A byte order mark, LF line ends, columns in another order, a column
   * Lento does not know, and no final line break.
   */
  g_autoptr(GBytes) csv = bytes_from (
    "\xEF\xBB\xBF" "start,notes,uuid,spreadsheet_column,tags,sharp_pain,diameter_mm\n"
    "2026-11-03T21:04:00+01:00,\"a, b\",8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11,x,\"calm\nevening\","
    "true,19.5\n"
    "\n"
    "2026-11-04T21:04:00Z,,9a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11,,,,");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  LentoEntry *entry;

  entries = lento_import_csv (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (lento_entry_get_notes (entry), ==, "a, b");
  g_assert_true (lento_entry_get_sharp_pain (entry));
  g_assert_cmpfloat (lento_entry_get_diameter (entry), ==, 19.5);
  g_assert_true (lento_entry_has_tag (entry, "calm"));
  g_assert_true (lento_entry_has_tag (entry, "evening"));

  entry = g_ptr_array_index (entries, 1);
  g_assert_null (lento_entry_get_notes (entry));
  g_assert_null (lento_entry_get_tags (entry));
  g_assert_cmpint (lento_entry_get_comfort (entry), ==, LENTO_ENTRY_UNSET);
}

typedef struct {
  const char *name;
  const char *csv;
} BadCsvCase;

#define HEADER_UUID_START "uuid,start,comfort,sharp_pain\r\n"
#define GOOD_ROW "8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11,2026-11-03T21:04:00Z,"

static const BadCsvCase bad_csv_cases[] = {
  { "empty", "" },
  { "only-bom", "\xEF\xBB\xBF" },
  { "not-lento", "date,amount\r\n2026-01-01,3\r\n" },
  { "no-start-column", "uuid,comfort\r\n8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11,3\r\n" },
  { "unterminated-quote", HEADER_UUID_START GOOD_ROW "5,\"true\r\n" },
  { "stray-quote", HEADER_UUID_START GOOD_ROW "5\"x,true\r\n" },
  { "text-after-quote", HEADER_UUID_START GOOD_ROW "\"5\"x,true\r\n" },
  { "lone-cr", HEADER_UUID_START GOOD_ROW "5,true\r" },
  { "too-few-fields", HEADER_UUID_START GOOD_ROW "5\r\n" },
  { "too-many-fields", HEADER_UUID_START GOOD_ROW "5,true,extra\r\n" },
  { "bad-number", HEADER_UUID_START GOOD_ROW "five,true\r\n" },
  { "bad-boolean", HEADER_UUID_START GOOD_ROW "5,yes\r\n" },
  { "bad-uuid", HEADER_UUID_START "nope,2026-11-03T21:04:00Z,5,true\r\n" },
  { "bad-start", HEADER_UUID_START "8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11,yesterday,5,true\r\n" },
  { "invalid-utf8", HEADER_UUID_START GOOD_ROW "5,true\xff\r\n" },
};

static void
test_export_csv_import_bad (gconstpointer data)
{
  const BadCsvCase *c = data;
  g_autoptr(GBytes) csv = bytes_from (c->csv);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = lento_import_csv (csv, &error);
  g_assert_null (entries);
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
}

static void
test_export_json (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-28T08:00:00+01:00", NULL);
  g_autoptr(JsonParser) source = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *notes = "Quote \" backslash \\ tab \t newline \n emoji 🙂 RTL שלום";
  JsonObject *root;
  JsonObject *first;

  json_parser_load_from_data (source,
                              "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\","
                              "\"start\":\"2026-10-31T23:30:00Z\",\"diameter_mm\":20,"
                              "\"heart_rate\":[60,70]}",
                              -1, &error);
  g_assert_no_error (error);
  entry = lento_entry_new_from_json (json_node_get_object (json_parser_get_root (source)),
                                     &error);
  g_assert_no_error (error);
  lento_entry_set_notes (entry, notes);
  model = model_of_entry (entry);

  json = lento_export_json (model, now);
  json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                              &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "exported"), ==, "2026-11-28T07:00:00Z");
  first = json_array_get_object_element (json_object_get_array_member (root, "entries"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "notes"), ==, notes);
  /* Unlike CSV, the JSON export keeps what a newer Lento added. */
  g_assert_true (json_object_has_member (first, "heart_rate"));

  back = lento_import_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_true (lento_entry_equal (entry, g_ptr_array_index (back, 0)));
}

typedef struct {
  const char *name;
  const char *json;
} BadJsonCase;

static const BadJsonCase bad_json_cases[] = {
  { "empty", "" },
  { "array", "[]" },
  { "no-format", "{\"entries\":[]}" },
  { "newer-format", "{\"format\":2,\"entries\":[]}" },
  { "no-entries", "{\"format\":1}" },
  { "bad-entry", "{\"format\":1,\"entries\":[{\"uuid\":\"x\"}]}" },
  /* Blank text parses to no value at all (it was a critical). */
  { "blank", "  " },
  /* An entry whose unknown members would be written back as "inf" or as
   * bytes that are not UTF-8, so that its month no longer reads.
   */
  { "infinite-number",
    "{\"format\":1,\"entries\":[{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\","
    "\"start\":\"2026-11-03T21:04:00+01:00\",\"x\":1e999}]}" },
  { "bad-escape",
    "{\"format\":1,\"entries\":[{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\","
    "\"start\":\"2026-11-03T21:04:00+01:00\",\"x\":\"ses\\71139Z\"}]}" },
};

static void
test_export_json_import_bad (gconstpointer data)
{
  const BadJsonCase *c = data;
  g_autoptr(GBytes) json = bytes_from (c->json);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = lento_import_json (json, &error);
  g_assert_null (entries);
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT);
}

/* Counts page objects: "/Type /Page" not followed by "s" (that is /Pages). */
static guint
count_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char needle[] = "/Type /Page";
  guint pages = 0;

  for (gsize i = 0; i + sizeof needle - 1 < size; i++)
    if (memcmp (data + i, needle, sizeof needle - 1) == 0 &&
        data[i + sizeof needle - 1] != 's')
      pages++;

  return pages;
}

typedef struct {
  const char *name;
  guint n_entries;
  guint years;
  LentoSummaryFlags flags;
} PdfCase;

static const PdfCase pdf_cases[] = {
  { "empty", 0, 1, LENTO_SUMMARY_FLAGS_NONE },
  { "one-entry", 1, 1, LENTO_SUMMARY_FLAGS_INCLUDE_NOTES },
  { "year", 150, 1, LENTO_SUMMARY_FLAGS_NONE },
  { "year-with-notes", 150, 1, LENTO_SUMMARY_FLAGS_INCLUDE_NOTES },
  { "ten-years-with-notes", 3000, 10, LENTO_SUMMARY_FLAGS_INCLUDE_NOTES },
};

static void
test_export_pdf (gconstpointer data)
{
  const PdfCase *c = data;
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 ("2026-11-27T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(GHashTable) names = lento_sample_tool_names_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  const char *dir;

  lento_journal_generate_sample (journal, c->n_entries, c->years, 11, end);
  pdf = lento_export_pdf_summary (G_LIST_MODEL (journal), names, c->flags, end, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);

  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);
  g_assert_cmpuint (count_pages (pdf), ==, 1);

  /* Kept for a person to look at; the build directory is the place for it. */
  dir = g_getenv ("LENTO_BUILD_DIR") != NULL ? g_getenv ("LENTO_BUILD_DIR") : g_get_tmp_dir ();
  file = g_strdup_printf ("%s/summary-%s.pdf", dir, c->name);
  g_assert_true (g_file_set_contents (file, g_bytes_get_data (pdf, NULL),
                                      g_bytes_get_size (pdf), NULL));
}

/* The notes are private: they are in the summary only when asked for. */
static void
test_export_pdf_notes_opt_in (void)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 ("2026-11-27T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry ("A private sentence that only a clinician may read");
  g_autoptr(GBytes) without = NULL;
  g_autoptr(GBytes) with = NULL;
  g_autoptr(GBytes) with_again = NULL;

  lento_journal_add (journal, entry);
  without = lento_export_pdf_summary (G_LIST_MODEL (journal), NULL,
                                      LENTO_SUMMARY_FLAGS_NONE, end, NULL);
  with = lento_export_pdf_summary (G_LIST_MODEL (journal), NULL,
                                   LENTO_SUMMARY_FLAGS_INCLUDE_NOTES, end, NULL);
  g_assert_nonnull (without);
  g_assert_nonnull (with);
  g_assert_cmpuint (count_pages (with), ==, 1);

  /* The note's glyphs and text make the page with notes larger. */
  g_assert_cmpuint (g_bytes_get_size (with), >, g_bytes_get_size (without) + 200);
  with_again = lento_export_pdf_summary (G_LIST_MODEL (journal), NULL,
                                         LENTO_SUMMARY_FLAGS_INCLUDE_NOTES, end, NULL);
  g_assert_nonnull (with_again);
}

/* Notes in right-to-left and complex scripts are laid out by Pango: the
 * page stays one valid page, and the notes reach it.
 */
typedef struct {
  const char *name;
  const char *notes;
} ScriptCase;

static const ScriptCase script_cases[] = {
  { "arabic", "جلسة هادئة، مريحة جدًا\nالسطر الثاني" },
  { "hebrew", "מפגש רגוע ונוח, בלי כאב" },
  { "mixed-direction", "Size 2 → מידה 2, ثم ١٥ دقيقة" },
  { "devanagari", "शांत और आरामदायक सत्र" },
  { "long-rtl", "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ "
                "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ "
                "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " "هادئ " },
};

static void
test_export_pdf_scripts (gconstpointer data)
{
  const ScriptCase *c = data;
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 ("2026-11-27T21:00:00+01:00", NULL);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoEntry) entry = make_entry (c->notes);
  g_autoptr(GBytes) without = NULL;
  g_autoptr(GBytes) with = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *bytes;

  lento_journal_add (journal, entry);
  without = lento_export_pdf_summary (G_LIST_MODEL (journal), NULL,
                                      LENTO_SUMMARY_FLAGS_NONE, end, &error);
  g_assert_no_error (error);
  with = lento_export_pdf_summary (G_LIST_MODEL (journal), NULL,
                                   LENTO_SUMMARY_FLAGS_INCLUDE_NOTES, end, &error);
  g_assert_no_error (error);

  bytes = g_bytes_get_data (with, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
  g_assert_nonnull (g_strstr_len (bytes + size - 32, 32, "%%EOF"));
  g_assert_cmpuint (count_pages (with), ==, 1);
  g_assert_cmpuint (size, >, g_bytes_get_size (without) + 200);
}

/* The safety events say what the person recorded: heavy bleeding (the
 * editor's strongest level, kept as the heavy-bleeding tag) is called heavy,
 * never merely significant.
 */
typedef struct {
  const char    *name;
  LentoBleeding  bleeding;
  gboolean       heavy;
  const char    *says;
  const char    *never;
} BleedingCase;

static const BleedingCase bleeding_cases[] = {
  { "spotting", LENTO_BLEEDING_SPOTTING, FALSE, "spotting", "heavy" },
  { "significant", LENTO_BLEEDING_SIGNIFICANT, FALSE, "significant bleeding", "heavy" },
  { "heavy", LENTO_BLEEDING_SIGNIFICANT, TRUE, "heavy bleeding", "significant" },
};

static void
test_export_pdf_bleeding (gconstpointer data)
{
  const BleedingCase *test = data;
  g_autoptr(LentoEntry) entry = make_entry (NULL);
  g_autofree char *line = NULL;

  lento_entry_set_bleeding (entry, test->bleeding);
  if (test->heavy)
    {
      const char * const tags[] = { "evening", LENTO_ENTRY_TAG_HEAVY_BLEEDING, NULL };

      lento_entry_set_tags (entry, tags);
    }

  line = _lento_export_describe_event (entry, NULL);
  g_test_message ("%s: %s", test->name, line);
  g_assert_nonnull (strstr (line, test->says));
  g_assert_null (strstr (line, test->never));
}

/* The summary's own lines read right in English for one and for two: each
 * number that meets a noun goes through ngettext.
 */
typedef enum {
  WORDING_SESSIONS,   /* n sessions, three days apart, from 2 March 2026 */
  WORDING_WEEKS,      /* n weeks, one of them on target, 90 minutes worn */
  WORDING_MORE,       /* n entries that did not fit */
} WordingLine;

typedef struct {
  const char  *name;
  WordingLine  line;
  guint        n;
  const char  *expected;
} WordingCase;

static const WordingCase wording_cases[] = {
  { "no-sessions", WORDING_SESSIONS, 0, "No sessions are recorded yet." },
  { "one-session", WORDING_SESSIONS, 1,
    "2026-03-02 to 2026-03-02: 1 session, latest size 15\u00a0mm." },
  { "two-sessions", WORDING_SESSIONS, 2,
    "2026-03-02 to 2026-03-05: 2 sessions, latest size 16\u00a0mm." },
  { "one-week", WORDING_WEEKS, 1,
    "1.5 hours of wear time in all; 1 of 1 week had 2 sessions or more." },
  { "two-weeks", WORDING_WEEKS, 2,
    "1.5 hours of wear time in all; 1 of 2 weeks had 2 sessions or more." },
  { "one-more", WORDING_MORE, 1, "and 1 earlier entry, listed in the journal" },
  { "two-more", WORDING_MORE, 2, "and 2 earlier entries, listed in the journal" },
};

static void
test_export_summary_wording (gconstpointer data)
{
  const WordingCase *test = data;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *line = NULL;

  switch (test->line)
    {
    case WORDING_SESSIONS:
      for (guint i = 0; i < test->n; i++)
        {
          g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 2 + 3 * i, 18, 0, 0);
          LentoEntry *entry = lento_entry_new (start);

          lento_entry_set_diameter (entry, 15.0 + i);
          g_ptr_array_add (sessions, entry);
        }
      line = _lento_export_describe_sessions (sessions);
      break;
    case WORDING_WEEKS:
      line = _lento_export_describe_weeks (90.0, 1, test->n);
      break;
    case WORDING_MORE:
      line = _lento_export_describe_more (test->n);
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_cmpstr (line, ==, test->expected);
}

static void
test_export_sample_data (void)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 ("2026-11-27T21:00:00+01:00", NULL);
  g_autoptr(GPtrArray) a = lento_sample_entries_new (2000, 10, 42, end);
  g_autoptr(GPtrArray) b = lento_sample_entries_new (2000, 10, 42, end);
  double first_size = 0, last_size = 0;
  guint rests = 0, painful = 0, sessions = 0, invalid = 0;

  g_assert_cmpuint (a->len, ==, 2000);
  for (guint i = 0; i < a->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (a, i);

      /* The same seed makes the same journal. */
      g_assert_true (lento_entry_equal (entry, g_ptr_array_index (b, i)));
      if (!lento_entry_validate (entry, end, NULL))
        invalid++;

      switch (lento_entry_get_kind (entry))
        {
        case LENTO_ENTRY_KIND_REST:
          rests++;
          break;
        case LENTO_ENTRY_KIND_SESSION:
          if (sessions++ == 0)
            first_size = lento_entry_get_diameter (entry);
          last_size = lento_entry_get_diameter (entry);
          painful += lento_entry_get_pain (entry) > 0;
          break;
        case LENTO_ENTRY_KIND_CLINICIAN_NOTE:
        default:
          break;
        }
    }

  g_assert_cmpuint (invalid, ==, 0);
  g_assert_cmpfloat (last_size, >, first_size);
  g_assert_cmpuint (rests, >, 0);
  g_assert_cmpuint (painful, >, 0);
  g_assert_cmpuint (painful, <, sessions / 5);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Core writes exports (views never touch files): the whole file replaces
 * the old one, only its owner may read it, no backup copy is left, and it
 * reads back as written.
 */
static void
test_export_write_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lento-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "journal.csv", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "gone", "journal.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(LentoEntry) entry = make_entry ("A calm evening, \"slow\" and easy");
  g_autoptr(GListModel) entries = model_of_entry (entry);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "an older, longer file that must go away entirely",
                                      -1, NULL));

  bytes = lento_export_csv (entries);
  lento_export_write_async (bytes, file, NULL, store_result_cb, &written);
  g_assert_true (lento_export_write_finish (file, wait_result (&written), &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  lento_import_read_async (file, NULL, store_result_cb, &read);
  back = lento_import_read_finish (file, wait_result (&read), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));

  /* A place that cannot be written: a sentence naming the file, nothing made. */
  lento_export_write_async (bytes, missing, NULL, store_result_cb, &failed);
  g_assert_false (lento_export_write_finish (missing, wait_result (&failed), &error));
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "journal.csv"));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  lento_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/csv-escaping/%s",
                                               escape_cases[i].name);
      g_test_add_data_func (path, &escape_cases[i], test_export_csv_escaping);
    }
  g_test_add_func ("/lento/export/csv-round-trip", test_export_csv_round_trip);
  g_test_add_func ("/lento/export/csv-import-lenient", test_export_csv_import_lenient);
  g_test_add_func ("/lento/export/unanswered", test_export_unanswered);
  for (guint i = 0; i < G_N_ELEMENTS (bad_csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/csv-import-bad/%s",
                                               bad_csv_cases[i].name);
      g_test_add_data_func (path, &bad_csv_cases[i], test_export_csv_import_bad);
    }
  g_test_add_func ("/lento/export/json", test_export_json);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/json-import-bad/%s",
                                               bad_json_cases[i].name);
      g_test_add_data_func (path, &bad_json_cases[i], test_export_json_import_bad);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pdf_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/pdf/%s", pdf_cases[i].name);
      g_test_add_data_func (path, &pdf_cases[i], test_export_pdf);
    }
  g_test_add_func ("/lento/export/pdf-notes-opt-in", test_export_pdf_notes_opt_in);
  for (guint i = 0; i < G_N_ELEMENTS (script_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/pdf-scripts/%s",
                                               script_cases[i].name);
      g_test_add_data_func (path, &script_cases[i], test_export_pdf_scripts);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bleeding_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/pdf-bleeding/%s",
                                               bleeding_cases[i].name);
      g_test_add_data_func (path, &bleeding_cases[i], test_export_pdf_bleeding);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wording_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/export/summary-wording/%s",
                                               wording_cases[i].name);
      g_test_add_data_func (path, &wording_cases[i], test_export_summary_wording);
    }
  g_test_add_func ("/lento/export/sample-data", test_export_sample_data);
  g_test_add_func ("/lento/export/write-file", test_export_write_file);

  return g_test_run ();
}
