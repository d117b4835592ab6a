/* test-field.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

static AscSchema *
compile (const char *text)
{
  g_autoptr(JsonNode) document = asc_test_json_parse (text);
  g_autoptr(GError) error = NULL;
  AscSchema *schema = asc_schema_new (document, &error);

  g_assert_no_error (error);
  return schema;
}

static AscField *
child (AscField *field,
       guint     position)
{
  g_autoptr(AscField) item = g_list_model_get_item (asc_field_get_children (field), position);

  g_assert_nonnull (item);
  return item;
}

static AscField *
alternative (AscField *field,
             guint     position)
{
  g_autoptr(AscField) item = g_list_model_get_item (asc_field_get_alternatives (field), position);

  g_assert_nonnull (item);
  return item;
}

static guint
n_children (AscField *field)
{
  return g_list_model_get_n_items (asc_field_get_children (field));
}

static void
assert_value (AscField   *field,
              const char *expected)
{
  g_autoptr(JsonNode) value = asc_field_get_value (field);

  if (expected == NULL)
    {
      g_assert_null (value);
      return;
    }
  g_assert_nonnull (value);
  asc_test_assert_json_eq (value, expected);
}

static void
set_text (AscField   *field,
          const char *text)
{
  g_autoptr(JsonNode) value = asc_test_json_parse (text);

  asc_field_set_value (field, value);
}

static void
increment_cb (guint *count)
{
  (*count)++;
}

static const char *kinds_schema =
  "{\"type\": \"object\", \"properties\": {"
  "  \"text\": {\"type\": \"string\"},"
  "  \"long\": {\"type\": \"string\", \"maxLength\": 1000},"
  "  \"count\": {\"type\": \"integer\"},"
  "  \"ratio\": {\"type\": \"number\"},"
  "  \"flag\": {\"type\": \"boolean\"},"
  "  \"color\": {\"enum\": [\"red\", \"green\"]},"
  "  \"version\": {\"const\": 2},"
  "  \"point\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"number\"}}},"
  "  \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
  "  \"pair\": {\"type\": \"array\","
  "            \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]},"
  "  \"shape\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]},"
  "  \"maybe\": {\"type\": [\"string\", \"null\"]},"
  "  \"anything\": true,"
  "  \"either\": {\"type\": [\"string\", \"integer\"]},"
  "  \"some\": {\"type\": \"array\", \"unevaluatedItems\": {\"type\": \"string\"}},"
  "  \"nothing\": {\"type\": \"null\"}}}";

static void
test_kinds_cover_every_schema (void)
{
  static const struct { const char *key; AscFieldKind kind; } expected[] = {
    { "text", ASC_FIELD_KIND_TEXT },
    { "long", ASC_FIELD_KIND_MULTILINE_TEXT },
    { "count", ASC_FIELD_KIND_INTEGER },
    { "ratio", ASC_FIELD_KIND_NUMBER },
    { "flag", ASC_FIELD_KIND_BOOLEAN },
    { "color", ASC_FIELD_KIND_ENUM },
    { "version", ASC_FIELD_KIND_CONST },
    { "point", ASC_FIELD_KIND_OBJECT },
    { "tags", ASC_FIELD_KIND_LIST },
    { "pair", ASC_FIELD_KIND_TUPLE },
    { "shape", ASC_FIELD_KIND_ONE_OF },
    { "maybe", ASC_FIELD_KIND_NULLABLE },
    { "anything", ASC_FIELD_KIND_RAW_JSON },
    { "either", ASC_FIELD_KIND_RAW_JSON },
    { "some", ASC_FIELD_KIND_RAW_JSON },
    { "nothing", ASC_FIELD_KIND_CONST },
  };
  g_autoptr(AscSchema) schema = compile (kinds_schema);
  g_autoptr(AscField) root = asc_field_new (schema);

  g_assert_cmpint (asc_field_get_kind (root), ==, ASC_FIELD_KIND_OBJECT);
  g_assert_cmpuint (n_children (root), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AscField *field = child (root, i);

      g_assert_cmpstr (asc_field_get_key (field), ==, expected[i].key);
      g_assert_cmpint (asc_field_get_kind (field), ==, expected[i].kind);
      g_assert_true (asc_field_get_parent (field) == root);
      g_assert_false (asc_field_get_required (field));
    }

  g_assert_cmpint (asc_field_get_kind (asc_field_get_inner (child (root, 11))), ==,
                   ASC_FIELD_KIND_TEXT);
  g_assert_cmpint (asc_field_get_kind (alternative (child (root, 10), 1)), ==,
                   ASC_FIELD_KIND_INTEGER);
  g_assert_finalize_object (g_steal_pointer (&root));
}

static void
test_kinds_for_root_schemas (void)
{
  static const struct { const char *schema; AscFieldKind kind; } cases[] = {
    { "true", ASC_FIELD_KIND_RAW_JSON },
    { "{}", ASC_FIELD_KIND_RAW_JSON },
    { "false", ASC_FIELD_KIND_RAW_JSON },
    { "{\"type\": \"string\", \"unevaluatedProperties\": {}}", ASC_FIELD_KIND_RAW_JSON },
    { "{\"type\": \"string\", \"format\": \"textarea\"}", ASC_FIELD_KIND_MULTILINE_TEXT },
    { "{\"type\": [\"integer\", \"number\"]}", ASC_FIELD_KIND_NUMBER },
    { "{\"properties\": {\"a\": {}}}", ASC_FIELD_KIND_OBJECT },
    { "{\"items\": {\"type\": \"string\"}}", ASC_FIELD_KIND_LIST },
    { "{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"integer\"}]}", ASC_FIELD_KIND_NULLABLE },
    { "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}", ASC_FIELD_KIND_ONE_OF },
    { "{\"oneOf\": [{}], \"anyOf\": [{}]}", ASC_FIELD_KIND_RAW_JSON },
    { "{\"$ref\": \"#/$defs/a\", \"$defs\": {\"a\": {\"type\": \"boolean\"}}}",
      ASC_FIELD_KIND_BOOLEAN },
    { "{\"$ref\": \"https://example.com/schema.json\"}", ASC_FIELD_KIND_RAW_JSON },
    /* Keywords that only validate keep the field they constrain. */
    { "{\"type\": \"array\", \"contains\": {\"const\": 1}, \"minContains\": 2}",
      ASC_FIELD_KIND_LIST },
    { "{\"type\": \"object\", \"propertyNames\": {\"maxLength\": 3},"
      " \"dependentRequired\": {\"a\": [\"b\"]}, \"dependentSchemas\": {\"a\": {}}}",
      ASC_FIELD_KIND_OBJECT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AscSchema) schema = compile (cases[i].schema);
      g_autoptr(AscField) root = asc_field_new (schema);

      g_test_message ("%s", cases[i].schema);
      g_assert_cmpint (asc_field_get_kind (root), ==, cases[i].kind);
      g_assert_true (asc_field_get_required (root));
    }
}

