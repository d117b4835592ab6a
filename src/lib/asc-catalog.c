/* asc-catalog.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-catalog"

#include "config.h"

#include "asc-catalog-private.h"
#include "asc-json-check.h"
#include "asc-json-text.h"

#include "asc-schema.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * AscCatalog:
 *
 * What the actors of one server look like, read from a catalog file: the
 * actor types, their methods, events, state schema and known instances.
 * Neither protocol says this over the wire (Zocket cannot even list its
 * actor types), so the user supplies it.
 *
 * The format is a JSON object, described by `catalog.schema.json` in the
 * application's data folder:
 * |[
 * { "catalog": 1,
 *   "actors": { "counter": { "title": "Counter", "state": {…},
 *                            "methods": { "add": { "input": {…} },
 *                                         "increment": { "args": [ {…} ] } },
 *                            "events": { "newCount": { "payload": {…} } },
 *                            "instances": [ "main" ] } } }
 * ]|
 *
 * Loading checks the shape of every member it knows and names the first
 * one that is wrong; members it does not know are kept and ignored. The
 * document is immutable once loaded; what a server reports about itself
 * (Rivet lists its actor types and action names) can be merged in with
 * asc_catalog_merge_server_types() and asc_catalog_merge_server_methods(),
 * so the names offered are those known from either.
 */

G_DEFINE_FINAL_TYPE (AscCatalog, asc_catalog, G_TYPE_OBJECT)

static void
asc_catalog_finalize (GObject *object)
{
  AscCatalog *self = (AscCatalog *)object;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->empty, json_object_unref);
  g_clear_pointer (&self->server_types, g_hash_table_unref);
  g_clear_pointer (&self->schemas, g_hash_table_unref);

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
  self->empty = json_object_new ();
  json_object_seal (self->empty);
  self->server_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_hash_table_unref);
  self->schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Takes over a parsed document, or fails naming what is wrong with it. */
static AscCatalog *
catalog_new_for_root (JsonNode  *root,
                      GError   **error)
{
  AscCatalog *self;

  /* Its names reach widgets, its numbers form constraints. */
  if (!_asc_json_holds_only_json (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The catalog holds a string that is not UTF-8 or a number "
                             "out of range"));
      return NULL;
    }

  if (!_asc_catalog_check_root (root, error))
    return NULL;

  self = g_object_new (ASC_TYPE_CATALOG, NULL);
  self->root = json_node_ref (root);
  self->actors = json_object_get_object_member (json_node_get_object (root), "actors");

  return self;
}

/* Parses catalog text; syntax errors start with “<data>:LINE:COLUMN:”. */
static gboolean
parse_text (JsonParser  *parser,
            const char  *text,
            gssize       length,
            GError     **error)
{
  gsize size = length < 0 ? strlen (text) : (gsize) length;
  gsize widened_length = 0;
  g_autofree char *widened = asc_json_widen_integers (text, size, &widened_length);

  /* 2^64, as JSON.stringify() writes it, is not a negative bound. */
  if (widened != NULL)
    return json_parser_load_from_data (parser, widened, widened_length, error);
  return json_parser_load_from_data (parser, text, size, error);
}

/**
 * asc_catalog_new:
 *
 * Creates a catalog that describes nothing yet, for a server known only
 * from what it says about itself.
 *
 * Returns: (transfer full): an empty catalog
 */
AscCatalog *
asc_catalog_new (void)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  AscCatalog *self;

  json_parser_load_from_data (parser, "{\"catalog\": 1, \"actors\": {}}", -1, &error);
  g_assert_no_error (error);
  self = catalog_new_for_root (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

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
 * This blocks while it reads: use asc_catalog_load_async() on a main
 * thread that must stay responsive.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
AscCatalog *
asc_catalog_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  AscCatalog *self;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  if (!parse_text (parser, text, length, &local_error))
    {
      /* Syntax errors name the file, line and column. */
      g_set_error (error, local_error->domain, local_error->code, "%s:%s", path,
                   g_str_has_prefix (local_error->message, "<data>:")
                     ? local_error->message + strlen ("<data>:") : local_error->message);
      return NULL;
    }

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

  if (!parse_text (parser, text, length, error))
    return NULL;

  return catalog_new_for_root (json_parser_get_root (parser), error);
}

