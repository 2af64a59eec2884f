/* test-guide-content.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-guide-content"

#include "config.h"

#include <string.h>

#include "lento-coach.h"
#include "lento-learn.h"
#include "lento-program.h"

/* The content agrees with itself and with the guide (docs: ../shared/GUIDE.md).
 *
 * Every text a person reads about the practice is gathered in one table:
 * the plan's cues, stage titles, summaries, goals and move-on texts, the
 * session titles, and the learn pages. Each row has an id that says where
 * the text lives ("cue:entry-bear-down.text", "stage:first-trainer.goal-0",
 * "learn:session.body"), so that a failure names what to fix.
 *
 * The guide's account of breathing, told one way everywhere: the in-breath
 * is the open window (the pelvic floor drops and relaxes); entry and removal
 * come on an in-breath, with a slight bear-down and never a push. So no text
 * sends the person to the out-breath, and the texts that carry the account
 * name the in-breath.
 *
 * Cues fit the session's tool: a session with a finger hears nothing about
 * a tool's base or washing a tool, and a session with an inserted tool is
 * reminded to hold it by its base as it comes out.
 *
 * Numbers take the plural they ask for: with a plan that allows one
 * session a week, or moves up after one calm session, the reasons say
 * "1 session", never "1 sessions".
 */

#define PROGRAM_RESOURCE "/io/github/lento/Lento/plan/program.json"

typedef struct {
  char *id;
  char *text;
} Text;

static GPtrArray *texts;  /* Text */

static void
text_free (gpointer data)
{
  Text *text = data;

  g_free (text->id);
  g_free (text->text);
  g_free (text);
}

/* One template of the plan, for the cases about tools and fingers. */
typedef struct {
  LentoProgram *program;
  char         *template_id;
} TemplateCase;

static GPtrArray *template_cases;  /* TemplateCase */

static void
template_case_free (gpointer data)
{
  TemplateCase *test = data;

  g_free (test->template_id);
  g_free (test);
}

static void
add_text (const char *id,
          const char *text)
{
  Text *row;

  g_assert_nonnull (text);

  row = g_new0 (Text, 1);
  row->id = g_strdup (id);
  row->text = g_strdup (text);
  g_ptr_array_add (texts, row);
}

static const Text *
find_text (const char *id)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const Text *text = g_ptr_array_index (texts, i);

      if (g_str_equal (text->id, id))
        return text;
    }

  return NULL;
}

/* The plan's ids are read from the file it ships; the words from
 * LentoProgram, as the app shows them.
 */
static void
collect_program (LentoProgram *program)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) cue_ids = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *templates;

  bytes = g_resources_lookup_data (PROGRAM_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  cue_ids = json_object_get_members (json_object_get_object_member (root, "cues"));
  for (const GList *l = cue_ids; l != NULL; l = l->next)
    {
      const char *cue = l->data;
      g_autofree char *title_id = g_strdup_printf ("cue:%s.title", cue);
      g_autofree char *text_id = g_strdup_printf ("cue:%s.text", cue);

      add_text (title_id, lento_program_get_cue_title (program, cue));
      add_text (text_id, lento_program_get_cue_text (program, cue));
    }

  templates = json_object_get_array_member (root, "templates");
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      const char *template = json_object_get_string_member (
        json_array_get_object_element (templates, i), "id");
      g_autofree char *id = g_strdup_printf ("template:%s.title", template);

      TemplateCase *test = g_new0 (TemplateCase, 1);

      add_text (id, lento_program_get_template_title (program, template));
      test->program = program;
      test->template_id = g_strdup (template);
      g_ptr_array_add (template_cases, test);
    }

  for (guint i = 0; i < lento_program_get_n_stages (program); i++)
    {
      const char *stage = lento_program_get_stage_id (program, i);
      g_auto(GStrv) goals = lento_program_dup_stage_goals (program, stage);
      g_autofree char *title_id = g_strdup_printf ("stage:%s.title", stage);
      g_autofree char *summary_id = g_strdup_printf ("stage:%s.summary", stage);
      g_autofree char *move_on_id = g_strdup_printf ("stage:%s.move-on", stage);

      add_text (title_id, lento_program_get_stage_title (program, stage));
      add_text (summary_id, lento_program_get_stage_summary (program, stage));
      for (guint g = 0; goals[g] != NULL; g++)
        {
          g_autofree char *goal_id = g_strdup_printf ("stage:%s.goal-%u", stage, g);

          add_text (goal_id, goals[g]);
        }
      if (lento_program_get_stage_move_on_text (program, stage) != NULL)
        add_text (move_on_id, lento_program_get_stage_move_on_text (program, stage));
    }
}

