/* lento-window.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-journal-view.h"
#include "lento-plan-view.h"
#include "lento-builder.h"
#include "lento-session-cues.h"
#include "lento-session-view.h"
#include "lento-setup-page.h"
#include "lento-store.h"
#include "lento-unlock-page.h"
#include "lento-vault.h"
#include "lento-window.h"

struct _LentoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *lock_stack;
  LentoPlanView        *plan_view;
  LentoSessionView     *session_view;
  LentoSessionCues     *session_cues;
  LentoJournalView     *journal_view;
  AdwBin               *unlock_bin;
  AdwBin               *setup_bin;
  AdwBin               *locked_session_bin;
  AdwLeaflet           *lock_leaflet;
  GtkButton            *lock_back_button;
  GtkButton            *lock_unlock_button;
  guint                 lock_buttons_id;
  guint                 icon_id;

  /* Built when first needed: a window that opens on the unlock page never
   * builds set-up, and the other way round.
   */
  LentoUnlockPage      *unlock_page;
  LentoSetupPage       *setup_page;
  GtkWindow            *shortcuts_window;
  /* The main page (lento-window-main.ui), built once the journal is open. */
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  AdwViewStack         *stack;

  /* Owned */
  GSettings            *settings;
  LentoStore           *store;
  LentoVault           *vault;
  GCancellable         *cancellable;

  /* The session the window saves in the profile as it goes. */
  LentoSession         *watched_session;
  /* A session that ended, or was to be recorded, while the journal was
   * locked: the entry editor opens with it once the journal is back.
   */
  LentoSessionResult   *pending_record;
  /* The session whose entry is in the editor, and that entry's UUID: once
   * it is saved the session is put away, so it cannot be recorded twice.
   */
  LentoSessionResult   *recording;
  char                 *recording_uuid;

  /* The view to show once the views exist. */
  char                 *pending_view;

  /* Set-up shows the recovery code after the journal is already unlocked:
   * the window stays on set-up until the person has finished it.
   */
  guint                 in_setup : 1;
  /* A session was put away behind the lock: its copy in the profile goes
   * once the journal opens, instead of bringing it back.
   */
  guint                 drop_saved_session : 1;
};

