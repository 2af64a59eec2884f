/* lento-entry-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-entry.h"

G_BEGIN_DECLS

/* What lento-entry.c (the object, its properties and accessors) and
 * lento-entry-json.c (reading and writing it as JSON) share.
 */

struct _LentoEntry
{
  GObject          parent_instance;

  /* Owned */
  char            *uuid;
  GDateTime       *created;
  GDateTime       *modified;
  GDateTime       *start;
  char            *stage;
  char            *tool;
  char            *lube;
  char            *notes;
  GStrv            tags;

  /* Members of the JSON object this entry was read from that this version
   * of Lento does not understand, written back untouched. An enum value we
   * cannot read is kept here too, under its own name, until it is changed.
   */
  JsonObject      *unknown;

  /* Counts changes: see lento_entry_get_revision(). */
  guint64          revision;

  /* Plain values */
  double           diameter;
  guint            duration;
  guint            wear;
  int              comfort;
  int              pain;
  int              urge_faded;
  int              relaxation;
  LentoEntryKind   kind;
  LentoResistance  resistance;
  LentoBleeding    bleeding;
  gboolean         sharp_pain;
};

/* JSON member names. They are part of the file format (docs/FORMAT.md). */
#define KEY_UUID        "uuid"
#define KEY_KIND        "kind"
#define KEY_CREATED     "created"
#define KEY_MODIFIED    "modified"
#define KEY_START       "start"
#define KEY_STAGE       "stage"
#define KEY_TOOL        "tool"
#define KEY_DIAMETER    "diameter_mm"
#define KEY_LUBE        "lube"
#define KEY_DURATION    "duration_s"
#define KEY_WEAR        "wear_s"
#define KEY_RESISTANCE  "resistance"
#define KEY_COMFORT     "comfort"
#define KEY_PAIN        "pain"
#define KEY_SHARP_PAIN  "sharp_pain"
#define KEY_BLEEDING    "bleeding"
#define KEY_URGE_FADED  "urge_faded_min"
#define KEY_RELAXATION  "relaxation"
#define KEY_NOTES       "notes"
#define KEY_TAGS        "tags"

gboolean _lento_entry_set_date_time  (GDateTime  **field,
                                      GDateTime   *value,
                                      gboolean     to_utc);
gboolean _lento_entry_enum_from_nick (GType        type,
                                      const char  *nick,
                                      int         *value);

G_END_DECLS
