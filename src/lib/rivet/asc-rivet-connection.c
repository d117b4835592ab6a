/* asc-rivet-connection.c: one actor's `/connect` WebSocket, for its events
 * and calls
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RivetKit sends an event only to connections that subscribed to its name,
 * and nothing on the wire lists the names: the caller supplies them. The
 * frames are JSON, in text frames. An open connection keeps the actor awake.
 * Calls made while the socket is down wait for the next `Init`.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-actor-private.h"
#include "asc-call-table.h"
#include "asc-error.h"
#include "asc-rivet-connection.h"
#include "asc-rivet-connection-protocol.h"
#include "asc-rivet-private.h"
#include "asc-rivet-values.h"
#include "asc-json-text.h"

#define RECONNECT_FIRST_MS 500
/* Calls may be waiting for the socket: do not back off for long. */
#define RECONNECT_MAX_MS 5000

struct _AscRivetConnection
{
  GObject                  parent_instance;

  AscRivetActor           *actor;   /* weak: the actor owns this */
  GHashTable              *names;   /* the event names to subscribe */
  AscCallTable            *calls;
  guint64                  last_call_id;
  GCancellable            *cancellable;
  SoupWebsocketConnection *socket;
  gboolean                 wanted;
  gboolean                 ready;   /* Init arrived: subscriptions are sent */
  gboolean                 refused; /* onBeforeConnect said no: do not retry */
  guint                    reconnect_ms;
  guint                    reconnect_source;
};

G_DEFINE_FINAL_TYPE (AscRivetConnection, asc_rivet_connection, G_TYPE_OBJECT)

static void start (AscRivetConnection *self);

static AscRivetClient *
get_client (AscRivetConnection *self)
{
  AscRivetClient *client = NULL;

  g_object_get (self->actor, "client", &client, NULL);
  g_object_unref (client);   /* the client outlives its actors */
  return client;
}

/* Made on first use: the actor has no client yet when it makes this. */
static AscCallTable *
get_calls (AscRivetConnection *self)
{
  if (self->calls == NULL)
    self->calls = _asc_call_table_new (ASC_CLIENT (get_client (self)));
  return self->calls;
}

static void
log_text (AscRivetConnection *self,
          AscEventKind        kind,
          const char         *text)
{
  g_debug ("%s", text);
  _asc_actor_log (ASC_ACTOR (self->actor), kind, NULL, NULL, text);
}

static void
drop_socket (AscRivetConnection *self)
{
  self->ready = FALSE;
  if (self->socket == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->socket, self);
  if (soup_websocket_connection_get_state (self->socket) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->socket, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->socket);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  AscRivetConnection *self = user_data;

  self->reconnect_source = 0;
  start (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (AscRivetConnection *self)
{
  if (!self->wanted || self->refused || self->reconnect_source != 0)
    return;

  g_debug ("Reconnecting the events socket in %u ms", self->reconnect_ms);
  self->reconnect_source = g_timeout_add (self->reconnect_ms, reconnect_cb, self);
  self->reconnect_ms = MIN (self->reconnect_ms * 2, RECONNECT_MAX_MS);
}

static void
send_subscription (AscRivetConnection *self,
                   const char         *name)
{
  g_autofree char *frame = asc_rivet_connection_encode_subscription_request (name, TRUE);

  soup_websocket_connection_send_text (self->socket, frame);
}

static void
send_frame (const char *frame,
            gpointer    user_data)
{
  AscRivetConnection *self = user_data;

  g_debug ("→ %s", frame);
  soup_websocket_connection_send_text (self->socket, frame);
}

static void
subscribe_all (AscRivetConnection *self)
{
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    send_subscription (self, name);
}

static char *
call_id_string (guint64 id)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, id);
}

/* The same error an HTTP call gets for the same failure. */
static GError *
error_from_message (AscRivetConnectionMessage *message)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_string_member (body, "group", message->group != NULL ? message->group : "");
  json_object_set_string_member (body, "code", message->code != NULL ? message->code : "");
  json_object_set_string_member (body, "message",
                                 message->message != NULL ? message->message : "");
  if (message->metadata != NULL)
    json_object_set_member (body, "metadata", json_node_copy (message->metadata));
  if (message->actor != NULL)
    json_object_set_member (body, "actor", json_node_copy (message->actor));

  return _asc_rivet_error_from_json (body);
}

