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
#include <pango/pangocairo.h>

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
  char          *x_label;
  char          *y_label;
};

G_DEFINE_FINAL_TYPE (LentoChart, lento_chart, GTK_TYPE_WIDGET)

/* Room around the plot, in pixels: inside the card, and between the plot
 * and its labels.
 */
#define PADDING 10.0
#define GAP 6.0

/* The widest a bar may be: a week alone is a bar, not a wall. */
#define MAX_BAR_WIDTH 32.0

/* Up to this many points, each is marked with a dot as well as joined. */
#define MAX_MARKED_POINTS 12

/* Tick labels are a little smaller than the text around the chart, and less
 * strong than the axis titles, but they keep a contrast of at least 4.5:1 on
 * the card in light and dark: the foreground at 80% of its own strength.
 */
#define TICK_SCALE 0.9
#define TICK_ALPHA 0.8

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

/* Text in the widget's own font, so that it follows the desktop's size. */
static PangoLayout *
make_layout (LentoChart *self,
             const char *text,
             gboolean    tick)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (tick)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (TICK_SCALE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Draws @text with its top at @y and @xalign of its width at @x. */
static void
draw_text (LentoChart    *self,
           cairo_t       *cr,
           const GdkRGBA *fg,
           const char    *text,
           gboolean       tick,
           double         x,
           double         y,
           double         xalign)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, tick);
  double width;

  layout_size (layout, &width, NULL);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue,
                         fg->alpha * (tick ? TICK_ALPHA : 1.0));
  cairo_move_to (cr, round (x - xalign * width), round (y));
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (LentoChart *self,
            const char *text,
            gboolean    tick)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, tick);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

static double
text_height (LentoChart *self,
             gboolean    tick)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "0", tick);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

/* A step between ticks of 1, 2 or 5 times a power of ten, so that at most
 * four steps reach @max.
 */
static double
nice_step (double max)
{
  double raw = max / 4.0;
  double power = pow (10.0, floor (log10 (raw)));
  double fraction = raw / power;

  if (fraction <= 1.0)
    return power;
  if (fraction <= 2.0)
    return 2.0 * power;
  if (fraction <= 5.0)
    return 5.0 * power;
  return 10.0 * power;
}

static char *
format_tick (double value)
{
  /* Ticks are whole numbers: sizes, minutes and sessions. */
  return g_strdup_printf ("%.0f", value);
}

/* The plot's rectangle inside the widget, and what each axis shows. */
typedef struct {
  double left;
  double top;
  double right;
  double bottom;
} Plot;

static void
draw_frame (LentoChart    *self,
            cairo_t       *cr,
            const GdkRGBA *fg,
            const Plot    *plot)
{
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.5);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, plot->left + 0.5, plot->top);
  cairo_line_to (cr, plot->left + 0.5, plot->bottom + 0.5);
  cairo_line_to (cr, plot->right, plot->bottom + 0.5);
  cairo_stroke (cr);
}

/* The unit above the value axis, where a reader looks for it first. */
static void
draw_y_title (LentoChart    *self,
              cairo_t       *cr,
              const GdkRGBA *fg)
{
  if (self->y_label != NULL)
    draw_text (self, cr, fg, self->y_label, FALSE, PADDING, PADDING, 0.0);
}

/* The plot starts under the unit, or half a tick label down, so that the
 * top tick's label stays inside the card.
 */
static double
top_of_plot (LentoChart *self)
{
  if (self->y_label != NULL)
    return PADDING + text_height (self, FALSE) + GAP;
  return PADDING + text_height (self, TRUE) / 2;
}

