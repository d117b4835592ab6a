/* asc-server-config.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-connect"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-server-config.h"

AscServerConfig *
asc_server_config_new (void)
{
  AscServerConfig *self = g_new0 (AscServerConfig, 1);

  self->namespace = g_strdup ("default");
  return self;
}

void
asc_server_config_free (AscServerConfig *self)
{
  if (self == NULL)
    return;

  g_free (self->url);
  g_free (self->namespace);
  g_free (self->token);
  g_clear_pointer (&self->params, json_node_unref);
  g_free (self->catalog);
  g_free (self);
}

/**
 * asc_server_config_to_json:
 *
 * The config as remembered in the recent servers list. The token is left
 * out: it lives in the keyring.
 *
 * Returns: (transfer full): compact JSON text
 */
char *
asc_server_config_to_json (AscServerConfig *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, self->url);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_int_value (builder, self->kind);
  json_builder_set_member_name (builder, "namespace");
  json_builder_add_string_value (builder, self->namespace);
  if (self->params != NULL)
    {
      json_builder_set_member_name (builder, "params");
      json_builder_add_value (builder, json_node_copy (self->params));
    }
  if (self->catalog != NULL)
    {
      json_builder_set_member_name (builder, "catalog");
      json_builder_add_string_value (builder, self->catalog);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * asc_server_config_from_json:
 *
 * Returns: (transfer full) (nullable): the config, or %NULL when @text is
 *   not one
 */
AscServerConfig *
asc_server_config_from_json (const char *text)
{
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(AscServerConfig) self = NULL;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (json_object_get_string_member_with_default (object, "url", NULL) == NULL)
    return NULL;

  self = asc_server_config_new ();
  self->url = g_strdup (json_object_get_string_member (object, "url"));
  self->kind = CLAMP (json_object_get_int_member_with_default (object, "kind", 0),
                      ASC_CLIENT_KIND_AUTO, ASC_CLIENT_KIND_ZOCKET);
  g_free (self->namespace);
  self->namespace = g_strdup (json_object_get_string_member_with_default (object, "namespace", "default"));
  if (json_object_has_member (object, "params"))
    self->params = json_node_copy (json_object_get_member (object, "params"));
  self->catalog = g_strdup (json_object_get_string_member_with_default (object, "catalog", NULL));

  return g_steal_pointer (&self);
}

/**
 * asc_server_config_check:
 *
 * Returns: (transfer full) (nullable): what is wrong, for a person, or
 *   %NULL when the config can be tried
 */
char *
asc_server_config_check (AscServerConfig *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (self->url == NULL || self->url[0] == '\0')
    return g_strdup (_("Enter the server’s address"));

  uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (_("The address is not a URL, such as ws://127.0.0.1:3000/"));

  scheme = g_uri_get_scheme (uri);
  if (!g_str_equal (scheme, "ws") && !g_str_equal (scheme, "wss") &&
      !g_str_equal (scheme, "http") && !g_str_equal (scheme, "https"))
    return g_strdup (_("The address must start with ws://, wss://, http:// or https://"));

  if (self->kind == ASC_CLIENT_KIND_ZOCKET && !g_str_has_prefix (scheme, "ws"))
    return g_strdup (_("A Zocket server’s address starts with ws:// or wss://"));

  return NULL;
}
