/* asc-rivet-engine-actors.c: listing, looking up and destroying actors
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

/* Without a limit the engine picks one; with one, a short page is the last. */
#define DEFAULT_LIST_LIMIT 100

/* The engine's cursor is the creation time (ms) of a page's last actor, and
 * its next page starts strictly older: actors created in the same
 * millisecond as that one but not on the page would be skipped. Our cursor
 * then asks from one millisecond later and names the actors of that last
 * millisecond already listed, "TIME:ID,ID", to leave them out; the next
 * request asks for that many more, so that it still brings new ones even
 * when more than a page of actors share one millisecond. */
#define CURSOR_SEPARATOR ':'

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
  char   *cursor;
  guint   limit;    /* as many as the engine is asked for */
  GStrv   listed;   /* ids the previous page already gave */
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->cursor);
  g_strfreev (data->listed);
  g_free (data);
}

static gint64
created_at (JsonNode *actor)
{
  return json_object_get_int_member_with_default (json_node_get_object (actor),
                                                  "create_ts", -1);
}

/* Where the next page starts: the engine's cursor, or ours when actors of
 * the page's last millisecond could be cut off (see CURSOR_SEPARATOR). */
static char *
next_cursor (JsonArray  *actors,
             const char *engine_cursor)
{
  guint length = json_array_get_length (actors);
  g_autoptr(GString) cursor = NULL;
  gint64 time;
  guint first;
  char *end = NULL;

  if (engine_cursor == NULL)
    return NULL;
  time = g_ascii_strtoll (engine_cursor, &end, 10);
  if (end == engine_cursor || *end != '\0' || time == G_MAXINT64)
    return g_strdup (engine_cursor);

  for (first = length; first > 0; first--)
    if (created_at (json_array_get_element (actors, first - 1)) != time)
      break;

  /* Not the page's last time: a cursor this code does not know. */
  if (first == length)
    return g_strdup (engine_cursor);

  cursor = g_string_new (NULL);
  g_string_append_printf (cursor, "%" G_GINT64_FORMAT "%c", time + 1, CURSOR_SEPARATOR);
  for (guint i = first; i < length; i++)
    {
      JsonObject *actor = json_array_get_object_element (actors, i);

      if (i > first)
        g_string_append_c (cursor, ',');
      g_string_append (cursor, json_object_get_string_member_with_default (actor, "actor_id", ""));
    }

  return g_string_free (g_steal_pointer (&cursor), FALSE);
}

/* Leaves out the actors the previous page gave. */
static void
drop_listed (GListStore         *store,
             const char * const *listed)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i > 0; i--)
    {
      g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      if (g_strv_contains (listed, asc_rivet_actor_info_get_id (info)))
        g_list_store_remove (store, i - 1);
    }
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
    data->cursor = next_cursor (actors, cursor);
  if (data->listed != NULL)
    drop_listed (store, (const char * const *) data->listed);
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

/**
 * asc_rivet_engine_list_actors_async:
 * @name: the actor type
 * @key: (nullable): only the actor with this key (as the engine stores it)
 * @limit: the most actors to return; 0 for the default of 100
 * @cursor: (nullable): where the previous page ended, as
 *   asc_rivet_engine_list_actors_finish() gave it
 * @destroyed: whether destroyed actors are listed too
 *
 * Lists actors of one type, newest first, one page at a time. Following
 * the cursors lists every actor once, also those created in the same
 * millisecond as the last one of a page, which the engine's own cursor
 * would skip; a page may then hold fewer than @limit actors.
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
  if (cursor != NULL && strchr (cursor, CURSOR_SEPARATOR) != NULL)
    {
      g_autofree char *time = g_strndup (cursor, strchr (cursor, CURSOR_SEPARATOR) - cursor);

      _asc_rivet_query_add (query, "cursor", time);
      data->listed = g_strsplit (strchr (cursor, CURSOR_SEPARATOR) + 1, ",", -1);
      data->limit += g_strv_length (data->listed);
    }
  else if (cursor != NULL)
    {
      _asc_rivet_query_add (query, "cursor", cursor);
    }
  g_snprintf (text, sizeof text, "%u", data->limit);
  _asc_rivet_query_add (query, "limit", text);
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
