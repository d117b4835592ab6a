/* test-form.c: the generated form, driven through its widgets
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "asc-form.h"
#include "asc-test-util.h"
#include "asc-ui-test-util.h"

/* Single quotes stand for double quotes, to keep the schema readable. */
static const char *every_kind_schema =
  "{'type': 'object',"
  " 'required': ['name', 'count', 'speed', 'position', 'tags', 'shape'],"
  " 'properties': {"
  "  'name': {'type': 'string', 'title': 'Name', 'minLength': 1,"
  "           'description': 'Who & <what> it is'},"
  "  'count': {'type': 'integer', 'title': 'Count', 'minimum': 1, 'maximum': 10},"
  "  'ratio': {'type': 'number', 'title': 'Ratio', 'minimum': 0, 'exclusiveMaximum': 1,"
  "            'multipleOf': 0.25},"
  "  'enabled': {'type': 'boolean', 'title': 'Enabled', 'default': true},"
  "  'speed': {'title': 'Speed', 'enum': ['fast', 'slow', 3]},"
  "  'version': {'title': 'Version', 'const': 2},"
  "  'position': {'type': 'object', 'title': 'Position', 'required': ['x'],"
  "    'properties': {'x': {'type': 'integer', 'title': 'X'},"
  "                   'y': {'type': 'integer', 'title': 'Y'}}},"
  "  'tags': {'type': 'array', 'title': 'Tags', 'minItems': 1, 'maxItems': 3,"
  "           'items': {'type': 'string'}},"
  "  'note': {'type': ['string', 'null'], 'title': 'Note'},"
  "  'shape': {'title': 'Shape', 'oneOf': ["
  "    {'type': 'object', 'title': 'Circle', 'required': ['kind', 'radius'],"
  "     'properties': {'kind': {'const': 'circle'},"
  "                    'radius': {'type': 'number', 'title': 'Radius', 'minimum': 0}}},"
  "    {'type': 'object', 'title': 'Square', 'required': ['kind', 'side'],"
  "     'properties': {'kind': {'const': 'square'},"
  "                    'side': {'type': 'integer', 'title': 'Side', 'minimum': 1}}}]},"
  "  'bio': {'type': 'string', 'title': 'Bio', 'format': 'multiline'},"
  "  'pair': {'type': 'array', 'title': 'Pair', 'items': false,"
  "           'prefixItems': [{'type': 'string', 'title': 'Label'},"
  "                           {'type': 'integer', 'title': 'Weight'}]},"
  "  'meta': {'type': 'object', 'title': 'Meta', 'unevaluatedProperties': false},"
  "  'email': {'type': 'string', 'title': 'Email', 'format': 'email'},"
  "  'labels': {'type': 'object', 'title': 'Labels', 'additionalProperties': {'type': 'string'}}}}";

typedef struct
{
  const char *name;
  const char *schema;
  const char *value;      /* a valid value */
} FormCase;

static const FormCase every_kind = { "every-kind", NULL, NULL };

/* Root fields of every shape: an action's arguments can be anything. */
static const FormCase root_cases[] = {
  { "tuple", "{'type': 'array', 'prefixItems': [{'type': 'string', 'title': 'Label'},"
             " {'type': 'integer', 'title': 'Weight'}], 'items': false}",
    "['abc', 2]" },
  { "choice", "{'oneOf': [{'type': 'string'}, {'type': 'integer'}]}", "5" },
  { "integer", "{'type': 'integer', 'minimum': 3}", "4" },
  { "list-of-objects",
    "{'type': 'array', 'items': {'type': 'object', 'title': 'Point', 'required': ['x'],"
    " 'properties': {'x': {'type': 'number', 'title': 'X'},"
    "   'flags': {'type': ['array', 'null'], 'title': 'Flags', 'items': {'type': 'boolean'}},"
    "   'kind': {'enum': ['a', 'b', null], 'title': 'Kind'}}}}",
    "[{'x': 1.5, 'flags': [true, false], 'kind': null}, {'x': -2, 'flags': null}]" },
  { "nullable-object", "{'type': ['object', 'null'], 'properties': {'a': {'type': 'string'}}}",
    "{'a': 'x'}" },
  { "nullable-choice", "{'anyOf': [{'type': 'object', 'required': ['t'],"
                       " 'properties': {'t': {'const': 'a'}}}, {'type': 'null'}]}",
    "null" },
  { "anything", "true", "{'any': [1, 'two']}" },
};

