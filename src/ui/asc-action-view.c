/* asc-action-view.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "asc-action-view.h"
#include "asc-call-record.h"
#include "asc-form.h"
#include "asc-json-text.h"

struct _AscActionView
{
  GtkWidget         parent_instance;

  AscServerSession *session;
  AscActor         *actor;
  GCancellable     *cancellable;
  char             *method;
  char             *problem;       /* why Invoke is disabled, or NULL */
  JsonNode         *args;          /* what Invoke would send */
  AscSchema        *schema;        /* what the args must match, if known */
  AscForm          *form;          /* generated from @schema, in form_box */
  gboolean          syncing;       /* the form and the editor follow each other */

  /* Template widgets */
  GtkSourceView    *args_editor;
  GtkLabel         *editor_label;
  GtkBox           *form_box;
  GtkListBox       *history_list;
  GtkButton        *invoke_button;
  GtkLabel         *method_description;
  GtkListBox       *method_list;
  GtkLabel         *method_title;
  GtkEntry         *other_method_entry;
  GtkStack         *page_stack;
  GtkToggleButton  *raw_toggle;
  GtkSourceView    *result_view;
  GtkSpinner       *spinner;
  GtkLabel         *validation_label;
};

G_DEFINE_FINAL_TYPE (AscActionView, asc_action_view, GTK_TYPE_WIDGET)

static gboolean
is_rivet (AscActionView *self)
{
  return self->session != NULL &&
         asc_client_get_kind (asc_server_session_get_client (self->session)) == ASC_CLIENT_KIND_RIVET;
}

static JsonObject *
method_info (AscActionView *self,
             const char    *method)
{
  AscCatalog *catalog = self->session != NULL ? asc_server_session_get_catalog (self->session) : NULL;

  if (catalog == NULL || self->actor == NULL)
    return NULL;

  return asc_catalog_get_method (catalog, asc_actor_get_type_name (self->actor), method);
}

static char *
pretty_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
editor_text (AscActionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->args_editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_problem (AscActionView *self,
             const char    *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->validation_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->validation_label), problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.invoke",
                                 problem == NULL && self->cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.copy-command", problem == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->invoke_button),
                               problem != NULL ? problem : _("Invoke the Method (Ctrl+Enter)"));
}

/* Invalid input never reaches the server: the args are checked against
 * the catalog's schema first, and every issue is listed. */
static void
check_schema (AscActionView *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonNode) details = NULL;
  g_autoptr(GString) problem = NULL;
  JsonArray *list;

  if (self->schema == NULL)
    {
      set_problem (self, NULL);
      return;
    }

  if (self->args == NULL)
    {
      /* Zocket leaves the input out; the schema still says whether that
       * is fine (a method taking an object needs one). */
      set_problem (self, _("This method needs an input value"));
      return;
    }

  if (asc_schema_validate (self->schema, self->args, &issues))
    {
      if (self->form != NULL)
        asc_form_clear_issues (self->form);
      set_problem (self, NULL);
      return;
    }

  details = asc_schema_issues_to_details (issues);
  if (self->form != NULL)
    asc_form_show_issues (self->form, details);
  list = json_node_get_array (details);
  problem = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *issue = json_array_get_object_element (list, i);
      const char *path = json_object_get_string_member (issue, "path");

      g_string_append_printf (problem, "%s%s: %s", i > 0 ? "\n" : "",
                              path[0] != '\0' ? path : "/", json_object_get_string_member (issue, "message"));
    }
  set_problem (self, problem->str);
}

/* Reads the editor into self->args: Zocket takes one input value (none
 * when empty), Rivet a JSON array of positional arguments. */
