/* asc-field.c: a form field generated from a JSON Schema
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-field"

#include "config.h"

#include "asc-field.h"

#include "asc-enums.h"
#include "asc-field-private.h"
#include "asc-json-pointer.h"

/**
 * AscField:
 *
 * One field of a form generated from a JSON Schema, and its part of the
 * value being edited. asc_field_new() builds the tree for a schema: an
 * %ASC_FIELD_KIND_OBJECT has a child per property, a list has a child per
 * item, a choice has a field per alternative. Views map each
 * #AscFieldKind to one kind of widget, read and write values with
 * asc_field_get_value() and asc_field_set_value(), and show the issues of
 * asc_field_validate() next to each field.
 *
 * Whatever a form cannot describe (a `true` schema, several types,
 * unsupported keywords) becomes an %ASC_FIELD_KIND_RAW_JSON field, so a
 * form is never a dead end; and a value that does not fit its field is
 * kept as it is (see asc_field_get_foreign()). Setting a valid value and
 * reading it back gives the same value.
 *
 * Fields are built lazily: an object gets its children when it first
 * holds a value, so recursive schemas give finite trees.
 */

G_DEFINE_FINAL_TYPE (AscField, asc_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KEY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_REQUIRED,
  PROP_ACTIVE,
  PROP_IS_NULL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Tells @self and each of its ancestors that the value changed. */
void
_asc_field_emit_changed (AscField *self)
{
  for (AscField *field = self; field != NULL; field = field->parent)
    g_signal_emit (field, signals[CHANGED], 0);
}

void
_asc_field_notify_active (AscField *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

void
_asc_field_notify_is_null (AscField *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_NULL]);
}

static void
orphan_all (GListStore *store)
{
  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AscField) child = g_list_model_get_item (G_LIST_MODEL (store), i);

      child->parent = NULL;
    }
}

static void
asc_field_dispose (GObject *object)
{
  AscField *self = (AscField *)object;

  orphan_all (self->children);
  orphan_all (self->alternatives);
  if (self->inner != NULL)
    self->inner->parent = NULL;
  g_clear_object (&self->children);
  g_clear_object (&self->alternatives);
  g_clear_object (&self->inner);

  G_OBJECT_CLASS (asc_field_parent_class)->dispose (object);
}

static void
asc_field_finalize (GObject *object)
{
  AscField *self = (AscField *)object;

  g_clear_pointer (&self->spec, _asc_field_spec_free);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->value, json_node_unref);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->schema);

  G_OBJECT_CLASS (asc_field_parent_class)->finalize (object);
}

static void
asc_field_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AscField *self = ASC_FIELD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, asc_field_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, asc_field_get_description (self));
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_ACTIVE:
      g_value_set_uint (value, self->active);
      break;
    case PROP_IS_NULL:
      g_value_set_boolean (value, self->is_null);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_field_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AscField *self = ASC_FIELD (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      asc_field_set_active (self, g_value_get_uint (value));
      break;
    case PROP_IS_NULL:
      asc_field_set_is_null (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_field_class_init (AscFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = asc_field_dispose;
  object_class->finalize = asc_field_finalize;
  object_class->get_property = asc_field_get_property;
  object_class->set_property = asc_field_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ASC_TYPE_FIELD_KIND,
                       ASC_FIELD_KIND_RAW_JSON, read_only);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, read_only);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, read_only);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, read_only);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE, read_only);
  properties[PROP_ACTIVE] =
    g_param_spec_uint ("active", NULL, NULL, 0, G_MAXUINT, 0, read_write);
  properties[PROP_IS_NULL] =
    g_param_spec_boolean ("is-null", NULL, NULL, FALSE, read_write);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AscField::changed:
   * @self: the field
   *
   * Emitted when the value of @self, or of one of its descendants,
   * changes.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
asc_field_init (AscField *self)
{
  self->children = g_list_store_new (ASC_TYPE_FIELD);
  self->alternatives = g_list_store_new (ASC_TYPE_FIELD);
}

/**
 * asc_field_new:
 * @schema: a compiled schema
 *
 * Builds the field tree of @schema, with the schema's `default` (or a
 * blank value) as the value.
 *
 * Returns: (transfer full): the root field
 */
AscField *
asc_field_new (AscSchema *schema)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  g_return_val_if_fail (ASC_IS_SCHEMA (schema), NULL);

  g_ptr_array_add (nodes, _asc_schema_get_root (schema));
  return _asc_field_build (schema, nodes, NULL, NULL, TRUE);
}

/**
 * asc_field_get_schema:
 * @self: an #AscField
 *
 * Returns: (transfer none): the schema @self was built from
 */
AscSchema *
asc_field_get_schema (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->schema;
}

/**
 * asc_field_get_kind:
 * @self: an #AscField
 *
 * Returns: the kind of widget @self needs
 */
