/* asc-rivet-inspector-requests.c: inspector v6 requests, client to server
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ToServer union tags: 0 PatchStateRequest, 1 StateRequest,
 * 2 ConnectionsRequest, 3 ActionRequest, 4 RpcsListRequest,
 * 5 TraceQueryRequest, 6 QueueRequest, 7 WorkflowHistoryRequest,
 * 8 WorkflowReplayRequest, 9 DatabaseSchemaRequest,
 * 10 DatabaseTableRowsRequest, 11 SchedulesRequest. (12 and 13, the schedule
 * history and delete requests, are left out until their field types are
 * known.)
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-bare.h"
#include "asc-cbor.h"
#include "asc-error.h"
#include "asc-rivet-inspector-protocol.h"

enum
{
  TAG_PATCH_STATE = 0,
  TAG_ACTION = 3,
  TAG_TRACE_QUERY = 5,
  TAG_QUEUE = 6,
  TAG_WORKFLOW_REPLAY = 8,
  TAG_DATABASE_ROWS = 10,
};

static GByteArray *
start_request (guint64 tag)
{
  GByteArray *out = g_byte_array_new ();

  asc_bare_write_union_tag (out, tag);
  return out;
}

static GBytes *
finish_request (GByteArray *out)
{
  return g_byte_array_free_to_bytes (out);
}

static gboolean
write_cbor (GByteArray  *out,
            JsonNode    *value,
            GError     **error)
{
  g_autoptr(GBytes) bytes = asc_cbor_encode (value, error);
  gsize length = 0;
  const guint8 *data;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  asc_bare_write_data (out, data, length);
  return TRUE;
}

/**
 * asc_rivet_inspector_encode_request:
 * @request: which request
 * @id: its id, echoed as the answer's `rid`
 *
 * Encodes one of the requests that carry only an id.
 *
 * Returns: (transfer full): the binary frame
 */
GBytes *
asc_rivet_inspector_encode_request (AscRivetInspectorRequest request,
                                    guint64                  id)
{
  GByteArray *out = start_request (request);

  asc_bare_write_uint (out, id);
  return finish_request (out);
}

/**
 * asc_rivet_inspector_encode_action_request:
 * @id: the request id
 * @name: the action name
 * @args: (nullable): a JSON array of positional arguments; %NULL for none
 * @error: return location for an error
 *
 * Encodes `ActionRequest{id, name, args}` with @args as CBOR (JSON-compat
 * tagged arrays become the CBOR types they stand for).
 *
 * Returns: (transfer full) (nullable): the frame, or %NULL with @error set:
 *   %ASC_ERROR_VALIDATION when @args is not an array, %ASC_ERROR_PROTOCOL
 *   when it cannot be encoded
 */
GBytes *
asc_rivet_inspector_encode_action_request (guint64      id,
                                           const char  *name,
                                           JsonNode    *args,
                                           GError     **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonArray) no_args = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (args == NULL)
    {
      no_args = json_array_new ();
      args = empty = json_node_init_array (json_node_alloc (), no_args);
    }
  if (!JSON_NODE_HOLDS_ARRAY (args))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_VALIDATION,
                   _("The arguments of “%s” must be a JSON array"), name);
      return NULL;
    }

  out = start_request (TAG_ACTION);
  asc_bare_write_uint (out, id);
  asc_bare_write_string (out, name);
  if (!write_cbor (out, args, error))
    return NULL;

  return finish_request (g_steal_pointer (&out));
}

/**
 * asc_rivet_inspector_encode_patch_state_request:
 * @state: the whole new state
 * @error: return location for an error
 *
 * Encodes `PatchStateRequest{state}`. Rivet 2.3.19 acknowledges it but does
 * not change the actor's live state; the HTTP inspector's PATCH does.
 *
 * Returns: (transfer full) (nullable): the frame, or %NULL with @error set
 */
GBytes *
asc_rivet_inspector_encode_patch_state_request (JsonNode  *state,
                                                GError   **error)
{
  g_autoptr(GByteArray) out = start_request (TAG_PATCH_STATE);

  g_return_val_if_fail (state != NULL, NULL);

  if (!write_cbor (out, state, error))
    return NULL;

  return finish_request (g_steal_pointer (&out));
}

