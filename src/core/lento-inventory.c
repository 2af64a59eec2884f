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

#define MIN_DIAMETER_MM 1.0
#define MAX_DIAMETER_MM 100.0
#define MAX_LENGTH_MM 400.0

G_DEFINE_QUARK (lento-inventory-error-quark, lento_inventory_error)

static const char * const tool_kind_names[] = {
  "finger", "trainer", "plug", "dilator",
};

static const char * const material_names[] = {
  "silicone", "glass", "steel", "plastic", "other", "skin",
};

static const char * const lube_kind_names[] = {
  "water", "silicone", "hybrid", "oil", "numbing",
};

static gboolean
nick_to_value (const char         *nick,
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

const char *
lento_tool_kind_to_string (LentoToolKind kind)
{
  g_return_val_if_fail (kind <= LENTO_TOOL_KIND_DILATOR, NULL);
  return tool_kind_names[kind];
}

gboolean
lento_tool_kind_from_string (const char    *nick,
                             LentoToolKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!nick_to_value (nick, tool_kind_names, G_N_ELEMENTS (tool_kind_names), &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
lento_material_to_string (LentoMaterial material)
{
  g_return_val_if_fail (material <= LENTO_MATERIAL_SKIN, NULL);
  return material_names[material];
}

gboolean
lento_material_from_string (const char    *nick,
                            LentoMaterial *material)
{
  guint value;

  g_return_val_if_fail (material != NULL, FALSE);

  if (!nick_to_value (nick, material_names, G_N_ELEMENTS (material_names), &value))
    return FALSE;
  *material = value;
  return TRUE;
}

const char *
lento_lube_kind_to_string (LentoLubeKind kind)
{
  g_return_val_if_fail (kind <= LENTO_LUBE_KIND_NUMBING, NULL);
  return lube_kind_names[kind];
}

gboolean
lento_lube_kind_from_string (const char    *nick,
                             LentoLubeKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!nick_to_value (nick, lube_kind_names, G_N_ELEMENTS (lube_kind_names), &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/* Sizes read best without a trailing ".0". */
static char *
format_mm (double mm)
{
  if (fabs (mm - round (mm)) < 0.05)
    return g_strdup_printf ("%.0f", mm);
  return g_strdup_printf ("%.1f", mm);
}

/* Members a newer Lento wrote are kept and written back unchanged. */
static JsonObject *
keep_unknown (JsonObject         *object,
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

static void
add_unknown (JsonObject *object,
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

static const char *
get_string (JsonObject *object,
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

static gboolean
get_number (JsonObject *object,
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

static gboolean
get_boolean (JsonObject *object,
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

/* LentoTool */

struct _LentoTool
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  LentoToolKind  kind;
  LentoMaterial  material;
  double         diameter;
  double         length;
  gboolean       flared_base;
  gboolean       confirmed;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE (LentoTool, lento_tool, G_TYPE_OBJECT)

enum {
  TOOL_PROP_0,
  TOOL_PROP_ID,
  TOOL_PROP_NAME,
  TOOL_PROP_KIND,
  TOOL_PROP_MATERIAL,
  TOOL_PROP_DIAMETER,
  TOOL_PROP_LENGTH,
  TOOL_PROP_FLARED_BASE,
  TOOL_PROP_CONFIRMED,
  TOOL_N_PROPS
};

static GParamSpec *tool_properties [TOOL_N_PROPS];

static void
lento_tool_finalize (GObject *object)
{
  LentoTool *self = (LentoTool *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lento_tool_parent_class)->finalize (object);
}

static void
lento_tool_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LentoTool *self = LENTO_TOOL (object);

  switch (prop_id)
    {
    case TOOL_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case TOOL_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case TOOL_PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case TOOL_PROP_MATERIAL:
      g_value_set_uint (value, self->material);
      break;
    case TOOL_PROP_DIAMETER:
      g_value_set_double (value, self->diameter);
      break;
    case TOOL_PROP_LENGTH:
      g_value_set_double (value, self->length);
      break;
    case TOOL_PROP_FLARED_BASE:
      g_value_set_boolean (value, self->flared_base);
      break;
    case TOOL_PROP_CONFIRMED:
      g_value_set_boolean (value, self->confirmed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_tool_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LentoTool *self = LENTO_TOOL (object);

  switch (prop_id)
    {
    case TOOL_PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case TOOL_PROP_NAME:
      lento_tool_set_name (self, g_value_get_string (value));
      break;
    case TOOL_PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case TOOL_PROP_MATERIAL:
      self->material = g_value_get_uint (value);
      break;
    case TOOL_PROP_DIAMETER:
      lento_tool_set_diameter (self, g_value_get_double (value));
      break;
    case TOOL_PROP_LENGTH:
      self->length = g_value_get_double (value);
      break;
    case TOOL_PROP_FLARED_BASE:
      self->flared_base = g_value_get_boolean (value);
      break;
    case TOOL_PROP_CONFIRMED:
      lento_tool_set_confirmed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_tool_class_init (LentoToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags editable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lento_tool_finalize;
  object_class->get_property = lento_tool_get_property;
  object_class->set_property = lento_tool_set_property;

  tool_properties [TOOL_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, construct);
  tool_properties [TOOL_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, editable);
  tool_properties [TOOL_PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, LENTO_TOOL_KIND_DILATOR, 0, construct);
  tool_properties [TOOL_PROP_MATERIAL] =
    g_param_spec_uint ("material", NULL, NULL, 0, LENTO_MATERIAL_SKIN, 0, construct);
  tool_properties [TOOL_PROP_DIAMETER] =
    g_param_spec_double ("diameter", NULL, NULL, 0.0, MAX_DIAMETER_MM, 0.0, editable);
  tool_properties [TOOL_PROP_LENGTH] =
    g_param_spec_double ("length", NULL, NULL, 0.0, MAX_LENGTH_MM, 0.0, construct);
  tool_properties [TOOL_PROP_FLARED_BASE] =
    g_param_spec_boolean ("flared-base", NULL, NULL, FALSE, construct);
  tool_properties [TOOL_PROP_CONFIRMED] =
    g_param_spec_boolean ("confirmed", NULL, NULL, TRUE, editable);

  g_object_class_install_properties (object_class, TOOL_N_PROPS, tool_properties);
}

static void
lento_tool_init (LentoTool *self)
{
  self->confirmed = TRUE;
}

/**
 * lento_tool_new:
 * @id: a stable id, unique in the inventory
 * @name: the name the person gave it
 * @kind: finger, trainer, plug or dilator
 * @material: what it is made of
 * @diameter_mm: the widest diameter
 * @length_mm: the insertable length, or 0 when unknown
 * @flared_base: whether it has a base wide enough that it cannot slip inside
 *
 * Returns: (transfer full): a confirmed tool
 */
LentoTool *
lento_tool_new (const char    *id,
                const char    *name,
                LentoToolKind  kind,
                LentoMaterial  material,
                double         diameter_mm,
                double         length_mm,
                gboolean       flared_base)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kind <= LENTO_TOOL_KIND_DILATOR, NULL);
  g_return_val_if_fail (material <= LENTO_MATERIAL_SKIN, NULL);
  g_return_val_if_fail (diameter_mm >= 0.0 && diameter_mm <= MAX_DIAMETER_MM, NULL);
  g_return_val_if_fail (length_mm >= 0.0 && length_mm <= MAX_LENGTH_MM, NULL);

  return g_object_new (LENTO_TYPE_TOOL,
                       "id", id,
                       "name", name,
                       "kind", kind,
                       "material", material,
                       "diameter", diameter_mm,
                       "length", length_mm,
                       "flared-base", flared_base,
                       NULL);
}

static const char * const tool_members[] = {
  "id", "name", "kind", "material", "diameter_mm", "length_mm", "flared_base", "confirmed", NULL,
};

/**
 * lento_tool_new_from_json:
 *
 * Returns: (transfer full): the tool, or %NULL with @error set
 */
LentoTool *
lento_tool_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(LentoTool) self = NULL;
  const char *id;
  const char *name;
  LentoToolKind kind;
  LentoMaterial material;
  double diameter = 0.0;
  double length = 0.0;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = get_string (object, "id");
  name = get_string (object, "name");
  if (id == NULL || *id == '\0' || name == NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("A tool in your inventory has no name or id. Remove it and add it again."));
      return NULL;
    }

  if (!lento_tool_kind_from_string (get_string (object, "kind"), &kind)
      || !lento_material_from_string (get_string (object, "material"), &material)
      || !get_number (object, "diameter_mm", &diameter)
      || diameter < MIN_DIAMETER_MM || diameter > MAX_DIAMETER_MM
      || (json_object_has_member (object, "length_mm")
          && (!get_number (object, "length_mm", &length)
              || length < 0.0 || length > MAX_LENGTH_MM)))
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("The details of “%s” could not be read. Edit the tool and save it again."),
                   name);
      return NULL;
    }

  self = lento_tool_new (id, name, kind, material, diameter, length,
                         get_boolean (object, "flared_base", FALSE));
  self->confirmed = get_boolean (object, "confirmed", TRUE);
  self->extra = keep_unknown (object, tool_members);

  return g_steal_pointer (&self);
}

/**
 * lento_tool_to_json:
 *
 * Returns: (transfer full): the tool as JSON, with any member a newer Lento wrote
 */
JsonObject *
lento_tool_to_json (LentoTool *self)
{
  JsonObject *object;

  g_return_val_if_fail (LENTO_IS_TOOL (self), NULL);

  object = json_object_new ();
  add_unknown (object, self->extra);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "name", self->name);
  json_object_set_string_member (object, "kind", tool_kind_names[self->kind]);
  json_object_set_string_member (object, "material", material_names[self->material]);
  json_object_set_double_member (object, "diameter_mm", self->diameter);
  json_object_set_double_member (object, "length_mm", self->length);
  json_object_set_boolean_member (object, "flared_base", self->flared_base);
  json_object_set_boolean_member (object, "confirmed", self->confirmed);
  return object;
}

const char *
lento_tool_get_id (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), NULL);
  return self->id;
}

const char *
lento_tool_get_name (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), NULL);
  return self->name;
}

void
lento_tool_set_name (LentoTool  *self,
                     const char *name)
{
  g_return_if_fail (LENTO_IS_TOOL (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), tool_properties [TOOL_PROP_NAME]);
}

LentoToolKind
lento_tool_get_kind (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), LENTO_TOOL_KIND_FINGER);
  return self->kind;
}

