/* asc-rivet-inspector-protocol.h: Rivet inspector v6 frames; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-cbor.h"

G_BEGIN_DECLS

/**
 * AscRivetInspectorMessageType:
 * @ASC_RIVET_INSPECTOR_MESSAGE_UNKNOWN: a union tag this codec does not know
 * @ASC_RIVET_INSPECTOR_MESSAGE_STATE_RESPONSE: `StateResponse` (tag 0)
 * @ASC_RIVET_INSPECTOR_MESSAGE_CONNECTIONS_RESPONSE: `ConnectionsResponse` (1)
 * @ASC_RIVET_INSPECTOR_MESSAGE_ACTION_RESPONSE: `ActionResponse` (2)
 * @ASC_RIVET_INSPECTOR_MESSAGE_CONNECTIONS_UPDATED: `ConnectionsUpdated` (3), pushed
 * @ASC_RIVET_INSPECTOR_MESSAGE_QUEUE_UPDATED: `QueueUpdated` (4), pushed
 * @ASC_RIVET_INSPECTOR_MESSAGE_STATE_UPDATED: `StateUpdated` (5), pushed
 * @ASC_RIVET_INSPECTOR_MESSAGE_WORKFLOW_HISTORY_UPDATED: `WorkflowHistoryUpdated` (6),
 *   not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULES_UPDATED: `SchedulesUpdated` (7), not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_RPCS_LIST_RESPONSE: `RpcsListResponse` (8)
 * @ASC_RIVET_INSPECTOR_MESSAGE_TRACE_QUERY_RESPONSE: `TraceQueryResponse` (9), not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_QUEUE_RESPONSE: `QueueResponse` (10)
 * @ASC_RIVET_INSPECTOR_MESSAGE_WORKFLOW_HISTORY_RESPONSE: `WorkflowHistoryResponse` (11),
 *   not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_WORKFLOW_REPLAY_RESPONSE: `WorkflowReplayResponse` (12),
 *   not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULES_RESPONSE: `SchedulesResponse` (13), not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULE_HISTORY_RESPONSE: `ScheduleHistoryResponse` (14),
 *   not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULE_DELETE_RESPONSE: `ScheduleDeleteResponse` (15),
 *   not decoded
 * @ASC_RIVET_INSPECTOR_MESSAGE_ERROR: `Error` (16); it carries no request id
 * @ASC_RIVET_INSPECTOR_MESSAGE_INIT: `Init` (17), the first frame
 * @ASC_RIVET_INSPECTOR_MESSAGE_DATABASE_SCHEMA_RESPONSE: `DatabaseSchemaResponse` (18)
 * @ASC_RIVET_INSPECTOR_MESSAGE_DATABASE_TABLE_ROWS_RESPONSE: `DatabaseTableRowsResponse`
 *   (19)
 *
 * The frames an inspector v6 server sends. Those marked "not decoded" keep
 * their body undecoded in #AscRivetInspectorMessage.body.
 */
typedef enum
{
  ASC_RIVET_INSPECTOR_MESSAGE_UNKNOWN,
  ASC_RIVET_INSPECTOR_MESSAGE_STATE_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_CONNECTIONS_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_ACTION_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_CONNECTIONS_UPDATED,
  ASC_RIVET_INSPECTOR_MESSAGE_QUEUE_UPDATED,
  ASC_RIVET_INSPECTOR_MESSAGE_STATE_UPDATED,
  ASC_RIVET_INSPECTOR_MESSAGE_WORKFLOW_HISTORY_UPDATED,
  ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULES_UPDATED,
  ASC_RIVET_INSPECTOR_MESSAGE_RPCS_LIST_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_TRACE_QUERY_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_QUEUE_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_WORKFLOW_HISTORY_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_WORKFLOW_REPLAY_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULES_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULE_HISTORY_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_SCHEDULE_DELETE_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_ERROR,
  ASC_RIVET_INSPECTOR_MESSAGE_INIT,
  ASC_RIVET_INSPECTOR_MESSAGE_DATABASE_SCHEMA_RESPONSE,
  ASC_RIVET_INSPECTOR_MESSAGE_DATABASE_TABLE_ROWS_RESPONSE,
} AscRivetInspectorMessageType;

/**
 * AscRivetInspectorRequest:
 * @ASC_RIVET_INSPECTOR_REQUEST_STATE: `StateRequest`
 * @ASC_RIVET_INSPECTOR_REQUEST_CONNECTIONS: `ConnectionsRequest`
 * @ASC_RIVET_INSPECTOR_REQUEST_RPCS_LIST: `RpcsListRequest`
 * @ASC_RIVET_INSPECTOR_REQUEST_WORKFLOW_HISTORY: `WorkflowHistoryRequest`
 * @ASC_RIVET_INSPECTOR_REQUEST_DATABASE_SCHEMA: `DatabaseSchemaRequest`
 * @ASC_RIVET_INSPECTOR_REQUEST_SCHEDULES: `SchedulesRequest`
 *
 * The requests that carry nothing but their id; the values are their v6
 * union tags.
 */
