/* asc-actor-page.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-actor-page"

#include "config.h"

#include "asc-actor-page.h"

struct _AscActorPage
{
  GtkWidget        parent_instance;

  AscActor        *actor;

  /* Template widgets */
  AscActionView      *action_view;
  AdwViewStackPage   *connections_page;
  AscConnectionsView *connections_view;
  AscEventLogView    *event_log_view;
  AscStateView    *state_view;
  AdwViewStack    *view_stack;
};

G_DEFINE_FINAL_TYPE (AscActorPage, asc_actor_page, GTK_TYPE_WIDGET)

/* The tab's badge counts the connections, so they show from any tab. */
static void
connections_changed_cb (AscActorPage *self)
{
  GListModel *model = asc_connections_view_get_model (self->connections_view);

  adw_view_stack_page_set_badge_number (self->connections_page,
                                        g_list_model_get_n_items (model));
}

static void
asc_actor_page_dispose (GObject *object)
{
  AscActorPage *self = ASC_ACTOR_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_ACTOR_PAGE);
  /* dispose_template() clears the bound children; the root-level ones
   * still have to be unparented by hand in GTK 4.8. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (asc_actor_page_parent_class)->dispose (object);
}

static void
asc_actor_page_class_init (AscActorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_actor_page_dispose;

  g_type_ensure (ASC_TYPE_ACTION_VIEW);
  g_type_ensure (ASC_TYPE_CONNECTIONS_VIEW);
  g_type_ensure (ASC_TYPE_EVENT_LOG_VIEW);
  g_type_ensure (ASC_TYPE_STATE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/asc-actor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AscActorPage, action_view);
  gtk_widget_class_bind_template_child (widget_class, AscActorPage, connections_page);
  gtk_widget_class_bind_template_child (widget_class, AscActorPage, connections_view);
  gtk_widget_class_bind_template_child (widget_class, AscActorPage, event_log_view);
  gtk_widget_class_bind_template_child (widget_class, AscActorPage, state_view);
  gtk_widget_class_bind_template_child (widget_class, AscActorPage, view_stack);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
asc_actor_page_init (AscActorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (asc_connections_view_get_model (self->connections_view),
                           "items-changed", G_CALLBACK (connections_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
asc_actor_page_new (void)
{
  return g_object_new (ASC_TYPE_ACTOR_PAGE, NULL);
}

/**
 * asc_actor_page_set_actor:
 * @session: (nullable): the actor's server
 * @actor: (nullable): the actor to show
 *
 * Shows @actor. While shown, its state is watched and its events are
 * subscribed; switching away releases both (after one idle, so switching
 * back at once costs nothing on the wire).
 */
void
asc_actor_page_set_actor (AscActorPage     *self,
                          AscServerSession *session,
                          AscActor         *actor)
{
  g_return_if_fail (ASC_IS_ACTOR_PAGE (self));

  if (!g_set_object (&self->actor, actor))
    return;

  asc_state_view_set_actor (self->state_view, actor);
  asc_event_log_view_set_actor (self->event_log_view, actor);
  asc_action_view_set_actor (self->action_view, session, actor);
  asc_connections_view_set_actor (self->connections_view, actor);

  /* Only Rivet's inspector lists connections. */
  adw_view_stack_page_set_visible (self->connections_page,
                                   actor != NULL && ASC_IS_RIVET_ACTOR (actor));
}

AscActor *
asc_actor_page_get_actor (AscActorPage *self)
{
  return self->actor;
}

AdwViewStack *
asc_actor_page_get_view_stack (AscActorPage *self)
{
  return self->view_stack;
}

AscStateView *
asc_actor_page_get_state_view (AscActorPage *self)
{
  return self->state_view;
}

AscEventLogView *
asc_actor_page_get_event_log_view (AscActorPage *self)
{
  return self->event_log_view;
}

AscActionView *
asc_actor_page_get_action_view (AscActorPage *self)
{
  return self->action_view;
}

AscConnectionsView *
asc_actor_page_get_connections_view (AscActorPage *self)
{
  return self->connections_view;
}
