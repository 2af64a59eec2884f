/* lento-journal-load.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal"

#include "config.h"

#include <string.h>

#include "lento-core-error.h"
#include "lento-journal.h"
#include "lento-journal-private.h"

/* Progressive loading. A worker thread reads and parses month documents,
 * the current and the previous month first and then the rest newest
 * first; the main thread merges whatever is ready in one go, so the list
 * grows in few, exact items-changed signals and the recent past shows at
 * once.
 */
/* How many older months wait, parsed, before the main context merges them. */
#define MERGE_BATCH 4
/* How long merged months may wait for a window busy drawing. */
#define MERGE_DEADLINE_MS 100

typedef struct
{
  GStrv                 names;           /* in reading order */
  guint                 n_recent;
  LentoJournalReadFunc  read_func;
  LentoJournalCommitFunc commit_func;    /* main thread, before a merge */
  gpointer              read_data;
  GDestroyNotify        read_destroy;
  char                 *marker_tag;      /* the journal's, copied; NULL: no notes */
  GMainContext         *context;
  GTask                *task;            /* under mutex; dropped once returned */

  GMutex                mutex;
  GPtrArray            *ready;           /* MonthData, under mutex */
  guint                 n_read;          /* under mutex */
  gboolean              done;            /* under mutex */
  GSource              *merge_idle;      /* under mutex; with merge_deadline, */
  GSource              *merge_deadline;  /* while a merge is scheduled */
  gboolean              hold;            /* under mutex: no merge before a frame */
  GCond                 gate;            /* with mutex: reading waits at it */
  gboolean              recent_first;    /* under mutex: the journal's, copied */
  gboolean              drawn;           /* under mutex: the recent months had a frame */
  GSource              *drawn_idle;      /* main thread; with drawn_deadline, while */
  GSource              *drawn_deadline;  /* the recent months wait for a frame */

  guint                 n_merged;        /* main thread only */
  guint                 n_committed;     /* main thread only: names committed */
} LoadData;

static void
load_data_clear (gpointer pointer)
{
  LoadData *data = pointer;

  g_strfreev (data->names);
  g_free (data->marker_tag);
  g_clear_object (&data->task);
  if (data->read_destroy != NULL)
    data->read_destroy (data->read_data);
  g_main_context_unref (data->context);
  g_clear_pointer (&data->ready, g_ptr_array_unref);
  g_clear_pointer (&data->merge_idle, g_source_unref);
  g_clear_pointer (&data->merge_deadline, g_source_unref);
  g_clear_pointer (&data->drawn_idle, g_source_unref);
  g_clear_pointer (&data->drawn_deadline, g_source_unref);
  g_mutex_clear (&data->mutex);
  g_cond_clear (&data->gate);
}

static void
load_data_unref (LoadData *data)
{
  g_atomic_rc_box_release_full (data, load_data_clear);
}

static void schedule_merge (LoadData *data,
                            gboolean  urgent);

static gboolean
is_recent (LoadData   *data,
           const char *name)
{
  for (guint i = 0; i < data->n_recent; i++)
    if (g_str_equal (data->names[i], name))
      return TRUE;

  return FALSE;
}

/* Called with the mutex held, for the view that shows the newest entries
 * (lento_journal_set_recent_first()): of the months in @ready, only the
 * recent ones go in now; the others go back to wait, and every merge until
 * the next one waits below the frame clock, so that the window draws the
 * newest rows before the rest of a large journal goes in. @done and
 * @n_read are made to cover only what goes in now.
 */
static void
hold_back_older (LoadData  *data,
                 GPtrArray *ready,
                 gboolean  *done,
                 guint     *n_read)
{
  for (guint i = 0; i < ready->len;)
    {
      MonthData *month = g_ptr_array_index (ready, i);

      if (is_recent (data, month->name))
        i++;
      else
        g_ptr_array_add (data->ready, g_ptr_array_steal_index (ready, i));
    }

  data->hold = data->ready->len > 0 || !*done;
  if (data->ready->len > 0)
    {
      *done = FALSE;
      schedule_merge (data, FALSE);
    }
  /* What reading found reaches the vault with the month it was read for. */
  *n_read = MIN (*n_read, data->n_recent);
}

static gboolean
drawn_cb (gpointer user_data)
{
  LoadData *data = user_data;

  g_source_destroy (data->drawn_idle);
  g_source_destroy (data->drawn_deadline);
  g_clear_pointer (&data->drawn_idle, g_source_unref);
  g_clear_pointer (&data->drawn_deadline, g_source_unref);

  g_mutex_lock (&data->mutex);
  data->drawn = TRUE;
  g_cond_broadcast (&data->gate);
  g_mutex_unlock (&data->mutex);
  return G_SOURCE_REMOVE;
}

