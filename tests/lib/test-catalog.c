/* test-catalog.c: reading catalog files, merging what servers say, method schemas
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "catalog", name, NULL);
}

static void
test_catalog_lists_types_sorted (void)
{
  g_autofree char *path = data_path ("zocket.json");
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  catalog = asc_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  names = asc_catalog_dup_type_names (catalog);

  g_assert_cmpstrv (names, ((const char * const[]) { "chat", "counter", "guarded", "presence",
                                                     "slow", NULL }));
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_catalog_gets_actor_entries (void)
{
  g_autofree char *path = data_path ("zocket.json");
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *counter;
  JsonObject *methods;

  catalog = asc_catalog_new_from_file (path, &error);
  g_assert_no_error (error);

  counter = asc_catalog_get_actor (catalog, "counter");
  g_assert_nonnull (counter);
  g_assert_cmpstr (json_object_get_string_member (counter, "title"), ==, "Counter");
  methods = json_object_get_object_member (counter, "methods");
  g_assert_true (json_object_has_member (methods, "add"));
  g_assert_null (asc_catalog_get_actor (catalog, "nosuch"));
  g_assert_null (asc_catalog_get_actor (catalog, "Counter"));
}

static void
test_catalog_from_data_without_actors_types (void)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  catalog = asc_catalog_new_from_data ("{\"catalog\": 1, \"actors\": {}}", -1, &error);
  g_assert_no_error (error);
  names = asc_catalog_dup_type_names (catalog);

  g_assert_cmpuint (g_strv_length (names), ==, 0);
}

static void
test_catalog_syntax_error_names_file_line_and_column (void)
{
  g_autofree char *path = data_path ("malformed.json");
  g_autofree char *expected = g_strconcat (path, ":4:", NULL);
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = asc_catalog_new_from_file (path, &error);

  g_assert_null (catalog);
  g_assert_true (error->domain == JSON_PARSER_ERROR);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_catalog_shape_error_names_file_and_member (void)
{
  g_autofree char *path = data_path ("wrong-methods.json");
  g_autofree char *expected = NULL;
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = asc_catalog_new_from_file (path, &error);

  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  expected = g_strconcat (path, ": “actors.counter.methods” must be an object", NULL);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Integers past 64 bits read as the doubles JavaScript reads them as,
 * not as wrapped-around small numbers; from a file and from text alike. */
static void
test_catalog_reads_big_integers_by_value (void)
{
  g_autofree char *path = data_path ("big-integers.json");
  g_autofree char *text = NULL;
  g_autoptr(AscCatalog) from_file = NULL;
  g_autoptr(AscCatalog) from_data = NULL;
  g_autoptr(GError) error = NULL;

  from_file = asc_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  from_data = asc_catalog_new_from_data (text, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      AscCatalog *catalog = i == 0 ? from_file : from_data;
      AscSchema *schema = asc_catalog_get_method_schema (catalog, "meter", "set", &error);
      g_autoptr(JsonNode) small = asc_test_json_parse ("5");
      g_autoptr(JsonNode) big = asc_test_json_parse ("18446744073709551615.0");
      g_autoptr(JsonNode) too_big = asc_test_json_parse ("1e21");
      JsonObject *input;

      g_assert_no_error (error);
      g_assert_true (asc_schema_validate (schema, small, NULL));
      g_assert_true (asc_schema_validate (schema, big, NULL));
      g_assert_false (asc_schema_validate (schema, too_big, NULL));
      input = json_object_get_object_member (asc_catalog_get_method (catalog, "meter", "set"),
                                             "input");
      g_assert_cmpfloat (json_object_get_double_member (input, "maximum"), ==,
                         18446744073709551616.0);
      g_assert_cmpfloat (json_object_get_double_member (input, "minimum"), ==, -1e20);
      g_assert_cmpstr (json_object_get_string_member (input, "x-note"), ==,
                       "a string that looks like 99999999999999999999 stays a string");
    }
}

static void
test_catalog_missing_file_fails (void)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = asc_catalog_new_from_file ("/nonexistent/catalog.json", &error);

  g_assert_null (catalog);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *message;   /* how the error message starts */
} InvalidCase;

