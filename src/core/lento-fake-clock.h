/* lento-fake-clock.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-clock.h"

G_BEGIN_DECLS

#define LENTO_TYPE_FAKE_CLOCK (lento_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (LentoFakeClock, lento_fake_clock, LENTO, FAKE_CLOCK, LentoClock)

LentoFakeClock *lento_fake_clock_new                (void);
LentoFakeClock *lento_fake_clock_new_full           (gint64          boottime,
                                                     gint64          monotonic,
                                                     gint64          realtime);
void            lento_fake_clock_advance            (LentoFakeClock *self,
                                                     gint64          usec);
void            lento_fake_clock_advance_monotonic  (LentoFakeClock *self,
                                                     gint64          usec);
void            lento_fake_clock_advance_boottime   (LentoFakeClock *self,
                                                     gint64          usec);
void            lento_fake_clock_advance_real       (LentoFakeClock *self,
                                                     gint64          usec);
void            lento_fake_clock_reboot             (LentoFakeClock *self,
                                                     gint64          downtime_usec);
guint           lento_fake_clock_get_n_alarms       (LentoFakeClock *self);
gint64          lento_fake_clock_get_next_deadline  (LentoFakeClock *self);

G_END_DECLS
