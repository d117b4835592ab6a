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

static void list_model_iface_init (GListModelInterface *iface);

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
 *
 * The instance struct is in asc-state-private.h: asc-state-node-tree.c and
 * asc-state-node-sync.c update the tree.
 */
G_DEFINE_FINAL_TYPE_WITH_CODE (AscStateNode, asc_state_node, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[ASC_STATE_NODE_N_PROPS];

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

static gboolean
kind_is_container (AscStateNodeKind kind)
{
  return kind == ASC_STATE_NODE_KIND_OBJECT || kind == ASC_STATE_NODE_KIND_ARRAY;
}

/* Notifies :path on @self and its whole subtree, whose paths all changed */
void
_asc_state_node_notify_path (AscStateNode *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[ASC_STATE_NODE_PROP_PATH]);

  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    _asc_state_node_notify_path (g_ptr_array_index (self->children, i));
}

/* Lets go of the children, which may outlive @self in a view's hands */
void
_asc_state_node_detach_all_children (AscStateNode *self)
{
  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    ((AscStateNode *)g_ptr_array_index (self->children, i))->parent = NULL;

  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
}

/*
 * _asc_state_node_notify:
 * @self: a node
 * @prop: the property that changed
 *
 * Lets the files that update the tree notify without the #GParamSpecs.
 */
void
_asc_state_node_notify (AscStateNode     *self,
                        AscStateNodeProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
asc_state_node_dispose (GObject *object)
{
  AscStateNode *self = (AscStateNode *)object;

  _asc_state_node_detach_all_children (self);
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
    case ASC_STATE_NODE_PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case ASC_STATE_NODE_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case ASC_STATE_NODE_PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;

    case ASC_STATE_NODE_PROP_PATH:
      g_value_take_string (value, asc_state_node_dup_path (self));
      break;

    case ASC_STATE_NODE_PROP_N_CHILDREN:
      g_value_set_uint (value, asc_state_node_get_n_children (self));
      break;

    case ASC_STATE_NODE_PROP_CHANGED_SERIAL:
      g_value_set_uint64 (value, self->changed_serial);
      break;

    case ASC_STATE_NODE_PROP_VALUE:
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
  properties[ASC_STATE_NODE_PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:kind:
   *
   * The JSON type of the value. A node keeps its kind except for the root:
   * when another type arrives elsewhere, a new node takes the position.
   */
  properties[ASC_STATE_NODE_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ASC_TYPE_STATE_NODE_KIND,
                       ASC_STATE_NODE_KIND_NULL,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:value-text:
   *
   * The value for display: a string without quotes, a number as JSON writes
   * it (a fraction with the fewest digits that read back as the same
   * double), `true`, `false` or `null`, or a summary such as "3 members" or
   * "2 items" for a container.
   */
  properties[ASC_STATE_NODE_PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:path:
   *
   * The escaped JSON pointer of the node in the document.
   */
  properties[ASC_STATE_NODE_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:n-children:
   *
   * The number of members or items; 0 for a scalar.
   */
  properties[ASC_STATE_NODE_PROP_N_CHILDREN] =
    g_param_spec_uint ("n-children", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:changed-serial:
   *
   * The store's change counter when the value of the node last changed, or
   * when the node was created.
   */
  properties[ASC_STATE_NODE_PROP_CHANGED_SERIAL] =
    g_param_spec_uint64 ("changed-serial", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateNode:value:
   *
   * The current value of the node: its subtree of the store's document.
   */
  properties[ASC_STATE_NODE_PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL,
                        JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ASC_STATE_NODE_N_PROPS, properties);
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

  return _asc_state_node_lookup_child (self, key, NULL);
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