static void
test_constraints_are_carried (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"required\": [\"n\"], \"properties\": {"
             "  \"n\": {\"type\": \"integer\", \"title\": \"Count\", \"description\": \"How many\","
             "         \"minimum\": 1, \"exclusiveMaximum\": 10, \"multipleOf\": 3},"
             "  \"x\": {\"type\": \"number\", \"exclusiveMinimum\": 0, \"maximum\": 2.5},"
             "  \"s\": {\"type\": \"string\", \"minLength\": 2, \"maxLength\": 8,"
             "         \"pattern\": \"^[a-z]+$\", \"format\": \"email\", \"readOnly\": true},"
             "  \"l\": {\"type\": \"array\", \"minItems\": 1, \"maxItems\": 4,"
             "         \"uniqueItems\": true,"
             "         \"deprecated\": true},"
             "  \"e\": {\"enum\": [\"a\", \"b\"]},"
             "  \"c\": {\"const\": {\"k\": 1}}}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  AscField *n = child (root, 0), *x = child (root, 1), *s = child (root, 2);
  AscField *l = child (root, 3), *e = child (root, 4), *c = child (root, 5);
  double bound;
  gboolean exclusive;

  g_assert_cmpstr (asc_field_get_title (n), ==, "Count");
  g_assert_cmpstr (asc_field_get_description (n), ==, "How many");
  g_assert_true (asc_field_get_required (n));
  g_assert_true (asc_field_get_minimum (n, &bound, &exclusive));
  g_assert_cmpfloat (bound, ==, 1);
  g_assert_false (exclusive);
  g_assert_true (asc_field_get_maximum (n, &bound, &exclusive));
  g_assert_cmpfloat (bound, ==, 10);
  g_assert_true (exclusive);
  g_assert_cmpfloat (asc_field_get_multiple_of (n), ==, 3);
  g_assert_cmpfloat (asc_field_get_step (n), ==, 3);

  g_assert_true (asc_field_get_minimum (x, &bound, &exclusive));
  g_assert_true (exclusive);
  g_assert_cmpfloat (asc_field_get_step (x), ==, 0);
  g_assert_false (asc_field_get_required (x));

  g_assert_cmpint (asc_field_get_min_length (s), ==, 2);
  g_assert_cmpint (asc_field_get_max_length (s), ==, 8);
  g_assert_cmpstr (asc_field_get_pattern (s), ==, "^[a-z]+$");
  g_assert_cmpstr (asc_field_get_format (s), ==, "email");
  g_assert_true (asc_field_get_read_only (s));
  g_assert_cmpint (asc_field_get_min_length (n), ==, -1);

  g_assert_cmpint (asc_field_get_min_items (l), ==, 1);
  g_assert_cmpint (asc_field_get_max_items (l), ==, 4);
  g_assert_true (asc_field_get_unique_items (l));
  g_assert_true (asc_field_get_deprecated (l));

  g_assert_cmpuint (json_array_get_length (asc_field_get_enum_values (e)), ==, 2);
  asc_test_assert_json_eq (asc_field_get_const_value (c), "{\"k\":1}");
}

static void
test_defaults_and_blank_values (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"required\": [\"name\", \"on\", \"kind\", \"box\", \"list\"],"
             " \"properties\": {"
             "  \"name\": {\"type\": \"string\"},"
             "  \"on\": {\"type\": \"boolean\"},"
             "  \"kind\": {\"const\": \"move\"},"
             "  \"speed\": {\"type\": \"number\", \"default\": 1.5},"
             "  \"box\": {\"type\": \"object\", \"properties\": {"
             "     \"w\": {\"type\": \"integer\", \"default\": 3}}},"
             "  \"list\": {\"type\": \"array\", \"minItems\": 2, \"items\": {\"type\": \"integer\","
             "            \"minimum\": 5}},"
             "  \"note\": {\"type\": \"string\"}}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(GPtrArray) issues = NULL;

  assert_value (root, "{\"on\":false,\"kind\":\"move\",\"speed\":1.5,\"box\":{\"w\":3},"
                      "\"list\":[5,5]}");
  g_assert_false (asc_field_has_value (child (root, 0)));
  issues = asc_field_validate (child (root, 0));
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (asc_schema_issue_get_message (issues->pdata[0]), ==, "is required");
  g_assert_cmpstr (asc_schema_issue_get_instance_path (issues->pdata[0]), ==, "/name");
  g_assert_cmpstr (asc_schema_issue_get_schema_path (issues->pdata[0]), ==, "/required");
  asc_test_assert_json_eq (asc_field_get_default (child (root, 3)), "1.5");

  asc_field_set_present (child (root, 6), TRUE);
  assert_value (child (root, 6), "\"\"");
  asc_field_set_present (child (root, 4), FALSE);
  asc_field_set_present (child (root, 4), TRUE);
  assert_value (child (root, 4), "{\"w\":3}");
}

