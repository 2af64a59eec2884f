/* lento-preferences-window.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lento-accessible.h"
#include "lento-core-error.h"
#include "lento-file-chooser.h"
#include "lento-preferences-window.h"
#include "lento-reminder-group.h"

struct _LentoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *style_row;
  AdwPreferencesPage   *general_page;
  AdwPreferencesPage   *privacy_page;
  GtkSpinButton        *auto_lock_spin;
  GtkSwitch            *cue_sounds_switch;
  AdwActionRow         *cue_volume_row;
  GtkScale             *cue_volume_scale;
  AdwActionRow         *keyring_row;
  AdwActionRow         *passphrase_row;
  GtkButton            *set_passphrase_button;
  GtkButton            *remove_passphrase_button;

  /* Owned */
  GSettings            *settings;
  LentoPractice        *practice;
  LentoVault           *vault;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_PRACTICE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (LentoPreferencesWindow, lento_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Row positions of the style choices, in the order the .ui lists them. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark" };

/**
 * lento_preferences_window_new:
 * @practice: (nullable): the open journal's practice; without one the
 *   Privacy & Security page is hidden
 */
LentoPreferencesWindow *
lento_preferences_window_new (GSettings     *settings,
                              LentoPractice *practice)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (practice == NULL || LENTO_IS_PRACTICE (practice), NULL);

  return g_object_new (LENTO_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "practice", practice,
                       NULL);
}

static void
lento_preferences_window_toast (LentoPreferencesWindow *self,
                                const char             *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
lento_preferences_window_sync_slots (LentoPreferencesWindow *self)
{
  gboolean has_passphrase;

  if (self->vault == NULL)
    return;

  adw_action_row_set_subtitle (self->keyring_row,
                               lento_vault_has_slot (self->vault, LENTO_SLOT_KEYRING)
                               ? _("The desktop keyring opens Lento for you")
                               : _("Not stored: unlock with the recovery code or passphrase"));

  has_passphrase = lento_vault_has_slot (self->vault, LENTO_SLOT_PASSPHRASE);
  adw_action_row_set_subtitle (self->passphrase_row,
                               /* Translators: whether a passphrase is set (not a verb). */
                               has_passphrase ? C_("passphrase", "Set")
                                              : C_("passphrase", "Not set"));
  gtk_button_set_label (self->set_passphrase_button,
                        has_passphrase ? _("_Change…") : _("_Set…"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_passphrase_button), has_passphrase);
}

static void
lento_preferences_window_show_error (LentoPreferencesWindow *self,
                                     const char             *heading,
                                     const GError           *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_in_keyring_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LentoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_vault_store_in_keyring_finish (LENTO_VAULT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lento_preferences_window_show_error (self, _("The Key Was Not Stored"), error);
      return;
    }

  lento_preferences_window_sync_slots (self);
  lento_preferences_window_toast (self, _("The keyring keeps the key again"));
}

static void
lento_preferences_window_store_keyring_cb (LentoPreferencesWindow *self)
{
  lento_vault_store_in_keyring_async (self->vault, self->cancellable,
                                      store_in_keyring_cb, g_object_ref (self));
}

static void
set_passphrase_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LentoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_vault_set_passphrase_finish (LENTO_VAULT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lento_preferences_window_show_error (self, _("The Passphrase Was Not Set"), error);
      return;
    }

  lento_preferences_window_sync_slots (self);
  lento_preferences_window_toast (self, _("Passphrase set"));
}

static const char *
passphrase_dialog_body (void)
{
  return _("One more way into your journal. Use at least 8 characters; a few unrelated words "
           "are easy to remember and hard to guess.");
}

/* The dialog's extra child holds a label and its field, twice: @which is 0
 * for the new passphrase, 1 for the repeated one.
 */
