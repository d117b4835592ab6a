/* test-zocket-live.c: the Zocket client against the reference server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define SERVER_SCRIPT "servers/zocket/server.mjs"

typedef struct
{
  AscTestNodeServer *server;
  AscClient         *client;
} Fixture;

typedef struct
{
  gboolean  done;
  JsonNode *result;
  GError   *error;
  guint     order;
} Outcome;

static guint completions;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->result, json_node_unref);
  g_clear_error (&outcome->error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = asc_test_node_server_start (SERVER_SCRIPT, NULL, &error);
  g_assert_no_error (error);
  fixture->client = asc_client_new (asc_test_node_server_get_url (fixture->server),
                                    ASC_CLIENT_KIND_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (asc_client_get_kind (fixture->client), ==, ASC_CLIENT_KIND_ZOCKET);
  asc_client_set_call_timeout (fixture->client, 8000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  asc_client_close (fixture->client);
  asc_test_drain ();
  g_assert_finalize_object (fixture->client);
  g_clear_pointer (&fixture->server, asc_test_node_server_free);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = asc_actor_call_finish (ASC_ACTOR (object), result, &outcome->error);
  outcome->order = ++completions;
  outcome->done = TRUE;
}

static void
call_start (AscActor   *actor,
            const char *method,
            const char *input_json,
            Outcome    *outcome)
{
  g_autoptr(JsonNode) input = input_json != NULL ? asc_test_json_parse (input_json) : NULL;

  asc_actor_call_async (actor, method, input, NULL, call_done_cb, outcome);
}

static gboolean
outcome_done (gpointer user_data)
{
  return ((Outcome *) user_data)->done;
}

/* Calls and waits; returns the result (transfer full) or sets @error. */
static JsonNode *
call_sync (AscActor    *actor,
           const char  *method,
           const char  *input_json,
           GError     **error)
{
  Outcome outcome = { 0 };

  call_start (actor, method, input_json, &outcome);
  g_assert_true (asc_test_wait_until (outcome_done, &outcome, 10000));
  if (outcome.error != NULL)
    g_propagate_error (error, g_steal_pointer (&outcome.error));
  return g_steal_pointer (&outcome.result);
}

static JsonNode *
call_ok (AscActor   *actor,
         const char *method,
         const char *input_json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *result = call_sync (actor, method, input_json, &error);

  g_assert_no_error (error);
  return result;
}

static gboolean
store_has_document (gpointer user_data)
{
  return asc_state_store_get_document (user_data) != NULL;
}

static void
watch_and_wait (AscActor *actor)
{
  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (store_has_document, asc_actor_get_state_store (actor), 8000));
}

static void
assert_mirror_matches_server (AscActor *actor)
{
  g_autoptr(JsonNode) server_state = call_ok (actor, "get", NULL);
  JsonNode *mirror = asc_state_store_get_document (asc_actor_get_state_store (actor));

  /* Patches come before the result, so the mirror is current now. */
  if (!json_node_equal (mirror, server_state))
    {
      g_autofree char *a = json_to_string (mirror, FALSE);
      g_autofree char *b = json_to_string (server_state, FALSE);

      g_error ("mirror %s differs from server %s", a, b);
    }
}

static void
test_patches_land_before_the_result (Fixture       *fixture,
                                     gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "order");
  AscStateStore *store = asc_actor_get_state_store (actor);
  g_autoptr(JsonNode) result = NULL;

  watch_and_wait (actor);
  result = call_ok (actor, "increment", NULL);

  g_assert_cmpint (json_node_get_int (result), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (asc_state_store_get_document (store)),
                                               "count"), ==, 1);
  asc_actor_unwatch_state (actor);
}

static void
test_mirror_follows_array_and_key_quirks (Fixture       *fixture,
                                          gconstpointer  data)
{
  static const struct {
    const char *method;
    const char *input;
  } steps[] = {
    { "push", "{\"value\":\"a\"}" },
    { "push", "{\"value\":\"b\"}" },
    { "unshift", "{\"value\":\"z\"}" },
    { "insertAt", "{\"index\":1,\"value\":\"y\"}" },
    { "splice", "{\"start\":1,\"deleteCount\":2}" },
    { "push", "{\"value\":\"c\"}" },
    { "clearItems", NULL },
    { "setItems", "{\"items\":[\"p\",\"q\"]}" },
    { "setKey", "{\"key\":\"a/b\",\"value\":1}" },
    { "setKey", "{\"key\":\"m~n\",\"value\":2}" },
    { "setKey", "{\"key\":\"a/b~c\",\"value\":3}" },
    { "setKey", "{\"key\":\"\",\"value\":4}" },
    { "setKey", "{\"key\":\"a/b\",\"value\":{\"deep\":[1,2]}}" },
    { "deleteKey", "{\"key\":\"m~n\"}" },
    { "setMaybe", "{\"value\":5}" },
    { "unsetMaybe", NULL },
    { "setNested", "{\"a\":9}" },
  };
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "quirks");

  watch_and_wait (actor);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(JsonNode) result = call_ok (actor, steps[i].method, steps[i].input);

      assert_mirror_matches_server (actor);
    }

  g_assert_cmpuint (asc_actor_get_n_resyncs (actor), ==, 0);
  g_assert_false (asc_state_store_get_out_of_sync (asc_actor_get_state_store (actor)));
  asc_actor_unwatch_state (actor);
}

