/* test-coach.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-coach"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lento-sample-data.h"
#include "lento-coach.h"
#include "lento-test-practice.h"

/* Every case is seen from Tuesday 10 March 2026. */
#define TODAY_YEAR 2026
#define TODAY_MONTH G_DATE_MARCH
#define TODAY_DAY 10

#define ALL_DAYS 0xfe
#define NONE_AGO (-1)

#define READY "getting-ready"
#define OUT "outside-first"
#define FIRST "first-trainer"
#define LAD "size-ladder"
#define KEEP "keeping-up"

#define R_NONE LENTO_RESISTANCE_NONE
#define R_SLIGHT LENTO_RESISTANCE_SLIGHT
#define R_MODERATE LENTO_RESISTANCE_MODERATE
#define R_STRONG LENTO_RESISTANCE_STRONG

typedef enum {
  INVENTORY_FULL,         /* fingers, water lube, trainers of 15, 18, 21.5 and 25 mm */
  INVENTORY_EMPTY,        /* nothing at all */
  INVENTORY_GAP,          /* the 18 mm trainer has no flared base */
  INVENTORY_SILICONE,     /* as full, plus a silicone lube */
} InventoryKind;

typedef enum {
  PROGRAM_SHIPPED,
  PROGRAM_CLINICAL,       /* 14 days per size and a warm-up on the size below */
} ProgramKind;

typedef struct {
  int              ago;         /* days before today */
  const char      *stage;       /* NULL ends the list */
  const char      *tool;
  guint            wear_minutes;
  LentoResistance  resistance;
  int              pain;
  gboolean         sharp;
  LentoBleeding    bleeding;
  const char      *tag;
  LentoEntryKind   kind;
  const char      *lube;
  guint            unrecorded;  /* UNRECORDED_*: left as a new entry has them */
} EntrySpec;

/* How it felt, as far as the person answered it. */
#define UNRECORDED_COMFORT (1 << 0)
#define UNRECORDED_PAIN (1 << 1)
#define UNRECORDED_RESISTANCE (1 << 2)
#define UNRECORDED_ALL (UNRECORDED_COMFORT | UNRECORDED_PAIN | UNRECORDED_RESISTANCE)

typedef struct {
  const char              *name;
  InventoryKind            inventory;
  ProgramKind              program;
  EntrySpec                entries[6];
  guint                    weekdays;       /* 0 for every day */
  int                      acknowledged;   /* days ago, or NONE_AGO */
  LentoRecommendationKind  kind;
  LentoRecommendationKind  next_kind;
  const char              *stage;
  const char              *tool;           /* NULL: no tool */
  LentoReasonCode          reason;
  guint                    reason_entries; /* bit i: entries[i] is behind the reason */
  int                      also;           /* another reason that must be there, or -1 */
  gboolean                 gentle;
  int                      rest_until;     /* days after today, or NONE_AGO */
  const char              *warm_up;
  const char              *lube;           /* NULL: not checked */
} CoachCase;

/* A calm session: no resistance, no pain, ten minutes of wear. */
#define CALM(d, st, t) { .ago = d, .stage = st, .tool = t, .wear_minutes = 10, .lube = "aqua" }
#define SESSION(d, st, t, w, r, p) \
  { .ago = d, .stage = st, .tool = t, .wear_minutes = w, .resistance = r, .pain = p, \
    .lube = "aqua" }
/* A calm session saved without answering some of How It Felt. */
#define UNANSWERED(d, st, t, u) \
  { .ago = d, .stage = st, .tool = t, .wear_minutes = 10, .lube = "aqua", .unrecorded = u }
#define HURT(d, st, t, sh, bl) \
  { .ago = d, .stage = st, .tool = t, .wear_minutes = 5, .resistance = R_SLIGHT, .pain = 3, \
    .sharp = sh, .bleeding = bl, .lube = "aqua" }

#define K(x) LENTO_RECOMMENDATION_##x
#define WHY(x) LENTO_REASON_##x