static void
test_nullable_toggles (void)
{
  static const char * const schemas[] = {
    "{\"type\": [\"string\", \"null\"], \"maxLength\": 3}",
    "{\"anyOf\": [{\"type\": \"string\", \"maxLength\": 3}, {\"type\": \"null\"}]}",
    "{\"oneOf\": [{\"type\": \"null\"}, {\"type\": \"string\", \"maxLength\": 3}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    {
      g_autoptr(AscSchema) schema = compile (schemas[i]);
      g_autoptr(AscField) root = asc_field_new (schema);
      AscField *inner = asc_field_get_inner (root);
      guint notified = 0;

      g_assert_cmpint (asc_field_get_kind (root), ==, ASC_FIELD_KIND_NULLABLE);
      g_assert_cmpint (asc_field_get_kind (inner), ==, ASC_FIELD_KIND_TEXT);
      g_assert_cmpint (asc_field_get_max_length (inner), ==, 3);
      g_signal_connect_swapped (root, "notify::is-null", G_CALLBACK (increment_cb), &notified);

      set_text (root, "null");
      g_assert_true (asc_field_get_is_null (root));
      assert_value (root, "null");
      set_text (root, "\"abc\"");
      g_assert_false (asc_field_get_is_null (root));
      assert_value (inner, "\"abc\"");
      asc_field_set_is_null (root, TRUE);
      asc_field_set_is_null (root, TRUE);
      assert_value (root, "null");
      asc_field_set_is_null (root, FALSE);
      assert_value (root, "\"abc\"");
      g_assert_cmpuint (notified, ==, 4);
    }
}

static const char *shapes_schema =
  "{\"oneOf\": ["
  "  {\"type\": \"object\", \"required\": [\"kind\", \"r\"], \"additionalProperties\": false,"
  "   \"properties\": {\"kind\": {\"const\": \"circle\"}, \"r\": {\"type\": \"number\"}}},"
  "  {\"type\": \"object\", \"required\": [\"kind\", \"side\"], \"additionalProperties\": false,"
  "   \"properties\": {\"kind\": {\"const\": \"square\"}, \"side\": {\"type\": \"number\"}}},"
  "  {\"title\": \"Nothing\", \"type\": \"null\"},"
  "  {\"type\": \"array\", \"items\": {\"type\": \"integer\"}}]}";

static void
test_one_of_selects_from_value (void)
{
  g_autoptr(AscSchema) schema = compile (shapes_schema);
  g_autoptr(AscField) root = asc_field_new (schema);
  guint notified = 0;

  g_assert_cmpint (asc_field_get_kind (root), ==, ASC_FIELD_KIND_ONE_OF);
  g_assert_cmpuint (g_list_model_get_n_items (asc_field_get_alternatives (root)), ==, 4);
  g_assert_cmpstr (asc_field_get_title (alternative (root, 0)), ==, "“circle”");
  g_assert_cmpstr (asc_field_get_title (alternative (root, 1)), ==, "“square”");
  g_assert_cmpstr (asc_field_get_title (alternative (root, 2)), ==, "Nothing");
  g_assert_cmpstr (asc_field_get_title (alternative (root, 3)), ==, "an array");
  g_signal_connect_swapped (root, "notify::active", G_CALLBACK (increment_cb), &notified);

  set_text (root, "{\"kind\": \"square\", \"side\": 2}");
  g_assert_cmpuint (asc_field_get_active (root), ==, 1);
  assert_value (root, "{\"kind\":\"square\",\"side\":2}");
  set_text (root, "[1, 2]");
  g_assert_cmpuint (asc_field_get_active (root), ==, 3);
  set_text (root, "null");
  g_assert_cmpuint (asc_field_get_active (root), ==, 2);
  g_assert_cmpuint (notified, ==, 3);

  /* Switching keeps each alternative's own value. */
  asc_field_set_active (root, 1);
  assert_value (root, "{\"kind\":\"square\",\"side\":2}");
  asc_field_set_active (root, 0);
  assert_value (root, "{\"kind\":\"circle\"}");
  g_assert_cmpuint (notified, ==, 5);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

static void
test_list_changes_are_exact (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  AscField *a, *c;

  g_signal_connect (asc_field_get_children (root), "items-changed",
                    G_CALLBACK (record_change_cb), changes);

  a = asc_field_add_item (root, 0);
  assert_change (changes, 0, 0, 1);
  set_text (a, "\"a\"");
  set_text (asc_field_add_item (root, 1), "\"b\"");
  assert_change (changes, 1, 0, 1);
  c = asc_field_add_item (root, 2);
  set_text (c, "\"c\"");
  assert_change (changes, 2, 0, 1);
  set_text (asc_field_add_item (root, 0), "\"z\"");
  assert_change (changes, 0, 0, 1);
  assert_value (root, "[\"z\",\"a\",\"b\",\"c\"]");

  asc_field_move_item (root, 0, 3);
  assert_change (changes, 0, 4, 4);
  assert_value (root, "[\"a\",\"b\",\"c\",\"z\"]");
  asc_field_move_item (root, 2, 1);
  assert_change (changes, 1, 2, 2);
  assert_value (root, "[\"a\",\"c\",\"b\",\"z\"]");
  g_assert_true (child (root, 1) == c);
  g_assert_true (child (root, 0) == a);

  asc_field_remove_item (root, 3);
  assert_change (changes, 3, 1, 0);
  asc_field_remove_item (root, 0);
  assert_change (changes, 0, 1, 0);
  assert_value (root, "[\"c\",\"b\"]");

  set_text (root, "[\"x\", \"y\", \"z\"]");
  assert_change (changes, 0, 2, 3);
  asc_field_set_value (root, NULL);
  assert_change (changes, 0, 3, 0);
  assert_value (root, NULL);
}

static void
test_tuple_grows_at_its_end (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"array\","
             " \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"}],"
             " \"items\": {\"type\": \"boolean\"}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_assert_cmpint (asc_field_get_kind (root), ==, ASC_FIELD_KIND_TUPLE);
  assert_value (root, "[\"\",0]");
  g_assert_cmpint (asc_field_get_kind (child (root, 1)), ==, ASC_FIELD_KIND_INTEGER);

  g_signal_connect (asc_field_get_children (root), "items-changed",
                    G_CALLBACK (record_change_cb), changes);
  g_assert_cmpint (asc_field_get_kind (asc_field_add_item (root, 2)), ==, ASC_FIELD_KIND_BOOLEAN);
  assert_change (changes, 2, 0, 1);
  assert_value (root, "[\"\",0,false]");
  asc_field_remove_item (root, 2);
  assert_change (changes, 2, 1, 0);
}

