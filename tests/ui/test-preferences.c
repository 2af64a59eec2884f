/* test-preferences.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lento-autostart.h"
#include "lento-preferences-window.h"
#include "lento-test-contrast.h"
#include "lento-test-ui.h"

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

/* The opacity of the check mark beside @choice in the open @popover of the
 * reminder text's row, whose list items hold a label and then the mark.
 */
static double
check_opacity (GtkWidget  *popover,
               const char *choice)
{
  GtkWidget *label = lento_test_find_shown (popover, GTK_TYPE_LABEL, choice);
  GtkWidget *check;

  g_assert_nonnull (label);
  check = gtk_widget_get_next_sibling (label);
  g_assert_true (GTK_IS_IMAGE (check));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (check)), ==, "object-select-symbolic");
  g_assert_true (gtk_widget_get_visible (check));

  return gtk_widget_get_opacity (check);
}

static void
test_reminders_group (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *window = lento_preferences_window_new (settings, NULL);
  GtkWidget *reminders;
  GtkWidget *hour;
  GtkWidget *minute;
  GtkWidget *text;
  GtkWidget *popover;
  GtkWidget *chosen;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));

  reminders = find_named (GTK_WIDGET (window), "reminders-switch");
  hour = find_named (GTK_WIDGET (window), "reminder-hour");
  minute = find_named (GTK_WIDGET (window), "reminder-minute");
  text = find_named (GTK_WIDGET (window), "reminder-text");
  g_assert_nonnull (reminders);
  g_assert_nonnull (hour);
  g_assert_nonnull (minute);
  g_assert_nonnull (text);

  /* Off by default, discreet by default, 18:00 by default. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (reminders)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hour)), ==, 18);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (minute)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (text)), ==, 0);

  /* The controls write the keys the application reads, and follow them. */
  gtk_switch_set_active (GTK_SWITCH (reminders), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-minute"), ==, 7 * 60 + 30);
  adw_combo_row_set_selected (ADW_COMBO_ROW (text), 1);
  g_assert_cmpstr (g_settings_get_string (settings, "reminder-text"), ==, "descriptive");

  /* The popup marks the choice made, and the mark moves with it. */
  popover = lento_test_find_widget (text, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  lento_test_wait_for_draw (popover);
  g_assert_cmpfloat (check_opacity (popover, "Discreet"), ==, 0.0);
  g_assert_cmpfloat (check_opacity (popover, "Descriptive"), ==, 1.0);
  lento_test_save_screenshot (popover, "preferences-reminder-text");
  adw_combo_row_set_selected (ADW_COMBO_ROW (text), 0);
  g_assert_cmpfloat (check_opacity (popover, "Discreet"), ==, 1.0);
  g_assert_cmpfloat (check_opacity (popover, "Descriptive"), ==, 0.0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (text), 1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  /* The row itself shows the choice as a plain label, without the mark. */
  chosen = lento_test_find_shown (text, GTK_TYPE_LABEL, "Descriptive");
  g_assert_nonnull (chosen);
  g_assert_false (gtk_widget_get_ancestor (chosen, GTK_TYPE_POPOVER) != NULL);
  g_assert_null (gtk_widget_get_next_sibling (chosen));
  g_settings_set_uint (settings, "reminder-minute", 21 * 60 + 15);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hour)), ==, 21);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (minute)), ==, 15);
  lento_test_save_screenshot (GTK_WIDGET (window), "preferences-reminders");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "reminders-enabled");
  g_settings_reset (settings, "reminder-minute");
  g_settings_reset (settings, "reminder-text");
}

