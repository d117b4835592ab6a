/* asc-rivet-client-actors.c: types, listing, creating and destroying actors
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include "asc-actor-private.h"
#include "asc-rivet-private.h"

static void
return_error_or_pointer (GTask          *task,
                         gpointer        pointer,
                         GDestroyNotify  destroy,
                         GError         *error)
{
  if (pointer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pointer, destroy);
}

static void
types_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char **names;

  names = asc_rivet_engine_list_names_finish (ASC_RIVET_ENGINE (object), result, &error);
  return_error_or_pointer (task, names, (GDestroyNotify) g_strfreev, error);
}

/**
 * asc_rivet_client_list_types_async:
 *
 * Lists the actor types the engine knows in the client's namespace.
 */
void
asc_rivet_client_list_types_async (AscRivetClient      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_client_list_types_async);
  asc_rivet_engine_list_names_async (_asc_rivet_client_get_engine (self), cancellable,
                                     types_cb, task);
}

/**
 * asc_rivet_client_list_types_finish:
 *
 * Returns: (transfer full) (array zero-terminated=1): the type names
 */
char **
asc_rivet_client_list_types_finish (AscRivetClient  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
actors_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  char **next_cursor = g_task_get_task_data (task);
  GError *error = NULL;
  GListModel *model;

  model = asc_rivet_engine_list_actors_finish (ASC_RIVET_ENGINE (object), result,
                                               next_cursor, &error);
  return_error_or_pointer (task, model, g_object_unref, error);
}

static void
free_cursor (gpointer data)
{
  char **cursor = data;

  g_free (*cursor);
  g_free (cursor);
}

/**
 * asc_rivet_client_list_actors_async:
 * @type_name: the actor type
 * @cursor: (nullable): %NULL for the first page, else the cursor the
 *   previous page gave
 *
 * Lists one page of the type's actors (see #AscRivetClient:page-size),
 * newest first; destroyed ones are left out.
 */
void
asc_rivet_client_list_actors_async (AscRivetClient      *self,
                                    const char          *type_name,
                                    const char          *cursor,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));
  g_return_if_fail (type_name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_client_list_actors_async);
  g_task_set_task_data (task, g_new0 (char *, 1), free_cursor);
  asc_rivet_engine_list_actors_async (_asc_rivet_client_get_engine (self), type_name, NULL,
                                      asc_rivet_client_get_page_size (self), cursor, FALSE,
                                      cancellable, actors_cb, task);
}

/**
 * asc_rivet_client_list_actors_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of
 *   the next page, or %NULL after the last one
 *
 * Returns: (transfer full): a list of #AscRivetActorInfo
 */
GListModel *
asc_rivet_client_list_actors_finish (AscRivetClient  *self,
                                     GAsyncResult    *result,
                                     char           **next_cursor,
                                     GError         **error)
{
  GListModel *model;
  char **cursor;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  model = g_task_propagate_pointer (G_TASK (result), error);
  cursor = g_task_get_task_data (G_TASK (result));
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (cursor);

  return model;
}

/**
 * asc_rivet_client_get_actor_for_info:
 * @info: an actor from a listing
 *
 * Gets the handle of a listed actor: the same handle as
 * asc_client_get_actor() gives for its type and key, with its id known.
 *
 * Returns: (transfer none): the handle, owned by the client
 */
AscActor *
asc_rivet_client_get_actor_for_info (AscRivetClient    *self,
                                     AscRivetActorInfo *info)
{
  AscActor *actor;

  g_return_val_if_fail (ASC_IS_RIVET_CLIENT (self), NULL);
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (info), NULL);

  actor = asc_client_get_actor (ASC_CLIENT (self), asc_rivet_actor_info_get_name (info),
                                asc_rivet_actor_info_get_key (info));
  _asc_rivet_actor_set_info (ASC_RIVET_ACTOR (actor), info);

  return actor;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AscRivetClient *self = g_task_get_source_object (task);
  g_autoptr(AscRivetActorInfo) info = NULL;
  GError *error = NULL;
  AscActor *actor;

  info = asc_rivet_engine_create_actor_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  actor = asc_rivet_client_get_actor_for_info (self, info);
  g_task_return_pointer (task, g_object_ref (actor), g_object_unref);
}

