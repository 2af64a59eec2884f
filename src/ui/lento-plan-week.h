/* lento-plan-week.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-recommendation.h"

G_BEGIN_DECLS

#define LENTO_TYPE_PLAN_WEEK (lento_plan_week_get_type ())

G_DECLARE_FINAL_TYPE (LentoPlanWeek, lento_plan_week, LENTO, PLAN_WEEK, AdwBin)

GtkWidget *lento_plan_week_new      (void);
void       lento_plan_week_set_days (LentoPlanWeek *self,
                                     GArray        *days,
                                     const GDate   *today);

G_END_DECLS
