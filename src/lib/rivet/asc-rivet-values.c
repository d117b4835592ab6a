/* asc-rivet-values.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include "asc-rivet-values.h"

#include <string.h>

#define EMPTY_KEY "/"
#define EMPTY_PART "\\0"
/* Bytes shown by asc_rivet_value_to_display() before an ellipsis. */
#define DISPLAY_MAX_BYTES 16

typedef struct
{
  const char        *tag;
  AscRivetValueKind  kind;
} TagInfo;

static const TagInfo tags[] = {
  { "$BigInt", ASC_RIVET_VALUE_BIGINT },
  { "$Uint8Array", ASC_RIVET_VALUE_UINT8ARRAY },
  { "$ArrayBuffer", ASC_RIVET_VALUE_ARRAYBUFFER },
  { "$Undefined", ASC_RIVET_VALUE_UNDEFINED },
  { "$Set", ASC_RIVET_VALUE_SET },
};

static void
append_escaped_part (GString    *out,
                     const char *part)
{
  if (part[0] == '\0')
    {
      g_string_append (out, EMPTY_PART);
      return;
    }

  for (const char *p = part; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '/')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/**
 * asc_rivet_key_serialize:
 * @parts: (array zero-terminated=1): the key's parts
 *
 * Writes an actor key the way the engine stores it: the parts joined by
 * `/`, with `\` and `/` escaped by a backslash inside each part, an empty
 * part written `\0`, and the key with no parts written `/`.
 *
 * Returns: (transfer full): the serialized key
 */
char *
asc_rivet_key_serialize (const char * const *parts)
{
  GString *out;

  g_return_val_if_fail (parts != NULL, NULL);

  if (parts[0] == NULL)
    return g_strdup (EMPTY_KEY);

  out = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      append_escaped_part (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * asc_rivet_key_deserialize:
 * @key: a key as the engine stores it
 *
 * The inverse of asc_rivet_key_serialize(). Both `/` and the empty string
 * give no parts. A backslash followed by anything but `0` stands for that
 * character; `\0` adds nothing (it is what makes a part empty); a final
 * lone backslash stands for itself.
 *
 * Returns: (transfer full) (array zero-terminated=1): the parts
 */
char **
asc_rivet_key_deserialize (const char *key)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_autoptr(GString) part = g_string_new (NULL);

  g_return_val_if_fail (key != NULL, NULL);

  if (key[0] == '\0' || strcmp (key, EMPTY_KEY) == 0)
    return g_strv_builder_end (parts);

  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          g_strv_builder_add (parts, part->str);
          g_string_truncate (part, 0);
        }
      else if (*p != '\\')
        g_string_append_c (part, *p);
      else if (p[1] == '\0')
        g_string_append_c (part, '\\');
      else if (*++p != '0')
        g_string_append_c (part, *p);
    }
  g_strv_builder_add (parts, part->str);

  return g_strv_builder_end (parts);
}

static const char *
tag_of (JsonNode *node)
{
  JsonArray *array;
  JsonNode *first;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (json_array_get_length (array) != 2)
    return NULL;

  first = json_array_get_element (array, 0);
  if (json_node_get_value_type (first) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (first)[0] == '$' ? json_node_get_string (first) : NULL;
}

static JsonNode *
value_of (JsonNode *node)
{
  return json_array_get_element (json_node_get_array (node), 1);
}

static gboolean
is_decimal (const char *text)
{
  if (*text == '-')
    text++;
  if (*text == '\0')
    return FALSE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;

  return TRUE;
}

/* Standard or URL-safe alphabet, padding optional: what Node accepts. */
static gboolean
is_base64 (const char *text)
{
  gsize length = strlen (text);

  while (length > 0 && text[length - 1] == '=')
    length--;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("+/-_", text[i]) == NULL)
      return FALSE;

  return length % 4 != 1;
}

static gboolean
value_is_valid (AscRivetValueKind  kind,
                JsonNode          *value)
{
  gboolean is_string = json_node_get_value_type (value) == G_TYPE_STRING;

  switch (kind)
    {
    case ASC_RIVET_VALUE_BIGINT:
      return is_string && is_decimal (json_node_get_string (value));
    case ASC_RIVET_VALUE_UINT8ARRAY:
    case ASC_RIVET_VALUE_ARRAYBUFFER:
      return is_string && is_base64 (json_node_get_string (value));
    case ASC_RIVET_VALUE_SET:
      return JSON_NODE_HOLDS_ARRAY (value);
    case ASC_RIVET_VALUE_UNDEFINED:
      return TRUE;
    case ASC_RIVET_VALUE_PLAIN:
    case ASC_RIVET_VALUE_ESCAPED:
    case ASC_RIVET_VALUE_INVALID:
    default:
      return FALSE;
    }
}

