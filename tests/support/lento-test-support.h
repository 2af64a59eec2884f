/* lento-test-support.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   lento_test_remove_tree (const char *path);
double lento_bench_median     (double     *values,
                               guint       n_values);

G_END_DECLS
