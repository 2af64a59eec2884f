/* test-guide.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-guide"

#include "config.h"

#include <stdio.h>

#include "lento-sample-data.h"
#include "lento-coach.h"

/* The conformance suite: one case for each fact of the training guide the
 * plan is built from that a rule can enforce, named after the fact. The
 * cases drive the coach, the inventory's safety checks and the session
 * templates of the shipped plan, with journals written out here on fixed
 * dates: no clock is read, so each case says the same on any day it runs.
 *
 * 10 March 2026 is a Tuesday; the plan's default days are Tuesday, Thursday
 * and Saturday.
 */

#define READY "getting-ready"
#define OUT "outside-first"
#define FIRST "first-trainer"
#define LAD "size-ladder"
#define KEEP "keeping-up"

#define EVERY_DAY 0xfe
#define ANY (-1)
#define NOTHING "(nothing)"  /* an id that must be NULL */

/* The inventories the cases draw on, as a profile would store them. */
typedef enum {
  INVENTORY_FULL,          /* fingers, trainers of 15, 18, 21.5 and 25 mm, a water-based lube */
  INVENTORY_EMPTY,
  INVENTORY_NO_BASE,       /* as full, but the 18 mm trainer has no flared base */
  INVENTORY_SILICONE_LUBE, /* as full, plus a silicone-based lube */
  INVENTORY_GLASS,         /* fingers, glass trainers, and only a silicone-based lube */
  INVENTORY_NUMBING,       /* fingers, and only a numbing gel */
} InventoryKind;

typedef enum {
  PROGRAM_SHIPPED,
  PROGRAM_CLINICAL,        /* two weeks at each size, and a warm-up on the size below */
} ProgramKind;

typedef struct {
  const char      *on;           /* "YYYY-MM-DD"; NULL ends the list */
  const char      *stage;        /* NULL: typed in by hand, no stage */
  const char      *tool;         /* NULL: no tool recorded */
  guint            wear_minutes;
  LentoResistance  resistance;
  int              pain;         /* LENTO_ENTRY_UNSET: not answered */
  int              comfort;      /* LENTO_ENTRY_UNSET: not answered */
  gboolean         sharp;
  LentoBleeding    bleeding;
  const char      *tag;
  const char      *lube;
} GuideEntry;

/* A calm session: in with no resistance, no pain, ten minutes of wear. */
#define CALM(d, st, t) \
  { .on = d, .stage = st, .tool = t, .wear_minutes = 10, .comfort = 8, .lube = "aqua" }
#define FELT(d, st, t, r, p) \
  { .on = d, .stage = st, .tool = t, .wear_minutes = 10, .resistance = r, .pain = p, \
    .comfort = 6, .lube = "aqua" }
#define WORN(d, st, t, w) \
  { .on = d, .stage = st, .tool = t, .wear_minutes = w, .comfort = 8, .lube = "aqua" }
#define BLED(d, st, t, b) \
  { .on = d, .stage = st, .tool = t, .wear_minutes = 10, .comfort = 5, .bleeding = b, \
    .lube = "aqua" }
#define SHARP(d, st, t) \
  { .on = d, .stage = st, .tool = t, .wear_minutes = 3, .resistance = LENTO_RESISTANCE_SLIGHT, \
    .pain = 6, .comfort = 2, .sharp = TRUE, .lube = "aqua" }

typedef struct {
  const char              *name;          /* the fact */
  const char              *today;
  InventoryKind            inventory;
  ProgramKind              program;
  GuideEntry               entries[6];
  guint                    weekdays;      /* 0: the plan's own days */
  const char              *acknowledged;  /* the day a clinician visit was noted, or NULL */
  int                      kind;          /* LentoRecommendationKind, or ANY */
  int                      next_kind;     /* LentoRecommendationKind, or ANY */
  const char              *stage;         /* NULL: not checked */
  const char              *tool;          /* NULL: not checked; NOTHING: none */
  int                      reason;        /* LentoReasonCode that must be there, or ANY */
  const char              *says;          /* words that reason must hold, or NULL */
  int                      absent;        /* LentoReasonCode that must not be there, or ANY */
  const char              *rest_until;    /* NULL: no rest planned */
  const char              *days;          /* the week ahead, or NULL: S session, D done, . rest */
  const char              *lube;          /* NULL: not checked; NOTHING: none */
  const char              *warm_up;       /* NULL: not checked */
} CoachCase;

#define K(x) LENTO_RECOMMENDATION_##x
#define WHY(x) LENTO_REASON_##x

