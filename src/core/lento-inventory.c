/* lento-inventory.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-inventory"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lento-inventory.h"
#include "lento-inventory-private.h"

G_DEFINE_QUARK (lento-inventory-error-quark, lento_inventory_error)

/* What a tool, a lubricant and the inventory share in reading and writing
 * JSON; see lento-inventory-private.h.
 */

gboolean
_lento_inventory_nick_to_value (const char         *nick,
                                const char * const *names,
                                guint               n_names,
                                guint              *value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], nick) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Members a newer Lento wrote are kept and written back unchanged. */
JsonObject *
_lento_inventory_keep_unknown (JsonObject         *object,
                               const char * const *known)
{
  JsonObject *extra = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        json_object_set_member (extra, l->data,
                                json_node_copy (json_object_get_member (object, l->data)));
    }

  return extra;
}

void
_lento_inventory_add_unknown (JsonObject *object,
                              JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data,
                            json_node_copy (json_object_get_member (extra, l->data)));
}

const char *
_lento_inventory_get_string (JsonObject *object,
                             const char *member)
{
  JsonNode *node;

  if (!json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
_lento_inventory_get_number (JsonObject *object,
                             const char *member,
                             double     *out)
{
  JsonNode *node;
  GType type;

  if (!json_object_has_member (object, member))
    return FALSE;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;

  *out = json_node_get_double (node);
  return isfinite (*out);
}

gboolean
_lento_inventory_get_boolean (JsonObject *object,
                              const char *member,
                              gboolean    default_value)
{
  JsonNode *node;

  if (!json_object_has_member (object, member))
    return default_value;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;

  return json_node_get_boolean (node);
}

/* A member that is absent is an empty list; one of another type is damage. */
static gboolean
get_array (JsonObject  *object,
           const char  *member,
           JsonArray  **out)
{
  JsonNode *node;

  *out = NULL;
  if (!json_object_has_member (object, member))
    return TRUE;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* LentoInventoryIssue */

LentoInventoryIssue *
lento_inventory_issue_copy (const LentoInventoryIssue *issue)
{
  LentoInventoryIssue *copy;

  g_return_val_if_fail (issue != NULL, NULL);

  copy = g_new0 (LentoInventoryIssue, 1);
  *copy = *issue;
  copy->tool_id = g_strdup (issue->tool_id);
  copy->other_tool_id = g_strdup (issue->other_tool_id);
  copy->lube_id = g_strdup (issue->lube_id);
  copy->reason = g_strdup (issue->reason);
  return copy;
}

void
lento_inventory_issue_free (LentoInventoryIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->tool_id);
  g_free (issue->other_tool_id);
  g_free (issue->lube_id);
  g_free (issue->reason);
  g_free (issue);
}

G_DEFINE_BOXED_TYPE (LentoInventoryIssue, lento_inventory_issue,
                     lento_inventory_issue_copy, lento_inventory_issue_free)

static LentoInventoryIssue *
issue_new (LentoIssueKind      kind,
           LentoIssueSeverity  severity,
           const char         *tool_id,
           const char         *lube_id,
           char               *reason)
{
  LentoInventoryIssue *issue = g_new0 (LentoInventoryIssue, 1);

  issue->kind = kind;
  issue->severity = severity;
  issue->tool_id = g_strdup (tool_id);
  issue->lube_id = g_strdup (lube_id);
  issue->reason = reason;
  return issue;
}

/* LentoInventory */

struct _LentoInventory
{
  GObject     parent_instance;

  /* Owned */
  GListStore *tools;
  GListStore *lubes;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (LentoInventory, lento_inventory, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
list_items_changed_cb (LentoInventory *self,
                       guint           position,
                       guint           removed,
                       guint           added,
                       GListModel     *model)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
item_notify_cb (LentoInventory *self,
                GParamSpec     *pspec,
                GObject        *item)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

/* A tool or lubricant edited in place announces it only through its own
 * properties, so the inventory listens to each item for as long as it holds
 * it; that way ::changed covers every change worth saving.
 */
static void
insert_item (LentoInventory *self,
             GListStore     *store,
             guint           position,
             gpointer        item)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_signal_connect_swapped (item, "notify", G_CALLBACK (item_notify_cb), self);
  g_list_store_insert (store, MIN (position, n), item);
}

static void
append_item (LentoInventory *self,
             GListStore     *store,
             gpointer        item)
{
  insert_item (self, store, G_MAXUINT, item);
}

static void
remove_item (LentoInventory *self,
             GListStore     *store,
             guint           position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
  g_list_store_remove (store, position);
}

/* Someone else may still hold the list or its items after the inventory is gone. */
static void
stop_listening (LentoInventory *self,
                GListStore     *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
    }

  g_signal_handlers_disconnect_by_func (store, list_items_changed_cb, self);
}

static void
lento_inventory_dispose (GObject *object)
{
  LentoInventory *self = (LentoInventory *)object;

  if (self->tools != NULL)
    stop_listening (self, self->tools);
  if (self->lubes != NULL)
    stop_listening (self, self->lubes);
  g_clear_object (&self->tools);
  g_clear_object (&self->lubes);

  G_OBJECT_CLASS (lento_inventory_parent_class)->dispose (object);
}

static void
lento_inventory_finalize (GObject *object)
{
  LentoInventory *self = (LentoInventory *)object;

  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lento_inventory_parent_class)->finalize (object);
}

static void
lento_inventory_class_init (LentoInventoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lento_inventory_dispose;
  object_class->finalize = lento_inventory_finalize;

  /**
   * LentoInventory::changed:
   *
   * Emitted once for each change worth saving: a tool or lubricant added or
   * removed, or a property of one of them edited in place.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lento_inventory_init (LentoInventory *self)
{
  self->tools = g_list_store_new (LENTO_TYPE_TOOL);
  self->lubes = g_list_store_new (LENTO_TYPE_LUBE);
  g_signal_connect_swapped (self->tools, "items-changed", G_CALLBACK (list_items_changed_cb), self);
  g_signal_connect_swapped (self->lubes, "items-changed", G_CALLBACK (list_items_changed_cb), self);
}

/**
 * lento_inventory_new:
 *
 * Returns: (transfer full): an empty inventory
 */
LentoInventory *
lento_inventory_new (void)
{
  return g_object_new (LENTO_TYPE_INVENTORY, NULL);
}

static const char * const inventory_members[] = { "tools", "lubes", NULL };

/**
 * lento_inventory_new_from_json:
 * @object: the "inventory" member of the profile document
 *
 * Returns: (transfer full): the inventory, or %NULL with @error set
 */
LentoInventory *
lento_inventory_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(LentoInventory) self = NULL;
  JsonArray *tools = NULL;
  JsonArray *lubes = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = lento_inventory_new ();
  self->extra = _lento_inventory_keep_unknown (object, inventory_members);

  if (!get_array (object, "tools", &tools) || !get_array (object, "lubes", &lubes))
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("Your inventory could not be read. Restore the previous version of your "
                     "profile, or set up your inventory again."));
      return NULL;
    }

  for (guint i = 0; tools != NULL && i < json_array_get_length (tools); i++)
    {
      JsonObject *tool_object = array_object (tools, i);
      g_autoptr(LentoTool) tool = NULL;

      if (tool_object == NULL)
        {
          g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                       _("A tool in your inventory could not be read. Remove it and add it "
                         "again."));
          return NULL;
        }

      tool = lento_tool_new_from_json (tool_object, error);
      if (tool == NULL)
        return NULL;

      if (lento_inventory_find_tool (self, lento_tool_get_id (tool)) != NULL)
        {
          g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                       /* Translators: %s is the name of a tool, like “Trainer 2”. */
                       _("Two tools in your inventory share one id. Remove “%s” and add it "
                         "again."), lento_tool_get_name (tool));
          return NULL;
        }

      append_item (self, self->tools, tool);
    }

  for (guint i = 0; lubes != NULL && i < json_array_get_length (lubes); i++)
    {
      JsonObject *lube_object = array_object (lubes, i);
      g_autoptr(LentoLube) lube = NULL;

      if (lube_object == NULL)
        {
          g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                       _("A lubricant in your inventory could not be read. Remove it and add it "
                         "again."));
          return NULL;
        }

      lube = lento_lube_new_from_json (lube_object, error);
      if (lube == NULL)
        return NULL;

      if (lento_inventory_find_lube (self, lento_lube_get_id (lube)) != NULL)
        {
          g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                       /* Translators: %s is the name of a lubricant. */
                       _("Two lubricants in your inventory share one id. Remove “%s” and add it "
                         "again."),
                       lento_lube_get_name (lube));
          return NULL;
        }

      append_item (self, self->lubes, lube);
    }

  return g_steal_pointer (&self);
}

