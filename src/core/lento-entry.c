/* lento-entry.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-entry"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "lento-core-error.h"
#include "lento-entry.h"
#include "lento-entry-private.h"

G_DEFINE_FINAL_TYPE (LentoEntry, lento_entry, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LentoResistance, lento_resistance,
                    G_DEFINE_ENUM_VALUE (LENTO_RESISTANCE_UNSET, "unset"),
                    G_DEFINE_ENUM_VALUE (LENTO_RESISTANCE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (LENTO_RESISTANCE_SLIGHT, "slight"),
                    G_DEFINE_ENUM_VALUE (LENTO_RESISTANCE_MODERATE, "moderate"),
                    G_DEFINE_ENUM_VALUE (LENTO_RESISTANCE_STRONG, "strong"))

G_DEFINE_ENUM_TYPE (LentoBleeding, lento_bleeding,
                    G_DEFINE_ENUM_VALUE (LENTO_BLEEDING_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (LENTO_BLEEDING_SPOTTING, "spotting"),
                    G_DEFINE_ENUM_VALUE (LENTO_BLEEDING_SIGNIFICANT, "significant"))

G_DEFINE_ENUM_TYPE (LentoEntryKind, lento_entry_kind,
                    G_DEFINE_ENUM_VALUE (LENTO_ENTRY_KIND_SESSION, "session"),
                    G_DEFINE_ENUM_VALUE (LENTO_ENTRY_KIND_REST, "rest"),
                    G_DEFINE_ENUM_VALUE (LENTO_ENTRY_KIND_CLINICIAN_NOTE, "clinician-note"))

enum {
  PROP_0,
  PROP_UUID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_START,
  PROP_KIND,
  PROP_STAGE,
  PROP_TOOL,
  PROP_DIAMETER,
  PROP_LUBE,
  PROP_DURATION,
  PROP_WEAR,
  PROP_RESISTANCE,
  PROP_COMFORT,
  PROP_PAIN,
  PROP_SHARP_PAIN,
  PROP_BLEEDING,
  PROP_URGE_FADED,
  PROP_RELAXATION,
  PROP_NOTES,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
_lento_entry_enum_from_nick (GType       type,
                             const char *nick,
                             int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  /* Reading a journal asks this three times per entry. The class of a
   * static type lives as long as the program once it exists, so the
   * reference taken when it does not yet is never dropped.
   */
  klass = g_type_class_peek_static (type);
  if (klass == NULL)
    klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
lento_resistance_to_string (LentoResistance resistance)
{
  return enum_to_nick (LENTO_TYPE_RESISTANCE, resistance);
}

gboolean
lento_resistance_from_string (const char      *nick,
                              LentoResistance *resistance)
{
  int value;

  g_return_val_if_fail (resistance != NULL, FALSE);

  if (!_lento_entry_enum_from_nick (LENTO_TYPE_RESISTANCE, nick, &value))
    return FALSE;
  *resistance = value;
  return TRUE;
}

