/* test-cli-usage.c: actorscope-cli's help, version and usage errors
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI with @argv (NULL-terminated, without the program) and an
 * environment without ACTORSCOPE_SERVER, so the user's shell cannot leak in. */
static void
run_cli (Run         *run,
         const char **argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (gpointer) ACTORSCOPE_CLI);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "ACTORSCOPE_SERVER");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_cli_help_lists_commands (void)
{
  g_auto(Run) run = { 0 };
  static const char *commands[] = { "types", "list TYPE", "call TYPE KEY METHOD",
                                    "state TYPE KEY", "events TYPE KEY" };

  run_cli (&run, (const char *[]) { "--help", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (strstr (run.out, "--server=URL") != NULL);
  g_assert_true (strstr (run.out, "--timeout=SECONDS") != NULL);
  g_assert_true (strstr (run.out, "ACTORSCOPE_SERVER") != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_true (strstr (run.out, commands[i]) != NULL);
}

static void
test_cli_version_prints_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, (const char *[]) { "--version", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "actorscope-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_cli_usage_errors_exit_2 (void)
{
  static const char *cases[][6] = {
    { NULL },
    { "frobnicate", NULL },
    { "--no-such-option", "types", NULL },
    { "--timeout", NULL },
    /* Addresses that cannot be used: nothing is contacted. */
    { "--server", "notaurl", "types", NULL },
    { "--server", "ftp://127.0.0.1/", "types", NULL },
    { "--kind", "zocket", "--server", "http://127.0.0.1:9/", "types", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i]);

      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "error: USAGE: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/cli/help/lists-commands", test_cli_help_lists_commands);
  g_test_add_func ("/asc/cli/version/prints-version", test_cli_version_prints_version);
  g_test_add_func ("/asc/cli/usage-errors/exit-2", test_cli_usage_errors_exit_2);

  return g_test_run ();
}
