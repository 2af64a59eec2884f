/* lento-sample-data.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-sample-data"

#include "config.h"

#include <string.h>

#include "lento-sample-data.h"

/* Realistic journals for tests, screenshots and benchmarks: sizes that
 * climb slowly, plateaus, rests, a few sessions with pain followed by a
 * step back, notes in several scripts. The same seed always gives the
 * same journal, UUIDs included.
 */

static const struct {
  const char *id;
  const char *name;
  double      diameter;
} ladder[] = {
  { "sample-finger", "Little finger", 12.0 },
  { "sample-trainer-1", "Trainer set, size 1", 16.0 },
  { "sample-trainer-2", "Trainer set, size 2", 19.0 },
  { "sample-trainer-3", "Trainer set, size 3", 22.0 },
  { "sample-trainer-4", "Trainer set, size 4", 25.0 },
  { "sample-dilator-5", "Glass dilator, 28 mm", 28.0 },
  { "sample-dilator-6", "Glass dilator, 31 mm", 31.0 },
  { "sample-dilator-7", "Glass dilator, 34 mm", 34.0 },
};

static const char * const notes[] = {
  "Calm evening, the breathing made it easy.",
  "The urge faded after about six minutes.",
  "Tense at first; a warm shower beforehand helped.",
  "Plateau at this size, staying here for a few days.",
  "Épreuve réussie, très détendu ce soir.",
  "Ging heute ruhig, kein Druck. Straße laut, trotzdem entspannt.",
  "Slight sting at the start, gone after a minute of breathing.",
  "Felt full but comfortable 🙂",
  "נשימה איטית עזרה מאוד",
  "هادئ اليوم، بدون ألم",
  "Wore the small trainer while reading, which went well.",
  "Stopped early: \"not today\", and that is fine.",
  "Used more lube, much smoother, no resistance.",
};

static const char * const tag_pool[] = {
  "evening", "morning", "after shower", "calm", "tired", "plateau", "new size",
};

static char *
random_uuid (GRand *rand)
{
  guint32 words[4];

  for (guint i = 0; i < 4; i++)
    words[i] = g_rand_int (rand);

  /* A version 4 UUID, with the version and variant bits in place. */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          words[0], words[1] >> 16, words[1] & 0x0fff,
                          (words[2] >> 16 & 0x3fff) | 0x8000, words[2] & 0xffff, words[3]);
}

/**
 * lento_sample_entries_new:
 * @n_entries: how many entries
 * @years: over how many years, ending at @end
 * @seed: the same seed gives the same entries
 * @end: (nullable): the start of the last entry; %NULL for now
 *
 * Returns: (transfer full) (element-type LentoEntry): the entries, oldest first
 */
GPtrArray *
lento_sample_entries_new (guint      n_entries,
                          guint      years,
                          guint32    seed,
                          GDateTime *end)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) winter = g_time_zone_new_offset (3600);
  g_autoptr(GTimeZone) summer = g_time_zone_new_offset (7200);
  gint64 span;
  int step = 0;
  guint sessions_at_step = 0;

  g_return_val_if_fail (years > 0, NULL);

  last = end != NULL ? g_date_time_ref (end) : g_date_time_new_now_local ();
  span = (gint64)years * 365 * G_TIME_SPAN_DAY;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) created = NULL;
      g_autofree char *uuid = random_uuid (rand);
      double progress = n_entries > 1 ? (double)i / (n_entries - 1) : 1.0;
      GTimeSpan back = (GTimeSpan)((1.0 - progress) * span);
      LentoEntry *entry;
      int month;
      guint roll = g_rand_int_range (rand, 0, 1000);
      guint wear_min;

      /* Sessions happen in the evening, some a little earlier; never after @end. */
      utc = g_date_time_add_minutes (last, -(back / G_TIME_SPAN_MINUTE) -
                                           g_rand_int_range (rand, 0, 90));
      month = g_date_time_get_month (utc);
      start = g_date_time_to_timezone (utc, month >= 4 && month <= 10 ? summer : winter);

      wear_min = g_rand_int_range (rand, 5, 26);
      created = g_date_time_add_minutes (start, wear_min + 10);

      entry = g_object_new (LENTO_TYPE_ENTRY,
                            "uuid", uuid,
                            "created", created,
                            "start", start,
                            NULL);

      if (roll < 50)
        {
          lento_entry_set_kind (entry, LENTO_ENTRY_KIND_REST);
          lento_entry_set_notes (entry, "Rest day as planned.");
          g_ptr_array_add (entries, entry);
          continue;
        }
      if (roll < 53)
        {
          lento_entry_set_kind (entry, LENTO_ENTRY_KIND_CLINICIAN_NOTE);
          lento_entry_set_notes (entry, "Check-up went well; keep the slow pace.");
          g_ptr_array_add (entries, entry);
          continue;
        }

      /* The ladder climbs with time, never faster than the plan would. */
      {
        int target = (int)(progress * (G_N_ELEMENTS (ladder) - 1) + 0.35);

        if (target > step && sessions_at_step >= 3)
          {
            step++;
            sessions_at_step = 0;
          }
      }
      sessions_at_step++;

      /* The shipped plan's stages: the finger, the first trainer, the ladder. */
      lento_entry_set_stage (entry, step == 0 ? "outside-first"
                                    : step == 1 ? "first-trainer" : "size-ladder");
      lento_entry_set_tool (entry, ladder[step].id);
      lento_entry_set_diameter (entry, ladder[step].diameter);
      lento_entry_set_lube (entry, step >= 5 ? "sample-lube-silicone" : "sample-lube-water");
      lento_entry_set_wear (entry, wear_min * 60);
      lento_entry_set_duration (entry, (wear_min + g_rand_int_range (rand, 5, 11)) * 60);
      lento_entry_set_resistance (entry, sessions_at_step <= 2 ? LENTO_RESISTANCE_SLIGHT
                                                               : LENTO_RESISTANCE_NONE);
      lento_entry_set_pain (entry, 0);
      lento_entry_set_comfort (entry, g_rand_int_range (rand, sessions_at_step <= 2 ? 5 : 6, 10));
      lento_entry_set_relaxation (entry, g_rand_int_range (rand, 4, 10));
      lento_entry_set_urge_faded (entry, g_rand_boolean (rand)
                                         ? MIN ((int)wear_min, g_rand_int_range (rand, 3, 11))
                                         : LENTO_ENTRY_UNSET);

      if (roll < 113)
        {
          lento_entry_set_pain (entry, g_rand_int_range (rand, 1, 4));
          lento_entry_set_resistance (entry, LENTO_RESISTANCE_MODERATE);
        }
      else if (roll < 128)
        {
          /* Too fast: sharp pain, sometimes spotting; the next sessions step back. */
          lento_entry_set_pain (entry, g_rand_int_range (rand, 5, 8));
          lento_entry_set_sharp_pain (entry, TRUE);
          lento_entry_set_resistance (entry, LENTO_RESISTANCE_STRONG);
          lento_entry_set_comfort (entry, g_rand_int_range (rand, 1, 4));
          if (roll == 113)
            lento_entry_set_bleeding (entry, LENTO_BLEEDING_SIGNIFICANT);
          else if (roll < 118)
            lento_entry_set_bleeding (entry, LENTO_BLEEDING_SPOTTING);
          lento_entry_set_notes (entry, "Stopped: it hurt. Resting a few days, then one size back.");
          step = MAX (step - 1, 0);
          sessions_at_step = 0;
        }

      if (lento_entry_get_notes (entry) == NULL && g_rand_int_range (rand, 0, 10) < 4)
        lento_entry_set_notes (entry, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);

      if (g_rand_int_range (rand, 0, 10) < 3)
        {
          const char *tags[3] = { NULL };
          guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool));

          tags[0] = tag_pool[first];
          if (g_rand_boolean (rand))
            tags[1] = tag_pool[(first + 1 + g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool) - 1))
                               % G_N_ELEMENTS (tag_pool)];
          lento_entry_set_tags (entry, tags);
        }

      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * lento_journal_generate_sample:
 * @journal: a #LentoJournal
 * @n_entries: how many entries
 * @years: over how many years, ending at @end
 * @seed: the same seed gives the same entries
 * @end: (nullable): the start of the last entry; %NULL for now
 *
 * Adds generated entries to @journal.
 */
