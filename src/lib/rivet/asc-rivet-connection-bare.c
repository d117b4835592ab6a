/* asc-rivet-connection-bare.c: the client protocol's BARE encoding
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every frame is vbare: a u16 little-endian version (4) and then a BARE
 * value. WebSocket frames are a union: to the client 0 Init{actorId,
 * connectionId}, 1 Error{group, code, message, metadata optional<data>,
 * actionId optional<uint>, actor optional<Actor>}, 2 ActionResponse{id,
 * output data}, 3 Event{name, args data}; to the server 0 ActionRequest{id,
 * name, args data}, 1 SubscriptionRequest{eventName, subscribe bool}. HTTP
 * error bodies are a bare HttpResponseError{group, code, message, metadata,
 * actor}. Actor is {actorId str, generation uint, key optional<str>}; data
 * fields hold CBOR. Older servers end errors before `actor`, which is then
 * taken as absent.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-bare.h"
#include "asc-cbor.h"
#include "asc-error.h"
#include "asc-rivet-bare-fields.h"
#include "asc-rivet-connection-private.h"

static const char *type_names[] = { "Init", "Error", "ActionResponse", "Event" };

static gboolean
read_version (AscBareReader  *reader,
              GError        **error)
{
  guint16 version = 0;

  if (!asc_vbare_read_version (reader, &version, error))
    return FALSE;

  if (version != ASC_RIVET_CONNECTION_PROTOCOL_VERSION)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                   _("client protocol version %u is not supported"), version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_actor (AscBareReader  *reader,
            JsonNode      **value,
            GError        **error)
{
  g_autoptr(JsonObject) actor = json_object_new ();
  g_autofree char *actor_id = NULL;
  g_autofree char *key = NULL;
  guint64 generation = 0;
  gboolean present = FALSE;

  /* Absent when the frame ends here, as with servers older than 2.3. */
  if (asc_bare_reader_remaining (reader) == 0)
    return TRUE;
  if (!asc_bare_read_optional (reader, &present, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (!asc_bare_read_string (reader, &actor_id, error) ||
      !asc_bare_read_uint (reader, &generation, error) ||
      !_asc_rivet_bare_read_optional_string (reader, &key, error))
    return FALSE;

  json_object_set_string_member (actor, "actorId", actor_id);
  json_object_set_member (actor, "generation", _asc_rivet_json_uint (generation));
  if (key != NULL)
    json_object_set_string_member (actor, "key", key);
  else
    json_object_set_null_member (actor, "key");
  *value = json_node_init_object (json_node_alloc (), actor);
  return TRUE;
}

static gboolean
read_error (AscBareReader              *reader,
            AscRivetConnectionMessage  *message,
            gboolean                    with_action_id,
            GError                    **error)
{
  if (!asc_bare_read_string (reader, &message->group, error) ||
      !asc_bare_read_string (reader, &message->code, error) ||
      !asc_bare_read_string (reader, &message->message, error) ||
      !_asc_rivet_bare_read_optional_cbor (reader, &message->metadata, error))
    return FALSE;

  if (with_action_id &&
      (!asc_bare_read_optional (reader, &message->has_action_id, error) ||
       (message->has_action_id && !asc_bare_read_uint (reader, &message->action_id, error))))
    return FALSE;

  return read_actor (reader, &message->actor, error);
}

static gboolean
read_body (AscBareReader              *reader,
           AscRivetConnectionMessage  *message,
           GError                    **error)
{
  switch (message->type)
    {
    case ASC_RIVET_CONNECTION_MESSAGE_INIT:
      return asc_bare_read_string (reader, &message->actor_id, error) &&
             asc_bare_read_string (reader, &message->connection_id, error);
    case ASC_RIVET_CONNECTION_MESSAGE_ERROR:
      return read_error (reader, message, TRUE, error);
    case ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE:
      return asc_bare_read_uint (reader, &message->id, error) &&
             _asc_rivet_bare_read_cbor (reader, &message->output, error);
    case ASC_RIVET_CONNECTION_MESSAGE_EVENT:
      return asc_bare_read_string (reader, &message->name, error) &&
             _asc_rivet_bare_read_cbor (reader, &message->args, error);
    case ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN:
    default:
      /* Its layout is unknown: skip it whole. */
      reader->offset = reader->length;
      return TRUE;
    }
}

static AscRivetConnectionMessage *
parse_failed (GError **error)
{
  g_prefix_error (error, _("Client protocol frame: "));
  return NULL;
}

/**
 * asc_rivet_connection_message_parse_bare:
 * @data: (array length=length): one binary frame of the BARE encoding
 * @length: its length in bytes
 * @error: return location for an error
 *
 * As asc_rivet_connection_message_parse(), for the BARE encoding, version
 * prefix included. An unknown union tag gives an UNKNOWN message.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 *   set (%ASC_ERROR_PROTOCOL)
 */
AscRivetConnectionMessage *
asc_rivet_connection_message_parse_bare (const guint8  *data,
                                         gsize          length,
                                         GError       **error)
{
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  AscBareReader reader;
  guint64 tag = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  asc_bare_reader_init (&reader, data, length);
  if (!read_version (&reader, error) || !asc_bare_read_union_tag (&reader, &tag, error))
    return parse_failed (error);

  if (tag < G_N_ELEMENTS (type_names))
    message = _asc_rivet_connection_message_new (tag + 1, type_names[tag]);
  else
    message = _asc_rivet_connection_message_new (ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN, "Unknown");

  if (!read_body (&reader, message, error) || !asc_bare_reader_finish (&reader, error))
    return parse_failed (error);

  if (message->type == ASC_RIVET_CONNECTION_MESSAGE_EVENT && !JSON_NODE_HOLDS_ARRAY (message->args))
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The event arguments are not an array"));
      return parse_failed (error);
    }

  return g_steal_pointer (&message);
}

