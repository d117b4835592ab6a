/* asc-rivet-values.h: Rivet actor keys and JSON-compat values; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscRivetValueKind:
 * @ASC_RIVET_VALUE_PLAIN: an ordinary JSON value
 * @ASC_RIVET_VALUE_BIGINT: `["$BigInt", "<decimal digits>"]`
 * @ASC_RIVET_VALUE_UINT8ARRAY: `["$Uint8Array", "<base64>"]`
 * @ASC_RIVET_VALUE_ARRAYBUFFER: `["$ArrayBuffer", "<base64>"]`
 * @ASC_RIVET_VALUE_UNDEFINED: `["$Undefined", 0]`
 * @ASC_RIVET_VALUE_SET: `["$Set", [items…]]`
 * @ASC_RIVET_VALUE_ESCAPED: a two-element array whose first element is a
 *   string starting with `$$`: an ordinary array whose first string had
 *   one `$` less
 * @ASC_RIVET_VALUE_INVALID: a two-element array whose first element starts
 *   with `$` but is no known tag, or a known tag with a malformed value
 *
 * What a JSON value stands for in RivetKit's JSON-compat encoding.
 *
 * JSON cannot carry every JavaScript value, so RivetKit sends some as
 * two-element arrays tagged by a string that starts with `$`. Actorscope
 * keeps them in that form in every #JsonNode (results, arguments, state),
 * which is also how the wire carries them; these helpers recognise, build
 * and display them.
 */
typedef enum
{
  ASC_RIVET_VALUE_PLAIN,
  ASC_RIVET_VALUE_BIGINT,
  ASC_RIVET_VALUE_UINT8ARRAY,
  ASC_RIVET_VALUE_ARRAYBUFFER,
  ASC_RIVET_VALUE_UNDEFINED,
  ASC_RIVET_VALUE_SET,
  ASC_RIVET_VALUE_ESCAPED,
  ASC_RIVET_VALUE_INVALID,
} AscRivetValueKind;

char              *asc_rivet_key_serialize          (const char * const *parts);
char             **asc_rivet_key_deserialize        (const char         *key);

AscRivetValueKind  asc_rivet_value_get_kind         (JsonNode           *node);
gboolean           asc_rivet_value_is_tagged        (JsonNode           *node);
JsonNode          *asc_rivet_value_new_bigint       (const char         *digits);
JsonNode          *asc_rivet_value_new_bigint_int   (gint64              value);
JsonNode          *asc_rivet_value_new_bytes        (AscRivetValueKind   kind,
                                                     GBytes             *bytes);
JsonNode          *asc_rivet_value_new_undefined    (void);
JsonNode          *asc_rivet_value_new_set          (JsonArray          *items);
const char        *asc_rivet_value_get_bigint       (JsonNode           *node);
GBytes            *asc_rivet_value_dup_bytes        (JsonNode           *node);
JsonArray         *asc_rivet_value_get_set_items    (JsonNode           *node);
char              *asc_rivet_value_to_display       (JsonNode           *node);

G_END_DECLS
