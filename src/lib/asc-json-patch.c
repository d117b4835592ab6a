/* asc-json-patch.c: RFC 6902 JSON patches, with the Zocket quirks
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Patches are applied in place. Every change is first written to an undo
 * log, and a failing operation rolls the log back, so the document is only
 * copied where a sealed (immutable) part of it has to change.
 */

#define G_LOG_DOMAIN "asc-json-patch"

#include "config.h"

#include "asc-json-patch.h"
#include "asc-json-diff.h"
#include "asc-json-pointer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Undo log */

typedef enum
{
  UNDO_ROOT,             /* *document was @node */
  UNDO_MEMBER_SET,       /* member @key of @container was @node, or absent */
  UNDO_MEMBER_REMOVED,   /* member @key (@node) sat at position @index */
  UNDO_ELEMENT_INSERTED, /* an element was inserted at @index */
  UNDO_ELEMENT_REMOVED,  /* element @node sat at @index */
  UNDO_ELEMENT_SET,      /* the element at @index was @node */
  UNDO_ELEMENTS_SET,     /* the elements from @index were those of @node */
  UNDO_CONTENT,          /* @container held the object or array of @node */
} UndoKind;

typedef struct
{
  UndoKind  kind;
  guint     index;
  JsonNode *container;
  JsonNode *node;
  char     *key;
} UndoEntry;

/* Most patches are small: their log fits in place and costs no allocation. */
typedef struct
{
  UndoEntry *entries;
  guint      len;
  guint      size;
  UndoEntry  inline_entries[8];
} UndoLog;

typedef struct
{
  JsonNode          **document;
  AscJsonPatchFlags   flags;
  UndoLog             undo;
  JsonArray          *normalized;
  GString            *token;
} Patcher;

/* Where an operation acts: a member, an element or the whole document. */
typedef struct
{
  JsonNode *parent;
  JsonNode *target;
  char     *key;
  guint     index;
  char     *exact_path;
} Location;

typedef enum
{
  WANT_EXISTING,
  WANT_SLOT,
} Want;

static void
undo_entry_clear (UndoEntry *entry)
{
  g_clear_pointer (&entry->container, json_node_unref);
  g_clear_pointer (&entry->node, json_node_unref);
  g_clear_pointer (&entry->key, g_free);
}

static void
location_clear (Location *loc)
{
  g_clear_pointer (&loc->key, g_free);
  g_clear_pointer (&loc->exact_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Location, location_clear)

static void
undo_log_init (UndoLog *log)
{
  log->entries = log->inline_entries;
  log->len = 0;
  log->size = G_N_ELEMENTS (log->inline_entries);
}

static void
undo_log_clear (UndoLog *log)
{
  for (guint i = 0; i < log->len; i++)
    undo_entry_clear (&log->entries[i]);
  if (log->entries != log->inline_entries)
    g_free (log->entries);
  undo_log_init (log);
}

/* Takes @key and @node; @container is referenced. */
static void
undo_push (Patcher  *self,
           UndoKind  kind,
           JsonNode *container,
           char     *key,
           guint     index,
           JsonNode *node)
{
  UndoLog *log = &self->undo;

  if (log->len == log->size)
    {
      UndoEntry *entries = g_new (UndoEntry, 2 * log->size);

      memcpy (entries, log->entries, log->len * sizeof (UndoEntry));
      if (log->entries != log->inline_entries)
        g_free (log->entries);
      log->entries = entries;
      log->size *= 2;
    }

  log->entries[log->len++] = (UndoEntry) {
    kind, index, container != NULL ? json_node_ref (container) : NULL, node, key
  };
}

/* json_object_set_member() keeps its reference when @node is already there. */
static void
object_set (JsonObject *object,
            const char *key,
            JsonNode   *node)
{
  if (json_object_get_member (object, key) == node)
    json_node_unref (node);
  else
    json_object_set_member (object, key, node);
}

/* JsonArray can only append and remove: take the tail out and put it back.
 * Replaces the element at @index when @replace is set, inserts otherwise. */
static void
array_splice (JsonArray *array,
              guint      index,
              gboolean   replace,
              JsonNode  *node)
{
  guint length = json_array_get_length (array);
  guint rest = index + (replace ? 1 : 0);
  g_autoptr(GPtrArray) tail = NULL;

  if (rest >= length)
    {
      if (replace)
        json_array_remove_element (array, index);
      json_array_add_element (array, node);
      return;
    }

  tail = g_ptr_array_new_full (length - rest, (GDestroyNotify) json_node_unref);
  for (guint i = rest; i < length; i++)
    g_ptr_array_add (tail, json_node_ref (json_array_get_element (array, i)));
  for (guint i = length; i > index; i--)
    json_array_remove_element (array, i - 1);

  json_array_add_element (array, node);
  for (guint i = 0; i < tail->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (tail, i)));
}

/* Puts the elements of @tail (referenced) in place of those from @index. */
static void
array_replace_tail (JsonArray *array,
                    guint      index,
                    JsonArray *tail)
{
  for (guint i = json_array_get_length (array); i > index; i--)
    json_array_remove_element (array, i - 1);
  for (guint i = 0; i < json_array_get_length (tail); i++)
    json_array_add_element (array, json_node_ref (json_array_get_element (tail, i)));
}

