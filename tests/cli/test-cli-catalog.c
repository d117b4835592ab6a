/* test-cli-catalog.c: call --dry-run against the test servers' catalogs, and
 * checks made before anything is sent
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-util.h"

#include <string.h>

#define WAIT_MS 10000

/* One method of an examples file (tests/data/catalog/examples/), with the
 * catalog it is checked against. */
typedef struct
{
  char       *catalog;
  gboolean    rivet;
  char       *type_name;
  char       *method;
  JsonObject *examples;   /* {"valid": [[ARG…]…], "invalid": [{"args", "paths"}…]} */
} MethodCase;

static void
method_case_free (gpointer data)
{
  MethodCase *method_case = data;

  g_free (method_case->catalog);
  g_free (method_case->type_name);
  g_free (method_case->method);
  json_object_unref (method_case->examples);
  g_free (method_case);
}

/* Runs `--catalog CATALOG call TYPE key METHOD ARG… --dry-run`. */
static AscTestCli *
run_dry (const MethodCase *method_case,
         JsonArray        *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  AscTestCli *cli;

  g_ptr_array_add (argv, g_strdup ("--catalog"));
  g_ptr_array_add (argv, g_strdup (method_case->catalog));
  g_ptr_array_add (argv, g_strdup ("call"));
  g_ptr_array_add (argv, g_strdup (method_case->type_name));
  g_ptr_array_add (argv, g_strdup ("dry"));
  g_ptr_array_add (argv, g_strdup (method_case->method));
  for (guint i = 0; i < json_array_get_length (args); i++)
    g_ptr_array_add (argv, json_to_string (json_array_get_element (args, i), FALSE));
  g_ptr_array_add (argv, g_strdup ("--dry-run"));
  g_ptr_array_add (argv, NULL);

  cli = asc_test_cli_spawnv (NULL, (const char * const *) argv->pdata);
  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  return cli;
}

/* Zocket sends its one ARG (null for none), Rivet the array of them. */
static char *
expected_sent (const MethodCase *method_case,
               JsonArray        *args)
{
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), args);
  g_autofree char *text = NULL;

  if (method_case->rivet)
    text = json_to_string (array, FALSE);
  else if (json_array_get_length (args) == 1)
    text = json_to_string (json_array_get_element (args, 0), FALSE);
  else
    text = g_strdup ("null");

  return g_strconcat (text, "\n", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The PATH of every `error: VALIDATION: PATH: MESSAGE` line, sorted. */
static char *
issue_paths (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *rest = lines[i] + strlen ("error: VALIDATION: ");

      g_assert_true (g_str_has_prefix (lines[i], "error: VALIDATION: "));
      g_assert_nonnull (strstr (rest, ": "));
      g_ptr_array_add (paths, g_strndup (rest, strstr (rest, ": ") - rest));
    }

  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);
  return g_strjoinv (" ", (char **) paths->pdata);
}

static char *
joined_sorted (JsonArray *array)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);

  return g_strjoinv (" ", (char **) items->pdata);
}

static void
check_valid (const MethodCase *method_case,
             JsonArray        *args)
{
  g_autoptr(AscTestCli) cli = run_dry (method_case, args);
  g_autofree char *expected = expected_sent (method_case, args);

  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "");
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, expected);
}

static void
check_invalid (const MethodCase *method_case,
               JsonObject       *example)
{
  g_autoptr(AscTestCli) cli = run_dry (method_case, json_object_get_array_member (example, "args"));
  g_autofree char *paths = issue_paths (asc_test_cli_get_stderr (cli));
  g_autofree char *expected = joined_sorted (json_object_get_array_member (example, "paths"));

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_cmpstr (paths, ==, expected);
}

static void
test_dry_run_method (gconstpointer data)
{
  const MethodCase *method_case = data;
  JsonArray *valid = json_object_get_array_member (method_case->examples, "valid");
  JsonArray *invalid = NULL;

  g_assert_cmpuint (json_array_get_length (valid), >, 0);
  for (guint i = 0; i < json_array_get_length (valid); i++)
    check_valid (method_case, json_array_get_array_element (valid, i));

  if (json_object_has_member (method_case->examples, "invalid"))
    invalid = json_object_get_array_member (method_case->examples, "invalid");
  for (guint i = 0; invalid != NULL && i < json_array_get_length (invalid); i++)
    check_invalid (method_case, json_array_get_object_element (invalid, i));
}