static void
test_extra_properties (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}},"
             " \"patternProperties\": {\"^x-\": {\"type\": \"boolean\"}},"
             " \"additionalProperties\": {\"type\": \"string\"}}");
  g_autoptr(AscSchema) closed =
    compile ("{\"type\": \"object\", \"properties\": {\"a\": {}},"
             " \"additionalProperties\": false}");
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(AscField) closed_root = asc_field_new (closed);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (asc_field_get_children (root), "items-changed",
                    G_CALLBACK (record_change_cb), changes);
  g_assert_true (asc_field_get_allows_extra (root));
  g_assert_cmpint (asc_field_get_kind (asc_field_add_property (root, "x-on")), ==,
                   ASC_FIELD_KIND_BOOLEAN);
  assert_change (changes, 1, 0, 1);
  g_assert_cmpint (asc_field_get_kind (asc_field_add_property (root, "name")), ==,
                   ASC_FIELD_KIND_TEXT);
  assert_change (changes, 2, 0, 1);
  assert_value (root, "{\"x-on\":false,\"name\":\"\"}");
  g_assert_true (asc_field_remove_property (root, "x-on"));
  assert_change (changes, 1, 1, 0);
  g_assert_true (asc_field_add_property (root, "a") == child (root, 0));
  assert_value (root, "{\"a\":0,\"name\":\"\"}");
  g_assert_true (asc_field_remove_property (root, "a"));
  assert_value (root, "{\"name\":\"\"}");

  g_assert_false (asc_field_get_allows_extra (closed_root));
  g_assert_null (asc_field_add_property (closed_root, "b"));
}

static void
test_foreign_values_are_kept (void)
{
  g_autoptr(AscSchema) schema = compile (kinds_schema);
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(JsonNode) text = asc_test_json_parse ("\"three\"");
  g_autoptr(JsonNode) number = asc_test_json_parse ("3");

  g_assert_false (asc_field_set_value (child (root, 2), text));
  g_assert_true (asc_field_get_foreign (child (root, 2)));
  assert_value (child (root, 2), "\"three\"");
  g_assert_true (asc_field_set_value (child (root, 2), number));
  g_assert_false (asc_field_get_foreign (child (root, 2)));

  set_text (root, "{\"point\": [1], \"tags\": {\"a\": 1}, \"count\": 1.5}");
  assert_value (root, "{\"point\":[1],\"tags\":{\"a\":1},\"count\":1.5}");
  g_assert_true (asc_field_get_foreign (child (root, 7)));
}

static void
test_lookup_by_path (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"properties\": {"
             "  \"moves\": {\"type\": \"array\","
             "    \"items\": {\"type\": \"object\", \"properties\": {"
             "    \"x\": {\"type\": \"integer\", \"minimum\": 1},"
             "    \"to\": {\"type\": [\"object\", \"null\"], \"properties\": {"
             "       \"a/b\": {\"type\": \"string\"}}}}}},"
             "  \"raw\": true,"
             "  \"pick\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"array\"}]}}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  AscField *x, *deep, *raw;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) parent_issues = NULL;

  set_text (root, "{\"moves\": [{\"x\": 1}, {\"x\": 0, \"to\": {\"a/b\": \"q\"}}],"
                  " \"raw\": {\"deep\": [1]}, \"pick\": [7]}");
  x = asc_field_lookup (root, "/moves/1/x");
  g_assert_nonnull (x);
  g_assert_cmpstr (asc_field_get_key (x), ==, "x");
  path = asc_field_dup_path (x);
  g_assert_cmpstr (path, ==, "/moves/1/x");

  deep = asc_field_lookup (root, "/moves/1/to/a~1b");
  g_assert_nonnull (deep);
  assert_value (deep, "\"q\"");
  g_clear_pointer (&path, g_free);
  path = asc_field_dup_path (deep);
  g_assert_cmpstr (path, ==, "/moves/1/to/a~1b");

  raw = asc_field_lookup (root, "/raw");
  g_assert_null (asc_field_lookup (root, "/raw/deep/0"));
  g_assert_true (asc_field_lookup_closest (root, "/raw/deep/0") == raw);
  g_assert_null (asc_field_lookup (root, "/moves/2"));
  g_assert_null (asc_field_lookup (root, "/moves/01"));
  g_assert_true (asc_field_lookup (root, "") == root);
  g_assert_nonnull (asc_field_lookup (root, "/pick/0"));

  /* Issues go to the field they are about, not to its ancestors. */
  issues = asc_field_validate (x);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (asc_schema_issue_get_instance_path (issues->pdata[0]), ==, "/moves/1/x");
  g_assert_cmpstr (asc_schema_issue_get_message (issues->pdata[0]), ==, "must be at least 1");
  parent_issues = asc_field_validate (asc_field_get_parent (x));
  g_assert_cmpuint (parent_issues->len, ==, 0);
}

