/* test-rivet-ui.c: the real window against a real RivetKit server, step by
 * step, with a screenshot of each step
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "asc-application.h"
#include "asc-connection-item.h"
#include "asc-create-actor-dialog.h"
#include "asc-form.h"
#include "asc-state-cell.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"
#include "asc-ui-test-util.h"
#include "asc-window.h"

#define SERVER_SCRIPT "servers/rivet/server.mjs"
#define WAIT_MS 20000
/* sleepy sleeps 2 s after its last connection; the sidebar lists again
 * every REFRESH_MS. */
#define SLEEP_WAIT_MS 30000
#define REFRESH_MS 500

static AscTestNodeServer *server;

typedef struct
{
  AscApplication *app;
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

static AscServerSession *
first_session (AscWindow *window)
{
  g_autoptr(GObject) item = g_list_model_get_item (asc_window_get_sessions (window), 0);

  return item != NULL ? asc_sidebar_item_get_session (ASC_SIDEBAR_ITEM (item)) : NULL;
}

static gboolean
client_connected (gpointer user_data)
{
  AscServerSession *session = first_session (user_data);

  return session != NULL &&
         asc_client_get_status (asc_server_session_get_client (session)) == ASC_CLIENT_STATUS_CONNECTED;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AscServerConfig) config = asc_server_config_new ();

  fixture->app = get_application ();
  fixture->window = g_object_ref (asc_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  asc_ui_wait_laid_out (GTK_WIDGET (fixture->window));

  config->url = g_strdup (asc_test_node_server_get_url (server));
  config->kind = ASC_CLIENT_KIND_RIVET;
  config->catalog = g_test_build_filename (G_TEST_DIST, "servers", "rivet", "catalog.json", NULL);
  asc_window_connect (fixture->window, config);
  g_assert_true (asc_test_wait_until (client_connected, fixture->window, WAIT_MS));
  asc_client_set_call_timeout (asc_server_session_get_client (first_session (fixture->window)),
                               15000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  asc_test_drain ();
  g_assert_finalize_object (fixture->window);
}

/* The sidebar row of a type, or of one of its instances when @key is set. */
static AscSidebarItem *
find_row (AscWindow  *window,
          const char *type_name,
          const char *key)
{
  AscServerSession *session = first_session (window);
  GListModel *types = G_LIST_MODEL (asc_sidebar_item_get_children (asc_server_session_get_item (session)));

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(AscSidebarItem) type_item = g_list_model_get_item (types, i);
      GListModel *instances = G_LIST_MODEL (asc_sidebar_item_get_children (type_item));

      if (g_strcmp0 (asc_sidebar_item_get_title (type_item), type_name) != 0)
        continue;
      if (key == NULL)
        return type_item;

      for (guint j = 0; j < g_list_model_get_n_items (instances); j++)
        {
          g_autoptr(AscSidebarItem) item = g_list_model_get_item (instances, j);

          if (asc_sidebar_item_get_actor (item) != NULL &&
              g_strcmp0 (asc_sidebar_item_get_title (item), key) == 0)
            return item;
        }
    }

  return NULL;
}

typedef struct
{
  AscWindow  *window;
  const char *type_name;
  const char *key;
  const char *status;
} RowWait;

static gboolean
row_listed (gpointer user_data)
{
  RowWait *wait = user_data;
  AscSidebarItem *item = find_row (wait->window, wait->type_name, wait->key);

  return item != NULL &&
         (wait->status == NULL || g_strcmp0 (asc_sidebar_item_get_status (item), wait->status) == 0);
}

/* Makes an actor exist on the engine, as another program would. */
static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static void
call_elsewhere (const char *type_name,
                const char *key,
                const char *method,
                const char *args_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AscClient) client = asc_client_new (asc_test_node_server_get_url (server),
                                                ASC_CLIENT_KIND_RIVET, &error);
  g_autoptr(JsonNode) args = asc_test_json_parse (args_json);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) output = NULL;
  AscActor *actor;

  g_assert_no_error (error);
  asc_client_set_call_timeout (client, 15000);
  actor = asc_client_get_actor (client, type_name, key);
  asc_actor_call_async (actor, method, args, NULL, called_cb, &result);
  g_assert_true (asc_test_wait_until (result_ready, &result, WAIT_MS));
  output = asc_actor_call_finish (actor, result, &error);
  g_assert_no_error (error);
  asc_client_close (client);
}

