/* asc-schema-issue.h: one way a value fails its JSON Schema
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ASC_TYPE_SCHEMA_ISSUE (asc_schema_issue_get_type ())

G_DECLARE_FINAL_TYPE (AscSchemaIssue, asc_schema_issue, ASC, SCHEMA_ISSUE, GObject)

AscSchemaIssue *asc_schema_issue_new                (const char     *instance_path,
                                                     const char     *schema_path,
                                                     const char     *keyword,
                                                     const char     *message);
const char     *asc_schema_issue_get_instance_path  (AscSchemaIssue *self);
const char     *asc_schema_issue_get_schema_path    (AscSchemaIssue *self);
const char     *asc_schema_issue_get_keyword        (AscSchemaIssue *self);
const char     *asc_schema_issue_get_message        (AscSchemaIssue *self);

G_END_DECLS