static void
test_issues_map_back_onto_fields (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"required\": [\"moves\"], \"properties\": {"
             "  \"moves\": {\"type\": \"array\", \"minItems\": 3, \"items\": {\"type\": \"object\","
             "    \"required\": [\"x\"], \"properties\": {\"x\": {\"type\": \"integer\","
             "    \"maximum\": 5}}}}}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *details;
  static const char * const owners[] = { "/moves/0/x", "/moves/1/x", "/moves" };

  set_text (root, "{\"moves\": [{\"x\": 9}, {}]}");
  value = asc_field_get_value (root);
  g_assert_false (asc_schema_validate_to_error (schema, value, &error));
  details = json_node_get_array (asc_error_get_details (error));
  g_assert_cmpuint (json_array_get_length (details), ==, 3);

  for (guint i = 0; i < json_array_get_length (details); i++)
    {
      JsonObject *issue = json_array_get_object_element (details, i);
      const char *path = json_object_get_string_member (issue, "path");
      AscField *field = asc_field_lookup_closest (root, path);
      g_autofree char *field_path = asc_field_dup_path (field);
      g_autoptr(GPtrArray) local = asc_field_validate (field);

      g_assert_cmpstr (field_path, ==, owners[i]);
      g_assert_cmpuint (local->len, ==, 1);
      g_assert_cmpstr (asc_schema_issue_get_message (local->pdata[0]), ==,
                       json_object_get_string_member (issue, "message"));
    }
}

static void
test_all_of_is_merged (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"$defs\": {\"named\": {\"type\": \"object\", \"required\": [\"name\"],"
             "   \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}}}},"
             " \"allOf\": [{\"$ref\": \"#/$defs/named\"},"
             "   {\"properties\": {\"age\": {\"type\": \"integer\", \"minimum\": 0},"
             "                     \"name\": {\"maxLength\": 5}}}]}");
  g_autoptr(AscField) root = asc_field_new (schema);
  AscField *name;

  g_assert_cmpint (asc_field_get_kind (root), ==, ASC_FIELD_KIND_OBJECT);
  g_assert_cmpuint (n_children (root), ==, 2);
  name = child (root, 0);
  g_assert_cmpstr (asc_field_get_key (name), ==, "name");
  g_assert_true (asc_field_get_required (name));
  g_assert_cmpint (asc_field_get_kind (name), ==, ASC_FIELD_KIND_TEXT);
  g_assert_cmpint (asc_field_get_min_length (name), ==, 1);
  g_assert_cmpint (asc_field_get_max_length (name), ==, 5);
  g_assert_cmpstr (asc_field_get_key (child (root, 1)), ==, "age");
  g_assert_false (asc_field_get_required (child (root, 1)));
}

static void
test_recursive_schema_is_finite (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"required\": [\"value\"], \"properties\": {"
             "  \"value\": {\"type\": \"integer\"},"
             "  \"next\": {\"$ref\": \"#\"},"
             "  \"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}}}");
  g_autoptr(AscSchema) endless =
    compile ("{\"type\": \"object\", \"required\": [\"self\"],"
             " \"properties\": {\"self\": {\"$ref\": \"#\"}}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  g_autoptr(AscField) endless_root = asc_field_new (endless);
  const char *text = "{\"value\":1,\"next\":{\"value\":2,\"next\":{\"value\":3}},"
                     "\"children\":[{\"value\":4,\"children\":[{\"value\":5}]}]}";

  set_text (root, text);
  assert_value (root, text);
  g_assert_cmpint (asc_field_get_kind (asc_field_lookup (root, "/next/next")), ==,
                   ASC_FIELD_KIND_OBJECT);
  g_assert_nonnull (asc_field_lookup (root, "/children/0/children/0/value"));
  g_assert_nonnull (endless_root);
  g_assert_finalize_object (g_steal_pointer (&root));
}

static void
count_cb (AscField *field,
          guint    *count)
{
  (*count)++;
}

static void
test_changed_reaches_ancestors (void)
{
  g_autoptr(AscSchema) schema = compile (kinds_schema);
  g_autoptr(AscField) root = asc_field_new (schema);
  AscField *point;
  guint root_changes = 0, point_changes = 0;

  set_text (root, "{\"point\": {\"x\": 1}}");
  point = asc_field_lookup (root, "/point");
  g_signal_connect (root, "changed", G_CALLBACK (count_cb), &root_changes);
  g_signal_connect (point, "changed", G_CALLBACK (count_cb), &point_changes);

  set_text (asc_field_lookup (root, "/point/x"), "2");
  g_assert_cmpuint (root_changes, ==, 1);
  g_assert_cmpuint (point_changes, ==, 1);
  set_text (asc_field_lookup (root, "/text"), "\"t\"");
  g_assert_cmpuint (root_changes, ==, 2);
  g_assert_cmpuint (point_changes, ==, 1);
  assert_value (root, "{\"text\":\"t\",\"point\":{\"x\":2}}");
}

