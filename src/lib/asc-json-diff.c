/* asc-json-diff.c: JSON comparison and RFC 6902 diffs
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-json-diff"

#include "config.h"

#include "asc-json-diff.h"
#include "asc-json-pointer.h"

#include <string.h>

/* json-glib can also hold null as a JsonValue of no type. */
static gboolean
holds_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ||
         (JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_INVALID);
}

/* Exact: 2^53 + 1 must not equal the double 2^53. */
static gboolean
int_equals_double (gint64 i,
                   double d)
{
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
    return FALSE;
  if ((double) (gint64) d != d)
    return FALSE;
  return (gint64) d == i;
}

/* Both hold JSON values; a null value stored as a JsonValue counts as null. */
static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  GType a_type = json_node_get_value_type (a);
  GType b_type = json_node_get_value_type (b);

  if (a_type == b_type)
    {
      if (a_type == G_TYPE_STRING)
        return strcmp (json_node_get_string (a), json_node_get_string (b)) == 0;
      if (a_type == G_TYPE_INT64)
        return json_node_get_int (a) == json_node_get_int (b);
      if (a_type == G_TYPE_DOUBLE)
        return json_node_get_double (a) == json_node_get_double (b);
      if (a_type == G_TYPE_BOOLEAN)
        return !json_node_get_boolean (a) == !json_node_get_boolean (b);
      return TRUE;
    }

  if (a_type == G_TYPE_INT64 && b_type == G_TYPE_DOUBLE)
    return int_equals_double (json_node_get_int (a), json_node_get_double (b));
  if (a_type == G_TYPE_DOUBLE && b_type == G_TYPE_INT64)
    return int_equals_double (json_node_get_int (b), json_node_get_double (a));
  return FALSE;
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;

  if (a == b)
    return TRUE;
  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;

  json_object_iter_init (&iter, a);
  while (json_object_iter_next (&iter, &name, &child))
    {
      JsonNode *other = json_object_get_member (b, name);

      if (other == NULL || !asc_json_equal (child, other))
        return FALSE;
    }

  return TRUE;
}

static gboolean
arrays_equal (JsonArray *a,
              JsonArray *b)
{
  guint length = json_array_get_length (a);

  if (a == b)
    return TRUE;
  if (json_array_get_length (b) != length)
    return FALSE;

  for (guint i = 0; i < length; i++)
    if (!asc_json_equal (json_array_get_element (a, i),
                         json_array_get_element (b, i)))
      return FALSE;

  return TRUE;
}

/**
 * asc_json_equal:
 * @a: a JSON node
 * @b: another JSON node
 *
 * Compares two JSON values the way RFC 6902 `test` does: numbers by value
 * (`10` equals `10.0`), objects regardless of member order, arrays element
 * by element. Nothing is allocated.
 *
 * Returns: %TRUE if @a and @b hold the same JSON value
 */
gboolean
asc_json_equal (JsonNode *a,
                JsonNode *b)
{
  JsonNodeType type;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  type = JSON_NODE_TYPE (a);
  if (type != JSON_NODE_TYPE (b))
    return holds_null (a) && holds_null (b);

  switch (type)
    {
    case JSON_NODE_OBJECT:
      return objects_equal (json_node_get_object (a), json_node_get_object (b));
    case JSON_NODE_ARRAY:
      return arrays_equal (json_node_get_array (a), json_node_get_array (b));
    case JSON_NODE_VALUE:
      return values_equal (a, b);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static JsonNode *
copy_scalar (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    return json_node_init_null (copy);

  /* A fresh JsonValue: json_node_copy() would share it with @node. */
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_init_int (copy, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return json_node_init_double (copy, json_node_get_double (node));
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (copy, json_node_get_boolean (node));
  if (type == G_TYPE_STRING)
    return json_node_init_string (copy, json_node_get_string (node));
  return json_node_init_null (copy);
}

/**
 * asc_json_copy:
 * @node: a JSON node
 *
 * Copies @node deeply, so that changing the copy in place never changes
 * @node. Sealed (immutable) subtrees cannot change, so they are shared by
 * reference instead of copied. Unlike json_node_copy(), which shares the
 * object or array of @node, the result is independent of @node.
 *
 * Returns: (transfer full): the copy
 */
JsonNode *
asc_json_copy (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (json_node_is_immutable (node))
    return json_node_ref (node);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &child))
        json_object_set_member (copy, name, asc_json_copy (child));
      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);
      g_autoptr(JsonArray) copy = json_array_sized_new (length);

      for (guint i = 0; i < length; i++)
        json_array_add_element (copy,
                                asc_json_copy (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), copy);
    }

  return copy_scalar (node);
}

/* Diffing */

