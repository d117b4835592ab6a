/* test-cbor.c: CBOR to JsonNode and back
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "actorscope.h"
#include "asc-test-rivet.h"
#include "asc-test-util.h"

/* A fixed seed, so a failing document can be reproduced. */
#define RANDOM_SEED 20260427

static GRand *rng;

static JsonNode *
decode_bytes (GBytes  *bytes,
              GError **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return asc_cbor_decode (data, length, error);
}

static void
test_decode (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  g_autoptr(GBytes) bytes = asc_test_hex_parse (json_object_get_string_member (test_case, "hex"));
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GError) error = NULL;

  value = decode_bytes (bytes, &error);
  if (json_object_has_member (test_case, "error"))
    {
      g_assert_null (value);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_cmpstr (error->message, ==, json_object_get_string_member (test_case, "error"));
      return;
    }

  g_assert_no_error (error);
  asc_test_assert_json_same (value, json_object_get_member (test_case, "expect"));

  if (!json_object_get_boolean_member_with_default (test_case, "encodes_back", FALSE))
    return;
  encoded = asc_cbor_encode (value, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (encoded, bytes));
}

static void
assert_encodes_to (const char *json,
                   const char *hex)
{
  g_autoptr(JsonNode) value = asc_test_json_parse (json);
  g_autoptr(GBytes) expected = asc_test_hex_parse (hex);
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actual_hex = NULL;
  g_autofree char *expected_hex = NULL;

  encoded = asc_cbor_encode (value, &error);
  g_assert_no_error (error);
  actual_hex = asc_test_hex_format (encoded);
  expected_hex = asc_test_hex_format (expected);
  g_assert_cmpstr (actual_hex, ==, expected_hex);
}

static void
test_encode_compat_values (void)
{
  assert_encodes_to ("[\"$ArrayBuffer\",\"AQID\"]", "43 01 02 03");
  assert_encodes_to ("[\"$Uint8Array\",\"AQI\"]", "42 01 02");
  assert_encodes_to ("[\"$Uint8Array\",\"\"]", "40");
  assert_encodes_to ("[\"$BigInt\",\"-0\"]", "c2 40");
  assert_encodes_to ("[\"$BigInt\",\"007\"]", "c2 41 07");
  assert_encodes_to ("[\"$BigInt\",\"-256\"]", "c3 41 ff");
  assert_encodes_to ("[\"$Set\",[]]", "d9 01 02 80");
  assert_encodes_to ("{\"u\":[\"$Undefined\",0]}", "a1 61 75 f7");
  assert_encodes_to ("[\"$Uint8Array\",\"-_8\"]", "42 fb ff");
  assert_encodes_to ("[\"$Set\",[\"$BigInt\",\"5\"]]", "d9 01 02 82 67 '$BigInt' 61 '5'");
  /* Not tags: unknown or escaped names, other lengths. */
  assert_encodes_to ("[\"$Foo\",\"x\"]", "82 64 '$Foo' 61 'x'");
  assert_encodes_to ("[\"$$BigInt\",\"x\"]", "82 68 '$$BigInt' 61 'x'");
  assert_encodes_to ("[\"$BigInt\",\"1\",\"2\"]", "83 67 '$BigInt' 61 '1' 61 '2'");
  assert_encodes_to ("[[\"$BigInt\",\"1\"]]", "81 c2 41 01");
}

static void
test_encode_null_node (void)
{
  g_autoptr(GBytes) encoded = asc_cbor_encode (NULL, NULL);
  g_autoptr(GBytes) expected = asc_test_hex_parse ("f6");

  g_assert_true (g_bytes_equal (encoded, expected));
}

