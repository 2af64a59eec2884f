/* lento-coach.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-entry.h"
#include "lento-inventory.h"
#include "lento-program.h"
#include "lento-recommendation.h"

G_BEGIN_DECLS

/* The person's choices that the coach reads. */
typedef struct {
  guint weekdays;                /* bit (1 << GDateWeekday) per day; 0 for the plan's default */
  GDate clinician_acknowledged;  /* when they noted seeing a clinician; cleared when never */
  GDate skipped;                 /* a day the person chose to skip; cleared when none */
} LentoCoachSettings;

void                     lento_coach_settings_init                (LentoCoachSettings *settings);

LentoRecommendation     *lento_coach_recommend (LentoProgram             *program,
                                                GListModel               *entries,
                                                LentoInventory           *inventory,
                                                const GDate              *today,
                                                const LentoCoachSettings *settings);
LentoRecommendation     *lento_coach_recommend_early (LentoProgram             *program,
                                                      GListModel               *entries,
                                                      const GDate              *complete_from,
                                                      LentoInventory           *inventory,
                                                      const GDate              *today,
                                                      const LentoCoachSettings *settings);

G_END_DECLS