static const CoachCase coach_cases[] = {
  /* Getting ready and week one */
  { "getting-ready-without-lube", INVENTORY_EMPTY, PROGRAM_SHIPPED, { { 0 } }, 0, NONE_AGO,
    K(SESSION), K(SESSION), READY, NULL, WHY(GETTING_READY), 0, -1, FALSE, NONE_AGO },
  { "ready-moves-to-week-one", INVENTORY_FULL, PROGRAM_SHIPPED, { { 0 } }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), OUT, "finger-little", WHY(ADVANCE_STAGE), 0, -1, FALSE, NONE_AGO,
    NULL, "aqua" },
  { "week-one-first-session", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, OUT, "finger-little") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), OUT, "finger-little", WHY(STAGE_NOT_YET), 0x1, -1, FALSE, NONE_AGO },
  { "week-one-day-five-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, OUT, "finger-little"), CALM (5, OUT, "finger-little") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), OUT, "finger-little", WHY(STAGE_NOT_YET), 0x3, -1, FALSE, NONE_AGO },
  { "week-one-day-six-moves-on", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, OUT, "finger-little"), CALM (6, OUT, "finger-little") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), FIRST, "t15", WHY(ADVANCE_STAGE), 0x3, -1, FALSE, NONE_AGO },
  { "week-one-pain-two-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, OUT, "finger-little", 0, R_NONE, 2), CALM (6, OUT, "finger-little") },
    0, NONE_AGO,
    K(HOLD), K(HOLD), OUT, "finger-little", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },

  /* Week two: the first trainer and its wear time */
  { "week-two-building", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, FIRST, "t15") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), FIRST, "t15", WHY(BUILDING), 0x1, -1, FALSE, NONE_AGO },
  { "week-two-wear-just-short", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, FIRST, "t15", 9, R_NONE, 0), CALM (6, FIRST, "t15") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), FIRST, "t15", WHY(NOT_YET), 0x3, -1, FALSE, NONE_AGO },
  { "week-two-wear-reached-moves-on", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, FIRST, "t15"), CALM (6, FIRST, "t15") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), LAD, "t18", WHY(ADVANCE_STAGE), 0x3, -1, FALSE, NONE_AGO },
  { "week-two-too-soon-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, FIRST, "t15"), CALM (5, FIRST, "t15") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), FIRST, "t15", WHY(HOLD_DAYS), 0x3, -1, FALSE, NONE_AGO },

  /* The ladder: N sessions, thresholds */
  { "ladder-advance-after-two", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t18"), CALM (4, LAD, "t18") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), LAD, "t21", WHY(ADVANCE_SIZE), 0x3, -1, FALSE, NONE_AGO },
  { "ladder-one-is-not-enough", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t18") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), LAD, "t18", WHY(BUILDING), 0x1, -1, FALSE, NONE_AGO },
  { "ladder-slight-resistance-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t18", 10, R_SLIGHT, 0), CALM (4, LAD, "t18") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(NOT_YET), 0x3, -1, FALSE, NONE_AGO },
  { "ladder-pain-one-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t18", 10, R_NONE, 1), CALM (4, LAD, "t18") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },
  { "ladder-last-two-count", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t18"), SESSION (4, LAD, "t18", 10, R_MODERATE, 0), CALM (6, LAD, "t18") },
    0, NONE_AGO,
    K(REST), K(HOLD), LAD, "t18", WHY(NOT_YET), 0x3, WHY(WEEK_FULL), FALSE, NONE_AGO },
  { "ladder-earlier-trouble-forgotten", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t18"), CALM (4, LAD, "t18"), SESSION (6, LAD, "t18", 10, R_MODERATE, 0) },
    0, NONE_AGO,
    K(REST), K(ADVANCE), LAD, "t21", WHY(ADVANCE_SIZE), 0x3, WHY(WEEK_FULL), FALSE, NONE_AGO },
  { "ladder-top-moves-to-keeping-up", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t25"), CALM (4, LAD, "t25") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), KEEP, "t25", WHY(TOP_OF_LADDER), 0, WHY(ADVANCE_STAGE), FALSE,
    NONE_AGO },
  { "ladder-skips-tool-without-base", INVENTORY_GAP, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t15"), CALM (4, LAD, "t15") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), LAD, "t21", WHY(TOOL_SKIPPED), 0, WHY(LADDER_JUMP), FALSE,
    NONE_AGO },

  /* Typed in by hand: the stage moves only with a session of its own tool and size. */
  { "hand-entry-without-tool-keeps-stage", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, "", NULL), CALM (5, OUT, "finger-little") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), OUT, "finger-little", WHY(STAGE_NOT_YET), 0, -1, FALSE, NONE_AGO },
  { "hand-entry-with-larger-tool-keeps-stage", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, "", "t21"), CALM (5, FIRST, "t15") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), FIRST, "t15", WHY(BUILDING), 0, -1, FALSE, NONE_AGO },
  { "hand-entry-at-the-same-size-counts", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, "", "t18"), CALM (4, LAD, "t18") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), LAD, "t21", WHY(ADVANCE_SIZE), 0x3, -1, FALSE, NONE_AGO },
  { "keeping-up-stays", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, KEEP, "t25"), CALM (4, KEEP, "t25") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), KEEP, "t25", WHY(TOP_OF_LADDER), 0, -1, FALSE, NONE_AGO },

  /* Stepping back: any pain holds; pain at the step-back level rests, then steps back. */
  { "pain-three-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_NONE, 3), CALM (4, LAD, "t21") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },
  { "pain-on-a-first-session-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_NONE, 2) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },
  { "pain-four-rests-and-steps-back", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_NONE, 4), CALM (4, LAD, "t21") }, 0, NONE_AGO,
    K(REST), K(STEP_BACK), LAD, "t18", WHY(STEP_BACK_PAIN), 0x1, WHY(REST_AFTER_INJURY), FALSE,
    1 },
  { "pain-four-after-the-rest-steps-back", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (4, LAD, "t21", 10, R_NONE, 4), CALM (6, LAD, "t21") }, 0, NONE_AGO,
    K(STEP_BACK), K(STEP_BACK), LAD, "t18", WHY(STEP_BACK_PAIN), 0x1, -1, FALSE, NONE_AGO },
  { "pain-nine-steps-back", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t25", 3, R_MODERATE, 9) }, 0, NONE_AGO,
    K(REST), K(STEP_BACK), LAD, "t21", WHY(STEP_BACK_PAIN), 0x1, WHY(REST_AFTER_INJURY), FALSE,
    1 },
  { "resistance-one-more-calm-counts-right", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0) }, 0, NONE_AGO,
    K(SESSION), K(SESSION), LAD, "t21", WHY(BUILDING), 0x1, -1, FALSE, NONE_AGO },
  { "moderate-resistance-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_MODERATE, 0), CALM (4, LAD, "t21") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(NOT_YET), 0x3, -1, FALSE, NONE_AGO },
  { "strong-resistance-steps-back", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_STRONG, 0), CALM (4, LAD, "t21") }, 0, NONE_AGO,
    K(STEP_BACK), K(STEP_BACK), LAD, "t18", WHY(STEP_BACK_RESISTANCE), 0x1, -1, FALSE,
    NONE_AGO },
  { "step-back-below-first-trainer", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, FIRST, "t15", 4, R_NONE, 5) }, 0, NONE_AGO,
    K(REST), K(STEP_BACK), FIRST, "finger-little", WHY(STEP_BACK_PAIN), 0x1, -1, FALSE, 1 },
  /* At the gentlest size there is nothing smaller: stay there. */
  { "pain-at-gentlest-size-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, FIRST, "finger-little", 10, R_NONE, 6) }, 0, NONE_AGO,
    K(REST), K(HOLD), FIRST, "finger-little", WHY(STEP_BACK_PAIN), 0x1, -1, FALSE, 1 },
  { "resistance-at-gentlest-size-holds", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, FIRST, "finger-little", 10, R_STRONG, 0) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), FIRST, "finger-little", WHY(STEP_BACK_RESISTANCE), 0x1, -1, FALSE,
    NONE_AGO },
  { "after-step-back-builds-smaller", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (1, LAD, "t18"), SESSION (4, LAD, "t21", 10, R_NONE, 5) }, 0, NONE_AGO,
    K(REST), K(SESSION), LAD, "t18", WHY(REST_BETWEEN), 0x1, WHY(BUILDING), FALSE, NONE_AGO },

  /* Rest after sharp pain or significant bleeding */
  { "sharp-pain-today-rests", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (0, LAD, "t21", TRUE, LENTO_BLEEDING_NONE) }, 0, NONE_AGO,
    K(REST), K(STEP_BACK), LAD, "t18", WHY(REST_AFTER_INJURY), 0x1, WHY(AFTER_REST), FALSE, 3 },
  { "sharp-pain-day-three-rests", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (3, LAD, "t21", TRUE, LENTO_BLEEDING_NONE) }, 0, NONE_AGO,
    K(REST), K(STEP_BACK), LAD, "t18", WHY(REST_AFTER_INJURY), 0x1, -1, FALSE, 0 },
  { "sharp-pain-day-four-resumes-smaller", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (4, LAD, "t21", TRUE, LENTO_BLEEDING_NONE) }, 0, NONE_AGO,
    K(STEP_BACK), K(STEP_BACK), LAD, "t18", WHY(AFTER_REST), 0x1, -1, FALSE, NONE_AGO },
  { "significant-bleeding-rests", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SIGNIFICANT), CALM (20, LAD, "t21") },
    0, NONE_AGO,
    K(REST), K(STEP_BACK), LAD, "t18", WHY(REST_AFTER_INJURY), 0x1, -1, FALSE, 2 },
  { "spotting-once-no-rest", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (2, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },

  /* The clinician */
  { "bleeding-twice-in-fourteen-days", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING), CALM (5, LAD, "t21"),
      HURT (14, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) }, 0, NONE_AGO,
    K(SEE_CLINICIAN), K(SEE_CLINICIAN), LAD, NULL, WHY(CLINICIAN_REPEATED_BLEEDING), 0x5, -1,
    FALSE, NONE_AGO },
  { "bleeding-fifteen-days-apart", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING), CALM (5, LAD, "t21"),
      HURT (15, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) }, 0, NONE_AGO,
    K(REST), K(HOLD), LAD, "t21", WHY(REST_BETWEEN), 0x1, WHY(HOLD_AFTER_PAIN), FALSE,
    NONE_AGO },
  { "heavy-bleeding", INVENTORY_FULL, PROGRAM_SHIPPED,
    { { .ago = 3, .stage = LAD, .tool = "t21", .wear_minutes = 5, .pain = 2,
        .bleeding = LENTO_BLEEDING_SIGNIFICANT, .tag = "heavy-bleeding" } }, 0, NONE_AGO,
    K(SEE_CLINICIAN), K(SEE_CLINICIAN), LAD, NULL, WHY(CLINICIAN_HEAVY_BLEEDING), 0x1, -1,
    FALSE, NONE_AGO },
  { "clinician-acknowledged-resumes", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (3, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      HURT (5, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) }, 0, 2,
    K(HOLD), K(HOLD), LAD, "t21", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },
  { "acknowledged-on-the-day-of-bleeding", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (3, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      HURT (5, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) }, 0, 3,
    K(HOLD), K(HOLD), LAD, "t21", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },
  { "bleeding-again-after-acknowledgement", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (2, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      HURT (6, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      HURT (10, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) }, 0, 8,
    K(SEE_CLINICIAN), K(SEE_CLINICIAN), LAD, NULL, WHY(CLINICIAN_REPEATED_BLEEDING), 0x3, -1,
    FALSE, NONE_AGO },
  { "clinician-note-acknowledges", INVENTORY_FULL, PROGRAM_SHIPPED,
    { HURT (3, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      HURT (5, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      { .ago = 2, .stage = "", .kind = LENTO_ENTRY_KIND_CLINICIAN_NOTE } }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(HOLD_AFTER_PAIN), 0x1, -1, FALSE, NONE_AGO },

  /* The long break */
  { "thirteen-days-away-carries-on", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (13, LAD, "t21") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), LAD, "t21", WHY(BUILDING), 0x1, WHY(LOW_FREQUENCY), TRUE, NONE_AGO },
  { "fourteen-days-away-steps-back", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (14, LAD, "t21"), CALM (16, LAD, "t21") }, 0, NONE_AGO,
    K(STEP_BACK), K(STEP_BACK), LAD, "t18", WHY(LONG_BREAK), 0x1, -1, FALSE, NONE_AGO, "t18" },
  { "long-break-in-week-one", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (20, OUT, "finger-little") }, 0, NONE_AGO,
    K(SESSION), K(SESSION), OUT, "finger-little", WHY(LONG_BREAK), 0x1, -1, FALSE, NONE_AGO,
    "finger-little" },

  /* The plateau */
  { "six-days-at-a-size", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0), SESSION (6, LAD, "t21", 10, R_SLIGHT, 0) },
    0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(NOT_YET), 0x3, -1, FALSE, NONE_AGO },
  { "seven-days-at-a-size-plateau", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0), SESSION (7, LAD, "t21", 10, R_SLIGHT, 0) },
    0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(PLATEAU), 0x3, -1, FALSE, NONE_AGO },

  /* Clinical pacing: days per size and a warm-up on the size below */
  { "held-size-waits", INVENTORY_FULL, PROGRAM_CLINICAL,
    { CALM (2, LAD, "t18"), CALM (10, LAD, "t18") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(HOLD_DAYS), 0x3, WHY(WARM_UP), FALSE, NONE_AGO, "t15" },
  { "held-size-moves-on", INVENTORY_FULL, PROGRAM_CLINICAL,
    { CALM (2, LAD, "t18"), CALM (5, LAD, "t18"), CALM (14, LAD, "t18") }, 0, NONE_AGO,
    K(ADVANCE), K(ADVANCE), LAD, "t21", WHY(ADVANCE_SIZE), 0x3, WHY(WARM_UP), FALSE, NONE_AGO,
    "t18" },

  /* The week: planned days, rest between, enough is enough */
  { "not-a-planned-day", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (4, LAD, "t21") }, 1 << G_DATE_THURSDAY, NONE_AGO,
    K(REST), K(SESSION), LAD, "t21", WHY(REST_DAY), 0, WHY(BUILDING), FALSE, NONE_AGO },
  { "done-today", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (0, LAD, "t21") }, 0, NONE_AGO,
    K(REST), K(SESSION), LAD, "t21", WHY(DONE_TODAY), 0x1, -1, FALSE, NONE_AGO },
  { "three-in-six-days-is-plenty", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0), SESSION (4, LAD, "t21", 10, R_SLIGHT, 0),
      SESSION (6, LAD, "t21", 10, R_SLIGHT, 0) }, 0, NONE_AGO,
    K(REST), K(HOLD), LAD, "t21", WHY(WEEK_FULL), 0, -1, FALSE, NONE_AGO },
  { "three-in-seven-days-leaves-room", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0), SESSION (4, LAD, "t21", 10, R_SLIGHT, 0),
      SESSION (7, LAD, "t21", 10, R_SLIGHT, 0) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(PLATEAU), 0x7, -1, FALSE, NONE_AGO },

  /* Frequency */
  { "once-a-week-gentle-note", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (6, LAD, "t21", 10, R_SLIGHT, 0), SESSION (13, LAD, "t21", 10, R_SLIGHT, 0) },
    0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(LOW_FREQUENCY), 0x3, WHY(PLATEAU), TRUE, NONE_AGO },
  { "twice-in-a-week-no-note", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (5, LAD, "t21", 10, R_SLIGHT, 0), SESSION (6, LAD, "t21", 10, R_SLIGHT, 0),
      SESSION (13, LAD, "t21", 10, R_SLIGHT, 0) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(PLATEAU), 0x7, -1, FALSE, NONE_AGO },
  { "new-person-no-note", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (6, LAD, "t21", 10, R_SLIGHT, 0), SESSION (12, LAD, "t21", 10, R_SLIGHT, 0) },
    0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(PLATEAU), 0x3, -1, FALSE, NONE_AGO },
  { "chosen-rest-no-note", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SESSION (6, LAD, "t21", 10, R_SLIGHT, 0), SESSION (13, LAD, "t21", 10, R_SLIGHT, 0),
      { .ago = 9, .stage = "", .kind = LENTO_ENTRY_KIND_REST } }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t21", WHY(PLATEAU), 0x3, -1, FALSE, NONE_AGO },

  /* How it felt, unanswered: such a session is one for the week, never one to move on by */
  { "untouched-after-sharp-pain-never-advances", INVENTORY_FULL, PROGRAM_SHIPPED,
    { UNANSWERED (2, LAD, "t18", UNRECORDED_ALL), UNANSWERED (4, LAD, "t18", UNRECORDED_ALL),
      HURT (9, LAD, "t21", TRUE, LENTO_BLEEDING_NONE) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(NOT_YET), 0x3, WHY(FELT_UNRECORDED), FALSE, NONE_AGO },
  { "unrecorded-comfort-never-advances", INVENTORY_FULL, PROGRAM_SHIPPED,
    { UNANSWERED (2, LAD, "t18", UNRECORDED_COMFORT), CALM (4, LAD, "t18") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(NOT_YET), 0x3, WHY(FELT_UNRECORDED), FALSE, NONE_AGO },
  { "unrecorded-pain-never-advances", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM (2, LAD, "t18"), UNANSWERED (4, LAD, "t18", UNRECORDED_PAIN) }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(NOT_YET), 0x3, WHY(FELT_UNRECORDED), FALSE, NONE_AGO },
  { "unrecorded-resistance-never-advances", INVENTORY_FULL, PROGRAM_SHIPPED,
    { UNANSWERED (2, LAD, "t18", UNRECORDED_RESISTANCE), CALM (4, LAD, "t18") }, 0, NONE_AGO,
    K(HOLD), K(HOLD), LAD, "t18", WHY(NOT_YET), 0x3, WHY(FELT_UNRECORDED), FALSE, NONE_AGO },
  { "untouched-week-one-never-moves-on", INVENTORY_FULL, PROGRAM_SHIPPED,
    { UNANSWERED (2, OUT, "finger-little", UNRECORDED_ALL), CALM (6, OUT, "finger-little") },
    0, NONE_AGO,
    K(HOLD), K(HOLD), OUT, "finger-little", WHY(STAGE_NOT_YET), 0x3, WHY(FELT_UNRECORDED),
    FALSE, NONE_AGO },
  { "untouched-still-counts-for-the-day", INVENTORY_FULL, PROGRAM_SHIPPED,
    { UNANSWERED (0, LAD, "t18", UNRECORDED_ALL), CALM (2, LAD, "t18") }, 0, NONE_AGO,
    K(REST), K(HOLD), LAD, "t18", WHY(DONE_TODAY), 0x1, WHY(FELT_UNRECORDED), FALSE,
    NONE_AGO },
  { "untouched-still-counts-for-the-week", INVENTORY_FULL, PROGRAM_SHIPPED,
    { UNANSWERED (2, LAD, "t21", UNRECORDED_ALL), UNANSWERED (4, LAD, "t21", UNRECORDED_ALL),
      UNANSWERED (6, LAD, "t21", UNRECORDED_ALL) }, 0, NONE_AGO,
    K(REST), K(HOLD), LAD, "t21", WHY(WEEK_FULL), 0, WHY(FELT_UNRECORDED), FALSE, NONE_AGO },

  /* Lubricant */
  { "silicone-lube-on-silicone-tool", INVENTORY_SILICONE, PROGRAM_SHIPPED,
    { { .ago = 2, .stage = LAD, .tool = "t21", .wear_minutes = 10, .lube = "slick" } },
    0, NONE_AGO,
    K(SESSION), K(SESSION), LAD, "t21", WHY(LUBE_WARNING), 0x1, WHY(BUILDING), FALSE, NONE_AGO,
    NULL, "aqua" },
};

