/* test-vault.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test"

#include "config.h"

#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "lento-container.h"
#include "lento-keyring.h"
#include "lento-keys.h"
#include "lento-vault.h"
#include "lento-vault-private.h"

#define APP_ID "io.github.lento.Lento.Devel"
#define PASSPHRASE "slow and steady"

typedef struct {
  char        *tmp;
  char        *data_dir;
  LentoVault  *vault;
  LentoSecret *code;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static gboolean
write_text (LentoVault  *vault,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  lento_vault_write_document_async (vault, name, bytes, NULL, store_result_cb, &result);
  return lento_vault_write_document_finish (vault, await_result (&result), error);
}

static char *
read_text (LentoVault          *vault,
           const char          *name,
           LentoDocumentStatus *status,
           GError             **error)
{
  g_autoptr(GBytes) bytes = lento_vault_read_document (vault, name, status, error);

  if (bytes == NULL)
    return NULL;

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_document (LentoVault *vault,
                 const char *name,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LentoDocumentStatus status;

  text = read_text (vault, name, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_OK);
  g_assert_cmpstr (text, ==, expected);
}

static gboolean
unlock_passphrase (LentoVault  *vault,
                   const char  *passphrase,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LentoSecret) secret = lento_secret_new_from_string (passphrase);

  lento_vault_unlock_passphrase_async (vault, secret, NULL, store_result_cb, &result);
  return lento_vault_unlock_passphrase_finish (vault, await_result (&result), error);
}

static gboolean
set_passphrase (LentoVault  *vault,
                const char  *passphrase,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LentoSecret) secret = lento_secret_new_from_string (passphrase);

  lento_vault_set_passphrase_async (vault, secret, NULL, store_result_cb, &result);
  return lento_vault_set_passphrase_finish (vault, await_result (&result), error);
}

static gboolean
store_in_keyring (LentoVault  *vault,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lento_vault_store_in_keyring_async (vault, NULL, store_result_cb, &result);
  return lento_vault_store_in_keyring_finish (vault, await_result (&result), error);
}

static gboolean
unlock_keyring (LentoVault  *vault,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lento_vault_unlock_keyring_async (vault, NULL, store_result_cb, &result);
  return lento_vault_unlock_keyring_finish (vault, await_result (&result), error);
}

static void
flush (LentoVault *vault)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lento_vault_flush_async (vault, NULL, store_result_cb, &result);
  g_assert_true (lento_vault_flush_finish (vault, await_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (lento_vault_get_busy (vault));
}

/* A worker thread drops its reference to the vault just after the main
 * thread has seen the result; wait for it before checking finalisation. */
static void
finalize_vault (LentoVault *vault)
{
  while (G_OBJECT (vault)->ref_count > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (vault);
}

static LentoVault *
open_vault (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  LentoVault *vault = lento_vault_new (data_dir, APP_ID);

  lento_vault_set_kdf_limits (vault, LENTO_KDF_OPSLIMIT_MIN, LENTO_KDF_MEMLIMIT_KIB_MIN);
  g_assert_true (lento_vault_open (vault, &error));
  g_assert_no_error (error);

  return vault;
}

/* Closes and finalises the fixture's vault and opens a fresh one, locked. */
static void
reopen (Fixture *f)
{
  flush (f->vault);
  lento_vault_close (f->vault);
  finalize_vault (f->vault);
  f->vault = open_vault (f->data_dir);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_LOCKED);
}

static void
unlock_with_code (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lento_vault_unlock_recovery_code (f->vault, f->code, &error));
  g_assert_no_error (error);
}

