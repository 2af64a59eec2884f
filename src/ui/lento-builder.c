/* lento-builder.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-builder"

#include "config.h"

#include "lento-builder.h"

/* Parts of a widget that are built only when first needed (the window's
 * main page, the later steps of set-up) come from .ui files of their own,
 * with the widget as "page": the object their signals are connected to.
 */

/**
 * lento_builder_new_for:
 * @page: the widget the built part belongs to
 * @resource: the path of the .ui file in the resource bundle
 * @scope: the callbacks its signals name
 *
 * A broken or missing .ui file is a bug in Lento, not something a person
 * can act on, so it stops the program with a message.
 *
 * Returns: (transfer full): a builder holding the built objects
 */
GtkBuilder *
lento_builder_new_for (GObject         *page,
                       const char      *resource,
                       GtkBuilderScope *scope)
{
  g_autoptr(GError) error = NULL;
  GtkBuilder *builder = gtk_builder_new ();

  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, page);
  gtk_builder_expose_object (builder, "page", page);
  if (!gtk_builder_add_from_resource (builder, resource, &error))
    g_error ("%s could not be built: %s", resource, error->message);

  return builder;
}

/**
 * lento_builder_get:
 * @builder: a builder from lento_builder_new_for()
 * @id: the id of an object in its .ui file
 *
 * Returns: (transfer none): the object; a missing one stops the program
 */
GObject *
lento_builder_get (GtkBuilder *builder,
                   const char *id)
{
  GObject *object = gtk_builder_get_object (builder, id);

  if (object == NULL)
    g_error ("The .ui file has no object “%s”", id);

  return object;
}

static void
lento_menu_button_create_popup_cb (GtkMenuButton *button,
                                   gpointer       user_data)
{
  GMenuModel *model = user_data;

  /* GTK asks each time the menu opens; the popover is made once. */
  if (gtk_menu_button_get_menu_model (button) != model)
    gtk_menu_button_set_menu_model (button, model);
}

/**
 * lento_menu_button_set_menu_later:
 * @button: a menu button with no menu yet
 * @model: the menu it opens
 *
 * Gives @button its menu the first time it opens. A menu model set at once
 * builds its popover straight away, which a window's first showing pays for
 * with every menu button it holds, opened or not.
 */
void
lento_menu_button_set_menu_later (GtkMenuButton *button,
                                  GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, lento_menu_button_create_popup_cb,
                                         g_object_ref (model), g_object_unref);
}
