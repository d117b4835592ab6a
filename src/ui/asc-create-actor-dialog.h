/* asc-create-actor-dialog.h: creating a Rivet actor, with its key and input
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "actorscope.h"

G_BEGIN_DECLS

#define ASC_TYPE_CREATE_ACTOR_DIALOG (asc_create_actor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AscCreateActorDialog, asc_create_actor_dialog, ASC, CREATE_ACTOR_DIALOG, AdwWindow)

AscCreateActorDialog *asc_create_actor_dialog_new         (GtkWindow            *parent,
                                                           AscRivetClient       *client,
                                                           const char           *type_name);
void                  asc_create_actor_dialog_set_key     (AscCreateActorDialog *self,
                                                           const char           *key);
void                  asc_create_actor_dialog_set_input   (AscCreateActorDialog *self,
                                                           const char           *json);
const char           *asc_create_actor_dialog_get_problem (AscCreateActorDialog *self);
gboolean              asc_create_actor_dialog_get_busy    (AscCreateActorDialog *self);

G_END_DECLS