/**
 * asc_rivet_inspector_encode_queue_request:
 * @id: the request id
 * @limit: how many queued messages to list at most
 *
 * Returns: (transfer full): the `QueueRequest` frame
 */
GBytes *
asc_rivet_inspector_encode_queue_request (guint64 id,
                                          guint64 limit)
{
  GByteArray *out = start_request (TAG_QUEUE);

  asc_bare_write_uint (out, id);
  asc_bare_write_uint (out, limit);
  return finish_request (out);
}

/**
 * asc_rivet_inspector_encode_trace_query_request:
 * @id: the request id
 * @start_ms: the start of the time range, in Unix milliseconds
 * @end_ms: its end
 * @limit: how many spans at most
 *
 * Returns: (transfer full): the `TraceQueryRequest` frame
 */
GBytes *
asc_rivet_inspector_encode_trace_query_request (guint64 id,
                                                guint64 start_ms,
                                                guint64 end_ms,
                                                guint64 limit)
{
  GByteArray *out = start_request (TAG_TRACE_QUERY);

  asc_bare_write_uint (out, id);
  asc_bare_write_uint (out, start_ms);
  asc_bare_write_uint (out, end_ms);
  asc_bare_write_uint (out, limit);
  return finish_request (out);
}

/**
 * asc_rivet_inspector_encode_workflow_replay_request:
 * @id: the request id
 * @entry_id: (nullable): the history entry to replay from; %NULL for all
 *
 * Returns: (transfer full): the `WorkflowReplayRequest` frame
 */
GBytes *
asc_rivet_inspector_encode_workflow_replay_request (guint64     id,
                                                    const char *entry_id)
{
  GByteArray *out = start_request (TAG_WORKFLOW_REPLAY);

  asc_bare_write_uint (out, id);
  asc_bare_write_optional (out, entry_id != NULL);
  if (entry_id != NULL)
    asc_bare_write_string (out, entry_id);
  return finish_request (out);
}

/**
 * asc_rivet_inspector_encode_database_rows_request:
 * @id: the request id
 * @table: the table name
 * @limit: how many rows at most
 * @offset: how many rows to skip
 *
 * Returns: (transfer full): the `DatabaseTableRowsRequest` frame
 */
GBytes *
asc_rivet_inspector_encode_database_rows_request (guint64     id,
                                                  const char *table,
                                                  guint64     limit,
                                                  guint64     offset)
{
  GByteArray *out;

  g_return_val_if_fail (table != NULL, NULL);

  out = start_request (TAG_DATABASE_ROWS);
  asc_bare_write_uint (out, id);
  asc_bare_write_string (out, table);
  asc_bare_write_uint (out, limit);
  asc_bare_write_uint (out, offset);
  return finish_request (out);
}

/**
 * asc_rivet_inspector_version_for_server:
 * @version: the `version` of the actor's `/metadata`, such as "2.3.19"
 *
 * Picks the inspector protocol version a server speaks, as the official
 * dashboard does: 2.3.4 and later speak v6 (negotiated, no frame prefix),
 * 2.3.3 v5, 2.1.6 and later v4, 2.0.42 and later v3, older ones v2.
 * Anything after the patch number ("-rc.1") is ignored.
 *
 * Returns: the protocol version, or 0 when @version is not `N.N.N`
 */
guint
asc_rivet_inspector_version_for_server (const char *version)
{
  guint64 parts[3] = { 0 };
  const char *p = version;

  g_return_val_if_fail (version != NULL, 0);

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;

      if (!g_ascii_isdigit (*p))
        return 0;
      parts[i] = g_ascii_strtoull (p, &end, 10);
      p = end;
      if (i < 2 && *p++ != '.')
        return 0;
    }

#define AT_LEAST(a, b, c) \
  (parts[0] != (a) ? parts[0] > (a) : parts[1] != (b) ? parts[1] > (b) : parts[2] >= (c))
  if (AT_LEAST (2, 3, 4))
    return 6;
  if (AT_LEAST (2, 3, 3))
    return 5;
  if (AT_LEAST (2, 1, 6))
    return 4;
  if (AT_LEAST (2, 0, 42))
    return 3;
  return 2;
#undef AT_LEAST
}
