/* asc-schema.h: JSON Schema 2020-12 validation
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-error.h"
#include "asc-schema-issue.h"

G_BEGIN_DECLS

#define ASC_TYPE_SCHEMA (asc_schema_get_type ())

G_DECLARE_FINAL_TYPE (AscSchema, asc_schema, ASC, SCHEMA, GObject)

AscSchema          *asc_schema_new                  (JsonNode    *schema,
                                                     GError     **error);
JsonNode           *asc_schema_get_document         (AscSchema   *self);
gboolean            asc_schema_validate             (AscSchema   *self,
                                                     JsonNode    *instance,
                                                     GPtrArray  **issues);
gboolean            asc_schema_validate_to_error    (AscSchema   *self,
                                                     JsonNode    *instance,
                                                     GError     **error);
const char * const *asc_schema_get_unsupported      (AscSchema   *self);
gboolean            asc_schema_keyword_is_supported (const char  *keyword);
JsonNode           *asc_schema_issues_to_details    (GPtrArray   *issues);

G_END_DECLS
