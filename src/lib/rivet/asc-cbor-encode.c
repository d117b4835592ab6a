/* asc-cbor-encode.c: JsonNode to CBOR bytes
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inverse of asc-cbor.c, so that a decoded value encodes back to an
 * equal one:
 *   integers                      the shortest CBOR integer
 *   doubles                       always 8-byte floats, so none loses precision
 *   strings, booleans, null       text strings, true/false, null
 *   ["$BigInt","<decimal>"]       tag 2 or 3 bignum, even for small values:
 *                                 the actor then receives a BigInt, not a Number
 *   ["$Uint8Array","<base64>"]    byte string ($ArrayBuffer too)
 *   ["$Undefined",0]              undefined
 *   ["$Set",[...]]                tag 258 around the array
 * asc-rivet-values.c decides what is a tagged array. One with a known name
 * but a malformed payload (a $BigInt that is not a decimal integer, a
 * $Uint8Array that is not base64) is an error rather than a silent plain
 * array, since it almost certainly was meant as the tag. Escaped arrays
 * (["$$Foo", ...]) stay as they are: CBOR from Rivet carries them so too.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <cbor.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-cbor.h"
#include "asc-cbor-private.h"
#include "asc-error.h"
#include "asc-rivet-values.h"

/* The longest head libcbor writes: one byte and a 64-bit argument. */
#define MAX_HEAD 9

typedef size_t (*HeadWriter) (uint64_t       value,
                              unsigned char *buffer,
                              size_t         size);

static gboolean encode_node (GByteArray  *out,
                             JsonNode    *node,
                             guint        depth,
                             GError     **error);

static void
write_head (GByteArray *out,
            HeadWriter  writer,
            guint64     value)
{
  guint8 buffer[MAX_HEAD];
  gsize n = writer (value, buffer, sizeof buffer);

  g_byte_array_append (out, buffer, n);
}

/* libcbor's length-taking writers use size_t; give them one signature. */
static size_t
write_bytes_head (uint64_t       length,
                  unsigned char *buffer,
                  size_t         size)
{
  return cbor_encode_bytestring_start ((size_t) length, buffer, size);
}

static size_t
write_text_head (uint64_t       length,
                 unsigned char *buffer,
                 size_t         size)
{
  return cbor_encode_string_start ((size_t) length, buffer, size);
}

static size_t
write_array_head (uint64_t       count,
                  unsigned char *buffer,
                  size_t         size)
{
  return cbor_encode_array_start ((size_t) count, buffer, size);
}

static size_t
write_map_head (uint64_t       count,
                unsigned char *buffer,
                size_t         size)
{
  return cbor_encode_map_start ((size_t) count, buffer, size);
}

static void
write_simple (GByteArray *out,
              guint8      byte)
{
  g_byte_array_append (out, &byte, 1);
}

static gboolean
encode_failed (GError     **error,
               const char  *what)
{
  g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL, _("CBOR: cannot encode %s"), what);
  return FALSE;
}

static gboolean
encode_text (GByteArray  *out,
             const char  *text,
             GError     **error)
{
  gsize length = strlen (text);

  if (!g_utf8_validate_len (text, length, NULL))
    return encode_failed (error, _("a string that is not valid UTF-8"));

  write_head (out, write_text_head, length);
  g_byte_array_append (out, (const guint8 *) text, length);
  return TRUE;
}

static void
encode_int (GByteArray *out,
            gint64      value)
{
  if (value >= 0)
    write_head (out, cbor_encode_uint, (guint64) value);
  else
    write_head (out, cbor_encode_negint, (guint64) (-1 - value));
}

static void
encode_double (GByteArray *out,
               double      value)
{
  guint8 buffer[MAX_HEAD];
  gsize n = cbor_encode_double (value, buffer, sizeof buffer);

  g_byte_array_append (out, buffer, n);
}

static gboolean
encode_value (GByteArray  *out,
              JsonNode    *node,
              GError     **error)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      encode_int (out, json_node_get_int (node));
      return TRUE;
    case G_TYPE_DOUBLE:
      encode_double (out, json_node_get_double (node));
      return TRUE;
    case G_TYPE_BOOLEAN:
      write_simple (out, json_node_get_boolean (node) ? 0xf5 : 0xf4);
      return TRUE;
    case G_TYPE_STRING:
      return encode_text (out, json_node_get_string (node), error);
    default:
      return encode_failed (error, _("a value of an unknown type"));
    }
}

