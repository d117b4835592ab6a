/* asc-form.h: a form generated from a JSON Schema field tree
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "actorscope.h"

G_BEGIN_DECLS

#define ASC_TYPE_FORM (asc_form_get_type ())

G_DECLARE_FINAL_TYPE (AscForm, asc_form, ASC, FORM, GtkWidget)

GtkWidget *asc_form_new          (void);
AscField  *asc_form_get_field    (AscForm  *self);
void       asc_form_set_field    (AscForm  *self,
                                  AscField *root);
JsonNode  *asc_form_dup_value    (AscForm  *self);
void       asc_form_set_value    (AscForm  *self,
                                  JsonNode *value);
void       asc_form_show_issues  (AscForm  *self,
                                  JsonNode *issues);
void       asc_form_clear_issues (AscForm  *self);

G_END_DECLS