enum {
  PROP_0,
  PROP_VIEW,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (LentoWindow, lento_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views in the order of their shortcuts, Ctrl+1 to Ctrl+3. */
static const char * const view_names[] = { "plan", "session", "journal" };

static gboolean
is_view_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * lento_window_new:
 * @application: (nullable): the application
 * @store: (nullable): the journal's store and vault. Without one, the window
 *   shows its views straight away, empty; widget tests use that.
 */
LentoWindow *
lento_window_new (LentoApplication *application,
                  LentoStore       *store)
{
  g_return_val_if_fail (application == NULL || LENTO_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || LENTO_IS_STORE (store), NULL);

  return g_object_new (LENTO_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * lento_window_get_lock_page:
 *
 * Returns: what the window shows: "main" when unlocked, "unlock" or "setup".
 */
const char *
lento_window_get_lock_page (LentoWindow *self)
{
  g_return_val_if_fail (LENTO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->lock_stack);
}

static void
lento_window_show_error (LentoWindow *self,
                         const char  *heading,
                         const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void lento_window_unlock_with_keyring_cb        (LentoWindow *self);
static void lento_window_unlock_with_recovery_code_cb (LentoWindow *self,
                                                       const char  *code);
static void lento_window_unlock_with_passphrase_cb    (LentoWindow *self,
                                                       const char  *passphrase);
static void lento_window_setup_create_cb              (LentoWindow *self);
static void lento_window_setup_finished_cb            (LentoWindow *self,
                                                       const char  *passphrase);

static void lento_window_lock_leaflet_cb      (LentoWindow *self);
static void lento_window_lock_show_session_cb (LentoWindow *self);
static void lento_window_lock_show_unlock_cb  (LentoWindow *self);

/* The lock page (lento-window-lock.ui) is built the first time it is
 * needed: a window on set-up, as on a first run, never builds it.
 */
static void
lento_window_ensure_lock_page (LentoWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *locked_menu;

  if (self->lock_leaflet != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "lento_window_lock_leaflet_cb",
                                           G_CALLBACK (lento_window_lock_leaflet_cb),
                                           "lento_window_lock_show_session_cb",
                                           G_CALLBACK (lento_window_lock_show_session_cb),
                                           "lento_window_lock_show_unlock_cb",
                                           G_CALLBACK (lento_window_lock_show_unlock_cb),
                                           NULL);
  builder = lento_builder_new_for (G_OBJECT (self), RESOURCE_BASE_PATH "/lento-window-lock.ui",
                                   scope);

  self->lock_leaflet = ADW_LEAFLET (lento_builder_get (builder, "lock_leaflet"));
  self->lock_back_button = GTK_BUTTON (lento_builder_get (builder, "lock_back_button"));
  self->lock_unlock_button = GTK_BUTTON (lento_builder_get (builder, "lock_unlock_button"));
  self->locked_session_bin = ADW_BIN (lento_builder_get (builder, "locked_session_bin"));
  self->unlock_bin = ADW_BIN (lento_builder_get (builder, "unlock_bin"));
  locked_menu = gtk_widget_get_template_child (GTK_WIDGET (self), LENTO_TYPE_WINDOW, "locked_menu");
  lento_menu_button_set_menu_later (GTK_MENU_BUTTON (lento_builder_get (builder,
                                                                        "lock_menu_button")),
                                    G_MENU_MODEL (locked_menu));
  gtk_stack_add_named (self->lock_stack, GTK_WIDGET (lento_builder_get (builder, "lock_page")),
                       "unlock");
}

static LentoUnlockPage *
lento_window_ensure_unlock_page (LentoWindow *self)
{
  if (self->unlock_page != NULL)
    return self->unlock_page;

  self->unlock_page = LENTO_UNLOCK_PAGE (lento_unlock_page_new ());
  g_signal_connect_object (self->unlock_page, "unlock-with-keyring",
                           G_CALLBACK (lento_window_unlock_with_keyring_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unlock_page, "unlock-with-recovery-code",
                           G_CALLBACK (lento_window_unlock_with_recovery_code_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unlock_page, "unlock-with-passphrase",
                           G_CALLBACK (lento_window_unlock_with_passphrase_cb), self,
                           G_CONNECT_SWAPPED);
  lento_window_ensure_lock_page (self);
  adw_bin_set_child (self->unlock_bin, GTK_WIDGET (self->unlock_page));
  return self->unlock_page;
}

static LentoSetupPage *
lento_window_ensure_setup_page (LentoWindow *self)
{
  if (self->setup_page != NULL)
    return self->setup_page;

  self->setup_page = LENTO_SETUP_PAGE (lento_setup_page_new ());
  g_signal_connect_object (self->setup_page, "create",
                           G_CALLBACK (lento_window_setup_create_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->setup_page, "finished",
                           G_CALLBACK (lento_window_setup_finished_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->setup_bin, GTK_WIDGET (self->setup_page));
  return self->setup_page;
}

static void lento_window_recommendation_cb    (LentoWindow        *self);
static void lento_window_record_session_cb    (LentoWindow        *self,
                                               LentoSessionResult *result);
static void lento_window_visible_child_cb     (LentoWindow        *self,
                                               GParamSpec         *pspec,
                                               AdwViewStack       *stack);
static void lento_window_bind_models          (LentoWindow        *self,
                                               GtkWidget          *view);

/* Builds the three views, the first time the window shows them. */
static void lento_window_session_changed_cb (LentoWindow *self);
static void lento_window_entry_saved_cb     (LentoWindow *self,
                                             LentoEntry  *entry);
static void lento_window_store_loaded_cb    (LentoWindow *self);

/* On a narrow window the lock page shows the timer or the unlock page, one
 * at a time, with a button in the header to go to the other.
 */
static gboolean
lento_window_update_lock_buttons (gpointer user_data)
{
  LentoWindow *self = user_data;
  gboolean folded, has_session;
  GtkWidget *shown;

  self->lock_buttons_id = 0;
  folded = adw_leaflet_get_folded (self->lock_leaflet);
  has_session = gtk_widget_get_visible (GTK_WIDGET (self->locked_session_bin));
  shown = adw_leaflet_get_visible_child (self->lock_leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->lock_unlock_button),
                          folded && has_session
                          && shown == GTK_WIDGET (self->locked_session_bin));
  gtk_widget_set_visible (GTK_WIDGET (self->lock_back_button),
                          folded && has_session && shown == GTK_WIDGET (self->unlock_bin));
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being laid out: the header bar, laid out
 * already, changes on the next frame rather than in the middle of this one.
 */
static void
lento_window_lock_leaflet_cb (LentoWindow *self)
{
  if (self->lock_buttons_id == 0)
    self->lock_buttons_id = g_idle_add (lento_window_update_lock_buttons, self);
}

static void
lento_window_lock_show_session_cb (LentoWindow *self)
{
  adw_leaflet_set_visible_child (self->lock_leaflet, GTK_WIDGET (self->locked_session_bin));
}

static void
lento_window_lock_show_unlock_cb (LentoWindow *self)
{
  adw_leaflet_set_visible_child (self->lock_leaflet, GTK_WIDGET (self->unlock_bin));
}

/* Puts the session view on the lock page, or takes it off (@view %NULL). */
static void
lento_window_set_locked_session (LentoWindow *self,
                                 GtkWidget   *view)
{
  if (view == NULL && self->lock_leaflet == NULL)
    return;

  lento_window_ensure_lock_page (self);
  adw_bin_set_child (self->locked_session_bin, view);
  gtk_widget_set_visible (GTK_WIDGET (self->locked_session_bin), view != NULL);
  adw_leaflet_set_visible_child (self->lock_leaflet,
                                 view != NULL ? GTK_WIDGET (self->locked_session_bin)
                                              : GTK_WIDGET (self->unlock_bin));
  lento_window_lock_leaflet_cb (self);
}

static void
lento_window_take_session_off_lock_page (LentoWindow *self)
{
  if (self->locked_session_bin != NULL
      && gtk_widget_get_parent (GTK_WIDGET (self->session_view))
         == GTK_WIDGET (self->locked_session_bin))
    lento_window_set_locked_session (self, NULL);
}

/* The session view outlives a lock: it is built once, and moves to the lock
 * page while its session goes on, so that the timer stays in reach.
 */
static void
lento_window_ensure_session_view (LentoWindow *self)
{
  if (self->session_view != NULL)
    {
      lento_window_take_session_off_lock_page (self);
      return;
    }

  self->session_view = g_object_ref_sink (LENTO_SESSION_VIEW (lento_session_view_new ()));
  g_signal_connect_object (self->session_view, "record",
                           G_CALLBACK (lento_window_record_session_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_view, "notify::session",
                           G_CALLBACK (lento_window_session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->store != NULL)
    lento_window_bind_models (self, GTK_WIDGET (self->session_view));
}

/* The main page holds the header with the view switcher and the views. A
 * window opens locked by default, so it is built the first time the
 * journal is open, not with the window.
 */
static void
lento_window_ensure_main_page (LentoWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->stack != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope),
                                          "lento_window_visible_child_cb",
                                          G_CALLBACK (lento_window_visible_child_cb));
  builder = lento_builder_new_for (G_OBJECT (self), RESOURCE_BASE_PATH "/lento-window-main.ui",
                                   scope);

  self->stack = ADW_VIEW_STACK (lento_builder_get (builder, "stack"));
  self->read_only_revealer = GTK_REVEALER (lento_builder_get (builder, "read_only_revealer"));
  self->read_only_label = GTK_LABEL (lento_builder_get (builder, "read_only_label"));
  lento_menu_button_set_menu_later (GTK_MENU_BUTTON (lento_builder_get (builder,
                                                                     "primary_menu_button")),
                                    G_MENU_MODEL (lento_builder_get (builder, "primary_menu")));
  gtk_stack_add_named (self->lock_stack, GTK_WIDGET (lento_builder_get (builder, "main_page")),
                       "main");
}

static void
lento_window_ensure_views (LentoWindow *self)
{
  AdwViewStackPage *page;

  if (self->plan_view != NULL)
    return;

  lento_window_ensure_main_page (self);
  lento_window_ensure_session_view (self);
  self->plan_view = LENTO_PLAN_VIEW (lento_plan_view_new ());
  self->journal_view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());

  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->plan_view),
                                    "plan", _("Plan"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->session_view),
                                    "session", _("Session"));
  adw_view_stack_page_set_icon_name (page, "alarm-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->journal_view),
                                    "journal", _("Journal"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");

  g_signal_connect_object (self->plan_view, "notify::recommendation",
                           G_CALLBACK (lento_window_recommendation_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal_view, "entry-saved",
                           G_CALLBACK (lento_window_entry_saved_cb), self,
                           G_CONNECT_SWAPPED);

  /* Chimes and notifications as a session moves on; see lento-session-cues.c. */
  self->session_cues = lento_session_cues_new (NULL, self->settings);
  g_object_bind_property (self, "is-active", self->session_cues, "window-active",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->session_view, "session", self->session_cues, "session",
                          G_BINDING_SYNC_CREATE);

  if (self->store != NULL)
    {
      lento_window_bind_models (self, GTK_WIDGET (self->plan_view));
      lento_window_bind_models (self, GTK_WIDGET (self->journal_view));
    }

  if (self->pending_view != NULL)
    adw_view_stack_set_visible_child_name (self->stack, self->pending_view);
  g_clear_pointer (&self->pending_view, g_free);

  lento_window_visible_child_cb (self, NULL, self->stack);
  lento_window_recommendation_cb (self);

  if (self->store != NULL && lento_store_get_loaded (self->store))
    lento_window_store_loaded_cb (self);
}

/* Locking takes the plan and the journal out of the window altogether; a
 * session that is under way, or ended and not yet recorded, stays on the
 * lock page with its controls, showing nothing from the journal.
 */
static void
lento_window_drop_views (LentoWindow *self)
{
  gboolean keep_session;

  if (self->plan_view == NULL)
    return;

  keep_session = lento_session_view_get_session (self->session_view) != NULL;

  /* Remembered for when the views come back. */
  g_free (self->pending_view);
  self->pending_view = g_strdup (adw_view_stack_get_visible_child_name (self->stack));

  adw_view_stack_remove (self->stack, GTK_WIDGET (self->plan_view));
  adw_view_stack_remove (self->stack, GTK_WIDGET (self->session_view));
  adw_view_stack_remove (self->stack, GTK_WIDGET (self->journal_view));
  self->plan_view = NULL;
  self->journal_view = NULL;

  lento_window_set_locked_session (self, keep_session ? GTK_WIDGET (self->session_view) : NULL);
}

static void
lento_window_sync_vault (LentoWindow *self)
{
  LentoVaultState state;
  const char *page = "main";
  gboolean unlocked = TRUE;
  gboolean read_only = FALSE;

  if (self->vault != NULL)
    {
      state = lento_vault_get_state (self->vault);
      unlocked = state == LENTO_VAULT_STATE_UNLOCKED || state == LENTO_VAULT_STATE_READ_ONLY;
      read_only = state == LENTO_VAULT_STATE_READ_ONLY;

      if (self->in_setup || state == LENTO_VAULT_STATE_NO_JOURNAL)
        page = "setup";
      else if (!unlocked)
        page = "unlock";

      if (g_str_equal (page, "unlock"))
        lento_unlock_page_set_has_passphrase (lento_window_ensure_unlock_page (self),
                                              state == LENTO_VAULT_STATE_LOCKED &&
                                              lento_vault_has_slot (self->vault,
                                                                    LENTO_SLOT_PASSPHRASE));
      else if (g_str_equal (page, "setup"))
        lento_window_ensure_setup_page (self);
    }

  if (g_str_equal (page, "main"))
    lento_window_ensure_main_page (self);

  if (read_only)
    {
      g_autofree char *text = NULL;

      /* Translators: %s names a part of the journal, such as journal/2026-11. */
      text = g_strdup_printf (_("Part of the journal (%s) could not be opened, so Lento is "
                                "read-only for now. Nothing has been overwritten."),
                              lento_vault_get_damaged_document (self->vault));
      gtk_label_set_label (self->read_only_label, text);
    }
  if (self->read_only_revealer != NULL)
    gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);

  if (g_str_equal (page, "main"))
    lento_window_ensure_views (self);
  else
    lento_window_drop_views (self);
  gtk_stack_set_visible_child_name (self->lock_stack, page);

  /* As with the views: what is not shown is not there for a screen reader,
   * and a locked window's views are not there at all.
   */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lock_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != gtk_stack_get_visible_child (self->lock_stack),
                                 -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock",
                                 self->vault != NULL && unlocked && !self->in_setup);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-previous", read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", g_str_equal (page, "main"));
}

static void
lento_window_vault_state_cb (LentoWindow *self,
                             GParamSpec  *pspec,
                             LentoVault  *vault)
{
  lento_window_sync_vault (self);
}

static void
lento_window_vault_locked_cb (LentoWindow *self,
                              LentoVault  *vault)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The editor's text and its undo history go with the lock. */
  if (self->journal_view != NULL)
    lento_journal_view_clear_sensitive (self->journal_view);

  lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), FALSE);
  lento_unlock_page_set_reason (self->unlock_page,
                                _("Your journal is locked. Unlock it with the keyring, your "
                                  "recovery code or your passphrase."));
  lento_window_sync_vault (self);
}

static void
lento_window_unlock_done (LentoWindow  *self,
                          gboolean      unlocked,
                          const GError *error)
{
  lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), FALSE);
  if (!unlocked)
    lento_unlock_page_set_reason (self->unlock_page, error->message);
  lento_window_sync_vault (self);
}

static void
lento_window_unlock_keyring_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(LentoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  unlocked = lento_vault_unlock_keyring_finish (LENTO_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  lento_window_unlock_done (self, unlocked, error);
}

static void
lento_window_unlock_with_keyring_cb (LentoWindow *self)
{
  if (self->vault == NULL || lento_vault_get_state (self->vault) != LENTO_VAULT_STATE_LOCKED)
    return;

  lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), TRUE);
  lento_vault_unlock_keyring_async (self->vault, self->cancellable,
                                    lento_window_unlock_keyring_cb, g_object_ref (self));
}

