/* test-rivet-connection-protocol.c: the /connect client protocol, from captures
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-rivet.h"
#include "asc-test-util.h"

static const char *type_names[] = {
  [ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN] = "Unknown",
  [ASC_RIVET_CONNECTION_MESSAGE_INIT] = "Init",
  [ASC_RIVET_CONNECTION_MESSAGE_ERROR] = "Error",
  [ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE] = "ActionResponse",
  [ASC_RIVET_CONNECTION_MESSAGE_EVENT] = "Event",
};

static AscRivetConnectionMessage *
parse_case (JsonObject  *test_case,
            GError     **error)
{
  static const char *binary_kinds[] = { "cbor", "bare", "http_error_bare" };
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length = 0;
  guint kind;

  if (json_object_has_member (test_case, "json"))
    return asc_rivet_connection_message_parse (json_object_get_string_member (test_case, "json"),
                                               -1, error);

  for (kind = 0; !json_object_has_member (test_case, binary_kinds[kind]); kind++)
    g_assert_cmpuint (kind + 1, <, G_N_ELEMENTS (binary_kinds));

  bytes = asc_test_hex_parse (json_object_get_string_member (test_case, binary_kinds[kind]));
  /* An exact-size copy, so a read past the end shows up under ASan. */
  data = g_bytes_get_data (bytes, &length);

  switch (kind)
    {
    case 0:
      return asc_rivet_connection_message_parse_cbor (data, length, error);
    case 1:
      return asc_rivet_connection_message_parse_bare (data, length, error);
    default:
      return asc_rivet_http_error_parse_bare (data, length, error);
    }
}

static void
assert_json_field (JsonObject *expect,
                   const char *name,
                   JsonNode   *actual)
{
  JsonNode *expected = json_object_get_member (expect, name);

  if (expected == NULL)
    g_assert_null (actual);
  else
    asc_test_assert_json_same (actual, expected);
}

static void
assert_string_field (JsonObject *expect,
                     const char *name,
                     const char *actual)
{
  g_assert_cmpstr (actual, ==, json_object_get_string_member_with_default (expect, name, NULL));
}

static guint64
expected_id (JsonObject *expect,
             const char *name)
{
  JsonNode *node = json_object_get_member (expect, name);

  if (node == NULL)
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoull (json_node_get_string (node), NULL, 10);

  return json_node_get_int (node);
}

static void
test_frame (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *expect;
  const char *type;

  message = parse_case (test_case, &error);
  if (json_object_has_member (test_case, "error_prefix"))
    {
      g_assert_null (message);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_true (g_str_has_prefix (error->message,
                                       json_object_get_string_member (test_case, "error_prefix")));
      return;
    }
  if (json_object_has_member (test_case, "error"))
    {
      g_assert_null (message);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_cmpstr (error->message, ==, json_object_get_string_member (test_case, "error"));
      return;
    }

  g_assert_no_error (error);
  expect = json_object_get_object_member (test_case, "expect");
  type = json_object_get_string_member (expect, "type");
  g_assert_cmpstr (type_names[message->type], ==, type);
  g_assert_cmpstr (message->type_name, ==,
                   json_object_get_string_member_with_default (expect, "type_name", type));
  assert_string_field (expect, "actor_id", message->actor_id);
  assert_string_field (expect, "connection_id", message->connection_id);
  assert_string_field (expect, "group", message->group);
  assert_string_field (expect, "code", message->code);
  assert_string_field (expect, "message", message->message);
  assert_json_field (expect, "metadata", message->metadata);
  g_assert_cmpint (message->has_action_id, ==, json_object_has_member (expect, "action_id"));
  g_assert_cmpuint (message->action_id, ==, expected_id (expect, "action_id"));
  assert_json_field (expect, "actor", message->actor);
  g_assert_cmpuint (message->id, ==, expected_id (expect, "id"));
  assert_json_field (expect, "output", message->output);
  assert_string_field (expect, "name", message->name);
  assert_json_field (expect, "args", message->args);
}

