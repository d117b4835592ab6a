/* asc-actor.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-actor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-actor-private.h"
#include "asc-enums.h"
#include "asc-error.h"

#define EVENT_LOG_CAPACITY 10000

/* Subscriptions are counted uses. When the last use goes, the release waits
 * one main-loop idle, so a view that switches away and straight back does
 * not make the server unsubscribe and resubscribe. */
typedef struct
{
  guint     uses;
  guint     release_source;
  gboolean  wanted;
} Subscription;

typedef struct
{
  char           *type_name;
  char           *key;
  AscStateStore  *state_store;
  AscEventLog    *event_log;
  Subscription    events;
  Subscription    state;
  guint           n_resyncs;
  AscActorStatus  status;
} AscActorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AscActor, asc_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TYPE_NAME,
  PROP_KEY,
  PROP_STATUS,
  PROP_STATE_STORE,
  PROP_EVENT_LOG,
  PROP_EVENTS_WANTED,
  PROP_STATE_WANTED,
  PROP_N_RESYNCS,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  char   *method;
  gint64  started;
} CallData;

static void
call_data_free (CallData *data)
{
  g_free (data->method);
  g_free (data);
}

typedef void (*WantedFunc) (AscActor *self,
                            gboolean  wanted);

static void
subscription_set_wanted (AscActor     *self,
                         Subscription *subscription,
                         gboolean      wanted)
{
  AscActorClass *klass = ASC_ACTOR_GET_CLASS (self);
  AscActorPrivate *priv = asc_actor_get_instance_private (self);
  gboolean is_events = subscription == &priv->events;
  WantedFunc func = is_events ? klass->events_wanted : klass->state_wanted;

  subscription->wanted = wanted;
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[is_events ? PROP_EVENTS_WANTED : PROP_STATE_WANTED]);
  if (func != NULL)
    func (self, wanted);
}

static void
subscription_acquire (AscActor     *self,
                      Subscription *subscription)
{
  if (subscription->uses++ > 0)
    return;

  if (subscription->release_source != 0)
    g_clear_handle_id (&subscription->release_source, g_source_remove);
  else
    subscription_set_wanted (self, subscription, TRUE);
}

static gboolean
release_events_cb (gpointer user_data)
{
  AscActor *self = user_data;
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  priv->events.release_source = 0;
  subscription_set_wanted (self, &priv->events, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
release_state_cb (gpointer user_data)
{
  AscActor *self = user_data;
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  priv->state.release_source = 0;
  subscription_set_wanted (self, &priv->state, FALSE);
  return G_SOURCE_REMOVE;
}

static void
subscription_release (AscActor     *self,
                      Subscription *subscription,
                      GSourceFunc   release_cb)
{
  g_return_if_fail (subscription->uses > 0);

  if (--subscription->uses > 0)
    return;

  subscription->release_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_cb,
                                                  g_object_ref (self), g_object_unref);
}

static void
asc_actor_dispose (GObject *object)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (ASC_ACTOR (object));

  g_clear_handle_id (&priv->events.release_source, g_source_remove);
  g_clear_handle_id (&priv->state.release_source, g_source_remove);

  G_OBJECT_CLASS (asc_actor_parent_class)->dispose (object);
}

static void
asc_actor_finalize (GObject *object)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (ASC_ACTOR (object));

  g_clear_pointer (&priv->type_name, g_free);
  g_clear_pointer (&priv->key, g_free);
  g_clear_object (&priv->state_store);
  g_clear_object (&priv->event_log);

  G_OBJECT_CLASS (asc_actor_parent_class)->finalize (object);
}

