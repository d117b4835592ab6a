/* test-bare.c: the BARE reader and writer
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-rivet.h"
#include "asc-test-util.h"

/* The fixed-size unsigned readers, narrowed to one signature. */
static gboolean
read_fixed (AscBareReader  *reader,
            const char     *kind,
            guint64        *value,
            GError        **error)
{
  guint8 u8 = 0;
  guint16 u16 = 0;
  guint32 u32 = 0;

  if (g_str_equal (kind, "u64"))
    return asc_bare_read_u64 (reader, value, error);

  if (g_str_equal (kind, "u8") && asc_bare_read_u8 (reader, &u8, error))
    *value = u8;
  else if (g_str_equal (kind, "u16") && asc_bare_read_u16 (reader, &u16, error))
    *value = u16;
  else if (g_str_equal (kind, "version") && asc_vbare_read_version (reader, &u16, error))
    *value = u16;
  else if (g_str_equal (kind, "u32") && asc_bare_read_u32 (reader, &u32, error))
    *value = u32;
  else
    return FALSE;

  return TRUE;
}

static gboolean
is_fixed (const char *kind)
{
  return g_strv_contains ((const char * const[]) { "u8", "u16", "u32", "u64", "version", NULL },
                          kind);
}

static gboolean
read_number_as_text (AscBareReader  *reader,
                     const char     *kind,
                     char          **text,
                     GError        **error)
{
  guint64 u = 0;
  gint64 i = 0;
  double d = 0;
  gsize n = 0;

  if (g_str_equal (kind, "uint") && asc_bare_read_uint (reader, &u, error))
    *text = g_strdup_printf ("%" G_GUINT64_FORMAT, u);
  else if (g_str_equal (kind, "tag") && asc_bare_read_union_tag (reader, &u, error))
    *text = g_strdup_printf ("%" G_GUINT64_FORMAT, u);
  else if (g_str_equal (kind, "int") && asc_bare_read_int (reader, &i, error))
    *text = g_strdup_printf ("%" G_GINT64_FORMAT, i);
  else if (g_str_equal (kind, "i64") && asc_bare_read_i64 (reader, &i, error))
    *text = g_strdup_printf ("%" G_GINT64_FORMAT, i);
  else if (g_str_equal (kind, "f64") && asc_bare_read_f64 (reader, &d, error))
    *text = g_strdup_printf ("%.17g", d);
  else if (g_str_equal (kind, "length") && asc_bare_read_length (reader, 1, &n, error))
    *text = g_strdup_printf ("%zu", n);
  else if (is_fixed (kind) && read_fixed (reader, kind, &u, error))
    *text = g_strdup_printf ("%" G_GUINT64_FORMAT, u);

  return *text != NULL;
}

/* Reads one value of the named kind and prints it the way fixtures write it. */
static gboolean
read_as_text (AscBareReader  *reader,
              const char     *kind,
              char          **text,
              GError        **error)
{
  const guint8 *bytes = NULL;
  gboolean b = FALSE;
  gsize n = 0;

  if (g_str_equal (kind, "bool") && asc_bare_read_bool (reader, &b, error))
    *text = g_strdup (b ? "true" : "false");
  else if (g_str_equal (kind, "optional") && asc_bare_read_optional (reader, &b, error))
    *text = g_strdup (b ? "true" : "false");
  else if (g_str_equal (kind, "string"))
    asc_bare_read_string (reader, text, error);
  else if (g_str_equal (kind, "data"))
    {
      if (asc_bare_read_data (reader, &bytes, &n, error))
        {
          g_autoptr(GBytes) copy = g_bytes_new (bytes, n);

          *text = asc_test_hex_format (copy);
        }
    }
  else if (!g_str_equal (kind, "bool") && !g_str_equal (kind, "optional"))
    read_number_as_text (reader, kind, text, error);

  return *text != NULL;
}

