/* asc-schema-applicators.c: the keywords that apply subschemas (objects,
 * arrays, combinations and references)
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-json-diff.h"
#include "asc-schema-private.h"

#include <glib/gi18n-lib.h>

static gboolean
is_declared (AscSchemaNode *node,
             const char    *name)
{
  if (node->properties == NULL)
    return FALSE;

  for (guint i = 0; i < node->properties->len; i++)
    {
      AscSchemaProperty *property = g_ptr_array_index (node->properties, i);

      if (g_str_equal (property->name, name))
        return TRUE;
    }

  return FALSE;
}

/* Applies “patternProperties” to one member; says whether any matched. */
static gboolean
check_patterns (AscSchemaEval *eval,
                AscSchemaNode *node,
                const char    *name,
                JsonNode      *value,
                gboolean      *matched)
{
  gboolean valid = TRUE;

  *matched = FALSE;
  for (guint i = 0; node->pattern_properties != NULL && i < node->pattern_properties->len; i++)
    {
      AscSchemaPattern *pattern = g_ptr_array_index (node->pattern_properties, i);

      if (!g_regex_match (pattern->regex, name, 0, NULL))
        continue;
      *matched = TRUE;
      valid &= _asc_schema_descend (eval, pattern->schema, value, "patternProperties",
                                    pattern->source, name);
      if (!valid && eval->issues == NULL)
        return FALSE;
    }

  return valid;
}

static gboolean
check_additional (AscSchemaEval *eval,
                  AscSchemaNode *node,
                  const char    *name,
                  JsonNode      *value)
{
  AscSchemaNode *additional = node->additional_properties;

  /* An unexpected member has no field of its own: report it on the object. */
  if (additional->is_boolean && !additional->boolean_value)
    return _asc_schema_report (eval, "additionalProperties", NULL,
                               g_strdup_printf (_("has an unexpected property “%s”"), name));

  return _asc_schema_descend (eval, additional, value, "additionalProperties", NULL, name);
}

gboolean
_asc_schema_check_properties (AscSchemaEval *eval,
                              AscSchemaNode *node,
                              JsonNode      *instance)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean valid = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (instance))
    return TRUE;

  object = json_node_get_object (instance);
  for (guint i = 0; node->properties != NULL && i < node->properties->len; i++)
    {
      AscSchemaProperty *property = g_ptr_array_index (node->properties, i);

      value = json_object_get_member (object, property->name);
      if (value != NULL)
        valid &= _asc_schema_descend (eval, property->schema, value, "properties",
                                      property->name, property->name);
      if (!valid && eval->issues == NULL)
        return FALSE;
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      gboolean matched;

      valid &= check_patterns (eval, node, name, value, &matched);
      if (!matched && node->additional_properties != NULL && !is_declared (node, name))
        valid &= check_additional (eval, node, name, value);
      if (!valid && eval->issues == NULL)
        return FALSE;
    }

  return valid;
}

gboolean
_asc_schema_check_required (AscSchemaEval *eval,
                            AscSchemaNode *node,
                            JsonNode      *instance)
{
  gboolean valid = TRUE;

  if (node->required == NULL || !JSON_NODE_HOLDS_OBJECT (instance))
    return TRUE;

  for (guint i = 0; i < node->required->len; i++)
    {
      const char *name = g_ptr_array_index (node->required, i);

      if (json_object_has_member (json_node_get_object (instance), name))
        continue;
      valid = _asc_schema_report (eval, "required", name, g_strdup (_("is required")));
      if (eval->issues == NULL)
        return FALSE;
    }

  return valid;
}

gboolean
_asc_schema_check_property_count (AscSchemaEval *eval,
                                  AscSchemaNode *node,
                                  JsonNode      *instance)
{
  gboolean valid = TRUE;
  gint64 size;

  if (!JSON_NODE_HOLDS_OBJECT (instance))
    return TRUE;

  size = json_object_get_size (json_node_get_object (instance));
  if (node->min_properties >= 0 && size < node->min_properties)
    valid = _asc_schema_report (eval, "minProperties", NULL,
                                _asc_schema_count_message ("minProperties", node->min_properties));
  if (node->max_properties >= 0 && size > node->max_properties)
    valid = _asc_schema_report (eval, "maxProperties", NULL,
                                _asc_schema_count_message ("maxProperties", node->max_properties));

  return valid;
}

gboolean
_asc_schema_check_items (AscSchemaEval *eval,
                         AscSchemaNode *node,
                         JsonNode      *instance)
{
  guint prefix = node->prefix_items != NULL ? node->prefix_items->len : 0;
  gboolean valid = TRUE;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (instance))
    return TRUE;

  array = json_node_get_array (instance);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AscSchemaNode *child = i < prefix ? g_ptr_array_index (node->prefix_items, i)
                                        : node->items;
      char index[16], schema_index[16];

      if (child == NULL)
        break;
      g_snprintf (index, sizeof index, "%u", i);
      g_snprintf (schema_index, sizeof schema_index, "%u", i);
      valid &= _asc_schema_descend (eval, child, json_array_get_element (array, i),
                                    i < prefix ? "prefixItems" : "items",
                                    i < prefix ? schema_index : NULL, index);
      if (!valid && eval->issues == NULL)
        return FALSE;
    }

  return valid;
}