static const char * const unkind_words[] = {
  "streak", "fail", "missed", "lazy", "should have", "only once", "behind", "broke", "must",
};

static LentoInventory *
make_inventory (InventoryKind kind)
{
  LentoInventory *inventory = lento_inventory_new ();
  struct {
    const char *id;
    double      diameter;
  } trainers[] = {
    { "t15", 15.0 }, { "t18", 18.0 }, { "t21", 21.5 }, { "t25", 25.0 },
  };

  if (kind == INVENTORY_EMPTY)
    return inventory;

  lento_inventory_add_finger_presets (inventory);
  for (guint i = 0; i < G_N_ELEMENTS (trainers); i++)
    {
      g_autoptr(LentoTool) tool = NULL;
      gboolean flared = !(kind == INVENTORY_GAP && g_str_equal (trainers[i].id, "t18"));

      tool = lento_tool_new (trainers[i].id, trainers[i].id, LENTO_TOOL_KIND_TRAINER,
                             LENTO_MATERIAL_SILICONE, trainers[i].diameter, 90.0, flared);
      g_assert_true (lento_inventory_add_tool (inventory, tool, NULL));
    }

  {
    g_autoptr(LentoLube) aqua = lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER);
    g_assert_true (lento_inventory_add_lube (inventory, aqua, NULL));
  }

  if (kind == INVENTORY_SILICONE)
    {
      g_autoptr(LentoLube) slick = lento_lube_new ("slick", "Slick", LENTO_LUBE_KIND_SILICONE);
      g_assert_true (lento_inventory_add_lube (inventory, slick, NULL));
    }

  return inventory;
}