static const CoachCase coach_cases[] = {
  /* Tools: start very small, and with what a person has. */
  { "start-very-small/with-a-finger", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED, { { 0 } },
    .kind = K(ADVANCE), .next_kind = K(ADVANCE), .stage = OUT, .tool = "finger-little",
    .reason = WHY(ADVANCE_STAGE), .absent = ANY },
  { "lubricant-always/getting-ready-until-there-is-one", "2026-03-10", INVENTORY_EMPTY,
    PROGRAM_SHIPPED, { { 0 } },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = READY, .tool = NOTHING,
    .reason = WHY(GETTING_READY), .absent = ANY },
  { "numbing-never/not-a-lubricant", "2026-03-10", INVENTORY_NUMBING, PROGRAM_SHIPPED,
    { { 0 } },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = READY, .tool = NOTHING,
    .reason = WHY(GETTING_READY), .absent = ANY, .lube = NOTHING },

  /* Week 1: outside, and very shallow play with a single finger. */
  { "week-one/outside-with-one-finger", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", OUT, "finger-little") },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = OUT, .tool = "finger-little",
    .reason = WHY(STAGE_NOT_YET), .absent = ANY },
  { "week-one/lasts-about-a-week", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", OUT, "finger-little"), CALM ("2026-03-05", OUT, "finger-little") },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = OUT, .tool = "finger-little",
    .reason = WHY(STAGE_NOT_YET), .absent = WHY(ADVANCE_STAGE) },

  /* Week 2: a small, slim trainer, worn for 10 to 15 minutes. */
  { "week-two/the-slimmest-trainer-after-week-one", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-08", OUT, "finger-little"), CALM ("2026-03-04", OUT, "finger-little") },
    .kind = K(ADVANCE), .next_kind = K(ADVANCE), .stage = FIRST, .tool = "t15",
    .reason = WHY(ADVANCE_STAGE), .absent = ANY },
  { "week-two/ten-minutes-of-wear-before-moving-on", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { WORN ("2026-03-08", FIRST, "t15", 9), CALM ("2026-03-04", FIRST, "t15") },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = FIRST, .tool = "t15",
    .reason = WHY(NOT_YET), .absent = WHY(ADVANCE_STAGE) },
  { "week-two/ten-calm-minutes-move-on", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", FIRST, "t15"), CALM ("2026-03-04", FIRST, "t15") },
    .kind = K(ADVANCE), .next_kind = K(ADVANCE), .stage = LAD, .tool = "t18",
    .reason = WHY(ADVANCE_STAGE), .absent = ANY },

  /* Week 3 on: one size at a time, only at zero resistance and no pain. */
  { "advance-only-at-zero-resistance/calm-sessions-move-up-one-size", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", LAD, "t18"), CALM ("2026-03-06", LAD, "t18") },
    .kind = K(ADVANCE), .next_kind = K(ADVANCE), .stage = LAD, .tool = "t21",
    .reason = WHY(ADVANCE_SIZE), .absent = ANY },
  { "advance-only-at-zero-resistance/slight-resistance-holds", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t18", LENTO_RESISTANCE_SLIGHT, 0),
      CALM ("2026-03-06", LAD, "t18") },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t18",
    .reason = WHY(NOT_YET), .absent = WHY(ADVANCE_SIZE) },
  { "advance-only-at-zero-resistance/no-pain-either", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t18", LENTO_RESISTANCE_NONE, 1),
      CALM ("2026-03-06", LAD, "t18") },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t18",
    .reason = WHY(HOLD_AFTER_PAIN), .says = "pain 1 of 10", .absent = WHY(ADVANCE_SIZE) },
  { "advance-only-at-zero-resistance/one-more-calm-session-counts-right", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", LAD, "t21") },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = LAD, .tool = "t21",
    .reason = WHY(BUILDING), .says = "1 more calm session", .absent = ANY },
  { "advance-only-at-zero-resistance/two-more-calm-sessions-after-resistance", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0) },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = LAD, .tool = "t21",
    .reason = WHY(BUILDING), .says = "2 more calm sessions", .absent = ANY },

  /* If it hurts: any pain holds the size; real pain steps back and rests. */
  { "hold-after-any-pain/first-session-at-a-size", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t21", LENTO_RESISTANCE_NONE, 2) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = WHY(HOLD_AFTER_PAIN), .says = "pain 2 of 10", .absent = WHY(BUILDING) },
  { "hold-after-any-pain/just-below-the-step-back-level", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t21", LENTO_RESISTANCE_NONE, 3),
      CALM ("2026-03-06", LAD, "t21") },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = WHY(HOLD_AFTER_PAIN), .says = "pain 3 of 10", .absent = ANY },
  { "hold-after-any-pain/in-week-one", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { FELT ("2026-03-08", OUT, "finger-little", LENTO_RESISTANCE_NONE, 1) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = OUT, .tool = "finger-little",
    .reason = WHY(HOLD_AFTER_PAIN), .says = "pain 1 of 10", .absent = ANY },
  { "hold-after-any-pain/calm-again-counts-from-there", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-08", LAD, "t21"), FELT ("2026-03-06", LAD, "t21", LENTO_RESISTANCE_NONE, 2) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = WHY(NOT_YET), .absent = WHY(ADVANCE_SIZE) },
  { "step-back-and-rest/after-pain-at-the-step-back-level", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-09", LAD, "t21", LENTO_RESISTANCE_NONE, 4),
      CALM ("2026-03-07", LAD, "t21") },
    .weekdays = EVERY_DAY,
    .kind = K(REST), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(STEP_BACK_PAIN), .says = "pain 4 of 10", .absent = ANY,
    .rest_until = "2026-03-12", .days = "...S.S." },
  { "step-back-and-rest/after-pain-smaller-once-rested", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-06", LAD, "t21", LENTO_RESISTANCE_MODERATE, 7) },
    .weekdays = EVERY_DAY,
    .kind = K(STEP_BACK), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(STEP_BACK_PAIN), .absent = WHY(REST_AFTER_INJURY) },
  { "step-back-and-rest/after-sharp-pain", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SHARP ("2026-03-09", LAD, "t21") },
    .weekdays = EVERY_DAY,
    .kind = K(REST), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(REST_AFTER_INJURY), .absent = ANY, .rest_until = "2026-03-12",
    .days = "...S.S." },
  { "step-back-and-rest/after-significant-bleeding", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { BLED ("2026-03-09", LAD, "t21", LENTO_BLEEDING_SIGNIFICANT) },
    .weekdays = EVERY_DAY,
    .kind = K(REST), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(REST_AFTER_INJURY), .absent = ANY, .rest_until = "2026-03-12" },
  { "step-back-and-rest/three-days-by-default", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SHARP ("2026-03-07", LAD, "t21") },
    .weekdays = EVERY_DAY,
    .kind = K(REST), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(REST_AFTER_INJURY), .absent = ANY, .rest_until = "2026-03-10" },
  { "step-back-and-rest/then-one-size-smaller", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { SHARP ("2026-03-06", LAD, "t21") },
    .weekdays = EVERY_DAY,
    .kind = K(STEP_BACK), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(AFTER_REST), .absent = WHY(REST_AFTER_INJURY) },

  /* Repeated or heavy bleeding: pause, and see a clinician. */
  { "clinician/after-bleeding-twice-in-fourteen-days", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { BLED ("2026-03-08", LAD, "t21", LENTO_BLEEDING_SPOTTING),
      CALM ("2026-03-03", LAD, "t21"),
      BLED ("2026-02-25", LAD, "t21", LENTO_BLEEDING_SPOTTING) },
    .kind = K(SEE_CLINICIAN), .next_kind = K(SEE_CLINICIAN), .stage = LAD, .tool = NOTHING,
    .reason = WHY(CLINICIAN_REPEATED_BLEEDING), .absent = ANY, .days = "......." },
  { "clinician/not-for-bleeding-fifteen-days-apart", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { BLED ("2026-03-08", LAD, "t21", LENTO_BLEEDING_SPOTTING),
      CALM ("2026-03-03", LAD, "t21"),
      BLED ("2026-02-21", LAD, "t21", LENTO_BLEEDING_SPOTTING) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = ANY, .absent = WHY(CLINICIAN_REPEATED_BLEEDING) },
  { "clinician/after-heavy-bleeding", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { { .on = "2026-03-08", .stage = LAD, .tool = "t21", .wear_minutes = 5, .pain = 2,
        .comfort = 3, .bleeding = LENTO_BLEEDING_SIGNIFICANT, .tag = "heavy-bleeding",
        .lube = "aqua" } },
    .kind = K(SEE_CLINICIAN), .next_kind = K(SEE_CLINICIAN), .stage = LAD, .tool = NOTHING,
    .reason = WHY(CLINICIAN_HEAVY_BLEEDING), .absent = ANY },
  { "clinician/resumes-gently-once-seen", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { { .on = "2026-03-05", .stage = LAD, .tool = "t21", .wear_minutes = 5, .pain = 2,
        .comfort = 3, .bleeding = LENTO_BLEEDING_SIGNIFICANT, .tag = "heavy-bleeding",
        .lube = "aqua" } },
    .acknowledged = "2026-03-09",
    .kind = K(STEP_BACK), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(AFTER_REST), .absent = WHY(CLINICIAN_HEAVY_BLEEDING) },

  /* Two to three sessions a week, with rest days between. */
  { "two-or-three-a-week/a-rest-day-between", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-09", LAD, "t21") },
    .weekdays = EVERY_DAY,
    .kind = K(REST), .next_kind = ANY, .stage = LAD, .tool = "t21",
    .reason = WHY(REST_BETWEEN), .absent = ANY, .days = ".S.S..S" },
  { "two-or-three-a-week/never-more-than-three", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", LAD, "t21"), FELT ("2026-03-06", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0),
      CALM ("2026-03-04", LAD, "t21") },
    .weekdays = EVERY_DAY,
    .kind = K(REST), .next_kind = ANY, .stage = LAD, .tool = "t21",
    .reason = WHY(WEEK_FULL), .absent = ANY, .days = ".S.S.S." },
  { "two-or-three-a-week/once-a-week-gets-a-kind-word", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-03", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0),
      FELT ("2026-02-24", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = WHY(LOW_FREQUENCY), .absent = ANY, .days = "S.S.S.." },

  /* The week ahead after each session of a Tuesday, Thursday, Saturday week. */
  { "two-or-three-a-week/tue-thu-sat/tuesday-before-the-session", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-07", LAD, "t21") },
    .kind = ANY, .next_kind = ANY, .reason = ANY, .absent = ANY, .days = "S.S.S.." },
  { "two-or-three-a-week/tue-thu-sat/after-tuesday", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-10", LAD, "t21"), CALM ("2026-03-07", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = WHY(DONE_TODAY), .absent = ANY,
    .days = "D.S.S.." },
  { "two-or-three-a-week/tue-thu-sat/wednesday", "2026-03-11", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-10", LAD, "t21"), CALM ("2026-03-07", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = ANY, .absent = ANY, .days = ".S.S..S" },
  { "two-or-three-a-week/tue-thu-sat/after-thursday", "2026-03-12", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-12", LAD, "t21"), CALM ("2026-03-10", LAD, "t21"),
      CALM ("2026-03-07", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = WHY(DONE_TODAY), .absent = ANY,
    .days = "D.S..S." },
  { "two-or-three-a-week/tue-thu-sat/friday", "2026-03-13", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-12", LAD, "t21"), CALM ("2026-03-10", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = ANY, .absent = ANY, .days = ".S..S.S" },
  { "two-or-three-a-week/tue-thu-sat/after-saturday", "2026-03-14", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-14", LAD, "t21"), CALM ("2026-03-12", LAD, "t21"),
      CALM ("2026-03-10", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = WHY(DONE_TODAY), .absent = ANY,
    .days = "D..S.S." },
  { "two-or-three-a-week/tue-thu-sat/sunday-after-a-full-week", "2026-03-15", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-14", LAD, "t21"), CALM ("2026-03-12", LAD, "t21"),
      CALM ("2026-03-10", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = ANY, .absent = ANY, .days = "..S.S.S" },
  { "two-or-three-a-week/tue-thu-sat/after-the-next-tuesday", "2026-03-17", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-17", LAD, "t21"), CALM ("2026-03-14", LAD, "t21"),
      CALM ("2026-03-12", LAD, "t21"), CALM ("2026-03-10", LAD, "t21") },
    .kind = K(REST), .next_kind = ANY, .reason = WHY(DONE_TODAY), .absent = ANY,
    .days = "D.S.S.." },

  /* A plateau is normal: stay at that size for a few days up to a week. */
  { "plateau/holds-the-size-after-a-week", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0),
      FELT ("2026-03-03", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = WHY(PLATEAU), .says = "normal", .absent = ANY },
  { "plateau/not-before-a-week", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { FELT ("2026-03-08", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0),
      FELT ("2026-03-04", LAD, "t21", LENTO_RESISTANCE_SLIGHT, 0) },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t21",
    .reason = WHY(NOT_YET), .absent = WHY(PLATEAU) },

  /* After a long break, start a size smaller with a longer warm-up. */
  { "long-break/steps-back-and-warms-up", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-02-24", LAD, "t21"), CALM ("2026-02-21", LAD, "t21") },
    .kind = K(STEP_BACK), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(LONG_BREAK), .absent = ANY, .warm_up = "t18" },
  { "long-break/thirteen-days-is-not-one", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-02-25", LAD, "t21") },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = LAD, .tool = "t21",
    .reason = WHY(BUILDING), .absent = WHY(LONG_BREAK) },

  /* What was not answered was not said: it never counts towards moving on. */
  { "unanswered-fields/comfort-never-counts", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { { .on = "2026-03-08", .stage = LAD, .tool = "t18", .wear_minutes = 10,
        .comfort = LENTO_ENTRY_UNSET, .lube = "aqua" },
      CALM ("2026-03-06", LAD, "t18") },
    .kind = ANY, .next_kind = ANY, .stage = LAD, .tool = "t18", .reason = ANY,
    .absent = WHY(ADVANCE_SIZE) },
  { "unanswered-fields/pain-never-counts", "2026-03-10", INVENTORY_FULL, PROGRAM_SHIPPED,
    { { .on = "2026-03-08", .stage = LAD, .tool = "t18", .wear_minutes = 10,
        .pain = LENTO_ENTRY_UNSET, .comfort = 8, .lube = "aqua" },
      CALM ("2026-03-06", LAD, "t18") },
    .kind = ANY, .next_kind = ANY, .stage = LAD, .tool = "t18", .reason = ANY,
    .absent = WHY(ADVANCE_SIZE) },

  /* Stage moves need a session with the stage's tool and size. */
  { "stage-moves-need-the-stage-tool/hand-entry-without-a-tool", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-08", NULL, NULL), CALM ("2026-03-05", OUT, "finger-little") },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = OUT, .tool = "finger-little",
    .reason = WHY(STAGE_NOT_YET), .absent = WHY(ADVANCE_STAGE) },
  { "stage-moves-need-the-stage-tool/first-entry-typed-in-without-a-tool", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", NULL, NULL) },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = OUT, .tool = "finger-little",
    .reason = ANY, .absent = ANY },
  { "stage-moves-need-the-stage-tool/a-larger-tool-by-hand", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-08", NULL, "t21"), CALM ("2026-03-05", FIRST, "t15") },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = FIRST, .tool = "t15",
    .reason = WHY(BUILDING), .says = "2 more calm sessions", .absent = ANY },
  { "stage-moves-need-the-stage-tool/the-same-size-by-hand-counts", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", NULL, "t18"), CALM ("2026-03-06", LAD, "t18") },
    .kind = K(ADVANCE), .next_kind = K(ADVANCE), .stage = LAD, .tool = "t21",
    .reason = WHY(ADVANCE_SIZE), .absent = ANY },
  { "stage-moves-need-the-stage-tool/a-journal-typed-in-is-placed-by-its-tools", "2026-03-10",
    INVENTORY_FULL, PROGRAM_SHIPPED,
    { CALM ("2026-03-08", NULL, "finger-little") },
    .kind = ANY, .next_kind = ANY, .stage = OUT, .tool = "finger-little", .reason = ANY,
    .absent = ANY },
  { "step-back-and-rest/after-pain-on-a-hand-entry-too", "2026-03-10", INVENTORY_FULL,
    PROGRAM_SHIPPED,
    { FELT ("2026-03-08", NULL, NULL, LENTO_RESISTANCE_NONE, 6),
      CALM ("2026-03-05", LAD, "t21") },
    .kind = K(REST), .next_kind = K(STEP_BACK), .stage = LAD, .tool = "t18",
    .reason = WHY(STEP_BACK_PAIN), .says = "pain 6 of 10", .absent = ANY,
    .rest_until = "2026-03-11" },

  /* Tools and lubricants together. */
  { "silicone-lube-never-with-silicone-tools/the-plan-picks-water-based", "2026-03-10",
    INVENTORY_SILICONE_LUBE, PROGRAM_SHIPPED,
    { { .on = "2026-03-08", .stage = LAD, .tool = "t21", .wear_minutes = 10, .comfort = 8,
        .lube = "slick" } },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = LAD, .tool = "t21",
    .reason = WHY(LUBE_WARNING), .absent = ANY, .lube = "aqua" },
  { "silicone-lube-suits-glass-and-steel/the-plan-keeps-it-with-glass", "2026-03-10",
    INVENTORY_GLASS, PROGRAM_SHIPPED,
    { { .on = "2026-03-08", .stage = LAD, .tool = "g21", .wear_minutes = 10, .comfort = 8,
        .lube = "slick" } },
    .kind = K(SESSION), .next_kind = K(SESSION), .stage = LAD, .tool = "g21",
    .reason = WHY(BUILDING), .absent = WHY(LUBE_WARNING), .lube = "slick" },
  { "flared-base-required/the-plan-skips-a-tool-without-one", "2026-03-10", INVENTORY_NO_BASE,
    PROGRAM_SHIPPED,
    { CALM ("2026-03-08", LAD, "t15"), CALM ("2026-03-06", LAD, "t15") },
    .kind = K(ADVANCE), .next_kind = K(ADVANCE), .stage = LAD, .tool = "t21",
    .reason = WHY(TOOL_SKIPPED), .absent = ANY },

  /* Plan data may pace like a clinical programme: weeks per size, a warm-up size. */
  { "plan-data/allows-clinical-pacing", "2026-03-10", INVENTORY_FULL, PROGRAM_CLINICAL,
    { CALM ("2026-03-08", LAD, "t18"), CALM ("2026-03-02", LAD, "t18") },
    .kind = K(HOLD), .next_kind = K(HOLD), .stage = LAD, .tool = "t18",
    .reason = WHY(HOLD_DAYS), .absent = WHY(ADVANCE_SIZE), .warm_up = "t15" },
};

static void
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  g_assert_true (g_date_valid (date));
}

/* The full set of tools; only whether the 18 mm trainer has a flared base varies. */
#define FULL_TOOLS(t18_flared) \
  "{ \"id\": \"finger-little\", \"name\": \"Little finger\", \"kind\": \"finger\", " \
  "  \"material\": \"skin\", \"diameter_mm\": 14 }, " \
  "{ \"id\": \"finger-index\", \"name\": \"Index finger\", \"kind\": \"finger\", " \
  "  \"material\": \"skin\", \"diameter_mm\": 18 }, " \
  "{ \"id\": \"t15\", \"name\": \"Trainer 1\", \"kind\": \"trainer\", " \
  "  \"material\": \"silicone\", \"diameter_mm\": 15, \"flared_base\": true }, " \
  "{ \"id\": \"t18\", \"name\": \"Trainer 2\", \"kind\": \"trainer\", " \
  "  \"material\": \"silicone\", \"diameter_mm\": 18, \"flared_base\": " t18_flared " }, " \
  "{ \"id\": \"t21\", \"name\": \"Trainer 3\", \"kind\": \"trainer\", " \
  "  \"material\": \"silicone\", \"diameter_mm\": 21.5, \"flared_base\": true }, " \
  "{ \"id\": \"t25\", \"name\": \"Trainer 4\", \"kind\": \"trainer\", " \
  "  \"material\": \"silicone\", \"diameter_mm\": 25, \"flared_base\": true }"

static const char *glass_tools =
  "{ \"id\": \"finger-little\", \"name\": \"Little finger\", \"kind\": \"finger\", "
  "  \"material\": \"skin\", \"diameter_mm\": 14 }, "
  "{ \"id\": \"g18\", \"name\": \"Glass 2\", \"kind\": \"dilator\", "
  "  \"material\": \"glass\", \"diameter_mm\": 18, \"flared_base\": true }, "
  "{ \"id\": \"g21\", \"name\": \"Glass 3\", \"kind\": \"dilator\", "
  "  \"material\": \"glass\", \"diameter_mm\": 21, \"flared_base\": true }";

#define AQUA "{ \"id\": \"aqua\", \"name\": \"Aqua\", \"kind\": \"water\" }"
#define SLICK "{ \"id\": \"slick\", \"name\": \"Slick\", \"kind\": \"silicone\" }"
#define NUMB "{ \"id\": \"numb\", \"name\": \"Relax gel\", \"kind\": \"numbing\" }"

/* Built from JSON, the way a profile holds it, so each tool says plainly
 * whether it has a flared base.
 */
static LentoInventory *
make_inventory (InventoryKind kind)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *tools;
  const char *lubes;
  LentoInventory *inventory;

  switch (kind)
    {
    case INVENTORY_EMPTY:
      return lento_inventory_new ();
    case INVENTORY_GLASS:
      tools = glass_tools;
      lubes = SLICK;
      break;
    case INVENTORY_NUMBING:
      tools = "{ \"id\": \"finger-little\", \"name\": \"Little finger\", \"kind\": \"finger\", "
              "\"material\": \"skin\", \"diameter_mm\": 14 }";
      lubes = NUMB;
      break;
    case INVENTORY_SILICONE_LUBE:
      tools = FULL_TOOLS ("true");
      lubes = AQUA ", " SLICK;
      break;
    case INVENTORY_NO_BASE:
      tools = FULL_TOOLS ("false");
      lubes = AQUA;
      break;
    case INVENTORY_FULL:
    default:
      tools = FULL_TOOLS ("true");
      lubes = AQUA;
      break;
    }

  json = g_strdup_printf ("{ \"tools\": [ %s ], \"lubes\": [ %s ] }", tools, lubes);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  inventory = lento_inventory_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
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

static LentoEntry *
make_entry (const GuideEntry *spec)
{
  g_autoptr(GDateTime) start = NULL;
  LentoEntry *entry;
  GDate date;

  parse_date (spec->on, &date);
  start = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 18, 30, 0);
  entry = lento_entry_new (start);
  lento_entry_set_stage (entry, spec->stage);
  lento_entry_set_tool (entry, spec->tool);
  lento_entry_set_lube (entry, spec->lube);
  lento_entry_set_wear (entry, spec->wear_minutes * 60);
  lento_entry_set_duration (entry, spec->wear_minutes * 60 + 900);
  lento_entry_set_resistance (entry, spec->resistance);
  lento_entry_set_pain (entry, spec->pain);
  lento_entry_set_comfort (entry, spec->comfort);
  lento_entry_set_sharp_pain (entry, spec->sharp);
  lento_entry_set_bleeding (entry, spec->bleeding);
  if (spec->tag != NULL)
    {
      const char * const tags[] = { spec->tag, NULL };

      lento_entry_set_tags (entry, tags);
    }

  return entry;
}

static char
day_letter (LentoPlanDayKind kind)
{
  switch (kind)
    {
    case LENTO_PLAN_DAY_SESSION:
      return 'S';
    case LENTO_PLAN_DAY_DONE:
      return 'D';
    case LENTO_PLAN_DAY_REST:
    default:
      return '.';
    }
}

static void
dump (LentoRecommendation *rec,
      const char          *days)
{
  GPtrArray *reasons = lento_recommendation_get_reasons (rec);

  g_test_message ("kind %d next %d stage %s tool %s lube %s days %s",
                  lento_recommendation_get_kind (rec), lento_recommendation_get_next_kind (rec),
                  lento_recommendation_get_stage (rec), lento_recommendation_get_tool (rec),
                  lento_recommendation_get_lube (rec), days);
  for (guint i = 0; i < reasons->len; i++)
    {
      LentoReason *reason = g_ptr_array_index (reasons, i);

      g_test_message ("  reason %d: %s", reason->code, reason->text);
    }
}

static void
check_optional_id (const char *actual,
                   const char *expected)
{
  if (expected == NULL)
    return;
  if (g_str_equal (expected, NOTHING))
    g_assert_null (actual);
  else
    g_assert_cmpstr (actual, ==, expected);
}

static void
test_coach_case (gconstpointer data)
{
  const CoachCase *test = data;
  g_autoptr(LentoProgram) program = make_program (test->program);
  g_autoptr(LentoInventory) inventory = make_inventory (test->inventory);
  g_autoptr(GListStore) entries = g_list_store_new (LENTO_TYPE_ENTRY);
  g_autoptr(LentoRecommendation) rec = NULL;
  g_autofree char *days = NULL;
  GArray *plan_days;
  LentoCoachSettings settings;
  const GDate *rest_until;
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (test->entries) && test->entries[i].on != NULL; i++)
    {
      g_autoptr(LentoEntry) entry = make_entry (&test->entries[i]);

      g_list_store_append (entries, entry);
    }

  parse_date (test->today, &today);
  lento_coach_settings_init (&settings);
  settings.weekdays = test->weekdays;
  if (test->acknowledged != NULL)
    parse_date (test->acknowledged, &settings.clinician_acknowledged);

  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);
  plan_days = lento_recommendation_get_days (rec);
  days = g_malloc0 (plan_days->len + 1);
  for (guint i = 0; i < plan_days->len; i++)
    days[i] = day_letter (g_array_index (plan_days, LentoPlanDay, i).kind);
  dump (rec, days);

  if (test->kind != ANY)
    g_assert_cmpint (lento_recommendation_get_kind (rec), ==, test->kind);
  if (test->next_kind != ANY)
    g_assert_cmpint (lento_recommendation_get_next_kind (rec), ==, test->next_kind);
  if (test->stage != NULL)
    g_assert_cmpstr (lento_recommendation_get_stage (rec), ==, test->stage);
  check_optional_id (lento_recommendation_get_tool (rec), test->tool);
  check_optional_id (lento_recommendation_get_lube (rec), test->lube);
  check_optional_id (lento_recommendation_get_warm_up_tool (rec), test->warm_up);

  if (test->reason != ANY)
    {
      const LentoReason *reason = lento_recommendation_find_reason (rec, test->reason);

      g_assert_nonnull (reason);
      if (reason != NULL && test->says != NULL && strstr (reason->text, test->says) == NULL)
        g_test_fail_printf ("“%s” does not say “%s”", reason->text, test->says);
    }
  if (test->absent != ANY)
    g_assert_null (lento_recommendation_find_reason (rec, test->absent));

  rest_until = lento_recommendation_get_rest_until (rec);
  if (test->rest_until == NULL)
    {
      g_assert_null (rest_until);
    }
  else
    {
      GDate expected;

      parse_date (test->rest_until, &expected);
      g_assert_nonnull (rest_until);
      if (rest_until != NULL)
        g_assert_cmpint (g_date_compare (rest_until, &expected), ==, 0);
    }

  if (test->days != NULL)
    g_assert_cmpstr (days, ==, test->days);
}

