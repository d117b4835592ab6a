/* test-demo-ui.c: the real window on the built-in demo server, step by step,
 * with a screenshot of each step
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "asc-application.h"
#include "asc-demo-server.h"
#include "asc-state-cell.h"
#include "asc-test-util.h"
#include "asc-ui-test-util.h"
#include "asc-window.h"

typedef struct
{
  AscApplication *app;
  AscDemoServer  *demo;
  AscWindow      *window;
} Fixture;

static AscApplication *
get_application (void)
{
  static AscApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = asc_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return app;
}

static gboolean
has_sessions (gpointer user_data)
{
  AscWindow *window = user_data;

  return g_list_model_get_n_items (asc_window_get_sessions (window)) > 0;
}

static AscClient *
first_client (AscWindow *window)
{
  g_autoptr(GObject) item = g_list_model_get_item (asc_window_get_sessions (window), 0);
  AscServerSession *session = asc_sidebar_item_get_session (ASC_SIDEBAR_ITEM (item));

  return asc_server_session_get_client (session);
}

static gboolean
client_connected (gpointer user_data)
{
  return asc_client_get_status (first_client (user_data)) == ASC_CLIENT_STATUS_CONNECTED;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AscServerConfig) config = asc_server_config_new ();
  g_autoptr(GError) error = NULL;

  fixture->app = get_application ();
  fixture->demo = asc_demo_server_new ();
  asc_demo_server_set_tick_interval (fixture->demo, 300);
  g_assert_true (asc_demo_server_start (fixture->demo, &error));
  g_assert_no_error (error);

  fixture->window = g_object_ref (asc_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  asc_ui_wait_laid_out (GTK_WIDGET (fixture->window));

  config->url = g_strdup (asc_demo_server_get_url (fixture->demo));
  config->kind = ASC_CLIENT_KIND_ZOCKET;
  config->catalog = g_strdup (asc_demo_server_get_catalog_url (fixture->demo));
  asc_window_connect (fixture->window, config);
  g_assert_true (asc_test_wait_until (has_sessions, fixture->window, 10000));
  g_assert_true (asc_test_wait_until (client_connected, fixture->window, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  asc_demo_server_stop (fixture->demo);
  asc_test_drain ();
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->demo);
}

static AscActor *
open_actor (Fixture    *fixture,
            const char *type_name,
            const char *key)
{
  AscActorPage *page;

  g_assert_true (asc_window_select_instance (fixture->window, type_name, key));
  g_assert_cmpstr (asc_window_get_visible_page (fixture->window), ==, "actor");
  page = asc_window_get_actor_page (fixture->window);
  return asc_actor_page_get_actor (page);
}

static gboolean
store_has_document (gpointer user_data)
{
  return asc_state_store_get_document (user_data) != NULL;
}

static void
show_tab (Fixture    *fixture,
          const char *name)
{
  AscActorPage *page = asc_window_get_actor_page (fixture->window);

  adw_view_stack_set_visible_child_name (asc_actor_page_get_view_stack (page), name);
  asc_ui_flush ();
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} CellSearch;

static gboolean
is_cell_with_text (GtkWidget *widget,
                   gpointer   user_data)
{
  return ASC_IS_STATE_CELL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (asc_state_cell_get_text (ASC_STATE_CELL (widget)), user_data) == 0;
}

static gboolean
cell_shows (gpointer user_data)
{
  CellSearch *search = user_data;

  return asc_ui_find_widget (search->root, is_cell_with_text, (gpointer) search->text) != NULL;
}

static gboolean
is_highlighted_cell (GtkWidget *widget,
                     gpointer   user_data)
{
  return ASC_IS_STATE_CELL (widget) && gtk_widget_get_mapped (widget) &&
         asc_state_cell_get_highlighted (ASC_STATE_CELL (widget));
}

static gboolean
some_cell_highlighted (gpointer user_data)
{
  return asc_ui_find_widget (user_data, is_highlighted_cell, NULL) != NULL;
}

static void
test_state_tree_shows_live_values (Fixture       *fixture,
                                   gconstpointer  data)
{
  AscActor *actor = open_actor (fixture, "sensors", "board-1");
  AscStateView *view = asc_actor_page_get_state_view (asc_window_get_actor_page (fixture->window));
  CellSearch search = { GTK_WIDGET (view), "rooms" };

  AdwViewStack *stack = asc_actor_page_get_view_stack (asc_window_get_actor_page (fixture->window));

  g_assert_true (asc_test_wait_until (store_has_document, asc_actor_get_state_store (actor), 8000));
  g_assert_true (asc_test_wait_until (cell_shows, &search, 8000));

  /* Zocket has no inspector that lists connections: no such tab. */
  g_assert_false (adw_view_stack_page_get_visible (
    adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "connections"))));

  /* The sensors drift every tick: some row lights up. */
  g_assert_true (asc_test_wait_until (some_cell_highlighted, view, 8000));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-state");
}