static guint
member_position (JsonObject *object,
                 const char *key)
{
  JsonObjectIter iter;
  const char *name;
  guint position = 0;

  /* No member node: that would cost a lookup per member. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL) &&
         strcmp (name, key) != 0)
    position++;

  return position;
}

/* Moves the last member to @position. JsonObject only appends, so every
 * member is taken out (cheap from the head) and put back in order. */
static void
object_move_last (JsonObject *object,
                  guint       position)
{
  guint size = json_object_get_size (object);
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (size, g_free);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_full (size, NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    {
      g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (nodes, json_node_ref (child));
    }
  for (guint i = 0; i < size; i++)
    json_object_remove_member (object, g_ptr_array_index (names, i));

  for (guint i = 0; i < size; i++)
    {
      guint from = i < position ? i : (i == position ? size - 1 : i - 1);

      json_object_set_member (object, g_ptr_array_index (names, from),
                              g_ptr_array_index (nodes, from));
    }
}

static void
undo_entry_revert (Patcher   *self,
                   UndoEntry *entry)
{
  JsonNode *node = g_steal_pointer (&entry->node);
  JsonNode *container = entry->container;

  switch (entry->kind)
    {
    case UNDO_ROOT:
      json_node_unref (*self->document);
      *self->document = node;
      break;

    case UNDO_MEMBER_SET:
      if (node != NULL)
        object_set (json_node_get_object (container), entry->key, node);
      else
        json_object_remove_member (json_node_get_object (container), entry->key);
      break;

    case UNDO_MEMBER_REMOVED:
      json_object_set_member (json_node_get_object (container), entry->key, node);
      if (entry->index + 1 < json_object_get_size (json_node_get_object (container)))
        object_move_last (json_node_get_object (container), entry->index);
      break;

    case UNDO_ELEMENT_INSERTED:
      json_array_remove_element (json_node_get_array (container), entry->index);
      break;

    case UNDO_ELEMENT_REMOVED:
      array_splice (json_node_get_array (container), entry->index, FALSE, node);
      break;

    case UNDO_ELEMENT_SET:
      array_splice (json_node_get_array (container), entry->index, TRUE, node);
      break;

    case UNDO_ELEMENTS_SET:
      array_replace_tail (json_node_get_array (container), entry->index,
                          json_node_get_array (node));
      json_node_unref (node);
      break;

    case UNDO_CONTENT:
    default:
      if (JSON_NODE_HOLDS_OBJECT (node))
        json_node_set_object (container, json_node_get_object (node));
      else
        json_node_set_array (container, json_node_get_array (node));
      json_node_unref (node);
      break;
    }
}

static void
rollback (Patcher *self)
{
  for (guint i = self->undo.len; i > 0; i--)
    undo_entry_revert (self, &self->undo.entries[i - 1]);
}

/* Changes, each recorded in the undo log */

static void
set_root (Patcher  *self,
          JsonNode *node)
{
  undo_push (self, UNDO_ROOT, NULL, NULL, 0, *self->document);
  *self->document = node;
}

/* Takes @key, which the undo log keeps. */
static void
member_set (Patcher  *self,
            JsonNode *container,
            char     *key,
            JsonNode *node)
{
  JsonObject *object = json_node_get_object (container);
  JsonNode *old = json_object_get_member (object, key);

  if (old != NULL)
    json_node_ref (old);
  object_set (object, key, node);
  undo_push (self, UNDO_MEMBER_SET, container, key, 0, old);
}

/* Takes @key, which the undo log keeps. */
static JsonNode *
member_remove (Patcher  *self,
               JsonNode *container,
               char     *key)
{
  JsonObject *object = json_node_get_object (container);
  JsonNode *old = json_node_ref (json_object_get_member (object, key));
  guint position = 0;

  /* Only a member that is not last needs its position to come back. */
  if (json_object_get_size (object) > 1)
    position = member_position (object, key);
  json_object_remove_member (object, key);
  undo_push (self, UNDO_MEMBER_REMOVED, container, key, position,
             json_node_ref (old));

  return old;
}

static void
element_insert (Patcher  *self,
                JsonNode *container,
                guint     index,
                JsonNode *node)
{
  undo_push (self, UNDO_ELEMENT_INSERTED, container, NULL, index, NULL);
  array_splice (json_node_get_array (container), index, FALSE, node);
}

static JsonNode *
element_remove (Patcher  *self,
                JsonNode *container,
                guint     index)
{
  JsonArray *array = json_node_get_array (container);
  JsonNode *old = json_node_ref (json_array_get_element (array, index));

  undo_push (self, UNDO_ELEMENT_REMOVED, container, NULL, index,
             json_node_ref (old));
  json_array_remove_element (array, index);

  return old;
}

static void
element_set (Patcher  *self,
             JsonNode *container,
             guint     index,
             JsonNode *node)
{
  JsonArray *array = json_node_get_array (container);

  undo_push (self, UNDO_ELEMENT_SET, container, NULL, index,
             json_node_ref (json_array_get_element (array, index)));
  array_splice (array, index, TRUE, node);
}

/* Copy on write for sealed containers */

static JsonObject *
thaw_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    json_object_set_member (copy, name, json_node_ref (child));

  return copy;
}

/* A mutable copy of the elements of @array from @start, shared. */
static JsonArray *
thaw_array_tail (JsonArray *array,
                 guint      start)
{
  guint length = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (length - start);

  for (guint i = start; i < length; i++)
    json_array_add_element (copy, json_node_ref (json_array_get_element (array, i)));

  return copy;
}

static gboolean
content_is_sealed (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_is_immutable (json_node_get_object (node));
  return json_array_is_immutable (json_node_get_array (node));
}

/* A mutable node around a mutable shallow copy of the container of @node. */
static JsonNode *
thaw_node (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) object = thaw_object (json_node_get_object (node));

      return json_node_init_object (copy, object);
    }
  else
    {
      g_autoptr(JsonArray) array = thaw_array_tail (json_node_get_array (node), 0);

      return json_node_init_array (copy, array);
    }
}

