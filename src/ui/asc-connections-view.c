/* asc-connections-view.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are kept by connection id across updates, so a selection and the
 * scroll position survive the inspector's pushes.
 */

#define G_LOG_DOMAIN "asc-connections"

#include "config.h"

#include "asc-connection-item.h"
#include "asc-connections-view.h"

/* A bound on rows, whatever the server sends. */
#define MAX_CONNECTIONS 10000

struct _AscConnectionsView
{
  GtkWidget           parent_instance;

  AscActor           *actor;
  GListStore         *connections;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkTextView        *detail_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (AscConnectionsView, asc_connections_view, GTK_TYPE_WIDGET)

static void
remove_gone (GListStore *store,
             GHashTable *wanted)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i > 0; i--)
    {
      g_autoptr(AscConnectionItem) item = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      if (!g_hash_table_contains (wanted, asc_connection_item_get_id (item)))
        g_list_store_remove (store, i - 1);
    }
}

static GHashTable *
index_items (GListStore *store)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      AscConnectionItem *item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_hash_table_insert (index, (gpointer) asc_connection_item_get_id (item), item);
    }

  return index;
}

static const char *
get_id (JsonNode *element)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return NULL;

  id = json_object_get_member (json_node_get_object (element), "id");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (id);
}

/* Removes the rows that went, updates those that stayed, appends the new
 * ones: every change is its own exact items-changed. */
static void
sync_items (AscConnectionsView *self,
            JsonArray          *array)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) existing = NULL;
  guint n = MIN (json_array_get_length (array), MAX_CONNECTIONS);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id = get_id (element);

      /* A repeated id: the first wins. */
      if (id != NULL && !g_hash_table_contains (wanted, id))
        g_hash_table_insert (wanted, (gpointer) id, element);
    }

  remove_gone (self->connections, wanted);
  existing = index_items (self->connections);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id = get_id (element);
      JsonNode *details;
      AscConnectionItem *found;
      g_autoptr(AscConnectionItem) item = NULL;

      if (id == NULL || g_hash_table_lookup (wanted, id) != element)
        continue;

      details = json_object_get_member (json_node_get_object (element), "details");
      found = g_hash_table_lookup (existing, id);
      if (found != NULL)
        {
          asc_connection_item_set_details (found, details);
          continue;
        }

      item = asc_connection_item_new (id);
      asc_connection_item_set_details (item, details);
      g_list_store_append (self->connections, item);
    }
}

static void
show_detail (AscConnectionsView *self)
{
  AscConnectionItem *item = gtk_single_selection_get_selected_item (self->selection);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->detail_view);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", -1);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, asc_connection_item_get_id (item));
  json_builder_set_member_name (builder, "details");
  if (asc_connection_item_get_details (item) != NULL)
    json_builder_add_value (builder, json_node_copy (asc_connection_item_get_details (item)));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  gtk_text_buffer_set_text (buffer, text, -1);
}

static void
update (AscConnectionsView *self)
{
  JsonNode *list = NULL;

  if (self->actor != NULL)
    list = asc_rivet_actor_get_connections (ASC_RIVET_ACTOR (self->actor));

  if (list == NULL)
    g_list_store_remove_all (self->connections);
  else
    sync_items (self, json_node_get_array (list));

  if (list == NULL)
    gtk_stack_set_visible_child_name (self->stack, "unknown");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->connections)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  show_detail (self);
}

static void
release_actor (AscConnectionsView *self)
{
  if (self->actor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->actor, self);
  asc_actor_unwatch_state (self->actor);
  g_clear_object (&self->actor);
}

static void
asc_connections_view_dispose (GObject *object)
{
  AscConnectionsView *self = ASC_CONNECTIONS_VIEW (object);
  GtkWidget *child;

  release_actor (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_CONNECTIONS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->connections);

  G_OBJECT_CLASS (asc_connections_view_parent_class)->dispose (object);
}

static void
asc_connections_view_class_init (AscConnectionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_connections_view_dispose;

  g_type_ensure (ASC_TYPE_CONNECTION_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/asc-connections-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AscConnectionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AscConnectionsView, detail_view);
  gtk_widget_class_bind_template_child (widget_class, AscConnectionsView, stack);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
asc_connections_view_init (AscConnectionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->connections = g_list_store_new (ASC_TYPE_CONNECTION_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->connections)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (show_detail), self);
  update (self);
}

GtkWidget *
asc_connections_view_new (void)
{
  return g_object_new (ASC_TYPE_CONNECTIONS_VIEW, NULL);
}

/**
 * asc_connections_view_set_actor:
 * @actor: (nullable): the actor whose connections to list
 *
 * Lists @actor's connections as its Rivet inspector reports them, holding
 * one use of its state watch (the inspector lists them only then). Actors
 * of other servers have no such list: the view then shows nothing.
 */
void
asc_connections_view_set_actor (AscConnectionsView *self,
                                AscActor           *actor)
{
  g_return_if_fail (ASC_IS_CONNECTIONS_VIEW (self));
  g_return_if_fail (actor == NULL || ASC_IS_ACTOR (actor));

  if (actor != NULL && !ASC_IS_RIVET_ACTOR (actor))
    actor = NULL;
  if (self->actor == actor)
    return;

  release_actor (self);
  g_list_store_remove_all (self->connections);
  if (actor != NULL)
    {
      self->actor = g_object_ref (actor);
      g_signal_connect_object (actor, "connections-changed", G_CALLBACK (update),
                               self, G_CONNECT_SWAPPED);
      asc_actor_watch_state (actor);
    }
  update (self);
}

/**
 * asc_connections_view_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor shown
 */
AscActor *
asc_connections_view_get_actor (AscConnectionsView *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTIONS_VIEW (self), NULL);

  return self->actor;
}

/**
 * asc_connections_view_get_model:
 *
 * Returns: (transfer none): the rows, #AscConnectionItem
 */
GListModel *
asc_connections_view_get_model (AscConnectionsView *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTIONS_VIEW (self), NULL);

  return G_LIST_MODEL (self->connections);
}

/**
 * asc_connections_view_get_shown:
 *
 * Returns: what the view shows: "unknown", "empty" or "list"
 */
const char *
asc_connections_view_get_shown (AscConnectionsView *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTIONS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
