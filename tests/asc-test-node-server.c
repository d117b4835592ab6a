/* asc-test-node-server.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-test-node-server"

#include "config.h"

#include "asc-test-node-server.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#include <gio/gio.h>

#define READY_TIMEOUT_MS 20000
#define EXIT_TIMEOUT_MS  5000
#define POLL_INTERVAL_MS 10

struct _AscTestNodeServer
{
  GSubprocess      *subprocess;
  GOutputStream    *stdin_pipe;
  GDataInputStream *output;
  GCancellable     *cancellable;
  JsonObject       *ready;
  char             *url;
  GPid              pid;
  GPid              child_pid;
  gboolean          stopped;
};

typedef gboolean (*DoneFunc) (gpointer data);

static gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the thread-default context until @done holds or @timeout_ms
 * passes. A non-zero @poll_ms also wakes it periodically, for conditions
 * that no source reports (another process going away).
 */
static gboolean
iterate_until (DoneFunc done,
               gpointer data,
               guint    timeout_ms,
               guint    poll_ms)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) deadline = g_timeout_source_new (timeout_ms);
  g_autoptr(GSource) poll = NULL;
  gboolean timed_out = FALSE;

  g_source_set_callback (deadline, flag_cb, &timed_out, NULL);
  g_source_attach (deadline, context);
  if (poll_ms > 0)
    {
      poll = g_timeout_source_new (poll_ms);
      g_source_set_callback (poll, poll_cb, NULL, NULL);
      g_source_attach (poll, context);
    }

  while (!done (data) && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (deadline);
  if (poll != NULL)
    g_source_destroy (poll);

  return done (data);
}

static gboolean
result_arrived (gpointer data)
{
  GAsyncResult **slot = data;

  return *slot != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Waits for an async call started with store_result_cb. Past the deadline
 * the call is cancelled, and still waited for, so the callback never
 * outlives the caller's stack: the _finish() then reports the cancellation.
 */
static GAsyncResult *
await_result (GAsyncResult **slot,
              GCancellable  *cancellable,
              guint          timeout_ms)
{
  if (!iterate_until (result_arrived, slot, timeout_ms, 0))
    {
      g_cancellable_cancel (cancellable);
      while (*slot == NULL)
        g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
    }

  return *slot;
}

static gboolean
pid_is_gone (gpointer data)
{
  GPid pid = GPOINTER_TO_INT (data);

  return kill (pid, 0) != 0 && errno == ESRCH;
}

/* Never signals process groups, init or ourselves, whatever a ready line says. */
static gboolean
pid_is_signalable (gint64 pid)
{
  return pid > 1 && pid <= G_MAXINT && pid != (gint64) getpid ();
}

/* For processes that are not our children (no child watch is possible). */
static void
terminate_pid (GPid pid)
{
  if (!pid_is_signalable (pid) || pid_is_gone (GINT_TO_POINTER (pid)))
    return;

  kill (pid, SIGTERM);
  if (iterate_until (pid_is_gone, GINT_TO_POINTER (pid), EXIT_TIMEOUT_MS, POLL_INTERVAL_MS))
    return;

  g_printerr ("# process %d ignored SIGTERM, sending SIGKILL\n", (int) pid);
  kill (pid, SIGKILL);
  if (!iterate_until (pid_is_gone, GINT_TO_POINTER (pid), EXIT_TIMEOUT_MS, POLL_INTERVAL_MS))
    g_printerr ("# process %d survived SIGKILL\n", (int) pid);
}

static gboolean
wait_for_child (AscTestNodeServer *self)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_subprocess_wait_async (self->subprocess, cancellable, store_result_cb, &result);
  await_result (&result, cancellable, EXIT_TIMEOUT_MS);

  return g_subprocess_wait_finish (self->subprocess, result, NULL);
}

static void
terminate_child (AscTestNodeServer *self)
{
  g_subprocess_send_signal (self->subprocess, SIGTERM);
  if (wait_for_child (self))
    return;

  g_printerr ("# server %d ignored SIGTERM, sending SIGKILL\n", (int) self->child_pid);
  g_subprocess_force_exit (self->subprocess);
  if (!wait_for_child (self))
    g_printerr ("# server %d survived SIGKILL\n", (int) self->child_pid);
}

