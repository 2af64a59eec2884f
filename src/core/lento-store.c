/* lento-store.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-core-error.h"
#include "lento-journal-vault.h"
#include "lento-store.h"

/* What the views work on, while the journal is unlocked: the journal, the
 * inventory and the rest of the profile, read from the vault when it
 * unlocks and dropped when it locks. Every change is written back: months
 * of the journal as they change, the profile as a whole.
 *
 * The profile document is {"format": 1, "inventory": {...}, ...}; members
 * this version does not know are kept and written back.
 */
struct _LentoStore
{
  GObject          parent_instance;

  /* Owned */
  LentoVault      *vault;
  LentoProgram    *program;
  LentoJournal    *journal;
  LentoInventory  *inventory;
  JsonObject      *profile;
  GCancellable    *cancellable;

  guint            save_journal_id;
  guint            save_profile_id;
  guint            loaded : 1;
  /* A profile that did not open is never written over. */
  guint            profile_damaged : 1;
};

enum {
  PROP_0,
  PROP_VAULT,
  PROP_PROGRAM,
  PROP_JOURNAL,
  PROP_INVENTORY,
  PROP_LOADED,
  PROP_WEEKDAYS,
  PROP_SKIPPED_DAY,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LentoStore, lento_store, G_TYPE_OBJECT)

#define PROFILE_DOCUMENT "profile"
#define PROFILE_FORMAT 1
#define PROFILE_WEEKDAYS "plan-weekdays"
#define PROFILE_SKIPPED_DAY "plan-skipped-day"

LentoStore *
lento_store_new (LentoVault *vault)
{
  g_return_val_if_fail (LENTO_IS_VAULT (vault), NULL);

  return g_object_new (LENTO_TYPE_STORE, "vault", vault, NULL);
}

LentoVault *
lento_store_get_vault (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), NULL);

  return self->vault;
}

/**
 * lento_store_get_program:
 *
 * Returns: (transfer none) (nullable): the plan, read when the journal is
 *   first unlocked; it holds nothing personal and so stays loaded after that
 */
LentoProgram *
lento_store_get_program (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), NULL);

  return self->program;
}

/**
 * lento_store_get_journal:
 *
 * Returns: (transfer none) (nullable): the journal, or %NULL while locked
 */
LentoJournal *
lento_store_get_journal (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), NULL);

  return self->journal;
}

/**
 * lento_store_get_inventory:
 *
 * Returns: (transfer none) (nullable): the inventory, or %NULL while locked
 */
LentoInventory *
lento_store_get_inventory (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), NULL);

  return self->inventory;
}

/**
 * lento_store_get_profile:
 *
 * Returns: (transfer none) (nullable): the profile document, for the
 *   members that have no object of their own yet (plan choices, a running
 *   session). Change it, then call lento_store_save_profile().
 */
JsonObject *
lento_store_get_profile (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), NULL);

  return self->profile;
}

static guint
profile_uint (LentoStore *self,
              const char *member,
              guint       mask)
{
  JsonNode *node;

  if (self->profile == NULL
      || (node = json_object_get_member (self->profile, member)) == NULL
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  /* A value out of range from a damaged or foreign profile is no choice. */
  return (guint) (json_node_get_int (node) & mask);
}

/**
 * lento_store_get_weekdays:
 *
 * Returns: the days the person picked for sessions, a bit (1 << GDateWeekday)
 *   each, or 0 for the plan's default (also while locked)
 */
guint
lento_store_get_weekdays (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), 0);

  return profile_uint (self, PROFILE_WEEKDAYS, 0xfe);
}

/**
 * lento_store_set_weekdays:
 * @weekdays: a bit (1 << GDateWeekday) per planned day, or 0 for the default
 *
 * Keeps the choice in the encrypted profile. Ignored while locked.
 */
void
lento_store_set_weekdays (LentoStore *self,
                          guint       weekdays)
{
  g_return_if_fail (LENTO_IS_STORE (self));

  weekdays &= 0xfe;
  if (self->profile == NULL || lento_store_get_weekdays (self) == weekdays)
    return;

  json_object_set_int_member (self->profile, PROFILE_WEEKDAYS, weekdays);
  lento_store_save_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEEKDAYS]);
}

