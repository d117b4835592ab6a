/* asc-call-table.c: the calls a socket client has in flight or waiting
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call ends exactly once: with its answer, its error, the client's
 * call timeout, its cancellable, or the socket closing. A call waits here
 * while the socket is down and is sent once it is up; a call that was sent
 * is never sent again, since it may have run.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-call-table.h"
#include "asc-error.h"

typedef struct
{
  AscCallTable *table;
  GTask        *task;
  char         *id;
  char         *method;
  char         *frame;
  GList        *waiting_link;
  guint         timeout_source;
  guint         cancelled_source;
  gulong        cancelled_id;
  gboolean      sent;
} Call;

struct _AscCallTable
{
  AscClient  *client;   /* weak: the client owns the table */
  GHashTable *sent;     /* id → Call */
  GQueue      waiting;
};

static void
call_free (Call *call)
{
  g_clear_handle_id (&call->timeout_source, g_source_remove);
  g_clear_handle_id (&call->cancelled_source, g_source_remove);
  if (call->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (call->task), call->cancelled_id);
  g_clear_object (&call->task);
  g_free (call->id);
  g_free (call->method);
  g_free (call->frame);
  g_free (call);
}

/* Takes @call out of the table and settles its task; takes @error. */
static void
call_complete (Call     *call,
               JsonNode *result,
               GError   *error)
{
  AscCallTable *self = call->table;
  g_autoptr(GTask) task = g_object_ref (call->task);

  if (call->waiting_link != NULL)
    g_queue_delete_link (&self->waiting, call->waiting_link);
  if (call->sent)
    g_hash_table_steal (self->sent, call->id);
  call_free (call);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (result != NULL)
    g_task_return_pointer (task, json_node_ref (result), (GDestroyNotify) json_node_unref);
  else
    g_task_return_pointer (task, json_node_new (JSON_NODE_NULL),
                           (GDestroyNotify) json_node_unref);
}

static GError *
call_timeout_error (Call *call)
{
  AscClient *client = call->table->client;
  double seconds = asc_client_get_call_timeout (client) / 1000.0;
  const GError *last = asc_client_get_last_error (client);

  if (call->sent)
    return g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                        _("No answer to “%s” within %g s; it may still run on the server"),
                        call->method, seconds);

  if (last != NULL)
    return g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                        _("Could not reach the server at %s within %g s: %s"),
                        asc_client_get_uri (client), seconds, last->message);

  return g_error_new (ASC_ERROR, ASC_ERROR_TIMEOUT,
                      _("Could not reach the server at %s within %g s"),
                      asc_client_get_uri (client), seconds);
}

static gboolean
call_timeout_cb (gpointer user_data)
{
  Call *call = user_data;

  call->timeout_source = 0;
  call_complete (call, NULL, call_timeout_error (call));
  return G_SOURCE_REMOVE;
}

static gboolean
call_cancelled_idle_cb (gpointer user_data)
{
  Call *call = user_data;
  GError *error = NULL;

  call->cancelled_source = 0;
  g_cancellable_set_error_if_cancelled (g_task_get_cancellable (call->task), &error);
  call_complete (call, NULL, error);
  return G_SOURCE_REMOVE;
}

/* Settling the call here would disconnect this very handler from inside
 * it, which deadlocks; settle it from an idle instead. Cancel from the main
 * thread. */
static void
call_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  Call *call = user_data;

  if (call->cancelled_source == 0)
    call->cancelled_source = g_idle_add (call_cancelled_idle_cb, call);
}

/**
 * _asc_call_table_new:
 * @client: the client, for its call timeout and its address in messages;
 *   it must outlive the table
 */
AscCallTable *
_asc_call_table_new (AscClient *client)
{
  AscCallTable *self = g_new0 (AscCallTable, 1);

  self->client = client;
  self->sent = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->waiting);
  return self;
}

/* Fails what is left, so that no caller waits for ever. */
void
_asc_call_table_free (AscCallTable *self)
{
  if (self == NULL)
    return;

  _asc_call_table_fail_sent (self, _("closed by this client"));
  _asc_call_table_fail_waiting (self, NULL);
  g_hash_table_unref (self->sent);
  g_free (self);
}

