/* asc-demo-server-private.h: what the files of AscDemoServer share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "asc-demo-actor.h"
#include "asc-demo-instance.h"
#include "asc-demo-peer.h"
#include "asc-demo-server.h"

G_BEGIN_DECLS

/* instances: "actor:id" to AscDemoInstance; peers: AscDemoPeer, one per open
 * connection; closing: connections told to close, until they are closed. */
struct _AscDemoServer
{
  GObject      parent_instance;

  SoupServer  *server;
  GHashTable  *instances;
  GPtrArray   *peers;
  GPtrArray   *closing;
  GRand       *rand;
  char        *url;
  char        *catalog_url;
  guint64      tick;
  guint64      n_accepted;
  guint        tick_interval;
  guint        tick_source;
  guint16      port;
};

AscDemoInstance *_asc_demo_server_ensure_instance   (AscDemoServer           *self,
                                                     const AscDemoActorClass *klass,
                                                     JsonNode                *actor_id);
void             _asc_demo_server_websocket_cb      (SoupServer              *server,
                                                     SoupServerMessage       *message,
                                                     const char              *path,
                                                     SoupWebsocketConnection *connection,
                                                     gpointer                 user_data);
void             _asc_demo_server_close_all         (AscDemoServer           *self);
void             _asc_demo_server_drop_closing      (AscDemoServer           *self);
void             _asc_demo_server_notify_n_clients  (AscDemoServer           *self);

G_END_DECLS