static void
assert_encode_fails (JsonNode   *value,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) encoded = asc_cbor_encode (value, &error);

  g_assert_null (encoded);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_encode_rejects_malformed_tags (void)
{
  g_autoptr(JsonNode) bad_bigint = asc_test_json_parse ("[1,[\"$BigInt\",\"12a\"]]");
  g_autoptr(JsonNode) empty_bigint = asc_test_json_parse ("[\"$BigInt\",\"-\"]");
  g_autoptr(JsonNode) bad_bytes = asc_test_json_parse ("{\"b\":[\"$Uint8Array\",\"A@==\"]}");
  g_autoptr(JsonNode) bad_padding = asc_test_json_parse ("[\"$Uint8Array\",\"A===\"]");
  g_autoptr(JsonNode) number_bigint = asc_test_json_parse ("[\"$BigInt\",5]");
  g_autoptr(JsonNode) bad_set = asc_test_json_parse ("[\"$Set\",1]");
  g_autoptr(JsonNode) invalid_utf8 = json_node_new (JSON_NODE_VALUE);
  g_autofree char *digits = g_strnfill (ASC_CBOR_MAX_BIGNUM_BYTES * 3, '9');
  g_autoptr(JsonNode) huge_bigint = json_node_new (JSON_NODE_ARRAY);
  JsonArray *huge = json_array_new ();

  json_array_add_string_element (huge, "$BigInt");
  json_array_add_string_element (huge, digits);
  json_node_take_array (huge_bigint, huge);

  assert_encode_fails (bad_bigint, "CBOR: cannot encode a malformed JSON-compat value");
  assert_encode_fails (empty_bigint, "CBOR: cannot encode a malformed JSON-compat value");
  assert_encode_fails (number_bigint, "CBOR: cannot encode a malformed JSON-compat value");
  assert_encode_fails (bad_set, "CBOR: cannot encode a malformed JSON-compat value");
  assert_encode_fails (bad_bytes, "CBOR: cannot encode a malformed JSON-compat value");
  assert_encode_fails (bad_padding, "CBOR: cannot encode a malformed JSON-compat value");
  assert_encode_fails (huge_bigint, "CBOR: cannot encode a $BigInt longer than a bignum may be");
  json_node_set_string (invalid_utf8, "\xc3\x28");
  assert_encode_fails (invalid_utf8, "CBOR: cannot encode a string that is not valid UTF-8");
}

static GBytes *
repeat_byte (guint8       byte,
             guint        count,
             const guint8 *tail,
             gsize        tail_length)
{
  GByteArray *out = g_byte_array_sized_new (count + tail_length);

  for (guint i = 0; i < count; i++)
    g_byte_array_append (out, &byte, 1);
  g_byte_array_append (out, tail, tail_length);

  return g_byte_array_free_to_bytes (out);
}

static void
assert_too_deep (guint8 byte)
{
  static const guint8 zero = 0;
  g_autoptr(GBytes) bytes = repeat_byte (byte, 10000, &zero, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = decode_bytes (bytes, &error);

  g_assert_null (value);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==, "CBOR: nesting deeper than 1000 levels at byte 1000");
}

static void
test_deep_nesting_is_refused (void)
{
  assert_too_deep (0x81);   /* definite arrays */
  assert_too_deep (0x9f);   /* indefinite arrays */
  assert_too_deep (0xc6);   /* tags */
  assert_too_deep (0xbf);   /* indefinite maps, nested as keys */
}

/* Each map used as a key escapes the one inside it again: bounded. */
static void
test_nested_map_keys_are_bounded (void)
{
  static const guint8 tail[] = { 0x01, 0x02 };
  g_autoptr(GByteArray) chain = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  guint8 map = 0xa1;
  guint8 one = 0x01;

  for (guint i = 0; i < 40; i++)
    g_byte_array_append (chain, &map, 1);
  g_byte_array_append (chain, tail, sizeof tail);
  for (guint i = 1; i < 40; i++)
    g_byte_array_append (chain, &one, 1);

  value = asc_cbor_decode (chain->data, chain->len, &error);
  g_assert_null (value);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_true (g_str_has_prefix (error->message, "CBOR: map key longer than 1024 bytes as JSON"));
}

static void
test_deepest_allowed_nesting_decodes (void)
{
  static const guint8 zero = 0;
  g_autoptr(GBytes) bytes = repeat_byte (0x81, ASC_CBOR_MAX_DEPTH, &zero, 1);
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = decode_bytes (bytes, &error);
  JsonNode *node = value;
  guint depth = 0;

  g_assert_no_error (error);
  while (JSON_NODE_HOLDS_ARRAY (node))
    {
      depth++;
      node = json_array_get_element (json_node_get_array (node), 0);
    }
  g_assert_cmpuint (depth, ==, ASC_CBOR_MAX_DEPTH);

  encoded = asc_cbor_encode (value, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (encoded, bytes));
}

static void
test_encode_refuses_deep_nesting (void)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_NULL);

  for (guint i = 0; i < ASC_CBOR_MAX_DEPTH + 1; i++)
    {
      JsonArray *array = json_array_new ();
      JsonNode *wrapper = json_node_new (JSON_NODE_ARRAY);

      json_array_add_element (array, g_steal_pointer (&root));
      json_node_take_array (wrapper, array);
      root = wrapper;
    }

  assert_encode_fails (root, "CBOR: cannot encode a value nested deeper than 1000 levels");
}

