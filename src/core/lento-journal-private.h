/* lento-journal-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lento-journal.h"
#include "lento-vault.h"

G_BEGIN_DECLS

/* What the files of LentoJournal share: lento-journal.c keeps the list and
 * changes it, lento-journal-read.c reads documents into it,
 * lento-journal-write.c writes them back, lento-journal-load.c loads them
 * all, and lento-journal-vault.c loads and saves them through the vault.
 */

/* One entry as the journal holds it. The sort key and the month are copied
 * out of the entry, so that the list stays sorted and every month document
 * stays right even if someone changes an entry in place by mistake.
 */
typedef struct
{
  LentoEntry *entry;
  char       *uuid;
  char       *home;        /* the month document the entry belongs in */
  gint64      start_us;    /* start time, microseconds since the epoch */
  gboolean    pending;     /* read from a document, not yet in the list */

  /* The entry as its month document last held it, sealed, and the entry's
   * revision then: saving a month again rebuilds only what changed. Kept
   * only for months that were saved.
   */
  JsonObject *json;
  guint64     json_revision;
} Record;

/* A deleted entry: its UUID and when it was deleted, kept in one month
 * document so that a stale copy of the entry found anywhere (the trace
 * of an interrupted move, an old backup) never brings it back.
 */
typedef struct
{
  char       *uuid;
  GDateTime  *deleted;     /* UTC */
  char       *home;        /* the month document that keeps it */
} Tombstone;

/* One month document: which entries belong in it, what it held that we do
 * not understand, and whether it changed since it was last saved.
 */
typedef struct
{
  char       *name;
  GHashTable *records;       /* Record * whose home it is; owned by by_uuid */
  JsonObject *extra;         /* unknown top-level members */
  GPtrArray  *unreadable;    /* JsonNode entries that could not be read */
  GHashTable *tombstones;    /* Tombstone * kept here; owned by the journal */
  GPtrArray  *unreadable_deleted;   /* JsonNode tombstones that could not be read */
  guint64     generation;
  guint64     gained_generation;     /* generation when an entry last moved in */
  guint64     serialized_generation;
  guint64     saved_generation;
  gboolean    loaded;
  gboolean    damaged;
} Month;

struct _LentoJournal
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *items;         /* Record *, newest first; records owned by by_uuid */
  GHashTable *by_uuid;       /* uuid -> Record */
  GHashTable *months;        /* name -> Month */
  GHashTable *tombstones;    /* uuid -> Tombstone */
  char       *cached_month;  /* the one month whose records keep their JSON */

  /* The change log (see "journal/log" in docs/FORMAT.md): the entries and
   * deletions made since the months were last written, each with the
   * stamp of its latest change. A save writes the log alone while it is
   * short, and the months (then an emptier log) when it is not, so saving
   * one entry costs the same in a journal of any size.
   */
  GHashTable *log;           /* uuid -> stamp (gsize, as a pointer) */
  GPtrArray  *log_unreadable;        /* JsonNode entries of the log we cannot read */
  GPtrArray  *log_unreadable_deleted;        /* and its deletions */
  JsonObject *log_extra;             /* unknown top-level members of the log */
  gsize       log_stamp;
  guint       log_serialized_items;  /* what the log last serialised held */
  guint       log_disk_items;        /* and what the log on disk holds */
  gboolean    merging;       /* what changes now comes from disk, not from the person */

  gboolean    recent_loaded;
  gboolean    recent_first;
  gpointer    loading;          /* lento-journal-load.c: the load under way */
  /* Month notes (see "The manifest" in docs/FORMAT.md): the tag that marks
   * heavy bleeding, or NULL for no notes; what the last load made of each
   * month document it read (name -> JsonObject, dropped once the notes are
   * set); and the vault a load under way reads from, whose notes stand in
   * for the months not read yet. */
  char       *marker_tag;
  GHashTable *month_notes;
  LentoVault *load_vault;
  gboolean    loaded;
  gboolean    read_only;
};

/* A month document read into entries, without touching the journal, so
 * that it can be made in a worker thread and merged on the main thread.
 */
