/* asc-rivet-engine-create.c: creating actors, and getting or creating them
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-cbor.h"
#include "asc-error.h"
#include "asc-rivet-private.h"

/* What a local engine and the JavaScript client use. */
#define RUNNER_NAME "default"
#define CRASH_POLICY "sleep"
#define MAX_CREATE_ATTEMPTS 3

static void
return_info (GTask             *task,
             AscRivetActorInfo *info,
             GError            *error)
{
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, g_object_unref);
}

/* Creation input travels as base64 of its CBOR encoding. */
static JsonNode *
creation_body (const char  *name,
               const char  *key,
               JsonNode    *input,
               GError     **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GBytes) cbor = NULL;
  g_autofree char *base64 = NULL;

  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "key", key);
  json_object_set_string_member (body, "runner_name_selector", RUNNER_NAME);
  json_object_set_string_member (body, "crash_policy", CRASH_POLICY);

  if (input != NULL)
    {
      cbor = asc_cbor_encode (input, error);
      if (cbor == NULL)
        return NULL;
      base64 = g_base64_encode (g_bytes_get_data (cbor, NULL), g_bytes_get_size (cbor));
      json_object_set_string_member (body, "input", base64);
    }

  return json_node_init_object (json_node_alloc (), body);
}

typedef struct
{
  const char *method;
  char       *name;
  char       *key;
  JsonNode   *body;
  GError     *lost_race;
  guint       attempts;
  gboolean    created;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->name);
  g_free (data->key);
  g_clear_pointer (&data->body, json_node_unref);
  g_clear_error (&data->lost_race);
  g_free (data);
}

static void send_creation (GTask *task);

/* The engine sometimes answers a create for a key that is taken with
 * `actor.destroyed_during_creation` rather than `actor.duplicate_key`: it
 * made a new actor, found the key taken and destroyed it again. */
static gboolean
lost_key_race (const GError *error)
{
  JsonNode *details = asc_error_get_details (error);

  return details != NULL && JSON_NODE_HOLDS_OBJECT (details) &&
         g_strcmp0 (_asc_rivet_json_get_string (json_node_get_object (details), "code"),
                    "destroyed_during_creation") == 0;
}

/* The error the engine gives when it notices the duplicate in time. */
static GError *
duplicate_key_error (CreateData        *data,
                     AscRivetActorInfo *existing)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) metadata = json_object_new ();
  const char *id = asc_rivet_actor_info_get_id (existing);
  g_autofree char *message = g_strdup_printf ("Actor key '%s' already in use for actor '%s'",
                                              data->key, id);

  json_object_set_string_member (metadata, "existing_actor_id", id);
  json_object_set_string_member (metadata, "key", data->key);
  json_object_set_string_member (body, "group", "actor");
  json_object_set_string_member (body, "code", "duplicate_key");
  json_object_set_string_member (body, "message", message);
  json_object_set_object_member (body, "metadata", g_steal_pointer (&metadata));

  return _asc_rivet_error_from_json (body);
}

static void
existing_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(AscRivetActorInfo) existing = NULL;

  found = asc_rivet_engine_list_actors_finish (ASC_RIVET_ENGINE (object), result, NULL, NULL);
  if (found == NULL || g_list_model_get_n_items (found) == 0)
    {
      g_task_return_error (task, g_steal_pointer (&data->lost_race));
      return;
    }

  existing = g_list_model_get_item (found, 0);
  g_task_return_error (task, duplicate_key_error (data, existing));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  JsonObject *answer;
  JsonObject *actor = NULL;
  JsonNode *flag;

  answer = _asc_rivet_engine_send_finish_object (ASC_RIVET_ENGINE (object), result, &root, &error);
  if (answer == NULL && lost_key_race (error) && data->attempts < MAX_CREATE_ATTEMPTS)
    {
      g_debug ("Creating %s “%s” raced with another creation", data->name, data->key);
      g_clear_error (&data->lost_race);
      data->lost_race = error;
      /* Getting it will work now; creating it never will. */
      if (g_str_equal (data->method, SOUP_METHOD_PUT))
        send_creation (g_steal_pointer (&task));
      else
        asc_rivet_engine_list_actors_async (ASC_RIVET_ENGINE (object), data->name, data->key,
                                            1, NULL, FALSE, cancellable,
                                            existing_cb, g_steal_pointer (&task));
      return;
    }

  if (answer != NULL && (actor = _asc_rivet_json_get_object (answer, "actor")) == NULL)
    error = _asc_rivet_missing_member_error ("actor");

  /* POST, which only creates, does not say so. */
  flag = answer != NULL ? json_object_get_member (answer, "created") : NULL;
  data->created = flag == NULL || (json_node_get_value_type (flag) == G_TYPE_BOOLEAN &&
                                   json_node_get_boolean (flag));

  return_info (task, actor != NULL ? asc_rivet_actor_info_new_from_json (actor, &error) : NULL,
               error);
}

