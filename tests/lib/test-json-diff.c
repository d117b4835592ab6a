/* test-json-diff.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

static JsonNode *
parse_mutable (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* Checks that the diff applies strictly to @from and gives @to. */
static void
assert_diff_round_trips (JsonNode *from,
                         JsonNode *to,
                         JsonNode *ops)
{
  g_autoptr(JsonNode) doc = asc_json_copy (from);
  g_autoptr(GError) error = NULL;

  if (!asc_json_patch_apply (&doc, ops, &error) || !asc_json_equal (doc, to))
    {
      g_autofree char *from_text = asc_test_json_to_string (from);
      g_autofree char *to_text = asc_test_json_to_string (to);
      g_autofree char *ops_text = asc_test_json_to_string (ops);

      g_error ("diff does not round-trip (%s)\n  from: %s\n  to:   %s\n  ops:  %s",
               error != NULL ? error->message : "different result",
               from_text, to_text, ops_text);
    }
}

static void
assert_diff (const char *from_text,
             const char *to_text,
             const char *expected_ops)
{
  g_autoptr(JsonNode) from = asc_test_json_parse (from_text);
  g_autoptr(JsonNode) to = asc_test_json_parse (to_text);
  g_autoptr(JsonNode) ops = asc_json_diff (from, to);

  asc_test_assert_json_eq (ops, expected_ops);
  assert_diff_round_trips (from, to, ops);
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *ops;
} DiffCase;

static const DiffCase diff_cases[] = {
  { "identical-gives-nothing",
    "{\"a\":[1,{\"b\":null}],\"c\":\"x\"}", "{\"c\":\"x\",\"a\":[1,{\"b\":null}]}", "[]" },
  { "numbers-compare-by-value",
    "{\"n\":10,\"l\":[1,2.0,-0.0]}", "{\"n\":10.0,\"l\":[1.0,2,0]}", "[]" },
  { "root-type-change-replaces-the-root",
    "{\"a\":1}", "[1]", "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]" },
  { "root-scalar-change",
    "1", "\"1\"", "[{\"op\":\"replace\",\"path\":\"\",\"value\":\"1\"}]" },
  { "member-ops",
    "{\"keep\":1,\"gone\":2,\"change\":{\"x\":1}}",
    "{\"keep\":1,\"change\":{\"x\":2},\"new\":[3]}",
    "[{\"op\":\"remove\",\"path\":\"/gone\"},"
    " {\"op\":\"replace\",\"path\":\"/change/x\",\"value\":2},"
    " {\"op\":\"add\",\"path\":\"/new\",\"value\":[3]}]" },
  { "escapes-keys",
    "{\"a/b\":1,\"m~n\":2,\"\":3}", "{\"a/b\":2,\"m~n\":3,\"\":4,\"~1\":5}",
    "[{\"op\":\"replace\",\"path\":\"/a~1b\",\"value\":2},"
    " {\"op\":\"replace\",\"path\":\"/m~0n\",\"value\":3},"
    " {\"op\":\"replace\",\"path\":\"/\",\"value\":4},"
    " {\"op\":\"add\",\"path\":\"/~01\",\"value\":5}]" },
  { "nested-type-change",
    "{\"a\":{\"b\":[1]}}", "{\"a\":{\"b\":{\"0\":1}}}",
    "[{\"op\":\"replace\",\"path\":\"/a/b\",\"value\":{\"0\":1}}]" },
  { "array-push",
    "[1,2]", "[1,2,3,4]",
    "[{\"op\":\"add\",\"path\":\"/2\",\"value\":3},"
    " {\"op\":\"add\",\"path\":\"/3\",\"value\":4}]" },
  { "array-unshift",
    "[1,2]", "[0,1,2]", "[{\"op\":\"add\",\"path\":\"/0\",\"value\":0}]" },
  { "array-remove-middle-removes-from-the-top",
    "[1,2,3,4,5]", "[1,5]",
    "[{\"op\":\"remove\",\"path\":\"/3\"},"
    " {\"op\":\"remove\",\"path\":\"/2\"},"
    " {\"op\":\"remove\",\"path\":\"/1\"}]" },
  { "array-replace-then-grow",
    "[1,2,9]", "[1,7,8,9]",
    "[{\"op\":\"replace\",\"path\":\"/1\",\"value\":7},"
    " {\"op\":\"add\",\"path\":\"/2\",\"value\":8}]" },
  { "array-recurse-into-elements",
    "[{\"id\":1,\"v\":1},{\"id\":2,\"v\":1}]", "[{\"id\":1,\"v\":1},{\"id\":2,\"v\":2}]",
    "[{\"op\":\"replace\",\"path\":\"/1/v\",\"value\":2}]" },
  { "array-clear",
    "{\"l\":[1,2]}", "{\"l\":[]}",
    "[{\"op\":\"remove\",\"path\":\"/l/1\"},{\"op\":\"remove\",\"path\":\"/l/0\"}]" },
};

