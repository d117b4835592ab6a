/* test-rivet-live.c: live state and events of Rivet actors against a real
 * RivetKit server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "actorscope.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define SERVER_SCRIPT "servers/rivet/server.mjs"
#define WAIT_MS 20000
/* sleepy's sleep timeout is 2 s; give it room, then watch a while more. */
#define SLEEP_WAIT_MS 15000
#define STAY_ASLEEP_MS 3000

static AscTestNodeServer *server;
/* Kept across a restart of the server, so the actors survive it. */
static char *storage;

typedef struct
{
  AscClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->client = asc_client_new (asc_test_node_server_get_url (server),
                                    ASC_CLIENT_KIND_RIVET, &error);
  g_assert_no_error (error);
  asc_client_set_call_timeout (fixture->client, 15000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  asc_client_close (fixture->client);
  asc_test_drain ();
  g_assert_finalize_object (fixture->client);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static JsonNode *
call_ok (AscActor   *actor,
         const char *method,
         const char *args_json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) args = asc_test_json_parse (args_json);
  g_autoptr(GError) error = NULL;
  JsonNode *output;

  asc_actor_call_async (actor, method, args, NULL, store_cb, &result);
  if (!asc_test_wait_until (result_ready, &result, WAIT_MS))
    g_error ("no answer within %d ms", WAIT_MS);
  output = asc_actor_call_finish (actor, result, &error);
  g_assert_no_error (error);
  return output;
}

static gint64
increment (AscActor *actor,
           gint64    amount)
{
  g_autofree char *args = g_strdup_printf ("[%" G_GINT64_FORMAT "]", amount);
  g_autoptr(JsonNode) output = call_ok (actor, "increment", args);

  return json_node_get_int (output);
}

/* The mirrored count, or -1 before the first snapshot. */
static gint64
mirrored_count (AscActor *actor)
{
  JsonNode *document = asc_state_store_get_document (asc_actor_get_state_store (actor));
  JsonObject *object;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    return -1;
  object = json_node_get_object (document);
  if (!json_object_has_member (object, "count"))
    return -1;
  return json_object_get_int_member (object, "count");
}

typedef struct
{
  AscActor *actor;
  gint64    count;
} CountWait;

static gboolean
has_snapshot (gpointer user_data)
{
  return mirrored_count (user_data) >= 0;
}

static gboolean
has_document (gpointer user_data)
{
  return asc_state_store_get_document (asc_actor_get_state_store (user_data)) != NULL;
}

static gboolean
count_is (gpointer user_data)
{
  CountWait *wait = user_data;

  return mirrored_count (wait->actor) == wait->count;
}

static void
assert_count_becomes (AscActor *actor,
                      gint64    count)
{
  CountWait wait = { actor, count };

  if (!asc_test_wait_until (count_is, &wait, WAIT_MS))
    g_error ("the mirror shows %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
             mirrored_count (actor), count);
}

static guint
count_log (AscActor     *actor,
           AscEventKind  kind,
           const char   *text)
{
  GListModel *log = G_LIST_MODEL (asc_actor_get_event_log (actor));
  guint count = 0;

  asc_event_log_flush (asc_actor_get_event_log (actor));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      count += asc_event_get_kind (event) == kind &&
               (text == NULL || g_strcmp0 (asc_event_get_text (event), text) == 0);
    }

  return count;
}

static void
assert_no_errors (AscActor *actor)
{
  g_assert_cmpuint (count_log (actor, ASC_EVENT_KIND_ERROR, NULL), ==, 0);
}

static void
test_state_follows_increments (Fixture       *fixture,
                               gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "live-state");
  g_autoptr(AscClient) other_client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh_text = NULL;
  AscActor *fresh;
  gint64 count = 0;

  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (has_snapshot, actor, WAIT_MS));
  g_assert_cmpint (asc_actor_get_status (actor), ==, ASC_ACTOR_STATUS_AWAKE);

  count = increment (actor, 5);
  assert_count_becomes (actor, count);

  for (guint i = 0; i < 20; i++)
    count = increment (actor, g_test_rand_int_range (-50, 100));
  assert_count_becomes (actor, count);

  /* A fresh watch, from another client, sees the same document. */
  other_client = asc_client_new (asc_test_node_server_get_url (server),
                                 ASC_CLIENT_KIND_RIVET, &error);
  g_assert_no_error (error);
  fresh = asc_client_get_actor (other_client, "counter", "live-state");
  asc_actor_watch_state (fresh);
  assert_count_becomes (fresh, count);
  fresh_text = json_to_string (asc_state_store_get_document (asc_actor_get_state_store (fresh)),
                               FALSE);
  asc_test_assert_json_eq (asc_state_store_get_document (asc_actor_get_state_store (actor)),
                           fresh_text);
  assert_no_errors (actor);
  assert_no_errors (fresh);

  asc_actor_unwatch_state (fresh);
  asc_actor_unwatch_state (actor);
  asc_client_close (other_client);
  asc_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&other_client));
}

