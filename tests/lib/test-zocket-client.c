/* test-zocket-client.c: the Zocket client against an in-process server that
 * misbehaves on cue (the faults a real server will not produce)
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"
#include "asc-test-ws-server.h"

typedef struct
{
  AscTestWsServer *server;
  AscClient       *client;
  AscActor        *actor;
  GPtrArray       *results;   /* Outcome* */
  char            *reply;     /* sent for every rpc, with {id} for its id */
} Fixture;

typedef struct
{
  JsonNode *result;
  GError   *error;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_pointer (&outcome->result, json_node_unref);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

static char *
frame_id (const char *frame)
{
  g_autoptr(JsonNode) node = asc_test_json_parse (frame);
  JsonObject *object = json_node_get_object (node);

  if (!json_object_has_member (object, "id"))
    return NULL;
  return g_strdup (json_object_get_string_member (object, "id"));
}

static void
reply_cb (AscTestWsServer *server,
          const char      *frame,
          gpointer         user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *id = frame_id (frame);
  g_autoptr(GString) reply = NULL;

  if (fixture->reply == NULL || id == NULL)
    return;

  reply = g_string_new (fixture->reply);
  g_string_replace (reply, "{id}", id, 0);
  asc_test_ws_server_send (server, reply->str);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = asc_test_ws_server_new ();
  asc_test_ws_server_set_handler (fixture->server, reply_cb, fixture);
  fixture->client = asc_client_new (asc_test_ws_server_get_url (fixture->server),
                                    ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  asc_client_set_call_timeout (fixture->client, 3000);
  fixture->actor = asc_client_get_actor (fixture->client, "counter", "c1");
  fixture->results = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  asc_client_close (fixture->client);
  asc_test_drain ();
  g_assert_finalize_object (fixture->client);
  g_clear_pointer (&fixture->server, asc_test_ws_server_free);
  g_ptr_array_unref (fixture->results);
  g_free (fixture->reply);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *fixture = user_data;
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->result = asc_actor_call_finish (ASC_ACTOR (object), result, &outcome->error);
  g_ptr_array_add (fixture->results, outcome);
}

static void
call (Fixture    *fixture,
      const char *method,
      const char *input_json)
{
  g_autoptr(JsonNode) input = input_json != NULL ? asc_test_json_parse (input_json) : NULL;

  asc_actor_call_async (fixture->actor, method, input, NULL, call_done_cb, fixture);
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} Count;

static gboolean
has_n_results (gpointer user_data)
{
  Count *count = user_data;

  return count->fixture->results->len >= count->count;
}

static Outcome *
wait_result (Fixture *fixture,
             guint    index)
{
  Count count = { fixture, index + 1 };

  g_assert_true (asc_test_wait_until (has_n_results, &count, 8000));
  return g_ptr_array_index (fixture->results, index);
}

static gboolean
client_is_connected (gpointer user_data)
{
  return asc_client_get_status (user_data) == ASC_CLIENT_STATUS_CONNECTED;
}

static gboolean
client_is_reconnecting (gpointer user_data)
{
  return asc_client_get_status (user_data) == ASC_CLIENT_STATUS_RECONNECTING;
}

typedef struct
{
  AscTestWsServer *server;
  const char      *substring;
  guint            count;
} Received;

static gboolean
server_received (gpointer user_data)
{
  Received *received = user_data;

  return asc_test_ws_server_count_received (received->server, received->substring) >=
         received->count;
}

static void
wait_received (Fixture    *fixture,
               const char *substring,
               guint       count)
{
  Received received = { fixture->server, substring, count };

  g_assert_true (asc_test_wait_until (server_received, &received, 8000));
}

static void
open_and_wait (Fixture *fixture)
{
  asc_client_open (fixture->client);
  g_assert_true (asc_test_wait_until (client_is_connected, fixture->client, 5000));
}

static void
test_call_resolves_result (Fixture       *fixture,
                           gconstpointer  data)
{
  Outcome *outcome;
  g_autoptr(JsonNode) sent = NULL;

  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"result\":{\"count\":6}}");
  call (fixture, "add", "{\"amount\":5}");
  outcome = wait_result (fixture, 0);

  g_assert_no_error (outcome->error);
  asc_test_assert_json_eq (outcome->result, "{\"count\":6}");

  sent = asc_test_json_parse (g_ptr_array_index (asc_test_ws_server_get_received (fixture->server), 0));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "type"), ==, "rpc");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "actorId"), ==, "c1");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_node_get_object (sent), "id"),
                                   "rpc_"));
}

