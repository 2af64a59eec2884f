/* lento-inventory.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LENTO_INVENTORY_ERROR (lento_inventory_error_quark ())

typedef enum {
  LENTO_INVENTORY_ERROR_INVALID,
  LENTO_INVENTORY_ERROR_REFUSED,
  LENTO_INVENTORY_ERROR_DUPLICATE,
} LentoInventoryError;

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

typedef enum {
  LENTO_LUBE_KIND_WATER,
  LENTO_LUBE_KIND_SILICONE,
  LENTO_LUBE_KIND_HYBRID,
  LENTO_LUBE_KIND_OIL,
  LENTO_LUBE_KIND_NUMBING,
} LentoLubeKind;

/* What a check found. */
typedef enum {
  LENTO_ISSUE_NO_FLARED_BASE,
  LENTO_ISSUE_UNCONFIRMED,
  LENTO_ISSUE_SILICONE_ON_SILICONE,
  LENTO_ISSUE_NUMBING,
  LENTO_ISSUE_OIL_AND_LATEX,
  LENTO_ISSUE_LADDER_JUMP,
} LentoIssueKind;

typedef enum {
  LENTO_ISSUE_SEVERITY_NOTE,     /* worth knowing */
  LENTO_ISSUE_SEVERITY_WARNING,  /* allowed, but not a good idea */
  LENTO_ISSUE_SEVERITY_BLOCKED,  /* the plan never offers it */
} LentoIssueSeverity;

/* One finding of a check, with the sentence that explains it. */
typedef struct {
  LentoIssueKind      kind;
  LentoIssueSeverity  severity;
  char               *tool_id;            /* nullable */
  char               *other_tool_id;      /* the larger size of a ladder jump */
  char               *lube_id;            /* nullable */
  double              suggested_diameter; /* an intermediate size, or 0 */
  char               *reason;             /* translated */
} LentoInventoryIssue;

#define LENTO_TYPE_INVENTORY_ISSUE (lento_inventory_issue_get_type ())

GType                lento_inventory_issue_get_type (void);
LentoInventoryIssue *lento_inventory_issue_copy     (const LentoInventoryIssue *issue);
void                 lento_inventory_issue_free     (LentoInventoryIssue       *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LentoInventoryIssue, lento_inventory_issue_free)

#define LENTO_TYPE_TOOL (lento_tool_get_type ())

G_DECLARE_FINAL_TYPE (LentoTool, lento_tool, LENTO, TOOL, GObject)

#define LENTO_TYPE_LUBE (lento_lube_get_type ())

G_DECLARE_FINAL_TYPE (LentoLube, lento_lube, LENTO, LUBE, GObject)

#define LENTO_TYPE_INVENTORY (lento_inventory_get_type ())

G_DECLARE_FINAL_TYPE (LentoInventory, lento_inventory, LENTO, INVENTORY, GObject)

GQuark          lento_inventory_error_quark        (void);

const char     *lento_tool_kind_to_string          (LentoToolKind  kind);
gboolean        lento_tool_kind_from_string        (const char    *nick,
                                                    LentoToolKind *kind);
const char     *lento_material_to_string           (LentoMaterial  material);
gboolean        lento_material_from_string         (const char    *nick,
                                                    LentoMaterial *material);
const char     *lento_lube_kind_to_string          (LentoLubeKind  kind);
gboolean        lento_lube_kind_from_string        (const char    *nick,
                                                    LentoLubeKind *kind);

LentoTool      *lento_tool_new                     (const char    *id,
                                                    const char    *name,
                                                    LentoToolKind  kind,
                                                    LentoMaterial  material,
                                                    double         diameter_mm,
                                                    double         length_mm,
                                                    gboolean       flared_base);
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
gboolean        lento_tool_get_confirmed           (LentoTool     *self);
void            lento_tool_set_confirmed           (LentoTool     *self,
                                                    gboolean       confirmed);
gboolean        lento_tool_is_usable               (LentoTool     *self,
                                                    char         **reason);

LentoLube      *lento_lube_new                     (const char    *id,
                                                    const char    *name,
                                                    LentoLubeKind  kind);
LentoLube      *lento_lube_new_from_json           (JsonObject    *object,
                                                    GError       **error);
JsonObject     *lento_lube_to_json                 (LentoLube     *self);
const char     *lento_lube_get_id                  (LentoLube     *self);
const char     *lento_lube_get_name                (LentoLube     *self);
LentoLubeKind   lento_lube_get_kind                (LentoLube     *self);
gboolean        lento_lube_is_usable               (LentoLube     *self,
                                                    char         **reason);

LentoInventory *lento_inventory_new                (void);
LentoInventory *lento_inventory_new_from_json      (JsonObject    *object,
                                                    GError       **error);
JsonObject     *lento_inventory_to_json            (LentoInventory *self);
GListModel     *lento_inventory_get_tools          (LentoInventory *self);
GListModel     *lento_inventory_get_lubes          (LentoInventory *self);
LentoTool      *lento_inventory_find_tool          (LentoInventory *self,
                                                    const char     *id);
LentoLube      *lento_inventory_find_lube          (LentoInventory *self,
                                                    const char     *id);
gboolean        lento_inventory_add_tool           (LentoInventory *self,
                                                    LentoTool      *tool,
                                                    GError        **error);
gboolean        lento_inventory_add_lube           (LentoInventory *self,
                                                    LentoLube      *lube,
                                                    GError        **error);
gboolean        lento_inventory_remove_tool        (LentoInventory *self,
                                                    const char     *id);
gboolean        lento_inventory_remove_lube        (LentoInventory *self,
                                                    const char     *id);
guint           lento_inventory_add_finger_presets (LentoInventory *self);
GPtrArray      *lento_inventory_dup_trainer_set_preset (void);
GPtrArray      *lento_inventory_dup_ladder         (LentoInventory *self);
GPtrArray      *lento_inventory_dup_fingers        (LentoInventory *self);
gboolean        lento_inventory_has_usable_lube    (LentoInventory *self);
GPtrArray      *lento_inventory_check              (LentoInventory *self,
                                                    double          max_jump_percent);
GPtrArray      *lento_inventory_check_pair         (LentoTool      *tool,
                                                    LentoLube      *lube);

G_END_DECLS
