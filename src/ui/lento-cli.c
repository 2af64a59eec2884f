/* lento-cli.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "lento-application.h"
#include "lento-backup.h"
#include "lento-cli.h"
#include "lento-core-error.h"
#include "lento-vault.h"

/* Lento's command line works on the journal without a window: check every
 * document, export an encrypted backup, import one. It never prints what a
 * document holds, and reads secrets only from standard input, never from
 * arguments that other users could see in the process list.
 */

void
lento_cli_add_options (GApplication *application)
{
  static const GOptionEntry entries[] = {
    { "verify", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check that every part of the journal opens, then exit"), NULL },
    { "export-backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write an encrypted backup of the journal to FILE, then exit"), N_("FILE") },
    { "import-backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Merge the encrypted backup in FILE into the journal, then exit"), N_("FILE") },
    { "recovery-code-stdin", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Read the recovery code from standard input"), NULL },
    { "passphrase-stdin", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Read the passphrase from standard input"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_summary (application,
                                            _("Without options, Lento opens its window."));
  g_application_set_option_context_description (application,
    _("Exit status: 0 all is well; 1 part of the journal is damaged, missing, older than the "
      "last version Lento saved, or was restored from its previous version (an import is then "
      "refused); 2 the options are wrong (a backup into Lento's own folder is one); 3 there is "
      "no journal; 4 Lento already has the journal open; 5 the journal could not be unlocked; "
      "6 the recovery code or passphrase is wrong; 7 a file could not be read or written (an "
      "import says which parts it wrote and which it did not; the same import again finishes "
      "it)."));
}

static void
print_error (const char *message)
{
  /* Translators: %s is a sentence saying what went wrong. */
  g_printerr (_("lento: %s\n"), message);
}

/* Reads one line from standard input straight into secure memory: at
 * most LENTO_PASSPHRASE_MAX_SIZE bytes, the most any recovery code or
 * passphrase has. A longer line sets @too_long rather than being cut
 * short, which would only make it fail as a wrong secret.
 */
static LentoSecret *
read_secret_from_stdin (gboolean *too_long)
{
  g_autoptr(LentoSecret) buffer = lento_secret_new (LENTO_PASSPHRASE_MAX_SIZE + 1);
  guint8 *data = lento_secret_get_data (buffer);
  gsize length = 0;

  *too_long = FALSE;
  for (;;)
    {
      char c;
      ssize_t n = read (STDIN_FILENO, &c, 1);

      if (n <= 0 || c == '\n')
        break;
      if (c == '\r')
        continue;
      if (length == LENTO_PASSPHRASE_MAX_SIZE)
        {
          *too_long = TRUE;
          return NULL;
        }
      data[length++] = (guint8) c;
    }

  if (length == 0)
    return NULL;

  return lento_secret_new_from_data (data, length);
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      written;
} Wait;

static void
unlock_keyring_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = lento_vault_unlock_keyring_finish (LENTO_VAULT (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
unlock_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = lento_vault_unlock_passphrase_finish (LENTO_VAULT (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = lento_backup_import_finish (LENTO_VAULT (object), result, &wait->written,
                                         &wait->error);
  g_main_loop_quit (wait->loop);
}

static int
exit_status_for (const GError *error)
{
  if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_RECOVERY_CODE) ||
      g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_PASSPHRASE) ||
      g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_RECOVERY_CODE_INVALID) ||
      g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_RECOVERY_CODE_TYPO) ||
      g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_WRONG_KEY))
    return LENTO_EXIT_WRONG_SECRET;

  if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_ALREADY_OPEN))
    return LENTO_EXIT_ALREADY_OPEN;

  if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NO_JOURNAL))
    return LENTO_EXIT_NO_JOURNAL;

  if (g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_INSIDE_DATA_DIR))
    return LENTO_EXIT_USAGE;

  /* An import refused because part of the journal is damaged. */
  if (g_error_matches (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_READ_ONLY))
    return LENTO_EXIT_DAMAGED;

  if (error != NULL && error->domain == LENTO_VAULT_ERROR &&
      (error->code == LENTO_VAULT_ERROR_KEYRING_UNAVAILABLE ||
       error->code == LENTO_VAULT_ERROR_KEYRING_ITEM_MISSING ||
       error->code == LENTO_VAULT_ERROR_KEYRING_ITEM_INVALID ||
       error->code == LENTO_VAULT_ERROR_KEYRING_LOCKED ||
       error->code == LENTO_VAULT_ERROR_NO_SLOT))
    return LENTO_EXIT_CANNOT_UNLOCK;

  return LENTO_EXIT_IO;
}