static void
test_bignum_size_limit (void)
{
  static const guint8 head[] = { 0xc2, 0x59, 0x10, 0x01 };
  g_autoptr(GByteArray) too_long = g_byte_array_new ();
  g_autoptr(GByteArray) longest = g_byte_array_new ();
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GError) error = NULL;
  guint8 ff = 0xff;

  /* 4097 bytes of magnitude: refused. */
  g_byte_array_append (too_long, head, sizeof head);
  for (guint i = 0; i < ASC_CBOR_MAX_BIGNUM_BYTES + 1; i++)
    g_byte_array_append (too_long, &ff, 1);
  value = asc_cbor_decode (too_long->data, too_long->len, &error);
  g_assert_null (value);
  g_assert_cmpstr (error->message, ==, "CBOR: bignum of more than 4096 bytes at byte 1");
  g_clear_error (&error);

  /* 4096 bytes: about 9,865 digits, and back to the same bytes. */
  g_byte_array_append (longest, (const guint8 *) "\xc2\x59\x10\x00", 4);
  for (guint i = 0; i < ASC_CBOR_MAX_BIGNUM_BYTES; i++)
    g_byte_array_append (longest, &ff, 1);
  value = asc_cbor_decode (longest->data, longest->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (json_array_get_string_element (json_node_get_array (value), 1)),
                    ==, 9865);
  encoded = asc_cbor_encode (value, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded),
                   longest->data, longest->len);
}

/* A document using most of the decoder, cut short at every byte. */
static void
test_truncation_at_every_offset (void)
{
  g_autoptr(GBytes) bytes = asc_test_hex_parse (
    "bf 65 'state' a2 65 'count' 07 64 'tags' 82 61 'a' 7f 61 'b' 61 'c' ff"
    "   62 'bn' c3 49 01 00 00 00 00 00 00 00 00"
    "   62 'by' 5f 41 01 42 02 03 ff"
    "   61 'f' 9f f9 3c 00 fa 3f c0 00 00 fb 3f f1 99 99 99 99 99 9a ff"
    "   61 'u' f7 61 's' d9 01 02 82 f4 f5 61 'n' 3b 7f ff ff ff ff ff ff ff"
    "   a1 01 02 f6 ff");
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autoptr(JsonNode) whole = asc_cbor_decode (data, length, NULL);

  g_assert_nonnull (whole);
  for (gsize cut = 0; cut < length; cut++)
    {
      g_autofree guint8 *prefix = g_memdup2 (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) value = asc_cbor_decode (prefix, cut, &error);

      g_assert_null (value);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_true (g_str_has_prefix (error->message, "CBOR: "));
    }
}

static char *
random_string (void)
{
  static const char *pieces[] = {
    "a", "Z", "0", " ", "\"", "\\", "$", "é", "€", "😀", "\t", "/",
  };
  GString *out = g_string_new (NULL);
  guint length = g_rand_int_range (rng, 0, 12);

  for (guint i = 0; i < length; i++)
    g_string_append (out, pieces[g_rand_int_range (rng, 0, G_N_ELEMENTS (pieces))]);
  /* A leading "$" could spell a JSON-compat tag by chance. */
  if (out->str[0] == '$')
    g_string_prepend_c (out, '_');

  return g_string_free (out, FALSE);
}

static JsonNode *
compat (const char *tag,
        JsonNode   *value)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_string_element (array, tag);
  json_array_add_element (array, value);
  json_node_take_array (node, array);

  return node;
}

static JsonNode *
random_bigint (void)
{
  g_autoptr(GString) digits = g_string_new (g_rand_boolean (rng) ? "-" : "");
  guint length = g_rand_int_range (rng, 1, 60);

  g_string_append_c (digits, '1' + g_rand_int_range (rng, 0, 9));
  for (guint i = 1; i < length; i++)
    g_string_append_c (digits, '0' + g_rand_int_range (rng, 0, 10));
  if (g_rand_int_range (rng, 0, 10) == 0)
    g_string_assign (digits, "0");

  return compat ("$BigInt", json_node_init_string (json_node_alloc (), digits->str));
}

static JsonNode *
random_bytes (void)
{
  guint8 buffer[20];
  guint length = g_rand_int_range (rng, 0, sizeof buffer);
  g_autofree char *text = NULL;

  for (guint i = 0; i < length; i++)
    buffer[i] = g_rand_int_range (rng, 0, 256);
  text = g_base64_encode (buffer, length);

  return compat ("$Uint8Array", json_node_init_string (json_node_alloc (), text));
}

static gint64
random_int (void)
{
  guint64 bits = ((guint64) g_rand_int (rng) << 32) | (guint32) g_rand_int (rng);

  return (gint64) bits >> g_rand_int_range (rng, 0, 64);
}