static void
test_diff_case (gconstpointer data)
{
  const DiffCase *c = data;

  assert_diff (c->from, c->to, c->ops);
}

static void
test_diff_same_node (void)
{
  g_autoptr(JsonNode) doc = parse_mutable ("{\"a\":[1,2,{\"b\":3}]}");
  g_autoptr(JsonNode) ops = asc_json_diff (doc, doc);
  g_autoptr(JsonNode) copy = asc_json_copy (doc);
  g_autoptr(JsonNode) copy_ops = asc_json_diff (doc, copy);

  asc_test_assert_json_eq (ops, "[]");
  asc_test_assert_json_eq (copy_ops, "[]");
}

/* Operations on members follow the member order of the old object, however
 * many members changed. */
static void
test_diff_member_order (void)
{
  static const guint counts[] = { 2, 5, 9, 40 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(GString) from = g_string_new ("{");
      g_autoptr(GString) to = g_string_new ("{");
      g_autoptr(GString) ops = g_string_new ("[");

      /* Names in an order unlike their hashes; every third one is removed. */
      for (guint i = 0; i < counts[c]; i++)
        {
          guint k = (i * 7919) % 1000;

          g_string_append_printf (from, "%s\"k%u\":{\"v\":[%u]}", i > 0 ? "," : "", k, i);
          if (i % 3 == 2)
            {
              g_string_append_printf (ops, "%s{\"op\":\"remove\",\"path\":\"/k%u\"}",
                                      i > 0 ? "," : "", k);
              continue;
            }
          g_string_append_printf (to, "%s\"k%u\":{\"v\":[%u,0]}", to->len > 1 ? "," : "", k, i);
          g_string_append_printf (ops, "%s{\"op\":\"add\",\"path\":\"/k%u/v/1\",\"value\":0}",
                                  i > 0 ? "," : "", k);
        }
      g_string_append_c (from, '}');
      g_string_append_c (to, '}');
      g_string_append_c (ops, ']');

      assert_diff (from->str, to->str, ops->str);
    }
}

/* Long arrays */

static JsonNode *
long_array (guint length,
            guint skip,
            gint  insert_at)
{
  g_autoptr(JsonArray) array = json_array_sized_new (length + 1);

  for (guint i = 0; i < length; i++)
    {
      g_autoptr(JsonObject) item = json_object_new ();

      if ((gint) i == insert_at)
        json_array_add_string_element (array, "inserted");
      if (i == skip)
        continue;
      json_object_set_int_member (item, "id", i);
      json_object_set_string_member (item, "name", "item");
      json_array_add_object_element (array, g_steal_pointer (&item));
    }
  if (insert_at == (gint) length)
    json_array_add_string_element (array, "pushed");

  return json_node_init_array (json_node_alloc (), array);
}

static void
assert_cheap_diff (JsonNode   *from,
                   JsonNode   *to,
                   const char *expected)
{
  g_autoptr(JsonNode) ops = asc_json_diff (from, to);

  g_assert_cmpuint (json_array_get_length (json_node_get_array (ops)), <=, 3);
  asc_test_assert_json_eq (ops, expected);
  assert_diff_round_trips (from, to, ops);
}

static void
test_diff_long_arrays (void)
{
  g_autoptr(JsonNode) base = long_array (1000, G_MAXUINT, -1);
  g_autoptr(JsonNode) pushed = long_array (1000, G_MAXUINT, 1000);
  g_autoptr(JsonNode) inserted = long_array (1000, G_MAXUINT, 500);
  g_autoptr(JsonNode) unshifted = long_array (1000, G_MAXUINT, 0);
  g_autoptr(JsonNode) removed = long_array (1000, 321, -1);
  g_autoptr(JsonNode) popped = long_array (1000, 999, -1);

  assert_cheap_diff (base, pushed, "[{\"op\":\"add\",\"path\":\"/1000\",\"value\":\"pushed\"}]");
  assert_cheap_diff (base, inserted, "[{\"op\":\"add\",\"path\":\"/500\",\"value\":\"inserted\"}]");
  assert_cheap_diff (base, unshifted, "[{\"op\":\"add\",\"path\":\"/0\",\"value\":\"inserted\"}]");
  assert_cheap_diff (base, removed, "[{\"op\":\"remove\",\"path\":\"/321\"}]");
  assert_cheap_diff (base, popped, "[{\"op\":\"remove\",\"path\":\"/999\"}]");
  assert_cheap_diff (pushed, base, "[{\"op\":\"remove\",\"path\":\"/1000\"}]");
}

