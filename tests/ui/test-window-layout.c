/* test-window-layout.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-layout"

#include "config.h"

#include <adwaita.h>

#include "lento-breathing-pacer.h"
#include "lento-entry-editor.h"
#include "lento-journal-view.h"
#include "lento-preferences-window.h"
#include "lento-session-view.h"
#include "lento-test-practice.h"
#include "lento-test-ui.h"
#include "lento-unlock-page.h"
#include "lento-vault.h"
#include "lento-window.h"

/* The window as a person sees it, against a real vault in a throwaway
 * folder: where things stand, that they stay there, and that nothing is
 * cut at the size a window opens at or at the narrowest width Lento
 * supports.
 */

#define NARROW_WIDTH 360

typedef struct {
  char          *data_dir;
  LentoVault    *vault;
  LentoPractice *practice;
  LentoWindow   *window;
  LentoSecret   *code;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  fixture->data_dir = g_dir_make_tmp ("lento-window-layout-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = lento_vault_new (fixture->data_dir, APPLICATION_ID);
  lento_vault_set_kdf_limits (fixture->vault, 1, 8192);
  lento_vault_open (fixture->vault, &error);
  g_assert_no_error (error);
  fixture->practice = lento_practice_new (fixture->vault, NULL);
  fixture->code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);

  fixture->window = lento_window_new (NULL, fixture->practice);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 680);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (g_strcmp0 (lento_window_get_lock_page (fixture->window), "main") != 0
         || !lento_practice_get_loaded (fixture->practice))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_test_practice_plan_every_day (fixture->practice);
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->practice);
  lento_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  g_clear_pointer (&fixture->code, lento_secret_unref);
  lento_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* Helpers */

static GtkWidget *
shown_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button = lento_test_find_shown (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = lento_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* What a click does, without the press animation of gtk_widget_activate(). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds;
}

/* Waits for @widget to leave the screen, cross-fades included. */
static void
wait_for_unmapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_test_wait_for_draw (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
}

/* Fails on a label on screen that is cut short with an ellipsis, and on
 * anything on screen that reaches past the window's sides. Popovers are
 * windows of their own, and overlay scrollbars float over the edge by
 * design: both are left out.
 */
static void
assert_fits (GtkWidget *widget,
             GtkWidget *window)
{
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLBAR (widget)
      || (widget != window && GTK_IS_NATIVE (widget)))
    return;
  /* A squeezer keeps the child it is leaving mapped, at that child's own
   * width, while its crossfade runs: only the child it shows counts. */
  if (ADW_IS_SQUEEZER (gtk_widget_get_parent (widget))
      && widget != adw_squeezer_get_visible_child (ADW_SQUEEZER (gtk_widget_get_parent (widget))))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE)
    {
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_error ("“%s” is ellipsized", gtk_label_get_label (GTK_LABEL (widget)));
    }

  /* A header bar's border reaches a pixel past the window's on each side. */
  if (widget != window && gtk_widget_get_width (widget) > 0)
    {
      graphene_rect_t bounds = bounds_in (widget, window);

      if (bounds.origin.x < -1.5
          || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 1.5)
        g_error ("a %s in a %s reaches from %.0f to %.0f, outside the window's %d pixels",
                 G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), bounds.origin.x,
                 bounds.origin.x + bounds.size.width, gtk_widget_get_width (window));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_fits (child, window);
}

/* How many labels on screen show a time like "4:05". */
static guint
count_clocks (GtkWidget *widget)
{
  guint count = 0;

  if (!gtk_widget_is_drawable (widget))
    return 0;
  if (GTK_IS_LABEL (widget)
      && g_regex_match_simple ("[0-9]+:[0-9][0-9]", gtk_label_get_label (GTK_LABEL (widget)),
                               0, 0))
    count++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_clocks (child);

  return count;
}

