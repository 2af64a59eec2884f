/* lento-fake-clock.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fake-clock"

#include "config.h"

#include "lento-fake-clock.h"

/*
 * A clock for tests: time stands still until a test moves it, and alarms
 * fire synchronously from inside the call that moves it, in deadline order.
 * No main loop is involved, so a test reads like a timeline.
 *
 * - lento_fake_clock_advance() (the same as _advance_monotonic()) lets the
 *   machine run: boot, monotonic and wall time move together, and each alarm
 *   fires with the clock set exactly to its deadline, as a real timer would.
 * - lento_fake_clock_advance_boottime() suspends the machine: boot and wall
 *   time jump while monotonic time stays, then every alarm that fell due
 *   during the sleep fires late, at the wake-up time.
 * - lento_fake_clock_advance_real() changes only the wall clock, like an NTP
 *   correction or a person setting the time by hand.
 * - lento_fake_clock_reboot() starts a new boot: a new boot id, boot and
 *   monotonic time back near zero, wall time moved on by the downtime.
 *
 * Each of them ends by emitting LentoClock::changed.
 */

/* Monday 2 March 2026, 09:00 UTC: a fixed, ordinary morning. */
#define DEFAULT_REALTIME  (G_GINT64_CONSTANT (1772442000) * G_USEC_PER_SEC)
#define DEFAULT_BOOTTIME  (1000 * G_USEC_PER_SEC)
#define FRESH_BOOT_TIME   (20 * G_USEC_PER_SEC)

typedef struct
{
  guint id;
  gint64 deadline;
  LentoClockAlarmFunc func;
  gpointer user_data;
} FakeAlarm;

struct _LentoFakeClock
{
  LentoClock parent_instance;

  /* Owned */
  GArray *alarms;
  char *boot_id;

  gint64 boottime;
  gint64 monotonic;
  gint64 realtime;
  guint last_alarm_id;
  guint n_boots;
};

G_DEFINE_FINAL_TYPE (LentoFakeClock, lento_fake_clock, LENTO_TYPE_CLOCK)

static gint64
lento_fake_clock_now (LentoClock *clock)
{
  return LENTO_FAKE_CLOCK (clock)->boottime;
}

static gint64
lento_fake_clock_now_monotonic (LentoClock *clock)
{
  return LENTO_FAKE_CLOCK (clock)->monotonic;
}

static gint64
lento_fake_clock_now_real (LentoClock *clock)
{
  return LENTO_FAKE_CLOCK (clock)->realtime;
}

static const char *
lento_fake_clock_get_boot_id (LentoClock *clock)
{
  return LENTO_FAKE_CLOCK (clock)->boot_id;
}

static guint
lento_fake_clock_add_alarm (LentoClock          *clock,
                            gint64               deadline,
                            LentoClockAlarmFunc  func,
                            gpointer             user_data)
{
  LentoFakeClock *self = LENTO_FAKE_CLOCK (clock);
  FakeAlarm alarm = { ++self->last_alarm_id, deadline, func, user_data };

  g_array_append_val (self->alarms, alarm);

  return alarm.id;
}

static void
lento_fake_clock_remove_alarm (LentoClock *clock,
                               guint       alarm_id)
{
  LentoFakeClock *self = LENTO_FAKE_CLOCK (clock);

  for (guint i = 0; i < self->alarms->len; i++)
    {
      if (g_array_index (self->alarms, FakeAlarm, i).id == alarm_id)
        {
          g_array_remove_index (self->alarms, i);
          return;
        }
    }
}

/* Finds the alarm with the earliest deadline not after @limit; among equal
 * deadlines the one added first, as a real main loop would dispatch them.
 */
static gboolean
find_due_alarm (LentoFakeClock *self,
                gint64          limit,
                guint          *index)
{
  gboolean found = FALSE;

  for (guint i = 0; i < self->alarms->len; i++)
    {
      const FakeAlarm *alarm = &g_array_index (self->alarms, FakeAlarm, i);

      if (alarm->deadline > limit)
        continue;

      if (!found || alarm->deadline < g_array_index (self->alarms, FakeAlarm, *index).deadline)
        {
          *index = i;
          found = TRUE;
        }
    }

  return found;
}

