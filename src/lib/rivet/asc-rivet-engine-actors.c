/* asc-rivet-engine-actors.c: listing, looking up and destroying actors
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-error.h"
#include "asc-rivet-private.h"

/* Without a limit the engine picks one; with one, a short page is the last. */
#define DEFAULT_LIST_LIMIT 100

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
          g_propagate_error (error, _asc_rivet_missing_member_error ("actor_id"));
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

  page = _asc_rivet_engine_send_finish_object (ASC_RIVET_ENGINE (object), result, &root, &error);
  actors = page != NULL ? _asc_rivet_json_get_array (page, "actors") : NULL;
  if (page != NULL && actors == NULL)
    error = _asc_rivet_missing_member_error ("actors");
  if (actors != NULL)
    store = parse_actor_list (actors, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cursor = _asc_rivet_json_get_string (_asc_rivet_json_get_object (page, "pagination"), "cursor");
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
 * @destroyed: whether destroyed actors are listed too
 *
 * Lists actors of one type, newest first, one page at a time.
 */
void
asc_rivet_engine_list_actors_async (AscRivetEngine      *self,
                                    const char          *name,
                                    const char          *key,
                                    guint                limit,
                                    const char          *cursor,
                                    gboolean             destroyed,
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
  if (destroyed)
    _asc_rivet_query_add (query, "include_destroyed", "true");

  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, "/actors", query, NULL);
  _asc_rivet_engine_send_async (self, message, cancellable, list_actors_cb, task);
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

/* One actor, by id */

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

  page = _asc_rivet_engine_send_finish_object (ASC_RIVET_ENGINE (object), result, &root, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  actors = _asc_rivet_json_get_array (page, "actors");
  first = actors != NULL && json_array_get_length (actors) > 0
    ? json_array_get_element (actors, 0) : NULL;
  if (actors == NULL || (first != NULL && !JSON_NODE_HOLDS_OBJECT (first)))
    g_task_return_error (task, _asc_rivet_missing_member_error ("actors"));
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
  _asc_rivet_engine_send_async (self, message, cancellable, get_actor_cb, task);
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
  _asc_rivet_engine_send_async (self, message, cancellable, destroyed_cb, task);
}

gboolean
asc_rivet_engine_destroy_actor_finish (AscRivetEngine  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
