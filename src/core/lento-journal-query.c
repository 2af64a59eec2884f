/* lento-journal-query.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-journal-query"

#include "config.h"

#include <string.h>

#include "lento-journal-query.h"

/* A search and a set of filters over journal entries. The journal view
 * wraps lento_journal_query_matches() in a GtkCustomFilter and calls
 * gtk_filter_changed() on the "changed" signal; the core needs no GTK.
 */
struct _LentoJournalQuery
{
  GObject            parent_instance;

  /* Owned */
  char              *text;
  GStrv              folded_words;    /* the text folded and split, or NULL */
  GDateTime         *since;
  GDateTime         *until;
  char              *tool;
  GHashTable        *tool_names;
  LentoToolNameFunc  tool_name_func;
  gpointer           tool_name_data;
  GDestroyNotify     tool_name_destroy;

  gboolean           with_pain;
  gboolean           with_bleeding;
};

G_DEFINE_FINAL_TYPE (LentoJournalQuery, lento_journal_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SINCE,
  PROP_UNTIL,
  PROP_TOOL,
  PROP_WITH_PAIN,
  PROP_WITH_BLEEDING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/**
 * lento_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds text for searching: compatibility-decomposed, accents and other
 * combining marks removed, case-folded. "Épreuve" and "EPREUVE" both fold
 * to "epreuve". Letters of scripts without case or accents are kept as
 * they are, so a search in Hebrew or Greek works too.
 *
 * Returns: (transfer full): the folded text; empty for %NULL
 */
char *
lento_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          /* Hebrew and Arabic vowel points go too, as a person searching
           * rarely types them.
           */
          break;
        default:
          g_string_append_unichar (stripped, c);
        }
    }

  return g_utf8_casefold (stripped->str, stripped->len);
}

static void
emit_changed (LentoJournalQuery *self,
              guint              prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
clear_tool_name_func (LentoJournalQuery *self)
{
  if (self->tool_name_destroy != NULL)
    self->tool_name_destroy (self->tool_name_data);
  self->tool_name_func = NULL;
  self->tool_name_data = NULL;
  self->tool_name_destroy = NULL;
}

static void
lento_journal_query_finalize (GObject *object)
{
  LentoJournalQuery *self = (LentoJournalQuery *)object;

  clear_tool_name_func (self);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->folded_words, g_strfreev);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->tool, g_free);
  g_clear_pointer (&self->tool_names, g_hash_table_unref);

  G_OBJECT_CLASS (lento_journal_query_parent_class)->finalize (object);
}

