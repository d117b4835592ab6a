/* asc-rivet-connection-protocol.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client protocol of `/gateway/<actor>/connect` in its JSON and CBOR
 * encodings: each frame is `{"body": {"tag": <name>, "val": {...}}}`. The
 * server writes ids as ["$BigInt","N"] in JSON and as integers in CBOR; both
 * are accepted, and requests send the JSON-compat form, which every 2.x
 * server takes. The BARE encoding is in asc-rivet-connection-bare.c.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-cbor.h"
#include "asc-error.h"
#include "asc-rivet-connection-private.h"
#include "asc-json-text.h"

#define MAX_DEPTH ASC_CBOR_MAX_DEPTH

/* What the group and code of a close reason are made of. */
#define NAME_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"

static const char *type_names[] = {
  [ASC_RIVET_CONNECTION_MESSAGE_INIT] = "Init",
  [ASC_RIVET_CONNECTION_MESSAGE_ERROR] = "Error",
  [ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE] = "ActionResponse",
  [ASC_RIVET_CONNECTION_MESSAGE_EVENT] = "Event",
};

AscRivetConnectionMessage *
_asc_rivet_connection_message_new (AscRivetConnectionMessageType  type,
                                   const char                    *type_name)
{
  AscRivetConnectionMessage *message = g_new0 (AscRivetConnectionMessage, 1);

  message->type = type;
  message->type_name = g_strdup (type_name);
  return message;
}

void
asc_rivet_connection_message_free (AscRivetConnectionMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->type_name);
  g_free (message->actor_id);
  g_free (message->connection_id);
  g_free (message->group);
  g_free (message->code);
  g_free (message->message);
  g_clear_pointer (&message->metadata, json_node_unref);
  g_clear_pointer (&message->actor, json_node_unref);
  g_clear_pointer (&message->output, json_node_unref);
  g_free (message->name);
  g_clear_pointer (&message->args, json_node_unref);
  g_free (message);
}

static const char *
string_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * asc_rivet_parse_id:
 * @node: (nullable): an id as sent: a non-negative integer, or
 *   ["$BigInt","<decimal>"]
 * @id: (out): the id
 *
 * Returns: %TRUE when @node is an id
 */
gboolean
asc_rivet_parse_id (JsonNode *node,
                    guint64  *id)
{
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 0)
    {
      *id = (guint64) json_node_get_int (node);
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) != 2 ||
      g_strcmp0 (string_element (array, 0), "$BigInt") != 0 ||
      string_element (array, 1) == NULL)
    return FALSE;

  return g_ascii_string_to_unsigned (string_element (array, 1), 10, 0, G_MAXUINT64, id, NULL);
}

static gboolean
field_error (GError     **error,
             const char  *type_name,
             const char  *field)
{
  g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
               _("The actor sent a “%s” frame without a valid “%s”"), type_name, field);
  return FALSE;
}

