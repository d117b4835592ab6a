/* test-node-server.c: the Node server harness against the Zocket reference server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-test-node-server.h"
#include "asc-test-util.h"

#include <errno.h>
#include <signal.h>

#include <libsoup/soup.h>

#define ZOCKET_SERVER "servers/zocket/server.mjs"
#define WAIT_MS       5000

typedef struct
{
  SoupSession             *session;
  SoupWebsocketConnection *connection;
  GError                  *error;
  GPtrArray               *frames;
  gboolean                 connect_done;
  gboolean                 closed;
} Client;

static void
client_message_cb (SoupWebsocketConnection *connection,
                   int                      type,
                   GBytes                  *message,
                   gpointer                 user_data)
{
  Client *client = user_data;
  gsize size;
  const char *text = g_bytes_get_data (message, &size);
  g_autofree char *copy = g_strndup (text, size);

  g_ptr_array_add (client->frames, asc_test_json_parse (copy));
}

static void
client_closed_cb (SoupWebsocketConnection *connection,
                  gpointer                 user_data)
{
  Client *client = user_data;

  client->closed = TRUE;
}

static void
client_connect_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Client *client = user_data;

  client->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result,
                                                              &client->error);
  client->connect_done = TRUE;
  if (client->connection == NULL)
    return;

  g_signal_connect (client->connection, "message", G_CALLBACK (client_message_cb), client);
  g_signal_connect (client->connection, "closed", G_CALLBACK (client_closed_cb), client);
}

static gboolean
client_connect_done (gpointer data)
{
  Client *client = data;

  return client->connect_done;
}

static gboolean
client_is_closed (gpointer data)
{
  Client *client = data;

  return client->closed;
}

static void
client_connect (Client     *client,
                const char *url)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);

  g_assert_nonnull (message);
  client->session = soup_session_new ();
  client->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  soup_session_websocket_connect_async (client->session, message, NULL, NULL,
                                        G_PRIORITY_DEFAULT, NULL,
                                        client_connect_cb, client);

  g_assert_true (asc_test_wait_until (client_connect_done, client, WAIT_MS));
  g_assert_no_error (client->error);
}

static void
client_clear (Client *client)
{
  if (client->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (client->connection, client);
      if (soup_websocket_connection_get_state (client->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (client->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
    }
  g_clear_object (&client->connection);
  g_clear_object (&client->session);
  g_clear_pointer (&client->frames, g_ptr_array_unref);
  g_clear_error (&client->error);
}

typedef struct
{
  Client *client;
  guint   count;
} FrameCount;

static gboolean
has_frames (gpointer data)
{
  FrameCount *wanted = data;

  return wanted->client->frames->len >= wanted->count;
}

/* Waits for the frame with index @index and returns it (borrowed). */
static JsonNode *
client_frame (Client *client,
              guint   index)
{
  FrameCount wanted = { client, index + 1 };

  g_assert_true (asc_test_wait_until (has_frames, &wanted, WAIT_MS));

  return g_ptr_array_index (client->frames, index);
}

static void
client_send (Client     *client,
             const char *text)
{
  soup_websocket_connection_send_text (client->connection, text);
}

static gboolean
pid_is_gone (gpointer data)
{
  GPid pid = GPOINTER_TO_INT (data);

  return kill (pid, 0) != 0 && errno == ESRCH;
}

/* asc_test_wait_until() only wakes up for sources; this keeps it polling
 * for a condition no source reports. */
static gboolean
keep_polling_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for_pid_gone (GPid pid)
{
  guint poll_id = g_timeout_add (10, keep_polling_cb, NULL);
  gboolean gone = asc_test_wait_until (pid_is_gone, GINT_TO_POINTER (pid), WAIT_MS);

  g_source_remove (poll_id);

  return gone;
}

static void
assert_welcome (JsonNode *frame)
{
  JsonObject *object = json_node_get_object (frame);

  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "welcome");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "clientId"), "node_"));
}

