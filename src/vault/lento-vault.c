/* lento-vault.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "lento-container.h"
#include "lento-keyring.h"
#include "lento-vault.h"

#define KEYS_FILE     "keys.lento"
#define LOCK_FILE     "lock"
#define SUFFIX        ".lento"
#define PREV_SUFFIX   ".lento.prev"
#define BACKUP_NAME   "backup"
#define BACKUP_FORMAT 1

typedef enum {
  DOC_UNKNOWN,
  DOC_GOOD,
  DOC_DAMAGED,
} DocHealth;

/* What the vault knows of one document: whether its current file opens,
 * and its write queue. At most one write per document runs at a time;
 * the newest waiting one is in @queued, with every caller waiting on it. */
typedef struct {
  char      *name;
  DocHealth  health;
  gboolean   in_flight;
  GBytes    *queued;
  GPtrArray *queued_tasks;
  GPtrArray *running_tasks;
} Doc;

struct _LentoVault
{
  GObject               parent_instance;

  /* Owned */
  char                 *data_dir;
  char                 *application_id;
  LentoKeyFile         *keys;
  LentoSecret          *master_key;
  GPtrArray            *data_keys;
  GHashTable           *docs;
  char                 *damaged_document;
  GPtrArray            *flush_tasks;
  int                   lock_fd;

  /* Borrowed */
  const LentoFileLayer *layer;
  gpointer              layer_data;

  LentoVaultState       state;
  guint                 pending_writes;
  guint                 kdf_opslimit;
  guint                 kdf_memlimit_kib;
};

G_DEFINE_FINAL_TYPE (LentoVault, lento_vault, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_APPLICATION_ID,
  PROP_STATE,
  PROP_DAMAGED_DOCUMENT,
  PROP_BUSY,
  PROP_PENDING_WRITES,
  N_PROPS
};

enum {
  LOCKED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

GType
lento_vault_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LENTO_VAULT_STATE_CLOSED, "LENTO_VAULT_STATE_CLOSED", "closed" },
        { LENTO_VAULT_STATE_NO_JOURNAL, "LENTO_VAULT_STATE_NO_JOURNAL", "no-journal" },
        { LENTO_VAULT_STATE_LOCKED, "LENTO_VAULT_STATE_LOCKED", "locked" },
        { LENTO_VAULT_STATE_UNLOCKED, "LENTO_VAULT_STATE_UNLOCKED", "unlocked" },
        { LENTO_VAULT_STATE_READ_ONLY, "LENTO_VAULT_STATE_READ_ONLY", "read-only" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("LentoVaultState"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

GType
lento_document_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LENTO_DOCUMENT_OK, "LENTO_DOCUMENT_OK", "ok" },
        { LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS, "LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS",
          "restored-from-previous" },
        { LENTO_DOCUMENT_DAMAGED, "LENTO_DOCUMENT_DAMAGED", "damaged" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("LentoDocumentStatus"),
                                           values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

LentoDocumentReport *
lento_document_report_copy (LentoDocumentReport *report)
{
  LentoDocumentReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_new0 (LentoDocumentReport, 1);
  copy->name = g_strdup (report->name);
  copy->status = report->status;
  copy->error = report->error ? g_error_copy (report->error) : NULL;

  return copy;
}

void
lento_document_report_free (LentoDocumentReport *report)
{
  if (report == NULL)
    return;

  g_free (report->name);
  g_clear_error (&report->error);
  g_free (report);
}

G_DEFINE_BOXED_TYPE (LentoDocumentReport, lento_document_report,
                     lento_document_report_copy, lento_document_report_free)

static void
doc_free (Doc *doc)
{
  g_free (doc->name);
  g_clear_pointer (&doc->queued, g_bytes_unref);
  g_clear_pointer (&doc->queued_tasks, g_ptr_array_unref);
  g_clear_pointer (&doc->running_tasks, g_ptr_array_unref);
  g_free (doc);
}

static Doc *
_lento_vault_get_doc (LentoVault *self,
                      const char *name)
{
  Doc *doc = g_hash_table_lookup (self->docs, name);

  if (doc == NULL)
    {
      doc = g_new0 (Doc, 1);
      doc->name = g_strdup (name);
      doc->queued_tasks = g_ptr_array_new_with_free_func (g_object_unref);
      doc->running_tasks = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->docs, doc->name, doc);
    }

  return doc;
}

static char *
_lento_vault_doc_path (const char *data_dir,
                       const char *name,
                       const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_build_filename (data_dir, file, NULL);
}

static GPtrArray *
copy_keys (GPtrArray *keys)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    g_ptr_array_add (copy, lento_secret_ref (g_ptr_array_index (keys, i)));

  return copy;
}

/* Recomputes the state from the facts and notifies when it changed. */
static void
_lento_vault_update_state (LentoVault *self)
{
  LentoVaultState state;
  const char *damaged = NULL;

  if (self->lock_fd < 0)
    state = LENTO_VAULT_STATE_CLOSED;
  else if (self->keys == NULL)
    state = LENTO_VAULT_STATE_NO_JOURNAL;
  else if (self->master_key == NULL)
    state = LENTO_VAULT_STATE_LOCKED;
  else
    state = LENTO_VAULT_STATE_UNLOCKED;

  if (state == LENTO_VAULT_STATE_UNLOCKED)
    {
      GHashTableIter iter;
      Doc *doc;

      g_hash_table_iter_init (&iter, self->docs);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &doc))
        if (doc->health == DOC_DAMAGED && (damaged == NULL || strcmp (doc->name, damaged) < 0))
          damaged = doc->name;
      if (damaged != NULL)
        state = LENTO_VAULT_STATE_READ_ONLY;
    }

  if (g_strcmp0 (damaged, self->damaged_document) != 0)
    {
      g_free (self->damaged_document);
      self->damaged_document = g_strdup (damaged);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DAMAGED_DOCUMENT]);
    }

  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }
}

