/* test-schema.c
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
  g_assert_nonnull (schema);
  return schema;
}

/* Validates @instance_text and returns the issues. */
static GPtrArray *
check (AscSchema  *schema,
       const char *instance_text)
{
  g_autoptr(JsonNode) instance = asc_test_json_parse (instance_text);
  GPtrArray *issues = NULL;
  gboolean valid = asc_schema_validate (schema, instance, &issues);

  g_assert_cmpint (valid, ==, issues->len == 0);
  g_assert_cmpint (valid, ==, asc_schema_validate (schema, instance, NULL));
  return issues;
}

static void
assert_issue (GPtrArray  *issues,
              guint       index,
              const char *instance_path,
              const char *keyword,
              const char *message)
{
  AscSchemaIssue *issue;

  g_assert_cmpuint (index, <, issues->len);
  issue = g_ptr_array_index (issues, index);
  g_assert_cmpstr (asc_schema_issue_get_instance_path (issue), ==, instance_path);
  g_assert_cmpstr (asc_schema_issue_get_keyword (issue), ==, keyword);
  g_assert_cmpstr (asc_schema_issue_get_message (issue), ==, message);
}

static void
assert_valid (AscSchema  *schema,
              const char *instance_text)
{
  g_autoptr(GPtrArray) issues = check (schema, instance_text);

  g_assert_cmpuint (issues->len, ==, 0);
}

static void
assert_invalid (AscSchema  *schema,
                const char *instance_text)
{
  g_autoptr(GPtrArray) issues = check (schema, instance_text);

  g_assert_cmpuint (issues->len, >, 0);
}

static const char *moves_schema =
  "{\"type\": \"object\", \"required\": [\"moves\"], \"properties\": {"
  "  \"moves\": {\"type\": \"array\", \"items\": {"
  "    \"type\": \"object\", \"required\": [\"x\", \"y\"], \"properties\": {"
  "      \"x\": {\"type\": \"integer\", \"minimum\": 0},"
  "      \"y\": {\"type\": \"integer\"}}}}}}";

static void
test_messages_name_instance_paths (void)
{
  g_autoptr(AscSchema) schema = compile (moves_schema);
  g_autoptr(GPtrArray) issues = check (schema, "{\"moves\": [{\"x\": 1, \"y\": 2}, {\"x\": -1}]}");
  AscSchemaIssue *issue;

  g_assert_cmpuint (issues->len, ==, 2);
  assert_issue (issues, 0, "/moves/1/x", "minimum", "must be at least 0");
  assert_issue (issues, 1, "/moves/1/y", "required", "is required");
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpstr (asc_schema_issue_get_schema_path (issue), ==,
                   "/properties/moves/items/properties/x/minimum");
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpstr (asc_schema_issue_get_schema_path (issue), ==,
                   "/properties/moves/items/required");
}

static void
test_messages_escape_paths (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"properties\": {\"a/b\": {\"properties\": {\"~c\": {\"type\": \"string\"}}}}}");
  g_autoptr(GPtrArray) issues = check (schema, "{\"a/b\": {\"~c\": 3}}");
  AscSchemaIssue *issue;

  assert_issue (issues, 0, "/a~1b/~0c", "type", "expected a string, got an integer");
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpstr (asc_schema_issue_get_schema_path (issue), ==,
                   "/properties/a~1b/properties/~0c/type");
}

typedef struct
{
  const char *schema;
  const char *instance;
  const char *keyword;
  const char *message;
} MessageCase;

