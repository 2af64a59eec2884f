/* lento-journal-vault.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal"

#include "config.h"

#include <string.h>

#include "lento-journal-private.h"
#include "lento-journal-vault.h"

/* The journal on top of the vault. Two threads share a month's work: a
 * reading thread reads and decrypts the documents through a
 * LentoVaultReader, a few ahead, while the loader's worker parses the ones
 * already read. Neither waits for the main context, which may be busy
 * drawing the window's first frames. What each read found (a damaged,
 * missing or rolled-back month) is committed to the vault on the main
 * context, before that month is merged into the journal.
 *
 * With a marker tag, a load that reads every month leaves a note of each
 * in the vault's manifest, and the next load gives those notes' entries
 * for the months it has not read yet (lento_journal_dup_early_history()).
 */

/* How many documents may wait, read but not parsed yet. */
#define READ_AHEAD 8

typedef struct
{
  GBytes *bytes;
  GError *error;
} ReadResult;

typedef struct
{
  LentoVault       *vault;      /* main context only */
  GMainContext     *context;
  LentoVaultReader *reader;
  GStrv             names;      /* in loading order */
  GHashTable       *generations; /* main context: name -> the generation read */

  GMutex            mutex;
  GCond             cond;
  GHashTable       *ready;      /* name -> ReadResult, under mutex */
  guint             n_ahead;    /* under mutex: read, not taken yet */
  gboolean          closed;     /* under mutex: the loader no longer reads */
  gboolean          reading;    /* under mutex: the reading thread runs */
} VaultReader;

static void
read_result_free (ReadResult *result)
{
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_error (&result->error);
  g_free (result);
}

/* On the main context, once both threads are done with @user_data: the
 * reader holds the data keys, and the vault is the main context's. */
static gboolean
free_reader_cb (gpointer user_data)
{
  VaultReader *reader = user_data;

  lento_vault_reader_free (reader->reader);
  g_object_unref (reader->vault);
  g_main_context_unref (reader->context);
  g_strfreev (reader->names);
  g_hash_table_unref (reader->generations);
  g_hash_table_unref (reader->ready);
  g_mutex_clear (&reader->mutex);
  g_cond_clear (&reader->cond);
  g_free (reader);
  return G_SOURCE_REMOVE;
}

static gpointer
read_thread (gpointer user_data)
{
  VaultReader *reader = user_data;

  for (guint i = 0; reader->names[i] != NULL; i++)
    {
      ReadResult *result = g_new0 (ReadResult, 1);

      g_mutex_lock (&reader->mutex);
      while (!reader->closed && reader->n_ahead >= READ_AHEAD)
        g_cond_wait (&reader->cond, &reader->mutex);
      if (reader->closed)
        {
          g_mutex_unlock (&reader->mutex);
          g_free (result);
          break;
        }
      g_mutex_unlock (&reader->mutex);

      result->bytes = lento_vault_reader_read (reader->reader, reader->names[i], &result->error);

      g_mutex_lock (&reader->mutex);
      g_hash_table_insert (reader->ready, reader->names[i], result);
      reader->n_ahead++;
      g_cond_broadcast (&reader->cond);
      g_mutex_unlock (&reader->mutex);
    }

  g_mutex_lock (&reader->mutex);
  reader->reading = FALSE;
  g_cond_broadcast (&reader->cond);
  g_mutex_unlock (&reader->mutex);
  return NULL;
}

/* The loader is done with @user_data, on any thread: the reading thread
 * stops, and the rest is freed on the main context. */
static void
vault_reader_close (gpointer user_data)
{
  VaultReader *reader = user_data;

  g_mutex_lock (&reader->mutex);
  reader->closed = TRUE;
  g_cond_broadcast (&reader->cond);
  while (reader->reading)
    g_cond_wait (&reader->cond, &reader->mutex);
  g_mutex_unlock (&reader->mutex);
  g_main_context_invoke (reader->context, free_reader_cb, reader);
}