/* Unlocks with the secret from standard input when one was given, else
 * with the keyring. Returns an exit status.
 */
static int
unlock (LentoVault    *vault,
        LentoSlotType  slot,
        LentoSecret   *secret)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, FALSE, NULL, 0 };
  int status = LENTO_EXIT_OK;

  if (secret != NULL && slot == LENTO_SLOT_RECOVERY)
    {
      wait.ok = lento_vault_unlock_recovery_code (vault, secret, &wait.error);
    }
  else if (secret != NULL && slot == LENTO_SLOT_PASSPHRASE)
    {
      lento_vault_unlock_passphrase_async (vault, secret, NULL, unlock_passphrase_cb, &wait);
      g_main_loop_run (loop);
    }
  else
    {
      lento_vault_unlock_keyring_async (vault, NULL, unlock_keyring_cb, &wait);
      g_main_loop_run (loop);
    }

  if (!wait.ok)
    {
      print_error (wait.error->message);
      if (secret == NULL)
        print_error (_("To unlock without the keyring, pipe the recovery code into "
                       "--recovery-code-stdin, or the passphrase into --passphrase-stdin."));
      status = exit_status_for (wait.error);
      g_clear_error (&wait.error);
    }

  return status;
}

static int
verify (LentoVault *vault)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  int status = LENTO_EXIT_OK;

  reports = lento_vault_verify (vault, &error);
  if (reports == NULL)
    {
      print_error (error->message);
      return exit_status_for (error);
    }

  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);
      const char *word;

      switch (report->status)
        {
        case LENTO_DOCUMENT_OK:
          /* Translators: the state of one part of the journal in lento --verify. */
          word = _("ok");
          break;

        case LENTO_DOCUMENT_RESTORED_FROM_PREVIOUS:
          word = _("restored from previous");
          status = LENTO_EXIT_DAMAGED;
          break;

        case LENTO_DOCUMENT_ROLLED_BACK:
          /* Translators: an older copy of this part of the journal was put in its place. */
          word = _("rolled back");
          status = LENTO_EXIT_DAMAGED;
          break;

        case LENTO_DOCUMENT_MISSING:
          /* Translators: this part of the journal was deleted outside Lento. */
          word = _("missing");
          status = LENTO_EXIT_DAMAGED;
          break;

        case LENTO_DOCUMENT_CONFLICT:
          /* Translators: another version of this part of the journal, written elsewhere. */
          word = _("conflict");
          status = LENTO_EXIT_DAMAGED;
          break;

        case LENTO_DOCUMENT_DAMAGED:
        default:
          /* A file or folder that could not be read at all is not known to
           * be damaged: it may only need its permissions back. */
          if (g_error_matches (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_IO) ||
              g_error_matches (report->error, LENTO_VAULT_ERROR,
                               LENTO_VAULT_ERROR_NOT_REGULAR_FILE))
            word = _("unreadable");
          else
            word = _("damaged");
          status = LENTO_EXIT_DAMAGED;
          break;
        }

      /* Not damaged: a newer Lento opens it. */
      if (report->status == LENTO_DOCUMENT_DAMAGED &&
          g_error_matches (report->error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NEWER_VERSION))
        {
          /* Translators: the state of a part of the journal that a newer Lento wrote. */
          word = _("newer version");
        }

      /* Translators: a part of the journal and its state in lento --verify, like
       * “journal/2026-03: ok”.
       */
      g_print (C_("verify", "%s: %s\n"), report->name, word);

      /* Nothing is lost yet, but the next failure of this part would have
       * no previous version to fall back on. */
      if (report->previous_error != NULL)
        {
          /* Translators: %s names a part of the journal, such as journal/2026-11. */
          g_print (_("%s (previous version): damaged\n"), report->name);
          status = LENTO_EXIT_DAMAGED;
        }
    }

  return status;
}

static int
export_backup (LentoVault *vault,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!lento_vault_export_backup (vault, file, &error))
    {
      print_error (error->message);
      return exit_status_for (error);
    }

  return LENTO_EXIT_OK;
}

