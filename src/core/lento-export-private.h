/* lento-export-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-export.h"

G_BEGIN_DECLS

/* The clinician summary draws its text as glyphs, which a test cannot read
 * back; the lines it writes (one safety event, the totals, what did not fit)
 * are open to the tests here.
 */
char *_lento_export_describe_event    (LentoEntry *entry,
                                       GHashTable *tool_names);
char *_lento_export_describe_sessions (GPtrArray  *sessions);
char *_lento_export_describe_weeks    (double      wear_minutes,
                                       guint       weeks_met,
                                       guint       n_weeks);
char *_lento_export_describe_more     (guint       more);

G_END_DECLS
