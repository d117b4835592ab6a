/* asc-catalog-load.c: reading a catalog from a file or an http(s) URL
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-catalog"

#include "config.h"

#include "asc-catalog-private.h"

#include "asc-error.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

static gboolean
is_http (const char *location)
{
  const char *scheme = g_uri_peek_scheme (location);

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/* Parses what arrived, naming @location in any error. */
static void
return_catalog (GTask  *task,
                GBytes *bytes)
{
  const char *location = g_task_get_task_data (task);
  GError *error = NULL;
  AscCatalog *catalog;

  catalog = _asc_catalog_new_from_bytes (bytes, location, &error);
  if (catalog == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalog, g_object_unref);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    return_catalog (task, bytes);
}

/* The status of a failed download, as an ASC_ERROR code. */
static AscError
status_code (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      return ASC_ERROR_NOT_FOUND;
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return ASC_ERROR_FORBIDDEN;
    default:
      return ASC_ERROR_REMOTE;
    }
}

static void
http_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *location = g_task_get_task_data (task);
  SoupSession *session = SOUP_SESSION (object);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message;
  guint status;

  bytes = soup_session_send_and_read_finish (session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (bytes == NULL)
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_CONNECT,
                               _("Could not download the catalog %s: %s"),
                               location, error->message);
      return;
    }

  message = soup_session_get_async_result_message (session, result);
  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, ASC_ERROR, status_code (status),
                               _("Could not download the catalog %s: HTTP %u %s"),
                               location, status, soup_message_get_reason_phrase (message));
      return;
    }

  return_catalog (task, bytes);
}

static void
load_http (GTask *task)
{
  const char *location = g_task_get_task_data (task);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;

  message = soup_message_new (SOUP_METHOD_GET, location);
  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a URL a catalog can be downloaded from"),
                               location);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  /* The request keeps its session alive until it completes. */
  session = soup_session_new_with_options ("user-agent", "Actorscope/" PACKAGE_VERSION, NULL);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), http_loaded_cb, task);
}

/**
 * asc_catalog_load_async:
 * @location: an http(s) URL, a file URI or a file path
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads a catalog without blocking: a URL is downloaded, anything else is
 * read as a file (relative paths from the current folder).
 */
void
asc_catalog_load_async (const char          *location,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GFile) file = NULL;
  GTask *task;

  g_return_if_fail (location != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_catalog_load_async);
  g_task_set_task_data (task, g_strdup (location), g_free);

  if (is_http (location))
    {
      load_http (task);
      return;
    }

  file = g_file_new_for_commandline_arg (location);
  g_file_load_bytes_async (file, cancellable, file_loaded_cb, task);
}

/**
 * asc_catalog_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes asc_catalog_load_async(). Its errors name the location: JSON
 * syntax errors and wrong members as for asc_catalog_new_from_file(); a
 * file that cannot be read gives its #GIOError; a download that fails is
 * %ASC_ERROR_CONNECT when the server could not be reached and otherwise
 * names the HTTP status (`Could not download the catalog URL: HTTP 404
 * Not Found`), as %ASC_ERROR_NOT_FOUND, %ASC_ERROR_FORBIDDEN or
 * %ASC_ERROR_REMOTE.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
AscCatalog *
asc_catalog_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, asc_catalog_load_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
