/* bench-ui.c: how late the main loop runs while the window shows a large,
 * fully expanded state under a stream of patches and events
 *
 * The peer is a Node load generator (tests/servers/zocket/ui-load-server.mjs):
 * about 10,000 nodes of state, 200 patches/s and 1,000 events/s. A 5 ms
 * timeout measures how late the main loop lets it fire; a frame is 16 ms.
 * The main thread's own CPU time between two probes (ui_busy_*) tells this
 * program's share of the lateness apart from other processes on a busy
 * machine. ASC_BENCH_SECONDS shortens the run for a profiler, and
 * ASC_BENCH_SCREENSHOT=file.png saves the window as the run ends.
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <time.h>

#include "asc-application.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"
#include "asc-window.h"

#define PROBE_INTERVAL_MS 5
#define DURATION_SECONDS 20

typedef struct
{
  GArray *lateness_us;
  GArray *busy_us;
  gint64  expected;
  gint64  end;
  gint64  last_cpu;
  gint64  start_cpu;
  guint   frames;
  gboolean done;
} Probe;

static void
count_frame_cb (Probe *probe)
{
  if (!probe->done)
    probe->frames++;
}

/* CPU time of the calling (main) thread. On a busy machine lateness also
 * counts the time other processes hold the cores; the main thread's own
 * CPU time between two probes is the part this program is to blame for. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
probe_cb (gpointer user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = MAX (now - probe->expected, 0);
  gint64 cpu = thread_cpu_us ();
  gint64 busy = cpu - probe->last_cpu;

  g_array_append_val (probe->lateness_us, late);
  g_array_append_val (probe->busy_us, busy);
  probe->last_cpu = cpu;
  probe->expected = now + PROBE_INTERVAL_MS * 1000;
  if (now >= probe->end)
    {
      probe->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
is_done (gpointer user_data)
{
  return ((Probe *) user_data)->done;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *sorted,
               double  fraction)
{
  guint index = MIN ((guint) (fraction * sorted->len), sorted->len - 1);

  return g_array_index (sorted, gint64, index) / 1000.0;
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
client_connected (gpointer user_data)
{
  g_autoptr(GObject) item = g_list_model_get_item (asc_window_get_sessions (user_data), 0);
  AscServerSession *session = item != NULL ? asc_sidebar_item_get_session (ASC_SIDEBAR_ITEM (item)) : NULL;

  return session != NULL &&
         asc_client_get_status (asc_server_session_get_client (session)) == ASC_CLIENT_STATUS_CONNECTED;
}

static gboolean
store_has_document (gpointer user_data)
{
  return asc_state_store_get_document (user_data) != NULL;
}

/* Expands every row, level by level, as a person clicking through would. */
static guint
expand_everything (GtkColumnView *view)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  gboolean expanded_some = TRUE;

  while (expanded_some)
    {
      expanded_some = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

          if (gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
            {
              gtk_tree_list_row_set_expanded (row, TRUE);
              expanded_some = TRUE;
            }
        }
    }

  return g_list_model_get_n_items (rows);
}