static void
test_autostart_switch (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = lento_autostart_dup_path (APPLICATION_ID);
  g_autofree char *contents = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GError) error = NULL;
  LentoPreferencesWindow *window;
  GtkWidget *autostart;

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  window = lento_preferences_window_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  autostart = find_named (GTK_WIDGET (window), "autostart-switch");
  g_assert_nonnull (autostart);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));

  gtk_switch_set_active (GTK_SWITCH (autostart), TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "[Desktop Entry]\n"));
  g_assert_nonnull (strstr (contents, " --gapplication-service\n"));
  g_assert_nonnull (strstr (contents, "\nExec=/"));
  /* The entry says nothing about what Lento is for. */
  folded = g_utf8_casefold (contents, -1);
  g_assert_null (strstr (folded, "session"));
  g_assert_null (strstr (folded, "train"));
  g_assert_null (strstr (folded, "comment"));

  /* A new window reads the entry back. */
  gtk_window_destroy (GTK_WINDOW (window));
  window = lento_preferences_window_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  autostart = find_named (GTK_WIDGET (window), "autostart-switch");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (autostart)));

  gtk_switch_set_active (GTK_SWITCH (autostart), FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (lento_autostart_get_enabled (APPLICATION_ID));

  /* Removing what is not there is no error. */
  g_assert_true (lento_autostart_set_enabled (APPLICATION_ID, NULL, FALSE, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A folder that cannot be made: the switch goes back off, the reason is
 * said, and the file in the way is left as it was.
 */
static void
test_autostart_blocked (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = lento_autostart_dup_path (APPLICATION_ID);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  LentoPreferencesWindow *window;
  GtkWidget *autostart;

  /* The test before may have left the folder, empty. */
  g_rmdir (folder);
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, &error));
  g_assert_no_error (error);

  g_assert_false (lento_autostart_set_enabled (APPLICATION_ID, "/usr/bin/lento", TRUE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_true (g_str_has_prefix (error->message, "Lento could not set itself to start"));
  g_clear_error (&error);

  window = lento_preferences_window_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  autostart = find_named (GTK_WIDGET (window), "autostart-switch");
  gtk_switch_set_active (GTK_SWITCH (autostart), TRUE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));
  g_assert_false (lento_autostart_get_enabled (APPLICATION_ID));
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (g_file_get_contents (folder, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "not a folder");
  g_assert_cmpint (g_unlink (folder), ==, 0);
}

/* The Session group: sounds off until turned on, the volume greyed out
 * meanwhile, and both written to the keys LentoSessionCues reads.
 */
static void
test_cue_sounds (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *window = lento_preferences_window_new (settings, NULL);
  GtkWidget *sounds;
  GtkWidget *volume;
  GtkWidget *volume_row;

  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  sounds = find_named (GTK_WIDGET (window), "cue-sounds-switch");
  volume = find_named (GTK_WIDGET (window), "cue-volume-scale");
  g_assert_nonnull (sounds);
  g_assert_nonnull (volume);
  volume_row = gtk_widget_get_ancestor (volume, ADW_TYPE_ACTION_ROW);

  g_assert_false (g_settings_get_boolean (settings, "cue-sounds"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sounds)));
  g_assert_false (gtk_widget_get_sensitive (volume_row));

  gtk_switch_set_active (GTK_SWITCH (sounds), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "cue-sounds"));
  g_assert_true (gtk_widget_get_sensitive (volume_row));

  gtk_range_set_value (GTK_RANGE (volume), 0.25);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "cue-volume"), 0.25, 1e-9);
  lento_test_save_screenshot (GTK_WIDGET (window), "preferences-general");
  lento_test_check_contrast (GTK_WIDGET (window), "the preferences");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "cue-sounds");
  g_settings_reset (settings, "cue-volume");
}

