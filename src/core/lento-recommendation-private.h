/* lento-recommendation-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-recommendation.h"

G_BEGIN_DECLS

/* The coach fills a recommendation in field by field as it decides, so the
 * fields are open to it here; everyone else reads them through the getters.
 */
struct _LentoRecommendation
{
  GObject                  parent_instance;

  LentoRecommendationKind  kind;
  LentoRecommendationKind  next_kind;
  gboolean                 gentle_note;
  char                    *stage_id;
  char                    *template_id;
  char                    *tool_id;
  double                   diameter;
  char                    *warm_up_tool_id;
  char                    *lube_id;
  GDate                    rest_until;
  GPtrArray               *reasons;  /* LentoReason */
  GArray                  *days;     /* LentoPlanDay */
};

G_END_DECLS
