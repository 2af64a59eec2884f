/* lento-plan-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-coach.h"
#include "lento-inventory.h"
#include "lento-program.h"

G_BEGIN_DECLS

#define LENTO_TYPE_PLAN_VIEW (lento_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoPlanView, lento_plan_view, LENTO, PLAN_VIEW, AdwBin)

GtkWidget           *lento_plan_view_new                (void);
LentoProgram        *lento_plan_view_get_program        (LentoPlanView  *self);
void                 lento_plan_view_set_program        (LentoPlanView  *self,
                                                         LentoProgram   *program);
void                 lento_plan_view_set_journal        (LentoPlanView  *self,
                                                         GListModel     *journal);
void                 lento_plan_view_set_inventory      (LentoPlanView  *self,
                                                         LentoInventory *inventory);
void                 lento_plan_view_set_today          (LentoPlanView  *self,
                                                         GDateTime      *today);
guint                lento_plan_view_get_weekdays       (LentoPlanView  *self);
void                 lento_plan_view_set_weekdays       (LentoPlanView  *self,
                                                         guint           weekdays);
void                 lento_plan_view_set_recommendation (LentoPlanView       *self,
                                                        LentoRecommendation *recommendation);
LentoRecommendation *lento_plan_view_get_recommendation (LentoPlanView  *self);
double               lento_plan_view_get_reached        (LentoPlanView  *self);
gboolean             lento_plan_view_note_clinician     (LentoPlanView  *self);
void                 lento_plan_view_show_page          (LentoPlanView  *self,
                                                         const char     *name);
gboolean             lento_plan_view_focus_start        (LentoPlanView  *self);

void                 lento_plan_view_set_skipped_day    (LentoPlanView *self,
                                                         guint          julian);

G_END_DECLS
