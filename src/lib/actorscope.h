/* actorscope.h: the one header users of libactorscope include
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define ASC_INSIDE

#include "asc-actor.h"
#include "asc-catalog.h"
#include "asc-client.h"
#include "asc-client-probe.h"
#include "asc-enums.h"
#include "asc-error.h"
#include "asc-event.h"
#include "asc-event-log.h"
#include "asc-field.h"
#include "asc-json-diff.h"
#include "asc-json-patch.h"
#include "asc-json-pointer.h"
#include "asc-json-text.h"
#include "asc-schema.h"
#include "asc-schema-issue.h"
#include "asc-state-change.h"
#include "asc-state-node.h"
#include "asc-state-store.h"
#include "rivet/asc-bare.h"
#include "rivet/asc-cbor.h"
#include "rivet/asc-rivet-actor.h"
#include "rivet/asc-rivet-actor-info.h"
#include "rivet/asc-rivet-client.h"
#include "rivet/asc-rivet-connection-protocol.h"
#include "rivet/asc-rivet-engine.h"
#include "rivet/asc-rivet-inspector-protocol.h"
#include "rivet/asc-rivet-values.h"
#include "zocket/asc-zocket-actor.h"
#include "zocket/asc-zocket-client.h"
#include "zocket/asc-zocket-protocol.h"

#undef ASC_INSIDE
