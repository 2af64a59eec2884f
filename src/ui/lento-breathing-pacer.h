/* lento-breathing-pacer.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Rhythms a person can pick in Preferences. */
typedef enum {
  LENTO_BREATHING_PRESET_CUSTOM,
  LENTO_BREATHING_PRESET_GENTLE,
  LENTO_BREATHING_PRESET_EVEN,
  LENTO_BREATHING_PRESET_SLOW,
  LENTO_BREATHING_PRESET_SHORT,
} LentoBreathingPreset;

#define LENTO_TYPE_BREATHING_PRESET (lento_breathing_preset_get_type ())
GType       lento_breathing_preset_get_type   (void) G_GNUC_CONST;
gboolean    lento_breathing_preset_get_rhythm (LentoBreathingPreset  preset,
                                               guint                *inhale_ms,
                                               guint                *exhale_ms);
const char *lento_breathing_preset_get_label  (LentoBreathingPreset  preset);

/* Which half of a breath the guide is in. */
typedef enum {
  LENTO_BREATH_IN,
  LENTO_BREATH_OUT,
} LentoBreath;

#define LENTO_BREATHING_PACER_MIN_MS 1000
#define LENTO_BREATHING_PACER_MAX_MS 20000

#define LENTO_TYPE_BREATHING_PACER (lento_breathing_pacer_get_type ())

G_DECLARE_FINAL_TYPE (LentoBreathingPacer, lento_breathing_pacer, LENTO, BREATHING_PACER,
                      GtkWidget)

GtkWidget            *lento_breathing_pacer_new          (void);
gboolean              lento_breathing_pacer_get_running  (LentoBreathingPacer  *self);
void                  lento_breathing_pacer_set_running  (LentoBreathingPacer  *self,
                                                          gboolean              running);
guint                 lento_breathing_pacer_get_inhale_ms (LentoBreathingPacer *self);
guint                 lento_breathing_pacer_get_exhale_ms (LentoBreathingPacer *self);
void                  lento_breathing_pacer_set_rhythm   (LentoBreathingPacer  *self,
                                                          guint                 inhale_ms,
                                                          guint                 exhale_ms);
LentoBreathingPreset  lento_breathing_pacer_get_preset   (LentoBreathingPacer  *self);
void                  lento_breathing_pacer_set_preset   (LentoBreathingPacer  *self,
                                                          LentoBreathingPreset  preset);
LentoBreath           lento_breathing_pacer_get_breath   (LentoBreathingPacer  *self);
gboolean              lento_breathing_pacer_get_animating (LentoBreathingPacer *self);
gboolean              lento_breathing_pacer_get_reduced_motion (LentoBreathingPacer *self);
char                 *lento_breathing_pacer_dup_text     (LentoBreathingPacer  *self);

G_END_DECLS