static void
validate (AscActionView *self)
{
  g_autofree char *text = editor_text (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  JsonNode *root;

  g_clear_pointer (&self->args, json_node_unref);
  g_strstrip (text);

  if (text[0] == '\0')
    {
      self->args = is_rivet (self) ? json_from_string ("[]", NULL) : NULL;
      check_schema (self);
      return;
    }

  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      /* json-glib names its input "<data>"; the person knows which box. */
      const char *where = g_str_has_prefix (error->message, "<data>:") ? error->message + 7 : error->message;

      problem = g_strdup_printf (_("Not valid JSON: %s"), where);
      set_problem (self, problem);
      return;
    }

  root = json_parser_get_root (parser);
  if (is_rivet (self) && !JSON_NODE_HOLDS_ARRAY (root))
    {
      set_problem (self, _("Rivet actions take a JSON array of arguments, such as [1, \"two\"]"));
      return;
    }

  self->args = json_node_copy (root);
  check_schema (self);
}

/* Results are JSON and highlighted as such; errors are prose. */
static void
show_result_text (AscActionView *self,
                  const char    *text,
                  gboolean       is_json)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->result_view)));
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  gtk_source_buffer_set_language (buffer, is_json ? gtk_source_language_manager_get_language (languages, "json")
                                                  : NULL);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, -1);
  if (is_json)
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_view), "error-text");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->result_view), "error-text");
}

static char *
describe_error (const GError *error)
{
  JsonNode *details = asc_error_get_details (error);
  g_autofree char *details_text = NULL;

  if (error->domain != ASC_ERROR)
    return g_strdup (error->message);
  if (details == NULL)
    return g_strdup_printf ("%s\n%s", asc_error_code_name (error->code), error->message);

  details_text = pretty_json (details);
  return g_strdup_printf ("%s\n%s\n\n%s", asc_error_code_name (error->code), error->message, details_text);
}

static void
set_running (AscActionView *self,
             gboolean       running)
{
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.invoke", !running && self->problem == NULL);
}

typedef struct
{
  AscActionView *self;
  AscCallRecord *record;
} Invocation;

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Invocation *invocation = user_data;
  g_autoptr(AscActionView) self = invocation->self;
  g_autoptr(AscCallRecord) record = invocation->record;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_free (invocation);
  node = asc_actor_call_finish (ASC_ACTOR (object), result, &error);
  asc_call_record_finish (record, node, error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->cancellable == NULL)
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  text = node != NULL ? pretty_json (node) : describe_error (error);
  show_result_text (self, text, node != NULL);
  if (g_error_matches (error, ASC_ERROR, ASC_ERROR_VALIDATION) && self->form != NULL &&
      asc_error_get_details (error) != NULL)
    asc_form_show_issues (self->form, asc_error_get_details (error));
  gtk_widget_set_visible (GTK_WIDGET (self->result_view), TRUE);
}

static void
invoke (AscActionView *self,
        const char    *method,
        JsonNode      *args)
{
  Invocation *invocation;
  AscCallRecord *record;

  if (self->actor == NULL || self->cancellable != NULL)
    return;

  record = asc_call_record_new (method, args);
  g_list_store_insert (asc_call_record_history_for (self->actor), 0, record);

  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  show_result_text (self, _("Waiting for the answer…"), FALSE);

  invocation = g_new0 (Invocation, 1);
  invocation->self = g_object_ref (self);
  invocation->record = record;
  asc_actor_call_async (self->actor, method, args, self->cancellable, call_done_cb, invocation);
}

static void
invoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AscActionView *self = ASC_ACTION_VIEW (widget);

  validate (self);
  if (self->method == NULL || self->problem != NULL)
    return;

  invoke (self, self->method, self->args);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AscActionView *self = ASC_ACTION_VIEW (widget);

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  show_result_text (self, _("Cancelled. The server may still run the call."), FALSE);
}

static void
copy_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AscActionView *self = ASC_ACTION_VIEW (widget);
  g_autofree char *command = asc_action_view_dup_command (self);

  if (command == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), command);
  gtk_widget_activate_action (widget, "win.toast", "s", _("Command copied"));
}

static void
args_changed_cb (AscActionView *self)
{
  validate (self);
  if (self->form != NULL && !self->syncing && self->args != NULL)
    {
      self->syncing = TRUE;
      asc_form_set_value (self->form, self->args);
      self->syncing = FALSE;
    }
}

