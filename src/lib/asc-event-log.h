/* asc-event-log.h: a bounded, live list of an actor's events
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "asc-event.h"

G_BEGIN_DECLS

#define ASC_TYPE_EVENT_LOG (asc_event_log_get_type ())

G_DECLARE_FINAL_TYPE (AscEventLog, asc_event_log, ASC, EVENT_LOG, GObject)

AscEventLog *asc_event_log_new          (guint         capacity);
void         asc_event_log_append       (AscEventLog  *self,
                                         AscEvent     *event);
void         asc_event_log_flush        (AscEventLog  *self);
void         asc_event_log_clear        (AscEventLog  *self);
guint        asc_event_log_get_capacity (AscEventLog  *self);
void         asc_event_log_set_capacity (AscEventLog  *self,
                                         guint         capacity);
guint64      asc_event_log_get_n_dropped (AscEventLog *self);
guint64      asc_event_log_get_n_appended (AscEventLog *self);
gboolean     asc_event_log_write_json_lines (AscEventLog   *self,
                                             GOutputStream *stream,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
