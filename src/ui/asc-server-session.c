/* asc-server-session.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-session"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-server-session.h"

struct _AscServerSession
{
  GObject         parent_instance;

  AscClient      *client;
  AscCatalog     *catalog;
  AscSidebarItem *item;
  GHashTable     *types;       /* type name → AscSidebarItem */
  GHashTable     *cursors;     /* type name → next page's cursor (Rivet) */
  GCancellable   *cancellable;
  guint           refresh_interval;
  guint           refresh_source;
  guint           refreshes_pending;
};

/* Rivet actors fall asleep and wake without telling anyone who is not
 * connected: the first page of each type is listed again this often. */
#define DEFAULT_REFRESH_MS 10000

G_DEFINE_FINAL_TYPE (AscServerSession, asc_server_session, G_TYPE_OBJECT)

static const char *
status_icon (AscClientStatus status)
{
  switch (status)
    {
    case ASC_CLIENT_STATUS_CONNECTED:    return "network-wired-symbolic";
    case ASC_CLIENT_STATUS_CONNECTING:
    case ASC_CLIENT_STATUS_RECONNECTING: return "network-wired-acquiring-symbolic";
    case ASC_CLIENT_STATUS_DISCONNECTED:
    default:                             return "network-wired-disconnected-symbolic";
    }
}

static const char *
status_word (AscClientStatus status)
{
  switch (status)
    {
    case ASC_CLIENT_STATUS_CONNECTED:    return _("Connected");
    case ASC_CLIENT_STATUS_CONNECTING:   return _("Connecting…");
    case ASC_CLIENT_STATUS_RECONNECTING: return _("Reconnecting…");
    case ASC_CLIENT_STATUS_DISCONNECTED:
    default:                             return _("Not connected");
    }
}

static const char *
actor_icon (AscActorStatus status)
{
  switch (status)
    {
    case ASC_ACTOR_STATUS_SLEEPING:  return "weather-clear-night-symbolic";
    case ASC_ACTOR_STATUS_DESTROYED: return "user-trash-symbolic";
    case ASC_ACTOR_STATUS_AWAKE:     return "media-record-symbolic";
    case ASC_ACTOR_STATUS_UNKNOWN:
    default:                         return "system-run-symbolic";
    }
}

static const char *
actor_word (AscActorStatus status)
{
  switch (status)
    {
    case ASC_ACTOR_STATUS_SLEEPING:  return _("Sleeping");
    case ASC_ACTOR_STATUS_DESTROYED: return _("Destroyed");
    case ASC_ACTOR_STATUS_AWAKE:     return _("Awake");
    case ASC_ACTOR_STATUS_UNKNOWN:
    default:                         return _("Not watched yet");
    }
}

/**
 * asc_server_session_describe_status:
 *
 * Returns: (transfer full): the connection's state in a sentence, with the
 *   reason of the last failure when there is one
 */
char *
asc_server_session_describe_status (AscServerSession *self)
{
  AscClientStatus status = asc_client_get_status (self->client);
  const GError *error = asc_client_get_last_error (self->client);

  if (status != ASC_CLIENT_STATUS_CONNECTED && error != NULL)
    return g_strdup_printf ("%s — %s", status_word (status), error->message);

  return g_strdup (status_word (status));
}

static void
client_status_cb (AscServerSession *self)
{
  AscClientStatus status = asc_client_get_status (self->client);
  g_autofree char *description = asc_server_session_describe_status (self);

  asc_sidebar_item_set_icon_name (self->item, status_icon (status));
  asc_sidebar_item_set_status (self->item, description);
  asc_sidebar_item_set_subtitle (self->item, status_word (status));
}

static void
actor_status_cb (AscActor       *actor,
                 GParamSpec     *pspec,
                 AscSidebarItem *item)
{
  AscActorStatus status = asc_actor_get_status (actor);

  asc_sidebar_item_set_icon_name (item, actor_icon (status));
  asc_sidebar_item_set_status (item, actor_word (status));
}

static AscSidebarItem *
ensure_type_item (AscServerSession *self,
                  const char       *type_name)
{
  AscSidebarItem *item = g_hash_table_lookup (self->types, type_name);
  JsonObject *info;
  const char *title = NULL;

  if (item != NULL)
    return item;

  info = asc_server_session_get_type_info (self, type_name);
  if (info != NULL && json_object_has_member (info, "title"))
    title = json_object_get_string_member (info, "title");

  item = asc_sidebar_item_new (ASC_SIDEBAR_ITEM_TYPE, type_name);
  asc_sidebar_item_set_subtitle (item, title);
  asc_sidebar_item_set_icon_name (item, "applications-system-symbolic");
  asc_sidebar_item_set_type_name (item, type_name);
  asc_sidebar_item_set_session (item, self);
  g_hash_table_insert (self->types, g_strdup (type_name), item);
  g_list_store_append (asc_sidebar_item_get_children (self->item), item);

  return item;
}

