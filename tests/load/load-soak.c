/* load-soak.c: an hour of traffic compressed into minutes, with checks
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs soak-server.mjs (many actors changing state and emitting events at a
 * fixed rate, every connection dropped at a fixed interval), watches state
 * and events on every actor through one AscClient, and makes calls all the
 * time. It checks that:
 *
 *  - every call ends, with a result or an error, and none twice;
 *  - calls that succeeded did run, and calls that failed with the server's
 *    own error did not (the `calls` counter of each actor, read from a fresh
 *    snapshot, lies between the two bounds);
 *  - a `get` result equals the mirror when it arrives (the server sends a
 *    call's patches before its result);
 *  - event sequences never repeat or go back, and skip only across a
 *    reconnect;
 *  - RSS does not grow between the end of the first minute and the end;
 *  - at rest, every mirror equals a snapshot taken by a new client.
 *
 * Prints `name=value` lines on stdout, progress on stderr, and exits with
 * status 1 if a check fails.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actorscope.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define SERVER_SCRIPT LOAD_SRCDIR "/soak-server.mjs"
#define CALL_TIMEOUT_MS 10000
#define PUMP_INTERVAL_MS 10
#define RSS_INTERVAL_S 5
#define PROGRESS_INTERVAL_S 30
#define SETTLE_TIMEOUT_MS (CALL_TIMEOUT_MS + 5000)
#define SNAPSHOT_TIMEOUT_MS 20000
#define N_ERROR_CODES (ASC_ERROR_TEST_FAILED + 1)

typedef struct
{
  guint    duration_s;
  guint    n_actors;
  guint    rate;
  guint    reconnect_s;
  guint    call_rate;
  guint    max_in_flight;
  guint    event_log_capacity;
  guint    rss_bound_kb;
  char    *url;
} Options;

/* A counter the server increments by one per message: it may skip across
 * a reconnect (messages sent while we were away are lost), nothing else. */
typedef struct
{
  gint64 last;
  guint  generation;
} Sequence;

typedef struct _Soak Soak;

typedef struct
{
  Soak     *soak;
  AscActor *actor;             /* owned by the client */
  Sequence  ticks;
  Sequence  records;
  guint64   n_records_ok;
  guint64   n_records_unsure;  /* failed on the way: may or may not have run */
} Slot;

typedef struct
{
  guint64 n;
  guint64 skips;
  guint64 unexplained_skips;
  guint64 repeats;
} SequenceStats;

struct _Soak
{
  Options        opts;
  AscClient     *client;
  GPtrArray     *slots;
  guint          generation;
  guint64        n_drops;
  AscClientStatus status;

  guint64        issued;
  guint64        sent;
  guint64        succeeded;
  guint64        failed;
  guint64        failed_by_code[N_ERROR_CODES + 1];
  guint64        failed_as_expected;
  guint64        wrong_outcomes;
  guint          in_flight;
  guint64        n_get_checked;
  guint64        n_get_ahead;
  guint64        n_get_mismatches;

  guint64        n_events;
  guint64        n_changes;
  guint64        n_resets;
  SequenceStats  tick_stats;
  SequenceStats  record_stats;

  GArray        *rss_times;    /* seconds since the start, as double */
  GArray        *rss_kb;       /* guint64 */
  gint64         start_us;
  gint64         end_us;
  gboolean       pumping;
  gboolean       time_is_up;
};

typedef enum
{
  CALL_RECORD,
  CALL_GET,
  CALL_SEQ,
  CALL_FAIL,
} CallKind;

typedef struct
{
  Soak    *soak;
  Slot    *slot;
  CallKind kind;
} Call;

