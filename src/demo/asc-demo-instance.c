/* asc-demo-instance.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-instance.h"
#include "asc-demo-protocol.h"
#include "asc-json-diff.h"

/* Every change runs on a copy of the state (the draft). On success the
 * patch is the diff of the old state and the draft, so it is exact by
 * construction; it goes to the state subscribers, then the call's events
 * go to the event subscribers. A failed call leaves no trace, as a Zocket
 * handler that throws. */
struct _AscDemoInstance
{
  const AscDemoActorClass *klass;
  char                    *actor_id;
  JsonNode                *actor_id_node;
  JsonNode                *state;
  GRand                   *rand;
  GPtrArray               *clients;
  GPtrArray               *state_subscribers;
  GPtrArray               *event_subscribers;
};

/**
 * asc_demo_instance_new:
 * @klass: the actor type
 * @actor_id: (nullable): the id as first sent; frames echo it as it is
 * @rand: (transfer none): random numbers for the actor, outliving it
 *
 * Returns: (transfer full): an instance in its initial state
 */
AscDemoInstance *
asc_demo_instance_new (const AscDemoActorClass *klass,
                       JsonNode                *actor_id,
                       GRand                   *rand)
{
  AscDemoInstance *self = g_new0 (AscDemoInstance, 1);

  self->klass = klass;
  self->actor_id = asc_demo_js_string (actor_id);
  self->actor_id_node = actor_id != NULL ? json_node_copy (actor_id) : NULL;
  self->state = klass->create_state (self->actor_id);
  self->rand = rand;
  self->clients = g_ptr_array_new ();
  self->state_subscribers = g_ptr_array_new ();
  self->event_subscribers = g_ptr_array_new ();

  return self;
}

/* Peers still attached are detached without hooks: the server is going. */
void
asc_demo_instance_free (AscDemoInstance *self)
{
  if (self == NULL)
    return;

  while (self->clients->len > 0)
    asc_demo_instance_forget (self, g_ptr_array_index (self->clients, 0), FALSE);

  g_ptr_array_unref (self->clients);
  g_ptr_array_unref (self->state_subscribers);
  g_ptr_array_unref (self->event_subscribers);
  g_clear_pointer (&self->state, json_node_unref);
  g_clear_pointer (&self->actor_id_node, json_node_unref);
  g_free (self->actor_id);
  g_free (self);
}

const AscDemoActorClass *
asc_demo_instance_get_class (AscDemoInstance *self)
{
  return self->klass;
}

static void
broadcast (GPtrArray  *peers,
           const char *frame)
{
  for (guint i = 0; i < peers->len; i++)
    asc_demo_peer_send (g_ptr_array_index (peers, i), frame);
}

static void
commit (AscDemoInstance *self,
        JsonNode        *draft)
{
  g_autoptr(JsonNode) patches = asc_json_diff (self->state, draft);
  g_autofree char *frame = NULL;

  json_node_unref (self->state);
  self->state = draft;
  if (json_array_get_length (json_node_get_array (patches)) == 0 ||
      self->state_subscribers->len == 0)
    return;

  frame = asc_demo_encode_patch (self->klass->name, self->actor_id_node, patches);
  broadcast (self->state_subscribers, frame);
}

static void
send_events (AscDemoInstance *self,
             GPtrArray       *events)
{
  for (guint i = 0; i < events->len && self->event_subscribers->len > 0; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (events, i));
      g_autofree char *frame = NULL;

      frame = asc_demo_encode_event (self->klass->name, self->actor_id_node,
                                     json_object_get_string_member (entry, "event"),
                                     json_object_get_member (entry, "payload"));
      broadcast (self->event_subscribers, frame);
    }
}

