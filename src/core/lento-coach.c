/* lento-coach.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-coach"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lento-coach-private.h"

/* The coach is a pure function: the same journal, inventory, day and
 * settings always give the same recommendation. Days are Julian day numbers
 * of the calendar date each entry started on, in the time zone it was
 * recorded in, so that no clock and no time zone of this machine matters.
 */

/* What the next session is, before today's schedule is applied. */
typedef struct {
  LentoRecommendationKind  kind;
  int                      stage;
  int                      size;          /* ladder index; -1 for the smallest finger */
  gboolean                 warm_up_same;  /* warm up on the session's own, smaller size */
} Next;

void
lento_coach_settings_init (LentoCoachSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->weekdays = 0;
  g_date_clear (&settings->clinician_acknowledged, 1);
  g_date_clear (&settings->skipped, 1);
}

static guint
entry_day (LentoEntry *entry)
{
  GDateTime *start = lento_entry_get_start (entry);
  int year, month, day;
  GDate date;

  g_date_time_get_ymd (start, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Item *item_a = a;
  const Item *item_b = b;
  int order = g_date_time_compare (lento_entry_get_start (item_b->entry),
                                   lento_entry_get_start (item_a->entry));

  if (order != 0)
    return order;

  /* Two entries at the same instant still have one order. */
  return g_strcmp0 (lento_entry_get_uuid (item_b->entry), lento_entry_get_uuid (item_a->entry));
}

static void
add_reason_valist (Coach            *coach,
                   LentoReasonCode   code,
                   char             *text,
                   va_list           uuids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  LentoReason *reason = g_new0 (LentoReason, 1);

  for (LentoEntry *entry = va_arg (uuids, LentoEntry *); entry != NULL;
       entry = va_arg (uuids, LentoEntry *))
    g_strv_builder_add (builder, lento_entry_get_uuid (entry));

  reason->code = code;
  reason->text = text;
  reason->entries = g_strv_builder_end (builder);
  g_ptr_array_add (coach->rec->reasons, reason);
}

/* Takes @text; the entries behind the reason follow, ending with NULL. */
static void
add_reason (Coach           *coach,
            LentoReasonCode  code,
            char            *text,
            ...)
{
  va_list args;

  va_start (args, text);
  add_reason_valist (coach, code, text, args);
  va_end (args);
}

/* Takes @text; the entries behind the reason are sessions[first, first + count). */
static void
add_reason_sessions (Coach           *coach,
                     LentoReasonCode  code,
                     char            *text,
                     guint            first,
                     guint            count)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  LentoReason *reason = g_new0 (LentoReason, 1);

  for (guint i = first; i < first + count && has_session (coach, i); i++)
    g_strv_builder_add (builder, lento_entry_get_uuid (session_at (coach, i)->entry));

  reason->code = code;
  reason->text = text;
  reason->entries = g_strv_builder_end (builder);
  g_ptr_array_add (coach->rec->reasons, reason);
}

static LentoTool *
size_tool (Coach *coach,
           int    size)
{
  if (size >= 0 && (guint) size < coach->ladder->len)
    return g_ptr_array_index (coach->ladder, size);
  if (size < 0 && coach->fingers->len > 0)
    return g_ptr_array_index (coach->fingers, 0);
  return NULL;
}

/* A tool's place on the ladder, or -1 when it is not one of its sizes. */
static int
ladder_index (Coach      *coach,
              const char *tool_id)
{
  for (guint i = 0; i < coach->ladder->len; i++)
    if (g_strcmp0 (lento_tool_get_id (g_ptr_array_index (coach->ladder, i)), tool_id) == 0)
      return i;

  return -1;
}

/* Where on the ladder an entry was: by its tool when the tool is still a
 * size of the ladder, otherwise by its recorded diameter. -1 is below the
 * ladder, where the smallest finger stands in.
 */
static int
size_of_entry (Coach      *coach,
               LentoEntry *entry)
{
  const char *tool_id = lento_entry_get_tool (entry);
  double diameter = lento_entry_get_diameter (entry);
  LentoTool *tool = lento_inventory_find_tool (coach->inventory, tool_id);
  int size = ladder_index (coach, tool_id);

  if (size >= 0)
    return size;

  if (tool != NULL && lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER)
    return -1;

  if (diameter <= 0.0 && tool != NULL)
    diameter = lento_tool_get_diameter (tool);

  for (guint i = 0; i < coach->ladder->len; i++)
    if (lento_tool_get_diameter (g_ptr_array_index (coach->ladder, i)) <= diameter + 0.25)
      size = i;

  return size;
}

static int
size_down (Coach *coach,
           int    size,
           guint  steps)
{
  int target = size - (int) steps;

  if (target >= 0)
    return target;

  /* Below the first trainer the smallest finger stands in, if it is smaller. */
  if (coach->fingers->len > 0
      && (coach->ladder->len == 0
          || lento_tool_get_diameter (g_ptr_array_index (coach->fingers, 0))
             < lento_tool_get_diameter (g_ptr_array_index (coach->ladder, 0))))
    return -1;

  return MIN (size, 0);
}

static const char *
stage_id (Coach *coach,
          int    stage)
{
  return lento_program_get_stage_id (coach->program, stage);
}

static LentoStageTools
stage_tools (Coach *coach,
             int    stage)
{
  return lento_program_get_stage_tools (coach->program, stage_id (coach, stage));
}

static gboolean
is_injury (LentoEntry *entry)
{
  return lento_entry_get_sharp_pain (entry)
         || lento_entry_get_bleeding (entry) == LENTO_BLEEDING_SIGNIFICANT;
}

static gboolean
is_step_back_pain (Coach      *coach,
                   LentoEntry *entry)
{
  int pain = lento_entry_get_pain (entry);

  return pain != LENTO_ENTRY_UNSET && pain >= coach->rules->step_back_min_pain;
}

/* Pain below the step-back level: the size holds until sessions are calm again. */
static gboolean
is_sore (Coach      *coach,
         LentoEntry *entry)
{
  int pain = lento_entry_get_pain (entry);

  return pain != LENTO_ENTRY_UNSET && pain > coach->rules->advance_max_pain;
}

static gboolean
is_step_back_resistance (Coach      *coach,
                         LentoEntry *entry)
{
  return lento_entry_get_resistance (entry) >= coach->rules->step_back_min_resistance;
}

/* A session that counts towards moving on: easy, painless and long enough,
 * as the person said. One whose How It Felt was left unanswered is not.
 */
static gboolean
meets (LentoEntry      *entry,
       int              max_pain,
       LentoResistance  max_resistance,
       guint            wear_seconds)
{
  int pain = lento_entry_get_pain (entry);

  return lento_entry_has_how_it_felt (entry)
         && pain <= max_pain
         && lento_entry_get_resistance (entry) <= max_resistance
         && lento_entry_get_wear (entry) >= wear_seconds
         && !lento_entry_get_sharp_pain (entry)
         && lento_entry_get_bleeding (entry) == LENTO_BLEEDING_NONE;
}

