/* lento-practice.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-practice"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-core-error.h"
#include "lento-journal-vault.h"
#include "lento-json.h"
#include "lento-practice-private.h"

/* LentoPractice owns the day: the journal, the inventory and the rest of
 * the profile while the journal is unlocked, today's recommendation
 * computed from them, and the session of the day with its result, which
 * outlive a lock (lento-practice-session.c). Views bind to its properties
 * and call its methods; every change is written back through it, months of
 * the journal as they change and the profile as a whole, so that what is
 * in memory and on disk never part ways.
 *
 * The profile document is {"format": 1, "inventory": {...}, ...}; members
 * this version does not know are kept and written back.
 */

GParamSpec *_lento_practice_properties [PRACTICE_N_PROPS];
guint _lento_practice_signals [PRACTICE_N_SIGNALS];
#define properties _lento_practice_properties
#define signals _lento_practice_signals

G_DEFINE_FINAL_TYPE (LentoPractice, lento_practice, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LentoPracticeStart, lento_practice_start,
                    G_DEFINE_ENUM_VALUE (LENTO_PRACTICE_START_NO, "no"),
                    G_DEFINE_ENUM_VALUE (LENTO_PRACTICE_START_NOW, "now"),
                    G_DEFINE_ENUM_VALUE (LENTO_PRACTICE_START_ANYWAY, "anyway"))

#define PROFILE_DOCUMENT "profile"
#define PROFILE_FORMAT 1

/**
 * lento_practice_new:
 * @vault: the journal's vault
 * @clock: (nullable): where today and the session's time come from; the
 *   system clock when %NULL
 */
LentoPractice *
lento_practice_new (LentoVault *vault,
                    LentoClock *clock)
{
  g_return_val_if_fail (LENTO_IS_VAULT (vault), NULL);
  g_return_val_if_fail (clock == NULL || LENTO_IS_CLOCK (clock), NULL);

  return g_object_new (LENTO_TYPE_PRACTICE, "vault", vault, "clock", clock, NULL);
}

LentoClock *
lento_practice_get_clock (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->clock;
}

/**
 * lento_practice_dup_now:
 *
 * Returns: (transfer full): the local time now, by the practice's clock
 */
GDateTime *
lento_practice_dup_now (LentoPractice *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  utc = g_date_time_new_from_unix_utc (lento_clock_now_real (self->clock) / G_USEC_PER_SEC);
  return g_date_time_to_local (utc);
}

/**
 * lento_practice_get_recommendation:
 *
 * Returns: (transfer none) (nullable): what the plan says today, computed
 *   once for every view; %NULL while locked or loading
 */
LentoRecommendation *
lento_practice_get_recommendation (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->recommendation;
}

/**
 * lento_practice_get_read_only:
 *
 * Returns: %TRUE while part of the journal could not be opened: nothing
 *   that would change the journal is accepted then
 */
gboolean
lento_practice_get_read_only (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), FALSE);

  /* The vault finds a damaged document as it opens; the journal, a damaged
   * month as it reads it.
   */
  return self->journal != NULL
         && (lento_journal_get_read_only (self->journal)
             || lento_vault_get_state (self->vault) == LENTO_VAULT_STATE_READ_ONLY);
}

static guint
julian_of (GDateTime *time)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  return g_date_get_julian (&date);
}

static void
midnight_cb (gpointer user_data)
{
  LentoPractice *self = user_data;

  self->midnight_alarm = 0;
  _lento_practice_recompute (self);
}

/* Today ends at the next local midnight; the clock's alarms count boot
 * time, so the wall-clock gap until then is added to the boot time now. A
 * changed clock or time zone says so with LentoClock::changed, which asks
 * again and sets a new alarm.
 */
static void
schedule_midnight (LentoPractice *self,
                   GDateTime     *now)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  if (self->midnight_alarm != 0)
    lento_clock_remove_alarm (self->clock, self->midnight_alarm);
  self->midnight_alarm = 0;
  if (now == NULL)
    return;

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  midnight = g_date_time_add_days (today, 1);
  self->midnight_alarm = lento_clock_add_alarm (self->clock,
                                                lento_clock_now (self->clock)
                                                + g_date_time_difference (midnight, now),
                                                midnight_cb, self);
}

/* While the journal loads: the coach's answer from its newest months and
 * what the older ones hold for it, if that is enough to decide.
 */
