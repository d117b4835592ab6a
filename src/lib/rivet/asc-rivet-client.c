/* asc-rivet-client.c: a Rivet engine as an AscClient
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-actor-private.h"
#include "asc-client-private.h"
#include "asc-error.h"
#include "asc-rivet-private.h"

#define DEFAULT_PAGE_SIZE 100
#define BACKOFF_FIRST_MS 250
#define BACKOFF_MAX_MS 5000

/* The engine speaks plain HTTP: "connected" means its health check
 * answered, and open() keeps checking until it does. */
struct _AscRivetClient
{
  AscClient       parent_instance;

  AscRivetEngine *engine;
  GCancellable   *check_cancellable;
  guint           retry_source;
  guint           failed_checks;
  guint           page_size;
  gboolean        wanted_open;
};

G_DEFINE_FINAL_TYPE (AscRivetClient, asc_rivet_client, ASC_TYPE_CLIENT)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_NAMESPACE,
  PROP_PAGE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void check_health (AscRivetClient *self);

static gboolean
retry_cb (gpointer user_data)
{
  AscRivetClient *self = user_data;

  self->retry_source = 0;
  check_health (self);
  return G_SOURCE_REMOVE;
}

static void
health_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AscRivetClient) self = user_data;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(GError) error = NULL;
  guint delay;

  health = asc_rivet_engine_get_health_finish (ASC_RIVET_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->check_cancellable);
  if (health != NULL)
    {
      self->failed_checks = 0;
      _asc_client_set_last_error (ASC_CLIENT (self), NULL);
      _asc_client_set_status (ASC_CLIENT (self), ASC_CLIENT_STATUS_CONNECTED);
      return;
    }

  _asc_client_set_last_error (ASC_CLIENT (self), error);
  _asc_client_set_status (ASC_CLIENT (self), ASC_CLIENT_STATUS_RECONNECTING);
  delay = MIN (BACKOFF_FIRST_MS << MIN (self->failed_checks, 5), BACKOFF_MAX_MS);
  self->failed_checks++;
  self->retry_source = g_timeout_add (delay, retry_cb, self);
}

static void
check_health (AscRivetClient *self)
{
  if (self->check_cancellable != NULL)
    return;

  if (asc_client_get_status (ASC_CLIENT (self)) == ASC_CLIENT_STATUS_DISCONNECTED)
    _asc_client_set_status (ASC_CLIENT (self), ASC_CLIENT_STATUS_CONNECTING);
  self->check_cancellable = g_cancellable_new ();
  asc_rivet_engine_get_health_async (self->engine, self->check_cancellable,
                                     health_cb, g_object_ref (self));
}

static void
asc_rivet_client_open (AscClient *client)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (client);

  if (self->wanted_open)
    return;

  self->wanted_open = TRUE;
  check_health (self);
}

static void
asc_rivet_client_close (AscClient *client)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (client);

  self->wanted_open = FALSE;
  self->failed_checks = 0;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  _asc_client_set_status (client, ASC_CLIENT_STATUS_DISCONNECTED);
}

static AscActor *
asc_rivet_client_create_actor (AscClient  *client,
                               const char *type_name,
                               const char *key)
{
  return g_object_new (ASC_TYPE_RIVET_ACTOR,
                       "type-name", type_name,
                       "key", key,
                       "client", client,
                       NULL);
}

static void
asc_rivet_client_constructed (GObject *object)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (object);

  G_OBJECT_CLASS (asc_rivet_client_parent_class)->constructed (object);

  self->engine = asc_rivet_engine_new (asc_client_get_uri (ASC_CLIENT (self)));
  g_object_bind_property (self, "token", self->engine, "token", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "call-timeout", self->engine, "timeout", G_BINDING_SYNC_CREATE);
}

static void
asc_rivet_client_dispose (GObject *object)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (object);

  asc_rivet_client_close (ASC_CLIENT (self));

  G_OBJECT_CLASS (asc_rivet_client_parent_class)->dispose (object);
}

