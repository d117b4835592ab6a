/* asc-event.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-event"

#include "config.h"

#include "asc-enums.h"
#include "asc-event.h"
#include "asc-json-text.h"

struct _AscEvent
{
  GObject       parent_instance;

  char         *name;
  JsonNode     *payload;
  char         *text;
  gint64        time;
  guint64       serial;
  AscEventKind  kind;
};

G_DEFINE_FINAL_TYPE (AscEvent, asc_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TIME,
  PROP_NAME,
  PROP_PAYLOAD,
  PROP_TEXT,
  PROP_SERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
asc_event_finalize (GObject *object)
{
  AscEvent *self = ASC_EVENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->payload, json_node_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (asc_event_parent_class)->finalize (object);
}

static void
asc_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AscEvent *self = ASC_EVENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PAYLOAD:
      g_value_set_boxed (value, self->payload);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SERIAL:
      g_value_set_uint64 (value, self->serial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_event_class_init (AscEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = asc_event_finalize;
  object_class->get_property = asc_event_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ASC_TYPE_EVENT_KIND,
                                             ASC_EVENT_KIND_EVENT, flags);
  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PAYLOAD] = g_param_spec_boxed ("payload", NULL, NULL, JSON_TYPE_NODE, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SERIAL] = g_param_spec_uint64 ("serial", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_event_init (AscEvent *self)
{
}

/**
 * asc_event_new:
 * @kind: what the entry records
 * @name: (nullable): the event or method name
 * @payload: (nullable): the payload, result or arguments; referenced
 * @text: (nullable): a one-line description for people
 *
 * The entry is stamped with the current wall-clock time and a serial number
 * that grows across the whole process, so entries sort stably.
 *
 * Returns: (transfer full): a new entry
 */
AscEvent *
asc_event_new (AscEventKind  kind,
               const char   *name,
               JsonNode     *payload,
               const char   *text)
{
  static guint64 last_serial;
  AscEvent *self = g_object_new (ASC_TYPE_EVENT, NULL);

  self->kind = kind;
  self->name = g_strdup (name);
  self->payload = payload != NULL ? json_node_ref (payload) : NULL;
  self->text = g_strdup (text);
  self->time = g_get_real_time ();
  self->serial = ++last_serial;

  return self;
}

AscEventKind
asc_event_get_kind (AscEvent *self)
{
  g_return_val_if_fail (ASC_IS_EVENT (self), ASC_EVENT_KIND_EVENT);

  return self->kind;
}

/**
 * asc_event_get_time:
 *
 * Returns: when the entry was recorded, in microseconds since the epoch
 */
gint64
asc_event_get_time (AscEvent *self)
{
  g_return_val_if_fail (ASC_IS_EVENT (self), 0);

  return self->time;
}

const char *
asc_event_get_name (AscEvent *self)
{
  g_return_val_if_fail (ASC_IS_EVENT (self), NULL);

  return self->name;
}

/**
 * asc_event_get_payload:
 *
 * Returns: (transfer none) (nullable): the payload
 */
JsonNode *
asc_event_get_payload (AscEvent *self)
{
  g_return_val_if_fail (ASC_IS_EVENT (self), NULL);

  return self->payload;
}

const char *
asc_event_get_text (AscEvent *self)
{
  g_return_val_if_fail (ASC_IS_EVENT (self), NULL);

  return self->text;
}

guint64
asc_event_get_serial (AscEvent *self)
{
  g_return_val_if_fail (ASC_IS_EVENT (self), 0);

  return self->serial;
}

/**
 * asc_event_to_json_line:
 *
 * The entry as one line of compact JSON, as the log exports it:
 * `{"time":"…","kind":"event","name":…,"payload":…,"text":…}`.
 *
 * Returns: (transfer full): the line, without a trailing newline
 */
char *
asc_event_to_json_line (AscEvent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) seconds = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ASC_TYPE_EVENT_KIND);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (ASC_IS_EVENT (self), NULL);

  seconds = g_date_time_new_from_unix_utc (self->time / G_USEC_PER_SEC);
  time = g_date_time_add (seconds, self->time % G_USEC_PER_SEC);
  iso = g_date_time_format_iso8601 (time);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, iso);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, g_enum_get_value (kinds, self->kind)->value_nick);
  if (self->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->name);
    }
  if (self->payload != NULL)
    {
      json_builder_set_member_name (builder, "payload");
      json_builder_add_value (builder, json_node_copy (self->payload));
    }
  if (self->text != NULL)
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, self->text);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return asc_json_to_text (root);
}
