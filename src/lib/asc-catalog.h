/* asc-catalog.h: what a server's actors look like, from a catalog file
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "asc-schema.h"

G_BEGIN_DECLS

#define ASC_TYPE_CATALOG (asc_catalog_get_type ())

G_DECLARE_FINAL_TYPE (AscCatalog, asc_catalog, ASC, CATALOG, GObject)

AscCatalog  *asc_catalog_new                   (void);
AscCatalog  *asc_catalog_new_from_file         (const char          *path,
                                                GError             **error);
AscCatalog  *asc_catalog_new_from_data         (const char          *text,
                                                gssize               length,
                                                GError             **error);
void         asc_catalog_load_async            (const char          *location,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
AscCatalog  *asc_catalog_load_finish           (GAsyncResult        *result,
                                                GError             **error);
char       **asc_catalog_dup_type_names        (AscCatalog          *self);
JsonObject  *asc_catalog_get_actor             (AscCatalog          *self,
                                                const char          *type_name);
char       **asc_catalog_dup_method_names      (AscCatalog          *self,
                                                const char          *type_name);
JsonObject  *asc_catalog_get_method            (AscCatalog          *self,
                                                const char          *type_name,
                                                const char          *method);
AscSchema   *asc_catalog_get_method_schema     (AscCatalog          *self,
                                                const char          *type_name,
                                                const char          *method,
                                                GError             **error);
void         asc_catalog_merge_server_types    (AscCatalog          *self,
                                                const char * const  *types);
void         asc_catalog_merge_server_methods  (AscCatalog          *self,
                                                const char          *type_name,
                                                const char * const  *names);

G_END_DECLS
