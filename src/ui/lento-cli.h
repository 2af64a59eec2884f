/* lento-cli.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the command line, one per kind of failure, so that a
 * script can tell them apart. They are documented in lento --help.
 */
typedef enum {
  LENTO_EXIT_OK = 0,
  LENTO_EXIT_DAMAGED = 1,
  LENTO_EXIT_USAGE = 2,
  LENTO_EXIT_NO_JOURNAL = 3,
  LENTO_EXIT_ALREADY_OPEN = 4,
  LENTO_EXIT_CANNOT_UNLOCK = 5,
  LENTO_EXIT_WRONG_SECRET = 6,
  LENTO_EXIT_IO = 7,
} LentoExitStatus;

void lento_cli_add_options    (GApplication *application);
int  lento_cli_handle_options (GVariantDict *options);

G_END_DECLS
