/* asc-form-groups.c: the rows of fields made of other fields
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-form"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-form-private.h"

static AscField *
nth_field (GListModel *model,
           guint       position)
{
  g_autoptr(AscField) field = g_list_model_get_item (model, position);

  /* Borrowed: the model keeps its own reference. */
  return field;
}

static gboolean
is_list (AscField *field)
{
  AscFieldKind kind = asc_field_get_kind (field);

  return kind == ASC_FIELD_KIND_LIST || kind == ASC_FIELD_KIND_TUPLE;
}

static void
focus_slot (AscFormSlot *slot)
{
  if (slot != NULL && slot->editor != NULL)
    gtk_widget_grab_focus (slot->editor);
}

/* Objects */

void
_asc_form_build_object (AscFormSlot *slot)
{
  if (!slot->flat)
    _asc_form_slot_new_expander (slot, asc_field_get_required (slot->field));
}

static void
add_property_cb (AscFormSlot *slot,
                 AdwEntryRow *row)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  AscField *property;

  g_strstrip (name);
  if (*name == '\0')
    return;

  property = asc_field_add_property (slot->field, name);
  _asc_form_slot_rebuild (slot);
  if (property != NULL)
    focus_slot (g_hash_table_lookup (slot->form->slots, property));
  _asc_form_user_changed (slot->form);
}

/* A name, then Enter or the apply button, adds a property. */
static void
add_property_row (AscFormSlot *slot)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Property"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("The name of a new property"));
  _asc_form_slot_append (slot, slot->inner, row);
  _asc_form_slot_connect (slot, row, "apply", G_CALLBACK (add_property_cb));
  _asc_form_slot_connect (slot, row, "entry-activated", G_CALLBACK (add_property_cb));
}

void
_asc_form_fill_object (AscFormSlot *slot)
{
  GListModel *children = asc_field_get_children (slot->field);

  if (!_asc_form_slot_is_live (slot))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    _asc_form_slot_add_child (slot, nth_field (children, i), FALSE);
  if (_asc_form_is_free_form (slot->form, slot->field))
    add_property_row (slot);
}

/* Lists and tuples */

void
_asc_form_build_list (AscFormSlot *slot)
{
  if (!slot->flat)
    _asc_form_slot_new_expander (slot, asc_field_get_required (slot->field));
}

static GtkWidget *
item_button (const char *icon_name,
             const char *label,
             const char *action_name,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  _asc_form_label_widget (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static void
add_item_buttons (AscFormSlot *list,
                  AscFormSlot *item,
                  guint        position,
                  guint        n_items)
{
  g_autofree char *path = asc_field_dup_path (item->field);
  g_autofree char *title = _asc_form_field_title (item->field);
  g_autofree char *up = g_strdup_printf (_("Move %s Up"), title);
  g_autofree char *down = g_strdup_printf (_("Move %s Down"), title);
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), title);
  gint64 min_items = asc_field_get_min_items (list->field);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* Where an item cannot move or go, a blank takes the place of the
   * button, keeping the others in line with those of the other items. */
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  item->move_up = position > 0
                  ? item_button ("go-up-symbolic", up, "form.move-item",
                                 g_variant_new ("(si)", path, -1))
                  : gtk_label_new (NULL);
  item->move_down = position + 1 < n_items
                    ? item_button ("go-down-symbolic", down, "form.move-item",
                                   g_variant_new ("(si)", path, 1))
                    : gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), item->move_up);
  gtk_box_append (GTK_BOX (box), item->move_down);
  gtk_box_append (GTK_BOX (box),
                  min_items < 0 || n_items > (guint64) min_items
                  ? item_button ("user-trash-symbolic", remove, "form.remove-item",
                                 g_variant_new_string (path))
                  : gtk_label_new (NULL));
  _asc_form_row_add_suffix (item->row, box);
}

static void
add_add_row (AscFormSlot *slot,
             guint        n_items)
{
  gint64 max_items = asc_field_get_max_items (slot->field);
  g_autofree char *path = asc_field_dup_path (slot->field);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Item"));
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "list-add-symbolic");
  if (max_items >= 0 && n_items >= (guint64) max_items)
    {
      g_autofree char *limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "At most %u item",
                                                             "At most %u items",
                                                             (gulong) max_items),
                                                (guint) max_items);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), limit);
      gtk_widget_add_css_class (row, "dim-label");
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "form.add-item");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
    }
  _asc_form_slot_append (slot, slot->inner, row);
  slot->add_button = row;
}

