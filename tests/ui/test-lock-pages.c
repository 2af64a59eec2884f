/* test-lock-pages.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-lock-pages"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lento-keys.h"
#include "lento-setup-page.h"
#include "lento-test-contrast.h"
#include "lento-test-ui.h"
#include "lento-unlock-page.h"

#define TEST_CODE "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567"

typedef struct {
  GtkWindow      *window;
  LentoSetupPage *page;
  gboolean        create_called;
  gboolean        finished;
  char           *finished_passphrase;
} SetupFixture;

static void
create_cb (LentoSetupPage *page,
           SetupFixture   *fixture)
{
  fixture->create_called = TRUE;
}

static void
finished_cb (LentoSetupPage *page,
             const char     *passphrase,
             SetupFixture   *fixture)
{
  fixture->finished = TRUE;
  fixture->finished_passphrase = g_strdup (passphrase);
}

static void
setup_fixture_set_up (SetupFixture  *fixture,
                      gconstpointer  data)
{
  fixture->window = GTK_WINDOW (adw_window_new ());
  fixture->page = LENTO_SETUP_PAGE (lento_setup_page_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (fixture->window, 720, 640);
  g_signal_connect (fixture->page, "create", G_CALLBACK (create_cb), fixture);
  g_signal_connect (fixture->page, "finished", G_CALLBACK (finished_cb), fixture);
  gtk_window_present (fixture->window);
}

static void
setup_fixture_tear_down (SetupFixture  *fixture,
                         gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_free (fixture->finished_passphrase);
}

/* Finds a descendant by its accessible label or button label, as a person
 * using a screen reader would.
 */
/* Whether the tree holds such a button at all, shown or not. */
static gboolean
has_button (GtkWidget  *root,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return TRUE;
      if (has_button (child, label))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
find_by_label (GtkWidget  *root,
               GType       type,
               const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_is_drawable (child))
        {
          if (GTK_IS_BUTTON (child) &&
              g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
            return child;
        }

      found = find_by_label (child, type, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button;

  lento_test_wait_for_draw (root);
  button = find_by_label (root, GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkEditable *
find_visible_entry (GtkWidget *root,
                    GType      type,
                    guint      index)
{
  guint seen = 0;
  GtkWidget *widget = root;

  /* Walk the tree in order; the n-th drawable entry of this type. */
  while (widget != NULL)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_is_drawable (widget))
        {
          if (seen == index)
            return GTK_EDITABLE (widget);
          seen++;
        }

      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != root && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget == root ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }

  return NULL;
}

static void
test_setup_with_keyring (SetupFixture  *fixture,
                         gconstpointer  data)
{
  g_auto(GStrv) groups = g_strsplit (TEST_CODE, "-", -1);
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkEditable *entry;
  int group;

  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "setup-welcome");
  lento_test_check_contrast (GTK_WIDGET (fixture->window), "the welcome");
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "welcome");
  /* Start-up builds the welcome only; the later steps come when asked for. */
  g_assert_false (has_button (root, "_I Have Written It Down"));
  g_assert_false (has_button (root, "_Add Passphrase"));

  click (root, "_Set Up Lento");
  g_assert_true (has_button (root, "_I Have Written It Down"));
  g_assert_true (fixture->create_called);
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "creating");

  lento_setup_page_show_recovery_code (fixture->page, TEST_CODE, TRUE);
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "recovery");
  /* The picture is of the code, once "Making Your Journal…" has faded out. */
  lento_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_assert_null (lento_test_find_shown (root, GTK_TYPE_LABEL, "Making Your Journal…"));
  g_assert_nonnull (lento_test_find_shown (root, GTK_TYPE_BUTTON, "_I Have Written It Down"));
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), "setup-recovery");

  group = lento_setup_page_get_confirm_group (fixture->page);
  g_assert_cmpint (group, >=, 2);
  g_assert_cmpint (group, <=, (int) g_strv_length (groups));

  click (root, "_I Have Written It Down");
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "confirm");

  /* A wrong group is caught and the person stays on the same step. */
  lento_test_wait_for_draw (root);
  entry = find_visible_entry (root, GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "WXYZ");
  click (root, "C_heck");
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "confirm");
  g_assert_false (fixture->finished);

  /* The right group, typed in lower case with spaces, is accepted. */
  {
    g_autofree char *typed = g_strdup_printf (" %s ", groups[group - 1]);

    gtk_editable_set_text (entry, g_ascii_strdown (typed, -1));
  }
  click (root, "C_heck");
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "passphrase");

  click (root, "_Skip");
  g_assert_true (fixture->finished);
  g_assert_null (fixture->finished_passphrase);
}