/* The path to the value being diffed, kept on the C stack as a chain of
 * segments and only formatted when an operation needs it. */
typedef struct _Segment Segment;

struct _Segment
{
  const Segment *parent;
  const char    *key;
  guint          index;
};

typedef struct
{
  GPtrArray *ops;
  GString   *path;
} Differ;

/* The operations a member of an object gave, in Differ.ops. */
typedef struct
{
  const char *name;
  guint       start;
  guint       end;
  guint       position;
} Range;

static void
append_index (GString *path,
              guint    index)
{
  char buffer[16];
  int n = sizeof buffer;

  do
    buffer[--n] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);

  g_string_append_c (path, '/');
  g_string_append_len (path, buffer + n, sizeof buffer - n);
}

static void
append_segments (GString       *path,
                 const Segment *at)
{
  if (at == NULL)
    return;

  append_segments (path, at->parent);
  if (at->key != NULL)
    asc_json_pointer_add_token (path, at->key);
  else
    append_index (path, at->index);
}

static void
add_op (Differ        *self,
        const char    *op,
        const Segment *at,
        JsonNode      *value)
{
  JsonObject *object = json_object_new ();

  g_string_truncate (self->path, 0);
  append_segments (self->path, at);

  json_object_set_string_member (object, "op", op);
  json_object_set_string_member (object, "path", self->path->str);
  if (value != NULL)
    json_object_set_member (object, "value", value);
  g_ptr_array_add (self->ops, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

static void diff_node (Differ        *self,
                       JsonNode      *from,
                       JsonNode      *to,
                       const Segment *at);

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const Range *range_a = a;
  const Range *range_b = b;

  return (range_a->position > range_b->position) - (range_a->position < range_b->position);
}

static Range *
find_range (GArray     *ranges,
            GHashTable *by_name,
            const char *name)
{
  if (by_name != NULL)
    return g_hash_table_lookup (by_name, name);

  for (guint i = 0; i < ranges->len; i++)
    if (strcmp (g_array_index (ranges, Range, i).name, name) == 0)
      return &g_array_index (ranges, Range, i);

  return NULL;
}

/* Members were diffed in hash order, which is cheaper; put the operations
 * of each member back in member order, so a change always reads the same. */
static void
sort_ranges (Differ     *self,
             JsonObject *from,
             GArray     *ranges)
{
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  guint start = g_array_index (ranges, Range, 0).start;
  guint position = 0;
  JsonObjectIter iter;
  const char *name;

  /* Past a few changed members, matching names one by one gets slow. */
  if (ranges->len > 8)
    {
      by_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < ranges->len; i++)
        g_hash_table_insert (by_name, (gpointer) g_array_index (ranges, Range, i).name,
                             &g_array_index (ranges, Range, i));
    }

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      Range *range = find_range (ranges, by_name, name);

      if (range != NULL)
        range->position = position;
      position++;
    }
  g_array_sort (ranges, compare_positions);

  sorted = g_ptr_array_sized_new (self->ops->len - start);
  for (guint i = 0; i < ranges->len; i++)
    for (guint k = g_array_index (ranges, Range, i).start;
         k < g_array_index (ranges, Range, i).end; k++)
      g_ptr_array_add (sorted, g_ptr_array_index (self->ops, k));
  memcpy (self->ops->pdata + start, sorted->pdata, sorted->len * sizeof (gpointer));
}

static void
diff_objects (Differ        *self,
              JsonObject    *from,
              JsonObject    *to,
              const Segment *at)
{
  g_autoptr(GArray) ranges = NULL;
  gboolean in_step = json_object_get_size (from) == json_object_get_size (to);
  guint n_common = 0;
  JsonObjectIter iter, to_iter;
  const char *name, *to_name;
  JsonNode *child, *to_child;

  /* Hash order saves a lookup per member; sort_ranges() restores order.
   * Two objects built by the same inserts also share their hash order,
   * so walking @to alongside usually finds each member without a lookup. */
  json_object_iter_init (&iter, from);
  json_object_iter_init (&to_iter, to);
  while (json_object_iter_next (&iter, &name, &child))
    {
      JsonNode *other = NULL;
      Segment segment = { at, name, 0 };
      guint start = self->ops->len;

      if (in_step && json_object_iter_next (&to_iter, &to_name, &to_child) &&
          strcmp (name, to_name) == 0)
        other = to_child;
      else
        other = json_object_get_member (to, name);

      if (other == NULL)
        add_op (self, "remove", &segment, NULL);
      else if (child != other)
        diff_node (self, child, other, &segment);
      n_common += other != NULL;

      if (self->ops->len == start)
        continue;
      if (ranges == NULL)
        ranges = g_array_new (FALSE, FALSE, sizeof (Range));
      g_array_append_val (ranges, ((Range) { name, start, self->ops->len, 0 }));
    }

  if (ranges != NULL && ranges->len > 1)
    sort_ranges (self, from, ranges);

  /* Every member of @to is a common one: nothing was added. */
  if (n_common == json_object_get_size (to))
    return;

  json_object_iter_init_ordered (&iter, to);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    {
      Segment segment = { at, name, 0 };

      if (!json_object_has_member (from, name))
        add_op (self, "add", &segment, asc_json_copy (child));
    }
}

