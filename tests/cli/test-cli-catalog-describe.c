/* test-cli-catalog-describe.c: describe, and catalogs read from URLs
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-util.h"

#include <libsoup/soup.h>

#define WAIT_MS 10000

/* Serves /catalog.json (the Zocket test server's catalog) and, as a Rivet
 * engine would, /actors/names. */
typedef struct
{
  SoupServer *server;
  char       *url;
  char       *catalog_url;
  guint       names_requests;
} Fixture;

static char *
source_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, relative, NULL);
}

static void
serve_names (SoupServerMessage *message)
{
  static const char names[] = "{\"names\": {\"counter\": {\"metadata\": {}}, "
                              "\"onlyOnServer\": {\"metadata\": {}}}, \"pagination\": {}}";

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    names, strlen (names));
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *file = source_path ("servers/zocket/catalog.json");
  g_autofree char *text = NULL;
  gsize length;

  if (g_str_equal (path, "/actors/names"))
    {
      fixture->names_requests++;
      serve_names (message);
      return;
    }

  if (!g_str_equal (path, "/catalog.json"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  g_assert_true (g_file_get_contents (file, &text, &length, NULL));
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), length);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle_cb, fixture, NULL);
  soup_server_listen (fixture->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  fixture->catalog_url = g_strconcat (fixture->url, "/catalog.json", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->url);
  g_free (fixture->catalog_url);
}

static AscTestCli *
run_cli (const char *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

/* The test's server answers while the CLI runs: asc_test_cli_wait_exit()
 * iterates the main context. */
static AscTestCli *
run_cli (const char *first_arg,
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

  cli = asc_test_cli_spawnv (NULL, (const char * const *) argv->pdata);
  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  return cli;
}

/* The one line of JSON the CLI printed. */
static JsonNode *
output_json (AscTestCli *cli)
{
  GPtrArray *lines = asc_test_cli_get_lines (cli);

  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "");
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  g_assert_cmpuint (lines->len, ==, 1);
  return asc_test_json_parse (lines->pdata[0]);
}

static void
test_describe_type (void)
{
  g_autofree char *catalog = source_path ("data/catalog/zocket.json");
  g_autoptr(AscTestCli) cli = run_cli ("--catalog", catalog, "describe", "counter", NULL);
  g_autoptr(JsonNode) output = output_json (cli);
  g_autoptr(JsonNode) expected_state = NULL;
  JsonObject *object = json_node_get_object (output);

  g_assert_cmpuint (json_object_get_size (object), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "counter");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Counter");
  g_assert_true (json_object_get_null_member (object, "description"));
  asc_test_assert_json_eq (json_object_get_member (object, "methods"),
                           "[\"add\", \"get\", \"increment\"]");
  asc_test_assert_json_eq (json_object_get_member (object, "events"), "[\"bumped\", \"tick\"]");
  asc_test_assert_json_eq (json_object_get_member (object, "instances"), "[\"main\"]");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "state")));
}

static void
test_describe_type_without_entries (void)
{
  g_autofree char *catalog = source_path ("data/catalog/zocket.json");
  g_autoptr(AscTestCli) cli = run_cli ("--catalog", catalog, "describe", "presence", NULL);
  g_autoptr(JsonNode) output = output_json (cli);

  asc_test_assert_json_eq (output, "{\"type\": \"presence\", \"title\": \"Presence\", "
                                   "\"description\": null, \"methods\": [\"who\"], "
                                   "\"events\": [], \"instances\": [], \"state\": null}");
}

static void
test_describe_zocket_method (void)
{
  g_autofree char *catalog = source_path ("servers/zocket/catalog.json");
  g_autoptr(AscTestCli) add = run_cli ("--catalog", catalog, "describe", "counter", "add", NULL);
  g_autoptr(AscTestCli) get = run_cli ("--catalog", catalog, "describe", "counter", "get", NULL);
  g_autoptr(JsonNode) add_output = output_json (add);
  g_autoptr(JsonNode) get_output = output_json (get);
  const char *input = "{\"type\": \"object\", "
                      "\"properties\": {\"amount\": {\"type\": \"number\"}}, "
                      "\"required\": [\"amount\"]}";
  g_autofree char *expected = g_strdup_printf ("{\"type\": \"counter\", \"method\": \"add\", "
                                               "\"description\": \"Adds an amount, emits bumped "
                                               "and returns the count.\", \"input\": %s, "
                                               "\"schema\": %s}", input, input);

  asc_test_assert_json_eq (add_output, expected);
  asc_test_assert_json_eq (get_output, "{\"type\": \"counter\", \"method\": \"get\", "
                                       "\"description\": \"Returns the whole state.\", "
                                       "\"schema\": null}");
}

