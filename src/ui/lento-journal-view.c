/* lento-journal-view.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-entry-editor.h"
#include "lento-export.h"
#include "lento-file-chooser.h"
#include "lento-journal-query.h"
#include "lento-journal-row.h"
#include "lento-journal-stats.h"
#include "lento-journal-stats-page.h"
#include "lento-journal-view.h"
#include "lento-toast.h"

/* The journal: a list of entries grouped by week, search and filters over
 * it, an editor, and charts. The view holds no copy of the data: the list
 * is a GtkFilterListModel over the LentoJournal it is given, and changes go
 * to the journal through its own API; saving is the store's business.
 *
 * GTK 4.8 has no list sections, so the first visible row of each week shows
 * the week's heading. Whether a row is first depends on the row before it,
 * which a filter or an edit elsewhere can change without rebinding the row;
 * so after every change of the visible model the few bound rows work their
 * headings out again.
 */
struct _LentoJournalView
{
  AdwBin                 parent_instance;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkWidget             *toolbar;
  GtkWidget             *new_button;
  GtkToggleButton       *search_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkCheckButton        *pain_check;
  GtkCheckButton        *bleeding_check;
  GtkDropDown           *tool_filter;
  GtkToggleButton       *stats_button;
  GtkStack              *stack;
  GtkListView           *list_view;
  GtkSpinner            *loading_spinner;
  AdwStatusPage         *empty_page;
  LentoJournalStatsPage *stats_page;
  LentoEntryEditor      *editor;

  /* Owned */
  LentoJournal          *journal;
  LentoInventory        *inventory;
  GHashTable            *tool_names;
  LentoJournalQuery     *query;
  GtkCustomFilter       *filter;
  GtkFilterListModel    *filtered;
  GtkSliceListModel     *first_rows;      /* what the list shows of filtered */
  GdkFrameClock         *waiting_clock;   /* weak: its next frame opens first_rows */
  GPtrArray             *tool_filter_ids;
  GHashTable            *bound_items;     /* GtkListItem set, not owned */
  LentoEntry            *deleted;         /* kept for Undo */
  AdwToast              *undo_toast;
  guint                  headers_id;
  guint                  spinner_id;
  guint                  rows_created;

  guint                  editing : 1;
  /* Part of the journal could not be opened: nothing is added or changed. */
  guint                  read_only : 1;
};

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_INVENTORY,
  PROP_TOOL_NAMES,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  ENTRY_SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LentoJournalView, lento_journal_view, ADW_TYPE_BIN)

static const char *
lookup_tool_name (const char *tool_id,
                  gpointer    user_data)
{
  LentoJournalView *self = user_data;

  if (tool_id == NULL)
    return NULL;
  if (self->inventory != NULL)
    {
      LentoTool *tool = lento_inventory_find_tool (self->inventory, tool_id);

      if (tool != NULL)
        return lento_tool_get_name (tool);
    }
  if (self->tool_names != NULL)
    return g_hash_table_lookup (self->tool_names, tool_id);
  return NULL;
}

static void
update_page (LentoJournalView *self)
{
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  const char *page;
  gboolean writable;

  gtk_widget_set_visible (self->toolbar, !self->editing);
  gtk_widget_set_sensitive (self->toolbar, self->journal != NULL);
  /* Read-only means read-only: nothing that would add to the journal. */
  writable = self->journal != NULL && !lento_journal_get_read_only (self->journal)
             && !self->read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.new-entry", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.import-csv", writable);
  if (self->editing)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  if (self->editing)
    page = "editor";
  else if (self->journal != NULL && gtk_toggle_button_get_active (self->stats_button))
    page = "stats";
  else if (n_visible > 0)
    page = "list";
  /* A journal still on its way is not an empty one: a person with years of
   * entries must never be told they have none, not even for a moment.
   */
  else if (self->journal != NULL && !lento_journal_get_loaded (self->journal))
    page = "loading";
  else
    page = "empty";

  if (self->journal == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Your Journal"));
      adw_status_page_set_description (self->empty_page,
                                       _("Your entries appear here once the journal is "
                                         "unlocked."));
    }
  else if (!lento_journal_query_is_empty (self->query))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Entries"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing matches this search or these filters. Try "
                                         "other words, or clear the filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Entries Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("After a session, write down how it went. Choose "
                                         "New Entry to add your first one."));
    }

  gtk_stack_set_visible_child_name (self->stack, page);
}

