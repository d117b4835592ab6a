/* asc-actor-private.h: what backends use of AscActor
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-actor.h"

G_BEGIN_DECLS

void            _asc_actor_set_status          (AscActor            *self,
                                                AscActorStatus       status);
void            _asc_actor_emit_event          (AscActor            *self,
                                                const char          *name,
                                                JsonNode            *payload);
void            _asc_actor_log                 (AscActor            *self,
                                                AscEventKind         kind,
                                                const char          *name,
                                                JsonNode            *payload,
                                                const char          *text);
void            _asc_actor_count_resync        (AscActor            *self);


G_END_DECLS
