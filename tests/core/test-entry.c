/* test-entry.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-entry"

#include "config.h"

#include <locale.h>

#include "lento-core-error.h"
#include "lento-entry.h"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static LentoEntry *
make_full_entry (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-03T21:04:00+01:00", NULL);
  LentoEntry *entry = lento_entry_new (start);
  const char *tags[] = { "evening", "calm", NULL };

  lento_entry_set_stage (entry, "week3");
  lento_entry_set_tool (entry, "tool-a");
  lento_entry_set_diameter (entry, 22.5);
  lento_entry_set_lube (entry, "lube-water");
  lento_entry_set_duration (entry, 1500);
  lento_entry_set_wear (entry, 900);
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_SLIGHT);
  lento_entry_set_comfort (entry, 7);
  lento_entry_set_pain (entry, 1);
  lento_entry_set_sharp_pain (entry, FALSE);
  lento_entry_set_bleeding (entry, LENTO_BLEEDING_SPOTTING);
  lento_entry_set_urge_faded (entry, 6);
  lento_entry_set_relaxation (entry, 8);
  lento_entry_set_notes (entry, "Breathing helped, «très» calme ✨");
  lento_entry_set_tags (entry, tags);

  return entry;
}

static void
test_entry_new_destroy (void)
{
  LentoEntry *entry = lento_entry_new (NULL);

  g_assert_true (g_uuid_string_is_valid (lento_entry_get_uuid (entry)));
  g_assert_nonnull (lento_entry_get_start (entry));
  g_assert_cmpint (g_date_time_get_utc_offset (lento_entry_get_created (entry)), ==, 0);
  g_assert_true (g_date_time_equal (lento_entry_get_created (entry),
                                    lento_entry_get_modified (entry)));
  g_assert_cmpint (lento_entry_get_kind (entry), ==, LENTO_ENTRY_KIND_SESSION);
  g_assert_cmpint (lento_entry_get_comfort (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_pain (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_resistance (entry), ==, LENTO_RESISTANCE_UNSET);
  g_assert_cmpint (lento_entry_get_urge_faded (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_null (lento_entry_get_tags (entry));

  g_assert_finalize_object (entry);
}

static void
test_entry_unique_uuid (void)
{
  g_autoptr(LentoEntry) a = lento_entry_new (NULL);
  g_autoptr(LentoEntry) b = lento_entry_new (NULL);

  g_assert_cmpstr (lento_entry_get_uuid (a), !=, lento_entry_get_uuid (b));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_entry_notify_only_on_change (void)
{
  g_autoptr(LentoEntry) entry = lento_entry_new (NULL);
  guint count = 0;

  g_signal_connect (entry, "notify", G_CALLBACK (notify_count_cb), &count);

  lento_entry_set_comfort (entry, 4);
  lento_entry_set_comfort (entry, 4);
  lento_entry_set_notes (entry, "a");
  lento_entry_set_notes (entry, "a");
  lento_entry_set_bleeding (entry, LENTO_BLEEDING_NONE);
  g_object_set (entry, "pain", 3, NULL);
  g_object_set (entry, "pain", 3, NULL);

  g_assert_cmpuint (count, ==, 3);
}

static void
test_entry_json_round_trip (void)
{
  g_autoptr(LentoEntry) entry = make_full_entry ();
  g_autoptr(JsonObject) object = lento_entry_to_json (entry);
  g_autoptr(LentoEntry) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;

  back = lento_entry_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (lento_entry_equal (entry, back));
  g_assert_cmpstr (lento_entry_get_notes (back), ==, "Breathing helped, «très» calme ✨");
  g_assert_true (lento_entry_has_tag (back, "calm"));
  g_assert_cmpint (lento_entry_get_bleeding (back), ==, LENTO_BLEEDING_SPOTTING);
  g_assert_cmpfloat (lento_entry_get_diameter (back), ==, 22.5);

  /* The offset the start was recorded with is kept, and decides the month. */
  g_assert_cmpint (g_date_time_get_utc_offset (lento_entry_get_start (back)), ==,
                   G_TIME_SPAN_HOUR);
  month = lento_entry_dup_month (back);
  g_assert_cmpstr (month, ==, "2026-11");

  g_assert_cmpstr (json_object_get_string_member (object, "resistance"), ==, "slight");
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==,
                   "2026-11-03T21:04:00+01:00");
}