/**
 * lento_store_get_skipped_day:
 *
 * Returns: the Julian day the person last chose to skip, or 0
 */
guint
lento_store_get_skipped_day (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), 0);

  return profile_uint (self, PROFILE_SKIPPED_DAY, G_MAXINT32);
}

/**
 * lento_store_set_skipped_day:
 * @julian: a Julian day (see g_date_get_julian()), or 0 for none
 *
 * Records that the person skipped that day's session, in the profile, so
 * the plan shows it as rest. Ignored while locked.
 */
void
lento_store_set_skipped_day (LentoStore *self,
                             guint       julian)
{
  g_return_if_fail (LENTO_IS_STORE (self));
  g_return_if_fail (julian <= G_MAXINT32);

  if (self->profile == NULL || lento_store_get_skipped_day (self) == julian)
    return;

  json_object_set_int_member (self->profile, PROFILE_SKIPPED_DAY, julian);
  lento_store_save_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKIPPED_DAY]);
}

gboolean
lento_store_get_loaded (LentoStore *self)
{
  g_return_val_if_fail (LENTO_IS_STORE (self), FALSE);

  return self->loaded;
}

static void
lento_store_emit_error (LentoStore   *self,
                        const GError *error)
{
  g_signal_emit (self, signals [ERROR], 0, error);
}

static void
save_journal_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LentoStore) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_journal_save_finish (LENTO_JOURNAL (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lento_store_emit_error (self, error);
}

static void
lento_store_save_journal_now (LentoStore *self)
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
  LentoStore *self = user_data;

  self->save_journal_id = 0;
  lento_store_save_journal_now (self);
  return G_SOURCE_REMOVE;
}

static void
journal_items_changed_cb (LentoStore *self)
{
  /* Many changes in one turn of the main loop become one save. */
  if (self->save_journal_id == 0 && self->loaded)
    self->save_journal_id = g_idle_add (save_journal_idle_cb, self);
}

static void
write_profile_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LentoStore) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_vault_write_document_finish (LENTO_VAULT (object), result, &error))
    lento_store_emit_error (self, error);
}

static void
lento_store_save_profile_now (LentoStore *self)
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
  LentoStore *self = user_data;

  self->save_profile_id = 0;
  lento_store_save_profile_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * lento_store_save_profile:
 *
 * Writes the inventory and the profile soon; changes in one turn of the
 * main loop become one write.
 */
void
lento_store_save_profile (LentoStore *self)
{
  g_return_if_fail (LENTO_IS_STORE (self));

  if (self->save_profile_id == 0)
    self->save_profile_id = g_idle_add (save_profile_idle_cb, self);
}

/**
 * lento_store_flush_pending:
 *
 * Hands every save that is still waiting for an idle moment to the vault
 * now. Call it before locking: the vault finishes what it was given, but
 * a save not handed over yet would need the keys that locking wipes.
 */
void
lento_store_flush_pending (LentoStore *self)
{
  g_return_if_fail (LENTO_IS_STORE (self));

  if (self->save_journal_id != 0)
    lento_store_save_journal_now (self);
  if (self->save_profile_id != 0)
    lento_store_save_profile_now (self);
}

static void
inventory_changed_cb (LentoStore *self)
{
  lento_store_save_profile (self);
}