/**
 * lento_inventory_to_json:
 *
 * Returns: (transfer full): the inventory as JSON
 */
JsonObject *
lento_inventory_to_json (LentoInventory *self)
{
  JsonObject *object;
  JsonArray *tools;
  JsonArray *lubes;
  guint n;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);

  object = json_object_new ();
  _lento_inventory_add_unknown (object, self->extra);

  tools = json_array_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tools));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoTool) tool = g_list_model_get_item (G_LIST_MODEL (self->tools), i);
      json_array_add_object_element (tools, lento_tool_to_json (tool));
    }
  json_object_set_array_member (object, "tools", tools);

  lubes = json_array_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->lubes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoLube) lube = g_list_model_get_item (G_LIST_MODEL (self->lubes), i);
      json_array_add_object_element (lubes, lento_lube_to_json (lube));
    }
  json_object_set_array_member (object, "lubes", lubes);

  return object;
}

/**
 * lento_inventory_get_tools:
 *
 * Returns: (transfer none): a list model of #LentoTool, in the order they were added
 */
GListModel *
lento_inventory_get_tools (LentoInventory *self)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);
  return G_LIST_MODEL (self->tools);
}

/**
 * lento_inventory_get_lubes:
 *
 * Returns: (transfer none): a list model of #LentoLube
 */
