/* lento-recovery-code.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <sodium.h>

#include "lento-recovery-code.h"
#include "lento-vault-error.h"

#define DATA_CHARS 26

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static int
decode_char (char c)
{
  if (c >= 'a' && c <= 'z')
    c = c - 'a' + 'A';

  /* Letters that look like digits read as those digits. */
  if (c == 'O')
    return 0;
  if (c == 'I' || c == 'L')
    return 1;

  for (int i = 0; i < 32; i++)
    if (alphabet[i] == c)
      return i;

  return -1;
}

/* Two check values over the 26 data symbols: their sum catches any one
 * changed symbol, and the weighted sum catches a swap of neighbours,
 * because swapping changes it by exactly the difference of the two. */
static void
compute_check (const guint8 *values,
               guint8       *check)
{
  guint sum = 0;
  guint weighted = 0;

  for (guint i = 0; i < DATA_CHARS; i++)
    {
      sum += values[i];
      weighted += (i + 1) * values[i];
    }

  check[0] = sum % 32;
  check[1] = weighted % 32;
}

LentoSecret *
lento_recovery_code_format (LentoSecret *entropy)
{
  g_autoptr(LentoSecret) values = NULL;
  LentoSecret *text;
  const guint8 *bytes;
  guint8 *v;
  char *out;
  guint bit = 0;
  guint pos = 0;

  g_return_val_if_fail (entropy != NULL, NULL);
  g_return_val_if_fail (lento_secret_get_size (entropy) == LENTO_RECOVERY_CODE_ENTROPY_SIZE, NULL);

  bytes = lento_secret_get_data (entropy);
  values = lento_secret_new (LENTO_RECOVERY_CODE_CHARS);
  v = lento_secret_get_data (values);

  for (guint i = 0; i < DATA_CHARS; i++)
    {
      guint value = 0;

      for (guint j = 0; j < 5; j++, bit++)
        {
          guint b = 0;

          if (bit < LENTO_RECOVERY_CODE_ENTROPY_SIZE * 8)
            b = (bytes[bit / 8] >> (7 - bit % 8)) & 1;
          value = (value << 1) | b;
        }
      v[i] = value;
    }
  compute_check (v, v + DATA_CHARS);

  text = lento_secret_new (LENTO_RECOVERY_CODE_CHARS + LENTO_RECOVERY_CODE_CHARS / 4 - 1);
  out = (char *) lento_secret_get_data (text);
  for (guint i = 0; i < LENTO_RECOVERY_CODE_CHARS; i++)
    {
      if (i > 0 && i % LENTO_RECOVERY_CODE_GROUP == 0)
        out[pos++] = '-';
      out[pos++] = alphabet[v[i]];
    }
  g_assert (pos == lento_secret_get_size (text));

  return text;
}

LentoSecret *
lento_recovery_code_parse (const char  *text,
                           GError     **error)
{
  g_autoptr(LentoSecret) values = NULL;
  g_autoptr(LentoSecret) entropy = NULL;
  guint8 check[2];
  guint8 *v;
  guint8 *bytes;
  guint n = 0;
  guint bit = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  values = lento_secret_new (LENTO_RECOVERY_CODE_CHARS);
  v = lento_secret_get_data (values);

  for (const char *p = text; *p != '\0'; p++)
    {
      int value;

      if (*p == '-' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        continue;
      value = decode_char (*p);
      if (value < 0 || n >= LENTO_RECOVERY_CODE_CHARS)
        {
          lento_vault_set_error (error, LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID);
          return NULL;
        }
      v[n++] = value;
    }

  if (n != LENTO_RECOVERY_CODE_CHARS)
    {
      lento_vault_set_error (error, LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID);
      return NULL;
    }

  compute_check (v, check);
  /* The last data symbol carries 3 bits of entropy and 2 zero bits. */
  if (check[0] != v[DATA_CHARS] || check[1] != v[DATA_CHARS + 1] || (v[DATA_CHARS - 1] & 3) != 0)
    {
      lento_vault_set_error (error, LENTO_VAULT_ERROR_RECOVERY_CODE_TYPO);
      return NULL;
    }

  entropy = lento_secret_new (LENTO_RECOVERY_CODE_ENTROPY_SIZE);
  bytes = lento_secret_get_data (entropy);
  for (guint i = 0; i < DATA_CHARS; i++)
    for (int j = 4; j >= 0; j--, bit++)
      if (bit < LENTO_RECOVERY_CODE_ENTROPY_SIZE * 8)
        bytes[bit / 8] |= ((v[i] >> j) & 1) << (7 - bit % 8);

  return g_steal_pointer (&entropy);
}