/* The inventory's safety checks, each on its own. */

static LentoTool *
tool_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  LentoTool *tool = lento_tool_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return tool;
}

static LentoLube *
lube_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  LentoLube *lube = lento_lube_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return lube;
}

#define SILICONE_TRAINER \
  "{ \"id\": \"soft\", \"name\": \"Soft\", \"kind\": \"trainer\", \"material\": \"silicone\", " \
  "\"diameter_mm\": 15, \"flared_base\": true }"
#define GLASS_DILATOR \
  "{ \"id\": \"glass\", \"name\": \"Glass\", \"kind\": \"dilator\", \"material\": \"glass\", " \
  "\"diameter_mm\": 18, \"flared_base\": true }"
#define STEEL_PLUG \
  "{ \"id\": \"steel\", \"name\": \"Steel\", \"kind\": \"plug\", \"material\": \"steel\", " \
  "\"diameter_mm\": 20, \"flared_base\": true }"

typedef struct {
  const char         *name;
  const char         *tool;
  const char         *lube;
  int                 issue;     /* LentoIssueKind, or ANY for none */
  LentoIssueSeverity  severity;
} PairCase;

static const PairCase pair_cases[] = {
  { "silicone-lube-never-with-silicone-tools/the-pair-is-flagged", SILICONE_TRAINER, SLICK,
    LENTO_ISSUE_SILICONE_ON_SILICONE, LENTO_ISSUE_SEVERITY_WARNING },
  { "silicone-lube-never-with-silicone-tools/water-based-suits-silicone", SILICONE_TRAINER, AQUA,
    ANY },
  { "silicone-lube-suits-glass-and-steel/glass", GLASS_DILATOR, SLICK, ANY },
  { "silicone-lube-suits-glass-and-steel/steel", STEEL_PLUG, SLICK, ANY },
  { "numbing-never/blocked-with-silicone", SILICONE_TRAINER, NUMB, LENTO_ISSUE_NUMBING,
    LENTO_ISSUE_SEVERITY_BLOCKED },
  { "numbing-never/blocked-with-glass", GLASS_DILATOR, NUMB, LENTO_ISSUE_NUMBING,
    LENTO_ISSUE_SEVERITY_BLOCKED },
};

