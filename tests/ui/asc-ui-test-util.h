/* asc-ui-test-util.h: finding widgets, waiting for them, and screenshots
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*AscWidgetMatch) (GtkWidget *widget,
                                    gpointer   user_data);

GtkWidget *asc_ui_find_widget          (GtkWidget      *root,
                                        AscWidgetMatch  match,
                                        gpointer        user_data);
GtkWidget *asc_ui_find_of_type         (GtkWidget      *root,
                                        GType           type);
GtkWidget *asc_ui_find_label           (GtkWidget      *root,
                                        const char     *text);
GtkWindow *asc_ui_find_toplevel        (GType           type);
gboolean   asc_ui_widget_is_laid_out   (gpointer        widget);
void       asc_ui_wait_laid_out        (GtkWidget      *widget);
void       asc_ui_flush                (void);
void       asc_ui_save_screenshot      (GtkWidget      *widget,
                                        const char     *name);

G_END_DECLS