static GtkWindow *
find_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return window;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_privacy_page_reflects_slots (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(LentoPractice) practice = NULL;
  LentoPreferencesWindow *window;
  GtkWidget *remove_button;

  data_dir = g_dir_make_tmp ("lento-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  vault = lento_vault_new (data_dir, APPLICATION_ID);
  g_assert_true (lento_vault_open (vault, &error));
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);
  practice = lento_practice_new (vault, NULL);

  window = lento_preferences_window_new (settings, practice);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "privacy");
  lento_test_wait_for_draw (GTK_WIDGET (window));

  /* No passphrase yet: it can be set, there is nothing to remove. */
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Set…"));
  remove_button = find_button (GTK_WIDGET (window), "_Remove");
  g_assert_nonnull (remove_button);
  g_assert_false (gtk_widget_get_visible (remove_button));

  /* A passphrase longer than the longest Lento takes everywhere cannot be
   * set, and the dialog says why.
   */
  {
    g_autofree char *too_long = g_strnfill (LENTO_PASSPHRASE_MAX_SIZE + 1, 'a');
    AdwMessageDialog *dialog;
    GtkWidget *box, *first_label, *second_label;
    GtkEditable *first, *second;

    g_signal_emit_by_name (find_button (GTK_WIDGET (window), "_Set…"), "clicked");
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    box = adw_message_dialog_get_extra_child (dialog);
    /* Each field under a label a person sees, which names it. */
    first_label = gtk_widget_get_first_child (box);
    second_label = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (box));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (first_label)), ==, "New passphrase");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (second_label)), ==, "Repeat the passphrase");
    first = GTK_EDITABLE (gtk_label_get_mnemonic_widget (GTK_LABEL (first_label)));
    second = GTK_EDITABLE (gtk_label_get_mnemonic_widget (GTK_LABEL (second_label)));
    g_assert_true (GTK_IS_PASSWORD_ENTRY (first));
    g_assert_true (GTK_IS_PASSWORD_ENTRY (second));
    gtk_editable_set_text (first, too_long);
    gtk_editable_set_text (second, too_long);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "too long"));
    gtk_editable_set_text (first, "a calm river");
    gtk_editable_set_text (second, "a calm river");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
    g_assert_null (strstr (adw_message_dialog_get_body (dialog), "too long"));
    adw_message_dialog_response (dialog, "cancel");
    /* GTK 4.8 warns about a password entry destroyed while focused. */
    gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* The auto-lock setting is the one the application reads. */
  g_settings_set_uint (settings, "auto-lock-minutes", 12);
  lento_test_save_screenshot (GTK_WIDGET (window), "preferences-privacy");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "auto-lock-minutes");
  g_clear_object (&practice);
  lento_vault_close (vault);
  lento_test_remove_tree (data_dir);
}

static void
test_without_vault_hides_privacy (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *window = lento_preferences_window_new (settings, NULL);
  GtkWidget *new_code;

  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (GTK_WIDGET (window));
  new_code = find_button (GTK_WIDGET (window), "_New Code…");
  g_assert_true (new_code == NULL || !gtk_widget_is_drawable (new_code));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_until_idle (LentoVault *vault)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  while (lento_vault_get_busy (vault) || g_main_context_pending (NULL));
}

static gboolean
keep_going_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  /* The deadline is looked at even when nothing else happens. */
  g_source_set_callback (tick, keep_going_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                         heading) == 0)
            {
              g_source_destroy (tick);
              return ADW_MESSAGE_DIALOG (window);
            }
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A backup imported through Preferences is still there after the journal
 * saves again: the practice’s journal in memory takes it in, rather than the
 * vault behind the practice’s back. When that save fails, Preferences says
 * so instead of "Backup imported", and the next save that works keeps it.
 */