GListModel *
lento_inventory_get_lubes (LentoInventory *self)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);
  return G_LIST_MODEL (self->lubes);
}

static gboolean
find_position (GListModel *model,
               const char *id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *item_id = LENTO_IS_TOOL (item) ? lento_tool_get_id (LENTO_TOOL (item))
                                                 : lento_lube_get_id (LENTO_LUBE (item));

      if (g_strcmp0 (item_id, id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The store keeps its own reference, so handing out a borrowed pointer is safe
 * for as long as the item stays in the inventory.
 */
static gpointer
borrow_item (GListModel *model,
             guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

/**
 * lento_inventory_find_tool:
 *
 * Returns: (transfer none) (nullable): the tool with @id
 */
LentoTool *
lento_inventory_find_tool (LentoInventory *self,
                           const char     *id)
{
  guint position;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);

  if (id == NULL || !find_position (G_LIST_MODEL (self->tools), id, &position))
    return NULL;

  return borrow_item (G_LIST_MODEL (self->tools), position);
}

/**
 * lento_inventory_find_lube:
 *
 * Returns: (transfer none) (nullable): the lubricant with @id
 */
LentoLube *
lento_inventory_find_lube (LentoInventory *self,
                           const char     *id)
{
  guint position;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);

  if (id == NULL || !find_position (G_LIST_MODEL (self->lubes), id, &position))
    return NULL;

  return borrow_item (G_LIST_MODEL (self->lubes), position);
}

/**
 * lento_inventory_add_tool:
 * @self: an inventory
 * @tool: the tool to add
 * @error: the place for an error
 *
 * A tool without a flared base can be added, so that the person sees it
 * marked, but the plan never offers it.
 *
 * Returns: whether the tool was added
 */
gboolean
lento_inventory_add_tool (LentoInventory  *self,
                          LentoTool       *tool,
                          GError         **error)
{
  return lento_inventory_insert_tool (self, G_MAXUINT, tool, error);
}

/**
 * lento_inventory_insert_tool:
 * @self: an inventory
 * @position: where in the list, or past the end to add it last
 * @tool: the tool to add
 * @error: the place for an error
 *
 * Adds @tool like lento_inventory_add_tool(), at @position: how a removed
 * tool goes back where it was.
 *
 * Returns: whether the tool was added
 */
gboolean
lento_inventory_insert_tool (LentoInventory  *self,
                             guint            position,
                             LentoTool       *tool,
                             GError         **error)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (LENTO_IS_TOOL (tool), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lento_inventory_find_tool (self, lento_tool_get_id (tool)) != NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                   /* Translators: %s is the name of a tool, like “Trainer 2”. */
                   _("“%s” is already in your inventory."), lento_tool_get_name (tool));
      return FALSE;
    }

  if (lento_tool_get_diameter (tool) < LENTO_TOOL_MIN_DIAMETER_MM)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   /* Translators: %s is the name of a tool, like “Trainer 2”. */
                   _("“%s” needs a diameter. Measure its widest part in millimetres."),
                   lento_tool_get_name (tool));
      return FALSE;
    }

  insert_item (self, self->tools, position, tool);
  return TRUE;
}

