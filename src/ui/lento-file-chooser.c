/* lento-file-chooser.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-file-chooser"

#include "config.h"

#include "lento-file-chooser.h"

/* Every file Lento asks a person to choose (an export, the clinician's
 * summary, a backup) stays out of the recently used files that the desktop
 * and other programs show: a name there would tell anyone what Lento is
 * used for.
 *
 * GTK's own file chooser, which GtkFileChooserNative shows outside a
 * sandbox, adds every file a person accepts to GtkRecentManager, and GTK
 * 4.8 has no way to stop it for one dialog. Its setting
 * gtk-recent-files-enabled is no way either: turned off, the manager writes
 * the person's whole list back empty. So the files chosen here are taken
 * out of the manager's list just before it writes the list to disk: the
 * "changed" class handler, which does the writing, is wrapped once.
 */

static void (*gtk_recent_manager_changed) (GtkRecentManager *manager);

/* URIs chosen in Lento that the manager may still be given; main thread. */
static GHashTable *kept_out;

static void
lento_recent_manager_changed (GtkRecentManager *manager)
{
  GHashTableIter iter;
  const char *uri;

  /* Once removed, a URI is forgotten here, so that another program may
   * still list the same file later.
   */
  g_hash_table_iter_init (&iter, kept_out);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uri, NULL))
    if (gtk_recent_manager_remove_item (manager, uri, NULL))
      g_hash_table_iter_remove (&iter);

  if (gtk_recent_manager_changed != NULL)
    gtk_recent_manager_changed (manager);
}

static void
keep_out_of_recent_files (GFile *file)
{
  if (kept_out == NULL)
    {
      /* The class stays: the manager is a singleton that lives as long. */
      GtkRecentManagerClass *klass = g_type_class_ref (GTK_TYPE_RECENT_MANAGER);

      gtk_recent_manager_changed = klass->changed;
      klass->changed = lento_recent_manager_changed;
      kept_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  g_hash_table_add (kept_out, g_file_get_uri (file));
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response)
{
  g_autoptr(GListModel) files = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      keep_out_of_recent_files (file);
    }
}

/**
 * lento_file_chooser_new:
 *
 * Like gtk_file_chooser_native_new(), and the files a person accepts in
 * it never reach the recently used files. Connect to "response" after
 * this returns.
 *
 * Returns: (transfer full): a new file chooser
 */
GtkFileChooserNative *
lento_file_chooser_new (const char           *title,
                        GtkWindow            *parent,
                        GtkFileChooserAction  action,
                        const char           *accept_label,
                        const char           *cancel_label)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, cancel_label);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), NULL);
  return chooser;
}
