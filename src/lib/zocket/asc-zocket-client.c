/* asc-zocket-client.c: transport, calls and reconnection for Zocket
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-zocket"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "asc-call-table.h"
#include "asc-client-private.h"
#include "asc-error.h"
#include "asc-zocket-private.h"

/* Frames can be large (Bun's own limit is 16 MiB) but stay bounded. */
#define MAX_INCOMING_FRAME (32 * 1024 * 1024)
#define BACKOFF_FIRST_MS 250
#define BACKOFF_MAX_MS 2000
#define BACKOFF_JITTER_MS 100

struct _AscZocketClient
{
  AscClient                parent_instance;

  SoupSession             *session;
  SoupWebsocketConnection *connection;
  GCancellable            *connect_cancellable;
  char                    *client_id;
  AscCallTable            *calls;
  guint                    reconnect_source;
  guint                    failed_attempts;
  guint                    n_protocol_errors;
  guint64                  call_counter;
  gboolean                 wanted_open;
  gboolean                 ever_connected;
};

G_DEFINE_FINAL_TYPE (AscZocketClient, asc_zocket_client, ASC_TYPE_CLIENT)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void asc_zocket_client_connect (AscZocketClient *self);

static void
send_frame (const char *frame,
            gpointer    user_data)
{
  AscZocketClient *self = user_data;

  g_assert (self->connection != NULL);

  g_debug ("→ %s", frame);
  soup_websocket_connection_send_text (self->connection, frame);
}

static void
for_each_actor (AscZocketClient *self,
                GFunc            func,
                gconstpointer    data)
{
  GListModel *actors = asc_client_get_actors (ASC_CLIENT (self));

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(AscActor) actor = g_list_model_get_item (actors, i);

      func (actor, (gpointer) data);
    }
}

static void
actor_connected_cb (gpointer actor,
                    gpointer data)
{
  _asc_zocket_actor_connected (ASC_ZOCKET_ACTOR (actor), GPOINTER_TO_INT (data));
}

static void
actor_disconnected_cb (gpointer actor,
                       gpointer data)
{
  _asc_zocket_actor_disconnected (ASC_ZOCKET_ACTOR (actor), data);
}

