/* asc-catalog.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-catalog.h"

/* The one format version this code reads. */
#define CATALOG_VERSION 1

/**
 * AscCatalog:
 *
 * What the actors of one server look like, read from a catalog file: the
 * actor types, their methods, events, state schema and known instances.
 * Neither protocol says this over the wire (Zocket cannot even list its
 * actor types), so the user supplies it.
 *
 * The format is a JSON object:
 * |[
 * { "catalog": 1,
 *   "actors": { "counter": { "title": "Counter", "state": {…},
 *                            "methods": { "add": { "input": {…} } },
 *                            "events": { "newCount": { "payload": {…} } },
 *                            "instances": [ "main" ] } } }
 * ]|
 *
 * Loading checks the shape of every member it knows and names the first
 * one that is wrong; members it does not know are kept and ignored. The
 * catalog is immutable once loaded.
 */
struct _AscCatalog
{
  GObject parent_instance;

  JsonNode *root;
  JsonObject *actors;   /* borrowed from root */
};

G_DEFINE_FINAL_TYPE (AscCatalog, asc_catalog, G_TYPE_OBJECT)

typedef enum
{
  SHAPE_STRING,
  SHAPE_OBJECT,
  SHAPE_ARRAY,
  SHAPE_SCHEMA,
} Shape;

