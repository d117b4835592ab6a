/* asc-field-build.c: chooses each field's kind and builds the tree
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field-private.h"
#include "asc-json-diff.h"

#include <glib/gi18n-lib.h>

/* Deeper fields are raw JSON: a required recursive property would never
 * end otherwise. */
#define MAX_DEPTH 32

/* A longer string gets a multi-line editor. */
#define MULTILINE_LENGTH 200

/* Blank lists get at most this many items to satisfy “minItems”. */
#define MAX_BLANK_ITEMS 16

static AscField *build (AscSchema     *schema,
                        GPtrArray     *nodes,
                        AscSchemaNode *consumed,
                        gboolean       strip_null,
                        AscField      *parent,
                        const char    *key,
                        gboolean       required);

static gboolean
is_multiline (AscFieldSpec *spec)
{
  return spec->max_length > MULTILINE_LENGTH ||
         g_strcmp0 (spec->format, "textarea") == 0 ||
         g_strcmp0 (spec->format, "multiline") == 0;
}

/* A schema without “type”: guess from the keywords it has. */
static AscFieldKind
infer_kind (AscFieldSpec *spec)
{
  if (spec->properties->len > 0 || spec->required->len > 0)
    return ASC_FIELD_KIND_OBJECT;
  if (spec->prefix->len > 0)
    return ASC_FIELD_KIND_TUPLE;
  if (spec->items->len > 0)
    return ASC_FIELD_KIND_LIST;
  return ASC_FIELD_KIND_RAW_JSON;
}

static AscFieldKind
kind_for_types (AscFieldSpec *spec)
{
  guint types = spec->types;

  if (types == (ASC_SCHEMA_TYPE_ANY | ASC_SCHEMA_TYPE_INTEGER))
    return infer_kind (spec);
  if (types & ASC_SCHEMA_TYPE_NUMBER)
    types &= ~ASC_SCHEMA_TYPE_INTEGER;

  switch (types)
    {
    case ASC_SCHEMA_TYPE_STRING:
      return is_multiline (spec) ? ASC_FIELD_KIND_MULTILINE_TEXT : ASC_FIELD_KIND_TEXT;
    case ASC_SCHEMA_TYPE_INTEGER:
      return ASC_FIELD_KIND_INTEGER;
    case ASC_SCHEMA_TYPE_NUMBER:
      return ASC_FIELD_KIND_NUMBER;
    case ASC_SCHEMA_TYPE_BOOLEAN:
      return ASC_FIELD_KIND_BOOLEAN;
    case ASC_SCHEMA_TYPE_OBJECT:
      return ASC_FIELD_KIND_OBJECT;
    case ASC_SCHEMA_TYPE_ARRAY:
      return spec->prefix->len > 0 ? ASC_FIELD_KIND_TUPLE : ASC_FIELD_KIND_LIST;
    case ASC_SCHEMA_TYPE_NULL:
      return ASC_FIELD_KIND_CONST;
    default:
      return ASC_FIELD_KIND_RAW_JSON;
    }
}

/* Whether @types is “null” and exactly one other type (integer counting
 * as a number). */
static gboolean
is_nullable_types (guint types)
{
  if ((types & ASC_SCHEMA_TYPE_NULL) == 0)
    return FALSE;

  types &= ~ASC_SCHEMA_TYPE_NULL;
  if (types & ASC_SCHEMA_TYPE_NUMBER)
    types &= ~ASC_SCHEMA_TYPE_INTEGER;
  return types != 0 && (types & (types - 1)) == 0;
}

static gboolean
is_null_schema (AscSchemaNode *node)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(AscFieldSpec) spec = NULL;

  g_ptr_array_add (nodes, node);
  spec = _asc_field_spec_new (nodes, NULL, FALSE);
  return spec->types == ASC_SCHEMA_TYPE_NULL && !spec->unsupported &&
         spec->alternatives == NULL;
}

/* The position of the non-null alternative of a two-way choice with
 * `{"type": "null"}`, or -1. */
static int
nullable_alternative (AscFieldSpec *spec)
{
  if (spec->alternatives == NULL || spec->alternatives->len != 2)
    return -1;
  if (is_null_schema (g_ptr_array_index (spec->alternatives, 1)))
    return 0;
  if (is_null_schema (g_ptr_array_index (spec->alternatives, 0)))
    return 1;
  return -1;
}

static AscFieldKind
choose_kind (AscField *self)
{
  AscFieldSpec *spec = self->spec;

  if (spec->unsupported || spec->never || self->depth > MAX_DEPTH)
    return ASC_FIELD_KIND_RAW_JSON;
  if (spec->alternatives != NULL)
    return nullable_alternative (spec) >= 0 ? ASC_FIELD_KIND_NULLABLE : ASC_FIELD_KIND_ONE_OF;
  if (spec->const_value != NULL)
    return ASC_FIELD_KIND_CONST;
  if (spec->enum_values != NULL)
    return ASC_FIELD_KIND_ENUM;
  if (is_nullable_types (spec->types))
    return ASC_FIELD_KIND_NULLABLE;
  return kind_for_types (spec);
}