/**
 * lento_inventory_add_lube:
 * @self: an inventory
 * @lube: the lubricant to add
 * @error: the place for an error
 *
 * Numbing products are refused with the reason.
 *
 * Returns: whether the lubricant was added
 */
gboolean
lento_inventory_add_lube (LentoInventory  *self,
                          LentoLube       *lube,
                          GError         **error)
{
  return lento_inventory_insert_lube (self, G_MAXUINT, lube, error);
}

/**
 * lento_inventory_insert_lube:
 * @self: an inventory
 * @position: where in the list, or past the end to add it last
 * @lube: the lubricant to add
 * @error: the place for an error
 *
 * Adds @lube like lento_inventory_add_lube(), at @position.
 *
 * Returns: whether the lubricant was added
 */
gboolean
lento_inventory_insert_lube (LentoInventory  *self,
                             guint            position,
                             LentoLube       *lube,
                             GError         **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (LENTO_IS_LUBE (lube), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lento_lube_is_usable (lube, &reason))
    {
      g_set_error_literal (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED, reason);
      return FALSE;
    }

  if (lento_inventory_find_lube (self, lento_lube_get_id (lube)) != NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                   _("“%s” is already in your inventory."), lento_lube_get_name (lube));
      return FALSE;
    }

  insert_item (self, self->lubes, position, lube);
  return TRUE;
}

/**
 * lento_inventory_edit_lube:
 * @self: an inventory
 * @id: the id of a lubricant in @self
 * @name: its new name
 * @kind: its new kind
 * @error: the place for an error
 *
 * Renames a lubricant or changes its kind, in place, keeping its id and
 * whatever a newer Lento stored with it. A numbing product is refused here
 * as it is when added, and the lubricant stays as it was. ::changed is
 * emitted once, and only when something changed.
 *
 * Returns: whether the lubricant now has @name and @kind
 */
