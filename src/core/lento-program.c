/* lento-program.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-program"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-core-resources.h"
#include "lento-json.h"
#include "lento-program.h"
#include "lento-session-template.h"

#define PROGRAM_RESOURCE_PATH "/io/github/lento/Lento/plan/program.json"
#define PROGRAM_FORMAT 1
#define MAX_SECONDS LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS

typedef struct {
  const char        *id;
  const char        *title;
  const char        *summary;
  JsonArray         *goals;
  const char        *template_id;
  LentoStageTools    tools;
  guint              target_wear;
  gboolean           has_move_on;
  LentoMoveOn        move_on;
  const char        *move_on_text;
} Stage;

struct _LentoProgram
{
  GObject            parent_instance;

  /* Owned. Every string and node below is borrowed from this tree, which
   * lives as long as the program does.
   */
  JsonNode          *root;
  GPtrArray         *stages;     /* Stage */
  GHashTable        *templates;  /* id -> JsonObject */
  GHashTable        *cues;       /* id -> JsonObject */

  const char        *id;
  const char        *title;
  LentoProgramRules  rules;
};

G_DEFINE_FINAL_TYPE (LentoProgram, lento_program, G_TYPE_OBJECT)

G_DEFINE_QUARK (lento-program-error-quark, lento_program_error)

static const char * const phase_names[] = {
  "settle", "warm-up", "entry", "wear", "cool-down", "aftercare",
};

static const char * const weekday_names[] = {
  NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static const char * const resistance_names[] = {
  "none", "slight", "moderate", "strong",
};

static const char * const bleeding_names[] = {
  "none", "spotting", "significant",
};

static const char * const tools_names[] = {
  "none", "finger", "first-size", "ladder", "current",
};

static const char * const requirement_names[] = {
  "lube", "finger", "trainer",
};

/* Validation. Every failure names the JSON path of the field that is wrong,
 * so that whoever edits program.json finds the mistake at once.
 */

static char *
join_path (const char *parent,
           const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", parent, member);
}

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *detail)
{
  g_set_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID,
               /* Translators: the first %s is where in the plan's data the problem is, like
                * “stages[2].title”; the second says what is wrong there, as a sentence.
                */
               _("The plan data is not valid at “%s”. %s Reinstall Lento to restore the plan."),
               path, detail);
  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  return json_object_get_member (object, member);
}