/* Makes the container @node, found in @parent (NULL for the root) at @key
 * or @index, safe to change in place, and returns the node to change. */
static JsonNode *
make_writable (Patcher    *self,
               JsonNode   *parent,
               const char *key,
               guint       index,
               JsonNode   *node)
{
  JsonNode *copy;

  if (!JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node))
    return node;

  if (!json_node_is_immutable (node))
    {
      if (content_is_sealed (node))
        {
          undo_push (self, UNDO_CONTENT, node, NULL, 0, json_node_copy (node));
          copy = thaw_node (node);
          if (JSON_NODE_HOLDS_OBJECT (node))
            json_node_set_object (node, json_node_get_object (copy));
          else
            json_node_set_array (node, json_node_get_array (copy));
          json_node_unref (copy);
        }
      return node;
    }

  copy = thaw_node (node);
  if (parent == NULL)
    set_root (self, copy);
  else if (JSON_NODE_HOLDS_OBJECT (parent))
    member_set (self, parent, g_strdup (key), copy);
  else
    element_set (self, parent, index, copy);

  return copy;
}

/* Resolving paths */

/* One step down; @index is set when @node is an array. */
static JsonNode *
child_at (JsonNode    *node,
          const char  *token,
          guint       *index,
          GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return asc_json_pointer_get_child (node, token, error);

  array = json_node_get_array (node);
  if (!asc_json_pointer_parse_index (token, json_array_get_length (array),
                                     FALSE, index, error))
    return NULL;

  return json_array_get_element (array, *index);
}

/* Fills @loc for the last token of a path, inside @parent. */
static gboolean
locate_last (JsonNode    *parent,
             const char  *token,
             Want         want,
             Location    *loc,
             GError     **error)
{
  JsonArray *array;

  loc->parent = parent;

  if (JSON_NODE_HOLDS_OBJECT (parent))
    {
      loc->key = g_strdup (token);
      loc->target = json_object_get_member (json_node_get_object (parent), token);
      if (loc->target != NULL || want == WANT_SLOT)
        return TRUE;
      return asc_json_pointer_get_child (parent, token, error) != NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (parent))
    return asc_json_pointer_get_child (parent, token, error) != NULL;

  array = json_node_get_array (parent);
  if (!asc_json_pointer_parse_index (token, json_array_get_length (array),
                                     want == WANT_SLOT, &loc->index, error))
    return FALSE;
  if (loc->index < json_array_get_length (array))
    loc->target = json_array_get_element (array, loc->index);

  return TRUE;
}

static JsonNode *
walk_root (Patcher  *self,
           gboolean  writable)
{
  JsonNode *root = *self->document;

  return writable ? make_writable (self, NULL, NULL, 0, root) : root;
}

/* Reads the token after the '/' at *@cursor into @token, unescaped, and
 * moves *@cursor to the next '/' or the end. The path was checked before,
 * so every '~' is followed by '0' or '1'. */
static void
read_token (const char **cursor,
            GString     *token)
{
  const char *p = *cursor + 1;

  g_string_truncate (token, 0);
  for (; *p != '\0' && *p != '/'; p++)
    {
      if (*p == '~')
        g_string_append_c (token, *++p == '0' ? '~' : '/');
      else
        g_string_append_c (token, *p);
    }
  *cursor = p;
}

/* Only a path with a '~', or without a leading '/', can be malformed. */
static gboolean
check_syntax (const char  *path,
              GError     **error)
{
  g_auto(GStrv) tokens = NULL;

  if ((path[0] == '\0' || path[0] == '/') && strchr (path, '~') == NULL)
    return TRUE;

  tokens = asc_json_pointer_parse (path, error);
  return tokens != NULL;
}

/* Walks a valid RFC 6901 @path without allocating per token. */
static gboolean
locate_strict (Patcher     *self,
               const char  *path,
               Want         want,
               gboolean     writable,
               Location    *loc,
               GError     **error)
{
  GString *token = self->token;
  const char *cursor = path;
  JsonNode *node = walk_root (self, writable);

  if (*cursor == '\0')
    {
      loc->target = node;
      return TRUE;
    }

  for (read_token (&cursor, token); *cursor != '\0'; read_token (&cursor, token))
    {
      guint index = 0;
      JsonNode *child = child_at (node, token->str, &index, error);

      if (child == NULL)
        return FALSE;
      if (writable)
        child = make_writable (self, node, token->str, index, child);
      node = child;
    }

  if (!locate_last (node, token->str, want, loc, error))
    return FALSE;

  /* "-" becomes the index it stands for. */
  if (JSON_NODE_HOLDS_ARRAY (node) && strcmp (token->str, "-") == 0)
    loc->exact_path = g_strdup_printf ("%.*s%u", (int) strlen (path) - 1,
                                       path, loc->index);

  return TRUE;
}

