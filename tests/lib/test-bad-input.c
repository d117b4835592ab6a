/* test-bad-input.c: bad input met at the edges of the library, with the
 * exact error each one gives: a Zocket gateway that refuses the handshake,
 * a server that closes with a reason or never answers, a patch that does
 * not apply, Rivet answers no engine should send, and addresses that are
 * no server's
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "actorscope.h"
#include "asc-test-util.h"
#include "asc-test-ws-server.h"

#define WAIT_MS 8000

/* One in-process server for every fault: plain HTTP answers by path, a
 * WebSocket path that closes with a reason, and a path that refuses the
 * WebSocket handshake as a gateway refusing a token would. */
typedef struct
{
  SoupServer *server;
  GPtrArray  *sockets;    /* SoupWebsocketConnection*, kept open */
  GPtrArray  *queries;    /* the query of each request, "" for none */
  char       *http_url;   /* http://127.0.0.1:PORT */
  char       *ws_url;     /* ws://127.0.0.1:PORT */
  guint       n_requests;
} Fixture;

typedef struct
{
  const char *action;
  guint       status;
  const char *content_type;
  const char *body;
} Canned;

/* What a gateway might answer to /gateway/a1/action/ACTION. */
static const Canned canned[] = {
  { "html", SOUP_STATUS_OK, "text/html", "<html>a proxy page</html>" },
  { "bare502", SOUP_STATUS_BAD_GATEWAY, "text/plain", "" },
  { "forbidden", SOUP_STATUS_FORBIDDEN, "application/json",
    "{\"group\":\"user\",\"code\":\"forbidden\",\"message\":\"bad token\"}" },
  { "gone", SOUP_STATUS_NOT_FOUND, "application/json",
    "{\"group\":\"actor\",\"code\":\"not_found\",\"message\":\"\"}" },
  { "schema", SOUP_STATUS_BAD_REQUEST, "application/json",
    "{\"group\":\"rivetkit\",\"code\":\"validation_error\","
    "\"message\":\"An internal error occurred\"}" },
  { "crash", SOUP_STATUS_INTERNAL_SERVER_ERROR, "application/json",
    "{\"group\":\"rivetkit\",\"code\":\"internal_error\","
    "\"message\":\"An internal error occurred\"}" },
};

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
http_cb (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (message));
  const char *action_prefix = "/gateway/a1/action/";

  fixture->n_requests++;
  g_ptr_array_add (fixture->queries, g_strdup (raw_query != NULL ? raw_query : ""));

  if (g_str_equal (path, "/refuse"))
    {
      respond (message, SOUP_STATUS_UNAUTHORIZED, "text/plain", "bad token");
      return;
    }
  if (g_str_equal (path, "/metadata"))
    {
      respond (message, SOUP_STATUS_NOT_FOUND, "text/plain", "no");
      return;
    }
  if (g_str_equal (path, "/health"))
    {
      respond (message, SOUP_STATUS_OK, "application/json", "[\"ok\"]");
      return;
    }

  if (g_str_equal (path, "/gateway/a1/action/silent"))
    {
      soup_server_message_pause (message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (canned); i++)
    if (g_str_has_prefix (path, action_prefix) &&
        g_str_equal (path + strlen (action_prefix), canned[i].action))
      {
        respond (message, canned[i].status, canned[i].content_type, canned[i].body);
        return;
      }

  respond (message, SOUP_STATUS_NOT_FOUND, "text/plain", "");
}

static void
socket_message_cb (SoupWebsocketConnection *socket,
                   gint                     type,
                   GBytes                  *bytes,
                   gpointer                 user_data)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *frame = g_strndup (data, length);

  if (strstr (frame, "\"type\":\"rpc\"") != NULL)
    soup_websocket_connection_close (socket, 4000, "going down");
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *message,
              const char              *path,
              SoupWebsocketConnection *socket,
              gpointer                 user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->sockets, g_object_ref (socket));
  g_signal_connect (socket, "message", G_CALLBACK (socket_message_cb), NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;
  guint port;

  fixture->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->queries = g_ptr_array_new_with_free_func (g_free);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, http_cb, fixture, NULL);
  soup_server_add_websocket_handler (fixture->server, "/close", NULL, NULL, websocket_cb,
                                     fixture, NULL);
  soup_server_listen (fixture->server, address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  fixture->http_url = g_strdup_printf ("http://127.0.0.1:%u", port);
  fixture->ws_url = g_strdup_printf ("ws://127.0.0.1:%u", port);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_ptr_array_unref (fixture->sockets);
  g_ptr_array_unref (fixture->queries);
  g_free (fixture->http_url);
  g_free (fixture->ws_url);
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

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  g_assert_true (asc_test_wait_until (result_ready, slot, WAIT_MS));
  return *slot;
}

