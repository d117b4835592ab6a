/* asc-rivet-actor.h: one RivetKit actor instance behind a Rivet engine
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-actor.h"

G_BEGIN_DECLS

#define ASC_TYPE_RIVET_ACTOR (asc_rivet_actor_get_type ())

G_DECLARE_FINAL_TYPE (AscRivetActor, asc_rivet_actor, ASC, RIVET_ACTOR, AscActor)

const char  *asc_rivet_actor_get_actor_id     (AscRivetActor        *self);
char       **asc_rivet_actor_dup_key_parts    (AscRivetActor        *self);
void         asc_rivet_actor_set_event_names  (AscRivetActor        *self,
                                               const char * const   *names);
void         asc_rivet_actor_subscribe_event  (AscRivetActor        *self,
                                               const char           *name);
void         asc_rivet_actor_resolve_async    (AscRivetActor        *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
char        *asc_rivet_actor_resolve_finish   (AscRivetActor        *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void         asc_rivet_actor_read_state_async   (AscRivetActor        *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JsonNode    *asc_rivet_actor_read_state_finish  (AscRivetActor        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void         asc_rivet_actor_write_state_async  (AscRivetActor        *self,
                                                 JsonNode             *state,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     asc_rivet_actor_write_state_finish (AscRivetActor        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
JsonNode    *asc_rivet_actor_get_connections  (AscRivetActor        *self);

/* For the inspector, which feeds the list. */
void         _asc_rivet_actor_set_connections (AscRivetActor        *self,
                                               JsonNode             *connections);

G_END_DECLS
