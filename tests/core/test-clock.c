/* test-clock.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-clock"

#include "config.h"

#include <string.h>

#include "lento-clock.h"
#include "lento-fake-clock.h"

#define SEC G_GINT64_CONSTANT (1000000)

typedef struct
{
  LentoClock *clock;
  GString *log;
  gint64 t0;
  gboolean fired;
  GMainLoop *loop;
} Fixture;

static void
log_alarm_cb (gpointer user_data)
{
  Fixture *f = user_data;

  g_string_append_printf (f->log, "%" G_GINT64_FORMAT " ",
                          (lento_clock_now (f->clock) - f->t0) / SEC);
}

static void
quit_alarm_cb (gpointer user_data)
{
  Fixture *f = user_data;

  f->fired = TRUE;
  g_main_loop_quit (f->loop);
}

static void
never_alarm_cb (gpointer user_data)
{
  g_assert_not_reached ();
}

static gboolean
quit_timeout_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_clock_new_destroy (void)
{
  LentoClock *clock = lento_clock_new ();
  LentoFakeClock *fake = lento_fake_clock_new ();

  g_assert_true (LENTO_IS_CLOCK (clock));
  g_assert_true (LENTO_IS_CLOCK (fake));

  /* Pending alarms must not keep either clock alive or leak. */
  lento_clock_add_alarm (clock, lento_clock_now (clock) + 60 * SEC, never_alarm_cb, NULL);
  lento_clock_add_alarm (LENTO_CLOCK (fake), 0, never_alarm_cb, NULL);

  g_assert_finalize_object (clock);
  g_assert_finalize_object (fake);
}

static void
test_clock_real_readings (void)
{
  g_autoptr(LentoClock) clock = lento_clock_new ();
  gint64 boot1 = lento_clock_now (clock);
  gint64 mono1 = lento_clock_now_monotonic (clock);
  gint64 real1 = lento_clock_now_real (clock);
  const char *boot_id = lento_clock_get_boot_id (clock);
  gint64 boot2;

  /* Boot time includes every suspend, so it is never behind monotonic. */
  g_assert_cmpint (boot1, >, 0);
  g_assert_cmpint (boot1, >=, mono1 - SEC / 1000);
  g_assert_cmpint (real1, >, G_GINT64_CONSTANT (1600000000) * SEC);

  g_usleep (2000);
  boot2 = lento_clock_now (clock);
  g_assert_cmpint (boot2 - boot1, >=, 2000);
  g_assert_cmpint (boot2 - boot1, <, 2 * SEC);

  g_assert_nonnull (boot_id);
  g_assert_cmpuint (strlen (boot_id), >, 0);
  g_assert_cmpstr (boot_id, ==, lento_clock_get_boot_id (clock));
  g_assert_true (lento_clock_get_default () == lento_clock_get_default ());
}

static void
test_clock_real_alarm_fires (void)
{
  Fixture f = { 0 };
  gint64 deadline;
  guint guard;

  f.clock = lento_clock_new ();
  f.loop = g_main_loop_new (NULL, FALSE);
  deadline = lento_clock_now (f.clock) + 50 * 1000;

  g_assert_cmpuint (lento_clock_add_alarm (f.clock, deadline, quit_alarm_cb, &f), !=, 0);
  guard = g_timeout_add_seconds (5, quit_timeout_cb, f.loop);
  g_main_loop_run (f.loop);
  g_source_remove (guard);

  g_assert_true (f.fired);
  g_assert_cmpint (lento_clock_now (f.clock), >=, deadline);
  /* Generous, for a loaded test machine; the benchmark measures drift. */
  g_assert_cmpint (lento_clock_now (f.clock) - deadline, <, SEC);

  g_main_loop_unref (f.loop);
  g_assert_finalize_object (f.clock);
}

