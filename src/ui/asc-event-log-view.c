/* asc-event-log-view.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-event-log-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "asc-event-log-view.h"
#include "asc-ui-util.h"

/* How much of a payload a log row shows; the detail pane has the rest. */
#define SUMMARY_LENGTH 240

typedef enum
{
  COLUMN_TIME,
  COLUMN_KIND,
  COLUMN_NAME,
  COLUMN_PAYLOAD,
} Column;

struct _AscEventLogView
{
  GtkWidget           parent_instance;

  AscActor           *actor;
  AscEventLog        *log;             /* the actor's, borrowed */
  GListStore         *frozen;          /* what the view shows while paused */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *filter_text;
  guint64             appended_at_pause;
  guint               follow_source;
  gboolean            stick_to_bottom;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkSourceView      *detail_view;
  GtkSearchEntry     *filter_entry;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *name_column;
  GtkToggleButton    *pause_button;
  GtkColumnViewColumn *payload_column;
  GtkLabel           *pending_label;
  GtkScrolledWindow  *scroller;
  GtkColumnViewColumn *time_column;
};

G_DEFINE_FINAL_TYPE (AscEventLogView, asc_event_log_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_word (AscEventKind kind)
{
  switch (kind)
    {
    case ASC_EVENT_KIND_EVENT:      return _("Event");
    case ASC_EVENT_KIND_CALL:       return _("Call");
    case ASC_EVENT_KIND_RESULT:     return _("Result");
    case ASC_EVENT_KIND_ERROR:      return _("Error");
    case ASC_EVENT_KIND_CONNECTION: return _("Connection");
    case ASC_EVENT_KIND_GAP:        return _("Gap");
    default:                        return "";
    }
}

static const char *kind_classes[] = {
  "log-event", "log-call", "log-result", "log-error", "log-connection", "log-gap",
};

static char *
summarize (AscEvent *event)
{
  JsonNode *payload = asc_event_get_payload (event);
  g_autofree char *json = NULL;
  const char *text = asc_event_get_text (event);

  if (payload == NULL)
    return g_strdup (text != NULL ? text : "");

  json = json_to_string (payload, FALSE);
  if (strlen (json) > SUMMARY_LENGTH)
    {
      const char *end = g_utf8_find_prev_char (json, json + SUMMARY_LENGTH);

      return g_strdup_printf ("%.*s…", (int) (end - json), json);
    }
  if (text != NULL)
    return g_strdup_printf ("%s  — %s", json, text);

  return g_steal_pointer (&json);
}


static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_PAYLOAD || GPOINTER_TO_INT (user_data) == COLUMN_TIME)
    gtk_widget_add_css_class (cell, "monospace");
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AscEvent *event = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  AscEventKind kind = asc_event_get_kind (event);

  /* GTK 4.8 binds a row again whenever its position moves, and a full log
   * moves every row for each batch it drops: a cell that already shows
   * this entry is left as it is. It holds the entry, so the address cannot
   * stand for another entry meanwhile. */
  if (g_object_get_data (G_OBJECT (cell), "asc-shown-event") == event)
    return;
  g_object_set_data_full (G_OBJECT (cell), "asc-shown-event", g_object_ref (event), g_object_unref);

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TIME:
      text = asc_format_time_of_day (asc_event_get_time (event));
      break;
    case COLUMN_KIND:
      text = g_strdup (kind_word (kind));
      break;
    case COLUMN_NAME:
      text = g_strdup (asc_event_get_name (event));
      break;
    case COLUMN_PAYLOAD:
    default:
      text = summarize (event);
      break;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (cell, kind_classes[i]);
  gtk_widget_add_css_class (cell, kind_classes[kind]);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    Column               which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
}

static gboolean
event_matches_cb (gpointer item,
                  gpointer user_data)
{
  AscEventLogView *self = user_data;
  AscEvent *event = item;
  g_autofree char *summary = NULL;
  const char *name;

  if (self->filter_text == NULL || self->filter_text[0] == '\0')
    return TRUE;

  name = asc_event_get_name (event);
  if (name != NULL && strstr (name, self->filter_text) != NULL)
    return TRUE;

  summary = summarize (event);
  return strstr (summary, self->filter_text) != NULL ||
         strstr (kind_word (asc_event_get_kind (event)), self->filter_text) != NULL;
}

static void
filter_changed_cb (AscEventLogView *self)
{
  g_free (self->filter_text);
  self->filter_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  /* Without a filter the model passes rows straight through. */
  gtk_filter_list_model_set_filter (self->filtered, self->filter_text[0] != '\0' ? GTK_FILTER (self->filter) : NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_detail (AscEventLogView *self)
{
  AscEvent *event = gtk_single_selection_get_selected_item (self->selection);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->detail_view));
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;

  if (event == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", -1);
      return;
    }

  line = asc_event_to_json_line (event);
  node = json_from_string (line, NULL);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  gtk_text_buffer_set_text (buffer, text, -1);
}

