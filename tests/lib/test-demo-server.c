/* test-demo-server.c: the demo server, driven by the project's own client
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "actorscope.h"
#include "asc-demo-actor.h"
#include "asc-demo-catalog.h"
#include "asc-demo-server.h"
#include "asc-test-util.h"

/* Fast ticks: the sensors drift every 10 ms, the bot talks every 20. */
#define TICK_MS 10
#define WAIT_MS 5000

typedef struct
{
  AscDemoServer *server;
  AscClient     *client;
} Fixture;

typedef struct
{
  gboolean  done;
  JsonNode *result;
  GError   *error;
} Outcome;

static AscClient *
client_new (AscDemoServer *server)
{
  g_autoptr(GError) error = NULL;
  AscClient *client = asc_client_new (asc_demo_server_get_url (server),
                                      ASC_CLIENT_KIND_ZOCKET, &error);

  g_assert_no_error (error);
  asc_client_set_call_timeout (client, WAIT_MS);
  return client;
}

static void
client_free (AscClient *client)
{
  asc_client_close (client);
  asc_test_drain ();
  g_assert_finalize_object (client);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = asc_demo_server_new ();
  asc_demo_server_set_tick_interval (fixture->server, TICK_MS);
  g_assert_true (asc_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->client = client_new (fixture->server);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Quiet first: a 2 ms tick keeps the main context busy forever. */
  asc_demo_server_set_tick_interval (fixture->server, 60000);
  client_free (g_steal_pointer (&fixture->client));
  asc_demo_server_stop (fixture->server);
  asc_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = asc_actor_call_finish (ASC_ACTOR (object), result, &outcome->error);
  outcome->done = TRUE;
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
  g_autoptr(JsonNode) input = input_json != NULL ? asc_test_json_parse (input_json) : NULL;
  Outcome outcome = { 0 };

  asc_actor_call_async (actor, method, input, NULL, call_done_cb, &outcome);
  g_assert_true (asc_test_wait_until (outcome_done, &outcome, WAIT_MS * 2));
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.result;
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

static void
call_expect (AscActor   *actor,
             const char *method,
             const char *input_json,
             const char *expected_json)
{
  g_autoptr(JsonNode) result = call_ok (actor, method, input_json);

  asc_test_assert_json_eq (result, expected_json);
}

static gboolean
store_has_document (gpointer user_data)
{
  return asc_state_store_get_document (user_data) != NULL;
}

static JsonObject *
watch_and_wait (AscActor *actor)
{
  AscStateStore *store = asc_actor_get_state_store (actor);

  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (store_has_document, store, WAIT_MS));
  return json_node_get_object (asc_state_store_get_document (store));
}

/* Borrowed from the mirror: valid until the next change. */
static JsonObject *
mirror (AscActor *actor)
{
  return json_node_get_object (asc_state_store_get_document (asc_actor_get_state_store (actor)));
}

/* The mirror's value at a JSON pointer, borrowed. */
static JsonNode *
mirror_at (AscActor   *actor,
           const char *pointer)
{
  g_autoptr(GError) error = NULL;
  JsonNode *document = asc_state_store_get_document (asc_actor_get_state_store (actor));
  JsonNode *node = asc_json_pointer_resolve (document, pointer, &error);

  g_assert_no_error (error);
  return node;
}

static const char *
client_id (AscClient *client)
{
  return asc_zocket_client_get_client_id (ASC_ZOCKET_CLIENT (client));
}

typedef struct
{
  GPtrArray *names;
  GPtrArray *payloads;
} Events;

static void
event_cb (AscActor   *actor,
          const char *name,
          JsonNode   *payload,
          Events     *events)
{
  g_ptr_array_add (events->names, g_strdup (name));
  g_ptr_array_add (events->payloads, json_node_copy (payload));
}

static Events *
events_listen (AscActor *actor)
{
  Events *events = g_new0 (Events, 1);

  events->names = g_ptr_array_new_with_free_func (g_free);
  events->payloads = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_signal_connect (actor, "event", G_CALLBACK (event_cb), events);
  asc_actor_subscribe_events (actor);
  return events;
}

static void
events_free (AscActor *actor,
             Events   *events)
{
  g_signal_handlers_disconnect_by_data (actor, events);
  asc_actor_unsubscribe_events (actor);
  g_ptr_array_unref (events->names);
  g_ptr_array_unref (events->payloads);
  g_free (events);
}

/* How many events named @name whose @member equals @value (any when NULL). */
static guint
events_count (Events     *events,
              const char *name,
              const char *member,
              const char *value)
{
  guint count = 0;

  for (guint i = 0; i < events->names->len; i++)
    {
      JsonObject *payload = json_node_get_object (g_ptr_array_index (events->payloads, i));

      if (g_str_equal (g_ptr_array_index (events->names, i), name) &&
          (member == NULL ||
           g_strcmp0 (json_object_get_string_member_with_default (payload, member, NULL),
                      value) == 0))
        count++;
    }

  return count;
}

static void
test_listens_on_a_free_loopback_port (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AscDemoServer) other = asc_demo_server_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;

  g_assert_true (asc_demo_server_get_running (fixture->server));
  uri = g_uri_parse (asc_demo_server_get_url (fixture->server), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "ws");
  g_assert_cmpstr (g_uri_get_host (uri), ==, "127.0.0.1");
  g_assert_cmpstr (g_uri_get_path (uri), ==, "/");
  g_assert_cmpint (g_uri_get_port (uri), >, 0);
  g_assert_true (g_str_has_suffix (asc_demo_server_get_catalog_url (fixture->server),
                                   "/catalog.json"));

  g_assert_true (asc_demo_server_start (other, &error));
  g_assert_cmpstr (asc_demo_server_get_url (other), !=, asc_demo_server_get_url (fixture->server));
  asc_demo_server_stop (other);
  g_assert_false (asc_demo_server_get_running (other));
  g_assert_null (asc_demo_server_get_url (other));
}