static AscSidebarItem *
find_instance (AscSidebarItem *type_item,
               const char     *key)
{
  GListModel *children = G_LIST_MODEL (asc_sidebar_item_get_children (type_item));

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(AscSidebarItem) child = g_list_model_get_item (children, i);

      if (g_strcmp0 (asc_sidebar_item_get_title (child), key) == 0)
        return child;
    }

  return NULL;
}

/* Rivet subscribes to events by name: tell the actor the names the
 * catalog knows. */
static void
set_rivet_event_names (AscServerSession *self,
                       AscActor         *actor)
{
  JsonObject *info = asc_server_session_get_type_info (self, asc_actor_get_type_name (actor));
  g_autoptr(GList) names = NULL;
  g_autoptr(GPtrArray) strv = g_ptr_array_new ();

  if (!ASC_IS_RIVET_ACTOR (actor) || info == NULL || !json_object_has_member (info, "events"))
    return;

  names = json_object_get_members (json_object_get_object_member (info, "events"));
  for (GList *l = names; l != NULL; l = l->next)
    g_ptr_array_add (strv, l->data);
  g_ptr_array_add (strv, NULL);
  asc_rivet_actor_set_event_names (ASC_RIVET_ACTOR (actor), (const char * const *) strv->pdata);
}

/**
 * asc_server_session_open_instance:
 * @type_name: the actor type
 * @key: the instance key
 *
 * Finds or adds the sidebar row of one instance, under its type.
 *
 * Returns: (transfer none): the row
 */
AscSidebarItem *
asc_server_session_open_instance (AscServerSession *self,
                                  const char       *type_name,
                                  const char       *key)
{
  AscSidebarItem *type_item = ensure_type_item (self, type_name);
  AscSidebarItem *item = find_instance (type_item, key);
  AscActor *actor;

  if (item != NULL)
    return item;

  actor = asc_client_get_actor (self->client, type_name, key);
  set_rivet_event_names (self, actor);
  item = asc_sidebar_item_new (ASC_SIDEBAR_ITEM_INSTANCE, key);
  asc_sidebar_item_set_type_name (item, type_name);
  asc_sidebar_item_set_actor (item, actor);
  asc_sidebar_item_set_session (item, self);
  g_signal_connect_object (actor, "notify::status", G_CALLBACK (actor_status_cb), item, 0);
  actor_status_cb (actor, NULL, item);
  g_list_store_append (asc_sidebar_item_get_children (type_item), item);
  g_object_unref (item);

  return item;
}

static void
load_catalog (AscServerSession *self)
{
  g_auto(GStrv) types = NULL;

  if (self->catalog == NULL)
    return;

  types = asc_catalog_dup_type_names (self->catalog);
  for (guint i = 0; types[i] != NULL; i++)
    {
      JsonObject *info = asc_catalog_get_actor (self->catalog, types[i]);
      JsonArray *instances = NULL;

      ensure_type_item (self, types[i]);
      if (info != NULL && json_object_has_member (info, "instances"))
        instances = json_object_get_array_member (info, "instances");
      for (guint j = 0; instances != NULL && j < json_array_get_length (instances); j++)
        asc_server_session_open_instance (self, types[i],
                                          json_array_get_string_element (instances, j));
    }
}

static void
more_item_set_loading (AscSidebarItem *more,
                       gboolean        loading)
{
  asc_sidebar_item_set_title (more, loading ? _("Loading…") : _("Load More…"));
  asc_sidebar_item_set_icon_name (more, loading ? "content-loading-symbolic" : "view-more-symbolic");
}

static AscSidebarItem *
find_more_item (AscSidebarItem *type_item)
{
  GListModel *children = G_LIST_MODEL (asc_sidebar_item_get_children (type_item));
  guint n = g_list_model_get_n_items (children);
  g_autoptr(AscSidebarItem) last = n > 0 ? g_list_model_get_item (children, n - 1) : NULL;

  if (last != NULL && asc_sidebar_item_get_actor (last) == NULL &&
      asc_sidebar_item_get_kind (last) == ASC_SIDEBAR_ITEM_INSTANCE)
    return last;

  return NULL;
}

