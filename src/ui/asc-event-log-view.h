/* asc-event-log-view.h: an actor's live event log
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "actorscope.h"

G_BEGIN_DECLS

#define ASC_TYPE_EVENT_LOG_VIEW (asc_event_log_view_get_type ())

G_DECLARE_FINAL_TYPE (AscEventLogView, asc_event_log_view, ASC, EVENT_LOG_VIEW, GtkWidget)

GtkWidget  *asc_event_log_view_new          (void);
AscActor   *asc_event_log_view_get_actor    (AscEventLogView *self);
void        asc_event_log_view_set_actor    (AscEventLogView *self,
                                             AscActor        *actor);
gboolean    asc_event_log_view_get_paused   (AscEventLogView *self);
void        asc_event_log_view_set_paused   (AscEventLogView *self,
                                             gboolean         paused);
guint64     asc_event_log_view_get_n_pending (AscEventLogView *self);
GListModel *asc_event_log_view_get_rows     (AscEventLogView *self);

G_END_DECLS
