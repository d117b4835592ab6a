/* asc-client.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-client-private.h"
#include "asc-enums.h"
#include "asc-error.h"
#include "rivet/asc-rivet-client.h"
#include "zocket/asc-zocket-client.h"

#define DEFAULT_CALL_TIMEOUT_MS 10000

typedef struct
{
  char            *uri;
  char            *token;
  JsonNode        *connection_params;
  GError          *last_error;
  GHashTable      *actors_by_address;
  GListStore      *actors;
  guint            call_timeout_ms;
  AscClientKind    kind;
  AscClientStatus  status;
} AscClientPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AscClient, asc_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URI,
  PROP_KIND,
  PROP_STATUS,
  PROP_LAST_ERROR,
  PROP_TOKEN,
  PROP_CONNECTION_PARAMS,
  PROP_CALL_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Type names and keys may hold any character but NUL. */
static char *
actor_address (const char *type_name,
               const char *key)
{
  return g_strdup_printf ("%s%c%s", type_name, '\x1f', key);
}

static void
asc_client_dispose (GObject *object)
{
  AscClientPrivate *priv = asc_client_get_instance_private (ASC_CLIENT (object));

  g_clear_pointer (&priv->actors_by_address, g_hash_table_unref);
  if (priv->actors != NULL)
    g_list_store_remove_all (priv->actors);

  G_OBJECT_CLASS (asc_client_parent_class)->dispose (object);
}

static void
asc_client_finalize (GObject *object)
{
  AscClientPrivate *priv = asc_client_get_instance_private (ASC_CLIENT (object));

  g_clear_pointer (&priv->uri, g_free);
  g_clear_pointer (&priv->token, g_free);
  g_clear_pointer (&priv->connection_params, json_node_unref);
  g_clear_error (&priv->last_error);
  g_clear_object (&priv->actors);

  G_OBJECT_CLASS (asc_client_parent_class)->finalize (object);
}

static void
asc_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AscClient *self = ASC_CLIENT (object);
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, priv->uri);
      break;
    case PROP_KIND:
      g_value_set_enum (value, priv->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, priv->status);
      break;
    case PROP_LAST_ERROR:
      g_value_set_boxed (value, priv->last_error);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, priv->token);
      break;
    case PROP_CONNECTION_PARAMS:
      g_value_set_boxed (value, priv->connection_params);
      break;
    case PROP_CALL_TIMEOUT:
      g_value_set_uint (value, priv->call_timeout_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AscClient *self = ASC_CLIENT (object);
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_URI:
      priv->uri = g_value_dup_string (value);
      break;
    case PROP_KIND:
      priv->kind = g_value_get_enum (value);
      break;
    case PROP_TOKEN:
      asc_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_CONNECTION_PARAMS:
      asc_client_set_connection_params (self, g_value_get_boxed (value));
      break;
    case PROP_CALL_TIMEOUT:
      asc_client_set_call_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_client_class_init (AscClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = asc_client_dispose;
  object_class->finalize = asc_client_finalize;
  object_class->get_property = asc_client_get_property;
  object_class->set_property = asc_client_set_property;

  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, construct);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ASC_TYPE_CLIENT_KIND,
                                             ASC_CLIENT_KIND_AUTO, construct);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASC_TYPE_CLIENT_STATUS,
                                               ASC_CLIENT_STATUS_DISCONNECTED, read_only);
  properties[PROP_LAST_ERROR] = g_param_spec_boxed ("last-error", NULL, NULL,
                                                    G_TYPE_ERROR, read_only);
  properties[PROP_TOKEN] = g_param_spec_string ("token", NULL, NULL, NULL, read_write);
  properties[PROP_CONNECTION_PARAMS] = g_param_spec_boxed ("connection-params", NULL, NULL,
                                                           JSON_TYPE_NODE, read_write);
  properties[PROP_CALL_TIMEOUT] = g_param_spec_uint ("call-timeout", NULL, NULL,
                                                     0, G_MAXUINT, DEFAULT_CALL_TIMEOUT_MS,
                                                     read_write);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_client_init (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  priv->call_timeout_ms = DEFAULT_CALL_TIMEOUT_MS;
  priv->actors = g_list_store_new (ASC_TYPE_ACTOR);
  priv->actors_by_address = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                   g_free, g_object_unref);
}

