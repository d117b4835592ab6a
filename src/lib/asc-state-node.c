/* asc-state-node.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-node"

#include "config.h"

#include "asc-state-node.h"

#include "asc-enums.h"
#include "asc-json-pointer.h"
#include "asc-state-private.h"

/**
 * AscStateNode:
 *
 * One value of the state mirrored by an #AscStateStore. A node is the
 * #GListModel of its children: the members of an object in document order
 * (members added later come last), or the items of an array in index order.
 * Scalars have no children.
 *
 * The store updates nodes in place, so a node object keeps standing for the
 * same place in the document for as long as that place keeps its JSON type.
 * A view built on a #GtkTreeListModel therefore keeps its expanded rows.
 *
 * #AscStateNode:changed-serial is set to the store's change counter each
 * time the value of the node (its subtree) changes. The root always carries
 * the latest counter, so a view highlights the rows whose serial equals the
 * root's.
 */
struct _AscStateNode
{
  GObject parent_instance;

  char *key;
  char *value_text;
  GPtrArray *children;
  GHashTable *members;
  JsonNode *document;

  AscStateNode *parent;

  guint64 changed_serial;
  guint index;
  AscStateNodeKind kind;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AscStateNode, asc_state_node, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_KEY,
  PROP_KIND,
  PROP_VALUE_TEXT,
  PROP_PATH,
  PROP_N_CHILDREN,
  PROP_CHANGED_SERIAL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean sync_child (AscStateNode *self,
                            guint         position,
                            JsonNode     *value,
                            guint64       serial);

static GType
asc_state_node_get_item_type (GListModel *model)
{
  return ASC_TYPE_STATE_NODE;
}

static guint
asc_state_node_get_n_items (GListModel *model)
{
  return asc_state_node_get_n_children (ASC_STATE_NODE (model));
}

static gpointer
asc_state_node_get_item (GListModel *model,
                         guint       position)
{
  AscStateNode *child = asc_state_node_get_child (ASC_STATE_NODE (model), position);

  return child != NULL ? g_object_ref (child) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = asc_state_node_get_item_type;
  iface->get_n_items = asc_state_node_get_n_items;
  iface->get_item = asc_state_node_get_item;
}

static AscStateNodeKind
kind_for_json (JsonNode *value)
{
  switch (JSON_NODE_TYPE (value))
    {
    case JSON_NODE_OBJECT:
      return ASC_STATE_NODE_KIND_OBJECT;

    case JSON_NODE_ARRAY:
      return ASC_STATE_NODE_KIND_ARRAY;

    case JSON_NODE_NULL:
      return ASC_STATE_NODE_KIND_NULL;

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return ASC_STATE_NODE_KIND_STRING;

    case G_TYPE_BOOLEAN:
      return ASC_STATE_NODE_KIND_BOOLEAN;

    default:
      return ASC_STATE_NODE_KIND_NUMBER;
    }
}

static gboolean
kind_is_container (AscStateNodeKind kind)
{
  return kind == ASC_STATE_NODE_KIND_OBJECT || kind == ASC_STATE_NODE_KIND_ARRAY;
}

static char *
scalar_text (JsonNode *value)
{
  switch (kind_for_json (value))
    {
    case ASC_STATE_NODE_KIND_STRING:
      return g_strdup (json_node_get_string (value));

    case ASC_STATE_NODE_KIND_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");

    case ASC_STATE_NODE_KIND_NULL:
      return g_strdup ("null");

    case ASC_STATE_NODE_KIND_NUMBER:
    case ASC_STATE_NODE_KIND_OBJECT:
    case ASC_STATE_NODE_KIND_ARRAY:
    default:
      /* The number exactly as JSON writes it */
      return json_to_string (value, FALSE);
    }
}

static char *
summary_text (AscStateNodeKind kind,
              guint            n_children)
{
  if (kind == ASC_STATE_NODE_KIND_OBJECT)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_children),
                            n_children);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_children),
                          n_children);
}

