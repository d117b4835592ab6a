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
 * A tagged array with a malformed payload (a $BigInt that is not a decimal
 * integer, a $Uint8Array that is not base64) is an error rather than a
 * silent plain array, since it almost certainly was meant as the tag.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <cbor.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-cbor.h"
#include "asc-cbor-private.h"
#include "asc-error.h"

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
    return encode_failed (error, _("a $BigInt that is not a decimal integer of sane length"));

  write_head (out, cbor_encode_tag,
              negative ? ASC_CBOR_TAG_NEGATIVE_BIGNUM : ASC_CBOR_TAG_POSITIVE_BIGNUM);
  write_head (out, write_bytes_head, magnitude->len);
  g_byte_array_append (out, magnitude->data, magnitude->len);
  return TRUE;
}

/* Standard base64 as JavaScript writes it; the padding may be left out. */
static gboolean
is_base64 (const char *text)
{
  gsize length = strlen (text);
  gsize body = strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  gsize padding = strspn (text + body, "=");

  if (body + padding != length || padding > 2)
    return FALSE;
  if (padding > 0)
    return length % 4 == 0;

  return length % 4 != 1;
}

static gboolean
encode_bytes (GByteArray  *out,
              const char  *text,
              GError     **error)
{
  g_autoptr(GString) padded = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize length = 0;

  if (!is_base64 (text))
    return encode_failed (error, _("a $Uint8Array that is not base64"));

  padded = g_string_new (text);
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  if (padded->len > 0)
    bytes = g_base64_decode (padded->str, &length);

  write_head (out, write_bytes_head, length);
  if (length > 0)
    g_byte_array_append (out, bytes, length);
  return TRUE;
}

/* Returns the tag name when @array is ["$Something", payload]. */
static const char *
compat_tag (JsonArray *array)
{
  JsonNode *first;

  if (json_array_get_length (array) != 2)
    return NULL;

  first = json_array_get_element (array, 0);
  if (!JSON_NODE_HOLDS_VALUE (first) || json_node_get_value_type (first) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (first);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Encodes a JSON-compat tagged array; *@handled says whether it was one. */
static gboolean
encode_compat (GByteArray  *out,
               JsonArray   *array,
               guint        depth,
               gboolean    *handled,
               GError     **error)
{
  const char *tag = compat_tag (array);
  JsonNode *payload = tag != NULL ? json_array_get_element (array, 1) : NULL;

  *handled = TRUE;
  if (g_strcmp0 (tag, ASC_CBOR_COMPAT_BIGINT) == 0 && node_is_string (payload))
    return encode_bigint (out, json_node_get_string (payload), error);
  if ((g_strcmp0 (tag, ASC_CBOR_COMPAT_UINT8ARRAY) == 0 ||
       g_strcmp0 (tag, ASC_CBOR_COMPAT_ARRAYBUFFER) == 0) && node_is_string (payload))
    return encode_bytes (out, json_node_get_string (payload), error);
  if (g_strcmp0 (tag, ASC_CBOR_COMPAT_UNDEFINED) == 0)
    {
      write_simple (out, 0xf7);
      return TRUE;
    }
  if (g_strcmp0 (tag, ASC_CBOR_COMPAT_SET) == 0 && JSON_NODE_HOLDS_ARRAY (payload))
    {
      write_head (out, cbor_encode_tag, ASC_CBOR_TAG_SET);
      return encode_node (out, payload, depth + 1, error);
    }

  *handled = FALSE;
  return TRUE;
}

static gboolean
encode_array (GByteArray  *out,
              JsonArray   *array,
              guint        depth,
              GError     **error)
{
  guint length = json_array_get_length (array);
  gboolean handled;

  if (!encode_compat (out, array, depth, &handled, error))
    return FALSE;
  if (handled)
    return TRUE;

  write_head (out, write_array_head, length);
  for (guint i = 0; i < length; i++)
    if (!encode_node (out, json_array_get_element (array, i), depth + 1, error))
      return FALSE;

  return TRUE;
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
      return encode_array (out, json_node_get_array (node), depth, error);
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
