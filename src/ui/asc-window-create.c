/* asc-window-create.c: creating a Rivet actor from a type's page
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-window"

#include "config.h"

#include "asc-create-actor-dialog.h"
#include "asc-window-private.h"

static AscSidebarItem *
dup_selected_item (AscWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

typedef struct
{
  AscWindow        *window;
  AscServerSession *session;
} Creating;

static void
creating_free (gpointer  data,
               GClosure *closure)
{
  Creating *creating = data;

  g_object_unref (creating->window);
  g_object_unref (creating->session);
  g_free (creating);
}

/* The new actor gets its row under its type, and is shown. */
static void
actor_created_cb (AscCreateActorDialog *dialog,
                  AscActor             *actor,
                  Creating             *creating)
{
  AscSidebarItem *item;

  /* The server may have been disconnected meanwhile. */
  if (!g_ptr_array_find (creating->window->sessions, creating->session, NULL))
    return;

  item = asc_server_session_open_instance (creating->session, asc_actor_get_type_name (actor),
                                           asc_actor_get_key (actor));
  asc_window_select_item (creating->window, item);
}

/* win.create-actor: for the type selected in the sidebar. */
void
_asc_window_create_actor_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AscWindow *self = ASC_WINDOW (widget);
  g_autoptr(AscSidebarItem) item = dup_selected_item (self);
  AscServerSession *session = item != NULL ? asc_sidebar_item_get_session (item) : NULL;
  AscCreateActorDialog *dialog;
  AscClient *client;
  Creating *creating;

  if (session == NULL || asc_sidebar_item_get_type_name (item) == NULL)
    return;
  client = asc_server_session_get_client (session);
  if (!ASC_IS_RIVET_CLIENT (client))
    return;

  dialog = asc_create_actor_dialog_new (GTK_WINDOW (self), ASC_RIVET_CLIENT (client),
                                        asc_sidebar_item_get_type_name (item));
  creating = g_new0 (Creating, 1);
  creating->window = g_object_ref (self);
  creating->session = g_object_ref (session);
  g_signal_connect_data (dialog, "created", G_CALLBACK (actor_created_cb), creating,
                         creating_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
