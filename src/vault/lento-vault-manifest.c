/* lento-vault-manifest.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <sodium.h>

#include "lento-container.h"
#include "lento-vault-private.h"

/* LentoVault's manifest: one more document, "manifest", that records for
 * every other document the generation the vault last wrote and the hash
 * of that file. Each document also carries its generation in its header,
 * sealed with it. So a file put back from its .prev, from a backup tool or
 * by a file-sync tool is older than the manifest says (rolled back), a
 * file deleted outside Lento is missing, and a file written elsewhere with
 * the same generation is a conflict; each is named and the journal turns
 * read-only, as for a damaged document. A document newer than the
 * manifest is no harm: a kill between writing it and writing the manifest
 * leaves exactly that.
 *
 * The manifest is written after the document, through the same write
 * queue, and the document's callers are answered once it is on disk.
 * Unlocking compares every document with it (by hash; only a file that
 * differs is decrypted), and writes it when it was behind or missing in a
 * journal from before manifests. docs/FORMAT.md describes it; see
 * lento-vault.c for how the parts of the vault fit.
 *
 * A document's entry may also carry a note: what its owner derived from
 * the generation the entry records (the journal notes the few entries of
 * each month its coach may reach back for), at hand without reading the
 * document. Entries are replaced, never changed, so a note goes with the
 * generation it describes; it is set only for the generation it was made
 * from.
 */

#define MANIFEST_FORMAT 1

gboolean
_lento_vault_name_is_public (const char *name)
{
  return lento_container_name_is_valid (name) && !g_str_equal (name, MANIFEST_NAME);
}

void
_lento_vault_hash (GBytes *bytes,
                   guint8  hash[HASH_SIZE])
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  crypto_generichash (hash, HASH_SIZE, data, size, NULL, 0);
}

GBytes *
_lento_vault_seal (LentoVault  *self,
                   const char  *name,
                   guint64      generation,
                   GBytes      *plain,
                   GError     **error)
{
  g_autoptr(GBytes) extension = lento_container_generation_extension (generation);
  gsize size;
  const guint8 *data = g_bytes_get_data (plain, &size);

  return lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, lento_key_file_get_uuid (self->keys),
                               name, g_ptr_array_index (self->data_keys, 0), extension,
                               data, size, error);
}

void
_lento_vault_manifest_entry_free (ManifestEntry *entry)
{
  g_clear_pointer (&entry->note, json_object_unref);
  g_free (entry);
}

/* A copy to compare documents with, on any thread: the generation and
 * the hash, without the note, which stays with the vault's own manifest. */
ManifestEntry *
_lento_vault_manifest_entry_copy (const ManifestEntry *entry)
{
  ManifestEntry *copy = g_new0 (ManifestEntry, 1);

  copy->generation = entry->generation;
  memcpy (copy->hash, entry->hash, HASH_SIZE);

  return copy;
}

/* A table of document name to ManifestEntry. */
GHashTable *
_lento_vault_manifest_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) _lento_vault_manifest_entry_free);
}

GHashTable *
_lento_vault_manifest_copy (GHashTable *manifest)
{
  GHashTable *copy;
  GHashTableIter iter;
  const char *name;
  ManifestEntry *entry;

  if (manifest == NULL)
    return NULL;

  copy = _lento_vault_manifest_new ();
  g_hash_table_iter_init (&iter, manifest);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &entry))
    g_hash_table_insert (copy, g_strdup (name), _lento_vault_manifest_entry_copy (entry));

  return copy;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GBytes *
serialize_manifest (GHashTable *manifest)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  const char *name;
  char *json;
  gsize length = 0;

  g_hash_table_iter_init (&iter, manifest);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_object (builder);
  for (guint i = 0; i < names->len; i++)
    {
      ManifestEntry *entry = g_hash_table_lookup (manifest, g_ptr_array_index (names, i));
      char hex[HASH_SIZE * 2 + 1];

      sodium_bin2hex (hex, sizeof hex, entry->hash, HASH_SIZE);
      json_builder_set_member_name (builder, g_ptr_array_index (names, i));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "generation");
      json_builder_add_int_value (builder, (gint64) entry->generation);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, hex);
      if (entry->note != NULL)
        {
          JsonNode *note = json_node_init_object (json_node_alloc (), entry->note);

          json_builder_set_member_name (builder, "note");
          json_builder_add_value (builder, note);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);

  return g_bytes_new_take (json, length);
}

