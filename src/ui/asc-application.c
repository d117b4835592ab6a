/* asc-application.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-application.h"
#include "asc-window.h"

struct _AscApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AscApplication, asc_application, ADW_TYPE_APPLICATION)

static AscWindow *
asc_application_new_window (AscApplication *self)
{
  AscWindow *window = asc_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
asc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else
    asc_application_new_window (ASC_APPLICATION (app));
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

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "about", about_action },
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
    { "app.quit", { "<Control>q", NULL } },
    { "win.connect", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
asc_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (asc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  asc_application_add_accels (GTK_APPLICATION (app));
  gtk_window_set_default_icon_name (BASE_ID);
}

static void
asc_application_finalize (GObject *object)
{
  AscApplication *self = ASC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (asc_application_parent_class)->finalize (object);
}

static void
asc_application_class_init (AscApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = asc_application_finalize;
  app_class->activate = asc_application_activate;
  app_class->startup = asc_application_startup;
}

static void
asc_application_init (AscApplication *self)
{
  self->settings = g_settings_new (BASE_ID);
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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
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
