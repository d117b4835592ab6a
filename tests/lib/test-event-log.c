/* test-event-log.c: the bounded, batched event log
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

typedef struct
{
  GArray *changes;   /* triples: position, removed, added */
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (recorder->changes, triple, 3);
}

static void
append_named (AscEventLog *log,
              const char  *name)
{
  g_autoptr(AscEvent) event = asc_event_new (ASC_EVENT_KIND_EVENT, name, NULL, NULL);

  asc_event_log_append (log, event);
}

static char *
names (AscEventLog *log)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      g_autoptr(AscEvent) event = g_list_model_get_item (G_LIST_MODEL (log), i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", asc_event_get_name (event));
    }

  return g_string_free (text, FALSE);
}

static void
test_appends_in_batches (void)
{
  AscEventLog *log = asc_event_log_new (10);
  Recorder recorder = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autofree char *text = NULL;

  g_signal_connect (log, "items-changed", G_CALLBACK (items_changed_cb), &recorder);
  append_named (log, "a");
  append_named (log, "b");
  append_named (log, "c");

  /* Captured, counted, but not yet shown. */
  g_assert_cmpuint (asc_event_log_get_n_appended (log), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
  g_assert_cmpuint (recorder.changes->len, ==, 0);

  asc_event_log_flush (log);
  text = names (log);
  g_assert_cmpstr (text, ==, "a b c");
  g_assert_cmpuint (recorder.changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 2), ==, 3);

  g_signal_handlers_disconnect_by_data (log, &recorder);
  g_array_unref (recorder.changes);
  g_assert_finalize_object (log);
}

static gboolean
log_has_n (gpointer user_data)
{
  return g_list_model_get_n_items (user_data) == 2;
}

static void
test_flushes_by_itself (void)
{
  AscEventLog *log = asc_event_log_new (10);

  append_named (log, "a");
  append_named (log, "b");
  g_assert_true (asc_test_wait_until (log_has_n, log, 2000));
  g_assert_finalize_object (log);
}

static void
test_drops_oldest (void)
{
  AscEventLog *log = asc_event_log_new (3);
  Recorder recorder = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  static const guint expected[] = { 0, 0, 3,    0, 2, 0,    1, 0, 2 };
  g_autofree char *text = NULL;

  append_named (log, "a");
  append_named (log, "b");
  append_named (log, "c");
  asc_event_log_flush (log);
  g_signal_connect (log, "items-changed", G_CALLBACK (items_changed_cb), &recorder);
  append_named (log, "d");
  append_named (log, "e");
  asc_event_log_flush (log);

  text = names (log);
  g_assert_cmpstr (text, ==, "c d e");
  g_assert_cmpuint (asc_event_log_get_n_dropped (log), ==, 2);
  g_assert_cmpuint (recorder.changes->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (g_array_index (recorder.changes, guint, i), ==, expected[i + 3]);

  g_signal_handlers_disconnect_by_data (log, &recorder);
  g_array_unref (recorder.changes);
  g_assert_finalize_object (log);
}

static void
test_stays_bounded_under_a_flood (void)
{
  AscEventLog *log = asc_event_log_new (100);
  g_autofree char *text = NULL;
  g_autoptr(AscEvent) last = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *name = g_strdup_printf ("e%u", i);

      append_named (log, name);
      if (i % 7777 == 0)
        asc_event_log_flush (log);
    }
  asc_event_log_flush (log);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 100);
  g_assert_cmpuint (asc_event_log_get_n_appended (log), ==, 100000);
  g_assert_cmpuint (asc_event_log_get_n_dropped (log), ==, 100000 - 100);
  last = g_list_model_get_item (G_LIST_MODEL (log), 99);
  g_assert_cmpstr (asc_event_get_name (last), ==, "e99999");
  g_assert_finalize_object (log);
}

static void
test_capacity_shrinks_and_grows (void)
{
  AscEventLog *log = asc_event_log_new (5);
  g_autofree char *shrunk = NULL, *grown = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", i);

      append_named (log, name);
    }
  asc_event_log_set_capacity (log, 2);
  shrunk = names (log);
  g_assert_cmpstr (shrunk, ==, "3 4");

  asc_event_log_set_capacity (log, 4);
  append_named (log, "5");
  append_named (log, "6");
  append_named (log, "7");
  asc_event_log_flush (log);
  grown = names (log);
  g_assert_cmpstr (grown, ==, "4 5 6 7");
  g_assert_finalize_object (log);
}

static void
test_clear_drops_pending_too (void)
{
  AscEventLog *log = asc_event_log_new (5);

  append_named (log, "a");
  asc_event_log_flush (log);
  append_named (log, "b");
  asc_event_log_clear (log);
  asc_event_log_flush (log);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
  g_assert_finalize_object (log);
}

static void
test_exports_json_lines (void)
{
  AscEventLog *log = asc_event_log_new (5);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonNode) payload = asc_test_json_parse ("{\"by\":1,\"text\":\"a\\nb\"}");
  g_autoptr(AscEvent) event = asc_event_new (ASC_EVENT_KIND_EVENT, "bumped", payload, NULL);
  g_autoptr(AscEvent) gap = asc_event_new (ASC_EVENT_KIND_GAP, NULL, NULL, "Reconnected");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) first = NULL, second = NULL;
  char *data;

  asc_event_log_append (log, event);
  asc_event_log_append (log, gap);
  g_assert_true (asc_event_log_write_json_lines (log, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  lines = g_strsplit (data, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  first = asc_test_json_parse (lines[0]);
  second = asc_test_json_parse (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "kind"), ==, "event");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "name"), ==, "bumped");
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (first), "payload"), payload));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_node_get_object (first), "time"), "Z"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second), "kind"), ==, "gap");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second), "text"), ==, "Reconnected");
  g_assert_finalize_object (log);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/event-log/appends-in-batches", test_appends_in_batches);
  g_test_add_func ("/asc/event-log/flushes-by-itself", test_flushes_by_itself);
  g_test_add_func ("/asc/event-log/drops-oldest", test_drops_oldest);
  g_test_add_func ("/asc/event-log/stays-bounded-under-a-flood", test_stays_bounded_under_a_flood);
  g_test_add_func ("/asc/event-log/capacity-shrinks-and-grows", test_capacity_shrinks_and_grows);
  g_test_add_func ("/asc/event-log/clear-drops-pending-too", test_clear_drops_pending_too);
  g_test_add_func ("/asc/event-log/exports-json-lines", test_exports_json_lines);

  return g_test_run ();
}