static char *
join_segments (char  **segments,
               guint   start,
               guint   end)
{
  g_autoptr(GString) key = g_string_new (segments[start]);

  for (guint i = start + 1; i < end; i++)
    {
      g_string_append_c (key, '/');
      g_string_append (key, segments[i]);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The longest run of @segments from @start naming a member of @object; a
 * member reached before the last segment must be a container. */
static char *
match_member (JsonObject  *object,
              char       **segments,
              guint        start,
              guint        n_segments,
              guint       *end)
{
  for (guint j = n_segments; j > start; j--)
    {
      g_autofree char *key = join_segments (segments, start, j);
      JsonNode *member = json_object_get_member (object, key);

      if (member != NULL &&
          (j == n_segments || JSON_NODE_HOLDS_OBJECT (member) ||
           JSON_NODE_HOLDS_ARRAY (member)))
        {
          *end = j;
          return g_steal_pointer (&key);
        }
    }

  return NULL;
}

/* Appends the last step of @loc to the exact path @exact. */
static void
add_last_token (GString        *exact,
                const Location *loc)
{
  if (loc->key != NULL)
    asc_json_pointer_add_token (exact, loc->key);
  else
    g_string_append_printf (exact, "/%u", loc->index);
}

/* The raw segments after the leading '/'; "/" has one, empty. */
static char **
split_raw (const char *path)
{
  const char *empty[] = { "", NULL };

  /* g_strsplit() gives no segment at all for an empty string. */
  if (path[1] == '\0')
    return g_strdupv ((char **) empty);

  return g_strsplit (path + 1, "/", -1);
}

/* The lenient reading of a path whose keys were not escaped; see the
 * documentation of %ASC_JSON_PATCH_LENIENT. */
static gboolean
locate_raw (Patcher     *self,
            const char  *path,
            Want         want,
            gboolean     writable,
            Location    *loc,
            GError     **error)
{
  g_auto(GStrv) segments = split_raw (path);
  g_autoptr(GString) exact = g_string_new (NULL);
  guint n_segments = g_strv_length (segments);
  JsonNode *node = walk_root (self, writable);

  for (guint k = 0; ; )
    {
      g_autofree char *key = NULL;
      const char *token = segments[k];
      JsonNode *child;
      guint index = 0, end = k + 1;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          key = match_member (json_node_get_object (node), segments, k,
                              n_segments, &end);
          if (key == NULL)
            key = join_segments (segments, k, end = n_segments);
          token = key;
        }

      if (end == n_segments)
        {
          if (!locate_last (node, token, want, loc, error))
            return FALSE;
          add_last_token (exact, loc);
          loc->exact_path = g_string_free (g_steal_pointer (&exact), FALSE);
          return TRUE;
        }

      child = child_at (node, token, &index, error);
      if (child == NULL)
        return FALSE;
      if (writable)
        child = make_writable (self, node, token, index, child);
      asc_json_pointer_add_token (exact, token);
      node = child;
      k = end;
    }
}

/* Zocket never escapes its keys, so in lenient mode a `~` on the way to a
 * member that does not exist yet is part of its name: `/m/~1` adds the
 * member `~1`, not `/`. */
static gboolean
names_new_member_by_escape (Patcher        *self,
                            const char     *path,
                            const Location *loc)
{
  return (self->flags & ASC_JSON_PATCH_LENIENT) != 0 && path[0] == '/' &&
         strchr (path, '~') != NULL && loc->target == NULL &&
         loc->parent != NULL && JSON_NODE_HOLDS_OBJECT (loc->parent);
}

static void
prefer_raw (Patcher     *self,
            const char  *path,
            Want         want,
            gboolean     writable,
            Location    *loc)
{
  Location raw = { NULL };

  if (!locate_raw (self, path, want, writable, &raw, NULL))
    {
      location_clear (&raw);
      return;
    }

  location_clear (loc);
  *loc = raw;
}

static gboolean
locate (Patcher     *self,
        const char  *path,
        Want         want,
        gboolean     writable,
        Location    *loc,
        GError     **error)
{
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(GError) raw_error = NULL;
  gboolean valid = check_syntax (path, &strict_error);

  if (valid && locate_strict (self, path, want, writable, loc, &strict_error))
    {
      if (names_new_member_by_escape (self, path, loc))
        prefer_raw (self, path, want, writable, loc);
      return TRUE;
    }

  if ((self->flags & ASC_JSON_PATCH_LENIENT) == 0 || path[0] != '/')
    {
      g_propagate_error (error, g_steal_pointer (&strict_error));
      return FALSE;
    }

  location_clear (loc);
  *loc = (Location) { NULL };
  if (locate_raw (self, path, want, writable, loc, &raw_error))
    return TRUE;

  /* A bad escape says less than why the raw reading failed. */
  g_propagate_error (error, valid ? g_steal_pointer (&strict_error)
                                  : g_steal_pointer (&raw_error));
  return FALSE;
}

static const char *
loc_path (const Location *loc,
          const char     *path)
{
  return loc->exact_path != NULL ? loc->exact_path : path;
}

/* Putting values in place */

/* Both take the key of @loc. */
static void
put (Patcher  *self,
     Location *loc,
     JsonNode *node,
     gboolean  insert)
{
  if (loc->parent == NULL)
    set_root (self, node);
  else if (JSON_NODE_HOLDS_OBJECT (loc->parent))
    member_set (self, loc->parent, g_steal_pointer (&loc->key), node);
  else if (insert)
    element_insert (self, loc->parent, loc->index, node);
  else
    element_set (self, loc->parent, loc->index, node);
}

static JsonNode *
detach (Patcher  *self,
        Location *loc)
{
  if (JSON_NODE_HOLDS_OBJECT (loc->parent))
    return member_remove (self, loc->parent, g_steal_pointer (&loc->key));
  return element_remove (self, loc->parent, loc->index);
}

static void
emit (Patcher    *self,
      const char *op,
      const char *from,
      const char *path,
      JsonNode   *value)
{
  JsonObject *object;

  if (self->normalized == NULL)
    return;

  object = json_object_new ();
  json_object_set_string_member (object, "op", op);
  if (from != NULL)
    json_object_set_string_member (object, "from", from);
  json_object_set_string_member (object, "path", path);
  if (value != NULL)
    json_object_set_member (object, "value", json_node_ref (value));
  json_array_add_object_element (self->normalized, object);
}

/* Operations */

/* Lenient add or replace without a value: Immer's `undefined`. */
static gboolean
apply_undefined (Patcher     *self,
                 const char  *op,
                 const char  *path,
                 GError     **error)
{
  g_auto(Location) loc = { NULL };
  g_autoptr(JsonNode) null = NULL;
  gboolean insert = strcmp (op, "add") == 0;

  if (!locate (self, path, WANT_SLOT, TRUE, &loc, error))
    return FALSE;

  if (loc.parent == NULL)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("without a value this would remove the whole document"));
      return FALSE;
    }

  if (JSON_NODE_HOLDS_OBJECT (loc.parent))
    {
      if (loc.target != NULL)
        {
          json_node_unref (detach (self, &loc));
          emit (self, "remove", NULL, loc_path (&loc, path), NULL);
        }
      return TRUE;
    }

  /* A replace needs an element; only "-" or the length could get here. */
  if (!insert && loc.target == NULL)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "index %u is out of range for an array of %u element",
                                "index %u is out of range for an array of %u elements",
                                loc.index),
                   loc.index, loc.index);
      return FALSE;
    }

  /* JSON.stringify() writes an undefined array element as null. */
  null = json_node_new (JSON_NODE_NULL);
  put (self, &loc, json_node_ref (null), insert);
  emit (self, op, NULL, loc_path (&loc, path), null);

  return TRUE;
}

