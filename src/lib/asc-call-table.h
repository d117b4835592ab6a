/* asc-call-table.h: the calls a socket client has in flight or waiting
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "asc-client.h"

G_BEGIN_DECLS

typedef struct _AscCallTable AscCallTable;

typedef void (*AscCallSendFunc) (const char *frame,
                                 gpointer    user_data);

AscCallTable *_asc_call_table_new          (AscClient        *client);
void          _asc_call_table_free         (AscCallTable     *self);
void          _asc_call_table_add          (AscCallTable     *self,
                                            GTask            *task,
                                            const char       *id,
                                            const char       *method,
                                            char             *frame);
void          _asc_call_table_send_waiting (AscCallTable     *self,
                                            AscCallSendFunc   send,
                                            gpointer          user_data);
const char   *_asc_call_table_get_method   (AscCallTable     *self,
                                            const char       *id);
gboolean      _asc_call_table_settle       (AscCallTable     *self,
                                            const char       *id,
                                            JsonNode         *result,
                                            GError           *error);
void          _asc_call_table_fail_sent    (AscCallTable     *self,
                                            const char       *reason);
void          _asc_call_table_fail_waiting (AscCallTable     *self,
                                            const GError     *error);
guint         _asc_call_table_get_n_calls  (AscCallTable     *self);

G_END_DECLS
