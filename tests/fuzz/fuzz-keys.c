/* fuzz-keys.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "lento-keys.h"
#include "lento-recovery-code.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Parses keys.lento; whatever parses must serialise back to the same
 * bytes and open with the seed corpus's fixed keyring secret only when
 * the slot is intact. The same input is also read as a recovery code. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static LentoSecret *keyring_secret = NULL;
  g_autoptr(LentoKeyFile) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LentoSecret) entropy = NULL;

  if (keyring_secret == NULL)
    {
      keyring_secret = lento_secret_new (LENTO_KEY_SIZE);
      for (guint i = 0; i < LENTO_KEY_SIZE; i++)
        lento_secret_get_data (keyring_secret)[i] = 0xa0 + i;
    }

  keys = lento_key_file_parse (data, size, &error);
  if (keys != NULL)
    {
      g_autoptr(GBytes) again = lento_key_file_serialize (keys);
      g_autoptr(LentoSecret) master_key = NULL;

      /* The checksum is not checked in fuzzing builds; the rest must match. */
      g_assert_cmpuint (g_bytes_get_size (again), ==, size);
      g_assert_cmpmem (g_bytes_get_data (again, NULL), size - 32, data, size - 32);

      master_key = lento_key_file_unlock_keyring (keys, keyring_secret, &error);
      if (master_key != NULL)
        {
          g_autoptr(GPtrArray) data_keys = lento_key_file_open_data_keys (keys, master_key, NULL);

          g_assert_true (data_keys == NULL || data_keys->len == lento_key_file_get_n_data_keys (keys));
        }
      g_clear_error (&error);
      /* A recovery code with a valid check that is surely wrong. */
      g_clear_pointer (&master_key, lento_secret_unref);
      master_key = lento_key_file_unlock_recovery (keys, "0000-0000-0000-0000-0000-0000-0000",
                                                   &error);
      g_assert_null (master_key);
    }
  else
    {
      g_assert_nonnull (error);
    }
  g_clear_error (&error);

  text = g_strndup ((const char *) data, MIN (size, 64));
  entropy = lento_recovery_code_parse (text, &error);
  if (entropy != NULL)
    {
      g_autoptr(LentoSecret) formatted = lento_recovery_code_format (entropy);
      g_autoptr(LentoSecret) back = lento_recovery_code_parse (lento_secret_get_string (formatted),
                                                               NULL);

      g_assert_nonnull (back);
      g_assert_true (lento_secret_equal (back, entropy));
    }

  return 0;
}
