/* asc-server-session.h: one connected server as the window shows it
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "actorscope.h"
#include "asc-sidebar-item.h"

G_BEGIN_DECLS

#define ASC_TYPE_SERVER_SESSION (asc_server_session_get_type ())

G_DECLARE_FINAL_TYPE (AscServerSession, asc_server_session, ASC, SERVER_SESSION, GObject)

AscServerSession *asc_server_session_new           (AscClient        *client,
                                                    AscCatalog       *catalog,
                                                    const char       *label);
AscClient        *asc_server_session_get_client    (AscServerSession *self);
AscCatalog       *asc_server_session_get_catalog   (AscServerSession *self);
AscSidebarItem   *asc_server_session_get_item      (AscServerSession *self);
AscSidebarItem   *asc_server_session_open_instance (AscServerSession *self,
                                                    const char       *type_name,
                                                    const char       *key);
JsonObject       *asc_server_session_get_type_info (AscServerSession *self,
                                                    const char       *type_name);
char             *asc_server_session_describe_status (AscServerSession *self);
void              asc_server_session_load_more     (AscServerSession *self,
                                                    AscSidebarItem   *more);
void              asc_server_session_set_refresh_interval (AscServerSession *self,
                                                           guint             interval_ms);

G_END_DECLS