/* The shipped plan, or the shipped plan with clinical pacing: two weeks per
 * size and a warm-up on the size below.
 */
static LentoProgram *
make_program (ProgramKind kind)
{
  g_autoptr(GError) error = NULL;
  LentoProgram *program;

  if (kind != PROGRAM_SHIPPED)
    return lento_sample_program_new (14, TRUE);

  program = lento_program_new_default (&error);
  g_assert_no_error (error);
  return program;
}

static void
today_date (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
}

static LentoEntry *
make_entry (const EntrySpec *spec)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (TODAY_YEAR, TODAY_MONTH, TODAY_DAY,
                                                    18, 30, 0);
  g_autoptr(GDateTime) start = g_date_time_add_days (today, -spec->ago);
  LentoEntry *entry = lento_entry_new (start);

  lento_entry_set_kind (entry, spec->kind);
  if (spec->kind != LENTO_ENTRY_KIND_SESSION)
    return entry;

  lento_entry_set_stage (entry, spec->stage);
  lento_entry_set_tool (entry, spec->tool);
  lento_entry_set_lube (entry, spec->lube);
  lento_entry_set_wear (entry, spec->wear_minutes * 60);
  lento_entry_set_duration (entry, spec->wear_minutes * 60 + 900);
  if (!(spec->unrecorded & UNRECORDED_RESISTANCE))
    lento_entry_set_resistance (entry, spec->resistance);
  if (!(spec->unrecorded & UNRECORDED_PAIN))
    lento_entry_set_pain (entry, spec->pain);
  /* The rules read that comfort was answered, not how high it was. */
  if (!(spec->unrecorded & UNRECORDED_COMFORT))
    lento_entry_set_comfort (entry, spec->pain > 0 ? 4 : 8);
  lento_entry_set_sharp_pain (entry, spec->sharp);
  lento_entry_set_bleeding (entry, spec->bleeding);
  if (spec->tag != NULL)
    {
      const char * const tags[] = { spec->tag, NULL };
      lento_entry_set_tags (entry, tags);
    }

  return entry;
}

static GListStore *
make_entries (const EntrySpec *specs,
              guint            n_specs,
              gboolean         reversed)
{
  GListStore *store = g_list_store_new (LENTO_TYPE_ENTRY);

  for (guint i = 0; i < n_specs && specs[i].stage != NULL; i++)
    {
      g_autoptr(LentoEntry) entry = make_entry (&specs[i]);

      if (reversed)
        g_list_store_insert (store, 0, entry);
      else
        g_list_store_append (store, entry);
    }

  return store;
}

