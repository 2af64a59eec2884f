/* lento-preferences-window.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-preferences"

#include "config.h"

#include "lento-preferences-window.h"

struct _LentoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *style_row;

  /* Owned */
  GSettings            *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (LentoPreferencesWindow, lento_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Row positions of the style choices, in the order the .ui lists them. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark" };

LentoPreferencesWindow *
lento_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LENTO_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_preferences_window_dispose (GObject *object)
{
  LentoPreferencesWindow *self = LENTO_PREFERENCES_WINDOW (object);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoPreferencesWindow, style_row);
}

static void
lento_preferences_window_init (LentoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
