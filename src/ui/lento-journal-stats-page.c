/* lento-journal-stats-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal-stats-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lento-chart.h"
#include "lento-journal-stats.h"
#include "lento-journal-stats-page.h"
#include "lento-tool.h"

/* Weeks the bar charts show: half a year is enough to see a rhythm and few
 * enough that each bar stays visible.
 */
#define RECENT_WEEKS 26

enum {
  CHART_DIAMETER,
  CHART_WEAR,
  CHART_COMFORT_PAIN,
  CHART_SESSIONS,
  N_CHARTS
};

/* Four charts of the journal's progress. The statistics are computed again
 * from the whole model, in an idle callback, after the model changes, so
 * that a burst of changes (a load, an import) costs one pass.
 */
struct _LentoJournalStatsPage
{
  AdwBin      parent_instance;

  GtkWidget  *charts[N_CHARTS];

  /* Owned */
  GListModel *entries;
  guint       update_id;
  guint       stale : 1;
};

G_DEFINE_FINAL_TYPE (LentoJournalStatsPage, lento_journal_stats_page, ADW_TYPE_BIN)

static char *
format_week (GArray     *weeks,
             guint       index,
             const char *format)
{
  LentoWeekStats *week = &g_array_index (weeks, LentoWeekStats, index);
  g_autoptr(GDateTime) monday = g_date_time_new_local (g_date_get_year (&week->monday),
                                                       g_date_get_month (&week->monday),
                                                       g_date_get_day (&week->monday),
                                                       12, 0, 0);

  return g_date_time_format (monday, format);
}

static void
set_range (GtkWidget  *chart,
           GArray     *weeks,
           guint       first,
           const char *format)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first < weeks->len)
    {
      from = format_week (weeks, first, format);
      to = format_week (weeks, weeks->len - 1, format);
    }
  lento_chart_set_range_labels (LENTO_CHART (chart), from, to);
}

static void
update_diameter (LentoJournalStatsPage *self,
                 GArray                *weeks)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *description = NULL;
  double last = 0.0;
  double first = 0.0;
  guint first_week = G_MAXUINT;

  /* A week without a session keeps the size of the week before, because the
   * size a person has reached does not drop when they rest.
   */
  for (guint i = 0; i < weeks->len; i++)
    {
      LentoWeekStats *week = &g_array_index (weeks, LentoWeekStats, i);

      if (week->largest_diameter > 0.0)
        last = week->largest_diameter;
      if (first == 0.0)
        first = last;
      if (last > 0.0)
        {
          if (first_week == G_MAXUINT)
            first_week = i;
          g_array_append_val (values, last);
        }
    }

  if (values->len == 0)
    {
      description = g_strdup (_("No sessions with a size are recorded yet."));
    }
  else
    {
      g_autofree char *first_text = lento_format_diameter (first);
      g_autofree char *last_text = lento_format_diameter (last);

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: the first and latest largest
                                                   * weekly size, like “18 mm”, then a number of
                                                   * weeks.
                                                   */
                                                  "The largest size each week went from %s to "
                                                  "%s over %u week.",
                                                  "The largest size each week went from %s to "
                                                  "%s over %u weeks.",
                                                  values->len),
                                     first_text, last_text, values->len);
    }

  /* Translators: a month and year under a chart, like “Mar 2026”, in the form of
   * g_date_time_format().
   */
  set_range (self->charts[CHART_DIAMETER], weeks, first_week, _("%b %Y"));
  lento_chart_set_values (LENTO_CHART (self->charts[CHART_DIAMETER]),
                          (double *)(gpointer)values->data, values->len);
  lento_chart_set_description (LENTO_CHART (self->charts[CHART_DIAMETER]), description);
}

