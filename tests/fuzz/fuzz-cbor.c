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
