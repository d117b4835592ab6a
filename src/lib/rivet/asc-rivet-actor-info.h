/* asc-rivet-actor-info.h: one actor as the Rivet engine lists it
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-actor.h"

G_BEGIN_DECLS

#define ASC_TYPE_RIVET_ACTOR_INFO (asc_rivet_actor_info_get_type ())

G_DECLARE_FINAL_TYPE (AscRivetActorInfo, asc_rivet_actor_info, ASC, RIVET_ACTOR_INFO, GObject)

AscRivetActorInfo *asc_rivet_actor_info_new_from_json    (JsonObject         *object,
                                                         GError            **error);
const char        *asc_rivet_actor_info_get_id           (AscRivetActorInfo  *self);
const char        *asc_rivet_actor_info_get_name         (AscRivetActorInfo  *self);
const char        *asc_rivet_actor_info_get_key          (AscRivetActorInfo  *self);
char             **asc_rivet_actor_info_dup_key_parts    (AscRivetActorInfo  *self);
AscActorStatus     asc_rivet_actor_info_get_status       (AscRivetActorInfo  *self);
gint64             asc_rivet_actor_info_get_create_time  (AscRivetActorInfo  *self);
JsonObject        *asc_rivet_actor_info_get_json         (AscRivetActorInfo  *self);
char              *asc_rivet_actor_info_to_json_line     (AscRivetActorInfo  *self);

G_END_DECLS