/**
 * _asc_call_table_add:
 * @task: (transfer full): the call's task; it returns a #JsonNode
 * @id: the id its answer will carry
 * @method: the method, for messages
 * @frame: (transfer full): what to send
 *
 * Queues a call until _asc_call_table_send_waiting(). An already cancelled
 * @task ends at once.
 */
void
_asc_call_table_add (AscCallTable *self,
                     GTask        *task,
                     const char   *id,
                     const char   *method,
                     char         *frame)
{
  guint timeout_ms = asc_client_get_call_timeout (self->client);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Call *call = g_new0 (Call, 1);

  call->table = self;
  call->task = task;
  call->id = g_strdup (id);
  call->method = g_strdup (method);
  call->frame = frame;

  if (g_task_return_error_if_cancelled (call->task))
    {
      call_free (call);
      return;
    }

  if (timeout_ms > 0)
    call->timeout_source = g_timeout_add (timeout_ms, call_timeout_cb, call);
  if (cancellable != NULL)
    call->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (call_cancelled_cb),
                                                call, NULL);

  g_queue_push_tail (&self->waiting, call);
  call->waiting_link = self->waiting.tail;
}

/**
 * _asc_call_table_send_waiting:
 * @send: sends one frame on the open socket
 *
 * Sends the waiting calls in the order they were made; from now on their
 * answers settle them.
 */
void
_asc_call_table_send_waiting (AscCallTable    *self,
                              AscCallSendFunc  send,
                              gpointer         user_data)
{
  Call *call;

  while ((call = g_queue_pop_head (&self->waiting)) != NULL)
    {
      call->waiting_link = NULL;
      send (call->frame, user_data);
      call->sent = TRUE;
      g_hash_table_insert (self->sent, call->id, call);
    }
}

/**
 * _asc_call_table_get_method:
 *
 * Returns: (nullable): the method of the sent call @id, or %NULL when no
 *   such call waits for its answer
 */
const char *
_asc_call_table_get_method (AscCallTable *self,
                            const char   *id)
{
  Call *call = id != NULL ? g_hash_table_lookup (self->sent, id) : NULL;

  return call != NULL ? call->method : NULL;
}

/**
 * _asc_call_table_settle:
 * @result: (nullable): the answer; %NULL is JSON null
 * @error: (transfer full) (nullable): or the error
 *
 * Ends the sent call @id. Answers to calls that timed out, were cancelled
 * or were never made here are ignored (and @error freed).
 *
 * Returns: whether a call ended
 */
gboolean
_asc_call_table_settle (AscCallTable *self,
                        const char   *id,
                        JsonNode     *result,
                        GError       *error)
{
  Call *call = id != NULL ? g_hash_table_lookup (self->sent, id) : NULL;

  if (call == NULL)
    {
      g_debug ("Ignoring an answer to unknown call %s", id != NULL ? id : "(none)");
      g_clear_error (&error);
      return FALSE;
    }

  call_complete (call, result, error);
  return TRUE;
}

/**
 * _asc_call_table_fail_sent:
 * @reason: why the socket closed
 *
 * The socket closed: the calls sent on it may or may not have run, so they
 * fail rather than being sent again.
 */
void
_asc_call_table_fail_sent (AscCallTable *self,
                           const char   *reason)
{
  g_autoptr(GList) calls = g_hash_table_get_values (self->sent);

  for (GList *l = calls; l != NULL; l = l->next)
    {
      Call *call = l->data;

      call_complete (call, NULL,
                     g_error_new (ASC_ERROR, ASC_ERROR_CLOSED,
                                  _("The connection closed before “%s” answered (%s); "
                                    "it may or may not have run"),
                                  call->method, reason));
    }
}

/**
 * _asc_call_table_fail_waiting:
 * @error: (nullable): why, or %NULL when the user closed the client
 *
 * The waiting calls will never be sent: they fail with @error.
 */
void
_asc_call_table_fail_waiting (AscCallTable *self,
                              const GError *error)
{
  Call *call;

  while ((call = g_queue_peek_head (&self->waiting)) != NULL)
    {
      if (error != NULL)
        call_complete (call, NULL, g_error_copy (error));
      else
        call_complete (call, NULL,
                       g_error_new (ASC_ERROR, ASC_ERROR_CLOSED,
                                    _("The connection was closed before “%s” could be sent"),
                                    call->method));
    }
}

guint
_asc_call_table_get_n_calls (AscCallTable *self)
{
  return g_hash_table_size (self->sent) + self->waiting.length;
}
