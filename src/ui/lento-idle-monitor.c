/* lento-idle-monitor.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-idle-monitor"

#include "config.h"

#include "lento-clock.h"
#include "lento-idle-monitor.h"

/* Says when nobody has touched Lento's windows for a while, so that Lento can
 * lock itself. Input only records a time stamp; a single clock alarm wakes up
 * when the quiet period could have ended, so moving the pointer costs nothing.
 *
 * The quiet period is measured in monotonic time, which stops while the
 * machine sleeps: a suspend does not count as being idle (locking on resume
 * is the screensaver's business). The alarm is set in boot time, which runs
 * at least as fast, so it fires on time or early, never late; when it fires
 * early (after a resume) it is simply set again for the rest of the period.
 */
struct _LentoIdleMonitor
{
  GObject     parent_instance;

  /* Owned */
  LentoClock *clock;

  /* Monotonic time of the last input or reset. */
  gint64      last_activity;
  guint       timeout;
  guint       alarm_id;
  gboolean    fired;
};

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  IDLE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LentoIdleMonitor, lento_idle_monitor, G_TYPE_OBJECT)

static void lento_idle_monitor_schedule (LentoIdleMonitor *self);

/**
 * lento_idle_monitor_new:
 *
 * Creates a monitor that reads the system clock. It stays off until
 * lento_idle_monitor_set_timeout() gives it a timeout.
 *
 * Returns: (transfer full): a new #LentoIdleMonitor
 */
LentoIdleMonitor *
lento_idle_monitor_new (void)
{
  return g_object_new (LENTO_TYPE_IDLE_MONITOR, NULL);
}

static void
lento_idle_monitor_alarm_cb (gpointer user_data)
{
  LentoIdleMonitor *self = user_data;
  gint64 quiet = lento_clock_now_monotonic (self->clock) - self->last_activity;

  self->alarm_id = 0;

  if (quiet >= (gint64) self->timeout * G_USEC_PER_SEC)
    {
      self->fired = TRUE;
      g_signal_emit (self, signals [IDLE], 0);
    }
  else
    {
      lento_idle_monitor_schedule (self);
    }
}

static void
lento_idle_monitor_schedule (LentoIdleMonitor *self)
{
  gint64 remaining;

  lento_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;

  if (self->timeout == 0 || self->fired)
    return;

  remaining = (gint64) self->timeout * G_USEC_PER_SEC
              - (lento_clock_now_monotonic (self->clock) - self->last_activity);
  remaining = MAX (remaining, 0);

  self->alarm_id = lento_clock_add_alarm (self->clock,
                                          lento_clock_now (self->clock) + remaining,
                                          lento_idle_monitor_alarm_cb, self);
}

/**
 * lento_idle_monitor_reset:
 *
 * Starts a new quiet period, as input does; also re-arms the monitor after
 * it has fired.
 */
void
lento_idle_monitor_reset (LentoIdleMonitor *self)
{
  g_return_if_fail (LENTO_IS_IDLE_MONITOR (self));

  self->last_activity = lento_clock_now_monotonic (self->clock);
  self->fired = FALSE;
  if (self->alarm_id == 0)
    lento_idle_monitor_schedule (self);
}

static gboolean
lento_idle_monitor_event_cb (GtkEventControllerLegacy *controller,
                             GdkEvent                 *event,
                             LentoIdleMonitor         *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_activity = lento_clock_now_monotonic (self->clock);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

/**
 * lento_idle_monitor_watch:
 * @widget: a window whose input counts as activity
 */
void
lento_idle_monitor_watch (LentoIdleMonitor *self,
                          GtkWidget        *widget)
{
  GtkEventController *controller;

  g_return_if_fail (LENTO_IS_IDLE_MONITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event",
                           G_CALLBACK (lento_idle_monitor_event_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

guint
lento_idle_monitor_get_timeout (LentoIdleMonitor *self)
{
  g_return_val_if_fail (LENTO_IS_IDLE_MONITOR (self), 0);

  return self->timeout;
}

/**
 * lento_idle_monitor_set_timeout:
 * @seconds: how long a quiet period lasts before #LentoIdleMonitor::idle;
 *   0 turns the monitor off
 */
void
lento_idle_monitor_set_timeout (LentoIdleMonitor *self,
                                guint             seconds)
{
  g_return_if_fail (LENTO_IS_IDLE_MONITOR (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  lento_idle_monitor_schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
}

static void
lento_idle_monitor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LentoIdleMonitor *self = LENTO_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_idle_monitor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LentoIdleMonitor *self = LENTO_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_TIMEOUT:
      lento_idle_monitor_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_idle_monitor_constructed (GObject *object)
{
  LentoIdleMonitor *self = LENTO_IDLE_MONITOR (object);

  G_OBJECT_CLASS (lento_idle_monitor_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (lento_clock_get_default ());

  self->last_activity = lento_clock_now_monotonic (self->clock);
}

static void
lento_idle_monitor_dispose (GObject *object)
{
  LentoIdleMonitor *self = LENTO_IDLE_MONITOR (object);

  if (self->clock != NULL)
    lento_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lento_idle_monitor_parent_class)->dispose (object);
}

static void
lento_idle_monitor_class_init (LentoIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lento_idle_monitor_constructed;
  object_class->dispose = lento_idle_monitor_dispose;
  object_class->get_property = lento_idle_monitor_get_property;
  object_class->set_property = lento_idle_monitor_set_property;

  /**
   * LentoIdleMonitor:clock:
   *
   * The clock that measures quiet periods and wakes the monitor; the system
   * clock unless set at construction.
   */
  properties [PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         LENTO_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT / 1000, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LentoIdleMonitor::idle:
   *
   * Nobody has used the watched windows for the timeout. Emitted once per
   * quiet period; lento_idle_monitor_reset() arms it again.
   */
  signals [IDLE] =
    g_signal_new ("idle",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lento_idle_monitor_init (LentoIdleMonitor *self)
{
}