static void
_lento_vault_set_pending_writes (LentoVault *self,
                                 guint       pending)
{
  gboolean was_busy = self->pending_writes > 0;

  if (pending == self->pending_writes)
    return;

  self->pending_writes = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PENDING_WRITES]);
  if (was_busy != (pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  if (pending == 0 && self->flush_tasks->len > 0)
    {
      g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->flush_tasks);

      self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < tasks->len; i++)
        g_task_return_boolean (g_ptr_array_index (tasks, i), TRUE);
    }
}

static void
_lento_vault_wipe_keys (LentoVault *self)
{
  /* The secrets' memory is wiped by sodium_free() as the last reference
   * goes; a worker holding a reference keeps it only while it runs. */
  g_clear_pointer (&self->master_key, lento_secret_unref);
  g_clear_pointer (&self->data_keys, g_ptr_array_unref);
}

static void
lento_vault_finalize (GObject *object)
{
  LentoVault *self = (LentoVault *) object;

  _lento_vault_wipe_keys (self);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->keys, lento_key_file_free);
  g_clear_pointer (&self->docs, g_hash_table_unref);
  g_clear_pointer (&self->flush_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->damaged_document, g_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->application_id, g_free);

  G_OBJECT_CLASS (lento_vault_parent_class)->finalize (object);
}

static void
lento_vault_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LentoVault *self = LENTO_VAULT (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_APPLICATION_ID:
      g_value_set_string (value, self->application_id);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_DAMAGED_DOCUMENT:
      g_value_set_string (value, self->damaged_document);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->pending_writes > 0);
      break;
    case PROP_PENDING_WRITES:
      g_value_set_uint (value, self->pending_writes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_vault_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LentoVault *self = LENTO_VAULT (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_APPLICATION_ID:
      self->application_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_vault_class_init (LentoVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lento_vault_finalize;
  object_class->get_property = lento_vault_get_property;
  object_class->set_property = lento_vault_set_property;

  properties [PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_APPLICATION_ID] =
    g_param_spec_string ("application-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LENTO_TYPE_VAULT_STATE, LENTO_VAULT_STATE_CLOSED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DAMAGED_DOCUMENT] =
    g_param_spec_string ("damaged-document", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PENDING_WRITES] =
    g_param_spec_uint ("pending-writes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LentoVault::locked:
   *
   * Every key was wiped from memory; show the unlock page.
   */
  signals [LOCKED] =
    g_signal_new ("locked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lento_vault_init (LentoVault *self)
{
  lento_secure_init ();

  self->lock_fd = -1;
  self->state = LENTO_VAULT_STATE_CLOSED;
  self->docs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) doc_free);
  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->layer = lento_file_layer_get_default ();
  self->kdf_opslimit = LENTO_KDF_OPSLIMIT_DEFAULT;
  self->kdf_memlimit_kib = LENTO_KDF_MEMLIMIT_KIB_DEFAULT;
}

LentoVault *
lento_vault_new (const char *data_dir,
                 const char *application_id)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LENTO_TYPE_VAULT,
                       "data-dir", data_dir,
                       "application-id", application_id,
                       NULL);
}

const char *
lento_vault_get_data_dir (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);

  return self->data_dir;
}

const char *
lento_vault_get_application_id (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);

  return self->application_id;
}

LentoVaultState
lento_vault_get_state (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), LENTO_VAULT_STATE_CLOSED);

  return self->state;
}

const char *
lento_vault_get_damaged_document (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);

  return self->damaged_document;
}

gboolean
lento_vault_get_busy (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);

  return self->pending_writes > 0;
}

guint
lento_vault_get_pending_writes (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), 0);

  return self->pending_writes;
}

gboolean
lento_vault_get_rotation_pending (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);

  return self->keys != NULL && lento_key_file_get_n_data_keys (self->keys) > 1;
}

char *
lento_vault_dup_journal_uuid (LentoVault *self)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);

  return self->keys ? lento_key_file_dup_uuid_string (self->keys) : NULL;
}

void
lento_vault_set_file_layer (LentoVault           *self,
                            const LentoFileLayer *layer,
                            gpointer              user_data)
{
  g_return_if_fail (LENTO_IS_VAULT (self));

  self->layer = layer ? layer : lento_file_layer_get_default ();
  self->layer_data = layer ? user_data : NULL;
}

void
lento_vault_set_kdf_limits (LentoVault *self,
                            guint       opslimit,
                            guint       memlimit_kib)
{
  g_return_if_fail (LENTO_IS_VAULT (self));

  self->kdf_opslimit = CLAMP (opslimit, LENTO_KDF_OPSLIMIT_MIN, LENTO_KDF_OPSLIMIT_MAX);
  self->kdf_memlimit_kib = CLAMP (memlimit_kib, LENTO_KDF_MEMLIMIT_KIB_MIN,
                                  LENTO_KDF_MEMLIMIT_KIB_MAX);
}

/* Reads keys.lento, or its copy when it is damaged or missing. Returns
 * NULL without error when neither exists. */
static LentoKeyFile *
load_keys (const char  *data_dir,
           GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, KEYS_FILE, NULL);
  g_autofree char *prev = g_strconcat (path, ".prev", NULL);
  g_autoptr(GError) first_error = NULL;
  const char *paths[] = { path, prev };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) local_error = NULL;
      LentoKeyFile *keys;
      gsize length = 0;

      if (!g_file_get_contents (paths[i], &contents, &length, &local_error))
        {
          if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
              first_error == NULL)
            g_set_error (&first_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                         "%s", local_error->message);
          continue;
        }

      keys = lento_key_file_parse ((const guint8 *) contents, length, &local_error);
      if (keys != NULL)
        {
          if (i > 0)
            g_debug ("keys.lento did not open; using its copy keys.lento.prev");
          return keys;
        }
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  if (first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));

  return NULL;
}

