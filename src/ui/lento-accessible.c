/* lento-accessible.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-accessible"

#include "config.h"

#include <adwaita.h>

#include "lento-accessible.h"

/* What GTK 4.8 and libadwaita 1.2 leave out of the accessibility tree, or
 * put in it wrongly, mended with public API only: a screen reader reads
 * what tests/e2e/test-accessibility.py reads. Accessible roles are set in
 * class_init or at construction, never here: GTK refuses a new role once a
 * widget's accessible is realized.
 */

static void
lento_accessible_stack_changed_cb (GtkStack   *stack,
                                   GParamSpec *pspec,
                                   gpointer    user_data)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

/**
 * lento_accessible_follow_stack:
 * @stack: a stack whose pages are places of their own
 *
 * GTK 4.8 keeps the pages a stack does not show in the accessibility tree,
 * with the size they had when last shown: a screen reader wanders into
 * them. From now on only the visible page of @stack is there.
 */
void
lento_accessible_follow_stack (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child",
                    G_CALLBACK (lento_accessible_stack_changed_cb), NULL);
  lento_accessible_stack_changed_cb (stack, NULL, NULL);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
lento_accessible_drop_down_changed_cb (GtkDropDown *drop_down,
                                       GParamSpec  *pspec,
                                       gpointer     user_data)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *item;

  if (button == NULL)
    return;

  /* The drop-down's own label, then the item chosen, as a person sees them
   * side by side: "Bleeding None".
   */
  item = find_descendant (button, GTK_TYPE_LABEL);
  if (item != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, item, NULL,
                                    -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                    -1);
}

/**
 * lento_accessible_name_drop_down:
 * @drop_down: a drop-down with an accessible label
 *
 * GTK 4.8 gives the focus to the toggle button inside a drop-down, and that
 * button has no name: a screen reader says "GtkToggleButton". The button
 * takes the label of @drop_down and the item chosen in it.
 */
void
lento_accessible_name_drop_down (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  /* The chosen item's label is made anew with a new model or factory. */
  g_signal_connect (drop_down, "notify::model",
                    G_CALLBACK (lento_accessible_drop_down_changed_cb), NULL);
  g_signal_connect (drop_down, "notify::factory",
                    G_CALLBACK (lento_accessible_drop_down_changed_cb), NULL);
  g_signal_connect (drop_down, "notify::selected",
                    G_CALLBACK (lento_accessible_drop_down_changed_cb), NULL);
  lento_accessible_drop_down_changed_cb (drop_down, NULL, NULL);
}

static void
name_view_switchers (GtkWidget  *root,
                     const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_VIEW_SWITCHER (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
      else
        name_view_switchers (child, label);
    }
}

/**
 * lento_accessible_name_view_switchers:
 * @root: an #AdwViewSwitcherTitle or #AdwViewSwitcherBar
 * @label: what a screen reader calls the row of tabs
 *
 * libadwaita 1.2 leaves the view switcher inside a switcher title or bar
 * without a name: a screen reader says "AdwViewSwitcher" on the way to
 * the first tab. It is called @label instead.
 */
void
lento_accessible_name_view_switchers (GtkWidget  *root,
                                      const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (label != NULL);

  name_view_switchers (root, label);
}

static void
name_status_pages (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *scrolled;

      if (ADW_IS_STATUS_PAGE (child)
          && (scrolled = find_descendant (child, GTK_TYPE_SCROLLED_WINDOW)) != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (scrolled),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                        -1);
      name_status_pages (child);
    }
}

/**
 * lento_accessible_name_status_pages:
 * @root: a widget that holds status pages
 *
 * A status page with nothing to press inside, such as "No Session Today",
 * puts its scrolled window in the Tab order so that a long text can be
 * scrolled, and libadwaita 1.2 leaves that without a name. Each one in
 * @root is named after its page, whose name is its title.
 */
void
lento_accessible_name_status_pages (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_status_pages (root);
}

/**
 * lento_accessible_set_new_tooltip:
 * @widget: a widget not yet put in a window
 * @text: its tooltip
 *
 * Gives a widget being built its tooltip. GTK 4.8 answers every tooltip set
 * on a visible widget by asking the display where the pointer is, in case
 * that widget's tooltip is the one showing; on X11 that is a round trip to
 * the server, and a list that builds a row per entry on screen would wait
 * for it once per row. A widget in no window shows no tooltip, so the text
 * goes in while it is hidden, which skips the question.
 */
void
lento_accessible_set_new_tooltip (GtkWidget  *widget,
                                  const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_get_parent (widget) == NULL);

  visible = gtk_widget_get_visible (widget);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}