static void
test_catalog_lists_the_four_actors (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *json = asc_demo_server_get_catalog_json (fixture->server);
  const char *expected[] = { "chat", "counter", "sensors", "todo", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AscCatalog) catalog = asc_catalog_new_from_data (json, -1, &error);
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  names = asc_catalog_dup_type_names (catalog);
  g_assert_cmpstrv (names, expected);

  for (const AscDemoActorClass * const *k = asc_demo_actor_classes (); *k != NULL; k++)
    {
      JsonObject *actor = asc_catalog_get_actor (catalog, (*k)->name);
      JsonArray *instances = json_object_get_array_member (actor, "instances");

      g_assert_cmpstr (json_array_get_string_element (instances, 0), ==, (*k)->home_instance);
      g_assert_true (json_object_has_member (actor, "state"));
      g_assert_true (json_object_has_member (actor, "events"));
    }
}

/* Compiles @schema; the demo uses no keyword the validator skips. */
static AscSchema *
schema_new (JsonNode *schema)
{
  g_autoptr(GError) error = NULL;
  AscSchema *compiled = asc_schema_new (schema, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (asc_schema_get_unsupported (compiled), ((const char *[]) { NULL }));
  return compiled;
}

static JsonObject *
catalog_actor (JsonNode   *catalog,
               const char *name)
{
  JsonObject *actors = json_object_get_object_member (json_node_get_object (catalog), "actors");

  return json_object_get_object_member (actors, name);
}

/* A catalog schema by JSON pointer, e.g. "/methods/add/input". */
static AscSchema *
catalog_schema (const char *actor,
                const char *pointer)
{
  g_autoptr(JsonNode) catalog = asc_test_json_parse (asc_demo_catalog_get_json ());
  g_autoptr(JsonNode) actor_node = json_node_init_object (json_node_alloc (),
                                                          catalog_actor (catalog, actor));
  g_autoptr(GError) error = NULL;
  JsonNode *schema = asc_json_pointer_resolve (actor_node, pointer, &error);

  g_assert_no_error (error);
  return schema_new (schema);
}

static void
assert_valid (AscSchema *schema,
              JsonNode  *value)
{
  g_autoptr(GError) error = NULL;

  asc_schema_validate_to_error (schema, value, &error);
  g_assert_no_error (error);
}

static void
assert_schemas_compile (JsonObject *map,
                        const char *member)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *entry;

  json_object_iter_init (&iter, map);
  while (json_object_iter_next (&iter, &name, &entry))
    {
      JsonObject *object = json_node_get_object (entry);
      g_autoptr(AscSchema) schema = NULL;

      if (json_object_has_member (object, member))
        schema = schema_new (json_object_get_member (object, member));
    }
}

/* The server runs the methods it knows and validates with the catalog's
 * schemas: both must name the same methods, and every schema compile. */