static void
set_client_id (AscZocketClient *self,
               const char      *client_id)
{
  if (g_strcmp0 (self->client_id, client_id) == 0)
    return;

  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

static void
handle_rpc_result (AscZocketClient  *self,
                   AscZocketMessage *message)
{
  const char *method = _asc_call_table_get_method (self->calls, message->id);

  /* Results without an id, or for calls that timed out or were never
   * made here, are ignored. */
  if (method == NULL)
    _asc_call_table_settle (self->calls, message->id, NULL, NULL);
  else if (message->has_error)
    _asc_call_table_settle (self->calls, message->id, NULL,
                            asc_zocket_error_from_text (method, message->error));
  else
    _asc_call_table_settle (self->calls, message->id, message->result, NULL);
}

static void
handle_message (AscZocketClient  *self,
                AscZocketMessage *message)
{
  AscActor *actor;

  switch (message->type)
    {
    case ASC_ZOCKET_MESSAGE_WELCOME:
      set_client_id (self, message->client_id);
      break;
    case ASC_ZOCKET_MESSAGE_RPC_RESULT:
      handle_rpc_result (self, message);
      break;
    case ASC_ZOCKET_MESSAGE_EVENT:
    case ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT:
    case ASC_ZOCKET_MESSAGE_STATE_PATCH:
      actor = _asc_client_lookup_actor (ASC_CLIENT (self), message->actor, message->actor_id);
      if (actor != NULL)
        _asc_zocket_actor_handle_message (ASC_ZOCKET_ACTOR (actor), message);
      break;
    case ASC_ZOCKET_MESSAGE_UNKNOWN:
    default:
      g_debug ("Ignoring a frame of unknown type “%s”", message->type_name);
      break;
    }
}

/* A frame that cannot be read may still say whom it was for: then the
 * call it answers fails now, with the reason, rather than timing out, and
 * the mirror a lost patch was meant for fetches a fresh snapshot. */
static void
handle_unreadable (AscZocketClient *self,
                   const char      *data,
                   gsize            length,
                   const GError    *reason)
{
  g_autoptr(AscZocketMessage) envelope = asc_zocket_message_parse_envelope (data, length);
  const char *method;
  AscActor *actor;

  if (envelope == NULL)
    return;

  switch (envelope->type)
    {
    case ASC_ZOCKET_MESSAGE_RPC_RESULT:
      method = _asc_call_table_get_method (self->calls, envelope->id);
      if (method != NULL)
        _asc_call_table_settle (self->calls, envelope->id, NULL,
                                g_error_new (ASC_ERROR, ASC_ERROR_PROTOCOL,
                                             _("The answer to “%s” could not be read: %s"),
                                             method, reason->message));
      break;
    case ASC_ZOCKET_MESSAGE_EVENT:
    case ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT:
    case ASC_ZOCKET_MESSAGE_STATE_PATCH:
      actor = envelope->actor != NULL
        ? _asc_client_lookup_actor (ASC_CLIENT (self), envelope->actor, envelope->actor_id)
        : NULL;
      if (actor != NULL)
        _asc_zocket_actor_frame_unreadable (ASC_ZOCKET_ACTOR (actor), envelope, reason);
      break;
    case ASC_ZOCKET_MESSAGE_WELCOME:
    case ASC_ZOCKET_MESSAGE_UNKNOWN:
    default:
      break;
    }
}

static void
connection_message_cb (SoupWebsocketConnection *connection,
                       gint                     type,
                       GBytes                  *bytes,
                       gpointer                 user_data)
{
  AscZocketClient *self = user_data;
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Binary frames carry the same JSON text. */
  message = asc_zocket_message_parse (data != NULL ? data : "", length, &error);
  if (message == NULL)
    {
      self->n_protocol_errors++;
      g_debug ("Dropping a frame: %s", error->message);
      handle_unreadable (self, data != NULL ? data : "", length, error);
      return;
    }

  if (length < 4096)
    g_debug ("← %.*s", (int) length, data);
  handle_message (self, message);
}

static guint
backoff_delay_ms (guint failed_attempts)
{
  guint delay = BACKOFF_FIRST_MS << MIN (failed_attempts, 4);

  return MIN (delay, BACKOFF_MAX_MS) + g_random_int_range (0, BACKOFF_JITTER_MS);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  AscZocketClient *self = user_data;

  self->reconnect_source = 0;
  asc_zocket_client_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (AscZocketClient *self)
{
  guint delay;

  if (!self->wanted_open || self->reconnect_source != 0)
    return;

  delay = backoff_delay_ms (self->failed_attempts++);
  g_debug ("Reconnecting to %s in %u ms", asc_client_get_uri (ASC_CLIENT (self)), delay);
  _asc_client_set_status (ASC_CLIENT (self), ASC_CLIENT_STATUS_RECONNECTING);
  self->reconnect_source = g_timeout_add (delay, reconnect_cb, self);
}

static void
drop_connection (AscZocketClient *self)
{
  if (self->connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->connection, self);
  if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->connection);
}

static char *
describe_close (SoupWebsocketConnection *connection)
{
  const char *data = soup_websocket_connection_get_close_data (connection);
  gushort code = soup_websocket_connection_get_close_code (connection);

  if (data != NULL && data[0] != '\0')
    return g_strdup_printf (_("closed by the server: %s (code %u)"), data, code);
  if (code == SOUP_WEBSOCKET_CLOSE_TOO_BIG)
    return g_strdup (_("a frame was larger than the 32 MiB this client accepts"));
  if (code != 0 && code != SOUP_WEBSOCKET_CLOSE_NO_STATUS && code != SOUP_WEBSOCKET_CLOSE_ABNORMAL)
    return g_strdup_printf (_("closed by the server (code %u)"), code);

  return g_strdup (_("the server went away"));
}

static void
connection_closed_cb (SoupWebsocketConnection *connection,
                      gpointer                 user_data)
{
  AscZocketClient *self = user_data;
  g_autofree char *reason = describe_close (connection);
  g_autoptr(GError) error = NULL;

  error = g_error_new (ASC_ERROR, ASC_ERROR_CLOSED, _("The connection to %s was lost: %s"),
                       asc_client_get_uri (ASC_CLIENT (self)), reason);
  g_debug ("%s", error->message);

  drop_connection (self);
  set_client_id (self, NULL);
  _asc_client_set_last_error (ASC_CLIENT (self), error);
  _asc_call_table_fail_sent (self->calls, reason);
  for_each_actor (self, actor_disconnected_cb, error);
  schedule_reconnect (self);
}

static void
connection_error_cb (SoupWebsocketConnection *connection,
                     GError                  *error,
                     gpointer                 user_data)
{
  g_debug ("WebSocket error: %s", error->message);
}

static void
connection_opened (AscZocketClient         *self,
                   SoupWebsocketConnection *connection)
{
  gboolean reconnected = self->ever_connected;

  self->connection = connection;
  soup_websocket_connection_set_max_incoming_payload_size (connection, MAX_INCOMING_FRAME);
  g_signal_connect (connection, "message", G_CALLBACK (connection_message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (connection_closed_cb), self);
  g_signal_connect (connection, "error", G_CALLBACK (connection_error_cb), self);

  self->failed_attempts = 0;
  self->ever_connected = TRUE;
  _asc_client_set_last_error (ASC_CLIENT (self), NULL);
  _asc_client_set_status (ASC_CLIENT (self), ASC_CLIENT_STATUS_CONNECTED);

  /* Subscriptions first, then the calls that waited for the socket. */
  for_each_actor (self, actor_connected_cb, GINT_TO_POINTER (reconnected));
  if (self->connection == connection)
    _asc_call_table_send_waiting (self->calls, send_frame, self);
}

static void
websocket_connect_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AscZocketClient) self = user_data;
  g_autoptr(SoupWebsocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) connect_error = NULL;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->connect_cancellable);
  if (connection == NULL)
    {
      connect_error = g_error_new (ASC_ERROR, ASC_ERROR_CONNECT, _("Could not connect to %s: %s"),
                                   asc_client_get_uri (ASC_CLIENT (self)), error->message);
      g_debug ("%s", connect_error->message);
      _asc_client_set_last_error (ASC_CLIENT (self), connect_error);
      schedule_reconnect (self);
      return;
    }

  connection_opened (self, g_steal_pointer (&connection));
}

