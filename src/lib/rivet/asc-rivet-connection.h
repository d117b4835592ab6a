/* asc-rivet-connection.h: one actor's `/connect` WebSocket, for its events and calls
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-rivet-actor.h"

G_BEGIN_DECLS

#define ASC_TYPE_RIVET_CONNECTION (asc_rivet_connection_get_type ())

G_DECLARE_FINAL_TYPE (AscRivetConnection, asc_rivet_connection, ASC, RIVET_CONNECTION, GObject)

AscRivetConnection *asc_rivet_connection_new              (AscRivetActor       *actor);
void                asc_rivet_connection_open             (AscRivetConnection  *self);
void                asc_rivet_connection_close            (AscRivetConnection  *self);
gboolean            asc_rivet_connection_is_open          (AscRivetConnection  *self);
void                asc_rivet_connection_subscribe        (AscRivetConnection  *self,
                                                           const char          *event_name);
void                asc_rivet_connection_set_event_names  (AscRivetConnection  *self,
                                                           const char * const  *names);
void                asc_rivet_connection_call_async       (AscRivetConnection  *self,
                                                           const char          *method,
                                                           JsonNode            *args,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
JsonNode           *asc_rivet_connection_call_finish      (AscRivetConnection  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
