/* asc-demo-chat.c: a chat room with a talkative bot
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-actor.h"

#include <glib/gi18n-lib.h>

#define HOME "lobby"
#define BOT "ada-bot"
#define MAX_MESSAGES 50

static const char * const bot_lines[] = {
  N_("Welcome! Everything here is live: watch the state tree change."),
  N_("Try “send” from the Actions page to post in this room."),
  N_("The sensor board drifts every second; its kitchen runs warm."),
  N_("Subscribed to events? Every message I post is one."),
  N_("Only the last 50 messages are kept, so old ones scroll away."),
  N_("The counter on “main” counts by itself every few seconds."),
  N_("Call “clear” to empty this room; I will keep talking anyway."),
  N_("Connect a second client to this room: you will both be members."),
};

static JsonArray *
get_array (AscDemoContext *ctx,
           const char     *name)
{
  return json_object_get_array_member (ctx->state, name);
}

static JsonObject *
post (JsonArray  *messages,
      const char *from,
      const char *text)
{
  JsonObject *message = json_object_new ();
  g_autofree char *now = asc_demo_now_iso8601 ();

  json_object_set_string_member (message, "from", from);
  json_object_set_string_member (message, "text", text);
  json_object_set_string_member (message, "at", now);
  json_array_add_object_element (messages, message);

  /* Bounded, so a room running for hours stays the same size. */
  while (json_array_get_length (messages) > MAX_MESSAGES)
    json_array_remove_element (messages, 0);

  return message;
}

static void
emit_message (AscDemoContext *ctx,
              const char     *from,
              const char     *text)
{
  JsonObject *payload = json_object_new ();

  json_object_set_string_member (payload, "from", from);
  json_object_set_string_member (payload, "text", text);
  asc_demo_context_emit (ctx, "message", payload);
}

static JsonNode *
chat_create_state (const char *actor_id)
{
  JsonObject *state = json_object_new ();
  JsonArray *messages = json_array_new ();
  JsonArray *members = json_array_new ();

  post (messages, BOT, _(bot_lines[0]));
  json_array_add_string_element (members, BOT);
  json_object_set_array_member (state, "messages", messages);
  json_object_set_array_member (state, "members", members);

  return asc_demo_object_node (state);
}

static gint
find_member (JsonArray  *members,
             const char *client_id)
{
  for (guint i = 0; i < json_array_get_length (members); i++)
    if (g_strcmp0 (json_array_get_string_element (members, i), client_id) == 0)
      return i;

  return -1;
}

static JsonNode *
chat_connect (AscDemoContext  *ctx,
              GError         **error)
{
  JsonArray *members = get_array (ctx, "members");

  if (find_member (members, ctx->client_id) < 0)
    json_array_add_string_element (members, ctx->client_id);

  return NULL;
}

static JsonNode *
chat_disconnect (AscDemoContext  *ctx,
                 GError         **error)
{
  JsonArray *members = get_array (ctx, "members");
  gint index = find_member (members, ctx->client_id);

  if (index >= 0)
    json_array_remove_element (members, index);

  return NULL;
}

static JsonNode *
chat_send (AscDemoContext  *ctx,
           GError         **error)
{
  const char *text = asc_demo_input_get_string (ctx, "text");
  JsonObject *message = post (get_array (ctx, "messages"), ctx->client_id, text);

  emit_message (ctx, ctx->client_id, text);
  return asc_demo_object_node (json_object_ref (message));
}

static JsonNode *
chat_clear (AscDemoContext  *ctx,
            GError         **error)
{
  json_object_set_array_member (ctx->state, "messages", json_array_new ());
  return NULL;
}

static JsonNode *
chat_tick (AscDemoContext  *ctx,
           GError         **error)
{
  const char *text = _(bot_lines[(ctx->tick / 2) % G_N_ELEMENTS (bot_lines)]);

  post (get_array (ctx, "messages"), BOT, text);
  emit_message (ctx, BOT, text);
  return NULL;
}

static const AscDemoMethod chat_methods[] = {
  { "send", chat_send },
  { "clear", chat_clear },
  { NULL }
};

const AscDemoActorClass asc_demo_chat_class = {
  .name = "chat",
  .home_instance = HOME,
  .create_state = chat_create_state,
  .methods = chat_methods,
  .connect = chat_connect,
  .disconnect = chat_disconnect,
  .tick = chat_tick,
  .tick_every = 2,
};
