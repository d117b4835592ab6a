/* asc-client-probe.h: finding out what kind of server an address points to
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-client.h"

G_BEGIN_DECLS

void           asc_client_probe_kind_async   (const char           *uri,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
AscClientKind  asc_client_probe_kind_finish  (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
