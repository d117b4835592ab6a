/* test-cbor-cache.c: decoding CBOR against the previous item
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-rivet.h"
#include "asc-test-util.h"

/* A fixed seed, so a failing sequence can be reproduced. */
#define RANDOM_SEED 20261124
#define N_EDITS     3000

static GBytes *
encode (JsonNode *value)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = asc_cbor_encode (value, &error);

  g_assert_no_error (error);
  return bytes;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

/* Decodes @bytes through @cache and checks the result against a whole
 * decode, member order included. */
static JsonNode *
decode_checked (AscCborCache *cache,
                GBytes       *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(JsonNode) whole = NULL;
  g_autofree char *text = NULL;
  g_autofree char *whole_text = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  JsonNode *value = asc_cbor_cache_decode (cache, bytes, &error);

  whole = asc_cbor_decode (data, length, &whole_error);
  if (whole == NULL)
    {
      g_assert_null (value);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, whole_error->message);
      return NULL;
    }

  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_true (json_node_is_immutable (value));
  text = json_to_string (value, FALSE);
  whole_text = json_to_string (whole, FALSE);
  g_assert_cmpstr (text, ==, whole_text);

  return value;
}

static JsonNode *
decode_json (AscCborCache *cache,
             const char   *json)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GBytes) bytes = encode (node);

  return decode_checked (cache, bytes);
}

static JsonNode *
member (JsonNode   *node,
        const char *name)
{
  return json_object_get_member (json_node_get_object (node), name);
}

static JsonNode *
element (JsonNode *node,
         guint     index)
{
  return json_array_get_element (json_node_get_array (node), index);
}

static void
test_unchanged_subtrees_are_shared (void)
{
  g_autoptr(AscCborCache) cache = asc_cbor_cache_new ();
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) third = NULL;

  first = decode_json (cache, "{\"rooms\":{\"a\":{\"t\":20.5,\"on\":true},\"b\":{\"t\":19}},"
                              "\"log\":[{\"n\":1},{\"n\":2},{\"n\":3}],\"count\":1}");
  second = decode_json (cache, "{\"rooms\":{\"a\":{\"t\":20.5,\"on\":true},\"b\":{\"t\":21}},"
                               "\"log\":[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}],\"count\":2}");

  g_assert_true (second != first);
  g_assert_true (member (member (second, "rooms"), "a") == member (member (first, "rooms"), "a"));
  g_assert_true (member (member (second, "rooms"), "b") != member (member (first, "rooms"), "b"));
  for (guint i = 0; i < 3; i++)
    g_assert_true (element (member (second, "log"), i) == element (member (first, "log"), i));

  /* An element added at the front leaves the others shared too. */
  third = decode_json (cache, "{\"rooms\":{\"a\":{\"t\":20.5,\"on\":true},\"b\":{\"t\":21}},"
                              "\"log\":[{\"n\":0},{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}],"
                              "\"count\":2}");
  g_assert_true (member (third, "rooms") == member (second, "rooms"));
  for (guint i = 0; i < 4; i++)
    g_assert_true (element (member (third, "log"), i + 1) == element (member (second, "log"), i));

  /* The same bytes again give the same value. */
  g_clear_pointer (&first, json_node_unref);
  first = decode_json (cache, "{\"rooms\":{\"a\":{\"t\":20.5,\"on\":true},\"b\":{\"t\":21}},"
                              "\"log\":[{\"n\":0},{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}],"
                              "\"count\":2}");
  g_assert_true (first == third);
}

/* Items the walk does not go into, checked byte by byte against a whole
 * decode after a first item of the same shape. */
