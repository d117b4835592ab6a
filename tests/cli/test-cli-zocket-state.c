/* test-cli-zocket-state.c: actorscope-cli state and events against the
 * reference Zocket server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define ZOCKET_SERVER "servers/zocket/server.mjs"
#define WAIT_MS       10000

/* Every command names the server and a timeout that keeps a broken run short. */
#define RUN_CLI(...) asc_test_cli_run ("--server", server_url, "--timeout", "5", __VA_ARGS__, NULL)

static const char *server_url;
static AscClient *driver;   /* the test's own client, to drive the actors */

static void
test_state_prints_snapshot (void)
{
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(AscTestCli) cli = NULL;

  added = asc_test_call_actor (driver, "counter", "state-once", "add", "{\"amount\": 3}");
  cli = RUN_CLI ("state", "counter", "state-once");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "{\"count\":3,\"items\":[],\"map\":{},\"nested\":{\"a\":1}}\n");
}

static void
test_state_unknown_type_exits_3 (void)
{
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_run ("--server", server_url, "--timeout", "1",
                          "state", "noSuchActor", "x", NULL);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 3);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: TIMEOUT: "));
  g_assert_nonnull (strstr (asc_test_cli_get_stderr (cli), "actor type"));
}

static void
assert_replays_to_server_state (AscTestCli *cli,
                                AscClient  *client,
                                const char *key)
{
  g_autoptr(JsonNode) replayed = asc_test_cli_replay_state (cli);
  g_autoptr(JsonNode) server_state = asc_test_call_actor (client, "counter", key, "get", NULL);
  g_autofree char *replayed_text = asc_test_json_to_string (replayed);
  g_autofree char *server_text = asc_test_json_to_string (server_state);

  if (!asc_json_equal (replayed, server_state))
    g_error ("Replayed %s, the server has %s", replayed_text, server_text);
}

static const char * const mutations[][2] = {
  { "push",       "{\"value\": \"a\"}" },
  { "push",       "{\"value\": \"b\"}" },
  { "unshift",    "{\"value\": \"z\"}" },
  { "insertAt",   "{\"index\": 1, \"value\": \"y\"}" },
  { "splice",     "{\"start\": 1, \"deleteCount\": 2}" },
  { "push",       "{\"value\": {\"deep\": [1, 2]}}" },
  { "clearItems", NULL },
  { "setKey",     "{\"key\": \"a/b\", \"value\": 1}" },
  { "setKey",     "{\"key\": \"m~n\", \"value\": 2}" },
  { "setKey",     "{\"key\": \"a/b~c\", \"value\": 3}" },
  { "setKey",     "{\"key\": \"\", \"value\": 4}" },
  { "setKey",     "{\"key\": \"a/b\", \"value\": 5}" },
  { "deleteKey",  "{\"key\": \"a/b\"}" },
  { "deleteKey",  "{\"key\": \"\"}" },
  { "setMaybe",   "{\"value\": [1]}" },
  { "unsetMaybe", NULL },
  { "increment",  NULL },
};

static void
test_state_follow_replays_to_server_state (void)
{
  g_autofree char *count = g_strdup_printf ("%u", (guint) G_N_ELEMENTS (mutations));
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_spawn (NULL, "--server", server_url, "--timeout", "5",
                            "state", "counter", "follow", "--follow", "--count", count, NULL);
  /* The snapshot means the subscription is in place. */
  g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(JsonNode) ignored = NULL;

      ignored = asc_test_call_actor (driver, "counter", "follow",
                                     mutations[i][0], mutations[i][1]);
    }

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  g_assert_cmpuint (asc_test_cli_get_lines (cli)->len, ==, G_N_ELEMENTS (mutations) + 1);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_lines (cli)->pdata[1], "{\"patches\":["));
  assert_replays_to_server_state (cli, driver, "follow");
}

static char *
port_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  return g_strdup_printf ("%d", g_uri_get_port (uri));
}

/* A restarted server has lost its state: the fresh snapshot after the
 * reconnect shows up as the difference to what was printed. */
