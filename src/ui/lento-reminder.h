/* lento-reminder.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-coach.h"

G_BEGIN_DECLS

/* What a reminder may say. */
typedef enum {
  LENTO_REMINDER_TEXT_DISCREET,     /* no word about the training, the default */
  LENTO_REMINDER_TEXT_DESCRIPTIVE,  /* names today's plan; only while unlocked */
} LentoReminderText;

#define LENTO_REMINDER_ID "lento-reminder"

#define LENTO_TYPE_REMINDER (lento_reminder_get_type ())

G_DECLARE_FINAL_TYPE (LentoReminder, lento_reminder, LENTO, REMINDER, GObject)

LentoReminder *lento_reminder_new                (GApplication        *application);
void           lento_reminder_set_weekdays       (LentoReminder       *self,
                                                  guint                weekdays);
void           lento_reminder_set_minute_of_day  (LentoReminder       *self,
                                                  guint                minute);
void           lento_reminder_set_text           (LentoReminder       *self,
                                                  LentoReminderText    text);
void           lento_reminder_set_recommendation (LentoReminder       *self,
                                                  LentoRecommendation *recommendation);
void           lento_reminder_skip_today         (LentoReminder       *self,
                                                  GDateTime           *now);
GNotification *lento_reminder_build              (LentoReminder       *self);
gboolean       lento_reminder_check              (LentoReminder       *self,
                                                  GDateTime           *now);

G_END_DECLS
