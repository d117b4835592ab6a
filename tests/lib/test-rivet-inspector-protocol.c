/* test-rivet-inspector-protocol.c: the inspector v6 codec, from captured frames
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-rivet.h"
#include "asc-test-util.h"

static AscRivetInspectorMessage *
parse_bytes (GBytes  *bytes,
             GError **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return asc_rivet_inspector_message_parse (data, length, error);
}

static void
assert_json_field (JsonObject *expect,
                   const char *name,
                   JsonNode   *actual)
{
  JsonNode *expected = json_object_get_member (expect, name);

  if (expected == NULL || JSON_NODE_HOLDS_NULL (expected))
    {
      /* A JSON null expected means "decoded to JSON null", absent means NULL. */
      if (expected == NULL)
        g_assert_null (actual);
      else
        asc_test_assert_json_same (actual, expected);
      return;
    }

  asc_test_assert_json_same (actual, expected);
}

static void
assert_uint_field (JsonObject *expect,
                   const char *name,
                   guint64     actual)
{
  g_assert_cmpuint (actual, ==, json_object_get_int_member_with_default (expect, name, 0));
}

static void
assert_bool_field (JsonObject *expect,
                   const char *name,
                   gboolean    actual)
{
  g_assert_cmpint (actual, ==, json_object_get_boolean_member_with_default (expect, name, FALSE));
}

static void
assert_bytes_field (JsonObject *expect,
                    const char *name,
                    GBytes     *actual)
{
  g_autoptr(GBytes) expected = NULL;

  if (!json_object_has_member (expect, name))
    {
      g_assert_null (actual);
      return;
    }

  g_assert_nonnull (actual);
  expected = asc_test_hex_parse (json_object_get_string_member (expect, name));
  g_assert_true (g_bytes_equal (actual, expected));
}

static void
assert_rpcs (JsonObject *expect,
             GStrv       rpcs)
{
  JsonArray *expected;

  if (!json_object_has_member (expect, "rpcs"))
    {
      g_assert_null (rpcs);
      return;
    }

  expected = json_object_get_array_member (expect, "rpcs");
  g_assert_nonnull (rpcs);
  g_assert_cmpuint (g_strv_length (rpcs), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    g_assert_cmpstr (rpcs[i], ==, json_array_get_string_element (expected, i));
}

static void
test_frame (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  g_autoptr(GBytes) bytes = asc_test_hex_parse (json_object_get_string_member (test_case, "hex"));
  g_autoptr(AscRivetInspectorMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *expect;

  message = parse_bytes (bytes, &error);
  if (json_object_has_member (test_case, "error"))
    {
      g_assert_null (message);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_cmpstr (error->message, ==, json_object_get_string_member (test_case, "error"));
      return;
    }

  g_assert_no_error (error);
  expect = json_object_get_object_member (test_case, "expect");
  g_assert_cmpstr (message->type_name, ==, json_object_get_string_member (expect, "type"));
  g_assert_cmpuint (message->tag, ==, json_object_get_int_member (expect, "tag"));
  g_assert_cmpint (message->has_rid, ==, json_object_has_member (expect, "rid"));
  assert_uint_field (expect, "rid", message->rid);
  assert_json_field (expect, "state", message->state);
  assert_bool_field (expect, "is_state_enabled", message->is_state_enabled);
  assert_json_field (expect, "connections", message->connections);
  assert_json_field (expect, "output", message->output);
  assert_rpcs (expect, message->rpcs);
  assert_bool_field (expect, "is_database_enabled", message->is_database_enabled);
  assert_uint_field (expect, "queue_size", message->queue_size);
  assert_bytes_field (expect, "workflow_history", message->workflow_history);
  assert_bool_field (expect, "is_workflow_enabled", message->is_workflow_enabled);
  assert_json_field (expect, "tabs", message->tabs);
  assert_uint_field (expect, "n_schedules", message->n_schedules);
  assert_json_field (expect, "queue", message->queue);
  assert_json_field (expect, "data", message->data);
  g_assert_cmpstr (message->message, ==,
                   json_object_get_string_member_with_default (expect, "message", NULL));
  g_assert_cmpstr (message->code, ==,
                   json_object_get_string_member_with_default (expect, "code", NULL));
  assert_bytes_field (expect, "body", message->body);
}

/* Every proper prefix of a fully decoded frame is an error, never a crash. */
static void
test_truncations (gconstpointer data)
{
  JsonArray *frames = (JsonArray *) data;

  for (guint i = 0; i < json_array_get_length (frames); i++)
    {
      JsonObject *test_case = json_array_get_object_element (frames, i);
      g_autoptr(GBytes) bytes = NULL;
      const guint8 *frame;
      gsize length = 0;

      if (!json_object_get_boolean_member_with_default (test_case, "captured", FALSE))
        continue;

      bytes = asc_test_hex_parse (json_object_get_string_member (test_case, "hex"));
      frame = g_bytes_get_data (bytes, &length);
      for (gsize cut = 0; cut < length; cut++)
        {
          g_autofree guint8 *prefix = g_memdup2 (frame, cut);
          g_autoptr(GError) error = NULL;
          g_autoptr(AscRivetInspectorMessage) message = NULL;

          message = asc_rivet_inspector_message_parse (prefix, cut, &error);
          g_assert_null (message);
          g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
        }
    }
}

static AscRivetInspectorRequest
request_from_name (const char *name)
{
  static const struct {
    const char *name;
    AscRivetInspectorRequest request;
  } names[] = {
    { "state", ASC_RIVET_INSPECTOR_REQUEST_STATE },
    { "connections", ASC_RIVET_INSPECTOR_REQUEST_CONNECTIONS },
    { "rpcs-list", ASC_RIVET_INSPECTOR_REQUEST_RPCS_LIST },
    { "workflow-history", ASC_RIVET_INSPECTOR_REQUEST_WORKFLOW_HISTORY },
    { "database-schema", ASC_RIVET_INSPECTOR_REQUEST_DATABASE_SCHEMA },
    { "schedules", ASC_RIVET_INSPECTOR_REQUEST_SCHEDULES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].name, name))
      return names[i].request;

  g_assert_not_reached ();
}

static GBytes *
encode_request (JsonObject  *test_case,
                GError     **error)
{
  const char *request = json_object_get_string_member (test_case, "request");
  guint64 id = json_object_get_int_member_with_default (test_case, "id", 0);
  JsonObject *c = test_case;

  const char *text = json_object_get_string_member_with_default (c, "action", NULL);
  guint64 limit = json_object_get_int_member_with_default (c, "limit", 0);

  if (g_str_equal (request, "action"))
    return asc_rivet_inspector_encode_action_request (id, text, json_object_get_member (c, "args"),
                                                      error);
  if (g_str_equal (request, "patch-state"))
    return asc_rivet_inspector_encode_patch_state_request (json_object_get_member (c, "state"),
                                                           error);
  if (g_str_equal (request, "queue"))
    return asc_rivet_inspector_encode_queue_request (id, limit);
  if (g_str_equal (request, "trace-query"))
    return asc_rivet_inspector_encode_trace_query_request (
      id, json_object_get_int_member (c, "start_ms"), json_object_get_int_member (c, "end_ms"),
      limit);
  if (g_str_equal (request, "workflow-replay"))
    return asc_rivet_inspector_encode_workflow_replay_request (
      id, json_object_get_string_member_with_default (c, "entry_id", NULL));
  if (g_str_equal (request, "database-rows"))
    return asc_rivet_inspector_encode_database_rows_request (
      id, json_object_get_string_member (c, "table"), limit,
      json_object_get_int_member (c, "offset"));

  return asc_rivet_inspector_encode_request (request_from_name (request), id);
}

static void
test_request (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  const char *hex = json_object_get_string_member (test_case, "hex");
  g_autoptr(GBytes) expected = asc_test_hex_parse (hex);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) encoded = encode_request (test_case, &error);
  g_autofree char *encoded_hex = NULL;
  g_autofree char *expected_hex = NULL;

  g_assert_no_error (error);
  encoded_hex = asc_test_hex_format (encoded);
  expected_hex = asc_test_hex_format (expected);
  g_assert_cmpstr (encoded_hex, ==, expected_hex);
}

