/* lento-journal-row.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal-row"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-journal-row.h"
#include "lento-tool.h"

/* One entry in the journal list. The list view recycles a handful of these
 * for any number of entries, so a row keeps no entry of its own beyond what
 * it shows, and everything it shows is set again on each bind. The first
 * row of a week carries the week's heading, because GTK 4.8 has no list
 * sections.
 */
struct _LentoJournalRow
{
  GtkBox     parent_instance;

  GtkWidget *header_label;
  GtkWidget *date_label;
  GtkWidget *tool_label;
  GtkWidget *wear_label;
  GtkWidget *scores_label;
  GtkWidget *bleeding_icon;
  GtkWidget *notes_label;
};

G_DEFINE_FINAL_TYPE (LentoJournalRow, lento_journal_row, GTK_TYPE_BOX)

static GtkWidget *
add_label (GtkBox     *box,
           const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
lento_journal_row_class_init (LentoJournalRowClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "journalrow");
}

static void
lento_journal_row_init (LentoJournalRow *self)
{
  GtkBox *line;
  GtkBox *details;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 3);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->header_label = add_label (GTK_BOX (self), "heading", TRUE);
  gtk_widget_add_css_class (self->header_label, "journal-week-header");
  gtk_widget_set_margin_top (self->header_label, 6);
  gtk_widget_set_margin_bottom (self->header_label, 3);
  gtk_widget_set_visible (self->header_label, FALSE);

  line = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (line));
  self->date_label = add_label (line, "journal-row-date", FALSE);
  self->tool_label = add_label (line, NULL, TRUE);
  /* A long tool name or translation (“Kein Hilfsmittel erfasst · 0 mm”)
   * wraps on a phone rather than lose the size at its end; the date beside
   * it is short and stays whole.
   */
  gtk_label_set_ellipsize (GTK_LABEL (self->date_label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_ellipsize (GTK_LABEL (self->tool_label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (self->tool_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->tool_label), PANGO_WRAP_WORD_CHAR);
  self->bleeding_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->bleeding_icon, "warning");
  lento_accessible_set_new_tooltip (self->bleeding_icon, _("Bleeding recorded"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bleeding_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bleeding recorded"),
                                  -1);
  gtk_box_append (line, self->bleeding_icon);

  details = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (details));
  self->wear_label = add_label (details, "dim-label", FALSE);
  self->scores_label = add_label (details, "dim-label", FALSE);
  self->notes_label = add_label (details, "dim-label", TRUE);
  gtk_widget_add_css_class (self->notes_label, "caption");
}

GtkWidget *
lento_journal_row_new (void)
{
  return g_object_new (LENTO_TYPE_JOURNAL_ROW, NULL);
}

static char *
first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;
  end = strchr (text, '\n');
  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}

/* Whether @name already gives the size @mm, as in “Glass dilator, 34 mm”:
 * a number, with a point or a comma, followed by “mm”.
 */
static gboolean
name_shows_diameter (const char *name,
                     double      mm)
{
  for (const char *p = name; *p != '\0'; p++)
    {
      g_autofree char *number = NULL;
      const char *end = p;
      double value;

      if (!g_ascii_isdigit (*p) || (p > name && (g_ascii_isdigit (p[-1]) || p[-1] == '.'
                                                 || p[-1] == ',')))
        continue;

      while (g_ascii_isdigit (*end))
        end++;
      if ((*end == '.' || *end == ',') && g_ascii_isdigit (end[1]))
        for (end++; g_ascii_isdigit (*end); end++)
          ;

      number = g_strndup (p, end - p);
      g_strdelimit (number, ",", '.');
      value = g_ascii_strtod (number, NULL);

      /* A space, or the no-break spaces Lento itself writes before a unit. */
      for (;;)
        {
          if (*end == ' ')
            end++;
          else if (g_str_has_prefix (end, "\u00a0"))
            end += strlen ("\u00a0");
          else if (g_str_has_prefix (end, "\u202f"))
            end += strlen ("\u202f");
          else
            break;
        }
      if (g_ascii_strncasecmp (end, "mm", 2) == 0 && !g_ascii_isalpha (end[2])
          && fabs (value - mm) < 0.05)
        return TRUE;
    }

  return FALSE;
}

static char *
format_score (int score)
{
  if (score == LENTO_ENTRY_UNSET)
    /* Translators: a score that was not recorded. */
    return g_strdup (C_("score", "–"));
  return g_strdup_printf ("%d", score);
}

/* The list item that holds the row is what takes the focus, and GTK 4.8
 * gives it no name: it is named after what the row shows, in the order a
 * person reads it, and emptied with the row. @parts may hold NULLs.
 */
static void
set_item_label (LentoJournalRow   *self,
                const char * const parts[],
                guint              n_parts)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autoptr(GString) label = g_string_new (NULL);

  if (item == NULL)
    return;

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (label->len > 0)
        /* Translators: between the parts of a journal row as a screen
         * reader reads them: date, tool, wear time, scores, notes.
         */
        g_string_append (label, _(", "));
      g_string_append (label, parts[i]);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