/* Selects a listed actor the way a user does: its row in the sidebar. */
static AscActor *
select_listed (Fixture    *fixture,
               const char *type_name,
               const char *key)
{
  RowWait wait = { fixture->window, type_name, key, NULL };
  AscSidebarItem *item;

  g_assert_true (asc_test_wait_until (row_listed, &wait, WAIT_MS));
  item = find_row (fixture->window, type_name, key);
  g_assert_true (asc_window_select_item (fixture->window, item));
  g_assert_cmpstr (asc_window_get_visible_page (fixture->window), ==, "actor");
  return asc_actor_page_get_actor (asc_window_get_actor_page (fixture->window));
}

static void
show_tab (Fixture    *fixture,
          const char *name)
{
  AscActorPage *page = asc_window_get_actor_page (fixture->window);

  adw_view_stack_set_visible_child_name (asc_actor_page_get_view_stack (page), name);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (asc_actor_page_get_view_stack (page)),
                   ==, name);
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
is_highlighted_cell_with_text (GtkWidget *widget,
                               gpointer   user_data)
{
  return is_cell_with_text (widget, user_data) &&
         asc_state_cell_get_highlighted (ASC_STATE_CELL (widget));
}

static gboolean
highlighted_cell_shows (gpointer user_data)
{
  CellSearch *search = user_data;

  return asc_ui_find_widget (search->root, is_highlighted_cell_with_text,
                             (gpointer) search->text) != NULL;
}

static void
assert_state_shows (Fixture    *fixture,
                    const char *text)
{
  AscStateView *view = asc_actor_page_get_state_view (asc_window_get_actor_page (fixture->window));
  CellSearch search = { GTK_WIDGET (view), text };

  g_assert_true (asc_test_wait_until (cell_shows, &search, WAIT_MS));
}

static gboolean
result_has (gpointer user_data)
{
  AscActionView *view = user_data;
  g_autofree char *text = asc_action_view_dup_result_text (view);
  const char *wanted = g_object_get_data (G_OBJECT (view), "wanted");

  return text != NULL && strstr (text, wanted) != NULL;
}

static void
wait_result (AscActionView *view,
             const char    *wanted)
{
  g_object_set_data_full (G_OBJECT (view), "wanted", g_strdup (wanted), g_free);
  g_assert_true (asc_test_wait_until (result_has, view, WAIT_MS));
}