static void
test_setup_without_keyring (SetupFixture  *fixture,
                            gconstpointer  data)
{
  g_auto(GStrv) groups = g_strsplit (TEST_CODE, "-", -1);
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkEditable *passphrase, *repeat, *entry;

  click (root, "_Set Up Lento");
  lento_setup_page_show_recovery_code (fixture->page, TEST_CODE, FALSE);
  click (root, "_I Have Written It Down");
  lento_test_wait_for_draw (root);
  entry = find_visible_entry (root, GTK_TYPE_ENTRY, 0);
  gtk_editable_set_text (entry, groups[lento_setup_page_get_confirm_group (fixture->page) - 1]);
  click (root, "C_heck");
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "passphrase");

  /* Without the keyring a passphrase is required: there is no way to skip.
   * The picture waits for the page to have faded in completely. */
  lento_test_wait_for_transitions (root);
  g_assert_false (gtk_stack_get_transition_running (
                    GTK_STACK (lento_test_find_widget (root, GTK_TYPE_STACK, NULL))));
  g_assert_null (find_by_label (root, GTK_TYPE_BUTTON, "_Skip"));
  lento_test_save_screenshot (gtk_widget_get_ancestor (root, GTK_TYPE_WINDOW),
                              "setup-passphrase-required");

  passphrase = find_visible_entry (root, GTK_TYPE_PASSWORD_ENTRY, 0);
  repeat = find_visible_entry (root, GTK_TYPE_PASSWORD_ENTRY, 1);
  g_assert_nonnull (passphrase);
  g_assert_nonnull (repeat);

  /* Too short, then different: the button stays off. */
  gtk_editable_set_text (passphrase, "short");
  gtk_editable_set_text (repeat, "short");
  g_assert_false (gtk_widget_is_sensitive (find_by_label (root, GTK_TYPE_BUTTON,
                                                          "_Add Passphrase")));
  gtk_editable_set_text (passphrase, "a calm river at dusk");
  gtk_editable_set_text (repeat, "a calm river at dawn");
  g_assert_false (gtk_widget_is_sensitive (find_by_label (root, GTK_TYPE_BUTTON,
                                                          "_Add Passphrase")));

  /* Longer than the longest passphrase Lento takes everywhere, the command
   * line included: the button stays off and the page says why.
   */
  {
    g_autofree char *too_long = g_strnfill (LENTO_PASSPHRASE_MAX_SIZE + 1, 'a');
    GtkWidget *why = lento_test_find_named (root, "passphrase-too-long");

    g_assert_nonnull (why);
    g_assert_false (gtk_widget_get_visible (why));
    gtk_editable_set_text (passphrase, too_long);
    gtk_editable_set_text (repeat, too_long);
    g_assert_false (gtk_widget_is_sensitive (find_by_label (root, GTK_TYPE_BUTTON,
                                                            "_Add Passphrase")));
    g_assert_true (gtk_widget_get_visible (why));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (why)), "too long"));
    gtk_editable_set_text (passphrase, "a calm river at dusk");
    g_assert_false (gtk_widget_get_visible (why));
  }

  gtk_editable_set_text (repeat, "a calm river at dusk");
  click (root, "_Add Passphrase");
  g_assert_true (fixture->finished);
  g_assert_cmpstr (fixture->finished_passphrase, ==, "a calm river at dusk");
  g_assert_cmpstr (gtk_editable_get_text (passphrase), ==, "");
}

