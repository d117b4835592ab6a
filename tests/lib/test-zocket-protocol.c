/* test-zocket-protocol.c: the Zocket codec, table-driven from captured frames
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

static const char *type_names[] = {
  [ASC_ZOCKET_MESSAGE_UNKNOWN] = "unknown",
  [ASC_ZOCKET_MESSAGE_WELCOME] = "welcome",
  [ASC_ZOCKET_MESSAGE_RPC_RESULT] = "rpc:result",
  [ASC_ZOCKET_MESSAGE_EVENT] = "event",
  [ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT] = "state:snapshot",
  [ASC_ZOCKET_MESSAGE_STATE_PATCH] = "state:patch",
};

static void
assert_string_field (JsonObject *expect,
                     const char *name,
                     const char *actual)
{
  JsonNode *node = json_object_get_member (expect, name);

  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_NULL (node))
    g_assert_null (actual);
  else
    g_assert_cmpstr (actual, ==, json_node_get_string (node));
}

static void
assert_json_field (JsonObject *expect,
                   const char *name,
                   JsonNode   *actual)
{
  JsonNode *node = json_object_get_member (expect, name);

  if (node == NULL)
    return;
  g_assert_nonnull (actual);
  g_assert_true (json_node_equal (actual, node));
}

static void
test_frame (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  const char *frame = json_object_get_string_member (test_case, "frame");
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *expect;

  message = asc_zocket_message_parse (frame, -1, &error);

  if (json_object_has_member (test_case, "error"))
    {
      g_assert_null (message);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_true (g_str_has_prefix (error->message, "The server sent a frame") ||
                     g_str_has_prefix (error->message, "The server sent a “"));
      return;
    }

  g_assert_no_error (error);
  expect = json_object_get_object_member (test_case, "expect");
  g_assert_cmpstr (type_names[message->type], ==, json_object_get_string_member (expect, "type"));
  assert_string_field (expect, "type_name", message->type_name);
  assert_string_field (expect, "client_id", message->client_id);
  assert_string_field (expect, "id", message->id);
  assert_string_field (expect, "error", message->error);
  assert_string_field (expect, "actor", message->actor);
  assert_string_field (expect, "actor_id", message->actor_id);
  assert_string_field (expect, "event", message->event);
  if (json_object_has_member (expect, "has_error"))
    g_assert_cmpint (message->has_error, ==, json_object_get_boolean_member (expect, "has_error"));
  assert_json_field (expect, "result", message->result);
  assert_json_field (expect, "payload", message->payload);
  assert_json_field (expect, "state", message->state);
  assert_json_field (expect, "patches", message->patches);
}

static void
test_rejects_deep_nesting (void)
{
  g_autoptr(GString) frame = g_string_new ("{\"type\":\"event\",\"actor\":\"a\",\"actorId\":\"1\",\"event\":\"e\",\"payload\":");
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (frame, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (frame, ']');
  g_string_append_c (frame, '}');

  message = asc_zocket_message_parse (frame->str, frame->len, &error);
  g_assert_null (message);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "nested more than 1000 levels"));
}

static void
test_depth_ignores_brackets_in_strings (void)
{
  const char *text = "{\"a\":\"[[[[[[[[[[\\\"[[[[\",\"b\":[[1]]}";

  g_assert_true (asc_zocket_check_depth (text, strlen (text), 3));
  g_assert_false (asc_zocket_check_depth (text, strlen (text), 2));
}

static void
test_encode_rpc (void)
{
  g_autoptr(JsonNode) input = asc_test_json_parse ("{\"amount\":5}");
  g_autofree char *with_input = asc_zocket_encode_rpc ("rpc_1_x", "counter", "rc", "add", input);
  g_autofree char *without = asc_zocket_encode_rpc ("rpc_2_x", "counter", "a/b\"c", "increment", NULL);
  g_autoptr(JsonNode) parsed = asc_test_json_parse (without);

  g_assert_cmpstr (with_input, ==,
                   "{\"type\":\"rpc\",\"id\":\"rpc_1_x\",\"actor\":\"counter\",\"actorId\":\"rc\","
                   "\"method\":\"add\",\"input\":{\"amount\":5}}");
  g_assert_false (json_object_has_member (json_node_get_object (parsed), "input"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (parsed), "actorId"),
                   ==, "a/b\"c");
}

static void
test_encode_subscriptions (void)
{
  static const struct {
    AscZocketSubscription which;
    const char *type;
  } cases[] = {
    { ASC_ZOCKET_EVENT_SUB, "event:sub" },
    { ASC_ZOCKET_EVENT_UNSUB, "event:unsub" },
    { ASC_ZOCKET_STATE_SUB, "state:sub" },
    { ASC_ZOCKET_STATE_UNSUB, "state:unsub" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *frame = asc_zocket_encode_subscription (cases[i].which, "counter", "7");
      g_autofree char *expected = g_strdup_printf ("{\"type\":\"%s\",\"actor\":\"counter\","
                                                   "\"actorId\":\"7\"}", cases[i].type);

      g_assert_cmpstr (frame, ==, expected);
    }
}

static void
test_call_ids (void)
{
  g_autofree char *first = asc_zocket_make_call_id (1, 0);
  g_autofree char *typical = asc_zocket_make_call_id (12, 1764000000000);

  g_assert_cmpstr (first, ==, "rpc_1_0");
  /* 1764000000000 in base 36 */
  g_assert_cmpstr (typical, ==, "rpc_12_midc1z40");
}