AscFieldKind
asc_field_get_kind (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), ASC_FIELD_KIND_RAW_JSON);

  return self->kind;
}

/**
 * asc_field_get_parent:
 * @self: an #AscField
 *
 * Returns: (transfer none) (nullable): the object, list, choice or
 *   nullable field @self belongs to, or %NULL for the root
 */
AscField *
asc_field_get_parent (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->parent;
}

/**
 * asc_field_get_key:
 * @self: an #AscField
 *
 * Returns: (nullable): the property name of a child of an object field,
 *   or %NULL
 */
const char *
asc_field_get_key (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->key;
}

/**
 * asc_field_get_title:
 * @self: an #AscField
 *
 * The schema's `title`; for an alternative of a choice without one, a
 * label made from its constant discriminator or its type.
 *
 * Returns: (nullable): the title, or %NULL (views show the key)
 */
const char *
asc_field_get_title (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->title != NULL ? self->spec->title : self->label;
}

/**
 * asc_field_get_description:
 * @self: an #AscField
 *
 * Returns: (nullable): the schema's `description`
 */
const char *
asc_field_get_description (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->description;
}

/**
 * asc_field_get_format:
 * @self: an #AscField
 *
 * The `format` hint, such as `date-time`, `email`, `uri` or `uuid`: views
 * may offer a matching entry. It never makes a value invalid.
 *
 * Returns: (nullable): the format, or %NULL
 */
const char *
asc_field_get_format (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->format;
}

/**
 * asc_field_get_default:
 * @self: an #AscField
 *
 * Returns: (transfer none) (nullable): the schema's `default`
 */
JsonNode *
asc_field_get_default (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->spec->default_value;
}

/**
 * asc_field_get_required:
 * @self: an #AscField
 *
 * Returns: %TRUE if the value must be present: a required property, a
 *   list item or the root
 */
gboolean
asc_field_get_required (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->required;
}

/**
 * asc_field_get_read_only:
 * @self: an #AscField
 *
 * Returns: the schema's `readOnly` annotation
 */
gboolean
asc_field_get_read_only (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->spec->read_only;
}

/**
 * asc_field_get_deprecated:
 * @self: an #AscField
 *
 * Returns: the schema's `deprecated` annotation
 */
gboolean
asc_field_get_deprecated (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->spec->deprecated;
}

/**
 * asc_field_get_children:
 * @self: an #AscField
 *
 * The fields of an object's properties (declared ones in schema order,
 * then extra ones), or of a list's items. Adding, removing and moving
 * items emits exact #GListModel::items-changed ranges.
 *
 * Returns: (transfer none): a #GListModel of #AscField, empty for the
 *   other kinds
 */
GListModel *
asc_field_get_children (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return G_LIST_MODEL (self->children);
}

/**
 * asc_field_get_alternatives:
 * @self: an #AscField
 *
 * Returns: (transfer none): a #GListModel with the field of each
 *   alternative of an %ASC_FIELD_KIND_ONE_OF, empty for the other kinds
 */
GListModel *
asc_field_get_alternatives (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return G_LIST_MODEL (self->alternatives);
}

/**
 * asc_field_get_active:
 * @self: an %ASC_FIELD_KIND_ONE_OF field
 *
 * Returns: the position of the chosen alternative
 */
guint
asc_field_get_active (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), 0);

  return self->active;
}

/**
 * asc_field_get_inner:
 * @self: an %ASC_FIELD_KIND_NULLABLE field
 *
 * Returns: (transfer none) (nullable): the field of the value when it is
 *   not null
 */
AscField *
asc_field_get_inner (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), NULL);

  return self->inner;
}

/**
 * asc_field_get_is_null:
 * @self: an %ASC_FIELD_KIND_NULLABLE field
 *
 * Returns: %TRUE if the value is `null`
 */
gboolean
asc_field_get_is_null (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->is_null;
}

/**
 * asc_field_get_allows_extra:
 * @self: an %ASC_FIELD_KIND_OBJECT field
 *
 * Returns: %TRUE if properties beyond the declared ones may be added with
 *   asc_field_add_property()
 */
gboolean
asc_field_get_allows_extra (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->kind == ASC_FIELD_KIND_OBJECT &&
         (!self->spec->additional_false || self->spec->pattern_properties->len > 0);
}

/**
 * asc_field_get_foreign:
 * @self: an #AscField
 *
 * Whether the value does not fit the kind of @self, such as a string set
 * on an integer field: it is kept as it is, and views should offer to
 * edit it as raw JSON.
 *
 * Returns: %TRUE for a value that does not fit the field
 */
gboolean
asc_field_get_foreign (AscField *self)
{
  g_return_val_if_fail (ASC_IS_FIELD (self), FALSE);

  return self->foreign;
}
