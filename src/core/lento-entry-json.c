/* lento-entry-json.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-entry"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "lento-core-error.h"
#include "lento-entry.h"
#include "lento-entry-private.h"

/* An entry as a JSON object, as the journal's documents and the exports
 * hold it (docs/FORMAT.md): reading it, writing it, and keeping the members
 * this version does not know, so that they are written back as they were.
 */

/* The members this version knows, in the order of Member below. */
static const char * const known_keys[] = {
  KEY_UUID, KEY_KIND, KEY_CREATED, KEY_MODIFIED, KEY_START, KEY_STAGE, KEY_TOOL, KEY_DIAMETER,
  KEY_LUBE, KEY_DURATION, KEY_WEAR, KEY_RESISTANCE, KEY_COMFORT, KEY_PAIN, KEY_SHARP_PAIN,
  KEY_BLEEDING, KEY_URGE_FADED, KEY_RELAXATION, KEY_NOTES, KEY_TAGS,
};

typedef enum {
  MEMBER_UUID,
  MEMBER_KIND,
  MEMBER_CREATED,
  MEMBER_MODIFIED,
  MEMBER_START,
  MEMBER_STAGE,
  MEMBER_TOOL,
  MEMBER_DIAMETER,
  MEMBER_LUBE,
  MEMBER_DURATION,
  MEMBER_WEAR,
  MEMBER_RESISTANCE,
  MEMBER_COMFORT,
  MEMBER_PAIN,
  MEMBER_SHARP_PAIN,
  MEMBER_BLEEDING,
  MEMBER_URGE_FADED,
  MEMBER_RELAXATION,
  MEMBER_NOTES,
  MEMBER_TAGS,
  N_MEMBERS,
} Member;

G_STATIC_ASSERT (G_N_ELEMENTS (known_keys) == N_MEMBERS);

/* Which known member @name is, or -1 for a member this version does not
 * know. Every entry of a ten-year journal asks this for each member, and
 * comparing first letters is cheaper than hashing the name.
 */
static int
member_from_name (const char *name)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    if (known_keys[i][0] == name[0] && strcmp (known_keys[i], name) == 0)
      return i;

  return -1;
}

/* Whether two members hold the same text. */
static gboolean
same_string (JsonNode *a,
             JsonNode *b)
{
  return a != NULL && b != NULL &&
         JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) == G_TYPE_STRING &&
         JSON_NODE_HOLDS_VALUE (b) && json_node_get_value_type (b) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
}