void
_asc_form_fill_list (AscFormSlot *slot)
{
  GListModel *items = asc_field_get_children (slot->field);
  guint n_items = g_list_model_get_n_items (items);

  if (!_asc_form_slot_is_live (slot))
    return;

  for (guint i = 0; i < n_items; i++)
    {
      AscFormSlot *item = _asc_form_slot_add_child (slot, nth_field (items, i), FALSE);

      add_item_buttons (slot, item, i, n_items);
    }
  add_add_row (slot, n_items);
}

void
_asc_form_fill_tuple (AscFormSlot *slot)
{
  GListModel *items = asc_field_get_children (slot->field);

  if (!_asc_form_slot_is_live (slot))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    _asc_form_slot_add_child (slot, nth_field (items, i), FALSE);
}

/* The slot of a list item named by @path, and of its list. The field at
 * a path may be inside the item's nullable or choice: climb to the item. */
static AscFormSlot *
find_item (AscForm      *self,
           const char   *path,
           AscFormSlot **list)
{
  AscField *item = self->root != NULL ? asc_field_lookup (self->root, path) : NULL;

  while (item != NULL && asc_field_get_parent (item) != NULL &&
         !is_list (asc_field_get_parent (item)))
    item = asc_field_get_parent (item);
  if (item == NULL || asc_field_get_parent (item) == NULL)
    return NULL;

  *list = g_hash_table_lookup (self->slots, asc_field_get_parent (item));
  if (*list == NULL || (*list)->kind != ASC_FIELD_KIND_LIST)
    return NULL;
  return g_hash_table_lookup (self->slots, item);
}

static guint
item_position (AscFormSlot *list,
               AscFormSlot *item)
{
  guint position = 0;

  g_ptr_array_find (list->children, item, &position);
  return position;
}

static AscFormSlot *
nth_slot (AscFormSlot *list,
          guint        position)
{
  return position < list->children->len ? g_ptr_array_index (list->children, position) : NULL;
}

void
_asc_form_add_item_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AscForm *self = ASC_FORM (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  AscField *field = self->root != NULL ? asc_field_lookup (self->root, path) : NULL;
  AscFormSlot *list = field != NULL ? g_hash_table_lookup (self->slots, field) : NULL;
  gint64 max_items;
  guint n_items;

  if (list == NULL || list->kind != ASC_FIELD_KIND_LIST)
    return;

  max_items = asc_field_get_max_items (field);
  n_items = g_list_model_get_n_items (asc_field_get_children (field));
  if (max_items >= 0 && n_items >= (guint64) max_items)
    return;

  asc_field_add_item (field, n_items);
  _asc_form_slot_rebuild (list);
  focus_slot (nth_slot (list, n_items));
  _asc_form_user_changed (self);
}

void
_asc_form_remove_item_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AscForm *self = ASC_FORM (widget);
  AscFormSlot *list = NULL;
  AscFormSlot *item = find_item (self, g_variant_get_string (parameter, NULL), &list);
  guint position;

  if (item == NULL)
    return;

  position = item_position (list, item);
  asc_field_remove_item (list->field, position);
  _asc_form_slot_rebuild (list);
  if (list->children->len > 0)
    focus_slot (nth_slot (list, MIN (position, list->children->len - 1)));
  else if (list->add_button != NULL)
    gtk_widget_grab_focus (list->add_button);
  _asc_form_user_changed (self);
}

void
_asc_form_move_item_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AscForm *self = ASC_FORM (widget);
  AscFormSlot *list = NULL;
  AscFormSlot *item, *moved;
  const char *path;
  int delta;
  guint from, to;

  g_variant_get (parameter, "(&si)", &path, &delta);
  item = find_item (self, path, &list);
  if (item == NULL)
    return;

  from = item_position (list, item);
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= list->children->len))
    return;

  to = delta < 0 ? from - 1 : from + 1;
  asc_field_move_item (list->field, from, to);
  _asc_form_slot_rebuild (list);
  moved = nth_slot (list, to);
  if (moved != NULL && GTK_IS_BUTTON (delta < 0 ? moved->move_up : moved->move_down))
    gtk_widget_grab_focus (delta < 0 ? moved->move_up : moved->move_down);
  else
    focus_slot (moved);
  _asc_form_user_changed (self);
}

