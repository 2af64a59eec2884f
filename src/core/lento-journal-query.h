/* lento-journal-query.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lento-entry.h"

G_BEGIN_DECLS

/* Gives the name a person knows a tool by, for search; NULL if unknown. */
typedef const char *(*LentoToolNameFunc) (const char *tool_id,
                                          gpointer    user_data);

#define LENTO_TYPE_JOURNAL_QUERY (lento_journal_query_get_type ())

G_DECLARE_FINAL_TYPE (LentoJournalQuery, lento_journal_query, LENTO, JOURNAL_QUERY, GObject)

LentoJournalQuery *lento_journal_query_new            (void);
gboolean           lento_journal_query_matches        (LentoJournalQuery *self,
                                                       LentoEntry        *entry);
gboolean           lento_journal_query_is_empty       (LentoJournalQuery *self);
void               lento_journal_query_reset          (LentoJournalQuery *self);
void               lento_journal_query_set_text       (LentoJournalQuery *self,
                                                       const char        *text);
void               lento_journal_query_set_since      (LentoJournalQuery *self,
                                                       GDateTime         *since);
void               lento_journal_query_set_until      (LentoJournalQuery *self,
                                                       GDateTime         *until);
void               lento_journal_query_set_tool       (LentoJournalQuery *self,
                                                       const char        *tool_id);
void               lento_journal_query_set_with_pain  (LentoJournalQuery *self,
                                                       gboolean           with_pain);
void               lento_journal_query_set_with_bleeding (LentoJournalQuery *self,
                                                          gboolean           with_bleeding);
void               lento_journal_query_set_tool_names (LentoJournalQuery *self,
                                                       GHashTable        *names);
void               lento_journal_query_set_tool_name_func (LentoJournalQuery *self,
                                                           LentoToolNameFunc  func,
                                                           gpointer           user_data,
                                                           GDestroyNotify     destroy);

char              *lento_text_fold                    (const char        *text);

G_END_DECLS
