/* asc-cli-describe.c: `describe TYPE [METHOD]`, what is known of an actor
 * type or a method
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

typedef struct
{
  char     **types;
  GError    *error;
  gboolean   done;
} Listing;

static void
types_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Listing *listing = user_data;

  listing->types = asc_rivet_client_list_types_finish (ASC_RIVET_CLIENT (object), result,
                                                       &listing->error);
  listing->done = TRUE;
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Asks a Rivet engine for its actor types, within --timeout. Action names
 * would need each actor's inspector, which this command does not open. */
static char **
list_server_types (AscCliOptions  *options,
                   AscRivetClient *client,
                   GError        **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Listing listing = { 0 };
  guint timeout_id;

  if (options->namespace != NULL)
    asc_rivet_client_set_namespace (client, options->namespace);

  timeout_id = g_timeout_add ((guint) ceil (options->timeout * 1000.0), cancel_cb, cancellable);
  asc_rivet_client_list_types_async (client, cancellable, types_listed_cb, &listing);
  while (!listing.done)
    g_main_context_iteration (NULL, TRUE);
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout_id);

  if (g_cancellable_is_cancelled (cancellable) && listing.types == NULL)
    {
      g_clear_error (&listing.error);
      g_set_error (error, ASC_ERROR, ASC_ERROR_TIMEOUT,
                   _("The server did not list its actor types within %g s"), options->timeout);
      return NULL;
    }
  if (listing.error != NULL)
    g_propagate_error (error, listing.error);

  return listing.types;
}

static gboolean
has_server (AscCliOptions *options)
{
  const char *server = options->server != NULL ? options->server : g_getenv ("ACTORSCOPE_SERVER");

  return server != NULL && server[0] != '\0';
}

/* What a Rivet server says is merged in; Zocket servers cannot say it. An
 * unreachable server is worth a warning when there is a catalog. */
static int
merge_server (AscCliOptions *options,
              AscCatalog    *catalog,
              gboolean       have_catalog)
{
  g_autoptr(AscClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;
  int status;

  status = _asc_cli_new_client (options, &client);
  if (status != ASC_CLI_EXIT_OK)
    return status;
  if (!ASC_IS_RIVET_CLIENT (client))
    return have_catalog ? ASC_CLI_EXIT_OK
                        : _asc_cli_usage_error (_("Zocket servers cannot describe their actors; "
                                                  "pass --catalog FILE|URL"));

  types = list_server_types (options, ASC_RIVET_CLIENT (client), &error);
  if (types != NULL)
    asc_catalog_merge_server_types (catalog, (const char * const *) types);
  else if (have_catalog)
    g_printerr (_("warning: could not ask the server: %s; showing the catalog alone\n"),
                error->message);
  else
    return _asc_cli_report_error (error);

  return ASC_CLI_EXIT_OK;
}

static void
add_names (JsonBuilder *builder,
           const char  *member,
           char       **names)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    json_builder_add_string_value (builder, names[i]);
  json_builder_end_array (builder);
}

/* Copies @name from @entry, or writes null, so every key is always there. */
static void
add_member (JsonBuilder *builder,
            JsonObject  *entry,
            const char  *name)
{
  JsonNode *value = json_object_get_member (entry, name);

  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, value != NULL ? json_node_copy (value)
                                                 : json_node_new (JSON_NODE_NULL));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The events a catalog entry lists, sorted like the methods. */
static char **
dup_event_names (JsonObject *actor)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;

  if (json_object_has_member (actor, "events"))
    {
      json_object_iter_init (&iter, json_object_get_object_member (actor, "events"));
      while (json_object_iter_next (&iter, &name, NULL))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* {"type", "title", "description", "methods", "events", "instances", "state"} */
static JsonNode *
describe_type (AscCatalog *catalog,
               const char *type_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *actor = asc_catalog_get_actor (catalog, type_name);
  g_auto(GStrv) methods = asc_catalog_dup_method_names (catalog, type_name);
  g_auto(GStrv) events = dup_event_names (actor);
  g_auto(GStrv) none = g_new0 (char *, 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type_name);
  add_member (builder, actor, "title");
  add_member (builder, actor, "description");
  add_names (builder, "methods", methods);
  add_names (builder, "events", events);
  if (json_object_has_member (actor, "instances"))
    add_member (builder, actor, "instances");
  else
    add_names (builder, "instances", none);
  add_member (builder, actor, "state");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* {"type", "method", "description", "input" or "args", "schema"}: the
 * schema is the one a call is checked against. */
static JsonNode *
describe_method (AscCatalog *catalog,
                 const char *type_name,
                 const char *method,
                 JsonObject *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  AscSchema *schema = asc_catalog_get_method_schema (catalog, type_name, method, &error);
  JsonNode *document = schema != NULL ? asc_schema_get_document (schema) : NULL;

  if (error != NULL)
    g_printerr ("warning: %s\n", error->message);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type_name);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  add_member (builder, entry, "description");
  if (json_object_has_member (entry, "input"))
    add_member (builder, entry, "input");
  if (json_object_has_member (entry, "args"))
    add_member (builder, entry, "args");
  json_builder_set_member_name (builder, "schema");
  json_builder_add_value (builder, document != NULL ? json_node_copy (document)
                                                    : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int not_found (const char *format,
                      ...) G_GNUC_PRINTF (1, 2);

static int
not_found (const char *format,
           ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (ASC_ERROR, ASC_ERROR_NOT_FOUND, format, args);
  va_end (args);

  return _asc_cli_report_error (error);
}

static int
describe (AscCatalog *catalog,
          const char *type_name,
          const char *method)
{
  g_autoptr(JsonNode) description = NULL;
  JsonObject *entry;

  if (asc_catalog_get_actor (catalog, type_name) == NULL)
    return not_found (_("“%s” is not an actor type the catalog or the server knows"),
                      type_name);

  if (method == NULL)
    description = describe_type (catalog, type_name);
  else if ((entry = asc_catalog_get_method (catalog, type_name, method)) != NULL)
    description = describe_method (catalog, type_name, method, entry);
  else
    return not_found (_("“%s” has no method “%s” that the catalog or the server knows"),
                      type_name, method);

  _asc_cli_print_json (description);
  return ASC_CLI_EXIT_OK;
}

/* Exactly TYPE, or TYPE METHOD. */
static int
parse_words (char   **args,
             char  ***words)
{
  guint n_words = g_strv_length (args) - 1;

  return _asc_cli_parse_command (args, "TYPE [METHOD]", NULL, CLAMP (n_words, 1, 2), words);
}

int
_asc_cli_describe (AscCliOptions  *options,
                   char          **args)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_auto(GStrv) words = NULL;
  gboolean have_catalog;
  int status;

  status = parse_words (args, &words);
  if (status == ASC_CLI_EXIT_OK && options->catalog == NULL && !has_server (options))
    status = _asc_cli_usage_error (_("describe needs --catalog FILE|URL, or a Rivet --server"));
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_load_catalog (options, &catalog);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  have_catalog = catalog != NULL;
  if (catalog == NULL)
    catalog = asc_catalog_new ();
  if (has_server (options))
    status = merge_server (options, catalog, have_catalog);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  return describe (catalog, words[0], words[1]);
}