gboolean
lento_inventory_edit_lube (LentoInventory  *self,
                           const char      *id,
                           const char      *name,
                           LentoLubeKind    kind,
                           GError         **error)
{
  LentoLube *lube;
  g_autofree char *reason = NULL;
  gboolean changed;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (kind <= LENTO_LUBE_KIND_NUMBING, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lube = lento_inventory_find_lube (self, id);
  if (lube == NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   /* Translators: %s is the name of a lubricant. */
                   _("“%s” is no longer in your inventory. Add it again if you still use it."),
                   name);
      return FALSE;
    }

  if (kind == LENTO_LUBE_KIND_NUMBING)
    {
      reason = _lento_lube_numbing_reason (name);
      g_set_error_literal (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED, reason);
      return FALSE;
    }

  /* A new name and a new kind are one change to save, not two. */
  g_signal_handlers_block_by_func (lube, item_notify_cb, self);
  changed = _lento_lube_update (lube, name, kind);
  g_signal_handlers_unblock_by_func (lube, item_notify_cb, self);

  if (changed)
    g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

gboolean
lento_inventory_remove_tool (LentoInventory *self,
                             const char     *id)
{
  guint position;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_position (G_LIST_MODEL (self->tools), id, &position))
    return FALSE;

  remove_item (self, self->tools, position);
  return TRUE;
}

gboolean
lento_inventory_remove_lube (LentoInventory *self,
                             const char     *id)
{
  guint position;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_position (G_LIST_MODEL (self->lubes), id, &position))
    return FALSE;

  remove_item (self, self->lubes, position);
  return TRUE;
}

/**
 * lento_inventory_add_finger_presets:
 *
 * Adds the little finger and the index finger, with typical adult
 * diameters the person can correct, unless they are there already.
 *
 * Returns: how many were added
 */
guint
lento_inventory_add_finger_presets (LentoInventory *self)
{
  struct {
    const char *id;
    const char *name;
    double      diameter;
    double      length;
  } fingers[] = {
    { "finger-little", N_("Little finger"), 14.0, 60.0 },
    { "finger-index", N_("Index finger"), 18.0, 75.0 },
  };
  guint added = 0;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (fingers); i++)
    {
      g_autoptr(LentoTool) tool = NULL;

      if (lento_inventory_find_tool (self, fingers[i].id) != NULL)
        continue;

      /* A finger is not lost inside: the question of a base does not arise. */
      tool = lento_tool_new (fingers[i].id, _(fingers[i].name), LENTO_TOOL_KIND_FINGER,
                             LENTO_MATERIAL_SKIN, fingers[i].diameter, fingers[i].length,
                             LENTO_FLARED_BASE_NO);
      append_item (self, self->tools, tool);
      added++;
    }

  return added;
}

/**
 * lento_inventory_dup_trainer_set_preset:
 *
 * A graduated set of silicone trainers with typical diameters, each step at
 * most a fifth wider than the one before. The tools are not confirmed: the
 * plan offers one only after the person has entered its real diameter and
 * confirmed it (lento_tool_set_confirmed()).
 *
 * Returns: (transfer full) (element-type LentoTool): new tools, smallest first
 */
GPtrArray *
lento_inventory_dup_trainer_set_preset (void)
{
  struct {
    const char *id;
    const char *name;
    double      diameter;
  } sizes[] = {
    { "trainer-1", N_("Trainer, size 1"), 15.0 },
    { "trainer-2", N_("Trainer, size 2"), 18.0 },
    { "trainer-3", N_("Trainer, size 3"), 21.5 },
    { "trainer-4", N_("Trainer, size 4"), 25.5 },
    { "trainer-5", N_("Trainer, size 5"), 30.0 },
  };
  GPtrArray *tools = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      LentoTool *tool = lento_tool_new (sizes[i].id, _(sizes[i].name), LENTO_TOOL_KIND_TRAINER,
                                        LENTO_MATERIAL_SILICONE, sizes[i].diameter, 0.0,
                                        LENTO_FLARED_BASE_YES);

      lento_tool_set_confirmed (tool, FALSE);
      g_ptr_array_add (tools, tool);
    }

  return tools;
}

static int
compare_tools (gconstpointer a,
               gconstpointer b)
{
  LentoTool *tool_a = *(LentoTool **) a;
  LentoTool *tool_b = *(LentoTool **) b;
  double diameter_a = lento_tool_get_diameter (tool_a);
  double diameter_b = lento_tool_get_diameter (tool_b);

  if (diameter_a != diameter_b)
    return diameter_a < diameter_b ? -1 : 1;

  return g_strcmp0 (lento_tool_get_id (tool_a), lento_tool_get_id (tool_b));
}