static void
test_catalog_matches_the_methods (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *json = asc_demo_server_get_catalog_json (fixture->server);
  g_autoptr(JsonNode) catalog = asc_test_json_parse (json);

  for (const AscDemoActorClass * const *k = asc_demo_actor_classes (); *k != NULL; k++)
    {
      JsonObject *actor = catalog_actor (catalog, (*k)->name);
      JsonObject *methods = json_object_get_object_member (actor, "methods");
      g_autoptr(AscSchema) state = schema_new (json_object_get_member (actor, "state"));
      guint n_methods = 0;

      g_test_message ("actor %s", (*k)->name);
      for (const AscDemoMethod *method = (*k)->methods; method->name != NULL; method++, n_methods++)
        g_assert_true (json_object_has_member (methods, method->name));
      g_assert_cmpuint (json_object_get_size (methods), ==, n_methods);

      assert_schemas_compile (methods, "input");
      assert_schemas_compile (json_object_get_object_member (actor, "events"), "payload");
    }
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                              &outcome->error);

  if (body != NULL)
    outcome->result = json_node_init_string (json_node_alloc (),
                                             g_bytes_get_data (body, NULL));
  outcome->done = TRUE;
}

static void
test_catalog_is_served_over_http (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *url = asc_demo_server_get_catalog_url (fixture->server);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  Outcome outcome = { 0 };

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    fetched_cb, &outcome);
  g_assert_true (asc_test_wait_until (outcome_done, &outcome, WAIT_MS));
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  g_assert_cmpstr (json_node_get_string (outcome.result), ==,
                   asc_demo_server_get_catalog_json (fixture->server));
  json_node_unref (outcome.result);
}

typedef struct
{
  AscStateStore *a;
  AscStateStore *b;
} Pair;

static gboolean
mirrors_equal (gpointer user_data)
{
  Pair *pair = user_data;
  JsonNode *a = asc_state_store_get_document (pair->a);
  JsonNode *b = asc_state_store_get_document (pair->b);

  return a != NULL && b != NULL && asc_json_equal (a, b);
}

static gboolean
has_changed_many_times (gpointer user_data)
{
  return g_list_model_get_n_items (asc_state_store_get_history (user_data)) >= 20;
}

/* After a while of patches, each mirror equals what a newcomer's snapshot
 * says: the patches were exact. */
static void
test_mirrors_match_fresh_snapshots (Fixture       *fixture,
                                    gconstpointer  data)
{
  for (const AscDemoActorClass * const *k = asc_demo_actor_classes (); *k != NULL; k++)
    {
      AscActor *actor = asc_client_get_actor (fixture->client, (*k)->name, (*k)->home_instance);
      g_autoptr(AscSchema) state = catalog_schema ((*k)->name, "/state");
      AscClient *other = client_new (fixture->server);
      AscActor *fresh = asc_client_get_actor (other, (*k)->name, (*k)->home_instance);
      Pair pair = { asc_actor_get_state_store (actor), asc_actor_get_state_store (fresh) };

      g_test_message ("actor %s", (*k)->name);
      asc_demo_server_set_tick_interval (fixture->server, TICK_MS);
      watch_and_wait (actor);
      if ((*k)->tick != NULL)
        g_assert_true (asc_test_wait_until (has_changed_many_times, pair.a, WAIT_MS));

      /* Paused, so a slow machine cannot keep the two a frame apart. */
      asc_demo_server_set_tick_interval (fixture->server, 60000);
      watch_and_wait (fresh);
      g_assert_true (asc_test_wait_until (mirrors_equal, &pair, WAIT_MS));
      g_assert_false (asc_state_store_get_out_of_sync (pair.a));
      g_assert_cmpuint (asc_actor_get_n_resyncs (actor), ==, 0);
      assert_valid (state, asc_state_store_get_document (pair.a));

      asc_actor_unwatch_state (fresh);
      asc_actor_unwatch_state (actor);
      client_free (other);
    }
}