static LentoRecommendation *
recommend_early (LentoPractice            *self,
                 const GDate              *today,
                 const LentoCoachSettings *settings)
{
  g_autoptr(GPtrArray) older = NULL;
  g_autoptr(GListStore) given = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  GListModel *journal = G_LIST_MODEL (self->journal);
  GDate complete_from;
  guint n;

  if (!lento_journal_get_recent_loaded (self->journal))
    return NULL;
  older = lento_journal_dup_early_history (self->journal, &complete_from);
  if (older == NULL)
    return NULL;

  n = g_list_model_get_n_items (journal);
  newest = g_ptr_array_new_full (n + older->len, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (newest, g_list_model_get_item (journal, i));
  given = g_list_store_new (LENTO_TYPE_ENTRY);
  g_list_store_splice (given, 0, 0, newest->pdata, newest->len);
  g_list_store_splice (given, n, 0, older->pdata, older->len);

  return lento_coach_recommend_early (self->program, G_LIST_MODEL (given), &complete_from,
                                      self->inventory, today, settings);
}

/* Today's recommendation, asked of the coach once for every view. */
void
_lento_practice_recompute (LentoPractice *self)
{
  g_autoptr(LentoRecommendation) recommendation = NULL;
  g_autoptr(GDateTime) now = NULL;
  LentoCoachSettings settings;
  guint skipped;
  GDate today;

  if (self->journal != NULL && self->program != NULL && self->inventory != NULL)
    {
      now = lento_practice_dup_now (self);
      lento_coach_settings_init (&settings);
      settings.weekdays = lento_practice_get_weekdays (self);
      skipped = lento_practice_get_skipped_day (self);
      if (skipped != 0 && g_date_valid_julian (skipped))
        g_date_set_julian (&settings.skipped, skipped);
      g_date_clear (&today, 1);
      g_date_set_julian (&today, julian_of (now));
      if (self->loaded)
        recommendation = lento_coach_recommend (self->program, G_LIST_MODEL (self->journal),
                                                self->inventory, &today, &settings);
      else
        recommendation = recommend_early (self, &today, &settings);
    }
  schedule_midnight (self, now);

  if (recommendation == NULL && self->recommendation == NULL)
    return;

  g_set_object (&self->recommendation, recommendation);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_RECOMMENDATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_START]);
}

LentoVault *
lento_practice_get_vault (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->vault;
}

/**
 * lento_practice_get_program:
 *
 * Returns: (transfer none) (nullable): the plan, read when the journal is
 *   first unlocked; it holds nothing personal and so stays loaded after that
 */
LentoProgram *
lento_practice_get_program (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->program;
}

/**
 * lento_practice_get_journal:
 *
 * Returns: (transfer none) (nullable): the journal, or %NULL while locked
 */
LentoJournal *
lento_practice_get_journal (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->journal;
}

/**
 * lento_practice_get_inventory:
 *
 * Returns: (transfer none) (nullable): the inventory, or %NULL while locked
 */
LentoInventory *
lento_practice_get_inventory (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), NULL);

  return self->inventory;
}

/**
 * _lento_practice_profile_uint:
 * @profile: (nullable): the profile document's object
 * @member: a plan choice kept in it
 * @mask: the bits the choice may have
 *
 * Returns: the choice, or 0 when the profile has none that can be read
 */
guint
_lento_practice_profile_uint (JsonObject *profile,
                              const char *member,
                              guint       mask)
{
  JsonNode *node;

  if (profile == NULL
      || (node = json_object_get_member (profile, member)) == NULL
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  /* A value out of range from a damaged or foreign profile is no choice. */
  return (guint) (json_node_get_int (node) & mask);
}

/**
 * lento_practice_get_weekdays:
 *
 * Returns: the days the person picked for sessions, a bit (1 << GDateWeekday)
 *   each, or 0 for the plan's default (also while locked)
 */
guint
lento_practice_get_weekdays (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), 0);

  return _lento_practice_profile_uint (self->profile, PROFILE_WEEKDAYS, 0xfe);
}

/**
 * lento_practice_set_weekdays:
 * @weekdays: a bit (1 << GDateWeekday) per planned day, or 0 for the default
 *
 * Keeps the choice in the encrypted profile. Ignored while locked.
 */
