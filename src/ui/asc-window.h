/* asc-window.h
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "asc-actor-page.h"
#include "asc-application.h"
#include "asc-server-config.h"
#include "asc-server-session.h"

G_BEGIN_DECLS

#define ASC_TYPE_WINDOW (asc_window_get_type ())

G_DECLARE_FINAL_TYPE (AscWindow, asc_window, ASC, WINDOW, AdwApplicationWindow)

AscWindow        *asc_window_new              (AscApplication   *application);
void              asc_window_add_session      (AscWindow        *self,
                                               AscServerSession *session);
void              asc_window_connect          (AscWindow        *self,
                                               AscServerConfig  *config);
void              asc_window_toast            (AscWindow        *self,
                                               const char       *message);
gboolean          asc_window_select_instance  (AscWindow        *self,
                                               const char       *type_name,
                                               const char       *key);
gboolean          asc_window_select_item      (AscWindow        *self,
                                               AscSidebarItem   *item);
AscActorPage     *asc_window_get_actor_page   (AscWindow        *self);
GListModel       *asc_window_get_sessions     (AscWindow        *self);
const char       *asc_window_get_visible_page (AscWindow        *self);

G_END_DECLS
