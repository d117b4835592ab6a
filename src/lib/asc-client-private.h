/* asc-client-private.h: what backends use of AscClient
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-client.h"

G_BEGIN_DECLS

void             _asc_client_set_status          (AscClient     *self,
                                                  AscClientStatus status);
void             _asc_client_set_last_error      (AscClient     *self,
                                                  const GError  *error);

AscActor        *_asc_client_lookup_actor        (AscClient     *self,
                                                  const char    *type_name,
                                                  const char    *key);
gboolean         _asc_client_check_scheme        (const char    *uri,
                                                  const char    *scheme,
                                                  const char    *secure_scheme,
                                                  const char    *server_name,
                                                  GError       **error);

G_END_DECLS