/* Years before 1000 read (ISO 8601 has four digits) and must be written
 * with four digits too, or the entry cannot be read back after a save and
 * drops out of the journal. Found by fuzz-entry.
 */
typedef struct {
  const char *name;
  const char *created;
  const char *modified;
  const char *expect_created;
  const char *expect_modified;
} JsonTimesCase;

/* "created" and "modified" are kept in UTC; one missing falls back on the
 * one before it, "created" on "start".
 */
static const JsonTimesCase json_times_cases[] = {
  { "same-text", "2026-03-01T10:30:00+01:00", "2026-03-01T10:30:00+01:00",
    "2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z" },
  { "edited-later", "2026-03-01T10:30:00+01:00", "2026-03-02T08:00:00+01:00",
    "2026-03-01T09:30:00Z", "2026-03-02T07:00:00Z" },
  { "same-instant-other-offset", "2026-03-01T10:30:00+01:00", "2026-03-01T09:30:00Z",
    "2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z" },
  { "no-modified", "2026-03-01T10:30:00+01:00", NULL,
    "2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z" },
  { "neither", NULL, NULL, "2026-03-01T08:00:00Z", "2026-03-01T08:00:00Z" },
};

static void
test_entry_json_times (gconstpointer data)
{
  const JsonTimesCase *c = data;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "uuid", "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b");
  json_object_set_string_member (object, "start", "2026-03-01T09:00:00+01:00");
  if (c->created != NULL)
    json_object_set_string_member (object, "created", c->created);
  if (c->modified != NULL)
    json_object_set_string_member (object, "modified", c->modified);

  entry = lento_entry_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_utc_offset (lento_entry_get_created (entry)), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (lento_entry_get_modified (entry)), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (lento_entry_get_start (entry)), ==,
                   G_TIME_SPAN_HOUR);

  back = lento_entry_to_json (entry);
  g_assert_cmpstr (json_object_get_string_member (back, "created"), ==, c->expect_created);
  g_assert_cmpstr (json_object_get_string_member (back, "modified"), ==, c->expect_modified);
}

static void
test_entry_json_early_year (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("0291-03-03T21:04:00+01:00", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 ("0291-03-03T20:00:00.5Z", NULL);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(LentoEntry) back = NULL;
  g_autoptr(GError) error = NULL;

  lento_entry_set_modified (entry, created);
  object = lento_entry_to_json (entry);
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==,
                   "0291-03-03T21:04:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (object, "modified"), ==,
                   "0291-03-03T20:00:00.500000Z");

  back = lento_entry_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (lento_entry_equal (entry, back));
}

/* The journal keeps an entry's JSON while its revision stays the same:
 * every way of changing an entry must change the revision.
 */
typedef struct
{
  const char *name;
  void      (*change) (LentoEntry *entry);
  const char *member;
  gboolean    moves_on;    /* doing it again is another change */
} ChangeCase;

static void
change_start (LentoEntry *entry)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-04T08:00:00Z", NULL);

  lento_entry_set_start (entry, start);
}

static void
change_touch (LentoEntry *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2027-01-01T00:00:00Z", NULL);

  lento_entry_touch (entry, now);
}

static void change_kind (LentoEntry *e) { lento_entry_set_kind (e, LENTO_ENTRY_KIND_CLINICIAN_NOTE); }
static void change_stage (LentoEntry *e) { lento_entry_set_stage (e, "week4"); }
static void change_tool (LentoEntry *e) { lento_entry_set_tool (e, "tool-b"); }
static void change_diameter (LentoEntry *e) { lento_entry_set_diameter (e, 25.0); }
static void change_lube (LentoEntry *e) { lento_entry_set_lube (e, "lube-silicone"); }
static void change_duration (LentoEntry *e) { lento_entry_set_duration (e, 1800); }
static void change_wear (LentoEntry *e) { lento_entry_set_wear (e, 600); }
static void change_resistance (LentoEntry *e) { lento_entry_set_resistance (e, LENTO_RESISTANCE_NONE); }
static void change_comfort (LentoEntry *e) { lento_entry_set_comfort (e, 9); }
static void change_pain (LentoEntry *e) { lento_entry_set_pain (e, 6); }
static void change_sharp_pain (LentoEntry *e) { lento_entry_set_sharp_pain (e, TRUE); }
static void change_bleeding (LentoEntry *e) { lento_entry_set_bleeding (e, LENTO_BLEEDING_NONE); }
static void change_urge_faded (LentoEntry *e) { lento_entry_set_urge_faded (e, 8); }
static void change_relaxation (LentoEntry *e) { lento_entry_set_relaxation (e, 3); }
static void change_notes (LentoEntry *e) { lento_entry_set_notes (e, "Shorter today."); }

