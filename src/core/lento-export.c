/* lento-export.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-export"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lento-core-error.h"
#include "lento-export.h"
#include "lento-json.h"

/* The CSV columns, in order. The names are the JSON member names of
 * docs/FORMAT.md and are never translated, so that a file exported in one
 * language imports in any other.
 */
typedef enum {
  COLUMN_STRING,
  COLUMN_INT,
  COLUMN_DOUBLE,
  COLUMN_BOOL,
  COLUMN_TAGS,
} ColumnType;

static const struct {
  const char *name;
  ColumnType  type;
} columns[] = {
  { "uuid", COLUMN_STRING },
  { "kind", COLUMN_STRING },
  { "created", COLUMN_STRING },
  { "modified", COLUMN_STRING },
  { "start", COLUMN_STRING },
  { "stage", COLUMN_STRING },
  { "tool", COLUMN_STRING },
  { "diameter_mm", COLUMN_DOUBLE },
  { "lube", COLUMN_STRING },
  { "duration_s", COLUMN_INT },
  { "wear_s", COLUMN_INT },
  { "resistance", COLUMN_STRING },
  { "comfort", COLUMN_INT },
  { "pain", COLUMN_INT },
  { "sharp_pain", COLUMN_BOOL },
  { "bleeding", COLUMN_STRING },
  { "urge_faded_min", COLUMN_INT },
  { "relaxation", COLUMN_INT },
  { "notes", COLUMN_STRING },
  { "tags", COLUMN_TAGS },
};

static void
append_csv_field (GString    *out,
                  const char *value)
{
  /* RFC 4180: quote a field holding a comma, a quote or a line break, and
   * double the quotes inside. Leading and trailing spaces are quoted too,
   * since some spreadsheets trim them otherwise.
   */
  if (strpbrk (value, ",\"\r\n") != NULL ||
      (value[0] != '\0' && (g_ascii_isspace (value[0]) ||
                            g_ascii_isspace (value[strlen (value) - 1]))))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, value);
    }
}

static char *
cell_text (JsonObject *object,
           guint       column)
{
  JsonNode *node = json_object_get_member (object, columns[column].name);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) joined = g_string_new (NULL);

      /* Tags are one a line inside the cell. */
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (joined, '\n');
          g_string_append (joined, json_array_get_string_element (array, i));
        }
      return g_string_free (g_steal_pointer (&joined), FALSE);
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return json_node_dup_string (node);
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup ("");
    }
}

/**
 * lento_export_csv:
 * @entries: a list model of #LentoEntry
 *
 * Writes every entry as one CSV row (RFC 4180, UTF-8, CRLF line ends),
 * with a header row of column names. The bytes are plain text: the caller
 * must have warned the person before writing them anywhere.
 *
 * Returns: (transfer full): the CSV text
 */
GBytes *
lento_export_csv (GListModel *entries)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, columns[c].name);
    }
  g_string_append (out, "\r\n");

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(JsonObject) object = lento_entry_to_json (entry);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *text = cell_text (object, c);

          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
not_lento_csv (GError **error)
{
  g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                       _("This file is not a journal exported by Lento. "
                         "Choose a CSV file that Lento exported."));
  return FALSE;
}

static gboolean
bad_line (guint    line,
          GError **error)
{
  g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
               /* Translators: %u is a line number of the CSV file. */
               _("Line %u of the file cannot be read, so nothing was imported. "
                 "Check that the file was exported by Lento and not changed since."),
               line);
  return FALSE;
}

static gboolean
bad_entry (guint    index,
           GError **error)
{
  g_set_error (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
               /* Translators: %u is the place of an entry in the JSON file, counted from 1. */
               _("Entry %u of the file cannot be read, so nothing was imported. "
                 "Check that the file was exported by Lento and not changed since."),
               index);
  return FALSE;
}

/* Moves @row into @rows unless it is a blank line, which is not a row.
 * Returns TRUE if @row was taken.
 */
