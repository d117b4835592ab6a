/* asc-application.h
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ASC_TYPE_APPLICATION (asc_application_get_type ())

G_DECLARE_FINAL_TYPE (AscApplication, asc_application, ASC, APPLICATION, AdwApplication)

AscApplication *asc_application_new          (void);
GSettings      *asc_application_get_settings (AscApplication *self);

G_END_DECLS
