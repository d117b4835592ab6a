/* fuzz-replay.c: runs a fuzz target over every file of a corpus
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any compiler can build this, so the committed corpus doubles as a
 * regression test. It prints TAP: one line per corpus file.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_corpus (const char  *dir_path,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_names);

  return g_steal_pointer (&paths);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s CORPUS-DIRECTORY\n", argv[0]);
      return 2;
    }

  paths = list_corpus (argv[1], &error);
  if (paths == NULL || paths->len == 0)
    {
      printf ("1..0 # corpus %s is empty or unreadable: %s\n", argv[1],
              error != NULL ? error->message : "no files");
      return 1;
    }

  printf ("1..%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u %s # %s\n", i + 1, name, error->message);
          g_clear_error (&error);
          continue;
        }

      /* A failed check aborts, which the TAP reader reports as a crash. */
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u %s\n", i + 1, name);
    }

  return 0;
}
