/* asc-schema-text.c: how values and types read in validation messages
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-json-text.h"
#include "asc-schema-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

/* Long values are cut in messages: the field shows the whole value. */
#define MAX_VALUE_CHARS 40

/* The type bit of @instance; every number is ASC_SCHEMA_TYPE_NUMBER. */
guint
_asc_schema_instance_type (JsonNode *instance)
{
  GType type;

  switch (JSON_NODE_TYPE (instance))
    {
    case JSON_NODE_OBJECT: return ASC_SCHEMA_TYPE_OBJECT;
    case JSON_NODE_ARRAY:  return ASC_SCHEMA_TYPE_ARRAY;
    case JSON_NODE_NULL:   return ASC_SCHEMA_TYPE_NULL;
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (instance);
  if (type == G_TYPE_STRING)
    return ASC_SCHEMA_TYPE_STRING;
  if (type == G_TYPE_BOOLEAN)
    return ASC_SCHEMA_TYPE_BOOLEAN;
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return ASC_SCHEMA_TYPE_NUMBER;
  return ASC_SCHEMA_TYPE_NULL;
}

/* Whether the number @number has no fractional part: 10.0 is integral.
 * Every double from 2^53 on is. (No libm: the library does not link it.) */
gboolean
_asc_schema_is_integral (JsonNode *number)
{
  double value;

  if (json_node_get_value_type (number) == G_TYPE_INT64)
    return TRUE;

  value = json_node_get_double (number);
  if (!isfinite (value))
    return FALSE;
  if (value >= 9007199254740992.0 || value <= -9007199254740992.0)
    return TRUE;
  return (double) (gint64) value == value;
}

char *
_asc_schema_format_number (JsonNode *number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (json_node_get_value_type (number) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number));

  /* 0.1, not 0.10000000000000001 */
  return g_strdup (asc_json_format_double (json_node_get_double (number), buffer));
}

static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= MAX_VALUE_CHARS)
    return g_strdup (text);

  head = g_utf8_substring (text, 0, MAX_VALUE_CHARS - 1);
  return g_strconcat (head, "…", NULL);
}

/* A value as a message quotes it: “red”, 3, true, null, {"x":1}. */
char *
_asc_schema_format_value (JsonNode *value)
{
  g_autofree char *text = NULL;

  switch (_asc_schema_instance_type (value))
    {
    case ASC_SCHEMA_TYPE_STRING:
      text = shorten (json_node_get_string (value));
      return g_strdup_printf ("“%s”", text);
    case ASC_SCHEMA_TYPE_NUMBER:
      return _asc_schema_format_number (value);
    case ASC_SCHEMA_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");
    case ASC_SCHEMA_TYPE_NULL:
      return g_strdup ("null");
    default:
      text = json_to_string (value, FALSE);
      return shorten (text);
    }
}

/* “a string”, “an integer”…: what a message calls a value of @type. */
const char *
_asc_schema_type_phrase (guint type)
{
  switch (type)
    {
    case ASC_SCHEMA_TYPE_NULL:    return _("null");
    case ASC_SCHEMA_TYPE_BOOLEAN: return _("a boolean");
    case ASC_SCHEMA_TYPE_OBJECT:  return _("an object");
    case ASC_SCHEMA_TYPE_ARRAY:   return _("an array");
    case ASC_SCHEMA_TYPE_NUMBER:  return _("a number");
    case ASC_SCHEMA_TYPE_STRING:  return _("a string");
    case ASC_SCHEMA_TYPE_INTEGER: return _("an integer");
    default:                      return _("a value");
    }
}

/* The message of a failed count keyword, such as “must have at least 2
 * items” for minItems. */
char *
_asc_schema_count_message (const char *keyword,
                           gint64      bound)
{
  gulong n = (gulong) MIN (bound, G_MAXLONG);

  if (g_str_equal (keyword, "minLength"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "must be at least %lu character long",
                                         "must be at least %lu characters long", n), n);
  if (g_str_equal (keyword, "maxLength"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "must be at most %lu character long",
                                         "must be at most %lu characters long", n), n);
  if (g_str_equal (keyword, "minItems"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "must have at least %lu item",
                                         "must have at least %lu items", n), n);
  if (g_str_equal (keyword, "maxItems"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "must have at most %lu item",
                                         "must have at most %lu items", n), n);
  if (g_str_equal (keyword, "minProperties"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "must have at least %lu property",
                                         "must have at least %lu properties", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "must have at most %lu property",
                                       "must have at most %lu properties", n), n);
}
