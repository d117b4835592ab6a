/* asc-demo-instance.h: one live actor instance of the demo server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-demo-actor.h"
#include "asc-demo-peer.h"

G_BEGIN_DECLS

typedef struct _AscDemoInstance AscDemoInstance;

AscDemoInstance         *asc_demo_instance_new           (const AscDemoActorClass  *klass,
                                                         JsonNode                 *actor_id,
                                                         GRand                    *rand);
void                     asc_demo_instance_free          (AscDemoInstance          *self);
const AscDemoActorClass *asc_demo_instance_get_class     (AscDemoInstance          *self);
void                     asc_demo_instance_touch         (AscDemoInstance          *self,
                                                         AscDemoPeer              *peer);
void                     asc_demo_instance_forget        (AscDemoInstance          *self,
                                                         AscDemoPeer              *peer,
                                                         gboolean                  run_hooks);
void                     asc_demo_instance_set_state_subscribed
                                                        (AscDemoInstance          *self,
                                                         AscDemoPeer              *peer,
                                                         gboolean                  subscribed);
void                     asc_demo_instance_send_snapshot (AscDemoInstance          *self,
                                                         AscDemoPeer              *peer);
void                     asc_demo_instance_set_events_subscribed
                                                        (AscDemoInstance          *self,
                                                         AscDemoPeer              *peer,
                                                         gboolean                  subscribed);
gboolean                 asc_demo_instance_call          (AscDemoInstance          *self,
                                                         const AscDemoMethod      *method,
                                                         AscDemoPeer              *peer,
                                                         JsonNode                 *input,
                                                         JsonNode                **result,
                                                         GError                  **error);
void                     asc_demo_instance_tick          (AscDemoInstance          *self,
                                                         guint64                   tick);

G_END_DECLS
