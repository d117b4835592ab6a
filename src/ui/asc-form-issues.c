/* asc-form-issues.c: live validation, and issues shown at their fields
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "asc-form"

#include "config.h"

#include "asc-form-private.h"

/* The field that holds the value of @field: a nullable's inner field (or
 * none when it is null), a choice's active alternative. */
static AscField *
unwrap (AscField *field)
{
  while (field != NULL && !asc_field_get_foreign (field))
    {
      AscFieldKind kind = asc_field_get_kind (field);
      g_autoptr(AscField) alternative = NULL;

      if (kind == ASC_FIELD_KIND_NULLABLE)
        field = asc_field_get_is_null (field) ? NULL : asc_field_get_inner (field);
      else if (kind == ASC_FIELD_KIND_ONE_OF)
        {
          alternative = g_list_model_get_item (asc_field_get_alternatives (field),
                                               asc_field_get_active (field));
          field = alternative;
        }
      else
        break;
    }

  return field;
}

/* Each field reports only its own issues, so every field with a value
 * is asked; a wrapper answers for the field it wraps. */
static void
collect (AscField  *field,
         GPtrArray *issues)
{
  g_autoptr(GPtrArray) own = asc_field_validate (field);
  AscField *target = unwrap (field);
  GListModel *children;
  AscFieldKind kind;

  g_ptr_array_extend_and_steal (issues, g_steal_pointer (&own));
  if (target == NULL || asc_field_get_foreign (target) || !asc_field_has_value (target))
    return;

  kind = asc_field_get_kind (target);
  if (kind != ASC_FIELD_KIND_OBJECT && kind != ASC_FIELD_KIND_LIST && kind != ASC_FIELD_KIND_TUPLE)
    return;

  children = asc_field_get_children (target);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(AscField) child = g_list_model_get_item (children, i);

      collect (child, issues);
    }
}

static void
add_parse_errors (AscForm   *self,
                  JsonArray *details)
{
  GHashTableIter iter;
  AscFormSlot *slot;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    {
      g_autoptr(JsonObject) issue = NULL;
      g_autofree char *path = NULL;

      if (slot->parse_error == NULL)
        continue;

      path = asc_field_dup_path (slot->field);
      issue = json_object_new ();
      json_object_set_string_member (issue, "path", path);
      json_object_set_string_member (issue, "message", slot->parse_error);
      json_array_add_object_element (details, g_steal_pointer (&issue));
    }
}

/**
 * _asc_form_collect_issues:
 * @self: a form
 *
 * Validates the value being edited, plus the raw JSON that does not
 * parse.
 *
 * Returns: (transfer full): the issues, as `[{"path", "message"}]`
 */
JsonNode *
_asc_form_collect_issues (AscForm *self)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *details;

  if (self->root != NULL)
    collect (self->root, issues);
  details = asc_schema_issues_to_details (issues);
  add_parse_errors (self, json_node_get_array (details));

  return details;
}

/* The slot whose row shows the issues at @path, or %NULL for the top of
 * the form. Issues inside a raw JSON value go to its row. */
static AscFormSlot *
find_target (AscForm    *self,
             const char *path)
{
  AscField *field = asc_field_lookup (self->root, path);
  AscFormSlot *slot = NULL;

  if (field == NULL)
    {
      AscField *closest = asc_field_lookup_closest (self->root, path);

      slot = g_hash_table_lookup (self->slots, closest);
      if (slot == NULL || slot->kind != ASC_FIELD_KIND_RAW_JSON)
        return NULL;
    }

  for (; slot == NULL && field != NULL; field = asc_field_get_parent (field))
    slot = g_hash_table_lookup (self->slots, field);
  for (; slot != NULL; slot = slot->parent)
    if (slot->message != NULL)
      return slot;

  return NULL;
}

static void
append_line (GString    *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);

  if (text->len > 0 && g_strv_contains ((const char * const *) lines, line))
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

static void
place_issue (AscForm    *self,
             JsonObject *issue,
             GHashTable *texts,
             GString    *general)
{
  const char *path = json_object_get_string_member_with_default (issue, "path", "");
  const char *message = json_object_get_string_member_with_default (issue, "message", NULL);
  AscFormSlot *slot;
  GString *text;

  if (message == NULL)
    return;

  slot = self->root != NULL ? find_target (self, path) : NULL;
  if (slot == NULL)
    {
      g_autofree char *line = *path != '\0' ? g_strdup_printf ("%s: %s", path, message)
                                            : g_strdup (message);

      append_line (general, line);
      return;
    }

  text = g_hash_table_lookup (texts, slot);
  if (text == NULL)
    g_hash_table_insert (texts, slot, text = g_string_new (NULL));
  append_line (text, message);
}

static void
free_text (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Shows the issues in self->issues: each at its field's row, the rest
 * at the top. */
void
_asc_form_apply_issues (AscForm *self)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, free_text);
  g_autoptr(GString) general = g_string_new (NULL);
  JsonArray *issues = NULL;
  GHashTableIter iter;
  AscFormSlot *slot;

  if (self->issues != NULL && JSON_NODE_HOLDS_ARRAY (self->issues))
    issues = json_node_get_array (self->issues);

  for (guint i = 0; issues != NULL && i < json_array_get_length (issues); i++)
    {
      JsonNode *issue = json_array_get_element (issues, i);

      if (JSON_NODE_HOLDS_OBJECT (issue))
        place_issue (self, json_node_get_object (issue), texts, general);
    }

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &slot))
    {
      GString *text = g_hash_table_lookup (texts, slot);

      if (slot->message != NULL)
        _asc_form_slot_show_issues (slot, text != NULL ? text->str : NULL);
    }

  gtk_label_set_text (self->general_issues, general->str);
  gtk_widget_set_visible (GTK_WIDGET (self->general_issues), general->len > 0);
}
