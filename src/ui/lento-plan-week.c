/* lento-plan-week.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-plan-week"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-plan-week.h"

/* The week ahead on the plan page: seven days side by side, each with what
 * it holds.
 */
struct _LentoPlanWeek
{
  AdwBin  parent_instance;

  /* Template widgets */
  GtkBox *words_box;
  GtkBox *icons_box;
};

G_DEFINE_FINAL_TYPE (LentoPlanWeek, lento_plan_week, ADW_TYPE_BIN)

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* One day of the week ahead: its name, its date and what it holds, in a
 * word or, when @compact, as an icon that leaves the word to the tooltip.
 */
static GtkWidget *
make_day_cell (const LentoPlanDay *day,
               const GDate        *today,
               gboolean            compact)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name;
  GtkWidget *number;
  GtkWidget *what;
  g_autofree char *day_number = g_strdup_printf ("%d", g_date_get_day (&day->date));
  g_autofree char *accessible = NULL;
  char weekday[64];
  char full_weekday[64];
  const char *kind_text;
  const char *kind_icon;

  g_date_strftime (weekday, sizeof weekday, "%a", &day->date);
  g_date_strftime (full_weekday, sizeof full_weekday, "%A", &day->date);

  switch (day->kind)
    {
    case LENTO_PLAN_DAY_SESSION:
      kind_text = C_("plan day", "Session");
      kind_icon = "alarm-symbolic";
      break;
    case LENTO_PLAN_DAY_DONE:
      kind_text = C_("plan day", "Done");
      kind_icon = "object-select-symbolic";
      break;
    case LENTO_PLAN_DAY_REST:
    default:
      kind_text = C_("plan day", "Rest");
      kind_icon = NULL;
      break;
    }

  name = gtk_label_new (weekday);
  gtk_widget_add_css_class (name, "caption");
  number = gtk_label_new (day_number);
  gtk_widget_add_css_class (number, "title-3");
  if (compact)
    {
      what = g_object_new (GTK_TYPE_IMAGE,
                           "icon-name", kind_icon,
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                           NULL);
      lento_accessible_set_new_tooltip (cell, kind_text);
    }
  else
    {
      what = gtk_label_new (kind_text);
      gtk_widget_add_css_class (what, "caption");
      if (day->kind == LENTO_PLAN_DAY_REST)
        gtk_widget_add_css_class (what, "dim-label");
      else
        gtk_widget_add_css_class (what, "heading");
    }

  gtk_box_append (GTK_BOX (cell), name);
  gtk_box_append (GTK_BOX (cell), number);
  gtk_box_append (GTK_BOX (cell), what);
  gtk_widget_add_css_class (cell, "card");
  gtk_widget_add_css_class (cell, "plan-day");
  if (day->kind == LENTO_PLAN_DAY_SESSION)
    gtk_widget_add_css_class (cell, "planned");
  if (g_date_compare (&day->date, today) == 0)
    gtk_widget_add_css_class (cell, "today");

  /* A screen reader reads one sentence per day rather than three fragments. */
  accessible = g_strdup_printf (C_("plan day, e.g. Monday 3: Session", "%s %d: %s"),
                                full_weekday, g_date_get_day (&day->date), kind_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return cell;
}

static void
lento_plan_week_dispose (GObject *object)
{
  /* The bin's child is itself a template child: let the bin drop it first
   * so that it does not unparent a widget the template already freed.
   */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LENTO_TYPE_PLAN_WEEK);

  G_OBJECT_CLASS (lento_plan_week_parent_class)->dispose (object);
}

static void
lento_plan_week_class_init (LentoPlanWeekClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_plan_week_dispose;

  /* A container of its own, not a widget a screen reader names: its group
   * names it, and each day names itself.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-plan-week.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoPlanWeek, words_box);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanWeek, icons_box);
}

static void
lento_plan_week_init (LentoPlanWeek *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lento_plan_week_new (void)
{
  return g_object_new (LENTO_TYPE_PLAN_WEEK, NULL);
}

/**
 * lento_plan_week_set_days:
 * @days: (element-type LentoPlanDay): the days ahead, from
 *   lento_recommendation_get_days()
 * @today: today's date, which the cell of that day marks
 *
 * Shows @days in place of the days shown before.
 */
void
lento_plan_week_set_days (LentoPlanWeek *self,
                          GArray        *days,
                          const GDate   *today)
{
  g_return_if_fail (LENTO_IS_PLAN_WEEK (self));
  g_return_if_fail (days != NULL);
  g_return_if_fail (today != NULL);

  remove_children (self->words_box);
  remove_children (self->icons_box);

  /* The squeezer shows the words where seven of them fit side by side,
   * and the icons on a phone-sized window or with longer translations.
   */
  for (guint i = 0; i < days->len; i++)
    {
      const LentoPlanDay *day = &g_array_index (days, LentoPlanDay, i);

      gtk_box_append (self->words_box, make_day_cell (day, today, FALSE));
      gtk_box_append (self->icons_box, make_day_cell (day, today, TRUE));
    }
}
