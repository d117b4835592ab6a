/* asc-schema-issue.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-schema"

#include "config.h"

#include "asc-schema-issue.h"

/**
 * AscSchemaIssue:
 *
 * One reason why a value does not match its schema: where in the value
 * (#AscSchemaIssue:instance-path, a JSON pointer such as `/moves/0/x`),
 * which keyword of the schema failed and where it sits in the schema, and
 * a message for a person, such as “must be at least 1”.
 *
 * Issues never change once created.
 */
struct _AscSchemaIssue
{
  GObject parent_instance;

  char *instance_path;
  char *schema_path;
  char *keyword;
  char *message;
};

G_DEFINE_FINAL_TYPE (AscSchemaIssue, asc_schema_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INSTANCE_PATH,
  PROP_SCHEMA_PATH,
  PROP_KEYWORD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
asc_schema_issue_finalize (GObject *object)
{
  AscSchemaIssue *self = (AscSchemaIssue *)object;

  g_clear_pointer (&self->instance_path, g_free);
  g_clear_pointer (&self->schema_path, g_free);
  g_clear_pointer (&self->keyword, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (asc_schema_issue_parent_class)->finalize (object);
}

static void
asc_schema_issue_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AscSchemaIssue *self = ASC_SCHEMA_ISSUE (object);

  switch (prop_id)
    {
    case PROP_INSTANCE_PATH:
      g_value_set_string (value, self->instance_path);
      break;
    case PROP_SCHEMA_PATH:
      g_value_set_string (value, self->schema_path);
      break;
    case PROP_KEYWORD:
      g_value_set_string (value, self->keyword);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_schema_issue_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AscSchemaIssue *self = ASC_SCHEMA_ISSUE (object);

  switch (prop_id)
    {
    case PROP_INSTANCE_PATH:
      self->instance_path = g_value_dup_string (value);
      break;
    case PROP_SCHEMA_PATH:
      self->schema_path = g_value_dup_string (value);
      break;
    case PROP_KEYWORD:
      self->keyword = g_value_dup_string (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_schema_issue_class_init (AscSchemaIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                      G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = asc_schema_issue_finalize;
  object_class->get_property = asc_schema_issue_get_property;
  object_class->set_property = asc_schema_issue_set_property;

  properties[PROP_INSTANCE_PATH] =
    g_param_spec_string ("instance-path", NULL, NULL, "", flags);
  properties[PROP_SCHEMA_PATH] =
    g_param_spec_string ("schema-path", NULL, NULL, "", flags);
  properties[PROP_KEYWORD] =
    g_param_spec_string ("keyword", NULL, NULL, "", flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_schema_issue_init (AscSchemaIssue *self)
{
}

/**
 * asc_schema_issue_new:
 * @instance_path: a JSON pointer into the value, `""` for the whole value
 * @schema_path: a JSON pointer to the failing keyword in the schema
 * @keyword: the failing keyword, such as `minimum`
 * @message: what was expected, for a person
 *
 * Returns: (transfer full): a new #AscSchemaIssue
 */
AscSchemaIssue *
asc_schema_issue_new (const char *instance_path,
                      const char *schema_path,
                      const char *keyword,
                      const char *message)
{
  g_return_val_if_fail (instance_path != NULL, NULL);
  g_return_val_if_fail (schema_path != NULL, NULL);
  g_return_val_if_fail (keyword != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (ASC_TYPE_SCHEMA_ISSUE,
                       "instance-path", instance_path,
                       "schema-path", schema_path,
                       "keyword", keyword,
                       "message", message,
                       NULL);
}

/**
 * asc_schema_issue_get_instance_path:
 * @self: an #AscSchemaIssue
 *
 * Returns: (transfer none): the JSON pointer (RFC 6901) of the offending
 *   part of the value; `""` is the whole value
 */
const char *
asc_schema_issue_get_instance_path (AscSchemaIssue *self)
{
  g_return_val_if_fail (ASC_IS_SCHEMA_ISSUE (self), NULL);

  return self->instance_path;
}

/**
 * asc_schema_issue_get_schema_path:
 * @self: an #AscSchemaIssue
 *
 * The path of the failing keyword, through the keywords that led to it
 * (a followed reference shows as `$ref`), such as
 * `/properties/moves/items/properties/x/minimum`.
 *
 * Returns: (transfer none): a JSON pointer
 */
const char *
asc_schema_issue_get_schema_path (AscSchemaIssue *self)
{
  g_return_val_if_fail (ASC_IS_SCHEMA_ISSUE (self), NULL);

  return self->schema_path;
}

/**
 * asc_schema_issue_get_keyword:
 * @self: an #AscSchemaIssue
 *
 * Returns: (transfer none): the failing keyword, such as `required`
 */
const char *
asc_schema_issue_get_keyword (AscSchemaIssue *self)
{
  g_return_val_if_fail (ASC_IS_SCHEMA_ISSUE (self), NULL);

  return self->keyword;
}

/**
 * asc_schema_issue_get_message:
 * @self: an #AscSchemaIssue
 *
 * Returns: (transfer none): what was expected, written for a person, such
 *   as “must be at least 1” or “is required”
 */
const char *
asc_schema_issue_get_message (AscSchemaIssue *self)
{
  g_return_val_if_fail (ASC_IS_SCHEMA_ISSUE (self), NULL);

  return self->message;
}