static gboolean
parse_options (Options   *opts,
               int       *argc,
               char    ***argv)
{
  int duration = 300, actors = 50, rate = 2000, reconnect = 30, call_rate = 100;
  int in_flight = 64, capacity = 1000, bound = 8192;
  GOptionEntry entries[] = {
    { "duration", 'd', 0, G_OPTION_ARG_INT, &duration, "Seconds of load (300)", "S" },
    { "actors", 0, 0, G_OPTION_ARG_INT, &actors, "Actors to watch (50)", "N" },
    { "rate", 0, 0, G_OPTION_ARG_INT, &rate, "Server frames per second (2000)", "N" },
    { "reconnect-every", 0, 0, G_OPTION_ARG_INT, &reconnect,
      "Seconds between forced reconnects (30)", "S" },
    { "call-rate", 0, 0, G_OPTION_ARG_INT, &call_rate, "Calls per second (100)", "N" },
    { "max-in-flight", 0, 0, G_OPTION_ARG_INT, &in_flight, "Most calls at once (64)", "N" },
    { "event-log-capacity", 0, 0, G_OPTION_ARG_INT, &capacity,
      "Event log size per actor (1000)", "N" },
    { "rss-bound-kb", 0, 0, G_OPTION_ARG_INT, &bound,
      "Largest RSS growth after the first minute that counts as flat (8192)", "KB" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &opts->url,
      "Use this running soak-server.mjs instead of starting one", "URL" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- soak the Zocket client");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("load-soak: %s\n", error->message);
      return FALSE;
    }
  if (duration < 10 || actors < 1 || actors > 10000 || rate < 0 || reconnect < 0 ||
      call_rate < 0 || in_flight < 1 || capacity < 1 || bound < 0)
    {
      g_printerr ("load-soak: an option is out of range (--duration is at least 10)\n");
      return FALSE;
    }

  opts->duration_s = duration;
  opts->n_actors = actors;
  opts->rate = rate;
  opts->reconnect_s = reconnect;
  opts->call_rate = call_rate;
  opts->max_in_flight = in_flight;
  opts->event_log_capacity = capacity;
  opts->rss_bound_kb = bound;
  return TRUE;
}

static void
print_value (const char *name,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
print_value (const char *name,
             const char *format,
             ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("%s=%s\n", name, value);
  fflush (stdout);
}

/* Criticals and warnings (from the library or libsoup) fail the run, but do
 * not stop it: the run goes on to report everything else. */
static guint n_log_problems;

static GLogWriterOutput
count_problems_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    n_log_problems++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static double
seconds_since_start (Soak *soak)
{
  return (g_get_monotonic_time () - soak->start_us) / (double) G_USEC_PER_SEC;
}

/* VmRSS from /proc/self/status, in kB; 0 if it cannot be read. */
static guint64
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "\nVmRSS:");
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10);
}

static void
sample_rss (Soak *soak)
{
  double t = seconds_since_start (soak);
  guint64 kb = read_rss_kb ();

  g_array_append_val (soak->rss_times, t);
  g_array_append_val (soak->rss_kb, kb);
}

/* ------------------------------------------------------------------ */
/* Sequences, events, state                                            */

static void
sequence_check (Sequence      *sequence,
                gint64         value,
                guint          generation,
                SequenceStats *stats)
{
  stats->n++;
  if (sequence->last >= 0 && value <= sequence->last)
    stats->repeats++;
  else if (sequence->last >= 0 && value > sequence->last + 1)
    {
      stats->skips++;
      if (sequence->generation == generation)
        stats->unexplained_skips++;
    }
  sequence->last = MAX (sequence->last, value);
  sequence->generation = generation;
}

static gint64
payload_int (JsonNode   *payload,
             const char *member)
{
  JsonObject *object;

  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    return -1;
  object = json_node_get_object (payload);
  return json_object_get_int_member_with_default (object, member, -1);
}

static void
event_cb (AscActor   *actor,
          const char *name,
          JsonNode   *payload,
          Slot       *slot)
{
  Soak *soak = slot->soak;

  soak->n_events++;
  if (g_strcmp0 (name, "tick") == 0)
    sequence_check (&slot->ticks, payload_int (payload, "seq"), soak->generation,
                    &soak->tick_stats);
  else if (g_strcmp0 (name, "recorded") == 0)
    sequence_check (&slot->records, payload_int (payload, "calls"), soak->generation,
                    &soak->record_stats);
}

static void
store_changed_cb (AscStateStore      *store,
                  const char * const *paths,
                  Soak               *soak)
{
  soak->n_changes++;
}

