/* asc-cli-private.h: what the commands of actorscope-cli share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "actorscope.h"

G_BEGIN_DECLS

/* Exit statuses of the command-line contract. */
enum {
  ASC_CLI_EXIT_OK = 0,
  ASC_CLI_EXIT_REJECTED = 1,
  ASC_CLI_EXIT_USAGE = 2,
  ASC_CLI_EXIT_UNREACHABLE = 3,
  /* A one-shot command cut short by a signal: 128 + its number, as shells do. */
  ASC_CLI_EXIT_SIGNALED = 128,
};

typedef struct
{
  char     *server;
  char     *kind;
  char     *namespace;
  char     *token;
  char     *params;
  char     *catalog;
  double    timeout;
  gboolean  version;
} AscCliOptions;

/* A command gets the global options and its own words, its name first. */
typedef int (*AscCliCommandFunc) (AscCliOptions  *options,
                                  char          **args);

/* One connection, run on a main loop until a command finishes it or a
 * signal ends it. */
typedef struct _AscCliRun AscCliRun;

typedef void (*AscCliRunFunc) (AscCliRun *run,
                               gpointer   user_data);

struct _AscCliRun
{
  AscClient     *client;
  GMainLoop     *loop;
  AscCliRunFunc  connected_func;
  gpointer       connected_data;
  AscCliRunFunc  deadline_func;
  gpointer       deadline_data;
  double         timeout;
  guint          deadline_source;
  guint          unreachable_source;
  guint          sigint_source;
  guint          sigterm_source;
  gulong         status_handler;
  int            status;
  gboolean       streaming;
  gboolean       ever_connected;
  gboolean       finished;
};

int        _asc_cli_types                (AscCliOptions  *options,
                                          char          **args);
int        _asc_cli_list                 (AscCliOptions  *options,
                                          char          **args);
int        _asc_cli_call                 (AscCliOptions  *options,
                                          char          **args);
int        _asc_cli_state                (AscCliOptions  *options,
                                          char          **args);
int        _asc_cli_events               (AscCliOptions  *options,
                                          char          **args);
int        _asc_cli_describe             (AscCliOptions  *options,
                                          char          **args);

int        _asc_cli_usage_error          (const char     *format,
                                          ...) G_GNUC_PRINTF (1, 2);
int        _asc_cli_report_error         (const GError   *error);
void       _asc_cli_print_json           (JsonNode       *node);
void       _asc_cli_print_line           (const char     *line);
AscRivetClient *_asc_cli_rivet_client    (AscCliRun      *run);
JsonNode  *_asc_cli_parse_json           (const char     *text,
                                          GError        **error);
int        _asc_cli_parse_command        (char          **args,
                                          const char     *parameters,
                                          GOptionEntry   *entries,
                                          guint           n_positional,
                                          char         ***positional);
int        _asc_cli_parse_count          (const char     *text,
                                          gint64         *count);
int        _asc_cli_new_client           (AscCliOptions  *options,
                                          AscClient     **client);

int        _asc_cli_run_init             (AscCliRun      *run,
                                          AscCliOptions  *options);
void       _asc_cli_run_clear            (AscCliRun      *run);
int        _asc_cli_run_loop             (AscCliRun      *run,
                                          AscCliRunFunc   connected_func,
                                          gpointer        user_data);
void       _asc_cli_run_finish           (AscCliRun      *run,
                                          int             status);
void       _asc_cli_run_fail             (AscCliRun      *run,
                                          const GError   *error);
void       _asc_cli_run_set_deadline     (AscCliRun      *run,
                                          AscCliRunFunc   func,
                                          gpointer        user_data);
void       _asc_cli_run_clear_deadline   (AscCliRun      *run);

int        _asc_cli_load_catalog         (AscCliOptions  *options,
                                          AscCatalog    **catalog);
int        _asc_cli_check_value          (AscCatalog     *catalog,
                                          const char     *type_name,
                                          const char     *method,
                                          JsonNode       *sent,
                                          gboolean       *checked);
int        _asc_cli_check_call           (AscCliOptions  *options,
                                          const char     *type_name,
                                          const char     *method,
                                          JsonNode       *sent);
int        _asc_cli_call_dry_run         (AscCliOptions  *options,
                                          const char     *type_name,
                                          const char     *method,
                                          GPtrArray      *values);
gboolean   _asc_cli_take_flag            (char          **args,
                                          const char     *flag);

G_END_DECLS
