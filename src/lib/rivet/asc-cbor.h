/* asc-cbor.h: CBOR to and from JsonNode, with Rivet's JSON-compat tags; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * ASC_CBOR_MAX_DEPTH:
 *
 * The deepest nesting of arrays, maps and tags either direction accepts.
 */
#define ASC_CBOR_MAX_DEPTH 1000

/**
 * ASC_CBOR_MAX_BIGNUM_BYTES:
 *
 * The longest bignum magnitude decoded or encoded (about 9,800 digits);
 * converting to decimal costs time quadratic in the length.
 */
#define ASC_CBOR_MAX_BIGNUM_BYTES 4096

/**
 * ASC_CBOR_MAX_KEY_LENGTH:
 *
 * The longest JSON text a map key that is not a string may turn into.
 */
#define ASC_CBOR_MAX_KEY_LENGTH 1024

JsonNode *asc_cbor_decode  (const guint8  *data,
                            gsize          length,
                            GError       **error);
GBytes   *asc_cbor_encode  (JsonNode      *node,
                            GError       **error);

/**
 * AscCborCache:
 *
 * The last item asc_cbor_cache_decode() decoded, to decode the next one
 * against it.
 */
typedef struct _AscCborCache AscCborCache;

AscCborCache *asc_cbor_cache_new    (void);
void          asc_cbor_cache_free   (AscCborCache  *cache);
JsonNode     *asc_cbor_cache_decode (AscCborCache  *cache,
                                     GBytes        *bytes,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscCborCache, asc_cbor_cache_free)

G_END_DECLS