static const MessageCase message_cases[] = {
  { "{\"type\": \"integer\"}", "\"3\"", "type", "expected an integer, got a string" },
  { "{\"type\": \"integer\"}", "1.5", "type", "expected an integer, got a number" },
  { "{\"type\": [\"string\", \"null\"]}", "1", "type",
    "expected a string or null, got an integer" },
  { "{\"type\": [\"string\", \"number\", \"null\"]}", "{}", "type",
    "expected a string, a number or null, got an object" },
  { "{\"enum\": [\"red\", \"green\"]}", "\"blue\"", "enum", "must be one of “red”, “green”" },
  { "{\"enum\": [1, null, true]}", "2", "enum", "must be one of 1, null, true" },
  { "{\"enum\": [\"only\"]}", "\"other\"", "enum", "must be “only”" },
  { "{\"const\": 0.1}", "0.2", "const", "must be 0.1" },
  { "{\"minimum\": 1}", "0", "minimum", "must be at least 1" },
  { "{\"maximum\": 2.5}", "3", "maximum", "must be at most 2.5" },
  { "{\"exclusiveMinimum\": 0}", "0", "exclusiveMinimum", "must be greater than 0" },
  { "{\"exclusiveMaximum\": 10}", "10.0", "exclusiveMaximum", "must be less than 10" },
  { "{\"multipleOf\": 0.01}", "0.005", "multipleOf", "must be a multiple of 0.01" },
  { "{\"minLength\": 2}", "\"é\"", "minLength", "must be at least 2 characters long" },
  { "{\"maxLength\": 1}", "\"ab\"", "maxLength", "must be at most 1 character long" },
  { "{\"pattern\": \"^a\"}", "\"b\"", "pattern", "must match the pattern “^a”" },
  { "{\"minItems\": 1}", "[]", "minItems", "must have at least 1 item" },
  { "{\"maxItems\": 1}", "[1, 2]", "maxItems", "must have at most 1 item" },
  { "{\"uniqueItems\": true}", "[1, 2, 1.0]", "uniqueItems",
    "must not hold the same value twice (items 0 and 2 are equal)" },
  { "{\"minProperties\": 2}", "{\"a\": 1}", "minProperties", "must have at least 2 properties" },
  { "{\"maxProperties\": 0}", "{\"a\": 1}", "maxProperties", "must have at most 0 properties" },
  { "{\"additionalProperties\": false}", "{\"z\": 1}", "additionalProperties",
    "has an unexpected property “z”" },
  { "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}", "null", "oneOf",
    "must match one of the alternatives" },
  { "{\"oneOf\": [{\"minimum\": 0}, {\"maximum\": 5}]}", "3", "oneOf",
    "must match only one of the alternatives, but matches several" },
  { "{\"anyOf\": [{\"type\": \"string\"}]}", "1", "anyOf",
    "must match at least one of the alternatives" },
  { "{\"not\": {\"type\": \"string\"}}", "\"x\"", "not", "must not match the schema under “not”" },
  { "false", "1", "false", "no value is allowed here" },
};

static void
test_messages_read_well (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (message_cases); i++)
    {
      const MessageCase *c = &message_cases[i];
      g_autoptr(AscSchema) schema = compile (c->schema);
      g_autoptr(GPtrArray) issues = check (schema, c->instance);

      g_test_message ("%s with %s", c->schema, c->instance);
      g_assert_cmpuint (issues->len, ==, 1);
      assert_issue (issues, 0, "", c->keyword, c->message);
    }
}

static void
test_string_length_counts_code_points (void)
{
  g_autoptr(AscSchema) one = compile ("{\"minLength\": 1, \"maxLength\": 1}");
  g_autoptr(AscSchema) three = compile ("{\"maxLength\": 3}");

  assert_valid (one, "\"é\"");
  assert_valid (one, "\"\xf0\x9f\x92\xa9\"");
  /* “e” and a combining acute accent: two code points. */
  assert_invalid (one, "\"e\xcc\x81\"");
  assert_valid (three, "\"été\"");
  assert_invalid (three, "\"étés\"");
  assert_invalid (one, "\"\"");
}

static void
test_type_integer_accepts_whole_decimals (void)
{
  g_autoptr(AscSchema) schema = compile ("{\"type\": \"integer\"}");
  g_autoptr(AscSchema) number = compile ("{\"type\": \"number\"}");

  assert_valid (schema, "10.0");
  assert_valid (schema, "-0.0");
  assert_valid (schema, "1e3");
  assert_valid (schema, "9223372036854775807");
  assert_invalid (schema, "10.5");
  assert_invalid (schema, "true");
  assert_valid (number, "10");
  assert_invalid (number, "\"10\"");
}

static void
test_format_is_only_a_hint (void)
{
  static const char * const formats[] = {
    "date-time", "date", "email", "uri", "uuid", "ipv4", "regex", "made-up",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"type\": \"string\", \"format\": \"%s\"}",
                                               formats[i]);
      g_autoptr(AscSchema) schema = compile (text);

      assert_valid (schema, "\"not what the format says [\"");
      assert_valid (schema, "\"\"");
    }
}

