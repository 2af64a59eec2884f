/* fuzz-container.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "lento-container.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The seed corpus is sealed with this key (bytes 0..31), so the fuzzer
 * reaches the decryption and not only the header checks. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static LentoSecret *key = NULL;
  LentoContainerHeader header;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;

  if (key == NULL)
    {
      key = lento_secret_new (LENTO_KEY_SIZE);
      for (guint i = 0; i < LENTO_KEY_SIZE; i++)
        lento_secret_get_data (key)[i] = i;
    }

  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_DOCUMENT, NULL, NULL,
                                &key, 1, &header, &error);
  if (plain != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (plain) + 16, ==, header.ciphertext_size);
      g_assert_cmpuint (header.header_size + header.ciphertext_size, ==, size);
      g_assert_true (lento_container_name_is_valid (header.name));
    }
  else
    {
      g_assert_nonnull (error);
    }

  g_clear_error (&error);
  g_clear_pointer (&plain, g_bytes_unref);
  plain = lento_container_open (data, size, LENTO_CONTAINER_KIND_BACKUP, NULL, "backup",
                                &key, 1, NULL, &error);
  g_assert_true ((plain == NULL) == (error != NULL));

  return 0;
}
