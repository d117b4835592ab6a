/* fuzz-zocket.c: fuzz target for the Zocket frame decoder
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is one text frame from a server, UTF-8 as WebSocket text
 * frames are. Decoding either fails with a
 * protocol error and a message, or gives a message whose fields fit its
 * type: every value prints as JSON that parses back, and the frame built
 * again from the message decodes to the very same message. The error text
 * of an `rpc:result` is also mapped to an error as a call would, and the
 * client frames for the message's instance must be well formed.
 */

#include "config.h"

#include "asc-zocket-protocol.h"
#include "fuzz-check.h"

#include <string.h>

static const char *method = "increment";

static void
check_string (const char *text)
{
  if (text == NULL)
    return;
  CHECK (g_utf8_validate (text, -1, NULL));
}

/* Fields the type does not use stay unset. */
static void
check_fields (AscZocketMessage *message)
{
  AscZocketMessageType type = message->type;
  gboolean instance = type == ASC_ZOCKET_MESSAGE_EVENT ||
                      type == ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT ||
                      type == ASC_ZOCKET_MESSAGE_STATE_PATCH;

  CHECK (message->type_name != NULL);
  CHECK ((message->client_id != NULL) == (type == ASC_ZOCKET_MESSAGE_WELCOME));
  CHECK (type == ASC_ZOCKET_MESSAGE_RPC_RESULT || message->id == NULL);
  CHECK (type == ASC_ZOCKET_MESSAGE_RPC_RESULT || !message->has_error);
  CHECK ((message->error != NULL) == message->has_error);
  CHECK ((message->result != NULL) ==
         (type == ASC_ZOCKET_MESSAGE_RPC_RESULT && !message->has_error));
  CHECK ((message->actor != NULL) == instance);
  CHECK ((message->actor_id != NULL) == instance);
  CHECK ((message->event != NULL) == (type == ASC_ZOCKET_MESSAGE_EVENT));
  CHECK ((message->payload != NULL) == (type == ASC_ZOCKET_MESSAGE_EVENT));
  CHECK ((message->state != NULL) == (type == ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT));
  CHECK ((message->patches != NULL) == (type == ASC_ZOCKET_MESSAGE_STATE_PATCH));
  CHECK (message->patches == NULL || JSON_NODE_HOLDS_ARRAY (message->patches));

  check_string (message->type_name);
  check_string (message->client_id);
  check_string (message->id);
  check_string (message->error);
  check_string (message->actor);
  check_string (message->actor_id);
  check_string (message->event);
  fuzz_check_json_reparses (message->result);
  fuzz_check_json_reparses (message->payload);
  fuzz_check_json_reparses (message->state);
  fuzz_check_json_reparses (message->patches);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_node (JsonBuilder *builder,
          const char  *name,
          JsonNode    *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, json_node_copy (value));
}

/* The frame a server would send for @message, with every id as a string. */
static char *
rebuild_frame (AscZocketMessage *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "type", message->type_name);
  add_string (builder, "clientId", message->client_id);
  add_string (builder, "id", message->id);
  add_string (builder, "error", message->error);
  add_node (builder, "result", message->result);
  add_string (builder, "actor", message->actor);
  add_string (builder, "actorId", message->actor_id);
  add_string (builder, "event", message->event);
  add_node (builder, "payload", message->payload);
  add_node (builder, "state", message->state);
  add_node (builder, "patches", message->patches);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static gboolean
json_equal_or_null (JsonNode *a,
                    JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return asc_json_equal (a, b);
}

static void
check_same (AscZocketMessage *a,
            AscZocketMessage *b)
{
  CHECK (a->type == b->type);
  CHECK (g_strcmp0 (a->type_name, b->type_name) == 0);
  CHECK (g_strcmp0 (a->client_id, b->client_id) == 0);
  CHECK (g_strcmp0 (a->id, b->id) == 0);
  CHECK (a->has_error == b->has_error);
  CHECK (g_strcmp0 (a->error, b->error) == 0);
  CHECK (g_strcmp0 (a->actor, b->actor) == 0);
  CHECK (g_strcmp0 (a->actor_id, b->actor_id) == 0);
  CHECK (g_strcmp0 (a->event, b->event) == 0);
  CHECK (json_equal_or_null (a->result, b->result));
  CHECK (json_equal_or_null (a->payload, b->payload));
  CHECK (json_equal_or_null (a->state, b->state));
  CHECK (json_equal_or_null (a->patches, b->patches));
}

static void
check_rebuilds (AscZocketMessage *message)
{
  g_autofree char *frame = rebuild_frame (message);
  g_autoptr(AscZocketMessage) again = NULL;
  g_autoptr(GError) error = NULL;

  again = asc_zocket_message_parse (frame, -1, &error);
  CHECK (again != NULL && error == NULL);
  check_same (message, again);
}

static void
check_details (GError *error)
{
  JsonNode *details = asc_error_get_details (error);
  JsonArray *issues;

  if (details == NULL)
    return;
  CHECK (error->code == ASC_ERROR_VALIDATION);
  CHECK (JSON_NODE_HOLDS_ARRAY (details));
  issues = json_node_get_array (details);
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonNode *issue = json_array_get_element (issues, i);
      JsonObject *object;

      CHECK (JSON_NODE_HOLDS_OBJECT (issue));
      object = json_node_get_object (issue);
      CHECK (json_object_get_string_member_with_default (object, "path", NULL) != NULL);
      CHECK (json_object_get_string_member_with_default (object, "message", NULL) != NULL);
    }
}

/* What a call makes of the server's error text. */
static void
check_call_error (AscZocketMessage *message)
{
  g_autoptr(GError) error = NULL;

  if (!message->has_error)
    return;

  error = asc_zocket_error_from_text (method, message->error);
  fuzz_check_error (error, 0);
  CHECK (error->code == ASC_ERROR_UNKNOWN_ACTION || error->code == ASC_ERROR_VALIDATION ||
         error->code == ASC_ERROR_FORBIDDEN || error->code == ASC_ERROR_REMOTE);
  check_details (error);
}

static void
check_client_frame (char       *text,
                    const char *type)
{
  g_autofree char *owned = text;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  CHECK (owned != NULL);
  CHECK (json_parser_load_from_data (parser, owned, -1, NULL));
  CHECK (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  CHECK (g_strcmp0 (json_object_get_string_member_with_default (object, "type", NULL),
                    type) == 0);
}

/* The frames a client sends back to the instance the message names. */
static void
check_client_frames (AscZocketMessage *message)
{
  if (message->actor == NULL)
    return;

  check_client_frame (asc_zocket_encode_subscription (ASC_ZOCKET_STATE_SUB, message->actor,
                                                      message->actor_id),
                      "state:sub");
  check_client_frame (asc_zocket_encode_rpc ("rpc_1_0", message->actor, message->actor_id,
                                             message->event != NULL ? message->event : method,
                                             message->payload),
                      "rpc");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_make_warnings_fatal ();

  /* WebSocket text frames are UTF-8: libsoup closes a connection that
   * sends anything else before a frame reaches the decoder. */
  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    return 0;

  message = asc_zocket_message_parse ((const char *) data, size, &error);
  if (message == NULL)
    {
      fuzz_check_error (error, 0);
      CHECK (error->domain == ASC_ERROR && error->code == ASC_ERROR_PROTOCOL);
      return 0;
    }

  CHECK (error == NULL);
  CHECK (asc_zocket_check_depth ((const char *) data, size, ASC_ZOCKET_MAX_DEPTH));
  check_fields (message);
  check_rebuilds (message);
  check_call_error (message);
  check_client_frames (message);

  return 0;
}