LentoMaterial
lento_tool_get_material (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), LENTO_MATERIAL_OTHER);
  return self->material;
}

double
lento_tool_get_diameter (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), 0.0);
  return self->diameter;
}

void
lento_tool_set_diameter (LentoTool *self,
                         double     diameter_mm)
{
  g_return_if_fail (LENTO_IS_TOOL (self));
  g_return_if_fail (diameter_mm >= 0.0 && diameter_mm <= MAX_DIAMETER_MM);

  if (self->diameter != diameter_mm)
    {
      self->diameter = diameter_mm;
      g_object_notify_by_pspec (G_OBJECT (self), tool_properties [TOOL_PROP_DIAMETER]);
    }
}

double
lento_tool_get_length (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), 0.0);
  return self->length;
}

gboolean
lento_tool_get_flared_base (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), FALSE);
  return self->flared_base;
}

gboolean
lento_tool_get_confirmed (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), FALSE);
  return self->confirmed;
}

void
lento_tool_set_confirmed (LentoTool *self,
                          gboolean   confirmed)
{
  g_return_if_fail (LENTO_IS_TOOL (self));

  confirmed = !!confirmed;
  if (self->confirmed != confirmed)
    {
      self->confirmed = confirmed;
      g_object_notify_by_pspec (G_OBJECT (self), tool_properties [TOOL_PROP_CONFIRMED]);
    }
}

