/* lento-entry-editor.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-entry.h"
#include "lento-inventory.h"

G_BEGIN_DECLS

#define LENTO_TYPE_ENTRY_EDITOR (lento_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (LentoEntryEditor, lento_entry_editor, LENTO, ENTRY_EDITOR, AdwBin)

GtkWidget  *lento_entry_editor_new             (void);
void        lento_entry_editor_edit            (LentoEntryEditor *self,
                                                LentoEntry       *entry,
                                                GDateTime        *now);
void        lento_entry_editor_set_can_delete  (LentoEntryEditor *self,
                                                gboolean          can_delete);
LentoEntry *lento_entry_editor_get_entry       (LentoEntryEditor *self);
void        lento_entry_editor_set_tools       (LentoEntryEditor *self,
                                                LentoInventory   *inventory,
                                                GHashTable       *tool_names);
const char *lento_entry_editor_get_message     (LentoEntryEditor *self);
void        lento_entry_editor_clear_sensitive (LentoEntryEditor *self);

G_END_DECLS
