/* asc-state-change.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-change"

#include "config.h"

#include "asc-state-change.h"

#include "asc-enums.h"
#include "asc-state-private.h"

/**
 * AscStateChange:
 *
 * One entry of the history of an #AscStateStore: when the mirror changed,
 * where the change came from, the operations that were applied (in strict
 * RFC 6902 form, every path exact) and the JSON pointers they touched.
 *
 * Entries never change once created.
 */
struct _AscStateChange
{
  GObject parent_instance;

  JsonNode *patch;
  JsonNode *snapshot;
  char **paths;
  gint64 time;
  AscStateChangeSource source;
};

G_DEFINE_FINAL_TYPE (AscStateChange, asc_state_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME,
  PROP_SOURCE,
  PROP_PATCH,
  PROP_SNAPSHOT,
  PROP_PATHS,
  PROP_N_OPERATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
asc_state_change_finalize (GObject *object)
{
  AscStateChange *self = (AscStateChange *)object;

  g_clear_pointer (&self->patch, json_node_unref);
  g_clear_pointer (&self->snapshot, json_node_unref);
  g_clear_pointer (&self->paths, g_strfreev);

  G_OBJECT_CLASS (asc_state_change_parent_class)->finalize (object);
}

static void
asc_state_change_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AscStateChange *self = ASC_STATE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;

    case PROP_PATCH:
      g_value_set_boxed (value, self->patch);
      break;

    case PROP_SNAPSHOT:
      g_value_set_boxed (value, self->snapshot);
      break;

    case PROP_PATHS:
      g_value_set_boxed (value, self->paths);
      break;

    case PROP_N_OPERATIONS:
      g_value_set_uint (value, asc_state_change_get_n_operations (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_change_class_init (AscStateChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = asc_state_change_finalize;
  object_class->get_property = asc_state_change_get_property;

  /**
   * AscStateChange:time:
   *
   * When the change was applied, in microseconds since the epoch.
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateChange:source:
   *
   * Where the change came from.
   */
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL,
                       ASC_TYPE_STATE_CHANGE_SOURCE,
                       ASC_STATE_CHANGE_SOURCE_PATCH,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateChange:patch:
   *
   * The operations as applied, a JSON array in strict RFC 6902 form. For a
   * snapshot it holds the difference from the previous mirror.
   */
  properties[PROP_PATCH] =
    g_param_spec_boxed ("patch", NULL, NULL,
                        JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateChange:snapshot:
   *
   * The whole document of a %ASC_STATE_CHANGE_SOURCE_SNAPSHOT entry, %NULL
   * for the other sources.
   */
  properties[PROP_SNAPSHOT] =
    g_param_spec_boxed ("snapshot", NULL, NULL,
                        JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateChange:paths:
   *
   * The JSON pointers the change touched, without duplicates, in the order
   * of the operations.
   */
  properties[PROP_PATHS] =
    g_param_spec_boxed ("paths", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateChange:n-operations:
   *
   * The number of operations in #AscStateChange:patch.
   */
  properties[PROP_N_OPERATIONS] =
    g_param_spec_uint ("n-operations", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_state_change_init (AscStateChange *self)
{
}

/*
 * _asc_state_change_new:
 * @source: where the change came from
 * @patch: the normalized operations, a JSON array
 * @paths: the touched JSON pointers
 * @snapshot: (nullable): the whole document, for a snapshot
 *
 * Takes references on @patch and @snapshot and copies @paths. The time is
 * the current wall-clock time.
 *
 * Returns: (transfer full): a new entry
 */
AscStateChange *
_asc_state_change_new (AscStateChangeSource  source,
                       JsonNode             *patch,
                       const char * const   *paths,
                       JsonNode             *snapshot)
{
  AscStateChange *self;

  g_assert (patch != NULL && JSON_NODE_HOLDS_ARRAY (patch));
  g_assert (paths != NULL);

  self = g_object_new (ASC_TYPE_STATE_CHANGE, NULL);
  self->time = g_get_real_time ();
  self->source = source;
  self->patch = json_node_ref (patch);
  self->snapshot = snapshot != NULL ? json_node_ref (snapshot) : NULL;
  self->paths = g_strdupv ((char **)paths);

  return self;
}

/**
 * asc_state_change_get_time:
 * @self: an #AscStateChange
 *
 * Returns: when the change was applied, in microseconds since the epoch
 */
gint64
asc_state_change_get_time (AscStateChange *self)
{
  g_return_val_if_fail (ASC_IS_STATE_CHANGE (self), 0);

  return self->time;
}

/**
 * asc_state_change_get_source:
 * @self: an #AscStateChange
 *
 * Returns: where the change came from
 */
AscStateChangeSource
asc_state_change_get_source (AscStateChange *self)
{
  g_return_val_if_fail (ASC_IS_STATE_CHANGE (self), ASC_STATE_CHANGE_SOURCE_PATCH);

  return self->source;
}

/**
 * asc_state_change_get_patch:
 * @self: an #AscStateChange
 *
 * The operations as they were applied: a JSON array in strict RFC 6902
 * form where every path is exact. For a snapshot this is the difference
 * from the mirror it replaced. Do not modify it.
 *
 * Returns: (transfer none): the operations
 */
JsonNode *
asc_state_change_get_patch (AscStateChange *self)
{
  g_return_val_if_fail (ASC_IS_STATE_CHANGE (self), NULL);

  return self->patch;
}

/**
 * asc_state_change_get_snapshot:
 * @self: an #AscStateChange
 *
 * The whole document of a %ASC_STATE_CHANGE_SOURCE_SNAPSHOT entry. Do not
 * modify it.
 *
 * Returns: (transfer none) (nullable): the snapshot, or %NULL when the entry
 *   is not a snapshot
 */
JsonNode *
asc_state_change_get_snapshot (AscStateChange *self)
{
  g_return_val_if_fail (ASC_IS_STATE_CHANGE (self), NULL);

  return self->snapshot;
}

/**
 * asc_state_change_get_paths:
 * @self: an #AscStateChange
 *
 * The JSON pointers the change touched, without duplicates, in the order of
 * the operations. A snapshot that replaced everything has the one path "".
 *
 * Returns: (transfer none) (array zero-terminated=1): the paths
 */
const char * const *
asc_state_change_get_paths (AscStateChange *self)
{
  g_return_val_if_fail (ASC_IS_STATE_CHANGE (self), NULL);

  return (const char * const *)self->paths;
}

/**
 * asc_state_change_get_n_operations:
 * @self: an #AscStateChange
 *
 * Returns: the number of operations in the patch
 */
guint
asc_state_change_get_n_operations (AscStateChange *self)
{
  g_return_val_if_fail (ASC_IS_STATE_CHANGE (self), 0);

  return json_array_get_length (json_node_get_array (self->patch));
}
