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
#include <stdlib.h>

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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
types_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AscCliRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  names = asc_rivet_client_list_types_finish (ASC_RIVET_CLIENT (object), result, &error);
  if (names == NULL)
    {
      _asc_cli_run_fail (run, error);
      return;
    }

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    printf ("%s\n", names[i]);
  fflush (stdout);

  _asc_cli_run_finish (run, ASC_CLI_EXIT_OK);
}

static void
types_connected_cb (AscCliRun *run,
                    gpointer   user_data)
{
  asc_rivet_client_list_types_async (_asc_cli_rivet_client (run), NULL, types_done_cb, run);
}

static int
print_rivet_types (AscCliOptions *options)
{
  AscCliRun run = { 0 };
  int status;

  status = _asc_cli_run_init (&run, options);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_run_loop (&run, types_connected_cb, NULL);
  _asc_cli_run_clear (&run);

  return status;
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
    case ASC_CLIENT_KIND_RIVET:
      return print_rivet_types (options);
    case ASC_CLIENT_KIND_ZOCKET:
      return _asc_cli_usage_error (_("Zocket servers cannot list their actor types; "
                                     "pass --catalog FILE"));
    case ASC_CLIENT_KIND_AUTO:
    default:
      return _asc_cli_usage_error (_("this version cannot ask this server for its actor "
                                     "types; pass --catalog FILE"));
    }
}

/* Every page of the engine's list, one JSON line per actor. */
typedef struct
{
  AscCliRun   run;
  const char *type_name;
} ListCommand;

static void
list_page (ListCommand *command,
           const char  *cursor);

static void
list_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ListCommand *command = user_data;
  g_autoptr(GListModel) actors = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GError) error = NULL;

  actors = asc_rivet_client_list_actors_finish (ASC_RIVET_CLIENT (object), result,
                                                &next_cursor, &error);
  if (actors == NULL)
    {
      _asc_cli_run_fail (&command->run, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (actors, i);
      g_autofree char *line = asc_rivet_actor_info_to_json_line (info);

      _asc_cli_print_line (line);
    }

  if (next_cursor != NULL && next_cursor[0] != '\0')
    list_page (command, next_cursor);
  else
    _asc_cli_run_finish (&command->run, ASC_CLI_EXIT_OK);
}

static void
list_page (ListCommand *command,
           const char  *cursor)
{
  asc_rivet_client_list_actors_async (_asc_cli_rivet_client (&command->run),
                                      command->type_name, cursor, NULL,
                                      list_page_cb, command);
}

static void
list_connected_cb (AscCliRun *run,
                   gpointer   user_data)
{
  list_page (user_data, NULL);
}

static int
list_rivet_actors (AscCliOptions *options,
                   const char    *type_name)
{
  ListCommand command = { .type_name = type_name };
  int status;

  status = _asc_cli_run_init (&command.run, options);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_run_loop (&command.run, list_connected_cb, &command);
  _asc_cli_run_clear (&command.run);

  return status;
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
    case ASC_CLIENT_KIND_RIVET:
      return list_rivet_actors (options, words[0]);
    case ASC_CLIENT_KIND_ZOCKET:
      return _asc_cli_usage_error (_("Zocket servers cannot list the instances of a type: "
                                     "the protocol has no way to ask. Name the KEY you "
                                     "know in state, events or call"));
    case ASC_CLIENT_KIND_AUTO:
    default:
      return _asc_cli_usage_error (_("this version cannot list the instances on this server"));
    }
}