static void
diff_arrays (Differ        *self,
             JsonArray     *from,
             JsonArray     *to,
             const Segment *at)
{
  guint from_length = json_array_get_length (from);
  guint to_length = json_array_get_length (to);
  guint shortest = MIN (from_length, to_length);
  guint prefix = 0, suffix = 0, from_middle, to_middle, common;

  while (prefix < shortest &&
         asc_json_equal (json_array_get_element (from, prefix),
                         json_array_get_element (to, prefix)))
    prefix++;
  while (suffix < shortest - prefix &&
         asc_json_equal (json_array_get_element (from, from_length - 1 - suffix),
                         json_array_get_element (to, to_length - 1 - suffix)))
    suffix++;

  from_middle = from_length - prefix - suffix;
  to_middle = to_length - prefix - suffix;
  common = MIN (from_middle, to_middle);

  for (guint k = 0; k < common; k++)
    {
      Segment segment = { at, NULL, prefix + k };

      diff_node (self, json_array_get_element (from, prefix + k),
                 json_array_get_element (to, prefix + k), &segment);
    }

  for (guint k = common; k < to_middle; k++)
    {
      Segment segment = { at, NULL, prefix + k };

      add_op (self, "add", &segment,
              asc_json_copy (json_array_get_element (to, prefix + k)));
    }

  /* Highest index first, so the lower indices stay valid. */
  for (guint k = from_middle; k > common; k--)
    {
      Segment segment = { at, NULL, prefix + k - 1 };

      add_op (self, "remove", &segment, NULL);
    }
}

static void
diff_node (Differ        *self,
           JsonNode      *from,
           JsonNode      *to,
           const Segment *at)
{
  JsonNodeType type = JSON_NODE_TYPE (from);
  JsonNodeType to_type = JSON_NODE_TYPE (to);

  if (type == to_type && type == JSON_NODE_VALUE)
    {
      if (!values_equal (from, to))
        add_op (self, "replace", at, asc_json_copy (to));
    }
  else if (type == to_type && type == JSON_NODE_OBJECT)
    {
      if (json_node_get_object (from) != json_node_get_object (to))
        diff_objects (self, json_node_get_object (from),
                      json_node_get_object (to), at);
    }
  else if (type == to_type && type == JSON_NODE_ARRAY)
    {
      if (json_node_get_array (from) != json_node_get_array (to))
        diff_arrays (self, json_node_get_array (from),
                     json_node_get_array (to), at);
    }
  else if (!asc_json_equal (from, to))
    {
      add_op (self, "replace", at, asc_json_copy (to));
    }
}

/**
 * asc_json_diff:
 * @from: (nullable): the old JSON document; %NULL is JSON null
 * @to: (nullable): the new JSON document; %NULL is JSON null
 *
 * Computes a JSON patch that turns @from into @to: applying it to @from
 * with asc_json_patch_apply() gives a document equal to @to.
 *
 * Equal subtrees (by asc_json_equal(), so `10` and `10.0` are equal) give no
 * operations. Objects are compared member by member, in the member order
 * of @from, then the added members in the order of @to. Arrays lose their
 * common head and tail first; what is left in the middle is diffed position by
 * position, then the extra elements are added, or the missing ones removed
 * from the highest index down. A push, an insertion or a removal in a long
 * array therefore costs one operation. When the type of a value changes, it
 * is replaced as a whole. Values in the patch are copies (see
 * asc_json_copy()).
 *
 * Returns: (transfer full): a JSON array of operations, empty when @from
 *   equals @to
 */
JsonNode *
asc_json_diff (JsonNode *from,
               JsonNode *to)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GString) path = g_string_sized_new (64);
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) null = NULL;
  Differ self = { ops, path };

  /* A missing document is JSON null, as a NULL JsonNode stands for null. */
  if (from == NULL || to == NULL)
    null = json_node_new (JSON_NODE_NULL);

  diff_node (&self, from != NULL ? from : null, to != NULL ? to : null, NULL);

  array = json_array_sized_new (ops->len);
  for (guint i = 0; i < ops->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (ops, i)));

  return json_node_init_array (json_node_alloc (), array);
}