/* After the ready line, stdout is still read (and copied to stderr) so a
 * chatty server never blocks on a full pipe. Holds only the cancellable:
 * it may run after the server struct is gone.
 */
static void
forward_output_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  GDataInputStream *stream = G_DATA_INPUT_STREAM (source);
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (stream, result, NULL, NULL);
  if (line == NULL || g_cancellable_is_cancelled (cancellable))
    return;

  g_printerr ("%s\n", line);
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, cancellable,
                                       forward_output_cb, g_object_ref (cancellable));
}

static char *
resolve_script (const char *script)
{
  const char *srcdir;

  if (g_path_is_absolute (script))
    return g_strdup (script);

  srcdir = g_getenv ("G_TEST_SRCDIR");
  if (srcdir == NULL && g_test_initialized ())
    srcdir = g_test_get_dir (G_TEST_DIST);
  if (srcdir == NULL)
    srcdir = ".";

  return g_build_filename (srcdir, script, NULL);
}

static gboolean
check_script (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *manifest = g_build_filename (dir, "package.json", NULL);
  g_autofree char *modules = g_build_filename (dir, "node_modules", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Server script %s does not exist", path);
      return FALSE;
    }

  if (g_file_test (manifest, G_FILE_TEST_EXISTS) &&
      !g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s is missing: run `npm ci` in %s first", modules, dir);
      return FALSE;
    }

  return TRUE;
}

static GSubprocess *
spawn_node (const char          *script,
            const char * const  *extra_args,
            GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *node = g_find_program_in_path ("node");

  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "`node` is not in PATH");
      return NULL;
    }

  g_ptr_array_add (argv, g_steal_pointer (&node));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup ("--host"));
  g_ptr_array_add (argv, g_strdup ("127.0.0.1"));
  g_ptr_array_add (argv, g_strdup ("--port"));
  g_ptr_array_add (argv, g_strdup ("0"));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  /* stdin stays open as long as we live: a server that honours
   * ASC_TEST_SERVER_WATCH_STDIN exits when a crashed test closes it. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "ASC_TEST_SERVER_WATCH_STDIN", "1", TRUE);

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

/* Returns the ready object, or NULL for any other stdout line. */
static JsonObject *
parse_ready_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *ready;

  if (!json_parser_load_from_data (parser, line, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  ready = json_object_get_member (object, "ready");
  if (ready == NULL ||
      json_node_get_value_type (ready) != G_TYPE_BOOLEAN ||
      !json_node_get_boolean (ready))
    return NULL;

  return json_object_ref (object);
}

static gboolean
accept_ready (AscTestNodeServer  *self,
              JsonObject         *ready,
              GError            **error)
{
  JsonNode *url = json_object_get_member (ready, "url");
  JsonNode *pid = json_object_get_member (ready, "pid");

  if (url == NULL || json_node_get_value_type (url) != G_TYPE_STRING)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The server's ready line has no \"url\" string");
      return FALSE;
    }

  self->url = g_strdup (json_node_get_string (url));
  self->pid = self->child_pid;
  if (pid != NULL &&
      json_node_get_value_type (pid) == G_TYPE_INT64 &&
      pid_is_signalable (json_node_get_int (pid)))
    self->pid = (GPid) json_node_get_int (pid);
  self->ready = json_object_ref (ready);

  return TRUE;
}

/* Reads stdout lines until the ready line, the end of output or the
 * deadline. Other lines are copied to stderr.
 */
static gboolean
read_ready_line (AscTestNodeServer  *self,
                 GError            **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) READY_TIMEOUT_MS * 1000;

  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) ready = NULL;
      g_autofree char *line = NULL;
      gint64 remaining_ms = (deadline - g_get_monotonic_time ()) / 1000;

      g_data_input_stream_read_line_async (self->output, G_PRIORITY_DEFAULT,
                                           self->cancellable, store_result_cb, &result);
      await_result (&result, self->cancellable, (guint) MAX (remaining_ms, 0));
      line = g_data_input_stream_read_line_finish_utf8 (self->output, result, NULL,
                                                        &local_error);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "The server printed no ready line within %d s",
                       READY_TIMEOUT_MS / 1000);
          return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (line == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                               "The server exited before printing its ready line");
          return FALSE;
        }

      ready = parse_ready_line (line);
      if (ready != NULL)
        return accept_ready (self, ready, error);

      g_printerr ("%s\n", line);
    }
}

