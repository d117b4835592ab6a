/* asc-rivet-actor.c: resolving one instance to its id, and calling it
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-actor-private.h"
#include "asc-error.h"
#include "asc-rivet-connection.h"
#include "asc-rivet-inspector.h"
#include "asc-rivet-private.h"
#include "asc-rivet-values.h"

struct _AscRivetActor
{
  AscActor        parent_instance;

  AscRivetClient *client;   /* borrowed: the client owns its actors */
  char               *actor_id;
  AscRivetInspector  *inspector;
  AscRivetConnection *connection;
  JsonNode           *connections;   /* the inspector's list, or NULL */
};

G_DEFINE_FINAL_TYPE (AscRivetActor, asc_rivet_actor, ASC_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ACTOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONNECTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char     *method;
  JsonNode *args;
  gboolean  retried;
} CallData;

static void
call_data_free (CallData *data)
{
  g_free (data->method);
  g_clear_pointer (&data->args, json_node_unref);
  g_free (data);
}

static AscRivetEngine *
get_engine (AscRivetActor *self)
{
  return _asc_rivet_client_get_engine (self->client);
}

static void
set_actor_id (AscRivetActor *self,
              const char    *actor_id)
{
  if (g_strcmp0 (self->actor_id, actor_id) == 0)
    return;

  g_free (self->actor_id);
  self->actor_id = g_strdup (actor_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

void
_asc_rivet_actor_set_info (AscRivetActor     *self,
                           AscRivetActorInfo *info)
{
  set_actor_id (self, asc_rivet_actor_info_get_id (info));
  _asc_actor_set_status (ASC_ACTOR (self), asc_rivet_actor_info_get_status (info));
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AscRivetActor *self = g_task_get_source_object (task);
  g_autoptr(AscRivetActorInfo) info = NULL;
  GError *error = NULL;

  info = asc_rivet_engine_get_or_create_actor_finish (ASC_RIVET_ENGINE (object), result,
                                                      NULL, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _asc_rivet_actor_set_info (self, info);
  g_task_return_pointer (task, g_strdup (self->actor_id), g_free);
}

/**
 * asc_rivet_actor_resolve_async:
 *
 * Finds the actor's id, creating the actor if its type has none with this
 * key (get-or-create). Once known, the id is kept: later calls answer at
 * once.
 */
void
asc_rivet_actor_resolve_async (AscRivetActor       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  AscActor *actor = ASC_ACTOR (self);
  GTask *task;

  g_return_if_fail (ASC_IS_RIVET_ACTOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_actor_resolve_async);
  if (self->actor_id != NULL)
    {
      g_task_return_pointer (task, g_strdup (self->actor_id), g_free);
      g_object_unref (task);
      return;
    }

  asc_rivet_engine_get_or_create_actor_async (get_engine (self),
                                              asc_actor_get_type_name (actor),
                                              asc_actor_get_key (actor),
                                              NULL, cancellable, resolved_cb, task);
}

/**
 * asc_rivet_actor_resolve_finish:
 *
 * Returns: (transfer full): the actor's id
 */
char *
asc_rivet_actor_resolve_finish (AscRivetActor  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void call_with_id (GTask *task);

/* The engine forgot the actor: it was destroyed. */
static gboolean
is_actor_gone (const GError *error)
{
  JsonNode *details = asc_error_get_details (error);
  const char *code = NULL;

  if (!g_error_matches (error, ASC_ERROR, ASC_ERROR_NOT_FOUND) || details == NULL ||
      !JSON_NODE_HOLDS_OBJECT (details))
    return FALSE;

  code = _asc_rivet_json_get_string (json_node_get_object (details), "code");
  return g_strcmp0 (code, "not_found") == 0;
}

static void
call_resolved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *actor_id = NULL;
  GError *error = NULL;

  actor_id = asc_rivet_actor_resolve_finish (ASC_RIVET_ACTOR (object), result, &error);
  if (actor_id == NULL)
    g_task_return_error (task, error);
  else
    call_with_id (g_steal_pointer (&task));
}

/* A handle stands for its type and key: if the actor behind the id was
 * destroyed, get-or-create once more, as a fresh handle would. */
static void
action_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AscRivetActor *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  JsonNode *output;

  output = asc_rivet_engine_call_action_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (output != NULL)
    {
      _asc_actor_set_status (ASC_ACTOR (self), ASC_ACTOR_STATUS_AWAKE);
      g_task_return_pointer (task, output, (GDestroyNotify) json_node_unref);
      return;
    }

  if (is_actor_gone (error) && !data->retried)
    {
      g_debug ("%s is gone; resolving its key again", self->actor_id);
      data->retried = TRUE;
      set_actor_id (self, NULL);
      _asc_actor_set_status (ASC_ACTOR (self), ASC_ACTOR_STATUS_DESTROYED);
      cancellable = g_task_get_cancellable (task);
      asc_rivet_actor_resolve_async (self, cancellable, call_resolved_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
call_with_id (GTask *task)
{
  AscRivetActor *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  JsonNode *params = asc_client_get_connection_params (ASC_CLIENT (self->client));

  asc_rivet_engine_call_action_async (get_engine (self), self->actor_id, data->method,
                                      data->args, params, g_task_get_cancellable (task),
                                      action_cb, task);
}

static void
connection_call_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  JsonNode *output;

  output = asc_rivet_connection_call_finish (ASC_RIVET_CONNECTION (object), result, &error);
  if (output != NULL)
    g_task_return_pointer (task, output, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, error);
}

/* While events are wanted the connection is open: calls go through it, so
 * they see its parameters and state, and wait for it across a restart.
 * Otherwise each call is one stateless HTTP request. */
static void
asc_rivet_actor_call_async (AscActor            *actor,
                            const char          *method,
                            JsonNode            *args,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (actor);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CallData *data = g_new0 (CallData, 1);

  g_task_set_source_tag (task, asc_rivet_actor_call_async);
  data->method = g_strdup (method);
  data->args = args != NULL ? json_node_ref (args) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  if (asc_rivet_connection_is_open (self->connection))
    asc_rivet_connection_call_async (self->connection, method, args, cancellable,
                                     connection_call_cb, task);
  else if (self->actor_id != NULL)
    call_with_id (task);
  else
    asc_rivet_actor_resolve_async (self, cancellable, call_resolved_cb, task);
}

static JsonNode *
asc_rivet_actor_call_finish (AscActor      *actor,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Events come through a client connection, state through the inspector. */
static void
asc_rivet_actor_events_wanted (AscActor *actor,
                               gboolean  wanted)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (actor);

  if (wanted)
    asc_rivet_connection_open (self->connection);
  else
    asc_rivet_connection_close (self->connection);
}

static void
asc_rivet_actor_state_wanted (AscActor *actor,
                              gboolean  wanted)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (actor);

  if (wanted)
    asc_rivet_inspector_open (self->inspector);
  else
    {
      asc_rivet_inspector_close (self->inspector);
      _asc_rivet_actor_set_connections (self, NULL);
    }
}

/* The inspector stays closed once the actor sleeps; this reopens it, which
 * wakes the actor and brings a fresh snapshot. */
static void
asc_rivet_actor_resync_state (AscActor *actor)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (actor);

  if (!asc_actor_get_state_wanted (actor))
    return;

  asc_rivet_inspector_close (self->inspector);
  asc_rivet_inspector_open (self->inspector);
}

static void
asc_rivet_actor_dispose (GObject *object)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (object);

  if (self->inspector != NULL)
    asc_rivet_inspector_close (self->inspector);
  if (self->connection != NULL)
    asc_rivet_connection_close (self->connection);

  G_OBJECT_CLASS (asc_rivet_actor_parent_class)->dispose (object);
}

static void
asc_rivet_actor_finalize (GObject *object)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (object);

  g_clear_pointer (&self->actor_id, g_free);
  g_clear_object (&self->inspector);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->connections, json_node_unref);

  G_OBJECT_CLASS (asc_rivet_actor_parent_class)->finalize (object);
}

