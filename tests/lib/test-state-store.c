/* test-state-store.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

/* Records every items-changed of every node it watches, as "path pos,removed,added" */
typedef struct
{
  GHashTable *handlers;
  GPtrArray *events;
} ItemsLog;

/* Records the names of the notify:: emissions of one object */
typedef struct
{
  GObject *object;
  gulong handler;
  GPtrArray *names;
} NotifyLog;

/* Records the ::changed emissions of a store, as paths joined with " " */
typedef struct
{
  AscStateStore *store;
  gulong handler;
  GPtrArray *emissions;
} ChangedLog;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ItemsLog   *log)
{
  g_autofree char *path = asc_state_node_dup_path (ASC_STATE_NODE (model));

  g_ptr_array_add (log->events,
                   g_strdup_printf ("%s %u,%u,%u", path, position, removed, added));
}

static void
disconnect_handler (gpointer key,
                    gpointer value,
                    gpointer user_data)
{
  g_signal_handler_disconnect (key, GPOINTER_TO_SIZE (value));
}

static ItemsLog *
items_log_new (void)
{
  ItemsLog *log = g_new0 (ItemsLog, 1);

  log->handlers = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  log->events = g_ptr_array_new_with_free_func (g_free);

  return log;
}

/* Watches @node and every node below it that is not watched yet */
static void
items_log_watch (ItemsLog     *log,
                 AscStateNode *node)
{
  if (!g_hash_table_contains (log->handlers, node))
    {
      gulong handler = g_signal_connect (node, "items-changed",
                                         G_CALLBACK (items_changed_cb), log);

      g_hash_table_insert (log->handlers, g_object_ref (node), GSIZE_TO_POINTER (handler));
    }

  for (guint i = 0; i < asc_state_node_get_n_children (node); i++)
    items_log_watch (log, asc_state_node_get_child (node, i));
}

static void
items_log_free (ItemsLog *log)
{
  g_hash_table_foreach (log->handlers, disconnect_handler, NULL);
  g_hash_table_unref (log->handlers);
  g_ptr_array_unref (log->events);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItemsLog, items_log_free)

/* Asserts the recorded events, in order, then forgets them */
static void
items_log_assert (ItemsLog   *log,
                  const char *first,
                  ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autofree char *actual_text = NULL;
  g_autofree char *expected_text = NULL;
  va_list args;

  va_start (args, first);
  for (const char *event = first; event != NULL; event = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer)event);
  va_end (args);

  g_ptr_array_add (expected, NULL);
  g_ptr_array_add (log->events, NULL);
  actual_text = g_strjoinv ("; ", (char **)log->events->pdata);
  expected_text = g_strjoinv ("; ", (char **)expected->pdata);
  g_assert_cmpstr (actual_text, ==, expected_text);
  g_ptr_array_set_size (log->events, 0);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static NotifyLog *
notify_log_new (gpointer object)
{
  NotifyLog *log = g_new0 (NotifyLog, 1);

  log->object = g_object_ref (object);
  log->names = g_ptr_array_new_with_free_func (g_free);
  log->handler = g_signal_connect (object, "notify", G_CALLBACK (notify_cb), log);

  return log;
}

static void
notify_log_free (NotifyLog *log)
{
  g_signal_handler_disconnect (log->object, log->handler);
  g_object_unref (log->object);
  g_ptr_array_unref (log->names);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyLog, notify_log_free)

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Asserts the notified property names, sorted and space-separated */
static void
notify_log_assert (NotifyLog  *log,
                   const char *expected)
{
  g_autofree char *actual = NULL;

  g_ptr_array_sort (log->names, compare_strings);
  g_ptr_array_add (log->names, NULL);
  actual = g_strjoinv (" ", (char **)log->names->pdata);
  g_assert_cmpstr (actual, ==, expected);
  g_ptr_array_set_size (log->names, 0);
}

static void
changed_cb (AscStateStore      *store,
            const char * const *paths,
            ChangedLog         *log)
{
  g_ptr_array_add (log->emissions, g_strjoinv (" ", (char **)paths));
}

static ChangedLog *
changed_log_new (AscStateStore *store)
{
  ChangedLog *log = g_new0 (ChangedLog, 1);

  log->store = g_object_ref (store);
  log->emissions = g_ptr_array_new_with_free_func (g_free);
  log->handler = g_signal_connect (store, "changed", G_CALLBACK (changed_cb), log);

  return log;
}

static void
changed_log_free (ChangedLog *log)
{
  g_signal_handler_disconnect (log->store, log->handler);
  g_object_unref (log->store);
  g_ptr_array_unref (log->emissions);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangedLog, changed_log_free)

/* Asserts the ::changed emissions, one string per emission, then forgets them */
static void
changed_log_assert (ChangedLog *log,
                    const char *first,
                    ...)
{
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (const char *paths = first; paths != NULL; paths = va_arg (args, const char *), n++)
    {
      g_assert_cmpuint (n, <, log->emissions->len);
      g_assert_cmpstr (g_ptr_array_index (log->emissions, n), ==, paths);
    }
  va_end (args);

  g_assert_cmpuint (log->emissions->len, ==, n);
  g_ptr_array_set_size (log->emissions, 0);
}

static AscStateStore *
store_new_with (const char *snapshot)
{
  g_autoptr(JsonNode) node = asc_test_json_parse (snapshot);
  AscStateStore *store = asc_state_store_new ();

  asc_state_store_reset (store, node);
  return store;
}

static void
apply_ok (AscStateStore *store,
          const char    *patch)
{
  g_autoptr(JsonNode) node = asc_test_json_parse (patch);
  g_autoptr(GError) error = NULL;

  g_assert_true (asc_state_store_apply (store, node, &error));
  g_assert_no_error (error);
}

static AscStateNode *
node_at (AscStateStore *store,
         const char    *path)
{
  g_auto(GStrv) tokens = asc_json_pointer_parse (path, NULL);
  AscStateNode *node = asc_state_store_get_root (store);

  g_assert_nonnull (tokens);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      node = asc_state_node_lookup (node, tokens[i]);
      g_assert_nonnull (node);
    }

  return node;
}

static char *
json_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("(null)");
}

