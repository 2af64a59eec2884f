/* lento-reminder-group.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LENTO_TYPE_REMINDER_GROUP (lento_reminder_group_get_type ())

G_DECLARE_FINAL_TYPE (LentoReminderGroup, lento_reminder_group, LENTO, REMINDER_GROUP,
                      AdwPreferencesGroup)

GtkWidget *lento_reminder_group_new (GSettings *settings);

G_END_DECLS