static GBytes *
read_file (Fixture    *f,
           const char *relative)
{
  g_autofree char *path = g_build_filename (f->data_dir, relative, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static guint64
generation_of (Fixture    *f,
               const char *relative)
{
  g_autoptr(GBytes) bytes = read_file (f, relative);
  g_autoptr(GError) error = NULL;
  LentoContainerHeader header;
  gsize size;
  const guint8 *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (lento_container_parse (data, size, &header, &error));
  g_assert_no_error (error);

  return header.generation;
}

static void
flip_byte (Fixture    *f,
           const char *relative,
           gsize       from_end)
{
  g_autofree char *path = g_build_filename (f->data_dir, relative, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  contents[length - 1 - from_end] ^= 0x10;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("lento-vault-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->tmp, APP_ID, NULL);
  f->vault = open_vault (f->data_dir);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);
  f->code = lento_vault_create (f->vault, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->code);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->vault != NULL)
    {
      flush (f->vault);
      finalize_vault (f->vault);
    }
  g_clear_pointer (&f->code, lento_secret_unref);
  remove_tree (f->tmp);
  g_free (f->data_dir);
  g_free (f->tmp);
}

static void
test_new_destroy (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lento-vault-XXXXXX", NULL);
  LentoVault *vault = lento_vault_new (tmp, APP_ID);

  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_CLOSED);
  g_assert_cmpstr (lento_vault_get_application_id (vault), ==, APP_ID);
  g_assert_cmpstr (lento_vault_get_data_dir (vault), ==, tmp);
  g_assert_false (lento_vault_get_busy (vault));
  finalize_vault (vault);
  remove_tree (tmp);
}

static void
locked_cb (LentoVault *vault,
           guint      *count)
{
  (*count)++;
}

static void
test_create_lock_unlock (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint locked = 0;
  struct stat st;

  g_assert_true (write_text (f->vault, "profile", "{\"a\":1}", &error));
  g_assert_no_error (error);

  g_signal_connect (f->vault, "locked", G_CALLBACK (locked_cb), &locked);
  lento_vault_lock (f->vault);
  g_assert_cmpuint (locked, ==, 1);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_LOCKED);

  bytes = lento_vault_read_document (f->vault, "profile", NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (write_text (f->vault, "profile", "{}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"a\":1}");

  /* A fresh process sees the same journal. */
  reopen (f);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"a\":1}");

  /* The folder is private and so are the files. */
  g_assert_cmpint (g_stat (f->data_dir, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
  {
    g_autofree char *path = g_build_filename (f->data_dir, "profile.lento", NULL);

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) keys_before = NULL;
  g_autoptr(GBytes) keys_after = NULL;
  g_autofree char *keys_path = g_build_filename (f->data_dir, "keys.lento", NULL);
  g_autofree char *moved = g_build_filename (f->tmp, "keys.moved", NULL);
  LentoSecret *code;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{}", &error));
  code = lento_vault_create (f->vault, &error);
  g_assert_null (code);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_JOURNAL_EXISTS);
  g_clear_error (&error);

  reopen (f);
  keys_before = read_file (f, "keys.lento");
  code = lento_vault_create (f->vault, &error);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_JOURNAL_EXISTS);
  g_clear_error (&error);
  keys_after = read_file (f, "keys.lento");
  g_assert_true (g_bytes_equal (keys_before, keys_after));

  /* Documents without keys: no new key is made beside them either, and the
   * vault says that their key file is missing. */
  g_assert_false (lento_vault_get_keys_missing (f->vault));
  lento_vault_close (f->vault);
  g_assert_cmpint (g_rename (keys_path, moved), ==, 0);
  {
    g_autofree char *prev = g_strconcat (keys_path, ".prev", NULL);

    g_unlink (prev);
  }
  g_assert_true (lento_vault_open (f->vault, &error));
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);
  g_assert_true (lento_vault_get_keys_missing (f->vault));
  code = lento_vault_create (f->vault, &error);
  g_assert_null (code);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYS_MISSING);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *expected[] = { "journal/2026-10", "journal/2026-11", "profile", NULL };

  g_assert_true (write_text (f->vault, "profile", "{\"p\":true}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"m\":11}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"m\":10}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"m\":\"11b\"}", &error));
  g_assert_no_error (error);

  names = lento_vault_list_documents (f->vault, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) names, expected));

  assert_document (f->vault, "journal/2026-11", "{\"m\":\"11b\"}");
  assert_document (f->vault, "journal/2026-10", "{\"m\":10}");
  g_assert_true (lento_vault_has_document (f->vault, "profile"));
  g_assert_false (lento_vault_has_document (f->vault, "journal/2026-09"));

  bytes = lento_vault_read_document (f->vault, "journal/2026-09", NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (write_text (f->vault, "../escape", "{}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INVALID_NAME);
  g_clear_error (&error);

  /* The previous generation was kept. */
  {
    g_autofree char *prev = g_build_filename (f->data_dir, "journal", "2026-11.lento.prev", NULL);

    g_assert_true (g_file_test (prev, G_FILE_TEST_EXISTS));
  }
}

static void
test_wrong_recovery_code (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) typo = NULL;
  g_autoptr(LentoSecret) other = NULL;
  g_autofree char *text = g_strdup (lento_secret_get_string (f->code));

  text[0] = text[0] == 'A' ? 'B' : 'A';
  typo = lento_secret_new_from_string (text);
  reopen (f);
  g_assert_false (lento_vault_unlock_recovery_code (f->vault, typo, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_RECOVERY_CODE_TYPO);
  g_clear_error (&error);

  /* A well-formed code of another journal is a wrong code, not a typo. */
  {
    g_autofree char *tmp = g_dir_make_tmp ("lento-vault-XXXXXX", NULL);
    LentoVault *vault = open_vault (tmp);

    other = lento_vault_create (vault, &error);
    g_assert_no_error (error);
    finalize_vault (vault);
    remove_tree (tmp);
  }
  g_assert_false (lento_vault_unlock_recovery_code (f->vault, other, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_LOCKED);
}

static void
test_passphrase (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lento_vault_has_slot (f->vault, LENTO_SLOT_PASSPHRASE));
  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (lento_vault_has_slot (f->vault, LENTO_SLOT_PASSPHRASE));

  reopen (f);
  g_assert_false (unlock_passphrase (f->vault, "slow and steadY", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (unlock_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  assert_document (f->vault, "profile", "{}");

  /* Changing it: the old one stops working, the recovery code still works. */
  g_assert_true (set_passphrase (f->vault, "a new phrase", &error));
  reopen (f);
  g_assert_false (unlock_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (unlock_passphrase (f->vault, "a new phrase", &error));
  g_assert_no_error (error);

  /* Removing it. */
  g_assert_true (lento_vault_remove_passphrase (f->vault, &error));
  g_assert_false (lento_vault_has_slot (f->vault, LENTO_SLOT_PASSPHRASE));
  reopen (f);
  g_assert_false (unlock_passphrase (f->vault, "a new phrase", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_SLOT);
  g_clear_error (&error);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{}");
}

/* One longest passphrase everywhere: one of exactly that many bytes is
 * set and opens the journal; one byte more is refused when set, and the
 * slot stays as it was. */
static void
test_passphrase_longest (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (LENTO_PASSPHRASE_MAX_SIZE, 'a');
  g_autofree char *too_long = g_strnfill (LENTO_PASSPHRASE_MAX_SIZE + 1, 'a');

  g_assert_true (set_passphrase (f->vault, longest, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_true (unlock_passphrase (f->vault, longest, &error));
  g_assert_no_error (error);

  g_assert_false (set_passphrase (f->vault, too_long, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_PASSPHRASE_TOO_LONG);
  g_clear_error (&error);
  reopen (f);
  g_assert_true (unlock_passphrase (f->vault, longest, &error));
  g_assert_no_error (error);
}

static void
test_new_recovery_code (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) old = lento_secret_ref (f->code);
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) keys_prev = NULL;
  g_autofree char *keys_path = g_build_filename (f->data_dir, "keys.lento", NULL);

  g_assert_true (write_text (f->vault, "profile", "{\"x\":2}", &error));
  g_clear_pointer (&f->code, lento_secret_unref);
  f->code = lento_vault_new_recovery_code (f->vault, &error);
  g_assert_no_error (error);
  g_assert_false (lento_secret_equal (old, f->code));

  reopen (f);
  g_assert_false (lento_vault_unlock_recovery_code (f->vault, old, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"x\":2}");

  /* The copy of keys.lento does not keep the old slot either. */
  keys = read_file (f, "keys.lento");
  keys_prev = read_file (f, "keys.lento.prev");
  g_assert_true (g_bytes_equal (keys, keys_prev));
  lento_vault_close (f->vault);
  g_assert_cmpint (g_unlink (keys_path), ==, 0);
  g_assert_true (lento_vault_open (f->vault, &error));
  g_assert_false (lento_vault_unlock_recovery_code (f->vault, old, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  unlock_with_code (f);
}

static void
test_keys_fallback (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  lento_vault_close (f->vault);
  flip_byte (f, "keys.lento", 40);
  g_assert_true (lento_vault_open (f->vault, &error));
  g_assert_no_error (error);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{}");

  /* With both copies damaged, opening says so. (Opening put the good copy
   * back in keys.lento, so both are damaged again here.) */
  lento_vault_close (f->vault);
  flip_byte (f, "keys.lento", 40);
  flip_byte (f, "keys.lento.prev", 40);
  g_assert_false (lento_vault_open (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYS_DAMAGED);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_CLOSED);
}

static char *
lookup_item (const char *uuid)
{
  /* libsecret 0.20's autoptr for SecretSchema calls g_object_unref(). */
  SecretSchema *schema = secret_schema_new (APP_ID, SECRET_SCHEMA_NONE,
                                            "journal", SECRET_SCHEMA_ATTRIBUTE_STRING, NULL);
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_sync (schema, NULL, &error, "journal", uuid, NULL);

  secret_schema_unref (schema);

  g_assert_no_error (error);
  return secret;
}

static void
test_keyring (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = lento_vault_dup_journal_uuid (f->vault);
  g_autofree char *stored = NULL;

  g_assert_true (write_text (f->vault, "profile", "{\"k\":1}", &error));
  g_assert_true (store_in_keyring (f->vault, &error));
  g_assert_no_error (error);
  g_assert_true (lento_vault_has_slot (f->vault, LENTO_SLOT_KEYRING));

  /* The item: base64 of 32 bytes, no newline, found by the UUID alone. */
  stored = lookup_item (uuid);
  g_assert_nonnull (stored);
  g_assert_cmpuint (strlen (stored), ==, 44);
  g_assert_null (strchr (stored, '\n'));

  reopen (f);
  g_assert_true (unlock_keyring (f->vault, &error));
  g_assert_no_error (error);
  assert_document (f->vault, "profile", "{\"k\":1}");

  /* Removing the slot removes the item too. */
  g_assert_true (lento_vault_remove_keyring_slot (f->vault, &error));
  reopen (f);
  g_assert_false (unlock_keyring (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_SLOT);
  while (g_main_context_iteration (NULL, FALSE));
}

static void
test_keyring_item_missing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *uuid = lento_vault_dup_journal_uuid (f->vault);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(GStrv) names_before = NULL;
  g_auto(GStrv) names_after = NULL;

  g_assert_true (write_text (f->vault, "profile", "{\"m\":1}", &error));
  g_assert_true (store_in_keyring (f->vault, &error));
  g_assert_no_error (error);

  /* Someone removes the item in Passwords and Keys. */
  lento_keyring_clear_async (APP_ID, uuid, NULL, store_result_cb, &result);
  g_assert_true (lento_keyring_clear_finish (await_result (&result), &error));
  g_assert_null (lookup_item (uuid));

  reopen (f);
  before = read_file (f, "keys.lento");
  names_before = lento_vault_list_documents (f->vault, NULL);
  g_assert_false (unlock_keyring (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING);
  g_assert_cmpstr (error->message, ==,
                   lento_vault_error_message (LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING));
  g_clear_error (&error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_LOCKED);

  /* No new key anywhere: keys.lento is the same byte for byte. */
  after = read_file (f, "keys.lento");
  g_assert_true (g_bytes_equal (before, after));
  names_after = lento_vault_list_documents (f->vault, NULL);
  g_assert_true (g_strv_equal ((const char * const *) names_before,
                               (const char * const *) names_after));
  g_assert_null (lookup_item (uuid));

  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"m\":1}");
}

static void
count_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  guint *unlocked = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (lento_vault_unlock_keyring_finish (LENTO_VAULT (object), result, &error));
  g_assert_no_error (error);
  (*unlocked)++;
}

/* The application asks the keyring while the window is built; the window's
 * unlock then waits for that answer, and is told it even when it came first.
 */
static void
test_keyring_begun_early (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *uuid = lento_vault_dup_journal_uuid (f->vault);
  g_autofree char *stored = NULL;
  SecretSchema *schema;
  guint unlocked = 0;

  g_assert_true (write_text (f->vault, "profile", "{\"e\":1}", &error));
  g_assert_true (store_in_keyring (f->vault, &error));
  g_assert_no_error (error);

  /* The window's unlock waits for the lookup begun before it was built. */
  reopen (f);
  lento_vault_begin_keyring_unlock (f->vault);
  g_assert_nonnull (f->vault->keyring_lookup);
  lento_vault_unlock_keyring_async (f->vault, NULL, count_result_cb, &unlocked);
  while (unlocked < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, "profile", "{\"e\":1}");

  /* Once unlocked, there is nothing to begin. */
  lento_vault_begin_keyring_unlock (f->vault);
  g_assert_null (f->vault->keyring_lookup);

  /* An early lookup that fails with nobody waiting: the next unlock is
   * told why without asking again (the item put back in between is not
   * seen), and the one after asks afresh.
   */
  stored = lookup_item (uuid);
  lento_keyring_clear_async (APP_ID, uuid, NULL, store_result_cb, &result);
  g_assert_true (lento_keyring_clear_finish (await_result (&result), &error));
  reopen (f);
  lento_vault_begin_keyring_unlock (f->vault);
  while (f->vault->keyring_lookup != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_LOCKED);

  schema = secret_schema_new (APP_ID, SECRET_SCHEMA_NONE,
                              "journal", SECRET_SCHEMA_ATTRIBUTE_STRING, NULL);
  g_assert_true (secret_password_store_sync (schema, SECRET_COLLECTION_DEFAULT, "test", stored,
                                             NULL, &error, "journal", uuid, NULL));
  g_assert_no_error (error);
  secret_schema_unref (schema);

  g_assert_false (unlock_keyring (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING);
  g_clear_error (&error);
  g_assert_true (unlock_keyring (f->vault, &error));
  g_assert_no_error (error);
  assert_document (f->vault, "profile", "{\"e\":1}");
}

typedef struct {
  LentoVaultReader *reader;
  const char       *name;
  GBytes           *bytes;
  GError           *error;
} ThreadRead;

static gpointer
read_on_thread (gpointer data)
{
  ThreadRead *read = data;

  read->bytes = lento_vault_reader_read (read->reader, read->name, &read->error);
  return NULL;
}

static void
read_in_thread (ThreadRead *read)
{
  g_thread_join (g_thread_new ("reader", read_on_thread, read));
}

/* The journal reads its months on a worker thread: the same plain text as
 * lento_vault_read_document(), and what a read found about a damaged month
 * reaches the vault only when the main thread commits it.
 */
static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  const char *names[] = { "journal/2026-11", "journal/2026-10", "journal/2026-09", NULL };
  g_autoptr(GError) error = NULL;
  LentoVaultReader *reader;
  ThreadRead reads[G_N_ELEMENTS (names) - 1] = { { 0, }, };

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-09", "{\"v\":9}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-09", "{\"v\":10}", &error));
  g_assert_no_error (error);
  flush (f->vault);

  /* After a lock there is nothing to read with. */
  lento_vault_lock (f->vault);
  g_assert_null (lento_vault_reader_new (f->vault, names, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  unlock_with_code (f);

  /* A lock while the reader reads does not take the keys from under it. */
  reader = lento_vault_reader_new (f->vault, names, &error);
  g_assert_no_error (error);
  lento_vault_lock (f->vault);
  reads[0].reader = reader;
  reads[0].name = names[0];
  read_in_thread (&reads[0]);
  g_assert_no_error (reads[0].error);
  g_clear_pointer (&reads[0].bytes, g_bytes_unref);
  lento_vault_reader_free (reader);
  unlock_with_code (f);

  reader = lento_vault_reader_new (f->vault, names, &error);
  g_assert_no_error (error);
  flip_byte (f, "journal/2026-09.lento", 3);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      reads[i].reader = reader;
      reads[i].name = names[i];
      read_in_thread (&reads[i]);
    }

  g_assert_no_error (reads[0].error);
  g_assert_cmpmem (g_bytes_get_data (reads[0].bytes, NULL), g_bytes_get_size (reads[0].bytes),
                   "{\"v\":1}", 7);
  g_assert_error (reads[1].error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND);
  /* The damaged month opens from its previous version... */
  g_assert_no_error (reads[2].error);
  g_assert_cmpmem (g_bytes_get_data (reads[2].bytes, NULL), g_bytes_get_size (reads[2].bytes),
                   "{\"v\":9}", 7);
  /* ...and the vault hears of it only from the main thread. */
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  for (guint i = 0; names[i] != NULL; i++)
    lento_vault_reader_commit (reader, f->vault, names[i]);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==, "journal/2026-09");

  lento_vault_reader_free (reader);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_clear_pointer (&reads[i].bytes, g_bytes_unref);
      g_clear_error (&reads[i].error);
    }
}

/* A read the vault has written over since says nothing of the document
 * any more: a damaged copy read before a good write does not turn the
 * journal read-only when it is committed after it.
 */
static void
test_reader_written_since (Fixture       *f,
                           gconstpointer  data)
{
  const char *names[] = { "journal/2026-09", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LentoVaultReader *reader;
  ThreadRead read = { 0, };

  g_assert_true (write_text (f->vault, names[0], "{\"v\":9}", &error));
  g_assert_true (write_text (f->vault, names[0], "{\"v\":10}", &error));
  g_assert_no_error (error);
  flush (f->vault);

  reader = lento_vault_reader_new (f->vault, names, &error);
  g_assert_no_error (error);
  flip_byte (f, "journal/2026-09.lento", 3);
  read.reader = reader;
  read.name = names[0];
  read_in_thread (&read);
  g_assert_no_error (read.error);

  g_assert_true (write_text (f->vault, names[0], "{\"v\":11}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_reader_commit (reader, f->vault, names[0]);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, names[0], "{\"v\":11}");

  lento_vault_reader_free (reader);
  g_clear_pointer (&read.bytes, g_bytes_unref);
}

static void
test_no_secret_service (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (write_text (f->vault, "profile", "{\"s\":3}", &error));
  g_assert_true (store_in_keyring (f->vault, &error));
  g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  uuid = lento_vault_dup_journal_uuid (f->vault);
  flush (f->vault);
  lento_vault_close (f->vault);

  g_setenv ("LENTO_TEST_DATA_DIR", f->data_dir, TRUE);
  g_setenv ("LENTO_TEST_CODE", lento_secret_get_string (f->code), TRUE);
  g_test_trap_subprocess ("/lento/vault/no-secret-service/child", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*keyring-unavailable*");

  /* The item is still in the real keyring, untouched. */
  {
    g_autofree char *stored = lookup_item (uuid);

    g_assert_nonnull (stored);
  }
  (void) result;
}

static void
test_no_secret_service_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GBytes) before = NULL;
  LentoVault *vault;
  const char *data_dir = g_getenv ("LENTO_TEST_DATA_DIR");
  g_autofree char *keys_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *contents_after = NULL;
  gsize length = 0;
  gsize length_after = 0;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs only as the child of /lento/vault/no-secret-service");
      return;
    }

  /* A session bus that nobody listens on. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/lento-test-bus", TRUE);

  vault = open_vault (data_dir);
  keys_path = g_build_filename (data_dir, "keys.lento", NULL);
  g_assert_true (g_file_get_contents (keys_path, &contents, &length, NULL));

  g_assert_false (unlock_keyring (vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==,
                   lento_vault_error_message (LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE));
  g_print ("keyring-unavailable\n");
  g_clear_error (&error);
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_LOCKED);
  g_assert_true (g_file_get_contents (keys_path, &contents_after, &length_after, NULL));
  g_assert_cmpmem (contents, length, contents_after, length_after);

  code = lento_secret_new_from_string (g_getenv ("LENTO_TEST_CODE"));
  g_assert_true (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_no_error (error);
  assert_document (vault, "profile", "{\"s\":3}");

  /* Storing in the keyring fails the same clear way. */
  g_assert_false (store_in_keyring (vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);

  lento_vault_lock (vault);
  g_assert_true (unlock_passphrase (vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  assert_document (vault, "profile", "{\"s\":3}");
  finalize_vault (vault);
}

static void
test_second_vault_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LentoVault *second = lento_vault_new (f->data_dir, APP_ID);

  g_assert_false (lento_vault_open (second, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_ALREADY_OPEN);
  g_assert_cmpint (lento_vault_get_state (second), ==, LENTO_VAULT_STATE_CLOSED);
  g_clear_error (&error);

  /* Once the first one lets go, the second one opens. */
  lento_vault_close (f->vault);
  g_assert_true (lento_vault_open (second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (second), ==, LENTO_VAULT_STATE_LOCKED);
  finalize_vault (second);
}

static void
test_second_process_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_setenv ("LENTO_TEST_DATA_DIR", f->data_dir, TRUE);
  g_test_trap_subprocess ("/lento/vault/second-process-refused/child", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*already-open*");
}

static void
test_second_process_child (void)
{
  g_autoptr(GError) error = NULL;
  LentoVault *vault;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs only as the child of /lento/vault/second-process-refused");
      return;
    }

  vault = lento_vault_new (g_getenv ("LENTO_TEST_DATA_DIR"), APP_ID);
  g_assert_false (lento_vault_open (vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_ALREADY_OPEN);
  g_print ("already-open: %s\n", error->message);
  finalize_vault (vault);
}

static const struct {
  const char    *path;
  LentoFileStep  step;
  const char    *current;
  const char    *previous;
} write_failures[] = {
  { "/lento/vault/write-failure/link-previous", LENTO_FILE_STEP_LINK_PREVIOUS, "{\"v\":2}",
    "{\"v\":1}" },
  { "/lento/vault/write-failure/rename-previous", LENTO_FILE_STEP_RENAME_PREVIOUS, "{\"v\":2}",
    "{\"v\":1}" },
  { "/lento/vault/write-failure/write", LENTO_FILE_STEP_WRITE, "{\"v\":2}", "{\"v\":2}" },
  { "/lento/vault/write-failure/fsync", LENTO_FILE_STEP_FSYNC, "{\"v\":2}", "{\"v\":2}" },
  { "/lento/vault/write-failure/rename", LENTO_FILE_STEP_RENAME, "{\"v\":2}", "{\"v\":2}" },
  { "/lento/vault/write-failure/sync-dir", LENTO_FILE_STEP_SYNC_DIR, "{\"v\":3}", "{\"v\":2}" },
};

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  guint index = GPOINTER_TO_UINT (data);
  LentoFileFault fault = { write_failures[index].step, 0, 0, { 0, } };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) leftovers = NULL;
  LentoDocumentStatus status;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_no_error (error);

  lento_vault_set_file_layer (f->vault, lento_file_layer_get_faulty (), &fault);
  g_assert_false (write_text (f->vault, "journal/2026-11", "{\"v\":3}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO);
  g_assert_cmpint (fault.failures, ==, 1);
  g_clear_error (&error);
  g_assert_false (lento_vault_get_busy (f->vault));
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);

  /* No temporary file is mistaken for a document. */
  leftovers = lento_vault_list_documents (f->vault, NULL);
  g_assert_cmpuint (g_strv_length (leftovers), ==, 1);

  lento_vault_set_file_layer (f->vault, NULL, NULL);
  reopen (f);
  unlock_with_code (f);
  assert_document (f->vault, "journal/2026-11", write_failures[index].current);

  /* And the previous generation opens on its own. */
  flip_byte (f, "journal/2026-11.lento", 3);
  reopen (f);
  unlock_with_code (f);
  text = read_text (f->vault, "journal/2026-11", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS);
  g_assert_cmpstr (text, ==, write_failures[index].previous);

  /* The write that failed is not lost for good: a retry works. */
  g_assert_true (lento_vault_restore_previous (f->vault, "journal/2026-11", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":4}", &error));
  g_assert_no_error (error);
  assert_document (f->vault, "journal/2026-11", "{\"v\":4}");
}

static void
test_previous_fallback (Fixture       *f,
                        gconstpointer  data)
{
  gboolean missing = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (f->data_dir, "profile.lento", NULL);
  g_autofree char *damaged = g_build_filename (f->data_dir, "profile.lento.damaged", NULL);
  LentoDocumentStatus status;

  g_assert_true (write_text (f->vault, "profile", "{\"gen\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"gen\":2}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-01", "{}", &error));
  g_assert_no_error (error);
  if (missing)
    g_assert_cmpint (g_unlink (path), ==, 0);
  else
    flip_byte (f, "profile.lento", 0);

  reopen (f);
  unlock_with_code (f);
  text = read_text (f->vault, "profile", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS);
  g_assert_cmpstr (text, ==, "{\"gen\":1}");
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==, "profile");

  /* Nothing overwrites the damaged file. */
  g_assert_false (write_text (f->vault, "profile", "{\"gen\":3}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DOCUMENT_DAMAGED);
  g_clear_error (&error);
  g_assert_false (write_text (f->vault, "journal/2026-01", "{\"x\":1}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (lento_vault_restore_previous (f->vault, "profile", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_null (lento_vault_get_damaged_document (f->vault));
  g_assert_cmpint (g_file_test (damaged, G_FILE_TEST_EXISTS), ==, !missing);
  assert_document (f->vault, "profile", "{\"gen\":1}");
  g_assert_true (write_text (f->vault, "profile", "{\"gen\":3}", &error));
  assert_document (f->vault, "profile", "{\"gen\":3}");
}

static void
test_both_damaged (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LentoDocumentStatus status;

  g_assert_true (write_text (f->vault, "profile", "{\"gen\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"gen\":2}", &error));
  flip_byte (f, "profile.lento", 5);
  flip_byte (f, "profile.lento.prev", 5);
  reopen (f);
  unlock_with_code (f);

  bytes = lento_vault_read_document (f->vault, "profile", &status, &error);
  g_assert_null (bytes);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DAMAGED);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_DAMAGED);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (lento_vault_restore_previous (f->vault, "profile", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

static void
test_renamed_and_foreign (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *from = g_build_filename (f->data_dir, "journal", "2026-11.lento", NULL);
  g_autofree char *to = g_build_filename (f->data_dir, "journal", "2026-12.lento", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("lento-vault-XXXXXX", NULL);
  g_autofree char *foreign = g_build_filename (tmp, "journal", "2026-10.lento", NULL);
  g_autofree char *foreign_to = g_build_filename (f->data_dir, "journal", "2026-10.lento", NULL);
  g_autoptr(LentoSecret) other_code = NULL;
  LentoDocumentStatus status;
  LentoVault *other;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"n\":11}", &error));
  copy_file (from, to);

  other = open_vault (tmp);
  other_code = lento_vault_create (other, &error);
  g_assert_true (write_text (other, "journal/2026-10", "{\"n\":10}", &error));
  g_assert_no_error (error);
  flush (other);
  finalize_vault (other);
  copy_file (foreign, foreign_to);

  bytes = lento_vault_read_document (f->vault, "journal/2026-12", &status, &error);
  g_assert_null (bytes);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_DOCUMENT);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_DAMAGED);
  g_clear_error (&error);

  bytes = lento_vault_read_document (f->vault, "journal/2026-10", &status, &error);
  g_assert_null (bytes);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_FOREIGN_JOURNAL);
  g_clear_error (&error);

  assert_document (f->vault, "journal/2026-11", "{\"n\":11}");
  remove_tree (tmp);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_coalesced_writes (Fixture       *f,
                       gconstpointer  data)
{
  LentoFileFault counter = { LENTO_FILE_N_STEPS, 0, 0, { 0, } };
  GAsyncResult *results[6] = { NULL, };
  g_autoptr(GError) error = NULL;
  guint busy_changes = 0;

  lento_vault_set_file_layer (f->vault, lento_file_layer_get_faulty (), &counter);
  g_signal_connect (f->vault, "notify::busy", G_CALLBACK (notify_count_cb), &busy_changes);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"n\":%u}", i);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      lento_vault_write_document_async (f->vault, "journal/2026-11", bytes, NULL,
                                        store_result_cb, &results[i]);
    }
  g_assert_true (lento_vault_get_busy (f->vault));
  g_assert_cmpuint (lento_vault_get_pending_writes (f->vault), ==, G_N_ELEMENTS (results));

  /* A rotation waits for no one: it is refused until the writes are done. */
  g_assert_false (lento_vault_rotate_data_key (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_BUSY);
  g_clear_error (&error);

  flush (f->vault);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_nonnull (results[i]);
      g_assert_true (lento_vault_write_document_finish (f->vault, results[i], &error));
      g_assert_no_error (error);
      g_object_unref (results[i]);
    }

  /* The first write ran at once; the five queued behind it became one:
   * its previous generation is the first write's (each write takes a
   * generation when it is sealed, so the last is the sixth). Each of the
   * two writes was followed by a write of the manifest, unless the second
   * one was queued while the first was under way. */
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento"), ==, 6);
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento.prev"), ==, 1);
  g_assert_cmpint (counter.reached[LENTO_FILE_STEP_RENAME], >=, 3);
  g_assert_cmpint (counter.reached[LENTO_FILE_STEP_RENAME], <=, 4);
  g_assert_cmpuint (busy_changes, ==, 2);
  g_assert_cmpuint (lento_vault_get_pending_writes (f->vault), ==, 0);
  assert_document (f->vault, "journal/2026-11", "{\"n\":5}");
}

static void
assert_key_id (Fixture      *f,
               const char   *relative,
               const guint8 *expected,
               gboolean      equal)
{
  g_autoptr(GBytes) bytes = read_file (f, relative);
  const guint8 *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, NULL);
  if (equal)
    g_assert_cmpmem (data + 28, LENTO_KEY_ID_SIZE, expected, LENTO_KEY_ID_SIZE);
  else
    g_assert_false (memcmp (data + 28, expected, LENTO_KEY_ID_SIZE) == 0);
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  guint8 old_id[LENTO_KEY_ID_SIZE];
  guint8 new_id[LENTO_KEY_ID_SIZE];
  const char *files[] = { "profile.lento", "profile.lento.prev", "journal/2026-10.lento",
                          "journal/2026-11.lento", "journal/2026-11.lento.prev" };

  g_assert_true (write_text (f->vault, "profile", "{\"p\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"p\":2}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"m\":10}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"m\":0}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"m\":11}", &error));
  g_assert_no_error (error);
  before = read_file (f, "profile.lento");
  memcpy (old_id, (const guint8 *) g_bytes_get_data (before, NULL) + 28, sizeof old_id);

  g_assert_true (lento_vault_rotate_data_key (f->vault, &error));
  g_assert_no_error (error);
  g_assert_false (lento_vault_get_rotation_pending (f->vault));

  {
    g_autoptr(GBytes) after = read_file (f, "profile.lento");

    memcpy (new_id, (const guint8 *) g_bytes_get_data (after, NULL) + 28, sizeof new_id);
  }
  g_assert_false (memcmp (old_id, new_id, sizeof old_id) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    assert_key_id (f, files[i], new_id, TRUE);

  /* Slots still open the journal; the data key is new. */
  reopen (f);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"p\":2}");
  assert_document (f->vault, "journal/2026-10", "{\"m\":10}");
  assert_document (f->vault, "journal/2026-11", "{\"m\":11}");
}

static void
test_rotation_interrupted (Fixture       *f,
                           gconstpointer  data)
{
  LentoFileFault fault = { LENTO_FILE_STEP_RENAME, 3, 0, { 0, } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  guint8 old_id[LENTO_KEY_ID_SIZE];
  guint8 new_id[LENTO_KEY_ID_SIZE];
  const char *names[] = { "journal/2026-09", "journal/2026-10", "journal/2026-11", "profile" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"i\":%u}", i);

      g_assert_true (write_text (f->vault, names[i], text, &error));
      g_assert_true (write_text (f->vault, names[i], text, &error));
    }
  g_assert_no_error (error);
  first = read_file (f, "profile.lento");
  memcpy (old_id, (const guint8 *) g_bytes_get_data (first, NULL) + 28, sizeof old_id);

  /* keys.lento takes two renames (file and copy); the fourth rename is in
   * the middle of the documents. */
  lento_vault_set_file_layer (f->vault, lento_file_layer_get_faulty (), &fault);
  g_assert_false (lento_vault_rotate_data_key (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (fault.failures, ==, 1);
  g_assert_true (lento_vault_get_rotation_pending (f->vault));
  lento_vault_set_file_layer (f->vault, NULL, NULL);

  /* As after a crash: half the documents are under the new key. */
  assert_key_id (f, "journal/2026-09.lento", old_id, FALSE);
  assert_key_id (f, "profile.lento", old_id, TRUE);

  /* A new process opens every document, and its unlock finishes the job
   * with the same new key. */
  reopen (f);
  g_assert_true (lento_vault_get_rotation_pending (f->vault));
  unlock_with_code (f);
  g_assert_false (lento_vault_get_rotation_pending (f->vault));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"i\":%u}", i);

      assert_document (f->vault, names[i], text);
    }

  {
    g_autoptr(GBytes) after = read_file (f, "journal/2026-09.lento");

    memcpy (new_id, (const guint8 *) g_bytes_get_data (after, NULL) + 28, sizeof new_id);
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".lento", NULL);
      g_autofree char *prev = g_strconcat (names[i], ".lento.prev", NULL);

      assert_key_id (f, file, new_id, TRUE);
      assert_key_id (f, prev, new_id, TRUE);
    }
  reopen (f);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"i\":3}");
}

/* Copies the journal's documents (not its key files) into a new folder
 * beside it, with @keys as both keys.lento and its copy: what someone
 * holding an old key file would have once the documents reach them. */
static char *
copy_with_keys (Fixture    *f,
                GBytes     *keys)
{
  char *copy = g_build_filename (f->tmp, "copy", NULL);
  g_autofree char *copy_journal = g_build_filename (copy, "journal", NULL);
  const char *folders[] = { "", "journal" };

  remove_tree (copy);
  g_assert_cmpint (g_mkdir_with_parents (copy_journal, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *from = g_build_filename (f->data_dir, folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *relative = g_build_filename (folders[i], name, NULL);
          g_autofree char *target = g_build_filename (copy, relative, NULL);
          g_autoptr(GBytes) bytes = NULL;

          if (!g_str_has_suffix (name, ".lento") && !g_str_has_suffix (name, ".lento.prev"))
            continue;
          if (g_str_has_prefix (name, "keys.lento"))
            continue;
          bytes = read_file (f, relative);
          g_assert_true (g_file_set_contents (target, g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), NULL));
        }
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *target = g_build_filename (copy, i == 0 ? "keys.lento" : "keys.lento.prev",
                                                  NULL);

      g_assert_true (g_file_set_contents (target, g_bytes_get_data (keys, NULL),
                                          g_bytes_get_size (keys), NULL));
    }

  return copy;
}

/* @vault was unlocked with an old key file and its old secret: none of
 * @names may open, neither the file nor its previous generation. */
static void
assert_nothing_opens (LentoVault         *vault,
                      const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      LentoDocumentStatus status;

      bytes = lento_vault_read_document (vault, names[i], &status, &error);
      g_assert_null (bytes);
      g_assert_nonnull (error);
    }
}

static void
test_new_recovery_code_cuts_off_old (Fixture       *f,
                                     gconstpointer  data)
{
  const char *names[] = { "profile", "journal/2026-10", "journal/2026-11", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_keys = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autofree char *copy = NULL;
  LentoVault *old;

  g_assert_true (write_text (f->vault, "profile", "{\"p\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"m\":10}", &error));
  g_assert_no_error (error);
  old_keys = read_file (f, "keys.lento");

  code = lento_vault_new_recovery_code (f->vault, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_false (lento_vault_get_rotation_pending (f->vault));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"m\":11}", &error));
  g_assert_no_error (error);
  flush (f->vault);

  /* The old key file with the old code opens its own slot, and then
   * nothing: not what was written before the change, nor after it. */
  copy = copy_with_keys (f, old_keys);
  old = open_vault (copy);
  g_assert_true (lento_vault_unlock_recovery_code (old, f->code, &error));
  g_assert_no_error (error);
  assert_nothing_opens (old, names);
  lento_vault_close (old);
  finalize_vault (old);

  /* The journal itself opens with the new code only, whole. */
  reopen (f);
  g_assert_false (lento_vault_unlock_recovery_code (f->vault, f->code, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_clear_pointer (&f->code, lento_secret_unref);
  f->code = g_steal_pointer (&code);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"p\":1}");
  assert_document (f->vault, "journal/2026-10", "{\"m\":10}");
  assert_document (f->vault, "journal/2026-11", "{\"m\":11}");
}

static void
test_remove_passphrase_cuts_off_old (Fixture       *f,
                                     gconstpointer  data)
{
  const char *names[] = { "profile", "journal/2026-10", "journal/2026-11", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_keys = NULL;
  g_autofree char *copy = NULL;
  LentoVault *old;

  g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_true (write_text (f->vault, "profile", "{\"p\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"m\":10}", &error));
  g_assert_no_error (error);
  old_keys = read_file (f, "keys.lento");

  g_assert_true (lento_vault_remove_passphrase (f->vault, &error));
  g_assert_no_error (error);
  g_assert_false (lento_vault_has_slot (f->vault, LENTO_SLOT_PASSPHRASE));
  g_assert_false (lento_vault_get_rotation_pending (f->vault));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"m\":11}", &error));
  g_assert_no_error (error);
  flush (f->vault);

  copy = copy_with_keys (f, old_keys);
  old = open_vault (copy);
  g_assert_true (unlock_passphrase (old, PASSPHRASE, &error));
  g_assert_no_error (error);
  assert_nothing_opens (old, names);
  lento_vault_close (old);
  finalize_vault (old);

  reopen (f);
  g_assert_false (unlock_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_SLOT);
  g_clear_error (&error);
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"p\":1}");
  assert_document (f->vault, "journal/2026-10", "{\"m\":10}");
  assert_document (f->vault, "journal/2026-11", "{\"m\":11}");
}

/* The master key an old key file gives with its old secret must not open
 * the key block of the key file that replaced it: someone holding the old
 * file and a leaked code learns nothing from a later copy either. */
static void
assert_master_cut_off (GBytes        *old_keys,
                       GBytes        *new_keys,
                       LentoSlotType  type,
                       LentoSecret   *old_secret)
{
  g_autoptr(GError) error = NULL;
  LentoKeyFile *old_file;
  LentoKeyFile *new_file;
  g_autoptr(LentoSecret) master_key = NULL;
  g_autoptr(GPtrArray) data_keys = NULL;

  old_file = lento_key_file_parse (g_bytes_get_data (old_keys, NULL), g_bytes_get_size (old_keys),
                                   &error);
  g_assert_no_error (error);
  new_file = lento_key_file_parse (g_bytes_get_data (new_keys, NULL), g_bytes_get_size (new_keys),
                                   &error);
  g_assert_no_error (error);

  if (type == LENTO_SLOT_RECOVERY)
    master_key = lento_key_file_unlock_recovery (old_file, lento_secret_get_string (old_secret),
                                                 &error);
  else
    master_key = lento_key_file_unlock_passphrase (old_file, old_secret, &error);
  g_assert_no_error (error);
  g_assert_nonnull (master_key);

  data_keys = lento_key_file_open_data_keys (new_file, master_key, &error);
  g_assert_null (data_keys);
  g_assert_nonnull (error);

  lento_key_file_free (old_file);
  lento_key_file_free (new_file);
}

typedef enum {
  CUT_NEW_CODE,
  CUT_NEW_CODE_WITH_KEYRING_AND_PASSPHRASE,
  CUT_REMOVE_PASSPHRASE_AFTER_CODE,
} CutOff;

/* Replacing a way in gives the journal a new master key whenever Lento
 * holds the key of every way in that stays; each stays usable. */
static void
test_master_key_rotates (Fixture       *f,
                         gconstpointer  data)
{
  CutOff cut = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_keys = NULL;
  g_autoptr(GBytes) new_keys = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string (PASSPHRASE);

  g_assert_true (write_text (f->vault, "profile", "{\"p\":1}", &error));
  g_assert_no_error (error);

  switch (cut)
    {
    case CUT_NEW_CODE:
      old_keys = read_file (f, "keys.lento");
      code = lento_vault_new_recovery_code (f->vault, &error);
      g_assert_no_error (error);
      new_keys = read_file (f, "keys.lento");
      assert_master_cut_off (old_keys, new_keys, LENTO_SLOT_RECOVERY, f->code);
      break;

    case CUT_NEW_CODE_WITH_KEYRING_AND_PASSPHRASE:
      g_assert_true (store_in_keyring (f->vault, &error));
      g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
      g_assert_no_error (error);
      old_keys = read_file (f, "keys.lento");
      code = lento_vault_new_recovery_code (f->vault, &error);
      g_assert_no_error (error);
      new_keys = read_file (f, "keys.lento");
      assert_master_cut_off (old_keys, new_keys, LENTO_SLOT_RECOVERY, f->code);

      /* The keyring and the passphrase still open the journal. */
      reopen (f);
      g_assert_true (unlock_passphrase (f->vault, PASSPHRASE, &error));
      g_assert_no_error (error);
      assert_document (f->vault, "profile", "{\"p\":1}");
      reopen (f);
      g_assert_true (unlock_keyring (f->vault, &error));
      g_assert_no_error (error);
      break;

    case CUT_REMOVE_PASSPHRASE_AFTER_CODE:
      g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
      g_assert_no_error (error);
      reopen (f);
      unlock_with_code (f);
      old_keys = read_file (f, "keys.lento");
      g_assert_true (lento_vault_remove_passphrase (f->vault, &error));
      g_assert_no_error (error);
      new_keys = read_file (f, "keys.lento");
      assert_master_cut_off (old_keys, new_keys, LENTO_SLOT_PASSPHRASE, passphrase);
      break;
    }

  /* The way in that remains opens the journal, whole. */
  reopen (f);
  if (code != NULL)
    {
      g_clear_pointer (&f->code, lento_secret_unref);
      f->code = g_steal_pointer (&code);
    }
  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"p\":1}");
}

/* Every document opens, as written, and lento --verify finds nothing. */
static void
assert_journal_whole (Fixture            *f,
                      const char * const *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"i\":%u}", i);

      assert_document (f->vault, names[i], text);
    }
  reports = lento_vault_verify (f->vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);

      g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_OK);
      g_assert_no_error (report->error);
    }
}

static void
write_numbered (Fixture            *f,
                const char * const *names)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"i\":%u}", i);

      g_assert_true (write_text (f->vault, names[i], "{}", &error));
      g_assert_true (write_text (f->vault, names[i], text, &error));
      g_assert_no_error (error);
    }
  flush (f->vault);
}

