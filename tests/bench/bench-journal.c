/* bench-journal.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The journal at two sizes, 100 and 10,000 entries over ten years, stored in
 * a real vault in a throwaway folder. Prints one "metric value" line each:
 *
 *   unlock_recent_ms_10000  key in hand until this and last month are shown
 *   unlock_all_ms_10000     key in hand until every month is in the model
 *   floor_all_ms_10000      read, decrypt and parse the same months, nothing else
 *   unlock_all_ratio        the two above: the median of each round's ratio
 *   save_one_ms_p50_N       add one entry and save it durably, median of 21
 *   save_flatness           how much slower that is at 10,000 than at 100
 *   manifest_bytes_10000    the sealed manifest, month notes and all, which every
 *                           save writes again
 *   save_fold_ms_N          the one save in LENTO_JOURNAL_LOG_MAX + 1 that folds
 *                           the change log into the months (see FORMAT.md)
 *   rss_kib_10000           resident memory after the full load
 *   rows_created_10000      row widgets the Journal view made to show it
 *   coach_ms_10000          the coach deciding today from the whole journal,
 *                           median of RUNS (LentoPractice asks it after every
 *                           change)
 *
 * The machine these run on is often shared, and then wall-clock times say
 * more about the neighbours than about Lento. So the unlock and the save
 * are also given in CPU time of the whole process (every thread, user and
 * system), "_cpu_" in the name: the work done, whoever else is running.
 *
 * Times are medians of several runs, so that one slow disk flush does not
 * decide a figure. The unlock and its floor are timed in the same rounds,
 * one after the other in turn, and their ratio is the median of the
 * rounds' ratios: a neighbour's burst then weighs on both sides of one
 * round's ratio rather than on one side of the medians.
 */

#define G_LOG_DOMAIN "bench-journal"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "lento-coach.h"
#include "lento-journal-view.h"
#include "lento-journal-vault.h"
#include "lento-sample-data.h"
#include "lento-test-support.h"
#include "lento-vault.h"

#define RUNS 11
#define SAVES 21

typedef struct {
  char        *data_dir;
  LentoSecret *code;
} Journal;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process so far, all threads, user and system. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static LentoVault *
open_unlocked (Journal *journal)
{
  g_autoptr(GError) error = NULL;
  LentoVault *vault = lento_vault_new (journal->data_dir, APPLICATION_ID);

  if (!lento_vault_open (vault, &error) ||
      !lento_vault_unlock_recovery_code (vault, journal->code, &error))
    g_error ("%s", error->message);

  return vault;
}

/* The size of @name in @dir, or -1. */
static goffset
file_size (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (goffset) buf.st_size : -1;
}

/* A journal model as the practice makes one: it notes what each month
 * holds for the coach once it has read them all.
 */
static LentoJournal *
new_model (void)
{
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);
  LentoJournal *model = lento_journal_new ();

  lento_journal_set_marker_tag (model, lento_program_get_rules (program)->heavy_bleeding_tag);
  return model;
}

static Journal
make_journal (guint      n_entries,
              GDateTime *end)
{
  g_autoptr(LentoJournal) model = new_model ();
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  Journal journal;
  gboolean done = FALSE;

  journal.data_dir = g_dir_make_tmp ("lento-bench-journal-XXXXXX", &error);
  vault = lento_vault_new (journal.data_dir, APPLICATION_ID);
  if (!lento_vault_open (vault, &error) ||
      (journal.code = lento_vault_create (vault, &error)) == NULL)
    g_error ("%s", error->message);

  /* A new journal: nothing on disk to read first. */
  lento_journal_set_loaded (model);
  lento_journal_generate_sample (model, n_entries, 10, 42, end);
  lento_journal_save_async (model, vault, NULL, done_cb, &done);
  wait_for (&done);
  while (lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);

  /* Read once in full, as Lento's last start would have: the months get
   * their notes, and the manifest every later save writes carries them.
   */
  {
    g_autoptr(LentoJournal) reread = new_model ();

    done = FALSE;
    lento_journal_load_from_vault_async (reread, vault, end, NULL, done_cb, &done);
    wait_for (&done);
    while (lento_vault_get_busy (vault))
      g_main_context_iteration (NULL, TRUE);
  }

  lento_vault_close (vault);
  return journal;
}

