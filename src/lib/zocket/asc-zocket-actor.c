/* asc-zocket-actor.c: subscriptions, state mirror and calls of one instance
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-zocket"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-actor-private.h"
#include "asc-error.h"
#include "asc-zocket-private.h"

/* A state:sub for a misspelled actor type is never answered: say so. */
#define SNAPSHOT_TIMEOUT_SECONDS 5

struct _AscZocketActor
{
  AscActor         parent_instance;

  AscZocketClient *client;   /* weak: the client owns its actors, and a
                              * pending release may outlive the client */
  guint            snapshot_timeout_source;
  gboolean         awaiting_snapshot;
};

G_DEFINE_FINAL_TYPE (AscZocketActor, asc_zocket_actor, ASC_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_AWAITING_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
send_subscription (AscZocketActor        *self,
                   AscZocketSubscription  which)
{
  g_autofree char *frame = NULL;

  if (self->client == NULL)
    return;

  frame = asc_zocket_encode_subscription (which,
                                          asc_actor_get_type_name (ASC_ACTOR (self)),
                                          asc_actor_get_key (ASC_ACTOR (self)));
  _asc_zocket_client_send (self->client, frame);
}

static gboolean
snapshot_timeout_cb (gpointer user_data)
{
  AscZocketActor *self = user_data;
  g_autofree char *text = NULL;

  self->snapshot_timeout_source = 0;
  text = g_strdup_printf (_("No state arrived within %d s. Is “%s” an actor type of this server?"),
                          SNAPSHOT_TIMEOUT_SECONDS, asc_actor_get_type_name (ASC_ACTOR (self)));
  _asc_actor_log (ASC_ACTOR (self), ASC_EVENT_KIND_ERROR, NULL, NULL, text);
  return G_SOURCE_REMOVE;
}

static void
set_awaiting_snapshot (AscZocketActor *self,
                       gboolean        awaiting)
{
  g_clear_handle_id (&self->snapshot_timeout_source, g_source_remove);
  if (awaiting)
    self->snapshot_timeout_source = g_timeout_add_seconds (SNAPSHOT_TIMEOUT_SECONDS,
                                                           snapshot_timeout_cb, self);

  if (self->awaiting_snapshot == awaiting)
    return;

  self->awaiting_snapshot = awaiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAITING_SNAPSHOT]);
}

/* Patches that arrive before the snapshot are already in it: drop them
 * until it comes. */
static void
request_snapshot (AscZocketActor *self)
{
  set_awaiting_snapshot (self, TRUE);
  send_subscription (self, ASC_ZOCKET_STATE_SUB);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = _asc_zocket_client_call_finish (ASC_ZOCKET_CLIENT (object), result, &error);
  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static void
asc_zocket_actor_call_async (AscActor            *actor,
                             const char          *method,
                             JsonNode            *args,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (actor);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, asc_zocket_actor_call_async);
  if (self->client == NULL)
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_CLOSED,
                               _("The connection to the server is gone"));
      g_object_unref (task);
      return;
    }
  _asc_zocket_client_call_async (self->client, self, method, args, cancellable,
                                 call_done_cb, task);
}

static JsonNode *
asc_zocket_actor_call_finish (AscActor      *actor,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
asc_zocket_actor_events_wanted (AscActor *actor,
                                gboolean  wanted)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (actor);

  if (wanted && self->client != NULL)
    _asc_zocket_client_ensure_open (self->client);
  send_subscription (self, wanted ? ASC_ZOCKET_EVENT_SUB : ASC_ZOCKET_EVENT_UNSUB);
}

static void
asc_zocket_actor_state_wanted (AscActor *actor,
                               gboolean  wanted)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (actor);

  if (wanted)
    {
      asc_state_store_set_lenient (asc_actor_get_state_store (actor), TRUE);
      if (self->client != NULL)
        _asc_zocket_client_ensure_open (self->client);
      request_snapshot (self);
    }
  else
    {
      set_awaiting_snapshot (self, FALSE);
      send_subscription (self, ASC_ZOCKET_STATE_UNSUB);
    }
}

static void
asc_zocket_actor_resync_state (AscActor *actor)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (actor);

  if (asc_actor_get_state_wanted (actor))
    request_snapshot (self);
}

static void
asc_zocket_actor_dispose (GObject *object)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (object);

  g_clear_handle_id (&self->snapshot_timeout_source, g_source_remove);
  g_clear_weak_pointer (&self->client);

  G_OBJECT_CLASS (asc_zocket_actor_parent_class)->dispose (object);
}