static void
lento_window_unlock_with_recovery_code_cb (LentoWindow *self,
                                           const char  *code)
{
  g_autoptr(LentoSecret) secret = lento_secret_new_from_string (code);
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  if (self->vault == NULL)
    return;

  unlocked = lento_vault_unlock_recovery_code (self->vault, secret, &error);
  lento_window_unlock_done (self, unlocked, error);
}

static void
lento_window_unlock_passphrase_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(LentoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  unlocked = lento_vault_unlock_passphrase_finish (LENTO_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  lento_window_unlock_done (self, unlocked, error);
}

static void
lento_window_unlock_with_passphrase_cb (LentoWindow *self,
                                        const char  *passphrase)
{
  g_autoptr(LentoSecret) secret = lento_secret_new_from_string (passphrase);

  if (self->vault == NULL)
    return;

  lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), TRUE);
  lento_vault_unlock_passphrase_async (self->vault, secret, self->cancellable,
                                       lento_window_unlock_passphrase_cb, g_object_ref (self));
}

typedef struct {
  LentoWindow *window;
  LentoSecret *code;
} SetupData;

static void
setup_data_free (SetupData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->code, lento_secret_unref);
  g_free (data);
}

static void
lento_window_store_in_keyring_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  SetupData *data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  stored = lento_vault_store_in_keyring_finish (LENTO_VAULT (object), result, &error);
  if (!stored)
    g_debug ("The keyring did not keep the journal key: %s", error->message);

  lento_setup_page_show_recovery_code (data->window->setup_page,
                                       lento_secret_get_string (data->code),
                                       stored);
  setup_data_free (data);
}

