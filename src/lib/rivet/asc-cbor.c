/* asc-cbor.c: CBOR bytes to JsonNode
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on libcbor's streaming decoder, which reports one item head per call
 * and never recurses; asc-cbor-tree.c assembles the items on an explicit
 * stack. (cbor_load() recurses once per nesting level, so deep input would
 * exhaust the C stack before any depth limit could be checked.)
 *
 * What the JavaScript values become, following Rivet's JSON-compat encoding:
 *   integers in the int64 range    JSON integers
 *   integers beyond it, tags 2/3   ["$BigInt","<decimal>"]
 *   half, single, double floats    JSON doubles; NaN and ±Infinity become null
 *   byte strings                   ["$Uint8Array","<base64>"]
 *   undefined                      ["$Undefined",0]
 *   tag 258 around an array        ["$Set",[...]]
 *   other tags                     their content
 *   map keys that are not text     their JSON text
 * Tagged arrays that arrive as CBOR arrays are ordinary arrays and pass through.
 * asc-rivet-values.c builds the tagged arrays.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <cbor.h>
#include <glib/gi18n-lib.h>

#include "asc-cbor.h"
#include "asc-cbor-private.h"
#include "asc-rivet-values.h"

static void
on_uint64 (void     *context,
           uint64_t  value)
{
  g_autofree char *text = NULL;

  if (value <= G_MAXINT64)
    {
      _asc_cbor_emit_int (context, (gint64) value);
      return;
    }

  text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  _asc_cbor_emit (context, asc_rivet_value_new_bigint (text));
}

static void
on_uint32 (void     *context,
           uint32_t  value)
{
  _asc_cbor_emit_int (context, value);
}

static void
on_uint16 (void     *context,
           uint16_t  value)
{
  _asc_cbor_emit_int (context, value);
}

static void
on_uint8 (void    *context,
          uint8_t  value)
{
  _asc_cbor_emit_int (context, value);
}

/* A negative integer arrives as n, meaning -1 - n. */
static void
on_negint64 (void     *context,
             uint64_t  value)
{
  g_autofree char *text = NULL;

  if (value <= G_MAXINT64)
    {
      _asc_cbor_emit_int (context, -1 - (gint64) value);
      return;
    }

  if (value == G_MAXUINT64)
    text = g_strdup ("-18446744073709551616");
  else
    text = g_strdup_printf ("-%" G_GUINT64_FORMAT, value + 1);
  _asc_cbor_emit (context, asc_rivet_value_new_bigint (text));
}

static void
on_negint32 (void     *context,
             uint32_t  value)
{
  _asc_cbor_emit_int (context, -1 - (gint64) value);
}

static void
on_negint16 (void     *context,
             uint16_t  value)
{
  _asc_cbor_emit_int (context, -1 - (gint64) value);
}

static void
on_negint8 (void    *context,
            uint8_t  value)
{
  _asc_cbor_emit_int (context, -1 - (gint64) value);
}

static void
on_bytes (void      *context,
          cbor_data  data,
          size_t     length)
{
  _asc_cbor_add_chunk (context, ASC_CBOR_FRAME_BYTES, data, length);
}

static void
on_text (void      *context,
         cbor_data  data,
         size_t     length)
{
  _asc_cbor_add_chunk (context, ASC_CBOR_FRAME_TEXT, data, length);
}

static void
on_bytes_start (void *context)
{
  _asc_cbor_start_string (context, ASC_CBOR_FRAME_BYTES);
}

static void
on_text_start (void *context)
{
  _asc_cbor_start_string (context, ASC_CBOR_FRAME_TEXT);
}

static void
on_array_start (void   *context,
                size_t  size)
{
  _asc_cbor_start_container (context, ASC_CBOR_FRAME_ARRAY, FALSE, size);
}

static void
on_indef_array_start (void *context)
{
  _asc_cbor_start_container (context, ASC_CBOR_FRAME_ARRAY, TRUE, 0);
}

static void
on_map_start (void   *context,
              size_t  size)
{
  _asc_cbor_start_container (context, ASC_CBOR_FRAME_MAP, FALSE, size);
}

