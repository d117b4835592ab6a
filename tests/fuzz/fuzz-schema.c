/* fuzz-schema.c: fuzz target for JSON Schema validation and form fields
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a JSON Schema on its first line and an instance after it.
 * A schema that does not compile gives an error with a message. One that
 * does validates the instance the same way with and without collecting
 * issues, and builds a field tree that gives back the instance it was set
 * to: AscField promises this for valid values, and keeps values that do
 * not fit a field as they are, so it holds for any instance. Every field
 * of the tree is found again by its path, a valid value raises no issue on
 * its root field, and adding then removing an item or a property leaves the
 * value as it was.
 */

#include "config.h"

#include "asc-field.h"
#include "asc-schema.h"
#include "fuzz-check.h"

#include <string.h>

/* Bounds the walk over a tree whose fields are made as it goes. */
#define MAX_FIELDS 2000

static void
check_issues (GPtrArray *issues)
{
  g_autoptr(JsonNode) details = asc_schema_issues_to_details (issues);

  CHECK (JSON_NODE_HOLDS_ARRAY (details));
  CHECK (json_array_get_length (json_node_get_array (details)) == issues->len);
  for (guint i = 0; i < issues->len; i++)
    {
      AscSchemaIssue *issue = g_ptr_array_index (issues, i);
      const char *path = asc_schema_issue_get_instance_path (issue);

      CHECK (path != NULL && (path[0] == '\0' || path[0] == '/'));
      CHECK (asc_schema_issue_get_schema_path (issue) != NULL);
      CHECK (asc_schema_issue_get_keyword (issue) != NULL);
      CHECK (asc_schema_issue_get_message (issue) != NULL);
      CHECK (asc_schema_issue_get_message (issue)[0] != '\0');
    }
}

/* Returns whether @instance is valid, after checking the three ways of
 * asking agree. */
static gboolean
check_validation (AscSchema *schema,
                  JsonNode  *instance)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = asc_schema_validate (schema, instance, &issues);
  CHECK (issues != NULL);
  CHECK (valid == (issues->len == 0));
  CHECK (asc_schema_validate (schema, instance, NULL) == valid);
  check_issues (issues);

  if (asc_schema_validate_to_error (schema, instance, &error))
    CHECK (valid && error == NULL);
  else
    {
      CHECK (!valid);
      fuzz_check_error (error, 0);
      CHECK (error->code == ASC_ERROR_VALIDATION);
      CHECK (asc_error_get_details (error) != NULL);
    }

  return valid;
}

static void
read_properties (AscField *field)
{
  g_autofree char *path = asc_field_dup_path (field);
  double number;
  gboolean exclusive;

  CHECK (path != NULL);
  CHECK ((guint) asc_field_get_kind (field) <= ASC_FIELD_KIND_RAW_JSON);
  asc_field_get_title (field);
  asc_field_get_description (field);
  asc_field_get_format (field);
  asc_field_get_default (field);
  asc_field_get_minimum (field, &number, &exclusive);
  asc_field_get_maximum (field, &number, &exclusive);
  asc_field_get_multiple_of (field);
  asc_field_get_step (field);
  asc_field_get_min_length (field);
  asc_field_get_max_length (field);
  asc_field_get_pattern (field);
  asc_field_get_enum_values (field);
  asc_field_get_const_value (field);
  asc_field_get_min_items (field);
  asc_field_get_max_items (field);
  asc_field_get_unique_items (field);
  g_ptr_array_unref (asc_field_validate (field));
}

static AscField *
nth (GListModel *model,
     guint       position)
{
  g_autoptr(AscField) item = g_list_model_get_item (model, position);

  CHECK (item != NULL);
  return item;
}

/* Checks every field that the value reaches, through the active
 * alternatives, is found again by its path from @root. */
