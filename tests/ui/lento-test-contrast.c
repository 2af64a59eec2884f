/* lento-test-contrast.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-contrast"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "lento-test-contrast.h"

/* The contrast of text as it is drawn, whatever CSS made its colour: the
 * window is drawn twice, once as it is and once with every label left out,
 * and for each label the strongest difference between the two pictures
 * inside it is the contrast of its text against what lies behind it
 * (WCAG 2.1 relative luminance). While it measures, labels are drawn large
 * and black-weight by a stylesheet of the test's own, so that their glyphs
 * have solid pixels that anti-aliasing does not lighten; their colour and
 * opacity stay those of Lento's and libadwaita's stylesheets.
 */

#define MIN_CONTRAST 4.5
#define MIN_DRAWN_PIXELS 50

typedef struct {
  guchar *data;
  gsize   stride;
  int     width;
  int     height;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->data, g_free);
}

static void
draw (GtkWidget *window,
      Picture   *picture)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (window));

  picture->width = gtk_widget_get_width (window);
  picture->height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), picture->width, picture->height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, picture->width,
                                                              picture->height));
  picture->stride = 4 * (gsize) picture->width;
  picture->data = g_malloc (picture->stride * picture->height);
  /* Cairo's ARGB32: premultiplied, in the machine's byte order. */
  gdk_texture_download (texture, picture->data, picture->stride);
}

static double
channel (guint value)
{
  double c = value / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (guint32 argb)
{
  return 0.2126 * channel ((argb >> 16) & 0xff)
         + 0.7152 * channel ((argb >> 8) & 0xff)
         + 0.0722 * channel (argb & 0xff);
}

static double
ratio (guint32 a,
       guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static guint32
pixel (const Picture *picture,
       int            x,
       int            y)
{
  return *(const guint32 *) (picture->data + y * picture->stride + 4 * (gsize) x);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_opacity (widget) < 1)
    return;
  /* libadwaita 1.2's view switcher draws each tab's label twice, one of
   * the two fading, and both under its own style, not Lento's. */
  if (ADW_IS_VIEW_SWITCHER (widget))
    return;

  /* Text of a control that is off needs no contrast (WCAG 1.4.3). */
  if (GTK_IS_LABEL (widget) && gtk_widget_is_sensitive (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

      if (text[0] != '\0')
        g_ptr_array_add (labels, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The contrast of @label's text, or 0 when none of it is on screen. */
static double
label_contrast (GtkWidget     *window,
                GtkWidget     *label,
                const Picture *with,
                const Picture *without)
{
  graphene_rect_t bounds;
  double best = 0;
  guint drawn = 0;
  int x0, y0, x1, y1;

  if (!gtk_widget_compute_bounds (label, window, &bounds))
    return 0;

  x0 = MAX (0, (int) floor (bounds.origin.x));
  y0 = MAX (0, (int) floor (bounds.origin.y));
  x1 = MIN (with->width, (int) ceil (bounds.origin.x + bounds.size.width));
  y1 = MIN (with->height, (int) ceil (bounds.origin.y + bounds.size.height));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 a = pixel (with, x, y), b = pixel (without, x, y);

        /* The window's transparent corners and shadow are no background. */
        if ((a >> 24) != 0xff || (b >> 24) != 0xff || a == b)
          continue;
        drawn++;
        best = MAX (best, ratio (a, b));
      }

  /* A label laid out but not drawn (the other page of a switcher's tab, a
   * title squeezed out) changes a stray pixel at most; a drawn one, at
   * this size, hundreds.
   */
  return drawn >= MIN_DRAWN_PIXELS ? best : 0;
}

static void
check_scheme (GtkWidget      *window,
              const char     *what,
              AdwColorScheme  scheme,
              const char     *scheme_name,
              GString        *failures)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *opacities = NULL;
  Picture with = { NULL, }, without = { NULL, };
  double lowest = G_MAXDOUBLE;
  const char *lowest_text = "";
  guint measured = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  lento_test_wait_for_draw (window);

  collect_labels (window, labels);
  draw (window, &with);
  opacities = g_new (double, labels->len);
  for (guint i = 0; i < labels->len; i++)
    {
      opacities[i] = gtk_widget_get_opacity (labels->pdata[i]);
      gtk_widget_set_opacity (labels->pdata[i], 0);
    }
  lento_test_wait_for_draw (window);
  draw (window, &without);
  for (guint i = 0; i < labels->len; i++)
    gtk_widget_set_opacity (labels->pdata[i], opacities[i]);
  lento_test_wait_for_draw (window);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      double contrast = label_contrast (window, label, &with, &without);

      /* Scrolled out of sight, covered, or not drawn. */
      if (contrast == 0)
        continue;
      measured++;
      if (contrast < lowest)
        {
          lowest = contrast;
          lowest_text = gtk_label_get_text (GTK_LABEL (label));
        }
      if (contrast < MIN_CONTRAST)
        g_string_append_printf (failures, "\n  %s, %s: %.2f:1 for “%s” (%s)", what, scheme_name,
                                contrast, gtk_label_get_text (GTK_LABEL (label)),
                                gtk_widget_get_css_name (gtk_widget_get_parent (label)));
    }

  g_test_message ("contrast: %s, %s: %u texts, the lowest %.2f:1 (“%s”)", what, scheme_name,
                  measured, measured > 0 ? lowest : 0.0, lowest_text);
  picture_clear (&with);
  picture_clear (&without);
}

/**
 * lento_test_check_contrast:
 * @window: a window on screen, showing what is to be measured
 * @what: what it shows, for the messages
 *
 * Fails unless every text in @window has a contrast of at least 4.5:1
 * against what is behind it, in the light style and in the dark.
 */
void
lento_test_check_contrast (GtkWidget  *window,
                           const char *what)
{
  g_autoptr(GtkCssProvider) app = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) large = gtk_css_provider_new ();
  g_autoptr(GString) failures = g_string_new (NULL);
  GdkDisplay *display = gtk_widget_get_display (window);
  GtkSettings *settings = gtk_widget_get_settings (window);
  gboolean animations;

  /* A change of style fades colours in over a few frames (a suggested
   * button's blue, a switcher's label); on a busy machine a picture can
   * catch them half way. Without animations they change at once.
   */
  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  /* Nor half way between two pages, if a transition had begun before. */
  lento_test_wait_for_transitions (window);

  /* Lento's own style, as AdwApplication loads it in the app. */
  gtk_css_provider_load_from_resource (app, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (app),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_css_provider_load_from_data (large, "label { font-size: 24px; font-weight: 900; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (large),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER + 1);

  check_scheme (window, what, ADW_COLOR_SCHEME_FORCE_LIGHT, "light", failures);
  check_scheme (window, what, ADW_COLOR_SCHEME_FORCE_DARK, "dark", failures);

  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (large));
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (app));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  lento_test_wait_for_draw (window);
  g_object_set (settings, "gtk-enable-animations", animations, NULL);

  if (failures->len > 0)
    g_test_fail_printf ("Text below %.1f:1:%s", MIN_CONTRAST, failures->str);
}
