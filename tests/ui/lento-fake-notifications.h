/* lento-fake-notifications.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A stand-in for the desktop's notification server on the test's private
 * session bus: it records what it was asked to show and to close.
 */
typedef struct {
  GDBusConnection *bus;
  guint  object_id;
  guint  count;
  guint  closed;
  char  *summary;
  char  *body;
  char **actions;
} LentoFakeNotifications;

LentoFakeNotifications *lento_fake_notifications_start          (void);
void                    lento_fake_notifications_stop           (void);
void                    lento_fake_notifications_wait           (const guint *counter,
                                                                 guint        count);
void                    lento_fake_notifications_flush          (void);
void                    lento_fake_notifications_assert_discreet (const char *text);

G_END_DECLS
