/* lento-plan-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-inventory-page.h"
#include "lento-journal.h"
#include "lento-learn-page.h"
#include "lento-plan-view.h"
#include "lento-plan-week.h"

struct _LentoPlanView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkSpinner          *loading_spinner;
  GtkBox              *banner_box;
  GtkLabel            *today_title;
  GtkBox              *reasons_box;
  GtkWidget           *today_list;
  GtkLabel            *today_next;
  AdwActionRow        *tool_row;
  AdwActionRow        *template_row;
  GtkButton           *start_button;
  GtkButton           *clinician_button;
  LentoPlanWeek       *week;
  GtkBox              *days_box;
  GtkLabel            *days_default_label;
  GtkButton           *days_reset_button;
  GtkLabel            *days_note;
  GtkListBox          *ladder_list;
  AdwBin              *inventory_bin;
  AdwBin              *learn_bin;
  /* Built the first time their page is shown: most starts never show them. */
  LentoInventoryPage  *inventory_page;
  LentoLearnPage      *learn_page;
  AdwButtonContent    *learn_back_content;

  /* Owned */
  LentoProgram        *program;
  GListModel          *journal;
  LentoInventory      *inventory;
  GDateTime           *today;
  LentoRecommendation *recommendation;
  guint                weekdays;
  guint                skipped_day;
  /* Part of the journal could not be opened: nothing is added to it. */
  gboolean             read_only;
  double               reached;
  gboolean             syncing_days;
  guint                spinner_id;
};

