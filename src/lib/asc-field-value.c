/* asc-field-value.c: reading and writing a field tree's value
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field-private.h"
#include "asc-json-diff.h"

/* Borrowed: the store keeps its own reference. */
AscField *
_asc_field_nth (GListStore *store,
                guint       position)
{
  g_autoptr(AscField) field = g_list_model_get_item (G_LIST_MODEL (store), position);

  return field;
}

static guint
n_children (AscField *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

static gboolean
kind_accepts (AscFieldKind  kind,
              JsonNode     *value)
{
  guint type = _asc_schema_instance_type (value);

  switch (kind)
    {
    case ASC_FIELD_KIND_TEXT:
    case ASC_FIELD_KIND_MULTILINE_TEXT:
      return type == ASC_SCHEMA_TYPE_STRING;
    case ASC_FIELD_KIND_INTEGER:
      return type == ASC_SCHEMA_TYPE_NUMBER && _asc_schema_is_integral (value);
    case ASC_FIELD_KIND_NUMBER:
      return type == ASC_SCHEMA_TYPE_NUMBER;
    case ASC_FIELD_KIND_BOOLEAN:
      return type == ASC_SCHEMA_TYPE_BOOLEAN;
    case ASC_FIELD_KIND_OBJECT:
      return type == ASC_SCHEMA_TYPE_OBJECT;
    case ASC_FIELD_KIND_LIST:
    case ASC_FIELD_KIND_TUPLE:
      return type == ASC_SCHEMA_TYPE_ARRAY;
    case ASC_FIELD_KIND_ENUM:
    case ASC_FIELD_KIND_CONST:
    case ASC_FIELD_KIND_ONE_OF:
    case ASC_FIELD_KIND_NULLABLE:
    case ASC_FIELD_KIND_RAW_JSON:
    default:
      return TRUE;
    }
}

/* Removes the children from @position on, emitting one items-changed. */
static void
truncate_children (AscField *self,
                   guint     position)
{
  guint n = n_children (self);

  for (guint i = position; i < n; i++)
    _asc_field_nth (self->children, i)->parent = NULL;
  if (position < n)
    g_list_store_splice (self->children, position, n - position, NULL, 0);
}

static void
set_is_null (AscField *self,
             gboolean  is_null)
{
  if (self->is_null == is_null)
    return;

  self->is_null = is_null;
  _asc_field_notify_is_null (self);
}

/* Forgets the value of @self and its descendants, without signals of
 * its own (the children models still report removed items). */
static void
clear_value (AscField *self)
{
  g_clear_pointer (&self->value, json_node_unref);
  self->foreign = FALSE;
  self->present = FALSE;

  switch (self->kind)
    {
    case ASC_FIELD_KIND_LIST:
    case ASC_FIELD_KIND_TUPLE:
      truncate_children (self, 0);
      break;
    case ASC_FIELD_KIND_OBJECT:
      truncate_children (self, self->n_declared);
      for (guint i = 0; i < self->n_declared; i++)
        clear_value (_asc_field_nth (self->children, i));
      break;
    case ASC_FIELD_KIND_ONE_OF:
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->alternatives)); i++)
        clear_value (_asc_field_nth (self->alternatives, i));
      break;
    case ASC_FIELD_KIND_NULLABLE:
      set_is_null (self, FALSE);
      clear_value (self->inner);
      break;
    default:
      break;
    }
}

static void
set_foreign (AscField *self,
             JsonNode *value)
{
  clear_value (self);
  self->value = asc_json_copy (value);
  self->foreign = TRUE;
}

static void
assign_object (AscField *self,
               JsonNode *value)
{
  JsonObject *object = json_node_get_object (value);
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint n;

  self->present = TRUE;
  _asc_field_build_children (self);
  for (guint i = 0; i < self->n_declared; i++)
    {
      AscField *child = _asc_field_nth (self->children, i);

      member = json_object_get_member (object, child->key);
      if (member != NULL)
        _asc_field_assign (child, member);
      else
        clear_value (child);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean declared;
      g_autoptr(GPtrArray) nodes = _asc_field_spec_nodes_for (self->spec, name, &declared);
      g_autoptr(AscField) extra = NULL;

      if (declared)
        continue;
      extra = _asc_field_new_extra (self, name);
      _asc_field_assign (extra, member);
      g_ptr_array_add (extras, g_steal_pointer (&extra));
    }

  n = n_children (self);
  for (guint i = self->n_declared; i < n; i++)
    _asc_field_nth (self->children, i)->parent = NULL;
  g_list_store_splice (self->children, self->n_declared, n - self->n_declared,
                       extras->pdata, extras->len);
}

