/* asc-schema.c: JSON Schema 2020-12 validation
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-schema.h"

#include "asc-json-diff.h"
#include "asc-json-pointer.h"
#include "asc-schema-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The base URI of a document without “$id”: references that leave the
 * document cannot resolve against it. */
#define DEFAULT_BASE_URI "asc:///schema.json"

/**
 * AscSchema:
 *
 * A compiled JSON Schema (2020-12) that validates values and describes
 * them to #AscField.
 *
 * The supported keywords are `type`, `enum`, `const`, `required`, the
 * numeric bounds and `multipleOf`, `minLength`/`maxLength`/`pattern`,
 * `properties`/`patternProperties`/`additionalProperties`,
 * `prefixItems`/`items`, `minItems`/`maxItems`/`uniqueItems`,
 * `minProperties`/`maxProperties`, `allOf`/`anyOf`/`oneOf`/`not`,
 * `if`/`then`/`else`, boolean schemas, references inside the document
 * (`$ref` with JSON pointers, `$anchor` and embedded `$id` resources),
 * `$defs`, and the annotations (`title`, `description`, `default`,
 * `examples`, `format`, `deprecated`, `readOnly`, `writeOnly`,
 * `$comment`, `$schema`). `format` is a hint, never an assertion.
 *
 * Any other keyword is listed by asc_schema_get_unsupported() and does not
 * take part in validation; forms edit such parts as raw JSON.
 */
struct _AscSchema
{
  GObject parent_instance;

  JsonNode *document;
  AscSchemaNode *root;
  GPtrArray *nodes;
  GPtrArray *unsupported;
};

G_DEFINE_FINAL_TYPE (AscSchema, asc_schema, G_TYPE_OBJECT)

AscSchemaNode *
_asc_schema_node_new (JsonNode   *json,
                      const char *path)
{
  AscSchemaNode *node = g_new0 (AscSchemaNode, 1);

  node->json = json;
  node->path = g_strdup (path);
  node->min_length = node->max_length = -1;
  node->min_items = node->max_items = -1;
  node->min_properties = node->max_properties = -1;
  node->min_contains = node->max_contains = -1;
  node->unsupported = g_ptr_array_new_with_free_func (g_free);

  return node;
}

static void
free_pattern (AscSchemaPattern *pattern)
{
  g_free (pattern->source);
  g_regex_unref (pattern->regex);
  g_free (pattern);
}

void
_asc_schema_node_free (AscSchemaNode *node)
{
  g_free (node->path);
  g_free (node->base_uri);
  g_free (node->ref);
  g_clear_pointer (&node->pattern, free_pattern);
  g_clear_pointer (&node->properties, g_ptr_array_unref);
  g_clear_pointer (&node->pattern_properties, g_ptr_array_unref);
  g_clear_pointer (&node->required, g_ptr_array_unref);
  g_clear_pointer (&node->dependent_required, g_ptr_array_unref);
  g_clear_pointer (&node->dependent_schemas, g_ptr_array_unref);
  g_clear_pointer (&node->prefix_items, g_ptr_array_unref);
  g_clear_pointer (&node->all_of, g_ptr_array_unref);
  g_clear_pointer (&node->any_of, g_ptr_array_unref);
  g_clear_pointer (&node->one_of, g_ptr_array_unref);
  g_clear_pointer (&node->unsupported, g_ptr_array_unref);
  g_free (node);
}

void
_asc_schema_add_node (AscSchema     *self,
                      AscSchemaNode *node)
{
  g_ptr_array_add (self->nodes, node);
}

void
_asc_schema_add_unsupported (AscSchema  *self,
                             const char *path)
{
  /* Keep the array NULL-terminated for asc_schema_get_unsupported(). */
  g_ptr_array_insert (self->unsupported, self->unsupported->len - 1,
                      g_strdup (path));
}

AscSchemaNode *
_asc_schema_get_root (AscSchema *self)
{
  return self->root;
}

static void
asc_schema_finalize (GObject *object)
{
  AscSchema *self = (AscSchema *)object;

  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->unsupported, g_ptr_array_unref);
  g_clear_pointer (&self->document, json_node_unref);

  G_OBJECT_CLASS (asc_schema_parent_class)->finalize (object);
}

static void
asc_schema_class_init (AscSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = asc_schema_finalize;
}

static void
asc_schema_init (AscSchema *self)
{
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) _asc_schema_node_free);
  self->unsupported = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->unsupported, NULL);
}