/* Equality and copies */

static void
test_equal_numbers (void)
{
  static const char *equal[][2] = {
    { "10", "10.0" },
    { "-0.0", "0" },
    { "1e2", "100" },
    { "9007199254740992", "9007199254740992.0" },
    { "[1,{\"a\":2}]", "[1.0,{\"a\":2.0}]" },
    { "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}" },
  };
  static const char *different[][2] = {
    { "10", "10.5" },
    { "9007199254740993", "9007199254740992.0" },
    { "1", "\"1\"" },
    { "1", "true" },
    { "0", "false" },
    { "null", "false" },
    { "[]", "{}" },
    { "[1,2]", "[2,1]" },
    { "{\"a\":1}", "{\"a\":1,\"b\":1}" },
    { "{\"a\":1}", "{\"b\":1}" },
    { "\"a\"", "\"b\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (equal); i++)
    {
      g_autoptr(JsonNode) a = asc_test_json_parse (equal[i][0]);
      g_autoptr(JsonNode) b = asc_test_json_parse (equal[i][1]);

      g_assert_true (asc_json_equal (a, b));
      g_assert_true (asc_json_equal (b, a));
    }
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autoptr(JsonNode) a = asc_test_json_parse (different[i][0]);
      g_autoptr(JsonNode) b = asc_test_json_parse (different[i][1]);

      g_assert_false (asc_json_equal (a, b));
      g_assert_false (asc_json_equal (b, a));
    }
}

/* NULL stands for JSON null, as a missing document would. */
static void
test_diff_null_documents (void)
{
  g_autoptr(JsonNode) value = asc_test_json_parse ("{\"a\":1}");
  g_autoptr(JsonNode) from_null = asc_json_diff (NULL, value);
  g_autoptr(JsonNode) to_null = asc_json_diff (value, NULL);
  g_autoptr(JsonNode) both = asc_json_diff (NULL, NULL);

  asc_test_assert_json_eq (from_null, "[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"a\":1}}]");
  asc_test_assert_json_eq (to_null, "[{\"op\":\"replace\",\"path\":\"\",\"value\":null}]");
  asc_test_assert_json_eq (both, "[]");
}

static void
test_copy_is_independent (void)
{
  g_autoptr(JsonNode) doc = parse_mutable ("{\"a\":[1,{\"b\":\"s\"}],\"n\":null}");
  g_autoptr(JsonNode) copy = asc_json_copy (doc);
  g_autoptr(JsonNode) sealed = asc_test_json_parse ("{\"a\":[1]}");
  g_autoptr(JsonNode) sealed_copy = asc_json_copy (sealed);
  JsonArray *array;

  g_assert_true (asc_json_equal (doc, copy));
  g_assert_false (json_node_is_immutable (copy));
  array = json_node_get_array (json_object_get_member (json_node_get_object (copy), "a"));
  json_array_add_int_element (array, 2);
  asc_test_assert_json_eq (doc, "{\"a\":[1,{\"b\":\"s\"}],\"n\":null}");

  g_assert_true (sealed_copy == sealed);
}

/* Seeded property tests: g_test_rand_*() follows --seed. */

static const char *random_keys[] = { "a", "b", "c", "id", "a/b", "m~n", "", "~1", "/", "x y" };
static const char *random_strings[] = { "", "x", "y", "a/b", "~0" };

static JsonNode *random_value (int depth);

static JsonNode *
random_container (int depth)
{
  if (g_test_rand_bit ())
    {
      g_autoptr(JsonArray) array = json_array_new ();
      int length = g_test_rand_int_range (0, 6);

      for (int i = 0; i < length; i++)
        json_array_add_element (array, random_value (depth - 1));
      return json_node_init_array (json_node_alloc (), array);
    }
  else
    {
      g_autoptr(JsonObject) object = json_object_new ();
      int size = g_test_rand_int_range (0, 5);

      for (int i = 0; i < size; i++)
        json_object_set_member (object,
                                random_keys[g_test_rand_int_range (0, G_N_ELEMENTS (random_keys))],
                                random_value (depth - 1));
      return json_node_init_object (json_node_alloc (), object);
    }
}

static JsonNode *
random_value (int depth)
{
  JsonNode *node = json_node_alloc ();

  switch (g_test_rand_int_range (0, depth > 0 ? 8 : 5))
    {
    case 0:
      return json_node_init_null (node);
    case 1:
      return json_node_init_boolean (node, g_test_rand_bit ());
    case 2:
      return json_node_init_int (node, g_test_rand_int_range (-2, 3));
    case 3:
      /* Half of the doubles are integral, to meet equal integers. */
      return json_node_init_double (node, g_test_rand_int_range (-4, 5) / 2.0);
    case 4:
      return json_node_init_string (node, random_strings[g_test_rand_int_range (
                                      0, G_N_ELEMENTS (random_strings))]);
    default:
      json_node_unref (node);
      return random_container (depth);
    }
}

static JsonNode *mutate (JsonNode *node, int depth);

static JsonNode *
mutate_array (JsonArray *array,
              int        depth)
{
  g_autoptr(JsonArray) copy = json_array_new ();
  guint length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      int dice = g_test_rand_int_range (0, 10);

      if (dice == 0)
        continue;
      if (dice == 1)
        json_array_add_element (copy, random_value (depth - 1));
      json_array_add_element (copy, mutate (json_array_get_element (array, i), depth - 1));
    }
  if (g_test_rand_int_range (0, 5) == 0)
    json_array_add_element (copy, random_value (depth - 1));

  return json_node_init_array (json_node_alloc (), copy);
}