/* A new recovery code, failing once at every step a file write takes, in
 * turn, until it goes through. Each failure leaves the old code in use
 * (the new one was never shown), a journal that opens whole with it, and
 * a rotation that the next unlock finishes; the change, once made, cuts
 * off the key file from before the first attempt. */
static void
test_new_recovery_code_interrupted (Fixture       *f,
                                    gconstpointer  data)
{
  const char *names[] = { "journal/2026-09", "journal/2026-10", "journal/2026-11", "profile",
                          NULL };
  g_autoptr(GBytes) old_keys = NULL;
  g_autoptr(LentoSecret) first_code = lento_secret_ref (f->code);
  g_autofree char *copy = NULL;
  guint failures = 0;
  LentoVault *old;

  write_numbered (f, names);
  old_keys = read_file (f, "keys.lento");

  for (LentoFileStep step = 0; step < LENTO_FILE_N_STEPS; step++)
    for (gint skip = 0;; skip++)
      {
        LentoFileFault fault = { step, skip, 0, { 0, } };
        g_autoptr(GError) error = NULL;
        g_autoptr(LentoSecret) code = NULL;

        lento_vault_set_file_layer (f->vault, lento_file_layer_get_faulty (), &fault);
        code = lento_vault_new_recovery_code (f->vault, &error);
        lento_vault_set_file_layer (f->vault, NULL, NULL);
        if (code != NULL)
          {
            g_assert_no_error (error);
            g_clear_pointer (&f->code, lento_secret_unref);
            f->code = g_steal_pointer (&code);
          }
        else
          {
            g_assert_nonnull (error);
            failures++;
          }

        /* As after a crash. */
        reopen (f);
        unlock_with_code (f);
        g_assert_false (lento_vault_get_rotation_pending (f->vault));
        assert_journal_whole (f, names);
        if (fault.failures == 0)
          break;
      }
  g_assert_cmpuint (failures, >, 10);

  copy = copy_with_keys (f, old_keys);
  old = open_vault (copy);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lento_vault_unlock_recovery_code (old, first_code, &error));
    g_assert_no_error (error);
  }
  assert_nothing_opens (old, names);
  lento_vault_close (old);
  finalize_vault (old);
}

