/* lento-journal.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-entry.h"

G_BEGIN_DECLS

/* Version of the month document format that this Lento writes. */
#define LENTO_JOURNAL_MONTH_FORMAT 1

/* Month documents are named "journal/YYYY-MM". */
#define LENTO_JOURNAL_DOCUMENT_PREFIX "journal/"

/* The change log: what was changed since the months were last written. */
#define LENTO_JOURNAL_LOG_DOCUMENT LENTO_JOURNAL_DOCUMENT_PREFIX "log"

/* The log is folded into the months once it holds this many entries. */
#define LENTO_JOURNAL_LOG_MAX 32

/* Reads one document's bytes from storage; called in a worker thread, so
 * it must be thread-safe. Returns %NULL with @error set on failure, with
 * %G_IO_ERROR_NOT_FOUND when the document does not exist.
 */
typedef GBytes *(*LentoJournalReadFunc) (const char    *name,
                                         gpointer       user_data,
                                         GCancellable  *cancellable,
                                         GError       **error);

#define LENTO_TYPE_JOURNAL (lento_journal_get_type ())

G_DECLARE_FINAL_TYPE (LentoJournal, lento_journal, LENTO, JOURNAL, GObject)

LentoJournal  *lento_journal_new                    (void);
void           lento_journal_add                    (LentoJournal   *self,
                                                     LentoEntry     *entry);
gboolean       lento_journal_replace                (LentoJournal   *self,
                                                     LentoEntry     *entry);
gboolean       lento_journal_remove                 (LentoJournal   *self,
                                                     const char     *uuid);
guint          lento_journal_merge                  (LentoJournal   *self,
                                                     GPtrArray      *entries);
LentoEntry    *lento_journal_lookup                 (LentoJournal   *self,
                                                     const char     *uuid);
gboolean       lento_journal_find                   (LentoJournal   *self,
                                                     const char     *uuid,
                                                     guint          *position);

gboolean       lento_journal_is_month_document      (const char     *name);
gboolean       lento_journal_is_log_document        (const char     *name);
char          *lento_journal_month_document_for     (GDateTime      *start);
gboolean       lento_journal_load_month             (LentoJournal   *self,
                                                     const char     *name,
                                                     GBytes         *json,
                                                     GError        **error);
void           lento_journal_mark_month_damaged     (LentoJournal   *self,
                                                     const char     *name);
void           lento_journal_load_async             (LentoJournal         *self,
                                                     const char * const   *names,
                                                     GDateTime            *now,
                                                     LentoJournalReadFunc  read_func,
                                                     gpointer              read_data,
                                                     GDestroyNotify        read_destroy,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       lento_journal_load_finish            (LentoJournal   *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);
gboolean       lento_journal_get_recent_loaded      (LentoJournal   *self);
void           lento_journal_set_recent_first       (LentoJournal   *self,
                                                     gboolean        recent_first);
gboolean       lento_journal_get_recent_first       (LentoJournal   *self);
void           lento_journal_set_loaded             (LentoJournal   *self);
gboolean       lento_journal_get_loaded             (LentoJournal   *self);
gboolean       lento_journal_get_read_only          (LentoJournal   *self);
void           lento_journal_set_marker_tag         (LentoJournal   *self,
                                                     const char     *tag);
GPtrArray     *lento_journal_dup_early_history      (LentoJournal   *self,
                                                     GDate          *complete_from);
char         **lento_journal_dup_damaged_months     (LentoJournal   *self);
char         **lento_journal_dup_dirty_months       (LentoJournal   *self);
GBytes        *lento_journal_serialize_month        (LentoJournal   *self,
                                                     const char     *name,
                                                     GError        **error);
GBytes        *lento_journal_serialize_log          (LentoJournal   *self);
void           lento_journal_mark_saved             (LentoJournal   *self,
                                                     const char     *name);

G_END_DECLS
