/* lento-coach-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-coach.h"
#include "lento-recommendation-private.h"

G_BEGIN_DECLS

/* What the coach works on while it decides. lento-coach.c holds the rules;
 * lento-coach-week.c lays the week ahead out over the same journal.
 */

typedef struct {
  LentoEntry *entry;
  guint       day;
} Item;

typedef struct {
  LentoProgram             *program;
  const LentoProgramRules  *rules;
  LentoInventory           *inventory;
  GPtrArray                *ladder;    /* LentoTool, smallest first */
  GPtrArray                *fingers;   /* LentoTool, smallest first */
  GArray                   *sessions;  /* Item, newest first */
  GArray                   *older;     /* Item: the sessions given from before the
                                        * complete days, newest first (early answers) */
  GArray                   *others;    /* Item: rest days and clinician notes */
  guint                     horizon;   /* first Julian day whose sessions are all in
                                        * @sessions, or 0 for the whole journal */
  gboolean                  undecided; /* a rule needed what an early answer lacks */
  guint                     today;
  guint                     weekdays;
  guint                     skipped;    /* Julian day, or 0 */
  int                       stage;      /* where the plan stands */
  int                       placed;     /* the session that places it there, or -1 */
  LentoRecommendation      *rec;
} Coach;

typedef enum {
  TODAY_SESSION,
  TODAY_REST_RULE,
  TODAY_DONE,
  TODAY_NOT_PLANNED,
  TODAY_BETWEEN,
  TODAY_WEEK_FULL,
  TODAY_SKIPPED,
} TodayCause;

static inline void
julian_to_date (guint  julian,
                GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

static inline Item *
session_at (Coach *coach,
            guint  index)
{
  return &g_array_index (coach->sessions, Item, index);
}

/* Whether there is a session @index, newest first. Asked past the
 * sessions it has when it decides early and was given older ones, the
 * coach cannot tell: its answer is then undecided, whatever it goes on to
 * find. (Given none, there are none: the oldest always is.)
 */
static inline gboolean
has_session (Coach *coach,
             guint  index)
{
  if (index < coach->sessions->len)
    return TRUE;
  if (coach->older->len > 0)
    coach->undecided = TRUE;
  return FALSE;
}

guint      _lento_coach_sessions_between (Coach    *coach,
                                          guint     first,
                                          guint     last);
TodayCause _lento_coach_plan_days        (Coach    *coach,
                                          guint     rest_until,
                                          gboolean  paused);
char      *_lento_coach_format_day       (guint     julian);

G_END_DECLS
