/* test-catalog-schema.c: every catalog shipped follows data/catalog.schema.json,
 * and what the loader refuses the schema refuses too
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

/* Catalogs outside tests/data/catalog, from the tests folder. */
static const struct
{
  const char *name;
  const char *path;
} shipped[] = {
  { "demo", "../src/demo/demo-catalog.json" },
  { "rivet-test-server", "servers/rivet/catalog.json" },
  { "zocket-test-server", "servers/zocket/catalog.json" },
};

static AscSchema *format_schema;

static gboolean
is_wrong (const char *name)
{
  return g_str_has_prefix (name, "wrong-") || g_str_has_prefix (name, "malformed");
}

static char *
source_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, relative, NULL);
}

static void
assert_follows_format (JsonNode   *document,
                       const char *name)
{
  g_autoptr(GPtrArray) issues = NULL;

  if (asc_schema_validate (format_schema, document, &issues))
    return;

  for (guint i = 0; i < issues->len; i++)
    g_test_message ("%s: %s: %s", name, asc_schema_issue_get_instance_path (issues->pdata[i]),
                    asc_schema_issue_get_message (issues->pdata[i]));
  g_error ("%s does not follow catalog.schema.json", name);
}

/* Every method schema a call would be checked against compiles. */
static void
assert_method_schemas_compile (AscCatalog *catalog)
{
  g_auto(GStrv) types = asc_catalog_dup_type_names (catalog);

  for (guint i = 0; types[i] != NULL; i++)
    {
      g_auto(GStrv) methods = asc_catalog_dup_method_names (catalog, types[i]);

      for (guint j = 0; methods[j] != NULL; j++)
        {
          g_autoptr(GError) error = NULL;

          asc_catalog_get_method_schema (catalog, types[i], methods[j], &error);
          g_assert_no_error (error);
        }
    }
}

static void
test_catalog_follows_format (gconstpointer data)
{
  const char *path = data;
  g_autoptr(JsonNode) document = asc_test_json_load (path);
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  assert_follows_format (document, path);
  catalog = asc_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_method_schemas_compile (catalog);
}

static void
test_wrong_catalog_is_refused (gconstpointer data)
{
  const char *path = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = asc_catalog_new_from_file (path, &error);
  g_assert_null (catalog);
  g_assert_nonnull (error);

  /* A syntax error has no document to check. */
  if (json_parser_load_from_file (parser, path, NULL))
    g_assert_false (asc_schema_validate (format_schema, json_parser_get_root (parser), NULL));
}

static void
test_format_schema_is_fully_supported (void)
{
  g_assert_cmpuint (g_strv_length ((char **) asc_schema_get_unsupported (format_schema)), ==, 0);
}

/* The loader keeps members it does not know, so newer files still load;
 * the schema, written for authors, catches their typos. */
static void
test_format_schema_allows_only_x_members (void)
{
  g_autoptr(JsonNode) extension = NULL;
  g_autoptr(JsonNode) typo = NULL;

  extension = asc_test_json_parse ("{\"catalog\": 1, \"x-by\": 1, \"actors\": {\"c\": "
                                   "{\"x-note\": 1, \"methods\": {\"m\": {\"x-n\": 1}}}}}");
  typo = asc_test_json_parse ("{\"catalog\": 1, \"actors\": {\"c\": {\"method\": {}}}}");

  g_assert_true (asc_schema_validate (format_schema, extension, NULL));
  g_assert_false (asc_schema_validate (format_schema, typo, NULL));
}

/* Runs `node make-catalog.mjs` when Node and the server's packages are
 * there; its output must follow the format and load. */
static void
test_generated_zocket_catalog_follows_format (void)
{
  g_autofree char *folder = source_path ("servers/zocket");
  g_autofree char *modules = g_build_filename (folder, "node_modules", "zod", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  const char *argv[] = { node, "make-catalog.mjs", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (node == NULL || !g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("needs node and tests/servers/zocket/node_modules");
      return;
    }

  g_spawn_sync (folder, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  document = asc_test_json_parse (out);
  assert_follows_format (document, "make-catalog.mjs");
  catalog = asc_catalog_new_from_data (out, -1, &error);
  g_assert_no_error (error);
  assert_method_schemas_compile (catalog);
}

static void
add_catalog_tests (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "catalog", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *test = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      test = g_strconcat (is_wrong (name) ? "/asc/catalog/format/refuses/"
                                          : "/asc/catalog/format/follows/", name, NULL);
      g_test_add_data_func_full (test, g_build_filename (folder, name, NULL),
                                 is_wrong (name) ? test_wrong_catalog_is_refused
                                                 : test_catalog_follows_format,
                                 g_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *test = g_strconcat ("/asc/catalog/format/follows/", shipped[i].name, NULL);

      g_test_add_data_func_full (test, source_path (shipped[i].path),
                                 test_catalog_follows_format, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = source_path ("../data/catalog.schema.json");
  document = asc_test_json_load (path);
  format_schema = asc_schema_new (document, &error);
  g_assert_no_error (error);

  g_test_add_func ("/asc/catalog/format/schema-is-fully-supported",
                   test_format_schema_is_fully_supported);
  g_test_add_func ("/asc/catalog/format/allows-only-x-members",
                   test_format_schema_allows_only_x_members);
  g_test_add_func ("/asc/catalog/format/generated-zocket-catalog",
                   test_generated_zocket_catalog_follows_format);
  add_catalog_tests ();

  status = g_test_run ();
  g_clear_object (&format_schema);

  return status;
}
