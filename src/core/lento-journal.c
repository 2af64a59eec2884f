/* lento-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "lento-journal.h"
#include "lento-journal-private.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LentoJournal, lento_journal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_RECENT_LOADED,
  PROP_LOADED,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
record_free (Record *record)
{
  g_clear_object (&record->entry);
  g_clear_pointer (&record->json, json_object_unref);
  g_free (record->uuid);
  g_free (record->home);
  g_free (record);
}

void
_lento_journal_record_set_entry (Record     *record,
                                 LentoEntry *entry)
{
  g_set_object (&record->entry, entry);
  g_clear_pointer (&record->json, json_object_unref);
  g_free (record->home);
  record->home = lento_journal_month_document_for (lento_entry_get_start (entry));
  record->start_us = g_date_time_to_unix (lento_entry_get_start (entry)) * G_USEC_PER_SEC +
                     g_date_time_get_microsecond (lento_entry_get_start (entry));
}

Record *
_lento_journal_record_new (LentoEntry *entry)
{
  Record *record = g_new0 (Record, 1);

  record->uuid = g_strdup (lento_entry_get_uuid (entry));
  _lento_journal_record_set_entry (record, entry);
  return record;
}

/* Newest first; entries that started at the same instant are ordered by
 * UUID so that the order never depends on the order of loading.
 */
int
_lento_journal_record_compare (const Record *a,
                               const Record *b)
{
  if (a->start_us != b->start_us)
    return a->start_us > b->start_us ? -1 : 1;
  return strcmp (a->uuid, b->uuid);
}

static int
record_compare_indirect (gconstpointer a,
                         gconstpointer b)
{
  return _lento_journal_record_compare (*(Record **)a, *(Record **)b);
}

void
_lento_journal_tombstone_free (Tombstone *tombstone)
{
  g_free (tombstone->uuid);
  g_clear_pointer (&tombstone->deleted, g_date_time_unref);
  g_free (tombstone->home);
  g_free (tombstone);
}

static void
month_free (Month *month)
{
  g_free (month->name);
  g_clear_pointer (&month->records, g_hash_table_unref);
  g_clear_pointer (&month->extra, json_object_unref);
  g_clear_pointer (&month->unreadable, g_ptr_array_unref);
  g_clear_pointer (&month->tombstones, g_hash_table_unref);
  g_clear_pointer (&month->unreadable_deleted, g_ptr_array_unref);
  g_free (month);
}

Month *
_lento_journal_ensure_month (LentoJournal *self,
                             const char   *name)
{
  Month *month = g_hash_table_lookup (self->months, name);

  if (month == NULL)
    {
      month = g_new0 (Month, 1);
      month->name = g_strdup (name);
      month->records = g_hash_table_new (NULL, NULL);
      month->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
      month->tombstones = g_hash_table_new (NULL, NULL);
      month->unreadable_deleted =
        g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
      g_hash_table_insert (self->months, month->name, month);
    }

  return month;
}

/* The person changed the entry (or deletion) with this UUID: it goes in
 * the log until its month is written.
 */
void
_lento_journal_log_note (LentoJournal *self,
                         const char   *uuid)
{
  self->log_stamp++;
  g_hash_table_insert (self->log, g_strdup (uuid), GSIZE_TO_POINTER (self->log_stamp));
}

/* A month that received an entry must reach the disk before the month
 * the entry left, or a crash in between would lose the entry; see
 * lento_journal_dup_dirty_months().
 */
void
_lento_journal_mark_gained (LentoJournal *self,
                            const char   *name)
{
  Month *month = _lento_journal_ensure_month (self, name);

  month->generation++;
  month->gained_generation = month->generation;
}

static void
month_take_record (LentoJournal *self,
                   Record       *record)
{
  Month *month = _lento_journal_ensure_month (self, record->home);

  g_hash_table_add (month->records, record);
  _lento_journal_mark_gained (self, record->home);
  if (!self->merging)
    _lento_journal_log_note (self, record->uuid);
}

static void
month_drop_record (LentoJournal *self,
                   Record       *record)
{
  Month *month = _lento_journal_ensure_month (self, record->home);

  g_hash_table_remove (month->records, record);
  month->generation++;
}

/* TRUE if @tombstone says that @entry was deleted after its last edit. */
gboolean
_lento_journal_tombstone_covers (Tombstone  *tombstone,
                                 LentoEntry *entry)
{
  return g_date_time_compare (tombstone->deleted, lento_entry_get_modified (entry)) >= 0;
}

/* Records that @uuid was deleted at @deleted, in month @name, replacing an
 * older tombstone (whose month changes). Does not mark @name changed.
 */