static void
test_call_missing_result_is_null (Fixture       *fixture,
                                  gconstpointer  data)
{
  Outcome *outcome;

  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\"}");
  call (fixture, "nothing", NULL);
  outcome = wait_result (fixture, 0);

  g_assert_no_error (outcome->error);
  g_assert_true (JSON_NODE_HOLDS_NULL (outcome->result));
}

static void
test_call_empty_error_is_an_error (Fixture       *fixture,
                                   gconstpointer  data)
{
  Outcome *outcome;

  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"error\":\"\"}");
  call (fixture, "failEmpty", NULL);
  outcome = wait_result (fixture, 0);

  g_assert_error (outcome->error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_null (outcome->result);
}

static void
test_call_ignores_unknown_ids (Fixture       *fixture,
                               gconstpointer  data)
{
  Outcome *outcome;

  open_and_wait (fixture);
  asc_test_ws_server_send (fixture->server, "{\"type\":\"rpc:result\",\"id\":\"rpc_999_x\",\"result\":1}");
  asc_test_ws_server_send (fixture->server, "{\"type\":\"rpc:result\",\"result\":1}");
  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"result\":2}");
  call (fixture, "get", NULL);
  outcome = wait_result (fixture, 0);

  g_assert_no_error (outcome->error);
  asc_test_assert_json_eq (outcome->result, "2");
  g_assert_cmpuint (fixture->results->len, ==, 1);
}

static void
test_call_fails_closed_when_server_drops (Fixture       *fixture,
                                          gconstpointer  data)
{
  Outcome *outcome;

  call (fixture, "slow", NULL);
  wait_received (fixture, "\"slow\"", 1);
  asc_test_ws_server_kill_connections (fixture->server);
  outcome = wait_result (fixture, 0);

  g_assert_error (outcome->error, ASC_ERROR, ASC_ERROR_CLOSED);
  g_assert_nonnull (strstr (outcome->error->message, "may or may not have run"));
  /* Never replayed: after reconnecting, the server saw the call once. */
  g_assert_true (asc_test_wait_until (client_is_connected, fixture->client, 5000));
  g_assert_cmpuint (asc_test_ws_server_count_received (fixture->server, "\"slow\""), ==, 1);
}

static void
test_call_times_out_when_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  Outcome *outcome;

  asc_test_ws_server_stop (fixture->server);
  asc_client_set_call_timeout (fixture->client, 1200);
  call (fixture, "get", NULL);
  g_assert_true (asc_test_wait_until (client_is_reconnecting, fixture->client, 5000));
  outcome = wait_result (fixture, 0);

  g_assert_error (outcome->error, ASC_ERROR, ASC_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (outcome->error->message, "Could not reach the server"));
  g_assert_nonnull (asc_client_get_last_error (fixture->client));
  g_assert_error ((GError *) asc_client_get_last_error (fixture->client), ASC_ERROR, ASC_ERROR_CONNECT);
}

typedef struct
{
  AscClient *client;
  guint      changes;
} StatusCount;

static void
status_changed_cb (AscClient   *client,
                   GParamSpec  *pspec,
                   StatusCount *count)
{
  count->changes++;
}

static gboolean
reconnect_attempts_failed (gpointer user_data)
{
  StatusCount *count = user_data;
  const GError *error = asc_client_get_last_error (count->client);

  /* connecting → reconnecting, then at least one more failed attempt */
  return count->changes >= 2 && error != NULL;
}

/* Zocket's own client strands a call when a reconnect attempt fails while
 * the call waits; this one must not. */
static void
test_call_survives_failed_attempts (Fixture       *fixture,
                                    gconstpointer  data)
{
  StatusCount count = { fixture->client, 0 };
  Outcome *outcome;

  asc_test_ws_server_stop (fixture->server);
  g_signal_connect (fixture->client, "notify::status", G_CALLBACK (status_changed_cb), &count);
  asc_client_set_call_timeout (fixture->client, 8000);
  call (fixture, "get", NULL);
  g_assert_true (asc_test_wait_until (reconnect_attempts_failed, &count, 5000));
  g_assert_cmpuint (fixture->results->len, ==, 0);

  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"result\":\"late but fine\"}");
  asc_test_ws_server_restart (fixture->server);
  outcome = wait_result (fixture, 0);

  g_assert_no_error (outcome->error);
  asc_test_assert_json_eq (outcome->result, "\"late but fine\"");
  g_signal_handlers_disconnect_by_data (fixture->client, &count);
}

