/* lento-session-template.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session-template"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-session-template.h"

/*
 * A session template is the shape of one guided session: its phases, how
 * long each lasts and which cues fall where. The plan (LentoProgram) holds
 * them as JSON:
 *
 *   { "id": "week1-outside", "title": "…",
 *     "phases": [ { "phase": "settle", "seconds": 180,
 *                   "cues": [ { "at": 0, "cue": "settle-breathe" } ] },
 *                 { "phase": "wear", "seconds": 600, "max_seconds": 900,
 *                   "cues": [ { "at": 300, "cue": "urge-fades" } ] } ] }
 *
 * Phases come in the order of LentoPhaseKind, each at most once; a template
 * may leave some out. "at" counts seconds from the start of its phase. Only
 * the wear phase may have "max_seconds": how far a person may extend it.
 * Without it the wear phase cannot be extended, because how long to wear
 * is the plan's decision, not the timer's. A cue may sit at the very end of
 * its phase, and a wear cue may sit beyond "seconds" (up to "max_seconds"),
 * where it is only reached when the phase is extended.
 *
 * A cue may say which sessions it is for with "when": "finger" or "tool"
 * for the kind of tool the session uses, "warm-up-size" when the plan names
 * a size to warm up on first ("always" is the default). Such a template
 * lists every cue; lento_session_template_select_cues() makes from it the
 * one a session runs, with only the cues that fit that session.
 *
 * Members this version does not know are ignored, so that a newer plan
 * still loads. A template is not changed after it has been built.
 */

typedef struct
{
  guint at;
  char *cue_id;
  LentoCueWhen when;
} Cue;

typedef struct
{
  LentoPhaseKind kind;
  guint seconds;
  guint max_seconds;
  GArray *cues;
} Phase;

struct _LentoSessionTemplate
{
  GObject parent_instance;

  /* Owned */
  char *id;
  char *title;
  GArray *phases;

  /* Set on a template made by lento_session_template_select_cues(). */
  LentoCueContext context;
  gboolean selected;
};

G_DEFINE_FINAL_TYPE (LentoSessionTemplate, lento_session_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (lento-session-error-quark, lento_session_error)

G_DEFINE_ENUM_TYPE (LentoPhaseKind, lento_phase_kind,
  G_DEFINE_ENUM_VALUE (LENTO_PHASE_KIND_SETTLE, "settle"),
  G_DEFINE_ENUM_VALUE (LENTO_PHASE_KIND_WARM_UP, "warm-up"),
  G_DEFINE_ENUM_VALUE (LENTO_PHASE_KIND_ENTRY, "entry"),
  G_DEFINE_ENUM_VALUE (LENTO_PHASE_KIND_WEAR, "wear"),
  G_DEFINE_ENUM_VALUE (LENTO_PHASE_KIND_COOL_DOWN, "cool-down"),
  G_DEFINE_ENUM_VALUE (LENTO_PHASE_KIND_AFTERCARE, "aftercare"))

G_DEFINE_ENUM_TYPE (LentoCueWhen, lento_cue_when,
  G_DEFINE_ENUM_VALUE (LENTO_CUE_WHEN_ALWAYS, "always"),
  G_DEFINE_ENUM_VALUE (LENTO_CUE_WHEN_FINGER, "finger"),
  G_DEFINE_ENUM_VALUE (LENTO_CUE_WHEN_TOOL, "tool"),
  G_DEFINE_ENUM_VALUE (LENTO_CUE_WHEN_WARM_UP_SIZE, "warm-up-size"))

G_DEFINE_FLAGS_TYPE (LentoCueContext, lento_cue_context,
  G_DEFINE_ENUM_VALUE (LENTO_CUE_CONTEXT_FINGER, "finger"),
  G_DEFINE_ENUM_VALUE (LENTO_CUE_CONTEXT_WARM_UP_SIZE, "warm-up-size"))

/**
 * lento_phase_kind_to_string:
 * @kind: a #LentoPhaseKind
 *
 * Returns: (transfer none): the name used in JSON, such as "warm-up"
 */
const char *
lento_phase_kind_to_string (LentoPhaseKind kind)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LENTO_TYPE_PHASE_KIND);
  GEnumValue *value = g_enum_get_value (enum_class, kind);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * lento_phase_kind_from_string:
 * @string: a phase name as used in JSON
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @string names a phase
 */