static void
test_pair_case (gconstpointer data)
{
  const PairCase *test = data;
  g_autoptr(LentoTool) tool = tool_from_json (test->tool);
  g_autoptr(LentoLube) lube = lube_from_json (test->lube);
  g_autoptr(GPtrArray) issues = lento_inventory_check_pair (tool, lube);

  if (test->issue == ANY)
    {
      g_assert_cmpuint (issues->len, ==, 0);
    }
  else
    {
      LentoInventoryIssue *issue;

      g_assert_cmpuint (issues->len, ==, 1);
      issue = g_ptr_array_index (issues, 0);
      g_assert_cmpint (issue->kind, ==, test->issue);
      g_assert_cmpint (issue->severity, ==, test->severity);
      g_assert_cmpstr (issue->reason, !=, "");
    }
}

/* Anything inserted has a flared base, or the plan never offers it. */
static void
test_flared_base_required (void)
{
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_NO_BASE);
  g_autoptr(GPtrArray) ladder = lento_inventory_dup_ladder (inventory);
  g_autoptr(GPtrArray) issues = lento_inventory_check (inventory, 20.0);
  LentoTool *bare = lento_inventory_find_tool (inventory, "t18");
  gboolean blocked = FALSE;

  g_assert_nonnull (bare);
  g_assert_false (lento_tool_is_usable (bare, NULL));
  for (guint i = 0; i < ladder->len; i++)
    g_assert_cmpstr (lento_tool_get_id (g_ptr_array_index (ladder, i)), !=, "t18");
  g_assert_cmpuint (ladder->len, ==, 3);

  for (guint i = 0; i < issues->len; i++)
    {
      LentoInventoryIssue *issue = g_ptr_array_index (issues, i);

      if (issue->kind == LENTO_ISSUE_NO_FLARED_BASE && g_strcmp0 (issue->tool_id, "t18") == 0)
        blocked = issue->severity == LENTO_ISSUE_SEVERITY_BLOCKED;
    }
  g_assert_true (blocked);
}

