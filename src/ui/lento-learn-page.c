/* lento-learn-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-learn-page"

#include "config.h"

#include "lento-accessible.h"
#include "lento-learn.h"
#include "lento-learn-page.h"

struct _LentoLearnPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkListBox        *topics_list;
  GtkScrolledWindow *topic_scroll;
  GtkLabel          *topic_title;
  GtkLabel          *topic_body;

  /* The index of the topic shown, or -1 on the index page. */
  int                shown;
};

G_DEFINE_FINAL_TYPE (LentoLearnPage, lento_learn_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_topic (LentoLearnPage *self,
            guint           index)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->topic_scroll);

  self->shown = (int) index;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC]);
  gtk_label_set_label (self->topic_title, lento_learn_get_topic_title (index));
  gtk_label_set_label (self->topic_body, lento_learn_get_topic_body (index));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_stack_set_visible_child_name (self->stack, "topic");
  /* The row that opened the topic is gone: the arrow keys scroll the text. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->topic_scroll));
}

static void
topic_activated_cb (LentoLearnPage *self,
                    GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (index >= 0 && (guint) index < lento_learn_get_n_topics ());

  show_topic (self, index);
}

static void
index_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lento_learn_page_show_index (LENTO_LEARN_PAGE (widget));
}

static void
lento_learn_page_dispose (GObject *object)
{
  /* The bin's child is itself a template child: let the bin drop it first
   * so that it does not unparent a widget the template already freed.
   */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LENTO_TYPE_LEARN_PAGE);

  G_OBJECT_CLASS (lento_learn_page_parent_class)->dispose (object);
}

static void
lento_learn_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LentoLearnPage *self = LENTO_LEARN_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, lento_learn_page_get_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_learn_page_class_init (LentoLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_learn_page_dispose;
  object_class->get_property = lento_learn_page_get_property;

  /* The id of the topic shown, or NULL on the index; the page that holds
   * this one reads it to decide where its back button leads.
   */
  properties [PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A container of its own, not a widget a screen reader names: GTK 4.8
   * would call it by its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-learn-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topic_scroll);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topic_title);
  gtk_widget_class_bind_template_child (widget_class, LentoLearnPage, topic_body);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);

  gtk_widget_class_install_action (widget_class, "learn.index", NULL, index_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "learn.index", NULL);
}

static void
lento_learn_page_init (LentoLearnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lento_accessible_follow_stack (self->stack);
  self->shown = -1;

  for (guint i = 0; i < lento_learn_get_n_topics (); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lento_learn_get_topic_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lento_learn_get_topic_summary (i));
      /* The arrow only shows that the row opens a page. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "go-next-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->topics_list, row);
    }
}

GtkWidget *
lento_learn_page_new (void)
{
  return g_object_new (LENTO_TYPE_LEARN_PAGE, NULL);
}

void
lento_learn_page_show_index (LentoLearnPage *self)
{
  g_return_if_fail (LENTO_IS_LEARN_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "index");
  if (self->shown >= 0)
    {
      /* Back on the topic just read. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->topics_list,
                                                                          self->shown)));
      self->shown = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC]);
    }
}

/**
 * lento_learn_page_show_topic:
 * @topic_id: one of the ids lento_learn_get_topic_id() returns
 *
 * Returns: whether such a topic exists
 */
gboolean
lento_learn_page_show_topic (LentoLearnPage *self,
                             const char     *topic_id)
{
  int index;

  g_return_val_if_fail (LENTO_IS_LEARN_PAGE (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);

  index = lento_learn_find_topic (topic_id);
  if (index < 0)
    return FALSE;

  show_topic (self, index);
  return TRUE;
}

/**
 * lento_learn_page_get_shown:
 *
 * Returns: (nullable): the id of the topic shown, or %NULL on the index
 */
const char *
lento_learn_page_get_shown (LentoLearnPage *self)
{
  g_return_val_if_fail (LENTO_IS_LEARN_PAGE (self), NULL);

  return self->shown >= 0 ? lento_learn_get_topic_id (self->shown) : NULL;
}
