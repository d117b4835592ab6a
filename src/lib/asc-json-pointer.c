/* asc-json-pointer.c: RFC 6901 JSON pointers
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-json-pointer"

#include "config.h"

#include "asc-json-pointer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One whole message per kind of scalar, so that translations can agree
 * with the noun. */
static void
set_not_a_container_error (GError     **error,
                           JsonNode    *node,
                           const char  *token)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                            : G_TYPE_INVALID;

  if (type == G_TYPE_STRING)
    g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                 _("cannot look up “%s” inside a string"), token);
  else if (type == G_TYPE_BOOLEAN)
    g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                 _("cannot look up “%s” inside a boolean"), token);
  else if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                 _("cannot look up “%s” inside a number"), token);
  else
    g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                 _("cannot look up “%s” inside a null"), token);
}

/* Unescapes the token that spans @start..@end of @pointer. */
static char *
unescape_token (const char  *pointer,
                const char  *start,
                const char  *end,
                GError     **error)
{
  g_autoptr(GString) token = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p++)
    {
      if (*p != '~')
        {
          g_string_append_c (token, *p);
          continue;
        }

      if (p + 1 < end && (p[1] == '0' || p[1] == '1'))
        {
          g_string_append_c (token, p[1] == '0' ? '~' : '/');
          p++;
          continue;
        }

      if (p + 1 == end)
        g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                     _("JSON pointer “%s” has a lone “~” at offset %d; write "
                       "“~0” for “~” and “~1” for “/”"),
                     pointer, (int) (p - pointer));
      else
        g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                     _("JSON pointer “%s” has an invalid escape “~%c” at "
                       "offset %d; only “~0” and “~1” are allowed"),
                     pointer, p[1], (int) (p - pointer));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&token), FALSE);
}

/**
 * asc_json_pointer_parse:
 * @pointer: a JSON pointer such as `/items/0/name`
 * @error: return location for an %ASC_ERROR_INVALID_POINTER error
 *
 * Splits @pointer into its reference tokens and unescapes them (`~1`
 * becomes `/`, `~0` becomes `~`). The empty pointer names the whole
 * document and gives an empty vector.
 *
 * Returns: (transfer full) (array zero-terminated=1): the tokens, or %NULL
 *   if @pointer does not start with `/` or holds an invalid `~` escape
 */
char **
asc_json_pointer_parse (const char  *pointer,
                        GError     **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  const char *start;

  g_return_val_if_fail (pointer != NULL, NULL);

  if (*pointer != '\0' && *pointer != '/')
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                   _("JSON pointer “%s” must be empty or start with “/”"),
                   pointer);
      return NULL;
    }

  tokens = g_ptr_array_new_with_free_func (g_free);
  for (start = pointer; *start == '/'; )
    {
      const char *end = strchr (start + 1, '/');
      char *token;

      if (end == NULL)
        end = start + 1 + strlen (start + 1);
      token = unescape_token (pointer, start + 1, end, error);
      if (token == NULL)
        return NULL;
      g_ptr_array_add (tokens, token);
      start = end;
    }
  g_ptr_array_add (tokens, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&tokens), FALSE);
}

/**
 * asc_json_pointer_add_token:
 * @pointer: a #GString holding a JSON pointer
 * @token: an unescaped reference token
 *
 * Appends `/` and the escaped @token to @pointer, without allocating a new
 * string. Paths built in loops (diffs, walks) use this.
 */
void
asc_json_pointer_add_token (GString    *pointer,
                            const char *token)
{
  g_return_if_fail (pointer != NULL);
  g_return_if_fail (token != NULL);

  g_string_append_c (pointer, '/');
  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == '~')
        g_string_append_len (pointer, "~0", 2);
      else if (*p == '/')
        g_string_append_len (pointer, "~1", 2);
      else
        g_string_append_c (pointer, *p);
    }
}

/**
 * asc_json_pointer_escape:
 * @token: an unescaped reference token
 *
 * Escapes @token for use inside a JSON pointer: `~` becomes `~0` and `/`
 * becomes `~1`.
 *
 * Returns: (transfer full): the escaped token
 */
