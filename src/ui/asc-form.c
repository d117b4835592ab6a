/* asc-form.c: a form generated from a JSON Schema field tree
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-form"

#include "config.h"

#include "asc-form-private.h"

/**
 * AscForm:
 *
 * Rows to edit the value of an #AscField tree: each kind of field gets
 * one kind of row (see `row_kinds` in asc-form-slot.c). The root's
 * properties are the rows of a preferences group; nested objects, lists
 * and choices are expander rows.
 *
 * Every edit goes into the field tree, is validated at once, and emits
 * #AscForm::changed; the issues show at the rows of their fields. Rows are
 * built anew only when the structure changes: a list item added, removed
 * or moved, another alternative chosen, a value made null or an optional
 * property included or left out.
 */

G_DEFINE_FINAL_TYPE (AscForm, asc_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
build (AscForm *self)
{
  g_clear_pointer (&self->root_slot, _asc_form_slot_free);
  if (self->root != NULL)
    self->root_slot = _asc_form_slot_new (self, NULL, self->root, GTK_WIDGET (self->group),
                                          TRUE, FALSE);
  _asc_form_apply_issues (self);
}

static void
validate (AscForm *self)
{
  g_clear_pointer (&self->issues, json_node_unref);
  self->issues = _asc_form_collect_issues (self);
  _asc_form_apply_issues (self);
}

/* Every edit ends here: the value is checked, then the host is told. */
void
_asc_form_user_changed (AscForm *self)
{
  validate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
_asc_form_get_expanded (AscForm  *self,
                        AscField *field,
                        gboolean  fallback)
{
  gpointer expanded;

  if (g_hash_table_lookup_extended (self->expanded, field, NULL, &expanded))
    return GPOINTER_TO_INT (expanded);
  return fallback;
}

/* Remembered per field, so a rebuilt row opens as it was. */
void
_asc_form_set_expanded (AscForm  *self,
                        AscField *field,
                        gboolean  expanded)
{
  g_hash_table_insert (self->expanded, g_object_ref (field), GINT_TO_POINTER (expanded));
}

/*
 * Whether @field is an object of undeclared properties only, such as a
 * map: it gets a row to add properties. Declared properties always have
 * fields, so an object without children has none; it stays free-form
 * once it has properties.
 */
gboolean
_asc_form_is_free_form (AscForm  *self,
                        AscField *field)
{
  if (g_hash_table_contains (self->free_form, field))
    return TRUE;
  if (!asc_field_get_allows_extra (field) ||
      g_list_model_get_n_items (asc_field_get_children (field)) > 0)
    return FALSE;

  g_hash_table_add (self->free_form, g_object_ref (field));
  return TRUE;
}

/* Loaded once, when the first form is made: a display exists by then. */
static void
ensure_style (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/asc-form.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
asc_form_dispose (GObject *object)
{
  AscForm *self = (AscForm *)object;

  g_clear_pointer (&self->root_slot, _asc_form_slot_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASC_TYPE_FORM);
  g_clear_object (&self->root);
  g_hash_table_remove_all (self->expanded);
  g_hash_table_remove_all (self->free_form);

  G_OBJECT_CLASS (asc_form_parent_class)->dispose (object);
}

static void
asc_form_finalize (GObject *object)
{
  AscForm *self = (AscForm *)object;

  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->free_form, g_hash_table_unref);
  g_clear_pointer (&self->issues, json_node_unref);

  G_OBJECT_CLASS (asc_form_parent_class)->finalize (object);
}

static void
asc_form_class_init (AscFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = asc_form_dispose;
  object_class->finalize = asc_form_finalize;

  /**
   * AscForm::changed:
   * @self: the form
   *
   * Emitted when the person edits the value; not for asc_form_set_value().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "form.add-item", "s",
                                   _asc_form_add_item_action);
  gtk_widget_class_install_action (widget_class, "form.move-item", "(si)",
                                   _asc_form_move_item_action);
  gtk_widget_class_install_action (widget_class, "form.remove-item", "s",
                                   _asc_form_remove_item_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/asc-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AscForm, general_issues);
  gtk_widget_class_bind_template_child (widget_class, AscForm, group);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
asc_form_init (AscForm *self)
{
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots = g_hash_table_new (NULL, NULL);
  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->free_form = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/**
 * asc_form_new:
 *
 * Returns: (transfer floating): a new, empty form
 */
GtkWidget *
asc_form_new (void)
{
  return g_object_new (ASC_TYPE_FORM, NULL);
}

/**
 * asc_form_get_field:
 * @self: a form
 *
 * Returns: (transfer none) (nullable): the root field being edited
 */
AscField *
asc_form_get_field (AscForm *self)
{
  g_return_val_if_fail (ASC_IS_FORM (self), NULL);

  return self->root;
}

/**
 * asc_form_set_field:
 * @self: a form
 * @root: (nullable): the root of a field tree, from asc_field_new()
 *
 * Builds the rows that edit @root's value, showing its current value
 * (the schema's defaults for a new tree) and no issues yet.
 */
void
asc_form_set_field (AscForm  *self,
                    AscField *root)
{
  g_return_if_fail (ASC_IS_FORM (self));
  g_return_if_fail (root == NULL || ASC_IS_FIELD (root));

  g_clear_pointer (&self->root_slot, _asc_form_slot_free);
  g_set_object (&self->root, root);
  g_hash_table_remove_all (self->expanded);
  g_hash_table_remove_all (self->free_form);
  g_clear_pointer (&self->issues, json_node_unref);
  build (self);
}

/**
 * asc_form_dup_value:
 * @self: a form
 *
 * Returns: (transfer full) (nullable): the value being edited, or %NULL
 *   without a field
 */
JsonNode *
asc_form_dup_value (AscForm *self)
{
  g_return_val_if_fail (ASC_IS_FORM (self), NULL);

  return self->root != NULL ? asc_field_get_value (self->root) : NULL;
}

/**
 * asc_form_set_value:
 * @self: a form with a field
 * @value: (nullable): the new value, copied
 *
 * Writes @value into the field tree, such as when it was edited as JSON
 * elsewhere, shows it and its issues. Does not emit #AscForm::changed.
 */
void
asc_form_set_value (AscForm  *self,
                    JsonNode *value)
{
  g_return_if_fail (ASC_IS_FORM (self));
  g_return_if_fail (self->root != NULL);

  asc_field_set_value (self->root, value);
  self->keep_value = TRUE;
  build (self);
  self->keep_value = FALSE;
  validate (self);
}

/**
 * asc_form_show_issues:
 * @self: a form
 * @issues: (nullable): a JSON array of `{"path": "/a/0", "message": "…"}`,
 *   as in the details of an %ASC_ERROR_VALIDATION error
 *
 * Shows each issue at the row of the field its path names, and those
 * without such a field at the top of the form, in place of the issues
 * shown so far.
 */
void
asc_form_show_issues (AscForm  *self,
                      JsonNode *issues)
{
  g_return_if_fail (ASC_IS_FORM (self));

  g_clear_pointer (&self->issues, json_node_unref);
  if (issues != NULL)
    self->issues = json_node_copy (issues);
  _asc_form_apply_issues (self);
}

/**
 * asc_form_clear_issues:
 * @self: a form
 *
 * Hides every issue, until the next edit.
 */
void
asc_form_clear_issues (AscForm *self)
{
  asc_form_show_issues (self, NULL);
}
