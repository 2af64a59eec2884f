/* lento-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lento-core-error.h"
#include "lento-journal.h"
#include "lento-journal-private.h"

/* One entry as the journal holds it. The sort key and the month are copied
 * out of the entry, so that the list stays sorted and every month document
 * stays right even if someone changes an entry in place by mistake.
 */
typedef struct
{
  LentoEntry *entry;
  char       *uuid;
  char       *home;        /* the month document the entry belongs in */
  gint64      start_us;    /* start time, microseconds since the epoch */
  gboolean    pending;     /* read from a document, not yet in the list */

  /* The entry as its month document last held it, sealed, and the entry's
   * revision then: saving a month again rebuilds only what changed. Kept
   * only for months that were saved.
   */
  JsonObject *json;
  guint64     json_revision;
} Record;

/* A deleted entry: its UUID and when it was deleted, kept in one month
 * document so that a stale copy of the entry found anywhere (the trace
 * of an interrupted move, an old backup) never brings it back.
 */
typedef struct
{
  char       *uuid;
  GDateTime  *deleted;     /* UTC */
  char       *home;        /* the month document that keeps it */
} Tombstone;

/* One month document: which entries belong in it, what it held that we do
 * not understand, and whether it changed since it was last saved.
 */
typedef struct
{
  char       *name;
  GHashTable *records;       /* Record * whose home it is; owned by by_uuid */
  JsonObject *extra;         /* unknown top-level members */
  GPtrArray  *unreadable;    /* JsonNode entries that could not be read */
  GHashTable *tombstones;    /* Tombstone * kept here; owned by the journal */
  GPtrArray  *unreadable_deleted;   /* JsonNode tombstones that could not be read */
  guint64     generation;
  guint64     gained_generation;     /* generation when an entry last moved in */
  guint64     serialized_generation;
  guint64     saved_generation;
  gboolean    loaded;
  gboolean    damaged;
} Month;

struct _LentoJournal
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *items;         /* Record *, newest first; records owned by by_uuid */
  GHashTable *by_uuid;       /* uuid -> Record */
  GHashTable *months;        /* name -> Month */
  GHashTable *tombstones;    /* uuid -> Tombstone */
  char       *cached_month;  /* the one month whose records keep their JSON */

  /* The change log (see "journal/log" in docs/FORMAT.md): the entries and
   * deletions made since the months were last written, each with the
   * stamp of its latest change. A save writes the log alone while it is
   * short, and the months (then an emptier log) when it is not, so saving
   * one entry costs the same in a journal of any size.
   */
  GHashTable *log;           /* uuid -> stamp (gsize, as a pointer) */
  GPtrArray  *log_unreadable;        /* JsonNode entries of the log we cannot read */
  GPtrArray  *log_unreadable_deleted;        /* and its deletions */
  JsonObject *log_extra;             /* unknown top-level members of the log */
  gsize       log_stamp;
  guint       log_serialized_items;  /* what the log last serialised held */
  guint       log_disk_items;        /* and what the log on disk holds */
  gboolean    merging;       /* what changes now comes from disk, not from the person */

  gboolean    recent_loaded;
  gboolean    loaded;
  gboolean    read_only;
};

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

static void
record_set_entry (Record     *record,
                  LentoEntry *entry)
{
  g_set_object (&record->entry, entry);
  g_clear_pointer (&record->json, json_object_unref);
  g_free (record->home);
  record->home = lento_journal_month_document_for (lento_entry_get_start (entry));
  record->start_us = g_date_time_to_unix (lento_entry_get_start (entry)) * G_USEC_PER_SEC +
                     g_date_time_get_microsecond (lento_entry_get_start (entry));
}

static JsonObject *
record_dup_json (Record *record)
{
  guint64 revision = lento_entry_get_revision (record->entry);

  if (record->json == NULL || record->json_revision != revision)
    {
      g_clear_pointer (&record->json, json_object_unref);
      record->json = lento_entry_to_json (record->entry);
      json_object_seal (record->json);
      record->json_revision = revision;
    }

  return json_object_ref (record->json);
}

static Record *
record_new (LentoEntry *entry)
{
  Record *record = g_new0 (Record, 1);

  record->uuid = g_strdup (lento_entry_get_uuid (entry));
  record_set_entry (record, entry);
  return record;
}

/* Newest first; entries that started at the same instant are ordered by
 * UUID so that the order never depends on the order of loading.
 */
static int
record_compare (const Record *a,
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
  return record_compare (*(Record **)a, *(Record **)b);
}

static void
tombstone_free (Tombstone *tombstone)
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

