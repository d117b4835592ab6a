/* asc-demo-validate.c: inputs checked against the catalog's schemas
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-validate.h"

#include "asc-demo-catalog.h"
#include "asc-json-pointer.h"
#include "asc-schema.h"

#include <glib/gi18n-lib.h>

/* The catalog's `input` schema of each method is the one rule for its
 * input, so what a form offers and what the server accepts never differ.
 * Issues take the shape Zod gives them on a real Zocket server,
 * {code, path: [...], message}, so clients parse them the same way. */

static const struct {
  const char *keyword;
  const char *code;
} issue_codes[] = {
  { "type", "invalid_type" },
  { "required", "invalid_type" },
  { "enum", "invalid_value" },
  { "const", "invalid_value" },
  { "minimum", "too_small" },
  { "exclusiveMinimum", "too_small" },
  { "minLength", "too_small" },
  { "minItems", "too_small" },
  { "maximum", "too_big" },
  { "exclusiveMaximum", "too_big" },
  { "maxLength", "too_big" },
  { "maxItems", "too_big" },
};

static const char *
issue_code (const char *keyword)
{
  for (guint i = 0; i < G_N_ELEMENTS (issue_codes); i++)
    if (g_strcmp0 (issue_codes[i].keyword, keyword) == 0)
      return issue_codes[i].code;

  return "custom";
}

/* Compiled once per method, for the life of the process, like the catalog. */
static AscSchema *
input_schema (const char *actor,
              const char *method)
{
  static GHashTable *schemas;
  g_autofree char *key = g_strconcat (actor, ".", method, NULL);
  JsonObject *entry;
  AscSchema *schema;
  g_autoptr(GError) error = NULL;

  if (g_once_init_enter (&schemas))
    g_once_init_leave (&schemas, g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        g_free, g_object_unref));

  schema = g_hash_table_lookup (schemas, key);
  entry = asc_demo_catalog_get_method (actor, method);
  if (schema != NULL || entry == NULL || !json_object_has_member (entry, "input"))
    return schema;

  schema = asc_schema_new (json_object_get_member (entry, "input"), &error);
  g_assert_no_error (error);
  g_hash_table_insert (schemas, g_steal_pointer (&key), schema);
  return schema;
}

/* "/tags/1" in ["a", 2] becomes ["tags", 1]: indices are numbers. */
static JsonArray *
path_from_pointer (const char *pointer,
                   JsonNode   *input)
{
  g_auto(GStrv) tokens = asc_json_pointer_parse (pointer, NULL);
  JsonArray *path = json_array_new ();
  JsonNode *node = input;

  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    {
      guint index;

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
          asc_json_pointer_parse_index (tokens[i], G_MAXUINT, FALSE, &index, NULL))
        json_array_add_int_element (path, index);
      else
        json_array_add_string_element (path, tokens[i]);

      node = node != NULL ? asc_json_pointer_get_child (node, tokens[i], NULL) : NULL;
    }

  return path;
}

static void
add_issue (JsonArray  *issues,
           const char *code,
           JsonArray  *path,
           const char *message)
{
  JsonObject *issue = json_object_new ();

  json_object_set_string_member (issue, "code", code);
  json_object_set_array_member (issue, "path", path);
  json_object_set_string_member (issue, "message", message);
  json_array_add_object_element (issues, issue);
}

/**
 * asc_demo_validate_input:
 * @actor: an actor type
 * @method: one of its methods
 * @input: (nullable): the input sent, %NULL when absent
 *
 * Checks @input against the method's `input` schema in the catalog. A
 * method without one takes any input, and ignores it.
 *
 * Returns: (transfer full) (nullable): a JSON array of issues, or %NULL
 *   when @input is acceptable
 */
JsonNode *
asc_demo_validate_input (const char *actor,
                         const char *method,
                         JsonNode   *input)
{
  AscSchema *schema = input_schema (actor, method);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(JsonArray) issues = json_array_new ();

  if (schema == NULL)
    return NULL;

  /* An absent input is JavaScript's undefined, which no schema can hold. */
  if (input == NULL)
    add_issue (issues, "invalid_type", json_array_new (),
               _("expected an object, got nothing"));
  else if (!asc_schema_validate (schema, input, &found))
    for (guint i = 0; i < found->len; i++)
      {
        AscSchemaIssue *issue = g_ptr_array_index (found, i);

        add_issue (issues, issue_code (asc_schema_issue_get_keyword (issue)),
                   path_from_pointer (asc_schema_issue_get_instance_path (issue), input),
                   asc_schema_issue_get_message (issue));
      }

  if (json_array_get_length (issues) == 0)
    return NULL;

  return json_node_init_array (json_node_alloc (), issues);
}