/* Minutes, rounded to whole ones, with the plural their number asks for. */
static char *
format_minutes (double minutes)
{
  gulong whole = (gulong) round (minutes);

  /* Translators: a number of minutes, like “12 minutes”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute", "%lu minutes", whole),
                          whole);
}

static void
update_weekly (LentoJournalStatsPage *self,
               GArray                *weeks)
{
  guint first = weeks->len > RECENT_WEEKS ? weeks->len - RECENT_WEEKS : 0;
  guint n = weeks->len - first;
  g_autofree double *wear = g_new0 (double, MAX (n, 1));
  g_autofree double *sessions = g_new0 (double, MAX (n, 1));
  g_autofree char *wear_text = NULL;
  g_autofree char *sessions_text = NULL;
  double total = 0.0, most = 0.0;
  guint met = 0, fewer = 0, more = 0;

  for (guint i = 0; i < n; i++)
    {
      LentoWeekStats *week = &g_array_index (weeks, LentoWeekStats, first + i);

      wear[i] = week->wear_minutes;
      sessions[i] = week->sessions;
      total += week->wear_minutes;
      most = MAX (most, week->wear_minutes);
      if (week->above_target)
        more++;
      else if (week->target_met)
        met++;
      else
        fewer++;
    }

  if (n == 0)
    {
      wear_text = g_strdup (_("No wear time is recorded yet."));
      sessions_text = g_strdup (_("No sessions are recorded yet."));
    }
  else
    {
      g_autofree char *average = format_minutes (total / n);
      g_autofree char *fullest = format_minutes (most);

      wear_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: a number of weeks, then minutes worn
                                                 * per week on average and in the fullest week, each
                                                 * like “12 minutes”.
                                                 */
                                                "Over the last %u week a tool was worn %s a "
                                                "week on average, and %s in the fullest week.",
                                                "Over the last %u weeks a tool was worn %s a "
                                                "week on average, and %s in the fullest week.",
                                                n),
                                   n, average, fullest);
      sessions_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    /* Translators: weeks shown, then how many of
                                                     * them were within, below and above the target
                                                     * of 2 to 3 sessions.
                                                     */
                                                    "Of the last %u week, %u had 2 to 3 sessions "
                                                    "as planned, %u had fewer and %u had more.",
                                                    "Of the last %u weeks, %u had 2 to 3 sessions "
                                                    "as planned, %u had fewer and %u had more.",
                                                    n),
                                       n, met, fewer, more);
    }

  /* Translators: a day and month under a chart, like “2 Mar”, in the form of
   * g_date_time_format(): %-d is the day of the month without padding.
   */
  set_range (self->charts[CHART_WEAR], weeks, first, _("%-d %b"));
  set_range (self->charts[CHART_SESSIONS], weeks, first, _("%-d %b"));
  lento_chart_set_values (LENTO_CHART (self->charts[CHART_WEAR]), wear, n);
  lento_chart_set_description (LENTO_CHART (self->charts[CHART_WEAR]), wear_text);
  lento_chart_set_values (LENTO_CHART (self->charts[CHART_SESSIONS]), sessions, n);
  lento_chart_set_description (LENTO_CHART (self->charts[CHART_SESSIONS]), sessions_text);
}

static void
update_comfort_pain (LentoJournalStatsPage *self)
{
  guint grid[LENTO_CHART_GRID_SIZE * LENTO_CHART_GRID_SIZE] = { 0, };
  g_autofree char *description = NULL;
  guint n_items = self->entries ? g_list_model_get_n_items (self->entries) : 0;
  guint counted = 0, painless = 0;
  double comfort_sum = 0.0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (self->entries, i);
      int comfort = lento_entry_get_comfort (entry);
      int pain = lento_entry_get_pain (entry);

      if (lento_entry_get_kind (entry) != LENTO_ENTRY_KIND_SESSION
          || comfort < 0 || comfort > 10 || pain < 0 || pain > 10)
        continue;
      grid[comfort * LENTO_CHART_GRID_SIZE + pain]++;
      counted++;
      comfort_sum += comfort;
      if (pain == 0)
        painless++;
    }

  if (counted == 0)
    description = g_strdup (_("No sessions with comfort and pain are recorded yet."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: sessions counted, sessions without
                                                 * pain, and the average comfort from 0 to 10, like
                                                 * “7.5”.
                                                 */
                                                "Comfort and pain are recorded for %u session; "
                                                "%u had no pain, and comfort was %.1f out of 10 "
                                                "on average.",
                                                "Comfort and pain are recorded for %u sessions; "
                                                "%u had no pain, and comfort was %.1f out of 10 "
                                                "on average.",
                                                counted),
                                   counted, painless, comfort_sum / counted);

  lento_chart_set_grid (LENTO_CHART (self->charts[CHART_COMFORT_PAIN]), grid);
  lento_chart_set_description (LENTO_CHART (self->charts[CHART_COMFORT_PAIN]), description);
}

/**
 * lento_journal_stats_page_update:
 * @self: a #LentoJournalStatsPage
 *
 * Computes the charts from the model now.
 */