/* A member's text, or NULL when it is missing or not a string: a damaged
 * or crafted document may hold anything, and json-glib's own getters raise
 * a critical for an object or an array. */
const char *
_lento_vault_json_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A member's integer, or @fallback when it is missing or not an integer. */
gint64
_lento_vault_json_int (JsonObject *object,
                       const char *name,
                       gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

GHashTable *
_lento_vault_parse_manifest (GBytes  *plain,
                             GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) manifest = _lento_vault_manifest_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonObject *documents;
  JsonNode *root;
  gsize size;
  const char *data = g_bytes_get_data (plain, &size);

  if (!json_parser_load_from_data (parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;

  object = json_node_get_object (root);
  if (_lento_vault_json_int (object, "format", 0) > MANIFEST_FORMAT)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NEWER_VERSION), NULL;
  if (_lento_vault_json_int (object, "format", 0) != MANIFEST_FORMAT ||
      !json_object_has_member (object, "documents") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "documents")))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;

  documents = json_object_get_object_member (object, "documents");
  members = json_object_get_members (documents);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (documents, name);
      ManifestEntry entry = { 0, };
      JsonObject *document;
      const char *hex;
      gint64 generation;
      size_t decoded = 0;

      if (!_lento_vault_name_is_public (name) || !JSON_NODE_HOLDS_OBJECT (node))
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;
      document = json_node_get_object (node);
      generation = _lento_vault_json_int (document, "generation", -1);
      hex = _lento_vault_json_string (document, "hash");
      if (generation < 0 || hex == NULL || strlen (hex) != HASH_SIZE * 2 ||
          sodium_hex2bin (entry.hash, HASH_SIZE, hex, strlen (hex), NULL, &decoded, NULL) != 0 ||
          decoded != HASH_SIZE)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;
      entry.generation = generation;
      /* A note is derived data: one that is not an object is left out,
       * and the document is read as if it had none. */
      node = json_object_get_member (document, "note");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          entry.note = json_object_ref (json_node_get_object (node));
          json_object_seal (entry.note);
        }
      g_hash_table_insert (manifest, g_strdup (name), g_memdup2 (&entry, sizeof entry));
    }

  return g_steal_pointer (&manifest);
}

void
_lento_vault_doc_check_clear (DocCheck *check)
{
  g_clear_pointer (&check->plain, g_bytes_unref);
  g_clear_error (&check->error);
}

/* Compares what opened with what @manifest records. */
static void
judge (DocCheck      *check,
       ManifestEntry *entry)
{
  if (entry == NULL || check->found.generation > entry->generation)
    check->newer = TRUE;
  else if (memcmp (check->found.hash, entry->hash, HASH_SIZE) == 0)
    return;
  else if (check->found.generation == entry->generation)
    {
      check->status = LENTO_DOCUMENT_CONFLICT;
      lento_vault_set_error (&check->error, LENTO_VAULT_ERROR_CONFLICT);
    }
  else
    {
      check->status = LENTO_DOCUMENT_ROLLED_BACK;
      lento_vault_set_error (&check->error, LENTO_VAULT_ERROR_ROLLED_BACK);
    }
}

/* Opens @name's current file, or its previous generation when that
 * fails, and compares it with @manifest (when not NULL). With a manifest
 * and not @need_plain, a current file whose hash is the one recorded is
 * not decrypted: those are the bytes the vault wrote. Thread-safe: it
 * only uses its arguments. */
