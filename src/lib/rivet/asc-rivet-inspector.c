/* asc-rivet-inspector.c: one actor's inspector WebSocket, mirroring its state
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector pushes the whole state after every change. It does not keep
 * the actor awake: when the actor sleeps, the server closes the socket with
 * "actor.stopped", and this side stays closed, since reconnecting would wake
 * the actor again.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-actor-private.h"
#include "asc-rivet-connection-protocol.h"
#include "asc-rivet-inspector.h"
#include "asc-rivet-inspector-protocol.h"
#include "asc-rivet-private.h"

#define INSPECTOR_PROTOCOL_VERSION 6
/* How long the saved state of Init waits for the live one. */
#define LIVE_STATE_WAIT_MS 3000

struct _AscRivetInspector
{
  GObject                  parent_instance;

  AscRivetActor           *actor;   /* weak: the actor owns this */
  GCancellable            *cancellable;
  SoupWebsocketConnection *socket;
  guint64                  last_request_id;
  JsonNode                *saved_state;   /* Init's, until the live one arrives */
  guint                    live_state_source;
  AscCborCache            *states;        /* the last state, to decode the next against */
};

G_DEFINE_FINAL_TYPE (AscRivetInspector, asc_rivet_inspector, G_TYPE_OBJECT)

static AscRivetEngine *
get_engine (AscRivetInspector *self)
{
  AscRivetClient *client = NULL;

  g_object_get (self->actor, "client", &client, NULL);
  g_object_unref (client);   /* the client outlives its actors */
  return _asc_rivet_client_get_engine (client);
}

static void
log_error (AscRivetInspector *self,
           const char        *text)
{
  g_debug ("%s", text);
  _asc_actor_log (ASC_ACTOR (self->actor), ASC_EVENT_KIND_ERROR, NULL, NULL, text);
}

static void
forget_saved_state (AscRivetInspector *self)
{
  g_clear_pointer (&self->saved_state, json_node_unref);
  g_clear_handle_id (&self->live_state_source, g_source_remove);
}

static void
drop_socket (AscRivetInspector *self)
{
  forget_saved_state (self);
  if (self->socket == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->socket, self);
  if (soup_websocket_connection_get_state (self->socket) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->socket, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->socket);
}

static void
request_state (AscRivetInspector *self)
{
  g_autoptr(GBytes) frame = NULL;

  frame = asc_rivet_inspector_encode_request (ASC_RIVET_INSPECTOR_REQUEST_STATE,
                                              ++self->last_request_id);
  soup_websocket_connection_send_message (self->socket, SOUP_WEBSOCKET_DATA_BINARY, frame);
}

static AscStateStore *
get_store (AscRivetInspector *self)
{
  return asc_actor_get_state_store (ASC_ACTOR (self->actor));
}

/* An inspector that never answers still shows the saved state. */
static gboolean
live_state_late_cb (gpointer user_data)
{
  AscRivetInspector *self = user_data;
  g_autoptr(JsonNode) saved = g_steal_pointer (&self->saved_state);

  self->live_state_source = 0;
  g_debug ("No live state within %d ms; showing the saved one", LIVE_STATE_WAIT_MS);
  asc_state_store_reset (get_store (self), saved);
  return G_SOURCE_REMOVE;
}

/* Init carries the state as last saved, which may be behind the live one:
 * it waits for the answer to a state request, so that the store's first
 * snapshot, and every one after a reconnection, is the live state. */
static void
handle_init (AscRivetInspector *self,
             JsonNode          *state)
{
  _asc_actor_set_status (ASC_ACTOR (self->actor), ASC_ACTOR_STATUS_AWAKE);
  forget_saved_state (self);
  self->saved_state = json_node_ref (state);
  self->live_state_source = g_timeout_add (LIVE_STATE_WAIT_MS, live_state_late_cb, self);
  request_state (self);
}

static void
handle_state (AscRivetInspector *self,
              JsonNode          *state)
{
  if (self->saved_state == NULL)
    {
      asc_state_store_update (get_store (self), state);
      return;
    }

  forget_saved_state (self);
  asc_state_store_reset (get_store (self), state);
}

