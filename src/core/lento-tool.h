/* lento-tool.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  LENTO_TOOL_KIND_FINGER,
  LENTO_TOOL_KIND_TRAINER,
  LENTO_TOOL_KIND_PLUG,
  LENTO_TOOL_KIND_DILATOR,
} LentoToolKind;

typedef enum {
  LENTO_MATERIAL_SILICONE,
  LENTO_MATERIAL_GLASS,
  LENTO_MATERIAL_STEEL,
  LENTO_MATERIAL_PLASTIC,
  LENTO_MATERIAL_OTHER,
  LENTO_MATERIAL_SKIN,
} LentoMaterial;

/* Whether a tool has a base wide enough that it cannot slip inside. Only
 * the person can say; until they do, the tool counts as one without, so
 * that no safety check depends on a default being switched off. NO and YES
 * have the values of FALSE and TRUE, so that a known answer reads as one.
 */
typedef enum {
  LENTO_FLARED_BASE_NO,
  LENTO_FLARED_BASE_YES,
  LENTO_FLARED_BASE_UNKNOWN,
} LentoFlaredBase;

#define LENTO_TYPE_TOOL (lento_tool_get_type ())

G_DECLARE_FINAL_TYPE (LentoTool, lento_tool, LENTO, TOOL, GObject)

const char     *lento_tool_kind_to_string          (LentoToolKind  kind);
gboolean        lento_tool_kind_from_string        (const char    *nick,
                                                    LentoToolKind *kind);
const char     *lento_material_to_string           (LentoMaterial  material);
gboolean        lento_material_from_string         (const char    *nick,
                                                    LentoMaterial *material);

LentoTool      *lento_tool_new                     (const char    *id,
                                                    const char    *name,
                                                    LentoToolKind  kind,
                                                    LentoMaterial  material,
                                                    double         diameter_mm,
                                                    double         length_mm,
                                                    LentoFlaredBase flared_base);
LentoTool      *lento_tool_new_from_json           (JsonObject    *object,
                                                    GError       **error);
JsonObject     *lento_tool_to_json                 (LentoTool     *self);
const char     *lento_tool_get_id                  (LentoTool     *self);
const char     *lento_tool_get_name                (LentoTool     *self);
void            lento_tool_set_name                (LentoTool     *self,
                                                    const char    *name);
LentoToolKind   lento_tool_get_kind                (LentoTool     *self);
LentoMaterial   lento_tool_get_material            (LentoTool     *self);
double          lento_tool_get_diameter            (LentoTool     *self);
void            lento_tool_set_diameter            (LentoTool     *self,
                                                    double         diameter_mm);
double          lento_tool_get_length              (LentoTool     *self);
gboolean        lento_tool_get_flared_base         (LentoTool     *self);
LentoFlaredBase lento_tool_get_flared_base_answer  (LentoTool     *self);
void            lento_tool_set_flared_base_answer  (LentoTool     *self,
                                                    LentoFlaredBase flared_base);
gboolean        lento_tool_get_confirmed           (LentoTool     *self);
void            lento_tool_set_confirmed           (LentoTool     *self,
                                                    gboolean       confirmed);
gboolean        lento_tool_is_usable               (LentoTool     *self,
                                                    char         **reason);

char           *lento_format_diameter              (double         mm);

G_END_DECLS
