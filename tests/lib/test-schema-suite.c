/* test-schema-suite.c: the official JSON-Schema-Test-Suite, draft 2020-12
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case of every file of a supported keyword must pass, except the
 * cases listed in `skipped` below, which need a schema from outside the
 * document (remote references, the meta-schema) or a keyword AscSchema
 * does not support. Files of unsupported keywords are listed, not run.
 *
 * The suite comes from the Debian package libtest-json-schema-acceptance-perl
 * (which ships JSON-Schema-Test-Suite as data), or from the npm package of
 * the suite when it is installed in tests/node_modules.
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

#include <string.h>

#define DEBIAN_SUITE_DIR \
  "/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance/tests/draft2020-12"

/* The files of the keywords AscSchema supports: each one runs. */
static const char * const supported_files[] = {
  "additionalProperties.json",
  "allOf.json",
  "anchor.json",
  "anyOf.json",
  "boolean_schema.json",
  "const.json",
  "contains.json",
  "default.json",
  "defs.json",
  "dependentRequired.json",
  "dependentSchemas.json",
  "enum.json",
  "exclusiveMaximum.json",
  "exclusiveMinimum.json",
  "format.json",
  "id.json",
  "if-then-else.json",
  "infinite-loop-detection.json",
  "items.json",
  "maxContains.json",
  "maxItems.json",
  "maxLength.json",
  "maxProperties.json",
  "maximum.json",
  "minContains.json",
  "minItems.json",
  "minLength.json",
  "minProperties.json",
  "minimum.json",
  "multipleOf.json",
  "not.json",
  "oneOf.json",
  "pattern.json",
  "patternProperties.json",
  "prefixItems.json",
  "properties.json",
  "propertyNames.json",
  "ref.json",
  "required.json",
  "type.json",
  "uniqueItems.json",
  /* Patterns are ECMA-262 regular expressions, not GRegex's own. */
  "optional/ecmascript-regex.json",
};

typedef struct
{
  const char *file;
  const char *description;
  const char *reason;
} Skip;

#define REMOTE "needs a schema from outside the document"
#define META "validates against the 2020-12 meta-schema, fetched by URI"

/* Groups of cases that cannot pass by design, by file and description. */
static const Skip skipped[] = {
  { "anchor.json", "invalid anchors", META },
  { "defs.json", "validate definition against metaschema", META },
  { "id.json", "Invalid use of fragments in location-independent $id", META },
  { "id.json", "Valid use of empty fragments in location-independent $id", META },
  { "id.json", "Unnormalized $ids are allowed but discouraged", META },
  { "optional/ecmascript-regex.json", "\\a is not an ECMA 262 control escape", META },
  { "not.json", "collect annotations inside a 'not', even if collection is disabled",
    "uses unevaluatedProperties" },
  { "ref.json", "remote ref, containing refs itself", META },
  { "ref.json", "ref creates new scope when adjacent to keywords",
    "uses unevaluatedProperties" },
  { "ref.json", "URN base URI with f-component", META },
};

static guint total_files;
static guint total_passed;
static guint total_skipped;