static void
test_counter_calls (Fixture       *fixture,
                    gconstpointer  data)
{
  AscActor *counter = asc_client_get_actor (fixture->client, "counter", "calls");
  Events *events = events_listen (counter);

  watch_and_wait (counter);
  call_expect (counter, "increment", NULL, "1");
  /* Patches come before the result, so the mirror is current already. */
  g_assert_cmpint (json_object_get_int_member (mirror (counter), "count"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (mirror (counter), "lastChangedBy"), ==,
                   client_id (fixture->client));
  call_expect (counter, "add", "{\"amount\":5}", "6");
  call_expect (counter, "add", "{\"amount\":2.0,\"ignored\":true}", "8");
  call_expect (counter, "reset", NULL, "0");
  g_assert_cmpint (json_object_get_int_member (mirror (counter), "count"), ==, 0);

  /* Events come before the result too. */
  g_assert_cmpuint (events_count (events, "changed", NULL, NULL), ==, 4);
  asc_test_assert_json_eq (g_ptr_array_index (events->payloads, 3), "{\"count\":0}");
  events_free (counter, events);
  asc_actor_unwatch_state (counter);
}

static void
test_chat_send (Fixture       *fixture,
                gconstpointer  data)
{
  AscActor *chat = asc_client_get_actor (fixture->client, "chat", "lobby");
  Events *events = events_listen (chat);
  g_autoptr(JsonNode) sent = NULL;
  JsonArray *messages, *members;
  JsonNode *last;

  /* The bot keeps quiet, so the last message is ours. */
  asc_demo_server_set_tick_interval (fixture->server, 60000);
  watch_and_wait (chat);
  sent = call_ok (chat, "send", "{\"text\":\"hello, lobby\"}");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "text"), ==,
                   "hello, lobby");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "from"), ==,
                   client_id (fixture->client));
  g_assert_cmpuint (events_count (events, "message", "from", client_id (fixture->client)), ==, 1);

  messages = json_node_get_array (mirror_at (chat, "/messages"));
  last = json_array_get_element (messages, json_array_get_length (messages) - 1);
  g_assert_true (asc_json_equal (last, sent));
  members = json_object_get_array_member (mirror (chat), "members");
  g_assert_cmpuint (json_array_get_length (members), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (members, 1), ==, client_id (fixture->client));

  call_expect (chat, "clear", NULL, "null");
  asc_test_assert_json_eq (mirror_at (chat, "/messages"), "[]");
  events_free (chat, events);
  asc_actor_unwatch_state (chat);
}

static void
test_sensors_set_light (Fixture       *fixture,
                        gconstpointer  data)
{
  AscActor *sensors = asc_client_get_actor (fixture->client, "sensors", "board-1");

  watch_and_wait (sensors);
  call_expect (sensors, "setLight", "{\"room\":\"bedroom\",\"on\":true,\"level\":42}",
               "{\"on\":true,\"level\":42}");
  asc_test_assert_json_eq (mirror_at (sensors, "/rooms/bedroom/lights"),
                           "{\"on\":true,\"level\":42}");
  /* Without a level, the level stays. */
  call_expect (sensors, "setLight", "{\"room\":\"bedroom\",\"on\":false}",
               "{\"on\":false,\"level\":42}");
  asc_actor_unwatch_state (sensors);
}

static void
test_todo_add_toggle_remove (Fixture       *fixture,
                             gconstpointer  data)
{
  AscActor *todo = asc_client_get_actor (fixture->client, "todo", "calls");
  Events *events = events_listen (todo);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;

  watch_and_wait (todo);
  call_expect (todo, "add", "{\"title\":\"Write the tests\",\"tags\":[\"work\"]}",
               "{\"id\":4,\"title\":\"Write the tests\",\"done\":false,\"tags\":[\"work\"]}");
  call_expect (todo, "toggle", "{\"id\":4}",
               "{\"id\":4,\"title\":\"Write the tests\",\"done\":true,\"tags\":[\"work\"]}");
  call_expect (todo, "remove", "{\"id\":4}", "null");
  result = call_sync (todo, "toggle", "{\"id\":4}", &error);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_cmpstr (error->message, ==, "No item has the id 4");

  /* Item 1 starts done. */
  call_expect (todo, "clearDone", NULL, "1");
  asc_test_assert_json_eq (json_object_get_member (mirror (todo), "items"),
                           "[{\"id\":2,\"title\":\"Add an item with the “add” action\","
                           "\"done\":false,\"tags\":[\"demo\",\"ui\"]},"
                           "{\"id\":3,\"title\":\"Toggle an item and watch the patch\","
                           "\"done\":false,\"tags\":[\"demo\",\"ui\"]}]");
  g_assert_cmpuint (events_count (events, "added", "title", "Write the tests"), ==, 1);
  g_assert_cmpuint (events_count (events, "removed", NULL, NULL), ==, 2);
  events_free (todo, events);
  asc_actor_unwatch_state (todo);
}

/* The call fails with one issue at @path, and the client parsed it. */
static void
assert_invalid (AscActor   *actor,
                const char *method,
                const char *input,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = call_sync (actor, method, input, &error);
  g_autofree char *prefix = g_strdup_printf ("Invalid input for “%s”: ", method);
  JsonArray *issues;

  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  issues = json_node_get_array (asc_error_get_details (error));
  g_assert_cmpuint (json_array_get_length (issues), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (issues, 0),
                                                  "path"), ==, path);
}

