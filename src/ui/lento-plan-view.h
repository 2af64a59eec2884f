/* lento-plan-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_PLAN_VIEW (lento_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoPlanView, lento_plan_view, LENTO, PLAN_VIEW, AdwBin)

GtkWidget *lento_plan_view_new (void);

G_END_DECLS