const char *
lento_resistance_get_label (LentoResistance resistance)
{
  switch (resistance)
    {
    case LENTO_RESISTANCE_UNSET:
      return C_("resistance", "Not recorded");
    case LENTO_RESISTANCE_NONE:
      return C_("resistance", "None");
    case LENTO_RESISTANCE_SLIGHT:
      return C_("resistance", "Slight");
    case LENTO_RESISTANCE_MODERATE:
      return C_("resistance", "Moderate");
    case LENTO_RESISTANCE_STRONG:
      return C_("resistance", "Strong");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lento_bleeding_to_string (LentoBleeding bleeding)
{
  return enum_to_nick (LENTO_TYPE_BLEEDING, bleeding);
}

gboolean
lento_bleeding_from_string (const char    *nick,
                            LentoBleeding *bleeding)
{
  int value;

  g_return_val_if_fail (bleeding != NULL, FALSE);

  if (!_lento_entry_enum_from_nick (LENTO_TYPE_BLEEDING, nick, &value))
    return FALSE;
  *bleeding = value;
  return TRUE;
}

const char *
lento_bleeding_get_label (LentoBleeding bleeding)
{
  switch (bleeding)
    {
    case LENTO_BLEEDING_NONE:
      return C_("bleeding", "None");
    case LENTO_BLEEDING_SPOTTING:
      return C_("bleeding", "Spotting");
    case LENTO_BLEEDING_SIGNIFICANT:
      return C_("bleeding", "Significant");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lento_entry_kind_to_string (LentoEntryKind kind)
{
  return enum_to_nick (LENTO_TYPE_ENTRY_KIND, kind);
}

gboolean
lento_entry_kind_from_string (const char     *nick,
                              LentoEntryKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!_lento_entry_enum_from_nick (LENTO_TYPE_ENTRY_KIND, nick, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
lento_entry_kind_get_label (LentoEntryKind kind)
{
  switch (kind)
    {
    case LENTO_ENTRY_KIND_SESSION:
      return C_("entry kind", "Session");
    case LENTO_ENTRY_KIND_REST:
      return C_("entry kind", "Rest");
    case LENTO_ENTRY_KIND_CLINICIAN_NOTE:
      return C_("entry kind", "Clinician note");
    default:
      g_return_val_if_reached (NULL);
    }
}

static GDateTime *
now_utc (void)
{
  return g_date_time_new_now_utc ();
}

static gboolean
date_time_identical (GDateTime *a,
                     GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  /* The offset matters as well as the instant: it decides the month
   * document a start time belongs to.
   */
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

gboolean
_lento_entry_set_date_time (GDateTime **field,
                            GDateTime  *value,
                            gboolean    to_utc)
{
  g_autoptr(GDateTime) stored = NULL;

  if (value != NULL)
    stored = to_utc ? g_date_time_to_utc (value) : g_date_time_ref (value);

  if (date_time_identical (*field, stored))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = g_steal_pointer (&stored);
  return TRUE;
}

static void
forget_unknown_value (LentoEntry *self,
                      const char *key)
{
  if (self->unknown != NULL && json_object_has_member (self->unknown, key))
    {
      json_object_remove_member (self->unknown, key);
      self->revision++;
    }
}

/* Every setter notifies, so this is the one place that sees every change. */
static void
lento_entry_dispatch_properties_changed (GObject     *object,
                                         guint        n_pspecs,
                                         GParamSpec **pspecs)
{
  LentoEntry *self = LENTO_ENTRY (object);

  self->revision++;

  G_OBJECT_CLASS (lento_entry_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
}

static void
lento_entry_constructed (GObject *object)
{
  LentoEntry *self = (LentoEntry *)object;

  G_OBJECT_CLASS (lento_entry_parent_class)->constructed (object);

  if (self->uuid == NULL)
    self->uuid = g_uuid_string_random ();
  if (self->created == NULL)
    self->created = now_utc ();
  if (self->modified == NULL)
    self->modified = g_date_time_ref (self->created);
  if (self->start == NULL)
    self->start = g_date_time_new_now_local ();
}

static void
lento_entry_finalize (GObject *object)
{
  LentoEntry *self = (LentoEntry *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->tool, g_free);
  g_clear_pointer (&self->lube, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (lento_entry_parent_class)->finalize (object);
}

static void
lento_entry_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LentoEntry *self = LENTO_ENTRY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;
    case PROP_DIAMETER:
      g_value_set_double (value, self->diameter);
      break;
    case PROP_LUBE:
      g_value_set_string (value, self->lube);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case PROP_WEAR:
      g_value_set_uint (value, self->wear);
      break;
    case PROP_RESISTANCE:
      g_value_set_enum (value, self->resistance);
      break;
    case PROP_COMFORT:
      g_value_set_int (value, self->comfort);
      break;
    case PROP_PAIN:
      g_value_set_int (value, self->pain);
      break;
    case PROP_SHARP_PAIN:
      g_value_set_boolean (value, self->sharp_pain);
      break;
    case PROP_BLEEDING:
      g_value_set_enum (value, self->bleeding);
      break;
    case PROP_URGE_FADED:
      g_value_set_int (value, self->urge_faded);
      break;
    case PROP_RELAXATION:
      g_value_set_int (value, self->relaxation);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_entry_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LentoEntry *self = LENTO_ENTRY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      /* Construct-only: an entry keeps its UUID for life. */
      g_assert (self->uuid == NULL);
      self->uuid = g_value_dup_string (value);
      break;
    case PROP_CREATED:
      _lento_entry_set_date_time (&self->created, g_value_get_boxed (value), TRUE);
      break;
    case PROP_MODIFIED:
      lento_entry_set_modified (self, g_value_get_boxed (value));
      break;
    case PROP_START:
      /* The first start is given while constructing, when nobody can be
       * listening yet: no notification, which would cost every entry
       * read from a journal a signal emission under GObject's locks.
       */
      if (self->start == NULL && g_value_get_boxed (value) != NULL)
        self->start = g_value_dup_boxed (value);
      else
        lento_entry_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_KIND:
      lento_entry_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STAGE:
      lento_entry_set_stage (self, g_value_get_string (value));
      break;
    case PROP_TOOL:
      lento_entry_set_tool (self, g_value_get_string (value));
      break;
    case PROP_DIAMETER:
      lento_entry_set_diameter (self, g_value_get_double (value));
      break;
    case PROP_LUBE:
      lento_entry_set_lube (self, g_value_get_string (value));
      break;
    case PROP_DURATION:
      lento_entry_set_duration (self, g_value_get_uint (value));
      break;
    case PROP_WEAR:
      lento_entry_set_wear (self, g_value_get_uint (value));
      break;
    case PROP_RESISTANCE:
      lento_entry_set_resistance (self, g_value_get_enum (value));
      break;
    case PROP_COMFORT:
      lento_entry_set_comfort (self, g_value_get_int (value));
      break;
    case PROP_PAIN:
      lento_entry_set_pain (self, g_value_get_int (value));
      break;
    case PROP_SHARP_PAIN:
      lento_entry_set_sharp_pain (self, g_value_get_boolean (value));
      break;
    case PROP_BLEEDING:
      lento_entry_set_bleeding (self, g_value_get_enum (value));
      break;
    case PROP_URGE_FADED:
      lento_entry_set_urge_faded (self, g_value_get_int (value));
      break;
    case PROP_RELAXATION:
      lento_entry_set_relaxation (self, g_value_get_int (value));
      break;
    case PROP_NOTES:
      lento_entry_set_notes (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      lento_entry_set_tags (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_entry_class_init (LentoEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = lento_entry_constructed;
  object_class->finalize = lento_entry_finalize;
  object_class->get_property = lento_entry_get_property;
  object_class->set_property = lento_entry_set_property;
  object_class->dispatch_properties_changed = lento_entry_dispatch_properties_changed;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, construct_only);
  properties [PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, construct_only);
  properties [PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, rw);
  /* Set while constructing, so that an entry read from JSON never looks
   * up the local time zone for a default it does not need.
   */
  properties [PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw | G_PARAM_CONSTRUCT);
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LENTO_TYPE_ENTRY_KIND, LENTO_ENTRY_KIND_SESSION, rw);
  properties [PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL, rw);
  properties [PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, NULL, rw);
  /* Ranges are wide on purpose: the editor may hold an out-of-range value
   * for a moment, and lento_entry_validate() is what explains the bounds.
   */
  properties [PROP_DIAMETER] =
    g_param_spec_double ("diameter", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties [PROP_LUBE] =
    g_param_spec_string ("lube", NULL, NULL, NULL, rw);
  properties [PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties [PROP_WEAR] =
    g_param_spec_uint ("wear", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties [PROP_RESISTANCE] =
    g_param_spec_enum ("resistance", NULL, NULL, LENTO_TYPE_RESISTANCE,
                       LENTO_RESISTANCE_UNSET, rw);
  properties [PROP_COMFORT] =
    g_param_spec_int ("comfort", NULL, NULL, G_MININT, G_MAXINT, LENTO_ENTRY_UNSET, rw);
  properties [PROP_PAIN] =
    g_param_spec_int ("pain", NULL, NULL, G_MININT, G_MAXINT, LENTO_ENTRY_UNSET, rw);
  properties [PROP_SHARP_PAIN] =
    g_param_spec_boolean ("sharp-pain", NULL, NULL, FALSE, rw);
  properties [PROP_BLEEDING] =
    g_param_spec_enum ("bleeding", NULL, NULL, LENTO_TYPE_BLEEDING, LENTO_BLEEDING_NONE, rw);
  properties [PROP_URGE_FADED] =
    g_param_spec_int ("urge-faded", NULL, NULL, G_MININT, G_MAXINT, LENTO_ENTRY_UNSET, rw);
  properties [PROP_RELAXATION] =
    g_param_spec_int ("relaxation", NULL, NULL, G_MININT, G_MAXINT, LENTO_ENTRY_UNSET, rw);
  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* How it felt starts unanswered: a session nobody described is never a
 * calm one (see lento_entry_has_how_it_felt()).
 */
static void
lento_entry_init (LentoEntry *self)
{
  self->resistance = LENTO_RESISTANCE_UNSET;
  self->comfort = LENTO_ENTRY_UNSET;
  self->pain = LENTO_ENTRY_UNSET;
  self->urge_faded = LENTO_ENTRY_UNSET;
  self->relaxation = LENTO_ENTRY_UNSET;
}

/**
 * lento_entry_new:
 * @start: (nullable): when the session started; %NULL for now
 *
 * Makes a new session entry with a fresh UUID, created and modified now.
 * How it felt (comfort, pain, resistance) starts not recorded.
 */
LentoEntry *
lento_entry_new (GDateTime *start)
{
  return g_object_new (LENTO_TYPE_ENTRY, "start", start, NULL);
}

/**
 * lento_entry_get_revision:
 * @self: a #LentoEntry
 *
 * A number that changes whenever the entry does, through any setter. What
 * was made from the entry, such as its JSON, is still right while the
 * revision is the same.
 *
 * Returns: the revision
 */
guint64
lento_entry_get_revision (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), 0);

  return self->revision;
}

/* The copy gets its own container for the unknown members, because setting
 * an enum removes its raw value from there. The member values themselves
 * are never changed, so they may be shared.
 */
static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_copy (member));

  return copy;
}

/**
 * lento_entry_copy:
 * @self: a #LentoEntry
 *
 * Copies every field, the UUID and the unknown members included. The
 * editor works on a copy and hands it to lento_journal_replace().
 *
 * Returns: (transfer full): a new entry equal to @self
 */
LentoEntry *
lento_entry_copy (LentoEntry *self)
{
  LentoEntry *copy;

  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);

  copy = g_object_new (LENTO_TYPE_ENTRY,
                       "uuid", self->uuid,
                       "created", self->created,
                       "start", self->start,
                       NULL);
  _lento_entry_set_date_time (&copy->modified, self->modified, TRUE);
  copy->kind = self->kind;
  copy->stage = g_strdup (self->stage);
  copy->tool = g_strdup (self->tool);
  copy->diameter = self->diameter;
  copy->lube = g_strdup (self->lube);
  copy->duration = self->duration;
  copy->wear = self->wear;
  copy->resistance = self->resistance;
  copy->comfort = self->comfort;
  copy->pain = self->pain;
  copy->sharp_pain = self->sharp_pain;
  copy->bleeding = self->bleeding;
  copy->urge_faded = self->urge_faded;
  copy->relaxation = self->relaxation;
  copy->notes = g_strdup (self->notes);
  copy->tags = g_strdupv (self->tags);

  if (self->unknown != NULL)
    copy->unknown = copy_object (self->unknown);

  return copy;
}

static gboolean
tags_equal (GStrv a,
            GStrv b)
{
  guint na = a != NULL ? g_strv_length (a) : 0;
  guint nb = b != NULL ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
unknown_equal (JsonObject *a,
               JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;
  return json_object_equal (a, b);
}

/**
 * lento_entry_equal:
 * @a: a #LentoEntry
 * @b: a #LentoEntry
 *
 * Compares every field, the times to the microsecond with their offsets,
 * and the unknown members.
 *
 * Returns: %TRUE if @a and @b would be written as the same JSON
 */
gboolean
lento_entry_equal (LentoEntry *a,
                   LentoEntry *b)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (a), FALSE);
  g_return_val_if_fail (LENTO_IS_ENTRY (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->uuid, b->uuid) == 0 &&
         date_time_identical (a->created, b->created) &&
         date_time_identical (a->modified, b->modified) &&
         date_time_identical (a->start, b->start) &&
         a->kind == b->kind &&
         g_strcmp0 (a->stage, b->stage) == 0 &&
         g_strcmp0 (a->tool, b->tool) == 0 &&
         a->diameter == b->diameter &&
         g_strcmp0 (a->lube, b->lube) == 0 &&
         a->duration == b->duration &&
         a->wear == b->wear &&
         a->resistance == b->resistance &&
         a->comfort == b->comfort &&
         a->pain == b->pain &&
         !a->sharp_pain == !b->sharp_pain &&
         a->bleeding == b->bleeding &&
         a->urge_faded == b->urge_faded &&
         a->relaxation == b->relaxation &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         tags_equal (a->tags, b->tags) &&
         unknown_equal (a->unknown, b->unknown);
}

static gboolean
score_in_bounds (int value)
{
  return value == LENTO_ENTRY_UNSET ||
         (value >= LENTO_ENTRY_MIN_SCORE && value <= LENTO_ENTRY_MAX_SCORE);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_ENTRY, message);
  return FALSE;
}

/**
 * lento_entry_validate:
 * @self: a #LentoEntry
 * @now: the current time
 * @error: where to put a sentence that says what to change
 *
 * Checks what the editor cannot express with its widgets alone: the wear
 * time fits within the session, the start is not in the future, scores are
 * 0 to 10 (or not recorded), and a session's diameter is above 0 and below
 * 100 mm. The first problem found is reported.
 *
 * Returns: %TRUE if the entry can be saved
 */
gboolean
lento_entry_validate (LentoEntry  *self,
                      GDateTime   *now,
                      GError     **error)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_date_time_compare (self->start, now) > 0)
    return invalid (error, _("The start time is in the future. Choose a time that has passed."));

  if (self->wear > self->duration)
    return invalid (error, _("The wear time is longer than the whole session. "
                             "Shorten the wear time or lengthen the session."));

  if (self->kind == LENTO_ENTRY_KIND_SESSION && !(self->diameter > 0.0))
    return invalid (error, _("The size is missing. Enter the diameter of the tool you used."));

  if (self->diameter < 0.0 || self->diameter >= LENTO_ENTRY_MAX_DIAMETER_MM)
    return invalid (error, _("The diameter must be more than 0 and less than 100 mm. "
                             "Check the size of the tool."));

  if (!score_in_bounds (self->comfort))
    return invalid (error, _("Comfort must be between 0 and 10. Choose a value on the scale."));

  if (!score_in_bounds (self->pain))
    return invalid (error, _("Pain must be between 0 and 10. Choose a value on the scale."));

  if (!score_in_bounds (self->relaxation))
    return invalid (error, _("Relaxation must be between 0 and 10. Choose a value on the scale."));

  if (self->urge_faded != LENTO_ENTRY_UNSET &&
      (self->urge_faded < 0 || (guint64)self->urge_faded * 60 > self->duration))
    return invalid (error, _("The minute the urge faded is outside the session. "
                             "Choose a minute within the session, or leave it empty."));

  return TRUE;
}

/**
 * lento_entry_touch:
 * @self: a #LentoEntry
 * @now: (nullable): the time of the change; %NULL for now
 *
 * Records that the entry was changed. The modified time only moves
 * forward, so the newest copy of an entry always wins when duplicates meet.
 */
void
lento_entry_touch (LentoEntry *self,
                   GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_if_fail (LENTO_IS_ENTRY (self));

  when = now != NULL ? g_date_time_to_utc (now) : now_utc ();
  if (g_date_time_compare (when, self->modified) <= 0)
    {
      g_date_time_unref (when);
      when = g_date_time_add (self->modified, 1);
    }

  lento_entry_set_modified (self, when);
}

/**
 * lento_entry_dup_month:
 * @self: a #LentoEntry
 *
 * The month the entry belongs to, as "YYYY-MM", read from the start time
 * with the offset it was recorded with, so it never changes with the
 * time zone of the computer.
 *
 * Returns: (transfer full): the month
 */
char *
lento_entry_dup_month (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);

  return g_strdup_printf ("%04d-%02d",
                          g_date_time_get_year (self->start),
                          g_date_time_get_month (self->start));
}

const char *
lento_entry_get_uuid (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->uuid;
}

GDateTime *
lento_entry_get_created (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->created;
}

GDateTime *
lento_entry_get_modified (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->modified;
}

void
lento_entry_set_modified (LentoEntry *self,
                          GDateTime  *modified)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  g_return_if_fail (modified != NULL);

  if (_lento_entry_set_date_time (&self->modified, modified, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

GDateTime *
lento_entry_get_start (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->start;
}

void
lento_entry_set_start (LentoEntry *self,
                       GDateTime  *start)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (LENTO_IS_ENTRY (self));

  /* The start may be unset only while constructing; constructed() fills it. */
  if (start == NULL)
    {
      if (self->start != NULL)
        return;
      now = g_date_time_new_now_local ();
      start = now;
    }

  if (_lento_entry_set_date_time (&self->start, start, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
}

LentoEntryKind
lento_entry_get_kind (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_ENTRY_KIND_SESSION);
  return self->kind;
}

void
lento_entry_set_kind (LentoEntry     *self,
                      LentoEntryKind  kind)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      forget_unknown_value (self, KEY_KIND);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
    }
}

static void
set_string (LentoEntry  *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
    }
}

static void
set_int (LentoEntry *self,
         int        *field,
         int         value,
         guint       prop_id)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
    }
}

const char *
lento_entry_get_stage (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->stage;
}

void
lento_entry_set_stage (LentoEntry *self,
                       const char *stage)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_string (self, &self->stage, stage, PROP_STAGE);
}