static void
test_raw_json_fallback (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"properties\": {"
             "  \"tags\": {\"type\": \"array\", \"unevaluatedItems\": {\"const\": \"x\"}},"
             "  \"any\": true,"
             "  \"ok\": {\"type\": \"string\"}}}");
  g_autoptr(AscField) root = asc_field_new (schema);
  const char *text = "{\"tags\":[\"x\",{\"y\":[null]}],\"any\":{\"z\":1.25},\"ok\":\"fine\"}";

  g_assert_cmpint (asc_field_get_kind (root), ==, ASC_FIELD_KIND_OBJECT);
  g_assert_cmpint (asc_field_get_kind (child (root, 0)), ==, ASC_FIELD_KIND_RAW_JSON);
  g_assert_cmpint (asc_field_get_kind (child (root, 1)), ==, ASC_FIELD_KIND_RAW_JSON);
  g_assert_cmpint (asc_field_get_kind (child (root, 2)), ==, ASC_FIELD_KIND_TEXT);
  set_text (root, text);
  assert_value (root, text);
  asc_field_set_present (child (root, 1), FALSE);
  asc_field_set_present (child (root, 1), TRUE);
  assert_value (child (root, 1), "null");
}

/* Random valid values */

typedef struct
{
  GRand    *rand;
  JsonNode *document;
} Generator;

static JsonNode *generate (Generator  *gen,
                           JsonObject *schema,
                           guint       depth);
static JsonNode *generate_any (Generator *gen,
                               guint      depth);

/* Boolean schemas: anything for true, nothing for false. */
static JsonNode *
generate_node (Generator *gen,
               JsonNode  *schema,
               guint      depth)
{
  if (JSON_NODE_HOLDS_OBJECT (schema))
    return generate (gen, json_node_get_object (schema), depth);
  return json_node_get_boolean (schema) ? generate_any (gen, depth) : NULL;
}

static const char * const characters[] = {
  "a", "b", "z", "0", " ", "é", "\xf0\x9f\x92\xa9", "~", "/", "\"", "\\", "ß",
};

static JsonNode *
generate_any (Generator *gen,
              guint      depth)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  switch (g_rand_int_range (gen->rand, 0, depth > 2 ? 4 : 6))
    {
    case 0: return json_node_new (JSON_NODE_NULL);
    case 1: return json_node_init_int (json_node_alloc (), g_rand_int_range (gen->rand, -9, 9));
    case 2:
      return json_node_init_double (json_node_alloc (), g_rand_int_range (gen->rand, -9, 9) / 4.0);
    case 3:
      return json_node_init_string (json_node_alloc (),
                                    characters[g_rand_int_range (gen->rand, 0, 8)]);
    case 4:
      json_builder_begin_array (builder);
      json_builder_add_value (builder, generate_any (gen, depth + 1));
      json_builder_end_array (builder);
      return json_builder_get_root (builder);
    default:
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "k");
      json_builder_add_value (builder, generate_any (gen, depth + 1));
      json_builder_end_object (builder);
      return json_builder_get_root (builder);
    }
}

static gint64
get_int (JsonObject *schema,
         const char *name,
         gint64      fallback)
{
  if (!json_object_has_member (schema, name))
    return fallback;
  return json_object_get_int_member (schema, name);
}

static JsonNode *
generate_string (Generator  *gen,
                 JsonObject *schema)
{
  gint64 min = get_int (schema, "minLength", 0);
  gint64 max = MIN (get_int (schema, "maxLength", min + 6), min + 6);
  gint64 length = g_rand_int_range (gen->rand, min, max + 1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (gint64 i = 0; i < length; i++)
    g_string_append (text, characters[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (characters))]);
  return json_node_init_string (json_node_alloc (), text->str);
}

static JsonNode *
generate_number (Generator  *gen,
                 JsonObject *schema,
                 gboolean    integer)
{
  double low = json_object_has_member (schema, "minimum")
               ? json_object_get_double_member (schema, "minimum") : -40;
  double high = json_object_has_member (schema, "maximum")
                ? json_object_get_double_member (schema, "maximum") : 40;
  double step = json_object_has_member (schema, "multipleOf")
                ? json_object_get_double_member (schema, "multipleOf") : integer ? 1 : 0.125;
  gint64 first = (gint64) (low / step) + (low > 0 ? 1 : 0);
  gint64 last = (gint64) (high / step);
  gint64 k = first + g_rand_int_range (gen->rand, 0, (gint32) MAX (1, last - first + 1));
  double value = k * step;

  if (integer && g_rand_boolean (gen->rand))
    return json_node_init_int (json_node_alloc (), (gint64) value);
  return json_node_init_double (json_node_alloc (), value);
}

