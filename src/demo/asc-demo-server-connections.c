/* asc-demo-server-connections.c: the clients of the demo server and what
 * they ask for
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-server-private.h"

#include "asc-demo-protocol.h"
#include "asc-demo-validate.h"

#include <glib/gi18n-lib.h>

static char *
make_client_id (guint64 counter)
{
  static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  char base36[16];
  guint i = sizeof base36 - 1;

  base36[i] = '\0';
  do
    base36[--i] = digits[ms % 36];
  while ((ms /= 36) > 0 && i > 0);

  return g_strdup_printf ("demo_%" G_GUINT64_FORMAT "_%s", counter, base36 + i);
}

AscDemoInstance *
_asc_demo_server_ensure_instance (AscDemoServer           *self,
                                  const AscDemoActorClass *klass,
                                  JsonNode                *actor_id)
{
  g_autofree char *id = asc_demo_js_string (actor_id);
  g_autofree char *key = g_strconcat (klass->name, ":", id, NULL);
  AscDemoInstance *instance = g_hash_table_lookup (self->instances, key);

  if (instance != NULL)
    return instance;

  g_debug ("Creating %s", key);
  instance = asc_demo_instance_new (klass, actor_id, self->rand);
  g_hash_table_insert (self->instances, g_steal_pointer (&key), instance);
  return instance;
}

static void
reply (AscDemoPeer    *peer,
       AscDemoRequest *request,
       JsonNode       *result,
       const char     *error)
{
  g_autofree char *frame = error != NULL
    ? asc_demo_encode_error (request->id, error)
    : asc_demo_encode_result (request->id, result);

  asc_demo_peer_send (peer, frame);
}

/* The checks run in Zocket's order: method, then input, then the call. */
static void
handle_rpc (AscDemoServer   *self,
            AscDemoPeer     *peer,
            AscDemoInstance *instance,
            AscDemoRequest  *request)
{
  const AscDemoActorClass *klass = asc_demo_instance_get_class (instance);
  const AscDemoMethod *method = asc_demo_actor_find_method (klass, request->method);
  g_autoptr(JsonNode) issues = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  asc_demo_instance_touch (instance, peer);
  if (method == NULL)
    {
      text = g_strdup_printf ("Unknown method: %s", request->method);
      reply (peer, request, NULL, text);
      return;
    }

  issues = asc_demo_validate_input (klass->name, method->name, request->input);
  if (issues != NULL)
    {
      g_autofree char *json = json_to_string (issues, FALSE);

      text = g_strdup_printf ("Validation failed for %s: %s", method->name, json);
      reply (peer, request, NULL, text);
      return;
    }

  if (!asc_demo_instance_call (instance, method, peer, request->input, &result, &error))
    reply (peer, request, NULL, error->message);
  else
    reply (peer, request, result, NULL);
}

