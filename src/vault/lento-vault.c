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
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lento-container.h"
#include "lento-vault-private.h"

/* LentoVault is one class in several files. This one is the object
 * itself: its properties, the state it derives from the facts (whether
 * the lock file is held, keys.lento was read, the keys are in memory, a
 * document is damaged), the count of pending writes behind :busy,
 * opening, closing and locking. The rest of the vault lives beside it:
 *
 * - lento-vault-unlock.c puts the keys in memory from one slot: the
 *   keyring, the recovery code or the passphrase;
 * - lento-vault-documents.c reads and writes named documents: each
 *   document's write queue, its previous generation (.prev), restoring
 *   that, and refusing to overwrite a document that does not open;
 * - lento-vault-slots.c creates a journal and changes keys.lento: the
 *   key slots and the rotation of the data key;
 * - lento-vault-manifest.c binds every document to its latest generation,
 *   so that one put back from an older copy or deleted outside Lento is
 *   named rather than silently used;
 * - lento-vault-verify.c opens every document and reports which open;
 * - lento-vault-backup.c writes and reads the encrypted backup.
 *
 * They share the instance struct and a few helpers through
 * lento-vault-private.h. Only this file notifies properties or emits
 * signals: the other parts change the facts, then call
 * _lento_vault_update_state() or _lento_vault_set_pending_writes(), so
 * that the state is always computed in one place.
 */

#define LOCK_FILE     "lock"

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

static void
doc_free (Doc *doc)
{
  g_free (doc->name);
  g_clear_pointer (&doc->queued, g_bytes_unref);
  g_clear_pointer (&doc->queued_tasks, g_ptr_array_unref);
  g_clear_pointer (&doc->running_tasks, g_ptr_array_unref);
  g_free (doc);
}

Doc *
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

char *
_lento_vault_doc_path (const char *data_dir,
                       const char *name,
                       const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_build_filename (data_dir, file, NULL);
}

/* Recomputes the state from the facts and notifies when it changed. */
void
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

void
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

/* Keeps the key of the slot of @type, for as long as the journal is
 * unlocked; NULL forgets it (the slot is gone). */
void
_lento_vault_remember_kek (LentoVault    *self,
                           LentoSlotType  type,
                           LentoSecret   *kek)
{
  g_return_if_fail (type >= LENTO_SLOT_KEYRING && type <= LENTO_SLOT_PASSPHRASE);

  g_clear_pointer (&self->slot_keks[type - 1], lento_secret_unref);
  if (kek != NULL)
    self->slot_keks[type - 1] = lento_secret_ref (kek);
}

void
_lento_vault_forget_keks (LentoVault *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->slot_keks); i++)
    g_clear_pointer (&self->slot_keks[i], lento_secret_unref);
}

void
_lento_vault_wipe_keys (LentoVault *self)
{
  /* The secrets' memory is wiped by sodium_free() as the last reference
   * goes; a worker holding a reference keeps it only while it runs. */
  g_clear_pointer (&self->master_key, lento_secret_unref);
  _lento_vault_forget_keks (self);
  g_clear_pointer (&self->data_keys, g_ptr_array_unref);
  /* Read again, and every document compared with it, at the next unlock. */
  g_clear_pointer (&self->manifest, g_hash_table_unref);
}

static void
lento_vault_finalize (GObject *object)
{
  LentoVault *self = (LentoVault *) object;

  _lento_vault_wipe_keys (self);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->keys, lento_key_file_free);
  g_clear_pointer (&self->keys_report, lento_document_report_free);
  g_clear_pointer (&self->docs, g_hash_table_unref);
  g_clear_pointer (&self->flush_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->keyring_tasks, g_ptr_array_unref);
  g_clear_error (&self->keyring_unclaimed_error);
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
  self->keyring_tasks = g_ptr_array_new_with_free_func (g_object_unref);
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