static GSource *
attach_drawn_source (LoadData *data,
                     GSource  *source,
                     int       priority)
{
  g_source_set_priority (source, priority);
  g_source_set_name (source, "[lento] journal's newest months drawn");
  g_source_set_callback (source, drawn_cb, g_atomic_rc_box_acquire (data),
                         (GDestroyNotify)load_data_unref);
  g_source_attach (source, data->context);
  return source;
}

/* The recent months are in the list of a view that shows them: the
 * reading of the others goes on once the main context has drawn them,
 * that is when it is idle below the frame clock, or after
 * MERGE_DEADLINE_MS for a window that draws without pause.
 */
static void
wait_for_frame (LoadData *data)
{
  /* Only the main thread sets "drawn", so it reads it without the lock. */
  if (data->drawn_idle != NULL || data->drawn)
    return;

  data->drawn_idle = attach_drawn_source (data, g_idle_source_new (), G_PRIORITY_DEFAULT_IDLE);
  data->drawn_deadline = attach_drawn_source (data, g_timeout_source_new (MERGE_DEADLINE_MS),
                                              G_PRIORITY_DEFAULT);
}

/**
 * _lento_journal_load_recent_first_changed:
 * @self: a #LentoJournal
 *
 * Passes lento_journal_set_recent_first() on to the load under way, if
 * any: the reading waits, or no longer waits, for the recent months to be
 * drawn.
 */
void
_lento_journal_load_recent_first_changed (LentoJournal *self)
{
  LoadData *data = self->loading;

  if (data == NULL)
    return;

  g_mutex_lock (&data->mutex);
  data->recent_first = self->recent_first;
  g_cond_broadcast (&data->gate);
  g_mutex_unlock (&data->mutex);
}

/**
 * _lento_journal_load_dup_unmerged:
 * @self: a #LentoJournal
 *
 * The month documents the load under way will read and has not merged
 * yet (a month it could not read among them), in reading order; %NULL
 * when no load is under way.
 *
 * Returns: (transfer full) (nullable): the months' names
 */
GStrv
_lento_journal_load_dup_unmerged (LentoJournal *self)
{
  LoadData *data = self->loading;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (data == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; data->names[i] != NULL; i++)
    {
      Month *month = g_hash_table_lookup (self->months, data->names[i]);

      if (lento_journal_is_month_document (data->names[i]) && (month == NULL || !month->loaded))
        g_strv_builder_add (builder, data->names[i]);
    }

  return g_strv_builder_end (builder);
}

/* Drops the journal's hold on a load, when the journal goes. */
void
_lento_journal_load_forget (LentoJournal *self)
{
  g_clear_pointer (&self->loading, load_data_unref);
}

static gboolean
merge_ready_cb (gpointer user_data)
{
  GTask *task = user_data;
  LentoJournal *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  gboolean done;
  guint n_read;

  g_mutex_lock (&data->mutex);
  ready = g_steal_pointer (&data->ready);
  data->ready = g_ptr_array_new_with_free_func ((GDestroyNotify)_lento_journal_month_data_free);
  done = data->done;
  n_read = data->n_read;
  /* Whichever of the two came first, the other is not needed. */
  g_source_destroy (data->merge_idle);
  g_source_destroy (data->merge_deadline);
  g_clear_pointer (&data->merge_idle, g_source_unref);
  g_clear_pointer (&data->merge_deadline, g_source_unref);
  /* A merge after the recent months' came below the frame clock's
   * priority, or at its deadline: the newest rows have had their frame.
   */
  data->hold = FALSE;
  if (self->recent_first && data->n_merged < data->n_recent)
    hold_back_older (data, ready, &done, &n_read);
  g_mutex_unlock (&data->mutex);

  /* What reading found reaches the store before the months go in. */
  for (; data->commit_func != NULL && data->n_committed < n_read; data->n_committed++)
    data->commit_func (data->names[data->n_committed], data->read_data);

  for (guint i = 0; i < ready->len; i++)
    {
      MonthData *month = g_ptr_array_index (ready, i);

      if (month->note != NULL)
        g_hash_table_replace (self->month_notes, g_strdup (month->name),
                              g_steal_pointer (&month->note));
      _lento_journal_merge_month_data (self, month, pending);
    }
  _lento_journal_insert_pending (self, pending);
  data->n_merged += ready->len;

  if (data->n_merged >= data->n_recent)
    _lento_journal_set_recent_loaded (self);
  if (self->recent_first && data->n_merged >= data->n_recent && !done)
    wait_for_frame (data);

  if (done)
    {
      if (!g_task_return_error_if_cancelled (task))
        {
          lento_journal_set_loaded (self);
          g_task_return_boolean (task, TRUE);
        }

      /* The worker is finished; this breaks the task <-> data cycle here,
       * on the main thread, so the task is never finalized by the worker.
       */
      g_mutex_lock (&data->mutex);
      g_clear_object (&data->task);
      g_mutex_unlock (&data->mutex);
      if (self->loading == data)
        g_clear_pointer (&self->loading, load_data_unref);
    }

  return G_SOURCE_REMOVE;
}