gboolean
lento_phase_kind_from_string (const char     *string,
                              LentoPhaseKind *kind)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  GEnumValue *value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  enum_class = g_type_class_ref (LENTO_TYPE_PHASE_KIND);
  value = g_enum_get_value_by_nick (enum_class, string);
  if (value == NULL)
    return FALSE;

  *kind = value->value;
  return TRUE;
}

/**
 * lento_cue_when_to_string:
 * @when: a #LentoCueWhen
 *
 * Returns: (transfer none): the name used in JSON, such as "finger"
 */
const char *
lento_cue_when_to_string (LentoCueWhen when)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LENTO_TYPE_CUE_WHEN);
  GEnumValue *value = g_enum_get_value (enum_class, when);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * lento_cue_when_from_string:
 * @string: a condition's name as used in JSON
 * @when: (out): where to store it
 *
 * Returns: %TRUE if @string names a condition
 */
gboolean
lento_cue_when_from_string (const char   *string,
                            LentoCueWhen *when)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  GEnumValue *value;

  g_return_val_if_fail (when != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  enum_class = g_type_class_ref (LENTO_TYPE_CUE_WHEN);
  value = g_enum_get_value_by_nick (enum_class, string);
  if (value == NULL)
    return FALSE;

  *when = value->value;
  return TRUE;
}

static gboolean
cue_fits (LentoCueWhen    when,
          LentoCueContext context)
{
  switch (when)
    {
    case LENTO_CUE_WHEN_FINGER:
      return (context & LENTO_CUE_CONTEXT_FINGER) != 0;
    case LENTO_CUE_WHEN_TOOL:
      return (context & LENTO_CUE_CONTEXT_FINGER) == 0;
    case LENTO_CUE_WHEN_WARM_UP_SIZE:
      return (context & LENTO_CUE_CONTEXT_WARM_UP_SIZE) != 0;
    case LENTO_CUE_WHEN_ALWAYS:
    default:
      return TRUE;
    }
}

static void
cue_clear (gpointer data)
{
  Cue *cue = data;

  g_clear_pointer (&cue->cue_id, g_free);
}

static void
phase_clear (gpointer data)
{
  Phase *phase = data;

  g_clear_pointer (&phase->cues, g_array_unref);
}

static void
lento_session_template_finalize (GObject *object)
{
  LentoSessionTemplate *self = (LentoSessionTemplate *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->phases, g_array_unref);

  G_OBJECT_CLASS (lento_session_template_parent_class)->finalize (object);
}

static void
lento_session_template_class_init (LentoSessionTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lento_session_template_finalize;
}

static void
lento_session_template_init (LentoSessionTemplate *self)
{
  self->phases = g_array_new (FALSE, TRUE, sizeof (Phase));
  g_array_set_clear_func (self->phases, phase_clear);
}

static Phase *
get_phase (LentoSessionTemplate *self,
           guint                 phase)
{
  g_assert (phase < self->phases->len);

  return &g_array_index (self->phases, Phase, phase);
}

static guint
phase_limit (const Phase *phase)
{
  return MAX (phase->seconds, phase->max_seconds);
}

/**
 * lento_session_template_new:
 * @id: a stable identifier, such as "week1-outside"
 * @title: the title a person reads
 *
 * Creates an empty template, to be filled with
 * lento_session_template_add_phase() and lento_session_template_add_cue().
 * Mostly for tests; the app reads templates from the plan.
 *
 * Returns: (transfer full): a new #LentoSessionTemplate
 */
LentoSessionTemplate *
lento_session_template_new (const char *id,
                            const char *title)
{
  LentoSessionTemplate *self;

  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LENTO_TYPE_SESSION_TEMPLATE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);

  return self;
}

/**
 * lento_session_template_add_phase:
 * @self: a #LentoSessionTemplate
 * @kind: the phase, later in the order than the phases already added
 * @seconds: how long the phase lasts, at least one second
 * @max_seconds: for the wear phase, how far it may be extended; 0 when it
 *   may not be extended
 *
 * Returns: the index of the new phase
 */
