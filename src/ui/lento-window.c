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
#include "lento-session-view.h"
#include "lento-window.h"

struct _LentoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;

  /* Owned */
  GSettings            *settings;
};

enum {
  PROP_0,
  PROP_VIEW,
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

LentoWindow *
lento_window_new (LentoApplication *application)
{
  g_return_val_if_fail (application == NULL || LENTO_IS_APPLICATION (application), NULL);

  return g_object_new (LENTO_TYPE_WINDOW,
                       "application", application,
                       NULL);
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

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
lento_window_set_view (LentoWindow *self,
                       const char  *view)
{
  g_return_if_fail (LENTO_IS_WINDOW (self));
  g_return_if_fail (is_view_name (view));

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_window_dispose (GObject *object)
{
  LentoWindow *self = LENTO_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lento_window_parent_class)->dispose (object);
}

static void
lento_window_class_init (LentoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lento_window_dispose;
  object_class->get_property = lento_window_get_property;
  object_class->set_property = lento_window_set_property;

  window_class->close_request = lento_window_close_request;

  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "plan",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LENTO_TYPE_PLAN_VIEW);
  g_type_ensure (LENTO_TYPE_SESSION_VIEW);
  g_type_ensure (LENTO_TYPE_JOURNAL_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LentoWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LentoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, lento_window_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   lento_window_show_view_action);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
lento_window_init (LentoWindow *self)
{
  g_autofree char *view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

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

  lento_window_visible_child_cb (self, NULL, self->stack);
}
