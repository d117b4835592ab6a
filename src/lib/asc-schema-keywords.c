/* asc-schema-keywords.c: reads each supported keyword and checks its shape
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

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

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
_asc_schema_parse_string (AscSchemaCompiler  *c,
                          AscSchemaNode      *node,
                          const char         *keyword,
                          JsonNode           *value,
                          GError            **error)
{
  if (!is_string (value))
    return _asc_schema_fail (c, keyword, _("a string"), error);

  if (g_str_equal (keyword, "title"))
    node->title = json_node_get_string (value);
  else if (g_str_equal (keyword, "description"))
    node->description = json_node_get_string (value);
  else if (g_str_equal (keyword, "format"))
    node->format = json_node_get_string (value);

  return TRUE;
}

gboolean
_asc_schema_parse_flag (AscSchemaCompiler  *c,
                        AscSchemaNode      *node,
                        const char         *keyword,
                        JsonNode           *value,
                        GError            **error)
{
  gboolean flag;

  if (!is_boolean (value))
    return _asc_schema_fail (c, keyword, _("true or false"), error);

  flag = json_node_get_boolean (value);
  if (g_str_equal (keyword, "uniqueItems"))
    node->unique_items = flag;
  else if (g_str_equal (keyword, "deprecated"))
    node->deprecated = flag;
  else if (g_str_equal (keyword, "readOnly"))
    node->read_only = flag;
  else if (g_str_equal (keyword, "writeOnly"))
    node->write_only = flag;

  return TRUE;
}

gboolean
_asc_schema_parse_any (AscSchemaCompiler  *c,
                       AscSchemaNode      *node,
                       const char         *keyword,
                       JsonNode           *value,
                       GError            **error)
{
  if (g_str_equal (keyword, "const"))
    node->const_value = value;
  else if (g_str_equal (keyword, "default"))
    node->default_value = value;

  return TRUE;
}

gboolean
_asc_schema_parse_array (AscSchemaCompiler  *c,
                         AscSchemaNode      *node,
                         const char         *keyword,
                         JsonNode           *value,
                         GError            **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (value))
    return _asc_schema_fail (c, keyword, _("an array"), error);

  if (g_str_equal (keyword, "enum"))
    node->enum_values = json_node_get_array (value);
  else
    node->examples = json_node_get_array (value);

  return TRUE;
}

static guint
type_from_name (const char *name)
{
  static const char * const names[] = {
    "null", "boolean", "object", "array", "number", "string", "integer",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return 1u << i;

  return 0;
}

gboolean
_asc_schema_parse_type (AscSchemaCompiler  *c,
                        AscSchemaNode      *node,
                        const char         *keyword,
                        JsonNode           *value,
                        GError            **error)
{
  const char *expectation = _("a type name or an array of unique type names");
  JsonArray *names;

  if (is_string (value))
    {
      node->types = type_from_name (json_node_get_string (value));
      return node->types != 0 || _asc_schema_fail (c, keyword, expectation, error);
    }
  if (!JSON_NODE_HOLDS_ARRAY (value))
    return _asc_schema_fail (c, keyword, expectation, error);

  names = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);
      guint type = is_string (name) ? type_from_name (json_node_get_string (name)) : 0;

      if (type == 0 || (node->types & type) != 0)
        return _asc_schema_fail (c, keyword, expectation, error);
      node->types |= type;
    }

  return TRUE;
}

gboolean
_asc_schema_parse_number (AscSchemaCompiler  *c,
                          AscSchemaNode      *node,
                          const char         *keyword,
                          JsonNode           *value,
                          GError            **error)
{
  if (!is_number (value))
    return _asc_schema_fail (c, keyword, _("a number"), error);

  if (g_str_equal (keyword, "minimum"))
    node->minimum = value;
  else if (g_str_equal (keyword, "maximum"))
    node->maximum = value;
  else if (g_str_equal (keyword, "exclusiveMinimum"))
    node->exclusive_minimum = value;
  else if (g_str_equal (keyword, "exclusiveMaximum"))
    node->exclusive_maximum = value;
  else if (json_node_get_double (value) > 0)
    node->multiple_of = value;
  else
    return _asc_schema_fail (c, keyword, _("a number greater than 0"), error);

  return TRUE;
}

gboolean
_asc_schema_parse_count (AscSchemaCompiler  *c,
                         AscSchemaNode      *node,
                         const char         *keyword,
                         JsonNode           *value,
                         GError            **error)
{
  static const struct { const char *name; gsize offset; } counts[] = {
    { "minLength", G_STRUCT_OFFSET (AscSchemaNode, min_length) },
    { "maxLength", G_STRUCT_OFFSET (AscSchemaNode, max_length) },
    { "minItems", G_STRUCT_OFFSET (AscSchemaNode, min_items) },
    { "maxItems", G_STRUCT_OFFSET (AscSchemaNode, max_items) },
    { "minProperties", G_STRUCT_OFFSET (AscSchemaNode, min_properties) },
    { "maxProperties", G_STRUCT_OFFSET (AscSchemaNode, max_properties) },
    { "minContains", G_STRUCT_OFFSET (AscSchemaNode, min_contains) },
    { "maxContains", G_STRUCT_OFFSET (AscSchemaNode, max_contains) },
  };
  double number;

  if (!is_number (value) || !_asc_schema_is_integral (value) ||
      (number = json_node_get_double (value)) < 0)
    return _asc_schema_fail (c, keyword, _("a whole number, 0 or more"), error);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (g_str_equal (keyword, counts[i].name))
      G_STRUCT_MEMBER (gint64, node, counts[i].offset) =
        number >= (double) G_MAXINT64 ? G_MAXINT64 : (gint64) number;

  return TRUE;
}

static AscSchemaPattern *
compile_pattern (AscSchemaCompiler  *c,
                 const char         *keyword,
                 const char         *source,
                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *pcre = _asc_schema_ecma_to_pcre (source);
  g_autoptr(GRegex) regex = g_regex_new (pcre, G_REGEX_DOLLAR_ENDONLY, 0, &local_error);
  AscSchemaPattern *pattern;

  if (regex == NULL)
    {
      /* GRegex quotes the rewritten pattern: keep only its reason. */
      const char *at = strstr (local_error->message, " at char ");
      const char *reason = at != NULL ? strstr (at, ": ") : NULL;
      g_autofree char *expectation =
        g_strdup_printf (_("a regular expression (%s)"),
                         reason != NULL ? reason + 2 : local_error->message);

      _asc_schema_fail (c, keyword, expectation, error);
      return NULL;
    }

  pattern = g_new0 (AscSchemaPattern, 1);
  pattern->source = g_strdup (source);
  pattern->regex = g_steal_pointer (&regex);
  return pattern;
}

