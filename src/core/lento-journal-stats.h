/* lento-journal-stats.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-entry.h"

G_BEGIN_DECLS

/* One ISO week of practice. Weeks without any entry between the first and
 * the last are included, so that a chart shows the gaps.
 */
typedef struct
{
  int      iso_year;
  int      iso_week;
  GDate    monday;              /* first day of the week, in the entries' own offsets */
  guint    sessions;
  guint    rests;
  double   wear_minutes;
  double   largest_diameter;    /* mm; 0 when there was no session */
  guint    painful_sessions;    /* pain above 0 or sharp pain */
  guint    bleeding_sessions;   /* any bleeding */
  gboolean target_met;          /* at least the target's lower bound */
  gboolean above_target;        /* more than the target's upper bound */
} LentoWeekStats;

/* One size, by diameter rounded to a tenth of a millimetre. */
typedef struct
{
  double          diameter;
  guint           sessions;
  double          wear_minutes;
  double          average_comfort;   /* LENTO_ENTRY_UNSET when never recorded */
  LentoResistance last_resistance;   /* the latest recorded at this size, or UNSET */
  gint64          first_start;       /* Unix time of the first session at this size */
  gint64          last_start;        /* Unix time of the latest session at this size */
} LentoSizeStats;

GArray *lento_journal_stats_by_week (GListModel *entries,
                                     guint       target_min,
                                     guint       target_max);
GArray *lento_journal_stats_by_size (GListModel *entries);
void    lento_journal_stats_week_of (GDateTime  *when,
                                     int        *iso_year,
                                     int        *iso_week,
                                     GDate      *monday);

G_END_DECLS
