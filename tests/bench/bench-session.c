/* bench-session.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-bench"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include <adwaita.h>

#include "lento-breathing-pacer.h"
#include "lento-session-view.h"
#include "lento-test-practice.h"

/* Prints one "metric value" line per figure of the session benchmark:
 *
 *   cpu_percent_visible  CPU time of this process over 10 s of wall time,
 *                        with a session running and the breathing guide
 *                        animating in a shown window (goal: at most 5)
 *   cpu_percent_hidden   the same over 10 s with the window hidden, so
 *                        unmapped (goal: at most 0.5)
 *   drift_ms_60s         how far the session's elapsed time is from
 *                        CLOCK_BOOTTIME after 60 s of real time (goal: at
 *                        most 20)
 *
 * and, to read the first two, frames_visible and frames_hidden: how many
 * frames the window painted in each.
 *
 * The session runs on the real clock, in a practice on a new, empty
 * journal of its own. The first phase of the session the plan gives there
 * (settle and breathe) lasts three minutes, so the guide breathes
 * throughout.
 * A window is hidden rather than minimised because Xvfb has no window
 * manager to minimise it; for GTK both mean the same: unmapped.
 *
 * The renderer. The first line, "renderer", names the GSK renderer the
 * window got. build-aux/bench runs this program twice: first with
 * GSK_RENDERER=cairo, whose figures are the ones that count, then with
 * GTK's default renderer and --default-renderer, which prints only the
 * CPU figures, with "_default_renderer" after their names. Under Xvfb the
 * default renderer is GL on Mesa's llvmpipe: a GPU emulated on the CPU,
 * which repaints the whole window at every frame (no buffer age), so more
 * than three quarters of its CPU time is spent inside Mesa rasterising
 * pixels that a real desktop's GPU would draw. The cairo renderer keeps
 * everything on the CPU too, but redraws only what changed, so its figure
 * is the cost of what Lento itself asks for. Both are printed so that
 * neither hides the other; README.md says the same.
 */

#define MEASURE_SECONDS 10
#define DRIFT_SECONDS 60

static gint64
boottime_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_BOOTTIME, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
cpu_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return ((gint64) usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gboolean
done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the boot time reaches @until. */
static void
run_until (gint64 until)
{
  while (boottime_usec () < until)
    {
      gboolean done = FALSE;
      guint ms = MAX (1, (until - boottime_usec ()) / 1000);

      g_timeout_add (ms, done_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
count_cb (GdkFrameClock *frame_clock,
          guint         *count)
{
  (*count)++;
}

/* Runs the main loop for MEASURE_SECONDS and returns the share of one CPU
 * the process used meanwhile, in percent.
 */
static double
measure_cpu (GtkWidget *window,
             guint     *frames)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);
  gulong handler = 0;
  gint64 wall_start, cpu_start;

  *frames = 0;
  if (frame_clock != NULL)
    handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (count_cb), frames);

  wall_start = boottime_usec ();
  cpu_start = cpu_usec ();
  run_until (wall_start + MEASURE_SECONDS * G_USEC_PER_SEC);

  if (handler != 0)
    g_signal_handler_disconnect (frame_clock, handler);

  return 100.0 * (cpu_usec () - cpu_start) / (boottime_usec () - wall_start);
}

static GtkWidget *
find_pacer (GtkWidget *widget)
{
  if (LENTO_IS_BREATHING_PACER (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_pacer (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  LentoPractice *practice;
  LentoSessionView *view;
  LentoSession *session;
  GtkWindow *window;
  GtkWidget *pacer;
  gint64 start, elapsed, real;
  double visible, hidden;
  guint frames_visible, frames_hidden;
  gboolean default_renderer = argc > 1 && g_str_equal (argv[1], "--default-renderer");
  const char *suffix = default_renderer ? "_default_renderer" : "";

  gtk_init ();
  adw_init ();

  practice = lento_test_practice_new (NULL, &data_dir);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 420, 720);
  view = LENTO_SESSION_VIEW (lento_session_view_new (FALSE));
  lento_session_view_set_practice (view, practice);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  printf ("renderer%s %s\n", suffix,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* Whatever the weekday, a session starts: on a rest day, on purpose. */
  start = boottime_usec ();
  if (!lento_practice_start_session (practice, TRUE))
    g_error ("The session did not start");
  session = lento_session_view_get_session (view);

  /* A second for the page to settle before anything is measured. */
  run_until (start + G_USEC_PER_SEC);
  pacer = find_pacer (GTK_WIDGET (view));
  printf ("pacer_animating %d\n",
          pacer != NULL && lento_breathing_pacer_get_animating (LENTO_BREATHING_PACER (pacer)));

  visible = measure_cpu (GTK_WIDGET (window), &frames_visible);
  printf ("cpu_percent_visible%s %.2f\n", suffix, visible);
  printf ("frames_visible%s %u\n", suffix, frames_visible);
  fflush (stdout);

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  hidden = measure_cpu (GTK_WIDGET (window), &frames_hidden);
  printf ("cpu_percent_hidden%s %.2f\n", suffix, hidden);
  printf ("frames_hidden%s %u\n", suffix, frames_hidden);
  printf ("ticking_hidden%s %d\n", suffix, lento_session_view_get_ticking (view));
  fflush (stdout);

  /* The drift does not depend on the renderer: measured once. */
  if (default_renderer)
    {
      gtk_window_destroy (window);
      lento_test_practice_free (practice, g_steal_pointer (&data_dir));
      return 0;
    }

  run_until (start + DRIFT_SECONDS * G_USEC_PER_SEC);
  elapsed = lento_session_get_total_elapsed (session);
  real = boottime_usec () - start;
  printf ("drift_ms_60s %.2f\n", ABS (real - elapsed) / 1000.0);

  gtk_window_destroy (window);
  lento_test_practice_free (practice, g_steal_pointer (&data_dir));

  return 0;
}
