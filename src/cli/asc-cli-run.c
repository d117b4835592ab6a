/* asc-cli-run.c: one connection on a main loop, with deadlines and signals
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-cli"

#include "config.h"

#include "asc-cli-private.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <math.h>
#include <signal.h>

static guint
timeout_ms (AscCliRun *run)
{
  return (guint) MIN (ceil (run->timeout * 1000.0), (double) G_MAXUINT);
}

/* Why the server is out of reach, in the words the contract prints. */
static GError *
unreachable_error (AscCliRun *run)
{
  const GError *last = asc_client_get_last_error (run->client);
  const char *uri = asc_client_get_uri (run->client);

  if (run->ever_connected)
    return g_error_new (ASC_ERROR, ASC_ERROR_CLOSED,
                        _("Lost the connection to %s and could not get it back within %g s: %s"),
                        uri, run->timeout, last != NULL ? last->message : _("no reason given"));

  if (last != NULL && g_error_matches (last, ASC_ERROR, ASC_ERROR_CONNECT))
    return g_error_copy (last);

  if (last != NULL)
    return g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                        _("Could not reach the server at %s within %g s: %s"),
                        uri, run->timeout, last->message);

  return g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                      _("Could not reach the server at %s within %g s"), uri, run->timeout);
}

static gboolean
unreachable_cb (gpointer user_data)
{
  AscCliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  run->unreachable_source = 0;
  error = unreachable_error (run);
  _asc_cli_run_fail (run, error);

  return G_SOURCE_REMOVE;
}

/* While not connected, the client keeps retrying; this bounds how long. */
static void
arm_unreachable (AscCliRun *run)
{
  if (run->unreachable_source != 0 || run->finished)
    return;

  run->unreachable_source = g_timeout_add (timeout_ms (run), unreachable_cb, run);
}

static void
connected (AscCliRun *run)
{
  g_clear_handle_id (&run->unreachable_source, g_source_remove);

  /* After a reconnect the client resubscribes by itself. */
  if (run->ever_connected)
    return;

  run->ever_connected = TRUE;
  if (run->connected_func != NULL)
    run->connected_func (run, run->connected_data);
}

static void
status_changed_cb (AscClient  *client,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  AscCliRun *run = user_data;

  if (asc_client_get_status (client) == ASC_CLIENT_STATUS_CONNECTED)
    connected (run);
  else
    arm_unreachable (run);
}

/* Streams end on a signal as they would end anyway: with success. */
static void
finish_on_signal (AscCliRun *run,
                  int        signum)
{
  g_debug ("Signal %d: finishing", signum);
  _asc_cli_run_finish (run, run->streaming ? ASC_CLI_EXIT_OK : ASC_CLI_EXIT_SIGNALED + signum);
}

static gboolean
sigint_cb (gpointer user_data)
{
  AscCliRun *run = user_data;

  finish_on_signal (run, SIGINT);
  return G_SOURCE_CONTINUE;
}

static gboolean
sigterm_cb (gpointer user_data)
{
  AscCliRun *run = user_data;

  finish_on_signal (run, SIGTERM);
  return G_SOURCE_CONTINUE;
}

static gboolean
deadline_cb (gpointer user_data)
{
  AscCliRun *run = user_data;

  run->deadline_source = 0;
  run->deadline_func (run, run->deadline_data);

  return G_SOURCE_REMOVE;
}

/**
 * _asc_cli_run_init:
 * @run: an all-zero #AscCliRun
 * @options: the global options
 *
 * Makes the client and catches SIGINT and SIGTERM. Nothing is sent yet.
 *
 * Returns: %ASC_CLI_EXIT_OK, or the exit status to end with
 */
int
_asc_cli_run_init (AscCliRun     *run,
                   AscCliOptions *options)
{
  int status = _asc_cli_new_client (options, &run->client);

  if (status != ASC_CLI_EXIT_OK)
    return status;

  run->timeout = options->timeout;
  run->loop = g_main_loop_new (NULL, FALSE);
  run->status_handler = g_signal_connect (run->client, "notify::status",
                                          G_CALLBACK (status_changed_cb), run);
  run->sigint_source = g_unix_signal_add (SIGINT, sigint_cb, run);
  run->sigterm_source = g_unix_signal_add (SIGTERM, sigterm_cb, run);

  return ASC_CLI_EXIT_OK;
}

void
_asc_cli_run_clear (AscCliRun *run)
{
  g_clear_handle_id (&run->deadline_source, g_source_remove);
  g_clear_handle_id (&run->unreachable_source, g_source_remove);
  g_clear_handle_id (&run->sigint_source, g_source_remove);
  g_clear_handle_id (&run->sigterm_source, g_source_remove);

  if (run->client != NULL)
    {
      g_clear_signal_handler (&run->status_handler, run->client);
      asc_client_close (run->client);
      g_clear_object (&run->client);
    }

  g_clear_pointer (&run->loop, g_main_loop_unref);
}

/**
 * _asc_cli_run_loop:
 * @run: an initialized #AscCliRun
 * @connected_func: (nullable): called once, when the connection first opens
 *
 * Connects and runs the main loop until _asc_cli_run_finish(). Not being
 * connected for longer than the timeout, at first or after a loss, fails
 * the run with exit status 3.
 *
 * Returns: the exit status
 */
int
_asc_cli_run_loop (AscCliRun     *run,
                   AscCliRunFunc  connected_func,
                   gpointer       user_data)
{
  run->connected_func = connected_func;
  run->connected_data = user_data;

  if (asc_client_get_status (run->client) == ASC_CLIENT_STATUS_CONNECTED)
    connected (run);
  else
    arm_unreachable (run);

  asc_client_open (run->client);
  if (!run->finished)
    g_main_loop_run (run->loop);

  return run->status;
}

/* The first status wins; later calls do nothing. */
void
_asc_cli_run_finish (AscCliRun *run,
                     int        status)
{
  if (run->finished)
    return;

  run->finished = TRUE;
  run->status = status;
  g_clear_handle_id (&run->deadline_source, g_source_remove);
  g_clear_handle_id (&run->unreachable_source, g_source_remove);
  g_main_loop_quit (run->loop);
}

void
_asc_cli_run_fail (AscCliRun    *run,
                   const GError *error)
{
  if (run->finished)
    return;

  _asc_cli_run_finish (run, _asc_cli_report_error (error));
}

/**
 * _asc_cli_run_set_deadline:
 * @run: an #AscCliRun
 * @func: called when the timeout passes first
 *
 * Starts the one deadline a run has, the length of --timeout, replacing
 * any earlier one.
 */
void
_asc_cli_run_set_deadline (AscCliRun     *run,
                           AscCliRunFunc  func,
                           gpointer       user_data)
{
  g_clear_handle_id (&run->deadline_source, g_source_remove);
  if (run->finished)
    return;

  run->deadline_func = func;
  run->deadline_data = user_data;
  run->deadline_source = g_timeout_add (timeout_ms (run), deadline_cb, run);
}

void
_asc_cli_run_clear_deadline (AscCliRun *run)
{
  g_clear_handle_id (&run->deadline_source, g_source_remove);
}