/* AUTO without probing: a WebSocket URL is a Zocket server, an HTTP URL
 * the Rivet engine's API. */
static AscClientKind
guess_kind (const char *uri)
{
  if (g_str_has_prefix (uri, "ws://") || g_str_has_prefix (uri, "wss://"))
    return ASC_CLIENT_KIND_ZOCKET;

  return ASC_CLIENT_KIND_RIVET;
}

/**
 * asc_client_new:
 * @uri: the server's address: `ws://…` for Zocket, `http://…` for a Rivet engine
 * @kind: the protocol, or %ASC_CLIENT_KIND_AUTO to go by the address
 *
 * Creates a client. Nothing is sent until it is used: asc_client_open(),
 * or a call or subscription on one of its actors.
 *
 * Returns: (transfer full) (nullable): the client, or %NULL with @error set
 *   when the address is not usable
 */
AscClient *
asc_client_new (const char     *uri,
                AscClientKind   kind,
                GError        **error)
{
  g_autoptr(GUri) parsed = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, error);
  if (parsed == NULL)
    return NULL;

  if (kind == ASC_CLIENT_KIND_AUTO)
    kind = guess_kind (uri);

  switch (kind)
    {
    case ASC_CLIENT_KIND_ZOCKET:
      return ASC_CLIENT (asc_zocket_client_new (uri, error));
    case ASC_CLIENT_KIND_RIVET:
    case ASC_CLIENT_KIND_AUTO:
    default:
      return ASC_CLIENT (asc_rivet_client_new (uri, error));
    }
}

const char *
asc_client_get_uri (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), NULL);

  return priv->uri;
}

AscClientKind
asc_client_get_kind (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), ASC_CLIENT_KIND_AUTO);

  return priv->kind;
}

AscClientStatus
asc_client_get_status (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), ASC_CLIENT_STATUS_DISCONNECTED);

  return priv->status;
}

/**
 * asc_client_get_last_error:
 *
 * Returns: (transfer none) (nullable): why the last connection attempt
 *   failed or the connection closed
 */
const GError *
asc_client_get_last_error (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), NULL);

  return priv->last_error;
}

const char *
asc_client_get_token (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), NULL);

  return priv->token;
}

/**
 * asc_client_set_token:
 * @token: (nullable): a bearer token; used from the next connection on
 */
void
asc_client_set_token (AscClient  *self,
                      const char *token)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_if_fail (ASC_IS_CLIENT (self));

  if (g_strcmp0 (priv->token, token) == 0)
    return;

  g_free (priv->token);
  priv->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

/**
 * asc_client_get_connection_params:
 *
 * Returns: (transfer none) (nullable): the connection parameters
 */
JsonNode *
asc_client_get_connection_params (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), NULL);

  return priv->connection_params;
}

/**
 * asc_client_set_connection_params:
 * @params: (nullable): any JSON value; copied
 */
void
asc_client_set_connection_params (AscClient *self,
                                  JsonNode  *params)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_if_fail (ASC_IS_CLIENT (self));

  if (priv->connection_params == params ||
      (priv->connection_params != NULL && params != NULL &&
       json_node_equal (priv->connection_params, params)))
    return;

  g_clear_pointer (&priv->connection_params, json_node_unref);
  if (params != NULL)
    priv->connection_params = json_node_copy (params);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_PARAMS]);
}

/**
 * asc_client_get_call_timeout:
 *
 * Returns: how long a call may wait, for the connection and for the
 *   answer, in milliseconds; 0 is no limit
 */
guint
asc_client_get_call_timeout (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), 0);

  return priv->call_timeout_ms;
}

