/* asc-window.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-window.h"

struct _AscWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwStatusPage        *empty_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *server_list;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (AscWindow, asc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
asc_window_connect_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AscWindow *self = ASC_WINDOW (widget);
  AdwToast *toast;

  toast = adw_toast_new (_("Connecting to servers is not available yet"));
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
asc_window_bind_settings (AscWindow *self,
                          GSettings *settings)
{
  g_settings_bind (settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
asc_window_constructed (GObject *object)
{
  AscWindow *self = ASC_WINDOW (object);

  G_OBJECT_CLASS (asc_window_parent_class)->constructed (object);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
asc_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ASC_TYPE_WINDOW);

  G_OBJECT_CLASS (asc_window_parent_class)->dispose (object);
}

static void
asc_window_class_init (AscWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = asc_window_constructed;
  object_class->dispose = asc_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/asc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AscWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, server_list);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.connect", NULL,
                                   asc_window_connect_action);
}

static void
asc_window_init (AscWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * asc_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer full): a new main window
 */
AscWindow *
asc_window_new (AscApplication *application)
{
  AscWindow *self;

  g_return_val_if_fail (ASC_IS_APPLICATION (application), NULL);

  self = g_object_new (ASC_TYPE_WINDOW,
                       "application", application,
                       NULL);
  /* "application" is not a construct property, so bind once it is set. */
  asc_window_bind_settings (self, asc_application_get_settings (application));

  return self;
}
