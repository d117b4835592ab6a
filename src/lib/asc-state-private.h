/* asc-state-private.h: internals shared by the state store, its nodes and
 * its history entries
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-state-change.h"
#include "asc-state-node.h"

G_BEGIN_DECLS

AscStateChange *_asc_state_change_new            (AscStateChangeSource  source,
                                                  JsonNode             *patch,
                                                  const char * const   *paths,
                                                  JsonNode             *snapshot);

AscStateNode   *_asc_state_node_new_root         (void);
void            _asc_state_node_set_document     (AscStateNode         *root,
                                                  JsonNode             *document);
void            _asc_state_node_sync             (AscStateNode         *root,
                                                  JsonNode             *value,
                                                  guint64               serial);
gboolean        _asc_state_node_apply_operation  (AscStateNode         *root,
                                                  JsonObject           *operation,
                                                  guint64               serial);

G_END_DECLS
