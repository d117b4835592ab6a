/* test-cli-zocket.c: actorscope-cli call, types and list against the reference
 * Zocket server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define ZOCKET_SERVER "servers/zocket/server.mjs"
#define WAIT_MS       10000

/* Every command names the server and a timeout that keeps a broken run short. */
#define RUN_CLI(...) asc_test_cli_run ("--server", server_url, "--timeout", "5", __VA_ARGS__, NULL)

static const char *server_url;

static void
test_call_prints_result (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-result", "increment");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "1\n");
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "");
}

static void
test_call_passes_input (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-input", "add", "{\"amount\": 5}");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "5\n");
}

static void
test_call_prints_null_without_result (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-null", "nothing");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "null\n");
}

static void
test_call_prints_compact_json (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-compact", "get");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "{\"count\":0,\"items\":[],\"map\":{},\"nested\":{\"a\":1}}\n");
}

static void
test_call_reads_server_from_environment (void)
{
  g_autofree char *variable = g_strconcat ("ACTORSCOPE_SERVER=", server_url, NULL);
  const char *env[] = { variable, NULL };
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_spawn (env, "call", "counter", "call-env", "increment", NULL);
  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "1\n");
}

static void
test_call_reports_validation_issues (void)
{
  g_autoptr(AscTestCli) cli = NULL;

  cli = RUN_CLI ("call", "counter", "call-validation", "add", "{\"amount\": \"x\"}");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: VALIDATION: /amount: "));
  g_assert_cmpint (strlen (strchr (asc_test_cli_get_stderr (cli), '\n')), ==, 1);
}

static void
test_call_reports_unknown_method (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-unknown", "doesNotExist");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==,
                   "error: UNKNOWN_ACTION: Unknown method: doesNotExist\n");
}

static void
test_call_reports_forbidden (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "guarded", "call-forbidden", "secret", "{\"n\": 1}");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "error: FORBIDDEN: Forbidden\n");
}

static void
test_call_reports_empty_error_as_remote (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-empty", "failEmpty");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: REMOTE: "));
}

/* json_to_string() wrote 1e21 as "1e+21.0": the server ignored the frame
 * and the call timed out. */
static void
test_call_sends_and_prints_large_numbers (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-1e21", "add", "{\"amount\": 1e21}");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "1e+21\n");
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "");
}

/* An integer past gint64 is the nearest double, as in JavaScript, not a
 * number wrapped round to a negative one. */
static void
test_call_keeps_integers_past_int64 (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-bigint", "add",
                                       "{\"amount\": 12345678901234567890}");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  /* The server writes 12345678901234567000, the double's JavaScript text. */
  asc_test_cli_assert_stdout (cli, "1.2345678901234567e+19\n");
}

/* Doubles print in their shortest form, as JavaScript writes them. */
static void
test_call_prints_shortest_doubles (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "counter", "call-double", "add", "{\"amount\": 0.1}");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "0.1\n");
}

/* “--” ends the options of call as it does for state and events. */
static void
test_call_accepts_double_dash (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("call", "--", "counter", "call-dashes", "increment");

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "1\n");
}

/* A port that was free a moment ago: nothing listens there. */
static char *
refused_url (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return g_strdup_printf ("ws://127.0.0.1:%u/", port);
}

static void
test_call_refused_port_exits_3 (void)
{
  g_autofree char *url = refused_url ();
  gint64 started = g_get_monotonic_time ();
  g_autoptr(AscTestCli) cli = NULL;
  const char *err;

  cli = asc_test_cli_run ("--server", url, "--timeout", "1",
                          "call", "counter", "refused", "increment", NULL);
  err = asc_test_cli_get_stderr (cli);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 3);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (err, "error: CONNECT: ") ||
                 g_str_has_prefix (err, "error: TIMEOUT: "));
}

static void
assert_usage_error (AscTestCli *cli,
                    const char *expected_prefix)
{
  if (asc_test_cli_get_status (cli) != 2)
    g_test_message ("stderr: %s", asc_test_cli_get_stderr (cli));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 2);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), expected_prefix));
}

static void
test_call_usage_errors_exit_2 (void)
{
  g_autoptr(AscTestCli) bad_json = NULL;
  g_autoptr(AscTestCli) two_args = NULL;
  g_autoptr(AscTestCli) bad_params = NULL;
  g_autoptr(AscTestCli) bad_kind = NULL;
  g_autoptr(AscTestCli) no_server = NULL;
  g_autoptr(AscTestCli) no_method = NULL;

  bad_json = RUN_CLI ("call", "counter", "usage", "add", "{\"amount\": 1}", "{oops");
  assert_usage_error (bad_json, "error: USAGE: ARG 2 ");
  two_args = RUN_CLI ("call", "counter", "usage", "add", "1", "2");
  assert_usage_error (two_args, "error: USAGE: ");
  bad_params = asc_test_cli_run ("--server", server_url, "--params", "{x",
                                 "call", "counter", "usage", "get", NULL);
  assert_usage_error (bad_params, "error: USAGE: --params ");
  bad_kind = asc_test_cli_run ("--server", server_url, "--kind", "bogus",
                               "call", "counter", "usage", "get", NULL);
  assert_usage_error (bad_kind, "error: USAGE: --kind ");
  no_server = asc_test_cli_run ("call", "counter", "usage", "get", NULL);
  assert_usage_error (no_server, "error: USAGE: ");
  no_method = RUN_CLI ("call", "counter", "usage");
  assert_usage_error (no_method, "error: USAGE: ");
}