/* keys.lento is written twice: the file and an identical copy, so a
 * damaged key file has a twin, and a replaced slot (an old recovery code)
 * survives in neither. */
static gboolean
save_keys (LentoVault    *self,
           LentoKeyFile  *keys,
           GError       **error)
{
  g_autoptr(GBytes) bytes = lento_key_file_serialize (keys);
  g_autofree char *path = g_build_filename (self->data_dir, KEYS_FILE, NULL);
  g_autofree char *prev = g_strconcat (path, ".prev", NULL);
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (!self->layer->replace_contents (self->layer_data, path, data, size, error) ||
      !self->layer->sync_dir (self->layer_data, self->data_dir, error) ||
      !self->layer->replace_contents (self->layer_data, prev, data, size, error))
    return FALSE;

  return self->layer->sync_dir (self->layer_data, self->data_dir, error);
}

/* Takes ownership of @keys once it is on disk. */
static gboolean
replace_keys (LentoVault    *self,
              LentoKeyFile  *keys,
              GError       **error)
{
  if (!save_keys (self, keys, error))
    {
      lento_key_file_free (keys);
      return FALSE;
    }

  g_clear_pointer (&self->keys, lento_key_file_free);
  self->keys = keys;

  return TRUE;
}

static gboolean
ensure_private_dir (const char  *path,
                    GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                   _("Could not make the journal's folder: %s"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
lento_vault_open (LentoVault  *self,
                  GError     **error)
{
  g_autofree char *lock_path = NULL;
  g_autoptr(GError) local_error = NULL;
  LentoKeyFile *keys;
  int fd;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->lock_fd >= 0)
    return TRUE;

  if (!ensure_private_dir (self->data_dir, error))
    return FALSE;

  lock_path = g_build_filename (self->data_dir, LOCK_FILE, NULL);
  fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                   _("Could not open the journal's lock file: %s"), g_strerror (saved));
      return FALSE;
    }

  /* flock() locks belong to the open file description, so a second
   * LentoVault in this process is refused as well as another process. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      close (fd);
      if (saved == EWOULDBLOCK)
        lento_vault_set_error (error, LENTO_VAULT_ERROR_ALREADY_OPEN);
      else
        g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                     _("Could not lock the journal: %s"), g_strerror (saved));
      return FALSE;
    }

  keys = load_keys (self->data_dir, &local_error);
  if (local_error != NULL)
    {
      close (fd);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->lock_fd = fd;
  self->keys = keys;
  _lento_vault_update_state (self);

  return TRUE;
}

void
lento_vault_close (LentoVault *self)
{
  g_return_if_fail (LENTO_IS_VAULT (self));

  if (self->lock_fd < 0)
    return;

  lento_vault_lock (self);
  g_clear_pointer (&self->keys, lento_key_file_free);
  close (self->lock_fd);
  self->lock_fd = -1;
  _lento_vault_update_state (self);
}

static gboolean
dir_has_documents (const char *data_dir);

LentoSecret *
lento_vault_create (LentoVault  *self,
                    GError     **error)
{
  g_autoptr(LentoSecret) master_key = NULL;
  g_autoptr(LentoSecret) data_key = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GPtrArray) data_keys = NULL;
  LentoKeyFile *keys;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->state == LENTO_VAULT_STATE_CLOSED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_OPEN), NULL;
  /* A journal that exists is only ever opened by one of its slots: never
   * replace its keys, and never make keys beside orphaned documents. */
  if (self->state != LENTO_VAULT_STATE_NO_JOURNAL || dir_has_documents (self->data_dir))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_JOURNAL_EXISTS), NULL;

  master_key = lento_secret_new_random (LENTO_KEY_SIZE);
  data_key = lento_secret_new_random (LENTO_KEY_SIZE);
  keys = lento_key_file_new (NULL, master_key, data_key);
  code = lento_key_file_set_recovery_slot (keys, master_key);

  if (!replace_keys (self, keys, error))
    return NULL;

  data_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  g_ptr_array_add (data_keys, g_steal_pointer (&data_key));
  self->master_key = g_steal_pointer (&master_key);
  self->data_keys = g_steal_pointer (&data_keys);
  _lento_vault_update_state (self);

  return g_steal_pointer (&code);
}

/* Takes the master key that a slot gave and opens the key block. */
static gboolean
finish_unlock (LentoVault   *self,
               LentoSecret  *master_key,
               GError      **error)
{
  GPtrArray *data_keys;

  data_keys = lento_key_file_open_data_keys (self->keys, master_key, error);
  if (data_keys == NULL)
    return FALSE;

  _lento_vault_wipe_keys (self);
  self->master_key = lento_secret_ref (master_key);
  self->data_keys = data_keys;
  _lento_vault_update_state (self);

  return TRUE;
}

static gboolean
_lento_vault_check_locked_journal (LentoVault  *self,
                                   GError     **error)
{
  if (self->state == LENTO_VAULT_STATE_CLOSED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_OPEN), FALSE;
  if (self->state == LENTO_VAULT_STATE_NO_JOURNAL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_JOURNAL), FALSE;

  return TRUE;
}

static gboolean
_lento_vault_check_unlocked (LentoVault  *self,
                             GError     **error)
{
  if (!_lento_vault_check_locked_journal (self, error))
    return FALSE;
  if (self->state == LENTO_VAULT_STATE_LOCKED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_LOCKED), FALSE;

  return TRUE;
}