static GBytes *
vault_read_func (const char    *name,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  VaultReader *reader = user_data;
  ReadResult *result = NULL;
  GBytes *bytes;

  g_mutex_lock (&reader->mutex);
  while (!g_hash_table_steal_extended (reader->ready, name, NULL, (gpointer *)&result))
    g_cond_wait (&reader->cond, &reader->mutex);
  reader->n_ahead--;
  g_cond_broadcast (&reader->cond);
  g_mutex_unlock (&reader->mutex);

  if (result->bytes == NULL &&
      g_error_matches (result->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
  else if (result->bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&result->error));
  bytes = g_steal_pointer (&result->bytes);
  read_result_free (result);
  return bytes;
}

static void
vault_commit_func (const char *name,
                   gpointer    user_data)
{
  VaultReader *reader = user_data;
  guint64 generation;

  /* A month's note describes the generation it was made from. */
  if (lento_vault_reader_get_generation (reader->reader, name, &generation))
    g_hash_table_replace (reader->generations, g_strdup (name),
                          g_memdup2 (&generation, sizeof generation));
  lento_vault_reader_commit (reader->reader, reader->vault, name);
}

/* What a load from the vault needs once it is done. */
typedef struct
{
  LentoVault *vault;
  GHashTable *generations;   /* shared with the VaultReader */
} LoadFromVault;

static void
load_from_vault_free (LoadFromVault *load)
{
  g_object_unref (load->vault);
  g_hash_table_unref (load->generations);
  g_free (load);
}

/* Whether @vault's note of @name was made for @tag. */
static gboolean
note_has_tag (LentoVault *vault,
              const char *name,
              const char *tag)
{
  g_autoptr(JsonObject) note = lento_vault_dup_document_note (vault, name);
  JsonNode *node = note != NULL ? json_object_get_member (note, "tag") : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (node), tag) == 0;
}

/* Whether @vault's note of @name is @note already. */
static gboolean
note_is_current (LentoVault *vault,
                 const char *name,
                 JsonObject *note)
{
  g_autoptr(JsonObject) held = lento_vault_dup_document_note (vault, name);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  if (held == NULL)
    return FALSE;
  a = json_node_init_object (json_node_alloc (), held);
  b = json_node_init_object (json_node_alloc (), note);
  return json_node_equal (a, b);
}

/* Once every month was read, and the journal can be written: the months
 * whose note is not the one made of what was read (missing, because the
 * month was written since the last load; made for another tag; or not
 * readable, from another version) get that one, in one write of the
 * manifest. A month written since it was read is left out by the vault;
 * the next load notes it. Not a failure the person needs to hear of.
 */
static void
set_month_notes (LentoJournal  *self,
                 LoadFromVault *load)
{
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) damaged = NULL;
  GHashTableIter iter;
  const char *name;
  JsonObject *note;

  damaged = lento_journal_dup_damaged_months (self);
  if (self->marker_tag == NULL || self->read_only || damaged[0] != NULL ||
      lento_vault_get_state (load->vault) != LENTO_VAULT_STATE_UNLOCKED)
    return;

  notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify)lento_document_note_free);
  g_hash_table_iter_init (&iter, self->month_notes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&note))
    {
      guint64 *generation = g_hash_table_lookup (load->generations, name);
      const char *tag = json_object_get_string_member_with_default (note, "tag", NULL);

      /* A tag set since the load began waits for the next load. */
      if (generation != NULL && g_strcmp0 (tag, self->marker_tag) == 0 &&
          !note_is_current (load->vault, name, note))
        g_hash_table_insert (notes, (gpointer)name, lento_document_note_new (*generation, note));
    }

  if (g_hash_table_size (notes) > 0 &&
      !lento_vault_set_document_notes (load->vault, notes, &error))
    g_debug ("The months' notes were not set: %s", error->message);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LentoJournal *self = LENTO_JOURNAL (object);
  LoadFromVault *load = g_task_get_task_data (task);
  GError *error = NULL;

  if (self->load_vault == load->vault)
    g_clear_object (&self->load_vault);

  if (!lento_journal_load_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  set_month_notes (self, load);
  g_hash_table_remove_all (self->month_notes);
  g_task_return_boolean (task, TRUE);
}

