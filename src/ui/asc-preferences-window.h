/* asc-preferences-window.h: the settings a user may change
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ASC_TYPE_PREFERENCES_WINDOW (asc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AscPreferencesWindow, asc_preferences_window, ASC, PREFERENCES_WINDOW, AdwPreferencesWindow)

AscPreferencesWindow *asc_preferences_window_new                (GtkWindow            *parent,
                                                                 GSettings            *settings);
GtkSpinButton        *asc_preferences_window_get_log_capacity   (AscPreferencesWindow *self);
GtkSpinButton        *asc_preferences_window_get_highlight      (AscPreferencesWindow *self);

G_END_DECLS