static gboolean
end_row (GPtrArray *rows,
         GPtrArray *row)
{
  if (row->len == 1 && *(char *)g_ptr_array_index (row, 0) == '\0')
    {
      g_ptr_array_set_size (row, 0);
      return FALSE;
    }

  g_ptr_array_add (row, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
  return TRUE;
}

/* Splits RFC 4180 text into rows of fields. Line breaks may be CRLF or LF;
 * anything else that RFC 4180 does not allow is an error, since a file
 * that was changed by hand may have lost data.
 */
static GPtrArray *
parse_csv (const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  gboolean in_quotes = FALSE;
  gboolean after_quote = FALSE;
  guint line = 1;
  gsize i = 0;

  while (i < length)
    {
      char c = data[i];

      if (in_quotes)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i += 2;
              continue;
            }
          if (c == '"')
            {
              in_quotes = FALSE;
              after_quote = TRUE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          i++;
          continue;
        }

      if (c == '"')
        {
          if (field->len > 0 || after_quote)
            goto fail;
          in_quotes = TRUE;
          i++;
          continue;
        }

      if (c == ',' || c == '\n' || c == '\r')
        {
          if (c == '\r')
            {
              if (i + 1 >= length || data[i + 1] != '\n')
                goto fail;
              i++;
            }
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          after_quote = FALSE;
          if (c != ',')
            {
              if (end_row (rows, row))
                row = g_ptr_array_new_with_free_func (g_free);
              line++;
            }
          i++;
          continue;
        }

      if (after_quote)
        goto fail;
      g_string_append_c (field, c);
      i++;
    }

  if (in_quotes)
    goto fail;

  /* The last line may end without a line break. */
  if (field->len > 0 || row->len > 0 || after_quote)
    {
      g_ptr_array_add (row, g_strndup (field->str, field->len));
      if (end_row (rows, row))
        row = NULL;
    }

  g_clear_pointer (&row, g_ptr_array_unref);
  return g_steal_pointer (&rows);

fail:
  g_ptr_array_unref (row);
  bad_line (line, error);
  return NULL;
}

static gboolean
add_cell (JsonObject *object,
          guint       column,
          const char *text)
{
  const char *name = columns[column].name;

  if (*text == '\0')
    return TRUE;

  switch (columns[column].type)
    {
    case COLUMN_STRING:
      json_object_set_string_member (object, name, text);
      return TRUE;

    case COLUMN_INT:
      {
        gint64 value;

        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
          return FALSE;
        json_object_set_int_member (object, name, value);
        return TRUE;
      }

    case COLUMN_DOUBLE:
      {
        char *end = NULL;
        double value = g_ascii_strtod (text, &end);

        if (end == text || *end != '\0' || !isfinite (value))
          return FALSE;
        json_object_set_double_member (object, name, value);
        return TRUE;
      }

    case COLUMN_BOOL:
      if (g_str_equal (text, "true"))
        json_object_set_boolean_member (object, name, TRUE);
      else if (g_str_equal (text, "false"))
        json_object_set_boolean_member (object, name, FALSE);
      else
        return FALSE;
      return TRUE;

    case COLUMN_TAGS:
      {
        g_auto(GStrv) tags = g_strsplit (text, "\n", -1);
        JsonArray *array = json_array_new ();

        for (guint i = 0; tags[i] != NULL; i++)
          if (*tags[i] != '\0')
            json_array_add_string_element (array, tags[i]);
        json_object_set_array_member (object, name, array);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * lento_import_csv:
 * @csv: the bytes of a CSV file written by lento_export_csv()
 * @error: where to say why nothing was imported
 *
 * Reads a CSV file that Lento exported. Columns may come in any order;
 * columns Lento does not know are ignored. Either every row is read or
 * nothing is: a file with one bad row returns an error.
 *
 * Returns: (transfer full) (element-type LentoEntry): the entries, to be
 *   passed to lento_journal_merge()
 */
GPtrArray *
lento_import_csv (GBytes  *csv,
                  GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int index_of[G_N_ELEMENTS (columns)];
  const char *data;
  gsize length;
  char **header;
  guint n_header;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (csv, &length);
  if (length == 0 || !g_utf8_validate_len (data, length, NULL))
    {
      not_lento_csv (error);
      return NULL;
    }

  /* Spreadsheets often add a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  rows = parse_csv (data, length, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      not_lento_csv (error);
      return NULL;
    }

  header = g_ptr_array_index (rows, 0);
  n_header = g_strv_length (header);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      index_of[c] = -1;
      for (guint h = 0; h < n_header; h++)
        if (g_str_equal (header[h], columns[c].name))
          index_of[c] = h;
    }
  if (index_of[0] < 0 || index_of[4] < 0)
    {
      not_lento_csv (error);
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GError) entry_error = NULL;
      LentoEntry *entry;

      if (g_strv_length (row) != n_header)
        {
          bad_entry (r, error);
          return NULL;
        }

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        if (index_of[c] >= 0 && !add_cell (object, c, row[index_of[c]]))
          {
            bad_entry (r, error);
            return NULL;
          }

      entry = lento_entry_new_from_json (object, &entry_error);
      if (entry == NULL)
        {
          g_debug ("entry %u: %s", r, entry_error->message);
          bad_entry (r, error);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

static char *
format_time (GDateTime *time)
{
  if (g_date_time_get_utc_offset (time) == 0)
    return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * lento_export_json:
 * @entries: a list model of #LentoEntry
 * @now: (nullable): the time of the export; %NULL for now
 *
 * Writes every entry, with the members a newer Lento added, in one JSON
 * document (see docs/FORMAT.md). Plain text, like the CSV export.
 *
 * Returns: (transfer full): the JSON text
 */
GBytes *
lento_export_json (GListModel *entries,
                   GDateTime  *now)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GDateTime) exported = NULL;
  g_autofree char *exported_text = NULL;
  JsonObject *root;
  JsonArray *array;
  gsize length;
  char *text;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  exported = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  exported_text = format_time (exported);

  root = json_object_new ();
  json_object_set_int_member (root, "format", LENTO_EXPORT_JSON_FORMAT);
  json_object_set_string_member (root, "application", "Lento " PACKAGE_VERSION);
  json_object_set_string_member (root, "exported", exported_text);

  n = g_list_model_get_n_items (entries);
  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LentoEntry) entry = g_list_model_get_item (entries, i);

      json_array_add_object_element (array, lento_entry_to_json (entry));
    }
  json_object_set_array_member (root, "entries", array);

  root_node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  /* Indented: a person who chose a plain export may well read it. */
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root_node);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/**
 * lento_import_json:
 * @json: the bytes of a file written by lento_export_json()
 * @error: where to say why nothing was imported
 *
 * Returns: (transfer full) (element-type LentoEntry): the entries, to be
 *   passed to lento_journal_merge()
 */
