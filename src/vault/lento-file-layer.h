/* lento-file-layer.h
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every step the vault takes to put a new generation of a file on disk,
 * in order. Tests make each one fail in turn. */
typedef enum {
  LENTO_FILE_STEP_LINK_PREVIOUS,   /* hard link <name>.lento to <name>.lento.prev.tmp */
  LENTO_FILE_STEP_RENAME_PREVIOUS, /* rename that link over <name>.lento.prev */
  LENTO_FILE_STEP_WRITE,           /* write the new bytes to a temporary file */
  LENTO_FILE_STEP_FSYNC,           /* flush the temporary file to the disk */
  LENTO_FILE_STEP_RENAME,          /* rename the temporary file over <name>.lento */
  LENTO_FILE_STEP_SYNC_DIR,        /* flush the folder, so the renames last */
  LENTO_FILE_N_STEPS,
} LentoFileStep;

/* The few file operations the vault's writes go through, so that tests
 * can make any of them fail. Every function runs in a worker thread and
 * must be thread-safe; @user_data is what was given with the layer. */
typedef struct {
  /* Replaces @path with @data atomically and durably, mode 0600 (steps
   * WRITE, FSYNC and RENAME). */
  gboolean (*replace_contents) (gpointer      user_data,
                                const char   *path,
                                const guint8 *data,
                                gsize         size,
                                GError      **error);
  gboolean (*link)             (gpointer      user_data,
                                const char   *from,
                                const char   *to,
                                GError      **error);
  gboolean (*rename)           (gpointer      user_data,
                                const char   *from,
                                const char   *to,
                                GError      **error);
  gboolean (*sync_dir)         (gpointer      user_data,
                                const char   *path,
                                GError      **error);
} LentoFileLayer;

/* The real one: g_file_set_contents_full (CONSISTENT | DURABLE, 0600),
 * link(2), rename(2) and fsync(2) of the folder. */
const LentoFileLayer *lento_file_layer_get_default  (void);

/* A fault to inject: the @skip + 1-th time @step is reached, it fails
 * (a write leaves half the bytes in the temporary file first). Counters
 * are atomic; @failures counts the faults injected so far. */
typedef struct {
  LentoFileStep step;
  gint          skip;
  gint          failures;
  gint          reached[LENTO_FILE_N_STEPS];
} LentoFileFault;

/* Does what the default layer does, one system call at a time, and
 * consults the LentoFileFault given as user data (or none when NULL)
 * before each step. For tests. */
const LentoFileLayer *lento_file_layer_get_faulty   (void);

/* Writes a new generation of @path: keeps the current file as
 * @path.prev (as a hard link, so a complete current file exists at every
 * instant), then replaces @path with @data and flushes the folder. */
/* Reads @path whole when it is a regular file of at most @max_size bytes.
 * It never waits on a named pipe or a device, and follows a symbolic link
 * only when @follow_link is TRUE (a file the person picked, not one inside
 * the data folder). Errors name the file, never its folder: NOT_FOUND when
 * nothing is there, NOT_REGULAR_FILE, TOO_LARGE or IO. */
GBytes  *lento_file_read_regular           (const char           *path,
                                            gsize                 max_size,
                                            gboolean              follow_link,
                                            GError              **error);

gboolean lento_file_layer_write_generation (const LentoFileLayer *layer,
                                            gpointer              user_data,
                                            const char           *path,
                                            const guint8         *data,
                                            gsize                 size,
                                            GError              **error);

G_END_DECLS
