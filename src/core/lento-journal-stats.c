/* lento-journal-stats.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal-stats"

#include "config.h"

#include <math.h>

#include "lento-journal-stats.h"

/**
 * lento_journal_stats_week_of:
 * @when: a time
 * @iso_year: (out) (optional): the ISO week-numbering year
 * @iso_week: (out) (optional): the ISO week, 1 to 53
 * @monday: (out) (optional): the Monday that starts the week
 *
 * Finds the week of @when in its own offset, the way the journal groups
 * entries under week headers.
 */
void
lento_journal_stats_week_of (GDateTime *when,
                             int       *iso_year,
                             int       *iso_week,
                             GDate     *monday)
{
  g_return_if_fail (when != NULL);

  if (iso_year != NULL)
    *iso_year = g_date_time_get_week_numbering_year (when);
  if (iso_week != NULL)
    *iso_week = g_date_time_get_week_of_year (when);
  if (monday != NULL)
    {
      g_date_clear (monday, 1);
      g_date_set_dmy (monday,
                      g_date_time_get_day_of_month (when),
                      g_date_time_get_month (when),
                      g_date_time_get_year (when));
      g_date_subtract_days (monday, g_date_time_get_day_of_week (when) - 1);
    }
}

static LentoWeekStats *
week_for (GArray     *weeks,
          GHashTable *index,
          GDateTime  *start)
{
  LentoWeekStats week = { 0 };
  gpointer found;
  guint julian;

  lento_journal_stats_week_of (start, &week.iso_year, &week.iso_week, &week.monday);
  julian = g_date_get_julian (&week.monday);

  if (g_hash_table_lookup_extended (index, GUINT_TO_POINTER (julian), NULL, &found))
    return &g_array_index (weeks, LentoWeekStats, GPOINTER_TO_UINT (found));

  g_array_append_val (weeks, week);
  g_hash_table_insert (index, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (weeks->len - 1));
  return &g_array_index (weeks, LentoWeekStats, weeks->len - 1);
}

static int
compare_weeks (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (&((const LentoWeekStats *)a)->monday,
                         &((const LentoWeekStats *)b)->monday);
}

/**
 * lento_journal_stats_by_week:
 * @entries: a list model of #LentoEntry, in any order
 * @target_min: the fewest sessions a week that meet the plan's target
 * @target_max: the most sessions a week the plan suggests
 *
 * Counts sessions, wear time and the largest size per ISO week, oldest
 * week first, with empty weeks between the first and the last included.
 *
 * Returns: (transfer full) (element-type LentoWeekStats): the weeks
 */
GArray *
lento_journal_stats_by_week (GListModel *entries,
                             guint       target_min,
                             guint       target_max)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) filled = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (target_min <= target_max, NULL);

  index = g_hash_table_new (NULL, NULL);
  weeks = g_array_new (FALSE, TRUE, sizeof (LentoWeekStats));
  n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);
      LentoWeekStats *week = week_for (weeks, index, lento_entry_get_start (entry));

      switch (lento_entry_get_kind (entry))
        {
        case LENTO_ENTRY_KIND_SESSION:
          week->sessions++;
          week->wear_minutes += lento_entry_get_wear (entry) / 60.0;
          week->largest_diameter = MAX (week->largest_diameter, lento_entry_get_diameter (entry));
          if (lento_entry_get_pain (entry) > 0 || lento_entry_get_sharp_pain (entry))
            week->painful_sessions++;
          if (lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE)
            week->bleeding_sessions++;
          break;

        case LENTO_ENTRY_KIND_REST:
          week->rests++;
          break;

        case LENTO_ENTRY_KIND_CLINICIAN_NOTE:
        default:
          break;
        }
    }

  g_array_sort (weeks, compare_weeks);

  /* Fill the gaps, so that week i + 1 is always the week after week i. */
  filled = g_array_sized_new (FALSE, TRUE, sizeof (LentoWeekStats), weeks->len);
  for (guint i = 0; i < weeks->len; i++)
    {
      LentoWeekStats *week = &g_array_index (weeks, LentoWeekStats, i);

      if (filled->len > 0)
        {
          LentoWeekStats previous = g_array_index (filled, LentoWeekStats, filled->len - 1);
          GDate next = previous.monday;

          g_date_add_days (&next, 7);
          while (g_date_compare (&next, &week->monday) < 0)
            {
              LentoWeekStats empty = { 0 };
              GDate thursday = next;

              /* The Thursday of a week decides its ISO year. */
              g_date_add_days (&thursday, 3);
              empty.monday = next;
              empty.iso_year = g_date_get_year (&thursday);
              empty.iso_week = g_date_get_iso8601_week_of_year (&next);
              g_array_append_val (filled, empty);
              g_date_add_days (&next, 7);
            }
        }

      g_array_append_val (filled, *week);
    }

  for (guint i = 0; i < filled->len; i++)
    {
      LentoWeekStats *week = &g_array_index (filled, LentoWeekStats, i);

      week->target_met = week->sessions >= target_min;
      week->above_target = week->sessions > target_max;
    }

  return g_steal_pointer (&filled);
}

