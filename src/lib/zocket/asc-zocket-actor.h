/* asc-zocket-actor.h: one instance on a Zocket server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-actor.h"

G_BEGIN_DECLS

#define ASC_TYPE_ZOCKET_ACTOR (asc_zocket_actor_get_type ())

G_DECLARE_FINAL_TYPE (AscZocketActor, asc_zocket_actor, ASC, ZOCKET_ACTOR, AscActor)

gboolean asc_zocket_actor_get_awaiting_snapshot (AscZocketActor *self);

G_END_DECLS
