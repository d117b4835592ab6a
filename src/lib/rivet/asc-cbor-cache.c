/* asc-cbor-cache.c: decoding a CBOR item against the one decoded before it
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rivet's inspector pushes the whole state after every change, and nearly
 * all of it is what the previous push held. An AscCborCache keeps the last
 * item's bytes and its decoded, sealed value; the next item is walked
 * alongside them, and a subtree whose encoding is byte for byte the previous
 * one is the previous JsonNode, shared, instead of a fresh decode. Sharing
 * also lets asc_json_diff() skip those subtrees by pointer, and freeing the
 * old value frees only what changed.
 *
 * Only definite-length arrays, and maps whose keys are definite text strings,
 * are walked; any other item that changed (a scalar, a tag, an indefinite
 * length, a map with other keys or a repeated key) is decoded whole by
 * asc_cbor_decode(). The result is therefore always what asc_cbor_decode()
 * gives for the same bytes, and when anything fails the whole item is decoded
 * again by it, so the error is its own.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <string.h>

#include "asc-cbor.h"

/* Deeper items are decoded whole: walking them would recurse on the C stack,
 * and their depth must be judged by asc_cbor_decode() alone. */
#define MAX_WALK_DEPTH (ASC_CBOR_MAX_DEPTH / 2)

/* Past this many members, matching the keys of a changed map goes through a
 * hash table rather than a scan. */
#define MAX_SCANNED_KEYS 16

#define BREAK_BYTE 0xff

struct _AscCborCache
{
  GBytes   *bytes;
  JsonNode *value;
};

typedef enum
{
  MAJOR_UNSIGNED,
  MAJOR_NEGATIVE,
  MAJOR_BYTES,
  MAJOR_TEXT,
  MAJOR_ARRAY,
  MAJOR_MAP,
  MAJOR_TAG,
  MAJOR_SIMPLE,
} Major;

typedef struct
{
  Major    major;
  gboolean indefinite;
  guint64  argument;
  gsize    end;        /* just past the head */
} Head;

/* One item of the new bytes and the item of the old bytes it stands for. */
typedef struct
{
  gsize     start;
  gsize     end;
  gsize     old_start;
  gsize     old_end;
  JsonNode *old_value;
} Pair;

typedef struct
{
  const guint8 *data;
  gsize         length;
  const guint8 *old;
  gsize         old_length;
  gboolean      failed;
} Walk;

/* Reading items */

static gboolean
read_head (const guint8 *data,
           gsize         length,
           gsize         offset,
           Head         *head)
{
  guint info, size;

  if (offset >= length)
    return FALSE;

  head->major = data[offset] >> 5;
  info = data[offset] & 0x1f;
  head->indefinite = FALSE;
  head->argument = info;
  head->end = offset + 1;

  if (info < 24)
    return TRUE;
  if (info == 31)
    {
      /* Only strings, arrays and maps have indefinite lengths; 0xff alone
       * is a break, not an item. */
      head->indefinite = TRUE;
      return head->major >= MAJOR_BYTES && head->major <= MAJOR_MAP;
    }
  if (info > 27)
    return FALSE;

  size = 1u << (info - 24);
  if (length - head->end < size)
    return FALSE;

  head->argument = 0;
  for (guint i = 0; i < size; i++)
    head->argument = (head->argument << 8) | data[head->end + i];
  head->end += size;

  return TRUE;
}

static gboolean
skip_bytes (gsize    length,
            gsize   *offset,
            guint64  count)
{
  if (count > length - *offset)
    return FALSE;

  *offset += count;
  return TRUE;
}

static gboolean skip_item (const guint8 *data,
                           gsize         length,
                           gsize        *offset,
                           guint         depth);

static gboolean
at_break (const guint8 *data,
          gsize         length,
          gsize        *offset)
{
  if (*offset >= length || data[*offset] != BREAK_BYTE)
    return FALSE;

  (*offset)++;
  return TRUE;
}

static gboolean
skip_chunks (const guint8 *data,
             gsize         length,
             gsize        *offset,
             Major         major)
{
  Head chunk;

  while (!at_break (data, length, offset))
    {
      if (!read_head (data, length, *offset, &chunk) ||
          chunk.major != major || chunk.indefinite)
        return FALSE;
      *offset = chunk.end;
      if (!skip_bytes (length, offset, chunk.argument))
        return FALSE;
    }

  return TRUE;
}

