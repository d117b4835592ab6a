/* asc-state-cell.h: one cell of the state tree, which flashes on change
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "actorscope.h"

G_BEGIN_DECLS

typedef enum
{
  ASC_STATE_CELL_KEY,
  ASC_STATE_CELL_VALUE,
  ASC_STATE_CELL_KIND,
} AscStateCellRole;

#define ASC_TYPE_STATE_CELL (asc_state_cell_get_type ())

G_DECLARE_FINAL_TYPE (AscStateCell, asc_state_cell, ASC, STATE_CELL, GtkWidget)

AscStateNode *asc_state_cell_get_node        (AscStateCell *self);
void          asc_state_cell_set_node        (AscStateCell *self,
                                              AscStateNode *node);
gboolean      asc_state_cell_get_highlighted (AscStateCell *self);
const char   *asc_state_cell_get_text        (AscStateCell *self);
void          asc_state_cell_set_highlight_ms (guint        milliseconds);

G_END_DECLS