static void
add_rivet_instances (AscServerSession *self,
                     AscSidebarItem   *type_item,
                     GListModel       *infos)
{
  AscRivetClient *client = ASC_RIVET_CLIENT (self->client);

  for (guint i = 0; i < g_list_model_get_n_items (infos); i++)
    {
      g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (infos, i);
      AscActor *actor = asc_rivet_client_get_actor_for_info (client, info);

      asc_server_session_open_instance (self, asc_sidebar_item_get_type_name (type_item),
                                        asc_actor_get_key (actor));
    }
}

typedef struct
{
  AscServerSession *self;
  char             *type_name;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_object_unref (request->self);
  g_free (request->type_name);
  g_free (request);
}

static void
page_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PageRequest *request = user_data;
  AscServerSession *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GListModel) infos = NULL;
  AscSidebarItem *type_item, *more;

  infos = asc_rivet_client_list_actors_finish (ASC_RIVET_CLIENT (object), result, &cursor, &error);
  type_item = self->types != NULL ? g_hash_table_lookup (self->types, request->type_name) : NULL;
  if (type_item == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      page_request_free (request);
      return;
    }

  more = find_more_item (type_item);
  if (more != NULL)
    {
      guint position;

      if (g_list_store_find (asc_sidebar_item_get_children (type_item), more, &position))
        g_list_store_remove (asc_sidebar_item_get_children (type_item), position);
    }

  if (infos != NULL)
    add_rivet_instances (self, type_item, infos);
  else
    asc_sidebar_item_set_status (type_item, error->message);

  if (cursor != NULL && cursor[0] != '\0' && infos != NULL && g_list_model_get_n_items (infos) > 0)
    {
      g_autoptr(AscSidebarItem) next = asc_sidebar_item_new (ASC_SIDEBAR_ITEM_INSTANCE, NULL);

      g_hash_table_replace (self->cursors, g_strdup (request->type_name), g_steal_pointer (&cursor));
      asc_sidebar_item_set_type_name (next, request->type_name);
      asc_sidebar_item_set_session (next, self);
      more_item_set_loading (next, FALSE);
      g_list_store_append (asc_sidebar_item_get_children (type_item), next);
    }
  else
    g_hash_table_remove (self->cursors, request->type_name);

  page_request_free (request);
}

static void
load_rivet_page (AscServerSession *self,
                 const char       *type_name)
{
  PageRequest *request = g_new0 (PageRequest, 1);

  request->self = g_object_ref (self);
  request->type_name = g_strdup (type_name);
  asc_rivet_client_list_actors_async (ASC_RIVET_CLIENT (self->client), type_name,
                                      g_hash_table_lookup (self->cursors, type_name),
                                      self->cancellable, page_loaded_cb, request);
}

static void
types_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AscServerSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = asc_rivet_client_list_types_finish (ASC_RIVET_CLIENT (object), result, &error);

  if (types == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->item != NULL)
        asc_sidebar_item_set_status (self->item, error->message);
      return;
    }

  for (guint i = 0; types[i] != NULL; i++)
    {
      ensure_type_item (self, types[i]);
      load_rivet_page (self, types[i]);
    }
}

/**
 * asc_server_session_load_more:
 * @more: a "Load More…" row of this session
 *
 * Rivet lists instances page by page; this asks for the next page of
 * @more's type. Other rows are left alone.
 */
void
asc_server_session_load_more (AscServerSession *self,
                              AscSidebarItem   *more)
{
  const char *type_name = asc_sidebar_item_get_type_name (more);

  if (asc_sidebar_item_get_actor (more) != NULL || !ASC_IS_RIVET_CLIENT (self->client) ||
      type_name == NULL || !g_hash_table_contains (self->cursors, type_name))
    return;

  more_item_set_loading (more, TRUE);
  load_rivet_page (self, type_name);
}

typedef struct
{
  AscServerSession *self;
  char             *type_name;
} RefreshRequest;

static void
refresh_request_free (RefreshRequest *request)
{
  g_object_unref (request->self);
  g_free (request->type_name);
  g_free (request);
}

/* Known rows take the listed status; new actors are added unless more
 * pages wait behind "Load More…", where they would land out of order. */