static void
test_bad_input_is_a_validation_error (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const struct {
    const char *actor;
    const char *method;
    const char *input;
    const char *path;
  } cases[] = {
    { "counter", "add", NULL, "" },
    { "counter", "add", "[1]", "" },
    { "counter", "add", "{}", "/amount" },
    { "counter", "add", "{\"amount\":0}", "/amount" },
    { "counter", "add", "{\"amount\":\"five\"}", "/amount" },
    { "counter", "add", "{\"amount\":1.5}", "/amount" },
    { "chat", "send", "{\"text\":\"\"}", "/text" },
    { "chat", "send", "{\"text\":null}", "/text" },
    { "sensors", "setLight", "{\"room\":\"garage\",\"on\":true}", "/room" },
    { "sensors", "setLight", "{\"room\":\"kitchen\",\"on\":true,\"level\":101}", "/level" },
    { "sensors", "setLight", "{\"room\":\"kitchen\"}", "/on" },
    { "todo", "add", "{\"title\":\"x\",\"tags\":\"work\"}", "/tags" },
    { "todo", "add", "{\"title\":\"x\",\"tags\":[\"ok\",3]}", "/tags/1" },
    { "todo", "toggle", "{\"id\":0}", "/id" },
  };
  g_autofree char *long_text = g_strnfill (281, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"text\":\"%s\"}", long_text);
  AscActor *counter = asc_client_get_actor (fixture->client, "counter", "validation");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AscActor *actor = asc_client_get_actor (fixture->client, cases[i].actor, "validation");

      g_test_message ("case %u", i);
      assert_invalid (actor, cases[i].method, cases[i].input, cases[i].path);
    }
  assert_invalid (asc_client_get_actor (fixture->client, "chat", "validation"), "send", too_long,
                  "/text");

  /* Nothing ran. */
  call_expect (counter, "increment", NULL, "1");
}

static void
test_unknown_method_and_actor (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other_error = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) other = NULL;

  result = call_sync (asc_client_get_actor (fixture->client, "counter", "main"), "explode", NULL,
                      &error);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_UNKNOWN_ACTION);
  g_assert_cmpstr (error->message, ==, "Unknown method: explode");

  other = call_sync (asc_client_get_actor (fixture->client, "robot", "r1"), "walk", NULL,
                     &other_error);
  g_assert_error (other_error, ASC_ERROR, ASC_ERROR_UNKNOWN_ACTION);
  g_assert_cmpstr (other_error->message, ==, "Unknown actor: robot");
}

typedef struct
{
  Events *chat;
  Events *sensors;
  Events *counter;
} LivingEvents;

static gboolean
each_actor_spoke (gpointer user_data)
{
  LivingEvents *living = user_data;

  return events_count (living->chat, "message", "from", "ada-bot") >= 2 &&
         events_count (living->sensors, "alert", "room", "kitchen") >= 1 &&
         events_count (living->counter, "changed", NULL, NULL) >= 2;
}

static void
assert_payloads_valid (const char *actor,
                       Events     *events)
{
  for (guint i = 0; i < events->names->len; i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/events/%s/payload",
                                                  (char *) g_ptr_array_index (events->names, i));
      g_autoptr(AscSchema) schema = catalog_schema (actor, pointer);

      assert_valid (schema, g_ptr_array_index (events->payloads, i));
    }
}

static void
test_events_arrive_by_themselves (Fixture       *fixture,
                                  gconstpointer  data)
{
  AscActor *chat = asc_client_get_actor (fixture->client, "chat", "lobby");
  AscActor *sensors = asc_client_get_actor (fixture->client, "sensors", "board-1");
  AscActor *counter = asc_client_get_actor (fixture->client, "counter", "main");
  LivingEvents living = { events_listen (chat), events_listen (sensors), events_listen (counter) };
  JsonObject *alert;

  g_assert_true (asc_test_wait_until (each_actor_spoke, &living, WAIT_MS));
  for (guint i = 0; i < living.sensors->names->len; i++)
    {
      alert = json_node_get_object (g_ptr_array_index (living.sensors->payloads, i));
      g_assert_cmpfloat (json_object_get_double_member (alert, "temperature"), >=, 25.0);
    }

  /* Every payload has the shape the catalog promises. */
  assert_payloads_valid ("chat", living.chat);
  assert_payloads_valid ("sensors", living.sensors);
  assert_payloads_valid ("counter", living.counter);

  events_free (chat, living.chat);
  events_free (sensors, living.sensors);
  events_free (counter, living.counter);
}