static gboolean
take_string (JsonObject  *val,
             const char  *field,
             char       **out)
{
  JsonNode *node = json_object_get_member (val, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out = json_node_dup_string (node);
  return TRUE;
}

/* A member that is absent or null is %NULL. */
static JsonNode *
dup_member (JsonObject *val,
            const char *field)
{
  JsonNode *node = json_object_get_member (val, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_node_copy (node);
}

static gboolean
decode_error (AscRivetConnectionMessage  *message,
              JsonObject                 *val,
              GError                    **error)
{
  JsonNode *action_id = json_object_get_member (val, "actionId");
  const char *name = message->type_name;

  if (!take_string (val, "group", &message->group))
    return field_error (error, name, "group");
  if (!take_string (val, "code", &message->code))
    return field_error (error, name, "code");
  if (!take_string (val, "message", &message->message))
    return field_error (error, name, "message");

  /* actionId is null, or absent, for an error about the connection itself. */
  if (action_id != NULL && !JSON_NODE_HOLDS_NULL (action_id))
    {
      if (!asc_rivet_parse_id (action_id, &message->action_id))
        return field_error (error, name, "actionId");
      message->has_action_id = TRUE;
    }

  message->metadata = dup_member (val, "metadata");
  message->actor = dup_member (val, "actor");
  return TRUE;
}

static gboolean
decode_fields (AscRivetConnectionMessage  *message,
               JsonObject                 *val,
               GError                    **error)
{
  const char *name = message->type_name;

  switch (message->type)
    {
    case ASC_RIVET_CONNECTION_MESSAGE_INIT:
      if (!take_string (val, "actorId", &message->actor_id))
        return field_error (error, name, "actorId");
      if (!take_string (val, "connectionId", &message->connection_id))
        return field_error (error, name, "connectionId");
      return TRUE;

    case ASC_RIVET_CONNECTION_MESSAGE_ERROR:
      return decode_error (message, val, error);

    case ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE:
      if (!asc_rivet_parse_id (json_object_get_member (val, "id"), &message->id))
        return field_error (error, name, "id");
      message->output = dup_member (val, "output");
      if (message->output == NULL)
        message->output = json_node_new (JSON_NODE_NULL);
      return TRUE;

    case ASC_RIVET_CONNECTION_MESSAGE_EVENT:
      if (!take_string (val, "name", &message->name))
        return field_error (error, name, "name");
      message->args = dup_member (val, "args");
      if (message->args == NULL || !JSON_NODE_HOLDS_ARRAY (message->args))
        return field_error (error, name, "args");
      return TRUE;

    case ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN:
    default:
      return TRUE;
    }
}

static AscRivetConnectionMessageType
lookup_type (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (type_names[i] != NULL && g_str_equal (type_names[i], name))
      return i;

  return ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN;
}

/* {"body": {"tag": <string>, "val": <any>}}: returns the tag, sets *@val. */
static const char *
unwrap_body (JsonNode  *root,
             JsonNode **val)
{
  JsonNode *body = NULL;
  JsonNode *tag = NULL;

  if (JSON_NODE_HOLDS_OBJECT (root))
    body = json_object_get_member (json_node_get_object (root), "body");
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;

  tag = json_object_get_member (json_node_get_object (body), "tag");
  *val = json_object_get_member (json_node_get_object (body), "val");
  if (tag == NULL || !JSON_NODE_HOLDS_VALUE (tag) ||
      json_node_get_value_type (tag) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (tag);
}

static AscRivetConnectionMessage *
message_from_json (JsonNode  *root,
                   GError   **error)
{
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  JsonNode *val = NULL;
  const char *tag = unwrap_body (root, &val);

  if (tag == NULL)
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The actor sent a frame without a “body” with a “tag”"));
      return NULL;
    }

  message = _asc_rivet_connection_message_new (lookup_type (tag), tag);
  if (message->type == ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN)
    return g_steal_pointer (&message);

  if (val == NULL || !JSON_NODE_HOLDS_OBJECT (val))
    {
      field_error (error, message->type_name, "val");
      return NULL;
    }

  if (!decode_fields (message, json_node_get_object (val), error))
    return NULL;

  return g_steal_pointer (&message);
}

/* Brackets outside strings, counted before json-glib's recursive parser runs. */
static gboolean
nests_too_deep (const char *text,
                gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string && text[i] == '\\')
        i++;
      else if (text[i] == '"')
        in_string = !in_string;
      else if (!in_string && (text[i] == '[' || text[i] == '{'))
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if (!in_string && (text[i] == ']' || text[i] == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

/**
 * asc_rivet_connection_message_parse:
 * @text: one text frame
 * @length: its length, or -1 when NUL-terminated
 * @error: return location for an error
 *
 * Decodes a server frame of the JSON encoding. An unknown tag gives a
 * message of type %ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 *   set (%ASC_ERROR_PROTOCOL)
 */
AscRivetConnectionMessage *
asc_rivet_connection_message_parse (const char  *text,
                                    gssize       length,
                                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (nests_too_deep (text, length))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                   _("The actor sent a frame nested more than %d levels deep"), MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                   _("The actor sent a frame that is not JSON: %s"),
                   parse_error != NULL ? parse_error->message : _("empty"));
      return NULL;
    }

  return message_from_json (json_parser_get_root (parser), error);
}

/**
 * asc_rivet_connection_message_parse_cbor:
 * @data: (array length=length): one binary frame of the CBOR encoding
 * @length: its length in bytes
 * @error: return location for an error
 *
 * As asc_rivet_connection_message_parse(), for the CBOR encoding.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error set
 */
AscRivetConnectionMessage *
asc_rivet_connection_message_parse_cbor (const guint8  *data,
                                         gsize          length,
                                         GError       **error)
{
  g_autoptr(JsonNode) root = asc_cbor_decode (data, length, error);

  if (root == NULL)
    {
      g_prefix_error (error, _("Client protocol frame: "));
      return NULL;
    }

  return message_from_json (root, error);
}

static char *
encode_body (const char *tag,
             JsonObject *val)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) frame = json_object_new ();
  g_autoptr(JsonNode) root = NULL;

  json_object_set_string_member (body, "tag", tag);
  json_object_set_object_member (body, "val", val);
  json_object_set_object_member (frame, "body", g_steal_pointer (&body));
  root = json_node_init_object (json_node_alloc (), frame);

  return asc_json_to_text (root);
}

