/* asc-demo-catalog.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-catalog.h"

#include "asc-demo-resources.h"

#define CATALOG_RESOURCE "/io/github/actorscope/Actorscope/demo/demo-catalog.json"

/* The catalog is built in and never changes, so it is loaded once and kept
 * for the life of the process. */
static GBytes *
catalog_bytes (void)
{
  static GBytes *bytes;

  if (g_once_init_enter (&bytes))
    {
      GBytes *loaded = g_resource_lookup_data (asc_demo_get_resource (), CATALOG_RESOURCE,
                                               G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert (loaded != NULL);
      g_once_init_leave (&bytes, loaded);
    }

  return bytes;
}

static JsonObject *
catalog_actors (void)
{
  static JsonNode *root;

  if (g_once_init_enter (&root))
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, asc_demo_catalog_get_json (), -1, &error);
      g_assert_no_error (error);
      g_once_init_leave (&root, json_node_ref (json_parser_get_root (parser)));
    }

  return json_object_get_object_member (json_node_get_object (root), "actors");
}

/**
 * asc_demo_catalog_get_json:
 *
 * Returns: the catalog (`demo-catalog.json`), NUL-terminated
 */
const char *
asc_demo_catalog_get_json (void)
{
  /* Resource data always ends with a NUL. */
  return g_bytes_get_data (catalog_bytes (), NULL);
}

/**
 * asc_demo_catalog_get_method:
 * @actor: an actor type
 * @method: one of its methods
 *
 * Returns: (transfer none) (nullable): the catalog's entry for the method,
 *   with its `input` schema when it takes one
 */
JsonObject *
asc_demo_catalog_get_method (const char *actor,
                             const char *method)
{
  JsonObject *actors = catalog_actors ();
  JsonObject *entry, *methods;

  if (!json_object_has_member (actors, actor))
    return NULL;

  entry = json_object_get_object_member (actors, actor);
  methods = json_object_get_object_member (entry, "methods");
  if (methods == NULL || !json_object_has_member (methods, method))
    return NULL;

  return json_object_get_object_member (methods, method);
}
