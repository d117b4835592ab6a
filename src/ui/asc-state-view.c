/* asc-state-view.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-view"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-state-cell.h"
#include "asc-state-view.h"
#include "asc-throttled-list.h"
#include "asc-ui-util.h"

/* The change list follows a busy actor at a readable pace. */
#define CHANGE_LIST_INTERVAL_MS 100

struct _AscStateView
{
  GtkWidget           parent_instance;

  AscActor           *actor;
  AscStateStore      *store;           /* the actor's, borrowed via actor */
  AscStateStore      *travel_store;    /* a read-only copy while travelling */
  GtkCustomFilter    *filter;
  GtkSingleSelection *rows;
  GtkSingleSelection *changes;
  char               *filter_text;
  int                 travel_position;
  gboolean            expanded_once;
  gboolean            changes_follow;
  guint               follow_source;

  /* Template widgets */
  GtkButton          *banner_button;
  GtkImage           *banner_icon;
  GtkLabel           *banner_label;
  GtkRevealer        *banner_revealer;
  GtkListView        *change_list;
  GtkScrolledWindow  *change_scroller;
  GtkColumnView      *column_view;
  GtkTextView        *diff_view;
  GtkSearchEntry     *filter_entry;
  GtkPaned           *paned;
  GtkStack           *tree_stack;
};

G_DEFINE_FINAL_TYPE (AscStateView, asc_state_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_TRAVELLING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  AscStateNode *node = item;

  if (!asc_state_node_is_container (node))
    return NULL;

  /* A node is the list model of its own children. */
  return G_LIST_MODEL (g_object_ref (node));
}

static gboolean
row_matches_cb (gpointer item,
                gpointer user_data)
{
  AscStateView *self = user_data;
  AscStateNode *node = gtk_tree_list_row_get_item (item);
  const char *key, *value;
  gboolean match;

  if (self->filter_text == NULL || self->filter_text[0] == '\0')
    {
      g_object_unref (node);
      return TRUE;
    }

  key = asc_state_node_get_key (node);
  value = asc_state_node_get_value_text (node);
  match = (key != NULL && strstr (key, self->filter_text) != NULL) ||
          (value != NULL && !asc_state_node_is_container (node) &&
           strstr (value, self->filter_text) != NULL);
  g_object_unref (node);

  return match;
}

/* Opens the top-level members that are small enough to read at a glance;
 * the user's own expansions then survive every patch. */
static void
expand_first_level (GtkTreeListModel *tree)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tree));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i - 1);
      g_autoptr(AscStateNode) node = gtk_tree_list_row_get_item (row);

      if (node != NULL && gtk_tree_list_row_get_depth (row) == 0 &&
          asc_state_node_get_n_children (node) <= 50)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
show_root (AscStateView  *self,
           AscStateNode  *root)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;

  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (root)), FALSE, FALSE,
                                  create_children_cb, NULL, NULL);
  expand_first_level (tree);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&tree)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  gtk_single_selection_set_model (self->rows, G_LIST_MODEL (filtered));
}

static void
show_banner (AscStateView *self,
             const char   *icon_name,
             const char   *text,
             const char   *button_label)
{
  gtk_image_set_from_icon_name (self->banner_icon, icon_name);
  gtk_label_set_text (self->banner_label, text);
  gtk_button_set_label (self->banner_button, button_label);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}


/* Says plainly what the tree is showing when it is not the live state. */
static void
update_banner (AscStateView *self)
{
  g_autofree char *text = NULL;

  if (self->travel_store != NULL)
    {
      g_autoptr(AscStateChange) change =
        g_list_model_get_item (asc_state_store_get_history (self->store), self->travel_position);
      g_autofree char *when = change != NULL ? asc_format_time_of_day (asc_state_change_get_time (change)) : g_strdup ("");

      text = g_strdup_printf (_("Read-only: the state as it was at %s, after change %d"),
                              when, self->travel_position + 1);
      show_banner (self, "document-open-recent-symbolic", text, _("_Back to Live"));
    }
  else if (self->store != NULL && asc_state_store_get_out_of_sync (self->store))
    show_banner (self, "dialog-warning-symbolic",
                 _("The state went out of sync with the server; a fresh snapshot is on its way"),
                 _("_Resync Now"));
  else if (self->actor != NULL && asc_actor_get_status (self->actor) == ASC_ACTOR_STATUS_SLEEPING)
    show_banner (self, "weather-clear-night-symbolic",
                 _("This actor is asleep: the state shown is the last one seen, not live"),
                 _("_Wake and Resync"));
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  gtk_button_set_use_underline (self->banner_button, TRUE);
}

