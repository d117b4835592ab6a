/* asc-schema-compile.c: checks a schema's own shape and compiles it
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-json-pointer.h"
#include "asc-schema-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Deeper schemas are refused rather than risking the stack. */
#define MAX_DEPTH 256

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
_asc_schema_fail (AscSchemaCompiler  *c,
                  const char         *keyword,
                  const char         *expectation,
                  GError            **error)
{
  g_autoptr(GString) path = g_string_new (c->path->str);

  asc_json_pointer_add_token (path, keyword);
  /* Translators: the first %s is a JSON pointer into the schema, the
   * second a keyword such as “minimum”, the third says what it must be,
   * such as “a number”. */
  g_set_error (error, ASC_ERROR, ASC_ERROR_FAILED,
               _("Invalid schema at “%s”: “%s” must be %s"),
               path->str, keyword, expectation);
  return FALSE;
}

AscSchemaNode *
_asc_schema_compile_child (AscSchemaCompiler  *c,
                           AscSchemaNode      *parent,
                           JsonNode           *json,
                           const char         *keyword,
                           const char         *token,
                           GError            **error)
{
  gsize length = c->path->len;
  AscSchemaNode *child;

  asc_json_pointer_add_token (c->path, keyword);
  if (token != NULL)
    asc_json_pointer_add_token (c->path, token);
  child = _asc_schema_compile (c, json, parent->base_uri, error);
  g_string_truncate (c->path, length);

  return child;
}

static const struct
{
  const char    *name;
  AscSchemaKeywordParser  parse;
} keywords[] = {
  { "$anchor", _asc_schema_parse_anchor },
  { "$comment", _asc_schema_parse_string },
  { "$defs", _asc_schema_parse_map },
  { "$id", _asc_schema_parse_nothing },
  { "$ref", _asc_schema_parse_ref },
  { "$schema", _asc_schema_parse_string },
  { "additionalProperties", _asc_schema_parse_schema },
  { "allOf", _asc_schema_parse_list },
  { "anyOf", _asc_schema_parse_list },
  { "const", _asc_schema_parse_any },
  { "contains", _asc_schema_parse_schema },
  { "default", _asc_schema_parse_any },
  /* The draft 7 name of “$defs”: schemas generated for older drafts use it. */
  { "definitions", _asc_schema_parse_map },
  { "dependentRequired", _asc_schema_parse_dependencies },
  { "dependentSchemas", _asc_schema_parse_map },
  { "deprecated", _asc_schema_parse_flag },
  { "description", _asc_schema_parse_string },
  { "else", _asc_schema_parse_schema },
  { "enum", _asc_schema_parse_array },
  { "examples", _asc_schema_parse_array },
  { "exclusiveMaximum", _asc_schema_parse_number },
  { "exclusiveMinimum", _asc_schema_parse_number },
  { "format", _asc_schema_parse_string },
  { "if", _asc_schema_parse_schema },
  { "items", _asc_schema_parse_schema },
  { "maxContains", _asc_schema_parse_count },
  { "maxItems", _asc_schema_parse_count },
  { "maxLength", _asc_schema_parse_count },
  { "maxProperties", _asc_schema_parse_count },
  { "maximum", _asc_schema_parse_number },
  { "minContains", _asc_schema_parse_count },
  { "minItems", _asc_schema_parse_count },
  { "minLength", _asc_schema_parse_count },
  { "minProperties", _asc_schema_parse_count },
  { "minimum", _asc_schema_parse_number },
  { "multipleOf", _asc_schema_parse_number },
  { "not", _asc_schema_parse_schema },
  { "oneOf", _asc_schema_parse_list },
  { "pattern", _asc_schema_parse_pattern },
  { "patternProperties", _asc_schema_parse_map },
  { "prefixItems", _asc_schema_parse_list },
  { "properties", _asc_schema_parse_map },
  { "propertyNames", _asc_schema_parse_schema },
  { "readOnly", _asc_schema_parse_flag },
  { "required", _asc_schema_parse_required },
  { "then", _asc_schema_parse_schema },
  { "title", _asc_schema_parse_string },
  { "type", _asc_schema_parse_type },
  { "uniqueItems", _asc_schema_parse_flag },
  { "writeOnly", _asc_schema_parse_flag },
};

