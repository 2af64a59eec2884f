/* lento-recommendation.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What today holds. */
typedef enum {
  LENTO_RECOMMENDATION_SESSION,        /* a session at the current size */
  LENTO_RECOMMENDATION_REST,           /* no session today */
  LENTO_RECOMMENDATION_HOLD,           /* a session, staying at this size on purpose */
  LENTO_RECOMMENDATION_STEP_BACK,      /* a session one size down */
  LENTO_RECOMMENDATION_ADVANCE,        /* a session at the next size or stage */
  LENTO_RECOMMENDATION_SEE_CLINICIAN,  /* progression pauses until acknowledged */
} LentoRecommendationKind;

/* Which rule a reason comes from, so that views and tests need not read text. */
typedef enum {
  LENTO_REASON_GETTING_READY,
  LENTO_REASON_STAGE_NOT_YET,
  LENTO_REASON_ADVANCE_STAGE,
  LENTO_REASON_BUILDING,
  LENTO_REASON_NOT_YET,
  LENTO_REASON_HOLD_DAYS,
  LENTO_REASON_PLATEAU,
  LENTO_REASON_ADVANCE_SIZE,
  LENTO_REASON_TOP_OF_LADDER,
  LENTO_REASON_STEP_BACK_PAIN,
  LENTO_REASON_STEP_BACK_RESISTANCE,
  LENTO_REASON_HOLD_AFTER_PAIN,
  LENTO_REASON_REST_AFTER_INJURY,
  LENTO_REASON_AFTER_REST,
  LENTO_REASON_CLINICIAN_HEAVY_BLEEDING,
  LENTO_REASON_CLINICIAN_REPEATED_BLEEDING,
  LENTO_REASON_LOW_FREQUENCY,
  LENTO_REASON_LONG_BREAK,
  LENTO_REASON_DONE_TODAY,
  LENTO_REASON_WEEK_FULL,
  LENTO_REASON_REST_BETWEEN,
  LENTO_REASON_REST_DAY,
  LENTO_REASON_TOOL_SKIPPED,
  LENTO_REASON_LADDER_JUMP,
  LENTO_REASON_LUBE_WARNING,
  LENTO_REASON_NO_TRAINER,
  LENTO_REASON_WARM_UP,
  LENTO_REASON_SKIPPED_TODAY,
  LENTO_REASON_FELT_UNRECORDED,
} LentoReasonCode;

/* One sentence of why, and the journal entries behind it. */
typedef struct {
  LentoReasonCode   code;
  char             *text;     /* translated */
  char            **entries;  /* UUIDs, maybe empty, never NULL */
} LentoReason;

#define LENTO_TYPE_REASON (lento_reason_get_type ())

GType        lento_reason_get_type (void);
LentoReason *lento_reason_copy     (const LentoReason *reason);
void         lento_reason_free     (LentoReason       *reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoReason, lento_reason_free)

typedef enum {
  LENTO_PLAN_DAY_SESSION,
  LENTO_PLAN_DAY_REST,
  LENTO_PLAN_DAY_DONE,
} LentoPlanDayKind;

typedef struct {
  GDate            date;
  LentoPlanDayKind kind;
} LentoPlanDay;

#define LENTO_COACH_PLAN_DAYS 7

#define LENTO_TYPE_RECOMMENDATION (lento_recommendation_get_type ())

G_DECLARE_FINAL_TYPE (LentoRecommendation, lento_recommendation, LENTO, RECOMMENDATION, GObject)

LentoRecommendationKind  lento_recommendation_get_kind            (LentoRecommendation *self);
LentoRecommendationKind  lento_recommendation_get_next_kind       (LentoRecommendation *self);
gboolean                 lento_recommendation_get_gentle_note     (LentoRecommendation *self);
const char              *lento_recommendation_get_stage           (LentoRecommendation *self);
const char              *lento_recommendation_get_template        (LentoRecommendation *self);
const char              *lento_recommendation_get_tool            (LentoRecommendation *self);
double                   lento_recommendation_get_diameter        (LentoRecommendation *self);
const char              *lento_recommendation_get_warm_up_tool    (LentoRecommendation *self);
const char              *lento_recommendation_get_lube            (LentoRecommendation *self);
const GDate             *lento_recommendation_get_rest_until      (LentoRecommendation *self);
GPtrArray               *lento_recommendation_get_reasons         (LentoRecommendation *self);
const LentoReason       *lento_recommendation_find_reason         (LentoRecommendation *self,
                                                                   LentoReasonCode      code);
GArray                  *lento_recommendation_get_days            (LentoRecommendation *self);

G_END_DECLS
