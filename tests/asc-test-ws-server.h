/* asc-test-ws-server.h: an in-process WebSocket server for fault tests
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _AscTestWsServer AscTestWsServer;

/* Called for every text frame a client sends; reply with
 * asc_test_ws_server_send(). */
typedef void (*AscTestWsHandler) (AscTestWsServer *server,
                                  const char      *frame,
                                  gpointer         user_data);

AscTestWsServer *asc_test_ws_server_new             (void);
void             asc_test_ws_server_free            (AscTestWsServer  *self);
const char      *asc_test_ws_server_get_url         (AscTestWsServer  *self);
void             asc_test_ws_server_set_handler     (AscTestWsServer  *self,
                                                     AscTestWsHandler  handler,
                                                     gpointer          user_data);
void             asc_test_ws_server_set_welcome     (AscTestWsServer  *self,
                                                     const char       *frame);
GPtrArray       *asc_test_ws_server_get_received    (AscTestWsServer  *self);
guint            asc_test_ws_server_count_received  (AscTestWsServer  *self,
                                                     const char       *substring);
guint            asc_test_ws_server_get_n_open      (AscTestWsServer  *self);
guint            asc_test_ws_server_get_n_accepted  (AscTestWsServer  *self);
void             asc_test_ws_server_send            (AscTestWsServer  *self,
                                                     const char       *frame);
void             asc_test_ws_server_send_bytes      (AscTestWsServer  *self,
                                                     const char       *data,
                                                     gsize             length);
void             asc_test_ws_server_kill_connections (AscTestWsServer *self);
void             asc_test_ws_server_stop            (AscTestWsServer  *self);
void             asc_test_ws_server_restart         (AscTestWsServer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscTestWsServer, asc_test_ws_server_free)

G_END_DECLS