static void
change_tags (LentoEntry *entry)
{
  const char *tags[] = { "morning", NULL };

  lento_entry_set_tags (entry, tags);
}

static const ChangeCase change_cases[] = {
  { "start", change_start, "start" },
  { "touch", change_touch, "modified", TRUE },
  { "kind", change_kind, "kind" },
  { "stage", change_stage, "stage" },
  { "tool", change_tool, "tool" },
  { "diameter", change_diameter, "diameter_mm" },
  { "lube", change_lube, "lube" },
  { "duration", change_duration, "duration_s" },
  { "wear", change_wear, "wear_s" },
  { "resistance", change_resistance, "resistance" },
  { "comfort", change_comfort, "comfort" },
  { "pain", change_pain, "pain" },
  { "sharp-pain", change_sharp_pain, "sharp_pain" },
  { "bleeding", change_bleeding, "bleeding" },
  { "urge-faded", change_urge_faded, "urge_faded_min" },
  { "relaxation", change_relaxation, "relaxation" },
  { "notes", change_notes, "notes" },
  { "tags", change_tags, "tags" },
};

static void
test_entry_revision_follows_changes (gconstpointer data)
{
  const ChangeCase *change = data;
  g_autoptr(LentoEntry) entry = make_full_entry ();
  g_autoptr(JsonObject) before = lento_entry_to_json (entry);
  g_autoptr(JsonObject) after = NULL;
  guint64 revision = lento_entry_get_revision (entry);
  JsonNode *old_member;
  JsonNode *new_member;

  /* Reading does not change it. */
  g_clear_pointer (&after, json_object_unref);
  after = lento_entry_to_json (entry);
  g_assert_cmpuint (lento_entry_get_revision (entry), ==, revision);

  change->change (entry);
  g_assert_cmpuint (lento_entry_get_revision (entry), !=, revision);

  /* And the change is in what is written. */
  g_clear_pointer (&after, json_object_unref);
  after = lento_entry_to_json (entry);
  old_member = json_object_get_member (before, change->member);
  new_member = json_object_get_member (after, change->member);
  g_assert_nonnull (new_member);
  g_assert_true (old_member == NULL || !json_node_equal (old_member, new_member));

  /* Setting the same value again is no change; touching always is. */
  revision = lento_entry_get_revision (entry);
  change->change (entry);
  if (change->moves_on)
    g_assert_cmpuint (lento_entry_get_revision (entry), !=, revision);
  else
    g_assert_cmpuint (lento_entry_get_revision (entry), ==, revision);
}

static void
test_entry_json_unknown_members (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\","
    "\"start\":\"2026-10-31T23:30:00+02:00\","
    "\"diameter_mm\":19,"
    "\"heart_rate\":{\"min\":58,\"max\":71},"
    "\"resistance\":\"wobbly\","
    "\"future_flags\":[1,2,3]}");
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(JsonObject) written_after_edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  JsonObject *heart;

  entry = lento_entry_new_from_json (object, &error);
  g_assert_no_error (error);

  /* A value this version cannot read is taken the cautious way. */
  g_assert_cmpint (lento_entry_get_resistance (entry), ==, LENTO_RESISTANCE_STRONG);
  g_assert_cmpfloat (lento_entry_get_diameter (entry), ==, 19.0);
  month = lento_entry_dup_month (entry);
  g_assert_cmpstr (month, ==, "2026-10");

  written = lento_entry_to_json (entry);
  g_assert_cmpstr (json_object_get_string_member (written, "resistance"), ==, "wobbly");
  heart = json_object_get_object_member (written, "heart_rate");
  g_assert_nonnull (heart);
  g_assert_cmpint (json_object_get_int_member (heart, "max"), ==, 71);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (written,
                                                                           "future_flags")),
                    ==, 3);

  /* Once the person changes the value, theirs is written. */
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_NONE);
  written_after_edit = lento_entry_to_json (entry);
  g_assert_cmpstr (json_object_get_string_member (written_after_edit, "resistance"), ==, "none");
  g_assert_true (json_object_has_member (written_after_edit, "heart_rate"));
}