static void
test_error_mapping (void)
{
  static const struct {
    const char *text;
    AscError code;
    const char *message;
  } cases[] = {
    { "Unknown method: doesNotExist", ASC_ERROR_UNKNOWN_ACTION, "Unknown method: doesNotExist" },
    { "Unknown actor: nosuchactor", ASC_ERROR_UNKNOWN_ACTION, "Unknown actor: nosuchactor" },
    { "Forbidden", ASC_ERROR_FORBIDDEN, "Forbidden" },
    { "Unauthorized", ASC_ERROR_FORBIDDEN, "Unauthorized" },
    { "boom", ASC_ERROR_REMOTE, "boom" },
    { "Unknown error", ASC_ERROR_REMOTE, "Unknown error" },
    { "", ASC_ERROR_REMOTE, "The server reported an error without a message" },
    { "Validation failed for add: not json", ASC_ERROR_VALIDATION,
      "Validation failed for add: not json" },
    { "Validation failed for other: []", ASC_ERROR_REMOTE, "Validation failed for other: []" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = asc_zocket_error_from_text ("add", cases[i].text);

      g_assert_error (error, ASC_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_validation_issues_are_parsed (void)
{
  const char *text = "Validation failed for add: [{\"expected\":\"number\",\"code\":\"invalid_type\","
                     "\"path\":[\"amount\"],\"message\":\"Invalid input: expected number, received string\"},"
                     "{\"code\":\"too_small\",\"path\":[\"moves\",0,\"a/b\"],\"message\":\"Too small\"}]";
  g_autoptr(GError) error = asc_zocket_error_from_text ("add", text);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==,
                   "Invalid input for “add”: /amount: Invalid input: expected number, "
                   "received string; /moves/0/a~1b: Too small");
  asc_test_assert_json_eq (asc_error_get_details (error),
                           "[{\"path\":\"/amount\",\"message\":\"Invalid input: expected number, received string\"},"
                           "{\"path\":\"/moves/0/a~1b\",\"message\":\"Too small\"}]");
}

static void
test_validation_issue_path_segments (void)
{
  /* Standard Schema path segments may be objects holding the key, as
   * Valibot sends them. */
  const char *text = "Validation failed for add: [{\"kind\":\"schema\",\"message\":\"Invalid type\","
                     "\"path\":[{\"type\":\"object\",\"origin\":\"value\",\"input\":{},"
                     "\"key\":\"amount\",\"value\":\"x\"},{\"type\":\"array\",\"key\":2}]}]";
  g_autoptr(GError) error = asc_zocket_error_from_text ("add", text);

  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  asc_test_assert_json_eq (asc_error_get_details (error),
                           "[{\"path\":\"/amount/2\",\"message\":\"Invalid type\"}]");
}

static void
test_encode_numbers_stay_json (void)
{
  static const struct {
    const char *input;
    const char *written;
  } cases[] = {
    /* json_to_string() writes this one as "1e+21.0", which is not JSON. */
    { "1e21", "1e+21" },
    { "1e-10", "1e-10" },
    { "0.1", "0.1" },
    { "5.0", "5.0" },
    { "-0.0", "-0.0" },
    { "1.5e300", "1.5e+300" },
    { "5e-324", "5e-324" },
    { "12345678901234567890", "1.2345678901234567e+19" },
    { "9223372036854775807", "9223372036854775807" },
    { "[\"a\\u0001\\n\\\"\\\\\",{\"k/~\":true,\"n\":null}]",
      "[\"a\\u0001\\n\\\"\\\\\",{\"k/~\":true,\"n\":null}]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *widened = NULL;
      g_autoptr(JsonNode) input = NULL;
      g_autoptr(JsonNode) parsed = NULL;
      g_autofree char *frame = NULL;
      g_autofree char *expected = NULL;
      gsize length = 0;

      widened = asc_json_widen_integers (cases[i].input, strlen (cases[i].input), &length);
      input = asc_test_json_parse (widened != NULL ? widened : cases[i].input);
      frame = asc_zocket_encode_rpc ("r", "a", "k", "m", input);
      expected = g_strdup_printf ("{\"type\":\"rpc\",\"id\":\"r\",\"actor\":\"a\",\"actorId\":\"k\","
                                  "\"method\":\"m\",\"input\":%s}", cases[i].written);
      g_assert_cmpstr (frame, ==, expected);

      /* Read back, it is the same value. */
      parsed = asc_test_json_parse (frame);
      g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (parsed), "input"),
                                      input));
    }
}

static void
test_decode_big_integers_as_doubles (void)
{
  /* JavaScript writes numbers below 1e21 without an exponent. */
  const char *frame = "{\"type\":\"rpc:result\",\"id\":\"r\",\"result\":"
                      "[12345678901234567890,-9223372036854775809,9223372036854775807,"
                      "-9223372036854775808,\"12345678901234567890\",1.5e19,-0]}";
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *result;

  message = asc_zocket_message_parse (frame, -1, &error);
  g_assert_no_error (error);
  result = json_node_get_array (message->result);
  g_assert_cmpfloat (json_array_get_double_element (result, 0), ==, 12345678901234567890.0);
  g_assert_cmpfloat (json_array_get_double_element (result, 1), ==, -9223372036854775809.0);
  g_assert_cmpint (json_array_get_int_element (result, 2), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (result, 3), ==, G_MININT64);
  g_assert_cmpstr (json_array_get_string_element (result, 4), ==, "12345678901234567890");
  g_assert_cmpfloat (json_array_get_double_element (result, 5), ==, 1.5e19);
  g_assert_cmpint (json_array_get_int_element (result, 6), ==, 0);
  g_assert_null (asc_json_widen_integers ("{\"a\":[1,-2,3.5e40,\"99999999999999999999\"]}", 40,
                                            &(gsize) { 0 }));
}

static void
test_envelope_of_refused_frame (void)
{
  g_autoptr(GString) frame = g_string_new ("{\"type\":\"state:patch\",\"actor\":\"a\\\"[{\","
                                           "\"patches\":[{\"path\":\"]]}\",\"value\":");
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(AscZocketMessage) envelope = NULL;
  g_autoptr(AscZocketMessage) answer = NULL;
  const char *deep_answer = "{\"id\":7,\"result\":[[[[\"]\"]]]],\"type\":\"rpc:result\"}";

  for (guint i = 0; i < 3000; i++)
    g_string_append_c (frame, '[');
  for (guint i = 0; i < 3000; i++)
    g_string_append_c (frame, ']');
  g_string_append (frame, "}],\"actorId\":12}");

  message = asc_zocket_message_parse (frame->str, frame->len, NULL);
  g_assert_null (message);
  envelope = asc_zocket_message_parse_envelope (frame->str, frame->len);
  g_assert_nonnull (envelope);
  g_assert_cmpint (envelope->type, ==, ASC_ZOCKET_MESSAGE_STATE_PATCH);
  g_assert_cmpstr (envelope->actor, ==, "a\"[{");
  g_assert_cmpstr (envelope->actor_id, ==, "12");
  g_assert_null (envelope->patches);

  answer = asc_zocket_message_parse_envelope (deep_answer, strlen (deep_answer));
  g_assert_cmpint (answer->type, ==, ASC_ZOCKET_MESSAGE_RPC_RESULT);
  g_assert_cmpstr (answer->id, ==, "7");

  g_assert_null (asc_zocket_message_parse_envelope ("[1]", 3));
  g_assert_null (asc_zocket_message_parse_envelope ("{\"type\":", 8));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) table = NULL;
  JsonArray *cases;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "zocket", "frames.json", NULL);
  table = asc_test_json_load (path);
  cases = json_object_get_array_member (json_node_get_object (table), "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      g_autofree char *test_path = NULL;
      g_autofree char *name = g_strdup (json_object_get_string_member (test_case, "name"));

      g_strdelimit (name, " ", '-');
      test_path = g_strdup_printf ("/asc/zocket-protocol/decode/%s", name);
      g_test_add_data_func (test_path, test_case, test_frame);
    }

  g_test_add_func ("/asc/zocket-protocol/decode/rejects-deep-nesting", test_rejects_deep_nesting);
  g_test_add_func ("/asc/zocket-protocol/depth/ignores-brackets-in-strings",
                   test_depth_ignores_brackets_in_strings);
  g_test_add_func ("/asc/zocket-protocol/encode/rpc", test_encode_rpc);
  g_test_add_func ("/asc/zocket-protocol/encode/subscriptions", test_encode_subscriptions);
  g_test_add_func ("/asc/zocket-protocol/call-ids", test_call_ids);
  g_test_add_func ("/asc/zocket-protocol/errors/map-to-codes", test_error_mapping);
  g_test_add_func ("/asc/zocket-protocol/errors/validation-issues-are-parsed",
                   test_validation_issues_are_parsed);
  g_test_add_func ("/asc/zocket-protocol/errors/validation-issue-path-segments",
                   test_validation_issue_path_segments);
  g_test_add_func ("/asc/zocket-protocol/decode/envelope-of-refused-frame",
                   test_envelope_of_refused_frame);
  g_test_add_func ("/asc/zocket-protocol/encode/numbers-stay-json", test_encode_numbers_stay_json);
  g_test_add_func ("/asc/zocket-protocol/decode/big-integers-as-doubles",
                   test_decode_big_integers_as_doubles);

  return g_test_run ();
}