static void
asc_actor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AscActor *self = ASC_ACTOR (object);
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TYPE_NAME:
      g_value_set_string (value, priv->type_name);
      break;
    case PROP_KEY:
      g_value_set_string (value, priv->key);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, priv->status);
      break;
    case PROP_STATE_STORE:
      g_value_set_object (value, priv->state_store);
      break;
    case PROP_EVENT_LOG:
      g_value_set_object (value, priv->event_log);
      break;
    case PROP_EVENTS_WANTED:
      g_value_set_boolean (value, priv->events.wanted);
      break;
    case PROP_STATE_WANTED:
      g_value_set_boolean (value, priv->state.wanted);
      break;
    case PROP_N_RESYNCS:
      g_value_set_uint (value, priv->n_resyncs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_actor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (ASC_ACTOR (object));

  switch (prop_id)
    {
    case PROP_TYPE_NAME:
      priv->type_name = g_value_dup_string (value);
      break;
    case PROP_KEY:
      priv->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_actor_class_init (AscActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = asc_actor_dispose;
  object_class->finalize = asc_actor_finalize;
  object_class->get_property = asc_actor_get_property;
  object_class->set_property = asc_actor_set_property;

  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, construct);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, construct);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASC_TYPE_ACTOR_STATUS,
                                               ASC_ACTOR_STATUS_UNKNOWN, read_only);
  properties[PROP_STATE_STORE] = g_param_spec_object ("state-store", NULL, NULL,
                                                      ASC_TYPE_STATE_STORE, read_only);
  properties[PROP_EVENT_LOG] = g_param_spec_object ("event-log", NULL, NULL,
                                                    ASC_TYPE_EVENT_LOG, read_only);
  properties[PROP_EVENTS_WANTED] = g_param_spec_boolean ("events-wanted", NULL, NULL,
                                                         FALSE, read_only);
  properties[PROP_STATE_WANTED] = g_param_spec_boolean ("state-wanted", NULL, NULL,
                                                        FALSE, read_only);
  properties[PROP_N_RESYNCS] = g_param_spec_uint ("n-resyncs", NULL, NULL,
                                                  0, G_MAXUINT, 0, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AscActor::event:
   * @name: the event name
   * @payload: (nullable): its payload (Zocket) or its arguments array (Rivet)
   *
   * An event the actor broadcast, while events are subscribed.
   */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING, JSON_TYPE_NODE);
}

static void
asc_actor_init (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  priv->state_store = asc_state_store_new ();
  priv->event_log = asc_event_log_new (EVENT_LOG_CAPACITY);
}

const char *
asc_actor_get_type_name (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), NULL);

  return priv->type_name;
}

const char *
asc_actor_get_key (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), NULL);

  return priv->key;
}

AscActorStatus
asc_actor_get_status (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), ASC_ACTOR_STATUS_UNKNOWN);

  return priv->status;
}

/**
 * asc_actor_get_state_store:
 *
 * Returns: (transfer none): the local mirror of the actor's state, live
 *   while the state is watched
 */
AscStateStore *
asc_actor_get_state_store (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), NULL);

  return priv->state_store;
}

/**
 * asc_actor_get_event_log:
 *
 * Returns: (transfer none): the actor's log of events, calls, results,
 *   errors, connection changes and gaps
 */
AscEventLog *
asc_actor_get_event_log (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), NULL);

  return priv->event_log;
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AscActor *self = ASC_ACTOR (object);
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  double elapsed_ms = (g_get_monotonic_time () - data->started) / 1000.0;

  node = ASC_ACTOR_GET_CLASS (self)->call_finish (self, result, &error);
  if (node == NULL && error == NULL)
    node = json_node_new (JSON_NODE_NULL);

  if (error != NULL)
    {
      /* TRANSLATORS: an error message, then how long the call took */
      text = g_strdup_printf (_("%s (after %.0f ms)"), error->message, elapsed_ms);
      _asc_actor_log (self, ASC_EVENT_KIND_ERROR, data->method,
                      asc_error_get_details (error), text);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  text = g_strdup_printf ("%.1f ms", elapsed_ms);
  _asc_actor_log (self, ASC_EVENT_KIND_RESULT, data->method, node, text);
  g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
}