/* What an early answer is given from before the complete days: every
 * clinician note, every session with bleeding or the heavy-bleeding tag,
 * and the oldest session. Nothing else, so that a rule reaching for more
 * shows.
 */
static GListStore *
given_early (GListModel  *entries,
             const GDate *complete_from)
{
  GListStore *given = g_list_store_new (LENTO_TYPE_ENTRY);
  guint n = g_list_model_get_n_items (entries);
  LentoEntry *oldest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);

      if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION
          && (oldest == NULL || g_date_time_compare (lento_entry_get_start (entry),
                                                     lento_entry_get_start (oldest)) < 0))
        oldest = entry;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);
      GDateTime *start = lento_entry_get_start (entry);
      int year, month, day;
      GDate date;

      g_date_time_get_ymd (start, &year, &month, &day);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      if (g_date_compare (&date, complete_from) >= 0
          || lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_CLINICIAN_NOTE
          || lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE
          || lento_entry_has_tag (entry, "heavy-bleeding")
          || entry == oldest)
        g_list_store_append (given, entry);
    }

  return given;
}

/* The case's answer from @entries (its entries made afresh when %NULL);
 * with @complete_from, the early one from what given_early() keeps.
 */
static LentoRecommendation *
recommend_case_from (const CoachCase  *test,
                     GListStore       *entries,
                     const GDate      *complete_from)
{
  g_autoptr(LentoProgram) program = make_program (test->program);
  g_autoptr(LentoInventory) inventory = make_inventory (test->inventory);
  LentoCoachSettings settings;
  GDate today;

  today_date (&today);
  lento_coach_settings_init (&settings);
  settings.weekdays = test->weekdays != 0 ? test->weekdays : ALL_DAYS;
  if (test->acknowledged != NONE_AGO)
    {
      settings.clinician_acknowledged = today;
      g_date_subtract_days (&settings.clinician_acknowledged, test->acknowledged);
    }

  if (complete_from != NULL)
    {
      g_autoptr(GListStore) given = given_early (G_LIST_MODEL (entries), complete_from);

      return lento_coach_recommend_early (program, G_LIST_MODEL (given), complete_from,
                                          inventory, &today, &settings);
    }

  return lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);
}

static LentoRecommendation *
recommend_case (const CoachCase  *test,
                GListStore      **out_entries,
                gboolean          reversed)
{
  g_autoptr(GListStore) entries = make_entries (test->entries, G_N_ELEMENTS (test->entries),
                                                reversed);

  if (out_entries != NULL)
    *out_entries = g_object_ref (entries);

  return recommend_case_from (test, entries, NULL);
}

static void
dump (LentoRecommendation *rec)
{
  GPtrArray *reasons = lento_recommendation_get_reasons (rec);

  g_test_message ("kind %d next %d stage %s tool %s", lento_recommendation_get_kind (rec),
                  lento_recommendation_get_next_kind (rec), lento_recommendation_get_stage (rec),
                  lento_recommendation_get_tool (rec));
  for (guint i = 0; i < reasons->len; i++)
    {
      LentoReason *reason = g_ptr_array_index (reasons, i);
      g_test_message ("  reason %d (%u entries): %s", reason->code,
                      g_strv_length (reason->entries), reason->text);
    }
}

static void
test_case (gconstpointer data)
{
  const CoachCase *test = data;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(LentoRecommendation) rec = recommend_case (test, &entries, FALSE);
  GPtrArray *reasons = lento_recommendation_get_reasons (rec);
  const LentoReason *reason;
  const GDate *rest_until;
  guint n_expected = 0;

  dump (rec);
  g_assert_cmpint (lento_recommendation_get_kind (rec), ==, test->kind);
  g_assert_cmpint (lento_recommendation_get_next_kind (rec), ==, test->next_kind);
  g_assert_cmpstr (lento_recommendation_get_stage (rec), ==, test->stage);
  g_assert_cmpstr (lento_recommendation_get_tool (rec), ==, test->tool);
  g_assert_cmpstr (lento_recommendation_get_template (rec), !=, NULL);
  g_assert_cmpint (lento_recommendation_get_gentle_note (rec), ==, test->gentle);
  if (test->warm_up != NULL)
    g_assert_cmpstr (lento_recommendation_get_warm_up_tool (rec), ==, test->warm_up);
  if (test->lube != NULL)
    g_assert_cmpstr (lento_recommendation_get_lube (rec), ==, test->lube);

  /* The reason is there and points at exactly the entries behind it. */
  reason = lento_recommendation_find_reason (rec, test->reason);
  g_assert_nonnull (reason);
  for (guint i = 0; i < G_N_ELEMENTS (test->entries); i++)
    {
      g_autoptr(LentoEntry) entry = NULL;

      if (!(test->reason_entries & (1u << i)))
        continue;

      n_expected++;
      entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      g_assert_true (g_strv_contains ((const char * const *) reason->entries,
                                      lento_entry_get_uuid (entry)));
    }
  g_assert_cmpuint (g_strv_length (reason->entries), ==, n_expected);

  if (test->also >= 0)
    g_assert_nonnull (lento_recommendation_find_reason (rec, test->also));

  /* On a rest day, why there is no session today is said first. */
  if (test->kind == LENTO_RECOMMENDATION_REST)
    {
      LentoReasonCode first = ((LentoReason *) g_ptr_array_index (reasons, 0))->code;

      g_assert_true (first == LENTO_REASON_REST_AFTER_INJURY || first == LENTO_REASON_DONE_TODAY
                     || first == LENTO_REASON_WEEK_FULL || first == LENTO_REASON_REST_BETWEEN
                     || first == LENTO_REASON_REST_DAY);
    }

  rest_until = lento_recommendation_get_rest_until (rec);
  if (test->rest_until == NONE_AGO)
    {
      g_assert_null (rest_until);
    }
  else
    {
      GDate expected;

      today_date (&expected);
      g_date_add_days (&expected, test->rest_until);
      g_assert_nonnull (rest_until);
      g_assert_cmpint (g_date_compare (rest_until, &expected), ==, 0);
    }

  /* No streaks, no shaming: whatever the rule, the words stay kind. */
  for (guint i = 0; i < reasons->len; i++)
    {
      LentoReason *r = g_ptr_array_index (reasons, i);
      g_autofree char *lower = g_utf8_strdown (r->text, -1);

      g_assert_cmpstr (r->text, !=, "");
      for (guint w = 0; w < G_N_ELEMENTS (unkind_words); w++)
        if (strstr (lower, unkind_words[w]) != NULL)
          g_error ("“%s” says “%s”", r->text, unkind_words[w]);
    }
}

/* The same journal in another order gives the same answer, word for word. */
static void
test_deterministic (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (coach_cases); c++)
    {
      g_autoptr(LentoRecommendation) a = recommend_case (&coach_cases[c], NULL, FALSE);
      g_autoptr(LentoRecommendation) b = recommend_case (&coach_cases[c], NULL, TRUE);

      lento_test_assert_same_recommendation (a, b, FALSE);
    }
}

