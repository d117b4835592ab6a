/* asc-sidebar-item.h: one row of the server sidebar
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "actorscope.h"

G_BEGIN_DECLS

typedef enum
{
  ASC_SIDEBAR_ITEM_SERVER,
  ASC_SIDEBAR_ITEM_TYPE,
  ASC_SIDEBAR_ITEM_INSTANCE,
} AscSidebarItemKind;

#define ASC_TYPE_SIDEBAR_ITEM (asc_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (AscSidebarItem, asc_sidebar_item, ASC, SIDEBAR_ITEM, GObject)

AscSidebarItem     *asc_sidebar_item_new           (AscSidebarItemKind  kind,
                                                    const char         *title);
AscSidebarItemKind  asc_sidebar_item_get_kind      (AscSidebarItem     *self);
const char         *asc_sidebar_item_get_title     (AscSidebarItem     *self);
void                asc_sidebar_item_set_title     (AscSidebarItem     *self,
                                                    const char         *title);
const char         *asc_sidebar_item_get_subtitle  (AscSidebarItem     *self);
void                asc_sidebar_item_set_subtitle  (AscSidebarItem     *self,
                                                    const char         *subtitle);
const char         *asc_sidebar_item_get_icon_name (AscSidebarItem     *self);
void                asc_sidebar_item_set_icon_name (AscSidebarItem     *self,
                                                    const char         *icon_name);
const char         *asc_sidebar_item_get_status    (AscSidebarItem     *self);
void                asc_sidebar_item_set_status    (AscSidebarItem     *self,
                                                    const char         *status);
GListStore         *asc_sidebar_item_get_children  (AscSidebarItem     *self);
gpointer            asc_sidebar_item_get_session   (AscSidebarItem     *self);
void                asc_sidebar_item_set_session   (AscSidebarItem     *self,
                                                    gpointer            session);
const char         *asc_sidebar_item_get_type_name (AscSidebarItem     *self);
void                asc_sidebar_item_set_type_name (AscSidebarItem     *self,
                                                    const char         *type_name);
AscActor           *asc_sidebar_item_get_actor     (AscSidebarItem     *self);
void                asc_sidebar_item_set_actor     (AscSidebarItem     *self,
                                                    AscActor           *actor);

G_END_DECLS
