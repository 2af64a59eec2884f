/* lento-journal-view.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_JOURNAL_VIEW (lento_journal_view_get_type ())

G_DECLARE_FINAL_TYPE (LentoJournalView, lento_journal_view, LENTO, JOURNAL_VIEW, AdwBin)

GtkWidget *lento_journal_view_new (void);

G_END_DECLS
