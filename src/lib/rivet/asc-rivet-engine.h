/* asc-rivet-engine.h: the Rivet engine's HTTP API
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "asc-rivet-actor-info.h"

G_BEGIN_DECLS

/**
 * ASC_RIVET_DEFAULT_NAMESPACE:
 *
 * The namespace a local engine starts with.
 */
#define ASC_RIVET_DEFAULT_NAMESPACE "default"

#define ASC_TYPE_RIVET_ENGINE (asc_rivet_engine_get_type ())

G_DECLARE_FINAL_TYPE (AscRivetEngine, asc_rivet_engine, ASC, RIVET_ENGINE, GObject)

AscRivetEngine    *asc_rivet_engine_new                          (const char           *endpoint);
const char        *asc_rivet_engine_get_endpoint                 (AscRivetEngine       *self);
const char        *asc_rivet_engine_get_namespace                (AscRivetEngine       *self);
void               asc_rivet_engine_set_namespace                (AscRivetEngine       *self,
                                                                  const char           *name);
const char        *asc_rivet_engine_get_token                    (AscRivetEngine       *self);
void               asc_rivet_engine_set_token                    (AscRivetEngine       *self,
                                                                  const char           *token);
guint              asc_rivet_engine_get_timeout                  (AscRivetEngine       *self);
void               asc_rivet_engine_set_timeout                  (AscRivetEngine       *self,
                                                                  guint                 timeout_ms);
guint              asc_rivet_engine_inspector_protocol_version   (const char           *version);

void               asc_rivet_engine_get_health_async             (AscRivetEngine       *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
JsonObject        *asc_rivet_engine_get_health_finish            (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_get_metadata_async           (AscRivetEngine       *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
JsonObject        *asc_rivet_engine_get_metadata_finish          (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_list_names_async             (AscRivetEngine       *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
char             **asc_rivet_engine_list_names_finish            (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

void               asc_rivet_engine_list_actors_async            (AscRivetEngine       *self,
                                                                  const char           *name,
                                                                  const char           *key,
                                                                  guint                 limit,
                                                                  const char           *cursor,
                                                                  gboolean              destroyed,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
GListModel        *asc_rivet_engine_list_actors_finish           (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  char                **next_cursor,
                                                                  GError              **error);
void               asc_rivet_engine_get_actor_async              (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
AscRivetActorInfo *asc_rivet_engine_get_actor_finish             (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_get_or_create_actor_async    (AscRivetEngine       *self,
                                                                  const char           *name,
                                                                  const char           *key,
                                                                  JsonNode             *input,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
AscRivetActorInfo *asc_rivet_engine_get_or_create_actor_finish   (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  gboolean             *created,
                                                                  GError              **error);
void               asc_rivet_engine_create_actor_async           (AscRivetEngine       *self,
                                                                  const char           *name,
                                                                  const char           *key,
                                                                  JsonNode             *input,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
AscRivetActorInfo *asc_rivet_engine_create_actor_finish          (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_destroy_actor_async          (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean           asc_rivet_engine_destroy_actor_finish         (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_read_kv_async                (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  GBytes               *key,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
GBytes            *asc_rivet_engine_read_kv_finish               (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_get_inspector_token_async    (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
char              *asc_rivet_engine_get_inspector_token_finish   (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_get_inspector_state_async    (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  const char           *token,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
JsonNode          *asc_rivet_engine_get_inspector_state_finish   (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_set_inspector_state_async    (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  const char           *token,
                                                                  JsonNode             *state,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean           asc_rivet_engine_set_inspector_state_finish   (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void               asc_rivet_engine_call_action_async            (AscRivetEngine       *self,
                                                                  const char           *actor_id,
                                                                  const char           *action,
                                                                  JsonNode             *args,
                                                                  JsonNode             *conn_params,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
JsonNode          *asc_rivet_engine_call_action_finish           (AscRivetEngine       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

G_END_DECLS