/* The examples name every method of the catalog, and no other. */
static void
test_examples_cover_catalog (gconstpointer data)
{
  const char *examples_path = data;
  g_autoptr(JsonNode) examples = asc_test_json_load (examples_path);
  JsonObject *root = json_node_get_object (examples);
  JsonObject *actors = json_object_get_object_member (root, "actors");
  const char *relative = json_object_get_string_member (root, "catalog");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;

  catalog = asc_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  types = asc_catalog_dup_type_names (catalog);
  g_assert_cmpuint (g_strv_length (types), ==, json_object_get_size (actors));

  for (guint i = 0; types[i] != NULL; i++)
    {
      g_auto(GStrv) methods = asc_catalog_dup_method_names (catalog, types[i]);
      JsonObject *listed = json_object_get_object_member (actors, types[i]);

      g_assert_nonnull (listed);
      g_assert_cmpuint (g_strv_length (methods), ==, json_object_get_size (listed));
      for (guint j = 0; methods[j] != NULL; j++)
        if (!json_object_has_member (listed, methods[j]))
          g_error ("no examples for %s.%s", types[i], methods[j]);
    }
}

static void
add_method_cases (const char *kind)
{
  g_autofree char *file = g_strconcat (kind, ".json", NULL);
  char *examples_path = g_test_build_filename (G_TEST_DIST, "data", "catalog", "examples", file,
                                               NULL);
  g_autoptr(JsonNode) examples = asc_test_json_load (examples_path);
  JsonObject *root = json_node_get_object (examples);
  const char *catalog = json_object_get_string_member (root, "catalog");
  JsonObjectIter types;
  const char *type_name;
  JsonNode *methods;
  g_autofree char *cover = g_strdup_printf ("/asc/cli/catalog/dry-run/%s/examples-cover-catalog",
                                            kind);

  g_test_add_data_func_full (cover, examples_path, test_examples_cover_catalog, g_free);

  json_object_iter_init (&types, json_object_get_object_member (root, "actors"));
  while (json_object_iter_next (&types, &type_name, &methods))
    {
      JsonObjectIter iter;
      const char *method;
      JsonNode *entry;

      json_object_iter_init (&iter, json_node_get_object (methods));
      while (json_object_iter_next (&iter, &method, &entry))
        {
          MethodCase *method_case = g_new0 (MethodCase, 1);
          g_autofree char *path = g_strdup_printf ("/asc/cli/catalog/dry-run/%s/%s/%s",
                                                   kind, type_name, method);

          method_case->catalog = g_test_build_filename (G_TEST_DIST, catalog, NULL);
          method_case->rivet = g_str_equal (json_object_get_string_member (root, "kind"), "rivet");
          method_case->type_name = g_strdup (type_name);
          method_case->method = g_strdup (method);
          method_case->examples = json_object_ref (json_node_get_object (entry));
          g_test_add_data_func_full (path, method_case, test_dry_run_method, method_case_free);
        }
    }
}

/* Runs the CLI with ACTORSCOPE_SERVER unset and no --server. */
static AscTestCli *
run_cli (const char * const *env,
         const char         *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

static AscTestCli *
run_cli (const char * const *env,
         const char         *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  AscTestCli *cli;
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  cli = asc_test_cli_spawnv (env, (const char * const *) argv->pdata);
  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  return cli;
}

static char *
catalog_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, relative, NULL);
}

static void
test_dry_run_unknown_method_warns (void)
{
  g_autofree char *catalog = catalog_path ("servers/zocket/catalog.json");
  g_autoptr(AscTestCli) method = NULL;
  g_autoptr(AscTestCli) type = NULL;

  method = run_cli (NULL, "--catalog", catalog, "call", "counter", "k", "nosuch", "{\"a\": 1}",
                    "--dry-run", NULL);
  type = run_cli (NULL, "--catalog", catalog, "call", "nosuch", "k", "m", "--dry-run", NULL);

  g_assert_cmpint (asc_test_cli_get_status (method), ==, 0);
  asc_test_cli_assert_stdout (method, "{\"a\":1}\n");
  g_assert_cmpstr (asc_test_cli_get_stderr (method), ==,
                   "warning: the catalog does not describe “nosuch” of “counter”: "
                   "nothing was checked\n");
  g_assert_cmpint (asc_test_cli_get_status (type), ==, 0);
  asc_test_cli_assert_stdout (type, "null\n");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (type), "warning: "));
}

