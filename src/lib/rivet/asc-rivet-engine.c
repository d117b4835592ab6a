/* asc-rivet-engine.c: requests, deadlines and errors of the engine's API
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-error.h"
#include "asc-rivet-private.h"
#include "asc-json-text.h"


struct _AscRivetEngine
{
  GObject      parent_instance;

  SoupSession *session;
  char        *endpoint;
  char        *namespace;
  char        *token;
  guint        timeout_ms;
};

G_DEFINE_FINAL_TYPE (AscRivetEngine, asc_rivet_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENDPOINT,
  PROP_NAMESPACE,
  PROP_TOKEN,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One request in flight. Its own cancellable is cancelled by the caller's
 * and by the deadline, so the two can be told apart afterwards. */
typedef struct
{
  SoupMessage  *message;
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_handler;
  guint         deadline_source;
  gboolean      timed_out;
} Request;

static void
request_free (Request *request)
{
  g_clear_handle_id (&request->deadline_source, g_source_remove);
  if (request->caller_handler != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->caller_handler);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_free (request);
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Request *request = user_data;

  g_cancellable_cancel (request->cancellable);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Request *request = user_data;

  request->deadline_source = 0;
  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static char *
describe_request (SoupMessage *message)
{
  GUri *uri = soup_message_get_uri (message);

  return g_strdup_printf ("%s %s", soup_message_get_method (message), g_uri_get_path (uri));
}

static GError *
transport_error (AscRivetEngine *self,
                 Request        *request,
                 GError         *error)
{
  g_autofree char *what = describe_request (request->message);

  if (request->timed_out)
    return g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                        _("No answer from the Rivet engine at %s within %g s (%s)"),
                        self->endpoint, self->timeout_ms / 1000.0, what);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  return g_error_new (ASC_ERROR, ASC_ERROR_CONNECT,
                      _("Could not reach the Rivet engine at %s: %s"),
                      self->endpoint, error->message);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AscRivetEngine *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      g_debug ("%s", error->message);
      g_task_return_error (task, transport_error (self, request, error));
      return;
    }

  g_debug ("← %u (%" G_GSIZE_FORMAT " bytes)", soup_message_get_status (request->message),
           g_bytes_get_size (bytes));
  root = _asc_rivet_parse_response (self->endpoint, request->message, bytes, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

void
_asc_rivet_engine_send_async (AscRivetEngine      *self,
                              SoupMessage         *message,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, _asc_rivet_engine_send_async);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  request->message = g_object_ref (message);
  request->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_handler = g_cancellable_connect (cancellable,
                                                       G_CALLBACK (caller_cancelled_cb),
                                                       request, NULL);
    }
  if (self->timeout_ms > 0)
    request->deadline_source = g_timeout_add (self->timeout_ms, deadline_cb, request);

  g_debug ("→ %s %s", soup_message_get_method (message),
           g_uri_get_path (soup_message_get_uri (message)));
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    request->cancellable, send_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full): the parsed body */
JsonNode *
_asc_rivet_engine_send_finish (AscRivetEngine  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * _asc_rivet_engine_send_finish_object:
 * @root: (out) (transfer full): the parsed body, which owns the object
 *
 * Like _asc_rivet_engine_send_finish(), for answers that must be objects.
 *
 * Returns: (transfer none) (nullable): the object inside @root
 */
JsonObject *
_asc_rivet_engine_send_finish_object (AscRivetEngine  *self,
                                      GAsyncResult    *result,
                                      JsonNode       **root,
                                      GError         **error)
{
  *root = _asc_rivet_engine_send_finish (self, result, error);
  if (*root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (*root))
    {
      g_set_error_literal (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                           _("The Rivet engine answered with something other than an object"));
      return NULL;
    }

  return json_node_get_object (*root);
}

GString *
_asc_rivet_engine_new_query (AscRivetEngine *self)
{
  GString *query = g_string_new (NULL);

  _asc_rivet_query_add (query, "namespace", self->namespace);
  return query;
}

void
_asc_rivet_query_add (GString    *query,
                      const char *name,
                      const char *value)
{
  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_uri_escaped (query, name, NULL, FALSE);
  g_string_append_c (query, '=');
  g_string_append_uri_escaped (query, value, NULL, FALSE);
}

static void
add_auth (AscRivetEngine     *self,
          SoupMessageHeaders *headers,
          const char         *path)
{
  g_autofree char *bearer = NULL;

  if (self->token == NULL || self->token[0] == '\0')
    return;

  /* The gateway reads its own header; the management API a bearer token. */
  if (g_str_has_prefix (path, "/gateway/"))
    {
      soup_message_headers_replace (headers, "x-rivet-token", self->token);
      return;
    }

  bearer = g_strconcat ("Bearer ", self->token, NULL);
  soup_message_headers_replace (headers, "Authorization", bearer);
}

/**
 * _asc_rivet_engine_new_message:
 * @path: starts with `/`, already escaped
 * @query: (nullable): already escaped
 * @body: (nullable): sent as JSON
 *
 * Returns: (transfer full): a message with authentication set
 */
SoupMessage *
_asc_rivet_engine_new_message (AscRivetEngine *self,
                               const char     *method,
                               const char     *path,
                               GString        *query,
                               JsonNode       *body)
{
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessage *message;
  gsize length;

  uri = g_strconcat (self->endpoint, path, query != NULL && query->len > 0 ? "?" : NULL,
                     query != NULL ? query->str : NULL, NULL);
  message = soup_message_new (method, uri);
  g_assert (message != NULL);
  add_auth (self, soup_message_get_request_headers (message), path);

  if (body != NULL)
    {
      text = asc_json_to_text (body);
      length = strlen (text);
      bytes = g_bytes_new_take (g_steal_pointer (&text), length);
      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  return message;
}

/* Returns: (transfer none): the session, shared with the WebSockets */
SoupSession *
_asc_rivet_engine_get_session (AscRivetEngine *self)
{
  return self->session;
}

static void
asc_rivet_engine_finalize (GObject *object)
{
  AscRivetEngine *self = ASC_RIVET_ENGINE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->namespace, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (asc_rivet_engine_parent_class)->finalize (object);
}

static void
asc_rivet_engine_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AscRivetEngine *self = ASC_RIVET_ENGINE (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_NAMESPACE:
      g_value_set_string (value, self->namespace);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_engine_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AscRivetEngine *self = ASC_RIVET_ENGINE (object);
  const char *endpoint;

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      /* Paths are appended to it. */
      endpoint = g_value_get_string (value);
      self->endpoint = g_strndup (endpoint, strlen (endpoint) -
                                  (g_str_has_suffix (endpoint, "/") ? 1 : 0));
      break;
    case PROP_NAMESPACE:
      asc_rivet_engine_set_namespace (self, g_value_get_string (value));
      break;
    case PROP_TOKEN:
      asc_rivet_engine_set_token (self, g_value_get_string (value));
      break;
    case PROP_TIMEOUT:
      asc_rivet_engine_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_rivet_engine_class_init (AscRivetEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = asc_rivet_engine_finalize;
  object_class->get_property = asc_rivet_engine_get_property;
  object_class->set_property = asc_rivet_engine_set_property;

  properties[PROP_ENDPOINT] = g_param_spec_string ("endpoint", NULL, NULL, NULL, construct);
  properties[PROP_NAMESPACE] = g_param_spec_string ("namespace", NULL, NULL,
                                                    ASC_RIVET_DEFAULT_NAMESPACE, read_write);
  properties[PROP_TOKEN] = g_param_spec_string ("token", NULL, NULL, NULL, read_write);
  properties[PROP_TIMEOUT] = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, 0,
                                                read_write);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_rivet_engine_init (AscRivetEngine *self)
{
  g_autofree char *user_agent = g_strconcat (PACKAGE_NAME "/", PACKAGE_VERSION, NULL);

  self->namespace = g_strdup (ASC_RIVET_DEFAULT_NAMESPACE);
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "max-conns-per-host", 8,
                                                 NULL);
}

/**
 * asc_rivet_engine_new:
 * @endpoint: the engine's address, such as `http://127.0.0.1:6420`
 *
 * Returns: (transfer full): a handle on the engine's HTTP API; nothing is
 *   sent until a request is made
 */
AscRivetEngine *
asc_rivet_engine_new (const char *endpoint)
{
  g_return_val_if_fail (endpoint != NULL, NULL);

  return g_object_new (ASC_TYPE_RIVET_ENGINE, "endpoint", endpoint, NULL);
}

const char *
asc_rivet_engine_get_endpoint (AscRivetEngine *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ENGINE (self), NULL);

  return self->endpoint;
}

const char *
asc_rivet_engine_get_namespace (AscRivetEngine *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ENGINE (self), NULL);

  return self->namespace;
}

