/* asc-state-cell.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-state-view"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-state-cell.h"

/* How long a changed row stays marked; shared by every cell. */
static guint highlight_ms = 1500;

struct _AscStateCell
{
  GtkWidget         parent_instance;

  AscStateNode     *node;
  GtkWidget        *marker;
  GtkWidget        *label;
  const char       *flash_class;   /* static: the CSS class shown, or NULL */
  gint64            fade_at;       /* monotonic time the mark goes */
  guint             fade_source;
  guint64           shown_serial;
  AscStateCellRole  role;
};

G_DEFINE_FINAL_TYPE (AscStateCell, asc_state_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NODE,
  PROP_ROLE,
  PROP_HIGHLIGHTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_name (AscStateNodeKind kind)
{
  switch (kind)
    {
    case ASC_STATE_NODE_KIND_OBJECT:  return C_("json type", "object");
    case ASC_STATE_NODE_KIND_ARRAY:   return C_("json type", "array");
    case ASC_STATE_NODE_KIND_STRING:  return C_("json type", "string");
    case ASC_STATE_NODE_KIND_NUMBER:  return C_("json type", "number");
    case ASC_STATE_NODE_KIND_BOOLEAN: return C_("json type", "boolean");
    case ASC_STATE_NODE_KIND_NULL:
    default:                          return C_("json type", "null");
    }
}

static void
update_text (AscStateCell *self)
{
  const char *text = "";

  if (self->node != NULL)
    {
      switch (self->role)
        {
        case ASC_STATE_CELL_KEY:
          text = asc_state_node_get_key (self->node);
          break;
        case ASC_STATE_CELL_VALUE:
          text = asc_state_node_get_value_text (self->node);
          break;
        case ASC_STATE_CELL_KIND:
        default:
          text = kind_name (asc_state_node_get_kind (self->node));
          break;
        }
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (self->label), text != NULL ? text : "");
}

static void
clear_flash (AscStateCell *self)
{
  g_clear_handle_id (&self->fade_source, g_source_remove);
  if (self->flash_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->flash_class);
  self->flash_class = NULL;
  gtk_widget_set_visible (self->marker, FALSE);
}

static gboolean fade_cb (gpointer user_data);

static void
arm_fade (AscStateCell *self,
          gint64        now)
{
  guint remaining_ms = (guint) ((self->fade_at - now + 999) / 1000);

  self->fade_source = g_timeout_add (MAX (remaining_ms, 1), fade_cb, self);
}

static gboolean
fade_cb (gpointer user_data)
{
  AscStateCell *self = user_data;
  gint64 now = g_get_monotonic_time ();

  self->fade_source = 0;
  /* Changed again meanwhile: the mark stays, the timer catches up */
  if (now < self->fade_at)
    {
      arm_fade (self, now);
      return G_SOURCE_REMOVE;
    }

  clear_flash (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
  return G_SOURCE_REMOVE;
}

/* A changed value is marked by a dot and a weight change, not colour alone;
 * a container whose insides changed gets the dot only.
 *
 * A busy value changes far more often than it can be read. Changing again
 * while marked only moves the end of the mark: the styles stay as they are,
 * so the row is not restyled and measured again for every change, and the
 * one timer is not replaced either. */
static void
flash (AscStateCell *self)
{
  const char *flash_class = asc_state_node_is_container (self->node) ? "changed-inside" : "changed";
  gint64 now = g_get_monotonic_time ();

  self->fade_at = now + (gint64) highlight_ms * 1000;
  if (self->flash_class == flash_class)
    return;

  clear_flash (self);
  self->flash_class = flash_class;
  gtk_widget_add_css_class (GTK_WIDGET (self), flash_class);
  gtk_widget_set_visible (self->marker, self->role == ASC_STATE_CELL_KEY);
  arm_fade (self, now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

static void
node_changed_cb (AscStateCell *self)
{
  guint64 serial = asc_state_node_get_changed_serial (self->node);

  update_text (self);
  if (serial != self->shown_serial)
    {
      self->shown_serial = serial;
      flash (self);
    }
}

static void
asc_state_cell_dispose (GObject *object)
{
  AscStateCell *self = ASC_STATE_CELL (object);

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data (self->node, self);
  g_clear_object (&self->node);
  g_clear_handle_id (&self->fade_source, g_source_remove);
  g_clear_pointer (&self->marker, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (asc_state_cell_parent_class)->dispose (object);
}

static void
asc_state_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AscStateCell *self = ASC_STATE_CELL (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;
    case PROP_ROLE:
      g_value_set_uint (value, self->role);
      break;
    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, asc_state_cell_get_highlighted (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AscStateCell *self = ASC_STATE_CELL (object);

  switch (prop_id)
    {
    case PROP_NODE:
      asc_state_cell_set_node (self, g_value_get_object (value));
      break;
    case PROP_ROLE:
      self->role = g_value_get_uint (value);
      if (self->role != ASC_STATE_CELL_KEY)
        gtk_widget_add_css_class (self->label, self->role == ASC_STATE_CELL_KIND ? "dim-label" : "monospace");
      else
        /* The expander beside it gives a key its natural width only */
        gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->label), 40);
      update_text (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
asc_state_cell_class_init (AscStateCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_state_cell_dispose;
  object_class->get_property = asc_state_cell_get_property;
  object_class->set_property = asc_state_cell_set_property;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL, ASC_TYPE_STATE_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_uint ("role", NULL, NULL, 0, ASC_STATE_CELL_KIND, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statecell");
}

static void
asc_state_cell_init (AscStateCell *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_HORIZONTAL);
  g_object_set (gtk_widget_get_layout_manager (GTK_WIDGET (self)), "spacing", 4, NULL);

  self->marker = gtk_image_new_from_icon_name ("media-record-symbolic");
  gtk_widget_add_css_class (self->marker, "change-marker");
  gtk_widget_set_tooltip_text (self->marker, _("Changed just now"));
  gtk_widget_set_visible (self->marker, FALSE);
  gtk_widget_set_parent (self->marker, GTK_WIDGET (self));

  /* An inscription's size does not follow its text, so a value that
   * changes many times a second only redraws its cell: a label would ask
   * the whole tree, and the window, to be measured again each time. */
  self->label = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

AscStateNode *
asc_state_cell_get_node (AscStateCell *self)
{
  return self->node;
}

/* Cells are recycled as the view scrolls: a cell that gets another node
 * shows it without flashing. */
void
asc_state_cell_set_node (AscStateCell *self,
                         AscStateNode *node)
{
  if (self->node == node)
    return;

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data (self->node, self);
  clear_flash (self);

  g_set_object (&self->node, node);
  if (node != NULL)
    {
      self->shown_serial = asc_state_node_get_changed_serial (node);
      g_signal_connect_swapped (node, "notify::changed-serial", G_CALLBACK (node_changed_cb), self);
      g_signal_connect_swapped (node, "notify::value-text", G_CALLBACK (update_text), self);
      g_signal_connect_swapped (node, "notify::key", G_CALLBACK (update_text), self);
      g_signal_connect_swapped (node, "notify::kind", G_CALLBACK (update_text), self);
    }

  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

gboolean
asc_state_cell_get_highlighted (AscStateCell *self)
{
  return self->fade_source != 0;
}

const char *
asc_state_cell_get_text (AscStateCell *self)
{
  return gtk_inscription_get_text (GTK_INSCRIPTION (self->label));
}

/* Tests and the preferences shorten or lengthen the highlight. */
void
asc_state_cell_set_highlight_ms (guint milliseconds)
{
  highlight_ms = MAX (milliseconds, 1);
}