static JsonNode *
generate_object (Generator  *gen,
                 JsonObject *schema,
                 guint       depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *properties = json_object_has_member (schema, "properties")
                           ? json_object_get_object_member (schema, "properties") : NULL;
  JsonArray *required = json_object_has_member (schema, "required")
                        ? json_object_get_array_member (schema, "required") : NULL;
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  g_autoptr(GList) names = properties != NULL ? json_object_get_members (properties) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean needed = FALSE;
      JsonNode *value;

      for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
        needed |= g_str_equal (json_array_get_string_element (required, i), l->data);
      if (!needed && (depth > 3 || g_rand_int_range (gen->rand, 0, 3) == 0))
        continue;
      value = generate_node (gen, json_object_get_member (properties, l->data), depth + 1);
      if (value != NULL)
        json_object_set_member (object, l->data, value);
    }

  if (g_rand_int_range (gen->rand, 0, 3) == 0 &&
      !json_object_has_member (schema, "patternProperties") &&
      (additional == NULL || JSON_NODE_HOLDS_OBJECT (additional)))
    {
      JsonNode *value = additional != NULL ? generate_node (gen, additional, depth + 1)
                                           : generate_any (gen, depth + 1);

      if (value != NULL)
        json_object_set_member (object, "extra/~key", value);
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
generate_array (Generator  *gen,
                JsonObject *schema,
                guint       depth)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonArray *prefix = json_object_has_member (schema, "prefixItems")
                      ? json_object_get_array_member (schema, "prefixItems") : NULL;
  JsonNode *items = json_object_get_member (schema, "items");
  gint64 min = get_int (schema, "minItems", 0);
  gint64 max = MIN (get_int (schema, "maxItems", min + 3), depth > 3 ? min : min + 3);
  gint64 length = g_rand_int_range (gen->rand, min, max + 1);

  for (gint64 i = 0; i < length; i++)
    {
      JsonNode *item;

      if (prefix != NULL && i < json_array_get_length (prefix))
        item = generate_node (gen, json_array_get_element (prefix, i), depth + 1);
      else if (items != NULL)
        item = generate_node (gen, items, depth + 1);
      else
        item = generate_any (gen, depth + 1);
      if (item == NULL)
        return NULL;
      json_array_add_element (array, item);
    }

  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
generate_typed (Generator  *gen,
                JsonObject *schema,
                const char *type,
                guint       depth)
{
  if (g_str_equal (type, "null"))
    return json_node_new (JSON_NODE_NULL);
  if (g_str_equal (type, "boolean"))
    return json_node_init_boolean (json_node_alloc (), g_rand_boolean (gen->rand));
  if (g_str_equal (type, "string"))
    return generate_string (gen, schema);
  if (g_str_equal (type, "integer") || g_str_equal (type, "number"))
    return generate_number (gen, schema, g_str_equal (type, "integer"));
  if (g_str_equal (type, "object"))
    return generate_object (gen, schema, depth);
  return generate_array (gen, schema, depth);
}

static JsonNode *
pick (Generator *gen,
      JsonArray *values)
{
  guint index = g_rand_int_range (gen->rand, 0, json_array_get_length (values));

  return json_node_copy (json_array_get_element (values, index));
}

/* A random value that is often valid for @schema: the test keeps the
 * valid ones. */
static JsonNode *
generate (Generator  *gen,
          JsonObject *schema,
          guint       depth)
{
  JsonNode *type;

  if (json_object_has_member (schema, "$ref"))
    {
      const char *ref = json_object_get_string_member (schema, "$ref");
      JsonNode *target = asc_json_pointer_resolve (gen->document, ref + 1, NULL);

      return depth > 6 ? NULL : generate (gen, json_node_get_object (target), depth + 1);
    }
  if (json_object_has_member (schema, "const"))
    return json_node_copy (json_object_get_member (schema, "const"));
  if (json_object_has_member (schema, "enum"))
    return pick (gen, json_object_get_array_member (schema, "enum"));
  if (json_object_has_member (schema, "oneOf") || json_object_has_member (schema, "anyOf"))
    {
      JsonArray *alternatives = json_object_get_array_member (
        schema, json_object_has_member (schema, "oneOf") ? "oneOf" : "anyOf");
      guint index = g_rand_int_range (gen->rand, 0, json_array_get_length (alternatives));

      return generate_node (gen, json_array_get_element (alternatives, index), depth);
    }

  type = json_object_get_member (schema, "type");
  if (type == NULL)
    return generate_any (gen, depth);
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      g_autoptr(JsonNode) chosen = pick (gen, json_node_get_array (type));

      return generate_typed (gen, schema, json_node_get_string (chosen), depth);
    }
  return generate_typed (gen, schema, json_node_get_string (type), depth);
}

