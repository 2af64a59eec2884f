/* lento-session-save.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-session-private.h"

#define SAVED_VERSION 1
/* The last microsecond of year 9999, the end of what GDateTime holds. */
#define LAST_CALENDAR_USEC ((gint64) 253402300799 * G_USEC_PER_SEC + (G_USEC_PER_SEC - 1))

/**
 * lento_session_serialize:
 * @self: a #LentoSession
 *
 * Writes the session's state, anchored to this instant, for
 * lento_session_restore_from_json().
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
lento_session_serialize (LentoSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GEnumClass) state_class = NULL;
  g_autoptr(GEnumClass) end_class = NULL;
  LentoCueContext context;
  gint64 now;

  g_return_val_if_fail (LENTO_IS_SESSION (self), NULL);

  state_class = g_type_class_ref (LENTO_TYPE_SESSION_STATE);
  end_class = g_type_class_ref (LENTO_TYPE_SESSION_END);
  now = lento_clock_now (self->clock);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SAVED_VERSION);
  json_builder_set_member_name (builder, "template");
  json_builder_add_string_value (builder, lento_session_template_get_id (self->template));

  /* Which of the template's cues this session runs, so that it comes back
   * with the same ones.
   */
  if (lento_session_template_get_context (self->template, &context))
    {
      g_autoptr(GFlagsClass) context_class = g_type_class_ref (LENTO_TYPE_CUE_CONTEXT);

      json_builder_set_member_name (builder, "cues_for");
      json_builder_begin_array (builder);
      for (guint i = 0; i < context_class->n_values; i++)
        {
          if ((context & context_class->values[i].value) != 0)
            json_builder_add_string_value (builder, context_class->values[i].value_nick);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, g_enum_get_value (state_class, self->state)->value_nick);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_int_value (builder, self->phase);
  json_builder_set_member_name (builder, "next_cue");
  json_builder_add_int_value (builder, self->next_cue);
  json_builder_set_member_name (builder, "extension_seconds");
  json_builder_add_int_value (builder, self->extension_seconds);
  json_builder_set_member_name (builder, "urge_faded_minute");
  json_builder_add_int_value (builder, self->urge_faded_minute);
  json_builder_set_member_name (builder, "started_at_us");
  json_builder_add_int_value (builder, self->start_real);

  if (self->result != NULL)
    {
      json_builder_set_member_name (builder, "ended_by");
      json_builder_add_string_value (builder,
                                     g_enum_get_value (end_class,
                                                       self->result->ended_by)->value_nick);
      json_builder_set_member_name (builder, "ended_at_us");
      json_builder_add_int_value (builder,
                                  g_date_time_to_unix (self->result->end_time) * G_USEC_PER_SEC +
                                  g_date_time_get_microsecond (self->result->end_time));
    }

  /* The running segment is folded in, so that each number means "elapsed
   * as of the anchor below".
   */
  json_builder_set_member_name (builder, "elapsed_us");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_phases; i++)
    json_builder_add_int_value (builder,
                                i == self->phase ? _lento_session_raw_phase_elapsed (self, now)
                                                 : self->phase_elapsed[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "anchor");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "boot_id");
  json_builder_add_string_value (builder, lento_clock_get_boot_id (self->clock));
  json_builder_set_member_name (builder, "boottime_us");
  json_builder_add_int_value (builder, now);
  json_builder_set_member_name (builder, "realtime_us");
  json_builder_add_int_value (builder, lento_clock_now_real (self->clock));
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
saved_error (GError     **error,
             const char  *path)
{
  g_set_error (error, LENTO_SESSION_ERROR, LENTO_SESSION_ERROR_INVALID_SAVED_SESSION,
               /* Translators: %s names a field of the saved session, like “phase”. */
               _("The session in progress could not be resumed because its saved “%s” is not "
                 "valid. Please start a new session; your journal is not affected."),
               path);
  return FALSE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          const char  *path,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return saved_error (error, path);

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return saved_error (error, path);

  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *name,
           GType        type,
           int         *out,
           GError     **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  JsonNode *node = json_object_get_member (object, name);
  GEnumValue *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return saved_error (error, name);

  value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));
  if (value == NULL)
    return saved_error (error, name);

  *out = value->value;
  return TRUE;
}

/* Reads "cues_for"; *present tells whether the saved session has it. */
static gboolean
read_cue_context (JsonObject      *object,
                  gboolean        *present,
                  LentoCueContext *context,
                  GError         **error)
{
  g_autoptr(GFlagsClass) context_class = NULL;
  JsonNode *member = json_object_get_member (object, "cues_for");
  JsonArray *names;

  *present = member != NULL;
  *context = LENTO_CUE_CONTEXT_NONE;
  if (member == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (member))
    return saved_error (error, "cues_for");

  context_class = g_type_class_ref (LENTO_TYPE_CUE_CONTEXT);
  names = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);
      GFlagsValue *value;

      if (json_node_get_value_type (name) != G_TYPE_STRING)
        return saved_error (error, "cues_for");

      value = g_flags_get_value_by_nick (context_class, json_node_get_string (name));
      if (value == NULL)
        return saved_error (error, "cues_for");

      *context |= value->value;
    }

  return TRUE;
}

