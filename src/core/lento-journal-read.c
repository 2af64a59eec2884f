/* lento-journal-read.c
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
#include "lento-entry-private.h"
#include "lento-journal.h"
#include "lento-journal-private.h"
#include "lento-json.h"

/* Reading month documents and the change log into the journal. A document
 * is first parsed into a MonthData without touching the journal, so that
 * the loader (lento-journal-load.c) can parse in a worker thread; merging
 * it into the journal happens on the main thread.
 */

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
               /* Translators: %s is a month of the journal, like “2026-03”. */
               _("The journal for %s could not be read. "
                 "Restore its previous copy to see the entries of that month."),
               name + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX));
  return FALSE;
}

/* lento_json_is_writable() for a document's root, but for the entries
 * themselves: month_data_parse() checks each entry just before reading it,
 * while its nodes are still in the cache, rather than in a walk of its own.
 */
static gboolean
root_is_writable (JsonObject *root)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (!g_utf8_validate (member, -1, NULL))
        return FALSE;
      if (g_str_equal (member, "entries") && JSON_NODE_HOLDS_ARRAY (node))
        continue;
      if (!lento_json_is_writable (node))
        return FALSE;
    }

  return TRUE;
}

/* The rest of lento_json_is_writable() for a document's root. */
static gboolean
entries_are_writable (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "entries");

  return node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || lento_json_is_writable (node);
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
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !root_is_writable (json_node_get_object (node)))
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
  /* A document that cannot be written back is unreadable, whatever its
   * version says.
   */
  if (json_node_get_int (node) > LENTO_JOURNAL_MONTH_FORMAT && !entries_are_writable (root))
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
                   /* Translators: %s is a month of the journal, like “2026-03”. */
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

void
_lento_journal_month_data_free (MonthData *data)
{
  g_free (data->name);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->unreadable, g_ptr_array_unref);
  g_clear_pointer (&data->tombstones, g_ptr_array_unref);
  g_clear_pointer (&data->unreadable_deleted, g_ptr_array_unref);
  g_clear_pointer (&data->extra, json_object_unref);
  g_clear_pointer (&data->note, json_object_unref);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MonthData, _lento_journal_month_data_free)

MonthData *
_lento_journal_month_data_new (const char *name)
{
  MonthData *data = g_new0 (MonthData, 1);

  data->name = g_strdup (name);
  data->entries = g_ptr_array_new_with_free_func (g_object_unref);
  data->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  data->tombstones =
    g_ptr_array_new_with_free_func ((GDestroyNotify)_lento_journal_tombstone_free);
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
          uuid = lento_json_get_string (object, "uuid");
          deleted = lento_json_get_string (object, "deleted");
          month = lento_json_get_string (object, "month");
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
MonthData *
_lento_journal_month_data_parse (const char *name,
                                 GBytes     *json)
{
  g_autoptr(MonthData) data = _lento_journal_month_data_new (name);
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

      if (!lento_json_is_writable (node))
        {
          /* As if the document did not parse: nothing of it is kept. */
          MonthData *damaged = _lento_journal_month_data_new (name);

          invalid_document (name, &damaged->error);
          return damaged;
        }

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

/* Whether the coach's rules that reach back to any month may need
 * @entry: a clinician note, or a session that bled or carries @tag. */
static gboolean
entry_is_noted (LentoEntry *entry,
                const char *tag)
{
  switch (lento_entry_get_kind (entry))
    {
    case LENTO_ENTRY_KIND_CLINICIAN_NOTE:
      return TRUE;
    case LENTO_ENTRY_KIND_SESSION:
      return lento_entry_get_bleeding (entry) != LENTO_BLEEDING_NONE ||
             lento_entry_has_tag (entry, tag);
    case LENTO_ENTRY_KIND_REST:
    default:
      return FALSE;
    }
}

/* Whether session @a started before @b; on the same instant, the smaller
 * UUID comes first, so that the answer never depends on the order. */
static gboolean
session_is_older (LentoEntry *a,
                  LentoEntry *b)
{
  int order = g_date_time_compare (lento_entry_get_start (a), lento_entry_get_start (b));

  if (order != 0)
    return order < 0;
  return strcmp (lento_entry_get_uuid (a), lento_entry_get_uuid (b)) < 0;
}

/* @entry as a note keeps it: only what the coach reads of an older month
 * (when, what kind, the bleeding and the marker tag) and what tells copies
 * apart (the UUID and when it was last changed). The manifest that carries the notes is
 * written with every save, so they stay small.
 */
static JsonObject *
noted_entry_to_json (LentoEntry *entry,
                     const char *tag)
{
  static const char * const kept[] = {
    KEY_UUID, KEY_KIND, KEY_MODIFIED, KEY_START, KEY_BLEEDING,
  };
  g_autoptr(JsonObject) full = lento_entry_to_json (entry);
  JsonObject *noted = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      JsonNode *member = json_object_get_member (full, kept[i]);

      if (member != NULL)
        json_object_set_member (noted, kept[i], json_node_copy (member));
    }

  if (lento_entry_has_tag (entry, tag))
    {
      JsonArray *tags = json_array_sized_new (1);

      json_array_add_string_element (tags, tag);
      json_object_set_array_member (noted, KEY_TAGS, tags);
    }

  return noted;
}

/**
 * _lento_journal_month_data_make_note:
 * @data: a month document, parsed
 * @tag: the tag that marks heavy bleeding
 *
 * Makes the month's note (see "The manifest" in docs/FORMAT.md) from what
 * the document itself holds: every clinician note, every session that
 * bled or carries @tag, and the oldest session, each once and only with
 * what the coach reads of them. Safe to call from any thread.
 *
 * Returns: (transfer full): the note
 */
JsonObject *
_lento_journal_month_data_make_note (MonthData  *data,
                                     const char *tag)
{
  g_autoptr(GHashTable) noted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) entries = json_array_new ();
  LentoEntry *oldest = NULL;
  JsonObject *note;

  g_assert (data->error == NULL);
  g_assert (tag != NULL);

  for (guint i = 0; i < data->entries->len; i++)
    {
      LentoEntry *entry = g_ptr_array_index (data->entries, i);

      if (lento_entry_get_kind (entry) == LENTO_ENTRY_KIND_SESSION &&
          (oldest == NULL || session_is_older (entry, oldest)))
        oldest = entry;
      if (entry_is_noted (entry, tag) &&
          g_hash_table_add (noted, (gpointer)lento_entry_get_uuid (entry)))
        json_array_add_object_element (entries, noted_entry_to_json (entry, tag));
    }
  if (oldest != NULL && g_hash_table_add (noted, (gpointer)lento_entry_get_uuid (oldest)))
    json_array_add_object_element (entries, noted_entry_to_json (oldest, tag));

  note = json_object_new ();
  json_object_set_string_member (note, "tag", tag);
  json_object_set_array_member (note, "entries", g_steal_pointer (&entries));
  return note;
}