static void
unlock_keyring_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LentoVault *self = g_task_get_source_object (task);
  g_autoptr(LentoSecret) secret = NULL;
  g_autoptr(LentoSecret) master_key = NULL;
  GError *error = NULL;

  secret = lento_keyring_lookup_finish (result, &error);
  if (secret == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->keys == NULL)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_OPEN, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_NOT_OPEN));
      return;
    }

  master_key = lento_key_file_unlock_keyring (self->keys, secret, &error);
  if (master_key == NULL)
    {
      /* A secret that does not fit the slot was overwritten or belongs to
       * another journal; it says nothing about the journal itself. */
      if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_KEY))
        {
          g_clear_error (&error);
          lento_vault_set_error (&error, LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID);
        }
      g_task_return_error (task, error);
      return;
    }

  if (!finish_unlock (self, master_key, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_unlock_keyring_async (LentoVault          *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_unlock_keyring_async);

  if (!_lento_vault_check_locked_journal (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lento_key_file_has_slot (self->keys, LENTO_SLOT_KEYRING))
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_SLOT, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_NO_SLOT));
      return;
    }

  uuid = lento_key_file_dup_uuid_string (self->keys);
  lento_keyring_lookup_async (self->application_id, uuid, cancellable,
                              unlock_keyring_cb, g_steal_pointer (&task));
}

gboolean
lento_vault_unlock_keyring_finish (LentoVault    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
lento_vault_unlock_recovery_code (LentoVault   *self,
                                  LentoSecret  *recovery_code,
                                  GError      **error)
{
  g_autoptr(LentoSecret) master_key = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (recovery_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_locked_journal (self, error))
    return FALSE;

  master_key = lento_key_file_unlock_recovery (self->keys, lento_secret_get_string (recovery_code),
                                               error);
  if (master_key == NULL)
    return FALSE;

  return finish_unlock (self, master_key, error);
}

typedef struct {
  LentoKeyFile *keys;
  LentoSecret  *secret;
  LentoSecret  *master_key;
  guint         opslimit;
  guint         memlimit_kib;
} KdfJob;

static void
kdf_job_free (KdfJob *job)
{
  g_clear_pointer (&job->keys, lento_key_file_free);
  g_clear_pointer (&job->secret, lento_secret_unref);
  g_clear_pointer (&job->master_key, lento_secret_unref);
  g_free (job);
}

static KdfJob *
_lento_vault_kdf_job_new (LentoVault  *self,
                          LentoSecret *passphrase)
{
  KdfJob *job = g_new0 (KdfJob, 1);

  job->keys = lento_key_file_copy (self->keys);
  job->secret = lento_secret_ref (passphrase);
  return job;
}

/* Argon2id takes a noticeable moment: it runs in a worker, on a copy of the
 * key file, and @done finishes @task (which it takes) on this thread.
 */
static void
_lento_vault_run_kdf_job (LentoVault          *self,
                          GTask               *task,
                          KdfJob              *job,
                          GAsyncReadyCallback  done,
                          GTaskThreadFunc      thread)
{
  g_autoptr(GTask) worker = NULL;

  worker = g_task_new (self, g_task_get_cancellable (task), done, task);
  g_task_set_source_tag (worker, thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) kdf_job_free);
  g_task_run_in_thread (worker, thread);
}

static void
unlock_passphrase_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  KdfJob *job = task_data;
  GError *error = NULL;
  LentoSecret *master_key;

  master_key = lento_key_file_unlock_passphrase (job->keys, job->secret, &error);
  if (master_key == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, master_key, (GDestroyNotify) lento_secret_unref);
}

static void
unlock_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LentoSecret) master_key = NULL;
  GError *error = NULL;

  master_key = g_task_propagate_pointer (G_TASK (result), &error);
  if (master_key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->keys == NULL)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_OPEN, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_NOT_OPEN));
      return;
    }
  if (!finish_unlock (self, master_key, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_unlock_passphrase_async (LentoVault          *self,
                                     LentoSecret         *passphrase,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_unlock_passphrase_async);

  if (!_lento_vault_check_locked_journal (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _lento_vault_run_kdf_job (self, g_steal_pointer (&task),
                            _lento_vault_kdf_job_new (self, passphrase),
                            unlock_passphrase_cb, unlock_passphrase_thread);
}

gboolean
lento_vault_unlock_passphrase_finish (LentoVault    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lento_vault_lock (LentoVault *self)
{
  g_return_if_fail (LENTO_IS_VAULT (self));

  if (self->master_key == NULL && self->data_keys == NULL)
    return;

  _lento_vault_wipe_keys (self);
  _lento_vault_update_state (self);
  g_signal_emit (self, signals [LOCKED], 0);
}

/* Documents */

static GBytes *
_lento_vault_open_file (const char    *path,
                        const char    *name,
                        const guint8  *uuid,
                        GPtrArray     *keys,
                        guint8        *key_id,
                        gboolean      *missing,
                        GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  LentoContainerHeader header;
  GBytes *plain;
  gsize length = 0;

  if (missing != NULL)
    *missing = FALSE;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          if (missing != NULL)
            *missing = TRUE;
          lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_FOUND);
        }
      else
        {
          g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO, "%s", local_error->message);
        }
      return NULL;
    }

  plain = lento_container_open ((const guint8 *) contents, length, LENTO_CONTAINER_KIND_DOCUMENT,
                                uuid, name, (LentoSecret * const *) keys->pdata, keys->len,
                                &header, error);
  if (plain != NULL && key_id != NULL)
    memcpy (key_id, header.key_id, LENTO_KEY_ID_SIZE);

  return plain;
}

/* Opens the current generation, or the previous one when the current
 * one fails. Thread-safe: it only uses its arguments. */
