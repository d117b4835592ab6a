/* test-rivet-values.c: Rivet actor keys, JSON-compat values, versions
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

typedef struct
{
  const char *parts[4];
  const char *serialized;
} KeyCase;

/* Each serialized form as the engine stores it. */
static const KeyCase key_cases[] = {
  { { "demo", NULL }, "demo" },
  { { "tmp", "with/slash", NULL }, "tmp/with\\/slash" },
  { { "back\\slash", NULL }, "back\\\\slash" },
  { { "a", "b", "c", NULL }, "a/b/c" },
  { { "", NULL }, "\\0" },
  { { "a", "", NULL }, "a/\\0" },
  { { "", "", NULL }, "\\0/\\0" },
  { { NULL }, "/" },
  { { "/", NULL }, "\\/" },
  { { "\\0", NULL }, "\\\\0" },
  { { "ünï/cødé", "x", NULL }, "ünï\\/cødé/x" },
};

static void
assert_parts_equal (char       **actual,
                    const char  *const *expected)
{
  guint n = 0;

  while (expected[n] != NULL)
    n++;

  g_assert_cmpuint (g_strv_length (actual), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

static void
test_key_serialize_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      g_autofree char *serialized = asc_rivet_key_serialize (key_cases[i].parts);

      g_assert_cmpstr (serialized, ==, key_cases[i].serialized);
    }
}

static void
test_key_deserialize_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      g_auto(GStrv) parts = asc_rivet_key_deserialize (key_cases[i].serialized);

      assert_parts_equal (parts, key_cases[i].parts);
    }
}

static void
test_key_deserialize_lenient (void)
{
  static const KeyCase lenient[] = {
    { { NULL }, "" },
    { { "a", "", NULL }, "a/" },
    { { "", "a", NULL }, "/a" },
    { { "ab", NULL }, "a\\b" },
    { { "trailing\\", NULL }, "trailing\\" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lenient); i++)
    {
      g_auto(GStrv) parts = asc_rivet_key_deserialize (lenient[i].serialized);

      assert_parts_equal (parts, lenient[i].parts);
    }
}

static void
assert_kind (const char        *json,
             AscRivetValueKind  kind)
{
  g_autoptr(JsonNode) node = asc_test_json_parse (json);

  if (asc_rivet_value_get_kind (node) != kind)
    g_error ("%s: kind %d, expected %d", json, asc_rivet_value_get_kind (node), kind);
}

static void
test_value_kinds (void)
{
  assert_kind ("[\"$BigInt\",\"12345678901234567890\"]", ASC_RIVET_VALUE_BIGINT);
  assert_kind ("[\"$BigInt\",\"-5\"]", ASC_RIVET_VALUE_BIGINT);
  assert_kind ("[\"$Uint8Array\",\"AQID\"]", ASC_RIVET_VALUE_UINT8ARRAY);
  assert_kind ("[\"$Uint8Array\",\"\"]", ASC_RIVET_VALUE_UINT8ARRAY);
  assert_kind ("[\"$ArrayBuffer\",\"AQI=\"]", ASC_RIVET_VALUE_ARRAYBUFFER);
  assert_kind ("[\"$Undefined\",0]", ASC_RIVET_VALUE_UNDEFINED);
  assert_kind ("[\"$Set\",[1,2]]", ASC_RIVET_VALUE_SET);
  assert_kind ("[\"$$BigInt\",\"1\"]", ASC_RIVET_VALUE_ESCAPED);
  assert_kind ("[\"$Map\",[]]", ASC_RIVET_VALUE_INVALID);
  assert_kind ("[\"$BigInt\",\"1.5\"]", ASC_RIVET_VALUE_INVALID);
  assert_kind ("[\"$BigInt\",12]", ASC_RIVET_VALUE_INVALID);
  assert_kind ("[\"$Uint8Array\",\"not base64!\"]", ASC_RIVET_VALUE_INVALID);
  assert_kind ("[\"$Set\",{}]", ASC_RIVET_VALUE_INVALID);
  assert_kind ("[\"BigInt\",\"1\"]", ASC_RIVET_VALUE_PLAIN);
  assert_kind ("[\"$BigInt\",\"1\",2]", ASC_RIVET_VALUE_PLAIN);
  assert_kind ("[1,\"$BigInt\"]", ASC_RIVET_VALUE_PLAIN);
  assert_kind ("{\"$BigInt\":\"1\"}", ASC_RIVET_VALUE_PLAIN);
  assert_kind ("\"$BigInt\"", ASC_RIVET_VALUE_PLAIN);
  assert_kind ("null", ASC_RIVET_VALUE_PLAIN);
  g_assert_cmpint (asc_rivet_value_get_kind (NULL), ==, ASC_RIVET_VALUE_PLAIN);
}

static void
test_bigint_round_trip (void)
{
  g_autoptr(JsonNode) big = asc_rivet_value_new_bigint ("12345678901234567890");
  g_autoptr(JsonNode) small = asc_rivet_value_new_bigint_int (G_MININT64);
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *text = json_to_string (big, FALSE);

  g_assert_cmpstr (text, ==, "[\"$BigInt\",\"12345678901234567890\"]");
  parsed = asc_test_json_parse (text);
  g_assert_cmpstr (asc_rivet_value_get_bigint (parsed), ==, "12345678901234567890");
  g_assert_cmpstr (asc_rivet_value_get_bigint (small), ==, "-9223372036854775808");
  g_assert_null (asc_rivet_value_get_bigint (NULL));
  g_assert_true (asc_rivet_value_is_tagged (parsed));
}