const char *
lento_entry_get_tool (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->tool;
}

void
lento_entry_set_tool (LentoEntry *self,
                      const char *tool)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_string (self, &self->tool, tool, PROP_TOOL);
}

double
lento_entry_get_diameter (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), 0.0);
  return self->diameter;
}

void
lento_entry_set_diameter (LentoEntry *self,
                          double      diameter_mm)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  g_return_if_fail (isfinite (diameter_mm));

  if (self->diameter != diameter_mm)
    {
      self->diameter = diameter_mm;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIAMETER]);
    }
}

const char *
lento_entry_get_lube (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->lube;
}

void
lento_entry_set_lube (LentoEntry *self,
                      const char *lube)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_string (self, &self->lube, lube, PROP_LUBE);
}

guint
lento_entry_get_duration (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), 0);
  return self->duration;
}

void
lento_entry_set_duration (LentoEntry *self,
                          guint       seconds)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  if (self->duration != seconds)
    {
      self->duration = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DURATION]);
    }
}

guint
lento_entry_get_wear (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), 0);
  return self->wear;
}

void
lento_entry_set_wear (LentoEntry *self,
                      guint       seconds)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  if (self->wear != seconds)
    {
      self->wear = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEAR]);
    }
}

LentoResistance
lento_entry_get_resistance (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_RESISTANCE_UNSET);
  return self->resistance;
}