static GBytes *
_lento_vault_load_document (const char          *data_dir,
                            const char          *name,
                            const guint8        *uuid,
                            GPtrArray           *keys,
                            LentoDocumentStatus *status,
                            GError             **current_error,
                            GError             **error)
{
  g_autofree char *path = _lento_vault_doc_path (data_dir, name, SUFFIX);
  g_autofree char *prev = _lento_vault_doc_path (data_dir, name, PREV_SUFFIX);
  g_autoptr(GError) local_error = NULL;
  gboolean missing = FALSE;
  gboolean prev_missing = FALSE;
  GBytes *plain;

  plain = _lento_vault_open_file (path, name, uuid, keys, NULL, &missing, &local_error);
  if (plain != NULL)
    {
      *status = LENTO_DOCUMENT_OK;
      return plain;
    }

  plain = _lento_vault_open_file (prev, name, uuid, keys, NULL, &prev_missing, NULL);
  if (missing && prev_missing)
    {
      *status = LENTO_DOCUMENT_OK;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (current_error != NULL)
    *current_error = g_error_copy (local_error);

  if (plain != NULL)
    {
      g_debug ("Document %s did not open; its previous generation did", name);
      *status = LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS;
      return plain;
    }

  *status = LENTO_DOCUMENT_DAMAGED;
  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

gboolean
lento_vault_has_document (LentoVault *self,
                          const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!lento_container_name_is_valid (name))
    return FALSE;

  path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);

  return g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (prev, G_FILE_TEST_EXISTS);
}

