/* lento-practice.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-clock.h"
#include "lento-coach.h"
#include "lento-inventory.h"
#include "lento-journal.h"
#include "lento-program.h"
#include "lento-session.h"
#include "lento-vault.h"

G_BEGIN_DECLS

/* Whether today's session may start, as the plan sees it. */
typedef enum {
  LENTO_PRACTICE_START_NO,      /* locked, read-only, a session under way, or the plan says not today */
  LENTO_PRACTICE_START_NOW,     /* today's session */
  LENTO_PRACTICE_START_ANYWAY,  /* no session planned today; one may still start, on purpose */
} LentoPracticeStart;

#define LENTO_TYPE_PRACTICE_START (lento_practice_start_get_type ())
GType lento_practice_start_get_type (void);

#define LENTO_TYPE_PRACTICE (lento_practice_get_type ())

G_DECLARE_FINAL_TYPE (LentoPractice, lento_practice, LENTO, PRACTICE, GObject)

LentoPractice       *lento_practice_new                (LentoVault    *vault,
                                                        LentoClock    *clock);
LentoVault          *lento_practice_get_vault          (LentoPractice *self);
LentoClock          *lento_practice_get_clock          (LentoPractice *self);
LentoProgram        *lento_practice_get_program        (LentoPractice *self);
LentoJournal        *lento_practice_get_journal        (LentoPractice *self);
LentoInventory      *lento_practice_get_inventory      (LentoPractice *self);
gboolean             lento_practice_get_loaded         (LentoPractice *self);
gboolean             lento_practice_get_read_only      (LentoPractice *self);
void                 lento_practice_set_journal_shown  (LentoPractice *self,
                                                        gboolean       shown);
guint                lento_practice_get_weekdays       (LentoPractice *self);
void                 lento_practice_set_weekdays       (LentoPractice *self,
                                                        guint          weekdays);
guint                lento_practice_get_skipped_day    (LentoPractice *self);
void                 lento_practice_set_skipped_day    (LentoPractice *self,
                                                        guint          julian);
GDateTime           *lento_practice_dup_now            (LentoPractice *self);
LentoRecommendation *lento_practice_get_recommendation (LentoPractice *self);
void                 lento_practice_flush_pending      (LentoPractice *self);
void                 lento_practice_lock               (LentoPractice *self);
void                 lento_practice_import_backup_async  (LentoPractice       *self,
                                                          GHashTable          *documents,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean             lento_practice_import_backup_finish (LentoPractice       *self,
                                                          GAsyncResult        *result,
                                                          guint               *n_changed,
                                                          GError             **error);

LentoPracticeStart   lento_practice_get_start          (LentoPractice *self);
LentoSession        *lento_practice_get_session        (LentoPractice *self);
LentoSessionResult  *lento_practice_get_result         (LentoPractice *self);
gboolean             lento_practice_start_session      (LentoPractice *self,
                                                        gboolean       anyway);
LentoEntry          *lento_practice_dup_result_entry   (LentoPractice *self);
gboolean             lento_practice_get_result_kept    (LentoPractice *self);
gboolean             lento_practice_discard_result     (LentoPractice *self);

LentoEntry          *lento_entry_new_for_result        (LentoSessionResult  *result,
                                                        const char          *uuid,
                                                        LentoRecommendation *recommendation,
                                                        LentoProgram        *program);

G_END_DECLS
