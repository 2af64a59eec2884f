/* lento-test-ui.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-ui"

#include "config.h"

#include <adwaita.h>

#include "lento-test-ui.h"

/* Widget tests share these steps: set up GTK and libadwaita, wait until a
 * window has really been drawn, and keep a picture of it for a person to
 * look at under _build/screenshots.
 */
void
lento_test_ui_init (int    *argc,
                    char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* What GtkApplication does at start-up for the real app. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/lento/Lento/icons");
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
lento_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *frame_clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_true (GTK_IS_WIDGET (widget));

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  /* Two frames: the first lays out what the mapping changed, the second
   * draws what a size change (a revealed switcher bar) caused.
   */
  frame_clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  for (guint frame = 0; frame < 2; frame++)
    {
      painted = FALSE;
      gtk_widget_queue_draw (widget);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (frame_clock, handler);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
lento_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *png_name = NULL;
  GskRenderer *renderer;
  const char *build_dir;
  int width, height;

  lento_test_wait_for_draw (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  build_dir = g_getenv ("LENTO_BUILD_DIR");
  directory = g_build_filename (build_dir != NULL ? build_dir : ".", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);

  png_name = g_strconcat (name, ".png", NULL);
  filename = g_build_filename (directory, png_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, filename));
  g_test_message ("Saved %s", filename);
}
