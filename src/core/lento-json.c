/* lento-json.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-json"

#include "config.h"

#include <math.h>

#include "lento-json.h"

/* json-glib's generator writes a double as g_ascii_dtostr() does, "%.17g",
 * adding ".0" when that has no point. "%.17g" writes a plain decimal,
 * never an exponent, for zero and for every magnitude from 1e-4 to below
 * 1e17 (1e16 here, to keep clear of rounding), and json-glib reads plain
 * decimals back (tests/core/test-journal.c checks that it does). Only
 * the other numbers need the round trip: some of them, 1e17 among them,
 * come out in a form json-glib's own parser refuses. Every entry has a
 * diameter, so a journal asks this thousands of times.
 */
static gboolean
double_is_writable (JsonNode *node)
{
  double value = json_node_get_double (node);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) back = NULL;

  if (!isfinite (value))
    return FALSE;
  if (value == 0 || (fabs (value) >= 1e-4 && fabs (value) < 1e16))
    return TRUE;

  text = json_to_string (node, FALSE);
  back = json_from_string (text, NULL);
  return back != NULL;
}

/**
 * lento_json_is_writable:
 * @node: (nullable): what json-glib read from a document
 *
 * Lento writes back what it reads, unknown members included. json-glib
 * reads a number too large for a double as infinity, and some malformed
 * escapes into strings that are not UTF-8; its generator writes both out
 * as they are ("inf", raw bytes), and some large finite numbers in a form
 * its parser refuses ("1e+17"); then no reader, json-glib included, reads
 * the document again. A document holding either is therefore
 * treated as unreadable when it is read, and so never saved over.
 *
 * Returns: whether writing @node gives JSON that reads back
 */
gboolean
lento_json_is_writable (JsonNode *node)
{
  if (node == NULL)
    return TRUE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !lento_json_is_writable (member))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          if (!lento_json_is_writable (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return double_is_writable (node);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_utf8_validate (json_node_get_string (node), -1, NULL);
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * lento_json_get_string:
 * @object: a JSON object read from a document
 * @name: a member's name
 *
 * Unlike json_object_get_string_member_with_default(), which raises a
 * critical when the member is an object or an array, this reads whatever
 * a damaged or hostile document holds without complaint.
 *
 * Returns: (nullable): the member's text, or %NULL when it is missing or
 *   not a string
 */
const char *
lento_json_get_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * lento_json_array_get_string:
 * @array: a JSON array read from a document
 * @index: an element's index, less than the array's length
 *
 * Unlike json_array_get_string_element(), which raises a critical when
 * the element is an object or an array, this reads whatever a damaged or
 * hostile document holds without complaint.
 *
 * Returns: (nullable): the element's text, or %NULL when it is not a string
 */
const char *
lento_json_array_get_string (JsonArray *array,
                             guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}
