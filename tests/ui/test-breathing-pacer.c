/* test-breathing-pacer.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-breathing-pacer"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lento-breathing-pacer.h"
#include "lento-test-ui.h"

static GtkWindow *
make_window (LentoBreathingPacer **pacer)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *pacer = LENTO_BREATHING_PACER (lento_breathing_pacer_new ());
  gtk_window_set_child (window, GTK_WIDGET (*pacer));
  gtk_window_set_default_size (window, 320, 380);

  return window;
}

static void
count_cb (GdkFrameClock *frame_clock,
          guint         *count)
{
  (*count)++;
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms of real time and counts the frames the
 * window painted meanwhile.
 */
static guint
run_and_count_frames (GtkWidget *widget,
                      guint      ms)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gboolean done = FALSE;
  guint frames = 0;
  gulong handler;

  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (count_cb), &frames);
  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);

  return frames;
}

static void
test_pacer_new_destroy (void)
{
  GtkWidget *pacer = lento_breathing_pacer_new ();

  g_object_ref_sink (pacer);
  lento_breathing_pacer_set_running (LENTO_BREATHING_PACER (pacer), TRUE);
  /* Not mapped: nothing may be scheduled, even when running. */
  g_assert_false (lento_breathing_pacer_get_animating (LENTO_BREATHING_PACER (pacer)));
  g_assert_finalize_object (pacer);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_pacer_rhythm_and_presets (void)
{
  LentoBreathingPacer *pacer = LENTO_BREATHING_PACER (lento_breathing_pacer_new ());
  guint notified = 0;
  guint inhale_ms, exhale_ms;

  g_object_ref_sink (pacer);
  g_signal_connect (pacer, "notify::preset", G_CALLBACK (count_notify_cb), &notified);

  /* Four seconds in, six out, unless a person picks otherwise. */
  g_assert_cmpuint (lento_breathing_pacer_get_inhale_ms (pacer), ==, 4000);
  g_assert_cmpuint (lento_breathing_pacer_get_exhale_ms (pacer), ==, 6000);
  g_assert_cmpint (lento_breathing_pacer_get_preset (pacer), ==, LENTO_BREATHING_PRESET_GENTLE);

  lento_breathing_pacer_set_preset (pacer, LENTO_BREATHING_PRESET_EVEN);
  g_assert_cmpuint (lento_breathing_pacer_get_inhale_ms (pacer), ==, 5000);
  g_assert_cmpuint (lento_breathing_pacer_get_exhale_ms (pacer), ==, 5000);
  g_assert_cmpuint (notified, ==, 1);

  /* A rhythm that matches no preset is the person's own. */
  lento_breathing_pacer_set_rhythm (pacer, 4500, 7000);
  g_assert_cmpint (lento_breathing_pacer_get_preset (pacer), ==, LENTO_BREATHING_PRESET_CUSTOM);
  g_assert_cmpuint (notified, ==, 2);

  /* A rhythm that matches one is that preset again. */
  g_object_set (pacer, "inhale-ms", 6000, "exhale-ms", 8000, NULL);
  g_assert_cmpint (lento_breathing_pacer_get_preset (pacer), ==, LENTO_BREATHING_PRESET_SLOW);

  g_assert_false (lento_breathing_preset_get_rhythm (LENTO_BREATHING_PRESET_CUSTOM, NULL, NULL));
  g_assert_true (lento_breathing_preset_get_rhythm (LENTO_BREATHING_PRESET_SHORT,
                                                    &inhale_ms, &exhale_ms));
  g_assert_cmpuint (inhale_ms, <, exhale_ms);

  for (guint preset = LENTO_BREATHING_PRESET_CUSTOM; preset <= LENTO_BREATHING_PRESET_SHORT;
       preset++)
    g_assert_cmpuint (strlen (lento_breathing_preset_get_label (preset)), >, 0);

  g_assert_finalize_object (pacer);
}

static void
test_pacer_ticks_only_when_mapped_and_running (void)
{
  LentoBreathingPacer *pacer;
  GtkWindow *window = make_window (&pacer);
  guint frames;

  gtk_window_present (window);
  lento_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (lento_breathing_pacer_get_reduced_motion (pacer));

  /* Mapped, resting: still, and no frames at all. */
  g_assert_false (lento_breathing_pacer_get_animating (pacer));
  g_assert_cmpuint (run_and_count_frames (GTK_WIDGET (window), 300), <=, 1);

  /* Running: a new picture each time the edge has moved a pixel, and
   * never more than twenty a second. The breath starts slowly, so the
   * first 1.5 s of an in-breath hold a handful, not one per refresh.
   */
  lento_breathing_pacer_set_running (pacer, TRUE);
  g_assert_true (lento_breathing_pacer_get_animating (pacer));
  frames = run_and_count_frames (GTK_WIDGET (window), 1500);
  g_assert_cmpuint (frames, >=, 5);
  g_assert_cmpuint (frames, <=, 1500 / 50 + 2);
  lento_test_save_screenshot (GTK_WIDGET (window), "breathing-pacer");

  /* Hidden while running: the frame timeout goes. */
  gtk_widget_set_visible (GTK_WIDGET (pacer), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pacer)));
  g_assert_false (lento_breathing_pacer_get_animating (pacer));

  gtk_widget_set_visible (GTK_WIDGET (pacer), TRUE);
  lento_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (lento_breathing_pacer_get_animating (pacer));

  lento_breathing_pacer_set_running (pacer, FALSE);
  g_assert_false (lento_breathing_pacer_get_animating (pacer));

  gtk_window_destroy (window);
}

