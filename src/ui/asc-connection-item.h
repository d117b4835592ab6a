/* asc-connection-item.h: one connection of a Rivet actor, as a list row
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ASC_TYPE_CONNECTION_ITEM (asc_connection_item_get_type ())

G_DECLARE_FINAL_TYPE (AscConnectionItem, asc_connection_item, ASC, CONNECTION_ITEM, GObject)

AscConnectionItem *asc_connection_item_new         (const char        *id);
const char        *asc_connection_item_get_id      (AscConnectionItem *self);
JsonNode          *asc_connection_item_get_details (AscConnectionItem *self);
void               asc_connection_item_set_details (AscConnectionItem *self,
                                                    JsonNode          *details);
const char        *asc_connection_item_get_params  (AscConnectionItem *self);
const char        *asc_connection_item_get_state   (AscConnectionItem *self);
const char        *asc_connection_item_get_other   (AscConnectionItem *self);

G_END_DECLS