static void
recent_cb (LentoJournal *model,
           GParamSpec   *pspec,
           double       *when)
{
  if (lento_journal_get_recent_loaded (model) && *when == 0)
    *when = now_ms ();
}

/* The coach over a loaded journal, with the shipped plan. */
static double
measure_coach (LentoJournal *model,
               GDateTime    *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = lento_program_new_default (&error);
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  double times[RUNS];
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(LentoRecommendation) rec = NULL;
      double start = now_ms ();

      rec = lento_coach_recommend (program, G_LIST_MODEL (model), inventory, &today, NULL);
      times[i] = now_ms () - start;
    }

  return lento_bench_median (times, RUNS);
}

static void
measure_unlock (Journal   *journal,
                GDateTime *now,
                double    *recent_ms,
                double    *all_ms,
                double    *all_cpu_ms)
{
  g_autoptr(LentoVault) vault = open_unlocked (journal);
  g_autoptr(LentoJournal) model = new_model ();
  double start, recent = 0;
  gboolean done = FALSE;

  g_signal_connect (model, "notify::recent-loaded", G_CALLBACK (recent_cb), &recent);

  start = now_ms ();
  *all_cpu_ms = cpu_ms ();
  lento_journal_load_from_vault_async (model, vault, now, NULL, done_cb, &done);
  wait_for (&done);
  *all_ms = now_ms () - start;
  *all_cpu_ms = cpu_ms () - *all_cpu_ms;
  *recent_ms = (recent > 0 ? recent : now_ms ()) - start;

  lento_vault_close (vault);
}

static double
measure_floor (Journal *journal,
               double  *cpu)
{
  g_autoptr(LentoVault) vault = open_unlocked (journal);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  names = lento_vault_list_documents (vault, &error);
  start = now_ms ();
  *cpu = cpu_ms ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_prefix (names[i], "journal/"))
        continue;
      bytes = lento_vault_read_document (vault, names[i], NULL, &error);
      if (bytes == NULL ||
          !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
    }

  start = now_ms () - start;
  *cpu = cpu_ms () - *cpu;
  lento_vault_close (vault);
  return start;
}

