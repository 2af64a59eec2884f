/* lento-clock.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-clock"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <glib-unix.h>

#include "lento-clock.h"

/*
 * LentoClock is where every part of Lento that measures time asks for it,
 * so that tests can replace it (see LentoFakeClock).
 *
 * Three readings, all in microseconds:
 *
 * - lento_clock_now(): CLOCK_BOOTTIME. It keeps counting while the machine
 *   is suspended, so a person's wear time is not cut short because the
 *   laptop lid was closed. Session time is measured with it and nothing else.
 * - lento_clock_now_monotonic(): CLOCK_MONOTONIC, which stops during suspend.
 *   The difference between the two tells how long the machine slept.
 * - lento_clock_now_real(): wall-clock time since the Unix epoch, for the
 *   start time of a journal entry and for resuming a saved session after a
 *   reboot, when boot time starts again from zero.
 *
 * lento_clock_get_boot_id() names the current boot, so that a boot-time
 * reading saved to disk is only ever compared with one from the same boot.
 *
 * Alarms: lento_clock_add_alarm() calls a function once when boot time
 * reaches a deadline. The real clock arms a timerfd on CLOCK_BOOTTIME, so an
 * alarm whose deadline passed during suspend fires right after the resume
 * instead of when monotonic time catches up. One alarm is one file
 * descriptor and no polling: nothing wakes the process between deadlines.
 *
 * The "changed" signal says that time moved in a way an alarm may not have
 * seen, and that listeners should read the time again. The real clock does
 * not emit it by itself (its alarms already fire on resume); the fake clock
 * emits it after every advance.
 */

typedef struct
{
  GHashTable *alarms;
  guint last_alarm_id;
  char *boot_id;
} LentoClockPrivate;

typedef struct
{
  LentoClock *clock;
  LentoClockAlarmFunc func;
  gpointer user_data;
  guint id;
  int fd;
} Alarm;

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE_WITH_PRIVATE (LentoClock, lento_clock, G_TYPE_OBJECT)

static gint64
read_clock (clockid_t clock_id)
{
  struct timespec ts;

  /* These clocks exist on every Linux that GLib 2.74 runs on; failing here
   * would mean the kernel is broken, so there is nothing better to do than
   * to say so loudly.
   */
  if (clock_gettime (clock_id, &ts) != 0)
    g_error ("clock_gettime (%d) failed: %s", (int) clock_id, g_strerror (errno));

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
lento_clock_real_now (LentoClock *self)
{
  return read_clock (CLOCK_BOOTTIME);
}

static gint64
lento_clock_real_now_monotonic (LentoClock *self)
{
  return read_clock (CLOCK_MONOTONIC);
}

static gint64
lento_clock_real_now_real (LentoClock *self)
{
  return g_get_real_time ();
}

static const char *
lento_clock_real_get_boot_id (LentoClock *self)
{
  LentoClockPrivate *priv = lento_clock_get_instance_private (self);

  if (priv->boot_id == NULL)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
        priv->boot_id = g_strdup (g_strstrip (contents));

      /* Without /proc (a sandbox that hides it), the moment the machine
       * booted, rounded to a minute so that clock adjustments do not change
       * it, names the boot well enough.
       */
      if (priv->boot_id == NULL || priv->boot_id[0] == '\0')
        {
          gint64 booted_at = g_get_real_time () - read_clock (CLOCK_BOOTTIME);

          g_free (priv->boot_id);
          priv->boot_id = g_strdup_printf ("booted-%" G_GINT64_FORMAT,
                                           booted_at / (60 * G_USEC_PER_SEC));
        }
    }

  return priv->boot_id;
}

static void
alarm_free (gpointer data)
{
  Alarm *alarm = data;

  if (alarm->fd >= 0)
    close (alarm->fd);

  g_free (alarm);
}