static void
test_clock_real_alarm_in_the_past (void)
{
  Fixture f = { 0 };
  guint guard;

  f.clock = lento_clock_new ();
  f.loop = g_main_loop_new (NULL, FALSE);

  lento_clock_add_alarm (f.clock, lento_clock_now (f.clock) - 10 * SEC, quit_alarm_cb, &f);
  guard = g_timeout_add_seconds (5, quit_timeout_cb, f.loop);
  g_main_loop_run (f.loop);
  g_source_remove (guard);

  g_assert_true (f.fired);

  g_main_loop_unref (f.loop);
  g_assert_finalize_object (f.clock);
}

static void
test_clock_real_alarm_removed (void)
{
  g_autoptr(LentoClock) clock = lento_clock_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint id;

  id = lento_clock_add_alarm (clock, lento_clock_now (clock) + 20 * 1000, never_alarm_cb, NULL);
  lento_clock_remove_alarm (clock, id);
  /* Removing twice, or an id that never was, is harmless. */
  lento_clock_remove_alarm (clock, id);
  lento_clock_remove_alarm (clock, 9999);

  g_timeout_add (100, quit_timeout_cb, loop);
  g_main_loop_run (loop);
}

static void
test_clock_fake_advance_orders_alarms (void)
{
  Fixture f = { 0 };
  LentoFakeClock *fake = lento_fake_clock_new ();

  f.clock = LENTO_CLOCK (fake);
  f.log = g_string_new (NULL);
  f.t0 = lento_clock_now (f.clock);

  lento_clock_add_alarm (f.clock, f.t0 + 3 * SEC, log_alarm_cb, &f);
  lento_clock_add_alarm (f.clock, f.t0 + 1 * SEC, log_alarm_cb, &f);
  lento_clock_add_alarm (f.clock, f.t0 + 7 * SEC, log_alarm_cb, &f);
  lento_clock_add_alarm (f.clock, f.t0 + 2 * SEC, log_alarm_cb, &f);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (fake), ==, 4);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (fake), ==, f.t0 + SEC);

  /* Each alarm sees the clock at its own deadline, as a real timer would. */
  lento_fake_clock_advance (fake, 5 * SEC);
  g_assert_cmpstr (f.log->str, ==, "1 2 3 ");
  g_assert_cmpint (lento_clock_now (f.clock) - f.t0, ==, 5 * SEC);
  g_assert_cmpint (lento_clock_now_monotonic (f.clock) - f.t0, ==, 5 * SEC);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (fake), ==, 1);

  lento_fake_clock_advance_monotonic (fake, 2 * SEC);
  g_assert_cmpstr (f.log->str, ==, "1 2 3 7 ");
  g_assert_cmpint (lento_fake_clock_get_next_deadline (fake), ==, -1);

  g_string_free (f.log, TRUE);
  g_assert_finalize_object (fake);
}

static void
test_clock_fake_suspend (void)
{
  Fixture f = { 0 };
  LentoFakeClock *fake = lento_fake_clock_new ();
  gint64 mono0;
  gint64 real0;

  f.clock = LENTO_CLOCK (fake);
  f.log = g_string_new (NULL);
  f.t0 = lento_clock_now (f.clock);
  mono0 = lento_clock_now_monotonic (f.clock);
  real0 = lento_clock_now_real (f.clock);

  lento_clock_add_alarm (f.clock, f.t0 + 10 * SEC, log_alarm_cb, &f);
  lento_clock_add_alarm (f.clock, f.t0 + 20 * SEC, log_alarm_cb, &f);
  lento_clock_add_alarm (f.clock, f.t0 + 90 * SEC, log_alarm_cb, &f);

  /* Asleep for a minute: both due alarms fire late, at wake-up. */
  lento_fake_clock_advance_boottime (fake, 60 * SEC);
  g_assert_cmpstr (f.log->str, ==, "60 60 ");
  g_assert_cmpint (lento_clock_now_monotonic (f.clock), ==, mono0);
  g_assert_cmpint (lento_clock_now_real (f.clock) - real0, ==, 60 * SEC);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (fake), ==, 1);

  g_string_free (f.log, TRUE);
  g_assert_finalize_object (fake);
}