GPtrArray *
lento_import_json (GBytes  *json,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entries = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  const char *data;
  gsize length;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (json, &length);
  if (length == 0 || length > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !lento_json_is_writable (json_parser_get_root (parser)))
    goto not_lento;

  root = json_node_get_object (json_parser_get_root (parser));
  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    goto not_lento;
  if (json_node_get_int (node) > LENTO_EXPORT_JSON_FORMAT)
    {
      g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                           _("This file was exported by a newer version of Lento. "
                             "Update Lento to import it."));
      return NULL;
    }

  node = json_object_get_member (root, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    goto not_lento;
  array = json_node_get_array (node);

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) entry_error = NULL;
      LentoEntry *entry = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        entry = lento_entry_new_from_json (json_node_get_object (element), &entry_error);
      if (entry == NULL)
        {
          bad_entry (i + 1, error);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);

not_lento:
  g_set_error_literal (error, LENTO_CORE_ERROR, LENTO_CORE_ERROR_INVALID_DOCUMENT,
                       _("This file is not a journal exported by Lento. "
                         "Choose a JSON file that Lento exported."));
  return NULL;
}

/* Files. An export goes only where the person chose, replaces what was
 * there in one step (never a half-written file under that name), is
 * readable only by them, and leaves no backup copy behind.
 */

static void
replace_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *base = g_file_get_basename (G_FILE (object));

      g_task_return_new_error (task, LENTO_CORE_ERROR, LENTO_CORE_ERROR_FAILED,
                               /* Translators: a file's name, then the system's reason, like “No
                                * space left on device”.
                                */
                               _("Could not write “%s”: %s. Choose another place, "
                                 "or check that the disk has space."),
                               base, error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * lento_export_write_async:
 * @bytes: an export, from lento_export_csv(), lento_export_json() or
 *   lento_export_pdf_summary()
 * @file: where the person chose to put it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the file is complete on disk, or could not be
 * @user_data: data for @callback
 *
 * Writes @bytes to @file atomically, private to the person, with no
 * backup of what it replaces.
 */
void
lento_export_write_async (GBytes              *bytes,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_export_write_async);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE |
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replace_done_cb, task);
}

/**
 * lento_export_write_finish:
 * @file: the #GFile given to lento_export_write_async()
 * @result: the result
 * @error: where to put a sentence that says what went wrong
 *
 * Returns: %TRUE when the export is on disk
 */
gboolean
lento_export_write_finish (GFile         *file,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_autofree char *base = g_file_get_basename (G_FILE (object));

      g_task_return_new_error (task, LENTO_CORE_ERROR, LENTO_CORE_ERROR_FAILED,
                               /* Translators: a file's name, then the system's reason, like
                                * “Permission denied”.
                                */
                               _("Could not read “%s”: %s"), base, error->message);
      return;
    }

  g_task_return_pointer (task, g_bytes_new_take (contents, length),
                         (GDestroyNotify)g_bytes_unref);
}

/**
 * lento_import_read_async:
 * @file: a file the person chose to import
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read
 * @user_data: data for @callback
 *
 * Reads @file for lento_import_csv() or lento_import_json().
 */
void
lento_import_read_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, lento_import_read_async);
  g_file_load_contents_async (file, cancellable, load_done_cb, task);
}

/**
 * lento_import_read_finish:
 * @file: the #GFile given to lento_import_read_async()
 * @result: the result
 * @error: where to put a sentence that says what went wrong
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
lento_import_read_finish (GFile         *file,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
