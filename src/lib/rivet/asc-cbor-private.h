/* asc-cbor-private.h: what the CBOR decoder, tree builder and encoder share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* CBOR tags with a JSON-compat meaning (RFC 8949 §3.4.3; IANA "set"). */
#define ASC_CBOR_TAG_POSITIVE_BIGNUM  2
#define ASC_CBOR_TAG_NEGATIVE_BIGNUM  3
#define ASC_CBOR_TAG_SET              258

typedef enum
{
  ASC_CBOR_FRAME_ARRAY,
  ASC_CBOR_FRAME_MAP,
  ASC_CBOR_FRAME_TAG,
  ASC_CBOR_FRAME_BYTES,
  ASC_CBOR_FRAME_TEXT,
} AscCborFrameKind;

/* One open container, tag or indefinite-length string. */
typedef struct
{
  AscCborFrameKind  kind;
  gboolean          indefinite;
  guint64           remaining;   /* items still due in a definite array or map */
  guint64           tag;
  JsonNode         *container;
  char             *key;         /* a map's key waiting for its value */
  GByteArray       *chunks;      /* an indefinite string's contents so far */
} AscCborFrame;

/* The tree being built: an explicit stack instead of recursion. */
typedef struct
{
  GArray   *stack;               /* of AscCborFrame */
  JsonNode *root;
  gsize     offset;              /* where the item being decoded starts */
  gsize     length;
  GError   *error;
} AscCborDecoder;

void      _asc_cbor_decoder_init       (AscCborDecoder    *dec,
                                        gsize              length);
void      _asc_cbor_decoder_clear      (AscCborDecoder    *dec);
void      _asc_cbor_fail               (AscCborDecoder    *dec,
                                        const char        *format,
                                        ...) G_GNUC_PRINTF (2, 3);
void      _asc_cbor_emit               (AscCborDecoder    *dec,
                                        JsonNode          *node);
void      _asc_cbor_emit_int           (AscCborDecoder    *dec,
                                        gint64             value);
void      _asc_cbor_emit_double        (AscCborDecoder    *dec,
                                        double             value);
void      _asc_cbor_emit_text          (AscCborDecoder    *dec,
                                        const guint8      *data,
                                        gsize              length);
void      _asc_cbor_emit_bytes         (AscCborDecoder    *dec,
                                        const guint8      *data,
                                        gsize              length);
void      _asc_cbor_add_chunk          (AscCborDecoder    *dec,
                                        AscCborFrameKind   kind,
                                        const guint8      *data,
                                        gsize              length);
void      _asc_cbor_start_string       (AscCborDecoder    *dec,
                                        AscCborFrameKind   kind);
void      _asc_cbor_start_container    (AscCborDecoder    *dec,
                                        AscCborFrameKind   kind,
                                        gboolean           indefinite,
                                        guint64            count);
void      _asc_cbor_start_tag          (AscCborDecoder    *dec,
                                        guint64            tag);
void      _asc_cbor_end_indefinite     (AscCborDecoder    *dec);

char     *_asc_cbor_bignum_to_decimal  (const guint8      *bytes,
                                        gsize              length,
                                        gboolean           negative);
gboolean  _asc_cbor_decimal_to_bignum  (const char        *text,
                                        GByteArray        *magnitude,
                                        gboolean          *negative);

G_END_DECLS
