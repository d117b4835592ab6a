/* asc-server-config.h: what the user asks to connect to
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "actorscope.h"

G_BEGIN_DECLS

typedef struct
{
  char          *url;
  AscClientKind  kind;
  char          *namespace;
  char          *token;
  JsonNode      *params;
  char          *catalog;
} AscServerConfig;

AscServerConfig *asc_server_config_new       (void);
void             asc_server_config_free      (AscServerConfig  *self);
char            *asc_server_config_to_json   (AscServerConfig  *self);
AscServerConfig *asc_server_config_from_json (const char       *text);
char            *asc_server_config_check     (AscServerConfig  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscServerConfig, asc_server_config_free)

G_END_DECLS