void
_lento_vault_check_document (const char   *data_dir,
                             const char   *name,
                             const guint8 *uuid,
                             GPtrArray    *keys,
                             GHashTable   *manifest,
                             gboolean      need_plain,
                             DocCheck     *check)
{
  g_autofree char *path = _lento_vault_doc_path (data_dir, name, SUFFIX);
  g_autofree char *prev = _lento_vault_doc_path (data_dir, name, PREV_SUFFIX);
  ManifestEntry *entry = manifest ? g_hash_table_lookup (manifest, name) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  LentoContainerHeader header;
  gboolean missing = FALSE;
  gboolean prev_missing = FALSE;

  memset (check, 0, sizeof *check);
  check->status = LENTO_DOCUMENT_OK;

  bytes = lento_file_read_regular (path, LENTO_CONTAINER_MAX_FILE_SIZE, FALSE, &error);
  if (bytes != NULL)
    {
      _lento_vault_hash (bytes, check->found.hash);
      if (entry != NULL && !need_plain && memcmp (check->found.hash, entry->hash, HASH_SIZE) == 0)
        {
          check->opened = TRUE;
          check->found.generation = entry->generation;
          check->generation = entry->generation;
          return;
        }

      plain = lento_container_open (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    LENTO_CONTAINER_KIND_DOCUMENT, uuid, name,
                                    (LentoSecret * const *) keys->pdata, keys->len, &header,
                                    &error);
      if (plain != NULL)
        {
          check->opened = TRUE;
          check->found.generation = header.generation;
          check->generation = header.generation;
          if (need_plain)
            check->plain = g_steal_pointer (&plain);
          if (manifest != NULL)
            judge (check, entry);
          return;
        }
    }
  else if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
    {
      missing = TRUE;
      g_clear_error (&error);
      lento_vault_set_error (&error, LENTO_VAULT_ERROR_NOT_FOUND);
    }

  plain = _lento_vault_open_file (prev, name, uuid, keys, &header, NULL, &prev_missing, NULL);
  if (missing && prev_missing)
    {
      if (entry != NULL)
        {
          check->status = LENTO_DOCUMENT_MISSING;
          check->generation = entry->generation;
          lento_vault_set_error (&check->error, LENTO_VAULT_ERROR_DOCUMENT_MISSING);
        }
      else
        {
          check->absent = TRUE;
          check->error = g_steal_pointer (&error);
        }
      return;
    }

  check->error = g_steal_pointer (&error);
  if (plain != NULL)
    {
      g_debug ("Document %s did not open; its previous generation did", name);
      check->status = LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS;
      check->generation = header.generation;
      if (need_plain)
        check->plain = g_steal_pointer (&plain);
    }
  else
    {
      check->status = LENTO_DOCUMENT_DAMAGED;
    }
}

void
_lento_vault_set_manifest_entry (LentoVault *self,
                                 const char *name,
                                 guint64     generation,
                                 GBytes     *file)
{
  ManifestEntry *entry;

  if (self->manifest == NULL)
    return;

  entry = g_new0 (ManifestEntry, 1);
  entry->generation = generation;
  _lento_vault_hash (file, entry->hash);
  g_hash_table_insert (self->manifest, g_strdup (name), entry);
}

/* Takes what a check found into @doc and, for a document newer than the
 * manifest, into the manifest (written with the next write). */
void
_lento_vault_apply_check (LentoVault *self,
                          Doc        *doc,
                          DocCheck   *check)
{
  doc->generation = MAX (doc->generation, check->generation);

  /* While a write of this document runs, what is on disk is what the
   * vault itself wrote. */
  if (doc->in_flight)
    return;

  doc->health = check->status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
  doc->problem = check->status;
  if (check->newer && self->manifest != NULL)
    g_hash_table_insert (self->manifest, g_strdup (doc->name),
                         _lento_vault_manifest_entry_copy (&check->found));
}

static GBytes *
seal_manifest (LentoVault  *self,
               guint64      generation,
               GError     **error)
{
  g_autoptr(GBytes) json = serialize_manifest (self->manifest);

  return _lento_vault_seal (self, MANIFEST_NAME, generation, json, error);
}

/* Queues a write of the manifest as it is now. @tasks (when given, and
 * taken on success) are the callers of the document writes it records,
 * answered when it is on disk; without them, the write still counts as
 * pending. FALSE when there is nothing to write to: locked, or a manifest
 * that did not open and must not be overwritten. */
