/* map-probe.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preloaded into a program run under callgrind by bench-startup
 * --instructions: when the program maps its first top-level window, the
 * moment bench-startup times, the probe has callgrind write out the
 * instructions counted so far and ends the program there.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <valgrind/callgrind.h>

int XMapWindow (Display *display,
                Window   window);

int
XMapWindow (Display *display,
            Window   window)
{
  int (*real_map) (Display *, Window) = (int (*) (Display *, Window)) dlsym (RTLD_NEXT,
                                                                             "XMapWindow");
  Window root, parent, *children = NULL;
  unsigned int n_children;

  /* A top-level window is a child of the root window; GTK maps the
   * windows inside it, if any, first.
   */
  if (XQueryTree (display, window, &root, &parent, &children, &n_children))
    {
      if (children != NULL)
        XFree (children);
      if (parent == root)
        {
          CALLGRIND_DUMP_STATS;
          _exit (0);
        }
    }

  return real_map (display, window);
}