static void
collect_learn (void)
{
  for (guint i = 0; i < lento_learn_get_n_topics (); i++)
    {
      const char *topic = lento_learn_get_topic_id (i);
      g_autofree char *title_id = g_strdup_printf ("learn:%s.title", topic);
      g_autofree char *summary_id = g_strdup_printf ("learn:%s.summary", topic);
      g_autofree char *body_id = g_strdup_printf ("learn:%s.body", topic);

      add_text (title_id, lento_learn_get_topic_title (i));
      add_text (summary_id, lento_learn_get_topic_summary (i));
      add_text (body_id, lento_learn_get_topic_body (i));
    }
}

/* Breath phases, as the texts name them. */

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, G_REGEX_CASELESS, 0);
}

static gboolean
names_in_breath (const char *text)
{
  return matches ("\\b(in-breath|in breath|breathe in|breathing in|inhal\\w*)\\b", text);
}

static gboolean
names_out_breath (const char *text)
{
  return matches ("\\b(out-breath|out breath|breathe out|breathing out|exhal\\w*)\\b", text);
}

/* The sentences of @text that name a breath phase, for the table below. */
static char *
breath_sentences (const char *text)
{
  g_auto(GStrv) sentences = g_regex_split_simple ("(?<=[.:;!?])\\s+|\\n+", text, 0, 0);
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; sentences[i] != NULL; i++)
    {
      if (!names_in_breath (sentences[i]) && !names_out_breath (sentences[i]))
        continue;
      if (found->len > 0)
        g_string_append (found, " … ");
      g_string_append (found, sentences[i]);
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

/* Every text that names a breath phase, in a table in the test log, so that
 * a reader sees at a glance which texts carry the account.
 */
static void
test_breath_table (void)
{
  guint named = 0;

  g_assert_cmpuint (texts->len, >, 50);

  g_test_message ("%-40s | %-10s | %s", "text", "names", "words");
  for (guint i = 0; i < texts->len; i++)
    {
      const Text *text = g_ptr_array_index (texts, i);
      gboolean in = names_in_breath (text->text);
      gboolean out = names_out_breath (text->text);

      g_autofree char *sentences = NULL;

      if (!in && !out)
        continue;

      named++;
      sentences = breath_sentences (text->text);
      g_test_message ("%-40s | %-10s | %s", text->id,
                      in && out ? "in and out" : in ? "in-breath" : "out-breath", sentences);
    }

  g_assert_cmpuint (named, >, 0);
}

/* No text sends the person to the out-breath: the in-breath is the window. */
static void
test_breath_never_out (gconstpointer data)
{
  const Text *text = data;

  if (names_out_breath (text->text))
    g_test_fail_printf ("%s names the out-breath, but the guide times entry, removal and "
                        "bearing down with the in-breath: “%s”", text->id, text->text);
}

/* The texts that tell the person when to enter, bear down or come out. */
static const char * const carries_account[] = {
  "cue:settle-breathe.text",
  "cue:warm-up-pelvic-floor.text",
  "cue:warm-up-bear-down.text",
  "cue:entry-bear-down.text",
  "cue:cool-down-slowly.text",
  "cue:cool-down-finger.text",
  "stage:getting-ready.goal-2",
  "stage:outside-first.goal-1",
  "stage:first-trainer.goal-0",
  "learn:body.body",
  "learn:session.body",
};

static void
test_breath_carries_account (gconstpointer data)
{
  const char *id = data;
  const Text *text = find_text (id);

  if (text == NULL)
    g_test_fail_printf ("%s is missing; it is one of the texts that say when to breathe in", id);
  else if (!names_in_breath (text->text))
    g_test_fail_printf ("%s should time its step with the in-breath, but does not name it: “%s”",
                        id, text->text);
}

/* Tools and fingers. */

static gboolean
about_tool (const char *text)
{
  return matches ("\\bbase\\b", text)
         || matches ("\\b(wash|clean)\\w*\\b[^.]*\\b(tool|toy)s?\\b", text);
}

/* Every cue a template runs for @context, title and text, one per line. */
static GPtrArray *
cues_for (LentoProgram    *program,
          const char      *template_id,
          LentoCueContext  context)
{
  g_autoptr(LentoSessionTemplate) template = lento_program_dup_template (program, template_id);
  g_autoptr(LentoSessionTemplate) selected = NULL;
  GPtrArray *cues = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (template);
  selected = lento_session_template_select_cues (template, context);
  for (guint p = 0; p < lento_session_template_get_n_phases (selected); p++)
    for (guint c = 0; c < lento_session_template_get_n_cues (selected, p); c++)
      {
        const char *cue = lento_session_template_get_cue_id (selected, p, c);

        g_ptr_array_add (cues, g_strdup_printf ("%s: %s %s", cue,
                                                lento_program_get_cue_title (program, cue),
                                                lento_program_get_cue_text (program, cue)));
      }

  return cues;
}

static void
test_finger_no_tool_cues (gconstpointer data)
{
  const TemplateCase *test = data;
  const LentoCueContext contexts[] = {
    LENTO_CUE_CONTEXT_FINGER,
    LENTO_CUE_CONTEXT_FINGER | LENTO_CUE_CONTEXT_WARM_UP_SIZE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    {
      g_autoptr(GPtrArray) cues = cues_for (test->program, test->template_id, contexts[i]);

      for (guint c = 0; c < cues->len; c++)
        {
          const char *cue = g_ptr_array_index (cues, c);

          if (about_tool (cue))
            g_test_fail_printf ("template %s with a finger has a cue about a tool's base or "
                                "washing a tool: “%s”", test->template_id, cue);
        }
    }
}

static void
test_tool_holds_base (gconstpointer data)
{
  const TemplateCase *test = data;
  g_autoptr(LentoSessionTemplate) template = lento_program_dup_template (test->program,
                                                                         test->template_id);
  g_autoptr(GPtrArray) cues = NULL;
  gboolean base = FALSE;

  /* Only a session with a wear phase has something inserted to take out. */
  if (lento_session_template_find_phase (template, LENTO_PHASE_KIND_WEAR) < 0)
    {
      g_test_skip ("no wear phase");
      return;
    }

  cues = cues_for (test->program, test->template_id, LENTO_CUE_CONTEXT_NONE);
  for (guint c = 0; c < cues->len; c++)
    base |= matches ("\\bbase\\b", g_ptr_array_index (cues, c));

  if (!base)
    g_test_fail_printf ("template %s with an inserted tool never says to hold it by its base",
                        test->template_id);
}

/* Plurals in the coach's reasons. */

typedef struct {
  const char      *name;
  const char      *rule;      /* a member of "rules" */
  const char      *member;    /* in it */
  const char      *member2;   /* another, or NULL */
  gint64           value;
  LentoReasonCode  reason;
  const char      *says;
} PluralCase;

static const PluralCase plural_cases[] = {
  { "week-full-one-session", "sessions_per_week", "max", "min", 1,
    LENTO_REASON_WEEK_FULL, "1 session in seven days" },
  { "not-yet-one-session", "advance", "sessions", NULL, 1,
    LENTO_REASON_NOT_YET, "after 1 session in a row that goes in" },
};

static LentoProgram *
program_with_rule (const char *rule,
                   const char *member,
                   const char *member2,
                   gint64      value)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  LentoProgram *program;

  bytes = g_resources_lookup_data (PROGRAM_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  root = json_from_string (text, &error);
  g_assert_no_error (error);

  object = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (root), "rules"), rule);
  json_object_set_int_member (object, member, value);
  if (member2 != NULL)
    json_object_set_int_member (object, member2, value);

  g_clear_pointer (&text, g_free);
  text = json_to_string (root, FALSE);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text, strlen (text));
  program = lento_program_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return program;
}