static void
store_reset_cb (AscStateStore *store,
                Soak          *soak)
{
  soak->n_resets++;
}

static void
client_status_cb (AscClient  *client,
                  GParamSpec *pspec,
                  Soak       *soak)
{
  AscClientStatus status = asc_client_get_status (client);

  if (status == ASC_CLIENT_STATUS_CONNECTED && soak->status != ASC_CLIENT_STATUS_CONNECTED)
    soak->generation++;
  if (status != ASC_CLIENT_STATUS_CONNECTED && soak->status == ASC_CLIENT_STATUS_CONNECTED)
    soak->n_drops++;
  soak->status = status;
}

static void
slot_free (Slot *slot)
{
  g_signal_handlers_disconnect_by_data (slot->actor, slot);
  g_signal_handlers_disconnect_by_data (asc_actor_get_state_store (slot->actor), slot->soak);
  g_free (slot);
}

static Slot *
slot_new (Soak  *soak,
          guint  index)
{
  g_autofree char *key = g_strdup_printf ("s%u", index);
  Slot *slot = g_new0 (Slot, 1);
  AscStateStore *store;

  slot->soak = soak;
  slot->actor = asc_client_get_actor (soak->client, "sensor", key);
  slot->ticks.last = slot->records.last = -1;
  store = asc_actor_get_state_store (slot->actor);
  asc_event_log_set_capacity (asc_actor_get_event_log (slot->actor),
                              soak->opts.event_log_capacity);
  g_signal_connect (slot->actor, "event", G_CALLBACK (event_cb), slot);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), soak);
  g_signal_connect (store, "reset", G_CALLBACK (store_reset_cb), soak);
  asc_actor_subscribe_events (slot->actor);
  asc_actor_watch_state (slot->actor);
  return slot;
}

static gboolean
slot_is_current (Slot *slot)
{
  AscStateStore *store = asc_actor_get_state_store (slot->actor);

  return asc_state_store_get_document (store) != NULL &&
         !asc_state_store_get_out_of_sync (store) &&
         !asc_zocket_actor_get_awaiting_snapshot (ASC_ZOCKET_ACTOR (slot->actor));
}

