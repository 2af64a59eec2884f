/* lento-chart.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  LENTO_CHART_LINE,
  LENTO_CHART_BARS,
  LENTO_CHART_GRID,
} LentoChartKind;

/* The side of the comfort-against-pain grid. */
#define LENTO_CHART_GRID_SIZE 11

#define LENTO_TYPE_CHART (lento_chart_get_type ())

G_DECLARE_FINAL_TYPE (LentoChart, lento_chart, LENTO, CHART, GtkWidget)

GtkWidget  *lento_chart_new             (LentoChartKind  kind,
                                         const char     *title);
void        lento_chart_set_values      (LentoChart     *self,
                                         const double   *values,
                                         guint           n_values);
void        lento_chart_set_band        (LentoChart     *self,
                                         double          low,
                                         double          high);
void        lento_chart_set_grid        (LentoChart     *self,
                                         const guint    *counts);
void        lento_chart_set_range_labels (LentoChart    *self,
                                          const char    *first,
                                          const char    *last);
void        lento_chart_set_axis_labels (LentoChart     *self,
                                         const char     *x_label,
                                         const char     *y_label);
const char *lento_chart_get_axis_label  (LentoChart     *self,
                                         GtkOrientation  orientation);
const char *lento_chart_get_range_label (LentoChart     *self,
                                         gboolean        last);
void        lento_chart_set_description (LentoChart     *self,
                                         const char     *description);
const char *lento_chart_get_description (LentoChart     *self);
guint       lento_chart_get_n_values    (LentoChart     *self);

G_END_DECLS
