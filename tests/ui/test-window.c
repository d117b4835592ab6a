/* test-window.c: the main window, driven for real
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "asc-application.h"
#include "asc-test-util.h"
#include "asc-window.h"

typedef struct
{
  AscApplication *app;
  AscWindow      *window;
} Fixture;

typedef gboolean (*WidgetMatch) (GtkWidget *widget,
                                 gpointer   user_data);

static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             gpointer     user_data)
{
  if (match (root, user_data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, user_data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   user_data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (user_data));
}

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

/* Mapped is not enough: the first layout gives the window its size. */
static gboolean
widget_is_laid_out (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_of_type_is_mapped (gpointer user_data)
{
  GtkWindow *window = find_toplevel_of_type (GPOINTER_TO_SIZE (user_data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* Renders @widget as it is on screen into a PNG under the build folder. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  int width, height;

  g_assert_true (asc_test_wait_until (widget_is_laid_out, widget, 5000));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  /* A widget paintable draws nothing for a toplevel, so ask the window
   * class to draw itself, as the frame clock would. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);
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
  g_assert_true (asc_test_wait_until (widget_is_laid_out, fixture->window, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_finalize_object (fixture->window);
}

static void
test_window_shows_empty_state (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *page = find_widget (root, is_status_page_titled, (gpointer) "No Server Yet");
  GtkWidget *button;

  g_assert_nonnull (page);
  g_assert_true (asc_test_wait_until (widget_is_mapped, page, 5000));
  g_assert_nonnull (find_widget (root, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_LEAFLET)));

  button = find_widget (page, is_button_for_action, (gpointer) "win.connect");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Connect…");

  save_screenshot (root, "main-window");
}

static void
test_window_connect_says_not_available (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GType toast_widget_type;

  g_assert_true (gtk_widget_activate_action (root, "win.connect", NULL));
  /* The toast's widget type is private; resolve it by name once it exists. */
  while (g_main_context_iteration (NULL, FALSE));
  toast_widget_type = g_type_from_name ("AdwToastWidget");
  g_assert_true (toast_widget_type != G_TYPE_INVALID);
  g_assert_nonnull (find_widget (root, is_of_type, GSIZE_TO_POINTER (toast_widget_type)));
}

static void
test_window_opens_about (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  g_assert_true (asc_test_wait_until (toplevel_of_type_is_mapped,
                                      GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 5000));
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Actorscope");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (fixture->window));
  save_screenshot (GTK_WIDGET (about), "about-window");
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
  shortcuts = find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
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
  ADD_WINDOW_TEST ("/asc/window/connect-says-not-available", test_window_connect_says_not_available);
  ADD_WINDOW_TEST ("/asc/window/opens-about", test_window_opens_about);
  ADD_WINDOW_TEST ("/asc/window/opens-shortcuts", test_window_opens_shortcuts);
  ADD_WINDOW_TEST ("/asc/window/has-accels", test_window_has_accels);
  ADD_WINDOW_TEST ("/asc/window/remembers-size", test_window_remembers_size);

  return g_test_run ();
}
