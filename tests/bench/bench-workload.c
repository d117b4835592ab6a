/* bench-workload.c: a deterministic stream of Zocket state:patch frames
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a fixed seed: a state of about 10,000 JSON nodes (todos, users, a log,
 * counters, settings) and small state:patch messages shaped as Immer emits
 * them (pushes, pops, unshifts of short arrays, toggles, undefined members).
 * The generator tracks the state so that every patch applies.
 */

#include "config.h"

#include "bench-workload.h"

#define SEED                   20260601
#define N_TODOS                700
#define N_USERS                500
#define N_LOG                  300
#define N_COUNTERS             50

typedef struct
{
  guint    n_tags;
  gboolean has_note;
} TodoModel;

/* What the generator knows of the state, to keep every patch valid. */
struct _BenchModel
{
  GRand     *rand;
  GArray    *todos;
  GPtrArray *users;
  guint      next_todo;
  guint      next_user;
  guint      log_length;
  guint      events;
};

typedef struct
{
  GString  *text;
  gboolean  first;
} Message;

void
bench_model_free (BenchModel *model)
{
  g_rand_free (model->rand);
  g_array_unref (model->todos);
  g_ptr_array_unref (model->users);
  g_free (model);
}

static void
append_todo (BenchModel *model,
             GString    *text)
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
new_user (BenchModel *model)
{
  g_ptr_array_add (model->users, g_strdup_printf ("u%u", model->next_user++));

  return g_ptr_array_index (model->users, model->users->len - 1);
}

static char *
user_value (BenchModel *model)
{
  guint id = model->next_user - 1;

  return g_strdup_printf ("{\"name\":\"user %u\",\"online\":%s,\"score\":%u}",
                          id, id % 3 == 0 ? "true" : "false", id % 100);
}

/* Fills @text with the initial state, in JSON. */
BenchModel *
bench_model_new (GString *text)
{
  BenchModel *model = g_new0 (BenchModel, 1);

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
random_todo (BenchModel *model)
{
  return g_rand_int_range (model->rand, 0, model->todos->len);
}

static void
gen_todo_push_or_pop (BenchModel *model,
                      Message    *message)
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
gen_tags (BenchModel *model,
          Message    *message)
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
gen_note (BenchModel *model,
          Message    *message)
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
gen_users (BenchModel *model,
           Message    *message)
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
gen_log (BenchModel *model,
         Message    *message)
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
gen_scalars (BenchModel *model,
             Message    *message,
             int         dice)
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
void
bench_model_append_patch (BenchModel *model,
                          GString    *out)
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

