/* bench-startup.c: from exec to the main window's first frame
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-startup BENCH-STARTUP-APP
 *
 * Spawns the application (bench-startup-app: main.c with a probe on the
 * first frame) with --demo, so it also starts the embedded demo server, six
 * times; the first run only warms the page cache. The clock starts just
 * before the spawn and stops at the first "after-paint" of the main window's
 * frame clock, so the figure holds fork, exec, dynamic linking, GTK and
 * libadwaita start-up, the application's activation and the first layout and
 * paint. Prints the median of the five timed runs and the highest peak RSS
 * (VmHWM at the first frame). Needs a display: run it under xvfb-run.
 */

#include "config.h"

#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_RUNS 5

static double
field_value (const char *out,
             const char *name)
{
  g_autofree char *key = g_strconcat (name, "=", NULL);
  const char *field = strstr (out, key);

  return field != NULL ? g_ascii_strtod (field + strlen (key), NULL) : -1;
}

/* Runs the application once; returns FALSE (with a message) on failure. */
static gboolean
run_once (const char *app,
          double     *first_frame_ms,
          double     *peak_rss_kb)
{
  const char *argv[] = { app, "--demo", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *spawned = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  envp = g_environ_setenv (envp, "ASC_BENCH_SPAWN_US", spawned, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "%s failed (%s)\n%s", app, error->message, err != NULL ? err : "");
      return FALSE;
    }

  *first_frame_ms = field_value (out, "first_frame_ms");
  *peak_rss_kb = field_value (out, "peak_rss_kb");
  if (*first_frame_ms < 0 || *peak_rss_kb < 0)
    {
      fprintf (stderr, "%s printed no first frame:\n%s%s", app, out, err != NULL ? err : "");
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  double ms[N_RUNS], rss[N_RUNS], warm_ms, warm_rss, peak_rss = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s BENCH-STARTUP-APP\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "bench-startup needs a display (run it under xvfb-run)\n");
      return 77;
    }

  if (!run_once (argv[1], &warm_ms, &warm_rss))
    return EXIT_FAILURE;
  printf ("warm-up run: first frame after %.1f ms\n", warm_ms);

  for (guint run = 0; run < N_RUNS; run++)
    {
      if (!run_once (argv[1], &ms[run], &rss[run]))
        return EXIT_FAILURE;
      peak_rss = MAX (peak_rss, rss[run]);
      printf ("startup run %u: first frame after %.1f ms, peak RSS %.0f kB\n",
              run + 1, ms[run], rss[run]);
    }

  printf ("startup_peak_rss_kb=%.0f\n", peak_rss);
  printf ("startup_ms=%.1f\n", bench_median (ms, N_RUNS));

  return EXIT_SUCCESS;
}