/**
 * lento_tool_is_usable:
 * @self: a tool
 * @reason: (out) (optional) (transfer full): why the plan will not offer it
 *
 * Fingers are always usable: they are not objects that can be lost inside.
 * Anything else needs a flared base, and a diameter the person confirmed.
 *
 * Returns: whether the plan may offer the tool
 */
gboolean
lento_tool_is_usable (LentoTool  *self,
                      char      **reason)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), FALSE);

  if (self->kind == LENTO_TOOL_KIND_FINGER)
    return TRUE;

  if (!self->flared_base)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("“%s” has no flared base. Anything inserted needs a wide "
                                     "base so it cannot slip inside, so the plan never suggests "
                                     "it."), self->name);
      return FALSE;
    }

  if (!self->confirmed)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("Measure “%s” and confirm its diameter before the plan "
                                     "suggests it."), self->name);
      return FALSE;
    }

  return TRUE;
}

/* LentoLube */

struct _LentoLube
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  LentoLubeKind  kind;
  JsonObject    *extra;
};

G_DEFINE_FINAL_TYPE (LentoLube, lento_lube, G_TYPE_OBJECT)

enum {
  LUBE_PROP_0,
  LUBE_PROP_ID,
  LUBE_PROP_NAME,
  LUBE_PROP_KIND,
  LUBE_N_PROPS
};