static char *
index_key (guint index)
{
  return g_strdup_printf ("%u", index);
}

static void
notify_path (AscStateNode *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);

  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    notify_path (g_ptr_array_index (self->children, i));
}

/* Sets the change counter on @self and its ancestors. An ancestor of a node
 * that carries @serial carries it too, so the walk stops there.
 */
static void
mark_changed (AscStateNode *self,
              guint64       serial)
{
  for (; self != NULL && self->changed_serial != serial; self = self->parent)
    {
      self->changed_serial = serial;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_SERIAL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

static void
set_key (AscStateNode *self,
         const char   *key)
{
  g_free (self->key);
  self->key = g_strdup (key);
}

static void
attach_child (AscStateNode *self,
              AscStateNode *child,
              guint         position)
{
  g_assert (child->parent == NULL);

  child->parent = self;
  child->index = position;
  g_ptr_array_insert (self->children, position, child);
  if (self->members != NULL)
    g_hash_table_replace (self->members, child->key, child);
}

static AscStateNode *
detach_child (AscStateNode *self,
              guint         position)
{
  AscStateNode *child = g_ptr_array_steal_index (self->children, position);

  if (self->members != NULL)
    g_hash_table_remove (self->members, child->key);
  child->parent = NULL;

  return child;
}

static void
detach_all_children (AscStateNode *self)
{
  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    ((AscStateNode *)g_ptr_array_index (self->children, i))->parent = NULL;

  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
}

/* Gives array items from @position on their index and key again */
static void
renumber (AscStateNode *self,
          guint         position)
{
  for (guint i = position; i < self->children->len; i++)
    {
      AscStateNode *child = g_ptr_array_index (self->children, i);

      child->index = i;
      g_free (child->key);
      child->key = index_key (i);
    }
}

static void
notify_renumbered (AscStateNode *self,
                   guint         position)
{
  for (guint i = position; i < self->children->len; i++)
    {
      AscStateNode *child = g_ptr_array_index (self->children, i);

      g_object_notify_by_pspec (G_OBJECT (child), properties[PROP_KEY]);
      notify_path (child);
    }
}

/* Emits items-changed, then the notifications the new child count implies */
static void
children_changed (AscStateNode *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
  g_autofree char *summary = NULL;

  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed == added)
    return;

  summary = summary_text (self->kind, self->children->len);
  if (g_strcmp0 (summary, self->value_text) != 0)
    {
      g_free (self->value_text);
      self->value_text = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TEXT]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHILDREN]);
}

static AscStateNode *node_new (const char *key,
                               JsonNode   *value,
                               guint64     serial);

static void
fill_object (AscStateNode *self,
             JsonObject   *object,
             guint64       serial)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    attach_child (self, node_new (name, member, serial), self->children->len);
}

static void
fill_array (AscStateNode *self,
            JsonArray    *array,
            guint         from,
            guint64       serial)
{
  guint length = json_array_get_length (array);

  for (guint i = from; i < length; i++)
    {
      g_autofree char *key = index_key (i);

      attach_child (self, node_new (key, json_array_get_element (array, i), serial), i);
    }
}

/* Gives a node without children the kind, children and text of @value,
 * without emitting anything.
 */
static void
set_value_silently (AscStateNode *self,
                    JsonNode     *value,
                    guint64       serial)
{
  g_assert (self->children == NULL);

  self->kind = kind_for_json (value);
  g_clear_pointer (&self->value_text, g_free);

  if (self->kind == ASC_STATE_NODE_KIND_OBJECT)
    {
      self->children = g_ptr_array_new_with_free_func (g_object_unref);
      self->members = g_hash_table_new (g_str_hash, g_str_equal);
      fill_object (self, json_node_get_object (value), serial);
    }
  else if (self->kind == ASC_STATE_NODE_KIND_ARRAY)
    {
      self->children = g_ptr_array_new_with_free_func (g_object_unref);
      fill_array (self, json_node_get_array (value), 0, serial);
    }

  if (self->children != NULL)
    self->value_text = summary_text (self->kind, self->children->len);
  else
    self->value_text = scalar_text (value);
}

