/* test-cli-rivet.c: actorscope-cli against a real RivetKit server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define SERVER_SCRIPT "servers/rivet/server.mjs"
#define ENGINE_PORT   6420
#define WAIT_MS       30000
#define PORT_WAIT_MS  120000
#define RETRY_MS      1000

#define RUN_CLI(...) asc_test_cli_run ("--server", server_url, "--timeout", "15", __VA_ARGS__, NULL)

static const char *server_url;

/* Every test has its own actors: the engine may keep them between runs. */
static char *
unique_key (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%s-%s", prefix, uuid);
}

static void
assert_output (AscTestCli *cli,
               int         status,
               const char *expected)
{
  if (asc_test_cli_get_status (cli) != status)
    g_error ("Exit status %d, not %d; stderr: %s", asc_test_cli_get_status (cli), status,
             asc_test_cli_get_stderr (cli));
  if (expected != NULL)
    asc_test_cli_assert_stdout (cli, expected);
}

static void
assert_stderr_has_prefix (AscTestCli *cli,
                          const char *prefix)
{
  if (!g_str_has_prefix (asc_test_cli_get_stderr (cli), prefix))
    g_error ("stderr “%s” does not start with “%s”", asc_test_cli_get_stderr (cli), prefix);
}

static void
increment (const char *key)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", key, "increment");

  assert_output (cli, 0, NULL);
}

static void
test_types_lists_engine_types (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("types");
  GPtrArray *lines;

  assert_output (cli, 0, NULL);
  lines = asc_test_cli_get_lines (cli);
  for (guint i = 1; i < lines->len; i++)
    g_assert_cmpstr (lines->pdata[i - 1], <, lines->pdata[i]);

  for (guint i = 0; i < 3; i++)
    {
      const char *wanted = (const char *[]) { "counter", "chatRoom", "secureCounter" }[i];
      gboolean found = FALSE;

      for (guint j = 0; j < lines->len && !found; j++)
        found = g_str_equal (lines->pdata[j], wanted);
      g_assert_true (found);
    }
}

/* The id of @key in `list counter`, or NULL. */
static char *
listed_id (GPtrArray  *lines,
           const char *key)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(JsonNode) line = asc_test_json_parse (lines->pdata[i]);
      JsonObject *object = json_node_get_object (line);

      g_assert_true (json_object_has_member (object, "status"));
      if (strstr (json_object_get_string_member (object, "key"), key) != NULL)
        return g_strdup (json_object_get_string_member (object, "id"));
    }

  return NULL;
}

static void
test_list_shows_created_actors (void)
{
  g_autofree char *first = unique_key ("list-a");
  g_autofree char *second = unique_key ("list-b");
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(AscTestCli) cli = NULL;

  increment (first);
  increment (second);
  cli = RUN_CLI ("list", "counter");

  assert_output (cli, 0, NULL);
  first_id = listed_id (asc_test_cli_get_lines (cli), first);
  second_id = listed_id (asc_test_cli_get_lines (cli), second);
  g_assert_nonnull (first_id);
  g_assert_nonnull (second_id);
  g_assert_cmpstr (first_id, !=, "");
  g_assert_cmpstr (first_id, !=, second_id);
}

static void
test_call_increments (void)
{
  g_autofree char *key = unique_key ("call");
  g_autoptr(AscTestCli) five = NULL;
  g_autoptr(AscTestCli) seven = NULL;

  five = RUN_CLI ("call", "counter", key, "increment", "5");
  assert_output (five, 0, "5\n");
  seven = RUN_CLI ("call", "counter", key, "increment", "2");
  assert_output (seven, 0, "7\n");
}

static void
test_call_invalid_arg_is_validation (void)
{
  g_autofree char *key = unique_key ("invalid");
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", key, "increment", "\"many\"");

  assert_output (cli, 1, "");
  assert_stderr_has_prefix (cli, "error: VALIDATION: ");
}

static void
test_call_create (void)
{
  g_autofree char *key = unique_key ("create");
  g_autofree char *lowered = NULL;
  g_autoptr(AscTestCli) created = NULL;
  g_autoptr(AscTestCli) again = NULL;

  created = RUN_CLI ("call", "--create", "counter", key, "increment", "3");
  assert_output (created, 0, "3\n");

  again = RUN_CLI ("call", "counter", key, "increment", "--create");
  assert_output (again, 1, "");
  assert_stderr_has_prefix (again, "error: ");
  lowered = g_ascii_strdown (asc_test_cli_get_stderr (again), -1);
  g_assert_nonnull (strstr (lowered, "duplicate"));
}

static void
test_call_by_id (void)
{
  g_autofree char *key = unique_key ("by-id");
  g_autofree char *id = NULL;
  g_autoptr(AscTestCli) list = NULL;
  g_autoptr(AscTestCli) cli = NULL;

  increment (key);
  list = RUN_CLI ("list", "counter");
  assert_output (list, 0, NULL);
  id = listed_id (asc_test_cli_get_lines (list), key);
  g_assert_nonnull (id);

  cli = RUN_CLI ("call", "counter", id, "increment", "--id", "4");
  assert_output (cli, 0, "5\n");
}

static void
test_call_params (void)
{
  g_autofree char *key = unique_key ("secure");
  g_autoptr(AscTestCli) refused = NULL;
  g_autoptr(AscTestCli) allowed = NULL;

  refused = asc_test_cli_run ("--server", server_url, "--timeout", "15",
                              "--params", "{\"token\":\"wrong\"}",
                              "call", "secureCounter", key, "increment", NULL);
  assert_output (refused, 1, "");
  assert_stderr_has_prefix (refused, "error: FORBIDDEN: ");

  allowed = asc_test_cli_run ("--server", server_url, "--timeout", "15",
                              "--params", "{\"token\":\"let-me-in\"}",
                              "call", "secureCounter", key, "increment", NULL);
  assert_output (allowed, 0, "1\n");
}

