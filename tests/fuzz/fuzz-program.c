/* fuzz-program.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-fuzz"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-json.h"
#include "lento-fake-clock.h"
#include "lento-program.h"
#include "lento-session.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Validation promises that every template a stage names builds, and that
 * a session runs through it; the cues it names have words.
 */
static void
check_template (LentoProgram *program,
                const char   *template_id)
{
  g_autoptr(LentoSessionTemplate) template = lento_program_dup_template (program, template_id);
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  g_autoptr(LentoSession) session = NULL;
  guint n_phases;

  g_assert_nonnull (template);
  lento_program_get_template_title (program, template_id);

  n_phases = lento_session_template_get_n_phases (template);
  for (guint i = 0; i < n_phases; i++)
    for (guint c = 0; c < lento_session_template_get_n_cues (template, i); c++)
      {
        const char *cue_id = lento_session_template_get_cue_id (template, i, c);

        lento_program_get_cue_title (program, cue_id);
        lento_program_get_cue_text (program, cue_id);
      }

  session = lento_session_new (template, LENTO_CLOCK (clock));
  if (!lento_session_start (session))
    return;
  for (guint i = 0; i <= n_phases && lento_session_skip (session); i++)
    ;
  g_assert_cmpint (lento_session_get_state (session), ==, LENTO_SESSION_STATE_FINISHED);
}

/* Reads program.json and walks the plan the way the coach and the plan
 * page do. A plan that loads must load again from its own JSON text.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(LentoProgram) program = NULL;
  g_autoptr(LentoProgram) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint n_stages;

  fuzz_make_logs_fatal ();

  program = lento_program_new_from_bytes (bytes, &error);
  if (program == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  lento_program_get_title (program);
  lento_program_get_rules (program);
  n_stages = lento_program_get_n_stages (program);
  for (guint i = 0; i < n_stages; i++)
    {
      const char *stage_id = lento_program_get_stage_id (program, i);
      g_auto(GStrv) goals = NULL;
      const char *template_id;

      g_assert_cmpint (lento_program_find_stage (program, stage_id), ==, i);
      lento_program_get_next_stage (program, stage_id);
      lento_program_get_stage_title (program, stage_id);
      lento_program_get_stage_summary (program, stage_id);
      goals = lento_program_dup_stage_goals (program, stage_id);
      lento_program_get_stage_tools (program, stage_id);
      lento_program_get_stage_target_wear (program, stage_id);
      lento_program_get_stage_move_on (program, stage_id);
      lento_program_get_stage_move_on_text (program, stage_id);
      template_id = lento_program_get_stage_template (program, stage_id);
      if (template_id != NULL)
        check_template (program, template_id);
    }

  /* program.json has no writer of its own; JSON text of what loaded must
   * load as well.
   */
  root = fuzz_parse_json (data, size);
  g_assert_nonnull (root);
  text = json_to_string (root, FALSE);
  length = strlen (text);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  again = lento_program_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lento_program_get_n_stages (again), ==, n_stages);

  return 0;
}