static void
test_unsupported_keywords_are_listed (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"type\": \"object\", \"properties\": {"
             "  \"tags\": {\"type\": \"array\", \"unevaluatedItems\": {\"const\": \"x\"}},"
             "  \"a/b\": {\"$ref\": \"https://example.com/other.json\"}},"
             " \"dependencies\": {\"x\": [\"y\"]},"
             " \"$defs\": {\"t\": {\"unevaluatedProperties\": false}}}");
  const char * const *unsupported = asc_schema_get_unsupported (schema);

  g_assert_cmpuint (g_strv_length ((char **) unsupported), ==, 4);
  g_assert_cmpstr (unsupported[0], ==, "/properties/tags/unevaluatedItems");
  g_assert_cmpstr (unsupported[1], ==, "/dependencies");
  g_assert_cmpstr (unsupported[2], ==, "/$defs/t/unevaluatedProperties");
  g_assert_cmpstr (unsupported[3], ==, "/properties/a~1b/$ref");

  /* They take no part in validation. */
  assert_valid (schema, "{\"tags\": [\"y\"], \"x\": 1, \"a/b\": 5}");
  assert_invalid (schema, "{\"tags\": 3}");

  g_assert_true (asc_schema_keyword_is_supported ("prefixItems"));
  g_assert_true (asc_schema_keyword_is_supported ("$anchor"));
  g_assert_true (asc_schema_keyword_is_supported ("contains"));
  g_assert_false (asc_schema_keyword_is_supported ("unevaluatedItems"));
  g_assert_false (asc_schema_keyword_is_supported ("$dynamicRef"));
}

static void
test_supported_schema_lists_nothing (void)
{
  g_autoptr(AscSchema) schema = compile (moves_schema);

  g_assert_null (asc_schema_get_unsupported (schema)[0]);
}

static const char * const cycles[] = {
  "{\"$ref\": \"#\"}",
  "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}},"
  " \"$ref\": \"#/$defs/a\"}",
  "{\"allOf\": [{\"$ref\": \"#\"}]}",
  "{\"anyOf\": [{\"$ref\": \"#/anyOf/1\"}, {\"not\": {\"$ref\": \"#/anyOf/0\"}}]}",
  "{\"$anchor\": \"me\", \"oneOf\": [{\"$ref\": \"#me\"}]}",
};

static void
test_ref_cycles_do_not_hang (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cycles); i++)
    {
      g_autoptr(AscSchema) schema = compile (cycles[i]);
      g_autoptr(GPtrArray) issues = check (schema, "{\"a\": [1, 2]}");

      g_test_message ("%s: %u issues", cycles[i], issues->len);
    }
}

static void
test_ref_recursion_follows_the_value (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {"
             "  \"value\": {\"type\": \"integer\"},"
             "  \"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/node\"}}}}},"
             " \"$ref\": \"#/$defs/node\"}");
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GPtrArray) issues = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "{\"value\": 1, \"children\": [");
  g_string_append (deep, "{\"value\": \"x\"}");
  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "]}");

  issues = check (schema, deep->str);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_true (g_str_has_suffix (asc_schema_issue_get_instance_path (issues->pdata[0]),
                                   "/children/0/value"));
}

static void
test_ref_resolves_pointers_and_anchors (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"properties\": {"
             "  \"p\": {\"$ref\": \"#/$defs/a~1b\"},"
             "  \"q\": {\"$ref\": \"#/$defs/per%25cent\"},"
             "  \"r\": {\"$ref\": \"#small\"},"
             "  \"s\": {\"$ref\": \"#/definitions/legacy\"}},"
             " \"$defs\": {\"a/b\": {\"type\": \"string\"}, \"per%cent\": {\"type\": \"boolean\"},"
             "            \"x\": {\"$anchor\": \"small\", \"maximum\": 1}},"
             " \"definitions\": {\"legacy\": {\"type\": \"null\"}}}");

  assert_valid (schema, "{\"p\": \"x\", \"q\": true, \"r\": 1, \"s\": null}");
  assert_invalid (schema, "{\"p\": 1}");
  assert_invalid (schema, "{\"q\": 1}");
  assert_invalid (schema, "{\"r\": 2}");
  assert_invalid (schema, "{\"s\": 0}");
}

typedef struct
{
  const char *schema;
  const char *message;
} ShapeCase;