static AscStateNode *
node_new (const char *key,
          JsonNode   *value,
          guint64     serial)
{
  AscStateNode *self = g_object_new (ASC_TYPE_STATE_NODE, NULL);

  self->key = g_strdup (key);
  self->changed_serial = serial;
  set_value_silently (self, value, serial);

  return self;
}

static AscStateNode *
node_clone (AscStateNode *source,
            guint64       serial)
{
  AscStateNode *self = g_object_new (ASC_TYPE_STATE_NODE, NULL);

  self->key = g_strdup (source->key);
  self->kind = source->kind;
  self->value_text = g_strdup (source->value_text);
  self->changed_serial = serial;

  if (source->children == NULL)
    return self;

  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  if (source->members != NULL)
    self->members = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < source->children->len; i++)
    attach_child (self, node_clone (g_ptr_array_index (source->children, i), serial), i);

  return self;
}

/* Puts @child (owned) in place of the child at @position */
static void
replace_child (AscStateNode *self,
               guint         position,
               AscStateNode *child,
               guint64       serial)
{
  g_autoptr(AscStateNode) old = detach_child (self, position);

  attach_child (self, child, position);
  children_changed (self, position, 1, 1);
  mark_changed (self, serial);
}

/* Removes the child at @position, emitting items-changed and renumbering
 * the later items of an array.
 */
static AscStateNode *
take_child (AscStateNode *self,
            guint         position,
            guint64       serial)
{
  AscStateNode *child = detach_child (self, position);
  gboolean is_array = self->kind == ASC_STATE_NODE_KIND_ARRAY;

  if (is_array)
    renumber (self, position);
  children_changed (self, position, 1, 0);
  if (is_array)
    notify_renumbered (self, position);
  mark_changed (self, serial);

  return child;
}

static gboolean
sync_scalar (AscStateNode *self,
             JsonNode     *value,
             guint64       serial)
{
  g_autofree char *text = scalar_text (value);

  if (g_strcmp0 (text, self->value_text) == 0)
    return FALSE;

  g_free (self->value_text);
  self->value_text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TEXT]);
  mark_changed (self, serial);

  return TRUE;
}

static gboolean
sync_object (AscStateNode *self,
             JsonObject   *object,
             guint64       serial)
{
  gboolean changed = FALSE;
  guint n_kept;

  /* Members that are gone, from the end so lower positions stay valid */
  for (guint i = self->children->len; i > 0; i--)
    {
      AscStateNode *child = g_ptr_array_index (self->children, i - 1);

      if (!json_object_has_member (object, child->key))
        {
          g_object_unref (take_child (self, i - 1, serial));
          changed = TRUE;
        }
    }

  for (guint i = 0; i < self->children->len; i++)
    {
      AscStateNode *child = g_ptr_array_index (self->children, i);

      changed |= sync_child (self, i, json_object_get_member (object, child->key), serial);
    }

  n_kept = self->children->len;
  if (json_object_get_size (object) > n_kept)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!g_hash_table_contains (self->members, name))
          attach_child (self, node_new (name, member, serial), self->children->len);
      children_changed (self, n_kept, 0, self->children->len - n_kept);
      changed = TRUE;
    }

  if (changed)
    mark_changed (self, serial);

  return changed;
}

