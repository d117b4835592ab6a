/* asc-demo-protocol.h: Zocket frames as a server reads and writes them; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AscDemoRequestType:
 * @ASC_DEMO_REQUEST_RPC: `rpc`, a method call
 * @ASC_DEMO_REQUEST_EVENT_SUB: `event:sub`
 * @ASC_DEMO_REQUEST_EVENT_UNSUB: `event:unsub`
 * @ASC_DEMO_REQUEST_STATE_SUB: `state:sub`
 * @ASC_DEMO_REQUEST_STATE_UNSUB: `state:unsub`
 *
 * The frames a Zocket client sends.
 */
typedef enum
{
  ASC_DEMO_REQUEST_RPC,
  ASC_DEMO_REQUEST_EVENT_SUB,
  ASC_DEMO_REQUEST_EVENT_UNSUB,
  ASC_DEMO_REQUEST_STATE_SUB,
  ASC_DEMO_REQUEST_STATE_UNSUB,
} AscDemoRequestType;

/**
 * AscDemoRequest:
 * @type: what the frame asks for
 * @root: the whole frame; owns the nodes below
 * @id: `rpc`: the call id as sent, %NULL when absent
 * @actor: the actor type as JavaScript's String() gives it
 * @actor_id: the instance id as sent, %NULL when absent
 * @method: `rpc`: the method as String() gives it
 * @input: `rpc`: the input, %NULL when absent
 *
 * A decoded client frame.
 */
typedef struct
{
  AscDemoRequestType  type;
  JsonNode           *root;
  JsonNode           *id;
  char               *actor;
  JsonNode           *actor_id;
  char               *method;
  JsonNode           *input;
} AscDemoRequest;

AscDemoRequest *asc_demo_request_parse    (const char     *text,
                                           gsize           length);
void            asc_demo_request_free     (AscDemoRequest *request);
char           *asc_demo_js_string        (JsonNode       *node);
char           *asc_demo_encode_welcome   (const char     *client_id);
char           *asc_demo_encode_result    (JsonNode       *id,
                                           JsonNode       *result);
char           *asc_demo_encode_error     (JsonNode       *id,
                                           const char     *message);
char           *asc_demo_encode_event     (const char     *actor,
                                           JsonNode       *actor_id,
                                           const char     *event,
                                           JsonNode       *payload);
char           *asc_demo_encode_snapshot  (const char     *actor,
                                           JsonNode       *actor_id,
                                           JsonNode       *state);
char           *asc_demo_encode_patch     (const char     *actor,
                                           JsonNode       *actor_id,
                                           JsonNode       *patches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscDemoRequest, asc_demo_request_free)

G_END_DECLS
