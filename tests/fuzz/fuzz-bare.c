/* fuzz-bare.c: fuzz target for the Rivet BARE frame decoders
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is decoded as an inspector v6 frame, as a client-protocol frame
 * and as an HTTP error body. Each decoder either fails with a protocol
 * error and a message, or gives a message whose fields fit its type.
 */

#include "config.h"

#include "asc-error.h"
#include "asc-rivet-connection-protocol.h"
#include "asc-rivet-inspector-protocol.h"
#include "fuzz-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
check_failure (gpointer  result,
               GError   *error)
{
  CHECK (result == NULL);
  CHECK (error != NULL && error->domain == ASC_ERROR && error->code == ASC_ERROR_PROTOCOL);
  CHECK (error->message[0] != '\0');
}

static void
check_json (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return;
  text = json_to_string (node, FALSE);
  CHECK (text != NULL);
}

static void
check_inspector (const uint8_t *data,
                 size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AscRivetInspectorMessage) message = NULL;

  message = asc_rivet_inspector_message_parse (data, size, &error);

  if (message == NULL)
    {
      check_failure (message, error);
      return;
    }

  CHECK (error == NULL && message->type_name != NULL);
  CHECK ((message->type == ASC_RIVET_INSPECTOR_MESSAGE_UNKNOWN) == (message->tag >= 20));
  if (message->type == ASC_RIVET_INSPECTOR_MESSAGE_UNKNOWN)
    CHECK (message->body != NULL);
  if (message->connections != NULL)
    CHECK (JSON_NODE_HOLDS_ARRAY (message->connections));
  if (message->type == ASC_RIVET_INSPECTOR_MESSAGE_ACTION_RESPONSE)
    CHECK (message->has_rid && message->output != NULL);
  if (message->type == ASC_RIVET_INSPECTOR_MESSAGE_STATE_UPDATED)
    CHECK (message->state != NULL);
  if (message->type == ASC_RIVET_INSPECTOR_MESSAGE_ERROR)
    CHECK (message->message != NULL);
  if (message->n_schedules > 0)
    CHECK (message->body != NULL);
  check_json (message->state);
  check_json (message->connections);
  check_json (message->output);
  check_json (message->tabs);
  check_json (message->queue);
  check_json (message->data);
}

static void
check_connection (const uint8_t *data,
                  size_t         size,
                  gboolean       http)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AscRivetConnectionMessage) message = NULL;

  if (http)
    message = asc_rivet_http_error_parse_bare (data, size, &error);
  else
    message = asc_rivet_connection_message_parse_bare (data, size, &error);

  if (message == NULL)
    {
      check_failure (message, error);
      return;
    }

  CHECK (error == NULL && message->type_name != NULL);
  if (message->type == ASC_RIVET_CONNECTION_MESSAGE_ERROR)
    CHECK (message->group != NULL && message->code != NULL && message->message != NULL);
  if (message->type == ASC_RIVET_CONNECTION_MESSAGE_EVENT)
    CHECK (message->name != NULL && JSON_NODE_HOLDS_ARRAY (message->args));
  if (message->type == ASC_RIVET_CONNECTION_MESSAGE_INIT)
    CHECK (message->actor_id != NULL && message->connection_id != NULL);
  check_json (message->metadata);
  check_json (message->actor);
  check_json (message->output);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_make_warnings_fatal ();
  check_inspector (data, size);
  check_connection (data, size, FALSE);
  check_connection (data, size, TRUE);

  return 0;
}
