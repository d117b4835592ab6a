/* bench-json-patch.c: patching and diffing against fast-json-patch
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-json-patch NODE PEER-SCRIPT
 *
 * NODE may be `-` to time our side alone (for profiling under callgrind).
 *
 * Generates, from a fixed seed, a state of about 10,000 JSON nodes and a
 * stream of small state:patch messages shaped as Immer emits them (pushes,
 * pops, unshifts of short arrays, toggles, undefined members). Both sides
 * get the same text: we parse each message with json-glib and apply it with
 * asc_json_patch_apply_full(); the Node peer uses JSON.parse() and
 * fast-json-patch applyPatch(). Runs alternate and the medians are compared.
 * The same is done for asc_json_diff() against fast-json-patch compare() on
 * successive snapshots of the mutating state.
 */

#include "config.h"

#include "actorscope.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED                   20260601
#define N_TODOS                700
#define N_USERS                500
#define N_LOG                  300
#define N_COUNTERS             50
#define N_MESSAGES             100000
#define N_SNAPSHOTS            200
#define MESSAGES_PER_SNAPSHOT  50
#define N_RUNS                 3

/* Stream generation */

typedef struct
{
  guint    n_tags;
  gboolean has_note;
} TodoModel;

/* What the generator knows of the state, to keep every patch valid. */
typedef struct
{
  GRand     *rand;
  GArray    *todos;
  GPtrArray *users;
  guint      next_todo;
  guint      next_user;
  guint      log_length;
  guint      events;
} Model;

typedef struct
{
  GString  *text;
  gboolean  first;
} Message;