gboolean
_asc_schema_parse_pattern (AscSchemaCompiler  *c,
                           AscSchemaNode      *node,
                           const char         *keyword,
                           JsonNode           *value,
                           GError            **error)
{
  if (!is_string (value))
    return _asc_schema_fail (c, keyword, _("a string"), error);

  node->pattern = compile_pattern (c, keyword, json_node_get_string (value), error);
  return node->pattern != NULL;
}

gboolean
_asc_schema_parse_required (AscSchemaCompiler  *c,
                            AscSchemaNode      *node,
                            const char         *keyword,
                            JsonNode           *value,
                            GError            **error)
{
  JsonArray *names;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return _asc_schema_fail (c, keyword, _("an array of property names"), error);

  names = json_node_get_array (value);
  node->required = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);

      if (!is_string (name))
        return _asc_schema_fail (c, keyword, _("an array of property names"), error);
      g_ptr_array_add (node->required, g_strdup (json_node_get_string (name)));
    }

  return TRUE;
}

static void
free_dependency (gpointer data)
{
  AscSchemaDependency *dependency = data;

  g_free (dependency->name);
  g_strfreev (dependency->required);
  g_free (dependency);
}

/* “dependentRequired”: an object whose members are arrays of names. */
gboolean
_asc_schema_parse_dependencies (AscSchemaCompiler  *c,
                                AscSchemaNode      *node,
                                const char         *keyword,
                                JsonNode           *value,
                                GError            **error)
{
  const char *expectation = _("an object of arrays of property names");
  g_autoptr(GPtrArray) dependencies = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (value))
    return _asc_schema_fail (c, keyword, expectation, error);

  dependencies = g_ptr_array_new_with_free_func (free_dependency);
  json_object_iter_init_ordered (&iter, json_node_get_object (value));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      AscSchemaDependency *dependency;
      JsonArray *names;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return _asc_schema_fail (c, keyword, expectation, error);
      names = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (names); i++)
        {
          JsonNode *required = json_array_get_element (names, i);

          if (!is_string (required))
            return _asc_schema_fail (c, keyword, expectation, error);
          g_strv_builder_add (builder, json_node_get_string (required));
        }

      dependency = g_new0 (AscSchemaDependency, 1);
      dependency->name = g_strdup (name);
      dependency->required = g_strv_builder_end (builder);
      g_ptr_array_add (dependencies, dependency);
    }

  node->dependent_required = g_steal_pointer (&dependencies);
  return TRUE;
}