static gboolean
online_has_two (gpointer user_data)
{
  JsonNode *document = asc_state_store_get_document (user_data);

  return document != NULL &&
         json_array_get_length (json_object_get_array_member (json_node_get_object (document),
                                                              "online")) == 2;
}

/* The second subscriber of an idle presence instance gets its own join as a
 * patch before the snapshot that already holds it. */
static void
test_presence_patch_before_snapshot (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AscClient) other = asc_client_new (asc_test_node_server_get_url (fixture->server),
                                               ASC_CLIENT_KIND_ZOCKET, &error);
  AscActor *first = asc_client_get_actor (other, "presence", "room");
  AscActor *second = asc_client_get_actor (fixture->client, "presence", "room");
  AscStateStore *store = asc_actor_get_state_store (second);
  g_autoptr(JsonNode) who = NULL;

  g_assert_no_error (error);
  watch_and_wait (first);
  watch_and_wait (second);
  g_assert_true (asc_test_wait_until (online_has_two, store, 5000));

  who = call_ok (second, "who", NULL);
  g_assert_true (json_node_equal (who, json_object_get_member (json_node_get_object (asc_state_store_get_document (store)),
                                                               "online")));
  g_assert_cmpuint (asc_actor_get_n_resyncs (second), ==, 0);

  asc_actor_unwatch_state (first);
  asc_client_close (other);
}

static void
test_errors_map_to_codes (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct {
    const char *actor;
    const char *method;
    const char *input;
    AscError    code;
    const char *message;
  } cases[] = {
    { "counter", "doesNotExist", NULL, ASC_ERROR_UNKNOWN_ACTION, "Unknown method: doesNotExist" },
    { "nosuchactor", "foo", NULL, ASC_ERROR_UNKNOWN_ACTION, "Unknown actor: nosuchactor" },
    { "guarded", "secret", "{\"n\":1}", ASC_ERROR_FORBIDDEN, "Forbidden" },
    { "counter", "failEmpty", NULL, ASC_ERROR_REMOTE, "The server reported an error without a message" },
    { "counter", "failOdd", NULL, ASC_ERROR_REMOTE, "Unknown error" },
    { "counter", "fail", "{\"message\":\"boom\"}", ASC_ERROR_REMOTE, "boom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AscActor *actor = asc_client_get_actor (fixture->client, cases[i].actor, "errors");
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) result = call_sync (actor, cases[i].method, cases[i].input, &error);

      g_assert_null (result);
      g_assert_error (error, ASC_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_validation_issues_name_paths (Fixture       *fixture,
                                   gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "validation");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = call_sync (actor, "add", "{\"amount\":\"five\"}", &error);
  JsonObject *issue;

  g_assert_null (result);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_assert_nonnull (asc_error_get_details (error));
  issue = json_array_get_object_element (json_node_get_array (asc_error_get_details (error)), 0);
  g_assert_cmpstr (json_object_get_string_member (issue, "path"), ==, "/amount");
  g_assert_nonnull (strstr (json_object_get_string_member (issue, "message"), "expected number"));
  g_assert_true (g_str_has_prefix (error->message, "Invalid input for “add”: /amount: "));
}

static void
test_thrown_call_changes_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "thrown");
  AscStateStore *store = asc_actor_get_state_store (actor);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) result = NULL;
  guint history;

  watch_and_wait (actor);
  before = json_node_copy (asc_state_store_get_document (store));
  history = g_list_model_get_n_items (asc_state_store_get_history (store));
  result = call_sync (actor, "fail", "{\"message\":\"no\"}", &error);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_true (json_node_equal (before, asc_state_store_get_document (store)));
  g_assert_cmpuint (g_list_model_get_n_items (asc_state_store_get_history (store)), ==, history);
  asc_actor_unwatch_state (actor);
}

static void
test_results_from_instances_interleave (Fixture       *fixture,
                                        gconstpointer  data)
{
  AscActor *slow = asc_client_get_actor (fixture->client, "slow", "a");
  AscActor *fast = asc_client_get_actor (fixture->client, "slow", "b");
  Outcome slow_outcome = { 0 }, fast_outcome = { 0 };

  call_start (slow, "wait", "{\"ms\":400,\"value\":\"slow\"}", &slow_outcome);
  call_start (fast, "ping", NULL, &fast_outcome);
  g_assert_true (asc_test_wait_until (outcome_done, &slow_outcome, 8000));
  g_assert_true (fast_outcome.done);

  g_assert_no_error (slow_outcome.error);
  g_assert_no_error (fast_outcome.error);
  g_assert_cmpuint (fast_outcome.order, <, slow_outcome.order);
  asc_test_assert_json_eq (fast_outcome.result, "\"pong\"");
  asc_test_assert_json_eq (slow_outcome.result, "\"slow\"");
  outcome_clear (&slow_outcome);
  outcome_clear (&fast_outcome);
}