void
lento_practice_set_weekdays (LentoPractice *self,
                          guint       weekdays)
{
  g_return_if_fail (LENTO_IS_PRACTICE (self));

  weekdays &= 0xfe;
  if (self->profile == NULL || lento_practice_get_weekdays (self) == weekdays)
    return;

  json_object_set_int_member (self->profile, PROFILE_WEEKDAYS, weekdays);
  _lento_practice_save_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_WEEKDAYS]);
  _lento_practice_recompute (self);
}

/**
 * lento_practice_get_skipped_day:
 *
 * Returns: the Julian day the person last chose to skip, or 0
 */
guint
lento_practice_get_skipped_day (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), 0);

  return _lento_practice_profile_uint (self->profile, PROFILE_SKIPPED_DAY, G_MAXINT32);
}

/**
 * lento_practice_set_skipped_day:
 * @julian: a Julian day (see g_date_get_julian()), or 0 for none
 *
 * Records that the person skipped that day's session, in the profile, so
 * the plan shows it as rest. Ignored while locked.
 */
void
lento_practice_set_skipped_day (LentoPractice *self,
                             guint       julian)
{
  g_return_if_fail (LENTO_IS_PRACTICE (self));
  g_return_if_fail (julian <= G_MAXINT32);

  if (self->profile == NULL || lento_practice_get_skipped_day (self) == julian)
    return;

  json_object_set_int_member (self->profile, PROFILE_SKIPPED_DAY, julian);
  _lento_practice_save_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_SKIPPED_DAY]);
  _lento_practice_recompute (self);
}

/* The newest months first, and the older ones held back until they are
 * drawn (lento_journal_set_recent_first()), while that is what the view in
 * front waits for: a list of entries, or a plan the newest months may
 * decide. When they did not, the plan needs every month as soon as can be.
 */
static void
update_recent_first (LentoPractice *self)
{
  gboolean recent_first;

  if (self->journal == NULL)
    return;

  recent_first = self->journal_shown
                 || (!self->loaded && (!lento_journal_get_recent_loaded (self->journal)
                                       || self->recommendation != NULL));
  lento_journal_set_recent_first (self->journal, recent_first);
}

/**
 * lento_practice_set_journal_shown:
 * @self: a #LentoPractice
 * @shown: whether the view in front shows the journal's entries
 *
 * Tells the practice what a person waits for while the journal loads: a
 * list of entries its newest ones, today's plan the newest ones too when
 * they are enough to decide it, and otherwise all of it. The window says
 * so whenever the view in front changes.
 */
void
lento_practice_set_journal_shown (LentoPractice *self,
                                  gboolean       shown)
{
  g_return_if_fail (LENTO_IS_PRACTICE (self));

  self->journal_shown = !!shown;
  update_recent_first (self);
}

gboolean
lento_practice_get_loaded (LentoPractice *self)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), FALSE);

  return self->loaded;
}

void
_lento_practice_emit_error (LentoPractice *self,
                            const GError  *error)
{
  g_signal_emit (self, signals [PRACTICE_SIGNAL_ERROR], 0, error);
}

static void
save_journal_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LentoPractice) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_journal_save_finish (LENTO_JOURNAL (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _lento_practice_emit_error (self, error);
}

static void
lento_practice_save_journal_now (LentoPractice *self)
{
  g_clear_handle_id (&self->save_journal_id, g_source_remove);

  if (self->journal == NULL || lento_journal_get_read_only (self->journal))
    return;

  lento_journal_save_async (self->journal, self->vault, NULL,
                            save_journal_cb, g_object_ref (self));
}

static gboolean
save_journal_idle_cb (gpointer user_data)
{
  LentoPractice *self = user_data;

  self->save_journal_id = 0;
  lento_practice_save_journal_now (self);
  return G_SOURCE_REMOVE;
}

static void
journal_items_changed_cb (LentoPractice *self)
{
  /* Many changes in one turn of the main loop become one save. */
  if (self->save_journal_id == 0 && self->loaded)
    self->save_journal_id = g_idle_add (save_journal_idle_cb, self);

  if (self->loaded)
    {
      _lento_practice_recompute (self);
      _lento_practice_session_journal_changed (self);
    }
}

static void
write_profile_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LentoPractice) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_vault_write_document_finish (LENTO_VAULT (object), result, &error))
    _lento_practice_emit_error (self, error);
}