/**
 * asc_rivet_client_create_actor_async:
 * @type_name: the actor type
 * @key: the key, as the engine stores it (see asc_rivet_key_serialize())
 * @input: (nullable): the creation input, any JSON-compat value
 *
 * Creates an actor. Unlike asc_client_get_actor(), this fails when the key
 * is taken: %ASC_ERROR_REMOTE with the engine's `actor.duplicate_key`,
 * whose details name the existing actor in `metadata.existing_actor_id`.
 */
void
asc_rivet_client_create_actor_async (AscRivetClient      *self,
                                     const char          *type_name,
                                     const char          *key,
                                     JsonNode            *input,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));
  g_return_if_fail (type_name != NULL);
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_client_create_actor_async);
  asc_rivet_engine_create_actor_async (_asc_rivet_client_get_engine (self), type_name, key,
                                       input, cancellable, created_cb, task);
}

/**
 * asc_rivet_client_create_actor_finish:
 *
 * Returns: (transfer full): the new actor's handle
 */
AscActor *
asc_rivet_client_create_actor_finish (AscRivetClient  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mark_destroyed (AscRivetClient *self,
                const char     *actor_id)
{
  GListModel *actors = asc_client_get_actors (ASC_CLIENT (self));

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(AscActor) actor = g_list_model_get_item (actors, i);
      const char *id = asc_rivet_actor_get_actor_id (ASC_RIVET_ACTOR (actor));

      if (g_strcmp0 (id, actor_id) == 0)
        _asc_actor_set_status (actor, ASC_ACTOR_STATUS_DESTROYED);
    }
}

static void
destroyed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!asc_rivet_engine_destroy_actor_finish (ASC_RIVET_ENGINE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  mark_destroyed (g_task_get_source_object (task), g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

/**
 * asc_rivet_client_destroy_actor_async:
 * @actor_id: the actor's id
 *
 * Destroys an actor and its state. A handle of it shows the status
 * %ASC_ACTOR_STATUS_DESTROYED; calling it again creates a new actor with
 * the same key.
 */
void
asc_rivet_client_destroy_actor_async (AscRivetClient      *self,
                                      const char          *actor_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));
  g_return_if_fail (actor_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_client_destroy_actor_async);
  g_task_set_task_data (task, g_strdup (actor_id), g_free);
  asc_rivet_engine_destroy_actor_async (_asc_rivet_client_get_engine (self), actor_id,
                                        cancellable, destroyed_cb, task);
}

gboolean
asc_rivet_client_destroy_actor_finish (AscRivetClient  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AscRivetClient *self = g_task_get_source_object (task);
  g_autoptr(AscRivetActorInfo) info = NULL;
  GError *error = NULL;
  AscActor *actor;

  info = asc_rivet_engine_get_actor_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  actor = asc_rivet_client_get_actor_for_info (self, info);
  g_task_return_pointer (task, g_object_ref (actor), g_object_unref);
}

/**
 * asc_rivet_client_get_actor_for_id_async:
 * @actor_id: the actor's id
 *
 * Looks the actor up, to get the handle of its type and key.
 */
void
asc_rivet_client_get_actor_for_id_async (AscRivetClient      *self,
                                         const char          *actor_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));
  g_return_if_fail (actor_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_client_get_actor_for_id_async);
  asc_rivet_engine_get_actor_async (_asc_rivet_client_get_engine (self), actor_id,
                                    cancellable, found_cb, task);
}

/**
 * asc_rivet_client_get_actor_for_id_finish:
 *
 * Returns: (transfer full): the handle; %ASC_ERROR_NOT_FOUND when the
 *   engine has no actor with that id
 */
AscActor *
asc_rivet_client_get_actor_for_id_finish (AscRivetClient  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
