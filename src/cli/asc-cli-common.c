/* asc-cli-common.c: output, errors and arguments shared by the commands
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* One diagnostic per line, whatever the server put in its message. */
static void
print_error_line (const char *code,
                  const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("error: %s: %s\n", code, line);
}

int
_asc_cli_usage_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line ("USAGE", message);
  return ASC_CLI_EXIT_USAGE;
}

static int
exit_status_for (const GError *error)
{
  if (error->domain != ASC_ERROR)
    return ASC_CLI_EXIT_REJECTED;

  switch (error->code)
    {
    case ASC_ERROR_CONNECT:
    case ASC_ERROR_CLOSED:
    case ASC_ERROR_TIMEOUT:
      return ASC_CLI_EXIT_UNREACHABLE;
    default:
      return ASC_CLI_EXIT_REJECTED;
    }
}

/* Validation errors print one line per issue, so scripts can match the
 * field: `error: VALIDATION: /amount: Invalid input`. */
static gboolean
report_issues (const GError *error)
{
  JsonNode *details = asc_error_get_details (error);
  JsonArray *issues;

  if (details == NULL || !JSON_NODE_HOLDS_ARRAY (details))
    return FALSE;

  issues = json_node_get_array (details);
  if (json_array_get_length (issues) == 0)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);
      const char *path = json_object_get_string_member_with_default (issue, "path", "");
      const char *message = json_object_get_string_member_with_default (issue, "message", "");
      g_autofree char *line = g_strdup_printf ("%s: %s", path[0] != '\0' ? path : "/", message);

      print_error_line (asc_error_code_name (ASC_ERROR_VALIDATION), line);
    }

  return TRUE;
}

/**
 * _asc_cli_report_error:
 * @error: what went wrong
 *
 * Prints @error as `error: CODE: MESSAGE` on stderr.
 *
 * Returns: the exit status it calls for
 */
int
_asc_cli_report_error (const GError *error)
{
  if (error->domain != ASC_ERROR)
    print_error_line (asc_error_code_name (ASC_ERROR_FAILED), error->message);
  else if (error->code != ASC_ERROR_VALIDATION || !report_issues (error))
    print_error_line (asc_error_code_name (error->code), error->message);

  return exit_status_for (error);
}

/* stdout carries JSON only, one value per line, flushed at once so a pipe
 * sees each line as it comes. fwrite, not g_print: JSON is UTF-8 whatever
 * the locale. */
void
_asc_cli_print_json (JsonNode *node)
{
  /* Not json_to_string(): it writes 1e21 as "1e+21.0", which is not JSON. */
  g_autofree char *text = asc_json_to_text (node);

  fwrite (text, 1, strlen (text), stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* json-glib reads 1e400 as infinity and would write it back as no JSON. */
static gboolean
is_finite_json (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) != G_TYPE_DOUBLE ||
           isfinite (json_node_get_double (node));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!is_finite_json (json_array_get_element (array, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        if (!is_finite_json (member))
          return FALSE;
    }

  return TRUE;
}

/**
 * _asc_cli_parse_json:
 * @text: JSON text from the command line
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error set;
 *   syntax errors start with `LINE:COLUMN:`
 */
JsonNode *
_asc_cli_parse_json (const char  *text,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *widened = NULL;
  gsize widened_length = 0;
  JsonNode *root;

  /* 12345678901234567890 means the nearest double, as in JavaScript; a
   * plain parse would wrap it round to a negative number. */
  widened = asc_json_widen_integers (text, strlen (text), &widened_length);
  if (widened != NULL)
    text = widened;

  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      const char *message = local_error->message;

      /* json-glib names the text "<data>"; the caller says which it is. */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("the text is empty; write null for no value"));
      return NULL;
    }

  if (!is_finite_json (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("a number is too large for JSON"));
      return NULL;
    }

  return json_node_copy (root);
}

/**
 * _asc_cli_parse_command:
 * @args: the command's words, its name first
 * @parameters: the synopsis of the positional arguments, for --help
 * @entries: (nullable): the command's options
 * @n_positional: how many words must be left once the options are out
 * @positional: (out): those words
 *
 * Options may come anywhere after the command name.
 *
 * Returns: %ASC_CLI_EXIT_OK, or the exit status to end with
 */
int
_asc_cli_parse_command (char         **args,
                        const char    *parameters,
                        GOptionEntry  *entries,
                        guint          n_positional,
                        char        ***positional)
{
  g_autofree char *synopsis = g_strconcat (args[0], " ", parameters, NULL);
  g_autoptr(GOptionContext) context = g_option_context_new (synopsis);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = g_strdupv (args);
  g_autoptr(GError) error = NULL;
  gboolean seen_dashes = FALSE;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &words, &error))
    return _asc_cli_usage_error ("%s", error->message);

  /* GOption keeps the “--” that lets a KEY start with a dash. */
  for (guint i = 1; words[i] != NULL; i++)
    if (seen_dashes || !g_str_equal (words[i], "--"))
      g_strv_builder_add (builder, words[i]);
    else
      seen_dashes = TRUE;
  *positional = g_strv_builder_end (builder);

  if (g_strv_length (*positional) != n_positional)
    return n_positional == 0
      ? _asc_cli_usage_error (_("“%s” takes no arguments"), args[0])
      : _asc_cli_usage_error (_("“%s” takes %s"), args[0], parameters);

  return ASC_CLI_EXIT_OK;
}