static int
compare_sizes (gconstpointer a,
               gconstpointer b)
{
  double da = ((const LentoSizeStats *)a)->diameter;
  double db = ((const LentoSizeStats *)b)->diameter;

  return (da > db) - (da < db);
}

/**
 * lento_journal_stats_by_size:
 * @entries: a list model of #LentoEntry, in any order
 *
 * Counts sessions per size, smallest first: how many, the wear time, the
 * average comfort recorded, and the resistance felt the last time it was
 * recorded. Values not recorded count for nothing, never as a zero.
 *
 * Returns: (transfer full) (element-type LentoSizeStats): the sizes
 */
GArray *
lento_journal_stats_by_size (GListModel *entries)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GArray) comfort_counts = NULL;
  g_autoptr(GArray) resistance_starts = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  index = g_hash_table_new (NULL, NULL);
  sizes = g_array_new (FALSE, TRUE, sizeof (LentoSizeStats));
  comfort_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  resistance_starts = g_array_new (FALSE, TRUE, sizeof (gint64));
  n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);
      double diameter = lento_entry_get_diameter (entry);
      gint64 start = g_date_time_to_unix (lento_entry_get_start (entry));
      LentoResistance resistance = lento_entry_get_resistance (entry);
      LentoSizeStats *size;
      gint64 *resistance_start;
      gpointer found;
      long key;

      if (lento_entry_get_kind (entry) != LENTO_ENTRY_KIND_SESSION || !(diameter > 0.0))
        continue;

      key = lround (diameter * 10.0);
      if (g_hash_table_lookup_extended (index, GINT_TO_POINTER (key), NULL, &found))
        {
          size = &g_array_index (sizes, LentoSizeStats, GPOINTER_TO_UINT (found));
        }
      else
        {
          LentoSizeStats fresh = { 0 };
          guint zero = 0;
          gint64 never = G_MININT64;

          fresh.diameter = key / 10.0;
          fresh.average_comfort = 0.0;
          fresh.last_resistance = LENTO_RESISTANCE_UNSET;
          fresh.first_start = G_MAXINT64;
          fresh.last_start = G_MININT64;
          g_array_append_val (sizes, fresh);
          g_array_append_val (comfort_counts, zero);
          g_array_append_val (resistance_starts, never);
          g_hash_table_insert (index, GINT_TO_POINTER (key), GUINT_TO_POINTER (sizes->len - 1));
          size = &g_array_index (sizes, LentoSizeStats, sizes->len - 1);
          found = GUINT_TO_POINTER (sizes->len - 1);
        }

      size->sessions++;
      size->wear_minutes += lento_entry_get_wear (entry) / 60.0;
      size->first_start = MIN (size->first_start, start);
      size->last_start = MAX (size->last_start, start);

      /* The newest answer; a session that gave none does not hide it. */
      resistance_start = &g_array_index (resistance_starts, gint64, GPOINTER_TO_UINT (found));
      if (resistance != LENTO_RESISTANCE_UNSET && start >= *resistance_start)
        {
          *resistance_start = start;
          size->last_resistance = resistance;
        }
      if (lento_entry_get_comfort (entry) != LENTO_ENTRY_UNSET)
        {
          /* A running sum here; divided into an average below. */
          size->average_comfort += lento_entry_get_comfort (entry);
          g_array_index (comfort_counts, guint, GPOINTER_TO_UINT (found))++;
        }
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      LentoSizeStats *size = &g_array_index (sizes, LentoSizeStats, i);
      guint count = g_array_index (comfort_counts, guint, i);

      size->average_comfort = count > 0 ? size->average_comfort / count : LENTO_ENTRY_UNSET;
    }

  g_array_sort (sizes, compare_sizes);
  return g_steal_pointer (&sizes);
}