static void
lento_window_setup_create_cb (LentoWindow *self)
{
  g_autoptr(GError) error = NULL;
  SetupData *data;
  LentoSecret *code;

  g_return_if_fail (self->vault != NULL);

  self->in_setup = TRUE;
  code = lento_vault_create (self->vault, &error);
  if (code == NULL)
    {
      lento_setup_page_show_error (self->setup_page, error->message);
      return;
    }

  data = g_new0 (SetupData, 1);
  data->window = g_object_ref (self);
  data->code = code;
  lento_vault_store_in_keyring_async (self->vault, self->cancellable,
                                      lento_window_store_in_keyring_cb, data);
}

static void
lento_window_set_passphrase_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(LentoWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_vault_set_passphrase_finish (LENTO_VAULT (object), result, &error))
    lento_window_show_error (self, _("The Passphrase Was Not Added"), error);

  self->in_setup = FALSE;
  lento_window_sync_vault (self);
}

static void
lento_window_setup_finished_cb (LentoWindow *self,
                                const char  *passphrase)
{
  g_autoptr(LentoSecret) secret = NULL;

  if (passphrase == NULL)
    {
      self->in_setup = FALSE;
      lento_window_sync_vault (self);
      return;
    }

  secret = lento_secret_new_from_string (passphrase);
  lento_vault_set_passphrase_async (self->vault, secret, self->cancellable,
                                    lento_window_set_passphrase_cb, g_object_ref (self));
}