/* A token goes in the query, as Zocket's gateway expects it. */
static SoupMessage *
build_upgrade_message (AscZocketClient *self)
{
  AscClient *client = ASC_CLIENT (self);
  const char *token = asc_client_get_token (client);
  g_autoptr(GUri) uri = g_uri_parse (asc_client_get_uri (client), SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) with_token = NULL;
  g_autofree char *query = NULL;
  g_autofree char *escaped = NULL;

  g_assert (uri != NULL);
  if (token == NULL || token[0] == '\0')
    return soup_message_new_from_uri (SOUP_METHOD_GET, uri);

  escaped = g_uri_escape_string (token, NULL, FALSE);
  query = g_uri_get_query (uri) != NULL
    ? g_strdup_printf ("%s&token=%s", g_uri_get_query (uri), escaped)
    : g_strdup_printf ("token=%s", escaped);
  with_token = soup_uri_copy (uri, SOUP_URI_QUERY, query, SOUP_URI_NONE);

  return soup_message_new_from_uri (SOUP_METHOD_GET, with_token);
}

static void
asc_zocket_client_connect (AscZocketClient *self)
{
  g_autoptr(SoupMessage) message = NULL;

  if (self->connection != NULL || self->connect_cancellable != NULL)
    return;

  _asc_client_set_status (ASC_CLIENT (self),
                          self->ever_connected || self->failed_attempts > 0
                            ? ASC_CLIENT_STATUS_RECONNECTING
                            : ASC_CLIENT_STATUS_CONNECTING);

  message = build_upgrade_message (self);
  self->connect_cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (self->session, message, NULL, NULL,
                                        G_PRIORITY_DEFAULT, self->connect_cancellable,
                                        websocket_connect_cb, g_object_ref (self));
}

static void
asc_zocket_client_open (AscClient *client)
{
  AscZocketClient *self = ASC_ZOCKET_CLIENT (client);

  self->wanted_open = TRUE;
  if (self->reconnect_source == 0)
    asc_zocket_client_connect (self);
}

static void
asc_zocket_client_close (AscClient *client)
{
  AscZocketClient *self = ASC_ZOCKET_CLIENT (client);
  g_autoptr(GError) error = NULL;

  self->wanted_open = FALSE;
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);

  if (self->connection != NULL)
    {
      error = g_error_new_literal (ASC_ERROR, ASC_ERROR_CLOSED, _("Disconnected"));
      drop_connection (self);
      _asc_call_table_fail_sent (self->calls, _("closed by this client"));
      for_each_actor (self, actor_disconnected_cb, error);
    }

  _asc_call_table_fail_waiting (self->calls, NULL);
  self->failed_attempts = 0;
  set_client_id (self, NULL);
  _asc_client_set_status (client, ASC_CLIENT_STATUS_DISCONNECTED);
}