char *
asc_json_pointer_escape (const char *token)
{
  g_autoptr(GString) escaped = NULL;

  g_return_val_if_fail (token != NULL, NULL);

  if (strpbrk (token, "~/") == NULL)
    return g_strdup (token);

  escaped = g_string_sized_new (strlen (token) + 8);
  asc_json_pointer_add_token (escaped, token);
  g_string_erase (escaped, 0, 1);

  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

/**
 * asc_json_pointer_format:
 * @tokens: (array zero-terminated=1): unescaped reference tokens
 *
 * Joins @tokens into a JSON pointer, escaping each one. This is the inverse
 * of asc_json_pointer_parse(): an empty vector gives the empty pointer.
 *
 * Returns: (transfer full): the pointer
 */
char *
asc_json_pointer_format (const char * const *tokens)
{
  g_autoptr(GString) pointer = g_string_new (NULL);

  g_return_val_if_fail (tokens != NULL, NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    asc_json_pointer_add_token (pointer, tokens[i]);

  return g_string_free (g_steal_pointer (&pointer), FALSE);
}

/**
 * asc_json_pointer_append:
 * @pointer: a JSON pointer
 * @token: an unescaped reference token
 *
 * Builds the pointer to the child @token of @pointer.
 *
 * Returns: (transfer full): @pointer, `/` and the escaped @token
 */
char *
asc_json_pointer_append (const char *pointer,
                         const char *token)
{
  g_autoptr(GString) result = NULL;

  g_return_val_if_fail (pointer != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  result = g_string_sized_new (strlen (pointer) + strlen (token) + 2);
  g_string_append (result, pointer);
  asc_json_pointer_add_token (result, token);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/**
 * asc_json_pointer_parse_index:
 * @token: an unescaped reference token
 * @length: the length of the array the token indexes
 * @allow_end: whether @token may name the position just past the last
 *   element (`-`, or an index equal to @length), as an `add` may
 * @index: (out): return location for the index
 * @error: return location for an %ASC_ERROR_INVALID_POINTER error
 *
 * Reads @token as an RFC 6901 array index: decimal digits without a leading
 * zero, or `-` for the end of the array. The error message names the token
 * but not the pointer, so callers can prefix their own context.
 *
 * Returns: %TRUE if @token names a valid position
 */
gboolean
asc_json_pointer_parse_index (const char  *token,
                              guint        length,
                              gboolean     allow_end,
                              guint       *index,
                              GError     **error)
{
  guint64 value = 0;

  g_return_val_if_fail (token != NULL, FALSE);
  g_return_val_if_fail (index != NULL, FALSE);

  if (strcmp (token, "-") == 0)
    {
      if (allow_end)
        {
          *index = length;
          return TRUE;
        }
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                   _("“-” names the slot after the last element, which only "
                     "an add can use"));
      return FALSE;
    }

  if (*token == '\0' || strspn (token, "0123456789") != strlen (token))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                   _("“%s” is not an array index"), token);
      return FALSE;
    }

  if (token[0] == '0' && token[1] != '\0')
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                   _("array index “%s” has a leading zero"), token);
      return FALSE;
    }

  /* Stop as soon as the value passes G_MAXUINT: it is out of range anyway. */
  for (const char *p = token; *p != '\0' && value <= G_MAXUINT; p++)
    value = value * 10 + (guint64) (*p - '0');

  if (value > length || (value == length && !allow_end))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                   g_dngettext (GETTEXT_PACKAGE,
                                "index %s is out of range for an array of %u element",
                                "index %s is out of range for an array of %u elements",
                                length),
                   token, length);
      return FALSE;
    }

  *index = (guint) value;
  return TRUE;
}

/**
 * asc_json_pointer_get_child:
 * @node: an object or array node
 * @token: an unescaped reference token
 * @error: return location for an %ASC_ERROR_INVALID_POINTER error
 *
 * Takes one step of a pointer walk: the member @token of an object, or the
 * element at index @token of an array. The error message names the token
 * but not the pointer.
 *
 * Returns: (transfer none): the child node, or %NULL if it does not exist
 */
JsonNode *
asc_json_pointer_get_child (JsonNode    *node,
                            const char  *token,
                            GError     **error)
{
  JsonNode *child;
  JsonArray *array;
  guint index;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      child = json_object_get_member (json_node_get_object (node), token);
      if (child == NULL)
        g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER,
                     _("member “%s” does not exist"), token);
      return child;

    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      if (!asc_json_pointer_parse_index (token, json_array_get_length (array),
                                         FALSE, &index, error))
        return NULL;
      return json_array_get_element (array, index);

    case JSON_NODE_NULL:
    case JSON_NODE_VALUE:
    default:
      set_not_a_container_error (error, node, token);
      return NULL;
    }
}

/**
 * asc_json_pointer_resolve:
 * @document: the JSON document
 * @pointer: a JSON pointer into @document
 * @error: return location for an %ASC_ERROR_INVALID_POINTER error
 *
 * Finds the node @pointer names. The error message names the pointer and
 * says which step failed and why.
 *
 * Returns: (transfer none): the node, or %NULL with @error set
 */
JsonNode *
asc_json_pointer_resolve (JsonNode    *document,
                          const char  *pointer,
                          GError     **error)
{
  g_auto(GStrv) tokens = NULL;
  JsonNode *node = document;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (pointer != NULL, NULL);

  tokens = asc_json_pointer_parse (pointer, error);
  if (tokens == NULL)
    return NULL;

  for (guint i = 0; tokens[i] != NULL && node != NULL; i++)
    node = asc_json_pointer_get_child (node, tokens[i], error);

  if (node == NULL)
    g_prefix_error (error, _("JSON pointer “%s”: "), pointer);

  return node;
}
