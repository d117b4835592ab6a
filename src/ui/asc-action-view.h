/* asc-action-view.h: an actor's methods, with forms to invoke them
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "actorscope.h"
#include "asc-server-session.h"

G_BEGIN_DECLS

#define ASC_TYPE_ACTION_VIEW (asc_action_view_get_type ())

G_DECLARE_FINAL_TYPE (AscActionView, asc_action_view, ASC, ACTION_VIEW, GtkWidget)

GtkWidget  *asc_action_view_new           (void);
void        asc_action_view_set_actor     (AscActionView    *self,
                                           AscServerSession *session,
                                           AscActor         *actor);
void        asc_action_view_select_method (AscActionView    *self,
                                           const char       *method);
void        asc_action_view_set_args_text (AscActionView    *self,
                                           const char       *text);
const char *asc_action_view_get_problem   (AscActionView    *self);
char       *asc_action_view_dup_command   (AscActionView    *self);
char       *asc_action_view_dup_result_text (AscActionView  *self);

G_END_DECLS