static gboolean
encode_bigint (GByteArray  *out,
               const char  *text,
               GError     **error)
{
  g_autoptr(GByteArray) magnitude = g_byte_array_new ();
  gboolean negative;

  if (!_asc_cbor_decimal_to_bignum (text, magnitude, &negative))
    return encode_failed (error, _("a $BigInt longer than a bignum may be"));

  write_head (out, cbor_encode_tag,
              negative ? ASC_CBOR_TAG_NEGATIVE_BIGNUM : ASC_CBOR_TAG_POSITIVE_BIGNUM);
  write_head (out, write_bytes_head, magnitude->len);
  g_byte_array_append (out, magnitude->data, magnitude->len);
  return TRUE;
}

static void
encode_bytes (GByteArray *out,
              GBytes     *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  write_head (out, write_bytes_head, length);
  if (length > 0)
    g_byte_array_append (out, data, length);
}

static gboolean
encode_items (GByteArray  *out,
              JsonArray   *array,
              guint        depth,
              GError     **error)
{
  guint length = json_array_get_length (array);

  write_head (out, write_array_head, length);
  for (guint i = 0; i < length; i++)
    if (!encode_node (out, json_array_get_element (array, i), depth + 1, error))
      return FALSE;

  return TRUE;
}

/* ["$Foo", x] with a tag name this encoding defines but a payload it cannot
 * have; an unknown "$Foo" is just an array. */
static gboolean
is_malformed_tag (JsonNode *node)
{
  static const char *known[] = { "$BigInt", "$Uint8Array", "$ArrayBuffer", "$Undefined", "$Set" };
  JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (json_node_get_string (first), known[i]))
      return TRUE;

  return FALSE;
}

static gboolean
encode_array (GByteArray  *out,
              JsonNode    *node,
              guint        depth,
              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  switch (asc_rivet_value_get_kind (node))
    {
    case ASC_RIVET_VALUE_BIGINT:
      return encode_bigint (out, asc_rivet_value_get_bigint (node), error);
    case ASC_RIVET_VALUE_UINT8ARRAY:
    case ASC_RIVET_VALUE_ARRAYBUFFER:
      bytes = asc_rivet_value_dup_bytes (node);
      encode_bytes (out, bytes);
      return TRUE;
    case ASC_RIVET_VALUE_UNDEFINED:
      write_simple (out, 0xf7);
      return TRUE;
    case ASC_RIVET_VALUE_SET:
      write_head (out, cbor_encode_tag, ASC_CBOR_TAG_SET);
      return encode_items (out, asc_rivet_value_get_set_items (node), depth + 1, error);
    case ASC_RIVET_VALUE_INVALID:
      if (is_malformed_tag (node))
        return encode_failed (error, _("a malformed JSON-compat value"));
      return encode_items (out, json_node_get_array (node), depth, error);
    case ASC_RIVET_VALUE_PLAIN:
    case ASC_RIVET_VALUE_ESCAPED:
    default:
      return encode_items (out, json_node_get_array (node), depth, error);
    }
}

static gboolean
encode_object (GByteArray  *out,
               JsonObject  *object,
               guint        depth,
               GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  write_head (out, write_map_head, json_object_get_size (object));
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!encode_text (out, l->data, error) ||
          !encode_node (out, json_object_get_member (object, l->data), depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
encode_node (GByteArray  *out,
             JsonNode    *node,
             guint        depth,
             GError     **error)
{
  if (depth > ASC_CBOR_MAX_DEPTH &&
      (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node)))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                   _("CBOR: cannot encode a value nested deeper than %d levels"),
                   ASC_CBOR_MAX_DEPTH);
      return FALSE;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return encode_object (out, json_node_get_object (node), depth, error);
    case JSON_NODE_ARRAY:
      return encode_array (out, node, depth, error);
    case JSON_NODE_VALUE:
      return encode_value (out, node, error);
    case JSON_NODE_NULL:
    default:
      write_simple (out, 0xf6);
      return TRUE;
    }
}

/**
 * asc_cbor_encode:
 * @node: (nullable): a JSON value; %NULL encodes as null
 * @error: return location for an error
 *
 * Encodes @node as one CBOR item, turning Rivet's JSON-compat tagged arrays
 * back into the CBOR types they stand for (see the top of this file).
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with @error set
 *   (%ASC_ERROR_PROTOCOL) for nesting deeper than %ASC_CBOR_MAX_DEPTH,
 *   invalid UTF-8 or a malformed tagged array
 */
GBytes *
asc_cbor_encode (JsonNode  *node,
                 GError   **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();

  if (node == NULL)
    write_simple (out, 0xf6);
  else if (!encode_node (out, node, 1, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
