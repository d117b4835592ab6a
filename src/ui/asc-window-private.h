/* asc-window-private.h: what the window's files share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-window.h"

G_BEGIN_DECLS

struct _AscWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GPtrArray            *sessions;      /* AscServerSession */
  GListStore           *servers;       /* their sidebar rows */
  GtkCustomFilter      *search_filter;
  GtkSingleSelection   *selection;

  /* Template widgets */
  AscActorPage         *actor_page;
  GtkStack             *content_stack;
  AdwActionRow         *create_actor_row;
  AdwStatusPage        *empty_page;
  AdwEntryRow          *instance_key_row;
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwStatusPage        *server_page;
  GtkListView          *sidebar_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *type_page;
};

AscServerSession *_asc_window_get_selected_session (AscWindow  *self);
void              _asc_window_create_actor_action  (GtkWidget  *widget,
                                                    const char *action_name,
                                                    GVariant   *parameter);

G_END_DECLS
