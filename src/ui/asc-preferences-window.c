/* asc-preferences-window.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control is bound to its GSettings key: a change applies at once,
 * and there is nothing to save.
 */

#define G_LOG_DOMAIN "asc-preferences"

#include "config.h"

#include "asc-preferences-window.h"

struct _AscPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkSpinButton        *highlight_spin;
  GtkSpinButton        *log_capacity_spin;
};

G_DEFINE_FINAL_TYPE (AscPreferencesWindow, asc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
asc_preferences_window_dispose (GObject *object)
{
  AscPreferencesWindow *self = ASC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (asc_preferences_window_parent_class)->dispose (object);
}

static void
asc_preferences_window_class_init (AscPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/asc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AscPreferencesWindow, highlight_spin);
  gtk_widget_class_bind_template_child (widget_class, AscPreferencesWindow, log_capacity_spin);
}

static void
asc_preferences_window_init (AscPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * asc_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new window, owned by GTK's list of toplevels
 */
AscPreferencesWindow *
asc_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  AscPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ASC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "log-capacity", self->log_capacity_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "highlight-duration", self->highlight_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  return self;
}

GtkSpinButton *
asc_preferences_window_get_log_capacity (AscPreferencesWindow *self)
{
  g_return_val_if_fail (ASC_IS_PREFERENCES_WINDOW (self), NULL);

  return self->log_capacity_spin;
}

GtkSpinButton *
asc_preferences_window_get_highlight (AscPreferencesWindow *self)
{
  g_return_val_if_fail (ASC_IS_PREFERENCES_WINDOW (self), NULL);

  return self->highlight_spin;
}