static GPtrArray *
dup_usable (LentoInventory *self,
            gboolean        fingers)
{
  GPtrArray *tools = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tools));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoTool) tool = g_list_model_get_item (G_LIST_MODEL (self->tools), i);

      if ((lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER) == fingers
          && lento_tool_is_usable (tool, NULL))
        g_ptr_array_add (tools, g_steal_pointer (&tool));
    }

  g_ptr_array_sort (tools, compare_tools);
  return tools;
}

/**
 * lento_inventory_dup_ladder:
 *
 * The sizes the plan may offer: every usable tool that is not a finger,
 * smallest first. Tools without a flared base or not yet confirmed are left
 * out.
 *
 * Returns: (transfer full) (element-type LentoTool): the ladder
 */
GPtrArray *
lento_inventory_dup_ladder (LentoInventory *self)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);

  return dup_usable (self, FALSE);
}

/**
 * lento_inventory_dup_fingers:
 *
 * Returns: (transfer full) (element-type LentoTool): the fingers, smallest first
 */
GPtrArray *
lento_inventory_dup_fingers (LentoInventory *self)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);

  return dup_usable (self, TRUE);
}

gboolean
lento_inventory_has_usable_lube (LentoInventory *self)
{
  guint n;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->lubes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoLube) lube = g_list_model_get_item (G_LIST_MODEL (self->lubes), i);

      if (lento_lube_is_usable (lube, NULL))
        return TRUE;
    }

  return FALSE;
}

/**
 * lento_inventory_check_pair:
 * @tool: the tool chosen for a session
 * @lube: the lubricant chosen with it
 *
 * What to know about using @lube with @tool.
 *
 * Returns: (transfer full) (element-type LentoInventoryIssue): the findings, maybe none
 */
GPtrArray *
lento_inventory_check_pair (LentoTool *tool,
                            LentoLube *lube)
{
  GPtrArray *issues;
  LentoLubeKind kind;

  g_return_val_if_fail (LENTO_IS_TOOL (tool), NULL);
  g_return_val_if_fail (LENTO_IS_LUBE (lube), NULL);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_inventory_issue_free);
  kind = lento_lube_get_kind (lube);

  if (kind == LENTO_LUBE_KIND_NUMBING)
    g_ptr_array_add (issues, issue_new (LENTO_ISSUE_NUMBING, LENTO_ISSUE_SEVERITY_BLOCKED,
                                        NULL, lento_lube_get_id (lube),
                                        _lento_lube_numbing_reason (lento_lube_get_name (lube))));

  if (kind == LENTO_LUBE_KIND_SILICONE && lento_tool_get_material (tool) == LENTO_MATERIAL_SILICONE)
    g_ptr_array_add (issues,
                     issue_new (LENTO_ISSUE_SILICONE_ON_SILICONE, LENTO_ISSUE_SEVERITY_WARNING,
                                lento_tool_get_id (tool), lento_lube_get_id (lube),
                                /* Translators: the name of a lubricant, then the name of a tool. */
                                g_strdup_printf (_("“%s” is silicone-based and “%s” is made of "
                                                   "silicone: the lubricant can leave the tool "
                                                   "sticky or porous. Use a thick water-based "
                                                   "lubricant with it instead."),
                                                 lento_lube_get_name (lube),
                                                 lento_tool_get_name (tool))));

  return issues;
}

static LentoInventoryIssue *
check_lube (LentoLube *lube)
{
  const char *id = lento_lube_get_id (lube);
  const char *name = lento_lube_get_name (lube);

  if (lento_lube_get_kind (lube) == LENTO_LUBE_KIND_NUMBING)
    return issue_new (LENTO_ISSUE_NUMBING, LENTO_ISSUE_SEVERITY_BLOCKED, NULL, id,
                      _lento_lube_numbing_reason (name));

  if (lento_lube_get_kind (lube) == LENTO_LUBE_KIND_OIL)
    return issue_new (LENTO_ISSUE_OIL_AND_LATEX, LENTO_ISSUE_SEVERITY_NOTE, NULL, id,
                      /* Translators: %s is the name of a lubricant. */
                      g_strdup_printf (_("“%s” is oil-based. Oil weakens latex condoms, so "
                                         "choose a water-based lubricant whenever a condom "
                                         "is used."), name));

  return NULL;
}