static gboolean
read_string (JsonObject  *object,
             const char  *parent,
             const char  *member,
             const char **out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *path = join_path (parent, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING
      || json_node_get_string (node)[0] == '\0')
    return fail (error, path, _("A text that is not empty is required."));

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *parent,
           const char  *member,
           gboolean     required,
           guint        default_value,
           guint        min,
           guint        max,
           guint       *out,
           GError     **error)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *path = join_path (parent, member);
  gint64 value;

  if (node == NULL && !required)
    {
      *out = default_value;
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      /* Translators: the smallest and the largest value the plan's data allows there. */
      g_autofree char *detail = g_strdup_printf (_("A whole number from %u to %u is required."),
                                                 min, max);
      return fail (error, path, detail);
    }

  value = json_node_get_int (node);
  if (value < (gint64) min || value > (gint64) max)
    {
      /* Translators: the value found in the plan's data, then the smallest and the largest it may
       * be.
       */
      g_autofree char *detail = g_strdup_printf (_("The value %lld is outside %u to %u."),
                                                 (long long) value, min, max);
      return fail (error, path, detail);
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
read_number (JsonObject  *object,
             const char  *parent,
             const char  *member,
             double       min,
             double       max,
             double      *out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *path = join_path (parent, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fail (error, path, _("A number is required."));

  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (error, path, _("A number is required."));

  *out = json_node_get_double (node);
  if (*out < min || *out > max)
    {
      /* Translators: the smallest and the largest value the plan's data allows there. */
      g_autofree char *detail = g_strdup_printf (_("A number from %g to %g is required."),
                                                 min, max);
      return fail (error, path, detail);
    }

  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *parent,
              const char  *member,
              gboolean    *out,
              GError     **error)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *path = join_path (parent, member);

  if (node == NULL)
    {
      *out = FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, path, _("True or false is required."));

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_choice (JsonObject         *object,
             const char         *parent,
             const char         *member,
             const char * const *names,
             guint               n_names,
             guint               first,
             guint              *out,
             GError            **error)
{
  g_autofree char *path = join_path (parent, member);
  const char *value = NULL;

  if (!read_string (object, parent, member, &value, error))
    return FALSE;

  for (guint i = first; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], value) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  {
    /* Translators: %s is the value found in the plan's data. */
    g_autofree char *detail = g_strdup_printf (_("“%s” is not one of the known values."),
                                               value);
    return fail (error, path, detail);
  }
}

static gboolean
read_object (JsonObject  *object,
             const char  *parent,
             const char  *member,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *path = join_path (parent, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, _("An object is required."));

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (JsonObject  *object,
            const char  *parent,
            const char  *member,
            gboolean     allow_empty,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = get_member (object, member);
  g_autofree char *path = join_path (parent, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, path, _("A list is required."));

  *out = json_node_get_array (node);
  if (!allow_empty && json_array_get_length (*out) == 0)
    return fail (error, path, _("The list must not be empty."));

  return TRUE;
}

static JsonObject *
array_object (JsonArray   *array,
              guint        index,
              const char  *path,
              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, path, _("An object is required."));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
validate_cues (LentoProgram  *self,
               JsonObject    *root,
               GError       **error)
{
  JsonObject *cues;
  g_autoptr(GList) members = NULL;

  if (!read_object (root, NULL, "cues", &cues, error))
    return FALSE;

  members = json_object_get_members (cues);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *cue_id = l->data;
      g_autofree char *path = join_path ("cues", cue_id);
      JsonObject *cue;
      const char *text;

      if (!read_object (cues, "cues", cue_id, &cue, error)
          || !read_string (cue, path, "title", &text, error)
          || !read_string (cue, path, "text", &text, error))
        return FALSE;

      g_hash_table_insert (self->cues, (gpointer) cue_id, cue);
    }

  return TRUE;
}

static gboolean
validate_phase (LentoProgram  *self,
                JsonObject    *phase,
                const char    *path,
                int           *last_phase,
                GError       **error)
{
  g_autofree char *name_path = join_path (path, "phase");
  JsonArray *cues;
  guint which;
  guint seconds;
  guint max_seconds;

  if (!read_choice (phase, path, "phase", phase_names, G_N_ELEMENTS (phase_names), 0,
                    &which, error))
    return FALSE;

  /* Phases run in one fixed order; a template may leave some out. */
  if ((int) which <= *last_phase)
    return fail (error, name_path, _("Phases must be in the order settle, warm-up, entry, wear, "
                                     "cool-down, aftercare, each at most once."));
  *last_phase = which;

  if (!read_uint (phase, path, "seconds", TRUE, 0, 1, MAX_SECONDS, &seconds, error)
      || !read_uint (phase, path, "max_seconds", FALSE, seconds, seconds, MAX_SECONDS,
                     &max_seconds, error)
      || !read_array (phase, path, "cues", TRUE, &cues, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      g_autofree char *cues_path = join_path (path, "cues");
      g_autofree char *cue_path = g_strdup_printf ("%s[%u]", cues_path, i);
      g_autofree char *cue_id_path = join_path (cue_path, "cue");
      JsonObject *cue = array_object (cues, i, cue_path, error);
      const char *cue_id;
      guint at;

      if (cue == NULL
          || !read_uint (cue, cue_path, "at", TRUE, 0, 0, max_seconds - 1, &at, error)
          || !read_string (cue, cue_path, "cue", &cue_id, error))
        return FALSE;

      if (!g_hash_table_contains (self->cues, cue_id))
        {
          /* Translators: %s is the name of a cue in the plan's data, like “settle-breathe”. */
          g_autofree char *detail = g_strdup_printf (_("There is no cue named “%s”."), cue_id);
          return fail (error, cue_id_path, detail);
        }
    }

  return TRUE;
}

static gboolean
validate_templates (LentoProgram  *self,
                    JsonObject    *root,
                    GError       **error)
{
  JsonArray *templates;

  if (!read_array (root, NULL, "templates", FALSE, &templates, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      g_autofree char *path = g_strdup_printf ("templates[%u]", i);
      g_autofree char *id_path = join_path (path, "id");
      g_autofree char *phases_path = join_path (path, "phases");
      JsonObject *template = array_object (templates, i, path, error);
      JsonArray *phases;
      const char *id;
      const char *title;
      int last_phase = -1;

      if (template == NULL
          || !read_string (template, path, "id", &id, error)
          || !read_string (template, path, "title", &title, error)
          || !read_array (template, path, "phases", FALSE, &phases, error))
        return FALSE;

      if (g_hash_table_contains (self->templates, id))
        return fail (error, id_path, _("Another template has the same id."));

      for (guint j = 0; j < json_array_get_length (phases); j++)
        {
          g_autofree char *phase_path = g_strdup_printf ("%s[%u]", phases_path, j);
          JsonObject *phase = array_object (phases, j, phase_path, error);

          if (phase == NULL || !validate_phase (self, phase, phase_path, &last_phase, error))
            return FALSE;
        }

      /* The session timer reads the same node: what it refuses, the plan refuses. */
      {
        g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
        g_autoptr(LentoSessionTemplate) session_template = NULL;
        g_autoptr(GError) local_error = NULL;

        json_node_set_object (node, template);
        session_template = lento_session_template_new_from_json (node, &local_error);
        if (session_template == NULL)
          return fail (error, path, local_error->message);
      }

      g_hash_table_insert (self->templates, (gpointer) id, template);
    }

  return TRUE;
}

static gboolean
read_weekdays (JsonObject  *object,
               const char  *parent,
               const char  *member,
               guint       *out,
               GError     **error)
{
  g_autofree char *path = join_path (parent, member);
  JsonArray *days;

  if (!read_array (object, parent, member, FALSE, &days, error))
    return FALSE;

  *out = 0;
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      g_autofree char *day_path = g_strdup_printf ("%s[%u]", path, i);
      const char *name = lento_json_array_get_string (days, i);
      gboolean found = FALSE;

      for (guint d = G_DATE_MONDAY; d <= G_DATE_SUNDAY && name != NULL; d++)
        {
          if (g_strcmp0 (weekday_names[d], name) == 0)
            {
              *out |= 1u << d;
              found = TRUE;
            }
        }

      if (!found)
        return fail (error, day_path, _("A day from “mon” to “sun” is required."));
    }

  return TRUE;
}

static gboolean
validate_rules (LentoProgram  *self,
                JsonObject    *root,
                GError       **error)
{
  LentoProgramRules *rules = &self->rules;
  JsonObject *o;
  JsonObject *spw, *adv, *plat, *back, *rest, *clin, *low, *brk, *lad;
  guint value;

  if (!read_object (root, NULL, "rules", &o, error))
    return FALSE;

  if (!read_object (o, "rules", "sessions_per_week", &spw, error)
      || !read_uint (spw, "rules.sessions_per_week", "min", TRUE, 0, 1, 7,
                     &rules->sessions_per_week_min, error)
      || !read_uint (spw, "rules.sessions_per_week", "max", TRUE, 0,
                     rules->sessions_per_week_min, 7, &rules->sessions_per_week_max, error)
      || !read_weekdays (o, "rules", "default_weekdays", &rules->default_weekdays, error)
      || !read_uint (o, "rules", "rest_days_between", TRUE, 0, 0, 6,
                     &rules->rest_days_between, error))
    return FALSE;

  if (!read_object (o, "rules", "advance", &adv, error)
      || !read_uint (adv, "rules.advance", "sessions", TRUE, 0, 1, 20,
                     &rules->advance_sessions, error)
      || !read_uint (adv, "rules.advance", "max_pain", TRUE, 0, 0, 10, &value, error))
    return FALSE;
  rules->advance_max_pain = value;
  if (!read_choice (adv, "rules.advance", "max_resistance", resistance_names,
                    G_N_ELEMENTS (resistance_names), 0, &value, error))
    return FALSE;
  rules->advance_max_resistance = value;

  if (!read_object (o, "rules", "plateau", &plat, error)
      || !read_uint (plat, "rules.plateau", "days", TRUE, 0, 1, 365, &rules->plateau_days, error))
    return FALSE;

  if (!read_object (o, "rules", "step_back", &back, error)
      || !read_uint (back, "rules.step_back", "min_pain", TRUE, 0, 1, 10, &value, error))
    return FALSE;
  rules->step_back_min_pain = value;
  if (rules->step_back_min_pain <= rules->advance_max_pain)
    return fail (error, "rules.step_back.min_pain",
                 _("It must be above the pain allowed to move up a size."));
  if (!read_choice (back, "rules.step_back", "min_resistance", resistance_names,
                    G_N_ELEMENTS (resistance_names), 1, &value, error))
    return FALSE;
  rules->step_back_min_resistance = value;
  if (rules->step_back_min_resistance <= rules->advance_max_resistance)
    return fail (error, "rules.step_back.min_resistance",
                 _("It must be above the resistance allowed to move up a size."));
  if (!read_uint (back, "rules.step_back", "sizes_down", TRUE, 0, 1, 5,
                  &rules->step_back_sizes_down, error))
    return FALSE;

  if (!read_object (o, "rules", "rest", &rest, error)
      || !read_uint (rest, "rules.rest", "days", TRUE, 0, 1, 60, &rules->rest_days, error)
      || !read_uint (rest, "rules.rest", "sizes_down", TRUE, 0, 0, 5,
                     &rules->rest_sizes_down, error))
    return FALSE;

  if (!read_object (o, "rules", "clinician", &clin, error)
      || !read_uint (clin, "rules.clinician", "repeat_bleeding_count", TRUE, 0, 1, 10,
                     &rules->clinician_repeat_count, error)
      || !read_uint (clin, "rules.clinician", "repeat_bleeding_days", TRUE, 0, 1, 365,
                     &rules->clinician_repeat_days, error)
      || !read_choice (clin, "rules.clinician", "repeat_min_bleeding", bleeding_names,
                       G_N_ELEMENTS (bleeding_names), 1, &value, error)
      || !read_string (clin, "rules.clinician", "heavy_bleeding_tag",
                       &rules->heavy_bleeding_tag, error))
    return FALSE;
  rules->clinician_repeat_min_bleeding = value;

  if (!read_object (o, "rules", "low_frequency", &low, error)
      || !read_uint (low, "rules.low_frequency", "max_sessions_per_week", TRUE, 0, 0, 6,
                     &rules->low_frequency_max_per_week, error)
      || !read_uint (low, "rules.low_frequency", "weeks", TRUE, 0, 1, 8,
                     &rules->low_frequency_weeks, error))
    return FALSE;

  if (!read_object (o, "rules", "long_break", &brk, error)
      || !read_uint (brk, "rules.long_break", "days", TRUE, 0, 2, 365,
                     &rules->long_break_days, error)
      || !read_uint (brk, "rules.long_break", "sizes_down", TRUE, 0, 0, 5,
                     &rules->long_break_sizes_down, error))
    return FALSE;

  if (!read_object (o, "rules", "ladder", &lad, error)
      || !read_number (lad, "rules.ladder", "max_jump_percent", 1.0, 100.0,
                       &rules->ladder_max_jump_percent, error)
      || !read_uint (lad, "rules.ladder", "hold_days", TRUE, 0, 0, 365,
                     &rules->ladder_hold_days, error)
      || !read_boolean (lad, "rules.ladder", "warm_up_on_previous_size",
                        &rules->ladder_warm_up_on_previous_size, error))
    return FALSE;

  return TRUE;
}

static gboolean
validate_move_on (JsonObject   *stage_object,
                  const char   *parent,
                  Stage        *stage,
                  GError      **error)
{
  g_autofree char *path = join_path (parent, "move_on");
  g_autofree char *requires_path = join_path (path, "requires");
  LentoMoveOn *move_on = &stage->move_on;
  JsonObject *o;
  JsonArray *requires = NULL;
  guint value;

  if (!read_object (stage_object, parent, "move_on", &o, error)
      || !read_string (o, path, "text", &stage->move_on_text, error))
    return FALSE;

  if (json_object_has_member (o, "requires")
      && !read_array (o, path, "requires", TRUE, &requires, error))
    return FALSE;

  for (guint i = 0; requires != NULL && i < json_array_get_length (requires); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", requires_path, i);
      const char *name = lento_json_array_get_string (requires, i);
      gboolean found = FALSE;

      for (guint r = 0; r < G_N_ELEMENTS (requirement_names) && name != NULL; r++)
        {
          if (g_strcmp0 (requirement_names[r], name) == 0)
            {
              move_on->requires |= 1u << r;
              found = TRUE;
            }
        }

      if (!found)
        return fail (error, item_path,
                     _("One of “lube”, “finger” or “trainer” is required."));
    }

  if (!read_uint (o, path, "sessions", TRUE, 0, 0, 20, &move_on->sessions, error)
      || !read_uint (o, path, "days", TRUE, 0, 0, 365, &move_on->days, error)
      || !read_uint (o, path, "max_pain", FALSE, 0, 0, 10, &value, error))
    return FALSE;
  move_on->max_pain = value;

  if (json_object_has_member (o, "max_resistance"))
    {
      if (!read_choice (o, path, "max_resistance", resistance_names,
                        G_N_ELEMENTS (resistance_names), 0, &value, error))
        return FALSE;
      move_on->max_resistance = value;
    }
  else
    {
      move_on->max_resistance = LENTO_RESISTANCE_NONE;
    }

  return read_uint (o, path, "wear_seconds", FALSE, 0, 0, MAX_SECONDS, &move_on->wear_seconds,
                    error);
}

static gboolean
validate_stages (LentoProgram  *self,
                 JsonObject    *root,
                 GError       **error)
{
  JsonArray *stages;
  guint n_stages;

  if (!read_array (root, NULL, "stages", FALSE, &stages, error))
    return FALSE;

  n_stages = json_array_get_length (stages);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *path = g_strdup_printf ("stages[%u]", i);
      g_autofree char *id_path = join_path (path, "id");
      g_autofree char *goals_path = join_path (path, "goals");
      g_autofree char *template_path = join_path (path, "template");
      g_autofree char *move_on_path = join_path (path, "move_on");
      JsonObject *object = array_object (stages, i, path, error);
      Stage *stage;
      guint tools;

      if (object == NULL)
        return FALSE;

      stage = g_new0 (Stage, 1);
      g_ptr_array_add (self->stages, stage);

      if (!read_string (object, path, "id", &stage->id, error))
        return FALSE;

      if (lento_program_find_stage (self, stage->id) != (int) i)
        return fail (error, id_path, _("Another stage has the same id."));

      if (!read_string (object, path, "title", &stage->title, error)
          || !read_string (object, path, "summary", &stage->summary, error)
          || !read_array (object, path, "goals", FALSE, &stage->goals, error))
        return FALSE;

      for (guint g = 0; g < json_array_get_length (stage->goals); g++)
        {
          const char *goal = lento_json_array_get_string (stage->goals, g);

          if (goal == NULL || *goal == '\0')
            {
              g_autofree char *goal_path = g_strdup_printf ("%s[%u]", goals_path, g);
              return fail (error, goal_path, _("A text that is not empty is required."));
            }
        }

      if (!read_string (object, path, "template", &stage->template_id, error))
        return FALSE;

      if (!g_hash_table_contains (self->templates, stage->template_id))
        {
          /* Translators: %s is the name of a session template in the plan's data, like “ladder”. */
          g_autofree char *detail = g_strdup_printf (_("There is no template named “%s”."),
                                                     stage->template_id);
          return fail (error, template_path, detail);
        }

      if (!read_choice (object, path, "tools", tools_names, G_N_ELEMENTS (tools_names), 0,
                        &tools, error)
          || !read_uint (object, path, "target_wear_seconds", TRUE, 0, 0, MAX_SECONDS,
                         &stage->target_wear, error))
        return FALSE;
      stage->tools = tools;

      /* Every stage but the last says when to move on from it. */
      stage->has_move_on = json_object_has_member (object, "move_on");
      if (!stage->has_move_on && i + 1 < n_stages)
        return fail (error, move_on_path, _("Every stage but the last needs criteria to move on."));
      if (stage->has_move_on && !validate_move_on (object, path, stage, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate (LentoProgram  *self,
          GError       **error)
{
  JsonObject *root;
  guint format;

  if (!JSON_NODE_HOLDS_OBJECT (self->root))
    return fail (error, "$", _("An object is required."));

  root = json_node_get_object (self->root);

  if (!read_uint (root, NULL, "format", TRUE, 0, PROGRAM_FORMAT, PROGRAM_FORMAT, &format, error)
      || !read_string (root, NULL, "id", &self->id, error)
      || !read_string (root, NULL, "title", &self->title, error))
    return FALSE;

  return validate_cues (self, root, error)
         && validate_templates (self, root, error)
         && validate_rules (self, root, error)
         && validate_stages (self, root, error);
}

static void
lento_program_finalize (GObject *object)
{
  LentoProgram *self = (LentoProgram *)object;

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  g_clear_pointer (&self->cues, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (lento_program_parent_class)->finalize (object);
}

static void
lento_program_class_init (LentoProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lento_program_finalize;
}

static void
lento_program_init (LentoProgram *self)
{
  self->stages = g_ptr_array_new_with_free_func (g_free);
  self->templates = g_hash_table_new (g_str_hash, g_str_equal);
  self->cues = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * lento_program_new_from_bytes:
 * @bytes: the JSON of a program
 * @error: the place for an error naming the field that is wrong
 *
 * Parses and validates a program. Nothing of a program that fails
 * validation is kept.
 *
 * Returns: (transfer full): the program, or %NULL
 */
LentoProgram *
lento_program_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(LentoProgram) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  parser = json_parser_new_immutable ();
  /* An empty file has no data pointer, which the parser refuses with a
   * critical; it is as unreadable as any other text that is not JSON.
   */
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      g_set_error (error, LENTO_PROGRAM_ERROR, LENTO_PROGRAM_ERROR_INVALID,
                   /* Translators: %s is the JSON reader's own message on what it could not read. */
                   _("The plan data could not be read: %s. Reinstall Lento to restore the plan."),
                   local_error->message);
      return NULL;
    }

  self = g_object_new (LENTO_TYPE_PROGRAM, NULL);
  self->root = json_parser_steal_root (parser);
  if (self->root == NULL || !validate (self, error))
    {
      if (self->root == NULL)
        fail (error, "$", _("The file is empty."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * lento_program_new_from_file:
 * @file: a program.json
 * @error: the place for an error
 *
 * Returns: (transfer full): the program, or %NULL
 */
LentoProgram *
lento_program_new_from_file (GFile   *file,
                             GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return lento_program_new_from_bytes (bytes, error);
}

/**
 * lento_program_new_default:
 * @error: the place for an error
 *
 * Loads the plan that ships in Lento's resources. It is read from the core
 * library's own resource bundle, which is registered on first use.
 *
 * Returns: (transfer full): the program, or %NULL
 */
LentoProgram *
lento_program_new_default (GError **error)
{
  static gsize registered = 0;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A static library drops a resource whose constructor nothing references,
   * so the bundle is registered here, once, the first time it is needed.
   */
  if (g_once_init_enter (&registered))
    {
      lento_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  bytes = g_resource_lookup_data (lento_core_get_resource (), PROGRAM_RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return lento_program_new_from_bytes (bytes, error);
}

static const char *
translate (const char *text)
{
  return text != NULL ? g_dgettext (GETTEXT_PACKAGE, text) : NULL;
}

static Stage *
find_stage (LentoProgram *self,
            const char   *stage_id)
{
  int index = lento_program_find_stage (self, stage_id);

  return index >= 0 ? g_ptr_array_index (self->stages, index) : NULL;
}

const char *
lento_program_get_title (LentoProgram *self)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  return translate (self->title);
}

/**
 * lento_program_get_rules:
 *
 * Returns: (transfer none): every threshold of the coach
 */
const LentoProgramRules *
lento_program_get_rules (LentoProgram *self)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  return &self->rules;
}

guint
lento_program_get_n_stages (LentoProgram *self)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (self), 0);

  return self->stages->len;
}

const char *
lento_program_get_stage_id (LentoProgram *self,
                            guint         index)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);

  return ((Stage *) g_ptr_array_index (self->stages, index))->id;
}

/**
 * lento_program_find_stage:
 *
 * Returns: the position of the stage, or -1 when there is no such stage
 */
int
lento_program_find_stage (LentoProgram *self,
                          const char   *stage_id)
{
  g_return_val_if_fail (LENTO_IS_PROGRAM (self), -1);

  if (stage_id == NULL)
    return -1;

  for (guint i = 0; i < self->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (self->stages, i);

      if (g_strcmp0 (stage->id, stage_id) == 0)
        return i;
    }

  return -1;
}

/**
 * lento_program_get_next_stage:
 *
 * Returns: (nullable): the stage after @stage_id, or %NULL for the last one
 */
const char *
lento_program_get_next_stage (LentoProgram *self,
                              const char   *stage_id)
{
  int index;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  index = lento_program_find_stage (self, stage_id);
  if (index < 0 || (guint) index + 1 >= self->stages->len)
    return NULL;

  return lento_program_get_stage_id (self, index + 1);
}

const char *
lento_program_get_stage_title (LentoProgram *self,
                               const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  stage = find_stage (self, stage_id);
  return stage != NULL ? translate (stage->title) : NULL;
}

const char *
lento_program_get_stage_summary (LentoProgram *self,
                                 const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  stage = find_stage (self, stage_id);
  return stage != NULL ? translate (stage->summary) : NULL;
}

/**
 * lento_program_dup_stage_goals:
 *
 * Returns: (transfer full) (nullable): the stage's goals, translated
 */
char **
lento_program_dup_stage_goals (LentoProgram *self,
                               const char   *stage_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  stage = find_stage (self, stage_id);
  if (stage == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (stage->goals); i++)
    g_strv_builder_add (builder, translate (json_array_get_string_element (stage->goals, i)));

  return g_strv_builder_end (builder);
}

const char *
lento_program_get_stage_template (LentoProgram *self,
                                  const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  stage = find_stage (self, stage_id);
  return stage != NULL ? stage->template_id : NULL;
}

LentoStageTools
lento_program_get_stage_tools (LentoProgram *self,
                               const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), LENTO_STAGE_TOOLS_NONE);

  stage = find_stage (self, stage_id);
  return stage != NULL ? stage->tools : LENTO_STAGE_TOOLS_NONE;
}

guint
lento_program_get_stage_target_wear (LentoProgram *self,
                                     const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), 0);

  stage = find_stage (self, stage_id);
  return stage != NULL ? stage->target_wear : 0;
}

/**
 * lento_program_get_stage_move_on:
 *
 * Returns: (transfer none) (nullable): the criteria to move on, or %NULL
 *   for the last stage
 */
const LentoMoveOn *
lento_program_get_stage_move_on (LentoProgram *self,
                                 const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  stage = find_stage (self, stage_id);
  return stage != NULL && stage->has_move_on ? &stage->move_on : NULL;
}

const char *
lento_program_get_stage_move_on_text (LentoProgram *self,
                                      const char   *stage_id)
{
  Stage *stage;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);

  stage = find_stage (self, stage_id);
  return stage != NULL && stage->has_move_on ? translate (stage->move_on_text) : NULL;
}

