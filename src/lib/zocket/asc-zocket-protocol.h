/* asc-zocket-protocol.h: Zocket frames to and from text; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscZocketMessageType:
 * @ASC_ZOCKET_MESSAGE_UNKNOWN: a type this client does not know; ignore it
 * @ASC_ZOCKET_MESSAGE_WELCOME: `welcome`, with the connection's client id
 * @ASC_ZOCKET_MESSAGE_RPC_RESULT: `rpc:result`, the answer to one call
 * @ASC_ZOCKET_MESSAGE_EVENT: `event`, broadcast by an instance
 * @ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT: `state:snapshot`, a whole state
 * @ASC_ZOCKET_MESSAGE_STATE_PATCH: `state:patch`, a change to the state
 *
 * The frames a Zocket server sends.
 */
typedef enum
{
  ASC_ZOCKET_MESSAGE_UNKNOWN,
  ASC_ZOCKET_MESSAGE_WELCOME,
  ASC_ZOCKET_MESSAGE_RPC_RESULT,
  ASC_ZOCKET_MESSAGE_EVENT,
  ASC_ZOCKET_MESSAGE_STATE_SNAPSHOT,
  ASC_ZOCKET_MESSAGE_STATE_PATCH,
} AscZocketMessageType;

/**
 * AscZocketSubscription:
 * @ASC_ZOCKET_EVENT_SUB: `event:sub`
 * @ASC_ZOCKET_EVENT_UNSUB: `event:unsub`
 * @ASC_ZOCKET_STATE_SUB: `state:sub`
 * @ASC_ZOCKET_STATE_UNSUB: `state:unsub`
 *
 * The subscription frames a client sends.
 */
typedef enum
{
  ASC_ZOCKET_EVENT_SUB,
  ASC_ZOCKET_EVENT_UNSUB,
  ASC_ZOCKET_STATE_SUB,
  ASC_ZOCKET_STATE_UNSUB,
} AscZocketSubscription;

/**
 * AscZocketMessage:
 * @type: what the frame is
 * @type_name: the frame's `type` as sent
 * @client_id: `welcome`: the connection's id
 * @id: `rpc:result`: the call id as a string, %NULL when absent
 * @has_error: `rpc:result`: whether the `error` key is present (even `""`)
 * @error: `rpc:result`: the error text
 * @result: `rpc:result`: the result, JSON null when absent
 * @actor: instance frames: the actor type
 * @actor_id: instance frames: the actor id as JavaScript's String() gives it
 * @event: `event`: the event name
 * @payload: `event`: the payload, JSON null when absent
 * @state: `state:snapshot`: the state
 * @patches: `state:patch`: the array of operations
 *
 * A decoded server frame; fields not used by its type are %NULL.
 */
typedef struct
{
  AscZocketMessageType  type;
  char                 *type_name;
  char                 *client_id;
  char                 *id;
  gboolean              has_error;
  char                 *error;
  JsonNode             *result;
  char                 *actor;
  char                 *actor_id;
  char                 *event;
  JsonNode             *payload;
  JsonNode             *state;
  JsonNode             *patches;
} AscZocketMessage;

#define ASC_ZOCKET_MAX_DEPTH 1000

AscZocketMessage *asc_zocket_message_parse         (const char            *text,
                                                    gssize                 length,
                                                    GError               **error);
AscZocketMessage *asc_zocket_message_parse_envelope (const char          *text,
                                                    gsize                 length);
void              asc_zocket_message_free          (AscZocketMessage      *message);
char             *asc_zocket_encode_rpc            (const char            *id,
                                                    const char            *actor,
                                                    const char            *actor_id,
                                                    const char            *method,
                                                    JsonNode              *input);
char             *asc_zocket_encode_subscription   (AscZocketSubscription  which,
                                                    const char            *actor,
                                                    const char            *actor_id);
char             *asc_zocket_make_call_id          (guint64                counter,
                                                    gint64                 unix_ms);
GError           *asc_zocket_error_from_text       (const char            *method,
                                                    const char            *text);
gboolean          asc_zocket_check_depth           (const char            *text,
                                                    gsize                  length,
                                                    guint                  max_depth);
char             *asc_zocket_widen_integers        (const char            *text,
                                                    gsize                  length,
                                                    gsize                 *widened_length);
char             *asc_zocket_json_to_string        (JsonNode              *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscZocketMessage, asc_zocket_message_free)

G_END_DECLS