/**
 * lento_journal_reload_damaged_from_vault:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 *
 * Reads again each month the journal could not read, once the vault no
 * longer calls it damaged (its previous version was restored, say): the
 * month's entries come back and, when every month reads, the journal is
 * no longer read-only. A month the vault set aside is gone from the
 * journal; a month still damaged is left as it is.
 *
 * Returns: how many months were read or let go
 */
guint
lento_journal_reload_damaged_from_vault (LentoJournal *self,
                                         LentoVault   *vault)
{
  g_auto(GStrv) damaged = NULL;
  guint n_read = 0;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), 0);
  g_return_val_if_fail (LENTO_IS_VAULT (vault), 0);

  damaged = lento_journal_dup_damaged_months (self);
  for (guint i = 0; damaged[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (lento_vault_get_damaged_document (vault), damaged[i]) == 0)
        continue;
      bytes = lento_vault_read_document (vault, damaged[i], NULL, &error);
      /* Set aside: the month is gone, and the journal goes on without it. */
      if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
        {
          Month *month = _lento_journal_ensure_month (self, damaged[i]);

          month->damaged = FALSE;
          _lento_journal_update_read_only (self);
          n_read++;
          continue;
        }
      if (bytes == NULL || !lento_journal_load_month (self, damaged[i], bytes, &error))
        {
          g_debug ("%s is still unreadable: %s", damaged[i], error->message);
          continue;
        }
      n_read++;
    }

  return n_read;
}

/**
 * lento_journal_load_from_vault_async:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 * @now: (nullable): today, to know the current month; %NULL for now
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every month is in the journal
 * @user_data: data for @callback
 *
 * Lists the vault's month documents and loads them with
 * lento_journal_load_async(): the current and previous month first, the
 * rest parsed in a worker thread. Call from the thread that owns the
 * vault, with its main context running.
 */
void
lento_journal_load_from_vault_async (LentoJournal        *self,
                                     LentoVault          *vault,
                                     GDateTime           *now,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  VaultReader *reader;
  LoadFromVault *load;
  guint n_recent;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (LENTO_IS_VAULT (vault));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_journal_load_from_vault_async);

  names = lento_vault_list_documents (vault, &error);
  if (names == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reader = g_new0 (VaultReader, 1);
  reader->vault = g_object_ref (vault);
  reader->context = g_main_context_ref_thread_default ();
  reader->names = _lento_journal_loading_order ((const char * const *)names, now, &n_recent);
  reader->reader = lento_vault_reader_new (vault, (const char * const *)reader->names, &error);
  if (reader->reader == NULL)
    {
      g_object_unref (reader->vault);
      g_main_context_unref (reader->context);
      g_strfreev (reader->names);
      g_free (reader);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_mutex_init (&reader->mutex);
  g_cond_init (&reader->cond);
  reader->ready = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)read_result_free);
  reader->generations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->reading = TRUE;
  g_thread_unref (g_thread_new ("lento-read", read_thread, reader));

  load = g_new0 (LoadFromVault, 1);
  load->vault = g_object_ref (vault);
  load->generations = g_hash_table_ref (reader->generations);
  g_task_set_task_data (task, load, (GDestroyNotify)load_from_vault_free);

  /* The loader asks for the same names in the same order. */
  _lento_journal_load_full_async (self, (const char * const *)reader->names, now,
                                  vault_read_func, vault_commit_func, reader, vault_reader_close,
                                  cancellable, load_done_cb, g_steal_pointer (&task));
  g_set_object (&self->load_vault, vault);
}

