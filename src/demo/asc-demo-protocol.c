/* asc-demo-protocol.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-protocol.h"
#include "asc-json-text.h"
#include "asc-zocket-protocol.h"

static const struct {
  const char         *name;
  AscDemoRequestType  type;
} request_types[] = {
  { "rpc", ASC_DEMO_REQUEST_RPC },
  { "event:sub", ASC_DEMO_REQUEST_EVENT_SUB },
  { "event:unsub", ASC_DEMO_REQUEST_EVENT_UNSUB },
  { "state:sub", ASC_DEMO_REQUEST_STATE_SUB },
  { "state:unsub", ASC_DEMO_REQUEST_STATE_UNSUB },
};

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
lookup_type (JsonObject         *object,
             AscDemoRequestType *type)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (!holds_string (node))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (request_types); i++)
    if (g_strcmp0 (json_node_get_string (node), request_types[i].name) == 0)
      {
        *type = request_types[i].type;
        return TRUE;
      }

  return FALSE;
}

static char *
js_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (ABS (value) < 1e15 && value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  /* The shortest text that reads back as the same double, as JavaScript does. */
  return g_strdup (asc_json_format_double (value, buffer));
}

/**
 * asc_demo_js_string:
 * @node: (nullable): a JSON value
 *
 * Turns a value into text the way JavaScript's String() does, since a
 * Zocket server keys instances by `${actor}:${actorId}`.
 *
 * Returns: (transfer full): the text; `undefined` for %NULL
 */
char *
asc_demo_js_string (JsonNode *node)
{
  GType type;

  if (node == NULL)
    return g_strdup ("undefined");
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (JSON_NODE_HOLDS_OBJECT (node) ? "[object Object]" : "");

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return js_number (json_node_get_double (node));
}

static JsonNode *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL ? json_node_ref (node) : NULL;
}

/**
 * asc_demo_request_parse:
 * @text: a frame's text
 * @length: its length in bytes
 *
 * Decodes a client frame. Anything a Zocket server ignores in silence (not
 * JSON, not an object, no string `type`, an unknown `type`, or too deep to
 * parse safely) gives %NULL.
 *
 * Returns: (transfer full) (nullable): the request
 */
AscDemoRequest *
asc_demo_request_parse (const char *text,
                        gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  AscDemoRequest *request;
  AscDemoRequestType type;
  JsonObject *object;

  if (!asc_zocket_check_depth (text, length, ASC_ZOCKET_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, text, length, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (!lookup_type (object, &type))
    return NULL;

  request = g_new0 (AscDemoRequest, 1);
  request->type = type;
  request->root = json_node_ref (json_parser_get_root (parser));
  request->id = dup_member (object, "id");
  request->actor = asc_demo_js_string (json_object_get_member (object, "actor"));
  request->actor_id = dup_member (object, "actorId");
  request->method = asc_demo_js_string (json_object_get_member (object, "method"));
  request->input = dup_member (object, "input");

  return request;
}

void
asc_demo_request_free (AscDemoRequest *request)
{
  if (request == NULL)
    return;

  g_clear_pointer (&request->root, json_node_unref);
  g_clear_pointer (&request->id, json_node_unref);
  g_clear_pointer (&request->actor_id, json_node_unref);
  g_clear_pointer (&request->input, json_node_unref);
  g_free (request->actor);
  g_free (request->method);
  g_free (request);
}

static JsonObject *
frame_new (const char *type)
{
  JsonObject *frame = json_object_new ();

  json_object_set_string_member (frame, "type", type);
  return frame;
}

static char *
frame_finish (JsonObject *frame)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), frame);

  json_object_unref (frame);
  return json_to_string (node, FALSE);
}

/* A missing actorId is left out of the frame, as Zocket does. */
static JsonObject *
instance_frame_new (const char *type,
                    const char *actor,
                    JsonNode   *actor_id)
{
  JsonObject *frame = frame_new (type);

  json_object_set_string_member (frame, "actor", actor);
  if (actor_id != NULL)
    json_object_set_member (frame, "actorId", json_node_copy (actor_id));
  return frame;
}

char *
asc_demo_encode_welcome (const char *client_id)
{
  JsonObject *frame = frame_new ("welcome");

  json_object_set_string_member (frame, "clientId", client_id);
  return frame_finish (frame);
}

/* The id comes back with its JSON type intact; no id, no `id` member. */
static JsonObject *
result_frame_new (JsonNode *id)
{
  JsonObject *frame = frame_new ("rpc:result");

  if (id != NULL)
    json_object_set_member (frame, "id", json_node_copy (id));
  return frame;
}

/**
 * asc_demo_encode_result:
 * @id: (nullable): the call id as sent
 * @result: (nullable): what the method returned; %NULL leaves `result` out
 *
 * Returns: (transfer full): a successful `rpc:result`
 */
char *
asc_demo_encode_result (JsonNode *id,
                        JsonNode *result)
{
  JsonObject *frame = result_frame_new (id);

  if (result != NULL)
    json_object_set_member (frame, "result", json_node_copy (result));
  return frame_finish (frame);
}

char *
asc_demo_encode_error (JsonNode   *id,
                       const char *message)
{
  JsonObject *frame = result_frame_new (id);

  json_object_set_string_member (frame, "error", message);
  return frame_finish (frame);
}

char *
asc_demo_encode_event (const char *actor,
                       JsonNode   *actor_id,
                       const char *event,
                       JsonNode   *payload)
{
  JsonObject *frame = instance_frame_new ("event", actor, actor_id);

  json_object_set_string_member (frame, "event", event);
  json_object_set_member (frame, "payload", json_node_copy (payload));
  return frame_finish (frame);
}

char *
asc_demo_encode_snapshot (const char *actor,
                          JsonNode   *actor_id,
                          JsonNode   *state)
{
  JsonObject *frame = instance_frame_new ("state:snapshot", actor, actor_id);

  json_object_set_member (frame, "state", json_node_copy (state));
  return frame_finish (frame);
}

char *
asc_demo_encode_patch (const char *actor,
                       JsonNode   *actor_id,
                       JsonNode   *patches)
{
  JsonObject *frame = instance_frame_new ("state:patch", actor, actor_id);

  json_object_set_member (frame, "patches", json_node_copy (patches));
  return frame_finish (frame);
}
