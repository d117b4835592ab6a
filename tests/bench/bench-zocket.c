/* bench-zocket.c: a Zocket server's frames through our decoder and store,
 * against a Node client
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-zocket NODE PEER-SCRIPT
 *
 * NODE may be `-` to time our side alone (for profiling under callgrind).
 *
 * The stream, written to a file both sides read, is what a Zocket server
 * sends one subscriber: a state:snapshot of about 10,000 nodes, then
 * 100,000 frames, seven in ten a state:patch shaped as Immer emits them
 * (bench-workload.c) and three in ten an event. Our side does what the
 * client does with each frame: asc_zocket_message_parse(), then
 * asc_state_store_reset() or asc_state_store_apply() on a lenient store, or
 * an AscEvent appended to an AscEventLog of the actor's capacity. The peer
 * (zocket-peer.mjs) does JSON.parse(), fast-json-patch applyPatch() and a
 * ring buffer of events of the same capacity. Both final states must match.
 */

#include "config.h"

#include "actorscope.h"
#include "bench-util.h"
#include "bench-workload.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED                20260602
#define N_FRAMES            100000
#define EVENT_PERCENT       30
#define EVENT_LOG_CAPACITY  10000
/* The app moves captured events into the log's model every 100 ms; at the
 * rates measured here that is about every thousand frames. */
#define FLUSH_EVERY         1024
#define N_RUNS              5

static const char * const event_names[] = {
  "todo:added", "todo:toggled", "user:joined", "user:left", "tick",
};

typedef struct
{
  GPtrArray *lines;
  char      *path;
  guint      n_events;
} Stream;

static void
stream_clear (Stream *stream)
{
  g_clear_pointer (&stream->lines, g_ptr_array_unref);
  if (stream->path != NULL)
    g_unlink (stream->path);
  g_free (stream->path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stream, stream_clear)

static void
append_event (GRand   *rand,
              guint    i,
              GString *out)
{
  guint todo = g_rand_int_range (rand, 0, 800);

  g_string_append_printf (out,
                          "{\"type\":\"event\",\"actor\":\"todos\",\"actorId\":\"bench\","
                          "\"event\":\"%s\",\"payload\":{\"i\":%u,\"at\":%" G_GUINT64_FORMAT ","
                          "\"todo\":\"t%u\",\"by\":\"u%d\",\"done\":%s}}\n",
                          event_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (event_names))],
                          i, (guint64) 1767225600000 + i * 7, todo,
                          g_rand_int_range (rand, 0, 500),
                          g_rand_boolean (rand) ? "true" : "false");
}

static void
stream_init (Stream *stream)
{
  g_autoptr(GString) state = g_string_new (NULL);
  g_autoptr(BenchModel) model = bench_model_new (state);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  gsize start = 0;

  g_string_append_printf (text, "{\"type\":\"state:snapshot\",\"actor\":\"todos\","
                          "\"actorId\":\"bench\",\"state\":%s}\n", state->str);
  for (guint i = 0; i < N_FRAMES; i++)
    if (g_rand_int_range (rand, 0, 100) < EVENT_PERCENT)
      {
        append_event (rand, i, text);
        stream->n_events++;
      }
    else
      bench_model_append_patch (model, text);

  /* Each frame as the WebSocket hands it over: one string, no newline. */
  stream->lines = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < text->len; i++)
    if (text->str[i] == '\n')
      {
        g_ptr_array_add (stream->lines, g_strndup (text->str + start, i - start));
        start = i + 1;
      }

  stream->path = bench_write_temp ("asc-bench-zocket-XXXXXX.jsonl", text->str, text->len);
  printf ("zocket stream: %u frames (%u events), %.1f MB\n",
          stream->lines->len, stream->n_events, text->len / 1e6);
}

/* What the client and actor do with one frame. */
static void
handle_frame (AscStateStore *store,
              AscEventLog   *log,
              const char    *line)
{
  g_autoptr(AscZocketMessage) message = NULL;
  g_autoptr(AscEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  message = asc_zocket_message_parse (line, strlen (line), &error);
  if (message == NULL)
    g_error ("a generated frame does not parse: %s", error->message);

  switch (message->type)
    {
    case ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT:
      asc_state_store_reset (store, message->state);
      break;
    case ASC_ZOCKET_MESSAGE_STATE_PATCH:
      if (!asc_state_store_apply (store, message->patches, &error))
        g_error ("a generated patch does not apply: %s\n%s", error->message, line);
      break;
    case ASC_ZOCKET_MESSAGE_EVENT:
      event = asc_event_new (ASC_EVENT_KIND_EVENT, message->event, message->payload, NULL);
      asc_event_log_append (log, event);
      break;
    default:
      g_error ("unexpected frame: %s", line);
    }
}

/* Returns frames per second; the final document goes to @final_state. */
static double
run_ours (const Stream  *stream,
          JsonNode     **final_state)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(AscEventLog) log = asc_event_log_new (EVENT_LOG_CAPACITY);
  gint64 start;
  double seconds;

  asc_state_store_set_lenient (store, TRUE);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < stream->lines->len; i++)
    {
      handle_frame (store, log, g_ptr_array_index (stream->lines, i));
      if (i % FLUSH_EVERY == 0)
        asc_event_log_flush (log);
    }
  asc_event_log_flush (log);
  seconds = bench_seconds_since (start);

  if (asc_event_log_get_n_appended (log) != stream->n_events)
    g_error ("the event log saw %" G_GUINT64_FORMAT " events, not %u",
             asc_event_log_get_n_appended (log), stream->n_events);
  if (final_state != NULL)
    *final_state = json_node_ref (asc_state_store_get_document (store));

  return stream->lines->len / seconds;
}

static void
check_same_result (JsonNode   *ours,
                   const char *peer_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, peer_path, &error))
    g_error ("cannot read the peer's final state: %s", error->message);
  if (!asc_json_equal (ours, json_parser_get_root (parser)))
    g_error ("the Node client and AscStateStore disagree on the final state");
  g_unlink (peer_path);
}

static double
run_theirs (const char *node,
            const char *script,
            const char *stream_path,
            const char *final_path)
{
  const char *argv[] = { node, script, stream_path, final_path, NULL };

  if (strcmp (node, "-") == 0)
    return 1.0;

  return bench_run_peer (argv, "Zocket");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Stream) stream = { NULL };
  g_autofree char *final_path = NULL;
  double ours[N_RUNS], theirs[N_RUNS];

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s NODE PEER-SCRIPT\n", argv[0]);
      return EXIT_FAILURE;
    }

  stream_init (&stream);
  final_path = g_strconcat (stream.path, ".final", NULL);
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(JsonNode) final_state = NULL;
      gboolean check = run == 0 && strcmp (argv[1], "-") != 0;

      ours[run] = run_ours (&stream, check ? &final_state : NULL);
      theirs[run] = run_theirs (argv[1], argv[2], stream.path, check ? final_path : NULL);
      if (check)
        check_same_result (final_state, final_path);
      printf ("zocket run %u: ours %.0f frames/s, Node %.0f frames/s\n",
              run + 1, ours[run], theirs[run]);
    }

  printf ("ours: %.0f frames/s (median of %u)\n", bench_median (ours, N_RUNS), N_RUNS);
  printf ("Node (JSON.parse + fast-json-patch): %.0f frames/s (median of %u)\n",
          bench_median (theirs, N_RUNS), N_RUNS);
  printf ("zocket_pipeline_speedup=%.2f\n",
          bench_median (ours, N_RUNS) / bench_median (theirs, N_RUNS));

  return EXIT_SUCCESS;
}