gboolean
lento_journal_load_from_vault_finish (LentoJournal  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The entries of @name's note in @vault, when it was made for the
 * journal's marker tag, added to @entries (UUID -> LentoEntry), one copy
 * per UUID (the newest), leaving out those the journal already holds or
 * buries. FALSE when there is no such note or it cannot be read. */
static gboolean
add_noted_entries (LentoJournal *self,
                   LentoVault   *vault,
                   const char   *name,
                   GHashTable   *entries)
{
  g_autoptr(JsonObject) note = lento_vault_dup_document_note (vault, name);
  JsonNode *node;
  JsonArray *array;

  if (note == NULL || !note_has_tag (vault, name, self->marker_tag))
    return FALSE;
  node = json_object_get_member (note, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(LentoEntry) entry = NULL;
      LentoEntry *known;
      Tombstone *tombstone;
      const char *uuid;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return FALSE;
      entry = lento_entry_new_from_json (json_node_get_object (element), NULL);
      if (entry == NULL)
        return FALSE;

      /* A copy left behind by a move the journal already holds, or an
       * entry deleted since: the journal's word is the last. */
      uuid = lento_entry_get_uuid (entry);
      tombstone = g_hash_table_lookup (self->tombstones, uuid);
      if (g_hash_table_contains (self->by_uuid, uuid) ||
          (tombstone != NULL && _lento_journal_tombstone_covers (tombstone, entry)))
        continue;

      known = g_hash_table_lookup (entries, uuid);
      if (known == NULL || _lento_journal_entry_is_newer (entry, known))
        g_hash_table_replace (entries, (gpointer)uuid, g_steal_pointer (&entry));
    }

  return TRUE;
}

/**
 * lento_journal_dup_early_history:
 * @self: a #LentoJournal
 * @complete_from: (out caller-allocates): the first day from which the
 *   journal holds every entry
 *
 * While lento_journal_load_from_vault_async() reads the older months,
 * gives what the coach's rules that reach back to any month need of them,
 * from their notes in the vault's manifest (see "The manifest" in
 * docs/FORMAT.md), without reading them: for every month not merged yet,
 * its clinician notes, its sessions that bled or carry the marker tag
 * (lento_journal_set_marker_tag()), and its oldest session. The journal
 * itself holds every entry from @complete_from on: the first day after the
 * newest month not merged yet.
 *
 * It answers from the moment #LentoJournal:recent-loaded turns %TRUE: call
 * it from a handler of notify::recent-loaded. It answers only while the
 * load is under way, when every month not merged yet has a note made with
 * the current marker tag, and when the change log holds no entry or
 * deletion of those months (the note's copy would be out of date).
 *
 * Returns: (transfer full) (nullable) (element-type LentoEntry): new
 *   entries, in no particular order, or %NULL when the notes cannot stand
 *   in for the months (wait for #LentoJournal:loaded)
 */
GPtrArray *
lento_journal_dup_early_history (LentoJournal *self,
                                 GDate        *complete_from)
{
  g_auto(GStrv) unmerged = NULL;
  g_autoptr(GHashTable) waiting = NULL;
  g_autoptr(GHashTable) entries = NULL;
  GPtrArray *history;
  GHashTableIter iter;
  const char *newest = NULL;
  const char *uuid;
  LentoEntry *entry;

  g_return_val_if_fail (LENTO_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (complete_from != NULL, NULL);

  if (self->loaded || !self->recent_loaded || self->load_vault == NULL ||
      self->marker_tag == NULL)
    return NULL;
  unmerged = _lento_journal_load_dup_unmerged (self);
  if (unmerged == NULL)
    return NULL;

  waiting = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; unmerged[i] != NULL; i++)
    {
      g_hash_table_add (waiting, unmerged[i]);
      if (newest == NULL || strcmp (unmerged[i], newest) > 0)
        newest = unmerged[i];
    }

  /* What the log holds of those months is newer than their notes. */
  g_hash_table_iter_init (&iter, self->log);
  while (g_hash_table_iter_next (&iter, (gpointer *)&uuid, NULL))
    {
      Record *record = g_hash_table_lookup (self->by_uuid, uuid);
      Tombstone *tombstone = g_hash_table_lookup (self->tombstones, uuid);

      if ((record != NULL && g_hash_table_contains (waiting, record->home)) ||
          (tombstone != NULL && g_hash_table_contains (waiting, tombstone->home)))
        return NULL;
    }

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; unmerged[i] != NULL; i++)
    if (!add_noted_entries (self, self->load_vault, unmerged[i], entries))
      return NULL;

  if (newest != NULL)
    {
      const char *month = newest + strlen (LENTO_JOURNAL_DOCUMENT_PREFIX);

      g_date_clear (complete_from, 1);
      g_date_set_dmy (complete_from, 1, (GDateMonth)g_ascii_strtoull (month + 5, NULL, 10),
                      (GDateYear)g_ascii_strtoull (month, NULL, 10));
      g_date_add_months (complete_from, 1);
    }
  else
    {
      /* Every month is in already. */
      g_date_clear (complete_from, 1);
      g_date_set_dmy (complete_from, 1, G_DATE_JANUARY, 1);
    }

  history = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    g_ptr_array_add (history, g_object_ref (entry));

  return history;
}