G_DEFINE_FINAL_TYPE (LentoPlanView, lento_plan_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROGRAM,
  PROP_JOURNAL,
  PROP_INVENTORY,
  PROP_TODAY,
  PROP_WEEKDAYS,
  PROP_SKIPPED_DAY,
  PROP_READ_ONLY,
  PROP_RECOMMENDATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
kind_title (LentoRecommendationKind kind)
{
  switch (kind)
    {
    case LENTO_RECOMMENDATION_SESSION:
      return _("A Session Today");
    case LENTO_RECOMMENDATION_REST:
      return _("Rest Today");
    case LENTO_RECOMMENDATION_HOLD:
      return _("A Session at the Same Size");
    case LENTO_RECOMMENDATION_STEP_BACK:
      return _("A Gentler Session, One Size Smaller");
    case LENTO_RECOMMENDATION_ADVANCE:
      return _("Ready for the Next Step");
    case LENTO_RECOMMENDATION_SEE_CLINICIAN:
      return _("Time to Talk With a Clinician");
    default:
      g_assert_not_reached ();
    }
}

/* What comes after a rest, as one sentence, or two when @weekday names the
 * day of the next planned session: each pair is one string, so that a
 * translation can join them as its language does.
 */
static char *
dup_next_kind_text (LentoRecommendationKind  kind,
                    const char              *weekday)
{
  if (weekday == NULL)
    {
      switch (kind)
        {
        case LENTO_RECOMMENDATION_SESSION:
          return g_strdup (_("After the rest comes a session at the size you are on."));
        case LENTO_RECOMMENDATION_REST:
          return g_strdup (_("After this comes a little more rest."));
        case LENTO_RECOMMENDATION_HOLD:
          return g_strdup (_("After the rest comes a session at the same size."));
        case LENTO_RECOMMENDATION_STEP_BACK:
          return g_strdup (_("After the rest comes a gentler session, one size smaller."));
        case LENTO_RECOMMENDATION_ADVANCE:
          return g_strdup (_("After the rest comes the next step."));
        case LENTO_RECOMMENDATION_SEE_CLINICIAN:
          return g_strdup (_("Before the next session, talk with a clinician."));
        default:
          g_assert_not_reached ();
        }
    }

  switch (kind)
    {
    case LENTO_RECOMMENDATION_SESSION:
      /* Translators: %s is a weekday, like “Thursday”. */
      return g_strdup_printf (_("After the rest comes a session at the size you are on. The "
                                "next planned session is on %s."), weekday);
    case LENTO_RECOMMENDATION_REST:
      /* Translators: %s is a weekday, like “Thursday”. */
      return g_strdup_printf (_("After this comes a little more rest. The next planned "
                                "session is on %s."), weekday);
    case LENTO_RECOMMENDATION_HOLD:
      /* Translators: %s is a weekday, like “Thursday”. */
      return g_strdup_printf (_("After the rest comes a session at the same size. The next "
                                "planned session is on %s."), weekday);
    case LENTO_RECOMMENDATION_STEP_BACK:
      /* Translators: %s is a weekday, like “Thursday”. */
      return g_strdup_printf (_("After the rest comes a gentler session, one size smaller. "
                                "The next planned session is on %s."), weekday);
    case LENTO_RECOMMENDATION_ADVANCE:
      /* Translators: %s is a weekday, like “Thursday”. */
      return g_strdup_printf (_("After the rest comes the next step. The next planned "
                                "session is on %s."), weekday);
    case LENTO_RECOMMENDATION_SEE_CLINICIAN:
      /* Translators: %s is a weekday, like “Thursday”. */
      return g_strdup_printf (_("Before the next session, talk with a clinician. The next "
                                "planned session is on %s."), weekday);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
kind_has_session (LentoRecommendationKind kind)
{
  return kind != LENTO_RECOMMENDATION_REST && kind != LENTO_RECOMMENDATION_SEE_CLINICIAN;
}

static void
today_date (LentoPlanView *self,
            GDate         *date)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *today = self->today;

  if (today == NULL)
    today = now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

/* The largest size with a comfortable session: one the plan would count
 * towards moving on (how it felt recorded, pain and resistance within the
 * program's limits, no sharp pain, no bleeding).
 */
static double
compute_reached (LentoPlanView *self)
{
  const LentoProgramRules *rules = lento_program_get_rules (self->program);
  guint n = g_list_model_get_n_items (self->journal);
  double reached = 0.0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (self->journal, i);
      double diameter = lento_entry_get_diameter (entry);
      int pain = lento_entry_get_pain (entry);

      if (lento_entry_get_kind (entry) != LENTO_ENTRY_KIND_SESSION
          || !lento_entry_has_how_it_felt (entry)
          || pain > rules->advance_max_pain
          || lento_entry_get_resistance (entry) > rules->advance_max_resistance
          || lento_entry_get_sharp_pain (entry)
          || lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE)
        continue;

      if (diameter <= 0.0 && lento_entry_get_tool (entry) != NULL)
        {
          LentoTool *tool = lento_inventory_find_tool (self->inventory,
                                                       lento_entry_get_tool (entry));

          if (tool != NULL)
            diameter = lento_tool_get_diameter (tool);
        }

      reached = MAX (reached, diameter);
    }

  return reached;
}

static void
update_banners (LentoPlanView *self)
{
  const LentoProgramRules *rules = lento_program_get_rules (self->program);
  g_autoptr(GPtrArray) issues = lento_inventory_check (self->inventory,
                                                       rules->ladder_max_jump_percent);
  guint unconfirmed = 0;
  guint shown = 0;

  remove_children (GTK_WIDGET (self->banner_box));

  for (guint i = 0; i < issues->len; i++)
    {
      const LentoInventoryIssue *issue = g_ptr_array_index (issues, i);
      GtkWidget *box;
      GtkWidget *icon;
      GtkWidget *label;

      /* One line for all the sizes still to measure, not one per tool. */
      if (issue->kind == LENTO_ISSUE_UNCONFIRMED)
        {
          unconfirmed++;
          continue;
        }

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      icon = gtk_image_new_from_icon_name (issue->severity == LENTO_ISSUE_SEVERITY_NOTE
                                           ? "dialog-information-symbolic"
                                           : "dialog-warning-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      issue->severity == LENTO_ISSUE_SEVERITY_NOTE
                                      /* Translators: the spoken names of the icons before
                                       * a plain note and a safety warning.
                                       */
                                      ? C_("banner icon", "Note")
                                      : C_("banner icon", "Safety"), -1);
      label = gtk_label_new (issue->reason);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_add_css_class (box, "plan-banner");
      if (issue->severity != LENTO_ISSUE_SEVERITY_NOTE)
        gtk_widget_add_css_class (box, "warning");
      gtk_box_append (self->banner_box, box);
      shown++;
    }

  if (unconfirmed > 0)
    {
      GtkWidget *label = gtk_label_new (_("Some tools wait for you to measure and confirm their "
                                          "size under Tools and Lubricants."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "plan-banner");
      gtk_box_append (self->banner_box, label);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->banner_box), shown > 0);
}

static LentoEntry *
find_entry (GListModel *journal,
            const char *uuid)
{
  guint n_items = journal != NULL ? g_list_model_get_n_items (journal) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (journal, i);

      if (g_strcmp0 (lento_entry_get_uuid (entry), uuid) == 0)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

/* A reason rests on a few entries, or on weeks of them: the links stop at
 * the latest ones, so that a long stay at one size does not widen the window.
 */
#define MAX_ENTRY_LINKS 3

/* A reason that rests on journal entries links to the latest of them: the
 * window's win.show-entry opens the entry in the Journal view's editor. The
 * links stand one under the other, so that they fit any width and any
 * language's date.
 */
static void
append_entry_links (LentoPlanView     *self,
                    const LentoReason *reason)
{
  GtkWidget *box = NULL;
  guint shown = 0;

  for (guint i = 0; reason->entries[i] != NULL && shown < MAX_ENTRY_LINKS; i++)
    {
      g_autoptr(LentoEntry) entry = find_entry (self->journal, reason->entries[i]);
      g_autofree char *date = NULL;
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (entry == NULL)
        continue;

      /* Translators: the date in a link to a journal entry, like “7 March”, in the
       * form of g_date_time_format(): %-d is the day of the month without padding,
       * %B the month's name. Write it, and order it, as a date reads in your language.
       */
      date = g_date_time_format (lento_entry_get_start (entry), C_("entry link", "%-d %B"));
      /* Translators: a link to a journal entry; %s is its date, like “7 March”. */
      label = g_strdup_printf (_("Entry of %s"), date);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "link");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-entry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", reason->entries[i]);
      lento_accessible_set_new_tooltip (button, _("Open this entry in the journal"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Opens the journal entry behind this reason"),
                                      -1);
      if (box == NULL)
        {
          box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          gtk_widget_set_name (box, "reason-entries");
          gtk_box_append (self->reasons_box, box);
        }
      gtk_box_append (GTK_BOX (box), button);
      shown++;
    }
}

static void
update_today (LentoPlanView *self,
              const GDate   *today)
{
  LentoRecommendation *rec = self->recommendation;
  LentoRecommendationKind kind = lento_recommendation_get_kind (rec);
  GPtrArray *reasons = lento_recommendation_get_reasons (rec);
  const char *tool_id = lento_recommendation_get_tool (rec);
  const char *template_id = lento_recommendation_get_template (rec);
  const char *warm_up_id = lento_recommendation_get_warm_up_tool (rec);
  gboolean session = kind_has_session (kind) && template_id != NULL;

  /* A new stage is worth naming: it is what a first-time reader sees. */
  if (kind == LENTO_RECOMMENDATION_ADVANCE
      && lento_recommendation_find_reason (rec, LENTO_REASON_ADVANCE_STAGE) != NULL
      && lento_recommendation_get_stage (rec) != NULL)
    {
      const char *stage = lento_recommendation_get_stage (rec);
      g_autofree char *title = NULL;

      /* Translators: a heading; %s is the title of a stage of the plan, like
       * “Outside First”.
       */
      title = g_strdup_printf (_("A New Stage: %s"),
                               lento_program_get_stage_title (self->program, stage));
      gtk_label_set_label (self->today_title, title);
    }
  else
    {
      gtk_label_set_label (self->today_title, kind_title (kind));
    }

  remove_children (GTK_WIDGET (self->reasons_box));
  for (guint i = 0; i < reasons->len; i++)
    {
      const LentoReason *reason = g_ptr_array_index (reasons, i);
      GtkWidget *label = gtk_label_new (reason->text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (self->reasons_box, label);
      append_entry_links (self, reason);
    }

  /* On a day without a session, say what comes after it and when, so that
   * a rest reads as part of the plan rather than as a setback.
   */
  if (!kind_has_session (kind))
    {
      GArray *days = lento_recommendation_get_days (rec);
      g_autofree char *next = NULL;
      const char *weekday = NULL;
      char weekday_name[64];

      for (guint i = 0; i < days->len; i++)
        {
          const LentoPlanDay *day = &g_array_index (days, LentoPlanDay, i);

          if (day->kind != LENTO_PLAN_DAY_SESSION || g_date_compare (&day->date, today) <= 0)
            continue;

          g_date_strftime (weekday_name, sizeof weekday_name, "%A", &day->date);
          weekday = weekday_name;
          break;
        }

      if (kind == LENTO_RECOMMENDATION_REST)
        next = dup_next_kind_text (lento_recommendation_get_next_kind (rec), weekday);
      else if (weekday != NULL)
        /* Translators: %s is a weekday, like “Thursday”. */
        next = g_strdup_printf (_("The next planned session is on %s."), weekday);

      gtk_label_set_label (self->today_next, next != NULL ? next : "");
      gtk_widget_set_visible (GTK_WIDGET (self->today_next), next != NULL);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->today_next), FALSE);
    }

  if (tool_id != NULL)
    {
      LentoTool *tool = lento_inventory_find_tool (self->inventory, tool_id);
      LentoTool *warm_up = warm_up_id != NULL
                           ? lento_inventory_find_tool (self->inventory, warm_up_id) : NULL;
      g_autofree char *size = lento_format_diameter (lento_recommendation_get_diameter (rec));
      g_autofree char *subtitle = NULL;
      const char *name = tool != NULL ? lento_tool_get_name (tool) : tool_id;

      if (warm_up != NULL)
        /* Translators: today's tool, its diameter, like “18 mm”, and the smaller
         * tool to warm up with, like “Trainer 2, 18 mm, after a warm-up with
         * Trainer 1”.
         */
        subtitle = g_strdup_printf (_("%s, %s, after a warm-up with %s"), name, size,
                                    lento_tool_get_name (warm_up));
      else
        /* Translators: today's tool and its diameter, like “Trainer 2, 18 mm”. */
        subtitle = g_strdup_printf (C_("tool and size", "%s, %s"), name, size);
      adw_action_row_set_subtitle (self->tool_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tool_row), session && tool_id != NULL);

  if (template_id != NULL)
    adw_action_row_set_subtitle (self->template_row,
                                 lento_program_get_template_title (self->program, template_id));
  gtk_widget_set_visible (GTK_WIDGET (self->template_row), session);

  gtk_widget_set_visible (self->today_list, session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), session);
  gtk_widget_set_visible (GTK_WIDGET (self->clinician_button),
                          kind == LENTO_RECOMMENDATION_SEE_CLINICIAN);
  /* The note goes into the journal, which takes nothing while read-only. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->clinician_button), !self->read_only);
}

/* The plan's default days by their short names, in the week's order, like
 * “Tue, Thu, Sat”.
 */
static char *
dup_day_list (guint weekdays)
{
  GString *list = g_string_new (NULL);
  GDate date;

  /* 2 March 2026 is a Monday, as in build_days(). */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_MARCH, 2026);
  for (GDateWeekday weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY;
       weekday++, g_date_add_days (&date, 1))
    {
      char name[64];

      if ((weekdays & (1u << weekday)) == 0)
        continue;
      g_date_strftime (name, sizeof name, "%a", &date);
      if (list->len > 0)
        /* Translators: what stands between two days in a list of days, like “Tue, Thu, Sat”. */
        g_string_append (list, C_("list of days", ", "));
      g_string_append (list, name);
    }

  return g_string_free (list, FALSE);
}

/* Says whether the toggles show the plan's default or the person's own
 * days, and offers the way back to the default.
 */
static void
update_days_default (LentoPlanView           *self,
                     const LentoProgramRules *rules)
{
  gboolean own = (self->weekdays & 0xfe) != 0;
  g_autofree char *defaults = dup_day_list (rules->default_weekdays);
  g_autofree char *text = NULL;

  if (own)
    /* Translators: %s is a list of days, like “Tue, Thu, Sat”. */
    text = g_strdup_printf (_("Your own days. The plan’s default is %s."), defaults);
  else
    /* Translators: %s is a list of days, like “Tue, Thu, Sat”. */
    text = g_strdup_printf (_("The plan’s default days: %s. Pick a day to choose your own."),
                            defaults);

  gtk_label_set_text (self->days_default_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->days_reset_button), own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.reset-days", own);
}

/* The toggles show the days the coach plans with: the person's own, or the
 * plan's default while they have picked none.
 */
static void
update_days (LentoPlanView           *self,
             const LentoProgramRules *rules)
{
  guint effective = (self->weekdays & 0xfe) != 0 ? self->weekdays : rules->default_weekdays;
  GDateWeekday weekday = G_DATE_MONDAY;

  guint n_days = 0;
  g_autofree char *note = NULL;

  self->syncing_days = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), weekday++)
    {
      gboolean planned = (effective & (1u << weekday)) != 0;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), planned);
      n_days += planned;
    }
  self->syncing_days = FALSE;

  /* Any number of days may be picked; the plan says what it does with them. */
  if (n_days > rules->sessions_per_week_max)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %u is the most sessions the plan sets in a
                                          * week.
                                          */
                                         "The plan still sets at most %u session a week, with "
                                         "rest days between. The other days leave room for a "
                                         "day that does not suit.",
                                         "The plan still sets at most %u sessions a week, with "
                                         "rest days between. The other days leave room for a "
                                         "day that does not suit.",
                                         rules->sessions_per_week_max),
                            rules->sessions_per_week_max);
  else if (n_days < rules->sessions_per_week_min)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the fewest and the most sessions a week the
                                          * plan works with, like “2 or 3”.
                                          */
                                         "One day a week is a gentle start. Most people find "
                                         "%u or %u day a week work better.",
                                         /* Translators: the fewest and the most sessions a week the
                                          * plan works with, like “2 or 3”.
                                          */
                                         "One day a week is a gentle start. Most people find "
                                         "%u or %u days a week work better.",
                                         rules->sessions_per_week_max),
                            rules->sessions_per_week_min, rules->sessions_per_week_max);

  gtk_label_set_text (self->days_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->days_note), note != NULL);

  update_days_default (self, rules);
}

