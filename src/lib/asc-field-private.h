/* asc-field-private.h: internals shared by asc-field*.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-field.h"
#include "asc-schema-private.h"

G_BEGIN_DECLS

typedef struct
{
  char      *name;
  GPtrArray *nodes;
} AscFieldSpecProperty;

/*
 * What a conjunction of schemas (a schema with its “$ref” and “allOf”
 * followed) says about one value, merged: the tightest bounds, the union
 * of the properties, the first annotation. Validation always uses the
 * schemas themselves, so a loose merge only costs a hint.
 */
typedef struct
{
  GPtrArray  *nodes;
  gboolean    unsupported;
  gboolean    never;
  guint       types;

  const char *title;
  const char *description;
  const char *format;
  JsonNode   *default_value;
  gboolean    read_only;
  gboolean    deprecated;

  JsonNode   *minimum;
  JsonNode   *maximum;
  gboolean    exclusive_minimum;
  gboolean    exclusive_maximum;
  JsonNode   *multiple_of;
  gint64      min_length;
  gint64      max_length;
  const char *pattern;
  JsonArray  *enum_values;
  JsonNode   *const_value;

  GPtrArray  *properties;
  GPtrArray  *required;
  GPtrArray  *pattern_properties;
  GPtrArray  *additional;
  gboolean    additional_false;

  GPtrArray  *prefix;
  GPtrArray  *items;
  gboolean    items_false;
  gint64      min_items;
  gint64      max_items;
  gboolean    unique_items;

  AscSchemaNode *alternatives_owner;
  GPtrArray     *alternatives;
} AscFieldSpec;

/* Children, alternatives and inner fields point back to their parent
 * without a reference; the parent's dispose clears those pointers. */
struct _AscField
{
  GObject        parent_instance;

  AscSchema     *schema;
  GPtrArray     *nodes;
  AscFieldSpec  *spec;
  char          *key;
  char          *label;
  GListStore    *children;
  GListStore    *alternatives;
  AscField      *inner;
  JsonNode      *value;

  AscField      *parent;
  AscSchemaNode *alternative;

  AscFieldKind   kind;
  guint          active;
  guint          n_declared;
  guint          depth;
  gboolean       required;
  gboolean       extra;
  gboolean       present;
  gboolean       is_null;
  gboolean       foreign;
  gboolean       built;
};

/* asc-field-spec.c */
AscFieldSpec *_asc_field_spec_new         (GPtrArray       *nodes,
                                           AscSchemaNode   *consumed,
                                           gboolean         strip_null);
void          _asc_field_spec_free        (AscFieldSpec    *spec);
GPtrArray    *_asc_field_spec_nodes_for   (AscFieldSpec    *spec,
                                           const char      *name,
                                           gboolean        *declared);
GPtrArray    *_asc_field_spec_item_nodes  (AscFieldSpec    *spec,
                                           guint            index);
gboolean      _asc_field_spec_is_required (AscFieldSpec    *spec,
                                           const char      *name);

/* asc-field-build.c */
AscField     *_asc_field_build            (AscSchema       *schema,
                                           GPtrArray       *nodes,
                                           AscField        *parent,
                                           const char      *key,
                                           gboolean         required);
void          _asc_field_build_children   (AscField        *self);
AscField     *_asc_field_new_item         (AscField        *self,
                                           guint            index);
AscField     *_asc_field_new_extra        (AscField        *self,
                                           const char      *name);
void          _asc_field_init_value       (AscField        *self,
                                           gboolean         blank);

/* asc-field-value.c */
void          _asc_field_assign           (AscField        *self,
                                           JsonNode        *value);
AscField     *_asc_field_nth              (GListStore      *store,
                                           guint            position);

/* asc-field.c */
void          _asc_field_emit_changed     (AscField        *self);
void          _asc_field_notify_active    (AscField        *self);
void          _asc_field_notify_is_null   (AscField        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscFieldSpec, _asc_field_spec_free)

G_END_DECLS
