/* test-window.c: the main window, driven for real
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "asc-application.h"
#include "asc-connect-dialog.h"
#include "asc-test-util.h"
#include "asc-ui-test-util.h"
#include "asc-window.h"

typedef struct
{
  AscApplication *app;
  AscWindow      *window;
} Fixture;

static gboolean
is_status_page_titled (GtkWidget *widget,
                       gpointer   user_data)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), user_data) == 0;
}

static gboolean
is_button_for_action (GtkWidget *widget,
                      gpointer   user_data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), user_data) == 0 &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL;
}

static gboolean
widget_is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
toplevel_of_type_is_mapped (gpointer user_data)
{
  GtkWindow *window = asc_ui_find_toplevel (GPOINTER_TO_SIZE (user_data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* One registered application for the whole program, as in the real app. */
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = get_application ();
  fixture->window = g_object_ref (asc_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (asc_test_wait_until (asc_ui_widget_is_laid_out, fixture->window, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  asc_test_drain ();
  g_assert_finalize_object (fixture->window);
}

static void
test_window_shows_empty_state (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *page = asc_ui_find_widget (root, is_status_page_titled, (gpointer) "No Server Yet");
  GtkWidget *button;

  g_assert_nonnull (page);
  g_assert_true (asc_test_wait_until (widget_is_mapped, page, 5000));
  g_assert_nonnull (asc_ui_find_of_type (root, ADW_TYPE_LEAFLET));

  button = asc_ui_find_widget (page, is_button_for_action, (gpointer) "win.connect");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Connect…");

  asc_ui_save_screenshot (root, "main-window");
}

static void
test_window_connect_opens_dialog (Fixture       *fixture,
                                  gconstpointer  data)
{
  AscConnectDialog *dialog;
  g_autoptr(AscServerConfig) config = asc_server_config_new ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.connect", NULL));
  g_assert_true (asc_test_wait_until (toplevel_of_type_is_mapped,
                                      GSIZE_TO_POINTER (ASC_TYPE_CONNECT_DIALOG), 5000));
  dialog = ASC_CONNECT_DIALOG (asc_ui_find_toplevel (ASC_TYPE_CONNECT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));

  /* Empty, then wrong, then right: Connect says why it is disabled. */
  g_assert_nonnull (asc_connect_dialog_get_problem (dialog));
  config->url = g_strdup ("ftp://example");
  asc_connect_dialog_fill (dialog, config);
  g_assert_nonnull (strstr (asc_connect_dialog_get_problem (dialog), "ws://"));
  asc_ui_save_screenshot (GTK_WIDGET (dialog), "connect-dialog");

  g_free (config->url);
  config->url = g_strdup ("ws://127.0.0.1:9/");
  config->params = json_from_string ("{\"token\":\"x\"}", NULL);
  asc_connect_dialog_fill (dialog, config);
  g_assert_null (asc_connect_dialog_get_problem (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_window_opens_about (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  g_assert_true (asc_test_wait_until (toplevel_of_type_is_mapped,
                                      GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 5000));
  about = asc_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Actorscope");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (fixture->window));
  asc_ui_save_screenshot (GTK_WIDGET (about), "about-window");
  gtk_window_destroy (about);
}

static void
test_window_opens_shortcuts (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-help-overlay", NULL));
  g_assert_true (asc_test_wait_until (toplevel_of_type_is_mapped,
                                      GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
  shortcuts = asc_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  asc_ui_save_screenshot (GTK_WIDGET (shortcuts), "shortcuts-window");
  gtk_window_close (shortcuts);
}

static void
test_window_has_accels (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (app, "app.quit");
  g_auto(GStrv) connect = gtk_application_get_accels_for_action (app, "win.connect");

  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_cmpstr (connect[0], ==, "<Control>o");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new-window"));
}

static gboolean
settings_width_is_900 (gpointer user_data)
{
  return g_settings_get_int (user_data, "window-width") == 900;
}

static void
test_window_remembers_size (Fixture       *fixture,
                            gconstpointer  data)
{
  GSettings *settings = asc_application_get_settings (fixture->app);
  AscWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  g_assert_true (asc_test_wait_until (settings_width_is_900, settings, 5000));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  second = g_object_ref (asc_window_new (fixture->app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (second)) ||
                 g_settings_get_boolean (settings, "window-maximized"));
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD_WINDOW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_WINDOW_TEST ("/asc/window/shows-empty-state", test_window_shows_empty_state);
  ADD_WINDOW_TEST ("/asc/window/connect-opens-dialog", test_window_connect_opens_dialog);
  ADD_WINDOW_TEST ("/asc/window/opens-about", test_window_opens_about);
  ADD_WINDOW_TEST ("/asc/window/opens-shortcuts", test_window_opens_shortcuts);
  ADD_WINDOW_TEST ("/asc/window/has-accels", test_window_has_accels);
  ADD_WINDOW_TEST ("/asc/window/remembers-size", test_window_remembers_size);

  return g_test_run ();
}
