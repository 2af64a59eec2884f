/* lento-recommendation.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-recommendation"

#include "config.h"

#include "lento-recommendation-private.h"

/* LentoReason */

LentoReason *
lento_reason_copy (const LentoReason *reason)
{
  LentoReason *copy;

  g_return_val_if_fail (reason != NULL, NULL);

  copy = g_new0 (LentoReason, 1);
  copy->code = reason->code;
  copy->text = g_strdup (reason->text);
  copy->entries = g_strdupv (reason->entries);
  return copy;
}

void
lento_reason_free (LentoReason *reason)
{
  if (reason == NULL)
    return;

  g_free (reason->text);
  g_strfreev (reason->entries);
  g_free (reason);
}

G_DEFINE_BOXED_TYPE (LentoReason, lento_reason, lento_reason_copy, lento_reason_free)

/* LentoRecommendation */

G_DEFINE_FINAL_TYPE (LentoRecommendation, lento_recommendation, G_TYPE_OBJECT)

static void
lento_recommendation_finalize (GObject *object)
{
  LentoRecommendation *self = (LentoRecommendation *)object;

  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->tool_id, g_free);
  g_clear_pointer (&self->warm_up_tool_id, g_free);
  g_clear_pointer (&self->lube_id, g_free);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (lento_recommendation_parent_class)->finalize (object);
}

static void
lento_recommendation_class_init (LentoRecommendationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lento_recommendation_finalize;
}

static void
lento_recommendation_init (LentoRecommendation *self)
{
  self->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_reason_free);
  self->days = g_array_sized_new (FALSE, TRUE, sizeof (LentoPlanDay), LENTO_COACH_PLAN_DAYS);
  g_date_clear (&self->rest_until, 1);
}

LentoRecommendationKind
lento_recommendation_get_kind (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), LENTO_RECOMMENDATION_REST);
  return self->kind;
}

/**
 * lento_recommendation_get_next_kind:
 *
 * What the next session will be. On a session day it equals the kind; on a
 * rest day it says what comes after the rest.
 */
LentoRecommendationKind
lento_recommendation_get_next_kind (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), LENTO_RECOMMENDATION_REST);
  return self->next_kind;
}

/**
 * lento_recommendation_get_gentle_note:
 *
 * Whether sessions have been rare lately; the reason with
 * %LENTO_REASON_LOW_FREQUENCY says so kindly.
 */
gboolean
lento_recommendation_get_gentle_note (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), FALSE);
  return self->gentle_note;
}

const char *
lento_recommendation_get_stage (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->stage_id;
}

const char *
lento_recommendation_get_template (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->template_id;
}

/**
 * lento_recommendation_get_tool:
 *
 * Returns: (nullable): the inventory id of the tool for the next session
 */
const char *
lento_recommendation_get_tool (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->tool_id;
}

double
lento_recommendation_get_diameter (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), 0.0);
  return self->diameter;
}

/**
 * lento_recommendation_get_warm_up_tool:
 *
 * Returns: (nullable): the tool for the warm-up phase, when it differs from
 *   the usual warm-up with a finger
 */
const char *
lento_recommendation_get_warm_up_tool (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->warm_up_tool_id;
}

/**
 * lento_recommendation_get_lube:
 *
 * Returns: (nullable): a lubricant that suits the tool
 */
const char *
lento_recommendation_get_lube (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->lube_id;
}

/**
 * lento_recommendation_get_rest_until:
 *
 * Returns: (nullable): the last day of a rest the plan asks for
 */
const GDate *
lento_recommendation_get_rest_until (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return g_date_valid (&self->rest_until) ? &self->rest_until : NULL;
}

/**
 * lento_recommendation_get_reasons:
 *
 * Returns: (transfer none) (element-type LentoReason): why, most important first
 */
GPtrArray *
lento_recommendation_get_reasons (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->reasons;
}

/**
 * lento_recommendation_find_reason:
 *
 * Returns: (transfer none) (nullable): the first reason with @code
 */
const LentoReason *
lento_recommendation_find_reason (LentoRecommendation *self,
                                  LentoReasonCode      code)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);

  for (guint i = 0; i < self->reasons->len; i++)
    {
      const LentoReason *reason = g_ptr_array_index (self->reasons, i);

      if (reason->code == code)
        return reason;
    }

  return NULL;
}

/**
 * lento_recommendation_get_days:
 *
 * Returns: (transfer none) (element-type LentoPlanDay): today and the six
 *   days after it
 */
GArray *
lento_recommendation_get_days (LentoRecommendation *self)
{
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (self), NULL);
  return self->days;
}