static void
lento_window_lock_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  if (self->vault == NULL)
    return;

  /* Saves still waiting for an idle moment go to the vault before the keys
   * are wiped.
   */
  lento_store_flush_pending (self->store);
  lento_vault_lock (self->vault);
}

/* Today's session, as the plan sees it, is the one the timer offers. */
static void
lento_window_recommendation_cb (LentoWindow *self)
{
  LentoRecommendation *recommendation = lento_plan_view_get_recommendation (self->plan_view);

  lento_session_view_set_template_id (self->session_view,
                                      recommendation != NULL
                                      ? lento_recommendation_get_template (recommendation)
                                      : NULL);
}

static void
lento_window_start_session_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  if (self->plan_view == NULL)
    return;

  lento_window_recommendation_cb (self);
  lento_window_set_view (self, "session");
  lento_session_view_start (self->session_view);
}

/* Keeps the running session in the encrypted profile, or takes it out once
 * the person has closed it. While the journal is locked there is nowhere to
 * write; the state is written again as soon as it opens.
 */
static void
lento_window_save_session (LentoWindow *self)
{
  LentoSession *session = lento_session_view_get_session (self->session_view);
  JsonObject *profile;

  if (self->store == NULL || !lento_store_get_loaded (self->store))
    return;

  profile = lento_store_get_profile (self->store);
  if (session != NULL)
    json_object_set_member (profile, "session", lento_session_serialize (session));
  else if (json_object_has_member (profile, "session"))
    json_object_remove_member (profile, "session");
  else
    return;

  lento_store_save_profile (self->store);
}