static void
assert_prefix (const char *text,
               const char *prefix)
{
  if (!g_str_has_prefix (text, prefix))
    g_error ("“%s” does not start with “%s”", text, prefix);
}

/* Every error the client reports as its last, in order. */
static void
last_error_cb (AscClient  *client,
               GParamSpec *pspec,
               GPtrArray  *errors)
{
  const GError *error = asc_client_get_last_error (client);

  if (error != NULL)
    g_ptr_array_add (errors, g_error_copy (error));
}

static GError *
zocket_call (AscClient  *client,
             const char *method)
{
  AscActor *actor = asc_client_get_actor (client, "counter", "c1");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) output = NULL;
  GError *error = NULL;

  asc_actor_call_async (actor, method, NULL, NULL, store_cb, &result);
  output = asc_actor_call_finish (actor, wait_for (&result), &error);
  g_assert_null (output);
  g_assert_nonnull (error);
  return error;
}

/* A gateway that refuses the token answers the upgrade with 401: the
 * client keeps trying, and a call that waited for it times out saying why. */
static void
test_zocket_handshake_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->ws_url, "/refuse", NULL);
  g_autofree char *connect_prefix = g_strdup_printf ("Could not connect to %s: ", url);
  g_autofree char *timeout_prefix = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AscClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const GError *first;

  client = asc_client_new (url, ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  g_signal_connect (client, "notify::last-error", G_CALLBACK (last_error_cb), errors);
  asc_client_set_token (client, "wrong&token");
  asc_client_set_call_timeout (client, 1000);

  error = zocket_call (client, "increment");
  timeout_prefix = g_strdup_printf ("Could not reach the server at %s within 1 s: %s",
                                    url, connect_prefix);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_TIMEOUT);
  assert_prefix (error->message, timeout_prefix);

  g_assert_cmpuint (errors->len, >=, 1);
  first = g_ptr_array_index (errors, 0);
  g_assert_error (first, ASC_ERROR, ASC_ERROR_CONNECT);
  assert_prefix (first->message, connect_prefix);
  g_assert_cmpint (asc_client_get_status (client), ==, ASC_CLIENT_STATUS_RECONNECTING);
  /* The token travels in the query, escaped. */
  g_assert_cmpstr (g_ptr_array_index (fixture->queries, 0), ==, "token=wrong%26token");

  g_signal_handlers_disconnect_by_data (client, errors);
  asc_client_close (client);
}

/* A server that closes with a code and a reason while a call runs: the
 * call says it may have run, and the client says what the server said. */
static void
test_zocket_close_reason (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->ws_url, "/close", NULL);
  g_autofree char *lost = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AscClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const GError *first;

  client = asc_client_new (url, ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  g_signal_connect (client, "notify::last-error", G_CALLBACK (last_error_cb), errors);
  asc_client_set_call_timeout (client, 5000);

  error = zocket_call (client, "increment");
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CLOSED);
  g_assert_cmpstr (error->message, ==,
                   "The connection closed before “increment” answered (closed by the server: "
                   "going down (code 4000)); it may or may not have run");

  lost = g_strdup_printf ("The connection to %s was lost: closed by the server: going down "
                          "(code 4000)", url);
  g_assert_cmpuint (errors->len, >=, 1);
  first = g_ptr_array_index (errors, 0);
  g_assert_error (first, ASC_ERROR, ASC_ERROR_CLOSED);
  g_assert_cmpstr (first->message, ==, lost);

  g_signal_handlers_disconnect_by_data (client, errors);
  asc_client_close (client);
}

static GError *
rivet_call (AscRivetEngine *engine,
            const char     *action,
            const char     *args_json)
{
  g_autoptr(JsonNode) args = args_json != NULL ? asc_test_json_parse (args_json) : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) output = NULL;
  GError *error = NULL;

  asc_rivet_engine_call_action_async (engine, "a1", action, args, NULL, NULL, store_cb, &result);
  output = asc_rivet_engine_call_action_finish (engine, wait_for (&result), &error);
  g_assert_null (output);
  g_assert_nonnull (error);
  return error;
}

/* What a gateway answers decides the error: its error object when it has
 * one, a protocol error naming the request when it has none. */
