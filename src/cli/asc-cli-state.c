/* asc-cli-state.c: `state TYPE KEY [--follow] [--count N]`
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>

/* The printed lines form a strict RFC 6902 stream: applied in order to the
 * first line, the patches give the server's state. So the lines carry the
 * store's normalized patches, never the server's, and a snapshot that
 * replaces the mirror is printed as the difference to what was printed. */
typedef struct
{
  AscCliRun      run;
  AscStateStore *store;     /* borrowed from the actor */
  JsonNode      *printed;   /* the state the printed lines add up to */
  char         **words;     /* TYPE KEY */
  gint64         count;     /* -1: no limit */
  gint64         n_changes;
  gulong         changed_handler;
  gboolean       follow;
} StateCommand;

static void
state_command_clear (StateCommand *command)
{
  if (command->store != NULL)
    {
      g_clear_signal_handler (&command->changed_handler, command->store);
    }
  _asc_cli_run_clear (&command->run);
  g_clear_pointer (&command->printed, json_node_unref);
  g_clear_pointer (&command->words, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StateCommand, state_command_clear)

static void
print_patches (JsonNode *patches)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) line = json_node_new (JSON_NODE_OBJECT);

  json_object_set_member (object, "patches", json_node_ref (patches));
  json_node_set_object (line, object);
  _asc_cli_print_json (line);
}

/* What turns the printed state into @document, in strict form. */
static JsonNode *
change_patch (StateCommand *command,
              JsonNode     *document)
{
  GListModel *history = asc_state_store_get_history (command->store);
  g_autoptr(AscStateChange) change = NULL;

  change = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  if (change == NULL ||
      asc_state_change_get_source (change) == ASC_STATE_CHANGE_SOURCE_SNAPSHOT)
    return asc_json_diff (command->printed, document);

  return json_node_ref (asc_state_change_get_patch (change));
}

static void
print_change (StateCommand *command,
              JsonNode     *document)
{
  g_autoptr(JsonNode) patches = change_patch (command, document);

  if (json_array_get_length (json_node_get_array (patches)) == 0)
    return;

  print_patches (patches);
  g_clear_pointer (&command->printed, json_node_unref);
  command->printed = asc_json_copy (document);

  if (++command->n_changes == command->count)
    _asc_cli_run_finish (&command->run, ASC_CLI_EXIT_OK);
}

static void
print_snapshot (StateCommand *command,
                JsonNode     *document)
{
  _asc_cli_print_json (document);
  command->printed = asc_json_copy (document);
  _asc_cli_run_clear_deadline (&command->run);

  if (!command->follow)
    _asc_cli_run_finish (&command->run, ASC_CLI_EXIT_OK);
}

static void
changed_cb (AscStateStore      *store,
            const char * const *paths,
            gpointer            user_data)
{
  StateCommand *command = user_data;
  JsonNode *document = asc_state_store_get_document (store);

  /* One read can bring several frames: nothing more once finished. */
  if (command->run.finished || document == NULL)
    return;

  if (command->printed == NULL)
    print_snapshot (command, document);
  else
    print_change (command, document);
}

/* A Zocket server never answers a subscription to an unknown type. */
static void
no_snapshot_cb (AscCliRun *run,
                gpointer   user_data)
{
  StateCommand *command = user_data;
  g_autoptr(GError) error = NULL;

  error = g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                       _("No state of “%s” “%s” arrived within %g s. "
                         "Is “%s” an actor type of this server?"),
                       command->words[0], command->words[1], run->timeout,
                       command->words[0]);
  _asc_cli_run_fail (run, error);
}

static void
connected_cb (AscCliRun *run,
              gpointer   user_data)
{
  StateCommand *command = user_data;

  if (command->printed == NULL)
    _asc_cli_run_set_deadline (run, no_snapshot_cb, command);
}

static int
parse_args (StateCommand  *command,
            char         **args)
{
  g_autofree char *count = NULL;
  GOptionEntry entries[] = {
    { "follow", 0, 0, G_OPTION_ARG_NONE, &command->follow,
      N_("After the state, print one line of patches per change"), NULL },
    { "count", 0, 0, G_OPTION_ARG_STRING, &count,
      N_("With --follow, stop after N changes"), "N" },
    { NULL }
  };
  int status;

  status = _asc_cli_parse_command (args, "TYPE KEY [--follow] [--count N]", entries, 2,
                                   &command->words);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_parse_count (count, &command->count);
  if (status == ASC_CLI_EXIT_OK && count != NULL && !command->follow)
    status = _asc_cli_usage_error (_("--count only applies with --follow"));

  return status;
}

int
_asc_cli_state (AscCliOptions  *options,
                char          **args)
{
  g_auto(StateCommand) command = { 0 };
  AscActor *actor;
  int status;

  status = parse_args (&command, args);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_run_init (&command.run, options);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  command.run.streaming = command.follow;
  actor = asc_client_get_actor (command.run.client, command.words[0], command.words[1]);
  command.store = asc_actor_get_state_store (actor);
  command.changed_handler = g_signal_connect (command.store, "changed",
                                              G_CALLBACK (changed_cb), &command);
  /* Wanted before the connection opens, so opening subscribes. */
  asc_actor_watch_state (actor);

  return _asc_cli_run_loop (&command.run, connected_cb, &command);
}
