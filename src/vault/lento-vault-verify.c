/* lento-vault-verify.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-vault"

#include "config.h"

#include <string.h>

#include "lento-vault-private.h"

/* LentoVault's verify opens every document (the async form in a worker,
 * on copies of the keys and the manifest), compares it with the manifest,
 * and marks each with what it found, so that a damaged, rolled-back or
 * missing one makes the vault read-only before anything overwrites it.
 * See lento-vault.c for how the parts of the vault fit.
 */

LentoDocumentReport *
lento_document_report_copy (LentoDocumentReport *report)
{
  LentoDocumentReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_new0 (LentoDocumentReport, 1);
  copy->name = g_strdup (report->name);
  copy->status = report->status;
  copy->error = report->error ? g_error_copy (report->error) : NULL;
  copy->previous_error = report->previous_error ? g_error_copy (report->previous_error) : NULL;

  return copy;
}

void
lento_document_report_free (LentoDocumentReport *report)
{
  if (report == NULL)
    return;

  g_free (report->name);
  g_clear_error (&report->error);
  g_clear_error (&report->previous_error);
  g_free (report);
}

G_DEFINE_BOXED_TYPE (LentoDocumentReport, lento_document_report,
                     lento_document_report_copy, lento_document_report_free)

static GPtrArray *
copy_keys (GPtrArray *keys)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_secret_unref);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    g_ptr_array_add (copy, lento_secret_ref (g_ptr_array_index (keys, i)));

  return copy;
}

/* Verifying in a worker: copies of what it needs, and where it puts the
 * documents it found newer than the manifest. */
typedef struct {
  char       *data_dir;
  guint8      uuid[LENTO_UUID_SIZE];
  GPtrArray  *keys;
  GHashTable *manifest;
  GHashTable *newer;
} VerifyJob;

static VerifyJob *
verify_job_new (LentoVault *self)
{
  VerifyJob *job = g_new0 (VerifyJob, 1);

  job->data_dir = g_strdup (self->data_dir);
  memcpy (job->uuid, lento_key_file_get_uuid (self->keys), LENTO_UUID_SIZE);
  job->keys = copy_keys (self->data_keys);
  job->manifest = _lento_vault_manifest_copy (self->manifest);
  job->newer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return job;
}

static void
verify_job_free (VerifyJob *job)
{
  g_free (job->data_dir);
  g_clear_pointer (&job->keys, g_ptr_array_unref);
  g_clear_pointer (&job->manifest, g_hash_table_unref);
  g_clear_pointer (&job->newer, g_hash_table_unref);
  g_free (job);
}

/* A previous generation that is there and does not open is no danger yet,
 * but the next failure would have nothing to fall back on. */
