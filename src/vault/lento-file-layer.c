/* lento-file-layer.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lento-file-layer.h"
#include "lento-vault-error.h"

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *base = g_path_get_basename (path);

  /* Only the file name: paths may say more about a person than needed. */
  g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
               /* Translators: a file's name, then the system's reason, like “No space left on
                * device”.
                */
               _("Could not write “%s”: %s. Check that the disk has space and try again."),
               base, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
default_replace_contents (gpointer      user_data,
                          const char   *path,
                          const guint8 *data,
                          gsize         size,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *base = g_path_get_basename (path);

      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                   /* Translators: a file's name, then the system's reason, like “No space left on
                    * device”.
                    */
                   _("Could not write “%s”: %s. Check that the disk has space and try again."),
                   base, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
default_link (gpointer     user_data,
              const char  *from,
              const char  *to,
              GError     **error)
{
  if (link (from, to) != 0)
    return set_io_error (error, errno, to);

  return TRUE;
}

static gboolean
default_rename (gpointer     user_data,
                const char  *from,
                const char  *to,
                GError     **error)
{
  if (g_rename (from, to) != 0)
    return set_io_error (error, errno, to);

  return TRUE;
}

static gboolean
default_sync_dir (gpointer     user_data,
                  const char  *path,
                  GError     **error)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return set_io_error (error, errno, path);
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      return set_io_error (error, saved, path);
    }
  close (fd);

  return TRUE;
}

static const LentoFileLayer default_layer = {
  default_replace_contents,
  default_link,
  default_rename,
  default_sync_dir,
};

const LentoFileLayer *
lento_file_layer_get_default (void)
{
  return &default_layer;
}

static gboolean
fault_here (LentoFileFault *fault,
            LentoFileStep   step)
{
  gint reached;

  if (fault == NULL)
    return FALSE;

  reached = g_atomic_int_add (&fault->reached[step], 1);
  if (fault->step == step && reached == fault->skip)
    {
      g_atomic_int_inc (&fault->failures);
      return TRUE;
    }

  return FALSE;
}

static gboolean
faulty_replace_contents (gpointer      user_data,
                         const char   *path,
                         const guint8 *data,
                         gsize         size,
                         GError      **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  LentoFileFault *fault = user_data;
  gsize done = 0;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_io_error (error, errno, path);

  if (fault_here (fault, LENTO_FILE_STEP_WRITE))
    {
      /* A disk that fills up halfway through. */
      G_GNUC_UNUSED ssize_t ignored = write (fd, data, size / 2);
      close (fd);
      g_unlink (tmp);
      return set_io_error (error, ENOSPC, path);
    }
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (tmp);
          return set_io_error (error, saved, path);
        }
      done += n;
    }

  if (fault_here (fault, LENTO_FILE_STEP_FSYNC) || fsync (fd) != 0)
    {
      close (fd);
      g_unlink (tmp);
      return set_io_error (error, EIO, path);
    }
  close (fd);

  if (fault_here (fault, LENTO_FILE_STEP_RENAME) || g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      return set_io_error (error, EIO, path);
    }

  return TRUE;
}

static gboolean
faulty_link (gpointer     user_data,
             const char  *from,
             const char  *to,
             GError     **error)
{
  if (fault_here (user_data, LENTO_FILE_STEP_LINK_PREVIOUS))
    return set_io_error (error, EIO, to);

  return default_link (NULL, from, to, error);
}

static gboolean
faulty_rename (gpointer     user_data,
               const char  *from,
               const char  *to,
               GError     **error)
{
  if (fault_here (user_data, LENTO_FILE_STEP_RENAME_PREVIOUS))
    return set_io_error (error, EIO, to);

  return default_rename (NULL, from, to, error);
}

static gboolean
faulty_sync_dir (gpointer     user_data,
                 const char  *path,
                 GError     **error)
{
  if (fault_here (user_data, LENTO_FILE_STEP_SYNC_DIR))
    return set_io_error (error, EIO, path);

  return default_sync_dir (NULL, path, error);
}

static const LentoFileLayer faulty_layer = {
  faulty_replace_contents,
  faulty_link,
  faulty_rename,
  faulty_sync_dir,
};

const LentoFileLayer *
lento_file_layer_get_faulty (void)
{
  return &faulty_layer;
}

GBytes *
lento_file_read_regular (const char  *path,
                         gsize        max_size,
                         gboolean     follow_link,
                         GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *contents = NULL;
  struct stat st;
  gsize done = 0;
  int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_path_get_basename (path);
  if (!follow_link)
    flags |= O_NOFOLLOW;

  /* O_NONBLOCK: opening a named pipe must not wait for a writer. */
  fd = open (path, flags);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND,
                     /* Translators: a file's name, then the system's reason, like “Permission
                      * denied”.
                      */
                     _("Could not read “%s”: %s. Check that the file is there."),
                     base, g_strerror (saved));
      else if (saved == ELOOP)
        g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_REGULAR_FILE,
                     /* Translators: %s is a file's name. */
                     _("“%s” is a link to another file, so Lento did not read it. Put the "
                       "file itself in its place, or move the link away and try again."), base);
      else
        g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                     /* Translators: a file's name, then the system's reason, like “Permission
                      * denied”.
                      */
                     _("Could not read “%s”: %s. Check that you may read it and try again."),
                     base, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_REGULAR_FILE,
                   /* Translators: %s is a file's name. */
                   _("“%s” is not a regular file (it may be a folder, a device or a named pipe), "
                     "so Lento did not read it. Move it away and try again."), base);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name. */
                   _("“%s” is too large to be a Lento file. Check that it is the right file."),
                   base);
      return NULL;
    }

  /* One byte more than the size, to notice a file that grows meanwhile. */
  contents = g_malloc (st.st_size + 1);
  for (;;)
    {
      ssize_t n = read (fd, contents + done, st.st_size + 1 - done);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                       /* Translators: a file's name, then the system's reason, like “Permission
                        * denied”.
                        */
                       _("Could not read “%s”: %s. Check that you may read it and try again."),
                       base, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      done += n;
      if (done > (gsize) st.st_size)
        {
          close (fd);
          g_set_error (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO,
                       /* Translators: %s is a file's name. */
                       _("“%s” changed while Lento read it. Try again in a moment."), base);
          return NULL;
        }
    }
  close (fd);

  return g_bytes_new_take (g_steal_pointer (&contents), done);
}

gboolean
lento_file_layer_write_generation (const LentoFileLayer *layer,
                                   gpointer              user_data,
                                   const char           *path,
                                   const guint8         *data,
                                   gsize                 size,
                                   GError              **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *prev_tmp = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (layer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  prev = g_strconcat (path, ".prev", NULL);
  prev_tmp = g_strconcat (path, ".prev.tmp", NULL);
  dir = g_path_get_dirname (path);

  /* The current generation becomes the previous one by a hard link and a
   * rename, so the current name never stops pointing at a complete file;
   * then the new bytes replace it atomically. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_unlink (prev_tmp) != 0 && errno != ENOENT)
        return set_io_error (error, errno, prev_tmp);
      if (!layer->link (user_data, path, prev_tmp, error))
        return FALSE;
      if (!layer->rename (user_data, prev_tmp, prev, error))
        {
          g_unlink (prev_tmp);
          return FALSE;
        }
    }

  if (!layer->replace_contents (user_data, path, data, size, error))
    return FALSE;

  return layer->sync_dir (user_data, dir, error);
}
