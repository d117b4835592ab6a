/* test-rivet-client.c: AscRivetClient and AscRivetActor against a real
 * RivetKit server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "actorscope.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define SERVER_SCRIPT "servers/rivet/server.mjs"
#define WAIT_MS 20000

static AscTestNodeServer *server;

typedef struct
{
  AscClient *client;
} Fixture;

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

/* A callback must never outlive its slot: no answer is fatal. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  if (!asc_test_wait_until (result_ready, slot, WAIT_MS))
    g_error ("no answer within %d ms", WAIT_MS);
  return *slot;
}

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

static JsonNode *
call (AscActor    *actor,
      const char  *method,
      const char  *args_json,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) args = args_json != NULL ? asc_test_json_parse (args_json) : NULL;

  asc_actor_call_async (actor, method, args, NULL, store_cb, &result);
  return asc_actor_call_finish (actor, wait_for (&result), error);
}

static JsonNode *
call_ok (AscActor   *actor,
         const char *method,
         const char *args_json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *output = call (actor, method, args_json, &error);

  g_assert_no_error (error);
  return output;
}

static AscClientKind
probe (const char  *uri,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  asc_client_probe_kind_async (uri, NULL, store_cb, &result);
  return asc_client_probe_kind_finish (wait_for (&result), error);
}

/* A well-formed id no actor has: one character of a real id changed. */
static char *
missing_id_like (const char *actor_id)
{
  char *id = g_strdup (actor_id);

  g_assert_cmpuint (strlen (id), >, 10);
  id[10] = id[10] == 'z' ? 'y' : 'z';
  return id;
}

static void
test_new_makes_a_rivet_client (void)
{
  const char *url = asc_test_node_server_get_url (server);
  g_autoptr(AscClient) explicit = NULL;
  g_autoptr(AscClient) guessed = NULL;
  g_autoptr(AscClient) wrong = NULL;
  g_autoptr(GError) error = NULL;

  explicit = asc_client_new (url, ASC_CLIENT_KIND_RIVET, &error);
  g_assert_no_error (error);
  g_assert_true (ASC_IS_RIVET_CLIENT (explicit));
  g_assert_cmpint (asc_client_get_kind (explicit), ==, ASC_CLIENT_KIND_RIVET);
  g_assert_cmpstr (asc_rivet_client_get_namespace (ASC_RIVET_CLIENT (explicit)), ==, "default");

  guessed = asc_client_new (url, ASC_CLIENT_KIND_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (ASC_IS_RIVET_CLIENT (guessed));

  wrong = asc_client_new ("ws://127.0.0.1:6420/", ASC_CLIENT_KIND_RIVET, &error);
  g_assert_null (wrong);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
}

static void
not_rivet_cb (SoupServer        *soup_server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
}

static void
test_probe_tells_kinds_apart (void)
{
  g_autoptr(SoupServer) other = soup_server_new (NULL, NULL);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_url = NULL;

  g_assert_cmpint (probe (asc_test_node_server_get_url (server), &error), ==,
                   ASC_CLIENT_KIND_RIVET);
  g_assert_no_error (error);
  g_assert_cmpint (probe ("ws://127.0.0.1:1/", &error), ==, ASC_CLIENT_KIND_ZOCKET);
  g_assert_no_error (error);

  soup_server_add_handler (other, NULL, not_rivet_cb, NULL, NULL);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  soup_server_listen (other, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (other);
  other_url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_assert_cmpint (probe (other_url, &error), ==, ASC_CLIENT_KIND_AUTO);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_clear_error (&error);

  soup_server_disconnect (other);
  g_assert_cmpint (probe (other_url, &error), ==, ASC_CLIENT_KIND_AUTO);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
}

static gboolean
is_connected (gpointer user_data)
{
  return asc_client_get_status (user_data) == ASC_CLIENT_STATUS_CONNECTED;
}

static gboolean
is_reconnecting (gpointer user_data)
{
  return asc_client_get_status (user_data) == ASC_CLIENT_STATUS_RECONNECTING;
}

static void
test_open_checks_health (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AscClient) down = NULL;
  g_autoptr(GError) error = NULL;

  asc_client_open (fixture->client);
  g_assert_true (asc_test_wait_until (is_connected, fixture->client, WAIT_MS));
  g_assert_null (asc_client_get_last_error (fixture->client));
  asc_client_close (fixture->client);
  g_assert_cmpint (asc_client_get_status (fixture->client), ==, ASC_CLIENT_STATUS_DISCONNECTED);

  /* Nothing listens on the discard port of the loopback interface. */
  down = asc_client_new ("http://127.0.0.1:9", ASC_CLIENT_KIND_RIVET, &error);
  g_assert_no_error (error);
  asc_client_open (down);
  g_assert_true (asc_test_wait_until (is_reconnecting, down, WAIT_MS));
  g_assert_error (asc_client_get_last_error (down), ASC_ERROR, ASC_ERROR_CONNECT);
  asc_client_close (down);
}

static guint
count_log_kind (AscActor     *actor,
                AscEventKind  kind)
{
  GListModel *log = G_LIST_MODEL (asc_actor_get_event_log (actor));
  guint count = 0;

  asc_event_log_flush (asc_actor_get_event_log (actor));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      count += asc_event_get_kind (event) == kind;
    }

  return count;
}