static GtkEditable *
passphrase_dialog_field (AdwMessageDialog *dialog,
                         guint             which)
{
  GtkWidget *label = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));

  for (guint i = 0; i < 2 * which; i++)
    label = gtk_widget_get_next_sibling (label);

  return GTK_EDITABLE (gtk_label_get_mnemonic_widget (GTK_LABEL (label)));
}

static void
passphrase_entries_changed_cb (GtkEditable *editable,
                               GtkWidget   *dialog)
{
  GtkEditable *first = passphrase_dialog_field (ADW_MESSAGE_DIALOG (dialog), 0);
  GtkEditable *second = passphrase_dialog_field (ADW_MESSAGE_DIALOG (dialog), 1);
  const char *text = gtk_editable_get_text (first);
  gboolean too_long = strlen (text) > LENTO_PASSPHRASE_MAX_SIZE;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "set",
                                           g_utf8_strlen (text, -1) >= 8 && !too_long &&
                                           g_str_equal (text, gtk_editable_get_text (second)));

  /* The vault would refuse it, and the command line could not read it. */
  if (too_long)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is the most characters a
                                            * passphrase may have, 1024.
                                            */
                                           "This passphrase is too long: Lento takes up to %u "
                                           "character, fewer with accented letters or other "
                                           "alphabets. Choose a shorter one.",
                                           "This passphrase is too long: Lento takes up to %u "
                                           "characters, fewer with accented letters or other "
                                           "alphabets. Choose a shorter one.",
                                           LENTO_PASSPHRASE_MAX_SIZE),
                              LENTO_PASSPHRASE_MAX_SIZE);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), passphrase_dialog_body ());
    }
}

static void
passphrase_dialog_response_cb (AdwMessageDialog       *dialog,
                               const char             *response,
                               LentoPreferencesWindow *self)
{
  GtkEditable *first = passphrase_dialog_field (dialog, 0);
  g_autoptr(LentoSecret) secret = NULL;

  if (g_str_equal (response, "set"))
    {
      secret = lento_secret_new_from_string (gtk_editable_get_text (first));
      lento_vault_set_passphrase_async (self->vault, secret, self->cancellable,
                                        set_passphrase_cb, g_object_ref (self));
    }

  gtk_editable_set_text (first, "");
  gtk_editable_set_text (passphrase_dialog_field (dialog, 1), "");
}

/* A field with a label a person sees, which is also the name a screen
 * reader reads (the label's mnemonic widget is labelled by it).
 */
static void
add_passphrase_field (GtkBox     *box,
                      const char *label_text,
                      GtkWidget  *dialog)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_signal_connect (entry, "changed", G_CALLBACK (passphrase_entries_changed_cb), dialog);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);
}