void
lento_entry_set_resistance (LentoEntry      *self,
                            LentoResistance  resistance)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  if (self->resistance != resistance)
    {
      self->resistance = resistance;
      forget_unknown_value (self, KEY_RESISTANCE);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESISTANCE]);
    }
}

int
lento_entry_get_comfort (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_ENTRY_UNSET);
  return self->comfort;
}

void
lento_entry_set_comfort (LentoEntry *self,
                         int         comfort)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_int (self, &self->comfort, comfort, PROP_COMFORT);
}

int
lento_entry_get_pain (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_ENTRY_UNSET);
  return self->pain;
}

void
lento_entry_set_pain (LentoEntry *self,
                      int         pain)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_int (self, &self->pain, pain, PROP_PAIN);
}

gboolean
lento_entry_get_sharp_pain (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), FALSE);
  return self->sharp_pain;
}

void
lento_entry_set_sharp_pain (LentoEntry *self,
                            gboolean    sharp_pain)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  sharp_pain = !!sharp_pain;
  if (self->sharp_pain != sharp_pain)
    {
      self->sharp_pain = sharp_pain;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHARP_PAIN]);
    }
}

LentoBleeding
lento_entry_get_bleeding (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_BLEEDING_NONE);
  return self->bleeding;
}

void
lento_entry_set_bleeding (LentoEntry    *self,
                          LentoBleeding  bleeding)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  if (self->bleeding != bleeding)
    {
      self->bleeding = bleeding;
      forget_unknown_value (self, KEY_BLEEDING);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLEEDING]);
    }
}