static void
test_dry_run_without_catalog_warns (void)
{
  g_autoptr(AscTestCli) cli = run_cli (NULL, "call", "counter", "k", "add", "1", "\"two\"",
                                       "--dry-run", NULL);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "[1,\"two\"]\n");
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==,
                   "warning: no --catalog given: nothing was checked\n");
}

/* Without a catalog to tell, --kind and then the server's address decide
 * how the ARGs are sent; nothing is contacted either way. */
static void
test_dry_run_kind_from_option_or_address (void)
{
  const char *zocket_env[] = { "ACTORSCOPE_SERVER=ws://127.0.0.1:1/", NULL };
  g_autoptr(AscTestCli) zocket = NULL;
  g_autoptr(AscTestCli) too_many = NULL;
  g_autoptr(AscTestCli) from_env = NULL;
  g_autoptr(AscTestCli) rivet = NULL;

  zocket = run_cli (NULL, "--kind", "zocket", "call", "c", "k", "m", "7", "--dry-run", NULL);
  too_many = run_cli (NULL, "--kind", "zocket", "call", "c", "k", "m", "1", "2", "--dry-run", NULL);
  from_env = run_cli (zocket_env, "call", "c", "k", "m", "--dry-run", NULL);
  rivet = run_cli (NULL, "--server", "http://127.0.0.1:1", "call", "c", "k", "m", "7",
                   "--dry-run", NULL);

  asc_test_cli_assert_stdout (zocket, "7\n");
  g_assert_cmpint (asc_test_cli_get_status (too_many), ==, 2);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (too_many), "error: USAGE: "));
  asc_test_cli_assert_stdout (from_env, "null\n");
  asc_test_cli_assert_stdout (rivet, "[7]\n");
  g_assert_cmpint (asc_test_cli_get_status (rivet), ==, 0);
}

static void
test_dry_run_usage_errors (void)
{
  g_autoptr(AscTestCli) bad_json = NULL;
  g_autoptr(AscTestCli) bad_catalog = NULL;
  g_autoptr(AscTestCli) bad_kind = NULL;

  bad_json = run_cli (NULL, "call", "c", "k", "m", "{oops", "--dry-run", NULL);
  bad_catalog = run_cli (NULL, "--catalog", "/nonexistent/catalog.json", "call", "c", "k", "m",
                         "--dry-run", NULL);
  bad_kind = run_cli (NULL, "--kind", "bogus", "call", "c", "k", "m", "--dry-run", NULL);

  g_assert_cmpint (asc_test_cli_get_status (bad_json), ==, 2);
  g_assert_cmpint (asc_test_cli_get_status (bad_catalog), ==, 2);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (bad_catalog),
                                   "error: USAGE: the catalog is not usable: "));
  g_assert_cmpint (asc_test_cli_get_status (bad_kind), ==, 2);
}

/* Unknown keywords leave part of a value unchecked: each is named in a
 * warning, and what can be checked still is. */
