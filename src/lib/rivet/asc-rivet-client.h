/* asc-rivet-client.h: an AscClient for a Rivet engine and its RivetKit actors
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-client.h"
#include "asc-rivet-actor-info.h"
#include "asc-rivet-engine.h"

G_BEGIN_DECLS

#define ASC_TYPE_RIVET_CLIENT (asc_rivet_client_get_type ())

G_DECLARE_FINAL_TYPE (AscRivetClient, asc_rivet_client, ASC, RIVET_CLIENT, AscClient)

AscRivetClient  *asc_rivet_client_new                      (const char           *uri,
                                                            GError              **error);
AscRivetEngine  *asc_rivet_client_get_engine               (AscRivetClient       *self);
const char      *asc_rivet_client_get_namespace            (AscRivetClient       *self);
void             asc_rivet_client_set_namespace            (AscRivetClient       *self,
                                                            const char           *name);
guint            asc_rivet_client_get_page_size            (AscRivetClient       *self);
void             asc_rivet_client_set_page_size            (AscRivetClient       *self,
                                                            guint                 page_size);

void             asc_rivet_client_list_types_async         (AscRivetClient       *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
char           **asc_rivet_client_list_types_finish        (AscRivetClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void             asc_rivet_client_list_actors_async        (AscRivetClient       *self,
                                                            const char           *type_name,
                                                            const char           *cursor,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GListModel      *asc_rivet_client_list_actors_finish       (AscRivetClient       *self,
                                                            GAsyncResult         *result,
                                                            char                **next_cursor,
                                                            GError              **error);
void             asc_rivet_client_create_actor_async       (AscRivetClient       *self,
                                                            const char           *type_name,
                                                            const char           *key,
                                                            JsonNode             *input,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
AscActor        *asc_rivet_client_create_actor_finish      (AscRivetClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void             asc_rivet_client_destroy_actor_async      (AscRivetClient       *self,
                                                            const char           *actor_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean         asc_rivet_client_destroy_actor_finish     (AscRivetClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
AscActor        *asc_rivet_client_get_actor_for_info       (AscRivetClient       *self,
                                                            AscRivetActorInfo    *info);
void             asc_rivet_client_get_actor_for_id_async   (AscRivetClient       *self,
                                                            const char           *actor_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
AscActor        *asc_rivet_client_get_actor_for_id_finish  (AscRivetClient       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