static void
lento_preferences_window_set_passphrase_cb (LentoPreferencesWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *box;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Choose a Passphrase"),
                                   passphrase_dialog_body ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  add_passphrase_field (GTK_BOX (box), _("New passphrase"), dialog);
  add_passphrase_field (GTK_BOX (box), _("Repeat the passphrase"), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "set", _("_Set Passphrase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "set", FALSE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (passphrase_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Both changes below re-encrypt the journal, which waits for writes under
 * way: they run once everything queued is on disk. */
static void
remove_passphrase_flushed_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(LentoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_vault_flush_finish (LENTO_VAULT (object), result, &error) ||
      !lento_vault_remove_passphrase (self->vault, &error))
    {
      lento_preferences_window_show_error (self, _("The Passphrase Was Not Removed"), error);
      return;
    }

  lento_preferences_window_sync_slots (self);
  lento_preferences_window_toast (self, _("Passphrase removed"));
}

static void
remove_passphrase_response_cb (AdwMessageDialog       *dialog,
                               const char             *response,
                               LentoPreferencesWindow *self)
{
  if (!g_str_equal (response, "remove"))
    return;

  lento_vault_flush_async (self->vault, NULL, remove_passphrase_flushed_cb, g_object_ref (self));
}

static void
lento_preferences_window_remove_passphrase_cb (LentoPreferencesWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove the Passphrase?"),
                                   _("The journal will open only with the keyring or the "
                                     "recovery code. Lento re-encrypts it with a new key, so "
                                     "the passphrase and any old copy of the key file no longer "
                                     "open it. Backups made before still open with the "
                                     "passphrase."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (remove_passphrase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_recovery_code_flushed_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(LentoPreferencesWindow) self = user_data;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *shown;
  GtkWidget *label;

  if (lento_vault_flush_finish (LENTO_VAULT (object), result, &error))
    code = lento_vault_new_recovery_code (self->vault, &error);
  if (code == NULL)
    {
      lento_preferences_window_show_error (self, _("No New Code Was Made"), error);
      return;
    }

  /* Shown once, not selectable, so that it never reaches the clipboard. */
  shown = adw_message_dialog_new (GTK_WINDOW (self), _("Your New Recovery Code"),
                                  _("Write it down and keep it somewhere private. The old code "
                                    "no longer opens the journal."));
  label = gtk_label_new (lento_secret_get_string (code));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recovery code"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (shown), label);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (shown), "done",
                                   _("_I Have Written It Down"));
  gtk_window_present (GTK_WINDOW (shown));
}

static void
new_recovery_code_response_cb (AdwMessageDialog       *dialog,
                               const char             *response,
                               LentoPreferencesWindow *self)
{
  if (!g_str_equal (response, "new"))
    return;

  lento_vault_flush_async (self->vault, NULL, new_recovery_code_flushed_cb, g_object_ref (self));
}

static void
lento_preferences_window_new_recovery_code_cb (LentoPreferencesWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Make a New Recovery Code?"),
                                   _("The code you have now will stop working. Lento "
                                     "re-encrypts the journal with a new key, so the old code "
                                     "and any old copy of the key file no longer open it. "
                                     "Backups made before still open with the old code. Have "
                                     "paper ready: the new code is shown only once."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_Make New Code"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (new_recovery_code_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog        *chooser,
                    int                     response,
                    LentoPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!lento_vault_export_backup (self->vault, file, &error))
        lento_preferences_window_show_error (self, _("The Backup Was Not Written"), error);
      else
        lento_preferences_window_toast (self, _("Encrypted backup written"));
    }

  g_clear_object (&self->chooser);
}

static void
lento_preferences_window_export_cb (LentoPreferencesWindow *self)
{
  g_clear_object (&self->chooser);
  self->chooser = lento_file_chooser_new (_("Export Encrypted Backup"),
                                          GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "lento-backup.lento");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

typedef struct {
  LentoPreferencesWindow *self;
  GFile                  *file;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_backup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LentoPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (lento_practice_import_backup_finish (LENTO_PRACTICE (object), result, NULL, &error))
    lento_preferences_window_toast (self, _("Backup imported"));
  else if (g_error_matches (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_NOT_WRITTEN))
    lento_preferences_window_show_error (self, _("The Backup Was Not Saved"), error);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lento_preferences_window_show_error (self, _("The Backup Was Not Imported"), error);
}

static void
read_backup_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  LentoPreferencesWindow *self = data->self;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GError) error = NULL;

  /* The practice merges the backup into the journal it holds and saves it:
   * nothing in memory writes over the merge, and the import is done only
   * once it is on disk.
   */
  documents = lento_vault_read_backup_finish (result, &error);
  if (documents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lento_preferences_window_show_error (self, _("The Backup Was Not Imported"), error);
      import_data_free (data);
      return;
    }

  lento_practice_import_backup_async (self->practice, documents, self->cancellable,
                                      import_backup_cb, g_object_ref (self));
  import_data_free (data);
}

static void
import_secret_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ImportData       *data)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(LentoSecret) secret = NULL;
  LentoSlotType slot;

  /* The entry loses the focus before its dialog goes: GTK 4.8 warns about a
   * password entry destroyed while focused.
   */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (!g_str_equal (response, "recovery") && !g_str_equal (response, "passphrase"))
    {
      import_data_free (data);
      return;
    }

  slot = g_str_equal (response, "recovery") ? LENTO_SLOT_RECOVERY : LENTO_SLOT_PASSPHRASE;
  secret = lento_secret_new_from_string (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  lento_vault_read_backup_async (data->file, slot, secret, data->self->cancellable,
                                 read_backup_cb, data);
}