guint
lento_session_template_add_phase (LentoSessionTemplate *self,
                                  LentoPhaseKind        kind,
                                  guint                 seconds,
                                  guint                 max_seconds)
{
  Phase phase = { kind, seconds, max_seconds, NULL };

  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);
  g_return_val_if_fail (kind <= LENTO_PHASE_KIND_AFTERCARE, 0);
  g_return_val_if_fail (self->phases->len == 0 ||
                        get_phase (self, self->phases->len - 1)->kind < kind, 0);
  g_return_val_if_fail (seconds > 0 && seconds <= LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS, 0);
  g_return_val_if_fail (max_seconds == 0 || kind == LENTO_PHASE_KIND_WEAR, 0);
  g_return_val_if_fail (max_seconds == 0 || (max_seconds >= seconds &&
                        max_seconds <= LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS), 0);

  phase.cues = g_array_new (FALSE, TRUE, sizeof (Cue));
  g_array_set_clear_func (phase.cues, cue_clear);
  g_array_append_val (self->phases, phase);

  return self->phases->len - 1;
}

/**
 * lento_session_template_add_cue:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 * @at: seconds from the start of the phase, not before the last cue added
 * @cue_id: the cue's identifier, which LentoProgram turns into words
 *
 * Adds a cue to a phase, for every session.
 */
void
lento_session_template_add_cue (LentoSessionTemplate *self,
                                guint                 phase,
                                guint                 at,
                                const char           *cue_id)
{
  lento_session_template_add_cue_when (self, phase, at, cue_id, LENTO_CUE_WHEN_ALWAYS);
}

/**
 * lento_session_template_add_cue_when:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 * @at: seconds from the start of the phase, not before the last cue added
 * @cue_id: the cue's identifier, which LentoProgram turns into words
 * @when: which sessions the cue is for
 *
 * Adds a cue to a phase, for the sessions @when names.
 */
void
lento_session_template_add_cue_when (LentoSessionTemplate *self,
                                     guint                 phase,
                                     guint                 at,
                                     const char           *cue_id,
                                     LentoCueWhen          when)
{
  Phase *p;
  Cue cue;

  g_return_if_fail (LENTO_IS_SESSION_TEMPLATE (self));
  g_return_if_fail (phase < self->phases->len);
  g_return_if_fail (cue_id != NULL && cue_id[0] != '\0');
  g_return_if_fail (when <= LENTO_CUE_WHEN_WARM_UP_SIZE);

  p = get_phase (self, phase);
  g_return_if_fail (at <= phase_limit (p));
  g_return_if_fail (p->cues->len == 0 ||
                    g_array_index (p->cues, Cue, p->cues->len - 1).at <= at);

  cue.at = at;
  cue.cue_id = g_strdup (cue_id);
  cue.when = when;
  g_array_append_val (p->cues, cue);
}

/**
 * lento_session_template_select_cues:
 * @self: a #LentoSessionTemplate
 * @context: what the session holds: a finger or an inserted tool, a
 *   warm-up size or none
 *
 * Makes the template one session runs: the same phases, with only the cues
 * that fit @context. It keeps the id, and remembers @context so that a
 * saved session is brought back with the same cues.
 *
 * Returns: (transfer full): a new #LentoSessionTemplate
 */
LentoSessionTemplate *
lento_session_template_select_cues (LentoSessionTemplate *self,
                                    LentoCueContext       context)
{
  LentoSessionTemplate *selected;

  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), NULL);
  g_return_val_if_fail (!self->selected, NULL);

  selected = lento_session_template_new (self->id, self->title);
  selected->context = context;
  selected->selected = TRUE;

  for (guint i = 0; i < self->phases->len; i++)
    {
      const Phase *phase = get_phase (self, i);
      guint index = lento_session_template_add_phase (selected, phase->kind, phase->seconds,
                                                      phase->max_seconds);

      for (guint j = 0; j < phase->cues->len; j++)
        {
          const Cue *cue = &g_array_index (phase->cues, Cue, j);

          if (cue_fits (cue->when, context))
            lento_session_template_add_cue_when (selected, index, cue->at, cue->cue_id,
                                                 cue->when);
        }
    }

  return selected;
}