static void
asc_rivet_client_finalize (GObject *object)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (object);

  g_clear_object (&self->engine);

  G_OBJECT_CLASS (asc_rivet_client_parent_class)->finalize (object);
}

static void
asc_rivet_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_NAMESPACE:
      g_value_set_string (value, asc_rivet_client_get_namespace (self));
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AscRivetClient *self = ASC_RIVET_CLIENT (object);

  switch (prop_id)
    {
    case PROP_NAMESPACE:
      asc_rivet_client_set_namespace (self, g_value_get_string (value));
      break;
    case PROP_PAGE_SIZE:
      asc_rivet_client_set_page_size (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_client_class_init (AscRivetClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AscClientClass *client_class = ASC_CLIENT_CLASS (klass);
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = asc_rivet_client_constructed;
  object_class->dispose = asc_rivet_client_dispose;
  object_class->finalize = asc_rivet_client_finalize;
  object_class->get_property = asc_rivet_client_get_property;
  object_class->set_property = asc_rivet_client_set_property;

  client_class->open = asc_rivet_client_open;
  client_class->close = asc_rivet_client_close;
  client_class->create_actor = asc_rivet_client_create_actor;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, ASC_TYPE_RIVET_ENGINE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAMESPACE] =
    g_param_spec_string ("namespace", NULL, NULL, ASC_RIVET_DEFAULT_NAMESPACE, read_write);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 10000, DEFAULT_PAGE_SIZE, read_write);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_rivet_client_init (AscRivetClient *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

/**
 * asc_rivet_client_new:
 * @uri: the engine's address, `http://` or `https://`, such as
 *   `http://127.0.0.1:6420`
 *
 * Returns: (transfer full) (nullable): a client, or %NULL with @error set
 *   when @uri is not an HTTP address
 */
AscRivetClient *
asc_rivet_client_new (const char  *uri,
                      GError     **error)
{
  g_return_val_if_fail (uri != NULL, NULL);

  if (!_asc_client_check_scheme (uri, "http", "https", _("A Rivet engine"), error))
    return NULL;

  return g_object_new (ASC_TYPE_RIVET_CLIENT,
                       "uri", uri,
                       "kind", ASC_CLIENT_KIND_RIVET,
                       NULL);
}

/**
 * asc_rivet_client_get_engine:
 *
 * Returns: (transfer none): the engine API the client uses; its token and
 *   timeout follow the client's
 */
AscRivetEngine *
asc_rivet_client_get_engine (AscRivetClient *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_CLIENT (self), NULL);

  return self->engine;
}

AscRivetEngine *
_asc_rivet_client_get_engine (AscRivetClient *self)
{
  return self->engine;
}

const char *
asc_rivet_client_get_namespace (AscRivetClient *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_CLIENT (self), NULL);

  return asc_rivet_engine_get_namespace (self->engine);
}

/**
 * asc_rivet_client_set_namespace:
 * @name: (nullable): the namespace; %NULL for %ASC_RIVET_DEFAULT_NAMESPACE
 *
 * Set it before using actor handles: a handle keeps the id it resolved.
 */
void
asc_rivet_client_set_namespace (AscRivetClient *self,
                                const char     *name)
{
  g_autofree char *before = NULL;

  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));

  before = g_strdup (asc_rivet_engine_get_namespace (self->engine));
  asc_rivet_engine_set_namespace (self->engine, name);
  if (g_strcmp0 (before, asc_rivet_engine_get_namespace (self->engine)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMESPACE]);
}

/**
 * asc_rivet_client_get_page_size:
 *
 * Returns: how many actors asc_rivet_client_list_actors_async() asks for
 */
guint
asc_rivet_client_get_page_size (AscRivetClient *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_CLIENT (self), 0);

  return self->page_size;
}

void
asc_rivet_client_set_page_size (AscRivetClient *self,
                                guint           page_size)
{
  g_return_if_fail (ASC_IS_RIVET_CLIENT (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;

  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}
