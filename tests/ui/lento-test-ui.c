/* lento-test-ui.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-ui"

#include "config.h"

#include <adwaita.h>

#include <glib/gi18n.h>

#include "lento-test-ui.h"

/* Widget tests share these steps: set up GTK and libadwaita, wait until a
 * window has really been drawn, and keep a picture of it for a person to
 * look at under _build/screenshots.
 */
void
lento_test_ui_init (int    *argc,
                    char ***argv)
{
  const char *build_dir = g_getenv ("LENTO_BUILD_DIR");

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* The translations as the build made them (po/<lang>/LC_MESSAGES), for
   * the tests that run in another language. */
  if (build_dir != NULL)
    {
      g_autofree char *locale_dir = g_build_filename (build_dir, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  /* What GtkApplication does at start-up for the real app. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/lento/Lento/icons");
}

/**
 * lento_test_ui_load_app_style:
 *
 * Applies Lento's own style sheet, as LentoApplication does at start-up, so
 * that a window in a test, and its screenshot, looks as it does in the app.
 */
void
lento_test_ui_load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
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

static gboolean
transition_running (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return TRUE;
  if (ADW_IS_LEAFLET (root) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (root)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;

  return FALSE;
}

/**
 * lento_test_wait_for_transitions:
 * @widget: a widget on screen
 *
 * Waits until no stack or leaflet on screen under @widget is between two
 * pages, so that a picture shows the page it names and not a crossfade.
 */
void
lento_test_wait_for_transitions (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  lento_test_wait_for_draw (widget);
  while (transition_running (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_test_wait_for_draw (widget);
}

/* What @widget shows now, drawn as it is on screen. */
static GdkTexture *
render_texture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width, height;

  lento_test_wait_for_draw (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* On a busy machine a widget can be between frames with nothing drawn
   * yet (a transition starting); a few more frames settle it. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      if (attempt > 0)
        lento_test_wait_for_draw (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
lento_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *png_name = NULL;
  const char *build_dir;

  /* A picture is of a page, never of two pages fading into each other. */
  lento_test_wait_for_transitions (widget);
  texture = render_texture (widget);
  g_assert_nonnull (texture);

  build_dir = g_getenv ("LENTO_BUILD_DIR");
  directory = g_build_filename (build_dir != NULL ? build_dir : ".", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);

  /* A name may hold a folder, such as a language: de/plan-360. */
  png_name = g_strconcat (name, ".png", NULL);
  filename = g_build_filename (directory, png_name, NULL);
  {
    g_autofree char *folder = g_path_get_dirname (filename);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  }
  g_assert_true (gdk_texture_save_to_png (texture, filename));
  g_test_message ("Saved %s", filename);
}

/**
 * lento_test_count_pixels:
 * @widget: a widget on screen
 * @color: a colour, opaque
 * @tolerance: how far each channel may be from @color, 0 to 255
 *
 * Draws @widget and counts what of it is @color: whether a chart drew its
 * marks, for instance.
 *
 * Returns: how many pixels are within @tolerance of @color
 */
guint
lento_test_count_pixels (GtkWidget     *widget,
                         const GdkRGBA *color,
                         int            tolerance)
{
  g_autoptr(GdkTexture) texture = render_texture (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  int want[3] = { color->red * 255, color->green * 255, color->blue * 255 };
  guint count = 0;

  /* GDK_MEMORY_DEFAULT: B, G, R and A, one byte each, alpha premultiplied;
   * a window's content is opaque.
   */
  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *pixel = data + y * stride + x * 4;

        if (ABS (pixel[2] - want[0]) <= tolerance && ABS (pixel[1] - want[1]) <= tolerance
            && ABS (pixel[0] - want[2]) <= tolerance)
          count++;
      }

  return count;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text,
             gboolean    shown_only)
{
  if (shown_only && !gtk_widget_get_mapped (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      if (text == NULL)
        return root;
      if (GTK_IS_BUTTON (root))
        label = gtk_button_get_label (GTK_BUTTON (root));
      else if (GTK_IS_LABEL (root))
        label = gtk_label_get_label (GTK_LABEL (root));
      else if (ADW_IS_PREFERENCES_ROW (root))
        label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      if (g_strcmp0 (label, text) == 0)
        return root;
      /* An icon button goes by its tooltip. */
      if (label == NULL && g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text, shown_only);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * lento_test_flag_timeout_cb:
 * @user_data: a gboolean to set
 *
 * A timeout that sets *@user_data to %TRUE, for a loop that waits for
 * something with a limit.
 */
gboolean
lento_test_flag_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * lento_test_find_widget:
 * @root: where to start looking
 * @type: the type of widget wanted
 * @text: (nullable): the label of the button (the tooltip of an icon
 *   button), the text of the label, or the title of the row, wanted; %NULL for the first widget
 *   of @type
 *
 * Returns: (nullable) (transfer none): the first such widget under @root,
 *   @root included, depth first
 */
GtkWidget *
lento_test_find_widget (GtkWidget  *root,
                        GType       type,
                        const char *text)
{
  return find_widget (root, type, text, FALSE);
}

/**
 * lento_test_find_shown:
 *
 * The same as lento_test_find_widget(), among the widgets on screen only.
 */
GtkWidget *
lento_test_find_shown (GtkWidget  *root,
                       GType       type,
                       const char *text)
{
  return find_widget (root, type, text, TRUE);
}

/**
 * lento_test_resize:
 * @window: a presented window
 * @width: the width the content should have
 * @height: the height the content should have
 *
 * Resizes @window so that its content, without the frame that the default
 * size counts, is @width by @height, and waits for it to be drawn so.
 */
void
lento_test_resize (GtkWindow *window,
                   int        width,
                   int        height)
{
  int frame_width;
  int frame_height;

  gtk_window_get_default_size (window, &frame_width, &frame_height);
  frame_width -= gtk_widget_get_width (GTK_WIDGET (window));
  frame_height -= gtk_widget_get_height (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width + frame_width, height + frame_height);
  lento_test_wait_for_draw (GTK_WIDGET (window));
}

/**
 * lento_test_find_named:
 * @root: where to start looking
 * @name: a widget name, as set with the "name" property in a .ui file
 *
 * Returns: (nullable) (transfer none): the first widget called @name under
 *   @root, @root included, depth first
 */
GtkWidget *
lento_test_find_named (GtkWidget  *root,
                       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lento_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * lento_test_own_name:
 * @bus: a connection to the test's session bus
 * @name: a well-known name
 *
 * Takes @name on @bus for a stand-in service, and fails the test unless
 * the connection is now its primary owner.
 */
void
lento_test_own_name (GDBusConnection *bus,
                     const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint owned = 0;

  /* 4: DBUS_NAME_FLAG_DO_NOT_QUEUE. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", name, 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owned);
  /* 1: DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER. */
  g_assert_cmpuint (owned, ==, 1);
}

/**
 * lento_test_check_main_menu:
 * @window: a window on screen
 * @n_items: how many entries its main menu has, all sections together
 *
 * Checks the main menu on screen: it has no popover until it first opens
 * (the popover is not worth building for a window that may never open it),
 * it opens with its entries, and opening it again shows the same popover.
 */
void
lento_test_check_main_menu (GtkWindow *window,
                            guint      n_items)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (lento_test_find_shown (GTK_WIDGET (window),
                                                                  GTK_TYPE_MENU_BUTTON,
                                                                  "Main Menu"));
  GtkPopover *popover;
  GMenuModel *model;
  guint n_found = 0;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      n_found += section != NULL ? (guint) g_menu_model_get_n_items (section) : 1;
    }
  g_assert_cmpuint (n_found, ==, n_items);

  gtk_menu_button_popdown (button);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
}

/**
 * lento_test_find_message_dialog:
 *
 * Returns: (transfer none) (nullable): the message dialog shown, if any
 */
AdwMessageDialog *
lento_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}
