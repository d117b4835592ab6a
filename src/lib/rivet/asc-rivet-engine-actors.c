/* asc-rivet-engine-actors.c: listing, creating and destroying actors, their
 * KV and their actions
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
/* Without a limit the engine picks one; with one, a short page is the last. */
#define DEFAULT_LIST_LIMIT 100
#define MAX_CREATE_ATTEMPTS 3

typedef AscRivetActorInfo *(*ParseFunc) (JsonObject  *root,
                                         gpointer     data,
                                         GError     **error);

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static GError *
missing_member_error (const char *member)
{
  return g_error_new (ASC_ERROR, ASC_ERROR_PROTOCOL,
                      _("The Rivet engine’s answer has no “%s”"), member);
}

/* Sends @message and hands the answer's object to @callback. */
static void
send_for_object (AscRivetEngine      *self,
                 SoupMessage         *message,
                 GTask               *task,
                 GAsyncReadyCallback  callback)
{
  _asc_rivet_engine_send_async (self, message, g_task_get_cancellable (task), callback, task);
}

static JsonObject *
finish_object (GObject       *object,
               GAsyncResult  *result,
               JsonNode     **root,
               GError       **error)
{
  *root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, error);
  if (*root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (*root))
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The Rivet engine answered with something other than an object"));
      return NULL;
    }

  return json_node_get_object (*root);
}

/* Listing */

static GListStore *
parse_actor_list (JsonArray  *actors,
                  GError    **error)
{
  g_autoptr(GListStore) store = g_list_store_new (ASC_TYPE_RIVET_ACTOR_INFO);

  for (guint i = 0; i < json_array_get_length (actors); i++)
    {
      JsonNode *element = json_array_get_element (actors, i);
      g_autoptr(AscRivetActorInfo) info = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_propagate_error (error, missing_member_error ("actor_id"));
          return NULL;
        }
      info = asc_rivet_actor_info_new_from_json (json_node_get_object (element), error);
      if (info == NULL)
        return NULL;
      g_list_store_append (store, info);
    }

  return g_steal_pointer (&store);
}

typedef struct
{
  char  *cursor;
  guint  limit;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->cursor);
  g_free (data);
}

static void
list_actors_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;
  JsonObject *page;
  JsonArray *actors;
  const char *cursor;

  page = finish_object (object, result, &root, &error);
  actors = page != NULL ? array_member (page, "actors") : NULL;
  if (page != NULL && actors == NULL)
    error = missing_member_error ("actors");
  if (actors != NULL)
    store = parse_actor_list (actors, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cursor = _asc_rivet_json_get_string (object_member (page, "pagination"), "cursor");
  if (json_array_get_length (actors) >= data->limit)
    data->cursor = g_strdup (cursor);
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

/**
 * asc_rivet_engine_list_actors_async:
 * @name: the actor type
 * @key: (nullable): only the actor with this key (as the engine stores it)
 * @limit: the most actors to return; 0 for the default of 100
 * @cursor: (nullable): where the previous page ended
 * @include_destroyed: whether destroyed actors are listed too
 *
 * Lists actors of one type, newest first, one page at a time.
 */
void
asc_rivet_engine_list_actors_async (AscRivetEngine      *self,
                                    const char          *name,
                                    const char          *key,
                                    guint                limit,
                                    const char          *cursor,
                                    gboolean             include_destroyed,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(SoupMessage) message = NULL;
  GTask *task;
  ListData *data;
  char text[16];

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_list_actors_async);
  data = g_new0 (ListData, 1);
  data->limit = limit > 0 ? limit : DEFAULT_LIST_LIMIT;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  query = _asc_rivet_engine_new_query (self);
  _asc_rivet_query_add (query, "name", name);
  if (key != NULL)
    _asc_rivet_query_add (query, "key", key);
  g_snprintf (text, sizeof text, "%u", data->limit);
  _asc_rivet_query_add (query, "limit", text);
  if (cursor != NULL)
    _asc_rivet_query_add (query, "cursor", cursor);
  if (include_destroyed)
    _asc_rivet_query_add (query, "include_destroyed", "true");

  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, "/actors", query, NULL);
  send_for_object (self, message, task, list_actors_cb);
}

/**
 * asc_rivet_engine_list_actors_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): where the next
 *   page starts, or %NULL after the last page
 *
 * Returns: (transfer full): a list of #AscRivetActorInfo
 */
GListModel *
asc_rivet_engine_list_actors_finish (AscRivetEngine  *self,
                                     GAsyncResult    *result,
                                     char           **next_cursor,
                                     GError         **error)
{
  GListModel *model;
  ListData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  model = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (next_cursor != NULL)
    *next_cursor = model != NULL ? g_steal_pointer (&data->cursor) : NULL;

  return model;
}

/* One actor: by id, get-or-create, create */

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

static void
get_actor_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  JsonObject *page;
  JsonArray *actors;
  JsonNode *first;

  page = finish_object (object, result, &root, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  actors = array_member (page, "actors");
  first = actors != NULL && json_array_get_length (actors) > 0
    ? json_array_get_element (actors, 0) : NULL;
  if (actors == NULL || (first != NULL && !JSON_NODE_HOLDS_OBJECT (first)))
    g_task_return_error (task, missing_member_error ("actors"));
  else if (first == NULL)
    g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_NOT_FOUND,
                             _("There is no actor with id %s"),
                             (const char *) g_task_get_task_data (task));
  else
    return_info (task, asc_rivet_actor_info_new_from_json (json_node_get_object (first), &error),
                 error);
}

/**
 * asc_rivet_engine_get_actor_async:
 * @actor_id: the actor's id
 *
 * Looks one actor up by id. Destroyed actors are still found, with the
 * status %ASC_ACTOR_STATUS_DESTROYED.
 */
void
asc_rivet_engine_get_actor_async (AscRivetEngine      *self,
                                  const char          *actor_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(SoupMessage) message = NULL;
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_get_actor_async);
  g_task_set_task_data (task, g_strdup (actor_id), g_free);

  query = _asc_rivet_engine_new_query (self);
  _asc_rivet_query_add (query, "actor_ids", actor_id);
  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, "/actors", query, NULL);
  send_for_object (self, message, task, get_actor_cb);
}

/**
 * asc_rivet_engine_get_actor_finish:
 *
 * Returns: (transfer full): the actor; %ASC_ERROR_NOT_FOUND when there is
 *   none with that id
 */
AscRivetActorInfo *
asc_rivet_engine_get_actor_finish (AscRivetEngine  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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

  answer = finish_object (object, result, &root, &error);
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

  if (answer != NULL && (actor = object_member (answer, "actor")) == NULL)
    error = missing_member_error ("actor");

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
  send_for_object (self, message, task, created_cb);
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

/* Destroying */

static void
destroyed_cb (GObject      *object,
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
 * asc_rivet_engine_destroy_actor_async:
 * @actor_id: the actor's id
 *
 * Destroys an actor for good, with its state.
 */
void
asc_rivet_engine_destroy_actor_async (AscRivetEngine      *self,
                                      const char          *actor_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));
  g_return_if_fail (actor_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_destroy_actor_async);

  escaped = g_uri_escape_string (actor_id, NULL, FALSE);
  path = g_strconcat ("/actors/", escaped, NULL);
  query = _asc_rivet_engine_new_query (self);
  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_DELETE, path, query, NULL);
  send_for_object (self, message, task, destroyed_cb);
}

gboolean
asc_rivet_engine_destroy_actor_finish (AscRivetEngine  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