gboolean
_asc_schema_parse_schema (AscSchemaCompiler  *c,
                          AscSchemaNode      *node,
                          const char         *keyword,
                          JsonNode           *value,
                          GError            **error)
{
  static const struct { const char *name; gsize offset; } slots[] = {
    { "additionalProperties", G_STRUCT_OFFSET (AscSchemaNode, additional_properties) },
    { "items", G_STRUCT_OFFSET (AscSchemaNode, items) },
    { "not", G_STRUCT_OFFSET (AscSchemaNode, not_schema) },
    { "if", G_STRUCT_OFFSET (AscSchemaNode, if_schema) },
    { "then", G_STRUCT_OFFSET (AscSchemaNode, then_schema) },
    { "else", G_STRUCT_OFFSET (AscSchemaNode, else_schema) },
    { "contains", G_STRUCT_OFFSET (AscSchemaNode, contains) },
    { "propertyNames", G_STRUCT_OFFSET (AscSchemaNode, property_names) },
  };
  AscSchemaNode *child;

  /* Draft 7 wrote tuples as an array under “items”; 2020-12 did not. */
  if (g_str_equal (keyword, "items") && JSON_NODE_HOLDS_ARRAY (value))
    return _asc_schema_fail (c, keyword, _("a schema (tuples go in “prefixItems”)"), error);

  child = _asc_schema_compile_child (c, node, value, keyword, NULL, error);
  if (child == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (keyword, slots[i].name))
      G_STRUCT_MEMBER (AscSchemaNode *, node, slots[i].offset) = child;

  return TRUE;
}

static GPtrArray *
compile_list (AscSchemaCompiler  *c,
              AscSchemaNode      *node,
              const char         *keyword,
              JsonNode           *value,
              GError            **error)
{
  g_autoptr(GPtrArray) list = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (value) ||
      json_array_get_length (json_node_get_array (value)) == 0)
    {
      _asc_schema_fail (c, keyword, _("a non-empty array of schemas"), error);
      return NULL;
    }

  array = json_node_get_array (value);
  list = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      char index[16];
      AscSchemaNode *child;

      g_snprintf (index, sizeof index, "%u", i);
      child = _asc_schema_compile_child (c, node, json_array_get_element (array, i),
                             keyword, index, error);
      if (child == NULL)
        return NULL;
      g_ptr_array_add (list, child);
    }

  return g_steal_pointer (&list);
}

gboolean
_asc_schema_parse_list (AscSchemaCompiler  *c,
                        AscSchemaNode      *node,
                        const char         *keyword,
                        JsonNode           *value,
                        GError            **error)
{
  GPtrArray *list = compile_list (c, node, keyword, value, error);

  if (list == NULL)
    return FALSE;

  if (g_str_equal (keyword, "prefixItems"))
    node->prefix_items = list;
  else if (g_str_equal (keyword, "allOf"))
    node->all_of = list;
  else if (g_str_equal (keyword, "anyOf"))
    node->any_of = list;
  else
    node->one_of = list;

  return TRUE;
}