static void
check_previous (const char          *data_dir,
                const char          *name,
                const guint8        *uuid,
                GPtrArray           *keys,
                LentoDocumentReport *report)
{
  g_autofree char *prev = _lento_vault_doc_path (data_dir, name, PREV_SUFFIX);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  gboolean missing = FALSE;

  plain = _lento_vault_open_file (prev, name, uuid, keys, NULL, NULL, &missing, &error);
  if (plain == NULL && !missing)
    report->previous_error = g_steal_pointer (&error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The documents on disk, those the manifest records and the manifest. */
static GPtrArray *
names_to_verify (VerifyJob *job,
                 GPtrArray *reports)
{
  g_auto(GStrv) on_disk = _lento_vault_list_names (job->data_dir, reports);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *name;

  g_ptr_array_add (names, g_strdup (MANIFEST_NAME));
  for (guint i = 0; on_disk[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (on_disk[i]));
  if (job->manifest != NULL)
    {
      g_hash_table_iter_init (&iter, job->manifest);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
        if (!g_strv_contains ((const char * const *) on_disk, name))
          g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  return names;
}

static GPtrArray *
verify_documents (VerifyJob *job)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_document_report_free);
  g_autoptr(GPtrArray) names = names_to_verify (job, reports);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean is_manifest = g_str_equal (name, MANIFEST_NAME);
      LentoDocumentReport *report;
      DocCheck check = { 0, };

      /* Every file is decrypted (need_plain), not only compared. */
      _lento_vault_check_document (job->data_dir, name, job->uuid, job->keys,
                                   is_manifest ? NULL : job->manifest, TRUE, &check);
      if (check.absent && !is_manifest)
        {
          /* Listed but gone meanwhile: nothing to report. */
          _lento_vault_doc_check_clear (&check);
          continue;
        }

      report = g_new0 (LentoDocumentReport, 1);
      report->name = g_strdup (name);
      report->status = check.status;
      if (check.absent)
        {
          /* Every journal has had a manifest since it was opened. */
          report->status = LENTO_DOCUMENT_MISSING;
          lento_vault_set_error (&report->error, LENTO_VAULT_ERROR_DOCUMENT_MISSING);
        }
      else if (is_manifest && check.plain != NULL)
        {
          g_autoptr(GHashTable) parsed = _lento_vault_parse_manifest (check.plain,
                                                                       &report->error);

          /* It opens, but cannot be read (or is from a newer Lento). */
          if (parsed == NULL)
            report->status = LENTO_DOCUMENT_DAMAGED;
          else if (check.status != LENTO_DOCUMENT_OK)
            report->error = g_steal_pointer (&check.error);
          else
            check_previous (job->data_dir, name, job->uuid, job->keys, report);
        }
      else if (check.status != LENTO_DOCUMENT_OK)
        {
          report->error = g_steal_pointer (&check.error);
        }
      else
        {
          check_previous (job->data_dir, name, job->uuid, job->keys, report);
        }
      if (check.newer)
        g_hash_table_insert (job->newer, g_strdup (name),
                             g_memdup2 (&check.found, sizeof check.found));
      _lento_vault_doc_check_clear (&check);
      g_ptr_array_add (reports, report);
    }

  return reports;
}

/* What opening found of keys.lento and its copy comes first. */
static void
add_keys_report (LentoVault *self,
                 GPtrArray  *reports)
{
  if (self->keys_report != NULL)
    g_ptr_array_insert (reports, 0, lento_document_report_copy (self->keys_report));
}

/* On the vault's thread: marks each document with what verify found, so
 * that a damaged one turns the journal read-only before anything
 * overwrites it, and records the documents found newer than the manifest
 * (written with the next write). */
static void
apply_reports (LentoVault *self,
               VerifyJob  *job,
               GPtrArray  *reports)
{
  GHashTableIter iter;
  const char *name;
  ManifestEntry *found;

  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);
      Doc *doc = _lento_vault_get_doc (self, report->name);

      if (!doc->in_flight)
        {
          doc->health = report->status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
          doc->problem = report->status;
        }
    }

  g_hash_table_iter_init (&iter, job->newer);
  while (self->manifest != NULL && g_hash_table_iter_next (&iter, (gpointer *) &name,
                                                            (gpointer *) &found))
    {
      ManifestEntry *entry = g_hash_table_lookup (self->manifest, name);

      if (entry == NULL || entry->generation < found->generation)
        g_hash_table_insert (self->manifest, g_strdup (name),
                             _lento_vault_manifest_entry_copy (found));
    }

  _lento_vault_update_state (self);
  add_keys_report (self, reports);
}

GPtrArray *
lento_vault_verify (LentoVault  *self,
                    GError     **error)
{
  VerifyJob *job;
  GPtrArray *reports;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_unlocked (self, error))
    return NULL;

  job = verify_job_new (self);
  reports = verify_documents (job);
  apply_reports (self, job, reports);
  verify_job_free (job);

  return reports;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyJob *job = task_data;

  g_task_return_pointer (task, verify_documents (job), (GDestroyNotify) g_ptr_array_unref);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LentoVault *self = LENTO_VAULT (object);
  g_autoptr(GTask) task = user_data;
  GPtrArray *reports;
  GError *error = NULL;

  reports = g_task_propagate_pointer (G_TASK (result), &error);
  if (reports == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  apply_reports (self, g_task_get_task_data (G_TASK (result)), reports);
  g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);
}

void
lento_vault_verify_async (LentoVault          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  VerifyJob *job;

  g_return_if_fail (LENTO_IS_VAULT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_vault_verify_async);

  if (!_lento_vault_check_unlocked (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = verify_job_new (self);
  worker = g_task_new (self, cancellable, verify_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, job, (GDestroyNotify) verify_job_free);
  g_task_run_in_thread (worker, verify_thread);
}

GPtrArray *
lento_vault_verify_finish (LentoVault    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