int
lento_entry_get_urge_faded (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_ENTRY_UNSET);
  return self->urge_faded;
}

void
lento_entry_set_urge_faded (LentoEntry *self,
                            int         minute)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_int (self, &self->urge_faded, minute, PROP_URGE_FADED);
}

int
lento_entry_get_relaxation (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), LENTO_ENTRY_UNSET);
  return self->relaxation;
}

void
lento_entry_set_relaxation (LentoEntry *self,
                            int         relaxation)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_int (self, &self->relaxation, relaxation, PROP_RELAXATION);
}

const char *
lento_entry_get_notes (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return self->notes;
}

void
lento_entry_set_notes (LentoEntry *self,
                       const char *notes)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));
  set_string (self, &self->notes, notes, PROP_NOTES);
}

/**
 * lento_entry_get_tags:
 * @self: a #LentoEntry
 *
 * Returns: (nullable) (transfer none): the tags, or %NULL when there are none
 */
const char * const *
lento_entry_get_tags (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), NULL);
  return (const char * const *)self->tags;
}

void
lento_entry_set_tags (LentoEntry         *self,
                      const char * const *tags)
{
  g_return_if_fail (LENTO_IS_ENTRY (self));

  /* An empty list and no list are the same thing. */
  if (tags != NULL && tags[0] == NULL)
    tags = NULL;

  if (!tags_equal (self->tags, (GStrv)tags))
    {
      g_strfreev (self->tags);
      self->tags = g_strdupv ((char **)tags);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS]);
    }
}

gboolean
lento_entry_has_tag (LentoEntry *self,
                     const char *tag)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return self->tags != NULL && g_strv_contains ((const char * const *)self->tags, tag);
}

/**
 * lento_entry_has_how_it_felt:
 * @self: a #LentoEntry
 *
 * Whether the person answered the three questions of How It Felt:
 * comfort, pain and resistance. A session without all three still happened,
 * but nobody can say it was calm, so it never counts towards moving on.
 *
 * Returns: %TRUE if comfort, pain and resistance are recorded
 */
gboolean
lento_entry_has_how_it_felt (LentoEntry *self)
{
  g_return_val_if_fail (LENTO_IS_ENTRY (self), FALSE);

  return self->comfort != LENTO_ENTRY_UNSET
         && self->pain != LENTO_ENTRY_UNSET
         && self->resistance != LENTO_RESISTANCE_UNSET;
}
