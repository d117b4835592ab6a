/* asc-catalog-private.h: what the files of AscCatalog share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-catalog.h"

G_BEGIN_DECLS

/* The one format version this code reads. */
#define ASC_CATALOG_VERSION 1

struct _AscCatalog
{
  GObject parent_instance;

  JsonNode *root;
  JsonObject *actors;         /* borrowed from root */
  JsonObject *empty;          /* the entry of what only the server named */
  GHashTable *server_types;   /* type name → GHashTable of method names */
  GHashTable *schemas;        /* _asc_catalog_method_key () → AscSchema */
};

gboolean    _asc_catalog_check_root      (JsonNode     *root,
                                          GError      **error);
AscCatalog *_asc_catalog_new_from_bytes  (GBytes       *bytes,
                                          const char   *location,
                                          GError      **error);
char       *_asc_catalog_method_key      (const char   *type_name,
                                          const char   *method);
int         _asc_catalog_compare_names   (gconstpointer a,
                                          gconstpointer b);

G_END_DECLS
