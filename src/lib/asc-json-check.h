/* asc-json-check.h: what json-glib accepts and JSON does not
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean _asc_json_holds_only_json (JsonNode *node);

G_END_DECLS
