/* asc-actor-page.h: everything about one actor: state, events, actions
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "actorscope.h"
#include "asc-action-view.h"
#include "asc-connections-view.h"
#include "asc-event-log-view.h"
#include "asc-server-session.h"
#include "asc-state-view.h"

G_BEGIN_DECLS

#define ASC_TYPE_ACTOR_PAGE (asc_actor_page_get_type ())

G_DECLARE_FINAL_TYPE (AscActorPage, asc_actor_page, ASC, ACTOR_PAGE, GtkWidget)

GtkWidget       *asc_actor_page_new                (void);
void             asc_actor_page_set_actor          (AscActorPage     *self,
                                                    AscServerSession *session,
                                                    AscActor         *actor);
AscActor        *asc_actor_page_get_actor          (AscActorPage     *self);
AdwViewStack    *asc_actor_page_get_view_stack     (AscActorPage     *self);
AscStateView    *asc_actor_page_get_state_view     (AscActorPage     *self);
AscEventLogView *asc_actor_page_get_event_log_view (AscActorPage     *self);
AscActionView   *asc_actor_page_get_action_view    (AscActorPage     *self);
AscConnectionsView *asc_actor_page_get_connections_view (AscActorPage *self);

G_END_DECLS
