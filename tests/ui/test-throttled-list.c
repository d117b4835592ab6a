/* test-throttled-list.c: the list model that updates views at most once per
 * interval, the state cell that marks a busy value without restyling for
 * every change, and the event log view that builds no rows while hidden
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "asc-event-log-view.h"
#include "asc-state-cell.h"
#include "asc-ui-test-util.h"
#include "asc-test-util.h"
#include "asc-throttled-list.h"

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GString    *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

static GListStore *
store_with (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_MENU_ITEM);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_list_store_append (store, item);
    }
  return store;
}

static void
assert_same_items (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      g_assert_true (x == y);
    }
}

static void
test_ring_changes_pass_as_two_ranges (void)
{
  g_autoptr(GListStore) source = store_with (5);
  g_autoptr(AscThrottledList) list = asc_throttled_list_new (G_LIST_MODEL (source), 1000);
  g_autoptr(GListStore) extra = store_with (3);
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (list, "items-changed", G_CALLBACK (record_cb), log);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (extra), i);

      g_list_store_remove (source, 0);
      g_list_store_append (source, item);
    }

  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  asc_throttled_list_flush (list);
  g_assert_cmpstr (log->str, ==, "(0,3,0)(2,0,3)");
  assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (source));
}

static void
test_other_changes_replace_everything (void)
{
  g_autoptr(GListStore) source = store_with (5);
  g_autoptr(AscThrottledList) list = asc_throttled_list_new (G_LIST_MODEL (source), 1000);
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (list, "items-changed", G_CALLBACK (record_cb), log);
  g_list_store_remove (source, 2);
  asc_throttled_list_flush (list);
  g_assert_cmpstr (log->str, ==, "(0,5,4)");
  assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (source));
}

static void
test_churn_faster_than_updates (void)
{
  g_autoptr(GListStore) source = store_with (2);
  g_autoptr(AscThrottledList) list = asc_throttled_list_new (G_LIST_MODEL (source), 1000);
  g_autoptr(GListStore) extra = store_with (6);

  /* More dropped than the view ever held: still consistent. */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (extra), i);

      g_list_store_append (source, item);
      g_list_store_remove (source, 0);
    }
  asc_throttled_list_flush (list);
  assert_same_items (G_LIST_MODEL (list), G_LIST_MODEL (source));
}

static gboolean
has_n (gpointer user_data)
{
  return g_list_model_get_n_items (user_data) == 3;
}

static void
test_updates_by_itself (void)
{
  g_autoptr(GListStore) source = store_with (1);
  g_autoptr(AscThrottledList) list = asc_throttled_list_new (G_LIST_MODEL (source), 20);
  g_autoptr(GListStore) extra = store_with (2);
  g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (extra), 0);
  g_autoptr(GObject) second = g_list_model_get_item (G_LIST_MODEL (extra), 1);

  g_list_store_append (source, first);
  g_list_store_append (source, second);
  g_assert_true (asc_test_wait_until (has_n, list, 2000));
}

/* State cells */

#define HIGHLIGHT_MS 300

static AscStateStore *
store_with_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  AscStateStore *store = asc_state_store_new ();

  g_assert_nonnull (node);
  asc_state_store_reset (store, node);
  return store;
}

static void
apply_json (AscStateStore *store,
            const char    *text)
{
  g_autoptr(JsonNode) patch = json_from_string (text, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (asc_state_store_apply (store, patch, &error));
  g_assert_no_error (error);
}

static GtkWidget *
cell_for (AscStateNode     *node,
          AscStateCellRole  role)
{
  GtkWidget *cell = g_object_new (ASC_TYPE_STATE_CELL, "role", role, NULL);

  g_object_ref_sink (cell);
  asc_state_cell_set_node (ASC_STATE_CELL (cell), node);
  return cell;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static gboolean
not_highlighted (gpointer user_data)
{
  return !asc_state_cell_get_highlighted (user_data);
}

/* A value changed again and again while marked keeps its mark, without its
 * styles being touched, and the mark goes a full highlight after the last
 * change. The marker dot, not colour alone, says it changed. */
static void
test_cell_mark_outlasts_the_last_change (void)
{
  g_autoptr(AscStateStore) store = store_with_json ("{\"a\":1,\"o\":{\"b\":2}}");
  AscStateNode *root = asc_state_store_get_root (store);
  GtkWidget *key = cell_for (asc_state_node_lookup (root, "a"), ASC_STATE_CELL_KEY);
  GtkWidget *value = cell_for (asc_state_node_lookup (root, "a"), ASC_STATE_CELL_VALUE);
  GtkWidget *marker = gtk_widget_get_first_child (key);
  guint restyled = 0, highlight_notified = 0;
  gint64 last_change;

  asc_state_cell_set_highlight_ms (HIGHLIGHT_MS);
  g_assert_false (asc_state_cell_get_highlighted (ASC_STATE_CELL (key)));
  g_assert_false (gtk_widget_get_visible (marker));

  apply_json (store, "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":2}]");
  g_assert_true (asc_state_cell_get_highlighted (ASC_STATE_CELL (key)));
  g_assert_true (gtk_widget_has_css_class (key, "changed"));
  g_assert_true (gtk_widget_get_visible (marker));
  g_assert_cmpstr (asc_state_cell_get_text (ASC_STATE_CELL (value)), ==, "2");

  g_signal_connect (key, "notify::css-classes", G_CALLBACK (count_cb), &restyled);
  g_signal_connect (key, "notify::highlighted", G_CALLBACK (count_cb), &highlight_notified);
  for (int i = 3; i < 20; i++)
    {
      g_autofree char *patch = g_strdup_printf ("[{\"op\":\"replace\",\"path\":\"/a\",\"value\":%d}]", i);

      apply_json (store, patch);
    }
  last_change = g_get_monotonic_time ();
  g_assert_cmpuint (restyled, ==, 0);
  g_assert_cmpuint (highlight_notified, ==, 0);
  g_assert_cmpstr (asc_state_cell_get_text (ASC_STATE_CELL (value)), ==, "19");

  g_assert_true (asc_test_wait_until (not_highlighted, key, 5000));
  g_assert_cmpint (g_get_monotonic_time () - last_change, >=, HIGHLIGHT_MS * 1000);
  g_assert_false (gtk_widget_has_css_class (key, "changed"));
  g_assert_false (gtk_widget_get_visible (marker));
  g_assert_cmpuint (restyled, ==, 1);
  g_assert_cmpuint (highlight_notified, ==, 1);
  g_assert_true (asc_test_wait_until (not_highlighted, value, 5000));

  /* The next change marks it again */
  apply_json (store, "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":0}]");
  g_assert_true (asc_state_cell_get_highlighted (ASC_STATE_CELL (key)));
  g_assert_true (gtk_widget_get_visible (marker));

  g_object_unref (key);
  g_object_unref (value);
}

