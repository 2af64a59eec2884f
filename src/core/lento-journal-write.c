/* lento-journal-write.c
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

/* Writing the journal back: which month documents must be saved, their
 * bytes and those of the change log, and what the log may forget once the
 * months are on disk. lento-journal-vault.c hands the bytes to the vault.
 */

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
  return -_lento_journal_record_compare (*(Record **)a, *(Record **)b);
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

  month = _lento_journal_ensure_month (self, name);
  if (!month_can_be_saved (self, month))
    {
      g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                   /* Translators: %s is a month of the journal, like “2026-03”. */
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
