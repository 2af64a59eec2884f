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
#include "lento-practice.h"
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
  /* The Plan and Journal pages: their views are built in them at unlock and
   * destroyed at lock. The session view stays in its page: moving a widget
   * with actions between parents leaves its buttons insensitive in GTK 4.8.
   */
  AdwBin               *plan_bin;
  AdwBin               *journal_bin;

  /* Owned */
  GSettings            *settings;
  LentoPractice        *practice;
  LentoVault           *vault;
  GCancellable         *cancellable;
  /* The lock page's discreet copy of the timer. */
  LentoSessionView     *locked_session_view;

  /* The view to show once the views exist. */
  char                 *pending_view;

  /* Set-up shows the recovery code after the journal is already unlocked:
   * the window stays on set-up until the person has finished it.
   */
  guint                 in_setup : 1;
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
 * @practice: (nullable): the journal's practice and vault. Without one, the window
 *   shows its views straight away, empty; widget tests use that.
 */
LentoWindow *
lento_window_new (LentoApplication *application,
                  LentoPractice    *practice)
{
  g_return_val_if_fail (application == NULL || LENTO_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (practice == NULL || LENTO_IS_PRACTICE (practice), NULL);

  return g_object_new (LENTO_TYPE_WINDOW,
                       "application", application,
                       "practice", practice,
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
  self->locked_session_view = LENTO_SESSION_VIEW (lento_session_view_new (TRUE));
  lento_session_view_set_practice (self->locked_session_view, self->practice);
  adw_bin_set_child (self->locked_session_bin, GTK_WIDGET (self->locked_session_view));
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

static void lento_window_record_cb            (LentoWindow        *self);
static void lento_window_visible_child_cb     (LentoWindow        *self,
                                               GParamSpec         *pspec,
                                               AdwViewStack       *stack);
static void lento_window_bind_models          (LentoWindow        *self,
                                               GtkWidget          *view);


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

/* While a session of the day is open, the lock page shows its timer with
 * the controls beside the unlock page; without one, the unlock page alone.
 */
static void
lento_window_update_locked_session (LentoWindow *self)
{
  gboolean has_session = self->practice != NULL
                         && lento_practice_get_session (self->practice) != NULL;

  if (self->lock_leaflet == NULL && !has_session)
    return;

  lento_window_ensure_lock_page (self);
  if (has_session == gtk_widget_get_visible (GTK_WIDGET (self->locked_session_bin)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->locked_session_bin), has_session);
  adw_leaflet_set_visible_child (self->lock_leaflet,
                                 has_session ? GTK_WIDGET (self->locked_session_bin)
                                             : GTK_WIDGET (self->unlock_bin));
  lento_window_lock_leaflet_cb (self);
}

/* The session view is built once and kept across locks: it holds the
 * inhibitor that keeps the machine awake while a session runs.
 */
static void
lento_window_ensure_session_view (LentoWindow *self)
{
  if (self->session_view != NULL)
    return;

  self->session_view = g_object_ref_sink (LENTO_SESSION_VIEW (lento_session_view_new (FALSE)));
  lento_session_view_set_practice (self->session_view, self->practice);
  g_signal_connect_object (self->session_view, "record",
                           G_CALLBACK (lento_window_record_cb), self,
                           G_CONNECT_SWAPPED);

  /* Chimes and notifications as a session moves on; see lento-session-cues.c. */
  self->session_cues = lento_session_cues_new (NULL, self->settings);
  g_object_bind_property (self, "is-active", self->session_cues, "window-active",
                          G_BINDING_SYNC_CREATE);
  if (self->practice != NULL)
    g_object_bind_property (self->practice, "session", self->session_cues, "session",
                            G_BINDING_SYNC_CREATE);
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

/* The three pages, once: Plan and Journal empty until the journal opens. */
static void
lento_window_add_pages (LentoWindow *self)
{
  AdwViewStackPage *page;

  self->plan_bin = ADW_BIN (adw_bin_new ());
  self->journal_bin = ADW_BIN (adw_bin_new ());
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->plan_bin),
                                    "plan", _("Plan"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->session_view),
                                    "session", _("Session"));
  adw_view_stack_page_set_icon_name (page, "alarm-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->journal_bin),
                                    "journal", _("Journal"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");
}

static void
lento_window_ensure_views (LentoWindow *self)
{
  if (self->plan_view != NULL)
    return;

  lento_window_ensure_main_page (self);
  if (self->plan_bin == NULL)
    {
      lento_window_ensure_session_view (self);
      lento_window_add_pages (self);
    }
  self->plan_view = LENTO_PLAN_VIEW (lento_plan_view_new ());
  self->journal_view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
  adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_view));
  adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_view));


  if (self->practice != NULL)
    {
      lento_window_bind_models (self, GTK_WIDGET (self->plan_view));
      lento_window_bind_models (self, GTK_WIDGET (self->journal_view));
    }

  /* A session of the day, brought back after a restart, is what matters. */
  if (self->practice != NULL && lento_practice_get_session (self->practice) != NULL)
    lento_window_set_view (self, "session");
  else if (self->pending_view != NULL)
    adw_view_stack_set_visible_child_name (self->stack, self->pending_view);
  g_clear_pointer (&self->pending_view, g_free);

  lento_window_visible_child_cb (self, NULL, self->stack);
}