static void
lento_store_load_profile (LentoStore *self)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LentoDocumentStatus status;
  JsonObject *inventory_object = NULL;
  JsonNode *root;

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
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error) &&
          JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))))
        {
          self->profile = json_object_ref (json_node_get_object (root));
          if (json_object_has_member (self->profile, "inventory"))
            inventory_object = json_object_get_object_member (self->profile, "inventory");
        }
      else
        {
          /* What the parser says is for developers; a person needs to know
           * that nothing was lost and what to do.
           */
          g_clear_error (&error);
          g_set_error_literal (&error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                               _("Your tools and plan choices could not be read. Lento "
                                 "shows them empty for now and will not save over them; "
                                 "nothing has been lost."));
        }
    }

  if (self->profile == NULL)
    {
      /* Shown empty, never saved: the file on disk stays as it is. */
      self->profile_damaged = TRUE;
      self->profile = json_object_new ();
      lento_store_emit_error (self, error);
      g_clear_error (&error);
    }

  if (inventory_object != NULL)
    self->inventory = lento_inventory_new_from_json (inventory_object, &error);
  if (self->inventory == NULL)
    {
      if (error != NULL)
        {
          self->profile_damaged = TRUE;
          lento_store_emit_error (self, error);
        }
      self->inventory = lento_inventory_new ();
    }

  g_signal_connect_object (self->inventory, "changed",
                           G_CALLBACK (inventory_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
load_journal_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LentoStore) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lento_journal_load_from_vault_finish (LENTO_JOURNAL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      lento_store_emit_error (self, error);
    }

  if (self->journal != LENTO_JOURNAL (object))
    return;

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

static void
lento_store_open (LentoStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

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
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRAM]);
    }

  lento_store_load_profile (self);

  self->cancellable = g_cancellable_new ();
  self->journal = lento_journal_new ();
  g_signal_connect_object (self->journal, "items-changed",
                           G_CALLBACK (journal_items_changed_cb), self, G_CONNECT_SWAPPED);
  lento_journal_load_from_vault_async (self->journal, self->vault, now, self->cancellable,
                                       load_journal_cb, g_object_ref (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOURNAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVENTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEEKDAYS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKIPPED_DAY]);
}

static void
lento_store_close (LentoStore *self)
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
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_JOURNAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVENTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEEKDAYS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKIPPED_DAY]);
}

static void
vault_state_cb (LentoStore *self)
{
  LentoVaultState state = lento_vault_get_state (self->vault);
  gboolean unlocked = state == LENTO_VAULT_STATE_UNLOCKED ||
                      state == LENTO_VAULT_STATE_READ_ONLY;

  if (unlocked && self->journal == NULL)
    lento_store_open (self);
  else if (!unlocked && self->journal != NULL)
    lento_store_close (self);
}

static void
lento_store_constructed (GObject *object)
{
  LentoStore *self = LENTO_STORE (object);

  G_OBJECT_CLASS (lento_store_parent_class)->constructed (object);

  g_signal_connect_object (self->vault, "notify::state",
                           G_CALLBACK (vault_state_cb), self, G_CONNECT_SWAPPED);
  vault_state_cb (self);
}

static void
lento_store_dispose (GObject *object)
{
  LentoStore *self = LENTO_STORE (object);

  lento_store_close (self);
  g_clear_object (&self->program);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lento_store_parent_class)->dispose (object);
}

static void
lento_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LentoStore *self = LENTO_STORE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_INVENTORY:
      g_value_set_object (value, self->inventory);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_WEEKDAYS:
      g_value_set_uint (value, lento_store_get_weekdays (self));
      break;

    case PROP_SKIPPED_DAY:
      g_value_set_uint (value, lento_store_get_skipped_day (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LentoStore *self = LENTO_STORE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_WEEKDAYS:
      lento_store_set_weekdays (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_store_class_init (LentoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lento_store_constructed;
  object_class->dispose = lento_store_dispose;
  object_class->get_property = lento_store_get_property;
  object_class->set_property = lento_store_set_property;

  properties [PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         LENTO_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         LENTO_TYPE_PROGRAM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LENTO_TYPE_JOURNAL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_INVENTORY] =
    g_param_spec_object ("inventory", NULL, NULL,
                         LENTO_TYPE_INVENTORY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WEEKDAYS] =
    g_param_spec_uint ("weekdays", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SKIPPED_DAY] =
    g_param_spec_uint ("skipped-day", NULL, NULL,
                       0, G_MAXINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LentoStore::error:
   * @error: what went wrong, in a sentence a person can read
   *
   * Reading or writing part of the journal failed. What was on disk is
   * left as it was.
   */
  signals [ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
lento_store_init (LentoStore *self)
{
}