static void
asc_zocket_actor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_AWAITING_SNAPSHOT:
      g_value_set_boolean (value, self->awaiting_snapshot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_zocket_actor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AscZocketActor *self = ASC_ZOCKET_ACTOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_set_weak_pointer (&self->client, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_zocket_actor_class_init (AscZocketActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AscActorClass *actor_class = ASC_ACTOR_CLASS (klass);

  object_class->dispose = asc_zocket_actor_dispose;
  object_class->get_property = asc_zocket_actor_get_property;
  object_class->set_property = asc_zocket_actor_set_property;

  actor_class->call_async = asc_zocket_actor_call_async;
  actor_class->call_finish = asc_zocket_actor_call_finish;
  actor_class->events_wanted = asc_zocket_actor_events_wanted;
  actor_class->state_wanted = asc_zocket_actor_state_wanted;
  actor_class->resync_state = asc_zocket_actor_resync_state;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ASC_TYPE_ZOCKET_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AWAITING_SNAPSHOT] =
    g_param_spec_boolean ("awaiting-snapshot", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_zocket_actor_init (AscZocketActor *self)
{
}

/**
 * asc_zocket_actor_get_awaiting_snapshot:
 *
 * Returns: whether a fresh snapshot was asked for and has not arrived;
 *   patches are dropped meanwhile
 */
gboolean
asc_zocket_actor_get_awaiting_snapshot (AscZocketActor *self)
{
  g_return_val_if_fail (ASC_IS_ZOCKET_ACTOR (self), FALSE);

  return self->awaiting_snapshot;
}

/* On every open, re-send what is wanted: events first, then state, whose
 * fresh snapshot replaces the mirror. After a reconnect, events may have
 * been missed: mark the gap. */
void
_asc_zocket_actor_connected (AscZocketActor *self,
                             gboolean        reconnected)
{
  AscActor *actor = ASC_ACTOR (self);
  gboolean events = asc_actor_get_events_wanted (actor);
  gboolean state = asc_actor_get_state_wanted (actor);

  if (!events && !state)
    return;

  if (reconnected)
    _asc_actor_log (actor, ASC_EVENT_KIND_GAP, NULL, NULL,
                    _("Reconnected: events may have been missed while disconnected"));
  else
    _asc_actor_log (actor, ASC_EVENT_KIND_CONNECTION, NULL, NULL, _("Connected"));

  if (events)
    send_subscription (self, ASC_ZOCKET_EVENT_SUB);
  if (state)
    request_snapshot (self);
}

void
_asc_zocket_actor_disconnected (AscZocketActor *self,
                                const GError   *reason)
{
  AscActor *actor = ASC_ACTOR (self);

  if (!asc_actor_get_events_wanted (actor) && !asc_actor_get_state_wanted (actor))
    return;

  g_clear_handle_id (&self->snapshot_timeout_source, g_source_remove);
  _asc_actor_log (actor, ASC_EVENT_KIND_CONNECTION, NULL, NULL, reason->message);
}

static void
apply_patch (AscZocketActor *self,
             JsonNode       *patches)
{
  AscActor *actor = ASC_ACTOR (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (asc_state_store_apply (asc_actor_get_state_store (actor), patches, &error))
    return;

  text = g_strdup_printf (_("The state went out of sync (%s); fetching a fresh snapshot"),
                          error->message);
  g_debug ("%s/%s: %s", asc_actor_get_type_name (actor), asc_actor_get_key (actor), text);
  _asc_actor_log (actor, ASC_EVENT_KIND_ERROR, NULL, patches, text);
  _asc_actor_count_resync (actor);
  request_snapshot (self);
}

void
_asc_zocket_actor_handle_message (AscZocketActor   *self,
                                  AscZocketMessage *message)
{
  AscActor *actor = ASC_ACTOR (self);

  switch (message->type)
    {
    case ASC_ZOCKET_MESSAGE_EVENT:
      if (asc_actor_get_events_wanted (actor))
        _asc_actor_emit_event (actor, message->event, message->payload);
      break;

    case ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT:
      if (!asc_actor_get_state_wanted (actor))
        break;
      set_awaiting_snapshot (self, FALSE);
      _asc_actor_set_status (actor, ASC_ACTOR_STATUS_AWAKE);
      asc_state_store_reset (asc_actor_get_state_store (actor), message->state);
      break;

    case ASC_ZOCKET_MESSAGE_STATE_PATCH:
      if (asc_actor_get_state_wanted (actor) && !self->awaiting_snapshot)
        apply_patch (self, message->patches);
      break;

    case ASC_ZOCKET_MESSAGE_UNKNOWN:
    case ASC_ZOCKET_MESSAGE_WELCOME:
    case ASC_ZOCKET_MESSAGE_RPC_RESULT:
    default:
      break;
    }
}

/**
 * _asc_zocket_actor_frame_unreadable:
 * @envelope: what could be read of the frame: its type and address
 * @reason: why the rest could not
 *
 * A patch that was lost leaves the mirror behind the server: fetch a fresh
 * snapshot, as when a patch does not apply. A lost snapshot or event is
 * logged, so that the reason shows.
 */
void
_asc_zocket_actor_frame_unreadable (AscZocketActor   *self,
                                    AscZocketMessage *envelope,
                                    const GError     *reason)
{
  AscActor *actor = ASC_ACTOR (self);
  gboolean state = asc_actor_get_state_wanted (actor);
  g_autofree char *text = NULL;

  switch (envelope->type)
    {
    case ASC_ZOCKET_MESSAGE_STATE_PATCH:
      if (!state || self->awaiting_snapshot)
        return;
      text = g_strdup_printf (_("A change to the state could not be read (%s); "
                                "fetching a fresh snapshot"), reason->message);
      _asc_actor_log (actor, ASC_EVENT_KIND_ERROR, NULL, NULL, text);
      _asc_actor_count_resync (actor);
      request_snapshot (self);
      break;

    case ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT:
      if (!state)
        return;
      text = g_strdup_printf (_("The state could not be read: %s"), reason->message);
      _asc_actor_log (actor, ASC_EVENT_KIND_ERROR, NULL, NULL, text);
      break;

    case ASC_ZOCKET_MESSAGE_EVENT:
      if (!asc_actor_get_events_wanted (actor))
        return;
      text = g_strdup_printf (_("An event could not be read: %s"), reason->message);
      _asc_actor_log (actor, ASC_EVENT_KIND_ERROR, NULL, NULL, text);
      break;

    case ASC_ZOCKET_MESSAGE_UNKNOWN:
    case ASC_ZOCKET_MESSAGE_WELCOME:
    case ASC_ZOCKET_MESSAGE_RPC_RESULT:
    default:
      break;
    }
}