static const ShapeCase shape_cases[] = {
  { "{\"properties\": {\"x\": {\"minimum\": \"1\"}}}",
    "Invalid schema at “/properties/x/minimum”: “minimum” must be a number" },
  { "{\"type\": \"strng\"}",
    "Invalid schema at “/type”: “type” must be a type name or an array of unique type names" },
  { "{\"type\": [\"string\", \"string\"]}",
    "Invalid schema at “/type”: “type” must be a type name or an array of unique type names" },
  { "{\"items\": {\"required\": \"x\"}}",
    "Invalid schema at “/items/required”: “required” must be an array of property names" },
  { "{\"items\": [{}]}",
    "Invalid schema at “/items”: “items” must be a schema (tuples go in “prefixItems”)" },
  { "{\"minLength\": -1}",
    "Invalid schema at “/minLength”: “minLength” must be a whole number, 0 or more" },
  { "{\"maxItems\": 1.5}",
    "Invalid schema at “/maxItems”: “maxItems” must be a whole number, 0 or more" },
  { "{\"multipleOf\": 0}",
    "Invalid schema at “/multipleOf”: “multipleOf” must be a number greater than 0" },
  { "{\"anyOf\": []}",
    "Invalid schema at “/anyOf”: “anyOf” must be a non-empty array of schemas" },
  { "{\"properties\": {\"a\": 5}}",
    "Invalid schema at “/properties/a”: a schema must be an object, true or false" },
  { "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/missing\"}}}",
    "Invalid schema at “/$defs/a/$ref”: “#/$defs/missing” does not point to anything in "
    "this schema" },
  { "{\"$ref\": \"#nowhere\"}",
    "Invalid schema at “/$ref”: “#nowhere” names an anchor that does not exist" },
  { "{\"$ref\": \"#/enum\", \"enum\": [1]}",
    "Invalid schema at “/enum”: a schema must be an object, true or false" },
  { "{\"$anchor\": \"1abc\"}",
    "Invalid schema at “/$anchor”: “$anchor” must be a plain name such as “node”" },
  { "{\"deprecated\": \"yes\"}",
    "Invalid schema at “/deprecated”: “deprecated” must be true or false" },
  { "[]", "Invalid schema at “”: a schema must be an object, true or false" },
};

static void
test_shape_errors_name_the_schema_path (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_cases); i++)
    {
      g_autoptr(JsonNode) document = asc_test_json_parse (shape_cases[i].schema);
      g_autoptr(GError) error = NULL;
      g_autoptr(AscSchema) schema = asc_schema_new (document, &error);

      g_assert_null (schema);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, shape_cases[i].message);
    }
}

static void
test_bad_pattern_is_a_shape_error (void)
{
  g_autoptr(JsonNode) document = asc_test_json_parse ("{\"patternProperties\": {\"(\": {}}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AscSchema) schema = asc_schema_new (document, &error);

  g_assert_null (schema);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Invalid schema at “/patternProperties/(”: "
                                   "“(” must be a regular expression"));
}

