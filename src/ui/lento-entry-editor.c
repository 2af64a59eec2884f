/* lento-entry-editor.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-entry-editor"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-entry-editor.h"

/* Edits a copy of one entry. The journal is never touched here: "save"
 * hands the edited copy, with the original's UUID and created time, to
 * whoever owns the journal, so that a cancelled edit leaves nothing behind.
 * Validation is lento_entry_validate(); the editor only shows its sentence.
 *
 * How it felt (comfort, pain, resistance, and relaxation beside them) shows
 * as not answered until the person answers: a scale at 0 is not a pain of 0.
 * A session saved with any of the three unanswered is asked about once,
 * gently, and saved anyway if the person says so.
 */
struct _LentoEntryEditor
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *tool_dropdown;
  GtkSpinButton  *diameter_spin;
  GtkDropDown    *lube_dropdown;
  GtkSpinButton  *duration_spin;
  GtkSpinButton  *wear_spin;
  GtkSpinButton  *urge_spin;
  GtkDropDown    *resistance_dropdown;
  GtkScale       *comfort_scale;
  GtkScale       *pain_scale;
  GtkScale       *relaxation_scale;
  GtkLabel       *comfort_value;
  GtkLabel       *pain_value;
  GtkLabel       *relaxation_value;
  GtkSwitch      *sharp_switch;
  GtkDropDown    *bleeding_dropdown;
  GtkTextView    *notes_view;
  GtkEntry       *tags_entry;
  GtkWidget      *delete_button;

  /* Owned */
  LentoEntry     *entry;       /* the copy being edited */
  LentoEntry     *pending;     /* read and valid, waiting for the answer to ask_dialog */
  GPtrArray      *tool_ids;    /* index in tool_dropdown - 1 to id */
  GPtrArray      *lube_ids;    /* index in lube_dropdown - 1 to id */
  LentoInventory *inventory;
  GHashTable     *tool_names;
  int             heavy_position;  /* of the heavy-bleeding tag among the tags, or -1 */

  /* Borrowed */
  GtkWidget      *ask_dialog;  /* "Save Without How It Felt?", while it is open */

  guint           is_new : 1;
  guint           comfort_touched : 1;
  guint           pain_touched : 1;
  guint           relaxation_touched : 1;
  guint           loading : 1;
};

enum {
  SAVE,
  CANCEL,
  DELETE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LentoEntryEditor, lento_entry_editor, ADW_TYPE_BIN)

static void
set_message (LentoEntryEditor *self,
             const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
set_string_list (GtkDropDown        *dropdown,
                 const char * const *strings)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static int
index_of_id (GPtrArray  *ids,
             const char *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;
  return -1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *names = user_data;

  return g_utf8_collate (g_hash_table_lookup (names, *(const char **)a),
                         g_hash_table_lookup (names, *(const char **)b));
}

/* Fills the tool and lube lists from the inventory, or from a plain table
 * of tool names when there is no inventory, with "not recorded" first. An
 * entry whose tool is no longer in the inventory gets its id added, so
 * that saving it again never drops the tool.
 */
static void
rebuild_lists (LentoEntryEditor *self)
{
  g_autoptr(GtkStringList) tools = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lubes = gtk_string_list_new (NULL);
  const char *entry_tool = self->entry ? lento_entry_get_tool (self->entry) : NULL;
  const char *entry_lube = self->entry ? lento_entry_get_lube (self->entry) : NULL;

  g_ptr_array_set_size (self->tool_ids, 0);
  g_ptr_array_set_size (self->lube_ids, 0);
  gtk_string_list_append (tools, _("Not recorded"));
  gtk_string_list_append (lubes, _("Not recorded"));

  if (self->inventory != NULL)
    {
      GListModel *model = lento_inventory_get_tools (self->inventory);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(LentoTool) tool = g_list_model_get_item (model, i);

          g_ptr_array_add (self->tool_ids, g_strdup (lento_tool_get_id (tool)));
          gtk_string_list_append (tools, lento_tool_get_name (tool));
        }

      model = lento_inventory_get_lubes (self->inventory);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(LentoLube) lube = g_list_model_get_item (model, i);

          g_ptr_array_add (self->lube_ids, g_strdup (lento_lube_get_id (lube)));
          gtk_string_list_append (lubes, lento_lube_get_name (lube));
        }
    }
  else if (self->tool_names != NULL)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->tool_names);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, key);

      g_ptr_array_sort_with_data (ids, compare_names, self->tool_names);
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);

          g_ptr_array_add (self->tool_ids, g_strdup (id));
          gtk_string_list_append (tools, g_hash_table_lookup (self->tool_names, id));
        }
    }

  if (entry_tool != NULL && index_of_id (self->tool_ids, entry_tool) < 0)
    {
      g_ptr_array_add (self->tool_ids, g_strdup (entry_tool));
      gtk_string_list_append (tools, entry_tool);
    }
  if (entry_lube != NULL && index_of_id (self->lube_ids, entry_lube) < 0)
    {
      g_ptr_array_add (self->lube_ids, g_strdup (entry_lube));
      gtk_string_list_append (lubes, entry_lube);
    }

  gtk_drop_down_set_model (self->tool_dropdown, G_LIST_MODEL (tools));
  gtk_drop_down_set_model (self->lube_dropdown, G_LIST_MODEL (lubes));
}

