/* test-rivet-engine.c: the engine API against a real RivetKit server
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
#define ENGINE_TIMEOUT_MS 15000
#define WAIT_MS 20000
#define N_BULK 250
#define BULK_PAGE 20

static AscTestNodeServer *server;
static AscRivetEngine *engine;

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

static JsonNode *
call_action (const char  *actor_id,
             const char  *action,
             const char  *args_json,
             const char  *params_json,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) args = args_json ? asc_test_json_parse (args_json) : NULL;
  g_autoptr(JsonNode) params = params_json ? asc_test_json_parse (params_json) : NULL;

  asc_rivet_engine_call_action_async (engine, actor_id, action, args, params, NULL,
                                      store_cb, &result);
  return asc_rivet_engine_call_action_finish (engine, wait_for (&result), error);
}

static JsonNode *
call_ok (const char *actor_id,
         const char *action,
         const char *args_json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *output = call_action (actor_id, action, args_json, NULL, &error);

  g_assert_no_error (error);
  return output;
}

static AscRivetActorInfo *
get_or_create (const char *name,
               const char *key,
               gboolean   *created)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AscRivetActorInfo *info;

  asc_rivet_engine_get_or_create_actor_async (engine, name, key, NULL, NULL, store_cb, &result);
  info = asc_rivet_engine_get_or_create_actor_finish (engine, wait_for (&result), created,
                                                      &error);
  g_assert_no_error (error);
  return info;
}

static char *
actor_id_for (const char *name,
              const char *key)
{
  g_autoptr(AscRivetActorInfo) info = get_or_create (name, key, NULL);

  return g_strdup (asc_rivet_actor_info_get_id (info));
}

static AscRivetActorInfo *
create (const char  *name,
        const char  *key,
        const char  *input_json,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) input = input_json ? asc_test_json_parse (input_json) : NULL;

  asc_rivet_engine_create_actor_async (engine, name, key, input, NULL, store_cb, &result);
  return asc_rivet_engine_create_actor_finish (engine, wait_for (&result), error);
}

static AscRivetActorInfo *
get_actor (const char  *actor_id,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  asc_rivet_engine_get_actor_async (engine, actor_id, NULL, store_cb, &result);
  return asc_rivet_engine_get_actor_finish (engine, wait_for (&result), error);
}

static GListModel *
list_actors (const char  *name,
             const char  *key,
             guint        limit,
             const char  *cursor,
             char       **next_cursor)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  asc_rivet_engine_list_actors_async (engine, name, key, limit, cursor, FALSE, NULL,
                                      store_cb, &result);
  model = asc_rivet_engine_list_actors_finish (engine, wait_for (&result), next_cursor, &error);
  g_assert_no_error (error);
  return model;
}

static void
destroy (const char *actor_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  asc_rivet_engine_destroy_actor_async (engine, actor_id, NULL, store_cb, &result);
  g_assert_true (asc_rivet_engine_destroy_actor_finish (engine, wait_for (&result), &error));
  g_assert_no_error (error);
}

static const char *
details_string (const GError *error,
                const char   *member)
{
  JsonNode *details = asc_error_get_details (error);

  g_assert_nonnull (details);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (details));
  return json_object_get_string_member_with_default (json_node_get_object (details),
                                                     member, NULL);
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
test_health_and_metadata (void)
{
  g_autoptr(GAsyncResult) health_result = NULL;
  g_autoptr(GAsyncResult) metadata_result = NULL;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(GError) error = NULL;
  const char *version;

  asc_rivet_engine_get_health_async (engine, NULL, store_cb, &health_result);
  asc_rivet_engine_get_metadata_async (engine, NULL, store_cb, &metadata_result);
  health = asc_rivet_engine_get_health_finish (engine, wait_for (&health_result), &error);
  g_assert_no_error (error);
  metadata = asc_rivet_engine_get_metadata_finish (engine, wait_for (&metadata_result), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (json_object_get_string_member (health, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (metadata, "runtime"), ==, "engine");
  version = json_object_get_string_member (metadata, "version");
  g_assert_cmpstr (version, ==, "2.3.19");
  g_assert_cmpuint (asc_rivet_engine_inspector_protocol_version (version), ==, 6);
}

static void
test_lists_types (void)
{
  static const char *expected[] = {
    "bulk", "chatRoom", "counter", "secureCounter", "sleepy", "values",
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  asc_rivet_engine_list_names_async (engine, NULL, store_cb, &result);
  names = asc_rivet_engine_list_names_finish (engine, wait_for (&result), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_strv_contains ((const char * const *) names, expected[i]));
}

static void
test_get_or_create_is_idempotent (void)
{
  g_autoptr(AscRivetActorInfo) first = NULL;
  g_autoptr(AscRivetActorInfo) second = NULL;
  gboolean created = FALSE;

  first = get_or_create ("counter", "idempotent", &created);
  g_assert_true (created);
  second = get_or_create ("counter", "idempotent", &created);
  g_assert_false (created);

  g_assert_cmpstr (asc_rivet_actor_info_get_id (first), ==, asc_rivet_actor_info_get_id (second));
  g_assert_cmpstr (asc_rivet_actor_info_get_name (second), ==, "counter");
  g_assert_cmpstr (asc_rivet_actor_info_get_key (second), ==, "idempotent");
  g_assert_cmpint (asc_rivet_actor_info_get_create_time (second), >, 0);
}

static void
test_create_refuses_a_duplicate_key (void)
{
  g_autoptr(AscRivetActorInfo) lobby = NULL;
  g_autoptr(AscRivetActorInfo) again = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *details;

  lobby = create ("chatRoom", "lobby", NULL, &error);
  g_assert_no_error (error);
  again = create ("chatRoom", "lobby", NULL, &error);
  g_assert_null (again);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_cmpstr (details_string (error, "code"), ==, "duplicate_key");
  details = json_node_get_object (asc_error_get_details (error));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (details,
                                                                                 "metadata"),
                                                  "existing_actor_id"),
                   ==, asc_rivet_actor_info_get_id (lobby));
  g_assert_nonnull (strstr (error->message, "duplicate_key"));
}

static void
test_create_passes_the_input (void)
{
  g_autoptr(AscRivetActorInfo) seeded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) count = NULL;

  seeded = create ("counter", "seeded", "{\"count\":40}", &error);
  g_assert_no_error (error);
  count = call_ok (asc_rivet_actor_info_get_id (seeded), "getCount", NULL);
  g_assert_cmpint (json_node_get_int (count), ==, 40);
}

static void
test_destroyed_actor_is_not_found (void)
{
  g_autofree char *id = actor_id_for ("counter", "doomed");
  g_autofree char *missing = NULL;
  g_autoptr(JsonNode) output = call_ok (id, "increment", "[1]");
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(AscRivetActorInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  destroy (id);

  after = call_action (id, "getCount", NULL, NULL, &error);
  g_assert_null (after);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_NOT_FOUND);
  g_assert_cmpstr (details_string (error, "code"), ==, "not_found");
  g_clear_error (&error);

  listed = list_actors ("counter", "doomed", 0, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);

  /* By id, the engine still knows it, as destroyed. */
  info = get_actor (id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (asc_rivet_actor_info_get_status (info), ==, ASC_ACTOR_STATUS_DESTROYED);

  g_clear_object (&info);
  missing = missing_id_like (id);
  info = get_actor (missing, &error);
  g_assert_null (info);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_NOT_FOUND);
}

