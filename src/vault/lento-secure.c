/* lento-secure.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "lento-secure.h"
#include "lento-vault-error.h"

struct _LentoSecret
{
  gatomicrefcount  ref_count;
  gsize            size;
  /* Allocated with sodium_malloc(); size + 1 bytes, the last one NUL. */
  guint8          *data;
};

G_DEFINE_BOXED_TYPE (LentoSecret, lento_secret, lento_secret_ref, lento_secret_unref)

void
lento_secure_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not start; the journal cannot be kept safe");
      g_once_init_leave (&initialised, 1);
    }
}

gboolean
lento_secure_disable_core_dumps (GError **error)
{
  struct rlimit limit = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &limit) != 0)
    {
      int saved = errno;
      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_FAILED,
                   /* Translators: %s is the system's reason, like “Operation not permitted”. */
                   _("Core dumps could not be turned off: %s"), g_strerror (saved));
      return FALSE;
    }

  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    {
      int saved = errno;
      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_FAILED,
                   /* Translators: %s is the system's reason, like “Operation not permitted”. */
                   _("Core dumps could not be turned off: %s"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

LentoSecret *
lento_secret_new (gsize size)
{
  LentoSecret *self;

  lento_secure_init ();

  self = g_new0 (LentoSecret, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->size = size;
  self->data = sodium_malloc (size + 1);
  if (self->data == NULL)
    g_error ("Out of locked memory for a secret of %" G_GSIZE_FORMAT " bytes", size);
  sodium_memzero (self->data, size + 1);

  return self;
}

LentoSecret *
lento_secret_new_from_data (const guint8 *data,
                            gsize         size)
{
  LentoSecret *self;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  self = lento_secret_new (size);
  if (size > 0)
    memcpy (self->data, data, size);

  return self;
}

LentoSecret *
lento_secret_new_from_string (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return lento_secret_new_from_data ((const guint8 *) text, strlen (text));
}

LentoSecret *
lento_secret_new_random (gsize size)
{
  LentoSecret *self = lento_secret_new (size);

  randombytes_buf (self->data, size);

  return self;
}

LentoSecret *
lento_secret_ref (LentoSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lento_secret_unref (LentoSecret *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      /* sodium_free() wipes the buffer before it gives the pages back. */
      sodium_free (self->data);
      g_free (self);
    }
}

guint8 *
lento_secret_get_data (LentoSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

gsize
lento_secret_get_size (LentoSecret *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

const char *
lento_secret_get_string (LentoSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) self->data;
}

gboolean
lento_secret_equal (LentoSecret *a,
                    LentoSecret *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->size != b->size)
    return FALSE;

  return a->size == 0 || sodium_memcmp (a->data, b->data, a->size) == 0;
}