/* Fingers cannot be lost inside: they need no base. */
static void
test_fingers_need_no_base (void)
{
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);
  g_autoptr(GPtrArray) fingers = lento_inventory_dup_fingers (inventory);

  g_assert_cmpuint (fingers->len, ==, 2);
  for (guint i = 0; i < fingers->len; i++)
    {
      g_assert_false (lento_tool_get_flared_base (g_ptr_array_index (fingers, i)));
      g_assert_true (lento_tool_is_usable (g_ptr_array_index (fingers, i), NULL));
    }
}

/* A numbing product is refused when added, and never usable when found in a file. */
static void
test_numbing_refused (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoInventory) stored = make_inventory (INVENTORY_NUMBING);
  g_autoptr(LentoLube) numbing = lube_from_json (NUMB);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean blocked = FALSE;

  g_assert_false (lento_lube_is_usable (numbing, &reason));
  g_assert_nonnull (strstr (reason, "Pain"));
  g_assert_false (lento_inventory_add_lube (inventory, numbing, &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED);
  g_assert_false (lento_inventory_has_usable_lube (inventory));

  g_assert_false (lento_inventory_has_usable_lube (stored));
  issues = lento_inventory_check (stored, 20.0);
  for (guint i = 0; i < issues->len; i++)
    {
      LentoInventoryIssue *issue = g_ptr_array_index (issues, i);

      if (issue->kind == LENTO_ISSUE_NUMBING)
        blocked = issue->severity == LENTO_ISSUE_SEVERITY_BLOCKED;
    }
  g_assert_true (blocked);
}

