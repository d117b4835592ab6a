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

typedef enum
{
  KIND_NULL,
  KIND_BOOLEAN,
  KIND_NUMBER,
  KIND_STRING,
  KIND_ARRAY,
  KIND_OBJECT,
} Kind;

static Kind
node_kind (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return KIND_OBJECT;
    case JSON_NODE_ARRAY:  return KIND_ARRAY;
    case JSON_NODE_NULL:   return KIND_NULL;
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return KIND_NUMBER;
  if (type == G_TYPE_STRING)
    return KIND_STRING;
  if (type == G_TYPE_BOOLEAN)
    return KIND_BOOLEAN;
  return KIND_NULL;
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

static gboolean
numbers_equal (JsonNode *a,
               JsonNode *b)
{
  gboolean a_int = json_node_get_value_type (a) == G_TYPE_INT64;
  gboolean b_int = json_node_get_value_type (b) == G_TYPE_INT64;

  if (a_int && b_int)
    return json_node_get_int (a) == json_node_get_int (b);
  if (a_int)
    return int_equals_double (json_node_get_int (a), json_node_get_double (b));
  if (b_int)
    return int_equals_double (json_node_get_int (b), json_node_get_double (a));
  return json_node_get_double (a) == json_node_get_double (b);
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
  Kind kind;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  kind = node_kind (a);
  if (kind != node_kind (b))
    return FALSE;

  switch (kind)
    {
    case KIND_OBJECT:
      return objects_equal (json_node_get_object (a), json_node_get_object (b));
    case KIND_ARRAY:
      return arrays_equal (json_node_get_array (a), json_node_get_array (b));
    case KIND_NUMBER:
      return numbers_equal (a, b);
    case KIND_STRING:
      return strcmp (json_node_get_string (a), json_node_get_string (b)) == 0;
    case KIND_BOOLEAN:
      return !json_node_get_boolean (a) == !json_node_get_boolean (b);
    case KIND_NULL:
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

static void
add_op (JsonArray  *ops,
        const char *op,
        GString    *path,
        JsonNode   *value)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "op", op);
  json_object_set_string_member (object, "path", path->str);
  if (value != NULL)
    json_object_set_member (object, "value", value);
  json_array_add_object_element (ops, object);
}

static void
append_index (GString *path,
              guint    index)
{
  char buffer[16];
  int n = sizeof buffer;

  /* Faster than g_string_append_printf() in the hot loop. */
  do
    buffer[--n] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);

  g_string_append_c (path, '/');
  g_string_append_len (path, buffer + n, sizeof buffer - n);
}

static void diff_node (JsonNode  *from,
                       JsonNode  *to,
                       GString   *path,
                       JsonArray *ops);

static void
diff_objects (JsonObject *from,
              JsonObject *to,
              GString    *path,
              JsonArray  *ops)
{
  gsize base = path->len;
  guint n_common = 0;
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    {
      JsonNode *other = json_object_get_member (to, name);

      asc_json_pointer_add_token (path, name);
      if (other == NULL)
        add_op (ops, "remove", path, NULL);
      else
        diff_node (child, other, path, ops);
      g_string_truncate (path, base);
      n_common += other != NULL;
    }

  /* Every member of @to is a common one: nothing was added. */
  if (n_common == json_object_get_size (to))
    return;

  json_object_iter_init_ordered (&iter, to);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    {
      if (json_object_has_member (from, name))
        continue;
      asc_json_pointer_add_token (path, name);
      add_op (ops, "add", path, asc_json_copy (child));
      g_string_truncate (path, base);
    }
}

static void
diff_arrays (JsonArray *from,
             JsonArray *to,
             GString   *path,
             JsonArray *ops)
{
  guint from_length = json_array_get_length (from);
  guint to_length = json_array_get_length (to);
  guint shortest = MIN (from_length, to_length);
  guint prefix = 0, suffix = 0, from_middle, to_middle, common;
  gsize base = path->len;

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
      append_index (path, prefix + k);
      diff_node (json_array_get_element (from, prefix + k),
                 json_array_get_element (to, prefix + k), path, ops);
      g_string_truncate (path, base);
    }

  for (guint k = common; k < to_middle; k++)
    {
      append_index (path, prefix + k);
      add_op (ops, "add", path,
              asc_json_copy (json_array_get_element (to, prefix + k)));
      g_string_truncate (path, base);
    }

  /* Highest index first, so the lower indices stay valid. */
  for (guint k = from_middle; k > common; k--)
    {
      append_index (path, prefix + k - 1);
      add_op (ops, "remove", path, NULL);
      g_string_truncate (path, base);
    }
}

static void
diff_node (JsonNode  *from,
           JsonNode  *to,
           GString   *path,
           JsonArray *ops)
{
  if (from == to)
    return;

  if (JSON_NODE_HOLDS_OBJECT (from) && JSON_NODE_HOLDS_OBJECT (to))
    {
      if (json_node_get_object (from) != json_node_get_object (to))
        diff_objects (json_node_get_object (from), json_node_get_object (to),
                      path, ops);
    }
  else if (JSON_NODE_HOLDS_ARRAY (from) && JSON_NODE_HOLDS_ARRAY (to))
    {
      if (json_node_get_array (from) != json_node_get_array (to))
        diff_arrays (json_node_get_array (from), json_node_get_array (to),
                     path, ops);
    }
  else if (!asc_json_equal (from, to))
    {
      add_op (ops, "replace", path, asc_json_copy (to));
    }
}

/**
 * asc_json_diff:
 * @from: the old JSON document
 * @to: the new JSON document
 *
 * Computes a JSON patch that turns @from into @to: applying it to @from
 * with asc_json_patch_apply() gives a document equal to @to.
 *
 * Equal subtrees (by asc_json_equal(), so `10` and `10.0` are equal) give no
 * operations. Objects are compared member by member. Arrays lose their
 * common head and tail first; what is left in the middle is diffed position
 * by position, then the extra elements are added, or the missing ones
 * removed from the highest index down. A push, an insertion or a removal
 * in a long array therefore costs one operation. When the type of a value
 * changes, it is replaced as a whole. Values in the patch are copies (see
 * asc_json_copy()).
 *
 * Returns: (transfer full): a JSON array of operations, empty when @from
 *   equals @to
 */
JsonNode *
asc_json_diff (JsonNode *from,
               JsonNode *to)
{
  g_autoptr(JsonArray) ops = json_array_new ();
  g_autoptr(GString) path = g_string_sized_new (64);

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  diff_node (from, to, path, ops);

  return json_node_init_array (json_node_alloc (), ops);
}
