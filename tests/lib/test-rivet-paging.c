/* test-rivet-paging.c: listing actors that share a creation time
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine's list cursor is the creation time (ms) of a page's last actor
 * and its next page starts strictly older, so actors created in the same
 * millisecond across a page boundary are skipped. A real engine does that
 * only now and then (one actor in 10,000 here), so an in-process engine
 * that pages the same way stands in for it.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "actorscope.h"
#include "asc-test-util.h"

/* Creation times, newest first: runs of one millisecond shorter and
 * longer than a page. */
static const gint64 created[] = {
  900, 800, 800, 800, 700, 600, 600, 600, 600, 600, 600, 600,
  500, 400, 400, 300, 200, 200, 200, 200, 100,
};

#define PAGE_SIZE 3

static gint64
query_int (GHashTable *query,
           const char *name,
           gint64      fallback)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : fallback;
}

/* GET /actors as the engine answers it. */
static void
actors_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  gint64 before = query_int (query, "cursor", G_MAXINT64);
  gint64 limit = query_int (query, "limit", 100);
  g_autoptr(GString) body = g_string_new ("{\"actors\":[");
  gint64 last = -1;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (created) && n < limit; i++)
    {
      if (created[i] >= before)
        continue;
      g_string_append_printf (body, "%s{\"actor_id\":\"actor%02u\",\"name\":\"bulk\","
                              "\"key\":\"k%02u\",\"create_ts\":%" G_GINT64_FORMAT "}",
                              n++ > 0 ? "," : "", i, i, created[i]);
      last = created[i];
    }
  if (last >= 0)
    g_string_append_printf (body, "],\"pagination\":{\"cursor\":\"%" G_GINT64_FORMAT "\"}}", last);
  else
    g_string_append (body, "],\"pagination\":{\"cursor\":null}}");

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    body->str, body->len);
}

typedef struct
{
  GListModel *page;
  char       *cursor;
  GError     *error;
  gboolean    done;
} Page;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Page *page = user_data;

  page->page = asc_rivet_engine_list_actors_finish (ASC_RIVET_ENGINE (object), result,
                                                    &page->cursor, &page->error);
  page->done = TRUE;
}

static gboolean
page_done (gpointer user_data)
{
  return ((Page *) user_data)->done;
}

static void
test_every_actor_listed_once (void)
{
  g_autoptr(SoupServer) engine_server = soup_server_new (NULL, NULL);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(AscRivetEngine) engine = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *cursor = NULL;
  guint n_pages = 0;

  soup_server_add_handler (engine_server, "/actors", actors_cb, NULL, NULL);
  soup_server_listen (engine_server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (engine_server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  engine = asc_rivet_engine_new (url);

  do
    {
      Page page = { NULL };

      asc_rivet_engine_list_actors_async (engine, "bulk", NULL, PAGE_SIZE, cursor, FALSE,
                                          NULL, listed_cb, &page);
      g_assert_true (asc_test_wait_until (page_done, &page, 5000));
      g_assert_no_error (page.error);
      for (guint i = 0; i < g_list_model_get_n_items (page.page); i++)
        {
          g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (page.page, i);

          /* Listed once, never twice. */
          g_assert_true (g_hash_table_add (seen, g_strdup (asc_rivet_actor_info_get_id (info))));
        }
      g_clear_object (&page.page);
      g_free (cursor);
      cursor = page.cursor;
      g_assert_cmpuint (++n_pages, <, G_N_ELEMENTS (created));
    }
  while (cursor != NULL);

  g_test_message ("%u actors in %u pages", g_hash_table_size (seen), n_pages);
  g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (created));
  soup_server_disconnect (engine_server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/rivet/paging/every-actor-listed-once", test_every_actor_listed_once);

  return g_test_run ();
}