/* Silicone lubricant and silicone tools, said once for the whole inventory:
 * a set of five silicone trainers is one thing to know, not five. A single
 * pair keeps the sentence that names both.
 */
static LentoInventoryIssue *
check_silicone (LentoInventory *self)
{
  GListModel *tools = G_LIST_MODEL (self->tools);
  GListModel *lubes = G_LIST_MODEL (self->lubes);
  g_autoptr(LentoLube) one_lube = NULL;
  g_autoptr(LentoTool) one_tool = NULL;
  LentoInventoryIssue *issue;
  guint n_lubes = 0;
  guint n_tools = 0;
  char *reason;

  for (guint i = 0; i < g_list_model_get_n_items (lubes); i++)
    {
      g_autoptr(LentoLube) lube = g_list_model_get_item (lubes, i);

      if (lento_lube_get_kind (lube) != LENTO_LUBE_KIND_SILICONE)
        continue;
      if (n_lubes++ == 0)
        one_lube = g_steal_pointer (&lube);
    }

  for (guint i = 0; n_lubes > 0 && i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(LentoTool) tool = g_list_model_get_item (tools, i);

      /* A tool the plan never offers is never used with the lubricant either. */
      if (lento_tool_get_material (tool) != LENTO_MATERIAL_SILICONE
          || !lento_tool_is_usable (tool, NULL))
        continue;
      if (n_tools++ == 0)
        one_tool = g_steal_pointer (&tool);
    }

  if (n_lubes == 0 || n_tools == 0)
    return NULL;

  if (n_lubes == 1 && n_tools == 1)
    {
      g_autoptr(GPtrArray) pair = lento_inventory_check_pair (one_tool, one_lube);

      g_assert (pair->len == 1);
      return g_ptr_array_steal_index (pair, 0);
    }

  if (n_lubes == 1)
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the name of a silicone-based
                                            * lubricant, then how many of the person's tools
                                            * are made of silicone.
                                            */
                                           "“%s” is silicone-based and %u of your tools is made "
                                           "of silicone: the lubricant can leave it sticky or "
                                           "porous. Use a thick water-based lubricant with it "
                                           "instead.",
                                           "“%s” is silicone-based and %u of your tools are made "
                                           "of silicone: the lubricant can leave them sticky or "
                                           "porous. Use a thick water-based lubricant with them "
                                           "instead.",
                                           n_tools),
                              lento_lube_get_name (one_lube), n_tools);
  else
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is how many of the person's tools
                                            * are made of silicone.
                                            */
                                           "Some of your lubricants are silicone-based and %u of "
                                           "your tools is made of silicone: these lubricants can "
                                           "leave it sticky or porous. Use a thick water-based "
                                           "lubricant with it instead.",
                                           "Some of your lubricants are silicone-based and %u of "
                                           "your tools are made of silicone: these lubricants can "
                                           "leave them sticky or porous. Use a thick water-based "
                                           "lubricant with them instead.",
                                           n_tools),
                              n_tools);

  /* The ids name the lubricant or the tool when there is only one of it. */
  issue = issue_new (LENTO_ISSUE_SILICONE_ON_SILICONE, LENTO_ISSUE_SEVERITY_WARNING,
                     n_tools == 1 ? lento_tool_get_id (one_tool) : NULL,
                     n_lubes == 1 ? lento_lube_get_id (one_lube) : NULL, reason);
  return issue;
}