/* Removing the passphrase, failing at the fourth rename (in the middle of
 * the documents): the passphrase is still there and opens the journal,
 * whole; so does the recovery code, whose unlock finishes the rotation.
 * Removing it again goes through. */
static void
test_remove_passphrase_interrupted (Fixture       *f,
                                    gconstpointer  data)
{
  const char *names[] = { "journal/2026-09", "journal/2026-10", "journal/2026-11", "profile",
                          NULL };
  LentoFileFault fault = { LENTO_FILE_STEP_RENAME, 3, 0, { 0, } };
  g_autoptr(GError) error = NULL;

  g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  write_numbered (f, names);

  lento_vault_set_file_layer (f->vault, lento_file_layer_get_faulty (), &fault);
  g_assert_false (lento_vault_remove_passphrase (f->vault, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO);
  g_clear_error (&error);
  lento_vault_set_file_layer (f->vault, NULL, NULL);
  g_assert_cmpint (fault.failures, ==, 1);
  g_assert_true (lento_vault_get_rotation_pending (f->vault));
  g_assert_true (lento_vault_has_slot (f->vault, LENTO_SLOT_PASSPHRASE));

  reopen (f);
  g_assert_true (lento_vault_get_rotation_pending (f->vault));
  g_assert_true (unlock_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (lento_vault_get_rotation_pending (f->vault));
  assert_journal_whole (f, names);

  g_assert_true (lento_vault_remove_passphrase (f->vault, &error));
  g_assert_no_error (error);
  reopen (f);
  unlock_with_code (f);
  assert_journal_whole (f, names);
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) async_reports = NULL;
  struct {
    const char          *name;
    LentoDocumentStatus  status;
  } expected[] = {
    { "keys", LENTO_DOCUMENT_OK },
    { "journal/2026-10", LENTO_DOCUMENT_DAMAGED },
    { "journal/2026-11", LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS },
    { "manifest", LENTO_DOCUMENT_OK },
    { "profile", LENTO_DOCUMENT_OK },
  };

  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"2\":2}", &error));
  flip_byte (f, "journal/2026-10.lento", 2);
  flip_byte (f, "journal/2026-11.lento", 2);

  reports = lento_vault_verify (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);

      g_assert_cmpstr (report->name, ==, expected[i].name);
      g_assert_cmpint (report->status, ==, expected[i].status);
      if (expected[i].status == LENTO_DOCUMENT_OK)
        g_assert_no_error (report->error);
      else
        g_assert_error (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DAMAGED);
    }
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==, "journal/2026-10");

  lento_vault_verify_async (f->vault, NULL, store_result_cb, &result);
  async_reports = lento_vault_verify_finish (f->vault, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async_reports->len, ==, reports->len);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmp, "lento-backup.lento", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GHashTable) by_passphrase = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LentoSecret) passphrase = lento_secret_new_from_string (PASSPHRASE);
  g_autoptr(LentoSecret) wrong = lento_secret_new_from_string ("nope");
  g_autofree char *tmp = g_dir_make_tmp ("lento-vault-XXXXXX", NULL);
  g_autoptr(LentoSecret) other_code = NULL;
  GHashTableIter iter;
  const char *name;
  GBytes *content;
  LentoVault *other;

  g_assert_true (write_text (f->vault, "profile", "{\"p\":\"x\"}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"e\":[1,2]}", &error));
  g_assert_true (store_in_keyring (f->vault, &error));
  g_assert_true (set_passphrase (f->vault, PASSPHRASE, &error));
  g_assert_true (lento_vault_export_backup (f->vault, file, &error));
  g_assert_no_error (error);

  documents = lento_vault_read_backup (file, LENTO_SLOT_RECOVERY, f->code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (documents), ==, 2);
  content = g_hash_table_lookup (documents, "journal/2026-11");
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                   "{\"e\":[1,2]}", 11);

  lento_vault_read_backup_async (file, LENTO_SLOT_PASSPHRASE, passphrase, NULL,
                                 store_result_cb, &result);
  by_passphrase = lento_vault_read_backup_finish (await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (by_passphrase), ==, 2);

  g_assert_null (lento_vault_read_backup (file, LENTO_SLOT_PASSPHRASE, wrong, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* A document is not a backup. */
  {
    g_autofree char *doc = g_build_filename (f->data_dir, "profile.lento", NULL);
    g_autoptr(GFile) doc_file = g_file_new_for_path (doc);

    g_assert_null (lento_vault_read_backup (doc_file, LENTO_SLOT_RECOVERY, f->code, &error));
    g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_A_BACKUP);
    g_clear_error (&error);
  }

  /* Importing into a new journal: the caller writes what it merged. */
  other = open_vault (tmp);
  other_code = lento_vault_create (other, &error);
  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &content))
    {
      g_autoptr(GAsyncResult) write_result = NULL;

      lento_vault_write_document_async (other, name, content, NULL, store_result_cb,
                                        &write_result);
      g_assert_true (lento_vault_write_document_finish (other, await_result (&write_result),
                                                        &error));
    }
  assert_document (other, "profile", "{\"p\":\"x\"}");
  flush (other);
  finalize_vault (other);
  remove_tree (tmp);
}