/* The bleeding drop-down offers the entry's levels and, after them, heavy
 * bleeding: significant bleeding with the tag the coach's clinician rule
 * reads.
 */
#define BLEEDING_HEAVY (LENTO_BLEEDING_SIGNIFICANT + 1)

static char *
join_tags_without_heavy (const char * const *tags,
                         int                *heavy_position)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) others = NULL;

  *heavy_position = -1;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (g_str_equal (tags[i], LENTO_ENTRY_TAG_HEAVY_BLEEDING))
        *heavy_position = i;
      else
        g_strv_builder_add (builder, tags[i]);
    }
  others = g_strv_builder_end (builder);

  return g_strjoinv (", ", others);
}

/* The resistance drop-down offers "not recorded" first, then the levels. */
static guint
resistance_position (LentoResistance resistance)
{
  return resistance >= LENTO_RESISTANCE_NONE && resistance <= LENTO_RESISTANCE_STRONG
         ? (guint) resistance + 1 : 0;
}

static LentoResistance
resistance_at (guint position)
{
  return position >= 1 && position <= LENTO_RESISTANCE_STRONG + 1
         ? (LentoResistance) (position - 1) : LENTO_RESISTANCE_UNSET;
}

static gboolean
scale_answered (LentoEntryEditor *self,
                GtkScale         *scale)
{
  if (scale == self->comfort_scale)
    return self->comfort_touched;
  if (scale == self->pain_scale)
    return self->pain_touched;
  return self->relaxation_touched;
}

static GtkLabel *
value_label (LentoEntryEditor *self,
             GtkScale         *scale)
{
  if (scale == self->comfort_scale)
    return self->comfort_value;
  if (scale == self->pain_scale)
    return self->pain_value;
  return self->relaxation_value;
}

/* A scale not answered yet says so in words, on screen and to a screen
 * reader, and its slider stands faint. The value stands at the end of the
 * scale's heading rather than over the slider, where a long word over a
 * slider at 0 or 10 would reach past the row on a narrow window.
 */
static void
show_answered (LentoEntryEditor *self,
               GtkScale         *scale)
{
  if (scale_answered (self, scale))
    {
      g_autofree char *value = g_strdup_printf ("%.0f", gtk_range_get_value (GTK_RANGE (scale)));

      gtk_label_set_label (value_label (self, scale), value);
      gtk_widget_remove_css_class (GTK_WIDGET (scale), "unanswered");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
    }
  else
    {
      /* Translators: shown by a 0 to 10 scale of the entry editor (comfort,
       * pain, relaxation) until the person moves it.
       */
      const char *not_answered = _("Not answered");

      gtk_label_set_label (value_label (self, scale), not_answered);
      gtk_widget_add_css_class (GTK_WIDGET (scale), "unanswered");
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                      not_answered, -1);
    }
}