typedef struct
{
  char       *name;
  GPtrArray  *entries;       /* LentoEntry */
  GPtrArray  *unreadable;    /* JsonNode */
  GPtrArray  *tombstones;    /* Tombstone, without a home */
  GPtrArray  *unreadable_deleted;   /* JsonNode */
  JsonObject *extra;
  JsonObject *note;          /* the month's note, when one was asked for */
  GError     *error;         /* set when the document could not be read */
} MonthData;

/* lento-journal.c: the records, tombstones and months, and the list. */
Record    *_lento_journal_record_new            (LentoEntry          *entry);
void       _lento_journal_record_set_entry      (Record              *record,
                                                 LentoEntry          *entry);
int        _lento_journal_record_compare        (const Record        *a,
                                                 const Record        *b);
gboolean   _lento_journal_entry_is_newer        (LentoEntry          *candidate,
                                                 LentoEntry          *current);
void       _lento_journal_tombstone_free        (Tombstone           *tombstone);
gboolean   _lento_journal_tombstone_covers      (Tombstone           *tombstone,
                                                 LentoEntry          *entry);
Month     *_lento_journal_ensure_month          (LentoJournal        *self,
                                                 const char          *name);
void       _lento_journal_log_note              (LentoJournal        *self,
                                                 const char          *uuid);
void       _lento_journal_mark_gained           (LentoJournal        *self,
                                                 const char          *name);
void       _lento_journal_set_tombstone         (LentoJournal        *self,
                                                 const char          *uuid,
                                                 GDateTime           *deleted,
                                                 const char          *name);
void       _lento_journal_clear_tombstone       (LentoJournal        *self,
                                                 Tombstone           *tombstone);
void       _lento_journal_swap_record_entry     (LentoJournal        *self,
                                                 Record              *record,
                                                 LentoEntry          *entry);
void       _lento_journal_insert_pending        (LentoJournal        *self,
                                                 GPtrArray           *pending);
void       _lento_journal_bury_record           (LentoJournal        *self,
                                                 Record              *record,
                                                 GPtrArray           *pending);
void       _lento_journal_update_read_only      (LentoJournal        *self);
void       _lento_journal_set_recent_loaded     (LentoJournal        *self);
void       _lento_journal_load_recent_first_changed (LentoJournal    *self);
void       _lento_journal_load_forget           (LentoJournal        *self);

/* lento-journal-read.c */
MonthData *_lento_journal_month_data_new        (const char          *name);
void       _lento_journal_month_data_free       (MonthData           *data);
MonthData *_lento_journal_month_data_parse      (const char          *name,
                                                 GBytes              *json);
JsonObject *_lento_journal_month_data_make_note (MonthData           *data,
                                                 const char          *tag);
void       _lento_journal_merge_month_data      (LentoJournal        *self,
                                                 MonthData           *data,
                                                 GPtrArray           *pending);

/* lento-journal-write.c */
GBytes    *_lento_journal_serialize_month       (LentoJournal        *self,
                                                 const char          *name,
                                                 guint64             *generation,
                                                 GError             **error);
void       _lento_journal_mark_saved_generation (LentoJournal        *self,
                                                 const char          *name,
                                                 guint64              generation);

gboolean   _lento_journal_log_can_take          (LentoJournal        *self);
gsize      _lento_journal_get_log_stamp         (LentoJournal        *self);
gboolean   _lento_journal_log_folded            (LentoJournal        *self,
                                                 const char * const  *written,
                                                 gsize                stamp);
void       _lento_journal_log_written           (LentoJournal        *self);

/* lento-journal-load.c */
GStrv      _lento_journal_loading_order         (const char * const  *names,
                                                 GDateTime           *now,
                                                 guint               *n_recent);
GStrv      _lento_journal_load_dup_unmerged     (LentoJournal        *self);

/* lento-journal-load.c */
typedef void (*LentoJournalCommitFunc) (const char *name,
                                        gpointer    user_data);

void     _lento_journal_load_full_async (LentoJournal           *self,
                                         const char * const     *names,
                                         GDateTime              *now,
                                         LentoJournalReadFunc    read_func,
                                         LentoJournalCommitFunc  commit_func,
                                         gpointer                read_data,
                                         GDestroyNotify          read_destroy,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);

G_END_DECLS