/* Checks that the node tree mirrors @value exactly */
static void
assert_tree_matches (AscStateNode *node,
                     JsonNode     *value)
{
  g_autofree char *path = asc_state_node_dup_path (node);
  g_autofree char *node_text = json_text (asc_state_node_get_value (node));
  g_autofree char *value_text = json_text (value);

  g_assert_cmpstr (node_text, ==, value_text);

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);

      g_assert_cmpint (asc_state_node_get_kind (node), ==, ASC_STATE_NODE_KIND_OBJECT);
      g_assert_cmpuint (asc_state_node_get_n_children (node), ==, json_object_get_size (object));
      for (guint i = 0; i < asc_state_node_get_n_children (node); i++)
        {
          AscStateNode *child = asc_state_node_get_child (node, i);
          JsonNode *member = json_object_get_member (object, asc_state_node_get_key (child));

          g_assert_nonnull (member);
          g_assert_true (asc_state_node_get_parent (child) == node);
          assert_tree_matches (child, member);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      g_assert_cmpint (asc_state_node_get_kind (node), ==, ASC_STATE_NODE_KIND_ARRAY);
      g_assert_cmpuint (asc_state_node_get_n_children (node), ==, json_array_get_length (array));
      for (guint i = 0; i < asc_state_node_get_n_children (node); i++)
        {
          AscStateNode *child = asc_state_node_get_child (node, i);
          g_autofree char *key = g_strdup_printf ("%u", i);

          g_assert_cmpstr (asc_state_node_get_key (child), ==, key);
          g_assert_true (asc_state_node_get_parent (child) == node);
          assert_tree_matches (child, json_array_get_element (array, i));
        }
    }
  else
    {
      const char *text = asc_state_node_get_value_text (node);

      g_assert_cmpuint (asc_state_node_get_n_children (node), ==, 0);
      if (JSON_NODE_HOLDS_NULL (value))
        g_assert_cmpstr (text, ==, "null");
      else if (json_node_get_value_type (value) == G_TYPE_STRING)
        g_assert_cmpstr (text, ==, json_node_get_string (value));
      else if (json_node_get_value_type (value) == G_TYPE_DOUBLE)
        g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, json_node_get_double (value));
      else
        g_assert_cmpstr (text, ==, value_text);
    }
}

static void
assert_store_consistent (AscStateStore *store)
{
  assert_tree_matches (asc_state_store_get_root (store), asc_state_store_get_document (store));
}

/* ::changed */

static void
test_changed_names_exact_paths (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"a\":1,\"b\":{\"c\":[1,2]},\"x\":true}");
  g_autoptr(ChangedLog) log = changed_log_new (store);

  apply_ok (store,
            "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":2},"
            " {\"op\":\"add\",\"path\":\"/b/c/-\",\"value\":3},"
            " {\"op\":\"test\",\"path\":\"/x\",\"value\":true},"
            " {\"op\":\"remove\",\"path\":\"/b/c/0\"},"
            " {\"op\":\"replace\",\"path\":\"/a\",\"value\":3}]");
  changed_log_assert (log, "/a /b/c/2 /b/c/0", NULL);

  apply_ok (store, "[{\"op\":\"move\",\"from\":\"/x\",\"path\":\"/y\"}]");
  changed_log_assert (log, "/y /x", NULL);

  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/a~1b~0c\",\"value\":{}}]");
  changed_log_assert (log, "/a~1b~0c", NULL);

  apply_ok (store, "[{\"op\":\"copy\",\"from\":\"/b\",\"path\":\"/d\"}]");
  changed_log_assert (log, "/d", NULL);

  /* A patch that only tests changes nothing */
  apply_ok (store, "[{\"op\":\"test\",\"path\":\"/a\",\"value\":3}]");
  apply_ok (store, "[]");
  changed_log_assert (log, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (asc_state_store_get_history (store)), ==, 5);

  assert_store_consistent (store);
  g_clear_pointer (&log, changed_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_changed_on_reset (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(ChangedLog) log = changed_log_new (store);
  g_autoptr(JsonNode) first = asc_test_json_parse ("{\"a\":1,\"b\":[1,2,3]}");
  g_autoptr(JsonNode) second = asc_test_json_parse ("{\"a\":1,\"b\":[1,5,3],\"c\":null}");
  guint resets = 0;

  g_signal_connect (store, "reset", G_CALLBACK (count_cb), &resets);

  asc_state_store_reset (store, first);
  changed_log_assert (log, "", NULL);
  g_assert_cmpuint (resets, ==, 1);

  asc_state_store_reset (store, second);
  changed_log_assert (log, "/b/1 /c", NULL);
  g_assert_cmpuint (resets, ==, 2);

  /* The same snapshot again: a reset, a history entry, but no change */
  asc_state_store_reset (store, second);
  changed_log_assert (log, NULL);
  g_assert_cmpuint (resets, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (asc_state_store_get_history (store)), ==, 3);

  asc_test_assert_json_eq (asc_state_store_get_document (store),
                           "{\"a\":1,\"b\":[1,5,3],\"c\":null}");
  assert_store_consistent (store);
  g_clear_pointer (&log, changed_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Nodes */

/* Fractions show with the fewest digits that read back as the same double,
 * not the 17 that JSON-GLib writes. */
static void
test_nodes_number_text (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("[75.42, 0.1, 2.0, 0.30000000000000004, 1e300, -0.5, 5e-324,"
                    " 123456789012345678, -7]");
  const char *expected[] = {
    "75.42", "0.1", "2.0", "0.30000000000000004", "1e+300", "-0.5", "5e-324",
    "123456789012345678", "-7",
  };
  AscStateNode *root = asc_state_store_get_root (store);

  g_assert_cmpuint (asc_state_node_get_n_children (root), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (asc_state_node_get_value_text (asc_state_node_get_child (root, i)), ==, expected[i]);

  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/0\",\"value\":20.44}]");
  g_assert_cmpstr (asc_state_node_get_value_text (asc_state_node_get_child (root, 0)), ==, "20.44");
  assert_store_consistent (store);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_nodes_value_text (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("{\"s\":\"hi there\",\"i\":-3,\"d\":1.5,\"t\":true,\"f\":false,"
                    "\"n\":null,\"o\":{\"a\":1,\"b\":2,\"c\":3},\"one\":{\"a\":1},"
                    "\"l\":[1,2],\"l1\":[0],\"e\":[],\"a/b~c\":0}");
  struct {
    const char *path;
    AscStateNodeKind kind;
    const char *text;
  } cases[] = {
    { "", ASC_STATE_NODE_KIND_OBJECT, "12 members" },
    { "/s", ASC_STATE_NODE_KIND_STRING, "hi there" },
    { "/i", ASC_STATE_NODE_KIND_NUMBER, "-3" },
    { "/d", ASC_STATE_NODE_KIND_NUMBER, "1.5" },
    { "/t", ASC_STATE_NODE_KIND_BOOLEAN, "true" },
    { "/f", ASC_STATE_NODE_KIND_BOOLEAN, "false" },
    { "/n", ASC_STATE_NODE_KIND_NULL, "null" },
    { "/o", ASC_STATE_NODE_KIND_OBJECT, "3 members" },
    { "/one", ASC_STATE_NODE_KIND_OBJECT, "1 member" },
    { "/l", ASC_STATE_NODE_KIND_ARRAY, "2 items" },
    { "/l1", ASC_STATE_NODE_KIND_ARRAY, "1 item" },
    { "/e", ASC_STATE_NODE_KIND_ARRAY, "0 items" },
    { "/a~1b~0c", ASC_STATE_NODE_KIND_NUMBER, "0" },
  };
  const char *order[] = { "s", "i", "d", "t", "f", "n", "o", "one", "l", "l1", "e", "a/b~c" };
  AscStateNode *root = asc_state_store_get_root (store);
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *key = NULL;
  guint64 serial;
  guint n_children;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AscStateNode *node = node_at (store, cases[i].path);
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;
      AscStateNodeKind kind;

      g_object_get (node, "value-text", &text, "path", &path, "kind", &kind, NULL);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (path, ==, cases[i].path);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_true (asc_state_node_is_container (node) == (kind <= ASC_STATE_NODE_KIND_ARRAY));
    }

  /* Object members come in document order; array items carry their index */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (asc_state_node_get_key (asc_state_node_get_child (root, i)), ==, order[i]);
  g_assert_cmpstr (asc_state_node_get_key (node_at (store, "/l/1")), ==, "1");
  g_assert_cmpstr (asc_state_node_get_key (root), ==, "");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (root)) == ASC_TYPE_STATE_NODE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (root), 12));
  g_object_get (node_at (store, "/o"),
                "value", &value,
                "key", &key,
                "n-children", &n_children,
                "changed-serial", &serial,
                NULL);
  asc_test_assert_json_eq (value, "{\"a\":1,\"b\":2,\"c\":3}");
  g_assert_cmpstr (key, ==, "o");
  g_assert_cmpuint (n_children, ==, 3);
  g_assert_cmpuint (serial, ==, asc_state_node_get_changed_serial (root));

  assert_store_consistent (store);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_nodes_scalar_replace_in_place (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("{\"user\":{\"name\":\"ada\",\"age\":36},\"tags\":[\"x\",\"y\"]}");
  g_autoptr(AscStateNode) name = g_object_ref (node_at (store, "/user/name"));
  g_autoptr(AscStateNode) age = g_object_ref (node_at (store, "/user/age"));
  g_autoptr(AscStateNode) user = g_object_ref (node_at (store, "/user"));
  g_autoptr(AscStateNode) root = g_object_ref (asc_state_store_get_root (store));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) name_log = notify_log_new (name);
  g_autoptr(NotifyLog) age_log = notify_log_new (age);
  g_autoptr(NotifyLog) user_log = notify_log_new (user);
  guint64 serial_before = asc_state_node_get_changed_serial (age);

  items_log_watch (items, root);
  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/user/name\",\"value\":\"grace\"}]");

  items_log_assert (items, NULL);
  g_assert_true (node_at (store, "/user/name") == name);
  g_assert_true (node_at (store, "/user") == user);
  g_assert_cmpstr (asc_state_node_get_value_text (name), ==, "grace");
  notify_log_assert (name_log, "changed-serial value value-text");
  notify_log_assert (age_log, "");
  notify_log_assert (user_log, "changed-serial value");
  g_assert_cmpuint (asc_state_node_get_changed_serial (name), ==,
                    asc_state_node_get_changed_serial (root));
  g_assert_cmpuint (asc_state_node_get_changed_serial (age), ==, serial_before);

  /* The same value again changes nothing in the tree */
  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/user/name\",\"value\":\"grace\"}]");
  items_log_assert (items, NULL);
  notify_log_assert (name_log, "");
  notify_log_assert (user_log, "");

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&name_log, notify_log_free);
  g_clear_pointer (&age_log, notify_log_free);
  g_clear_pointer (&user_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&root));
  g_assert_finalize_object (g_steal_pointer (&user));
  g_assert_finalize_object (g_steal_pointer (&name));
  g_assert_finalize_object (g_steal_pointer (&age));
}