/**
 * lento_journal_row_bind:
 * @self: a #LentoJournalRow
 * @entry: the entry to show
 * @tool_name: (nullable): the name a person knows the entry's tool by
 *
 * Shows @entry.
 */
void
lento_journal_row_bind (LentoJournalRow *self,
                        LentoEntry      *entry,
                        const char      *tool_name)
{
  g_autofree char *date = NULL;
  g_autofree char *tool = NULL;
  g_autofree char *wear = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *comfort = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *notes = NULL;
  LentoEntryKind kind;

  g_return_if_fail (LENTO_IS_JOURNAL_ROW (self));
  g_return_if_fail (LENTO_IS_ENTRY (entry));

  /* Translators: a weekday, day, month and time, like “Tue 3 Mar, 20:30”, in the form of
   * g_date_time_format(): %-d is the day of the month without padding.
   */
  date = g_date_time_format (lento_entry_get_start (entry), _("%a %-d %b, %H:%M"));
  kind = lento_entry_get_kind (entry);

  if (kind == LENTO_ENTRY_KIND_SESSION)
    {
      double mm = lento_entry_get_diameter (entry);
      g_autofree char *diameter = lento_format_diameter (mm);

      if (tool_name != NULL && name_shows_diameter (tool_name, mm))
        tool = g_strdup (tool_name);
      else
        /* Translators: a tool's name and its diameter, like “Trainer 2 · 18 mm”. */
        tool = g_strdup_printf (_("%s · %s"),
                                tool_name != NULL ? tool_name
                                : lento_entry_get_tool (entry) != NULL ? _("Unknown tool")
                                : _("No tool recorded"),
                                diameter);
      guint minutes = (lento_entry_get_wear (entry) + 30) / 60;

      /* Translators: minutes a tool was worn, abbreviated. */
      wear = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min worn", "%u min worn",
                                           minutes),
                              minutes);
      comfort = format_score (lento_entry_get_comfort (entry));
      pain = format_score (lento_entry_get_pain (entry));
      if (lento_entry_get_sharp_pain (entry))
        /* Translators: the comfort and pain scores, each 0 to 10, of a
         * session with sharp pain.
         */
        scores = g_strdup_printf (_("Comfort %s · Pain %s · Sharp pain"), comfort, pain);
      else
        /* Translators: the comfort and pain scores, each from 0 to 10, or “–” when not recorded. */
        scores = g_strdup_printf (_("Comfort %s · Pain %s"), comfort, pain);
    }
  else
    {
      tool = g_strdup (lento_entry_kind_get_label (kind));
    }

  notes = first_line (lento_entry_get_notes (entry));

  gtk_label_set_text (GTK_LABEL (self->date_label), date);
  gtk_label_set_text (GTK_LABEL (self->tool_label), tool);
  gtk_label_set_text (GTK_LABEL (self->wear_label), wear ? wear : "");
  gtk_widget_set_visible (self->wear_label, wear != NULL);
  gtk_label_set_text (GTK_LABEL (self->scores_label), scores ? scores : "");
  gtk_widget_set_visible (self->scores_label, scores != NULL);
  gtk_label_set_text (GTK_LABEL (self->notes_label), notes ? notes : "");
  /* An empty label would be read out as "GtkLabel". */
  gtk_widget_set_visible (self->notes_label, notes != NULL && notes[0] != '\0');
  gtk_widget_set_visible (self->bleeding_icon,
                          lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE);
  {
    const char *parts[] = {
      date, tool, wear, scores,
      lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE ? _("Bleeding recorded") : NULL,
      notes,
    };

    set_item_label (self, parts, G_N_ELEMENTS (parts));
  }
}

/**
 * lento_journal_row_unbind:
 * @self: a #LentoJournalRow
 *
 * Forgets what the row showed, so that no text of an entry stays in a row
 * that is waiting to be reused.
 */
void
lento_journal_row_unbind (LentoJournalRow *self)
{
  g_return_if_fail (LENTO_IS_JOURNAL_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->date_label), "");
  gtk_label_set_text (GTK_LABEL (self->tool_label), "");
  gtk_label_set_text (GTK_LABEL (self->notes_label), "");
  gtk_label_set_text (GTK_LABEL (self->scores_label), "");
  gtk_label_set_text (GTK_LABEL (self->wear_label), "");
  set_item_label (self, NULL, 0);
  lento_journal_row_set_header (self, NULL);
}

/**
 * lento_journal_row_set_header:
 * @self: a #LentoJournalRow
 * @header: (nullable): the week heading to show above the entry, or %NULL
 */
void
lento_journal_row_set_header (LentoJournalRow *self,
                              const char      *header)
{
  g_return_if_fail (LENTO_IS_JOURNAL_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->header_label), header ? header : "");
  gtk_widget_set_visible (self->header_label, header != NULL);
}

/**
 * lento_journal_row_get_header:
 * @self: a #LentoJournalRow
 *
 * Returns: (nullable): the week heading shown, or %NULL
 */
const char *
lento_journal_row_get_header (LentoJournalRow *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_ROW (self), NULL);

  if (!gtk_widget_get_visible (self->header_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->header_label));
}
