/* load-rivet-list.c: thousands of actors listed from the Rivet engine
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the Rivet test server (fixed ports: hold /tmp/actorscope-rivet.lock
 * around a run), creates --count `bulk` actors through AscRivetEngine, many
 * at once, then lists them page by page and checks that every actor created
 * is listed exactly once. Prints `name=value` lines on stdout and exits with
 * status 1 if one is missing or listed twice.
 *
 * The engine starts each actor it creates on the server, a few a second on
 * a small machine. With --pool NAME the actors go to a runner pool of that
 * name that no server serves (the run declares it): the engine records them
 * and puts them to sleep, which is several times faster, and the listing is
 * the same.
 */

#include "config.h"

#include <stdio.h>

#include "actorscope.h"
#include "asc-rivet-private.h"
#include "asc-test-node-server.h"
#include "asc-test-util.h"

#define SERVER_SCRIPT LOAD_SRCDIR "/../servers/rivet/server.mjs"
#define ACTOR_NAME "bulk"
#define ENGINE_TIMEOUT_MS 60000
#define CREATE_ATTEMPTS 3
#define PROGRESS_EVERY 1000

typedef struct
{
  guint  count;
  guint  page_size;
  guint  in_flight;
  char  *url;
  char  *pool;
} Options;

typedef struct
{
  Options         opts;
  AscRivetEngine *engine;
  GHashTable     *created;       /* actor id → key */
  char           *prefix;
  guint           started;
  guint           pending;
  guint           n_retries;
  guint           n_failed;
} Run;

typedef struct
{
  Run  *run;
  char *key;
  guint attempt;
} Create;

static gboolean
parse_options (Options   *opts,
               int       *argc,
               char    ***argv)
{
  int count = 10000, page_size = 100, in_flight = 16;
  GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Actors to create (10000)", "N" },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &page_size, "Actors per page (100)", "N" },
    { "in-flight", 0, 0, G_OPTION_ARG_INT, &in_flight, "Creations at once (16)", "N" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &opts->url,
      "Use this running engine instead of starting the test server", "URL" },
    { "pool", 0, 0, G_OPTION_ARG_STRING, &opts->pool,
      "Create the actors in this runner pool, which no server serves", "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- list many Rivet actors");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("load-rivet-list: %s\n", error->message);
      return FALSE;
    }
  if (count < 1 || count > 1000000 || page_size < 1 || page_size > 10000 ||
      in_flight < 1 || in_flight > 1000)
    {
      g_printerr ("load-rivet-list: an option is out of range\n");
      return FALSE;
    }

  opts->count = count;
  opts->page_size = page_size;
  opts->in_flight = in_flight;
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

static double
seconds_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / (double) G_USEC_PER_SEC;
}

/* ------------------------------------------------------------------ */
/* Creating                                                            */

static void create_next (Run *run);
static void create_send (Create *create);

static void
create_free (Create *create)
{
  g_free (create->key);
  g_free (create);
}

/* A creation that timed out may still have happened: a retry asks for
 * the same key with get-or-create, never for a second actor. */
static void
creation_done (Create            *create,
               AscRivetActorInfo *info,
               GError            *error)
{
  Run *run = create->run;

  if (info == NULL && ++create->attempt < CREATE_ATTEMPTS)
    {
      g_printerr ("# creating %s failed (%s); trying again\n", create->key, error->message);
      run->n_retries++;
      create_send (create);
      return;
    }

  if (info == NULL)
    {
      g_printerr ("# creating %s failed for good: %s\n", create->key, error->message);
      run->n_failed++;
    }
  else
    g_hash_table_insert (run->created, g_strdup (asc_rivet_actor_info_get_id (info)),
                         g_steal_pointer (&create->key));

  create_free (create);
  run->pending--;
  if (g_hash_table_size (run->created) % PROGRESS_EVERY == 0 && info != NULL)
    g_printerr ("# %u actors created\n", g_hash_table_size (run->created));
  create_next (run);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Create *create = user_data;
  Run *run = create->run;
  g_autoptr(AscRivetActorInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (create->attempt == 0)
    info = asc_rivet_engine_create_actor_finish (run->engine, result, &error);
  else
    info = asc_rivet_engine_get_or_create_actor_finish (run->engine, result, NULL, &error);

  creation_done (create, info, error);
}

static void
pool_created_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Create *create = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AscRivetActorInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer = _asc_rivet_engine_send_finish_object (create->run->engine, result,
                                                             &root, &error);
  JsonNode *actor = answer != NULL ? json_object_get_member (answer, "actor") : NULL;

  if (answer != NULL && (actor == NULL || !JSON_NODE_HOLDS_OBJECT (actor)))
    error = g_error_new (ASC_ERROR, ASC_ERROR_PROTOCOL, "the answer has no actor");
  else if (actor != NULL)
    info = asc_rivet_actor_info_new_from_json (json_node_get_object (actor), &error);

  creation_done (create, info, error);
}