static void
lento_window_defer_record (LentoWindow        *self,
                           LentoSessionResult *result)
{
  g_clear_pointer (&self->pending_record, lento_session_result_unref);
  self->pending_record = lento_session_result_ref (result);

  if (self->unlock_page != NULL)
    lento_unlock_page_set_reason (self->unlock_page,
                                  _("The session has ended. Unlock your journal to record it; "
                                    "the entry will be filled in for you."));
}

/* At the end the entry editor opens, filled in; behind the lock it waits. */
static void
lento_window_session_finished_cb (LentoWindow        *self,
                                  LentoSessionResult *result)
{
  lento_window_record_session_cb (self, result);
}

static void
lento_window_session_changed_cb (LentoWindow *self)
{
  LentoSession *session = lento_session_view_get_session (self->session_view);

  if (session == self->watched_session)
    return;

  if (self->watched_session != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_session, self);
  g_set_object (&self->watched_session, session);
  if (self->pending_record != NULL && self->unlock_page != NULL)
    lento_unlock_page_set_reason (self->unlock_page, NULL);
  g_clear_pointer (&self->pending_record, lento_session_result_unref);
  self->drop_saved_session = session == NULL
                             && (self->store == NULL || !lento_store_get_loaded (self->store));

  /* Put away behind the lock, the timer leaves the lock page: its start page
   * would name today's session to whoever looks.
   */
  if (session == NULL)
    lento_window_take_session_off_lock_page (self);

  if (session != NULL)
    {
      g_signal_connect_object (session, "save-needed",
                               G_CALLBACK (lento_window_save_session), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "finished",
                               G_CALLBACK (lento_window_session_finished_cb), self,
                               G_CONNECT_SWAPPED);
    }

  lento_window_save_session (self);
}

/* The journal is open: a session saved before Lento last closed comes back
 * (going on, or waiting to be recorded), one that went on behind the lock
 * is saved as it is now, and one that ended behind the lock is recorded.
 */
static void
lento_window_store_loaded_cb (LentoWindow *self)
{
  g_autoptr(LentoSessionResult) result = NULL;
  JsonObject *profile;

  if (self->plan_view == NULL || !lento_store_get_loaded (self->store))
    return;

  profile = lento_store_get_profile (self->store);
  if (lento_session_view_get_session (self->session_view) != NULL || self->drop_saved_session)
    {
      self->drop_saved_session = FALSE;
      lento_window_save_session (self);
    }
  else if (json_object_has_member (profile, "session"))
    {
      g_autoptr(GError) error = NULL;

      if (lento_session_view_restore (self->session_view,
                                      json_object_get_member (profile, "session"), &error))
        lento_window_set_view (self, "session");
      else
        lento_window_show_error (self, _("The Session Could Not Be Resumed"), error);
    }

  result = g_steal_pointer (&self->pending_record);
  if (result != NULL)
    lento_window_record_session_cb (self, result);
}

/* A finished session becomes a journal entry, filled in with what the timer
 * knows and what the plan suggested; the person adds how it felt.
 */
static void
lento_window_record_session_cb (LentoWindow        *self,
                                LentoSessionResult *result)
{
  LentoRecommendation *recommendation;
  g_autoptr(LentoEntry) entry = NULL;
  int urge;

  /* Locked: the editor opens once the journal is back. */
  if (self->plan_view == NULL ||
      (self->store != NULL && !lento_store_get_loaded (self->store)))
    {
      lento_window_defer_record (self, result);
      return;
    }

  recommendation = lento_plan_view_get_recommendation (self->plan_view);
  entry = lento_entry_new (lento_session_result_get_start_time (result));
  lento_entry_set_duration (entry, lento_session_result_get_total_seconds (result));
  lento_entry_set_wear (entry, lento_session_result_get_wear_seconds (result));
  /* Stopped because it hurt: the pain starts at the level the coach steps
   * back at, shown for the person to set as it really was.
   */
  if (lento_session_result_get_sharp_pain (result))
    {
      LentoProgram *program = lento_plan_view_get_program (self->plan_view);

      lento_entry_set_sharp_pain (entry, TRUE);
      if (program != NULL)
        lento_entry_set_pain (entry, lento_program_get_rules (program)->step_back_min_pain);
    }

  urge = lento_session_result_get_urge_faded_minute (result);
  if (urge >= 0)
    lento_entry_set_urge_faded (entry, urge);

  if (recommendation != NULL)
    {
      lento_entry_set_stage (entry, lento_recommendation_get_stage (recommendation));
      lento_entry_set_tool (entry, lento_recommendation_get_tool (recommendation));
      if (lento_recommendation_get_diameter (recommendation) > 0)
        lento_entry_set_diameter (entry, lento_recommendation_get_diameter (recommendation));
      lento_entry_set_lube (entry, lento_recommendation_get_lube (recommendation));
    }

  g_clear_pointer (&self->recording, lento_session_result_unref);
  self->recording = lento_session_result_ref (result);
  g_free (self->recording_uuid);
  self->recording_uuid = g_strdup (lento_entry_get_uuid (entry));

  lento_window_set_view (self, "journal");
  lento_journal_view_edit_entry (self->journal_view, entry);
}

