/* asc-window-connect.c: from a server config to a live session
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-window-private.h"

typedef struct
{
  AscWindow       *window;
  AscServerConfig *config;
} Connecting;

static void
connecting_free (Connecting *connecting)
{
  g_object_unref (connecting->window);
  asc_server_config_free (connecting->config);
  g_free (connecting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Connecting, connecting_free)

static char *
server_label (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static void
finish_connect (Connecting *connecting,
                AscCatalog *catalog)
{
  AscServerConfig *config = connecting->config;
  g_autoptr(AscClient) client = NULL;
  g_autoptr(AscServerSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = server_label (config->url);

  client = asc_client_new (config->url, config->kind, &error);
  if (client == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot connect: %s"), error->message);

      asc_window_toast (connecting->window, message);
      return;
    }

  if (config->token != NULL && config->token[0] != '\0')
    asc_client_set_token (client, config->token);
  if (config->params != NULL)
    asc_client_set_connection_params (client, config->params);

  session = asc_server_session_new (client, catalog, label);
  asc_window_add_session (connecting->window, session);
  asc_client_open (client);
}

static void
catalog_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Connecting) connecting = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AscCatalog) catalog = asc_catalog_load_finish (result, &error);

  /* A catalog that cannot be used does not stop the connection. */
  if (catalog == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Connected without the catalog: %s"), error->message);

      asc_window_toast (connecting->window, message);
    }

  finish_connect (connecting, catalog);
}

/**
 * asc_window_connect:
 * @config: where to connect; copied
 *
 * Loads the config's catalog if it names one, then adds the server to the
 * sidebar and connects. Failures are said in a toast; a catalog that cannot
 * be loaded does not stop the connection.
 */
void
asc_window_connect (AscWindow       *self,
                    AscServerConfig *config)
{
  Connecting *connecting = g_new0 (Connecting, 1);
  g_autofree char *json = asc_server_config_to_json (config);

  connecting->window = g_object_ref (self);
  connecting->config = asc_server_config_from_json (json);
  connecting->config->token = g_strdup (config->token);

  if (config->catalog == NULL)
    {
      finish_connect (connecting, NULL);
      connecting_free (connecting);
      return;
    }

  asc_catalog_load_async (config->catalog, NULL, catalog_loaded_cb, connecting);
}