static void
test_validate_to_error_gives_details (void)
{
  g_autoptr(AscSchema) schema = compile (moves_schema);
  g_autoptr(JsonNode) instance = asc_test_json_parse ("{\"moves\": [{\"x\": -2, \"y\": 0}]}");
  g_autoptr(JsonNode) valid = asc_test_json_parse ("{\"moves\": []}");
  g_autoptr(JsonNode) root = asc_test_json_parse ("[]");
  g_autoptr(GError) error = NULL;

  g_assert_true (asc_schema_validate_to_error (schema, valid, &error));
  g_assert_no_error (error);

  g_assert_false (asc_schema_validate_to_error (schema, instance, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Invalid value: /moves/0/x: must be at least 0");
  asc_test_assert_json_eq (asc_error_get_details (error),
                           "[{\"path\":\"/moves/0/x\",\"message\":\"must be at least 0\"}]");
  g_clear_error (&error);

  g_assert_false (asc_schema_validate_to_error (schema, root, &error));
  g_assert_cmpstr (error->message, ==, "Invalid value: /: expected an object, got an array");
  asc_test_assert_json_eq (asc_error_get_details (error),
                           "[{\"path\":\"\",\"message\":\"expected an object, got an array\"}]");
}

static void
test_multiple_of_is_decimal (void)
{
  g_autoptr(AscSchema) cents = compile ("{\"multipleOf\": 0.01}");
  g_autoptr(AscSchema) tenths = compile ("{\"multipleOf\": 0.1}");
  g_autoptr(AscSchema) odd = compile ("{\"type\": \"integer\", \"multipleOf\": 0.123456789}");
  g_autoptr(AscSchema) whole = compile ("{\"multipleOf\": 3}");

  assert_valid (cents, "19.99");
  assert_valid (cents, "0.07");
  assert_valid (cents, "1e2");
  assert_invalid (cents, "0.001");
  assert_valid (tenths, "0.3");
  assert_valid (tenths, "-4.2");
  assert_invalid (tenths, "0.15");
  assert_invalid (odd, "1e308");
  assert_valid (whole, "9.0");
  assert_valid (whole, "-9223372036854775806");
  assert_invalid (whole, "10");
}

static void
test_big_integers_compare_exactly (void)
{
  g_autoptr(AscSchema) schema = compile ("{\"maximum\": 9007199254740992}");
  g_autoptr(AscSchema) value = compile ("{\"const\": 9007199254740993}");

  assert_valid (schema, "9007199254740992");
  assert_invalid (schema, "9007199254740993");
  assert_invalid (value, "9007199254740992");
  assert_valid (value, "9007199254740993");
}

static void
test_conditionals_apply (void)
{
  g_autoptr(AscSchema) schema =
    compile ("{\"if\": {\"properties\": {\"kind\": {\"const\": \"circle\"}}},"
             " \"then\": {\"required\": [\"radius\"]},"
             " \"else\": {\"required\": [\"side\"]}}");
  g_autoptr(GPtrArray) issues = check (schema, "{\"kind\": \"circle\"}");

  assert_issue (issues, 0, "/radius", "required", "is required");
  g_assert_cmpstr (asc_schema_issue_get_schema_path (issues->pdata[0]), ==, "/then/required");
  assert_valid (schema, "{\"kind\": \"square\", \"side\": 1}");
  assert_invalid (schema, "{\"kind\": \"square\"}");
}

static void
test_schema_is_copied (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AscSchema) schema = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, "{\"type\": \"string\"}", -1, NULL);
  schema = asc_schema_new (json_parser_get_root (parser), NULL);
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (object, "type", "number");

  assert_valid (schema, "\"still a string\"");
  asc_test_assert_json_eq (asc_schema_get_document (schema), "{\"type\":\"string\"}");
}

/* contains, propertyNames and the dependent* keywords are checked, with
 * their issues at the paths a person would look. */
static void
test_array_and_object_keywords (void)
{
  g_autoptr(AscSchema) tags =
    compile ("{\"type\": \"array\", \"contains\": {\"type\": \"integer\"},"
             " \"minContains\": 2, \"maxContains\": 3}");
  g_autoptr(AscSchema) plain = compile ("{\"contains\": {\"const\": 1}}");
  g_autoptr(AscSchema) object =
    compile ("{\"propertyNames\": {\"maxLength\": 2},"
             " \"dependentRequired\": {\"a\": [\"b\", \"c\"]},"
             " \"dependentSchemas\": {\"x\": {\"properties\": {\"y\": {\"type\": \"string\"}}}}}");
  g_autoptr(GPtrArray) few = check (tags, "[1, \"a\"]");
  g_autoptr(GPtrArray) many = check (tags, "[1, 2.0, 3, 4]");
  g_autoptr(GPtrArray) none = check (plain, "[]");
  g_autoptr(GPtrArray) issues = check (object, "{\"abc\": 1, \"a\": 1, \"x\": 1, \"y\": 2}");

  g_assert_cmpstr (asc_schema_get_unsupported (tags)[0], ==, NULL);
  g_assert_cmpstr (asc_schema_get_unsupported (object)[0], ==, NULL);
  assert_valid (tags, "[1, \"a\", 2]");
  assert_issue (few, 0, "", "minContains",
                "must hold at least 2 items that match “contains”; found 1");
  assert_issue (many, 0, "", "maxContains",
                "must hold at most 3 items that match “contains”; found 4");
  assert_issue (none, 0, "", "contains",
                "must hold at least 1 item that matches “contains”; found 0");
  assert_valid (plain, "[2, 1]");
  assert_valid (plain, "{}");

  g_assert_cmpuint (issues->len, ==, 4);
  assert_issue (issues, 0, "", "propertyNames",
                "property name “abc”: must be at most 2 characters long");
  assert_issue (issues, 1, "/b", "dependentRequired", "is required when “a” is present");
  assert_issue (issues, 2, "/c", "dependentRequired", "is required when “a” is present");
  assert_issue (issues, 3, "/y", "type", "expected a string, got an integer");
  assert_valid (object, "{\"y\": 2, \"b\": 1}");
}

