/* asc-rivet-connection-protocol.h: Rivet client-protocol v4 frames; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * ASC_RIVET_CONNECTION_PROTOCOL_VERSION:
 *
 * The client-protocol version of the vbare prefix of BARE frames.
 */
#define ASC_RIVET_CONNECTION_PROTOCOL_VERSION 4

/**
 * AscRivetConnectionMessageType:
 * @ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN: a tag this codec does not know
 * @ASC_RIVET_CONNECTION_MESSAGE_INIT: `Init`, sent first, unprompted
 * @ASC_RIVET_CONNECTION_MESSAGE_ERROR: `Error`, for an action or the connection
 * @ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE: `ActionResponse`
 * @ASC_RIVET_CONNECTION_MESSAGE_EVENT: `Event`, a broadcast the connection
 *   subscribed to
 *
 * The frames a `/connect` server sends.
 */
typedef enum
{
  ASC_RIVET_CONNECTION_MESSAGE_UNKNOWN,
  ASC_RIVET_CONNECTION_MESSAGE_INIT,
  ASC_RIVET_CONNECTION_MESSAGE_ERROR,
  ASC_RIVET_CONNECTION_MESSAGE_ACTION_RESPONSE,
  ASC_RIVET_CONNECTION_MESSAGE_EVENT,
} AscRivetConnectionMessageType;

/**
 * AscRivetConnectionMessage:
 * @type: what the frame is
 * @type_name: the union tag's name as sent ("Init", ...)
 * @actor_id: `Init`: the actor id
 * @connection_id: `Init`: this connection's id
 * @group: `Error`: the error group ("user", "actor", ...)
 * @code: `Error`: the error code ("action_not_found", ...)
 * @message: `Error`: the text
 * @metadata: `Error`: extra details, or %NULL
 * @has_action_id: `Error`: whether it answers an action; if not, it is
 *   about the connection, which usually closes next
 * @action_id: `Error`: the action's id
 * @actor: `Error`: `{"actorId", "generation", "key"}`, or %NULL
 * @id: `ActionResponse`: the id of the action it answers
 * @output: `ActionResponse`: the result
 * @name: `Event`: the event name
 * @args: `Event`: the arguments, a JSON array
 *
 * One decoded server frame. Fields its type does not use are zero or %NULL.
 * Values decoded from CBOR use the JSON-compat tagged arrays.
 */
typedef struct
{
  AscRivetConnectionMessageType  type;
  char                          *type_name;
  char                          *actor_id;
  char                          *connection_id;
  char                          *group;
  char                          *code;
  char                          *message;
  JsonNode                      *metadata;
  gboolean                       has_action_id;
  guint64                        action_id;
  JsonNode                      *actor;
  guint64                        id;
  JsonNode                      *output;
  char                          *name;
  JsonNode                      *args;
} AscRivetConnectionMessage;

/**
 * AscRivetCloseReason:
 * @group: the error group
 * @code: the error code
 * @ray_id: (nullable): the server's trace id, or %NULL
 *
 * A WebSocket close reason of the form `group.code[#rayId]`.
 */
typedef struct
{
  char *group;
  char *code;
  char *ray_id;
} AscRivetCloseReason;

AscRivetConnectionMessage *asc_rivet_connection_message_parse      (const char     *text,
                                                                    gssize          length,
                                                                    GError        **error);
AscRivetConnectionMessage *asc_rivet_connection_message_parse_cbor (const guint8   *data,
                                                                    gsize           length,
                                                                    GError        **error);
AscRivetConnectionMessage *asc_rivet_connection_message_parse_bare (const guint8   *data,
                                                                    gsize           length,
                                                                    GError        **error);
AscRivetConnectionMessage *asc_rivet_http_error_parse_bare         (const guint8   *data,
                                                                    gsize           length,
                                                                    GError        **error);

void asc_rivet_connection_message_free (AscRivetConnectionMessage *message);

char    *asc_rivet_connection_encode_action_request            (guint64      id,
                                                                const char  *name,
                                                                JsonNode    *args);
char    *asc_rivet_connection_encode_subscription_request      (const char  *event_name,
                                                                gboolean     subscribe);
GBytes  *asc_rivet_connection_encode_action_request_bare       (guint64      id,
                                                                const char  *name,
                                                                JsonNode    *args,
                                                                GError     **error);
GBytes  *asc_rivet_connection_encode_subscription_request_bare (const char  *event_name,
                                                                gboolean     subscribe);
gboolean asc_rivet_parse_id                                    (JsonNode    *node,
                                                                guint64     *id);

AscRivetCloseReason *asc_rivet_close_reason_parse  (const char           *reason);
void                 asc_rivet_close_reason_free   (AscRivetCloseReason  *reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscRivetConnectionMessage, asc_rivet_connection_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscRivetCloseReason, asc_rivet_close_reason_free)

G_END_DECLS