/* Choices */

static void
choice_cb (AscFormSlot *slot)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (slot->choice));
  GListModel *alternatives = asc_field_get_alternatives (slot->field);

  if (_asc_form_slot_is_syncing (slot) || selected >= g_list_model_get_n_items (alternatives))
    return;

  asc_field_set_active (slot->field, selected);
  _asc_form_slot_rebuild (slot);
  _asc_form_user_changed (slot->form);
}

static GListModel *
alternative_labels (AscField *field)
{
  GListModel *alternatives = asc_field_get_alternatives (field);
  GtkStringList *labels = gtk_string_list_new (NULL);

  const char *own_title = asc_field_get_title (field);

  for (guint i = 0; i < g_list_model_get_n_items (alternatives); i++)
    {
      const char *title = asc_field_get_title (nth_field (alternatives, i));
      g_autofree char *fallback = g_strdup_printf (_("Option %u"), i + 1);

      /* An alternative without a title of its own shows the choice's. */
      if (title == NULL || g_strcmp0 (title, own_title) == 0)
        title = fallback;
      gtk_string_list_append (labels, title);
    }

  return G_LIST_MODEL (labels);
}

/* A combo row picks the alternative; the alternative's rows follow it,
 * inside the choice's expander, or in the group at the top level. */
void
_asc_form_build_one_of (AscFormSlot *slot)
{
  g_autoptr(GListModel) labels = alternative_labels (slot->field);
  GtkWidget *combo = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (combo), labels);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
  if (slot->flat)
    _asc_form_slot_set_row (slot, combo, combo);
  else
    {
      g_autofree char *title = _asc_form_field_title (slot->field);
      g_autofree char *label = g_strdup_printf (_("Variant of %s"), title);

      _asc_form_slot_new_expander (slot, TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Variant"));
      _asc_form_label_widget (combo, label);
      _asc_form_slot_append (slot, slot->inner, combo);
    }
  slot->choice = combo;
  _asc_form_slot_connect (slot, combo, "notify::selected", G_CALLBACK (choice_cb));
}

void
_asc_form_fill_one_of (AscFormSlot *slot)
{
  guint active = asc_field_get_active (slot->field);

  adw_combo_row_set_selected (ADW_COMBO_ROW (slot->choice), active);
  if (!_asc_form_slot_is_live (slot))
    return;

  _asc_form_slot_add_child (slot, nth_field (asc_field_get_alternatives (slot->field), active),
                            TRUE);
}

/* Nullables: the inner field's rows, with a toggle for null */

static void
null_toggled_cb (AscFormSlot *slot)
{
  if (_asc_form_slot_is_syncing (slot))
    return;

  asc_field_set_is_null (slot->field,
                         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (slot->null_toggle)));
  _asc_form_slot_rebuild (slot);
  _asc_form_user_changed (slot->form);
}

void
_asc_form_build_nullable (AscFormSlot *slot)
{
  AscFormSlot *inner = _asc_form_slot_new (slot->form, slot, asc_field_get_inner (slot->field),
                                           slot->container, FALSE, TRUE);
  g_autofree char *title = _asc_form_field_title (slot->field);
  g_autofree char *label = g_strdup_printf (_("Set %s to Null"), title);

  g_ptr_array_add (slot->children, inner);
  slot->row = inner->row;
  slot->editor = inner->editor;

  /* “null” is the JSON literal, the same in every language. */
  slot->null_toggle = gtk_toggle_button_new_with_label ("null");
  gtk_widget_add_css_class (slot->null_toggle, "flat");
  gtk_widget_add_css_class (slot->null_toggle, "monospace");
  gtk_widget_set_valign (slot->null_toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (slot->null_toggle, label);
  _asc_form_label_widget (slot->null_toggle, label);
  _asc_form_row_add_suffix (slot->row, slot->null_toggle);
  _asc_form_slot_connect (slot, slot->null_toggle, "toggled", G_CALLBACK (null_toggled_cb));
}

void
_asc_form_refresh_nullable (AscFormSlot *slot)
{
  _asc_form_slot_rebuild (g_ptr_array_index (slot->children, 0));
}
