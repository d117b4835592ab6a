/* asc-test-util.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "asc-test-util.h"

static gboolean
deadline_passed_cb (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * asc_test_wait_until:
 * @condition: checked after every main-context iteration
 * @user_data: passed to @condition
 * @timeout_ms: the deadline
 *
 * Iterates the default main context until @condition holds or the deadline
 * passes. Tests assert on the result instead of sleeping.
 *
 * Returns: %TRUE if @condition held before the deadline
 */
gboolean
asc_test_wait_until (AscTestCondition condition,
                     gpointer         user_data,
                     guint            timeout_ms)
{
  gboolean passed = FALSE;
  guint source_id;

  source_id = g_timeout_add (timeout_ms, deadline_passed_cb, &passed);
  while (!condition (user_data) && !passed)
    g_main_context_iteration (NULL, TRUE);
  if (!passed)
    g_source_remove (source_id);

  return condition (user_data);
}

/**
 * asc_test_drain:
 *
 * Dispatches what is ready on the default main context, so closes and
 * finalizers queued as idles run. Bounded: a fast repeating timer on a slow
 * (sanitized, loaded) machine is always ready again, and an unbounded drain
 * would spin forever.
 */
void
asc_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * asc_test_remove_tree:
 * @path: a folder the test made, or a file
 *
 * Deletes @path and everything under it; symbolic links are removed, never
 * followed.
 */
void
asc_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
      g_file_test (path, G_FILE_TEST_IS_DIR) &&
      (dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        asc_test_remove_tree (child);
      }

  g_remove (path);
}

JsonNode *
asc_test_json_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
asc_test_json_load (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_mapped_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

char *
asc_test_json_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

void
asc_test_assert_json_eq (JsonNode   *actual,
                         const char *expected_text)
{
  g_autoptr(JsonNode) expected = asc_test_json_parse (expected_text);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *actual_text = json_to_string (actual, FALSE);

      g_error ("JSON differs:\n  actual:   %s\n  expected: %s",
               actual_text, expected_text);
    }
}

/* `[[[…]]]`, @levels deep: JSON nested past what the readers accept. */
char *
asc_test_nested_arrays (guint levels)
{
  GString *value = g_string_sized_new (2 * levels);

  for (guint i = 0; i < levels; i++)
    g_string_append_c (value, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (value, ']');
  return g_string_free (value, FALSE);
}