static void
test_action_args_must_be_an_array (void)
{
  g_autoptr(JsonNode) args = asc_test_json_parse ("{\"amount\":1}");
  g_autoptr(JsonNode) bad = asc_test_json_parse ("[[\"$BigInt\",\"x\"]]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) frame = NULL;

  frame = asc_rivet_inspector_encode_action_request (1, "increment", args, &error);
  g_assert_null (frame);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_VALIDATION);
  g_clear_error (&error);

  frame = asc_rivet_inspector_encode_action_request (1, "increment", bad, &error);
  g_assert_null (frame);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
}

static void
test_version_for_server (void)
{
  static const struct {
    const char *version;
    guint protocol;
  } cases[] = {
    { "2.3.19", 6 }, { "2.3.4", 6 }, { "2.4.0", 6 }, { "3.0.0", 6 }, { "2.3.10-rc.1", 6 },
    { "2.3.3", 5 }, { "2.3.2", 4 }, { "2.2.1", 4 }, { "2.1.6", 4 }, { "2.1.5", 3 },
    { "2.0.42", 3 }, { "2.0.41", 2 }, { "1.9.9", 2 }, { "", 0 }, { "2.3", 0 },
    { "v2.3.19", 0 }, { "2..3", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (asc_rivet_inspector_version_for_server (cases[i].version),
                      ==, cases[i].protocol);
}

static void
add_table (JsonObject  *table,
           const char  *member,
           const char  *prefix,
           GTestDataFunc func)
{
  JsonArray *cases = json_object_get_array_member (table, member);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      g_autofree char *test_path = asc_test_case_path (prefix, test_case);

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

  path = g_test_build_filename (G_TEST_DIST, "data", "rivet", "inspector.json", NULL);
  table = asc_test_json_load (path);
  root = json_node_get_object (table);
  add_table (root, "frames", "/asc/rivet/inspector-protocol/decode", test_frame);
  add_table (root, "requests", "/asc/rivet/inspector-protocol/encode", test_request);

  g_test_add_data_func ("/asc/rivet/inspector-protocol/decode/truncated-captures-fail-cleanly",
                        json_object_get_array_member (root, "frames"), test_truncations);
  g_test_add_func ("/asc/rivet/inspector-protocol/encode/action-args-must-be-an-array",
                   test_action_args_must_be_an_array);
  g_test_add_func ("/asc/rivet/inspector-protocol/version-for-server", test_version_for_server);

  return g_test_run ();
}