static gboolean
last_meet (Coach           *coach,
           guint            count,
           int              max_pain,
           LentoResistance  max_resistance,
           guint            wear_seconds)
{
  for (guint i = 0; i < count; i++)
    if (!meets (session_at (coach, i)->entry, max_pain, max_resistance, wear_seconds))
      return FALSE;
  return TRUE;
}

/* The clinician rule: heavy bleeding, or bleeding that comes back within the
 * window, pauses progression until the person notes they have seen someone.
 * Anything on or before that day is acknowledged.
 */
static gboolean
check_clinician (Coach                    *coach,
                 const LentoCoachSettings *settings)
{
  const LentoProgramRules *rules = coach->rules;
  g_autoptr(GPtrArray) bleeding = g_ptr_array_new ();
  guint acknowledged = 0;
  guint count = rules->clinician_repeat_count;

  if (g_date_valid (&settings->clinician_acknowledged))
    acknowledged = g_date_get_julian (&settings->clinician_acknowledged);

  for (guint i = 0; i < coach->others->len; i++)
    {
      Item *item = &g_array_index (coach->others, Item, i);

      if (lento_entry_get_kind (item->entry) == LENTO_ENTRY_KIND_CLINICIAN_NOTE)
        acknowledged = MAX (acknowledged, item->day);
    }

  /* Every session, the older ones an early answer is given too: this rule
   * only reads those with bleeding or the heavy-bleeding tag, and those are
   * always among them.
   */
  for (guint i = 0; i < coach->sessions->len + coach->older->len; i++)
    {
      Item *item = i < coach->sessions->len
                   ? session_at (coach, i)
                   : &g_array_index (coach->older, Item, i - coach->sessions->len);

      if (item->day <= acknowledged)
        continue;

      if (lento_entry_has_tag (item->entry, rules->heavy_bleeding_tag))
        {
          add_reason (coach, LENTO_REASON_CLINICIAN_HEAVY_BLEEDING,
                      g_strdup (_("Heavy bleeding needs a clinician’s care. The plan pauses "
                                  "until you have seen one and noted it in Lento.")),
                      item->entry, NULL);
          return TRUE;
        }

      if (lento_entry_get_bleeding (item->entry) >= rules->clinician_repeat_min_bleeding)
        g_ptr_array_add (bleeding, item);
    }

  for (guint i = 0; i + count <= bleeding->len; i++)
    {
      Item *newest = g_ptr_array_index (bleeding, i);
      Item *oldest = g_ptr_array_index (bleeding, i + count - 1);

      if (newest->day - oldest->day < rules->clinician_repeat_days)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          LentoReason *reason = g_new0 (LentoReason, 1);
          guint window = rules->clinician_repeat_days;
          /* Translators: a number of days, like “14 days”. */
          g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day",
                                                                "%u days", window), window);

          for (guint j = i; j < i + count; j++)
            g_strv_builder_add (builder,
                                lento_entry_get_uuid (
                                  ((Item *) g_ptr_array_index (bleeding, j))->entry));

          reason->code = LENTO_REASON_CLINICIAN_REPEATED_BLEEDING;
          reason->text = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         /* Translators: how many sessions had bleeding, then a number of days,
                          * like “14 days”. */
                         "There was bleeding %u time within %s. Please see a clinician; "
                         "the plan pauses until you note in Lento that you have.",
                         "There was bleeding %u times within %s. Please see a clinician; "
                         "the plan pauses until you note in Lento that you have.",
                         count),
            count, days);
          reason->entries = g_strv_builder_end (builder);
          g_ptr_array_add (coach->rec->reasons, reason);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_finger_session (Coach      *coach,
                   LentoEntry *entry)
{
  LentoTool *tool = lento_inventory_find_tool (coach->inventory, lento_entry_get_tool (entry));

  return tool != NULL && lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER;
}

/* Whether a session is one of @stage's: recorded by the plan for it, or
 * typed in by hand (or from another plan) with a tool the stage works with.
 * A session without such a tool belongs to no stage: it still counts for
 * rest, pain and bleeding, but never towards moving on.
 */
static gboolean
belongs_to_stage (Coach      *coach,
                  LentoEntry *entry,
                  int         stage)
{
  int recorded = lento_program_find_stage (coach->program, lento_entry_get_stage (entry));

  if (recorded >= 0)
    return recorded == stage;

  switch (stage_tools (coach, stage))
    {
    case LENTO_STAGE_TOOLS_FINGER:
      return is_finger_session (coach, entry);
    case LENTO_STAGE_TOOLS_FIRST_SIZE:
      return is_finger_session (coach, entry)
             || ladder_index (coach, lento_entry_get_tool (entry)) == 0;
    case LENTO_STAGE_TOOLS_LADDER:
    case LENTO_STAGE_TOOLS_CURRENT:
      return ladder_index (coach, lento_entry_get_tool (entry)) >= 0;
    case LENTO_STAGE_TOOLS_NONE:
    default:
      return FALSE;
    }
}

/* The newest sessions in a row of one stage (and size). A run that goes on
 * to the oldest session an early answer has may go on before it: it is
 * @open, and only what it is at least is known.
 */
typedef struct {
  guint    count;
  gboolean open;
} Run;

/* The run of @stage's sessions, and with @size, only those at that size. */
static Run
run_of (Coach     *coach,
        int        stage,
        const int *size)
{
  Run run = { 0, FALSE };

  while (run.count < coach->sessions->len
         && belongs_to_stage (coach, session_at (coach, run.count)->entry, stage)
         && (size == NULL || size_of_entry (coach, session_at (coach, run.count)->entry) == *size))
    run.count++;
  run.open = run.count == coach->sessions->len && coach->older->len > 0;

  return run;
}

/* Whether @run holds at least @sessions sessions. */
static gboolean
run_reaches (Coach *coach,
             Run    run,
             guint  sessions)
{
  if (run.count >= sessions)
    return TRUE;
  if (run.open)
    coach->undecided = TRUE;
  return FALSE;
}

/* Whether @run began at least @days days ago. */
static gboolean
run_lasts (Coach *coach,
           Run    run,
           guint  days)
{
  if (run.count > 0 && coach->today - session_at (coach, run.count - 1)->day >= days)
    return TRUE;
  if (run.open)
    coach->undecided = TRUE;
  return FALSE;
}

/* The whole of @run, for what says how long it is. */
static guint
run_exactly (Coach *coach,
             Run    run)
{
  if (run.open)
    coach->undecided = TRUE;
  return run.count;
}