gboolean
_asc_schema_check_item_count (AscSchemaEval *eval,
                              AscSchemaNode *node,
                              JsonNode      *instance)
{
  gboolean valid = TRUE;
  gint64 length;

  if (!JSON_NODE_HOLDS_ARRAY (instance))
    return TRUE;

  length = json_array_get_length (json_node_get_array (instance));
  if (node->min_items >= 0 && length < node->min_items)
    valid = _asc_schema_report (eval, "minItems", NULL,
                                _asc_schema_count_message ("minItems", node->min_items));
  if (node->max_items >= 0 && length > node->max_items)
    valid = _asc_schema_report (eval, "maxItems", NULL,
                                _asc_schema_count_message ("maxItems", node->max_items));

  return valid;
}

gboolean
_asc_schema_check_unique_items (AscSchemaEval *eval,
                                AscSchemaNode *node,
                                JsonNode      *instance)
{
  JsonArray *array;
  guint length;

  if (!node->unique_items || !JSON_NODE_HOLDS_ARRAY (instance))
    return TRUE;

  array = json_node_get_array (instance);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    for (guint j = i + 1; j < length; j++)
      if (asc_json_equal (json_array_get_element (array, i),
                          json_array_get_element (array, j)))
        return _asc_schema_report (eval, "uniqueItems", NULL,
                                   g_strdup_printf (_("must not hold the same value twice "
                                                      "(items %u and %u are equal)"), i, j));

  return TRUE;
}

gboolean
_asc_schema_check_all_of (AscSchemaEval *eval,
                          AscSchemaNode *node,
                          JsonNode      *instance)
{
  gboolean valid = TRUE;

  for (guint i = 0; node->all_of != NULL && i < node->all_of->len; i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      valid &= _asc_schema_descend (eval, g_ptr_array_index (node->all_of, i), instance,
                                    "allOf", index, NULL);
      if (!valid && eval->issues == NULL)
        return FALSE;
    }

  return valid;
}

/* How many of @alternatives @instance matches, counting no further than
 * @enough. */
static guint
count_matches (AscSchemaEval *eval,
               GPtrArray     *alternatives,
               const char    *keyword,
               JsonNode      *instance,
               guint          enough)
{
  guint matches = 0;

  for (guint i = 0; i < alternatives->len && matches < enough; i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      if (_asc_schema_descend_quietly (eval, g_ptr_array_index (alternatives, i),
                                       instance, keyword, index))
        matches++;
    }

  return matches;
}

gboolean
_asc_schema_check_any_of (AscSchemaEval *eval,
                          AscSchemaNode *node,
                          JsonNode      *instance)
{
  if (node->any_of == NULL || count_matches (eval, node->any_of, "anyOf", instance, 1) > 0)
    return TRUE;

  return _asc_schema_report (eval, "anyOf", NULL,
                             g_strdup (_("must match at least one of the alternatives")));
}

gboolean
_asc_schema_check_one_of (AscSchemaEval *eval,
                          AscSchemaNode *node,
                          JsonNode      *instance)
{
  guint matches;

  if (node->one_of == NULL)
    return TRUE;

  matches = count_matches (eval, node->one_of, "oneOf", instance, 2);
  if (matches == 1)
    return TRUE;
  if (matches == 0)
    return _asc_schema_report (eval, "oneOf", NULL,
                               g_strdup (_("must match one of the alternatives")));
  return _asc_schema_report (eval, "oneOf", NULL,
                             g_strdup (_("must match only one of the alternatives, "
                                         "but matches several")));
}

gboolean
_asc_schema_check_not (AscSchemaEval *eval,
                       AscSchemaNode *node,
                       JsonNode      *instance)
{
  if (node->not_schema == NULL ||
      !_asc_schema_descend_quietly (eval, node->not_schema, instance, "not", NULL))
    return TRUE;

  return _asc_schema_report (eval, "not", NULL,
                             g_strdup (_("must not match the schema under “not”")));
}

gboolean
_asc_schema_check_conditional (AscSchemaEval *eval,
                               AscSchemaNode *node,
                               JsonNode      *instance)
{
  if (node->if_schema == NULL)
    return TRUE;

  if (_asc_schema_descend_quietly (eval, node->if_schema, instance, "if", NULL))
    return node->then_schema == NULL ||
           _asc_schema_descend (eval, node->then_schema, instance, "then", NULL, NULL);

  return node->else_schema == NULL ||
         _asc_schema_descend (eval, node->else_schema, instance, "else", NULL, NULL);
}

/* A reference that comes back to the same schema for the same value
 * without descending into it would never end: it fails instead. */