GBytes *
lento_vault_read_document (LentoVault           *self,
                           const char           *name,
                           LentoDocumentStatus  *status,
                           GError              **error)
{
  LentoDocumentStatus local_status = LENTO_DOCUMENT_OK;
  GBytes *plain;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (status != NULL)
    *status = LENTO_DOCUMENT_OK;
  if (!_lento_vault_check_unlocked (self, error))
    return NULL;
  if (!lento_container_name_is_valid (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), NULL;

  plain = _lento_vault_load_document (self->data_dir, name, lento_key_file_get_uuid (self->keys),
                                      self->data_keys, &local_status, NULL, error);

  doc = _lento_vault_get_doc (self, name);
  /* While a write of this document runs, what is on disk is what the
   * vault itself wrote. */
  if (!doc->in_flight)
    doc->health = local_status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
  _lento_vault_update_state (self);

  if (status != NULL)
    *status = local_status;

  return plain;
}

typedef struct {
  const LentoFileLayer *layer;
  gpointer              layer_data;
  char                 *path;
  GBytes               *bytes;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  g_autofree char *dir = g_path_get_dirname (job->path);
  gsize size;
  const guint8 *data = g_bytes_get_data (job->bytes, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                               _("Could not make the journal's folder: %s"), g_strerror (saved));
      return;
    }

  if (!lento_file_layer_write_generation (job->layer, job->layer_data, job->path, data, size,
                                          &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_write (LentoVault *self,
                         Doc        *doc);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) finished = NULL;
  Doc *doc;

  g_task_propagate_boolean (G_TASK (result), &error);

  doc = g_hash_table_lookup (self->docs, name);
  g_assert (doc != NULL && doc->in_flight);
  doc->in_flight = FALSE;
  finished = g_steal_pointer (&doc->running_tasks);
  doc->running_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  /* Every failure leaves a complete generation on disk (the old one or
   * the new one), so the document stays writable. */
  if (error == NULL)
    doc->health = DOC_GOOD;

  if (doc->queued != NULL)
    start_write (self, doc);

  for (guint i = 0; i < finished->len; i++)
    {
      GTask *task = g_ptr_array_index (finished, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  _lento_vault_set_pending_writes (self, self->pending_writes - finished->len);
}

static void
start_write (LentoVault *self,
             Doc        *doc)
{
  g_autoptr(GTask) worker = NULL;
  GPtrArray *tasks;
  WriteJob *job;

  g_assert (!doc->in_flight);
  g_assert (doc->queued != NULL);

  job = g_new0 (WriteJob, 1);
  job->layer = self->layer;
  job->layer_data = self->layer_data;
  job->path = _lento_vault_doc_path (self->data_dir, doc->name, SUFFIX);
  job->bytes = g_steal_pointer (&doc->queued);

  tasks = doc->running_tasks;
  doc->running_tasks = doc->queued_tasks;
  doc->queued_tasks = tasks;
  doc->in_flight = TRUE;

  worker = g_task_new (self, NULL, write_done_cb, g_strdup (doc->name));
  g_task_set_source_tag (worker, write_thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (worker, write_thread);
}

/* A document whose current file does not open must never be
 * overwritten: find out before the first write of this session. */
static void
check_health (LentoVault *self,
              Doc        *doc)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;
  g_autoptr(GBytes) plain = NULL;
  gboolean missing = FALSE;

  if (doc->health != DOC_UNKNOWN)
    return;

  path = _lento_vault_doc_path (self->data_dir, doc->name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, doc->name, PREV_SUFFIX);
  plain = _lento_vault_open_file (path, doc->name, lento_key_file_get_uuid (self->keys),
                                  self->data_keys, NULL, &missing, NULL);
  if (plain != NULL || (missing && !g_file_test (prev, G_FILE_TEST_EXISTS)))
    doc->health = DOC_GOOD;
  else
    doc->health = DOC_DAMAGED;
}

void
lento_vault_write_document_async (LentoVault          *self,
                                  const char          *name,
                                  GBytes              *json,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  const guint8 *data;
  gsize size;
  Doc *doc;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (json != NULL);

  /* Writes are not cancellable once queued: @cancellable only stops the
   * callback from mattering to the caller. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_write_document_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lento_container_name_is_valid (name))
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INVALID_NAME, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_INVALID_NAME));
      return;
    }

  doc = _lento_vault_get_doc (self, name);
  check_health (self, doc);
  _lento_vault_update_state (self);
  if (doc->health == DOC_DAMAGED)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DOCUMENT_DAMAGED, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_DOCUMENT_DAMAGED));
      return;
    }
  if (self->state == LENTO_VAULT_STATE_READ_ONLY)
    {
      g_task_return_new_error (task, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY, "%s",
                               lento_vault_error_message (LENTO_VAULT_ERROR_READ_ONLY));
      return;
    }

  data = g_bytes_get_data (json, &size);
  sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT,
                                 lento_key_file_get_uuid (self->keys), name,
                                 g_ptr_array_index (self->data_keys, 0), NULL,
                                 data, size, &error);
  if (sealed == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A newer version replaces a queued one: only the latest matters. */
  g_clear_pointer (&doc->queued, g_bytes_unref);
  doc->queued = g_steal_pointer (&sealed);
  g_ptr_array_add (doc->queued_tasks, g_steal_pointer (&task));
  _lento_vault_set_pending_writes (self, self->pending_writes + 1);

  if (!doc->in_flight)
    start_write (self, doc);
}

gboolean
lento_vault_write_document_finish (LentoVault    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lento_vault_flush_async (LentoVault          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LENTO_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_flush_async);

  if (self->pending_writes == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->flush_tasks, g_steal_pointer (&task));
}

gboolean
lento_vault_flush_finish (LentoVault    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Adds to @names the document names in @dir (relative @prefix). */
static void
collect_names (const char *dir,
               const char *prefix,
               GHashTable *names,
               gboolean    descend)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  if (d == NULL)
    return;

  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, entry, NULL);
      g_autofree char *stem = NULL;

      if (g_str_has_suffix (entry, SUFFIX))
        stem = g_strndup (entry, strlen (entry) - strlen (SUFFIX));
      else if (g_str_has_suffix (entry, PREV_SUFFIX))
        stem = g_strndup (entry, strlen (entry) - strlen (PREV_SUFFIX));

      if (stem != NULL)
        {
          g_autofree char *name = prefix ? g_strconcat (prefix, "/", stem, NULL)
                                         : g_strdup (stem);

          if (lento_container_name_is_valid (name))
            g_hash_table_add (names, g_steal_pointer (&name));
        }
      else if (descend && g_file_test (full, G_FILE_TEST_IS_DIR) &&
               lento_container_name_is_valid (entry))
        {
          collect_names (full, entry, names, FALSE);
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char **
_lento_vault_list_names (const char *data_dir)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  char *name;

  collect_names (data_dir, NULL, names, TRUE);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_ptr_array_add (sorted, g_strdup (name));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}

static gboolean
dir_has_documents (const char *data_dir)
{
  g_auto(GStrv) names = _lento_vault_list_names (data_dir);

  return names[0] != NULL;
}

char **
lento_vault_list_documents (LentoVault  *self,
                            GError     **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_locked_journal (self, error))
    return NULL;

  return _lento_vault_list_names (self->data_dir);
}

/* Verify */

typedef struct {
  char      *data_dir;
  guint8     uuid[LENTO_UUID_SIZE];
  GPtrArray *keys;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_free (job->data_dir);
  g_clear_pointer (&job->keys, g_ptr_array_unref);
  g_free (job);
}

static GPtrArray *
verify_documents (const char   *data_dir,
                  const guint8 *uuid,
                  GPtrArray    *keys)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_document_report_free);
  g_auto(GStrv) names = _lento_vault_list_names (data_dir);

  for (guint i = 0; names[i] != NULL; i++)
    {
      LentoDocumentReport *report = g_new0 (LentoDocumentReport, 1);
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GError) error = NULL;

      report->name = g_strdup (names[i]);
      plain = _lento_vault_load_document (data_dir, names[i], uuid, keys, &report->status,
                                          &report->error, &error);
      if (report->status == LENTO_DOCUMENT_OK && plain == NULL)
        {
          /* Listed but gone meanwhile: nothing to report. */
          lento_document_report_free (report);
          continue;
        }
      if (report->status == LENTO_DOCUMENT_DAMAGED && report->error == NULL && error != NULL)
        report->error = g_steal_pointer (&error);
      g_ptr_array_add (reports, report);
    }

  return reports;
}

static void
apply_reports (LentoVault *self,
               GPtrArray  *reports)
{
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);
      Doc *doc = _lento_vault_get_doc (self, report->name);

      if (!doc->in_flight)
        doc->health = report->status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
    }
  _lento_vault_update_state (self);
}

GPtrArray *
lento_vault_verify (LentoVault  *self,
                    GError     **error)
{
  GPtrArray *reports;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_unlocked (self, error))
    return NULL;

  reports = verify_documents (self->data_dir, lento_key_file_get_uuid (self->keys),
                              self->data_keys);
  apply_reports (self, reports);

  return reports;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyJob *job = task_data;

  g_task_return_pointer (task, verify_documents (job->data_dir, job->uuid, job->keys),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autoptr(GTask) task = user_data;
  GPtrArray *reports;
  GError *error = NULL;

  reports = g_task_propagate_pointer (G_TASK (result), &error);
  if (reports == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  apply_reports (self, reports);
  g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);
}

void
lento_vault_verify_async (LentoVault          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  VerifyJob *job;

  g_return_if_fail (LENTO_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_verify_async);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (VerifyJob, 1);
  job->data_dir = g_strdup (self->data_dir);
  memcpy (job->uuid, lento_key_file_get_uuid (self->keys), LENTO_UUID_SIZE);
  job->keys = copy_keys (self->data_keys);

  worker = g_task_new (self, cancellable, verify_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, job, (GDestroyNotify) verify_job_free);
  g_task_run_in_thread (worker, verify_thread);
}