static void
test_nodes_array_insert_and_remove (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]}");
  g_autoptr(AscStateNode) items_node = g_object_ref (node_at (store, "/items"));
  g_autoptr(AscStateNode) a = g_object_ref (node_at (store, "/items/0"));
  g_autoptr(AscStateNode) b = g_object_ref (node_at (store, "/items/1"));
  g_autoptr(AscStateNode) c = g_object_ref (node_at (store, "/items/2"));
  g_autoptr(AscStateNode) c_id = g_object_ref (node_at (store, "/items/2/id"));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) a_log = notify_log_new (a);
  g_autoptr(NotifyLog) b_log = notify_log_new (b);
  g_autoptr(NotifyLog) c_id_log = notify_log_new (c_id);
  g_autoptr(NotifyLog) items_notify = notify_log_new (items_node);
  g_autofree char *c_id_path = NULL;

  items_log_watch (items, asc_state_store_get_root (store));

  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/items/1\",\"value\":{\"id\":\"new\"}}]");
  items_log_assert (items, "/items 1,0,1", NULL);
  g_assert_true (asc_state_node_get_child (items_node, 0) == a);
  g_assert_true (asc_state_node_get_child (items_node, 2) == b);
  g_assert_true (asc_state_node_get_child (items_node, 3) == c);
  g_assert_cmpstr (asc_state_node_get_key (b), ==, "2");
  g_assert_cmpstr (asc_state_node_get_key (c), ==, "3");
  c_id_path = asc_state_node_dup_path (c_id);
  g_assert_cmpstr (c_id_path, ==, "/items/3/id");
  notify_log_assert (a_log, "");
  notify_log_assert (b_log, "key path");
  notify_log_assert (c_id_log, "path");
  notify_log_assert (items_notify, "changed-serial n-children value value-text");

  items_log_watch (items, asc_state_store_get_root (store));
  apply_ok (store, "[{\"op\":\"remove\",\"path\":\"/items/0\"}]");
  items_log_assert (items, "/items 0,1,0", NULL);
  g_assert_null (asc_state_node_get_parent (a));
  g_assert_null (asc_state_node_get_value (a));
  g_assert_cmpstr (asc_state_node_get_key (b), ==, "1");
  notify_log_assert (a_log, "");
  notify_log_assert (b_log, "key path");

  /* Appending and removing the last item renumber nothing */
  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/items/-\",\"value\":1},"
                   " {\"op\":\"remove\",\"path\":\"/items/3\"}]");
  items_log_assert (items, "/items 3,0,1", "/items 3,1,0", NULL);
  notify_log_assert (b_log, "");
  notify_log_assert (c_id_log, "path");

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&a_log, notify_log_free);
  g_clear_pointer (&b_log, notify_log_free);
  g_clear_pointer (&c_id_log, notify_log_free);
  g_clear_pointer (&items_notify, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&items_node));
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  g_assert_finalize_object (g_steal_pointer (&c));
  g_assert_finalize_object (g_steal_pointer (&c_id));
}

static void
test_nodes_object_members (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"a\":1,\"b\":2,\"c\":3}");
  g_autoptr(AscStateNode) root = g_object_ref (asc_state_store_get_root (store));
  g_autoptr(AscStateNode) c = g_object_ref (node_at (store, "/c"));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) root_log = notify_log_new (root);

  items_log_watch (items, root);
  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/d\",\"value\":4}]");
  items_log_assert (items, " 3,0,1", NULL);
  notify_log_assert (root_log, "changed-serial n-children value value-text");
  apply_ok (store, "[{\"op\":\"remove\",\"path\":\"/b\"}]");
  items_log_assert (items, " 1,1,0", NULL);
  g_assert_true (asc_state_node_get_child (root, 1) == c);

  /* An add onto an existing member replaces its value in place */
  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/c\",\"value\":30}]");
  items_log_assert (items, NULL);
  g_assert_true (asc_state_node_get_child (root, 1) == c);

  /* A new JSON type needs a new node at the same position */
  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/c\",\"value\":[30]}]");
  items_log_assert (items, " 1,1,1", NULL);
  g_assert_null (asc_state_node_get_parent (c));
  g_assert_cmpint (asc_state_node_get_kind (asc_state_node_get_child (root, 1)), ==,
                   ASC_STATE_NODE_KIND_ARRAY);

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&root_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&root));
  g_assert_finalize_object (g_steal_pointer (&c));
}