static char *
tool_label (LentoTool *tool)
{
  g_autofree char *diameter = lento_format_diameter (lento_tool_get_diameter (tool));

  /* Translators: a tool's name and its diameter, e.g. “Trainer 2 (18 mm)” */
  return g_strdup_printf (_("%s (%s)"), lento_tool_get_name (tool), diameter);
}

static gboolean
requirements_met (Coach             *coach,
                  LentoRequirements  requires)
{
  if ((requires & LENTO_REQUIRE_LUBE) && !lento_inventory_has_usable_lube (coach->inventory))
    return FALSE;
  if ((requires & LENTO_REQUIRE_FINGER) && coach->fingers->len == 0)
    return FALSE;
  if ((requires & LENTO_REQUIRE_TRAINER) && coach->ladder->len == 0)
    return FALSE;
  return TRUE;
}

/* Where the plan stands: at the stage of the newest session it recorded.
 * A session typed in by hand, or from another plan, never moves it to
 * another stage; only a journal without any session of this plan is placed
 * by the tools its sessions used. With nothing to go by, a person who has
 * sessions is past getting ready once that stage asks for nothing more.
 */
static void
place (Coach *coach)
{
  guint n_stages = lento_program_get_n_stages (coach->program);
  const LentoMoveOn *move_on;

  coach->stage = 0;
  coach->placed = -1;

  for (guint i = 0; has_session (coach, i); i++)
    {
      int stage = lento_program_find_stage (coach->program,
                                            lento_entry_get_stage (session_at (coach, i)->entry));

      if (stage >= 0)
        {
          coach->stage = stage;
          coach->placed = i;
          return;
        }
    }

  for (guint i = 0; has_session (coach, i); i++)
    for (guint stage = 0; stage < n_stages; stage++)
      if (belongs_to_stage (coach, session_at (coach, i)->entry, stage))
        {
          coach->stage = stage;
          coach->placed = i;
          return;
        }

  move_on = lento_program_get_stage_move_on (coach->program, stage_id (coach, 0));
  if (has_session (coach, 0) && n_stages > 1
      && stage_tools (coach, 0) == LENTO_STAGE_TOOLS_NONE
      && move_on != NULL && move_on->sessions == 0
      && requirements_met (coach, move_on->requires))
    coach->stage = 1;
}

static int
entry_size_for_stage (Coach *coach,
                      int    stage)
{
  LentoEntry *placed = coach->placed >= 0 ? session_at (coach, coach->placed)->entry : NULL;

  switch (stage_tools (coach, stage))
    {
    case LENTO_STAGE_TOOLS_FIRST_SIZE:
      /* The first trainer, or the finger below it after a step back. */
      if (coach->ladder->len == 0)
        return -1;
      if (placed != NULL && belongs_to_stage (coach, placed, stage))
        return MIN (size_of_entry (coach, placed), 0);
      return 0;
    case LENTO_STAGE_TOOLS_NONE:
    case LENTO_STAGE_TOOLS_FINGER:
      return -1;
    case LENTO_STAGE_TOOLS_LADDER:
    case LENTO_STAGE_TOOLS_CURRENT:
    default:
      return placed != NULL ? size_of_entry (coach, placed) : 0;
    }
}

/* The size to step back from after the newest session: where the plan
 * stands, or the size that session was at when it was smaller.
 */
static int
latest_size (Coach *coach,
             int    stage)
{
  LentoEntry *latest = session_at (coach, 0)->entry;
  int size = entry_size_for_stage (coach, stage);

  if (belongs_to_stage (coach, latest, stage))
    size = MIN (size, size_of_entry (coach, latest));

  return size;
}

static void
advance_stage (Coach *coach,
               Next  *next,
               guint  behind)
{
  const char *current = stage_id (coach, next->stage);
  const char *next_id = lento_program_get_next_stage (coach->program, current);
  int size = next->size;

  if (next_id == NULL)
    {
      next->kind = LENTO_RECOMMENDATION_SESSION;
      return;
    }

  next->kind = LENTO_RECOMMENDATION_ADVANCE;
  next->stage++;

  switch (stage_tools (coach, next->stage))
    {
    case LENTO_STAGE_TOOLS_FIRST_SIZE:
      next->size = coach->ladder->len > 0 ? 0 : -1;
      break;
    case LENTO_STAGE_TOOLS_LADDER:
      next->size = MIN (size + 1, (int) coach->ladder->len - 1);
      break;
    case LENTO_STAGE_TOOLS_NONE:
    case LENTO_STAGE_TOOLS_FINGER:
      next->size = -1;
      break;
    case LENTO_STAGE_TOOLS_CURRENT:
    default:
      break;
    }

  add_reason_sessions (coach, LENTO_REASON_ADVANCE_STAGE,
                       /* Translators: %s is a stage's title, like “Outside First”. */
                       g_strdup_printf (_("You are ready for the next stage: %s."),
                                        lento_program_get_stage_title (coach->program, next_id)),
                       0, behind);
}

/* Week one and getting ready: move on by the stage's own criteria. */
static void
evaluate_stage (Coach *coach,
                Next  *next)
{
  const char *id = stage_id (coach, next->stage);
  const LentoMoveOn *move_on = lento_program_get_stage_move_on (coach->program, id);
  Run run = run_of (coach, next->stage, NULL);
  gboolean met;

  next->kind = LENTO_RECOMMENDATION_SESSION;
  next->size = -1;
  if (move_on == NULL)
    return;

  met = requirements_met (coach, move_on->requires)
        && run_reaches (coach, run, move_on->sessions)
        && last_meet (coach, move_on->sessions, move_on->max_pain, move_on->max_resistance,
                      move_on->wear_seconds)
        && (move_on->days == 0 || run_lasts (coach, run, move_on->days));

  if (met)
    {
      advance_stage (coach, next, move_on->sessions);
      return;
    }

  if (!requirements_met (coach, move_on->requires))
    {
      add_reason (coach, LENTO_REASON_GETTING_READY,
                  g_strdup (_("Add a water-based or silicone-based lubricant to your inventory. "
                              "Until then, a breathing practice is a good start.")),
                  NULL);
      return;
    }

  /* Hold once there were enough sessions to judge and they did not yet show it. */
  if (run_reaches (coach, run, MAX (move_on->sessions, 1)))
    next->kind = LENTO_RECOMMENDATION_HOLD;
  add_reason_sessions (coach, LENTO_REASON_STAGE_NOT_YET,
                       /* Translators: a stage's title, like “Outside First”, then the plan's own
                        * sentence on when to move on, like “Move on once…”. */
                       g_strdup_printf (_("Stay with “%s” for now. %s"),
                                        lento_program_get_stage_title (coach->program, id),
                                        lento_program_get_stage_move_on_text (coach->program, id)),
                       0, run_reaches (coach, run, move_on->sessions) ? move_on->sessions
                                                                      : run.count);
}

