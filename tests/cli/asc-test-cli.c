/* asc-test-cli.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-test-cli.h"

#include "asc-test-util.h"

#define RUN_TIMEOUT_MS  20000
#define CALL_TIMEOUT_MS 10000

struct _AscTestCli
{
  GSubprocess      *process;
  GDataInputStream *out;
  GCancellable     *cancellable;
  GPtrArray        *lines;
  GString          *err_text;
  int               status;
  gboolean          out_done;
  gboolean          err_done;
  gboolean          exited;
};

static void read_line (AscTestCli *self);
static void read_err (AscTestCli *self);

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AscTestCli *self = user_data;
  char *line;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                    NULL, NULL);
  if (line == NULL)
    {
      self->out_done = TRUE;
      return;
    }

  g_ptr_array_add (self->lines, line);
  read_line (self);
}

static void
read_line (AscTestCli *self)
{
  g_data_input_stream_read_line_async (self->out, G_PRIORITY_DEFAULT, self->cancellable,
                                       line_read_cb, self);
}

static void
err_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AscTestCli *self = user_data;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      self->err_done = TRUE;
      return;
    }

  g_string_append_len (self->err_text, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  read_err (self);
}

static void
read_err (AscTestCli *self)
{
  g_input_stream_read_bytes_async (g_subprocess_get_stderr_pipe (self->process), 4096,
                                   G_PRIORITY_DEFAULT, self->cancellable, err_read_cb, self);
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AscTestCli *self = user_data;

  if (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL) &&
      g_subprocess_get_if_exited (G_SUBPROCESS (source)))
    self->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  else
    self->status = -1;
  self->exited = TRUE;
}

/**
 * asc_test_cli_spawnv:
 * @env: (nullable): `NAME=VALUE` entries to set; ACTORSCOPE_SERVER is
 *   always unset first, so the user's shell cannot leak in
 * @args: the arguments, without the program
 *
 * Starts the CLI; its stdout is collected line by line and its stderr
 * whole, as the default main context runs.
 */
AscTestCli *
asc_test_cli_spawnv (const char * const *env,
                     const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  AscTestCli *self = g_new0 (AscTestCli, 1);

  g_ptr_array_add (argv, (gpointer) ACTORSCOPE_CLI);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "ACTORSCOPE_SERVER");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                &error);
  g_assert_no_error (error);

  self->cancellable = g_cancellable_new ();
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->err_text = g_string_new (NULL);
  self->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  read_line (self);
  read_err (self);
  g_subprocess_wait_async (self->process, self->cancellable, wait_cb, self);

  return self;
}

static GPtrArray *
collect_args (const char *first_arg,
              va_list     args)
{
  GPtrArray *array = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (array, (gpointer) arg);
  g_ptr_array_add (array, NULL);

  return array;
}

AscTestCli *
asc_test_cli_spawn (const char * const *env,
                    const char         *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) array = NULL;
  va_list args;

  va_start (args, first_arg);
  array = collect_args (first_arg, args);
  va_end (args);

  return asc_test_cli_spawnv (env, (const char * const *) array->pdata);
}

/* Runs the CLI to its end; fails the test if it does not end in time. */
AscTestCli *
asc_test_cli_run (const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) array = NULL;
  AscTestCli *self;
  va_list args;

  va_start (args, first_arg);
  array = collect_args (first_arg, args);
  va_end (args);

  self = asc_test_cli_spawnv (NULL, (const char * const *) array->pdata);
  g_assert_true (asc_test_cli_wait_exit (self, RUN_TIMEOUT_MS));

  return self;
}

typedef struct
{
  AscTestCli *self;
  guint       n_lines;
} LinesWait;

static gboolean
has_lines (gpointer user_data)
{
  LinesWait *wait = user_data;

  return wait->self->lines->len >= wait->n_lines || wait->self->out_done;
}

/* Returns: %TRUE if @n_lines lines arrived before the deadline */
gboolean
asc_test_cli_wait_lines (AscTestCli *self,
                         guint       n_lines,
                         guint       timeout_ms)
{
  LinesWait wait = { self, n_lines };

  asc_test_wait_until (has_lines, &wait, timeout_ms);

  return self->lines->len >= n_lines;
}

