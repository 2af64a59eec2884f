/* lento-test-support.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-support"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "lento-test-support.h"

/* Small things tests and benchmarks of every layer share. */

/* Removes a throwaway folder a test made, with everything in it. */
void
lento_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      lento_test_remove_tree (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @values, which it sorts: one slow run does not decide a
 * benchmark figure.
 */
double
lento_bench_median (double *values,
                    guint   n_values)
{
  g_assert (n_values > 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  if (n_values % 2 == 1)
    return values[n_values / 2];

  return (values[n_values / 2 - 1] + values[n_values / 2]) / 2.0;
}