static void
set_answered (LentoEntryEditor *self,
              GtkScale         *scale,
              gboolean          answered)
{
  if (scale == self->comfort_scale)
    self->comfort_touched = answered;
  else if (scale == self->pain_scale)
    self->pain_touched = answered;
  else
    self->relaxation_touched = answered;
  show_answered (self, scale);
}

/* The date the calendar holds, on its button, the way the journal writes
 * dates. The button is named for what it sets; its description is the date,
 * so that a screen reader says both.
 */
static void
calendar_day_selected_cb (LentoEntryEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  /* Translators: a date like “3 November 2025”, in the form of g_date_time_format(): %-d is
   * the day of the month without padding, %B the month's name, %Y the year.
   */
  g_autofree char *text = g_date_time_format (date, _("%-d %B %Y"));
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->date_button));

  gtk_menu_button_set_label (self->date_button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  /* The focus goes to the menu button's own toggle button, which GTK 4.8
   * leaves without a name.
   */
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Date the session started"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

/* Hours and minutes read like a clock: 09:05, not 9:5. */
static gboolean
two_digits_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* Shows @start, in local time, on the calendar and the time fields. */
static void
show_start (LentoEntryEditor *self,
            GDateTime        *start)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (start);

  gtk_calendar_select_day (self->calendar, local);
  /* Selecting the day it already shows is not a change: say it anyway. */
  calendar_day_selected_cb (self);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
}

static void
load_entry (LentoEntryEditor *self)
{
  LentoEntry *entry = self->entry;
  g_autofree char *tags = NULL;
  const char * const *tag_list;
  int comfort;
  int pain;
  int relaxation;
  int urge;

  self->loading = TRUE;
  rebuild_lists (self);

  show_start (self, lento_entry_get_start (entry));
  gtk_drop_down_set_selected (self->kind_dropdown, lento_entry_get_kind (entry));
  gtk_drop_down_set_selected (self->tool_dropdown,
                              index_of_id (self->tool_ids, lento_entry_get_tool (entry)) + 1);
  gtk_drop_down_set_selected (self->lube_dropdown,
                              index_of_id (self->lube_ids, lento_entry_get_lube (entry)) + 1);
  gtk_spin_button_set_value (self->diameter_spin, lento_entry_get_diameter (entry));
  gtk_spin_button_set_value (self->duration_spin, lento_entry_get_duration (entry) / 60.0);
  gtk_spin_button_set_value (self->wear_spin, lento_entry_get_wear (entry) / 60.0);
  urge = lento_entry_get_urge_faded (entry);
  gtk_spin_button_set_value (self->urge_spin, urge == LENTO_ENTRY_UNSET ? 0 : urge);
  gtk_drop_down_set_selected (self->resistance_dropdown,
                              resistance_position (lento_entry_get_resistance (entry)));
  comfort = lento_entry_get_comfort (entry);
  gtk_range_set_value (GTK_RANGE (self->comfort_scale), comfort == LENTO_ENTRY_UNSET ? 5 : comfort);
  set_answered (self, self->comfort_scale, comfort != LENTO_ENTRY_UNSET);
  pain = lento_entry_get_pain (entry);
  gtk_range_set_value (GTK_RANGE (self->pain_scale), MAX (0, pain));
  set_answered (self, self->pain_scale, pain != LENTO_ENTRY_UNSET);
  relaxation = lento_entry_get_relaxation (entry);
  gtk_range_set_value (GTK_RANGE (self->relaxation_scale),
                       relaxation == LENTO_ENTRY_UNSET ? 5 : relaxation);
  set_answered (self, self->relaxation_scale, relaxation != LENTO_ENTRY_UNSET);
  gtk_switch_set_active (self->sharp_switch, lento_entry_get_sharp_pain (entry));
  gtk_drop_down_set_selected (self->bleeding_dropdown,
                              lento_entry_has_tag (entry, LENTO_ENTRY_TAG_HEAVY_BLEEDING)
                              ? BLEEDING_HEAVY : lento_entry_get_bleeding (entry));

  /* A fresh buffer has no undo history from another entry. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            lento_entry_get_notes (entry) ? lento_entry_get_notes (entry) : "",
                            -1);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), TRUE);

  /* The heavy-bleeding tag is shown by the bleeding level, not in the tags. */
  tag_list = lento_entry_get_tags (entry);
  tags = join_tags_without_heavy (tag_list, &self->heavy_position);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags);

  gtk_widget_set_visible (self->delete_button, !self->is_new);
  set_message (self, NULL);
  self->loading = FALSE;
}