static void
test_import_survives_next_save (gconstpointer data)
{
  gboolean save_fails = GPOINTER_TO_INT (data);
  LentoFileFault fault = { LENTO_FILE_STEP_WRITE, 0, 0, { 0, } };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoVault) old_vault = NULL;
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) old_code = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(LentoPractice) old_store = NULL;
  g_autoptr(LentoPractice) practice = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -2);
  g_autoptr(LentoEntry) imported = lento_entry_new (earlier);
  g_autoptr(LentoEntry) added = lento_entry_new (now);
  g_autofree char *old_dir = g_dir_make_tmp ("lento-import-old-XXXXXX", NULL);
  g_autofree char *data_dir = g_dir_make_tmp ("lento-import-XXXXXX", NULL);
  /* Beside the journal's folder: a backup never goes into it. */
  g_autofree char *backup_dir = g_dir_make_tmp ("lento-import-backup-XXXXXX", NULL);
  g_autofree char *backup_path = g_build_filename (backup_dir, "backup.lento", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  LentoPreferencesWindow *window;
  GtkWidget *row;
  GtkWindow *chooser;
  AdwMessageDialog *dialog;
  LentoJournal *journal;

  /* The backup: another journal whose change log holds one entry. */
  old_vault = lento_vault_new (old_dir, APPLICATION_ID);
  g_assert_true (lento_vault_open (old_vault, &error));
  old_code = lento_vault_create (old_vault, &error);
  g_assert_no_error (error);
  old_store = lento_practice_new (old_vault, NULL);
  while (!lento_practice_get_loaded (old_store))
    g_main_context_iteration (NULL, TRUE);
  lento_journal_add (lento_practice_get_journal (old_store), imported);
  lento_practice_flush_pending (old_store);
  wait_until_idle (old_vault);
  g_assert_true (lento_vault_export_backup (old_vault, backup, &error));
  g_assert_no_error (error);

  vault = lento_vault_new (data_dir, APPLICATION_ID);
  g_assert_true (lento_vault_open (vault, &error));
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);
  practice = lento_practice_new (vault, NULL);
  while (!lento_practice_get_loaded (practice))
    g_main_context_iteration (NULL, TRUE);

  window = lento_preferences_window_new (settings, practice);
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "privacy");
  lento_test_wait_for_draw (GTK_WIDGET (window));

  row = lento_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                "_Import Encrypted Backup…");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), backup, &error));
  g_assert_no_error (error);
  /* The chooser selects the file once it has read its folder. */
  for (GFile *chosen = NULL; chosen == NULL; g_main_context_iteration (NULL, TRUE))
    {
      chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (chosen != NULL)
        g_object_unref (chosen);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  dialog = find_message_dialog ("Open the Backup");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         lento_secret_get_string (old_code));
  if (save_fails)
    lento_vault_set_file_layer (vault, lento_file_layer_get_faulty (), &fault);
  g_signal_emit_by_name (lento_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                 "It Is the _Recovery Code"),
                         "clicked");
  if (save_fails)
    {
      dialog = find_message_dialog ("The Backup Was Not Saved");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "could not be saved"));
      g_assert_cmpint (g_atomic_int_get (&fault.failures), ==, 1);
      adw_message_dialog_response (dialog, "close");
      gtk_window_destroy (GTK_WINDOW (dialog));
      lento_vault_set_file_layer (vault, lento_file_layer_get_default (), NULL);
    }
  wait_until_idle (vault);

  /* The person goes on writing: one more entry, saved. */
  lento_journal_add (lento_practice_get_journal (practice), added);
  lento_practice_flush_pending (practice);
  wait_until_idle (vault);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Read back from the disk, both are there. */
  lento_vault_lock (vault);
  g_assert_true (lento_vault_unlock_recovery_code (vault, code, &error));
  g_assert_no_error (error);
  while (!lento_practice_get_loaded (practice))
    g_main_context_iteration (NULL, TRUE);
  journal = lento_practice_get_journal (practice);
  g_assert_nonnull (lento_journal_lookup (journal, lento_entry_get_uuid (added)));
  g_assert_nonnull (lento_journal_lookup (journal, lento_entry_get_uuid (imported)));

  g_clear_object (&practice);
  g_clear_object (&old_store);
  lento_vault_close (vault);
  lento_vault_close (old_vault);
  lento_test_remove_tree (data_dir);
  lento_test_remove_tree (old_dir);
  lento_test_remove_tree (backup_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config_dir = NULL;
  int status;

  /* The autostart entry goes to a folder of this run's own, set before
   * GLib first reads where the configuration lives.
   */
  config_dir = g_dir_make_tmp ("lento-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);

  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/preferences/privacy-page-reflects-slots",
                   test_privacy_page_reflects_slots);
  g_test_add_func ("/lento/preferences/cue-sounds", test_cue_sounds);
  g_test_add_func ("/lento/preferences/without-vault-hides-privacy",
                   test_without_vault_hides_privacy);
  g_test_add_func ("/lento/preferences/reminders-group", test_reminders_group);
  g_test_add_data_func ("/lento/preferences/import-survives-next-save", GINT_TO_POINTER (FALSE),
                        test_import_survives_next_save);
  g_test_add_data_func ("/lento/preferences/import-not-saved-says-so", GINT_TO_POINTER (TRUE),
                        test_import_survives_next_save);
  g_test_add_func ("/lento/preferences/autostart-switch", test_autostart_switch);
  g_test_add_func ("/lento/preferences/autostart-blocked", test_autostart_blocked);

  status = g_test_run ();
  lento_test_remove_tree (config_dir);

  return status;
}
