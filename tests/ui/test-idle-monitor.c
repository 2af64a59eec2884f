/* test-idle-monitor.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-idle-monitor"

#include "config.h"

#include "lento-clock.h"
#include "lento-fake-clock.h"
#include "lento-idle-monitor.h"
#include "lento-test-ui.h"

/* The monitor reads a fake clock, so each case is a timeline: time moves only
 * when the test moves it, and the "idle" signal fires from inside that move,
 * with the clock set to the exact moment it was due.
 */

#define SEC(n) ((gint64) (n) * G_USEC_PER_SEC)

typedef struct
{
  LentoFakeClock   *clock;
  LentoIdleMonitor *monitor;
  /* Boot time when the monitor was made; the cases count from there. */
  gint64            start;
  /* When each "idle" fired, in microseconds since the start. */
  GArray           *fired;
} Timeline;

static void
idle_cb (LentoIdleMonitor *monitor,
         Timeline         *t)
{
  gint64 at = lento_clock_now (LENTO_CLOCK (t->clock)) - t->start;

  g_array_append_val (t->fired, at);
}

static void
timeline_init (Timeline *t)
{
  t->clock = lento_fake_clock_new ();
  t->monitor = g_object_new (LENTO_TYPE_IDLE_MONITOR, "clock", t->clock, NULL);
  t->start = lento_clock_now (LENTO_CLOCK (t->clock));
  t->fired = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (t->monitor, "idle", G_CALLBACK (idle_cb), t);
}

static void
timeline_clear (Timeline *t)
{
  g_assert_finalize_object (t->monitor);

  /* A monitor that is gone leaves no alarm behind to call into it. */
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t->clock), ==, 0);
  g_assert_finalize_object (t->clock);
  g_clear_pointer (&t->fired, g_array_unref);
}

typedef enum
{
  STEP_END,
  /* The machine runs for a while and nobody touches Lento. */
  STEP_WAIT,
  /* The machine sleeps for a while. */
  STEP_SUSPEND,
  /* Input, or an unlock: lento_idle_monitor_reset(). */
  STEP_ACTIVITY,
  /* A new auto-lock time, in seconds. */
  STEP_SET_TIMEOUT,
} StepKind;

typedef struct
{
  StepKind kind;
  gint64   value;
  /* How many times "idle" has fired once the step is done. */
  guint    n_idle;
} Step;

typedef struct
{
  const char *name;
  guint       timeout;
  Step        steps[12];
  /* When "idle" fired, in microseconds since the start; 0 ends the list. */
  gint64      fired_at[4];
} IdleCase;