/**
 * lento_session_template_get_context:
 * @self: a #LentoSessionTemplate
 * @context: (out) (optional): where to store the context its cues were
 *   selected for
 *
 * Returns: %TRUE when the template was made by
 *   lento_session_template_select_cues()
 */
gboolean
lento_session_template_get_context (LentoSessionTemplate *self,
                                    LentoCueContext      *context)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), FALSE);

  if (context != NULL)
    *context = self->context;

  return self->selected;
}

/* Parsing. Each error names the field with a path such as
 * "phases[3].seconds", so that whoever edits the plan file finds it at once.
 */

static gboolean
template_error (GError     **error,
                const char  *problem)
{
  g_set_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_TEMPLATE,
               /* Translators: %s is a sentence that says what is wrong with the plan's session
                * templates, like “A session template has no “phases”.”
                */
               _("%s The plan that came with Lento is damaged; reinstalling Lento should fix "
                 "it."), problem);
  return FALSE;
}

static gboolean
missing_error (GError     **error,
               const char  *path)
{
  g_autofree char *problem = NULL;

  /* Translators: %s names a field of the plan's data, like “phases[2].seconds”. */
  problem = g_strdup_printf (_("A session template has no “%s”."), path);
  return template_error (error, problem);
}

static gboolean
get_member (JsonObject  *object,
            const char  *name,
            const char  *path,
            gboolean     required,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? missing_error (error, path) : TRUE;

  *out = node;
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            const char  *path,
            const char **out,
            GError     **error)
{
  JsonNode *node;

  if (!get_member (object, name, path, TRUE, &node, error))
    return FALSE;

  if (json_node_get_value_type (node) != G_TYPE_STRING || json_node_get_string (node)[0] == '\0')
    {
      g_autofree char *problem = NULL;

      /* Translators: %s names a field of the plan's data, like “phases[2].seconds”. */
      problem = g_strdup_printf (_("A session template’s “%s” must be text that is not empty."),
                                 path);
      return template_error (error, problem);
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/* Reads a whole number from @min to @max; leaves @out alone when the member
 * is absent and not @required.
 */
static gboolean
get_seconds (JsonObject  *object,
             const char  *name,
             const char  *path,
             gboolean     required,
             guint        min,
             guint        max,
             guint       *out,
             GError     **error)
{
  JsonNode *node;
  gint64 value;

  if (!get_member (object, name, path, required, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < min || value > max)
    {
      g_autofree char *problem = NULL;

      /* Translators: a field of the plan's data, like “phases[2].seconds”, then the smallest and
       * the largest value it may have.
       */
      problem = g_strdup_printf (_("A session template’s “%s” must be a whole number of seconds "
                                   "from %u to %u."),
                                 path, min, max);
      return template_error (error, problem);
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
expect_type (JsonNode     *node,
             JsonNodeType  type,
             const char   *path,
             GError      **error)
{
  g_autofree char *problem = NULL;

  if (node != NULL && JSON_NODE_TYPE (node) == type)
    return TRUE;

  if (type == JSON_NODE_ARRAY)
    /* Translators: %s names a field of the plan's data, like “phases”. */
    problem = g_strdup_printf (_("A session template’s “%s” must be a list."), path);
  else
    /* Translators: %s names a field of the plan's data, like “phases[2]”. */
    problem = g_strdup_printf (_("A session template’s “%s” must be an object."), path);

  return template_error (error, problem);
}

static gboolean
parse_cues (LentoSessionTemplate  *self,
            guint                  index,
            JsonObject            *phase_object,
            const char            *phase_path,
            GError               **error)
{
  g_autofree char *cues_path = g_strdup_printf ("%s.cues", phase_path);
  Phase *phase = get_phase (self, index);
  JsonNode *cues_node;
  JsonArray *cues;

  if (!get_member (phase_object, "cues", cues_path, FALSE, &cues_node, error))
    return FALSE;

  /* A phase without cues may leave the member out. */
  if (cues_node == NULL)
    return TRUE;

  if (!expect_type (cues_node, JSON_NODE_ARRAY, cues_path, error))
    return FALSE;

  cues = json_node_get_array (cues_node);

  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      g_autofree char *cue_path = g_strdup_printf ("%s[%u]", cues_path, i);
      g_autofree char *at_path = g_strdup_printf ("%s.at", cue_path);
      g_autofree char *id_path = g_strdup_printf ("%s.cue", cue_path);
      g_autofree char *when_path = g_strdup_printf ("%s.when", cue_path);
      JsonNode *cue_node = json_array_get_element (cues, i);
      JsonObject *cue_object;
      const char *cue_id;
      const char *when_name;
      LentoCueWhen when = LENTO_CUE_WHEN_ALWAYS;
      guint at = 0;

      if (!expect_type (cue_node, JSON_NODE_OBJECT, cue_path, error))
        return FALSE;

      cue_object = json_node_get_object (cue_node);

      if (!get_seconds (cue_object, "at", at_path, TRUE, 0, phase_limit (phase), &at, error) ||
          !get_string (cue_object, "cue", id_path, &cue_id, error))
        return FALSE;

      if (phase->cues->len > 0 && g_array_index (phase->cues, Cue, phase->cues->len - 1).at > at)
        {
          g_autofree char *problem = NULL;

          /* Translators: %s names a field of the plan's data, like “phases[2].cues[1].at”. */
          problem = g_strdup_printf (_("A session template’s “%s” comes before the cue above "
                                       "it; cues must be listed in time order."),
                                     at_path);
          return template_error (error, problem);
        }

      if (json_object_has_member (cue_object, "when"))
        {
          if (!get_string (cue_object, "when", when_path, &when_name, error))
            return FALSE;

          if (!lento_cue_when_from_string (when_name, &when))
            {
              g_autofree char *problem = NULL;

              /* Translators: a field of the plan's data, like “phases[2].cues[1].when”, then the
               * value found there.
               */
              problem = g_strdup_printf (_("A session template’s “%s” names a kind of session "
                                           "Lento does not know: “%s”."),
                                         when_path, when_name);
              return template_error (error, problem);
            }
        }

      lento_session_template_add_cue_when (self, index, at, cue_id, when);
    }

  return TRUE;
}

static gboolean
parse_phase (LentoSessionTemplate  *self,
             JsonNode              *node,
             guint                  i,
             GError               **error)
{
  g_autofree char *path = g_strdup_printf ("phases[%u]", i);
  g_autofree char *kind_path = g_strdup_printf ("%s.phase", path);
  g_autofree char *seconds_path = g_strdup_printf ("%s.seconds", path);
  g_autofree char *max_path = g_strdup_printf ("%s.max_seconds", path);
  JsonObject *object;
  const char *kind_name;
  LentoPhaseKind kind;
  guint seconds = 0;
  guint max_seconds = 0;
  guint index;

  if (!expect_type (node, JSON_NODE_OBJECT, path, error))
    return FALSE;

  object = json_node_get_object (node);

  if (!get_string (object, "phase", kind_path, &kind_name, error))
    return FALSE;

  if (!lento_phase_kind_from_string (kind_name, &kind))
    {
      g_autofree char *problem = NULL;

      /* Translators: a field of the plan's data, like “phases[2].phase”, then the value found
       * there.
       */
      problem = g_strdup_printf (_("A session template’s “%s” names a phase Lento does not "
                                   "know: “%s”."),
                                 kind_path, kind_name);
      return template_error (error, problem);
    }

  if (self->phases->len > 0 && get_phase (self, self->phases->len - 1)->kind >= kind)
    {
      g_autofree char *problem = NULL;

      /* Translators: %s names a field of the plan's data, like “phases[2].phase”. */
      problem = g_strdup_printf (_("A session template’s “%s” is out of order; phases follow "
                                   "settle, warm-up, entry, wear, cool-down, aftercare, each at "
                                   "most once."),
                                 kind_path);
      return template_error (error, problem);
    }

  if (!get_seconds (object, "seconds", seconds_path, TRUE,
                    1, LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS, &seconds, error))
    return FALSE;

  if (json_object_has_member (object, "max_seconds") && kind != LENTO_PHASE_KIND_WEAR)
    {
      g_autofree char *problem = NULL;

      /* Translators: %s names a field of the plan's data, like “phases[2].max_seconds”. */
      problem = g_strdup_printf (_("A session template’s “%s” is only allowed in the wear "
                                   "phase."),
                                 max_path);
      return template_error (error, problem);
    }

  if (!get_seconds (object, "max_seconds", max_path, FALSE,
                    seconds, LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS, &max_seconds, error))
    return FALSE;

  index = lento_session_template_add_phase (self, kind, seconds, max_seconds);

  return parse_cues (self, index, object, path, error);
}

/**
 * lento_session_template_new_from_json:
 * @node: a JSON object as described at the top of this file
 * @error: return location for a #LENTO_SESSION_ERROR_INVALID_TEMPLATE error
 *   whose message names the faulty field
 *
 * Reads and checks a template.
 *
 * Returns: (transfer full): a new #LentoSessionTemplate, or %NULL
 */
LentoSessionTemplate *
lento_session_template_new_from_json (JsonNode  *node,
                                      GError   **error)
{
  g_autoptr(LentoSessionTemplate) self = NULL;
  JsonObject *object;
  JsonNode *phases_node;
  JsonArray *phases;
  const char *id;
  const char *title;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!expect_type (node, JSON_NODE_OBJECT, "(template)", error))
    return NULL;

  object = json_node_get_object (node);

  if (!get_string (object, "id", "id", &id, error) ||
      !get_string (object, "title", "title", &title, error) ||
      !get_member (object, "phases", "phases", TRUE, &phases_node, error) ||
      !expect_type (phases_node, JSON_NODE_ARRAY, "phases", error))
    return NULL;

  phases = json_node_get_array (phases_node);
  if (json_array_get_length (phases) == 0)
    {
      template_error (error, _("A session template’s “phases” must list at least one phase."));
      return NULL;
    }

  self = lento_session_template_new (id, title);

  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      if (!parse_phase (self, json_array_get_element (phases, i), i, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * lento_session_template_to_json:
 * @self: a #LentoSessionTemplate
 *
 * Writes the template in the form lento_session_template_new_from_json()
 * reads.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
lento_session_template_to_json (LentoSessionTemplate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->phases->len; i++)
    {
      const Phase *phase = get_phase (self, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "phase");
      json_builder_add_string_value (builder, lento_phase_kind_to_string (phase->kind));
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_int_value (builder, phase->seconds);

      if (phase->max_seconds != 0)
        {
          json_builder_set_member_name (builder, "max_seconds");
          json_builder_add_int_value (builder, phase->max_seconds);
        }

      json_builder_set_member_name (builder, "cues");
      json_builder_begin_array (builder);

      for (guint j = 0; j < phase->cues->len; j++)
        {
          const Cue *cue = &g_array_index (phase->cues, Cue, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "at");
          json_builder_add_int_value (builder, cue->at);
          json_builder_set_member_name (builder, "cue");
          json_builder_add_string_value (builder, cue->cue_id);
          if (cue->when != LENTO_CUE_WHEN_ALWAYS)
            {
              json_builder_set_member_name (builder, "when");
              json_builder_add_string_value (builder, lento_cue_when_to_string (cue->when));
            }
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * lento_session_template_get_id:
 * @self: a #LentoSessionTemplate
 *
 * Returns: (transfer none): the template's stable identifier
 */
const char *
lento_session_template_get_id (LentoSessionTemplate *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), NULL);

  return self->id;
}

/**
 * lento_session_template_get_title:
 * @self: a #LentoSessionTemplate
 *
 * Returns: (transfer none): the title as the plan gives it
 */
const char *
lento_session_template_get_title (LentoSessionTemplate *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), NULL);

  return self->title;
}

/**
 * lento_session_template_get_n_phases:
 * @self: a #LentoSessionTemplate
 *
 * Returns: how many phases the template has
 */
guint
lento_session_template_get_n_phases (LentoSessionTemplate *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);

  return self->phases->len;
}

/**
 * lento_session_template_find_phase:
 * @self: a #LentoSessionTemplate
 * @kind: a #LentoPhaseKind
 *
 * Returns: the index of the phase of that kind, or -1 when there is none
 */
int
lento_session_template_find_phase (LentoSessionTemplate *self,
                                   LentoPhaseKind        kind)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), -1);

  for (guint i = 0; i < self->phases->len; i++)
    {
      if (get_phase (self, i)->kind == kind)
        return (int) i;
    }

  return -1;
}