static void
handle_action_response (AscRivetConnection        *self,
                        AscRivetConnectionMessage *message)
{
  g_autofree char *id = call_id_string (message->id);
  JsonNode *output = message->output;

  /* A void action answers `undefined`, which a caller sees as null. */
  if (output != NULL && asc_rivet_value_get_kind (output) == ASC_RIVET_VALUE_UNDEFINED)
    output = NULL;
  _asc_actor_set_status (ASC_ACTOR (self->actor), ASC_ACTOR_STATUS_AWAKE);
  _asc_call_table_settle (get_calls (self), id, output, NULL);
}

static void
handle_error (AscRivetConnection        *self,
              AscRivetConnectionMessage *message)
{
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (message->has_action_id)
    {
      id = call_id_string (message->action_id);
      _asc_call_table_settle (get_calls (self), id, NULL, error_from_message (message));
      return;
    }

  error = error_from_message (message);
  if (g_error_matches (error, ASC_ERROR, ASC_ERROR_FORBIDDEN))
    {
      self->refused = TRUE;
      _asc_call_table_fail_waiting (get_calls (self), error);
    }
  text = g_strdup_printf (_("The actor refused the connection: %s (%s.%s)"),
                          message->message, message->group, message->code);
  log_text (self, ASC_EVENT_KIND_ERROR, text);
}

static void
handle_message (AscRivetConnection        *self,
                AscRivetConnectionMessage *message)
{
  switch (message->type)
    {
    case ASC_RIVET_CONNECTION_MESSAGE_INIT:
      self->ready = TRUE;
      self->reconnect_ms = RECONNECT_FIRST_MS;
      _asc_actor_set_status (ASC_ACTOR (self->actor), ASC_ACTOR_STATUS_AWAKE);
      log_text (self, ASC_EVENT_KIND_CONNECTION, _("Connected"));
      subscribe_all (self);
      _asc_call_table_send_waiting (get_calls (self), send_frame, self);
      break;
    case ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE:
      handle_action_response (self, message);
      break;
    case ASC_RIVET_CONNECTION_MESSAGE_EVENT:
      _asc_actor_emit_event (ASC_ACTOR (self->actor), message->name, message->args);
      break;
    case ASC_RIVET_CONNECTION_MESSAGE_ERROR:
      handle_error (self, message);
      break;
    default:
      break;
    }
}

static void
socket_message_cb (SoupWebsocketConnection *socket,
                   gint                     type,
                   GBytes                  *bytes,
                   gpointer                 user_data)
{
  AscRivetConnection *self = user_data;
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  message = asc_rivet_connection_message_parse (data, length, &error);
  if (message == NULL)
    {
      text = g_strdup_printf (_("Could not read a frame of the events connection: %s"),
                              error->message);
      log_text (self, ASC_EVENT_KIND_ERROR, text);
      return;
    }

  handle_message (self, message);
}

static void
fail_waiting_refused (AscRivetConnection *self,
                      const char         *reason)
{
  g_autoptr(GError) error = NULL;

  error = g_error_new (ASC_ERROR, ASC_ERROR_FORBIDDEN,
                       _("Access refused: the actor closed the connection (%s)"),
                       reason != NULL ? reason : "");
  _asc_call_table_fail_waiting (get_calls (self), error);
}