static gboolean
history_has_n (gpointer user_data)
{
  AscStateStore *store = user_data;

  return g_list_model_get_n_items (asc_state_store_get_history (store)) >= 4;
}

static void
test_time_travel_shows_earlier_state (Fixture       *fixture,
                                      gconstpointer  data)
{
  AscActor *actor = open_actor (fixture, "counter", "main");
  AscStateView *view = asc_actor_page_get_state_view (asc_window_get_actor_page (fixture->window));
  AscStateStore *store = asc_actor_get_state_store (actor);

  g_assert_true (asc_test_wait_until (history_has_n, store, 10000));
  asc_state_view_travel_to (view, 0);
  g_assert_true (asc_state_view_get_travelling (view));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-time-travel");

  asc_state_view_return_to_live (view);
  g_assert_false (asc_state_view_get_travelling (view));
}

static gboolean
log_has_rows (gpointer user_data)
{
  return g_list_model_get_n_items (asc_event_log_view_get_rows (user_data)) >= 3;
}

static gboolean
pending_grows (gpointer user_data)
{
  return asc_event_log_view_get_n_pending (user_data) >= 2;
}

static void
test_event_log_pauses_and_resumes (Fixture       *fixture,
                                   gconstpointer  data)
{
  AscEventLogView *log_view;
  guint shown;

  open_actor (fixture, "chat", "lobby");
  show_tab (fixture, "events");
  log_view = asc_actor_page_get_event_log_view (asc_window_get_actor_page (fixture->window));
  g_assert_true (asc_test_wait_until (log_has_rows, log_view, 10000));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-events");

  asc_event_log_view_set_paused (log_view, TRUE);
  shown = g_list_model_get_n_items (asc_event_log_view_get_rows (log_view));
  g_assert_true (asc_test_wait_until (pending_grows, log_view, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (asc_event_log_view_get_rows (log_view)), ==, shown);
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-events-paused");

  asc_event_log_view_set_paused (log_view, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (asc_event_log_view_get_rows (log_view)), >, shown);
  g_assert_cmpuint (asc_event_log_view_get_n_pending (log_view), ==, 0);
}

static gboolean
result_has (gpointer user_data)
{
  AscActionView *view = user_data;
  g_autofree char *text = asc_action_view_dup_result_text (view);
  const char *wanted = g_object_get_data (G_OBJECT (view), "wanted");

  return strstr (text, wanted) != NULL;
}

static void
wait_result (AscActionView *view,
             const char    *wanted)
{
  g_object_set_data_full (G_OBJECT (view), "wanted", g_strdup (wanted), g_free);
  g_assert_true (asc_test_wait_until (result_has, view, 8000));
}

static gboolean
is_invoke_button (GtkWidget *widget,
                  gpointer   user_data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "actions.invoke") == 0;
}

/* The calls the actor's log has seen: none is made while input is invalid. */
static guint
count_calls (AscActor *actor)
{
  GListModel *log;
  guint count = 0;

  asc_event_log_flush (asc_actor_get_event_log (actor));
  log = G_LIST_MODEL (asc_actor_get_event_log (actor));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      count += asc_event_get_kind (event) == ASC_EVENT_KIND_CALL;
    }
  return count;
}

