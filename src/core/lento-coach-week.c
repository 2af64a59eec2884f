/* lento-coach-week.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-coach"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-coach-private.h"

/* A day as the coach's sentences name it, like “Thursday 12 March”. The
 * format is GLib's, not the C library's, so that %-d (the day without
 * padding) means the same everywhere; the names come from the locale.
 */
char *
_lento_coach_format_day (guint julian)
{
  g_autoptr(GDateTime) noon = NULL;
  char *text;
  GDate date;

  julian_to_date (julian, &date);
  noon = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date inside a sentence, like “Thursday 12 March”, in the form of
   * g_date_time_format(): %A is the weekday, %-d the day of the month without
   * padding, %B the month's name. Write it, and order it, as a date reads in your
   * language.
   */
  text = g_date_time_format (noon, C_("date in a sentence", "%A %-d %B"));

  /* A translated format GLib cannot read falls back to the English one. */
  return text != NULL ? text : g_date_time_format (noon, "%A %-d %B");
}

static gboolean
is_planned_weekday (Coach *coach,
                    guint  julian)
{
  GDate date;

  julian_to_date (julian, &date);
  return (coach->weekdays & (1u << g_date_get_weekday (&date))) != 0;
}

guint
_lento_coach_sessions_between (Coach *coach,
                               guint  first,
                               guint  last)
{
  guint count = 0;

  /* Days before the horizon may hold sessions an early answer lacks. */
  if (first < coach->horizon && coach->older->len > 0)
    coach->undecided = TRUE;

  for (guint i = 0; i < coach->sessions->len; i++)
    {
      guint day = session_at (coach, i)->day;

      if (day >= first && day <= last)
        count++;
    }

  return count;
}

/* The week ahead: rest until any rest the plan asks for is over, then the
 * person's own days, with rest days between and no more sessions in any
 * seven days than the plan's upper bound.
 */
TodayCause
_lento_coach_plan_days (Coach    *coach,
                        guint     rest_until,
                        gboolean  paused)
{
  const LentoProgramRules *rules = coach->rules;
  gboolean planned[LENTO_COACH_PLAN_DAYS] = { FALSE, };
  TodayCause cause = TODAY_SESSION;

  for (guint d = 0; d < LENTO_COACH_PLAN_DAYS; d++)
    {
      guint day = coach->today + d;
      LentoPlanDay plan_day;
      TodayCause day_cause = TODAY_SESSION;
      guint recent = 0;
      guint in_week;

      julian_to_date (day, &plan_day.date);

      for (guint back = 1; back <= rules->rest_days_between; back++)
        {
          recent += _lento_coach_sessions_between (coach, day - back, day - back);
          if (back <= d && planned[d - back])
            recent++;
        }

      in_week = _lento_coach_sessions_between (coach, day - 6, day - 1);
      for (guint back = 1; back <= 6 && back <= d; back++)
        if (planned[d - back])
          in_week++;

      if (paused || (rest_until != 0 && day <= rest_until))
        day_cause = TODAY_REST_RULE;
      else if (d == 0 && _lento_coach_sessions_between (coach, day, day) > 0)
        day_cause = TODAY_DONE;
      else if (day == coach->skipped)
        day_cause = TODAY_SKIPPED;
      else if (in_week >= rules->sessions_per_week_max)
        day_cause = TODAY_WEEK_FULL;
      else if (recent > 0)
        day_cause = TODAY_BETWEEN;
      else if (!is_planned_weekday (coach, day))
        day_cause = TODAY_NOT_PLANNED;

      /* Only days still to come are counted from here: a session already
       * done today is in the journal, and sessions_between counts it once.
       */
      planned[d] = day_cause == TODAY_SESSION;
      plan_day.kind = day_cause == TODAY_SESSION ? LENTO_PLAN_DAY_SESSION
                      : day_cause == TODAY_DONE ? LENTO_PLAN_DAY_DONE
                      : LENTO_PLAN_DAY_REST;
      if (d == 0)
        cause = day_cause;
      g_array_append_val (coach->rec->days, plan_day);
    }

  return cause;
}
