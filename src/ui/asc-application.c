/* asc-application.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-application.h"
#include "asc-demo-server.h"
#include "asc-preferences-window.h"
#include "asc-state-cell.h"
#include "asc-window.h"

struct _AscApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  AscDemoServer  *demo;
  gboolean        demo_requested;
};

G_DEFINE_FINAL_TYPE (AscApplication, asc_application, ADW_TYPE_APPLICATION)

static AscWindow *
asc_application_new_window (AscApplication *self)
{
  AscWindow *window = asc_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static AscWindow *
asc_application_get_window (AscApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ASC_IS_WINDOW (window))
    {
      gtk_window_present (window);
      return ASC_WINDOW (window);
    }

  return asc_application_new_window (self);
}

/* The demo server runs inside the app, on a random loopback port; its
 * catalog comes along, so forms and instances are there from the start. */
static void
asc_application_open_demo (AscApplication *self)
{
  AscWindow *window = asc_application_get_window (self);
  g_autoptr(AscServerConfig) config = asc_server_config_new ();
  g_autoptr(GError) error = NULL;

  if (self->demo == NULL)
    self->demo = asc_demo_server_new ();

  if (!asc_demo_server_get_running (self->demo) && !asc_demo_server_start (self->demo, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The demo could not start: %s"), error->message);

      asc_window_toast (window, message);
      return;
    }

  config->url = g_strdup (asc_demo_server_get_url (self->demo));
  config->kind = ASC_CLIENT_KIND_ZOCKET;
  config->catalog = g_strdup (asc_demo_server_get_catalog_url (self->demo));
  asc_window_connect (window, config);
}

static void
asc_application_activate (GApplication *app)
{
  AscApplication *self = ASC_APPLICATION (app);

  if (self->demo_requested)
    {
      self->demo_requested = FALSE;
      asc_application_open_demo (self);
      return;
    }

  asc_application_get_window (self);
}

/* `actorscope URL…` connects to each server given. */
static void
asc_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  AscApplication *self = ASC_APPLICATION (app);
  AscWindow *window = asc_application_get_window (self);

  if (self->demo_requested)
    {
      self->demo_requested = FALSE;
      asc_application_open_demo (self);
    }

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(AscServerConfig) config = asc_server_config_new ();
      g_autofree char *problem = NULL;

      config->url = g_file_get_uri (files[i]);
      problem = asc_server_config_check (config);
      if (problem != NULL)
        asc_window_toast (window, problem);
      else
        asc_window_connect (window, config);
    }
}

static int
asc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("actorscope %s\n", PACKAGE_VERSION);
      return 0;
    }

  ASC_APPLICATION (app)->demo_requested = g_variant_dict_contains (options, "demo");
  return -1;
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  asc_application_new_window (ASC_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Actorscope authors", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", BASE_ID,
                        "application-name", _("Actorscope"),
                        "developer-name", _("The Actorscope authors"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "comments", _("Inspect the actors of Rivet and Zocket servers: "
                                      "their state, their events and their actions."),
                        "copyright", "© 2026 The Actorscope authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AscApplication *self = ASC_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AscPreferencesWindow *preferences = asc_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  asc_application_open_demo (ASC_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "demo", demo_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
asc_application_add_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.connect", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
highlight_duration_changed_cb (GSettings  *settings,
                               const char *key)
{
  asc_state_cell_set_highlight_ms (g_settings_get_uint (settings, "highlight-duration"));
}

static void
asc_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (asc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  asc_application_add_accels (GTK_APPLICATION (app));
  gtk_window_set_default_icon_name (BASE_ID);

  highlight_duration_changed_cb (ASC_APPLICATION (app)->settings, NULL);
  g_signal_connect (ASC_APPLICATION (app)->settings, "changed::highlight-duration",
                    G_CALLBACK (highlight_duration_changed_cb), NULL);
}

static void
asc_application_finalize (GObject *object)
{
  AscApplication *self = ASC_APPLICATION (object);

  g_clear_object (&self->settings);
  if (self->demo != NULL)
    asc_demo_server_stop (self->demo);
  g_clear_object (&self->demo);

  G_OBJECT_CLASS (asc_application_parent_class)->finalize (object);
}

static void
asc_application_class_init (AscApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = asc_application_finalize;
  app_class->activate = asc_application_activate;
  app_class->open = asc_application_open;
  app_class->handle_local_options = asc_application_handle_local_options;
  app_class->startup = asc_application_startup;
}

static void
asc_application_init (AscApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start the built-in demo server and show its actors"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (BASE_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[URL…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Inspect the actors of Rivet and Zocket servers."));
}

/**
 * asc_application_new:
 *
 * Returns: (transfer full): the application, with the development id in
 *   development builds; resources always live under the base id's path.
 */
AscApplication *
asc_application_new (void)
{
  return g_object_new (ASC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * asc_application_get_settings:
 *
 * Returns: (transfer none): the one #GSettings of the application
 */
GSettings *
asc_application_get_settings (AscApplication *self)
{
  g_return_val_if_fail (ASC_IS_APPLICATION (self), NULL);

  return self->settings;
}