static void
assign_list (AscField *self,
             JsonNode *value)
{
  JsonArray *array = json_node_get_array (value);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = n_children (self);

  self->present = TRUE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GPtrArray) nodes = _asc_field_spec_item_nodes (self->spec, i);
      g_autoptr(AscField) item = _asc_field_build (self->schema, nodes, self, NULL, TRUE);

      _asc_field_assign (item, json_array_get_element (array, i));
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  for (guint i = 0; i < n; i++)
    _asc_field_nth (self->children, i)->parent = NULL;
  g_list_store_splice (self->children, 0, n, items->pdata, items->len);
}

/* The alternative for @value: the first whose schema it matches, else
 * the first of a fitting kind, else the active one. */
static guint
choose_alternative (AscField *self,
                    JsonNode *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->alternatives));

  for (guint i = 0; i < n; i++)
    if (_asc_schema_node_matches (_asc_field_nth (self->alternatives, i)->alternative, value))
      return i;

  for (guint i = 0; i < n; i++)
    if (kind_accepts (_asc_field_nth (self->alternatives, i)->kind, value))
      return i;

  return self->active;
}

static void
assign_one_of (AscField *self,
               JsonNode *value)
{
  guint active = choose_alternative (self, value);

  if (active != self->active)
    {
      self->active = active;
      _asc_field_notify_active (self);
    }
  _asc_field_assign (_asc_field_nth (self->alternatives, active), value);
}

/* Sets @value on @self and its descendants, without signals of its own. */
void
_asc_field_assign (AscField *self,
                   JsonNode *value)
{
  if (!kind_accepts (self->kind, value))
    {
      set_foreign (self, value);
      return;
    }

  g_clear_pointer (&self->value, json_node_unref);
  self->foreign = FALSE;
  switch (self->kind)
    {
    case ASC_FIELD_KIND_OBJECT:
      assign_object (self, value);
      break;
    case ASC_FIELD_KIND_LIST:
    case ASC_FIELD_KIND_TUPLE:
      assign_list (self, value);
      break;
    case ASC_FIELD_KIND_ONE_OF:
      assign_one_of (self, value);
      break;
    case ASC_FIELD_KIND_NULLABLE:
      set_is_null (self, JSON_NODE_HOLDS_NULL (value));
      if (!self->is_null)
        _asc_field_assign (self->inner, value);
      break;
    default:
      self->value = asc_json_copy (value);
      break;
    }
}

static JsonNode *
object_value (AscField *self)
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint i = 0; i < n_children (self); i++)
    {
      AscField *child = _asc_field_nth (self->children, i);
      JsonNode *member = asc_field_get_value (child);

      if (member != NULL)
        json_object_set_member (object, child->key, member);
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
array_value (AscField *self)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < n_children (self); i++)
    {
      JsonNode *item = asc_field_get_value (_asc_field_nth (self->children, i));

      json_array_add_element (array, item != NULL ? item : json_node_new (JSON_NODE_NULL));
    }

  return json_node_init_array (json_node_alloc (), array);
}

/**
 * asc_field_get_value:
 * @self: an #AscField
 *
 * Builds the value @self and its descendants hold. An optional property
 * without a value is left out of its object; a list item without one
 * reads as `null`.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when there is
 *   none
 */
JsonNode *
asc_field_get_value (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  if (self->foreign)
    return asc_json_copy (self->value);

  switch (self->kind)
    {
    case ASC_FIELD_KIND_OBJECT:
      return self->present ? object_value (self) : NULL;
    case ASC_FIELD_KIND_LIST:
    case ASC_FIELD_KIND_TUPLE:
      return self->present ? array_value (self) : NULL;
    case ASC_FIELD_KIND_ONE_OF:
      return asc_field_get_value (_asc_field_nth (self->alternatives, self->active));
    case ASC_FIELD_KIND_NULLABLE:
      if (self->is_null)
        return json_node_new (JSON_NODE_NULL);
      return asc_field_get_value (self->inner);
    default:
      return self->value != NULL ? asc_json_copy (self->value) : NULL;
    }
}