typedef struct
{
  AscSchema *schema;
  AscField  *root;
  GtkWidget *window;
  AscForm   *form;
  guint      changed;
} Fixture;

static JsonNode *
parse_quoted (const char *text)
{
  g_autofree char *json = g_strdelimit (g_strdup (text), "'", '"');

  return asc_test_json_parse (json);
}

static void
assert_value (Fixture    *fixture,
              const char *expected)
{
  g_autoptr(JsonNode) value = asc_form_dup_value (fixture->form);
  g_autoptr(JsonNode) wanted = parse_quoted (expected);

  g_assert_nonnull (value);
  if (!json_node_equal (value, wanted))
    {
      g_autofree char *text = json_to_string (value, FALSE);

      g_error ("form value differs:\n  actual:   %s\n  expected: %s", text, expected);
    }
}

static void
changed_cb (Fixture *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const FormCase *form_case = data;
  g_autoptr(JsonNode) document = parse_quoted (form_case->schema != NULL ? form_case->schema
                                                                          : every_kind_schema);
  g_autoptr(GError) error = NULL;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  fixture->schema = asc_schema_new (document, &error);
  g_assert_no_error (error);
  fixture->root = asc_field_new (fixture->schema);

  fixture->form = ASC_FORM (asc_form_new ());
  asc_form_set_field (fixture->form, fixture->root);
  g_signal_connect_swapped (fixture->form, "changed", G_CALLBACK (changed_cb), fixture);

  gtk_widget_set_margin_top (GTK_WIDGET (fixture->form), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->form), 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (fixture->form));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  fixture->window = g_object_ref_sink (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 820, 960);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);
  gtk_window_present (GTK_WINDOW (fixture->window));
  asc_ui_wait_laid_out (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  asc_test_drain ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->root);
  g_assert_finalize_object (fixture->schema);
}

/* Finding rows and controls */

static gboolean
row_titled (GtkWidget *widget,
            gpointer   user_data)
{
  const char *wanted = user_data;
  const char *title;

  if (!ADW_IS_PREFERENCES_ROW (widget))
    return FALSE;

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return g_strcmp0 (title, wanted) == 0 ||
         (g_str_has_prefix (title, wanted) && strcmp (title + strlen (wanted), " *") == 0);
}

static GtkWidget *
find_row (GtkWidget  *within,
          const char *title)
{
  GtkWidget *row = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (within);
       row == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    row = asc_ui_find_widget (child, row_titled, (gpointer) title);
  if (row == NULL)
    g_error ("no row titled “%s”", title);

  return row;
}

static GtkWidget *
find_in (GtkWidget *row,
         GType      type)
{
  GtkWidget *widget = asc_ui_find_of_type (row, type);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_spin (GtkWidget *row,
          double     value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_in (row, GTK_TYPE_SPIN_BUTTON)), value);
}

static gboolean
button_labelled (GtkWidget *widget,
                 gpointer   user_data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), user_data) == 0;
}

static void
click (GtkWidget  *within,
       const char *tooltip)
{
  GtkWidget *button = asc_ui_find_widget (within, button_labelled, (gpointer) tooltip);

  if (button == NULL)
    g_error ("no button “%s”", tooltip);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* Activating a button clicks it only after a pressed-looking pause. */
  g_signal_emit_by_name (button, "clicked");
}

