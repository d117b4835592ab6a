/* asc-rivet-inspector-protocol.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actor inspector's WebSocket protocol, schema v6, as negotiated with
 * `?protocol_version=6`: each binary frame is one BARE union, with no version
 * prefix. State, connection details, action outputs and database results are
 * CBOR inside BARE `data`. Frames whose layout is not pinned down are kept
 * undecoded, and an unknown tag is a message of type UNKNOWN, not an error,
 * so a newer server does not break the connection.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-bare.h"
#include "asc-error.h"
#include "asc-rivet-bare-fields.h"
#include "asc-rivet-inspector-protocol.h"

/* The reader of one frame. Decoders get its first member, the BARE reader;
 * those reading the state get back to the cache it decodes against. */
typedef struct
{
  AscBareReader  bare;
  AscCborCache  *states;
} FrameReader;

typedef gboolean (*DecodeFunc) (AscBareReader             *reader,
                                AscRivetInspectorMessage  *message,
                                GError                   **error);

void
asc_rivet_inspector_message_free (AscRivetInspectorMessage *message)
{
  if (message == NULL)
    return;

  g_clear_pointer (&message->state, json_node_unref);
  g_clear_pointer (&message->connections, json_node_unref);
  g_clear_pointer (&message->output, json_node_unref);
  g_strfreev (message->rpcs);
  g_clear_pointer (&message->workflow_history, g_bytes_unref);
  g_clear_pointer (&message->tabs, json_node_unref);
  g_clear_pointer (&message->queue, json_node_unref);
  g_clear_pointer (&message->data, json_node_unref);
  g_free (message->message);
  g_free (message->code);
  g_clear_pointer (&message->body, g_bytes_unref);
  g_free (message);
}

static gboolean
read_rid (AscBareReader             *reader,
          AscRivetInspectorMessage  *message,
          GError                   **error)
{
  message->has_rid = TRUE;
  return asc_bare_read_uint (reader, &message->rid, error);
}

