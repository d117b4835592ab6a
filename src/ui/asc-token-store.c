/* asc-token-store.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-token-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "asc-token-store.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    BASE_ID ".Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * asc_token_store_save_async:
 * @server: the server's address, the key of the secret
 * @token: the token; an empty one removes the stored token
 */
void
asc_token_store_save_async (const char          *server,
                            const char          *token,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *label = g_strdup_printf (_("Actorscope token for %s"), server);

  if (token == NULL || token[0] == '\0')
    secret_password_clear (token_schema (), cancellable, callback, user_data,
                           "server", server, NULL);
  else
    secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                           cancellable, callback, user_data, "server", server, NULL);
}

gboolean
asc_token_store_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  /* Both store and clear finish the same way. */
  return secret_password_store_finish (result, error);
}

void
asc_token_store_lookup_async (const char          *server,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  secret_password_lookup (token_schema (), cancellable, callback, user_data,
                          "server", server, NULL);
}

/**
 * asc_token_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the stored token, or %NULL
 */
char *
asc_token_store_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  return secret_password_lookup_finish (result, error);
}