/* Water-based and silicone-based lubricants are what the plan uses. */
static void
test_water_or_silicone_based (void)
{
  g_autoptr(LentoLube) water = lube_from_json (AQUA);
  g_autoptr(LentoLube) silicone = lube_from_json (SLICK);
  g_autoptr(LentoInventory) inventory = make_inventory (INVENTORY_FULL);

  g_assert_true (lento_lube_is_usable (water, NULL));
  g_assert_true (lento_lube_is_usable (silicone, NULL));
  g_assert_true (lento_inventory_has_usable_lube (inventory));
}

/* The session templates and the stages of the shipped plan. */

static LentoSessionTemplate *
stage_template (LentoProgram *program,
                const char   *stage)
{
  const char *id = lento_program_get_stage_template (program, stage);
  LentoSessionTemplate *template;

  g_assert_nonnull (id);
  template = lento_program_dup_template (program, id);
  g_assert_nonnull (template);
  return template;
}

static gboolean
phase_has_cue (LentoSessionTemplate *template,
               LentoPhaseKind        kind,
               const char           *cue)
{
  int phase = lento_session_template_find_phase (template, kind);

  if (phase < 0)
    return FALSE;

  for (guint c = 0; c < lento_session_template_get_n_cues (template, phase); c++)
    if (g_str_equal (lento_session_template_get_cue_id (template, phase, c), cue))
      return TRUE;

  return FALSE;
}