void
_lento_journal_set_tombstone (LentoJournal *self,
                              const char   *uuid,
                              GDateTime    *deleted,
                              const char   *name)
{
  Tombstone *tombstone = g_hash_table_lookup (self->tombstones, uuid);

  if (tombstone != NULL)
    {
      Month *old = _lento_journal_ensure_month (self, tombstone->home);

      g_hash_table_remove (old->tombstones, tombstone);
      old->generation++;
      g_clear_pointer (&tombstone->deleted, g_date_time_unref);
      g_clear_pointer (&tombstone->home, g_free);
    }
  else
    {
      tombstone = g_new0 (Tombstone, 1);
      tombstone->uuid = g_strdup (uuid);
      g_hash_table_insert (self->tombstones, tombstone->uuid, tombstone);
    }

  tombstone->deleted = g_date_time_to_utc (deleted);
  tombstone->home = g_strdup (name);
  g_hash_table_add (_lento_journal_ensure_month (self, name)->tombstones, tombstone);
  if (!self->merging)
    _lento_journal_log_note (self, uuid);
}

/* Forgets a tombstone, when its entry was edited after the deletion or is
 * added back; its month is saved without it.
 */
void
_lento_journal_clear_tombstone (LentoJournal *self,
                                Tombstone    *tombstone)
{
  Month *month = _lento_journal_ensure_month (self, tombstone->home);

  g_hash_table_remove (month->tombstones, tombstone);
  month->generation++;
  g_hash_table_remove (self->tombstones, tombstone->uuid);
}

/* Where @record is, or where it would go: the first position whose record
 * sorts after it.
 */
static guint
search_position (LentoJournal *self,
                 const Record *record,
                 gboolean     *found)
{
  guint lo = 0;
  guint hi = self->items->len;

  *found = FALSE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = _lento_journal_record_compare (g_ptr_array_index (self->items, mid), record);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
position_of (LentoJournal *self,
             const Record *record)
{
  gboolean found;
  guint position = search_position (self, record, &found);

  g_assert (found);
  return position;
}

static void
notify_n_items (LentoJournal *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
insert_record (LentoJournal *self,
               Record       *record)
{
  gboolean found;
  guint position = search_position (self, record, &found);

  g_assert (!found);
  g_ptr_array_insert (self->items, position, record);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* Puts @entry in @record, moving the row if its start time changed. Two
 * signals when it moves (out, then in), one when it stays in place.
 */
void
_lento_journal_swap_record_entry (LentoJournal *self,
                                  Record       *record,
                                  LentoEntry   *entry)
{
  guint old_position = position_of (self, record);
  guint new_position;
  gboolean found;

  month_drop_record (self, record);
  _lento_journal_record_set_entry (record, entry);
  month_take_record (self, record);

  if ((old_position == 0 ||
       _lento_journal_record_compare (g_ptr_array_index (self->items, old_position - 1),
                                      record) < 0) &&
      (old_position + 1 >= self->items->len ||
       _lento_journal_record_compare (record,
                                      g_ptr_array_index (self->items, old_position + 1)) < 0))
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
      return;
    }

  g_ptr_array_remove_index (self->items, old_position);
  g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);

  new_position = search_position (self, record, &found);
  g_assert (!found);
  g_ptr_array_insert (self->items, new_position, record);
  g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
}

gboolean
_lento_journal_entry_is_newer (LentoEntry *candidate,
                               LentoEntry *current)
{
  return g_date_time_compare (lento_entry_get_modified (candidate),
                              lento_entry_get_modified (current)) > 0;
}

void
_lento_journal_update_read_only (LentoJournal *self)
{
  GHashTableIter iter;
  Month *month;
  gboolean read_only = FALSE;

  g_hash_table_iter_init (&iter, self->months);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&month))
    read_only |= month->damaged;

  if (read_only != self->read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
    }
}

static GType
lento_journal_get_item_type (GListModel *model)
{
  return LENTO_TYPE_ENTRY;
}

static guint
lento_journal_get_n_items (GListModel *model)
{
  return LENTO_JOURNAL (model)->items->len;
}

static gpointer
lento_journal_get_item (GListModel *model,
                        guint       position)
{
  LentoJournal *self = LENTO_JOURNAL (model);
  Record *record;

  if (position >= self->items->len)
    return NULL;

  record = g_ptr_array_index (self->items, position);
  return g_object_ref (record->entry);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lento_journal_get_item_type;
  iface->get_n_items = lento_journal_get_n_items;
  iface->get_item = lento_journal_get_item;
}