GPtrArray *
lento_vault_verify_finish (LentoVault    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
lento_vault_restore_previous (LentoVault  *self,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) plain = NULL;
  gsize length = 0;
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (!lento_container_name_is_valid (name))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_INVALID_NAME), FALSE;

  doc = _lento_vault_get_doc (self, name);
  if (doc->in_flight)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);
  damaged = _lento_vault_doc_path (self->data_dir, name, ".lento.damaged");
  dir = g_path_get_dirname (path);

  plain = _lento_vault_open_file (prev, name, lento_key_file_get_uuid (self->keys),
                                  self->data_keys, NULL, NULL, NULL);
  if (plain == NULL || !g_file_get_contents (prev, &contents, &length, NULL))
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE), FALSE;

  /* The damaged file is kept aside, not deleted: it may still matter to
   * someone trying to rescue it. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      !self->layer->rename (self->layer_data, path, damaged, error))
    return FALSE;
  if (!self->layer->replace_contents (self->layer_data, path, (const guint8 *) contents, length,
                                      error) ||
      !self->layer->sync_dir (self->layer_data, dir, error))
    return FALSE;

  doc->health = DOC_GOOD;
  _lento_vault_update_state (self);

  return TRUE;
}

/* Slots */

gboolean
lento_vault_has_slot (LentoVault    *self,
                      LentoSlotType  type)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);

  return self->keys != NULL && lento_key_file_has_slot (self->keys, type);
}

static void
store_in_keyring_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LentoVault *self = g_task_get_source_object (task);
  LentoSecret *secret = g_task_get_task_data (task);
  GError *error = NULL;
  LentoKeyFile *keys;

  if (!lento_keyring_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  keys = lento_key_file_copy (self->keys);
  lento_key_file_set_keyring_slot (keys, self->master_key, secret);
  if (!replace_keys (self, keys, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_store_in_keyring_async (LentoVault          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  LentoSecret *secret;

  g_return_if_fail (LENTO_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_store_in_keyring_async);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  secret = lento_secret_new_random (LENTO_KEY_SIZE);
  g_task_set_task_data (task, secret, (GDestroyNotify) lento_secret_unref);
  uuid = lento_key_file_dup_uuid_string (self->keys);
  lento_keyring_store_async (self->application_id, uuid, secret, cancellable,
                             store_in_keyring_cb, g_steal_pointer (&task));
}

gboolean
lento_vault_store_in_keyring_finish (LentoVault    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
clear_keyring_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The slot is already gone, so a leftover item opens nothing. */
  if (!lento_keyring_clear_finish (result, &error))
    g_debug ("The keyring item was not removed: %s", error->message);
}

static gboolean
remove_slot (LentoVault     *self,
             LentoSlotType   type,
             GError        **error)
{
  LentoKeyFile *keys;
  guint others = 0;

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (!lento_key_file_has_slot (self->keys, type))
    return TRUE;

  for (LentoSlotType t = LENTO_SLOT_KEYRING; t <= LENTO_SLOT_PASSPHRASE; t++)
    if (t != type && lento_key_file_has_slot (self->keys, t))
      others++;
  if (others == 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_LAST_SLOT), FALSE;

  keys = lento_key_file_copy (self->keys);
  lento_key_file_remove_slot (keys, type);

  return replace_keys (self, keys, error);
}

gboolean
lento_vault_remove_keyring_slot (LentoVault  *self,
                                 GError     **error)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!remove_slot (self, LENTO_SLOT_KEYRING, error))
    return FALSE;

  uuid = lento_key_file_dup_uuid_string (self->keys);
  lento_keyring_clear_async (self->application_id, uuid, NULL, clear_keyring_cb, NULL);

  return TRUE;
}

LentoSecret *
lento_vault_new_recovery_code (LentoVault  *self,
                               GError     **error)
{
  g_autoptr(LentoSecret) code = NULL;
  LentoKeyFile *keys;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_unlocked (self, error))
    return NULL;

  keys = lento_key_file_copy (self->keys);
  code = lento_key_file_set_recovery_slot (keys, self->master_key);
  if (!replace_keys (self, keys, error))
    return NULL;

  return g_steal_pointer (&code);
}

