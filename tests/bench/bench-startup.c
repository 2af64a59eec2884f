/* bench-startup.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up time and memory of Lento against a bare libadwaita window.
 *
 * Usage: bench-startup LENTO BARE_WINDOW USABLE_PROBE [ROUNDS]
 *        bench-startup --instructions MAP_PROBE USABLE_PROBE LENTO BARE_WINDOW
 *
 * The two programs are started alternately under the same X display and
 * renderer. The time is measured from just before exec to the X server's
 * MapNotify for the program's first top-level window, so neither program
 * reports on itself. RSS is read from /proc two seconds after the window shows.
 * Prints one "metric value" line per figure.
 *
 * The returning start is timed in the same rounds: Lento on a journal of
 * 100 or 10,000 entries whose key is in the keyring, from just before exec
 * to the end of the first frame that drew the main page with the newest
 * rows of the view in front (the Plan's day, or the Journal's rows when the
 * Journal was the last view). USABLE_PROBE (usable-probe.c), preloaded,
 * tells that moment through a pipe. usable_ratio is the median over the
 * rounds of each round's usable_ms_100 over the bare window's first map
 * in that round, so that both meet the same load on a shared machine.
 *
 * With --instructions, each program runs once under callgrind instead, with
 * MAP_PROBE (map-probe.c) preloaded to stop it as its first window maps, and
 * the figures are the instructions its main thread ran from exec to that
 * map. The time swings by a tenth from one start to the next on a shared
 * machine; the count is the same every run, so it shows changes of a percent.
 * Lento is counted twice: on a first run, which opens on set-up as the
 * timed figures do, and with a journal already made, which opens locked as
 * every later start does.
 */

#define _GNU_SOURCE

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "config.h"

#include "lento-journal-vault.h"
#include "lento-sample-data.h"
#include "lento-test-support.h"
#include "lento-vault.h"

typedef struct {
  double ms;
  long rss_kib;
} Sample;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
read_rss_kib (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;

  line = strstr (contents, "VmRSS:");
  if (line == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static gboolean
wait_for_map (Display *display,
              double   deadline_ms)
{
  int fd = ConnectionNumber (display);

  while (now_ms () < deadline_ms)
    {
      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          /* Without a window manager, a top-level window maps straight on
           * the root window; its children's maps are not reported here.
           */
          if (event.type == MapNotify && !event.xmap.override_redirect)
            return TRUE;
        }

      {
        fd_set fds;
        struct timeval tv = { 0, 2000 };

        FD_ZERO (&fds);
        FD_SET (fd, &fds);
        select (fd + 1, &fds, NULL, NULL, &tv);
      }
    }

  return FALSE;
}

static gboolean
run_once (Display    *display,
          const char *program,
          Sample     *sample)
{
  double start;
  pid_t pid;
  int status;

  XSync (display, True);
  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      execl (program, program, (char *) NULL);
      _exit (127);
    }

  if (!wait_for_map (display, start + 30000))
    {
      g_printerr ("%s showed no window within 30 s\n", program);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      return FALSE;
    }
  sample->ms = now_ms () - start;

  g_usleep (2 * G_USEC_PER_SEC);
  sample->rss_kib = read_rss_kib (pid);

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  return TRUE;
}

/* Reads the "summary:" line of the main thread's part of the probe's dump. */
static gboolean
read_main_thread_count (const char *directory,
                        pid_t       pid,
                        guint64    *count)
{
  g_autofree char *name = g_strdup_printf ("callgrind.%d.1-01", (int) pid);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  line = strstr (contents, "\nsummary: ");
  if (line == NULL)
    return FALSE;

  *count = g_ascii_strtoull (line + strlen ("\nsummary: "), NULL, 10);
  return *count > 0;
}

/* The environment of a returning start: the journal in @data_home and the
 * settings in @config_home, with @probe preloaded; @extra is one more
 * "NAME=VALUE" or %NULL.
 */
static char **
returning_environ (const char *probe,
                   const char *data_home,
                   const char *config_home,
                   const char *extra_name,
                   const char *extra_value)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "LD_PRELOAD", probe, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config_home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  if (extra_name != NULL)
    env = g_environ_setenv (env, extra_name, extra_value, TRUE);
  return env;
}