static void
day_toggled_cb (LentoPlanView   *self,
                GtkToggleButton *button)
{
  guint weekdays = 0;
  GDateWeekday weekday = G_DATE_MONDAY;

  if (self->syncing_days)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), weekday++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      weekdays |= 1u << weekday;

  lento_plan_view_set_weekdays (self, weekdays);
}

/* A picked day is ticked, not only coloured: the tick shows in any theme
 * and to anyone who cannot tell the colours apart. The tick keeps its room
 * when hidden, so that the row does not jump.
 */
static void
day_tick_cb (GtkToggleButton *button,
             GtkWidget       *tick)
{
  gtk_widget_set_opacity (tick, gtk_toggle_button_get_active (button) ? 1.0 : 0.0);
}

static GtkWidget *
make_day_content (GtkToggleButton *button,
                  GtkWidget       *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *tick = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "object-select-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  gtk_box_append (GTK_BOX (box), tick);
  gtk_box_append (GTK_BOX (box), label);
  day_tick_cb (button, tick);
  g_signal_connect_object (button, "toggled", G_CALLBACK (day_tick_cb), tick, 0);

  return box;
}

static void
build_days (LentoPlanView *self)
{
  GDate date;

  /* 2 March 2026 is a Monday: the names come from the locale, in its order
   * of Monday first as GDateWeekday counts.
   */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_MARCH, 2026);

  for (guint i = 0; i < 7; i++, g_date_add_days (&date, 1))
    {
      char short_name[64];
      char full_name[64];
      g_autofree char *accessible = NULL;
      GtkWidget *button;

      g_date_strftime (short_name, sizeof short_name, "%a", &date);
      g_date_strftime (full_name, sizeof full_name, "%A", &date);
      GtkWidget *label = gtk_label_new (short_name);

      /* Seven buttons share a phone-sized width: the name may shorten, the
       * accessible name keeps it whole.
       */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      button = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), make_day_content (GTK_TOGGLE_BUTTON (button),
                                                                   label));
      /* Translators: the accessible name of a day toggle; %s is a weekday. */
      accessible = g_strdup_printf (_("Plan sessions on %s"), full_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      /* A toggle button says it is pressed only once it has been; a day
       * never picked is said to be not pressed from the start.
       */
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                   GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
      gtk_widget_add_css_class (button, "plan-day-toggle");
      g_signal_connect_object (button, "toggled", G_CALLBACK (day_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, button);
    }
}

