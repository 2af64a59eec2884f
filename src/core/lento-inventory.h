/* lento-inventory.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lento-lube.h"
#include "lento-tool.h"

G_BEGIN_DECLS

#define LENTO_INVENTORY_ERROR (lento_inventory_error_quark ())

typedef enum {
  LENTO_INVENTORY_ERROR_INVALID,
  LENTO_INVENTORY_ERROR_REFUSED,
  LENTO_INVENTORY_ERROR_DUPLICATE,
} LentoInventoryError;

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

#define LENTO_TYPE_INVENTORY (lento_inventory_get_type ())

G_DECLARE_FINAL_TYPE (LentoInventory, lento_inventory, LENTO, INVENTORY, GObject)

GQuark          lento_inventory_error_quark        (void);

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
gboolean        lento_inventory_insert_tool        (LentoInventory *self,
                                                    guint           position,
                                                    LentoTool      *tool,
                                                    GError        **error);
gboolean        lento_inventory_insert_lube        (LentoInventory *self,
                                                    guint           position,
                                                    LentoLube      *lube,
                                                    GError        **error);
gboolean        lento_inventory_edit_lube          (LentoInventory *self,
                                                    const char     *id,
                                                    const char     *name,
                                                    LentoLubeKind   kind,
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