static Month *
ensure_month (LentoJournal *self,
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

static void
touch_month (LentoJournal *self,
             const char   *name)
{
  ensure_month (self, name)->generation++;
}

/* The person changed the entry (or deletion) with this UUID: it goes in
 * the log until its month is written.
 */
static void
log_note (LentoJournal *self,
          const char   *uuid)
{
  self->log_stamp++;
  g_hash_table_insert (self->log, g_strdup (uuid), GSIZE_TO_POINTER (self->log_stamp));
}

/* A month that received an entry must reach the disk before the month
 * the entry left, or a crash in between would lose the entry; see
 * lento_journal_dup_dirty_months().
 */
static void
mark_gained (LentoJournal *self,
             const char   *name)
{
  Month *month = ensure_month (self, name);

  month->generation++;
  month->gained_generation = month->generation;
}

static void
month_take_record (LentoJournal *self,
                   Record       *record)
{
  Month *month = ensure_month (self, record->home);

  g_hash_table_add (month->records, record);
  mark_gained (self, record->home);
  if (!self->merging)
    log_note (self, record->uuid);
}

static void
month_drop_record (LentoJournal *self,
                   Record       *record)
{
  Month *month = ensure_month (self, record->home);

  g_hash_table_remove (month->records, record);
  month->generation++;
}

/* TRUE if @tombstone says that @entry was deleted after its last edit. */
static gboolean
tombstone_covers (Tombstone  *tombstone,
                  LentoEntry *entry)
{
  return g_date_time_compare (tombstone->deleted, lento_entry_get_modified (entry)) >= 0;
}

/* Records that @uuid was deleted at @deleted, in month @name, replacing an
 * older tombstone (whose month changes). Does not mark @name changed.
 */
static void
set_tombstone (LentoJournal *self,
               const char   *uuid,
               GDateTime    *deleted,
               const char   *name)
{
  Tombstone *tombstone = g_hash_table_lookup (self->tombstones, uuid);

  if (tombstone != NULL)
    {
      Month *old = ensure_month (self, tombstone->home);

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
  g_hash_table_add (ensure_month (self, name)->tombstones, tombstone);
  if (!self->merging)
    log_note (self, uuid);
}

/* Forgets a tombstone, when its entry was edited after the deletion or is
 * added back; its month is saved without it.
 */
static void
clear_tombstone (LentoJournal *self,
                 Tombstone    *tombstone)
{
  Month *month = ensure_month (self, tombstone->home);

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
      int cmp = record_compare (g_ptr_array_index (self->items, mid), record);

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
static void
swap_record_entry (LentoJournal *self,
                   Record       *record,
                   LentoEntry   *entry)
{
  guint old_position = position_of (self, record);
  guint new_position;
  gboolean found;

  month_drop_record (self, record);
  record_set_entry (record, entry);
  month_take_record (self, record);

  if ((old_position == 0 ||
       record_compare (g_ptr_array_index (self->items, old_position - 1), record) < 0) &&
      (old_position + 1 >= self->items->len ||
       record_compare (record, g_ptr_array_index (self->items, old_position + 1)) < 0))
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

static gboolean
entry_is_newer (LentoEntry *candidate,
                LentoEntry *current)
{
  return g_date_time_compare (lento_entry_get_modified (candidate),
                              lento_entry_get_modified (current)) > 0;
}

static void
update_read_only (LentoJournal *self)
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

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->months, g_hash_table_unref);
  g_clear_pointer (&self->tombstones, g_hash_table_unref);
  g_clear_pointer (&self->cached_month, g_free);
  g_clear_pointer (&self->log, g_hash_table_unref);
  g_clear_pointer (&self->log_unreadable, g_ptr_array_unref);
  g_clear_pointer (&self->log_unreadable_deleted, g_ptr_array_unref);
  g_clear_pointer (&self->log_extra, json_object_unref);

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
                                            (GDestroyNotify)tombstone_free);
  self->log = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->log_unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  self->log_unreadable_deleted =
    g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
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
      if (!undelete && tombstone_covers (tombstone, entry))
        return FALSE;
      /* Added back: a change after the deletion, so that the entry wins
       * over the tombstone wherever a copy of it is still kept.
       */
      if (tombstone_covers (tombstone, entry))
        {
          lento_entry_set_modified (entry, tombstone->deleted);
          lento_entry_touch (entry, NULL);
        }
      clear_tombstone (self, tombstone);
    }

  if (record == NULL)
    {
      record = record_new (entry);
      g_hash_table_insert (self->by_uuid, record->uuid, record);
      month_take_record (self, record);
      insert_record (self, record);
      notify_n_items (self);
      return TRUE;
    }

  if (record->entry == entry || !entry_is_newer (entry, record->entry))
    return FALSE;

  swap_record_entry (self, record, entry);
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

  if (!entry_is_newer (entry, record->entry))
    {
      /* An edit always wins over what it replaced. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      lento_entry_set_modified (entry, lento_entry_get_modified (record->entry));
      lento_entry_touch (entry, now);
    }

  swap_record_entry (self, record, entry);
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
  set_tombstone (self, uuid, g_date_time_compare (now, modified) > 0 ? now : modified,
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

/**
 * lento_journal_is_month_document:
 * @name: a document name
 *
 * Returns: %TRUE if @name looks like "journal/YYYY-MM"
 */
gboolean
lento_journal_is_month_document (const char *name)
{
  const char *rest;
  int month;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_prefix (name, LENTO_JOURNAL_DOCUMENT_PREFIX))
    return FALSE;

  rest = name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX);
  if (strlen (rest) != 7 || rest[4] != '-')
    return FALSE;
  for (guint i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (rest[i]))
      return FALSE;

  month = (rest[5] - '0') * 10 + (rest[6] - '0');
  return month >= 1 && month <= 12 && rest[0] != '0';
}

/**
 * lento_journal_is_log_document:
 * @name: a document name
 *
 * Returns: %TRUE if @name is the journal's change log, "journal/log"
 */
gboolean
lento_journal_is_log_document (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_str_equal (name, LENTO_JOURNAL_LOG_DOCUMENT);
}

/**
 * lento_journal_month_document_for:
 * @start: an entry's start time
 *
 * Returns: (transfer full): the name of the month document for entries
 *   that started at @start, read with @start's own offset
 */
char *
lento_journal_month_document_for (GDateTime *start)
{
  g_return_val_if_fail (start != NULL, NULL);

  int year, month;
  char *name;
  gsize prefix = strlen (LENTO_JOURNAL_DOCUMENT_PREFIX);

  /* Without printf: the loader calls this once per entry. */
  g_date_time_get_ymd (start, &year, &month, NULL);
  if (year < 1000 || year > 9999)
    return g_strdup_printf (LENTO_JOURNAL_DOCUMENT_PREFIX "%04d-%02d", year, month);

  name = g_malloc (prefix + sizeof "YYYY-MM");
  memcpy (name, LENTO_JOURNAL_DOCUMENT_PREFIX, prefix);
  name[prefix + 0] = '0' + year / 1000;
  name[prefix + 1] = '0' + year / 100 % 10;
  name[prefix + 2] = '0' + year / 10 % 10;
  name[prefix + 3] = '0' + year % 10;
  name[prefix + 4] = '-';
  name[prefix + 5] = '0' + month / 10;
  name[prefix + 6] = '0' + month % 10;
  name[prefix + 7] = '\0';
  return name;
}