static void
update_page (AscStateView *self)
{
  gboolean has_document = self->travel_store != NULL ||
                          (self->store != NULL && asc_state_store_get_document (self->store) != NULL);

  gtk_stack_set_visible_child_name (self->tree_stack, has_document ? "tree" : "waiting");
}

static GtkTreeListModel *
shown_tree (AscStateView *self)
{
  GListModel *filtered = gtk_single_selection_get_model (self->rows);

  return filtered != NULL ? GTK_TREE_LIST_MODEL (gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (filtered)))
                          : NULL;
}

static void
store_reset_cb (AscStateView *self)
{
  if (!self->expanded_once && self->travel_store == NULL && shown_tree (self) != NULL)
    {
      self->expanded_once = TRUE;
      expand_first_level (shown_tree (self));
    }
  update_page (self);
  update_banner (self);
}

static void
show_diff (AscStateView   *self,
           AscStateChange *change)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autofree char *text = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (change == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", -1);
      return;
    }

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, asc_state_change_get_patch (change));
  text = json_generator_to_data (generator, NULL);
  gtk_text_buffer_set_text (buffer, text, -1);
}

/* The list the view shows lags the store's history a little: find the
 * change in the history itself. */
static void
travel_to_change (AscStateView   *self,
                  AscStateChange *change)
{
  GListModel *history = asc_state_store_get_history (self->store);

  for (guint i = g_list_model_get_n_items (history); i > 0; i--)
    {
      g_autoptr(AscStateChange) candidate = g_list_model_get_item (history, i - 1);

      if (candidate == change)
        {
          asc_state_view_travel_to (self, i - 1);
          return;
        }
    }
}

static void
change_selected_cb (AscStateView *self)
{
  guint position = gtk_single_selection_get_selected (self->changes);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  g_autoptr(AscStateChange) change = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    {
      show_diff (self, NULL);
      asc_state_view_return_to_live (self);
      return;
    }

  change = g_list_model_get_item (G_LIST_MODEL (self->changes), position);
  show_diff (self, change);
  if (position + 1 == n)
    asc_state_view_return_to_live (self);
  else
    travel_to_change (self, change);
}

/* The change list follows the newest change until the reader scrolls up
 * or grabs the scrollbar, and follows again once back at the end, as a log
 * does. Besides showing what just happened, this keeps a busy history
 * cheap: a full history drops its oldest entries as fast as new ones come,
 * and rows at the head of the list would be destroyed and built anew for
 * every batch, where rows at a moving tail are reused.
 *
 * Only the reader turns following off: the view itself moves the scroll
 * position when entries are dropped above it. */
static void
changes_scrolled_cb (AscStateView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->change_scroller);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) >= bottom - 4)
    self->changes_follow = TRUE;
}

static gboolean
changes_wheel_cb (AscStateView *self,
                  double        dx,
                  double        dy)
{
  if (dy < 0)
    self->changes_follow = FALSE;
  return FALSE;
}

static void
changes_scrollbar_pressed_cb (AscStateView *self)
{
  self->changes_follow = FALSE;
}

static gboolean
follow_changes_cb (gpointer user_data)
{
  AscStateView *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));

  self->follow_source = 0;
  if (self->changes_follow && self->travel_store == NULL && n > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->change_list), "list.scroll-to-item", "u", n - 1);

  return G_SOURCE_REMOVE;
}

/* A flush drops and appends in two steps: scroll once, after both.
 * Not at idle priority: that waits for as long as the socket is busy. */
static void
changes_changed_cb (AscStateView *self,
                    guint         position,
                    guint         removed,
                    guint         added)
{
  if (added > 0 && self->changes_follow && self->follow_source == 0)
    self->follow_source = g_idle_add_full (G_PRIORITY_DEFAULT, follow_changes_cb, self, NULL);
}

static void
follow_changes_init (AscStateView *self)
{
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *press = gtk_gesture_click_new ();

  self->changes_follow = TRUE;
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (wheel, "scroll", G_CALLBACK (changes_wheel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->change_scroller), wheel);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (press, "pressed", G_CALLBACK (changes_scrollbar_pressed_cb), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (self->change_scroller),
                             GTK_EVENT_CONTROLLER (press));
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->change_scroller), "value-changed",
                            G_CALLBACK (changes_scrolled_cb), self);
  g_signal_connect_swapped (self->changes, "items-changed", G_CALLBACK (changes_changed_cb), self);
}

static void
banner_button_clicked_cb (AscStateView *self)
{
  if (self->travel_store != NULL)
    gtk_single_selection_set_selected (self->changes, GTK_INVALID_LIST_POSITION);
  else if (self->actor != NULL)
    asc_actor_resync_state (self->actor);
}