/* The one label on screen that shows a time. */
static GtkWidget *
find_clock (GtkWidget *widget)
{
  if (!gtk_widget_is_drawable (widget))
    return NULL;
  if (GTK_IS_LABEL (widget)
      && g_regex_match_simple ("^[0-9]+:[0-9][0-9]$", gtk_label_get_label (GTK_LABEL (widget)),
                               0, 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_clock (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Cases */

/* The running session shows one clock, the time left in the phase, with a
 * line under it that says so, or that it is paused. When the breathing
 * guide goes, Pause and Stop stay where they were.
 */
static void
test_session_page (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *view;
  GtkWidget *pacer;
  GtkWidget *clock;
  LentoSession *session;
  double pause_top;
  double stop_top;

  lento_window_set_view (fixture->window, "session");
  lento_test_wait_for_draw (window);
  view = lento_test_find_shown (window, LENTO_TYPE_SESSION_VIEW, NULL);
  g_assert_nonnull (view);
  click (shown_button (view, "_Start"));
  session = lento_session_view_get_session (LENTO_SESSION_VIEW (view));
  g_assert_nonnull (session);
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_SETTLE);
  lento_test_wait_for_draw (window);

  /* One clock, and what it counts, on screen and for a screen reader. */
  g_assert_cmpuint (count_clocks (view), ==, 1);
  clock = find_clock (view);
  g_assert_nonnull (clock);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (clock),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Time left in this phase");
  g_assert_nonnull (lento_test_find_shown (view, GTK_TYPE_LABEL, "Time left in this phase"));

  /* Paused: the figures stay the time, and the small line says paused. */
  click (shown_button (view, "_Pause"));
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_PAUSED);
  lento_test_wait_for_draw (window);
  g_assert_true (find_clock (view) == clock);
  g_assert_cmpuint (count_clocks (view), ==, 1);
  g_assert_nonnull (lento_test_find_shown (view, GTK_TYPE_LABEL, "Paused"));
  g_assert_null (lento_test_find_shown (view, GTK_TYPE_LABEL, "Time left in this phase"));
  lento_test_save_screenshot (window, "session-paused");
  click (shown_button (view, "_Resume"));
  lento_test_wait_for_draw (window);
  g_assert_null (lento_test_find_shown (view, GTK_TYPE_LABEL, "Paused"));

  /* Today's first session has no wear phase: settle, warm up, aftercare.
   * The guide breathes through the first two and goes for the last.
   */
  pacer = lento_test_find_shown (view, LENTO_TYPE_BREATHING_PACER, NULL);
  g_assert_nonnull (pacer);
  pause_top = bounds_in (shown_button (view, "_Pause"), window).origin.y;
  stop_top = bounds_in (shown_button (view, "St_op"), window).origin.y;
  click (shown_button (view, "S_kip"));
  click (shown_button (view, "S_kip"));
  g_assert_cmpint (lento_session_get_phase_kind (session), ==, LENTO_PHASE_KIND_AFTERCARE);
  wait_for_unmapped (pacer);
  g_assert_cmpfloat_with_epsilon (bounds_in (shown_button (view, "_Pause"), window).origin.y,
                                  pause_top, 0.5);
  g_assert_cmpfloat_with_epsilon (bounds_in (shown_button (view, "St_op"), window).origin.y,
                                  stop_top, 0.5);
  g_assert_cmpuint (count_clocks (view), ==, 1);
  assert_fits (window, window);
  lento_test_save_screenshot (window, "session-aftercare");

  lento_test_resize (GTK_WINDOW (fixture->window), NARROW_WIDTH, 640);
  assert_fits (window, window);
}

/* Cancel and Save end where the form ends, and their row is as wide. */
static void
assert_buttons_line_up (GtkWidget *editor,
                        GtkWidget *window)
{
  GtkWidget *group = gtk_widget_get_ancestor (named (editor, "date-button"),
                                              ADW_TYPE_PREFERENCES_GROUP);
  graphene_rect_t form = bounds_in (group, window);
  graphene_rect_t save = bounds_in (shown_button (editor, "_Save"), window);
  graphene_rect_t buttons = bounds_in (named (editor, "editor-buttons"), window);

  g_assert_cmpfloat_with_epsilon (save.origin.x + save.size.width,
                                  form.origin.x + form.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (buttons.origin.x, form.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (buttons.size.width, form.size.width, 0.5);
}

/* The start of an entry is a day on a calendar and a time in two fields;
 * what is wrong wraps by the buttons, and the buttons line up with the
 * form, wide and narrow.
 */
static void
test_entry_editor (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *journal_view;
  GtkWidget *editor;
  GtkMenuButton *date_button;
  GtkPopover *popover;
  GtkCalendar *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  GtkWidget *message;
  graphene_rect_t bounds;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *last_week_text = g_date_time_format (last_week, "%-d %B %Y");
  g_autoptr(LentoEntry) saved = NULL;
  int minimum;

  lento_window_set_view (fixture->window, "journal");
  lento_test_wait_for_draw (window);
  journal_view = lento_test_find_shown (window, LENTO_TYPE_JOURNAL_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (journal_view, "journal.new-entry", NULL));
  lento_test_wait_for_draw (window);
  editor = lento_test_find_shown (window, LENTO_TYPE_ENTRY_EDITOR, NULL);
  g_assert_nonnull (editor);

  /* No text field for the start: a calendar behind a button, and the hour
   * and the minute in fields of their own.
   */
  g_assert_null (lento_test_find_named (editor, "start-entry"));
  date_button = GTK_MENU_BUTTON (named (editor, "date-button"));
  hour = GTK_SPIN_BUTTON (named (editor, "start-hour"));
  minute = GTK_SPIN_BUTTON (named (editor, "start-minute"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hour), ==, g_date_time_get_hour (now));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minute), ==, g_date_time_get_minute (now));

  gtk_menu_button_popup (date_button);
  popover = gtk_menu_button_get_popover (date_button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  calendar = GTK_CALENDAR (lento_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_CALENDAR,
                                                   NULL));
  g_assert_nonnull (calendar);
  lento_test_wait_for_draw (GTK_WIDGET (popover));
  gtk_calendar_select_day (calendar, last_week);
  g_assert_cmpstr (gtk_menu_button_get_label (date_button), ==, last_week_text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (date_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Date the session started");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (date_button),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, last_week_text);
  lento_test_save_screenshot (GTK_WIDGET (popover), "journal-editor-calendar");
  gtk_menu_button_popdown (date_button);

  /* The time reads like a clock. */
  gtk_spin_button_set_value (minute, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "05");

  /* A day to come is refused with a sentence that wraps by the buttons,
   * whole, at the narrowest width too.
   */
  gtk_calendar_select_day (calendar, next_year);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_nonnull (lento_entry_editor_get_message (LENTO_ENTRY_EDITOR (editor)));
  message = named (editor, "message-label");
  lento_test_resize (GTK_WINDOW (fixture->window), NARROW_WIDTH, 640);
  while (!gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_parent (message))))
    g_main_context_iteration (NULL, TRUE);
  lento_test_wait_for_draw (window);
  bounds = bounds_in (message, window);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, NARROW_WIDTH);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
  gtk_widget_measure (message, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (message),
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (message), >=, minimum);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (message))),
                   >, 1);
  assert_buttons_line_up (editor, window);
  lento_test_save_screenshot (window, "journal-editor-narrow");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (named (editor, "pain-scale"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.45);
    lento_test_save_screenshot (window, "journal-editor-narrow-feelings");
    gtk_adjustment_set_value (adjustment, 0);
  }
  assert_fits (window, window);

  lento_test_resize (GTK_WINDOW (fixture->window), 1200, 680);
  assert_buttons_line_up (editor, window);

  /* A rest day last week at 07:05 is saved at that time, to the minute. */
  gtk_calendar_select_day (calendar, last_week);
  gtk_spin_button_set_value (hour, 7);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (editor, "kind-dropdown")),
                              LENTO_ENTRY_KIND_REST);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_null (lento_entry_editor_get_message (LENTO_ENTRY_EDITOR (editor)));
  saved = g_list_model_get_item (G_LIST_MODEL (lento_practice_get_journal (fixture->practice)),
                                 0);
  g_assert_nonnull (saved);
  {
    g_autoptr(GDateTime) start = g_date_time_to_local (lento_entry_get_start (saved));

    g_assert_cmpint (g_date_time_get_day_of_year (start), ==,
                     g_date_time_get_day_of_year (last_week));
    g_assert_cmpint (g_date_time_get_hour (start), ==, 7);
    g_assert_cmpint (g_date_time_get_minute (start), ==, 5);
    g_assert_cmpint (g_date_time_get_second (start), ==, 0);
  }
}

