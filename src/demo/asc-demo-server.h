/* asc-demo-server.h: the embedded demo server, speaking Zocket on loopback
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASC_TYPE_DEMO_SERVER (asc_demo_server_get_type ())

G_DECLARE_FINAL_TYPE (AscDemoServer, asc_demo_server, ASC, DEMO_SERVER, GObject)

AscDemoServer *asc_demo_server_new                (void);
gboolean       asc_demo_server_start              (AscDemoServer  *self,
                                                   GError        **error);
void           asc_demo_server_stop               (AscDemoServer  *self);
gboolean       asc_demo_server_get_running        (AscDemoServer  *self);
const char    *asc_demo_server_get_url            (AscDemoServer  *self);
const char    *asc_demo_server_get_catalog_url    (AscDemoServer  *self);
const char    *asc_demo_server_get_catalog_json   (AscDemoServer  *self);
guint          asc_demo_server_get_tick_interval  (AscDemoServer  *self);
void           asc_demo_server_set_tick_interval  (AscDemoServer  *self,
                                                   guint           interval_ms);
guint          asc_demo_server_get_n_clients      (AscDemoServer  *self);

G_END_DECLS