/* Writes back the value a fixture expects, for the canonical cases. */
static void
write_from_text (GByteArray *out,
                 const char *kind,
                 const char *text)
{
  if (g_str_equal (kind, "uint") || g_str_equal (kind, "length") || g_str_equal (kind, "tag"))
    asc_bare_write_uint (out, g_ascii_strtoull (text, NULL, 10));
  else if (g_str_equal (kind, "int"))
    asc_bare_write_int (out, g_ascii_strtoll (text, NULL, 10));
  else if (g_str_equal (kind, "u8"))
    asc_bare_write_u8 (out, g_ascii_strtoull (text, NULL, 10));
  else if (g_str_equal (kind, "u16"))
    asc_bare_write_u16 (out, g_ascii_strtoull (text, NULL, 10));
  else if (g_str_equal (kind, "u32"))
    asc_bare_write_u32 (out, g_ascii_strtoull (text, NULL, 10));
  else if (g_str_equal (kind, "u64"))
    asc_bare_write_u64 (out, g_ascii_strtoull (text, NULL, 10));
  else if (g_str_equal (kind, "i64"))
    asc_bare_write_i64 (out, g_ascii_strtoll (text, NULL, 10));
  else if (g_str_equal (kind, "f64"))
    asc_bare_write_f64 (out, g_ascii_strtod (text, NULL));
  else if (g_str_equal (kind, "bool"))
    asc_bare_write_bool (out, g_str_equal (text, "true"));
  else if (g_str_equal (kind, "optional"))
    asc_bare_write_optional (out, g_str_equal (text, "true"));
  else if (g_str_equal (kind, "data"))
    {
      g_autoptr(GBytes) bytes = asc_test_hex_parse (text);
      gsize n = 0;
      const guint8 *data = g_bytes_get_data (bytes, &n);

      asc_bare_write_data (out, data, n);
    }
  else if (g_str_equal (kind, "string"))
    asc_bare_write_string (out, text);
  else if (g_str_equal (kind, "version"))
    asc_vbare_write_version (out, g_ascii_strtoull (text, NULL, 10));
  else
    g_assert_not_reached ();
}

static char *
expected_text (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_dup_string (node);
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  return g_strdup_printf ("%.17g", json_node_get_double (node));
}

static void
test_read (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  const char *kind = json_object_get_string_member (test_case, "read");
  g_autoptr(GBytes) bytes = asc_test_hex_parse (json_object_get_string_member (test_case, "hex"));
  gsize skip = json_object_get_int_member_with_default (test_case, "skip", 0);
  gsize remaining = json_object_get_int_member_with_default (test_case, "remaining", 0);
  g_autoptr(GByteArray) written = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;
  AscBareReader reader;
  gsize length = 0;
  const guint8 *frame = g_bytes_get_data (bytes, &length);

  asc_bare_reader_init (&reader, frame, length);
  reader.offset = skip;

  if (json_object_has_member (test_case, "error"))
    {
      g_assert_false (read_as_text (&reader, kind, &actual, &error));
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_cmpstr (error->message, ==, json_object_get_string_member (test_case, "error"));
      /* A failed read leaves the cursor where the value starts. */
      g_assert_cmpuint (reader.offset, ==, skip);
      return;
    }

  g_assert_true (read_as_text (&reader, kind, &actual, &error));
  g_assert_no_error (error);
  expected = expected_text (json_object_get_member (test_case, "expect"));
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpuint (asc_bare_reader_remaining (&reader), ==, remaining);
  if (remaining == 0)
    g_assert_true (asc_bare_reader_finish (&reader, NULL));

  if (!json_object_get_boolean_member_with_default (test_case, "canonical", TRUE))
    return;
  write_from_text (written, kind, actual);
  g_assert_cmpmem (written->data, written->len, frame + skip, length - skip - remaining);
}

