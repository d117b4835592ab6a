/* asc-rivet-connection-private.h: shared by the client-protocol codecs
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-rivet-connection-protocol.h"

G_BEGIN_DECLS

AscRivetConnectionMessage *
_asc_rivet_connection_message_new (AscRivetConnectionMessageType  type,
                                   const char                    *type_name);

G_END_DECLS