static gboolean
all_slots_current (gpointer user_data)
{
  GPtrArray *slots = user_data;

  for (guint i = 0; i < slots->len; i++)
    if (!slot_is_current (g_ptr_array_index (slots, i)))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */

static void
count_failure (Soak         *soak,
               Call         *call,
               const GError *error)
{
  guint code = error->domain == ASC_ERROR && error->code > 0 && error->code < N_ERROR_CODES
    ? (guint) error->code : N_ERROR_CODES;
  gboolean from_server = error->domain == ASC_ERROR && error->code == ASC_ERROR_REMOTE;

  soak->failed++;
  soak->failed_by_code[code]++;
  if (call->kind == CALL_FAIL && from_server)
    {
      soak->failed_as_expected++;
      return;
    }
  /* Only an error the server sent says the call did not run. */
  if (from_server)
    soak->wrong_outcomes++;
  if (call->kind == CALL_RECORD)
    call->slot->n_records_unsure++;
}

/* The mirror has seen every patch sent before the result, and perhaps a few
 * more: results complete from an idle, after the frames read with them. So
 * the mirror must never be behind the result (seq counts the server's own
 * changes, calls the record calls), and where it is at the same point it
 * must be equal. */
static void
check_get_result (Soak     *soak,
                  Slot     *slot,
                  JsonNode *result)
{
  JsonNode *mirror = asc_state_store_get_document (asc_actor_get_state_store (slot->actor));
  gint64 mirror_seq, mirror_calls, result_seq, result_calls;
  gboolean behind, same_point;

  /* A resync asked for after this call was sent may still be under way. */
  if (!slot_is_current (slot))
    return;

  mirror_seq = payload_int (mirror, "seq");
  mirror_calls = payload_int (mirror, "calls");
  result_seq = payload_int (result, "seq");
  result_calls = payload_int (result, "calls");
  behind = mirror_seq < result_seq || mirror_calls < result_calls;
  same_point = mirror_seq == result_seq && mirror_calls == result_calls;
  if (!behind && !same_point)
    {
      soak->n_get_ahead++;
      return;
    }

  soak->n_get_checked++;
  if (same_point && json_node_equal (mirror, result))
    return;

  if (soak->n_get_mismatches++ < 3)
    {
      g_autofree char *a = json_to_string (mirror, FALSE);
      g_autofree char *b = json_to_string (result, FALSE);

      g_printerr ("# %s: mirror %s %s the get result %s\n",
                  asc_actor_get_key (slot->actor), a,
                  behind ? "is behind" : "differs from", b);
    }
}

static void
count_success (Soak     *soak,
               Call     *call,
               JsonNode *result)
{
  soak->succeeded++;
  switch (call->kind)
    {
    case CALL_RECORD:
      call->slot->n_records_ok++;
      break;
    case CALL_GET:
      check_get_result (soak, call->slot, result);
      break;
    case CALL_FAIL:
      soak->wrong_outcomes++;
      break;
    case CALL_SEQ:
    default:
      break;
    }
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;
  Soak *soak = call->soak;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = asc_actor_call_finish (ASC_ACTOR (object), result, &error);
  g_assert (soak->in_flight > 0);
  soak->in_flight--;
  if (error != NULL)
    count_failure (soak, call, error);
  else
    count_success (soak, call, node);
  g_free (call);
}

static void
start_call (Soak *soak)
{
  static const char *methods[] = { "record", "get", "seq", "fail" };
  Call *call = g_new0 (Call, 1);
  g_autoptr(JsonNode) input = NULL;
  guint which = soak->sent % 20;

  call->soak = soak;
  call->slot = g_ptr_array_index (soak->slots, g_random_int_range (0, soak->slots->len));
  call->kind = which == 0 ? CALL_FAIL : which <= 4 ? CALL_GET : which == 5 ? CALL_SEQ
                                                                              : CALL_RECORD;
  if (call->kind == CALL_RECORD)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, g_random_int_range (1, 10));
      json_builder_end_object (builder);
      input = json_builder_get_root (builder);
    }

  soak->sent++;
  soak->in_flight++;
  asc_actor_call_async (call->slot->actor, methods[call->kind], input, NULL,
                        call_done_cb, call);
}

/* Issues calls at the asked rate, by the clock rather than by ticks, so a
 * late timer catches up (bounded by --max-in-flight). */
