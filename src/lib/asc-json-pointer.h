/* asc-json-pointer.h: RFC 6901 JSON pointers
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-error.h"

G_BEGIN_DECLS

char     **asc_json_pointer_parse       (const char         *pointer,
                                         GError            **error);
char      *asc_json_pointer_format      (const char * const *tokens);
char      *asc_json_pointer_append      (const char         *pointer,
                                         const char         *token);
char      *asc_json_pointer_escape      (const char         *token);
void       asc_json_pointer_add_token   (GString            *pointer,
                                         const char         *token);
JsonNode  *asc_json_pointer_resolve     (JsonNode           *document,
                                         const char         *pointer,
                                         GError            **error);
gboolean   asc_json_pointer_parse_index (const char         *token,
                                         guint               length,
                                         gboolean            allow_end,
                                         guint              *index,
                                         GError            **error);
JsonNode  *asc_json_pointer_get_child   (JsonNode           *node,
                                         const char         *token,
                                         GError            **error);

G_END_DECLS
