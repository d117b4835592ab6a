/* asc-form-slot.c: the widgets of one field, and which widgets each kind gets
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-form"

#include "config.h"

#include "asc-form-private.h"

/* The one place that says which rows each kind of field gets: what
 * builds them, what fills in the child rows, what shows the value. */
static const AscFormRowKind row_kinds[] = {
  [ASC_FIELD_KIND_TEXT]           = { _asc_form_build_text,      NULL, _asc_form_refresh_text },
  [ASC_FIELD_KIND_MULTILINE_TEXT] = { _asc_form_build_multiline, NULL, _asc_form_refresh_multiline },
  [ASC_FIELD_KIND_INTEGER]        = { _asc_form_build_number,    NULL, _asc_form_refresh_number },
  [ASC_FIELD_KIND_NUMBER]         = { _asc_form_build_number,    NULL, _asc_form_refresh_number },
  [ASC_FIELD_KIND_BOOLEAN]        = { _asc_form_build_boolean,   NULL, _asc_form_refresh_boolean },
  [ASC_FIELD_KIND_ENUM]           = { _asc_form_build_enum,      NULL, _asc_form_refresh_enum },
  [ASC_FIELD_KIND_CONST]          = { _asc_form_build_const,     NULL, NULL },
  [ASC_FIELD_KIND_OBJECT]         = { _asc_form_build_object,    _asc_form_fill_object, NULL },
  [ASC_FIELD_KIND_LIST]           = { _asc_form_build_list,      _asc_form_fill_list, NULL },
  [ASC_FIELD_KIND_TUPLE]          = { _asc_form_build_list,      _asc_form_fill_tuple, NULL },
  [ASC_FIELD_KIND_ONE_OF]         = { _asc_form_build_one_of,    _asc_form_fill_one_of, NULL },
  [ASC_FIELD_KIND_NULLABLE]       = { _asc_form_build_nullable,  NULL, _asc_form_refresh_nullable },
  [ASC_FIELD_KIND_RAW_JSON]       = { _asc_form_build_raw,       NULL, _asc_form_refresh_raw },
};

G_STATIC_ASSERT (G_N_ELEMENTS (row_kinds) == ASC_FIELD_KIND_RAW_JSON + 1);

typedef struct
{
  GtkWidget *container;
  GtkWidget *row;
} RowEntry;

static void
row_entry_free (gpointer data)
{
  RowEntry *entry = data;

  if (ADW_IS_EXPANDER_ROW (entry->container))
    adw_expander_row_remove (ADW_EXPANDER_ROW (entry->container), entry->row);
  else
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (entry->container), entry->row);
  g_object_unref (entry->row);
  g_object_unref (entry->container);
  g_free (entry);
}

gboolean
_asc_form_slot_is_syncing (AscFormSlot *slot)
{
  return slot->form->syncing > 0;
}

/* Whether the field's value is there to show: not absent, not inside a
 * nullable that is null. */
gboolean
_asc_form_slot_is_live (AscFormSlot *slot)
{
  AscFormSlot *parent = slot->parent;

  if (!asc_field_has_value (slot->field))
    return FALSE;
  return parent == NULL || parent->kind != ASC_FIELD_KIND_NULLABLE ||
         !asc_field_get_is_null (parent->field);
}

/**
 * _asc_form_slot_connect:
 * @slot: a slot
 * @widget: a widget
 * @signal: a detailed signal name
 * @callback: called with @slot first
 *
 * Connects @callback to @widget until @slot goes: a removed row may
 * outlive its slot for a while, so the slot keeps @widget alive and
 * disconnects from it.
 */
void
_asc_form_slot_connect (AscFormSlot *slot,
                        gpointer     widget,
                        const char  *signal,
                        GCallback    callback)
{
  if (!g_ptr_array_find (slot->watched, widget, NULL))
    g_ptr_array_add (slot->watched, g_object_ref (widget));
  g_signal_connect_swapped (widget, signal, callback, slot);
}

void
_asc_form_slot_append (AscFormSlot *slot,
                       GtkWidget   *container,
                       GtkWidget   *row)
{
  RowEntry *entry = g_new0 (RowEntry, 1);

  entry->container = g_object_ref (container);
  entry->row = g_object_ref (row);
  g_ptr_array_add (slot->rows, entry);

  if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
}

/* Makes @row the row of @slot, with @editor as the control that takes
 * the value, and appends it to the slot's container. */
void
_asc_form_slot_set_row (AscFormSlot *slot,
                        GtkWidget   *row,
                        GtkWidget   *editor)
{
  g_autofree char *title = _asc_form_field_title (slot->field);

  slot->row = row;
  slot->editor = editor;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  _asc_form_label_widget (editor, title);
  _asc_form_slot_append (slot, slot->container, row);
}

static void
expanded_cb (AscFormSlot *slot)
{
  _asc_form_set_expanded (slot->form, slot->field,
                          adw_expander_row_get_expanded (ADW_EXPANDER_ROW (slot->row)));
}