/**
 * lento_program_get_template_node:
 *
 * The node has the shape that lento_session_template_new_from_json() reads.
 *
 * Returns: (transfer full) (nullable): a new node holding the template
 */
JsonNode *
lento_program_get_template_node (LentoProgram *self,
                                 const char   *template_id)
{
  JsonObject *template;
  JsonNode *node;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  template = g_hash_table_lookup (self->templates, template_id);
  if (template == NULL)
    return NULL;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, template);
  return node;
}

/**
 * lento_program_dup_template:
 *
 * Returns: (transfer full) (nullable): the template, ready for a #LentoSession
 */
LentoSessionTemplate *
lento_program_dup_template (LentoProgram *self,
                            const char   *template_id)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  node = lento_program_get_template_node (self, template_id);
  if (node == NULL)
    return NULL;

  /* Validation on load built this very template once, so it cannot fail here. */
  return lento_session_template_new_from_json (node, NULL);
}

/**
 * lento_program_get_cue_context:
 * @recommendation: what the plan suggests for today
 * @inventory: (nullable): the person's tools, to tell a finger from a trainer
 *
 * What today's session holds that its cues depend on: whether its tool is
 * a finger, and whether the plan names a size to warm up on first (which
 * it does only where its rules ask for a warm-up). A stage for fingers is
 * a finger session even without a finger in the inventory.
 *
 * Returns: the context to select the template's cues for
 */
