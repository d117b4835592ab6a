/* asc-demo-peer.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-peer.h"

#include <string.h>

AscDemoPeer *
asc_demo_peer_new (SoupWebsocketConnection *connection,
                   const char              *client_id)
{
  AscDemoPeer *self = g_new0 (AscDemoPeer, 1);

  self->connection = g_object_ref (connection);
  self->client_id = g_strdup (client_id);
  self->instances = g_ptr_array_new ();

  return self;
}

void
asc_demo_peer_free (AscDemoPeer *self)
{
  if (self == NULL)
    return;

  g_assert (self->instances->len == 0);
  g_ptr_array_unref (self->instances);
  g_clear_object (&self->connection);
  g_free (self->client_id);
  g_free (self);
}

/* Frames to a closing socket are dropped: libsoup refuses them. */
void
asc_demo_peer_send (AscDemoPeer *self,
                    const char  *frame)
{
  if (soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  if (strlen (frame) < 4096)
    g_debug ("→ %s %s", self->client_id, frame);
  soup_websocket_connection_send_text (self->connection, frame);
}
