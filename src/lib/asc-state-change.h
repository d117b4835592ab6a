/* asc-state-change.h: one entry of a state store's history
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscStateChangeSource:
 * @ASC_STATE_CHANGE_SOURCE_SNAPSHOT: a whole snapshot replaced the mirror
 * @ASC_STATE_CHANGE_SOURCE_PATCH: the server sent a JSON patch
 * @ASC_STATE_CHANGE_SOURCE_DIFF: the server sent a whole state and the
 *   mirror computed the difference itself
 *
 * Where a change of an #AscStateStore came from.
 */
typedef enum
{
  ASC_STATE_CHANGE_SOURCE_SNAPSHOT,
  ASC_STATE_CHANGE_SOURCE_PATCH,
  ASC_STATE_CHANGE_SOURCE_DIFF,
} AscStateChangeSource;

#define ASC_TYPE_STATE_CHANGE (asc_state_change_get_type ())

G_DECLARE_FINAL_TYPE (AscStateChange, asc_state_change, ASC, STATE_CHANGE, GObject)

gint64                asc_state_change_get_time          (AscStateChange *self);
AscStateChangeSource  asc_state_change_get_source        (AscStateChange *self);
JsonNode             *asc_state_change_get_patch         (AscStateChange *self);
JsonNode             *asc_state_change_get_snapshot      (AscStateChange *self);
const char * const   *asc_state_change_get_paths         (AscStateChange *self);
guint                 asc_state_change_get_n_operations  (AscStateChange *self);

G_END_DECLS
