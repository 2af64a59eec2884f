/* lento-program.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lento-entry.h"
#include "lento-inventory.h"
#include "lento-recommendation.h"
#include "lento-session-template.h"

G_BEGIN_DECLS

#define LENTO_PROGRAM_ERROR (lento_program_error_quark ())

typedef enum {
  LENTO_PROGRAM_ERROR_INVALID,
  LENTO_PROGRAM_ERROR_NOT_FOUND,
} LentoProgramError;

/* Which tools a stage works with. */
typedef enum {
  LENTO_STAGE_TOOLS_NONE,        /* preparation only */
  LENTO_STAGE_TOOLS_FINGER,      /* the smallest finger */
  LENTO_STAGE_TOOLS_FIRST_SIZE,  /* the smallest size of the ladder */
  LENTO_STAGE_TOOLS_LADDER,      /* the ladder, one size at a time */
  LENTO_STAGE_TOOLS_CURRENT,     /* whatever size was reached */
} LentoStageTools;

/* What a stage asks of the inventory before the plan moves on from it. */
typedef enum {
  LENTO_REQUIRE_LUBE    = 1 << 0,
  LENTO_REQUIRE_FINGER  = 1 << 1,
  LENTO_REQUIRE_TRAINER = 1 << 2,
} LentoRequirements;

/* Every threshold of the coach. The defaults live in program.json, not in code. */
typedef struct {
  guint           sessions_per_week_min;
  guint           sessions_per_week_max;
  guint           default_weekdays;          /* bit (1 << GDateWeekday) per planned day */
  guint           rest_days_between;
  guint           advance_sessions;
  int             advance_max_pain;
  LentoResistance advance_max_resistance;
  guint           plateau_days;
  int             step_back_min_pain;
  LentoResistance step_back_min_resistance;
  guint           step_back_sizes_down;
  guint           rest_days;
  guint           rest_sizes_down;
  guint           clinician_repeat_count;
  guint           clinician_repeat_days;
  LentoBleeding   clinician_repeat_min_bleeding;
  const char     *heavy_bleeding_tag;
  guint           low_frequency_max_per_week;
  guint           low_frequency_weeks;
  guint           long_break_days;
  guint           long_break_sizes_down;
  double          ladder_max_jump_percent;
  guint           ladder_hold_days;
  gboolean        ladder_warm_up_on_previous_size;
} LentoProgramRules;

/* The criteria to move on from a stage. */
typedef struct {
  LentoRequirements requires;
  guint             sessions;
  guint             days;
  int               max_pain;
  LentoResistance   max_resistance;
  guint             wear_seconds;
} LentoMoveOn;

#define LENTO_TYPE_PROGRAM (lento_program_get_type ())

G_DECLARE_FINAL_TYPE (LentoProgram, lento_program, LENTO, PROGRAM, GObject)

GQuark                   lento_program_error_quark           (void);

LentoProgram            *lento_program_new_default           (GError      **error);
LentoProgram            *lento_program_new_from_bytes        (GBytes       *bytes,
                                                              GError      **error);
LentoProgram            *lento_program_new_from_file         (GFile        *file,
                                                              GError      **error);

const char              *lento_program_get_title             (LentoProgram *self);
const LentoProgramRules *lento_program_get_rules             (LentoProgram *self);

guint                    lento_program_get_n_stages          (LentoProgram *self);
const char              *lento_program_get_stage_id          (LentoProgram *self,
                                                              guint         index);
int                      lento_program_find_stage            (LentoProgram *self,
                                                              const char   *stage_id);
const char              *lento_program_get_next_stage        (LentoProgram *self,
                                                              const char   *stage_id);
const char              *lento_program_get_stage_title       (LentoProgram *self,
                                                              const char   *stage_id);
const char              *lento_program_get_stage_summary     (LentoProgram *self,
                                                              const char   *stage_id);
char                   **lento_program_dup_stage_goals       (LentoProgram *self,
                                                              const char   *stage_id);
const char              *lento_program_get_stage_template    (LentoProgram *self,
                                                              const char   *stage_id);
LentoStageTools          lento_program_get_stage_tools       (LentoProgram *self,
                                                              const char   *stage_id);
guint                    lento_program_get_stage_target_wear (LentoProgram *self,
                                                              const char   *stage_id);
const LentoMoveOn       *lento_program_get_stage_move_on     (LentoProgram *self,
                                                              const char   *stage_id);
const char              *lento_program_get_stage_move_on_text (LentoProgram *self,
                                                               const char   *stage_id);

JsonNode                *lento_program_get_template_node     (LentoProgram *self,
                                                              const char   *template_id);
LentoSessionTemplate    *lento_program_dup_template          (LentoProgram *self,
                                                              const char   *template_id);
LentoCueContext          lento_program_get_cue_context       (LentoProgram        *self,
                                                              LentoRecommendation *recommendation,
                                                              LentoInventory      *inventory);
LentoSessionTemplate    *lento_program_dup_session_template  (LentoProgram        *self,
                                                              LentoRecommendation *recommendation,
                                                              LentoInventory      *inventory);
const char              *lento_program_get_template_title    (LentoProgram *self,
                                                              const char   *template_id);
const char              *lento_program_get_cue_title         (LentoProgram *self,
                                                              const char   *cue_id);
const char              *lento_program_get_cue_text          (LentoProgram *self,
                                                              const char   *cue_id);

G_END_DECLS
