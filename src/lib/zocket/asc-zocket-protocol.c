/* asc-zocket-protocol.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-zocket"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-error.h"
#include "asc-json-check.h"
#include "asc-json-pointer.h"
#include "asc-json-text.h"
#include "asc-zocket-protocol.h"

static const struct {
  const char           *name;
  AscZocketMessageType  type;
} message_types[] = {
  { "welcome", ASC_ZOCKET_MESSAGE_WELCOME },
  { "rpc:result", ASC_ZOCKET_MESSAGE_RPC_RESULT },
  { "event", ASC_ZOCKET_MESSAGE_EVENT },
  { "state:snapshot", ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT },
  { "state:patch", ASC_ZOCKET_MESSAGE_STATE_PATCH },
};

static const char *subscription_names[] = {
  [ASC_ZOCKET_EVENT_SUB] = "event:sub",
  [ASC_ZOCKET_EVENT_UNSUB] = "event:unsub",
  [ASC_ZOCKET_STATE_SUB] = "state:sub",
  [ASC_ZOCKET_STATE_UNSUB] = "state:unsub",
};

void
asc_zocket_message_free (AscZocketMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->type_name);
  g_free (message->client_id);
  g_free (message->id);
  g_free (message->error);
  g_clear_pointer (&message->result, json_node_unref);
  g_free (message->actor);
  g_free (message->actor_id);
  g_free (message->event);
  g_clear_pointer (&message->payload, json_node_unref);
  g_clear_pointer (&message->state, json_node_unref);
  g_clear_pointer (&message->patches, json_node_unref);
  g_free (message);
}

/**
 * asc_zocket_check_depth:
 * @text: JSON text
 * @length: its length in bytes
 * @max_depth: the deepest nesting allowed
 *
 * Scans @text for nesting deeper than @max_depth, outside strings, without
 * parsing it: the parser and every tree walk recurse, so a hostile frame of
 * millions of brackets must be refused before it reaches them.
 *
 * Returns: %TRUE when @text nests no deeper than @max_depth
 */
gboolean
asc_zocket_check_depth (const char *text,
                        gsize       length,
                        guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Ids and actor ids are compared as JavaScript's String() would print them. */
static char *
js_string (JsonNode *node)
{
  if (node == NULL)
    return g_strdup ("undefined");

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return g_strdup (json_node_get_string (node));
        case G_TYPE_INT64:
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        case G_TYPE_BOOLEAN:
          return g_strdup (json_node_get_boolean (node) ? "true" : "false");
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            double value = json_node_get_double (node);

            /* The range test comes first: casting a double out of gint64's
             * range is undefined. */
            if (ABS (value) < 1e15 && value == (double) (gint64) value)
              return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
            return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
          }
        default:
          break;
        }
    }

  return asc_json_to_text (node);
}

static JsonNode *
dup_member_or_null (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
protocol_error (GError     **error,
                const char  *type_name,
                const char  *what)
{
  g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
               _("The server sent a “%s” frame %s"), type_name, what);
  return FALSE;
}

static gboolean
decode_instance (AscZocketMessage  *message,
                 JsonObject        *object,
                 GError           **error)
{
  const char *actor = get_string_member (object, "actor");

  if (actor == NULL)
    return protocol_error (error, message->type_name, _("without an actor type"));

  message->actor = g_strdup (actor);
  message->actor_id = js_string (json_object_get_member (object, "actorId"));
  return TRUE;
}

