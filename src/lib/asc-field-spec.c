/* asc-field-spec.c: merges the schemas that apply to one value
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field-private.h"

/* “integer” is a kind of “number”: a set with number holds integer too. */
static guint
normalize_types (guint types)
{
  if (types & ASC_SCHEMA_TYPE_NUMBER)
    types |= ASC_SCHEMA_TYPE_INTEGER;
  return types;
}

/* Follows “$ref” and “allOf” from @node, adding each schema once. */
static void
collect (AscFieldSpec  *spec,
         GHashTable    *seen,
         AscSchemaNode *node)
{
  if (!g_hash_table_add (seen, node))
    return;

  if (node->is_boolean)
    {
      spec->never |= !node->boolean_value;
      return;
    }

  spec->unsupported |= node->unsupported->len > 0;
  g_ptr_array_add (spec->nodes, node);
  if (node->ref_target != NULL)
    collect (spec, seen, node->ref_target);
  for (guint i = 0; node->all_of != NULL && i < node->all_of->len; i++)
    collect (spec, seen, g_ptr_array_index (node->all_of, i));
}

/* Keeps the tighter of two bounds; @sign is 1 for lower bounds. */
static void
merge_bound (JsonNode **bound,
             gboolean  *exclusive,
             JsonNode  *candidate,
             gboolean   candidate_exclusive,
             int        sign)
{
  int order;

  if (candidate == NULL)
    return;

  order = *bound == NULL ? sign : _asc_schema_compare_numbers (candidate, *bound);
  if (order * sign > 0 || (order == 0 && candidate_exclusive))
    {
      *bound = candidate;
      *exclusive = candidate_exclusive;
    }
}

static void
merge_count (gint64 *count,
             gint64  candidate,
             gboolean lower)
{
  if (candidate < 0)
    return;
  if (*count < 0 || (lower ? candidate > *count : candidate < *count))
    *count = candidate;
}

static void
free_property (gpointer data)
{
  AscFieldSpecProperty *property = data;

  g_ptr_array_unref (property->nodes);
  g_free (property->name);
  g_free (property);
}

static AscFieldSpecProperty *
find_property (AscFieldSpec *spec,
               const char   *name)
{
  for (guint i = 0; i < spec->properties->len; i++)
    {
      AscFieldSpecProperty *property = g_ptr_array_index (spec->properties, i);

      if (g_str_equal (property->name, name))
        return property;
    }

  return NULL;
}

static void
merge_properties (AscFieldSpec  *spec,
                  AscSchemaNode *node)
{
  for (guint i = 0; node->properties != NULL && i < node->properties->len; i++)
    {
      AscSchemaProperty *declared = g_ptr_array_index (node->properties, i);
      AscFieldSpecProperty *property = find_property (spec, declared->name);

      if (property == NULL)
        {
          property = g_new0 (AscFieldSpecProperty, 1);
          property->name = g_strdup (declared->name);
          property->nodes = g_ptr_array_new ();
          g_ptr_array_add (spec->properties, property);
        }
      g_ptr_array_add (property->nodes, declared->schema);
    }

  for (guint i = 0; node->required != NULL && i < node->required->len; i++)
    {
      const char *name = g_ptr_array_index (node->required, i);

      if (!_asc_field_spec_is_required (spec, name))
        g_ptr_array_add (spec->required, (gpointer) name);
    }

  for (guint i = 0; node->pattern_properties != NULL && i < node->pattern_properties->len; i++)
    g_ptr_array_add (spec->pattern_properties, g_ptr_array_index (node->pattern_properties, i));

  if (node->additional_properties != NULL && node->additional_properties->is_boolean)
    spec->additional_false |= !node->additional_properties->boolean_value;
  else if (node->additional_properties != NULL)
    g_ptr_array_add (spec->additional, node->additional_properties);
}

static void
merge_items (AscFieldSpec  *spec,
             AscSchemaNode *node)
{
  for (guint i = 0; node->prefix_items != NULL && i < node->prefix_items->len; i++)
    {
      if (i >= spec->prefix->len)
        g_ptr_array_add (spec->prefix, g_ptr_array_new ());
      g_ptr_array_add (g_ptr_array_index (spec->prefix, i),
                       g_ptr_array_index (node->prefix_items, i));
    }

  if (node->items != NULL && node->items->is_boolean)
    spec->items_false |= !node->items->boolean_value;
  else if (node->items != NULL)
    g_ptr_array_add (spec->items, node->items);

  merge_count (&spec->min_items, node->min_items, TRUE);
  merge_count (&spec->max_items, node->max_items, FALSE);
  spec->unique_items |= node->unique_items;
}

static void
merge_annotations (AscFieldSpec  *spec,
                   AscSchemaNode *node)
{
  spec->title = spec->title != NULL ? spec->title : node->title;
  spec->description = spec->description != NULL ? spec->description : node->description;
  spec->format = spec->format != NULL ? spec->format : node->format;
  if (spec->default_value == NULL)
    spec->default_value = node->default_value;
  spec->read_only |= node->read_only;
  spec->deprecated |= node->deprecated;
}