static gboolean
skip_items (const guint8 *data,
            gsize         length,
            gsize        *offset,
            const Head   *head,
            guint         depth)
{
  guint64 per_entry = head->major == MAJOR_MAP ? 2 : 1;

  if (head->indefinite)
    {
      while (!at_break (data, length, offset))
        if (!skip_item (data, length, offset, depth + 1))
          return FALSE;
      return TRUE;
    }

  /* Every item takes at least a byte. */
  if (head->argument > (length - *offset) / per_entry)
    return FALSE;

  for (guint64 i = 0; i < head->argument * per_entry; i++)
    if (!skip_item (data, length, offset, depth + 1))
      return FALSE;

  return TRUE;
}

/* Moves *@offset past the item there; FALSE when it is malformed, truncated
 * or too deep to walk. Nothing is decoded. */
static gboolean
skip_item (const guint8 *data,
           gsize         length,
           gsize        *offset,
           guint         depth)
{
  Head head;

  if (depth > MAX_WALK_DEPTH || !read_head (data, length, *offset, &head))
    return FALSE;

  *offset = head.end;
  switch (head.major)
    {
    case MAJOR_BYTES:
    case MAJOR_TEXT:
      if (head.indefinite)
        return skip_chunks (data, length, offset, head.major);
      return skip_bytes (length, offset, head.argument);
    case MAJOR_ARRAY:
    case MAJOR_MAP:
      return skip_items (data, length, offset, &head, depth);
    case MAJOR_TAG:
      return skip_item (data, length, offset, depth + 1);
    case MAJOR_UNSIGNED:
    case MAJOR_NEGATIVE:
    case MAJOR_SIMPLE:
    default:
      return TRUE;
    }
}

/* Decoding against the old item */

static JsonNode *decode_pair (Walk       *walk,
                              const Pair *pair,
                              guint       depth);

static JsonNode *
decode_whole (Walk  *walk,
              gsize  start,
              gsize  end)
{
  JsonNode *value = NULL;

  if (!walk->failed)
    value = asc_cbor_decode (walk->data + start, end - start, NULL);
  if (value == NULL)
    {
      walk->failed = TRUE;
      return json_node_new (JSON_NODE_NULL);
    }

  return value;
}

static gboolean
same_bytes (const Walk *walk,
            gsize       start,
            gsize       end,
            gsize       old_start,
            gsize       old_end)
{
  return end - start == old_end - old_start &&
         memcmp (walk->data + start, walk->old + old_start, end - start) == 0;
}

/* The offsets of the @count items from @offset, and the end of the last. */
static gsize *
item_offsets (const guint8 *data,
              gsize         length,
              gsize         offset,
              guint64       count,
              guint         depth)
{
  g_autofree gsize *offsets = g_new (gsize, count + 1);

  for (guint64 i = 0; i < count; i++)
    {
      offsets[i] = offset;
      if (!skip_item (data, length, &offset, depth))
        return NULL;
    }
  offsets[count] = offset;

  return g_steal_pointer (&offsets);
}

/* An element is matched with the old one at its index or, when the length
 * changed, at the same distance from the end: a push, an unshift or a
 * removal leaves the rest shared. */