/* The engine's own API, as no call of the library names a pool: POST
 * creates, PUT gets or creates. */
static void
pool_send (Run        *run,
           const char *method,
           const char *path,
           JsonNode   *body,
           gpointer    user_data)
{
  g_autoptr(GString) query = _asc_rivet_engine_new_query (run->engine);
  g_autoptr(SoupMessage) message = _asc_rivet_engine_new_message (run->engine, method, path,
                                                                  query, body);

  _asc_rivet_engine_send_async (run->engine, message, NULL, pool_created_cb, user_data);
}

static void
pool_create_send (Create *create)
{
  Run *run = create->run;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_string_member (body, "name", ACTOR_NAME);
  json_object_set_string_member (body, "key", create->key);
  json_object_set_string_member (body, "runner_name_selector", run->opts.pool);
  json_object_set_string_member (body, "crash_policy", "sleep");
  node = json_node_init_object (json_node_alloc (), body);
  pool_send (run, create->attempt == 0 ? SOUP_METHOD_POST : SOUP_METHOD_PUT, "/actors",
             node, create);
}

static gboolean
declared_pool (gpointer user_data)
{
  return *(int *) user_data != 0;
}

static void
pool_declared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  int *status = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object),
                                                              result, &error);

  if (answer == NULL)
    g_printerr ("load-rivet-list: the pool could not be declared: %s\n", error->message);
  *status = answer != NULL ? 1 : -1;
}

/* A pool with a configuration but no server: actors wait in it, asleep. */
static gboolean
declare_pool (Run *run)
{
  g_autofree char *path = g_strdup_printf ("/runner-configs/%s", run->opts.pool);
  g_autoptr(JsonNode) body = json_from_string ("{\"datacenters\":{\"default\":{\"normal\":{}}}}",
                                               NULL);
  g_autoptr(GString) query = _asc_rivet_engine_new_query (run->engine);
  g_autoptr(SoupMessage) message = _asc_rivet_engine_new_message (run->engine, SOUP_METHOD_PUT,
                                                                  path, query, body);
  int status = 0;

  _asc_rivet_engine_send_async (run->engine, message, NULL, pool_declared_cb, &status);
  if (!asc_test_wait_until (declared_pool, &status, ENGINE_TIMEOUT_MS + 1000))
    g_error ("declaring the pool did not finish");

  return status > 0;
}

static void
create_send (Create *create)
{
  Run *run = create->run;

  if (run->opts.pool != NULL)
    pool_create_send (create);
  else if (create->attempt == 0)
    asc_rivet_engine_create_actor_async (run->engine, ACTOR_NAME, create->key, NULL, NULL,
                                         created_cb, create);
  else
    asc_rivet_engine_get_or_create_actor_async (run->engine, ACTOR_NAME, create->key, NULL,
                                                NULL, created_cb, create);
}

static void
create_next (Run *run)
{
  Create *create;

  if (run->started == run->opts.count)
    return;

  create = g_new0 (Create, 1);
  create->run = run;
  create->key = g_strdup_printf ("%s-%06u", run->prefix, run->started++);
  run->pending++;
  create_send (create);
}

static gboolean
creations_done (gpointer user_data)
{
  Run *run = user_data;

  return run->started == run->opts.count && run->pending == 0;
}

static gboolean
create_all (Run *run)
{
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint i = 0; i < run->opts.in_flight; i++)
    create_next (run);
  /* Bounded by the engine timeout of every single request. */
  if (!asc_test_wait_until (creations_done, run,
                            (run->opts.count / run->opts.in_flight + 1) *
                            CREATE_ATTEMPTS * ENGINE_TIMEOUT_MS))
    g_error ("creations did not finish");

  seconds = seconds_since (start);
  print_value ("rivet_created", "%u", g_hash_table_size (run->created));
  print_value ("rivet_create_failed", "%u", run->n_failed);
  print_value ("rivet_create_retries", "%u", run->n_retries);
  print_value ("rivet_create_s", "%.1f", seconds);
  print_value ("rivet_create_per_s", "%.0f", g_hash_table_size (run->created) / seconds);
  return run->n_failed == 0;
}

/* ------------------------------------------------------------------ */
/* Listing                                                             */

typedef struct
{
  GHashTable *seen;
  guint       n_ours;
  guint       n_others;
  guint       n_duplicates;
  guint       n_pages;
  guint       largest_page;
} Listing;

typedef struct
{
  gboolean    done;
  GListModel *page;
  char       *next;
  GError     *error;
} PageResult;

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageResult *page = user_data;

  page->page = asc_rivet_engine_list_actors_finish (ASC_RIVET_ENGINE (object), result,
                                                    &page->next, &page->error);
  page->done = TRUE;
}

