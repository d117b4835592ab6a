/* asc-schema-private.h: the compiled form of a JSON Schema, shared by
 * asc-schema*.c and asc-field*.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-schema.h"

G_BEGIN_DECLS

typedef enum
{
  ASC_SCHEMA_TYPE_NULL    = 1 << 0,
  ASC_SCHEMA_TYPE_BOOLEAN = 1 << 1,
  ASC_SCHEMA_TYPE_OBJECT  = 1 << 2,
  ASC_SCHEMA_TYPE_ARRAY   = 1 << 3,
  ASC_SCHEMA_TYPE_NUMBER  = 1 << 4,
  ASC_SCHEMA_TYPE_STRING  = 1 << 5,
  ASC_SCHEMA_TYPE_INTEGER = 1 << 6,
} AscSchemaTypes;

#define ASC_SCHEMA_TYPE_ANY 0x7f

typedef struct _AscSchemaNode AscSchemaNode;

typedef struct
{
  char          *name;
  AscSchemaNode *schema;
} AscSchemaProperty;

/* One member of “dependentRequired”: when @name is present, so must be
 * each of @required. */
typedef struct
{
  char          *name;
  GStrv          required;
} AscSchemaDependency;

typedef struct
{
  char          *source;
  GRegex        *regex;
  AscSchemaNode *schema;
} AscSchemaPattern;

/* Every JSON value of the document is borrowed: the AscSchema keeps the
 * document alive. Counts are -1 when their keyword is absent. */
struct _AscSchemaNode
{
  JsonNode          *json;
  char              *path;
  char              *base_uri;
  gboolean           is_boolean;
  gboolean           boolean_value;

  guint              types;
  JsonArray         *enum_values;
  JsonNode          *const_value;

  JsonNode          *minimum;
  JsonNode          *maximum;
  JsonNode          *exclusive_minimum;
  JsonNode          *exclusive_maximum;
  JsonNode          *multiple_of;

  gint64             min_length;
  gint64             max_length;
  AscSchemaPattern  *pattern;

  GPtrArray         *properties;
  GPtrArray         *pattern_properties;
  AscSchemaNode     *additional_properties;
  AscSchemaNode     *property_names;
  GPtrArray         *required;
  GPtrArray         *dependent_required;
  GPtrArray         *dependent_schemas;
  gint64             min_properties;
  gint64             max_properties;

  GPtrArray         *prefix_items;
  AscSchemaNode     *items;
  gint64             min_items;
  gint64             max_items;
  gboolean           unique_items;
  AscSchemaNode     *contains;
  gint64             min_contains;
  gint64             max_contains;

  GPtrArray         *all_of;
  GPtrArray         *any_of;
  GPtrArray         *one_of;
  AscSchemaNode     *not_schema;
  AscSchemaNode     *if_schema;
  AscSchemaNode     *then_schema;
  AscSchemaNode     *else_schema;

  char              *ref;
  AscSchemaNode     *ref_target;

  const char        *title;
  const char        *description;
  const char        *format;
  JsonNode          *default_value;
  JsonArray         *examples;
  gboolean           deprecated;
  gboolean           read_only;
  gboolean           write_only;

  GPtrArray         *unsupported;
};

typedef struct
{
  AscSchema  *schema;
  GHashTable *by_json;
  GHashTable *resources;
  GHashTable *anchors;
  GString    *path;
  guint       depth;
} AscSchemaCompiler;

typedef struct
{
  AscSchemaNode *node;
  JsonNode      *instance;
} AscSchemaRefFrame;

/* Without issues (NULL), evaluation stops at the first failure. */
typedef struct
{
  GPtrArray *issues;
  GArray    *refs;
  GString   *instance_path;
  GString   *schema_path;
} AscSchemaEval;

typedef gboolean (*AscSchemaKeywordParser) (AscSchemaCompiler  *compiler,
                                            AscSchemaNode      *node,
                                            const char         *keyword,
                                            JsonNode           *value,
                                            GError            **error);

/* asc-schema.c */
AscSchemaNode *_asc_schema_node_new         (JsonNode           *json,
                                             const char         *path);