static gboolean
apply_add (Patcher     *self,
           const char  *path,
           const char  *from,
           JsonNode    *value,
           GError     **error)
{
  g_auto(Location) loc = { NULL };

  if (value == NULL)
    return apply_undefined (self, "add", path, error);
  if (!locate (self, path, WANT_SLOT, TRUE, &loc, error))
    return FALSE;

  put (self, &loc, asc_json_copy (value), TRUE);
  emit (self, "add", NULL, loc_path (&loc, path), value);

  return TRUE;
}

/* Whether @path, read strictly, names a member its object lacks. */
static gboolean
is_missing_member (Patcher    *self,
                   const char *path)
{
  g_auto(GStrv) tokens = asc_json_pointer_parse (path, NULL);
  g_autofree char *last = NULL;
  g_autofree char *parent_path = NULL;
  guint n;
  JsonNode *parent;

  if (tokens == NULL || (n = g_strv_length (tokens)) == 0)
    return FALSE;

  last = g_steal_pointer (&tokens[n - 1]);
  parent_path = asc_json_pointer_format ((const char * const *) tokens);
  parent = asc_json_pointer_resolve (*self->document, parent_path, NULL);
  return parent != NULL && JSON_NODE_HOLDS_OBJECT (parent) &&
         !json_object_has_member (json_node_get_object (parent), last);
}

static gboolean
apply_replace (Patcher     *self,
               const char  *path,
               const char  *from,
               JsonNode    *value,
               GError     **error)
{
  g_auto(Location) loc = { NULL };
  g_autoptr(GError) local = NULL;

  if (value == NULL)
    return apply_undefined (self, "replace", path, error);

  if (locate (self, path, WANT_EXISTING, TRUE, &loc, &local))
    {
      put (self, &loc, asc_json_copy (value), FALSE);
      emit (self, "replace", NULL, loc_path (&loc, path), value);
      return TRUE;
    }

  /* Lenient: a member set to `undefined` was removed here but lives on
   * in the server's state, whose next change to it is a replace. Only
   * when no existing member matched, strictly or raw: `/m/~1` names the
   * member `~1` of a server that does not escape its keys, not a new `/`. */
  location_clear (&loc);
  loc = (Location) { NULL };
  if ((self->flags & ASC_JSON_PATCH_LENIENT) != 0 && is_missing_member (self, path) &&
      locate (self, path, WANT_SLOT, TRUE, &loc, NULL) &&
      loc.parent != NULL && JSON_NODE_HOLDS_OBJECT (loc.parent) && loc.target == NULL)
    {
      put (self, &loc, asc_json_copy (value), TRUE);
      emit (self, "add", NULL, loc_path (&loc, path), value);
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
apply_remove (Patcher     *self,
              const char  *path,
              const char  *from,
              JsonNode    *value,
              GError     **error)
{
  g_auto(Location) loc = { NULL };

  if (!locate (self, path, WANT_EXISTING, TRUE, &loc, error))
    return FALSE;

  if (loc.parent == NULL)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("the whole document cannot be removed"));
      return FALSE;
    }

  json_node_unref (detach (self, &loc));
  emit (self, "remove", NULL, loc_path (&loc, path), NULL);

  return TRUE;
}

static gboolean
is_proper_prefix (const char *prefix,
                  const char *path)
{
  gsize length = strlen (prefix);

  return strncmp (prefix, path, length) == 0 && path[length] == '/';
}