/**
 * asc_rivet_engine_set_namespace:
 * @name: (nullable): the namespace; %NULL for %ASC_RIVET_DEFAULT_NAMESPACE
 */
void
asc_rivet_engine_set_namespace (AscRivetEngine *self,
                                const char     *name)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));

  if (name == NULL || name[0] == '\0')
    name = ASC_RIVET_DEFAULT_NAMESPACE;
  if (g_strcmp0 (self->namespace, name) == 0)
    return;

  g_free (self->namespace);
  self->namespace = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMESPACE]);
}

const char *
asc_rivet_engine_get_token (AscRivetEngine *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ENGINE (self), NULL);

  return self->token;
}

/**
 * asc_rivet_engine_set_token:
 * @token: (nullable): sent as a bearer token to the API and as
 *   `x-rivet-token` to the gateway; a local engine needs none
 */
void
asc_rivet_engine_set_token (AscRivetEngine *self,
                            const char     *token)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));

  if (g_strcmp0 (self->token, token) == 0)
    return;

  g_free (self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

/**
 * asc_rivet_engine_get_timeout:
 *
 * Returns: how long a request may take, in milliseconds; 0 is no limit
 */
guint
asc_rivet_engine_get_timeout (AscRivetEngine *self)
{
  g_return_val_if_fail (ASC_IS_RIVET_ENGINE (self), 0);

  return self->timeout_ms;
}

void
asc_rivet_engine_set_timeout (AscRivetEngine *self,
                              guint           timeout_ms)
{
  g_return_if_fail (ASC_IS_RIVET_ENGINE (self));

  if (self->timeout_ms == timeout_ms)
    return;

  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