/* An expander row for a field made of other fields: they go inside it.
 * It opens as it was, else as @fallback says. */
GtkWidget *
_asc_form_slot_new_expander (AscFormSlot *slot,
                             gboolean     fallback)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                 _asc_form_get_expanded (slot->form, slot->field, fallback));
  _asc_form_slot_set_row (slot, expander, expander);
  _asc_form_slot_connect (slot, expander, "notify::expanded", G_CALLBACK (expanded_cb));
  slot->inner = expander;

  return expander;
}

/* Disconnects from the widgets watched from @first on. */
static void
unwatch (AscFormSlot *slot,
         guint        first)
{
  for (guint i = first; i < slot->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (slot->watched, i), slot);
  g_ptr_array_set_size (slot->watched, first);
}

/**
 * _asc_form_slot_rebuild:
 * @slot: a slot
 *
 * Shows the field's value again: a field made of other fields gets its
 * child rows anew, any other refreshes its control.
 */
void
_asc_form_slot_rebuild (AscFormSlot *slot)
{
  const AscFormRowKind *kind = &row_kinds[slot->kind];

  slot->form->syncing++;
  if (kind->fill != NULL)
    {
      unwatch (slot, slot->n_fixed_watched);
      g_ptr_array_set_size (slot->children, 0);
      g_ptr_array_remove_range (slot->rows, slot->n_fixed_rows,
                                slot->rows->len - slot->n_fixed_rows);
      slot->add_button = NULL;
      kind->fill (slot);
    }
  else if (kind->refresh != NULL)
    kind->refresh (slot);
  _asc_form_slot_sync_state (slot);
  slot->form->syncing--;
}

/**
 * _asc_form_slot_edit:
 * @slot: the slot of an edited control
 * @value: the control's new value
 *
 * Puts a value the person entered into the field. Editing a field that
 * was left out or null brings it back.
 */
void
_asc_form_slot_edit (AscFormSlot *slot,
                     JsonNode    *value)
{
  for (AscFormSlot *up = slot->parent; up != NULL; up = up->parent)
    if (up->kind == ASC_FIELD_KIND_NULLABLE && asc_field_get_is_null (up->field))
      asc_field_set_is_null (up->field, FALSE);

  asc_field_set_value (slot->field, value);
  for (AscFormSlot *up = slot; up != NULL; up = up->parent)
    _asc_form_slot_sync_state (up);
  _asc_form_user_changed (slot->form);
}

/**
 * _asc_form_slot_new:
 * @form: the form
 * @parent: (nullable): the slot of the field @field belongs to
 * @field: the field
 * @container: where the rows go
 * @flat: whether the children's rows go straight into @container
 * @shares_row: whether @parent decorates the row (a nullable's inner field)
 *
 * Builds the rows of @field and its descendants.
 *
 * Returns: (transfer full): the slot, for _asc_form_slot_free()
 */
AscFormSlot *
_asc_form_slot_new (AscForm     *form,
                    AscFormSlot *parent,
                    AscField    *field,
                    GtkWidget   *container,
                    gboolean     flat,
                    gboolean     shares_row)
{
  AscFormSlot *slot = g_new0 (AscFormSlot, 1);

  slot->form = form;
  slot->parent = parent;
  slot->field = g_object_ref (field);
  slot->kind = asc_field_get_foreign (field) ? ASC_FIELD_KIND_RAW_JSON : asc_field_get_kind (field);
  slot->container = container;
  slot->inner = container;
  slot->flat = flat;
  slot->shares_row = shares_row;
  slot->rows = g_ptr_array_new_with_free_func (row_entry_free);
  slot->children = g_ptr_array_new_with_free_func ((GDestroyNotify) _asc_form_slot_free);
  slot->watched = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (form->slots, field, slot);

  form->syncing++;
  row_kinds[slot->kind].build (slot);
  _asc_form_slot_decorate (slot);
  slot->n_fixed_rows = slot->rows->len;
  slot->n_fixed_watched = slot->watched->len;
  _asc_form_slot_rebuild (slot);
  form->syncing--;

  return slot;
}

AscFormSlot *
_asc_form_slot_add_child (AscFormSlot *slot,
                          AscField    *field,
                          gboolean     flat)
{
  AscFormSlot *child = _asc_form_slot_new (slot->form, slot, field, slot->inner, flat, FALSE);

  g_ptr_array_add (slot->children, child);
  return child;
}

void
_asc_form_slot_free (AscFormSlot *slot)
{
  g_clear_pointer (&slot->children, g_ptr_array_unref);
  unwatch (slot, 0);
  g_clear_pointer (&slot->watched, g_ptr_array_unref);
  if (g_hash_table_lookup (slot->form->slots, slot->field) == slot)
    g_hash_table_remove (slot->form->slots, slot->field);
  g_clear_pointer (&slot->rows, g_ptr_array_unref);
  g_clear_object (&slot->field);
  g_free (slot->parse_error);
  g_free (slot);
}