static void
lento_journal_finalize (GObject *object)
{
  LentoJournal *self = (LentoJournal *)object;

  _lento_journal_load_forget (self);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->months, g_hash_table_unref);
  g_clear_pointer (&self->tombstones, g_hash_table_unref);
  g_clear_pointer (&self->cached_month, g_free);
  g_clear_pointer (&self->log, g_hash_table_unref);
  g_clear_pointer (&self->log_unreadable, g_ptr_array_unref);
  g_clear_pointer (&self->log_unreadable_deleted, g_ptr_array_unref);
  g_clear_pointer (&self->log_extra, json_object_unref);
  g_clear_pointer (&self->marker_tag, g_free);
  g_clear_pointer (&self->month_notes, g_hash_table_unref);
  g_clear_object (&self->load_vault);

  G_OBJECT_CLASS (lento_journal_parent_class)->finalize (object);
}

static void
lento_journal_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LentoJournal *self = LENTO_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_RECENT_LOADED:
      g_value_set_boolean (value, self->recent_loaded);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_journal_class_init (LentoJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lento_journal_finalize;
  object_class->get_property = lento_journal_get_property;

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE once the current and the previous month are in the list, which
   * is what the Plan and the Journal show first.
   */
  properties [PROP_RECENT_LOADED] =
    g_param_spec_boolean ("recent-loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE once every month document has been read, so statistics and the
   * coach know they see the whole history.
   */
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE while a month document could not be read: nothing may be changed,
   * so that the damaged file is never overwritten.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lento_journal_init (LentoJournal *self)
{
  self->items = g_ptr_array_new ();
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)record_free);
  self->months = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify)month_free);
  self->tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify)_lento_journal_tombstone_free);
  self->log = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->log_unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  self->log_unreadable_deleted =
    g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  self->month_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)json_object_unref);
}

LentoJournal *
lento_journal_new (void)
{
  return g_object_new (LENTO_TYPE_JOURNAL, NULL);
}

/* Adds @entry, or, when an entry with its UUID is already here, keeps the
 * copy modified last. An entry deleted after its last edit stays deleted,
 * unless @undelete (the person adds it back). Returns TRUE if the journal
 * changed.
 */
static gboolean
add_or_update (LentoJournal *self,
               LentoEntry   *entry,
               gboolean      undelete)
{
  Record *record = g_hash_table_lookup (self->by_uuid, lento_entry_get_uuid (entry));
  Tombstone *tombstone = g_hash_table_lookup (self->tombstones, lento_entry_get_uuid (entry));

  if (tombstone != NULL)
    {
      if (!undelete && _lento_journal_tombstone_covers (tombstone, entry))
        return FALSE;
      /* Added back: a change after the deletion, so that the entry wins
       * over the tombstone wherever a copy of it is still kept.
       */
      if (_lento_journal_tombstone_covers (tombstone, entry))
        {
          lento_entry_set_modified (entry, tombstone->deleted);
          lento_entry_touch (entry, NULL);
        }
      _lento_journal_clear_tombstone (self, tombstone);
    }

  if (record == NULL)
    {
      record = _lento_journal_record_new (entry);
      g_hash_table_insert (self->by_uuid, record->uuid, record);
      month_take_record (self, record);
      insert_record (self, record);
      notify_n_items (self);
      return TRUE;
    }

  if (record->entry == entry || !_lento_journal_entry_is_newer (entry, record->entry))
    return FALSE;

  _lento_journal_swap_record_entry (self, record, entry);
  return TRUE;
}

/**
 * lento_journal_add:
 * @self: a #LentoJournal
 * @entry: a new entry
 *
 * Adds @entry at its place in time. If an entry with the same UUID is
 * already in the journal, the one modified last is kept.
 *
 * The journal holds @entry from now on; change a copy and pass it to
 * lento_journal_replace() instead of changing @entry in place.
 */
void
lento_journal_add (LentoJournal *self,
                   LentoEntry   *entry)
{
  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (LENTO_IS_ENTRY (entry));
  g_return_if_fail (!self->read_only);

  add_or_update (self, entry, TRUE);
}

/**
 * lento_journal_replace:
 * @self: a #LentoJournal
 * @entry: the edited copy of an entry in the journal
 *
 * Puts @entry in place of the entry with the same UUID. The row moves if
 * the start time changed, and the month documents of both the old and the
 * new start are saved. If @entry's modified time is not after the old
 * one's, it is moved forward with lento_entry_touch(), so the edit wins
 * wherever a stale copy is found later.
 *
 * Returns: %TRUE if an entry with that UUID was found and replaced
 */