/**
 * asc_field_set_value:
 * @self: an #AscField
 * @value: (nullable): the new value, copied; %NULL removes the value
 *
 * Sets the value of @self, and so of its descendants: an object's
 * properties go to their fields (undeclared ones to new extra fields), a
 * list gets a field per item, a choice activates the first alternative
 * @value matches. Emits #AscField::changed.
 *
 * A value that does not fit, such as a string for an integer field, is
 * kept as it is and reads back unchanged: see asc_field_get_foreign().
 *
 * Returns: %TRUE if @value fits the kind of @self
 */
gboolean
asc_field_set_value (AscField *self,
                     JsonNode *value)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  if (value == NULL)
    clear_value (self);
  else
    _asc_field_assign (self, value);
  _asc_field_emit_changed (self);

  return !self->foreign;
}

/**
 * asc_field_has_value:
 * @self: an #AscField
 *
 * Returns: %TRUE if asc_field_get_value() would return a value
 */
gboolean
asc_field_has_value (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  if (self->foreign)
    return TRUE;

  switch (self->kind)
    {
    case ASC_FIELD_KIND_OBJECT:
    case ASC_FIELD_KIND_LIST:
    case ASC_FIELD_KIND_TUPLE:
      return self->present;
    case ASC_FIELD_KIND_ONE_OF:
      return asc_field_has_value (_asc_field_nth (self->alternatives, self->active));
    case ASC_FIELD_KIND_NULLABLE:
      return self->is_null || asc_field_has_value (self->inner);
    default:
      return self->value != NULL;
    }
}

/**
 * asc_field_set_present:
 * @self: an #AscField
 * @present: whether the value should be there
 *
 * Adds a starting value to a field without one (the schema's default, an
 * empty object or list, an empty string, zero…), or removes the value:
 * what a view's “include this optional property” switch does.
 */
void
asc_field_set_present (AscField *self,
                       gboolean  present)
{
  g_return_if_fail (ASC_IS_FIELD (self));

  if (present == asc_field_has_value (self))
    return;

  if (present)
    _asc_field_init_value (self, TRUE);
  else
    clear_value (self);
  _asc_field_emit_changed (self);
}

/**
 * asc_field_set_active:
 * @self: an %ASC_FIELD_KIND_ONE_OF field
 * @index: the position of the alternative to choose
 *
 * Chooses an alternative. Each alternative keeps its own value, so
 * switching back restores what was there; an alternative chosen for the
 * first time gets a starting value if the choice had a value.
 */
void
asc_field_set_active (AscField *self,
                      guint     index)
{
  AscField *chosen;
  gboolean had_value;

  g_return_if_fail (ASC_IS_FIELD (self));
  g_return_if_fail (self->kind == ASC_FIELD_KIND_ONE_OF);
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->alternatives)));

  if (index == self->active)
    return;

  had_value = asc_field_has_value (self);
  self->active = index;
  chosen = _asc_field_nth (self->alternatives, index);
  if (had_value && !asc_field_has_value (chosen))
    _asc_field_init_value (chosen, TRUE);

  _asc_field_notify_active (self);
  _asc_field_emit_changed (self);
}

/**
 * asc_field_set_is_null:
 * @self: an %ASC_FIELD_KIND_NULLABLE field
 * @is_null: whether the value is `null`
 *
 * Switches between `null` and the value of the inner field, which is kept
 * meanwhile.
 */
void
asc_field_set_is_null (AscField *self,
                       gboolean  is_null)
{
  g_return_if_fail (ASC_IS_FIELD (self));
  g_return_if_fail (self->kind == ASC_FIELD_KIND_NULLABLE);

  if (self->is_null == !!is_null)
    return;

  set_is_null (self, !!is_null);
  if (!is_null && !asc_field_has_value (self->inner))
    _asc_field_init_value (self->inner, TRUE);
  _asc_field_emit_changed (self);
}
