/* lento-recovery-code.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lento-secure.h"

G_BEGIN_DECLS

/* A recovery code is 128 random bits written as 26 characters of
 * Crockford's base32 alphabet (0-9 and A-Z without I, L, O and U), then two
 * check characters, in seven groups of four joined by '-':
 *
 *   7K3M-Q9TX-0B2D-RW4N-HJ8C-5EVA-1PZ6
 *
 * The check characters catch every mistyped character and every swap of
 * two neighbours before any key work; see docs/FORMAT.md.
 */
#define LENTO_RECOVERY_CODE_ENTROPY_SIZE 16
#define LENTO_RECOVERY_CODE_CHARS        28
#define LENTO_RECOVERY_CODE_GROUP        4

/* Formats @entropy (16 bytes) as a recovery code, in secure memory. */
LentoSecret *lento_recovery_code_format   (LentoSecret  *entropy);

/* Reads a code as a person typed it: case does not matter, spaces and
 * dashes are ignored, O reads as 0 and I or L as 1. Returns the 16 bytes
 * of entropy, or fails with RECOVERY_CODE_INVALID (wrong length or a
 * character that is never used) or RECOVERY_CODE_TYPO (the check
 * characters do not match). */
LentoSecret *lento_recovery_code_parse    (const char   *text,
                                           GError      **error);

G_END_DECLS
