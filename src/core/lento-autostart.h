/* lento-autostart.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lento_autostart_dup_path    (const char  *application_id);
gboolean  lento_autostart_get_enabled (const char  *application_id);
gboolean  lento_autostart_set_enabled (const char  *application_id,
                                       const char  *executable,
                                       gboolean     enabled,
                                       GError     **error);

G_END_DECLS
