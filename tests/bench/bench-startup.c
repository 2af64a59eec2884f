/* bench-startup.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up time and memory of Lento against a bare libadwaita window.
 *
 * Usage: bench-startup LENTO BARE_WINDOW [ROUNDS]
 *
 * The two programs are started alternately under the same X display and
 * renderer. The time is measured from just before exec to the X server's
 * MapNotify for the program's first top-level window, so neither program
 * reports on itself. RSS is read from /proc two seconds after the window shows.
 * Prints one "metric value" line per figure.
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

#include "lento-test-support.h"

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

  if (argc < 3)
    {
      g_printerr ("Usage: %s LENTO BARE_WINDOW [ROUNDS]\n", argv[0]);
      return 2;
    }
  rounds = argc > 3 ? atoi (argv[3]) : 10;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("No X display: run this under build-aux/bench\n");
      return 2;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

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