static gboolean
bot_talked_a_lot (gpointer user_data)
{
  return events_count (user_data, "message", "from", "ada-bot") >= 60;
}

static void
test_chat_keeps_the_last_fifty (Fixture       *fixture,
                                gconstpointer  data)
{
  AscActor *chat = asc_client_get_actor (fixture->client, "chat", "lobby");
  Events *events = events_listen (chat);
  JsonArray *messages;
  JsonObject *last;

  asc_demo_server_set_tick_interval (fixture->server, 2);
  watch_and_wait (chat);
  g_assert_true (asc_test_wait_until (bot_talked_a_lot, events, WAIT_MS * 2));
  messages = json_object_get_array_member (mirror (chat), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 50);

  /* The mirror has followed every trim. */
  g_assert_false (asc_state_store_get_out_of_sync (asc_actor_get_state_store (chat)));
  last = json_array_get_object_element (messages, 49);
  g_assert_cmpstr (json_object_get_string_member (last, "from"), ==, "ada-bot");
  events_free (chat, events);
  asc_actor_unwatch_state (chat);
}

static void
test_todo_refuses_past_a_hundred (Fixture       *fixture,
                                  gconstpointer  data)
{
  AscActor *todo = asc_client_get_actor (fixture->client, "todo", "full");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) refused = NULL;

  for (guint i = 3; i < 100; i++)
    {
      g_autoptr(JsonNode) item = call_ok (todo, "add", "{\"title\":\"more\"}");
    }

  refused = call_sync (todo, "add", "{\"title\":\"one too many\"}", &error);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_cmpstr (error->message, ==, "The list is full (100 items); remove some first");
}

static gboolean
client_has_status (AscClient       *client,
                   AscClientStatus  status)
{
  return asc_client_get_status (client) == status;
}

static gboolean
client_reconnecting (gpointer user_data)
{
  return client_has_status (user_data, ASC_CLIENT_STATUS_RECONNECTING);
}

static gboolean
client_connected (gpointer user_data)
{
  return client_has_status (user_data, ASC_CLIENT_STATUS_CONNECTED);
}

static gboolean
server_has_no_clients (gpointer user_data)
{
  return asc_demo_server_get_n_clients (user_data) == 0;
}

/* A stop closes every client; a start listens on the same port again with
 * fresh actors, so the clients come back by themselves. */
static void
test_stop_closes_clients_and_start_works_again (Fixture       *fixture,
                                                gconstpointer  data)
{
  AscActor *counter = asc_client_get_actor (fixture->client, "counter", "restart");
  g_autofree char *url = g_strdup (asc_demo_server_get_url (fixture->server));
  g_autoptr(GError) error = NULL;

  watch_and_wait (counter);
  call_expect (counter, "add", "{\"amount\":41}", "41");
  g_assert_cmpuint (asc_demo_server_get_n_clients (fixture->server), ==, 1);

  asc_demo_server_stop (fixture->server);
  g_assert_true (asc_test_wait_until (client_reconnecting, fixture->client, WAIT_MS));
  g_assert_true (server_has_no_clients (fixture->server));

  g_assert_true (asc_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (asc_demo_server_get_url (fixture->server), ==, url);
  g_assert_true (asc_test_wait_until (client_connected, fixture->client, WAIT_MS));

  /* State starts over, as on a restarted Zocket server. */
  call_expect (counter, "increment", NULL, "1");
  g_assert_cmpint (json_object_get_int_member (mirror (counter), "count"), ==, 1);
  asc_actor_unwatch_state (counter);
}

/* A bare WebSocket, to see the frames themselves. */
typedef struct
{
  SoupSession             *session;
  SoupWebsocketConnection *connection;
  GPtrArray               *frames;
} Raw;

static void
raw_message_cb (SoupWebsocketConnection *connection,
                gint                     type,
                GBytes                  *bytes,
                gpointer                 user_data)
{
  Raw *raw = user_data;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (data, length);

  g_ptr_array_add (raw->frames, asc_test_json_parse (text));
}

static void
raw_connected_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Raw *raw = user_data;
  g_autoptr(GError) error = NULL;

  raw->connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  g_signal_connect (raw->connection, "message", G_CALLBACK (raw_message_cb), raw);
}

static gboolean
raw_has_frames (gpointer user_data)
{
  Raw *raw = user_data;

  return raw->frames->len > GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (raw->session), "want"));
}