static void
note_skipped_tools (Coach *coach,
                    int    from,
                    int    to)
{
  GListModel *tools = lento_inventory_get_tools (coach->inventory);
  double low = from >= 0 ? lento_tool_get_diameter (size_tool (coach, from)) : 0.0;
  double high = lento_tool_get_diameter (size_tool (coach, to));
  guint n = g_list_model_get_n_items (tools);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoTool) tool = g_list_model_get_item (tools, i);
      double diameter = lento_tool_get_diameter (tool);

      if (lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER
          || lento_tool_get_flared_base (tool)
          || diameter <= low || diameter >= high)
        continue;

      if (lento_tool_get_flared_base_answer (tool) == LENTO_FLARED_BASE_UNKNOWN)
        add_reason (coach, LENTO_REASON_TOOL_SKIPPED,
                    /* Translators: %s is the name of a tool, like “Trainer 2”. */
                    g_strdup_printf (_("“%s” is left out until you say whether it has a flared "
                                       "base, so that it cannot slip inside."),
                                     lento_tool_get_name (tool)),
                    NULL);
      else
        add_reason (coach, LENTO_REASON_TOOL_SKIPPED,
                    /* Translators: %s is the name of a tool, like “Trainer 2”. */
                    g_strdup_printf (_("“%s” is left out: it has no flared base, so it could "
                                       "slip inside."), lento_tool_get_name (tool)),
                    NULL);
    }
}

static void
note_jump (Coach *coach,
           int    from,
           int    to)
{
  double low;
  double high;
  double middle;
  double jump;
  g_autofree char *low_mm = NULL;
  g_autofree char *high_mm = NULL;
  g_autofree char *middle_mm = NULL;

  if (from < 0)
    return;

  low = lento_tool_get_diameter (size_tool (coach, from));
  high = lento_tool_get_diameter (size_tool (coach, to));
  jump = (high - low) / low * 100.0;
  if (jump <= coach->rules->ladder_max_jump_percent + 1e-9)
    return;

  low_mm = lento_format_diameter (low);
  high_mm = lento_format_diameter (high);
  middle = floor (low * (1.0 + coach->rules->ladder_max_jump_percent / 100.0) * 2.0) / 2.0;
  middle_mm = lento_format_diameter (middle);
  add_reason (coach, LENTO_REASON_LADDER_JUMP,
              /* Translators: three diameters, like “18 mm”. */
              g_strdup_printf (_("The step from %s to %s is a big one. A size of about %s in "
                                 "between would make it gentler."),
                               low_mm, high_mm, middle_mm),
              NULL);
}

/* The first trainer and the ladder: one size at a time. */
static void
evaluate_size (Coach *coach,
               Next  *next)
{
  const LentoProgramRules *rules = coach->rules;
  const char *id = stage_id (coach, next->stage);
  LentoStageTools tools = stage_tools (coach, next->stage);
  const LentoMoveOn *move_on = lento_program_get_stage_move_on (coach->program, id);
  guint wear = lento_program_get_stage_target_wear (coach->program, id);
  guint needed = rules->advance_sessions;
  guint hold_days = rules->ladder_hold_days;
  int size = entry_size_for_stage (coach, next->stage);
  int top = tools == LENTO_STAGE_TOOLS_FIRST_SIZE ? 0 : (int) coach->ladder->len - 1;
  LentoTool *tool;
  g_autofree char *diameter = NULL;
  Run run;
  guint calm = 0;
  guint days_at_size;
  gboolean at_top;
  gboolean met;

  next->size = size;
  next->kind = LENTO_RECOMMENDATION_SESSION;
  tool = size_tool (coach, size);
  if (tool == NULL)
    {
      add_reason (coach, LENTO_REASON_NO_TRAINER,
                  g_strdup (_("Add your fingers or a slim trainer with a flared base to your "
                              "inventory, so the plan can suggest a size.")),
                  NULL);
      return;
    }

  /* Only sessions of this stage at this size count: not those of the stage
   * before, nor any typed in with another tool or none.
   */
  run = run_of (coach, next->stage, &size);

  /* At the top of what the stage covers, its own criteria to move on apply too. */
  at_top = size >= top && size >= 0;
  if (at_top && move_on != NULL)
    {
      needed = MAX (needed, move_on->sessions);
      hold_days = MAX (hold_days, move_on->days);
      wear = MAX (wear, move_on->wear_seconds);
    }

  /* The calm sessions in a row are what counts towards the next size. */
  while (calm < run.count
         && last_meet (coach, calm + 1, rules->advance_max_pain, rules->advance_max_resistance,
                       wear)
         && (!at_top || move_on == NULL
             || last_meet (coach, calm + 1, move_on->max_pain, move_on->max_resistance, wear)))
    calm++;

  diameter = lento_format_diameter (lento_tool_get_diameter (tool));
  days_at_size = run.count > 0 ? coach->today - session_at (coach, run.count - 1)->day : 0;
  met = tools != LENTO_STAGE_TOOLS_CURRENT
        && run_reaches (coach, run, needed)
        && last_meet (coach, needed, rules->advance_max_pain, rules->advance_max_resistance, wear)
        && (!at_top || move_on == NULL
            || last_meet (coach, needed, move_on->max_pain, move_on->max_resistance, wear));

  if (tools == LENTO_STAGE_TOOLS_CURRENT)
    {
      add_reason (coach, LENTO_REASON_TOP_OF_LADDER,
                  /* Translators: a diameter, like “18 mm”. */
                  g_strdup_printf (_("You have reached your size. A session or two a week at "
                                     "%s keeps it comfortable."), diameter),
                  NULL);
      return;
    }

  if (met && run_lasts (coach, run, hold_days))
    {
      g_autofree char *larger_label = NULL;

      if (at_top)
        {
          if (tools == LENTO_STAGE_TOOLS_LADDER)
            add_reason (coach, LENTO_REASON_TOP_OF_LADDER,
                        g_strdup (_("You have reached the largest size in your ladder. A session "
                                    "or two a week keeps it comfortable.")),
                        NULL);
          advance_stage (coach, next, needed);
          return;
        }

      if (size < 0 && coach->ladder->len == 0)
        {
          next->kind = LENTO_RECOMMENDATION_HOLD;
          add_reason (coach, LENTO_REASON_NO_TRAINER,
                      g_strdup (_("To move up a size, add a slim trainer with a flared base to "
                                  "your inventory. Until then, the little finger works well.")),
                      NULL);
          return;
        }

      next->kind = LENTO_RECOMMENDATION_ADVANCE;
      next->size = size + 1;
      larger_label = tool_label (size_tool (coach, next->size));
      add_reason_sessions (coach, LENTO_REASON_ADVANCE_SIZE,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         /* Translators: a number of sessions, a
                                                          * diameter like “18 mm”, and a tool
                                                          * with its diameter.
                                                          */
                                                         "%u session in a row at %s went in "
                                                         "easily, with no pain and the full wear "
                                                         "time. Next, try %s.",
                                                         "%u sessions in a row at %s went in "
                                                         "easily, with no pain and the full wear "
                                                         "time. Next, try %s.",
                                                         needed),
                                            needed, diameter, larger_label),
                           0, needed);
      note_skipped_tools (coach, size, next->size);
      note_jump (coach, size, next->size);
      return;
    }

  if (met)
    {
      g_autofree char *until = NULL;

      until = _lento_coach_format_day (session_at (coach, run.count - 1)->day + hold_days);
      next->kind = LENTO_RECOMMENDATION_HOLD;
      add_reason_sessions (coach, LENTO_REASON_HOLD_DAYS,
                           /* Translators: a diameter, like “18 mm”, and a date. */
                           g_strdup_printf (_("This size went well. The plan gives each size time, "
                                              "so it stays at %s until %s."), diameter, until),
                           0, needed);
      return;
    }

  /* A plateau needs enough sessions to judge; one session long ago is not one. */
  if (run_reaches (coach, run, needed) && run_lasts (coach, run, rules->plateau_days))
    {
      guint in_run = run_exactly (coach, run);

      next->kind = LENTO_RECOMMENDATION_HOLD;
      add_reason_sessions (coach, LENTO_REASON_PLATEAU,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         /* Translators: a diameter, like
                                                          * “18 mm”, and a number of days.
                                                          */
                                                         "You have been at %s for %u day. "
                                                         "Progress often pauses at one size, and "
                                                         "that is normal: stay here for a few days "
                                                         "up to a week. If it feels comfortable, "
                                                         "wear a small trainer during quiet "
                                                         "everyday moments.",
                                                         "You have been at %s for %u days. "
                                                         "Progress often pauses at one size, and "
                                                         "that is normal: stay here for a few days "
                                                         "up to a week. If it feels comfortable, "
                                                         "wear a small trainer during quiet "
                                                         "everyday moments.",
                                                         days_at_size),
                                            diameter, days_at_size),
                           0, in_run);
      return;
    }

  if (run_reaches (coach, run, needed))
    {
      g_autofree char *minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u minute", "%u minutes",
                                                               wear / 60),
                                                  wear / 60);

      next->kind = LENTO_RECOMMENDATION_HOLD;
      add_reason_sessions (coach, LENTO_REASON_NOT_YET,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         /* Translators: a diameter, like
                                                          * “18 mm”, a number of sessions and
                                                          * minutes, like “10 minutes”.
                                                          */
                                                         "Stay at %s for now. The plan moves up "
                                                         "after %u session in a row that goes in with no "
                                                         "resistance, no pain and %s of wear.",
                                                         "Stay at %s for now. The plan moves up "
                                                         "after %u sessions in a row that go in "
                                                         "with no resistance, no pain and %s of "
                                                         "wear.",
                                                         needed),
                                            diameter, needed, minutes),
                           0, needed);
      return;
    }

  add_reason_sessions (coach, LENTO_REASON_BUILDING,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: a number of sessions and
                                                      * a diameter, like “18 mm”.
                                                      */
                                                     "%u more calm session at %s, and then "
                                                     "the plan looks at the next size.",
                                                     "%u more calm sessions at %s, and then "
                                                     "the plan looks at the next size.",
                                                     needed - calm),
                                        needed - calm, diameter),
                       0, run_exactly (coach, run));
}