static gboolean
alarm_fired (Alarm *alarm)
{
  LentoClockPrivate *priv = lento_clock_get_instance_private (alarm->clock);
  LentoClockAlarmFunc func = alarm->func;
  gpointer user_data = alarm->user_data;

  /* Forget the alarm before calling out: the function usually sets the next
   * alarm, and may remove this one by its id, which must then be a no-op.
   */
  g_hash_table_remove (priv->alarms, GUINT_TO_POINTER (alarm->id));
  func (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
alarm_fd_ready_cb (int          fd,
                   GIOCondition condition,
                   gpointer     user_data)
{
  guint64 expirations;

  /* Reading clears the readiness; the count itself does not matter. */
  if (read (fd, &expirations, sizeof expirations) < 0 && errno != EAGAIN)
    g_warning ("Could not read a timer: %s", g_strerror (errno));

  return alarm_fired (user_data);
}

static gboolean
alarm_timeout_cb (gpointer user_data)
{
  return alarm_fired (user_data);
}

static guint
lento_clock_real_add_alarm (LentoClock          *self,
                            gint64               deadline,
                            LentoClockAlarmFunc  func,
                            gpointer             user_data)
{
  LentoClockPrivate *priv = lento_clock_get_instance_private (self);
  g_autoptr(GSource) source = NULL;
  Alarm *alarm;

  alarm = g_new0 (Alarm, 1);
  alarm->clock = self;
  alarm->func = func;
  alarm->user_data = user_data;
  alarm->id = ++priv->last_alarm_id;
  alarm->fd = timerfd_create (CLOCK_BOOTTIME, TFD_CLOEXEC | TFD_NONBLOCK);

  if (alarm->fd >= 0)
    {
      struct itimerspec spec = { { 0, 0 }, { 0, 0 } };
      gint64 when = MAX (deadline, 1);

      spec.it_value.tv_sec = when / G_USEC_PER_SEC;
      spec.it_value.tv_nsec = (when % G_USEC_PER_SEC) * 1000;

      if (timerfd_settime (alarm->fd, TFD_TIMER_ABSTIME, &spec, NULL) != 0)
        {
          close (alarm->fd);
          alarm->fd = -1;
        }
    }

  if (alarm->fd >= 0)
    {
      source = g_unix_fd_source_new (alarm->fd, G_IO_IN);
      g_source_set_callback (source, G_SOURCE_FUNC (alarm_fd_ready_cb), alarm, alarm_free);
    }
  else
    {
      /* Without a timerfd the alarm falls back to a monotonic timeout: it
       * fires late after a suspend, but it still fires.
       */
      gint64 delay_ms = MAX (0, deadline - lento_clock_now (self) + 999) / 1000;

      source = g_timeout_source_new ((guint) MIN (delay_ms, G_MAXUINT));
      g_source_set_callback (source, alarm_timeout_cb, alarm, alarm_free);
    }

  g_source_set_static_name (source, "[lento] clock alarm");
  g_source_attach (source, g_main_context_get_thread_default ());
  g_hash_table_insert (priv->alarms, GUINT_TO_POINTER (alarm->id), g_source_ref (source));

  return alarm->id;
}

static void
lento_clock_real_remove_alarm (LentoClock *self,
                               guint       alarm_id)
{
  LentoClockPrivate *priv = lento_clock_get_instance_private (self);

  g_hash_table_remove (priv->alarms, GUINT_TO_POINTER (alarm_id));
}

static void
destroy_and_unref_source (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static void
lento_clock_dispose (GObject *object)
{
  LentoClock *self = (LentoClock *)object;
  LentoClockPrivate *priv = lento_clock_get_instance_private (self);

  g_hash_table_remove_all (priv->alarms);

  G_OBJECT_CLASS (lento_clock_parent_class)->dispose (object);
}

static void
lento_clock_finalize (GObject *object)
{
  LentoClock *self = (LentoClock *)object;
  LentoClockPrivate *priv = lento_clock_get_instance_private (self);

  g_clear_pointer (&priv->alarms, g_hash_table_unref);
  g_clear_pointer (&priv->boot_id, g_free);

  G_OBJECT_CLASS (lento_clock_parent_class)->finalize (object);
}

static void
lento_clock_class_init (LentoClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lento_clock_dispose;
  object_class->finalize = lento_clock_finalize;

  klass->now = lento_clock_real_now;
  klass->now_monotonic = lento_clock_real_now_monotonic;
  klass->now_real = lento_clock_real_now_real;
  klass->get_boot_id = lento_clock_real_get_boot_id;
  klass->add_alarm = lento_clock_real_add_alarm;
  klass->remove_alarm = lento_clock_real_remove_alarm;

  /**
   * LentoClock::changed:
   *
   * Time moved in a way that alarms may not have seen: listeners should
   * read the time again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
lento_clock_init (LentoClock *self)
{
  LentoClockPrivate *priv = lento_clock_get_instance_private (self);

  priv->alarms = g_hash_table_new_full (NULL, NULL, NULL, destroy_and_unref_source);
}

/**
 * lento_clock_new:
 *
 * Creates a clock that reads the system's clocks.
 *
 * Returns: (transfer full): a new #LentoClock
 */
LentoClock *
lento_clock_new (void)
{
  return g_object_new (LENTO_TYPE_CLOCK, NULL);
}

/**
 * lento_clock_get_default:
 *
 * Gets the system clock shared by the whole process.
 *
 * Returns: (transfer none): the shared #LentoClock
 */
LentoClock *
lento_clock_get_default (void)
{
  static LentoClock *default_clock;

  if (g_once_init_enter (&default_clock))
    g_once_init_leave (&default_clock, lento_clock_new ());

  return default_clock;
}

/**
 * lento_clock_now:
 * @self: a #LentoClock
 *
 * Reads the boot-time clock, which keeps counting through suspend.
 *
 * Returns: microseconds since boot
 */
gint64
lento_clock_now (LentoClock *self)
{
  g_return_val_if_fail (LENTO_IS_CLOCK (self), 0);

  return LENTO_CLOCK_GET_CLASS (self)->now (self);
}

/**
 * lento_clock_now_monotonic:
 * @self: a #LentoClock
 *
 * Reads the monotonic clock, which stops while the machine is suspended.
 *
 * Returns: microseconds of running time since boot
 */
gint64
lento_clock_now_monotonic (LentoClock *self)
{
  g_return_val_if_fail (LENTO_IS_CLOCK (self), 0);

  return LENTO_CLOCK_GET_CLASS (self)->now_monotonic (self);
}

/**
 * lento_clock_now_real:
 * @self: a #LentoClock
 *
 * Reads wall-clock time.
 *
 * Returns: microseconds since the Unix epoch
 */
gint64
lento_clock_now_real (LentoClock *self)
{
  g_return_val_if_fail (LENTO_IS_CLOCK (self), 0);

  return LENTO_CLOCK_GET_CLASS (self)->now_real (self);
}

/**
 * lento_clock_get_boot_id:
 * @self: a #LentoClock
 *
 * Names the current boot. Two readings of lento_clock_now() can only be
 * compared when they were taken under the same boot id.
 *
 * Returns: (transfer none): an opaque string
 */
const char *
lento_clock_get_boot_id (LentoClock *self)
{
  g_return_val_if_fail (LENTO_IS_CLOCK (self), NULL);

  return LENTO_CLOCK_GET_CLASS (self)->get_boot_id (self);
}

/**
 * lento_clock_add_alarm:
 * @self: a #LentoClock
 * @deadline: the boot time (as lento_clock_now() reads it) to fire at
 * @func: the function to call once
 * @user_data: data for @func
 *
 * Calls @func once, from the thread-default main context, when boot time
 * reaches @deadline; at once (on the next iteration) if it already has.
 *
 * Returns: an id for lento_clock_remove_alarm(), never 0
 */
guint
lento_clock_add_alarm (LentoClock          *self,
                       gint64               deadline,
                       LentoClockAlarmFunc  func,
                       gpointer             user_data)
{
  g_return_val_if_fail (LENTO_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  return LENTO_CLOCK_GET_CLASS (self)->add_alarm (self, deadline, func, user_data);
}

/**
 * lento_clock_remove_alarm:
 * @self: a #LentoClock
 * @alarm_id: an id from lento_clock_add_alarm()
 *
 * Cancels an alarm. Removing an alarm that already fired does nothing.
 */
void
lento_clock_remove_alarm (LentoClock *self,
                          guint       alarm_id)
{
  g_return_if_fail (LENTO_IS_CLOCK (self));

  if (alarm_id != 0)
    LENTO_CLOCK_GET_CLASS (self)->remove_alarm (self, alarm_id);
}

/**
 * lento_clock_emit_changed:
 * @self: a #LentoClock
 *
 * Emits #LentoClock::changed. For subclasses.
 */
void
lento_clock_emit_changed (LentoClock *self)
{
  g_return_if_fail (LENTO_IS_CLOCK (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