/* Waits for frame @index (from 0, the welcome) and returns it, borrowed. */
static JsonObject *
raw_frame (Raw   *raw,
           guint  index)
{
  g_object_set_data (G_OBJECT (raw->session), "want", GUINT_TO_POINTER (index));
  g_assert_true (asc_test_wait_until (raw_has_frames, raw, WAIT_MS));
  return json_node_get_object (g_ptr_array_index (raw->frames, index));
}

static Raw *
raw_connect (AscDemoServer *server)
{
  Raw *raw = g_new0 (Raw, 1);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", asc_demo_server_get_url (server));

  raw->session = soup_session_new ();
  raw->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  soup_session_websocket_connect_async (raw->session, message, NULL, NULL, G_PRIORITY_DEFAULT,
                                        NULL, raw_connected_cb, raw);
  g_assert_cmpstr (json_object_get_string_member (raw_frame (raw, 0), "type"), ==, "welcome");
  return raw;
}

/* Frames are written with ' for ", to stay readable. */
static char *
dq (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "'", '"');
  return copy;
}

static void
raw_send (Raw        *raw,
          const char *text)
{
  g_autofree char *frame = dq (text);

  soup_websocket_connection_send_text (raw->connection, frame);
}

static const char *
raw_client_id (Raw *raw)
{
  return json_object_get_string_member (raw_frame (raw, 0), "clientId");
}

static const char *
raw_frame_type (Raw   *raw,
                guint  index)
{
  return json_object_get_string_member (raw_frame (raw, index), "type");
}

static void
raw_free (Raw *raw)
{
  g_signal_handlers_disconnect_by_data (raw->connection, raw);
  if (soup_websocket_connection_get_state (raw->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (raw->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&raw->connection);
  g_clear_object (&raw->session);
  g_ptr_array_unref (raw->frames);
  g_free (raw);
}

static void
assert_frame (JsonObject *frame,
              const char *expected)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), frame);
  g_autofree char *text = dq (expected);

  asc_test_assert_json_eq (node, text);
}

static void
test_raw_junk_is_ignored_and_ids_echo (Fixture       *fixture,
                                       gconstpointer  data)
{
  static const char *junk[] = {
    "not json", "[1,2]", "{'no':'type'}", "{'type':'bogus'}",
    "{'type':'state:sub','actor':'nosuch','actorId':'x'}",
    "{'type':'event:sub','actor':'nosuch','actorId':'x'}",
  };
  Raw *raw = raw_connect (fixture->server);
  g_autofree char *snapshot = NULL;

  g_assert_true (g_str_has_prefix (raw_client_id (raw), "demo_"));
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    raw_send (raw, junk[i]);

  /* Only calls are answered, with the id as sent, or none. */
  raw_send (raw, "{'type':'rpc','id':7,'actor':'counter','actorId':7,'method':'increment'}");
  assert_frame (raw_frame (raw, 1), "{'type':'rpc:result','id':7,'result':1}");
  raw_send (raw, "{'type':'rpc','actor':'counter','actorId':'7','method':'increment'}");
  assert_frame (raw_frame (raw, 2), "{'type':'rpc:result','result':2}");

  /* "7" is the instance 7, whose id is echoed as it came first. */
  raw_send (raw, "{'type':'state:sub','actor':'counter','actorId':'7'}");
  snapshot = g_strdup_printf ("{'type':'state:snapshot','actor':'counter','actorId':7,"
                              "'state':{'count':2,'lastChangedBy':'%s'}}", raw_client_id (raw));
  assert_frame (raw_frame (raw, 3), snapshot);

  raw_send (raw, "{'type':'rpc','id':'u','actor':'nosuch','actorId':'x','method':'m'}");
  assert_frame (raw_frame (raw, 4),
                "{'type':'rpc:result','id':'u','error':'Unknown actor: nosuch'}");

  raw_send (raw, "{'type':'rpc','id':'v','actor':'counter','actorId':'7','method':'add',"
                 "'input':{'amount':'five'}}");
  g_assert_cmpstr (json_object_get_string_member (raw_frame (raw, 5), "error"), ==,
                   "Validation failed for add: [{\"code\":\"invalid_type\",\"path\":[\"amount\"],"
                   "\"message\":\"expected an integer, got a string\"}]");
  raw_free (raw);
}

