/* main.c: actorscope-cli, the scriptable face of libactorscope
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>
#include <locale.h>

typedef struct
{
  const char        *name;
  const char        *arguments;
  const char        *summary;
  AscCliCommandFunc  run;
} Command;

static const Command commands[] = {
  { "types",  "",                         N_("List actor types, one per line"),
    _asc_cli_types },
  { "list",   "TYPE",                     N_("List the instances of a type as JSON lines (Rivet)"),
    _asc_cli_list },
  { "call",   "TYPE KEY METHOD [ARG…] [--dry-run] [--create|--id]",
                                          N_("Call a method; ARG is JSON text; prints the result"),
    _asc_cli_call },
  { "state",  "TYPE KEY [--follow] [--count N]",
                                          N_("Print the state, then with --follow one line per change"),
    _asc_cli_state },
  { "events", "TYPE KEY [--count N] [--event NAME…]",
                                          N_("Print events as JSON lines"),
    _asc_cli_events },
  { "describe", "TYPE [METHOD]",          N_("Print what is known of a type or a method, as JSON"),
    _asc_cli_describe },
};

static void
options_clear (AscCliOptions *options)
{
  g_clear_pointer (&options->server, g_free);
  g_clear_pointer (&options->kind, g_free);
  g_clear_pointer (&options->namespace, g_free);
  g_clear_pointer (&options->token, g_free);
  g_clear_pointer (&options->params, g_free);
  g_clear_pointer (&options->catalog, g_free);
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strconcat (commands[i].name, " ", commands[i].arguments, NULL);
      glong width = g_utf8_strlen (usage, -1);

      /* Pad by characters, not bytes: the synopses contain “…”. */
      g_string_append_printf (text, "\n  %s%*s  %s", usage, (int) MAX (0, 39 - width), "",
                              _(commands[i].summary));
    }

  g_string_append (text, "\n\n");
  g_string_append (text, _("With --catalog, call checks the ARGs against the method’s schema "
                           "before sending them; --dry-run checks them, prints what would be "
                           "sent and connects to nothing."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Rivet: call gets or creates the actor with KEY and sends the ARGs "
                           "as its positional arguments; --create insists on a new actor, "
                           "--id takes KEY as an actor id. events needs the event names: "
                           "--event NAME (repeatable) or the catalog's. --params are the "
                           "connection parameters of actions and connections."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Exit status: 0 success, 1 the server rejected the call, "
                           "2 usage error, 3 could not connect or timed out. "
                           "Ctrl+C (SIGINT) or SIGTERM ends state --follow and events "
                           "with 0, like --count; any other command with 128 + the signal's "
                           "number (130 for Ctrl+C).\n"
                           "--server defaults to $ACTORSCOPE_SERVER."));
  return g_string_free (text, FALSE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AscCliOptions, options_clear)

static GOptionContext *
build_option_context (AscCliOptions *options)
{
  const GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &options->server,
      N_("Server URL (default: $ACTORSCOPE_SERVER)"), "URL" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind,
      N_("Server kind: auto, rivet or zocket"), "KIND" },
    { "namespace", 0, 0, G_OPTION_ARG_STRING, &options->namespace,
      N_("Rivet namespace (default: default)"), "NS" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &options->token,
      N_("Bearer token for the server"), "TOKEN" },
    { "params", 0, 0, G_OPTION_ARG_STRING, &options->params,
      N_("Connection parameters as JSON text"), "JSON" },
    { "catalog", 0, 0, G_OPTION_ARG_STRING, &options->catalog,
      N_("Catalog of actor types, methods and schemas"), "FILE|URL" },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &options->timeout,
      N_("Seconds to wait for an answer (default: 10)"), "SECONDS" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autofree char *description = describe_commands ();
  GOptionContext *context;

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Inspect and drive the actors of Rivet and Zocket servers."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Stop at the command, so its own options (--follow, --count) stay in argv. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static int
usage_error (const char *message)
{
  _asc_cli_usage_error ("%s", message);
  g_printerr ("%s\n", _("Run “actorscope-cli --help” to see the commands."));
  return ASC_CLI_EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(AscCliOptions) options = { .timeout = 10.0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const Command *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* stdout carries JSON only; every diagnostic goes to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  args = g_strdupv (argv);
  context = build_option_context (&options);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (error->message);

  if (options.version)
    {
      g_print ("actorscope-cli %s\n", PACKAGE_VERSION);
      return ASC_CLI_EXIT_OK;
    }

  if (g_strv_length (args) < 2)
    return usage_error (_("no command given"));

  command = find_command (args[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), args[1]);

      return usage_error (message);
    }

  return command->run (&options, args + 1);
}
