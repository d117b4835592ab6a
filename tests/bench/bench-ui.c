/* bench-ui.c: how late the main loop runs while the window shows a large,
 * fully expanded state under a stream of patches and events
 *
 * The peer is a Node load generator (tests/servers/zocket/ui-load-server.mjs):
 * about 10,000 nodes of state, 200 patches/s and 1,000 events/s. A 5 ms
 * timeout measures how late the main loop lets it fire; a frame is 16 ms.
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "asc-application.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"
#include "asc-window.h"

#define PROBE_INTERVAL_MS 5
#define DURATION_SECONDS 20

typedef struct
{
  GArray *lateness_us;
  gint64  expected;
  gint64  end;
  gboolean done;
} Probe;

static gboolean
probe_cb (gpointer user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = MAX (now - probe->expected, 0);

  g_array_append_val (probe->lateness_us, late);
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

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
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
  probe.expected = g_get_monotonic_time () + PROBE_INTERVAL_MS * 1000;
  probe.end = g_get_monotonic_time () + DURATION_SECONDS * G_USEC_PER_SEC;
  g_timeout_add (PROBE_INTERVAL_MS, probe_cb, &probe);
  g_assert_true (asc_test_wait_until (is_done, &probe, (DURATION_SECONDS + 30) * 1000));

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
  return 0;
}
