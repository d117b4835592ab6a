/* asc-event-log.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-event-log"

#include "config.h"

#include "asc-event-log.h"

#define DEFAULT_CAPACITY 10000

/* Views are told of new entries at most this often: a busy actor sends
 * thousands of events a second, and a log read by a person needs no more
 * than ten updates a second. */
#define FLUSH_INTERVAL_MS 100

/* A ring buffer: the oldest entry is at @head, and position i of the model is
 * slot (head + i) % capacity, so appending to a full log is O(1). Entries
 * are captured at once into @pending and enter the model in batches. */
struct _AscEventLog
{
  GObject    parent_instance;

  AscEvent **slots;
  GPtrArray *pending;
  guint      capacity;
  guint      head;
  guint      length;
  guint      flush_source;
  guint64    n_dropped;
  guint64    n_appended;
};

static void asc_event_log_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AscEventLog, asc_event_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      asc_event_log_list_model_init))

enum {
  PROP_0,
  PROP_CAPACITY,
  PROP_N_ITEMS,
  PROP_N_DROPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AscEvent **
slot_at (AscEventLog *self,
         guint        position)
{
  return &self->slots[(self->head + position) % self->capacity];
}

static GType
asc_event_log_get_item_type (GListModel *model)
{
  return ASC_TYPE_EVENT;
}

static guint
asc_event_log_get_n_items (GListModel *model)
{
  return ASC_EVENT_LOG (model)->length;
}

static gpointer
asc_event_log_get_item (GListModel *model,
                        guint       position)
{
  AscEventLog *self = ASC_EVENT_LOG (model);

  if (position >= self->length)
    return NULL;

  return g_object_ref (*slot_at (self, position));
}

static void
asc_event_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = asc_event_log_get_item_type;
  iface->get_n_items = asc_event_log_get_n_items;
  iface->get_item = asc_event_log_get_item;
}

/* Drops the @count oldest entries, telling the model's views. */
static void
drop_oldest (AscEventLog *self,
             guint        count)
{
  g_assert (count <= self->length);

  if (count == 0)
    return;

  for (guint i = 0; i < count; i++)
    g_clear_object (slot_at (self, i));
  self->head = (self->head + count) % self->capacity;
  self->length -= count;
  self->n_dropped += count;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, count, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DROPPED]);
}

static void
asc_event_log_finalize (GObject *object)
{
  AscEventLog *self = ASC_EVENT_LOG (object);

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_ptr_array_unref (self->pending);

  for (guint i = 0; i < self->length; i++)
    g_clear_object (slot_at (self, i));
  g_free (self->slots);

  G_OBJECT_CLASS (asc_event_log_parent_class)->finalize (object);
}