static char *
week_header_for (LentoEntry *entry)
{
  g_autoptr(GDateTime) monday = NULL;
  g_autofree char *date = NULL;
  int year, week;
  GDate day;

  lento_journal_stats_week_of (lento_entry_get_start (entry), &year, &week, &day);
  monday = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                  g_date_get_day (&day), 12, 0, 0);
  /* Translators: a date like “3 November 2025”, in the form of g_date_time_format(): %-d is
   * the day of the month without padding. Write and order it as a date reads in your language.
   */
  date = g_date_time_format (monday, _("%-d %B %Y"));
  /* Translators: the heading of a week in the journal; %s is its Monday. */
  return g_strdup_printf (_("Week of %s"), g_strstrip (date));
}

static gboolean
same_week (LentoEntry *a,
           LentoEntry *b)
{
  int year_a, week_a, year_b, week_b;
  GDate monday;

  lento_journal_stats_week_of (lento_entry_get_start (a), &year_a, &week_a, &monday);
  lento_journal_stats_week_of (lento_entry_get_start (b), &year_b, &week_b, &monday);
  return year_a == year_b && week_a == week_b;
}

static void
update_header (LentoJournalView *self,
               GtkListItem      *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  LentoEntry *entry = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(LentoEntry) previous = NULL;
  g_autofree char *header = NULL;

  if (entry == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);
  if (previous == NULL || !same_week (previous, entry))
    header = week_header_for (entry);
  lento_journal_row_set_header (LENTO_JOURNAL_ROW (row), header);
}

static gboolean
update_headers_cb (gpointer user_data)
{
  LentoJournalView *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->headers_id = 0;
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_header (self, item);
  return G_SOURCE_REMOVE;
}

/* A row names its tool from the inventory when it is bound; the rows on
 * screen are bound again when the inventory arrives after them or a tool is
 * renamed, so that none goes on saying “Unknown tool”.
 */
static void
rebind_rows (LentoJournalView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      LentoEntry *entry = gtk_list_item_get_item (item);

      lento_journal_row_bind (LENTO_JOURNAL_ROW (gtk_list_item_get_child (item)), entry,
                              lookup_tool_name (lento_entry_get_tool (entry), self));
    }
}

/* GtkListView makes ready some two hundred rows around those it shows.
 * Until the list has first been drawn with entries, it holds no more than
 * a tall screen's worth, so that the newest rows of a large journal come
 * up after a screenful of rows is made rather than two hundred.
 */
#define FIRST_ROWS 40

static void
show_all_rows (LentoJournalView *self)
{
  if (self->waiting_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->waiting_clock, self);
  g_clear_weak_pointer (&self->waiting_clock);
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

/* The rest of the rows come once the list has been drawn with the first,
 * or at once when it leaves the screen before that.
 */
static void
show_all_rows_after_frame (LentoJournalView *self)
{
  GdkFrameClock *frame_clock;

  if (self->waiting_clock != NULL || gtk_slice_list_model_get_size (self->first_rows) == G_MAXUINT
      || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0
      || !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));
  g_set_weak_pointer (&self->waiting_clock, frame_clock);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (show_all_rows), self,
                           G_CONNECT_SWAPPED);
}

static void
list_unmapped_cb (LentoJournalView *self)
{
  if (self->waiting_clock != NULL)
    show_all_rows (self);
}