static void
set_passphrase_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  KdfJob *job = task_data;
  GError *error = NULL;

  if (!lento_key_file_set_passphrase_slot (job->keys, job->master_key, job->secret,
                                           job->opslimit, job->memlimit_kib, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_passphrase_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autoptr(GTask) task = user_data;
  KdfJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!replace_keys (self, g_steal_pointer (&job->keys), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
lento_vault_set_passphrase_async (LentoVault          *self,
                                  LentoSecret         *passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  KdfJob *job;

  g_return_if_fail (LENTO_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_set_passphrase_async);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = _lento_vault_kdf_job_new (self, passphrase);
  job->master_key = lento_secret_ref (self->master_key);
  job->opslimit = self->kdf_opslimit;
  job->memlimit_kib = self->kdf_memlimit_kib;

  _lento_vault_run_kdf_job (self, g_steal_pointer (&task), job, set_passphrase_cb,
                            set_passphrase_thread);
}

gboolean
lento_vault_set_passphrase_finish (LentoVault    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
lento_vault_remove_passphrase (LentoVault  *self,
                               GError     **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return remove_slot (self, LENTO_SLOT_PASSPHRASE, error);
}

/* Rotation */

/* Re-encrypts one document under keys[0] and makes its previous
 * generation a copy of the new one, so no file still needs the old key
 * once the rotation ends. Skips what was already done by an interrupted
 * rotation. */
static gboolean
rotate_document (LentoVault  *self,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = _lento_vault_doc_path (self->data_dir, name, SUFFIX);
  g_autofree char *prev = _lento_vault_doc_path (self->data_dir, name, PREV_SUFFIX);
  g_autofree char *dir = g_path_get_dirname (path);
  LentoSecret *new_key = g_ptr_array_index (self->data_keys, 0);
  const guint8 *uuid = lento_key_file_get_uuid (self->keys);
  guint8 new_id[LENTO_KEY_ID_SIZE];
  guint8 key_id[LENTO_KEY_ID_SIZE];
  guint8 prev_id[LENTO_KEY_ID_SIZE];
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) prev_plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gboolean missing = FALSE;
  gboolean prev_missing = FALSE;
  const guint8 *data;
  gsize size;

  lento_container_key_id (new_key, new_id);

  plain = _lento_vault_open_file (path, name, uuid, self->data_keys, key_id, &missing, error);
  if (plain == NULL)
    return FALSE;
  prev_plain = _lento_vault_open_file (prev, name, uuid, self->data_keys, prev_id, &prev_missing,
                                       NULL);

  if (memcmp (key_id, new_id, sizeof new_id) != 0)
    {
      data = g_bytes_get_data (plain, &size);
      sealed = lento_container_seal (LENTO_CONTAINER_KIND_DOCUMENT, uuid, name, new_key, NULL,
                                     data, size, error);
      if (sealed == NULL)
        return FALSE;
      data = g_bytes_get_data (sealed, &size);
      if (!lento_file_layer_write_generation (self->layer, self->layer_data, path, data, size,
                                              error))
        return FALSE;
    }
  else if (prev_missing || (prev_plain != NULL && memcmp (prev_id, new_id, sizeof new_id) == 0))
    {
      return TRUE;
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_IO), FALSE;
      sealed = g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  data = g_bytes_get_data (sealed, &size);
  if (!self->layer->replace_contents (self->layer_data, prev, data, size, error))
    return FALSE;

  return self->layer->sync_dir (self->layer_data, dir, error);
}

gboolean
lento_vault_rotate_data_key (LentoVault  *self,
                             GError     **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) final_keys = NULL;
  LentoKeyFile *keys;

  g_return_val_if_fail (LENTO_IS_VAULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lento_vault_check_unlocked (self, error))
    return FALSE;
  if (self->state == LENTO_VAULT_STATE_READ_ONLY)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_READ_ONLY), FALSE;
  if (self->pending_writes > 0)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_BUSY), FALSE;

  /* Step 1: keys.lento holds the new key first and the old one second.
   * From here on every document opens, whichever key sealed it. */
  if (self->data_keys->len == 1)
    {
      g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);

      g_ptr_array_add (both, lento_secret_new_random (LENTO_KEY_SIZE));
      g_ptr_array_add (both, lento_secret_ref (g_ptr_array_index (self->data_keys, 0)));
      keys = lento_key_file_copy (self->keys);
      lento_key_file_set_data_keys (keys, self->master_key, both);
      if (!replace_keys (self, keys, error))
        return FALSE;
      g_clear_pointer (&self->data_keys, g_ptr_array_unref);
      self->data_keys = g_steal_pointer (&both);
    }

  /* Step 2: every document and its previous generation under the new key. */
  names = _lento_vault_list_names (self->data_dir);
  for (guint i = 0; names[i] != NULL; i++)
    if (!rotate_document (self, names[i], error))
      return FALSE;

  /* Step 3: the old key leaves keys.lento. */
  final_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);
  g_ptr_array_add (final_keys, lento_secret_ref (g_ptr_array_index (self->data_keys, 0)));
  keys = lento_key_file_copy (self->keys);
  lento_key_file_set_data_keys (keys, self->master_key, final_keys);
  if (!replace_keys (self, keys, error))
    return FALSE;
  g_clear_pointer (&self->data_keys, g_ptr_array_unref);
  self->data_keys = g_steal_pointer (&final_keys);

  return TRUE;
}

/* Backups */

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
  names = _lento_vault_list_names (self->data_dir);
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

static GHashTable *
parse_backup_json (GBytes  *plain,
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
  if (json_object_get_int_member_with_default (object, "format", 0) != BACKUP_FORMAT)
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
      name = json_object_get_string_member_with_default (document, "name", NULL);
      content = json_object_get_string_member_with_default (document, "content", NULL);
      if (name == NULL || content == NULL || !lento_container_name_is_valid (name))
        return lento_vault_set_error (error, LENTO_VAULT_ERROR_DAMAGED), NULL;

      decoded = g_base64_decode (content, &decoded_size);
      g_hash_table_replace (documents, g_strdup (name), g_bytes_new_take (decoded, decoded_size));
    }

  return g_steal_pointer (&documents);
}

GHashTable *
lento_vault_read_backup (GFile          *file,
                         LentoSlotType   slot,
                         LentoSecret    *secret,
                         GError        **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LentoKeyFile) keys = NULL;
  g_autoptr(LentoSecret) master_key = NULL;
  g_autoptr(GPtrArray) data_keys = NULL;
  g_autoptr(GBytes) plain = NULL;
  LentoContainerHeader header;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (slot == LENTO_SLOT_RECOVERY || slot == LENTO_SLOT_PASSPHRASE, NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lento_secure_init ();

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  if (!lento_container_parse ((const guint8 *) contents, length, &header, error))
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

  plain = lento_container_open ((const guint8 *) contents, length, LENTO_CONTAINER_KIND_BACKUP,
                                header.journal_uuid, BACKUP_NAME,
                                (LentoSecret * const *) data_keys->pdata, data_keys->len,
                                NULL, error);
  if (plain == NULL)
    return NULL;

  return parse_backup_json (plain, error);
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
