/* asc-zocket-private.h: what the Zocket client and its actors share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-zocket-actor.h"
#include "asc-zocket-client.h"
#include "asc-zocket-protocol.h"

G_BEGIN_DECLS

void      _asc_zocket_client_ensure_open   (AscZocketClient      *self);
gboolean  _asc_zocket_client_send          (AscZocketClient      *self,
                                            const char           *frame);
void      _asc_zocket_client_call_async    (AscZocketClient      *self,
                                            AscZocketActor       *actor,
                                            const char           *method,
                                            JsonNode             *input,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JsonNode *_asc_zocket_client_call_finish   (AscZocketClient      *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void      _asc_zocket_actor_connected      (AscZocketActor       *self,
                                            gboolean              reconnected);
void      _asc_zocket_actor_disconnected   (AscZocketActor       *self,
                                            const GError         *reason);
void      _asc_zocket_actor_handle_message (AscZocketActor       *self,
                                            AscZocketMessage     *message);
void      _asc_zocket_actor_frame_unreadable (AscZocketActor     *self,
                                            AscZocketMessage     *envelope,
                                            const GError         *reason);

G_END_DECLS
