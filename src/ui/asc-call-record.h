/* asc-call-record.h: one call made from the Actions page, for its history
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "actorscope.h"

G_BEGIN_DECLS

#define ASC_TYPE_CALL_RECORD (asc_call_record_get_type ())

G_DECLARE_FINAL_TYPE (AscCallRecord, asc_call_record, ASC, CALL_RECORD, GObject)

AscCallRecord *asc_call_record_new           (const char    *method,
                                              JsonNode      *args);
const char    *asc_call_record_get_method    (AscCallRecord *self);
JsonNode      *asc_call_record_get_args      (AscCallRecord *self);
gint64         asc_call_record_get_started   (AscCallRecord *self);
void           asc_call_record_finish        (AscCallRecord *self,
                                              JsonNode      *result,
                                              const GError  *error);
gboolean       asc_call_record_get_finished  (AscCallRecord *self);
gboolean       asc_call_record_get_succeeded (AscCallRecord *self);
double         asc_call_record_get_duration_ms (AscCallRecord *self);
JsonNode      *asc_call_record_get_result    (AscCallRecord *self);
const GError  *asc_call_record_get_error     (AscCallRecord *self);
char          *asc_call_record_dup_summary   (AscCallRecord *self);
GListStore    *asc_call_record_history_for   (AscActor      *actor);

G_END_DECLS
