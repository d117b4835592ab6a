/* asc-connection-item.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RivetKit's inspector tells of each connection an id and opaque details.
 * When the details are an object, its "params" and "state" members get
 * their own columns and the rest is shown as it came.
 */

#define G_LOG_DOMAIN "asc-connections"

#include "config.h"

#include "asc-connection-item.h"
#include "asc-json-text.h"

struct _AscConnectionItem
{
  GObject   parent_instance;

  char     *id;
  JsonNode *details;
  char     *params;
  char     *state;
  char     *other;
};

G_DEFINE_FINAL_TYPE (AscConnectionItem, asc_connection_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARAMS,
  PROP_STATE,
  PROP_OTHER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A cell shows one line; the detail pane shows the whole value. */
#define MAX_CELL_CHARS 1000

static char *
to_text (JsonNode *node)
{
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;

  if (node == NULL)
    return g_strdup ("");

  text = asc_json_to_text (node);
  if (g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return g_steal_pointer (&text);

  head = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  return g_strconcat (head, "…", NULL);
}

static gboolean
replace_text (char **field,
              char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;
  return TRUE;
}

/* The details without the members that have their own column. */
static JsonNode *
dup_other (JsonNode *details)
{
  g_autoptr(JsonObject) rest = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (details))
    return json_node_copy (details);

  rest = json_object_new ();
  json_object_iter_init (&iter, json_node_get_object (details));
  while (json_object_iter_next (&iter, &name, &member))
    if (g_strcmp0 (name, "params") != 0 && g_strcmp0 (name, "state") != 0)
      json_object_set_member (rest, name, json_node_copy (member));

  if (json_object_get_size (rest) == 0)
    return NULL;
  return json_node_init_object (json_node_alloc (), rest);
}

static JsonNode *
get_member (JsonNode   *details,
            const char *name)
{
  if (details == NULL || !JSON_NODE_HOLDS_OBJECT (details))
    return NULL;

  return json_object_get_member (json_node_get_object (details), name);
}

static void
asc_connection_item_finalize (GObject *object)
{
  AscConnectionItem *self = ASC_CONNECTION_ITEM (object);

  g_free (self->id);
  g_clear_pointer (&self->details, json_node_unref);
  g_free (self->params);
  g_free (self->state);
  g_free (self->other);

  G_OBJECT_CLASS (asc_connection_item_parent_class)->finalize (object);
}

static void
asc_connection_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AscConnectionItem *self = ASC_CONNECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PARAMS:
      g_value_set_string (value, self->params);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_OTHER:
      g_value_set_string (value, self->other);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_connection_item_class_init (AscConnectionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = asc_connection_item_finalize;
  object_class->get_property = asc_connection_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PARAMS] = g_param_spec_string ("params", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_OTHER] = g_param_spec_string ("other", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_connection_item_init (AscConnectionItem *self)
{
  self->params = g_strdup ("");
  self->state = g_strdup ("");
  self->other = g_strdup ("");
}

AscConnectionItem *
asc_connection_item_new (const char *id)
{
  AscConnectionItem *self = g_object_new (ASC_TYPE_CONNECTION_ITEM, NULL);

  self->id = g_strdup (id);
  return self;
}

const char *
asc_connection_item_get_id (AscConnectionItem *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTION_ITEM (self), NULL);

  return self->id;
}

/**
 * asc_connection_item_get_details:
 *
 * Returns: (transfer none) (nullable): the details as the inspector gave them
 */
JsonNode *
asc_connection_item_get_details (AscConnectionItem *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTION_ITEM (self), NULL);

  return self->details;
}

/**
 * asc_connection_item_set_details:
 * @details: (nullable): the connection's details; copied
 *
 * Sets the details, and the column texts made from them, notifying only
 * the texts that changed.
 */
void
asc_connection_item_set_details (AscConnectionItem *self,
                                 JsonNode          *details)
{
  g_autoptr(JsonNode) other = NULL;

  g_return_if_fail (ASC_IS_CONNECTION_ITEM (self));

  g_clear_pointer (&self->details, json_node_unref);
  self->details = details != NULL ? json_node_copy (details) : NULL;
  other = details != NULL ? dup_other (details) : NULL;

  if (replace_text (&self->params, to_text (get_member (details, "params"))))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAMS]);
  if (replace_text (&self->state, to_text (get_member (details, "state"))))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (replace_text (&self->other, to_text (other)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OTHER]);
}

/* Column texts: compact JSON, "" when absent. */
const char *
asc_connection_item_get_params (AscConnectionItem *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTION_ITEM (self), NULL);

  return self->params;
}

const char *
asc_connection_item_get_state (AscConnectionItem *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTION_ITEM (self), NULL);

  return self->state;
}

const char *
asc_connection_item_get_other (AscConnectionItem *self)
{
  g_return_val_if_fail (ASC_IS_CONNECTION_ITEM (self), NULL);

  return self->other;
}
