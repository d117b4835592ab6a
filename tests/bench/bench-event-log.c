/* bench-event-log.c: the memory an AscEventLog holds per event, and that it
 * stops growing at its capacity
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Appends 100,000 events to a log of the actor's capacity (10,000), each
 * made as the Zocket client makes it: an event frame decoded with
 * asc_zocket_message_parse(), its payload kept by asc_event_new(). The log
 * is flushed every 1,024 events, as the main loop would about every 100 ms.
 *
 * Memory is the heap in use as glibc counts it (mallinfo2(): uordblks plus
 * hblkhd, so mmapped blocks too), minus the same figure before the log was
 * made; GSlice's chunks for GObjects and JsonNodes come from malloc, so they
 * are counted, with their slack. bytes/event divides that by the entries
 * the log holds. The resident set size (VmRSS) delta is printed too; it is
 * coarser (pages) and never shrinks after frees, so it backs the check that
 * the heap stops growing rather than being the figure.
 */

#include "config.h"

#include "actorscope.h"
#include "bench-util.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#define SEED               20260604
#define N_EVENTS           100000
#define CAPACITY           10000
#define FLUSH_EVERY        1024
#define REPORT_EVERY       10000
/* Past twice the capacity, the heap may still move by allocator noise, but
 * not by more than this share. */
#define MAX_GROWTH         0.05

static const char * const event_names[] = {
  "todo:added", "todo:toggled", "user:joined", "user:left", "tick",
};

static gint64
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

/* Returns: (transfer full): an event frame as the Zocket client decodes it */
static AscZocketMessage *
parse_event (GRand *rand,
             guint  i)
{
  g_autofree char *frame = NULL;
  AscZocketMessage *message;
  g_autoptr(GError) error = NULL;

  frame = g_strdup_printf ("{\"type\":\"event\",\"actor\":\"todos\",\"actorId\":\"bench\","
                           "\"event\":\"%s\",\"payload\":{\"i\":%u,\"at\":%" G_GUINT64_FORMAT ","
                           "\"todo\":\"t%d\",\"by\":\"u%d\",\"done\":%s}}",
                           event_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (event_names))],
                           i, (guint64) 1767225600000 + i * 7,
                           g_rand_int_range (rand, 0, 800), g_rand_int_range (rand, 0, 500),
                           g_rand_boolean (rand) ? "true" : "false");
  message = asc_zocket_message_parse (frame, -1, &error);
  if (message == NULL)
    g_error ("a generated event does not parse: %s", error->message);

  return message;
}

static void
append_event (AscEventLog *log,
              GRand       *rand,
              guint        i)
{
  g_autoptr(AscZocketMessage) message = parse_event (rand, i);
  g_autoptr(AscEvent) event = NULL;

  event = asc_event_new (ASC_EVENT_KIND_EVENT, message->event, message->payload, NULL);
  asc_event_log_append (log, event);
}

/* Where the bytes go: a capacity's worth of payloads alone, then of
 * events without a payload. Both stay held (in @payloads and @events) so
 * that the main measurement does not reuse their memory. */
static void
measure_parts (GRand     *rand,
               GPtrArray *payloads,
               GPtrArray *events)
{
  gint64 before = heap_in_use ();

  for (guint i = 0; i < CAPACITY; i++)
    {
      g_autoptr(AscZocketMessage) message = parse_event (rand, i);

      g_ptr_array_add (payloads, json_node_ref (message->payload));
    }
  printf ("a payload alone (a JsonNode object of 5 members): %.0f bytes\n",
          (heap_in_use () - before) / (double) CAPACITY);

  before = heap_in_use ();
  for (guint i = 0; i < CAPACITY; i++)
    g_ptr_array_add (events, asc_event_new (ASC_EVENT_KIND_EVENT, event_names[i % 5],
                                            NULL, NULL));
  printf ("an AscEvent without payload: %.0f bytes\n",
          (heap_in_use () - before) / (double) CAPACITY);
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(AscEventLog) log = NULL;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_full (CAPACITY,
                                                        (GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_full (CAPACITY, g_object_unref);
  gint64 heap_before, heap_at_twice_capacity = 0, heap = 0;
  long rss_before;
  double growth;

  /* Types, quarks and the parser's first allocations are not the log's. */
  g_autoptr(AscEventLog) warm_up = asc_event_log_new (1);
  append_event (warm_up, rand, 0);
  g_clear_object (&warm_up);
  measure_parts (rand, payloads, events);

  heap_before = heap_in_use ();
  rss_before = bench_status_kb ("VmRSS");
  log = asc_event_log_new (CAPACITY);

  printf ("%8s %8s %14s %12s\n", "appended", "held", "heap delta (B)", "RSS delta (kB)");
  for (guint i = 1; i <= N_EVENTS; i++)
    {
      append_event (log, rand, i);
      if (i % FLUSH_EVERY == 0)
        asc_event_log_flush (log);
      if (i % REPORT_EVERY != 0)
        continue;

      asc_event_log_flush (log);
      heap = heap_in_use () - heap_before;
      if (i == 2 * CAPACITY)
        heap_at_twice_capacity = heap;
      printf ("%8u %8u %14" G_GINT64_FORMAT " %12ld\n", i,
              g_list_model_get_n_items (G_LIST_MODEL (log)), heap,
              bench_status_kb ("VmRSS") - rss_before);
    }

  growth = (heap - heap_at_twice_capacity) / (double) heap_at_twice_capacity;
  printf ("event log: capacity %u, %" G_GUINT64_FORMAT " appended, %u held, "
          "%" G_GUINT64_FORMAT " dropped\n", CAPACITY, asc_event_log_get_n_appended (log),
          g_list_model_get_n_items (G_LIST_MODEL (log)), asc_event_log_get_n_dropped (log));
  printf ("heap growth from %u to %u events: %+.1f%%\n", 2 * CAPACITY, N_EVENTS, growth * 100);
  printf ("event_log_bytes_per_event=%.0f\n",
          heap / (double) g_list_model_get_n_items (G_LIST_MODEL (log)));

  if (growth > MAX_GROWTH)
    {
      fprintf (stderr, "the event log kept growing past its capacity\n");
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