static gboolean
invalid_document (const char  *name,
                  GError     **error)
{
  if (lento_journal_is_log_document (name))
    {
      g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                           _("The journal’s latest changes could not be read. "
                             "Restore their previous copy to see them."));
      return FALSE;
    }

  g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
               _("The journal for %s could not be read. "
                 "Restore its previous copy to see the entries of that month."),
               name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX));
  return FALSE;
}

static JsonArray *
parse_month (const char  *name,
             GBytes      *json,
             JsonParser  *parser,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (size == 0 || size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_debug ("%s: %s", name, local_error != NULL ? local_error->message : "empty");
      invalid_document (name, error);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid_document (name, error);
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      invalid_document (name, error);
      return NULL;
    }
  if (json_node_get_int (node) > LENTO_JOURNAL_MONTH_FORMAT &&
      lento_journal_is_log_document (name))
    {
      g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                           _("The journal’s latest changes were written by a newer version of "
                             "Lento. Update Lento to open them; until then the journal cannot "
                             "be changed."));
      return NULL;
    }
  if (json_node_get_int (node) > LENTO_JOURNAL_MONTH_FORMAT)
    {
      g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                   _("The journal for %s was written by a newer version of Lento. "
                     "Update Lento to open it; until then the journal cannot be changed."),
                   name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX));
      return NULL;
    }

  /* The log holds entries of any month; a month document, its own. */
  node = json_object_get_member (root, "month");
  if (!lento_journal_is_log_document (name) &&
      (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
       json_node_get_value_type (node) != G_TYPE_STRING ||
       g_strcmp0 (json_node_get_string (node),
                  name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX)) != 0))
    {
      invalid_document (name, error);
      return NULL;
    }

  node = json_object_get_member (root, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid_document (name, error);
      return NULL;
    }

  return json_node_get_array (node);
}

/* The top-level members of a month document that are not ours. */
static JsonObject *
unknown_members (JsonObject *root)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "format") || g_str_equal (member, "month") ||
          g_str_equal (member, "entries") ||
          (g_str_equal (member, "deleted") && JSON_NODE_HOLDS_ARRAY (node)))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, member, json_node_copy (node));
    }

  return extra;
}

/* Inserts records read from a document, sorted newest first, in as few
 * runs as possible: each run of records with no existing row between them
 * is one items-changed signal, emitted after that run is in the list.
 */
static void
insert_pending (LentoJournal *self,
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
              record_compare (g_ptr_array_index (pending, j),
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

/* A month document read into entries, without touching the journal, so
 * that it can be made in a worker thread and merged on the main thread.
 */
typedef struct
{
  char       *name;
  GPtrArray  *entries;       /* LentoEntry */
  GPtrArray  *unreadable;    /* JsonNode */
  GPtrArray  *tombstones;    /* Tombstone, without a home */
  GPtrArray  *unreadable_deleted;   /* JsonNode */
  JsonObject *extra;
  GError     *error;         /* set when the document could not be read */
} MonthData;

static void
month_data_free (MonthData *data)
{
  g_free (data->name);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->unreadable, g_ptr_array_unref);
  g_clear_pointer (&data->tombstones, g_ptr_array_unref);
  g_clear_pointer (&data->unreadable_deleted, g_ptr_array_unref);
  g_clear_pointer (&data->extra, json_object_unref);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MonthData, month_data_free)

static MonthData *
month_data_new (const char *name)
{
  MonthData *data = g_new0 (MonthData, 1);

  data->name = g_strdup (name);
  data->entries = g_ptr_array_new_with_free_func (g_object_unref);
  data->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  data->tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify)tombstone_free);
  data->unreadable_deleted = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  return data;
}

/* The "deleted" member, when it is an array (otherwise it is kept among
 * the unknown members). A tombstone that cannot be read is kept as it is.
 */
static void
parse_tombstones (MonthData  *data,
                  JsonObject *root)
{
  gboolean in_log = lento_journal_is_log_document (data->name);
  JsonNode *node = json_object_get_member (root, "deleted");
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element)
                                                            : NULL;
      const char *uuid = NULL;
      const char *deleted = NULL;
      const char *month = NULL;
      g_autofree char *home = NULL;
      GDateTime *when = NULL;
      Tombstone *tombstone;

      if (object != NULL)
        {
          uuid = json_object_get_string_member_with_default (object, "uuid", NULL);
          deleted = json_object_get_string_member_with_default (object, "deleted", NULL);
          month = json_object_get_string_member_with_default (object, "month", NULL);
        }
      /* In the log, each deletion names the month that keeps it. */
      if (in_log && month != NULL)
        home = g_strconcat (LENTO_JOURNAL_DOCUMENT_PREFIX, month, NULL);
      if (uuid != NULL && g_uuid_string_is_valid (uuid) && deleted != NULL &&
          (!in_log || (home != NULL && lento_journal_is_month_document (home))))
        when = g_date_time_new_from_iso8601 (deleted, NULL);
      if (when == NULL)
        {
          g_ptr_array_add (data->unreadable_deleted, json_node_copy (element));
          continue;
        }

      tombstone = g_new0 (Tombstone, 1);
      tombstone->uuid = g_strdup (uuid);
      tombstone->deleted = when;
      tombstone->home = g_steal_pointer (&home);
      g_ptr_array_add (data->tombstones, tombstone);
    }
}

/* Safe to call from any thread. Never fails: a document that cannot be
 * read comes back with its error set.
 */
static MonthData *
month_data_parse (const char *name,
                  GBytes     *json)
{
  g_autoptr(MonthData) data = month_data_new (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  guint n;

  array = parse_month (name, json, parser, &data->error);
  if (array == NULL)
    return g_steal_pointer (&data);

  data->extra = unknown_members (json_node_get_object (json_parser_get_root (parser)));
  parse_tombstones (data, json_node_get_object (json_parser_get_root (parser)));

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) entry_error = NULL;
      LentoEntry *entry = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        entry = lento_entry_new_from_json (json_node_get_object (node), &entry_error);

      if (entry == NULL)
        {
          /* Never drop what cannot be read: it goes back into the file. */
          g_debug ("%s: entry %u kept unread: %s", name, i,
                   entry_error != NULL ? entry_error->message : "not an object");
          g_ptr_array_add (data->unreadable, json_node_copy (node));
          continue;
        }

      g_ptr_array_add (data->entries, entry);
    }

  return g_steal_pointer (&data);
}

