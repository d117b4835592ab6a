/* asc-demo-sensors.c: a sensor board whose readings drift
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-actor.h"

#include <math.h>

#define HOME "board-1"
#define ALERT_AT 25.0
#define PERIOD_TICKS 40.0

/* Temperatures follow a slow wave with a little noise, so the kitchen
 * crosses the alert threshold once per wave and the others rarely. */
static const struct {
  const char *name;
  double      base;
  double      amplitude;
  guint       phase;
  gint64      humidity;
} rooms[] = {
  { "kitchen", 23.0, 3.0, 0, 55 },
  { "livingRoom", 21.0, 1.5, 10, 45 },
  { "bedroom", 19.0, 1.0, 20, 50 },
  { "office", 22.0, 2.0, 30, 40 },
};

/* Steps of 0.25 are exact in binary, so the JSON stays short: 23.25. */
static double
wave (guint   room,
      guint64 tick)
{
  double angle = 2 * G_PI * (double) ((tick + rooms[room].phase) % (guint64) PERIOD_TICKS) /
                 PERIOD_TICKS;

  return rooms[room].base + rooms[room].amplitude * sin (angle);
}

static double
quantize (double value)
{
  return round (value * 4) / 4;
}

static JsonObject *
room_new (guint room)
{
  JsonObject *object = json_object_new ();
  JsonObject *lights = json_object_new ();

  json_object_set_boolean_member (lights, "on", room == 0);
  json_object_set_int_member (lights, "level", room == 0 ? 80 : 0);
  json_object_set_double_member (object, "temperature", quantize (wave (room, 0)));
  json_object_set_int_member (object, "humidity", rooms[room].humidity);
  json_object_set_object_member (object, "lights", lights);

  return object;
}

static JsonNode *
sensors_create_state (const char *actor_id)
{
  JsonObject *state = json_object_new ();
  JsonObject *room_map = json_object_new ();
  g_autofree char *now = asc_demo_now_iso8601 ();

  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    json_object_set_object_member (room_map, rooms[i].name, room_new (i));
  json_object_set_object_member (state, "rooms", room_map);
  json_object_set_string_member (state, "updatedAt", now);

  return asc_demo_object_node (state);
}

static JsonObject *
get_room (AscDemoContext *ctx,
          const char     *name)
{
  return json_object_get_object_member (json_object_get_object_member (ctx->state, "rooms"), name);
}

static void
emit_alert (AscDemoContext *ctx,
            const char     *room,
            double          temperature)
{
  JsonObject *payload = json_object_new ();

  json_object_set_string_member (payload, "room", room);
  json_object_set_double_member (payload, "temperature", temperature);
  asc_demo_context_emit (ctx, "alert", payload);
}

static void
drift (AscDemoContext *ctx,
       guint           room)
{
  JsonObject *object = get_room (ctx, rooms[room].name);
  double before = json_object_get_double_member (object, "temperature");
  double noise = 0.25 * g_rand_int_range (ctx->rand, -1, 2);
  double after = quantize (wave (room, ctx->tick) + noise);
  gint64 humidity = json_object_get_int_member (object, "humidity");

  json_object_set_double_member (object, "temperature", after);
  if (before < ALERT_AT && after >= ALERT_AT)
    emit_alert (ctx, rooms[room].name, after);

  if (g_rand_boolean (ctx->rand))
    humidity += g_rand_boolean (ctx->rand) ? 1 : -1;
  json_object_set_int_member (object, "humidity", CLAMP (humidity, 30, 70));
}

static JsonNode *
sensors_tick (AscDemoContext  *ctx,
              GError         **error)
{
  g_autofree char *now = asc_demo_now_iso8601 ();

  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    drift (ctx, i);
  json_object_set_string_member (ctx->state, "updatedAt", now);

  return NULL;
}

static JsonNode *
sensors_set_light (AscDemoContext  *ctx,
                   GError         **error)
{
  JsonObject *room = get_room (ctx, asc_demo_input_get_string (ctx, "room"));
  JsonObject *lights = json_object_get_object_member (room, "lights");
  JsonNode *on = json_object_get_member (json_node_get_object (ctx->input), "on");
  gint64 level = asc_demo_input_get_int (ctx, "level",
                                         json_object_get_int_member (lights, "level"));

  json_object_set_boolean_member (lights, "on", json_node_get_boolean (on));
  json_object_set_int_member (lights, "level", level);

  return asc_demo_object_node (json_object_ref (lights));
}

static const AscDemoMethod sensors_methods[] = {
  { "setLight", sensors_set_light },
  { NULL }
};

const AscDemoActorClass asc_demo_sensors_class = {
  .name = "sensors",
  .home_instance = HOME,
  .create_state = sensors_create_state,
  .methods = sensors_methods,
  .tick = sensors_tick,
  .tick_every = 1,
};
