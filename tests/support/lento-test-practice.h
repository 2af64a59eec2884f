/* lento-test-practice.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-practice.h"

G_BEGIN_DECLS

LentoPractice *lento_test_practice_new         (LentoClock    *clock,
                                                char         **data_dir);
void           lento_test_practice_wait_loaded (LentoPractice *practice);
void           lento_test_practice_free        (LentoPractice *practice,
                                                char          *data_dir);
JsonObject    *lento_test_practice_dup_saved_profile (LentoPractice *practice);
gboolean       lento_test_practice_saved_profile_has (LentoPractice *practice,
                                                      const char    *member);
void           lento_test_practice_plan_every_day (LentoPractice *practice);
void           lento_test_assert_same_recommendation (LentoRecommendation *a,
                                                      LentoRecommendation *b,
                                                      gboolean             same_entries);

G_END_DECLS
