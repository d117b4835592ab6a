/* asc-catalog.h: what a server's actors look like, from a catalog file
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ASC_TYPE_CATALOG (asc_catalog_get_type ())

G_DECLARE_FINAL_TYPE (AscCatalog, asc_catalog, ASC, CATALOG, GObject)

AscCatalog  *asc_catalog_new_from_file   (const char   *path,
                                          GError      **error);
AscCatalog  *asc_catalog_new_from_data   (const char   *text,
                                          gssize        length,
                                          GError      **error);
char       **asc_catalog_dup_type_names  (AscCatalog   *self);
JsonObject  *asc_catalog_get_actor       (AscCatalog   *self,
                                          const char   *type_name);

G_END_DECLS