static gboolean
decode_fields (AscZocketMessage  *message,
               JsonObject        *object,
               GError           **error)
{
  switch (message->type)
    {
    case ASC_ZOCKET_MESSAGE_WELCOME:
      message->client_id = js_string (json_object_get_member (object, "clientId"));
      return TRUE;

    case ASC_ZOCKET_MESSAGE_RPC_RESULT:
      if (json_object_has_member (object, "id"))
        message->id = js_string (json_object_get_member (object, "id"));
      /* Success is "no error key", not "has a result key"; "" is an error. */
      message->has_error = json_object_has_member (object, "error");
      if (message->has_error)
        message->error = js_string (json_object_get_member (object, "error"));
      else
        message->result = dup_member_or_null (object, "result");
      return TRUE;

    case ASC_ZOCKET_MESSAGE_EVENT:
      if (get_string_member (object, "event") == NULL)
        return protocol_error (error, message->type_name, _("without an event name"));
      message->event = g_strdup (get_string_member (object, "event"));
      message->payload = dup_member_or_null (object, "payload");
      return decode_instance (message, object, error);

    case ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT:
      if (!json_object_has_member (object, "state"))
        return protocol_error (error, message->type_name, _("without a state"));
      message->state = dup_member_or_null (object, "state");
      return decode_instance (message, object, error);

    case ASC_ZOCKET_MESSAGE_STATE_PATCH:
      if (json_object_get_member (object, "patches") == NULL ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "patches")))
        return protocol_error (error, message->type_name, _("without an array of patches"));
      message->patches = dup_member_or_null (object, "patches");
      return decode_instance (message, object, error);

    case ASC_ZOCKET_MESSAGE_UNKNOWN:
    default:
      return TRUE;
    }
}

static AscZocketMessageType
lookup_type (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (message_types); i++)
    if (g_str_equal (message_types[i].name, name))
      return message_types[i].type;

  return ASC_ZOCKET_MESSAGE_UNKNOWN;
}

/**
 * asc_zocket_message_parse:
 * @text: one text frame
 * @length: its length, or -1 when NUL-terminated
 *
 * Decodes a server frame. A frame of an unknown type decodes to
 * %ASC_ZOCKET_MESSAGE_UNKNOWN, for forward compatibility: only frames that
 * are not JSON objects with a string `type`, that nest too deep, or that
 * lack what their type needs are errors.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 *   set (%ASC_ERROR_PROTOCOL)
 */
AscZocketMessage *
asc_zocket_message_parse (const char  *text,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *widened = NULL;
  gsize widened_length = 0;
  JsonObject *object;
  const char *type_name;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  widened = asc_json_widen_integers (text, length, &widened_length);
  if (widened != NULL)
    {
      text = widened;
      length = widened_length;
    }

  if (!asc_zocket_check_depth (text, length, ASC_ZOCKET_MAX_DEPTH))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                   _("The server sent a frame nested more than %d levels deep"),
                   ASC_ZOCKET_MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &parse_error))
    {
      /* json-glib quotes the strings it decoded, UTF-8 or not. */
      g_autofree char *reason = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                   _("The server sent a frame that is not JSON: %s"), reason);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The server sent a frame that is not a JSON object"));
      return NULL;
    }

  if (!_asc_json_holds_only_json (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The server sent a frame with a string that is not UTF-8 "
                             "or a number out of range"));
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  type_name = get_string_member (object, "type");
  if (type_name == NULL)
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The server sent a frame without a “type”"));
      return NULL;
    }

  message = g_new0 (AscZocketMessage, 1);
  message->type = lookup_type (type_name);
  message->type_name = g_strdup (type_name);
  if (!decode_fields (message, object, error))
    return NULL;

  return g_steal_pointer (&message);
}

/* The frame's top level with every nested object or array written as
 * null: small and shallow, whatever the frame holds. */
static char *
shallow_copy (const char *text,
              gsize       length)
{
  g_autoptr(GString) shallow = g_string_sized_new (256);
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      gboolean copy = depth <= 1;

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (copy)
                g_string_append_c (shallow, c);
              c = text[++i];
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth == 2)
            g_string_append (shallow, "null");
          copy = depth <= 1;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;

      if (copy)
        g_string_append_c (shallow, c);
    }

  return g_strdup (shallow->str);
}

/**
 * asc_zocket_message_parse_envelope:
 * @text: a frame asc_zocket_message_parse() refused
 * @length: its length in bytes
 *
 * Reads only what routes a frame: its type, the call id of an
 * `rpc:result`, the actor of an instance frame. This lets a client fail
 * the call or resynchronise the mirror that an unreadable frame (nested
 * too deep, a patch that is not an array) was meant for, instead of
 * waiting for an answer that was dropped.
 *
 * Returns: (transfer full) (nullable): the message, with only @type,
 *   @type_name, @id, @actor and @actor_id set, or %NULL when even those
 *   cannot be read
 */