/* The start the calendar and the time fields show. The original start, to
 * the second, when they show what it showed: opening and saving an entry
 * changes nothing.
 */
static GDateTime *
read_start (LentoEntryEditor *self)
{
  GDateTime *original = lento_entry_get_start (self->entry);
  g_autoptr(GDateTime) shown = g_date_time_to_local (original);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  int year, month, date;
  int hour, minute;
  GDateTime *start;

  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  hour = gtk_spin_button_get_value_as_int (self->hour_spin);
  minute = gtk_spin_button_get_value_as_int (self->minute_spin);
  g_date_time_get_ymd (day, &year, &month, &date);

  if (g_date_time_get_year (shown) == year && g_date_time_get_month (shown) == month
      && g_date_time_get_day_of_month (shown) == date && g_date_time_get_hour (shown) == hour
      && g_date_time_get_minute (shown) == minute)
    return g_date_time_ref (original);

  /* A day from the calendar and a time within the fields' ranges is always
   * a time; in a daylight-saving gap GLib moves it to one that exists.
   */
  start = g_date_time_new_local (year, month, date, hour, minute, 0);
  g_assert (start != NULL);
  return start;
}

/* The tags typed, with the heavy-bleeding tag where it was (@heavy_position,
 * or at the end when new) when @heavy is set. The tag typed by hand is kept
 * where it was typed.
 */
static char **
parse_tags (const char *text,
            gboolean    heavy,
            int         heavy_position)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean heavy_added = FALSE;
  guint n_added = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      gboolean is_heavy = g_str_equal (tag, LENTO_ENTRY_TAG_HEAVY_BLEEDING);

      if (*tag == '\0' || (is_heavy && heavy_added))
        continue;
      if (heavy && !heavy_added && heavy_position >= 0 && n_added == (guint) heavy_position)
        {
          g_strv_builder_add (builder, LENTO_ENTRY_TAG_HEAVY_BLEEDING);
          heavy_added = TRUE;
          n_added++;
          if (is_heavy)
            continue;
        }
      g_strv_builder_add (builder, tag);
      heavy_added |= is_heavy;
      n_added++;
    }
  if (heavy && !heavy_added)
    g_strv_builder_add (builder, LENTO_ENTRY_TAG_HEAVY_BLEEDING);

  return g_strv_builder_end (builder);
}

/* Whether the spin button shows something other than @original would show. */
static gboolean
spin_changed (GtkSpinButton *spin,
              double         original)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  double scale = pow (10, gtk_spin_button_get_digits (spin));
  double shown = round (CLAMP (original, gtk_adjustment_get_lower (adjustment),
                               gtk_adjustment_get_upper (adjustment)) * scale) / scale;

  return fabs (gtk_spin_button_get_value (spin) - shown) > 0.5 / scale;
}

/* Reads the widgets into a new copy of the entry. Every field holds a
 * value of its kind; lento_entry_validate() says whether they fit together.
 */