static gboolean
sync_array (AscStateNode *self,
            JsonArray    *array,
            guint64       serial)
{
  guint old_length = self->children->len;
  guint new_length = json_array_get_length (array);
  gboolean changed = FALSE;

  for (guint i = 0; i < MIN (old_length, new_length); i++)
    changed |= sync_child (self, i, json_array_get_element (array, i), serial);

  if (new_length > old_length)
    {
      fill_array (self, array, old_length, serial);
      children_changed (self, old_length, 0, new_length - old_length);
    }
  else if (new_length < old_length)
    {
      for (guint i = new_length; i < old_length; i++)
        ((AscStateNode *)g_ptr_array_index (self->children, i))->parent = NULL;
      g_ptr_array_remove_range (self->children, new_length, old_length - new_length);
      children_changed (self, new_length, old_length - new_length, 0);
    }

  changed |= old_length != new_length;
  if (changed)
    mark_changed (self, serial);

  return changed;
}

/* Updates @self, whose kind is the kind of @value, to match @value */
static gboolean
sync_same_kind (AscStateNode *self,
                JsonNode     *value,
                guint64       serial)
{
  switch (self->kind)
    {
    case ASC_STATE_NODE_KIND_OBJECT:
      return sync_object (self, json_node_get_object (value), serial);

    case ASC_STATE_NODE_KIND_ARRAY:
      return sync_array (self, json_node_get_array (value), serial);

    case ASC_STATE_NODE_KIND_STRING:
    case ASC_STATE_NODE_KIND_NUMBER:
    case ASC_STATE_NODE_KIND_BOOLEAN:
    case ASC_STATE_NODE_KIND_NULL:
    default:
      return sync_scalar (self, value, serial);
    }
}

/* Makes the child at @position match @value: in place when the JSON type
 * stays, otherwise a new node takes its position.
 */
static gboolean
sync_child (AscStateNode *self,
            guint         position,
            JsonNode     *value,
            guint64       serial)
{
  AscStateNode *child = g_ptr_array_index (self->children, position);

  if (child->kind == kind_for_json (value))
    return sync_same_kind (child, value, serial);

  replace_child (self, position, node_new (child->key, value, serial), serial);
  return TRUE;
}

/* The root has no parent to swap it in, so a new JSON type is taken on in
 * place: one items-changed covers the old and the new children.
 */
static void
sync_root_kind (AscStateNode *self,
                JsonNode     *value,
                guint64       serial)
{
  g_autofree char *old_text = g_steal_pointer (&self->value_text);
  guint old_n_children = asc_state_node_get_n_children (self);
  guint n_children;

  detach_all_children (self);
  set_value_silently (self, value, serial);
  n_children = asc_state_node_get_n_children (self);

  if (old_n_children > 0 || n_children > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_children, n_children);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  if (g_strcmp0 (old_text, self->value_text) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TEXT]);
  if (old_n_children != n_children)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHILDREN]);
  mark_changed (self, serial);
}

static AscStateNode *
lookup_child (AscStateNode *self,
              const char   *token,
              guint        *position)
{
  AscStateNode *child = NULL;
  guint index;

  if (self->kind == ASC_STATE_NODE_KIND_OBJECT)
    {
      child = g_hash_table_lookup (self->members, token);
      if (child != NULL && position != NULL)
        g_ptr_array_find (self->children, child, position);
    }
  else if (self->kind == ASC_STATE_NODE_KIND_ARRAY &&
           asc_json_pointer_parse_index (token, self->children->len, FALSE, &index, NULL))
    {
      child = g_ptr_array_index (self->children, index);
      if (position != NULL)
        *position = index;
    }

  return child;
}

static AscStateNode *
locate (AscStateNode *self,
        char        **tokens,
        guint         n_tokens)
{
  for (guint i = 0; self != NULL && i < n_tokens; i++)
    self = lookup_child (self, tokens[i], NULL);

  return self;
}

/* Adds @child (owned) under @key, as the RFC 6902 "add" does: an existing
 * member is replaced, an array item is inserted.
 */
