/* asc-window.h
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "asc-application.h"

G_BEGIN_DECLS

#define ASC_TYPE_WINDOW (asc_window_get_type ())

G_DECLARE_FINAL_TYPE (AscWindow, asc_window, ASC, WINDOW, AdwApplicationWindow)

AscWindow *asc_window_new (AscApplication *application);

G_END_DECLS