/* --count N, when given, must be a whole number of at least 1. */
int
_asc_cli_parse_count (const char *text,
                      gint64     *count)
{
  *count = -1;
  if (text == NULL)
    return ASC_CLI_EXIT_OK;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, count, NULL))
    return _asc_cli_usage_error (_("--count must be a whole number of at least 1, not “%s”"),
                                 text);

  return ASC_CLI_EXIT_OK;
}

static gboolean
parse_kind (const char    *text,
            AscClientKind *kind)
{
  if (text == NULL || g_str_equal (text, "auto"))
    *kind = ASC_CLIENT_KIND_AUTO;
  else if (g_str_equal (text, "rivet"))
    *kind = ASC_CLIENT_KIND_RIVET;
  else if (g_str_equal (text, "zocket"))
    *kind = ASC_CLIENT_KIND_ZOCKET;
  else
    return FALSE;

  return TRUE;
}

/* The global options a connection needs, checked before anything is sent. */
static int
check_connection_options (AscCliOptions  *options,
                          const char    **server,
                          AscClientKind  *kind)
{
  *server = options->server != NULL ? options->server : g_getenv ("ACTORSCOPE_SERVER");
  if (*server == NULL || (*server)[0] == '\0')
    return _asc_cli_usage_error (_("no server given: pass --server URL or set "
                                   "ACTORSCOPE_SERVER"));

  if (!parse_kind (options->kind, kind))
    return _asc_cli_usage_error (_("--kind must be auto, rivet or zocket, not “%s”"),
                                 options->kind);

  if (!isfinite (options->timeout) || options->timeout <= 0)
    return _asc_cli_usage_error (_("--timeout must be a positive number of seconds"));

  return ASC_CLI_EXIT_OK;
}

static int
apply_connection_params (AscCliOptions *options,
                         AscClient     *client)
{
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(GError) error = NULL;

  if (options->params == NULL)
    return ASC_CLI_EXIT_OK;

  params = _asc_cli_parse_json (options->params, &error);
  if (params == NULL)
    return _asc_cli_usage_error (_("--params is not valid JSON: %s"), error->message);

  asc_client_set_connection_params (client, params);
  return ASC_CLI_EXIT_OK;
}

static guint
seconds_to_ms (double seconds)
{
  return (guint) MIN (ceil (seconds * 1000.0), (double) G_MAXUINT);
}

/**
 * _asc_cli_new_client:
 * @options: the global options
 * @client: (out): the client, not connected yet
 *
 * Checks the connection options and makes a client from them. Problems
 * are printed.
 *
 * Returns: %ASC_CLI_EXIT_OK, or the exit status to end with
 */
int
_asc_cli_new_client (AscCliOptions  *options,
                     AscClient     **client)
{
  g_autoptr(AscClient) made = NULL;
  g_autoptr(GError) error = NULL;
  const char *server = NULL;
  AscClientKind kind = ASC_CLIENT_KIND_AUTO;
  int status;

  status = check_connection_options (options, &server, &kind);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  /* Nothing was contacted yet: an address of the wrong kind is a usage
   * error, like one that is not an address at all. */
  made = asc_client_new (server, kind, &error);
  if (made == NULL)
    return _asc_cli_usage_error (_("“%s” is not a server address: %s"), server, error->message);

  status = apply_connection_params (options, made);
  if (status != ASC_CLI_EXIT_OK)
    return status;

  if (options->namespace != NULL && ASC_IS_RIVET_CLIENT (made))
    asc_rivet_client_set_namespace (ASC_RIVET_CLIENT (made), options->namespace);

  asc_client_set_token (made, options->token);
  asc_client_set_call_timeout (made, seconds_to_ms (options->timeout));
  *client = g_steal_pointer (&made);

  return ASC_CLI_EXIT_OK;
}

/* Whatever a JSON line holds, printed as it is. */
void
_asc_cli_print_line (const char *line)
{
  fwrite (line, 1, strlen (line), stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/**
 * _asc_cli_rivet_client:
 * @run: an initialized #AscCliRun
 *
 * Returns: (nullable): the run's client when it speaks to a Rivet engine
 */
AscRivetClient *
_asc_cli_rivet_client (AscCliRun *run)
{
  if (run->client == NULL || !ASC_IS_RIVET_CLIENT (run->client))
    return NULL;

  return ASC_RIVET_CLIENT (run->client);
}
