/* asc-rivet-actor-info.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-enums.h"
#include "asc-error.h"
#include "asc-rivet-actor-info.h"
#include "asc-rivet-values.h"
#include "asc-json-text.h"

struct _AscRivetActorInfo
{
  GObject         parent_instance;

  JsonObject     *json;
  char           *id;
  char           *name;
  char           *key;
  gint64          create_time;
  AscActorStatus  status;
};

G_DEFINE_FINAL_TYPE (AscRivetActorInfo, asc_rivet_actor_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KEY,
  PROP_STATUS,
  PROP_CREATE_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_timestamp (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

/* The engine reports no status, only when things happened. */
static AscActorStatus
status_from_timestamps (JsonObject *object)
{
  if (has_timestamp (object, "destroy_ts"))
    return ASC_ACTOR_STATUS_DESTROYED;
  if (has_timestamp (object, "sleep_ts"))
    return ASC_ACTOR_STATUS_SLEEPING;
  if (has_timestamp (object, "connectable_ts"))
    return ASC_ACTOR_STATUS_AWAKE;

  return ASC_ACTOR_STATUS_UNKNOWN;
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
asc_rivet_actor_info_finalize (GObject *object)
{
  AscRivetActorInfo *self = ASC_RIVET_ACTOR_INFO (object);

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (asc_rivet_actor_info_parent_class)->finalize (object);
}

static void
asc_rivet_actor_info_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AscRivetActorInfo *self = ASC_RIVET_ACTOR_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CREATE_TIME:
      g_value_set_int64 (value, self->create_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_actor_info_class_init (AscRivetActorInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = asc_rivet_actor_info_finalize;
  object_class->get_property = asc_rivet_actor_info_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASC_TYPE_ACTOR_STATUS,
                                               ASC_ACTOR_STATUS_UNKNOWN, flags);
  properties[PROP_CREATE_TIME] = g_param_spec_int64 ("create-time", NULL, NULL,
                                                     0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_rivet_actor_info_init (AscRivetActorInfo *self)
{
}

/**
 * asc_rivet_actor_info_new_from_json:
 * @object: an actor object from the engine's `/actors` API
 *
 * Returns: (transfer full) (nullable): the info, or %NULL with @error set
 *   when @object has no `actor_id` or `name`
 */
AscRivetActorInfo *
asc_rivet_actor_info_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  AscRivetActorInfo *self;
  const char *id;
  const char *name;
  JsonNode *created;

  g_return_val_if_fail (object != NULL, NULL);

  id = get_string_member (object, "actor_id");
  name = get_string_member (object, "name");
  if (id == NULL || name == NULL)
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The Rivet engine listed an actor without an id or a name"));
      return NULL;
    }

  self = g_object_new (ASC_TYPE_RIVET_ACTOR_INFO, NULL);
  self->json = json_object_ref (object);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  /* A missing key is the key with no parts. */
  self->key = g_strdup (get_string_member (object, "key") ?: "/");
  self->status = status_from_timestamps (object);
  created = json_object_get_member (object, "create_ts");
  if (created != NULL && JSON_NODE_HOLDS_VALUE (created))
    self->create_time = (gint64) json_node_get_double (created);

  return self;
}

const char *
asc_rivet_actor_info_get_id (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), NULL);

  return self->id;
}

/**
 * asc_rivet_actor_info_get_name:
 *
 * Returns: the actor type
 */
const char *
asc_rivet_actor_info_get_name (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), NULL);

  return self->name;
}

/**
 * asc_rivet_actor_info_get_key:
 *
 * Returns: the key as the engine stores it (see asc_rivet_key_serialize());
 *   the same string addresses the actor in asc_client_get_actor()
 */
const char *
asc_rivet_actor_info_get_key (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), NULL);

  return self->key;
}

/**
 * asc_rivet_actor_info_dup_key_parts:
 *
 * Returns: (transfer full) (array zero-terminated=1): the key's parts
 */
char **
asc_rivet_actor_info_dup_key_parts (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), NULL);

  return asc_rivet_key_deserialize (self->key);
}

/**
 * asc_rivet_actor_info_get_status:
 *
 * Returns: the status when listed: destroyed, else sleeping, else awake
 *   once it could take connections, else unknown (still starting)
 */
AscActorStatus
asc_rivet_actor_info_get_status (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), ASC_ACTOR_STATUS_UNKNOWN);

  return self->status;
}

/**
 * asc_rivet_actor_info_get_create_time:
 *
 * Returns: when the actor was created, in milliseconds since 1970
 */
gint64
asc_rivet_actor_info_get_create_time (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), 0);

  return self->create_time;
}

/**
 * asc_rivet_actor_info_get_json:
 *
 * Returns: (transfer none): the engine's whole object, with fields such as
 *   `datacenter` and every timestamp
 */
JsonObject *
asc_rivet_actor_info_get_json (AscRivetActorInfo *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), NULL);

  return self->json;
}

static const char *
status_name (AscActorStatus status)
{
  switch (status)
    {
    case ASC_ACTOR_STATUS_AWAKE:
      return "awake";
    case ASC_ACTOR_STATUS_SLEEPING:
      return "sleeping";
    case ASC_ACTOR_STATUS_DESTROYED:
      return "destroyed";
    case ASC_ACTOR_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

/**
 * asc_rivet_actor_info_to_json_line:
 *
 * Returns: (transfer full): `{"id":…,"key":…,"status":…}` on one line,
 *   status being `awake`, `sleeping`, `destroyed` or `unknown`
 */
char *
asc_rivet_actor_info_to_json_line (AscRivetActorInfo *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ASC_IS_RIVET_ACTOR_INFO (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, self->key);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status_name (self->status));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return asc_json_to_text (root);
}
