/* test-error.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "actorscope.h"

static void
test_error_quark_is_stable (void)
{
  g_autoptr(GError) error = g_error_new_literal (ASC_ERROR, ASC_ERROR_TIMEOUT, "late");

  g_assert_true (ASC_ERROR == asc_error_quark ());
  g_assert_cmpstr (g_quark_to_string (ASC_ERROR), ==, "AscError");
  g_assert_error (error, ASC_ERROR, ASC_ERROR_TIMEOUT);
}

static void
test_error_code_names_are_distinct (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GEnumClass) klass = g_type_class_ref (ASC_TYPE_ERROR);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *name = asc_error_code_name (klass->values[i].value);

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (seen, name));
      g_hash_table_add (seen, (gpointer) name);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, klass->n_values);
  g_assert_cmpstr (asc_error_code_name (ASC_ERROR_UNKNOWN_ACTION), ==, "UNKNOWN_ACTION");
  g_assert_cmpstr (asc_error_code_name (ASC_ERROR_OUT_OF_SYNC), ==, "OUT_OF_SYNC");
  g_assert_cmpstr (asc_error_code_name (9999), ==, "FAILED");
}

static void
test_error_details_survive_copy (void)
{
  g_autoptr(JsonNode) issues = json_from_string ("[{\"path\":\"/amount\",\"message\":\"expected number\"}]", NULL);
  g_autoptr(GError) error = asc_error_new_with_details (ASC_ERROR_VALIDATION, issues,
                                                        "Invalid input for %s", "add");
  g_autoptr(GError) copy = g_error_copy (error);
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_cmpstr (error->message, ==, "Invalid input for add");
  g_assert_true (json_node_equal (asc_error_get_details (error), issues));
  g_assert_true (asc_error_get_details (copy) != asc_error_get_details (error));
  g_assert_true (json_node_equal (asc_error_get_details (copy), issues));
  g_assert_null (asc_error_get_details (other));

  asc_error_set_details (copy, NULL);
  g_assert_null (asc_error_get_details (copy));
  g_assert_nonnull (asc_error_get_details (error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/asc/error/quark-is-stable", test_error_quark_is_stable);
  g_test_add_func ("/asc/error/code-names-are-distinct", test_error_code_names_are_distinct);

  g_test_add_func ("/asc/error/details-survive-copy", test_error_details_survive_copy);

  return g_test_run ();
}
