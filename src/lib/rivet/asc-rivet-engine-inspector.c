/* asc-rivet-engine-inspector.c: one actor's state over the HTTP inspector
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits go through `PATCH /inspector/state`: the inspector socket's own
 * PatchStateRequest answers as if it worked in RivetKit 2.3.19, but leaves
 * the actor's state as it was.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-error.h"
#include "asc-rivet-private.h"

static SoupMessage *
inspector_state_message (AscRivetEngine *self,
                         const char     *method,
                         const char     *actor_id,
                         const char     *token,
                         JsonNode       *body)
{
  g_autofree char *escaped = g_uri_escape_string (actor_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/gateway/", escaped, "/inspector/state", NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  SoupMessage *message;

  message = _asc_rivet_engine_new_message (self, method, path, NULL, body);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                bearer);
  return message;
}

static void
state_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  JsonNode *state = NULL;

  root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    state = json_object_get_member (json_node_get_object (root), "state");
  if (state == NULL)
    {
      g_task_return_error (task, _asc_rivet_missing_member_error ("state"));
      return;
    }

  g_task_return_pointer (task, json_node_copy (state), (GDestroyNotify) json_node_unref);
}

/**
 * asc_rivet_engine_get_inspector_state_async:
 * @actor_id: the actor's id
 * @token: its inspector token (see asc_rivet_engine_get_inspector_token_async())
 *
 * Reads the actor's live state. Like any request through the gateway, it
 * wakes a sleeping actor.
 */
void
asc_rivet_engine_get_inspector_state_async (AscRivetEngine      *self,
                                            const char          *actor_id,
                                            const char          *token,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(SoupMessage) message = NULL;
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_get_inspector_state_async);
  message = inspector_state_message (self, SOUP_METHOD_GET, actor_id, token, NULL);
  _asc_rivet_engine_send_async (self, message, cancellable, state_read_cb, task);
}

/**
 * asc_rivet_engine_get_inspector_state_finish:
 *
 * Returns: (transfer full): the state
 */
JsonNode *
asc_rivet_engine_get_inspector_state_finish (AscRivetEngine  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
state_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (root == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * asc_rivet_engine_set_inspector_state_async:
 * @actor_id: the actor's id
 * @token: its inspector token
 * @state: the whole new state
 *
 * Replaces the actor's state. The actor's connections see the change as
 * any other; its inspector pushes the new state.
 */
void
asc_rivet_engine_set_inspector_state_async (AscRivetEngine      *self,
                                            const char          *actor_id,
                                            const char          *token,
                                            JsonNode            *state,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (state != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_set_inspector_state_async);
  json_object_set_member (object, "state", json_node_copy (state));
  body = json_node_init_object (json_node_alloc (), object);
  message = inspector_state_message (self, "PATCH", actor_id, token, body);
  _asc_rivet_engine_send_async (self, message, cancellable, state_written_cb, task);
}

gboolean
asc_rivet_engine_set_inspector_state_finish (AscRivetEngine  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
