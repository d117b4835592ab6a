/* asc-rivet-engine-socket.c: opening an actor's WebSockets through the gateway
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include "asc-rivet-private.h"

/* Frames can be large (a whole state) but stay bounded. */
#define MAX_INCOMING_FRAME (32 * 1024 * 1024)

static void
socket_opened_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupWebsocketConnection *socket;
  GError *error = NULL;

  socket = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (socket == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  soup_websocket_connection_set_max_incoming_payload_size (socket, MAX_INCOMING_FRAME);
  g_task_return_pointer (task, socket, g_object_unref);
}

/**
 * _asc_rivet_engine_open_socket_async:
 * @actor_id: the actor's id
 * @endpoint: the actor's path after its id, such as `connect`
 * @query: (nullable): already escaped
 * @protocols: (array zero-terminated=1): the subprotocols to offer
 *
 * Opens a WebSocket to one actor, through the gateway, with the engine's
 * token and a bound on the size of incoming frames.
 */
void
_asc_rivet_engine_open_socket_async (AscRivetEngine      *self,
                                     const char          *actor_id,
                                     const char          *endpoint,
                                     GString             *query,
                                     const char * const  *protocols,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *escaped = g_uri_escape_string (actor_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/gateway/", escaped, "/", endpoint, NULL);
  g_autoptr(SoupMessage) message = NULL;
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _asc_rivet_engine_open_socket_async);
  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, path, query, NULL);
  soup_session_websocket_connect_async (_asc_rivet_engine_get_session (self), message, NULL,
                                        (char **) protocols, G_PRIORITY_DEFAULT, cancellable,
                                        socket_opened_cb, task);
}

/* Returns: (transfer full): the open socket */
SoupWebsocketConnection *
_asc_rivet_engine_open_socket_finish (AscRivetEngine  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