static gboolean
apply_move (Patcher     *self,
            const char  *path,
            const char  *from,
            JsonNode    *value,
            GError     **error)
{
  g_auto(Location) source = { NULL };
  g_auto(Location) dest = { NULL };
  g_autoptr(JsonNode) node = NULL;

  if (!locate (self, from, WANT_EXISTING, strcmp (from, path) != 0,
               &source, error))
    return FALSE;

  if (strcmp (from, path) == 0)
    {
      emit (self, "move", loc_path (&source, from),
            loc_path (&source, from), NULL);
      return TRUE;
    }

  /* Every other path lies inside the whole document. */
  if (source.parent == NULL ||
      is_proper_prefix (from, path) ||
      is_proper_prefix (loc_path (&source, from), path))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("a value cannot be moved into one of its own children"));
      return FALSE;
    }

  node = detach (self, &source);
  if (!locate (self, path, WANT_SLOT, TRUE, &dest, error))
    return FALSE;

  put (self, &dest, g_steal_pointer (&node), TRUE);
  emit (self, "move", loc_path (&source, from), loc_path (&dest, path), NULL);

  return TRUE;
}

static gboolean
apply_copy (Patcher     *self,
            const char  *path,
            const char  *from,
            JsonNode    *value,
            GError     **error)
{
  g_auto(Location) source = { NULL };
  g_auto(Location) dest = { NULL };
  g_autoptr(JsonNode) copy = NULL;

  if (!locate (self, from, WANT_EXISTING, FALSE, &source, error))
    return FALSE;

  copy = asc_json_copy (source.target);
  if (!locate (self, path, WANT_SLOT, TRUE, &dest, error))
    return FALSE;

  put (self, &dest, g_steal_pointer (&copy), TRUE);
  emit (self, "copy", loc_path (&source, from), loc_path (&dest, path), NULL);

  return TRUE;
}

static char *
describe_value (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  if (strlen (text) <= 60)
    return g_steal_pointer (&text);

  return g_strdup_printf ("%.*s…", 57, text);
}

static gboolean
apply_test (Patcher     *self,
            const char  *path,
            const char  *from,
            JsonNode    *value,
            GError     **error)
{
  g_auto(Location) loc = { NULL };

  if (!locate (self, path, WANT_EXISTING, FALSE, &loc, error))
    return FALSE;

  if (!asc_json_equal (loc.target, value))
    {
      g_autofree char *found = describe_value (loc.target);
      g_autofree char *expected = describe_value (value);

      g_set_error (error, ASC_ERROR, ASC_ERROR_TEST_FAILED,
                   _("found %s where %s was expected"), found, expected);
      return FALSE;
    }

  emit (self, "test", NULL, loc_path (&loc, path), value);

  return TRUE;
}

/* Runs of element replaces */

/* Immer rewrites every shifted index on unshift(), splice() or sort(): a run
 * of replaces in one array. JsonArray has no setter, so each replace alone
 * moves the tail of the array; a run is applied with a single splice. */
#define MIN_RUN 8

