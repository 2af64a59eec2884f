/* lento-lube.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  LENTO_LUBE_KIND_WATER,
  LENTO_LUBE_KIND_SILICONE,
  LENTO_LUBE_KIND_HYBRID,
  LENTO_LUBE_KIND_OIL,
  LENTO_LUBE_KIND_NUMBING,
} LentoLubeKind;

#define LENTO_TYPE_LUBE (lento_lube_get_type ())

G_DECLARE_FINAL_TYPE (LentoLube, lento_lube, LENTO, LUBE, GObject)

const char     *lento_lube_kind_to_string          (LentoLubeKind  kind);
gboolean        lento_lube_kind_from_string        (const char    *nick,
                                                    LentoLubeKind *kind);

LentoLube      *lento_lube_new                     (const char    *id,
                                                    const char    *name,
                                                    LentoLubeKind  kind);
LentoLube      *lento_lube_new_from_json           (JsonObject    *object,
                                                    GError       **error);
JsonObject     *lento_lube_to_json                 (LentoLube     *self);
const char     *lento_lube_get_id                  (LentoLube     *self);
const char     *lento_lube_get_name                (LentoLube     *self);
LentoLubeKind   lento_lube_get_kind                (LentoLube     *self);
gboolean        lento_lube_is_usable               (LentoLube     *self,
                                                    char         **reason);

G_END_DECLS