/* A backup never goes into the data folder, where it would write over a
 * document or the key file, however the path gets there; a folder beside
 * it whose name merely starts the same is fine. */
static void
test_backup_inside_data_dir (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) month = NULL;
  g_autoptr(GBytes) keys = NULL;
  g_autofree char *link = g_build_filename (f->tmp, "link", NULL);
  g_autofree char *key_link = g_build_filename (f->tmp, "keys-link.lento", NULL);
  g_autofree char *keys_path = g_build_filename (f->data_dir, "keys.lento", NULL);
  g_autofree char *beside = g_strconcat (f->data_dir, "-backup.lento", NULL);
  g_autoptr(GFile) beside_file = g_file_new_for_path (beside);
  const char * const inside[] = {
    "/journal/2026-11.lento", "/journal/log.lento", "/backup.lento", "/journal/../keys.lento",
    "",
  };
  const char * const through_link[] = {
    "/journal/2026-11.lento", "/backup.lento",
  };

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"e\":[1]}", &error));
  month = read_file (f, "journal/2026-11.lento");
  keys = read_file (f, "keys.lento");
  g_assert_cmpint (symlink (f->data_dir, link), ==, 0);
  g_assert_cmpint (symlink (keys_path, key_link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (inside) + G_N_ELEMENTS (through_link) + 1; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      if (i < G_N_ELEMENTS (inside))
        path = g_strconcat (f->data_dir, inside[i], NULL);
      else if (i < G_N_ELEMENTS (inside) + G_N_ELEMENTS (through_link))
        path = g_strconcat (link, through_link[i - G_N_ELEMENTS (inside)], NULL);
      else
        path = g_strdup (key_link);

      file = g_file_new_for_path (path);
      g_assert_false (lento_vault_export_backup (f->vault, file, &error));
      g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INSIDE_DATA_DIR);
      g_clear_error (&error);
    }

  {
    g_autoptr(GBytes) month_after = read_file (f, "journal/2026-11.lento");
    g_autoptr(GBytes) keys_after = read_file (f, "keys.lento");
    g_autoptr(GBytes) backup = read_file (f, "backup.lento");

    g_assert_true (g_bytes_equal (month, month_after));
    g_assert_true (g_bytes_equal (keys, keys_after));
    g_assert_null (backup);
  }

  g_assert_true (lento_vault_export_backup (f->vault, beside_file, &error));
  g_assert_no_error (error);
}

static void
test_lock_while_writing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"late\":1}", 10);
  g_autoptr(GError) error = NULL;

  /* The bytes are sealed when the write is asked for, so locking at once
   * neither loses them nor keeps a key alive for them. */
  lento_vault_write_document_async (f->vault, "profile", bytes, NULL, store_result_cb, &result);
  lento_vault_lock (f->vault);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_LOCKED);
  g_assert_true (lento_vault_write_document_finish (f->vault, await_result (&result), &error));
  g_assert_no_error (error);
  flush (f->vault);

  unlock_with_code (f);
  assert_document (f->vault, "profile", "{\"late\":1}");
}

static void
test_states (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lento-vault-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSecret) code = lento_secret_new_from_string ("0000-0000-0000-0000-0000-0000-0000");
  LentoVault *vault = lento_vault_new (tmp, APP_ID);
  LentoSecret *created;

  created = lento_vault_create (vault, &error);
  g_assert_null (created);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_OPEN);
  g_clear_error (&error);

  g_assert_true (lento_vault_open (vault, &error));
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_NO_JOURNAL);
  g_assert_null (lento_vault_dup_journal_uuid (vault));
  g_assert_false (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_JOURNAL);
  g_clear_error (&error);

  lento_vault_close (vault);
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_CLOSED);
  finalize_vault (vault);
  remove_tree (tmp);
}

static void
test_disable_core_dumps (void)
{
  g_autoptr(GError) error = NULL;
  struct rlimit limit;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (lento_secure_disable_core_dumps (&error));
  g_assert_no_error (error);
  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  g_assert_cmpuint (limit.rlim_cur, ==, 0);
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
}

static void
replace_with_folder (Fixture    *f,
                     const char *relative)
{
  g_autofree char *path = g_build_filename (f->data_dir, relative, NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
}

/* What a person reads names a file, never the folders above it: the data
 * folder's path says who the person is and where Lento keeps the journal. */
static void
assert_names_file_only (Fixture      *f,
                        const GError *error,
                        const char   *file)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, f->tmp));
  g_assert_null (strstr (error->message, "/"));
  g_assert_nonnull (strstr (error->message, file));
}

static void
test_messages_name_files_only (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree char *missing = g_build_filename (f->tmp, "no-such-backup.lento", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autofree char *keys_prev = g_build_filename (f->data_dir, "keys.lento.prev", NULL);

  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  replace_with_folder (f, "journal/2026-11.lento");
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);

  bytes = lento_vault_read_document (f->vault, "journal/2026-11", NULL, &error);
  g_assert_null (bytes);
  assert_names_file_only (f, error, "2026-11.lento");
  g_clear_error (&error);

  reports = lento_vault_verify (f->vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);

      if (g_str_equal (report->name, "journal/2026-11"))
        assert_names_file_only (f, report->error, "2026-11.lento");
    }

  g_assert_null (lento_vault_read_backup (missing_file, LENTO_SLOT_RECOVERY, f->code, &error));
  assert_names_file_only (f, error, "no-such-backup.lento");
  g_clear_error (&error);

  /* The key file too. */
  lento_vault_close (f->vault);
  replace_with_folder (f, "keys.lento");
  g_assert_cmpint (g_unlink (keys_prev), ==, 0);
  g_assert_false (lento_vault_open (f->vault, &error));
  assert_names_file_only (f, error, "keys.lento");
}

/* A named pipe, a device or a link in place of a file must not make Lento
 * wait for ever or read without end: the child is given a few seconds. */
