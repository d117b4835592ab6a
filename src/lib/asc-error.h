/* asc-error.h: the ASC_ERROR domain
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ASC_ERROR (asc_error_quark ())

/**
 * AscError:
 * @ASC_ERROR_FAILED: a failure with no more specific code
 * @ASC_ERROR_CONNECT: the server could not be reached
 * @ASC_ERROR_CLOSED: the connection closed before an answer arrived
 * @ASC_ERROR_TIMEOUT: no answer arrived in time
 * @ASC_ERROR_REMOTE: the server reported an error
 * @ASC_ERROR_VALIDATION: a value does not match its schema
 * @ASC_ERROR_UNKNOWN_ACTION: the actor has no such action, or no such actor
 * @ASC_ERROR_FORBIDDEN: the server refused the request
 * @ASC_ERROR_NOT_FOUND: the requested thing does not exist
 * @ASC_ERROR_PROTOCOL: the server sent something that breaks the protocol
 * @ASC_ERROR_OUT_OF_SYNC: a local mirror no longer matches the server
 * @ASC_ERROR_INVALID_POINTER: a JSON pointer is malformed or does not resolve
 * @ASC_ERROR_INVALID_PATCH: a JSON patch is malformed or does not apply
 * @ASC_ERROR_TEST_FAILED: a JSON patch `test` operation did not match
 *
 * Error codes of the %ASC_ERROR domain.
 */
typedef enum
{
  ASC_ERROR_FAILED = 1,
  ASC_ERROR_CONNECT,
  ASC_ERROR_CLOSED,
  ASC_ERROR_TIMEOUT,
  ASC_ERROR_REMOTE,
  ASC_ERROR_VALIDATION,
  ASC_ERROR_UNKNOWN_ACTION,
  ASC_ERROR_FORBIDDEN,
  ASC_ERROR_NOT_FOUND,
  ASC_ERROR_PROTOCOL,
  ASC_ERROR_OUT_OF_SYNC,
  ASC_ERROR_INVALID_POINTER,
  ASC_ERROR_INVALID_PATCH,
  ASC_ERROR_TEST_FAILED,
} AscError;

GQuark      asc_error_quark             (void);
const char *asc_error_code_name         (AscError      code);
GError     *asc_error_new_with_details  (AscError      code,
                                         JsonNode     *details,
                                         const char   *format,
                                         ...) G_GNUC_PRINTF (3, 4);
void        asc_error_set_details       (GError       *error,
                                         JsonNode     *details);
JsonNode   *asc_error_get_details       (const GError *error);

G_END_DECLS
