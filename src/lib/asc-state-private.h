/* asc-state-private.h: internals shared by the state store, its nodes and
 * its history entries
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-state-change.h"
#include "asc-state-node.h"

G_BEGIN_DECLS

/* Here rather than in asc-state-node.c so that asc-state-node-tree.c and
 * asc-state-node-sync.c can update the tree in place.
 */
struct _AscStateNode
{
  GObject parent_instance;

  char *key;
  char *value_text;
  GPtrArray *children;
  GHashTable *members;
  JsonNode *document;

  AscStateNode *parent;

  guint64 changed_serial;
  guint index;
  AscStateNodeKind kind;
};

typedef enum
{
  ASC_STATE_NODE_PROP_0,
  ASC_STATE_NODE_PROP_KEY,
  ASC_STATE_NODE_PROP_KIND,
  ASC_STATE_NODE_PROP_VALUE_TEXT,
  ASC_STATE_NODE_PROP_PATH,
  ASC_STATE_NODE_PROP_N_CHILDREN,
  ASC_STATE_NODE_PROP_CHANGED_SERIAL,
  ASC_STATE_NODE_PROP_VALUE,
  ASC_STATE_NODE_N_PROPS
} AscStateNodeProp;

AscStateChange   *_asc_state_change_new                 (AscStateChangeSource  source,
                                                         JsonNode             *patch,
                                                         const char * const   *paths,
                                                         JsonNode             *snapshot);

/* asc-state-node.c */
AscStateNode     *_asc_state_node_new_root              (void);
void              _asc_state_node_set_document          (AscStateNode         *root,
                                                         JsonNode             *document);
void              _asc_state_node_notify                (AscStateNode         *self,
                                                         AscStateNodeProp      prop);
void              _asc_state_node_notify_path           (AscStateNode         *self);
void              _asc_state_node_detach_all_children   (AscStateNode         *self);

/* asc-state-node-tree.c */
AscStateNodeKind  _asc_state_node_kind_for_json         (JsonNode             *value);
char             *_asc_state_node_scalar_text           (JsonNode             *value);
AscStateNode     *_asc_state_node_new                   (const char           *key,
                                                         JsonNode             *value,
                                                         guint64               serial);
AscStateNode     *_asc_state_node_clone                 (AscStateNode         *source,
                                                         guint64               serial);
void              _asc_state_node_set_value_silently    (AscStateNode         *self,
                                                         JsonNode             *value,
                                                         guint64               serial);
void              _asc_state_node_fill_array            (AscStateNode         *self,
                                                         JsonArray            *array,
                                                         guint                 from,
                                                         guint64               serial);
void              _asc_state_node_mark_changed          (AscStateNode         *self,
                                                         guint64               serial);
void              _asc_state_node_children_changed      (AscStateNode         *self,
                                                         guint                 position,
                                                         guint                 removed,
                                                         guint                 added);
AscStateNode     *_asc_state_node_lookup_child          (AscStateNode         *self,
                                                         const char           *token,
                                                         guint                *position);
void              _asc_state_node_attach_child          (AscStateNode         *self,
                                                         AscStateNode         *child,
                                                         guint                 position);
gboolean          _asc_state_node_insert_child          (AscStateNode         *self,
                                                         const char           *key,
                                                         AscStateNode         *child,
                                                         guint64               serial);
void              _asc_state_node_replace_child         (AscStateNode         *self,
                                                         guint                 position,
                                                         AscStateNode         *child,
                                                         guint64               serial);
AscStateNode     *_asc_state_node_take_child            (AscStateNode         *self,
                                                         guint                 position,
                                                         guint64               serial);

/* asc-state-node-sync.c */
void              _asc_state_node_sync                  (AscStateNode         *root,
                                                         JsonNode             *value,
                                                         guint64               serial);
gboolean          _asc_state_node_apply_operation       (AscStateNode         *root,
                                                         JsonObject           *operation,
                                                         guint64               serial);

G_END_DECLS