static gboolean
page_done (gpointer user_data)
{
  return ((PageResult *) user_data)->done;
}

static void
take_page (Run        *run,
           Listing    *listing,
           GListModel *page)
{
  guint n = g_list_model_get_n_items (page);

  listing->n_pages++;
  listing->largest_page = MAX (listing->largest_page, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (page, i);
      const char *id = asc_rivet_actor_info_get_id (info);

      if (!g_hash_table_add (listing->seen, g_strdup (id)))
        listing->n_duplicates++;
      else if (g_hash_table_contains (run->created, id))
        listing->n_ours++;
      else
        listing->n_others++;
    }
}

/* Returns FALSE if a page could not be fetched. */
static gboolean
list_all (Run     *run,
          Listing *listing)
{
  g_autofree char *cursor = NULL;
  /* A cursor that never ends would loop: a fixed bound, twice the need. */
  guint max_pages = 2 * (run->opts.count / run->opts.page_size + 2);

  do
    {
      PageResult page = { 0 };

      asc_rivet_engine_list_actors_async (run->engine, ACTOR_NAME, NULL, run->opts.page_size,
                                          cursor, FALSE, NULL, page_cb, &page);
      g_assert_true (asc_test_wait_until (page_done, &page, ENGINE_TIMEOUT_MS * 2));
      if (page.error != NULL)
        {
          g_printerr ("# listing page %u failed: %s\n", listing->n_pages + 1,
                      page.error->message);
          g_error_free (page.error);
          return FALSE;
        }
      take_page (run, listing, page.page);
      g_object_unref (page.page);
      g_free (cursor);
      cursor = page.next;
    }
  while (cursor != NULL && listing->n_pages < max_pages);

  return cursor == NULL;
}

static int
list_and_check (Run *run)
{
  Listing listing = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  gint64 start = g_get_monotonic_time ();
  guint created = g_hash_table_size (run->created);
  gboolean complete = list_all (run, &listing);
  double seconds = seconds_since (start);
  guint missing = created - listing.n_ours;

  print_value ("rivet_list_actors", "%u", listing.n_ours);
  print_value ("rivet_list_pages", "%u", listing.n_pages);
  print_value ("rivet_list_page_size", "%u", run->opts.page_size);
  print_value ("rivet_list_largest_page", "%u", listing.largest_page);
  print_value ("rivet_list_s", "%.2f", seconds);
  print_value ("rivet_list_ms_per_page", "%.1f", 1000 * seconds / MAX (listing.n_pages, 1));
  print_value ("rivet_list_missing", "%u", missing);
  print_value ("rivet_list_duplicates", "%u", listing.n_duplicates);
  print_value ("rivet_list_others", "%u", listing.n_others);
  g_hash_table_unref (listing.seen);

  if (!complete)
    g_printerr ("# FAILED: the listing did not reach its end\n");
  if (missing > 0)
    g_printerr ("# FAILED: %u created actors were not listed\n", missing);
  if (listing.n_duplicates > 0)
    g_printerr ("# FAILED: %u actors were listed twice\n", listing.n_duplicates);

  return complete && missing == 0 && listing.n_duplicates == 0 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  Run run = { 0 };
  g_autoptr(AscTestNodeServer) server = NULL;
  g_autoptr(GError) error = NULL;
  const char *url;
  int status;

  if (!parse_options (&run.opts, &argc, &argv))
    return 2;

  if (run.opts.url == NULL)
    {
      server = asc_test_node_server_start (SERVER_SCRIPT, NULL, &error);
      if (server == NULL)
        {
          g_printerr ("load-rivet-list: %s\n", error->message);
          return 2;
        }
    }
  url = run.opts.url != NULL ? run.opts.url : asc_test_node_server_get_url (server);

  run.engine = asc_rivet_engine_new (url);
  asc_rivet_engine_set_timeout (run.engine, ENGINE_TIMEOUT_MS);
  run.created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Unique per run, so a reused engine's older actors are told apart. */
  run.prefix = g_strdup_printf ("load-%08x", g_random_int ());

  if (run.opts.pool != NULL && !declare_pool (&run))
    return 1;

  g_printerr ("# creating %u %s actors, %u at a time, on %s%s%s\n", run.opts.count, ACTOR_NAME,
              run.opts.in_flight, url, run.opts.pool != NULL ? " in the pool " : "",
              run.opts.pool != NULL ? run.opts.pool : "");
  print_value ("rivet_pool", "%s", run.opts.pool != NULL ? run.opts.pool : "default");
  status = create_all (&run) ? 0 : 1;
  status |= list_and_check (&run);
  print_value ("rivet_result", "%s", status == 0 ? "pass" : "fail");

  g_clear_object (&run.engine);
  g_clear_pointer (&run.created, g_hash_table_unref);
  g_free (run.prefix);
  g_free (run.opts.url);
  g_free (run.opts.pool);
  return status;
}
