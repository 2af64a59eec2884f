/* lento-entry.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How much the body pushed back when the tool went in. A new entry starts
 * unset: "none" is an answer, and only the person gives it.
 */
typedef enum {
  LENTO_RESISTANCE_UNSET = -1,
  LENTO_RESISTANCE_NONE,
  LENTO_RESISTANCE_SLIGHT,
  LENTO_RESISTANCE_MODERATE,
  LENTO_RESISTANCE_STRONG,
} LentoResistance;

typedef enum {
  LENTO_BLEEDING_NONE,
  LENTO_BLEEDING_SPOTTING,
  LENTO_BLEEDING_SIGNIFICANT,
} LentoBleeding;

/* A journal entry is usually a practice session; a few entries record
 * events instead, so that the coach and the clinician summary can see them
 * on the same time line: a planned or chosen rest, and a note the person
 * made after talking with a clinician.
 */
typedef enum {
  LENTO_ENTRY_KIND_SESSION,
  LENTO_ENTRY_KIND_REST,
  LENTO_ENTRY_KIND_CLINICIAN_NOTE,
} LentoEntryKind;

/* Values of comfort, pain, relaxation and urge-faded that mean "not recorded". */
#define LENTO_ENTRY_UNSET (-1)

/* The tag that marks significant bleeding as heavy. The programme's
 * clinician rule names the tag it reads (rules.clinician.heavy_bleeding_tag);
 * the shipped programme names this one, and the entry editor offers it as
 * the "Heavy" bleeding level.
 */
#define LENTO_ENTRY_TAG_HEAVY_BLEEDING "heavy-bleeding"

#define LENTO_ENTRY_MIN_SCORE 0
#define LENTO_ENTRY_MAX_SCORE 10
#define LENTO_ENTRY_MAX_DIAMETER_MM 100.0

#define LENTO_TYPE_RESISTANCE (lento_resistance_get_type ())
#define LENTO_TYPE_BLEEDING (lento_bleeding_get_type ())
#define LENTO_TYPE_ENTRY_KIND (lento_entry_kind_get_type ())

GType lento_resistance_get_type (void);
GType lento_bleeding_get_type (void);
GType lento_entry_kind_get_type (void);

const char     *lento_resistance_to_string (LentoResistance resistance);
gboolean        lento_resistance_from_string (const char      *nick,
                                              LentoResistance *resistance);
const char     *lento_resistance_get_label (LentoResistance resistance);
const char     *lento_bleeding_to_string (LentoBleeding bleeding);
gboolean        lento_bleeding_from_string (const char    *nick,
                                            LentoBleeding *bleeding);
const char     *lento_bleeding_get_label (LentoBleeding bleeding);
const char     *lento_entry_kind_to_string (LentoEntryKind kind);
gboolean        lento_entry_kind_from_string (const char     *nick,
                                              LentoEntryKind *kind);
const char     *lento_entry_kind_get_label (LentoEntryKind kind);

#define LENTO_TYPE_ENTRY (lento_entry_get_type ())

G_DECLARE_FINAL_TYPE (LentoEntry, lento_entry, LENTO, ENTRY, GObject)

LentoEntry     *lento_entry_new                (GDateTime       *start);
LentoEntry     *lento_entry_new_from_json      (JsonObject      *object,
                                                GError         **error);
JsonObject     *lento_entry_to_json            (LentoEntry      *self);
guint64         lento_entry_get_revision       (LentoEntry      *self);
LentoEntry     *lento_entry_copy               (LentoEntry      *self);
gboolean        lento_entry_equal              (LentoEntry      *a,
                                                LentoEntry      *b);
gboolean        lento_entry_validate           (LentoEntry      *self,
                                                GDateTime       *now,
                                                GError         **error);
void            lento_entry_touch              (LentoEntry      *self,
                                                GDateTime       *now);
char           *lento_entry_dup_month          (LentoEntry      *self);
const char     *lento_entry_get_uuid           (LentoEntry      *self);
GDateTime      *lento_entry_get_created        (LentoEntry      *self);
GDateTime      *lento_entry_get_modified       (LentoEntry      *self);
void            lento_entry_set_modified       (LentoEntry      *self,
                                                GDateTime       *modified);
GDateTime      *lento_entry_get_start          (LentoEntry      *self);
void            lento_entry_set_start          (LentoEntry      *self,
                                                GDateTime       *start);
LentoEntryKind  lento_entry_get_kind           (LentoEntry      *self);
void            lento_entry_set_kind           (LentoEntry      *self,
                                                LentoEntryKind   kind);
const char     *lento_entry_get_stage          (LentoEntry      *self);
void            lento_entry_set_stage          (LentoEntry      *self,
                                                const char      *stage);
const char     *lento_entry_get_tool           (LentoEntry      *self);
void            lento_entry_set_tool           (LentoEntry      *self,
                                                const char      *tool);
double          lento_entry_get_diameter       (LentoEntry      *self);
void            lento_entry_set_diameter       (LentoEntry      *self,
                                                double           diameter_mm);
const char     *lento_entry_get_lube           (LentoEntry      *self);
void            lento_entry_set_lube           (LentoEntry      *self,
                                                const char      *lube);
guint           lento_entry_get_duration       (LentoEntry      *self);
void            lento_entry_set_duration       (LentoEntry      *self,
                                                guint            seconds);
guint           lento_entry_get_wear           (LentoEntry      *self);
void            lento_entry_set_wear           (LentoEntry      *self,
                                                guint            seconds);
LentoResistance lento_entry_get_resistance     (LentoEntry      *self);
void            lento_entry_set_resistance     (LentoEntry      *self,
                                                LentoResistance  resistance);
int             lento_entry_get_comfort        (LentoEntry      *self);
void            lento_entry_set_comfort        (LentoEntry      *self,
                                                int              comfort);
int             lento_entry_get_pain           (LentoEntry      *self);
void            lento_entry_set_pain           (LentoEntry      *self,
                                                int              pain);
gboolean        lento_entry_get_sharp_pain     (LentoEntry      *self);
void            lento_entry_set_sharp_pain     (LentoEntry      *self,
                                                gboolean         sharp_pain);
LentoBleeding   lento_entry_get_bleeding       (LentoEntry      *self);
void            lento_entry_set_bleeding       (LentoEntry      *self,
                                                LentoBleeding    bleeding);
int             lento_entry_get_urge_faded     (LentoEntry      *self);
void            lento_entry_set_urge_faded     (LentoEntry      *self,
                                                int              minute);
int             lento_entry_get_relaxation     (LentoEntry      *self);
void            lento_entry_set_relaxation     (LentoEntry      *self,
                                                int              relaxation);
const char     *lento_entry_get_notes          (LentoEntry      *self);
void            lento_entry_set_notes          (LentoEntry      *self,
                                                const char      *notes);
const char * const *lento_entry_get_tags       (LentoEntry      *self);
void            lento_entry_set_tags           (LentoEntry      *self,
                                                const char * const *tags);
gboolean        lento_entry_has_tag            (LentoEntry      *self,
                                                const char      *tag);
gboolean        lento_entry_has_how_it_felt    (LentoEntry      *self);

G_END_DECLS
