/* test-practice.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-practice"

#include "config.h"

#include "lento-practice.h"
#include "lento-test-support.h"

/* The store against a real vault in a throwaway folder: what the views get
 * while unlocked, that locking takes it all away, that every change reaches
 * the disk, and that a profile that does not open is never written over.
 */

typedef struct {
  char        *data_dir;
  LentoVault  *vault;
  LentoPractice  *store;
  LentoSecret *code;
  guint        errors;
} Fixture;

static void
error_cb (LentoPractice   *store,
          const GError *error,
          Fixture      *fixture)
{
  g_test_message ("store error: %s", error->message);
  fixture->errors++;
}

static void
wait_until_idle (Fixture *fixture)
{
  /* Idle saves first, then the vault's own writes. */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  while (lento_vault_get_busy (fixture->vault))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_until_loaded (Fixture *fixture)
{
  while (!lento_practice_get_loaded (fixture->store))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("lento-practice-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = lento_vault_new (fixture->data_dir, APPLICATION_ID);
  lento_vault_open (fixture->vault, &error);
  g_assert_no_error (error);
  fixture->store = lento_practice_new (fixture->vault, NULL);
  g_signal_connect (fixture->store, "error", G_CALLBACK (error_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_until_idle (fixture);
  g_assert_finalize_object (fixture->store);
  lento_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  g_clear_pointer (&fixture->code, lento_secret_unref);
  lento_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static void
create_journal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->code = lento_vault_create (fixture->vault, &error);
  g_assert_no_error (error);
  wait_until_loaded (fixture);
}

static void
relock_and_unlock (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  wait_until_idle (fixture);
  lento_practice_flush_pending (fixture->store);
  lento_vault_lock (fixture->vault);
  g_assert_null (lento_practice_get_journal (fixture->store));
  g_assert_null (lento_practice_get_inventory (fixture->store));

  g_assert_true (lento_vault_unlock_recovery_code (fixture->vault, fixture->code, &error));
  g_assert_no_error (error);
  wait_until_loaded (fixture);
}

static void
test_locked_holds_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  /* No journal yet: nothing at all. */
  g_assert_null (lento_practice_get_journal (fixture->store));
  g_assert_null (lento_practice_get_inventory (fixture->store));
  g_assert_false (lento_practice_get_loaded (fixture->store));

  create_journal (fixture);
  g_assert_nonnull (lento_practice_get_program (fixture->store));
  g_assert_nonnull (lento_practice_get_journal (fixture->store));
  g_assert_nonnull (lento_practice_get_inventory (fixture->store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lento_practice_get_journal (fixture->store))),
                    ==, 0);
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
test_entry_survives_lock (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  g_autofree char *uuid = NULL;
  LentoJournal *journal;

  create_journal (fixture);
  lento_entry_set_notes (entry, "Calm, slow, fine.");
  uuid = g_strdup (lento_entry_get_uuid (entry));
  lento_journal_add (lento_practice_get_journal (fixture->store), entry);

  relock_and_unlock (fixture);

  journal = lento_practice_get_journal (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (journal)), ==, 1);
  g_assert_nonnull (lento_journal_lookup (journal, uuid));
  g_assert_cmpstr (lento_entry_get_notes (lento_journal_lookup (journal, uuid)), ==,
                   "Calm, slow, fine.");
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
test_inventory_survives_lock (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LentoTool) tool = NULL;
  g_autoptr(GError) error = NULL;
  LentoInventory *inventory;

  create_journal (fixture);
  tool = lento_tool_new ("trainer-small", "Small trainer", LENTO_TOOL_KIND_TRAINER,
                         LENTO_MATERIAL_SILICONE, 18.0, 80.0, TRUE);
  g_assert_true (lento_inventory_add_tool (lento_practice_get_inventory (fixture->store),
                                           tool, &error));
  g_assert_no_error (error);

  relock_and_unlock (fixture);

  inventory = lento_practice_get_inventory (fixture->store);
  g_assert_nonnull (lento_inventory_find_tool (inventory, "trainer-small"));
  g_assert_cmpuint (fixture->errors, ==, 0);
}

/* An edit in place, as the inventory page's dialog makes it, is saved by
 * the store on its own: no view has to tell it.
 */
static void
test_inventory_edit_is_saved (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LentoTool) tool = NULL;
  LentoTool *saved;

  create_journal (fixture);
  tool = lento_tool_new ("trainer-1", "Trainer, size 1", LENTO_TOOL_KIND_TRAINER,
                         LENTO_MATERIAL_SILICONE, 15.0, 0.0, TRUE);
  lento_tool_set_confirmed (tool, FALSE);
  g_assert_true (lento_inventory_add_tool (lento_practice_get_inventory (fixture->store),
                                           tool, NULL));
  wait_until_idle (fixture);

  lento_tool_set_name (tool, "Blue trainer");
  lento_tool_set_diameter (tool, 16.5);
  lento_tool_set_confirmed (tool, TRUE);

  relock_and_unlock (fixture);

  saved = lento_inventory_find_tool (lento_practice_get_inventory (fixture->store), "trainer-1");
  g_assert_nonnull (saved);
  g_assert_true (saved != tool);
  g_assert_cmpstr (lento_tool_get_name (saved), ==, "Blue trainer");
  g_assert_cmpfloat (lento_tool_get_diameter (saved), ==, 16.5);
  g_assert_true (lento_tool_get_confirmed (saved));
  g_assert_cmpuint (fixture->errors, ==, 0);
}

static void
count_notify_cb (guint *count)
{
  (*count)++;
}

static void
test_plan_choices_survive_lock (Fixture       *fixture,
                                gconstpointer  data)
{
  guint notified = 0;

  create_journal (fixture);
  g_signal_connect_swapped (fixture->store, "notify::weekdays",
                            G_CALLBACK (count_notify_cb), &notified);
  g_assert_cmpuint (lento_practice_get_weekdays (fixture->store), ==, 0);
  g_assert_cmpuint (lento_practice_get_skipped_day (fixture->store), ==, 0);

  /* Monday, Wednesday, Friday; Sunday's bit 0 is no weekday and is dropped. */
  lento_practice_set_weekdays (fixture->store, (1u << G_DATE_MONDAY) | (1u << G_DATE_WEDNESDAY)
                                            | (1u << G_DATE_FRIDAY) | 1u);
  g_assert_cmpuint (notified, ==, 1);
  lento_practice_set_weekdays (fixture->store, (1u << G_DATE_MONDAY) | (1u << G_DATE_WEDNESDAY)
                                            | (1u << G_DATE_FRIDAY));
  g_assert_cmpuint (notified, ==, 1);
  lento_practice_set_skipped_day (fixture->store, 739000);

  relock_and_unlock (fixture);

  g_assert_cmpuint (lento_practice_get_weekdays (fixture->store), ==,
                    (1u << G_DATE_MONDAY) | (1u << G_DATE_WEDNESDAY) | (1u << G_DATE_FRIDAY));
  g_assert_cmpuint (lento_practice_get_skipped_day (fixture->store), ==, 739000);
  g_assert_cmpuint (fixture->errors, ==, 0);

  /* Locked, nothing is known and nothing is kept. */
  lento_vault_lock (fixture->vault);
  g_assert_cmpuint (lento_practice_get_weekdays (fixture->store), ==, 0);
  lento_practice_set_weekdays (fixture->store, 1u << G_DATE_SUNDAY);
  g_assert_cmpuint (lento_practice_get_weekdays (fixture->store), ==, 0);
}

static void
test_unreadable_profile_is_not_overwritten (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{ not json", 10);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(LentoTool) tool = NULL;
  LentoDocumentStatus status;

  create_journal (fixture);
  lento_vault_write_document_async (fixture->vault, "profile", garbage, NULL, NULL, NULL);
  wait_until_idle (fixture);

  fixture->errors = 0;
  relock_and_unlock (fixture);
  g_assert_cmpuint (fixture->errors, ==, 1);

  /* The person may still add a tool: it is not saved over what is there. */
  tool = lento_tool_new ("finger", "Finger", LENTO_TOOL_KIND_FINGER,
                         LENTO_MATERIAL_SKIN, 15.0, 70.0, FALSE);
  lento_inventory_add_tool (lento_practice_get_inventory (fixture->store), tool, NULL);
  lento_practice_save_profile (fixture->store);
  wait_until_idle (fixture);

  after = lento_vault_read_document (fixture->vault, "profile", &status, NULL);
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (after, garbage));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lento/practice/locked-holds-nothing", Fixture, NULL,
              fixture_set_up, test_locked_holds_nothing, fixture_tear_down);
  g_test_add ("/lento/practice/entry-survives-lock", Fixture, NULL,
              fixture_set_up, test_entry_survives_lock, fixture_tear_down);
  g_test_add ("/lento/practice/inventory-survives-lock", Fixture, NULL,
              fixture_set_up, test_inventory_survives_lock, fixture_tear_down);
  g_test_add ("/lento/practice/inventory-edit-is-saved", Fixture, NULL,
              fixture_set_up, test_inventory_edit_is_saved, fixture_tear_down);
  g_test_add ("/lento/practice/plan-choices-survive-lock", Fixture, NULL,
              fixture_set_up, test_plan_choices_survive_lock, fixture_tear_down);
  g_test_add ("/lento/practice/unreadable-profile-is-not-overwritten", Fixture, NULL,
              fixture_set_up, test_unreadable_profile_is_not_overwritten, fixture_tear_down);

  return g_test_run ();
}