static JsonNode *random_node (guint depth);

static JsonNode *
random_container (guint depth,
                  gboolean object)
{
  guint length = g_rand_int_range (rng, 0, 6);
  JsonNode *node = json_node_alloc ();

  if (object)
    {
      g_autoptr(JsonObject) members = json_object_new ();

      for (guint i = 0; i < length; i++)
        {
          g_autofree char *key = random_string ();

          json_object_set_member (members, key, random_node (depth + 1));
        }
      return json_node_init_object (node, members);
    }

  {
    JsonArray *items = json_array_new ();

    /* Three or more items, or a first item that is not a string: never a tag. */
    json_array_add_int_element (items, 1);
    for (guint i = 0; i < length; i++)
      json_array_add_element (items, random_node (depth + 1));
    json_node_init_array (node, items);
    json_array_unref (items);
    return node;
  }
}

static JsonNode *
random_node (guint depth)
{
  switch (g_rand_int_range (rng, 0, depth < 5 ? 12 : 9))
    {
    case 0:
      return json_node_new (JSON_NODE_NULL);
    case 1:
      return json_node_init_boolean (json_node_alloc (), g_rand_boolean (rng));
    case 2:
      return json_node_init_int (json_node_alloc (), random_int ());
    case 3:
      return json_node_init_double (json_node_alloc (),
                                    ldexp (g_rand_double_range (rng, -1, 1),
                                           g_rand_int_range (rng, -1000, 1000)));
    case 4:
      {
        g_autofree char *text = random_string ();

        return json_node_init_string (json_node_alloc (), text);
      }
    case 5:
      return random_bigint ();
    case 6:
      return random_bytes ();
    case 7:
      return compat ("$Undefined", json_node_init_int (json_node_alloc (), 0));
    case 8:
      return json_node_init_int (json_node_alloc (), g_rand_int_range (rng, -30, 30));
    case 9:
      return random_container (depth, FALSE);
    case 10:
      return random_container (depth, TRUE);
    default:
      {
        JsonNode *items = random_container (depth, FALSE);

        return compat ("$Set", items);
      }
    }
}

static void
test_random_documents_round_trip (void)
{
  rng = g_rand_new_with_seed (RANDOM_SEED);

  for (guint n = 0; n < 500; n++)
    {
      g_autoptr(JsonNode) original = random_node (0);
      g_autoptr(JsonNode) back = NULL;
      g_autoptr(GBytes) encoded = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;

      encoded = asc_cbor_encode (original, &error);
      g_assert_no_error (error);
      back = decode_bytes (encoded, &error);
      g_assert_no_error (error);
      asc_test_assert_json_same (back, original);

      /* Encoding is deterministic: the decoded copy encodes identically. */
      again = asc_cbor_encode (back, &error);
      g_assert_true (g_bytes_equal (again, encoded));
    }

  g_clear_pointer (&rng, g_rand_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) table = NULL;
  JsonArray *cases;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "rivet", "cbor.json", NULL);
  table = asc_test_json_load (path);
  cases = json_object_get_array_member (json_node_get_object (table), "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      g_autofree char *test_path = asc_test_case_path ("/asc/rivet/cbor/decode", test_case);

      g_test_add_data_func (test_path, test_case, test_decode);
    }

  g_test_add_func ("/asc/rivet/cbor/decode/refuses-deep-nesting", test_deep_nesting_is_refused);
  g_test_add_func ("/asc/rivet/cbor/decode/accepts-the-deepest-allowed-nesting",
                   test_deepest_allowed_nesting_decodes);
  g_test_add_func ("/asc/rivet/cbor/decode/limits-bignum-size", test_bignum_size_limit);
  g_test_add_func ("/asc/rivet/cbor/decode/bounds-nested-map-keys",
                   test_nested_map_keys_are_bounded);
  g_test_add_func ("/asc/rivet/cbor/decode/truncation-at-every-offset-fails-cleanly",
                   test_truncation_at_every_offset);
  g_test_add_func ("/asc/rivet/cbor/encode/compat-values", test_encode_compat_values);
  g_test_add_func ("/asc/rivet/cbor/encode/null-node", test_encode_null_node);
  g_test_add_func ("/asc/rivet/cbor/encode/rejects-malformed-tags",
                   test_encode_rejects_malformed_tags);
  g_test_add_func ("/asc/rivet/cbor/encode/refuses-deep-nesting", test_encode_refuses_deep_nesting);
  g_test_add_func ("/asc/rivet/cbor/random-documents-round-trip",
                   test_random_documents_round_trip);

  return g_test_run ();
}