/**
 * asc_rivet_value_get_kind:
 * @node: (nullable): a JSON value
 *
 * Returns: what @node stands for; %ASC_RIVET_VALUE_PLAIN for %NULL and
 *   every value that is not a tagged array
 */
AscRivetValueKind
asc_rivet_value_get_kind (JsonNode *node)
{
  const char *tag = tag_of (node);

  if (tag == NULL)
    return ASC_RIVET_VALUE_PLAIN;

  if (tag[1] == '$')
    return ASC_RIVET_VALUE_ESCAPED;

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (strcmp (tag, tags[i].tag) == 0)
      return value_is_valid (tags[i].kind, value_of (node)) ? tags[i].kind
                                                            : ASC_RIVET_VALUE_INVALID;

  return ASC_RIVET_VALUE_INVALID;
}

/**
 * asc_rivet_value_is_tagged:
 * @node: (nullable): a JSON value
 *
 * Returns: whether @node is one of the valid tagged forms (BigInt,
 *   Uint8Array, ArrayBuffer, undefined or Set)
 */
gboolean
asc_rivet_value_is_tagged (JsonNode *node)
{
  switch (asc_rivet_value_get_kind (node))
    {
    case ASC_RIVET_VALUE_BIGINT:
    case ASC_RIVET_VALUE_UINT8ARRAY:
    case ASC_RIVET_VALUE_ARRAYBUFFER:
    case ASC_RIVET_VALUE_UNDEFINED:
    case ASC_RIVET_VALUE_SET:
      return TRUE;
    case ASC_RIVET_VALUE_PLAIN:
    case ASC_RIVET_VALUE_ESCAPED:
    case ASC_RIVET_VALUE_INVALID:
    default:
      return FALSE;
    }
}

static const char *
tag_for_kind (AscRivetValueKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (tags[i].kind == kind)
      return tags[i].tag;

  g_return_val_if_reached (NULL);
}

static JsonNode *
new_tagged (AscRivetValueKind  kind,
            JsonNode          *value)
{
  g_autoptr(JsonArray) array = json_array_sized_new (2);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_string_element (array, tag_for_kind (kind));
  json_array_add_element (array, value);
  json_node_set_array (node, array);

  return node;
}

/**
 * asc_rivet_value_new_bigint:
 * @digits: a decimal integer, optionally negative
 *
 * Returns: (transfer full): `["$BigInt", @digits]`
 */
JsonNode *
asc_rivet_value_new_bigint (const char *digits)
{
  g_return_val_if_fail (digits != NULL && is_decimal (digits), NULL);

  return new_tagged (ASC_RIVET_VALUE_BIGINT, json_node_init_string (json_node_alloc (), digits));
}

/**
 * asc_rivet_value_new_bigint_int:
 *
 * Returns: (transfer full): `["$BigInt", "<value>"]`
 */
JsonNode *
asc_rivet_value_new_bigint_int (gint64 value)
{
  char digits[32];

  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value);

  return asc_rivet_value_new_bigint (digits);
}

/**
 * asc_rivet_value_new_bytes:
 * @kind: %ASC_RIVET_VALUE_UINT8ARRAY or %ASC_RIVET_VALUE_ARRAYBUFFER
 * @bytes: the contents
 *
 * Returns: (transfer full): `["$Uint8Array", "<base64>"]` or the same
 *   with `$ArrayBuffer`
 */