static LentoEntry *
read_entry (LentoEntryEditor *self)
{
  g_autoptr(LentoEntry) entry = lento_entry_copy (self->entry);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) tags = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter begin, end;
  guint tool, lube, bleeding;
  int urge;

  /* The widgets show minutes and tenths of a millimetre; a value the person
   * left alone keeps its full precision, so that opening and saving an
   * entry changes nothing.
   */
  start = read_start (self);

  gtk_spin_button_update (self->diameter_spin);
  gtk_spin_button_update (self->duration_spin);
  gtk_spin_button_update (self->wear_spin);
  gtk_spin_button_update (self->urge_spin);

  lento_entry_set_start (entry, start);
  lento_entry_set_kind (entry, gtk_drop_down_get_selected (self->kind_dropdown));
  tool = gtk_drop_down_get_selected (self->tool_dropdown);
  lento_entry_set_tool (entry, tool >= 1 && tool <= self->tool_ids->len
                               ? g_ptr_array_index (self->tool_ids, tool - 1) : NULL);
  lube = gtk_drop_down_get_selected (self->lube_dropdown);
  lento_entry_set_lube (entry, lube >= 1 && lube <= self->lube_ids->len
                               ? g_ptr_array_index (self->lube_ids, lube - 1) : NULL);
  if (spin_changed (self->diameter_spin, lento_entry_get_diameter (self->entry)))
    lento_entry_set_diameter (entry, gtk_spin_button_get_value (self->diameter_spin));
  if (spin_changed (self->duration_spin, lento_entry_get_duration (self->entry) / 60.0))
    lento_entry_set_duration (entry, gtk_spin_button_get_value_as_int (self->duration_spin) * 60);
  if (spin_changed (self->wear_spin, lento_entry_get_wear (self->entry) / 60.0))
    lento_entry_set_wear (entry, gtk_spin_button_get_value_as_int (self->wear_spin) * 60);
  urge = gtk_spin_button_get_value_as_int (self->urge_spin);
  if (spin_changed (self->urge_spin, MAX (0, lento_entry_get_urge_faded (self->entry))))
    lento_entry_set_urge_faded (entry, urge > 0 ? urge : LENTO_ENTRY_UNSET);
  lento_entry_set_resistance (entry,
                              resistance_at (gtk_drop_down_get_selected (self->resistance_dropdown)));
  if (self->comfort_touched)
    lento_entry_set_comfort (entry, (int)gtk_range_get_value (GTK_RANGE (self->comfort_scale)));
  if (self->pain_touched)
    lento_entry_set_pain (entry, (int)gtk_range_get_value (GTK_RANGE (self->pain_scale)));
  if (self->relaxation_touched)
    lento_entry_set_relaxation (entry,
                                (int)gtk_range_get_value (GTK_RANGE (self->relaxation_scale)));
  lento_entry_set_sharp_pain (entry, gtk_switch_get_active (self->sharp_switch));
  bleeding = gtk_drop_down_get_selected (self->bleeding_dropdown);
  lento_entry_set_bleeding (entry, MIN (bleeding, LENTO_BLEEDING_SIGNIFICANT));

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  notes = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  lento_entry_set_notes (entry, *notes != '\0' ? notes : NULL);
  tags = parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)),
                     bleeding == BLEEDING_HEAVY, self->heavy_position);
  lento_entry_set_tags (entry, (const char * const *)tags);

  return g_steal_pointer (&entry);
}

static void
emit_save (LentoEntryEditor *self,
           LentoEntry       *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!lento_entry_equal (entry, self->entry) || self->is_new)
    lento_entry_touch (entry, now);
  set_message (self, NULL);
  g_signal_emit (self, signals [SAVE], 0, entry);
}

/* Closes the question, if it is open, without an answer. */
static void
forget_question (LentoEntryEditor *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->ask_dialog);

  g_clear_object (&self->pending);
  if (dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 LentoEntryEditor *self)
{
  g_autoptr(LentoEntry) entry = g_steal_pointer (&self->pending);

  g_signal_handlers_disconnect_by_data (dialog, self);
  self->ask_dialog = NULL;

  if (g_strcmp0 (response, "save") == 0 && entry != NULL && self->entry != NULL)
    emit_save (self, entry);
}

/* Never blocks: the person may save without answering, after one question
 * whose default is to go back and answer.
 */