static void
test_plural (gconstpointer data)
{
  const PluralCase *test = data;
  g_autoptr(LentoProgram) program = program_with_rule (test->rule, test->member, test->member2,
                                                       test->value);
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoTool) trainer = NULL;
  g_autoptr(LentoTool) larger = NULL;
  g_autoptr(LentoLube) lube = lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER);
  g_autoptr(GListStore) entries = g_list_store_new (LENTO_TYPE_ENTRY);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 8, 18, 30, 0);
  g_autoptr(LentoEntry) entry = lento_entry_new (start);
  g_autoptr(LentoRecommendation) rec = NULL;
  const LentoReason *reason;
  LentoCoachSettings settings;
  GDate today;

  lento_inventory_add_finger_presets (inventory);
  trainer = lento_tool_new ("t21", "Trainer", LENTO_TOOL_KIND_TRAINER, LENTO_MATERIAL_SILICONE,
                            21.5, 90.0, TRUE);
  larger = lento_tool_new ("t25", "Larger trainer", LENTO_TOOL_KIND_TRAINER,
                          LENTO_MATERIAL_SILICONE, 25.0, 90.0, TRUE);
  g_assert_true (lento_inventory_add_tool (inventory, trainer, NULL));
  g_assert_true (lento_inventory_add_tool (inventory, larger, NULL));
  g_assert_true (lento_inventory_add_lube (inventory, lube, NULL));

  /* One session two days ago at the size, that went in with a little resistance. */
  lento_entry_set_stage (entry, "size-ladder");
  lento_entry_set_tool (entry, "t21");
  lento_entry_set_lube (entry, "aqua");
  lento_entry_set_wear (entry, 600);
  lento_entry_set_duration (entry, 1500);
  lento_entry_set_resistance (entry, LENTO_RESISTANCE_SLIGHT);
  lento_entry_set_pain (entry, 0);
  lento_entry_set_comfort (entry, 7);
  g_list_store_append (entries, entry);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_MARCH, 2026);
  lento_coach_settings_init (&settings);
  settings.weekdays = 0xfe;
  rec = lento_coach_recommend (program, G_LIST_MODEL (entries), inventory, &today, &settings);

  reason = lento_recommendation_find_reason (rec, test->reason);
  g_assert_nonnull (reason);
  g_test_message ("%s", reason->text);
  if (strstr (reason->text, test->says) == NULL)
    g_test_fail_printf ("the reason should say “%s”: “%s”", test->says, reason->text);
}

