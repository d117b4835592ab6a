/* asc-cli-call.c: `call TYPE KEY METHOD [ARG…]`
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>

typedef struct
{
  AscCliRun   run;
  AscActor   *actor;    /* a handle made by --create or --id */
  GPtrArray  *values;   /* JsonNode*, one per ARG */
  JsonNode   *args;     /* as the protocol takes them; may be NULL */
  const char *type_name;
  const char *key;
  const char *method;
  gboolean    create;   /* --create: a new actor with KEY, first */
  gboolean    by_id;    /* --id: KEY is an actor id */
} CallCommand;

static void
call_command_clear (CallCommand *command)
{
  g_clear_object (&command->actor);
  _asc_cli_run_clear (&command->run);
  g_clear_pointer (&command->values, g_ptr_array_unref);
  g_clear_pointer (&command->args, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CallCommand, call_command_clear)

/* Every ARG is JSON text, whatever the protocol makes of it later. */
static int
parse_values (CallCommand  *command,
              char        **words,
              guint         n_words)
{
  command->values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < n_words; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *value = _asc_cli_parse_json (words[i], &error);

      if (value == NULL)
        return _asc_cli_usage_error (_("ARG %u (“%s”) is not valid JSON: %s"),
                                     i + 1, words[i], error->message);
      g_ptr_array_add (command->values, value);
    }

  return ASC_CLI_EXIT_OK;
}

/* Zocket methods take one input value, or none. */
static int
zocket_args (CallCommand  *command,
             JsonNode    **args)
{
  if (command->values->len > 1)
    return _asc_cli_usage_error (_("a Zocket method takes at most one ARG, its input; "
                                   "got %u (wrap them in an object or an array)"),
                                 command->values->len);

  *args = command->values->len == 1 ? json_node_ref (command->values->pdata[0]) : NULL;
  return ASC_CLI_EXIT_OK;
}

/* Positional arguments, as one JSON array. */
static int
positional_args (CallCommand  *command,
                 JsonNode    **args)
{
  g_autoptr(JsonArray) array = json_array_sized_new (command->values->len);

  for (guint i = 0; i < command->values->len; i++)
    json_array_add_element (array, json_node_ref (command->values->pdata[i]));

  *args = json_node_init_array (json_node_alloc (), array);
  return ASC_CLI_EXIT_OK;
}

static int
build_args (CallCommand  *command,
            JsonNode    **args)
{
  switch (asc_client_get_kind (command->run.client))
    {
    case ASC_CLIENT_KIND_ZOCKET:
      return zocket_args (command, args);
    case ASC_CLIENT_KIND_RIVET:
    case ASC_CLIENT_KIND_AUTO:
    default:
      return positional_args (command, args);
    }
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CallCommand *command = user_data;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;

  value = asc_actor_call_finish (ASC_ACTOR (object), result, &error);
  if (error != NULL)
    {
      _asc_cli_run_fail (&command->run, error);
      return;
    }

  _asc_cli_print_json (value);
  _asc_cli_run_finish (&command->run, ASC_CLI_EXIT_OK);
}

static void
call_actor (CallCommand *command,
            AscActor    *actor)
{
  asc_actor_call_async (actor, command->method, command->args, NULL, call_done_cb, command);
}

static void
actor_made_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CallCommand *command = user_data;
  AscRivetClient *client = ASC_RIVET_CLIENT (object);
  g_autoptr(GError) error = NULL;

  if (command->create)
    command->actor = asc_rivet_client_create_actor_finish (client, result, &error);
  else
    command->actor = asc_rivet_client_get_actor_for_id_finish (client, result, &error);

  if (command->actor == NULL)
    {
      _asc_cli_run_fail (&command->run, error);
      return;
    }

  call_actor (command, command->actor);
}

/* Connecting has its own deadline; the call's timeout starts here. */
static void
connected_cb (AscCliRun *run,
              gpointer   user_data)
{
  CallCommand *command = user_data;
  AscRivetClient *rivet = _asc_cli_rivet_client (run);

  if (command->create)
    asc_rivet_client_create_actor_async (rivet, command->type_name, command->key, NULL,
                                         NULL, actor_made_cb, command);
  else if (command->by_id)
    asc_rivet_client_get_actor_for_id_async (rivet, command->key, NULL,
                                             actor_made_cb, command);
  else
    call_actor (command, asc_client_get_actor (run->client, command->type_name, command->key));
}

/* --create and --id are Rivet's: a Zocket actor exists by being named. */
static int
check_addressing (CallCommand *command)
{
  if (command->create && command->by_id)
    return _asc_cli_usage_error (_("--create and --id cannot go together"));

  if ((command->create || command->by_id) && _asc_cli_rivet_client (&command->run) == NULL)
    return _asc_cli_usage_error (_("--create and --id only apply to Rivet servers"));

  return ASC_CLI_EXIT_OK;
}

int
_asc_cli_call (AscCliOptions  *options,
               char          **args)
{
  g_auto(CallCommand) command = { 0 };
  gboolean dry_run = _asc_cli_take_flag (args, "--dry-run");
  gboolean create = _asc_cli_take_flag (args, "--create");
  gboolean by_id = _asc_cli_take_flag (args, "--id");
  guint n_words;
  int status;

  /* As for state and events, a “--” may end the options; an ARG is JSON
   * text, so it is never one. */
  _asc_cli_take_flag (args, "--");
  n_words = g_strv_length (args) - 1;

  if (n_words < 3)
    return _asc_cli_usage_error (_("call needs TYPE KEY METHOD, then ARGs as JSON text"));

  command.type_name = args[1];
  command.key = args[2];
  command.method = args[3];
  command.create = create;
  command.by_id = by_id;

  status = parse_values (&command, args + 4, n_words - 3);
  if (status == ASC_CLI_EXIT_OK && dry_run)
    return _asc_cli_call_dry_run (options, command.type_name, command.method, command.values);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_run_init (&command.run, options);
  /* Usage problems and values the catalog rejects show before anything is sent. */
  if (status == ASC_CLI_EXIT_OK)
    status = check_addressing (&command);
  if (status == ASC_CLI_EXIT_OK)
    status = build_args (&command, &command.args);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_check_call (options, command.type_name, command.method, command.args);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  return _asc_cli_run_loop (&command.run, connected_cb, &command);
}