static JsonNode *
decode_array (Walk       *walk,
              const Pair *pair,
              const Head *head,
              const Head *old_head,
              guint       depth)
{
  JsonArray *old_array = json_node_get_array (pair->old_value);
  guint64 count = head->argument, old_count = old_head->argument;
  g_autofree gsize *offsets = NULL;
  g_autofree gsize *old_offsets = NULL;
  g_autoptr(JsonArray) array = NULL;

  if (old_count != json_array_get_length (old_array))
    return decode_whole (walk, pair->start, pair->end);

  offsets = item_offsets (walk->data, pair->end, head->end, count, depth + 1);
  old_offsets = item_offsets (walk->old, pair->old_end, old_head->end, old_count, depth + 1);
  if (offsets == NULL || old_offsets == NULL)
    return decode_whole (walk, pair->start, pair->end);

  array = json_array_sized_new (count);
  for (guint64 i = 0; i < count && !walk->failed; i++)
    {
      gint64 shifted = (gint64) i + (gint64) old_count - (gint64) count;
      guint64 old_index = i;
      Pair child = { offsets[i], offsets[i + 1], 0, 0, NULL };

      if (count != old_count && shifted >= 0 && (guint64) shifted < old_count &&
          same_bytes (walk, child.start, child.end,
                      old_offsets[shifted], old_offsets[shifted + 1]))
        old_index = shifted;

      if (old_index >= old_count)
        {
          json_array_add_element (array, decode_whole (walk, child.start, child.end));
          continue;
        }

      child.old_start = old_offsets[old_index];
      child.old_end = old_offsets[old_index + 1];
      child.old_value = json_array_get_element (old_array, old_index);
      json_array_add_element (array, decode_pair (walk, &child, depth + 1));
    }

  return json_node_init_array (json_node_alloc (), array);
}

/* A key that is a definite text string, as a C string; %NULL for anything
 * else, including text asc_cbor_decode() refuses. */
static char *
read_text_key (const guint8 *data,
               gsize         length,
               gsize        *offset)
{
  Head head;
  const char *text;

  if (!read_head (data, length, *offset, &head) ||
      head.major != MAJOR_TEXT || head.indefinite ||
      head.argument > length - head.end)
    return NULL;

  text = (const char *) data + head.end;
  if (!g_utf8_validate_len (text, head.argument, NULL))
    return NULL;

  *offset = head.end + head.argument;
  return g_strndup (text, head.argument);
}

typedef struct
{
  char  *key;
  gsize  value_start;
  gsize  value_end;
} Entry;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->key);
}

/* The entries of the old map, or %NULL when a key is not plain text. */
static GArray *
read_entries (const guint8 *data,
              gsize         length,
              gsize         offset,
              guint64       count,
              guint         depth)
{
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), count);

  g_array_set_clear_func (entries, entry_clear);
  for (guint64 i = 0; i < count; i++)
    {
      Entry entry = { read_text_key (data, length, &offset), offset, 0 };

      if (entry.key == NULL)
        return NULL;
      g_array_append_val (entries, entry);
      if (!skip_item (data, length, &offset, depth))
        return NULL;
      g_array_index (entries, Entry, i).value_end = offset;
    }

  return g_steal_pointer (&entries);
}

/* Where @key was in the old map: usually at the same place. */
static Entry *
find_entry (GArray      *entries,
            GHashTable **by_key,
            guint64      position,
            const char  *key)
{
  if (position < entries->len &&
      strcmp (g_array_index (entries, Entry, position).key, key) == 0)
    return &g_array_index (entries, Entry, position);

  if (entries->len <= MAX_SCANNED_KEYS)
    {
      for (guint i = 0; i < entries->len; i++)
        if (strcmp (g_array_index (entries, Entry, i).key, key) == 0)
          return &g_array_index (entries, Entry, i);
      return NULL;
    }

  if (*by_key == NULL)
    {
      *by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < entries->len; i++)
        g_hash_table_insert (*by_key, g_array_index (entries, Entry, i).key,
                             &g_array_index (entries, Entry, i));
    }

  return g_hash_table_lookup (*by_key, key);
}

