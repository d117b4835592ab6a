/* asc-client.h: a connection to one actor server, whatever its protocol
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "asc-actor.h"

G_BEGIN_DECLS

/**
 * AscClientKind:
 * @ASC_CLIENT_KIND_AUTO: find out by asking the server
 * @ASC_CLIENT_KIND_RIVET: a Rivet engine running RivetKit actors
 * @ASC_CLIENT_KIND_ZOCKET: a Zocket server
 *
 * The protocol a client speaks.
 */
typedef enum
{
  ASC_CLIENT_KIND_AUTO,
  ASC_CLIENT_KIND_RIVET,
  ASC_CLIENT_KIND_ZOCKET,
} AscClientKind;

/**
 * AscClientStatus:
 * @ASC_CLIENT_STATUS_DISCONNECTED: not connected, and not trying
 * @ASC_CLIENT_STATUS_CONNECTING: the first connection attempt is under way
 * @ASC_CLIENT_STATUS_CONNECTED: connected
 * @ASC_CLIENT_STATUS_RECONNECTING: the connection was lost or refused; trying again
 *
 * Where a client's connection stands.
 */
typedef enum
{
  ASC_CLIENT_STATUS_DISCONNECTED,
  ASC_CLIENT_STATUS_CONNECTING,
  ASC_CLIENT_STATUS_CONNECTED,
  ASC_CLIENT_STATUS_RECONNECTING,
} AscClientStatus;

#define ASC_TYPE_CLIENT (asc_client_get_type ())

G_DECLARE_DERIVABLE_TYPE (AscClient, asc_client, ASC, CLIENT, GObject)

struct _AscClientClass
{
  GObjectClass parent_class;

  void       (*open)          (AscClient    *self);
  void       (*close)         (AscClient    *self);
  AscActor  *(*create_actor)  (AscClient    *self,
                               const char   *type_name,
                               const char   *key);

  /*< private >*/
  gpointer padding[8];
};

AscClient       *asc_client_new                  (const char    *uri,
                                                  AscClientKind  kind,
                                                  GError       **error);
const char      *asc_client_get_uri              (AscClient     *self);
AscClientKind    asc_client_get_kind             (AscClient     *self);
AscClientStatus  asc_client_get_status           (AscClient     *self);
const GError    *asc_client_get_last_error       (AscClient     *self);
const char      *asc_client_get_token            (AscClient     *self);
void             asc_client_set_token            (AscClient     *self,
                                                  const char    *token);
JsonNode        *asc_client_get_connection_params (AscClient    *self);
void             asc_client_set_connection_params (AscClient    *self,
                                                  JsonNode      *params);
guint            asc_client_get_call_timeout     (AscClient     *self);
void             asc_client_set_call_timeout     (AscClient     *self,
                                                  guint          timeout_ms);
void             asc_client_open                 (AscClient     *self);
void             asc_client_close                (AscClient     *self);
AscActor        *asc_client_get_actor            (AscClient     *self,
                                                  const char    *type_name,
                                                  const char    *key);
GListModel      *asc_client_get_actors           (AscClient     *self);

G_END_DECLS
