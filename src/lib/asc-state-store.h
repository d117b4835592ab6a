/* asc-state-store.h: the local mirror of one actor's state
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "asc-state-node.h"

G_BEGIN_DECLS

#define ASC_TYPE_STATE_STORE (asc_state_store_get_type ())

G_DECLARE_FINAL_TYPE (AscStateStore, asc_state_store, ASC, STATE_STORE, GObject)

AscStateStore *asc_state_store_new              (void);
void           asc_state_store_reset            (AscStateStore  *self,
                                                 JsonNode       *snapshot);
gboolean       asc_state_store_apply            (AscStateStore  *self,
                                                 JsonNode       *patch,
                                                 GError        **error);
void           asc_state_store_update           (AscStateStore  *self,
                                                 JsonNode       *snapshot);
JsonNode      *asc_state_store_get_document     (AscStateStore  *self);
JsonNode      *asc_state_store_dup_document_at  (AscStateStore  *self,
                                                 guint           position);
AscStateNode  *asc_state_store_get_root         (AscStateStore  *self);
GListModel    *asc_state_store_get_history      (AscStateStore  *self);
gboolean       asc_state_store_get_out_of_sync  (AscStateStore  *self);
gboolean       asc_state_store_get_lenient      (AscStateStore  *self);
void           asc_state_store_set_lenient      (AscStateStore  *self,
                                                 gboolean        lenient);
guint          asc_state_store_get_capacity     (AscStateStore  *self);
void           asc_state_store_set_capacity     (AscStateStore  *self,
                                                 guint           capacity);

G_END_DECLS