/* Takes an entry out of the journal because a tombstone covers it; its
 * month is saved without it.
 */
static void
bury_record (LentoJournal *self,
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

/* Merges one document's tombstones: the latest deletion of a UUID is kept,
 * and wins over every copy of the entry not edited since. @name is the
 * month document they come from, or %NULL for the log, whose tombstones
 * name their month themselves and stay in the log when they are kept.
 */
static void
merge_tombstones (LentoJournal *self,
                  MonthData    *data,
                  const char   *name,
                  GPtrArray    *pending)
{
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      Tombstone *incoming = g_ptr_array_index (data->tombstones, i);
      Tombstone *known = g_hash_table_lookup (self->tombstones, incoming->uuid);
      Record *record = g_hash_table_lookup (self->by_uuid, incoming->uuid);
      const char *home = name != NULL ? name : incoming->home;

      if (known != NULL && g_date_time_compare (known->deleted, incoming->deleted) >= 0)
        {
          /* One tombstone per UUID is enough: drop the older copy. */
          if (name != NULL && !g_str_equal (known->home, name))
            touch_month (self, name);
          continue;
        }

      if (record != NULL && g_date_time_compare (incoming->deleted,
                                                 lento_entry_get_modified (record->entry)) < 0)
        {
          /* Edited after this deletion: the entry stays, the tombstone goes. */
          if (name != NULL)
            touch_month (self, name);
          if (known != NULL)
            clear_tombstone (self, known);
          continue;
        }

      set_tombstone (self, incoming->uuid, incoming->deleted, home);
      if (record != NULL)
        bury_record (self, record, pending);
      if (name == NULL)
        {
          /* Not in its month yet: written there at the next fold. */
          touch_month (self, home);
          log_note (self, incoming->uuid);
        }
    }
}

/* Merges one entry read from month document @name, or from the log when
 * @name is %NULL; a record that is new goes to @pending. Returns %TRUE
 * when the journal now holds this copy of the entry.
 */
static gboolean
merge_entry (LentoJournal *self,
             LentoEntry   *entry,
             const char   *name,
             GPtrArray    *pending)
{
  Record *record = g_hash_table_lookup (self->by_uuid, lento_entry_get_uuid (entry));
  Tombstone *tombstone = g_hash_table_lookup (self->tombstones, lento_entry_get_uuid (entry));

  if (tombstone != NULL)
    {
      /* A copy of a deleted entry: this document is saved without it.
       * An entry edited after it was deleted wins over the deletion.
       */
      if (tombstone_covers (tombstone, entry))
        {
          if (name != NULL)
            touch_month (self, name);
          return FALSE;
        }
      clear_tombstone (self, tombstone);
    }

  if (record == NULL)
    {
      record = record_new (entry);
      record->pending = TRUE;
      g_hash_table_insert (self->by_uuid, record->uuid, record);
      g_ptr_array_add (pending, record);

      /* Taking the record counts as a change only if this document is
       * not its home: a misplaced copy must move.
       */
      g_hash_table_add (ensure_month (self, record->home)->records, record);
      if (name == NULL || !g_str_equal (record->home, name))
        {
          if (name != NULL)
            touch_month (self, name);
          mark_gained (self, record->home);
        }
      return TRUE;
    }

  if (lento_entry_equal (entry, record->entry))
    {
      /* The same entry again: harmless unless it sits in a document
       * that is not its home, which is the trace of a move that was
       * interrupted.
       */
      if (name != NULL && !g_str_equal (record->home, name))
        touch_month (self, name);
      return FALSE;
    }

  /* Two different copies of one entry: the newer wins and every
   * document involved is written again without the stale copy.
   */
  if (name != NULL)
    touch_month (self, name);
  touch_month (self, record->home);

  if (!entry_is_newer (entry, record->entry))
    return FALSE;

  if (record->pending)
    {
      g_hash_table_remove (ensure_month (self, record->home)->records, record);
      record_set_entry (record, entry);
      g_hash_table_add (ensure_month (self, record->home)->records, record);
    }
  else
    {
      swap_record_entry (self, record, entry);
    }
  mark_gained (self, record->home);
  return TRUE;
}

/* Merges the log: its entries and deletions are not in their months yet,
 * so they stay in the log, and their months are written at the next fold.
 */
static void
merge_log_data (LentoJournal *self,
                MonthData    *data,
                GPtrArray    *pending)
{
  Month *damaged;

  if (data->error != NULL)
    {
      lento_journal_mark_month_damaged (self, data->name);
      return;
    }

  self->merging = TRUE;
  self->log_disk_items += data->entries->len + data->tombstones->len +
                          data->unreadable->len + data->unreadable_deleted->len;
  merge_tombstones (self, data, NULL, pending);
  for (guint i = 0; i < data->entries->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (data->entries, i);

      if (merge_entry (self, entry, NULL, pending))
        log_note (self, lento_entry_get_uuid (entry));
    }
  g_ptr_array_extend_and_steal (self->log_unreadable, g_steal_pointer (&data->unreadable));
  data->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_ptr_array_extend_and_steal (self->log_unreadable_deleted,
                                g_steal_pointer (&data->unreadable_deleted));
  data->unreadable_deleted = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  if (data->extra != NULL)
    {
      g_clear_pointer (&self->log_extra, json_object_unref);
      self->log_extra = g_steal_pointer (&data->extra);
    }
  self->merging = FALSE;

  /* Read at last, for example from its previous copy. */
  damaged = g_hash_table_lookup (self->months, data->name);
  if (damaged != NULL && damaged->damaged)
    {
      damaged->damaged = FALSE;
      update_read_only (self);
    }
}