typedef struct
{
  LentoVault *vault;
  GStrv       names;         /* the months to write, in order */
  guint       index;
  guint64     generation;
  gsize       log_stamp;     /* the log's state when the months were chosen */
  gboolean    log_written;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->vault);
  g_strfreev (data->names);
  g_free (data);
}

static void save_next (GTask *task);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LentoJournal *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!lento_vault_write_document_finish (LENTO_VAULT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->names[data->index] != NULL)
    {
      _lento_journal_mark_saved_generation (self, data->names[data->index], data->generation);
      data->index++;
    }
  else
    {
      _lento_journal_log_written (self);
      data->log_written = TRUE;
    }
  save_next (g_steal_pointer (&task));
}

/* Takes @task. One month at a time, each durably before the next, in the
 * order of lento_journal_dup_dirty_months(); then the log, without what
 * the months now hold.
 */
static void
save_next (GTask *task)
{
  LentoJournal *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  const char *name = data->names[data->index];

  if (name == NULL)
    {
      if (data->log_written ||
          !_lento_journal_log_folded (self, (const char * const *)data->names, data->log_stamp))
        {
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }

      bytes = lento_journal_serialize_log (self);
      lento_vault_write_document_async (data->vault, LENTO_JOURNAL_LOG_DOCUMENT, bytes,
                                        g_task_get_cancellable (task), write_done_cb, task);
      return;
    }

  bytes = _lento_journal_serialize_month (self, name, &data->generation, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  lento_vault_write_document_async (data->vault, name, bytes,
                                    g_task_get_cancellable (task), write_done_cb, task);
}

/**
 * lento_journal_save_async:
 * @self: a #LentoJournal
 * @vault: an unlocked #LentoVault
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the changes are on disk
 * @user_data: data for @callback
 *
 * Writes what changed, durably. While the change log is short (at most
 * %LENTO_JOURNAL_LOG_MAX entries) and the whole journal has been read,
 * that is the log alone, so that saving one entry costs the same whatever
 * the size of the journal. Otherwise the log is folded: the month
 * documents that changed, and only those, are written in the order of
 * lento_journal_dup_dirty_months(), each durably before the next, and then
 * the log without what they now hold. A change made while a save runs is
 * kept for the next save.
 */
void
lento_journal_save_async (LentoJournal        *self,
                          LentoVault          *vault,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (LENTO_IS_VAULT (vault));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_journal_save_async);

  data = g_new0 (SaveData, 1);
  data->vault = g_object_ref (vault);
  data->log_stamp = _lento_journal_get_log_stamp (self);
  if (_lento_journal_log_can_take (self))
    {
      /* No month is written, so the log keeps all it holds. */
      data->names = g_new0 (char *, 1);
      data->log_stamp = 0;
    }
  else
    {
      data->names = lento_journal_dup_dirty_months (self);
    }
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  save_next (task);
}

gboolean
lento_journal_save_finish (LentoJournal  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
