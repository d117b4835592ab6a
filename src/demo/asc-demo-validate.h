/* asc-demo-validate.h: checks a method's input before it runs
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *asc_demo_validate_input (const char *actor,
                                   const char *method,
                                   JsonNode   *input);

G_END_DECLS