/* Locking takes the plan and the journal out of the window altogether; a
 * session that is under way, or ended and not yet recorded, stays on the
 * lock page with its controls, showing nothing from the journal.
 */
static void
lento_window_drop_views (LentoWindow *self)
{
  if (self->plan_view == NULL)
    return;

  /* Remembered for when the views come back. */
  g_free (self->pending_view);
  self->pending_view = g_strdup (adw_view_stack_get_visible_child_name (self->stack));

  adw_bin_set_child (self->plan_bin, NULL);
  adw_bin_set_child (self->journal_bin, NULL);
  self->plan_view = NULL;
  self->journal_view = NULL;
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
  lento_window_update_locked_session (self);
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

  lento_practice_lock (self->practice);
}

static void
lento_window_start_session_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LentoWindow *self = LENTO_WINDOW (widget);

  if (self->plan_view == NULL || self->practice == NULL)
    return;

  lento_window_set_view (self, "session");
  lento_session_view_start (self->session_view);
}

/* The entry that records the session opens in the Journal view's editor,
 * filled in; the person adds how it felt and saves it.
 */
static void
lento_window_edit_result (LentoWindow *self,
                          LentoEntry  *entry)
{
  if (self->journal_view == NULL || entry == NULL)
    return;

  lento_window_set_view (self, "journal");
  lento_journal_view_edit_entry (self->journal_view, entry);
}

static void
lento_window_record_cb (LentoWindow *self)
{
  g_autoptr(LentoEntry) entry = lento_practice_dup_result_entry (self->practice);

  lento_window_edit_result (self, entry);
}

static void
lento_window_session_ended_cb (LentoWindow *self,
                               LentoEntry  *entry)
{
  lento_window_edit_result (self, entry);
}

/* Behind the lock, the unlock page says what waits for the journal. */
static void
lento_window_practice_session_cb (LentoWindow *self)
{
  gboolean ended = lento_practice_get_result (self->practice) != NULL;

  lento_window_update_locked_session (self);
  if (self->unlock_page == NULL || lento_practice_get_loaded (self->practice))
    return;

  lento_unlock_page_set_reason (self->unlock_page,
                                ended ? _("The session has ended. Unlock your journal to "
                                          "record it; the entry will be filled in for you.")
                                      : NULL);
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
      self->practice = g_value_dup_object (value);
      if (self->practice != NULL)
        self->vault = g_object_ref (lento_practice_get_vault (self->practice));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Each view takes the models it knows of; the practice sets them to NULL when
 * the journal locks, so no view keeps personal data behind the lock page.
 */
static void
lento_window_bind_models (LentoWindow *self,
                          GtkWidget   *view)
{
  /* The planned days go both ways: the plan view's toggles change them. */
  static const char * const models[] = {
    "journal", "inventory", "program", "weekdays", "skipped-day", "recommendation",
    "read-only",
  };
  GObjectClass *klass = G_OBJECT_GET_CLASS (view);

  for (guint j = 0; j < G_N_ELEMENTS (models); j++)
    if (g_object_class_find_property (klass, models[j]) != NULL)
      g_object_bind_property (self->practice, models[j], view, models[j],
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

  if (self->practice != NULL)
    {
      g_signal_connect_object (self->practice, "error",
                               G_CALLBACK (lento_window_store_error_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->practice, "session-ended",
                               G_CALLBACK (lento_window_session_ended_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->practice, "notify::session",
                               G_CALLBACK (lento_window_practice_session_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->practice, "notify::result",
                               G_CALLBACK (lento_window_practice_session_cb), self,
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
  g_clear_object (&self->practice);
  g_clear_object (&self->session_cues);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_view, g_free);
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
    g_param_spec_object ("practice", NULL, NULL,
                         LENTO_TYPE_PRACTICE,
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