static gboolean
log_has_new_count (gpointer user_data)
{
  GListModel *rows = asc_event_log_view_get_rows (user_data);
  const char *wanted = g_object_get_data (G_OBJECT (user_data), "wanted");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (rows, i);
      g_autofree char *payload = NULL;

      if (asc_event_get_kind (event) != ASC_EVENT_KIND_EVENT ||
          g_strcmp0 (asc_event_get_name (event), "newCount") != 0)
        continue;
      payload = json_to_string (asc_event_get_payload (event), FALSE);
      if (strstr (payload, wanted) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_state_actions_and_events (Fixture       *fixture,
                               gconstpointer  data)
{
  AscActorPage *page;
  AscActionView *action_view;
  AscEventLogView *log_view;
  GtkWidget *spin;
  CellSearch changed;

  /* Another program made the actor: the engine's list brings it. */
  call_elsewhere ("counter", "ui-counter", "increment", "[2]");
  select_listed (fixture, "counter", "ui-counter");
  page = asc_window_get_actor_page (fixture->window);
  assert_state_shows (fixture, "count");
  assert_state_shows (fixture, "2");
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-state");

  show_tab (fixture, "actions");
  action_view = asc_actor_page_get_action_view (page);
  asc_action_view_select_method (action_view, "increment");

  /* Checked against the catalog's schema before anything is sent. */
  asc_action_view_set_args_text (action_view, "[\"lots\"]");
  g_assert_nonnull (asc_action_view_get_problem (action_view));
  g_assert_nonnull (strstr (asc_action_view_get_problem (action_view), "/0"));
  asc_ui_flush ();
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-actions-invalid");

  /* Back to a number, the form shows its number field again: through it
   * the arguments become valid. */
  asc_action_view_set_args_text (action_view, "[1]");
  asc_ui_flush ();
  spin = asc_ui_find_of_type (GTK_WIDGET (asc_ui_find_of_type (GTK_WIDGET (action_view),
                                                               ASC_TYPE_FORM)),
                              GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  g_assert_null (asc_action_view_get_problem (action_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (action_view), "actions.invoke", NULL));
  wait_result (action_view, "7");
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-actions-result");

  show_tab (fixture, "state");
  changed.root = GTK_WIDGET (asc_actor_page_get_state_view (page));
  changed.text = "7";
  g_assert_true (asc_test_wait_until (highlighted_cell_shows, &changed, WAIT_MS));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-state-changed");

  show_tab (fixture, "events");
  log_view = asc_actor_page_get_event_log_view (page);
  g_object_set_data_full (G_OBJECT (log_view), "wanted", g_strdup ("7"), g_free);
  g_assert_true (asc_test_wait_until (log_has_new_count, log_view, WAIT_MS));
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-events");
}

static gboolean
has_connections (gpointer user_data)
{
  return g_list_model_get_n_items (asc_connections_view_get_model (user_data)) > 0;
}

static gboolean
tab_is_visible (Fixture    *fixture,
                const char *name)
{
  AdwViewStack *stack = asc_actor_page_get_view_stack (asc_window_get_actor_page (fixture->window));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, name));

  return adw_view_stack_page_get_visible (page);
}

static void
test_connections_tab_lists_connections (Fixture       *fixture,
                                        gconstpointer  data)
{
  AscConnectionsView *view;
  g_autoptr(AscConnectionItem) item = NULL;

  call_elsewhere ("counter", "ui-connections", "increment", "[1]");
  select_listed (fixture, "counter", "ui-connections");
  g_assert_true (tab_is_visible (fixture, "connections"));
  show_tab (fixture, "connections");
  view = asc_actor_page_get_connections_view (asc_window_get_actor_page (fixture->window));

  /* The page's own event connection is one of them. */
  g_assert_true (asc_test_wait_until (has_connections, view, WAIT_MS));
  g_assert_cmpstr (asc_connections_view_get_shown (view), ==, "list");
  item = g_list_model_get_item (asc_connections_view_get_model (view), 0);
  g_assert_cmpuint (strlen (asc_connection_item_get_id (item)), >, 0);
  asc_ui_flush ();
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-connections");
}

static AscCreateActorDialog *
open_create_dialog (Fixture *fixture)
{
  AscCreateActorDialog *dialog;

  g_assert_true (asc_window_select_item (fixture->window, find_row (fixture->window, "counter", NULL)));
  g_assert_cmpstr (asc_window_get_visible_page (fixture->window), ==, "type");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-actor", NULL));
  asc_ui_flush ();
  dialog = ASC_CREATE_ACTOR_DIALOG (asc_ui_find_toplevel (ASC_TYPE_CREATE_ACTOR_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  asc_ui_wait_laid_out (GTK_WIDGET (dialog));
  return dialog;
}

static gboolean
dialog_gone (gpointer user_data)
{
  return asc_ui_find_toplevel (ASC_TYPE_CREATE_ACTOR_DIALOG) == NULL;
}

static gboolean
dialog_not_busy (gpointer user_data)
{
  return !asc_create_actor_dialog_get_busy (user_data);
}

static void
test_create_actor_through_the_dialog (Fixture       *fixture,
                                      gconstpointer  data)
{
  AscCreateActorDialog *dialog = open_create_dialog (fixture);
  AscActor *actor;

  asc_create_actor_dialog_set_key (dialog, "ui-created");
  asc_create_actor_dialog_set_input (dialog, "{\"count\": ");
  g_assert_nonnull (strstr (asc_create_actor_dialog_get_problem (dialog), "not valid JSON"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL) &&
                  asc_create_actor_dialog_get_busy (dialog));
  asc_ui_flush ();
  asc_ui_save_screenshot (GTK_WIDGET (dialog), "rivet-create-invalid");

  asc_create_actor_dialog_set_input (dialog, "{\"count\": 40}");
  g_assert_null (asc_create_actor_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  g_assert_true (asc_test_wait_until (dialog_gone, NULL, WAIT_MS));

  /* The new actor is in the sidebar, selected, with its input's count. */
  g_assert_cmpstr (asc_window_get_visible_page (fixture->window), ==, "actor");
  actor = asc_actor_page_get_actor (asc_window_get_actor_page (fixture->window));
  g_assert_cmpstr (asc_actor_get_type_name (actor), ==, "counter");
  g_assert_cmpstr (asc_actor_get_key (actor), ==, "ui-created");
  g_assert_nonnull (find_row (fixture->window, "counter", "ui-created"));
  assert_state_shows (fixture, "40");
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-created");

  /* The same key again: said in the dialog, which stays open. */
  dialog = open_create_dialog (fixture);
  asc_create_actor_dialog_set_key (dialog, "ui-created");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  g_assert_true (asc_test_wait_until (dialog_not_busy, dialog, WAIT_MS));
  g_assert_nonnull (asc_create_actor_dialog_get_problem (dialog));
  g_assert_nonnull (strstr (asc_create_actor_dialog_get_problem (dialog), "already exists"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  asc_ui_flush ();
  asc_ui_save_screenshot (GTK_WIDGET (dialog), "rivet-create-duplicate");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_sleeping_actor_is_shown_sleeping (Fixture       *fixture,
                                       gconstpointer  data)
{
  RowWait asleep = { fixture->window, "sleepy", "ui-sleepy", "Sleeping" };
  AscActor *actor;

  call_elsewhere ("sleepy", "ui-sleepy", "ping", "[]");
  actor = select_listed (fixture, "sleepy", "ui-sleepy");
  assert_state_shows (fixture, "pings");
  g_assert_cmpint (asc_actor_get_status (actor), ==, ASC_ACTOR_STATUS_AWAKE);

  /* Looking elsewhere lets it sleep; the sidebar learns it from the
   * engine's list. */
  asc_server_session_set_refresh_interval (first_session (fixture->window), REFRESH_MS);
  g_assert_true (asc_window_select_item (fixture->window, find_row (fixture->window, "sleepy", NULL)));
  g_assert_true (asc_test_wait_until (row_listed, &asleep, SLEEP_WAIT_MS));
  g_assert_cmpint (asc_actor_get_status (actor), ==, ASC_ACTOR_STATUS_SLEEPING);
  g_assert_cmpstr (asc_sidebar_item_get_icon_name (find_row (fixture->window, "sleepy", "ui-sleepy")),
                   ==, "weather-clear-night-symbolic");
  asc_ui_save_screenshot (GTK_WIDGET (fixture->window), "rivet-sleeping");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  /* Long enough to be seen after the call returns on a busy machine. */
  asc_state_cell_set_highlight_ms (8000);

  server = asc_test_node_server_start (SERVER_SCRIPT, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/asc/rivet-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("state-actions-and-events", test_state_actions_and_events);
  ADD ("connections/lists-the-connections", test_connections_tab_lists_connections);
  ADD ("create/through-the-dialog", test_create_actor_through_the_dialog);
  ADD ("sleep/shown-sleeping", test_sleeping_actor_is_shown_sleeping);

  status = g_test_run ();
  asc_test_node_server_free (server);
  return status;
}
