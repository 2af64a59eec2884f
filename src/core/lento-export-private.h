/* lento-export-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-export.h"

G_BEGIN_DECLS

/* The clinician summary draws its text as glyphs, which a test cannot read
 * back; the line it writes for one safety event is open to the tests here.
 */
char *_lento_export_describe_event (LentoEntry *entry,
                                    GHashTable *tool_names);

G_END_DECLS
