/* lento-reminder-group.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-reminder-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-autostart.h"
#include "lento-reminder-group.h"

/* The Reminders group of the preferences: whether, when and how discreetly
 * Lento reminds, and whether it starts at login to do so. Everything here is
 * GSettings except the autostart entry, whose presence is its own state.
 */
struct _LentoReminderGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkSwitch           *enabled_switch;
  AdwActionRow        *time_row;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  AdwComboRow         *text_row;
  GtkSwitch           *autostart_switch;

  /* Owned */
  GSettings           *settings;

  gboolean             syncing;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (LentoReminderGroup, lento_reminder_group, ADW_TYPE_PREFERENCES_GROUP)

/* Row positions of the text choices, in the order the .ui lists them. */
static const char * const text_nicks[] = { "discreet", "descriptive" };

GtkWidget *
lento_reminder_group_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LENTO_TYPE_REMINDER_GROUP, "settings", settings, NULL);
}

static void
lento_reminder_group_sync_time (LentoReminderGroup *self)
{
  guint minute = g_settings_get_uint (self->settings, "reminder-minute");

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->hour_spin, minute / 60);
  gtk_spin_button_set_value (self->minute_spin, minute % 60);
  self->syncing = FALSE;
}

static void
lento_reminder_group_time_changed_cb (LentoReminderGroup *self)
{
  guint minute;

  if (self->syncing || self->settings == NULL)
    return;

  minute = gtk_spin_button_get_value_as_int (self->hour_spin) * 60
           + gtk_spin_button_get_value_as_int (self->minute_spin);
  g_settings_set_uint (self->settings, "reminder-minute", minute);
}

static void
lento_reminder_group_autostart_cb (LentoReminderGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *executable = NULL;
  gboolean active = gtk_switch_get_active (self->autostart_switch);

  if (self->syncing || active == lento_autostart_get_enabled (APPLICATION_ID))
    return;

  executable = g_file_read_link ("/proc/self/exe", NULL);
  if (!lento_autostart_set_enabled (APPLICATION_ID, executable, active, &error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                   ADW_TYPE_PREFERENCES_WINDOW);

      if (window != NULL)
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window),
                                          adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);

      self->syncing = TRUE;
      gtk_switch_set_active (self->autostart_switch, !active);
      self->syncing = FALSE;
    }
}

static gboolean
text_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_nicks); i++)
    if (g_str_equal (nick, text_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
text_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (text_nicks))
    return NULL;

  return g_variant_new_string (text_nicks[position]);
}

/* The popup lists the choices as AdwComboRow's own list does, a check mark
 * beside the one chosen, while the row itself shows the choice with the
 * .ui's plain label. The mark follows the row's choice, not the list's
 * selection, which follows the pointer.
 */
static void
lento_reminder_group_text_setup_cb (GtkSignalListItemFactory *factory,
                                    GtkListItem              *list_item,
                                    LentoReminderGroup       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
lento_reminder_group_text_chosen_cb (AdwComboRow *row,
                                     GParamSpec  *pspec,
                                     GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));
  gboolean chosen = adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (list_item);

  /* Faded rather than hidden, so that the popup keeps its width. */
  gtk_widget_set_opacity (check, chosen ? 1.0 : 0.0);
}

static void
lento_reminder_group_text_bind_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   LentoReminderGroup       *self)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (item));
  g_signal_connect (self->text_row, "notify::selected-item",
                    G_CALLBACK (lento_reminder_group_text_chosen_cb), list_item);
  lento_reminder_group_text_chosen_cb (self->text_row, NULL, list_item);
}

static void
lento_reminder_group_text_unbind_cb (GtkSignalListItemFactory *factory,
                                     GtkListItem              *list_item,
                                     LentoReminderGroup       *self)
{
  /* The row may already be gone from the template while it drops its popup. */
  if (self->text_row != NULL)
    g_signal_handlers_disconnect_by_func (self->text_row, lento_reminder_group_text_chosen_cb,
                                          list_item);
}

static void
lento_reminder_group_constructed (GObject *object)
{
  LentoReminderGroup *self = LENTO_REMINDER_GROUP (object);

  G_OBJECT_CLASS (lento_reminder_group_parent_class)->constructed (object);

  g_settings_bind (self->settings, "reminders-enabled",
                   self->enabled_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "reminder-text",
                                self->text_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                text_get_mapping, text_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->time_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->text_row, "sensitive", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::reminder-minute",
                           G_CALLBACK (lento_reminder_group_sync_time), self,
                           G_CONNECT_SWAPPED);
  lento_reminder_group_sync_time (self);

  self->syncing = TRUE;
  gtk_switch_set_active (self->autostart_switch, lento_autostart_get_enabled (APPLICATION_ID));
  self->syncing = FALSE;
}

static void
lento_reminder_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LentoReminderGroup *self = LENTO_REMINDER_GROUP (object);

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
lento_reminder_group_dispose (GObject *object)
{
  LentoReminderGroup *self = LENTO_REMINDER_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENTO_TYPE_REMINDER_GROUP);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lento_reminder_group_parent_class)->dispose (object);
}

static void
lento_reminder_group_class_init (LentoReminderGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lento_reminder_group_constructed;
  object_class->dispose = lento_reminder_group_dispose;
  object_class->set_property = lento_reminder_group_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-reminder-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoReminderGroup, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, LentoReminderGroup, time_row);
  gtk_widget_class_bind_template_child (widget_class, LentoReminderGroup, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoReminderGroup, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, LentoReminderGroup, text_row);
  gtk_widget_class_bind_template_child (widget_class, LentoReminderGroup, autostart_switch);
  gtk_widget_class_bind_template_callback (widget_class, lento_reminder_group_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_reminder_group_autostart_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_reminder_group_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_reminder_group_text_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_reminder_group_text_unbind_cb);
}

static void
lento_reminder_group_init (LentoReminderGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