/**
 * asc_rivet_connection_encode_action_request:
 * @id: the action id, echoed by the answer
 * @name: the action name
 * @args: (nullable): a JSON array of positional arguments; %NULL for none
 *
 * Returns: (transfer full): the `ActionRequest` text frame, with the id as
 *   ["$BigInt","<id>"]
 */
char *
asc_rivet_connection_encode_action_request (guint64     id,
                                            const char *name,
                                            JsonNode   *args)
{
  JsonObject *val;
  g_autoptr(JsonArray) id_array = json_array_sized_new (2);
  g_autofree char *id_text = g_strdup_printf ("%" G_GUINT64_FORMAT, id);

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (args == NULL || JSON_NODE_HOLDS_ARRAY (args), NULL);

  json_array_add_string_element (id_array, "$BigInt");
  json_array_add_string_element (id_array, id_text);

  val = json_object_new ();
  json_object_set_array_member (val, "id", g_steal_pointer (&id_array));
  json_object_set_string_member (val, "name", name);
  if (args != NULL)
    json_object_set_member (val, "args", json_node_copy (args));
  else
    json_object_set_array_member (val, "args", json_array_new ());

  return encode_body ("ActionRequest", val);
}

/**
 * asc_rivet_connection_encode_subscription_request:
 * @event_name: the event
 * @subscribe: %TRUE to subscribe, %FALSE to unsubscribe
 *
 * Returns: (transfer full): the `SubscriptionRequest` text frame
 */
char *
asc_rivet_connection_encode_subscription_request (const char *event_name,
                                                  gboolean    subscribe)
{
  JsonObject *val;

  g_return_val_if_fail (event_name != NULL, NULL);

  val = json_object_new ();
  json_object_set_string_member (val, "eventName", event_name);
  json_object_set_boolean_member (val, "subscribe", subscribe);

  return encode_body ("SubscriptionRequest", val);
}

static gboolean
is_name (const char *start,
         gsize       length,
         const char *allowed)
{
  return length > 0 && strspn (start, allowed) >= length;
}

/**
 * asc_rivet_close_reason_parse:
 * @reason: (nullable): a WebSocket close reason
 *
 * Splits a reason such as `core.internal_error#0a1b2c` into group, code and
 * ray id. The code may contain dots; the group may not.
 *
 * Returns: (transfer full) (nullable): the parts, or %NULL when @reason is
 *   not of the form `group.code[#rayId]`
 */
AscRivetCloseReason *
asc_rivet_close_reason_parse (const char *reason)
{
  AscRivetCloseReason *parts;
  const char *hash;
  const char *dot;
  gsize end;

  if (reason == NULL)
    return NULL;

  hash = strchr (reason, '#');
  end = hash != NULL ? (gsize) (hash - reason) : strlen (reason);
  dot = memchr (reason, '.', end);
  if (dot == NULL || !is_name (reason, dot - reason, NAME_CHARS) ||
      !is_name (dot + 1, end - (dot + 1 - reason), NAME_CHARS "."))
    return NULL;

  parts = g_new0 (AscRivetCloseReason, 1);
  parts->group = g_strndup (reason, dot - reason);
  parts->code = g_strndup (dot + 1, end - (dot + 1 - reason));
  if (hash != NULL && hash[1] != '\0')
    parts->ray_id = g_strdup (hash + 1);

  return parts;
}

void
asc_rivet_close_reason_free (AscRivetCloseReason *reason)
{
  if (reason == NULL)
    return;

  g_free (reason->group);
  g_free (reason->code);
  g_free (reason->ray_id);
  g_free (reason);
}