static void
compiler_clear (AscSchemaCompiler *c)
{
  g_clear_pointer (&c->by_json, g_hash_table_unref);
  g_clear_pointer (&c->resources, g_hash_table_unref);
  g_clear_pointer (&c->anchors, g_hash_table_unref);
  if (c->path != NULL)
    g_string_free (g_steal_pointer (&c->path), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AscSchemaCompiler, compiler_clear)

static gboolean
ref_error (AscSchemaNode  *node,
           const char     *reason,
           GError        **error)
{
  /* Translators: the first %s is a JSON pointer into the schema, the
   * second a reference such as “#/$defs/point”, the third why it fails. */
  g_set_error (error, ASC_ERROR, ASC_ERROR_FAILED,
               _("Invalid schema at “%s/$ref”: “%s” %s"),
               node->path, node->ref, reason);
  return FALSE;
}

/* Finds the schema at @fragment (a JSON pointer) inside @resource, and
 * compiles it if no keyword led there (such as a “definitions” member). */
static AscSchemaNode *
resolve_pointer (AscSchemaCompiler  *c,
                 AscSchemaNode      *node,
                 AscSchemaNode      *resource,
                 const char         *fragment,
                 GError            **error)
{
  g_autofree char *pointer = g_uri_unescape_string (fragment, NULL);
  AscSchemaNode *target;
  JsonNode *json;

  json = pointer != NULL ? asc_json_pointer_resolve (resource->json, pointer, NULL) : NULL;
  if (json == NULL)
    {
      ref_error (node, _("does not point to anything in this schema"), error);
      return NULL;
    }

  target = g_hash_table_lookup (c->by_json, json);
  if (target != NULL)
    return target;

  g_string_assign (c->path, resource->path);
  g_string_append (c->path, pointer);
  return _asc_schema_compile (c, json, resource->base_uri, error);
}

static gboolean
resolve_ref (AscSchemaCompiler  *c,
             AscSchemaNode      *node,
             GError            **error)
{
  g_autofree char *uri = g_uri_resolve_relative (node->base_uri, node->ref,
                                                 G_URI_FLAGS_ENCODED, NULL);
  AscSchemaNode *resource;
  char *fragment;

  if (uri == NULL)
    return ref_error (node, _("is not a valid URI reference"), error);

  fragment = strchr (uri, '#');
  if (fragment != NULL)
    *fragment++ = '\0';

  resource = g_hash_table_lookup (c->resources, uri);
  if (resource == NULL)
    {
      /* Only references inside the document resolve: keep the rest visible. */
      g_autofree char *path = g_strconcat (node->path, "/$ref", NULL);

      g_ptr_array_add (node->unsupported, g_strdup ("$ref"));
      _asc_schema_add_unsupported (c->schema, path);
      return TRUE;
    }

  if (fragment == NULL || *fragment == '\0')
    node->ref_target = resource;
  else if (*fragment == '/')
    node->ref_target = resolve_pointer (c, node, resource, fragment, error);
  else
    {
      g_autofree char *key = g_strconcat (uri, "#", fragment, NULL);

      node->ref_target = g_hash_table_lookup (c->anchors, key);
      if (node->ref_target == NULL)
        return ref_error (node, _("names an anchor that does not exist"), error);
    }

  return node->ref_target != NULL;
}

/* Resolves every “$ref”, including those of schemas compiled meanwhile. */
static gboolean
resolve_refs (AscSchemaCompiler  *c,
              GError            **error)
{
  for (guint i = 0; i < c->schema->nodes->len; i++)
    {
      AscSchemaNode *node = g_ptr_array_index (c->schema->nodes, i);

      if (node->ref != NULL && !resolve_ref (c, node, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * asc_schema_new:
 * @schema: a JSON Schema document (2020-12); it is copied
 * @error: return location for an %ASC_ERROR_FAILED error
 *
 * Compiles @schema. A keyword of the wrong shape (`"minimum": "1"`), a
 * regular expression that does not compile or a local reference that goes
 * nowhere is an error that names its place in the schema, such as
 * “Invalid schema at “/properties/x/minimum”: “minimum” must be a number”.
 * Unknown keywords are not errors: see asc_schema_get_unsupported().
 *
 * Returns: (transfer full) (nullable): the compiled schema, or %NULL
 */
AscSchema *
asc_schema_new (JsonNode  *schema,
                GError   **error)
{
  g_autoptr(AscSchema) self = NULL;
  g_auto(AscSchemaCompiler) c = { 0 };

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ASC_TYPE_SCHEMA, NULL);
  self->document = asc_json_copy (schema);

  c.schema = self;
  c.by_json = g_hash_table_new (NULL, NULL);
  c.resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.path = g_string_new (NULL);

  self->root = _asc_schema_compile (&c, self->document, DEFAULT_BASE_URI, error);
  if (self->root == NULL)
    return NULL;
  if (!g_hash_table_contains (c.resources, DEFAULT_BASE_URI))
    g_hash_table_insert (c.resources, g_strdup (DEFAULT_BASE_URI), self->root);
  if (!resolve_refs (&c, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * asc_schema_get_document:
 * @self: an #AscSchema
 *
 * Returns: (transfer none): the schema document, as compiled
 */
JsonNode *
asc_schema_get_document (AscSchema *self)
{
  g_return_val_if_fail (ASC_IS_SCHEMA (self), NULL);

  return self->document;
}

/**
 * asc_schema_get_unsupported:
 * @self: an #AscSchema
 *
 * Lists the keywords this schema uses that #AscSchema does not support,
 * each as the JSON pointer of the keyword in the schema, such as
 * `/properties/tags/contains`. A `$ref` that leaves the document is
 * listed as unsupported too. Validation ignores these keywords.
 *
 * Returns: (transfer none) (array zero-terminated=1): the schema paths of
 *   the unsupported keywords, in document order; empty when there is none
 */
const char * const *
asc_schema_get_unsupported (AscSchema *self)
{
  g_return_val_if_fail (ASC_IS_SCHEMA (self), NULL);

  return (const char * const *) self->unsupported->pdata;
}

/**
 * asc_schema_validate:
 * @self: an #AscSchema
 * @instance: the value to check
 * @issues: (out) (optional) (transfer container) (element-type AscSchemaIssue):
 *   return location for the issues found, in schema order; an empty
 *   array when @instance is valid
 *
 * Checks @instance against the schema. Without @issues, the check stops
 * at the first failure.
 *
 * Returns: %TRUE if @instance is valid
 */
gboolean
asc_schema_validate (AscSchema  *self,
                     JsonNode   *instance,
                     GPtrArray **issues)
{
  g_autoptr(GPtrArray) found = NULL;
  gboolean valid;

  g_return_val_if_fail (ASC_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (instance != NULL, FALSE);

  if (issues != NULL)
    found = g_ptr_array_new_with_free_func (g_object_unref);
  valid = _asc_schema_evaluate (self, self->root, instance, "", found);
  if (issues != NULL)
    *issues = g_steal_pointer (&found);

  return valid;
}

/**
 * asc_schema_issues_to_details:
 * @issues: (element-type AscSchemaIssue): issues from asc_schema_validate()
 *
 * Turns @issues into the details of an %ASC_ERROR_VALIDATION error:
 * `[{"path": "/moves/0/x", "message": "must be at least 1"}, …]`, the
 * shape servers' validation errors are parsed into, so views put both on
 * their fields the same way.
 *
 * Returns: (transfer full): a JSON array
 */
JsonNode *
asc_schema_issues_to_details (GPtrArray *issues)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (issues != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < issues->len; i++)
    {
      AscSchemaIssue *issue = g_ptr_array_index (issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, asc_schema_issue_get_instance_path (issue));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, asc_schema_issue_get_message (issue));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static char *
describe_issues (GPtrArray *issues)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      AscSchemaIssue *issue = g_ptr_array_index (issues, i);
      const char *path = asc_schema_issue_get_instance_path (issue);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", path[0] != '\0' ? path : "/",
                              asc_schema_issue_get_message (issue));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * asc_schema_validate_to_error:
 * @self: an #AscSchema
 * @instance: the value to check
 * @error: return location for an %ASC_ERROR_VALIDATION error
 *
 * Like asc_schema_validate(), but reports the issues as one
 * %ASC_ERROR_VALIDATION error whose details (asc_error_get_details())
 * are asc_schema_issues_to_details().
 *
 * Returns: %TRUE if @instance is valid
 */
gboolean
asc_schema_validate_to_error (AscSchema  *self,
                              JsonNode   *instance,
                              GError    **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonNode) details = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ASC_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (instance != NULL, FALSE);

  if (asc_schema_validate (self, instance, &issues))
    return TRUE;

  details = asc_schema_issues_to_details (issues);
  summary = describe_issues (issues);
  g_propagate_error (error, asc_error_new_with_details (ASC_ERROR_VALIDATION, details,
                                                        _("Invalid value: %s"),
                                                        summary));
  return FALSE;
}