static void
asc_event_log_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AscEventLog *self = ASC_EVENT_LOG (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->length);
      break;
    case PROP_N_DROPPED:
      g_value_set_uint64 (value, self->n_dropped);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_event_log_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AscEventLog *self = ASC_EVENT_LOG (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      asc_event_log_set_capacity (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_event_log_class_init (AscEventLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = asc_event_log_finalize;
  object_class->get_property = asc_event_log_get_property;
  object_class->set_property = asc_event_log_set_property;

  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL, 1, G_MAXINT32, DEFAULT_CAPACITY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DROPPED] =
    g_param_spec_uint64 ("n-dropped", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_event_log_init (AscEventLog *self)
{
  self->capacity = DEFAULT_CAPACITY;
  self->slots = g_new0 (AscEvent *, self->capacity);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * asc_event_log_new:
 * @capacity: the most entries kept; older ones are dropped
 *
 * Returns: (transfer full): an empty log
 */
AscEventLog *
asc_event_log_new (guint capacity)
{
  g_return_val_if_fail (capacity > 0, NULL);

  return g_object_new (ASC_TYPE_EVENT_LOG, "capacity", capacity, NULL);
}

static gboolean
flush_cb (gpointer user_data)
{
  AscEventLog *self = user_data;

  self->flush_source = 0;
  asc_event_log_flush (self);
  return G_SOURCE_REMOVE;
}

/**
 * asc_event_log_append:
 * @event: the entry; referenced
 *
 * Captures @event at once. Views see it with the next batch, at most
 * 100 ms later (or at asc_event_log_flush()): a full log then drops its
 * oldest entries, emitting items-changed (0, dropped, 0), and emits one
 * items-changed for everything appended.
 */
void
asc_event_log_append (AscEventLog *self,
                      AscEvent    *event)
{
  g_return_if_fail (ASC_IS_EVENT_LOG (self));
  g_return_if_fail (ASC_IS_EVENT (event));

  /* Never hold more than a full log's worth waiting. */
  if (self->pending->len == self->capacity)
    {
      g_ptr_array_remove_index (self->pending, 0);
      self->n_dropped++;
    }

  g_ptr_array_add (self->pending, g_object_ref (event));
  self->n_appended++;

  if (self->flush_source == 0)
    self->flush_source = g_timeout_add (FLUSH_INTERVAL_MS, flush_cb, self);
}

/**
 * asc_event_log_flush:
 *
 * Moves the captured entries into the model now.
 */
void
asc_event_log_flush (AscEventLog *self)
{
  guint incoming, overflow, start;

  g_return_if_fail (ASC_IS_EVENT_LOG (self));

  g_clear_handle_id (&self->flush_source, g_source_remove);
  incoming = self->pending->len;
  if (incoming == 0)
    return;

  overflow = self->length + incoming > self->capacity ? self->length + incoming - self->capacity : 0;
  drop_oldest (self, MIN (overflow, self->length));

  start = self->length;
  for (guint i = 0; i < incoming; i++)
    *slot_at (self, self->length++) = g_object_ref (g_ptr_array_index (self->pending, i));
  g_ptr_array_set_size (self->pending, 0);

  g_list_model_items_changed (G_LIST_MODEL (self), start, 0, incoming);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
asc_event_log_clear (AscEventLog *self)
{
  guint removed;

  g_return_if_fail (ASC_IS_EVENT_LOG (self));

  g_ptr_array_set_size (self->pending, 0);
  if (self->length == 0)
    return;

  removed = self->length;
  for (guint i = 0; i < self->length; i++)
    g_clear_object (slot_at (self, i));
  self->head = 0;
  self->length = 0;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
asc_event_log_get_capacity (AscEventLog *self)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG (self), 0);

  return self->capacity;
}

/**
 * asc_event_log_set_capacity:
 * @capacity: the most entries kept, at least 1
 *
 * Shrinking drops the oldest entries first, in one items-changed.
 */
void
asc_event_log_set_capacity (AscEventLog *self,
                            guint        capacity)
{
  AscEvent **slots;

  g_return_if_fail (ASC_IS_EVENT_LOG (self));
  g_return_if_fail (capacity > 0);

  if (capacity == self->capacity)
    return;

  asc_event_log_flush (self);
  if (self->length > capacity)
    drop_oldest (self, self->length - capacity);

  slots = g_new0 (AscEvent *, capacity);
  for (guint i = 0; i < self->length; i++)
    slots[i] = *slot_at (self, i);
  g_free (self->slots);
  self->slots = slots;
  self->capacity = capacity;
  self->head = 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

/**
 * asc_event_log_get_n_dropped:
 *
 * Returns: how many entries were dropped to stay within the capacity
 */
guint64
asc_event_log_get_n_dropped (AscEventLog *self)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG (self), 0);

  return self->n_dropped;
}

/**
 * asc_event_log_get_n_appended:
 *
 * Returns: how many entries were ever appended
 */
guint64
asc_event_log_get_n_appended (AscEventLog *self)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG (self), 0);

  return self->n_appended;
}

/**
 * asc_event_log_write_json_lines:
 * @stream: where to write
 *
 * Writes every entry, oldest first, as JSON Lines (see
 * asc_event_to_json_line()). Synchronous: call it from a thread or on a
 * memory stream.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_event_log_write_json_lines (AscEventLog   *self,
                                GOutputStream *stream,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  asc_event_log_flush (self);
  for (guint i = 0; i < self->length; i++)
    {
      g_autofree char *line = asc_event_to_json_line (*slot_at (self, i));
      g_autofree char *text = g_strconcat (line, "\n", NULL);

      if (!g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
