/* asc-rivet-engine-server.c: what the engine says about itself: health,
 * version, actor types
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "asc-error.h"
#include "asc-rivet-private.h"

#define NAMES_PAGE_SIZE 100
/* A misbehaving cursor must not make listing types loop for ever. */
#define NAMES_MAX_PAGES 100

/**
 * asc_rivet_engine_inspector_protocol_version:
 * @version: a RivetKit version, such as `2.3.19`
 *
 * Returns: the inspector protocol version to ask a server of @version
 *   for: 6 from 2.3.4 on, 5 for 2.3.3, 4 from 2.1.6, 3 from 2.0.42, else
 *   2; 0 when @version cannot be read
 */
guint
asc_rivet_engine_inspector_protocol_version (const char *version)
{
  guint major, minor, patch;
  guint64 packed;

  g_return_val_if_fail (version != NULL, 0);

  if (sscanf (version, "%u.%u.%u", &major, &minor, &patch) != 3 ||
      minor > 0xffff || patch > 0xffff)
    return 0;

  packed = ((guint64) major << 32) | (minor << 16) | patch;
#define VERSION(a, b, c) (((guint64) (a) << 32) | ((b) << 16) | (c))
  if (packed >= VERSION (2, 3, 4))
    return 6;
  if (packed == VERSION (2, 3, 3))
    return 5;
  if (packed >= VERSION (2, 1, 6))
    return 4;
  if (packed >= VERSION (2, 0, 42))
    return 3;
#undef VERSION

  return 2;
}

static void
object_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!JSON_NODE_HOLDS_OBJECT (root))
    g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_PROTOCOL,
                             _("The Rivet engine answered with something other than an object"));
  else
    g_task_return_pointer (task, json_object_ref (json_node_get_object (root)),
                           (GDestroyNotify) json_object_unref);
}

static void
get_object_async (AscRivetEngine      *self,
                  const char          *path,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) message = NULL;

  g_task_set_source_tag (task, source_tag);
  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, path, NULL, NULL);
  _asc_rivet_engine_send_async (self, message, cancellable, object_done_cb,
                                g_steal_pointer (&task));
}

/**
 * asc_rivet_engine_get_health_async:
 *
 * Asks `/health`: `{"runtime":"engine","status":"ok","version":…}`.
 */
void
asc_rivet_engine_get_health_async (AscRivetEngine      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));

  get_object_async (self, "/health", asc_rivet_engine_get_health_async,
                    cancellable, callback, user_data);
}

/**
 * asc_rivet_engine_get_health_finish:
 *
 * Returns: (transfer full): the answer
 */
JsonObject *
asc_rivet_engine_get_health_finish (AscRivetEngine  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * asc_rivet_engine_get_metadata_async:
 *
 * Asks `/metadata`: `{"runtime":"engine","version":…}` and build details.
 */
void
asc_rivet_engine_get_metadata_async (AscRivetEngine      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));

  get_object_async (self, "/metadata", asc_rivet_engine_get_metadata_async,
                    cancellable, callback, user_data);
}

/**
 * asc_rivet_engine_get_metadata_finish:
 *
 * Returns: (transfer full): the answer
 */
JsonObject *
asc_rivet_engine_get_metadata_finish (AscRivetEngine  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GPtrArray *names;
  char      *cursor;
  guint      pages;
} NamesData;

static void
names_data_free (NamesData *data)
{
  g_ptr_array_unref (data->names);
  g_free (data->cursor);
  g_free (data);
}

static void request_names_page (GTask *task);

/* Returns how many names were new. */
static guint
add_names (NamesData  *data,
           JsonObject *names)
{
  g_autoptr(GList) members = json_object_get_members (names);
  guint added = 0;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_ptr_array_find_with_equal_func (data->names, l->data, g_str_equal, NULL))
        continue;
      g_ptr_array_add (data->names, g_strdup (l->data));
      added++;
    }

  return added;
}

static const char *
pagination_cursor (JsonObject *root)
{
  JsonNode *pagination = json_object_get_member (root, "pagination");

  if (pagination == NULL || !JSON_NODE_HOLDS_OBJECT (pagination))
    return NULL;

  return _asc_rivet_json_get_string (json_node_get_object (pagination), "cursor");
}

static void
names_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NamesData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *page;
  const char *cursor;

  root = _asc_rivet_engine_send_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (page == NULL || !json_object_has_member (page, "names") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (page, "names")))
    {
      g_task_return_new_error (task, ASC_ERROR, ASC_ERROR_PROTOCOL,
                               _("The Rivet engine’s list of actor types has no “names”"));
      return;
    }

  cursor = pagination_cursor (page);
  if (add_names (data, json_object_get_object_member (page, "names")) > 0 &&
      cursor != NULL && g_strcmp0 (cursor, data->cursor) != 0 &&
      ++data->pages < NAMES_MAX_PAGES)
    {
      g_free (data->cursor);
      data->cursor = g_strdup (cursor);
      request_names_page (g_steal_pointer (&task));
      return;
    }

  g_ptr_array_add (data->names, NULL);
  g_task_return_pointer (task, g_ptr_array_steal (data->names, NULL), (GDestroyNotify) g_strfreev);
}

static void
request_names_page (GTask *task)
{
  AscRivetEngine *self = g_task_get_source_object (task);
  NamesData *data = g_task_get_task_data (task);
  g_autoptr(GString) query = _asc_rivet_engine_new_query (self);
  g_autoptr(SoupMessage) message = NULL;
  char limit[16];

  g_snprintf (limit, sizeof limit, "%u", NAMES_PAGE_SIZE);
  _asc_rivet_query_add (query, "limit", limit);
  if (data->cursor != NULL)
    _asc_rivet_query_add (query, "cursor", data->cursor);

  message = _asc_rivet_engine_new_message (self, SOUP_METHOD_GET, "/actors/names", query, NULL);
  _asc_rivet_engine_send_async (self, message, g_task_get_cancellable (task),
                                names_page_cb, task);
}

/**
 * asc_rivet_engine_list_names_async:
 *
 * Lists the actor types of the namespace, following every page.
 */
void
asc_rivet_engine_list_names_async (AscRivetEngine      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  NamesData *data;

  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, asc_rivet_engine_list_names_async);
  data = g_new0 (NamesData, 1);
  data->names = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, data, (GDestroyNotify) names_data_free);
  request_names_page (task);
}

/**
 * asc_rivet_engine_list_names_finish:
 *
 * Returns: (transfer full) (array zero-terminated=1): the actor types, in
 *   the engine's order
 */
char **
asc_rivet_engine_list_names_finish (AscRivetEngine  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
