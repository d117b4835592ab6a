/* fuzz-catalog.c: fuzz target for the catalog loader
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a catalog file's bytes. Loading either fails with an error
 * that names what is wrong, or gives a catalog whose every actor type and
 * method can be asked for, as the window and the CLI do, even after the
 * server names types and methods of its own. Each method schema the
 * catalog gives compiles once (it is cached), and the form built from it
 * starts from a value that its own fields read back.
 */

#include "config.h"

#include "asc-catalog.h"
#include "asc-field.h"
#include "fuzz-check.h"

#include <gio/gio.h>
#include <string.h>

static const char * const server_types[] = { "counter", "fuzz-only", "", NULL };
static const char * const server_methods[] = { "increment", "add", "fuzz-only", NULL };
static const char *unknown = "no such name";

static void
check_sorted (char **names)
{
  CHECK (names != NULL);
  for (guint i = 0; names[i] != NULL; i++)
    CHECK (i == 0 || strcmp (names[i - 1], names[i]) < 0);
}

/* The form a person gets for the method: fields that start from a value
 * and read it back. */
static void
check_form (AscSchema *schema)
{
  g_autoptr(AscField) field = asc_field_new (schema);
  g_autoptr(AscField) again = asc_field_new (schema);
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonNode) read_back = NULL;

  asc_field_set_present (field, TRUE);
  value = asc_field_get_value (field);
  if (value == NULL)
    return;
  fuzz_check_json_reparses (value);
  g_ptr_array_unref (asc_field_validate (field));

  asc_field_set_value (again, value);
  read_back = asc_field_get_value (again);
  CHECK (read_back != NULL && asc_json_equal (read_back, value));
}

static void
check_method (AscCatalog *catalog,
              const char *type_name,
              const char *method)
{
  JsonObject *entry = asc_catalog_get_method (catalog, type_name, method);
  g_autoptr(GError) error = NULL;
  AscSchema *schema;

  CHECK (entry != NULL);
  schema = asc_catalog_get_method_schema (catalog, type_name, method, &error);
  if (schema == NULL)
    {
      if (error != NULL)
        fuzz_check_error (error, 0);
      return;
    }
  CHECK (error == NULL);
  /* Compiled once, then cached. */
  CHECK (asc_catalog_get_method_schema (catalog, type_name, method, NULL) == schema);
  check_form (schema);
}

static void
check_type (AscCatalog *catalog,
            const char *type_name)
{
  g_auto(GStrv) methods = NULL;

  CHECK (asc_catalog_get_actor (catalog, type_name) != NULL);
  methods = asc_catalog_dup_method_names (catalog, type_name);
  check_sorted (methods);
  for (guint i = 0; methods[i] != NULL; i++)
    check_method (catalog, type_name, methods[i]);
  if (!g_strv_contains ((const char * const *) methods, unknown))
    CHECK (asc_catalog_get_method (catalog, type_name, unknown) == NULL);
}

static void
check_catalog (AscCatalog *catalog)
{
  g_auto(GStrv) types = asc_catalog_dup_type_names (catalog);

  check_sorted (types);
  for (guint i = 0; types[i] != NULL; i++)
    check_type (catalog, types[i]);
  if (!g_strv_contains ((const char * const *) types, unknown))
    CHECK (asc_catalog_get_actor (catalog, unknown) == NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_make_warnings_fatal ();

  catalog = asc_catalog_new_from_data ((const char *) data, size, &error);
  if (catalog == NULL)
    {
      /* Syntax errors are json-glib's, wrong members G_IO_ERROR's. */
      CHECK (error != NULL);
      CHECK (error->domain == JSON_PARSER_ERROR || error->domain == G_IO_ERROR);
      CHECK (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  CHECK (error == NULL);

  check_catalog (catalog);
  /* What the server says it has comes on top of the file. */
  asc_catalog_merge_server_types (catalog, server_types);
  for (guint i = 0; server_types[i] != NULL; i++)
    asc_catalog_merge_server_methods (catalog, server_types[i], server_methods);
  check_catalog (catalog);

  return 0;
}
