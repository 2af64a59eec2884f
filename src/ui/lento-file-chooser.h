/* lento-file-chooser.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *lento_file_chooser_new (const char           *title,
                                              GtkWindow            *parent,
                                              GtkFileChooserAction  action,
                                              const char           *accept_label,
                                              const char           *cancel_label);

G_END_DECLS