static void
walk (AscField *root,
      AscField *field,
      guint    *budget)
{
  GListModel *children = asc_field_get_children (field);
  GListModel *alternatives = asc_field_get_alternatives (field);

  if (*budget == 0)
    return;
  (*budget)--;
  read_properties (field);

  if (alternatives != NULL && g_list_model_get_n_items (alternatives) > 0 &&
      !asc_field_get_foreign (field))
    {
      CHECK (asc_field_get_active (field) < g_list_model_get_n_items (alternatives));
      walk (root, nth (alternatives, asc_field_get_active (field)), budget);
    }
  if (asc_field_get_inner (field) != NULL && !asc_field_get_foreign (field))
    walk (root, asc_field_get_inner (field), budget);

  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      AscField *child = nth (children, i);
      g_autofree char *path = asc_field_dup_path (child);

      CHECK (asc_field_get_parent (child) == field);
      CHECK (asc_field_lookup (root, path) == child);
      walk (root, child, budget);
    }
}

static void
check_value (AscField *field,
             JsonNode *expected)
{
  g_autoptr(JsonNode) value = asc_field_get_value (field);

  CHECK (value != NULL);
  CHECK (asc_json_equal (value, expected));
}

/* Adding an item or a property and taking it away again changes nothing. */
static void
check_undo (AscField *root,
            AscField *field,
            JsonNode *expected)
{
  AscFieldKind kind = asc_field_get_kind (field);
  guint n;

  if (asc_field_get_foreign (field) || !asc_field_has_value (field))
    return;

  if (kind == ASC_FIELD_KIND_LIST || kind == ASC_FIELD_KIND_TUPLE)
    {
      n = g_list_model_get_n_items (asc_field_get_children (field));
      CHECK (asc_field_add_item (field, n) != NULL);
      asc_field_remove_item (field, n);
      check_value (root, expected);
    }
  else if (kind == ASC_FIELD_KIND_OBJECT)
    {
      const char *name = "\x01fuzz-extra";
      g_autoptr(JsonNode) value = asc_field_get_value (field);

      if (json_object_has_member (json_node_get_object (value), name))
        return;
      if (asc_field_add_property (field, name) == NULL)
        return;
      CHECK (asc_field_remove_property (field, name));
      check_value (root, expected);
    }
}

static void
check_fields (AscSchema *schema,
              JsonNode  *instance,
              gboolean   valid)
{
  g_autoptr(AscField) fresh = asc_field_new (schema);
  g_autoptr(AscField) reused = asc_field_new (schema);
  guint budget = MAX_FIELDS;

  /* A field that held a value before must forget all of it. */
  asc_field_set_present (reused, TRUE);
  asc_field_set_value (reused, instance);
  asc_field_set_value (fresh, instance);

  /* Valid values read back unchanged, and so do foreign ones. */
  check_value (fresh, instance);
  check_value (reused, instance);
  if (valid)
    {
      g_autoptr(GPtrArray) issues = asc_field_validate (fresh);

      CHECK (issues->len == 0);
    }

  walk (fresh, fresh, &budget);
  if (valid)
    check_undo (fresh, fresh, instance);

  asc_field_set_value (fresh, NULL);
  CHECK (!asc_field_has_value (fresh) || asc_field_get_kind (fresh) == ASC_FIELD_KIND_CONST);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonNode) instance = NULL;
  g_autoptr(AscSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  const char *first, *rest;
  gsize first_length, rest_length;

  fuzz_make_warnings_fatal ();

  if (!fuzz_split_lines (data, size, &first, &first_length, &rest, &rest_length))
    return 0;
  document = fuzz_parse_json (first, first_length);
  if (document == NULL)
    return 0;

  schema = asc_schema_new (document, &error);
  if (schema == NULL)
    {
      fuzz_check_error (error, 0);
      return 0;
    }
  CHECK (error == NULL);
  CHECK (asc_json_equal (asc_schema_get_document (schema), document));

  instance = fuzz_parse_json (rest, rest_length);
  if (instance == NULL)
    return 0;

  check_fields (schema, instance, check_validation (schema, instance));

  return 0;
}