static GSource *
attach_merge_source (LoadData *data,
                     GSource  *source,
                     int       priority)
{
  g_source_set_priority (source, priority);
  g_source_set_name (source, "[lento] merge journal months");
  g_source_set_callback (source, merge_ready_cb, g_object_ref (data->task), g_object_unref);
  g_source_attach (source, data->context);
  return source;
}

/* Called with the mutex held. A merge of older months waits below the
 * frame clock's priority, so that a window in front draws the months
 * already merged before the next batch goes in, rather than waiting for a
 * large journal to be read to the end. A window that draws without pause
 * (a spinner on a machine too slow for its frame rate) would then hold it
 * back for good: after MERGE_DEADLINE_MS it goes in at the default
 * priority. The recent months, and the last batch that ends the load, are
 * @urgent: what the window waits for to show anything at all goes in
 * before its next frame.
 */
static void
schedule_merge (LoadData *data,
                gboolean  urgent)
{
  if (data->hold)
    urgent = FALSE;

  if (data->merge_idle != NULL)
    {
      if (urgent)
        g_source_set_priority (data->merge_idle, G_PRIORITY_DEFAULT);
      return;
    }

  data->merge_idle = attach_merge_source (data, g_idle_source_new (),
                                          urgent ? G_PRIORITY_DEFAULT : G_PRIORITY_DEFAULT_IDLE);
  data->merge_deadline = attach_merge_source (data, g_timeout_source_new (MERGE_DEADLINE_MS),
                                              G_PRIORITY_DEFAULT);
}

/* Runs in GLib's worker pool rather than a thread of its own: a pool
 * thread is kept warm between loads (its malloc arena too), which saves a
 * good share of the CPU time of reading a large journal again after a lock.
 */
static void
load_thread (GTask        *worker,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *worker_cancellable)
{
  LoadData *data = task_data;
  GCancellable *cancellable;

  g_mutex_lock (&data->mutex);
  cancellable = g_task_get_cancellable (data->task);
  g_mutex_unlock (&data->mutex);

  for (guint i = 0; data->names[i] != NULL; i++)
    {
      const char *name = data->names[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      MonthData *month;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      bytes = data->read_func (name, data->read_data, cancellable, &error);
      if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          /* Removed since it was listed: nothing to show, nothing lost. */
          month = NULL;
        }
      else if (bytes == NULL)
        {
          g_debug ("%s: %s", name, error != NULL ? error->message : "no bytes");
          month = _lento_journal_month_data_new (name);
          month->error = error != NULL ? g_steal_pointer (&error)
                                       : g_error_new_literal (LENTO_CORE_ERROR,
                                                              LENTO_CORE_ERROR_FAILED, "");
        }
      else
        {
          month = _lento_journal_month_data_parse (name, bytes);
          /* The note is made here, where the month's entries are at hand,
           * rather than on the main thread. */
          if (data->marker_tag != NULL && month->error == NULL &&
              lento_journal_is_month_document (name))
            month->note = _lento_journal_month_data_make_note (month, data->marker_tag);
        }

      g_mutex_lock (&data->mutex);
      if (month != NULL)
        g_ptr_array_add (data->ready, month);
      data->n_read = i + 1;
      /* The recent months go to the main thread together, as soon as both
       * are read; after that, a few months at a time, so that the main
       * context is not woken for each of a hundred months.
       */
      if (data->n_read == data->n_recent)
        schedule_merge (data, TRUE);
      else if (data->n_read > data->n_recent && data->ready->len >= MERGE_BATCH)
        schedule_merge (data, FALSE);
      /* With the newest entries in front, the older months are read once
       * the recent ones are on screen: until then a window is being built
       * or drawn, and reading would only take the processor from it. The
       * wait is in slices, so that a cancelled load ends without it.
       */
      while (data->n_read == data->n_recent && data->recent_first && !data->drawn
             && !g_cancellable_is_cancelled (cancellable))
        g_cond_wait_until (&data->gate, &data->mutex,
                           g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND);
      g_mutex_unlock (&data->mutex);
    }

  g_mutex_lock (&data->mutex);
  data->done = TRUE;
  schedule_merge (data, TRUE);
  g_mutex_unlock (&data->mutex);

  g_task_return_boolean (worker, TRUE);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char **)a, *(const char **)b);
}

/* The order lento_journal_load_async() reads @names in: the current
 * month, the previous month, the log, then the other months newest first.
 * Names that are neither months nor the log are left out; @n_recent is how
 * many of the first names are the current and previous month and the log.
 */
