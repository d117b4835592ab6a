/* asc-json-check.c: what json-glib accepts and JSON does not
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "asc-json-check.h"

static gboolean
is_valid_string (const char *text)
{
  return g_utf8_validate (text, -1, NULL);
}

/**
 * _asc_json_holds_only_json:
 * @node: (nullable): a parsed document; %NULL (empty input) holds nothing wrong
 *
 * json-glib lets through what JSON forbids and JSON.stringify() never
 * writes: octal escapes and lone surrogates decode to bytes that are not
 * UTF-8, and numbers past a double's range to infinities, which print back
 * as text that is not JSON. Input from outside is checked with this before
 * any of it reaches a widget or goes back on the wire.
 *
 * Returns: whether every key and string is UTF-8 and every number finite
 */
gboolean
_asc_json_holds_only_json (JsonNode *node)
{
  if (node == NULL)
    return TRUE;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!is_valid_string (name) || !_asc_json_holds_only_json (member))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!_asc_json_holds_only_json (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return is_valid_string (json_node_get_string (node));
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return isfinite (json_node_get_double (node));
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}