static InvalidCase invalid_cases[] = {
  { "syntax", "{\n  \"catalog\": 1,\n  \"actors\": [,]\n}", "<data>:3:" },
  { "empty", "", "A catalog must be a JSON object" },
  { "array", "[1]", "A catalog must be a JSON object" },
  /* json-glib decodes these; JSON forbids them. */
  { "octal-escape-in-a-name", "{\"catalog\": 1, \"actors\": {\"\\777\": {}}}",
    "The catalog holds a string that is not UTF-8" },
  { "infinite-number",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"state\": {\"minimum\": 1e999}}}}",
    "The catalog holds a string that is not UTF-8 or a number out of range" },
  { "no-version", "{\"actors\": {}}", "“catalog” is missing" },
  { "version-2", "{\"catalog\": 2, \"actors\": {}}", "“catalog” must be 1" },
  { "version-string", "{\"catalog\": \"1\", \"actors\": {}}", "“catalog” must be 1" },
  { "no-actors", "{\"catalog\": 1}", "“actors” is missing" },
  { "actors-array", "{\"catalog\": 1, \"actors\": []}", "“actors” must be an object" },
  { "actor-string", "{\"catalog\": 1, \"actors\": {\"c\": \"x\"}}",
    "“actors.c” must be an object" },
  { "title-number", "{\"catalog\": 1, \"actors\": {\"c\": {\"title\": 1}}}",
    "“actors.c.title” must be a string" },
  { "state-number", "{\"catalog\": 1, \"actors\": {\"c\": {\"state\": 1}}}",
    "“actors.c.state” must be a JSON Schema: an object or a boolean" },
  { "methods-array", "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": []}}}",
    "“actors.c.methods” must be an object" },
  { "method-null", "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": null}}}}",
    "“actors.c.methods.m” must be an object" },
  { "input-string",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": {\"input\": \"x\"}}}}}",
    "“actors.c.methods.m.input” must be a JSON Schema: an object or a boolean" },
  { "args-object",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": {\"args\": {}}}}}}",
    "“actors.c.methods.m.args” must be an array" },
  { "arg-name",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": {\"args\": [{\"name\": 1}]}}}}}",
    "“actors.c.methods.m.args[0].name” must be a string" },
  { "event-payload",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"events\": {\"e\": {\"payload\": 3}}}}}",
    "“actors.c.events.e.payload” must be a JSON Schema: an object or a boolean" },
  { "instances-numbers", "{\"catalog\": 1, \"actors\": {\"c\": {\"instances\": [\"a\", 2]}}}",
    "“actors.c.instances[1]” must be a string" },
  { "title-top-level", "{\"catalog\": 1, \"title\": [], \"actors\": {}}",
    "“title” must be a string" },
  { "arg-without-name",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": "
    "{\"args\": [{\"schema\": true}]}}}}}",
    "“actors.c.methods.m.args[0].name” is missing" },
  { "arg-without-schema",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": "
    "{\"args\": [{\"name\": \"a\"}]}}}}}",
    "“actors.c.methods.m.args[0].schema” is missing" },
  { "arg-optional-string",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": {\"args\": "
    "[{\"name\": \"a\", \"schema\": {}, \"optional\": \"yes\"}]}}}}}",
    "“actors.c.methods.m.args[0].optional” must be true or false" },
  { "input-and-args",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": {\"m\": {\"input\": {}, \"args\": []}}}}}",
    "“actors.c.methods.m” has both “input” and “args”" },
  { "payload-and-args",
    "{\"catalog\": 1, \"actors\": {\"c\": {\"events\": {\"e\": {\"payload\": {}, \"args\": []}}}}}",
    "“actors.c.events.e” has both “payload” and “args”" },
};

static void
test_catalog_rejects_invalid (gconstpointer data)
{
  const InvalidCase *invalid = data;
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = asc_catalog_new_from_data (invalid->text, -1, &error);

  g_assert_null (catalog);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, invalid->message))
    g_error ("“%s” does not start with “%s”", error->message, invalid->message);
}

static void
test_catalog_accepts_boolean_schemas_and_unknown_members (void)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = asc_catalog_new_from_data ("{\"catalog\": 1, \"x-generator\": \"zod\", \"actors\": "
                                       "{\"c\": {\"state\": true, \"methods\": {\"m\": "
                                       "{\"input\": false, \"x-extra\": 1}}}}}", -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (asc_catalog_get_actor (catalog, "c"));
}

/* Zocket style, Rivet style, no schema, and a schema that does not compile. */
static const char methods_catalog[] =
  "{\"catalog\": 1, \"actors\": {"
  "  \"counter\": {\"methods\": {"
  "    \"add\": {\"input\": {\"type\": \"object\", \"required\": [\"amount\"]}},"
  "    \"move\": {\"args\": ["
  "      {\"name\": \"to\", \"schema\": {\"type\": \"object\","
  "        \"properties\": {\"amount\": {\"type\": \"integer\"}}}},"
  "      {\"name\": \"note\", \"schema\": {\"type\": \"string\"}, \"optional\": false},"
  "      {\"name\": \"speed\", \"schema\": {\"type\": \"number\"}, \"optional\": true}]},"
  "    \"tree\": {\"args\": [{\"name\": \"node\", \"schema\": {\"$ref\": \"#/$defs/node\","
  "      \"$defs\": {\"node\": {\"type\": \"object\","
  "        \"properties\": {\"kids\": {\"type\": \"array\","
  "          \"items\": {\"$ref\": \"#/$defs/node\"}}},"
  "        \"additionalProperties\": false}}}}]},"
  "    \"none\": {\"args\": []},"
  "    \"plain\": {\"description\": \"no schema\"},"
  "    \"broken\": {\"input\": {\"minimum\": \"one\"}}}},"
  "  \"chat\": {}}}";