/* Connection{id str, details data}, as {"id": ..., "details": ...}. */
static gboolean
read_connections (AscBareReader  *reader,
                  JsonNode      **value,
                  GError        **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gsize count = 0;

  if (!asc_bare_read_length (reader, 2, &count, error))
    return FALSE;

  for (gsize i = 0; i < count; i++)
    {
      g_autoptr(JsonObject) connection = json_object_new ();
      g_autofree char *id = NULL;
      JsonNode *details = NULL;

      if (!asc_bare_read_string (reader, &id, error) ||
          !_asc_rivet_bare_read_cbor (reader, &details, error))
        return FALSE;

      json_object_set_string_member (connection, "id", id);
      json_object_set_member (connection, "details", details);
      json_array_add_object_element (array, g_steal_pointer (&connection));
    }

  *value = json_node_init_array (json_node_alloc (), array);
  return TRUE;
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/* TabConfig{id str, label optional<str>, icon optional<str>, hidden bool} */
static gboolean
read_tabs (AscBareReader  *reader,
           JsonNode      **value,
           GError        **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gsize count = 0;

  if (!asc_bare_read_length (reader, 4, &count, error))
    return FALSE;

  for (gsize i = 0; i < count; i++)
    {
      g_autoptr(JsonObject) tab = json_object_new ();
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;
      g_autofree char *icon = NULL;
      gboolean hidden = FALSE;

      if (!asc_bare_read_string (reader, &id, error) ||
          !_asc_rivet_bare_read_optional_string (reader, &label, error) ||
          !_asc_rivet_bare_read_optional_string (reader, &icon, error) ||
          !asc_bare_read_bool (reader, &hidden, error))
        return FALSE;

      json_object_set_string_member (tab, "id", id);
      set_string_or_null (tab, "label", label);
      set_string_or_null (tab, "icon", icon);
      json_object_set_boolean_member (tab, "hidden", hidden);
      json_array_add_object_element (array, g_steal_pointer (&tab));
    }

  *value = json_node_init_array (json_node_alloc (), array);
  return TRUE;
}

/* The last field of Init; its item layout is not known, so keep the bytes. */
static gboolean
read_schedules (AscBareReader             *reader,
                AscRivetInspectorMessage  *message,
                GError                   **error)
{
  gsize count = 0;

  if (!asc_bare_read_length (reader, 1, &count, error))
    return FALSE;

  message->n_schedules = count;
  if (count > 0)
    {
      message->body = g_bytes_new (reader->data + reader->offset,
                                   asc_bare_reader_remaining (reader));
      reader->offset = reader->length;
    }

  return TRUE;
}

static gboolean
read_state (AscBareReader  *reader,
            gboolean        optional,
            JsonNode      **state,
            GError        **error)
{
  AscCborCache *states = ((FrameReader *) reader)->states;

  if (optional)
    return _asc_rivet_bare_read_optional_cbor_cached (reader, states, state, error);
  return _asc_rivet_bare_read_cbor_cached (reader, states, state, error);
}

static gboolean
decode_init (AscBareReader             *reader,
             AscRivetInspectorMessage  *message,
             GError                   **error)
{
  return read_connections (reader, &message->connections, error) &&
         read_state (reader, TRUE, &message->state, error) &&
         asc_bare_read_bool (reader, &message->is_state_enabled, error) &&
         _asc_rivet_bare_read_string_list (reader, &message->rpcs, error) &&
         asc_bare_read_bool (reader, &message->is_database_enabled, error) &&
         asc_bare_read_uint (reader, &message->queue_size, error) &&
         _asc_rivet_bare_read_optional_bytes (reader, &message->workflow_history, error) &&
         asc_bare_read_bool (reader, &message->is_workflow_enabled, error) &&
         read_tabs (reader, &message->tabs, error) &&
         read_schedules (reader, message, error);
}

static gboolean
decode_state_response (AscBareReader             *reader,
                       AscRivetInspectorMessage  *message,
                       GError                   **error)
{
  return read_rid (reader, message, error) &&
         read_state (reader, TRUE, &message->state, error) &&
         asc_bare_read_bool (reader, &message->is_state_enabled, error);
}

static gboolean
decode_connections_response (AscBareReader             *reader,
                             AscRivetInspectorMessage  *message,
                             GError                   **error)
{
  return read_rid (reader, message, error) &&
         read_connections (reader, &message->connections, error);
}

static gboolean
decode_action_response (AscBareReader             *reader,
                        AscRivetInspectorMessage  *message,
                        GError                   **error)
{
  return read_rid (reader, message, error) &&
         _asc_rivet_bare_read_cbor (reader, &message->output, error);
}

static gboolean
decode_connections_updated (AscBareReader             *reader,
                            AscRivetInspectorMessage  *message,
                            GError                   **error)
{
  return read_connections (reader, &message->connections, error);
}

static gboolean
decode_queue_updated (AscBareReader             *reader,
                      AscRivetInspectorMessage  *message,
                      GError                   **error)
{
  return asc_bare_read_uint (reader, &message->queue_size, error);
}

static gboolean
decode_state_updated (AscBareReader             *reader,
                      AscRivetInspectorMessage  *message,
                      GError                   **error)
{
  return read_state (reader, FALSE, &message->state, error);
}

static gboolean
decode_rpcs_list_response (AscBareReader             *reader,
                           AscRivetInspectorMessage  *message,
                           GError                   **error)
{
  return read_rid (reader, message, error) &&
         _asc_rivet_bare_read_string_list (reader, &message->rpcs, error);
}

/* QueueMessageSummary{id uint, name str, createdAtMs uint} */
static gboolean
read_queue_messages (AscBareReader  *reader,
                     JsonArray      *messages,
                     GError        **error)
{
  gsize count = 0;

  if (!asc_bare_read_length (reader, 3, &count, error))
    return FALSE;

  for (gsize i = 0; i < count; i++)
    {
      g_autoptr(JsonObject) item = json_object_new ();
      g_autofree char *name = NULL;
      guint64 id = 0;
      guint64 created_at_ms = 0;

      if (!asc_bare_read_uint (reader, &id, error) ||
          !asc_bare_read_string (reader, &name, error) ||
          !asc_bare_read_uint (reader, &created_at_ms, error))
        return FALSE;

      json_object_set_member (item, "id", _asc_rivet_json_uint (id));
      json_object_set_string_member (item, "name", name);
      json_object_set_member (item, "createdAtMs", _asc_rivet_json_uint (created_at_ms));
      json_array_add_object_element (messages, g_steal_pointer (&item));
    }

  return TRUE;
}

/* QueueStatus{size uint, maxSize uint, messages list<...>, truncated bool} */
static gboolean
decode_queue_response (AscBareReader             *reader,
                       AscRivetInspectorMessage  *message,
                       GError                   **error)
{
  g_autoptr(JsonObject) status = json_object_new ();
  g_autoptr(JsonArray) messages = json_array_new ();
  guint64 size = 0;
  guint64 max_size = 0;
  gboolean truncated = FALSE;

  if (!read_rid (reader, message, error) ||
      !asc_bare_read_uint (reader, &size, error) ||
      !asc_bare_read_uint (reader, &max_size, error) ||
      !read_queue_messages (reader, messages, error) ||
      !asc_bare_read_bool (reader, &truncated, error))
    return FALSE;

  json_object_set_member (status, "size", _asc_rivet_json_uint (size));
  json_object_set_member (status, "maxSize", _asc_rivet_json_uint (max_size));
  json_object_set_boolean_member (status, "truncated", truncated);
  json_object_set_array_member (status, "messages", g_steal_pointer (&messages));
  message->queue = json_node_init_object (json_node_alloc (), status);
  return TRUE;
}

/* "action_not_found: Action `nope` was not found." starts with its code. */
static char *
error_code (const char *text)
{
  gsize length = strspn (text, "abcdefghijklmnopqrstuvwxyz0123456789_.");

  if (length == 0 || !g_str_has_prefix (text + length, ": "))
    return NULL;

  return g_strndup (text, length);
}

static gboolean
decode_error (AscBareReader             *reader,
              AscRivetInspectorMessage  *message,
              GError                   **error)
{
  if (!asc_bare_read_string (reader, &message->message, error))
    return FALSE;

  message->code = error_code (message->message);
  return TRUE;
}

static gboolean
decode_database_response (AscBareReader             *reader,
                          AscRivetInspectorMessage  *message,
                          GError                   **error)
{
  return read_rid (reader, message, error) &&
         _asc_rivet_bare_read_cbor (reader, &message->data, error);
}

/* Indexed by v6 union tag; a NULL decoder keeps the body undecoded. */
static const struct {
  const char *name;
  DecodeFunc  decode;
} message_types[] = {
  { "StateResponse", decode_state_response },
  { "ConnectionsResponse", decode_connections_response },
  { "ActionResponse", decode_action_response },
  { "ConnectionsUpdated", decode_connections_updated },
  { "QueueUpdated", decode_queue_updated },
  { "StateUpdated", decode_state_updated },
  { "WorkflowHistoryUpdated", NULL },
  { "SchedulesUpdated", NULL },
  { "RpcsListResponse", decode_rpcs_list_response },
  { "TraceQueryResponse", NULL },
  { "QueueResponse", decode_queue_response },
  { "WorkflowHistoryResponse", NULL },
  { "WorkflowReplayResponse", NULL },
  { "SchedulesResponse", NULL },
  { "ScheduleHistoryResponse", NULL },
  { "ScheduleDeleteResponse", NULL },
  { "Error", decode_error },
  { "Init", decode_init },
  { "DatabaseSchemaResponse", decode_database_response },
  { "DatabaseTableRowsResponse", decode_database_response },
};

/**
 * asc_rivet_inspector_message_parse:
 * @data: (array length=length): one binary frame
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Decodes a v6 server frame. An unknown union tag gives a message of type
 * %ASC_RIVET_INSPECTOR_MESSAGE_UNKNOWN with the rest of the frame in @body;
 * a known frame must decode completely, without trailing bytes.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 *   set (%ASC_ERROR_PROTOCOL)
 */
AscRivetInspectorMessage *
asc_rivet_inspector_message_parse (const guint8  *data,
                                   gsize          length,
                                   GError       **error)
{
  return asc_rivet_inspector_message_parse_cached (data, length, NULL, error);
}

/**
 * asc_rivet_inspector_message_parse_cached:
 * @data: (array length=length): one binary frame
 * @length: its length in bytes
 * @states: (nullable): the cache the state of the actor's frames decodes
 *   against
 * @error: return location for an error
 *
 * As asc_rivet_inspector_message_parse(), but the state of `Init`,
 * `StateResponse` and `StateUpdated` is decoded with
 * asc_cbor_cache_decode(): it is sealed, and shares what did not change with
 * the state @states saw last. Use one cache per actor.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 *   set (%ASC_ERROR_PROTOCOL)
 */
AscRivetInspectorMessage *
asc_rivet_inspector_message_parse_cached (const guint8  *data,
                                          gsize          length,
                                          AscCborCache  *states,
                                          GError       **error)
{
  g_autoptr(AscRivetInspectorMessage) message = g_new0 (AscRivetInspectorMessage, 1);
  FrameReader frame = { .states = states };
  AscBareReader *reader = &frame.bare;
  DecodeFunc decode = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  asc_bare_reader_init (reader, data, length);
  message->type_name = "Unknown";
  if (!asc_bare_read_union_tag (reader, &message->tag, error))
    {
      g_prefix_error (error, _("Inspector frame: "));
      return NULL;
    }

  if (message->tag < G_N_ELEMENTS (message_types))
    {
      message->type = (AscRivetInspectorMessageType) (message->tag + 1);
      message->type_name = message_types[message->tag].name;
      decode = message_types[message->tag].decode;
    }

  if (decode == NULL)
    {
      message->body = g_bytes_new (data + reader->offset, asc_bare_reader_remaining (reader));
      return g_steal_pointer (&message);
    }

  if (!decode (reader, message, error) || !asc_bare_reader_finish (reader, error))
    {
      g_prefix_error (error, _("Inspector %s frame: "), message->type_name);
      return NULL;
    }

  return g_steal_pointer (&message);
}