static GParamSpec *lube_properties [LUBE_N_PROPS];

static void
lento_lube_finalize (GObject *object)
{
  LentoLube *self = (LentoLube *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lento_lube_parent_class)->finalize (object);
}

static void
lento_lube_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LentoLube *self = LENTO_LUBE (object);

  switch (prop_id)
    {
    case LUBE_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case LUBE_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case LUBE_PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_lube_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LentoLube *self = LENTO_LUBE (object);

  switch (prop_id)
    {
    case LUBE_PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case LUBE_PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case LUBE_PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_lube_class_init (LentoLubeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lento_lube_finalize;
  object_class->get_property = lento_lube_get_property;
  object_class->set_property = lento_lube_set_property;

  lube_properties [LUBE_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, construct);
  lube_properties [LUBE_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, construct);
  lube_properties [LUBE_PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, LENTO_LUBE_KIND_NUMBING, 0, construct);

  g_object_class_install_properties (object_class, LUBE_N_PROPS, lube_properties);
}

static void
lento_lube_init (LentoLube *self)
{
}

/**
 * lento_lube_new:
 *
 * Returns: (transfer full): a lubricant
 */
LentoLube *
lento_lube_new (const char    *id,
                const char    *name,
                LentoLubeKind  kind)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kind <= LENTO_LUBE_KIND_NUMBING, NULL);

  return g_object_new (LENTO_TYPE_LUBE, "id", id, "name", name, "kind", kind, NULL);
}

static const char * const lube_members[] = { "id", "name", "kind", NULL };

/**
 * lento_lube_new_from_json:
 *
 * A numbing product read back from a saved inventory is kept, so that
 * nothing the person entered disappears, but it is never usable.
 *
 * Returns: (transfer full): the lubricant, or %NULL with @error set
 */
LentoLube *
lento_lube_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(LentoLube) self = NULL;
  const char *id;
  const char *name;
  LentoLubeKind kind;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = get_string (object, "id");
  name = get_string (object, "name");
  if (id == NULL || *id == '\0' || name == NULL
      || !lento_lube_kind_from_string (get_string (object, "kind"), &kind))
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("A lubricant in your inventory could not be read. Remove it and add it "
                     "again."));
      return NULL;
    }

  self = lento_lube_new (id, name, kind);
  self->extra = keep_unknown (object, lube_members);
  return g_steal_pointer (&self);
}

/**
 * lento_lube_to_json:
 *
 * Returns: (transfer full): the lubricant as JSON
 */
JsonObject *
lento_lube_to_json (LentoLube *self)
{
  JsonObject *object;

  g_return_val_if_fail (LENTO_IS_LUBE (self), NULL);

  object = json_object_new ();
  add_unknown (object, self->extra);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "name", self->name);
  json_object_set_string_member (object, "kind", lube_kind_names[self->kind]);
  return object;
}

const char *
lento_lube_get_id (LentoLube *self)
{
  g_return_val_if_fail (LENTO_IS_LUBE (self), NULL);
  return self->id;
}

const char *
lento_lube_get_name (LentoLube *self)
{
  g_return_val_if_fail (LENTO_IS_LUBE (self), NULL);
  return self->name;
}

LentoLubeKind
lento_lube_get_kind (LentoLube *self)
{
  g_return_val_if_fail (LENTO_IS_LUBE (self), LENTO_LUBE_KIND_WATER);
  return self->kind;
}

static char *
numbing_reason (const char *name)
{
  return g_strdup_printf (_("“%s” numbs the skin. Pain is the signal to stop, and without it a "
                            "small tear can go unnoticed, so Lento never uses numbing products."),
                          name);
}

/**
 * lento_lube_is_usable:
 * @self: a lubricant
 * @reason: (out) (optional) (transfer full): why it is refused
 *
 * Returns: whether the plan may use the lubricant
 */
