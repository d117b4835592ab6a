/* asc-window.c: the main window: the server sidebar and the actor pages
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-connect-dialog.h"
#include "asc-window-private.h"

G_DEFINE_FINAL_TYPE (AscWindow, asc_window, ADW_TYPE_APPLICATION_WINDOW)

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListStore *children = asc_sidebar_item_get_children (item);

  return children != NULL ? G_LIST_MODEL (g_object_ref (children)) : NULL;
}

/* Servers and types stay, so the search keeps the tree's shape and only
 * thins out the instances. */
static gboolean
row_matches_cb (gpointer item,
                gpointer user_data)
{
  AscWindow *self = user_data;
  g_autoptr(AscSidebarItem) sidebar_item = gtk_tree_list_row_get_item (item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL, *haystack = NULL;

  if (text[0] == '\0' || asc_sidebar_item_get_kind (sidebar_item) != ASC_SIDEBAR_ITEM_INSTANCE)
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (asc_sidebar_item_get_title (sidebar_item), -1);
  return strstr (haystack, needle) != NULL;
}

static void
search_changed_cb (AscWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_server (AscWindow        *self,
             AscServerSession *session)
{
  g_autofree char *status = asc_server_session_describe_status (session);

  adw_status_page_set_title (self->server_page,
                             asc_client_get_uri (asc_server_session_get_client (session)));
  adw_status_page_set_description (self->server_page, status);
  gtk_stack_set_visible_child_name (self->content_stack, "server");
}

static void
show_type (AscWindow      *self,
           AscSidebarItem *item)
{
  AscServerSession *session = asc_sidebar_item_get_session (item);
  gboolean rivet = ASC_IS_RIVET_CLIENT (asc_server_session_get_client (session));

  adw_status_page_set_title (self->type_page, asc_sidebar_item_get_title (item));
  gtk_editable_set_text (GTK_EDITABLE (self->instance_key_row), "");
  /* Zocket has no way to create an actor but to use it. */
  gtk_widget_set_visible (GTK_WIDGET (self->create_actor_row), rivet);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-actor", rivet);
  gtk_stack_set_visible_child_name (self->content_stack, "type");
}

static void
show_actor (AscWindow      *self,
            AscSidebarItem *item)
{
  AscServerSession *session = asc_sidebar_item_get_session (item);
  AscActor *actor = asc_sidebar_item_get_actor (item);
  g_autofree char *title = g_strdup_printf ("%s · %s", asc_actor_get_type_name (actor),
                                            asc_actor_get_key (actor));

  if (self->settings != NULL)
    asc_event_log_set_capacity (asc_actor_get_event_log (actor),
                                g_settings_get_uint (self->settings, "log-capacity"));
  asc_actor_page_set_actor (self->actor_page, session, actor);
  adw_view_switcher_title_set_stack (self->switcher_title,
                                     asc_actor_page_get_view_stack (self->actor_page));
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        asc_client_get_uri (asc_server_session_get_client (session)));
  gtk_stack_set_visible_child_name (self->content_stack, "actor");
}

static void
show_nothing (AscWindow *self)
{
  asc_actor_page_set_actor (self->actor_page, NULL, NULL);
  adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  adw_view_switcher_title_set_title (self->switcher_title, _("Actorscope"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
}

static void
selection_changed_cb (AscWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(AscSidebarItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item == NULL)
    {
      show_nothing (self);
      gtk_stack_set_visible_child_name (self->content_stack,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->servers)) > 0
                                          ? "server" : "empty");
      return;
    }

  if (asc_sidebar_item_get_kind (item) != ASC_SIDEBAR_ITEM_INSTANCE)
    show_nothing (self);
  if (asc_sidebar_item_get_kind (item) != ASC_SIDEBAR_ITEM_TYPE)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-actor", FALSE);

  switch (asc_sidebar_item_get_kind (item))
    {
    case ASC_SIDEBAR_ITEM_SERVER:
      show_server (self, asc_sidebar_item_get_session (item));
      break;
    case ASC_SIDEBAR_ITEM_TYPE:
      show_type (self, item);
      break;
    case ASC_SIDEBAR_ITEM_INSTANCE:
    default:
      if (asc_sidebar_item_get_actor (item) != NULL)
        show_actor (self, item);
      else
        asc_server_session_load_more (asc_sidebar_item_get_session (item), item);
      break;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.disconnect", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reconnect", TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (AscWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Selects @item, whose row exists once its parents are expanded. */
static gboolean
select_item (AscWindow      *self,
             AscSidebarItem *item)
{
  GListModel *rows = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(AscSidebarItem) candidate = gtk_tree_list_row_get_item (row);

      if (candidate == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

AscServerSession *
_asc_window_get_selected_session (AscWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(AscSidebarItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  return item != NULL ? asc_sidebar_item_get_session (item) : NULL;
}

static void
open_instance_cb (AscWindow *self)
{
  AscServerSession *session = _asc_window_get_selected_session (self);
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(AscSidebarItem) type_item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->instance_key_row));
  AscSidebarItem *item;

  if (session == NULL || type_item == NULL || key[0] == '\0')
    return;

  item = asc_server_session_open_instance (session, asc_sidebar_item_get_type_name (type_item), key);
  gtk_tree_list_row_set_expanded (row, TRUE);
  select_item (self, item);
}

static void
session_status_cb (AscWindow *self)
{
  AscServerSession *session = _asc_window_get_selected_session (self);

  if (session != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "server") == 0)
    show_server (self, session);
}

void
asc_window_add_session (AscWindow        *self,
                        AscServerSession *session)
{
  AscSidebarItem *item = asc_server_session_get_item (session);

  g_ptr_array_add (self->sessions, g_object_ref (session));
  g_list_store_append (self->servers, item);
  g_signal_connect_object (item, "notify::status", G_CALLBACK (session_status_cb),
                           self, G_CONNECT_SWAPPED);
  select_item (self, item);
}

static void
remove_session (AscWindow        *self,
                AscServerSession *session)
{
  guint position;

  show_nothing (self);
  if (g_list_store_find (self->servers, asc_server_session_get_item (session), &position))
    g_list_store_remove (self->servers, position);
  asc_client_close (asc_server_session_get_client (session));
  g_ptr_array_remove (self->sessions, session);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->servers)) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AscWindow *self = ASC_WINDOW (widget);
  AscServerSession *session = _asc_window_get_selected_session (self);

  if (session != NULL)
    remove_session (self, session);
}

static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AscServerSession *session = _asc_window_get_selected_session (ASC_WINDOW (widget));
  AscClient *client;

  if (session == NULL)
    return;

  client = asc_server_session_get_client (session);
  asc_client_close (client);
  asc_client_open (client);
}

static void
dialog_connect_cb (AscConnectDialog *dialog,
                   AscServerConfig  *config,
                   AscWindow        *self)
{
  asc_window_connect (self, config);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AscWindow *self = ASC_WINDOW (widget);
  AscConnectDialog *dialog = asc_connect_dialog_new (GTK_WINDOW (self), self->settings);

  g_signal_connect_object (dialog, "connect", G_CALLBACK (dialog_connect_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  asc_window_toast (ASC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AscWindow *self = ASC_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A new capacity applies to the log on screen at once; the others get it
 * when they are shown. */
static void
log_capacity_changed_cb (AscWindow *self)
{
  AscActor *actor = asc_actor_page_get_actor (self->actor_page);

  if (actor != NULL)
    asc_event_log_set_capacity (asc_actor_get_event_log (actor),
                                g_settings_get_uint (self->settings, "log-capacity"));
}

static void
asc_window_bind_settings (AscWindow *self,
                          GSettings *settings)
{
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::log-capacity",
                           G_CALLBACK (log_capacity_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
asc_window_dispose (GObject *object)
{
  AscWindow *self = ASC_WINDOW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  for (guint i = 0; self->servers != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->servers)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

      g_signal_handlers_disconnect_by_data (item, self);
    }
  if (self->actor_page != NULL)
    asc_actor_page_set_actor (self->actor_page, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_WINDOW);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->servers);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (asc_window_parent_class)->dispose (object);
}

static void
asc_window_class_init (AscWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_window_dispose;

  g_type_ensure (ASC_TYPE_ACTOR_PAGE);
  g_type_ensure (ASC_TYPE_SIDEBAR_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/asc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AscWindow, actor_page);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, create_actor_row);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, instance_key_row);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, server_page);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AscWindow, type_page);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_instance_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.create-actor", NULL,
                                   _asc_window_create_actor_action);
  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, disconnect_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
asc_window_init (AscWindow *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->servers = g_list_store_new (ASC_TYPE_SIDEBAR_ITEM);
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->servers)), FALSE, TRUE,
                                  create_children_cb, NULL, NULL);
  self->search_filter = gtk_custom_filter_new (row_matches_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&tree)),
                                        GTK_FILTER (g_object_ref (self->search_filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->sidebar_list));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-actor", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.disconnect", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reconnect", FALSE);
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
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

  self = g_object_new (ASC_TYPE_WINDOW, "application", application, NULL);
  /* "application" is not a construct property, so bind once it is set. */
  asc_window_bind_settings (self, asc_application_get_settings (application));

  return self;
}