static const char * const round_trip_schemas[] = {
  /* scalars with constraints, enums, constants and nullables */
  "{\"type\": \"object\", \"required\": [\"name\"], \"properties\": {"
  "  \"name\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 5},"
  "  \"age\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 150},"
  "  \"price\": {\"type\": \"number\", \"multipleOf\": 0.25, \"minimum\": 0, \"maximum\": 10},"
  "  \"ok\": {\"type\": \"boolean\"},"
  "  \"color\": {\"enum\": [\"red\", \"green\", null, 3, {\"a\": [1]}]},"
  "  \"version\": {\"const\": 2},"
  "  \"note\": {\"type\": [\"string\", \"null\"]},"
  "  \"ratio\": {\"anyOf\": [{\"type\": \"number\"}, {\"type\": \"null\"}]},"
  "  \"essay\": {\"type\": \"string\", \"maxLength\": 4000}}}",
  /* nested lists of objects */
  "{\"type\": \"object\", \"required\": [\"moves\"], \"properties\": {"
  "  \"moves\": {\"type\": \"array\", \"items\": {"
  "    \"type\": \"object\", \"required\": [\"x\", \"y\"], \"additionalProperties\": false,"
  "    \"properties\": {\"x\": {\"type\": \"integer\"}, \"y\": {\"type\": \"integer\"},"
  "                   \"label\": {\"type\": \"string\"}}}}}}",
  /* a tagged union */
  "{\"oneOf\": ["
  "  {\"type\": \"object\", \"required\": [\"kind\", \"r\"], \"additionalProperties\": false,"
  "   \"properties\": {\"kind\": {\"const\": \"circle\"}, \"r\": {\"type\": \"number\"}}},"
  "  {\"type\": \"object\", \"required\": [\"kind\", \"side\"], \"additionalProperties\": false,"
  "   \"properties\": {\"kind\": {\"const\": \"square\"}, \"side\": {\"type\": \"number\"}}}]}",
  /* tuples */
  "{\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"},"
  "  {\"type\": \"boolean\"}], \"items\": {\"type\": \"number\"}}",
  /* extra properties */
  "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}},"
  " \"additionalProperties\": {\"type\": \"string\"}}",
  "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"object\", \"properties\": {"
  "  \"b\": {\"type\": \"array\"}}}}}",
  /* recursion through $ref */
  "{\"$defs\": {\"node\": {\"type\": \"object\", \"required\": [\"value\"], \"properties\": {"
  "   \"value\": {\"type\": \"integer\"},"
  "   \"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/node\"}}}}},"
  " \"$ref\": \"#/$defs/node\"}",
  /* raw JSON parts */
  "{\"type\": \"object\", \"properties\": {\"anything\": true, \"either\": {\"type\": [\"string\","
  "  \"integer\"]}, \"list\": {\"type\": \"array\", \"unevaluatedItems\": {\"type\": \"string\"}}}}",
  /* nullable lists of nullable objects */
  "{\"type\": [\"array\", \"null\"], \"items\": {\"type\": [\"object\", \"null\"],"
  "  \"properties\": {\"v\": {\"type\": \"integer\"}}}}",
  /* choices among scalars and lists */
  "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"},"
  "  {\"type\": \"array\", \"items\": {\"type\": \"boolean\"}}]}",
  /* scalar roots */
  "{\"type\": \"integer\", \"minimum\": -3, \"maximum\": 3}",
  "{\"enum\": [\"a\", 1, true]}",
  "{\"type\": \"string\", \"minLength\": 0, \"maxLength\": 3}",
};

static void
test_round_trip_generated_values (void)
{
  guint32 seed = g_test_rand_int ();
  guint tried = 0, checked = 0;

  g_test_message ("seed %u", seed);
  for (guint s = 0; s < G_N_ELEMENTS (round_trip_schemas); s++)
    {
      g_autoptr(JsonNode) document = asc_test_json_parse (round_trip_schemas[s]);
      g_autoptr(AscSchema) schema = compile (round_trip_schemas[s]);
      g_autoptr(AscField) reused = asc_field_new (schema);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + s);
      Generator gen = { rand, document };

      for (guint i = 0; i < 150; i++)
        {
          g_autoptr(JsonNode) value = generate (&gen, json_node_get_object (document), 0);
          g_autoptr(AscField) fresh = NULL;
          g_autoptr(JsonNode) first = NULL;
          g_autoptr(JsonNode) second = NULL;

          tried++;
          if (value == NULL || !asc_schema_validate (schema, value, NULL))
            continue;

          fresh = asc_field_new (schema);
          asc_field_set_value (fresh, value);
          asc_field_set_value (reused, value);
          first = asc_field_get_value (fresh);
          second = asc_field_get_value (reused);
          if (!asc_json_equal (first, value) || !asc_json_equal (second, value))
            {
              g_autofree char *text = asc_test_json_to_string (value);

              g_test_message ("schema %u lost %s", s, text);
              g_assert_true (asc_json_equal (first, value));
              g_assert_true (asc_json_equal (second, value));
            }
          checked++;
        }
    }

  g_test_message ("%u of %u generated values were valid and round-tripped", checked, tried);
  g_assert_cmpuint (checked, >, tried / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/field/kinds/cover-every-schema", test_kinds_cover_every_schema);
  g_test_add_func ("/asc/field/kinds/for-root-schemas", test_kinds_for_root_schemas);
  g_test_add_func ("/asc/field/constraints/are-carried", test_constraints_are_carried);
  g_test_add_func ("/asc/field/values/defaults-and-blanks", test_defaults_and_blank_values);
  g_test_add_func ("/asc/field/nullable/toggles", test_nullable_toggles);
  g_test_add_func ("/asc/field/one-of/selects-from-value", test_one_of_selects_from_value);
  g_test_add_func ("/asc/field/list/changes-are-exact", test_list_changes_are_exact);
  g_test_add_func ("/asc/field/tuple/grows-at-its-end", test_tuple_grows_at_its_end);
  g_test_add_func ("/asc/field/object/extra-properties", test_extra_properties);
  g_test_add_func ("/asc/field/values/foreign-are-kept", test_foreign_values_are_kept);
  g_test_add_func ("/asc/field/lookup/by-path", test_lookup_by_path);
  g_test_add_func ("/asc/field/lookup/issues-map-back", test_issues_map_back_onto_fields);
  g_test_add_func ("/asc/field/all-of/is-merged", test_all_of_is_merged);
  g_test_add_func ("/asc/field/ref/recursion-is-finite", test_recursive_schema_is_finite);
  g_test_add_func ("/asc/field/changed/reaches-ancestors", test_changed_reaches_ancestors);
  g_test_add_func ("/asc/field/raw-json/fallback", test_raw_json_fallback);
  g_test_add_func ("/asc/field/round-trip/generated-values", test_round_trip_generated_values);

  return g_test_run ();
}