/* Starts Lento on a returning journal and times it until the probe says
 * the main page is drawn with its rows.
 */
static gboolean
run_usable (const char *lento,
            const char *probe,
            const char *data_home,
            const char *config_home,
            double     *ms)
{
  g_auto(GStrv) env = NULL;
  g_autofree char *fd_text = NULL;
  double start;
  int fds[2];
  gboolean usable = FALSE;
  pid_t pid;
  int status;

  if (pipe (fds) != 0)
    return FALSE;
  fd_text = g_strdup_printf ("%d", fds[1]);
  env = returning_environ (probe, data_home, config_home, "LENTO_USABLE_FD", fd_text);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      close (fds[0]);
      execle (lento, lento, (char *) NULL, env);
      _exit (127);
    }
  close (fds[1]);

  while (now_ms () < start + 30000)
    {
      fd_set set;
      struct timeval tv = { 0, 2000 };
      char byte;

      FD_ZERO (&set);
      FD_SET (fds[0], &set);
      if (select (fds[0] + 1, &set, NULL, NULL, &tv) > 0)
        {
          usable = read (fds[0], &byte, 1) == 1;
          break;
        }
    }
  *ms = now_ms () - start;
  if (!usable)
    g_printerr ("%s showed no journal within 30 s\n", lento);

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  close (fds[0]);
  return usable;
}

static gboolean
count_instructions (const char  *probe,
                    const char  *program,
                    const char  *data_home,
                    char       **env,
                    guint64     *count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("lento-bench-XXXXXX", &error);
  g_autofree char *out_file = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean counted;
  pid_t pid;
  int status;

  if (directory == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  out_file = g_strdup_printf ("--callgrind-out-file=%s/callgrind.%%p", directory);

  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      if (env != NULL)
        execvpe ("valgrind",
                 (char *[]) { "valgrind", "-q", "--tool=callgrind", "--separate-threads=yes",
                              "--dump-instr=no", out_file, (char *) program, NULL },
                 env);
      g_setenv ("LD_PRELOAD", probe, TRUE);
      if (data_home != NULL)
        g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      execlp ("valgrind", "valgrind", "-q", "--tool=callgrind", "--separate-threads=yes",
              "--dump-instr=no", out_file, program, (char *) NULL);
      _exit (127);
    }
  waitpid (pid, &status, 0);

  counted = WIFEXITED (status) && WEXITSTATUS (status) == 0
            && read_main_thread_count (directory, pid, count);
  if (!counted)
    g_printerr ("%s under callgrind did not stop at its first window (status %d)\n",
                program, status);

  /* LENTO_BENCH_KEEP names a folder to keep the dumps in, for
   * callgrind_annotate to say where the instructions went.
   */
  dir = g_dir_open (directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *kept = NULL;

      if (g_getenv ("LENTO_BENCH_KEEP") != NULL)
        {
          kept = g_build_filename (g_getenv ("LENTO_BENCH_KEEP"), name, NULL);
          if (g_rename (path, kept) == 0)
            continue;
        }
      g_unlink (path);
    }
  g_rmdir (directory);

  return counted;
}

/* A new journal made with Lento's own vault, left open in @out_vault.
 * Returns the folder to use as XDG_DATA_HOME, or %NULL after saying why
 * (@what names the start it is for).
 */
static char *
create_journal (const char  *what,
                LentoVault **out_vault)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("lento-bench-data-XXXXXX", &error);
  g_autofree char *data_dir = NULL;
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) code = NULL;

  if (data_home == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  data_dir = g_build_filename (data_home, APPLICATION_ID, NULL);
  vault = lento_vault_new (data_dir, APPLICATION_ID);
  if (lento_vault_open (vault, &error))
    code = lento_vault_create (vault, &error);
  if (code == NULL)
    {
      g_printerr ("No journal for the %s start: %s\n", what, error->message);
      lento_test_remove_tree (data_home);
      return NULL;
    }

  *out_vault = g_steal_pointer (&vault);
  return g_steal_pointer (&data_home);
}

/* A journal made with Lento's own vault, so that Lento opens locked.
 * Returns the folder to use as XDG_DATA_HOME, or %NULL.
 */