static char *
case_path (const char *group,
           const char *id)
{
  g_autofree char *name = g_strdup (id);

  /* "cue:entry-bear-down.text" becomes ".../cue/entry-bear-down/text". */
  g_strdelimit (name, ":.", '/');
  return g_strdup_printf ("/lento/guide/content/%s/%s", group, name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LentoProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  program = lento_program_new_default (&error);
  g_assert_no_error (error);

  texts = g_ptr_array_new_with_free_func (text_free);
  template_cases = g_ptr_array_new_with_free_func (template_case_free);
  collect_program (program);
  collect_learn ();

  g_test_add_func ("/lento/guide/content/breath/table", test_breath_table);

  for (guint i = 0; i < texts->len; i++)
    {
      const Text *text = g_ptr_array_index (texts, i);
      g_autofree char *path = case_path ("breath/never-out", text->id);

      if (names_in_breath (text->text) || names_out_breath (text->text))
        g_test_add_data_func (path, text, test_breath_never_out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (carries_account); i++)
    {
      g_autofree char *path = case_path ("breath/in-breath", carries_account[i]);

      g_test_add_data_func (path, carries_account[i], test_breath_carries_account);
    }

  for (guint i = 0; i < template_cases->len; i++)
    {
      const TemplateCase *test = g_ptr_array_index (template_cases, i);
      g_autofree char *finger = g_strdup_printf ("/lento/guide/content/finger/%s",
                                                 test->template_id);
      g_autofree char *tool = g_strdup_printf ("/lento/guide/content/tool/%s",
                                               test->template_id);

      g_test_add_data_func (finger, test, test_finger_no_tool_cues);
      g_test_add_data_func (tool, test, test_tool_holds_base);
    }

  for (guint i = 0; i < G_N_ELEMENTS (plural_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/guide/content/plural/%s",
                                               plural_cases[i].name);

      g_test_add_data_func (path, &plural_cases[i], test_plural);
    }

  status = g_test_run ();
  g_clear_pointer (&template_cases, g_ptr_array_unref);
  g_clear_pointer (&texts, g_ptr_array_unref);
  return status;
}
