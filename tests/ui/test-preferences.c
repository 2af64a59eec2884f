/* test-preferences.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lento-preferences-window.h"
#include "lento-test-ui.h"

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The Session group: sounds off until turned on, the volume greyed out
 * meanwhile, and both written to the keys LentoSessionCues reads.
 */
static void
test_cue_sounds (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *window = lento_preferences_window_new (settings, NULL);
  GtkWidget *sounds;
  GtkWidget *volume;
  GtkWidget *volume_row;

  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  sounds = find_type (GTK_WIDGET (window), GTK_TYPE_SWITCH);
  volume = find_type (GTK_WIDGET (window), GTK_TYPE_SCALE);
  g_assert_nonnull (sounds);
  g_assert_nonnull (volume);
  volume_row = gtk_widget_get_ancestor (volume, ADW_TYPE_ACTION_ROW);

  g_assert_false (g_settings_get_boolean (settings, "cue-sounds"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sounds)));
  g_assert_false (gtk_widget_get_sensitive (volume_row));

  gtk_switch_set_active (GTK_SWITCH (sounds), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "cue-sounds"));
  g_assert_true (gtk_widget_get_sensitive (volume_row));

  gtk_range_set_value (GTK_RANGE (volume), 0.25);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "cue-volume"), 0.25, 1e-9);
  lento_test_save_screenshot (GTK_WIDGET (window), "preferences-general");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "cue-sounds");
  g_settings_reset (settings, "cue-volume");
}

static void
test_privacy_page_reflects_slots (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  LentoPreferencesWindow *window;
  GtkWidget *remove_button;

  data_dir = g_dir_make_tmp ("lento-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  vault = lento_vault_new (data_dir, APPLICATION_ID);
  g_assert_true (lento_vault_open (vault, &error));
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);

  window = lento_preferences_window_new (settings, vault);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "privacy");
  lento_test_wait_for_draw (GTK_WIDGET (window));

  /* No passphrase yet: it can be set, there is nothing to remove. */
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Set…"));
  remove_button = find_button (GTK_WIDGET (window), "_Remove");
  g_assert_nonnull (remove_button);
  g_assert_false (gtk_widget_get_visible (remove_button));

  /* The auto-lock setting is the one the application reads. */
  g_settings_set_uint (settings, "auto-lock-minutes", 12);
  lento_test_save_screenshot (GTK_WIDGET (window), "preferences-privacy");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "auto-lock-minutes");
  lento_vault_close (vault);
  lento_test_remove_tree (data_dir);
}

static void
test_without_vault_hides_privacy (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *window = lento_preferences_window_new (settings, NULL);
  GtkWidget *new_code;

  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  new_code = find_button (GTK_WIDGET (window), "_New Code…");
  g_assert_true (new_code == NULL || !gtk_widget_is_drawable (new_code));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/preferences/privacy-page-reflects-slots",
                   test_privacy_page_reflects_slots);
  g_test_add_func ("/lento/preferences/cue-sounds", test_cue_sounds);
  g_test_add_func ("/lento/preferences/without-vault-hides-privacy",
                   test_without_vault_hides_privacy);

  return g_test_run ();
}
