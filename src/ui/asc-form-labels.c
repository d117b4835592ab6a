/* asc-form-labels.c: titles, marks, include checks and issues of rows
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-form"

#include "config.h"

#include <glib/gi18n.h>

#include "asc-form-private.h"

/* Issue messages wrap at this many characters. */
#define MESSAGE_WIDTH 28

static gboolean
is_optional (AscField *field)
{
  AscField *parent = asc_field_get_parent (field);

  return parent != NULL && asc_field_get_kind (parent) == ASC_FIELD_KIND_OBJECT &&
         !asc_field_get_required (field);
}

static gboolean
is_required_property (AscField *field)
{
  AscField *parent = asc_field_get_parent (field);

  return parent != NULL && asc_field_get_kind (parent) == ASC_FIELD_KIND_OBJECT &&
         asc_field_get_required (field);
}

static guint
position_in (GListModel *model,
             gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return 0;
}

/**
 * _asc_form_field_title:
 * @field: a field
 *
 * What a row calls @field: its title, else its property name; list items
 * are numbered, and the fields inside a choice or a nullable use the
 * title of the field they belong to.
 *
 * Returns: (transfer full): the title
 */
char *
_asc_form_field_title (AscField *field)
{
  AscField *parent = asc_field_get_parent (field);
  AscFieldKind parent_kind = parent != NULL ? asc_field_get_kind (parent) : ASC_FIELD_KIND_RAW_JSON;
  const char *title = asc_field_get_title (field);
  guint number;

  if (parent_kind == ASC_FIELD_KIND_NULLABLE || parent_kind == ASC_FIELD_KIND_ONE_OF)
    return _asc_form_field_title (parent);
  if (parent_kind == ASC_FIELD_KIND_LIST || parent_kind == ASC_FIELD_KIND_TUPLE)
    {
      number = position_in (asc_field_get_children (parent), field) + 1;
      if (title != NULL && parent_kind == ASC_FIELD_KIND_TUPLE)
        return g_strdup (title);
      if (title != NULL)
        /* Translators: a numbered list item, such as “Point 2”. */
        return g_strdup_printf (_("%s %u"), title, number);
      return g_strdup_printf (_("Item %u"), number);
    }
  if (title != NULL)
    return g_strdup (title);
  if (asc_field_get_key (field) != NULL)
    return g_strdup (asc_field_get_key (field));
  return g_strdup (_("Value"));
}

void
_asc_form_label_widget (GtkWidget  *widget,
                        const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
_asc_form_row_add_suffix (GtkWidget *row,
                          GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), widget);
  else if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), widget);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
}

void
_asc_form_row_add_prefix (GtkWidget *row,
                          GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), widget);
  else if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), widget);
  else
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), widget);
}

