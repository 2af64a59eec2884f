/* lento-export-summary.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-export"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib/gi18n.h>

#include "lento-core-error.h"
#include "lento-export-private.h"
#include "lento-journal-stats.h"
#include "lento-tool.h"

/* The clinician summary: one A4 page, drawn with cairo and its text laid
 * out with Pango (never GTK), so that every script reads right. It holds what a clinician asks
 * about first: sizes over time, wear time, comfort against pain, and every
 * safety event. Notes are private and only added when the person asks.
 */

#define PAGE_WIDTH   595.28
#define PAGE_HEIGHT  841.89
#define MARGIN        42.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define TEXT_SIZE      9.0
#define LINE_HEIGHT   12.5

/* A session with pain at or above this score is listed as a safety event. */
#define PAIN_EVENT_THRESHOLD 4

typedef struct
{
  cairo_t    *cr;
  GPtrArray  *sessions;     /* LentoEntry, sessions only, oldest first */
  GPtrArray  *events;       /* LentoEntry, safety events and clinician notes, newest first */
  GHashTable *tool_names;
  gint64      first;
  gint64      last;
  double      y;
} Summary;

static int
compare_start_oldest_first (gconstpointer a,
                            gconstpointer b)
{
  return g_date_time_compare (lento_entry_get_start (*(LentoEntry **)a),
                              lento_entry_get_start (*(LentoEntry **)b));
}

static const cairo_user_data_key_t font_key;

/* The font of the text drawn next on @cr, kept with @cr. */
static void
set_font (cairo_t  *cr,
          double    size,
          gboolean  bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, "Sans");
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  cairo_set_user_data (cr, &font_key, font, (cairo_destroy_func_t)pango_font_description_free);
}

/* One line laid out by Pango, so that right-to-left and complex scripts
 * are shaped and ordered as they are read; cut with an ellipsis when it
 * would be wider than @max_width (when above 0).
 */
static PangoLayout *
layout_line (cairo_t    *cr,
             const char *text,
             double      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, cairo_get_user_data (cr, &font_key));
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  g_autoptr(PangoLayout) layout = layout_line (cr, text, 0);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* Draws one line of text with its baseline at @y: the first line of
 * @text, with an ellipsis when more follows or when it does not fit in
 * @max_width.
 */
static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           double      max_width,
           const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *line = NULL;
  const char *newline = strchr (text, '\n');

  if (newline != NULL)
    {
      g_autofree char *first = g_strndup (text, newline - text);

      line = g_strconcat (first, "…", NULL);
    }

  layout = layout_line (cr, line != NULL ? line : text, max_width);
  cairo_move_to (cr, x, y - (double)pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static char *
format_date (GDateTime *when)
{
  /* Year first: the one order no reader can misread. */
  return g_date_time_format (when, "%Y-%m-%d");
}

static char *
format_unix_date (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_time);

  return format_date (when);
}

static void
draw_heading (Summary    *s,
              const char *text)
{
  s->y += 14;
  set_font (s->cr, 11, TRUE);
  cairo_set_source_rgb (s->cr, 0.1, 0.1, 0.1);
  draw_text (s->cr, MARGIN, s->y, CONTENT_WIDTH, text);
  s->y += 6;
}

/* A frame with horizontal guides at each of @ticks (in value units),
 * returning the rectangle to plot in.
 */
static void
draw_frame (Summary *s,
            double   height,
            double   min_value,
            double   max_value,
            double   step,
            double  *plot_x,
            double  *plot_y,
            double  *plot_w,
            double  *plot_h)
{
  cairo_t *cr = s->cr;
  double left = MARGIN + 28;

  *plot_x = left;
  *plot_y = s->y;
  *plot_w = CONTENT_WIDTH - 28;
  *plot_h = height;

  set_font (cr, 7, FALSE);
  cairo_set_line_width (cr, 0.4);
  for (double v = min_value; v <= max_value + 1e-9; v += step)
    {
      double y = *plot_y + *plot_h - (v - min_value) / (max_value - min_value) * *plot_h;
      char label[32];

      cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + *plot_w, y);
      cairo_stroke (cr);

      g_snprintf (label, sizeof label, "%g", v);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      draw_text (cr, MARGIN, y + 2.5, 0, label);
    }

  /* Dates of the first and the last session under the frame. */
  if (s->sessions->len > 0)
    {
      g_autofree char *first = format_unix_date (s->first);
      g_autofree char *last = format_unix_date (s->last);

      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      draw_text (cr, left, *plot_y + *plot_h + 9, 0, first);
      draw_text (cr, left + *plot_w - text_width (cr, last), *plot_y + *plot_h + 9, 0, last);
    }

  s->y += height + 10;
}

