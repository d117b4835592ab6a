/* asc-state-node-sync.c: keeping the state node tree in step with
 * the document: syncing subtrees and applying patch operations
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-node"

#include "config.h"

#include "asc-state-private.h"

#include "asc-json-pointer.h"

static gboolean sync_child (AscStateNode *self,
                            guint         position,
                            JsonNode     *value,
                            guint64       serial);

static gboolean
sync_scalar (AscStateNode *self,
             JsonNode     *value,
             guint64       serial)
{
  g_autofree char *text = _asc_state_node_scalar_text (value);

  if (g_strcmp0 (text, self->value_text) == 0)
    return FALSE;

  g_free (self->value_text);
  self->value_text = g_steal_pointer (&text);
  _asc_state_node_notify (self, ASC_STATE_NODE_PROP_VALUE_TEXT);
  _asc_state_node_mark_changed (self, serial);

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
          g_object_unref (_asc_state_node_take_child (self, i - 1, serial));
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
          _asc_state_node_attach_child (self, _asc_state_node_new (name, member, serial),
                                        self->children->len);
      _asc_state_node_children_changed (self, n_kept, 0, self->children->len - n_kept);
      changed = TRUE;
    }

  if (changed)
    _asc_state_node_mark_changed (self, serial);

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
      _asc_state_node_fill_array (self, array, old_length, serial);
      _asc_state_node_children_changed (self, old_length, 0, new_length - old_length);
    }
  else if (new_length < old_length)
    {
      for (guint i = new_length; i < old_length; i++)
        ((AscStateNode *)g_ptr_array_index (self->children, i))->parent = NULL;
      g_ptr_array_remove_range (self->children, new_length, old_length - new_length);
      _asc_state_node_children_changed (self, new_length, old_length - new_length, 0);
    }

  changed |= old_length != new_length;
  if (changed)
    _asc_state_node_mark_changed (self, serial);

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

  if (child->kind == _asc_state_node_kind_for_json (value))
    return sync_same_kind (child, value, serial);

  _asc_state_node_replace_child (self, position,
                                 _asc_state_node_new (child->key, value, serial), serial);
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

  _asc_state_node_detach_all_children (self);
  _asc_state_node_set_value_silently (self, value, serial);
  n_children = asc_state_node_get_n_children (self);

  if (old_n_children > 0 || n_children > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_children, n_children);
  _asc_state_node_notify (self, ASC_STATE_NODE_PROP_KIND);
  if (g_strcmp0 (old_text, self->value_text) != 0)
    _asc_state_node_notify (self, ASC_STATE_NODE_PROP_VALUE_TEXT);
  if (old_n_children != n_children)
    _asc_state_node_notify (self, ASC_STATE_NODE_PROP_N_CHILDREN);
  _asc_state_node_mark_changed (self, serial);
}

static AscStateNode *
locate (AscStateNode *self,
        char        **tokens,
        guint         n_tokens)
{
  for (guint i = 0; self != NULL && i < n_tokens; i++)
    self = _asc_state_node_lookup_child (self, tokens[i], NULL);

  return self;
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

  return _asc_state_node_insert_child (parent, tokens[n_tokens - 1],
                                       g_steal_pointer (&owned), serial);
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
      _asc_state_node_lookup_child (parent, tokens[n_tokens - 1], &position) != NULL)
    {
      sync_child (parent, position, value, serial);
      return TRUE;
    }

  return _asc_state_node_insert_child (parent, tokens[n_tokens - 1],
                                       _asc_state_node_new ("", value, serial), serial);
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
      _asc_state_node_lookup_child (parent, tokens[n_tokens - 1], &position) == NULL)
    return NULL;

  return _asc_state_node_take_child (parent, position, serial);
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

  if (parent == NULL ||
      _asc_state_node_lookup_child (parent, tokens[n_tokens - 1], &position) == NULL)
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
    _asc_state_node_notify (moved, ASC_STATE_NODE_PROP_KEY);
  _asc_state_node_notify_path (moved);

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
                        _asc_state_node_clone (source, serial), serial);
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

  if (root->kind == _asc_state_node_kind_for_json (value))
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
