/* test-cli-zocket-faults.c: actorscope-cli against an in-process server that
 * fails on cue: connections that drop, servers that go away, patches that
 * do not apply
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "actorscope.h"
#include "asc-test-cli.h"
#include "asc-test-util.h"
#include "asc-test-ws-server.h"

#define WAIT_MS 10000

typedef struct
{
  AscTestWsServer    *server;
  const char * const *snapshots;   /* the answer to each state:sub, in turn */
} Fixture;

typedef struct
{
  AscTestWsServer *server;
  const char      *substring;
  guint            n;
} ReceivedWait;

static gboolean
has_received (gpointer user_data)
{
  ReceivedWait *wait = user_data;

  return asc_test_ws_server_count_received (wait->server, wait->substring) >= wait->n;
}

static void
wait_received (AscTestWsServer *server,
               const char      *substring,
               guint            n)
{
  ReceivedWait wait = { server, substring, n };

  g_assert_true (asc_test_wait_until (has_received, &wait, WAIT_MS));
}

static void
reply_cb (AscTestWsServer *server,
          const char      *frame,
          gpointer         user_data)
{
  Fixture *fixture = user_data;
  guint n_subs = asc_test_ws_server_count_received (server, "\"state:sub\"");
  g_autofree char *reply = NULL;

  if (strstr (frame, "\"state:sub\"") == NULL || fixture->snapshots == NULL ||
      fixture->snapshots[n_subs - 1] == NULL)
    return;

  reply = g_strdup_printf ("{\"type\":\"state:snapshot\",\"actor\":\"counter\","
                           "\"actorId\":\"k\",\"state\":%s}", fixture->snapshots[n_subs - 1]);
  asc_test_ws_server_send (server, reply);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = asc_test_ws_server_new ();
  asc_test_ws_server_set_handler (fixture->server, reply_cb, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, asc_test_ws_server_free);
}

static void
test_call_closed_mid_call_exits_3 (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "5",
                            "call", "counter", "k", "increment", NULL);
  wait_received (fixture->server, "\"rpc\"", 1);
  asc_test_ws_server_kill_connections (fixture->server);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 3);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: CLOSED: "));
}

static void
test_call_without_answer_times_out (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_run ("--server", url, "--timeout", "0.5",
                          "call", "counter", "k", "increment", NULL);

  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 3);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: TIMEOUT: "));
}

static const char * const first_snapshot_only[] = { "{\"count\":1}", NULL };

static void
test_follow_gives_up_when_server_stays_away (Fixture       *fixture,
                                             gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;
  gint64 stopped;

  fixture->snapshots = first_snapshot_only;
  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "1",
                            "state", "counter", "k", "--follow", NULL);
  g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));

  stopped = g_get_monotonic_time ();
  asc_test_ws_server_stop (fixture->server);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (g_get_monotonic_time () - stopped, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 3);
  asc_test_cli_assert_stdout (cli, "{\"count\":1}\n");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: CLOSED: "));
}

static void
test_events_gives_up_when_server_stays_away (Fixture       *fixture,
                                             gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "1",
                            "events", "counter", "k", NULL);
  wait_received (fixture->server, "\"event:sub\"", 1);
  asc_test_ws_server_stop (fixture->server);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 3);
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli), "error: CLOSED: "));
}

static const char * const resync_snapshots[] = {
  "{\"count\":0,\"items\":[\"a\"],\"map\":{\"k/1\":1}}",
  "{\"count\":5,\"items\":[],\"map\":{\"k/1\":2,\"n~e\":3}}",
  NULL
};

/* A patch that does not apply makes the client fetch a fresh snapshot;
 * the CLI prints the difference to what it printed before. */
static void
test_follow_prints_difference_after_resync (Fixture       *fixture,
                                            gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;
  g_autoptr(JsonNode) replayed = NULL;
  g_autoptr(JsonNode) expected = NULL;

  fixture->snapshots = resync_snapshots;
  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "5",
                            "state", "counter", "k", "--follow", "--count", "1", NULL);
  g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));

  asc_test_ws_server_send (fixture->server,
                           "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"k\","
                           "\"patches\":[{\"op\":\"replace\",\"path\":\"/nope/x\",\"value\":1}]}");

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  g_assert_cmpuint (asc_test_cli_get_lines (cli)->len, ==, 2);
  replayed = asc_test_cli_replay_state (cli);
  expected = asc_test_json_parse (resync_snapshots[1]);
  g_assert_true (asc_json_equal (replayed, expected));
}