static gboolean
has_shape (JsonNode *node,
           Shape     shape)
{
  switch (shape)
    {
    case SHAPE_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case SHAPE_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case SHAPE_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case SHAPE_SCHEMA:
      /* JSON Schema 2020-12 allows true and false as whole schemas. */
      return JSON_NODE_HOLDS_OBJECT (node) ||
             (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
shape_error (const char  *where,
             Shape        shape,
             GError     **error)
{
  switch (shape)
    {
    case SHAPE_STRING:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be a string"), where);
      break;
    case SHAPE_OBJECT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be an object"), where);
      break;
    case SHAPE_ARRAY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be an array"), where);
      break;
    case SHAPE_SCHEMA:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be a JSON Schema: an object or a boolean"), where);
      break;
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* "actors.counter" and "methods" give "actors.counter.methods". */
static char *
join_path (const char *where,
           const char *name)
{
  if (where[0] == '\0')
    return g_strdup (name);

  return g_strconcat (where, ".", name, NULL);
}

static gboolean
check_node (JsonNode    *node,
            const char  *where,
            Shape        shape,
            GError     **error)
{
  if (has_shape (node, shape))
    return TRUE;

  return shape_error (where, shape, error);
}

/* An optional member: absent is fine, present must have @shape. */
static gboolean
check_member (JsonObject  *object,
              const char  *where,
              const char  *name,
              Shape        shape,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *path = NULL;

  if (node == NULL || has_shape (node, shape))
    return TRUE;

  path = join_path (where, name);
  return shape_error (path, shape, error);
}

/* Every element of the array member @name, if present, must have @shape. */
static gboolean
check_elements (JsonObject  *object,
                const char  *where,
                const char  *name,
                Shape        shape,
                GError     **error)
{
  JsonArray *array;

  if (!check_member (object, where, name, SHAPE_ARRAY, error))
    return FALSE;
  if (!json_object_has_member (object, name))
    return TRUE;

  array = json_object_get_array_member (object, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s[%u]", where, name, i);

      if (!check_node (json_array_get_element (array, i), path, shape, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_args (JsonObject  *method,
            const char  *where,
            GError     **error)
{
  JsonArray *args;

  if (!check_elements (method, where, "args", SHAPE_OBJECT, error))
    return FALSE;
  if (!json_object_has_member (method, "args"))
    return TRUE;

  args = json_object_get_array_member (method, "args");
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      JsonObject *arg = json_array_get_object_element (args, i);
      g_autofree char *path = g_strdup_printf ("%s.args[%u]", where, i);

      if (!check_member (arg, path, "name", SHAPE_STRING, error) ||
          !check_member (arg, path, "schema", SHAPE_SCHEMA, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_method (JsonObject  *method,
              const char  *where,
              GError     **error)
{
  return check_member (method, where, "description", SHAPE_STRING, error) &&
         check_member (method, where, "input", SHAPE_SCHEMA, error) &&
         check_args (method, where, error);
}

static gboolean
check_event (JsonObject  *event,
             const char  *where,
             GError     **error)
{
  return check_member (event, where, "description", SHAPE_STRING, error) &&
         check_member (event, where, "payload", SHAPE_SCHEMA, error) &&
         check_args (event, where, error);
}

typedef gboolean (*CheckFunc) (JsonObject  *object,
                               const char  *where,
                               GError     **error);

/* The member @name, if present, maps names to objects that @check accepts. */
static gboolean
check_map (JsonObject  *object,
           const char  *where,
           const char  *name,
           CheckFunc    check,
           GError     **error)
{
  g_autofree char *map_path = join_path (where, name);
  JsonObjectIter iter;
  const char *entry_name;
  JsonNode *entry;

  if (!check_member (object, where, name, SHAPE_OBJECT, error))
    return FALSE;
  if (!json_object_has_member (object, name))
    return TRUE;

  json_object_iter_init (&iter, json_object_get_object_member (object, name));
  while (json_object_iter_next (&iter, &entry_name, &entry))
    {
      g_autofree char *path = join_path (map_path, entry_name);

      if (!check_node (entry, path, SHAPE_OBJECT, error) ||
          !check (json_node_get_object (entry), path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_actor (JsonObject  *actor,
             const char  *where,
             GError     **error)
{
  return check_member (actor, where, "title", SHAPE_STRING, error) &&
         check_member (actor, where, "description", SHAPE_STRING, error) &&
         check_member (actor, where, "state", SHAPE_SCHEMA, error) &&
         check_map (actor, where, "methods", check_method, error) &&
         check_map (actor, where, "events", check_event, error) &&
         check_elements (actor, where, "instances", SHAPE_STRING, error);
}

static gboolean
check_version (JsonObject  *root,
               GError     **error)
{
  JsonNode *version = json_object_get_member (root, "catalog");

  if (version == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“catalog” is missing: a catalog starts with \"catalog\": %d"),
                   CATALOG_VERSION);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != CATALOG_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“catalog” must be %d, the only catalog version this program reads"),
                   CATALOG_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_root (JsonNode  *root,
            GError   **error)
{
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A catalog must be a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (!check_version (object, error))
    return FALSE;

  if (!json_object_has_member (object, "actors"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("“actors” is missing"));
      return FALSE;
    }

  return check_map (object, "", "actors", check_actor, error);
}

static void
asc_catalog_finalize (GObject *object)
{
  AscCatalog *self = (AscCatalog *)object;

  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (asc_catalog_parent_class)->finalize (object);
}

static void
asc_catalog_class_init (AscCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = asc_catalog_finalize;
}

static void
asc_catalog_init (AscCatalog *self)
{
}

/* Takes over a parsed document, or fails naming what is wrong with it. */
static AscCatalog *
catalog_new_for_root (JsonNode  *root,
                      GError   **error)
{
  AscCatalog *self;

  if (!check_root (root, error))
    return NULL;

  self = g_object_new (ASC_TYPE_CATALOG, NULL);
  self->root = json_node_ref (root);
  self->actors = json_object_get_object_member (json_node_get_object (root), "actors");

  return self;
}

/**
 * asc_catalog_new_from_file:
 * @path: the catalog file
 * @error: return location for a #GError
 *
 * Reads a catalog file. A JSON syntax error is a %JSON_PARSER_ERROR whose
 * message starts with `PATH:LINE:COLUMN:`; a member of the wrong shape is a
 * %G_IO_ERROR_INVALID_DATA that names it, such as
 * `PATH: “actors.counter.methods” must be an object`; an unknown `catalog`
 * version is %G_IO_ERROR_NOT_SUPPORTED. A file that cannot be read gives
 * its #GFileError.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
AscCatalog *
asc_catalog_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  AscCatalog *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* json-glib names the file, line and column in its syntax errors. */
  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;

  self = catalog_new_for_root (json_parser_get_root (parser), error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", path);

  return self;
}

/**
 * asc_catalog_new_from_data:
 * @text: the catalog as JSON text
 * @length: the length of @text in bytes, or -1 when it is nul-terminated
 * @error: return location for a #GError
 *
 * Like asc_catalog_new_from_file(), for text at hand; syntax errors start
 * with `<data>:LINE:COLUMN:`.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
AscCatalog *
asc_catalog_new_from_data (const char  *text,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  return catalog_new_for_root (json_parser_get_root (parser), error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * asc_catalog_dup_type_names:
 * @self: an #AscCatalog
 *
 * The actor types the catalog describes, sorted by byte value.
 *
 * Returns: (transfer full) (array zero-terminated=1): the type names
 */
char **
asc_catalog_dup_type_names (AscCatalog *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);

  json_object_iter_init (&iter, self->actors);
  while (json_object_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * asc_catalog_get_actor:
 * @self: an #AscCatalog
 * @type_name: an actor type
 *
 * The catalog's entry for @type_name, as written in the file. It is
 * immutable: read it, do not change it.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL when the
 *   catalog does not describe @type_name
 */
JsonObject *
asc_catalog_get_actor (AscCatalog *self,
                       const char *type_name)
{
  JsonNode *node;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  node = json_object_get_member (self->actors, type_name);

  return node != NULL ? json_node_get_object (node) : NULL;
}
