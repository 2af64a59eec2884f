/* test-window.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "lento-journal-view.h"
#include "lento-plan-view.h"
#include "lento-session-view.h"
#include "lento-test-ui.h"
#include "lento-window.h"

static void
test_window_switch_views (void)
{
  static const char * const views[] = { "plan", "session", "journal" };
  LentoWindow *window = lento_window_new (NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));

  /* Start somewhere else so that each switch below is a real change. */
  lento_window_set_view (window, "journal");

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view",
                                                 "s", views[i]));
      g_assert_cmpstr (lento_window_get_view (window), ==, views[i]);
      lento_test_save_screenshot (GTK_WIDGET (window), views[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_remembers_view (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *saved_view = NULL;
  LentoWindow *window;

  g_settings_set_string (settings, "last-view", "session");
  window = lento_window_new (NULL, NULL);
  g_assert_cmpstr (lento_window_get_view (window), ==, "session");

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  lento_window_set_view (window, "journal");
  gtk_window_close (GTK_WINDOW (window));

  saved_view = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (saved_view, ==, "journal");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_narrow_shows_bottom_switcher (void)
{
  LentoWindow *window = lento_window_new (NULL, NULL);
  AdwViewSwitcherBar *bar;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  /* The picture is of the narrowest width Lento supports, frame aside. */
  lento_test_resize (GTK_WINDOW (window), 360, 640);

  bar = ADW_VIEW_SWITCHER_BAR (lento_test_find_widget (GTK_WIDGET (window),
                                                      ADW_TYPE_VIEW_SWITCHER_BAR, NULL));
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  /* It took the views' tabs when it was revealed, and shows them. */
  g_assert_nonnull (adw_view_switcher_bar_get_stack (bar));
  g_assert_nonnull (lento_test_find_shown (GTK_WIDGET (bar), GTK_TYPE_TOGGLE_BUTTON, NULL));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  lento_test_save_screenshot (GTK_WIDGET (window), "narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_wide_hides_bottom_switcher (void)
{
  LentoWindow *window = lento_window_new (NULL, NULL);
  AdwViewSwitcherBar *bar;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));

  bar = ADW_VIEW_SWITCHER_BAR (lento_test_find_widget (GTK_WIDGET (window),
                                                      ADW_TYPE_VIEW_SWITCHER_BAR, NULL));
  g_assert_nonnull (bar);
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  /* Hidden, it has no tabs to build or measure. */
  g_assert_null (adw_view_switcher_bar_get_stack (bar));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_rejects_unknown_view (void)
{
  if (g_test_subprocess ())
    {
      LentoWindow *window = lento_window_new (NULL, NULL);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "nowhere");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*There is no view called*nowhere*");
}

static void
test_window_main_menu_on_demand (void)
{
  LentoWindow *window = lento_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  /* Preferences, Keyboard Shortcuts, About Lento. */
  lento_test_check_main_menu (GTK_WINDOW (window), 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  guint painted;
  guint painted_when_icon_set;
} IconTiming;

static void
count_paint_cb (GdkFrameClock *frame_clock,
                IconTiming    *timing)
{
  timing->painted++;
}

static void
icon_set_cb (GtkWindow  *window,
             GParamSpec *pspec,
             IconTiming *timing)
{
  timing->painted_when_icon_set = timing->painted;
}

static void
test_window_icon_after_first_frame (void)
{
  LentoWindow *window = lento_window_new (NULL, NULL);
  IconTiming timing = { 0, 0 };
  gboolean timed_out = FALSE;
  gulong paint_id;
  guint timeout_id;

  g_signal_connect (window, "notify::icon-name", G_CALLBACK (icon_set_cb), &timing);
  gtk_window_present (GTK_WINDOW (window));
  paint_id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                               G_CALLBACK (count_paint_cb), &timing);
  /* Shown, and no icon rendered for it yet. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_null (gtk_window_get_icon_name (GTK_WINDOW (window)));

  timeout_id = g_timeout_add_seconds (10, lento_test_flag_timeout_cb, &timed_out);
  while (gtk_window_get_icon_name (GTK_WINDOW (window)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (window)), ==, APPLICATION_ID);
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APPLICATION_ID);
  /* The window was drawn before the icon came. */
  g_assert_cmpuint (timing.painted_when_icon_set, >=, 1);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), paint_id);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_new_destroy (void)
{
  LentoWindow *window = lento_window_new (NULL, NULL);

  g_object_ref_sink (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_shortcuts_on_demand (void)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  GtkWindow *shortcuts = NULL;
  LentoWindow *window;

  /* In an application with Lento's resources, where GtkApplication would
   * build a gtk/help-overlay.ui for every window it is given.
   */
  app = gtk_application_new ("io.github.lento.Lento.TestShortcuts", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE_PATH);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = g_object_new (LENTO_TYPE_WINDOW, "application", app, NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  /* Nothing is built for it before it is asked for. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      g_assert_false (GTK_IS_SHORTCUTS_WINDOW (toplevel));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        shortcuts = GTK_WINDOW (toplevel);
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  /* Closing hides it; asking again shows the same one. */
  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &shortcuts);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_null (shortcuts);
}

typedef GtkWidget *(*ViewNewFunc) (void);

static void
test_view_new_destroy (gconstpointer data)
{
  ViewNewFunc view_new = (ViewNewFunc) data;
  GtkWidget *view = view_new ();

  g_assert_true (ADW_IS_BIN (view));
  g_object_ref_sink (view);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/window/switch-views", test_window_switch_views);
  g_test_add_func ("/lento/window/remembers-view", test_window_remembers_view);
  g_test_add_func ("/lento/window/narrow-shows-bottom-switcher",
                   test_window_narrow_shows_bottom_switcher);
  g_test_add_func ("/lento/window/wide-hides-bottom-switcher",
                   test_window_wide_hides_bottom_switcher);
  g_test_add_func ("/lento/window/rejects-unknown-view", test_window_rejects_unknown_view);
  g_test_add_func ("/lento/window/main-menu-on-demand", test_window_main_menu_on_demand);
  g_test_add_func ("/lento/window/icon-after-first-frame", test_window_icon_after_first_frame);
  g_test_add_func ("/lento/window/new-destroy", test_window_new_destroy);
  g_test_add_func ("/lento/window/shortcuts-on-demand", test_window_shortcuts_on_demand);
  g_test_add_data_func ("/lento/plan-view/new-destroy", lento_plan_view_new, test_view_new_destroy);
  g_test_add_data_func ("/lento/journal-view/new-destroy", lento_journal_view_new,
                        test_view_new_destroy);

  return g_test_run ();
}
