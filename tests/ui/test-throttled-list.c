/* test-throttled-list.c: the list model that updates views at most once per
 * interval
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/throttled-list/ring-changes-pass-as-two-ranges", test_ring_changes_pass_as_two_ranges);
  g_test_add_func ("/asc/throttled-list/other-changes-replace-everything", test_other_changes_replace_everything);
  g_test_add_func ("/asc/throttled-list/churn-faster-than-updates", test_churn_faster_than_updates);
  g_test_add_func ("/asc/throttled-list/updates-by-itself", test_updates_by_itself);

  return g_test_run ();
}
