/* bench-startup-app.c: the application, as main.c starts it, reporting when
 * its first window paints its first frame
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup runs this with ASC_BENCH_SPAWN_US set to g_get_monotonic_time()
 * just before it spawned us. On the first window's first "after-paint", this
 * prints the time since then and the peak resident set size, and quits.
 * Everything else is main.c: the same static library, options and activation.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asc-application.h"

static gint64 spawned_us;

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");

  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  printf ("first_frame_ms=%.1f\n", (now - spawned_us) / 1000.0);
  printf ("peak_rss_kb=%ld\n", peak_rss_kb ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (user_data));
}

static void
window_realize_cb (GtkWidget *window,
                   gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), user_data);
}

/* Only the first window: the main one. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, user_data);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AscApplication) app = NULL;
  const char *spawned = g_getenv ("ASC_BENCH_SPAWN_US");

  if (spawned == NULL)
    {
      fprintf (stderr, "%s: run by bench-startup, which sets ASC_BENCH_SPAWN_US\n", argv[0]);
      return EXIT_FAILURE;
    }
  spawned_us = g_ascii_strtoll (spawned, NULL, 10);

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = asc_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