static void
filtered_items_changed_cb (LentoJournalView *self)
{
  if (self->headers_id == 0)
    self->headers_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_headers_cb, self, NULL);
  show_all_rows_after_frame (self);
  update_page (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LentoJournalView         *self)
{
  self->rows_created++;
  gtk_list_item_set_child (item, lento_journal_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         LentoJournalView         *self)
{
  LentoEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  lento_journal_row_bind (LENTO_JOURNAL_ROW (row), entry,
                          lookup_tool_name (lento_entry_get_tool (entry), self));
  g_hash_table_add (self->bound_items, item);
  update_header (self, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           LentoJournalView         *self)
{
  g_hash_table_remove (self->bound_items, item);
  lento_journal_row_unbind (LENTO_JOURNAL_ROW (gtk_list_item_get_child (item)));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LentoJournalView *self = user_data;

  return lento_journal_query_matches (self->query, item);
}

/* Without a query the filter has no function at all, so that GTK knows it
 * matches everything and skips calling it ten thousand times.
 */
static void
query_changed (LentoJournalView *self)
{
  if (lento_journal_query_is_empty (self->query))
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  update_page (self);
}

static void
search_changed_cb (LentoJournalView *self)
{
  lento_journal_query_set_text (self->query,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  query_changed (self);
}

static void
filters_changed_cb (LentoJournalView *self)
{
  guint tool = gtk_drop_down_get_selected (self->tool_filter);

  lento_journal_query_set_with_pain (self->query, gtk_check_button_get_active (self->pain_check));
  lento_journal_query_set_with_bleeding (self->query,
                                         gtk_check_button_get_active (self->bleeding_check));
  lento_journal_query_set_tool (self->query,
                                tool >= 1 && tool <= self->tool_filter_ids->len
                                ? g_ptr_array_index (self->tool_filter_ids, tool - 1) : NULL);
  query_changed (self);
}

static void
rebuild_tool_filter (LentoJournalView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->tool_filter_ids, 0);
  gtk_string_list_append (names, _("All tools"));
  if (self->inventory != NULL)
    {
      GListModel *tools = lento_inventory_get_tools (self->inventory);

      for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
        {
          g_autoptr(LentoTool) tool = g_list_model_get_item (tools, i);

          g_ptr_array_add (self->tool_filter_ids, g_strdup (lento_tool_get_id (tool)));
          gtk_string_list_append (names, lento_tool_get_name (tool));
        }
    }
  else if (self->tool_names != NULL)
    {
      g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (self->tool_names),
                                          (GCompareFunc)g_strcmp0);

      for (GList *l = ids; l != NULL; l = l->next)
        {
          g_ptr_array_add (self->tool_filter_ids, g_strdup (l->data));
          gtk_string_list_append (names, g_hash_table_lookup (self->tool_names, l->data));
        }
    }

  g_signal_handlers_block_by_func (self->tool_filter, filters_changed_cb, self);
  gtk_drop_down_set_model (self->tool_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tool_filter, 0);
  g_signal_handlers_unblock_by_func (self->tool_filter, filters_changed_cb, self);
  filters_changed_cb (self);
  lento_entry_editor_set_tools (self->editor, self->inventory, self->tool_names);
}

static void
close_editor (LentoJournalView *self)
{
  self->editing = FALSE;
  update_page (self);
  /* Back on the list; without one on screen (an empty journal, the
   * charts), on New Entry rather than nowhere.
   */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view))
      || !gtk_widget_grab_focus (GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (self->new_button);
}

static void
open_editor (LentoJournalView *self,
             LentoEntry       *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->journal == NULL)
    return;
  lento_entry_editor_edit (self->editor, entry, now);
  lento_entry_editor_set_can_delete (self->editor,
                                     entry != NULL
                                     && lento_journal_lookup (self->journal,
                                                              lento_entry_get_uuid (entry))
                                        != NULL);
  self->editing = TRUE;
  update_page (self);
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
show_toast (LentoJournalView *self,
            const char       *title)
{
  lento_toast_show (self->toast_overlay, adw_toast_new (title));
}

