/* asc-rivet-error.c: the errors Rivet servers report, as GErrors, and
 * reading their untrusted JSON
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-error.h"
#include "asc-rivet-private.h"

/* RivetKit hides the reason of some errors behind this text. */
#define GENERIC_MESSAGE "An internal error occurred"

/**
 * _asc_rivet_json_get_string:
 * @object: (nullable): an object from the server
 *
 * Untrusted JSON: never assumes a member's type.
 *
 * Returns: (nullable): the string member @name, or %NULL when @object is
 *   %NULL or has no such string member
 */
const char *
_asc_rivet_json_get_string (JsonObject *object,
                            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * _asc_rivet_json_get_object:
 * @object: (nullable): an object from the server
 *
 * Returns: (transfer none) (nullable): the object member @name, if there
 *   is one
 */
JsonObject *
_asc_rivet_json_get_object (JsonObject *object,
                            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * _asc_rivet_json_get_array:
 * @object: (nullable): an object from the server
 *
 * Returns: (transfer none) (nullable): the array member @name, if there
 *   is one
 */
JsonArray *
_asc_rivet_json_get_array (JsonObject *object,
                           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

GError *
_asc_rivet_missing_member_error (const char *member)
{
  return g_error_new (ASC_ERROR, ASC_ERROR_PROTOCOL,
                      _("The Rivet engine’s answer has no “%s”"), member);
}

static AscError
code_for (const char *group,
          const char *code)
{
  if (g_str_equal (code, "action_not_found"))
    return ASC_ERROR_UNKNOWN_ACTION;
  if (g_str_equal (code, "not_found") || g_str_has_suffix (code, "_not_found"))
    return ASC_ERROR_NOT_FOUND;
  if (g_str_equal (code, "forbidden") || g_str_equal (code, "unauthorized"))
    return ASC_ERROR_FORBIDDEN;
  if (g_str_equal (code, "validation_error") || g_str_equal (group, "validation"))
    return ASC_ERROR_VALIDATION;

  return ASC_ERROR_REMOTE;
}

/* What to say when the server's own message says nothing. */
static const char *
explain (AscError    error_code,
         const char *code)
{
  if (error_code == ASC_ERROR_VALIDATION)
    return _("The arguments do not match the action’s input schema");
  if (g_str_equal (code, "internal_error"))
    return _("The actor failed with an internal error; the server’s log has the details");

  return _("The server reported an error");
}

/**
 * _asc_rivet_error_from_json:
 * @body: an error object `{group, code, message, metadata?, actor?}`
 *
 * Returns: (transfer full): the error, with @body as its details
 */
GError *
_asc_rivet_error_from_json (JsonObject *body)
{
  const char *group = _asc_rivet_json_get_string (body, "group");
  const char *code = _asc_rivet_json_get_string (body, "code");
  const char *message = _asc_rivet_json_get_string (body, "message");
  g_autoptr(JsonNode) details = json_node_init_object (json_node_alloc (), body);
  AscError error_code;

  g_return_val_if_fail (group != NULL && code != NULL, NULL);

  error_code = code_for (group, code);
  if (message == NULL || message[0] == '\0' || g_str_equal (message, GENERIC_MESSAGE))
    message = explain (error_code, code);

  if (error_code == ASC_ERROR_FORBIDDEN)
    return asc_error_new_with_details (error_code, details, _("Access refused: %s (%s.%s)"),
                                       message, group, code);

  return asc_error_new_with_details (error_code, details, "%s (%s.%s)", message, group, code);
}

static gboolean
is_error_object (JsonNode *root)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  return _asc_rivet_json_get_string (object, "group") != NULL &&
         _asc_rivet_json_get_string (object, "code") != NULL;
}

/**
 * _asc_rivet_parse_response:
 * @endpoint: the server, for messages
 * @message: the request, answered
 * @bytes: the answer's body
 *
 * The body decides; the status only helps describe a body that is not
 * JSON. An error object `{group, code, …}` becomes its GError.
 *
 * Returns: (transfer full) (nullable): the parsed body, or %NULL with
 *   @error set
 */
JsonNode *
_asc_rivet_parse_response (const char   *endpoint,
                           SoupMessage  *message,
                           GBytes       *bytes,
                           GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *what = g_strdup_printf ("%s %s", soup_message_get_method (message),
                                          g_uri_get_path (soup_message_get_uri (message)));
  guint status = soup_message_get_status (message);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root = NULL;

  if (length > 0 && json_parser_load_from_data (parser, data, (gssize) length, NULL))
    root = json_parser_steal_root (parser);

  if (root != NULL && is_error_object (root))
    {
      g_debug ("← %s: %.*s", what, (int) MIN (length, 1024), data);
      g_propagate_error (error, _asc_rivet_error_from_json (json_node_get_object (root)));
      json_node_unref (root);
      return NULL;
    }

  if (root == NULL && SOUP_STATUS_IS_SUCCESSFUL (status))
    g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                 _("The server at %s did not answer %s with JSON; is it a Rivet engine?"),
                 endpoint, what);
  else if (root == NULL)
    g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
                 _("The server at %s answered %s with “%u %s” and no error description"),
                 endpoint, what, status, soup_message_get_reason_phrase (message));

  return root;
}