/* Week 1 is outside and shallow, with a finger: no wear time yet. */
static void
test_week_one_template (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoSessionTemplate) template = stage_template (program, OUT);

  g_assert_cmpint (lento_program_get_stage_tools (program, OUT), ==, LENTO_STAGE_TOOLS_FINGER);
  g_assert_cmpuint (lento_program_get_stage_target_wear (program, OUT), ==, 0);
  g_assert_cmpint (lento_session_template_find_phase (template, LENTO_PHASE_KIND_WEAR), <, 0);
  g_assert_true (phase_has_cue (template, LENTO_PHASE_KIND_WARM_UP, "warm-up-circle"));
  g_assert_true (phase_has_cue (template, LENTO_PHASE_KIND_ENTRY, "entry-fingertip"));
}

/* Week 1 practises bearing down. */
static void
test_week_one_bears_down (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoSessionTemplate) template = stage_template (program, OUT);

  g_assert_true (phase_has_cue (template, LENTO_PHASE_KIND_ENTRY, "entry-bear-down"));
}

/* Week 2: the smallest size, aiming for 10 to 15 minutes of wear. */
static void
test_week_two_template (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoSessionTemplate) template = stage_template (program, FIRST);
  const LentoMoveOn *move_on = lento_program_get_stage_move_on (program, FIRST);
  int wear = lento_session_template_find_phase (template, LENTO_PHASE_KIND_WEAR);

  g_assert_cmpint (lento_program_get_stage_tools (program, FIRST), ==,
                   LENTO_STAGE_TOOLS_FIRST_SIZE);
  g_assert_cmpint (wear, >=, 0);
  g_assert_cmpuint (lento_session_template_get_phase_seconds (template, wear), ==, 10 * 60);
  g_assert_cmpuint (lento_session_template_get_phase_max_seconds (template, wear), ==, 15 * 60);
  g_assert_cmpuint (lento_program_get_stage_target_wear (program, FIRST), ==, 10 * 60);
  g_assert_nonnull (move_on);
  if (move_on != NULL)
    g_assert_cmpuint (move_on->wear_seconds, ==, 10 * 60);
}

