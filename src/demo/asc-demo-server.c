/* asc-demo-server.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-demo"

#include "config.h"

#include "asc-demo-server.h"

#include "asc-demo-catalog.h"
#include "asc-demo-server-private.h"

#include <string.h>

#define DEFAULT_TICK_INTERVAL_MS 1000

/**
 * AscDemoServer:
 *
 * A Zocket server with four live actor types (see `demo-catalog.json`),
 * listening on a free loopback port, so the app has something to inspect
 * on its first run. Everything runs on the main context.
 *
 * Instances are created by any message that names them and live until the
 * server stops; the actors keep their own sizes bounded, so the server can
 * run for hours without growing.
 */

G_DEFINE_FINAL_TYPE (AscDemoServer, asc_demo_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_CLIENTS,
  PROP_RUNNING,
  PROP_TICK_INTERVAL,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
catalog_cb (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  const char *data = asc_demo_catalog_get_json ();
  const char *method = soup_server_message_get_method (message);

  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      soup_server_message_set_status (message, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, data,
                                    strlen (data));
}

static gboolean
tick_cb (gpointer user_data)
{
  AscDemoServer *self = user_data;
  GHashTableIter iter;
  AscDemoInstance *instance;

  self->tick++;
  g_hash_table_iter_init (&iter, self->instances);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &instance))
    {
      const AscDemoActorClass *klass = asc_demo_instance_get_class (instance);

      if (klass->tick != NULL && self->tick % klass->tick_every == 0)
        asc_demo_instance_tick (instance, self->tick);
    }

  return G_SOURCE_CONTINUE;
}

static void
start_ticking (AscDemoServer *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
  self->tick_source = g_timeout_add (self->tick_interval, tick_cb, self);
  g_source_set_name_by_id (self->tick_source, "[asc-demo] tick");
}

static void
asc_demo_server_dispose (GObject *object)
{
  AscDemoServer *self = (AscDemoServer *) object;

  asc_demo_server_stop (self);
  _asc_demo_server_drop_closing (self);

  G_OBJECT_CLASS (asc_demo_server_parent_class)->dispose (object);
}

static void
asc_demo_server_finalize (GObject *object)
{
  AscDemoServer *self = (AscDemoServer *) object;

  g_clear_pointer (&self->instances, g_hash_table_unref);
  g_clear_pointer (&self->peers, g_ptr_array_unref);
  g_clear_pointer (&self->closing, g_ptr_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_free (self->url);
  g_free (self->catalog_url);

  G_OBJECT_CLASS (asc_demo_server_parent_class)->finalize (object);
}

static void
asc_demo_server_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AscDemoServer *self = ASC_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_N_CLIENTS:
      g_value_set_uint (value, asc_demo_server_get_n_clients (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, asc_demo_server_get_running (self));
      break;
    case PROP_TICK_INTERVAL:
      g_value_set_uint (value, asc_demo_server_get_tick_interval (self));
      break;
    case PROP_URL:
      g_value_set_string (value, asc_demo_server_get_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_demo_server_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AscDemoServer *self = ASC_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_TICK_INTERVAL:
      asc_demo_server_set_tick_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_demo_server_class_init (AscDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = asc_demo_server_dispose;
  object_class->finalize = asc_demo_server_finalize;
  object_class->get_property = asc_demo_server_get_property;
  object_class->set_property = asc_demo_server_set_property;

  properties[PROP_N_CLIENTS] =
    g_param_spec_uint ("n-clients", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICK_INTERVAL] =
    g_param_spec_uint ("tick-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_TICK_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_demo_server_init (AscDemoServer *self)
{
  self->instances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) asc_demo_instance_free);
  self->peers = g_ptr_array_new_with_free_func ((GDestroyNotify) asc_demo_peer_free);
  self->closing = g_ptr_array_new_with_free_func (g_object_unref);
  self->rand = g_rand_new ();
  self->tick_interval = DEFAULT_TICK_INTERVAL_MS;
}

void
_asc_demo_server_notify_n_clients (AscDemoServer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLIENTS]);
}

AscDemoServer *
asc_demo_server_new (void)
{
  return g_object_new (ASC_TYPE_DEMO_SERVER, NULL);
}

static gboolean
listen_on (AscDemoServer  *self,
           guint16         port,
           GError        **error)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  g_autoslist(GUri) uris = NULL;

  if (!soup_server_listen (self->server, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  self->port = g_uri_get_port (uris->data);
  g_free (self->url);
  g_free (self->catalog_url);
  self->url = g_strdup_printf ("ws://127.0.0.1:%u/", self->port);
  self->catalog_url = g_strdup_printf ("http://127.0.0.1:%u/catalog.json", self->port);
  return TRUE;
}

static void
create_home_instances (AscDemoServer *self)
{
  const AscDemoActorClass * const *classes = asc_demo_actor_classes ();

  for (guint i = 0; classes[i] != NULL; i++)
    {
      g_autoptr(JsonNode) id = json_node_init_string (json_node_alloc (),
                                                      classes[i]->home_instance);

      _asc_demo_server_ensure_instance (self, classes[i], id);
    }
}

/**
 * asc_demo_server_start:
 * @self: a demo server
 * @error: where to put the reason it could not listen
 *
 * Listens on 127.0.0.1 and starts the actors' timers. A server started
 * before tries its previous port first, so clients reconnect by themselves;
 * otherwise the port is a free one. The actors start from their initial
 * state. Does nothing when running.
 *
 * Returns: %TRUE when the server is listening
 */
gboolean
asc_demo_server_start (AscDemoServer  *self,
                       GError        **error)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), FALSE);

  if (self->server != NULL)
    return TRUE;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (self->server, NULL, NULL, NULL, _asc_demo_server_websocket_cb,
                                      self, NULL);
  soup_server_add_handler (self->server, "/catalog.json", catalog_cb, self, NULL);
  if ((self->port == 0 || !listen_on (self, self->port, NULL)) && !listen_on (self, 0, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  g_debug ("Listening on %s", self->url);
  create_home_instances (self);
  start_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

/**
 * asc_demo_server_stop:
 * @self: a demo server
 *
 * Closes every connection (with code 1001, "going away"), stops listening
 * and forgets every instance, as a restarted Zocket server would.
 */
void
asc_demo_server_stop (AscDemoServer *self)
{
  g_return_if_fail (ASC_IS_DEMO_SERVER (self));

  if (self->server == NULL)
    return;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  _asc_demo_server_close_all (self);
  g_hash_table_remove_all (self->instances);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->catalog_url, g_free);

  g_debug ("Stopped");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
asc_demo_server_get_running (AscDemoServer *self)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), FALSE);

  return self->server != NULL;
}