/* JSON reading helpers. Each one takes the member's node, %NULL when the
 * member is missing, and leaves @out alone when it is missing or null, so
 * that the defaults stand.
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
get_value_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

/* Like read_string(), without a copy: @out points into the node. */
static gboolean
peek_string (JsonNode    *member,
             const char  *key,
             const char **out,
             GError     **error)
{
  JsonNode *node = get_value_node (member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (key, error);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_string (JsonNode    *member,
             const char  *key,
             char       **out,
             GError     **error)
{
  const char *text = NULL;

  if (!peek_string (member, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (JsonNode    *member,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = get_value_node (member);
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
read_double (JsonNode    *member,
             const char  *key,
             double      *out,
             GError     **error)
{
  JsonNode *node = get_value_node (member);

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
read_bool (JsonNode    *member,
           const char  *key,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = get_value_node (member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (key, error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_time (JsonNode    *member,
           const char  *key,
           GDateTime  **out,
           GError     **error)
{
  const char *text = NULL;
  GDateTime *parsed;

  if (!peek_string (member, key, &text, error))
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
 * Lento may add values) is not an error: the raw member goes into
 * @unknown, made when first needed, so that it is written back, and the
 * value read is the most cautious one, so that the coach never advances
 * on data it cannot read.
 */
static gboolean
read_enum (JsonNode     *member,
           JsonObject  **unknown,
           const char   *key,
           GType         type,
           int           cautious,
           int          *out,
           GError      **error)
{
  const char *nick = NULL;

  if (!peek_string (member, key, &nick, error))
    return FALSE;
  if (nick == NULL)
    return TRUE;

  if (!_lento_entry_enum_from_nick (type, nick, out))
    {
      if (*unknown == NULL)
        *unknown = json_object_new ();
      json_object_set_member (*unknown, key, json_node_copy (member));
      *out = cautious;
    }

  return TRUE;
}

static gboolean
read_tags (JsonNode  *member,
           GStrv     *out,
           GError   **error)
{
  JsonNode *node = get_value_node (member);
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
  JsonNode *members[N_MEMBERS] = { NULL, };
  gboolean has_unknown = FALSE;
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

  /* One walk over the members finds every one this version knows, rather
   * than a lookup for each name: a ten-year journal reads 10,000 entries.
   */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      int member = member_from_name (name);

      if (member < 0)
        has_unknown = TRUE;
      else
        members[member] = node;
    }

  if (!read_string (members[MEMBER_UUID], KEY_UUID, &uuid, error) ||
      !read_time (members[MEMBER_CREATED], KEY_CREATED, &created, error))
    return NULL;

  /* An entry never edited was last modified when it was made: the same
   * text, read once.
   */
  if (created != NULL && same_string (members[MEMBER_MODIFIED], members[MEMBER_CREATED]))
    modified = g_date_time_ref (created);
  else if (!read_time (members[MEMBER_MODIFIED], KEY_MODIFIED, &modified, error))
    return NULL;

  if (!read_time (members[MEMBER_START], KEY_START, &start, error))
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
  if (modified == created)
    self->modified = g_date_time_ref (self->created);
  else
    _lento_entry_set_date_time (&self->modified, modified, TRUE);

  if (!read_string (members[MEMBER_STAGE], KEY_STAGE, &self->stage, error) ||
      !read_string (members[MEMBER_TOOL], KEY_TOOL, &self->tool, error) ||
      !read_string (members[MEMBER_LUBE], KEY_LUBE, &self->lube, error) ||
      !read_string (members[MEMBER_NOTES], KEY_NOTES, &self->notes, error) ||
      !read_tags (members[MEMBER_TAGS], &self->tags, error) ||
      !read_double (members[MEMBER_DIAMETER], KEY_DIAMETER, &self->diameter, error) ||
      !read_int (members[MEMBER_DURATION], KEY_DURATION, 0, G_MAXUINT, &duration, error) ||
      !read_int (members[MEMBER_WEAR], KEY_WEAR, 0, G_MAXUINT, &wear, error) ||
      !read_int (members[MEMBER_COMFORT], KEY_COMFORT, G_MININT, G_MAXINT, &comfort, error) ||
      !read_int (members[MEMBER_PAIN], KEY_PAIN, G_MININT, G_MAXINT, &pain, error) ||
      !read_int (members[MEMBER_URGE_FADED], KEY_URGE_FADED, G_MININT, G_MAXINT, &urge_faded,
                 error) ||
      !read_int (members[MEMBER_RELAXATION], KEY_RELAXATION, G_MININT, G_MAXINT, &relaxation,
                 error) ||
      !read_bool (members[MEMBER_SHARP_PAIN], KEY_SHARP_PAIN, &self->sharp_pain, error) ||
      !read_enum (members[MEMBER_KIND], &unknown, KEY_KIND, LENTO_TYPE_ENTRY_KIND,
                  LENTO_ENTRY_KIND_REST, &kind, error) ||
      !read_enum (members[MEMBER_RESISTANCE], &unknown, KEY_RESISTANCE, LENTO_TYPE_RESISTANCE,
                  LENTO_RESISTANCE_STRONG, &resistance, error) ||
      !read_enum (members[MEMBER_BLEEDING], &unknown, KEY_BLEEDING, LENTO_TYPE_BLEEDING,
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

  /* The members kept as they are, in the order the document has them. */
  if (has_unknown)
    {
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (member_from_name (name) < 0)
            json_object_set_member (unknown, name, json_node_copy (node));
        }
    }

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