static void
fire_due_alarms (LentoFakeClock *self,
                 gint64          target,
                 gboolean        running)
{
  guint index = 0;

  /* Alarms may add and remove alarms, so the array is searched again after
   * each one instead of being walked once.
   */
  while (find_due_alarm (self, target, &index))
    {
      FakeAlarm alarm = g_array_index (self->alarms, FakeAlarm, index);

      g_array_remove_index (self->alarms, index);

      if (running && alarm.deadline > self->boottime)
        {
          gint64 step = alarm.deadline - self->boottime;

          self->boottime += step;
          self->monotonic += step;
          self->realtime += step;
        }

      alarm.func (alarm.user_data);
    }
}

static void
lento_fake_clock_finalize (GObject *object)
{
  LentoFakeClock *self = (LentoFakeClock *)object;

  g_clear_pointer (&self->alarms, g_array_unref);
  g_clear_pointer (&self->boot_id, g_free);

  G_OBJECT_CLASS (lento_fake_clock_parent_class)->finalize (object);
}

static void
lento_fake_clock_class_init (LentoFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LentoClockClass *clock_class = LENTO_CLOCK_CLASS (klass);

  object_class->finalize = lento_fake_clock_finalize;

  clock_class->now = lento_fake_clock_now;
  clock_class->now_monotonic = lento_fake_clock_now_monotonic;
  clock_class->now_real = lento_fake_clock_now_real;
  clock_class->get_boot_id = lento_fake_clock_get_boot_id;
  clock_class->add_alarm = lento_fake_clock_add_alarm;
  clock_class->remove_alarm = lento_fake_clock_remove_alarm;
}

static void
lento_fake_clock_init (LentoFakeClock *self)
{
  self->alarms = g_array_new (FALSE, FALSE, sizeof (FakeAlarm));
  self->boot_id = g_strdup ("fake-boot-0");
  self->boottime = DEFAULT_BOOTTIME;
  self->monotonic = DEFAULT_BOOTTIME;
  self->realtime = DEFAULT_REALTIME;
}

/**
 * lento_fake_clock_new:
 *
 * Creates a fake clock some time after boot, on a fixed date.
 *
 * Returns: (transfer full): a new #LentoFakeClock
 */
LentoFakeClock *
lento_fake_clock_new (void)
{
  return g_object_new (LENTO_TYPE_FAKE_CLOCK, NULL);
}

/**
 * lento_fake_clock_new_full:
 * @boottime: the first reading of lento_clock_now()
 * @monotonic: the first monotonic reading, at most @boottime
 * @realtime: the first wall-clock reading
 *
 * Creates a fake clock that starts at the given readings.
 *
 * Returns: (transfer full): a new #LentoFakeClock
 */
LentoFakeClock *
lento_fake_clock_new_full (gint64 boottime,
                           gint64 monotonic,
                           gint64 realtime)
{
  LentoFakeClock *self;

  g_return_val_if_fail (boottime >= 0, NULL);
  g_return_val_if_fail (monotonic >= 0 && monotonic <= boottime, NULL);

  self = lento_fake_clock_new ();
  self->boottime = boottime;
  self->monotonic = monotonic;
  self->realtime = realtime;

  return self;
}

/**
 * lento_fake_clock_advance:
 * @self: a #LentoFakeClock
 * @usec: how long the machine runs, in microseconds
 *
 * The same as lento_fake_clock_advance_monotonic().
 */
void
lento_fake_clock_advance (LentoFakeClock *self,
                          gint64          usec)
{
  lento_fake_clock_advance_monotonic (self, usec);
}

/**
 * lento_fake_clock_advance_monotonic:
 * @self: a #LentoFakeClock
 * @usec: how long the machine runs, in microseconds
 *
 * Lets time run normally: every reading moves forward by @usec. Alarms due
 * on the way fire one by one, each with the clock set to its deadline.
 */