static void
lento_practice_save_profile_now (LentoPractice *self)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data;
  gsize length;

  g_clear_handle_id (&self->save_profile_id, g_source_remove);

  if (self->inventory == NULL || self->profile == NULL || self->profile_damaged)
    return;

  json_object_set_int_member (self->profile, "format", PROFILE_FORMAT);
  json_object_set_object_member (self->profile, "inventory",
                                 lento_inventory_to_json (self->inventory));

  root = json_node_init_object (json_node_alloc (), self->profile);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (data, length);

  lento_vault_write_document_async (self->vault, PROFILE_DOCUMENT, bytes, NULL,
                                    write_profile_cb, g_object_ref (self));
}

static gboolean
save_profile_idle_cb (gpointer user_data)
{
  LentoPractice *self = user_data;

  self->save_profile_id = 0;
  lento_practice_save_profile_now (self);
  return G_SOURCE_REMOVE;
}

/*
 * _lento_practice_save_profile:
 *
 * Writes the inventory and the profile soon; changes in one turn of the
 * main loop become one write.
 */
void
_lento_practice_save_profile (LentoPractice *self)
{
  if (self->save_profile_id == 0)
    self->save_profile_id = g_idle_add (save_profile_idle_cb, self);
}

/**
 * lento_practice_flush_pending:
 *
 * Hands every save that is still waiting for an idle moment to the vault
 * now. Call it before locking: the vault finishes what it was given, but
 * a save not handed over yet would need the keys that locking wipes.
 */
void
lento_practice_flush_pending (LentoPractice *self)
{
  g_return_if_fail (LENTO_IS_PRACTICE (self));

  if (self->save_journal_id != 0)
    lento_practice_save_journal_now (self);
  if (self->save_profile_id != 0)
    lento_practice_save_profile_now (self);
}

/**
 * lento_practice_lock:
 *
 * Hands every waiting save to the vault, then locks it: the vault finishes
 * what it was given, but a save not handed over would need the keys that
 * locking wipes. The session of the day goes on behind the lock.
 */
void
lento_practice_lock (LentoPractice *self)
{
  LentoVaultState state;

  g_return_if_fail (LENTO_IS_PRACTICE (self));

  state = lento_vault_get_state (self->vault);
  if (state != LENTO_VAULT_STATE_UNLOCKED && state != LENTO_VAULT_STATE_READ_ONLY)
    return;

  lento_practice_flush_pending (self);
  lento_vault_lock (self->vault);
}

static void
import_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  guint changed = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;

  if (!lento_journal_save_finish (LENTO_JOURNAL (object), result, &error))
    {
      g_task_return_new_error (task, LENTO_CORE_ERROR, LENTO_CORE_ERROR_NOT_WRITTEN,
                               g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %u is a number of entries; %s says why
                                             * the disk refused them, as a sentence.
                                             */
                                            "The backup’s %u entry is in the journal on "
                                            "screen, but it could not be saved: %s Lento "
                                            "saves it again with your next change; keep "
                                            "Lento open until then, or import the backup "
                                            "again later.",
                                            "The backup’s %u entries are in the journal on "
                                            "screen, but they could not be saved: %s Lento "
                                            "saves them again with your next change; keep "
                                            "Lento open until then, or import the backup "
                                            "again later.",
                                            changed),
                               changed, error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * lento_practice_import_backup_async:
 * @documents: (element-type utf8 GBytes): what lento_vault_read_backup()
 *   returned
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the merged journal is on disk, or could not be
 * @user_data: data for @callback
 *
 * Merges a backup's entries into the open journal, by entry: an entry the
 * journal lacks is added, and of two copies the one edited last is kept.
 * Nothing is taken away. The journal is then saved at once, so the merge is
 * never written over by the journal in memory, and the import is done only
 * when the save is. Refused while the journal is read-only; a backup that
 * does not read changes nothing.
 */
void
lento_practice_import_backup_async (LentoPractice       *self,
                                    GHashTable          *documents,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(LentoJournal) incoming = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  guint changed;

  g_return_if_fail (LENTO_IS_PRACTICE (self));
  g_return_if_fail (documents != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_practice_import_backup_async);

  if (!self->loaded || lento_practice_get_read_only (self))
    {
      g_task_return_new_error (task, LENTO_CORE_ERROR, LENTO_CORE_ERROR_READ_ONLY, "%s",
                               _("The backup was not imported: part of the journal could not "
                                 "be opened, so Lento changes nothing until it is restored."));
      return;
    }

  /* The months first, then the change log, which is newer than they are. */
  incoming = lento_journal_new ();
  names = g_list_sort (g_hash_table_get_keys (documents), (GCompareFunc) g_strcmp0);
  for (guint pass = 0; pass < 2; pass++)
    for (GList *l = names; l != NULL; l = l->next)
      {
        const char *name = l->data;
        gboolean log = lento_journal_is_log_document (name);

        if ((pass == 0 && !lento_journal_is_month_document (name)) || (pass == 1 && !log))
          continue;
        if (!lento_journal_load_month (incoming, name, g_hash_table_lookup (documents, name),
                                       &error))
          {
            g_task_return_error (task, error);
            return;
          }
      }

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (incoming)); i++)
    g_ptr_array_add (entries, g_list_model_get_item (G_LIST_MODEL (incoming), i));

  changed = lento_journal_merge (self->journal, entries);
  g_task_set_task_data (task, GUINT_TO_POINTER (changed), NULL);
  if (changed == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The save the merge asked for happens now, with its result told to the
   * import rather than as an error of the practice.
   */
  g_clear_handle_id (&self->save_journal_id, g_source_remove);
  lento_journal_save_async (self->journal, self->vault, NULL, import_saved_cb,
                            g_steal_pointer (&task));
}