/* ASC_BENCH_SCREENSHOT=file.png shows what the run looked like at its end */
static void
save_screenshot (GtkWidget  *window,
                 const char *path)
{
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  GTK_WIDGET_GET_CLASS (window)->snapshot (window, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_printerr ("nothing to save in %s\n", path);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("could not save %s\n", path);
}

static void
screenshot_after_paint_cb (GtkWidget *window)
{
  gboolean *saved = g_object_get_data (G_OBJECT (window), "bench-saved");

  if (*saved)
    return;
  save_screenshot (window, g_getenv ("ASC_BENCH_SCREENSHOT"));
  *saved = TRUE;
}

static gboolean
is_true (gpointer user_data)
{
  return *(gboolean *) user_data;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AscTestNodeServer) server = NULL;
  g_autoptr(AscServerConfig) config = asc_server_config_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AscApplication) app = NULL;
  Probe probe = { 0 };
  AscWindow *window;
  AscActor *actor;
  GtkColumnView *column_view;
  guint rows;
  /* A profiler wants a shorter run: ASC_BENCH_SECONDS=5 */
  guint duration = g_getenv ("ASC_BENCH_SECONDS") != NULL
                     ? CLAMP (atoi (g_getenv ("ASC_BENCH_SECONDS")), 1, 600)
                     : DURATION_SECONDS;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Under Xvfb there is no GPU: GTK's GL renderer runs on llvmpipe, which
   * rasterizes and copies every frame of the whole window on the same two
   * cores, and the run then measures Mesa more than this program. Cairo
   * draws the damaged parts only. GSK_RENDERER=gl measures the GL path. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui needs a display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  server = asc_test_node_server_start ("servers/zocket/ui-load-server.mjs", NULL, &error);
  if (server == NULL)
    {
      g_printerr ("could not start the load server: %s\n", error->message);
      return 1;
    }

  app = asc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = asc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  config->url = g_strdup (asc_test_node_server_get_url (server));
  config->kind = ASC_CLIENT_KIND_ZOCKET;
  asc_window_connect (window, config);
  g_assert_true (asc_test_wait_until (client_connected, window, 10000));
  g_assert_true (asc_window_select_instance (window, "load", "main"));
  actor = asc_actor_page_get_actor (asc_window_get_actor_page (window));
  g_assert_true (asc_test_wait_until (store_has_document, asc_actor_get_state_store (actor), 10000));

  column_view = asc_state_view_get_column_view (asc_actor_page_get_state_view (asc_window_get_actor_page (window)));
  rows = expand_everything (column_view);
  g_print ("rows_expanded=%u\n", rows);

  probe.lateness_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.busy_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.start_cpu = probe.last_cpu = thread_cpu_us ();
  probe.expected = g_get_monotonic_time () + PROBE_INTERVAL_MS * 1000;
  probe.end = g_get_monotonic_time () + duration * G_USEC_PER_SEC;
  g_signal_connect_swapped (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                            G_CALLBACK (count_frame_cb), &probe);
  g_timeout_add (PROBE_INTERVAL_MS, probe_cb, &probe);
  g_assert_true (asc_test_wait_until (is_done, &probe, (duration + 30) * 1000));

  g_print ("ui_renderer=%s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("ui_main_cpu_ms=%.0f\n", (thread_cpu_us () - probe.start_cpu) / 1000.0);
  g_print ("ui_frames_per_s=%.1f\n", probe.frames / (double) duration);
  g_array_sort (probe.busy_us, compare_gint64);
  g_print ("ui_busy_p99_ms=%.2f\n", percentile_ms (probe.busy_us, 0.99));
  g_print ("ui_busy_max_ms=%.2f\n", percentile_ms (probe.busy_us, 1.0));
  if (g_getenv ("ASC_BENCH_SCREENSHOT") != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      gboolean saved = FALSE;
      gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (screenshot_after_paint_cb), window);

      g_object_set_data (G_OBJECT (window), "bench-saved", &saved);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_assert_true (asc_test_wait_until (is_true, &saved, 10000));
      g_signal_handler_disconnect (clock, handler);
    }
  g_array_sort (probe.lateness_us, compare_gint64);
  g_print ("ui_samples=%u\n", probe.lateness_us->len);
  g_print ("ui_p50_ms=%.2f\n", percentile_ms (probe.lateness_us, 0.50));
  g_print ("ui_max_ms=%.2f\n", percentile_ms (probe.lateness_us, 1.0));
  g_print ("ui_patches_applied=%u\n",
           g_list_model_get_n_items (asc_state_store_get_history (asc_actor_get_state_store (actor))));
  g_print ("ui_log_entries=%" G_GUINT64_FORMAT "\n",
           asc_event_log_get_n_appended (asc_actor_get_event_log (actor)));
  g_print ("peak_rss_kb=%ld\n", peak_rss_kb ());
  g_print ("ui_p99_ms=%.2f\n", percentile_ms (probe.lateness_us, 0.99));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (probe.lateness_us);
  g_array_unref (probe.busy_us);
  return 0;
}