typedef enum
{
  ASC_RIVET_INSPECTOR_REQUEST_STATE = 1,
  ASC_RIVET_INSPECTOR_REQUEST_CONNECTIONS = 2,
  ASC_RIVET_INSPECTOR_REQUEST_RPCS_LIST = 4,
  ASC_RIVET_INSPECTOR_REQUEST_WORKFLOW_HISTORY = 7,
  ASC_RIVET_INSPECTOR_REQUEST_DATABASE_SCHEMA = 9,
  ASC_RIVET_INSPECTOR_REQUEST_SCHEDULES = 11,
} AscRivetInspectorRequest;

/**
 * AscRivetInspectorMessage:
 * @type: what the frame is
 * @type_name: (not nullable): the v6 name of @type, or "Unknown"; static
 * @tag: the union tag as sent
 * @has_rid: whether the frame answers a request
 * @rid: the id of the request it answers
 * @state: `Init`, `StateResponse`, `StateUpdated`: the state, decoded from
 *   CBOR; %NULL when the actor has no state
 * @is_state_enabled: `Init`, `StateResponse`
 * @connections: `Init`, `ConnectionsResponse`, `ConnectionsUpdated`: a JSON
 *   array of `{"id": str, "details": value}`, details decoded from CBOR
 * @output: `ActionResponse`: the action's result, decoded from CBOR
 * @rpcs: `Init`, `RpcsListResponse`: the action names
 * @is_database_enabled: `Init`
 * @queue_size: `Init`, `QueueUpdated`
 * @workflow_history: `Init`: the undecoded workflow history, or %NULL
 * @is_workflow_enabled: `Init`
 * @tabs: `Init`: a JSON array of `{"id", "label", "icon", "hidden"}`, the
 *   custom tabs (label and icon may be null)
 * @n_schedules: `Init`: how many schedules @body holds, undecoded
 * @queue: `QueueResponse`: `{"size", "maxSize", "truncated", "messages":
 *   [{"id", "name", "createdAtMs"}]}`, the shape of the HTTP inspector's
 * @data: `DatabaseSchemaResponse`, `DatabaseTableRowsResponse`: the result,
 *   decoded from CBOR
 * @message: `Error`: the text
 * @code: `Error`: the machine-readable prefix of @message ("action_not_found"
 *   in "action_not_found: Action `nope` was not found."), or %NULL
 * @body: the bytes after the tag of a frame that is not decoded, or those of
 *   `Init`'s schedules; %NULL otherwise
 *
 * One decoded server frame. Fields its type does not use are zero or %NULL.
 */
typedef struct
{
  AscRivetInspectorMessageType  type;
  const char                   *type_name;
  guint64                       tag;
  gboolean                      has_rid;
  guint64                       rid;
  JsonNode                     *state;
  gboolean                      is_state_enabled;
  JsonNode                     *connections;
  JsonNode                     *output;
  GStrv                         rpcs;
  gboolean                      is_database_enabled;
  guint64                       queue_size;
  GBytes                       *workflow_history;
  gboolean                      is_workflow_enabled;
  JsonNode                     *tabs;
  guint64                       n_schedules;
  JsonNode                     *queue;
  JsonNode                     *data;
  char                         *message;
  char                         *code;
  GBytes                       *body;
} AscRivetInspectorMessage;

AscRivetInspectorMessage *asc_rivet_inspector_message_parse (const guint8              *data,
                                                             gsize                      length,
                                                             GError                   **error);
AscRivetInspectorMessage *asc_rivet_inspector_message_parse_cached (const guint8   *data,
                                                                    gsize           length,
                                                                    AscCborCache   *states,
                                                                    GError        **error);
void                      asc_rivet_inspector_message_free  (AscRivetInspectorMessage  *message);

GBytes *asc_rivet_inspector_encode_request                 (AscRivetInspectorRequest  request,
                                                            guint64                   id);
GBytes *asc_rivet_inspector_encode_action_request          (guint64      id,
                                                            const char  *name,
                                                            JsonNode    *args,
                                                            GError     **error);
GBytes *asc_rivet_inspector_encode_patch_state_request     (JsonNode    *state,
                                                            GError     **error);
GBytes *asc_rivet_inspector_encode_queue_request           (guint64      id,
                                                            guint64      limit);
GBytes *asc_rivet_inspector_encode_trace_query_request     (guint64      id,
                                                            guint64      start_ms,
                                                            guint64      end_ms,
                                                            guint64      limit);
GBytes *asc_rivet_inspector_encode_workflow_replay_request (guint64      id,
                                                            const char  *entry_id);
GBytes *asc_rivet_inspector_encode_database_rows_request   (guint64      id,
                                                            const char  *table,
                                                            guint64      limit,
                                                            guint64      offset);

guint   asc_rivet_inspector_version_for_server             (const char  *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscRivetInspectorMessage, asc_rivet_inspector_message_free)

G_END_DECLS