/**
 * lento_practice_import_backup_finish:
 * @n_changed: (out) (optional): how many entries were added or updated, in
 *   the journal on screen even when they could not be saved
 *
 * Returns: %TRUE when the backup was merged and saved
 */
gboolean
lento_practice_import_backup_finish (LentoPractice  *self,
                                     GAsyncResult   *result,
                                     guint          *n_changed,
                                     GError        **error)
{
  g_return_val_if_fail (LENTO_IS_PRACTICE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (n_changed != NULL)
    *n_changed = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
inventory_changed_cb (LentoPractice *self)
{
  _lento_practice_save_profile (self);
  _lento_practice_recompute (self);
}

static void
journal_read_only_cb (LentoPractice *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_START]);
}

/**
 * _lento_practice_parse_profile:
 * @bytes: the profile document, as the vault returned it
 * @error: what to tell the person when it cannot be read
 *
 * Returns: (transfer full) (nullable): the profile document's object, or
 *   %NULL with @error set
 */
JsonObject *
_lento_practice_parse_profile (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *data;
  gsize size;
  JsonNode *root;

  /* An empty document has no data pointer, which the parser refuses with
   * a critical, and blank text parses to no root at all; both are as
   * unreadable as any other text that is not a JSON object.
   */
  data = g_bytes_get_data (bytes, &size);
  if (json_parser_load_from_data (parser, data != NULL ? data : "", size, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      lento_json_is_writable (root))
    return json_object_ref (json_node_get_object (root));

  /* What the parser says is for developers; a person needs to know that
   * nothing was lost and what to do.
   */
  g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                       _("Your tools and plan choices could not be read. Lento "
                         "shows them empty for now and will not save over them; "
                         "nothing has been lost."));
  return NULL;
}

/**
 * _lento_practice_parse_inventory:
 * @profile: the profile document's object
 * @error: what to tell the person when the inventory cannot be read
 *
 * Returns: (transfer full) (nullable): the inventory the profile holds, or
 *   %NULL: with @error set when it cannot be read, without when there is
 *   none yet
 */
LentoInventory *
_lento_practice_parse_inventory (JsonObject  *profile,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (profile, "inventory");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  /* Anything but an object is a damaged inventory, not an empty one: the
   * profile must not be saved over it.
   */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID,
                           _("Your inventory could not be read. Restore the previous version "
                             "of your profile, or set up your inventory again."));
      return NULL;
    }

  return lento_inventory_new_from_json (json_node_get_object (node), error);
}