typedef struct
{
  GPtrArray *args;   /* JsonNode */
} Events;

static void
event_cb (AscActor   *actor,
          const char *name,
          JsonNode   *payload,
          gpointer    user_data)
{
  Events *events = user_data;

  g_assert_cmpstr (name, ==, "newCount");
  g_ptr_array_add (events->args, json_node_copy (payload));
}

static gboolean
connected (gpointer user_data)
{
  return count_log (user_data, ASC_EVENT_KIND_CONNECTION, "Connected") > 0;
}

typedef struct
{
  Events *events;
  guint   n;
} EventsWait;

static gboolean
has_events (gpointer user_data)
{
  EventsWait *wait = user_data;

  return wait->events->args->len >= wait->n;
}

static void
test_events_arrive_with_args (Fixture       *fixture,
                              gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "live-events");
  const char * const names[] = { "newCount", NULL };
  Events events = { g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref) };
  EventsWait wait = { &events, 1 };
  gint64 expected[3];
  gulong handler;

  handler = g_signal_connect (actor, "event", G_CALLBACK (event_cb), &events);
  asc_rivet_actor_set_event_names (ASC_RIVET_ACTOR (actor), names);
  asc_actor_subscribe_events (actor);
  g_assert_true (asc_test_wait_until (connected, actor, WAIT_MS));

  /* The subscription travels on another socket than the HTTP calls: call
   * until the first event shows that it took effect. */
  for (guint i = 0; i < 20 && events.args->len == 0; i++)
    {
      increment (actor, 1);
      asc_test_wait_until (has_events, &wait, 500);
    }
  g_assert_cmpuint (events.args->len, >, 0);
  g_ptr_array_set_size (events.args, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    expected[i] = increment (actor, i + 2);
  wait.n = G_N_ELEMENTS (expected);
  g_assert_true (asc_test_wait_until (has_events, &wait, WAIT_MS));
  g_assert_cmpuint (events.args->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = g_strdup_printf ("[%" G_GINT64_FORMAT "]", expected[i]);

      asc_test_assert_json_eq (events.args->pdata[i], text);
    }
  assert_no_errors (actor);

  asc_actor_unsubscribe_events (actor);
  g_signal_handler_disconnect (actor, handler);
  g_ptr_array_unref (events.args);
}

static gboolean
refused (gpointer user_data)
{
  GListModel *log = G_LIST_MODEL (asc_actor_get_event_log (user_data));

  asc_event_log_flush (asc_actor_get_event_log (user_data));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      if (asc_event_get_kind (event) == ASC_EVENT_KIND_ERROR &&
          strstr (asc_event_get_text (event), "bad token") != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_refused_connection_is_logged (Fixture       *fixture,
                                   gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "secureCounter", "live-refused");

  asc_actor_subscribe_events (actor);
  g_assert_true (asc_test_wait_until (refused, actor, WAIT_MS));
  asc_actor_unsubscribe_events (actor);
}

static gboolean
is_sleeping (gpointer user_data)
{
  return asc_actor_get_status (user_data) == ASC_ACTOR_STATUS_SLEEPING;
}

static gboolean
never (gpointer user_data)
{
  return FALSE;
}

static gboolean
watching_twice (gpointer user_data)
{
  AscActor *actor = user_data;

  return count_log (actor, ASC_EVENT_KIND_CONNECTION,
                    "Watching the state through the Rivet inspector") == 2 &&
         asc_actor_get_status (actor) == ASC_ACTOR_STATUS_AWAKE;
}

static void
test_sleeping_actor_stays_asleep (Fixture       *fixture,
                                  gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "sleepy", "live-sleep");
  const char *watching = "Watching the state through the Rivet inspector";

  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (has_document, actor, WAIT_MS));
  g_assert_cmpint (asc_actor_get_status (actor), ==, ASC_ACTOR_STATUS_AWAKE);

  g_assert_true (asc_test_wait_until (is_sleeping, actor, SLEEP_WAIT_MS));
  g_assert_cmpuint (count_log (actor, ASC_EVENT_KIND_CONNECTION, watching), ==, 1);

  /* Nothing reopens the inspector, which would wake the actor. */
  g_assert_false (asc_test_wait_until (never, NULL, STAY_ASLEEP_MS));
  g_assert_cmpint (asc_actor_get_status (actor), ==, ASC_ACTOR_STATUS_SLEEPING);
  g_assert_cmpuint (count_log (actor, ASC_EVENT_KIND_CONNECTION, watching), ==, 1);
  assert_no_errors (actor);

  /* Asking for a resync wakes it. */
  asc_actor_resync_state (actor);
  g_assert_true (asc_test_wait_until (watching_twice, actor, WAIT_MS));

  asc_actor_unwatch_state (actor);
}