void
asc_client_set_call_timeout (AscClient *self,
                             guint      timeout_ms)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_if_fail (ASC_IS_CLIENT (self));

  if (priv->call_timeout_ms == timeout_ms)
    return;

  priv->call_timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_TIMEOUT]);
}

/**
 * asc_client_open:
 *
 * Starts connecting, and keeps reconnecting after losses until
 * asc_client_close(). Calling it while open does nothing.
 */
void
asc_client_open (AscClient *self)
{
  g_return_if_fail (ASC_IS_CLIENT (self));

  ASC_CLIENT_GET_CLASS (self)->open (self);
}

/**
 * asc_client_close:
 *
 * Closes the connection and stops reconnecting. Pending calls fail with
 * %ASC_ERROR_CLOSED.
 */
void
asc_client_close (AscClient *self)
{
  g_return_if_fail (ASC_IS_CLIENT (self));

  ASC_CLIENT_GET_CLASS (self)->close (self);
}

/**
 * asc_client_get_actor:
 * @type_name: the actor type
 * @key: the instance key (Zocket: the actor id)
 *
 * Gets the handle of one actor instance, with get-or-create semantics.
 * The same type and key always give the same handle. Nothing is sent until
 * the handle is used.
 *
 * Returns: (transfer none): the handle, owned by the client
 */
AscActor *
asc_client_get_actor (AscClient  *self,
                      const char *type_name,
                      const char *key)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);
  g_autofree char *address = NULL;
  AscActor *actor;

  g_return_val_if_fail (ASC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  address = actor_address (type_name, key);
  actor = g_hash_table_lookup (priv->actors_by_address, address);
  if (actor != NULL)
    return actor;

  actor = ASC_CLIENT_GET_CLASS (self)->create_actor (self, type_name, key);
  g_hash_table_insert (priv->actors_by_address, g_steal_pointer (&address), actor);
  g_list_store_append (priv->actors, actor);

  return actor;
}

/**
 * asc_client_get_actors:
 *
 * Returns: (transfer none): the #AscActor handles made so far, in order
 */
GListModel *
asc_client_get_actors (AscClient *self)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  g_return_val_if_fail (ASC_IS_CLIENT (self), NULL);

  return G_LIST_MODEL (priv->actors);
}

void
_asc_client_set_status (AscClient       *self,
                        AscClientStatus  status)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  if (priv->status == status)
    return;

  g_debug ("%s: status %d → %d", priv->uri, priv->status, status);
  priv->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
_asc_client_set_last_error (AscClient    *self,
                            const GError *error)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);

  if (priv->last_error == NULL && error == NULL)
    return;

  g_clear_error (&priv->last_error);
  if (error != NULL)
    priv->last_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

/* The handle for (@type_name, @key) if one was made, without making one:
 * frames about instances nobody asked for are ignored. */
AscActor *
_asc_client_lookup_actor (AscClient  *self,
                          const char *type_name,
                          const char *key)
{
  AscClientPrivate *priv = asc_client_get_instance_private (self);
  g_autofree char *address = actor_address (type_name, key);

  return g_hash_table_lookup (priv->actors_by_address, address);
}

/* Backends accept one scheme and its secure variant; anything else gets
 * an error that says what the address should start with. */
gboolean
_asc_client_check_scheme (const char  *uri,
                          const char  *scheme,
                          const char  *secure_scheme,
                          const char  *server_name,
                          GError     **error)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, error);
  const char *actual;

  if (parsed == NULL)
    return FALSE;

  actual = g_uri_get_scheme (parsed);
  if (g_strcmp0 (actual, scheme) == 0 || g_strcmp0 (actual, secure_scheme) == 0)
    return TRUE;

  g_set_error (error, ASC_ERROR, ASC_ERROR_CONNECT,
               _("%s’s address starts with %s:// or %s://, not “%s”"),
               server_name, scheme, secure_scheme, uri);
  return FALSE;
}