static void
test_actor_resolves_lazily (Fixture       *fixture,
                            gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "lazy");
  AscRivetActor *rivet = ASC_RIVET_ACTOR (actor);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *id = NULL;

  g_assert_true (ASC_IS_RIVET_ACTOR (actor));
  g_assert_true (asc_client_get_actor (fixture->client, "counter", "lazy") == actor);
  g_assert_null (asc_rivet_actor_get_actor_id (rivet));

  first = call_ok (actor, "increment", "[2]");
  asc_test_assert_json_eq (first, "2");
  id = g_strdup (asc_rivet_actor_get_actor_id (rivet));
  g_assert_nonnull (id);
  g_assert_cmpint (asc_actor_get_status (actor), ==, ASC_ACTOR_STATUS_AWAKE);

  second = call_ok (actor, "increment", NULL);
  asc_test_assert_json_eq (second, "3");
  g_assert_cmpstr (asc_rivet_actor_get_actor_id (rivet), ==, id);
  g_assert_cmpuint (count_log_kind (actor, ASC_EVENT_KIND_CALL), ==, 2);
  g_assert_cmpuint (count_log_kind (actor, ASC_EVENT_KIND_RESULT), ==, 2);
}

static void
test_void_action_gives_null (Fixture       *fixture,
                             gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "values", "void");
  g_autoptr(JsonNode) nothing = call_ok (actor, "nothing", NULL);
  g_autoptr(JsonNode) cleared = NULL;

  g_assert_true (JSON_NODE_HOLDS_NULL (nothing));
  actor = asc_client_get_actor (fixture->client, "chatRoom", "void");
  cleared = call_ok (actor, "clear", "[]");
  g_assert_true (JSON_NODE_HOLDS_NULL (cleared));
}

static void
test_errors_reach_the_log (Fixture       *fixture,
                           gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "counter", "log-errors");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = call (actor, "fail", "[\"logged\"]", &error);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_cmpuint (count_log_kind (actor, ASC_EVENT_KIND_ERROR), ==, 1);
}

static void
test_connection_params_are_sent (Fixture       *fixture,
                                 gconstpointer  data)
{
  AscActor *actor = asc_client_get_actor (fixture->client, "secureCounter", "client");
  g_autoptr(JsonNode) params = asc_test_json_parse ("{\"token\":\"let-me-in\",\"user\":\"dave\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) refused = call (actor, "whoami", NULL, &error);
  g_autoptr(JsonNode) me = NULL;

  g_assert_error (error, ASC_ERROR, ASC_ERROR_FORBIDDEN);
  asc_client_set_connection_params (fixture->client, params);
  me = call_ok (actor, "whoami", NULL);
  asc_test_assert_json_eq (me, "{\"user\":\"dave\",\"params\":"
                               "{\"token\":\"let-me-in\",\"user\":\"dave\"}}");
}

static char **
list_types (AscRivetClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char **names;

  asc_rivet_client_list_types_async (client, NULL, store_cb, &result);
  names = asc_rivet_client_list_types_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  return names;
}

static GListModel *
list_page (AscRivetClient  *client,
           const char      *type_name,
           const char      *cursor,
           char           **next_cursor)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *page;

  asc_rivet_client_list_actors_async (client, type_name, cursor, NULL, store_cb, &result);
  page = asc_rivet_client_list_actors_finish (client, wait_for (&result), next_cursor, &error);
  g_assert_no_error (error);
  return page;
}

static void
test_lists_types_and_actors (Fixture       *fixture,
                             gconstpointer  data)
{
  AscRivetClient *client = ASC_RIVET_CLIENT (fixture->client);
  g_auto(GStrv) types = list_types (client);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;

  g_assert_true (g_strv_contains ((const char * const *) types, "chatRoom"));

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf ("room-%u", i);
      g_autoptr(JsonNode) history = call_ok (asc_client_get_actor (fixture->client, "chatRoom",
                                                                   key),
                                             "getHistory", NULL);
    }

  asc_rivet_client_set_page_size (client, 2);
  do
    {
      g_autofree char *next = NULL;
      g_autoptr(GListModel) page = list_page (client, "chatRoom", cursor, &next);

      g_assert_cmpuint (g_list_model_get_n_items (page), <=, 2);
      for (guint i = 0; i < g_list_model_get_n_items (page); i++)
        {
          g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (page, i);
          g_autofree char *line = asc_rivet_actor_info_to_json_line (info);

          g_assert_true (g_hash_table_add (keys, g_strdup (asc_rivet_actor_info_get_key (info))));
          g_assert_nonnull (strstr (line, "\"status\":\"awake\""));
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
    }
  while (cursor != NULL);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf ("room-%u", i);

      g_assert_true (g_hash_table_contains (keys, key));
    }
}