/* Creations run a few at a time: the engine takes a while for each. */
#define BULK_IN_FLIGHT 8

typedef struct
{
  GHashTable *ids;
  guint       started;
  guint       pending;
} Bulk;

static void bulk_create_next (Bulk *bulk);

typedef struct
{
  Bulk     *bulk;
  char     *key;
  gboolean  retried;
} BulkCreation;

static void
bulk_created_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BulkCreation *creation = user_data;
  Bulk *bulk = creation->bulk;
  g_autoptr(AscRivetActorInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (creation->retried)
    info = asc_rivet_engine_get_or_create_actor_finish (ASC_RIVET_ENGINE (object), result,
                                                        NULL, &error);
  else
    info = asc_rivet_engine_create_actor_finish (ASC_RIVET_ENGINE (object), result, &error);

  /* Under load the engine now and then fails to start an actor it made
   * (core.internal_error: its storage timed out); the actor may exist, so
   * the one retry asks for the same key with get-or-create. */
  if (info == NULL && !creation->retried)
    {
      g_test_message ("creating %s failed (%s); asking again", creation->key, error->message);
      creation->retried = TRUE;
      asc_rivet_engine_get_or_create_actor_async (engine, "bulk", creation->key, NULL, NULL,
                                                  bulk_created_cb, creation);
      return;
    }

  g_assert_no_error (error);
  g_hash_table_add (bulk->ids, g_strdup (asc_rivet_actor_info_get_id (info)));
  g_free (creation->key);
  g_free (creation);
  bulk->pending--;
  bulk_create_next (bulk);
}