/* Whether a preferences page shows all of itself without scrolling. */
static gboolean
page_is_whole (AdwPreferencesWindow *window)
{
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (window));
  GtkWidget *scrolled = lento_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment);
}

static gboolean
has_chevron (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget)
      && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "go-next-symbolic") == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_chevron (child))
      return TRUE;

  return FALSE;
}

/* Preferences open, as the main menu opens them, at a size that shows each
 * page whole; narrow, nothing is cut at the sides or shortened. A row that
 * opens a dialog has no chevron: that is for rows that lead to a page.
 */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LentoPreferencesWindow *preferences = lento_preferences_window_new (settings,
                                                                      fixture->practice);
  AdwPreferencesWindow *adw_preferences = ADW_PREFERENCES_WINDOW (preferences);
  GtkWidget *widget = GTK_WIDGET (preferences);
  const char *pages[] = { "general", "privacy" };
  GtkWidget *export_row;

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (preferences));
  lento_test_wait_for_draw (widget);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("preferences-%s-default", pages[i]);

      g_test_message ("page %s", pages[i]);
      if (i > 0)
        adw_preferences_window_set_visible_page_name (adw_preferences, pages[i]);
      lento_test_wait_for_draw (widget);
      g_assert_true (page_is_whole (adw_preferences));
      assert_fits (widget, widget);
      lento_test_save_screenshot (widget, name);
    }

  export_row = lento_test_find_shown (widget, ADW_TYPE_ACTION_ROW, "_Export Encrypted Backup…");
  g_assert_nonnull (export_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (export_row)));
  g_assert_nonnull (lento_test_find_shown (widget, ADW_TYPE_ACTION_ROW,
                                           "_Import Encrypted Backup…"));
  g_assert_false (has_chevron (widget));

  lento_test_resize (GTK_WINDOW (preferences), NARROW_WIDTH, 640);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("preferences-%s-narrow", pages[i]);

      g_test_message ("page %s, narrow", pages[i]);
      adw_preferences_window_set_visible_page_name (adw_preferences, pages[i]);
      lento_test_wait_for_draw (widget);
      lento_test_save_screenshot (widget, name);
      assert_fits (widget, widget);
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  int *stored = user_data;
  g_autoptr(GError) error = NULL;

  *stored = lento_vault_store_in_keyring_finish (LENTO_VAULT (object), result, &error);
  g_assert_no_error (error);
}