static JsonNode *
read_state (AscActor *actor)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *state;

  asc_rivet_actor_read_state_async (ASC_RIVET_ACTOR (actor), NULL, store_cb, &result);
  g_assert_true (asc_test_wait_until (result_ready, &result, WAIT_MS));
  state = asc_rivet_actor_read_state_finish (ASC_RIVET_ACTOR (actor), result, &error);
  g_assert_no_error (error);
  return state;
}

typedef struct
{
  AscActor *actor;
  JsonNode *expected;
} MirrorWait;

static gboolean
mirror_equals (gpointer user_data)
{
  MirrorWait *wait = user_data;
  JsonNode *document = asc_state_store_get_document (asc_actor_get_state_store (wait->actor));

  return document != NULL && asc_json_equal (document, wait->expected);
}

/* After many random changes of a structured state, the mirror built from
 * the inspector's pushes equals the state the HTTP inspector reads. */
static void
test_mirror_equals_inspector_after_random_actions (Fixture       *fixture,
                                                   gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "chatRoom", "live-random");
  const char *users[] = { "ada", "grace", "edsger" };
  g_autoptr(JsonNode) state = NULL;
  MirrorWait wait = { actor };

  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (has_document, actor, WAIT_MS));

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(JsonNode) output = NULL;
      g_autofree char *args = NULL;

      if (g_test_rand_int_range (0, 12) == 0)
        output = call_ok (actor, "clear", "[]");
      else
        {
          args = g_strdup_printf ("[\"%s\",\"message %u: %.*s\"]",
                                  users[g_test_rand_int_range (0, 3)], i,
                                  g_test_rand_int_range (0, 24), "~1 a/b ~0 tilde, and more");
          output = call_ok (actor, "sendMessage", args);
        }
    }

  state = read_state (actor);
  wait.expected = state;
  g_assert_true (asc_test_wait_until (mirror_equals, &wait, WAIT_MS));
  g_assert_false (asc_state_store_get_out_of_sync (asc_actor_get_state_store (actor)));
  assert_no_errors (actor);
  asc_actor_unwatch_state (actor);
}

/* A written state really replaces the actor's: its own actions see it, and
 * the mirror follows. */
static void
test_written_state_replaces_the_actors (Fixture       *fixture,
                                        gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "live-write");
  g_autoptr(JsonNode) state = asc_test_json_parse ("{\"count\":42}");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) count = NULL;

  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (has_snapshot, actor, WAIT_MS));
  g_assert_cmpint (increment (actor, 3), ==, 3);

  asc_rivet_actor_write_state_async (ASC_RIVET_ACTOR (actor), state, NULL, store_cb, &result);
  g_assert_true (asc_test_wait_until (result_ready, &result, WAIT_MS));
  g_assert_true (asc_rivet_actor_write_state_finish (ASC_RIVET_ACTOR (actor), result, &error));
  g_assert_no_error (error);

  assert_count_becomes (actor, 42);
  count = call_ok (actor, "getCount", "[]");
  g_assert_cmpint (json_node_get_int (count), ==, 42);
  g_assert_cmpint (increment (actor, 1), ==, 43);
  assert_count_becomes (actor, 43);
  asc_actor_unwatch_state (actor);
}

typedef struct
{
  AscActor     *actor;
  GAsyncResult *result;
} PendingCall;

static gboolean
all_answered (gpointer user_data)
{
  PendingCall *calls = user_data;

  for (guint i = 0; calls[i].actor != NULL; i++)
    if (calls[i].result == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
connection_closed (gpointer user_data)
{
  GListModel *log = G_LIST_MODEL (asc_actor_get_event_log (user_data));

  asc_event_log_flush (asc_actor_get_event_log (user_data));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      if (g_str_has_prefix (asc_event_get_text (event) ?: "", "The connection was closed"))
        return TRUE;
    }

  return FALSE;
}

static void
server_restart (void)
{
  const char * const args[] = { "--storage", storage, NULL };
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&server, asc_test_node_server_free);
  server = asc_test_node_server_start (SERVER_SCRIPT, args, &error);
  g_assert_no_error (error);
}

/* While events are watched, calls travel on the connection; made while the
 * server restarts, they wait for it and complete, in order, once it is back. */
