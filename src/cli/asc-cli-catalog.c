/* asc-cli-catalog.c: --catalog FILE|URL, and checking calls against it
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

#define DEFAULT_TIMEOUT_S 10.0

typedef struct
{
  GCancellable *cancellable;
  AscCatalog   *catalog;
  GError       *error;
  gboolean      done;
  gboolean      timed_out;
} Loading;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loading *loading = user_data;

  loading->catalog = asc_catalog_load_finish (result, &loading->error);
  loading->done = TRUE;
}

static gboolean
load_timed_out_cb (gpointer user_data)
{
  Loading *loading = user_data;

  loading->timed_out = TRUE;
  g_cancellable_cancel (loading->cancellable);

  return G_SOURCE_REMOVE;
}

/* --timeout is checked with the connection options; a dry run has none. */
static double
load_timeout (AscCliOptions *options)
{
  return isfinite (options->timeout) && options->timeout > 0 ? options->timeout
                                                             : DEFAULT_TIMEOUT_S;
}

/* A catalog that cannot be reached is like a server that cannot; one that
 * is not usable is a mistake in the command line. */
static int
report_load_error (AscCliOptions *options,
                   Loading       *loading)
{
  g_autoptr(GError) error = NULL;

  if (loading->timed_out)
    {
      error = g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                           _("Could not read the catalog %s within %g s"),
                           options->catalog, load_timeout (options));
      return _asc_cli_report_error (error);
    }

  if (g_error_matches (loading->error, ASC_ERROR, ASC_ERROR_CONNECT))
    return _asc_cli_report_error (loading->error);

  return _asc_cli_usage_error (_("the catalog is not usable: %s"), loading->error->message);
}

/**
 * _asc_cli_load_catalog:
 * @options: the global options
 * @catalog: (out) (transfer full): the catalog, or %NULL without --catalog
 *
 * Reads --catalog, a file or an http(s) URL, within --timeout. Problems
 * are printed.
 *
 * Returns: %ASC_CLI_EXIT_OK, or the exit status to end with
 */
int
_asc_cli_load_catalog (AscCliOptions  *options,
                       AscCatalog    **catalog)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Loading loading = { .cancellable = cancellable };
  guint timeout_id;
  int status = ASC_CLI_EXIT_OK;

  *catalog = NULL;
  if (options->catalog == NULL)
    return ASC_CLI_EXIT_OK;

  timeout_id = g_timeout_add ((guint) ceil (load_timeout (options) * 1000.0),
                              load_timed_out_cb, &loading);
  asc_catalog_load_async (options->catalog, cancellable, loaded_cb, &loading);
  while (!loading.done)
    g_main_context_iteration (NULL, TRUE);
  if (!loading.timed_out)
    g_source_remove (timeout_id);

  if (loading.catalog == NULL)
    status = report_load_error (options, &loading);
  *catalog = loading.catalog;
  g_clear_error (&loading.error);

  return status;
}

/* A keyword the validator does not know leaves part of the value
 * unchecked: say so, once per keyword, rather than pass it in silence. */
static void
warn_unsupported (AscSchema  *schema,
                  const char *type_name,
                  const char *method)
{
  const char * const *unsupported = asc_schema_get_unsupported (schema);

  for (guint i = 0; unsupported[i] != NULL; i++)
    {
      const char *keyword = strrchr (unsupported[i], '/') + 1;

      if (g_str_equal (keyword, "$ref"))
        {
          g_printerr (_("warning: the schema of “%s” of “%s” refers outside itself at %s: "
                        "that part of the value was not checked\n"),
                      method, type_name, unsupported[i]);
          continue;
        }
      /* Translators: the first %s is a JSON Schema keyword, the second a
       * JSON pointer into the method's schema, then a method and a type. */
      g_printerr (_("warning: the schema of “%s” of “%s” uses “%s” at %s, which is not "
                    "supported: that part of the value was not checked\n"),
                  method, type_name, keyword, unsupported[i]);
    }
}

/**
 * _asc_cli_check_value:
 * @catalog: the catalog
 * @sent: (nullable): what the call sends: the input (%NULL for none,
 *   checked as null) or the array of positional arguments
 * @checked: (out) (optional): whether the catalog had a schema to check
 *   against
 *
 * Checks what a call to @method sends against the catalog's schema. Each
 * issue is printed on a line of its own, `error: VALIDATION: PATH: MESSAGE`;
 * each keyword the schema uses and the validator does not know is named
 * in a `warning:` line, since that part goes unchecked.
 *
 * Returns: %ASC_CLI_EXIT_OK, %ASC_CLI_EXIT_REJECTED for a value the schema
 *   rejects, or %ASC_CLI_EXIT_USAGE for a schema that does not compile
 */
int
_asc_cli_check_value (AscCatalog *catalog,
                      const char *type_name,
                      const char *method,
                      JsonNode   *sent,
                      gboolean   *checked)
{
  g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);
  g_autoptr(GError) error = NULL;
  AscSchema *schema;

  schema = asc_catalog_get_method_schema (catalog, type_name, method, &error);
  if (checked != NULL)
    *checked = schema != NULL;
  if (error != NULL)
    return _asc_cli_usage_error ("%s", error->message);
  if (schema == NULL)
    return ASC_CLI_EXIT_OK;

  warn_unsupported (schema, type_name, method);
  if (!asc_schema_validate_to_error (schema, sent != NULL ? sent : null, &error))
    return _asc_cli_report_error (error);

  return ASC_CLI_EXIT_OK;
}

/**
 * _asc_cli_check_call:
 * @options: the global options
 * @sent: (nullable): what the call sends, as for _asc_cli_check_value()
 *
 * With --catalog, checks a call before it is sent. A method the catalog
 * does not describe goes unchecked: the catalog may be incomplete.
 *
 * Returns: %ASC_CLI_EXIT_OK, or the exit status to end with
 */
int
_asc_cli_check_call (AscCliOptions *options,
                     const char    *type_name,
                     const char    *method,
                     JsonNode      *sent)
{
  g_autoptr(AscCatalog) catalog = NULL;
  int status;

  status = _asc_cli_load_catalog (options, &catalog);
  if (status != ASC_CLI_EXIT_OK || catalog == NULL)
    return status;

  if (asc_catalog_get_method (catalog, type_name, method) == NULL)
    g_debug ("The catalog does not describe %s.%s: sent unchecked", type_name, method);

  return _asc_cli_check_value (catalog, type_name, method, sent, NULL);
}

/**
 * _asc_cli_take_flag:
 * @args: the command's words
 * @flag: an option without a value, such as `--dry-run`
 *
 * Removes every @flag from @args, wherever it is, so the positional words
 * can be counted as before.
 *
 * Returns: whether @flag was there
 */
gboolean
_asc_cli_take_flag (char       **args,
                    const char  *flag)
{
  gboolean found = FALSE;
  guint kept = 0;

  for (guint i = 0; args[i] != NULL; i++)
    {
      if (g_str_equal (args[i], flag))
        {
          found = TRUE;
          g_free (args[i]);
          continue;
        }
      args[kept++] = args[i];
    }
  args[kept] = NULL;

  return found;
}