static void
test_unusual_items_decode_as_a_whole (void)
{
  const char *sequences[][2] = {
    /* a repeated key, then one of its values changed */
    { "a2616101616102", "a2616101616103" },
    /* the old map repeats a key, the new one does not */
    { "a3616101616102616201", "a2616101616202" },
    /* keys that are not text */
    { "a2016161026162", "a2016162026162" },
    /* an indefinite-length map and array */
    { "bf6161820102ff", "bf6161820103ff" },
    { "9f0102ff", "9f0103ff" },
    /* a set (tag 258) around an array, in a map */
    { "a16173d9010283010203", "a16173d9010283010204" },
    /* an array becomes a map, a map an array */
    { "a1616182a161620103", "a16161a16162820102" },
    /* byte strings and undefined */
    { "a2616243010203616cf7", "a2616243010204616cf7" },
    /* an empty map and array filled */
    { "a2616da0616180", "a2616da1616201616181f6" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autoptr(AscCborCache) cache = asc_cbor_cache_new ();

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(GBytes) bytes = asc_test_hex_parse (sequences[i][k]);
          g_autoptr(JsonNode) value = decode_checked (cache, bytes);

          g_assert_nonnull (value);
        }
    }
}

static void
test_errors_are_those_of_a_whole_decode (void)
{
  /* After {"a":[1,2],"b":"x"}: */
  const char *bad[] = {
    "a2618282010261626178",       /* a key that is not valid UTF-8 */
    "a26161820102616261",         /* truncated */
    "a261618201026162617800",     /* a trailing byte */
    "a26161820102616261ff",       /* a changed value that is not valid UTF-8 */
    "a26161820102616281ff",       /* a break where an item should be */
    "a3616182010261626178",       /* an entry missing */
  };
  g_autoptr(AscCborCache) cache = asc_cbor_cache_new ();
  g_autoptr(GBytes) good = asc_test_hex_parse ("a2616182010261626178");
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) after = NULL;

  first = decode_checked (cache, good);
  g_assert_nonnull (first);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = asc_test_hex_parse (bad[i]);
      g_autoptr(JsonNode) value = decode_checked (cache, bytes);

      g_assert_null (value);
    }

  /* A failure leaves the cache as it was: the next item shares with the
   * last good one. */
  after = decode_json (cache, "{\"a\":[1,2],\"b\":\"y\"}");
  g_assert_true (member (after, "a") == member (first, "a"));
}

/* Random edits */

static GRand *rng;

static char *
random_key (void)
{
  const char *keys[] = { "a", "b", "temp", "on", "name", "", "a/b", "m~n", "é", "k1", "k2", "k3" };

  return g_strdup (keys[g_rand_int_range (rng, 0, G_N_ELEMENTS (keys))]);
}

static JsonNode *random_value (guint depth);

static JsonNode *
random_container (guint    depth,
                  gboolean object)
{
  guint length = g_rand_int_range (rng, 0, 5);

  if (object)
    {
      g_autoptr(JsonObject) members = json_object_new ();

      for (guint i = 0; i < length; i++)
        {
          g_autofree char *key = random_key ();

          json_object_set_member (members, key, random_value (depth + 1));
        }
      return json_node_init_object (json_node_alloc (), members);
    }
  else
    {
      g_autoptr(JsonArray) items = json_array_new ();

      /* An int first: never mistaken for a tagged value. */
      json_array_add_int_element (items, g_rand_int_range (rng, 0, 3));
      for (guint i = 0; i < length; i++)
        json_array_add_element (items, random_value (depth + 1));
      return json_node_init_array (json_node_alloc (), items);
    }
}

static JsonNode *
random_value (guint depth)
{
  switch (g_rand_int_range (rng, 0, depth < 4 ? 7 : 5))
    {
    case 0:
      return json_node_new (JSON_NODE_NULL);
    case 1:
      return json_node_init_boolean (json_node_alloc (), g_rand_boolean (rng));
    case 2:
      return json_node_init_int (json_node_alloc (), g_rand_int_range (rng, -300, 300));
    case 3:
      return json_node_init_double (json_node_alloc (), g_rand_double_range (rng, -10, 10));
    case 4:
      {
        g_autofree char *text = random_key ();

        return json_node_init_string (json_node_alloc (), text);
      }
    case 5:
      return random_container (depth, FALSE);
    default:
      return random_container (depth, TRUE);
    }
}