static gboolean
insert_child (AscStateNode *self,
              const char   *key,
              AscStateNode *child,
              guint64       serial)
{
  g_autoptr(AscStateNode) owned = child;
  guint position;

  if (self->kind == ASC_STATE_NODE_KIND_OBJECT)
    {
      set_key (child, key);
      if (lookup_child (self, key, &position) != NULL)
        {
          replace_child (self, position, g_steal_pointer (&owned), serial);
          return TRUE;
        }
      attach_child (self, g_steal_pointer (&owned), self->children->len);
      children_changed (self, self->children->len - 1, 0, 1);
    }
  else if (self->kind == ASC_STATE_NODE_KIND_ARRAY &&
           asc_json_pointer_parse_index (key, self->children->len, TRUE,
                                         &position, NULL))
    {
      attach_child (self, g_steal_pointer (&owned), position);
      renumber (self, position);
      children_changed (self, position, 0, 1);
      notify_renumbered (self, position + 1);
    }
  else
    return FALSE;

  mark_changed (self, serial);
  return TRUE;
}

static gboolean
operation_add (AscStateNode  *root,
               char         **tokens,
               guint          n_tokens,
               AscStateNode  *child,
               guint64        serial)
{
  g_autoptr(AscStateNode) owned = child;
  AscStateNode *parent;

  /* A node cannot become the root; the caller syncs from the document */
  if (n_tokens == 0 || (parent = locate (root, tokens, n_tokens - 1)) == NULL)
    return FALSE;

  return insert_child (parent, tokens[n_tokens - 1], g_steal_pointer (&owned), serial);
}

/* An add of a value onto an existing member updates that member in place */
static gboolean
operation_add_value (AscStateNode  *root,
                     char         **tokens,
                     guint          n_tokens,
                     JsonNode      *value,
                     guint64        serial)
{
  AscStateNode *parent;
  guint position;

  if (n_tokens == 0 || (parent = locate (root, tokens, n_tokens - 1)) == NULL)
    return FALSE;

  if (parent->kind == ASC_STATE_NODE_KIND_OBJECT &&
      lookup_child (parent, tokens[n_tokens - 1], &position) != NULL)
    {
      sync_child (parent, position, value, serial);
      return TRUE;
    }

  return insert_child (parent, tokens[n_tokens - 1], node_new ("", value, serial), serial);
}

static AscStateNode *
operation_take (AscStateNode  *root,
                char         **tokens,
                guint          n_tokens,
                guint64        serial)
{
  AscStateNode *parent;
  guint position;

  if (n_tokens == 0 ||
      (parent = locate (root, tokens, n_tokens - 1)) == NULL ||
      lookup_child (parent, tokens[n_tokens - 1], &position) == NULL)
    return NULL;

  return take_child (parent, position, serial);
}

static gboolean
operation_remove (AscStateNode  *root,
                  char         **tokens,
                  guint          n_tokens,
                  guint64        serial)
{
  g_autoptr(AscStateNode) taken = operation_take (root, tokens, n_tokens, serial);

  return taken != NULL;
}

static gboolean
operation_replace (AscStateNode  *root,
                   char         **tokens,
                   guint          n_tokens,
                   JsonNode      *value,
                   guint64        serial)
{
  AscStateNode *parent = locate (root, tokens, n_tokens - 1);
  guint position;

  if (parent == NULL || lookup_child (parent, tokens[n_tokens - 1], &position) == NULL)
    return FALSE;

  sync_child (parent, position, value, serial);
  return TRUE;
}

static gboolean
operation_move (AscStateNode  *root,
                char         **from,
                char         **tokens,
                guint64        serial)
{
  g_autoptr(AscStateNode) node = NULL;
  g_autofree char *old_key = NULL;
  AscStateNode *moved;
  guint n_from = g_strv_length (from);

  if (g_strv_equal ((const char * const *)from, (const char * const *)tokens))
    return TRUE;
  if (n_from == 0 || (node = operation_take (root, from, n_from, serial)) == NULL)
    return FALSE;

  moved = node;
  old_key = g_strdup (node->key);
  if (!operation_add (root, tokens, g_strv_length (tokens), g_steal_pointer (&node), serial))
    return FALSE;

  /* A moved node keeps its identity; only its place changes */
  if (g_strcmp0 (old_key, moved->key) != 0)
    g_object_notify_by_pspec (G_OBJECT (moved), properties[PROP_KEY]);
  notify_path (moved);

  return TRUE;
}