LentoCueContext
lento_program_get_cue_context (LentoProgram        *self,
                               LentoRecommendation *recommendation,
                               LentoInventory      *inventory)
{
  LentoCueContext context = LENTO_CUE_CONTEXT_NONE;
  const char *tool_id;
  LentoTool *tool = NULL;
  gboolean finger;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), LENTO_CUE_CONTEXT_NONE);
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (recommendation), LENTO_CUE_CONTEXT_NONE);
  g_return_val_if_fail (inventory == NULL || LENTO_IS_INVENTORY (inventory),
                        LENTO_CUE_CONTEXT_NONE);

  tool_id = lento_recommendation_get_tool (recommendation);
  if (tool_id != NULL && inventory != NULL)
    tool = lento_inventory_find_tool (inventory, tool_id);

  if (tool != NULL)
    finger = lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER;
  else
    finger = lento_program_get_stage_tools (self, lento_recommendation_get_stage (recommendation))
             == LENTO_STAGE_TOOLS_FINGER;

  if (finger)
    context |= LENTO_CUE_CONTEXT_FINGER;
  if (lento_recommendation_get_warm_up_tool (recommendation) != NULL)
    context |= LENTO_CUE_CONTEXT_WARM_UP_SIZE;

  return context;
}

/**
 * lento_program_dup_session_template:
 * @recommendation: what the plan suggests for today
 * @inventory: (nullable): the person's tools
 *
 * The template today's session runs: the recommendation's template, with
 * the cues that fit its tool and its warm-up (see
 * lento_program_get_cue_context()).
 *
 * Returns: (transfer full) (nullable): the template, or %NULL when the
 *   recommendation names none the plan has
 */
