/* asc-test-rivet.h: byte-level helpers for the Rivet codec tests
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures write frames the way the protocol notes do: hex byte pairs, with
 * spaces or `|` between them for readability, and ASCII runs quoted with
 * single quotes, so `05'crash'` is the bytes 05 63 72 61 73 68.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

G_BEGIN_DECLS

static inline GBytes *
asc_test_hex_parse (const char *text)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();

  for (const char *p = text; *p != '\0'; )
    {
      guint8 byte;

      if (g_ascii_isspace (*p) || *p == '|')
        {
          p++;
          continue;
        }

      if (*p == '\'')
        {
          const char *end = strchr (p + 1, '\'');

          g_assert_nonnull (end);
          g_byte_array_append (out, (const guint8 *) p + 1, end - p - 1);
          p = end + 1;
          continue;
        }

      g_assert_true (g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]));
      byte = g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]);
      g_byte_array_append (out, &byte, 1);
      p += 2;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static inline char *
asc_test_hex_format (GBytes *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%s%02x", i > 0 ? " " : "", data[i]);

  return g_string_free (out, FALSE);
}

/* Compares the way the values print, so 1 and 1.0 differ, as they should. */
static inline void
asc_test_assert_json_same (JsonNode *actual,
                           JsonNode *expected)
{
  g_autofree char *actual_text = NULL;
  g_autofree char *expected_text = NULL;

  g_assert_nonnull (actual);
  g_assert_nonnull (expected);
  actual_text = json_to_string (actual, FALSE);
  expected_text = json_to_string (expected, FALSE);
  g_assert_cmpstr (actual_text, ==, expected_text);
}

/* Turns a case name into a test path element. */
static inline char *
asc_test_case_path (const char *prefix,
                    JsonObject *test_case)
{
  g_autofree char *name = g_strdup (json_object_get_string_member (test_case, "name"));

  g_strdelimit (name, " /", '-');
  return g_strdup_printf ("%s/%s", prefix, name);
}

G_END_DECLS