AscZocketMessage *
asc_zocket_message_parse_envelope (const char *text,
                                   gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AscZocketMessage) message = NULL;
  g_autofree char *shallow = NULL;
  JsonObject *object;
  const char *type_name;

  g_return_val_if_fail (text != NULL, NULL);

  shallow = shallow_copy (text, length);
  if (!json_parser_load_from_data (parser, shallow, -1, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !_asc_json_holds_only_json (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  type_name = get_string_member (object, "type");
  if (type_name == NULL)
    return NULL;

  message = g_new0 (AscZocketMessage, 1);
  message->type = lookup_type (type_name);
  message->type_name = g_strdup (type_name);
  if (message->type == ASC_ZOCKET_MESSAGE_RPC_RESULT && json_object_has_member (object, "id"))
    message->id = js_string (json_object_get_member (object, "id"));
  if (get_string_member (object, "actor") != NULL)
    {
      message->actor = g_strdup (get_string_member (object, "actor"));
      message->actor_id = js_string (json_object_get_member (object, "actorId"));
    }

  return g_steal_pointer (&message);
}

static char *
encode_object (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return asc_json_to_text (root);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * asc_zocket_encode_rpc:
 * @id: the call id
 * @input: (nullable): the input; left out of the frame when %NULL
 *
 * Returns: (transfer full): the `rpc` frame as compact JSON text
 */
char *
asc_zocket_encode_rpc (const char *id,
                       const char *actor,
                       const char *actor_id,
                       const char *method,
                       JsonNode   *input)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (id != NULL && actor != NULL && actor_id != NULL && method != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "type", "rpc");
  add_string_member (builder, "id", id);
  add_string_member (builder, "actor", actor);
  add_string_member (builder, "actorId", actor_id);
  add_string_member (builder, "method", method);
  if (input != NULL)
    {
      json_builder_set_member_name (builder, "input");
      json_builder_add_value (builder, json_node_copy (input));
    }

  return encode_object (builder);
}

/**
 * asc_zocket_encode_subscription:
 *
 * Returns: (transfer full): the subscription frame as compact JSON text
 */
char *
asc_zocket_encode_subscription (AscZocketSubscription  which,
                                const char            *actor,
                                const char            *actor_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (which <= ASC_ZOCKET_STATE_UNSUB, NULL);
  g_return_val_if_fail (actor != NULL && actor_id != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "type", subscription_names[which]);
  add_string_member (builder, "actor", actor);
  add_string_member (builder, "actorId", actor_id);

  return encode_object (builder);
}

static void
append_base36 (GString *string,
               guint64  value)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[value % 36];
      value /= 36;
    }
  while (value > 0);

  while (n > 0)
    g_string_append_c (string, digits[--n]);
}

/**
 * asc_zocket_make_call_id:
 * @counter: a number that grows with every call of the process
 * @unix_ms: the current time in milliseconds since the epoch
 *
 * Returns: (transfer full): an id of the form `rpc_<counter>_<base36 ms>`,
 *   the form Zocket's own client uses
 */
char *
asc_zocket_make_call_id (guint64 counter,
                         gint64  unix_ms)
{
  GString *id = g_string_new ("rpc_");

  g_string_append_printf (id, "%" G_GUINT64_FORMAT "_", counter);
  append_base36 (id, (guint64) MAX (unix_ms, 0));

  return g_string_free (id, FALSE);
}

static char *
issue_path (JsonNode *path)
{
  g_autoptr(GString) pointer = g_string_new ("");

  if (path == NULL || !JSON_NODE_HOLDS_ARRAY (path))
    return g_strdup ("");

  for (guint i = 0; i < json_array_get_length (json_node_get_array (path)); i++)
    {
      JsonNode *segment = json_array_get_element (json_node_get_array (path), i);
      g_autofree char *key = NULL;
      g_autofree char *escaped = NULL;

      /* Standard Schema allows a segment to be an object with the key
       * (Valibot sends {"type", "origin", "input", "key", "value"}). */
      if (JSON_NODE_HOLDS_OBJECT (segment) &&
          json_object_has_member (json_node_get_object (segment), "key"))
        segment = json_object_get_member (json_node_get_object (segment), "key");
      key = js_string (segment);
      escaped = asc_json_pointer_escape (key);

      g_string_append_printf (pointer, "/%s", escaped);
    }

  return g_strdup (pointer->str);
}