static char *
make_journal (void)
{
  g_autoptr(LentoVault) vault = NULL;
  char *data_home = create_journal ("locked", &vault);

  if (data_home != NULL)
    lento_vault_close (vault);
  return data_home;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  int *done = user_data;

  if (LENTO_IS_VAULT (object))
    *done = lento_vault_store_in_keyring_finish (LENTO_VAULT (object), result, NULL) ? 1 : 2;
  else
    *done = lento_journal_save_finish (LENTO_JOURNAL (object), result, NULL) ? 1 : 2;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  int *done = user_data;

  *done = lento_journal_load_from_vault_finish (LENTO_JOURNAL (object), result, NULL) ? 1 : 2;
}

/* A returning person's journal: @n_entries over @years up to today, saved
 * by Lento's own journal and vault, with its key in the keyring of the
 * session, so that Lento opens it by itself. Returns the folder to use as
 * XDG_DATA_HOME, or %NULL.
 */
static char *
make_returning_journal (guint n_entries,
                        guint years)
{
  g_autoptr(LentoVault) vault = NULL;
  g_autofree char *data_home = create_journal ("returning", &vault);
  g_autoptr(LentoJournal) journal = lento_journal_new ();
  g_autoptr(LentoJournal) reread = lento_journal_new ();
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int saved = 0, stored = 0, loaded = 0;

  if (data_home == NULL)
    return NULL;

  /* A new journal: nothing on disk to read first. */
  lento_journal_set_loaded (journal);
  lento_journal_generate_sample (journal, n_entries, years, 42, now);
  lento_journal_save_async (journal, vault, NULL, done_cb, &saved);
  while (saved == 0 || lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);
  lento_vault_store_in_keyring_async (vault, NULL, done_cb, &stored);
  while (stored == 0)
    g_main_context_iteration (NULL, TRUE);
  /* As Lento's last start left it: read once in full, which notes in the
   * manifest what each month holds for the coach.
   */
  lento_journal_set_marker_tag (reread, lento_program_get_rules (program)->heavy_bleeding_tag);
  lento_journal_load_from_vault_async (reread, vault, now, NULL, loaded_cb, &loaded);
  while (loaded == 0 || lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);
  lento_vault_close (vault);

  if (saved != 1 || stored != 1 || loaded != 1)
    {
      g_printerr ("The returning journal was not %s\n",
                  saved != 1 ? "saved" : stored != 1 ? "put in the keyring" : "read");
      lento_test_remove_tree (data_home);
      return NULL;
    }
  return g_steal_pointer (&data_home);
}

/* Settings whose last view is @view, for the keyfile backend. Returns the
 * folder to use as XDG_CONFIG_HOME.
 */
static char *
make_settings (const char *view)
{
  g_autofree char *config_home = g_dir_make_tmp ("lento-bench-config-XXXXXX", NULL);
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *group = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (config_home == NULL)
    return NULL;
  settings_dir = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            APPLICATION_ID, FALSE);
  if (schema == NULL)
    {
      g_printerr ("No schema %s: run this under build-aux/bench\n", APPLICATION_ID);
      lento_test_remove_tree (config_home);
      return NULL;
    }
  /* The keyfile backend's group is the schema's path without its slashes. */
  group = g_strndup (g_settings_schema_get_path (schema) + 1,
                     strlen (g_settings_schema_get_path (schema)) - 2);
  contents = g_strdup_printf ("[%s]\nlast-view='%s'\n", group, view);
  if (g_mkdir_with_parents (settings_dir, 0700) != 0 ||
      !g_file_set_contents (keyfile, contents, -1, NULL))
    {
      lento_test_remove_tree (config_home);
      return NULL;
    }
  return g_steal_pointer (&config_home);
}

/* The returning starts: a journal of each size, with the Plan or the
 * Journal as the view Lento was last left on.
 */
typedef struct {
  const char *name;
  guint       n_entries;
  guint       years;
  const char *view;
  char       *data_home;
  char       *config_home;
  GArray     *ms;
} Returning;

static Returning returning[] = {
  { "usable_ms_100", 100, 1, "plan", },
  { "usable_ms_10000", 10000, 10, "plan", },
  { "usable_ms_100_journal", 100, 1, "journal", },
  { "usable_ms_10000_journal", 10000, 10, "journal", },
};