gboolean
_asc_schema_check_ref (AscSchemaEval *eval,
                       AscSchemaNode *node,
                       JsonNode      *instance)
{
  AscSchemaRefFrame frame = { node->ref_target, instance };
  gboolean valid;

  if (node->ref_target == NULL)
    return TRUE;

  for (guint i = 0; i < eval->refs->len; i++)
    {
      AscSchemaRefFrame *seen = &g_array_index (eval->refs, AscSchemaRefFrame, i);

      if (seen->node == frame.node && seen->instance == instance)
        return _asc_schema_report (eval, "$ref", NULL,
                                   g_strdup (_("the schema refers to itself without end")));
    }

  g_array_append_val (eval->refs, frame);
  valid = _asc_schema_descend (eval, node->ref_target, instance, "$ref", NULL, NULL);
  g_array_set_size (eval->refs, eval->refs->len - 1);

  return valid;
}

/* “contains”: how many items match it must lie within “minContains”
 * (1 when absent) and “maxContains”. */
gboolean
_asc_schema_check_contains (AscSchemaEval *eval,
                            AscSchemaNode *node,
                            JsonNode      *instance)
{
  gint64 minimum = node->min_contains >= 0 ? node->min_contains : 1;
  gboolean valid = TRUE;
  gint64 matches = 0;
  JsonArray *array;

  if (node->contains == NULL || !JSON_NODE_HOLDS_ARRAY (instance))
    return TRUE;

  array = json_node_get_array (instance);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (_asc_schema_descend_quietly (eval, node->contains, json_array_get_element (array, i),
                                     "contains", NULL))
      matches++;

  if (matches < minimum)
    valid = _asc_schema_report (eval, node->min_contains >= 0 ? "minContains" : "contains", NULL,
                                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "must hold at least %lu item "
                                                              "that matches “contains”; found %lu",
                                                              "must hold at least %lu items "
                                                              "that match “contains”; found %lu",
                                                              (gulong) MIN (minimum, G_MAXLONG)),
                                                 (gulong) MIN (minimum, G_MAXLONG),
                                                 (gulong) matches));
  if (node->max_contains >= 0 && matches > node->max_contains)
    valid = _asc_schema_report (eval, "maxContains", NULL,
                                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "must hold at most %lu item "
                                                              "that matches “contains”; found %lu",
                                                              "must hold at most %lu items "
                                                              "that match “contains”; found %lu",
                                                              (gulong) MIN (node->max_contains,
                                                                            G_MAXLONG)),
                                                 (gulong) MIN (node->max_contains, G_MAXLONG),
                                                 (gulong) matches));

  return valid;
}

/* A name is no value at a path of its own: its issues are reported on
 * the object, naming it. */
gboolean
_asc_schema_check_property_names (AscSchemaEval *eval,
                                  AscSchemaNode *node,
                                  JsonNode      *instance)
{
  GPtrArray *issues = eval->issues;
  gboolean valid = TRUE;
  JsonObjectIter iter;
  const char *name;

  if (node->property_names == NULL || !JSON_NODE_HOLDS_OBJECT (instance))
    return TRUE;

  json_object_iter_init_ordered (&iter, json_node_get_object (instance));
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), name);
      g_autoptr(GPtrArray) found = NULL;

      if (issues != NULL)
        found = g_ptr_array_new_with_free_func (g_object_unref);
      eval->issues = found;
      if (_asc_schema_descend (eval, node->property_names, key, "propertyNames", NULL, NULL))
        {
          eval->issues = issues;
          continue;
        }

      eval->issues = issues;
      valid = FALSE;
      if (issues == NULL)
        return FALSE;
      for (guint i = 0; i < found->len; i++)
        _asc_schema_report (eval, "propertyNames", NULL,
                            g_strdup_printf (_("property name “%s”: %s"), name,
                                             asc_schema_issue_get_message (found->pdata[i])));
    }

  return valid;
}

/* “dependentRequired” and “dependentSchemas”: what the presence of one
 * property asks of the object. */
gboolean
_asc_schema_check_dependencies (AscSchemaEval *eval,
                                AscSchemaNode *node,
                                JsonNode      *instance)
{
  gboolean valid = TRUE;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (instance))
    return TRUE;

  object = json_node_get_object (instance);
  for (guint i = 0; node->dependent_required != NULL && i < node->dependent_required->len; i++)
    {
      AscSchemaDependency *dependency = g_ptr_array_index (node->dependent_required, i);

      if (!json_object_has_member (object, dependency->name))
        continue;
      for (guint j = 0; dependency->required[j] != NULL; j++)
        {
          if (json_object_has_member (object, dependency->required[j]))
            continue;
          valid = _asc_schema_report (eval, "dependentRequired", dependency->required[j],
                                      g_strdup_printf (_("is required when “%s” is present"),
                                                       dependency->name));
          if (eval->issues == NULL)
            return FALSE;
        }
    }

  for (guint i = 0; node->dependent_schemas != NULL && i < node->dependent_schemas->len; i++)
    {
      AscSchemaProperty *dependency = g_ptr_array_index (node->dependent_schemas, i);

      if (!json_object_has_member (object, dependency->name))
        continue;
      valid &= _asc_schema_descend (eval, dependency->schema, instance, "dependentSchemas",
                                    dependency->name, NULL);
      if (!valid && eval->issues == NULL)
        return FALSE;
    }

  return valid;
}
