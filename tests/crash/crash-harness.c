/* crash-harness.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-crash"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lento-vault.h"

/* Kills crash-writer with SIGKILL at random moments while it saves a
 * counter, and after every kill checks that the journal opens and holds
 * the last value the writer acknowledged or the one after it.
 *
 *   crash-harness [--kills N] [--seed N] [--writer PATH]
 *
 * prints "kills N", "lost_acknowledged N", "unreadable N" and fails when
 * anything was lost or unreadable. */

#define APP_ID "io.github.lento.Lento.Devel"
#define DOCUMENT "journal/2026-11"

static char *
writer_path (const char *given)
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;

  if (given != NULL)
    return g_strdup (given);

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_path_get_dirname (self);

  return g_build_filename (dir, "crash-writer", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* Reads the counter as a fresh process would. Returns FALSE when the
 * document does not open. */
static gboolean
check_journal (const char  *data_dir,
               LentoSecret *code,
               guint64     *value,
               gboolean    *restored)
{
  g_autoptr(LentoVault) vault = lento_vault_new (data_dir, APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  LentoDocumentStatus status;

  if (!lento_vault_open (vault, &error) ||
      !lento_vault_unlock_recovery_code (vault, code, &error))
    {
      g_printerr ("The journal does not open: %s\n", error->message);
      return FALSE;
    }

  bytes = lento_vault_read_document (vault, DOCUMENT, &status, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
        {
          *value = 0;
          *restored = FALSE;
          return TRUE;
        }
      g_printerr ("The counter does not open: %s\n", error->message);
      return FALSE;
    }

  *restored = status != LENTO_DOCUMENT_OK;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!g_str_has_prefix (text, "{\"counter\":"))
    return FALSE;
  *value = g_ascii_strtoull (text + strlen ("{\"counter\":"), NULL, 10);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *writer_arg = NULL;
  g_autofree char *writer = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *code_text = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GRand) rand = NULL;
  gint kills = 200;
  gint64 seed = 0;
  guint64 last_acknowledged = 0;
  guint lost = 0;
  guint unreadable = 0;
  guint restored_count = 0;
  guint done = 0;
  GOptionEntry entries[] = {
    { "kills", 0, 0, G_OPTION_ARG_INT, &kills, "How many times to kill the writer", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random kill moments", "N" },
    { "writer", 0, 0, G_OPTION_ARG_FILENAME, &writer_arg, "The crash-writer program", "PATH" },
    { NULL }
  };

  context = g_option_context_new ("- kill a writer of the journal and check after each kill");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  writer = writer_path (writer_arg);
  rand = seed != 0 ? g_rand_new_with_seed (seed) : g_rand_new ();
  tmp = g_dir_make_tmp ("lento-crash-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = g_build_filename (tmp, APP_ID, NULL);

  {
    const char *create_argv[] = { writer, "--create", data_dir, NULL };
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) create_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &code_text, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("Could not run %s: %s\n", writer, error->message);
        return 1;
      }
    g_strstrip (code_text);
    code = lento_secret_new_from_string (code_text);
    g_setenv ("LENTO_CRASH_CODE", code_text, TRUE);
  }

  for (gint i = 0; i < kills; i++)
    {
      const char *run_argv[] = { writer, data_dir, NULL };
      g_autoptr(GString) output = g_string_new (NULL);
      guint64 acknowledged = last_acknowledged;
      guint64 value = 0;
      gboolean restored = FALSE;
      GPid pid;
      int out_fd;
      int wait_status;
      char buffer[4096];
      ssize_t n;

      if (!g_spawn_async_with_pipes (NULL, (char **) run_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                     NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
        {
          g_printerr ("Could not run %s: %s\n", writer, error->message);
          return 1;
        }

      /* Start-up takes a few milliseconds, so most kills land while the
       * writer is saving. */
      g_usleep (g_rand_int_range (rand, 2000, 60000));
      kill (pid, SIGKILL);
      waitpid (pid, &wait_status, 0);
      g_spawn_close_pid (pid);

      while ((n = read (out_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
          g_string_append_len (output, buffer, n);
      close (out_fd);

      {
        g_auto(GStrv) lines = g_strsplit (output->str, "\n", -1);

        for (guint l = 0; lines[l] != NULL; l++)
          if (lines[l][0] != '\0')
            acknowledged = MAX (acknowledged, g_ascii_strtoull (lines[l], NULL, 10));
      }

      if (WIFEXITED (wait_status))
        {
          g_printerr ("The writer stopped by itself (status %d)\n", WEXITSTATUS (wait_status));
          unreadable++;
          break;
        }
      done++;

      if (!check_journal (data_dir, code, &value, &restored))
        {
          unreadable++;
          continue;
        }
      if (restored)
        restored_count++;
      if (value != acknowledged && value != acknowledged + 1)
        {
          g_printerr ("After kill %d the counter is %" G_GUINT64_FORMAT
                      ", acknowledged %" G_GUINT64_FORMAT "\n", i, value, acknowledged);
          lost++;
        }
      last_acknowledged = value;
    }

  printf ("kills %u\n", done);
  printf ("lost_acknowledged %u\n", lost);
  printf ("unreadable %u\n", unreadable);
  printf ("restored_from_previous %u\n", restored_count);
  printf ("last_value %" G_GUINT64_FORMAT "\n", last_acknowledged);

  remove_tree (tmp);

  return (lost == 0 && unreadable == 0 && restored_count == 0 && done == (guint) kills) ? 0 : 1;
}