typedef struct
{
  AscActor *actor;
  guint     count;
  GPtrArray *names;
} Events;

static void
event_cb (AscActor   *actor,
          const char *name,
          JsonNode   *payload,
          Events     *events)
{
  g_ptr_array_add (events->names, g_strdup (name));
}

static gboolean
has_events (gpointer user_data)
{
  Events *events = user_data;

  return events->names->len >= events->count;
}

static void
test_events_arrive_filtered_by_schema (Fixture       *fixture,
                                       gconstpointer  data)
{
  AscActor *chat = asc_client_get_actor (fixture->client, "chat", "lobby");
  Events events = { chat, 2, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(JsonNode) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;

  g_signal_connect (chat, "event", G_CALLBACK (event_cb), &events);
  asc_actor_subscribe_events (chat);
  /* event:sub has no ack; a call on the same instance is queued behind it */
  r1 = call_ok (chat, "send", "{\"text\":\"hi\"}");
  r2 = call_ok (chat, "sendInvalid", NULL);
  r3 = call_ok (chat, "sendUndeclared", NULL);
  r4 = call_ok (chat, "sendAnonymous", "{\"text\":\"anon\"}");
  g_assert_true (asc_test_wait_until (has_events, &events, 5000));

  g_assert_cmpuint (events.names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (events.names, 0), ==, "message");
  g_assert_cmpstr (g_ptr_array_index (events.names, 1), ==, "message");
  g_signal_handlers_disconnect_by_data (chat, &events);
  asc_actor_unsubscribe_events (chat);
  g_ptr_array_unref (events.names);
}

static gboolean
log_has_gap (gpointer user_data)
{
  GListModel *log = user_data;

  asc_event_log_flush (ASC_EVENT_LOG (log));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      if (asc_event_get_kind (event) == ASC_EVENT_KIND_GAP)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  AscStateStore *store;
  gint64         count;
} CountIs;

static gboolean
count_is (gpointer user_data)
{
  CountIs *check = user_data;
  JsonNode *document = asc_state_store_get_document (check->store);

  return document != NULL && !asc_state_store_get_out_of_sync (check->store) &&
         json_object_get_int_member (json_node_get_object (document), "count") == check->count;
}

/* Killed mid-call, restarted on the same port with other state: the call
 * fails with CLOSED, and the mirror follows the new server, gap marked. */
static void
test_server_restart_restores_mirror (Fixture       *fixture,
                                     gconstpointer  data)
{
  AscActor *counter = asc_client_get_actor (fixture->client, "counter", "restart");
  AscActor *slow = asc_client_get_actor (fixture->client, "slow", "restart");
  g_autoptr(GUri) uri = g_uri_parse (asc_test_node_server_get_url (fixture->server),
                                     G_URI_FLAGS_NONE, NULL);
  g_autofree char *port = g_strdup_printf ("%d", g_uri_get_port (uri));
  const char *args[] = { "--port", port, "--state-seed", "40", NULL };
  CountIs restored = { asc_actor_get_state_store (counter), 40 };
  Outcome pending = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) r = NULL;

  watch_and_wait (counter);
  asc_actor_subscribe_events (counter);
  r = call_ok (counter, "increment", NULL);
  call_start (slow, "wait", "{\"ms\":10000,\"value\":1}", &pending);

  asc_test_node_server_stop (fixture->server);
  g_assert_true (asc_test_wait_until (outcome_done, &pending, 8000));
  g_assert_error (pending.error, ASC_ERROR, ASC_ERROR_CLOSED);

  g_clear_pointer (&fixture->server, asc_test_node_server_free);
  fixture->server = asc_test_node_server_start (SERVER_SCRIPT, args, &error);
  g_assert_no_error (error);

  g_assert_true (asc_test_wait_until (count_is, &restored, 10000));
  g_assert_true (log_has_gap (G_LIST_MODEL (asc_actor_get_event_log (counter))));
  assert_mirror_matches_server (counter);
  asc_actor_unsubscribe_events (counter);
  asc_actor_unwatch_state (counter);
  outcome_clear (&pending);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/asc/zocket-live/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("state/patches-land-before-the-result", test_patches_land_before_the_result);
  ADD ("state/mirror-follows-array-and-key-quirks", test_mirror_follows_array_and_key_quirks);
  ADD ("state/presence-patch-before-snapshot", test_presence_patch_before_snapshot);
  ADD ("state/thrown-call-changes-nothing", test_thrown_call_changes_nothing);
  ADD ("call/errors-map-to-codes", test_errors_map_to_codes);
  ADD ("call/validation-issues-name-paths", test_validation_issues_name_paths);
  ADD ("call/results-from-instances-interleave", test_results_from_instances_interleave);
  ADD ("events/arrive-filtered-by-schema", test_events_arrive_filtered_by_schema);
  ADD ("reconnect/server-restart-restores-mirror", test_server_restart_restores_mirror);

  return g_test_run ();
}
