/* asc-rivet-actor-state.c: reading and replacing one actor's state
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both go through the HTTP inspector, with the actor's own inspector token:
 * resolve the actor, read its token, then the request itself.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include "asc-rivet-private.h"

typedef struct
{
  char     *actor_id;
  JsonNode *state;   /* to write, or NULL to read */
} StateRequest;

static void
state_request_free (StateRequest *request)
{
  g_free (request->actor_id);
  g_clear_pointer (&request->state, json_node_unref);
  g_free (request);
}

static AscRivetEngine *
get_engine (AscRivetActor *actor)
{
  AscRivetClient *client = NULL;

  g_object_get (actor, "client", &client, NULL);
  g_object_unref (client);   /* the client outlives its actors */
  return _asc_rivet_client_get_engine (client);
}

static void
state_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  JsonNode *state;

  state = asc_rivet_engine_get_inspector_state_finish (ASC_RIVET_ENGINE (object), result,
                                                       &error);
  if (state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, (GDestroyNotify) json_node_unref);
}

static void
state_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (asc_rivet_engine_set_inspector_state_finish (ASC_RIVET_ENGINE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StateRequest *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  AscRivetEngine *engine = ASC_RIVET_ENGINE (object);
  g_autofree char *token = NULL;
  GError *error = NULL;

  token = asc_rivet_engine_get_inspector_token_finish (engine, result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (request->state == NULL)
    asc_rivet_engine_get_inspector_state_async (engine, request->actor_id, token, cancellable,
                                                state_read_cb, g_steal_pointer (&task));
  else
    asc_rivet_engine_set_inspector_state_async (engine, request->actor_id, token,
                                                request->state, cancellable,
                                                state_written_cb, g_steal_pointer (&task));
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StateRequest *request = g_task_get_task_data (task);
  AscRivetActor *actor = ASC_RIVET_ACTOR (object);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  request->actor_id = asc_rivet_actor_resolve_finish (actor, result, &error);
  if (request->actor_id == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  asc_rivet_engine_get_inspector_token_async (get_engine (actor), request->actor_id,
                                              cancellable, token_cb, g_steal_pointer (&task));
}

static void
start (AscRivetActor       *self,
       JsonNode            *state,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  StateRequest *request = g_new0 (StateRequest, 1);

  g_task_set_source_tag (task, source_tag);
  request->state = state != NULL ? json_node_copy (state) : NULL;
  g_task_set_task_data (task, request, (GDestroyNotify) state_request_free);
  asc_rivet_actor_resolve_async (self, cancellable, resolved_cb, task);
}

/**
 * asc_rivet_actor_read_state_async:
 *
 * Reads the actor's live state once, without watching it. Wakes the actor
 * if it sleeps.
 */
void
asc_rivet_actor_read_state_async (AscRivetActor       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ASC_IS_RIVET_ACTOR (self));

  start (self, NULL, asc_rivet_actor_read_state_async, cancellable, callback, user_data);
}

/**
 * asc_rivet_actor_read_state_finish:
 *
 * Returns: (transfer full): the state
 */
JsonNode *
asc_rivet_actor_read_state_finish (AscRivetActor  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * asc_rivet_actor_write_state_async:
 * @state: the whole new state
 *
 * Replaces the actor's state, as its own code would: a watched state shows
 * the change like any other.
 */
void
asc_rivet_actor_write_state_async (AscRivetActor       *self,
                                   JsonNode            *state,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ASC_IS_RIVET_ACTOR (self));
  g_return_if_fail (state != NULL);

  start (self, state, asc_rivet_actor_write_state_async, cancellable, callback, user_data);
}

gboolean
asc_rivet_actor_write_state_finish (AscRivetActor  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