static gboolean
operation_copy (AscStateNode  *root,
                char         **from,
                char         **tokens,
                guint64        serial)
{
  AscStateNode *source = locate (root, from, g_strv_length (from));

  if (source == NULL)
    return FALSE;

  return operation_add (root, tokens, g_strv_length (tokens),
                        node_clone (source, serial), serial);
}

static gboolean
apply_operation (AscStateNode  *root,
                 const char    *op,
                 char         **tokens,
                 char         **from,
                 JsonNode      *value,
                 guint64        serial)
{
  guint n_tokens = g_strv_length (tokens);
  gboolean has_value = g_str_equal (op, "add") || g_str_equal (op, "replace");

  if (has_value && value == NULL)
    return FALSE;
  if (n_tokens == 0 && (has_value || g_str_equal (op, "remove")))
    {
      g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);

      _asc_state_node_sync (root, has_value ? value : null, serial);
      return TRUE;
    }

  if (g_str_equal (op, "add"))
    return operation_add_value (root, tokens, n_tokens, value, serial);
  if (g_str_equal (op, "replace"))
    return operation_replace (root, tokens, n_tokens, value, serial);
  if (g_str_equal (op, "remove"))
    return operation_remove (root, tokens, n_tokens, serial);
  if (g_str_equal (op, "test"))
    return TRUE;
  if (from == NULL)
    return FALSE;
  if (g_str_equal (op, "move"))
    return operation_move (root, from, tokens, serial);
  if (g_str_equal (op, "copy"))
    return operation_copy (root, from, tokens, serial);

  return FALSE;
}

static void
asc_state_node_dispose (GObject *object)
{
  AscStateNode *self = (AscStateNode *)object;

  detach_all_children (self);
  g_clear_pointer (&self->document, json_node_unref);

  G_OBJECT_CLASS (asc_state_node_parent_class)->dispose (object);
}

static void
asc_state_node_finalize (GObject *object)
{
  AscStateNode *self = (AscStateNode *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->value_text, g_free);

  G_OBJECT_CLASS (asc_state_node_parent_class)->finalize (object);
}

