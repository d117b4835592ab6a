/* asc-cli-types.c: `types` and `list TYPE`, what a server holds
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>
#include <stdio.h>

static int
print_catalog_types (AscCliOptions *options)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_auto(GStrv) names = NULL;
  int status;

  status = _asc_cli_load_catalog (options, &catalog);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  names = asc_catalog_dup_type_names (catalog);
  for (guint i = 0; names[i] != NULL; i++)
    printf ("%s\n", names[i]);
  fflush (stdout);

  return ASC_CLI_EXIT_OK;
}

/* A catalog, when given, is the answer whatever the server. */
int
_asc_cli_types (AscCliOptions  *options,
                char          **args)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(AscClient) client = NULL;
  int status;

  status = _asc_cli_parse_command (args, "", NULL, 0, &words);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  if (options->catalog != NULL)
    return print_catalog_types (options);

  status = _asc_cli_new_client (options, &client);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  switch (asc_client_get_kind (client))
    {
    case ASC_CLIENT_KIND_ZOCKET:
      return _asc_cli_usage_error (_("Zocket servers cannot list their actor types; "
                                     "pass --catalog FILE"));
    case ASC_CLIENT_KIND_RIVET:
    case ASC_CLIENT_KIND_AUTO:
    default:
      return _asc_cli_usage_error (_("this version cannot ask this server for its actor "
                                     "types; pass --catalog FILE"));
    }
}

int
_asc_cli_list (AscCliOptions  *options,
               char          **args)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(AscClient) client = NULL;
  int status;

  status = _asc_cli_parse_command (args, "TYPE", NULL, 1, &words);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_new_client (options, &client);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  switch (asc_client_get_kind (client))
    {
    case ASC_CLIENT_KIND_ZOCKET:
      return _asc_cli_usage_error (_("Zocket servers cannot list the instances of a type: "
                                     "the protocol has no way to ask. Name the KEY you "
                                     "know in state, events or call"));
    case ASC_CLIENT_KIND_RIVET:
    case ASC_CLIENT_KIND_AUTO:
    default:
      return _asc_cli_usage_error (_("this version cannot list the instances on this server"));
    }
}
