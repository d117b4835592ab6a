/* asc-window-connect.c: from a server config to a live session
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

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
catalog_loaded (Connecting   *connecting,
                GBytes       *bytes,
                const GError *load_error)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gsize length;
  const char *data;

  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      catalog = asc_catalog_new_from_data (data, length, &error);
    }

  if (catalog == NULL)
    {
      message = g_strdup_printf (_("The catalog %s could not be used (%s); connected without it"),
                                 connecting->config->catalog,
                                 load_error != NULL ? load_error->message : error->message);
      asc_window_toast (connecting->window, message);
    }

  finish_connect (connecting, catalog);
}

static void
catalog_downloaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Connecting) connecting = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  if (bytes != NULL && message != NULL && soup_message_get_status (message) >= 400)
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u %s",
                           soup_message_get_status (message),
                           soup_message_get_reason_phrase (message));
    }

  catalog_loaded (connecting, bytes, error);
  g_object_unref (object);
}

static void
catalog_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Connecting) connecting = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  catalog_loaded (connecting, bytes, error);
}

static void
load_catalog (Connecting *connecting)
{
  const char *location = connecting->config->catalog;

  if (g_str_has_prefix (location, "http://") || g_str_has_prefix (location, "https://"))
    {
      SoupSession *session = soup_session_new_with_options ("timeout", 15, NULL);
      g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, location);

      if (message == NULL)
        {
          g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                 _("not a valid URL"));

          g_object_unref (session);
          catalog_loaded (connecting, NULL, error);
          connecting_free (connecting);
          return;
        }
      soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                        catalog_downloaded_cb, connecting);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (location);

      g_file_load_bytes_async (file, NULL, catalog_read_cb, connecting);
    }
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

  load_catalog (connecting);
}