static void
asc_state_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AscStateNode *self = ASC_STATE_NODE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;

    case PROP_PATH:
      g_value_take_string (value, asc_state_node_dup_path (self));
      break;

    case PROP_N_CHILDREN:
      g_value_set_uint (value, asc_state_node_get_n_children (self));
      break;

    case PROP_CHANGED_SERIAL:
      g_value_set_uint64 (value, self->changed_serial);
      break;

    case PROP_VALUE:
      g_value_set_boxed (value, asc_state_node_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_node_class_init (AscStateNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = asc_state_node_dispose;
  object_class->finalize = asc_state_node_finalize;
  object_class->get_property = asc_state_node_get_property;

  /**
   * AscStateNode:key:
   *
   * The member name, the index as text for an array item, or "" for the
   * root.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:kind:
   *
   * The JSON type of the value. A node keeps its kind except for the root:
   * when another type arrives elsewhere, a new node takes the position.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ASC_TYPE_STATE_NODE_KIND,
                       ASC_STATE_NODE_KIND_NULL,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:value-text:
   *
   * The value for display: a string without quotes, a number as JSON writes
   * it, `true`, `false` or `null`, or a summary such as "3 members" or
   * "2 items" for a container.
   */
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:path:
   *
   * The escaped JSON pointer of the node in the document.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:n-children:
   *
   * The number of members or items; 0 for a scalar.
   */
  properties[PROP_N_CHILDREN] =
    g_param_spec_uint ("n-children", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:changed-serial:
   *
   * The store's change counter when the value of the node last changed, or
   * when the node was created.
   */
  properties[PROP_CHANGED_SERIAL] =
    g_param_spec_uint64 ("changed-serial", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:value:
   *
   * The current value of the node: its subtree of the store's document.
   */
  properties[PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL,
                        JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_state_node_init (AscStateNode *self)
{
  self->kind = ASC_STATE_NODE_KIND_NULL;
}

/*
 * _asc_state_node_new_root:
 *
 * Returns: (transfer full): an empty root standing for `null`
 */
AscStateNode *
_asc_state_node_new_root (void)
{
  AscStateNode *self = g_object_new (ASC_TYPE_STATE_NODE, NULL);

  self->key = g_strdup ("");
  self->value_text = g_strdup ("null");

  return self;
}

/*
 * _asc_state_node_set_document:
 * @root: the root node
 * @document: (nullable): the whole document the tree mirrors
 *
 * Nodes find their #AscStateNode:value in @document.
 */
void
_asc_state_node_set_document (AscStateNode *root,
                              JsonNode     *document)
{
  g_assert (ASC_IS_STATE_NODE (root));
  g_assert (root->parent == NULL);

  if (document != NULL)
    json_node_ref (document);
  g_clear_pointer (&root->document, json_node_unref);
  root->document = document;
}

/*
 * _asc_state_node_sync:
 * @root: the root node
 * @value: the value the tree must mirror
 * @serial: the change counter for the nodes that change
 *
 * Updates the whole tree to match @value, reusing every node whose place
 * keeps its JSON type.
 */
void
_asc_state_node_sync (AscStateNode *root,
                      JsonNode     *value,
                      guint64       serial)
{
  g_assert (ASC_IS_STATE_NODE (root));

  if (root->kind == kind_for_json (value))
    sync_same_kind (root, value, serial);
  else
    sync_root_kind (root, value, serial);
}

/*
 * _asc_state_node_apply_operation:
 * @root: the root node
 * @operation: one operation of a normalized patch: strict RFC 6902 form,
 *   every path exact
 * @serial: the change counter for the nodes that change
 *
 * Updates only the nodes @operation affects. Values come from the
 * operation itself, so the operations of one patch are walked in order.
 *
 * Returns: %FALSE when the tree does not have the places @operation names;
 *   the caller then syncs the whole tree with the document
 */
gboolean
_asc_state_node_apply_operation (AscStateNode *root,
                                 JsonObject   *operation,
                                 guint64       serial)
{
  const char *op = json_object_get_string_member_with_default (operation, "op", NULL);
  const char *path = json_object_get_string_member_with_default (operation, "path", NULL);
  const char *from = json_object_get_string_member_with_default (operation, "from", NULL);
  g_auto(GStrv) tokens = NULL;
  g_auto(GStrv) from_tokens = NULL;

  g_assert (ASC_IS_STATE_NODE (root));

  if (op == NULL || path == NULL || (tokens = asc_json_pointer_parse (path, NULL)) == NULL)
    return FALSE;
  if (from != NULL && (from_tokens = asc_json_pointer_parse (from, NULL)) == NULL)
    return FALSE;

  return apply_operation (root, op, tokens, from_tokens,
                          json_object_get_member (operation, "value"), serial);
}

/**
 * asc_state_node_get_key:
 * @self: an #AscStateNode
 *
 * Returns: (transfer none): the member name, the index as text for an array
 *   item, or "" for the root
 */
const char *
asc_state_node_get_key (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);

  return self->key;
}

/**
 * asc_state_node_get_kind:
 * @self: an #AscStateNode
 *
 * Returns: the JSON type of the value
 */
AscStateNodeKind
asc_state_node_get_kind (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), ASC_STATE_NODE_KIND_NULL);

  return self->kind;
}

/**
 * asc_state_node_is_container:
 * @self: an #AscStateNode
 *
 * Whether the node is an object or an array, that is whether a tree view
 * can expand it.
 *
 * Returns: %TRUE for objects and arrays
 */
gboolean
asc_state_node_is_container (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), FALSE);

  return kind_is_container (self->kind);
}