static double
measure_save_one (Journal   *journal,
                  GDateTime *now,
                  double    *cpu,
                  double    *fold)
{
  g_autoptr(LentoVault) vault = open_unlocked (journal);
  g_autoptr(LentoJournal) model = new_model ();
  double times[SAVES];
  double cpu_times[SAVES];
  gboolean done = FALSE;

  lento_journal_load_from_vault_async (model, vault, now, NULL, done_cb, &done);
  wait_for (&done);

  for (guint i = 0; i < SAVES; i++)
    {
      g_autoptr(LentoEntry) entry = lento_entry_new (now);
      double start, cpu_start;

      done = FALSE;
      start = now_ms ();
      cpu_start = cpu_ms ();
      lento_journal_add (model, entry);
      lento_journal_save_async (model, vault, NULL, done_cb, &done);
      wait_for (&done);
      while (lento_vault_get_busy (vault))
        g_main_context_iteration (NULL, TRUE);
      times[i] = now_ms () - start;
      cpu_times[i] = cpu_ms () - cpu_start;
    }

  /* Then on, one entry a save, until a save folds the log into the months. */
  for (;;)
    {
      g_autoptr(LentoEntry) entry = lento_entry_new (now);
      g_auto(GStrv) dirty = NULL;
      double start = now_ms ();

      done = FALSE;
      lento_journal_add (model, entry);
      lento_journal_save_async (model, vault, NULL, done_cb, &done);
      wait_for (&done);
      while (lento_vault_get_busy (vault))
        g_main_context_iteration (NULL, TRUE);
      *fold = now_ms () - start;
      dirty = lento_journal_dup_dirty_months (model);
      if (dirty[0] == NULL)
        break;
    }

  lento_vault_close (vault);
  *cpu = lento_bench_median (cpu_times, SAVES);
  return lento_bench_median (times, SAVES);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* Shows the journal in the real view, in a window, and counts the row
 * widgets its list made: a list view makes enough for the screen, not one
 * per entry.
 */
static guint
count_rows_created (LentoJournal *model)
{
  GtkWidget *window;
  GtkWidget *view;
  guint frames = 0;
  guint rows;

  window = adw_window_new ();
  view = lento_journal_view_new ();
  lento_journal_view_set_journal (LENTO_JOURNAL_VIEW (view), model);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), &frames);
  while (frames < 3)
    {
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }

  rows = lento_journal_view_get_n_rows_created (LENTO_JOURNAL_VIEW (view));
  gtk_window_destroy (GTK_WINDOW (window));
  return rows;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  double recent[RUNS], all[RUNS], floor[RUNS], all_cpu[RUNS], floor_cpu[RUNS];
  double ratio[RUNS], cpu_ratio[RUNS];
  double save_100, save_10000, save_cpu_100, save_cpu_10000, fold_100, fold_10000;
  Journal small, large;

  adw_init ();

  small = make_journal (100, now);
  large = make_journal (10000, now);

  /* One round of each, not counted, brings the worker pool up and the
   * months into the page cache for both alike.
   */
  {
    double ignored, ignored_cpu;

    measure_unlock (&large, now, &ignored, &ignored, &ignored_cpu);
    measure_floor (&large, &ignored_cpu);
  }

  for (guint i = 0; i < RUNS; i++)
    {
      /* Which goes first changes each round, so that neither always finds
       * the other's leftovers.
       */
      if (i % 2 == 0)
        {
          measure_unlock (&large, now, &recent[i], &all[i], &all_cpu[i]);
          floor[i] = measure_floor (&large, &floor_cpu[i]);
        }
      else
        {
          floor[i] = measure_floor (&large, &floor_cpu[i]);
          measure_unlock (&large, now, &recent[i], &all[i], &all_cpu[i]);
        }
      ratio[i] = all[i] / floor[i];
      cpu_ratio[i] = all_cpu[i] / floor_cpu[i];
    }

  g_print ("unlock_recent_ms_10000 %.1f\n", lento_bench_median (recent, RUNS));
  g_print ("unlock_all_ms_10000 %.1f\n", lento_bench_median (all, RUNS));
  g_print ("floor_all_ms_10000 %.1f\n", lento_bench_median (floor, RUNS));
  g_print ("unlock_all_ratio %.3f\n", lento_bench_median (ratio, RUNS));
  g_print ("unlock_all_cpu_ms_10000 %.1f\n", lento_bench_median (all_cpu, RUNS));
  g_print ("floor_all_cpu_ms_10000 %.1f\n", lento_bench_median (floor_cpu, RUNS));
  g_print ("unlock_all_cpu_ratio %.3f\n", lento_bench_median (cpu_ratio, RUNS));

  save_100 = measure_save_one (&small, now, &save_cpu_100, &fold_100);
  save_10000 = measure_save_one (&large, now, &save_cpu_10000, &fold_10000);
  g_print ("save_one_ms_p50_100 %.1f\n", save_100);
  g_print ("save_one_ms_p50_10000 %.1f\n", save_10000);
  g_print ("save_flatness %.3f\n", save_10000 / save_100);
  g_print ("save_one_cpu_ms_p50_100 %.2f\n", save_cpu_100);
  g_print ("save_one_cpu_ms_p50_10000 %.2f\n", save_cpu_10000);
  g_print ("manifest_bytes_10000 %" G_GOFFSET_FORMAT "\n",
           file_size (large.data_dir, "manifest.lento"));
  g_print ("save_fold_ms_100 %.1f\n", fold_100);
  g_print ("save_fold_ms_10000 %.1f\n", fold_10000);

  {
    /* Memory of one full load, in a process that has done the above too. */
    g_autoptr(LentoVault) vault = open_unlocked (&large);
    g_autoptr(LentoJournal) model = new_model ();
    gboolean done = FALSE;

    lento_journal_load_from_vault_async (model, vault, now, NULL, done_cb, &done);
    wait_for (&done);
    g_print ("rss_kib_10000 %ld\n", rss_kib ());
    g_print ("rows_created_10000 %u\n", count_rows_created (model));
    g_print ("coach_ms_10000 %.2f\n", measure_coach (model, now));
    lento_vault_close (vault);
  }

  lento_test_remove_tree (small.data_dir);
  lento_test_remove_tree (large.data_dir);
  return 0;
}