/**
 * lento_session_template_get_total_seconds:
 * @self: a #LentoSessionTemplate
 *
 * Returns: how long the whole session lasts when nothing is extended
 */
guint
lento_session_template_get_total_seconds (LentoSessionTemplate *self)
{
  guint total = 0;

  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);

  for (guint i = 0; i < self->phases->len; i++)
    total += get_phase (self, i)->seconds;

  return total;
}

/**
 * lento_session_template_get_phase_kind:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 *
 * Returns: which phase it is
 */
LentoPhaseKind
lento_session_template_get_phase_kind (LentoSessionTemplate *self,
                                       guint                 phase)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);
  g_return_val_if_fail (phase < self->phases->len, 0);

  return get_phase (self, phase)->kind;
}

/**
 * lento_session_template_get_phase_seconds:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 *
 * Returns: the planned length of the phase in seconds
 */
guint
lento_session_template_get_phase_seconds (LentoSessionTemplate *self,
                                          guint                 phase)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);
  g_return_val_if_fail (phase < self->phases->len, 0);

  return get_phase (self, phase)->seconds;
}

/**
 * lento_session_template_get_phase_max_seconds:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 *
 * Returns: how long the phase may last when extended; the same as its
 *   seconds when it cannot be extended
 */
guint
lento_session_template_get_phase_max_seconds (LentoSessionTemplate *self,
                                              guint                 phase)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);
  g_return_val_if_fail (phase < self->phases->len, 0);

  return phase_limit (get_phase (self, phase));
}

