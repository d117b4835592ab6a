/* bench-workload.h: a deterministic stream of Zocket state:patch frames
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchModel BenchModel;

BenchModel *bench_model_new          (GString    *text);
void        bench_model_free         (BenchModel *model);
void        bench_model_append_patch (BenchModel *model,
                                      GString    *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchModel, bench_model_free)

G_END_DECLS
