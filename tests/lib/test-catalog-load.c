/* test-catalog-load.c: reading catalogs from files and http(s) URLs without
 * blocking
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

#include <libsoup/soup.h>

#define WAIT_MS 5000

typedef struct
{
  SoupServer *server;
  char       *base_url;
  guint       requests;
  char       *accept;
} Fixture;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "catalog", name, NULL);
}

/* /zocket.json serves the file, /broken.json bad JSON, /wrong.json a bad
 * member, /fail a 500; anything else is a 404. */
static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *file = data_path ("zocket.json");
  g_autofree char *text = NULL;
  gsize length = 0;

  fixture->requests++;
  g_free (fixture->accept);
  fixture->accept = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Accept"));

  if (g_str_equal (path, "/zocket.json"))
    g_assert_true (g_file_get_contents (file, &text, &length, NULL));
  else if (g_str_equal (path, "/broken.json"))
    text = g_strdup ("{\n  \"catalog\": 1,\n  \"actors\": [,]\n}");
  else if (g_str_equal (path, "/wrong.json"))
    text = g_strdup ("{\"catalog\": 1, \"actors\": {\"c\": {\"methods\": []}}}");

  if (g_str_equal (path, "/fail"))
    soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (text == NULL)
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
  else
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        text, length > 0 ? length : strlen (text));
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle_cb, fixture, NULL);
  soup_server_listen (fixture->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_free (fixture->base_url);
  g_free (fixture->accept);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **store = user_data;

  *store = g_object_ref (result);
}

static gboolean
result_arrived (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static AscCatalog *
load (const char    *location,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  asc_catalog_load_async (location, cancellable, store_result_cb, &result);
  g_assert_null (result);
  g_assert_true (asc_test_wait_until (result_arrived, &result, WAIT_MS));

  return asc_catalog_load_finish (result, error);
}

static char *
url (Fixture    *fixture,
     const char *path)
{
  return g_strconcat (fixture->base_url, path, NULL);
}

static void
assert_types (AscCatalog *catalog)
{
  g_auto(GStrv) names = asc_catalog_dup_type_names (catalog);

  g_assert_cmpstrv (names, ((const char * const[]) { "chat", "counter", "guarded", "presence",
                                                     "slow", NULL }));
}

static void
test_load_reads_file_path_and_uri (void)
{
  g_autofree char *path = data_path ("zocket.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(AscCatalog) from_path = NULL;
  g_autoptr(AscCatalog) from_uri = NULL;
  g_autoptr(GError) error = NULL;

  from_path = load (path, NULL, &error);
  g_assert_no_error (error);
  assert_types (from_path);
  from_uri = load (uri, NULL, &error);
  g_assert_no_error (error);
  assert_types (from_uri);
  g_assert_finalize_object (g_steal_pointer (&from_path));
}

static void
test_load_missing_file_fails (void)
{
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = load ("/nonexistent/catalog.json", NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_load_file_errors_name_path (void)
{
  g_autofree char *malformed = data_path ("malformed.json");
  g_autofree char *wrong = data_path ("wrong-methods.json");
  g_autofree char *expected = g_strconcat (wrong, ": “actors.counter.methods” must be an object",
                                           NULL);
  g_autofree char *line = g_strconcat (malformed, ":4:", NULL);
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) syntax_error = NULL;
  g_autoptr(GError) shape_error = NULL;

  catalog = load (malformed, NULL, &syntax_error);
  g_assert_null (catalog);
  g_assert_true (syntax_error->domain == JSON_PARSER_ERROR);
  g_assert_true (g_str_has_prefix (syntax_error->message, line));

  catalog = load (wrong, NULL, &shape_error);
  g_assert_null (catalog);
  g_assert_error (shape_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (shape_error->message, ==, expected);
}

static void
test_load_downloads_url (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *location = url (fixture, "/zocket.json");
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = load (location, NULL, &error);

  g_assert_no_error (error);
  assert_types (catalog);
  g_assert_cmpuint (fixture->requests, ==, 1);
  g_assert_cmpstr (fixture->accept, ==, "application/json");
  g_assert_finalize_object (g_steal_pointer (&catalog));
}

typedef struct
{
  const char *name;
  const char *path;
  GQuark    (*domain) (void);
  int         code;      /* -1 for any */
  const char *message;   /* after the URL */
} HttpFailure;

static void
test_load_url_failure_names_url (Fixture       *fixture,
                                 gconstpointer  data)
{
  const HttpFailure *failure = data;
  g_autofree char *location = url (fixture, failure->path);
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;

  catalog = load (location, NULL, &error);

  g_assert_null (catalog);
  g_assert_true (error->domain == failure->domain ());
  g_assert_true (failure->code < 0 || error->code == failure->code);
  /* Download failures say so; content errors start like a file's. */
  prefix = failure->domain == asc_error_quark
    ? g_strconcat ("Could not download the catalog ", location, ": ", failure->message, NULL)
    : g_strconcat (location, failure->message, NULL);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

static const HttpFailure http_failures[] = {
  { "not-found", "/missing.json", asc_error_quark, ASC_ERROR_NOT_FOUND, "HTTP 404 Not Found" },
  { "server-error", "/fail", asc_error_quark, ASC_ERROR_REMOTE,
    "HTTP 500 Internal Server Error" },
  { "syntax", "/broken.json", json_parser_error_quark, -1, ":3:" },
  { "shape", "/wrong.json", g_io_error_quark, G_IO_ERROR_INVALID_DATA,
    ": “actors.c.methods” must be an object" },
};

static void
test_load_unreachable_url_is_connect_error (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *location = url (fixture, "/zocket.json");
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  soup_server_disconnect (fixture->server);
  catalog = load (location, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, ASC_ERROR, ASC_ERROR_CONNECT);
  g_assert_true (g_str_has_prefix (error->message, "Could not download the catalog "));
  g_assert_nonnull (strstr (error->message, location));
}

static void
test_load_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *location = url (fixture, "/zocket.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AscCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  catalog = load (location, cancellable, &error);

  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/catalog/load/reads-file-path-and-uri", test_load_reads_file_path_and_uri);
  g_test_add_func ("/asc/catalog/load/missing-file-fails", test_load_missing_file_fails);
  g_test_add_func ("/asc/catalog/load/file-errors-name-path", test_load_file_errors_name_path);
  g_test_add ("/asc/catalog/load/downloads-url", Fixture, NULL,
              fixture_setup, test_load_downloads_url, fixture_teardown);
  g_test_add ("/asc/catalog/load/unreachable-url-is-connect-error", Fixture, NULL,
              fixture_setup, test_load_unreachable_url_is_connect_error, fixture_teardown);
  g_test_add ("/asc/catalog/load/cancelled", Fixture, NULL,
              fixture_setup, test_load_cancelled, fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (http_failures); i++)
    {
      g_autofree char *path = g_strconcat ("/asc/catalog/load/url-failure-names-url/",
                                           http_failures[i].name, NULL);

      g_test_add (path, Fixture, &http_failures[i],
                  fixture_setup, test_load_url_failure_names_url, fixture_teardown);
    }

  return g_test_run ();
}
