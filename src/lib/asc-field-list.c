/* asc-field-list.c: adding, removing and moving items and properties
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field-private.h"

static guint
n_children (AscField *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

static gboolean
is_list (AscField *self)
{
  return self->kind == ASC_FIELD_KIND_LIST || self->kind == ASC_FIELD_KIND_TUPLE;
}

/* Makes a container hold a value, so an item or property can go in. */
static void
ensure_present (AscField *self)
{
  if (self->foreign)
    {
      g_clear_pointer (&self->value, json_node_unref);
      self->foreign = FALSE;
    }
  if (!self->present)
    _asc_field_init_value (self, TRUE);
}

/**
 * asc_field_add_item:
 * @self: a list or tuple field
 * @position: where the item goes; a tuple only grows at its end
 *
 * Inserts an item with a starting value. The children model emits
 * items-changed (@position, 0, 1), after any items the list got when it
 * had no value before.
 *
 * Returns: (transfer none): the field of the new item
 */
AscField *
asc_field_add_item (AscField *self,
                    guint     position)
{
  g_autoptr(AscField) item = NULL;

  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);
  g_return_val_if_fail (is_list (self), NULL);

  ensure_present (self);
  g_return_val_if_fail (position <= n_children (self), NULL);
  g_return_val_if_fail (self->kind == ASC_FIELD_KIND_LIST || position == n_children (self), NULL);

  item = _asc_field_new_item (self, position);
  g_list_store_insert (self->children, position, item);
  _asc_field_emit_changed (self);

  return item;
}

/**
 * asc_field_remove_item:
 * @self: a list or tuple field
 * @position: the item to remove; a tuple only shrinks at its end
 *
 * Removes an item: the children model emits items-changed (@position, 1, 0).
 */
void
asc_field_remove_item (AscField *self,
                       guint     position)
{
  g_return_if_fail (ASC_IS_FIELD (self));
  g_return_if_fail (is_list (self));
  g_return_if_fail (position < n_children (self));
  g_return_if_fail (self->kind == ASC_FIELD_KIND_LIST || position + 1 == n_children (self));

  _asc_field_nth (self->children, position)->parent = NULL;
  g_list_store_remove (self->children, position);
  _asc_field_emit_changed (self);
}

/**
 * asc_field_move_item:
 * @self: a list field
 * @from: the position of the item to move
 * @to: its new position
 *
 * Moves an item, keeping its field. The children model emits one
 * items-changed covering the positions between @from and @to.
 */
void
asc_field_move_item (AscField *self,
                     guint     from,
                     guint     to)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  guint first, last;

  g_return_if_fail (ASC_IS_FIELD (self));
  g_return_if_fail (self->kind == ASC_FIELD_KIND_LIST);
  g_return_if_fail (from < n_children (self) && to < n_children (self));

  if (from == to)
    return;

  first = MIN (from, to);
  last = MAX (from, to);
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (moved, g_list_model_get_item (G_LIST_MODEL (self->children), i));
  if (from < to)
    g_ptr_array_insert (moved, -1, g_ptr_array_steal_index (moved, 0));
  else
    g_ptr_array_insert (moved, 0, g_ptr_array_steal_index (moved, moved->len - 1));

  g_list_store_splice (self->children, first, moved->len, moved->pdata, moved->len);
  _asc_field_emit_changed (self);
}

static AscField *
find_child (AscField   *self,
            const char *name,
            guint      *position)
{
  for (guint i = 0; i < n_children (self); i++)
    {
      AscField *child = _asc_field_nth (self->children, i);

      if (g_strcmp0 (child->key, name) == 0)
        {
          *position = i;
          return child;
        }
    }

  return NULL;
}

/**
 * asc_field_add_property:
 * @self: an object field
 * @name: the property name
 *
 * Gives the property @name a value: a declared property gets a starting
 * value if it had none; another one gets a new field at the end of the
 * children, if the schema allows it (asc_field_get_allows_extra(), or a
 * matching `patternProperties`).
 *
 * Returns: (transfer none) (nullable): the field of the property, or
 *   %NULL if the schema does not allow it
 */
AscField *
asc_field_add_property (AscField   *self,
                        const char *name)
{
  g_autoptr(AscField) extra = NULL;
  gboolean declared;
  g_autoptr(GPtrArray) nodes = NULL;
  AscField *child;
  guint position;

  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);
  g_return_val_if_fail (self->kind == ASC_FIELD_KIND_OBJECT, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  nodes = _asc_field_spec_nodes_for (self->spec, name, &declared);
  if (!declared && nodes->len == 0 && self->spec->additional_false)
    return NULL;

  ensure_present (self);
  child = find_child (self, name, &position);
  if (child != NULL)
    {
      asc_field_set_present (child, TRUE);
      return child;
    }

  extra = _asc_field_new_extra (self, name);
  _asc_field_init_value (extra, TRUE);
  g_list_store_append (self->children, extra);
  _asc_field_emit_changed (self);

  return extra;
}

/**
 * asc_field_remove_property:
 * @self: an object field
 * @name: the property name
 *
 * Removes the property @name from the value: a declared property keeps
 * its field without a value, an extra one loses its field
 * (items-changed (position, 1, 0)).
 *
 * Returns: %TRUE if @self had a field for @name
 */
gboolean
asc_field_remove_property (AscField   *self,
                           const char *name)
{
  AscField *child;
  guint position;

  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);
  g_return_val_if_fail (self->kind == ASC_FIELD_KIND_OBJECT, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  child = find_child (self, name, &position);
  if (child == NULL)
    return FALSE;

  if (position < self->n_declared)
    {
      asc_field_set_value (child, NULL);
      return TRUE;
    }

  child->parent = NULL;
  g_list_store_remove (self->children, position);
  _asc_field_emit_changed (self);
  return TRUE;
}