gboolean
lento_journal_replace (LentoJournal *self,
                       LentoEntry   *entry)
{
  Record *record;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (LENTO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  record = g_hash_table_lookup (self->by_uuid, lento_entry_get_uuid (entry));
  if (record == NULL)
    return FALSE;
  if (record->entry == entry)
    return TRUE;

  if (!_lento_journal_entry_is_newer (entry, record->entry))
    {
      /* An edit always wins over what it replaced. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      lento_entry_set_modified (entry, lento_entry_get_modified (record->entry));
      lento_entry_touch (entry, now);
    }

  _lento_journal_swap_record_entry (self, record, entry);
  return TRUE;
}

/**
 * lento_journal_remove:
 * @self: a #LentoJournal
 * @uuid: the UUID of the entry to remove
 *
 * Removes the entry and leaves a tombstone (its UUID and the time of
 * deletion) in its month, so that a stale copy of it in another month
 * document or in a backup never brings it back. Adding the entry again
 * with lento_journal_add() undoes the deletion.
 *
 * Returns: %TRUE if the entry was there
 */
gboolean
lento_journal_remove (LentoJournal *self,
                      const char   *uuid)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *modified;
  Record *record;
  guint position;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  record = g_hash_table_lookup (self->by_uuid, uuid);
  if (record == NULL)
    return FALSE;

  /* Never earlier than the last edit, whatever the clock says now. */
  now = g_date_time_new_now_utc ();
  modified = lento_entry_get_modified (record->entry);
  _lento_journal_set_tombstone (self, uuid,
                                g_date_time_compare (now, modified) > 0 ? now : modified,
                                record->home);

  position = position_of (self, record);
  month_drop_record (self, record);
  g_ptr_array_remove_index (self->items, position);
  g_hash_table_remove (self->by_uuid, uuid);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  notify_n_items (self);
  return TRUE;
}

/**
 * lento_journal_merge:
 * @self: a #LentoJournal
 * @entries: (element-type LentoEntry): entries from an import or a backup
 *
 * Adds entries that are new and updates those whose copy in @entries was
 * modified last, matching by UUID.
 *
 * Returns: how many entries were added or updated
 */
guint
lento_journal_merge (LentoJournal *self,
                     GPtrArray    *entries)
{
  guint changed = 0;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), 0);
  g_return_val_if_fail (entries != NULL, 0);
  g_return_val_if_fail (!self->read_only, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (entries, i);

      g_return_val_if_fail (LENTO_IS_ENTRY (entry), changed);
      if (add_or_update (self, entry, FALSE))
        changed++;
    }

  return changed;
}

/**
 * lento_journal_lookup:
 * @self: a #LentoJournal
 * @uuid: an entry's UUID
 *
 * Returns: (transfer none) (nullable): the entry with that UUID
 */
LentoEntry *
lento_journal_lookup (LentoJournal *self,
                      const char   *uuid)
{
  Record *record;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  record = g_hash_table_lookup (self->by_uuid, uuid);
  return record != NULL && !record->pending ? record->entry : NULL;
}

/**
 * lento_journal_find:
 * @self: a #LentoJournal
 * @uuid: an entry's UUID
 * @position: (out) (optional): where the entry is in the list
 *
 * Returns: %TRUE if the entry is in the journal
 */
gboolean
lento_journal_find (LentoJournal *self,
                    const char   *uuid,
                    guint        *position)
{
  Record *record;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  record = g_hash_table_lookup (self->by_uuid, uuid);
  if (record == NULL || record->pending)
    return FALSE;

  if (position != NULL)
    *position = position_of (self, record);
  return TRUE;
}

/* Inserts records read from a document, sorted newest first, in as few
 * runs as possible: each run of records with no existing row between them
 * is one items-changed signal, emitted after that run is in the list.
 */
void
_lento_journal_insert_pending (LentoJournal *self,
                               GPtrArray    *pending)
{
  guint i = 0;

  g_ptr_array_sort (pending, record_compare_indirect);

  while (i < pending->len)
    {
      Record *first = g_ptr_array_index (pending, i);
      gboolean found;
      guint position = search_position (self, first, &found);
      guint old_len = self->items->len;
      guint j = i + 1;
      guint count;

      g_assert (!found);

      while (j < pending->len &&
             (position == old_len ||
              _lento_journal_record_compare (g_ptr_array_index (pending, j),
                                             g_ptr_array_index (self->items, position)) < 0))
        j++;

      count = j - i;
      g_ptr_array_set_size (self->items, old_len + count);
      memmove (&self->items->pdata[position + count], &self->items->pdata[position],
               (old_len - position) * sizeof (gpointer));
      for (guint k = 0; k < count; k++)
        {
          Record *record = g_ptr_array_index (pending, i + k);

          record->pending = FALSE;
          self->items->pdata[position + k] = record;
        }

      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, count);
      i = j;
    }

  if (pending->len > 0)
    notify_n_items (self);
}

