/* asc-event.h: one entry of an actor's event log
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscEventKind:
 * @ASC_EVENT_KIND_EVENT: an event the actor broadcast
 * @ASC_EVENT_KIND_CALL: a call this client made
 * @ASC_EVENT_KIND_RESULT: the result of a call
 * @ASC_EVENT_KIND_ERROR: a call that failed, or another error
 * @ASC_EVENT_KIND_CONNECTION: the connection changed (opened, closed)
 * @ASC_EVENT_KIND_GAP: events may have been missed here (a reconnect)
 *
 * What an #AscEvent records.
 */
typedef enum
{
  ASC_EVENT_KIND_EVENT,
  ASC_EVENT_KIND_CALL,
  ASC_EVENT_KIND_RESULT,
  ASC_EVENT_KIND_ERROR,
  ASC_EVENT_KIND_CONNECTION,
  ASC_EVENT_KIND_GAP,
} AscEventKind;

#define ASC_TYPE_EVENT (asc_event_get_type ())

G_DECLARE_FINAL_TYPE (AscEvent, asc_event, ASC, EVENT, GObject)

AscEvent     *asc_event_new          (AscEventKind  kind,
                                      const char   *name,
                                      JsonNode     *payload,
                                      const char   *text);
AscEventKind  asc_event_get_kind     (AscEvent     *self);
gint64        asc_event_get_time     (AscEvent     *self);
const char   *asc_event_get_name     (AscEvent     *self);
JsonNode     *asc_event_get_payload  (AscEvent     *self);
const char   *asc_event_get_text     (AscEvent     *self);
guint64       asc_event_get_serial   (AscEvent     *self);
char         *asc_event_to_json_line (AscEvent     *self);

G_END_DECLS
