/* bench-rivet.c: Rivet inspector StateUpdated frames through our decoder,
 * diff and store, against cbor-x and fast-json-patch compare()
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-rivet NODE PEER-SCRIPT
 *
 * NODE may be `-` to time our side alone (for profiling under callgrind).
 *
 * The inspector pushes the whole state, CBOR in a BARE StateUpdated frame,
 * after every change. For states of about 1,000, 10,000 and 100,000 nodes
 * (rooms of sensors, as a dashboard actor holds), this generates from a
 * fixed seed a sequence of such frames, each a small change of the one
 * before (a few readings, a counter, now and then a sensor or a room added
 * or removed), encoded with asc_cbor_encode() and written to a file both
 * sides read. Our side does what AscRivetInspector does with each frame:
 * asc_rivet_inspector_message_parse_cached() (BARE, and CBOR decoded against
 * the previous frame's state, sharing what did not change) then
 * asc_state_store_update() (asc_json_diff() against the mirror, applied to
 * the store). The peer (rivet-peer.mjs) reads the same BARE header, decodes
 * the CBOR with cbor-x and diffs with compare() against the previous state.
 * The first frame, a whole new state on both sides, is handled before the
 * clock starts.
 */

#include "config.h"

#include "actorscope.h"
#include "bench-util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED                 20260603
#define SENSORS_PER_ROOM     20
#define NODES_PER_SENSOR     7
#define NODES_PER_ROOM       (4 + SENSORS_PER_ROOM * NODES_PER_SENSOR)
#define ROOT_NODES           4
#define STATE_UPDATED_TAG    5
#define N_RUNS               5

typedef struct
{
  const char *name;
  guint       target_nodes;
  guint       n_frames;
} Size;

/* About the same number of nodes decoded per run at each size. */
static const Size sizes[] = {
  { "1k", 1000, 2000 },
  { "10k", 10000, 200 },
  { "100k", 100000, 20 },
};

typedef struct
{
  GRand    *rand;
  JsonNode *root;
  guint     next_room;
  guint     next_sensor;
} Model;

