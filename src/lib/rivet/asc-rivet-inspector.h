/* asc-rivet-inspector.h: one actor's inspector WebSocket, mirroring its state
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-rivet-actor.h"

G_BEGIN_DECLS

#define ASC_TYPE_RIVET_INSPECTOR (asc_rivet_inspector_get_type ())

G_DECLARE_FINAL_TYPE (AscRivetInspector, asc_rivet_inspector, ASC, RIVET_INSPECTOR, GObject)

AscRivetInspector *asc_rivet_inspector_new      (AscRivetActor      *actor);
void               asc_rivet_inspector_open     (AscRivetInspector  *self);
void               asc_rivet_inspector_close    (AscRivetInspector  *self);
gboolean           asc_rivet_inspector_is_open  (AscRivetInspector  *self);

G_END_DECLS