static void
ask_before_saving (LentoEntryEditor *self,
                   LentoEntry       *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  forget_question (self);
  self->pending = g_object_ref (entry);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Without How It Felt?"),
                                   _("Comfort, pain and resistance are not all answered. The "
                                     "plan counts a session towards moving on only when all "
                                     "three are recorded. You can add them later from the "
                                     "journal."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "back", _("_Go Back"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "back");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "back");
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), self);
  self->ask_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LentoEntryEditor *self = LENTO_ENTRY_EDITOR (widget);
  g_autoptr(LentoEntry) entry = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (self->entry == NULL)
    return;

  entry = read_entry (self);
  if (!lento_entry_validate (entry, now, &error))
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);

  if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION
      && !lento_entry_has_how_it_felt (entry))
    {
      ask_before_saving (self, entry);
      return;
    }

  emit_save (self, entry);
}

/* Enter in a text field saves, as in a dialog: Save is the editor's
 * default, a stop away at most.
 */
static void
text_activate_cb (LentoEntryEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals [CANCEL], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LentoEntryEditor *self = LENTO_ENTRY_EDITOR (widget);

  if (self->entry != NULL && !self->is_new)
    g_signal_emit (self, signals [DELETE], 0, lento_entry_get_uuid (self->entry));
}

/* A score that was never recorded stays unrecorded until the person
 * answers on its scale, so that opening and saving an entry adds no made-up
 * values. Moving the slider answers; so does a click or a key on it that
 * leaves the value where it was, which is how a pain of 0 is answered.
 */
static void
answer_scale (GtkWidget *scale)
{
  LentoEntryEditor *self = LENTO_ENTRY_EDITOR (gtk_widget_get_ancestor (scale,
                                                                        LENTO_TYPE_ENTRY_EDITOR));

  if (self == NULL || self->loading)
    return;
  if (!scale_answered (self, GTK_SCALE (scale)))
    set_answered (self, GTK_SCALE (scale), TRUE);
  else
    show_answered (self, GTK_SCALE (scale));
}

static void
scale_pressed_cb (GtkGestureClick *gesture)
{
  answer_scale (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
}

static void
scale_changed_cb (GtkRange *range)
{
  answer_scale (GTK_WIDGET (range));
}

static void
scale_moved_cb (GtkRange      *range,
                GtkScrollType  scroll)
{
  answer_scale (GTK_WIDGET (range));
}

static void
watch_scale (GtkScale *scale)
{
  GtkGesture *press = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (scale_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (scale), GTK_EVENT_CONTROLLER (press));
  g_signal_connect (scale, "value-changed", G_CALLBACK (scale_changed_cb), NULL);
  g_signal_connect (scale, "move-slider", G_CALLBACK (scale_moved_cb), NULL);
}

/* Choosing a tool from the inventory fills in its size, which is what the
 * person would otherwise look up and type.
 */
static void
tool_changed_cb (LentoEntryEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->tool_dropdown);
  LentoTool *tool;

  if (self->loading || self->inventory == NULL
      || selected < 1 || selected > self->tool_ids->len)
    return;
  tool = lento_inventory_find_tool (self->inventory, g_ptr_array_index (self->tool_ids,
                                                                        selected - 1));
  if (tool != NULL && lento_tool_get_diameter (tool) > 0.0)
    gtk_spin_button_set_value (self->diameter_spin, lento_tool_get_diameter (tool));
}

static void
lento_entry_editor_dispose (GObject *object)
{
  LentoEntryEditor *self = LENTO_ENTRY_EDITOR (object);

  /* AdwBin keeps its own pointer to the child: let it go before the
   * template disposes that child, so that nothing is unparented twice.
   */
  forget_question (self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LENTO_TYPE_ENTRY_EDITOR);
  g_clear_object (&self->entry);
  g_clear_object (&self->inventory);
  g_clear_pointer (&self->tool_names, g_hash_table_unref);

  G_OBJECT_CLASS (lento_entry_editor_parent_class)->dispose (object);
}

static void
lento_entry_editor_finalize (GObject *object)
{
  LentoEntryEditor *self = LENTO_ENTRY_EDITOR (object);

  g_clear_pointer (&self->tool_ids, g_ptr_array_unref);
  g_clear_pointer (&self->lube_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lento_entry_editor_parent_class)->finalize (object);
}

