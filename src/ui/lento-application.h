/* lento-application.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lento-practice.h"
#include "lento-vault.h"

G_BEGIN_DECLS

#define LENTO_TYPE_APPLICATION (lento_application_get_type ())

G_DECLARE_FINAL_TYPE (LentoApplication, lento_application, LENTO, APPLICATION, AdwApplication)

LentoApplication *lento_application_new          (void);
char             *lento_application_dup_data_dir (void);
LentoVault       *lento_application_get_vault    (LentoApplication *self);
LentoPractice    *lento_application_get_practice (LentoApplication *self);

G_END_DECLS
