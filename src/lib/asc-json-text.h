/* asc-json-text.h: JSON text where json-glib 1.6 gets numbers wrong
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *asc_json_format_double  (double      value,
                                     char        buffer[G_ASCII_DTOSTR_BUF_SIZE]);
char       *asc_json_widen_integers (const char *text,
                                     gsize       length,
                                     gsize      *widened_length);
char       *asc_json_to_text        (JsonNode   *node);

G_END_DECLS