/* json_object_get_string_member_with_default() warns on a container. */
static const char *
string_or_null (JsonObject *object,
                const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

/* The path of a replace with a value whose last token is an index, and the
 * length of the path of its array. */
static const char *
element_replace_path (JsonNode *operation,
                      gsize    *prefix_length)
{
  JsonObject *object;
  const char *op, *path, *last;

  if (!JSON_NODE_HOLDS_OBJECT (operation))
    return NULL;
  object = json_node_get_object (operation);
  op = string_or_null (object, "op");
  path = string_or_null (object, "path");
  if (op == NULL || path == NULL || strcmp (op, "replace") != 0 ||
      !json_object_has_member (object, "value") ||
      (last = strrchr (path, '/')) == NULL ||
      last[1] == '\0' || strspn (last + 1, "0123456789") != strlen (last + 1))
    return NULL;

  *prefix_length = last - path;
  return path;
}

static guint
replace_run_length (JsonArray *operations,
                    guint      start)
{
  guint length = json_array_get_length (operations);
  gsize prefix_length, other_length;
  const char *first, *path;
  guint end = start + 1;

  first = element_replace_path (json_array_get_element (operations, start),
                                &prefix_length);
  if (first == NULL)
    return 1;

  while (end < length &&
         (path = element_replace_path (json_array_get_element (operations, end),
                                       &other_length)) != NULL &&
         other_length == prefix_length &&
         strncmp (path, first, prefix_length) == 0)
    end++;

  return end - start;
}

static JsonNode *
operation_member (JsonArray  *operations,
                  guint       i,
                  const char *name)
{
  JsonNode *operation = json_array_get_element (operations, i);

  return json_object_get_member (json_node_get_object (operation), name);
}

/* The index each replace of the run targets, all checked before anything
 * changes; FALSE when one is invalid. */
static gboolean
run_indices (JsonArray *operations,
             guint      start,
             guint      count,
             gsize      prefix_length,
             guint      length,
             guint     *indices,
             guint     *first)
{
  *first = length;
  for (guint k = 0; k < count; k++)
    {
      const char *path = json_node_get_string (operation_member (operations, start + k, "path"));

      if (!asc_json_pointer_parse_index (path + prefix_length + 1, length,
                                         FALSE, &indices[k], NULL))
        return FALSE;
      *first = MIN (*first, indices[k]);
    }

  return TRUE;
}

static void
emit_run (Patcher        *self,
          const Location *loc,
          JsonArray      *operations,
          guint           start,
          guint           count,
          gsize           prefix_length)
{
  for (guint k = 0; self->normalized != NULL && k < count; k++)
    {
      const char *path = json_node_get_string (operation_member (operations, start + k, "path"));
      g_autofree char *exact = NULL;

      if (loc->exact_path != NULL)
        exact = g_strconcat (loc->exact_path, path + prefix_length, NULL);
      emit (self, "replace", NULL, exact != NULL ? exact : path,
            operation_member (operations, start + k, "value"));
    }
}

/* Applies @count replaces from @start at once; FALSE, with nothing changed
 * but copies of sealed containers, when they need one by one treatment. */
static gboolean
apply_run (Patcher   *self,
           JsonArray *operations,
           guint      start,
           guint      count)
{
  const char *path = json_node_get_string (operation_member (operations, start, "path"));
  gsize prefix_length = strrchr (path, '/') - path;
  g_autofree char *prefix = g_strndup (path, prefix_length);
  g_autofree guint *indices = g_new (guint, count);
  g_auto(Location) loc = { NULL };
  g_autoptr(JsonArray) old = NULL;
  g_autoptr(GPtrArray) tail = NULL;
  JsonNode *container;
  JsonArray *array;
  guint length, first;

  if (!locate (self, prefix, WANT_EXISTING, TRUE, &loc, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (loc.target))
    return FALSE;
  container = make_writable (self, loc.parent, loc.key, loc.index, loc.target);
  array = json_node_get_array (container);
  length = json_array_get_length (array);
  if (!run_indices (operations, start, count, prefix_length, length, indices, &first))
    return FALSE;

  old = thaw_array_tail (array, first);
  tail = g_ptr_array_new_full (length - first, (GDestroyNotify) json_node_unref);
  for (guint i = first; i < length; i++)
    g_ptr_array_add (tail, json_node_ref (json_array_get_element (array, i)));
  for (guint k = 0; k < count; k++)
    {
      JsonNode **slot = (JsonNode **) &g_ptr_array_index (tail, indices[k] - first);

      /* A later replace of the same index wins. */
      json_node_unref (*slot);
      *slot = asc_json_copy (operation_member (operations, start + k, "value"));
    }

  for (guint i = length; i > first; i--)
    json_array_remove_element (array, i - 1);
  for (guint i = 0; i < tail->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (tail, i)));
  undo_push (self, UNDO_ELEMENTS_SET, container, NULL, first,
             json_node_init_array (json_node_alloc (), old));
  emit_run (self, &loc, operations, start, count, prefix_length);

  return TRUE;
}

typedef gboolean (*ApplyFunc) (Patcher     *self,
                               const char  *path,
                               const char  *from,
                               JsonNode    *value,
                               GError     **error);

typedef struct
{
  const char *name;
  ApplyFunc   apply;
  gboolean    needs_value;
  gboolean    needs_from;
} OpInfo;

static const OpInfo op_infos[] = {
  { "add",     apply_add,     TRUE,  FALSE },
  { "remove",  apply_remove,  FALSE, FALSE },
  { "replace", apply_replace, TRUE,  FALSE },
  { "move",    apply_move,    FALSE, TRUE },
  { "copy",    apply_copy,    FALSE, TRUE },
  { "test",    apply_test,    TRUE,  FALSE },
};

static const OpInfo *
find_op (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (op_infos); i++)
    if (strcmp (op_infos[i].name, name) == 0)
      return &op_infos[i];

  return NULL;
}

static const char *
string_member (JsonObject  *object,
               const char  *name,
               GError     **error)
{
  const char *value = string_or_null (object, name);

  if (value != NULL)
    return value;

  if (!json_object_has_member (object, name))
    g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH, _("“%s” is missing"), name);
  else
    g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH, _("“%s” is not a string"), name);
  return NULL;
}

static gboolean
check_value (Patcher     *self,
             const char  *op,
             JsonNode    *value,
             GError     **error)
{
  /* Lenient mode reads a missing value on add or replace as `undefined`. */
  if (value != NULL || ((self->flags & ASC_JSON_PATCH_LENIENT) != 0 &&
                        strcmp (op, "test") != 0))
    return TRUE;

  g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
               _("“value” is missing"));
  return FALSE;
}

/* Adds the operation to the message; a path that does not resolve makes
 * the patch invalid, whatever the pointer code said. */
static void
explain_failure (GError     **error,
                 GError      *local,
                 guint        i,
                 const char  *op,
                 const char  *path,
                 const char  *from)
{
  /* An empty path would read as a missing one. */
  const char *shown = path[0] != '\0' ? path : "\"\"";

  if (local->code == ASC_ERROR_INVALID_POINTER)
    local->code = ASC_ERROR_INVALID_PATCH;
  if (from != NULL)
    g_prefix_error (&local, _("operation %u (%s %s from %s): "), i, op, shown,
                    from[0] != '\0' ? from : "\"\"");
  else
    g_prefix_error (&local, _("operation %u (%s %s): "), i, op, shown);
  g_propagate_error (error, local);
}