static void
test_bytes_round_trip (void)
{
  static const guint8 data[] = { 0x00, 0x01, 0xfe, 0xff, 0x80 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data);
  g_autoptr(GBytes) empty = g_bytes_new_static (NULL, 0);
  AscRivetValueKind kinds[] = { ASC_RIVET_VALUE_UINT8ARRAY, ASC_RIVET_VALUE_ARRAYBUFFER };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(JsonNode) node = asc_rivet_value_new_bytes (kinds[i], bytes);
      g_autoptr(JsonNode) none = asc_rivet_value_new_bytes (kinds[i], empty);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autoptr(JsonNode) parsed = asc_test_json_parse (text);
      g_autoptr(GBytes) back = asc_rivet_value_dup_bytes (parsed);
      g_autoptr(GBytes) nothing = asc_rivet_value_dup_bytes (none);

      g_assert_cmpint (asc_rivet_value_get_kind (parsed), ==, kinds[i]);
      g_assert_true (g_bytes_equal (back, bytes));
      g_assert_cmpuint (g_bytes_get_size (nothing), ==, 0);
    }
}

/* Node writes standard base64 but reads the URL-safe alphabet and
 * unpadded text too. */
static void
test_bytes_lenient_base64 (void)
{
  g_autoptr(JsonNode) url_safe = asc_test_json_parse ("[\"$Uint8Array\",\"-_8\"]");
  g_autoptr(GBytes) bytes = asc_rivet_value_dup_bytes (url_safe);
  const guint8 *data;

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 2);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (data[0], ==, 0xfb);
  g_assert_cmpuint (data[1], ==, 0xff);
}

static void
test_undefined_and_set_round_trip (void)
{
  g_autoptr(JsonNode) undefined = asc_rivet_value_new_undefined ();
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonNode) set = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autofree char *text = NULL;

  asc_test_assert_json_eq (undefined, "[\"$Undefined\",0]");

  json_array_add_int_element (items, 1);
  json_array_add_element (items, asc_rivet_value_new_bigint ("2"));
  set = asc_rivet_value_new_set (items);
  text = json_to_string (set, FALSE);
  g_assert_cmpstr (text, ==, "[\"$Set\",[1,[\"$BigInt\",\"2\"]]]");

  parsed = asc_test_json_parse (text);
  g_assert_cmpuint (json_array_get_length (asc_rivet_value_get_set_items (parsed)), ==, 2);
  g_assert_cmpint (asc_rivet_value_get_kind (json_array_get_element (
                     asc_rivet_value_get_set_items (parsed), 1)), ==, ASC_RIVET_VALUE_BIGINT);
}

static void
assert_display (const char *json,
                const char *expected)
{
  g_autoptr(JsonNode) node = asc_test_json_parse (json);
  g_autofree char *text = asc_rivet_value_to_display (node);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_display (void)
{
  assert_display ("[\"$BigInt\",\"12345678901234567890\"]", "12345678901234567890n");
  assert_display ("[\"$BigInt\",\"-5\"]", "-5n");
  assert_display ("[\"$Uint8Array\",\"AQID\"]", "Uint8Array(3) 01 02 03");
  assert_display ("[\"$Uint8Array\",\"\"]", "Uint8Array(0)");
  assert_display ("[\"$ArrayBuffer\",\"/wA=\"]", "ArrayBuffer(2) ff 00");
  assert_display ("[\"$Uint8Array\",\"AAECAwQFBgcICQoLDA0ODxAR\"]",
                  "Uint8Array(18) 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f …");
  assert_display ("[\"$Undefined\",0]", "undefined");
  assert_display ("[\"$Set\",[1,2,3]]", "Set(3)");
  assert_display ("[\"$$BigInt\",\"1\"]", NULL);
  assert_display ("[\"$Nope\",1]", NULL);
  assert_display ("{\"a\":1}", NULL);
}

static void
test_inspector_protocol_versions (void)
{
  static const struct {
    const char *version;
    guint       protocol;
  } cases[] = {
    { "2.3.19", 6 }, { "2.3.4", 6 }, { "3.0.0", 6 }, { "2.3.3", 5 }, { "2.3.2", 4 },
    { "2.2.1", 4 }, { "2.1.6", 4 }, { "2.1.5", 3 }, { "2.0.42", 3 }, { "2.0.41", 2 },
    { "1.9.9", 2 }, { "2.3.19-rc.1", 6 }, { "dev", 0 }, { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (asc_rivet_engine_inspector_protocol_version (cases[i].version), ==,
                      cases[i].protocol);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/rivet/key/serializes-like-the-engine", test_key_serialize_table);
  g_test_add_func ("/asc/rivet/key/deserializes-like-the-engine", test_key_deserialize_table);
  g_test_add_func ("/asc/rivet/key/deserializes-odd-input", test_key_deserialize_lenient);
  g_test_add_func ("/asc/rivet/value/recognises-tags", test_value_kinds);
  g_test_add_func ("/asc/rivet/value/bigint-round-trips", test_bigint_round_trip);
  g_test_add_func ("/asc/rivet/value/bytes-round-trip", test_bytes_round_trip);
  g_test_add_func ("/asc/rivet/value/bytes-accept-url-safe-base64", test_bytes_lenient_base64);
  g_test_add_func ("/asc/rivet/value/undefined-and-set-round-trip",
                   test_undefined_and_set_round_trip);
  g_test_add_func ("/asc/rivet/value/displays-like-javascript", test_display);
  g_test_add_func ("/asc/rivet/engine/picks-the-inspector-protocol",
                   test_inspector_protocol_versions);

  return g_test_run ();
}