gboolean
_lento_vault_queue_manifest (LentoVault  *self,
                             GPtrArray  **tasks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  Doc *doc = _lento_vault_get_doc (self, MANIFEST_NAME);

  if (self->manifest == NULL || self->data_keys == NULL || doc->health == DOC_DAMAGED)
    return FALSE;

  sealed = seal_manifest (self, doc->generation + 1, &error);
  if (sealed == NULL)
    {
      g_debug ("The manifest was not sealed: %s", error->message);
      return FALSE;
    }
  doc->generation++;

  g_clear_pointer (&doc->queued, g_bytes_unref);
  doc->queued = g_steal_pointer (&sealed);
  doc->queued_generation = doc->generation;
  if (tasks != NULL && *tasks != NULL)
    {
      g_ptr_array_extend_and_steal (doc->queued_tasks, g_steal_pointer (tasks));
    }
  else
    {
      GTask *task = g_task_new (self, NULL, NULL, NULL);

      g_task_set_source_tag (task, _lento_vault_queue_manifest);
      g_ptr_array_add (doc->queued_tasks, task);
      _lento_vault_set_pending_writes (self, self->pending_writes + 1);
    }

  if (!doc->in_flight)
    _lento_vault_start_write (self, doc);

  return TRUE;
}

/* Writes the manifest now, in this thread, or queues it behind a write
 * of it that is already under way. With @also_previous, its previous
 * generation becomes the same bytes (a key rotation leaves no file under
 * the old key). */
gboolean
_lento_vault_save_manifest_now (LentoVault  *self,
                                gboolean     also_previous,
                                GError     **error)
{
  g_autofree char *path = _lento_vault_doc_path (self->data_dir, MANIFEST_NAME, SUFFIX);
  g_autofree char *prev = _lento_vault_doc_path (self->data_dir, MANIFEST_NAME, PREV_SUFFIX);
  g_autoptr(GBytes) sealed = NULL;
  Doc *doc = _lento_vault_get_doc (self, MANIFEST_NAME);
  const guint8 *data;
  gsize size;

  g_assert (self->manifest != NULL);

  if (doc->in_flight)
    {
      if (also_previous)
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;
      _lento_vault_queue_manifest (self, NULL);
      return TRUE;
    }

  sealed = seal_manifest (self, doc->generation + 1, error);
  if (sealed == NULL)
    return FALSE;
  data = g_bytes_get_data (sealed, &size);
  if (!lento_file_layer_write_generation (self->layer, self->layer_data, path, data, size, error))
    return FALSE;
  doc->generation++;
  doc->health = DOC_GOOD;
  doc->problem = LENTO_DOCUMENT_OK;

  if (also_previous &&
      (!self->layer->replace_contents (self->layer_data, prev, data, size, error) ||
       !self->layer->sync_dir (self->layer_data, self->data_dir, error)))
    return FALSE;

  return TRUE;
}

/**
 * lento_document_note_new:
 * @generation: the generation of the document @note describes
 * @note: what was derived from that generation
 *
 * Returns: (transfer full): a note for lento_vault_set_document_notes()
 */
LentoDocumentNote *
lento_document_note_new (guint64     generation,
                         JsonObject *note)
{
  LentoDocumentNote *self;

  g_return_val_if_fail (note != NULL, NULL);

  self = g_new0 (LentoDocumentNote, 1);
  self->generation = generation;
  self->note = json_object_ref (note);

  return self;
}

void
lento_document_note_free (LentoDocumentNote *note)
{
  if (note == NULL)
    return;

  g_clear_pointer (&note->note, json_object_unref);
  g_free (note);
}

/* The manifest can take a note now: it is in memory and opened as it
 * should, so that it will be written. */
static gboolean
manifest_is_healthy (LentoVault *self)
{
  return self->manifest != NULL && self->data_keys != NULL &&
         _lento_vault_get_doc (self, MANIFEST_NAME)->health == DOC_GOOD;
}

/**
 * lento_vault_get_document_generation:
 *
 * Returns: the generation the manifest records for @name, or 0
 */