/* The form writes JSON into the editor, which stays the one source of
 * what Invoke sends. */
static void
form_changed_cb (AscActionView *self)
{
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  value = asc_form_dup_value (self->form);
  text = value != NULL ? pretty_json (value) : g_strdup ("");
  self->syncing = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->args_editor)), text, -1);
  self->syncing = FALSE;
}

static void
clear_form (AscActionView *self)
{
  if (self->form == NULL)
    return;

  gtk_box_remove (self->form_box, GTK_WIDGET (self->form));
  self->form = NULL;
}

static void
build_form (AscActionView *self)
{
  g_autoptr(AscField) field = NULL;

  clear_form (self);
  if (self->schema == NULL)
    return;

  field = asc_field_new (self->schema);
  self->form = ASC_FORM (asc_form_new ());
  asc_form_set_field (self->form, field);
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (form_changed_cb), self);
  gtk_box_append (self->form_box, GTK_WIDGET (self->form));
}

static void
update_editor_visibility (AscActionView *self)
{
  gboolean raw = self->form == NULL || gtk_toggle_button_get_active (self->raw_toggle);

  gtk_widget_set_visible (GTK_WIDGET (self->form_box), !raw);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->args_editor)), raw);
  gtk_widget_set_visible (GTK_WIDGET (self->raw_toggle), self->form != NULL);
}

static void
raw_toggled_cb (AscActionView *self)
{
  update_editor_visibility (self);
}

/* What the call sends must match: the catalog compiles it (Zocket's
 * `input`, or a tuple of Rivet's positional `args`). */
static void
load_schema (AscActionView *self,
             const char    *method)
{
  AscCatalog *catalog = self->session != NULL ? asc_server_session_get_catalog (self->session) : NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->schema);
  if (catalog == NULL || self->actor == NULL)
    return;

  self->schema = asc_catalog_get_method_schema (catalog, asc_actor_get_type_name (self->actor),
                                                method, &error);
  if (self->schema != NULL)
    g_object_ref (self->schema);
  else if (error != NULL)
    g_debug ("The catalog's schema for this method is unusable: %s", error->message);
}

static char *
default_args_text (AscActionView *self,
                   JsonObject    *info)
{
  if (info != NULL && json_object_has_member (info, "input"))
    {
      JsonObject *schema = json_object_get_object_member (info, "input");

      if (schema != NULL && json_object_has_member (schema, "default"))
        return pretty_json (json_object_get_member (schema, "default"));
      if (schema != NULL && g_strcmp0 (json_object_get_string_member_with_default (schema, "type", ""), "object") == 0)
        return g_strdup ("{}");
    }

  return g_strdup (is_rivet (self) ? "[]" : "");
}

static void
show_method (AscActionView *self,
             const char     *method)
{
  JsonObject *info = method_info (self, method);
  const char *description = info != NULL ? json_object_get_string_member_with_default (info, "description", "") : "";
  g_autofree char *text = default_args_text (self, info);

  g_free (self->method);
  self->method = g_strdup (method);
  load_schema (self, method);
  build_form (self);
  update_editor_visibility (self);
  gtk_label_set_text (self->method_title, method);
  gtk_label_set_text (self->method_description, description);
  gtk_widget_set_visible (GTK_WIDGET (self->method_description), description[0] != '\0');
  gtk_label_set_text (self->editor_label,
                      self->form != NULL ? _("Input")
                      : is_rivet (self) ? _("Arguments (a JSON array)") : _("Input (JSON; empty for none)"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->args_editor)), text, -1);
  show_result_text (self, "", TRUE);
  gtk_stack_set_visible_child_name (self->page_stack, "method");
  validate (self);
}

static void
method_selected_cb (AscActionView *self,
                    GtkListBoxRow *row)
{
  if (row == NULL)
    return;

  show_method (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
other_method_activate_cb (AscActionView *self)
{
  const char *method = gtk_editable_get_text (GTK_EDITABLE (self->other_method_entry));

  if (method[0] == '\0')
    return;

  gtk_list_box_unselect_all (self->method_list);
  show_method (self, method);
}

static GtkWidget *
method_row (const char *method,
            const char *description)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), method);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_name (row, method);
  return row;
}

