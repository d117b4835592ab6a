/* asc-state-view.h: an actor's state as a live tree, with its changes
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "actorscope.h"

G_BEGIN_DECLS

#define ASC_TYPE_STATE_VIEW (asc_state_view_get_type ())

G_DECLARE_FINAL_TYPE (AscStateView, asc_state_view, ASC, STATE_VIEW, GtkWidget)

GtkWidget *asc_state_view_new              (void);
AscActor  *asc_state_view_get_actor        (AscStateView *self);
void       asc_state_view_set_actor        (AscStateView *self,
                                            AscActor     *actor);
void       asc_state_view_travel_to        (AscStateView *self,
                                            guint         position);
void       asc_state_view_return_to_live   (AscStateView *self);
gboolean   asc_state_view_get_travelling   (AscStateView *self);
GtkColumnView *asc_state_view_get_column_view (AscStateView *self);

G_END_DECLS