/**
 * asc_rivet_http_error_parse_bare:
 * @data: (array length=length): an HTTP error body of the BARE encoding
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Decodes `HttpResponseError`, the body of a failed HTTP action with
 * `x-rivet-encoding: bare`, version prefix included.
 *
 * Returns: (transfer full) (nullable): a message of type
 *   %ASC_RIVET_CONNECTION_MESSAGE_ERROR, or %NULL with @error set
 */
AscRivetConnectionMessage *
asc_rivet_http_error_parse_bare (const guint8  *data,
                                 gsize          length,
                                 GError       **error)
{
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  AscBareReader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  asc_bare_reader_init (&reader, data, length);
  message = _asc_rivet_connection_message_new (ASC_RIVET_CONNECTION_MESSAGE_ERROR, "Error");
  if (!read_version (&reader, error) ||
      !read_error (&reader, message, FALSE, error) ||
      !asc_bare_reader_finish (&reader, error))
    {
      g_prefix_error (error, _("HTTP error body: "));
      return NULL;
    }

  return g_steal_pointer (&message);
}

static GByteArray *
start_frame (guint64 tag)
{
  GByteArray *out = g_byte_array_new ();

  asc_vbare_write_version (out, ASC_RIVET_CONNECTION_PROTOCOL_VERSION);
  asc_bare_write_union_tag (out, tag);
  return out;
}

/**
 * asc_rivet_connection_encode_action_request_bare:
 * @id: the action id
 * @name: the action name
 * @args: (nullable): a JSON array of positional arguments; %NULL for none
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the `ActionRequest` binary frame,
 *   or %NULL with @error set when @args cannot be encoded as CBOR
 */
GBytes *
asc_rivet_connection_encode_action_request_bare (guint64      id,
                                                 const char  *name,
                                                 JsonNode    *args,
                                                 GError     **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonArray) no_args = NULL;
  g_autoptr(GBytes) cbor = NULL;
  const guint8 *bytes;
  gsize length = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (args == NULL || JSON_NODE_HOLDS_ARRAY (args), NULL);

  if (args == NULL)
    {
      no_args = json_array_new ();
      args = empty = json_node_init_array (json_node_alloc (), no_args);
    }
  cbor = asc_cbor_encode (args, error);
  if (cbor == NULL)
    return NULL;

  out = start_frame (0);
  asc_bare_write_uint (out, id);
  asc_bare_write_string (out, name);
  bytes = g_bytes_get_data (cbor, &length);
  asc_bare_write_data (out, bytes, length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * asc_rivet_connection_encode_subscription_request_bare:
 * @event_name: the event
 * @subscribe: %TRUE to subscribe, %FALSE to unsubscribe
 *
 * Returns: (transfer full): the `SubscriptionRequest` binary frame
 */
GBytes *
asc_rivet_connection_encode_subscription_request_bare (const char *event_name,
                                                       gboolean    subscribe)
{
  GByteArray *out;

  g_return_val_if_fail (event_name != NULL, NULL);

  out = start_frame (1);
  asc_bare_write_string (out, event_name);
  asc_bare_write_bool (out, subscribe);
  return g_byte_array_free_to_bytes (out);
}
