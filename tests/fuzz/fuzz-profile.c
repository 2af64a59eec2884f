/* fuzz-profile.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>

#include "fuzz-json.h"
#include "lento-fake-clock.h"
#include "lento-json.h"
#include "lento-practice-private.h"
#include "lento-program.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The inventory must write JSON that reads back, and writes the same. */
static void
check_inventory (LentoInventory *inventory)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LentoInventory) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = fuzz_object_to_string (lento_inventory_to_json (inventory));
  root = json_from_string (first, &error);
  g_assert_no_error (error);
  again = lento_inventory_new_from_json (json_node_get_object (root), &error);
  g_assert_no_error (error);
  second = fuzz_object_to_string (lento_inventory_to_json (again));
  g_assert_cmpstr (first, ==, second);

  /* What the inventory page shows of it. */
  g_ptr_array_unref (lento_inventory_check (inventory, 25.0));
  g_ptr_array_unref (lento_inventory_dup_ladder (inventory));
  g_ptr_array_unref (lento_inventory_dup_fingers (inventory));
  lento_inventory_has_usable_lube (inventory);
}

/* Resumes the saved session as LentoPractice does when the journal opens
 * (restore_session() in lento-practice-session.c), on a clock that stands
 * still: saving it then resuming that must give the same document.
 */
static void
check_session (LentoProgram *program,
               JsonObject   *profile)
{
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  g_autoptr(LentoSessionTemplate) template = NULL;
  g_autoptr(LentoSessionTemplate) selected = NULL;
  g_autoptr(LentoSession) session = NULL;
  g_autoptr(LentoSession) again = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  const char *template_id;
  const char *uuid;
  LentoCueContext context;
  JsonNode *node;

  node = json_object_get_member (profile, PROFILE_SESSION);
  if (node == NULL)
    return;

  template_id = lento_session_peek_saved_template_id (node);
  if (template_id != NULL)
    template = lento_program_dup_template (program, template_id);
  if (template == NULL)
    return;

  /* The cues it was saved with; one saved before cues had contexts gets
   * those of a day without a recommendation.
   */
  lento_session_peek_saved_cue_context (node, &context);
  selected = lento_session_template_select_cues (template, context);

  session = lento_session_restore_from_json (selected, LENTO_CLOCK (clock), node, &error);
  if (session == NULL)
    {
      g_assert_nonnull (error);
      return;
    }

  /* Read as the app reads it: json_object_get_string_member_with_default(),
   * used here before, raised a critical on an object or an array.
   */
  uuid = lento_json_get_string (profile, PROFILE_SESSION_ENTRY);
  if (lento_session_get_result (session) != NULL && uuid != NULL && g_uuid_string_is_valid (uuid))
    g_object_unref (lento_entry_new_for_result (lento_session_get_result (session), uuid, NULL,
                                                program));

  first = lento_session_serialize (session);
  again = lento_session_restore_from_json (selected, LENTO_CLOCK (clock), first, &error);
  g_assert_no_error (error);
  second = lento_session_serialize (again);
  first_text = json_to_string (first, FALSE);
  second_text = json_to_string (second, FALSE);
  g_assert_cmpstr (first_text, ==, second_text);
}

/* Reads the profile document the way LentoPractice reads it: the profile
 * object, the inventory in it, the plan choices and the saved session.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static LentoProgram *program = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(JsonObject) profile = NULL;
  g_autoptr(LentoInventory) inventory = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_make_logs_fatal ();
  if (program == NULL)
    {
      program = lento_program_new_default (&error);
      g_assert_no_error (error);
    }

  profile = _lento_practice_parse_profile (bytes, &error);
  if (profile == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  inventory = _lento_practice_parse_inventory (profile, &error);
  if (inventory != NULL)
    check_inventory (inventory);
  g_clear_error (&error);

  _lento_practice_profile_uint (profile, PROFILE_WEEKDAYS, 0xfe);
  _lento_practice_profile_uint (profile, PROFILE_SKIPPED_DAY, G_MAXINT32);

  check_session (program, profile);

  return 0;
}