/* The urge to go usually fades after 5 to 10 minutes: the cue says so in that window. */
static void
test_urge_fades_cue (gconstpointer data)
{
  const char *stage = data;
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoSessionTemplate) template = stage_template (program, stage);
  int wear = lento_session_template_find_phase (template, LENTO_PHASE_KIND_WEAR);
  gboolean found = FALSE;

  g_assert_cmpint (wear, >=, 0);
  for (guint c = 0; c < lento_session_template_get_n_cues (template, wear); c++)
    if (g_str_equal (lento_session_template_get_cue_id (template, wear, c), "urge-fades"))
      {
        guint at = lento_session_template_get_cue_at (template, wear, c);

        g_assert_cmpuint (at, >=, 5 * 60);
        g_assert_cmpuint (at, <=, 10 * 60);
        found = TRUE;
      }
  g_assert_true (found);
}

/* Every template goes settle, warm-up, entry, wear, cool-down, aftercare, in that
 * order (a template may leave a phase out), begins by settling and ends in aftercare;
 * a template that enters lubricates and starts outside first.
 */
static void
test_phase_order (gconstpointer data)
{
  const char *stage = data;
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  g_autoptr(LentoSessionTemplate) template = stage_template (program, stage);
  guint n = lento_session_template_get_n_phases (template);

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpint (lento_session_template_get_phase_kind (template, 0), ==,
                   LENTO_PHASE_KIND_SETTLE);
  g_assert_cmpint (lento_session_template_get_phase_kind (template, n - 1), ==,
                   LENTO_PHASE_KIND_AFTERCARE);
  for (guint p = 1; p < n; p++)
    g_assert_cmpint (lento_session_template_get_phase_kind (template, p - 1), <,
                     lento_session_template_get_phase_kind (template, p));

  if (lento_session_template_find_phase (template, LENTO_PHASE_KIND_ENTRY) >= 0)
    {
      g_assert_true (phase_has_cue (template, LENTO_PHASE_KIND_WARM_UP, "warm-up-lube"));
      g_assert_true (phase_has_cue (template, LENTO_PHASE_KIND_WARM_UP, "warm-up-circle"));
    }
}

/* The numbers the guide marks as Lento's own defaults live in the plan data. */
static void
test_defaults_in_plan_data (void)
{
  g_autoptr(LentoProgram) program = make_program (PROGRAM_SHIPPED);
  const LentoProgramRules *rules = lento_program_get_rules (program);

  g_assert_cmpuint (rules->sessions_per_week_min, ==, 2);
  g_assert_cmpuint (rules->sessions_per_week_max, ==, 3);
  g_assert_cmpuint (rules->rest_days_between, >=, 1);
  g_assert_cmpint (rules->advance_max_pain, ==, 0);
  g_assert_cmpint (rules->advance_max_resistance, ==, LENTO_RESISTANCE_NONE);
  g_assert_cmpuint (rules->rest_days, ==, 3);
  g_assert_cmpuint (rules->rest_sizes_down, ==, 1);
  g_assert_cmpuint (rules->clinician_repeat_count, ==, 2);
  g_assert_cmpuint (rules->clinician_repeat_days, ==, 14);
  g_assert_cmpstr (rules->heavy_bleeding_tag, ==, LENTO_ENTRY_TAG_HEAVY_BLEEDING);
  g_assert_cmpuint (rules->plateau_days, ==, 7);
}

static const char * const templated_stages[] = { READY, OUT, FIRST, LAD, KEEP };
static const char * const worn_stages[] = { FIRST, LAD };

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Each fact is reported on its own: one that fails does not hide the rest. */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (coach_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/guide/%s", coach_cases[i].name);

      g_test_add_data_func (path, &coach_cases[i], test_coach_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pair_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/guide/%s", pair_cases[i].name);

      g_test_add_data_func (path, &pair_cases[i], test_pair_case);
    }
  g_test_add_func ("/lento/guide/flared-base-required/never-in-the-ladder",
                   test_flared_base_required);
  g_test_add_func ("/lento/guide/flared-base-required/fingers-need-none",
                   test_fingers_need_no_base);
  g_test_add_func ("/lento/guide/numbing-never/refused", test_numbing_refused);
  g_test_add_func ("/lento/guide/lubricant-always/water-or-silicone-based",
                   test_water_or_silicone_based);
  g_test_add_func ("/lento/guide/week-one/template-stays-outside", test_week_one_template);
  g_test_add_func ("/lento/guide/week-one/practises-bearing-down", test_week_one_bears_down);
  g_test_add_func ("/lento/guide/week-two/wear-ten-to-fifteen-minutes", test_week_two_template);
  for (guint i = 0; i < G_N_ELEMENTS (worn_stages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/guide/urge-fades-in-five-to-ten-minutes/%s",
                                               worn_stages[i]);

      g_test_add_data_func (path, worn_stages[i], test_urge_fades_cue);
    }
  for (guint i = 0; i < G_N_ELEMENTS (templated_stages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/guide/session-phases-in-order/%s",
                                               templated_stages[i]);

      g_test_add_data_func (path, templated_stages[i], test_phase_order);
    }
  g_test_add_func ("/lento/guide/plan-data/defaults-live-there", test_defaults_in_plan_data);

  return g_test_run ();
}
