/* test-program.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-program"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lento-sample-data.h"
#include "lento-coach.h"
#include "lento-program.h"
#include "lento-program-strings.h"
#include "lento-recommendation-private.h"

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("LENTO_SOURCE_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL;
       part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static LentoProgram *
load_test_program (const char  *name,
                   GError     **error)
{
  g_autofree char *file_name = g_strconcat (name, ".json", NULL);
  g_autofree char *path = source_path ("tests", "core", "programs", file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return lento_program_new_from_file (file, error);
}

static void
test_new_destroy (void)
{
  g_autoptr(GError) error = NULL;
  LentoProgram *program = lento_program_new_default (&error);

  g_assert_no_error (error);
  g_assert_true (LENTO_IS_PROGRAM (program));
  g_assert_finalize_object (program);
}

static void
test_shipped_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = lento_program_new_default (&error);
  const char * const expected_stages[] = {
    "getting-ready", "outside-first", "first-trainer", "size-ladder", "keeping-up",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (lento_program_get_n_stages (program), ==, G_N_ELEMENTS (expected_stages));

  for (guint i = 0; i < G_N_ELEMENTS (expected_stages); i++)
    {
      const char *id = expected_stages[i];
      const char *template_id;
      g_auto(GStrv) goals = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(LentoSessionTemplate) session_template = NULL;

      g_assert_cmpstr (lento_program_get_stage_id (program, i), ==, id);
      g_assert_cmpint (lento_program_find_stage (program, id), ==, i);
      g_assert_nonnull (lento_program_get_stage_title (program, id));
      g_assert_nonnull (lento_program_get_stage_summary (program, id));
      goals = lento_program_dup_stage_goals (program, id);
      g_assert_cmpuint (g_strv_length (goals), >=, 1);

      template_id = lento_program_get_stage_template (program, id);
      node = lento_program_get_template_node (program, template_id);
      g_assert_nonnull (node);
      g_assert_true (json_object_has_member (json_node_get_object (node), "phases"));
      g_assert_nonnull (lento_program_get_template_title (program, template_id));
      session_template = lento_program_dup_template (program, template_id);
      g_assert_nonnull (session_template);
      g_assert_cmpstr (lento_session_template_get_id (session_template), ==, template_id);
      g_assert_cmpuint (lento_session_template_get_n_phases (session_template), >=, 3);

      /* Every stage but the last says when to move on. */
      if (i + 1 < G_N_ELEMENTS (expected_stages))
        {
          g_assert_nonnull (lento_program_get_stage_move_on (program, id));
          g_assert_nonnull (lento_program_get_stage_move_on_text (program, id));
          g_assert_cmpstr (lento_program_get_next_stage (program, id), ==, expected_stages[i + 1]);
        }
      else
        {
          g_assert_null (lento_program_get_next_stage (program, id));
        }
    }

  g_assert_cmpint (lento_program_find_stage (program, "nowhere"), ==, -1);
  g_assert_null (lento_program_get_template_node (program, "nowhere"));

  /* Week one is fingers only; week two aims at ten minutes of wear. */
  g_assert_cmpint (lento_program_get_stage_tools (program, "outside-first"), ==,
                   LENTO_STAGE_TOOLS_FINGER);
  g_assert_cmpuint (lento_program_get_stage_target_wear (program, "first-trainer"), ==, 600);
  g_assert_true (lento_program_get_stage_move_on (program, "getting-ready")->requires
                 & LENTO_REQUIRE_LUBE);

  g_assert_cmpstr (lento_program_get_cue_title (program, "urge-fades"), ==, "The Urge to Go");
  g_assert_nonnull (lento_program_get_cue_text (program, "urge-fades-later"));
  g_assert_null (lento_program_get_cue_text (program, "nowhere"));
}