/**
 * asc_state_node_get_value_text:
 * @self: an #AscStateNode
 *
 * The value for display; see #AscStateNode:value-text.
 *
 * Returns: (transfer none): the text
 */
const char *
asc_state_node_get_value_text (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);

  return self->value_text;
}

/**
 * asc_state_node_dup_path:
 * @self: an #AscStateNode
 *
 * The escaped JSON pointer of the node, built from the keys of its
 * ancestors.
 *
 * Returns: (transfer full): the path, "" for the root
 */
char *
asc_state_node_dup_path (AscStateNode *self)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();

  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);

  for (AscStateNode *node = self; node->parent != NULL; node = node->parent)
    g_ptr_array_insert (tokens, 0, node->key);
  g_ptr_array_add (tokens, NULL);

  return asc_json_pointer_format ((const char * const *)tokens->pdata);
}

/**
 * asc_state_node_get_n_children:
 * @self: an #AscStateNode
 *
 * Returns: the number of members or items, 0 for a scalar
 */
guint
asc_state_node_get_n_children (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), 0);

  return self->children != NULL ? self->children->len : 0;
}

/**
 * asc_state_node_get_child:
 * @self: an #AscStateNode
 * @position: the position of the child
 *
 * Like g_list_model_get_item() without the reference.
 *
 * Returns: (transfer none) (nullable): the child, or %NULL when @position
 *   is out of range
 */
AscStateNode *
asc_state_node_get_child (AscStateNode *self,
                          guint         position)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);

  if (self->children == NULL || position >= self->children->len)
    return NULL;

  return g_ptr_array_index (self->children, position);
}

/**
 * asc_state_node_lookup:
 * @self: an #AscStateNode
 * @key: a member name, or an index in decimal for an array
 *
 * Finds a child by its unescaped key.
 *
 * Returns: (transfer none) (nullable): the child, or %NULL
 */
AscStateNode *
asc_state_node_lookup (AscStateNode *self,
                       const char   *key)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return lookup_child (self, key, NULL);
}

/**
 * asc_state_node_get_parent:
 * @self: an #AscStateNode
 *
 * Returns: (transfer none) (nullable): the parent, or %NULL for the root
 *   and for nodes no longer in the tree
 */
AscStateNode *
asc_state_node_get_parent (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);

  return self->parent;
}

/**
 * asc_state_node_get_changed_serial:
 * @self: an #AscStateNode
 *
 * Returns: the store's change counter when the value of the node last
 *   changed
 */
guint64
asc_state_node_get_changed_serial (AscStateNode *self)
{
  g_return_val_if_fail (ASC_IS_STATE_NODE (self), 0);

  return self->changed_serial;
}

/**
 * asc_state_node_get_value:
 * @self: an #AscStateNode
 *
 * The subtree of the store's document at this node, found by walking down
 * from the root. It is the live document: it changes with the next change
 * of the store, so copy what you keep.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL before the first
 *   snapshot and for nodes no longer in the tree
 */
JsonNode *
asc_state_node_get_value (AscStateNode *self)
{
  JsonNode *container;

  g_return_val_if_fail (ASC_IS_STATE_NODE (self), NULL);

  if (self->parent == NULL)
    return self->document;

  container = asc_state_node_get_value (self->parent);
  if (container == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (container))
    return json_object_get_member (json_node_get_object (container), self->key);

  if (JSON_NODE_HOLDS_ARRAY (container) &&
      self->index < json_array_get_length (json_node_get_array (container)))
    return json_array_get_element (json_node_get_array (container), self->index);

  return NULL;
}