static void
filter_changed_cb (AscStateView *self)
{
  g_free (self->filter_text);
  self->filter_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static AscStateNode *
selected_node (AscStateView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->rows);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
copy_text (AscStateView *self,
           const char   *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AscStateView *self = ASC_STATE_VIEW (widget);
  g_autoptr(AscStateNode) node = selected_node (self);
  g_autofree char *text = NULL;

  if (node == NULL)
    return;

  text = json_to_string (asc_state_node_get_value (node), TRUE);
  copy_text (self, text);
}

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AscStateView *self = ASC_STATE_VIEW (widget);
  g_autoptr(AscStateNode) node = selected_node (self);
  g_autofree char *path = NULL;

  if (node == NULL)
    return;

  path = asc_state_node_dup_path (node);
  copy_text (self, path);
}

static void
resync_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AscStateView *self = ASC_STATE_VIEW (widget);

  gtk_single_selection_set_selected (self->changes, GTK_INVALID_LIST_POSITION);
  if (self->actor != NULL)
    asc_actor_resync_state (self->actor);
}

static void
update_actions (AscStateView *self)
{
  gboolean has_row = gtk_single_selection_get_selected_item (self->rows) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "state.copy-value", has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "state.copy-path", has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "state.resync", self->actor != NULL);
}

static void
setup_change_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* Inscriptions: rows rebound ten times a second are not measured again */
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *subtitle = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (title), 0);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (subtitle), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static const char *
source_word (AscStateChangeSource source)
{
  switch (source)
    {
    case ASC_STATE_CHANGE_SOURCE_SNAPSHOT: return _("Snapshot");
    case ASC_STATE_CHANGE_SOURCE_DIFF:     return _("Update");
    case ASC_STATE_CHANGE_SOURCE_PATCH:
    default:                               return _("Patch");
    }
}

static void
bind_change_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  AscStateChange *change = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char * const *paths;
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *detail = NULL;
  guint n_ops;

  /* GTK 4.8 binds a row again whenever its position moves, and a full
   * history moves every row for each change it drops: a row that already
   * shows this change keeps its labels (the row holds the change, so the
   * address cannot be reused for another one meanwhile). */
  if (g_object_get_data (G_OBJECT (box), "asc-shown-change") == change)
    return;
  g_object_set_data_full (G_OBJECT (box), "asc-shown-change", g_object_ref (change), g_object_unref);

  paths = asc_state_change_get_paths (change);
  when = asc_format_time_of_day (asc_state_change_get_time (change));
  n_ops = asc_state_change_get_n_operations (change);
  heading = g_strdup_printf ("%s  %s", when, source_word (asc_state_change_get_source (change)));
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u operation · %s", "%u operations · %s", n_ops),
                            n_ops, paths != NULL && paths[0] != NULL ? (paths[0][0] ? paths[0] : "/") : "—");
  gtk_inscription_set_text (GTK_INSCRIPTION (title), heading);
  gtk_inscription_set_text (GTK_INSCRIPTION (subtitle), detail);
}

static GtkListItemFactory *
change_row_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_change_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_change_row_cb), NULL);
  return factory;
}

static void
disconnect_actor (AscStateView *self)
{
  if (self->actor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->store, self);
  g_signal_handlers_disconnect_by_data (self->actor, self);
  asc_actor_unwatch_state (self->actor);
  self->store = NULL;
  g_clear_object (&self->actor);
}

