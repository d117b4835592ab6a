/* asc-call-record.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-call-record.h"

#define HISTORY_CAPACITY 200

struct _AscCallRecord
{
  GObject   parent_instance;

  char     *method;
  JsonNode *args;
  JsonNode *result;
  GError   *error;
  gint64    started_wall;
  gint64    started;
  gint64    finished;
};

G_DEFINE_FINAL_TYPE (AscCallRecord, asc_call_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
asc_call_record_finalize (GObject *object)
{
  AscCallRecord *self = ASC_CALL_RECORD (object);

  g_free (self->method);
  g_clear_pointer (&self->args, json_node_unref);
  g_clear_pointer (&self->result, json_node_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (asc_call_record_parent_class)->finalize (object);
}

static void
asc_call_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FINISHED:
      g_value_set_boolean (value, asc_call_record_get_finished (ASC_CALL_RECORD (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_call_record_class_init (AscCallRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = asc_call_record_finalize;
  object_class->get_property = asc_call_record_get_property;

  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
asc_call_record_init (AscCallRecord *self)
{
}

AscCallRecord *
asc_call_record_new (const char *method,
                     JsonNode   *args)
{
  AscCallRecord *self = g_object_new (ASC_TYPE_CALL_RECORD, NULL);

  self->method = g_strdup (method);
  self->args = args != NULL ? json_node_copy (args) : NULL;
  self->started_wall = g_get_real_time ();
  self->started = g_get_monotonic_time ();

  return self;
}

const char *
asc_call_record_get_method (AscCallRecord *self)
{
  return self->method;
}

JsonNode *
asc_call_record_get_args (AscCallRecord *self)
{
  return self->args;
}

gint64
asc_call_record_get_started (AscCallRecord *self)
{
  return self->started_wall;
}

void
asc_call_record_finish (AscCallRecord *self,
                        JsonNode      *result,
                        const GError  *error)
{
  self->finished = g_get_monotonic_time ();
  self->result = result != NULL ? json_node_copy (result) : NULL;
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

gboolean
asc_call_record_get_finished (AscCallRecord *self)
{
  return self->finished != 0;
}

gboolean
asc_call_record_get_succeeded (AscCallRecord *self)
{
  return self->finished != 0 && self->error == NULL;
}

double
asc_call_record_get_duration_ms (AscCallRecord *self)
{
  gint64 end = self->finished != 0 ? self->finished : g_get_monotonic_time ();

  return (end - self->started) / 1000.0;
}

JsonNode *
asc_call_record_get_result (AscCallRecord *self)
{
  return self->result;
}

const GError *
asc_call_record_get_error (AscCallRecord *self)
{
  return self->error;
}

/* "12:03:04 · add · 12 ms · ok" */
char *
asc_call_record_dup_summary (AscCallRecord *self)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (self->started_wall / G_USEC_PER_SEC);
  g_autofree char *when = g_date_time_format (time, "%H:%M:%S");
  const char *outcome;

  if (self->finished == 0)
    outcome = _("running");
  else if (self->error != NULL)
    outcome = self->error->message;
  else
    outcome = _("ok");

  /* Translators: the time of a call, its duration in milliseconds and its outcome */
  return g_strdup_printf (_("%s · %.0f ms · %s"),
                          when, asc_call_record_get_duration_ms (self), outcome);
}

/**
 * asc_call_record_history_for:
 * @actor: an actor handle
 *
 * The calls made to @actor from this window's Actions pages, newest
 * first, kept with the handle so switching actors and back keeps them.
 *
 * Returns: (transfer none): the history
 */
GListStore *
asc_call_record_history_for (AscActor *actor)
{
  GListStore *history = g_object_get_data (G_OBJECT (actor), "asc-call-history");

  if (history == NULL)
    {
      history = g_list_store_new (ASC_TYPE_CALL_RECORD);
      g_object_set_data_full (G_OBJECT (actor), "asc-call-history", history, g_object_unref);
    }

  while (g_list_model_get_n_items (G_LIST_MODEL (history)) > HISTORY_CAPACITY)
    g_list_store_remove (history, HISTORY_CAPACITY);

  return history;
}