static void
update_ladder (LentoPlanView *self)
{
  g_autoptr(GPtrArray) ladder = lento_inventory_dup_ladder (self->inventory);
  LentoRecommendationKind kind = lento_recommendation_get_kind (self->recommendation);
  const char *today_tool = lento_recommendation_get_tool (self->recommendation);
  gboolean session_today = kind_has_session (kind);

  remove_children (GTK_WIDGET (self->ladder_list));

  if (ladder->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No Trainers Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a graduated set under Tools and Lubricants and "
                                     "confirm each diameter."));
      gtk_list_box_append (self->ladder_list, row);
      return;
    }

  for (guint i = 0; i < ladder->len; i++)
    {
      LentoTool *tool = g_ptr_array_index (ladder, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size = lento_format_diameter (lento_tool_get_diameter (tool));
      gboolean reached = self->reached > 0.0 && lento_tool_get_diameter (tool) <= self->reached;
      gboolean current = g_strcmp0 (today_tool, lento_tool_get_id (tool)) == 0;
      g_autofree char *subtitle = NULL;

      /* The tool's name is the person's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lento_tool_get_name (tool));
      if (reached && current && session_today)
        /* Translators: a size on the ladder, reached and used today; %s is a diameter, like “18
         * mm”.
         */
        subtitle = g_strdup_printf (_("%s, reached, today’s size"), size);
      else if (reached && current)
        /* Translators: a size on the ladder, reached and the next to use; %s is a diameter, like
         * “18 mm”.
         */
        subtitle = g_strdup_printf (_("%s, reached, the next size"), size);
      else if (reached)
        /* Translators: a size on the ladder, already reached; %s is a diameter, like “18 mm”. */
        subtitle = g_strdup_printf (_("%s, reached"), size);
      else if (current && session_today)
        /* Translators: a size on the ladder, used today; %s is a diameter, like “18 mm”. */
        subtitle = g_strdup_printf (_("%s, today’s size"), size);
      else if (current)
        /* Translators: a size on the ladder, the next to use; %s is a diameter, like “18 mm”. */
        subtitle = g_strdup_printf (_("%s, the next size"), size);
      else
        subtitle = g_strdup (size);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (reached)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          /* Translators: the spoken name of the mark beside a size
                                           * on the ladder that has been reached.
                                           */
                                          _("Reached"), -1);
          gtk_widget_add_css_class (icon, "success");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_widget_add_css_class (row, "reached");
        }
      if (current)
        gtk_widget_add_css_class (row, "current");

      gtk_list_box_append (self->ladder_list, row);
    }
}

