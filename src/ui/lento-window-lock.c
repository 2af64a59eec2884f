/* lento-window-lock.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-builder.h"
#include "lento-window-private.h"

static void lento_window_unlock_with_keyring_cb        (LentoWindow *self);
static void lento_window_unlock_with_recovery_code_cb (LentoWindow *self,
                                                       const char  *code);
static void lento_window_unlock_with_passphrase_cb    (LentoWindow *self,
                                                       const char  *passphrase);
static void lento_window_setup_create_cb              (LentoWindow *self);
static void lento_window_setup_finished_cb            (LentoWindow *self,
                                                       const char  *passphrase);
static void lento_window_lock_leaflet_cb              (LentoWindow *self);
static void lento_window_lock_show_session_cb         (LentoWindow *self);
static void lento_window_lock_show_unlock_cb          (LentoWindow *self);

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
/* What keeps the journal read-only, in a sentence. */
static char *
read_only_text (LentoVault *vault)
{
  const char *name = lento_vault_get_damaged_document (vault);

  switch (lento_vault_get_damaged_status (vault))
    {
    case LENTO_DOCUMENT_MISSING:
      /* Translators: %s names a part of the journal, such as journal/2026-11. */
      return g_strdup_printf (_("Part of the journal (%s) is missing: its file was deleted or "
                                "moved. Lento is read-only for now. Nothing has been "
                                "overwritten."), name);

    case LENTO_DOCUMENT_ROLLED_BACK:
      /* Translators: %s names a part of the journal, such as journal/2026-11. */
      return g_strdup_printf (_("Part of the journal (%s) is older than the one Lento last "
                                "saved: an earlier copy was put in its place. Lento is "
                                "read-only for now. Nothing has been overwritten."), name);

    case LENTO_DOCUMENT_CONFLICT:
      /* Translators: %s names a part of the journal, such as journal/2026-11. */
      return g_strdup_printf (_("Part of the journal (%s) was changed somewhere else, perhaps "
                                "on another computer. Lento is read-only for now. Nothing has "
                                "been overwritten."), name);

    case LENTO_DOCUMENT_OK:
    case LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS:
    case LENTO_DOCUMENT_DAMAGED:
    default:
      /* Translators: %s names a part of the journal, such as journal/2026-11. */
      return g_strdup_printf (_("Part of the journal (%s) could not be opened, so Lento is "
                                "read-only for now. Nothing has been overwritten."), name);
    }
}

void
_lento_window_update_locked_session (LentoWindow *self)
{
  gboolean has_session = self->practice != NULL
                         && lento_practice_get_session (self->practice) != NULL;

  if (self->lock_leaflet == NULL && !has_session)
    return;

  lento_window_ensure_lock_page (self);
  /* The timer's copy is built the first time a session goes behind the
   * lock: a locked start, the usual one, never pays for it.
   */
  if (has_session && self->locked_session_view == NULL)
    {
      self->locked_session_view = LENTO_SESSION_VIEW (lento_session_view_new (TRUE));
      lento_session_view_set_practice (self->locked_session_view, self->practice);
      adw_bin_set_child (self->locked_session_bin, GTK_WIDGET (self->locked_session_view));
    }
  if (has_session == gtk_widget_get_visible (GTK_WIDGET (self->locked_session_bin)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->locked_session_bin), has_session);
  adw_leaflet_set_visible_child (self->lock_leaflet,
                                 has_session ? GTK_WIDGET (self->locked_session_bin)
                                             : GTK_WIDGET (self->unlock_bin));
  lento_window_lock_leaflet_cb (self);
}

/* Start Session, on the plan and by shortcut, only where the plan offers
 * today's session; a session on a day without one starts from the Session
 * view's Start Anyway.
 */
static void
lento_window_update_start (LentoWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-session",
                                 self->practice != NULL && self->has_views
                                 && lento_practice_get_start (self->practice)
                                    == LENTO_PRACTICE_START_NOW);
}

