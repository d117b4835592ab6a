/* asc-state-store.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-state-store.h"

#include "asc-error.h"
#include "asc-json-diff.h"
#include "asc-json-patch.h"
#include "asc-state-change.h"
#include "asc-state-private.h"

#define DEFAULT_CAPACITY 500

/**
 * AscStateStore:
 *
 * The local mirror of one actor's state. The owner feeds it a snapshot
 * with asc_state_store_reset(), then patches with asc_state_store_apply(),
 * or whole states with asc_state_store_update() for servers that only send
 * snapshots.
 *
 * Each change updates the #AscStateNode tree under #AscStateStore:root in
 * place, emits #AscStateStore::changed with the JSON pointers it touched and
 * appends an #AscStateChange to the bounded history. Any entry of the history
 * can be turned back into the document it produced, with
 * asc_state_store_dup_document_at().
 *
 * A patch that does not apply means the mirror no longer matches the server:
 * the store then turns #AscStateStore:out-of-sync on, emits
 * #AscStateStore::out-of-sync and refuses patches until the next snapshot.
 */
struct _AscStateStore
{
  GObject parent_instance;

  JsonNode *document;
  /* The document before the oldest history entry; may be NULL when that
   * entry is a snapshot, since time travel then starts from the entry.
   */
  JsonNode *base;
  AscStateNode *root;
  GListStore *history;

  guint64 serial;
  guint capacity;
  guint lenient : 1;
  guint out_of_sync : 1;
};

G_DEFINE_FINAL_TYPE (AscStateStore, asc_state_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ROOT,
  PROP_HISTORY,
  PROP_LENIENT,
  PROP_OUT_OF_SYNC,
  PROP_CAPACITY,
  N_PROPS
};

enum {
  RESET,
  CHANGED,
  OUT_OF_SYNC,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Returns: (transfer none) (nullable) */
static AscStateChange *
history_get (AscStateStore *self,
             guint          position)
{
  AscStateChange *change = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  /* The history keeps its own reference */
  if (change != NULL)
    g_object_unref (change);

  return change;
}

static gboolean
history_is_snapshot (AscStateStore *self,
                     guint          position)
{
  AscStateChange *change = history_get (self, position);

  return change != NULL &&
         asc_state_change_get_source (change) == ASC_STATE_CHANGE_SOURCE_SNAPSHOT;
}

/* What the history keeps must never change. Sealed nodes are shared, and
 * patches copy on write where they touch them.
 */
static JsonNode *
dup_sealed (JsonNode *node)
{
  JsonNode *copy = asc_json_copy (node);

  json_node_seal (copy);

  return copy;
}

static void
add_path (GHashTable   *seen,
          GStrvBuilder *paths,
          const char   *path)
{
  if (path != NULL && g_hash_table_add (seen, (gpointer)path))
    g_strv_builder_add (paths, path);
}

/* The pointers @operations touch: every path, and the source of a move.
 * A test touches nothing.
 */
static char **
touched_paths (JsonNode *operations)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  JsonArray *array = json_node_get_array (operations);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *operation = json_array_get_object_element (array, i);
      const char *op = json_object_get_string_member_with_default (operation, "op", "");
      const char *path = json_object_get_string_member_with_default (operation, "path", NULL);
      const char *from = json_object_get_string_member_with_default (operation, "from", NULL);

      if (g_str_equal (op, "test"))
        continue;
      add_path (seen, paths, path);
      if (g_str_equal (op, "move"))
        add_path (seen, paths, from);
    }

  return g_strv_builder_end (paths);
}

/* Brings the node tree along, one operation at a time. Should the tree
 * ever disagree with an operation, it is synced with the whole document.
 */
static void
update_nodes (AscStateStore *self,
              JsonNode      *operations)
{
  JsonArray *array = json_node_get_array (operations);

  _asc_state_node_set_document (self->root, self->document);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *operation = json_array_get_object_element (array, i);

      if (!_asc_state_node_apply_operation (self->root, operation, self->serial))
        {
          g_debug ("Operation %u does not match the node tree, syncing it whole", i);
          _asc_state_node_sync (self->root, self->document, self->serial);
          return;
        }
    }
}

/* Moves the entry at @position, the oldest not folded yet, into the base
 * document.
 */