static void
lento_entry_editor_class_init (LentoEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_entry_editor_dispose;
  object_class->finalize = lento_entry_editor_finalize;

  /**
   * LentoEntryEditor::save:
   * @entry: the edited copy, valid and touched
   *
   * The person saved a valid entry; the owner of the journal adds or
   * replaces it.
   */
  signals [SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LENTO_TYPE_ENTRY);
  signals [CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals [DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* A container of its own, not a widget a screen reader names: GTK 4.8
   * would call it by its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, tool_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, diameter_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, lube_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, wear_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, urge_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, resistance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, comfort_scale);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, relaxation_scale);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, comfort_value);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, pain_value);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, relaxation_value);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, sharp_switch);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, bleeding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, LentoEntryEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);

  gtk_widget_class_bind_template_callback (widget_class, text_activate_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
add_marks (GtkScale           *scale,
           const char * const *words)
{
  for (guint i = 0; i <= 10; i++)
    gtk_scale_add_mark (scale, i, GTK_POS_BOTTOM, words[i] && *words[i] ? words[i] : NULL);
}

static void
lento_entry_editor_init (LentoEntryEditor *self)
{
  const char *kinds[] = {
    lento_entry_kind_get_label (LENTO_ENTRY_KIND_SESSION),
    lento_entry_kind_get_label (LENTO_ENTRY_KIND_REST),
    lento_entry_kind_get_label (LENTO_ENTRY_KIND_CLINICIAN_NOTE),
    NULL
  };
  const char *resistances[] = {
    /* Translators: the first choice of the resistance drop-down in the
     * entry editor, before the person answers; the scales beside it say
     * the same.
     */
    _("Not answered"),
    lento_resistance_get_label (LENTO_RESISTANCE_NONE),
    lento_resistance_get_label (LENTO_RESISTANCE_SLIGHT),
    lento_resistance_get_label (LENTO_RESISTANCE_MODERATE),
    lento_resistance_get_label (LENTO_RESISTANCE_STRONG),
    NULL
  };
  const char *bleedings[] = {
    lento_bleeding_get_label (LENTO_BLEEDING_NONE),
    lento_bleeding_get_label (LENTO_BLEEDING_SPOTTING),
    lento_bleeding_get_label (LENTO_BLEEDING_SIGNIFICANT),
    /* Translators: the strongest bleeding level in the entry editor; the
     * plan then asks the person to see a clinician.
     */
    C_("bleeding", "Heavy"),
    NULL
  };
  const char *comfort_words[] = {
    /* Translators: words under the comfort scale at 0, 5 and 10. */
    C_("comfort", "Tense"), "", "", "", "", C_("comfort", "Okay"), "", "", "", "",
    C_("comfort", "At ease"),
  };
  const char *relaxation_words[] = {
    /* Translators: words under the relaxation scale at 0, 5 and 10. */
    C_("relaxation", "Tight"), "", "", "", "", C_("relaxation", "Settling"), "", "", "", "",
    C_("relaxation", "Loose"),
  };
  const char *pain_words[] = {
    /* Translators: words under the pain scale at 0, 3, 6 and 10. */
    C_("pain", "None"), "", "", C_("pain", "Mild"), "", "", C_("pain", "Strong"), "", "", "",
    C_("pain", "Worst"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tool_ids = g_ptr_array_new_with_free_func (g_free);
  self->lube_ids = g_ptr_array_new_with_free_func (g_free);

  set_string_list (self->kind_dropdown, kinds);
  set_string_list (self->resistance_dropdown, resistances);
  set_string_list (self->bleeding_dropdown, bleedings);
  add_marks (self->comfort_scale, comfort_words);
  add_marks (self->pain_scale, pain_words);
  add_marks (self->relaxation_scale, relaxation_words);

  watch_scale (self->comfort_scale);
  watch_scale (self->pain_scale);
  watch_scale (self->relaxation_scale);
  g_signal_connect_swapped (self->tool_dropdown, "notify::selected",
                            G_CALLBACK (tool_changed_cb), self);

  lento_accessible_name_drop_down (self->kind_dropdown);
  lento_accessible_name_drop_down (self->tool_dropdown);
  lento_accessible_name_drop_down (self->lube_dropdown);
  lento_accessible_name_drop_down (self->resistance_dropdown);
  lento_accessible_name_drop_down (self->bleeding_dropdown);
}

GtkWidget *
lento_entry_editor_new (void)
{
  return g_object_new (LENTO_TYPE_ENTRY_EDITOR, NULL);
}

/**
 * lento_entry_editor_edit:
 * @self: a #LentoEntryEditor
 * @entry: (nullable): the entry to edit, or %NULL for a new one
 * @now: the time a new entry starts at
 *
 * Shows a copy of @entry, or a new session starting at @now.
 */
void
lento_entry_editor_edit (LentoEntryEditor *self,
                         LentoEntry       *entry,
                         GDateTime        *now)
{
  g_return_if_fail (LENTO_IS_ENTRY_EDITOR (self));
  g_return_if_fail (entry == NULL || LENTO_IS_ENTRY (entry));
  g_return_if_fail (entry != NULL || now != NULL);

  forget_question (self);
  g_clear_object (&self->entry);
  self->is_new = entry == NULL;
  if (entry != NULL)
    {
      self->entry = lento_entry_copy (entry);
    }
  else
    {
      /* Whole minutes, so that the time shown is the time saved. */
      g_autoptr(GDateTime) start =
        g_date_time_add_seconds (now, -g_date_time_get_seconds (now));

      self->entry = lento_entry_new (start);
    }
  load_entry (self);
}

/**
 * lento_entry_editor_set_can_delete:
 * @self: a #LentoEntryEditor
 * @can_delete: whether the entry is in the journal, so that Delete means something
 *
 * An entry handed in prefilled (after a session, say) is new although it
 * is not empty; it offers no Delete.
 */
void
lento_entry_editor_set_can_delete (LentoEntryEditor *self,
                                   gboolean          can_delete)
{
  g_return_if_fail (LENTO_IS_ENTRY_EDITOR (self));

  self->is_new = !can_delete;
  gtk_widget_set_visible (self->delete_button, can_delete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", can_delete);
}

/**
 * lento_entry_editor_get_entry:
 * @self: a #LentoEntryEditor
 *
 * Returns: (transfer none) (nullable): the editor's copy of the entry as
 *   it was opened, or %NULL when nothing is being edited
 */
LentoEntry *
lento_entry_editor_get_entry (LentoEntryEditor *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY_EDITOR (self), NULL);

  return self->entry;
}

/**
 * lento_entry_editor_set_tools:
 * @self: a #LentoEntryEditor
 * @inventory: (nullable): the tools and lubricants to offer
 * @tool_names: (nullable): tool ids to names, used when there is no inventory
 */
void
lento_entry_editor_set_tools (LentoEntryEditor *self,
                              LentoInventory   *inventory,
                              GHashTable       *tool_names)
{
  g_return_if_fail (LENTO_IS_ENTRY_EDITOR (self));
  g_return_if_fail (inventory == NULL || LENTO_IS_INVENTORY (inventory));

  g_set_object (&self->inventory, inventory);
  if (tool_names != NULL)
    g_hash_table_ref (tool_names);
  g_clear_pointer (&self->tool_names, g_hash_table_unref);
  self->tool_names = tool_names;
  if (self->entry != NULL)
    load_entry (self);
}

/**
 * lento_entry_editor_get_message:
 * @self: a #LentoEntryEditor
 *
 * Returns: (nullable): the validation message shown, or %NULL
 */
const char *
lento_entry_editor_get_message (LentoEntryEditor *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

/**
 * lento_entry_editor_clear_sensitive:
 * @self: a #LentoEntryEditor
 *
 * Forgets the entry and empties every field, including the notes' undo
 * history, so that nothing typed can come back after Lento locks.
 */
void
lento_entry_editor_clear_sensitive (LentoEntryEditor *self)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (LENTO_IS_ENTRY_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), "");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    /* Nothing of the entry's time stays in the fields either. */
    show_start (self, now);
  }
  set_message (self, NULL);
  forget_question (self);
  g_clear_object (&self->entry);
}