/* Merges one document's entries; the records that are new go to @pending. */
static void
merge_month_data (LentoJournal *self,
                  MonthData    *data,
                  GPtrArray    *pending)
{
  const char *name = data->name;
  Month *month;

  if (lento_journal_is_log_document (name))
    {
      merge_log_data (self, data, pending);
      return;
    }

  if (data->error != NULL)
    {
      lento_journal_mark_month_damaged (self, name);
      return;
    }

  self->merging = TRUE;
  month = ensure_month (self, name);
  g_clear_pointer (&month->extra, json_object_unref);
  month->extra = g_steal_pointer (&data->extra);
  g_ptr_array_unref (month->unreadable);
  month->unreadable = g_steal_pointer (&data->unreadable);
  data->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_ptr_array_unref (month->unreadable_deleted);
  month->unreadable_deleted = g_steal_pointer (&data->unreadable_deleted);
  data->unreadable_deleted = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);

  merge_tombstones (self, data, name, pending);

  for (guint i = 0; i < data->entries->len; i++)
    merge_entry (self, g_ptr_array_index (data->entries, i), name, pending);

  month->loaded = TRUE;
  if (month->damaged)
    {
      month->damaged = FALSE;
      update_read_only (self);
    }
  self->merging = FALSE;
}

static gboolean
check_month_name (const char  *name,
                  GError     **error)
{
  if (lento_journal_is_month_document (name) || lento_journal_is_log_document (name))
    return TRUE;

  g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
               _("“%s” is not a month of the journal. "
                 "This is a bug in Lento; please report it."),
               name);
  return FALSE;
}

/**
 * lento_journal_load_month:
 * @self: a #LentoJournal
 * @name: the document name, "journal/YYYY-MM"
 * @json: the document's bytes, as the vault returned them
 * @error: where to say why the month cannot be shown
 *
 * Merges a month document into the journal. New entries appear with
 * exact items-changed signals; an entry already in the journal is kept or
 * replaced by whichever copy was modified last, and any document that
 * held a stale or misplaced copy is marked to be saved again, so a move
 * between months that was interrupted is finished on the next save.
 *
 * Entries that cannot be read are kept as they are and written back.
 * A document that cannot be read at all marks the month damaged (see
 * lento_journal_mark_month_damaged()).
 *
 * Returns: %TRUE if the month was read
 */
gboolean
lento_journal_load_month (LentoJournal  *self,
                          const char    *name,
                          GBytes        *json,
                          GError       **error)
{
  g_autoptr(MonthData) data = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_month_name (name, error))
    return FALSE;

  data = month_data_parse (name, json);
  if (data->error != NULL)
    {
      lento_journal_mark_month_damaged (self, name);
      g_propagate_error (error, g_steal_pointer (&data->error));
      return FALSE;
    }

  pending = g_ptr_array_new ();
  merge_month_data (self, data, pending);
  insert_pending (self, pending);
  return TRUE;
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

  month = ensure_month (self, name);
  month->damaged = TRUE;
  update_read_only (self);
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

static void
set_recent_loaded (LentoJournal *self)
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

  set_recent_loaded (self);
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

static gboolean
month_can_be_saved (LentoJournal *self,
                    Month        *month)
{
  return !month->damaged && (month->loaded || self->loaded);
}

static gboolean
month_gained_since_saved (Month *month)
{
  return month->gained_generation > month->saved_generation;
}

/* Months that received an entry first, then by name. */
static int
compare_months_for_saving (gconstpointer a,
                           gconstpointer b)
{
  Month *ma = *(Month **)a;
  Month *mb = *(Month **)b;
  gboolean ga = month_gained_since_saved (ma);
  gboolean gb = month_gained_since_saved (mb);

  if (ga != gb)
    return ga ? -1 : 1;
  return strcmp (ma->name, mb->name);
}

/**
 * lento_journal_dup_dirty_months:
 * @self: a #LentoJournal
 *
 * The month documents that changed since they were last saved and may be
 * saved now: never a damaged month, and never a month that exists on disk
 * but was not read yet.
 *
 * Save them one after the other in the order given, each durably before
 * the next: months that received an entry come first, so that when an
 * entry moves between months and Lento stops half way, the entry is in
 * two files (and shown once) rather than in none.
 *
 * Returns: (transfer full): document names in saving order; empty when
 *   all is saved
 */
char **
lento_journal_dup_dirty_months (LentoJournal *self)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  GHashTableIter iter;
  Month *month;
  char **names;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);

  g_hash_table_iter_init (&iter, self->months);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&month))
    if (month->generation != month->saved_generation && month_can_be_saved (self, month) &&
        !lento_journal_is_log_document (month->name))
      g_ptr_array_add (months, month);

  g_ptr_array_sort (months, compare_months_for_saving);
  names = g_new0 (char *, months->len + 1);
  for (guint i = 0; i < months->len; i++)
    names[i] = g_strdup (((Month *)g_ptr_array_index (months, i))->name);
  return names;
}

static int
record_compare_oldest_first (gconstpointer a,
                             gconstpointer b)
{
  return -record_compare (*(Record **)a, *(Record **)b);
}

static int
compare_tombstones (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(Tombstone **)a)->uuid, (*(Tombstone **)b)->uuid);
}

/* @tombstones sorted by UUID, so that the same tombstones always give the
 * same bytes; then what could not be read, as it was. In the log, each
 * tombstone names its month.
 */
static JsonArray *
tombstones_to_json (GPtrArray *tombstones,
                    GPtrArray *unreadable,
                    gboolean   with_month)
{
  JsonArray *array = json_array_sized_new (tombstones->len + unreadable->len);

  g_ptr_array_sort (tombstones, compare_tombstones);
  for (guint i = 0; i < tombstones->len; i++)
    {
      Tombstone *tombstone = g_ptr_array_index (tombstones, i);
      JsonObject *object = json_object_new ();
      g_autofree char *deleted = g_date_time_format_iso8601 (tombstone->deleted);

      json_object_set_string_member (object, "uuid", tombstone->uuid);
      json_object_set_string_member (object, "deleted", deleted);
      if (with_month)
        json_object_set_string_member (object, "month",
                                       tombstone->home + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX));
      json_array_add_object_element (array, object);
    }
  for (guint i = 0; i < unreadable->len; i++)
    json_array_add_element (array, json_node_copy (g_ptr_array_index (unreadable, i)));

  return array;
}

