/* asc-connections-view.h: the live list of a Rivet actor's connections
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "actorscope.h"

G_BEGIN_DECLS

#define ASC_TYPE_CONNECTIONS_VIEW (asc_connections_view_get_type ())

G_DECLARE_FINAL_TYPE (AscConnectionsView, asc_connections_view, ASC, CONNECTIONS_VIEW, GtkWidget)

GtkWidget  *asc_connections_view_new        (void);
void        asc_connections_view_set_actor  (AscConnectionsView *self,
                                             AscActor           *actor);
AscActor   *asc_connections_view_get_actor  (AscConnectionsView *self);
GListModel *asc_connections_view_get_model  (AscConnectionsView *self);
const char *asc_connections_view_get_shown  (AscConnectionsView *self);

G_END_DECLS
