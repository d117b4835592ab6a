/* test-widgets.c: every composite widget builds from its template without a
 * warning (the test program makes warnings fatal), and goes away cleanly
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "asc-application.h"
#include "asc-connect-dialog.h"
#include "asc-connection-item.h"
#include "asc-create-actor-dialog.h"
#include "asc-form.h"
#include "asc-preferences-window.h"
#include "asc-test-util.h"
#include "asc-ui-test-util.h"
#include "asc-window.h"

static AscApplication *
get_application (void)
{
  static AscApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = asc_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return app;
}

/* Shown in a window, so the template's children are realized too. */
static void
test_widget_instantiates (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = g_object_ref_sink (g_object_new (type, NULL));

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  asc_ui_wait_laid_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
  asc_test_drain ();
  g_assert_finalize_object (widget);
}

static void
test_toplevel_instantiates (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWidget *window = g_object_ref (g_object_new (type, NULL));

  gtk_window_present (GTK_WINDOW (window));
  asc_ui_wait_laid_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
  asc_test_drain ();
  g_assert_finalize_object (window);
}

static void
test_window_instantiates (void)
{
  AscWindow *window = g_object_ref (asc_window_new (get_application ()));

  gtk_window_present (GTK_WINDOW (window));
  asc_ui_wait_laid_out (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  asc_test_drain ();
  g_assert_finalize_object (window);
}

static void
test_connect_dialog_instantiates (void)
{
  GSettings *settings = asc_application_get_settings (get_application ());
  AscConnectDialog *dialog = g_object_ref (asc_connect_dialog_new (NULL, settings));

  gtk_window_present (GTK_WINDOW (dialog));
  asc_ui_wait_laid_out (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  asc_test_drain ();
  g_assert_finalize_object (dialog);
}

static gboolean
settings_log_capacity_is (gpointer user_data)
{
  GSettings *settings = asc_application_get_settings (get_application ());

  return g_settings_get_uint (settings, "log-capacity") == GPOINTER_TO_UINT (user_data);
}

/* Both ways: the keys show in the window, and changes reach the keys. */
static void
test_preferences_bind_settings (void)
{
  AscApplication *app = get_application ();
  GSettings *settings = asc_application_get_settings (app);
  AscPreferencesWindow *preferences;
  g_auto(GStrv) accels = NULL;

  g_settings_set_uint (settings, "log-capacity", 2500);
  g_settings_set_uint (settings, "highlight-duration", 900);
  preferences = g_object_ref (asc_preferences_window_new (NULL, settings));
  gtk_window_present (GTK_WINDOW (preferences));
  asc_ui_wait_laid_out (GTK_WIDGET (preferences));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (asc_preferences_window_get_log_capacity (preferences)),
                   ==, 2500);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (asc_preferences_window_get_highlight (preferences)),
                   ==, 900);

  gtk_spin_button_set_value (asc_preferences_window_get_log_capacity (preferences), 4000);
  g_assert_true (asc_test_wait_until (settings_log_capacity_is, GUINT_TO_POINTER (4000), 5000));
  gtk_spin_button_set_value (asc_preferences_window_get_highlight (preferences), 50000);
  g_assert_cmpuint (g_settings_get_uint (settings, "highlight-duration"), ==, 10000);
  asc_ui_save_screenshot (GTK_WIDGET (preferences), "preferences");

  gtk_window_destroy (GTK_WINDOW (preferences));
  asc_test_drain ();
  g_assert_finalize_object (preferences);
  g_settings_reset (settings, "log-capacity");
  g_settings_reset (settings, "highlight-duration");

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
}

static void
test_preferences_open_from_the_app (void)
{
  AscApplication *app = get_application ();
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = asc_ui_find_toplevel (ASC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_window_destroy (preferences);
  asc_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    GType     (*get_type) (void);
  } widgets[] = {
    { "action-view", asc_action_view_get_type },
    { "actor-page", asc_actor_page_get_type },
    { "connections-view", asc_connections_view_get_type },
    { "event-log-view", asc_event_log_view_get_type },
    { "form", asc_form_get_type },
    { "state-view", asc_state_view_get_type },
  }, toplevels[] = {
    { "create-actor-dialog", asc_create_actor_dialog_get_type },
    { "preferences-window", asc_preferences_window_get_type },
  };

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  get_application ();

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/asc/widgets/%s/instantiates", widgets[i].name);

      g_test_add_data_func (path, GSIZE_TO_POINTER (widgets[i].get_type ()), test_widget_instantiates);
    }
  for (guint i = 0; i < G_N_ELEMENTS (toplevels); i++)
    {
      g_autofree char *path = g_strdup_printf ("/asc/widgets/%s/instantiates", toplevels[i].name);

      g_test_add_data_func (path, GSIZE_TO_POINTER (toplevels[i].get_type ()),
                            test_toplevel_instantiates);
    }
  g_test_add_func ("/asc/widgets/window/instantiates", test_window_instantiates);
  g_test_add_func ("/asc/widgets/connect-dialog/instantiates", test_connect_dialog_instantiates);
  g_test_add_func ("/asc/widgets/preferences/bind-settings", test_preferences_bind_settings);
  g_test_add_func ("/asc/widgets/preferences/open-from-the-app", test_preferences_open_from_the_app);

  return g_test_run ();
}
