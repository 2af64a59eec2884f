/* lento-window-private.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lento-journal-view.h"
#include "lento-plan-view.h"
#include "lento-practice.h"
#include "lento-session-cues.h"
#include "lento-session-view.h"
#include "lento-setup-page.h"
#include "lento-unlock-page.h"
#include "lento-window.h"

G_BEGIN_DECLS

/* LentoWindow only composes pages; the state they show is the practice's.
 *
 *   lento-window.c          the pages: set-up, lock, main (header, switcher,
 *                           Plan, Session, Journal), built when first needed;
 *                           what the window remembers (size, last view)
 *   lento-window-lock.c     the lock page and set-up: which page the vault's
 *                           state calls for, unlocking, creating a journal,
 *                           the discreet timer behind the lock
 *   lento-window-actions.c  the win.* actions and their shortcuts
 */
struct _LentoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *lock_stack;
  AdwBin               *setup_bin;

  /* Borrowed: built from their .ui when first needed and owned by the
   * widget tree (the lock page, the main page and their children).
   */
  AdwLeaflet           *lock_leaflet;
  AdwBin               *unlock_bin;
  AdwBin               *locked_session_bin;
  GtkButton            *lock_back_button;
  GtkButton            *lock_unlock_button;
  LentoUnlockPage      *unlock_page;
  LentoSetupPage       *setup_page;
  LentoSessionView     *locked_session_view;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  AdwViewStack         *stack;
  /* The three pages: each view is built in its page the first time the
   * page is shown after unlocking. The Plan and the Journal are destroyed
   * at lock; the session view stays in its page once built: moving a
   * widget with actions between parents leaves its buttons insensitive in
   * GTK 4.8.
   */
  AdwBin               *plan_bin;
  AdwBin               *session_bin;
  AdwBin               *journal_bin;
  LentoPlanView        *plan_view;
  LentoJournalView     *journal_view;

  /* Owned */
  GSettings            *settings;
  LentoPractice        *practice;
  LentoVault           *vault;
  GCancellable         *cancellable;
  /* Kept across locks once built: it holds the inhibitor while a session
   * runs. %NULL until the Session page is first shown or a session starts.
   */
  LentoSessionView     *session_view;
  LentoSessionCues     *session_cues;
  GtkWindow            *shortcuts_window;
  /* The view to show once the views exist. */
  char                 *pending_view;
  guint                 lock_buttons_id;
  guint                 icon_id;

  /* Set-up shows the recovery code after the journal is already unlocked:
   * the window stays on set-up until the person has finished it.
   */
  guint                 in_setup : 1;
  /* Unlocked, with the main page shown: a view shown is built. */
  guint                 has_views : 1;
};

/* lento-window.c */
void     _lento_window_show_error          (LentoWindow  *self,
                                            const char   *heading,
                                            const GError *error);
void     _lento_window_ensure_main_page    (LentoWindow  *self);
void     _lento_window_ensure_views        (LentoWindow  *self);
void     _lento_window_drop_views          (LentoWindow  *self);
LentoJournalView *_lento_window_ensure_journal_view (LentoWindow *self);
LentoSessionView *_lento_window_ensure_session_view (LentoWindow *self);
gboolean _lento_window_is_view_name        (const char   *name);
extern const char * const _lento_window_view_names[3];

/* lento-window-lock.c */
void     _lento_window_sync_vault          (LentoWindow  *self);
void     _lento_window_update_locked_session (LentoWindow *self);
void     _lento_window_connect_vault       (LentoWindow  *self);

/* lento-window-actions.c */
void     _lento_window_class_add_actions   (GtkWidgetClass *widget_class);
void     _lento_window_add_shortcuts       (LentoWindow    *self);

G_END_DECLS
