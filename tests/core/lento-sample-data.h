/* lento-sample-data.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-inventory.h"
#include "lento-program.h"

#include "lento-journal.h"

G_BEGIN_DECLS

GPtrArray  *lento_sample_entries_new      (guint         n_entries,
                                           guint         years,
                                           guint32       seed,
                                           GDateTime    *end);
void        lento_journal_generate_sample (LentoJournal *journal,
                                           guint         n_entries,
                                           guint         years,
                                           guint32       seed,
                                           GDateTime    *end);
GHashTable *lento_sample_tool_names_new   (void);
void        lento_sample_inventory_fill   (LentoInventory *inventory);
LentoProgram *lento_sample_program_new    (int           hold_days,
                                           gboolean      warm_up_on_previous_size);

G_END_DECLS