static void
lento_window_show_keys_missing (LentoWindow *self)
{
  lento_setup_page_show_error (self->setup_page, _("The Journal’s Key File Is Missing"),
                               lento_vault_error_message (LENTO_VAULT_ERROR_KEYS_MISSING));
}

/* A vault that did not open (its key file damaged, or the journal open in
 * another Lento) is opened again when the window starts and before each
 * way of unlocking: the unlock page says why it did not, and the moment the
 * cause is gone, unlocking works. Returns whether the vault is open.
 */
static gboolean
lento_window_open_vault (LentoWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (lento_vault_get_state (self->vault) != LENTO_VAULT_STATE_CLOSED)
    return TRUE;
  if (lento_vault_open (self->vault, &error))
    return TRUE;

  lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), FALSE);
  /* Past the lock, opening only reads the key file and its copy: a vault
   * error other than these two is theirs, and says nothing of which file.
   */
  if (error->domain == LENTO_VAULT_ERROR && error->code != LENTO_VAULT_ERROR_ALREADY_OPEN &&
      error->code != LENTO_VAULT_ERROR_IO)
    {
      g_autofree char *reason = NULL;

      /* Translators: %s says what is wrong with the file, as a sentence. */
      reason = g_strdup_printf (_("Lento could not read the journal’s key file, keys.lento, "
                                  "nor its copy: %s Without the key file neither the recovery "
                                  "code nor the passphrase can open the journal. Put "
                                  "keys.lento back from a copy of this folder and start Lento "
                                  "again, or import an encrypted backup into a new journal."),
                                error->message);
      lento_unlock_page_set_reason (self->unlock_page, reason);
    }
  else
    {
      lento_unlock_page_set_reason (self->unlock_page, error->message);
    }
  return FALSE;
}

/* The window's main page comes on screen, after set-up or unlocking: it
 * starts on the main action of the view shown (Start Session on the plan),
 * or its first control, rather than wherever GTK would put the focus.
 */
static void
lento_window_focus_view (LentoWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);

  if (view == NULL || !gtk_widget_get_mapped (view))
    return;
  if (view == GTK_WIDGET (self->plan_bin) && lento_plan_view_focus_start (self->plan_view))
    return;
  gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

void
_lento_window_sync_vault (LentoWindow *self)
{
  g_autofree char *shown = g_strdup (gtk_stack_get_visible_child_name (self->lock_stack));
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

      /* Not a first run: the journal is there without its key file. */
      if (g_str_equal (page, "setup") && !self->in_setup &&
          lento_vault_get_keys_missing (self->vault))
        lento_window_show_keys_missing (self);
    }

  if (g_str_equal (page, "main"))
    _lento_window_ensure_main_page (self);

  if (read_only)
    {
      g_autofree char *text = read_only_text (self->vault);

      gtk_label_set_label (self->read_only_label, text);
    }
  if (self->read_only_revealer != NULL)
    gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);

  if (g_str_equal (page, "main"))
    _lento_window_ensure_views (self);
  else
    _lento_window_drop_views (self);
  _lento_window_update_locked_session (self);
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
  lento_window_update_start (self);

  if (g_str_equal (page, "main") && g_strcmp0 (shown, "main") != 0)
    lento_window_focus_view (self);
}

static void
lento_window_vault_state_cb (LentoWindow *self,
                             GParamSpec  *pspec,
                             LentoVault  *vault)
{
  _lento_window_sync_vault (self);
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
  _lento_window_sync_vault (self);
}

