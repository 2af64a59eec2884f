/* lento-session-cues.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-session.h"

G_BEGIN_DECLS

#define LENTO_SESSION_CUES_SOUND_PHASE "/io/github/lento/Lento/sounds/phase.wav"
#define LENTO_SESSION_CUES_SOUND_DONE "/io/github/lento/Lento/sounds/done.wav"
#define LENTO_SESSION_CUES_NOTIFICATION_ID "session-step"

/* Plays the sound at @resource_path at @volume (0 to 1). Tests put a fake
 * here; the real one uses GtkMediaFile.
 */
typedef void (*LentoCuePlayFunc) (const char *resource_path,
                                  double      volume,
                                  gpointer    user_data);

#define LENTO_TYPE_SESSION_CUES (lento_session_cues_get_type ())

G_DECLARE_FINAL_TYPE (LentoSessionCues, lento_session_cues, LENTO, SESSION_CUES, GObject)

LentoSessionCues *lento_session_cues_new               (GApplication     *application,
                                                        GSettings        *settings);
LentoSession     *lento_session_cues_get_session       (LentoSessionCues *self);
void              lento_session_cues_set_session       (LentoSessionCues *self,
                                                        LentoSession     *session);
gboolean          lento_session_cues_get_window_active (LentoSessionCues *self);
void              lento_session_cues_set_window_active (LentoSessionCues *self,
                                                        gboolean          window_active);
void              lento_session_cues_set_player        (LentoSessionCues *self,
                                                        LentoCuePlayFunc  play,
                                                        gpointer          user_data,
                                                        GDestroyNotify    destroy);
gboolean          lento_session_cues_get_notified      (LentoSessionCues *self);

G_END_DECLS
