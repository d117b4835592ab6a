/* asc-zocket-client.h: an AscClient speaking the Zocket protocol
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-client.h"

G_BEGIN_DECLS

#define ASC_TYPE_ZOCKET_CLIENT (asc_zocket_client_get_type ())

G_DECLARE_FINAL_TYPE (AscZocketClient, asc_zocket_client, ASC, ZOCKET_CLIENT, AscClient)

AscZocketClient *asc_zocket_client_new                  (const char       *uri,
                                                         GError          **error);
const char      *asc_zocket_client_get_client_id        (AscZocketClient  *self);
guint            asc_zocket_client_get_n_protocol_errors (AscZocketClient *self);

G_END_DECLS
