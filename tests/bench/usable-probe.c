/* usable-probe.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preloaded into Lento by bench-startup to find the moment a returning
 * person can use it: the end of the first frame that drew the main page
 * with what the view in front is for, the newest rows of the Journal or
 * today's plan. Lento knows nothing of it.
 *
 * The probe takes the first window Lento presents and, after each frame
 * it paints, looks for a Journal row or the Plan's page of today on
 * screen. Then, with LENTO_USABLE_FD set, it writes one byte to that file
 * descriptor, for bench-startup to take the time; with LENTO_USABLE_CALLGRIND
 * set (and callgrind's header at build time), it has callgrind write out
 * the instructions counted so far and ends the program there.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtk/gtk.h>

#ifdef HAVE_CALLGRIND
#include <valgrind/callgrind.h>
#endif

void gtk_window_present (GtkWindow *window);

static gboolean watching;
static gboolean reported;

/* A row of the Journal, or the Plan with today's recommendation, mapped. */
static gboolean
shows_content (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (g_str_equal (type, "LentoJournalRow"))
    return gtk_widget_get_width (widget) > 0;
  if (GTK_IS_STACK (widget) && gtk_widget_get_parent (widget) != NULL
      && g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), "LentoPlanView"))
    return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (widget)), "plan") == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_content (child))
      return TRUE;

  return FALSE;
}

static void
report (void)
{
  const char *fd = g_getenv ("LENTO_USABLE_FD");

  reported = TRUE;
#ifdef HAVE_CALLGRIND
  if (g_getenv ("LENTO_USABLE_CALLGRIND") != NULL)
    {
      CALLGRIND_DUMP_STATS;
      _exit (0);
    }
#endif
  if (fd != NULL)
    {
      char byte = 'u';

      if (write (atoi (fd), &byte, 1) != 1)
        _exit (3);
    }
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  if (!reported && shows_content (window))
    report ();
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

void
gtk_window_present (GtkWindow *window)
{
  void (*real_present) (GtkWindow *) = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT,
                                                                       "gtk_window_present");

  if (!watching)
    {
      watching = TRUE;
      if (gtk_widget_get_realized (GTK_WIDGET (window)))
        realize_cb (GTK_WIDGET (window));
      else
        g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
    }

  real_present (window);
}