static void
test_nodes_container_replace_reconciles (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("{\"cfg\":{\"a\":1,\"b\":{\"x\":1},\"c\":[1,2,3],\"d\":\"gone\"},"
                    "\"list\":[{\"v\":1},{\"v\":2},{\"v\":3}]}");
  g_autoptr(AscStateNode) cfg = g_object_ref (node_at (store, "/cfg"));
  g_autoptr(AscStateNode) b = g_object_ref (node_at (store, "/cfg/b"));
  g_autoptr(AscStateNode) c = g_object_ref (node_at (store, "/cfg/c"));
  g_autoptr(AscStateNode) c0 = g_object_ref (node_at (store, "/cfg/c/0"));
  g_autoptr(AscStateNode) first = g_object_ref (node_at (store, "/list/0"));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) c0_log = notify_log_new (c0);

  items_log_watch (items, asc_state_store_get_root (store));
  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/cfg\","
                   "  \"value\":{\"a\":\"one\",\"b\":{\"x\":1},\"c\":[1,2],\"e\":true}}]");
  /* d goes, a changes type, c loses its last item, e comes */
  items_log_assert (items, "/cfg 3,1,0", "/cfg 0,1,1", "/cfg/c 2,1,0", "/cfg 3,0,1", NULL);
  g_assert_true (node_at (store, "/cfg") == cfg);
  g_assert_true (node_at (store, "/cfg/b") == b);
  g_assert_true (node_at (store, "/cfg/c") == c);
  g_assert_true (node_at (store, "/cfg/c/0") == c0);
  notify_log_assert (c0_log, "");

  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/list\",\"value\":[{\"v\":1},{\"v\":20}]}]");
  items_log_assert (items, "/list 2,1,0", NULL);
  g_assert_true (node_at (store, "/list/0") == first);

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&c0_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&cfg));
  g_assert_finalize_object (g_steal_pointer (&b));
  g_assert_finalize_object (g_steal_pointer (&c));
  g_assert_finalize_object (g_steal_pointer (&c0));
  g_assert_finalize_object (g_steal_pointer (&first));
}

static void
test_nodes_move_keeps_node (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"a\":{\"deep\":[1]},\"l\":[0,1]}");
  g_autoptr(AscStateNode) a = g_object_ref (node_at (store, "/a"));
  g_autoptr(AscStateNode) deep = g_object_ref (node_at (store, "/a/deep"));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) a_log = notify_log_new (a);
  g_autoptr(NotifyLog) deep_log = notify_log_new (deep);
  g_autofree char *deep_path = NULL;

  items_log_watch (items, asc_state_store_get_root (store));
  apply_ok (store, "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/l/1\"}]");
  items_log_assert (items, " 0,1,0", "/l 1,0,1", NULL);
  g_assert_true (node_at (store, "/l/1") == a);
  deep_path = asc_state_node_dup_path (deep);
  g_assert_cmpstr (deep_path, ==, "/l/1/deep");
  notify_log_assert (a_log, "key path");
  notify_log_assert (deep_log, "path");

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&a_log, notify_log_free);
  g_clear_pointer (&deep_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&deep));
}

static void
test_nodes_reset_keeps_identity (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("{\"users\":[{\"name\":\"ada\",\"online\":true},"
                    "{\"name\":\"bob\",\"online\":false}],\"count\":2}");
  g_autoptr(JsonNode) fresh =
    asc_test_json_parse ("{\"users\":[{\"name\":\"ada\",\"online\":true},"
                         "{\"name\":\"bob\",\"online\":true}],\"count\":2}");
  g_autoptr(AscStateNode) root = g_object_ref (asc_state_store_get_root (store));
  g_autoptr(AscStateNode) bob = g_object_ref (node_at (store, "/users/1"));
  g_autoptr(AscStateNode) online = g_object_ref (node_at (store, "/users/1/online"));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) online_log = notify_log_new (online);
  g_autoptr(NotifyLog) root_log = notify_log_new (root);
  AscStateChange *change;

  items_log_watch (items, root);
  asc_state_store_reset (store, fresh);

  items_log_assert (items, NULL);
  g_assert_true (asc_state_store_get_root (store) == root);
  g_assert_true (node_at (store, "/users/1") == bob);
  g_assert_true (node_at (store, "/users/1/online") == online);
  notify_log_assert (online_log, "changed-serial value value-text");
  notify_log_assert (root_log, "changed-serial value");

  change = g_list_model_get_item (asc_state_store_get_history (store), 1);
  g_assert_cmpint (asc_state_change_get_source (change), ==, ASC_STATE_CHANGE_SOURCE_SNAPSHOT);
  g_assert_true (json_node_equal (asc_state_change_get_snapshot (change), fresh));
  g_assert_cmpstr (asc_state_change_get_paths (change)[0], ==, "/users/1/online");
  g_assert_null (asc_state_change_get_paths (change)[1]);
  g_object_unref (change);

  /* An item inserted in front keeps the others' nodes, renumbered */
  g_clear_pointer (&fresh, json_node_unref);
  fresh = asc_test_json_parse ("{\"users\":[{\"name\":\"eve\",\"online\":true},"
                               "{\"name\":\"ada\",\"online\":true},"
                               "{\"name\":\"bob\",\"online\":true}],\"count\":3}");
  items_log_watch (items, root);
  asc_state_store_reset (store, fresh);
  items_log_assert (items, "/users 0,0,1", NULL);
  g_assert_true (node_at (store, "/users/2") == bob);
  g_assert_true (node_at (store, "/users/2/online") == online);
  notify_log_assert (online_log, "path");
  notify_log_assert (root_log, "changed-serial value");

  /* A snapshot of another type at the root turns the root over in place */
  g_clear_pointer (&fresh, json_node_unref);
  fresh = asc_test_json_parse ("[1,2]");
  items_log_watch (items, root);
  asc_state_store_reset (store, fresh);
  items_log_assert (items, " 0,2,2", NULL);
  g_assert_true (asc_state_store_get_root (store) == root);
  g_assert_cmpint (asc_state_node_get_kind (root), ==, ASC_STATE_NODE_KIND_ARRAY);
  notify_log_assert (root_log, "changed-serial kind value value-text");

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&online_log, notify_log_free);
  g_clear_pointer (&root_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&root));
  g_assert_finalize_object (g_steal_pointer (&bob));
  g_assert_finalize_object (g_steal_pointer (&online));
}

static void
test_nodes_before_first_snapshot (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(JsonNode) snapshot = asc_test_json_parse ("{\"a\":1,\"b\":2}");
  g_autoptr(AscStateNode) root = g_object_ref (asc_state_store_get_root (store));
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(NotifyLog) store_log = notify_log_new (store);

  g_assert_null (asc_state_store_get_document (store));
  g_assert_null (asc_state_node_get_value (root));
  g_assert_cmpint (asc_state_node_get_kind (root), ==, ASC_STATE_NODE_KIND_NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (root)), ==, 0);

  items_log_watch (items, root);
  asc_state_store_reset (store, snapshot);
  items_log_assert (items, " 0,0,2", NULL);
  notify_log_assert (store_log, "document");
  asc_test_assert_json_eq (asc_state_node_get_value (root), "{\"a\":1,\"b\":2}");

  assert_store_consistent (store);
  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&store_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&root));
}