static AscActor *
asc_zocket_client_create_actor (AscClient  *client,
                                const char *type_name,
                                const char *key)
{
  return g_object_new (ASC_TYPE_ZOCKET_ACTOR,
                       "type-name", type_name,
                       "key", key,
                       "client", client,
                       NULL);
}

static void
asc_zocket_client_dispose (GObject *object)
{
  AscZocketClient *self = ASC_ZOCKET_CLIENT (object);

  if (self->calls != NULL)
    asc_zocket_client_close (ASC_CLIENT (self));

  G_OBJECT_CLASS (asc_zocket_client_parent_class)->dispose (object);
}

static void
asc_zocket_client_finalize (GObject *object)
{
  AscZocketClient *self = ASC_ZOCKET_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->calls, _asc_call_table_free);
  g_clear_pointer (&self->client_id, g_free);

  G_OBJECT_CLASS (asc_zocket_client_parent_class)->finalize (object);
}

static void
asc_zocket_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AscZocketClient *self = ASC_ZOCKET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_zocket_client_class_init (AscZocketClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AscClientClass *client_class = ASC_CLIENT_CLASS (klass);

  object_class->dispose = asc_zocket_client_dispose;
  object_class->finalize = asc_zocket_client_finalize;
  object_class->get_property = asc_zocket_client_get_property;

  client_class->open = asc_zocket_client_open;
  client_class->close = asc_zocket_client_close;
  client_class->create_actor = asc_zocket_client_create_actor;

  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_zocket_client_init (AscZocketClient *self)
{
  self->session = soup_session_new ();
  self->calls = _asc_call_table_new (ASC_CLIENT (self));
}

/**
 * asc_zocket_client_new:
 * @uri: the server's WebSocket address, `ws://` or `wss://`
 *
 * Returns: (transfer full) (nullable): a client, or %NULL with @error set
 *   when @uri is not a WebSocket address
 */
AscZocketClient *
asc_zocket_client_new (const char  *uri,
                       GError     **error)
{
  g_return_val_if_fail (uri != NULL, NULL);

  if (!_asc_client_check_scheme (uri, "ws", "wss", _("A Zocket server"), error))
    return NULL;

  return g_object_new (ASC_TYPE_ZOCKET_CLIENT,
                       "uri", uri,
                       "kind", ASC_CLIENT_KIND_ZOCKET,
                       NULL);
}

/**
 * asc_zocket_client_get_client_id:
 *
 * Returns: (nullable): the id the server gave this connection in its
 *   `welcome`, if it sent one
 */
const char *
asc_zocket_client_get_client_id (AscZocketClient *self)
{
  g_return_val_if_fail (ASC_IS_ZOCKET_CLIENT (self), NULL);

  return self->client_id;
}

/**
 * asc_zocket_client_get_n_protocol_errors:
 *
 * Returns: how many frames were dropped because they broke the protocol
 */
guint
asc_zocket_client_get_n_protocol_errors (AscZocketClient *self)
{
  g_return_val_if_fail (ASC_IS_ZOCKET_CLIENT (self), 0);

  return self->n_protocol_errors;
}

void
_asc_zocket_client_ensure_open (AscZocketClient *self)
{
  if (!self->wanted_open)
    asc_zocket_client_open (ASC_CLIENT (self));
}

/* Sends @frame now if the socket is open. Subscriptions are not queued:
 * every open re-sends the subscriptions that are wanted. */
gboolean
_asc_zocket_client_send (AscZocketClient *self,
                         const char      *frame)
{
  if (self->connection == NULL ||
      soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return FALSE;

  g_debug ("→ %s", frame);
  soup_websocket_connection_send_text (self->connection, frame);
  return TRUE;
}

void
_asc_zocket_client_call_async (AscZocketClient     *self,
                               AscZocketActor      *actor,
                               const char          *method,
                               JsonNode            *input,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *id = NULL;
  char *frame;

  g_task_set_source_tag (task, _asc_zocket_client_call_async);
  id = asc_zocket_make_call_id (++self->call_counter, g_get_real_time () / 1000);
  frame = asc_zocket_encode_rpc (id, asc_actor_get_type_name (ASC_ACTOR (actor)),
                                 asc_actor_get_key (ASC_ACTOR (actor)), method, input);
  _asc_call_table_add (self->calls, task, id, method, frame);

  /* A socket the server is closing takes no more frames: the call waits
   * for the next one. */
  _asc_zocket_client_ensure_open (self);
  if (self->connection != NULL &&
      soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    _asc_call_table_send_waiting (self->calls, send_frame, self);
}

JsonNode *
_asc_zocket_client_call_finish (AscZocketClient  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