/* The inspector shows the state as last saved, a moment behind the
 * actions: ask until the saved state has caught up. */
static void
assert_state_becomes (const char *key,
                      gint64      count)
{
  g_autofree char *expected = g_strdup_printf ("{\"count\":%" G_GINT64_FORMAT "}\n", count);
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      g_autoptr(AscTestCli) cli = RUN_CLI ("state", "counter", key);
      g_autofree char *out = asc_test_cli_dup_stdout (cli);

      assert_output (cli, 0, NULL);
      if (g_str_equal (out, expected) || g_get_monotonic_time () > deadline)
        {
          g_assert_cmpstr (out, ==, expected);
          return;
        }
    }
}

static void
test_state_prints_snapshot (void)
{
  g_autofree char *key = unique_key ("state");
  g_autoptr(AscTestCli) set = NULL;

  set = RUN_CLI ("call", "counter", key, "increment", "6");
  assert_output (set, 0, "6\n");
  assert_state_becomes (key, 6);
}

static void
test_state_follow_replays (void)
{
  g_autofree char *key = unique_key ("follow");
  g_autoptr(AscTestCli) cli = NULL;
  g_autoptr(AscTestCli) fresh = NULL;
  g_autoptr(JsonNode) replayed = NULL;

  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  increment (key);
  assert_state_becomes (key, 1);
  /* A fresh inspector may open a moment behind, then catch up on its own:
   * start over until the snapshot is the state already there. */
  for (;;)
    {
      g_clear_pointer (&cli, asc_test_cli_free);
      cli = asc_test_cli_spawn (NULL, "--server", server_url, "--timeout", "15",
                                "state", "counter", key, "--follow", "--count", "2", NULL);
      g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));
      if (g_str_equal (asc_test_cli_get_lines (cli)->pdata[0], "{\"count\":1}"))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  increment (key);
  g_assert_true (asc_test_cli_wait_lines (cli, 2, WAIT_MS));
  increment (key);
  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));

  assert_output (cli, 0, NULL);
  g_assert_cmpuint (asc_test_cli_get_lines (cli)->len, ==, 3);
  for (guint i = 1; i < 3; i++)
    g_assert_true (g_str_has_prefix (asc_test_cli_get_lines (cli)->pdata[i], "{\"patches\":["));

  replayed = asc_test_cli_replay_state (cli);
  assert_state_becomes (key, 3);
  fresh = RUN_CLI ("state", "counter", key);
  assert_output (fresh, 0, "{\"count\":3}\n");
  asc_test_assert_json_eq (replayed, asc_test_cli_get_lines (fresh)->pdata[0]);
}

static void
test_events_print_args (void)
{
  g_autofree char *key = unique_key ("events");
  g_autoptr(AscTestCli) cli = NULL;
  gint64 deadline;

  increment (key);
  cli = asc_test_cli_spawn (NULL, "--server", server_url, "--timeout", "15",
                            "events", "counter", key, "--event", "newCount", "--count", "1",
                            NULL);

  /* Nothing shows when the subscription is in place: increment until an
   * event comes through. */
  deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  while (!asc_test_cli_get_exited (cli) && g_get_monotonic_time () < deadline)
    {
      increment (key);
      asc_test_cli_wait_lines (cli, 1, RETRY_MS);
    }

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  assert_output (cli, 0, NULL);
  g_assert_cmpuint (asc_test_cli_get_lines (cli)->len, ==, 1);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_lines (cli)->pdata[0],
                                   "{\"event\":\"newCount\",\"args\":["));
}

static void
test_events_without_names_is_usage (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("events", "counter", "no-names");

  assert_output (cli, 2, "");
  assert_stderr_has_prefix (cli, "error: USAGE: ");
  g_assert_nonnull (strstr (asc_test_cli_get_stderr (cli), "--event"));
}

static gboolean
port_free (gpointer user_data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", ENGINE_PORT, NULL, NULL);
  return connection == NULL;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One engine at a time on the machine: wait for another run's to go. */
static void
wait_for_engine_port (void)
{
  guint tick = g_timeout_add (200, tick_cb, NULL);

  if (!asc_test_wait_until (port_free, NULL, PORT_WAIT_MS))
    g_error ("Port %d stayed busy", ENGINE_PORT);
  g_source_remove (tick);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  AscTestNodeServer *server;
  int status;

  g_test_init (&argc, &argv, NULL);

  wait_for_engine_port ();
  server = asc_test_node_server_start (SERVER_SCRIPT, NULL, &error);
  g_assert_no_error (error);
  server_url = asc_test_node_server_get_url (server);

  g_test_add_func ("/asc/cli/rivet/types", test_types_lists_engine_types);
  g_test_add_func ("/asc/cli/rivet/list", test_list_shows_created_actors);
  g_test_add_func ("/asc/cli/rivet/call", test_call_increments);
  g_test_add_func ("/asc/cli/rivet/call-validation", test_call_invalid_arg_is_validation);
  g_test_add_func ("/asc/cli/rivet/call-create", test_call_create);
  g_test_add_func ("/asc/cli/rivet/call-by-id", test_call_by_id);
  g_test_add_func ("/asc/cli/rivet/call-params", test_call_params);
  g_test_add_func ("/asc/cli/rivet/state", test_state_prints_snapshot);
  g_test_add_func ("/asc/cli/rivet/state-follow", test_state_follow_replays);
  g_test_add_func ("/asc/cli/rivet/events", test_events_print_args);
  g_test_add_func ("/asc/cli/rivet/events-need-names", test_events_without_names_is_usage);

  status = g_test_run ();

  asc_test_node_server_free (server);
  return status;
}
