/* lento-keyring.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <sodium.h>

#include "lento-container.h"
#include "lento-keyring.h"
#include "lento-vault-error.h"

#define ATTRIBUTE "journal"

static SecretSchema *
schema_new (const char *application_id)
{
  /* SECRET_SCHEMA_DONT_MATCH_NAME is not set: items of another build
   * (the .Devel one) must never match. */
  return secret_schema_new (application_id, SECRET_SCHEMA_NONE,
                            ATTRIBUTE, SECRET_SCHEMA_ATTRIBUTE_STRING,
                            NULL);
}

/* Every call is one task that carries the schema of its application ID. */
static GTask *
keyring_task_new (const char          *application_id,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  SecretSchema       **schema)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  *schema = schema_new (application_id);
  g_task_set_task_data (task, *schema, (GDestroyNotify) secret_schema_unref);
  return task;
}

/* Maps what libsecret said to the vault's codes: only the caller's own
 * cancellation stays a cancellation; a prompt the person dismissed means
 * the keyring did not hand over the key; anything else means the Secret
 * Service could not be used. */
static void
set_unavailable (GCancellable  *cancellable,
                 GError       **error,
                 GError        *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
        g_propagate_error (error, g_error_copy (cause));
      else
        lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING);
      return;
    }

  /* The cause may name D-Bus addresses; it is logged for debugging only. */
  g_debug ("Secret Service: %s", cause->message);
  lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      GError *out = NULL;

      set_unavailable (g_task_get_cancellable (task), &out, error);
      g_task_return_error (task, out);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
lento_keyring_store_async (const char          *application_id,
                           const char          *journal_uuid,
                           LentoSecret         *secret,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(LentoSecret) encoded = NULL;
  SecretSchema *schema;
  g_autofree char *label = NULL;

  g_return_if_fail (application_id != NULL);
  g_return_if_fail (journal_uuid != NULL);
  g_return_if_fail (secret != NULL && lento_secret_get_size (secret) == LENTO_KEY_SIZE);

  task = keyring_task_new (application_id, lento_keyring_store_async,
                           cancellable, callback, user_data, &schema);

  /* The base64 text is itself a secret, so it lives in secure memory. */
  encoded = lento_secret_new (sodium_base64_ENCODED_LEN (LENTO_KEY_SIZE,
                                                         sodium_base64_VARIANT_ORIGINAL));
  sodium_bin2base64 ((char *) lento_secret_get_data (encoded), lento_secret_get_size (encoded),
                     lento_secret_get_data (secret), LENTO_KEY_SIZE,
                     sodium_base64_VARIANT_ORIGINAL);

  /* Translators: the label of Lento's item in the keyring (Passwords and Keys). */
  label = g_strdup (_("Lento journal key"));
  secret_password_store (schema, SECRET_COLLECTION_DEFAULT, label,
                         lento_secret_get_string (encoded), cancellable,
                         store_cb, g_steal_pointer (&task),
                         ATTRIBUTE, journal_uuid,
                         NULL);
}

gboolean
lento_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lento_keyring_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Turns the base64 text stored in the keyring into the 32-byte secret. */
static LentoSecret *
decode (const char  *encoded,
        gsize        length,
        GError     **error)
{
  g_autoptr(LentoSecret) secret = lento_secret_new (LENTO_KEY_SIZE);
  gsize decoded = 0;

  if (sodium_base642bin (lento_secret_get_data (secret), LENTO_KEY_SIZE, encoded, length, NULL,
                         &decoded, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      decoded != LENTO_KEY_SIZE)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID), NULL;

  return g_steal_pointer (&secret);
}

/**
 * lento_keyring_lookup_sync:
 * @may_prompt: whether the Secret Service may ask the person to unlock
 *   the keyring; without it, a locked keyring ends in KEYRING_LOCKED at
 *   once
 *
 * Blocks: call it on a worker thread. libsecret's synchronous calls wait on
 * a main context of their own, so none of the lookup's D-Bus round trips
 * waits for the main thread, which at start-up is busy building and
 * drawing the window.
 *
 * Returns: (transfer full) (nullable): the 32-byte secret, or %NULL with
 *   @error as lento_keyring_lookup_finish() says
 */
LentoSecret *
lento_keyring_lookup_sync (const char    *application_id,
                           const char    *journal_uuid,
                           gboolean       may_prompt,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) local_error = NULL;
  SecretSchema *schema;
  LentoSecret *secret = NULL;
  const char *encoded;
  gsize length = 0;

  g_return_val_if_fail (application_id != NULL, NULL);
  g_return_val_if_fail (journal_uuid != NULL, NULL);

  schema = schema_new (application_id);

  /* With a prompt allowed, the lookup goes through libsecret's backend,
   * as the store does: inside a Flatpak sandbox that is the keyring file
   * the Secret portal unlocks, not the Secret Service on the bus.
   */
  if (may_prompt)
    {
      char *found = secret_password_lookup_nonpageable_sync (schema, cancellable, &local_error,
                                                             ATTRIBUTE, journal_uuid, NULL);

      if (local_error != NULL)
        set_unavailable (cancellable, error, local_error);
      else if (found == NULL)
        /* Nothing stored, or the person did not unlock the keyring. */
        lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING);
      else
        secret = decode (found, strlen (found), error);
      secret_password_free (found);
      secret_schema_unref (schema);
      return secret;
    }

  /* Opening a session never prompts; a search without
   * SECRET_SEARCH_UNLOCK loads the secrets of unlocked items only.
   */
  service = secret_service_open_sync (SECRET_TYPE_SERVICE, NULL, SECRET_SERVICE_OPEN_SESSION,
                                      cancellable, &local_error);
  if (service != NULL)
    {
      attributes = secret_attributes_build (schema, ATTRIBUTE, journal_uuid, NULL);
      items = secret_service_search_sync (service, schema, attributes,
                                          SECRET_SEARCH_LOAD_SECRETS, cancellable, &local_error);
    }
  secret_schema_unref (schema);
  if (local_error != NULL)
    return set_unavailable (cancellable, error, local_error), NULL;
  if (items == NULL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING), NULL;

  /* A locked item has no secret loaded: unlocking it is what would prompt. */
  value = secret_item_get_secret (items->data);
  if (secret_item_get_locked (items->data) || value == NULL)
    return lento_vault_set_error (error, LENTO_VAULT_ERROR_KEYRING_LOCKED), NULL;

  encoded = secret_value_get (value, &length);
  return decode (encoded, length, error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error means there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      GError *out = NULL;

      set_unavailable (g_task_get_cancellable (task), &out, error);
      g_task_return_error (task, out);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
lento_keyring_clear_async (const char          *application_id,
                           const char          *journal_uuid,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SecretSchema *schema;

  g_return_if_fail (application_id != NULL);
  g_return_if_fail (journal_uuid != NULL);

  task = keyring_task_new (application_id, lento_keyring_clear_async,
                           cancellable, callback, user_data, &schema);

  secret_password_clear (schema, cancellable, clear_cb, g_steal_pointer (&task),
                         ATTRIBUTE, journal_uuid,
                         NULL);
}

gboolean
lento_keyring_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lento_keyring_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