static void
socket_closed_cb (SoupWebsocketConnection *socket,
                  gpointer                 user_data)
{
  AscRivetConnection *self = user_data;
  const char *data = soup_websocket_connection_get_close_data (socket);
  gushort code = soup_websocket_connection_get_close_code (socket);
  g_autoptr(AscRivetCloseReason) reason = asc_rivet_close_reason_parse (data);
  g_autofree char *text = NULL;

  drop_socket (self);
  if (reason != NULL && g_strcmp0 (reason->code, "forbidden") == 0)
    self->refused = TRUE;

  if (data != NULL && data[0] != '\0')
    text = g_strdup_printf (_("The connection was closed: %s (code %u)"), data, code);
  else
    text = g_strdup_printf (_("The connection was closed (code %u)"), code);
  _asc_call_table_fail_sent (get_calls (self), text);
  if (self->refused)
    fail_waiting_refused (self, data);
  log_text (self, self->refused ? ASC_EVENT_KIND_ERROR : ASC_EVENT_KIND_CONNECTION, text);
  schedule_reconnect (self);
}

static void
socket_error_cb (SoupWebsocketConnection *socket,
                 GError                  *error,
                 gpointer                 user_data)
{
  g_debug ("Events WebSocket error: %s", error->message);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AscRivetConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SoupWebsocketConnection *socket;

  socket = _asc_rivet_engine_open_socket_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (socket == NULL)
    {
      text = g_strdup_printf (_("Could not open the connection: %s"), error->message);
      log_text (self, ASC_EVENT_KIND_ERROR, text);
      schedule_reconnect (self);
      return;
    }

  self->socket = socket;
  g_signal_connect (socket, "message", G_CALLBACK (socket_message_cb), self);
  g_signal_connect (socket, "closed", G_CALLBACK (socket_closed_cb), self);
  g_signal_connect (socket, "error", G_CALLBACK (socket_error_cb), self);
}

/* Returns: (transfer full) (nullable): the params subprotocol */
static char *
params_protocol (AscRivetConnection *self)
{
  JsonNode *params = asc_client_get_connection_params (ASC_CLIENT (get_client (self)));
  g_autofree char *json = NULL;
  g_autofree char *escaped = NULL;

  if (params == NULL)
    return NULL;

  /* encodeURIComponent(): escape all but the unreserved characters. */
  json = asc_json_to_text (params);
  escaped = g_uri_escape_string (json, "!'()*", FALSE);
  return g_strconcat ("rivet_conn_params.", escaped, NULL);
}

