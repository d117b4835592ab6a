/* asc-schema-validate.c: checks a value against a compiled schema
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-json-diff.h"
#include "asc-json-pointer.h"
#include "asc-schema-private.h"

#include <glib/gi18n-lib.h>

/* At most this many enum values are spelled out in a message. */
#define MAX_LISTED_VALUES 8

typedef gboolean (*Check) (AscSchemaEval *eval,
                           AscSchemaNode *node,
                           JsonNode      *instance);

/* Records that @keyword failed; @token, if any, extends the instance path
 * (a missing required property is reported at its own path). Takes
 * @message. Returns FALSE, for the caller to return. */
gboolean
_asc_schema_report (AscSchemaEval *eval,
                    const char    *keyword,
                    const char    *token,
                    char          *message)
{
  g_autofree char *owned_message = message;
  g_autofree char *schema_path = NULL;
  g_autofree char *instance_path = NULL;

  if (eval->issues == NULL)
    return FALSE;

  schema_path = asc_json_pointer_append (eval->schema_path->str, keyword);
  instance_path = token != NULL ? asc_json_pointer_append (eval->instance_path->str, token)
                                : g_strdup (eval->instance_path->str);
  g_ptr_array_add (eval->issues,
                   asc_schema_issue_new (instance_path, schema_path, keyword, message));
  return FALSE;
}

/* Evaluates @child against @instance with the paths extended: the schema
 * path by @keyword and @schema_token, the instance path by @instance_token. */
gboolean
_asc_schema_descend (AscSchemaEval *eval,
                     AscSchemaNode *child,
                     JsonNode      *instance,
                     const char    *keyword,
                     const char    *schema_token,
                     const char    *instance_token)
{
  gsize schema_length = eval->schema_path->len;
  gsize instance_length = eval->instance_path->len;
  gboolean valid;

  asc_json_pointer_add_token (eval->schema_path, keyword);
  if (schema_token != NULL)
    asc_json_pointer_add_token (eval->schema_path, schema_token);
  if (instance_token != NULL)
    asc_json_pointer_add_token (eval->instance_path, instance_token);

  valid = _asc_schema_evaluate_node (eval, child, instance);

  g_string_truncate (eval->schema_path, schema_length);
  g_string_truncate (eval->instance_path, instance_length);
  return valid;
}

gboolean
_asc_schema_descend_quietly (AscSchemaEval *eval,
                             AscSchemaNode *child,
                             JsonNode      *instance,
                             const char    *keyword,
                             const char    *schema_token)
{
  GPtrArray *issues = eval->issues;
  gboolean valid;

  eval->issues = NULL;
  valid = _asc_schema_descend (eval, child, instance, keyword, schema_token, NULL);
  eval->issues = issues;

  return valid;
}

static char *
expected_types (guint types)
{
  static const guint order[] = {
    ASC_SCHEMA_TYPE_STRING, ASC_SCHEMA_TYPE_INTEGER, ASC_SCHEMA_TYPE_NUMBER,
    ASC_SCHEMA_TYPE_BOOLEAN, ASC_SCHEMA_TYPE_OBJECT, ASC_SCHEMA_TYPE_ARRAY,
    ASC_SCHEMA_TYPE_NULL,
  };
  g_autoptr(GPtrArray) phrases = g_ptr_array_new ();
  g_autofree char *head = NULL;
  const char *last;

  if (types & ASC_SCHEMA_TYPE_NUMBER)
    types &= ~ASC_SCHEMA_TYPE_INTEGER;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (types & order[i])
      g_ptr_array_add (phrases, (gpointer) _asc_schema_type_phrase (order[i]));

  last = g_ptr_array_index (phrases, phrases->len - 1);
  if (phrases->len == 1)
    return g_strdup (last);

  phrases->pdata[phrases->len - 1] = NULL;
  head = g_strjoinv (", ", (char **) phrases->pdata);
  /* Translators: the end of a list of types: “a string, a number or null”. */
  return g_strdup_printf (_("%s or %s"), head, last);
}

