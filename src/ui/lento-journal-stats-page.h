/* lento-journal-stats-page.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The weekly session target the chart shows as a band. */
#define LENTO_STATS_TARGET_MIN 2
#define LENTO_STATS_TARGET_MAX 3

#define LENTO_TYPE_JOURNAL_STATS_PAGE (lento_journal_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (LentoJournalStatsPage, lento_journal_stats_page, LENTO, JOURNAL_STATS_PAGE,
                      AdwBin)

void       lento_journal_stats_page_set_model  (LentoJournalStatsPage *self,
                                                GListModel            *entries);
void       lento_journal_stats_page_update     (LentoJournalStatsPage *self);
GtkWidget *lento_journal_stats_page_get_chart  (LentoJournalStatsPage *self,
                                                guint                  index);

G_END_DECLS