static const IdleCase idle_cases[] = {
  { "fires-when-due", 60,
    { { STEP_WAIT, SEC (60) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (60) } },
  { "fires-once-per-quiet-period", 60,
    { { STEP_WAIT, SEC (60), 1 },
      { STEP_WAIT, SEC (3600), 1 } },
    { SEC (60) } },
  { "activity-re-arms-after-firing", 60,
    { { STEP_WAIT, SEC (90), 1 },
      { STEP_ACTIVITY, 0, 1 },
      { STEP_WAIT, SEC (60) - 1, 1 },
      { STEP_WAIT, 1, 2 },
      { STEP_ACTIVITY, 0, 2 },
      { STEP_WAIT, SEC (60), 3 } },
    { SEC (60), SEC (150), SEC (210) } },
  { "activity-postpones", 60,
    { { STEP_WAIT, SEC (45), 0 },
      { STEP_ACTIVITY, 0, 0 },
      { STEP_WAIT, SEC (45), 0 },
      { STEP_ACTIVITY, 0, 0 },
      { STEP_WAIT, SEC (45), 0 },
      { STEP_ACTIVITY, 0, 0 },
      { STEP_WAIT, SEC (60) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (195) } },
  { "activity-just-before-due", 60,
    { { STEP_WAIT, SEC (60) - 1, 0 },
      { STEP_ACTIVITY, 0, 0 },
      { STEP_WAIT, SEC (60) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (120) - 1 } },
  { "zero-is-off", 0,
    { { STEP_WAIT, SEC (86400), 0 },
      { STEP_ACTIVITY, 0, 0 },
      { STEP_WAIT, SEC (86400), 0 } },
    { 0 } },
  { "turned-off-before-due", 60,
    { { STEP_WAIT, SEC (30), 0 },
      { STEP_SET_TIMEOUT, 0, 0 },
      { STEP_WAIT, SEC (86400), 0 } },
    { 0 } },
  { "turned-on-counts-the-quiet-so-far", 0,
    { { STEP_WAIT, SEC (40), 0 },
      { STEP_SET_TIMEOUT, 60, 0 },
      { STEP_WAIT, SEC (20) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (60) } },
  { "turned-on-after-the-quiet-was-long-enough", 0,
    { { STEP_WAIT, SEC (120), 0 },
      { STEP_SET_TIMEOUT, 60, 0 },
      { STEP_WAIT, 0, 1 } },
    { SEC (120) } },
  { "longer-timeout-postpones", 60,
    { { STEP_WAIT, SEC (30), 0 },
      { STEP_SET_TIMEOUT, 120, 0 },
      { STEP_WAIT, SEC (90) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (120) } },
  { "shorter-timeout-brings-forward", 120,
    { { STEP_WAIT, SEC (30), 0 },
      { STEP_SET_TIMEOUT, 60, 0 },
      { STEP_WAIT, SEC (30) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (60) } },
  { "shorter-timeout-already-passed", 120,
    { { STEP_WAIT, SEC (90), 0 },
      { STEP_SET_TIMEOUT, 60, 0 },
      { STEP_WAIT, 0, 1 } },
    { SEC (90) } },
  { "same-timeout-keeps-the-deadline", 60,
    { { STEP_WAIT, SEC (30), 0 },
      { STEP_SET_TIMEOUT, 60, 0 },
      { STEP_WAIT, SEC (30), 1 } },
    { SEC (60) } },
  { "new-timeout-after-firing-waits-for-activity", 60,
    { { STEP_WAIT, SEC (60), 1 },
      { STEP_SET_TIMEOUT, 30, 1 },
      { STEP_WAIT, SEC (3600), 1 },
      { STEP_ACTIVITY, 0, 1 },
      { STEP_WAIT, SEC (30), 2 } },
    { SEC (60), SEC (3690) } },
  /* Monotonic time stops while the machine sleeps, and so does the quiet
   * period: locking after a resume is left to the screensaver.
   */
  { "suspend-does-not-count", 60,
    { { STEP_WAIT, SEC (30), 0 },
      { STEP_SUSPEND, SEC (3600), 0 },
      { STEP_WAIT, SEC (30) - 1, 0 },
      { STEP_WAIT, 1, 1 } },
    { SEC (3660) } },
};

static void
test_idle_timeline (gconstpointer data)
{
  const IdleCase *c = data;
  Timeline t = { 0 };
  guint n_fired = 0;

  timeline_init (&t);
  lento_idle_monitor_set_timeout (t.monitor, c->timeout);

  for (const Step *step = c->steps; step->kind != STEP_END; step++)
    {
      switch (step->kind)
        {
        case STEP_WAIT:
          lento_fake_clock_advance (t.clock, step->value);
          break;

        case STEP_SUSPEND:
          lento_fake_clock_advance_boottime (t.clock, step->value);
          break;

        case STEP_ACTIVITY:
          lento_idle_monitor_reset (t.monitor);
          break;

        case STEP_SET_TIMEOUT:
          lento_idle_monitor_set_timeout (t.monitor, (guint) step->value);
          g_assert_cmpuint (lento_idle_monitor_get_timeout (t.monitor), ==, step->value);
          break;

        case STEP_END:
        default:
          g_assert_not_reached ();
        }

      g_test_message ("step %u: %" G_GINT64_FORMAT " usec in", (guint) (step - c->steps),
                      lento_clock_now (LENTO_CLOCK (t.clock)) - t.start);
      g_assert_cmpuint (t.fired->len, ==, step->n_idle);

      /* One alarm at most, whatever happens: input never adds timers. */
      g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), <=, 1);
    }

  while (n_fired < G_N_ELEMENTS (c->fired_at) && c->fired_at[n_fired] != 0)
    n_fired++;
  g_assert_cmpuint (t.fired->len, ==, n_fired);
  for (guint i = 0; i < n_fired; i++)
    g_assert_cmpint (g_array_index (t.fired, gint64, i), ==, c->fired_at[i]);

  timeline_clear (&t);
}

static void
test_idle_one_alarm (void)
{
  Timeline t = { 0 };

  timeline_init (&t);

  /* Off: nothing waits. */
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 0);

  lento_idle_monitor_set_timeout (t.monitor, 60);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 1);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (t.clock), ==, t.start + SEC (60));

  /* Input only notes the time; the one alarm stays where it was and, when it
   * goes off early, is set again for the rest of the quiet period.
   */
  for (guint i = 0; i < 100; i++)
    {
      lento_fake_clock_advance (t.clock, SEC (1) / 10);
      lento_idle_monitor_reset (t.monitor);
    }
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 1);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (t.clock), ==, t.start + SEC (60));

  lento_fake_clock_advance (t.clock, SEC (50));
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 1);
  g_assert_cmpint (lento_fake_clock_get_next_deadline (t.clock), ==, t.start + SEC (70));

  /* Fired: nothing waits until the next activity. */
  lento_fake_clock_advance (t.clock, SEC (10));
  g_assert_cmpuint (t.fired->len, ==, 1);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 0);

  lento_idle_monitor_reset (t.monitor);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 1);

  /* Turned off: nothing waits. */
  lento_idle_monitor_set_timeout (t.monitor, 0);
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 0);

  timeline_clear (&t);
}

