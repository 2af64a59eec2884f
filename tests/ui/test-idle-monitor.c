/* test-idle-monitor.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-idle-monitor"

#include "config.h"

#include "lento-idle-monitor.h"
#include "lento-test-ui.h"

static void
idle_cb (LentoIdleMonitor *monitor,
         guint            *count)
{
  (*count)++;
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);
}

static void
test_idle_fires_once (void)
{
  g_autoptr(LentoIdleMonitor) monitor = lento_idle_monitor_new ();
  guint count = 0;

  g_signal_connect (monitor, "idle", G_CALLBACK (idle_cb), &count);
  lento_idle_monitor_set_timeout (monitor, 1);
  run_for (2500);
  g_assert_cmpuint (count, ==, 1);

  /* Once per quiet period: staying idle does not lock again and again. */
  run_for (1200);
  g_assert_cmpuint (count, ==, 1);

  lento_idle_monitor_reset (monitor);
  run_for (2500);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_activity_postpones (void)
{
  g_autoptr(LentoIdleMonitor) monitor = lento_idle_monitor_new ();
  guint count = 0;

  g_signal_connect (monitor, "idle", G_CALLBACK (idle_cb), &count);
  lento_idle_monitor_set_timeout (monitor, 1);
  for (guint i = 0; i < 4; i++)
    {
      run_for (500);
      lento_idle_monitor_reset (monitor);
    }
  g_assert_cmpuint (count, ==, 0);
}

static void
test_zero_is_off (void)
{
  g_autoptr(LentoIdleMonitor) monitor = lento_idle_monitor_new ();
  guint count = 0;

  g_signal_connect (monitor, "idle", G_CALLBACK (idle_cb), &count);
  lento_idle_monitor_set_timeout (monitor, 1);
  lento_idle_monitor_set_timeout (monitor, 0);
  run_for (1300);
  g_assert_cmpuint (count, ==, 0);
}

static void
test_new_destroy (void)
{
  LentoIdleMonitor *monitor = lento_idle_monitor_new ();

  lento_idle_monitor_set_timeout (monitor, 60);
  g_assert_finalize_object (monitor);
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/idle-monitor/fires-once-per-quiet-period", test_idle_fires_once);
  g_test_add_func ("/lento/idle-monitor/activity-postpones", test_activity_postpones);
  g_test_add_func ("/lento/idle-monitor/zero-is-off", test_zero_is_off);
  g_test_add_func ("/lento/idle-monitor/new-destroy", test_new_destroy);

  return g_test_run ();
}
