/* asc-json-diff.h: JSON comparison and RFC 6902 diffs
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-error.h"

G_BEGIN_DECLS

JsonNode *asc_json_diff  (JsonNode *from,
                          JsonNode *to);
gboolean  asc_json_equal (JsonNode *a,
                          JsonNode *b);
JsonNode *asc_json_copy  (JsonNode *node);

G_END_DECLS
