/* asc-field.h: a form field generated from a JSON Schema
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "asc-schema.h"

G_BEGIN_DECLS

/**
 * AscFieldKind:
 * @ASC_FIELD_KIND_TEXT: a one-line string
 * @ASC_FIELD_KIND_MULTILINE_TEXT: a long string (`maxLength` over 200, or
 *   a `format` of `textarea` or `multiline`)
 * @ASC_FIELD_KIND_INTEGER: a whole number
 * @ASC_FIELD_KIND_NUMBER: any number
 * @ASC_FIELD_KIND_BOOLEAN: true or false
 * @ASC_FIELD_KIND_ENUM: a choice among the values of `enum`
 * @ASC_FIELD_KIND_CONST: a fixed value (`const`, or `"type": "null"`)
 * @ASC_FIELD_KIND_OBJECT: a group of fields, one per property
 * @ASC_FIELD_KIND_LIST: a list of items of one schema, to add, remove and
 *   reorder
 * @ASC_FIELD_KIND_TUPLE: a list whose positions have their own schemas
 *   (`prefixItems`)
 * @ASC_FIELD_KIND_ONE_OF: a choice among alternative schemas (`oneOf`,
 *   `anyOf`), each with its own field
 * @ASC_FIELD_KIND_NULLABLE: a field that may also be `null` (`"type":
 *   ["string", "null"]`, or an alternative of `{"type": "null"}`)
 * @ASC_FIELD_KIND_RAW_JSON: any JSON value, edited as text: the field of
 *   schemas a form cannot describe (`true`, several types, unsupported
 *   keywords)
 *
 * The kinds of #AscField. Views map each kind to one kind of widget.
 */
typedef enum
{
  ASC_FIELD_KIND_TEXT,
  ASC_FIELD_KIND_MULTILINE_TEXT,
  ASC_FIELD_KIND_INTEGER,
  ASC_FIELD_KIND_NUMBER,
  ASC_FIELD_KIND_BOOLEAN,
  ASC_FIELD_KIND_ENUM,
  ASC_FIELD_KIND_CONST,
  ASC_FIELD_KIND_OBJECT,
  ASC_FIELD_KIND_LIST,
  ASC_FIELD_KIND_TUPLE,
  ASC_FIELD_KIND_ONE_OF,
  ASC_FIELD_KIND_NULLABLE,
  ASC_FIELD_KIND_RAW_JSON,
} AscFieldKind;

#define ASC_TYPE_FIELD (asc_field_get_type ())

G_DECLARE_FINAL_TYPE (AscField, asc_field, ASC, FIELD, GObject)

AscField     *asc_field_new                 (AscSchema  *schema);
AscSchema    *asc_field_get_schema          (AscField   *self);
AscFieldKind  asc_field_get_kind            (AscField   *self);
AscField     *asc_field_get_parent          (AscField   *self);
const char   *asc_field_get_key             (AscField   *self);
char         *asc_field_dup_path            (AscField   *self);
const char   *asc_field_get_title           (AscField   *self);
const char   *asc_field_get_description     (AscField   *self);
const char   *asc_field_get_format          (AscField   *self);
JsonNode     *asc_field_get_default         (AscField   *self);
gboolean      asc_field_get_required        (AscField   *self);
gboolean      asc_field_get_read_only       (AscField   *self);
gboolean      asc_field_get_deprecated      (AscField   *self);

gboolean      asc_field_get_minimum         (AscField   *self,
                                             double     *minimum,
                                             gboolean   *exclusive);
gboolean      asc_field_get_maximum         (AscField   *self,
                                             double     *maximum,
                                             gboolean   *exclusive);
double        asc_field_get_multiple_of     (AscField   *self);
double        asc_field_get_step            (AscField   *self);
gint64        asc_field_get_min_length      (AscField   *self);
gint64        asc_field_get_max_length      (AscField   *self);
const char   *asc_field_get_pattern         (AscField   *self);
JsonArray    *asc_field_get_enum_values     (AscField   *self);
JsonNode     *asc_field_get_const_value     (AscField   *self);
gint64        asc_field_get_min_items       (AscField   *self);
gint64        asc_field_get_max_items       (AscField   *self);
gboolean      asc_field_get_unique_items    (AscField   *self);

GListModel   *asc_field_get_children        (AscField   *self);
GListModel   *asc_field_get_alternatives    (AscField   *self);
guint         asc_field_get_active          (AscField   *self);
void          asc_field_set_active          (AscField   *self,
                                             guint       index);
AscField     *asc_field_get_inner           (AscField   *self);
gboolean      asc_field_get_is_null         (AscField   *self);
void          asc_field_set_is_null         (AscField   *self,
                                             gboolean    is_null);
gboolean      asc_field_get_allows_extra    (AscField   *self);

JsonNode     *asc_field_get_value           (AscField   *self);
gboolean      asc_field_set_value           (AscField   *self,
                                             JsonNode   *value);
gboolean      asc_field_has_value           (AscField   *self);
void          asc_field_set_present         (AscField   *self,
                                             gboolean    present);
gboolean      asc_field_get_foreign         (AscField   *self);

AscField     *asc_field_add_item            (AscField   *self,
                                             guint       position);
void          asc_field_remove_item         (AscField   *self,
                                             guint       position);
void          asc_field_move_item           (AscField   *self,
                                             guint       from,
                                             guint       to);
AscField     *asc_field_add_property        (AscField   *self,
                                             const char *name);
gboolean      asc_field_remove_property     (AscField   *self,
                                             const char *name);

GPtrArray    *asc_field_validate            (AscField   *self);
AscField     *asc_field_lookup              (AscField   *self,
                                             const char *path);
AscField     *asc_field_lookup_closest      (AscField   *self,
                                             const char *path);

G_END_DECLS
