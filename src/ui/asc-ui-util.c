/* asc-ui-util.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-ui-util.h"

/**
 * asc_format_time_of_day:
 * @microseconds: wall-clock time since the epoch
 *
 * Returns: (transfer full): "HH:MM:SS.mmm" in local time
 */
char *
asc_format_time_of_day (gint64 microseconds)
{
  /* Looking the local zone up reads /etc/localtime: do it once, not for
   * every row a busy list rebinds. */
  static GTimeZone *local;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());

  utc = g_date_time_new_from_unix_utc (microseconds / G_USEC_PER_SEC);
  time = g_date_time_to_timezone (utc, local);

  return g_strdup_printf ("%02d:%02d:%02d.%03d",
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time), (int) ((microseconds / 1000) % 1000));
}