static gboolean
check_type (AscSchemaEval *eval,
            AscSchemaNode *node,
            JsonNode      *instance)
{
  guint type = _asc_schema_instance_type (instance);
  g_autofree char *expected = NULL;
  guint actual = type;

  if (node->types == 0 || (node->types & type) != 0)
    return TRUE;
  if (type == ASC_SCHEMA_TYPE_NUMBER && _asc_schema_is_integral (instance))
    {
      if (node->types & ASC_SCHEMA_TYPE_INTEGER)
        return TRUE;
      actual = ASC_SCHEMA_TYPE_INTEGER;
    }

  expected = expected_types (node->types);
  /* Translators: “expected an integer, got a string”. */
  return _asc_schema_report (eval, "type", NULL,
                 g_strdup_printf (_("expected %s, got %s"), expected,
                                  _asc_schema_type_phrase (actual)));
}

static char *
list_values (JsonArray *values)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint length = json_array_get_length (values);

  for (guint i = 0; i < MIN (length, MAX_LISTED_VALUES); i++)
    {
      g_autofree char *value = _asc_schema_format_value (json_array_get_element (values, i));

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, value);
    }
  if (length > MAX_LISTED_VALUES)
    g_string_append (text, ", …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_enum (AscSchemaEval *eval,
            AscSchemaNode *node,
            JsonNode      *instance)
{
  g_autofree char *values = NULL;
  guint length;

  if (node->enum_values == NULL)
    return TRUE;

  length = json_array_get_length (node->enum_values);
  for (guint i = 0; i < length; i++)
    if (asc_json_equal (json_array_get_element (node->enum_values, i), instance))
      return TRUE;

  values = list_values (node->enum_values);
  if (length == 1)
    return _asc_schema_report (eval, "enum", NULL, g_strdup_printf (_("must be %s"), values));
  if (length == 0)
    return _asc_schema_report (eval, "enum", NULL, g_strdup (_("no value is allowed here")));
  return _asc_schema_report (eval, "enum", NULL, g_strdup_printf (_("must be one of %s"), values));
}

static gboolean
check_const (AscSchemaEval *eval,
             AscSchemaNode *node,
             JsonNode      *instance)
{
  g_autofree char *value = NULL;

  if (node->const_value == NULL || asc_json_equal (node->const_value, instance))
    return TRUE;

  value = _asc_schema_format_value (node->const_value);
  return _asc_schema_report (eval, "const", NULL, g_strdup_printf (_("must be %s"), value));
}

static char *
bound_message (const char *keyword,
               const char *bound)
{
  if (g_str_equal (keyword, "minimum"))
    return g_strdup_printf (_("must be at least %s"), bound);
  if (g_str_equal (keyword, "maximum"))
    return g_strdup_printf (_("must be at most %s"), bound);
  if (g_str_equal (keyword, "exclusiveMinimum"))
    return g_strdup_printf (_("must be greater than %s"), bound);
  if (g_str_equal (keyword, "exclusiveMaximum"))
    return g_strdup_printf (_("must be less than %s"), bound);
  return g_strdup_printf (_("must be a multiple of %s"), bound);
}

static gboolean
check_bound (AscSchemaEval *eval,
             const char    *keyword,
             JsonNode      *bound,
             gboolean       holds)
{
  g_autofree char *text = NULL;

  if (holds)
    return TRUE;

  text = _asc_schema_format_number (bound);
  return _asc_schema_report (eval, keyword, NULL, bound_message (keyword, text));
}