static char *
find_suite_dir (void)
{
  g_autofree char *npm = g_test_build_filename (G_TEST_DIST, "node_modules",
                                                "json-schema-test-suite", "tests",
                                                "draft2020-12", NULL);

  if (g_file_test (npm, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&npm);
  if (g_file_test (DEBIAN_SUITE_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (DEBIAN_SUITE_DIR);
  return NULL;
}

static const Skip *
find_skip (const char *file,
           const char *description)
{
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_str_equal (skipped[i].file, file) &&
        g_str_equal (skipped[i].description, description))
      return &skipped[i];

  return NULL;
}

static gboolean
is_supported_file (const char *name)
{
  return g_strv_contains ((const char * const *) supported_files, name);
}

static void
fail_missing_suite (void)
{
  g_test_fail_printf ("JSON-Schema-Test-Suite is missing: install the Debian package "
                      "libtest-json-schema-acceptance-perl (build-aux/test does), or "
                      "run `npm ci` in tests/ if its package.json lists the suite");
}

/* Runs every test of one group; returns how many passed. */
static guint
run_group (const char *file,
           JsonObject *group)
{
  const char *description = json_object_get_string_member (group, "description");
  JsonArray *tests = json_object_get_array_member (group, "tests");
  g_autoptr(AscSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *unsupported;
  guint passed = 0;

  schema = asc_schema_new (json_object_get_member (group, "schema"), &error);
  if (schema == NULL)
    {
      g_test_message ("FAILED %s \"%s\": %s", file, description, error->message);
      g_test_fail ();
      return 0;
    }

  unsupported = asc_schema_get_unsupported (schema);
  if (unsupported[0] != NULL)
    {
      g_test_message ("FAILED %s \"%s\" uses %s, which is not supported: list the group "
                      "as skipped", file, description, unsupported[0]);
      g_test_fail ();
      return 0;
    }

  for (guint i = 0; i < json_array_get_length (tests); i++)
    {
      JsonObject *test = json_array_get_object_element (tests, i);
      gboolean expected = json_object_get_boolean_member (test, "valid");
      JsonNode *data = json_object_get_member (test, "data");
      g_autoptr(GPtrArray) issues = NULL;
      gboolean valid = asc_schema_validate (schema, data, &issues);

      if (valid != expected || valid != (issues->len == 0) ||
          valid != asc_schema_validate (schema, data, NULL))
        {
          g_test_message ("FAILED %s \"%s\" / \"%s\": expected %s", file, description,
                          json_object_get_string_member (test, "description"),
                          expected ? "valid" : "invalid");
          g_test_fail ();
          continue;
        }
      passed++;
    }

  return passed;
}

static void
test_suite_file (gconstpointer data)
{
  const char *file = data;
  g_autofree char *dir = find_suite_dir ();
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) groups = NULL;
  JsonArray *array;
  guint passed = 0, skipped_cases = 0, skipped_groups = 0;

  if (dir == NULL)
    {
      fail_missing_suite ();
      return;
    }

  path = g_build_filename (dir, file, NULL);
  groups = asc_test_json_load (path);
  array = json_node_get_array (groups);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *group = json_array_get_object_element (array, i);
      const char *description = json_object_get_string_member (group, "description");
      const Skip *skip = find_skip (file, description);

      if (skip != NULL)
        {
          guint n = json_array_get_length (json_object_get_array_member (group, "tests"));

          g_test_message ("%s: skipped %u cases of \"%s\": %s", file, n, description,
                          skip->reason);
          skipped_cases += n;
          skipped_groups++;
          continue;
        }
      passed += run_group (file, group);
    }

  /* Every listed group must exist, so the list cannot hide a typo. */
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_str_equal (skipped[i].file, file))
      skipped_groups--;
  g_assert_cmpuint (skipped_groups, ==, 0);

  g_test_message ("%s: %u cases passed, %u skipped", file, passed, skipped_cases);
  g_assert_cmpuint (passed + skipped_cases, >, 0);
  total_files++;
  total_passed += passed;
  total_skipped += skipped_cases;
}

/* The Debian package records the suite's commit two folders up. */
static void
log_suite_version (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "..", "..", "submodule_status", NULL);
  g_autofree char *status = NULL;

  if (g_file_get_contents (path, &status, NULL, NULL))
    g_test_message ("suite version: %.*s", (int) strcspn (status, "\n"), status);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_unsupported_files (void)
{
  g_autofree char *dir = find_suite_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (dir == NULL)
    {
      fail_missing_suite ();
      return;
    }

  g_test_message ("suite: %s", dir);
  log_suite_version (dir);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json") && !is_supported_file (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    g_test_message ("not run (unsupported keyword or remote schemas): %s",
                    (char *) g_ptr_array_index (names, i));
  g_test_message ("not run: the rest of optional/ (format assertions, bignums, "
                  "other drafts' quirks)");

  /* Each supported file is really in the suite. */
  for (guint i = 0; i < G_N_ELEMENTS (supported_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, supported_files[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/schema-suite/unsupported-files-are-listed", test_unsupported_files);
  for (guint i = 0; i < G_N_ELEMENTS (supported_files); i++)
    {
      g_autofree char *test_path = g_strconcat ("/asc/schema-suite/draft2020-12/",
                                                supported_files[i], NULL);

      g_test_add_data_func (test_path, supported_files[i], test_suite_file);
    }

  status = g_test_run ();
  g_print ("# JSON-Schema-Test-Suite draft2020-12: %u files ran, %u cases passed, "
           "%u skipped\n", total_files, total_passed, total_skipped);
  return status;
}