static void
test_rivet_answers (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *action;
    AscError    code;
    const char *message;   /* after "The server at ENDPOINT " for protocol errors */
  } cases[] = {
    { "html", ASC_ERROR_PROTOCOL,
      "did not answer POST /gateway/a1/action/html with JSON; is it a Rivet engine?" },
    { "bare502", ASC_ERROR_PROTOCOL,
      "answered POST /gateway/a1/action/bare502 with “502 Bad Gateway” and no error "
      "description" },
    { "forbidden", ASC_ERROR_FORBIDDEN, "Access refused: bad token (user.forbidden)" },
    { "gone", ASC_ERROR_NOT_FOUND, "The server reported an error (actor.not_found)" },
    { "schema", ASC_ERROR_VALIDATION,
      "The arguments do not match the action’s input schema (rivetkit.validation_error)" },
    { "crash", ASC_ERROR_REMOTE,
      "The actor failed with an internal error; the server’s log has the details "
      "(rivetkit.internal_error)" },
  };
  g_autoptr(AscRivetEngine) engine = asc_rivet_engine_new (fixture->http_url);

  asc_rivet_engine_set_timeout (engine, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = rivet_call (engine, cases[i].action, "[]");
      g_autofree char *expected = NULL;

      if (cases[i].code == ASC_ERROR_PROTOCOL)
        expected = g_strdup_printf ("The server at %s %s", asc_rivet_engine_get_endpoint (engine),
                                    cases[i].message);
      else
        expected = g_strdup (cases[i].message);

      g_assert_error (error, ASC_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
      /* Error objects stay whole, for views that show them field by field. */
      g_assert_true ((asc_error_get_details (error) != NULL) == (cases[i].code != ASC_ERROR_PROTOCOL));
    }
}

/* Arguments that are not an array never leave the client. */
static void
test_rivet_args_not_an_array (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AscRivetEngine) engine = asc_rivet_engine_new (fixture->http_url);
  g_autoptr(GError) error = rivet_call (engine, "html", "{\"amount\":1}");

  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "The arguments of a Rivet action are a JSON array");
  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

static void
test_rivet_health_not_an_object (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AscRivetEngine) engine = asc_rivet_engine_new (fixture->http_url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(GError) error = NULL;

  asc_rivet_engine_get_health_async (engine, NULL, store_cb, &result);
  health = asc_rivet_engine_get_health_finish (engine, wait_for (&result), &error);

  g_assert_null (health);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==,
                   "The Rivet engine answered with something other than an object");
}

static gboolean
log_has_error (gpointer user_data)
{
  AscActor *actor = user_data;
  AscEventLog *log = asc_actor_get_event_log (actor);

  asc_event_log_flush (log);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (asc_event_get_kind (event) == ASC_EVENT_KIND_ERROR)
        {
          g_object_set_data_full (G_OBJECT (actor), "error-text",
                                  g_strdup (asc_event_get_text (event)), g_free);
          return TRUE;
        }
    }

  return FALSE;
}

static void
snapshot_cb (AscTestWsServer *server,
             const char      *frame,
             gpointer         user_data)
{
  if (strstr (frame, "\"state:sub\"") != NULL)
    asc_test_ws_server_send (server, "{\"type\":\"state:snapshot\",\"actor\":\"counter\","
                                     "\"actorId\":\"c1\",\"state\":{\"count\":1}}");
}

static gboolean
has_document (gpointer user_data)
{
  return asc_state_store_get_document (user_data) != NULL;
}

/* A patch that does not apply is logged with its reason, and the mirror
 * asks for a fresh snapshot. */
static void
test_zocket_patch_that_does_not_apply (void)
{
  g_autoptr(AscTestWsServer) server = asc_test_ws_server_new ();
  g_autoptr(AscClient) client = NULL;
  g_autoptr(GError) error = NULL;
  AscActor *actor;

  asc_test_ws_server_set_handler (server, snapshot_cb, NULL);
  client = asc_client_new (asc_test_ws_server_get_url (server), ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  actor = asc_client_get_actor (client, "counter", "c1");
  asc_actor_watch_state (actor);
  g_assert_true (asc_test_wait_until (has_document, asc_actor_get_state_store (actor), WAIT_MS));

  asc_test_ws_server_send (server, "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"c1\","
                                   "\"patches\":[{\"op\":\"replace\",\"path\":\"/missing/deep\","
                                   "\"value\":2}]}");
  g_assert_true (asc_test_wait_until (log_has_error, actor, WAIT_MS));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (actor), "error-text"), ==,
                   "The state went out of sync (operation 0 (replace /missing/deep): member "
                   "“missing” does not exist); fetching a fresh snapshot");
  g_assert_cmpuint (asc_actor_get_n_resyncs (actor), ==, 1);

  asc_actor_unwatch_state (actor);
  asc_client_close (client);
}

