/* asc-form-rows.c: the rows of fields that hold one value
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "asc-form-private.h"
#include "asc-json-text.h"

/* JSON numbers are doubles: integers beyond this lose precision. */
#define MAX_SAFE_INTEGER 9007199254740991.0

/* The text of a field's value: strings as they are, other JSON compact. */
static char *
value_text (JsonNode *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return asc_json_to_text (value);
}

static JsonNode *
string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

/* Text */

static const struct
{
  const char      *format;
  GtkInputPurpose  purpose;
  const char      *hint;
} formats[] = {
  { "email", GTK_INPUT_PURPOSE_EMAIL, N_("An email address") },
  { "uri", GTK_INPUT_PURPOSE_URL, N_("A URI, such as https://example.com/") },
  { "date-time", GTK_INPUT_PURPOSE_FREE_FORM,
    N_("A date and time, such as 2024-05-01T12:00:00Z") },
  { "date", GTK_INPUT_PURPOSE_FREE_FORM, N_("A date, such as 2024-05-01") },
  { "time", GTK_INPUT_PURPOSE_FREE_FORM, N_("A time, such as 12:00:00Z") },
  { "uuid", GTK_INPUT_PURPOSE_FREE_FORM,
    N_("A UUID, such as 123e4567-e89b-12d3-a456-426614174000") },
};

static void
apply_format (AdwEntryRow *row,
              const char  *format)
{
  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (formats[i].format, format) != 0)
        continue;
      adw_entry_row_set_input_purpose (row, formats[i].purpose);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _(formats[i].hint));
    }
}

static void
text_changed_cb (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = NULL;

  if (_asc_form_slot_is_syncing (slot))
    return;

  value = string_node (gtk_editable_get_text (GTK_EDITABLE (slot->editor)));
  _asc_form_slot_edit (slot, value);
}

void
_asc_form_build_text (AscFormSlot *slot)
{
  GtkWidget *row = adw_entry_row_new ();

  apply_format (ADW_ENTRY_ROW (row), asc_field_get_format (slot->field));
  _asc_form_slot_set_row (slot, row, row);
  _asc_form_slot_connect (slot, row, "changed", G_CALLBACK (text_changed_cb));
}

void
_asc_form_refresh_text (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = asc_field_get_value (slot->field);
  g_autofree char *text = value_text (value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (slot->editor)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (slot->editor), text);
}

/* Multi-line text */

static void
buffer_changed_cb (AscFormSlot *slot)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (slot->editor));
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (_asc_form_slot_is_syncing (slot))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  value = string_node (text);
  _asc_form_slot_edit (slot, value);
}

void
_asc_form_build_multiline (AscFormSlot *slot)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *holder = gtk_list_box_row_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_margin_start (frame, 12);
  gtk_widget_set_margin_end (frame, 12);
  gtk_widget_set_margin_top (frame, 12);
  gtk_widget_set_margin_bottom (frame, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), frame);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);

  _asc_form_slot_new_expander (slot, TRUE);
  slot->editor = view;
  adw_expander_row_add_row (ADW_EXPANDER_ROW (slot->row), holder);
  _asc_form_slot_connect (slot, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                          G_CALLBACK (buffer_changed_cb));
}

void
_asc_form_refresh_multiline (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = asc_field_get_value (slot->field);
  g_autofree char *text = value_text (value);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (slot->editor)), text, -1);
}

/* Numbers */

/* The number of decimals @value needs, up to 10. */
static guint
decimals_of (double value)
{
  for (guint digits = 0; digits < 10; digits++)
    {
      double scaled = value * pow (10, digits);

      if (fabs (scaled - round (scaled)) < 1e-9 * MAX (1, fabs (scaled)))
        return digits;
    }

  return 10;
}

static void
number_bounds (AscField *field,
               double    step,
               double   *lower,
               double   *upper)
{
  gboolean integer = asc_field_get_kind (field) == ASC_FIELD_KIND_INTEGER;
  double bound;
  gboolean exclusive;

  *lower = -MAX_SAFE_INTEGER;
  *upper = MAX_SAFE_INTEGER;
  if (asc_field_get_minimum (field, &bound, &exclusive) && integer)
    *lower = exclusive ? floor (bound) + 1 : ceil (bound);
  else if (asc_field_get_minimum (field, &bound, &exclusive))
    *lower = exclusive ? bound + step : bound;
  if (asc_field_get_maximum (field, &bound, &exclusive) && integer)
    *upper = exclusive ? ceil (bound) - 1 : floor (bound);
  else if (asc_field_get_maximum (field, &bound, &exclusive))
    *upper = exclusive ? bound - step : bound;
}

/* A spin button shows numbers in full, with a dot, as JSON has them. */
static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  double value = gtk_spin_button_get_value (spin);

  if (value == round (value) && fabs (value) <= MAX_SAFE_INTEGER)
    g_snprintf (text, sizeof text, "%.0f", value);
  else
    g_ascii_formatd (text, sizeof text, "%.15g", value);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin)));
  char *end = NULL;

  g_strstrip (g_strdelimit (text, ",", '.'));
  *new_value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' ? TRUE : GTK_INPUT_ERROR;
}

static JsonNode *
number_node (double   value,
             gboolean integer)
{
  JsonNode *node = json_node_alloc ();

  if (integer || (value == round (value) && fabs (value) <= MAX_SAFE_INTEGER))
    return json_node_init_int (node, (gint64) llround (value));
  return json_node_init_double (node, value);
}

static void
spin_changed_cb (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = NULL;

  if (_asc_form_slot_is_syncing (slot))
    return;

  value = number_node (gtk_spin_button_get_value (GTK_SPIN_BUTTON (slot->editor)),
                       slot->kind == ASC_FIELD_KIND_INTEGER);
  _asc_form_slot_edit (slot, value);
}

