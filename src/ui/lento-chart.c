/* lento-chart.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lento-chart.h"

/* A small chart drawn with GtkSnapshot: a line, bars with an optional target
 * band, or a grid of dots whose size counts entries. It draws what it is
 * given and nothing more; LentoJournalStatsPage computes the numbers. A
 * chart is an image to assistive technologies, described in words by
 * whoever fills it, because a picture of a trend says nothing to a screen
 * reader.
 */
struct _LentoChart
{
  GtkWidget      parent_instance;

  LentoChartKind kind;
  char          *title;
  char          *description;
  GArray        *values;
  guint          grid[LENTO_CHART_GRID_SIZE * LENTO_CHART_GRID_SIZE];
  double         band_low;
  double         band_high;
  char          *first_label;
  char          *last_label;
};

G_DEFINE_FINAL_TYPE (LentoChart, lento_chart, GTK_TYPE_WIDGET)

#define MARGIN 28.0

static void
get_colors (LentoChart *self,
            GdkRGBA    *fg,
            GdkRGBA    *accent,
            GdkRGBA    *band)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* The foreground follows the theme through the style context; the accent
   * is libadwaita's blue in its light or dark shade, so that it keeps its
   * contrast on either background.
   */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), fg);
  gdk_rgba_parse (accent, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (band, dark ? "#57e389" : "#26a269");
  band->alpha = 0.25f;
}

static void
draw_axes (cairo_t       *cr,
           const GdkRGBA *fg,
           double         width,
           double         height)
{
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.4);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, MARGIN + 0.5, 4);
  cairo_line_to (cr, MARGIN + 0.5, height - MARGIN + 0.5);
  cairo_line_to (cr, width - 4, height - MARGIN + 0.5);
  cairo_stroke (cr);
}

