/* lento-tool.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-tool"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lento-inventory-private.h"
#include "lento-tool.h"

static const char * const tool_kind_names[] = {
  "finger", "trainer", "plug", "dilator",
};

static const char * const material_names[] = {
  "silicone", "glass", "steel", "plastic", "other", "skin",
};

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

  if (!_lento_inventory_nick_to_value (nick, tool_kind_names, G_N_ELEMENTS (tool_kind_names),
                                       &value))
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

  if (!_lento_inventory_nick_to_value (nick, material_names, G_N_ELEMENTS (material_names), &value))
    return FALSE;
  *material = value;
  return TRUE;
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
  LentoFlaredBase flared_base;
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
      g_value_set_uint (value, self->flared_base);
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
      lento_tool_set_flared_base_answer (self, g_value_get_uint (value));
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
    g_param_spec_double ("diameter", NULL, NULL, 0.0, LENTO_TOOL_MAX_DIAMETER_MM, 0.0, editable);
  tool_properties [TOOL_PROP_LENGTH] =
    g_param_spec_double ("length", NULL, NULL, 0.0, LENTO_TOOL_MAX_LENGTH_MM, 0.0, construct);
  tool_properties [TOOL_PROP_FLARED_BASE] =
    g_param_spec_uint ("flared-base", NULL, NULL, 0, LENTO_FLARED_BASE_UNKNOWN,
                       LENTO_FLARED_BASE_UNKNOWN, editable);
  tool_properties [TOOL_PROP_CONFIRMED] =
    g_param_spec_boolean ("confirmed", NULL, NULL, TRUE, editable);

  g_object_class_install_properties (object_class, TOOL_N_PROPS, tool_properties);
}

static void
lento_tool_init (LentoTool *self)
{
  self->flared_base = LENTO_FLARED_BASE_UNKNOWN;
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
 * @flared_base: whether it has a base wide enough that it cannot slip
 *   inside, as the person answered; %LENTO_FLARED_BASE_UNKNOWN until they do
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
                LentoFlaredBase flared_base)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kind <= LENTO_TOOL_KIND_DILATOR, NULL);
  g_return_val_if_fail (material <= LENTO_MATERIAL_SKIN, NULL);
  g_return_val_if_fail (diameter_mm >= 0.0 && diameter_mm <= LENTO_TOOL_MAX_DIAMETER_MM, NULL);
  g_return_val_if_fail (length_mm >= 0.0 && length_mm <= LENTO_TOOL_MAX_LENGTH_MM, NULL);
  g_return_val_if_fail (flared_base <= LENTO_FLARED_BASE_UNKNOWN, NULL);

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
  LentoFlaredBase flared_base = LENTO_FLARED_BASE_UNKNOWN;
  JsonNode *flared;
  double diameter = 0.0;
  double length = 0.0;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = _lento_inventory_get_string (object, "id");
  name = _lento_inventory_get_string (object, "name");
  if (id == NULL || *id == '\0' || name == NULL)
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("A tool in your inventory has no name or id. Remove it and add it again."));
      return NULL;
    }

  if (!lento_tool_kind_from_string (_lento_inventory_get_string (object, "kind"), &kind)
      || !lento_material_from_string (_lento_inventory_get_string (object, "material"), &material)
      || !_lento_inventory_get_number (object, "diameter_mm", &diameter)
      || diameter < LENTO_TOOL_MIN_DIAMETER_MM || diameter > LENTO_TOOL_MAX_DIAMETER_MM
      || (json_object_has_member (object, "length_mm")
          && (!_lento_inventory_get_number (object, "length_mm", &length)
              || length < 0.0 || length > LENTO_TOOL_MAX_LENGTH_MM)))
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   /* Translators: %s is the name of a tool, like “Trainer 2”. */
                   _("The details of “%s” could not be read. Edit the tool and save it again."),
                   name);
      return NULL;
    }

  /* A tool written before the question, or without an answer, stays
   * unanswered; a value this version cannot read is kept as it was.
   */
  flared = json_object_get_member (object, "flared_base");
  if (flared != NULL && JSON_NODE_HOLDS_VALUE (flared)
      && json_node_get_value_type (flared) == G_TYPE_BOOLEAN)
    flared_base = json_node_get_boolean (flared) ? LENTO_FLARED_BASE_YES : LENTO_FLARED_BASE_NO;

  self = lento_tool_new (id, name, kind, material, diameter, length, flared_base);
  self->confirmed = _lento_inventory_get_boolean (object, "confirmed", TRUE);
  self->extra = _lento_inventory_keep_unknown (object, tool_members);
  if (flared != NULL && flared_base == LENTO_FLARED_BASE_UNKNOWN && !JSON_NODE_HOLDS_NULL (flared))
    {
      if (self->extra == NULL)
        self->extra = json_object_new ();
      json_object_set_member (self->extra, "flared_base", json_node_copy (flared));
    }

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
  _lento_inventory_add_unknown (object, self->extra);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "name", self->name);
  json_object_set_string_member (object, "kind", tool_kind_names[self->kind]);
  json_object_set_string_member (object, "material", material_names[self->material]);
  json_object_set_double_member (object, "diameter_mm", self->diameter);
  json_object_set_double_member (object, "length_mm", self->length);
  /* Unanswered is absent, so that an older Lento reads it as no base. */
  if (self->flared_base != LENTO_FLARED_BASE_UNKNOWN)
    json_object_set_boolean_member (object, "flared_base",
                                    self->flared_base == LENTO_FLARED_BASE_YES);
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
  g_return_if_fail (diameter_mm >= 0.0 && diameter_mm <= LENTO_TOOL_MAX_DIAMETER_MM);

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