static void
lento_journal_query_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LentoJournalQuery *self = LENTO_JOURNAL_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SINCE:
      g_value_set_boxed (value, self->since);
      break;
    case PROP_UNTIL:
      g_value_set_boxed (value, self->until);
      break;
    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;
    case PROP_WITH_PAIN:
      g_value_set_boolean (value, self->with_pain);
      break;
    case PROP_WITH_BLEEDING:
      g_value_set_boolean (value, self->with_bleeding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_journal_query_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LentoJournalQuery *self = LENTO_JOURNAL_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      lento_journal_query_set_text (self, g_value_get_string (value));
      break;
    case PROP_SINCE:
      lento_journal_query_set_since (self, g_value_get_boxed (value));
      break;
    case PROP_UNTIL:
      lento_journal_query_set_until (self, g_value_get_boxed (value));
      break;
    case PROP_TOOL:
      lento_journal_query_set_tool (self, g_value_get_string (value));
      break;
    case PROP_WITH_PAIN:
      lento_journal_query_set_with_pain (self, g_value_get_boolean (value));
      break;
    case PROP_WITH_BLEEDING:
      lento_journal_query_set_with_bleeding (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_journal_query_class_init (LentoJournalQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = lento_journal_query_finalize;
  object_class->get_property = lento_journal_query_get_property;
  object_class->set_property = lento_journal_query_set_property;

  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  /* Entries that started at or after "since" and before "until". */
  properties [PROP_SINCE] = g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_UNTIL] = g_param_spec_boxed ("until", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_TOOL] = g_param_spec_string ("tool", NULL, NULL, NULL, flags);
  properties [PROP_WITH_PAIN] = g_param_spec_boolean ("with-pain", NULL, NULL, FALSE, flags);
  properties [PROP_WITH_BLEEDING] =
    g_param_spec_boolean ("with-bleeding", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any change that may change which entries match. */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lento_journal_query_init (LentoJournalQuery *self)
{
}

LentoJournalQuery *
lento_journal_query_new (void)
{
  return g_object_new (LENTO_TYPE_JOURNAL_QUERY, NULL);
}

static const char *
tool_name (LentoJournalQuery *self,
           const char        *tool_id)
{
  if (tool_id == NULL)
    return NULL;
  if (self->tool_name_func != NULL)
    return self->tool_name_func (tool_id, self->tool_name_data);
  if (self->tool_names != NULL)
    return g_hash_table_lookup (self->tool_names, tool_id);
  return NULL;
}

static gboolean
text_matches (LentoJournalQuery *self,
              LentoEntry        *entry)
{
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char * const *tags = lento_entry_get_tags (entry);
  const char *name;

  /* One string, with a separator no search word can contain, so a word
   * never matches across two fields.
   */
  if (lento_entry_get_notes (entry) != NULL)
    g_string_append (haystack, lento_entry_get_notes (entry));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_string_append_c (haystack, '\n');
      g_string_append (haystack, tags[i]);
    }
  name = tool_name (self, lento_entry_get_tool (entry));
  if (name != NULL)
    {
      g_string_append_c (haystack, '\n');
      g_string_append (haystack, name);
    }

  folded = lento_text_fold (haystack->str);
  for (guint i = 0; self->folded_words[i] != NULL; i++)
    if (strstr (folded, self->folded_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * lento_journal_query_matches:
 * @self: a #LentoJournalQuery
 * @entry: a #LentoEntry
 *
 * Every word of the text must appear in the entry's notes, tags or tool
 * name, ignoring case and accents; and the entry must pass every filter
 * that is set.
 *
 * Returns: %TRUE if @entry should be shown
 */
gboolean
lento_journal_query_matches (LentoJournalQuery *self,
                             LentoEntry        *entry)
{
  GDateTime *start;

  g_return_val_if_fail (LENTO_IS_JOURNAL_QUERY (self), FALSE);
  g_return_val_if_fail (LENTO_IS_ENTRY (entry), FALSE);

  start = lento_entry_get_start (entry);
  if (self->since != NULL && g_date_time_compare (start, self->since) < 0)
    return FALSE;
  if (self->until != NULL && g_date_time_compare (start, self->until) >= 0)
    return FALSE;
  if (self->tool != NULL && g_strcmp0 (lento_entry_get_tool (entry), self->tool) != 0)
    return FALSE;
  if (self->with_pain && lento_entry_get_pain (entry) <= 0 && !lento_entry_get_sharp_pain (entry))
    return FALSE;
  if (self->with_bleeding && lento_entry_get_bleeding (entry) == LENTO_BLEEDING_NONE)
    return FALSE;
  if (self->folded_words != NULL && !text_matches (self, entry))
    return FALSE;

  return TRUE;
}

/**
 * lento_journal_query_is_empty:
 * @self: a #LentoJournalQuery
 *
 * Returns: %TRUE if every entry matches, so the view can skip filtering
 */
gboolean
lento_journal_query_is_empty (LentoJournalQuery *self)
{
  g_return_val_if_fail (LENTO_IS_JOURNAL_QUERY (self), TRUE);

  return self->folded_words == NULL && self->since == NULL && self->until == NULL &&
         self->tool == NULL && !self->with_pain && !self->with_bleeding;
}

void
lento_journal_query_reset (LentoJournalQuery *self)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  g_object_freeze_notify (G_OBJECT (self));
  lento_journal_query_set_text (self, NULL);
  lento_journal_query_set_since (self, NULL);
  lento_journal_query_set_until (self, NULL);
  lento_journal_query_set_tool (self, NULL);
  lento_journal_query_set_with_pain (self, FALSE);
  lento_journal_query_set_with_bleeding (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
lento_journal_query_set_text (LentoJournalQuery *self,
                              const char        *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  g_clear_pointer (&self->folded_words, g_strfreev);
  folded = lento_text_fold (text);
  g_strstrip (folded);
  if (*folded != '\0')
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_strv_builder_add (builder, words[i]);
      self->folded_words = g_strv_builder_end (builder);
    }

  emit_changed (self, PROP_TEXT);
}

static gboolean
replace_date_time (GDateTime **field,
                   GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

void
lento_journal_query_set_since (LentoJournalQuery *self,
                               GDateTime         *since)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  if (replace_date_time (&self->since, since))
    emit_changed (self, PROP_SINCE);
}

void
lento_journal_query_set_until (LentoJournalQuery *self,
                               GDateTime         *until)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  if (replace_date_time (&self->until, until))
    emit_changed (self, PROP_UNTIL);
}

void
lento_journal_query_set_tool (LentoJournalQuery *self,
                              const char        *tool_id)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  if (g_strcmp0 (self->tool, tool_id) != 0)
    {
      g_free (self->tool);
      self->tool = g_strdup (tool_id);
      emit_changed (self, PROP_TOOL);
    }
}

void
lento_journal_query_set_with_pain (LentoJournalQuery *self,
                                   gboolean           with_pain)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  with_pain = !!with_pain;
  if (self->with_pain != with_pain)
    {
      self->with_pain = with_pain;
      emit_changed (self, PROP_WITH_PAIN);
    }
}

void
lento_journal_query_set_with_bleeding (LentoJournalQuery *self,
                                       gboolean           with_bleeding)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  with_bleeding = !!with_bleeding;
  if (self->with_bleeding != with_bleeding)
    {
      self->with_bleeding = with_bleeding;
      emit_changed (self, PROP_WITH_BLEEDING);
    }
}

/**
 * lento_journal_query_set_tool_names:
 * @self: a #LentoJournalQuery
 * @names: (nullable) (element-type utf8 utf8): tool id to the tool's name
 *
 * Lets the text search find entries by the name of the tool used. A
 * function set with lento_journal_query_set_tool_name_func() takes
 * precedence.
 */
void
lento_journal_query_set_tool_names (LentoJournalQuery *self,
                                    GHashTable        *names)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  if (names != NULL)
    g_hash_table_ref (names);
  g_clear_pointer (&self->tool_names, g_hash_table_unref);
  self->tool_names = names;

  if (self->folded_words != NULL)
    g_signal_emit (self, signals [CHANGED], 0);
}

void
lento_journal_query_set_tool_name_func (LentoJournalQuery *self,
                                        LentoToolNameFunc  func,
                                        gpointer           user_data,
                                        GDestroyNotify     destroy)
{
  g_return_if_fail (LENTO_IS_JOURNAL_QUERY (self));

  clear_tool_name_func (self);
  self->tool_name_func = func;
  self->tool_name_data = user_data;
  self->tool_name_destroy = destroy;

  if (self->folded_words != NULL)
    g_signal_emit (self, signals [CHANGED], 0);
}