static gboolean
stage_is_sized (Coach *coach,
                int    stage)
{
  LentoStageTools tools = stage_tools (coach, stage);

  return tools == LENTO_STAGE_TOOLS_FIRST_SIZE
         || tools == LENTO_STAGE_TOOLS_LADDER
         || tools == LENTO_STAGE_TOOLS_CURRENT;
}

static char *
size_label (Coach *coach,
            int    size)
{
  LentoTool *tool = size_tool (coach, size);

  return tool != NULL ? tool_label (tool) : g_strdup (_("your smallest size"));
}

static void
compute_next (Coach *coach,
              Next  *next)
{
  const LentoProgramRules *rules = coach->rules;
  LentoEntry *latest;
  gboolean sized;
  guint days_since;
  int size;

  next->stage = coach->stage;
  next->kind = LENTO_RECOMMENDATION_SESSION;
  next->size = -1;
  sized = stage_is_sized (coach, next->stage);

  if (!has_session (coach, 0))
    goto evaluate;

  latest = session_at (coach, 0)->entry;
  days_since = coach->today - session_at (coach, 0)->day;
  size = sized ? latest_size (coach, next->stage) : -1;

  if (days_since >= rules->long_break_days)
    {
      g_autofree char *label = NULL;

      next->size = sized ? size_down (coach, size, rules->long_break_sizes_down) : -1;
      next->kind = sized && next->size != size ? LENTO_RECOMMENDATION_STEP_BACK
                                               : LENTO_RECOMMENDATION_SESSION;
      next->warm_up_same = TRUE;
      label = size_label (coach, next->size);
      add_reason (coach, LENTO_REASON_LONG_BREAK,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: a number of days, then a tool,
                                                 * like “Trainer 2 (18 mm)”. */
                                                "Welcome back. After %u day away, start with %s "
                                                "and give the warm-up extra time.",
                                                "Welcome back. After %u days away, start with %s "
                                                "and give the warm-up extra time.",
                                                days_since),
                                   days_since, label),
                  latest, NULL);
      return;
    }

  if (is_injury (latest))
    {
      g_autofree char *label = NULL;

      next->size = sized ? size_down (coach, size, rules->rest_sizes_down) : -1;
      next->kind = sized && next->size != size ? LENTO_RECOMMENDATION_STEP_BACK
                                               : LENTO_RECOMMENDATION_SESSION;
      label = size_label (coach, next->size);
      add_reason (coach, LENTO_REASON_AFTER_REST,
                  /* Translators: %s is a tool, like “Trainer 2 (18 mm)”. */
                  g_strdup_printf (_("After the rest, start again gently, with %s."), label),
                  latest, NULL);
      return;
    }

  if (is_step_back_pain (coach, latest) || is_step_back_resistance (coach, latest))
    {
      g_autofree char *label = NULL;
      gboolean stay;

      next->size = sized ? size_down (coach, size, rules->step_back_sizes_down) : -1;
      label = size_label (coach, next->size);

      /* Already at the gentlest size there is nothing to go back to: the
       * advice is to stay there and go slowly, not "one size smaller".
       */
      stay = !sized || next->size == size;
      next->kind = stay ? LENTO_RECOMMENDATION_HOLD : LENTO_RECOMMENDATION_STEP_BACK;

      if (is_step_back_pain (coach, latest))
        add_reason (coach, LENTO_REASON_STEP_BACK_PAIN,
                    g_strdup_printf (stay
                                     /* Translators: a pain score out of 10, then a tool,
                                      * like “Trainer 2 (18 mm)”. */
                                     ? _("Your last session hurt (pain %d of 10). Next time, "
                                         "stay with %s, the gentlest step, and take it slowly.")
                                     /* Translators: a pain score out of 10, then a tool,
                                      * like “Trainer 2 (18 mm)”. */
                                     : _("Your last session hurt (pain %d of 10). Next time, go "
                                         "back to %s and take it slowly."),
                                     lento_entry_get_pain (latest), label),
                    latest, NULL);
      else
        add_reason (coach, LENTO_REASON_STEP_BACK_RESISTANCE,
                    g_strdup_printf (stay
                                     /* Translators: %s is a tool, like “Trainer 2 (18 mm)”. */
                                     ? _("Your body held on strongly last time. Next time, stay "
                                         "with %s, the gentlest step; there is no hurry.")
                                     /* Translators: %s is a tool, like “Trainer 2 (18 mm)”. */
                                     : _("Your body held on strongly last time. Next time, go "
                                         "back to %s; there is no hurry."),
                                     label),
                    latest, NULL);
      return;
    }

  /* Any pain holds the size, whatever the sessions before it showed. */
  if (is_sore (coach, latest) && stage_tools (coach, next->stage) != LENTO_STAGE_TOOLS_NONE)
    {
      g_autofree char *label = NULL;

      next->size = sized ? entry_size_for_stage (coach, next->stage) : -1;
      next->kind = LENTO_RECOMMENDATION_HOLD;
      label = size_label (coach, next->size);
      add_reason (coach, LENTO_REASON_HOLD_AFTER_PAIN,
                  /* Translators: a pain score, and a tool with its diameter. */
                  g_strdup_printf (_("Your last session hurt a little (pain %d of 10). Stay with "
                                     "%s next time and take it slowly: the plan moves on only "
                                     "after sessions with no pain at all."),
                                   lento_entry_get_pain (latest), label),
                  latest, NULL);
      return;
    }