static void
touch_month (LentoJournal *self,
             const char   *name)
{
  _lento_journal_ensure_month (self, name)->generation++;
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
            _lento_journal_clear_tombstone (self, known);
          continue;
        }

      _lento_journal_set_tombstone (self, incoming->uuid, incoming->deleted, home);
      if (record != NULL)
        _lento_journal_bury_record (self, record, pending);
      if (name == NULL)
        {
          /* Not in its month yet: written there at the next fold. */
          touch_month (self, home);
          _lento_journal_log_note (self, incoming->uuid);
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
  const char *uuid = lento_entry_get_uuid (entry);
  Record *record = g_hash_table_lookup (self->by_uuid, uuid);
  Tombstone *tombstone = NULL;

  /* Most journals have no deletions: hashing the UUID again for nothing
   * would be a good share of merging an entry.
   */
  if (g_hash_table_size (self->tombstones) > 0)
    tombstone = g_hash_table_lookup (self->tombstones, uuid);

  if (tombstone != NULL)
    {
      /* A copy of a deleted entry: this document is saved without it.
       * An entry edited after it was deleted wins over the deletion.
       */
      if (_lento_journal_tombstone_covers (tombstone, entry))
        {
          if (name != NULL)
            touch_month (self, name);
          return FALSE;
        }
      _lento_journal_clear_tombstone (self, tombstone);
    }

  if (record == NULL)
    {
      record = _lento_journal_record_new (entry);
      record->pending = TRUE;
      g_hash_table_insert (self->by_uuid, record->uuid, record);
      g_ptr_array_add (pending, record);

      /* Taking the record counts as a change only if this document is
       * not its home: a misplaced copy must move.
       */
      g_hash_table_add (_lento_journal_ensure_month (self, record->home)->records, record);
      if (name == NULL || !g_str_equal (record->home, name))
        {
          if (name != NULL)
            touch_month (self, name);
          _lento_journal_mark_gained (self, record->home);
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

  if (!_lento_journal_entry_is_newer (entry, record->entry))
    return FALSE;

  if (record->pending)
    {
      g_hash_table_remove (_lento_journal_ensure_month (self, record->home)->records, record);
      _lento_journal_record_set_entry (record, entry);
      g_hash_table_add (_lento_journal_ensure_month (self, record->home)->records, record);
    }
  else
    {
      _lento_journal_swap_record_entry (self, record, entry);
    }
  _lento_journal_mark_gained (self, record->home);
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
        _lento_journal_log_note (self, lento_entry_get_uuid (entry));
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
      _lento_journal_update_read_only (self);
    }
}

/* Merges one document's entries; the records that are new go to @pending. */
void
_lento_journal_merge_month_data (LentoJournal *self,
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
  month = _lento_journal_ensure_month (self, name);
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
      _lento_journal_update_read_only (self);
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
               /* Translators: %s is the name of a part of the journal, like “journal/2026-03”. */
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

  data = _lento_journal_month_data_parse (name, json);
  if (data->error != NULL)
    {
      lento_journal_mark_month_damaged (self, name);
      g_propagate_error (error, g_steal_pointer (&data->error));
      return FALSE;
    }

  pending = g_ptr_array_new ();
  _lento_journal_merge_month_data (self, data, pending);
  _lento_journal_insert_pending (self, pending);
  return TRUE;
}