/* A struct using every primitive, written with the writer. */
static GBytes *
build_message (void)
{
  static const guint8 blob[] = { 0x81, 0x04 };
  GByteArray *out = g_byte_array_new ();

  asc_vbare_write_version (out, 4);
  asc_bare_write_union_tag (out, 17);
  asc_bare_write_u8 (out, 7);
  asc_bare_write_u16 (out, 0xbeef);
  asc_bare_write_u32 (out, 0xdeadbeef);
  asc_bare_write_u64 (out, G_MAXUINT64 - 1);
  asc_bare_write_i64 (out, -5);
  asc_bare_write_f64 (out, 2.5);
  asc_bare_write_uint (out, 300);
  asc_bare_write_int (out, -300);
  asc_bare_write_bool (out, TRUE);
  asc_bare_write_optional (out, TRUE);
  asc_bare_write_string (out, "héllo");
  asc_bare_write_data (out, blob, sizeof blob);
  asc_bare_write_length (out, 2);
  asc_bare_write_string (out, "a");
  asc_bare_write_string (out, "bc");
  asc_bare_write_optional (out, FALSE);

  return g_byte_array_free_to_bytes (out);
}

static gboolean
read_message (AscBareReader  *reader,
              GError        **error)
{
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const guint8 *blob = NULL;
  guint16 version = 0, u16 = 0;
  guint64 tag = 0, u64 = 0, uint = 0;
  guint32 u32 = 0;
  gint64 i64 = 0, sint = 0;
  guint8 u8 = 0;
  double f64 = 0;
  gboolean flag = FALSE, present = FALSE, absent = TRUE;
  gsize blob_length = 0, count = 0;

  if (!(asc_vbare_read_version (reader, &version, error) &&
        asc_bare_read_union_tag (reader, &tag, error) &&
        asc_bare_read_u8 (reader, &u8, error) &&
        asc_bare_read_u16 (reader, &u16, error) &&
        asc_bare_read_u32 (reader, &u32, error) &&
        asc_bare_read_u64 (reader, &u64, error) &&
        asc_bare_read_i64 (reader, &i64, error) &&
        asc_bare_read_f64 (reader, &f64, error) &&
        asc_bare_read_uint (reader, &uint, error) &&
        asc_bare_read_int (reader, &sint, error) &&
        asc_bare_read_bool (reader, &flag, error) &&
        asc_bare_read_optional (reader, &present, error) &&
        asc_bare_read_string (reader, &text, error) &&
        asc_bare_read_data (reader, &blob, &blob_length, error) &&
        asc_bare_read_length (reader, 2, &count, error) &&
        asc_bare_read_string (reader, &first, error) &&
        asc_bare_read_string (reader, &second, error) &&
        asc_bare_read_optional (reader, &absent, error) &&
        asc_bare_reader_finish (reader, error)))
    return FALSE;

  g_assert_cmpuint (version, ==, 4);
  g_assert_cmpuint (tag, ==, 17);
  g_assert_cmpuint (u8, ==, 7);
  g_assert_cmpuint (u16, ==, 0xbeef);
  g_assert_cmpuint (u32, ==, 0xdeadbeef);
  g_assert_cmpuint (u64, ==, G_MAXUINT64 - 1);
  g_assert_cmpint (i64, ==, -5);
  g_assert_cmpfloat (f64, ==, 2.5);
  g_assert_cmpuint (uint, ==, 300);
  g_assert_cmpint (sint, ==, -300);
  g_assert_true (flag && present && !absent);
  g_assert_cmpstr (text, ==, "héllo");
  g_assert_cmpuint (blob_length, ==, 2);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (first, ==, "a");
  g_assert_cmpstr (second, ==, "bc");
  return TRUE;
}

static void
test_message_round_trips (void)
{
  g_autoptr(GBytes) message = build_message ();
  g_autoptr(GError) error = NULL;
  AscBareReader reader;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (message, &length);

  asc_bare_reader_init (&reader, data, length);
  g_assert_true (read_message (&reader, &error));
  g_assert_no_error (error);
}