evaluate:
  if (sized)
    evaluate_size (coach, next);
  else
    evaluate_stage (coach, next);
}

/* The plan stays where it is while recent sessions say nothing of how they
 * felt; it says why, so that the person knows what would let it move on.
 */
static void
note_unrecorded (Coach *coach,
                 Next  *next)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  LentoReason *reason;
  guint recent = MAX (coach->rules->advance_sessions, 1);
  guint count = 0;

  if (next->kind != LENTO_RECOMMENDATION_SESSION && next->kind != LENTO_RECOMMENDATION_HOLD)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < recent && has_session (coach, i); i++)
    {
      LentoEntry *entry = session_at (coach, i)->entry;

      if (!lento_entry_has_how_it_felt (entry))
        {
          g_strv_builder_add (builder, lento_entry_get_uuid (entry));
          count++;
        }
    }

  if (count == 0)
    return;

  reason = g_new0 (LentoReason, 1);
  reason->code = LENTO_REASON_FELT_UNRECORDED;
  reason->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %u is a number of sessions. */
                                               "%u recent session has no record of how it "
                                               "felt. Add its comfort, pain and resistance in "
                                               "the journal, so the plan can count it towards "
                                               "moving on.",
                                               "%u recent sessions have no record of how they "
                                               "felt. Add their comfort, pain and resistance in "
                                               "the journal, so the plan can count them towards "
                                               "moving on.",
                                               count),
                                  count);
  reason->entries = g_strv_builder_end (builder);
  g_ptr_array_add (coach->rec->reasons, reason);
}

static void
explain_rest_today (Coach      *coach,
                    TodayCause  cause)
{
  const LentoProgramRules *rules = coach->rules;
  GPtrArray *reasons = coach->rec->reasons;
  guint before = reasons->len;
  g_autofree char *next_day = NULL;

  for (guint d = 1; d < coach->rec->days->len; d++)
    {
      LentoPlanDay *day = &g_array_index (coach->rec->days, LentoPlanDay, d);

      if (day->kind == LENTO_PLAN_DAY_SESSION)
        {
          next_day = _lento_coach_format_day (g_date_get_julian (&day->date));
          break;
        }
    }

  switch (cause)
    {
    case TODAY_DONE:
      add_reason_sessions (coach, LENTO_REASON_DONE_TODAY,
                           g_strdup (_("Today’s session is done. Rest now: resting is part of "
                                       "the progress.")),
                           0, 1);
      break;

    case TODAY_WEEK_FULL:
      add_reason (coach, LENTO_REASON_WEEK_FULL,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: the most sessions in a week. */
                                                "%u session in seven days is plenty. Today is "
                                                "for rest, which helps as much as practice.",
                                                "%u sessions in seven days is plenty. Today is "
                                                "for rest, which helps as much as practice.",
                                                rules->sessions_per_week_max),
                                   rules->sessions_per_week_max),
                  NULL);
      break;

    case TODAY_BETWEEN:
      add_reason_sessions (coach, LENTO_REASON_REST_BETWEEN,
                           g_strdup (_("A rest day between sessions lets the muscles settle. "
                                       "Today is for rest.")),
                           0, 1);
      break;

    case TODAY_NOT_PLANNED:
      if (next_day != NULL)
        add_reason (coach, LENTO_REASON_REST_DAY,
                    /* Translators: %s is a date, like “Thursday 12 March”. */
                    g_strdup_printf (_("Today is a rest day. The next session is planned for "
                                       "%s."), next_day),
                    NULL);
      else
        add_reason (coach, LENTO_REASON_REST_DAY,
                    g_strdup (_("Today is a rest day. Choose the days that suit you under "
                                "Your Days in the plan.")),
                    NULL);
      break;

    case TODAY_SKIPPED:
      add_reason (coach, LENTO_REASON_SKIPPED_TODAY,
                  g_strdup (_("You chose to rest today. That is fine: the plan simply moves "
                              "on to the next day.")),
                  NULL);
      break;

    case TODAY_REST_RULE:
    case TODAY_SESSION:
    default:
      break;
    }

  /* Why today is a rest day comes first; what the next session holds follows. */
  if (reasons->len > before)
    g_ptr_array_insert (reasons, 0, g_ptr_array_steal_index (reasons, reasons->len - 1));
}

