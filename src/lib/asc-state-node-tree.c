/* asc-state-node-tree.c: building state nodes and editing their
 * children
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-node"

#include "config.h"

#include "asc-state-private.h"

#include "asc-json-pointer.h"
#include "asc-json-text.h"

#include <string.h>

AscStateNodeKind
_asc_state_node_kind_for_json (JsonNode *value)
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

/* JSON-GLib writes a double with 17 significant digits, so 75.42 would show
 * as 75.420000000000002: the display takes the shortest text that reads
 * back as the same double, with ".0" kept on whole numbers as JSON-GLib
 * does. */
static char *
number_text (JsonNode *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (json_node_get_value_type (value) != G_TYPE_DOUBLE)
    return json_to_string (value, FALSE);

  asc_json_format_double (json_node_get_double (value), buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    return g_strconcat (buffer, ".0", NULL);
  return g_strdup (buffer);
}

char *
_asc_state_node_scalar_text (JsonNode *value)
{
  switch (_asc_state_node_kind_for_json (value))
    {
    case ASC_STATE_NODE_KIND_STRING:
      return g_strdup (json_node_get_string (value));

    case ASC_STATE_NODE_KIND_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");

    case ASC_STATE_NODE_KIND_NULL:
      return g_strdup ("null");

    case ASC_STATE_NODE_KIND_NUMBER:
      return number_text (value);

    case ASC_STATE_NODE_KIND_OBJECT:
    case ASC_STATE_NODE_KIND_ARRAY:
    default:
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

/* Sets the change counter on @self and its ancestors. An ancestor of a node
 * that carries @serial carries it too, so the walk stops there.
 */
void
_asc_state_node_mark_changed (AscStateNode *self,
                              guint64       serial)
{
  for (; self != NULL && self->changed_serial != serial; self = self->parent)
    {
      self->changed_serial = serial;
      _asc_state_node_notify (self, ASC_STATE_NODE_PROP_CHANGED_SERIAL);
      _asc_state_node_notify (self, ASC_STATE_NODE_PROP_VALUE);
    }
}

static void
set_key (AscStateNode *self,
         const char   *key)
{
  g_free (self->key);
  self->key = g_strdup (key);
}

void
_asc_state_node_attach_child (AscStateNode *self,
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

      _asc_state_node_notify (child, ASC_STATE_NODE_PROP_KEY);
      _asc_state_node_notify_path (child);
    }
}

/* Emits items-changed, then the notifications the new child count implies */
void
_asc_state_node_children_changed (AscStateNode *self,
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
      _asc_state_node_notify (self, ASC_STATE_NODE_PROP_VALUE_TEXT);
    }
  _asc_state_node_notify (self, ASC_STATE_NODE_PROP_N_CHILDREN);
}

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
    _asc_state_node_attach_child (self, _asc_state_node_new (name, member, serial),
                                  self->children->len);
}

void
_asc_state_node_fill_array (AscStateNode *self,
                            JsonArray    *array,
                            guint         from,
                            guint64       serial)
{
  guint length = json_array_get_length (array);

  for (guint i = from; i < length; i++)
    {
      g_autofree char *key = index_key (i);
      JsonNode *element = json_array_get_element (array, i);

      _asc_state_node_attach_child (self, _asc_state_node_new (key, element, serial), i);
    }
}

/* Gives a node without children the kind, children and text of @value,
 * without emitting anything.
 */
void
_asc_state_node_set_value_silently (AscStateNode *self,
                                    JsonNode     *value,
                                    guint64       serial)
{
  g_assert (self->children == NULL);

  self->kind = _asc_state_node_kind_for_json (value);
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
      _asc_state_node_fill_array (self, json_node_get_array (value), 0, serial);
    }

  if (self->children != NULL)
    self->value_text = summary_text (self->kind, self->children->len);
  else
    self->value_text = _asc_state_node_scalar_text (value);
}

AscStateNode *
_asc_state_node_new (const char *key,
                     JsonNode   *value,
                     guint64     serial)
{
  AscStateNode *self = g_object_new (ASC_TYPE_STATE_NODE, NULL);

  self->key = g_strdup (key);
  self->changed_serial = serial;
  _asc_state_node_set_value_silently (self, value, serial);

  return self;
}

AscStateNode *
_asc_state_node_clone (AscStateNode *source,
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
    {
      AscStateNode *child = g_ptr_array_index (source->children, i);

      _asc_state_node_attach_child (self, _asc_state_node_clone (child, serial), i);
    }

  return self;
}

/* Puts @child (owned) in place of the child at @position */
void
_asc_state_node_replace_child (AscStateNode *self,
                               guint         position,
                               AscStateNode *child,
                               guint64       serial)
{
  g_autoptr(AscStateNode) old = detach_child (self, position);

  _asc_state_node_attach_child (self, child, position);
  _asc_state_node_children_changed (self, position, 1, 1);
  _asc_state_node_mark_changed (self, serial);
}

/* Removes the child at @position, emitting items-changed and renumbering
 * the later items of an array.
 */
AscStateNode *
_asc_state_node_take_child (AscStateNode *self,
                            guint         position,
                            guint64       serial)
{
  AscStateNode *child = detach_child (self, position);
  gboolean is_array = self->kind == ASC_STATE_NODE_KIND_ARRAY;

  if (is_array)
    renumber (self, position);
  _asc_state_node_children_changed (self, position, 1, 0);
  if (is_array)
    notify_renumbered (self, position);
  _asc_state_node_mark_changed (self, serial);

  return child;
}

AscStateNode *
_asc_state_node_lookup_child (AscStateNode *self,
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

/* Adds @child (owned) under @key, as the RFC 6902 "add" does: an existing
 * member is replaced, an array item is inserted.
 */
gboolean
_asc_state_node_insert_child (AscStateNode *self,
                              const char   *key,
                              AscStateNode *child,
                              guint64       serial)
{
  g_autoptr(AscStateNode) owned = child;
  guint position;

  if (self->kind == ASC_STATE_NODE_KIND_OBJECT)
    {
      set_key (child, key);
      if (_asc_state_node_lookup_child (self, key, &position) != NULL)
        {
          _asc_state_node_replace_child (self, position, g_steal_pointer (&owned), serial);
          return TRUE;
        }
      _asc_state_node_attach_child (self, g_steal_pointer (&owned), self->children->len);
      _asc_state_node_children_changed (self, self->children->len - 1, 0, 1);
    }
  else if (self->kind == ASC_STATE_NODE_KIND_ARRAY &&
           asc_json_pointer_parse_index (key, self->children->len, TRUE,
                                         &position, NULL))
    {
      _asc_state_node_attach_child (self, g_steal_pointer (&owned), position);
      renumber (self, position);
      _asc_state_node_children_changed (self, position, 0, 1);
      notify_renumbered (self, position + 1);
    }
  else
    return FALSE;

  _asc_state_node_mark_changed (self, serial);
  return TRUE;
}
