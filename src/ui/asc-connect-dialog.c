/* asc-connect-dialog.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-connect"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-connect-dialog.h"
#include "asc-token-store.h"

struct _AscConnectDialog
{
  AdwWindow             parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *problem;

  /* Template widgets */
  AdwEntryRow          *catalog_row;
  GtkButton            *connect_button;
  AdwComboRow          *kind_row;
  AdwEntryRow          *namespace_row;
  AdwEntryRow          *params_row;
  GtkLabel             *problem_label;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwPasswordEntryRow  *token_row;
  AdwEntryRow          *url_row;
};

G_DEFINE_FINAL_TYPE (AscConnectDialog, asc_connect_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CONNECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Reads the form; on a parameters error, @config is returned without
 * params and the problem is said. */
static AscServerConfig *
read_form (AscConnectDialog  *self,
           char             **problem)
{
  g_autoptr(AscServerConfig) config = asc_server_config_new ();
  g_autoptr(GError) error = NULL;
  const char *params = text_of (self->params_row);
  const char *catalog = text_of (self->catalog_row);

  config->url = g_strstrip (g_strdup (text_of (self->url_row)));
  config->kind = adw_combo_row_get_selected (self->kind_row);
  g_free (config->namespace);
  config->namespace = g_strdup (text_of (self->namespace_row)[0] != '\0' ? text_of (self->namespace_row) : "default");
  config->token = g_strdup (text_of (ADW_ENTRY_ROW (self->token_row)));
  config->catalog = catalog[0] != '\0' ? g_strdup (catalog) : NULL;
  *problem = asc_server_config_check (config);

  if (params[0] != '\0')
    {
      config->params = json_from_string (params, &error);
      if (config->params == NULL && *problem == NULL)
        *problem = g_strdup_printf (_("The connection parameters are not valid JSON: %s"),
                                    error != NULL ? error->message : _("empty"));
    }

  return g_steal_pointer (&config);
}

static void
inputs_changed_cb (AscConnectDialog *self)
{
  g_autoptr(AscServerConfig) config = NULL;
  g_autofree char *problem = NULL;
  gboolean params_bad;

  config = read_form (self, &problem);
  params_bad = text_of (self->params_row)[0] != '\0' && config->params == NULL;
  if (params_bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->params_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->params_row), "error");

  g_free (self->problem);
  self->problem = g_steal_pointer (&problem);
  /* An empty address is not worth a red line; the button says it. */
  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label),
                          self->problem != NULL && text_of (self->url_row)[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.connect", self->problem == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->connect_button), self->problem);
}

static void
remember (AscConnectDialog *self,
          AscServerConfig  *config)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-servers");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *entry = asc_server_config_to_json (config);
  guint kept = 1;

  g_strv_builder_add (builder, entry);
  for (guint i = 0; recent[i] != NULL && kept < 10; i++)
    {
      g_autoptr(AscServerConfig) old = asc_server_config_from_json (recent[i]);

      if (old == NULL || g_strcmp0 (old->url, config->url) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      kept++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-servers", (const char * const *) updated);
}

static void
token_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* No keyring (a bare session): the token still works for this run. */
  if (!asc_token_store_save_finish (result, &error))
    g_debug ("Could not keep the token in the keyring: %s", error->message);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AscConnectDialog *self = ASC_CONNECT_DIALOG (widget);
  g_autoptr(AscServerConfig) config = NULL;
  g_autofree char *problem = NULL;

  config = read_form (self, &problem);
  if (problem != NULL)
    return;

  remember (self, config);
  if (config->token != NULL && config->token[0] != '\0')
    asc_token_store_save_async (config->url, config->token, NULL, token_saved_cb, NULL);

  g_signal_emit (self, signals[SIGNAL_CONNECT], 0, config);
  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (AscConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.connect", NULL);
}

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AscConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = asc_token_store_lookup_finish (result, &error);

  if (token != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

static void
recent_activated_cb (AscConnectDialog *self,
                     GtkListBoxRow    *row)
{
  const char *json = g_object_get_data (G_OBJECT (row), "config");
  g_autoptr(AscServerConfig) config = asc_server_config_from_json (json);

  if (config != NULL)
    asc_connect_dialog_fill (self, config);
}

static void
fill_recent (AscConnectDialog *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-servers");
  guint n = 0;

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(AscServerConfig) config = asc_server_config_from_json (recent[i]);
      GtkWidget *row;

      if (config == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), config->url);
      if (config->catalog != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), config->catalog);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "config", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}

static void
catalog_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(AscConnectDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->catalog_row), path);
    }

  g_object_unref (dialog);
}

static void
choose_catalog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose a Catalog"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (catalog_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
asc_connect_dialog_dispose (GObject *object)
{
  AscConnectDialog *self = ASC_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_CONNECT_DIALOG);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (asc_connect_dialog_parent_class)->dispose (object);
}

static void
asc_connect_dialog_class_init (AscConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_connect_dialog_dispose;

  /**
   * AscConnectDialog::connect:
   * @config: (type gpointer): the #AscServerConfig to connect with
   */
  signals[SIGNAL_CONNECT] =
    g_signal_new ("connect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/asc-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, namespace_row);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, params_row);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, recent_list);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, AscConnectDialog, url_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-catalog", NULL, choose_catalog_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
asc_connect_dialog_init (AscConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * asc_connect_dialog_new:
 * @parent: the window it belongs to
 * @settings: where recent servers are kept
 *
 * Returns: (transfer full): the dialog; connect to #AscConnectDialog::connect
 */
AscConnectDialog *
asc_connect_dialog_new (GtkWindow *parent,
                        GSettings *settings)
{
  AscConnectDialog *self = g_object_new (ASC_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);

  self->settings = g_object_ref (settings);
  fill_recent (self);
  inputs_changed_cb (self);

  return self;
}

/**
 * asc_connect_dialog_dup_config:
 *
 * Returns: (transfer full): what the form says now
 */
AscServerConfig *
asc_connect_dialog_dup_config (AscConnectDialog *self)
{
  g_autofree char *problem = NULL;

  return read_form (self, &problem);
}

/**
 * asc_connect_dialog_fill:
 *
 * Fills the form from @config, and the token from the keyring.
 */
void
asc_connect_dialog_fill (AscConnectDialog *self,
                         AscServerConfig  *config)
{
  g_autofree char *params = config->params != NULL ? json_to_string (config->params, FALSE) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), config->url != NULL ? config->url : "");
  adw_combo_row_set_selected (self->kind_row, config->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->namespace_row), config->namespace);
  gtk_editable_set_text (GTK_EDITABLE (self->params_row), params != NULL ? params : "");
  gtk_editable_set_text (GTK_EDITABLE (self->catalog_row), config->catalog != NULL ? config->catalog : "");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), config->token != NULL ? config->token : "");
  if (config->url != NULL && config->token == NULL)
    asc_token_store_lookup_async (config->url, self->cancellable, token_found_cb, g_object_ref (self));
}

/**
 * asc_connect_dialog_get_problem:
 *
 * Returns: (nullable): why Connect is disabled, or %NULL
 */
const char *
asc_connect_dialog_get_problem (AscConnectDialog *self)
{
  return self->problem;
}