static gboolean
pump_cb (gpointer user_data)
{
  Soak *soak = user_data;
  double elapsed = seconds_since_start (soak);
  guint64 due = (guint64) (elapsed * soak->opts.call_rate);

  if (!soak->pumping)
    return G_SOURCE_REMOVE;

  while (soak->issued < due)
    {
      soak->issued++;
      if (soak->in_flight < soak->opts.max_in_flight)
        start_call (soak);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
rss_cb (gpointer user_data)
{
  Soak *soak = user_data;

  if (!soak->pumping)
    return G_SOURCE_REMOVE;
  sample_rss (soak);
  return G_SOURCE_CONTINUE;
}

static gboolean
progress_cb (gpointer user_data)
{
  Soak *soak = user_data;
  double t = seconds_since_start (soak);

  if (!soak->pumping)
    return G_SOURCE_REMOVE;
  g_printerr ("# %4.0f s: rss %" G_GUINT64_FORMAT " kB, calls %" G_GUINT64_FORMAT
              " sent / %" G_GUINT64_FORMAT " ok / %" G_GUINT64_FORMAT " failed, "
              "%.0f frames/s, %" G_GUINT64_FORMAT " drops\n",
              t, read_rss_kb (), soak->sent, soak->succeeded, soak->failed,
              (soak->n_events + soak->n_changes) / t, soak->n_drops);
  return G_SOURCE_CONTINUE;
}

static gboolean
time_up_cb (gpointer user_data)
{
  Soak *soak = user_data;

  soak->time_is_up = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
time_is_up (gpointer user_data)
{
  return ((Soak *) user_data)->time_is_up;
}

static gboolean
no_call_in_flight (gpointer user_data)
{
  return ((Soak *) user_data)->in_flight == 0;
}

/* ------------------------------------------------------------------ */
/* Synchronous helpers for the setup and the final checks              */

typedef struct
{
  gboolean  done;
  JsonNode *result;
  GError   *error;
} Outcome;

static void
outcome_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = asc_actor_call_finish (ASC_ACTOR (object), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
outcome_done (gpointer user_data)
{
  return ((Outcome *) user_data)->done;
}

/* Calls until a call succeeds: a forced reconnect may fail one attempt.
 * The call timeout bounds each wait, so the outcome always arrives. */
static JsonNode *
call_until_ok (AscActor    *actor,
               const char  *method,
               guint        attempts,
               GError     **error)
{
  for (guint i = 0; i < attempts; i++)
    {
      Outcome outcome = { 0 };

      asc_actor_call_async (actor, method, NULL, NULL, outcome_cb, &outcome);
      g_assert_true (asc_test_wait_until (outcome_done, &outcome, CALL_TIMEOUT_MS * 2));
      if (outcome.error == NULL)
        return outcome.result;
      if (i + 1 == attempts)
        {
          g_propagate_error (error, outcome.error);
          return NULL;
        }
      g_clear_error (&outcome.error);
    }
  return NULL;
}

static gboolean
documents_arrived (gpointer user_data)
{
  GPtrArray *actors = user_data;

  for (guint i = 0; i < actors->len; i++)
    if (asc_state_store_get_document (asc_actor_get_state_store (g_ptr_array_index (actors, i))) == NULL)
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The run                                                             */

static AscClient *
new_client (const char *url)
{
  g_autoptr(GError) error = NULL;
  AscClient *client = asc_client_new (url, ASC_CLIENT_KIND_ZOCKET, &error);

  g_assert_no_error (error);
  asc_client_set_call_timeout (client, CALL_TIMEOUT_MS);
  return client;
}

static void
soak_set_up (Soak       *soak,
             const char *url)
{
  soak->client = new_client (url);
  soak->status = asc_client_get_status (soak->client);
  g_signal_connect (soak->client, "notify::status", G_CALLBACK (client_status_cb), soak);
  asc_client_open (soak->client);

  soak->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  for (guint i = 0; i < soak->opts.n_actors; i++)
    g_ptr_array_add (soak->slots, slot_new (soak, i));

  if (!asc_test_wait_until (all_slots_current, soak->slots, SNAPSHOT_TIMEOUT_MS))
    g_error ("the first snapshots did not arrive within %d s", SNAPSHOT_TIMEOUT_MS / 1000);
}

static void
soak_run (Soak *soak)
{
  soak->rss_times = g_array_new (FALSE, FALSE, sizeof (double));
  soak->rss_kb = g_array_new (FALSE, FALSE, sizeof (guint64));
  soak->start_us = g_get_monotonic_time ();
  soak->pumping = TRUE;
  sample_rss (soak);

  g_timeout_add (PUMP_INTERVAL_MS, pump_cb, soak);
  g_timeout_add_seconds (RSS_INTERVAL_S, rss_cb, soak);
  g_timeout_add_seconds (PROGRESS_INTERVAL_S, progress_cb, soak);
  g_timeout_add_seconds (soak->opts.duration_s, time_up_cb, soak);
  asc_test_wait_until (time_is_up, soak, (soak->opts.duration_s + 60) * 1000);

  soak->pumping = FALSE;
  soak->end_us = g_get_monotonic_time ();
  sample_rss (soak);
}

/* Stops the server's changes and drops, then makes one call on every actor:
 * its result comes after every patch the actor sent before it. */
static gboolean
bring_to_rest (Soak *soak)
{
  AscActor *control = asc_client_get_actor (soak->client, "control", "main");
  g_autoptr(JsonNode) paused = NULL;
  g_autoptr(GError) error = NULL;

  paused = call_until_ok (control, "pause", 5, &error);
  if (paused == NULL)
    {
      g_printerr ("# could not pause the server: %s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; i < soak->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (soak->slots, i);
      g_autoptr(JsonNode) seq = call_until_ok (slot->actor, "seq", 5, &error);

      if (seq == NULL)
        {
          g_printerr ("# %s did not answer: %s\n", asc_actor_get_key (slot->actor),
                      error->message);
          return FALSE;
        }
    }

  return asc_test_wait_until (all_slots_current, soak->slots, SNAPSHOT_TIMEOUT_MS);
}

static gboolean
mirror_matches (Slot     *slot,
                JsonNode *fresh)
{
  JsonNode *mirror = asc_state_store_get_document (asc_actor_get_state_store (slot->actor));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (mirror != NULL && json_node_equal (mirror, fresh))
    return TRUE;

  a = mirror != NULL ? json_to_string (mirror, FALSE) : g_strdup ("(none)");
  b = json_to_string (fresh, FALSE);
  g_printerr ("# %s: mirror %s differs from the fresh snapshot %s\n",
              asc_actor_get_key (slot->actor), a, b);
  return FALSE;
}

/* The server's count of `record` calls lies between the calls known to
 * have run and those that may have. */
static gboolean
records_add_up (Slot     *slot,
                JsonNode *fresh)
{
  gint64 calls = payload_int (fresh, "calls");

  if (calls >= 0 && (guint64) calls >= slot->n_records_ok &&
      (guint64) calls <= slot->n_records_ok + slot->n_records_unsure)
    return TRUE;

  g_printerr ("# %s: the server ran %" G_GINT64_FORMAT " record calls; %" G_GUINT64_FORMAT
              " succeeded and %" G_GUINT64_FORMAT " failed on the way\n",
              asc_actor_get_key (slot->actor), calls, slot->n_records_ok,
              slot->n_records_unsure);
  return FALSE;
}

static void
compare_with_fresh_snapshots (Soak       *soak,
                              const char *url,
                              guint      *n_equal,
                              guint      *n_accounted)
{
  g_autoptr(AscClient) fresh = new_client (url);
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  for (guint i = 0; i < soak->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (soak->slots, i);
      AscActor *actor = asc_client_get_actor (fresh, "sensor", asc_actor_get_key (slot->actor));

      asc_actor_watch_state (actor);
      g_ptr_array_add (actors, actor);
    }
  if (!asc_test_wait_until (documents_arrived, actors, SNAPSHOT_TIMEOUT_MS))
    g_printerr ("# the fresh client did not get every snapshot\n");

  *n_equal = *n_accounted = 0;
  for (guint i = 0; i < soak->slots->len; i++)
    {
      JsonNode *document = asc_state_store_get_document (asc_actor_get_state_store (g_ptr_array_index (actors, i)));

      if (document == NULL)
        continue;
      *n_equal += mirror_matches (g_ptr_array_index (soak->slots, i), document);
      *n_accounted += records_add_up (g_ptr_array_index (soak->slots, i), document);
    }

  for (guint i = 0; i < actors->len; i++)
    asc_actor_unwatch_state (g_ptr_array_index (actors, i));
  asc_client_close (fresh);
}

/* RSS at the end of the first minute (or third of the run, if shorter),
 * against RSS at the end. */
static gint64
rss_growth_kb (Soak    *soak,
               guint64 *baseline,
               guint64 *max)
{
  double baseline_t = MIN (60.0, soak->opts.duration_s / 3.0);
  guint64 end = g_array_index (soak->rss_kb, guint64, soak->rss_kb->len - 1);

  *baseline = end;
  *max = 0;
  for (guint i = 0; i < soak->rss_kb->len; i++)
    *max = MAX (*max, g_array_index (soak->rss_kb, guint64, i));
  for (guint i = 0; i < soak->rss_kb->len; i++)
    if (g_array_index (soak->rss_times, double, i) >= baseline_t)
      {
        *baseline = g_array_index (soak->rss_kb, guint64, i);
        break;
      }
  return (gint64) end - (gint64) *baseline;
}

static guint
sum_resyncs (Soak *soak)
{
  guint n = 0;

  for (guint i = 0; i < soak->slots->len; i++)
    n += asc_actor_get_n_resyncs (((Slot *) g_ptr_array_index (soak->slots, i))->actor);
  return n;
}

static void
print_errors (Soak *soak)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GEnumClass) codes = g_type_class_ref (ASC_TYPE_ERROR);

  for (guint code = 1; code <= N_ERROR_CODES; code++)
    {
      GEnumValue *value = g_enum_get_value (codes, code);

      if (soak->failed_by_code[code] == 0)
        continue;
      g_string_append_printf (text, "%s%s:%" G_GUINT64_FORMAT, text->len > 0 ? "," : "",
                              code < N_ERROR_CODES && value != NULL ? value->value_nick : "other",
                              soak->failed_by_code[code]);
    }
  print_value ("soak_calls_failed_by_code", "%s", text->len > 0 ? text->str : "none");
}

typedef struct
{
  guint n_failed;
} Verdict;

static void
check (Verdict    *verdict,
       gboolean    ok,
       const char *what)
{
  if (ok)
    return;
  verdict->n_failed++;
  g_printerr ("# FAILED: %s\n", what);
}

static int
report (Soak    *soak,
        gboolean at_rest,
        guint    lost,
        guint    n_equal,
        guint    n_accounted)
{
  double seconds = (soak->end_us - soak->start_us) / (double) G_USEC_PER_SEC;
  double frames_per_s = (soak->n_events + soak->n_changes) / seconds;
  guint64 baseline, max;
  gint64 growth = rss_growth_kb (soak, &baseline, &max);
  guint n = soak->opts.n_actors;
  Verdict verdict = { 0 };

  print_value ("soak_duration_s", "%.0f", seconds);
  print_value ("soak_actors", "%u", n);
  print_value ("soak_messages_per_s", "%.0f", frames_per_s);
  print_value ("soak_events", "%" G_GUINT64_FORMAT, soak->n_events);
  print_value ("soak_state_changes", "%" G_GUINT64_FORMAT, soak->n_changes);
  print_value ("soak_snapshots", "%" G_GUINT64_FORMAT, soak->n_resets);
  print_value ("soak_reconnects", "%" G_GUINT64_FORMAT, soak->n_drops);
  print_value ("soak_resyncs", "%u", sum_resyncs (soak));
  print_value ("soak_calls_sent", "%" G_GUINT64_FORMAT, soak->sent);
  print_value ("soak_calls_succeeded", "%" G_GUINT64_FORMAT, soak->succeeded);
  print_value ("soak_calls_failed", "%" G_GUINT64_FORMAT, soak->failed);
  print_value ("soak_calls_failed_as_expected", "%" G_GUINT64_FORMAT, soak->failed_as_expected);
  print_errors (soak);
  print_value ("soak_calls_lost", "%u", lost);
  print_value ("soak_calls_wrong_outcome", "%" G_GUINT64_FORMAT, soak->wrong_outcomes);
  print_value ("soak_get_checked", "%" G_GUINT64_FORMAT, soak->n_get_checked);
  print_value ("soak_get_mirror_ahead", "%" G_GUINT64_FORMAT, soak->n_get_ahead);
  print_value ("soak_get_mismatches", "%" G_GUINT64_FORMAT, soak->n_get_mismatches);
  print_value ("soak_event_skips", "%" G_GUINT64_FORMAT,
               soak->tick_stats.skips + soak->record_stats.skips);
  print_value ("soak_event_skips_unexplained", "%" G_GUINT64_FORMAT,
               soak->tick_stats.unexplained_skips + soak->record_stats.unexplained_skips);
  print_value ("soak_event_repeats", "%" G_GUINT64_FORMAT,
               soak->tick_stats.repeats + soak->record_stats.repeats);
  print_value ("soak_rss_start_kb", "%" G_GUINT64_FORMAT, g_array_index (soak->rss_kb, guint64, 0));
  print_value ("soak_rss_baseline_kb", "%" G_GUINT64_FORMAT, baseline);
  print_value ("soak_rss_end_kb", "%" G_GUINT64_FORMAT,
               g_array_index (soak->rss_kb, guint64, soak->rss_kb->len - 1));
  print_value ("soak_rss_max_kb", "%" G_GUINT64_FORMAT, max);
  print_value ("soak_rss_growth_kb", "%" G_GINT64_FORMAT, growth);
  print_value ("soak_rss_bound_kb", "%u", soak->opts.rss_bound_kb);
  print_value ("soak_log_criticals_and_warnings", "%u", n_log_problems);
  print_value ("soak_mirrors_equal", "%u/%u", n_equal, n);
  print_value ("soak_calls_accounted", "%u/%u", n_accounted, n);

  check (&verdict, frames_per_s >= 0.9 * soak->opts.rate, "under 90% of the asked message rate");
  /* The server's clock starts a little before ours: one drop may fall
   * after our end. */
  check (&verdict, soak->opts.reconnect_s == 0 ||
                   soak->n_drops + 1 >= soak->opts.duration_s / soak->opts.reconnect_s,
         "fewer reconnects than forced");
  check (&verdict, lost == 0, "calls left without an outcome");
  check (&verdict, soak->wrong_outcomes == 0, "calls with the wrong outcome");
  check (&verdict, soak->n_get_mismatches == 0, "get results that differ from the mirror");
  check (&verdict, soak->tick_stats.unexplained_skips + soak->record_stats.unexplained_skips == 0,
         "events missed without a reconnect");
  check (&verdict, soak->tick_stats.repeats + soak->record_stats.repeats == 0,
         "events repeated or out of order");
  check (&verdict, growth <= (gint64) soak->opts.rss_bound_kb, "RSS grew past the bound");
  check (&verdict, n_log_problems == 0, "criticals or warnings were logged");
  check (&verdict, at_rest, "the client did not come to rest");
  check (&verdict, n_equal == n, "mirrors that differ from a fresh snapshot");
  check (&verdict, n_accounted == n, "record calls that do not add up");

  print_value ("soak_result", "%s", verdict.n_failed == 0 ? "pass" : "fail");
  return verdict.n_failed == 0 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  Soak soak = { 0 };
  g_autoptr(AscTestNodeServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rate = NULL, *actors = NULL, *reconnect = NULL;
  const char *url;
  gboolean at_rest;
  guint n_equal = 0, n_accounted = 0, lost;
  int status;

  if (!parse_options (&soak.opts, &argc, &argv))
    return 2;
  g_log_set_writer_func (count_problems_writer, NULL, NULL);

  rate = g_strdup_printf ("%u", soak.opts.rate);
  actors = g_strdup_printf ("%u", soak.opts.n_actors);
  reconnect = g_strdup_printf ("%u", soak.opts.reconnect_s);
  if (soak.opts.url == NULL)
    {
      const char *args[] = { "--actors", actors, "--rate", rate,
                             "--reconnect-every", reconnect, NULL };

      server = asc_test_node_server_start (SERVER_SCRIPT, args, &error);
      if (server == NULL)
        {
          g_printerr ("load-soak: %s\n", error->message);
          return 2;
        }
    }
  url = soak.opts.url != NULL ? soak.opts.url : asc_test_node_server_get_url (server);

  g_printerr ("# soak: %u actors, %u frames/s, calls at %u/s, a forced reconnect every %u s, "
              "for %u s against %s\n", soak.opts.n_actors, soak.opts.rate,
              soak.opts.call_rate, soak.opts.reconnect_s, soak.opts.duration_s, url);
  soak_set_up (&soak, url);
  soak_run (&soak);

  asc_test_wait_until (no_call_in_flight, &soak, SETTLE_TIMEOUT_MS);
  lost = soak.in_flight;
  at_rest = bring_to_rest (&soak);
  compare_with_fresh_snapshots (&soak, url, &n_equal, &n_accounted);
  status = report (&soak, at_rest, lost, n_equal, n_accounted);

  /* Closing fails any call still out, whose callback reads its slot. */
  asc_client_close (soak.client);
  asc_test_drain ();
  g_clear_pointer (&soak.slots, g_ptr_array_unref);
  g_clear_object (&soak.client);
  g_clear_pointer (&soak.rss_times, g_array_unref);
  g_clear_pointer (&soak.rss_kb, g_array_unref);
  g_free (soak.opts.url);
  return status;
}