static void
test_call_can_be_cancelled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome *outcome;

  asc_actor_call_async (fixture->actor, "slow", NULL, cancellable, call_done_cb, fixture);
  wait_received (fixture, "\"slow\"", 1);
  g_cancellable_cancel (cancellable);
  outcome = wait_result (fixture, 0);

  g_assert_error (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_frames_malformed_are_dropped (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char *garbage[] = {
    "not json", "[1,2,3]", "{\"no\":\"type\"}", "{\"type\":\"bogus\"}", "",
    "{\"type\":\"event\",\"actor\":\"counter\"}", "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"c1\",\"patches\":7}",
  };
  Outcome *outcome;

  open_and_wait (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    asc_test_ws_server_send (fixture->server, garbage[i]);
  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"result\":true}");
  call (fixture, "get", NULL);
  outcome = wait_result (fixture, 0);

  g_assert_no_error (outcome->error);
  g_assert_cmpint (asc_client_get_status (fixture->client), ==, ASC_CLIENT_STATUS_CONNECTED);
  /* "{\"type\":\"bogus\"}" is a frame of an unknown type, not an error */
  g_assert_cmpuint (asc_zocket_client_get_n_protocol_errors (ASC_ZOCKET_CLIENT (fixture->client)),
                    ==, G_N_ELEMENTS (garbage) - 1);
}

static gboolean
log_has_event (gpointer user_data)
{
  AscEventLog *log = user_data;

  asc_event_log_flush (log);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (asc_event_get_kind (event) == ASC_EVENT_KIND_EVENT)
        return TRUE;
    }

  return FALSE;
}

static void
test_frames_large_frame_arrives (Fixture       *fixture,
                                 gconstpointer  data)
{
  const gsize size = 16 * 1024 * 1024;
  g_autoptr(GString) frame = g_string_sized_new (size + 128);
  AscEventLog *log = asc_actor_get_event_log (fixture->actor);
  g_autoptr(AscEvent) event = NULL;

  asc_actor_subscribe_events (fixture->actor);
  wait_received (fixture, "event:sub", 1);
  g_string_append (frame, "{\"type\":\"event\",\"actor\":\"counter\",\"actorId\":\"c1\","
                          "\"event\":\"big\",\"payload\":\"");
  while (frame->len < size)
    g_string_append (frame, "0123456789abcdef");
  g_string_append (frame, "\"}");
  asc_test_ws_server_send_bytes (fixture->server, frame->str, frame->len);

  g_assert_true (asc_test_wait_until (log_has_event, log, 15000));
  event = g_list_model_get_item (G_LIST_MODEL (log), g_list_model_get_n_items (G_LIST_MODEL (log)) - 1);
  g_assert_cmpstr (asc_event_get_name (event), ==, "big");
  g_assert_cmpuint (strlen (json_node_get_string (asc_event_get_payload (event))), >=, size - 64);
  asc_actor_unsubscribe_events (fixture->actor);
}

static void
test_frames_deep_nesting_is_dropped (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GString) frame = g_string_new ("{\"type\":\"event\",\"actor\":\"counter\",\"actorId\":\"c1\","
                                           "\"event\":\"deep\",\"payload\":");
  Outcome *outcome;

  asc_actor_subscribe_events (fixture->actor);
  wait_received (fixture, "event:sub", 1);
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (frame, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (frame, ']');
  g_string_append_c (frame, '}');
  asc_test_ws_server_send (fixture->server, frame->str);
  fixture->reply = g_strdup ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"result\":1}");
  call (fixture, "get", NULL);
  outcome = wait_result (fixture, 0);

  g_assert_no_error (outcome->error);
  g_assert_false (log_has_event (asc_actor_get_event_log (fixture->actor)));
  g_assert_cmpuint (asc_zocket_client_get_n_protocol_errors (ASC_ZOCKET_CLIENT (fixture->client)),
                    ==, 1);
  asc_actor_unsubscribe_events (fixture->actor);
}

/* The answer is refused, but its id is still read: the call fails at once
 * with the reason instead of waiting for its timeout. */
