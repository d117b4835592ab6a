/* test-catalog.c: reading catalog files
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
  g_test_add_func ("/asc/catalog/accepts-boolean-schemas-and-unknown-members",
                   test_catalog_accepts_boolean_schemas_and_unknown_members);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/asc/catalog/rejects/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_catalog_rejects_invalid);
    }

  return g_test_run ();
}
