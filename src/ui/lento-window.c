/* lento-window.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-builder.h"
#include "lento-window-private.h"

enum {
  PROP_0,
  PROP_VIEW,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (LentoWindow, lento_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views in the order of their shortcuts, Ctrl+1 to Ctrl+3. */
const char * const _lento_window_view_names[3] = { "plan", "session", "journal" };

gboolean
_lento_window_is_view_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (_lento_window_view_names); i++)
    if (g_strcmp0 (name, _lento_window_view_names[i]) == 0)
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

void
_lento_window_show_error (LentoWindow  *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void lento_window_record_cb            (LentoWindow        *self);
static void lento_window_visible_child_cb     (LentoWindow        *self,
                                               GParamSpec         *pspec,
                                               AdwViewStack       *stack);
static void lento_window_tell_view            (LentoWindow        *self);
static void lento_window_bind_models          (LentoWindow        *self,
                                               GtkWidget          *view);


/* The session view is built the first time its page is shown, or a
 * session starts, and then kept across locks: it holds the inhibitor that
 * keeps the machine awake while a session runs. A returning person who
 * opens on the Plan or the Journal does not wait for it.
 */
LentoSessionView *
_lento_window_ensure_session_view (LentoWindow *self)
{
  if (self->session_view == NULL)
    {
      self->session_view = g_object_ref_sink (LENTO_SESSION_VIEW (lento_session_view_new (FALSE)));
      lento_session_view_set_practice (self->session_view, self->practice);
      g_signal_connect_object (self->session_view, "record",
                               G_CALLBACK (lento_window_record_cb), self,
                               G_CONNECT_SWAPPED);
      adw_bin_set_child (self->session_bin, GTK_WIDGET (self->session_view));
    }
  return self->session_view;
}

/* Chimes and notifications as a session moves on; see lento-session-cues.c. */
static void
lento_window_ensure_session_cues (LentoWindow *self)
{
  if (self->session_cues != NULL)
    return;

  self->session_cues = lento_session_cues_new (NULL, self->settings);
  g_object_bind_property (self, "is-active", self->session_cues, "window-active",
                          G_BINDING_SYNC_CREATE);
  if (self->practice != NULL)
    g_object_bind_property (self->practice, "session", self->session_cues, "session",
                            G_BINDING_SYNC_CREATE);
}

/* The tabs at the bottom are for a narrow window. The bar takes the views
 * the first time such a window reveals it: until then, its tabs would be
 * built and measured at every start only to stay hidden.
 */
static void
lento_window_switcher_bar_reveal_cb (LentoWindow        *self,
                                     GParamSpec         *pspec,
                                     AdwViewSwitcherBar *bar)
{
  if (adw_view_switcher_bar_get_reveal (bar) && adw_view_switcher_bar_get_stack (bar) == NULL)
    adw_view_switcher_bar_set_stack (bar, self->stack);
}

/* The main page holds the header with the view switcher and the views. A
 * window opens locked by default, so it is built the first time the
 * journal is open, not with the window.
 */
void
_lento_window_ensure_main_page (LentoWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  AdwViewSwitcherBar *switcher_bar;

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
  /* Translators: what a screen reader calls the row of tabs Plan, Session
   * and Journal. */
  lento_accessible_name_view_switchers (GTK_WIDGET (lento_builder_get (builder, "switcher_title")),
                                        _("Views"));
  switcher_bar = ADW_VIEW_SWITCHER_BAR (lento_builder_get (builder, "switcher_bar"));
  lento_accessible_name_view_switchers (GTK_WIDGET (switcher_bar), _("Views"));
  g_signal_connect_object (switcher_bar, "notify::reveal",
                           G_CALLBACK (lento_window_switcher_bar_reveal_cb), self,
                           G_CONNECT_SWAPPED);
  lento_window_switcher_bar_reveal_cb (self, NULL, switcher_bar);
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

  /* Generic containers: GTK 4.8 would read out "AdwBin". */
  self->plan_bin = g_object_new (ADW_TYPE_BIN, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                                 NULL);
  self->session_bin = g_object_new (ADW_TYPE_BIN, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                                    NULL);
  self->journal_bin = g_object_new (ADW_TYPE_BIN, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                                    NULL);
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->plan_bin),
                                    "plan", _("Plan"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->session_bin),
                                    "session", _("Session"));
  adw_view_stack_page_set_icon_name (page, "alarm-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->journal_bin),
                                    "journal", _("Journal"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");
}

/* The Plan and the Journal are built the first time their page is shown:
 * a returning person sees one of them first, and the other's widgets (the
 * Journal's editor above all) would only delay that first sight.
 */
static LentoPlanView *
lento_window_ensure_plan_view (LentoWindow *self)
{
  g_assert (self->has_views);

  if (self->plan_view == NULL)
    {
      self->plan_view = LENTO_PLAN_VIEW (lento_plan_view_new ());
      adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_view));
      if (self->practice != NULL)
        lento_window_bind_models (self, GTK_WIDGET (self->plan_view));
    }
  return self->plan_view;
}

