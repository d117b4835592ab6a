/* asc-state-node.h: one value of a mirrored state, as a tree model node
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscStateNodeKind:
 * @ASC_STATE_NODE_KIND_OBJECT: a JSON object; its children are the members
 * @ASC_STATE_NODE_KIND_ARRAY: a JSON array; its children are the items
 * @ASC_STATE_NODE_KIND_STRING: a JSON string
 * @ASC_STATE_NODE_KIND_NUMBER: a JSON number
 * @ASC_STATE_NODE_KIND_BOOLEAN: `true` or `false`
 * @ASC_STATE_NODE_KIND_NULL: `null`
 *
 * The JSON type of the value an #AscStateNode stands for.
 */
typedef enum
{
  ASC_STATE_NODE_KIND_OBJECT,
  ASC_STATE_NODE_KIND_ARRAY,
  ASC_STATE_NODE_KIND_STRING,
  ASC_STATE_NODE_KIND_NUMBER,
  ASC_STATE_NODE_KIND_BOOLEAN,
  ASC_STATE_NODE_KIND_NULL,
} AscStateNodeKind;

#define ASC_TYPE_STATE_NODE (asc_state_node_get_type ())

G_DECLARE_FINAL_TYPE (AscStateNode, asc_state_node, ASC, STATE_NODE, GObject)

const char       *asc_state_node_get_key             (AscStateNode *self);
AscStateNodeKind  asc_state_node_get_kind            (AscStateNode *self);
gboolean          asc_state_node_is_container        (AscStateNode *self);
const char       *asc_state_node_get_value_text      (AscStateNode *self);
char             *asc_state_node_dup_path            (AscStateNode *self);
guint             asc_state_node_get_n_children      (AscStateNode *self);
AscStateNode     *asc_state_node_get_child           (AscStateNode *self,
                                                      guint         position);
AscStateNode     *asc_state_node_lookup              (AscStateNode *self,
                                                      const char   *key);
AscStateNode     *asc_state_node_get_parent          (AscStateNode *self);
guint64           asc_state_node_get_changed_serial  (AscStateNode *self);
JsonNode         *asc_state_node_get_value           (AscStateNode *self);

G_END_DECLS