static void
lento_window_unlock_done (LentoWindow  *self,
                          gboolean      unlocked,
                          const GError *error)
{
  /* A journal opened before the unlock page was ever needed leaves it unbuilt. */
  if (self->unlock_page != NULL || !unlocked)
    lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), FALSE);
  if (!unlocked)
    lento_unlock_page_set_reason (self->unlock_page, error->message);
  _lento_window_sync_vault (self);
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
  if (self->vault == NULL || !lento_window_open_vault (self) ||
      lento_vault_get_state (self->vault) != LENTO_VAULT_STATE_LOCKED)
    return;

  /* A key the keyring had ready opens the journal within this call, and
   * the page that says Lento is unlocking is then never needed.
   */
  lento_vault_unlock_keyring_async (self->vault, self->cancellable,
                                    lento_window_unlock_keyring_cb, g_object_ref (self));
  if (lento_vault_get_state (self->vault) == LENTO_VAULT_STATE_LOCKED)
    lento_unlock_page_set_busy (lento_window_ensure_unlock_page (self), TRUE);
}

static void
lento_window_unlock_with_recovery_code_cb (LentoWindow *self,
                                           const char  *code)
{
  g_autoptr(LentoSecret) secret = lento_secret_new_from_string (code);
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  if (self->vault == NULL || !lento_window_open_vault (self))
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

  if (self->vault == NULL || !lento_window_open_vault (self))
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

  /* Trying again after the key file was missing: it may be back. */
  if (lento_vault_get_keys_missing (self->vault))
    {
      lento_vault_close (self->vault);
      if (!lento_window_open_vault (self) ||
          lento_vault_get_state (self->vault) == LENTO_VAULT_STATE_LOCKED)
        {
          _lento_window_sync_vault (self);
          lento_window_unlock_with_keyring_cb (self);
          return;
        }
    }

  self->in_setup = TRUE;
  code = lento_vault_create (self->vault, &error);
  if (code == NULL)
    {
      self->in_setup = FALSE;
      if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_KEYS_MISSING))
        lento_window_show_keys_missing (self);
      else
        lento_setup_page_show_error (self->setup_page, NULL, error->message);
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
    _lento_window_show_error (self, _("The Passphrase Was Not Added"), error);

  self->in_setup = FALSE;
  _lento_window_sync_vault (self);
}

static void
lento_window_setup_finished_cb (LentoWindow *self,
                                const char  *passphrase)
{
  g_autoptr(LentoSecret) secret = NULL;

  if (passphrase == NULL)
    {
      self->in_setup = FALSE;
      _lento_window_sync_vault (self);
      return;
    }

  secret = lento_secret_new_from_string (passphrase);
  lento_vault_set_passphrase_async (self->vault, secret, self->cancellable,
                                    lento_window_set_passphrase_cb, g_object_ref (self));
}

/* Behind the lock, the unlock page says what waits for the journal. */
static void
lento_window_practice_session_cb (LentoWindow *self)
{
  gboolean ended = lento_practice_get_result (self->practice) != NULL;

  _lento_window_update_locked_session (self);
  if (self->unlock_page == NULL || lento_practice_get_loaded (self->practice))
    return;

  lento_unlock_page_set_reason (self->unlock_page,
                                ended ? _("The session has ended. Unlock your journal to "
                                          "record it; the entry will be filled in for you.")
                                      : NULL);
}

/* Follows the vault and the practice; a journal that is there is opened
 * with the keyring straight away, and the unlock page stays if that does
 * not work and says why.
 */
void
_lento_window_connect_vault (LentoWindow *self)
{
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
      g_signal_connect_object (self->practice, "notify::session",
                               G_CALLBACK (lento_window_practice_session_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->practice, "notify::result",
                               G_CALLBACK (lento_window_practice_session_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->practice, "notify::start",
                               G_CALLBACK (lento_window_update_start), self,
                               G_CONNECT_SWAPPED);
    }

  /* The keyring first: a key it has ready opens the journal, and the
   * window is then built on the main page without the unlock page.
   */
  if (self->vault != NULL && lento_vault_get_state (self->vault) == LENTO_VAULT_STATE_CLOSED)
    lento_window_open_vault (self);
  if (self->vault != NULL && lento_vault_get_state (self->vault) == LENTO_VAULT_STATE_LOCKED)
    lento_window_unlock_with_keyring_cb (self);

  _lento_window_sync_vault (self);
}