void
lento_fake_clock_advance_monotonic (LentoFakeClock *self,
                                    gint64          usec)
{
  gint64 target;

  g_return_if_fail (LENTO_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);

  g_object_ref (self);

  target = self->boottime + usec;
  fire_due_alarms (self, target, TRUE);

  /* An alarm may itself have moved the clock (a test callback); never move
   * it backwards.
   */
  if (target > self->boottime)
    {
      gint64 rest = target - self->boottime;

      self->boottime += rest;
      self->monotonic += rest;
      self->realtime += rest;
    }

  lento_clock_emit_changed (LENTO_CLOCK (self));
  g_object_unref (self);
}

/**
 * lento_fake_clock_advance_boottime:
 * @self: a #LentoFakeClock
 * @usec: how long the machine sleeps, in microseconds
 *
 * Simulates a suspend: boot time and wall time jump by @usec, monotonic
 * time does not move. Alarms that fell due during the sleep then fire in
 * deadline order, all late, at the wake-up time.
 */
void
lento_fake_clock_advance_boottime (LentoFakeClock *self,
                                   gint64          usec)
{
  g_return_if_fail (LENTO_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);

  g_object_ref (self);

  self->boottime += usec;
  self->realtime += usec;
  fire_due_alarms (self, self->boottime, FALSE);

  lento_clock_emit_changed (LENTO_CLOCK (self));
  g_object_unref (self);
}

/**
 * lento_fake_clock_advance_real:
 * @self: a #LentoFakeClock
 * @usec: how far to move the wall clock; may be negative
 *
 * Sets the wall clock like a person or NTP would: boot and monotonic time
 * do not move and no alarm fires.
 */
void
lento_fake_clock_advance_real (LentoFakeClock *self,
                               gint64          usec)
{
  g_return_if_fail (LENTO_IS_FAKE_CLOCK (self));

  self->realtime += usec;
  lento_clock_emit_changed (LENTO_CLOCK (self));
}

/**
 * lento_fake_clock_reboot:
 * @self: a #LentoFakeClock
 * @downtime_usec: how long the machine was off, in microseconds
 *
 * Simulates a reboot: a new boot id, boot and monotonic time restart near
 * zero and the wall clock moves on by @downtime_usec. Pending alarms are
 * dropped, since they belonged to processes that did not survive.
 */
void
lento_fake_clock_reboot (LentoFakeClock *self,
                         gint64          downtime_usec)
{
  g_return_if_fail (LENTO_IS_FAKE_CLOCK (self));
  g_return_if_fail (downtime_usec >= 0);

  self->n_boots++;
  g_free (self->boot_id);
  self->boot_id = g_strdup_printf ("fake-boot-%u", self->n_boots);
  self->boottime = FRESH_BOOT_TIME;
  self->monotonic = FRESH_BOOT_TIME;
  self->realtime += downtime_usec + FRESH_BOOT_TIME;
  g_array_set_size (self->alarms, 0);

  lento_clock_emit_changed (LENTO_CLOCK (self));
}

/**
 * lento_fake_clock_get_n_alarms:
 * @self: a #LentoFakeClock
 *
 * Counts pending alarms, so that tests can check that nothing polls.
 *
 * Returns: the number of alarms not yet fired or removed
 */
guint
lento_fake_clock_get_n_alarms (LentoFakeClock *self)
{
  g_return_val_if_fail (LENTO_IS_FAKE_CLOCK (self), 0);

  return self->alarms->len;
}

/**
 * lento_fake_clock_get_next_deadline:
 * @self: a #LentoFakeClock
 *
 * Returns: the earliest pending alarm's deadline, or -1 when none is set
 */
gint64
lento_fake_clock_get_next_deadline (LentoFakeClock *self)
{
  guint index;

  g_return_val_if_fail (LENTO_IS_FAKE_CLOCK (self), -1);

  if (!find_due_alarm (self, G_MAXINT64, &index))
    return -1;

  return g_array_index (self->alarms, FakeAlarm, index).deadline;
}