static void
test_entry_copy_equal (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\","
    "\"start\":\"2026-10-31T23:30:00Z\",\"extra\":true,\"bleeding\":\"gushing\"}");
  g_autoptr(LentoEntry) entry = lento_entry_new_from_json (object, NULL);
  g_autoptr(LentoEntry) copy = NULL;
  g_autoptr(LentoEntry) full = make_full_entry ();
  g_autoptr(LentoEntry) full_copy = lento_entry_copy (full);
  g_autoptr(JsonObject) written = NULL;

  g_assert_nonnull (entry);
  copy = lento_entry_copy (entry);
  g_assert_true (lento_entry_equal (entry, copy));
  g_assert_cmpstr (lento_entry_get_uuid (entry), ==, lento_entry_get_uuid (copy));
  g_assert_true (lento_entry_equal (full, full_copy));

  /* Changing the copy leaves the original alone, unknown members included. */
  lento_entry_set_bleeding (copy, LENTO_BLEEDING_NONE);
  g_assert_false (lento_entry_equal (entry, copy));
  written = lento_entry_to_json (entry);
  g_assert_cmpstr (json_object_get_string_member (written, "bleeding"), ==, "gushing");

  lento_entry_set_notes (full_copy, "changed");
  g_assert_false (lento_entry_equal (full, full_copy));
}

typedef struct {
  const char *name;
  const char *json;
} BadJsonCase;

static const BadJsonCase bad_json_cases[] = {
  { "no-uuid", "{\"start\":\"2026-10-31T23:30:00Z\"}" },
  { "bad-uuid", "{\"uuid\":\"hello\",\"start\":\"2026-10-31T23:30:00Z\"}" },
  { "no-start", "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\"}" },
  { "start-no-offset",
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\",\"start\":\"2026-10-31T23:30:00\"}" },
  { "comfort-string",
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\",\"start\":\"2026-10-31T23:30:00Z\","
    "\"comfort\":\"seven\"}" },
  { "duration-negative",
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\",\"start\":\"2026-10-31T23:30:00Z\","
    "\"duration_s\":-5}" },
  { "tags-not-strings",
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\",\"start\":\"2026-10-31T23:30:00Z\","
    "\"tags\":[1]}" },
  { "sharp-pain-number",
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\",\"start\":\"2026-10-31T23:30:00Z\","
    "\"sharp_pain\":1}" },
};

static void
test_entry_json_bad (gconstpointer data)
{
  const BadJsonCase *c = data;
  g_autoptr(JsonObject) object = parse_object (c->json);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoEntry) entry = NULL;

  entry = lento_entry_new_from_json (object, &error);
  g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_ENTRY);
  g_assert_null (entry);
}

typedef struct {
  const char *name;
  LentoEntryKind kind;
  double diameter;
  guint duration;
  guint wear;
  int comfort;
  int pain;
  int relaxation;
  int urge_faded;
  int start_offset_min;
  gboolean valid;
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "ok", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, 7, 0, 6, 5, -60, TRUE },
  { "ok-unset-scores", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, -1, -1, -1, -1, -60, TRUE },
  { "ok-wear-equals-duration", LENTO_ENTRY_KIND_SESSION, 20.0, 900, 900, 10, 10, 0, 15, -60,
    TRUE },
  { "ok-rest-without-size", LENTO_ENTRY_KIND_REST, 0.0, 0, 0, -1, 0, -1, -1, -60, TRUE },
  { "wear-beyond-duration", LENTO_ENTRY_KIND_SESSION, 20.0, 600, 601, 7, 0, 6, -1, -60, FALSE },
  { "future-start", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, 7, 0, 6, -1, 5, FALSE },
  { "comfort-high", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, 11, 0, 6, -1, -60, FALSE },
  { "comfort-low", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, -2, 0, 6, -1, -60, FALSE },
  { "pain-high", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, 7, 12, 6, -1, -60, FALSE },
  { "relaxation-high", LENTO_ENTRY_KIND_SESSION, 20.0, 1200, 900, 7, 0, 11, -1, -60, FALSE },
  { "diameter-zero", LENTO_ENTRY_KIND_SESSION, 0.0, 1200, 900, 7, 0, 6, -1, -60, FALSE },
  { "diameter-negative", LENTO_ENTRY_KIND_REST, -3.0, 0, 0, -1, 0, -1, -1, -60, FALSE },
  { "diameter-100", LENTO_ENTRY_KIND_SESSION, 100.0, 1200, 900, 7, 0, 6, -1, -60, FALSE },
  { "diameter-99", LENTO_ENTRY_KIND_SESSION, 99.9, 1200, 900, 7, 0, 6, -1, -60, TRUE },
  { "urge-after-end", LENTO_ENTRY_KIND_SESSION, 20.0, 600, 300, 7, 0, 6, 11, -60, FALSE },
};