/* Takes an entry out of the journal because a tombstone covers it; its
 * month is saved without it.
 */
void
_lento_journal_bury_record (LentoJournal *self,
                            Record       *record,
                            GPtrArray    *pending)
{
  month_drop_record (self, record);

  if (record->pending)
    {
      g_ptr_array_remove_fast (pending, record);
    }
  else
    {
      guint position = position_of (self, record);

      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      notify_n_items (self);
    }

  g_hash_table_remove (self->by_uuid, record->uuid);
}

static int
compare_strings_indirect (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static char **
sorted_strv (GPtrArray *names)
{
  g_ptr_array_sort (names, compare_strings_indirect);
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (names, FALSE);
}

/**
 * lento_journal_mark_month_damaged:
 * @self: a #LentoJournal
 * @name: a month document that could not be opened
 *
 * Records that a month document exists but could not be read. The
 * journal becomes read-only, so that the file is never overwritten, until
 * the month is read with lento_journal_load_month() (for example from its
 * previous generation).
 */
void
lento_journal_mark_month_damaged (LentoJournal *self,
                                  const char   *name)
{
  Month *month;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (name != NULL);

  month = _lento_journal_ensure_month (self, name);
  month->damaged = TRUE;
  _lento_journal_update_read_only (self);
}

/**
 * lento_journal_dup_damaged_months:
 * @self: a #LentoJournal
 *
 * Returns: (transfer full): the names of the month documents that could
 *   not be read, sorted
 */
char **
lento_journal_dup_damaged_months (LentoJournal *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  Month *month;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);

  g_hash_table_iter_init (&iter, self->months);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&month))
    if (month->damaged)
      g_ptr_array_add (names, g_strdup (month->name));

  return sorted_strv (g_steal_pointer (&names));
}

void
_lento_journal_set_recent_loaded (LentoJournal *self)
{
  if (!self->recent_loaded)
    {
      self->recent_loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECENT_LOADED]);
    }
}

gboolean
lento_journal_get_recent_loaded (LentoJournal *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  return self->recent_loaded;
}

/**
 * lento_journal_set_recent_first:
 * @self: a #LentoJournal
 * @recent_first: whether what waits for the load is the newest entries
 *
 * Says what a load should hurry for. By default the load hurries for the
 * whole journal, as the coach needs it: the months read last go into the
 * list before the main context's next frame. With @recent_first, the view
 * in front shows the newest entries: the current and previous month go in
 * on their own, and the older months wait until the main context has
 * drawn them (a tenth of a second at most). It may change during a load.
 */
void
lento_journal_set_recent_first (LentoJournal *self,
                                gboolean      recent_first)
{
  g_return_if_fail (LENTO_IS_JOURNAL (self));
  self->recent_first = !!recent_first;
  _lento_journal_load_recent_first_changed (self);
}

gboolean
lento_journal_get_recent_first (LentoJournal *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  return self->recent_first;
}

/**
 * lento_journal_set_loaded:
 * @self: a #LentoJournal
 *
 * Says that every month document has been read. Until then, a month that
 * was not read yet is never offered for saving, since saving it would
 * overwrite entries the journal has not seen.
 */
void
lento_journal_set_loaded (LentoJournal *self)
{
  g_return_if_fail (LENTO_IS_JOURNAL (self));

  _lento_journal_set_recent_loaded (self);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
    }
}

gboolean
lento_journal_get_loaded (LentoJournal *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  return self->loaded;
}

gboolean
lento_journal_get_read_only (LentoJournal *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  return self->read_only;
}

/**
 * lento_journal_set_marker_tag:
 * @self: a #LentoJournal
 * @tag: (nullable): the tag that marks heavy bleeding, or %NULL
 *
 * Sets the tag the plan marks heavy bleeding with, which decides what a
 * month's note holds (see lento_journal_dup_early_history()). A load
 * takes the tag as it starts: set it before loading. With %NULL, the
 * journal neither makes month notes nor uses them.
 */
void
lento_journal_set_marker_tag (LentoJournal *self,
                              const char   *tag)
{
  g_return_if_fail (LENTO_IS_JOURNAL (self));

  g_free (self->marker_tag);
  self->marker_tag = g_strdup (tag);
}
