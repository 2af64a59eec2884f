/* lento-journal-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-inventory.h"
#include "lento-journal.h"

G_BEGIN_DECLS

#define LENTO_TYPE_JOURNAL_VIEW (lento_journal_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoJournalView, lento_journal_view, LENTO, JOURNAL_VIEW, AdwBin)

GtkWidget    *lento_journal_view_new                (void);
LentoJournal *lento_journal_view_get_journal        (LentoJournalView *self);
void          lento_journal_view_set_journal        (LentoJournalView *self,
                                                     LentoJournal     *journal);
void          lento_journal_view_set_inventory      (LentoJournalView *self,
                                                     LentoInventory   *inventory);
void          lento_journal_view_set_tool_names     (LentoJournalView *self,
                                                     GHashTable       *tool_names);
GListModel   *lento_journal_view_get_visible_model  (LentoJournalView *self);
const char   *lento_journal_view_get_page           (LentoJournalView *self);
void          lento_journal_view_edit_entry         (LentoJournalView *self,
                                                     LentoEntry       *entry);
void          lento_journal_view_clear_sensitive    (LentoJournalView *self);
guint         lento_journal_view_get_n_rows_created (LentoJournalView *self);
int           lento_journal_view_import_csv         (LentoJournalView *self,
                                                     GBytes           *csv,
                                                     GError          **error);

G_END_DECLS