static gboolean
scroll_to_bottom_cb (gpointer user_data)
{
  AscEventLogView *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  self->follow_source = 0;
  if (self->stick_to_bottom && n > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", n - 1);

  return G_SOURCE_REMOVE;
}

/* Follows new entries until the reader scrolls up or grabs the scrollbar,
 * and again once back at the bottom. Only the reader turns it off: the
 * view itself moves the scroll position when a full log drops entries
 * above it. While following, the view reuses the rows that scroll out of
 * sight for the ones that scroll in. */
static void
scrolled_cb (AscEventLogView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) >= bottom - 4)
    self->stick_to_bottom = TRUE;
}

static gboolean
wheel_cb (AscEventLogView *self,
          double           dx,
          double           dy)
{
  if (dy < 0)
    self->stick_to_bottom = FALSE;
  return FALSE;
}

static void
scrollbar_pressed_cb (AscEventLogView *self)
{
  self->stick_to_bottom = FALSE;
}

/* A batch drops and appends in two steps: scroll once, after both.
 * Not at idle priority: that waits for as long as the socket is busy. */
static void
follow_end (AscEventLogView *self)
{
  if (self->stick_to_bottom && self->follow_source == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->follow_source = g_idle_add_full (G_PRIORITY_DEFAULT, scroll_to_bottom_cb, self, NULL);
}

static void
rows_changed_cb (AscEventLogView *self,
                 guint            position,
                 guint            removed,
                 guint            added)
{
  if (added > 0)
    follow_end (self);
}

static void
follow_init (AscEventLogView *self)
{
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *press = gtk_gesture_click_new ();

  self->stick_to_bottom = TRUE;
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (wheel, "scroll", G_CALLBACK (wheel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), wheel);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (press, "pressed", G_CALLBACK (scrollbar_pressed_cb), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (self->scroller),
                             GTK_EVENT_CONTROLLER (press));
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                            G_CALLBACK (scrolled_cb), self);
}

static void
update_pending (AscEventLogView *self)
{
  /* xgettext cannot expand G_GUINT64_FORMAT, so the count goes as a gulong. */
  gulong pending = (gulong) MIN (asc_event_log_view_get_n_pending (self), G_MAXULONG);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->pending_label), self->frozen != NULL);
  if (self->frozen == NULL)
    return;

  /* Translators: how many log entries arrived while the view was paused */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu new while paused",
                                       "%lu new while paused", pending),
                          pending);
  gtk_label_set_text (self->pending_label, text);
}

static void
show_source (AscEventLogView *self)
{
  GListModel *source = self->frozen != NULL ? G_LIST_MODEL (self->frozen) : G_LIST_MODEL (self->log);

  gtk_filter_list_model_set_model (self->filtered, source);
}

static GListStore *
freeze (AscEventLog *log)
{
  GListStore *store = g_list_store_new (ASC_TYPE_EVENT);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (log));
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (log), i));
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return store;
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (widget);

  if (self->log != NULL)
    asc_event_log_clear (self->log);
  if (self->frozen != NULL)
    g_list_store_remove_all (self->frozen);
}

static void
toast (AscEventLogView *self,
       const char      *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AscEventLogView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    message = g_strdup_printf (_("Could not export the log: %s"), error->message);
  else
    message = g_strdup_printf (_("Log exported to %s"), g_file_peek_path (G_FILE (object)));

  toast (self, message);
}

/* The lines are built in memory at once, so the file matches what the log
 * held at this moment; writing happens asynchronously. */
static void
export_to (AscEventLogView *self,
           GFile           *file)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!asc_event_log_write_json_lines (self->log, stream, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the log: %s"), error->message);

      toast (self, message);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, export_written_cb, g_object_ref (self));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  AscEventLogView *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->log != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      export_to (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->actor == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Log"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strdup_printf ("%s-%s.jsonl", asc_actor_get_type_name (self->actor),
                          asc_actor_get_key (self->actor));
  g_strdelimit (name, "/\\", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
disconnect_actor (AscEventLogView *self)
{
  if (self->actor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->log, self);
  asc_actor_unsubscribe_events (self->actor);
  self->log = NULL;
  g_clear_object (&self->actor);
}

/* A hidden log (another page of the actor is shown) keeps its rows but
 * not its row widgets: a full log drops and appends a batch ten times a
 * second, and a column view that is not on screen would still build and
 * measure the rows around its anchor for every batch. */
static void
asc_event_log_view_map (GtkWidget *widget)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (widget);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  GTK_WIDGET_CLASS (asc_event_log_view_parent_class)->map (widget);
  follow_end (self);
}

static void
asc_event_log_view_unmap (GtkWidget *widget)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (widget);
  gboolean stick_to_bottom = self->stick_to_bottom;

  GTK_WIDGET_CLASS (asc_event_log_view_parent_class)->unmap (widget);
  gtk_column_view_set_model (self->column_view, NULL);
  /* Emptying the view scrolls it; where the reader was still counts */
  self->stick_to_bottom = stick_to_bottom;
}