static JsonArray *
serialize_tombstones (Month *month)
{
  g_autoptr(GPtrArray) tombstones = g_ptr_array_sized_new (g_hash_table_size (month->tombstones));
  GHashTableIter iter;
  gpointer found;

  g_hash_table_iter_init (&iter, month->tombstones);
  while (g_hash_table_iter_next (&iter, &found, NULL))
    g_ptr_array_add (tombstones, found);

  return tombstones_to_json (tombstones, month->unreadable_deleted, FALSE);
}

/* Writes back, in their order, the top-level members a document held
 * that this Lento does not know.
 */
static void
add_unknown_members (JsonObject *root,
                     JsonObject *extra)
{
  JsonObjectIter members;
  const char *member;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&members, extra);
  while (json_object_iter_next_ordered (&members, &member, &node))
    json_object_set_member (root, member, json_node_copy (node));
}

static GBytes *
generate (JsonObject *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root_node = json_node_init_object (json_node_alloc (), root);
  gsize length;
  char *text;

  json_generator_set_root (generator, root_node);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/**
 * lento_journal_serialize_log:
 * @self: a #LentoJournal
 *
 * Writes the change log: the entries and deletions changed since their
 * months were last written, oldest first, and what the log held but could
 * not read, as it was.
 *
 * Returns: (transfer full): the bytes of "journal/log"
 */
GBytes *
lento_journal_serialize_log (LentoJournal *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) tombstones = NULL;
  JsonObject *root;
  JsonArray *array;
  GHashTableIter iter;
  gpointer uuid;
  GBytes *bytes;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);

  records = g_ptr_array_sized_new (g_hash_table_size (self->log));
  tombstones = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->log);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    {
      Record *record = g_hash_table_lookup (self->by_uuid, uuid);
      Tombstone *tombstone = g_hash_table_lookup (self->tombstones, uuid);

      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (tombstone != NULL)
        g_ptr_array_add (tombstones, tombstone);
    }
  g_ptr_array_sort (records, record_compare_oldest_first);

  root = json_object_new ();
  json_object_set_int_member (root, "format", LENTO_JOURNAL_MONTH_FORMAT);
  add_unknown_members (root, self->log_extra);
  array = json_array_sized_new (records->len + self->log_unreadable->len);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      json_array_add_object_element (array, lento_entry_to_json (record->entry));
    }
  /* What could not be read goes back as it was. */
  for (guint i = 0; i < self->log_unreadable->len; i++)
    json_array_add_element (array, json_node_copy (g_ptr_array_index (self->log_unreadable, i)));
  json_object_set_array_member (root, "entries", array);
  if (tombstones->len > 0 || self->log_unreadable_deleted->len > 0)
    json_object_set_array_member (root, "deleted",
                                  tombstones_to_json (tombstones, self->log_unreadable_deleted,
                                                      TRUE));

  self->log_serialized_items = records->len + tombstones->len +
                               self->log_unreadable->len + self->log_unreadable_deleted->len;
  bytes = generate (root);
  json_object_unref (root);
  return bytes;
}

/**
 * lento_journal_serialize_month:
 * @self: a #LentoJournal
 * @name: a month document name, "journal/YYYY-MM"
 * @error: where to say why the month cannot be written
 *
 * Writes the month document: its entries oldest first, the entries and
 * the top-level members it held but could not read, as they were. Pass
 * the bytes to the vault, and call lento_journal_mark_saved() once they
 * are on disk.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set for a damaged month or a month not read yet
 */
GBytes *
lento_journal_serialize_month (LentoJournal  *self,
                               const char    *name,
                               GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (lento_journal_is_month_document (name), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _lento_journal_serialize_month (self, name, NULL, error);
}

/* Also gives the generation the bytes hold, for
 * _lento_journal_mark_saved_generation(), so that saves that overlap
 * never mark a month saved with bytes that are not on disk yet.
 */
GBytes *
_lento_journal_serialize_month (LentoJournal  *self,
                                const char    *name,
                                guint64       *generation,
                                GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  JsonObject *root;
  JsonArray *array;
  GHashTableIter iter;
  gpointer found;
  Month *month;
  GBytes *bytes;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (lento_journal_is_month_document (name), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  month = ensure_month (self, name);
  if (!month_can_be_saved (self, month))
    {
      g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                   _("The journal for %s cannot be saved because it was not read. "
                     "Restore its previous copy, then try again."),
                   name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX));
      return NULL;
    }

  /* Only the month saved last keeps its entries' JSON, where the next edit
   * most likely falls: saving every month (after an import) must not keep
   * a second copy of the whole journal in memory.
   */
  if (g_strcmp0 (self->cached_month, name) != 0)
    {
      Month *previous = self->cached_month != NULL ?
                        g_hash_table_lookup (self->months, self->cached_month) : NULL;

      if (previous != NULL)
        {
          g_hash_table_iter_init (&iter, previous->records);
          while (g_hash_table_iter_next (&iter, &found, NULL))
            g_clear_pointer (&((Record *)found)->json, json_object_unref);
        }
      g_free (self->cached_month);
      self->cached_month = g_strdup (name);
    }

  records = g_ptr_array_sized_new (g_hash_table_size (month->records));
  g_hash_table_iter_init (&iter, month->records);
  while (g_hash_table_iter_next (&iter, &found, NULL))
    g_ptr_array_add (records, found);
  g_ptr_array_sort (records, record_compare_oldest_first);

  root = json_object_new ();
  json_object_set_int_member (root, "format", LENTO_JOURNAL_MONTH_FORMAT);
  json_object_set_string_member (root, "month", name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX));

  add_unknown_members (root, month->extra);

  array = json_array_sized_new (records->len + month->unreadable->len);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      json_array_add_object_element (array, record_dup_json (record));
    }
  for (guint i = 0; i < month->unreadable->len; i++)
    json_array_add_element (array, json_node_copy (g_ptr_array_index (month->unreadable, i)));
  json_object_set_array_member (root, "entries", array);

  if (g_hash_table_size (month->tombstones) > 0 || month->unreadable_deleted->len > 0)
    json_object_set_array_member (root, "deleted", serialize_tombstones (month));

  bytes = generate (root);
  json_object_unref (root);

  month->serialized_generation = month->generation;
  if (generation != NULL)
    *generation = month->generation;
  return bytes;
}