/* Random patches, generated against a scratch copy so that each applies */

static void
random_value_into (GRand       *rand,
                   JsonBuilder *builder,
                   guint        depth)
{
  switch (g_rand_int_range (rand, 0, depth > 1 ? 5 : 7))
    {
    case 0:
      json_builder_add_int_value (builder, g_rand_int_range (rand, -5, 50));
      break;

    case 1:
      json_builder_add_string_value (builder, g_rand_boolean (rand) ? "x" : "a/b~c");
      break;

    case 2:
      json_builder_add_boolean_value (builder, g_rand_boolean (rand));
      break;

    case 3:
      json_builder_add_null_value (builder);
      break;

    case 4:
      json_builder_add_double_value (builder, g_rand_int_range (rand, 0, 100) / 4.0);
      break;

    case 5:
      json_builder_begin_object (builder);
      for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
        {
          char key[8];

          g_snprintf (key, sizeof key, "k%d", g_rand_int_range (rand, 0, 6));
          json_builder_set_member_name (builder, key);
          random_value_into (rand, builder, depth + 1);
        }
      json_builder_end_object (builder);
      break;

    default:
      json_builder_begin_array (builder);
      for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
        random_value_into (rand, builder, depth + 1);
      json_builder_end_array (builder);
      break;
    }
}

static JsonNode *
random_value (GRand *rand)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) wrapper = NULL;

  /* A builder cannot hold a bare scalar */
  json_builder_begin_array (builder);
  random_value_into (rand, builder, 0);
  json_builder_end_array (builder);
  wrapper = json_builder_get_root (builder);

  return json_node_ref (json_array_get_element (json_node_get_array (wrapper), 0));
}

/* A random existing path of @document; containers only when asked */
static char *
random_path (GRand    *rand,
             JsonNode *document,
             gboolean  container)
{
  g_autofree char *path = g_strdup ("");
  JsonNode *node = document;

  while (TRUE)
    {
      g_autofree char *next = NULL;
      JsonNode *child = NULL;
      g_autofree char *key = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          g_autoptr(GList) members = json_object_get_members (object);
          guint n_members = g_list_length (members);

          if (n_members > 0)
            {
              key = g_strdup (g_list_nth_data (members, g_rand_int_range (rand, 0, n_members)));
              child = json_object_get_member (object, key);
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint length = json_array_get_length (array);

          if (length > 0)
            {
              guint index = g_rand_int_range (rand, 0, length);

              key = g_strdup_printf ("%u", index);
              child = json_array_get_element (array, index);
            }
        }

      if (child == NULL || g_rand_int_range (rand, 0, 3) == 0 ||
          (container && !JSON_NODE_HOLDS_OBJECT (child) && !JSON_NODE_HOLDS_ARRAY (child)))
        break;

      next = asc_json_pointer_append (path, key);
      g_free (path);
      path = g_steal_pointer (&next);
      node = child;
    }

  if (container && !JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return g_steal_pointer (&path);
}

static JsonNode *
random_operation (GRand    *rand,
                  JsonNode *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *target = random_path (rand, document, TRUE);
  g_autofree char *source = random_path (rand, document, FALSE);
  JsonNode *container;
  g_autofree char *path = NULL;
  const char *op;

  if (target == NULL)
    return NULL;

  container = asc_json_pointer_resolve (document, target, NULL);
  if (JSON_NODE_HOLDS_OBJECT (container))
    {
      char key[8];

      g_snprintf (key, sizeof key, "k%d", g_rand_int_range (rand, 0, 6));
      path = asc_json_pointer_append (target, key);
    }
  else
    {
      guint length = json_array_get_length (json_node_get_array (container));
      g_autofree char *index = g_strdup_printf ("%d", g_rand_int_range (rand, 0, length + 1));

      path = asc_json_pointer_append (target, g_rand_int_range (rand, 0, 4) == 0 ? "-" : index);
    }

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
    case 1:
      op = "add";
      break;

    case 2:
      op = "remove";
      break;

    case 3:
      op = "replace";
      break;

    case 4:
      op = "move";
      break;

    default:
      op = "copy";
      break;
    }

  if (g_str_equal (op, "remove") || g_str_equal (op, "replace"))
    {
      if (source[0] == '\0')
        return NULL;
      g_free (path);
      path = g_steal_pointer (&source);
    }
  if (g_str_equal (op, "move") && (source[0] == '\0' || g_str_has_prefix (path, source)))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, op);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  if (g_str_equal (op, "move") || g_str_equal (op, "copy"))
    {
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, source);
    }
  else if (!g_str_equal (op, "remove"))
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, random_value (rand));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A patch of 1 to 4 operations that applies to @document */
static JsonNode *
random_patch (GRand    *rand,
              JsonNode *document)
{
  g_autoptr(JsonNode) scratch = asc_json_copy (document);
  g_autoptr(JsonArray) operations = json_array_new ();

  for (int n = g_rand_int_range (rand, 1, 5); n > 0;)
    {
      g_autoptr(JsonNode) operation = random_operation (rand, scratch);
      g_autoptr(JsonNode) single = NULL;
      g_autoptr(JsonArray) one = json_array_new ();

      if (operation == NULL)
        continue;

      json_array_add_element (one, json_node_ref (operation));
      single = json_node_init_array (json_node_alloc (), one);
      if (!asc_json_patch_apply (&scratch, single, NULL))
        continue;

      json_array_add_element (operations, g_steal_pointer (&operation));
      n--;
    }

  return json_node_init_array (json_node_alloc (), operations);
}


/* Mirrors every node model from its items-changed alone, as a list view
 * does, so that any inexact range shows up as a wrong child.
 */
typedef struct
{
  GHashTable *shadows;
  GHashTable *handlers;
} ShadowTree;

static void
shadow_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GPtrArray  *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->len);
  g_ptr_array_remove_range (shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (shadow->len, ==, g_list_model_get_n_items (model));
}

static void
shadow_tree_watch (ShadowTree   *tree,
                   AscStateNode *node)
{
  if (!g_hash_table_contains (tree->shadows, node))
    {
      GPtrArray *shadow = g_ptr_array_new_with_free_func (g_object_unref);
      gulong handler;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (node)); i++)
        g_ptr_array_add (shadow, g_list_model_get_item (G_LIST_MODEL (node), i));
      handler = g_signal_connect (node, "items-changed",
                                  G_CALLBACK (shadow_items_changed_cb), shadow);
      g_hash_table_insert (tree->shadows, g_object_ref (node), shadow);
      g_hash_table_insert (tree->handlers, node, GSIZE_TO_POINTER (handler));
    }

  for (guint i = 0; i < asc_state_node_get_n_children (node); i++)
    shadow_tree_watch (tree, asc_state_node_get_child (node, i));
}