static void
connect_socket (AscRivetConnection *self,
                const char         *actor_id)
{
  AscRivetEngine *engine = _asc_rivet_client_get_engine (get_client (self));
  g_autofree char *params = params_protocol (self);
  const char *protocols[] = { "rivet", "rivet_encoding.json", params, NULL };

  _asc_rivet_engine_open_socket_async (engine, actor_id, "connect", NULL, protocols,
                                       self->cancellable, connected_cb, g_object_ref (self));
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AscRivetConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor_id = NULL;
  g_autofree char *text = NULL;

  actor_id = asc_rivet_actor_resolve_finish (ASC_RIVET_ACTOR (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (actor_id == NULL)
    {
      g_clear_object (&self->cancellable);
      text = g_strdup_printf (_("Could not find the actor to receive its events: %s"),
                              error->message);
      log_text (self, ASC_EVENT_KIND_ERROR, text);
      schedule_reconnect (self);
      return;
    }

  connect_socket (self, actor_id);
}

static void
start (AscRivetConnection *self)
{
  if (self->socket != NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  asc_rivet_actor_resolve_async (self->actor, self->cancellable, resolved_cb,
                                 g_object_ref (self));
}

/**
 * asc_rivet_connection_open:
 *
 * Opens the connection and keeps it open, reconnecting with a growing delay
 * when it drops, until asc_rivet_connection_close().
 */
void
asc_rivet_connection_open (AscRivetConnection *self)
{
  g_return_if_fail (ASC_IS_RIVET_CONNECTION (self));

  self->wanted = TRUE;
  self->refused = FALSE;
  self->reconnect_ms = RECONNECT_FIRST_MS;
  start (self);
}

void
asc_rivet_connection_close (AscRivetConnection *self)
{
  g_return_if_fail (ASC_IS_RIVET_CONNECTION (self));

  self->wanted = FALSE;
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  drop_socket (self);
  if (self->calls != NULL)
    {
      _asc_call_table_fail_sent (self->calls, _("closed by this client"));
      _asc_call_table_fail_waiting (self->calls, NULL);
    }
}

/**
 * asc_rivet_connection_is_open:
 *
 * Returns: whether the connection is wanted open
 */
gboolean
asc_rivet_connection_is_open (AscRivetConnection *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_CONNECTION (self), FALSE);

  return self->wanted;
}

/**
 * asc_rivet_connection_subscribe:
 *
 * Adds @event_name to the events received, now if the connection is ready,
 * and after every reconnection.
 */
void
asc_rivet_connection_subscribe (AscRivetConnection *self,
                                const char         *event_name)
{
  g_return_if_fail (ASC_IS_RIVET_CONNECTION (self));
  g_return_if_fail (event_name != NULL);

  if (!g_hash_table_add (self->names, g_strdup (event_name)))
    return;

  if (self->ready)
    send_subscription (self, event_name);
}

/**
 * asc_rivet_connection_set_event_names:
 * @names: (array zero-terminated=1): the event names
 *
 * Subscribes to each of @names; names subscribed before stay subscribed.
 */
void
asc_rivet_connection_set_event_names (AscRivetConnection *self,
                                      const char * const *names)
{
  g_return_if_fail (ASC_IS_RIVET_CONNECTION (self));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    asc_rivet_connection_subscribe (self, names[i]);
}

static void
asc_rivet_connection_dispose (GObject *object)
{
  AscRivetConnection *self = ASC_RIVET_CONNECTION (object);

  asc_rivet_connection_close (self);

  G_OBJECT_CLASS (asc_rivet_connection_parent_class)->dispose (object);
}

static void
asc_rivet_connection_finalize (GObject *object)
{
  AscRivetConnection *self = ASC_RIVET_CONNECTION (object);

  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->calls, _asc_call_table_free);

  G_OBJECT_CLASS (asc_rivet_connection_parent_class)->finalize (object);
}

static void
asc_rivet_connection_class_init (AscRivetConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = asc_rivet_connection_dispose;
  object_class->finalize = asc_rivet_connection_finalize;
}

static void
asc_rivet_connection_init (AscRivetConnection *self)
{
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reconnect_ms = RECONNECT_FIRST_MS;
}

/**
 * asc_rivet_connection_new:
 * @actor: the actor, which must outlive the connection
 *
 * Returns: (transfer full): a closed connection
 */
AscRivetConnection *
asc_rivet_connection_new (AscRivetActor *actor)
{
  AscRivetConnection *self = g_object_new (ASC_TYPE_RIVET_CONNECTION, NULL);

  self->actor = actor;
  return self;
}

/**
 * asc_rivet_connection_call_async:
 * @args: (nullable): a JSON array of positional arguments, in JSON-compat
 *   form; %NULL for none
 *
 * Runs an action over this connection, with its parameters and its
 * connection state. While the socket is down (the server restarting, the
 * actor waking up) the call waits, within the client's call timeout, and
 * is sent once the connection is back. Opens the connection if needed;
 * it then stays open until asc_rivet_connection_close().
 */
void
asc_rivet_connection_call_async (AscRivetConnection  *self,
                                 const char          *method,
                                 JsonNode            *args,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  g_autofree char *id = NULL;

  g_return_if_fail (ASC_IS_RIVET_CONNECTION (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (args == NULL || JSON_NODE_HOLDS_ARRAY (args));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_connection_call_async);
  id = call_id_string (++self->last_call_id);
  _asc_call_table_add (get_calls (self), task, id, method,
                       asc_rivet_connection_encode_action_request (self->last_call_id,
                                                                   method, args));
  /* A socket the server is closing takes no more frames: the call waits
   * for the next one. */
  if (!self->wanted)
    asc_rivet_connection_open (self);
  else if (self->ready &&
           soup_websocket_connection_get_state (self->socket) == SOUP_WEBSOCKET_STATE_OPEN)
    _asc_call_table_send_waiting (get_calls (self), send_frame, self);
}

/**
 * asc_rivet_connection_call_finish:
 *
 * Returns: (transfer full): the action's output; JSON null when it
 *   returned nothing
 */
JsonNode *
asc_rivet_connection_call_finish (AscRivetConnection  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