static void
fold_entry (AscStateStore *self,
            guint          position)
{
  AscStateChange *change = history_get (self, position);
  g_autoptr(GError) error = NULL;

  if (asc_state_change_get_source (change) == ASC_STATE_CHANGE_SOURCE_SNAPSHOT)
    {
      g_clear_pointer (&self->base, json_node_unref);
      self->base = asc_json_copy (asc_state_change_get_snapshot (change));
    }
  else if (self->base == NULL ||
           !asc_json_patch_apply (&self->base, asc_state_change_get_patch (change), &error))
    g_warning ("History entry does not replay: %s",
               error != NULL ? error->message : "no base document");
}

/* Drops the oldest entries until at most @limit remain, with one
 * items-changed.
 */
static void
trim_history (AscStateStore *self,
              guint          limit)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  guint n_dropped;

  if (n_items <= limit)
    return;

  n_dropped = n_items - limit;

  /* Time travel starts from a snapshot that becomes the oldest entry */
  if (n_dropped < n_items && history_is_snapshot (self, n_dropped))
    g_clear_pointer (&self->base, json_node_unref);
  else
    for (guint i = 0; i < n_dropped; i++)
      fold_entry (self, i);

  g_list_store_splice (self->history, 0, n_dropped, NULL, 0);
}

static void
record_change (AscStateStore        *self,
               AscStateChangeSource  source,
               JsonNode             *operations,
               const char * const   *paths,
               JsonNode             *snapshot)
{
  g_autoptr(AscStateChange) change = _asc_state_change_new (source, operations, paths, snapshot);

  trim_history (self, self->capacity - 1);
  g_list_store_append (self->history, change);
}

static void
set_out_of_sync (AscStateStore *self,
                 gboolean       out_of_sync)
{
  if (self->out_of_sync == !!out_of_sync)
    return;

  self->out_of_sync = !!out_of_sync;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUT_OF_SYNC]);
}

static void
emit_changed (AscStateStore      *self,
              const char * const *paths)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (paths[0] != NULL)
    g_signal_emit (self, signals[CHANGED], 0, paths);
}

static gboolean
apply_patch (AscStateStore         *self,
             JsonNode              *patch,
             AscJsonPatchFlags      flags,
             AscStateChangeSource   source,
             GError               **error)
{
  /* The normalized operations share their values with the patch applied,
   * so that patch is a private copy the history can seal.
   */
  g_autoptr(JsonNode) copy = asc_json_copy (patch);
  g_autoptr(JsonNode) normalized = NULL;
  g_auto(GStrv) paths = NULL;

  if (!asc_json_patch_apply_full (&self->document, copy, flags, &normalized, error))
    return FALSE;

  paths = touched_paths (normalized);
  if (paths[0] == NULL)
    return TRUE;

  self->serial++;
  update_nodes (self, normalized);
  json_node_seal (normalized);
  record_change (self, source, normalized, (const char * const *)paths, NULL);
  emit_changed (self, (const char * const *)paths);

  return TRUE;
}

/* The operations that turn the current document into @snapshot, as applied,
 * or NULL when they do not apply. The current document is consumed.
 */
static JsonNode *
diff_to (AscStateStore *self,
         JsonNode      *snapshot)
{
  g_autoptr(JsonNode) diff = asc_json_diff (self->document, snapshot);
  g_autoptr(JsonNode) normalized = NULL;
  g_autoptr(GError) error = NULL;

  if (!asc_json_patch_apply_full (&self->document, diff, ASC_JSON_PATCH_FLAGS_NONE,
                                  &normalized, &error))
    {
      g_warning ("The difference to the snapshot does not apply: %s", error->message);
      return NULL;
    }

  return g_steal_pointer (&normalized);
}

static JsonNode *
replace_all_operations (JsonNode *snapshot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "replace");
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "value");
  json_builder_add_value (builder, json_node_ref (snapshot));
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
asc_state_store_dispose (GObject *object)
{
  AscStateStore *self = (AscStateStore *)object;

  g_clear_object (&self->root);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (asc_state_store_parent_class)->dispose (object);
}

static void
asc_state_store_finalize (GObject *object)
{
  AscStateStore *self = (AscStateStore *)object;

  g_clear_pointer (&self->document, json_node_unref);
  g_clear_pointer (&self->base, json_node_unref);

  G_OBJECT_CLASS (asc_state_store_parent_class)->finalize (object);
}

