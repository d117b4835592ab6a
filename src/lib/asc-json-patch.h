/* asc-json-patch.h: RFC 6902 JSON patches, with the Zocket quirks
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-error.h"

G_BEGIN_DECLS

/**
 * AscJsonPatchFlags:
 * @ASC_JSON_PATCH_FLAGS_NONE: strict RFC 6902 and RFC 6901
 * @ASC_JSON_PATCH_LENIENT: accept the patches a Zocket server sends, as
 *   Immer produces them. Two things change:
 *
 *   - An `add` or `replace` without `value` means the key was set to
 *     `undefined`: an object member is removed (nothing happens if it is
 *     already absent), and an array element becomes `null`, as
 *     `JSON.stringify()` writes it. Such an op on the whole document is
 *     still an error. Since the server keeps such a member, its next
 *     change is a `replace`: a `replace` with a value of a missing object
 *     member adds it, once neither reading below finds an existing one.
 *   - Paths may hold object keys that were not escaped, so `/map/a/b~c`
 *     can name the member `a/b~c` of `map`. Each path is first read as a
 *     strict RFC 6901 pointer. Only when that fails (a missing member, a
 *     bad index or an invalid `~` escape) is it read again, raw: the text
 *     after the leading `/` is split at every `/` without unescaping, and
 *     at each object the longest run of the remaining segments that, joined
 *     with `/`, names an existing member is taken (greedy, no
 *     backtracking). Arrays take one segment as their index. When no
 *     member matches at the last object of an `add` (or of a value-less
 *     `replace`), the whole remainder becomes the new key. A strict
 *     reading that would add a new member through a path holding `~` is
 *     read raw as well, since Zocket never escapes: `/m/~1` adds the
 *     member `~1`. So new keys holding `/` or `~` work, but a new key whose
 *     first segment names an existing container is read the strict way:
 *     the wire format cannot tell those apart.
 *
 * Flags for asc_json_patch_apply_full().
 */
typedef enum
{
  ASC_JSON_PATCH_FLAGS_NONE = 0,
  ASC_JSON_PATCH_LENIENT    = 1 << 0,
} AscJsonPatchFlags;

gboolean  asc_json_patch_apply      (JsonNode          **document,
                                     JsonNode           *patch,
                                     GError            **error);
gboolean  asc_json_patch_apply_full (JsonNode          **document,
                                     JsonNode           *patch,
                                     AscJsonPatchFlags   flags,
                                     JsonNode          **normalized,
                                     GError            **error);

G_END_DECLS
