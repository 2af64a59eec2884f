/* lento-test-practice.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test"

#include "config.h"

#include "lento-coach.h"
#include "lento-test-practice.h"
#include "lento-test-support.h"

/* A practice on a new journal of its own, in a throwaway folder: what the
 * views and the window work on in their tests.
 */

/**
 * lento_test_practice_wait_loaded:
 *
 * Runs the main loop until the practice's journal is open and read.
 */
void
lento_test_practice_wait_loaded (LentoPractice *practice)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!lento_practice_get_loaded (practice))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/**
 * lento_test_practice_new:
 * @clock: (nullable): the clock for today and the session's time
 * @data_dir: (out): the folder, for lento_test_practice_free()
 *
 * Returns: (transfer full): a practice on a new, open, empty journal
 */
LentoPractice *
lento_test_practice_new (LentoClock  *clock,
                         char       **data_dir)
{
  g_autoptr(LentoVault) vault = NULL;
  g_autoptr(LentoSecret) code = NULL;
  g_autoptr(GError) error = NULL;
  LentoPractice *practice;

  *data_dir = g_dir_make_tmp ("lento-practice-XXXXXX", &error);
  g_assert_no_error (error);
  vault = lento_vault_new (*data_dir, APPLICATION_ID);
  g_assert_true (lento_vault_open (vault, &error));
  code = lento_vault_create (vault, &error);
  g_assert_no_error (error);

  practice = lento_practice_new (vault, clock);
  lento_test_practice_wait_loaded (practice);
  return practice;
}

/**
 * lento_test_practice_free:
 *
 * Closes the practice's journal and removes its folder.
 */
void
lento_test_practice_free (LentoPractice *practice,
                          char          *data_dir)
{
  LentoVault *vault = g_object_ref (lento_practice_get_vault (practice));

  lento_practice_flush_pending (practice);
  while (lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (practice);
  lento_vault_close (vault);
  g_object_unref (vault);
  lento_test_remove_tree (data_dir);
  g_free (data_dir);
}

/**
 * lento_test_practice_dup_saved_profile:
 *
 * Lets every save the practice has waiting reach the disk, then reads the
 * profile document back from the vault: what a restart would find.
 *
 * Returns: (transfer full) (nullable): the saved profile, or %NULL when none was saved
 */
JsonObject *
lento_test_practice_dup_saved_profile (LentoPractice *practice)
{
  LentoVault *vault = lento_practice_get_vault (practice);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  lento_practice_flush_pending (practice);
  while (lento_vault_get_busy (vault))
    g_main_context_iteration (NULL, TRUE);

  bytes = lento_vault_read_document (vault, "profile", NULL, &error);
  if (bytes == NULL && g_error_matches (error, LENTO_VAULT_ERROR, LENTO_VAULT_ERROR_NOT_FOUND))
    return NULL;
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/**
 * lento_test_practice_plan_every_day:
 * @practice: an open practice with a new journal
 *
 * Plans sessions for every day of the week, so that today offers a session
 * whatever day a test runs on: by default the plan rests on some weekdays.
 */
void
lento_test_practice_plan_every_day (LentoPractice *practice)
{
  lento_practice_set_weekdays (practice, 0xfe);
  g_assert_cmpint (lento_practice_get_start (practice), ==, LENTO_PRACTICE_START_NOW);
}

/**
 * lento_test_practice_saved_profile_has:
 * @member: a member of the profile document, such as "session"
 *
 * Returns: whether the saved profile (lento_test_practice_dup_saved_profile()) has @member
 */
gboolean
lento_test_practice_saved_profile_has (LentoPractice *practice,
                                       const char    *member)
{
  g_autoptr(JsonObject) profile = lento_test_practice_dup_saved_profile (practice);

  return profile != NULL && json_object_has_member (profile, member);
}

/**
 * lento_test_assert_same_recommendation:
 * @same_entries: whether both come from the same entries
 *
 * Asserts that two answers are alike in everything a view shows, word for
 * word; from the same entries, that they also point at the same ones.
 */
void
lento_test_assert_same_recommendation (LentoRecommendation *a,
                                       LentoRecommendation *b,
                                       gboolean             same_entries)
{
  GPtrArray *ra = lento_recommendation_get_reasons (a);
  GPtrArray *rb = lento_recommendation_get_reasons (b);
  GArray *da = lento_recommendation_get_days (a);
  GArray *db = lento_recommendation_get_days (b);
  const GDate *rest_a = lento_recommendation_get_rest_until (a);
  const GDate *rest_b = lento_recommendation_get_rest_until (b);

  g_assert_cmpint (lento_recommendation_get_kind (a), ==, lento_recommendation_get_kind (b));
  g_assert_cmpint (lento_recommendation_get_next_kind (a), ==,
                   lento_recommendation_get_next_kind (b));
  g_assert_cmpstr (lento_recommendation_get_stage (a), ==, lento_recommendation_get_stage (b));
  g_assert_cmpstr (lento_recommendation_get_template (a), ==,
                   lento_recommendation_get_template (b));
  g_assert_cmpstr (lento_recommendation_get_tool (a), ==, lento_recommendation_get_tool (b));
  g_assert_cmpstr (lento_recommendation_get_warm_up_tool (a), ==,
                   lento_recommendation_get_warm_up_tool (b));
  g_assert_cmpstr (lento_recommendation_get_lube (a), ==, lento_recommendation_get_lube (b));
  g_assert_cmpint (lento_recommendation_get_gentle_note (a), ==,
                   lento_recommendation_get_gentle_note (b));
  g_assert_true ((rest_a == NULL) == (rest_b == NULL));
  if (rest_a != NULL)
    g_assert_cmpint (g_date_compare (rest_a, rest_b), ==, 0);

  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      LentoReason *x = g_ptr_array_index (ra, i);
      LentoReason *y = g_ptr_array_index (rb, i);

      g_assert_cmpint (x->code, ==, y->code);
      g_assert_cmpstr (x->text, ==, y->text);
      if (same_entries)
        g_assert_cmpstrv (x->entries, y->entries);
      else
        g_assert_cmpuint (g_strv_length (x->entries), ==, g_strv_length (y->entries));
    }

  g_assert_cmpuint (da->len, ==, LENTO_COACH_PLAN_DAYS);
  g_assert_cmpuint (db->len, ==, da->len);
  for (guint i = 0; i < da->len; i++)
    {
      g_assert_cmpint (g_array_index (da, LentoPlanDay, i).kind, ==,
                       g_array_index (db, LentoPlanDay, i).kind);
      g_assert_cmpint (g_date_compare (&g_array_index (da, LentoPlanDay, i).date,
                                       &g_array_index (db, LentoPlanDay, i).date), ==, 0);
    }
}