static void
test_entry_validate (gconstpointer data)
{
  const ValidateCase *c = data;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T10:00:00Z", NULL);
  g_autoptr(GDateTime) start = g_date_time_add_minutes (now, c->start_offset_min);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  lento_entry_set_kind (entry, c->kind);
  lento_entry_set_diameter (entry, c->diameter);
  lento_entry_set_duration (entry, c->duration);
  lento_entry_set_wear (entry, c->wear);
  lento_entry_set_comfort (entry, c->comfort);
  lento_entry_set_pain (entry, c->pain);
  lento_entry_set_relaxation (entry, c->relaxation);
  lento_entry_set_urge_faded (entry, c->urge_faded);

  ok = lento_entry_validate (entry, now, &error);
  g_assert_cmpint (ok, ==, c->valid);
  if (c->valid)
    {
      g_assert_no_error (error);
    }
  else
    {
      g_assert_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_ENTRY);
      /* Each message says what to do, in a full sentence. */
      g_assert_true (g_str_has_suffix (error->message, "."));
    }
}

static void
test_entry_touch_moves_forward (void)
{
  g_autoptr(LentoEntry) entry = lento_entry_new (NULL);
  g_autoptr(GDateTime) before = g_date_time_ref (lento_entry_get_modified (entry));
  g_autoptr(GDateTime) past = g_date_time_new_from_iso8601 ("2001-01-01T00:00:00Z", NULL);

  /* A clock that went back must not make an edit look older. */
  lento_entry_touch (entry, past);
  g_assert_cmpint (g_date_time_compare (lento_entry_get_modified (entry), before), >, 0);
  g_assert_true (g_date_time_equal (lento_entry_get_created (entry), before));
}

static void
test_entry_enum_strings (void)
{
  LentoResistance r;
  LentoBleeding b;
  LentoEntryKind k;

  g_assert_true (lento_resistance_from_string ("moderate", &r));
  g_assert_cmpint (r, ==, LENTO_RESISTANCE_MODERATE);
  g_assert_false (lento_resistance_from_string ("Moderate", &r));
  g_assert_true (lento_bleeding_from_string ("significant", &b));
  g_assert_cmpint (b, ==, LENTO_BLEEDING_SIGNIFICANT);
  g_assert_true (lento_entry_kind_from_string ("clinician-note", &k));
  g_assert_cmpint (k, ==, LENTO_ENTRY_KIND_CLINICIAN_NOTE);
  g_assert_cmpstr (lento_bleeding_to_string (LENTO_BLEEDING_SPOTTING), ==, "spotting");
  g_assert_cmpstr (lento_resistance_get_label (LENTO_RESISTANCE_STRONG), ==, "Strong");
}

static void
test_entry_json_compact_output (void)
{
  g_autoptr(LentoEntry) entry = lento_entry_new (NULL);
  g_autoptr(JsonObject) object = lento_entry_to_json (entry);
  g_autofree char *text = object_to_string (object);

  /* Unrecorded scores are left out rather than written as -1. */
  g_assert_false (json_object_has_member (object, "comfort"));
  g_assert_false (json_object_has_member (object, "urge_faded_min"));
  g_assert_false (json_object_has_member (object, "relaxation"));
  g_assert_false (json_object_has_member (object, "pain"));
  g_assert_false (json_object_has_member (object, "resistance"));
  g_assert_null (strstr (text, ":-1"));
  g_assert_null (strstr (text, "unset"));
}

/* How it felt starts unanswered, stays unanswered through JSON, and an
 * answer of "none" or 0 is kept as the answer it is.
 */