static void
import_response_cb (GtkNativeDialog        *chooser,
                    int                     response,
                    LentoPreferencesWindow *self)
{
  ImportData *data;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_clear_object (&self->chooser);
      return;
    }

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open the Backup"),
                                   _("Type the recovery code or the passphrase the journal had "
                                     "on the day of the backup."));
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery code or passphrase"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "passphrase", _("It Is a _Passphrase"),
                                    "recovery", _("It Is the _Recovery Code"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_secret_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lento_preferences_window_import_cb (LentoPreferencesWindow *self)
{
  g_clear_object (&self->chooser);
  self->chooser = lento_file_chooser_new (_("Import Encrypted Backup"),
                                          GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Import"), _("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_scheme_nicks); i++)
    {
      if (g_strcmp0 (nick, color_scheme_nicks[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_scheme_nicks))
    return NULL;

  return g_variant_new_string (color_scheme_nicks[position]);
}

static void
lento_preferences_window_constructed (GObject *object)
{
  LentoPreferencesWindow *self = LENTO_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (lento_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "auto-lock-minutes",
                   self->auto_lock_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "cue-sounds",
                   self->cue_sounds_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "cue-volume",
                   gtk_range_get_adjustment (GTK_RANGE (self->cue_volume_scale)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  /* The volume means nothing while the sounds are off. */
  g_settings_bind (self->settings, "cue-sounds",
                   self->cue_volume_row, "sensitive",
                   G_SETTINGS_BIND_GET);

  /* Built in code, in a group of its own: the reminders bring their own
   * template and need the settings before they are built.
   */
  adw_preferences_page_add (self->general_page,
                            ADW_PREFERENCES_GROUP (lento_reminder_group_new (self->settings)));

  /* Without an unlocked journal there is nothing to secure here. */
  if (self->vault == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->privacy_page), FALSE);

  lento_preferences_window_sync_slots (self);
}

static void
lento_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LentoPreferencesWindow *self = LENTO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_PRACTICE:
      /* The vault is the practice's: the keys and the backups are its business. */
      self->practice = g_value_dup_object (value);
      if (self->practice != NULL)
        self->vault = g_object_ref (lento_practice_get_vault (self->practice));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_preferences_window_dispose (GObject *object)
{
  LentoPreferencesWindow *self = LENTO_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->vault);
  g_clear_object (&self->practice);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lento_preferences_window_parent_class)->dispose (object);
}

static void
lento_preferences_window_class_init (LentoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lento_preferences_window_constructed;
  object_class->dispose = lento_preferences_window_dispose;
  object_class->set_property = lento_preferences_window_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRACTICE] =
    g_param_spec_object ("practice", NULL, NULL,
                         LENTO_TYPE_PRACTICE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, privacy_page);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, cue_sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, cue_volume_row);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, cue_volume_scale);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, keyring_row);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow,
                                        set_passphrase_button);
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow,
                                        remove_passphrase_button);
  gtk_widget_class_bind_template_callback (widget_class,
                                           lento_preferences_window_store_keyring_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           lento_preferences_window_set_passphrase_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           lento_preferences_window_remove_passphrase_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           lento_preferences_window_new_recovery_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_preferences_window_export_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_preferences_window_import_cb);
}

static void
lento_preferences_window_init (LentoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: what a screen reader calls the row of tabs General and
   * Privacy & Security in the preferences. */
  lento_accessible_name_view_switchers (GTK_WIDGET (self), _("Pages"));

  self->cancellable = g_cancellable_new ();
}