static void
test_frames_deep_answer_fails_the_call (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *deep = asc_test_nested_arrays (10000);
  gint64 start = g_get_monotonic_time ();
  Outcome *outcome;

  fixture->reply = g_strdup_printf ("{\"type\":\"rpc:result\",\"id\":\"{id}\",\"result\":%s}", deep);
  call (fixture, "get", NULL);
  outcome = wait_result (fixture, 0);

  g_assert_error (outcome->error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (outcome->error->message, "“get”"));
  g_assert_nonnull (strstr (outcome->error->message, "nested more than 1000 levels"));
  /* Well before the 3 s call timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static gboolean
store_has_document (gpointer user_data)
{
  return asc_state_store_get_document (user_data) != NULL;
}

typedef struct
{
  AscStateStore *store;
  const char    *json;
} DocumentIs;

static gboolean
document_is (gpointer user_data)
{
  DocumentIs *check = user_data;
  JsonNode *document = asc_state_store_get_document (check->store);
  g_autoptr(JsonNode) expected = asc_test_json_parse (check->json);

  return document != NULL && json_node_equal (document, expected);
}

static void
wait_document (Fixture    *fixture,
               const char *json)
{
  DocumentIs check = { asc_actor_get_state_store (fixture->actor), json };

  g_assert_true (asc_test_wait_until (document_is, &check, 8000));
}

#define SNAPSHOT(state) "{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"c1\",\"state\":" state "}"
#define PATCH(ops) "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"c1\",\"patches\":" ops "}"

static void
test_state_drops_patches_before_snapshot (Fixture       *fixture,
                                          gconstpointer  data)
{
  AscStateStore *store = asc_actor_get_state_store (fixture->actor);

  asc_actor_watch_state (fixture->actor);
  wait_received (fixture, "state:sub", 1);
  /* The snapshot already holds this change: applying it would double it. */
  asc_test_ws_server_send (fixture->server, PATCH ("[{\"op\":\"add\",\"path\":\"/online/1\",\"value\":\"b\"}]"));
  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"online\":[\"a\",\"b\"]}"));
  g_assert_true (asc_test_wait_until (store_has_document, store, 5000));
  asc_test_ws_server_send (fixture->server, PATCH ("[{\"op\":\"add\",\"path\":\"/online/2\",\"value\":\"c\"}]"));

  wait_document (fixture, "{\"online\":[\"a\",\"b\",\"c\"]}");
  g_assert_cmpuint (asc_actor_get_n_resyncs (fixture->actor), ==, 0);
  asc_actor_unwatch_state (fixture->actor);
}

static void
test_state_resyncs_when_patch_fails (Fixture       *fixture,
                                     gconstpointer  data)
{
  asc_actor_watch_state (fixture->actor);
  wait_received (fixture, "state:sub", 1);
  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"count\":1}"));
  wait_document (fixture, "{\"count\":1}");

  asc_test_ws_server_send (fixture->server, PATCH ("[{\"op\":\"replace\",\"path\":\"/missing/deep\",\"value\":2}]"));
  wait_received (fixture, "state:sub", 2);
  g_assert_cmpuint (asc_actor_get_n_resyncs (fixture->actor), ==, 1);
  g_assert_true (asc_state_store_get_out_of_sync (asc_actor_get_state_store (fixture->actor)));

  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"count\":2,\"missing\":{\"deep\":2}}"));
  wait_document (fixture, "{\"count\":2,\"missing\":{\"deep\":2}}");
  g_assert_false (asc_state_store_get_out_of_sync (asc_actor_get_state_store (fixture->actor)));
  asc_actor_unwatch_state (fixture->actor);
}

/* A lost patch leaves the mirror behind the server: it resyncs. */
static void
test_state_resyncs_after_unreadable_patch (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *deep = asc_test_nested_arrays (5000);
  g_autofree char *patch = NULL;

  asc_actor_watch_state (fixture->actor);
  wait_received (fixture, "state:sub", 1);
  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"count\":1}"));
  wait_document (fixture, "{\"count\":1}");

  patch = g_strdup_printf (PATCH ("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":%s}]"), deep);
  asc_test_ws_server_send (fixture->server, patch);
  wait_received (fixture, "state:sub", 2);
  g_assert_cmpuint (asc_actor_get_n_resyncs (fixture->actor), ==, 1);

  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"count\":2}"));
  wait_document (fixture, "{\"count\":2}");
  asc_actor_unwatch_state (fixture->actor);
}