static void
test_calls_wait_across_a_restart (Fixture       *fixture,
                                  gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "live-restart");
  const char * const names[] = { "newCount", NULL };
  PendingCall calls[4] = { { actor }, { actor }, { actor }, { NULL } };
  g_autoptr(JsonNode) one = asc_test_json_parse ("[1]");
  gint64 first = 0;

  asc_client_set_call_timeout (fixture->client, 90000);
  asc_rivet_actor_set_event_names (ASC_RIVET_ACTOR (actor), names);
  asc_actor_subscribe_events (actor);
  g_assert_true (asc_test_wait_until (connected, actor, WAIT_MS));
  g_assert_cmpint (increment (actor, 5), ==, 5);

  asc_test_node_server_stop (server);
  g_assert_true (asc_test_wait_until (connection_closed, actor, WAIT_MS));

  for (guint i = 0; calls[i].actor != NULL; i++)
    asc_actor_call_async (actor, "increment", one, NULL, store_cb, &calls[i].result);
  /* Nothing can answer them yet. */
  asc_test_drain ();
  g_assert_false (all_answered (calls));

  server_restart ();
  g_assert_true (asc_test_wait_until (all_answered, calls, 60000));
  /* Each ran once, in order. (The count itself may start over: RivetKit
   * saves state now and then, and a stop can lose the last change.) */
  for (guint i = 0; calls[i].actor != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) output = asc_actor_call_finish (actor, calls[i].result, &error);

      g_assert_no_error (error);
      if (i == 0)
        first = json_node_get_int (output);
      g_assert_cmpint (json_node_get_int (output), ==, first + i);
      g_clear_object (&calls[i].result);
    }
  g_assert_cmpint (increment (actor, 0), ==, first + 2);

  asc_actor_unsubscribe_events (actor);
}

/* Over the connection, errors are the ones an HTTP call gets. */
static void
test_connection_call_errors (Fixture       *fixture,
                             gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "live-conn-errors");
  g_autoptr(JsonNode) why = asc_test_json_parse ("[\"on the socket\"]");
  g_autoptr(JsonNode) none = asc_test_json_parse ("[]");
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GAsyncResult) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;
  JsonNode *details;

  asc_actor_subscribe_events (actor);
  g_assert_true (asc_test_wait_until (connected, actor, WAIT_MS));

  asc_actor_call_async (actor, "fail", why, NULL, store_cb, &failed);
  asc_actor_call_async (actor, "nope", none, NULL, store_cb, &unknown);
  g_assert_true (asc_test_wait_until (result_ready, &failed, WAIT_MS));
  g_assert_true (asc_test_wait_until (result_ready, &unknown, WAIT_MS));

  output = asc_actor_call_finish (actor, failed, &error);
  g_assert_null (output);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_nonnull (strstr (error->message, "requested failure: on the socket"));
  details = asc_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (details), "code"), ==,
                   "requested_failure");
  g_clear_error (&error);

  output = asc_actor_call_finish (actor, unknown, &error);
  g_assert_null (output);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_UNKNOWN_ACTION);

  asc_actor_unsubscribe_events (actor);
}

/* Refused connection parameters end the waiting calls with the refusal,
 * not with a timeout. */
static void
test_refused_connection_fails_calls (Fixture       *fixture,
                                     gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "secureCounter", "live-refused-call");
  g_autoptr(JsonNode) none = asc_test_json_parse ("[]");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = NULL;

  asc_actor_subscribe_events (actor);
  asc_actor_call_async (actor, "whoami", none, NULL, store_cb, &result);
  g_assert_true (asc_test_wait_until (result_ready, &result, WAIT_MS));
  output = asc_actor_call_finish (actor, result, &error);
  g_assert_null (output);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "bad token"));
  asc_actor_unsubscribe_events (actor);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  storage = g_dir_make_tmp ("actorscope-rivet-live-XXXXXX", &error);
  g_assert_no_error (error);
  server_restart ();

#define ADD(path, func) \
  g_test_add ("/asc/rivet/live/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("state-follows-increments", test_state_follows_increments);
  ADD ("events-arrive-with-args", test_events_arrive_with_args);
  ADD ("refused-connection-is-logged", test_refused_connection_is_logged);
  ADD ("sleeping-actor-stays-asleep", test_sleeping_actor_stays_asleep);
  ADD ("mirror-equals-inspector-after-random-actions",
       test_mirror_equals_inspector_after_random_actions);
  ADD ("written-state-replaces-the-actors", test_written_state_replaces_the_actors);
  ADD ("connection-call-errors", test_connection_call_errors);
  ADD ("refused-connection-fails-calls", test_refused_connection_fails_calls);
  ADD ("calls-wait-across-a-restart", test_calls_wait_across_a_restart);
#undef ADD

  status = g_test_run ();

  g_clear_pointer (&server, asc_test_node_server_free);
  asc_test_remove_tree (storage);
  g_free (storage);
  return status;
}