static AscActor *
create_actor (AscRivetClient  *client,
              const char      *type_name,
              const char      *key,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  asc_rivet_client_create_actor_async (client, type_name, key, NULL, NULL, store_cb, &result);
  return asc_rivet_client_create_actor_finish (client, wait_for (&result), error);
}

static void
destroy_actor (AscRivetClient *client,
               const char     *actor_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  asc_rivet_client_destroy_actor_async (client, actor_id, NULL, store_cb, &result);
  g_assert_true (asc_rivet_client_destroy_actor_finish (client, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_create_and_destroy (Fixture       *fixture,
                         gconstpointer  data)
{
  AscRivetClient *client = ASC_RIVET_CLIENT (fixture->client);
  g_autoptr(AscActor) created = NULL;
  g_autoptr(AscActor) duplicate = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;

  created = create_actor (client, "counter", "phoenix", &error);
  g_assert_no_error (error);
  g_assert_true (created == asc_client_get_actor (fixture->client, "counter", "phoenix"));
  first_id = g_strdup (asc_rivet_actor_get_actor_id (ASC_RIVET_ACTOR (created)));
  g_assert_nonnull (first_id);

  duplicate = create_actor (client, "counter", "phoenix", &error);
  g_assert_null (duplicate);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_clear_error (&error);

  destroy_actor (client, first_id);
  g_assert_cmpint (asc_actor_get_status (created), ==, ASC_ACTOR_STATUS_DESTROYED);

  /* The handle stands for its key: calling it creates the actor anew. */
  again = call_ok (created, "getCount", NULL);
  asc_test_assert_json_eq (again, "0");
  g_assert_cmpstr (asc_rivet_actor_get_actor_id (ASC_RIVET_ACTOR (created)), !=, first_id);
  g_assert_cmpint (asc_actor_get_status (created), ==, ASC_ACTOR_STATUS_AWAKE);
}

static void
test_get_actor_for_id (Fixture       *fixture,
                       gconstpointer  data)
{
  AscRivetClient *client = ASC_RIVET_CLIENT (fixture->client);
  g_autoptr(AscClient) other_client = NULL;
  g_autoptr(AscActor) found = NULL;
  g_autoptr(AscActor) missing = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) missing_result = NULL;
  g_autofree char *missing_id = NULL;
  g_autoptr(GError) error = NULL;
  AscActor *actor = asc_client_get_actor (fixture->client, "chatRoom", "by-id");
  g_autoptr(JsonNode) history = call_ok (actor, "getHistory", NULL);
  const char *id = asc_rivet_actor_get_actor_id (ASC_RIVET_ACTOR (actor));

  other_client = asc_client_new (asc_test_node_server_get_url (server),
                                 ASC_CLIENT_KIND_RIVET, &error);
  asc_rivet_client_get_actor_for_id_async (ASC_RIVET_CLIENT (other_client), id, NULL,
                                           store_cb, &result);
  found = asc_rivet_client_get_actor_for_id_finish (ASC_RIVET_CLIENT (other_client),
                                                    wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (asc_actor_get_type_name (found), ==, "chatRoom");
  g_assert_cmpstr (asc_actor_get_key (found), ==, "by-id");
  g_assert_true (found == asc_client_get_actor (other_client, "chatRoom", "by-id"));
  g_assert_cmpstr (asc_rivet_actor_get_actor_id (ASC_RIVET_ACTOR (found)), ==, id);

  missing_id = missing_id_like (id);
  asc_rivet_client_get_actor_for_id_async (client, missing_id, NULL, store_cb, &missing_result);
  missing = asc_rivet_client_get_actor_for_id_finish (client, wait_for (&missing_result), &error);
  g_assert_null (missing);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_NOT_FOUND);

  /* The result holds its task, and the task its client. */
  g_clear_object (&found);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&other_client));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = asc_test_node_server_start (SERVER_SCRIPT, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/asc/rivet/client/new-makes-a-rivet-client", test_new_makes_a_rivet_client);
  g_test_add_func ("/asc/rivet/client/probe-tells-kinds-apart", test_probe_tells_kinds_apart);
#define ADD(path, func) \
  g_test_add ("/asc/rivet/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open-checks-health", test_open_checks_health);
  ADD ("actor-resolves-lazily", test_actor_resolves_lazily);
  ADD ("void-action-gives-null", test_void_action_gives_null);
  ADD ("errors-reach-the-log", test_errors_reach_the_log);
  ADD ("connection-params-are-sent", test_connection_params_are_sent);
  ADD ("lists-types-and-actors", test_lists_types_and_actors);
  ADD ("create-and-destroy", test_create_and_destroy);
  ADD ("get-actor-for-id", test_get_actor_for_id);
#undef ADD

  status = g_test_run ();

  asc_test_node_server_free (server);
  return status;
}