static void
set_include (GtkWidget *row,
             gboolean   include)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_in (row, GTK_TYPE_CHECK_BUTTON)), include);
}

typedef struct
{
  const char *text;
  gboolean    mapped;
} LabelQuery;

static gboolean
label_showing (GtkWidget *widget,
               gpointer   user_data)
{
  LabelQuery *query = user_data;

  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         (!query->mapped || gtk_widget_get_mapped (widget)) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), query->text) != NULL;
}

/* The row that is marked: an expander marks its header row. */
static GtkWidget *
marked_row (GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (row))
    return find_in (row, ADW_TYPE_ACTION_ROW);
  return row;
}

/* The row is marked, and the message is on screen inside it. */
static void
assert_issue_at (GtkWidget  *row,
                 const char *message)
{
  LabelQuery query = { message, gtk_widget_get_mapped (row) };

  asc_ui_flush ();
  g_assert_true (gtk_widget_has_css_class (marked_row (row), "error"));
  if (asc_ui_find_widget (row, label_showing, &query) == NULL)
    g_error ("“%s” is not shown at “%s”", message,
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
assert_no_issue_at (GtkWidget *row)
{
  g_assert_false (gtk_widget_has_css_class (marked_row (row), "error"));
}

static gboolean
row_with_error (GtkWidget *widget,
                gpointer   user_data)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_has_css_class (widget, "error");
}

static void
assert_no_issues (GtkWidget *form)
{
  GtkWidget *row = asc_ui_find_widget (form, row_with_error, NULL);

  if (row != NULL)
    g_error ("“%s” shows an issue",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_false (gtk_widget_get_visible (asc_ui_find_of_type (form, GTK_TYPE_LABEL)));
}

/* The window as it is, then scrolled to the end of the form. */
static void
save_screenshots (GtkWidget  *form,
                  const char *name)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (form, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autofree char *end = g_strconcat (name, "-end", NULL);

  asc_ui_save_screenshot (gtk_widget_get_ancestor (form, GTK_TYPE_WINDOW), name);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  asc_ui_save_screenshot (gtk_widget_get_ancestor (form, GTK_TYPE_WINDOW), end);
  gtk_adjustment_set_value (adjustment, 0);
}

static GtkWidget *
form_widget (Fixture *fixture)
{
  return GTK_WIDGET (fixture->form);
}

/* Tests */

static void
test_form_builds_every_kind (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);
  GtkWidget *shape = find_row (form, "Shape");
  GtkWidget *name = find_row (form, "Name");
  GtkWidget *count = find_row (form, "Count");
  GtkWidget *speed = find_row (form, "Speed");
  GtkSpinButton *spin;

  g_assert_true (ADW_IS_ENTRY_ROW (name));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name)), ==, "Name *");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (name), ==, "Who & <what> it is");
  g_assert_true (ADW_IS_ACTION_ROW (count));
  spin = GTK_SPIN_BUTTON (find_in (count, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (spin)), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spin)), ==, 10);
  spin = GTK_SPIN_BUTTON (find_in (find_row (form, "Ratio"), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spin)), ==, 0.75);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (gtk_spin_button_get_adjustment (spin)), ==, 0.25);
  g_assert_nonnull (find_in (find_row (form, "Enabled"), GTK_TYPE_SWITCH));
  g_assert_true (ADW_IS_COMBO_ROW (speed));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (speed))), ==, 3);
  g_assert_nonnull (asc_ui_find_label (find_row (form, "Version"), "2"));
  g_assert_true (ADW_IS_EXPANDER_ROW (find_row (form, "Position")));
  g_assert_true (ADW_IS_ENTRY_ROW (find_row (find_row (form, "Tags"), "Item 1")));
  g_assert_nonnull (find_row (find_row (form, "Tags"), "Add Item"));
  g_assert_nonnull (find_in (find_row (form, "Note"), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (ADW_IS_COMBO_ROW (find_row (shape, "Variant")));
  g_assert_true (ADW_IS_ACTION_ROW (find_row (shape, "Radius")));
  g_assert_nonnull (find_in (find_row (form, "Bio"), GTK_TYPE_TEXT_VIEW));
  g_assert_true (ADW_IS_ENTRY_ROW (find_row (form, "Meta")));
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (find_row (form, "Email"))), ==,
                   GTK_INPUT_PURPOSE_EMAIL);

  /* Defaults and required values are there from the start. */
  assert_value (fixture, "{'count': 1, 'enabled': true, 'position': {'x': 0}, 'tags': [''],"
                         " 'shape': {'kind': 'circle', 'radius': 0}}");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (asc_ui_find_of_type (form, GTK_TYPE_LABEL))));
  g_assert_cmpuint (fixture->changed, ==, 0);
  assert_no_issue_at (name);
}

