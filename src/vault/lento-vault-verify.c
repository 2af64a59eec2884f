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
 * on copies of the keys) and marks each with what it found, so that a
 * damaged one makes the vault read-only before anything overwrites it.
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

typedef struct {
  char      *data_dir;
  guint8     uuid[LENTO_UUID_SIZE];
  GPtrArray *keys;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_free (job->data_dir);
  g_clear_pointer (&job->keys, g_ptr_array_unref);
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

  plain = _lento_vault_open_file (prev, name, uuid, keys, NULL, &missing, &error);
  if (plain == NULL && !missing)
    report->previous_error = g_steal_pointer (&error);
}

static GPtrArray *
verify_documents (const char   *data_dir,
                  const guint8 *uuid,
                  GPtrArray    *keys)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) lento_document_report_free);
  g_auto(GStrv) names = _lento_vault_list_names (data_dir, reports);

  for (guint i = 0; names[i] != NULL; i++)
    {
      LentoDocumentReport *report = g_new0 (LentoDocumentReport, 1);
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GError) error = NULL;

      report->name = g_strdup (names[i]);
      plain = _lento_vault_load_document (data_dir, names[i], uuid, keys, &report->status,
                                          &report->error, &error);
      if (report->status == LENTO_DOCUMENT_OK && plain == NULL)
        {
          /* Listed but gone meanwhile: nothing to report. */
          lento_document_report_free (report);
          continue;
        }
      if (report->status == LENTO_DOCUMENT_DAMAGED && report->error == NULL && error != NULL)
        report->error = g_steal_pointer (&error);
      if (report->status == LENTO_DOCUMENT_OK)
        check_previous (data_dir, names[i], uuid, keys, report);
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

static void
apply_reports (LentoVault *self,
               GPtrArray  *reports)
{
  for (guint i = 0; i < reports->len; i++)
    {
      LentoDocumentReport *report = g_ptr_array_index (reports, i);
      Doc *doc = _lento_vault_get_doc (self, report->name);

      if (!doc->in_flight)
        doc->health = report->status == LENTO_DOCUMENT_OK ? DOC_GOOD : DOC_DAMAGED;
    }
  _lento_vault_update_state (self);
}

GPtrArray *
lento_vault_verify (LentoVault  *self,
                    GError     **error)
{
  GPtrArray *reports;

  g_return_val_if_fail (LENTO_IS_VAULT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lento_vault_check_unlocked (self, error))
    return NULL;

  reports = verify_documents (self->data_dir, lento_key_file_get_uuid (self->keys),
                              self->data_keys);
  apply_reports (self, reports);
  add_keys_report (self, reports);

  return reports;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyJob *job = task_data;

  g_task_return_pointer (task, verify_documents (job->data_dir, job->uuid, job->keys),
                         (GDestroyNotify) g_ptr_array_unref);
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
  apply_reports (self, reports);
  add_keys_report (self, reports);
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

  job = g_new0 (VerifyJob, 1);
  job->data_dir = g_strdup (self->data_dir);
  memcpy (job->uuid, lento_key_file_get_uuid (self->keys), LENTO_UUID_SIZE);
  job->keys = copy_keys (self->data_keys);

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
