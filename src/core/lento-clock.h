/* lento-clock.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LENTO_TYPE_CLOCK (lento_clock_get_type ())

G_DECLARE_DERIVABLE_TYPE (LentoClock, lento_clock, LENTO, CLOCK, GObject)

typedef void (*LentoClockAlarmFunc) (gpointer user_data);

struct _LentoClockClass
{
  GObjectClass parent_class;

  gint64       (*now)           (LentoClock          *self);
  gint64       (*now_monotonic) (LentoClock          *self);
  gint64       (*now_real)      (LentoClock          *self);
  const char * (*get_boot_id)   (LentoClock          *self);
  guint        (*add_alarm)     (LentoClock          *self,
                                 gint64               deadline,
                                 LentoClockAlarmFunc  func,
                                 gpointer             user_data);
  void         (*remove_alarm)  (LentoClock          *self,
                                 guint                alarm_id);

  /*< private >*/
  gpointer padding[8];
};

LentoClock *lento_clock_new               (void);
LentoClock *lento_clock_get_default       (void);
gint64      lento_clock_now               (LentoClock          *self);
gint64      lento_clock_now_monotonic     (LentoClock          *self);
gint64      lento_clock_now_real          (LentoClock          *self);
const char *lento_clock_get_boot_id       (LentoClock          *self);
guint       lento_clock_add_alarm         (LentoClock          *self,
                                           gint64               deadline,
                                           LentoClockAlarmFunc  func,
                                           gpointer             user_data);
void        lento_clock_remove_alarm      (LentoClock          *self,
                                           guint                alarm_id);
void        lento_clock_emit_changed      (LentoClock          *self);

G_END_DECLS