static void
test_form_edits_make_the_value (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);
  GtkWidget *position = find_row (form, "Position");
  GtkWidget *shape = find_row (form, "Shape");
  GtkWidget *pair = find_row (form, "Pair");
  GtkTextView *bio = GTK_TEXT_VIEW (find_in (find_row (form, "Bio"), GTK_TYPE_TEXT_VIEW));

  gtk_editable_set_text (GTK_EDITABLE (find_row (form, "Name")), "Ada");
  set_spin (find_row (form, "Count"), 5);
  set_spin (find_row (form, "Ratio"), 0.5);
  gtk_switch_set_active (GTK_SWITCH (find_in (find_row (form, "Enabled"), GTK_TYPE_SWITCH)), FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (form, "Speed")), 2);
  set_include (find_row (form, "Version"), TRUE);
  set_spin (find_row (position, "X"), 4);
  set_include (find_row (position, "Y"), TRUE);
  set_spin (find_row (position, "Y"), -3);
  gtk_editable_set_text (GTK_EDITABLE (find_row (find_row (form, "Tags"), "Item 1")), "a");
  set_include (find_row (form, "Note"), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (bio), "line 1\nline 2", -1);
  set_include (pair, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_row (pair, "Label")), "w");
  set_spin (find_row (pair, "Weight"), 2);
  gtk_editable_set_text (GTK_EDITABLE (find_row (form, "Meta")), "{\"a\": [1, true]}");
  assert_value (fixture,
                "{'name': 'Ada', 'count': 5, 'ratio': 0.5, 'enabled': false, 'speed': 3,"
                " 'version': 2, 'position': {'x': 4, 'y': -3}, 'tags': ['a'], 'note': '',"
                " 'shape': {'kind': 'circle', 'radius': 0}, 'bio': 'line 1\\nline 2',"
                " 'pair': ['w', 2], 'meta': {'a': [1, true]}}");

  /* Null, another alternative, a property left out again. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_in (find_row (form, "Note"),
                                                            GTK_TYPE_TOGGLE_BUTTON)), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (shape, "Variant")), 1);
  set_spin (find_row (shape, "Side"), 7);
  set_include (find_row (position, "Y"), FALSE);
  set_include (pair, FALSE);
  assert_value (fixture,
                "{'name': 'Ada', 'count': 5, 'ratio': 0.5, 'enabled': false, 'speed': 3,"
                " 'version': 2, 'position': {'x': 4}, 'tags': ['a'], 'note': null,"
                " 'shape': {'kind': 'square', 'side': 7}, 'bio': 'line 1\\nline 2',"
                " 'meta': {'a': [1, true]}}");
  g_assert_null (asc_ui_find_widget (shape, row_titled, (gpointer) "Radius"));

  /* Typing into a null field makes it a string again. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (form, "Note")), "hi");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_in (find_row (form, "Note"),
                                                                            GTK_TYPE_TOGGLE_BUTTON))));
  assert_value (fixture,
                "{'name': 'Ada', 'count': 5, 'ratio': 0.5, 'enabled': false, 'speed': 3,"
                " 'version': 2, 'position': {'x': 4}, 'tags': ['a'], 'note': 'hi',"
                " 'shape': {'kind': 'square', 'side': 7}, 'bio': 'line 1\\nline 2',"
                " 'meta': {'a': [1, true]}}");
  g_assert_cmpuint (fixture->changed, ==, 22);
}

static void
test_form_edits_lists (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);
  GtkWidget *tags = find_row (form, "Tags");
  GtkWidget *add = find_row (tags, "Add Item");
  GtkRoot *window = gtk_widget_get_root (form);

  /* minItems: the only item cannot go. */
  g_assert_null (asc_ui_find_widget (tags, button_labelled, (gpointer) "Remove Item 1"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (tags, "Item 1")), "a");
  gtk_widget_activate (add);
  gtk_editable_set_text (GTK_EDITABLE (find_row (tags, "Item 2")), "b");
  gtk_widget_activate (find_row (tags, "Add Item"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (tags, "Item 3")), "c");
  assert_value (fixture, "{'count': 1, 'enabled': true, 'position': {'x': 0},"
                         " 'tags': ['a', 'b', 'c'], 'shape': {'kind': 'circle', 'radius': 0}}");

  /* The new item has the focus; maxItems: no fourth. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (window), find_row (tags, "Item 3")));
  add = find_row (tags, "Add Item");
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (add)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (add)), ==, "At most 3 items");
  gtk_widget_activate (add);

  click (tags, "Move Item 3 Up");
  g_assert_true (gtk_root_get_focus (window) ==
                 asc_ui_find_widget (tags, button_labelled, (gpointer) "Move Item 2 Up"));
  click (tags, "Move Item 1 Down");
  assert_value (fixture, "{'count': 1, 'enabled': true, 'position': {'x': 0},"
                         " 'tags': ['c', 'a', 'b'], 'shape': {'kind': 'circle', 'radius': 0}}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (tags, "Item 1"))), ==, "c");

  click (tags, "Remove Item 2");
  assert_value (fixture, "{'count': 1, 'enabled': true, 'position': {'x': 0},"
                         " 'tags': ['c', 'b'], 'shape': {'kind': 'circle', 'radius': 0}}");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (find_row (tags, "Add Item"))));
  g_assert_cmpuint (fixture->changed, ==, 8);
}

static void
test_form_adds_properties (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *labels = find_row (form_widget (fixture), "Labels");
  GtkWidget *add;

  set_include (labels, TRUE);
  add = find_row (labels, "Add Property");
  gtk_editable_set_text (GTK_EDITABLE (add), "colour");
  g_signal_emit_by_name (add, "apply");
  gtk_editable_set_text (GTK_EDITABLE (find_row (labels, "colour")), "red");
  add = find_row (labels, "Add Property");
  gtk_editable_set_text (GTK_EDITABLE (add), "size");
  g_signal_emit_by_name (add, "apply");
  gtk_editable_set_text (GTK_EDITABLE (find_row (labels, "size")), "L");
  set_include (find_row (labels, "colour"), FALSE);
  assert_value (fixture, "{'count': 1, 'enabled': true, 'position': {'x': 0}, 'tags': [''],"
                         " 'shape': {'kind': 'circle', 'radius': 0}, 'labels': {'size': 'L'}}");
  g_assert_cmpuint (fixture->changed, ==, 6);
}

static const char *valid_values[] = {
  "{'name': 'x', 'count': 1, 'speed': 'fast', 'position': {'x': 0}, 'tags': [''],"
  " 'shape': {'kind': 'circle', 'radius': 0}}",
  "{'name': 'Ada', 'count': 10, 'ratio': 0.75, 'enabled': false, 'speed': 'slow', 'version': 2,"
  " 'position': {'x': -4, 'y': 9}, 'tags': ['x', 'y', 'z'], 'note': null,"
  " 'shape': {'kind': 'square', 'side': 3}, 'bio': 'two\\nlines', 'pair': ['a', 1],"
  " 'meta': {'k': {'deep': [null]}}, 'email': 'a@example.com', 'labels': {'a': 'b'}}",
  "{'name': 'B', 'count': 2, 'speed': 3, 'position': {'x': 1}, 'tags': ['only'],"
  " 'note': 'text', 'shape': {'kind': 'circle', 'radius': 2.5}, 'meta': {'n': 7}}",
};

static void
test_form_set_value_round_trips (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (valid_values); i++)
    {
      g_autoptr(JsonNode) value = parse_quoted (valid_values[i]);

      asc_form_set_value (fixture->form, value);
      assert_value (fixture, valid_values[i]);
      assert_no_issues (form);
    }

  /* The widgets show the value that was set. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form, "Name"))), ==, "B");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_in (find_row (find_row (form, "Shape"), "Radius"),
                                                                          GTK_TYPE_SPIN_BUTTON))), ==, 2.5);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (form, "Speed"))), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (form, "Meta"))), ==, "{\"n\":7}");
  g_assert_cmpuint (fixture->changed, ==, 0);
}

static void
test_form_shows_invalid_input (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);
  g_autoptr(JsonNode) value =
    parse_quoted ("{'count': -2, 'position': {}, 'tags': [''], 'speed': 'fast',"
                  " 'shape': {'kind': 'circle', 'radius': -1}}");
  GtkWidget *meta;

  asc_form_set_value (fixture->form, value);
  assert_value (fixture, "{'count': -2, 'position': {}, 'tags': [''], 'speed': 'fast',"
                         " 'shape': {'kind': 'circle', 'radius': -1}}");
  assert_issue_at (find_row (form, "Count"), "must be at least 1");
  assert_issue_at (find_row (form, "Name"), "is required");
  assert_issue_at (find_row (find_row (form, "Position"), "X"), "is required");
  assert_issue_at (find_row (find_row (form, "Shape"), "Radius"), "must be at least 0");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_in (find_row (form, "Count"),
                                                                          GTK_TYPE_SPIN_BUTTON))), ==, -2);
  assert_no_issue_at (find_row (form, "Speed"));
  save_screenshots (form, "form-invalid");

  /* Fixing a field clears its issue at once; broken JSON is one. */
  set_spin (find_row (form, "Count"), 3);
  gtk_editable_set_text (GTK_EDITABLE (find_row (form, "Name")), "Ada");
  assert_no_issue_at (find_row (form, "Count"));
  assert_no_issue_at (find_row (form, "Name"));
  meta = find_row (form, "Meta");
  gtk_editable_set_text (GTK_EDITABLE (meta), "{\"a\": ");
  assert_issue_at (meta, "Not valid JSON");
  gtk_editable_set_text (GTK_EDITABLE (meta), "{\"a\": 1}");
  assert_no_issue_at (meta);
}