static void
lento_practice_load_profile (LentoPractice *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LentoDocumentStatus status;

  self->profile_damaged = FALSE;
  bytes = lento_vault_read_document (self->vault, PROFILE_DOCUMENT, &status, &error);

  if (bytes == NULL && g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
    {
      /* A new journal: the profile is written with the first change. */
      g_clear_error (&error);
      self->profile = json_object_new ();
    }
  else if (bytes != NULL)
    {
      self->profile = _lento_practice_parse_profile (bytes, &error);
    }

  if (self->profile == NULL)
    {
      /* Shown empty, never saved: the file on disk stays as it is. */
      self->profile_damaged = TRUE;
      self->profile = json_object_new ();
      _lento_practice_emit_error (self, error);
      g_clear_error (&error);
    }

  self->inventory = _lento_practice_parse_inventory (self->profile, &error);
  if (self->inventory == NULL)
    {
      if (error != NULL)
        {
          self->profile_damaged = TRUE;
          _lento_practice_emit_error (self, error);
        }
      self->inventory = lento_inventory_new ();
    }

  g_signal_connect_object (self->inventory, "changed",
                           G_CALLBACK (inventory_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The newest months are in: perhaps enough for today's plan already. */
static void
journal_recent_loaded_cb (LentoPractice *self)
{
  if (self->journal == NULL || self->loaded || !lento_journal_get_recent_loaded (self->journal))
    return;

  _lento_practice_recompute (self);
  update_recent_first (self);
}

static void
load_journal_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LentoPractice) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_journal_load_from_vault_finish (LENTO_JOURNAL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _lento_practice_emit_error (self, error);
    }

  if (self->journal != LENTO_JOURNAL (object))
    return;

  self->loaded = TRUE;
  _lento_practice_recompute (self);
  _lento_practice_session_opened (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_LOADED]);
}

static void
lento_practice_open (LentoPractice *self)
{
  g_autoptr(GDateTime) now = lento_practice_dup_now (self);

  g_assert (self->journal == NULL);

  /* The plan is read the first time it is needed, not at start-up: a
   * locked window has no use for it.
   */
  if (self->program == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->program = lento_program_new_default (&error);
      if (self->program == NULL)
        g_critical ("The shipped plan does not load: %s", error->message);
      else
        g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_PROGRAM]);
    }

  lento_practice_load_profile (self);

  self->cancellable = g_cancellable_new ();
  self->journal = lento_journal_new ();
  if (self->program != NULL)
    lento_journal_set_marker_tag (self->journal,
                                  lento_program_get_rules (self->program)->heavy_bleeding_tag);
  update_recent_first (self);
  g_signal_connect_object (self->journal, "notify::recent-loaded",
                           G_CALLBACK (journal_recent_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "items-changed",
                           G_CALLBACK (journal_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal, "notify::read-only",
                           G_CALLBACK (journal_read_only_cb), self, G_CONNECT_SWAPPED);
  lento_journal_load_from_vault_async (self->journal, self->vault, now, self->cancellable,
                                       load_journal_cb, g_object_ref (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_JOURNAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_INVENTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_WEEKDAYS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_SKIPPED_DAY]);
}

static void
lento_practice_close (LentoPractice *self)
{
  gboolean was_open = self->journal != NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->save_journal_id, g_source_remove);
  g_clear_handle_id (&self->save_profile_id, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_object (&self->inventory);
  g_clear_pointer (&self->profile, json_object_unref);

  if (!was_open)
    return;

  if (self->loaded)
    {
      self->loaded = FALSE;
      _lento_practice_recompute (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_LOADED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_JOURNAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_INVENTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_WEEKDAYS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PRACTICE_PROP_SKIPPED_DAY]);
}

static void
vault_state_cb (LentoPractice *self)
{
  LentoVaultState state = lento_vault_get_state (self->vault);
  gboolean unlocked = state == LENTO_VAULT_STATE_UNLOCKED ||
                      state == LENTO_VAULT_STATE_READ_ONLY;

  if (unlocked && self->journal == NULL)
    lento_practice_open (self);
  else if (!unlocked && self->journal != NULL)
    lento_practice_close (self);
  /* A part restored from its previous version (or otherwise mended) is
   * read again at once: the person does not have to lock to see it. */
  else if (state == LENTO_VAULT_STATE_UNLOCKED && self->loaded &&
           lento_journal_get_read_only (self->journal))
    lento_journal_reload_damaged_from_vault (self->journal, self->vault);
  journal_read_only_cb (self);
}

static void
lento_practice_constructed (GObject *object)
{
  LentoPractice *self = LENTO_PRACTICE (object);

  G_OBJECT_CLASS (lento_practice_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (lento_clock_get_default ());
  /* A changed clock, a new time zone or a resume may make it another day. */
  g_signal_connect_object (self->clock, "changed",
                           G_CALLBACK (_lento_practice_recompute), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vault, "notify::state",
                           G_CALLBACK (vault_state_cb), self, G_CONNECT_SWAPPED);
  vault_state_cb (self);
}

static void
lento_practice_dispose (GObject *object)
{
  LentoPractice *self = LENTO_PRACTICE (object);

  lento_practice_close (self);
  schedule_midnight (self, NULL);
  _lento_practice_session_dispose (self);
  g_clear_object (&self->recommendation);
  g_clear_object (&self->program);
  g_clear_object (&self->clock);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lento_practice_parent_class)->dispose (object);
}

static void
lento_practice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LentoPractice *self = LENTO_PRACTICE (object);

  switch (prop_id)
    {
    case PRACTICE_PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PRACTICE_PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;

    case PRACTICE_PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PRACTICE_PROP_INVENTORY:
      g_value_set_object (value, self->inventory);
      break;

    case PRACTICE_PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PRACTICE_PROP_WEEKDAYS:
      g_value_set_uint (value, lento_practice_get_weekdays (self));
      break;

    case PRACTICE_PROP_SKIPPED_DAY:
      g_value_set_uint (value, lento_practice_get_skipped_day (self));
      break;

    case PRACTICE_PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PRACTICE_PROP_READ_ONLY:
      g_value_set_boolean (value, lento_practice_get_read_only (self));
      break;

    case PRACTICE_PROP_RECOMMENDATION:
      g_value_set_object (value, self->recommendation);
      break;

    case PRACTICE_PROP_START:
      g_value_set_enum (value, lento_practice_get_start (self));
      break;

    case PRACTICE_PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PRACTICE_PROP_RESULT:
      g_value_set_boxed (value, self->result);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_practice_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LentoPractice *self = LENTO_PRACTICE (object);

  switch (prop_id)
    {
    case PRACTICE_PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PRACTICE_PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PRACTICE_PROP_WEEKDAYS:
      lento_practice_set_weekdays (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_practice_class_init (LentoPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lento_practice_constructed;
  object_class->dispose = lento_practice_dispose;
  object_class->get_property = lento_practice_get_property;
  object_class->set_property = lento_practice_set_property;

  properties [PRACTICE_PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         LENTO_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         LENTO_TYPE_PROGRAM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LENTO_TYPE_JOURNAL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_INVENTORY] =
    g_param_spec_object ("inventory", NULL, NULL,
                         LENTO_TYPE_INVENTORY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_WEEKDAYS] =
    g_param_spec_uint ("weekdays", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_SKIPPED_DAY] =
    g_param_spec_uint ("skipped-day", NULL, NULL,
                       0, G_MAXINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PRACTICE_PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         LENTO_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PRACTICE_PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * LentoPractice:recommendation: (nullable)
   *
   * What the plan says today; %NULL while locked or loading.
   */
  properties [PRACTICE_PROP_RECOMMENDATION] =
    g_param_spec_object ("recommendation", NULL, NULL,
                         LENTO_TYPE_RECOMMENDATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * LentoPractice:start:
   *
   * Whether today's session may start now, see lento_practice_get_start().
   */
  properties [PRACTICE_PROP_START] =
    g_param_spec_enum ("start", NULL, NULL,
                       LENTO_TYPE_PRACTICE_START, LENTO_PRACTICE_START_NO,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * LentoPractice:session: (nullable)
   *
   * The session of the day, running or ended and not yet recorded.
   */
  properties [PRACTICE_PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         LENTO_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * LentoPractice:result: (nullable)
   *
   * How the session of the day ended, while it waits to be recorded.
   */
  properties [PRACTICE_PROP_RESULT] =
    g_param_spec_boxed ("result", NULL, NULL,
                        LENTO_TYPE_SESSION_RESULT,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, PRACTICE_N_PROPS, properties);

  /**
   * LentoPractice::error:
   * @error: what went wrong, in a sentence a person can read
   *
   * Reading or writing part of the journal failed. What was on disk is
   * left as it was.
   */
  signals [PRACTICE_SIGNAL_ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * LentoPractice::session-ended:
   * @entry: the entry that records it, to fill in and save
   *
   * The session of the day ended, and the journal is open to record it:
   * at once, or when it next opens if the session ended behind the lock.
   * A session stopped because it hurt is already in the journal by then.
   */
  signals [PRACTICE_SIGNAL_SESSION_ENDED] =
    g_signal_new ("session-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LENTO_TYPE_ENTRY);
}

static void
lento_practice_init (LentoPractice *self)
{
}
