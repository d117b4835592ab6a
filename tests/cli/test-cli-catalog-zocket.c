/* test-cli-catalog-zocket.c: the Zocket test server's catalog agrees with the
 * server: what it accepts the server accepts, what it rejects is never sent
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#include <string.h>

#define ZOCKET_SERVER "servers/zocket/server.mjs"
#define WAIT_MS       10000

/* Calls go through this TCP relay, which counts the connections made: a
 * rejected call must not make one. */
typedef struct
{
  GSocketService *service;
  GSocketClient  *client;
  char           *upstream_host;
  guint16         upstream_port;
  char           *url;
  guint           connections;
} Relay;

static const char *server_url;
static char *catalog;
static Relay relay;

static void
spliced_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_io_stream_splice_finish (result, NULL);
  g_object_unref (user_data);
}

static void
upstream_connected_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GSocketConnection) incoming = user_data;
  g_autoptr(GSocketConnection) upstream = NULL;

  upstream = g_socket_client_connect_to_host_finish (G_SOCKET_CLIENT (object), result, NULL);
  if (upstream == NULL)
    {
      g_io_stream_close (G_IO_STREAM (incoming), NULL, NULL);
      return;
    }

  g_io_stream_splice_async (G_IO_STREAM (incoming), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2 |
                            G_IO_STREAM_SPLICE_WAIT_FOR_BOTH, G_PRIORITY_DEFAULT, NULL,
                            spliced_cb, g_object_ref (upstream));
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  relay.connections++;
  g_socket_client_connect_to_host_async (relay.client, relay.upstream_host,
                                         relay.upstream_port, NULL, upstream_connected_cb,
                                         g_object_ref (connection));
  return TRUE;
}

static void
relay_start (void)
{
  g_autoptr(GUri) upstream = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  guint16 port;

  relay.upstream_host = g_strdup (g_uri_get_host (upstream));
  relay.upstream_port = g_uri_get_port (upstream);
  relay.client = g_socket_client_new ();
  relay.service = g_socket_service_new ();
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (relay.service), NULL, &error);
  g_assert_no_error (error);
  relay.url = g_strdup_printf ("ws://127.0.0.1:%u/", port);
  g_signal_connect (relay.service, "incoming", G_CALLBACK (incoming_cb), NULL);
  g_socket_service_start (relay.service);
}

static void
relay_stop (void)
{
  g_socket_service_stop (relay.service);
  g_socket_listener_close (G_SOCKET_LISTENER (relay.service));
  g_clear_object (&relay.service);
  g_clear_object (&relay.client);
  g_clear_pointer (&relay.upstream_host, g_free);
  g_clear_pointer (&relay.url, g_free);
}

typedef struct
{
  char       *type_name;
  char       *method;
  JsonObject *examples;
} MethodCase;

static void
method_case_free (gpointer data)
{
  MethodCase *method_case = data;

  g_free (method_case->type_name);
  g_free (method_case->method);
  json_object_unref (method_case->examples);
  g_free (method_case);
}

/* `call TYPE KEY METHOD ARG…` through the relay, checked by the catalog. */
static AscTestCli *
run_call (const MethodCase *method_case,
          const char       *key,
          JsonArray        *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  AscTestCli *cli;

  g_ptr_array_add (argv, g_strdup ("--server"));
  g_ptr_array_add (argv, g_strdup (relay.url));
  g_ptr_array_add (argv, g_strdup ("--timeout"));
  g_ptr_array_add (argv, g_strdup ("5"));
  g_ptr_array_add (argv, g_strdup ("--catalog"));
  g_ptr_array_add (argv, g_strdup (catalog));
  g_ptr_array_add (argv, g_strdup ("call"));
  g_ptr_array_add (argv, g_strdup (method_case->type_name));
  g_ptr_array_add (argv, g_strdup (key));
  g_ptr_array_add (argv, g_strdup (method_case->method));
  for (guint i = 0; i < json_array_get_length (args); i++)
    g_ptr_array_add (argv, json_to_string (json_array_get_element (args, i), FALSE));
  g_ptr_array_add (argv, NULL);

  cli = asc_test_cli_spawnv (NULL, (const char * const *) argv->pdata);
  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  return cli;
}