static double
time_x (Summary   *s,
        GDateTime *when,
        double     x,
        double     w)
{
  gint64 t = g_date_time_to_unix (when);

  if (s->last <= s->first)
    return x + w / 2;
  return x + (double)(t - s->first) / (double)(s->last - s->first) * w;
}

static void
draw_sizes (Summary *s)
{
  cairo_t *cr = s->cr;
  double largest = 0;
  double top;
  double x, y, w, h;

  for (guint i = 0; i < s->sessions->len; i++)
    largest = MAX (largest, lento_entry_get_diameter (g_ptr_array_index (s->sessions, i)));
  top = MAX (10.0, ceil (largest / 10.0) * 10.0);

  draw_heading (s, _("Size over time (diameter in mm)"));
  draw_frame (s, 120, 0, top, top / 5, &x, &y, &w, &h);

  cairo_set_source_rgb (cr, 0.11, 0.35, 0.62);
  cairo_set_line_width (cr, 1.2);
  for (guint i = 0; i < s->sessions->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (s->sessions, i);
      double px = time_x (s, lento_entry_get_start (entry), x, w);
      double py = y + h - lento_entry_get_diameter (entry) / top * h;

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_stroke (cr);
}

static void
draw_wear (Summary *s,
           GArray  *weeks)
{
  cairo_t *cr = s->cr;
  double most = 0;
  double top;
  double x, y, w, h;
  double bar;

  for (guint i = 0; i < weeks->len; i++)
    most = MAX (most, g_array_index (weeks, LentoWeekStats, i).wear_minutes);
  top = MAX (30.0, ceil (most / 30.0) * 30.0);

  draw_heading (s, _("Wear time per week (minutes)"));
  draw_frame (s, 90, 0, top, top / 3, &x, &y, &w, &h);

  if (weeks->len == 0)
    return;

  bar = w / weeks->len;
  cairo_set_source_rgb (cr, 0.18, 0.55, 0.34);
  for (guint i = 0; i < weeks->len; i++)
    {
      double minutes = g_array_index (weeks, LentoWeekStats, i).wear_minutes;
      double bh = minutes / top * h;

      cairo_rectangle (cr, x + i * bar, y + h - bh, MAX (bar * 0.8, 0.3), bh);
    }
  cairo_fill (cr);
}

/* With many sessions, one point per session is a blur: the chart then
 * shows the average comfort and the highest pain of each of at most
 * MAX_BUCKETS equal stretches of time, so that pain is never averaged away.
 */
#define MAX_BUCKETS 150

typedef struct
{
  double comfort_sum;
  guint  comfort_count;
  int    pain_max;
  double x;
} Bucket;

static void
plot_series (cairo_t *cr,
             Bucket  *buckets,
             guint    n,
             gboolean pain,
             double   y,
             double   h)
{
  gboolean started = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double value;

      if (pain && buckets[i].pain_max < 0)
        continue;
      if (!pain && buckets[i].comfort_count == 0)
        continue;

      value = pain ? buckets[i].pain_max : buckets[i].comfort_sum / buckets[i].comfort_count;
      if (!started)
        cairo_move_to (cr, buckets[i].x, y + h - value / 10.0 * h);
      else
        cairo_line_to (cr, buckets[i].x, y + h - value / 10.0 * h);
      started = TRUE;
    }
  cairo_stroke (cr);
}

static void
draw_comfort_pain (Summary *s)
{
  cairo_t *cr = s->cr;
  const double dashes[] = { 3.0, 2.0 };
  g_autofree Bucket *buckets = NULL;
  guint n_buckets = MIN (s->sessions->len, MAX_BUCKETS);
  double x, y, w, h;

  draw_heading (s, s->sessions->len > MAX_BUCKETS
                   ? _("Average comfort (solid line) and highest pain (dashed line), 0 to 10")
                   : _("Comfort (solid line) and pain (dashed line), 0 to 10"));
  draw_frame (s, 90, 0, 10, 2, &x, &y, &w, &h);

  if (n_buckets == 0)
    return;

  buckets = g_new0 (Bucket, n_buckets);
  for (guint i = 0; i < n_buckets; i++)
    buckets[i].pain_max = LENTO_ENTRY_UNSET;

  for (guint i = 0; i < s->sessions->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (s->sessions, i);
      double px = time_x (s, lento_entry_get_start (entry), x, w);
      guint b = s->sessions->len <= MAX_BUCKETS
                ? i : MIN ((guint)((px - x) / w * n_buckets), n_buckets - 1);

      if (s->sessions->len <= MAX_BUCKETS)
        buckets[b].x = px;
      else
        buckets[b].x = x + (b + 0.5) * w / n_buckets;

      if (lento_entry_get_comfort (entry) != LENTO_ENTRY_UNSET)
        {
          buckets[b].comfort_sum += lento_entry_get_comfort (entry);
          buckets[b].comfort_count++;
        }
      buckets[b].pain_max = MAX (buckets[b].pain_max, lento_entry_get_pain (entry));
    }

  cairo_set_line_width (cr, 1.0);
  cairo_set_source_rgb (cr, 0.11, 0.35, 0.62);
  plot_series (cr, buckets, n_buckets, FALSE, y, h);

  /* Dashed and in another colour, so the chart reads in black and white. */
  cairo_set_source_rgb (cr, 0.75, 0.22, 0.17);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  plot_series (cr, buckets, n_buckets, TRUE, y, h);
  cairo_set_dash (cr, NULL, 0, 0);
}