/**
 * asc_actor_call_async:
 * @method: the action or method name
 * @args: (nullable): Zocket: the one input value (%NULL when the method
 *   takes none); Rivet: a JSON array of positional arguments
 *
 * Calls @method. Every call is logged with its result or error and how
 * long it took.
 */
void
asc_actor_call_async (AscActor            *self,
                      const char          *method,
                      JsonNode            *args,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *data;

  g_return_if_fail (ASC_IS_ACTOR (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_actor_call_async);
  data = g_new0 (CallData, 1);
  data->method = g_strdup (method);
  data->started = g_get_monotonic_time ();
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  _asc_actor_log (self, ASC_EVENT_KIND_CALL, method, args, NULL);
  ASC_ACTOR_GET_CLASS (self)->call_async (self, method, args, cancellable,
                                          call_done_cb, g_steal_pointer (&task));
}

/**
 * asc_actor_call_finish:
 *
 * Returns: (transfer full): the result; JSON null when the method
 *   returned nothing
 */
JsonNode *
asc_actor_call_finish (AscActor      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (ASC_IS_ACTOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * asc_actor_subscribe_events:
 *
 * Adds a use of the actor's events: the first use subscribes.
 */
void
asc_actor_subscribe_events (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_if_fail (ASC_IS_ACTOR (self));

  subscription_acquire (self, &priv->events);
}

/**
 * asc_actor_unsubscribe_events:
 *
 * Drops a use; the last one unsubscribes after one main-loop idle.
 */
void
asc_actor_unsubscribe_events (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_if_fail (ASC_IS_ACTOR (self));

  subscription_release (self, &priv->events, release_events_cb);
}

gboolean
asc_actor_get_events_wanted (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), FALSE);

  return priv->events.wanted;
}

/**
 * asc_actor_watch_state:
 *
 * Adds a use of the actor's state: the first use subscribes, and the state
 * store follows the server from its first snapshot on.
 */
void
asc_actor_watch_state (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_if_fail (ASC_IS_ACTOR (self));

  subscription_acquire (self, &priv->state);
}

void
asc_actor_unwatch_state (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_if_fail (ASC_IS_ACTOR (self));

  subscription_release (self, &priv->state, release_state_cb);
}

gboolean
asc_actor_get_state_wanted (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), FALSE);

  return priv->state.wanted;
}

/**
 * asc_actor_resync_state:
 *
 * Asks the server for a fresh snapshot of the state, replacing the mirror.
 */
void
asc_actor_resync_state (AscActor *self)
{
  g_return_if_fail (ASC_IS_ACTOR (self));

  if (ASC_ACTOR_GET_CLASS (self)->resync_state != NULL)
    ASC_ACTOR_GET_CLASS (self)->resync_state (self);
}

/**
 * asc_actor_get_n_resyncs:
 *
 * Returns: how often the mirror was found out of sync and fetched again
 */
guint
asc_actor_get_n_resyncs (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_ACTOR (self), 0);

  return priv->n_resyncs;
}

void
_asc_actor_set_status (AscActor       *self,
                       AscActorStatus  status)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  if (priv->status == status)
    return;

  priv->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
_asc_actor_log (AscActor     *self,
                AscEventKind  kind,
                const char   *name,
                JsonNode     *payload,
                const char   *text)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);
  g_autoptr(AscEvent) event = asc_event_new (kind, name, payload, text);

  asc_event_log_append (priv->event_log, event);
}

void
_asc_actor_emit_event (AscActor   *self,
                       const char *name,
                       JsonNode   *payload)
{
  _asc_actor_log (self, ASC_EVENT_KIND_EVENT, name, payload, NULL);
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, name, payload);
}

void
_asc_actor_count_resync (AscActor *self)
{
  AscActorPrivate *priv = asc_actor_get_instance_private (self);

  priv->n_resyncs++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESYNCS]);
}
