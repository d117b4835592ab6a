/* asc-catalog-check.c: the shape a catalog document must have
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-catalog"

#include "config.h"

#include "asc-catalog-private.h"

#include <glib/gi18n-lib.h>

/* These checks mirror data/catalog.schema.json, except that members they
 * do not know are ignored, so a newer catalog still loads. */

typedef enum
{
  SHAPE_STRING,
  SHAPE_OBJECT,
  SHAPE_ARRAY,
  SHAPE_BOOLEAN,
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
    case SHAPE_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
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
    case SHAPE_BOOLEAN:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be true or false"), where);
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

/* A member that must be there, with @shape. */
static gboolean
check_required (JsonObject  *object,
                const char  *where,
                const char  *name,
                Shape        shape,
                GError     **error)
{
  g_autofree char *path = NULL;

  if (json_object_has_member (object, name))
    return check_member (object, where, name, shape, error);

  path = join_path (where, name);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is missing"), path);
  return FALSE;
}

/* What a call sends is described once: by @first or by “args”. */
static gboolean
check_one_of (JsonObject  *object,
              const char  *where,
              const char  *first,
              GError     **error)
{
  if (!json_object_has_member (object, first) || !json_object_has_member (object, "args"))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” has both “%s” and “args”: give one or the other"), where, first);
  return FALSE;
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

      if (!check_required (arg, path, "name", SHAPE_STRING, error) ||
          !check_member (arg, path, "description", SHAPE_STRING, error) ||
          !check_required (arg, path, "schema", SHAPE_SCHEMA, error) ||
          !check_member (arg, path, "optional", SHAPE_BOOLEAN, error))
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
         check_args (method, where, error) &&
         check_one_of (method, where, "input", error);
}

static gboolean
check_event (JsonObject  *event,
             const char  *where,
             GError     **error)
{
  return check_member (event, where, "description", SHAPE_STRING, error) &&
         check_member (event, where, "payload", SHAPE_SCHEMA, error) &&
         check_args (event, where, error) &&
         check_one_of (event, where, "payload", error);
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
                   ASC_CATALOG_VERSION);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != ASC_CATALOG_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“catalog” must be %d, the only catalog version this program reads"),
                   ASC_CATALOG_VERSION);
      return FALSE;
    }

  return TRUE;
}

gboolean
_asc_catalog_check_root (JsonNode  *root,
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

  return check_member (object, "", "title", SHAPE_STRING, error) &&
         check_member (object, "", "description", SHAPE_STRING, error) &&
         check_map (object, "", "actors", check_actor, error);
}