static void
test_pacer_breath_follows_rhythm (void)
{
  LentoBreathingPacer *pacer;
  GtkWindow *window = make_window (&pacer);
  g_autofree char *in_text = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *rest_text = NULL;

  gtk_window_present (window);
  lento_test_wait_for_draw (GTK_WIDGET (window));
  rest_text = lento_breathing_pacer_dup_text (pacer);

  lento_breathing_pacer_set_rhythm (pacer, 1000, 1000);
  lento_breathing_pacer_set_running (pacer, TRUE);

  /* Each start begins with an in-breath. */
  g_assert_cmpint (lento_breathing_pacer_get_breath (pacer), ==, LENTO_BREATH_IN);
  in_text = lento_breathing_pacer_dup_text (pacer);

  run_and_count_frames (GTK_WIDGET (window), 1300);
  g_assert_cmpint (lento_breathing_pacer_get_breath (pacer), ==, LENTO_BREATH_OUT);
  out_text = lento_breathing_pacer_dup_text (pacer);

  /* Three different sentences: resting, breathing in, breathing out. */
  g_assert_cmpstr (in_text, !=, out_text);
  g_assert_cmpstr (in_text, !=, rest_text);
  g_assert_cmpstr (out_text, !=, rest_text);

  gtk_window_destroy (window);
}

static void
test_pacer_reduced_motion (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LentoBreathingPacer *pacer;
  GtkWindow *window = make_window (&pacer);
  g_autofree char *text = NULL;

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);

  gtk_window_present (window);
  lento_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (lento_breathing_pacer_get_reduced_motion (pacer));

  /* Running without animations: a countdown that wakes once a second, not
   * a frame every refresh.
   */
  lento_breathing_pacer_set_running (pacer, TRUE);
  g_assert_true (lento_breathing_pacer_get_animating (pacer));
  text = lento_breathing_pacer_dup_text (pacer);
  g_assert_true (g_str_has_prefix (text, "4 "));
  g_assert_nonnull (strstr (text, "pelvic floor"));
  g_assert_cmpuint (run_and_count_frames (GTK_WIDGET (window), 500), <=, 2);
  lento_test_save_screenshot (GTK_WIDGET (window), "breathing-pacer-countdown");

  gtk_widget_set_visible (GTK_WIDGET (pacer), FALSE);
  g_assert_false (lento_breathing_pacer_get_animating (pacer));
  gtk_widget_set_visible (GTK_WIDGET (pacer), TRUE);

  /* Turning animations back on switches to the moving circle at once. */
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_false (lento_breathing_pacer_get_reduced_motion (pacer));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (run_and_count_frames (GTK_WIDGET (window), 1500), >=, 5);

  gtk_window_destroy (window);
}

static void
test_pacer_accessible (void)
{
  LentoBreathingPacer *pacer = LENTO_BREATHING_PACER (lento_breathing_pacer_new ());

  g_object_ref_sink (pacer);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (pacer), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pacer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Breathing guide");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pacer),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Breathe in for 4 seconds. Breathe out for 6 seconds.");

  lento_breathing_pacer_set_rhythm (pacer, 1000, 5000);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pacer),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Breathe in for 1 second. Breathe out for 5 seconds.");

  g_assert_finalize_object (pacer);
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/breathing-pacer/new-destroy", test_pacer_new_destroy);
  g_test_add_func ("/lento/breathing-pacer/rhythm-and-presets", test_pacer_rhythm_and_presets);
  g_test_add_func ("/lento/breathing-pacer/ticks-only-when-mapped-and-running",
                   test_pacer_ticks_only_when_mapped_and_running);
  g_test_add_func ("/lento/breathing-pacer/breath-follows-rhythm",
                   test_pacer_breath_follows_rhythm);
  g_test_add_func ("/lento/breathing-pacer/reduced-motion", test_pacer_reduced_motion);
  g_test_add_func ("/lento/breathing-pacer/accessible", test_pacer_accessible);

  return g_test_run ();
}