static void
test_entry_how_it_felt_unanswered (void)
{
  g_autoptr(LentoEntry) entry = lento_entry_new (NULL);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) answered_object = NULL;
  g_autoptr(JsonObject) older = parse_object (
    "{\"uuid\":\"8a6f2c52-4d0b-4bb5-9e3c-2f1f1a0e7d11\","
    "\"start\":\"2026-10-31T23:30:00Z\",\"resistance\":\"none\",\"pain\":0,"
    "\"comfort\":6}");
  g_autoptr(LentoEntry) back = NULL;
  g_autoptr(LentoEntry) answered_back = NULL;
  g_autoptr(LentoEntry) older_entry = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_cmpint (lento_entry_get_comfort (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_pain (entry), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_resistance (entry), ==, LENTO_RESISTANCE_UNSET);
  g_assert_false (lento_entry_has_how_it_felt (entry));

  /* The property says the same, so bindings start unanswered too. */
  g_value_init (&value, LENTO_TYPE_RESISTANCE);
  g_object_get_property (G_OBJECT (entry), "resistance", &value);
  g_assert_cmpint (g_value_get_enum (&value), ==, LENTO_RESISTANCE_UNSET);
  g_value_unset (&value);

  object = lento_entry_to_json (entry);
  back = lento_entry_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (lento_entry_equal (entry, back));
  g_assert_cmpint (lento_entry_get_pain (back), ==, LENTO_ENTRY_UNSET);
  g_assert_cmpint (lento_entry_get_resistance (back), ==, LENTO_RESISTANCE_UNSET);

  /* Each answer counts only once all three are there. */
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_NONE);
  g_assert_false (lento_entry_has_how_it_felt (entry));
  lento_entry_set_pain (entry, 0);
  g_assert_false (lento_entry_has_how_it_felt (entry));
  lento_entry_set_comfort (entry, 0);
  g_assert_true (lento_entry_has_how_it_felt (entry));

  answered_object = lento_entry_to_json (entry);
  g_assert_cmpstr (json_object_get_string_member (answered_object, "resistance"), ==, "none");
  g_assert_cmpint (json_object_get_int_member (answered_object, "pain"), ==, 0);
  answered_back = lento_entry_new_from_json (answered_object, &error);
  g_assert_no_error (error);
  g_assert_true (lento_entry_equal (entry, answered_back));
  g_assert_true (lento_entry_has_how_it_felt (answered_back));

  /* Answers written by an earlier Lento are read as the answers they were. */
  older_entry = lento_entry_new_from_json (older, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lento_entry_get_resistance (older_entry), ==, LENTO_RESISTANCE_NONE);
  g_assert_cmpint (lento_entry_get_pain (older_entry), ==, 0);
  g_assert_true (lento_entry_has_how_it_felt (older_entry));

  /* Back to unanswered: the members go away again. */
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_UNSET);
  lento_entry_set_pain (entry, LENTO_ENTRY_UNSET);
  g_clear_pointer (&answered_object, json_object_unref);
  answered_object = lento_entry_to_json (entry);
  g_assert_false (json_object_has_member (answered_object, "resistance"));
  g_assert_false (json_object_has_member (answered_object, "pain"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/entry/new-destroy", test_entry_new_destroy);
  g_test_add_func ("/lento/entry/unique-uuid", test_entry_unique_uuid);
  g_test_add_func ("/lento/entry/notify-only-on-change", test_entry_notify_only_on_change);
  g_test_add_func ("/lento/entry/json-round-trip", test_entry_json_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (json_times_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/entry/json-times/%s",
                                               json_times_cases[i].name);
      g_test_add_data_func (path, &json_times_cases[i], test_entry_json_times);
    }
  g_test_add_func ("/lento/entry/json-early-year", test_entry_json_early_year);
  g_test_add_func ("/lento/entry/json-unknown-members", test_entry_json_unknown_members);
  g_test_add_func ("/lento/entry/json-compact-output", test_entry_json_compact_output);
  g_test_add_func ("/lento/entry/how-it-felt-unanswered", test_entry_how_it_felt_unanswered);
  g_test_add_func ("/lento/entry/copy-equal", test_entry_copy_equal);
  for (guint i = 0; i < G_N_ELEMENTS (change_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/entry/revision-follows-changes/%s",
                                               change_cases[i].name);

      g_test_add_data_func (path, &change_cases[i], test_entry_revision_follows_changes);
    }
  g_test_add_func ("/lento/entry/touch-moves-forward", test_entry_touch_moves_forward);
  g_test_add_func ("/lento/entry/enum-strings", test_entry_enum_strings);

  for (guint i = 0; i < G_N_ELEMENTS (bad_json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/entry/json-bad/%s", bad_json_cases[i].name);
      g_test_add_data_func (path, &bad_json_cases[i], test_entry_json_bad);
    }

  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/entry/validate/%s", validate_cases[i].name);
      g_test_add_data_func (path, &validate_cases[i], test_entry_validate);
    }

  return g_test_run ();
}