gboolean
lento_lube_is_usable (LentoLube  *self,
                      char      **reason)
{
  g_return_val_if_fail (LENTO_IS_LUBE (self), FALSE);

  if (self->kind == LENTO_LUBE_KIND_NUMBING)
    {
      if (reason != NULL)
        *reason = numbing_reason (self->name);
      return FALSE;
    }

  return TRUE;
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

static void
lento_inventory_dispose (GObject *object)
{
  LentoInventory *self = (LentoInventory *)object;

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
}

static void
lento_inventory_init (LentoInventory *self)
{
  self->tools = g_list_store_new (LENTO_TYPE_TOOL);
  self->lubes = g_list_store_new (LENTO_TYPE_LUBE);
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
  self->extra = keep_unknown (object, inventory_members);

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

      if (lento_inventory_find_tool (self, tool->id) != NULL)
        {
          g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                       _("Two tools in your inventory share one id. Remove “%s” and add it "
                         "again."), tool->name);
          return NULL;
        }

      g_list_store_append (self->tools, tool);
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

      if (lento_inventory_find_lube (self, lube->id) != NULL)
        {
          g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                       _("Two lubricants in your inventory share one id. Remove “%s” and add it "
                         "again."), lube->name);
          return NULL;
        }

      g_list_store_append (self->lubes, lube);
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
  add_unknown (object, self->extra);

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
      const char *item_id = LENTO_IS_TOOL (item) ? LENTO_TOOL (item)->id : LENTO_LUBE (item)->id;

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
  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (LENTO_IS_TOOL (tool), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lento_inventory_find_tool (self, tool->id) != NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                   _("“%s” is already in your inventory."), tool->name);
      return FALSE;
    }

  if (tool->diameter < MIN_DIAMETER_MM)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("“%s” needs a diameter. Measure its widest part in millimetres."),
                   tool->name);
      return FALSE;
    }

  g_list_store_append (self->tools, tool);
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
  g_autofree char *reason = NULL;

  g_return_val_if_fail (LENTO_IS_INVENTORY (self), FALSE);
  g_return_val_if_fail (LENTO_IS_LUBE (lube), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lento_lube_is_usable (lube, &reason))
    {
      g_set_error_literal (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED, reason);
      return FALSE;
    }

  if (lento_inventory_find_lube (self, lube->id) != NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE,
                   _("“%s” is already in your inventory."), lube->name);
      return FALSE;
    }

  g_list_store_append (self->lubes, lube);
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

  g_list_store_remove (self->tools, position);
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

  g_list_store_remove (self->lubes, position);
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

      tool = lento_tool_new (fingers[i].id, _(fingers[i].name), LENTO_TOOL_KIND_FINGER,
                             LENTO_MATERIAL_SKIN, fingers[i].diameter, fingers[i].length, FALSE);
      g_list_store_append (self->tools, tool);
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
                                        LENTO_MATERIAL_SILICONE, sizes[i].diameter, 0.0, TRUE);

      tool->confirmed = FALSE;
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

  if (tool_a->diameter != tool_b->diameter)
    return tool_a->diameter < tool_b->diameter ? -1 : 1;

  return g_strcmp0 (tool_a->id, tool_b->id);
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

      if ((tool->kind == LENTO_TOOL_KIND_FINGER) == fingers && lento_tool_is_usable (tool, NULL))
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

  g_return_val_if_fail (LENTO_IS_TOOL (tool), NULL);
  g_return_val_if_fail (LENTO_IS_LUBE (lube), NULL);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_inventory_issue_free);

  if (lube->kind == LENTO_LUBE_KIND_NUMBING)
    g_ptr_array_add (issues, issue_new (LENTO_ISSUE_NUMBING, LENTO_ISSUE_SEVERITY_BLOCKED,
                                        NULL, lube->id, numbing_reason (lube->name)));

  if (lube->kind == LENTO_LUBE_KIND_SILICONE && tool->material == LENTO_MATERIAL_SILICONE)
    g_ptr_array_add (issues,
                     issue_new (LENTO_ISSUE_SILICONE_ON_SILICONE, LENTO_ISSUE_SEVERITY_WARNING,
                                tool->id, lube->id,
                                g_strdup_printf (_("“%s” is silicone-based and “%s” is made of "
                                                   "silicone: the lubricant can leave the toy "
                                                   "sticky or porous. Use a thick water-based "
                                                   "lubricant with it instead."),
                                                 lube->name, tool->name)));

  return issues;
}