static void
bulk_create_next (Bulk *bulk)
{
  BulkCreation *creation;

  if (bulk->started == N_BULK)
    return;

  creation = g_new0 (BulkCreation, 1);
  creation->bulk = bulk;
  creation->key = g_strdup_printf ("bulk-%03u", bulk->started++);
  bulk->pending++;
  asc_rivet_engine_create_actor_async (engine, "bulk", creation->key, NULL, NULL,
                                       bulk_created_cb, creation);
}

static gboolean
bulk_done (gpointer user_data)
{
  Bulk *bulk = user_data;

  return bulk->started == N_BULK && bulk->pending == 0;
}

static void
test_lists_250_actors_page_by_page (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  Bulk bulk = { ids, 0, 0 };
  gint64 started = g_get_monotonic_time ();
  guint pages = 0;

  /* On a busy machine, each creation can take seconds. */
  asc_rivet_engine_set_timeout (engine, 60000);
  for (guint i = 0; i < BULK_IN_FLIGHT; i++)
    bulk_create_next (&bulk);
  if (!asc_test_wait_until (bulk_done, &bulk, 240000))
    g_error ("only %u of %u actors were created", bulk.started - bulk.pending, N_BULK);
  g_test_message ("created %u actors in %.1f s", N_BULK,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (g_hash_table_size (ids), ==, N_BULK);
  asc_rivet_engine_set_timeout (engine, ENGINE_TIMEOUT_MS);

  do
    {
      g_autofree char *next = NULL;
      g_autoptr(GListModel) page = list_actors ("bulk", NULL, BULK_PAGE, cursor, &next);

      g_assert_cmpuint (g_list_model_get_n_items (page), <=, BULK_PAGE);
      for (guint i = 0; i < g_list_model_get_n_items (page); i++)
        {
          g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (page, i);
          const char *id = asc_rivet_actor_info_get_id (info);

          g_assert_true (g_hash_table_contains (ids, id));
          g_assert_true (g_hash_table_add (seen, g_strdup (id)));
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
      g_assert_cmpuint (++pages, <=, N_BULK / BULK_PAGE + 2);
    }
  while (cursor != NULL);

  g_assert_cmpuint (g_hash_table_size (seen), ==, N_BULK);
  g_assert_cmpuint (pages, ==, (N_BULK + BULK_PAGE - 1) / BULK_PAGE);
}

static void
test_key_escaping_round_trips (void)
{
  static const char *keys[][3] = {
    { "tmp", "with/slash", NULL },
    { "", "x", NULL },
    { "back\\slash", NULL, NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = asc_rivet_key_serialize (keys[i]);
      g_autoptr(AscRivetActorInfo) info = get_or_create ("counter", key, NULL);
      g_autoptr(GListModel) listed = list_actors ("counter", key, 0, NULL, NULL);
      g_autoptr(AscRivetActorInfo) found = NULL;
      g_auto(GStrv) parts = NULL;

      g_assert_cmpstr (asc_rivet_actor_info_get_key (info), ==, key);
      g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
      found = g_list_model_get_item (listed, 0);
      g_assert_cmpstr (asc_rivet_actor_info_get_id (found), ==, asc_rivet_actor_info_get_id (info));
      parts = asc_rivet_actor_info_dup_key_parts (found);
      g_assert_true (g_strv_equal ((const char * const *) parts, keys[i]));
    }
}

static void
test_reads_the_inspector_token (void)
{
  g_autofree char *id = actor_id_for ("counter", "inspected");
  g_autoptr(JsonNode) output = call_ok (id, "getCount", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  asc_rivet_engine_get_inspector_token_async (engine, id, NULL, store_cb, &result);
  token = asc_rivet_engine_get_inspector_token_finish (engine, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >=, 32);
}

static void
test_calls_actions (void)
{
  g_autofree char *id = actor_id_for ("counter", "actions");
  g_autoptr(JsonNode) five = call_ok (id, "increment", "[5]");
  g_autoptr(JsonNode) six = call_ok (id, "increment", NULL);
  g_autoptr(JsonNode) count = call_ok (id, "getCount", "[]");
  g_autoptr(JsonNode) reset = call_ok (id, "reset", NULL);

  asc_test_assert_json_eq (five, "5");
  asc_test_assert_json_eq (six, "6");
  asc_test_assert_json_eq (count, "6");
  asc_test_assert_json_eq (reset, "0");
}

static void
test_round_trips_json_compat_values (void)
{
  static const char *args = "[[\"$BigInt\",\"12345678901234567890\"],[\"$Uint8Array\",\"AQID\"],"
                            "[\"$ArrayBuffer\",\"AQI=\"],[\"$Set\",[1,2]],[\"$Undefined\",0],"
                            "[\"$$escaped\",1]]";
  g_autofree char *id = actor_id_for ("values", "compat");
  g_autoptr(JsonNode) echoed = call_ok (id, "echo", args);
  g_autoptr(JsonNode) types = call_ok (id, "describe", args);
  g_autoptr(JsonNode) state = call_ok (id, "getState", NULL);
  g_autoptr(JsonNode) nothing = call_ok (id, "nothing", NULL);
  g_autoptr(JsonNode) big = call_ok (id, "setBig", "[\"-98765432109876543210\"]");
  JsonObject *object;

  asc_test_assert_json_eq (echoed, args);
  asc_test_assert_json_eq (types, "[\"bigint\",\"Uint8Array(3)\",\"object\",\"object\","
                                  "\"undefined\",\"object\"]");
  object = json_node_get_object (state);
  g_assert_cmpstr (asc_rivet_value_get_bigint (json_object_get_member (object, "big")), ==,
                   "12345678901234567890");
  g_assert_cmpint (asc_rivet_value_get_kind (json_object_get_member (object, "bytes")), ==,
                   ASC_RIVET_VALUE_UINT8ARRAY);
  g_assert_true (JSON_NODE_HOLDS_NULL (nothing));
  g_assert_cmpstr (asc_rivet_value_get_bigint (big), ==, "-98765432109876543210");
}

static void
test_user_error_is_remote (void)
{
  g_autofree char *id = actor_id_for ("counter", "errors");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = call_action (id, "fail", "[\"because\"]", NULL, &error);
  JsonObject *metadata;

  g_assert_null (output);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_cmpstr (details_string (error, "group"), ==, "user");
  g_assert_cmpstr (details_string (error, "code"), ==, "requested_failure");
  g_assert_cmpstr (details_string (error, "message"), ==, "requested failure: because");
  metadata = json_object_get_object_member (json_node_get_object (asc_error_get_details (error)),
                                            "metadata");
  g_assert_cmpstr (json_object_get_string_member (metadata, "why"), ==, "because");
  g_assert_cmpstr (error->message, ==, "requested failure: because (user.requested_failure)");
}

static void
test_crash_is_remote_internal_error (void)
{
  g_autofree char *id = actor_id_for ("counter", "errors");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = call_action (id, "crash", NULL, NULL, &error);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_REMOTE);
  g_assert_cmpstr (details_string (error, "code"), ==, "internal_error");
  g_assert_cmpstr (details_string (error, "group"), ==, "rivetkit");
  g_assert_nonnull (strstr (error->message, "internal error"));
}

static void
test_unknown_action (void)
{
  g_autofree char *id = actor_id_for ("counter", "errors");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = call_action (id, "no such/action", NULL, NULL, &error);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_UNKNOWN_ACTION);
  g_assert_cmpstr (details_string (error, "code"), ==, "action_not_found");
}

static void
test_schema_failure_is_validation (void)
{
  g_autofree char *id = actor_id_for ("counter", "errors");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) output = call_action (id, "increment", "[\"x\"]", NULL, &error);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_assert_cmpstr (details_string (error, "code"), ==, "validation_error");
  g_assert_null (strstr (error->message, "An internal error occurred"));
}

static void
test_connection_params_guard (void)
{
  g_autofree char *id = actor_id_for ("secureCounter", "guarded");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) refused = call_action (id, "whoami", NULL, NULL, &error);
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) me = NULL;

  g_assert_error (error, ASC_ERROR, ASC_ERROR_FORBIDDEN);
  g_assert_cmpstr (details_string (error, "code"), ==, "forbidden");
  g_clear_error (&error);

  wrong = call_action (id, "whoami", NULL, "{\"token\":\"guess\"}", &error);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_FORBIDDEN);
  g_clear_error (&error);

  me = call_action (id, "whoami", NULL, "{\"token\":\"let-me-in\",\"user\":\"carol\"}", &error);
  g_assert_no_error (error);
  asc_test_assert_json_eq (me, "{\"user\":\"carol\",\"params\":"
                               "{\"token\":\"let-me-in\",\"user\":\"carol\"}}");
}