/* The id of the last rpc the server received. */
static char *
last_call_id (AscTestWsServer *server)
{
  GPtrArray *received = asc_test_ws_server_get_received (server);
  g_autoptr(JsonNode) frame = asc_test_json_parse (g_ptr_array_index (received, received->len - 1));

  return g_strdup (json_object_get_string_member (json_node_get_object (frame), "id"));
}

/* An answer nested too deep to read still names its call: the call fails
 * at once, saying why, rather than when --timeout runs out. */
static void
test_call_unreadable_answer_exits_1 (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;
  g_autofree char *id = NULL;
  g_autofree char *deep = asc_test_nested_arrays (10000);
  g_autofree char *reply = NULL;

  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "30",
                            "call", "counter", "k", "get", NULL);
  wait_received (fixture->server, "\"rpc\"", 1);
  id = last_call_id (fixture->server);
  reply = g_strdup_printf ("{\"type\":\"rpc:result\",\"id\":\"%s\",\"result\":%s}", id, deep);
  asc_test_ws_server_send (fixture->server, reply);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 1);
  asc_test_cli_assert_stdout (cli, "");
  g_assert_true (g_str_has_prefix (asc_test_cli_get_stderr (cli),
                                   "error: PROTOCOL: The answer to “get” could not be read: "));
}

/* Ctrl+C cuts a one-shot command short with 128 + SIGINT, as --help says. */
static void
test_call_interrupted_exits_130 (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;

  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "30",
                            "call", "counter", "k", "increment", NULL);
  wait_received (fixture->server, "\"rpc\"", 1);
  asc_test_cli_send_signal (cli, SIGINT);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 130);
  asc_test_cli_assert_stdout (cli, "");
}

static const char * const lost_patch_snapshots[] = {
  "{\"count\":1}",
  "{\"count\":2}",
  NULL
};

/* A patch too deep to read was still a change: the mirror resyncs and the
 * CLI prints the difference. */
static void
test_follow_resyncs_after_unreadable_patch (Fixture       *fixture,
                                            gconstpointer  data)
{
  const char *url = asc_test_ws_server_get_url (fixture->server);
  g_autoptr(AscTestCli) cli = NULL;
  g_autofree char *deep = asc_test_nested_arrays (5000);
  g_autofree char *patch = NULL;

  fixture->snapshots = lost_patch_snapshots;
  cli = asc_test_cli_spawn (NULL, "--server", url, "--timeout", "5",
                            "state", "counter", "k", "--follow", "--count", "1", NULL);
  g_assert_true (asc_test_cli_wait_lines (cli, 1, WAIT_MS));

  patch = g_strdup_printf ("{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"k\","
                           "\"patches\":[{\"op\":\"replace\",\"path\":\"/count\",\"value\":%s}]}",
                           deep);
  asc_test_ws_server_send (fixture->server, patch);

  g_assert_true (asc_test_cli_wait_exit (cli, WAIT_MS));
  g_assert_cmpint (asc_test_cli_get_status (cli), ==, 0);
  asc_test_cli_assert_stdout (cli, "{\"count\":1}\n"
                                   "{\"patches\":[{\"op\":\"replace\",\"path\":\"/count\",\"value\":2}]}\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/asc/cli/zocket/faults/call/closed-mid-call-exits-3", Fixture, NULL,
              fixture_set_up, test_call_closed_mid_call_exits_3, fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/call/without-answer-times-out", Fixture, NULL,
              fixture_set_up, test_call_without_answer_times_out, fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/state/follow-gives-up-when-server-stays-away", Fixture,
              NULL, fixture_set_up, test_follow_gives_up_when_server_stays_away,
              fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/state/follow-prints-difference-after-resync", Fixture,
              NULL, fixture_set_up, test_follow_prints_difference_after_resync,
              fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/call/unreadable-answer-exits-1", Fixture, NULL,
              fixture_set_up, test_call_unreadable_answer_exits_1, fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/call/interrupted-exits-130", Fixture, NULL,
              fixture_set_up, test_call_interrupted_exits_130, fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/state/follow-resyncs-after-unreadable-patch", Fixture,
              NULL, fixture_set_up, test_follow_resyncs_after_unreadable_patch,
              fixture_tear_down);
  g_test_add ("/asc/cli/zocket/faults/events/gives-up-when-server-stays-away", Fixture, NULL,
              fixture_set_up, test_events_gives_up_when_server_stays_away, fixture_tear_down);

  return g_test_run ();
}
