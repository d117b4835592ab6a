/* asc-demo-catalog.h: the demo's own catalog, compiled in
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *asc_demo_catalog_get_json          (void);
JsonObject *asc_demo_catalog_get_method        (const char *actor,
                                                const char *method);

G_END_DECLS