/**
 * lento_journal_mark_saved:
 * @self: a #LentoJournal
 * @name: a month document name
 *
 * Records that the bytes last returned by lento_journal_serialize_month()
 * for @name are on disk. A change made after they were serialised keeps
 * the month dirty.
 */
void
lento_journal_mark_saved (LentoJournal *self,
                          const char   *name)
{
  Month *month;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (name != NULL);

  month = g_hash_table_lookup (self->months, name);
  if (month != NULL)
    month->saved_generation = month->serialized_generation;
}

void
_lento_journal_mark_saved_generation (LentoJournal *self,
                                      const char   *name,
                                      guint64       generation)
{
  Month *month = g_hash_table_lookup (self->months, name);

  if (month != NULL)
    month->saved_generation = MAX (month->saved_generation, generation);
}

/* The log, for lento_journal_save_async(). */

/* TRUE when this save may write the log alone: everything changed is in
 * it, and it is still short.
 */
gboolean
_lento_journal_log_can_take (LentoJournal *self)
{
  guint size = g_hash_table_size (self->log);

  return self->loaded && !self->read_only && size > 0 && size <= LENTO_JOURNAL_LOG_MAX;
}

gsize
_lento_journal_get_log_stamp (LentoJournal *self)
{
  return self->log_stamp;
}

/* The months in @written are on disk: what the log held for them up to
 * @stamp is no longer needed there. Returns %TRUE when the log must be
 * written again: the copy on disk holds something, or the log does.
 */
gboolean
_lento_journal_log_folded (LentoJournal       *self,
                           const char * const *written,
                           gsize               stamp)
{
  GHashTableIter iter;
  gpointer uuid, value;

  g_hash_table_iter_init (&iter, self->log);
  while (g_hash_table_iter_next (&iter, &uuid, &value))
    {
      Record *record = g_hash_table_lookup (self->by_uuid, uuid);
      Tombstone *tombstone = g_hash_table_lookup (self->tombstones, uuid);
      const char *home = record != NULL ? record->home
                         : tombstone != NULL ? tombstone->home : NULL;

      if (GPOINTER_TO_SIZE (value) > stamp)
        continue;
      if (home == NULL || g_strv_contains (written, home))
        g_hash_table_iter_remove (&iter);
    }

  return self->log_disk_items > 0 || g_hash_table_size (self->log) > 0;
}

void
_lento_journal_log_written (LentoJournal *self)
{
  self->log_disk_items = self->log_serialized_items;
}

/* Progressive loading. A worker thread reads and parses month documents,
 * the current and the previous month first and then the rest newest
 * first; the main thread merges whatever is ready in one go, so the list
 * grows in few, exact items-changed signals and the recent past shows at
 * once.
 */
typedef struct
{
  GStrv                 names;           /* in reading order */
  guint                 n_recent;
  LentoJournalReadFunc  read_func;
  gpointer              read_data;
  GDestroyNotify        read_destroy;
  GMainContext         *context;
  GTask                *task;            /* under mutex; dropped once returned */

  GMutex                mutex;
  GPtrArray            *ready;           /* MonthData, under mutex */
  guint                 n_read;          /* under mutex */
  gboolean              done;            /* under mutex */
  gboolean              idle_pending;    /* under mutex */

  guint                 n_merged;        /* main thread only */
} LoadData;

static void
load_data_clear (gpointer pointer)
{
  LoadData *data = pointer;

  g_strfreev (data->names);
  g_clear_object (&data->task);
  if (data->read_destroy != NULL)
    data->read_destroy (data->read_data);
  g_main_context_unref (data->context);
  g_clear_pointer (&data->ready, g_ptr_array_unref);
  g_mutex_clear (&data->mutex);
}

static void
load_data_unref (LoadData *data)
{
  g_atomic_rc_box_release_full (data, load_data_clear);
}

static gboolean
merge_ready_cb (gpointer user_data)
{
  GTask *task = user_data;
  LentoJournal *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  gboolean done;

  g_mutex_lock (&data->mutex);
  ready = g_steal_pointer (&data->ready);
  data->ready = g_ptr_array_new_with_free_func ((GDestroyNotify)month_data_free);
  done = data->done;
  data->idle_pending = FALSE;
  g_mutex_unlock (&data->mutex);

  for (guint i = 0; i < ready->len; i++)
    merge_month_data (self, g_ptr_array_index (ready, i), pending);
  insert_pending (self, pending);
  data->n_merged += ready->len;

  if (data->n_merged >= data->n_recent)
    set_recent_loaded (self);

  if (done)
    {
      if (!g_task_return_error_if_cancelled (task))
        {
          lento_journal_set_loaded (self);
          g_task_return_boolean (task, TRUE);
        }

      /* The worker is finished; this breaks the task <-> data cycle here,
       * on the main thread, so the task is never finalized by the worker.
       */
      g_mutex_lock (&data->mutex);
      g_clear_object (&data->task);
      g_mutex_unlock (&data->mutex);
    }

  return G_SOURCE_REMOVE;
}

/* Called with the mutex held. */
static void
schedule_merge (LoadData *data)
{
  GSource *source;

  if (data->idle_pending)
    return;

  data->idle_pending = TRUE;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_name (source, "[lento] merge journal months");
  g_source_set_callback (source, merge_ready_cb, g_object_ref (data->task), g_object_unref);
  g_source_attach (source, data->context);
  g_source_unref (source);
}

