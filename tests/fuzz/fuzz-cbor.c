/* fuzz-cbor.c: fuzz target for asc_cbor_decode() and asc_cbor_encode()
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is decoded as one CBOR item. A failure must be a protocol error
 * with a message. A success is encoded back; the encoder may refuse a
 * malformed JSON-compat array that arrived as a plain CBOR array, but when it
 * accepts, decoding and encoding again must give the very same bytes: one
 * trip through JSON normalizes, a second changes nothing.
 *
 * The input is also decoded through an AscCborCache after a copy of it with
 * one byte changed, and the other way round: each must give what a whole
 * decode of the same bytes gives, value or error.
 */

#include "config.h"

#include "asc-cbor.h"
#include "asc-error.h"
#include "fuzz-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
check_failure (gpointer  result,
               GError   *error)
{
  CHECK (result == NULL);
  CHECK (error != NULL && error->domain == ASC_ERROR && error->code == ASC_ERROR_PROTOCOL);
  CHECK (error->message[0] != '\0');
}

/* @bytes decoded through @cache gives what asc_cbor_decode() gives. */
static void
check_cached (AscCborCache *cache,
              GBytes       *bytes)
{
  g_autoptr(JsonNode) cached = NULL;
  g_autoptr(JsonNode) whole = NULL;
  g_autoptr(GError) cached_error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autofree char *cached_text = NULL;
  g_autofree char *whole_text = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  cached = asc_cbor_cache_decode (cache, bytes, &cached_error);
  whole = asc_cbor_decode (data, length, &whole_error);
  CHECK ((cached == NULL) == (whole == NULL));
  if (whole == NULL)
    {
      CHECK (strcmp (cached_error->message, whole_error->message) == 0);
      return;
    }

  CHECK (json_node_is_immutable (cached));
  cached_text = json_to_string (cached, FALSE);
  whole_text = json_to_string (whole, FALSE);
  CHECK (strcmp (cached_text, whole_text) == 0);
}

static void
check_cache (const uint8_t *data,
             size_t         size)
{
  g_autoptr(AscCborCache) cache = asc_cbor_cache_new ();
  g_autoptr(GBytes) original = g_bytes_new (data, size);
  g_autoptr(GBytes) changed = NULL;
  guint8 *copy;

  if (size < 2)
    return;

  copy = g_memdup2 (data, size);
  copy[data[0] % size] ^= data[size - 1] | 1;
  changed = g_bytes_new_take (copy, size);

  check_cached (cache, changed);
  check_cached (cache, original);
  check_cached (cache, changed);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GBytes) reencoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const guint8 *bytes;

  fuzz_make_warnings_fatal ();
  check_cache (data, size);
  value = asc_cbor_decode (data, size, &error);
  if (value == NULL)
    {
      check_failure (value, error);
      return 0;
    }
  CHECK (error == NULL);

  /* Whatever decodes is printable JSON. */
  text = json_to_string (value, FALSE);
  CHECK (text != NULL);

  encoded = asc_cbor_encode (value, &error);
  if (encoded == NULL)
    {
      check_failure (encoded, error);
      return 0;
    }

  bytes = g_bytes_get_data (encoded, &length);
  again = asc_cbor_decode (bytes, length, &error);
  CHECK (again != NULL && error == NULL);
  reencoded = asc_cbor_encode (again, &error);
  CHECK (reencoded != NULL && error == NULL);
  CHECK (g_bytes_equal (encoded, reencoded));

  return 0;
}