/* A random container inside @node, or @node itself. */
static JsonNode *
random_place (JsonNode *node)
{
  while (g_rand_int_range (rng, 0, 3) != 0)
    {
      JsonNode *child = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) > 0)
        {
          g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

          child = g_list_nth_data (values, g_rand_int_range (rng, 0, g_list_length (values)));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          child = json_array_get_element (array, g_rand_int_range (rng, 0, json_array_get_length (array)));
        }
      if (child == NULL || !(JSON_NODE_HOLDS_OBJECT (child) || JSON_NODE_HOLDS_ARRAY (child)))
        break;
      node = child;
    }

  return node;
}

static void
edit_array (JsonArray *array)
{
  guint length = json_array_get_length (array);
  guint index = g_rand_int_range (rng, 0, length + 1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gboolean insert = length < 2 || g_rand_boolean (rng);

  /* json-glib has no insert: rebuild from the end. */
  while (json_array_get_length (array) > 1)
    {
      guint last = json_array_get_length (array) - 1;

      g_ptr_array_insert (items, 0, json_node_ref (json_array_get_element (array, last)));
      json_array_remove_element (array, last);
    }
  index = MAX (index, 1);
  for (guint i = 1; i < length; i++)
    {
      if (i == index && insert)
        json_array_add_element (array, random_value (3));
      if (i != index || insert)
        json_array_add_element (array, json_node_ref (g_ptr_array_index (items, i - 1)));
    }
  if (insert && index >= length)
    json_array_add_element (array, random_value (3));
}

static void
edit (JsonNode *root)
{
  JsonNode *place = random_place (root);

  if (JSON_NODE_HOLDS_ARRAY (place))
    {
      edit_array (json_node_get_array (place));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (place))
    {
      g_autofree char *key = random_key ();
      JsonObject *object = json_node_get_object (place);

      if (json_object_has_member (object, key) && g_rand_boolean (rng))
        json_object_remove_member (object, key);
      else
        json_object_set_member (object, key, random_value (2));
    }
}

/* How many members of @value are the very nodes of @previous. */
static guint
count_shared_members (JsonNode *previous,
                      JsonNode *value)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;
  guint n_shared = 0;

  if (previous == NULL || !JSON_NODE_HOLDS_OBJECT (previous) || !JSON_NODE_HOLDS_OBJECT (value))
    return 0;

  json_object_iter_init (&iter, json_node_get_object (value));
  while (json_object_iter_next (&iter, &name, &child))
    n_shared += child == json_object_get_member (json_node_get_object (previous), name);

  return n_shared;
}

static void
test_random_edits_decode_as_a_whole (void)
{
  g_autoptr(AscCborCache) cache = asc_cbor_cache_new ();
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) previous = NULL;
  guint n_shared = 0;

  rng = g_rand_new_with_seed (RANDOM_SEED);
  state = random_container (0, TRUE);

  for (guint n = 0; n < N_EDITS; n++)
    {
      g_autoptr(GBytes) bytes = NULL;
      JsonNode *value;

      if (n % 200 == 0)
        {
          /* Start again from a new state now and then, so sizes vary. */
          json_node_unref (state);
          state = random_container (0, TRUE);
        }
      edit (state);
      bytes = encode (state);
      value = decode_checked (cache, bytes);
      g_assert_nonnull (value);

      n_shared += count_shared_members (previous, value);
      g_clear_pointer (&previous, json_node_unref);
      previous = value;
    }

  g_test_message ("%u edits decoded; top members shared %u times", N_EDITS, n_shared);
  g_assert_cmpuint (n_shared, >, N_EDITS / 2);
  g_clear_pointer (&rng, g_rand_free);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/rivet/cbor-cache/unchanged-subtrees-are-shared",
                   test_unchanged_subtrees_are_shared);
  g_test_add_func ("/asc/rivet/cbor-cache/unusual-items-decode-as-a-whole",
                   test_unusual_items_decode_as_a_whole);
  g_test_add_func ("/asc/rivet/cbor-cache/errors-are-those-of-a-whole-decode",
                   test_errors_are_those_of_a_whole_decode);
  g_test_add_func ("/asc/rivet/cbor-cache/random-edits-decode-as-a-whole",
                   test_random_edits_decode_as_a_whole);

  return g_test_run ();
}