static gboolean
run (AscDemoInstance    *self,
     AscDemoMethodFunc   func,
     AscDemoContext     *ctx,
     JsonNode          **result,
     GError            **error)
{
  g_autoptr(JsonNode) draft = asc_json_copy (self->state);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) local_error = NULL;

  ctx->state = json_node_get_object (draft);
  ctx->actor_id = self->actor_id;
  ctx->rand = self->rand;
  ctx->events = events;

  value = func (ctx, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  commit (self, g_steal_pointer (&draft));
  send_events (self, events);
  if (result != NULL)
    *result = g_steal_pointer (&value);
  return TRUE;
}

static void
run_hook (AscDemoInstance   *self,
          AscDemoMethodFunc  hook,
          AscDemoPeer       *peer)
{
  AscDemoContext ctx = { .client_id = peer->client_id };
  g_autoptr(GError) error = NULL;

  if (hook != NULL && !run (self, hook, &ctx, NULL, &error))
    g_debug ("A %s hook failed: %s", self->klass->name, error->message);
}

/* The first message of a connection to an instance makes it a client. */
void
asc_demo_instance_touch (AscDemoInstance *self,
                         AscDemoPeer     *peer)
{
  if (g_ptr_array_find (self->clients, peer, NULL))
    return;

  g_ptr_array_add (self->clients, peer);
  g_ptr_array_add (peer->instances, self);
  run_hook (self, self->klass->connect, peer);
}

/* The connection of @peer closed, or the server stops. */
void
asc_demo_instance_forget (AscDemoInstance *self,
                          AscDemoPeer     *peer,
                          gboolean         run_hooks)
{
  g_ptr_array_remove (self->state_subscribers, peer);
  g_ptr_array_remove (self->event_subscribers, peer);
  g_ptr_array_remove (peer->instances, self);
  if (g_ptr_array_remove (self->clients, peer) && run_hooks)
    run_hook (self, self->klass->disconnect, peer);
}

static void
set_member (GPtrArray   *peers,
            AscDemoPeer *peer,
            gboolean     member)
{
  gboolean present = g_ptr_array_find (peers, peer, NULL);

  if (member && !present)
    g_ptr_array_add (peers, peer);
  else if (!member && present)
    g_ptr_array_remove (peers, peer);
}

void
asc_demo_instance_set_state_subscribed (AscDemoInstance *self,
                                        AscDemoPeer     *peer,
                                        gboolean         subscribed)
{
  set_member (self->state_subscribers, peer, subscribed);
}

/* A `state:sub` always answers with a fresh snapshot, even a repeated one. */
void
asc_demo_instance_send_snapshot (AscDemoInstance *self,
                                 AscDemoPeer     *peer)
{
  g_autofree char *frame = NULL;

  frame = asc_demo_encode_snapshot (self->klass->name, self->actor_id_node, self->state);
  asc_demo_peer_send (peer, frame);
}

void
asc_demo_instance_set_events_subscribed (AscDemoInstance *self,
                                         AscDemoPeer     *peer,
                                         gboolean         subscribed)
{
  set_member (self->event_subscribers, peer, subscribed);
}

/**
 * asc_demo_instance_call:
 * @self: an instance
 * @method: one of its methods
 * @peer: the caller
 * @input: (nullable): the validated input; methods that take none ignore it
 * @result: (out) (transfer full) (optional) (nullable): what it returned
 * @error: the error it raised
 *
 * Runs a method; its patch and events go out before this returns.
 *
 * Returns: %TRUE unless the method failed
 */
gboolean
asc_demo_instance_call (AscDemoInstance      *self,
                        const AscDemoMethod  *method,
                        AscDemoPeer          *peer,
                        JsonNode             *input,
                        JsonNode            **result,
                        GError              **error)
{
  AscDemoContext ctx = {
    .input = input,
    .client_id = peer->client_id,
  };

  return run (self, method->func, &ctx, result, error);
}

void
asc_demo_instance_tick (AscDemoInstance *self,
                        guint64          tick)
{
  AscDemoContext ctx = { .tick = tick };
  g_autoptr(GError) error = NULL;

  if (self->klass->tick != NULL && !run (self, self->klass->tick, &ctx, NULL, &error))
    g_debug ("A %s tick failed: %s", self->klass->name, error->message);
}