static void
model_free (Model *model)
{
  g_rand_free (model->rand);
  g_array_unref (model->todos);
  g_ptr_array_unref (model->users);
  g_free (model);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static void
append_todo (Model   *model,
             GString *text)
{
  TodoModel todo = { 2, FALSE };
  guint id = model->next_todo++;

  g_string_append_printf (text,
                          "{\"id\":\"t%u\",\"title\":\"task %u\",\"done\":false,"
                          "\"priority\":%d,\"tags\":[\"home\",\"work\"],"
                          "\"meta\":{\"created\":%u,\"owner\":\"u%d\"}}",
                          id, id, g_rand_int_range (model->rand, 0, 4), 1000 + id,
                          g_rand_int_range (model->rand, 0, N_USERS));
  g_array_append_val (model->todos, todo);
}

/* Registers a new user id; user_value() gives its member value. */
static const char *
new_user (Model *model)
{
  g_ptr_array_add (model->users, g_strdup_printf ("u%u", model->next_user++));

  return g_ptr_array_index (model->users, model->users->len - 1);
}

static char *
user_value (Model *model)
{
  guint id = model->next_user - 1;

  return g_strdup_printf ("{\"name\":\"user %u\",\"online\":%s,\"score\":%u}",
                          id, id % 3 == 0 ? "true" : "false", id % 100);
}

/* Fills @text with the initial state, in JSON. */
static Model *
model_new (GString *text)
{
  Model *model = g_new0 (Model, 1);

  model->rand = g_rand_new_with_seed (SEED);
  model->todos = g_array_new (FALSE, FALSE, sizeof (TodoModel));
  model->users = g_ptr_array_new_with_free_func (g_free);

  g_string_append (text, "{\"todos\":[");
  for (guint i = 0; i < N_TODOS; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      append_todo (model, text);
    }
  g_string_append (text, "],\"users\":{");
  for (guint i = 0; i < N_USERS; i++)
    {
      const char *id = new_user (model);
      g_autofree char *value = user_value (model);

      g_string_append_printf (text, "%s\"%s\":%s", i > 0 ? "," : "", id, value);
    }
  g_string_append (text, "},\"log\":[");
  for (guint i = 0; i < N_LOG; i++)
    g_string_append_printf (text, "%s\"event %u\"", i > 0 ? "," : "", model->events++);
  model->log_length = N_LOG;
  g_string_append (text, "],\"counters\":{");
  for (guint i = 0; i < N_COUNTERS; i++)
    g_string_append_printf (text, "%s\"c%u\":%u", i > 0 ? "," : "", i, i);
  g_string_append (text, "},\"settings\":{\"theme\":\"light\",\"volume\":5,"
                   "\"panels\":{\"left\":true,\"right\":false}}}");

  return model;
}

static void
emit (Message    *message,
      const char *op,
      const char *path,
      const char *value)
{
  g_string_append_printf (message->text, "%s{\"op\":\"%s\",\"path\":\"%s\"",
                          message->first ? "" : ",", op, path);
  if (value != NULL)
    g_string_append_printf (message->text, ",\"value\":%s", value);
  g_string_append_c (message->text, '}');
  message->first = FALSE;
}

static void
emitf (Message    *message,
       const char *op,
       const char *value,
       const char *path_format,
       ...) G_GNUC_PRINTF (4, 5);

static void
emitf (Message    *message,
       const char *op,
       const char *value,
       const char *path_format,
       ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  emit (message, op, path, value);
}

static guint
random_todo (Model *model)
{
  return g_rand_int_range (model->rand, 0, model->todos->len);
}

static void
gen_todo_push_or_pop (Model   *model,
                      Message *message)
{
  guint length = model->todos->len;
  gboolean push = length < 650 || (length <= 750 && g_rand_boolean (model->rand));

  if (push)
    {
      g_autoptr(GString) value = g_string_new (NULL);

      append_todo (model, value);
      emitf (message, "add", value->str, "/todos/%u", length);
    }
  else
    {
      emitf (message, "remove", NULL, "/todos/%u", length - 1);
      g_array_set_size (model->todos, length - 1);
    }
  emit (message, "replace", "/counters/c0", "1");
}

/* unshift() on a short array: replace every index, add at the old length;
 * past six tags, clear them from the highest index down. */
static void
gen_tags (Model   *model,
          Message *message)
{
  guint i = random_todo (model);
  TodoModel *todo = &g_array_index (model->todos, TodoModel, i);

  if (todo->n_tags >= 6)
    {
      for (guint k = todo->n_tags; k > 0; k--)
        emitf (message, "remove", NULL, "/todos/%u/tags/%u", i, k - 1);
      todo->n_tags = 0;
      return;
    }

  for (guint k = 0; k < todo->n_tags; k++)
    emitf (message, "replace", k == 0 ? "\"new\"" : "\"old\"", "/todos/%u/tags/%u", i, k);
  emitf (message, "add", "\"old\"", "/todos/%u/tags/%u", i, todo->n_tags);
  todo->n_tags++;
}

/* A member set to undefined arrives as a replace without a value. */
static void
gen_note (Model   *model,
          Message *message)
{
  guint i = random_todo (model);
  TodoModel *todo = &g_array_index (model->todos, TodoModel, i);

  if (todo->has_note)
    emitf (message, "replace", NULL, "/todos/%u/meta/note", i);
  else
    emitf (message, "add", "\"remember\"", "/todos/%u/meta/note", i);
  todo->has_note = !todo->has_note;
}

static void
gen_users (Model   *model,
           Message *message)
{
  if (g_rand_boolean (model->rand) || model->users->len < N_USERS / 2)
    {
      const char *id = new_user (model);
      g_autofree char *value = user_value (model);

      emitf (message, "add", value, "/users/%s", id);
    }
  else
    {
      guint k = g_rand_int_range (model->rand, 0, model->users->len);

      emitf (message, "remove", NULL, "/users/%s",
             (char *) g_ptr_array_index (model->users, k));
      g_ptr_array_remove_index_fast (model->users, k);
    }
}

static void
gen_log (Model   *model,
         Message *message)
{
  g_autofree char *value = NULL;

  if (model->log_length >= 400)
    {
      emit (message, "replace", "/log", "[]");
      model->log_length = 0;
      return;
    }

  value = g_strdup_printf ("\"event %u\"", model->events++);
  emitf (message, "add", value, "/log/%u", model->log_length++);
}

static void
gen_scalars (Model   *model,
             Message *message,
             int      dice)
{
  g_autofree char *number = g_strdup_printf ("%d", g_rand_int_range (model->rand, 0, 1000));
  guint i = random_todo (model);
  const char *user = g_ptr_array_index (model->users,
                                        g_rand_int_range (model->rand, 0, model->users->len));

  if (dice < 30)
    {
      emitf (message, "replace", g_rand_boolean (model->rand) ? "true" : "false",
             "/todos/%u/done", i);
      emitf (message, "replace", number, "/counters/c%d", g_rand_int_range (model->rand, 1, 3));
    }
  else if (dice < 40)
    emitf (message, "replace", "\"renamed task\"", "/todos/%u/title", i);
  else if (dice < 50)
    {
      emitf (message, "replace", number, "/users/%s/score", user);
      emitf (message, "replace", g_rand_boolean (model->rand) ? "true" : "false",
             "/users/%s/online", user);
    }
  else if (dice < 58)
    emitf (message, "replace", number, "/counters/c%d",
           g_rand_int_range (model->rand, 0, N_COUNTERS));
  else
    emit (message, "replace", "/settings/theme",
          g_rand_boolean (model->rand) ? "\"dark\"" : "\"light\"");
}

/* Appends one state:patch message, as one line of JSON text. */
static void
gen_message (Model   *model,
             GString *out)
{
  Message message = { out, TRUE };
  int dice = g_rand_int_range (model->rand, 0, 100);

  g_string_append (out, "{\"type\":\"state:patch\",\"actor\":\"todos\","
                   "\"actorId\":\"bench\",\"patches\":[");
  if (dice < 63)
    gen_scalars (model, &message, dice);
  else if (dice < 73)
    gen_todo_push_or_pop (model, &message);
  else if (dice < 81)
    gen_tags (model, &message);
  else if (dice < 86)
    gen_note (model, &message);
  else if (dice < 93)
    gen_users (model, &message);
  else
    gen_log (model, &message);
  g_string_append (out, "]}\n");
}

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

static double
median (double *values,
        guint   n)
{
  double sorted[N_RUNS];

  memcpy (sorted, values, n * sizeof (double));
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
      {
        double swap = sorted[j];

        sorted[j] = sorted[j - 1];
        sorted[j - 1] = swap;
      }

  return sorted[n / 2];
}

static char *
write_temp (const char *template,
            GString    *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  if (fd < 0)
    g_error ("cannot create a temporary file: %s", error->message);
  g_close (fd, NULL);
  if (!g_file_set_contents (path, contents->str, contents->len, &error))
    g_error ("cannot write %s: %s", path, error->message);

  return path;
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
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *field;
  int status;

  if (strcmp (node, "-") == 0)
    return 1.0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "the fast-json-patch peer failed (%s)%s%s\n"
               "Install it with `npm ci` in tests/.\n",
               error->message, err != NULL ? ":\n" : "", err != NULL ? err : "");
      exit (EXIT_FAILURE);
    }

  field = strstr (out, "throughput=");
  if (field == NULL)
    g_error ("the fast-json-patch peer printed no throughput: %s", out);

  return g_ascii_strtod (field + strlen ("throughput="), NULL);
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

  speedup = median (ours, N_RUNS) / median (theirs, N_RUNS);
  printf ("ours: %.0f msg/s (median of %u)\n", median (ours, N_RUNS), N_RUNS);
  printf ("fast-json-patch: %.0f msg/s (median of %u)\n", median (theirs, N_RUNS), N_RUNS);
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

  speedup = median (ours, N_RUNS) / median (theirs, N_RUNS);
  printf ("diff: %u snapshots, %u operations in all\n", snapshots->len, n_operations);
  printf ("ours: %.0f diffs/s (median of %u)\n", median (ours, N_RUNS), N_RUNS);
  printf ("fast-json-patch compare: %.0f diffs/s (median of %u)\n",
          median (theirs, N_RUNS), N_RUNS);
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
  g_autoptr(Model) model = model_new (initial);
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

      gen_message (model, stream);
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

  workload->stream_path = write_temp ("asc-bench-stream-XXXXXX.jsonl", stream);
  workload->snapshots_path = write_temp ("asc-bench-snapshots-XXXXXX.jsonl", snapshots);
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