static void
test_state_applies_zocket_quirks (Fixture       *fixture,
                                  gconstpointer  data)
{
  asc_actor_watch_state (fixture->actor);
  wait_received (fixture, "state:sub", 1);
  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"maybe\":1,\"map\":{}}"));
  wait_document (fixture, "{\"maybe\":1,\"map\":{}}");

  asc_test_ws_server_send (fixture->server, PATCH ("[{\"op\":\"replace\",\"path\":\"/maybe\"},"
                                                   "{\"op\":\"add\",\"path\":\"/map/a/b~c\",\"value\":1}]"));
  wait_document (fixture, "{\"map\":{\"a/b~c\":1}}");
  g_assert_cmpuint (asc_actor_get_n_resyncs (fixture->actor), ==, 0);
  asc_actor_unwatch_state (fixture->actor);
}

typedef struct
{
  AscEventLog  *log;
  AscEventKind  kind;
} LogHas;

static gboolean
log_has_kind (gpointer user_data)
{
  LogHas *check = user_data;

  asc_event_log_flush (check->log);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (check->log)); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (G_LIST_MODEL (check->log), i);

      if (asc_event_get_kind (event) == check->kind)
        return TRUE;
    }

  return FALSE;
}

static void
test_reconnect_resubscribes_with_gap (Fixture       *fixture,
                                      gconstpointer  data)
{
  LogHas gap = { asc_actor_get_event_log (fixture->actor), ASC_EVENT_KIND_GAP };
  GPtrArray *received = asc_test_ws_server_get_received (fixture->server);
  guint before;

  asc_actor_subscribe_events (fixture->actor);
  asc_actor_watch_state (fixture->actor);
  wait_received (fixture, "state:sub", 1);
  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"count\":1}"));
  wait_document (fixture, "{\"count\":1}");
  g_assert_false (log_has_kind (&gap));

  before = received->len;
  asc_test_ws_server_kill_connections (fixture->server);
  wait_received (fixture, "state:sub", 2);

  /* events first, then state */
  g_assert_nonnull (strstr (g_ptr_array_index (received, before), "event:sub"));
  g_assert_nonnull (strstr (g_ptr_array_index (received, before + 1), "state:sub"));
  g_assert_true (log_has_kind (&gap));
  g_assert_true (asc_zocket_actor_get_awaiting_snapshot (ASC_ZOCKET_ACTOR (fixture->actor)));

  /* The restarted server has other state: the mirror follows it. */
  asc_test_ws_server_send (fixture->server, SNAPSHOT ("{\"count\":40,\"fresh\":true}"));
  wait_document (fixture, "{\"count\":40,\"fresh\":true}");
  asc_actor_unsubscribe_events (fixture->actor);
  asc_actor_unwatch_state (fixture->actor);
}

static void
test_subscriptions_release_after_idle (Fixture       *fixture,
                                       gconstpointer  data)
{
  asc_actor_subscribe_events (fixture->actor);
  wait_received (fixture, "event:sub", 1);

  /* A view switching away and straight back costs nothing on the wire. */
  asc_actor_unsubscribe_events (fixture->actor);
  asc_actor_subscribe_events (fixture->actor);
  asc_actor_subscribe_events (fixture->actor);
  asc_actor_unsubscribe_events (fixture->actor);
  asc_test_drain ();
  g_assert_true (asc_actor_get_events_wanted (fixture->actor));

  asc_actor_unsubscribe_events (fixture->actor);
  g_assert_true (asc_actor_get_events_wanted (fixture->actor));
  wait_received (fixture, "event:unsub", 1);
  g_assert_false (asc_actor_get_events_wanted (fixture->actor));
  g_assert_cmpuint (asc_test_ws_server_count_received (fixture->server, "event:sub"), ==, 1);
}

static void
test_wrong_scheme_says_what_to_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AscClient) zocket = asc_client_new ("http://127.0.0.1:1/", ASC_CLIENT_KIND_ZOCKET, &error);
  g_autoptr(AscClient) rivet = NULL;

  g_assert_null (zocket);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "ws:// or wss://"));
  g_clear_error (&error);

  rivet = asc_client_new ("ws://127.0.0.1:1/", ASC_CLIENT_KIND_RIVET, &error);
  g_assert_null (rivet);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "http:// or https://"));
}

/* A handle released just before its client goes keeps a pending release;
 * running it later must not touch the freed client (ASan and valgrind
 * catch it if it does). */