static void
test_types_reads_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog",
                                                 "zocket.json", NULL);
  g_autoptr(AscTestCli) cli = asc_test_cli_run ("--catalog", path, "types", NULL);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "chat\ncounter\nguarded\npresence\nslow\n");
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==, "");
}

static void
test_types_reports_malformed_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog",
                                                 "malformed.json", NULL);
  g_autofree char *located = g_strconcat (path, ":4:", NULL);
  g_autoptr(AscTestCli) cli = asc_test_cli_run ("--catalog", path, "types", NULL);

  assert_usage_error (cli, "error: USAGE: ");
  g_assert_nonnull (strstr (asc_test_cli_get_stderr (cli), located));
}

static void
test_types_needs_catalog_for_zocket (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("types");

  assert_usage_error (cli, "error: USAGE: ");
  g_assert_cmpstr (asc_test_cli_get_stderr (cli), ==,
                   "error: USAGE: Zocket servers cannot list their actor types; "
                   "pass --catalog FILE\n");
}

static void
test_list_is_usage_error_for_zocket (void)
{
  g_autoptr(AscTestCli) cli = RUN_CLI ("list", "counter");

  assert_usage_error (cli, "error: USAGE: Zocket ");
}

static void
test_needs_node (void)
{
  g_test_skip ("node is not in PATH");
}

static void
add_tests (void)
{
  g_test_add_func ("/asc/cli/zocket/call/prints-result", test_call_prints_result);
  g_test_add_func ("/asc/cli/zocket/call/passes-input", test_call_passes_input);
  g_test_add_func ("/asc/cli/zocket/call/prints-null-without-result",
                   test_call_prints_null_without_result);
  g_test_add_func ("/asc/cli/zocket/call/prints-compact-json", test_call_prints_compact_json);
  g_test_add_func ("/asc/cli/zocket/call/reads-server-from-environment",
                   test_call_reads_server_from_environment);
  g_test_add_func ("/asc/cli/zocket/call/reports-validation-issues",
                   test_call_reports_validation_issues);
  g_test_add_func ("/asc/cli/zocket/call/reports-unknown-method",
                   test_call_reports_unknown_method);
  g_test_add_func ("/asc/cli/zocket/call/reports-forbidden", test_call_reports_forbidden);
  g_test_add_func ("/asc/cli/zocket/call/sends-and-prints-large-numbers",
                   test_call_sends_and_prints_large_numbers);
  g_test_add_func ("/asc/cli/zocket/call/keeps-integers-past-int64",
                   test_call_keeps_integers_past_int64);
  g_test_add_func ("/asc/cli/zocket/call/accepts-double-dash", test_call_accepts_double_dash);
  g_test_add_func ("/asc/cli/zocket/call/prints-shortest-doubles", test_call_prints_shortest_doubles);
  g_test_add_func ("/asc/cli/zocket/call/reports-empty-error-as-remote",
                   test_call_reports_empty_error_as_remote);
  g_test_add_func ("/asc/cli/zocket/call/refused-port-exits-3", test_call_refused_port_exits_3);
  g_test_add_func ("/asc/cli/zocket/call/usage-errors-exit-2", test_call_usage_errors_exit_2);
  g_test_add_func ("/asc/cli/zocket/types/reads-catalog", test_types_reads_catalog);
  g_test_add_func ("/asc/cli/zocket/types/reports-malformed-catalog",
                   test_types_reports_malformed_catalog);
  g_test_add_func ("/asc/cli/zocket/types/needs-catalog", test_types_needs_catalog_for_zocket);
  g_test_add_func ("/asc/cli/zocket/list/is-usage-error", test_list_is_usage_error_for_zocket);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AscTestNodeServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *node = NULL;

  g_test_init (&argc, &argv, NULL);

  node = g_find_program_in_path ("node");
  if (node == NULL)
    {
      g_test_add_func ("/asc/cli/zocket/call/needs-node", test_needs_node);
      return g_test_run ();
    }

  server = asc_test_node_server_start (ZOCKET_SERVER, NULL, &error);
  g_assert_no_error (error);
  server_url = asc_test_node_server_get_url (server);

  add_tests ();

  return g_test_run ();
}
