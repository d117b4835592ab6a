/* asc-rivet-engine-gateway.c: one actor's KV and its actions over HTTP
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-error.h"
#include "asc-rivet-private.h"
#include "asc-rivet-values.h"
#include "asc-json-text.h"

/* The actor's inspector token is mirrored into its KV under this key. */
#define INSPECTOR_TOKEN_KEY 0x03

static char *
escaped_path (const char *first,
              const char *id,
              const char *rest,
              const char *last)
{
  g_autofree char *escaped_id = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *escaped_last = g_uri_escape_string (last, NULL, FALSE);

  return g_strconcat (first, escaped_id, rest, escaped_last, NULL);
}

static void
kv_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  const char *value = NULL;
  gsize length = 0;
  guchar *data;

  root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    value = _asc_rivet_json_get_string (json_node_get_object (root), "value");
  if (value == NULL)
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_PROTOCOL,
                               _("The Rivet engine’s answer has no “%s”"), "value");
      return;
    }

  data = g_base64_decode (value, &length);
  g_task_return_pointer (task, g_bytes_new_take (data, length), (GDestroyNotify) g_bytes_unref);
}

/**
 * asc_rivet_engine_read_kv_async:
 * @actor_id: the actor's id
 * @key: the raw key
 *
 * Reads one value of an actor's key-value store.
 */
void
asc_rivet_engine_read_kv_async (AscRivetEngine      *self,
                                const char          *actor_id,
                                GBytes              *key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_read_kv_async);

  base64 = g_base64_encode (g_bytes_get_data (key, NULL), g_bytes_get_size (key));
  path = escaped_path ("/actors/", actor_id, "/kv/keys/", base64);
  query = _asc_rivet_engine_new_query (self);
  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, path, query, NULL);
  _asc_rivet_engine_send_async (self, message, cancellable, kv_read_cb, task);
}

/**
 * asc_rivet_engine_read_kv_finish:
 *
 * Returns: (transfer full): the value; %ASC_ERROR_NOT_FOUND when the key
 *   is not set
 */
GBytes *
asc_rivet_engine_read_kv_finish (AscRivetEngine  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
token_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize length;
  const char *data;

  bytes = asc_rivet_engine_read_kv_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || !g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length))
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_PROTOCOL,
                               _("The actor’s inspector token is not text"));
      return;
    }

  g_task_return_pointer (task, g_strndup (data, length), g_free);
}

/**
 * asc_rivet_engine_get_inspector_token_async:
 * @actor_id: the actor's id
 *
 * Reads the actor's own inspector token, which its inspector API takes as
 * a bearer token. The actor writes it on its first start.
 */
void
asc_rivet_engine_get_inspector_token_async (AscRivetEngine      *self,
                                            const char          *actor_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  static const guint8 key_data[] = { INSPECTOR_TOKEN_KEY };
  g_autoptr(GBytes) key = g_bytes_new_static (key_data, sizeof key_data);
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_get_inspector_token_async);
  asc_rivet_engine_read_kv_async (self, actor_id, key, cancellable, token_read_cb, task);
}

/**
 * asc_rivet_engine_get_inspector_token_finish:
 *
 * Returns: (transfer full): the token
 */
char *
asc_rivet_engine_get_inspector_token_finish (AscRivetEngine  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A missing output, or `undefined`, is what a void action returns. */
static JsonNode *
action_output (JsonNode *root)
{
  JsonNode *output = NULL;

  if (JSON_NODE_HOLDS_OBJECT (root))
    output = json_object_get_member (json_node_get_object (root), "output");

  if (output == NULL || asc_rivet_value_get_kind (output) == ASC_RIVET_VALUE_UNDEFINED)
    return json_node_new (JSON_NODE_NULL);

  return json_node_copy (output);
}

static void
action_cb (GObject      *object,
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
    g_task_return_pointer (task, action_output (root), (GDestroyNotify) json_node_unref);
}

static JsonNode *
action_body (JsonNode *args)
{
  g_autoptr(JsonObject) body = json_object_new ();

  if (args != NULL)
    json_object_set_member (body, "args", json_node_copy (args));
  else
    json_object_set_array_member (body, "args", json_array_new ());

  return json_node_init_object (json_node_alloc (), body);
}

/**
 * asc_rivet_engine_call_action_async:
 * @actor_id: the actor's id
 * @action: the action's name
 * @args: (nullable): a JSON array of positional arguments, in JSON-compat
 *   form (see #AscRivetValueKind); %NULL for none
 * @conn_params: (nullable): connection parameters, any JSON value, for the
 *   actor's `onBeforeConnect` and `createConnState`
 *
 * Runs an action once, over a short-lived connection. Like any request
 * through the gateway, it wakes a sleeping actor.
 */
void
asc_rivet_engine_call_action_async (AscRivetEngine      *self,
                                    const char          *actor_id,
                                    const char          *action,
                                    JsonNode            *args,
                                    JsonNode            *conn_params,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *params = NULL;
  SoupMessageHeaders *headers;
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);
  g_return_if_fail (action != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_call_action_async);
  if (args != NULL && !JSON_NODE_HOLDS_ARRAY (args))
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_VALIDATION,
                               _("The arguments of a Rivet action are a JSON array"));
      g_object_unref (task);
      return;
    }

  body = action_body (args);
  path = escaped_path ("/gateway/", actor_id, "/action/", action);
  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_POST, path, NULL, body);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "x-rivet-encoding", "json");
  if (conn_params != NULL)
    {
      params = asc_json_to_text (conn_params);
      soup_message_headers_replace (headers, "x-rivet-conn-params", params);
    }

  _asc_rivet_engine_send_async (self, message, cancellable, action_cb, task);
}

/**
 * asc_rivet_engine_call_action_finish:
 *
 * Returns: (transfer full): the action's output; JSON null when it
 *   returned nothing
 */
JsonNode *
asc_rivet_engine_call_action_finish (AscRivetEngine  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
