/* asc-demo-todo.c: a to-do list
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-actor.h"
#include "asc-error.h"

#include <glib/gi18n-lib.h>

#define HOME "inbox"
#define MAX_ITEMS 100

static JsonObject *
item_new (gint64              id,
          const char         *title,
          gboolean            done,
          const char * const *tags)
{
  JsonObject *item = json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_array_add_string_element (array, tags[i]);

  json_object_set_int_member (item, "id", id);
  json_object_set_string_member (item, "title", title);
  json_object_set_boolean_member (item, "done", done);
  json_object_set_array_member (item, "tags", array);

  return item;
}

static JsonNode *
todo_create_state (const char *actor_id)
{
  static const char * const demo[] = { "demo", NULL };
  static const char * const ui[] = { "demo", "ui", NULL };
  JsonObject *state = json_object_new ();
  JsonArray *items = json_array_new ();

  json_array_add_object_element (items, item_new (1, _("Open the state tree of this list"),
                                                  TRUE, demo));
  json_array_add_object_element (items, item_new (2, _("Add an item with the “add” action"),
                                                  FALSE, ui));
  json_array_add_object_element (items, item_new (3, _("Toggle an item and watch the patch"),
                                                  FALSE, ui));
  json_object_set_array_member (state, "items", items);

  return asc_demo_object_node (state);
}

static JsonArray *
get_items (AscDemoContext *ctx)
{
  return json_object_get_array_member (ctx->state, "items");
}

static gint
find_item (AscDemoContext  *ctx,
           gint64           id,
           GError         **error)
{
  JsonArray *items = get_items (ctx);
  g_autofree char *id_text = NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
      return i;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_set_error (error, ASC_ERROR, ASC_ERROR_NOT_FOUND, _("No item has the id %s"), id_text);
  return -1;
}

static gint64
next_id (JsonArray *items)
{
  gint64 largest = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    largest = MAX (largest, json_object_get_int_member (json_array_get_object_element (items, i),
                                                        "id"));

  return largest + 1;
}

static char **
input_tags (AscDemoContext *ctx)
{
  JsonNode *node = json_object_get_member (json_node_get_object (ctx->input), "tags");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; node != NULL && i < json_array_get_length (json_node_get_array (node)); i++)
    g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (node), i));

  return g_strv_builder_end (builder);
}

static void
emit_id (AscDemoContext *ctx,
         const char     *event,
         JsonObject     *item)
{
  JsonObject *payload = json_object_new ();

  json_object_set_int_member (payload, "id", json_object_get_int_member (item, "id"));
  if (g_str_equal (event, "added"))
    json_object_set_string_member (payload, "title", json_object_get_string_member (item, "title"));
  asc_demo_context_emit (ctx, event, payload);
}

static JsonNode *
todo_add (AscDemoContext  *ctx,
          GError         **error)
{
  JsonArray *items = get_items (ctx);
  g_auto(GStrv) tags = NULL;
  JsonObject *item;

  if (json_array_get_length (items) >= MAX_ITEMS)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_FAILED,
                   _("The list is full (%d items); remove some first"), MAX_ITEMS);
      return NULL;
    }

  tags = input_tags (ctx);
  item = item_new (next_id (items), asc_demo_input_get_string (ctx, "title"), FALSE,
                   (const char * const *) tags);
  json_array_add_object_element (items, item);
  emit_id (ctx, "added", item);

  return asc_demo_object_node (json_object_ref (item));
}

static JsonNode *
todo_toggle (AscDemoContext  *ctx,
             GError         **error)
{
  gint index = find_item (ctx, asc_demo_input_get_int (ctx, "id", 0), error);
  JsonObject *item;

  if (index < 0)
    return NULL;

  item = json_array_get_object_element (get_items (ctx), index);
  json_object_set_boolean_member (item, "done", !json_object_get_boolean_member (item, "done"));

  return asc_demo_object_node (json_object_ref (item));
}

static JsonNode *
todo_remove (AscDemoContext  *ctx,
             GError         **error)
{
  gint index = find_item (ctx, asc_demo_input_get_int (ctx, "id", 0), error);

  if (index < 0)
    return NULL;

  emit_id (ctx, "removed", json_array_get_object_element (get_items (ctx), index));
  json_array_remove_element (get_items (ctx), index);
  return NULL;
}

static JsonNode *
todo_clear_done (AscDemoContext  *ctx,
                 GError         **error)
{
  JsonArray *items = get_items (ctx);
  gint64 removed = 0;

  for (guint i = json_array_get_length (items); i > 0; i--)
    {
      JsonObject *item = json_array_get_object_element (items, i - 1);

      if (!json_object_get_boolean_member (item, "done"))
        continue;

      emit_id (ctx, "removed", item);
      json_array_remove_element (items, i - 1);
      removed++;
    }

  return json_node_init_int (json_node_alloc (), removed);
}

static const AscDemoMethod todo_methods[] = {
  { "add", todo_add },
  { "toggle", todo_toggle },
  { "remove", todo_remove },
  { "clearDone", todo_clear_done },
  { NULL }
};

const AscDemoActorClass asc_demo_todo_class = {
  .name = "todo",
  .home_instance = HOME,
  .create_state = todo_create_state,
  .methods = todo_methods,
};