GStrv
_lento_journal_loading_order (const char * const *names,
                              GDateTime          *now,
                              guint              *n_recent)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) month_ago = NULL;
  g_autofree char *current = NULL;
  g_autofree char *previous = NULL;

  today = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  month_ago = g_date_time_add_months (today, -1);
  current = lento_journal_month_document_for (today);
  previous = lento_journal_month_document_for (month_ago);
  *n_recent = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!lento_journal_is_month_document (names[i]))
        continue;
      if (g_str_equal (names[i], current) || g_str_equal (names[i], previous))
        continue;
      g_ptr_array_add (ordered, g_strdup (names[i]));
    }
  g_ptr_array_sort (ordered, compare_names_newest_first);
  if (g_strv_contains (names, previous))
    {
      g_ptr_array_insert (ordered, 0, g_strdup (previous));
      (*n_recent)++;
    }
  if (g_strv_contains (names, current))
    {
      g_ptr_array_insert (ordered, 0, g_strdup (current));
      (*n_recent)++;
    }
  /* The log holds the latest changes, which the recent past must show. */
  if (g_strv_contains (names, LENTO_JOURNAL_LOG_DOCUMENT))
    {
      g_ptr_array_insert (ordered, *n_recent, g_strdup (LENTO_JOURNAL_LOG_DOCUMENT));
      (*n_recent)++;
    }
  g_ptr_array_add (ordered, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&ordered), FALSE);
}

/**
 * lento_journal_load_async:
 * @self: a #LentoJournal
 * @names: the month documents that exist, in any order; other names are ignored
 * @now: (nullable): today, to know the current month; %NULL for now
 * @read_func: (scope notified): reads one document; called in a worker thread
 * @read_data: data for @read_func
 * @read_destroy: (nullable): frees @read_data, on any thread
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every month is in the journal
 * @user_data: data for @callback
 *
 * Reads the whole journal without blocking: the current and the previous
 * month first ("recent-loaded" turns %TRUE when they are in the list),
 * then the others from the newest to the oldest. Entries are parsed in
 * the worker thread and added on the thread-default main context of the
 * caller, a batch of months at a time, with exact items-changed signals.
 *
 * A month that cannot be read is marked damaged and the journal becomes
 * read-only; the load still completes. A month @read_func reports as
 * %G_IO_ERROR_NOT_FOUND is skipped.
 */
void
lento_journal_load_async (LentoJournal         *self,
                          const char * const   *names,
                          GDateTime            *now,
                          LentoJournalReadFunc  read_func,
                          gpointer              read_data,
                          GDestroyNotify        read_destroy,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  _lento_journal_load_full_async (self, names, now, read_func, NULL, read_data, read_destroy,
                                  cancellable, callback, user_data);
}

/* As lento_journal_load_async(), and @commit_func, when given, is called
 * on the main context for each name read, in reading order, before the
 * month read with it is merged: a store that reads on the worker thread
 * learns there what each read found.
 */
void
_lento_journal_load_full_async (LentoJournal           *self,
                                const char * const     *names,
                                GDateTime              *now,
                                LentoJournalReadFunc    read_func,
                                LentoJournalCommitFunc  commit_func,
                                gpointer                read_data,
                                GDestroyNotify          read_destroy,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (LENTO_IS_JOURNAL (self));
  g_return_if_fail (names != NULL);
  g_return_if_fail (read_func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_journal_load_async);

  data = g_atomic_rc_box_new0 (LoadData);
  data->read_func = read_func;
  data->commit_func = commit_func;
  data->read_data = read_data;
  data->read_destroy = read_destroy;
  data->context = g_main_context_ref_thread_default ();
  data->task = g_object_ref (task);
  data->ready = g_ptr_array_new_with_free_func ((GDestroyNotify)_lento_journal_month_data_free);
  g_mutex_init (&data->mutex);
  g_cond_init (&data->gate);
  data->recent_first = self->recent_first;
  data->marker_tag = g_strdup (self->marker_tag);
  data->names = _lento_journal_loading_order (names, now, &data->n_recent);
  g_clear_pointer (&self->loading, load_data_unref);
  g_hash_table_remove_all (self->month_notes);
  g_clear_object (&self->load_vault);
  self->loading = g_atomic_rc_box_acquire (data);

  /* The task data holds one reference, the thread the other. */
  g_task_set_task_data (task, g_atomic_rc_box_acquire (data), (GDestroyNotify)load_data_unref);
  worker = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (worker, load_thread);
  g_task_set_task_data (worker, data, (GDestroyNotify)load_data_unref);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * lento_journal_load_finish:
 * @self: a #LentoJournal
 * @result: the result given to the callback
 * @error: where to report cancellation
 *
 * Returns: %TRUE when every month was read (damaged months included; see
 *   lento_journal_dup_damaged_months())
 */
gboolean
lento_journal_load_finish (LentoJournal  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lento_journal_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