static void
send_creation (GTask *task)
{
  AscRivetEngine *self = g_task_get_source_object (task);
  CreateData *data = g_task_get_task_data (task);
  g_autoptr(GString) query = _asc_rivet_engine_new_query (self);
  g_autoptr(SoupMessage) message = NULL;

  data->attempts++;
  message = _asc_rivet_engine_new_message (self, data->method, "/actors", query, data->body);
  _asc_rivet_engine_send_async (self, message, g_task_get_cancellable (task), created_cb, task);
}

static void
create_async (AscRivetEngine      *self,
              const char          *method,
              const char          *name,
              const char          *key,
              JsonNode            *input,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  GTask *task;
  CreateData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  data = g_new0 (CreateData, 1);
  data->method = method;
  data->name = g_strdup (name);
  data->key = g_strdup (key);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);

  data->body = creation_body (name, key, input, &error);
  if (data->body == NULL)
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_VALIDATION,
                               _("The creation input cannot be sent: %s"), error->message);
      g_object_unref (task);
      return;
    }

  send_creation (task);
}

/**
 * asc_rivet_engine_get_or_create_actor_async:
 * @name: the actor type
 * @key: the key, as the engine stores it (see asc_rivet_key_serialize())
 * @input: (nullable): the creation input, used only if the actor is created
 *
 * Finds the actor of type @name with @key, creating it if there is none.
 */
void
asc_rivet_engine_get_or_create_actor_async (AscRivetEngine      *self,
                                            const char          *name,
                                            const char          *key,
                                            JsonNode            *input,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (key != NULL);

  create_async (self, SOUP_METHOD_PUT, name, key, input,
                asc_rivet_engine_get_or_create_actor_async,
                cancellable, callback, user_data);
}

/**
 * asc_rivet_engine_get_or_create_actor_finish:
 * @created: (out) (optional): whether the actor was created just now
 *
 * Returns: (transfer full): the actor
 */
AscRivetActorInfo *
asc_rivet_engine_get_or_create_actor_finish (AscRivetEngine  *self,
                                             GAsyncResult    *result,
                                             gboolean        *created,
                                             GError         **error)
{
  AscRivetActorInfo *info;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  info = g_task_propagate_pointer (G_TASK (result), error);
  if (created != NULL)
    *created = info != NULL && ((CreateData *) g_task_get_task_data (G_TASK (result)))->created;

  return info;
}

/**
 * asc_rivet_engine_create_actor_async:
 * @name: the actor type
 * @key: the key, as the engine stores it (see asc_rivet_key_serialize())
 * @input: (nullable): the creation input
 *
 * Creates an actor. If one with @key exists, this fails with the engine's
 * `actor.duplicate_key` error (%ASC_ERROR_REMOTE), whose details hold the
 * existing actor's id in `metadata.existing_actor_id`.
 */
void
asc_rivet_engine_create_actor_async (AscRivetEngine      *self,
                                     const char          *name,
                                     const char          *key,
                                     JsonNode            *input,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (key != NULL);

  create_async (self, SOUP_METHOD_POST, name, key, input,
                asc_rivet_engine_create_actor_async,
                cancellable, callback, user_data);
}

/**
 * asc_rivet_engine_create_actor_finish:
 *
 * Returns: (transfer full): the new actor
 */
AscRivetActorInfo *
asc_rivet_engine_create_actor_finish (AscRivetEngine  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