guint64
lento_vault_get_document_generation (LentoVault *self,
                                     const char *name)
{
  ManifestEntry *entry;

  g_return_val_if_fail (LENTO_IS_VAULT (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (self->manifest == NULL)
    return 0;
  entry = g_hash_table_lookup (self->manifest, name);

  return entry != NULL ? entry->generation : 0;
}

/**
 * lento_vault_dup_document_note:
 *
 * What was noted of the generation of @name the manifest records. It is
 * read from the manifest in memory: nothing is read from disk. A document
 * that does not fit the manifest (damaged, rolled back, in conflict), or
 * a manifest that did not open as it should, has no note.
 *
 * Returns: (transfer full) (nullable): the note, sealed, or %NULL
 */
JsonObject *
lento_vault_dup_document_note (LentoVault *self,
                               const char *name)
{
  ManifestEntry *entry;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!manifest_is_healthy (self))
    return NULL;
  entry = g_hash_table_lookup (self->manifest, name);
  doc = g_hash_table_lookup (self->docs, name);
  if (entry == NULL || entry->note == NULL || doc == NULL || doc->health != DOC_GOOD)
    return NULL;

  return json_object_ref (entry->note);
}

/**
 * lento_vault_set_document_notes:
 * @notes: (element-type utf8 LentoDocumentNote): the notes to set, by document name
 *
 * Sets each note of @notes whose document the manifest still records at
 * the note's generation, replacing the note it had, and queues one write
 * of the manifest. The notes' objects are sealed (json_object_seal()) and
 * kept. A document that does not fit the manifest, or is being written,
 * gets no note: what it holds is about to change, or not what was read.
 *
 * Returns: %TRUE when the notes that still apply were set (perhaps none),
 *   %FALSE with @error when the vault is locked or read-only, or the
 *   manifest cannot be written
 */
gboolean
lento_vault_set_document_notes (LentoVault  *self,
                                GHashTable  *notes,
                                GError     **error)
{
  GHashTableIter iter;
  const char *name;
  LentoDocumentNote *note;
  guint n_set = 0;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (notes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (self->state == LENTO_VAULT_STATE_READ_ONLY)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_READ_ONLY), FALSE;
  if (!manifest_is_healthy (self))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_DOCUMENT_DAMAGED), FALSE;

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &note))
    {
      ManifestEntry *entry = g_hash_table_lookup (self->manifest, name);
      Doc *doc = g_hash_table_lookup (self->docs, name);

      if (entry == NULL || entry->generation != note->generation || doc == NULL ||
          doc->health != DOC_GOOD || doc->in_flight || doc->queued != NULL)
        {
          g_debug ("No note for %s: it is not at generation %" G_GUINT64_FORMAT " now",
                   name, note->generation);
          continue;
        }

      json_object_seal (note->note);
      g_clear_pointer (&entry->note, json_object_unref);
      entry->note = json_object_ref (note->note);
      n_set++;
    }

  if (n_set == 0)
    return TRUE;

  if (!_lento_vault_queue_manifest (self, NULL))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_FAILED), FALSE;

  return TRUE;
}

/* Compares every document on disk and in the manifest with the manifest,
 * after unlocking (and after restoring the manifest, @rebuild: then the
 * manifest takes whatever opens, and a damaged one is set aside).
 * Documents newer than the manifest are recorded and the manifest written
 * at once: nothing else is being written yet, and a process that only
 * reads (lento --verify) leaves nothing pending. */
