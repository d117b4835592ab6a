/* bench-json-patch.c: patching and diffing against fast-json-patch
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-json-patch NODE PEER-SCRIPT
 *
 * NODE may be `-` to time our side alone (for profiling under callgrind).
 *
 * Generates, from a fixed seed (bench-workload.c), a state of about 10,000
 * JSON nodes and a stream of small state:patch messages shaped as Immer emits
 * them (pushes, pops, unshifts of short arrays, toggles, undefined members).
 * Both sides get the same text: we parse each message with json-glib and
 * apply it with asc_json_patch_apply_full(); the Node peer uses JSON.parse()
 * and fast-json-patch applyPatch(). Runs alternate and the medians are compared.
 * The same is done for asc_json_diff() against fast-json-patch compare() on
 * successive snapshots of the mutating state.
 */

#include "config.h"

#include "actorscope.h"
#include "bench-util.h"
#include "bench-workload.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_MESSAGES             100000
#define N_SNAPSHOTS            200
#define MESSAGES_PER_SNAPSHOT  50
#define N_RUNS                 3

/* Helpers */

static JsonNode *
parse_text (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("cannot parse generated JSON: %s", error->message);

  return json_parser_get_root (parser);
}

static guint
count_nodes (JsonNode *node)
{
  guint count = 1;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        count += count_nodes (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &child))
        count += count_nodes (child);
    }

  return count;
}

/* Runs the Node peer and returns the throughput it reports. */
static double
run_peer (const char *node,
          const char *script,
          const char *mode,
          const char *input,
          const char *output)
{
  const char *argv[] = { node, script, mode, input, output, NULL };

  if (strcmp (node, "-") == 0)
    return 1.0;

  return bench_run_peer (argv, "fast-json-patch");
}

/* Patching */

typedef struct
{
  char      *initial;
  GPtrArray *lines;
  char      *stream_path;
  char      *snapshots_path;
  guint      n_snapshots;
} Workload;

static void
workload_clear (Workload *workload)
{
  g_free (workload->initial);
  g_clear_pointer (&workload->lines, g_ptr_array_unref);
  if (workload->stream_path != NULL)
    g_unlink (workload->stream_path);
  if (workload->snapshots_path != NULL)
    g_unlink (workload->snapshots_path);
  g_free (workload->stream_path);
  g_free (workload->snapshots_path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workload, workload_clear)

static JsonNode *
apply_line (JsonParser *parser,
            JsonNode   *state,
            const char *line)
{
  JsonNode *message = parse_text (parser, line);
  JsonNode *patches = json_object_get_member (json_node_get_object (message), "patches");
  g_autoptr(GError) error = NULL;

  if (!asc_json_patch_apply_full (&state, patches, ASC_JSON_PATCH_LENIENT, NULL, &error))
    g_error ("a generated patch does not apply: %s\n%s", error->message, line);

  return state;
}

/* Applies the stream to a fresh state; returns messages per second. */
static double
run_ours (const Workload  *workload,
          JsonNode       **final_state)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) state = json_node_ref (parse_text (parser, workload->initial));
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint i = 0; i < workload->lines->len; i++)
    state = apply_line (parser, state, g_ptr_array_index (workload->lines, i));
  seconds = (g_get_monotonic_time () - start) / 1e6;

  if (final_state != NULL)
    *final_state = g_steal_pointer (&state);

  return workload->lines->len / seconds;
}

/* Where our time goes: parsing alone, then patching pre-parsed messages. */
static void
run_ours_split (const Workload *workload,
                double         *parse_rate,
                double         *apply_rate)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) state = json_node_ref (parse_text (parser, workload->initial));
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < workload->lines->len; i++)
    parse_text (parser, g_ptr_array_index (workload->lines, i));
  *parse_rate = workload->lines->len / ((g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < workload->lines->len; i++)
    {
      JsonNode *message = parse_text (parser, g_ptr_array_index (workload->lines, i));

      g_ptr_array_add (patches, json_object_dup_member (json_node_get_object (message),
                                                        "patches"));
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < patches->len; i++)
    if (!asc_json_patch_apply_full (&state, g_ptr_array_index (patches, i),
                                    ASC_JSON_PATCH_LENIENT, NULL, NULL))
      g_error ("a generated patch does not apply");
  *apply_rate = patches->len / ((g_get_monotonic_time () - start) / 1e6);
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
    g_error ("fast-json-patch and asc_json_patch_apply_full() disagree on the final state");
  g_unlink (peer_path);
}

static double
bench_apply (const Workload *workload,
             const char     *node,
             const char     *script)
{
  double ours[N_RUNS], theirs[N_RUNS], parse_rate, apply_rate, speedup;
  g_autofree char *final_path = g_strconcat (workload->stream_path, ".final", NULL);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(JsonNode) final_state = NULL;

      ours[run] = run_ours (workload, run == 0 ? &final_state : NULL);
      theirs[run] = run_peer (node, script, "apply", workload->stream_path,
                              run == 0 ? final_path : NULL);
      if (run == 0 && strcmp (node, "-") != 0)
        check_same_result (final_state, final_path);
      printf ("apply run %u: ours %.0f msg/s, fast-json-patch %.0f msg/s\n",
              run + 1, ours[run], theirs[run]);
    }

  run_ours_split (workload, &parse_rate, &apply_rate);
  printf ("ours, json-glib parse only: %.0f msg/s; patch only: %.0f msg/s\n",
          parse_rate, apply_rate);
  printf ("fast-json-patch, patch only (pre-parsed): %.0f msg/s\n",
          run_peer (node, script, "apply-only", workload->stream_path, NULL));

  speedup = bench_median (ours, N_RUNS) / bench_median (theirs, N_RUNS);
  printf ("ours: %.0f msg/s (median of %u)\n", bench_median (ours, N_RUNS), N_RUNS);
  printf ("fast-json-patch: %.0f msg/s (median of %u)\n", bench_median (theirs, N_RUNS), N_RUNS);
  printf ("speedup_vs_fast_json_patch=%.2f\n", speedup);

  return speedup;
}