/**
 * lento_inventory_check:
 * @self: an inventory
 * @max_jump_percent: the largest step between sizes, in percent of the
 *   smaller diameter, before an intermediate size is suggested
 *
 * Every finding about the inventory as a whole: tools the plan will not
 * offer and why, lubricants that are refused or worth a note, silicone
 * lubricants that should not meet silicone tools (one finding for them all),
 * and steps in the ladder that are larger than @max_jump_percent.
 *
 * Returns: (transfer full) (element-type LentoInventoryIssue): the findings
 */
GPtrArray *
lento_inventory_check (LentoInventory *self,
                       double          max_jump_percent)
{
  g_autoptr(GPtrArray) ladder = NULL;
  LentoInventoryIssue *silicone;
  GPtrArray *issues;
  guint n_tools;
  guint n_lubes;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), NULL);
  g_return_val_if_fail (max_jump_percent > 0.0, NULL);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_inventory_issue_free);
  n_tools = g_list_model_get_n_items (G_LIST_MODEL (self->tools));
  n_lubes = g_list_model_get_n_items (G_LIST_MODEL (self->lubes));

  for (guint i = 0; i < n_tools; i++)
    {
      g_autoptr(LentoTool) tool = g_list_model_get_item (G_LIST_MODEL (self->tools), i);
      char *reason = NULL;

      if (!lento_tool_is_usable (tool, &reason))
        g_ptr_array_add (issues,
                         issue_new (lento_tool_get_flared_base (tool) ? LENTO_ISSUE_UNCONFIRMED
                                                                      : LENTO_ISSUE_NO_FLARED_BASE,
                                    LENTO_ISSUE_SEVERITY_BLOCKED, lento_tool_get_id (tool), NULL,
                                    reason));
    }

  for (guint i = 0; i < n_lubes; i++)
    {
      g_autoptr(LentoLube) lube = g_list_model_get_item (G_LIST_MODEL (self->lubes), i);
      LentoInventoryIssue *issue = check_lube (lube);

      if (issue != NULL)
        g_ptr_array_add (issues, issue);
    }

  silicone = check_silicone (self);
  if (silicone != NULL)
    g_ptr_array_add (issues, silicone);

  ladder = lento_inventory_dup_ladder (self);
  for (guint i = 1; i < ladder->len; i++)
    {
      LentoTool *smaller = g_ptr_array_index (ladder, i - 1);
      LentoTool *larger = g_ptr_array_index (ladder, i);
      double smaller_mm = lento_tool_get_diameter (smaller);
      double larger_mm = lento_tool_get_diameter (larger);
      double jump = (larger_mm - smaller_mm) / smaller_mm * 100.0;
      LentoInventoryIssue *issue;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *middle = NULL;
      char *reason;
      double suggested;

      /* A tolerance keeps 15 mm to 18 mm, exactly 20%, from tripping on rounding. */
      if (jump <= max_jump_percent + 1e-9)
        continue;

      /* The suggestion is the largest step the rule allows, to the half millimetre. */
      suggested = floor (smaller_mm * (1.0 + max_jump_percent / 100.0) * 2.0) / 2.0;
      from = lento_format_diameter (smaller_mm);
      to = lento_format_diameter (larger_mm);
      middle = lento_format_diameter (suggested);

      /* Translators: two tools, each with its diameter like “18 mm”, the step
       * between them in percent, and a diameter in between.
       */
      reason = g_strdup_printf (_("From “%s” (%s) to “%s” (%s) is a step of %.0f%%. "
                                  "A size of about %s in between would make it gentler."),
                                lento_tool_get_name (smaller), from,
                                lento_tool_get_name (larger), to, jump, middle);
      issue = issue_new (LENTO_ISSUE_LADDER_JUMP, LENTO_ISSUE_SEVERITY_NOTE,
                         lento_tool_get_id (smaller), NULL, reason);
      issue->other_tool_id = g_strdup (lento_tool_get_id (larger));
      issue->suggested_diameter = suggested;
      g_ptr_array_add (issues, issue);
    }

  return issues;
}
