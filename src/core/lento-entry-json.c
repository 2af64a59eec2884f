/* lento-entry-json.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-entry"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "lento-core-error.h"
#include "lento-entry.h"
#include "lento-entry-private.h"

/* An entry as a JSON object, as the journal's documents and the exports
 * hold it (docs/FORMAT.md): reading it, writing it, and keeping the members
 * this version does not know, so that they are written back as they were.
 */

static const char * const known_keys[] = {
  KEY_UUID, KEY_KIND, KEY_CREATED, KEY_MODIFIED, KEY_START, KEY_STAGE, KEY_TOOL, KEY_DIAMETER,
  KEY_LUBE, KEY_DURATION, KEY_WEAR, KEY_RESISTANCE, KEY_COMFORT, KEY_PAIN, KEY_SHARP_PAIN,
  KEY_BLEEDING, KEY_URGE_FADED, KEY_RELAXATION, KEY_NOTES, KEY_TAGS, NULL
};

static gboolean
is_known_key (const char *name)
{
  static GHashTable *keys;

  /* Every entry of a ten-year journal asks this for each member. */
  if (g_once_init_enter (&keys))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; known_keys[i] != NULL; i++)
        g_hash_table_add (set, (gpointer)known_keys[i]);
      g_once_init_leave (&keys, set);
    }

  return g_hash_table_contains (keys, name);
}

/* JSON reading helpers. Each one leaves @out alone when the member is
 * missing or null, so that the defaults stand.
 */

static gboolean
wrong_type (const char  *key,
            GError     **error)
{
  g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_ENTRY,
               /* Translators: %s is the name of a field of a journal entry, like “wear_seconds”. */
               _("A journal entry has an unreadable “%s” value. "
                 "Restore the previous copy of this month if entries are missing."),
               key);
  return FALSE;
}