static gboolean
check_all (LentoVault  *self,
           gboolean     rebuild,
           GError     **error)
{
  const guint8 *uuid = lento_key_file_get_uuid (self->keys);
  g_autoptr(GPtrArray) unreadable = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) before = NULL;
  g_auto(GStrv) on_disk = NULL;
  DocCheck check = { 0, };
  LentoDocumentStatus manifest_status;
  Doc *manifest_doc = _lento_vault_get_doc (self, MANIFEST_NAME);
  gboolean dirty = FALSE;
  guint64 newest = 0;
  GHashTableIter iter;
  const char *name;
  Doc *doc;

  g_clear_pointer (&self->manifest, g_hash_table_unref);

  /* What an earlier unlock found may no longer be so: the disk and the
   * manifest say again which generation each document is at. */
  g_hash_table_iter_init (&iter, self->docs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &doc))
    if (!doc->in_flight && doc->queued == NULL)
      {
        doc->health = DOC_UNKNOWN;
        doc->problem = LENTO_DOCUMENT_OK;
        doc->generation = 0;
      }

  _lento_vault_check_document (self->data_dir, MANIFEST_NAME, uuid, self->data_keys, NULL, TRUE,
                               &check);
  manifest_status = check.status;
  manifest_doc->generation = MAX (manifest_doc->generation, check.generation);
  /* Why it failed is for verify to say; here it only matters that it did. */
  if (check.plain != NULL)
    {
      self->manifest = _lento_vault_parse_manifest (check.plain, NULL);
      if (self->manifest == NULL)
        manifest_status = LENTO_DOCUMENT_DAMAGED;
    }
  if (check.absent)
    manifest_status = LENTO_DOCUMENT_MISSING;
  _lento_vault_doc_check_clear (&check);

  /* Restoring a manifest that is missing or does not open starts from
   * what its previous generation says, or from nothing. */
  if (rebuild && self->manifest == NULL)
    self->manifest = _lento_vault_manifest_new ();
  /* A journal from before manifests: what opens is its first manifest. */
  if (manifest_status == LENTO_DOCUMENT_MISSING && !rebuild)
    before = _lento_vault_manifest_new ();

  unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_document_report_free);
  on_disk = _lento_vault_list_names (self->data_dir, unreadable);
  for (guint i = 0; on_disk[i] != NULL; i++)
    g_hash_table_add (names, on_disk[i]);
  if (self->manifest != NULL)
    {
      g_hash_table_iter_init (&iter, self->manifest);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
        g_hash_table_add (names, (gpointer) name);
    }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_autofree char *owned = g_strdup (name);

      doc = _lento_vault_get_doc (self, owned);
      _lento_vault_check_document (self->data_dir, owned, uuid, self->data_keys, self->manifest,
                                   FALSE, &check);
      if (check.opened)
        newest = MAX (newest, check.found.generation);
      if (check.newer && self->manifest != NULL)
        dirty = TRUE;
      if (before != NULL && check.opened && check.status == LENTO_DOCUMENT_OK)
        g_hash_table_insert (before, g_strdup (owned),
                             g_memdup2 (&check.found, sizeof check.found));
      _lento_vault_apply_check (self, doc, &check);
      _lento_vault_doc_check_clear (&check);
    }

  for (guint i = 0; i < unreadable->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (unreadable, i);

      doc = _lento_vault_get_doc (self, report->name);
      doc->health = DOC_DAMAGED;
      doc->problem = LENTO_DOCUMENT_DAMAGED;
    }

  /* Without a manifest, documents that carry a generation were written
   * since manifests exist: then it was deleted, and what it would have
   * told (a document deleted since) cannot be known. It stays missing, so
   * that the person hears of it. */
  if (before != NULL && newest == 0 && unreadable->len == 0)
    {
      self->manifest = g_steal_pointer (&before);
      manifest_status = LENTO_DOCUMENT_OK;
      dirty = TRUE;
    }

  if (rebuild && manifest_status != LENTO_DOCUMENT_OK && manifest_status != LENTO_DOCUMENT_MISSING)
    {
      g_autofree char *path = _lento_vault_doc_path (self->data_dir, MANIFEST_NAME, SUFFIX);
      g_autofree char *damaged = _lento_vault_doc_path (self->data_dir, MANIFEST_NAME,
                                                        ".lento.damaged");

      if (g_file_test (path, G_FILE_TEST_EXISTS) &&
          !self->layer->rename (self->layer_data, path, damaged, error))
        return FALSE;
    }
  if (rebuild)
    {
      manifest_status = LENTO_DOCUMENT_OK;
      dirty = TRUE;
    }

  if (!manifest_doc->in_flight)
    {
      manifest_doc->health = manifest_status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
      manifest_doc->problem = manifest_status;
    }

  if (dirty && manifest_doc->health == DOC_GOOD)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_lento_vault_save_manifest_now (self, FALSE, &local_error))
        {
          if (rebuild)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* The documents are newer than the manifest: the next unlock
           * finds that again, and so does the next write. */
          g_debug ("The manifest was not written: %s", local_error->message);
        }
    }

  return TRUE;
}

void
_lento_vault_check_integrity (LentoVault *self,
                              gboolean    rebuild)
{
  check_all (self, rebuild, NULL);
  _lento_vault_update_state (self);
}

gboolean
_lento_vault_rebuild_manifest (LentoVault  *self,
                               GError     **error)
{
  gboolean ok;

  if (_lento_vault_get_doc (self, MANIFEST_NAME)->in_flight)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  ok = check_all (self, TRUE, error);
  if (ok)
    {
      /* Compared again with what the manifest now says. */
      ok = check_all (self, FALSE, error);
    }
  _lento_vault_update_state (self);

  return ok;
}