void
lento_journal_stats_page_update (LentoJournalStatsPage *self)
{
  g_autoptr(GArray) weeks = NULL;

  g_return_if_fail (LENTO_IS_JOURNAL_STATS_PAGE (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  self->stale = FALSE;

  if (self->entries != NULL)
    weeks = lento_journal_stats_by_week (self->entries, LENTO_STATS_TARGET_MIN,
                                         LENTO_STATS_TARGET_MAX);
  else
    weeks = g_array_new (FALSE, FALSE, sizeof (LentoWeekStats));

  update_diameter (self, weeks);
  update_weekly (self, weeks);
  update_comfort_pain (self);
}

static gboolean
update_cb (gpointer user_data)
{
  LentoJournalStatsPage *self = user_data;

  self->update_id = 0;
  lento_journal_stats_page_update (self);
  return G_SOURCE_REMOVE;
}

/* A journal that loads in the background changes many times; charts
 * nobody sees wait until the page is shown.
 */
static void
items_changed_cb (LentoJournalStatsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->update_id == 0)
    self->update_id = g_idle_add (update_cb, self);
}

static void
lento_journal_stats_page_map (GtkWidget *widget)
{
  LentoJournalStatsPage *self = LENTO_JOURNAL_STATS_PAGE (widget);

  GTK_WIDGET_CLASS (lento_journal_stats_page_parent_class)->map (widget);
  if (self->stale)
    lento_journal_stats_page_update (self);
}

/**
 * lento_journal_stats_page_set_model:
 * @self: a #LentoJournalStatsPage
 * @entries: (nullable): the entries to chart
 */
void
lento_journal_stats_page_set_model (LentoJournalStatsPage *self,
                                    GListModel            *entries)
{
  g_return_if_fail (LENTO_IS_JOURNAL_STATS_PAGE (self));
  g_return_if_fail (entries == NULL || G_IS_LIST_MODEL (entries));

  if (self->entries == entries)
    return;
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_data (self->entries, self);
  g_set_object (&self->entries, entries);
  if (entries != NULL)
    g_signal_connect_swapped (entries, "items-changed", G_CALLBACK (items_changed_cb), self);
  lento_journal_stats_page_update (self);
}

/**
 * lento_journal_stats_page_get_chart:
 * @self: a #LentoJournalStatsPage
 * @index: 0 to 3: diameter, weekly wear, comfort against pain, sessions per week
 *
 * Returns: (transfer none): the chart
 */
GtkWidget *
lento_journal_stats_page_get_chart (LentoJournalStatsPage *self,
                                    guint                  index)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_STATS_PAGE (self), NULL);
  g_return_val_if_fail (index < N_CHARTS, NULL);

  return self->charts[index];
}

static void
lento_journal_stats_page_dispose (GObject *object)
{
  LentoJournalStatsPage *self = LENTO_JOURNAL_STATS_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_data (self->entries, self);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (lento_journal_stats_page_parent_class)->dispose (object);
}

static void
lento_journal_stats_page_class_init (LentoJournalStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_journal_stats_page_dispose;
  widget_class->map = lento_journal_stats_page_map;

  /* A container of its own, not a widget a screen reader names: GTK 4.8
   * would call it by its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
add_chart (LentoJournalStatsPage *self,
           GtkBox                *box,
           guint                  index,
           LentoChartKind         kind,
           const char            *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, index > 0 ? 18 : 0);
  gtk_box_append (box, label);

  self->charts[index] = lento_chart_new (kind, title);
  gtk_widget_add_css_class (self->charts[index], "card");
  gtk_box_append (box, self->charts[index]);
}

/* What a chart's marks mean, under it, in the text's own size and colour. */
static void
add_legend (GtkBox     *box,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
}

static void
lento_journal_stats_page_init (LentoJournalStatsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* The charts take no focus, so the scrolled window does, to scroll them:
   * named like the button that shows them.
   */
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"),
                                  -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  add_chart (self, GTK_BOX (box), CHART_DIAMETER, LENTO_CHART_LINE, _("Size Over Time"));
  /* Translators: the unit on the side of the size chart: millimetres. */
  lento_chart_set_axis_labels (LENTO_CHART (self->charts[CHART_DIAMETER]), NULL, C_("unit", "mm"));
  add_chart (self, GTK_BOX (box), CHART_WEAR, LENTO_CHART_BARS, _("Wear Minutes per Week"));
  /* Translators: the unit on the side of the wear time chart: minutes. */
  lento_chart_set_axis_labels (LENTO_CHART (self->charts[CHART_WEAR]), NULL, C_("unit", "min"));
  add_chart (self, GTK_BOX (box), CHART_COMFORT_PAIN, LENTO_CHART_GRID,
             _("Comfort Against Pain"));
  /* Translators: the axes of the comfort against pain chart, each scored from 0 to 10. */
  lento_chart_set_axis_labels (LENTO_CHART (self->charts[CHART_COMFORT_PAIN]),
                               C_("chart axis", "Comfort"), C_("chart axis", "Pain"));
  add_legend (GTK_BOX (box), _("Each dot is a score of comfort and pain; the larger the dot, "
                               "the more sessions had it."));
  add_chart (self, GTK_BOX (box), CHART_SESSIONS, LENTO_CHART_BARS,
             _("Sessions per Week, With the Target of 2 to 3"));
  /* Translators: the unit on the side of the sessions per week chart. */
  lento_chart_set_axis_labels (LENTO_CHART (self->charts[CHART_SESSIONS]), NULL,
                               C_("unit", "sessions"));
  lento_chart_set_band (LENTO_CHART (self->charts[CHART_SESSIONS]),
                        LENTO_STATS_TARGET_MIN, LENTO_STATS_TARGET_MAX);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  lento_journal_stats_page_update (self);
}