/* A call the server takes and never answers. */
static void
test_zocket_sent_call_times_out (void)
{
  g_autoptr(AscTestWsServer) server = asc_test_ws_server_new ();
  g_autoptr(AscClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = asc_client_new (asc_test_ws_server_get_url (server), ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_no_error (error);
  asc_client_set_call_timeout (client, 1000);

  error = zocket_call (client, "slow");
  g_assert_error (error, ASC_ERROR, ASC_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, "No answer to “slow” within 1 s; it may still run on the "
                                       "server");
  g_assert_cmpuint (asc_test_ws_server_count_received (server, "\"slow\""), ==, 1);
  asc_client_close (client);
}

/* A port that was free a moment ago: nothing listens there. */
static char *
closed_http_url (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

/* An engine that takes a request and never answers, and one that is not
 * there at all. */
static void
test_rivet_engine_out_of_reach (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *closed = closed_http_url ();
  g_autofree char *silent_text = NULL;
  g_autofree char *closed_prefix = g_strdup_printf ("Could not reach the Rivet engine at %s: ",
                                                    closed);
  g_autoptr(AscRivetEngine) silent = asc_rivet_engine_new (fixture->http_url);
  g_autoptr(AscRivetEngine) absent = asc_rivet_engine_new (closed);
  g_autoptr(GError) timeout_error = NULL;
  g_autoptr(GError) connect_error = NULL;

  asc_rivet_engine_set_timeout (silent, 500);
  timeout_error = rivet_call (silent, "silent", "[]");
  silent_text = g_strdup_printf ("No answer from the Rivet engine at %s within 0.5 s "
                                 "(POST /gateway/a1/action/silent)", fixture->http_url);
  g_assert_error (timeout_error, ASC_ERROR, ASC_ERROR_TIMEOUT);
  g_assert_cmpstr (timeout_error->message, ==, silent_text);

  connect_error = rivet_call (absent, "anything", "[]");
  g_assert_error (connect_error, ASC_ERROR, ASC_ERROR_CONNECT);
  assert_prefix (connect_error->message, closed_prefix);
}

static AscClientKind
probe (const char  *url,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  asc_client_probe_kind_async (url, NULL, store_cb, &result);
  return asc_client_probe_kind_finish (wait_for (&result), error);
}

/* An http:// server that is not a Rivet engine, and an address that is
 * neither kind: the connect dialog's "let Actorscope tell" says which. */
static void
test_probe_names_the_problem (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *not_rivet = g_strdup_printf ("The server at %s is not a Rivet engine (it does "
                                                "not answer /metadata as one); a Zocket server "
                                                "has a ws:// address", fixture->http_url);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (probe (fixture->http_url, &error), ==, ASC_CLIENT_KIND_AUTO);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==, not_rivet);
  g_clear_error (&error);

  g_assert_cmpint (probe ("ftp://127.0.0.1/", &error), ==, ASC_CLIENT_KIND_AUTO);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
  g_assert_cmpstr (error->message, ==, "“ftp://127.0.0.1/” is neither an http:// address (a "
                                       "Rivet engine) nor a ws:// one (a Zocket server)");
}

/* Addresses no client can be made for, and the error each one gives. */
static void
test_client_addresses (void)
{
  g_autoptr(AscClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = asc_client_new ("not a url", ASC_CLIENT_KIND_AUTO, &error);
  g_assert_null (client);
  g_assert_true (error->domain == G_URI_ERROR);
  g_clear_error (&error);

  client = asc_client_new ("ftp://127.0.0.1/", ASC_CLIENT_KIND_AUTO, &error);
  g_assert_null (client);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
  g_assert_cmpstr (error->message, ==, "A Rivet engine’s address starts with http:// or "
                                       "https://, not “ftp://127.0.0.1/”");
  g_clear_error (&error);

  client = asc_client_new ("http://127.0.0.1:1/", ASC_CLIENT_KIND_ZOCKET, &error);
  g_assert_null (client);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
  g_assert_cmpstr (error->message, ==, "A Zocket server’s address starts with ws:// or "
                                       "wss://, not “http://127.0.0.1:1/”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/asc/bad-input/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("zocket/handshake-refused", test_zocket_handshake_refused);
  ADD ("zocket/close-reason-reaches-the-call", test_zocket_close_reason);
  ADD ("rivet/gateway-answers", test_rivet_answers);
  ADD ("rivet/args-not-an-array", test_rivet_args_not_an_array);
  ADD ("rivet/health-not-an-object", test_rivet_health_not_an_object);
  ADD ("rivet/engine-out-of-reach", test_rivet_engine_out_of_reach);
  ADD ("probe/names-the-problem", test_probe_names_the_problem);
#undef ADD

  g_test_add_func ("/asc/bad-input/zocket/patch-that-does-not-apply",
                   test_zocket_patch_that_does_not_apply);
  g_test_add_func ("/asc/bad-input/zocket/sent-call-times-out", test_zocket_sent_call_times_out);
  g_test_add_func ("/asc/bad-input/client/addresses", test_client_addresses);

  return g_test_run ();
}
