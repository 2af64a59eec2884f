/* lento-export.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lento-entry.h"

G_BEGIN_DECLS

/* Version of the plain JSON export that this Lento writes. */
#define LENTO_EXPORT_JSON_FORMAT 1

typedef enum {
  LENTO_SUMMARY_FLAGS_NONE = 0,
  LENTO_SUMMARY_FLAGS_INCLUDE_NOTES = 1 << 0,
} LentoSummaryFlags;

GBytes    *lento_export_csv         (GListModel         *entries);
GPtrArray *lento_import_csv         (GBytes             *csv,
                                     GError            **error);
GBytes    *lento_export_json        (GListModel         *entries,
                                     GDateTime          *now);
GPtrArray *lento_import_json        (GBytes             *json,
                                     GError            **error);
GBytes    *lento_export_pdf_summary (GListModel         *entries,
                                     GHashTable         *tool_names,
                                     LentoSummaryFlags   flags,
                                     GDateTime          *now,
                                     GError            **error);

void       lento_export_write_async  (GBytes              *bytes,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean   lento_export_write_finish (GFile               *file,
                                      GAsyncResult        *result,
                                      GError             **error);
void       lento_import_read_async   (GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GBytes    *lento_import_read_finish  (GFile               *file,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