static void
test_truncation_at_every_offset (void)
{
  g_autoptr(GBytes) message = build_message ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (message, &length);

  for (gsize cut = 0; cut < length; cut++)
    {
      /* A copy of exactly @cut bytes, so a read past the end is caught by ASan. */
      g_autofree guint8 *prefix = g_memdup2 (data, cut);
      g_autoptr(GError) error = NULL;
      AscBareReader reader;

      asc_bare_reader_init (&reader, prefix, cut);
      g_assert_false (read_message (&reader, &error));
      g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
      g_assert_true (g_str_has_prefix (error->message, "BARE: "));
      g_assert_nonnull (strstr (error->message, " at byte "));
      g_assert_cmpuint (reader.offset, <=, cut);
    }
}

static void
test_trailing_bytes_are_reported (void)
{
  static const guint8 frame[] = { 0x01, 0x02, 0x03 };
  g_autoptr(GError) error = NULL;
  AscBareReader reader;
  guint64 value = 0;

  asc_bare_reader_init (&reader, frame, sizeof frame);
  g_assert_true (asc_bare_read_uint (&reader, &value, NULL));
  g_assert_false (asc_bare_reader_finish (&reader, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==, "BARE: 2 unexpected trailing bytes at byte 1");
}

/* Lists may not promise more items than the bytes left could hold. */
static void
test_list_length_respects_item_size (void)
{
  static const guint8 frame[] = { 0x03, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  AscBareReader reader;
  gsize count = 0;

  asc_bare_reader_init (&reader, frame, sizeof frame);
  g_assert_true (asc_bare_read_length (&reader, 2, &count, NULL));
  g_assert_cmpuint (count, ==, 3);

  asc_bare_reader_init (&reader, frame, sizeof frame);
  g_assert_false (asc_bare_read_length (&reader, 3, &count, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL);
}

/* A fixed seed, so a failing value can be reproduced. */
#define RANDOM_SEED 20260427

static GRand *rng;

static guint64
random_uint64 (void)
{
  guint64 value = ((guint64) g_rand_int (rng) << 32) | (guint32) g_rand_int (rng);

  /* Spread over every varint length, not just the ten-byte ones. */
  return value >> g_rand_int_range (rng, 0, 64);
}

static void
test_varints_round_trip (void)
{
  rng = g_rand_new_with_seed (RANDOM_SEED);

  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr(GByteArray) out = g_byte_array_new ();
      guint64 u = random_uint64 ();
      gint64 i = (gint64) random_uint64 () * (g_rand_boolean (rng) ? -1 : 1);
      guint64 u_back = 0;
      gint64 i_back = 0;
      AscBareReader reader;

      asc_bare_write_uint (out, u);
      asc_bare_write_int (out, i);
      asc_bare_reader_init (&reader, out->data, out->len);
      g_assert_true (asc_bare_read_uint (&reader, &u_back, NULL));
      g_assert_true (asc_bare_read_int (&reader, &i_back, NULL));
      g_assert_true (asc_bare_reader_finish (&reader, NULL));
      g_assert_cmpuint (u_back, ==, u);
      g_assert_cmpint (i_back, ==, i);
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

  path = g_test_build_filename (G_TEST_DIST, "data", "rivet", "bare.json", NULL);
  table = asc_test_json_load (path);
  cases = json_object_get_array_member (json_node_get_object (table), "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      g_autofree char *test_path = asc_test_case_path ("/asc/rivet/bare/read", test_case);

      g_test_add_data_func (test_path, test_case, test_read);
    }

  g_test_add_func ("/asc/rivet/bare/message/round-trips", test_message_round_trips);
  g_test_add_func ("/asc/rivet/bare/message/truncation-at-every-offset-fails-cleanly",
                   test_truncation_at_every_offset);
  g_test_add_func ("/asc/rivet/bare/message/trailing-bytes-are-reported",
                   test_trailing_bytes_are_reported);
  g_test_add_func ("/asc/rivet/bare/list-length/respects-item-size",
                   test_list_length_respects_item_size);
  g_test_add_func ("/asc/rivet/bare/varints/round-trip", test_varints_round_trip);

  return g_test_run ();
}
