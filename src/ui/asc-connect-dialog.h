/* asc-connect-dialog.h: asks where to connect
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "asc-server-config.h"

G_BEGIN_DECLS

#define ASC_TYPE_CONNECT_DIALOG (asc_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AscConnectDialog, asc_connect_dialog, ASC, CONNECT_DIALOG, AdwWindow)

AscConnectDialog *asc_connect_dialog_new        (GtkWindow        *parent,
                                                 GSettings        *settings);
AscServerConfig  *asc_connect_dialog_dup_config (AscConnectDialog *self);
void              asc_connect_dialog_fill       (AscConnectDialog *self,
                                                 AscServerConfig  *config);
const char       *asc_connect_dialog_get_problem (AscConnectDialog *self);

G_END_DECLS
