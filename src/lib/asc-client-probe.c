/* asc-client-probe.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-client-probe.h"
#include "asc-error.h"
#include "rivet/asc-rivet-engine.h"

/* A probe answers quickly or not at all. */
#define PROBE_TIMEOUT_MS 5000

static gboolean
is_rivet_metadata (JsonObject *metadata)
{
  JsonNode *runtime = json_object_get_member (metadata, "runtime");
  const char *name;

  if (runtime == NULL || json_node_get_value_type (runtime) != G_TYPE_STRING)
    return FALSE;

  /* "engine" from an engine, "rivetkit" from a RivetKit serverless app. */
  name = json_node_get_string (runtime);
  return g_str_equal (name, "engine") || g_str_equal (name, "rivetkit");
}

static void
metadata_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(GError) error = NULL;
  const char *uri = g_task_get_task_data (task);

  metadata = asc_rivet_engine_get_metadata_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (metadata != NULL && is_rivet_metadata (metadata))
    g_task_return_int (task, ASC_CLIENT_KIND_RIVET);
  else if (error != NULL && (error->domain != ASC_ERROR ||
                             error->code == ASC_ERROR_CONNECT ||
                             error->code == ASC_ERROR_TIMEOUT))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_PROTOCOL,
                             _("The server at %s is not a Rivet engine (it does not answer "
                               "/metadata as one); a Zocket server has a ws:// address"),
                             uri);
}

/**
 * asc_client_probe_kind_async:
 * @uri: a server's address
 *
 * Finds out which protocol the server at @uri speaks, for
 * %ASC_CLIENT_KIND_AUTO: a `ws://` or `wss://` address is a Zocket
 * server; at an `http://` or `https://` address, a Rivet engine answers
 * `GET /metadata` with its runtime.
 */
void
asc_client_probe_kind_async (const char          *uri,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(AscRivetEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  const char *scheme;

  g_return_if_fail (uri != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_client_probe_kind_async);
  g_task_set_task_data (task, g_strdup (uri), g_free);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, &error);
  scheme = parsed != NULL ? g_uri_get_scheme (parsed) : NULL;
  if (parsed == NULL)
    g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_CONNECT, "%s", error->message);
  else if (g_str_equal (scheme, "ws") || g_str_equal (scheme, "wss"))
    g_task_return_int (task, ASC_CLIENT_KIND_ZOCKET);
  else if (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https"))
    g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_CONNECT,
                             _("“%s” is neither an http:// address (a Rivet engine) nor a "
                               "ws:// one (a Zocket server)"), uri);
  else
    {
      engine = asc_rivet_engine_new (uri);
      asc_rivet_engine_set_timeout (engine, PROBE_TIMEOUT_MS);
      asc_rivet_engine_get_metadata_async (engine, cancellable, metadata_cb,
                                           g_steal_pointer (&task));
    }
}

/**
 * asc_client_probe_kind_finish:
 *
 * Returns: %ASC_CLIENT_KIND_RIVET or %ASC_CLIENT_KIND_ZOCKET; or
 *   %ASC_CLIENT_KIND_AUTO with @error set: %ASC_ERROR_CONNECT or
 *   %ASC_ERROR_TIMEOUT when the server could not be reached,
 *   %ASC_ERROR_PROTOCOL when it is neither
 */
AscClientKind
asc_client_probe_kind_finish (GAsyncResult  *result,
                              GError       **error)
{
  gssize kind;

  g_return_val_if_fail (g_task_is_valid (result, NULL), ASC_CLIENT_KIND_AUTO);

  kind = g_task_propagate_int (G_TASK (result), error);
  return kind < 0 ? ASC_CLIENT_KIND_AUTO : (AscClientKind) kind;
}