static void
draw_label (cairo_t       *cr,
            const GdkRGBA *fg,
            double         x,
            double         y,
            const char    *text)
{
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
  cairo_set_font_size (cr, 10.0);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

static void
draw_chart (LentoChart *self,
            cairo_t    *cr,
            double      width,
            double      height)
{
  double plot_w = width - MARGIN - 8;
  double plot_h = height - MARGIN - 8;
  GdkRGBA fg, accent, band;
  double max = 0.0;
  char text[32];

  get_colors (self, &fg, &accent, &band);
  draw_axes (cr, &fg, width, height);

  if (self->kind == LENTO_CHART_GRID)
    {
      guint most = 1;
      double cell_w = plot_w / LENTO_CHART_GRID_SIZE;
      double cell_h = plot_h / LENTO_CHART_GRID_SIZE;

      for (guint i = 0; i < G_N_ELEMENTS (self->grid); i++)
        most = MAX (most, self->grid[i]);

      /* Comfort runs along the bottom and pain up the side; the area of a
       * dot grows with the number of entries in its cell.
       */
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.85);
      for (guint comfort = 0; comfort < LENTO_CHART_GRID_SIZE; comfort++)
        for (guint pain = 0; pain < LENTO_CHART_GRID_SIZE; pain++)
          {
            guint count = self->grid[comfort * LENTO_CHART_GRID_SIZE + pain];
            double radius;

            if (count == 0)
              continue;
            radius = MAX (1.5, sqrt ((double)count / most) * MIN (cell_w, cell_h) / 2);
            cairo_arc (cr, MARGIN + (comfort + 0.5) * cell_w,
                       height - MARGIN - (pain + 0.5) * cell_h, radius, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      draw_label (cr, &fg, MARGIN, height - MARGIN + 14, _("Comfort 0"));
      draw_label (cr, &fg, width - 30, height - MARGIN + 14, "10");
      draw_label (cr, &fg, 2, height - MARGIN, "0");
      draw_label (cr, &fg, 2, 14, "10");
      draw_label (cr, &fg, 2, height / 2, _("Pain"));
      return;
    }

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  max = MAX (max, self->band_high);
  if (max <= 0.0)
    {
      draw_label (cr, &fg, MARGIN + 8, height / 2, _("Nothing recorded yet"));
      return;
    }
  max *= 1.1;

  g_snprintf (text, sizeof text, "%.0f", max / 1.1);
  draw_label (cr, &fg, 2, 8 + plot_h * 0.1 + 4, text);
  draw_label (cr, &fg, 2, height - MARGIN, "0");

  if (self->band_high > self->band_low)
    {
      double top = height - MARGIN - self->band_high / max * plot_h;
      double bottom = height - MARGIN - self->band_low / max * plot_h;

      gdk_cairo_set_source_rgba (cr, &band);
      cairo_rectangle (cr, MARGIN + 1, top, plot_w, bottom - top);
      cairo_fill (cr);
    }

  if (self->values->len == 0)
    return;

  /* The time span along the bottom: where the chart starts and ends. */
  if (self->first_label != NULL)
    draw_label (cr, &fg, MARGIN + 2, height - MARGIN + 14, self->first_label);
  if (self->last_label != NULL)
    {
      cairo_text_extents_t extents;

      cairo_text_extents (cr, self->last_label, &extents);
      draw_label (cr, &fg, width - 8 - extents.x_advance, height - MARGIN + 14, self->last_label);
    }

  if (self->kind == LENTO_CHART_BARS)
    {
      double step = plot_w / self->values->len;
      double bar = MAX (1.0, step * 0.7);

      gdk_cairo_set_source_rgba (cr, &accent);
      for (guint i = 0; i < self->values->len; i++)
        {
          double value = g_array_index (self->values, double, i);
          double h = value / max * plot_h;

          cairo_rectangle (cr, MARGIN + 1 + i * step + (step - bar) / 2,
                           height - MARGIN - h, bar, h);
        }
      cairo_fill (cr);
    }
  else
    {
      double step = self->values->len > 1 ? plot_w / (self->values->len - 1) : 0;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < self->values->len; i++)
        {
          double value = g_array_index (self->values, double, i);
          double x = MARGIN + 1 + i * step;
          double y = height - MARGIN - value / max * plot_h;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
}

static void
lento_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= MARGIN * 2 || height <= MARGIN * 2)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (LENTO_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
lento_chart_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 140;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 180;
}

static void
dark_changed_cb (LentoChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lento_chart_finalize (GObject *object)
{
  LentoChart *self = LENTO_CHART (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->first_label, g_free);
  g_clear_pointer (&self->last_label, g_free);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (lento_chart_parent_class)->finalize (object);
}

static void
lento_chart_class_init (LentoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lento_chart_finalize;
  widget_class->snapshot = lento_chart_snapshot;
  widget_class->measure = lento_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lento_chart_init (LentoChart *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
}

/**
 * lento_chart_new:
 * @kind: how the values are drawn
 * @title: the chart's name, also its accessible label
 */
GtkWidget *
lento_chart_new (LentoChartKind  kind,
                 const char     *title)
{
  LentoChart *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LENTO_TYPE_CHART, NULL);
  self->kind = kind;
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return GTK_WIDGET (self);
}

/**
 * lento_chart_set_values:
 * @self: a #LentoChart
 * @values: (array length=n_values): the values, oldest first
 * @n_values: how many
 */
void
lento_chart_set_values (LentoChart   *self,
                        const double *values,
                        guint         n_values)
{
  g_return_if_fail (LENTO_IS_CHART (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lento_chart_set_band:
 * @self: a #LentoChart
 * @low: the bottom of the target band
 * @high: its top; equal to @low for no band
 */
void
lento_chart_set_band (LentoChart *self,
                      double      low,
                      double      high)
{
  g_return_if_fail (LENTO_IS_CHART (self));

  self->band_low = low;
  self->band_high = high;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lento_chart_set_grid:
 * @self: a #LentoChart
 * @counts: LENTO_CHART_GRID_SIZE × LENTO_CHART_GRID_SIZE counts, indexed
 *   comfort × size + pain
 */
void
lento_chart_set_grid (LentoChart  *self,
                      const guint *counts)
{
  g_return_if_fail (LENTO_IS_CHART (self));
  g_return_if_fail (counts != NULL);

  memcpy (self->grid, counts, sizeof self->grid);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lento_chart_set_range_labels:
 * @self: a #LentoChart
 * @first: (nullable): what the first value stands for, such as a date
 * @last: (nullable): what the last value stands for
 */
void
lento_chart_set_range_labels (LentoChart *self,
                              const char *first,
                              const char *last)
{
  g_return_if_fail (LENTO_IS_CHART (self));

  g_free (self->first_label);
  self->first_label = g_strdup (first);
  g_free (self->last_label);
  self->last_label = g_strdup (last);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lento_chart_set_description:
 * @self: a #LentoChart
 * @description: a sentence or two that say what the chart shows
 */
void
lento_chart_set_description (LentoChart *self,
                             const char *description)
{
  g_return_if_fail (LENTO_IS_CHART (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
}

/**
 * lento_chart_get_description:
 * @self: a #LentoChart
 *
 * Returns: (nullable): the chart's summary in words
 */
const char *
lento_chart_get_description (LentoChart *self)
{
  g_return_val_if_fail (LENTO_IS_CHART (self), NULL);

  return self->description;
}

/**
 * lento_chart_get_n_values:
 * @self: a #LentoChart
 *
 * Returns: how many values the chart draws
 */
guint
lento_chart_get_n_values (LentoChart *self)
{
  g_return_val_if_fail (LENTO_IS_CHART (self), 0);

  return self->values->len;
}