LentoJournalView *
_lento_window_ensure_journal_view (LentoWindow *self)
{
  g_assert (self->has_views);

  if (self->journal_view == NULL)
    {
      self->journal_view = LENTO_JOURNAL_VIEW (lento_journal_view_new ());
      adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_view));
      if (self->practice != NULL)
        lento_window_bind_models (self, GTK_WIDGET (self->journal_view));
    }
  return self->journal_view;
}

void
_lento_window_ensure_views (LentoWindow *self)
{
  if (self->has_views)
    return;

  _lento_window_ensure_main_page (self);
  if (self->plan_bin == NULL)
    {
      lento_window_ensure_session_cues (self);
      lento_window_add_pages (self);
    }
  self->has_views = TRUE;

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
void
_lento_window_drop_views (LentoWindow *self)
{
  if (!self->has_views)
    return;

  /* Remembered for when the views come back. */
  g_free (self->pending_view);
  self->pending_view = g_strdup (adw_view_stack_get_visible_child_name (self->stack));

  self->has_views = FALSE;
  adw_bin_set_child (self->plan_bin, NULL);
  adw_bin_set_child (self->journal_bin, NULL);
  self->plan_view = NULL;
  self->journal_view = NULL;
}

/* The entry that records the session opens in the Journal view's editor,
 * filled in; the person adds how it felt and saves it.
 */
static void
lento_window_edit_result (LentoWindow *self,
                          LentoEntry  *entry)
{
  if (!self->has_views || entry == NULL)
    return;

  lento_window_set_view (self, "journal");
  lento_journal_view_edit_entry (_lento_window_ensure_journal_view (self), entry);
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

/**
 * lento_window_get_view:
 *
 * Returns: the name of the visible view: "plan", "session" or "journal".
 */
const char *
lento_window_get_view (LentoWindow *self)
{
  g_return_val_if_fail (LENTO_IS_WINDOW (self), NULL);

  if (!self->has_views)
    return self->pending_view;

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
lento_window_set_view (LentoWindow *self,
                       const char  *view)
{
  g_return_if_fail (LENTO_IS_WINDOW (self));
  g_return_if_fail (_lento_window_is_view_name (view));

  if (!self->has_views)
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (view);
      lento_window_tell_view (self);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view);
}

/* The practice loads the journal for the view in front: its newest
 * entries first for the Journal view (see lento_practice_set_journal_shown()).
 */
static void
lento_window_tell_view (LentoWindow *self)
{
  if (self->practice != NULL)
    lento_practice_set_journal_shown (self->practice,
                                      g_strcmp0 (lento_window_get_view (self), "journal") == 0);
}

static void
lento_window_visible_child_cb (LentoWindow  *self,
                               GParamSpec   *pspec,
                               AdwViewStack *stack)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (stack);

  if (self->has_views && visible == GTK_WIDGET (self->plan_bin))
    lento_window_ensure_plan_view (self);
  else if (self->has_views && visible == GTK_WIDGET (self->session_bin))
    _lento_window_ensure_session_view (self);
  else if (self->has_views && visible == GTK_WIDGET (self->journal_bin))
    _lento_window_ensure_journal_view (self);
  lento_window_tell_view (self);

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
  if (_lento_window_is_view_name (view))
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
  _lento_window_show_error (self, _("Part of the Journal Could Not Be Saved or Read"), error);
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

  if (self->practice != NULL)
    {
      g_signal_connect_object (self->practice, "error",
                               G_CALLBACK (lento_window_store_error_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->practice, "session-ended",
                               G_CALLBACK (lento_window_session_ended_cb), self,
                               G_CONNECT_SWAPPED);
    }

  /* Before the window asks for the journal to be opened. */
  lento_window_tell_view (self);
  _lento_window_connect_vault (self);
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

  _lento_window_class_add_actions (widget_class);
}

static void
lento_window_init (LentoWindow *self)
{
  g_autofree char *view = NULL;
  GObject *locked_menu, *setup_menu_button;

  gtk_widget_init_template (GTK_WIDGET (self));
  _lento_window_add_shortcuts (self);

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
  if (_lento_window_is_view_name (view))
    lento_window_set_view (self, view);
}