JsonNode *
asc_rivet_value_new_bytes (AscRivetValueKind  kind,
                           GBytes            *bytes)
{
  g_autofree char *base64 = NULL;
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (kind == ASC_RIVET_VALUE_UINT8ARRAY ||
                        kind == ASC_RIVET_VALUE_ARRAYBUFFER, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  base64 = g_base64_encode (data, length);

  return new_tagged (kind, json_node_init_string (json_node_alloc (), base64));
}

/**
 * asc_rivet_value_new_undefined:
 *
 * Returns: (transfer full): `["$Undefined", 0]`
 */
JsonNode *
asc_rivet_value_new_undefined (void)
{
  return new_tagged (ASC_RIVET_VALUE_UNDEFINED, json_node_init_int (json_node_alloc (), 0));
}

/**
 * asc_rivet_value_new_set:
 * @items: the members, in order; referenced, not copied
 *
 * Returns: (transfer full): `["$Set", [@items…]]`
 */
JsonNode *
asc_rivet_value_new_set (JsonArray *items)
{
  g_return_val_if_fail (items != NULL, NULL);

  return new_tagged (ASC_RIVET_VALUE_SET, json_node_init_array (json_node_alloc (), items));
}

/**
 * asc_rivet_value_get_bigint:
 * @node: a JSON value
 *
 * Returns: (nullable): the decimal digits of a BigInt, or %NULL when
 *   @node is none
 */
const char *
asc_rivet_value_get_bigint (JsonNode *node)
{
  if (asc_rivet_value_get_kind (node) != ASC_RIVET_VALUE_BIGINT)
    return NULL;

  return json_node_get_string (value_of (node));
}

/* Node accepts the URL-safe alphabet and missing padding; GLib does not. */
static GBytes *
decode_base64 (const char *text)
{
  g_autoptr(GString) standard = g_string_new (text);
  gsize length = 0;
  guchar *data;

  g_strdelimit (standard->str, "-", '+');
  g_strdelimit (standard->str, "_", '/');
  while (standard->len % 4 != 0)
    g_string_append_c (standard, '=');

  data = g_base64_decode (standard->str, &length);

  return g_bytes_new_take (data, length);
}

/**
 * asc_rivet_value_dup_bytes:
 * @node: a JSON value
 *
 * Returns: (transfer full) (nullable): the contents of a Uint8Array or an
 *   ArrayBuffer, or %NULL when @node is neither
 */
GBytes *
asc_rivet_value_dup_bytes (JsonNode *node)
{
  AscRivetValueKind kind = asc_rivet_value_get_kind (node);

  if (kind != ASC_RIVET_VALUE_UINT8ARRAY && kind != ASC_RIVET_VALUE_ARRAYBUFFER)
    return NULL;

  return decode_base64 (json_node_get_string (value_of (node)));
}

/**
 * asc_rivet_value_get_set_items:
 * @node: a JSON value
 *
 * Returns: (transfer none) (nullable): the members of a Set, or %NULL when
 *   @node is none
 */
JsonArray *
asc_rivet_value_get_set_items (JsonNode *node)
{
  if (asc_rivet_value_get_kind (node) != ASC_RIVET_VALUE_SET)
    return NULL;

  return json_node_get_array (value_of (node));
}

static char *
display_bytes (const char *type_name,
               GBytes     *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s(%" G_GSIZE_FORMAT ")", type_name, length);
  for (gsize i = 0; i < MIN (length, DISPLAY_MAX_BYTES); i++)
    g_string_append_printf (out, " %02x", data[i]);
  if (length > DISPLAY_MAX_BYTES)
    g_string_append (out, " …");

  return g_string_free (out, FALSE);
}

/**
 * asc_rivet_value_to_display:
 * @node: (nullable): a JSON value
 *
 * Renders a tagged value the way JavaScript developers read it:
 * `12345678901234567890n`, `Uint8Array(3) 01 02 03` (at most 16 bytes,
 * then an ellipsis), `ArrayBuffer(2) ff 00`, `undefined`, `Set(2)` (the
 * members are the array inside).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @node is
 *   not a valid tagged value and shows as the JSON it is
 */
char *
asc_rivet_value_to_display (JsonNode *node)
{
  g_autoptr(GBytes) bytes = NULL;

  switch (asc_rivet_value_get_kind (node))
    {
    case ASC_RIVET_VALUE_BIGINT:
      return g_strconcat (asc_rivet_value_get_bigint (node), "n", NULL);
    case ASC_RIVET_VALUE_UINT8ARRAY:
      bytes = asc_rivet_value_dup_bytes (node);
      return display_bytes ("Uint8Array", bytes);
    case ASC_RIVET_VALUE_ARRAYBUFFER:
      bytes = asc_rivet_value_dup_bytes (node);
      return display_bytes ("ArrayBuffer", bytes);
    case ASC_RIVET_VALUE_UNDEFINED:
      return g_strdup ("undefined");
    case ASC_RIVET_VALUE_SET:
      return g_strdup_printf ("Set(%u)",
                              json_array_get_length (asc_rivet_value_get_set_items (node)));
    case ASC_RIVET_VALUE_PLAIN:
    case ASC_RIVET_VALUE_ESCAPED:
    case ASC_RIVET_VALUE_INVALID:
    default:
      return NULL;
    }
}
