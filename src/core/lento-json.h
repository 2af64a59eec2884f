/* lento-json.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean    lento_json_is_writable      (JsonNode   *node);
const char *lento_json_get_string       (JsonObject *object,
                                         const char *name);
const char *lento_json_array_get_string (JsonArray  *array,
                                         guint       index);

G_END_DECLS