static void
fill_methods (AscActionView *self)
{
  AscCatalog *catalog = self->session != NULL ? asc_server_session_get_catalog (self->session) : NULL;
  g_auto(GStrv) names = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->method_list))) != NULL)
    gtk_list_box_remove (self->method_list, child);

  if (catalog == NULL || self->actor == NULL)
    return;

  /* Methods known from the catalog or from the server, in one list. */
  names = asc_catalog_dup_method_names (catalog, asc_actor_get_type_name (self->actor));
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonObject *info = method_info (self, names[i]);

      gtk_list_box_append (self->method_list,
                           method_row (names[i], info != NULL ? json_object_get_string_member_with_default (info, "description", NULL) : NULL));
    }
}

static void
rerun_clicked_cb (GtkButton     *button,
                  AscCallRecord *record)
{
  AscActionView *self = ASC_ACTION_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button), ASC_TYPE_ACTION_VIEW));

  invoke (self, asc_call_record_get_method (record), asc_call_record_get_args (record));
}

static void
update_history_row (AscCallRecord *record,
                    GParamSpec    *pspec,
                    AdwActionRow  *row)
{
  g_autofree char *summary = asc_call_record_dup_summary (record);

  adw_action_row_set_subtitle (row, summary);
  if (asc_call_record_get_finished (record) && !asc_call_record_get_succeeded (record))
    gtk_widget_add_css_class (GTK_WIDGET (row), "failed-call");
}

static GtkWidget *
history_row_cb (gpointer item,
                gpointer user_data)
{
  AscCallRecord *record = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  g_autofree char *args = asc_call_record_get_args (record) != NULL
                          ? asc_json_to_text (asc_call_record_get_args (record)) : g_strdup ("");
  g_autofree char *title = g_strdup_printf ("%s %s", asc_call_record_get_method (record), args);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Run Again"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (rerun_clicked_cb), record, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect_object (record, "notify::finished", G_CALLBACK (update_history_row), row, 0);
  update_history_row (record, NULL, ADW_ACTION_ROW (row));

  return row;
}

static void
asc_action_view_dispose (GObject *object)
{
  AscActionView *self = ASC_ACTION_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_ACTION_VIEW);
  /* dispose_template() clears the bound children; the root-level ones
   * still have to be unparented by hand in GTK 4.8. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->actor);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->args, json_node_unref);
  g_clear_object (&self->schema);
  self->form = NULL;

  G_OBJECT_CLASS (asc_action_view_parent_class)->dispose (object);
}

static void
asc_action_view_class_init (AscActionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_action_view_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/asc-action-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AscActionView, args_editor);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, editor_label);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, form_box);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, history_list);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, invoke_button);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, method_description);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, method_list);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, method_title);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, other_method_entry);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, raw_toggle);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, result_view);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AscActionView, validation_label);
  gtk_widget_class_bind_template_callback (widget_class, method_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, other_method_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, raw_toggled_cb);

  gtk_widget_class_install_action (widget_class, "actions.invoke", NULL, invoke_action);
  gtk_widget_class_install_action (widget_class, "actions.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "actions.copy-command", NULL, copy_command_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "actions.invoke", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "actions.invoke", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "actions.cancel", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actionview");
}

static void
set_json_language (GtkSourceView *view)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *json = gtk_source_language_manager_get_language (languages, "json");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  if (json != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), json);
}

static void
asc_action_view_init (AscActionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_json_language (self->args_editor);
  set_json_language (self->result_view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->args_editor)), "changed",
                            G_CALLBACK (args_changed_cb), self);
  update_editor_visibility (self);
  set_problem (self, NULL);
  set_running (self, FALSE);
}

GtkWidget *
asc_action_view_new (void)
{
  return g_object_new (ASC_TYPE_ACTION_VIEW, NULL);
}

/**
 * asc_action_view_set_actor:
 * @session: (nullable): the server the actor belongs to
 * @actor: (nullable): the actor whose methods to offer
 */