/* The instance's state, read straight from the server. */
static char *
read_state (const MethodCase *method_case,
            const char       *key)
{
  g_autoptr(AscTestCli) cli = asc_test_cli_run ("--server", server_url, "--timeout", "5",
                                                "state", method_case->type_name, key, NULL);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  return asc_test_cli_dup_stdout (cli);
}

/* Accepted by the catalog, sent, and not refused by the server's own
 * validation (some methods fail on purpose, in other ways). */
static void
check_valid (const MethodCase *method_case,
             const char       *key,
             JsonArray        *args)
{
  guint before = relay.connections;
  g_autoptr(AscTestCli) cli = run_call (method_case, key, args);
  const char *err = asc_test_cli_get_stderr (cli);

  g_assert_cmpuint (relay.connections, ==, before + 1);
  g_assert_cmpint (asc_test_cli_get_status (cli), <=, 1);
  if (strstr (err, "VALIDATION") != NULL || strstr (err, "USAGE") != NULL)
    g_error ("%s.%s refused a value its catalog accepts: %s",
             method_case->type_name, method_case->method, err);
}

static void
check_invalid (const MethodCase *method_case,
               const char       *key,
               JsonObject       *example)
{
  guint before = relay.connections;
  g_autoptr(AscTestCli) cli = NULL;
  JsonArray *paths = json_object_get_array_member (example, "paths");

  cli = run_call (method_case, key, json_object_get_array_member (example, "args"));

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  g_assert_cmpuint (relay.connections, ==, before);
  asc_test_cli_assert_stdout (cli, "");
  for (guint i = 0; i < json_array_get_length (paths); i++)
    {
      g_autofree char *line = g_strdup_printf ("error: VALIDATION: %s: ",
                                               json_array_get_string_element (paths, i));

      g_assert_nonnull (strstr (asc_test_cli_get_stderr (cli), line));
    }
}

static void
test_catalog_agrees_with_server (gconstpointer data)
{
  const MethodCase *method_case = data;
  g_autofree char *key = g_strdup_printf ("catalog-%s-%s", method_case->type_name,
                                          method_case->method);
  JsonArray *valid = json_object_get_array_member (method_case->examples, "valid");
  JsonArray *invalid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < json_array_get_length (valid); i++)
    check_valid (method_case, key, json_array_get_array_element (valid, i));

  if (!json_object_has_member (method_case->examples, "invalid"))
    return;

  invalid = json_object_get_array_member (method_case->examples, "invalid");
  before = read_state (method_case, key);
  for (guint i = 0; i < json_array_get_length (invalid); i++)
    check_invalid (method_case, key, json_array_get_object_element (invalid, i));
  after = read_state (method_case, key);
  g_assert_cmpstr (after, ==, before);
}

static void
add_tests (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog", "examples",
                                                 "zocket.json", NULL);
  g_autoptr(JsonNode) examples = asc_test_json_load (path);
  JsonObject *root = json_node_get_object (examples);
  JsonObjectIter types;
  const char *type_name;
  JsonNode *methods;

  catalog = g_test_build_filename (G_TEST_DIST, json_object_get_string_member (root, "catalog"),
                                   NULL);
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
          g_autofree char *test = g_strdup_printf ("/asc/cli/catalog/zocket-server/%s/%s",
                                                   type_name, method);

          method_case->type_name = g_strdup (type_name);
          method_case->method = g_strdup (method);
          method_case->examples = json_object_ref (json_node_get_object (entry));
          g_test_add_data_func_full (test, method_case, test_catalog_agrees_with_server,
                                     method_case_free);
        }
    }
}

static void
test_needs_node (void)
{
  g_test_skip ("node is not installed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AscTestNodeServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *node = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  node = g_find_program_in_path ("node");
  if (node == NULL)
    {
      g_test_add_func ("/asc/cli/catalog/zocket-server/needs-node", test_needs_node);
      return g_test_run ();
    }

  server = asc_test_node_server_start (ZOCKET_SERVER, NULL, &error);
  g_assert_no_error (error);
  server_url = asc_test_node_server_get_url (server);
  relay_start ();
  add_tests ();

  status = g_test_run ();
  relay_stop ();
  g_clear_pointer (&catalog, g_free);

  return status;
}
