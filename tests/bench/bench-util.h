/* bench-util.h: timing, temporary files and Node peers for the benchmarks
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double  bench_median        (const double       *values,
                             guint               n);
char   *bench_write_temp    (const char         *template,
                             const void         *data,
                             gsize               length);
double  bench_run_peer      (const char * const *argv,
                             const char         *what);
long    bench_status_kb     (const char         *field);
double  bench_seconds_since (gint64              start);

G_END_DECLS