/* What shows without a recommendation. With the journal open, LentoPractice
 * is still reading the rest of it, which a large journal takes a moment for:
 * the plan is on its way, and the page must not ask to open the journal.
 */
static const char *
waiting_page (LentoPlanView *self)
{
  return self->journal != NULL && self->recommendation == NULL ? "loading" : "locked";
}

/* Shows the recommendation it was given (LentoPractice computes it once
 * for every view) with the journal, the inventory and the plan around it.
 */
static void
recompute (LentoPlanView *self)
{
  const LentoProgramRules *rules;
  GDate today;
  const char *shown;

  if (self->program == NULL || self->journal == NULL || self->inventory == NULL
      || self->recommendation == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, waiting_page (self));
      self->reached = 0.0;
      return;
    }

  today_date (self, &today);
  self->reached = compute_reached (self);

  rules = lento_program_get_rules (self->program);
  if (self->inventory_page != NULL)
    lento_inventory_page_set_max_jump (self->inventory_page, rules->ladder_max_jump_percent);
  update_banners (self);
  update_today (self, &today);
  lento_plan_week_set_days (self->week, lento_recommendation_get_days (self->recommendation),
                            &today);
  update_days (self, rules);
  update_ladder (self);

  /* The plan comes in at once when the journal is read: sliding it in would
   * only keep a person waiting a little longer for it.
   */
  shown = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (shown, "locked") == 0 || g_strcmp0 (shown, "loading") == 0)
    {
      gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

      gtk_stack_set_visible_child_full (self->stack, "plan", GTK_STACK_TRANSITION_TYPE_NONE);
      /* The person waited for the plan on the page before it: the plan
       * starts on its main action too.
       */
      if (had_focus)
        lento_plan_view_focus_start (self);
    }
}