static void
refresh_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RefreshRequest *request = user_data;
  AscServerSession *self = request->self;
  g_autoptr(GListModel) infos = NULL;
  AscSidebarItem *type_item;

  self->refreshes_pending--;
  infos = asc_rivet_client_list_actors_finish (ASC_RIVET_CLIENT (object), result, NULL, NULL);
  type_item = self->types != NULL ? g_hash_table_lookup (self->types, request->type_name) : NULL;

  for (guint i = 0; infos != NULL && type_item != NULL && i < g_list_model_get_n_items (infos); i++)
    {
      g_autoptr(AscRivetActorInfo) info = g_list_model_get_item (infos, i);
      AscActor *actor = asc_rivet_client_get_actor_for_info (ASC_RIVET_CLIENT (self->client), info);

      if (find_instance (type_item, asc_actor_get_key (actor)) == NULL &&
          find_more_item (type_item) == NULL)
        asc_server_session_open_instance (self, request->type_name, asc_actor_get_key (actor));
    }

  refresh_request_free (request);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AscServerSession *self = user_data;
  GHashTableIter iter;
  const char *type_name;

  /* A slow engine gets no second round before it answered the first. */
  if (self->refreshes_pending > 0 ||
      asc_client_get_status (self->client) != ASC_CLIENT_STATUS_CONNECTED)
    return G_SOURCE_CONTINUE;

  g_hash_table_iter_init (&iter, self->types);
  while (g_hash_table_iter_next (&iter, (gpointer *) &type_name, NULL))
    {
      RefreshRequest *request = g_new0 (RefreshRequest, 1);

      request->self = g_object_ref (self);
      request->type_name = g_strdup (type_name);
      self->refreshes_pending++;
      asc_rivet_client_list_actors_async (ASC_RIVET_CLIENT (self->client), type_name, NULL,
                                          self->cancellable, refresh_loaded_cb, request);
    }

  return G_SOURCE_CONTINUE;
}

static void
start_refresh (AscServerSession *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (ASC_IS_RIVET_CLIENT (self->client) && self->refresh_interval > 0)
    self->refresh_source = g_timeout_add (self->refresh_interval, refresh_cb, self);
}

/**
 * asc_server_session_set_refresh_interval:
 * @interval_ms: how often to list the actors again; 0 for never
 *
 * Rivet only: how often the first page of each type is listed again, so
 * that actors falling asleep or created elsewhere show up.
 */
void
asc_server_session_set_refresh_interval (AscServerSession *self,
                                         guint             interval_ms)
{
  g_return_if_fail (ASC_IS_SERVER_SESSION (self));

  self->refresh_interval = interval_ms;
  start_refresh (self);
}

/* Rivet's engine says which types and instances exist, so ask it; the
 * catalog, if any, adds titles and methods. */
static void
load_server_listing (AscServerSession *self)
{
  if (ASC_IS_RIVET_CLIENT (self->client))
    asc_rivet_client_list_types_async (ASC_RIVET_CLIENT (self->client), self->cancellable,
                                       types_loaded_cb, g_object_ref (self));
}

static void
asc_server_session_dispose (GObject *object)
{
  AscServerSession *self = ASC_SERVER_SESSION (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cursors, g_hash_table_unref);

  if (self->client != NULL)
    asc_client_close (self->client);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (asc_server_session_parent_class)->dispose (object);
}

static void
asc_server_session_class_init (AscServerSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = asc_server_session_dispose;
}

static void
asc_server_session_init (AscServerSession *self)
{
  self->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  self->refresh_interval = DEFAULT_REFRESH_MS;
}

/**
 * asc_server_session_new:
 * @client: the connection; referenced
 * @catalog: (nullable): what is known of the server's actors; referenced
 * @label: the server's name in the sidebar
 *
 * Returns: (transfer full): a session whose sidebar row lists the actor
 *   types and instances the catalog names
 */
AscServerSession *
asc_server_session_new (AscClient  *client,
                        AscCatalog *catalog,
                        const char *label)
{
  AscServerSession *self = g_object_new (ASC_TYPE_SERVER_SESSION, NULL);

  self->client = g_object_ref (client);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  self->item = asc_sidebar_item_new (ASC_SIDEBAR_ITEM_SERVER, label);
  asc_sidebar_item_set_session (self->item, self);
  g_signal_connect_object (client, "notify::status", G_CALLBACK (client_status_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "notify::last-error", G_CALLBACK (client_status_cb),
                           self, G_CONNECT_SWAPPED);
  client_status_cb (self);
  load_catalog (self);
  load_server_listing (self);
  start_refresh (self);

  return self;
}

AscClient *
asc_server_session_get_client (AscServerSession *self)
{
  return self->client;
}

AscCatalog *
asc_server_session_get_catalog (AscServerSession *self)
{
  return self->catalog;
}

AscSidebarItem *
asc_server_session_get_item (AscServerSession *self)
{
  return self->item;
}

/**
 * asc_server_session_get_type_info:
 *
 * Returns: (transfer none) (nullable): the catalog's entry for @type_name
 */
JsonObject *
asc_server_session_get_type_info (AscServerSession *self,
                                  const char       *type_name)
{
  if (self->catalog == NULL)
    return NULL;

  return asc_catalog_get_actor (self->catalog, type_name);
}
