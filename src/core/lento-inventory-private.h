/* lento-inventory-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-inventory.h"

G_BEGIN_DECLS

/* The sizes a tool may have: a tool read back or added needs a measured
 * diameter, and nothing larger is a tool the plan could speak about.
 */
#define LENTO_TOOL_MIN_DIAMETER_MM 1.0
#define LENTO_TOOL_MAX_DIAMETER_MM 100.0
#define LENTO_TOOL_MAX_LENGTH_MM 400.0

/* How a tool, a lubricant and the inventory read and write their JSON;
 * defined in lento-inventory.c.
 */
gboolean    _lento_inventory_nick_to_value (const char         *nick,
                                            const char * const *names,
                                            guint               n_names,
                                            guint              *value);
JsonObject *_lento_inventory_keep_unknown  (JsonObject         *object,
                                            const char * const *known);
void        _lento_inventory_add_unknown   (JsonObject         *object,
                                            JsonObject         *extra);
const char *_lento_inventory_get_string    (JsonObject         *object,
                                            const char         *member);
gboolean    _lento_inventory_get_number    (JsonObject         *object,
                                            const char         *member,
                                            double             *out);
gboolean    _lento_inventory_get_boolean   (JsonObject         *object,
                                            const char         *member,
                                            gboolean            default_value);

/* The sentence that refuses a numbing product, for the lubricant's own
 * check and the inventory's; defined in lento-lube.c.
 */
char       *_lento_lube_numbing_reason     (const char         *name);

/* Renames a lubricant or changes its kind, notifying each property that
 * changed; defined in lento-lube.c, used by lento_inventory_edit_lube().
 */
gboolean    _lento_lube_update             (LentoLube          *self,
                                            const char         *name,
                                            LentoLubeKind       kind);

G_END_DECLS