static void
test_dry_run_reports_unsupported_keywords (void)
{
  g_autofree char *catalog = catalog_path ("data/catalog/unsupported.json");
  const char *warnings =
    "warning: the schema of “submit” of “form” uses “unevaluatedProperties” at "
    "/unevaluatedProperties, which is not supported: that part of the value was not "
    "checked\n"
    "warning: the schema of “submit” of “form” refers outside itself at "
    "/properties/parent/$ref: that part of the value was not checked\n";
  g_autoptr(AscTestCli) valid = NULL;
  g_autoptr(AscTestCli) invalid = NULL;

  valid = run_cli (NULL, "--catalog", catalog, "call", "form", "k", "submit",
                   "{\"name\": \"a\", \"extra\": 1}", "--dry-run", NULL);
  invalid = run_cli (NULL, "--catalog", catalog, "call", "form", "k", "submit",
                     "{\"name\": \"\"}", "--dry-run", NULL);

  g_assert_cmpint (asc_test_cli_get_status (valid), ==, 0);
  asc_test_cli_assert_stdout (valid, "{\"name\":\"a\",\"extra\":1}\n");
  g_assert_cmpstr (asc_test_cli_get_stderr (valid), ==, warnings);
  g_assert_cmpint (asc_test_cli_get_status (invalid), ==, 1);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (invalid), warnings));
  g_assert_true (g_str_has_suffix (asc_test_cli_get_stderr (invalid),
                                   "error: VALIDATION: /name: must be at least 1 character "
                                   "long\n"));
}

/* A port that was free a moment ago: nothing listens there. */
static char *
refused_url (const char *scheme)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);

  return g_strdup_printf ("%s://127.0.0.1:%u/", scheme,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

/* With nothing listening, a rejected value still exits 1 (checked first)
 * while a valid one or an unknown method tries to connect and exits 3. */
static void
test_call_checks_before_connecting (void)
{
  g_autofree char *catalog = catalog_path ("servers/zocket/catalog.json");
  g_autofree char *server = refused_url ("ws");
  g_autoptr(AscTestCli) invalid = NULL;
  g_autoptr(AscTestCli) valid = NULL;
  g_autoptr(AscTestCli) unknown = NULL;

  invalid = run_cli (NULL, "--server", server, "--timeout", "1", "--catalog", catalog,
                     "call", "counter", "k", "splice", "{\"start\": -1}", NULL);
  valid = run_cli (NULL, "--server", server, "--timeout", "1", "--catalog", catalog,
                   "call", "counter", "k", "splice", "{\"start\": 0, \"deleteCount\": 1}", NULL);
  unknown = run_cli (NULL, "--server", server, "--timeout", "1", "--catalog", catalog,
                     "call", "counter", "k", "nosuch", "{\"start\": -1}", NULL);

  g_assert_cmpint (asc_test_cli_get_status (invalid), ==, 1);
  g_assert_cmpstr (asc_test_cli_get_stderr (invalid), ==,
                   "error: VALIDATION: /start: must be at least 0\n"
                   "error: VALIDATION: /deleteCount: is required\n");
  g_assert_cmpint (asc_test_cli_get_status (valid), ==, 3);
  g_assert_cmpint (asc_test_cli_get_status (unknown), ==, 3);
}

static void
test_call_checks_rivet_positions (void)
{
  g_autofree char *catalog = catalog_path ("data/catalog/rivet-style.json");
  g_autofree char *server = refused_url ("http");
  g_autoptr(AscTestCli) cli = NULL;

  cli = run_cli (NULL, "--server", server, "--timeout", "1", "--catalog", catalog,
                 "call", "counter", "k", "move", "{\"amount\": \"x\"}", "null", NULL);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==,
                   "error: VALIDATION: /0/amount: expected an integer, got a string\n");
}

static void
add_other_tests (void)
{
  g_test_add_func ("/asc/cli/catalog/dry-run/unknown-method-warns",
                   test_dry_run_unknown_method_warns);
  g_test_add_func ("/asc/cli/catalog/dry-run/without-catalog-warns",
                   test_dry_run_without_catalog_warns);
  g_test_add_func ("/asc/cli/catalog/dry-run/kind-from-option-or-address",
                   test_dry_run_kind_from_option_or_address);
  g_test_add_func ("/asc/cli/catalog/dry-run/usage-errors", test_dry_run_usage_errors);
  g_test_add_func ("/asc/cli/catalog/dry-run/reports-unsupported-keywords",
                   test_dry_run_reports_unsupported_keywords);
  g_test_add_func ("/asc/cli/catalog/call/checks-before-connecting",
                   test_call_checks_before_connecting);
  g_test_add_func ("/asc/cli/catalog/call/checks-rivet-positions",
                   test_call_checks_rivet_positions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_method_cases ("zocket");
  add_method_cases ("rivet");
  add_other_tests ();

  return g_test_run ();
}