static void
test_raw_patches_then_events_then_result (Fixture       *fixture,
                                          gconstpointer  data)
{
  Raw *raw = raw_connect (fixture->server);
  g_autoptr(JsonNode) state = NULL;
  JsonNode *patches;

  raw_send (raw, "{'type':'event:sub','actor':'counter','actorId':'order'}");
  raw_send (raw, "{'type':'state:sub','actor':'counter','actorId':'order'}");
  g_assert_cmpstr (raw_frame_type (raw, 1), ==, "state:snapshot");
  state = json_node_copy (json_object_get_member (raw_frame (raw, 1), "state"));

  raw_send (raw, "{'type':'rpc','id':'r1','actor':'counter','actorId':'order',"
                 "'method':'add','input':{'amount':2}}");
  g_assert_cmpstr (raw_frame_type (raw, 2), ==, "state:patch");
  patches = json_object_get_member (raw_frame (raw, 2), "patches");
  g_assert_true (asc_json_patch_apply (&state, patches, NULL));
  asc_test_assert_json_eq (json_object_get_member (json_node_get_object (state), "count"), "2");
  assert_frame (raw_frame (raw, 3), "{'type':'event','actor':'counter','actorId':'order',"
                                   "'event':'changed','payload':{'count':2}}");
  assert_frame (raw_frame (raw, 4), "{'type':'rpc:result','id':'r1','result':2}");
  raw_free (raw);
}

static void
assert_members_patch (JsonObject *frame,
                      const char *op,
                      guint       index,
                      const char *member)
{
  g_autofree char *expected = NULL;

  if (member != NULL)
    expected = g_strdup_printf ("[{'op':'%s','path':'/members/%u','value':'%s'}]",
                                op, index, member);
  else
    expected = g_strdup_printf ("[{'op':'%s','path':'/members/%u'}]", op, index);

  g_assert_cmpstr (json_object_get_string_member (frame, "type"), ==, "state:patch");
  g_strdelimit (expected, "'", '"');
  asc_test_assert_json_eq (json_object_get_member (frame, "patches"), expected);
}

/* Joining runs before the snapshot, so the joiner sees its own join as a
 * patch first, as on Zocket; leaving is a patch to those who stay. */
static void
test_raw_members_join_and_leave (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *sub = "{'type':'state:sub','actor':'chat','actorId':'room'}";
  Raw *first = raw_connect (fixture->server);
  Raw *second = raw_connect (fixture->server);
  JsonObject *snapshot;

  asc_demo_server_set_tick_interval (fixture->server, 60000);
  raw_send (first, sub);
  assert_members_patch (raw_frame (first, 1), "add", 1, raw_client_id (first));
  snapshot = json_object_get_object_member (raw_frame (first, 2), "state");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (snapshot, "members")),
                    ==, 2);

  raw_send (second, sub);
  assert_members_patch (raw_frame (second, 1), "add", 2, raw_client_id (second));
  g_assert_cmpstr (raw_frame_type (second, 2), ==, "state:snapshot");
  assert_members_patch (raw_frame (first, 3), "add", 2, raw_client_id (second));

  raw_free (first);
  assert_members_patch (raw_frame (second, 3), "remove", 1, NULL);
  raw_free (second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/asc/demo-server/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("start/listens-on-a-free-loopback-port", test_listens_on_a_free_loopback_port);
  ADD ("catalog/lists-the-four-actors", test_catalog_lists_the_four_actors);
  ADD ("catalog/matches-the-methods", test_catalog_matches_the_methods);
  ADD ("catalog/is-served-over-http", test_catalog_is_served_over_http);
  ADD ("state/mirrors-match-fresh-snapshots", test_mirrors_match_fresh_snapshots);
  ADD ("call/counter", test_counter_calls);
  ADD ("call/chat-send", test_chat_send);
  ADD ("call/sensors-set-light", test_sensors_set_light);
  ADD ("call/todo-add-toggle-remove", test_todo_add_toggle_remove);
  ADD ("call/bad-input-is-a-validation-error", test_bad_input_is_a_validation_error);
  ADD ("call/unknown-method-and-actor", test_unknown_method_and_actor);
  ADD ("events/arrive-by-themselves", test_events_arrive_by_themselves);
  ADD ("memory/chat-keeps-the-last-fifty", test_chat_keeps_the_last_fifty);
  ADD ("memory/todo-refuses-past-a-hundred", test_todo_refuses_past_a_hundred);
  ADD ("stop/closes-clients-and-start-works-again", test_stop_closes_clients_and_start_works_again);
  ADD ("protocol/junk-is-ignored-and-ids-echo", test_raw_junk_is_ignored_and_ids_echo);
  ADD ("protocol/patches-then-events-then-result", test_raw_patches_then_events_then_result);
  ADD ("protocol/members-join-and-leave", test_raw_members_join_and_leave);

  return g_test_run ();
}