static AscSchemaKeywordParser
find_parser (const char *keyword)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_str_equal (keyword, keywords[i].name))
      return keywords[i].parse;

  return NULL;
}

/**
 * asc_schema_keyword_is_supported:
 * @keyword: a JSON Schema keyword, such as `minimum`
 *
 * Whether #AscSchema understands @keyword. Schemas may hold other
 * keywords: asc_schema_get_unsupported() lists them, validation ignores
 * them, and forms edit their part of the value as raw JSON.
 *
 * Returns: %TRUE for a supported keyword
 */
gboolean
asc_schema_keyword_is_supported (const char *keyword)
{
  g_return_val_if_fail (keyword != NULL, FALSE);

  return find_parser (keyword) != NULL;
}

/* Sets @node's base URI from its “$id”, and registers it as a resource. */
static gboolean
apply_id (AscSchemaCompiler  *c,
          AscSchemaNode      *node,
          JsonObject         *object,
          const char         *base_uri,
          GError            **error)
{
  JsonNode *id = json_object_get_member (object, "$id");
  g_autofree char *resolved = NULL;
  char *hash;

  if (id == NULL)
    {
      node->base_uri = g_strdup (base_uri);
      return TRUE;
    }

  if (!is_string (id) ||
      (resolved = g_uri_resolve_relative (base_uri, json_node_get_string (id),
                                          G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return _asc_schema_fail (c, "$id", _("a URI reference"), error);

  hash = strchr (resolved, '#');
  if (hash != NULL && hash[1] != '\0')
    return _asc_schema_fail (c, "$id", _("a URI without a fragment"), error);
  if (hash != NULL)
    *hash = '\0';

  node->base_uri = g_steal_pointer (&resolved);
  g_hash_table_replace (c->resources, g_strdup (node->base_uri), node);
  return TRUE;
}

static gboolean
compile_keywords (AscSchemaCompiler  *c,
                  AscSchemaNode      *node,
                  JsonObject         *object,
                  GError            **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      AscSchemaKeywordParser parse = find_parser (name);

      if (parse == NULL)
        {
          g_autoptr(GString) path = g_string_new (c->path->str);

          asc_json_pointer_add_token (path, name);
          g_ptr_array_add (node->unsupported, g_strdup (name));
          _asc_schema_add_unsupported (c->schema, path->str);
          continue;
        }
      if (!parse (c, node, name, value, error))
        return FALSE;
    }

  return TRUE;
}

/*
 * Compiles the schema @json found at the compiler's current path. A
 * location is compiled once: a second request returns the same node.
 */
AscSchemaNode *
_asc_schema_compile (AscSchemaCompiler  *c,
                     JsonNode           *json,
                     const char         *base_uri,
                     GError            **error)
{
  AscSchemaNode *node = g_hash_table_lookup (c->by_json, json);
  gboolean ok;

  if (node != NULL)
    return node;

  if (!JSON_NODE_HOLDS_OBJECT (json) && !is_boolean (json))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_FAILED,
                   _("Invalid schema at “%s”: a schema must be an object, "
                     "true or false"), c->path->str);
      return NULL;
    }
  if (c->depth >= MAX_DEPTH)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_FAILED,
                   _("Invalid schema at “%s”: schemas nested more than %d "
                     "levels deep are not supported"), c->path->str, MAX_DEPTH);
      return NULL;
    }

  node = _asc_schema_node_new (json, c->path->str);
  _asc_schema_add_node (c->schema, node);
  g_hash_table_insert (c->by_json, json, node);

  if (is_boolean (json))
    {
      node->is_boolean = TRUE;
      node->boolean_value = json_node_get_boolean (json);
      node->base_uri = g_strdup (base_uri);
      return node;
    }

  c->depth++;
  ok = apply_id (c, node, json_node_get_object (json), base_uri, error) &&
       compile_keywords (c, node, json_node_get_object (json), error);
  c->depth--;

  return ok ? node : NULL;
}
