/* asc-rivet-error.c: the errors Rivet servers report, as GErrors
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