void
asc_action_view_set_actor (AscActionView    *self,
                           AscServerSession *session,
                           AscActor         *actor)
{
  g_return_if_fail (ASC_IS_ACTION_VIEW (self));

  if (self->actor == actor && self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->session, session);
  g_set_object (&self->actor, actor);
  g_clear_pointer (&self->method, g_free);

  fill_methods (self);
  gtk_list_box_bind_model (self->history_list,
                           actor != NULL ? G_LIST_MODEL (asc_call_record_history_for (actor)) : NULL,
                           history_row_cb, NULL, NULL);
  gtk_stack_set_visible_child_name (self->page_stack, "none");
  set_running (self, FALSE);
}

/**
 * asc_action_view_select_method:
 * @method: a method name, listed or not
 */
void
asc_action_view_select_method (AscActionView *self,
                               const char    *method)
{
  g_return_if_fail (ASC_IS_ACTION_VIEW (self));

  gtk_list_box_unselect_all (self->method_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->method_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), method) == 0)
      {
        gtk_list_box_select_row (self->method_list, GTK_LIST_BOX_ROW (row));
        return;
      }

  show_method (self, method);
}

void
asc_action_view_set_args_text (AscActionView *self,
                               const char    *text)
{
  g_return_if_fail (ASC_IS_ACTION_VIEW (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->args_editor)), text, -1);
}

/**
 * asc_action_view_get_problem:
 *
 * Returns: (nullable): why Invoke is disabled, or %NULL when it is not
 */
const char *
asc_action_view_get_problem (AscActionView *self)
{
  g_return_val_if_fail (ASC_IS_ACTION_VIEW (self), NULL);

  return self->problem;
}

/* Quotes @word for a POSIX shell, only when it needs it. */
static char *
shell_word (const char *word)
{
  gboolean plain = word[0] != '\0';

  for (const char *c = word; *c != '\0' && plain; c++)
    plain = g_ascii_isalnum (*c) || strchr ("_./:=@,+-", *c) != NULL;

  return plain ? g_strdup (word) : g_shell_quote (word);
}

/**
 * asc_action_view_dup_command:
 *
 * Returns: (transfer full) (nullable): an `actorscope-cli` command line
 *   making the current call, every argument quoted for a POSIX shell
 */
char *
asc_action_view_dup_command (AscActionView *self)
{
  AscClient *client;
  g_autoptr(GString) command = NULL;
  g_autofree char *server = NULL, *type = NULL, *key = NULL, *method = NULL;

  g_return_val_if_fail (ASC_IS_ACTION_VIEW (self), NULL);

  if (self->actor == NULL || self->method == NULL || self->problem != NULL)
    return NULL;

  client = asc_server_session_get_client (self->session);
  server = shell_word (asc_client_get_uri (client));
  type = shell_word (asc_actor_get_type_name (self->actor));
  key = shell_word (asc_actor_get_key (self->actor));
  method = shell_word (self->method);
  command = g_string_new (NULL);
  g_string_append_printf (command, "actorscope-cli --server %s call %s %s %s", server, type, key, method);

  if (self->args != NULL && is_rivet (self))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (self->args)); i++)
      {
        g_autofree char *arg = asc_json_to_text (json_array_get_element (json_node_get_array (self->args), i));
        g_autofree char *quoted = shell_word (arg);

        g_string_append_printf (command, " %s", quoted);
      }
  else if (self->args != NULL)
    {
      g_autofree char *arg = asc_json_to_text (self->args);
      g_autofree char *quoted = shell_word (arg);

      g_string_append_printf (command, " %s", quoted);
    }

  return g_string_free (g_steal_pointer (&command), FALSE);
}

/**
 * asc_action_view_dup_result_text:
 *
 * Returns: (transfer full): what the result pane shows
 */
char *
asc_action_view_dup_result_text (AscActionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->result_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
