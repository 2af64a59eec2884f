/* lento-keyring.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-secure.h"

G_BEGIN_DECLS

/* The keyring slot's secret, kept with libsecret: a SecretSchema named
 * after the application ID whose only attribute is "journal" (the
 * journal UUID); the 32-byte secret is stored in base64 with no newline.
 * Storing and clearing are asynchronous, because the Secret Service may
 * prompt; the lookup blocks, for a worker thread.
 */

void          lento_keyring_store_async   (const char          *application_id,
                                           const char          *journal_uuid,
                                           LentoSecret         *secret,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Fails with KEYRING_UNAVAILABLE when the Secret Service cannot store it. */
gboolean      lento_keyring_store_finish  (GAsyncResult        *result,
                                           GError             **error);

/* With @may_prompt FALSE the Secret Service is never asked to unlock the
 * keyring, so nothing waits for a person: a locked keyring fails at once
 * with KEYRING_LOCKED. Blocks; call it on a worker thread. Returns the
 * 32-byte secret, or fails with KEYRING_UNAVAILABLE (no Secret Service or
 * it refused), KEYRING_ITEM_MISSING (nothing stored, or the keyring is
 * locked and was not unlocked) or KEYRING_ITEM_INVALID (not 32 bytes of
 * base64). Never makes a new secret. */
LentoSecret  *lento_keyring_lookup_sync   (const char          *application_id,
                                           const char          *journal_uuid,
                                           gboolean             may_prompt,
                                           GCancellable        *cancellable,
                                           GError             **error);

void          lento_keyring_clear_async   (const char          *application_id,
                                           const char          *journal_uuid,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      lento_keyring_clear_finish  (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