static JsonNode *
mutate_object (JsonObject *object,
               int         depth)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    if (g_test_rand_int_range (0, 8) != 0)
      json_object_set_member (copy, name, mutate (child, depth - 1));
  if (g_test_rand_int_range (0, 4) == 0)
    json_object_set_member (copy,
                            random_keys[g_test_rand_int_range (0, G_N_ELEMENTS (random_keys))],
                            random_value (depth - 1));

  return json_node_init_object (json_node_alloc (), copy);
}

/* A copy of @node with a few random changes here and there. */
static JsonNode *
mutate (JsonNode *node,
        int       depth)
{
  int dice = g_test_rand_int_range (0, 20);

  if (dice == 0)
    return random_value (depth);
  if (dice < 10 || depth <= 0)
    return asc_json_copy (node);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return mutate_array (json_node_get_array (node), depth);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return mutate_object (json_node_get_object (node), depth);
  return asc_json_copy (node);
}

static void
check_random_pair (JsonNode *a,
                   JsonNode *b)
{
  g_autoptr(JsonNode) ops = asc_json_diff (a, b);
  g_autoptr(JsonNode) same = asc_json_diff (b, b);
  g_autoptr(JsonNode) b_copy = asc_json_copy (b);
  g_autoptr(JsonNode) same_copy = asc_json_diff (b, b_copy);

  assert_diff_round_trips (a, b, ops);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (same)), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (same_copy)), ==, 0);
  if (asc_json_equal (a, b))
    g_assert_cmpuint (json_array_get_length (json_node_get_array (ops)), ==, 0);
}

static void
test_random_independent_pairs (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(JsonNode) a = random_value (4);
      g_autoptr(JsonNode) b = random_value (4);

      check_random_pair (a, b);
    }
}

static guint
count_ops (JsonNode *a,
           JsonNode *b)
{
  g_autoptr(JsonNode) ops = asc_json_diff (a, b);

  return json_array_get_length (json_node_get_array (ops));
}

static void
test_random_mutations (void)
{
  guint n_ops = 0, n_changed = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(JsonNode) a = random_container (5);
      g_autoptr(JsonNode) b = NULL;

      /* Always change something below the root. */
      if (JSON_NODE_HOLDS_ARRAY (a))
        b = mutate_array (json_node_get_array (a), 5);
      else
        b = mutate_object (json_node_get_object (a), 5);

      check_random_pair (a, b);
      n_ops += count_ops (a, b);
      n_changed += !asc_json_equal (a, b);
      if (i % 2 == 0)
        {
          json_node_seal (a);
          json_node_seal (b);
          check_random_pair (b, a);
        }
    }

  g_test_message ("%u of 3000 pairs differ, %u operations in all",
                  n_changed, n_ops);
  g_assert_cmpuint (n_changed, >, 1500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (diff_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/asc/json-diff/", diff_cases[i].name, NULL);

      g_test_add_data_func (path, &diff_cases[i], test_diff_case);
    }

  g_test_add_func ("/asc/json-diff/same-node-gives-nothing", test_diff_same_node);
  g_test_add_func ("/asc/json-diff/objects/keep-member-order", test_diff_member_order);
  g_test_add_func ("/asc/json-diff/long-arrays/cost-one-operation", test_diff_long_arrays);
  g_test_add_func ("/asc/json-diff/equal/compares-numbers-by-value", test_equal_numbers);
  g_test_add_func ("/asc/json-diff/copy/is-independent", test_copy_is_independent);
  g_test_add_func ("/asc/json-diff/null-documents", test_diff_null_documents);
  g_test_add_func ("/asc/json-diff/random/independent-pairs-round-trip",
                   test_random_independent_pairs);
  g_test_add_func ("/asc/json-diff/random/mutations-round-trip", test_random_mutations);

  return g_test_run ();
}
