/* asc-token-store.h: server tokens kept in the keyring, never in settings
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  asc_token_store_save_async   (const char          *server,
                                    const char          *token,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean asc_token_store_save_finish (GAsyncResult      *result,
                                      GError           **error);
void  asc_token_store_lookup_async (const char          *server,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
char *asc_token_store_lookup_finish (GAsyncResult       *result,
                                     GError            **error);

G_END_DECLS