static AscTestNodeServer *
start_zocket (const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  AscTestNodeServer *server;

  server = asc_test_node_server_start (ZOCKET_SERVER, extra_args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (server);

  return server;
}

static void
test_node_server_round_trip (void)
{
  g_autoptr(AscTestNodeServer) server = start_zocket (NULL);
  Client client = { 0 };
  GPid pid = asc_test_node_server_get_pid (server);

  g_assert_true (g_str_has_prefix (asc_test_node_server_get_url (server), "ws://127.0.0.1:"));
  g_assert_cmpint (pid, >, 1);
  g_assert_false (pid_is_gone (GINT_TO_POINTER (pid)));

  client_connect (&client, asc_test_node_server_get_url (server));
  assert_welcome (client_frame (&client, 0));

  client_send (&client, "{\"type\":\"rpc\",\"id\":\"r1\",\"actor\":\"counter\","
                        "\"actorId\":\"c1\",\"method\":\"increment\"}");
  asc_test_assert_json_eq (client_frame (&client, 1),
                           "{\"type\":\"rpc:result\",\"id\":\"r1\",\"result\":1}");

  asc_test_node_server_stop (server);
  g_assert_true (wait_for_pid_gone (pid));
  g_assert_true (asc_test_wait_until (client_is_closed, &client, WAIT_MS));

  /* Stopping twice is harmless. */
  asc_test_node_server_stop (server);
  client_clear (&client);
}

static void
test_node_server_extra_args (void)
{
  const char * const args[] = { "--state-seed", "41", NULL };
  g_autoptr(AscTestNodeServer) server = start_zocket (args);
  JsonObject *ready = asc_test_node_server_get_ready (server);
  Client client = { 0 };

  g_assert_true (json_object_get_boolean_member (ready, "ready"));
  g_assert_cmpint (json_object_get_int_member (ready, "pid"), ==,
                   asc_test_node_server_get_pid (server));

  client_connect (&client, asc_test_node_server_get_url (server));
  assert_welcome (client_frame (&client, 0));
  client_send (&client, "{\"type\":\"rpc\",\"id\":7,\"actor\":\"counter\","
                        "\"actorId\":\"seeded\",\"method\":\"increment\"}");
  asc_test_assert_json_eq (client_frame (&client, 1),
                           "{\"type\":\"rpc:result\",\"id\":7,\"result\":42}");

  client_clear (&client);
}

static void
test_node_server_free_stops (void)
{
  AscTestNodeServer *server = start_zocket (NULL);
  GPid pid = asc_test_node_server_get_pid (server);

  asc_test_node_server_free (server);
  g_assert_true (wait_for_pid_gone (pid));
}

static void
test_node_server_start_fails_when_script_exits (void)
{
  /* The later --port wins and is rejected, so the server exits at once. */
  const char * const args[] = { "--port", "not-a-port", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AscTestNodeServer) server = NULL;

  server = asc_test_node_server_start (ZOCKET_SERVER, args, &error);
  g_assert_null (server);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);
}

static void
test_node_server_start_fails_for_missing_script (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AscTestNodeServer) server = NULL;

  server = asc_test_node_server_start ("servers/no-such-server.mjs", NULL, &error);
  g_assert_null (server);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_node_server_needs_node (void)
{
  g_test_skip ("node is not in PATH");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *node = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  node = g_find_program_in_path ("node");
  if (node == NULL)
    {
      g_test_add_func ("/asc/test-node-server/needs-node", test_node_server_needs_node);
      return g_test_run ();
    }

  g_test_add_func ("/asc/test-node-server/round-trip", test_node_server_round_trip);
  g_test_add_func ("/asc/test-node-server/passes-extra-args", test_node_server_extra_args);
  g_test_add_func ("/asc/test-node-server/free-stops-the-server", test_node_server_free_stops);
  g_test_add_func ("/asc/test-node-server/start/fails-when-the-script-exits",
                   test_node_server_start_fails_when_script_exits);
  g_test_add_func ("/asc/test-node-server/start/fails-for-a-missing-script",
                   test_node_server_start_fails_for_missing_script);

  return g_test_run ();
}