void           _asc_schema_node_free        (AscSchemaNode      *node);
void           _asc_schema_add_node         (AscSchema          *self,
                                             AscSchemaNode      *node);
void           _asc_schema_add_unsupported  (AscSchema          *self,
                                             const char         *path);
AscSchemaNode *_asc_schema_get_root         (AscSchema          *self);

/* asc-schema-compile.c */
AscSchemaNode *_asc_schema_compile          (AscSchemaCompiler  *compiler,
                                             JsonNode           *json,
                                             const char         *base_uri,
                                             GError            **error);
AscSchemaNode *_asc_schema_compile_child    (AscSchemaCompiler  *compiler,
                                             AscSchemaNode      *parent,
                                             JsonNode           *json,
                                             const char         *keyword,
                                             const char         *token,
                                             GError            **error);
gboolean       _asc_schema_fail             (AscSchemaCompiler  *compiler,
                                             const char         *keyword,
                                             const char         *expectation,
                                             GError            **error);

/* asc-schema-keywords.c */
gboolean _asc_schema_parse_anchor    (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_any       (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_array     (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_dependencies (AscSchemaCompiler  *compiler,
                                        AscSchemaNode      *node,
                                        const char         *keyword,
                                        JsonNode           *value,
                                        GError            **error);
gboolean _asc_schema_parse_count     (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_flag      (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_list      (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_map       (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_nothing   (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_number    (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_pattern   (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_ref       (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_required  (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_schema    (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_string    (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);
gboolean _asc_schema_parse_type      (AscSchemaCompiler  *compiler,
                                      AscSchemaNode      *node,
                                      const char         *keyword,
                                      JsonNode           *value,
                                      GError            **error);

/* asc-schema-validate.c */
gboolean       _asc_schema_evaluate         (AscSchema          *self,
                                             AscSchemaNode      *node,
                                             JsonNode           *instance,
                                             const char         *instance_path,
                                             GPtrArray          *issues);
gboolean       _asc_schema_node_matches     (AscSchemaNode      *node,
                                             JsonNode           *instance);
gboolean       _asc_schema_evaluate_node    (AscSchemaEval      *eval,
                                             AscSchemaNode      *node,
                                             JsonNode           *instance);
gboolean       _asc_schema_report           (AscSchemaEval      *eval,
                                             const char         *keyword,
                                             const char         *token,
                                             char               *message);
gboolean       _asc_schema_descend          (AscSchemaEval      *eval,
                                             AscSchemaNode      *child,
                                             JsonNode           *instance,
                                             const char         *keyword,
                                             const char         *schema_token,
                                             const char         *instance_token);
gboolean       _asc_schema_descend_quietly  (AscSchemaEval      *eval,
                                             AscSchemaNode      *child,
                                             JsonNode           *instance,
                                             const char         *keyword,
                                             const char         *schema_token);

/* asc-schema-applicators.c */
gboolean _asc_schema_check_properties     (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_required       (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_property_count (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_items          (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_item_count     (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_unique_items   (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_contains       (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_property_names (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_dependencies   (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_all_of         (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_any_of         (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_one_of         (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_not            (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_conditional    (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);
gboolean _asc_schema_check_ref            (AscSchemaEval *eval,
                                           AscSchemaNode *node,
                                           JsonNode      *instance);

/* asc-schema-number.c */
int            _asc_schema_compare_numbers  (JsonNode           *a,
                                             JsonNode           *b);
gboolean       _asc_schema_is_multiple      (JsonNode           *number,
                                             JsonNode           *divisor);

/* asc-schema-text.c */
guint          _asc_schema_instance_type    (JsonNode           *instance);
gboolean       _asc_schema_is_integral      (JsonNode           *number);
char          *_asc_schema_format_number    (JsonNode           *number);
char          *_asc_schema_format_value     (JsonNode           *value);
const char    *_asc_schema_type_phrase      (guint               type);
char          *_asc_schema_count_message    (const char         *keyword,
                                             gint64              bound);

char *_asc_schema_ecma_to_pcre (const char *source);

G_END_DECLS
