/* test-flatpak-manifest.c: the Flatpak manifest cannot be built offline, so
 * check that it parses and says what the app needs.
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asc-test-util.h"

static JsonObject *
load_manifest (JsonNode **root)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak",
                                                 BASE_ID ".Devel.json", NULL);

  *root = asc_test_json_load (path);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *wanted)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), wanted) == 0)
      return TRUE;

  return FALSE;
}

static void
test_manifest_names_the_app (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = load_manifest (&root);

  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, BASE_ID ".Devel");
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "actorscope");
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_true (json_object_has_member (manifest, "runtime-version"));
}

static void
test_manifest_grants_what_the_app_needs (void)
{
  static const char *needed[] = {
    "--share=network", "--share=ipc", "--socket=fallback-x11",
    "--socket=wayland", "--device=dri",
  };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = load_manifest (&root);
  JsonArray *finish_args = json_object_get_array_member (manifest, "finish-args");

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    g_assert_true (array_has_string (finish_args, needed[i]));
  g_assert_false (array_has_string (finish_args, "--socket=x11"));
  g_assert_true (array_has_string (json_object_get_array_member (manifest, "cleanup"), "*.a"));
}

static void
assert_pinned_archive (JsonObject *module)
{
  JsonArray *sources = json_object_get_array_member (module, "sources");
  JsonObject *source = json_array_get_object_element (sources, 0);
  const char *sha256 = json_object_get_string_member (source, "sha256");

  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "archive");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "url"), "https://"));
  g_assert_cmpuint (strlen (sha256), ==, 64);
  for (const char *c = sha256; *c != '\0'; c++)
    g_assert_true (g_ascii_isxdigit (*c) && !g_ascii_isupper (*c));
}

static void
test_manifest_builds_libcbor_then_the_app (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = load_manifest (&root);
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  JsonObject *cbor, *app, *app_source;

  g_assert_cmpuint (json_array_get_length (modules), ==, 2);
  cbor = json_array_get_object_element (modules, 0);
  app = json_array_get_object_element (modules, 1);

  g_assert_cmpstr (json_object_get_string_member (cbor, "name"), ==, "libcbor");
  assert_pinned_archive (cbor);

  g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, "actorscope");
  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  g_assert_true (json_object_get_boolean_member (app, "builddir"));
  app_source = json_array_get_object_element (json_object_get_array_member (app, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (app_source, "type"), ==, "dir");
  g_assert_cmpstr (json_object_get_string_member (app_source, "path"), ==, "..");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/flatpak-manifest/names-the-app", test_manifest_names_the_app);
  g_test_add_func ("/asc/flatpak-manifest/grants-what-the-app-needs",
                   test_manifest_grants_what_the_app_needs);
  g_test_add_func ("/asc/flatpak-manifest/builds-libcbor-then-the-app",
                   test_manifest_builds_libcbor_then_the_app);

  return g_test_run ();
}