static void
test_idle_disposed_while_armed (void)
{
  Timeline t = { 0 };

  timeline_init (&t);
  lento_idle_monitor_set_timeout (t.monitor, 60);
  lento_fake_clock_advance (t.clock, SEC (30));
  g_assert_cmpuint (lento_fake_clock_get_n_alarms (t.clock), ==, 1);

  /* timeline_clear() checks that the alarm went with the monitor. */
  timeline_clear (&t);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_idle_timeout_property (void)
{
  Timeline t = { 0 };
  guint notified = 0;
  guint timeout = 0;

  timeline_init (&t);
  g_signal_connect (t.monitor, "notify::timeout", G_CALLBACK (notify_cb), &notified);

  g_object_set (t.monitor, "timeout", 300, NULL);
  g_object_get (t.monitor, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 300);
  g_assert_cmpuint (notified, ==, 1);

  /* The same value again is no change. */
  lento_idle_monitor_set_timeout (t.monitor, 300);
  g_assert_cmpuint (notified, ==, 1);

  lento_idle_monitor_set_timeout (t.monitor, 0);
  g_assert_cmpuint (lento_idle_monitor_get_timeout (t.monitor), ==, 0);
  g_assert_cmpuint (notified, ==, 2);

  timeline_clear (&t);
}

static void
test_idle_clock_property (void)
{
  Timeline t = { 0 };
  g_autoptr(LentoIdleMonitor) plain = lento_idle_monitor_new ();
  g_autoptr(LentoClock) clock = NULL;

  timeline_init (&t);
  g_object_get (t.monitor, "clock", &clock, NULL);
  g_assert_true (clock == LENTO_CLOCK (t.clock));
  g_clear_object (&clock);

  /* The application's monitor reads the system clock. */
  g_object_get (plain, "clock", &clock, NULL);
  g_assert_true (clock == lento_clock_get_default ());

  timeline_clear (&t);
}

static void
test_idle_new_destroy (void)
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

  for (guint i = 0; i < G_N_ELEMENTS (idle_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/lento/idle-monitor/", idle_cases[i].name, NULL);

      g_test_add_data_func (path, &idle_cases[i], test_idle_timeline);
    }
  g_test_add_func ("/lento/idle-monitor/one-alarm-at-a-time", test_idle_one_alarm);
  g_test_add_func ("/lento/idle-monitor/disposed-while-armed", test_idle_disposed_while_armed);
  g_test_add_func ("/lento/idle-monitor/timeout-property", test_idle_timeout_property);
  g_test_add_func ("/lento/idle-monitor/clock-property", test_idle_clock_property);
  g_test_add_func ("/lento/idle-monitor/new-destroy", test_idle_new_destroy);

  return g_test_run ();
}