static void
test_form_shows_server_issues (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);
  GtkLabel *general = GTK_LABEL (asc_ui_find_of_type (form, GTK_TYPE_LABEL));
  g_autoptr(JsonNode) issues =
    parse_quoted ("[{'path': '/tags/0', 'message': 'already taken'},"
                  " {'path': '/position', 'message': 'out of bounds'},"
                  " {'path': '/position/x', 'message': 'must be even'},"
                  " {'path': '/shape/radius', 'message': 'too round'},"
                  " {'path': '/meta/deep/0', 'message': 'not allowed here'},"
                  " {'path': '/nowhere', 'message': 'unknown field'},"
                  " {'path': '', 'message': 'try again later'}]");
  GtkWidget *position = find_row (form, "Position");

  asc_form_show_issues (fixture->form, issues);
  assert_issue_at (find_row (find_row (form, "Tags"), "Item 1"), "already taken");
  assert_issue_at (position, "out of bounds");
  assert_issue_at (find_row (position, "X"), "must be even");
  assert_no_issue_at (find_row (position, "Y"));
  assert_issue_at (find_row (find_row (form, "Shape"), "Radius"), "too round");
  assert_issue_at (find_row (form, "Meta"), "not allowed here");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (general)));
  g_assert_cmpstr (gtk_label_get_text (general), ==, "/nowhere: unknown field\ntry again later");
  save_screenshots (form, "form-server-issues");

  asc_form_clear_issues (fixture->form);
  assert_no_issue_at (position);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (general)));
}

