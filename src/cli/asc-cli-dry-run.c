/* asc-cli-dry-run.c: `call … --dry-run`, a call checked and never sent
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>

/* How a method entry says calls are sent, if it says. */
static AscClientKind
kind_of_method (JsonObject *method)
{
  if (json_object_has_member (method, "args"))
    return ASC_CLIENT_KIND_RIVET;
  if (json_object_has_member (method, "input"))
    return ASC_CLIENT_KIND_ZOCKET;

  return ASC_CLIENT_KIND_AUTO;
}

/* A catalog describes one server: the first method that tells, the
 * type's own first, tells for all. */
static AscClientKind
kind_of_catalog (AscCatalog *catalog,
                 const char *type_name)
{
  g_auto(GStrv) types = asc_catalog_dup_type_names (catalog);
  AscClientKind kind = ASC_CLIENT_KIND_AUTO;

  for (int i = -1; kind == ASC_CLIENT_KIND_AUTO && (i < 0 || types[i] != NULL); i++)
    {
      const char *type = i < 0 ? type_name : types[i];
      g_auto(GStrv) methods = asc_catalog_dup_method_names (catalog, type);

      for (guint j = 0; kind == ASC_CLIENT_KIND_AUTO && methods[j] != NULL; j++)
        kind = kind_of_method (asc_catalog_get_method (catalog, type, methods[j]));
    }

  return kind;
}

/* As the client guesses from an address: WebSocket for Zocket. */
static AscClientKind
kind_of_server (AscCliOptions *options)
{
  const char *server = options->server != NULL ? options->server : g_getenv ("ACTORSCOPE_SERVER");

  if (server == NULL || server[0] == '\0')
    return ASC_CLIENT_KIND_AUTO;
  if (g_str_has_prefix (server, "ws://") || g_str_has_prefix (server, "wss://"))
    return ASC_CLIENT_KIND_ZOCKET;

  return ASC_CLIENT_KIND_RIVET;
}

/* Nothing is connected, so the protocol comes from --kind, else from the
 * catalog (a method with “args” is Rivet's, with “input” Zocket's), else
 * from the server's address; positional arguments when nothing tells. */
static AscClientKind
dry_run_kind (AscCliOptions *options,
              AscCatalog    *catalog,
              const char    *type_name)
{
  AscClientKind kind = ASC_CLIENT_KIND_AUTO;

  if (g_strcmp0 (options->kind, "zocket") == 0)
    return ASC_CLIENT_KIND_ZOCKET;
  if (g_strcmp0 (options->kind, "rivet") == 0)
    return ASC_CLIENT_KIND_RIVET;

  if (catalog != NULL)
    kind = kind_of_catalog (catalog, type_name);
  if (kind == ASC_CLIENT_KIND_AUTO)
    kind = kind_of_server (options);

  return kind;
}

/* The value the call would send: Zocket's one input (null for none), or
 * the array of positional arguments. */
static int
build_sent (AscClientKind   kind,
            GPtrArray      *values,
            JsonNode      **sent)
{
  g_autoptr(JsonArray) array = NULL;

  if (kind == ASC_CLIENT_KIND_ZOCKET)
    {
      if (values->len > 1)
        return _asc_cli_usage_error (_("a Zocket method takes at most one ARG, its input; "
                                       "got %u (wrap them in an object or an array)"),
                                     values->len);
      *sent = values->len == 1 ? json_node_ref (values->pdata[0]) : json_node_new (JSON_NODE_NULL);
      return ASC_CLI_EXIT_OK;
    }

  array = json_array_sized_new (values->len);
  for (guint i = 0; i < values->len; i++)
    json_array_add_element (array, json_node_ref (values->pdata[i]));
  *sent = json_node_init_array (json_node_alloc (), array);

  return ASC_CLI_EXIT_OK;
}

static gboolean
is_known_kind (const char *kind)
{
  return kind == NULL || g_str_equal (kind, "auto") || g_str_equal (kind, "rivet") ||
         g_str_equal (kind, "zocket");
}

/**
 * _asc_cli_call_dry_run:
 * @options: the global options; no server is needed
 * @values: (element-type JsonNode): the ARGs, parsed
 *
 * Checks a call against --catalog without connecting to anything, then
 * prints what it would send. A method the catalog does not describe is
 * printed with a warning that nothing was checked.
 *
 * Returns: %ASC_CLI_EXIT_OK, or the exit status to end with
 */
int
_asc_cli_call_dry_run (AscCliOptions *options,
                       const char    *type_name,
                       const char    *method,
                       GPtrArray     *values)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(JsonNode) sent = NULL;
  int status;

  if (!is_known_kind (options->kind))
    return _asc_cli_usage_error (_("--kind must be auto, rivet or zocket, not “%s”"),
                                 options->kind);

  status = _asc_cli_load_catalog (options, &catalog);
  if (status == ASC_CLI_EXIT_OK)
    status = build_sent (dry_run_kind (options, catalog, type_name), values, &sent);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  if (catalog == NULL)
    g_printerr (_("warning: no --catalog given: nothing was checked\n"));
  else if (asc_catalog_get_method (catalog, type_name, method) == NULL)
    g_printerr (_("warning: the catalog does not describe “%s” of “%s”: nothing was checked\n"),
                method, type_name);
  else
    status = _asc_cli_check_value (catalog, type_name, method, sent, NULL);

  if (status == ASC_CLI_EXIT_OK)
    _asc_cli_print_json (sent);

  return status;
}
