/* asc-cli-events.c: `events TYPE KEY [--count N] [--event NAME…]`
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
  AscActor   *actor;       /* borrowed from the client */
  char      **words;       /* TYPE KEY */
  char      **event_names; /* --event, each NAME given */
  const char *value_name;  /* what the protocol calls an event's value */
  gint64      count;       /* -1: no limit */
  gint64      n_events;
  gulong      event_handler;
} EventsCommand;

static void
events_command_clear (EventsCommand *command)
{
  if (command->actor != NULL)
    g_clear_signal_handler (&command->event_handler, command->actor);
  _asc_cli_run_clear (&command->run);
  g_clear_pointer (&command->words, g_strfreev);
  g_clear_pointer (&command->event_names, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EventsCommand, events_command_clear)

/* Zocket events carry one payload; Rivet events carry positional args. */
static const char *
value_name_for (AscClientKind kind)
{
  switch (kind)
    {
    case ASC_CLIENT_KIND_ZOCKET:
      return "payload";
    case ASC_CLIENT_KIND_RIVET:
    case ASC_CLIENT_KIND_AUTO:
    default:
      return "args";
    }
}

static void
event_cb (AscActor   *actor,
          const char *name,
          JsonNode   *value,
          gpointer    user_data)
{
  EventsCommand *command = user_data;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) line = NULL;

  /* One read can bring several frames: nothing more once finished. */
  if (command->run.finished)
    return;

  /* Only what was asked for, when names were given. */
  if (command->event_names != NULL &&
      !g_strv_contains ((const char * const *) command->event_names, name))
    return;

  object = json_object_new ();
  json_object_set_string_member (object, "event", name);
  json_object_set_member (object, command->value_name,
                          value != NULL ? json_node_ref (value) : json_node_new (JSON_NODE_NULL));
  line = json_node_init_object (json_node_alloc (), object);
  _asc_cli_print_json (line);

  if (++command->n_events == command->count)
    _asc_cli_run_finish (&command->run, ASC_CLI_EXIT_OK);
}

static int
parse_args (EventsCommand  *command,
            char          **args)
{
  g_autofree char *count = NULL;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_STRING, &count,
      N_("Stop after N events"), "N" },
    { "event", 0, 0, G_OPTION_ARG_STRING_ARRAY, &command->event_names,
      N_("Only the event NAME; Rivet needs the names to subscribe (repeatable)"), "NAME" },
    { NULL }
  };
  int status;

  status = _asc_cli_parse_command (args, "TYPE KEY [--count N] [--event NAME…]", entries, 2, &command->words);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_parse_count (count, &command->count);

  return status;
}

/* A Rivet actor sends only the events it was asked for, by name: the
 * --event names and those the catalog knows for the type. */
static int
rivet_event_names (EventsCommand  *command,
                   AscCliOptions  *options,
                   GStrv          *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;

  if (command->event_names != NULL)
    g_strv_builder_addv (builder, (const char **) command->event_names);

  if (options->catalog != NULL)
    {
      g_autoptr(AscCatalog) catalog = NULL;
      JsonObject *actor;
      JsonNode *events;
      int status = _asc_cli_load_catalog (options, &catalog);

      if (status != ASC_CLI_EXIT_OK)
        return status;

      actor = asc_catalog_get_actor (catalog, command->words[0]);
      events = actor != NULL ? json_object_get_member (actor, "events") : NULL;
      if (events != NULL && JSON_NODE_HOLDS_OBJECT (events))
        {
          g_autoptr(GList) members = json_object_get_members (json_node_get_object (events));

          for (GList *l = members; l != NULL; l = l->next)
            g_strv_builder_add (builder, l->data);
        }
    }

  built = g_strv_builder_end (builder);
  if (built[0] == NULL)
    return _asc_cli_usage_error (_("a Rivet actor sends only the events it is asked for by "
                                   "name: pass --event NAME (repeatable), or --catalog FILE "
                                   "that lists the events of “%s”"), command->words[0]);

  *names = g_steal_pointer (&built);
  return ASC_CLI_EXIT_OK;
}

int
_asc_cli_events (AscCliOptions  *options,
                 char          **args)
{
  g_auto(EventsCommand) command = { 0 };
  int status;

  status = parse_args (&command, args);
  if (status == ASC_CLI_EXIT_OK)
    status = _asc_cli_run_init (&command.run, options);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  command.run.streaming = TRUE;
  command.value_name = value_name_for (asc_client_get_kind (command.run.client));
  command.actor = asc_client_get_actor (command.run.client, command.words[0], command.words[1]);
  if (ASC_IS_RIVET_ACTOR (command.actor))
    {
      g_auto(GStrv) names = NULL;

      status = rivet_event_names (&command, options, &names);
      if (status != ASC_CLI_EXIT_OK)
        return status;
      asc_rivet_actor_set_event_names (ASC_RIVET_ACTOR (command.actor),
                                       (const char * const *) names);
    }
  command.event_handler = g_signal_connect (command.actor, "event",
                                            G_CALLBACK (event_cb), &command);
  /* Wanted before the connection opens, so opening subscribes. */
  asc_actor_subscribe_events (command.actor);

  return _asc_cli_run_loop (&command.run, NULL, NULL);
}
