/* asc-demo-peer.h: one client connection of the demo server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * AscDemoPeer:
 * @connection: the WebSocket (owned)
 * @client_id: the id sent in `welcome`
 * @instances: (element-type AscDemoInstance): the instances this peer has
 *   touched, borrowed; each holds the peer until it is forgotten
 *
 * A connected client, as the actors see it.
 */
typedef struct
{
  SoupWebsocketConnection *connection;
  char                    *client_id;
  GPtrArray               *instances;
} AscDemoPeer;

AscDemoPeer *asc_demo_peer_new   (SoupWebsocketConnection *connection,
                                  const char              *client_id);
void         asc_demo_peer_free  (AscDemoPeer             *self);
void         asc_demo_peer_send  (AscDemoPeer             *self,
                                  const char              *frame);

G_END_DECLS
