/* bench-startup.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up time and memory of Lento against a bare libadwaita window.
 *
 * Usage: bench-startup LENTO BARE_WINDOW [ROUNDS]
 *        bench-startup --instructions MAP_PROBE LENTO BARE_WINDOW
 *
 * The two programs are started alternately under the same X display and
 * renderer. The time is measured from just before exec to the X server's
 * MapNotify for the program's first top-level window, so neither program
 * reports on itself. RSS is read from /proc two seconds after the window shows.
 * Prints one "metric value" line per figure.
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

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "config.h"

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

static gboolean
count_instructions (const char *probe,
                    const char *program,
                    const char *data_home,
                    guint64    *count)
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

  dir = g_dir_open (directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);

  return counted;
}

/* A journal made with Lento's own vault, so that Lento opens locked.
 * Returns the folder to use as XDG_DATA_HOME, or %NULL.
 */
static char *
make_journal (void)
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
      g_printerr ("No journal for the locked start: %s\n", error->message);
      lento_test_remove_tree (data_home);
      return NULL;
    }
  lento_vault_close (vault);

  return g_steal_pointer (&data_home);
}

static int
run_instructions (const char *probe,
                  const char *lento,
                  const char *bare)
{
  g_autofree char *data_home = make_journal ();
  struct {
    const char *name;
    const char *program;
    const char *data_home;
    guint64     count;
  } runs[] = {
    { "lento", lento, NULL, 0 },
    { "lento_locked", lento, data_home, 0 },
    { "bare", bare, NULL, 0 },
  };
  gboolean counted = data_home != NULL;

  /* As for the timed runs, one start that is not counted first fills the
   * caches that a person's later starts find full. It runs under callgrind
   * too: Mesa keys its shader cache by the processor, and callgrind's
   * processor is not the machine's.
   */
  for (guint i = 0; counted && i < G_N_ELEMENTS (runs); i++)
    counted = count_instructions (probe, runs[i].program, runs[i].data_home, &runs[i].count)
              && count_instructions (probe, runs[i].program, runs[i].data_home, &runs[i].count);

  if (data_home != NULL)
    lento_test_remove_tree (data_home);
  if (!counted)
    return 1;

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    g_print ("first_window_instructions_%s %" G_GUINT64_FORMAT "\n", runs[i].name,
             runs[i].count);
  g_print ("first_window_instructions_ratio %.3f\n",
           (double) runs[0].count / (double) runs[2].count);
  g_print ("first_window_instructions_ratio_locked %.3f\n",
           (double) runs[1].count / (double) runs[2].count);

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
  Display *display;
  int rounds;

  gboolean instructions = argc > 1 && g_str_equal (argv[1], "--instructions");

  if (argc < (instructions ? 5 : 3))
    {
      g_printerr ("Usage: %s LENTO BARE_WINDOW [ROUNDS]\n"
                  "       %s --instructions MAP_PROBE LENTO BARE_WINDOW\n", argv[0], argv[0]);
      return 2;
    }
  rounds = argc > 3 && !instructions ? atoi (argv[3]) : 10;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("No X display: run this under build-aux/bench\n");
      return 2;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  if (instructions)
    {
      int status = run_instructions (argv[2], argv[3], argv[4]);

      XCloseDisplay (display);
      return status;
    }

  /* One untimed start of each warms the disk cache for both alike. */
  for (int i = 0; i < 2; i++)
    {
      Sample warm;

      if (!run_once (display, argv[1 + i], &warm))
        return 1;
    }

  for (int round = 0; round < rounds; round++)
    {
      Sample lento, bare;
      double rss;

      if (!run_once (display, argv[1], &lento) || !run_once (display, argv[2], &bare))
        return 1;

      g_array_append_val (lento_ms, lento.ms);
      g_array_append_val (bare_ms, bare.ms);
      rss = lento.rss_kib;
      g_array_append_val (lento_rss, rss);
      rss = bare.rss_kib;
      g_array_append_val (bare_rss, rss);
    }

  {
    double lento_median = lento_bench_median ((double *) lento_ms->data, lento_ms->len);
    double bare_median = lento_bench_median ((double *) bare_ms->data, bare_ms->len);

    g_print ("first_window_ms_lento %.1f\n", lento_median);
    g_print ("first_window_ms_bare %.1f\n", bare_median);
    g_print ("first_window_ratio %.3f\n", lento_median / bare_median);
    g_print ("rss_kib_lento %.0f\n", lento_bench_median ((double *) lento_rss->data, lento_rss->len));
    g_print ("rss_kib_bare %.0f\n", lento_bench_median ((double *) bare_rss->data, bare_rss->len));
  }

  XCloseDisplay (display);
  return 0;
}