static void
asc_state_view_dispose (GObject *object)
{
  AscStateView *self = ASC_STATE_VIEW (object);
  GtkWidget *child;

  disconnect_actor (self);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  g_clear_object (&self->travel_store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_STATE_VIEW);
  /* dispose_template() clears the bound children; the root-level ones
   * still have to be unparented by hand in GTK 4.8. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);
  g_clear_object (&self->changes);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (asc_state_view_parent_class)->dispose (object);
}

static void
asc_state_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AscStateView *self = ASC_STATE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    case PROP_TRAVELLING:
      g_value_set_boolean (value, self->travel_store != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ACTOR:
      asc_state_view_set_actor (ASC_STATE_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_view_class_init (AscStateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_state_view_dispose;
  object_class->get_property = asc_state_view_get_property;
  object_class->set_property = asc_state_view_set_property;

  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL, ASC_TYPE_ACTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRAVELLING] =
    g_param_spec_boolean ("travelling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ASC_TYPE_STATE_CELL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/asc-state-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AscStateView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, change_list);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, change_scroller);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, diff_view);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, paned);
  gtk_widget_class_bind_template_child (widget_class, AscStateView, tree_stack);
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "state.copy-value", NULL, copy_value_action);
  gtk_widget_class_install_action (widget_class, "state.copy-path", NULL, copy_path_action);
  gtk_widget_class_install_action (widget_class, "state.resync", NULL, resync_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "state.copy-value", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "state.copy-path", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "state.resync", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stateview");
}

static void
asc_state_view_init (AscStateView *self)
{
  g_autoptr(GtkListItemFactory) factory = change_row_factory ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->travel_position = -1;
  self->filter = gtk_custom_filter_new (row_matches_cb, self, NULL);
  self->rows = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->rows, FALSE);
  gtk_single_selection_set_can_unselect (self->rows, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->rows));
  g_signal_connect_swapped (self->rows, "notify::selected", G_CALLBACK (update_actions), self);

  self->changes = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->changes, FALSE);
  gtk_single_selection_set_can_unselect (self->changes, TRUE);
  gtk_list_view_set_model (self->change_list, GTK_SELECTION_MODEL (self->changes));
  gtk_list_view_set_factory (self->change_list, factory);
  g_signal_connect_swapped (self->changes, "notify::selected", G_CALLBACK (change_selected_cb), self);
  follow_changes_init (self);

  update_actions (self);
  update_page (self);
}

GtkWidget *
asc_state_view_new (void)
{
  return g_object_new (ASC_TYPE_STATE_VIEW, NULL);
}

AscActor *
asc_state_view_get_actor (AscStateView *self)
{
  g_return_val_if_fail (ASC_IS_STATE_VIEW (self), NULL);

  return self->actor;
}

/**
 * asc_state_view_set_actor:
 * @actor: (nullable): the actor to show
 *
 * Shows @actor's state, watching it while shown: the view holds one use of
 * the actor's state subscription.
 */
void
asc_state_view_set_actor (AscStateView *self,
                          AscActor     *actor)
{
  g_return_if_fail (ASC_IS_STATE_VIEW (self));

  if (self->actor == actor)
    return;

  asc_state_view_return_to_live (self);
  disconnect_actor (self);
  gtk_single_selection_set_model (self->rows, NULL);
  gtk_single_selection_set_model (self->changes, NULL);

  self->expanded_once = FALSE;
  if (actor != NULL)
    {
      self->actor = g_object_ref (actor);
      self->store = asc_actor_get_state_store (actor);
      self->expanded_once = asc_state_store_get_document (self->store) != NULL;
      g_signal_connect_swapped (self->store, "reset", G_CALLBACK (store_reset_cb), self);
      g_signal_connect_swapped (self->store, "notify::out-of-sync", G_CALLBACK (update_banner), self);
      g_signal_connect_swapped (actor, "notify::status", G_CALLBACK (update_banner), self);
      show_root (self, asc_state_store_get_root (self->store));
      {
        g_autoptr(AscThrottledList) history = asc_throttled_list_new (asc_state_store_get_history (self->store),
                                                                      CHANGE_LIST_INTERVAL_MS);

        gtk_single_selection_set_model (self->changes, G_LIST_MODEL (history));
      }
      asc_actor_watch_state (actor);
    }

  update_actions (self);
  update_page (self);
  update_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/**
 * asc_state_view_travel_to:
 * @position: a position in the store's history
 *
 * Shows, read-only, the state as it was right after that change. The
 * document is rebuilt locally; nothing is asked of the server.
 */
void
asc_state_view_travel_to (AscStateView *self,
                          guint         position)
{
  g_autoptr(JsonNode) document = NULL;

  g_return_if_fail (ASC_IS_STATE_VIEW (self));

  if (self->store == NULL)
    return;

  document = asc_state_store_dup_document_at (self->store, position);
  if (document == NULL)
    return;

  if (self->travel_store == NULL)
    self->travel_store = asc_state_store_new ();
  asc_state_store_reset (self->travel_store, document);
  self->travel_position = position;
  show_root (self, asc_state_store_get_root (self->travel_store));
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "travelling");

  update_page (self);
  update_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVELLING]);
}

void
asc_state_view_return_to_live (AscStateView *self)
{
  g_return_if_fail (ASC_IS_STATE_VIEW (self));

  if (self->travel_store == NULL)
    return;

  g_clear_object (&self->travel_store);
  self->travel_position = -1;
  gtk_widget_remove_css_class (GTK_WIDGET (self->column_view), "travelling");
  if (self->store != NULL)
    show_root (self, asc_state_store_get_root (self->store));

  update_page (self);
  update_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVELLING]);
}

gboolean
asc_state_view_get_travelling (AscStateView *self)
{
  g_return_val_if_fail (ASC_IS_STATE_VIEW (self), FALSE);

  return self->travel_store != NULL;
}

/**
 * asc_state_view_get_column_view:
 *
 * Returns: (transfer none): the tree, for tests
 */
GtkColumnView *
asc_state_view_get_column_view (AscStateView *self)
{
  return self->column_view;
}