/* The defaults that GUIDE.md marks are the shipped plan's thresholds. */
static void
test_shipped_defaults (void)
{
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);
  const LentoProgramRules *rules = lento_program_get_rules (program);

  g_assert_cmpuint (rules->sessions_per_week_min, ==, 2);
  g_assert_cmpuint (rules->sessions_per_week_max, ==, 3);
  g_assert_cmpuint (rules->default_weekdays, ==,
                    (1u << G_DATE_TUESDAY) | (1u << G_DATE_THURSDAY) | (1u << G_DATE_SATURDAY));
  g_assert_cmpuint (rules->advance_sessions, ==, 2);
  g_assert_cmpint (rules->advance_max_pain, ==, 0);
  g_assert_cmpint (rules->advance_max_resistance, ==, LENTO_RESISTANCE_NONE);
  g_assert_cmpuint (rules->plateau_days, ==, 7);
  g_assert_cmpint (rules->step_back_min_pain, ==, 4);
  g_assert_cmpint (rules->step_back_min_resistance, ==, LENTO_RESISTANCE_STRONG);
  g_assert_cmpuint (rules->rest_days, ==, 3);
  g_assert_cmpuint (rules->rest_sizes_down, ==, 1);
  g_assert_cmpuint (rules->clinician_repeat_count, ==, 2);
  g_assert_cmpuint (rules->clinician_repeat_days, ==, 14);
  g_assert_cmpint (rules->clinician_repeat_min_bleeding, ==, LENTO_BLEEDING_SPOTTING);
  /* The entry editor records heavy bleeding with this tag. */
  g_assert_cmpstr (rules->heavy_bleeding_tag, ==, LENTO_ENTRY_TAG_HEAVY_BLEEDING);
  g_assert_cmpuint (rules->low_frequency_max_per_week, ==, 1);
  g_assert_cmpuint (rules->low_frequency_weeks, ==, 2);
  g_assert_cmpuint (rules->long_break_days, ==, 14);
  g_assert_cmpuint (rules->long_break_sizes_down, ==, 1);
  g_assert_cmpfloat_with_epsilon (rules->ladder_max_jump_percent, 20.0, 1e-9);
  g_assert_cmpuint (rules->ladder_hold_days, ==, 0);
  g_assert_false (rules->ladder_warm_up_on_previous_size);
}

static void
test_valid_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = load_test_program ("valid-minimal", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lento_program_get_n_stages (program), ==, 2);
  g_assert_cmpstr (lento_program_get_stage_template (program, "ladder"), ==, "with-wear");
  g_assert_null (lento_program_get_stage_move_on (program, "ladder"));
}

typedef struct {
  const char *file;
  const char *field;
} BrokenCase;

/* Each file is valid-minimal.json with one defect; loading must name that field. */
static const BrokenCase broken_cases[] = {
  { "unknown-template", "stages[1].template" },
  { "missing-stages", "stages" },
  { "empty-goal", "stages[0].goals[0]" },
  { "duplicate-stage", "stages[1].id" },
  { "bad-phase-name", "templates[0].phases[1].phase" },
  { "phase-order", "templates[1].phases[1].phase" },
  { "zero-seconds", "templates[0].phases[0].seconds" },
  { "cue-after-phase", "templates[1].phases[1].cues[0].at" },
  { "unknown-cue", "templates[0].phases[0].cues[0].cue" },
  { "cue-without-text", "cues.urge.text" },
  { "bad-resistance", "rules.advance.max_resistance" },
  { "pain-out-of-range", "rules.step_back.min_pain" },
  { "step-back-below-advance", "rules.step_back.min_pain" },
  { "bad-weekday", "rules.default_weekdays[1]" },
  { "jump-not-number", "rules.ladder.max_jump_percent" },
  { "missing-move-on", "stages[0].move_on" },
  { "bad-requirement", "stages[0].move_on.requires[0]" },
  { "bad-tools", "stages[1].tools" },
  { "wrong-format", "format" },
  { "bad-cue-when", "phases[0].cues[0].when" },
  /* Lists of names holding something other than text (found by reading
   * what fuzz-program drives; json-glib raised a critical on each).
   */
  { "weekday-not-text", "rules.default_weekdays[1]" },
  { "goal-not-text", "stages[0].goals[0]" },
  { "requirement-not-text", "stages[0].move_on.requires[0]" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = load_test_program (test->file, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", test->field);

  g_assert_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID);
  g_assert_null (program);
  if (strstr (error->message, quoted) == NULL)
    g_error ("“%s” does not name %s", error->message, quoted);
}

static void
test_broken_not_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoProgram) program = load_test_program ("truncated", &error);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) list = g_bytes_new_static ("[]", 2);

  g_assert_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID);
  g_assert_null (program);
  g_clear_error (&error);

  g_assert_null (lento_program_new_from_bytes (empty, &error));
  g_assert_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty file read into memory has no data pointer at all (found by
   * fuzz-program; it was a critical).
   */
  g_clear_pointer (&empty, g_bytes_unref);
  empty = g_bytes_new (NULL, 0);
  g_assert_null (lento_program_new_from_bytes (empty, &error));
  g_assert_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (lento_program_new_from_bytes (list, &error));
  g_assert_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“$”"));
}

