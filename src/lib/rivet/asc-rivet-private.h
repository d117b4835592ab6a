/* asc-rivet-private.h: what the Rivet engine, client and actors share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "asc-rivet-actor.h"
#include "asc-rivet-client.h"
#include "asc-rivet-engine.h"

G_BEGIN_DECLS

GString        *_asc_rivet_engine_new_query          (AscRivetEngine       *self);
void            _asc_rivet_query_add                 (GString              *query,
                                                      const char           *name,
                                                      const char           *value);
SoupMessage    *_asc_rivet_engine_new_message        (AscRivetEngine       *self,
                                                      const char           *method,
                                                      const char           *path,
                                                      GString              *query,
                                                      JsonNode             *body);
void            _asc_rivet_engine_send_async         (AscRivetEngine       *self,
                                                      SoupMessage          *message,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SoupSession    *_asc_rivet_engine_get_session        (AscRivetEngine       *self);
void            _asc_rivet_engine_open_socket_async  (AscRivetEngine       *self,
                                                      const char           *actor_id,
                                                      const char           *endpoint,
                                                      GString              *query,
                                                      const char * const   *protocols,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SoupWebsocketConnection *
                _asc_rivet_engine_open_socket_finish (AscRivetEngine       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
JsonNode       *_asc_rivet_engine_send_finish        (AscRivetEngine       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
JsonObject     *_asc_rivet_engine_send_finish_object (AscRivetEngine       *self,
                                                      GAsyncResult         *result,
                                                      JsonNode            **root,
                                                      GError              **error);

JsonNode       *_asc_rivet_parse_response            (const char           *endpoint,
                                                      SoupMessage          *message,
                                                      GBytes               *bytes,
                                                      GError              **error);
GError         *_asc_rivet_error_from_json           (JsonObject           *body);
GError         *_asc_rivet_missing_member_error      (const char           *member);
const char     *_asc_rivet_json_get_string           (JsonObject           *object,
                                                      const char           *name);
JsonObject     *_asc_rivet_json_get_object           (JsonObject           *object,
                                                      const char           *name);
JsonArray      *_asc_rivet_json_get_array            (JsonObject           *object,
                                                      const char           *name);

AscRivetEngine *_asc_rivet_client_get_engine         (AscRivetClient       *self);
void            _asc_rivet_actor_set_info            (AscRivetActor        *self,
                                                      AscRivetActorInfo    *info);

G_END_DECLS