static JsonNode *
get_value_node (JsonObject *object,
                const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

/* Like read_string(), without a copy: @out points into @object. */
static gboolean
peek_string (JsonObject  *object,
             const char  *key,
             const char **out,
             GError     **error)
{
  JsonNode *node = get_value_node (object, key);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (key, error);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *key,
             char       **out,
             GError     **error)
{
  const char *text = NULL;

  if (!peek_string (object, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = get_value_node (object, key);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (key, error);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return wrong_type (key, error);

  *out = value;
  return TRUE;
}

static gboolean
read_double (JsonObject  *object,
             const char  *key,
             double      *out,
             GError     **error)
{
  JsonNode *node = get_value_node (object, key);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_type (key, error);

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else
    return wrong_type (key, error);

  if (!isfinite (*out))
    return wrong_type (key, error);

  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *key,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = get_value_node (object, key);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (key, error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_time (JsonObject  *object,
           const char  *key,
           GDateTime  **out,
           GError     **error)
{
  const char *text = NULL;
  GDateTime *parsed;

  if (!peek_string (object, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* Lento always writes an offset; text without one is not ours. */
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    return wrong_type (key, error);

  g_clear_pointer (out, g_date_time_unref);
  *out = parsed;
  return TRUE;
}

/* Reads an enum member by nick. A nick this version does not know (a newer
 * Lento may add values) is not an error: the raw member stays in the
 * unknown members so it is written back, and the value read is the most
 * cautious one, so that the coach never advances on data it cannot read.
 */
static gboolean
read_enum (JsonObject  *object,
           JsonObject  *unknown,
           const char  *key,
           GType        type,
           int          cautious,
           int         *out,
           GError     **error)
{
  const char *nick = NULL;

  if (!peek_string (object, key, &nick, error))
    return FALSE;
  if (nick == NULL)
    return TRUE;

  if (!_lento_entry_enum_from_nick (type, nick, out))
    {
      json_object_set_member (unknown, key, json_node_copy (json_object_get_member (object, key)));
      *out = cautious;
    }

  return TRUE;
}

static gboolean
read_tags (JsonObject  *object,
           GStrv       *out,
           GError     **error)
{
  JsonNode *node = get_value_node (object, KEY_TAGS);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (KEY_TAGS, error);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return wrong_type (KEY_TAGS, error);
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  g_clear_pointer (out, g_strfreev);
  *out = n > 0 ? g_strv_builder_end (builder) : NULL;
  return TRUE;
}

/**
 * lento_entry_new_from_json:
 * @object: a JSON object as written by lento_entry_to_json()
 * @error: where to report a member that cannot be read
 *
 * Reads an entry. Members this version does not know are kept and written
 * back by lento_entry_to_json(). Only "uuid" and "start" are required.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with @error set
 */
LentoEntry *
lento_entry_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(LentoEntry) self = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) start = NULL;
  gint64 duration = 0;
  gint64 wear = 0;
  gint64 comfort = LENTO_ENTRY_UNSET;
  gint64 pain = LENTO_ENTRY_UNSET;
  gint64 urge_faded = LENTO_ENTRY_UNSET;
  gint64 relaxation = LENTO_ENTRY_UNSET;
  int kind = LENTO_ENTRY_KIND_SESSION;
  int resistance = LENTO_RESISTANCE_UNSET;
  int bleeding = LENTO_BLEEDING_NONE;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_string (object, KEY_UUID, &uuid, error) ||
      !read_time (object, KEY_CREATED, &created, error) ||
      !read_time (object, KEY_MODIFIED, &modified, error) ||
      !read_time (object, KEY_START, &start, error))
    return NULL;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid) || start == NULL)
    {
      g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_ENTRY,
                   _("A journal entry has no identifier or no start time. "
                     "Restore the previous copy of this month if entries are missing."));
      return NULL;
    }

  /* Entries from before "created" was recorded count as made when they started. */
  if (created == NULL)
    created = g_date_time_ref (start);
  if (modified == NULL)
    modified = g_date_time_ref (created);

  self = g_object_new (LENTO_TYPE_ENTRY,
                       "uuid", uuid,
                       "created", created,
                       "start", start,
                       NULL);
  _lento_entry_set_date_time (&self->modified, modified, TRUE);

  unknown = json_object_new ();

  if (!read_string (object, KEY_STAGE, &self->stage, error) ||
      !read_string (object, KEY_TOOL, &self->tool, error) ||
      !read_string (object, KEY_LUBE, &self->lube, error) ||
      !read_string (object, KEY_NOTES, &self->notes, error) ||
      !read_tags (object, &self->tags, error) ||
      !read_double (object, KEY_DIAMETER, &self->diameter, error) ||
      !read_int (object, KEY_DURATION, 0, G_MAXUINT, &duration, error) ||
      !read_int (object, KEY_WEAR, 0, G_MAXUINT, &wear, error) ||
      !read_int (object, KEY_COMFORT, G_MININT, G_MAXINT, &comfort, error) ||
      !read_int (object, KEY_PAIN, G_MININT, G_MAXINT, &pain, error) ||
      !read_int (object, KEY_URGE_FADED, G_MININT, G_MAXINT, &urge_faded, error) ||
      !read_int (object, KEY_RELAXATION, G_MININT, G_MAXINT, &relaxation, error) ||
      !read_bool (object, KEY_SHARP_PAIN, &self->sharp_pain, error) ||
      !read_enum (object, unknown, KEY_KIND, LENTO_TYPE_ENTRY_KIND,
                  LENTO_ENTRY_KIND_REST, &kind, error) ||
      !read_enum (object, unknown, KEY_RESISTANCE, LENTO_TYPE_RESISTANCE,
                  LENTO_RESISTANCE_STRONG, &resistance, error) ||
      !read_enum (object, unknown, KEY_BLEEDING, LENTO_TYPE_BLEEDING,
                  LENTO_BLEEDING_SIGNIFICANT, &bleeding, error))
    return NULL;

  self->duration = duration;
  self->wear = wear;
  self->comfort = comfort;
  self->pain = pain;
  self->urge_faded = urge_faded;
  self->relaxation = relaxation;
  self->kind = kind;
  self->resistance = resistance;
  self->bleeding = bleeding;

  /* Most entries hold only known members; counting them is cheaper than
   * walking every member, and a ten-year journal reads 10,000 entries.
   */
  {
    guint n_known = 0;

    for (guint i = 0; known_keys[i] != NULL; i++)
      n_known += json_object_has_member (object, known_keys[i]);

    if (n_known < json_object_get_size (object))
      {
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &node))
          {
            if (!is_known_key (name))
              json_object_set_member (unknown, name, json_node_copy (node));
          }
      }
  }

  if (json_object_get_size (unknown) > 0)
    self->unknown = g_steal_pointer (&unknown);

  return g_steal_pointer (&self);
}

