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
