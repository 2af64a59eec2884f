/* lento-secure.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LENTO_TYPE_SECRET (lento_secret_get_type ())

/* LentoSecret: a reference-counted buffer of secret bytes (a key, a
 * passphrase, a recovery code) that lives only in sodium_malloc() memory:
 * guarded pages, locked out of swap, wiped when the last reference goes.
 * There is always a NUL byte after the data, so text secrets can be read
 * as C strings without a copy.
 */
typedef struct _LentoSecret LentoSecret;

GType         lento_secret_get_type        (void) G_GNUC_CONST;

/* Initialises libsodium; every entry point of the vault calls it, so
 * callers only need it before using libsodium themselves. Aborts when
 * libsodium cannot start, because nothing in the vault is safe without it.
 */
void          lento_secure_init            (void);

/* Turns core dumps off for this process (RLIMIT_CORE 0 and not dumpable),
 * so that a crash never writes keys or journal text to disk. The
 * application calls it once at start. */
gboolean      lento_secure_disable_core_dumps (GError **error);

/* A new secret of @size zero bytes, to be filled through get_data(). */
LentoSecret  *lento_secret_new             (gsize          size);
/* Copies @size bytes from @data. */
LentoSecret  *lento_secret_new_from_data   (const guint8  *data,
                                            gsize          size);
/* Copies the NUL-terminated @text (for example from a password entry). */
LentoSecret  *lento_secret_new_from_string (const char    *text);
/* A secret of @size random bytes. */
LentoSecret  *lento_secret_new_random      (gsize          size);

LentoSecret  *lento_secret_ref             (LentoSecret   *self);
void          lento_secret_unref           (LentoSecret   *self);

guint8       *lento_secret_get_data        (LentoSecret   *self);
gsize         lento_secret_get_size        (LentoSecret   *self);
/* The secret as a NUL-terminated string; valid while @self lives. */
const char   *lento_secret_get_string      (LentoSecret   *self);
/* Compares in constant time. */
gboolean      lento_secret_equal           (LentoSecret   *a,
                                            LentoSecret   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoSecret, lento_secret_unref)

G_END_DECLS