/* A container whose insides changed gets its own mark; a recycled cell
 * shows its new node unmarked. */
static void
test_cell_container_and_recycling (void)
{
  g_autoptr(AscStateStore) store = store_with_json ("{\"a\":1,\"o\":{\"b\":2}}");
  AscStateNode *root = asc_state_store_get_root (store);
  GtkWidget *cell = cell_for (asc_state_node_lookup (root, "o"), ASC_STATE_CELL_KEY);

  asc_state_cell_set_highlight_ms (HIGHLIGHT_MS);
  apply_json (store, "[{\"op\":\"replace\",\"path\":\"/o/b\",\"value\":3}]");
  g_assert_true (asc_state_cell_get_highlighted (ASC_STATE_CELL (cell)));
  g_assert_true (gtk_widget_has_css_class (cell, "changed-inside"));
  g_assert_false (gtk_widget_has_css_class (cell, "changed"));

  asc_state_cell_set_node (ASC_STATE_CELL (cell), asc_state_node_lookup (root, "a"));
  g_assert_false (asc_state_cell_get_highlighted (ASC_STATE_CELL (cell)));
  g_assert_false (gtk_widget_has_css_class (cell, "changed-inside"));
  g_assert_cmpstr (asc_state_cell_get_text (ASC_STATE_CELL (cell)), ==, "a");

  apply_json (store, "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":5}]");
  g_assert_true (gtk_widget_has_css_class (cell, "changed"));
  g_object_unref (cell);
}

/* Event log view */

static void
append_events (AscEventLog *log,
               guint        count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(AscEvent) event = asc_event_new (ASC_EVENT_KIND_EVENT, "tick", NULL, "x");

      asc_event_log_append (log, event);
    }
  asc_event_log_flush (log);
}

static gboolean
is_column_view (GtkWidget *widget,
                gpointer   user_data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

/* A full log drops and appends a batch ten times a second; while another
 * page is shown, its view keeps the rows but builds no row widgets, and
 * shows every entry again when it comes back. */
static void
test_log_view_builds_no_rows_while_hidden (void)
{
  g_autoptr(AscClient) client = asc_client_new ("ws://127.0.0.1:9/", ASC_CLIENT_KIND_ZOCKET, NULL);
  AscActor *actor = asc_client_get_actor (client, "counter", "main");
  AscEventLog *log = asc_actor_get_event_log (actor);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *view = asc_event_log_view_new ();
  GtkColumnView *columns;

  asc_event_log_view_set_actor (ASC_EVENT_LOG_VIEW (view), actor);
  gtk_stack_add_named (GTK_STACK (stack), view, "log");
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("elsewhere"), "other");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  asc_ui_wait_laid_out (view);
  columns = GTK_COLUMN_VIEW (asc_ui_find_widget (view, is_column_view, NULL));
  g_assert_nonnull (columns);

  append_events (log, 50);
  g_assert_nonnull (gtk_column_view_get_model (columns));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), ==, 50);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_null (gtk_column_view_get_model (columns));
  append_events (log, 10);
  g_assert_cmpuint (g_list_model_get_n_items (asc_event_log_view_get_rows (ASC_EVENT_LOG_VIEW (view))), ==, 60);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "log");
  g_assert_nonnull (gtk_column_view_get_model (columns));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (columns))), ==, 60);

  asc_event_log_view_set_actor (ASC_EVENT_LOG_VIEW (view), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_display (void)
{
  g_test_skip ("no display");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    {
      g_test_add_func ("/asc/state-cell/mark-outlasts-the-last-change", test_cell_mark_outlasts_the_last_change);
      g_test_add_func ("/asc/state-cell/container-and-recycling", test_cell_container_and_recycling);
      g_test_add_func ("/asc/event-log-view/builds-no-rows-while-hidden", test_log_view_builds_no_rows_while_hidden);
    }
  else
    g_test_add_func ("/asc/state-cell/needs-a-display", test_no_display);

  g_test_add_func ("/asc/throttled-list/ring-changes-pass-as-two-ranges", test_ring_changes_pass_as_two_ranges);
  g_test_add_func ("/asc/throttled-list/other-changes-replace-everything", test_other_changes_replace_everything);
  g_test_add_func ("/asc/throttled-list/churn-faster-than-updates", test_churn_faster_than_updates);
  g_test_add_func ("/asc/throttled-list/updates-by-itself", test_updates_by_itself);

  return g_test_run ();
}