static gboolean
header_has_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (lento_program_strings); i++)
    if (g_strcmp0 (lento_program_strings[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* What the program hands out untranslated (no catalogue is loaded in
 * tests) must be in the header, or translators would never see it.
 */
static void
test_strings_cover_program (void)
{
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);

  g_assert_true (header_has_string (lento_program_get_title (program)));
  for (guint i = 0; i < lento_program_get_n_stages (program); i++)
    {
      const char *id = lento_program_get_stage_id (program, i);
      g_auto(GStrv) goals = lento_program_dup_stage_goals (program, id);

      g_assert_true (header_has_string (lento_program_get_stage_title (program, id)));
      g_assert_true (header_has_string (lento_program_get_stage_summary (program, id)));
      for (guint g = 0; goals[g] != NULL; g++)
        g_assert_true (header_has_string (goals[g]));
      if (lento_program_get_stage_move_on_text (program, id) != NULL)
        g_assert_true (header_has_string (lento_program_get_stage_move_on_text (program, id)));
      g_assert_true (header_has_string (
        lento_program_get_template_title (program,
                                          lento_program_get_stage_template (program, id))));
    }

  g_assert_true (header_has_string (lento_program_get_cue_text (program, "urge-fades")));
}

static void
test_strings_up_to_date (void)
{
  g_autofree char *script = source_path ("data", "plan", "extract-strings.py", NULL);
  g_autofree char *program = source_path ("data", "plan", "program.json", NULL);
  g_autofree char *header = source_path ("src", "core", "lento-program-strings.h", NULL);
  const char *argv[] = { "/usr/bin/python3", script, program, NULL };
  g_autofree char *generated = NULL;
  g_autofree char *checked_in = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &generated, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_file_get_contents (header, &checked_in, NULL, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (generated, checked_in) != 0)
    g_error ("src/core/lento-program-strings.h is out of date with program.json: "
             "run data/plan/extract-strings.py --write");
}

static void
test_strings_extracted (void)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *header = source_path ("src", "core", "lento-program-strings.h", NULL);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed");
      return;
    }

  {
    const char *argv[] = { xgettext, "--language=C", "--keyword=N_", "--from-code=UTF-8",
                           "--output=-", header, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (output, "msgid \"Outside First\""));
  g_assert_nonnull (strstr (output, "msgid \"The Urge to Go\""));
  g_assert_nonnull (strstr (output, "msgid \"A First Slim Trainer\""));
}

/* Cues fit the session: its tool (a finger or an inserted tool) and the
 * plan's warm-up. The ids below are the shipped plan's.
 */
#define TOOL_CUES "cool-down-slowly", "aftercare-clean"
#define FINGER_CUES "cool-down-finger", "aftercare-hands"
#define WARM_UP_CUE "warm-up-smaller"

static gboolean
template_has_cue (LentoSessionTemplate *template,
                  const char           *cue_id)
{
  for (guint p = 0; p < lento_session_template_get_n_phases (template); p++)
    for (guint c = 0; c < lento_session_template_get_n_cues (template, p); c++)
      if (g_str_equal (lento_session_template_get_cue_id (template, p, c), cue_id))
        return TRUE;
  return FALSE;
}

static void
assert_cues (LentoSessionTemplate *template,
             const char * const   *present,
             const char * const   *absent)
{
  for (guint i = 0; absent[i] != NULL; i++)
    if (template_has_cue (template, absent[i]))
      g_error ("%s should not have the cue “%s” here", lento_session_template_get_id (template),
               absent[i]);
  for (guint i = 0; present[i] != NULL; i++)
    if (!template_has_cue (template, present[i]))
      g_error ("%s should have the cue “%s”", lento_session_template_get_id (template),
               present[i]);
}

typedef struct {
  const char      *name;
  const char      *template;
  LentoCueContext  context;
  const char      *present[4];
  const char      *absent[4];
} SelectCase;

static const SelectCase select_cases[] = {
  { "week-one-finger", "week1-outside", LENTO_CUE_CONTEXT_FINGER,
    { FINGER_CUES }, { TOOL_CUES } },
  { "week-two-trainer", "week2-first-trainer", LENTO_CUE_CONTEXT_NONE,
    { TOOL_CUES }, { FINGER_CUES } },
  { "week-two-little-finger", "week2-first-trainer", LENTO_CUE_CONTEXT_FINGER,
    { FINGER_CUES }, { TOOL_CUES } },
  { "ladder-trainer", "ladder", LENTO_CUE_CONTEXT_NONE,
    { TOOL_CUES }, { FINGER_CUES, WARM_UP_CUE } },
  { "ladder-trainer-warm-up", "ladder", LENTO_CUE_CONTEXT_WARM_UP_SIZE,
    { TOOL_CUES, WARM_UP_CUE }, { FINGER_CUES } },
  { "ladder-finger-after-step-back", "ladder", LENTO_CUE_CONTEXT_FINGER,
    { FINGER_CUES }, { TOOL_CUES, WARM_UP_CUE } },
  { "keeping-up-trainer", "keeping-up", LENTO_CUE_CONTEXT_NONE,
    { TOOL_CUES }, { FINGER_CUES } },
  { "keeping-up-finger", "keeping-up", LENTO_CUE_CONTEXT_FINGER,
    { FINGER_CUES }, { TOOL_CUES } },
};

static void
test_cues_select (gconstpointer data)
{
  const SelectCase *test = data;
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);
  g_autoptr(LentoSessionTemplate) template = lento_program_dup_template (program, test->template);
  g_autoptr(LentoSessionTemplate) selected = NULL;
  LentoCueContext context;

  g_assert_nonnull (template);
  g_assert_false (lento_session_template_get_context (template, NULL));
  selected = lento_session_template_select_cues (template, test->context);
  g_assert_cmpstr (lento_session_template_get_id (selected), ==, test->template);
  g_assert_true (lento_session_template_get_context (selected, &context));
  g_assert_cmpint (context, ==, test->context);
  g_assert_cmpuint (lento_session_template_get_n_phases (selected), ==,
                    lento_session_template_get_n_phases (template));
  assert_cues (selected, test->present, test->absent);
}