LentoSessionTemplate *
lento_program_dup_session_template (LentoProgram        *self,
                                    LentoRecommendation *recommendation,
                                    LentoInventory      *inventory)
{
  g_autoptr(LentoSessionTemplate) template = NULL;
  const char *template_id;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (LENTO_IS_RECOMMENDATION (recommendation), NULL);
  g_return_val_if_fail (inventory == NULL || LENTO_IS_INVENTORY (inventory), NULL);

  template_id = lento_recommendation_get_template (recommendation);
  if (template_id == NULL || (template = lento_program_dup_template (self, template_id)) == NULL)
    return NULL;

  return lento_session_template_select_cues (template,
                                             lento_program_get_cue_context (self, recommendation,
                                                                            inventory));
}

const char *
lento_program_get_template_title (LentoProgram *self,
                                  const char   *template_id)
{
  JsonObject *template;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  template = g_hash_table_lookup (self->templates, template_id);
  return template != NULL ? translate (json_object_get_string_member (template, "title")) : NULL;
}

const char *
lento_program_get_cue_title (LentoProgram *self,
                             const char   *cue_id)
{
  JsonObject *cue;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (cue_id != NULL, NULL);

  cue = g_hash_table_lookup (self->cues, cue_id);
  return cue != NULL ? translate (json_object_get_string_member (cue, "title")) : NULL;
}

const char *
lento_program_get_cue_text (LentoProgram *self,
                            const char   *cue_id)
{
  JsonObject *cue;

  g_return_val_if_fail (LENTO_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (cue_id != NULL, NULL);

  cue = g_hash_table_lookup (self->cues, cue_id);
  return cue != NULL ? translate (json_object_get_string_member (cue, "text")) : NULL;
}