static void
test_describe_rivet_method (void)
{
  g_autofree char *catalog = source_path ("data/catalog/rivet-style.json");
  g_autoptr(AscTestCli) cli = run_cli ("--catalog", catalog, "describe", "counter", "increment",
                                       NULL);
  g_autoptr(JsonNode) output = output_json (cli);

  asc_test_assert_json_eq (output,
                           "{\"type\": \"counter\", \"method\": \"increment\", "
                           "\"description\": \"Adds amount, 1 when left out\", "
                           "\"args\": [{\"name\": \"amount\", \"schema\": {\"type\": \"integer\", "
                           "\"minimum\": 1}, \"optional\": true}], "
                           "\"schema\": {\"type\": \"array\", \"prefixItems\": [{\"type\": "
                           "\"integer\", \"minimum\": 1}], \"maxItems\": 1, \"minItems\": 0}}");
}

static void
assert_fails (AscTestCli *cli,
              int         status,
              const char *prefix)
{
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, status);
  asc_test_cli_assert_stdout (cli, "");
  if (!g_str_has_prefix (asc_test_cli_get_stderr (cli), prefix))
    g_error ("“%s” does not start with “%s”", asc_test_cli_get_stderr (cli), prefix);
}

static void
test_describe_unknown_is_not_found (void)
{
  g_autofree char *catalog = source_path ("servers/zocket/catalog.json");
  g_autoptr(AscTestCli) type = run_cli ("--catalog", catalog, "describe", "nosuch", NULL);
  g_autoptr(AscTestCli) method = run_cli ("--catalog", catalog, "describe", "counter", "nosuch",
                                          NULL);

  assert_fails (type, 1, "error: NOT_FOUND: “nosuch” ");
  assert_fails (method, 1, "error: NOT_FOUND: “counter” has no method “nosuch”");
}

static void
test_describe_usage_errors (void)
{
  g_autofree char *catalog = source_path ("servers/zocket/catalog.json");
  g_autoptr(AscTestCli) nothing = run_cli ("describe", "counter", NULL);
  g_autoptr(AscTestCli) zocket = run_cli ("--server", "ws://127.0.0.1:1/", "describe", "counter",
                                          NULL);
  g_autoptr(AscTestCli) no_type = run_cli ("--catalog", catalog, "describe", NULL);
  g_autoptr(AscTestCli) too_many = run_cli ("--catalog", catalog, "describe", "a", "b", "c", NULL);

  assert_fails (nothing, 2, "error: USAGE: describe needs --catalog");
  assert_fails (zocket, 2, "error: USAGE: Zocket servers cannot describe");
  assert_fails (no_type, 2, "error: USAGE: ");
  assert_fails (too_many, 2, "error: USAGE: ");
}

static void
test_catalog_url_everywhere (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *url = fixture->catalog_url;
  g_autoptr(AscTestCli) types = run_cli ("--catalog", url, "types", NULL);
  g_autoptr(AscTestCli) describe = run_cli ("--catalog", url, "describe", "slow", "wait", NULL);
  g_autoptr(AscTestCli) valid = run_cli ("--catalog", url, "call", "slow", "k", "wait",
                                         "{\"ms\": 1}", "--dry-run", NULL);
  g_autoptr(AscTestCli) invalid = run_cli ("--catalog", url, "call", "slow", "k", "wait",
                                           "{\"ms\": -1}", "--dry-run", NULL);
  g_autoptr(JsonNode) description = output_json (describe);

  asc_test_cli_assert_stdout (types, "chat\ncounter\nguarded\npresence\nslow\n");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (description), "method"),
                   ==, "wait");
  asc_test_cli_assert_stdout (valid, "{\"ms\":1}\n");
  assert_fails (invalid, 1, "error: VALIDATION: /ms: ");
}