/* Asked while only the newest days are complete, the coach gives the answer
 * the whole journal gives, or none. Every case, with the complete days
 * beginning anywhere from tomorrow to well before its first entry.
 */
static void
test_early_agrees (void)
{
  guint decided = 0, undecided = 0;

  for (guint c = 0; c < G_N_ELEMENTS (coach_cases); c++)
    {
      g_autoptr(GListStore) entries = NULL;
      g_autoptr(LentoRecommendation) full = recommend_case (&coach_cases[c], &entries, FALSE);

      for (int back = -1; back <= 45; back++)
        {
          g_autoptr(LentoRecommendation) early = NULL;
          GDate complete_from;

          today_date (&complete_from);
          if (back < 0)
            g_date_add_days (&complete_from, -back);
          else
            g_date_subtract_days (&complete_from, back);
          early = recommend_case_from (&coach_cases[c], entries, &complete_from);
          if (early == NULL)
            {
              undecided++;
              continue;
            }

          g_test_message ("%s, complete for %d days", coach_cases[c].name, back + 1);
          lento_test_assert_same_recommendation (full, early, TRUE);
          decided++;
        }
    }

  g_test_message ("%u early answers, %u undecided", decided, undecided);
  /* Both happen: the rules do look back, and most answers come early. */
  g_assert_cmpuint (undecided, >, 0);
  g_assert_cmpuint (decided, >, undecided);
}

/* Ten years of sample journal: the current and the previous month are
 * enough for today's answer, the one the whole journal gives.
 */
static void
test_early_sample (void)
{
  g_autoptr(GDateTime) end = g_date_time_new_utc (TODAY_YEAR, TODAY_MONTH, TODAY_DAY, 12, 0, 0);
  g_autoptr(GPtrArray) entries = lento_sample_entries_new (10000, 10, 1, end);
  g_autoptr(GListStore) all = g_list_store_new (LENTO_TYPE_ENTRY);
  g_autoptr(GListStore) given = NULL;
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoRecommendation) full = NULL;
  g_autoptr(LentoRecommendation) early = NULL;
  GDate today, complete_from;

  lento_sample_inventory_fill (inventory);
  today_date (&today);
  g_date_clear (&complete_from, 1);
  g_date_set_dmy (&complete_from, 1, TODAY_MONTH - 1, TODAY_YEAR);
  g_list_store_splice (all, 0, 0, entries->pdata, entries->len);
  given = given_early (G_LIST_MODEL (all), &complete_from);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (given)), <, 400);

  full = lento_coach_recommend (program, G_LIST_MODEL (all), inventory, &today, NULL);
  early = lento_coach_recommend_early (program, G_LIST_MODEL (given), &complete_from, inventory,
                                       &today, NULL);
  dump (full);
  g_assert_nonnull (early);
  lento_test_assert_same_recommendation (full, early, TRUE);
}

static LentoPlanDayKind
day_kind (LentoRecommendation *rec,
          guint                index)
{
  GArray *days = lento_recommendation_get_days (rec);
  GDate expected;

  today_date (&expected);
  g_date_add_days (&expected, index);
  g_assert_cmpint (g_date_compare (&g_array_index (days, LentoPlanDay, index).date, &expected),
                   ==, 0);
  return g_array_index (days, LentoPlanDay, index).kind;
}

/* Tuesday, Thursday and Saturday by default; rest in between and after a rest rule. */
static void
test_week_ahead (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);
  const EntrySpec calm[] = { CALM (4, LAD, "t21"), { 0 } };
  const EntrySpec hurt[] = { HURT (0, LAD, "t21", TRUE, LENTO_BLEEDING_NONE), { 0 } };
  const EntrySpec done[] = { CALM (0, LAD, "t21"), { 0 } };
  g_autoptr(GListStore) calm_entries = make_entries (calm, G_N_ELEMENTS (calm), FALSE);
  g_autoptr(GListStore) hurt_entries = make_entries (hurt, G_N_ELEMENTS (hurt), FALSE);
  g_autoptr(GListStore) done_entries = make_entries (done, G_N_ELEMENTS (done), FALSE);
  g_autoptr(LentoRecommendation) plain = NULL;
  g_autoptr(LentoRecommendation) resting = NULL;
  g_autoptr(LentoRecommendation) every_day = NULL;
  g_autoptr(LentoRecommendation) after_done = NULL;
  LentoCoachSettings settings;
  GDate today;

  today_date (&today);
  g_assert_cmpint (g_date_get_weekday (&today), ==, G_DATE_TUESDAY);

  plain = lento_coach_recommend (program, G_LIST_MODEL (calm_entries), inventory, &today, NULL);
  g_assert_cmpint (day_kind (plain, 0), ==, LENTO_PLAN_DAY_SESSION);   /* Tuesday */
  g_assert_cmpint (day_kind (plain, 1), ==, LENTO_PLAN_DAY_REST);      /* Wednesday */
  g_assert_cmpint (day_kind (plain, 2), ==, LENTO_PLAN_DAY_SESSION);   /* Thursday */
  g_assert_cmpint (day_kind (plain, 3), ==, LENTO_PLAN_DAY_REST);
  g_assert_cmpint (day_kind (plain, 4), ==, LENTO_PLAN_DAY_SESSION);   /* Saturday */
  g_assert_cmpint (day_kind (plain, 5), ==, LENTO_PLAN_DAY_REST);
  g_assert_cmpint (day_kind (plain, 6), ==, LENTO_PLAN_DAY_REST);      /* Monday */

  resting = lento_coach_recommend (program, G_LIST_MODEL (hurt_entries), inventory, &today,
                                   NULL);
  for (guint i = 0; i <= 3; i++)
    g_assert_cmpint (day_kind (resting, i), ==, LENTO_PLAN_DAY_REST);
  g_assert_cmpint (day_kind (resting, 4), ==, LENTO_PLAN_DAY_SESSION);  /* Saturday */

  /* Every day chosen: still a rest day between sessions. */
  lento_coach_settings_init (&settings);
  settings.weekdays = ALL_DAYS;
  every_day = lento_coach_recommend (program, G_LIST_MODEL (calm_entries), inventory, &today,
                                     &settings);
  g_assert_cmpint (day_kind (every_day, 0), ==, LENTO_PLAN_DAY_SESSION);
  g_assert_cmpint (day_kind (every_day, 1), ==, LENTO_PLAN_DAY_REST);
  g_assert_cmpint (day_kind (every_day, 2), ==, LENTO_PLAN_DAY_SESSION);
  g_assert_cmpint (day_kind (every_day, 3), ==, LENTO_PLAN_DAY_REST);

  after_done = lento_coach_recommend (program, G_LIST_MODEL (done_entries), inventory, &today,
                                      &settings);
  g_assert_cmpint (day_kind (after_done, 0), ==, LENTO_PLAN_DAY_DONE);
  g_assert_cmpint (day_kind (after_done, 1), ==, LENTO_PLAN_DAY_REST);
  g_assert_cmpint (day_kind (after_done, 2), ==, LENTO_PLAN_DAY_SESSION);
}

