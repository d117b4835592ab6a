/* asc-throttled-list.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-throttled-list"

#include "config.h"

#include "asc-throttled-list.h"

/* Mirrors a source model, but tells its views about changes at most once
 * per interval. A busy history or log changes hundreds of times a second;
 * a view that rebinds its rows that often never gets to draw. Bounded logs
 * change in one pattern — dropped at the head, appended at the tail — which
 * is passed on as two exact ranges; anything else as one replacement. */
struct _AscThrottledList
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *items;
  guint       interval_ms;
  guint       flush_source;
  guint       head_removed;
  guint       tail_added;
  gboolean    reshaped;
};

static void asc_throttled_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AscThrottledList, asc_throttled_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      asc_throttled_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (ASC_THROTTLED_LIST (model)->source);
}

static guint
get_n_items (GListModel *model)
{
  return ASC_THROTTLED_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  AscThrottledList *self = ASC_THROTTLED_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
asc_throttled_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
copy_range (AscThrottledList *self,
            guint             from,
            guint             count)
{
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (self->source, from + i));
}

static void
replace_all (AscThrottledList *self)
{
  guint removed = self->items->len;
  guint added = g_list_model_get_n_items (self->source);

  g_ptr_array_set_size (self->items, 0);
  copy_range (self, 0, added);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

static gboolean
flush_cb (gpointer user_data)
{
  AscThrottledList *self = user_data;

  self->flush_source = 0;
  asc_throttled_list_flush (self);
  return G_SOURCE_REMOVE;
}

static void
source_changed_cb (AscThrottledList *self,
                   guint             position,
                   guint             removed,
                   guint             added)
{
  guint n = g_list_model_get_n_items (self->source);

  if (position == 0 && added == 0)
    self->head_removed += removed;
  else if (removed == 0 && position + added == n)
    self->tail_added += added;
  else
    self->reshaped = TRUE;

  if (self->flush_source == 0)
    self->flush_source = g_timeout_add (self->interval_ms, flush_cb, self);
}

static void
asc_throttled_list_dispose (GObject *object)
{
  AscThrottledList *self = ASC_THROTTLED_LIST (object);

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (asc_throttled_list_parent_class)->dispose (object);
}

static void
asc_throttled_list_class_init (AscThrottledListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = asc_throttled_list_dispose;
}

static void
asc_throttled_list_init (AscThrottledList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * asc_throttled_list_new:
 * @source: the model to mirror; referenced
 * @interval_ms: the shortest time between two updates of the views
 *
 * Returns: (transfer full): the mirror, holding @source's items now
 */
AscThrottledList *
asc_throttled_list_new (GListModel *source,
                        guint       interval_ms)
{
  AscThrottledList *self = g_object_new (ASC_TYPE_THROTTLED_LIST, NULL);

  self->source = g_object_ref (source);
  self->interval_ms = MAX (interval_ms, 1);
  copy_range (self, 0, g_list_model_get_n_items (source));
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_changed_cb), self);

  return self;
}

GListModel *
asc_throttled_list_get_source (AscThrottledList *self)
{
  return self->source;
}

/**
 * asc_throttled_list_flush:
 *
 * Passes on what changed since the last update now.
 */
void
asc_throttled_list_flush (AscThrottledList *self)
{
  guint n = g_list_model_get_n_items (self->source);
  guint kept;

  g_clear_handle_id (&self->flush_source, g_source_remove);

  /* Entries appended and dropped again between two updates spoil the
   * simple pattern; so does anything but the ring's own. */
  if (self->reshaped || self->head_removed > self->items->len ||
      self->items->len - self->head_removed + self->tail_added != n)
    replace_all (self);
  else
    {
      if (self->head_removed > 0)
        {
          g_ptr_array_remove_range (self->items, 0, self->head_removed);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, self->head_removed, 0);
        }
      kept = self->items->len;
      if (self->tail_added > 0)
        {
          copy_range (self, kept, self->tail_added);
          g_list_model_items_changed (G_LIST_MODEL (self), kept, 0, self->tail_added);
        }
    }

  self->head_removed = 0;
  self->tail_added = 0;
  self->reshaped = FALSE;
}