/* Locked, the keyring comes first and stands out; the recovery code and
 * the passphrase are there, plainer, for when it fails.
 */
static void
test_unlock_page (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *page;
  GtkWidget *keyring;
  GtkWidget *recovery_entry;
  GtkWidget *recovery_unlock;
  int stored = -1;

  lento_vault_store_in_keyring_async (fixture->vault, NULL, store_cb, &stored);
  while (stored == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (stored, ==, TRUE);

  g_assert_true (gtk_widget_activate_action (window, "win.lock", NULL));
  while (g_strcmp0 (lento_window_get_lock_page (fixture->window), "unlock") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_test_wait_for_draw (window);
  page = lento_test_find_shown (window, LENTO_TYPE_UNLOCK_PAGE, NULL);
  g_assert_nonnull (page);
  lento_unlock_page_set_has_passphrase (LENTO_UNLOCK_PAGE (page), TRUE);
  lento_test_wait_for_draw (window);

  keyring = shown_button (page, "Unlock With _Keyring");
  g_assert_true (gtk_widget_has_css_class (keyring, "suggested-action"));
  g_assert_true (gtk_widget_has_css_class (keyring, "pill"));
  recovery_entry = lento_test_find_shown (page, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (recovery_entry);
  g_assert_cmpfloat (bounds_in (keyring, window).origin.y, <,
                     bounds_in (recovery_entry, window).origin.y);

  /* The other ways in are plain buttons. */
  recovery_unlock = shown_button (page, "_Unlock");
  g_assert_false (gtk_widget_has_css_class (recovery_unlock, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (shown_button (page, "U_nlock"), "suggested-action"));

  assert_fits (window, window);
  lento_test_save_screenshot (window, "unlock-keyring-first");

  /* The keyring still opens the journal from here. */
  click (keyring);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_strcmp0 (lento_window_get_lock_page (fixture->window), "main") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/lento/window-layout/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("session-page", test_session_page);
  ADD ("entry-editor", test_entry_editor);
  ADD ("preferences", test_preferences);
  ADD ("unlock-page", test_unlock_page);

#undef ADD

  return g_test_run ();
}