static LentoInventoryIssue *
check_lube (LentoLube *lube)
{
  if (lube->kind == LENTO_LUBE_KIND_NUMBING)
    return issue_new (LENTO_ISSUE_NUMBING, LENTO_ISSUE_SEVERITY_BLOCKED, NULL, lube->id,
                      numbing_reason (lube->name));

  if (lube->kind == LENTO_LUBE_KIND_OIL)
    return issue_new (LENTO_ISSUE_OIL_AND_LATEX, LENTO_ISSUE_SEVERITY_NOTE, NULL, lube->id,
                      g_strdup_printf (_("“%s” is oil-based. Oil weakens latex condoms, so "
                                         "choose a water-based lubricant whenever a condom "
                                         "is used."), lube->name));

  return NULL;
}

/**
 * lento_inventory_check:
 * @self: an inventory
 * @max_jump_percent: the largest step between sizes, in percent of the
 *   smaller diameter, before an intermediate size is suggested
 *
 * Every finding about the inventory as a whole: tools the plan will not
 * offer and why, lubricants that are refused or worth a note, silicone
 * lubricants that should not meet silicone tools, and steps in the ladder
 * that are larger than @max_jump_percent.
 *
 * Returns: (transfer full) (element-type LentoInventoryIssue): the findings
 */
GPtrArray *
lento_inventory_check (LentoInventory *self,
                       double          max_jump_percent)
{
  g_autoptr(GPtrArray) ladder = NULL;
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
                         issue_new (tool->flared_base ? LENTO_ISSUE_UNCONFIRMED
                                                      : LENTO_ISSUE_NO_FLARED_BASE,
                                    LENTO_ISSUE_SEVERITY_BLOCKED, tool->id, NULL, reason));
    }

  for (guint i = 0; i < n_lubes; i++)
    {
      g_autoptr(LentoLube) lube = g_list_model_get_item (G_LIST_MODEL (self->lubes), i);
      LentoInventoryIssue *issue = check_lube (lube);

      if (issue != NULL)
        g_ptr_array_add (issues, issue);

      if (lube->kind != LENTO_LUBE_KIND_SILICONE)
        continue;

      for (guint j = 0; j < n_tools; j++)
        {
          g_autoptr(LentoTool) tool = g_list_model_get_item (G_LIST_MODEL (self->tools), j);
          g_autoptr(GPtrArray) pair = NULL;

          if (!lento_tool_is_usable (tool, NULL))
            continue;

          pair = lento_inventory_check_pair (tool, lube);
          while (pair->len > 0)
            g_ptr_array_add (issues, g_ptr_array_steal_index (pair, 0));
        }
    }

  ladder = lento_inventory_dup_ladder (self);
  for (guint i = 1; i < ladder->len; i++)
    {
      LentoTool *smaller = g_ptr_array_index (ladder, i - 1);
      LentoTool *larger = g_ptr_array_index (ladder, i);
      double jump = (larger->diameter - smaller->diameter) / smaller->diameter * 100.0;
      LentoInventoryIssue *issue;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *middle = NULL;
      double suggested;

      /* A tolerance keeps 15 mm to 18 mm, exactly 20%, from tripping on rounding. */
      if (jump <= max_jump_percent + 1e-9)
        continue;

      /* The suggestion is the largest step the rule allows, to the half millimetre. */
      suggested = floor (smaller->diameter * (1.0 + max_jump_percent / 100.0) * 2.0) / 2.0;
      from = format_mm (smaller->diameter);
      to = format_mm (larger->diameter);
      middle = format_mm (suggested);

      issue = issue_new (LENTO_ISSUE_LADDER_JUMP, LENTO_ISSUE_SEVERITY_NOTE, smaller->id, NULL,
                         g_strdup_printf (_("From “%s” (%s mm) to “%s” (%s mm) is a step of "
                                            "%.0f%%. "
                                            "A size of about %s mm in between would make it "
                                            "gentler."),
                                          smaller->name, from, larger->name, to, jump, middle));
      issue->other_tool_id = g_strdup (larger->id);
      issue->suggested_diameter = suggested;
      g_ptr_array_add (issues, issue);
    }

  return issues;
}
