/* lento-vault-backup.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "lento-container.h"
#include "lento-vault-private.h"

/* LentoVault's backups: one container holding every document, sealed
 * with the data key and carrying the key file without its keyring slot,
 * so that the recovery code or the passphrase alone opens it on another
 * computer. See lento-vault.c for how the parts of the vault fit.
 */

#define BACKUP_NAME   "backup"
#define BACKUP_FORMAT 1

/* @path as the system will write it: every symbolic link on the way
 * followed, and the file's own when it exists.
 */
static char *
resolve_path (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *resolved;
  char *result;

  resolved = realpath (path, NULL);
  if (resolved != NULL)
    {
      result = g_strdup (resolved);
      free (resolved);
      return result;
    }

  /* The file is not there yet: its folder decides where it goes. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  resolved = realpath (dir, NULL);
  if (resolved == NULL)
    return g_canonicalize_filename (path, NULL);
  result = g_build_filename (resolved, base, NULL);
  free (resolved);
  return result;
}

/* TRUE when writing @path would write into @data_dir or below it. */
static gboolean
is_inside_data_dir (const char *path,
                    const char *data_dir)
{
  g_autofree char *target = resolve_path (path);
  g_autofree char *folder = resolve_path (data_dir);
  gsize length = strlen (folder);

  return strncmp (target, folder, length) == 0 &&
         (target[length] == '\0' || target[length] == G_DIR_SEPARATOR);
}

gboolean
lento_vault_export_backup (LentoVault  *self,
                           GFile       *file,
                           GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LentoKeyFile) keys = NULL;
  g_autoptr(GBytes) extension = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  gsize json_length = 0;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_IO), FALSE;
  /* A backup written there could replace a document, the key file or
   * the log, and would be no backup of them anyway. */
  if (is_inside_data_dir (path, self->data_dir))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INSIDE_DATA_DIR), FALSE;

  keys = lento_key_file_copy (self->keys);
  lento_key_file_drop_keyring_slot (keys);
  if (!lento_key_file_has_slot (keys, LENTO_SLOT_RECOVERY) &&
      !lento_key_file_has_slot (keys, LENTO_SLOT_PASSPHRASE))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_SLOT), FALSE;
  extension = lento_key_file_serialize (keys);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, BACKUP_FORMAT);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  /* A backup that silently lacks a folder would look complete. */
  names = _lento_vault_list_all_names (self->data_dir, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      LentoDocumentStatus status;
      g_autoptr(GBytes) plain = NULL;
      g_autofree char *encoded = NULL;

      plain = _lento_vault_load_document (self->data_dir, names[i],
                                          lento_key_file_get_uuid (self->keys),
                                          self->data_keys, &status, NULL, error);
      if (plain == NULL)
        {
          if (status == LENTO_DOCUMENT_OK)
            {
              g_clear_error (error);
              continue;
            }
          return FALSE;
        }
      data = g_bytes_get_data (plain, &size);
      encoded = g_base64_encode (data, size);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, names[i]);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, encoded);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &json_length);

  sealed = lento_container_seal (LENTO_CONTAINER_KIND_BACKUP, lento_key_file_get_uuid (self->keys),
                                 BACKUP_NAME, g_ptr_array_index (self->data_keys, 0), extension,
                                 (const guint8 *) json, json_length, error);
  sodium_memzero (json, json_length);
  if (sealed == NULL)
    return FALSE;

  data = g_bytes_get_data (sealed, &size);
  return self->layer->replace_contents (self->layer_data, path, data, size, error);
}

GHashTable *
_lento_vault_parse_backup_json (GBytes  *plain,
                                GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) documents = NULL;
  JsonObject *object;
  JsonArray *array;
  gsize size;
  const char *data = g_bytes_get_data (plain, &size);

  if (!json_parser_load_from_data (parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (_lento_vault_json_int (object, "format", 0) != BACKUP_FORMAT)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NEWER_VERSION), NULL;
  if (!json_object_has_member (object, "documents") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "documents")))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;

  documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_bytes_unref);
  array = json_object_get_array_member (object, "documents");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *document;
      const char *name;
      const char *content;
      guchar *decoded;
      gsize decoded_size = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;
      document = json_node_get_object (node);
      name = _lento_vault_json_string (document, "name");
      content = _lento_vault_json_string (document, "content");
      if (name == NULL || content == NULL || !lento_container_name_is_valid (name))
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;

      decoded = g_base64_decode (content, &decoded_size);
      g_hash_table_replace (documents, g_strdup (name), g_bytes_new_take (decoded, decoded_size));
    }

  return g_steal_pointer (&documents);
}