static gboolean
check_numeric (AscSchemaEval *eval,
               AscSchemaNode *node,
               JsonNode      *instance)
{
  gboolean valid = TRUE;

  if (_asc_schema_instance_type (instance) != ASC_SCHEMA_TYPE_NUMBER)
    return TRUE;

  if (node->minimum != NULL)
    valid &= check_bound (eval, "minimum", node->minimum,
                          _asc_schema_compare_numbers (instance, node->minimum) >= 0);
  if (node->maximum != NULL)
    valid &= check_bound (eval, "maximum", node->maximum,
                          _asc_schema_compare_numbers (instance, node->maximum) <= 0);
  if (node->exclusive_minimum != NULL)
    valid &= check_bound (eval, "exclusiveMinimum", node->exclusive_minimum,
                          _asc_schema_compare_numbers (instance, node->exclusive_minimum) > 0);
  if (node->exclusive_maximum != NULL)
    valid &= check_bound (eval, "exclusiveMaximum", node->exclusive_maximum,
                          _asc_schema_compare_numbers (instance, node->exclusive_maximum) < 0);
  if (node->multiple_of != NULL)
    valid &= check_bound (eval, "multipleOf", node->multiple_of,
                          _asc_schema_is_multiple (instance, node->multiple_of));

  return valid;
}

static gboolean
check_string (AscSchemaEval *eval,
              AscSchemaNode *node,
              JsonNode      *instance)
{
  gboolean valid = TRUE;
  const char *text;
  gint64 length;

  if (_asc_schema_instance_type (instance) != ASC_SCHEMA_TYPE_STRING)
    return TRUE;

  text = json_node_get_string (instance);
  length = g_utf8_strlen (text, -1);
  if (node->min_length >= 0 && length < node->min_length)
    valid = _asc_schema_report (eval, "minLength", NULL,
                                _asc_schema_count_message ("minLength", node->min_length));
  if (node->max_length >= 0 && length > node->max_length)
    valid = _asc_schema_report (eval, "maxLength", NULL,
                                _asc_schema_count_message ("maxLength", node->max_length));
  if (node->pattern != NULL && !g_regex_match (node->pattern->regex, text, 0, NULL))
    valid &= _asc_schema_report (eval, "pattern", NULL,
                                 g_strdup_printf (_("must match the pattern “%s”"),
                                                  node->pattern->source));

  return valid;
}

static const Check checks[] = {
  check_type,
  check_enum,
  check_const,
  check_numeric,
  check_string,
  _asc_schema_check_properties,
  _asc_schema_check_required,
  _asc_schema_check_property_count,
  _asc_schema_check_items,
  _asc_schema_check_item_count,
  _asc_schema_check_unique_items,
  _asc_schema_check_contains,
  _asc_schema_check_property_names,
  _asc_schema_check_dependencies,
  _asc_schema_check_all_of,
  _asc_schema_check_any_of,
  _asc_schema_check_one_of,
  _asc_schema_check_not,
  _asc_schema_check_conditional,
  _asc_schema_check_ref,
};

gboolean
_asc_schema_evaluate_node (AscSchemaEval *eval,
                           AscSchemaNode *node,
                           JsonNode      *instance)
{
  gboolean valid = TRUE;

  if (node->is_boolean)
    {
      if (node->boolean_value)
        return TRUE;
      return _asc_schema_report (eval, "false", NULL, g_strdup (_("no value is allowed here")));
    }

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      if (!checks[i] (eval, node, instance))
        {
          valid = FALSE;
          if (eval->issues == NULL)
            return FALSE;
        }
    }

  return valid;
}

/*
 * Evaluates @instance, found at @instance_path, against @node. Appends an
 * AscSchemaIssue to @issues for each failure, or stops at the first one
 * when @issues is NULL.
 */
gboolean
_asc_schema_evaluate (AscSchema     *self,
                      AscSchemaNode *node,
                      JsonNode      *instance,
                      const char    *instance_path,
                      GPtrArray     *issues)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (AscSchemaRefFrame));
  g_autoptr(GString) ipath = g_string_new (instance_path);
  g_autoptr(GString) spath = g_string_new (node->path);
  AscSchemaEval eval = { issues, refs, ipath, spath };

  return _asc_schema_evaluate_node (&eval, node, instance);
}

gboolean
_asc_schema_node_matches (AscSchemaNode *node,
                          JsonNode      *instance)
{
  return _asc_schema_evaluate (NULL, node, instance, "", NULL);
}