static void
handle_message (AscRivetInspector        *self,
                AscRivetInspectorMessage *message)
{
  g_autoptr(JsonNode) null_state = json_node_new (JSON_NODE_NULL);
  g_autofree char *text = NULL;
  JsonNode *state = message->state != NULL ? message->state : null_state;

  switch (message->type)
    {
    case ASC_RIVET_INSPECTOR_MESSAGE_INIT:
      handle_init (self, state);
      if (message->connections != NULL)
        _asc_rivet_actor_set_connections (self->actor, message->connections);
      break;
    case ASC_RIVET_INSPECTOR_MESSAGE_STATE_UPDATED:
    case ASC_RIVET_INSPECTOR_MESSAGE_STATE_RESPONSE:
      handle_state (self, state);
      break;
    case ASC_RIVET_INSPECTOR_MESSAGE_CONNECTIONS_UPDATED:
    case ASC_RIVET_INSPECTOR_MESSAGE_CONNECTIONS_RESPONSE:
      if (message->connections != NULL)
        _asc_rivet_actor_set_connections (self->actor, message->connections);
      break;
    case ASC_RIVET_INSPECTOR_MESSAGE_ERROR:
      text = g_strdup_printf (_("The Rivet inspector reported an error: %s"), message->message);
      log_error (self, text);
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
  AscRivetInspector *self = user_data;
  g_autoptr(AscRivetInspectorMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  message = asc_rivet_inspector_message_parse_cached (data, length, self->states, &error);
  if (message == NULL)
    {
      text = g_strdup_printf (_("Could not read a frame of the Rivet inspector: %s"),
                              error->message);
      log_error (self, text);
      return;
    }

  handle_message (self, message);
}

static void
socket_closed_cb (SoupWebsocketConnection *socket,
                  gpointer                 user_data)
{
  AscRivetInspector *self = user_data;
  AscActor *actor = ASC_ACTOR (self->actor);
  const char *data = soup_websocket_connection_get_close_data (socket);
  gushort code = soup_websocket_connection_get_close_code (socket);
  g_autoptr(AscRivetCloseReason) reason = asc_rivet_close_reason_parse (data);
  g_autofree char *text = NULL;

  drop_socket (self);

  if (reason != NULL && g_strcmp0 (reason->group, "actor") == 0 &&
      g_strcmp0 (reason->code, "stopped") == 0)
    {
      _asc_actor_set_status (actor, ASC_ACTOR_STATUS_SLEEPING);
      _asc_actor_log (actor, ASC_EVENT_KIND_CONNECTION, NULL, NULL,
                      _("The actor went to sleep; resync its state to wake it"));
      return;
    }

  if (data != NULL && data[0] != '\0')
    text = g_strdup_printf (_("The Rivet inspector closed the connection: %s (code %u)"),
                            data, code);
  else
    text = g_strdup_printf (_("The Rivet inspector closed the connection (code %u)"), code);
  log_error (self, text);
}

static void
socket_error_cb (SoupWebsocketConnection *socket,
                 GError                  *error,
                 gpointer                 user_data)
{
  g_debug ("Inspector WebSocket error: %s", error->message);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AscRivetInspector) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SoupWebsocketConnection *socket;

  socket = _asc_rivet_engine_open_socket_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (socket == NULL)
    {
      text = g_strdup_printf (_("Could not open the Rivet inspector: %s"), error->message);
      log_error (self, text);
      return;
    }

  self->socket = socket;
  g_signal_connect (socket, "message", G_CALLBACK (socket_message_cb), self);
  g_signal_connect (socket, "closed", G_CALLBACK (socket_closed_cb), self);
  g_signal_connect (socket, "error", G_CALLBACK (socket_error_cb), self);
  _asc_actor_log (ASC_ACTOR (self->actor), ASC_EVENT_KIND_CONNECTION, NULL, NULL,
                  _("Watching the state through the Rivet inspector"));
}

static void
connect_socket (AscRivetInspector *self,
                const char        *actor_id,
                const char        *token)
{
  g_autofree char *token_protocol = g_strconcat ("rivet_inspector_token.", token, NULL);
  const char *protocols[] = { "rivet", token_protocol, NULL };
  g_autoptr(GString) query = g_string_new (NULL);

  g_string_append_printf (query, "protocol_version=%d", INSPECTOR_PROTOCOL_VERSION);
  _asc_rivet_engine_open_socket_async (get_engine (self), actor_id, "inspector/connect", query,
                                       protocols, self->cancellable, connected_cb,
                                       g_object_ref (self));
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AscRivetInspector) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;
  const char *actor_id;

  token = asc_rivet_engine_get_inspector_token_finish (ASC_RIVET_ENGINE (object), result,
                                                       &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  actor_id = asc_rivet_actor_get_actor_id (self->actor);
  if (token == NULL || actor_id == NULL)
    {
      g_clear_object (&self->cancellable);
      text = g_strdup_printf (_("Could not get the actor’s inspector token: %s"),
                              error != NULL ? error->message : _("the actor has no id"));
      log_error (self, text);
      return;
    }

  connect_socket (self, actor_id, token);
}

/* The actor writes its token on its first start: wake it before reading. */
static void
metadata_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AscRivetInspector) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *version = NULL;
  const char *actor_id = asc_rivet_actor_get_actor_id (self->actor);
  guint protocol;

  root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    version = _asc_rivet_json_get_string (json_node_get_object (root), "version");
  protocol = version != NULL ? asc_rivet_engine_inspector_protocol_version (version) : 0;
  if (root == NULL || actor_id == NULL ||
      (protocol != 0 && protocol != INSPECTOR_PROTOCOL_VERSION))
    {
      g_clear_object (&self->cancellable);
      if (root == NULL)
        text = g_strdup_printf (_("Could not reach the actor to watch its state: %s"),
                                error->message);
      else if (actor_id == NULL)
        text = g_strdup (_("Could not watch the state: the actor has no id"));
      else
        text = g_strdup_printf (_("Could not watch the state: RivetKit %s speaks inspector "
                                  "protocol %u, and only %u is supported"),
                                version, protocol, INSPECTOR_PROTOCOL_VERSION);
      log_error (self, text);
      return;
    }

  asc_rivet_engine_get_inspector_token_async (ASC_RIVET_ENGINE (object), actor_id,
                                              self->cancellable, token_cb,
                                              g_object_ref (self));
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AscRivetInspector) self = user_data;
  AscRivetEngine *engine = get_engine (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *actor_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  actor_id = asc_rivet_actor_resolve_finish (ASC_RIVET_ACTOR (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (actor_id == NULL)
    {
      g_clear_object (&self->cancellable);
      text = g_strdup_printf (_("Could not find the actor to watch its state: %s"),
                              error->message);
      log_error (self, text);
      return;
    }

  escaped = g_uri_escape_string (actor_id, NULL, FALSE);
  path = g_strconcat ("/gateway/", escaped, "/metadata", NULL);
  message = _asc_rivet_engine_new_message (engine, SOUP_METHOD_GET, path, NULL, NULL);
  _asc_rivet_engine_send_async (engine, message, self->cancellable, metadata_cb,
                                g_object_ref (self));
}

/**
 * asc_rivet_inspector_open:
 *
 * Resolves the actor, reads its inspector token and opens the inspector
 * socket. Opening wakes a sleeping actor. Does nothing if already open or
 * opening.
 */
void
asc_rivet_inspector_open (AscRivetInspector *self)
{
  g_return_if_fail (ASC_IS_RIVET_INSPECTOR (self));

  if (asc_rivet_inspector_is_open (self))
    return;

  self->cancellable = g_cancellable_new ();
  asc_rivet_actor_resolve_async (self->actor, self->cancellable, resolved_cb,
                                 g_object_ref (self));
}

/**
 * asc_rivet_inspector_close:
 *
 * Stops opening, or closes the socket.
 */
void
asc_rivet_inspector_close (AscRivetInspector *self)
{
  g_return_if_fail (ASC_IS_RIVET_INSPECTOR (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  drop_socket (self);
}

/**
 * asc_rivet_inspector_is_open:
 *
 * Returns: whether the socket is open or being opened
 */
gboolean
asc_rivet_inspector_is_open (AscRivetInspector *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_INSPECTOR (self), FALSE);

  return self->socket != NULL || self->cancellable != NULL;
}

static void
asc_rivet_inspector_dispose (GObject *object)
{
  AscRivetInspector *self = ASC_RIVET_INSPECTOR (object);

  asc_rivet_inspector_close (self);

  G_OBJECT_CLASS (asc_rivet_inspector_parent_class)->dispose (object);
}

static void
asc_rivet_inspector_finalize (GObject *object)
{
  AscRivetInspector *self = ASC_RIVET_INSPECTOR (object);

  g_clear_pointer (&self->states, asc_cbor_cache_free);

  G_OBJECT_CLASS (asc_rivet_inspector_parent_class)->finalize (object);
}

static void
asc_rivet_inspector_class_init (AscRivetInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = asc_rivet_inspector_dispose;
  object_class->finalize = asc_rivet_inspector_finalize;
}

static void
asc_rivet_inspector_init (AscRivetInspector *self)
{
  self->states = asc_cbor_cache_new ();
}

/**
 * asc_rivet_inspector_new:
 * @actor: the actor, which must outlive the inspector
 *
 * Returns: (transfer full): a closed inspector
 */
AscRivetInspector *
asc_rivet_inspector_new (AscRivetActor *actor)
{
  AscRivetInspector *self = g_object_new (ASC_TYPE_RIVET_INSPECTOR, NULL);

  self->actor = actor;
  return self;
}
