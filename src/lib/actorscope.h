/* actorscope.h: the one header users of libactorscope include
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define ASC_INSIDE

#include "asc-enums.h"
#include "asc-error.h"
#include "asc-json-diff.h"
#include "asc-json-patch.h"
#include "asc-json-pointer.h"
#include "asc-state-change.h"
#include "asc-state-node.h"
#include "asc-state-store.h"

#undef ASC_INSIDE