static void
asc_rivet_actor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ACTOR_ID:
      g_value_set_string (value, self->actor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_actor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AscRivetActor *self = ASC_RIVET_ACTOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_get_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_actor_class_init (AscRivetActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AscActorClass *actor_class = ASC_ACTOR_CLASS (klass);

  object_class->dispose = asc_rivet_actor_dispose;
  object_class->finalize = asc_rivet_actor_finalize;
  object_class->get_property = asc_rivet_actor_get_property;
  object_class->set_property = asc_rivet_actor_set_property;

  actor_class->call_async = asc_rivet_actor_call_async;
  actor_class->call_finish = asc_rivet_actor_call_finish;
  actor_class->events_wanted = asc_rivet_actor_events_wanted;
  actor_class->state_wanted = asc_rivet_actor_state_wanted;
  actor_class->resync_state = asc_rivet_actor_resync_state;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ASC_TYPE_RIVET_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_ID] =
    g_param_spec_string ("actor-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AscRivetActor::connections-changed:
   *
   * The list asc_rivet_actor_get_connections() gives changed.
   */
  signals[CONNECTIONS_CHANGED] =
    g_signal_new ("connections-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* A sleeping or destroyed actor has no connections, and nothing would
 * tell the inspector's last list is over. */
static void
status_changed_cb (AscRivetActor *self)
{
  if (asc_actor_get_status (ASC_ACTOR (self)) != ASC_ACTOR_STATUS_AWAKE)
    _asc_rivet_actor_set_connections (self, NULL);
}

static void
asc_rivet_actor_init (AscRivetActor *self)
{
  self->inspector = asc_rivet_inspector_new (self);
  self->connection = asc_rivet_connection_new (self);
  g_signal_connect (self, "notify::status", G_CALLBACK (status_changed_cb), NULL);
}

/**
 * asc_rivet_actor_get_actor_id:
 *
 * Returns: (nullable): the engine's id of the actor, once a call or
 *   asc_rivet_actor_resolve_async() found it
 */
const char *
asc_rivet_actor_get_actor_id (AscRivetActor *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR (self), NULL);

  return self->actor_id;
}

/**
 * asc_rivet_actor_dup_key_parts:
 *
 * The handle's key is the engine's serialized key; this gives its parts.
 *
 * Returns: (transfer full) (array zero-terminated=1): the key's parts
 */
char **
asc_rivet_actor_dup_key_parts (AscRivetActor *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR (self), NULL);

  return asc_rivet_key_deserialize (asc_actor_get_key (ASC_ACTOR (self)));
}

/**
 * asc_rivet_actor_set_event_names:
 * @names: (array zero-terminated=1): event names
 *
 * RivetKit sends only the events a connection subscribed to by name, and
 * lists the names nowhere: this says which to receive while events are
 * subscribed. Names given before stay subscribed.
 */
void
asc_rivet_actor_set_event_names (AscRivetActor      *self,
                                 const char * const *names)
{
  g_return_if_fail (ASC_IS_RIVET_ACTOR (self));

  asc_rivet_connection_set_event_names (self->connection, names);
}

/**
 * asc_rivet_actor_subscribe_event:
 * @name: an event name
 *
 * Adds one name to those asc_rivet_actor_set_event_names() gave.
 */
void
asc_rivet_actor_subscribe_event (AscRivetActor *self,
                                 const char    *name)
{
  g_return_if_fail (ASC_IS_RIVET_ACTOR (self));

  asc_rivet_connection_subscribe (self->connection, name);
}

/**
 * asc_rivet_actor_get_connections:
 *
 * The actor's connections as its inspector last listed them, while the
 * state is watched: an array of `{"id": …, "details": …}`, details being
 * whatever RivetKit tells of the connection. Changes are signalled by
 * #AscRivetActor::connections-changed.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL when not known
 *   (the state is not watched, or the actor is not awake)
 */
JsonNode *
asc_rivet_actor_get_connections (AscRivetActor *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR (self), NULL);

  return self->connections;
}

/**
 * _asc_rivet_actor_set_connections:
 * @connections: (nullable): a JSON array of connections, or %NULL when no
 *   longer known; copied
 *
 * Keeps the inspector's list and signals a change, if it is one.
 */
void
_asc_rivet_actor_set_connections (AscRivetActor *self,
                                  JsonNode      *connections)
{
  g_return_if_fail (ASC_IS_RIVET_ACTOR (self));
  g_return_if_fail (connections == NULL || JSON_NODE_HOLDS_ARRAY (connections));

  if (self->connections == connections ||
      (self->connections != NULL && connections != NULL &&
       json_node_equal (self->connections, connections)))
    return;

  g_clear_pointer (&self->connections, json_node_unref);
  if (connections != NULL)
    self->connections = json_node_copy (connections);
  g_signal_emit (self, signals[CONNECTIONS_CHANGED], 0);
}
