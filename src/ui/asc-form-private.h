/* asc-form-private.h: what the form's files share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "asc-form.h"

G_BEGIN_DECLS

typedef struct _AscFormSlot AscFormSlot;

struct _AscForm
{
  GtkWidget            parent_instance;

  AscField            *root;
  AscFormSlot         *root_slot;
  GHashTable          *slots;          /* AscField → AscFormSlot, both borrowed */
  GHashTable          *expanded;       /* AscField (owned) → whether its expander is open */
  GHashTable          *free_form;      /* AscField (owned): objects of extra properties only */
  JsonNode            *issues;         /* those shown, as [{path, message}] */
  guint                syncing;        /* > 0 while widgets are set from fields */
  gboolean             keep_value;     /* building for a value that was set: fill in nothing */

  /* Template widgets */
  GtkLabel            *general_issues;
  AdwPreferencesGroup *group;
};

/*
 * The widgets of one field. A slot appends its rows to @container (the
 * form's group or an expander row); the rows of its children go into
 * @inner: its own expander, or @container itself when @flat (the root's
 * properties, an alternative's properties). Rows appended while the slot
 * is built stay; those appended by a fill go on a rebuild.
 */
struct _AscFormSlot
{
  AscForm     *form;
  AscFormSlot *parent;
  AscField    *field;          /* owned */
  AscFieldKind kind;           /* the row kind: raw JSON for a foreign value */
  GtkWidget   *container;
  GtkWidget   *inner;
  GPtrArray   *rows;           /* owned: what this slot appended, fixed rows first */
  guint        n_fixed_rows;
  GPtrArray   *children;       /* owned AscFormSlot */
  GPtrArray   *watched;        /* owned refs on widgets whose signals reach this slot */
  guint        n_fixed_watched;

  GtkWidget   *row;            /* carries the title, the issues and the controls */
  GtkWidget   *editor;         /* the control that takes the value */
  GtkWidget   *message;        /* the issues shown at the row */
  GtkWidget   *issue_row;      /* the row marked with them: an expander's header */
  GtkWidget   *include;        /* a check button, for optional fields */
  GtkWidget   *null_toggle;
  GtkWidget   *choice;         /* a choice's combo row */
  GtkWidget   *add_button;     /* a list's “Add Item” row */
  GtkWidget   *move_up;        /* a list item's buttons */
  GtkWidget   *move_down;
  char        *parse_error;    /* raw JSON text that does not parse */
  gboolean     flat;
  gboolean     shares_row;     /* inner field of a nullable: that one decorates the row */
};

typedef struct
{
  void (*build)   (AscFormSlot *slot);
  void (*fill)    (AscFormSlot *slot);
  void (*refresh) (AscFormSlot *slot);
} AscFormRowKind;

/* asc-form.c */
void         _asc_form_user_changed      (AscForm      *self);
gboolean     _asc_form_get_expanded      (AscForm      *self,
                                          AscField     *field,
                                          gboolean      fallback);
void         _asc_form_set_expanded      (AscForm      *self,
                                          AscField     *field,
                                          gboolean      expanded);
gboolean     _asc_form_is_free_form      (AscForm      *self,
                                          AscField     *field);

/* asc-form-slot.c */
AscFormSlot *_asc_form_slot_new          (AscForm      *form,
                                          AscFormSlot  *parent,
                                          AscField     *field,
                                          GtkWidget    *container,
                                          gboolean      flat,
                                          gboolean      shares_row);
void         _asc_form_slot_free         (AscFormSlot  *slot);
AscFormSlot *_asc_form_slot_add_child    (AscFormSlot  *slot,
                                          AscField     *field,
                                          gboolean      flat);
void         _asc_form_slot_append       (AscFormSlot  *slot,
                                          GtkWidget    *container,
                                          GtkWidget    *row);
void         _asc_form_slot_set_row      (AscFormSlot  *slot,
                                          GtkWidget    *row,
                                          GtkWidget    *editor);
GtkWidget   *_asc_form_slot_new_expander (AscFormSlot  *slot,
                                          gboolean      fallback);
void         _asc_form_slot_connect      (AscFormSlot  *slot,
                                          gpointer      widget,
                                          const char   *signal,
                                          GCallback     callback);
void         _asc_form_slot_rebuild      (AscFormSlot  *slot);
gboolean     _asc_form_slot_is_syncing   (AscFormSlot  *slot);
gboolean     _asc_form_slot_is_live      (AscFormSlot  *slot);
void         _asc_form_slot_edit         (AscFormSlot  *slot,
                                          JsonNode     *value);

/* asc-form-labels.c */
void         _asc_form_slot_decorate     (AscFormSlot  *slot);
void         _asc_form_slot_sync_state   (AscFormSlot  *slot);
void         _asc_form_slot_show_issues  (AscFormSlot  *slot,
                                          const char   *text);
char        *_asc_form_field_title       (AscField     *field);
void         _asc_form_row_add_suffix    (GtkWidget    *row,
                                          GtkWidget    *widget);
void         _asc_form_row_add_prefix    (GtkWidget    *row,
                                          GtkWidget    *widget);
void         _asc_form_label_widget      (GtkWidget    *widget,
                                          const char   *label);

/* asc-form-rows.c: one-row fields */
void         _asc_form_build_text        (AscFormSlot  *slot);
void         _asc_form_refresh_text      (AscFormSlot  *slot);
void         _asc_form_build_multiline   (AscFormSlot  *slot);
void         _asc_form_refresh_multiline (AscFormSlot  *slot);
void         _asc_form_build_number      (AscFormSlot  *slot);
void         _asc_form_refresh_number    (AscFormSlot  *slot);
void         _asc_form_build_boolean     (AscFormSlot  *slot);
void         _asc_form_refresh_boolean   (AscFormSlot  *slot);
void         _asc_form_build_enum        (AscFormSlot  *slot);
void         _asc_form_refresh_enum      (AscFormSlot  *slot);
void         _asc_form_build_const       (AscFormSlot  *slot);
void         _asc_form_build_raw         (AscFormSlot  *slot);
void         _asc_form_refresh_raw       (AscFormSlot  *slot);

/* asc-form-groups.c: fields made of other fields */
void         _asc_form_build_object      (AscFormSlot  *slot);
void         _asc_form_fill_object       (AscFormSlot  *slot);
void         _asc_form_build_list        (AscFormSlot  *slot);
void         _asc_form_fill_list         (AscFormSlot  *slot);
void         _asc_form_fill_tuple        (AscFormSlot  *slot);
void         _asc_form_build_one_of      (AscFormSlot  *slot);
void         _asc_form_fill_one_of       (AscFormSlot  *slot);
void         _asc_form_build_nullable    (AscFormSlot  *slot);
void         _asc_form_refresh_nullable  (AscFormSlot  *slot);

void         _asc_form_add_item_action   (GtkWidget    *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);
void         _asc_form_remove_item_action (GtkWidget   *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);
void         _asc_form_move_item_action  (GtkWidget    *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);

/* asc-form-issues.c */
JsonNode    *_asc_form_collect_issues    (AscForm      *self);
void         _asc_form_apply_issues      (AscForm      *self);

G_END_DECLS