/* Every proper prefix of a captured binary frame fails cleanly. */
static void
test_truncations (gconstpointer data)
{
  JsonArray *frames = (JsonArray *) data;

  for (guint i = 0; i < json_array_get_length (frames); i++)
    {
      JsonObject *test_case = json_array_get_object_element (frames, i);
      const char *hex = json_object_get_string_member_with_default (test_case, "bare", NULL);
      g_autoptr(GBytes) bytes = NULL;
      const guint8 *frame;
      gsize length = 0;
      gboolean http = FALSE;

      if (hex == NULL)
        {
          hex = json_object_get_string_member_with_default (test_case, "http_error_bare", NULL);
          http = TRUE;
        }
      if (hex == NULL || json_object_has_member (test_case, "error") ||
          !json_object_get_boolean_member_with_default (test_case, "captured", FALSE))
        continue;

      bytes = asc_test_hex_parse (hex);
      frame = g_bytes_get_data (bytes, &length);
      for (gsize cut = 0; cut < length; cut++)
        {
          g_autofree guint8 *prefix = g_memdup2 (frame, cut);
          g_autoptr(AscRivetConnectionMessage) message = NULL;
          g_autoptr(GError) error = NULL;

          if (http)
            message = asc_rivet_http_error_parse_bare (prefix, cut, &error);
          else
            message = asc_rivet_connection_message_parse_bare (prefix, cut, &error);

          /* An error may end right after its action id: the actor is optional. */
          if (message != NULL)
            {
              g_assert_cmpint (message->type, ==, ASC_RIVET_CONNECTION_MESSAGE_ERROR);
              g_assert_null (message->actor);
              continue;
            }
          g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
        }
    }
}

static void
test_rejects_deep_nesting (void)
{
  g_autoptr(GString) frame = g_string_new ("{\"body\":{\"tag\":\"Event\","
                                           "\"val\":{\"name\":\"e\",\"args\":");
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (frame, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (frame, ']');
  g_string_append (frame, "}}}");

  message = asc_rivet_connection_message_parse (frame->str, frame->len, &error);
  g_assert_null (message);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==, "The actor sent a frame nested more than 1000 levels deep");
}

static void
test_brackets_in_strings_do_not_count (void)
{
  g_autoptr(GString) frame = g_string_new ("{\"body\":{\"tag\":\"Event\",\"val\":{\"name\":\"");
  g_autoptr(AscRivetConnectionMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (frame, "[\\\"");
  g_string_append (frame, "\",\"args\":[]}}}");

  message = asc_rivet_connection_message_parse (frame->str, frame->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (message->name), ==, 4000);
}

static void
test_encode_json (void)
{
  g_autoptr(JsonNode) args = asc_test_json_parse ("[10]");
  g_autofree char *subscribe = NULL;
  g_autofree char *unsubscribe = NULL;
  g_autofree char *action = NULL;
  g_autofree char *no_args = NULL;

  subscribe = asc_rivet_connection_encode_subscription_request ("newCount", TRUE);
  unsubscribe = asc_rivet_connection_encode_subscription_request ("newCount", FALSE);
  action = asc_rivet_connection_encode_action_request (1, "increment", args);
  no_args = asc_rivet_connection_encode_action_request (G_MAXUINT64, "reset", NULL);

  /* The first is byte for byte what the official client sent. */
  g_assert_cmpstr (subscribe, ==,
                   "{\"body\":{\"tag\":\"SubscriptionRequest\",\"val\":{\"eventName\":\"newCount\","
                   "\"subscribe\":true}}}");
  g_assert_cmpstr (unsubscribe, ==,
                   "{\"body\":{\"tag\":\"SubscriptionRequest\",\"val\":{\"eventName\":\"newCount\","
                   "\"subscribe\":false}}}");
  g_assert_cmpstr (action, ==,
                   "{\"body\":{\"tag\":\"ActionRequest\",\"val\":{\"id\":[\"$BigInt\",\"1\"],"
                   "\"name\":\"increment\",\"args\":[10]}}}");
  g_assert_cmpstr (no_args, ==,
                   "{\"body\":{\"tag\":\"ActionRequest\",\"val\":{\"id\":[\"$BigInt\","
                   "\"18446744073709551615\"],\"name\":\"reset\",\"args\":[]}}}");
}

static void
assert_bytes_hex (GBytes     *actual,
                  const char *expected_hex)
{
  g_autoptr(GBytes) expected = asc_test_hex_parse (expected_hex);
  g_autofree char *actual_text = asc_test_hex_format (actual);
  g_autofree char *expected_text = asc_test_hex_format (expected);

  g_assert_cmpstr (actual_text, ==, expected_text);
}

static void
test_encode_bare (void)
{
  g_autoptr(JsonNode) args = asc_test_json_parse ("[3]");
  g_autoptr(JsonNode) bad = asc_test_json_parse ("[[\"$Uint8Array\",\"!\"]]");
  g_autoptr(GBytes) subscribe = NULL;
  g_autoptr(GBytes) action = NULL;
  g_autoptr(GBytes) no_args = NULL;
  g_autoptr(GBytes) failed = NULL;
  g_autoptr(GError) error = NULL;

  /* Both as captured from the official client. */
  subscribe = asc_rivet_connection_encode_subscription_request_bare ("newCount", TRUE);
  assert_bytes_hex (subscribe, "0400 01 08'newCount' 01");
  action = asc_rivet_connection_encode_action_request_bare (1, "increment", args, &error);
  g_assert_no_error (error);
  assert_bytes_hex (action, "0400 00 01 09'increment' 02 8103");
  no_args = asc_rivet_connection_encode_action_request_bare (300, "reset", NULL, &error);
  g_assert_no_error (error);
  assert_bytes_hex (no_args, "0400 00 ac02 05'reset' 01 80");

  failed = asc_rivet_connection_encode_action_request_bare (1, "x", bad, &error);
  g_assert_null (failed);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
}

static void
test_encoded_json_decodes_as_a_server_would (void)
{
  g_autoptr(JsonNode) args = asc_test_json_parse ("[[\"$BigInt\",\"5\"]]");
  g_autofree char *frame = asc_rivet_connection_encode_action_request (42, "add", args);
  g_autoptr(JsonNode) parsed = asc_test_json_parse (frame);
  JsonObject *val = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (parsed), "body"), "val");
  guint64 id = 0;

  g_assert_true (asc_rivet_parse_id (json_object_get_member (val, "id"), &id));
  g_assert_cmpuint (id, ==, 42);
  asc_test_assert_json_eq (json_object_get_member (val, "args"), "[[\"$BigInt\",\"5\"]]");
}