/**
 * lento_session_template_get_n_cues:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 *
 * Returns: how many cues the phase has
 */
guint
lento_session_template_get_n_cues (LentoSessionTemplate *self,
                                   guint                 phase)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);
  g_return_val_if_fail (phase < self->phases->len, 0);

  return get_phase (self, phase)->cues->len;
}

/**
 * lento_session_template_get_cue_at:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 * @cue: the index of a cue in that phase
 *
 * Returns: seconds from the start of the phase
 */
guint
lento_session_template_get_cue_at (LentoSessionTemplate *self,
                                   guint                 phase,
                                   guint                 cue)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), 0);
  g_return_val_if_fail (phase < self->phases->len, 0);
  g_return_val_if_fail (cue < get_phase (self, phase)->cues->len, 0);

  return g_array_index (get_phase (self, phase)->cues, Cue, cue).at;
}

/**
 * lento_session_template_get_cue_id:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 * @cue: the index of a cue in that phase
 *
 * Returns: (transfer none): the cue's identifier
 */
const char *
lento_session_template_get_cue_id (LentoSessionTemplate *self,
                                   guint                 phase,
                                   guint                 cue)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), NULL);
  g_return_val_if_fail (phase < self->phases->len, NULL);
  g_return_val_if_fail (cue < get_phase (self, phase)->cues->len, NULL);

  return g_array_index (get_phase (self, phase)->cues, Cue, cue).cue_id;
}

/**
 * lento_session_template_get_cue_when:
 * @self: a #LentoSessionTemplate
 * @phase: the index of a phase
 * @cue: the index of a cue in that phase
 *
 * Returns: which sessions the cue is for
 */
LentoCueWhen
lento_session_template_get_cue_when (LentoSessionTemplate *self,
                                     guint                 phase,
                                     guint                 cue)
{
  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (self), LENTO_CUE_WHEN_ALWAYS);
  g_return_val_if_fail (phase < self->phases->len, LENTO_CUE_WHEN_ALWAYS);
  g_return_val_if_fail (cue < get_phase (self, phase)->cues->len, LENTO_CUE_WHEN_ALWAYS);

  return g_array_index (get_phase (self, phase)->cues, Cue, cue).when;
}