/**
 * lento_session_peek_saved_cue_context:
 * @node: a node written by lento_session_serialize()
 * @context: (out): where to store the context its cues were selected for
 *
 * Tells which of its template's cues a saved session ran (see
 * lento_session_template_select_cues()), so that the caller can make the
 * same template before calling lento_session_restore_from_json().
 *
 * Returns: %TRUE when the saved session names a valid context; %FALSE when
 *   it ran a template as a whole, as sessions saved before cues had
 *   contexts did
 */
gboolean
lento_session_peek_saved_cue_context (JsonNode        *node,
                                      LentoCueContext *context)
{
  gboolean present;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (context != NULL, FALSE);

  *context = LENTO_CUE_CONTEXT_NONE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  return read_cue_context (json_node_get_object (node), &present, context, NULL) && present;
}

/**
 * lento_session_peek_saved_template_id:
 * @node: a node written by lento_session_serialize()
 *
 * Tells which template a saved session ran, so that the caller can find it
 * before calling lento_session_restore_from_json().
 *
 * Returns: (transfer none) (nullable): the template id, or %NULL when @node
 *   does not look like a saved session
 */
const char *
lento_session_peek_saved_template_id (JsonNode *node)
{
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  member = json_object_get_member (json_node_get_object (node), "template");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

/**
 * lento_session_restore_from_json:
 * @template: the template the saved session ran
 * @clock: (nullable): the clock to read, or %NULL for the system clock
 * @node: a node written by lento_session_serialize()
 * @error: return location for a #LENTO_SESSION_ERROR_INVALID_SAVED_SESSION
 *   error naming the faulty field
 *
 * Brings a saved session back. A session saved while running counts the
 * time since it was saved as running time (see the top of lento-session.c
 * for how that time is measured). Events that fell due meanwhile are processed
 * on the next main-loop iteration (or fake clock advance), after the
 * caller has had the chance to connect to the signals.
 *
 * Returns: (transfer full): the session, or %NULL
 */
LentoSession *
lento_session_restore_from_json (LentoSessionTemplate  *template,
                                 LentoClock            *clock,
                                 JsonNode              *node,
                                 GError               **error)
{
  g_autoptr(LentoSession) self = NULL;
  JsonObject *object;
  JsonObject *anchor;
  JsonNode *member;
  JsonArray *elapsed;
  const char *boot_id;
  gint64 value;
  gint64 anchor_boottime;
  gint64 anchor_realtime;
  gint64 ended_at = 0;
  int state;
  int ended_by = LENTO_SESSION_END_STOPPED;
  LentoCueContext context;
  LentoCueContext template_context;
  gboolean has_context;
  guint n_phases;

  g_return_val_if_fail (LENTO_IS_SESSION_TEMPLATE (template), NULL);
  g_return_val_if_fail (clock == NULL || LENTO_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      saved_error (error, "(session)");
      return NULL;
    }

  object = json_node_get_object (node);
  self = lento_session_new (template, clock);
  n_phases = self->n_phases;

  if (!read_int (object, "version", "version", SAVED_VERSION, SAVED_VERSION, &value, error))
    return NULL;

  if (g_strcmp0 (lento_session_peek_saved_template_id (node),
                 lento_session_template_get_id (template)) != 0)
    {
      saved_error (error, "template");
      return NULL;
    }

  /* A session that names its cues comes back with those very cues, or not
   * at all: its cue count would point elsewhere. One saved before cues had
   * contexts takes whichever template it is given.
   */
  if (!read_cue_context (object, &has_context, &context, error))
    return NULL;
  if (has_context && (!lento_session_template_get_context (template, &template_context)
                      || template_context != context))
    {
      saved_error (error, "cues_for");
      return NULL;
    }

  if (!read_enum (object, "state", LENTO_TYPE_SESSION_STATE, &state, error))
    return NULL;

  if (!read_int (object, "phase", "phase", 0, n_phases - 1, &value, error))
    return NULL;
  self->phase = (guint) value;

  if (!read_int (object, "next_cue", "next_cue", 0,
                 lento_session_template_get_n_cues (template, self->phase), &value, error))
    return NULL;
  self->next_cue = (guint) value;

  if (!read_int (object, "extension_seconds", "extension_seconds", 0,
                 self->wear_index < 0 ? 0 :
                 lento_session_template_get_phase_max_seconds (template, self->wear_index) -
                 lento_session_template_get_phase_seconds (template, self->wear_index),
                 &value, error))
    return NULL;
  self->extension_seconds = (guint) value;

  if (!read_int (object, "urge_faded_minute", "urge_faded_minute", -1,
                 LENTO_SESSION_TEMPLATE_MAX_PHASE_SECONDS / 60, &value, error))
    return NULL;
  self->urge_faded_minute = (int) value;

  if (!read_int (object, "started_at_us", "started_at_us", 0, LAST_CALENDAR_USEC, &value, error))
    return NULL;
  self->start_real = value;

  member = json_object_get_member (object, "elapsed_us");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) ||
      json_array_get_length (json_node_get_array (member)) != n_phases)
    {
      saved_error (error, "elapsed_us");
      return NULL;
    }

  elapsed = json_node_get_array (member);
  for (guint i = 0; i < n_phases; i++)
    {
      JsonNode *element = json_array_get_element (elapsed, i);
      gint64 limit = lento_session_template_get_phase_max_seconds (template, i);
      g_autofree char *path = g_strdup_printf ("elapsed_us[%u]", i);

      /* The current phase may have run past its end while nobody was
       * there to notice; the others are within their length.
       */
      if (i == self->phase && state == LENTO_SESSION_STATE_RUNNING)
        limit = G_MAXINT64 / 4;
      else
        limit *= G_USEC_PER_SEC;

      if (json_node_get_value_type (element) != G_TYPE_INT64 ||
          json_node_get_int (element) < 0 || json_node_get_int (element) > limit)
        {
          saved_error (error, path);
          return NULL;
        }

      self->phase_elapsed[i] = json_node_get_int (element);
    }

  member = json_object_get_member (object, "anchor");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      saved_error (error, "anchor");
      return NULL;
    }

  anchor = json_node_get_object (member);
  member = json_object_get_member (anchor, "boot_id");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      saved_error (error, "anchor.boot_id");
      return NULL;
    }
  boot_id = json_node_get_string (member);

  /* The wall clock of the save is a calendar time like the start: the
   * time away after a reboot is counted from it, and a stale session ends
   * at it. Any other value is damage (and would overflow that count).
   */
  if (!read_int (anchor, "boottime_us", "anchor.boottime_us", 0, G_MAXINT64,
                 &anchor_boottime, error) ||
      !read_int (anchor, "realtime_us", "anchor.realtime_us", 0, LAST_CALENDAR_USEC,
                 &anchor_realtime, error))
    return NULL;

  if (state == LENTO_SESSION_STATE_FINISHED || state == LENTO_SESSION_STATE_STOPPED)
    {
      if (!read_enum (object, "ended_by", LENTO_TYPE_SESSION_END, &ended_by, error) ||
          !read_int (object, "ended_at_us", "ended_at_us", 0, LAST_CALENDAR_USEC,
                     &ended_at, error))
        return NULL;

      if ((state == LENTO_SESSION_STATE_FINISHED) != (ended_by == LENTO_SESSION_END_COMPLETED))
        {
          saved_error (error, "ended_by");
          return NULL;
        }
    }

  self->state = state;

  if (state == LENTO_SESSION_STATE_RUNNING)
    {
      gint64 now = lento_clock_now (self->clock);
      gint64 away;

      if (g_strcmp0 (boot_id, lento_clock_get_boot_id (self->clock)) == 0)
        away = now - anchor_boottime;
      else
        away = lento_clock_now_real (self->clock) - anchor_realtime;

      gint64 planned = ((gint64) lento_session_template_get_total_seconds (template) +
                        self->extension_seconds) * G_USEC_PER_SEC;
      gint64 total;

      /* A wall clock set back, or a boot time that went backwards (which
       * would mean a mislabelled boot), cannot give a person negative time.
       */
      away = MAX (away, 0);
      self->segment_start = now - away;

      /* Gone for longer than the whole session could still be running:
       * nobody knows what happened after the save, so the session is not
       * resumed (and not called completed); it ends where the saved state
       * ends, and the person is offered to record it.
       */
      total = away;
      for (guint i = 0; i < n_phases; i++)
        total += self->phase_elapsed[i];

      if (total > planned + LENTO_SESSION_STALE_MARGIN_USEC)
        {
          /* A running save may hold more than the phase lasts (it ended
           * while nobody noticed); stopped, the phase holds at most its
           * length, as a later restore requires.
           */
          self->phase_elapsed[self->phase] = MIN (self->phase_elapsed[self->phase],
                                                  lento_session_get_phase_duration (self));
          self->segment_start = now;
          self->state = LENTO_SESSION_STATE_STOPPED;
          self->interrupted = TRUE;
          self->result = _lento_session_build_result (self, LENTO_SESSION_END_STOPPED,
                                                      anchor_realtime);
        }
      else
        _lento_session_reschedule (self);
    }
  else if (state == LENTO_SESSION_STATE_FINISHED || state == LENTO_SESSION_STATE_STOPPED)
    {
      self->result = _lento_session_build_result (self, ended_by, ended_at);
    }

  return g_steal_pointer (&self);
}