static AscCatalog *
methods_catalog_new (void)
{
  g_autoptr(GError) error = NULL;
  AscCatalog *catalog = asc_catalog_new_from_data (methods_catalog, -1, &error);

  g_assert_no_error (error);
  return catalog;
}

static void
test_catalog_new_is_empty (void)
{
  g_autoptr(AscCatalog) catalog = asc_catalog_new ();
  g_auto(GStrv) names = asc_catalog_dup_type_names (catalog);

  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_null (asc_catalog_get_actor (catalog, "counter"));
}

static void
test_catalog_merges_server_types (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  const char *server[] = { "zebra", "counter", "alpha", NULL };
  g_auto(GStrv) names = NULL;
  JsonObject *alpha;

  asc_catalog_merge_server_types (catalog, server);
  asc_catalog_merge_server_types (catalog, server);
  names = asc_catalog_dup_type_names (catalog);

  g_assert_cmpstrv (names, ((const char * const[]) { "alpha", "chat", "counter", "zebra", NULL }));
  alpha = asc_catalog_get_actor (catalog, "alpha");
  g_assert_nonnull (alpha);
  g_assert_cmpuint (json_object_get_size (alpha), ==, 0);
  g_assert_true (json_object_has_member (asc_catalog_get_actor (catalog, "counter"), "methods"));
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_catalog_merges_server_methods (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  const char *actions[] = { "zap", "add", NULL };
  g_auto(GStrv) counter = NULL;
  g_auto(GStrv) chat = NULL;
  g_auto(GStrv) fresh = NULL;
  g_auto(GStrv) unknown = NULL;

  asc_catalog_merge_server_methods (catalog, "counter", actions);
  asc_catalog_merge_server_methods (catalog, "chat", actions);
  asc_catalog_merge_server_methods (catalog, "fresh", actions);
  counter = asc_catalog_dup_method_names (catalog, "counter");
  chat = asc_catalog_dup_method_names (catalog, "chat");
  fresh = asc_catalog_dup_method_names (catalog, "fresh");
  unknown = asc_catalog_dup_method_names (catalog, "unknown");

  g_assert_cmpstrv (counter, ((const char * const[]) { "add", "broken", "move", "none", "plain",
                                                       "tree", "zap", NULL }));
  g_assert_cmpstrv (chat, ((const char * const[]) { "add", "zap", NULL }));
  g_assert_cmpstrv (fresh, ((const char * const[]) { "add", "zap", NULL }));
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  g_assert_nonnull (asc_catalog_get_actor (catalog, "fresh"));
}

static void
test_catalog_gets_methods (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  const char *actions[] = { "zap", NULL };
  JsonObject *add;
  JsonObject *zap;

  asc_catalog_merge_server_methods (catalog, "counter", actions);
  add = asc_catalog_get_method (catalog, "counter", "add");

  g_assert_nonnull (add);
  g_assert_true (json_object_has_member (add, "input"));
  zap = asc_catalog_get_method (catalog, "counter", "zap");
  g_assert_nonnull (zap);
  g_assert_cmpuint (json_object_get_size (zap), ==, 0);
  g_assert_null (asc_catalog_get_method (catalog, "counter", "nosuch"));
  g_assert_null (asc_catalog_get_method (catalog, "chat", "add"));
  g_assert_null (asc_catalog_get_method (catalog, "nosuch", "add"));
}

static AscSchema *
method_schema (AscCatalog *catalog,
               const char *method)
{
  g_autoptr(GError) error = NULL;
  AscSchema *schema = asc_catalog_get_method_schema (catalog, "counter", method, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

static void
test_catalog_method_schema_is_input_as_written (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  AscSchema *schema = method_schema (catalog, "add");

  asc_test_assert_json_eq (asc_schema_get_document (schema),
                           "{\"type\": \"object\", \"required\": [\"amount\"]}");
  g_assert_true (schema == method_schema (catalog, "add"));
}

static void
test_catalog_method_schema_is_tuple_of_args (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  AscSchema *none = method_schema (catalog, "none");
  AscSchema *move = method_schema (catalog, "move");

  asc_test_assert_json_eq (asc_schema_get_document (none),
                           "{\"type\": \"array\", \"maxItems\": 0, \"minItems\": 0}");
  asc_test_assert_json_eq (asc_schema_get_document (move),
                           "{\"type\": \"array\", \"prefixItems\": ["
                           "{\"type\": \"object\", "
                           "\"properties\": {\"amount\": {\"type\": \"integer\"}}},"
                           "{\"type\": \"string\"}, {\"type\": \"number\"}], "
                           "\"maxItems\": 3, \"minItems\": 2}");
}

static void
assert_issue_paths (AscSchema  *schema,
                    const char *value,
                    const char *expected)
{
  g_autoptr(JsonNode) instance = asc_test_json_parse (value);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GString) paths = g_string_new (NULL);

  asc_schema_validate (schema, instance, &issues);
  /* Each path in brackets, so the root's empty path shows: "[]". */
  for (guint i = 0; i < issues->len; i++)
    g_string_append_printf (paths, "[%s]", asc_schema_issue_get_instance_path (issues->pdata[i]));

  g_assert_cmpstr (paths->str, ==, expected);
}

static void
test_catalog_method_schema_validates_positions (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  AscSchema *move = method_schema (catalog, "move");

  assert_issue_paths (move, "[{\"amount\": 2}, \"n\"]", "");
  assert_issue_paths (move, "[{\"amount\": 2}, \"n\", 1.5]", "");
  assert_issue_paths (move, "[{\"amount\": \"x\"}, 3]", "[/0/amount][/1]");
  assert_issue_paths (move, "[{}]", "[]");
  assert_issue_paths (move, "[{}, \"n\", 1, 2]", "[]");
  assert_issue_paths (move, "{}", "[]");
}

static void
test_catalog_method_schema_moves_references (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  AscSchema *tree = method_schema (catalog, "tree");

  g_assert_cmpuint (g_strv_length ((char **) asc_schema_get_unsupported (tree)), ==, 0);
  assert_issue_paths (tree, "[{\"kids\": [{\"kids\": []}]}]", "");
  assert_issue_paths (tree, "[{\"kids\": [{\"oops\": 1}]}]", "[/0/kids/0]");
}

static void
test_catalog_method_schema_absent_or_broken (void)
{
  g_autoptr(AscCatalog) catalog = methods_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (asc_catalog_get_method_schema (catalog, "counter", "plain", &error));
  g_assert_no_error (error);
  g_assert_null (asc_catalog_get_method_schema (catalog, "counter", "nosuch", &error));
  g_assert_no_error (error);
  g_assert_null (asc_catalog_get_method_schema (catalog, "nosuch", "add", &error));
  g_assert_no_error (error);

  g_assert_null (asc_catalog_get_method_schema (catalog, "counter", "broken", &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“broken” of “counter”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/catalog/lists-types-sorted", test_catalog_lists_types_sorted);
  g_test_add_func ("/asc/catalog/gets-actor-entries", test_catalog_gets_actor_entries);
  g_test_add_func ("/asc/catalog/may-have-no-actors", test_catalog_from_data_without_actors_types);
  g_test_add_func ("/asc/catalog/syntax-error-names-file-line-and-column",
                   test_catalog_syntax_error_names_file_line_and_column);
  g_test_add_func ("/asc/catalog/shape-error-names-file-and-member",
                   test_catalog_shape_error_names_file_and_member);
  g_test_add_func ("/asc/catalog/missing-file-fails", test_catalog_missing_file_fails);
  g_test_add_func ("/asc/catalog/reads-big-integers-by-value",
                   test_catalog_reads_big_integers_by_value);
  g_test_add_func ("/asc/catalog/accepts-boolean-schemas-and-unknown-members",
                   test_catalog_accepts_boolean_schemas_and_unknown_members);
  g_test_add_func ("/asc/catalog/new-is-empty", test_catalog_new_is_empty);
  g_test_add_func ("/asc/catalog/merges-server-types", test_catalog_merges_server_types);
  g_test_add_func ("/asc/catalog/merges-server-methods", test_catalog_merges_server_methods);
  g_test_add_func ("/asc/catalog/gets-methods", test_catalog_gets_methods);
  g_test_add_func ("/asc/catalog/method-schema/is-input-as-written",
                   test_catalog_method_schema_is_input_as_written);
  g_test_add_func ("/asc/catalog/method-schema/is-tuple-of-args",
                   test_catalog_method_schema_is_tuple_of_args);
  g_test_add_func ("/asc/catalog/method-schema/validates-positions",
                   test_catalog_method_schema_validates_positions);
  g_test_add_func ("/asc/catalog/method-schema/moves-references",
                   test_catalog_method_schema_moves_references);
  g_test_add_func ("/asc/catalog/method-schema/absent-or-broken",
                   test_catalog_method_schema_absent_or_broken);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/asc/catalog/rejects/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_catalog_rejects_invalid);
    }

  return g_test_run ();
}