static void
model_items_changed_cb (LentoPlanView *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  recompute (self);
}

/* The inventory's ::changed also covers a tool edited in place (a new
 * diameter, a confirmation), which its lists do not announce.
 */
static void
inventory_changed_cb (LentoPlanView *self)
{
  recompute (self);
}

static void
clinician_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LentoPlanView    *self)
{
  if (g_strcmp0 (response, "note") == 0)
    lento_plan_view_note_clinician (self);
}

static void
clinician_clicked_cb (LentoPlanView *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Note That You Saw a Clinician?"),
                                   _("Lento adds a note to your journal and the plan starts "
                                     "again, gently. Where the clinician’s advice differs from "
                                     "the plan, follow the clinician."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "note", _("_Add Note"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "note",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (clinician_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lento_plan_view_show_page (LENTO_PLAN_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
reset_days_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lento_plan_view_set_weekdays (LENTO_PLAN_VIEW (widget), 0);
}

static void
learn_topic_changed_cb (LentoPlanView *self)
{
  gboolean topic = lento_learn_page_get_shown (self->learn_page) != NULL;

  adw_button_content_set_label (self->learn_back_content, topic ? _("Topics") : _("Plan"));
}

static LentoInventoryPage *
ensure_inventory_page (LentoPlanView *self)
{
  if (self->inventory_page == NULL)
    {
      self->inventory_page = LENTO_INVENTORY_PAGE (lento_inventory_page_new ());
      lento_inventory_page_set_inventory (self->inventory_page, self->inventory);
      if (self->program != NULL)
        lento_inventory_page_set_max_jump (self->inventory_page,
                                           lento_program_get_rules (self->program)
                                             ->ladder_max_jump_percent);
      adw_bin_set_child (self->inventory_bin, GTK_WIDGET (self->inventory_page));
    }
  return self->inventory_page;
}

static LentoLearnPage *
ensure_learn_page (LentoPlanView *self)
{
  if (self->learn_page == NULL)
    {
      self->learn_page = LENTO_LEARN_PAGE (lento_learn_page_new ());
      g_signal_connect_object (self->learn_page, "notify::topic",
                               G_CALLBACK (learn_topic_changed_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->learn_bin, GTK_WIDGET (self->learn_page));
    }
  return self->learn_page;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LentoPlanView *self = LENTO_PLAN_VIEW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  GObject *opener = NULL;

  /* Within the learn pages, back first leads from a topic to their index. */
  if (g_strcmp0 (page, "learn") == 0 && self->learn_page != NULL
      && lento_learn_page_get_shown (self->learn_page) != NULL)
    {
      lento_learn_page_show_index (self->learn_page);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->recommendation != NULL ? "plan" : waiting_page (self));

  /* Back where the person left: on the button that opened the page. */
  if (g_strcmp0 (page, "inventory") == 0)
    opener = gtk_widget_get_template_child (widget, LENTO_TYPE_PLAN_VIEW, "inventory_button");
  else if (g_strcmp0 (page, "learn") == 0)
    opener = gtk_widget_get_template_child (widget, LENTO_TYPE_PLAN_VIEW, "learn_button");
  if (opener != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (opener));
}

/* A spinner only once the wait is long enough to wonder about, so that
 * the usual short one shows no flash of it.
 */
static gboolean
start_spinner_cb (gpointer user_data)
{
  LentoPlanView *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

static void
loading_mapped_cb (LentoPlanView *self)
{
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  self->spinner_id = g_timeout_add (1000, start_spinner_cb, self);
}

static void
loading_unmapped_cb (LentoPlanView *self)
{
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);
}

static void
lento_plan_view_dispose (GObject *object)
{
  LentoPlanView *self = LENTO_PLAN_VIEW (object);

  g_clear_handle_id (&self->spinner_id, g_source_remove);
  lento_plan_view_set_journal (self, NULL);
  lento_plan_view_set_inventory (self, NULL);
  g_clear_object (&self->program);
  g_clear_object (&self->recommendation);
  g_clear_pointer (&self->today, g_date_time_unref);

  /* The bin's child is itself a template child: let the bin drop it first
   * so that it does not unparent a widget the template already freed.
   */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LENTO_TYPE_PLAN_VIEW);

  G_OBJECT_CLASS (lento_plan_view_parent_class)->dispose (object);
}

static void
lento_plan_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LentoPlanView *self = LENTO_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_INVENTORY:
      g_value_set_object (value, self->inventory);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, self->today);
      break;
    case PROP_WEEKDAYS:
      g_value_set_uint (value, self->weekdays);
      break;
    case PROP_SKIPPED_DAY:
      g_value_set_uint (value, self->skipped_day);
      break;
    case PROP_RECOMMENDATION:
      g_value_set_object (value, self->recommendation);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_plan_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LentoPlanView *self = LENTO_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      lento_plan_view_set_program (self, g_value_get_object (value));
      break;
    case PROP_JOURNAL:
      lento_plan_view_set_journal (self, g_value_get_object (value));
      break;
    case PROP_INVENTORY:
      lento_plan_view_set_inventory (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      lento_plan_view_set_today (self, g_value_get_boxed (value));
      break;
    case PROP_WEEKDAYS:
      lento_plan_view_set_weekdays (self, g_value_get_uint (value));
      break;
    case PROP_SKIPPED_DAY:
      lento_plan_view_set_skipped_day (self, g_value_get_uint (value));
      break;
    case PROP_RECOMMENDATION:
      lento_plan_view_set_recommendation (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      if (self->read_only != g_value_get_boolean (value))
        {
          self->read_only = g_value_get_boolean (value);
          gtk_widget_set_sensitive (GTK_WIDGET (self->clinician_button), !self->read_only);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_plan_view_class_init (LentoPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_plan_view_dispose;
  object_class->get_property = lento_plan_view_get_property;
  object_class->set_property = lento_plan_view_set_property;

  properties [PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         LENTO_TYPE_PROGRAM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_INVENTORY] =
    g_param_spec_object ("inventory", NULL, NULL,
                         LENTO_TYPE_INVENTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Tests pin the day; NULL means the real local date at each recomputation. */
  properties [PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WEEKDAYS] =
    g_param_spec_uint ("weekdays", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* A Julian day the person chose to skip, or 0. */
  properties [PROP_SKIPPED_DAY] =
    g_param_spec_uint ("skipped-day", NULL, NULL,
                       0, G_MAXINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the journal takes no changes now, from LentoPractice. */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the plan says today, from LentoPractice; %NULL while locked. */
  properties [PROP_RECOMMENDATION] =
    g_param_spec_object ("recommendation", NULL, NULL,
                         LENTO_TYPE_RECOMMENDATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LENTO_TYPE_PLAN_WEEK);

  /* Named in init after its tab, so that a screen reader says which view
   * it is in rather than its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, banner_box);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, today_title);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, today_list);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, today_next);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, tool_row);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, template_row);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, start_button);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, clinician_button);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, week);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, days_box);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, days_default_label);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, days_reset_button);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, days_note);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, ladder_list);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, inventory_bin);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, learn_bin);
  gtk_widget_class_bind_template_child (widget_class, LentoPlanView, learn_back_content);
  /* Looked up by tests only, as the way a person opens the pages. */
  gtk_widget_class_bind_template_child_full (widget_class, "inventory_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "learn_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, clinician_clicked_cb);

  gtk_widget_class_install_action (widget_class, "plan.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "plan.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "plan.reset-days", NULL, reset_days_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "plan.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "plan.back", NULL);
}

static void
lento_plan_view_init (LentoPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan"),
                                  -1);
  lento_accessible_follow_stack (self->stack);
  lento_accessible_name_status_pages (GTK_WIDGET (self));
  build_days (self);
  g_signal_connect_swapped (self->loading_spinner, "map", G_CALLBACK (loading_mapped_cb), self);
  g_signal_connect_swapped (self->loading_spinner, "unmap", G_CALLBACK (loading_unmapped_cb),
                            self);
}

GtkWidget *
lento_plan_view_new (void)
{
  return g_object_new (LENTO_TYPE_PLAN_VIEW, NULL);
}

LentoProgram *
lento_plan_view_get_program (LentoPlanView *self)
{
  g_return_val_if_fail (LENTO_IS_PLAN_VIEW (self), NULL);

  return self->program;
}

void
lento_plan_view_set_program (LentoPlanView *self,
                             LentoProgram  *program)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));
  g_return_if_fail (program == NULL || LENTO_IS_PROGRAM (program));

  if (g_set_object (&self->program, program))
    {
      recompute (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRAM]);
    }
}

void
lento_plan_view_set_journal (LentoPlanView *self,
                             GListModel    *journal)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));
  g_return_if_fail (journal == NULL || G_IS_LIST_MODEL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, model_items_changed_cb, self);

  g_set_object (&self->journal, journal);

  if (journal != NULL)
    g_signal_connect_object (journal, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOURNAL]);
}

void
lento_plan_view_set_inventory (LentoPlanView  *self,
                               LentoInventory *inventory)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));
  g_return_if_fail (inventory == NULL || LENTO_IS_INVENTORY (inventory));

  if (self->inventory == inventory)
    return;

  if (self->inventory != NULL)
    g_signal_handlers_disconnect_by_func (self->inventory, inventory_changed_cb, self);

  g_set_object (&self->inventory, inventory);

  if (inventory != NULL)
    g_signal_connect_object (inventory, "changed", G_CALLBACK (inventory_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (self->inventory_page != NULL)
    lento_inventory_page_set_inventory (self->inventory_page, inventory);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVENTORY]);
}