/**
 * lento_vault_get_damaged_status:
 * @self: a vault
 *
 * Returns: what is wrong with LentoVault:damaged-document (damaged,
 *   rolled back, missing or in conflict), or %LENTO_DOCUMENT_OK when
 *   nothing is
 */
LentoDocumentStatus
lento_vault_get_damaged_status (LentoVault *self)
{
  Doc *doc;

  g_return_val_if_fail (LENTO_IS_VAULT (self), LENTO_DOCUMENT_OK);

  if (self->damaged_document == NULL)
    return LENTO_DOCUMENT_OK;
  doc = g_hash_table_lookup (self->docs, self->damaged_document);

  return doc != NULL ? doc->problem : LENTO_DOCUMENT_DAMAGED;
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

/* Whether @entry is what a write killed halfway leaves behind:
 * <stem>.lento.XXXXXX or <stem>.lento.prev.XXXXXX (the temporary file of
 * g_file_set_contents_full() and of the file layer), or
 * <stem>.lento.prev.tmp (the link that becomes .prev). */
static gboolean
is_temporary_file (const char *entry)
{
  static const char *suffixes[] = { SUFFIX ".", PREV_SUFFIX "." };
  const char *end = entry + strlen (entry);
  g_autofree char *stem = NULL;

  if (g_str_has_suffix (entry, PREV_SUFFIX ".tmp"))
    {
      stem = g_strndup (entry, strlen (entry) - strlen (PREV_SUFFIX ".tmp"));
    }
  else
    {
      if (end - entry < 7)
        return FALSE;
      for (const char *p = end - 6; p < end; p++)
        if (!g_ascii_isalnum (*p))
          return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (suffixes) && stem == NULL; i++)
        {
          gsize length = strlen (suffixes[i]);

          if ((gsize) (end - 6 - entry) > length &&
              strncmp (end - 6 - length, suffixes[i], length) == 0)
            stem = g_strndup (entry, end - 6 - length - entry);
        }
    }

  return stem != NULL && (g_str_equal (stem, "keys") || lento_container_name_is_valid (stem));
}

/* Removes the temporary files that a killed process left in @dir and, when
 * @descend, in its document folders. Only ever called with the lock held:
 * no other Lento is writing them. */
static void
remove_temporary_files (const char *dir,
                        gboolean    descend)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, entry, NULL);
      GStatBuf st;

      if (g_lstat (full, &st) != 0)
        continue;
      if (S_ISREG (st.st_mode) && is_temporary_file (entry))
        {
          if (g_unlink (full) == 0)
            g_debug ("Removed %s, left by an interrupted write", entry);
        }
      else if (descend && S_ISDIR (st.st_mode) && lento_container_name_is_valid (entry))
        {
          remove_temporary_files (full, FALSE);
        }
    }
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
                   /* Translators: %s is the system's reason, like “Permission denied”. */
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
                     /* Translators: %s is the system's reason, like “Permission denied”. */
                     _("Could not lock the journal: %s"), g_strerror (saved));
      return FALSE;
    }

  remove_temporary_files (self->data_dir, TRUE);

  self->lock_fd = fd;
  if (!_lento_vault_load_keys (self, error))
    {
      close (fd);
      self->lock_fd = -1;
      return FALSE;
    }
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
  g_clear_pointer (&self->keys_report, lento_document_report_free);
  close (self->lock_fd);
  self->lock_fd = -1;
  _lento_vault_update_state (self);
}

gboolean
_lento_vault_check_locked_journal (LentoVault  *self,
                                   GError     **error)
{
  if (self->state == LENTO_VAULT_STATE_CLOSED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NOT_OPEN), FALSE;
  if (self->state == LENTO_VAULT_STATE_NO_JOURNAL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_NO_JOURNAL), FALSE;

  return TRUE;
}

gboolean
_lento_vault_check_unlocked (LentoVault  *self,
                             GError     **error)
{
  if (!_lento_vault_check_locked_journal (self, error))
    return FALSE;
  if (self->state == LENTO_VAULT_STATE_LOCKED)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_LOCKED), FALSE;

  return TRUE;
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