typedef struct
{
  const char     *actor_id;
  GAsyncResult   *result;
  AscActorStatus  status;
  AscActorStatus  wanted;
  gboolean        in_flight;
} StatusPoll;

static gboolean
poll_tick_cb (gpointer user_data)
{
  StatusPoll *poll = user_data;

  if (!poll->in_flight)
    {
      poll->in_flight = TRUE;
      asc_rivet_engine_get_actor_async (engine, poll->actor_id, NULL, store_cb, &poll->result);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_reached (gpointer user_data)
{
  StatusPoll *poll = user_data;
  g_autoptr(AscRivetActorInfo) info = NULL;

  if (poll->result != NULL)
    {
      info = asc_rivet_engine_get_actor_finish (engine, poll->result, NULL);
      g_clear_object (&poll->result);
      poll->in_flight = FALSE;
      if (info != NULL)
        poll->status = asc_rivet_actor_info_get_status (info);
    }

  return !poll->in_flight && poll->status == poll->wanted;
}

static void
wait_for_status (const char     *actor_id,
                 AscActorStatus  wanted)
{
  StatusPoll poll = { actor_id, NULL, ASC_ACTOR_STATUS_UNKNOWN, wanted, FALSE };
  guint source = g_timeout_add (200, poll_tick_cb, &poll);
  gboolean reached = asc_test_wait_until (poll_reached, &poll, 15000);

  g_source_remove (source);
  while (poll.in_flight)
    {
      if (poll.result != NULL)
        poll_reached (&poll);
      else
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (reached);
}

static void
test_status_follows_sleep (void)
{
  g_autofree char *id = actor_id_for ("sleepy", "nap");
  g_autoptr(JsonNode) first = call_ok (id, "ping", NULL);
  g_autoptr(JsonNode) second = NULL;

  asc_test_assert_json_eq (first, "{\"wakes\":1,\"pings\":1}");
  wait_for_status (id, ASC_ACTOR_STATUS_SLEEPING);

  second = call_ok (id, "ping", NULL);
  asc_test_assert_json_eq (second, "{\"wakes\":2,\"pings\":2}");
  wait_for_status (id, ASC_ACTOR_STATUS_AWAKE);
}

static void
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  /* Keep it open and never answer. */
  g_ptr_array_add (user_data, g_object_ref (connection));
}

/* A port nothing listens on: bound, then closed again. */
static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* A port that accepts connections and never answers. */
static guint16
silent_port (GSocketService *service,
             GPtrArray      *held)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any_port, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), held);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_unreachable_engine_fails_fast (void)
{
  g_autoptr(GSocketService) silent = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint16 ports[2];

  ports[0] = closed_port ();
  ports[1] = silent_port (silent, held);

  for (guint i = 0; i < G_N_ELEMENTS (ports); i++)
    {
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", ports[i]);
      g_autoptr(AscRivetEngine) unreachable = asc_rivet_engine_new (url);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(JsonObject) health = NULL;
      g_autoptr(GError) error = NULL;
      gint64 started = g_get_monotonic_time ();
      int expected = i == 0 ? ASC_ERROR_CONNECT : ASC_ERROR_TIMEOUT;

      asc_rivet_engine_set_timeout (unreachable, 500);
      asc_rivet_engine_get_health_async (unreachable, NULL, store_cb, &result);
      health = asc_rivet_engine_get_health_finish (unreachable, wait_for (&result), &error);

      g_assert_null (health);
      g_assert_error (error, ASC_ERROR, expected);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 3 * G_USEC_PER_SEC);
    }

  g_socket_service_stop (silent);
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
  engine = asc_rivet_engine_new (asc_test_node_server_get_url (server));
  asc_rivet_engine_set_timeout (engine, ENGINE_TIMEOUT_MS);

  g_test_add_func ("/asc/rivet/engine/reports-health-and-version", test_health_and_metadata);
  g_test_add_func ("/asc/rivet/engine/lists-types", test_lists_types);
  g_test_add_func ("/asc/rivet/engine/get-or-create-is-idempotent",
                   test_get_or_create_is_idempotent);
  g_test_add_func ("/asc/rivet/engine/create-refuses-a-duplicate-key",
                   test_create_refuses_a_duplicate_key);
  g_test_add_func ("/asc/rivet/engine/create-passes-the-input", test_create_passes_the_input);
  g_test_add_func ("/asc/rivet/engine/destroyed-actor-is-not-found",
                   test_destroyed_actor_is_not_found);
  g_test_add_func ("/asc/rivet/engine/lists-250-actors-page-by-page",
                   test_lists_250_actors_page_by_page);
  g_test_add_func ("/asc/rivet/engine/key-escaping-round-trips", test_key_escaping_round_trips);
  g_test_add_func ("/asc/rivet/engine/reads-the-inspector-token",
                   test_reads_the_inspector_token);
  g_test_add_func ("/asc/rivet/action/returns-the-output", test_calls_actions);
  g_test_add_func ("/asc/rivet/action/round-trips-json-compat-values",
                   test_round_trips_json_compat_values);
  g_test_add_func ("/asc/rivet/action/user-error-is-remote", test_user_error_is_remote);
  g_test_add_func ("/asc/rivet/action/crash-is-an-internal-error",
                   test_crash_is_remote_internal_error);
  g_test_add_func ("/asc/rivet/action/unknown-action", test_unknown_action);
  g_test_add_func ("/asc/rivet/action/schema-failure-is-validation",
                   test_schema_failure_is_validation);
  g_test_add_func ("/asc/rivet/action/connection-params-guard",
                   test_connection_params_guard);
  g_test_add_func ("/asc/rivet/engine/status-follows-sleep", test_status_follows_sleep);
  g_test_add_func ("/asc/rivet/engine/unreachable-fails-fast",
                   test_unreachable_engine_fails_fast);

  status = g_test_run ();

  g_assert_finalize_object (engine);
  asc_test_node_server_free (server);
  return status;
}