void
lento_plan_view_set_today (LentoPlanView *self,
                           GDateTime     *today)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));

  if (self->today == today)
    return;

  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);

  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TODAY]);
}

guint
lento_plan_view_get_weekdays (LentoPlanView *self)
{
  g_return_val_if_fail (LENTO_IS_PLAN_VIEW (self), 0);

  return self->weekdays;
}

/**
 * lento_plan_view_set_weekdays:
 * @weekdays: bit (1 << GDateWeekday) per planned day, or 0 for the plan's default
 */
void
lento_plan_view_set_weekdays (LentoPlanView *self,
                              guint          weekdays)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));

  if (self->weekdays == weekdays)
    return;

  self->weekdays = weekdays;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEEKDAYS]);
}

/**
 * lento_plan_view_set_skipped_day:
 * @julian: a Julian day the person chose to skip, or 0
 */
void
lento_plan_view_set_skipped_day (LentoPlanView *self,
                                 guint          julian)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));

  if (self->skipped_day == julian)
    return;

  self->skipped_day = julian;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKIPPED_DAY]);
}

/**
 * lento_plan_view_get_recommendation:
 *
 * Returns: (nullable) (transfer none): what the plan says today, or %NULL while locked
 */
LentoRecommendation *
lento_plan_view_get_recommendation (LentoPlanView *self)
{
  g_return_val_if_fail (LENTO_IS_PLAN_VIEW (self), NULL);

  return self->recommendation;
}