static GPtrArray *
nodes_with (GPtrArray     *nodes,
            AscSchemaNode *extra)
{
  GPtrArray *all = g_ptr_array_copy (nodes, NULL, NULL);

  g_ptr_array_add (all, extra);
  return all;
}

/* A label for an alternative without a title: the value of its first
 * constant property (a discriminator such as "kind": "circle"), else its
 * type, else its position. */
static char *
alternative_label (AscField *alternative,
                   guint     index)
{
  AscFieldSpec *spec = alternative->spec;
  AscFieldKind kind = alternative->kind;

  for (guint i = 0; i < spec->properties->len; i++)
    {
      AscFieldSpecProperty *property = g_ptr_array_index (spec->properties, i);
      g_autoptr(AscFieldSpec) member = _asc_field_spec_new (property->nodes, NULL, FALSE);

      if (member->const_value != NULL && JSON_NODE_HOLDS_VALUE (member->const_value))
        return _asc_schema_format_value (member->const_value);
    }
  if (spec->const_value != NULL)
    return _asc_schema_format_value (spec->const_value);
  if (kind != ASC_FIELD_KIND_OBJECT && kind != ASC_FIELD_KIND_RAW_JSON && spec->types != 0 &&
      spec->types != (ASC_SCHEMA_TYPE_ANY | ASC_SCHEMA_TYPE_INTEGER))
    {
      guint types = spec->types;

      if (types & ASC_SCHEMA_TYPE_NUMBER)
        types = ASC_SCHEMA_TYPE_NUMBER;
      else if (types & ~ASC_SCHEMA_TYPE_NULL)
        types &= ~ASC_SCHEMA_TYPE_NULL;
      return g_strdup (_asc_schema_type_phrase (1u << g_bit_nth_lsf (types, -1)));
    }

  /* Translators: the label of the nth alternative of a choice. */
  return g_strdup_printf (_("Option %u"), index + 1);
}

static void
build_structure (AscField *self)
{
  AscFieldSpec *spec = self->spec;
  int nullable;

  if (self->kind == ASC_FIELD_KIND_NULLABLE && spec->alternatives == NULL)
    {
      self->inner = build (self->schema, self->nodes, NULL, TRUE, self, NULL, self->required);
      return;
    }
  if ((nullable = nullable_alternative (spec)) >= 0 && self->kind == ASC_FIELD_KIND_NULLABLE)
    {
      g_autoptr(GPtrArray) nodes = nodes_with (self->nodes,
                                               g_ptr_array_index (spec->alternatives, nullable));

      self->inner = build (self->schema, nodes, spec->alternatives_owner, FALSE, self, NULL,
                           self->required);
      return;
    }
  if (self->kind != ASC_FIELD_KIND_ONE_OF)
    return;

  for (guint i = 0; i < spec->alternatives->len; i++)
    {
      AscSchemaNode *node = g_ptr_array_index (spec->alternatives, i);
      g_autoptr(GPtrArray) nodes = nodes_with (self->nodes, node);
      g_autoptr(AscField) alternative = build (self->schema, nodes, spec->alternatives_owner,
                                               FALSE, self, NULL, self->required);

      alternative->alternative = node;
      alternative->label = alternative_label (alternative, i);
      g_list_store_append (self->alternatives, alternative);
    }
}

static AscField *
build (AscSchema     *schema,
       GPtrArray     *nodes,
       AscSchemaNode *consumed,
       gboolean       strip_null,
       AscField      *parent,
       const char    *key,
       gboolean       required)
{
  g_autoptr(AscField) self = g_object_new (ASC_TYPE_FIELD, NULL);

  self->schema = g_object_ref (schema);
  self->nodes = g_ptr_array_copy (nodes, NULL, NULL);
  self->parent = parent;
  self->key = g_strdup (key);
  self->required = required;
  self->depth = parent != NULL ? parent->depth + 1 : 0;
  self->spec = _asc_field_spec_new (nodes, consumed, strip_null);
  self->kind = choose_kind (self);

  build_structure (self);
  _asc_field_init_value (self, FALSE);
  return g_steal_pointer (&self);
}

/* Builds the field for a value to which all of @nodes apply. */
AscField *
_asc_field_build (AscSchema  *schema,
                  GPtrArray  *nodes,
                  AscField   *parent,
                  const char *key,
                  gboolean    required)
{
  return build (schema, nodes, NULL, FALSE, parent, key, required);
}