static void
model_free (Model *model)
{
  g_rand_free (model->rand);
  json_node_unref (model->root);
  g_free (model);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static JsonObject *
get_object (JsonNode   *root,
            const char *member)
{
  return json_object_get_object_member (json_node_get_object (root), member);
}

static JsonNode *
new_sensor (Model *model,
            guint  room)
{
  g_autoptr(JsonObject) sensor = json_object_new ();
  g_autoptr(JsonArray) tags = json_array_new ();
  guint id = model->next_sensor++;
  g_autofree char *name = g_strdup_printf ("s%u-%u", room, id);

  json_object_set_string_member (sensor, "id", name);
  json_object_set_double_member (sensor, "value", room + id / 100.0);
  json_object_set_boolean_member (sensor, "ok", TRUE);
  json_array_add_string_element (tags, id % 2 == 0 ? "temperature" : "humidity");
  json_array_add_string_element (tags, room % 3 == 0 ? "north" : "south");
  json_object_set_array_member (sensor, "tags", g_steal_pointer (&tags));

  return json_node_init_object (json_node_alloc (), sensor);
}

static void
add_room (Model *model)
{
  g_autoptr(JsonObject) room = json_object_new ();
  g_autoptr(JsonArray) sensors = json_array_new ();
  guint id = model->next_room++;
  g_autofree char *key = g_strdup_printf ("room-%u", id);
  g_autofree char *name = g_strdup_printf ("Room %u", id);

  json_object_set_string_member (room, "name", name);
  json_object_set_int_member (room, "floor", id % 12);
  for (guint i = 0; i < SENSORS_PER_ROOM; i++)
    json_array_add_element (sensors, new_sensor (model, id));
  json_object_set_array_member (room, "sensors", g_steal_pointer (&sensors));
  json_object_set_object_member (get_object (model->root, "rooms"), key,
                                 g_steal_pointer (&room));
}

static Model *
model_new (guint target_nodes)
{
  Model *model = g_new0 (Model, 1);
  g_autoptr(JsonObject) root = json_object_new ();
  guint n_rooms = MAX ((target_nodes - ROOT_NODES + NODES_PER_ROOM / 2) / NODES_PER_ROOM, 1);

  model->rand = g_rand_new_with_seed (SEED + target_nodes);
  json_object_set_object_member (root, "rooms", json_object_new ());
  json_object_set_int_member (root, "ticks", 0);
  json_object_set_int_member (root, "updatedAt", 1767225600000);
  model->root = json_node_init_object (json_node_alloc (), root);
  for (guint i = 0; i < n_rooms; i++)
    add_room (model);

  return model;
}

/* Returns: (transfer none): a room picked at random */
static JsonObject *
random_room (Model *model)
{
  JsonObject *rooms = get_object (model->root, "rooms");
  g_autoptr(GList) names = json_object_get_members (rooms);
  const char *name = g_list_nth_data (names, g_rand_int_range (model->rand, 0,
                                                               g_list_length (names)));

  return json_object_get_object_member (rooms, name);
}

static void
change_reading (Model *model)
{
  JsonArray *sensors = json_object_get_array_member (random_room (model), "sensors");
  guint i = g_rand_int_range (model->rand, 0, json_array_get_length (sensors));
  JsonObject *sensor = json_array_get_object_element (sensors, i);

  json_object_set_double_member (sensor, "value",
                                 g_rand_int_range (model->rand, 0, 10000) / 100.0);
  if (g_rand_int_range (model->rand, 0, 10) == 0)
    json_object_set_boolean_member (sensor, "ok", !json_object_get_boolean_member (sensor, "ok"));
}

/* Pushes or pops a sensor; adds or removes a room, keeping their number. */
static void
change_shape (Model *model,
              guint  frame)
{
  JsonArray *sensors = json_object_get_array_member (random_room (model), "sensors");
  JsonObject *rooms = get_object (model->root, "rooms");

  if (json_array_get_length (sensors) > SENSORS_PER_ROOM && g_rand_boolean (model->rand))
    json_array_remove_element (sensors, json_array_get_length (sensors) - 1);
  else
    json_array_add_element (sensors, new_sensor (model, frame));

  if (frame % 50 == 0 && json_object_get_size (rooms) > 1)
    {
      g_autoptr(GList) names = json_object_get_members (rooms);

      json_object_remove_member (rooms, names->data);
      add_room (model);
    }
}

static void
change_state (Model *model,
              guint  frame)
{
  JsonObject *root = json_node_get_object (model->root);
  guint n_readings = g_rand_int_range (model->rand, 1, 4);

  json_object_set_int_member (root, "ticks", frame);
  json_object_set_int_member (root, "updatedAt",
                              json_object_get_int_member (root, "updatedAt") + 250);
  for (guint i = 0; i < n_readings; i++)
    change_reading (model);
  if (frame % 10 == 0)
    change_shape (model, frame);
}

static void
append_uvarint (GByteArray *out,
                guint64     value)
{
  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

/* Appends a length-prefixed StateUpdated{state} frame holding @root. */
static void
append_frame (GByteArray *out,
              JsonNode   *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cbor = asc_cbor_encode (root, &error);
  g_autoptr(GByteArray) frame = g_byte_array_new ();
  gsize length;
  const guint8 *data;
  guint32 prefix;

  if (cbor == NULL)
    g_error ("cannot encode the state: %s", error->message);
  data = g_bytes_get_data (cbor, &length);
  append_uvarint (frame, STATE_UPDATED_TAG);
  append_uvarint (frame, length);
  g_byte_array_append (frame, data, length);

  prefix = GUINT32_TO_LE (frame->len);
  g_byte_array_append (out, (const guint8 *) &prefix, sizeof prefix);
  g_byte_array_append (out, frame->data, frame->len);
}

typedef struct
{
  GPtrArray *frames;   /* of GBytes, without the length prefix */
  char      *path;
  guint      n_nodes;
} Frames;

static void
frames_clear (Frames *frames)
{
  g_clear_pointer (&frames->frames, g_ptr_array_unref);
  if (frames->path != NULL)
    g_unlink (frames->path);
  g_free (frames->path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Frames, frames_clear)

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

static void
frames_init (Frames     *frames,
             const Size *size)
{
  g_autoptr(Model) model = model_new (size->target_nodes);
  g_autoptr(GByteArray) file = g_byte_array_new ();
  gsize offset = 0;

  frames->n_nodes = count_nodes (model->root);
  for (guint i = 0; i < size->n_frames; i++)
    {
      if (i > 0)
        change_state (model, i);
      append_frame (file, model->root);
    }

  frames->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  while (offset < file->len)
    {
      guint32 length;

      memcpy (&length, file->data + offset, sizeof length);
      length = GUINT32_FROM_LE (length);
      g_ptr_array_add (frames->frames, g_bytes_new (file->data + offset + 4, length));
      offset += 4 + length;
    }

  frames->path = bench_write_temp ("asc-bench-rivet-XXXXXX.bin", file->data, file->len);
  printf ("rivet %s: %u nodes, %u frames, %.1f MB of frames\n",
          size->name, frames->n_nodes, frames->frames->len, file->len / 1e6);
}

/* What AscRivetInspector does with one frame. */
static void
handle_frame (AscStateStore *store,
              AscCborCache  *states,
              GBytes        *frame)
{
  g_autoptr(AscRivetInspectorMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (frame, &length);

  message = asc_rivet_inspector_message_parse_cached (data, length, states, &error);
  if (message == NULL || message->type != ASC_RIVET_INSPECTOR_MESSAGE_STATE_UPDATED)
    g_error ("a generated frame does not decode: %s",
             error != NULL ? error->message : "not StateUpdated");

  asc_state_store_update (store, message->state);
}

static void
check_final_state (AscStateStore *store,
                   GBytes        *last_frame)
{
  g_autoptr(AscRivetInspectorMessage) message = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (last_frame, &length);

  message = asc_rivet_inspector_message_parse (data, length, NULL);
  if (!asc_json_equal (asc_state_store_get_document (store), message->state))
    g_error ("the store does not hold the last state it was sent");
}

/* Returns frames per second, the first frame excepted. */
static double
run_ours (const Frames *frames,
          gboolean      check)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(AscCborCache) states = asc_cbor_cache_new ();
  gint64 start;
  double seconds;

  handle_frame (store, states, g_ptr_array_index (frames->frames, 0));
  start = g_get_monotonic_time ();
  for (guint i = 1; i < frames->frames->len; i++)
    handle_frame (store, states, g_ptr_array_index (frames->frames, i));
  seconds = bench_seconds_since (start);

  if (check)
    check_final_state (store, g_ptr_array_index (frames->frames, frames->frames->len - 1));

  return (frames->frames->len - 1) / seconds;
}

static double
run_theirs (const char *node,
            const char *script,
            const char *path)
{
  const char *argv[] = { node, script, path, NULL };

  if (strcmp (node, "-") == 0)
    return 1.0;

  return bench_run_peer (argv, "cbor-x");
}

static void
bench_size (const Size *size,
            const char *node,
            const char *script)
{
  g_auto(Frames) frames = { NULL };
  double ours[N_RUNS], theirs[N_RUNS];

  frames_init (&frames, size);
  for (guint run = 0; run < N_RUNS; run++)
    {
      ours[run] = run_ours (&frames, run == 0);
      theirs[run] = run_theirs (node, script, frames.path);
      printf ("rivet %s run %u: ours %.1f frames/s, Node %.1f frames/s\n",
              size->name, run + 1, ours[run], theirs[run]);
    }

  printf ("rivet %s: ours %.1f frames/s, Node (cbor-x + compare) %.1f frames/s "
          "(medians of %u)\n", size->name, bench_median (ours, N_RUNS),
          bench_median (theirs, N_RUNS), N_RUNS);
  printf ("rivet_state_update_speedup_%s=%.2f\n", size->name,
          bench_median (ours, N_RUNS) / bench_median (theirs, N_RUNS));
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s NODE PEER-SCRIPT\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_size (&sizes[i], argv[1], argv[2]);

  return EXIT_SUCCESS;
}