/* The session's entry is in the journal: the ended session is put away, and
 * with it the copy in the profile that would bring it back after a restart.
 */
static void
lento_window_entry_saved_cb (LentoWindow *self,
                             LentoEntry  *entry)
{
  if (self->recording == NULL
      || g_strcmp0 (lento_entry_get_uuid (entry), self->recording_uuid) != 0)
    return;

  lento_session_view_close_result (self->session_view, self->recording);
  g_clear_pointer (&self->recording, lento_session_result_unref);
  g_clear_pointer (&self->recording_uuid, g_free);
}

static void
lento_window_show_help_overlay_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  /* Built on first use rather than with the window: few people open it, and
   * it costs as much to build as the window itself.
   */
  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/lento-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                 "help_overlay")));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }

  gtk_window_present (self->shortcuts_window);
}

static void
lento_window_restore_previous_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->vault == NULL || lento_vault_get_damaged_document (self->vault) == NULL)
    return;

  name = g_strdup (lento_vault_get_damaged_document (self->vault));
  if (!lento_vault_restore_previous (self->vault, name, &error))
    lento_window_show_error (self, _("The Previous Version Could Not Be Restored"), error);

  lento_window_sync_vault (self);
}

/**
 * lento_window_get_view:
 *
 * Returns: the name of the visible view: "plan", "session" or "journal".
 */
const char *
lento_window_get_view (LentoWindow *self)
{
  g_return_val_if_fail (LENTO_IS_WINDOW (self), NULL);

  if (self->plan_view == NULL)
    return self->pending_view;

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
lento_window_set_view (LentoWindow *self,
                       const char  *view)
{
  g_return_if_fail (LENTO_IS_WINDOW (self));
  g_return_if_fail (is_view_name (view));

  if (self->plan_view == NULL)
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
lento_window_show_view_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  if (!is_view_name (view))
    {
      g_warning ("There is no view called “%s”", view);
      return;
    }

  lento_window_set_view (self, view);
}

static void
lento_window_visible_child_cb (LentoWindow  *self,
                               GParamSpec   *pspec,
                               AdwViewStack *stack)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (stack);

  /* Only the visible view is there for assistive technologies: a screen
   * reader should not wander into the pages behind it.
   */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

static void
lento_window_save_state (LentoWindow *self)
{
  int width, height;
  const char *view;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  view = lento_window_get_view (self);
  if (is_view_name (view))
    g_settings_set_string (self->settings, "last-view", view);
  g_settings_apply (self->settings);
}

static gboolean
lento_window_close_request (GtkWindow *window)
{
  lento_window_save_state (LENTO_WINDOW (window));

  return GTK_WINDOW_CLASS (lento_window_parent_class)->close_request (window);
}

static void
lento_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LentoWindow *self = LENTO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, lento_window_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LentoWindow *self = LENTO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      lento_window_set_view (self, g_value_get_string (value));
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        self->vault = g_object_ref (lento_store_get_vault (self->store));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Each view takes the models it knows of; the store sets them to NULL when
 * the journal locks, so no view keeps personal data behind the lock page.
 */
static void
lento_window_bind_models (LentoWindow *self,
                          GtkWidget   *view)
{
  /* The planned days go both ways: the plan view's toggles change them. */
  static const char * const models[] = {
    "journal", "inventory", "program", "weekdays", "skipped-day",
  };
  GObjectClass *klass = G_OBJECT_GET_CLASS (view);

  for (guint j = 0; j < G_N_ELEMENTS (models); j++)
    if (g_object_class_find_property (klass, models[j]) != NULL)
      g_object_bind_property (self->store, models[j], view, models[j],
                              G_BINDING_SYNC_CREATE
                              | (g_str_equal (models[j], "weekdays")
                                 ? G_BINDING_BIDIRECTIONAL : 0));
}

static void
lento_window_store_error_cb (LentoWindow  *self,
                             const GError *error)
{
  lento_window_show_error (self, _("Part of the Journal Could Not Be Saved or Read"), error);
}

/* The window's icon is for X11 window lists; GNOME finds Lento's icon from
 * its desktop file. GTK renders it from the scalable icon at several sizes,
 * about 6 million instructions before the first window could map (build-aux/
 * bench startup-instructions), so it comes once the window is on screen:
 * after the first frame, which has a higher priority than this idle.
 */
static gboolean
lento_window_set_icon_cb (gpointer user_data)
{
  LentoWindow *self = user_data;

  self->icon_id = 0;
  /* Lento's other windows, built later, take it as they open. */
  gtk_window_set_default_icon_name (APPLICATION_ID);
  gtk_window_set_icon_name (GTK_WINDOW (self), APPLICATION_ID);

  return G_SOURCE_REMOVE;
}

static void
lento_window_map (GtkWidget *widget)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  GTK_WIDGET_CLASS (lento_window_parent_class)->map (widget);

  if (self->icon_id == 0 && gtk_window_get_icon_name (GTK_WINDOW (self)) == NULL)
    self->icon_id = g_idle_add_full (G_PRIORITY_LOW, lento_window_set_icon_cb, self, NULL);
}