/* Every node in the tree that was watched lists exactly its children */
static void
shadow_tree_check (ShadowTree   *tree,
                   AscStateNode *node)
{
  GPtrArray *shadow = g_hash_table_lookup (tree->shadows, node);

  if (shadow != NULL)
    {
      g_assert_cmpuint (shadow->len, ==, asc_state_node_get_n_children (node));
      for (guint i = 0; i < shadow->len; i++)
        g_assert_true (g_ptr_array_index (shadow, i) == asc_state_node_get_child (node, i));
    }

  for (guint i = 0; i < asc_state_node_get_n_children (node); i++)
    shadow_tree_check (tree, asc_state_node_get_child (node, i));
}

static void
shadow_tree_clear (ShadowTree *tree)
{
  g_hash_table_foreach (tree->handlers, disconnect_handler, NULL);
  g_clear_pointer (&tree->handlers, g_hash_table_unref);
  g_clear_pointer (&tree->shadows, g_hash_table_unref);
}

static void
test_nodes_follow_random_patches (void)
{
  g_autoptr(AscStateStore) store =
    store_new_with ("{\"a\":{\"k1\":[1,2,{\"k2\":null}],\"k3\":\"x\"},\"b\":[[],{}],\"c\":3}");
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  GListModel *history = asc_state_store_get_history (store);
  ShadowTree tree = {
    g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify)g_ptr_array_unref),
    g_hash_table_new (NULL, NULL),
  };
  guint n_entries;

  asc_state_store_set_capacity (store, 40);
  g_ptr_array_add (saved, asc_json_copy (asc_state_store_get_document (store)));

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(JsonNode) patch = random_patch (rand, asc_state_store_get_document (store));
      g_autoptr(JsonNode) expected = asc_json_copy (asc_state_store_get_document (store));
      g_autoptr(GError) error = NULL;

      shadow_tree_watch (&tree, asc_state_store_get_root (store));
      g_assert_true (asc_json_patch_apply (&expected, patch, NULL));
      g_assert_true (asc_state_store_apply (store, patch, &error));
      g_assert_no_error (error);

      g_assert_true (json_node_equal (asc_state_store_get_document (store), expected));
      assert_store_consistent (store);
      shadow_tree_check (&tree, asc_state_store_get_root (store));
      g_ptr_array_add (saved, g_steal_pointer (&expected));
    }

  n_entries = g_list_model_get_n_items (history);
  g_assert_cmpuint (n_entries, ==, 40);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(JsonNode) then = asc_state_store_dup_document_at (store, i);

      g_assert_true (json_node_equal (then, g_ptr_array_index (saved, saved->len - n_entries + i)));
    }

  shadow_tree_clear (&tree);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* History */

static void
record_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GPtrArray  *events)
{
  g_ptr_array_add (events, g_strdup_printf ("%u,%u,%u", position, removed, added));
}

static char *
join_events (GPtrArray *events)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", (char *)g_ptr_array_index (events, i));
  g_ptr_array_set_size (events, 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonNode *
counter_patch (guint value)
{
  g_autofree char *text =
    g_strdup_printf ("[{\"op\":\"replace\",\"path\":\"/n\",\"value\":%u},"
                     " {\"op\":\"add\",\"path\":\"/log/-\",\"value\":%u}]", value, value);

  return asc_test_json_parse (text);
}

static void
test_history_bounded (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(JsonNode) snapshot = asc_test_json_parse ("{\"n\":0,\"log\":[]}");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  GListModel *history = asc_state_store_get_history (store);
  AscStateChange *change;

  asc_state_store_set_capacity (store, 3);
  g_signal_connect (history, "items-changed", G_CALLBACK (record_items_changed_cb), events);
  asc_state_store_reset (store, snapshot);
  for (guint i = 1; i <= 10; i++)
    {
      g_autoptr(JsonNode) patch = counter_patch (i);

      g_assert_true (asc_state_store_apply (store, patch, NULL));
    }

  text = join_events (events);
  g_assert_cmpstr (text, ==,
                   "0,0,1 1,0,1 2,0,1"
                   " 0,1,0 2,0,1 0,1,0 2,0,1 0,1,0 2,0,1 0,1,0 2,0,1"
                   " 0,1,0 2,0,1 0,1,0 2,0,1 0,1,0 2,0,1 0,1,0 2,0,1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  g_assert_true (g_list_model_get_item_type (history) == ASC_TYPE_STATE_CHANGE);

  change = g_list_model_get_item (history, 2);
  g_assert_cmpint (asc_state_change_get_source (change), ==, ASC_STATE_CHANGE_SOURCE_PATCH);
  g_assert_cmpuint (asc_state_change_get_n_operations (change), ==, 2);
  g_assert_null (asc_state_change_get_snapshot (change));
  asc_test_assert_json_eq (asc_state_change_get_patch (change),
                           "[{\"op\":\"replace\",\"path\":\"/n\",\"value\":10},"
                           " {\"op\":\"add\",\"path\":\"/log/9\",\"value\":10}]");
  text = g_strjoinv (" ", (char **)asc_state_change_get_paths (change));
  g_assert_cmpstr (text, ==, "/n /log/9");
  g_assert_cmpint (asc_state_change_get_time (change), >, 0);
  g_assert_cmpint (asc_state_change_get_time (change), <=, g_get_real_time ());
  g_object_unref (change);

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_history_time_travel (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  GListModel *history = asc_state_store_get_history (store);
  g_autofree char *text = NULL;

  asc_state_store_set_capacity (store, 8);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(JsonNode) change = NULL;

      /* A resync now and then, with a value the patches never wrote */
      if (i % 7 == 0)
        {
          g_autofree char *snapshot =
            g_strdup_printf ("{\"n\":%u,\"log\":[\"resync\"],\"extra\":{\"i\":%u}}", i * 100, i);

          change = asc_test_json_parse (snapshot);
          asc_state_store_reset (store, change);
        }
      else
        {
          change = counter_patch (i);
          g_assert_true (asc_state_store_apply (store, change, NULL));
        }
      g_ptr_array_add (saved, asc_json_copy (asc_state_store_get_document (store)));
    }

  /* Entries 12 to 19 are left; the oldest is a patch, so it starts from the base */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(JsonNode) then = asc_state_store_dup_document_at (store, i);

      g_assert_true (json_node_equal (then, g_ptr_array_index (saved, 12 + i)));
    }
  g_assert_null (asc_state_store_dup_document_at (store, 8));

  /* Shrinking drops the oldest with one items-changed and keeps the rest exact */
  g_signal_connect (history, "items-changed", G_CALLBACK (record_items_changed_cb), events);
  asc_state_store_set_capacity (store, 3);
  text = join_events (events);
  g_assert_cmpstr (text, ==, "0,5,0");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) then = asc_state_store_dup_document_at (store, i);

      g_assert_true (json_node_equal (then, g_ptr_array_index (saved, 17 + i)));
    }

  /* And it keeps going after the shrink */
  for (guint i = 20; i < 25; i++)
    {
      g_autoptr(JsonNode) patch = counter_patch (i);

      g_assert_true (asc_state_store_apply (store, patch, NULL));
      g_ptr_array_add (saved, asc_json_copy (asc_state_store_get_document (store)));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) then = asc_state_store_dup_document_at (store, i);

      g_assert_true (json_node_equal (then, g_ptr_array_index (saved, 22 + i)));
    }

  /* A history of one entry still replays from the base */
  asc_state_store_set_capacity (store, 1);
  for (guint i = 25; i < 28; i++)
    {
      g_autoptr(JsonNode) patch = counter_patch (i);
      g_autoptr(JsonNode) then = NULL;

      g_assert_true (asc_state_store_apply (store, patch, NULL));
      g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
      then = asc_state_store_dup_document_at (store, 0);
      g_assert_true (json_node_equal (then, asc_state_store_get_document (store)));
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_history_snapshot_entry (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(JsonNode) snapshot = asc_test_json_parse ("{\"a\":[1]}");
  g_autoptr(AscStateChange) change = NULL;
  g_autoptr(JsonNode) then = NULL;

  asc_state_store_reset (store, snapshot);
  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/a/-\",\"value\":2}]");

  change = g_list_model_get_item (asc_state_store_get_history (store), 0);
  g_assert_cmpint (asc_state_change_get_source (change), ==, ASC_STATE_CHANGE_SOURCE_SNAPSHOT);
  asc_test_assert_json_eq (asc_state_change_get_snapshot (change), "{\"a\":[1]}");
  g_assert_cmpstr (asc_state_change_get_paths (change)[0], ==, "");
  g_assert_cmpuint (asc_state_change_get_n_operations (change), ==, 1);

  /* The snapshot kept in the history does not follow later patches */
  then = asc_state_store_dup_document_at (store, 0);
  asc_test_assert_json_eq (then, "{\"a\":[1]}");
  asc_test_assert_json_eq (asc_state_store_get_document (store), "{\"a\":[1,2]}");

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&change));
}