/* Creates the fields of an object's declared properties, once. */
void
_asc_field_build_children (AscField *self)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  AscFieldSpec *spec = self->spec;

  if (self->built || self->kind != ASC_FIELD_KIND_OBJECT)
    return;

  self->built = TRUE;
  for (guint i = 0; i < spec->properties->len; i++)
    {
      AscFieldSpecProperty *property = g_ptr_array_index (spec->properties, i);
      gboolean declared;
      g_autoptr(GPtrArray) nodes = _asc_field_spec_nodes_for (spec, property->name, &declared);

      g_ptr_array_add (children,
                       _asc_field_build (self->schema, nodes, self, property->name,
                                         _asc_field_spec_is_required (spec, property->name)));
    }

  self->n_declared = children->len;
  g_list_store_splice (self->children, 0, 0, children->pdata, children->len);
}

/* A new field for the item at @index of a list, with a blank value. */
AscField *
_asc_field_new_item (AscField *self,
                     guint     index)
{
  g_autoptr(GPtrArray) nodes = _asc_field_spec_item_nodes (self->spec, index);
  g_autoptr(AscField) item = _asc_field_build (self->schema, nodes, self, NULL, TRUE);

  if (!asc_field_has_value (item))
    _asc_field_init_value (item, TRUE);
  return g_steal_pointer (&item);
}

/* A new field for a property that the object's schema does not declare. */
AscField *
_asc_field_new_extra (AscField   *self,
                      const char *name)
{
  gboolean declared;
  g_autoptr(GPtrArray) nodes = _asc_field_spec_nodes_for (self->spec, name, &declared);
  g_autoptr(AscField) extra = _asc_field_build (self->schema, nodes, self, name, FALSE);

  extra->extra = TRUE;
  return g_steal_pointer (&extra);
}

/* A starting value for a field the person has not filled in yet. */
static JsonNode *
blank_scalar (AscField *self)
{
  AscFieldSpec *spec = self->spec;
  JsonNode *node = json_node_alloc ();

  switch (self->kind)
    {
    case ASC_FIELD_KIND_TEXT:
    case ASC_FIELD_KIND_MULTILINE_TEXT:
      return json_node_init_string (node, "");
    case ASC_FIELD_KIND_INTEGER:
    case ASC_FIELD_KIND_NUMBER:
      if (spec->minimum == NULL || spec->exclusive_minimum ||
          json_node_get_double (spec->minimum) <= 0)
        return json_node_init_int (node, 0);
      json_node_unref (node);
      return asc_json_copy (spec->minimum);
    case ASC_FIELD_KIND_BOOLEAN:
      return json_node_init_boolean (node, FALSE);
    case ASC_FIELD_KIND_ENUM:
      if (json_array_get_length (spec->enum_values) == 0)
        return json_node_init_null (node);
      json_node_unref (node);
      return asc_json_copy (json_array_get_element (spec->enum_values, 0));
    case ASC_FIELD_KIND_CONST:
      if (spec->const_value == NULL)
        return json_node_init_null (node);
      json_node_unref (node);
      return asc_json_copy (spec->const_value);
    default:
      return json_node_init_null (node);
    }
}

static void
init_list (AscField *self)
{
  guint count = self->kind == ASC_FIELD_KIND_TUPLE
                ? self->spec->prefix->len
                : (guint) CLAMP (self->spec->min_items, 0, MAX_BLANK_ITEMS);

  self->present = TRUE;
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->children)); i < count; i++)
    {
      g_autoptr(AscField) item = _asc_field_new_item (self, i);

      g_list_store_append (self->children, item);
    }
}

/*
 * Gives @self its starting value: the schema's default if it has one;
 * else, for a required field or when @blank, an empty object or list, the
 * first alternative, false, the constant, or (only when @blank) an empty
 * string, zero or the first choice. Other fields start without a value.
 */
void
_asc_field_init_value (AscField *self,
                       gboolean  blank)
{
  if (self->spec->default_value != NULL)
    {
      _asc_field_assign (self, self->spec->default_value);
      return;
    }
  if (!blank && !self->required)
    return;

  switch (self->kind)
    {
    case ASC_FIELD_KIND_OBJECT:
      self->present = TRUE;
      for (guint i = 0; self->built && i < self->n_declared; i++)
        _asc_field_init_value (_asc_field_nth (self->children, i), FALSE);
      _asc_field_build_children (self);
      break;
    case ASC_FIELD_KIND_LIST:
    case ASC_FIELD_KIND_TUPLE:
      init_list (self);
      break;
    case ASC_FIELD_KIND_ONE_OF:
      _asc_field_init_value (_asc_field_nth (self->alternatives, self->active), blank);
      break;
    case ASC_FIELD_KIND_NULLABLE:
      _asc_field_init_value (self->inner, blank);
      break;
    case ASC_FIELD_KIND_BOOLEAN:
    case ASC_FIELD_KIND_CONST:
      g_clear_pointer (&self->value, json_node_unref);
      self->value = blank_scalar (self);
      break;
    default:
      if (blank)
        {
          g_clear_pointer (&self->value, json_node_unref);
          self->value = blank_scalar (self);
        }
      break;
    }
}
