/* asc-demo-actor.h: what a demo actor type is made of
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscDemoContext:
 * @state: the draft state; change it in place
 * @input: the input, valid against the catalog's schema; %NULL when none came
 * @actor_id: the instance id
 * @client_id: the caller's client id, %NULL for timers
 * @rand: the server's random numbers
 * @tick: how many timer ticks the server has run
 * @events: (element-type JsonNode): events waiting for the commit
 *
 * What a method, hook or tick sees. Its changes to @state and its events
 * are committed together when it returns without an error, and dropped
 * when it fails.
 */
typedef struct
{
  JsonObject *state;
  JsonNode   *input;
  const char *actor_id;
  const char *client_id;
  GRand      *rand;
  guint64     tick;
  GPtrArray  *events;
} AscDemoContext;

typedef JsonNode *(*AscDemoMethodFunc) (AscDemoContext  *ctx,
                                        GError         **error);

/**
 * AscDemoMethod:
 * @name: the method name
 * @func: runs it
 *
 * One method of an actor type; its input schema, if it takes one, is in
 * the catalog, and the input is checked against it before @func runs.
 */
typedef struct
{
  const char        *name;
  AscDemoMethodFunc  func;
} AscDemoMethod;

/**
 * AscDemoActorClass:
 * @name: the actor type
 * @home_instance: the instance that exists from the start
 * @create_state: gives a new instance's state
 * @methods: (array zero-terminated=1): ended by a method with no name
 * @connect: (nullable): runs when a connection first touches an instance
 * @disconnect: (nullable): runs when that connection closes
 * @tick: (nullable): runs on every instance each @tick_every timer ticks
 * @tick_every: how many timer ticks apart @tick runs
 *
 * One actor type of the demo server.
 */
typedef struct
{
  const char           *name;
  const char           *home_instance;
  JsonNode           *(*create_state) (const char *actor_id);
  const AscDemoMethod  *methods;
  AscDemoMethodFunc     connect;
  AscDemoMethodFunc     disconnect;
  AscDemoMethodFunc     tick;
  guint                 tick_every;
} AscDemoActorClass;

extern const AscDemoActorClass asc_demo_counter_class;
extern const AscDemoActorClass asc_demo_chat_class;
extern const AscDemoActorClass asc_demo_sensors_class;
extern const AscDemoActorClass asc_demo_todo_class;

const AscDemoActorClass * const *asc_demo_actor_classes     (void);
const AscDemoActorClass         *asc_demo_actor_lookup      (const char              *name);
const AscDemoMethod             *asc_demo_actor_find_method (const AscDemoActorClass *klass,
                                                             const char              *name);
void                             asc_demo_context_emit      (AscDemoContext          *ctx,
                                                             const char              *event,
                                                             JsonObject              *payload);
char                            *asc_demo_now_iso8601       (void);
JsonNode                        *asc_demo_object_node       (JsonObject              *object);
gint64                           asc_demo_input_get_int     (AscDemoContext          *ctx,
                                                             const char              *name,
                                                             gint64                   fallback);
const char                      *asc_demo_input_get_string  (AscDemoContext          *ctx,
                                                             const char              *name);

G_END_DECLS