static void
test_state_follow_prints_difference_after_restart (void)
{
  g_autoptr(AscTestNodeServer) first = NULL;
  g_autoptr(AscTestNodeServer) second = NULL;
  g_autoptr(AscClient) client = NULL;
  g_autoptr(AscTestCli) cli = NULL;
  g_autoptr(JsonNode) pushed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *port = NULL;

  first = asc_test_node_server_start (ZOCKET_SERVER, NULL, &error);
  g_assert_no_error (error);
  url = g_strdup (asc_test_node_server_get_url (first));
  port = port_of (url);
  client = asc_client_new (url, ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  asc_client_set_call_timeout (client, 5000);

  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "10",
                            "state", "counter", "restart", "--follow", "--count", "2", NULL);
  g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));
  pushed = asc_test_call_actor (client, "counter", "restart", "push", "{\"value\": 1}");
  g_assert_true (asc_test_cli_wait_lines (cli, 2, WAIT_MS));

  asc_test_node_server_stop (first);
  second = asc_test_node_server_start (ZOCKET_SERVER,
                                       (const char *[]) { "--port", port,
                                                          "--state-seed", "100", NULL },
                                       &error);
  g_assert_no_error (error);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  g_assert_cmpuint (asc_test_cli_get_lines (cli)->len, ==, 3);
  assert_replays_to_server_state (cli, client, "restart");
  asc_client_close (client);
}

static void
test_state_follow_ends_on_sigint (void)
{
  g_autoptr(AscTestCli) cli = NULL;
  gint64 signalled;

  cli = asc_test_cli_spawn (NULL, "--server", server_url,
                            "state", "counter", "sigint", "--follow", NULL);
  g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));

  signalled = g_get_monotonic_time ();
  asc_test_cli_send_signal (cli, SIGINT);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (g_get_monotonic_time () - signalled, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  g_assert_cmpuint (asc_test_cli_get_lines (cli)->len, ==, 1);
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "");
}

static void
test_events_ends_on_sigterm (void)
{
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_spawn (NULL, "--server", server_url, "events", "counter", "sigterm", NULL);
  g_assert_false (asc_test_cli_wait_exit (cli, 200));
  asc_test_cli_send_signal (cli, SIGTERM);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "");
}

/* Zocket never acknowledges event:sub, so batches go out until one lands;
 * a batch is sent at once, so the CLI sees all of one or none of it. */
static void
test_events_stops_after_count (void)
{
  g_autoptr(AscTestCli) cli = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;
  GPtrArray *lines;

  cli = asc_test_cli_spawn (NULL, "--server", server_url, "--timeout", "5",
                            "events", "counter", "events", "--count", "3", NULL);

  while (!asc_test_cli_get_exited (cli) && g_get_monotonic_time () < deadline)
    {
      g_autoptr(JsonNode) ignored = NULL;

      ignored = asc_test_call_actor (driver, "counter", "events", "emitMany", "{\"n\": 3}");
      asc_test_cli_wait_exit (cli, 250);
    }

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  lines = asc_test_cli_get_lines (cli);
  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *expected = NULL;

      expected = g_strdup_printf ("{\"event\":\"tick\",\"payload\":{\"i\":%u}}", i);

      g_assert_cmpstr (lines->pdata[i], ==, expected);
    }
}

static void
test_needs_node (void)
{
  g_test_skip ("node is not in PATH");
}

static void
add_tests (void)
{
  g_test_add_func ("/asc/cli/zocket/state/prints-snapshot", test_state_prints_snapshot);
  g_test_add_func ("/asc/cli/zocket/state/unknown-type-exits-3",
                   test_state_unknown_type_exits_3);
  g_test_add_func ("/asc/cli/zocket/state/follow-replays-to-server-state",
                   test_state_follow_replays_to_server_state);
  g_test_add_func ("/asc/cli/zocket/state/follow-prints-difference-after-restart",
                   test_state_follow_prints_difference_after_restart);
  g_test_add_func ("/asc/cli/zocket/state/follow-ends-on-sigint",
                   test_state_follow_ends_on_sigint);
  g_test_add_func ("/asc/cli/zocket/events/stops-after-count", test_events_stops_after_count);
  g_test_add_func ("/asc/cli/zocket/events/ends-on-sigterm", test_events_ends_on_sigterm);
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
      g_test_add_func ("/asc/cli/zocket/state/needs-node", test_needs_node);
      return g_test_run ();
    }

  server = asc_test_node_server_start (ZOCKET_SERVER, NULL, &error);
  g_assert_no_error (error);
  server_url = asc_test_node_server_get_url (server);
  driver = asc_client_new (server_url, ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  asc_client_set_call_timeout (driver, 5000);

  add_tests ();
  status = g_test_run ();

  asc_client_close (driver);
  g_clear_object (&driver);

  return status;
}