/* With the plan's own Tuesday, Thursday and Saturday, the week ahead after
 * each session of two weeks still holds every one of those days: the session
 * done today is counted once, not again as a planned day.
 */
static void
test_week_ahead_after_each_session (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);
  g_autoptr(GListStore) entries = g_list_store_new (LENTO_TYPE_ENTRY);
  /* Days after Tuesday 10 March with a session, and the week ahead after it. */
  const struct {
    int         day;
    const char *week;
  } walk[] = {
    { 0, "D.S.S.." }, { 2, "D.S..S." }, { 4, "D..S.S." },
    { 7, "D.S.S.." }, { 9, "D.S..S." }, { 11, "D..S.S." },
  };

  for (guint w = 0; w < G_N_ELEMENTS (walk); w++)
    {
      EntrySpec spec = CALM (-walk[w].day, LAD, "t21");
      g_autoptr(LentoEntry) entry = make_entry (&spec);
      g_autoptr(LentoRecommendation) rec = NULL;
      GArray *days;
      char week[LENTO_COACH_PLAN_DAYS + 1] = { 0, };
      GDate today;

      g_list_store_append (entries, entry);
      today_date (&today);
      g_date_add_days (&today, walk[w].day);
      rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, NULL);
      days = lento_recommendation_get_days (rec);
      for (guint d = 0; d < LENTO_COACH_PLAN_DAYS; d++)
        {
          LentoPlanDayKind kind = g_array_index (days, LentoPlanDay, d).kind;

          week[d] = kind == LENTO_PLAN_DAY_DONE ? 'D' : kind == LENTO_PLAN_DAY_SESSION ? 'S' : '.';
        }
      g_test_message ("day %d: %s", walk[w].day, week);
      g_assert_cmpstr (week, ==, walk[w].week);
    }
}

/* Entries after today are not part of the picture yet. */
static void
test_future_entries_ignored (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);
  const EntrySpec specs[] = {
    SESSION (-2, LAD, "t21", 10, R_STRONG, 8), CALM (2, LAD, "t18"), { 0 },
  };
  g_autoptr(GListStore) entries = make_entries (specs, G_N_ELEMENTS (specs), FALSE);
  g_autoptr(LentoRecommendation) rec = NULL;
  GDate today;

  today_date (&today);
  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, NULL);
  g_assert_cmpint (lento_recommendation_get_next_kind (rec), ==, LENTO_RECOMMENDATION_SESSION);
  g_assert_cmpstr (lento_recommendation_get_tool (rec), ==, "t18");
}

static void
test_new_destroy (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);
  g_autoptr(GListStore) entries = g_list_store_new (LENTO_TYPE_ENTRY);
  LentoRecommendation *rec;
  GDate today;

  today_date (&today);
  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, NULL);
  g_assert_true (LENTO_IS_RECOMMENDATION (rec));
  g_assert_cmpuint (lento_recommendation_get_days (rec)->len, ==, LENTO_COACH_PLAN_DAYS);
  g_assert_finalize_object (rec);
}

/* Skip today: today becomes rest with its own reason, the next session and
 * the days after are as they were; a skip on another day changes nothing,
 * and a session already done today stays done.
 */
typedef struct {
  const char *name;
  int         skipped_ago;   /* days before today */
  int         done_ago;      /* a calm session this many days ago */
  gboolean    rest;
  LentoReasonCode reason;
} SkipCase;

static const SkipCase skip_cases[] = {
  { "skipped-today-rests", 0, 2, TRUE, WHY(SKIPPED_TODAY) },
  { "skipped-yesterday-changes-nothing", 1, 2, FALSE, WHY(STAGE_NOT_YET) },
  { "skipped-after-a-session-stays-done", 0, 0, TRUE, WHY(DONE_TODAY) },
};

static void
test_skip (gconstpointer data)
{
  const SkipCase *test = data;
  CoachCase base = { "skip", INVENTORY_FULL, PROGRAM_SHIPPED,
                     { CALM (test->done_ago, OUT, "finger-little") }, 0, NONE_AGO, };
  g_autoptr(LentoProgram) program = make_program (base.program);
  g_autoptr(LentoInventory) inventory = make_inventory (base.inventory);
  g_autoptr(GListStore) entries = make_entries (base.entries, G_N_ELEMENTS (base.entries), FALSE);
  g_autoptr(LentoRecommendation) plain = NULL;
  g_autoptr(LentoRecommendation) rec = NULL;
  LentoCoachSettings settings;
  GDate today;

  today_date (&today);
  lento_coach_settings_init (&settings);
  settings.weekdays = ALL_DAYS;
  plain = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);

  settings.skipped = today;
  g_date_subtract_days (&settings.skipped, test->skipped_ago);
  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);
  dump (rec);

  g_assert_cmpint (lento_recommendation_get_kind (rec) == K(REST), ==, test->rest);
  g_assert_nonnull (lento_recommendation_find_reason (rec, test->reason));
  g_assert_cmpint (lento_recommendation_get_next_kind (rec), ==,
                   lento_recommendation_get_next_kind (plain));
  g_assert_cmpstr (lento_recommendation_get_tool (rec), ==, lento_recommendation_get_tool (plain));
  g_assert_cmpint (g_array_index (lento_recommendation_get_days (rec), LentoPlanDay, 0).kind,
                   ==, test->rest ? (test->done_ago == 0 ? LENTO_PLAN_DAY_DONE
                                                         : LENTO_PLAN_DAY_REST)
                                  : LENTO_PLAN_DAY_SESSION);
  if (test->skipped_ago != 0 || test->done_ago == 0)
    g_assert_null (lento_recommendation_find_reason (rec, WHY(SKIPPED_TODAY)));
}

/* The reasons read right in English for one and for two: every number that
 * meets a noun goes through ngettext, and a date has no padding. The plan's
 * thresholds are changed where the shipped ones never give a one.
 */
typedef struct {
  const char *path;   /* a member of program.json, like "rules/advance/sessions" */
  int         value;
} RuleChange;

typedef struct {
  const char      *name;
  RuleChange       changes[2];
  EntrySpec        entries[4];
  LentoReasonCode  reason;
  const char      *says;
} WordingCase;