static void
set_description (AscFormSlot *slot,
                 const char  *description)
{
  if (description == NULL)
    return;

  if (ADW_IS_EXPANDER_ROW (slot->row))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (slot->row), description);
  else if (ADW_IS_ACTION_ROW (slot->row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (slot->row), description);
  else
    gtk_widget_set_tooltip_text (slot->row, description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (slot->editor),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The issues label goes first among the row's suffixes, before the
 * controls the kind put there. */
static void
add_message (AscFormSlot *slot)
{
  GtkWidget *box;

  slot->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (slot->message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (slot->message), MESSAGE_WIDTH);
  gtk_label_set_justify (GTK_LABEL (slot->message), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (slot->message), 1);
  gtk_widget_set_valign (slot->message, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (slot->message, "caption");
  gtk_widget_set_visible (slot->message, FALSE);
  _asc_form_row_add_suffix (slot->row, slot->message);

  box = gtk_widget_get_parent (slot->message);
  if (GTK_IS_BOX (box))
    gtk_box_reorder_child_after (GTK_BOX (box), slot->message, NULL);

  /* Marking a whole expander would colour the rows inside it too. */
  slot->issue_row = slot->row;
  if (ADW_IS_EXPANDER_ROW (slot->row))
    {
      GtkWidget *header = gtk_widget_get_ancestor (slot->message, ADW_TYPE_ACTION_ROW);

      if (header != NULL && gtk_widget_is_ancestor (header, slot->row))
        slot->issue_row = header;
    }
}

static void
include_cb (AscFormSlot *slot)
{
  if (_asc_form_slot_is_syncing (slot))
    return;

  asc_field_set_present (slot->field,
                         gtk_check_button_get_active (GTK_CHECK_BUTTON (slot->include)));
  _asc_form_slot_rebuild (slot);
  _asc_form_user_changed (slot->form);
}

/* An optional property gets a check button to leave it out. */
static void
add_include (AscFormSlot *slot,
             const char  *title)
{
  g_autofree char *label = g_strdup_printf (_("Include %s"), title);

  slot->include = gtk_check_button_new ();
  gtk_widget_set_valign (slot->include, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (slot->include, label);
  _asc_form_label_widget (slot->include, label);
  _asc_form_row_add_prefix (slot->row, slot->include);
  _asc_form_slot_connect (slot, slot->include, "toggled", G_CALLBACK (include_cb));
}

void
_asc_form_slot_decorate (AscFormSlot *slot)
{
  g_autofree char *title = NULL;

  if (slot->shares_row || slot->row == NULL)
    return;

  title = _asc_form_field_title (slot->field);
  if (is_required_property (slot->field))
    {
      /* Translators: the title of a required field. */
      g_autofree char *marked = g_strdup_printf (_("%s *"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (slot->row), marked);
      gtk_accessible_update_property (GTK_ACCESSIBLE (slot->editor),
                                      GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                      -1);
    }
  _asc_form_label_widget (slot->editor, title);
  set_description (slot, asc_field_get_description (slot->field));
  add_message (slot);
  if (is_optional (slot->field))
    add_include (slot, title);
}

/* Sets the include control and the null toggle from the field. */
void
_asc_form_slot_sync_state (AscFormSlot *slot)
{
  gboolean present = asc_field_has_value (slot->field);
  gboolean is_null = slot->null_toggle != NULL && asc_field_get_is_null (slot->field);
  gboolean toggles = slot->include != NULL || slot->null_toggle != NULL;
  AdwExpanderRow *expander = ADW_IS_EXPANDER_ROW (slot->row) ? ADW_EXPANDER_ROW (slot->row) : NULL;

  slot->form->syncing++;
  if (slot->include != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (slot->include), present);
  if (slot->null_toggle != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (slot->null_toggle), is_null);

  /* Left out or null, an expander has nothing to show; back, it opens. */
  if (toggles && expander != NULL &&
      adw_expander_row_get_enable_expansion (expander) != (present && !is_null))
    adw_expander_row_set_enable_expansion (expander, present && !is_null);
  slot->form->syncing--;
}

/* A wrapping label asks only for its longest word: short messages get
 * the width to stay on one line, long ones wrap at a readable width. */
static int
longest_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  glong longest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (lines[i], -1));

  return MIN (longest, MESSAGE_WIDTH);
}

/* Shows @text (or nothing, when %NULL) as the issues of the slot's row. */
void
_asc_form_slot_show_issues (AscFormSlot *slot,
                            const char  *text)
{
  gboolean invalid = text != NULL;
  const char *shown = gtk_widget_get_visible (slot->message)
                      ? gtk_label_get_text (GTK_LABEL (slot->message))
                      : NULL;

  /* Live validation calls this for every row on every edit. */
  if (g_strcmp0 (shown, text) == 0)
    return;

  gtk_label_set_text (GTK_LABEL (slot->message), text);
  gtk_label_set_width_chars (GTK_LABEL (slot->message), invalid ? longest_line (text) : -1);
  gtk_widget_set_visible (slot->message, invalid);
  if (invalid)
    gtk_widget_add_css_class (slot->issue_row, "error");
  else
    gtk_widget_remove_css_class (slot->issue_row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (slot->editor),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (slot->editor),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  invalid ? text : asc_field_get_description (slot->field),
                                  -1);
}