/**
 * lento_tool_get_flared_base:
 * @self: a tool
 *
 * What the safety rules read: a tool the person has not answered for counts
 * as one without a flared base.
 *
 * Returns: %TRUE only if the person said the tool has a flared base
 */
gboolean
lento_tool_get_flared_base (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), FALSE);
  return self->flared_base == LENTO_FLARED_BASE_YES;
}

/**
 * lento_tool_get_flared_base_answer:
 * @self: a tool
 *
 * Returns: what the person answered, or %LENTO_FLARED_BASE_UNKNOWN
 */
LentoFlaredBase
lento_tool_get_flared_base_answer (LentoTool *self)
{
  g_return_val_if_fail (LENTO_IS_TOOL (self), LENTO_FLARED_BASE_UNKNOWN);
  return self->flared_base;
}

void
lento_tool_set_flared_base_answer (LentoTool       *self,
                                   LentoFlaredBase  flared_base)
{
  g_return_if_fail (LENTO_IS_TOOL (self));
  g_return_if_fail (flared_base <= LENTO_FLARED_BASE_UNKNOWN);

  if (self->flared_base != flared_base)
    {
      self->flared_base = flared_base;
      g_object_notify_by_pspec (G_OBJECT (self), tool_properties [TOOL_PROP_FLARED_BASE]);
    }
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

  if (self->flared_base == LENTO_FLARED_BASE_UNKNOWN)
    {
      if (reason != NULL)
        /* Translators: %s is the name of a tool, like “Trainer 2”. */
        *reason = g_strdup_printf (_("Say whether “%s” has a flared base: edit it and answer. "
                                     "Anything inserted needs a wide base so it cannot slip "
                                     "inside, so until then the plan leaves it out."),
                                   self->name);
      return FALSE;
    }

  if (self->flared_base != LENTO_FLARED_BASE_YES)
    {
      if (reason != NULL)
        /* Translators: %s is the name of a tool, like “Trainer 2”. */
        *reason = g_strdup_printf (_("“%s” has no flared base. Anything inserted needs a wide "
                                     "base so it cannot slip inside, so the plan never suggests "
                                     "it."), self->name);
      return FALSE;
    }

  if (!self->confirmed)
    {
      if (reason != NULL)
        /* Translators: %s is the name of a tool, like “Trainer 2”. */
        *reason = g_strdup_printf (_("Measure “%s” and confirm its diameter before the plan "
                                     "suggests it."), self->name);
      return FALSE;
    }

  return TRUE;
}

/**
 * lento_format_diameter:
 * @mm: a diameter in millimetres
 *
 * A size the way people measure and read it: whole millimetres when the
 * size is whole, one decimal otherwise, with the locale's decimal mark.
 * Every diameter a person reads goes through here, so that one size never
 * reads two ways.
 *
 * Returns: (transfer full): the diameter with its unit, like “18 mm” or “21.5 mm”
 */
char *
lento_format_diameter (double mm)
{
  /* The number and its unit are joined by a no-break space, so that a line
   * that wraps never leaves the unit alone at the start of the next.
   */

  /* A size a hair off a whole number, as arithmetic leaves it, is whole. */
  if (fabs (mm - round (mm)) < 0.05)
    /* Translators: a diameter in whole millimetres, like “18 mm”. Keep the
     * no-break space (U+00A0) between the number and the unit. */
    return g_strdup_printf (_("%.0f\u00a0mm"), mm);

  /* Translators: a diameter in millimetres with one decimal, like “21.5 mm”.
   * Keep the no-break space (U+00A0) between the number and the unit. */
  return g_strdup_printf (_("%.1f\u00a0mm"), mm);
}
