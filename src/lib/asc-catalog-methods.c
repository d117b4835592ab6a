/* asc-catalog-methods.c: an actor type's methods and what a call sends
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-catalog"

#include "config.h"

#include "asc-catalog-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Members whose values are data, not schemas: a "$ref" in them is left alone. */
static const char * const data_keywords[] = {
  "const", "default", "enum", "examples", NULL
};

/* The catalog's own "methods" map of @type_name, if it has one. */
static JsonObject *
catalog_methods (AscCatalog *self,
                 const char *type_name)
{
  JsonNode *actor = json_object_get_member (self->actors, type_name);
  JsonNode *methods;

  if (actor == NULL)
    return NULL;

  methods = json_object_get_member (json_node_get_object (actor), "methods");
  return methods != NULL ? json_node_get_object (methods) : NULL;
}

/**
 * asc_catalog_dup_method_names:
 * @self: an #AscCatalog
 * @type_name: an actor type
 *
 * The methods of @type_name that the catalog describes or the server
 * reported, sorted by byte value.
 *
 * Returns: (transfer full) (array zero-terminated=1): the method names;
 *   empty for a type nobody knows
 */
char **
asc_catalog_dup_method_names (AscCatalog *self,
                              const char *type_name)
{
  GPtrArray *names = g_ptr_array_new ();
  JsonObject *methods;
  GHashTable *reported;
  GHashTableIter iter;
  const char *name;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  methods = catalog_methods (self, type_name);
  if (methods != NULL)
    {
      JsonObjectIter members;

      json_object_iter_init (&members, methods);
      while (json_object_iter_next (&members, &name, NULL))
        g_ptr_array_add (names, g_strdup (name));
    }

  reported = g_hash_table_lookup (self->server_types, type_name);
  if (reported != NULL)
    {
      g_hash_table_iter_init (&iter, reported);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
        if (methods == NULL || !json_object_has_member (methods, name))
          g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, _asc_catalog_compare_names);
  g_ptr_array_add (names, NULL);

  return (char **)g_ptr_array_free (names, FALSE);
}

/**
 * asc_catalog_get_method:
 * @self: an #AscCatalog
 * @type_name: an actor type
 * @method: a method of @type_name
 *
 * The catalog's entry for @method, as written in the file, such as
 * `{"description": …, "input": {…}}`; for a method only the server
 * reported, an empty entry. It is immutable: read it, do not change it.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL when neither
 *   the catalog nor the server knows @method
 */
JsonObject *
asc_catalog_get_method (AscCatalog *self,
                        const char *type_name,
                        const char *method)
{
  JsonObject *methods;
  GHashTable *reported;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);
  g_return_val_if_fail (method != NULL, NULL);

  methods = catalog_methods (self, type_name);
  if (methods != NULL && json_object_has_member (methods, method))
    return json_object_get_object_member (methods, method);

  reported = g_hash_table_lookup (self->server_types, type_name);
  if (reported != NULL && g_hash_table_contains (reported, method))
    return self->empty;

  return NULL;
}

/* "#" or "#/…": a JSON pointer into the same document. */
static gboolean
is_local_pointer (const char *ref)
{
  return ref[0] == '#' && (ref[1] == '\0' || ref[1] == '/');
}

/* An argument's schema moves into "prefixItems/INDEX" of the tuple, so
 * its local references must follow it: "#/$defs/x" becomes
 * "#/prefixItems/0/$defs/x". Anchors ("#name") need no change. */
static void
move_references (JsonNode   *node,
                 const char *prefix)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        move_references (json_array_get_element (array, i), prefix);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          const char *ref = JSON_NODE_HOLDS_VALUE (member) ? json_node_get_string (member) : NULL;

          if (g_str_equal (name, "$ref") && ref != NULL && is_local_pointer (ref))
            {
              g_autofree char *moved = g_strconcat ("#", prefix, ref + 1, NULL);

              json_node_set_string (member, moved);
            }
          else if (!g_strv_contains (data_keywords, name))
            move_references (member, prefix);
        }
    }
}