/**
 * lento_plan_view_set_recommendation:
 * @recommendation: (nullable): what the plan says today
 */
void
lento_plan_view_set_recommendation (LentoPlanView       *self,
                                    LentoRecommendation *recommendation)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));
  g_return_if_fail (recommendation == NULL || LENTO_IS_RECOMMENDATION (recommendation));

  if (!g_set_object (&self->recommendation, recommendation))
    return;

  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOMMENDATION]);
}

/**
 * lento_plan_view_get_reached:
 *
 * Returns: the largest diameter in mm with a comfortable session, or 0
 */
double
lento_plan_view_get_reached (LentoPlanView *self)
{
  g_return_val_if_fail (LENTO_IS_PLAN_VIEW (self), 0.0);

  return self->reached;
}

/**
 * lento_plan_view_show_page:
 * @name: "plan", "inventory" or "learn"
 *
 * Shows one of the view's pages; nothing personal is shown while locked.
 */
void
lento_plan_view_show_page (LentoPlanView *self,
                           const char    *name)
{
  g_return_if_fail (LENTO_IS_PLAN_VIEW (self));
  g_return_if_fail (name != NULL);

  if ((self->recommendation == NULL || self->journal == NULL) && g_strcmp0 (name, "learn") != 0)
    return;

  if (g_strcmp0 (name, "inventory") == 0)
    ensure_inventory_page (self);
  else if (g_strcmp0 (name, "learn") == 0)
    lento_learn_page_show_index (ensure_learn_page (self));

  gtk_stack_set_visible_child_name (self->stack, name);

  /* The button that opened the page is gone with the plan: the page starts
   * on its first control, not on its back button. A view that is not on
   * screen leaves the focus where it is.
   */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (g_strcmp0 (name, "inventory") == 0)
    gtk_widget_child_focus (GTK_WIDGET (self->inventory_page), GTK_DIR_TAB_FORWARD);
  else if (g_strcmp0 (name, "learn") == 0)
    gtk_widget_child_focus (GTK_WIDGET (self->learn_page), GTK_DIR_TAB_FORWARD);
}

/**
 * lento_plan_view_note_clinician:
 *
 * Records in the journal that the person saw a clinician today, which ends
 * the pause the coach put on progression. The store saves it like any
 * other entry.
 *
 * Returns: whether a note was added (there must be a journal to add it to)
 */
gboolean
lento_plan_view_note_clinician (LentoPlanView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(LentoEntry) entry = NULL;

  g_return_val_if_fail (LENTO_IS_PLAN_VIEW (self), FALSE);

  if (self->journal == NULL)
    return FALSE;

  now = self->today != NULL ? g_date_time_ref (self->today) : g_date_time_new_now_local ();
  entry = lento_entry_new (now);
  lento_entry_set_kind (entry, LENTO_ENTRY_KIND_CLINICIAN_NOTE);

  /* The window hands over the real LentoJournal; tests may hand a plain
   * list of entries, kept newest first the same way.
   */
  if (LENTO_IS_JOURNAL (self->journal))
    lento_journal_add (LENTO_JOURNAL (self->journal), entry);
  else if (G_IS_LIST_STORE (self->journal))
    g_list_store_insert (G_LIST_STORE (self->journal), 0, entry);
  else
    return FALSE;

  return TRUE;
}

/**
 * lento_plan_view_focus_start:
 *
 * Puts the focus on Start Session, the plan's main action, when there is a
 * session to start today.
 *
 * Returns: whether the focus is there
 */
gboolean
lento_plan_view_focus_start (LentoPlanView *self)
{
  GtkWidget *start;

  g_return_val_if_fail (LENTO_IS_PLAN_VIEW (self), FALSE);

  start = GTK_WIDGET (self->start_button);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "plan") == 0
         && gtk_widget_get_mapped (start) && gtk_widget_is_sensitive (start)
         && gtk_widget_grab_focus (start);
}