static void
asc_state_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AscStateStore *self = ASC_STATE_STORE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_boxed (value, self->document);
      break;

    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_LENIENT:
      g_value_set_boolean (value, self->lenient);
      break;

    case PROP_OUT_OF_SYNC:
      g_value_set_boolean (value, self->out_of_sync);
      break;

    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_store_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AscStateStore *self = ASC_STATE_STORE (object);

  switch (prop_id)
    {
    case PROP_LENIENT:
      asc_state_store_set_lenient (self, g_value_get_boolean (value));
      break;

    case PROP_CAPACITY:
      asc_state_store_set_capacity (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_store_class_init (AscStateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = asc_state_store_dispose;
  object_class->finalize = asc_state_store_finalize;
  object_class->get_property = asc_state_store_get_property;
  object_class->set_property = asc_state_store_set_property;

  /**
   * AscStateStore:document:
   *
   * The mirrored state, %NULL until the first snapshot. Notified on every
   * change.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_boxed ("document", NULL, NULL,
                        JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateStore:root:
   *
   * The root of the node tree. It stays the same object for the lifetime of
   * the store.
   */
  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL,
                         ASC_TYPE_STATE_NODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateStore:history:
   *
   * The #GListModel of #AscStateChange entries, oldest first.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateStore:lenient:
   *
   * Whether patches are applied with %ASC_JSON_PATCH_LENIENT, as a Zocket
   * server needs.
   */
  properties[PROP_LENIENT] =
    g_param_spec_boolean ("lenient", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateStore:out-of-sync:
   *
   * Whether a patch failed to apply since the last snapshot, so that the
   * mirror must be fetched again.
   */
  properties[PROP_OUT_OF_SYNC] =
    g_param_spec_boolean ("out-of-sync", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AscStateStore:capacity:
   *
   * How many entries the history keeps; the oldest go first.
   */
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL,
                       1, G_MAXUINT, DEFAULT_CAPACITY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AscStateStore::reset:
   * @self: an #AscStateStore
   *
   * A snapshot replaced the mirror. #AscStateStore::changed follows when
   * anything differs.
   */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * AscStateStore::changed:
   * @self: an #AscStateStore
   * @paths: (array zero-terminated=1): the JSON pointers the change touched,
   *   without duplicates, in the order of the operations; "" when a
   *   snapshot replaced everything
   *
   * Emitted once per change, after the node tree and the history are up to
   * date.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AscStateStore::out-of-sync:
   * @self: an #AscStateStore
   * @error: why the patch did not apply
   *
   * A patch did not apply: the owner should ask the server for a fresh
   * snapshot. Emitted once until the next snapshot.
   */
  signals[OUT_OF_SYNC] =
    g_signal_new ("out-of-sync",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
asc_state_store_init (AscStateStore *self)
{
  self->capacity = DEFAULT_CAPACITY;
  self->root = _asc_state_node_new_root ();
  self->history = g_list_store_new (ASC_TYPE_STATE_CHANGE);
}

/**
 * asc_state_store_new:
 *
 * Creates an empty store; it mirrors nothing until the first snapshot.
 *
 * Returns: (transfer full): a new #AscStateStore
 */
AscStateStore *
asc_state_store_new (void)
{
  return g_object_new (ASC_TYPE_STATE_STORE, NULL);
}

/**
 * asc_state_store_reset:
 * @self: an #AscStateStore
 * @snapshot: the whole state
 *
 * Replaces the mirror with @snapshot and clears #AscStateStore:out-of-sync.
 * The node tree is updated in place with the difference from the previous
 * mirror, so a snapshot that arrives after a resync only touches the values
 * that differ. The history records a %ASC_STATE_CHANGE_SOURCE_SNAPSHOT entry
 * that keeps @snapshot.
 *
 * @snapshot is referenced when it is immutable and copied otherwise.
 */
void
asc_state_store_reset (AscStateStore *self,
                       JsonNode      *snapshot)
{
  g_autoptr(JsonNode) kept = NULL;
  g_autoptr(JsonNode) operations = NULL;
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (ASC_IS_STATE_STORE (self));
  g_return_if_fail (snapshot != NULL);

  kept = dup_sealed (snapshot);
  if (self->document != NULL)
    operations = diff_to (self, kept);

  self->serial++;
  g_clear_pointer (&self->document, json_node_unref);
  self->document = asc_json_copy (kept);

  if (operations != NULL)
    {
      update_nodes (self, operations);
      paths = touched_paths (operations);
    }
  else
    {
      operations = replace_all_operations (kept);
      _asc_state_node_set_document (self->root, self->document);
      _asc_state_node_sync (self->root, self->document, self->serial);
      paths = g_strdupv ((char *[]) { (char *)"", NULL });
    }

  json_node_seal (operations);
  record_change (self, ASC_STATE_CHANGE_SOURCE_SNAPSHOT, operations,
                 (const char * const *)paths, kept);
  set_out_of_sync (self, FALSE);
  g_signal_emit (self, signals[RESET], 0);
  emit_changed (self, (const char * const *)paths);
}

/**
 * asc_state_store_apply:
 * @self: an #AscStateStore
 * @patch: a JSON patch: an array of RFC 6902 operations
 * @error: return location for a #GError
 *
 * Applies @patch as one atomic change, in lenient mode when
 * #AscStateStore:lenient is set. Only the nodes the operations name are
 * updated.
 *
 * A patch that does not apply leaves the mirror as it was, turns
 * #AscStateStore:out-of-sync on and emits #AscStateStore::out-of-sync with
 * the same error as @error. Until the next snapshot, and before the first
 * one, patches are refused with %ASC_ERROR_OUT_OF_SYNC and nothing else
 * happens: the server's next snapshot already contains their changes.
 *
 * Returns: %TRUE if @patch was applied
 */
gboolean
asc_state_store_apply (AscStateStore  *self,
                       JsonNode       *patch,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  AscJsonPatchFlags flags;

  g_return_val_if_fail (ASC_IS_STATE_STORE (self), FALSE);
  g_return_val_if_fail (patch != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->document == NULL || self->out_of_sync)
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_OUT_OF_SYNC,
                           self->document == NULL
                             ? _("No snapshot of the state has arrived yet")
                             : _("The state mirror is out of sync; waiting for a fresh snapshot"));
      return FALSE;
    }

  flags = self->lenient ? ASC_JSON_PATCH_LENIENT : ASC_JSON_PATCH_FLAGS_NONE;
  if (apply_patch (self, patch, flags, ASC_STATE_CHANGE_SOURCE_PATCH, &local_error))
    return TRUE;

  set_out_of_sync (self, TRUE);
  g_signal_emit (self, signals[OUT_OF_SYNC], 0, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/**
 * asc_state_store_update:
 * @self: an #AscStateStore
 * @snapshot: the whole state
 *
 * For servers that push whole states: applies the difference between the
 * mirror and @snapshot as a %ASC_STATE_CHANGE_SOURCE_DIFF change. Nothing
 * happens when they are equal. Before the first snapshot and while out of
 * sync, this is asc_state_store_reset().
 */
void
asc_state_store_update (AscStateStore *self,
                        JsonNode      *snapshot)
{
  g_autoptr(JsonNode) diff = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ASC_IS_STATE_STORE (self));
  g_return_if_fail (snapshot != NULL);

  if (self->document == NULL || self->out_of_sync)
    {
      asc_state_store_reset (self, snapshot);
      return;
    }

  diff = asc_json_diff (self->document, snapshot);
  if (json_array_get_length (json_node_get_array (diff)) == 0)
    return;

  if (!apply_patch (self, diff, ASC_JSON_PATCH_FLAGS_NONE, ASC_STATE_CHANGE_SOURCE_DIFF, &error))
    {
      g_warning ("The difference to the new state does not apply: %s", error->message);
      asc_state_store_reset (self, snapshot);
    }
}

/**
 * asc_state_store_get_document:
 * @self: an #AscStateStore
 *
 * The mirrored state. It is the live document, changed by the next patch:
 * copy what you keep.
 *
 * Returns: (transfer none) (nullable): the document, or %NULL before the
 *   first snapshot
 */
JsonNode *
asc_state_store_get_document (AscStateStore *self)
{
  g_return_val_if_fail (ASC_IS_STATE_STORE (self), NULL);

  return self->document;
}

/**
 * asc_state_store_dup_document_at:
 * @self: an #AscStateStore
 * @position: a position in #AscStateStore:history
 *
 * Rebuilds the document as it was right after the history entry at
 * @position, from the nearest earlier snapshot (or the state the oldest
 * entry started from) and the operations recorded since. Nothing is asked
 * of the server.
 *
 * The result may share sealed (immutable) parts with the history: read it,
 * or patch it with asc_json_patch_apply(), which copies on write.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when
 *   @position is out of range
 */
JsonNode *
asc_state_store_dup_document_at (AscStateStore *self,
                                 guint          position)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  guint start = position;

  g_return_val_if_fail (ASC_IS_STATE_STORE (self), NULL);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->history)))
    return NULL;

  while (start > 0 && !history_is_snapshot (self, start))
    start--;

  if (history_is_snapshot (self, start))
    {
      document = asc_json_copy (asc_state_change_get_snapshot (history_get (self, start)));
      start++;
    }
  else if (self->base != NULL)
    document = asc_json_copy (self->base);
  else
    g_return_val_if_reached (NULL);

  for (guint i = start; i <= position; i++)
    {
      JsonNode *patch = asc_state_change_get_patch (history_get (self, i));

      if (!asc_json_patch_apply (&document, patch, &error))
        {
          g_warning ("History entry %u does not replay: %s", i, error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&document);
}

/**
 * asc_state_store_get_root:
 * @self: an #AscStateStore
 *
 * The root of the node tree, the same object for the lifetime of the
 * store. Before the first snapshot it stands for `null`.
 *
 * Returns: (transfer none): the root node
 */
AscStateNode *
asc_state_store_get_root (AscStateStore *self)
{
  g_return_val_if_fail (ASC_IS_STATE_STORE (self), NULL);

  return self->root;
}

/**
 * asc_state_store_get_history:
 * @self: an #AscStateStore
 *
 * The changes, oldest first, at most #AscStateStore:capacity of them.
 *
 * Returns: (transfer none): a #GListModel of #AscStateChange
 */
GListModel *
asc_state_store_get_history (AscStateStore *self)
{
  g_return_val_if_fail (ASC_IS_STATE_STORE (self), NULL);

  return G_LIST_MODEL (self->history);
}

/**
 * asc_state_store_get_out_of_sync:
 * @self: an #AscStateStore
 *
 * Returns: %TRUE if a patch failed since the last snapshot
 */
gboolean
asc_state_store_get_out_of_sync (AscStateStore *self)
{
  g_return_val_if_fail (ASC_IS_STATE_STORE (self), FALSE);

  return self->out_of_sync;
}

/**
 * asc_state_store_get_lenient:
 * @self: an #AscStateStore
 *
 * Returns: %TRUE if patches are applied in lenient mode
 */
gboolean
asc_state_store_get_lenient (AscStateStore *self)
{
  g_return_val_if_fail (ASC_IS_STATE_STORE (self), FALSE);

  return self->lenient;
}

/**
 * asc_state_store_set_lenient:
 * @self: an #AscStateStore
 * @lenient: whether to apply patches in lenient mode
 *
 * Sets #AscStateStore:lenient.
 */
void
asc_state_store_set_lenient (AscStateStore *self,
                             gboolean       lenient)
{
  g_return_if_fail (ASC_IS_STATE_STORE (self));

  if (self->lenient == !!lenient)
    return;

  self->lenient = !!lenient;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENIENT]);
}

/**
 * asc_state_store_get_capacity:
 * @self: an #AscStateStore
 *
 * Returns: how many entries the history keeps
 */
guint
asc_state_store_get_capacity (AscStateStore *self)
{
  g_return_val_if_fail (ASC_IS_STATE_STORE (self), 0);

  return self->capacity;
}

/**
 * asc_state_store_set_capacity:
 * @self: an #AscStateStore
 * @capacity: how many entries the history keeps, at least 1
 *
 * Sets #AscStateStore:capacity. A smaller capacity drops the oldest entries
 * at once, with one #GListModel::items-changed.
 */
void
asc_state_store_set_capacity (AscStateStore *self,
                              guint          capacity)
{
  g_return_if_fail (ASC_IS_STATE_STORE (self));
  g_return_if_fail (capacity >= 1);

  if (self->capacity == capacity)
    return;

  self->capacity = capacity;
  trim_history (self, capacity);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}