/* A template's conditions survive being written out and read back. */
static void
test_cues_when_round_trip (void)
{
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);
  g_autoptr(LentoSessionTemplate) template = lento_program_dup_template (program, "ladder");
  g_autoptr(LentoSessionTemplate) copy = NULL;
  g_autoptr(JsonNode) node = lento_session_template_to_json (template);
  g_autoptr(GError) error = NULL;
  guint conditional = 0;

  copy = lento_session_template_new_from_json (node, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < lento_session_template_get_n_phases (template); p++)
    {
      g_assert_cmpuint (lento_session_template_get_n_cues (copy, p), ==,
                        lento_session_template_get_n_cues (template, p));
      for (guint c = 0; c < lento_session_template_get_n_cues (template, p); c++)
        {
          LentoCueWhen when = lento_session_template_get_cue_when (template, p, c);

          g_assert_cmpint (lento_session_template_get_cue_when (copy, p, c), ==, when);
          conditional += when != LENTO_CUE_WHEN_ALWAYS;
        }
    }
  g_assert_cmpuint (conditional, >=, 5);
}

/* Today's session as the coach plans it: a week-one session with a finger,
 * the first trainer, the ladder with the shipped plan (no warm-up size)
 * and with a plan that warms up on the size below.
 */
typedef struct {
  const char *name;
  gboolean    warm_up_plan;
  const char *stage;    /* of a calm session two days ago, or NULL for none */
  const char *tool;
  const char *expect_tool;
  const char *present[4];
  const char *absent[4];
} TodayCase;

static const TodayCase today_cases[] = {
  { "week-one-finger", FALSE, NULL, NULL, "finger-little",
    { FINGER_CUES }, { TOOL_CUES } },
  { "week-two-trainer", FALSE, "first-trainer", "t15", "t15",
    { TOOL_CUES }, { FINGER_CUES } },
  { "ladder-without-warm-up-size", FALSE, "size-ladder", "t18", "t18",
    { TOOL_CUES }, { WARM_UP_CUE, FINGER_CUES } },
  { "ladder-with-warm-up-size", TRUE, "size-ladder", "t18", "t18",
    { WARM_UP_CUE, TOOL_CUES }, { FINGER_CUES } },
};

static LentoProgram *
program_with_warm_up (gboolean warm_up)
{
  return lento_sample_program_new (-1, warm_up);
}

static LentoInventory *
inventory_with_trainers (void)
{
  LentoInventory *inventory = lento_inventory_new ();
  const double sizes[] = { 15.0, 18.0, 21.5, 25.0 };
  g_autoptr(LentoLube) lube = lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER);

  lento_inventory_add_finger_presets (inventory);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *id = g_strdup_printf ("t%.0f", floor (sizes[i]));
      g_autoptr(LentoTool) tool = lento_tool_new (id, id, LENTO_TOOL_KIND_TRAINER,
                                                  LENTO_MATERIAL_SILICONE, sizes[i], 90.0, TRUE);

      g_assert_true (lento_inventory_add_tool (inventory, tool, NULL));
    }
  g_assert_true (lento_inventory_add_lube (inventory, lube, NULL));

  return inventory;
}

