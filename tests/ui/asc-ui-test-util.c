/* asc-ui-test-util.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-test-util.h"
#include "asc-ui-test-util.h"

GtkWidget *
asc_ui_find_widget (GtkWidget      *root,
                    AscWidgetMatch  match,
                    gpointer        user_data)
{
  if (match (root, user_data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = asc_ui_find_widget (child, match, user_data);

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

GtkWidget *
asc_ui_find_of_type (GtkWidget *root,
                     GType      type)
{
  return asc_ui_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   user_data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), user_data) == 0;
}

GtkWidget *
asc_ui_find_label (GtkWidget  *root,
                   const char *text)
{
  return asc_ui_find_widget (root, is_label_with_text, (gpointer) text);
}

GtkWindow *
asc_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Mapped is not enough: the first layout gives the window its size. */
gboolean
asc_ui_widget_is_laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
asc_ui_wait_laid_out (GtkWidget *widget)
{
  g_assert_true (asc_test_wait_until (asc_ui_widget_is_laid_out, widget, 10000));
}

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

/* Lets pending layout and drawing happen, by waiting for one frame of
 * every mapped toplevel. */
void
asc_ui_flush (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      gboolean drawn = FALSE;

      if (!gtk_widget_get_mapped (window))
        continue;
      gtk_widget_add_tick_callback (window, frame_drawn_cb, &drawn, NULL);
      gtk_widget_queue_draw (window);
      g_assert_true (asc_test_wait_until (flag_is_set, &drawn, 5000));
    }
  asc_test_drain ();
}

static GtkWidget *
window_content (GtkWidget *widget)
{
  if (ADW_IS_APPLICATION_WINDOW (widget))
    return adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));
  if (ADW_IS_WINDOW (widget))
    return adw_window_get_content (ADW_WINDOW (widget));
  if (GTK_IS_WINDOW (widget))
    return gtk_window_get_child (GTK_WINDOW (widget));

  return widget;
}

/* Renders @widget as it is on screen into a PNG under the build folder. */
void
asc_ui_save_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  int width, height;

  asc_ui_wait_laid_out (widget);
  /* A widget paintable draws nothing for a toplevel itself, so draw what
   * the toplevel holds: with client-side decorations that is everything
   * but the shadow. Right after a change the content may have no render
   * node yet: give it a few frames. */
  paintable = gtk_widget_paintable_new (window_content (widget));
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      asc_ui_flush ();
      width = gdk_paintable_get_intrinsic_width (paintable);
      height = gdk_paintable_get_intrinsic_height (paintable);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    g_error ("nothing to draw for %s", G_OBJECT_TYPE_NAME (window_content (widget)));

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);
}