/* Out of sync */

static void
error_count_cb (AscStateStore *store,
                const GError  *error,
                GPtrArray     *errors)
{
  g_assert_nonnull (error);
  g_ptr_array_add (errors, g_error_copy (error));
}

static void
test_out_of_sync_on_failing_patch (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"a\":1,\"l\":[1,2]}");
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(ChangedLog) changed = changed_log_new (store);
  g_autoptr(NotifyLog) store_log = notify_log_new (store);
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) good = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "out-of-sync", G_CALLBACK (error_count_cb), errors);
  items_log_watch (items, asc_state_store_get_root (store));

  /* The first operation would apply; the patch as a whole does not */
  bad = asc_test_json_parse ("[{\"op\":\"add\",\"path\":\"/l/-\",\"value\":3},"
                             " {\"op\":\"remove\",\"path\":\"/missing\"}]");
  g_assert_false (asc_state_store_apply (store, bad, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_true (g_error_matches (g_ptr_array_index (errors, 0),
                                 ASC_ERROR, ASC_ERROR_INVALID_PATCH));
  g_assert_true (asc_state_store_get_out_of_sync (store));
  notify_log_assert (store_log, "out-of-sync");
  asc_test_assert_json_eq (asc_state_store_get_document (store), "{\"a\":1,\"l\":[1,2]}");
  items_log_assert (items, NULL);
  changed_log_assert (changed, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (asc_state_store_get_history (store)), ==, 1);
  g_clear_error (&error);

  /* Later patches are dropped until the snapshot, without a second signal */
  good = asc_test_json_parse ("[{\"op\":\"replace\",\"path\":\"/a\",\"value\":2}]");
  g_assert_false (asc_state_store_apply (store, good, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_OUT_OF_SYNC);
  g_clear_error (&error);
  g_assert_false (asc_state_store_apply (store, bad, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_OUT_OF_SYNC);
  g_clear_error (&error);
  g_assert_cmpuint (errors->len, ==, 1);
  notify_log_assert (store_log, "");
  asc_test_assert_json_eq (asc_state_store_get_document (store), "{\"a\":1,\"l\":[1,2]}");

  snapshot = asc_test_json_parse ("{\"a\":2,\"l\":[1,2]}");
  asc_state_store_reset (store, snapshot);
  g_assert_false (asc_state_store_get_out_of_sync (store));
  notify_log_assert (store_log, "document out-of-sync");
  changed_log_assert (changed, "/a", NULL);

  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":3}]");
  changed_log_assert (changed, "/a", NULL);
  assert_store_consistent (store);

  g_clear_pointer (&items, items_log_free);
  g_clear_pointer (&changed, changed_log_free);
  g_clear_pointer (&store_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_out_of_sync_before_first_snapshot (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(NotifyLog) store_log = notify_log_new (store);
  g_autoptr(JsonNode) patch =
    asc_test_json_parse ("[{\"op\":\"add\",\"path\":\"/a\",\"value\":1}]");
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "out-of-sync", G_CALLBACK (error_count_cb), errors);
  g_assert_false (asc_state_store_apply (store, patch, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_OUT_OF_SYNC);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_false (asc_state_store_get_out_of_sync (store));
  g_assert_null (asc_state_store_get_document (store));
  g_assert_cmpuint (g_list_model_get_n_items (asc_state_store_get_history (store)), ==, 0);
  notify_log_assert (store_log, "");

  g_clear_pointer (&store_log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* update() */

static void
test_update_records_diff (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(ChangedLog) changed = changed_log_new (store);
  g_autoptr(JsonNode) first = asc_test_json_parse ("{\"a\":1,\"l\":[1,2],\"o\":{\"x\":1}}");
  g_autoptr(JsonNode) second = asc_test_json_parse ("{\"a\":2,\"l\":[1,2,3],\"o\":{\"x\":1}}");
  g_autoptr(AscStateNode) o = NULL;
  g_autoptr(AscStateChange) change = NULL;
  GListModel *history = asc_state_store_get_history (store);

  /* The first state is a snapshot */
  asc_state_store_update (store, first);
  changed_log_assert (changed, "", NULL);
  change = g_list_model_get_item (history, 0);
  g_assert_cmpint (asc_state_change_get_source (change), ==, ASC_STATE_CHANGE_SOURCE_SNAPSHOT);
  g_clear_object (&change);
  o = g_object_ref (node_at (store, "/o"));

  asc_state_store_update (store, second);
  changed_log_assert (changed, "/a /l/2", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  change = g_list_model_get_item (history, 1);
  g_assert_cmpint (asc_state_change_get_source (change), ==, ASC_STATE_CHANGE_SOURCE_DIFF);
  g_assert_cmpuint (asc_state_change_get_n_operations (change), ==, 2);
  g_assert_true (node_at (store, "/o") == o);
  asc_test_assert_json_eq (asc_state_store_get_document (store),
                           "{\"a\":2,\"l\":[1,2,3],\"o\":{\"x\":1}}");

  /* Nothing differs: no entry, no signal */
  asc_state_store_update (store, second);
  changed_log_assert (changed, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);

  assert_store_consistent (store);
  g_clear_pointer (&changed, changed_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&change));
  g_assert_finalize_object (g_steal_pointer (&o));
}

/* Lenient mode */

static void
test_lenient_valueless_replace_removes (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"maybe\":1,\"keep\":2}");
  g_autoptr(ChangedLog) changed = changed_log_new (store);
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autoptr(JsonNode) patch = asc_test_json_parse ("[{\"op\":\"replace\",\"path\":\"/maybe\"}]");
  g_autoptr(AscStateChange) change = NULL;
  g_autoptr(GError) error = NULL;

  asc_state_store_set_lenient (store, TRUE);
  items_log_watch (items, asc_state_store_get_root (store));
  g_assert_true (asc_state_store_apply (store, patch, &error));
  g_assert_no_error (error);

  asc_test_assert_json_eq (asc_state_store_get_document (store), "{\"keep\":2}");
  items_log_assert (items, " 0,1,0", NULL);
  changed_log_assert (changed, "/maybe", NULL);
  change = g_list_model_get_item (asc_state_store_get_history (store), 1);
  asc_test_assert_json_eq (asc_state_change_get_patch (change),
                           "[{\"op\":\"remove\",\"path\":\"/maybe\"}]");

  /* Strict mode refuses the same patch */
  asc_state_store_set_lenient (store, FALSE);
  g_assert_false (asc_state_store_apply (store, patch, &error));
  g_assert_nonnull (error);
  g_assert_true (asc_state_store_get_out_of_sync (store));

  assert_store_consistent (store);
  g_clear_pointer (&changed, changed_log_free);
  g_clear_pointer (&items, items_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&change));
}

static void
test_lenient_raw_key_follows_normalized_path (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"map\":{\"x\":1}}");
  g_autoptr(ChangedLog) changed = changed_log_new (store);
  g_autoptr(ItemsLog) items = items_log_new ();
  g_autofree char *path = NULL;
  AscStateNode *node;

  asc_state_store_set_lenient (store, TRUE);
  items_log_watch (items, asc_state_store_get_root (store));

  /* Zocket does not escape keys: this names the member "a/b~c" */
  apply_ok (store, "[{\"op\":\"add\",\"path\":\"/map/a/b~c\",\"value\":1}]");
  changed_log_assert (changed, "/map/a~1b~0c", NULL);
  items_log_assert (items, "/map 1,0,1", NULL);
  node = asc_state_node_lookup (node_at (store, "/map"), "a/b~c");
  g_assert_nonnull (node);
  path = asc_state_node_dup_path (node);
  g_assert_cmpstr (path, ==, "/map/a~1b~0c");

  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/map/a/b~c\",\"value\":2}]");
  changed_log_assert (changed, "/map/a~1b~0c", NULL);
  items_log_assert (items, NULL);
  g_assert_cmpstr (asc_state_node_get_value_text (node), ==, "2");

  assert_store_consistent (store);
  g_clear_pointer (&changed, changed_log_free);
  g_clear_pointer (&items, items_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Properties */

static void
test_properties_notify_once (void)
{
  g_autoptr(AscStateStore) store = asc_state_store_new ();
  g_autoptr(NotifyLog) log = notify_log_new (store);
  g_autoptr(AscStateNode) root = NULL;
  g_autoptr(GListModel) history = NULL;
  gboolean lenient, out_of_sync;
  guint capacity;

  g_object_get (store,
                "lenient", &lenient,
                "out-of-sync", &out_of_sync,
                "capacity", &capacity,
                "root", &root,
                "history", &history,
                NULL);
  g_assert_false (lenient);
  g_assert_false (out_of_sync);
  g_assert_cmpuint (capacity, ==, 500);
  g_assert_true (root == asc_state_store_get_root (store));
  g_assert_true (history == asc_state_store_get_history (store));

  g_object_set (store, "lenient", TRUE, NULL);
  g_object_set (store, "lenient", TRUE, NULL);
  asc_state_store_set_lenient (store, TRUE);
  notify_log_assert (log, "lenient");
  g_assert_true (asc_state_store_get_lenient (store));

  g_object_set (store, "capacity", 20, NULL);
  asc_state_store_set_capacity (store, 20);
  notify_log_assert (log, "capacity");
  g_assert_cmpuint (asc_state_store_get_capacity (store), ==, 20);

  g_clear_pointer (&log, notify_log_free);
  g_clear_object (&history);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&root));
}

static void
test_properties_document_notifies_per_change (void)
{
  g_autoptr(AscStateStore) store = store_new_with ("{\"a\":1}");
  g_autoptr(NotifyLog) log = notify_log_new (store);
  g_autoptr(JsonNode) document = NULL;

  apply_ok (store, "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":2},"
                   " {\"op\":\"add\",\"path\":\"/b\",\"value\":3}]");
  notify_log_assert (log, "document");
  apply_ok (store, "[{\"op\":\"test\",\"path\":\"/a\",\"value\":2}]");
  notify_log_assert (log, "");

  g_object_get (store, "document", &document, NULL);
  asc_test_assert_json_eq (document, "{\"a\":2,\"b\":3}");

  g_clear_pointer (&log, notify_log_free);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/state-store/changed/names-exact-paths",
                   test_changed_names_exact_paths);
  g_test_add_func ("/asc/state-store/changed/on-reset",
                   test_changed_on_reset);
  g_test_add_func ("/asc/state-store/nodes/value-text",
                   test_nodes_value_text);
  g_test_add_func ("/asc/state-store/nodes/number-text-is-shortest",
                   test_nodes_number_text);
  g_test_add_func ("/asc/state-store/nodes/scalar-replace-in-place",
                   test_nodes_scalar_replace_in_place);
  g_test_add_func ("/asc/state-store/nodes/array-insert-and-remove",
                   test_nodes_array_insert_and_remove);
  g_test_add_func ("/asc/state-store/nodes/object-members",
                   test_nodes_object_members);
  g_test_add_func ("/asc/state-store/nodes/container-replace-reconciles",
                   test_nodes_container_replace_reconciles);
  g_test_add_func ("/asc/state-store/nodes/move-keeps-node",
                   test_nodes_move_keeps_node);
  g_test_add_func ("/asc/state-store/nodes/reset-keeps-identity",
                   test_nodes_reset_keeps_identity);
  g_test_add_func ("/asc/state-store/nodes/before-first-snapshot",
                   test_nodes_before_first_snapshot);
  g_test_add_func ("/asc/state-store/nodes/follow-random-patches",
                   test_nodes_follow_random_patches);
  g_test_add_func ("/asc/state-store/history/bounded",
                   test_history_bounded);
  g_test_add_func ("/asc/state-store/history/time-travel",
                   test_history_time_travel);
  g_test_add_func ("/asc/state-store/history/snapshot-entry",
                   test_history_snapshot_entry);
  g_test_add_func ("/asc/state-store/out-of-sync/on-failing-patch",
                   test_out_of_sync_on_failing_patch);
  g_test_add_func ("/asc/state-store/out-of-sync/before-first-snapshot",
                   test_out_of_sync_before_first_snapshot);
  g_test_add_func ("/asc/state-store/update/records-diff",
                   test_update_records_diff);
  g_test_add_func ("/asc/state-store/lenient/valueless-replace-removes",
                   test_lenient_valueless_replace_removes);
  g_test_add_func ("/asc/state-store/lenient/raw-key-follows-normalized-path",
                   test_lenient_raw_key_follows_normalized_path);
  g_test_add_func ("/asc/state-store/properties/notify-once",
                   test_properties_notify_once);
  g_test_add_func ("/asc/state-store/properties/document-notifies-per-change",
                   test_properties_document_notifies_per_change);

  return g_test_run ();
}