static void
test_not_a_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (write_text (f->vault, "profile", "{\"r\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"n\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);

  g_setenv ("LENTO_TEST_DATA_DIR", f->data_dir, TRUE);
  g_setenv ("LENTO_TEST_CODE", lento_secret_get_string (f->code), TRUE);
  g_test_trap_subprocess ("/lento/vault/not-a-regular-file/child", 20 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*no-wait*");
}

static void
test_not_a_regular_file_child (void)
{
  const char *data_dir = g_getenv ("LENTO_TEST_DATA_DIR");
  g_autofree char *month = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *keys_prev = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *profile = NULL;
  g_autoptr(GFile) fifo_file = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  LentoVault *vault;
  guint checked = 0;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs only as the child of /lento/vault/not-a-regular-file");
      return;
    }

  /* A pipe in place of a month (whose previous generation opens), a link
   * in place of another, and a pipe in place of keys.lento. */
  month = g_build_filename (data_dir, "journal", "2026-11.lento", NULL);
  linked = g_build_filename (data_dir, "journal", "2026-10.lento", NULL);
  keys = g_build_filename (data_dir, "keys.lento", NULL);
  keys_prev = g_build_filename (data_dir, "keys.lento.prev", NULL);
  profile = g_build_filename (data_dir, "profile.lento", NULL);
  g_assert_cmpint (g_unlink (month), ==, 0);
  g_assert_cmpint (mkfifo (month, 0600), ==, 0);
  g_assert_cmpint (g_unlink (linked), ==, 0);
  g_assert_cmpint (symlink (profile, linked), ==, 0);
  g_assert_cmpint (g_unlink (keys), ==, 0);
  g_assert_cmpint (mkfifo (keys, 0600), ==, 0);

  vault = open_vault (data_dir);
  code = lento_secret_new_from_string (g_getenv ("LENTO_TEST_CODE"));
  g_assert_true (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_no_error (error);
  assert_document (vault, "profile", "{\"r\":1}");

  reports = lento_vault_verify (vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);

      if (g_str_equal (report->name, "journal/2026-11"))
        {
          g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS);
          g_assert_error (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_REGULAR_FILE);
          g_assert_nonnull (strstr (report->error->message, "2026-11.lento"));
          checked++;
        }
      else if (g_str_equal (report->name, "journal/2026-10"))
        {
          g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_DAMAGED);
          g_assert_error (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_REGULAR_FILE);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 2);
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_READ_ONLY);

  /* A backup that is a pipe. */
  fifo = g_build_filename (data_dir, "..", "backup-pipe.lento", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fifo_file = g_file_new_for_path (fifo);
  g_assert_null (lento_vault_read_backup (fifo_file, LENTO_SLOT_RECOVERY, code, &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_REGULAR_FILE);
  g_unlink (fifo);

  g_print ("no-wait\n");
  finalize_vault (vault);
}

/* A kill during a write leaves its temporary file behind; the next process
 * to take the lock removes it, and nothing else. */
static void
test_stale_temporary_files (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *stale[] = {
    "journal/2026-11.lento.Ab3dE9", "journal/2026-11.lento.prev.k9J8h7",
    "journal/2026-11.lento.prev.tmp", "profile.lento.XyZ123", "keys.lento.q1W2e3",
    "keys.lento.prev.000000", "other/2026-11.lento.Ab3dE9",
  };
  const char *kept[] = {
    "journal/notes.txt", "journal/2026-11.lento.damaged", "profile.lento.Ab3dE",
    "profile.lento.Ab3dE9x", "journal/2026-11.lento.Ab3-E9", "Profile.lento.Ab3dE9",
  };
  g_autofree char *folder = g_build_filename (f->data_dir, "journal", "2026-10.lento.Zz9Zz9", NULL);
  g_autofree char *other = g_build_filename (f->data_dir, "other", NULL);
  g_autofree char *link = g_build_filename (f->data_dir, "journal", "2026-09.lento.Ln1Ln1", NULL);
  g_autofree char *target = g_build_filename (f->tmp, "outside", NULL);

  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "x", 1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (f->data_dir, stale[i], NULL);

      g_assert_true (g_file_set_contents (path, "half", 4, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->data_dir, kept[i], NULL);

      g_assert_true (g_file_set_contents (path, "mine", 4, NULL));
    }

  /* Not while another process holds the journal. */
  {
    LentoVault *holder = open_vault (f->data_dir);
    LentoVault *second = lento_vault_new (f->data_dir, APP_ID);

    g_assert_false (lento_vault_open (second, &error));
    g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_ALREADY_OPEN);
    g_clear_error (&error);
    finalize_vault (second);
    finalize_vault (holder);
  }

  g_assert_true (lento_vault_open (f->vault, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (f->data_dir, stale[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->data_dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  unlock_with_code (f);
  assert_document (f->vault, "journal/2026-11", "{}");
}

/* A journal folder that cannot be read is reported, and nothing is written
 * while Lento cannot see what it holds. As root, permissions do not stop a
 * read, so a file takes the folder's place. */
static void
test_unreadable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *folder = g_build_filename (f->data_dir, "journal", NULL);
  g_autofree char *aside = g_build_filename (f->tmp, "journal-aside", NULL);
  gboolean as_file = geteuid () == 0;
  gboolean found = FALSE;

  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  if (as_file)
    {
      g_assert_cmpint (g_rename (folder, aside), ==, 0);
      g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));
    }
  else
    {
      g_assert_cmpint (g_chmod (folder, 0), ==, 0);
    }
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);

  reports = lento_vault_verify (f->vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);

      if (g_str_equal (report->name, "journal"))
        {
          g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_DAMAGED);
          g_assert_error (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO);
          g_assert_nonnull (strstr (report->error->message, "“journal”"));
          assert_names_file_only (f, report->error, "journal");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==, "journal");

  names = lento_vault_list_documents (f->vault, &error);
  g_assert_null (names);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (write_text (f->vault, "profile", "{\"x\":1}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY);
  g_clear_error (&error);

  if (as_file)
    {
      g_assert_cmpint (g_unlink (folder), ==, 0);
      g_assert_cmpint (g_rename (aside, folder), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
    }
}

static LentoDocumentReport *
find_report (GPtrArray  *reports,
             const char *name)
{
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);

      if (g_str_equal (report->name, name))
        return report;
    }

  return NULL;
}

static GPtrArray *
verify (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reports = lento_vault_verify (f->vault, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reports);
  return reports;
}

/* A damaged keys.lento is reported like a document restored from its
 * previous version, and its good copy is written back; a damaged copy is
 * reported too. Neither is overwritten: each is kept as .damaged. */
static void
test_keys_damaged_reported (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LentoDocumentReport *report;

  g_assert_true (write_text (f->vault, "profile", "{\"k\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"k\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  good = read_file (f, "keys.lento");
  flip_byte (f, "keys.lento", 40);
  bad = read_file (f, "keys.lento");

  g_assert_true (lento_vault_open (f->vault, &error));
  g_assert_no_error (error);
  unlock_with_code (f);
  reports = verify (f);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpstr (report->name, ==, "keys");
  g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS);
  g_assert_error (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYS_DAMAGED);
  g_assert_no_error (report->previous_error);
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* The good copy is back, the damaged file beside it. */
  bytes = read_file (f, "keys.lento");
  g_assert_true (g_bytes_equal (bytes, good));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_file (f, "keys.lento.damaged");
  g_assert_true (g_bytes_equal (bytes, bad));
  g_clear_pointer (&bytes, g_bytes_unref);
  reopen (f);
  unlock_with_code (f);
  reports = verify (f);
  report = find_report (reports, "keys");
  g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_OK);
  g_assert_no_error (report->error);
  g_assert_no_error (report->previous_error);
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* The copy damaged: reported, and written again from keys.lento. */
  lento_vault_close (f->vault);
  flip_byte (f, "keys.lento.prev", 3);
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  reports = verify (f);
  report = find_report (reports, "keys");
  g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_OK);
  g_assert_error (report->previous_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYS_DAMAGED);
  g_clear_pointer (&reports, g_ptr_array_unref);
  bytes = read_file (f, "keys.lento.prev");
  g_assert_true (g_bytes_equal (bytes, good));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_nonnull ((bytes = read_file (f, "keys.lento.prev.damaged")));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A document's damaged previous generation has its line too. */
  flip_byte (f, "profile.lento.prev", 2);
  reports = verify (f);
  report = find_report (reports, "profile");
  g_assert_cmpint (report->status, ==, LENTO_DOCUMENT_OK);
  g_assert_no_error (report->error);
  g_assert_error (report->previous_error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DAMAGED);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, "profile", "{\"k\":2}");
}

static void
assert_read_only_with (Fixture             *f,
                       const char          *name,
                       LentoDocumentStatus  status,
                       gint                 code)
{
  g_autoptr(GPtrArray) reports = verify (f);
  LentoDocumentReport *report = find_report (reports, name);

  g_assert_nonnull (report);
  g_assert_cmpint (report->status, ==, status);
  g_assert_error (report->error, LENTO_VAULT_ERROR, code);
  g_assert_nonnull (strstr (report->error->message, "."));
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
}

static void
put_back_previous (Fixture    *f,
                   const char *name,
                   gboolean    by_rename)
{
  g_autofree char *file = g_strconcat (name, ".lento", NULL);
  g_autofree char *prev_file = g_strconcat (name, ".lento.prev", NULL);
  g_autofree char *path = g_build_filename (f->data_dir, file, NULL);
  g_autofree char *prev = g_build_filename (f->data_dir, prev_file, NULL);

  if (by_rename)
    g_assert_cmpint (g_rename (prev, path), ==, 0);
  else
    copy_file (prev, path);
}

/* A file-sync tool or a person puts an older generation back: the journal
 * opens read-only and names it; restoring accepts the older version. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LentoDocumentStatus status;

  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_true (write_text (f->vault, name, "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, name, "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  put_back_previous (f, name, g_str_equal (name, "journal/log"));

  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==, name);
  text = read_text (f->vault, name, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_ROLLED_BACK);
  g_assert_cmpstr (text, ==, "{\"v\":1}");
  assert_read_only_with (f, name, LENTO_DOCUMENT_ROLLED_BACK, LENTO_VAULT_ERROR_ROLLED_BACK);
  g_assert_false (write_text (f->vault, name, "{\"v\":3}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DOCUMENT_DAMAGED);
  g_clear_error (&error);
  g_assert_false (write_text (f->vault, "journal/2026-12", "{}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Restoring goes on from the older version, as a new generation. */
  g_assert_true (lento_vault_restore_previous (f->vault, name, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, name, "{\"v\":1}");
  g_assert_true (write_text (f->vault, name, "{\"v\":3}", &error));
  g_assert_no_error (error);
  reopen (f);
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, name, "{\"v\":3}");
}

static void
remove_document_files (Fixture    *f,
                       const char *name)
{
  g_autofree char *file = g_strconcat (name, ".lento", NULL);
  g_autofree char *prev_file = g_strconcat (name, ".lento.prev", NULL);
  g_autofree char *path = g_build_filename (f->data_dir, file, NULL);
  g_autofree char *prev = g_build_filename (f->data_dir, prev_file, NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_unlink (prev);
}

/* A document deleted outside Lento: missing, by name, never silently. */
static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  const char *name = data;
  const char *all[] = { "journal/2026-10", "journal/2026-11", "journal/log", "profile" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_auto(GStrv) names = NULL;
  LentoDocumentStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (write_text (f->vault, all[i], "{\"v\":1}", &error));
      g_assert_true (write_text (f->vault, all[i], "{\"v\":2}", &error));
    }
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  if (g_str_equal (name, "journal"))
    {
      g_autofree char *folder = g_build_filename (f->data_dir, "journal", NULL);

      remove_tree (folder);
    }
  else
    {
      remove_document_files (f, name);
    }

  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  reports = verify (f);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      LentoDocumentReport *report = find_report (reports, all[i]);
      gboolean gone = g_str_equal (all[i], name) ||
                      (g_str_has_prefix (all[i], "journal/") && g_str_equal (name, "journal"));

      g_assert_nonnull (report);
      g_assert_cmpint (report->status, ==, gone ? LENTO_DOCUMENT_MISSING : LENTO_DOCUMENT_OK);
      if (gone)
        g_assert_error (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DOCUMENT_MISSING);
    }
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==,
                   g_str_equal (name, "journal") ? "journal/2026-10" : name);

  /* The journal still knows the name, so the loader asks for it. */
  names = lento_vault_list_documents (f->vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_assert_true (g_strv_contains ((const char * const *) names, all[i]));
  if (!g_str_equal (name, "journal"))
    {
      bytes = lento_vault_read_document (f->vault, name, &status, &error);
      g_assert_null (bytes);
      g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_DOCUMENT_MISSING);
      g_assert_cmpint (status, ==, LENTO_DOCUMENT_MISSING);
      g_clear_error (&error);
      g_assert_false (lento_vault_restore_previous (f->vault, name, &error));
      g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE);
      g_clear_error (&error);
    }
  g_assert_false (write_text (f->vault, "journal/2026-12", "{}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Going on without what is gone: the journal is writable again, and
   * stays so when it opens next time. */
  while (lento_vault_get_damaged_document (f->vault) != NULL)
    {
      g_autofree char *damaged = g_strdup (lento_vault_get_damaged_document (f->vault));

      g_assert_true (lento_vault_set_aside_document (f->vault, damaged, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), !=, damaged);
    }
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_true (write_text (f->vault, "journal/2026-12", "{}", &error));
  g_assert_no_error (error);
  reopen (f);
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = verify (f);
  for (guint i = 0; i < reports->len; i++)
    g_assert_cmpint (((LentoDocumentReport *) g_ptr_array_index (reports, i))->status, ==,
                     LENTO_DOCUMENT_OK);
}

/* Both files of a month damaged: nothing to go back to. Setting it aside
 * keeps both files beside the journal, as .damaged, and lets it go on. */
static void
test_set_aside_damaged (Fixture       *f,
                        gconstpointer  data)
{
  const char *suffixes[] = { ".lento", ".lento.prev" };
  g_autoptr(GError) error = NULL;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"v\":3}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat ("2026-11", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (f->data_dir, "journal", file, NULL);

      g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
    }
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpint (lento_vault_get_damaged_status (f->vault), ==, LENTO_DOCUMENT_DAMAGED);
  g_assert_false (lento_vault_restore_previous (f->vault, "journal/2026-11", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_PREVIOUS_UNAVAILABLE);
  g_clear_error (&error);

  /* Only what keeps the journal read-only can be set aside. */
  g_assert_false (lento_vault_set_aside_document (f->vault, "journal/2026-10", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INVALID_NAME);
  g_clear_error (&error);

  g_assert_true (lento_vault_set_aside_document (f->vault, "journal/2026-11", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat ("2026-11", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (f->data_dir, "journal", file, NULL);
      g_autofree char *aside = g_strconcat (path, ".damaged", NULL);
      g_autofree char *contents = NULL;

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "damaged");
    }
  assert_document (f->vault, "journal/2026-10", "{\"v\":3}");
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":4}", &error));
  g_assert_no_error (error);
  reopen (f);
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, "journal/2026-11", "{\"v\":4}");
}

