/* fuzz-json.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

/* What the targets of decrypted documents share: the bytes are read as
 * JSON the way the app reads them, and what they write back is compared
 * as text.
 */

/* A warning or a critical (a g_return_if_fail() that tripped) on any input
 * is a bug, as it is in the tests. GLib stops on a fatal message with
 * SIGTRAP, which libFuzzer does not catch, so the input would be lost:
 * the writer aborts instead, and libFuzzer keeps the input as a crash.
 */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

static inline void
fuzz_make_logs_fatal (void)
{
  static gboolean done = FALSE;

  if (!done)
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      done = TRUE;
    }
}

/* Returns: (transfer full) (nullable): the document's root, or %NULL when
 * the bytes are not JSON.
 */
static inline JsonNode *
fuzz_parse_json (const uint8_t *data,
                 size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

/* Takes @object (transfer full), as the to_json() functions give it. */
static inline char *
fuzz_object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return json_to_string (node, FALSE);
}