/* One argument's schema, ready to sit at @index of the tuple. */
static JsonNode *
arg_schema (JsonObject *arg,
            guint       index)
{
  g_autofree char *prefix = g_strdup_printf ("/prefixItems/%u", index);
  g_autofree char *text = json_to_string (json_object_get_member (arg, "schema"), FALSE);
  /* A copy of a loaded (sealed) node shares its objects: parse a fresh one. */
  JsonNode *schema = json_from_string (text, NULL);

  move_references (schema, prefix);
  return schema;
}

/* Rivet's positional arguments as one schema for the array a call sends:
 * {"type": "array", "prefixItems": […], "maxItems": N, "minItems": M},
 * where M leaves out the optional arguments at the end. */
static JsonNode *
tuple_schema (JsonArray *args)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonObject) schema = json_object_new ();
  guint n = json_array_get_length (args);
  guint required = 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *arg = json_array_get_object_element (args, i);

      json_array_add_element (items, arg_schema (arg, i));
      if (!json_object_get_boolean_member_with_default (arg, "optional", FALSE))
        required = i + 1;
    }

  json_object_set_string_member (schema, "type", "array");
  /* JSON Schema wants a non-empty "prefixItems": none for no arguments. */
  if (n > 0)
    json_object_set_array_member (schema, "prefixItems", g_steal_pointer (&items));
  json_object_set_int_member (schema, "maxItems", n);
  json_object_set_int_member (schema, "minItems", required);

  return json_node_init_object (json_node_alloc (), schema);
}

char *
_asc_catalog_method_key (const char *type_name,
                         const char *method)
{
  /* The length first keeps ("a.b", "c") apart from ("a", "b.c"). */
  return g_strdup_printf ("%zu:%s.%s", strlen (type_name), type_name, method);
}

static AscSchema *
compile_method_schema (JsonObject  *entry,
                       const char  *type_name,
                       const char  *method,
                       GError     **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) local_error = NULL;
  AscSchema *schema;

  if (json_object_has_member (entry, "input"))
    document = json_node_copy (json_object_get_member (entry, "input"));
  else
    document = tuple_schema (json_object_get_array_member (entry, "args"));

  schema = asc_schema_new (document, &local_error);
  if (schema == NULL)
    g_set_error (error, ASC_ERROR, ASC_ERROR_FAILED,
                 _("The catalog’s schema for “%s” of “%s” is not usable: %s"),
                 method, type_name, local_error->message);

  return schema;
}

/**
 * asc_catalog_get_method_schema:
 * @self: an #AscCatalog
 * @type_name: an actor type
 * @method: a method of @type_name
 * @error: return location for an %ASC_ERROR_FAILED error
 *
 * The schema of what a call to @method sends. For a Zocket-style entry it
 * is the method's `input` as written (a call without input sends null).
 * For a Rivet-style entry it is the tuple of the positional `args`:
 * `{"type": "array", "prefixItems": [SCHEMA…], "maxItems": N,
 * "minItems": M}` (without `prefixItems` when there are no arguments),
 * where M counts the arguments up to the last one not marked `optional`
 * (the number of required arguments when the optional ones come last),
 * so issue paths read like `/0/amount`.
 *
 * Schemas are compiled once and kept.
 *
 * Returns: (transfer none) (nullable): the schema; %NULL without @error
 *   set when there is nothing to check (an unknown method, or an entry
 *   with neither `input` nor `args`), %NULL with @error set when the
 *   schema itself is broken
 */
AscSchema *
asc_catalog_get_method_schema (AscCatalog  *self,
                               const char  *type_name,
                               const char  *method,
                               GError     **error)
{
  g_autofree char *key = NULL;
  JsonObject *entry;
  AscSchema *schema;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entry = asc_catalog_get_method (self, type_name, method);
  if (entry == NULL ||
      (!json_object_has_member (entry, "input") && !json_object_has_member (entry, "args")))
    return NULL;

  key = _asc_catalog_method_key (type_name, method);
  schema = g_hash_table_lookup (self->schemas, key);
  if (schema != NULL)
    return schema;

  schema = compile_method_schema (entry, type_name, method, error);
  if (schema != NULL)
    g_hash_table_insert (self->schemas, g_steal_pointer (&key), schema);

  return schema;
}
