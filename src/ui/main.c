/* main.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "asc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AscApplication) app = NULL;

  /* GApplication reads the options, --help included, before GTK sets up the
   * locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = asc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