static void
test_close_reason (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  g_autoptr(AscRivetCloseReason) reason = NULL;

  reason = asc_rivet_close_reason_parse (json_object_get_string_member (test_case, "reason"));
  if (!json_object_has_member (test_case, "group"))
    {
      g_assert_null (reason);
      return;
    }

  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->group, ==, json_object_get_string_member (test_case, "group"));
  g_assert_cmpstr (reason->code, ==, json_object_get_string_member (test_case, "code"));
  g_assert_cmpstr (reason->ray_id, ==,
                   json_object_get_string_member_with_default (test_case, "ray_id", NULL));
}

static void
test_close_reason_null (void)
{
  g_assert_null (asc_rivet_close_reason_parse (NULL));
}

static void
add_table (JsonObject    *table,
           const char    *member,
           const char    *prefix,
           const char    *name_member,
           GTestDataFunc  func)
{
  JsonArray *cases = json_object_get_array_member (table, member);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      g_autofree char *name = g_strdup (json_object_get_string_member (test_case, name_member));
      g_autofree char *test_path = NULL;

      g_strdelimit (name, " /#.", '-');
      test_path = g_strdup_printf ("%s/%u-%s", prefix, i, name);
      g_test_add_data_func (test_path, test_case, func);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) table = NULL;
  JsonObject *root;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "rivet", "connection.json", NULL);
  table = asc_test_json_load (path);
  root = json_node_get_object (table);
  add_table (root, "frames", "/asc/rivet/connection-protocol/decode", "name", test_frame);
  add_table (root, "close_reasons", "/asc/rivet/connection-protocol/close-reason", "reason",
             test_close_reason);

  g_test_add_data_func ("/asc/rivet/connection-protocol/decode/truncated-captures-fail-cleanly",
                        json_object_get_array_member (root, "frames"), test_truncations);
  g_test_add_func ("/asc/rivet/connection-protocol/decode/rejects-deep-nesting",
                   test_rejects_deep_nesting);
  g_test_add_func ("/asc/rivet/connection-protocol/decode/brackets-in-strings-do-not-count",
                   test_brackets_in_strings_do_not_count);
  g_test_add_func ("/asc/rivet/connection-protocol/encode/json", test_encode_json);
  g_test_add_func ("/asc/rivet/connection-protocol/encode/bare", test_encode_bare);
  g_test_add_func ("/asc/rivet/connection-protocol/encode/ids-read-back",
                   test_encoded_json_decodes_as_a_server_would);
  g_test_add_func ("/asc/rivet/connection-protocol/close-reason/null", test_close_reason_null);

  return g_test_run ();
}