static void
editor_save_cb (LentoJournalView *self,
                LentoEntry       *editor_entry)
{
  /* Closing the editor drops its reference. */
  g_autoptr(LentoEntry) entry = g_object_ref (editor_entry);

  if (self->journal == NULL)
    return;
  if (lento_journal_get_read_only (self->journal) || self->read_only)
    {
      show_toast (self, _("The journal is open read-only, so the entry was not saved."));
      return;
    }

  if (lento_journal_lookup (self->journal, lento_entry_get_uuid (entry)) != NULL)
    lento_journal_replace (self->journal, entry);
  else
    lento_journal_add (self->journal, entry);
  close_editor (self);
  show_toast (self, _("Entry saved"));
  g_signal_emit (self, signals [ENTRY_SAVED], 0, entry);
}

static void
editor_cancel_cb (LentoJournalView *self)
{
  close_editor (self);
}

static void
undo_toast_dismissed_cb (LentoJournalView *self)
{
  g_clear_object (&self->deleted);
  self->undo_toast = NULL;
}

static void
editor_delete_cb (LentoJournalView *self,
                  const char       *uuid)
{
  LentoEntry *entry;
  AdwToast *toast;

  if (self->journal == NULL || lento_journal_get_read_only (self->journal))
    return;
  entry = lento_journal_lookup (self->journal, uuid);
  if (entry == NULL)
    {
      close_editor (self);
      return;
    }

  /* A second deletion makes the first final, and the toast already shown
   * offers to undo the new one: dismissing a toast and showing another at
   * once can crash libadwaita 1.2 as the first one's hiding ends. */
  g_set_object (&self->deleted, entry);
  lento_journal_remove (self->journal, uuid);
  close_editor (self);
  if (self->undo_toast != NULL)
    {
      lento_toast_keep (self->undo_toast);
      return;
    }

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "journal.undo-delete");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  lento_toast_show (self->toast_overlay, toast);
}