static void
test_catalog_url_failures (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *missing = g_strconcat (fixture->url, "/missing.json", NULL);
  g_autofree char *not_found = g_strdup_printf ("error: USAGE: the catalog is not usable: "
                                                "Could not download the catalog %s: "
                                                "HTTP 404 Not Found\n", missing);
  g_autoptr(AscTestCli) absent = run_cli ("--catalog", missing, "types", NULL);
  g_autoptr(AscTestCli) refused = NULL;

  soup_server_disconnect (fixture->server);
  refused = run_cli ("--catalog", fixture->catalog_url, "types", NULL);

  g_assert_cmpint (asc_test_cli_get_status (absent), ==, 2);
  g_assert_cmpstr (asc_test_cli_get_stderr (absent), ==, not_found);
  assert_fails (refused, 3, "error: CONNECT: Could not download the catalog ");
}

/* A Rivet server's actor types join the catalog's. */
static void
test_describe_merges_rivet_types (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *catalog = source_path ("data/catalog/rivet-style.json");
  g_autoptr(AscTestCli) server_only = NULL;
  g_autoptr(AscTestCli) both = NULL;
  g_autoptr(AscTestCli) without_catalog = NULL;
  g_autoptr(JsonNode) server_output = NULL;
  g_autoptr(JsonNode) both_output = NULL;

  server_only = run_cli ("--server", fixture->url, "--catalog", catalog,
                         "describe", "onlyOnServer", NULL);
  both = run_cli ("--server", fixture->url, "--catalog", catalog, "describe", "counter", NULL);
  without_catalog = run_cli ("--server", fixture->url, "describe", "onlyOnServer", NULL);
  server_output = output_json (server_only);
  both_output = output_json (both);

  asc_test_assert_json_eq (server_output, "{\"type\": \"onlyOnServer\", \"title\": null, "
                                          "\"description\": null, \"methods\": [], "
                                          "\"events\": [], \"instances\": [], \"state\": null}");
  asc_test_assert_json_eq (json_object_get_member (json_node_get_object (both_output), "methods"),
                           "[\"increment\", \"move\", \"reset\"]");
  g_assert_cmpint (asc_test_cli_get_status (without_catalog), ==, 0);
  g_assert_cmpuint (fixture->names_requests, ==, 3);
}

static void
test_describe_unreachable_rivet (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *catalog = source_path ("data/catalog/rivet-style.json");
  g_autoptr(AscTestCli) with_catalog = NULL;
  g_autoptr(AscTestCli) alone = NULL;

  soup_server_disconnect (fixture->server);
  with_catalog = run_cli ("--server", fixture->url, "--timeout", "2", "--catalog", catalog,
                          "describe", "counter", NULL);
  alone = run_cli ("--server", fixture->url, "--timeout", "2", "describe", "counter", NULL);

  g_assert_cmpint (asc_test_cli_get_status (with_catalog), ==, 0);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (with_catalog),
                                   "warning: could not ask the server: "));
  g_assert_cmpuint (asc_test_cli_get_lines (with_catalog)->len, ==, 1);
  g_assert_cmpint (asc_test_cli_get_status (alone), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/cli/catalog/describe/type", test_describe_type);
  g_test_add_func ("/asc/cli/catalog/describe/type-without-entries",
                   test_describe_type_without_entries);
  g_test_add_func ("/asc/cli/catalog/describe/zocket-method", test_describe_zocket_method);
  g_test_add_func ("/asc/cli/catalog/describe/rivet-method", test_describe_rivet_method);
  g_test_add_func ("/asc/cli/catalog/describe/unknown-is-not-found",
                   test_describe_unknown_is_not_found);
  g_test_add_func ("/asc/cli/catalog/describe/usage-errors", test_describe_usage_errors);
  g_test_add ("/asc/cli/catalog/describe/merges-rivet-types", Fixture, NULL,
              fixture_setup, test_describe_merges_rivet_types, fixture_teardown);
  g_test_add ("/asc/cli/catalog/describe/unreachable-rivet", Fixture, NULL,
              fixture_setup, test_describe_unreachable_rivet, fixture_teardown);
  g_test_add ("/asc/cli/catalog/url/everywhere", Fixture, NULL,
              fixture_setup, test_catalog_url_everywhere, fixture_teardown);
  g_test_add ("/asc/cli/catalog/url/failures", Fixture, NULL,
              fixture_setup, test_catalog_url_failures, fixture_teardown);

  return g_test_run ();
}
