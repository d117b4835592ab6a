/* asc-demo-counter.c: a number that counts by itself
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-actor.h"
#include "asc-error.h"

#include <glib/gi18n-lib.h>

#define HOME "main"
#define MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)

static JsonNode *
counter_create_state (const char *actor_id)
{
  JsonObject *state = json_object_new ();

  json_object_set_int_member (state, "count", 0);
  json_object_set_null_member (state, "lastChangedBy");
  return asc_demo_object_node (state);
}

/* Every change goes through here, so `changed` never misses one. */
static JsonNode *
set_count (AscDemoContext *ctx,
           gint64          count)
{
  JsonObject *payload = json_object_new ();

  json_object_set_int_member (ctx->state, "count", count);
  json_object_set_string_member (ctx->state, "lastChangedBy",
                                 ctx->client_id != NULL ? ctx->client_id : "timer");
  json_object_set_int_member (payload, "count", count);
  asc_demo_context_emit (ctx, "changed", payload);

  return json_node_init_int (json_node_alloc (), count);
}

static gint64
get_count (AscDemoContext *ctx)
{
  return json_object_get_int_member (ctx->state, "count");
}

static JsonNode *
counter_increment (AscDemoContext  *ctx,
                   GError         **error)
{
  return set_count (ctx, get_count (ctx) + 1);
}

static JsonNode *
counter_add (AscDemoContext  *ctx,
             GError         **error)
{
  gint64 amount = asc_demo_input_get_int (ctx, "amount", 0);

  /* The schema sets no maximum, but past 2^53 - 1 a JavaScript client
   * would no longer read the count exactly. The count is never negative. */
  if (amount > MAX_SAFE_INTEGER - get_count (ctx))
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_FAILED,
                           _("The count would pass 2^53 - 1; reset it first"));
      return NULL;
    }

  return set_count (ctx, get_count (ctx) + amount);
}

static JsonNode *
counter_reset (AscDemoContext  *ctx,
               GError         **error)
{
  return set_count (ctx, 0);
}

static JsonNode *
counter_tick (AscDemoContext  *ctx,
              GError         **error)
{
  if (g_strcmp0 (ctx->actor_id, HOME) == 0)
    json_node_unref (set_count (ctx, get_count (ctx) + 1));

  return NULL;
}

static const AscDemoMethod counter_methods[] = {
  { "increment", counter_increment },
  { "add", counter_add },
  { "reset", counter_reset },
  { NULL }
};

const AscDemoActorClass asc_demo_counter_class = {
  .name = "counter",
  .home_instance = HOME,
  .create_state = counter_create_state,
  .methods = counter_methods,
  .tick = counter_tick,
  .tick_every = 3,
};