/* Makes each size's journal once, and each view's settings once. */
static gboolean
make_returning (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (returning); i++)
    {
      Returning *run = &returning[i];

      for (guint j = 0; j < i; j++)
        {
          if (run->data_home == NULL && returning[j].n_entries == run->n_entries)
            run->data_home = g_strdup (returning[j].data_home);
          if (run->config_home == NULL && g_str_equal (returning[j].view, run->view))
            run->config_home = g_strdup (returning[j].config_home);
        }
      if (run->data_home == NULL)
        run->data_home = make_returning_journal (run->n_entries, run->years);
      if (run->config_home == NULL)
        run->config_home = make_settings (run->view);
      run->ms = g_array_new (FALSE, FALSE, sizeof (double));
      if (run->data_home == NULL || run->config_home == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
remove_returning (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (returning); i++)
    {
      Returning *run = &returning[i];

      /* Each folder once: the runs that share it come later. */
      for (guint j = i + 1; j < G_N_ELEMENTS (returning); j++)
        {
          if (g_strcmp0 (returning[j].data_home, run->data_home) == 0)
            g_clear_pointer (&returning[j].data_home, g_free);
          if (g_strcmp0 (returning[j].config_home, run->config_home) == 0)
            g_clear_pointer (&returning[j].config_home, g_free);
        }
      if (run->data_home != NULL)
        lento_test_remove_tree (run->data_home);
      if (run->config_home != NULL)
        lento_test_remove_tree (run->config_home);
      g_clear_pointer (&run->data_home, g_free);
      g_clear_pointer (&run->config_home, g_free);
      g_clear_pointer (&run->ms, g_array_unref);
    }
}

static int
run_instructions (const char *probe,
                  const char *usable_probe,
                  const char *lento,
                  const char *bare)
{
  g_autofree char *data_home = make_journal ();
  gboolean counted = data_home != NULL && make_returning ();
  struct {
    const char *name;
    const char *program;
    const char *data_home;
    char      **env;
    guint64     count;
  } runs[] = {
    { "first_window_instructions_lento", lento, NULL, NULL, 0 },
    { "first_window_instructions_lento_locked", lento, data_home, NULL, 0 },
    { "first_window_instructions_bare", bare, NULL, NULL, 0 },
    { "usable_instructions_100", lento, NULL, NULL, 0 },
  };

  /* The returning start stops at the first frame with the journal's rows,
   * through the usable probe, on the Plan as the last view. Only the small
   * journal is counted: under callgrind the large one loads for longer
   * than Lento's idle lock, and its count would follow the timers that a
   * slow load lets fire.
   */
  if (counted)
    runs[3].env = returning_environ (usable_probe, returning[0].data_home,
                                     returning[0].config_home, "LENTO_USABLE_CALLGRIND", "1");

  /* Starts that are not counted first fill the caches that a person's
   * later starts find full. They run under callgrind too: Mesa keys its
   * shader cache by the processor, and callgrind's processor is not the
   * machine's. It takes two: the second start still compiles again some
   * of the shaders that the first start's first frame compiled (fourteen
   * of Lento's, at a fifth of its count), and only from the third on does
   * a start compile just what Mesa never keeps, as a person's later
   * starts do. The count is the third start's.
   */
  for (guint i = 0; counted && i < G_N_ELEMENTS (runs); i++)
    for (guint start = 0; counted && start < 3; start++)
      counted = count_instructions (probe, runs[i].program, runs[i].data_home, runs[i].env,
                                    &runs[i].count);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    g_strfreev (runs[i].env);
  if (data_home != NULL)
    lento_test_remove_tree (data_home);
  remove_returning ();
  if (!counted)
    return 1;

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    g_print ("%s %" G_GUINT64_FORMAT "\n", runs[i].name, runs[i].count);
  g_print ("first_window_instructions_ratio %.3f\n",
           (double) runs[0].count / (double) runs[2].count);
  g_print ("first_window_instructions_ratio_locked %.3f\n",
           (double) runs[1].count / (double) runs[2].count);
  g_print ("usable_instructions_ratio %.3f\n",
           (double) runs[3].count / (double) runs[2].count);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) lento_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lento_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) usable_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) usable_ratios_journal = g_array_new (FALSE, FALSE, sizeof (double));
  const char *lento, *bare, *usable_probe;
  Display *display;
  int rounds;
  int status = 0;

  gboolean instructions = argc > 1 && g_str_equal (argv[1], "--instructions");

  if (argc < (instructions ? 6 : 4))
    {
      g_printerr ("Usage: %s LENTO BARE_WINDOW USABLE_PROBE [ROUNDS]\n"
                  "       %s --instructions MAP_PROBE USABLE_PROBE LENTO BARE_WINDOW\n",
                  argv[0], argv[0]);
      return 2;
    }
  rounds = argc > 4 && !instructions ? atoi (argv[4]) : 10;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("No X display: run this under build-aux/bench\n");
      return 2;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  if (instructions)
    {
      status = run_instructions (argv[2], argv[3], argv[4], argv[5]);

      XCloseDisplay (display);
      return status;
    }

  lento = argv[1];
  bare = argv[2];
  usable_probe = argv[3];
  if (!make_returning ())
    {
      remove_returning ();
      return 1;
    }

  /* One untimed start of each warms the disk cache for all alike. */
  for (int i = 0; i < 2; i++)
    {
      Sample warm;

      if (!run_once (display, i == 0 ? lento : bare, &warm))
        status = 1;
    }
  /* Two for the returning starts: see run_instructions(). */
  for (guint i = 0; status == 0 && i < G_N_ELEMENTS (returning) * 2; i++)
    {
      guint r = i % G_N_ELEMENTS (returning);
      double warm;

      if (!run_usable (lento, usable_probe, returning[r].data_home, returning[r].config_home,
                       &warm))
        status = 1;
    }

  for (int round = 0; status == 0 && round < rounds; round++)
    {
      Sample first, floor;
      double rss, ratio;

      if (!run_once (display, lento, &first) || !run_once (display, bare, &floor))
        {
          status = 1;
          break;
        }
      for (guint i = 0; status == 0 && i < G_N_ELEMENTS (returning); i++)
        {
          double ms;

          if (!run_usable (lento, usable_probe, returning[i].data_home,
                           returning[i].config_home, &ms))
            status = 1;
          g_array_append_val (returning[i].ms, ms);
        }
      if (status != 0)
        break;

      g_array_append_val (lento_ms, first.ms);
      g_array_append_val (bare_ms, floor.ms);
      rss = first.rss_kib;
      g_array_append_val (lento_rss, rss);
      rss = floor.rss_kib;
      g_array_append_val (bare_rss, rss);
      ratio = g_array_index (returning[0].ms, double, round) / floor.ms;
      g_array_append_val (usable_ratios, ratio);
      ratio = g_array_index (returning[2].ms, double, round) / floor.ms;
      g_array_append_val (usable_ratios_journal, ratio);
    }

  if (status == 0)
    {
      double lento_median = lento_bench_median ((double *) lento_ms->data, lento_ms->len);
      double bare_median = lento_bench_median ((double *) bare_ms->data, bare_ms->len);

      g_print ("first_window_ms_lento %.1f\n", lento_median);
      g_print ("first_window_ms_bare %.1f\n", bare_median);
      g_print ("first_window_ratio %.3f\n", lento_median / bare_median);
      g_print ("rss_kib_lento %.0f\n",
               lento_bench_median ((double *) lento_rss->data, lento_rss->len));
      g_print ("rss_kib_bare %.0f\n",
               lento_bench_median ((double *) bare_rss->data, bare_rss->len));
      for (guint i = 0; i < G_N_ELEMENTS (returning); i++)
        g_print ("%s %.1f\n", returning[i].name,
                 lento_bench_median ((double *) returning[i].ms->data, returning[i].ms->len));
      g_print ("usable_ratio %.3f\n",
               lento_bench_median ((double *) usable_ratios->data, usable_ratios->len));
      g_print ("usable_ratio_journal %.3f\n",
               lento_bench_median ((double *) usable_ratios_journal->data,
                                   usable_ratios_journal->len));
    }

  remove_returning ();
  XCloseDisplay (display);
  return status;
}