static void
test_cues_today (gconstpointer data)
{
  const TodayCase *test = data;
  g_autoptr(LentoProgram) program = program_with_warm_up (test->warm_up_plan);
  g_autoptr(LentoInventory) inventory = inventory_with_trainers ();
  g_autoptr(GListStore) entries = g_list_store_new (LENTO_TYPE_ENTRY);
  g_autoptr(LentoRecommendation) rec = NULL;
  g_autoptr(LentoSessionTemplate) template = NULL;
  LentoCoachSettings settings;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_MARCH, 2026);
  lento_coach_settings_init (&settings);
  settings.weekdays = 0xfe;

  if (test->stage != NULL)
    {
      g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 8, 18, 30, 0);
      g_autoptr(LentoEntry) entry = lento_entry_new (start);

      lento_entry_set_stage (entry, test->stage);
      lento_entry_set_tool (entry, test->tool);
      lento_entry_set_lube (entry, "aqua");
      lento_entry_set_wear (entry, 600);
      lento_entry_set_duration (entry, 1500);
      lento_entry_set_resistance (entry, LENTO_RESISTANCE_NONE);
      lento_entry_set_pain (entry, 0);
      lento_entry_set_comfort (entry, 8);
      g_list_store_append (entries, entry);
    }

  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);
  g_assert_cmpstr (lento_recommendation_get_tool (rec), ==, test->expect_tool);
  template = lento_program_dup_session_template (program, rec, inventory);
  g_assert_nonnull (template);
  assert_cues (template, test->present, test->absent);
}

/* A stage for fingers is a finger session even when the inventory has no
 * finger to name, and a first size that is a finger (no trainer yet, or a
 * step back below the ladder) is one too.
 */
static void
test_cues_context (void)
{
  g_autoptr(LentoProgram) program = lento_program_new_default (NULL);
  g_autoptr(LentoInventory) inventory = inventory_with_trainers ();
  g_autoptr(LentoRecommendation) rec = g_object_new (LENTO_TYPE_RECOMMENDATION, NULL);

  rec->stage_id = g_strdup ("outside-first");
  rec->template_id = g_strdup ("week1-outside");
  g_assert_cmpint (lento_program_get_cue_context (program, rec, NULL), ==,
                   LENTO_CUE_CONTEXT_FINGER);

  g_free (rec->stage_id);
  rec->stage_id = g_strdup ("first-trainer");
  rec->tool_id = g_strdup ("finger-little");
  g_assert_cmpint (lento_program_get_cue_context (program, rec, inventory), ==,
                   LENTO_CUE_CONTEXT_FINGER);

  g_free (rec->tool_id);
  rec->tool_id = g_strdup ("t18");
  rec->warm_up_tool_id = g_strdup ("t15");
  g_assert_cmpint (lento_program_get_cue_context (program, rec, inventory), ==,
                   LENTO_CUE_CONTEXT_WARM_UP_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/program/new-destroy", test_new_destroy);
  g_test_add_func ("/lento/program/shipped-loads", test_shipped_loads);
  g_test_add_func ("/lento/program/shipped-defaults", test_shipped_defaults);
  g_test_add_func ("/lento/program/valid-minimal", test_valid_minimal);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/program/broken/%s", broken_cases[i].file);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/lento/program/broken/not-json", test_broken_not_json);
  g_test_add_func ("/lento/program/strings/cover-program", test_strings_cover_program);
  g_test_add_func ("/lento/program/strings/up-to-date", test_strings_up_to_date);
  g_test_add_func ("/lento/program/strings/extracted", test_strings_extracted);
  for (guint i = 0; i < G_N_ELEMENTS (select_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/program/cues/select/%s",
                                               select_cases[i].name);
      g_test_add_data_func (path, &select_cases[i], test_cues_select);
    }
  g_test_add_func ("/lento/program/cues/when-round-trip", test_cues_when_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (today_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/program/cues/today/%s",
                                               today_cases[i].name);
      g_test_add_data_func (path, &today_cases[i], test_cues_today);
    }
  g_test_add_func ("/lento/program/cues/context", test_cues_context);

  return g_test_run ();
}