/* A backup on a remote location (no local path): the same checks as for a
 * local file, through GIO. */
static GBytes *
load_remote_file (GFile   *file,
                  GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_REGULAR_FILE), NULL;
  if (info != NULL && g_file_info_get_size (info) > LENTO_CONTAINER_MAX_FILE_SIZE)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_TOO_LARGE), NULL;
  if (info == NULL ||
      !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      /* GIO's message names the whole location; only the file's name is said. */
      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                   /* Translators: %s is a file's name. */
                   _("Could not read “%s”. Check that it is there and try again."), name);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

GHashTable *
lento_vault_read_backup (GFile          *file,
                         LentoSlotType   slot,
                         LentoSecret    *secret,
                         GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LentoKeyFile) keys = NULL;
  g_autoptr(LentoSecret) master_key = NULL;
  g_autoptr(GPtrArray) data_keys = NULL;
  g_autoptr(GBytes) plain = NULL;
  LentoContainerHeader header;
  const guint8 *contents;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (slot == LENTO_SLOT_RECOVERY || slot == LENTO_SLOT_PASSPHRASE, NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lento_secure_init ();

  /* The person picked this file, so a link to it is followed; a pipe or a
   * device is not read. */
  path = g_file_get_path (file);
  if (path != NULL)
    bytes = lento_file_read_regular (path, LENTO_CONTAINER_MAX_FILE_SIZE, TRUE, error);
  else
    bytes = load_remote_file (file, error);
  if (bytes == NULL)
    return NULL;
  contents = g_bytes_get_data (bytes, &length);

  if (!lento_container_parse (contents, length, &header, error))
    return NULL;
  if (header.kind != LENTO_CONTAINER_KIND_BACKUP)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_A_BACKUP), NULL;

  keys = lento_key_file_parse (header.extension, header.extension_size, error);
  if (keys == NULL)
    return NULL;
  if (memcmp (lento_key_file_get_uuid (keys), header.journal_uuid, LENTO_UUID_SIZE) != 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BAD_HEADER), NULL;

  if (slot == LENTO_SLOT_RECOVERY)
    master_key = lento_key_file_unlock_recovery (keys, lento_secret_get_string (secret), error);
  else
    master_key = lento_key_file_unlock_passphrase (keys, secret, error);
  if (master_key == NULL)
    return NULL;

  data_keys = lento_key_file_open_data_keys (keys, master_key, error);
  if (data_keys == NULL)
    return NULL;

  plain = lento_container_open (contents, length, LENTO_CONTAINER_KIND_BACKUP,
                                header.journal_uuid, BACKUP_NAME,
                                (LentoSecret * const *) data_keys->pdata, data_keys->len,
                                NULL, error);
  if (plain == NULL)
    return NULL;

  return _lento_vault_parse_backup_json (plain, error);
}

typedef struct {
  GFile         *file;
  LentoSlotType  slot;
  LentoSecret   *secret;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->secret, lento_secret_unref);
  g_free (job);
}

static void
read_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  BackupJob *job = task_data;
  GError *error = NULL;
  GHashTable *documents;

  documents = lento_vault_read_backup (job->file, job->slot, job->secret, &error);
  if (documents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, documents, (GDestroyNotify) g_hash_table_unref);
}

void
lento_vault_read_backup_async (GFile               *file,
                               LentoSlotType        slot,
                               LentoSecret         *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (secret != NULL);

  job = g_new0 (BackupJob, 1);
  job->file = g_object_ref (file);
  job->slot = slot;
  job->secret = lento_secret_ref (secret);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_read_backup_async);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, read_backup_thread);
}

GHashTable *
lento_vault_read_backup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