static void
test_form_screenshot_valid (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *form = form_widget (fixture);
  g_autoptr(JsonNode) value = parse_quoted (valid_values[1]);

  asc_form_set_value (fixture->form, value);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row (form, "Bio")), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row (form, "Pair")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row (form, "Labels")), TRUE);
  assert_no_issues (form);
  save_screenshots (form, "form-valid");
}

/* Any root builds, round-trips a valid value, and shows issues inside. */
static void
test_form_root (Fixture       *fixture,
                gconstpointer  data)
{
  const FormCase *form_case = data;
  g_autoptr(JsonNode) value = parse_quoted (form_case->value);
  g_autoptr(JsonNode) issues = parse_quoted ("[{'path': '/1/x', 'message': 'too far'}]");
  GtkWidget *form = form_widget (fixture);
  g_autofree char *name = NULL;

  g_assert_nonnull (asc_ui_find_of_type (form, ADW_TYPE_PREFERENCES_ROW));
  asc_form_set_value (fixture->form, value);
  assert_value (fixture, form_case->value);
  assert_no_issues (form);
  if (g_str_equal (form_case->name, "list-of-objects"))
    {
      asc_form_show_issues (fixture->form, issues);
      assert_issue_at (find_row (find_row (form, "Point 2"), "X"), "too far");
      click (form, "Move Point 2 Up");
      assert_value (fixture, "[{'x': -2, 'flags': null}, {'x': 1.5, 'flags': [true, false], 'kind': null}]");
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
        find_in (find_row (find_row (form, "Point 1"), "Flags"), GTK_TYPE_TOGGLE_BUTTON))));
    }

  if (g_str_equal (form_case->name, "choice"))
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (form, "Value")), 0);
      gtk_editable_set_text (GTK_EDITABLE (find_in (form, ADW_TYPE_ENTRY_ROW)), "five");
      assert_value (fixture, "'five'");
      g_assert_null (asc_ui_find_of_type (form, GTK_TYPE_SPIN_BUTTON));
    }

  name = g_strconcat ("form-root-", form_case->name, NULL);
  asc_ui_save_screenshot (gtk_widget_get_ancestor (form, GTK_TYPE_WINDOW), name);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  /* Screenshots show rows at rest, not halfway through a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

#define ADD_FORM_TEST(path, func) \
  g_test_add (path, Fixture, &every_kind, fixture_set_up, func, fixture_tear_down)

  ADD_FORM_TEST ("/asc/form/builds-every-kind", test_form_builds_every_kind);
  ADD_FORM_TEST ("/asc/form/edits-make-the-value", test_form_edits_make_the_value);
  ADD_FORM_TEST ("/asc/form/edits-lists", test_form_edits_lists);
  ADD_FORM_TEST ("/asc/form/adds-properties", test_form_adds_properties);
  ADD_FORM_TEST ("/asc/form/set-value-round-trips", test_form_set_value_round_trips);
  ADD_FORM_TEST ("/asc/form/shows-invalid-input", test_form_shows_invalid_input);
  ADD_FORM_TEST ("/asc/form/shows-server-issues", test_form_shows_server_issues);
  ADD_FORM_TEST ("/asc/form/screenshot-valid", test_form_screenshot_valid);

  for (guint i = 0; i < G_N_ELEMENTS (root_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/asc/form/root/%s", root_cases[i].name);

      g_test_add (path, Fixture, &root_cases[i], fixture_set_up, test_form_root, fixture_tear_down);
    }

  return g_test_run ();
}