static void
test_actions_invoke_with_errors_and_results (Fixture       *fixture,
                                             gconstpointer  data)
{
  AscActionView *view;
  g_autofree char *command = NULL;
  GtkWidget *invoke_button;
  AscActor *actor;
  guint n_calls;

  open_actor (fixture, "counter", "ui-test");
  show_tab (fixture, "actions");
  view = asc_actor_page_get_action_view (asc_window_get_actor_page (fixture->window));
  asc_action_view_select_method (view, "add");

  asc_action_view_set_args_text (view, "{\"amount\": ");
  g_assert_nonnull (asc_action_view_get_problem (view));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-actions-invalid");

  /* Checked against the catalog's schema: it never reaches the server. */
  asc_action_view_set_args_text (view, "{\"amount\": \"lots\"}");
  g_assert_nonnull (strstr (asc_action_view_get_problem (view), "/amount"));
  invoke_button = asc_ui_find_widget (GTK_WIDGET (view), is_invoke_button, NULL);
  g_assert_nonnull (invoke_button);
  g_assert_false (gtk_widget_is_sensitive (invoke_button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (invoke_button), "/amount"));
  actor = asc_actor_page_get_actor (asc_window_get_actor_page (fixture->window));
  n_calls = count_calls (actor);
  gtk_widget_activate_action (GTK_WIDGET (view), "actions.invoke", NULL);
  asc_ui_flush ();
  g_assert_cmpuint (count_calls (actor), ==, n_calls);
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-actions-rejected");

  /* A method the server does not know: its error comes back structured. */
  asc_action_view_select_method (view, "doesNotExist");
  gtk_widget_activate_action (GTK_WIDGET (view), "actions.invoke", NULL);
  wait_result (view, "UNKNOWN_ACTION");

  asc_action_view_select_method (view, "add");

  asc_action_view_set_args_text (view, "{\"amount\": 5}");
  g_assert_null (asc_action_view_get_problem (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "actions.invoke", NULL);
  wait_result (view, "5");
  command = asc_action_view_dup_command (view);
  g_assert_nonnull (strstr (command, "actorscope-cli --server ws://127.0.0.1:"));
  g_assert_nonnull (strstr (command, " call counter ui-test add '{\"amount\":5}'"));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-actions-result");
}

static gboolean
client_reconnecting (gpointer user_data)
{
  return asc_client_get_status (first_client (user_data)) == ASC_CLIENT_STATUS_RECONNECTING;
}

static gboolean
log_has_gap (gpointer user_data)
{
  GListModel *log = user_data;

  asc_event_log_flush (ASC_EVENT_LOG (log));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (log, i);

      if (asc_event_get_kind (event) == ASC_EVENT_KIND_GAP)
        return TRUE;
    }
  return FALSE;
}

static void
test_server_restart_shows_reconnecting_then_gap (Fixture       *fixture,
                                                 gconstpointer  data)
{
  AscActor *actor = open_actor (fixture, "counter", "main");
  g_autoptr(GError) error = NULL;

  show_tab (fixture, "events");
  g_assert_true (asc_test_wait_until (store_has_document, asc_actor_get_state_store (actor), 8000));

  asc_demo_server_stop (fixture->demo);
  g_assert_true (asc_test_wait_until (client_reconnecting, fixture->window, 8000));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-reconnecting");

  /* The restarted demo takes its old port back: the client returns by
   * itself, fetches a fresh snapshot and marks the gap in the log. */
  g_assert_true (asc_demo_server_start (fixture->demo, &error));
  g_assert_no_error (error);
  g_assert_true (asc_test_wait_until (client_connected, fixture->window, 10000));
  g_assert_true (asc_test_wait_until (log_has_gap, asc_actor_get_event_log (actor), 10000));
  g_assert_true (asc_test_wait_until (store_has_document, asc_actor_get_state_store (actor), 8000));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "demo-reconnected-gap");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  asc_state_cell_set_highlight_ms (4000);

#define ADD(path, func) \
  g_test_add ("/asc/demo-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("state/tree-shows-live-values", test_state_tree_shows_live_values);
  ADD ("state/time-travel-shows-earlier-state", test_time_travel_shows_earlier_state);
  ADD ("events/pause-and-resume", test_event_log_pauses_and_resumes);
  ADD ("actions/invoke-with-errors-and-results", test_actions_invoke_with_errors_and_results);
  ADD ("connection/server-stop-shows-reconnecting", test_server_restart_shows_reconnecting_then_gap);

  return g_test_run ();
}
