/* lento-journal-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-journal.h"

G_BEGIN_DECLS

GBytes *_lento_journal_serialize_month        (LentoJournal  *self,
                                               const char    *name,
                                               guint64       *generation,
                                               GError       **error);
void    _lento_journal_mark_saved_generation  (LentoJournal  *self,
                                               const char    *name,
                                               guint64        generation);

gboolean _lento_journal_log_can_take          (LentoJournal  *self);
gsize    _lento_journal_get_log_stamp         (LentoJournal  *self);
gboolean _lento_journal_log_folded            (LentoJournal       *self,
                                               const char * const *written,
                                               gsize               stamp);
void     _lento_journal_log_written           (LentoJournal  *self);

GStrv   _lento_journal_loading_order          (const char * const *names,
                                               GDateTime          *now,
                                               guint              *n_recent);

G_END_DECLS
