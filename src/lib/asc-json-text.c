/* asc-json-text.c: JSON text where json-glib 1.6 gets numbers wrong
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 reads an integer literal past 64 bits by wrapping it round,
 * and writes a double with 17 digits and a ".0" wherever no point is, so
 * 0.1 comes out as 0.10000000000000001 and 1e21 as the invalid "1e+21.0".
 * JavaScript writes every number below 1e21 without an exponent, so Zocket
 * servers and catalogs written by JSON.stringify() do hold such literals.
 */

#define G_LOG_DOMAIN "asc-json"

#include "config.h"

#include <string.h>

#include "asc-json-text.h"

/**
 * asc_json_format_double:
 * @value: a finite double
 * @buffer: where to write, %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Writes the shortest text that reads back as the same double (0.1, not
 * 0.10000000000000001), in the C locale whatever the user's is.
 *
 * Returns: (transfer none): @buffer
 */
static gboolean
reads_back (double  value,
            int     precision,
            char   *buffer)
{
  char format[8];

  g_snprintf (format, sizeof format, "%%.%dg", precision);
  g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
  return g_ascii_strtod (buffer, NULL) == value;
}

const char *
asc_json_format_double (double value,
                        char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  int low = 1, high = 15;

  /* Most doubles need 15 digits or fewer (and subnormals far fewer); a
   * precision that reads back stays so with more digits, so the fewest is
   * found by halving. */
  if (!reads_back (value, high, buffer))
    {
      if (!reads_back (value, 16, buffer))
        reads_back (value, 17, buffer);
      return buffer;
    }

  while (low < high)
    {
      int middle = (low + high) / 2;

      if (reads_back (value, middle, buffer))
        high = middle;
      else
        low = middle + 1;
    }

  reads_back (value, high, buffer);
  return buffer;
}

/* Whether the integer literal @digits (@n digits, no sign) is past what a
 * gint64 holds. */
static gboolean
is_past_int64 (const char *digits,
               gsize       n,
               gboolean    negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
  gsize limit_length = strlen (limit);

  while (n > 1 && digits[0] == '0')
    digits++, n--;
  if (n != limit_length)
    return n > limit_length;
  return strncmp (digits, limit, n) > 0;
}

/* Moves *@i past the string that starts there. */
static void
skip_string (const char *text,
             gsize       length,
             gsize      *i)
{
  for ((*i)++; *i < length && text[*i] != '"'; (*i)++)
    if (text[*i] == '\\')
      (*i)++;
}

/**
 * asc_json_widen_integers:
 * @text: JSON text
 * @length: its length in bytes
 * @widened_length: (out): the length of the result
 *
 * Gives every integer literal outside gint64 (outside strings) a `.0`, so
 * that json-glib reads it as the nearest double, as JSON.parse() does,
 * rather than wrapped round: 12345678901234567890 would otherwise become a
 * negative number.
 *
 * Returns: (transfer full) (nullable): the changed text, NUL-terminated,
 *   or %NULL when no literal needed it
 */
char *
asc_json_widen_integers (const char *text,
                         gsize       length,
                         gsize      *widened_length)
{
  GString *widened = NULL;
  gsize copied = 0;

  for (gsize i = 0; i < length; i++)
    {
      gboolean negative;
      gsize start;

      if (text[i] == '"')
        {
          skip_string (text, length, &i);
          continue;
        }
      if (text[i] != '-' && !g_ascii_isdigit (text[i]))
        continue;

      negative = text[i] == '-';
      start = negative ? i + 1 : i;
      for (i = start; i < length && g_ascii_isdigit (text[i]); i++)
        ;
      if (i < length && strchr (".eE", text[i]) != NULL && text[i] != '\0')
        {
          /* A fraction or an exponent: json-glib reads a double already. */
          while (i < length && text[i] != '\0' && strchr ("0123456789.eE+-", text[i]) != NULL)
            i++;
        }
      else if (i > start && is_past_int64 (text + start, i - start, negative))
        {
          if (widened == NULL)
            widened = g_string_sized_new (length + 16);
          g_string_append_len (widened, text + copied, i - copied);
          g_string_append (widened, ".0");
          copied = i;
        }
      i--;
    }

  if (widened == NULL)
    return NULL;

  g_string_append_len (widened, text + copied, length - copied);
  *widened_length = widened->len;
  return g_string_free (widened, FALSE);
}

static void append_json (GString  *out,
                         JsonNode *node);

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* json-glib writes 17 digits and then a ".0" whenever there is no point,
 * which makes 1e21 the invalid "1e+21.0". A whole number keeps its ".0",
 * so that json-glib reads it back as a double. */
static void
append_json_double (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, asc_json_format_double (value, buffer));
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
append_json_value (GString  *out,
                   JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      append_json_string (out, json_node_get_string (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_DOUBLE:
      append_json_double (out, json_node_get_double (node));
      break;
    case G_TYPE_INT64:
    default:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    }
}

static void
append_json (GString  *out,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_json_string (out, name);
            g_string_append_c (out, ':');
            append_json (out, member);
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_json (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
      append_json_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * asc_json_to_text:
 * @node: (nullable): a value whose numbers are finite; %NULL is null
 *
 * Writes compact JSON that any JSON reader takes back as the same value:
 * unlike json_to_string(), never a number such as "1e+21.0", and doubles
 * in their shortest form (0.1, not 0.10000000000000001). Object members
 * keep their order.
 *
 * Returns: (transfer full): the text
 */
char *
asc_json_to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  if (node == NULL)
    g_string_append (out, "null");
  else
    append_json (out, node);

  return g_string_free (out, FALSE);
}