static void
rearm_alarm_cb (gpointer user_data)
{
  Fixture *f = user_data;

  log_alarm_cb (f);
  if (f->log->len < 6)
    lento_clock_add_alarm (f->clock, lento_clock_now (f->clock) + SEC, rearm_alarm_cb, f);
}

static void
test_clock_fake_alarm_adds_alarm (void)
{
  Fixture f = { 0 };
  LentoFakeClock *fake = lento_fake_clock_new ();

  f.clock = LENTO_CLOCK (fake);
  f.log = g_string_new (NULL);
  f.t0 = lento_clock_now (f.clock);

  /* An alarm that sets the next one, as a session does, keeps going within
   * a single advance.
   */
  lento_clock_add_alarm (f.clock, f.t0 + SEC, rearm_alarm_cb, &f);
  lento_fake_clock_advance (fake, 10 * SEC);
  g_assert_cmpstr (f.log->str, ==, "1 2 3 ");
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (fake), ==, 0);

  g_string_free (f.log, TRUE);
  g_assert_finalize_object (fake);
}

static void
count_cb (LentoClock *clock,
          guint      *count)
{
  (*count)++;
}

static void
test_clock_fake_changed_and_reboot (void)
{
  LentoFakeClock *fake = lento_fake_clock_new_full (500 * SEC, 400 * SEC, 7000 * SEC);
  LentoClock *clock = LENTO_CLOCK (fake);
  g_autofree char *boot_id = g_strdup (lento_clock_get_boot_id (clock));
  guint changed = 0;

  g_assert_cmpint (lento_clock_now (clock), ==, 500 * SEC);
  g_assert_cmpint (lento_clock_now_monotonic (clock), ==, 400 * SEC);
  g_assert_cmpint (lento_clock_now_real (clock), ==, 7000 * SEC);

  g_signal_connect (clock, "changed", G_CALLBACK (count_cb), &changed);

  lento_fake_clock_advance (fake, SEC);
  lento_fake_clock_advance_boottime (fake, SEC);
  lento_fake_clock_advance_real (fake, -3600 * SEC);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (lento_clock_now (clock), ==, 502 * SEC);
  g_assert_cmpint (lento_clock_now_real (clock), ==, (7002 - 3600) * SEC);

  lento_clock_add_alarm (clock, lento_clock_now (clock) + SEC, never_alarm_cb, NULL);
  lento_fake_clock_reboot (fake, 100 * SEC);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpstr (lento_clock_get_boot_id (clock), !=, boot_id);
  g_assert_cmpint (lento_clock_now (clock), <, 500 * SEC);
  g_assert_cmpint (lento_clock_now_real (clock), >=, (7002 - 3600 + 100) * SEC);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (fake), ==, 0);
  lento_fake_clock_advance (fake, 10 * SEC);

  g_assert_finalize_object (fake);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/clock/new-destroy", test_clock_new_destroy);
  g_test_add_func ("/lento/clock/real-readings", test_clock_real_readings);
  g_test_add_func ("/lento/clock/real-alarm-fires", test_clock_real_alarm_fires);
  g_test_add_func ("/lento/clock/real-alarm-in-the-past", test_clock_real_alarm_in_the_past);
  g_test_add_func ("/lento/clock/real-alarm-removed", test_clock_real_alarm_removed);
  g_test_add_func ("/lento/clock/fake-advance-orders-alarms",
                   test_clock_fake_advance_orders_alarms);
  g_test_add_func ("/lento/clock/fake-suspend", test_clock_fake_suspend);
  g_test_add_func ("/lento/clock/fake-alarm-adds-alarm", test_clock_fake_alarm_adds_alarm);
  g_test_add_func ("/lento/clock/fake-changed-and-reboot", test_clock_fake_changed_and_reboot);

  return g_test_run ();
}