static void
free_property (gpointer data)
{
  AscSchemaProperty *property = data;

  g_free (property->name);
  g_free (property);
}

static void
free_pattern (gpointer data)
{
  AscSchemaPattern *pattern = data;

  g_free (pattern->source);
  g_regex_unref (pattern->regex);
  g_free (pattern);
}

/* Adds the schema @child of the map member @name to @entries. */
static gboolean
add_entry (AscSchemaCompiler  *c,
           GPtrArray          *entries,
           gboolean            patterns,
           const char         *keyword,
           const char         *name,
           AscSchemaNode      *child,
           GError            **error)
{
  gsize length = c->path->len;
  AscSchemaProperty *property;
  AscSchemaPattern *pattern;

  if (!patterns)
    {
      property = g_new0 (AscSchemaProperty, 1);
      property->name = g_strdup (name);
      property->schema = child;
      g_ptr_array_add (entries, property);
      return TRUE;
    }

  /* A bad regular expression is named by its own path. */
  asc_json_pointer_add_token (c->path, keyword);
  pattern = compile_pattern (c, name, name, error);
  g_string_truncate (c->path, length);
  if (pattern == NULL)
    return FALSE;

  pattern->schema = child;
  g_ptr_array_add (entries, pattern);
  return TRUE;
}

/* Compiles the members of a map of schemas, in document order. */
gboolean
_asc_schema_parse_map (AscSchemaCompiler  *c,
                       AscSchemaNode      *node,
                       const char         *keyword,
                       JsonNode           *value,
                       GError            **error)
{
  gboolean patterns = g_str_equal (keyword, "patternProperties");
  g_autoptr(GPtrArray) entries = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (value))
    return _asc_schema_fail (c, keyword, _("an object of schemas"), error);

  entries = g_ptr_array_new_with_free_func (patterns ? free_pattern : free_property);
  json_object_iter_init_ordered (&iter, json_node_get_object (value));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      AscSchemaNode *child = _asc_schema_compile_child (c, node, member, keyword, name, error);

      if (child == NULL)
        return FALSE;
      if (!add_entry (c, entries, patterns, keyword, name, child, error))
        return FALSE;
    }

  if (patterns)
    node->pattern_properties = g_steal_pointer (&entries);
  else if (g_str_equal (keyword, "properties"))
    node->properties = g_steal_pointer (&entries);
  else if (g_str_equal (keyword, "dependentSchemas"))
    node->dependent_schemas = g_steal_pointer (&entries);

  return TRUE;
}

gboolean
_asc_schema_parse_ref (AscSchemaCompiler  *c,
                       AscSchemaNode      *node,
                       const char         *keyword,
                       JsonNode           *value,
                       GError            **error)
{
  if (!is_string (value))
    return _asc_schema_fail (c, keyword, _("a URI reference"), error);

  node->ref = g_strdup (json_node_get_string (value));
  return TRUE;
}

static gboolean
is_anchor_name (const char *name)
{
  if (!g_ascii_isalpha (name[0]) && name[0] != '_')
    return FALSE;
  for (const char *p = name + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.", *p) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
_asc_schema_parse_anchor (AscSchemaCompiler  *c,
                          AscSchemaNode      *node,
                          const char         *keyword,
                          JsonNode           *value,
                          GError            **error)
{
  if (!is_string (value) || !is_anchor_name (json_node_get_string (value)))
    return _asc_schema_fail (c, keyword, _("a plain name such as “node”"), error);

  g_hash_table_replace (c->anchors,
                        g_strconcat (node->base_uri, "#",
                                     json_node_get_string (value), NULL),
                        node);
  return TRUE;
}

/* “$id” was handled before the other keywords: it sets the base URI. */
gboolean
_asc_schema_parse_nothing (AscSchemaCompiler  *c,
                           AscSchemaNode      *node,
                           const char         *keyword,
                           JsonNode           *value,
                           GError            **error)
{
  return TRUE;
}