static void
merge_scalars (AscFieldSpec  *spec,
               AscSchemaNode *node)
{
  if (node->types != 0)
    spec->types &= normalize_types (node->types);
  if (spec->enum_values == NULL)
    spec->enum_values = node->enum_values;
  if (spec->const_value == NULL)
    spec->const_value = node->const_value;

  merge_bound (&spec->minimum, &spec->exclusive_minimum, node->minimum, FALSE, 1);
  merge_bound (&spec->minimum, &spec->exclusive_minimum, node->exclusive_minimum, TRUE, 1);
  merge_bound (&spec->maximum, &spec->exclusive_maximum, node->maximum, FALSE, -1);
  merge_bound (&spec->maximum, &spec->exclusive_maximum, node->exclusive_maximum, TRUE, -1);
  if (spec->multiple_of == NULL)
    spec->multiple_of = node->multiple_of;

  merge_count (&spec->min_length, node->min_length, TRUE);
  merge_count (&spec->max_length, node->max_length, FALSE);
  if (spec->pattern == NULL && node->pattern != NULL)
    spec->pattern = node->pattern->source;
}

/* A form offers one choice: two sets of alternatives make a raw field. */
static void
merge_alternatives (AscFieldSpec  *spec,
                    AscSchemaNode *node,
                    AscSchemaNode *consumed)
{
  GPtrArray *alternatives = node->one_of != NULL ? node->one_of : node->any_of;

  if (node == consumed || alternatives == NULL)
    return;

  if (spec->alternatives != NULL || (node->one_of != NULL && node->any_of != NULL))
    {
      spec->unsupported = TRUE;
      return;
    }
  spec->alternatives_owner = node;
  spec->alternatives = alternatives;
}

/*
 * Merges @nodes and what they refer to. @consumed is a schema whose
 * alternatives were already chosen from (they are not offered again), and
 * @strip_null drops “null” from the types (the field inside a NULLABLE).
 */
AscFieldSpec *
_asc_field_spec_new (GPtrArray     *nodes,
                     AscSchemaNode *consumed,
                     gboolean       strip_null)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  AscFieldSpec *spec = g_new0 (AscFieldSpec, 1);

  spec->nodes = g_ptr_array_new ();
  spec->types = normalize_types (ASC_SCHEMA_TYPE_ANY);
  spec->min_length = spec->max_length = -1;
  spec->min_items = spec->max_items = -1;
  spec->properties = g_ptr_array_new_with_free_func (free_property);
  spec->required = g_ptr_array_new ();
  spec->pattern_properties = g_ptr_array_new ();
  spec->additional = g_ptr_array_new ();
  spec->prefix = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  spec->items = g_ptr_array_new ();

  for (guint i = 0; i < nodes->len; i++)
    collect (spec, seen, g_ptr_array_index (nodes, i));

  for (guint i = 0; i < spec->nodes->len; i++)
    {
      AscSchemaNode *node = g_ptr_array_index (spec->nodes, i);

      merge_annotations (spec, node);
      merge_scalars (spec, node);
      merge_properties (spec, node);
      merge_items (spec, node);
      merge_alternatives (spec, node, consumed);
    }

  if (strip_null)
    spec->types &= ~ASC_SCHEMA_TYPE_NULL;
  return spec;
}

void
_asc_field_spec_free (AscFieldSpec *spec)
{
  g_ptr_array_unref (spec->nodes);
  g_ptr_array_unref (spec->properties);
  g_ptr_array_unref (spec->required);
  g_ptr_array_unref (spec->pattern_properties);
  g_ptr_array_unref (spec->additional);
  g_ptr_array_unref (spec->prefix);
  g_ptr_array_unref (spec->items);
  g_free (spec);
}

gboolean
_asc_field_spec_is_required (AscFieldSpec *spec,
                             const char   *name)
{
  for (guint i = 0; i < spec->required->len; i++)
    if (g_str_equal (g_ptr_array_index (spec->required, i), name))
      return TRUE;

  return FALSE;
}

/*
 * The schemas that apply to the member @name of an object: its declared
 * schemas and the matching “patternProperties”, or else those of
 * “additionalProperties”. An empty array means any value.
 */
GPtrArray *
_asc_field_spec_nodes_for (AscFieldSpec *spec,
                           const char   *name,
                           gboolean     *declared)
{
  AscFieldSpecProperty *property = find_property (spec, name);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  *declared = property != NULL;
  if (property != NULL)
    g_ptr_array_extend (nodes, property->nodes, NULL, NULL);

  for (guint i = 0; i < spec->pattern_properties->len; i++)
    {
      AscSchemaPattern *pattern = g_ptr_array_index (spec->pattern_properties, i);

      if (g_regex_match (pattern->regex, name, 0, NULL))
        g_ptr_array_add (nodes, pattern->schema);
    }

  if (nodes->len == 0)
    g_ptr_array_extend (nodes, spec->additional, NULL, NULL);

  return g_steal_pointer (&nodes);
}

/* The schemas of the item at @index: its “prefixItems” entry, or “items”. */
GPtrArray *
_asc_field_spec_item_nodes (AscFieldSpec *spec,
                            guint         index)
{
  if (index < spec->prefix->len)
    return g_ptr_array_copy (g_ptr_array_index (spec->prefix, index), NULL, NULL);

  return g_ptr_array_copy (spec->items, NULL, NULL);
}