/**
 * asc_demo_server_get_url:
 * @self: a demo server
 *
 * Returns: (nullable): the WebSocket URL, `ws://127.0.0.1:PORT/`, or %NULL
 *   when the server is not running
 */
const char *
asc_demo_server_get_url (AscDemoServer *self)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), NULL);

  return self->url;
}

/**
 * asc_demo_server_get_catalog_url:
 * @self: a demo server
 *
 * The catalog is also served over HTTP, for tools that take a catalog URL
 * such as `actorscope-cli --catalog`.
 *
 * Returns: (nullable): `http://127.0.0.1:PORT/catalog.json`, or %NULL when
 *   the server is not running
 */
const char *
asc_demo_server_get_catalog_url (AscDemoServer *self)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), NULL);

  return self->catalog_url;
}

/**
 * asc_demo_server_get_catalog_json:
 * @self: a demo server
 *
 * Returns: the catalog of the demo's actors (format 1: state, methods with
 *   their input schemas, events, instances), NUL-terminated, for
 *   asc_catalog_new_from_data()
 */
const char *
asc_demo_server_get_catalog_json (AscDemoServer *self)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), NULL);

  return asc_demo_catalog_get_json ();
}

guint
asc_demo_server_get_tick_interval (AscDemoServer *self)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), 0);

  return self->tick_interval;
}

/**
 * asc_demo_server_set_tick_interval:
 * @self: a demo server
 * @interval_ms: the time between two timer ticks, 1 ms or more
 *
 * Sets the pace of the actors' lives (1000 ms by default): the sensors
 * drift every tick, the chat bot talks every 2 and the counter on `main`
 * counts every 3. Tests make it short.
 */
void
asc_demo_server_set_tick_interval (AscDemoServer *self,
                                   guint          interval_ms)
{
  g_return_if_fail (ASC_IS_DEMO_SERVER (self));
  g_return_if_fail (interval_ms > 0);

  if (self->tick_interval == interval_ms)
    return;

  self->tick_interval = interval_ms;
  if (self->tick_source != 0)
    start_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICK_INTERVAL]);
}

/**
 * asc_demo_server_get_n_clients:
 *
 * Returns: how many WebSocket connections are open
 */
guint
asc_demo_server_get_n_clients (AscDemoServer *self)
{
  g_return_val_if_fail (ASC_IS_DEMO_SERVER (self), 0);

  return self->peers->len;
}
