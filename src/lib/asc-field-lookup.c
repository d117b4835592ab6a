/* asc-field-lookup.c: paths of fields, and issues put back on fields
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field-private.h"
#include "asc-json-pointer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Choices and nullables share the path of the value they wrap. */
static AscField *
unwrap (AscField *self)
{
  while (self != NULL)
    {
      if (self->kind == ASC_FIELD_KIND_NULLABLE && !self->foreign)
        self = self->inner;
      else if (self->kind == ASC_FIELD_KIND_ONE_OF && !self->foreign)
        self = _asc_field_nth (self->alternatives, self->active);
      else
        return self;
    }

  return NULL;
}

static AscField *
step (AscField   *self,
      const char *token)
{
  AscField *field = unwrap (self);
  GListModel *children = G_LIST_MODEL (field->children);
  guint n = g_list_model_get_n_items (children);
  guint index;

  if (field->kind == ASC_FIELD_KIND_OBJECT)
    {
      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (_asc_field_nth (field->children, i)->key, token) == 0)
          return _asc_field_nth (field->children, i);
    }
  else if ((field->kind == ASC_FIELD_KIND_LIST || field->kind == ASC_FIELD_KIND_TUPLE) &&
           asc_json_pointer_parse_index (token, n, FALSE, &index, NULL))
    return _asc_field_nth (field->children, index);

  return NULL;
}

/* Walks @path from @self; *@closest is the deepest field reached. */
static AscField *
walk (AscField   *self,
      const char *path,
      AscField  **closest)
{
  g_auto(GStrv) tokens = asc_json_pointer_parse (path, NULL);
  AscField *field = self;

  *closest = self;
  if (tokens == NULL)
    return NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      field = step (field, tokens[i]);
      if (field == NULL)
        return NULL;
      *closest = field;
    }

  return field;
}

/**
 * asc_field_lookup:
 * @self: an #AscField, usually the root
 * @path: a JSON pointer relative to the value of @self, such as
 *   `/moves/0/x`
 *
 * Finds the field of a part of the value: views use it to put the issues
 * of a validation, local or from the server, on their fields. Choices
 * and nullables are looked through: the path of a nullable is the path
 * of its inner value.
 *
 * Returns: (transfer none) (nullable): the field, or %NULL if no field
 *   has that path
 */
AscField *
asc_field_lookup (AscField   *self,
                  const char *path)
{
  AscField *closest;

  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return walk (self, path, &closest);
}

/**
 * asc_field_lookup_closest:
 * @self: an #AscField, usually the root
 * @path: a JSON pointer relative to the value of @self
 *
 * Like asc_field_lookup(), but when no field has @path, the deepest field
 * on the way: an issue inside a raw JSON field, or about a missing item,
 * lands on the field that holds it.
 *
 * Returns: (transfer none): the field
 */
AscField *
asc_field_lookup_closest (AscField   *self,
                          const char *path)
{
  AscField *closest;

  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  walk (self, path, &closest);
  return closest;
}

/**
 * asc_field_dup_path:
 * @self: an #AscField
 *
 * Returns: (transfer full): the JSON pointer of the value of @self within
 *   the value of the root field, such as `/moves/0/x`; `""` for the root
 */
char *
asc_field_dup_path (AscField *self)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  for (AscField *field = self; field->parent != NULL; field = field->parent)
    {
      AscField *parent = field->parent;
      guint position;

      if (parent->kind == ASC_FIELD_KIND_OBJECT)
        g_ptr_array_insert (tokens, 0, g_strdup (field->key));
      else if (g_list_store_find (parent->children, field, &position))
        g_ptr_array_insert (tokens, 0, g_strdup_printf ("%u", position));
    }
  g_ptr_array_add (tokens, NULL);

  return asc_json_pointer_format ((const char * const *) tokens->pdata);
}

/* Where a missing property is reported: at the “required” of the
 * nearest object, as asc_schema_validate() does. */
static AscSchemaIssue *
missing_issue (AscField   *self,
               const char *path)
{
  AscField *owner = self->parent;
  g_autofree char *schema_path = NULL;
  GPtrArray *nodes;

  while (owner != NULL && owner->kind != ASC_FIELD_KIND_OBJECT)
    owner = owner->parent;
  nodes = (owner != NULL ? owner : self)->nodes;
  schema_path = g_strconcat (nodes->len > 0 ? ((AscSchemaNode *) nodes->pdata[0])->path : "",
                             "/required", NULL);

  return asc_schema_issue_new (path, schema_path, "required", _("is required"));
}

/**
 * asc_field_validate:
 * @self: an #AscField
 *
 * Checks the value of @self against its schema, for live validation as
 * the person types. Only the issues that belong to @self are returned:
 * those about the parts of the value that have a field of their own are
 * left to that field. A required field without a value has one issue,
 * “is required”.
 *
 * Returns: (transfer container) (element-type AscSchemaIssue): the issues,
 *   empty when the value is valid
 */
GPtrArray *
asc_field_validate (AscField *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *issues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  path = asc_field_dup_path (self);
  value = asc_field_get_value (self);
  if (value == NULL)
    {
      if (self->required)
        g_ptr_array_add (issues, missing_issue (self, path));
      return issues;
    }

  for (guint i = 0; i < self->nodes->len; i++)
    _asc_schema_evaluate (self->schema, g_ptr_array_index (self->nodes, i), value, path, all);

  for (guint i = 0; i < all->len; i++)
    {
      AscSchemaIssue *issue = g_ptr_array_index (all, i);
      const char *relative = asc_schema_issue_get_instance_path (issue) + strlen (path);

      if (unwrap (asc_field_lookup_closest (self, relative)) == unwrap (self))
        g_ptr_array_add (issues, g_object_ref (issue));
    }

  return issues;
}