/* Deleting only the current file of a document leaves its previous
 * generation: that is "restored from previous", as before, and restoring
 * it gets the journal going again. */
static void
test_deleted_current_only (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->data_dir, "journal", "2026-11.lento", NULL);

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  assert_read_only_with (f, "journal/2026-11", LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS,
                         LENTO_VAULT_ERROR_NOT_FOUND);
  g_assert_true (lento_vault_restore_previous (f->vault, "journal/2026-11", &error));
  g_assert_no_error (error);
  assert_document (f->vault, "journal/2026-11", "{\"v\":1}");
  reopen (f);
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
}

/* A kill after a document reached the disk and before the manifest did
 * leaves the document newer than the manifest: that is no rollback. */
static void
test_manifest_behind (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  flush (f->vault);
  manifest = read_file (f, "manifest.lento");
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-12", "{\"v\":1}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento"), ==, 2);
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento.prev"), ==, 1);
  g_assert_cmpuint (generation_of (f, "journal/2026-12.lento"), ==, 1);
  lento_vault_close (f->vault);
  {
    g_autofree char *path = g_build_filename (f->data_dir, "manifest.lento", NULL);

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (manifest, NULL),
                                        g_bytes_get_size (manifest), NULL));
  }

  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, "journal/2026-11", "{\"v\":2}");
  assert_document (f->vault, "journal/2026-12", "{\"v\":1}");

  /* The manifest caught up as the journal opened. */
  after = read_file (f, "manifest.lento");
  g_assert_false (g_bytes_equal (after, manifest));
  g_assert_cmpuint (generation_of (f, "manifest.lento"), >,
                    generation_of (f, "manifest.lento.prev"));
}

/* The same generation with other bytes: two writers (two computers
 * sharing a folder) each wrote their own version. That is a conflict, not
 * a rollback. A whole consistent older state is not detectable. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  const char *files[] = { "journal/2026-11.lento", "manifest.lento" };
  g_autoptr(GError) error = NULL;
  GBytes *first[2] = { NULL, NULL };
  g_autoptr(GBytes) second = NULL;
  g_autofree char *text = NULL;
  LentoDocumentStatus status;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  flush (f->vault);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    first[i] = read_file (f, files[i]);
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"here\":2}", &error));
  flush (f->vault);
  second = read_file (f, files[0]);

  /* The whole journal as it was after the first write: consistent, so it
   * opens as it is. */
  lento_vault_close (f->vault);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->data_dir, files[i], NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (first[i], NULL),
                                          g_bytes_get_size (first[i]), NULL));
    }
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"there\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento"), ==, 2);

  /* Now the other generation 2 arrives. */
  lento_vault_close (f->vault);
  {
    g_autofree char *path = g_build_filename (f->data_dir, files[0], NULL);

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (second, NULL),
                                        g_bytes_get_size (second), NULL));
  }
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  text = read_text (f->vault, "journal/2026-11", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, LENTO_DOCUMENT_CONFLICT);
  g_assert_cmpstr (text, ==, "{\"here\":2}");
  assert_read_only_with (f, "journal/2026-11", LENTO_DOCUMENT_CONFLICT,
                         LENTO_VAULT_ERROR_CONFLICT);
  g_assert_true (lento_vault_restore_previous (f->vault, "journal/2026-11", &error));
  g_assert_no_error (error);
  assert_document (f->vault, "journal/2026-11", "{\"here\":2}");
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_bytes_unref (first[i]);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else
        copy_file (source, target);
    }
}

/* A journal written before the manifest existed (tests/vault/vectors/
 * journal-before-manifest, made by the Lento of before) opens as it is and
 * gets one; a manifest deleted later is reported, and restoring rebuilds
 * it. */
static void
test_manifest_upgrade (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lento-vault-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (tmp, APP_ID, NULL);
  g_autofree char *fixture = g_build_filename (g_getenv ("LENTO_VECTOR_DIR"),
                                               "journal-before-manifest", NULL);
  g_autofree char *code_path = g_build_filename (fixture, "recovery-code", NULL);
  g_autofree char *code_text = NULL;
  g_autofree char *manifest = g_build_filename (data_dir, "manifest.lento", NULL);
  g_autofree char *manifest_prev = g_build_filename (data_dir, "manifest.lento.prev", NULL);
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  const char *month = "{\"format\":1,\"month\":\"2026-11\",\"entries\":[]}";
  LentoVault *vault;

  copy_tree (fixture, data_dir);
  g_assert_true (g_file_get_contents (code_path, &code_text, NULL, NULL));
  code = lento_secret_new_from_string (g_strstrip (code_text));
  g_assert_false (g_file_test (manifest, G_FILE_TEST_EXISTS));

  vault = open_vault (data_dir);
  g_assert_true (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (vault, "journal/2026-11", month);
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  g_assert_true (write_text (vault, "journal/2026-11", month, &error));
  g_assert_no_error (error);
  flush (vault);
  lento_vault_close (vault);
  finalize_vault (vault);

  /* The manifest deleted (documents written since carry a generation). */
  g_assert_cmpint (g_unlink (manifest), ==, 0);
  g_assert_cmpint (g_unlink (manifest_prev), ==, 0);
  vault = open_vault (data_dir);
  g_assert_true (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  g_assert_cmpstr (lento_vault_get_damaged_document (vault), ==, "manifest");
  reports = lento_vault_verify (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_report (reports, "manifest")->status, ==, LENTO_DOCUMENT_MISSING);
  g_assert_true (lento_vault_restore_previous (vault, "manifest", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  flush (vault);
  lento_vault_close (vault);
  finalize_vault (vault);

  vault = open_vault (data_dir);
  g_assert_true (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_cmpint (lento_vault_get_state (vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (vault, "journal/2026-11", month);
  finalize_vault (vault);
  remove_tree (tmp);
}

/* A damaged manifest is not overwritten: read-only until it is restored. */
static void
test_manifest_damaged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (write_text (f->vault, "profile", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);
  flip_byte (f, "manifest.lento", 4);
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  g_assert_cmpstr (lento_vault_get_damaged_document (f->vault), ==, "manifest");
  assert_read_only_with (f, "manifest", LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS,
                         LENTO_VAULT_ERROR_DAMAGED);
  assert_document (f->vault, "profile", "{\"v\":2}");
  g_assert_true (lento_vault_restore_previous (f->vault, "manifest", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_true (write_text (f->vault, "profile", "{\"v\":3}", &error));
  g_assert_no_error (error);
  reopen (f);
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  assert_document (f->vault, "profile", "{\"v\":3}");
}

static void
test_manifest_name_reserved (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_false (write_text (f->vault, "manifest", "{}", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INVALID_NAME);
  g_clear_error (&error);
  bytes = lento_vault_read_document (f->vault, "manifest", NULL, &error);
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_true (write_text (f->vault, "profile", "{}", &error));
  g_assert_false (lento_vault_has_document (f->vault, "manifest"));
  names = lento_vault_list_documents (f->vault, &error);
  g_assert_no_error (error);
  g_assert_false (g_strv_contains ((const char * const *) names, "manifest"));
}

/* A note that says which text it was made from. */
static JsonObject *
note_new (const char *text)
{
  JsonObject *note = json_object_new ();

  json_object_set_string_member (note, "made-from", text);
  return note;
}

/* Sets @name's note in one call, for @generation. */
static gboolean
set_note (LentoVault  *vault,
          const char  *name,
          guint64      generation,
          const char  *text,
          GError     **error)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) lento_document_note_free);
  g_autoptr(JsonObject) note = note_new (text);

  g_hash_table_insert (notes, (gpointer) name, lento_document_note_new (generation, note));
  return lento_vault_set_document_notes (vault, notes, error);
}

/* The text @name's note was made from, or NULL without a note. */
static char *
dup_note_text (LentoVault *vault,
               const char *name)
{
  g_autoptr(JsonObject) note = lento_vault_dup_document_note (vault, name);

  if (note == NULL)
    return NULL;
  g_assert_true (json_object_is_immutable (note));
  return g_strdup (json_object_get_string_member (note, "made-from"));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;

  return FALSE;
}

/* A note is kept in the sealed manifest with the generation it
 * describes, set for several documents in one write, and read back after
 * a lock and an unlock. */
static void
test_note_kept (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) lento_document_note_free);
  g_autoptr(JsonObject) october = note_new ("october-secret");
  g_autoptr(JsonObject) november = note_new ("november-secret");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autofree char *text = NULL;
  guint64 manifest_generation;

  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  g_assert_cmpuint (lento_vault_get_document_generation (f->vault, "journal/2026-10"), ==, 1);
  g_assert_cmpuint (lento_vault_get_document_generation (f->vault, "journal/2026-11"), ==, 2);
  g_assert_cmpuint (lento_vault_get_document_generation (f->vault, "journal/2026-12"), ==, 0);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));
  manifest_generation = generation_of (f, "manifest.lento");

  g_hash_table_insert (notes, "journal/2026-10", lento_document_note_new (1, october));
  g_hash_table_insert (notes, "journal/2026-11", lento_document_note_new (2, november));
  g_assert_true (lento_vault_set_document_notes (f->vault, notes, &error));
  g_assert_no_error (error);
  flush (f->vault);
  /* One write of the manifest for both, and none of the documents. */
  g_assert_cmpuint (generation_of (f, "manifest.lento"), ==, manifest_generation + 1);
  g_assert_cmpuint (generation_of (f, "journal/2026-11.lento"), ==, 2);
  text = dup_note_text (f->vault, "journal/2026-10");
  g_assert_cmpstr (text, ==, "october-secret");
  g_clear_pointer (&text, g_free);

  /* Sealed with the manifest: nothing of it is on disk in the clear. */
  manifest = read_file (f, "manifest.lento");
  g_assert_false (bytes_contain (manifest, "november-secret"));
  g_assert_false (bytes_contain (manifest, "note"));

  lento_vault_lock (f->vault);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));
  g_assert_cmpuint (lento_vault_get_document_generation (f->vault, "journal/2026-11"), ==, 0);
  unlock_with_code (f);
  text = dup_note_text (f->vault, "journal/2026-11");
  g_assert_cmpstr (text, ==, "november-secret");
  g_clear_pointer (&text, g_free);

  reopen (f);
  unlock_with_code (f);
  text = dup_note_text (f->vault, "journal/2026-10");
  g_assert_cmpstr (text, ==, "october-secret");
  g_clear_pointer (&text, g_free);
  text = dup_note_text (f->vault, "journal/2026-11");
  g_assert_cmpstr (text, ==, "november-secret");
  assert_document (f->vault, "journal/2026-11", "{\"v\":2}");
}

/* Writing a document again drops its note, and only its own. */
static void
test_note_dropped_on_write (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (set_note (f->vault, "journal/2026-10", 1, "october", &error));
  g_assert_true (set_note (f->vault, "journal/2026-11", 1, "november", &error));
  g_assert_no_error (error);
  text = dup_note_text (f->vault, "journal/2026-11");
  g_assert_cmpstr (text, ==, "november");

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_no_error (error);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));
  g_clear_pointer (&text, g_free);
  text = dup_note_text (f->vault, "journal/2026-10");
  g_assert_cmpstr (text, ==, "october");

  reopen (f);
  unlock_with_code (f);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));
  g_clear_pointer (&text, g_free);
  text = dup_note_text (f->vault, "journal/2026-10");
  g_assert_cmpstr (text, ==, "october");
}