static int
import_backup (LentoVault    *vault,
               const char    *path,
               LentoSlotType  slot,
               LentoSecret   *secret)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Wait wait = { loop, FALSE, NULL, 0 };

  if (secret == NULL)
    {
      print_error (_("A backup opens with its recovery code or passphrase: pipe it into "
                     "--recovery-code-stdin or --passphrase-stdin."));
      return LENTO_EXIT_USAGE;
    }

  documents = lento_vault_read_backup (file, slot, secret, &error);
  if (documents == NULL)
    {
      print_error (error->message);
      return exit_status_for (error);
    }

  lento_backup_import_async (vault, documents, NULL, import_cb, &wait);
  g_main_loop_run (loop);
  if (!wait.ok)
    {
      int status = exit_status_for (wait.error);

      print_error (wait.error->message);
      g_clear_error (&wait.error);
      return status;
    }

  if (wait.written == 0)
    {
      g_print ("%s\n", _("Imported: the journal already held everything in the backup"));
      return LENTO_EXIT_OK;
    }

  /* Translators: %u is how many parts of the journal changed. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported: %u part of the journal updated\n",
                        "Imported: %u parts of the journal updated\n", wait.written),
           wait.written);
  return LENTO_EXIT_OK;
}

/**
 * lento_cli_handle_options:
 *
 * Returns: an exit status when the options asked for work without a
 *   window, or -1 to go on and start the application.
 */
int
lento_cli_handle_options (GVariantDict *options)
{
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) secret = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  gboolean do_verify = g_variant_dict_contains (options, "verify");
  gboolean recovery_stdin = g_variant_dict_contains (options, "recovery-code-stdin");
  gboolean passphrase_stdin = g_variant_dict_contains (options, "passphrase-stdin");
  LentoSlotType slot = recovery_stdin ? LENTO_SLOT_RECOVERY : LENTO_SLOT_PASSPHRASE;
  int tasks;
  int status;

  g_variant_dict_lookup (options, "export-backup", "^ay", &export_path);
  g_variant_dict_lookup (options, "import-backup", "^ay", &import_path);
  tasks = do_verify + (export_path != NULL) + (import_path != NULL);

  if (tasks == 0)
    {
      if (recovery_stdin || passphrase_stdin)
        {
          print_error (_("--recovery-code-stdin and --passphrase-stdin go with --verify, "
                         "--export-backup or --import-backup."));
          return LENTO_EXIT_USAGE;
        }
      return -1;
    }

  if (tasks > 1 || (recovery_stdin && passphrase_stdin))
    {
      print_error (_("Give one of --verify, --export-backup and --import-backup, and at most "
                     "one way to read a secret."));
      return LENTO_EXIT_USAGE;
    }

  if (recovery_stdin || passphrase_stdin)
    {
      gboolean too_long;

      secret = read_secret_from_stdin (&too_long);
      if (too_long)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: %u is a number of bytes, 1024. */
                                                  "What was read from standard input is longer "
                                                  "than %u byte, and no recovery code or "
                                                  "passphrase is. Check what is piped in.",
                                                  "What was read from standard input is longer "
                                                  "than %u bytes, and no recovery code or "
                                                  "passphrase is. Check what is piped in.",
                                                  LENTO_PASSPHRASE_MAX_SIZE),
                                     LENTO_PASSPHRASE_MAX_SIZE);
          print_error (message);
          return LENTO_EXIT_USAGE;
        }
      if (secret == NULL)
        {
          print_error (_("Nothing was read from standard input."));
          return LENTO_EXIT_USAGE;
        }
    }

  data_dir = lento_application_dup_data_dir ();
  vault = lento_vault_new (data_dir, APPLICATION_ID);
  /* A prompt to unlock the keyring would wait for a person who may not be
   * there: a locked keyring is "could not unlock" instead. */
  lento_vault_set_keyring_may_prompt (vault, FALSE);
  if (!lento_vault_open (vault, &error))
    {
      print_error (error->message);
      return exit_status_for (error);
    }

  /* Documents without their key file are a journal that cannot open. */
  if (lento_vault_get_keys_missing (vault))
    {
      print_error (lento_vault_error_message (LENTO_VAULT_ERROR_KEYS_MISSING));
      return LENTO_EXIT_DAMAGED;
    }

  if (lento_vault_get_state (vault) == LENTO_VAULT_STATE_NO_JOURNAL)
    {
      print_error (_("There is no journal yet. Start Lento to make one."));
      return LENTO_EXIT_NO_JOURNAL;
    }

  /* An import's secret opens the backup; the journal itself opens with the
   * keyring first, and with the same secret when that fails.
   */
  if (import_path != NULL)
    {
      status = unlock (vault, slot, NULL);
      if (status != LENTO_EXIT_OK)
        status = unlock (vault, slot, secret);
    }
  else
    {
      status = unlock (vault, slot, secret);
    }

  if (status == LENTO_EXIT_OK)
    {
      if (do_verify)
        status = verify (vault);
      else if (export_path != NULL)
        status = export_backup (vault, export_path);
      else
        status = import_backup (vault, import_path, slot, secret);
    }

  lento_vault_close (vault);
  return status;
}