static const char *
tool_label (GHashTable *tool_names,
            LentoEntry *entry)
{
  const char *tool = lento_entry_get_tool (entry);
  const char *name = NULL;

  if (tool != NULL && tool_names != NULL)
    name = g_hash_table_lookup (tool_names, tool);
  return name;
}

/* One line of the safety events: what was recorded, then the size. */
char *
_lento_export_describe_event (LentoEntry *entry,
                              GHashTable *tool_names)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *tool = tool_label (tool_names, entry);

  if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_CLINICIAN_NOTE)
    g_ptr_array_add (parts, g_strdup (_("Note after seeing a clinician")));
  /* Heavy bleeding is recorded as the strongest level with a tag of its
   * own, and it is what the clinician most needs to read as it was said.
   */
  if (lento_entry_has_tag (entry, LENTO_ENTRY_TAG_HEAVY_BLEEDING))
    g_ptr_array_add (parts, g_strdup (_("heavy bleeding")));
  else if (lento_entry_get_bleeding (entry) == LENTO_BLEEDING_SIGNIFICANT)
    g_ptr_array_add (parts, g_strdup (_("significant bleeding")));
  else if (lento_entry_get_bleeding (entry) == LENTO_BLEEDING_SPOTTING)
    g_ptr_array_add (parts, g_strdup (_("spotting")));
  if (lento_entry_get_sharp_pain (entry))
    g_ptr_array_add (parts, g_strdup (_("sharp pain")));
  if (lento_entry_get_pain (entry) > 0)
    /* Translators: a pain score, like "pain 6/10". */
    g_ptr_array_add (parts, g_strdup_printf (_("pain %d/10"), lento_entry_get_pain (entry)));
  if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION)
    {
      g_autofree char *diameter = lento_format_diameter (lento_entry_get_diameter (entry));

      if (tool != NULL)
        /* Translators: diameter and tool name, like "22 mm, Trainer 3". */
        g_ptr_array_add (parts, g_strdup_printf (C_("diameter and tool", "%s, %s"), diameter,
                                                 tool));
      else
        g_ptr_array_add (parts, g_steal_pointer (&diameter));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* The line under a list that did not fit on the page. */
char *
_lento_export_describe_more (guint more)
{
  /* Translators: under a list of entries that did not all fit on the page. */
  return g_strdup_printf (ngettext ("and %u earlier entry, listed in the journal",
                                    "and %u earlier entries, listed in the journal", more),
                          more);
}

/* The first line of the summary: the period, how many sessions, the latest size. */
char *
_lento_export_describe_sessions (GPtrArray *sessions)
{
  LentoEntry *first_entry;
  LentoEntry *latest;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *size = NULL;

  if (sessions->len == 0)
    return g_strdup (_("No sessions are recorded yet."));

  first_entry = g_ptr_array_index (sessions, 0);
  latest = g_ptr_array_index (sessions, sessions->len - 1);
  first = format_unix_date (g_date_time_to_unix (lento_entry_get_start (first_entry)));
  last = format_unix_date (g_date_time_to_unix (lento_entry_get_start (latest)));
  size = lento_format_diameter (lento_entry_get_diameter (latest));

  /* Translators: the period covered, how many sessions in it, and the latest
   * diameter, like “18 mm”.
   */
  return g_strdup_printf (ngettext ("%s to %s: %u session, latest size %s.",
                                    "%s to %s: %u sessions, latest size %s.",
                                    sessions->len),
                          first, last, sessions->len, size);
}

/* The second line of the summary: wear time in all and the weeks on target. */
char *
_lento_export_describe_weeks (double wear_minutes,
                              guint  weeks_met,
                              guint  n_weeks)
{
  /* Translators: hours of wear time with one decimal, like “3.5”; then how many
   * of the weeks shown had two sessions or more.
   */
  return g_strdup_printf (ngettext ("%.1f hours of wear time in all; %u of %u week had 2 "
                                    "sessions or more.",
                                    "%.1f hours of wear time in all; %u of %u weeks had 2 "
                                    "sessions or more.",
                                    n_weeks),
                          wear_minutes / 60.0, weeks_met, n_weeks);
}

static gboolean
is_event (LentoEntry *entry)
{
  return lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_CLINICIAN_NOTE ||
         (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION &&
          (lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE ||
           lento_entry_has_tag (entry, LENTO_ENTRY_TAG_HEAVY_BLEEDING) ||
           lento_entry_get_sharp_pain (entry) ||
           lento_entry_get_pain (entry) >= PAIN_EVENT_THRESHOLD));
}

/* Lists rows until @bottom, newest first, ending with how many did not fit. */
static void
draw_rows (Summary   *s,
           GPtrArray *entries,
           gboolean   notes,
           double     bottom)
{
  cairo_t *cr = s->cr;
  guint shown = 0;

  set_font (cr, TEXT_SIZE, FALSE);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

  for (guint i = 0; i < entries->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *date = format_date (lento_entry_get_start (entry));
      g_autofree char *text = NULL;

      /* Keep a line for "and N more". */
      if (s->y + LINE_HEIGHT * 2 > bottom && i + 1 < entries->len)
        break;

      text = notes ? g_strdup (lento_entry_get_notes (entry)) : _lento_export_describe_event (entry, s->tool_names);
      s->y += LINE_HEIGHT;
      draw_text (cr, MARGIN, s->y, 62, date);
      draw_text (cr, MARGIN + 64, s->y, CONTENT_WIDTH - 64, text);
      shown++;
    }

  if (shown < entries->len)
    {
      g_autofree char *line = _lento_export_describe_more (entries->len - shown);

      s->y += LINE_HEIGHT;
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      draw_text (cr, MARGIN + 64, s->y, CONTENT_WIDTH - 64, line);
    }
}

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * lento_export_pdf_summary:
 * @entries: a list model of #LentoEntry, in any order
 * @tool_names: (nullable) (element-type utf8 utf8): tool id to the tool's name
 * @flags: %LENTO_SUMMARY_FLAGS_INCLUDE_NOTES to add the notes
 * @now: (nullable): when the summary is made; %NULL for now
 * @error: where to say why no summary was made
 *
 * Draws a one-page PDF summary for a clinician: sizes over time, weekly
 * wear time, comfort and pain, and the safety events (bleeding, sharp
 * pain, pain of 4 or more, clinician notes). What does not fit on the
 * page is counted, not dropped silently. Notes appear only with
 * %LENTO_SUMMARY_FLAGS_INCLUDE_NOTES.
 *
 * Returns: (transfer full) (nullable): the PDF bytes
 */
GBytes *
lento_export_pdf_summary (GListModel         *entries,
                          GHashTable         *tool_names,
                          LentoSummaryFlags   flags,
                          GDateTime          *now,
                          GError            **error)
{
  g_autoptr(GByteArray) pdf = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) with_notes = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GDateTime) made = NULL;
  g_autofree char *made_text = NULL;
  g_autofree char *line = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Summary s = { 0 };
  guint weeks_met = 0;
  double wear_minutes = 0;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  made = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  events = g_ptr_array_new_with_free_func (g_object_unref);
  with_notes = g_ptr_array_new_with_free_func (g_object_unref);

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      LentoEntry *entry = g_list_model_get_item (entries, i);
      const char *notes = lento_entry_get_notes (entry);

      if (is_event (entry))
        g_ptr_array_add (events, g_object_ref (entry));
      if (notes != NULL && *notes != '\0')
        g_ptr_array_add (with_notes, g_object_ref (entry));
      if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION)
        {
          wear_minutes += lento_entry_get_wear (entry) / 60.0;
          g_ptr_array_add (sessions, entry);
        }
      else
        g_object_unref (entry);
    }
  g_ptr_array_sort (sessions, compare_start_oldest_first);
  g_ptr_array_sort (events, compare_start_oldest_first);
  g_ptr_array_sort (with_notes, compare_start_oldest_first);
  /* Newest first in the lists: the recent past matters most. */
  for (guint i = 0; i < events->len / 2; i++)
    {
      gpointer tmp = events->pdata[i];
      events->pdata[i] = events->pdata[events->len - 1 - i];
      events->pdata[events->len - 1 - i] = tmp;
    }
  for (guint i = 0; i < with_notes->len / 2; i++)
    {
      gpointer tmp = with_notes->pdata[i];
      with_notes->pdata[i] = with_notes->pdata[with_notes->len - 1 - i];
      with_notes->pdata[with_notes->len - 1 - i] = tmp;
    }

  {
    g_autoptr(GListStore) store = g_list_store_new (LENTO_TYPE_ENTRY);

    g_list_store_splice (store, 0, 0, sessions->pdata, sessions->len);
    weeks = lento_journal_stats_by_week (G_LIST_MODEL (store), 2, 3);
    for (guint i = 0; i < weeks->len; i++)
      weeks_met += g_array_index (weeks, LentoWeekStats, i).target_met;
  }

  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, pdf,
                                                 PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Practice summary"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lento");

  s.cr = cairo_create (surface);
  s.sessions = sessions;
  s.events = events;
  s.tool_names = tool_names;
  if (sessions->len > 0)
    {
      s.first = g_date_time_to_unix (lento_entry_get_start (g_ptr_array_index (sessions, 0)));
      s.last = g_date_time_to_unix (lento_entry_get_start (g_ptr_array_index (sessions,
                                                                              sessions->len - 1)));
    }

  cairo_set_source_rgb (s.cr, 1, 1, 1);
  cairo_paint (s.cr);

  s.y = MARGIN + 16;
  set_font (s.cr, 18, TRUE);
  cairo_set_source_rgb (s.cr, 0.1, 0.1, 0.1);
  draw_text (s.cr, MARGIN, s.y, CONTENT_WIDTH, _("Practice summary"));

  made_text = format_date (made);
  s.y += 16;
  set_font (s.cr, TEXT_SIZE, FALSE);
  cairo_set_source_rgb (s.cr, 0.35, 0.35, 0.35);
  /* Translators: %s is the date the summary was made, like “2026-03-14”. */
  line = g_strdup_printf (_("Made with Lento on %s from the person’s own journal. "
                            "Lento is not medical advice."), made_text);
  draw_text (s.cr, MARGIN, s.y, CONTENT_WIDTH, line);
  g_clear_pointer (&line, g_free);

  s.y += LINE_HEIGHT + 4;
  cairo_set_source_rgb (s.cr, 0.1, 0.1, 0.1);
  line = _lento_export_describe_sessions (sessions);
  if (sessions->len > 0)
    {
      draw_text (s.cr, MARGIN, s.y, CONTENT_WIDTH, line);
      g_clear_pointer (&line, g_free);
      s.y += LINE_HEIGHT;
      line = _lento_export_describe_weeks (wear_minutes, weeks_met, weeks->len);
    }
  draw_text (s.cr, MARGIN, s.y, CONTENT_WIDTH, line);
  s.y += 4;

  draw_sizes (&s);
  draw_wear (&s, weeks);
  draw_comfort_pain (&s);

  draw_heading (&s, _("Safety events: bleeding, sharp pain, pain of 4 or more, clinician notes"));
  if (events->len == 0)
    {
      set_font (s.cr, TEXT_SIZE, FALSE);
      s.y += LINE_HEIGHT;
      draw_text (s.cr, MARGIN, s.y, CONTENT_WIDTH, _("None recorded."));
    }
  else
    {
      double bottom = PAGE_HEIGHT - MARGIN;

      /* With notes on, the events keep at most the upper half of what is left. */
      if ((flags & LENTO_SUMMARY_FLAGS_INCLUDE_NOTES) != 0 && with_notes->len > 0)
        bottom = s.y + (PAGE_HEIGHT - MARGIN - s.y) / 2;
      draw_rows (&s, events, FALSE, bottom);
    }

  if ((flags & LENTO_SUMMARY_FLAGS_INCLUDE_NOTES) != 0)
    {
      draw_heading (&s, _("Notes"));
      if (with_notes->len == 0)
        {
          set_font (s.cr, TEXT_SIZE, FALSE);
          s.y += LINE_HEIGHT;
          draw_text (s.cr, MARGIN, s.y, CONTENT_WIDTH, _("None recorded."));
        }
      else
        {
          draw_rows (&s, with_notes, TRUE, PAGE_HEIGHT - MARGIN);
        }
    }

  /* One page, always: everything above was fitted to it. */
  cairo_show_page (s.cr);
  status = cairo_status (s.cr);
  cairo_destroy (s.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_FAILED,
                   /* Translators: %s is the drawing library's reason, in English. */
                   _("The summary could not be drawn (%s). Try again; "
                     "if it keeps failing, please report it."),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
