/* asc-create-actor-dialog.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routine failures (the input is no JSON, the key is taken, the engine
 * said no) are written in the dialog, next to what to change: nothing
 * modal, and the dialog stays open to try again.
 */

#define G_LOG_DOMAIN "asc-create-actor"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "asc-create-actor-dialog.h"

struct _AscCreateActorDialog
{
  AdwWindow       parent_instance;

  AscRivetClient *client;
  char           *type_name;
  GCancellable   *cancellable;
  char           *problem;
  JsonNode       *input;      /* the parsed input, NULL when empty */
  gboolean        input_ok;

  /* Template widgets */
  GtkButton      *create_button;
  GtkSourceView  *input_view;
  AdwEntryRow    *key_row;
  GtkLabel       *problem_label;
  GtkSpinner     *spinner;
  AdwActionRow   *type_row;
};

G_DEFINE_FINAL_TYPE (AscCreateActorDialog, asc_create_actor_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_problem (AscCreateActorDialog *self,
             const char           *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->create_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->create_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static gboolean
is_busy (AscCreateActorDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_sensitivity (AscCreateActorDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 self->client != NULL && self->input_ok && !is_busy (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), is_busy (self));
  gtk_spinner_set_spinning (self->spinner, is_busy (self));
}

static char *
dup_input_text (AscCreateActorDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Parses the input as it is typed, so Create is only offered for JSON. */
static void
check_input (AscCreateActorDialog *self)
{
  g_autofree char *text = dup_input_text (self);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  g_clear_pointer (&self->input, json_node_unref);
  self->input_ok = TRUE;
  if (text[0] != '\0')
    {
      if (json_parser_load_from_data (parser, text, -1, &error))
        self->input = json_node_ref (json_parser_get_root (parser));
      else
        {
          self->input_ok = FALSE;
          problem = g_strdup_printf (_("The input is not valid JSON: %s"), error->message);
        }
    }

  if (self->input_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->input_view), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->input_view), "error");
  set_problem (self, problem);
  update_sensitivity (self);
}

static void
inputs_changed_cb (AscCreateActorDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "error");
  check_input (self);
}

static gboolean
is_duplicate_key (const GError *error)
{
  JsonNode *details = asc_error_get_details (error);
  JsonObject *object;
  JsonNode *code;

  if (details == NULL || !JSON_NODE_HOLDS_OBJECT (details))
    return FALSE;

  object = json_node_get_object (details);
  code = json_object_get_member (object, "code");
  return code != NULL && json_node_get_value_type (code) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (code), "duplicate_key") == 0;
}

static void
show_failure (AscCreateActorDialog *self,
              const GError         *error)
{
  g_autofree char *problem = NULL;

  if (is_duplicate_key (error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "error");
      problem = g_strdup_printf (_("An actor “%s” with this key already exists: "
                                   "choose another key, or open the existing one"),
                                 self->type_name);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
    }
  else
    problem = g_strdup_printf (_("Could not create the actor: %s"), error->message);

  set_problem (self, problem);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AscCreateActorDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AscActor) actor = NULL;

  actor = asc_rivet_client_create_actor_finish (ASC_RIVET_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  update_sensitivity (self);
  if (actor == NULL)
    {
      show_failure (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, actor);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The key is written as the engine stores it, as in the sidebar; empty
 * stands for the key with no parts. */
static char *
dup_key (AscCreateActorDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  const char * const none[] = { NULL };

  if (text[0] == '\0')
    return asc_rivet_key_serialize (none);
  return g_strdup (text);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AscCreateActorDialog *self = ASC_CREATE_ACTOR_DIALOG (widget);
  g_autofree char *key = NULL;

  check_input (self);
  if (self->client == NULL || !self->input_ok || is_busy (self))
    return;

  key = dup_key (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "error");
  self->cancellable = g_cancellable_new ();
  update_sensitivity (self);
  asc_rivet_client_create_actor_async (self->client, self->type_name, key, self->input,
                                       self->cancellable, created_cb, g_object_ref (self));
}

static void
entry_activated_cb (AscCreateActorDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
asc_create_actor_dialog_dispose (GObject *object)
{
  AscCreateActorDialog *self = ASC_CREATE_ACTOR_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_CREATE_ACTOR_DIALOG);

  G_OBJECT_CLASS (asc_create_actor_dialog_parent_class)->dispose (object);
}

static void
asc_create_actor_dialog_finalize (GObject *object)
{
  AscCreateActorDialog *self = ASC_CREATE_ACTOR_DIALOG (object);

  g_free (self->type_name);
  g_free (self->problem);
  g_clear_pointer (&self->input, json_node_unref);

  G_OBJECT_CLASS (asc_create_actor_dialog_parent_class)->finalize (object);
}

static void
asc_create_actor_dialog_class_init (AscCreateActorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_create_actor_dialog_dispose;
  object_class->finalize = asc_create_actor_dialog_finalize;

  /**
   * AscCreateActorDialog::created:
   * @actor: the new actor's handle
   *
   * The actor exists; the dialog closes right after.
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ASC_TYPE_ACTOR);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/asc-create-actor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AscCreateActorDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AscCreateActorDialog, input_view);
  gtk_widget_class_bind_template_child (widget_class, AscCreateActorDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, AscCreateActorDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AscCreateActorDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AscCreateActorDialog, type_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.create", NULL);
}

static void
asc_create_actor_dialog_init (AscCreateActorDialog *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input_view));
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer),
                                  gtk_source_language_manager_get_language (languages, "json"));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (inputs_changed_cb),
                           self, G_CONNECT_SWAPPED);
  check_input (self);
}

/**
 * asc_create_actor_dialog_new:
 * @parent: the window the dialog belongs to
 * @client: the engine to create the actor on
 * @type_name: the actor type to create
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
AscCreateActorDialog *
asc_create_actor_dialog_new (GtkWindow      *parent,
                             AscRivetClient *client,
                             const char     *type_name)
{
  AscCreateActorDialog *self;

  g_return_val_if_fail (ASC_IS_RIVET_CLIENT (client), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  self = g_object_new (ASC_TYPE_CREATE_ACTOR_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->type_name = g_strdup (type_name);
  adw_action_row_set_subtitle (self->type_row, type_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, type_name, -1);
  update_sensitivity (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->key_row));

  return self;
}

void
asc_create_actor_dialog_set_key (AscCreateActorDialog *self,
                                 const char           *key)
{
  g_return_if_fail (ASC_IS_CREATE_ACTOR_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->key_row), key != NULL ? key : "");
}

void
asc_create_actor_dialog_set_input (AscCreateActorDialog *self,
                                   const char           *json)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (ASC_IS_CREATE_ACTOR_DIALOG (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input_view));
  gtk_text_buffer_set_text (buffer, json != NULL ? json : "", -1);
}

/**
 * asc_create_actor_dialog_get_problem:
 *
 * Returns: (nullable): what the dialog says is wrong, or %NULL
 */
const char *
asc_create_actor_dialog_get_problem (AscCreateActorDialog *self)
{
  g_return_val_if_fail (ASC_IS_CREATE_ACTOR_DIALOG (self), NULL);

  return self->problem;
}

/**
 * asc_create_actor_dialog_get_busy:
 *
 * Returns: whether a creation is under way
 */
gboolean
asc_create_actor_dialog_get_busy (AscCreateActorDialog *self)
{
  g_return_val_if_fail (ASC_IS_CREATE_ACTOR_DIALOG (self), FALSE);

  return is_busy (self);
}
