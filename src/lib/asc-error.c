/* asc-error.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-error"

#include "config.h"

#include "asc-error.h"

/* ASC_ERROR is an extended error domain: an error may carry structured
 * details, such as a validation error's list of issues or a Rivet error's
 * group, code and metadata, so views can show them field by field. */
typedef struct
{
  JsonNode *details;
} AscErrorPrivate;

static void
asc_error_private_init (AscErrorPrivate *priv)
{
  priv->details = NULL;
}

static void
asc_error_private_copy (const AscErrorPrivate *src,
                        AscErrorPrivate       *dest)
{
  dest->details = src->details != NULL ? json_node_copy (src->details) : NULL;
}

static void
asc_error_private_clear (AscErrorPrivate *priv)
{
  g_clear_pointer (&priv->details, json_node_unref);
}

G_DEFINE_EXTENDED_ERROR (AscError, asc_error)

/**
 * asc_error_code_name:
 * @code: an #AscError
 *
 * The stable, upper-case name of @code, as `actorscope-cli` prints it in
 * `error: CODE: MESSAGE` lines.
 *
 * Returns: (transfer none): the name, or "FAILED" for an unknown code
 */
const char *
asc_error_code_name (AscError code)
{
  switch (code)
    {
    case ASC_ERROR_FAILED:           return "FAILED";
    case ASC_ERROR_CONNECT:          return "CONNECT";
    case ASC_ERROR_CLOSED:           return "CLOSED";
    case ASC_ERROR_TIMEOUT:          return "TIMEOUT";
    case ASC_ERROR_REMOTE:           return "REMOTE";
    case ASC_ERROR_VALIDATION:       return "VALIDATION";
    case ASC_ERROR_UNKNOWN_ACTION:   return "UNKNOWN_ACTION";
    case ASC_ERROR_FORBIDDEN:        return "FORBIDDEN";
    case ASC_ERROR_NOT_FOUND:        return "NOT_FOUND";
    case ASC_ERROR_PROTOCOL:         return "PROTOCOL";
    case ASC_ERROR_OUT_OF_SYNC:      return "OUT_OF_SYNC";
    case ASC_ERROR_INVALID_POINTER:  return "INVALID_POINTER";
    case ASC_ERROR_INVALID_PATCH:    return "INVALID_PATCH";
    case ASC_ERROR_TEST_FAILED:      return "TEST_FAILED";
    default:                         return "FAILED";
    }
}

/**
 * asc_error_new_with_details:
 * @code: an #AscError
 * @details: (nullable): structured details, copied
 * @format: printf-style format of the message
 *
 * Returns: (transfer full): a new #GError in the %ASC_ERROR domain
 */
GError *
asc_error_new_with_details (AscError    code,
                            JsonNode   *details,
                            const char *format,
                            ...)
{
  GError *error;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (ASC_ERROR, code, format, args);
  va_end (args);

  asc_error_set_details (error, details);
  return error;
}

/**
 * asc_error_set_details:
 * @error: an error in the %ASC_ERROR domain
 * @details: (nullable): structured details, copied
 */
void
asc_error_set_details (GError   *error,
                       JsonNode *details)
{
  AscErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == ASC_ERROR);

  priv = asc_error_get_private (error);
  g_clear_pointer (&priv->details, json_node_unref);
  if (details != NULL)
    priv->details = json_node_copy (details);
}

/**
 * asc_error_get_details:
 * @error: any error
 *
 * Returns: (transfer none) (nullable): the structured details of an
 *   %ASC_ERROR error, or %NULL when it has none or is of another domain
 */
JsonNode *
asc_error_get_details (const GError *error)
{
  if (error == NULL || error->domain != ASC_ERROR)
    return NULL;

  return asc_error_get_private (error)->details;
}