static void
asc_event_log_view_dispose (GObject *object)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (object);
  GtkWidget *child;

  disconnect_actor (self);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_EVENT_LOG_VIEW);
  /* dispose_template() clears the bound children; the root-level ones
   * still have to be unparented by hand in GTK 4.8. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->frozen);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (asc_event_log_view_parent_class)->dispose (object);
}

static void
asc_event_log_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->frozen != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_event_log_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AscEventLogView *self = ASC_EVENT_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      asc_event_log_view_set_actor (self, g_value_get_object (value));
      break;
    case PROP_PAUSED:
      asc_event_log_view_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_event_log_view_class_init (AscEventLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_event_log_view_dispose;
  object_class->get_property = asc_event_log_view_get_property;
  object_class->set_property = asc_event_log_view_set_property;
  widget_class->map = asc_event_log_view_map;
  widget_class->unmap = asc_event_log_view_unmap;

  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL, ASC_TYPE_ACTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/asc-event-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, detail_view);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, name_column);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, payload_column);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, pending_label);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AscEventLogView, time_column);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "log.pause", "paused");
  gtk_widget_class_install_action (widget_class, "log.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "log.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "log.pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "log.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "log.export", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventlogview");
}

static void
set_up_detail_language (AscEventLogView *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *json = gtk_source_language_manager_get_language (languages, "json");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->detail_view));

  if (json != NULL && GTK_SOURCE_IS_BUFFER (buffer))
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), json);
}

static void
asc_event_log_view_init (AscEventLogView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_factory (self->time_column, COLUMN_TIME);
  set_column_factory (self->kind_column, COLUMN_KIND);
  set_column_factory (self->name_column, COLUMN_NAME);
  set_column_factory (self->payload_column, COLUMN_PAYLOAD);
  set_up_detail_language (self);

  self->filter = gtk_custom_filter_new (event_matches_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (show_detail), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (rows_changed_cb), self);
  follow_init (self);
}

GtkWidget *
asc_event_log_view_new (void)
{
  return g_object_new (ASC_TYPE_EVENT_LOG_VIEW, NULL);
}

AscActor *
asc_event_log_view_get_actor (AscEventLogView *self)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG_VIEW (self), NULL);

  return self->actor;
}

/**
 * asc_event_log_view_set_actor:
 * @actor: (nullable): the actor whose log to show
 *
 * Shows @actor's log and holds one use of its event subscription.
 */
void
asc_event_log_view_set_actor (AscEventLogView *self,
                              AscActor        *actor)
{
  g_return_if_fail (ASC_IS_EVENT_LOG_VIEW (self));

  if (self->actor == actor)
    return;

  asc_event_log_view_set_paused (self, FALSE);
  disconnect_actor (self);

  if (actor != NULL)
    {
      self->actor = g_object_ref (actor);
      self->log = asc_actor_get_event_log (actor);
      g_signal_connect_swapped (self->log, "notify::n-items", G_CALLBACK (update_pending), self);
      asc_actor_subscribe_events (actor);
    }

  gtk_filter_list_model_set_model (self->filtered, self->log != NULL ? G_LIST_MODEL (self->log) : NULL);
  self->stick_to_bottom = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gboolean
asc_event_log_view_get_paused (AscEventLogView *self)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG_VIEW (self), FALSE);

  return self->frozen != NULL;
}

/**
 * asc_event_log_view_set_paused:
 *
 * Freezes what the view shows; the log itself keeps capturing, and a
 * counter says how much arrived meanwhile.
 */
void
asc_event_log_view_set_paused (AscEventLogView *self,
                               gboolean         paused)
{
  g_return_if_fail (ASC_IS_EVENT_LOG_VIEW (self));

  if (paused == (self->frozen != NULL) || (paused && self->log == NULL))
    return;

  if (paused)
    {
      asc_event_log_flush (self->log);
      self->frozen = freeze (self->log);
      self->appended_at_pause = asc_event_log_get_n_appended (self->log);
    }
  else
    g_clear_object (&self->frozen);

  if (self->log != NULL)
    show_source (self);
  update_pending (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               paused ? _("Resume the View") : _("Pause the View (Capture Goes On)"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/**
 * asc_event_log_view_get_n_pending:
 *
 * Returns: how many entries arrived since the view was paused
 */
guint64
asc_event_log_view_get_n_pending (AscEventLogView *self)
{
  g_return_val_if_fail (ASC_IS_EVENT_LOG_VIEW (self), 0);

  if (self->frozen == NULL || self->log == NULL)
    return 0;

  return asc_event_log_get_n_appended (self->log) - self->appended_at_pause;
}

/**
 * asc_event_log_view_get_rows:
 *
 * Returns: (transfer none): the rows the view shows, after filtering
 */
GListModel *
asc_event_log_view_get_rows (AscEventLogView *self)
{
  return G_LIST_MODEL (self->filtered);
}