/**
 * asc_test_node_server_start:
 * @script: the server script, relative to the tests source directory
 *   (`G_TEST_SRCDIR`) unless absolute
 * @extra_args: (nullable) (array zero-terminated=1): appended to the command line
 * @error: return location for a #GError
 *
 * Runs `node @script --host 127.0.0.1 --port 0 @extra_args…` and waits,
 * iterating the thread-default main context, until it prints a JSON line
 * with `"ready": true` and a `"url"`. The server's stderr goes to ours.
 *
 * Returns: (transfer full) (nullable): the running server, or %NULL
 */
AscTestNodeServer *
asc_test_node_server_start (const char          *script,
                            const char * const  *extra_args,
                            GError             **error)
{
  g_autoptr(AscTestNodeServer) self = NULL;
  g_autofree char *path = NULL;
  GSubprocess *subprocess;
  const char *identifier;

  g_return_val_if_fail (script != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = resolve_script (script);
  if (!check_script (path, error))
    return NULL;

  subprocess = spawn_node (path, extra_args, error);
  if (subprocess == NULL)
    return NULL;

  self = g_new0 (AscTestNodeServer, 1);
  self->subprocess = subprocess;
  /* NULL once the process has already exited and been reaped */
  identifier = g_subprocess_get_identifier (subprocess);
  self->child_pid = identifier != NULL ? (GPid) atoi (identifier) : 0;
  self->stdin_pipe = g_object_ref (g_subprocess_get_stdin_pipe (subprocess));
  self->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (subprocess));
  self->cancellable = g_cancellable_new ();

  if (!read_ready_line (self, error))
    {
      g_prefix_error (error, "%s: ", script);
      return NULL;
    }

  g_data_input_stream_read_line_async (self->output, G_PRIORITY_DEFAULT, self->cancellable,
                                       forward_output_cb, g_object_ref (self->cancellable));

  return g_steal_pointer (&self);
}

const char *
asc_test_node_server_get_url (AscTestNodeServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->url;
}

/**
 * asc_test_node_server_get_pid:
 *
 * Returns: the `pid` from the ready line (the spawned process if it had none)
 */
GPid
asc_test_node_server_get_pid (AscTestNodeServer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pid;
}

/**
 * asc_test_node_server_get_ready:
 *
 * Returns: (transfer none): the whole ready line, for fields a particular
 *   server adds
 */
JsonObject *
asc_test_node_server_get_ready (AscTestNodeServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ready;
}

/**
 * asc_test_node_server_stop:
 *
 * Sends SIGTERM to the server and waits for it to exit, with SIGKILL after
 * a deadline. A different `pid` and an `enginePid` from the ready line are
 * stopped the same way afterwards. Calling it again does nothing.
 */
void
asc_test_node_server_stop (AscTestNodeServer *self)
{
  JsonNode *engine = NULL;

  g_return_if_fail (self != NULL);

  if (self->stopped)
    return;
  self->stopped = TRUE;

  g_cancellable_cancel (self->cancellable);
  terminate_child (self);

  if (self->pid != self->child_pid)
    terminate_pid (self->pid);

  if (self->ready != NULL)
    engine = json_object_get_member (self->ready, "enginePid");
  if (engine != NULL &&
      json_node_get_value_type (engine) == G_TYPE_INT64 &&
      pid_is_signalable (json_node_get_int (engine)))
    terminate_pid ((GPid) json_node_get_int (engine));
}

void
asc_test_node_server_free (AscTestNodeServer *self)
{
  if (self == NULL)
    return;

  asc_test_node_server_stop (self);

  g_clear_object (&self->output);
  g_clear_object (&self->stdin_pipe);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->subprocess);
  g_clear_pointer (&self->ready, json_object_unref);
  g_clear_pointer (&self->url, g_free);
  g_free (self);
}
