/* asc-demo-actor.c: the demo's actor types and what they share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-actor.h"

/**
 * asc_demo_actor_classes:
 *
 * Returns: (transfer none) (array zero-terminated=1): every actor type of
 *   the demo server, in the catalog's order
 */
const AscDemoActorClass * const *
asc_demo_actor_classes (void)
{
  static const AscDemoActorClass * const classes[] = {
    &asc_demo_counter_class,
    &asc_demo_chat_class,
    &asc_demo_sensors_class,
    &asc_demo_todo_class,
    NULL,
  };

  return classes;
}

/**
 * asc_demo_actor_lookup:
 * @name: an actor type
 *
 * Returns: (transfer none) (nullable): the type, or %NULL when the demo has
 *   no such actor
 */
const AscDemoActorClass *
asc_demo_actor_lookup (const char *name)
{
  const AscDemoActorClass * const *classes = asc_demo_actor_classes ();

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_strcmp0 (classes[i]->name, name) == 0)
      return classes[i];

  return NULL;
}

const AscDemoMethod *
asc_demo_actor_find_method (const AscDemoActorClass *klass,
                            const char              *name)
{
  for (const AscDemoMethod *method = klass->methods; method->name != NULL; method++)
    if (g_strcmp0 (method->name, name) == 0)
      return method;

  return NULL;
}

/**
 * asc_demo_context_emit:
 * @ctx: the running call
 * @event: the event name
 * @payload: (transfer full): its payload
 *
 * Queues an event; it goes out after the call's patch, and never when the
 * call fails.
 */
void
asc_demo_context_emit (AscDemoContext *ctx,
                       const char     *event,
                       JsonObject     *payload)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "event", event);
  json_object_set_object_member (entry, "payload", payload);
  g_ptr_array_add (ctx->events, asc_demo_object_node (entry));
}

/**
 * asc_demo_now_iso8601:
 *
 * Returns: (transfer full): the current time in UTC with milliseconds, as
 *   JavaScript's Date.toISOString() writes it
 */
char *
asc_demo_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/**
 * asc_demo_object_node:
 * @object: (transfer full): an object
 *
 * Returns: (transfer full): a node holding @object
 */
JsonNode *
asc_demo_object_node (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static JsonNode *
input_member (AscDemoContext *ctx,
              const char     *name)
{
  if (ctx->input == NULL || !JSON_NODE_HOLDS_OBJECT (ctx->input))
    return NULL;

  return json_object_get_member (json_node_get_object (ctx->input), name);
}

/* Validation has run, so a present member has the right type; a JSON
 * number with no fraction counts as an integer. */
gint64
asc_demo_input_get_int (AscDemoContext *ctx,
                        const char     *name,
                        gint64          fallback)
{
  JsonNode *node = input_member (ctx, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);

  return json_node_get_int (node);
}

const char *
asc_demo_input_get_string (AscDemoContext *ctx,
                           const char     *name)
{
  JsonNode *node = input_member (ctx, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}
