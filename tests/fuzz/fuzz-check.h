/* fuzz-check.h: what the fuzz targets share
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asc-error.h"
#include "asc-json-diff.h"

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Checks stay on whatever G_DISABLE_ASSERT says. */
#define CHECK(cond) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  g_log_writer_default (level, fields, n_fields, user_data);
  /* abort(), not GLib's breakpoint trap, so that libFuzzer keeps the input. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* A critical or a warning is a bug too. */
static inline void
fuzz_make_warnings_fatal (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* A failure is an ASC_ERROR (or, with @other_domain, an error of that
 * domain) with a message a person can read. */
static inline void
fuzz_check_error (const GError *error,
                  GQuark        other_domain)
{
  CHECK (error != NULL);
  CHECK (error->domain == ASC_ERROR || error->domain == other_domain);
  CHECK (error->message != NULL && error->message[0] != '\0');
  CHECK (g_utf8_validate (error->message, -1, NULL));
}

/* Whatever a decoder hands out must print as JSON that parses back to the
 * same value: the views and the CLI print it. */
static inline void
fuzz_check_json_reparses (JsonNode *node)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  if (node == NULL)
    return;
  text = json_to_string (node, FALSE);
  CHECK (text != NULL);
  CHECK (json_parser_load_from_data (parser, text, -1, NULL));
  CHECK (asc_json_equal (node, json_parser_get_root (parser)));
}

/* The first line of @data and the rest, for targets that take two
 * documents; FALSE when there is no newline. */
static inline gboolean
fuzz_split_lines (const uint8_t  *data,
                  size_t          size,
                  const char    **first,
                  gsize          *first_length,
                  const char    **rest,
                  gsize          *rest_length)
{
  const char *text = (const char *) data;
  const char *newline = size > 0 ? memchr (text, '\n', size) : NULL;

  if (newline == NULL)
    return FALSE;
  *first = text;
  *first_length = newline - text;
  *rest = newline + 1;
  *rest_length = size - *first_length - 1;

  return TRUE;
}

/* The JSON value of @text, or NULL when it is not JSON. */
static inline JsonNode *
fuzz_parse_json (const char *text,
                 gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);

  return root != NULL ? json_node_ref (root) : NULL;
}

G_END_DECLS
