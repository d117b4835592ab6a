/* asc-throttled-list.h: a list model that passes on changes at most once a frame
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASC_TYPE_THROTTLED_LIST (asc_throttled_list_get_type ())

G_DECLARE_FINAL_TYPE (AscThrottledList, asc_throttled_list, ASC, THROTTLED_LIST, GObject)

AscThrottledList *asc_throttled_list_new       (GListModel       *source,
                                                guint             interval_ms);
GListModel       *asc_throttled_list_get_source (AscThrottledList *self);
void              asc_throttled_list_flush     (AscThrottledList *self);

G_END_DECLS
