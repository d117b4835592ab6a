/* asc-test-ws-server.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-test-ws-server.h"

/* Server and client share the test's main context, so no threads. */
struct _AscTestWsServer
{
  SoupServer       *server;
  GPtrArray        *connections;
  GPtrArray        *received;
  char             *url;
  char             *welcome;
  AscTestWsHandler  handler;
  gpointer          handler_data;
  guint16           port;
  guint             n_accepted;
};

static void
message_cb (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *bytes,
            gpointer                 user_data)
{
  AscTestWsServer *self = user_data;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  char *frame = g_strndup (data, length);

  g_ptr_array_add (self->received, frame);
  if (self->handler != NULL)
    self->handler (self, frame, self->handler_data);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  AscTestWsServer *self = user_data;

  g_signal_handlers_disconnect_by_data (connection, self);
  g_ptr_array_remove (self->connections, connection);
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *message,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  AscTestWsServer *self = user_data;

  self->n_accepted++;
  soup_websocket_connection_set_max_incoming_payload_size (connection, 64 * 1024 * 1024);
  g_ptr_array_add (self->connections, g_object_ref (connection));
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), self);
  if (self->welcome != NULL)
    soup_websocket_connection_send_text (connection, self->welcome);
}

static void
listen_on (AscTestWsServer *self,
           guint16          port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSList) uris = NULL;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (self->server, NULL, NULL, NULL, websocket_cb, self, NULL);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  soup_server_listen (self->server, address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_free (self->url);
  self->url = g_strdup_printf ("ws://127.0.0.1:%u/", self->port);
}

AscTestWsServer *
asc_test_ws_server_new (void)
{
  AscTestWsServer *self = g_new0 (AscTestWsServer, 1);

  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  self->received = g_ptr_array_new_with_free_func (g_free);
  listen_on (self, 0);

  return self;
}

void
asc_test_ws_server_free (AscTestWsServer *self)
{
  asc_test_ws_server_stop (self);
  g_ptr_array_unref (self->connections);
  g_ptr_array_unref (self->received);
  g_free (self->url);
  g_free (self->welcome);
  g_free (self);
}

const char *
asc_test_ws_server_get_url (AscTestWsServer *self)
{
  return self->url;
}

void
asc_test_ws_server_set_handler (AscTestWsServer  *self,
                                AscTestWsHandler  handler,
                                gpointer          user_data)
{
  self->handler = handler;
  self->handler_data = user_data;
}

/* The frame sent to each new connection, e.g. a `welcome`. */
void
asc_test_ws_server_set_welcome (AscTestWsServer *self,
                                const char      *frame)
{
  g_free (self->welcome);
  self->welcome = g_strdup (frame);
}

/**
 * asc_test_ws_server_get_received:
 *
 * Returns: (transfer none) (element-type utf8): every frame received, in order
 */
GPtrArray *
asc_test_ws_server_get_received (AscTestWsServer *self)
{
  return self->received;
}

guint
asc_test_ws_server_count_received (AscTestWsServer *self,
                                   const char      *substring)
{
  guint count = 0;

  for (guint i = 0; i < self->received->len; i++)
    if (strstr (g_ptr_array_index (self->received, i), substring) != NULL)
      count++;

  return count;
}

guint
asc_test_ws_server_get_n_open (AscTestWsServer *self)
{
  return self->connections->len;
}

guint
asc_test_ws_server_get_n_accepted (AscTestWsServer *self)
{
  return self->n_accepted;
}

/* Sends @frame to every open connection. */
void
asc_test_ws_server_send (AscTestWsServer *self,
                         const char      *frame)
{
  for (guint i = 0; i < self->connections->len; i++)
    soup_websocket_connection_send_text (g_ptr_array_index (self->connections, i), frame);
}

void
asc_test_ws_server_send_bytes (AscTestWsServer *self,
                               const char      *data,
                               gsize            length)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);

  for (guint i = 0; i < self->connections->len; i++)
    soup_websocket_connection_send_message (g_ptr_array_index (self->connections, i),
                                            SOUP_WEBSOCKET_DATA_TEXT, bytes);
}

/* Drops every connection without a close frame, as a killed server would. */
void
asc_test_ws_server_kill_connections (AscTestWsServer *self)
{
  while (self->connections->len > 0)
    {
      SoupWebsocketConnection *connection = g_ptr_array_index (self->connections, 0);
      GIOStream *stream = soup_websocket_connection_get_io_stream (connection);

      g_signal_handlers_disconnect_by_data (connection, self);
      g_io_stream_close (stream, NULL, NULL);
      g_ptr_array_remove_index (self->connections, 0);
    }
}

/* Stops listening and kills the connections: the port then refuses. */
void
asc_test_ws_server_stop (AscTestWsServer *self)
{
  asc_test_ws_server_kill_connections (self);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
}

/* Listens again on the same port. */
void
asc_test_ws_server_restart (AscTestWsServer *self)
{
  g_assert_null (self->server);
  listen_on (self, self->port);
}