/* Another writer (another computer sharing the folder, or a kill between
 * the document and the manifest) leaves a newer generation on disk than
 * the manifest records: the note of the older one is dropped as the
 * journal opens. */
static void
test_note_dropped_when_newer (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->data_dir, "manifest.lento", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) with_note = NULL;
  g_autofree char *text = NULL;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (set_note (f->vault, "journal/2026-11", 1, "november", &error));
  g_assert_no_error (error);
  flush (f->vault);
  with_note = read_file (f, "manifest.lento");
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  lento_vault_close (f->vault);

  /* The manifest as it was, note and all: the document is newer. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (with_note, NULL),
                                      g_bytes_get_size (with_note), NULL));
  g_assert_true (lento_vault_open (f->vault, &error));
  g_assert_no_error (error);
  unlock_with_code (f);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_cmpuint (lento_vault_get_document_generation (f->vault, "journal/2026-11"), ==, 2);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));

  /* Nor does it come back from the manifest's previous generation. */
  reopen (f);
  unlock_with_code (f);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));

  /* The check is no accident of the copy: the same manifest over the
   * same document keeps its note. */
  g_assert_true (set_note (f->vault, "journal/2026-11", 2, "november again", &error));
  g_assert_no_error (error);
  text = dup_note_text (f->vault, "journal/2026-11");
  g_assert_cmpstr (text, ==, "november again");
}

/* A note made from a generation the document is no longer at is left
 * out, and so is one for a document the manifest does not record. */
static void
test_note_older_generation (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 manifest_generation;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);
  manifest_generation = generation_of (f, "manifest.lento");

  g_assert_true (set_note (f->vault, "journal/2026-11", 1, "november", &error));
  g_assert_true (set_note (f->vault, "journal/2026-11", 3, "november", &error));
  g_assert_true (set_note (f->vault, "journal/2026-12", 0, "december", &error));
  g_assert_no_error (error);
  flush (f->vault);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-12"));
  /* Nothing to write: the manifest was not written again. */
  g_assert_cmpuint (generation_of (f, "manifest.lento"), ==, manifest_generation);
}

/* Rotating the data key writes every document again as a new
 * generation, and restoring one puts another generation in its place:
 * either drops the notes of what they rewrite. */
static void
test_note_dropped_on_rewrite (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "journal/2026-10", "{\"v\":2}", &error));
  g_assert_true (set_note (f->vault, "journal/2026-10", 2, "october", &error));
  g_assert_no_error (error);
  flush (f->vault);
  g_assert_true (lento_vault_rotate_data_key (f->vault, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lento_vault_get_document_generation (f->vault, "journal/2026-10"), ==, 3);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-10"));

  g_assert_true (set_note (f->vault, "journal/2026-10", 3, "october", &error));
  g_assert_no_error (error);
  flush (f->vault);
  g_assert_nonnull (lento_vault_dup_document_note (f->vault, "journal/2026-10"));
  lento_vault_close (f->vault);
  flip_byte (f, "journal/2026-10.lento", 5);
  g_assert_true (lento_vault_open (f->vault, &error));
  unlock_with_code (f);
  /* Damaged: its note says nothing of what will be read. */
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-10"));
  g_assert_true (lento_vault_restore_previous (f->vault, "journal/2026-10", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_UNLOCKED);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-10"));
  reopen (f);
  unlock_with_code (f);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-10"));
}

/* Locked, or read-only because another document is damaged: refused,
 * and the manifest is not written. */
static void
test_note_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 manifest_generation;

  g_assert_true (write_text (f->vault, "journal/2026-11", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"v\":1}", &error));
  g_assert_true (write_text (f->vault, "profile", "{\"v\":2}", &error));
  g_assert_no_error (error);
  flush (f->vault);

  lento_vault_lock (f->vault);
  g_assert_false (set_note (f->vault, "journal/2026-11", 1, "november", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  flip_byte (f, "profile.lento", 5);
  flip_byte (f, "profile.lento.prev", 5);
  unlock_with_code (f);
  g_assert_null (lento_vault_read_document (f->vault, "profile", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (lento_vault_get_state (f->vault), ==, LENTO_VAULT_STATE_READ_ONLY);
  manifest_generation = generation_of (f, "manifest.lento");
  g_assert_false (set_note (f->vault, "journal/2026-11", 1, "november", &error));
  g_assert_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_READ_ONLY);
  flush (f->vault);
  g_assert_null (lento_vault_dup_document_note (f->vault, "journal/2026-11"));
  g_assert_cmpuint (generation_of (f, "manifest.lento"), ==, manifest_generation);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/vault/new-destroy", test_new_destroy);
  ADD ("/lento/vault/create-lock-unlock", test_create_lock_unlock);
  ADD ("/lento/vault/create-refuses-existing", test_create_refuses_existing);
  ADD ("/lento/vault/documents", test_documents);
  ADD ("/lento/vault/wrong-recovery-code", test_wrong_recovery_code);
  ADD ("/lento/vault/passphrase", test_passphrase);
  ADD ("/lento/vault/passphrase-longest", test_passphrase_longest);
  ADD ("/lento/vault/new-recovery-code", test_new_recovery_code);
  ADD ("/lento/vault/keys-fallback", test_keys_fallback);
  ADD ("/lento/vault/keyring", test_keyring);
  ADD ("/lento/vault/keyring-item-missing", test_keyring_item_missing);
  ADD ("/lento/vault/keyring-begun-early", test_keyring_begun_early);
  ADD ("/lento/vault/reader", test_reader);
  ADD ("/lento/vault/reader-written-since", test_reader_written_since);
  ADD ("/lento/vault/no-secret-service", test_no_secret_service);
  g_test_add_func ("/lento/vault/no-secret-service/child", test_no_secret_service_child);
  ADD ("/lento/vault/second-vault-refused", test_second_vault_refused);
  ADD ("/lento/vault/second-process-refused", test_second_process_refused);
  g_test_add_func ("/lento/vault/second-process-refused/child", test_second_process_child);
  for (guint i = 0; i < G_N_ELEMENTS (write_failures); i++)
    g_test_add (write_failures[i].path, Fixture, GUINT_TO_POINTER (i), fixture_set_up,
                test_write_failure, fixture_tear_down);
  g_test_add ("/lento/vault/previous-fallback/damaged", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_previous_fallback, fixture_tear_down);
  g_test_add ("/lento/vault/previous-fallback/missing", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_previous_fallback, fixture_tear_down);
  ADD ("/lento/vault/both-damaged", test_both_damaged);
  ADD ("/lento/vault/renamed-and-foreign", test_renamed_and_foreign);
  ADD ("/lento/vault/coalesced-writes", test_coalesced_writes);
  ADD ("/lento/vault/rotation", test_rotation);
  g_test_add ("/lento/vault/master-key/new-code", Fixture, GINT_TO_POINTER (CUT_NEW_CODE),
              fixture_set_up, test_master_key_rotates, fixture_tear_down);
  g_test_add ("/lento/vault/master-key/new-code-with-keyring-and-passphrase", Fixture,
              GINT_TO_POINTER (CUT_NEW_CODE_WITH_KEYRING_AND_PASSPHRASE),
              fixture_set_up, test_master_key_rotates, fixture_tear_down);
  g_test_add ("/lento/vault/master-key/remove-passphrase-after-code", Fixture,
              GINT_TO_POINTER (CUT_REMOVE_PASSPHRASE_AFTER_CODE),
              fixture_set_up, test_master_key_rotates, fixture_tear_down);
  ADD ("/lento/vault/rotation-interrupted", test_rotation_interrupted);
  ADD ("/lento/vault/new-recovery-code-cuts-off-old", test_new_recovery_code_cuts_off_old);
  ADD ("/lento/vault/remove-passphrase-cuts-off-old", test_remove_passphrase_cuts_off_old);
  ADD ("/lento/vault/new-recovery-code-interrupted", test_new_recovery_code_interrupted);
  ADD ("/lento/vault/remove-passphrase-interrupted", test_remove_passphrase_interrupted);
  ADD ("/lento/vault/verify", test_verify);
  ADD ("/lento/vault/backup", test_backup);
  ADD ("/lento/vault/backup-inside-data-dir", test_backup_inside_data_dir);
  ADD ("/lento/vault/lock-while-writing", test_lock_while_writing);
  g_test_add_func ("/lento/vault/states", test_states);
  g_test_add_func ("/lento/vault/disable-core-dumps", test_disable_core_dumps);
  ADD ("/lento/vault/messages-name-files-only", test_messages_name_files_only);
  ADD ("/lento/vault/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/lento/vault/not-a-regular-file/child", test_not_a_regular_file_child);
  ADD ("/lento/vault/stale-temporary-files", test_stale_temporary_files);
  ADD ("/lento/vault/unreadable-folder", test_unreadable_folder);
  ADD ("/lento/vault/keys-damaged-reported", test_keys_damaged_reported);
  g_test_add ("/lento/vault/rollback/month", Fixture, "journal/2026-11", fixture_set_up,
              test_rollback, fixture_tear_down);
  g_test_add ("/lento/vault/rollback/log", Fixture, "journal/log", fixture_set_up,
              test_rollback, fixture_tear_down);
  g_test_add ("/lento/vault/rollback/profile", Fixture, "profile", fixture_set_up,
              test_rollback, fixture_tear_down);
  g_test_add ("/lento/vault/deleted/month", Fixture, "journal/2026-11", fixture_set_up,
              test_deleted, fixture_tear_down);
  g_test_add ("/lento/vault/deleted/log", Fixture, "journal/log", fixture_set_up,
              test_deleted, fixture_tear_down);
  g_test_add ("/lento/vault/deleted/profile", Fixture, "profile", fixture_set_up,
              test_deleted, fixture_tear_down);
  g_test_add ("/lento/vault/deleted/journal-folder", Fixture, "journal", fixture_set_up,
              test_deleted, fixture_tear_down);
  ADD ("/lento/vault/deleted/current-only", test_deleted_current_only);
  ADD ("/lento/vault/set-aside-damaged", test_set_aside_damaged);
  ADD ("/lento/vault/manifest/behind", test_manifest_behind);
  ADD ("/lento/vault/manifest/conflict", test_conflict);
  ADD ("/lento/vault/manifest/damaged", test_manifest_damaged);
  ADD ("/lento/vault/manifest/name-reserved", test_manifest_name_reserved);
  g_test_add_func ("/lento/vault/manifest/upgrade", test_manifest_upgrade);
  ADD ("/lento/vault/manifest/note-kept", test_note_kept);
  ADD ("/lento/vault/manifest/note-dropped-on-write", test_note_dropped_on_write);
  ADD ("/lento/vault/manifest/note-dropped-when-newer", test_note_dropped_when_newer);
  ADD ("/lento/vault/manifest/note-older-generation", test_note_older_generation);
  ADD ("/lento/vault/manifest/note-dropped-on-rewrite", test_note_dropped_on_rewrite);
  ADD ("/lento/vault/manifest/note-refused", test_note_refused);

  return g_test_run ();
}
