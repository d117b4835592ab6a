/* bench-util.c: timing, temporary files and Node peers for the benchmarks
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The middle value (the upper one of an even count). */
double
bench_median (const double *values,
              guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  g_return_val_if_fail (n > 0, 0);

  qsort (sorted, n, sizeof (double), compare_doubles);

  return sorted[n / 2];
}

/* Writes @data to a new temporary file and returns its path. */
char *
bench_write_temp (const char *template,
                  const void *data,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  if (fd < 0)
    g_error ("cannot create a temporary file: %s", error->message);
  g_close (fd, NULL);
  if (!g_file_set_contents (path, data, length, &error))
    g_error ("cannot write %s: %s", path, error->message);

  return path;
}

/* Runs a Node peer and returns the `throughput=` it prints; a peer that
 * cannot run ends the benchmark, since there is nothing to compare with. */
double
bench_run_peer (const char * const *argv,
                const char         *what)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *field;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "the %s peer failed (%s)%s%s\n"
               "Install its packages with `npm ci` in tests/.\n",
               what, error->message, err != NULL ? ":\n" : "", err != NULL ? err : "");
      exit (EXIT_FAILURE);
    }

  field = strstr (out, "throughput=");
  if (field == NULL)
    {
      fprintf (stderr, "the %s peer printed no throughput: %s\n", what, out);
      exit (EXIT_FAILURE);
    }

  return g_ascii_strtod (field + strlen ("throughput="), NULL);
}

/* A kB figure of /proc/self/status ("VmHWM", "VmRSS"), or -1. */
long
bench_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);

  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

double
bench_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}