static const WordingCase wording_cases[] = {
  { "building-one-more", { { NULL } }, { CALM (2, LAD, "t18") },
    WHY(BUILDING), "1 more calm session at 18\u00a0mm, and then" },
  { "building-two-more", { { "rules/advance/sessions", 3 } }, { CALM (2, LAD, "t18") },
    WHY(BUILDING), "2 more calm sessions at 18\u00a0mm, and then" },
  { "advance-after-one", { { "rules/advance/sessions", 1 } }, { CALM (2, LAD, "t18") },
    WHY(ADVANCE_SIZE), "1 session in a row at 18\u00a0mm went in easily" },
  { "advance-after-two", { { NULL } }, { CALM (2, LAD, "t18"), CALM (4, LAD, "t18") },
    WHY(ADVANCE_SIZE), "2 sessions in a row at 18\u00a0mm went in easily" },
  { "not-yet-after-one", { { "rules/advance/sessions", 1 } },
    { SESSION (2, LAD, "t18", 10, R_SLIGHT, 0) },
    WHY(NOT_YET), "moves up after 1 session in a row that goes in with no resistance, no pain and "
    "10 minutes of wear." },
  { "not-yet-after-two", { { NULL } },
    { SESSION (2, LAD, "t18", 10, R_SLIGHT, 0), CALM (4, LAD, "t18") },
    WHY(NOT_YET), "moves up after 2 sessions in a row that go in with no resistance, no pain "
    "and 10 minutes of wear." },
  { "not-yet-one-minute",
    { { "stages/3/target_wear_seconds", 60 }, { "stages/3/move_on/wear_seconds", 60 } },
    { SESSION (2, LAD, "t18", 10, R_SLIGHT, 0), CALM (4, LAD, "t18") },
    WHY(NOT_YET), "no pain and 1 minute of wear." },
  { "plateau-one-day", { { "rules/plateau/days", 1 } },
    { SESSION (0, LAD, "t21", 10, R_SLIGHT, 0), SESSION (1, LAD, "t21", 10, R_SLIGHT, 0) },
    WHY(PLATEAU), "You have been at 21.5\u00a0mm for 1 day." },
  { "plateau-two-days", { { "rules/plateau/days", 2 } },
    { SESSION (0, LAD, "t21", 10, R_SLIGHT, 0), SESSION (2, LAD, "t21", 10, R_SLIGHT, 0) },
    WHY(PLATEAU), "You have been at 21.5\u00a0mm for 2 days." },
  { "long-break-two-days", { { "rules/long_break/days", 2 } }, { CALM (2, LAD, "t21") },
    WHY(LONG_BREAK), "After 2 days away, start with" },
  { "unrecorded-one", { { NULL } },
    { UNANSWERED (2, LAD, "t18", UNRECORDED_COMFORT), CALM (4, LAD, "t18") },
    WHY(FELT_UNRECORDED), "1 recent session has no record of how it felt. Add its comfort" },
  { "unrecorded-two", { { NULL } },
    { UNANSWERED (2, LAD, "t18", UNRECORDED_ALL), UNANSWERED (4, LAD, "t18", UNRECORDED_ALL) },
    WHY(FELT_UNRECORDED), "2 recent sessions have no record of how they felt. Add their" },
  { "week-full-one",
    { { "rules/sessions_per_week/min", 1 }, { "rules/sessions_per_week/max", 1 } },
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0) },
    WHY(WEEK_FULL), "1 session in seven days is plenty." },
  { "week-full-two", { { "rules/sessions_per_week/max", 2 } },
    { SESSION (2, LAD, "t21", 10, R_SLIGHT, 0), SESSION (4, LAD, "t21", 10, R_SLIGHT, 0) },
    WHY(WEEK_FULL), "2 sessions in seven days is plenty." },
  { "bleeding-once", { { "rules/clinician/repeat_bleeding_count", 1 } },
    { HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) },
    WHY(CLINICIAN_REPEATED_BLEEDING), "There was bleeding 1 time within 14 days." },
  { "bleeding-twice-in-one-day", { { "rules/clinician/repeat_bleeding_days", 1 } },
    { HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING),
      HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) },
    WHY(CLINICIAN_REPEATED_BLEEDING), "There was bleeding 2 times within 1 day." },
  { "bleeding-twice", { { NULL } },
    { HURT (1, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING), CALM (5, LAD, "t21"),
      HURT (14, LAD, "t21", FALSE, LENTO_BLEEDING_SPOTTING) },
    WHY(CLINICIAN_REPEATED_BLEEDING), "There was bleeding 2 times within 14 days." },
  /* 25 days after Tuesday 10 March: a day of one digit, with no padding. */
  { "rest-until-a-date", { { "rules/rest/days", 25 } },
    { HURT (0, LAD, "t21", TRUE, LENTO_BLEEDING_NONE) },
    WHY(REST_AFTER_INJURY), "Rest until Saturday 4 April so the tissue" },
};

/* The shipped plan with some of its members changed. */
static LentoProgram *
make_program_with (const RuleChange *changes,
                   guint             n_changes)
{
  g_autofree char *path = g_build_filename (g_getenv ("LENTO_SOURCE_DIR"), "data", "plan",
                                            "program.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LentoProgram *program;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);

  for (guint c = 0; c < n_changes && changes[c].path != NULL; c++)
    {
      g_auto(GStrv) parts = g_strsplit (changes[c].path, "/", -1);
      guint n_parts = g_strv_length (parts);
      JsonNode *node = root;

      for (guint i = 0; i + 1 < n_parts; i++)
        node = JSON_NODE_HOLDS_ARRAY (node)
               ? json_array_get_element (json_node_get_array (node), atoi (parts[i]))
               : json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_assert_true (json_object_has_member (json_node_get_object (node), parts[n_parts - 1]));
      json_object_set_int_member (json_node_get_object (node), parts[n_parts - 1],
                                  changes[c].value);
    }

  g_clear_pointer (&text, g_free);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  program = lento_program_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return program;
}

static void
test_wording (gconstpointer data)
{
  const WordingCase *test = data;
  g_autoptr(LentoProgram) program = make_program_with (test->changes,
                                                       G_N_ELEMENTS (test->changes));
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);
  g_autoptr(GListStore) entries = make_entries (test->entries, G_N_ELEMENTS (test->entries),
                                                FALSE);
  g_autoptr(LentoRecommendation) rec = NULL;
  const LentoReason *reason;
  LentoCoachSettings settings;
  GDate today;

  today_date (&today);
  lento_coach_settings_init (&settings);
  settings.weekdays = ALL_DAYS;
  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);
  dump (rec);

  reason = lento_recommendation_find_reason (rec, test->reason);
  g_assert_nonnull (reason);
  if (strstr (reason->text, test->says) == NULL)
    g_error ("“%s” does not say “%s”", reason->text, test->says);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/coach/new-destroy", test_new_destroy);
  for (guint i = 0; i < G_N_ELEMENTS (coach_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/coach/%s", coach_cases[i].name);
      g_test_add_data_func (path, &coach_cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (skip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/coach/skip/%s", skip_cases[i].name);

      g_test_add_data_func (path, &skip_cases[i], test_skip);
    }
  g_test_add_func ("/lento/coach/deterministic", test_deterministic);
  g_test_add_func ("/lento/coach/early-agrees", test_early_agrees);
  g_test_add_func ("/lento/coach/early-sample", test_early_sample);
  g_test_add_func ("/lento/coach/week-ahead", test_week_ahead);
  g_test_add_func ("/lento/coach/week-ahead-after-each-session",
                   test_week_ahead_after_each_session);
  g_test_add_func ("/lento/coach/future-entries-ignored", test_future_entries_ignored);
  for (guint i = 0; i < G_N_ELEMENTS (wording_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/coach/wording/%s", wording_cases[i].name);

      g_test_add_data_func (path, &wording_cases[i], test_wording);
    }

  return g_test_run ();
}
