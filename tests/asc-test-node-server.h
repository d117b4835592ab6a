/* asc-test-node-server.h: runs a Node server script for a test
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _AscTestNodeServer AscTestNodeServer;

AscTestNodeServer *asc_test_node_server_start     (const char         *script,
                                                   const char * const *extra_args,
                                                   GError            **error);
const char        *asc_test_node_server_get_url   (AscTestNodeServer  *self);
GPid               asc_test_node_server_get_pid   (AscTestNodeServer  *self);
JsonObject        *asc_test_node_server_get_ready (AscTestNodeServer  *self);
void               asc_test_node_server_stop      (AscTestNodeServer  *self);
void               asc_test_node_server_free      (AscTestNodeServer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscTestNodeServer, asc_test_node_server_free)

G_END_DECLS