static void
set_time_member (JsonObject *object,
                 const char *key,
                 GDateTime  *value)
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return;

  /* Always "+hh:mm" or "Z", and microseconds only when there are some, so
   * that other tools read the times without surprises. The year has four
   * digits ("%C%y"): "%Y" writes year 291 as "291", which ISO 8601 readers,
   * this one too, refuse.
   */
  if (g_date_time_get_utc_offset (value) == 0)
    text = g_date_time_format (value, g_date_time_get_microsecond (value) != 0 ?
                                      "%C%y-%m-%dT%H:%M:%S.%fZ" : "%C%y-%m-%dT%H:%M:%SZ");
  else
    text = g_date_time_format (value, g_date_time_get_microsecond (value) != 0 ?
                                      "%C%y-%m-%dT%H:%M:%S.%f%:z" : "%C%y-%m-%dT%H:%M:%S%:z");
  json_object_set_string_member (object, key, text);
}

static void
set_optional_string (JsonObject *object,
                     const char *key,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
}

static void
set_optional_int (JsonObject *object,
                  const char *key,
                  int         value)
{
  if (value != LENTO_ENTRY_UNSET)
    json_object_set_int_member (object, key, value);
}

/**
 * lento_entry_to_json:
 * @self: a #LentoEntry
 *
 * Writes the entry as a JSON object, with the members it was read from but
 * did not understand. Values that are not recorded are left out.
 *
 * Returns: (transfer full): a new JSON object
 */
JsonObject *
lento_entry_to_json (LentoEntry *self)
{
  JsonObject *object;

  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, KEY_UUID, self->uuid);
  json_object_set_string_member (object, KEY_KIND, lento_entry_kind_to_string (self->kind));
  set_time_member (object, KEY_CREATED, self->created);
  set_time_member (object, KEY_MODIFIED, self->modified);
  set_time_member (object, KEY_START, self->start);
  set_optional_string (object, KEY_STAGE, self->stage);
  set_optional_string (object, KEY_TOOL, self->tool);
  json_object_set_double_member (object, KEY_DIAMETER, self->diameter);
  set_optional_string (object, KEY_LUBE, self->lube);
  json_object_set_int_member (object, KEY_DURATION, self->duration);
  json_object_set_int_member (object, KEY_WEAR, self->wear);
  if (self->resistance != LENTO_RESISTANCE_UNSET)
    json_object_set_string_member (object, KEY_RESISTANCE,
                                   lento_resistance_to_string (self->resistance));
  set_optional_int (object, KEY_COMFORT, self->comfort);
  set_optional_int (object, KEY_PAIN, self->pain);
  json_object_set_boolean_member (object, KEY_SHARP_PAIN, self->sharp_pain);
  json_object_set_string_member (object, KEY_BLEEDING, lento_bleeding_to_string (self->bleeding));
  set_optional_int (object, KEY_URGE_FADED, self->urge_faded);
  set_optional_int (object, KEY_RELAXATION, self->relaxation);
  set_optional_string (object, KEY_NOTES, self->notes);

  if (self->tags != NULL)
    {
      JsonArray *array = json_array_sized_new (g_strv_length (self->tags));

      for (guint i = 0; self->tags[i] != NULL; i++)
        json_array_add_string_element (array, self->tags[i]);
      json_object_set_array_member (object, KEY_TAGS, array);
    }

  /* Unknown members last; an enum value we could not read replaces the
   * cautious stand-in written above, since nobody has changed it.
   */
  if (self->unknown != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, self->unknown);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (object, name, json_node_copy (node));
    }

  return object;
}