/* Diffing */

static GPtrArray *
load_snapshots (const Workload *workload)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  if (!g_file_get_contents (workload->snapshots_path, &text, NULL, NULL))
    g_error ("cannot read the snapshots");
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        g_autoptr(JsonParser) parser = json_parser_new ();

        g_ptr_array_add (snapshots, json_node_ref (parse_text (parser, lines[i])));
      }

  return snapshots;
}

static double
run_ours_diff (GPtrArray *snapshots,
               guint     *n_operations)
{
  gint64 start = g_get_monotonic_time ();

  *n_operations = 0;
  for (guint i = 1; i < snapshots->len; i++)
    {
      g_autoptr(JsonNode) ops = asc_json_diff (g_ptr_array_index (snapshots, i - 1),
                                               g_ptr_array_index (snapshots, i));

      *n_operations += json_array_get_length (json_node_get_array (ops));
    }

  return (snapshots->len - 1) / ((g_get_monotonic_time () - start) / 1e6);
}

static void
check_diffs (GPtrArray *snapshots)
{
  for (guint i = 1; i < snapshots->len; i++)
    {
      g_autoptr(JsonNode) ops = asc_json_diff (g_ptr_array_index (snapshots, i - 1),
                                               g_ptr_array_index (snapshots, i));
      g_autoptr(JsonNode) doc = asc_json_copy (g_ptr_array_index (snapshots, i - 1));

      if (!asc_json_patch_apply (&doc, ops, NULL) ||
          !asc_json_equal (doc, g_ptr_array_index (snapshots, i)))
        g_error ("diff %u does not round-trip", i);
    }
}

static double
bench_diff (const Workload *workload,
            const char     *node,
            const char     *script)
{
  g_autoptr(GPtrArray) snapshots = load_snapshots (workload);
  double ours[N_RUNS], theirs[N_RUNS], speedup;
  guint n_operations = 0;

  check_diffs (snapshots);
  for (guint run = 0; run < N_RUNS; run++)
    {
      ours[run] = run_ours_diff (snapshots, &n_operations);
      theirs[run] = run_peer (node, script, "compare", workload->snapshots_path, NULL);
      printf ("diff run %u: ours %.0f diffs/s, fast-json-patch compare %.0f diffs/s\n",
              run + 1, ours[run], theirs[run]);
    }

  speedup = bench_median (ours, N_RUNS) / bench_median (theirs, N_RUNS);
  printf ("diff: %u snapshots, %u operations in all\n", snapshots->len, n_operations);
  printf ("ours: %.0f diffs/s (median of %u)\n", bench_median (ours, N_RUNS), N_RUNS);
  printf ("fast-json-patch compare: %.0f diffs/s (median of %u)\n",
          bench_median (theirs, N_RUNS), N_RUNS);
  printf ("speedup_vs_fast_json_patch_compare=%.2f\n", speedup);

  return speedup;
}

/* Generates the stream, and snapshots of the state along its first part. */
static void
workload_init (Workload *workload)
{
  g_autoptr(GString) initial = g_string_new (NULL);
  g_autoptr(GString) stream = g_string_new (NULL);
  g_autoptr(GString) snapshots = g_string_new (NULL);
  g_autoptr(BenchModel) model = bench_model_new (initial);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) state = json_node_ref (parse_text (parser, initial->str));
  guint n_nodes = count_nodes (state);

  workload->initial = g_strdup (initial->str);
  workload->lines = g_ptr_array_new_with_free_func (g_free);
  g_string_append_printf (stream, "%s\n", initial->str);
  g_string_append_printf (snapshots, "%s\n", initial->str);

  for (guint i = 0; i < N_MESSAGES; i++)
    {
      gsize start = stream->len;

      bench_model_append_patch (model, stream);
      g_ptr_array_add (workload->lines, g_strndup (stream->str + start,
                                                   stream->len - start - 1));
      if (workload->n_snapshots >= N_SNAPSHOTS)
        continue;

      state = apply_line (parser, state, g_ptr_array_index (workload->lines, i));
      if ((i + 1) % MESSAGES_PER_SNAPSHOT == 0)
        {
          g_autofree char *text = json_to_string (state, FALSE);

          g_string_append_printf (snapshots, "%s\n", text);
          workload->n_snapshots++;
        }
    }

  workload->stream_path = bench_write_temp ("asc-bench-stream-XXXXXX.jsonl",
                                            stream->str, stream->len);
  workload->snapshots_path = bench_write_temp ("asc-bench-snapshots-XXXXXX.jsonl",
                                               snapshots->str, snapshots->len);
  printf ("state: %u nodes; %u messages, %.1f MB of JSON text\n",
          n_nodes, workload->lines->len, stream->len / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Workload) workload = { NULL };

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s NODE PEER-SCRIPT\n", argv[0]);
      return EXIT_FAILURE;
    }

  workload_init (&workload);
  bench_apply (&workload, argv[1], argv[2]);
  bench_diff (&workload, argv[1], argv[2]);

  return EXIT_SUCCESS;
}