/* Runs in GLib's worker pool rather than a thread of its own: a pool
 * thread is kept warm between loads (its malloc arena too), which saves a
 * good share of the CPU time of reading a large journal again after a lock.
 */
static void
load_thread (GTask        *worker,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *worker_cancellable)
{
  LoadData *data = task_data;
  GCancellable *cancellable;

  g_mutex_lock (&data->mutex);
  cancellable = g_task_get_cancellable (data->task);
  g_mutex_unlock (&data->mutex);

  for (guint i = 0; data->names[i] != NULL; i++)
    {
      const char *name = data->names[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      MonthData *month;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      bytes = data->read_func (name, data->read_data, cancellable, &error);
      if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          /* Removed since it was listed: nothing to show, nothing lost. */
          month = NULL;
        }
      else if (bytes == NULL)
        {
          g_debug ("%s: %s", name, error != NULL ? error->message : "no bytes");
          month = month_data_new (name);
          month->error = error != NULL ? g_steal_pointer (&error)
                                       : g_error_new_literal (LENTO_CORE_ERROR,
                                                              LENTO_CORE_ERROR_FAILED, "");
        }
      else
        {
          month = month_data_parse (name, bytes);
        }

      g_mutex_lock (&data->mutex);
      if (month != NULL)
        g_ptr_array_add (data->ready, month);
      data->n_read = i + 1;
      /* The recent months go to the main thread together, as soon as both
       * are read; after that, whatever is ready whenever it is free.
       */
      if (data->n_read >= data->n_recent)
        schedule_merge (data);
      g_mutex_unlock (&data->mutex);
    }

  g_mutex_lock (&data->mutex);
  data->done = TRUE;
  schedule_merge (data);
  g_mutex_unlock (&data->mutex);

  g_task_return_boolean (worker, TRUE);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char **)a, *(const char **)b);
}

/* The order lento_journal_load_async() reads @names in: the current
 * month, the previous month, the log, then the other months newest first.
 * Names that are neither months nor the log are left out; @n_recent is how
 * many of the first names are the current and previous month and the log.
 */
GStrv
_lento_journal_loading_order (const char * const *names,
                              GDateTime          *now,
                              guint              *n_recent)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) month_ago = NULL;
  g_autofree char *current = NULL;
  g_autofree char *previous = NULL;

  today = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  month_ago = g_date_time_add_months (today, -1);
  current = lento_journal_month_document_for (today);
  previous = lento_journal_month_document_for (month_ago);
  *n_recent = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!lento_journal_is_month_document (names[i]))
        continue;
      if (g_str_equal (names[i], current) || g_str_equal (names[i], previous))
        continue;
      g_ptr_array_add (ordered, g_strdup (names[i]));
    }
  g_ptr_array_sort (ordered, compare_names_newest_first);
  if (g_strv_contains (names, previous))
    {
      g_ptr_array_insert (ordered, 0, g_strdup (previous));
      (*n_recent)++;
    }
  if (g_strv_contains (names, current))
    {
      g_ptr_array_insert (ordered, 0, g_strdup (current));
      (*n_recent)++;
    }
  /* The log holds the latest changes, which the recent past must show. */
  if (g_strv_contains (names, LENTO_JOURNAL_LOG_DOCUMENT))
    {
      g_ptr_array_insert (ordered, *n_recent, g_strdup (LENTO_JOURNAL_LOG_DOCUMENT));
      (*n_recent)++;
    }
  g_ptr_array_add (ordered, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&ordered), FALSE);
}

/**
 * lento_journal_load_async:
 * @self: a #LentoJournal
 * @names: the month documents that exist, in any order; other names are ignored
 * @now: (nullable): today, to know the current month; %NULL for now
 * @read_func: (scope notified): reads one document; called in a worker thread
 * @read_data: data for @read_func
 * @read_destroy: (nullable): frees @read_data, on any thread
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every month is in the journal
 * @user_data: data for @callback
 *
 * Reads the whole journal without blocking: the current and the previous
 * month first ("recent-loaded" turns %TRUE when they are in the list),
 * then the others from the newest to the oldest. Entries are parsed in
 * the worker thread and added on the thread-default main context of the
 * caller, a batch of months at a time, with exact items-changed signals.
 *
 * A month that cannot be read is marked damaged and the journal becomes
 * read-only; the load still completes. A month @read_func reports as
 * %G_IO_ERROR_NOT_FOUND is skipped.
 */
void
lento_journal_load_async (LentoJournal         *self,
                          const char * const   *names,
                          GDateTime            *now,
                          LentoJournalReadFunc  read_func,
                          gpointer              read_data,
                          GDestroyNotify        read_destroy,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (names != NULL);
  g_return_if_fail (read_func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_journal_load_async);

  data = g_atomic_rc_box_new0 (LoadData);
  data->read_func = read_func;
  data->read_data = read_data;
  data->read_destroy = read_destroy;
  data->context = g_main_context_ref_thread_default ();
  data->task = g_object_ref (task);
  data->ready = g_ptr_array_new_with_free_func ((GDestroyNotify)month_data_free);
  g_mutex_init (&data->mutex);
  data->names = _lento_journal_loading_order (names, now, &data->n_recent);

  /* The task data holds one reference, the thread the other. */
  g_task_set_task_data (task, g_atomic_rc_box_acquire (data), (GDestroyNotify)load_data_unref);
  worker = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (worker, load_thread);
  g_task_set_task_data (worker, data, (GDestroyNotify)load_data_unref);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * lento_journal_load_finish:
 * @self: a #LentoJournal
 * @result: the result given to the callback
 * @error: where to report cancellation
 *
 * Returns: %TRUE when every month was read (damaged months included; see
 *   lento_journal_dup_damaged_months())
 */
gboolean
lento_journal_load_finish (LentoJournal  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lento_journal_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
