/* lento-lube.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-lube"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-inventory-private.h"
#include "lento-lube.h"

static const char * const lube_kind_names[] = {
  "water", "silicone", "hybrid", "oil", "numbing",
};

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

  if (!_lento_inventory_nick_to_value (nick, lube_kind_names, G_N_ELEMENTS (lube_kind_names),
                                       &value))
    return FALSE;
  *kind = value;
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

  id = _lento_inventory_get_string (object, "id");
  name = _lento_inventory_get_string (object, "name");
  if (id == NULL || *id == '\0' || name == NULL
      || !lento_lube_kind_from_string (_lento_inventory_get_string (object, "kind"), &kind))
    {
      g_set_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                   _("A lubricant in your inventory could not be read. Remove it and add it "
                     "again."));
      return NULL;
    }

  self = lento_lube_new (id, name, kind);
  self->extra = _lento_inventory_keep_unknown (object, lube_members);
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
  _lento_inventory_add_unknown (object, self->extra);
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

/* Changes what the person may edit of a lubricant; only the inventory calls
 * this, after its own checks, so that a numbing product never gets in by an
 * edit either.
 */
gboolean
_lento_lube_update (LentoLube     *self,
                    const char    *name,
                    LentoLubeKind  kind)
{
  gboolean changed = FALSE;

  g_assert (LENTO_IS_LUBE (self));
  g_assert (name != NULL);
  g_assert (kind <= LENTO_LUBE_KIND_NUMBING);

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), lube_properties [LUBE_PROP_NAME]);
      changed = TRUE;
    }

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), lube_properties [LUBE_PROP_KIND]);
      changed = TRUE;
    }

  return changed;
}

char *
_lento_lube_numbing_reason (const char *name)
{
  /* Translators: %s is the name of a lubricant or cream. */
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
        *reason = _lento_lube_numbing_reason (self->name);
      return FALSE;
    }

  return TRUE;
}