/* Patterns read as ECMA-262 says, where PCRE (GRegex) would differ. */
static void
test_patterns_are_ecma_262 (void)
{
  static const struct { const char *pattern, *valid, *invalid; } cases[] = {
    { "^[a-z]+$", "\"abc\"", "\"abc\\n\"" },
    { "^\\\\d+$", "\"123\"", "\"\u0661\u0662\"" },
    { "^\\\\w+\\\\b", "\"ab\"", "\"\u00e9\"" },
    { "^\\\\s$", "\"\\ufeff\"", "\"\\u0085\"" },
    { "^\\\\u0041\\\\uD83D\\\\uDE00\\\\u{1F600}$", "\"A\U0001F600\U0001F600\"", "\"A\"" },
    { "^\\\\p{Letter}+$", "\"h\u00e9\"", "\"h1\"" },
    { "^\\\\p{Script=Greek}$", "\"\u03b1\"", "\"a\"" },
    { "^[^]$", "\"\\n\"", "\"ab\"" },
    { "^[[:a]+$", "\"[:a\"", "\"b\"" },
    { "^.$", "\"\U0001F600\"", "\"\\n\"" },
    { "[]", NULL, "\"a\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"pattern\": \"%s\"}", cases[i].pattern);
      g_autoptr(AscSchema) schema = compile (text);

      if (cases[i].valid != NULL)
        assert_valid (schema, cases[i].valid);
      assert_invalid (schema, cases[i].invalid);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/schema/messages/name-instance-paths", test_messages_name_instance_paths);
  g_test_add_func ("/asc/schema/messages/escape-paths", test_messages_escape_paths);
  g_test_add_func ("/asc/schema/messages/read-well", test_messages_read_well);
  g_test_add_func ("/asc/schema/string-length/counts-code-points",
                   test_string_length_counts_code_points);
  g_test_add_func ("/asc/schema/type/integer-accepts-whole-decimals",
                   test_type_integer_accepts_whole_decimals);
  g_test_add_func ("/asc/schema/format/is-only-a-hint", test_format_is_only_a_hint);
  g_test_add_func ("/asc/schema/unsupported/are-listed-with-paths",
                   test_unsupported_keywords_are_listed);
  g_test_add_func ("/asc/schema/unsupported/empty-for-supported-schemas",
                   test_supported_schema_lists_nothing);
  g_test_add_func ("/asc/schema/ref/cycles-do-not-hang", test_ref_cycles_do_not_hang);
  g_test_add_func ("/asc/schema/ref/recursion-follows-the-value",
                   test_ref_recursion_follows_the_value);
  g_test_add_func ("/asc/schema/ref/resolves-pointers-and-anchors",
                   test_ref_resolves_pointers_and_anchors);
  g_test_add_func ("/asc/schema/shape-errors/name-the-schema-path",
                   test_shape_errors_name_the_schema_path);
  g_test_add_func ("/asc/schema/shape-errors/bad-pattern", test_bad_pattern_is_a_shape_error);
  g_test_add_func ("/asc/schema/validate-to-error/gives-details",
                   test_validate_to_error_gives_details);
  g_test_add_func ("/asc/schema/multiple-of/is-decimal", test_multiple_of_is_decimal);
  g_test_add_func ("/asc/schema/numbers/big-integers-compare-exactly",
                   test_big_integers_compare_exactly);
  g_test_add_func ("/asc/schema/conditionals/apply", test_conditionals_apply);
  g_test_add_func ("/asc/schema/keywords/arrays-and-objects", test_array_and_object_keywords);
  g_test_add_func ("/asc/schema/pattern/is-ecma-262", test_patterns_are_ecma_262);
  g_test_add_func ("/asc/schema/document/is-copied", test_schema_is_copied);

  return g_test_run ();
}
