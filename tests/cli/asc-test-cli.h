/* asc-test-cli.h: runs actorscope-cli for a test and collects what it says
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "actorscope.h"

G_BEGIN_DECLS

typedef struct _AscTestCli AscTestCli;

AscTestCli *asc_test_cli_spawn          (const char * const *env,
                                         const char         *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
AscTestCli *asc_test_cli_spawnv         (const char * const *env,
                                         const char * const *args);
AscTestCli *asc_test_cli_run            (const char         *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
gboolean    asc_test_cli_wait_lines     (AscTestCli         *self,
                                         guint               n_lines,
                                         guint               timeout_ms);
gboolean    asc_test_cli_wait_exit      (AscTestCli         *self,
                                         guint               timeout_ms);
void        asc_test_cli_send_signal    (AscTestCli         *self,
                                         int                 signum);
gboolean    asc_test_cli_get_exited     (AscTestCli         *self);
int         asc_test_cli_get_status     (AscTestCli         *self);
GPtrArray  *asc_test_cli_get_lines      (AscTestCli         *self);
char       *asc_test_cli_dup_stdout     (AscTestCli         *self);
const char *asc_test_cli_get_stderr     (AscTestCli         *self);
void        asc_test_cli_assert_stdout  (AscTestCli         *self,
                                         const char         *expected);
JsonNode   *asc_test_cli_replay_state   (AscTestCli         *self);
void        asc_test_cli_free           (AscTestCli         *self);

JsonNode   *asc_test_call_actor         (AscClient          *client,
                                         const char         *type_name,
                                         const char         *key,
                                         const char         *method,
                                         const char         *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AscTestCli, asc_test_cli_free)

G_END_DECLS