/* Errors name @location where json-glib would say “<data>”. */
AscCatalog *
_asc_catalog_new_from_bytes (GBytes      *bytes,
                             const char  *location,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  AscCatalog *self;

  self = asc_catalog_new_from_data (text != NULL ? text : "", length, &local_error);
  if (self != NULL)
    return self;

  if (g_str_has_prefix (local_error->message, "<data>:"))
    g_set_error (error, local_error->domain, local_error->code, "%s:%s",
                 location, local_error->message + strlen ("<data>:"));
  else
    g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                 location, local_error->message);

  return NULL;
}

int
_asc_catalog_compare_names (gconstpointer a,
                            gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Sorted and nul-terminated; consumes @names. */
static char **
steal_sorted (GPtrArray *names)
{
  g_ptr_array_sort (names, _asc_catalog_compare_names);
  g_ptr_array_add (names, NULL);

  return (char **)g_ptr_array_free (names, FALSE);
}

/**
 * asc_catalog_dup_type_names:
 * @self: an #AscCatalog
 *
 * The actor types the catalog describes or the server reported, sorted by
 * byte value.
 *
 * Returns: (transfer full) (array zero-terminated=1): the type names
 */
char **
asc_catalog_dup_type_names (AscCatalog *self)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter server_iter;
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);

  json_object_iter_init (&iter, self->actors);
  while (json_object_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, g_strdup (name));

  g_hash_table_iter_init (&server_iter, self->server_types);
  while (g_hash_table_iter_next (&server_iter, (gpointer *) &name, NULL))
    if (!json_object_has_member (self->actors, name))
      g_ptr_array_add (names, g_strdup (name));

  return steal_sorted (names);
}

/**
 * asc_catalog_get_actor:
 * @self: an #AscCatalog
 * @type_name: an actor type
 *
 * The catalog's entry for @type_name, as written in the file; for a type
 * only the server reported, an empty entry. It is immutable: read it, do
 * not change it.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL when neither
 *   the catalog nor the server knows @type_name
 */
JsonObject *
asc_catalog_get_actor (AscCatalog *self,
                       const char *type_name)
{
  JsonNode *node;

  g_return_val_if_fail (ASC_IS_CATALOG (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  node = json_object_get_member (self->actors, type_name);
  if (node != NULL)
    return json_node_get_object (node);

  return g_hash_table_contains (self->server_types, type_name) ? self->empty : NULL;
}

/* The method names the server reported for @type_name, made on demand. */
static GHashTable *
ensure_server_type (AscCatalog *self,
                    const char *type_name)
{
  GHashTable *methods = g_hash_table_lookup (self->server_types, type_name);

  if (methods != NULL)
    return methods;

  methods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->server_types, g_strdup (type_name), methods);

  return methods;
}

/**
 * asc_catalog_merge_server_types:
 * @self: an #AscCatalog
 * @types: (array zero-terminated=1): the actor types a server reported
 *
 * Adds the types a server says it has, such as those a Rivet engine
 * lists, to the ones the catalog describes. Types already known stay as
 * they are; new ones get an empty entry.
 */
void
asc_catalog_merge_server_types (AscCatalog         *self,
                                const char * const *types)
{
  g_return_if_fail (ASC_IS_CATALOG (self));
  g_return_if_fail (types != NULL);

  for (guint i = 0; types[i] != NULL; i++)
    ensure_server_type (self, types[i]);
}

/**
 * asc_catalog_merge_server_methods:
 * @self: an #AscCatalog
 * @type_name: an actor type
 * @names: (array zero-terminated=1): the method names the server reported
 *
 * Adds the methods a server says @type_name has, such as a Rivet actor's
 * action names, to the ones the catalog describes. A method known only
 * this way has an empty entry and no schema: calls to it go unchecked.
 * An unknown @type_name is added too.
 */
void
asc_catalog_merge_server_methods (AscCatalog         *self,
                                  const char         *type_name,
                                  const char * const *names)
{
  GHashTable *methods;

  g_return_if_fail (ASC_IS_CATALOG (self));
  g_return_if_fail (type_name != NULL);
  g_return_if_fail (names != NULL);

  methods = ensure_server_type (self, type_name);
  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_add (methods, g_strdup (names[i]));
}
