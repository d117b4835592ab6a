/* asc-cbor-tree.c: builds a JsonNode from decoded CBOR items
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decoder in asc-cbor.c reports one item head at a time; this file keeps
 * the open arrays, maps, tags and indefinite-length strings on an explicit
 * stack, so nesting costs heap, not C stack, and is bounded by
 * ASC_CBOR_MAX_DEPTH.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "asc-cbor.h"
#include "asc-cbor-private.h"
#include "asc-error.h"
#include "asc-rivet-values.h"

static void
frame_clear (gpointer data)
{
  AscCborFrame *frame = data;

  g_clear_pointer (&frame->container, json_node_unref);
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->chunks, g_byte_array_unref);
}

void
_asc_cbor_decoder_init (AscCborDecoder *dec,
                        gsize           length)
{
  *dec = (AscCborDecoder) { .length = length };
  dec->stack = g_array_new (FALSE, TRUE, sizeof (AscCborFrame));
  g_array_set_clear_func (dec->stack, frame_clear);
}

void
_asc_cbor_decoder_clear (AscCborDecoder *dec)
{
  g_clear_pointer (&dec->stack, g_array_unref);
  g_clear_pointer (&dec->root, json_node_unref);
  g_clear_error (&dec->error);
}

/* Records the first error only, at the offset of the item being decoded. */
void
_asc_cbor_fail (AscCborDecoder *dec,
                const char     *format,
                ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (dec->error != NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  dec->error = g_error_new (ASC_ERROR, ASC_ERROR_PROTOCOL,
                            _("CBOR: %s at byte %zu"), what, dec->offset);
}

static AscCborFrame *
top_frame (AscCborDecoder *dec)
{
  if (dec->stack->len == 0)
    return NULL;

  return &g_array_index (dec->stack, AscCborFrame, dec->stack->len - 1);
}

/* Pops the top frame, handing its container (if any) to the caller. */
static JsonNode *
pop_frame (AscCborDecoder *dec)
{
  AscCborFrame *frame = top_frame (dec);
  JsonNode *container = g_steal_pointer (&frame->container);

  g_array_set_size (dec->stack, dec->stack->len - 1);
  return container;
}

static gboolean
inside_string (AscCborDecoder *dec)
{
  AscCborFrame *top = top_frame (dec);

  if (top == NULL || (top->kind != ASC_CBOR_FRAME_BYTES && top->kind != ASC_CBOR_FRAME_TEXT))
    return FALSE;

  _asc_cbor_fail (dec, _("item inside an indefinite-length string"));
  return TRUE;
}

/* Takes the frame's contents, or frees them on failure. */
static void
push_frame (AscCborDecoder *dec,
            AscCborFrame   *frame)
{
  if (inside_string (dec))
    {
      frame_clear (frame);
      return;
    }

  if (dec->stack->len >= ASC_CBOR_MAX_DEPTH)
    {
      _asc_cbor_fail (dec, _("nesting deeper than %d levels"), ASC_CBOR_MAX_DEPTH);
      frame_clear (frame);
      return;
    }

  g_array_append_vals (dec->stack, frame, 1);
}

/* A key that is not text becomes its JSON text. Bounded, because each
 * level of maps used as keys would otherwise double the escaping. */
static char *
key_from_node (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_dup_string (node);

  text = json_to_string (node, FALSE);
  if (strlen (text) > ASC_CBOR_MAX_KEY_LENGTH)
    return NULL;

  return g_steal_pointer (&text);
}

static void
add_to_container (AscCborDecoder *dec,
                  AscCborFrame   *frame,
                  JsonNode       *node)
{
  if (frame->kind == ASC_CBOR_FRAME_ARRAY)
    {
      json_array_add_element (json_node_get_array (frame->container), node);
      return;
    }

  if (frame->key == NULL)
    {
      frame->key = key_from_node (node);
      json_node_unref (node);
      if (frame->key == NULL)
        _asc_cbor_fail (dec, _("map key longer than %d bytes as JSON"), ASC_CBOR_MAX_KEY_LENGTH);
      return;
    }

  /* A repeated key keeps its last value, as JavaScript objects do. */
  json_object_set_member (json_node_get_object (frame->container), frame->key, node);
  g_clear_pointer (&frame->key, g_free);
}

/**
 * _asc_cbor_emit:
 * @dec: a decoder
 * @node: (transfer full): a finished item
 *
 * Hands @node to the container it belongs to, then closes every tag and
 * definite container that it completes; the outermost becomes the root.
 */
void
_asc_cbor_emit (AscCborDecoder *dec,
                JsonNode       *node)
{
  AscCborFrame *top;

  while ((top = top_frame (dec)) != NULL)
    {
      if (top->kind == ASC_CBOR_FRAME_TAG)
        {
          gboolean is_set = top->tag == ASC_CBOR_TAG_SET;

          pop_frame (dec);
          if (is_set && JSON_NODE_HOLDS_ARRAY (node))
            {
              g_autoptr(JsonNode) items = node;

              node = asc_rivet_value_new_set (json_node_get_array (items));
            }
          continue;
        }

      if (inside_string (dec))
        {
          json_node_unref (node);
          return;
        }

      add_to_container (dec, top, node);
      if (dec->error != NULL || top->indefinite || --top->remaining > 0)
        return;
      node = pop_frame (dec);
    }

  dec->root = node;
}

void
_asc_cbor_emit_int (AscCborDecoder *dec,
                    gint64          value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  _asc_cbor_emit (dec, node);
}

void
_asc_cbor_emit_double (AscCborDecoder *dec,
                       double          value)
{
  JsonNode *node;

  /* As JSON.stringify does: NaN and the infinities have no JSON form. */
  if (!isfinite (value))
    {
      _asc_cbor_emit (dec, json_node_new (JSON_NODE_NULL));
      return;
    }

  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (node, value);
  _asc_cbor_emit (dec, node);
}

void
_asc_cbor_emit_text (AscCborDecoder *dec,
                     const guint8   *data,
                     gsize           length)
{
  g_autofree char *text = NULL;
  JsonNode *node;

  /* A NUL byte fails this too: a C string cannot carry it. */
  if (!g_utf8_validate_len ((const char *) data, length, NULL))
    {
      _asc_cbor_fail (dec, _("text string is not valid UTF-8 or holds a NUL byte"));
      return;
    }

  /* Not g_strndup(): the chunks of an empty indefinite string may be NULL. */
  text = g_malloc (length + 1);
  if (length > 0)
    memcpy (text, data, length);
  text[length] = '\0';
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  _asc_cbor_emit (dec, node);
}

/* A byte string is a bignum's magnitude inside tag 2 or 3, bytes elsewhere. */
void
_asc_cbor_emit_bytes (AscCborDecoder *dec,
                      const guint8   *data,
                      gsize           length)
{
  AscCborFrame *top = top_frame (dec);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (top != NULL && top->kind == ASC_CBOR_FRAME_TAG &&
      (top->tag == ASC_CBOR_TAG_POSITIVE_BIGNUM || top->tag == ASC_CBOR_TAG_NEGATIVE_BIGNUM))
    {
      gboolean negative = top->tag == ASC_CBOR_TAG_NEGATIVE_BIGNUM;

      if (length > ASC_CBOR_MAX_BIGNUM_BYTES)
        {
          _asc_cbor_fail (dec, _("bignum of more than %d bytes"), ASC_CBOR_MAX_BIGNUM_BYTES);
          return;
        }
      text = _asc_cbor_bignum_to_decimal (data, length, negative);
      pop_frame (dec);
      _asc_cbor_emit (dec, asc_rivet_value_new_bigint (text));
      return;
    }

  bytes = g_bytes_new_static (data, length);
  _asc_cbor_emit (dec, asc_rivet_value_new_bytes (ASC_RIVET_VALUE_UINT8ARRAY, bytes));
}

/* A definite string: a chunk of the open indefinite one, or a whole item. */
void
_asc_cbor_add_chunk (AscCborDecoder   *dec,
                     AscCborFrameKind  kind,
                     const guint8     *data,
                     gsize             length)
{
  AscCborFrame *top = top_frame (dec);

  if (top != NULL && top->kind == kind)
    g_byte_array_append (top->chunks, data, length);
  else if (top != NULL && (top->kind == ASC_CBOR_FRAME_BYTES || top->kind == ASC_CBOR_FRAME_TEXT))
    _asc_cbor_fail (dec, _("string chunk of the wrong type in an indefinite-length string"));
  else if (kind == ASC_CBOR_FRAME_TEXT)
    _asc_cbor_emit_text (dec, data, length);
  else
    _asc_cbor_emit_bytes (dec, data, length);
}

void
_asc_cbor_start_string (AscCborDecoder   *dec,
                        AscCborFrameKind  kind)
{
  AscCborFrame frame = { .kind = kind, .indefinite = TRUE, .chunks = g_byte_array_new () };

  push_frame (dec, &frame);
}

void
_asc_cbor_start_container (AscCborDecoder   *dec,
                           AscCborFrameKind  kind,
                           gboolean          indefinite,
                           guint64           count)
{
  AscCborFrame frame = { .kind = kind, .indefinite = indefinite };
  guint64 per_item = kind == ASC_CBOR_FRAME_MAP ? 2 : 1;

  /* Every item takes at least one byte: refuse counts the input cannot hold. */
  if (!indefinite && count > (dec->length - dec->offset) / per_item)
    {
      _asc_cbor_fail (dec, _("%s declares more items than remain"),
                      kind == ASC_CBOR_FRAME_MAP ? "map" : "array");
      return;
    }

  frame.remaining = count * per_item;
  if (kind == ASC_CBOR_FRAME_MAP)
    {
      frame.container = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (frame.container, json_object_new ());
    }
  else
    {
      frame.container = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (frame.container, json_array_new ());
    }

  if (!indefinite && count == 0)
    _asc_cbor_emit (dec, g_steal_pointer (&frame.container));
  else
    push_frame (dec, &frame);
}

void
_asc_cbor_start_tag (AscCborDecoder *dec,
                     guint64         tag)
{
  AscCborFrame frame = { .kind = ASC_CBOR_FRAME_TAG, .tag = tag };

  push_frame (dec, &frame);
}

/* The break byte closes the innermost indefinite-length item. */
void
_asc_cbor_end_indefinite (AscCborDecoder *dec)
{
  AscCborFrame *top = top_frame (dec);
  g_autoptr(GByteArray) chunks = NULL;
  AscCborFrameKind kind;

  if (top == NULL || !top->indefinite)
    {
      _asc_cbor_fail (dec, _("unexpected break"));
      return;
    }

  if (top->kind == ASC_CBOR_FRAME_MAP && top->key != NULL)
    {
      _asc_cbor_fail (dec, _("map ends between a key and its value"));
      return;
    }

  kind = top->kind;
  if (kind == ASC_CBOR_FRAME_ARRAY || kind == ASC_CBOR_FRAME_MAP)
    {
      _asc_cbor_emit (dec, pop_frame (dec));
      return;
    }

  chunks = g_steal_pointer (&top->chunks);
  pop_frame (dec);
  if (kind == ASC_CBOR_FRAME_TEXT)
    _asc_cbor_emit_text (dec, chunks->data, chunks->len);
  else
    _asc_cbor_emit_bytes (dec, chunks->data, chunks->len);
}