void
lento_journal_generate_sample (LentoJournal *journal,
                               guint         n_entries,
                               guint         years,
                               guint32       seed,
                               GDateTime    *end)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (LENTO_IS_JOURNAL (journal));

  entries = lento_sample_entries_new (n_entries, years, seed, end);

  /* Newest first, so each entry joins the end of the list. */
  for (guint i = 0; i < entries->len / 2; i++)
    {
      gpointer tmp = entries->pdata[i];

      entries->pdata[i] = entries->pdata[entries->len - 1 - i];
      entries->pdata[entries->len - 1 - i] = tmp;
    }
  lento_journal_merge (journal, entries);
}

/**
 * lento_sample_tool_names_new:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the sample tools' ids to names
 */
GHashTable *
lento_sample_tool_names_new (void)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    g_hash_table_insert (names, (gpointer)ladder[i].id, (gpointer)ladder[i].name);
  return names;
}

/**
 * lento_sample_inventory_fill:
 * @inventory: an inventory without the sample's tools
 *
 * Adds the sample journal's tools, all confirmed, and its water-based
 * lubricant.
 */
void
lento_sample_inventory_fill (LentoInventory *inventory)
{
  g_autoptr(LentoLube) lube = lento_lube_new ("sample-lube-water", "Water-based gel",
                                              LENTO_LUBE_KIND_WATER);

  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    {
      gboolean finger = i == 0;
      g_autoptr(LentoTool) tool = NULL;

      tool = lento_tool_new (ladder[i].id, ladder[i].name,
                             finger ? LENTO_TOOL_KIND_FINGER : LENTO_TOOL_KIND_TRAINER,
                             finger ? LENTO_MATERIAL_SKIN : LENTO_MATERIAL_SILICONE,
                             ladder[i].diameter, 0.0,
                             finger ? LENTO_FLARED_BASE_NO : LENTO_FLARED_BASE_YES);
      lento_tool_set_confirmed (tool, TRUE);
      g_assert_true (lento_inventory_add_tool (inventory, tool, NULL));
    }
  g_assert_true (lento_inventory_add_lube (inventory, lube, NULL));
}

/**
 * lento_sample_program_new:
 * @hold_days: days at each size on the ladder, or -1 for the shipped value
 * @warm_up_on_previous_size: whether a session warms up on the size below
 *
 * The shipped plan with its ladder paced otherwise, for example as a
 * clinical dilator programme is (two weeks per size and a warm-up).
 *
 * Returns: (transfer full): the plan
 */
LentoProgram *
lento_sample_program_new (int      hold_days,
                          gboolean warm_up_on_previous_size)
{
  g_autofree char *path = g_build_filename (g_getenv ("LENTO_SOURCE_DIR"), "data", "plan",
                                            "program.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *ladder_rules;
  LentoProgram *program;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  ladder_rules = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (root), "rules"), "ladder");
  if (hold_days >= 0)
    json_object_set_int_member (ladder_rules, "hold_days", hold_days);
  json_object_set_boolean_member (ladder_rules, "warm_up_on_previous_size", warm_up_on_previous_size);
  g_clear_pointer (&text, g_free);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  program = lento_program_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return program;
}