static gboolean
is_done (gpointer user_data)
{
  AscTestCli *self = user_data;

  return self->exited && self->out_done && self->err_done;
}

/* Returns: %TRUE if the process ended and its output was read in time */
gboolean
asc_test_cli_wait_exit (AscTestCli *self,
                        guint       timeout_ms)
{
  return asc_test_wait_until (is_done, self, timeout_ms);
}

void
asc_test_cli_send_signal (AscTestCli *self,
                          int         signum)
{
  g_subprocess_send_signal (self->process, signum);
}

gboolean
asc_test_cli_get_exited (AscTestCli *self)
{
  return self->exited;
}

/* Returns: the exit status, or -1 when it was killed by a signal */
int
asc_test_cli_get_status (AscTestCli *self)
{
  g_assert_true (self->exited);

  return self->status;
}

/* Returns: (transfer none): the lines of stdout so far, without newlines */
GPtrArray *
asc_test_cli_get_lines (AscTestCli *self)
{
  return self->lines;
}

char *
asc_test_cli_dup_stdout (AscTestCli *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) self->lines->pdata[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
asc_test_cli_get_stderr (AscTestCli *self)
{
  return self->err_text->str;
}

void
asc_test_cli_assert_stdout (AscTestCli *self,
                            const char *expected)
{
  g_autofree char *out = asc_test_cli_dup_stdout (self);

  g_assert_cmpstr (out, ==, expected);
}

/* Kills a process still running, and waits for every callback. */
void
asc_test_cli_free (AscTestCli *self)
{
  if (!self->exited)
    g_subprocess_force_exit (self->process);
  g_cancellable_cancel (self->cancellable);
  while (!is_done (self))
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&self->out);
  g_clear_object (&self->process);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->lines);
  g_string_free (self->err_text, TRUE);
  g_free (self);
}

static gboolean
result_arrived (gpointer user_data)
{
  GAsyncResult **slot = user_data;

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

/**
 * asc_test_call_actor:
 * @client: a client whose call timeout is below 10 s, so the callback
 *   never outlives this frame
 * @input: (nullable): JSON text
 *
 * Calls a method through the library, to drive an actor while the CLI
 * watches it, and fails the test when the call fails.
 *
 * Returns: (transfer full): the result
 */
JsonNode *
asc_test_call_actor (AscClient  *client,
                     const char *type_name,
                     const char *key,
                     const char *method,
                     const char *input)
{
  AscActor *actor = asc_client_get_actor (client, type_name, key);
  g_autoptr(JsonNode) args = input != NULL ? asc_test_json_parse (input) : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *value;

  g_assert_cmpuint (asc_client_get_call_timeout (client), <, CALL_TIMEOUT_MS);
  g_assert_cmpuint (asc_client_get_call_timeout (client), >, 0);

  asc_actor_call_async (actor, method, args, NULL, store_result_cb, &result);
  g_assert_true (asc_test_wait_until (result_arrived, &result, CALL_TIMEOUT_MS));
  value = asc_actor_call_finish (actor, result, &error);
  g_assert_no_error (error);

  return value;
}

/**
 * asc_test_cli_replay_state:
 * @self: a finished `state --follow` run
 *
 * Applies every printed `{"patches": […]}` line, with the strict RFC 6902
 * applier, to the snapshot on the first line, as a script would.
 *
 * Returns: (transfer full): the state the lines add up to
 */
JsonNode *
asc_test_cli_replay_state (AscTestCli *self)
{
  g_autoptr(JsonNode) document = NULL;

  g_assert_cmpuint (self->lines->len, >, 0);
  document = asc_test_json_parse (self->lines->pdata[0]);

  for (guint i = 1; i < self->lines->len; i++)
    {
      g_autoptr(JsonNode) line = asc_test_json_parse (self->lines->pdata[i]);
      g_autoptr(GError) error = NULL;
      JsonObject *object = json_node_get_object (line);

      g_assert_cmpuint (json_object_get_size (object), ==, 1);
      asc_json_patch_apply (&document, json_object_get_member (object, "patches"), &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&document);
}
