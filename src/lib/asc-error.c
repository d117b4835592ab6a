/* asc-error.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-error"

#include "config.h"

#include "asc-error.h"

G_DEFINE_QUARK (asc-error-quark, asc_error)

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
