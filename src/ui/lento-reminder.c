/* lento-reminder.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-reminder"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-reminder.h"

/* Decides whether a reminder is due and what it says. Nothing here runs a
 * timer: the application calls lento_reminder_check() when it starts, when
 * the plan changes and from a timeout it sets for the next due minute, so
 * that the rule itself is a plain function of the time it is given.
 */
struct _LentoReminder
{
  GObject              parent_instance;

  /* Borrowed */
  GApplication        *application;

  /* Owned */
  LentoRecommendation *recommendation;
  guint                weekdays;
  guint                minute;
  LentoReminderText    text;
  guint32              handled_julian;  /* the day last sent or skipped */
};

G_DEFINE_FINAL_TYPE (LentoReminder, lento_reminder, G_TYPE_OBJECT)

static void
lento_reminder_dispose (GObject *object)
{
  LentoReminder *self = LENTO_REMINDER (object);

  g_clear_object (&self->recommendation);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (lento_reminder_parent_class)->dispose (object);
}

static void
lento_reminder_class_init (LentoReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lento_reminder_dispose;
}

static void
lento_reminder_init (LentoReminder *self)
{
  self->minute = 18 * 60;
  self->text = LENTO_REMINDER_TEXT_DISCREET;
}

LentoReminder *
lento_reminder_new (GApplication *application)
{
  LentoReminder *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (LENTO_TYPE_REMINDER, NULL);
  g_set_weak_pointer (&self->application, application);

  return self;
}

/**
 * lento_reminder_set_weekdays:
 * @weekdays: bit (1 << GDateWeekday) per planned day
 *
 * The planned days, known even while the journal is locked (they are a
 * preference), so that a discreet reminder can still arrive.
 */
void
lento_reminder_set_weekdays (LentoReminder *self,
                             guint          weekdays)
{
  g_return_if_fail (LENTO_IS_REMINDER (self));

  self->weekdays = weekdays;
}

void
lento_reminder_set_minute_of_day (LentoReminder *self,
                                  guint          minute)
{
  g_return_if_fail (LENTO_IS_REMINDER (self));
  g_return_if_fail (minute < 24 * 60);

  self->minute = minute;
}

void
lento_reminder_set_text (LentoReminder     *self,
                         LentoReminderText  text)
{
  g_return_if_fail (LENTO_IS_REMINDER (self));

  self->text = text;
}

/**
 * lento_reminder_set_recommendation:
 * @recommendation: (nullable): today's plan, or %NULL while locked
 *
 * While unlocked the coach knows better than the weekdays: a rest day after
 * a painful session gets no reminder.
 */
void
lento_reminder_set_recommendation (LentoReminder       *self,
                                   LentoRecommendation *recommendation)
{
  g_return_if_fail (LENTO_IS_REMINDER (self));

  g_set_object (&self->recommendation, recommendation);
}

static guint32
julian_of (GDateTime *now)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return g_date_get_julian (&date);
}

/**
 * lento_reminder_skip_today:
 *
 * What the notification's Skip today button does: no more reminders
 * until tomorrow.
 */
void
lento_reminder_skip_today (LentoReminder *self,
                           GDateTime     *now)
{
  g_return_if_fail (LENTO_IS_REMINDER (self));
  g_return_if_fail (now != NULL);

  self->handled_julian = julian_of (now);
  if (self->application != NULL)
    g_application_withdraw_notification (self->application, LENTO_REMINDER_ID);
}

/**
 * lento_reminder_build:
 *
 * Returns: (transfer full): the notification, with Start and Skip today
 */
GNotification *
lento_reminder_build (LentoReminder *self)
{
  GNotification *notification;
  gboolean descriptive;

  g_return_val_if_fail (LENTO_IS_REMINDER (self), NULL);

  /* Without the journal open there is nothing to describe, and a locked
   * screen is exactly where a discreet text matters most.
   */
  descriptive = self->text == LENTO_REMINDER_TEXT_DESCRIPTIVE && self->recommendation != NULL;

  notification = g_notification_new (descriptive ? _("Lento: Today’s Session")
                                                 : _("Lento"));
  g_notification_set_body (notification,
                           descriptive
                           ? _("A session is planned for today, whenever you have a calm "
                               "moment.")
                           : _("A gentle reminder for today."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_LOW);
  /* No default action: a click on the notification itself activates
   * Lento, which shows its window (locked or not). */
  /* Translators: a button on the reminder: start today's session (a verb). */
  g_notification_add_button (notification, _("Start"), "app.start-session");
  g_notification_add_button (notification, _("Skip Today"), "app.skip-today");

  return notification;
}

static gboolean
planned_today (LentoReminder *self,
               GDateTime     *now)
{
  if (self->recommendation != NULL)
    {
      LentoRecommendationKind kind = lento_recommendation_get_kind (self->recommendation);

      return kind != LENTO_RECOMMENDATION_REST && kind != LENTO_RECOMMENDATION_SEE_CLINICIAN;
    }

  /* g_date_time_get_day_of_week counts Monday as 1, as GDateWeekday does. */
  return (self->weekdays & (1u << g_date_time_get_day_of_week (now))) != 0;
}

/**
 * lento_reminder_check:
 * @now: the local time
 *
 * Sends the reminder when today is a planned day, the chosen time has come
 * and none was sent or skipped today.
 *
 * Returns: whether a notification was sent
 */
gboolean
lento_reminder_check (LentoReminder *self,
                      GDateTime     *now)
{
  g_autoptr(GNotification) notification = NULL;
  guint minute;

  g_return_val_if_fail (LENTO_IS_REMINDER (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  if (self->application == NULL
      || self->handled_julian == julian_of (now)
      || minute < self->minute
      || !planned_today (self, now))
    return FALSE;

  notification = lento_reminder_build (self);
  g_application_send_notification (self->application, LENTO_REMINDER_ID, notification);
  self->handled_julian = julian_of (now);

  return TRUE;
}
