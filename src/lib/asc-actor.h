/* asc-actor.h: a handle to one actor instance
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "asc-event-log.h"
#include "asc-state-store.h"

G_BEGIN_DECLS

/**
 * AscActorStatus:
 * @ASC_ACTOR_STATUS_UNKNOWN: nothing is known yet
 * @ASC_ACTOR_STATUS_AWAKE: running
 * @ASC_ACTOR_STATUS_SLEEPING: asleep; touching it wakes it
 * @ASC_ACTOR_STATUS_DESTROYED: gone for good
 *
 * What is known of an actor instance's life.
 */
typedef enum
{
  ASC_ACTOR_STATUS_UNKNOWN,
  ASC_ACTOR_STATUS_AWAKE,
  ASC_ACTOR_STATUS_SLEEPING,
  ASC_ACTOR_STATUS_DESTROYED,
} AscActorStatus;

#define ASC_TYPE_ACTOR (asc_actor_get_type ())

G_DECLARE_DERIVABLE_TYPE (AscActor, asc_actor, ASC, ACTOR, GObject)

struct _AscActorClass
{
  GObjectClass parent_class;

  void      (*call_async)        (AscActor            *self,
                                  const char          *method,
                                  JsonNode            *args,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
  JsonNode *(*call_finish)       (AscActor            *self,
                                  GAsyncResult        *result,
                                  GError             **error);
  void      (*events_wanted)     (AscActor            *self,
                                  gboolean             wanted);
  void      (*state_wanted)      (AscActor            *self,
                                  gboolean             wanted);
  void      (*resync_state)      (AscActor            *self);

  /*< private >*/
  gpointer padding[8];
};

const char     *asc_actor_get_type_name        (AscActor            *self);
const char     *asc_actor_get_key              (AscActor            *self);
AscActorStatus  asc_actor_get_status           (AscActor            *self);
AscStateStore  *asc_actor_get_state_store      (AscActor            *self);
AscEventLog    *asc_actor_get_event_log        (AscActor            *self);
void            asc_actor_call_async           (AscActor            *self,
                                                const char          *method,
                                                JsonNode            *args,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonNode       *asc_actor_call_finish          (AscActor            *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            asc_actor_subscribe_events     (AscActor            *self);
void            asc_actor_unsubscribe_events   (AscActor            *self);
gboolean        asc_actor_get_events_wanted    (AscActor            *self);
void            asc_actor_watch_state          (AscActor            *self);
void            asc_actor_unwatch_state        (AscActor            *self);
gboolean        asc_actor_get_state_wanted     (AscActor            *self);
void            asc_actor_resync_state         (AscActor            *self);
guint           asc_actor_get_n_resyncs        (AscActor            *self);

G_END_DECLS