static void
test_setup_error_can_retry (SetupFixture  *fixture,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);

  click (root, "_Set Up Lento");
  lento_setup_page_show_error (fixture->page, NULL, "The disk is full.");
  g_assert_cmpstr (lento_setup_page_get_step (fixture->page), ==, "error");

  fixture->create_called = FALSE;
  click (root, "_Try Again");
  g_assert_true (fixture->create_called);
}

static void
recovery_code_cb (LentoUnlockPage *page,
                  const char      *code,
                  char           **out)
{
  *out = g_strdup (code);
}

static void
test_unlock_page_recovery (void)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  LentoUnlockPage *page = LENTO_UNLOCK_PAGE (lento_unlock_page_new ());
  g_autofree char *received = NULL;
  GtkEditable *entry;
  GtkWidget *button;

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (window, 720, 640);
  g_signal_connect (page, "unlock-with-recovery-code", G_CALLBACK (recovery_code_cb), &received);
  lento_unlock_page_set_reason (page, "The keyring has no key for this journal.");
  gtk_window_present (window);
  lento_test_wait_for_draw (GTK_WIDGET (window));

  entry = find_visible_entry (GTK_WIDGET (page), GTK_TYPE_ENTRY, 0);
  button = find_by_label (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Unlock");
  g_assert_nonnull (entry);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_editable_set_text (entry, TEST_CODE);
  g_assert_true (gtk_widget_is_sensitive (button));
  lento_test_save_screenshot (GTK_WIDGET (window), "unlock");
  lento_test_check_contrast (GTK_WIDGET (window), "the unlock page");

  /* Busy: no second attempt while one runs. */
  lento_unlock_page_set_busy (page, TRUE);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (received);

  lento_unlock_page_set_busy (page, FALSE);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (received, ==, TEST_CODE);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_window_destroy (window);
}

static void
test_unlock_page_passphrase_hidden_without_slot (void)
{
  LentoUnlockPage *page = LENTO_UNLOCK_PAGE (lento_unlock_page_new ());

  g_object_ref_sink (page);
  g_assert_false (lento_unlock_page_get_has_passphrase (page));
  g_assert_null (find_visible_entry (GTK_WIDGET (page), GTK_TYPE_PASSWORD_ENTRY, 0));
  lento_unlock_page_set_has_passphrase (page, TRUE);
  g_assert_true (lento_unlock_page_get_has_passphrase (page));
  g_assert_finalize_object (page);
}

typedef GtkWidget *(*PageNewFunc) (void);

static void
test_page_new_destroy (gconstpointer data)
{
  PageNewFunc page_new = (PageNewFunc) data;
  GtkWidget *page = page_new ();

  g_object_ref_sink (page);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add ("/lento/setup-page/with-keyring", SetupFixture, NULL,
              setup_fixture_set_up, test_setup_with_keyring, setup_fixture_tear_down);
  g_test_add ("/lento/setup-page/without-keyring", SetupFixture, NULL,
              setup_fixture_set_up, test_setup_without_keyring, setup_fixture_tear_down);
  g_test_add ("/lento/setup-page/error-can-retry", SetupFixture, NULL,
              setup_fixture_set_up, test_setup_error_can_retry, setup_fixture_tear_down);
  g_test_add_func ("/lento/unlock-page/recovery", test_unlock_page_recovery);
  g_test_add_func ("/lento/unlock-page/passphrase-hidden-without-slot",
                   test_unlock_page_passphrase_hidden_without_slot);
  g_test_add_data_func ("/lento/setup-page/new-destroy", lento_setup_page_new,
                        test_page_new_destroy);
  g_test_add_data_func ("/lento/unlock-page/new-destroy", lento_unlock_page_new,
                        test_page_new_destroy);

  return g_test_run ();
}