static void
activate_cb (LentoJournalView *self,
             guint             position)
{
  g_autoptr(LentoEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (entry != NULL)
    open_editor (self, entry);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (LENTO_JOURNAL_VIEW (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (widget);

  if (self->journal == NULL || self->editing)
    return;
  gtk_toggle_button_set_active (self->stats_button, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (widget);
  g_autoptr(LentoEntry) entry = g_steal_pointer (&self->deleted);

  if (entry == NULL || self->journal == NULL || lento_journal_get_read_only (self->journal))
    return;
  /* The very object that was removed goes back, with its UUID and times. */
  lento_journal_add (self->journal, entry);
  if (self->undo_toast != NULL)
    lento_toast_dismiss (self->undo_toast);
}

/* Exports. A plain export leaves the encryption behind, so the view says
 * so before it asks where to write; core writes only where the person
 * chose, with private permissions. Nothing is added to recent files
 * (lento-file-chooser.c).
 */
typedef enum {
  EXPORT_CSV,
  EXPORT_JSON,
  EXPORT_PDF,
  EXPORT_PDF_WITH_NOTES,
} ExportKind;

typedef struct
{
  LentoJournalView *self;
  ExportKind        kind;
} ExportRequest;

static GtkWindow *
get_window (LentoJournalView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (LentoJournalView *self,
            const char       *heading,
            const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Tool names for the summary, from the inventory and the plain table. */
static GHashTable *
dup_tool_names (LentoJournalView *self)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (self->tool_names != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->tool_names);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (names, g_strdup (key), g_strdup (value));
    }
  if (self->inventory != NULL)
    {
      GListModel *tools = lento_inventory_get_tools (self->inventory);

      for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
        {
          g_autoptr(LentoTool) tool = g_list_model_get_item (tools, i);

          g_hash_table_insert (names, g_strdup (lento_tool_get_id (tool)),
                               g_strdup (lento_tool_get_name (tool)));
        }
    }
  return names;
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LentoJournalView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_export_write_finish (G_FILE (object), result, &error))
    {
      show_error (self, _("Export Failed"), error->message);
      return;
    }
  show_toast (self, _("Journal exported"));
}

static void
export_file_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         ExportRequest   *request)
{
  LentoJournalView *self = request->self;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->journal == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  now = g_date_time_new_now_local ();
  switch (request->kind)
    {
    case EXPORT_CSV:
      bytes = lento_export_csv (G_LIST_MODEL (self->journal));
      break;

    case EXPORT_JSON:
      bytes = lento_export_json (G_LIST_MODEL (self->journal), now);
      break;

    case EXPORT_PDF:
    case EXPORT_PDF_WITH_NOTES:
      {
        g_autoptr(GHashTable) names = dup_tool_names (self);

        bytes = lento_export_pdf_summary (G_LIST_MODEL (self->journal), names,
                                          request->kind == EXPORT_PDF_WITH_NOTES
                                          ? LENTO_SUMMARY_FLAGS_INCLUDE_NOTES
                                          : LENTO_SUMMARY_FLAGS_NONE,
                                          now, &error);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (bytes == NULL)
    {
      show_error (self, _("Export Failed"), error->message);
      goto out;
    }

  lento_export_write_async (bytes, file, NULL, write_done_cb, g_object_ref (self));

out:
  g_object_unref (self);
  g_free (request);
  g_object_unref (chooser);
}

static void
choose_export_file (LentoJournalView *self,
                    ExportKind        kind)
{
  static const char * const names[] = {
    "lento-journal.csv", "lento-journal.json", "lento-summary.pdf", "lento-summary.pdf",
  };
  GtkFileChooserNative *chooser;
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->self = g_object_ref (self);
  request->kind = kind;
  chooser = lento_file_chooser_new (_("Export Journal"), get_window (self),
                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), names[kind]);
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_warning_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            ExportRequest    *request)
{
  if (g_str_equal (response, "export"))
    choose_export_file (request->self, request->kind);
  else if (g_str_equal (response, "summary"))
    choose_export_file (request->self, EXPORT_PDF);
  else if (g_str_equal (response, "with-notes"))
    choose_export_file (request->self, EXPORT_PDF_WITH_NOTES);
  g_object_unref (request->self);
  g_free (request);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (widget);
  ExportRequest *request;
  GtkWidget *dialog;

  if (self->journal == NULL)
    return;

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);

  if (g_str_equal (action_name, "journal.export-pdf"))
    {
      request->kind = EXPORT_PDF;
      dialog = adw_message_dialog_new (get_window (self), _("Summary for a Clinician"),
                                       _("A one-page PDF with your sizes over time, wear "
                                         "times, comfort, pain and any safety events. The "
                                         "PDF is not encrypted. Your notes stay out of it "
                                         "unless you choose to include them."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "with-notes", _("Include _Notes"),
                                        "summary", _("_Without Notes"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "summary");
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "summary",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      request->kind = g_str_equal (action_name, "journal.export-json") ? EXPORT_JSON : EXPORT_CSV;
      dialog = adw_message_dialog_new (get_window (self), _("Export Without Encryption?"),
                                       _("The exported file is plain text: anyone who can open "
                                         "it can read every entry, notes included. To keep a "
                                         "safe copy, make an encrypted backup in Preferences "
                                         "instead."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "export", _("_Export as Plain Text"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (export_warning_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lento_journal_view_import_csv:
 * @self: a #LentoJournalView
 * @csv: the bytes of a CSV file Lento exported
 * @error: where to put a sentence that says what went wrong
 *
 * Merges the entries of @csv into the journal by UUID, as the Import
 * action does once the file is read.
 *
 * Returns: how many entries were added or updated, or -1 with @error set
 */
int
lento_journal_view_import_csv (LentoJournalView  *self,
                               GBytes            *csv,
                               GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (LENTO_IS_JOURNAL_VIEW (self), -1);
  g_return_val_if_fail (csv != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (self->journal == NULL || lento_journal_get_read_only (self->journal))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("The journal cannot take new entries right now. Unlock it, or "
                             "restore the damaged month first, then import again."));
      return -1;
    }

  entries = lento_import_csv (csv, error);
  if (entries == NULL)
    return -1;
  return lento_journal_merge (self->journal, entries);
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LentoJournalView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  int changed;

  bytes = lento_import_read_finish (G_FILE (object), result, &error);
  if (bytes == NULL)
    {
      show_error (self, _("Import Failed"), error->message);
      return;
    }
  changed = lento_journal_view_import_csv (self, bytes, &error);
  if (changed < 0)
    {
      show_error (self, _("Import Failed"), error->message);
      return;
    }

  /* Translators: the number of entries an import added or updated. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry imported",
                                       "%d entries imported", changed), changed);
  show_toast (self, text);
}

static void
import_file_response_cb (GtkNativeDialog  *chooser,
                         int               response,
                         LentoJournalView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      lento_import_read_async (file, NULL, import_loaded_cb, g_object_ref (self));
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->journal == NULL || lento_journal_get_read_only (self->journal))
    return;

  chooser = lento_file_chooser_new (_("Import Entries"), get_window (self),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("Lento CSV export"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stats_toggled_cb (LentoJournalView *self)
{
  if (gtk_toggle_button_get_active (self->stats_button))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_page (self);
}

/* Most journals are in before a person could notice: the spinner turns
 * only when loading takes long enough to wonder about, so that a quick load
 * shows no flash of it.
 */
static gboolean
start_spinner_cb (gpointer user_data)
{
  LentoJournalView *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

static void
loading_mapped_cb (LentoJournalView *self)
{
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  self->spinner_id = g_timeout_add (1000, start_spinner_cb, self);
}

static void
loading_unmapped_cb (LentoJournalView *self)
{
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);
}

static void
lento_journal_view_dispose (GObject *object)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (object);

  g_clear_handle_id (&self->headers_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (self->filtered != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filtered, self);
      gtk_filter_list_model_set_model (self->filtered, NULL);
    }
  /* AdwBin keeps its own pointer to the child: let it go before the
   * template disposes that child, so that nothing is unparented twice.
   */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LENTO_TYPE_JOURNAL_VIEW);
  if (self->waiting_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->waiting_clock, self);
  g_clear_weak_pointer (&self->waiting_clock);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->journal);
  if (self->inventory != NULL)
    g_signal_handlers_disconnect_by_func (self->inventory, rebind_rows, self);
  g_clear_object (&self->inventory);
  g_clear_object (&self->deleted);
  g_clear_object (&self->query);
  g_clear_pointer (&self->tool_names, g_hash_table_unref);
  self->undo_toast = NULL;

  G_OBJECT_CLASS (lento_journal_view_parent_class)->dispose (object);
}

static void
lento_journal_view_finalize (GObject *object)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (object);

  g_clear_pointer (&self->tool_filter_ids, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (lento_journal_view_parent_class)->finalize (object);
}

static void
lento_journal_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_INVENTORY:
      g_value_set_object (value, self->inventory);
      break;

    case PROP_TOOL_NAMES:
      g_value_set_boxed (value, self->tool_names);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_journal_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LentoJournalView *self = LENTO_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      lento_journal_view_set_journal (self, g_value_get_object (value));
      break;

    case PROP_INVENTORY:
      lento_journal_view_set_inventory (self, g_value_get_object (value));
      break;

    case PROP_TOOL_NAMES:
      lento_journal_view_set_tool_names (self, g_value_get_boxed (value));
      break;

    case PROP_READ_ONLY:
      if (self->read_only != g_value_get_boolean (value))
        {
          self->read_only = g_value_get_boolean (value);
          update_page (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_journal_view_class_init (LentoJournalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = lento_journal_view_dispose;
  object_class->finalize = lento_journal_view_finalize;
  object_class->get_property = lento_journal_view_get_property;
  object_class->set_property = lento_journal_view_set_property;

  /**
   * LentoJournalView::entry-saved:
   * @self: a #LentoJournalView
   * @entry: the entry as it now is in the journal
   *
   * Emitted after the editor's entry has been added to the journal or has
   * replaced the one with its UUID.
   */
  signals [ENTRY_SAVED] =
    g_signal_new ("entry-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, LENTO_TYPE_ENTRY);

  /**
   * LentoJournalView:journal:
   *
   * The journal to show, or %NULL while Lento is locked.
   */
  properties [PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, LENTO_TYPE_JOURNAL, flags);
  /**
   * LentoJournalView:inventory:
   *
   * The tools and lubricants, for names and for the editor's lists.
   */
  properties [PROP_INVENTORY] =
    g_param_spec_object ("inventory", NULL, NULL, LENTO_TYPE_INVENTORY, flags);
  /**
   * LentoJournalView:tool-names:
   *
   * Tool ids to names, used where the inventory does not know a tool.
   */
  properties [PROP_TOOL_NAMES] =
    g_param_spec_boxed ("tool-names", NULL, NULL, G_TYPE_HASH_TABLE, flags);
  /**
   * LentoJournalView:read-only:
   *
   * Whether the journal takes no changes now, from LentoPractice.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LENTO_TYPE_ENTRY_EDITOR);
  g_type_ensure (LENTO_TYPE_JOURNAL_STATS_PAGE);

  /* Named in init after its tab, so that a screen reader says which view
   * it is in rather than its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-journal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, new_button);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, search_button);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, pain_check);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, bleeding_check);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, tool_filter);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, stats_button);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, list_view);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, stats_page);
  gtk_widget_class_bind_template_child (widget_class, LentoJournalView, editor);
  gtk_widget_class_bind_template_callback (widget_class, editor_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_delete_cb);

  gtk_widget_class_install_action (widget_class, "journal.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete", NULL,
                                   undo_delete_action);
  gtk_widget_class_install_action (widget_class, "journal.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "journal.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "journal.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "journal.import-csv", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "journal.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "journal.search", NULL);
}

static void
lento_journal_view_init (LentoJournalView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journal"),
                                  -1);
  lento_accessible_follow_stack (self->stack);
  lento_accessible_name_status_pages (GTK_WIDGET (self));
  lento_accessible_name_drop_down (self->tool_filter);

  self->tool_filter_ids = g_ptr_array_new_with_free_func (g_free);
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->query = lento_journal_query_new ();
  lento_journal_query_set_tool_name_func (self->query, lookup_tool_name, self, NULL);

  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (filtered_items_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0,
                                               FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  g_signal_connect_swapped (self->list_view, "map", G_CALLBACK (show_all_rows_after_frame), self);
  g_signal_connect_swapped (self->list_view, "unmap", G_CALLBACK (list_unmapped_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->pain_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->bleeding_check, "toggled",
                            G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->tool_filter, "notify::selected",
                            G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->stats_button, "toggled", G_CALLBACK (stats_toggled_cb), self);
  g_signal_connect_swapped (self->loading_spinner, "map", G_CALLBACK (loading_mapped_cb), self);
  g_signal_connect_swapped (self->loading_spinner, "unmap", G_CALLBACK (loading_unmapped_cb),
                            self);

  rebuild_tool_filter (self);
  update_page (self);
}

GtkWidget *
lento_journal_view_new (void)
{
  return g_object_new (LENTO_TYPE_JOURNAL_VIEW, NULL);
}

/**
 * lento_journal_view_get_journal:
 * @self: a #LentoJournalView
 *
 * Returns: (transfer none) (nullable): the journal shown
 */
LentoJournal *
lento_journal_view_get_journal (LentoJournalView *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_VIEW (self), NULL);

  return self->journal;
}

/**
 * lento_journal_view_set_journal:
 * @self: a #LentoJournalView
 * @journal: (nullable): the journal to show, or %NULL when locked
 */
void
lento_journal_view_set_journal (LentoJournalView *self,
                                LentoJournal     *journal)
{
  g_return_if_fail (LENTO_IS_JOURNAL_VIEW (self));
  g_return_if_fail (journal == NULL || LENTO_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (journal == NULL)
    lento_journal_view_clear_sensitive (self);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, update_page, self);
  g_set_object (&self->journal, journal);
  /* A damaged month is found while the journal loads, after it is set; and
   * only a journal that has finished loading can be empty.
   */
  if (journal != NULL)
    {
      g_signal_connect_object (journal, "notify::read-only", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "notify::loaded", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
    }
  /* A journal opened again fills the list again: a screenful first. */
  gtk_slice_list_model_set_size (self->first_rows, FIRST_ROWS);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (journal));
  lento_journal_stats_page_set_model (self->stats_page, G_LIST_MODEL (journal));
  if (journal == NULL)
    gtk_toggle_button_set_active (self->stats_button, FALSE);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOURNAL]);
}

/**
 * lento_journal_view_set_inventory:
 * @self: a #LentoJournalView
 * @inventory: (nullable): the tools and lubricants
 */
void
lento_journal_view_set_inventory (LentoJournalView *self,
                                  LentoInventory   *inventory)
{
  g_return_if_fail (LENTO_IS_JOURNAL_VIEW (self));
  g_return_if_fail (inventory == NULL || LENTO_IS_INVENTORY (inventory));

  if (self->inventory == inventory)
    return;
  if (self->inventory != NULL)
    g_signal_handlers_disconnect_by_func (self->inventory, rebind_rows, self);
  g_set_object (&self->inventory, inventory);
  if (inventory != NULL)
    g_signal_connect_object (inventory, "changed", G_CALLBACK (rebind_rows), self,
                             G_CONNECT_SWAPPED);
  rebuild_tool_filter (self);
  rebind_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVENTORY]);
}

/**
 * lento_journal_view_set_tool_names:
 * @self: a #LentoJournalView
 * @tool_names: (nullable) (element-type utf8 utf8): tool ids to names
 */
void
lento_journal_view_set_tool_names (LentoJournalView *self,
                                   GHashTable       *tool_names)
{
  g_return_if_fail (LENTO_IS_JOURNAL_VIEW (self));

  if (self->tool_names == tool_names)
    return;
  if (tool_names != NULL)
    g_hash_table_ref (tool_names);
  g_clear_pointer (&self->tool_names, g_hash_table_unref);
  self->tool_names = tool_names;
  rebuild_tool_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOOL_NAMES]);
}

/**
 * lento_journal_view_get_visible_model:
 * @self: a #LentoJournalView
 *
 * Returns: (transfer none): the entries the list shows after search and filters
 */
GListModel *
lento_journal_view_get_visible_model (LentoJournalView *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * lento_journal_view_get_page:
 * @self: a #LentoJournalView
 *
 * Returns: what the view shows: "list", "loading", "empty", "stats" or "editor"
 */
const char *
lento_journal_view_get_page (LentoJournalView *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * lento_journal_view_edit_entry:
 * @self: a #LentoJournalView
 * @entry: (nullable): the entry to edit, or %NULL for a new one
 *
 * Opens the editor, as activating a row or New Entry does.
 */
void
lento_journal_view_edit_entry (LentoJournalView *self,
                               LentoEntry       *entry)
{
  g_return_if_fail (LENTO_IS_JOURNAL_VIEW (self));
  g_return_if_fail (entry == NULL || LENTO_IS_ENTRY (entry));

  open_editor (self, entry);
}

/**
 * lento_journal_view_clear_sensitive:
 * @self: a #LentoJournalView
 *
 * Closes the editor and forgets what it held, the notes' undo history
 * included, empties the search and drops a deleted entry kept for Undo.
 * The window calls this when Lento locks.
 */
void
lento_journal_view_clear_sensitive (LentoJournalView *self)
{
  g_return_if_fail (LENTO_IS_JOURNAL_VIEW (self));

  lento_entry_editor_clear_sensitive (self->editor);
  self->editing = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->undo_toast != NULL)
    lento_toast_dismiss (self->undo_toast);
  g_clear_object (&self->deleted);
  update_page (self);
}

/**
 * lento_journal_view_get_n_rows_created:
 * @self: a #LentoJournalView
 *
 * Returns: how many row widgets the list has made, however many entries
 *   there are
 */
guint
lento_journal_view_get_n_rows_created (LentoJournalView *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_VIEW (self), 0);

  return self->rows_created;
}