/* Sessions about once a week or less, for a while: a kind word, no more. */
static void
check_low_frequency (Coach *coach)
{
  const LentoProgramRules *rules = coach->rules;
  guint span = 7 * rules->low_frequency_weeks;
  guint first = coach->today - span + 1;
  guint oldest;
  guint in_span = 0;

  if (!has_session (coach, 0))
    return;

  /* Someone who began recently, or who is just back, is not told this. An
   * early answer is given the oldest session with the older ones.
   */
  if (coach->older->len > 0)
    oldest = g_array_index (coach->older, Item, coach->older->len - 1).day;
  else
    oldest = session_at (coach, coach->sessions->len - 1)->day;
  if (oldest > first || coach->today - session_at (coach, 0)->day >= rules->long_break_days)
    return;

  for (guint w = 0; w < rules->low_frequency_weeks; w++)
    {
      guint last = coach->today - 7 * w;

      if (_lento_coach_sessions_between (coach, last - 6, last) > rules->low_frequency_max_per_week)
        return;
    }

  /* Rest the plan asked for, or that the person chose and noted, is not rarity. */
  for (guint i = 0; has_session (coach, i); i++)
    {
      Item *item = session_at (coach, i);

      if (item->day < first)
        break;
      if (is_injury (item->entry) || is_step_back_pain (coach, item->entry)
          || is_step_back_resistance (coach, item->entry))
        return;
      in_span++;
    }

  /* An early answer has no rest days from before its horizon. */
  if (first < coach->horizon)
    coach->undecided = TRUE;

  for (guint i = 0; i < coach->others->len; i++)
    {
      Item *item = &g_array_index (coach->others, Item, i);

      if (item->day >= first && lento_entry_get_kind (item->entry) == LENTO_ENTRY_KIND_REST)
        return;
    }

  coach->rec->gentle_note = TRUE;
  add_reason_sessions (coach, LENTO_REASON_LOW_FREQUENCY,
                       g_strdup_printf (_("Sessions have been about once a week lately. Two or "
                                          "three a week, with rest days between, usually make "
                                          "it easier. Go at whatever pace your life allows.")),
                       0, in_span);
}

static gboolean
pair_is_fine (LentoTool *tool,
              LentoLube *lube,
              char     **reason)
{
  g_autoptr(GPtrArray) issues = NULL;

  if (tool == NULL)
    return TRUE;

  issues = lento_inventory_check_pair (tool, lube);
  if (issues->len == 0)
    return TRUE;

  if (reason != NULL)
    *reason = g_strdup (((LentoInventoryIssue *) g_ptr_array_index (issues, 0))->reason);
  return FALSE;
}

/* The lubricant used last time when it suits the tool; otherwise the first
 * that does, water-based ones first.
 */
static void
choose_lube (Coach     *coach,
             LentoTool *tool)
{
  const LentoLubeKind preference[] = {
    LENTO_LUBE_KIND_WATER, LENTO_LUBE_KIND_HYBRID, LENTO_LUBE_KIND_SILICONE, LENTO_LUBE_KIND_OIL,
  };
  GListModel *lubes = lento_inventory_get_lubes (coach->inventory);
  guint n = g_list_model_get_n_items (lubes);

  if (has_session (coach, 0))
    {
      LentoEntry *latest = session_at (coach, 0)->entry;
      LentoLube *last = lento_inventory_find_lube (coach->inventory, lento_entry_get_lube (latest));
      g_autofree char *reason = NULL;

      if (last != NULL && lento_lube_is_usable (last, NULL))
        {
          if (pair_is_fine (tool, last, &reason))
            {
              coach->rec->lube_id = g_strdup (lento_lube_get_id (last));
              return;
            }

          add_reason (coach, LENTO_REASON_LUBE_WARNING, g_steal_pointer (&reason), latest, NULL);
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (preference); k++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LentoLube) lube = g_list_model_get_item (lubes, i);

          if (lento_lube_get_kind (lube) == preference[k] && pair_is_fine (tool, lube, NULL))
            {
              coach->rec->lube_id = g_strdup (lento_lube_get_id (lube));
              return;
            }
        }
    }
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->entry);
}

static void
collect_entries (Coach      *coach,
                 GListModel *entries,
                 GDateTime  *split)
{
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);
      Item item;

      if (lento_entry_get_start (entry) == NULL)
        continue;

      item.day = entry_day (entry);

      /* Entries dated after today do not exist yet as far as the plan goes. */
      if (item.day > coach->today)
        continue;

      /* A model may hand out items it does not keep, so each is held here. */
      item.entry = g_steal_pointer (&entry);

      if (lento_entry_get_kind (item.entry) != LENTO_ENTRY_KIND_SESSION)
        g_array_append_val (coach->others, item);
      else if (split != NULL && g_date_time_compare (lento_entry_get_start (item.entry), split) < 0)
        g_array_append_val (coach->older, item);
      else
        g_array_append_val (coach->sessions, item);
    }

  g_array_sort (coach->sessions, compare_newest_first);
  g_array_sort (coach->older, compare_newest_first);
  g_array_sort (coach->others, compare_newest_first);
}

/* Both answers: from the whole journal when @complete_from is %NULL, or
 * %NULL when a rule reached past what an early answer is given.
 */
