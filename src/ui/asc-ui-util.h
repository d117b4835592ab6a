/* asc-ui-util.h: small helpers the views share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *asc_format_time_of_day (gint64 microseconds);

G_END_DECLS