static gboolean
apply_operation (Patcher     *self,
                 JsonNode    *operation,
                 guint        i,
                 GError     **error)
{
  g_autoptr(GError) local = NULL;
  JsonObject *object;
  const OpInfo *info;
  const char *op, *path, *from = NULL;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (operation))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("operation %u is not an object"), i);
      return FALSE;
    }

  object = json_node_get_object (operation);
  value = json_object_get_member (object, "value");
  if ((op = string_member (object, "op", error)) == NULL ||
      (path = string_member (object, "path", error)) == NULL)
    {
      g_prefix_error (error, _("operation %u: "), i);
      return FALSE;
    }

  if ((info = find_op (op)) == NULL)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("operation %u: unknown op “%s”"), i, op);
      return FALSE;
    }

  if ((info->needs_from && (from = string_member (object, "from", &local)) == NULL) ||
      (info->needs_value && !check_value (self, op, value, &local)) ||
      !info->apply (self, path, from, value, &local))
    {
      explain_failure (error, g_steal_pointer (&local), i, op, path, from);
      return FALSE;
    }

  return TRUE;
}

/**
 * asc_json_patch_apply:
 * @document: (inout) (transfer full): the document to change
 * @patch: a JSON array of RFC 6902 operations
 * @error: return location for an error
 *
 * Applies @patch to *@document strictly, as RFC 6902 says. It is
 * asc_json_patch_apply_full() without flags and without the normalized
 * patch.
 *
 * Returns: %TRUE on success; on failure *@document is left exactly as it was
 */
gboolean
asc_json_patch_apply (JsonNode **document,
                      JsonNode  *patch,
                      GError   **error)
{
  return asc_json_patch_apply_full (document, patch, ASC_JSON_PATCH_FLAGS_NONE,
                                    NULL, error);
}

/**
 * asc_json_patch_apply_full:
 * @document: (inout) (transfer full): the document to change
 * @patch: a JSON array of RFC 6902 operations
 * @flags: an #AscJsonPatchFlags
 * @normalized: (out) (optional) (transfer full): return location for the
 *   patch exactly as applied
 * @error: return location for an error
 *
 * Applies the operations of @patch, in order, to *@document.
 *
 * The document is changed in place: mutable nodes inside it are modified,
 * and nodes that other code holds keep tracking the tree. Sealed
 * (immutable) parts are never modified; the containers on the way to a
 * change are copied shallowly instead, so a sealed document costs a little
 * copying on its first patches. An operation on the whole document (path
 * `""`) replaces *@document, and so may a change to a sealed root. Values
 * are copied in with asc_json_copy().
 *
 * The operation is atomic: when any operation fails, the ones before it
 * are rolled back and *@document is exactly as before, member order
 * included. The error is %ASC_ERROR_TEST_FAILED for a failed `test` and
 * %ASC_ERROR_INVALID_PATCH otherwise, and its message starts with the
 * index (from 0) of the failing operation, its op and its path, as in
 * `operation 2 (replace /a/b): member “b” does not exist`. A %NULL
 * *@document, or a @patch that is %NULL or not an array, is an
 * %ASC_ERROR_INVALID_PATCH error too, one that names no operation.
 *
 * @normalized receives the operations in strict RFC 6902 form: every path
 * escaped and exact (`-` becomes the index it stood for, a lenient raw
 * path its escaped form), every `add`, `replace` and `test` with a value
 * and every `move` and `copy` with a `from`. A lenient value-less `add` or
 * `replace` becomes a `remove`, is left out when the member was already
 * absent, and carries `null` on an array element. Applying @normalized
 * strictly to the old document gives the new one, and a consumer can walk
 * it op by op to update its own view of the tree. Its values are the value
 * nodes of @patch, shared, not copied.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_json_patch_apply_full (JsonNode          **document,
                           JsonNode           *patch,
                           AscJsonPatchFlags   flags,
                           JsonNode          **normalized,
                           GError            **error)
{
  g_autoptr(JsonArray) applied = NULL;
  g_autoptr(JsonArray) held = NULL;
  g_autoptr(GString) token = g_string_sized_new (32);
  Patcher self = { document, flags, { NULL }, NULL, token };
  JsonArray *operations;
  guint n_operations;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Both usually come straight from a server or a file: a missing one is
   * bad input, reported like any other, not a programming error. */
  if (*document == NULL)
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("there is no document to apply the JSON patch to"));
      return FALSE;
    }

  if (patch == NULL || !JSON_NODE_HOLDS_ARRAY (patch))
    {
      g_set_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH,
                   _("a JSON patch must be an array of operations"));
      return FALSE;
    }

  operations = json_node_get_array (patch);
  n_operations = json_array_get_length (operations);

  /* A mutable patch may sit inside the mutable document it changes; its
   * operations are held here, so removing or replacing them in the
   * document does not change which ones run. */
  if (!json_node_is_immutable (patch) && !json_node_is_immutable (*document))
    {
      held = json_array_sized_new (n_operations);
      for (guint i = 0; i < n_operations; i++)
        json_array_add_element (held, json_node_ref (json_array_get_element (operations, i)));
      operations = held;
    }
  undo_log_init (&self.undo);
  if (normalized != NULL)
    self.normalized = applied = json_array_sized_new (n_operations);

  for (guint i = 0; i < n_operations; )
    {
      guint run = n_operations - i >= MIN_RUN ? replace_run_length (operations, i) : 1;

      if (run >= MIN_RUN && apply_run (&self, operations, i, run))
        {
          i += run;
          continue;
        }

      /* One by one, so that errors name the operation that failed. */
      for (guint end = i + run; i < end; i++)
        if (!apply_operation (&self, json_array_get_element (operations, i), i, error))
          {
            rollback (&self);
            undo_log_clear (&self.undo);
            return FALSE;
          }
    }

  /* Success: the log only holds references to what was replaced. */
  undo_log_clear (&self.undo);
  if (normalized != NULL)
    *normalized = json_node_init_array (json_node_alloc (), applied);

  return TRUE;
}