static void
on_indef_map_start (void *context)
{
  _asc_cbor_start_container (context, ASC_CBOR_FRAME_MAP, TRUE, 0);
}

static void
on_tag (void     *context,
        uint64_t  value)
{
  _asc_cbor_start_tag (context, value);
}

static void
on_float (void  *context,
          float  value)
{
  _asc_cbor_emit_double (context, value);
}

static void
on_double (void   *context,
           double  value)
{
  _asc_cbor_emit_double (context, value);
}

static void
on_undefined (void *context)
{
  _asc_cbor_emit (context, asc_rivet_value_new_undefined ());
}

static void
on_null (void *context)
{
  _asc_cbor_emit (context, json_node_new (JSON_NODE_NULL));
}

static void
on_boolean (void *context,
            bool  value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  _asc_cbor_emit (context, node);
}

static void
on_break (void *context)
{
  _asc_cbor_end_indefinite (context);
}

/* libcbor 0.8 documents some members the wrong way round: byte_string and
 * string receive definite strings, *_start the indefinite ones. Every
 * member is set: a NULL one would be called. */
static const struct cbor_callbacks callbacks = {
  .uint8 = on_uint8,
  .uint16 = on_uint16,
  .uint32 = on_uint32,
  .uint64 = on_uint64,
  .negint8 = on_negint8,
  .negint16 = on_negint16,
  .negint32 = on_negint32,
  .negint64 = on_negint64,
  .byte_string_start = on_bytes_start,
  .byte_string = on_bytes,
  .string = on_text,
  .string_start = on_text_start,
  .indef_array_start = on_indef_array_start,
  .array_start = on_array_start,
  .indef_map_start = on_indef_map_start,
  .map_start = on_map_start,
  .tag = on_tag,
  .float2 = on_float,
  .float4 = on_float,
  .float8 = on_double,
  .undefined = on_undefined,
  .null = on_null,
  .boolean = on_boolean,
  .indef_break = on_break,
};

/* One item head per call; the tree builder records any error. */
static void
decode_items (AscCborDecoder *dec,
              const guint8   *data)
{
  while (dec->root == NULL && dec->error == NULL)
    {
      struct cbor_decoder_result result;

      if (dec->offset >= dec->length)
        {
          _asc_cbor_fail (dec, _("truncated input"));
          return;
        }

      /* libcbor 0.8 refuses the one-byte heads of tags 6 to 20, valid CBOR. */
      if (data[dec->offset] >= 0xc6 && data[dec->offset] <= 0xd4)
        {
          _asc_cbor_start_tag (dec, data[dec->offset] - 0xc0);
          if (dec->error == NULL)
            dec->offset++;
          continue;
        }

      result = cbor_stream_decode (data + dec->offset, dec->length - dec->offset,
                                   &callbacks, dec);
      if (result.status == CBOR_DECODER_NEDATA)
        _asc_cbor_fail (dec, _("truncated item"));
      else if (result.status != CBOR_DECODER_FINISHED)
        _asc_cbor_fail (dec, _("malformed or unsupported item"));
      else if (dec->error == NULL)
        dec->offset += result.read;
    }
}

/**
 * asc_cbor_decode:
 * @data: (array length=length) (nullable): one CBOR item
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Decodes exactly one CBOR item into JSON, mapping the types JSON lacks to
 * Rivet's JSON-compat tagged arrays (see the top of this file). Nesting
 * deeper than %ASC_CBOR_MAX_DEPTH, truncation, malformed or reserved heads,
 * invalid UTF-8 and trailing bytes are errors that name their byte offset.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error set
 *   (%ASC_ERROR_PROTOCOL)
 */
JsonNode *
asc_cbor_decode (const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  AscCborDecoder dec;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  _asc_cbor_decoder_init (&dec, length);
  decode_items (&dec, data);
  if (dec.error == NULL && dec.offset < length)
    _asc_cbor_fail (&dec, _("%zu unexpected trailing bytes"), length - dec.offset);

  if (dec.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&dec.error));
      _asc_cbor_decoder_clear (&dec);
      return NULL;
    }

  root = g_steal_pointer (&dec.root);
  _asc_cbor_decoder_clear (&dec);
  return root;
}