void
asc_window_toast (AscWindow  *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * asc_window_select_instance:
 *
 * Opens and selects an instance of the first server that has @type_name.
 *
 * Returns: whether a server took it
 */
gboolean
asc_window_select_instance (AscWindow  *self,
                            const char *type_name,
                            const char *key)
{
  for (guint i = 0; i < self->sessions->len; i++)
    {
      AscServerSession *session = g_ptr_array_index (self->sessions, i);
      AscSidebarItem *item = asc_server_session_open_instance (session, type_name, key);

      return select_item (self, item);
    }

  return FALSE;
}

/**
 * asc_window_select_item:
 * @item: a row of this window's sidebar
 *
 * Selects @item and shows its page.
 *
 * Returns: whether the row is in the sidebar (its parents are expanded)
 */
gboolean
asc_window_select_item (AscWindow      *self,
                        AscSidebarItem *item)
{
  g_return_val_if_fail (ASC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (ASC_IS_SIDEBAR_ITEM (item), FALSE);

  return select_item (self, item);
}

AscActorPage *
asc_window_get_actor_page (AscWindow *self)
{
  return self->actor_page;
}

/**
 * asc_window_get_sessions:
 *
 * Returns: (transfer none): the server rows of the sidebar
 */
GListModel *
asc_window_get_sessions (AscWindow *self)
{
  return G_LIST_MODEL (self->servers);
}

const char *
asc_window_get_visible_page (AscWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}