static void
test_release_after_client_is_gone (void)
{
  g_autoptr(AscTestWsServer) server = asc_test_ws_server_new ();
  g_autoptr(GError) error = NULL;
  AscClient *client = asc_client_new (asc_test_ws_server_get_url (server), ASC_CLIENT_KIND_ZOCKET, &error);
  AscActor *actor = asc_client_get_actor (client, "counter", "c1");
  g_autoptr(AscActor) kept = g_object_ref (actor);
  g_assert_no_error (error);
  asc_actor_watch_state (actor);
  asc_actor_subscribe_events (actor);
  asc_actor_unwatch_state (actor);
  asc_actor_unsubscribe_events (actor);
  g_object_unref (client);
  asc_test_drain ();

  g_assert_false (asc_actor_get_state_wanted (kept));
  g_assert_false (asc_actor_get_events_wanted (kept));
}

static void
test_welcome_sets_client_id (Fixture       *fixture,
                             gconstpointer  data)
{
  AscZocketClient *client = ASC_ZOCKET_CLIENT (fixture->client);

  asc_test_ws_server_set_welcome (fixture->server, "{\"type\":\"welcome\",\"clientId\":\"node_1_abc\"}");
  open_and_wait (fixture);
  while (asc_zocket_client_get_client_id (client) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (asc_zocket_client_get_client_id (client), ==, "node_1_abc");

  /* A welcome may come again, at any time. */
  asc_test_ws_server_send (fixture->server, "{\"type\":\"welcome\",\"clientId\":\"node_2_def\"}");
  while (g_strcmp0 (asc_zocket_client_get_client_id (client), "node_2_def") != 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_same_handle_for_same_actor (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_assert_true (asc_client_get_actor (fixture->client, "counter", "c1") == fixture->actor);
  g_assert_true (asc_client_get_actor (fixture->client, "counter", "c2") != fixture->actor);
  g_assert_cmpuint (g_list_model_get_n_items (asc_client_get_actors (fixture->client)), ==, 2);
  /* Nothing was sent: handles are lazy. */
  g_assert_cmpint (asc_client_get_status (fixture->client), ==, ASC_CLIENT_STATUS_DISCONNECTED);
  g_assert_cmpuint (asc_test_ws_server_get_n_accepted (fixture->server), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/asc/zocket-client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("call/resolves-result", test_call_resolves_result);
  ADD ("call/missing-result-is-null", test_call_missing_result_is_null);
  ADD ("call/empty-error-is-an-error", test_call_empty_error_is_an_error);
  ADD ("call/ignores-unknown-ids", test_call_ignores_unknown_ids);
  ADD ("call/fails-closed-when-server-drops", test_call_fails_closed_when_server_drops);
  ADD ("call/times-out-when-refused", test_call_times_out_when_refused);
  ADD ("call/survives-failed-reconnect-attempts", test_call_survives_failed_attempts);
  ADD ("call/can-be-cancelled", test_call_can_be_cancelled);
  ADD ("frames/malformed-are-dropped", test_frames_malformed_are_dropped);
  ADD ("frames/16-mib-frame-arrives", test_frames_large_frame_arrives);
  ADD ("frames/deep-nesting-is-dropped", test_frames_deep_nesting_is_dropped);
  ADD ("frames/deep-answer-fails-the-call", test_frames_deep_answer_fails_the_call);
  ADD ("state/resyncs-after-unreadable-patch", test_state_resyncs_after_unreadable_patch);
  ADD ("state/drops-patches-before-snapshot", test_state_drops_patches_before_snapshot);
  ADD ("state/resyncs-when-a-patch-fails", test_state_resyncs_when_patch_fails);
  ADD ("state/applies-zocket-quirks", test_state_applies_zocket_quirks);
  ADD ("reconnect/resubscribes-with-a-gap-marker", test_reconnect_resubscribes_with_gap);
  ADD ("subscriptions/release-after-one-idle", test_subscriptions_release_after_idle);
  ADD ("welcome/sets-client-id", test_welcome_sets_client_id);
  ADD ("actors/same-handle-for-same-actor", test_same_handle_for_same_actor);

  g_test_add_func ("/asc/zocket-client/actors/wrong-scheme-says-what-to-use",
                   test_wrong_scheme_says_what_to_use);
  g_test_add_func ("/asc/zocket-client/actors/release-after-client-is-gone",
                   test_release_after_client_is_gone);

  return g_test_run ();
}