static JsonNode *
decode_map (Walk       *walk,
            const Pair *pair,
            const Head *head,
            const Head *old_head,
            guint       depth)
{
  JsonObject *old_object = json_node_get_object (pair->old_value);
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  gsize offset = head->end;

  entries = read_entries (walk->old, pair->old_end, old_head->end, old_head->argument, depth + 1);
  /* A repeated key in the old map leaves entries without a value of their own. */
  if (entries == NULL || entries->len != json_object_get_size (old_object))
    return decode_whole (walk, pair->start, pair->end);

  for (guint64 i = 0; i < head->argument && !walk->failed; i++)
    {
      g_autofree char *key = read_text_key (walk->data, pair->end, &offset);
      Pair child = { offset, offset, 0, 0, NULL };
      Entry *entry;

      /* A repeated key keeps the first position and the last value:
       * asc_cbor_decode() knows how. */
      if (key == NULL || json_object_has_member (object, key) ||
          !skip_item (walk->data, pair->end, &offset, depth + 1))
        return decode_whole (walk, pair->start, pair->end);

      child.end = offset;
      entry = find_entry (entries, &by_key, i, key);
      if (entry == NULL)
        {
          json_object_set_member (object, key, decode_whole (walk, child.start, child.end));
          continue;
        }

      child.old_start = entry->value_start;
      child.old_end = entry->value_end;
      child.old_value = json_object_get_member (old_object, key);
      json_object_set_member (object, key, decode_pair (walk, &child, depth + 1));
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
decode_pair (Walk       *walk,
             const Pair *pair,
             guint       depth)
{
  Head head, old_head;

  if (walk->failed)
    return json_node_new (JSON_NODE_NULL);
  if (same_bytes (walk, pair->start, pair->end, pair->old_start, pair->old_end))
    return json_node_ref (pair->old_value);

  if (depth < MAX_WALK_DEPTH &&
      read_head (walk->data, pair->end, pair->start, &head) &&
      read_head (walk->old, pair->old_end, pair->old_start, &old_head) &&
      head.major == old_head.major && !head.indefinite && !old_head.indefinite)
    {
      if (head.major == MAJOR_ARRAY && JSON_NODE_HOLDS_ARRAY (pair->old_value))
        return decode_array (walk, pair, &head, &old_head, depth);
      if (head.major == MAJOR_MAP && JSON_NODE_HOLDS_OBJECT (pair->old_value))
        return decode_map (walk, pair, &head, &old_head, depth);
    }

  return decode_whole (walk, pair->start, pair->end);
}

/* Public API */

/**
 * asc_cbor_cache_new:
 *
 * Creates an empty cache for asc_cbor_cache_decode().
 *
 * Returns: (transfer full): the cache
 */
AscCborCache *
asc_cbor_cache_new (void)
{
  return g_new0 (AscCborCache, 1);
}

/**
 * asc_cbor_cache_free:
 * @cache: (nullable): a cache
 *
 * Frees @cache and the last value it kept.
 */
void
asc_cbor_cache_free (AscCborCache *cache)
{
  if (cache == NULL)
    return;

  g_clear_pointer (&cache->bytes, g_bytes_unref);
  g_clear_pointer (&cache->value, json_node_unref);
  g_free (cache);
}

static JsonNode *
decode_against (AscCborCache *cache,
                const guint8 *data,
                gsize         length)
{
  Walk walk = { data, length, NULL, 0, FALSE };
  Pair pair = { 0, length, 0, 0, cache->value };
  gsize end = 0;
  g_autoptr(JsonNode) value = NULL;

  if (cache->value == NULL)
    return NULL;

  walk.old = g_bytes_get_data (cache->bytes, &walk.old_length);
  pair.old_end = walk.old_length;
  if (!skip_item (data, length, &end, 0) || end != length)
    return NULL;

  value = decode_pair (&walk, &pair, 0);
  return walk.failed ? NULL : g_steal_pointer (&value);
}

/**
 * asc_cbor_cache_decode:
 * @cache: a cache
 * @bytes: one CBOR item
 * @error: return location for an error
 *
 * Decodes @bytes as asc_cbor_decode() does, sharing with the value @cache
 * returned last every subtree encoded by the very same bytes as before, and
 * remembers @bytes and the value for the next call. The value is sealed
 * (immutable): copy it to change it, or patch it with asc_json_patch_apply(),
 * which copies on write. An item that does not decode leaves @cache as it
 * was.
 *
 * Returns: (transfer full) (nullable): the sealed value, or %NULL with @error
 *   set, as asc_cbor_decode() sets it
 */
JsonNode *
asc_cbor_cache_decode (AscCborCache  *cache,
                       GBytes        *bytes,
                       GError       **error)
{
  gsize length = 0;
  const guint8 *data;
  JsonNode *value;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  value = decode_against (cache, data, length);
  if (value == NULL)
    value = asc_cbor_decode (data, length, error);
  if (value == NULL)
    return NULL;

  json_node_seal (value);
  g_clear_pointer (&cache->bytes, g_bytes_unref);
  g_clear_pointer (&cache->value, json_node_unref);
  cache->bytes = g_bytes_ref (bytes);
  cache->value = json_node_ref (value);

  return value;
}