void
_asc_form_build_number (AscFormSlot *slot)
{
  gboolean integer = slot->kind == ASC_FIELD_KIND_INTEGER;
  double multiple = asc_field_get_multiple_of (slot->field);
  double step = multiple > 0 ? multiple : 1;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin;
  double lower, upper;

  /* An exclusive bound gives way to the nearest value a person would type. */
  number_bounds (slot->field, multiple > 0 || integer ? step : 0.001, &lower, &upper);
  spin = gtk_spin_button_new (gtk_adjustment_new (0, lower, MAX (lower, upper), step, step * 10, 0),
                              step, decimals_of (step));
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 10);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);

  /* A spin button always shows a number: a new required one holds it
   * too. A value that was set is kept as it is, to show its issues. */
  if (!slot->form->keep_value && asc_field_get_required (slot->field) &&
      !asc_field_has_value (slot->field))
    asc_field_set_present (slot->field, TRUE);

  _asc_form_slot_set_row (slot, row, spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  _asc_form_slot_connect (slot, spin, "value-changed", G_CALLBACK (spin_changed_cb));
}

/* A value outside the bounds (set from JSON) is shown as it is, for its
 * issue to make sense: the range widens to hold it. */
void
_asc_form_refresh_number (AscFormSlot *slot)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (slot->editor);
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autoptr(JsonNode) value = asc_field_get_value (slot->field);
  double number;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return;

  number = json_node_get_double (value);
  if (number < gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_lower (adjustment, number);
  if (number > gtk_adjustment_get_upper (adjustment))
    gtk_adjustment_set_upper (adjustment, number);
  gtk_spin_button_set_value (spin, number);
}

/* Booleans */

static void
switch_changed_cb (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = NULL;

  if (_asc_form_slot_is_syncing (slot))
    return;

  value = json_node_init_boolean (json_node_alloc (),
                                  gtk_switch_get_active (GTK_SWITCH (slot->editor)));
  _asc_form_slot_edit (slot, value);
}

void
_asc_form_build_boolean (AscFormSlot *slot)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  _asc_form_slot_set_row (slot, row, toggle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  _asc_form_slot_connect (slot, toggle, "notify::active", G_CALLBACK (switch_changed_cb));
}

void
_asc_form_refresh_boolean (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = asc_field_get_value (slot->field);
  gboolean active = value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                    json_node_get_value_type (value) == G_TYPE_BOOLEAN &&
                    json_node_get_boolean (value);

  gtk_switch_set_active (GTK_SWITCH (slot->editor), active);
}

/* Choices of `enum` */

static void
selected_cb (AscFormSlot *slot)
{
  JsonArray *values = asc_field_get_enum_values (slot->field);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (slot->editor));

  if (_asc_form_slot_is_syncing (slot) || selected >= json_array_get_length (values))
    return;

  _asc_form_slot_edit (slot, json_array_get_element (values, selected));
}

void
_asc_form_build_enum (AscFormSlot *slot)
{
  JsonArray *values = asc_field_get_enum_values (slot->field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
    {
      g_autofree char *label = value_text (json_array_get_element (values, i));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  _asc_form_slot_set_row (slot, row, row);
  _asc_form_slot_connect (slot, row, "notify::selected", G_CALLBACK (selected_cb));
}

void
_asc_form_refresh_enum (AscFormSlot *slot)
{
  JsonArray *values = asc_field_get_enum_values (slot->field);
  g_autoptr(JsonNode) value = asc_field_get_value (slot->field);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; value != NULL && values != NULL && i < json_array_get_length (values); i++)
    if (asc_json_equal (json_array_get_element (values, i), value))
      {
        selected = i;
        break;
      }

  adw_combo_row_set_selected (ADW_COMBO_ROW (slot->editor), selected);
}

/* Constants */

void
_asc_form_build_const (AscFormSlot *slot)
{
  GtkWidget *row = adw_action_row_new ();
  JsonNode *constant = asc_field_get_const_value (slot->field);
  g_autofree char *text = constant != NULL ? value_text (constant) : g_strdup ("null");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  _asc_form_slot_set_row (slot, row, row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE,
                                  -1);
}

/* Raw JSON, for what a form cannot describe */

static void
raw_changed_cb (AscFormSlot *slot)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (slot->editor));
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (_asc_form_slot_is_syncing (slot))
    return;

  g_clear_pointer (&slot->parse_error, g_free);
  if (*text == '\0')
    {
      _asc_form_slot_edit (slot, NULL);
      return;
    }
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    {
      slot->parse_error = g_strdup (_("Not valid JSON"));
      _asc_form_user_changed (slot->form);
      return;
    }
  _asc_form_slot_edit (slot, json_parser_get_root (parser));
}

void
_asc_form_build_raw (AscFormSlot *slot)
{
  GtkWidget *row = adw_entry_row_new ();
  /* Braces mark a field whose value is typed as JSON. */
  GtkWidget *hint = gtk_label_new ("{ }");

  gtk_widget_add_css_class (row, "monospace");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_tooltip_text (row, _("Any JSON value"));
  _asc_form_slot_set_row (slot, row, row);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), hint);
  _asc_form_slot_connect (slot, row, "changed", G_CALLBACK (raw_changed_cb));
}

void
_asc_form_refresh_raw (AscFormSlot *slot)
{
  g_autoptr(JsonNode) value = asc_field_get_value (slot->field);
  g_autofree char *text = value != NULL ? asc_json_to_text (value) : g_strdup ("");

  g_clear_pointer (&slot->parse_error, g_free);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (slot->editor)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (slot->editor), text);
}