/* Turns the issue objects of a Standard Schema library into
 * [{"path": "/json/pointer", "message": "…"}], or NULL when they are not
 * an array of objects with messages. */
static JsonNode *
parse_issues (const char *json_text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonArray *issues;

  if (!asc_zocket_check_depth (json_text, strlen (json_text), ASC_ZOCKET_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, json_text, -1, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;

  issues = json_node_get_array (json_parser_get_root (parser));
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonNode *issue = json_array_get_element (issues, i);
      g_autofree char *path = NULL;
      const char *message;

      if (!JSON_NODE_HOLDS_OBJECT (issue))
        return NULL;
      message = get_string_member (json_node_get_object (issue), "message");
      if (message == NULL)
        return NULL;
      path = issue_path (json_object_get_member (json_node_get_object (issue), "path"));

      json_builder_begin_object (builder);
      add_string_member (builder, "path", path);
      add_string_member (builder, "message", message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static char *
describe_issues (JsonNode *issues)
{
  JsonArray *array = json_node_get_array (issues);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *issue = json_array_get_object_element (array, i);
      const char *path = json_object_get_string_member (issue, "path");

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", path[0] != '\0' ? path : "/",
                              json_object_get_string_member (issue, "message"));
    }

  return g_strdup (text->str);
}

static GError *
validation_error (const char *method,
                  const char *text,
                  const char *issues_text)
{
  g_autoptr(JsonNode) issues = parse_issues (issues_text);
  g_autofree char *summary = NULL;

  if (issues == NULL)
    return g_error_new_literal (ASC_ERROR, ASC_ERROR_VALIDATION, text);

  summary = describe_issues (issues);
  return asc_error_new_with_details (ASC_ERROR_VALIDATION, issues,
                                     _("Invalid input for “%s”: %s"), method, summary);
}

static gboolean
is_forbidden (const char *text)
{
  return g_ascii_strcasecmp (text, "Forbidden") == 0 ||
         g_ascii_strcasecmp (text, "Unauthorized") == 0 ||
         g_ascii_strncasecmp (text, "Forbidden:", 10) == 0 ||
         g_ascii_strncasecmp (text, "Unauthorized:", 13) == 0;
}

/**
 * asc_zocket_error_from_text:
 * @method: the method that was called
 * @text: the `error` of its `rpc:result`
 *
 * Maps a Zocket error string to an %ASC_ERROR: `Unknown method:` and
 * `Unknown actor:` to %ASC_ERROR_UNKNOWN_ACTION, `Validation failed for
 * <method>: [...]` to %ASC_ERROR_VALIDATION with the parsed issues as
 * details (`[{"path", "message"}]`), `Forbidden`/`Unauthorized` to
 * %ASC_ERROR_FORBIDDEN, anything else to %ASC_ERROR_REMOTE, verbatim.
 *
 * Returns: (transfer full): the error
 */
GError *
asc_zocket_error_from_text (const char *method,
                            const char *text)
{
  g_autofree char *validation_prefix = NULL;

  g_return_val_if_fail (method != NULL && text != NULL, NULL);

  if (g_str_has_prefix (text, "Unknown method: ") || g_str_has_prefix (text, "Unknown actor: "))
    return g_error_new_literal (ASC_ERROR, ASC_ERROR_UNKNOWN_ACTION, text);

  validation_prefix = g_strdup_printf ("Validation failed for %s: ", method);
  if (g_str_has_prefix (text, validation_prefix))
    return validation_error (method, text, text + strlen (validation_prefix));

  if (is_forbidden (text))
    return g_error_new_literal (ASC_ERROR, ASC_ERROR_FORBIDDEN, text);

  if (text[0] == '\0')
    return g_error_new_literal (ASC_ERROR, ASC_ERROR_REMOTE,
                                _("The server reported an error without a message"));

  return g_error_new_literal (ASC_ERROR, ASC_ERROR_REMOTE, text);
}