static void
lento_window_constructed (GObject *object)
{
  LentoWindow *self = LENTO_WINDOW (object);

  G_OBJECT_CLASS (lento_window_parent_class)->constructed (object);

  if (self->vault != NULL)
    {
      g_signal_connect_object (self->vault, "notify::state",
                               G_CALLBACK (lento_window_vault_state_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->vault, "locked",
                               G_CALLBACK (lento_window_vault_locked_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "error",
                               G_CALLBACK (lento_window_store_error_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "notify::loaded",
                               G_CALLBACK (lento_window_store_loaded_cb), self,
                               G_CONNECT_SWAPPED);
    }

  lento_window_sync_vault (self);

  /* A journal that is there is opened with the keyring straight away; the
   * unlock page stays if that does not work and says why.
   */
  if (self->vault != NULL && lento_vault_get_state (self->vault) == LENTO_VAULT_STATE_LOCKED)
    lento_window_unlock_with_keyring_cb (self);
}

static void
lento_window_dispose (GObject *object)
{
  LentoWindow *self = LENTO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->lock_buttons_id, g_source_remove);
  g_clear_handle_id (&self->icon_id, g_source_remove);
  g_clear_object (&self->vault);
  g_clear_object (&self->store);
  g_clear_object (&self->session_cues);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_view, g_free);
  g_clear_pointer (&self->pending_record, lento_session_result_unref);
  g_clear_pointer (&self->recording, lento_session_result_unref);
  g_clear_pointer (&self->recording_uuid, g_free);
  if (self->watched_session != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_session, self);
  g_clear_object (&self->watched_session);
  g_clear_object (&self->session_view);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  G_OBJECT_CLASS (lento_window_parent_class)->dispose (object);
}

/* A reason on the plan links to the entries behind it: this opens one in
 * the Journal view's editor. An entry deleted since is simply not opened.
 */
static void
lento_window_show_entry_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);
  LentoJournal *journal;
  LentoEntry *entry;

  if (self->journal_view == NULL
      || (journal = lento_journal_view_get_journal (self->journal_view)) == NULL
      || (entry = lento_journal_lookup (journal, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  lento_window_set_view (self, "journal");
  lento_journal_view_edit_entry (self->journal_view, entry);
}

static void
lento_window_class_init (LentoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lento_window_constructed;
  object_class->dispose = lento_window_dispose;
  object_class->get_property = lento_window_get_property;
  object_class->set_property = lento_window_set_property;

  widget_class->map = lento_window_map;

  window_class->close_request = lento_window_close_request;

  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "plan",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LENTO_TYPE_STORE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, LentoWindow, setup_bin);
  /* Looked up to give the menu buttons their menu. */
  gtk_widget_class_bind_template_child_full (widget_class, "locked_menu", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "setup_menu_button", FALSE, 0);


  gtk_widget_class_install_action (widget_class, "win.start-session", NULL,
                                   lento_window_start_session_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lento_window_lock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.restore-previous", NULL,
                                   lento_window_restore_previous_action);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   lento_window_show_help_overlay_action);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   lento_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-entry", "s",
                                   lento_window_show_entry_action);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
lento_window_init (LentoWindow *self)
{
  g_autofree char *view = NULL;
  GObject *locked_menu, *setup_menu_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  locked_menu = gtk_widget_get_template_child (GTK_WIDGET (self), LENTO_TYPE_WINDOW, "locked_menu");
  setup_menu_button = gtk_widget_get_template_child (GTK_WIDGET (self), LENTO_TYPE_WINDOW,
                                                     "setup_menu_button");
  lento_menu_button_set_menu_later (GTK_MENU_BUTTON (setup_menu_button), G_MENU_MODEL (locked_menu));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (is_view_name (view))
    lento_window_set_view (self, view);
}