static void
draw_grid (LentoChart *self,
           cairo_t    *cr,
           double      width,
           double      height)
{
  double tick_h = text_height (self, TRUE);
  double title_h = text_height (self, FALSE);
  double left_w = 0.0;
  GdkRGBA fg, accent, band;
  double cell_w, cell_h;
  guint most = 1;
  Plot plot;

  get_colors (self, &fg, &accent, &band);

  for (guint tick = 0; tick <= 10; tick += 5)
    {
      g_autofree char *text = format_tick (tick);

      left_w = MAX (left_w, text_width (self, text, TRUE));
    }

  plot.left = PADDING + left_w + GAP;
  plot.top = top_of_plot (self);
  plot.right = width - PADDING;
  plot.bottom = height - PADDING - tick_h - GAP
                - (self->x_label != NULL ? title_h + GAP / 2 : 0.0);
  if (plot.right - plot.left < 20 || plot.bottom - plot.top < 20)
    return;
  cell_w = (plot.right - plot.left) / LENTO_CHART_GRID_SIZE;
  cell_h = (plot.bottom - plot.top) / LENTO_CHART_GRID_SIZE;

  draw_frame (self, cr, &fg, &plot);
  draw_y_title (self, cr, &fg);

  /* Ticks at 0, 5 and 10, under and beside the middle of their cells. */
  for (guint tick = 0; tick <= 10; tick += 5)
    {
      g_autofree char *text = format_tick (tick);

      draw_text (self, cr, &fg, text, TRUE, plot.left + (tick + 0.5) * cell_w,
                 plot.bottom + GAP, 0.5);
      draw_text (self, cr, &fg, text, TRUE, plot.left - GAP,
                 plot.bottom - (tick + 0.5) * cell_h - tick_h / 2, 1.0);
    }
  if (self->x_label != NULL)
    draw_text (self, cr, &fg, self->x_label, FALSE, (plot.left + plot.right) / 2,
               plot.bottom + GAP + tick_h + GAP / 2, 0.5);

  for (guint i = 0; i < G_N_ELEMENTS (self->grid); i++)
    most = MAX (most, self->grid[i]);

  /* Comfort runs along the bottom and pain up the side; the area of a dot
   * grows with the number of entries in its cell.
   */
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.85);
  for (guint comfort = 0; comfort < LENTO_CHART_GRID_SIZE; comfort++)
    for (guint pain = 0; pain < LENTO_CHART_GRID_SIZE; pain++)
      {
        guint count = self->grid[comfort * LENTO_CHART_GRID_SIZE + pain];
        double radius;

        if (count == 0)
          continue;
        radius = MAX (2.5, sqrt ((double) count / most) * MIN (cell_w, cell_h) / 2);
        cairo_arc (cr, plot.left + (comfort + 0.5) * cell_w,
                   plot.bottom - (pain + 0.5) * cell_h, radius, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

static void
draw_chart (LentoChart *self,
            cairo_t    *cr,
            double      width,
            double      height)
{
  double tick_h = text_height (self, TRUE);
  double left_w = 0.0;
  GdkRGBA fg, accent, band;
  double max = 0.0;
  double step;
  double top;
  Plot plot;

  if (self->kind == LENTO_CHART_GRID)
    {
      draw_grid (self, cr, width, height);
      return;
    }

  get_colors (self, &fg, &accent, &band);

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  max = MAX (max, self->band_high);
  if (max <= 0.0 || self->values->len == 0)
    {
      draw_text (self, cr, &fg, _("Nothing recorded yet"), FALSE, width / 2,
                 (height - text_height (self, FALSE)) / 2, 0.5);
      return;
    }

  step = nice_step (max);
  top = ceil (max / step - 1e-9) * step;

  for (double tick = 0.0; tick <= top + step / 2; tick += step)
    {
      g_autofree char *text = format_tick (tick);

      left_w = MAX (left_w, text_width (self, text, TRUE));
    }

  plot.left = PADDING + left_w + GAP;
  plot.top = top_of_plot (self);
  plot.right = width - PADDING;
  plot.bottom = height - PADDING - tick_h - GAP;
  if (plot.right - plot.left < 20 || plot.bottom - plot.top < 20)
    return;

  /* Light lines at each tick, so a value can be read across. */
  cairo_set_line_width (cr, 1.0);
  for (double tick = 0.0; tick <= top + step / 2; tick += step)
    {
      g_autofree char *text = format_tick (tick);
      double y = round (plot.bottom - tick / top * (plot.bottom - plot.top)) + 0.5;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.12);
      cairo_move_to (cr, plot.left, y);
      cairo_line_to (cr, plot.right, y);
      cairo_stroke (cr);
      draw_text (self, cr, &fg, text, TRUE, plot.left - GAP, y - tick_h / 2, 1.0);
    }

  draw_frame (self, cr, &fg, &plot);
  draw_y_title (self, cr, &fg);

  if (self->band_high > self->band_low)
    {
      double band_top = plot.bottom - self->band_high / top * (plot.bottom - plot.top);
      double band_bottom = plot.bottom - self->band_low / top * (plot.bottom - plot.top);

      gdk_cairo_set_source_rgba (cr, &band);
      cairo_rectangle (cr, plot.left + 1, band_top, plot.right - plot.left - 1,
                       band_bottom - band_top);
      cairo_fill (cr);
    }

  if (self->kind == LENTO_CHART_BARS)
    {
      double slot = (plot.right - plot.left - 1) / self->values->len;
      double bar = CLAMP (slot * 0.7, 1.0, MAX_BAR_WIDTH);

      gdk_cairo_set_source_rgba (cr, &accent);
      for (guint i = 0; i < self->values->len; i++)
        {
          double value = g_array_index (self->values, double, i);
          double h = value / top * (plot.bottom - plot.top);

          cairo_rectangle (cr, plot.left + 1 + i * slot + (slot - bar) / 2, plot.bottom - h,
                           bar, h);
        }
      cairo_fill (cr);
    }
  else
    {
      guint n = self->values->len;
      double inset = n > 1 ? 4.0 : 0.0;
      double span = plot.right - plot.left - 2 * inset;

      /* A single value stands in the middle, as a dot: a line needs two. */
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n; i++)
        {
          double value = g_array_index (self->values, double, i);
          double x = n > 1 ? plot.left + inset + span * i / (n - 1)
                           : (plot.left + plot.right) / 2;
          double y = plot.bottom - value / top * (plot.bottom - plot.top);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);

      for (guint i = 0; n <= MAX_MARKED_POINTS && i < n; i++)
        {
          double value = g_array_index (self->values, double, i);
          double x = n > 1 ? plot.left + inset + span * i / (n - 1)
                           : (plot.left + plot.right) / 2;
          double y = plot.bottom - value / top * (plot.bottom - plot.top);

          cairo_arc (cr, x, y, 4.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The time along the bottom: where the chart starts and ends, or the one
   * date under a single value.
   */
  if (self->values->len == 1 && self->first_label != NULL)
    draw_text (self, cr, &fg, self->first_label, TRUE, (plot.left + plot.right) / 2,
               plot.bottom + GAP, 0.5);
  else
    {
      if (self->first_label != NULL)
        draw_text (self, cr, &fg, self->first_label, TRUE, plot.left, plot.bottom + GAP, 0.0);
      if (self->last_label != NULL)
        draw_text (self, cr, &fg, self->last_label, TRUE, plot.right, plot.bottom + GAP, 1.0);
    }
}

static void
lento_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= PADDING * 4 || height <= PADDING * 4)
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
  LentoChart *self = LENTO_CHART (widget);

  /* The grid has eleven rows of scores: it needs the height to tell them apart. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = self->kind == LENTO_CHART_GRID ? 240 : 160;
      *natural = self->kind == LENTO_CHART_GRID ? 300 : 200;
    }
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
  g_clear_pointer (&self->x_label, g_free);
  g_clear_pointer (&self->y_label, g_free);
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
 * lento_chart_set_axis_labels:
 * @self: a #LentoChart
 * @x_label: (nullable): what runs along the bottom, such as “Comfort”
 * @y_label: (nullable): what runs up the side, or its unit, such as “mm”
 *
 * The unit or name of each axis; the time axis of a line or bar chart says
 * itself through its range labels instead.
 */
void
lento_chart_set_axis_labels (LentoChart *self,
                             const char *x_label,
                             const char *y_label)
{
  g_return_if_fail (LENTO_IS_CHART (self));

  g_free (self->x_label);
  self->x_label = g_strdup (x_label);
  g_free (self->y_label);
  self->y_label = g_strdup (y_label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lento_chart_get_axis_label:
 * @self: a #LentoChart
 * @orientation: %GTK_ORIENTATION_HORIZONTAL for the bottom axis, vertical for the side
 *
 * Returns: (nullable): the label of that axis
 */
const char *
lento_chart_get_axis_label (LentoChart     *self,
                            GtkOrientation  orientation)
{
  g_return_val_if_fail (LENTO_IS_CHART (self), NULL);

  return orientation == GTK_ORIENTATION_HORIZONTAL ? self->x_label : self->y_label;
}

/**
 * lento_chart_get_range_label:
 * @self: a #LentoChart
 * @last: whether the label of the last value is wanted, rather than the first
 *
 * Returns: (nullable): what the first or last value stands for
 */
const char *
lento_chart_get_range_label (LentoChart *self,
                             gboolean    last)
{
  g_return_val_if_fail (LENTO_IS_CHART (self), NULL);

  return last ? self->last_label : self->first_label;
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