static LentoRecommendation *
recommend (LentoProgram             *program,
           GListModel               *entries,
           const GDate              *complete_from,
           LentoInventory           *inventory,
           const GDate              *today,
           const LentoCoachSettings *settings)
{
  g_autoptr(LentoRecommendation) rec = NULL;
  g_autoptr(GPtrArray) ladder = NULL;
  g_autoptr(GPtrArray) fingers = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) older = NULL;
  g_autoptr(GArray) others = NULL;
  g_autoptr(GDateTime) split = NULL;
  LentoCoachSettings defaults;
  Coach coach = { NULL, };
  Next next = { 0, };
  LentoTool *tool = NULL;
  guint rest_until = 0;
  TodayCause cause;

  if (settings == NULL)
    {
      lento_coach_settings_init (&defaults);
      settings = &defaults;
    }

  rec = g_object_new (LENTO_TYPE_RECOMMENDATION, NULL);
  ladder = lento_inventory_dup_ladder (inventory);
  fingers = lento_inventory_dup_fingers (inventory);
  sessions = g_array_new (FALSE, FALSE, sizeof (Item));
  older = g_array_new (FALSE, FALSE, sizeof (Item));
  others = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (sessions, clear_item);
  g_array_set_clear_func (older, clear_item);
  g_array_set_clear_func (others, clear_item);

  coach.program = program;
  coach.rules = lento_program_get_rules (program);
  coach.inventory = inventory;
  coach.ladder = ladder;
  coach.fingers = fingers;
  coach.sessions = sessions;
  coach.older = older;
  coach.others = others;
  coach.today = g_date_get_julian (today);
  coach.weekdays = settings->weekdays & 0xfe;
  if (coach.weekdays == 0)
    coach.weekdays = coach.rules->default_weekdays;
  coach.rec = rec;
  coach.skipped = g_date_valid (&settings->skipped) ? g_date_get_julian (&settings->skipped) : 0;

  /* Sessions from the complete days go before every older one in time,
   * whatever their UTC offsets (at most a day either way): they start on
   * or after the second day at 00:00 UTC, and that holds for every session
   * from the fourth day on, so windows of days from there are complete.
   */
  if (complete_from != NULL)
    {
      guint first = g_date_get_julian (complete_from);
      GDate second;

      julian_to_date (first + 1, &second);
      split = g_date_time_new_utc (g_date_get_year (&second), g_date_get_month (&second),
                                   g_date_get_day (&second), 0, 0, 0);
      coach.horizon = first + 3;
    }

  collect_entries (&coach, entries, split);
  place (&coach);

  if (check_clinician (&coach, settings))
    {
      next.stage = coach.stage;
      rec->kind = rec->next_kind = LENTO_RECOMMENDATION_SEE_CLINICIAN;
      rec->stage_id = g_strdup (stage_id (&coach, next.stage));
      rec->template_id = g_strdup (lento_program_get_stage_template (program, rec->stage_id));
      _lento_coach_plan_days (&coach, 0, TRUE);
      return coach.undecided ? NULL : g_steal_pointer (&rec);
    }

  /* Sharp pain, significant bleeding or pain at the step-back level: rest,
   * counted from the newest such day.
   */
  for (guint i = 0; has_session (&coach, i); i++)
    {
      Item *item = session_at (&coach, i);

      if (coach.today - item->day > coach.rules->rest_days)
        break;

      if (is_injury (item->entry) || is_step_back_pain (&coach, item->entry))
        {
          g_autofree char *until = NULL;
          char *text;

          rest_until = item->day + coach.rules->rest_days;
          julian_to_date (rest_until, &rec->rest_until);
          until = _lento_coach_format_day (rest_until);
          if (is_injury (item->entry))
            /* Translators: %s is a date, like “Thursday 12 March”. */
            text = g_strdup_printf (_("Sharp pain or bleeding means the last session went too "
                                      "fast. Rest until %s so the tissue can heal; resting is "
                                      "part of the progress."), until);
          else
            /* Translators: a pain score and a date. */
            text = g_strdup_printf (_("Pain of %d out of 10 means the last session went too "
                                      "fast. Rest until %s so the tissue can settle; resting is "
                                      "part of the progress."),
                                    lento_entry_get_pain (item->entry), until);
          add_reason (&coach, LENTO_REASON_REST_AFTER_INJURY, text, item->entry, NULL);
          break;
        }
    }

  compute_next (&coach, &next);
  note_unrecorded (&coach, &next);

  rec->next_kind = next.kind;
  rec->stage_id = g_strdup (stage_id (&coach, next.stage));
  rec->template_id = g_strdup (lento_program_get_stage_template (program, rec->stage_id));

  if (stage_tools (&coach, next.stage) != LENTO_STAGE_TOOLS_NONE)
    tool = size_tool (&coach, next.size);
  if (tool != NULL)
    {
      rec->tool_id = g_strdup (lento_tool_get_id (tool));
      rec->diameter = lento_tool_get_diameter (tool);
    }

  if (tool != NULL && next.warm_up_same)
    {
      rec->warm_up_tool_id = g_strdup (lento_tool_get_id (tool));
    }
  else if (tool != NULL && coach.rules->ladder_warm_up_on_previous_size
           && stage_is_sized (&coach, next.stage) && next.size >= 0)
    {
      LentoTool *smaller = size_tool (&coach, next.size - 1);

      if (smaller != NULL && smaller != tool)
        {
          g_autofree char *label = tool_label (smaller);

          rec->warm_up_tool_id = g_strdup (lento_tool_get_id (smaller));
          add_reason (&coach, LENTO_REASON_WARM_UP,
                      /* Translators: %s is a tool's name and diameter, like “Trainer 1 (15 mm)”. */
                      g_strdup_printf (_("Warm up with %s before the main size."), label),
                      NULL);
        }
    }

  cause = _lento_coach_plan_days (&coach, rest_until, FALSE);
  rec->kind = cause == TODAY_SESSION ? next.kind : LENTO_RECOMMENDATION_REST;
  explain_rest_today (&coach, cause);

  check_low_frequency (&coach);
  choose_lube (&coach, tool);

  return coach.undecided ? NULL : g_steal_pointer (&rec);
}

/**
 * lento_coach_recommend:
 * @program: the plan
 * @entries: (element-type LentoEntry): the journal, in any order (a
 *   #LentoJournal is newest first); entries dated after @today are ignored
 * @inventory: the person's tools and lubricants
 * @today: the day to recommend for
 * @settings: (nullable): the person's choices, or %NULL for the defaults
 *
 * Decides what today holds and why. The result depends on nothing but the
 * arguments: no clock, no locale except for the language of the reasons.
 *
 * Returns: (transfer full): the recommendation
 */
LentoRecommendation *
lento_coach_recommend (LentoProgram             *program,
                       GListModel               *entries,
                       LentoInventory           *inventory,
                       const GDate              *today,
                       const LentoCoachSettings *settings)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (LENTO_IS_INVENTORY (inventory), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return recommend (program, entries, NULL, inventory, today, settings);
}

/**
 * lento_coach_recommend_early:
 * @program: the plan
 * @entries: (element-type LentoEntry): every entry dated @complete_from or
 *   later, and from before it at least every clinician note, every session
 *   with bleeding or the plan's heavy-bleeding tag, and the oldest session
 * @complete_from: the first day @entries is complete for
 * @inventory: the person's tools and lubricants
 * @today: the day to recommend for
 * @settings: (nullable): the person's choices, or %NULL for the defaults
 *
 * Decides what today holds from the newest part of the journal, while the
 * rest is still being read: the same answer as lento_coach_recommend() with
 * the whole journal, or none when a rule would have to look further back
 * than @entries lets it (a size held for longer than the complete days, a
 * first session among the older ones). Dates are the entries' own, as the
 * journal's months go by them.
 *
 * Returns: (transfer full) (nullable): the recommendation, or %NULL when it
 *   needs the whole journal
 */
LentoRecommendation *
lento_coach_recommend_early (LentoProgram             *program,
                             GListModel               *entries,
                             const GDate              *complete_from,
                             LentoInventory           *inventory,
                             const GDate              *today,
                             const LentoCoachSettings *settings)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (complete_from != NULL && g_date_valid (complete_from), NULL);
  g_return_val_if_fail (LENTO_IS_INVENTORY (inventory), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return recommend (program, entries, complete_from, inventory, today, settings);
}
