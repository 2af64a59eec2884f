/* lento-journal-row.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lento-entry.h"

G_BEGIN_DECLS

#define LENTO_TYPE_JOURNAL_ROW (lento_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (LentoJournalRow, lento_journal_row, LENTO, JOURNAL_ROW, GtkBox)

GtkWidget *lento_journal_row_new         (void);
void       lento_journal_row_bind        (LentoJournalRow *self,
                                          LentoEntry      *entry,
                                          const char      *tool_name);
void       lento_journal_row_unbind      (LentoJournalRow *self);
void       lento_journal_row_set_header  (LentoJournalRow *self,
                                          const char      *header);
const char *lento_journal_row_get_header (LentoJournalRow *self);

G_END_DECLS