static void
handle_request (AscDemoServer  *self,
                AscDemoPeer    *peer,
                AscDemoRequest *request)
{
  const AscDemoActorClass *klass = asc_demo_actor_lookup (request->actor);
  g_autofree char *text = NULL;
  AscDemoInstance *instance;

  /* Only a call gets an answer; a subscription to nothing gets silence. */
  if (klass == NULL)
    {
      text = g_strdup_printf ("Unknown actor: %s", request->actor);
      if (request->type == ASC_DEMO_REQUEST_RPC)
        reply (peer, request, NULL, text);
      return;
    }

  instance = _asc_demo_server_ensure_instance (self, klass, request->actor_id);
  switch (request->type)
    {
    case ASC_DEMO_REQUEST_RPC:
      handle_rpc (self, peer, instance, request);
      break;
    case ASC_DEMO_REQUEST_STATE_SUB:
      /* Subscribed before the connect hook runs, so a first subscriber sees
       * the hook's patch and then a snapshot that holds it, as on Zocket. */
      asc_demo_instance_set_state_subscribed (instance, peer, TRUE);
      asc_demo_instance_touch (instance, peer);
      asc_demo_instance_send_snapshot (instance, peer);
      break;
    case ASC_DEMO_REQUEST_STATE_UNSUB:
      asc_demo_instance_set_state_subscribed (instance, peer, FALSE);
      break;
    case ASC_DEMO_REQUEST_EVENT_SUB:
      asc_demo_instance_touch (instance, peer);
      asc_demo_instance_set_events_subscribed (instance, peer, TRUE);
      break;
    case ASC_DEMO_REQUEST_EVENT_UNSUB:
      asc_demo_instance_set_events_subscribed (instance, peer, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static AscDemoPeer *
find_peer (AscDemoServer           *self,
           SoupWebsocketConnection *connection)
{
  for (guint i = 0; i < self->peers->len; i++)
    {
      AscDemoPeer *peer = g_ptr_array_index (self->peers, i);

      if (peer->connection == connection)
        return peer;
    }

  return NULL;
}

/* Binary frames are read as text, as Zocket does. */
static void
message_cb (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *bytes,
            gpointer                 user_data)
{
  AscDemoServer *self = user_data;
  AscDemoPeer *peer = find_peer (self, connection);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(AscDemoRequest) request = NULL;

  if (peer == NULL)
    return;

  if (length < 4096)
    g_debug ("← %s %.*s", peer->client_id, (int) length, data);
  request = asc_demo_request_parse (data, length);
  if (request != NULL)
    handle_request (self, peer, request);
}

static void
detach_peer (AscDemoServer *self,
             AscDemoPeer   *peer,
             gboolean       run_hooks)
{
  g_signal_handlers_disconnect_by_data (peer->connection, self);
  while (peer->instances->len > 0)
    asc_demo_instance_forget (g_ptr_array_index (peer->instances, peer->instances->len - 1),
                              peer, run_hooks);
  g_ptr_array_remove (self->peers, peer);
  _asc_demo_server_notify_n_clients (self);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  AscDemoServer *self = user_data;
  AscDemoPeer *peer = find_peer (self, connection);

  g_assert (peer != NULL);
  g_debug ("%s left", peer->client_id);
  detach_peer (self, peer, TRUE);
}

void
_asc_demo_server_websocket_cb (SoupServer              *server,
                               SoupServerMessage       *message,
                               const char              *path,
                               SoupWebsocketConnection *connection,
                               gpointer                 user_data)
{
  AscDemoServer *self = user_data;
  g_autofree char *client_id = make_client_id (++self->n_accepted);
  g_autofree char *welcome = asc_demo_encode_welcome (client_id);
  AscDemoPeer *peer = asc_demo_peer_new (connection, client_id);

  g_debug ("%s joined", client_id);
  g_ptr_array_add (self->peers, peer);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), self);
  asc_demo_peer_send (peer, welcome);
  _asc_demo_server_notify_n_clients (self);
}

static void
close_connection_cb (SoupWebsocketConnection *connection,
                     gpointer                 user_data)
{
  AscDemoServer *self = user_data;

  g_signal_handlers_disconnect_by_data (connection, self);
  g_ptr_array_remove (self->closing, connection);
}

/* The connection is kept until the client answers the close frame, so the
 * frame goes out instead of the socket just dropping. */
static void
close_peer (AscDemoServer *self,
            AscDemoPeer   *peer)
{
  SoupWebsocketConnection *connection = g_object_ref (peer->connection);

  detach_peer (self, peer, FALSE);
  if (soup_websocket_connection_get_state (connection) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      g_object_unref (connection);
      return;
    }

  g_ptr_array_add (self->closing, connection);
  g_signal_connect (connection, "closed", G_CALLBACK (close_connection_cb), self);
  soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY,
                                   _("The demo server stopped"));
}

void
_asc_demo_server_drop_closing (AscDemoServer *self)
{
  for (guint i = 0; i < self->closing->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->closing, i), self);
  g_ptr_array_set_size (self->closing, 0);
}

/* Every client is told the server is going away; no hook runs, since the
 * instances go too. */
void
_asc_demo_server_close_all (AscDemoServer *self)
{
  while (self->peers->len > 0)
    close_peer (self, g_ptr_array_index (self->peers, self->peers->len - 1));
}
