/* test-json-pointer.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

/* The example document of RFC 6901, section 5. */
static const char *rfc_document =
  "{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, \"c%d\": 2, \"e^f\": 3,"
  " \"g|h\": 4, \"i\\\\j\": 5, \"k\\\"l\": 6, \" \": 7, \"m~n\": 8}";

typedef struct
{
  const char *pointer;
  const char *tokens[4];
} ParseCase;

static const ParseCase parse_cases[] = {
  { "",         { NULL } },
  { "/",        { "", NULL } },
  { "//",       { "", "", NULL } },
  { "/foo",     { "foo", NULL } },
  { "/foo/0",   { "foo", "0", NULL } },
  { "/a~1b",    { "a/b", NULL } },
  { "/m~0n",    { "m~n", NULL } },
  { "/~01",     { "~1", NULL } },
  { "/~10",     { "/0", NULL } },
  { "/a b/c%d", { "a b", "c%d", NULL } },
  { "/x/~0~1/", { "x", "~/", "", NULL } },
};

static void
test_parse_round_trips (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) tokens = asc_json_pointer_parse (c->pointer, &error);
      g_autofree char *formatted = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (tokens);
      g_assert_cmpstrv (tokens, c->tokens);

      formatted = asc_json_pointer_format ((const char * const *) tokens);
      g_assert_cmpstr (formatted, ==, c->pointer);
    }
}

static void
test_escape (void)
{
  static const char *cases[][2] = {
    { "plain",  "plain" },
    { "",       "" },
    { "a/b",    "a~1b" },
    { "m~n",    "m~0n" },
    { "~1",     "~01" },
    { "/~",     "~1~0" },
    { "a/b~c",  "a~1b~0c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = asc_json_pointer_escape (cases[i][0]);
      g_auto(GStrv) tokens = NULL;
      g_autofree char *pointer = g_strconcat ("/", escaped, NULL);

      g_assert_cmpstr (escaped, ==, cases[i][1]);
      tokens = asc_json_pointer_parse (pointer, NULL);
      g_assert_cmpuint (g_strv_length (tokens), ==, 1);
      g_assert_cmpstr (tokens[0], ==, cases[i][0]);
    }
}

static void
test_append (void)
{
  g_autofree char *root_child = asc_json_pointer_append ("", "a/b");
  g_autofree char *nested = asc_json_pointer_append ("/map", "m~n");
  g_autofree char *empty = asc_json_pointer_append ("/map", "");
  g_autoptr(GString) built = g_string_new ("/x");

  g_assert_cmpstr (root_child, ==, "/a~1b");
  g_assert_cmpstr (nested, ==, "/map/m~0n");
  g_assert_cmpstr (empty, ==, "/map/");

  asc_json_pointer_add_token (built, "0");
  asc_json_pointer_add_token (built, "~/");
  g_assert_cmpstr (built->str, ==, "/x/0/~0~1");
}

static void
test_format_empty (void)
{
  const char *none[] = { NULL };
  g_autofree char *pointer = asc_json_pointer_format (none);

  g_assert_cmpstr (pointer, ==, "");
}

typedef struct
{
  const char *pointer;
  const char *message;
} ErrorCase;

static const ErrorCase syntax_cases[] = {
  { "foo",    "JSON pointer “foo” must be empty or start with “/”" },
  { "#/foo",  "JSON pointer “#/foo” must be empty or start with “/”" },
  { "/a~2",   "JSON pointer “/a~2” has an invalid escape “~2” at offset 2; "
              "only “~0” and “~1” are allowed" },
  { "/a~",    "JSON pointer “/a~” has a lone “~” at offset 2; write “~0” "
              "for “~” and “~1” for “/”" },
  { "/~/b",   "JSON pointer “/~/b” has a lone “~” at offset 1; write “~0” "
              "for “~” and “~1” for “/”" },
};

static void
test_parse_rejects_bad_syntax (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (syntax_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) tokens = asc_json_pointer_parse (syntax_cases[i].pointer,
                                                     &error);

      g_assert_null (tokens);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER);
      g_assert_cmpstr (error->message, ==, syntax_cases[i].message);
    }
}

typedef struct
{
  const char *pointer;
  const char *expected;
} ResolveCase;

static const ResolveCase resolve_cases[] = {
  { "",       NULL },
  { "/foo",   "[\"bar\",\"baz\"]" },
  { "/foo/0", "\"bar\"" },
  { "/foo/1", "\"baz\"" },
  { "/",      "0" },
  { "/a~1b",  "1" },
  { "/c%d",   "2" },
  { "/e^f",   "3" },
  { "/g|h",   "4" },
  { "/i\\j",  "5" },
  { "/k\"l",  "6" },
  { "/ ",     "7" },
  { "/m~0n",  "8" },
};

static void
test_resolve_rfc_examples (void)
{
  g_autoptr(JsonNode) document = asc_test_json_parse (rfc_document);

  for (guint i = 0; i < G_N_ELEMENTS (resolve_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = asc_json_pointer_resolve (document,
                                                 resolve_cases[i].pointer,
                                                 &error);

      g_assert_no_error (error);
      if (resolve_cases[i].expected == NULL)
        g_assert_true (node == document);
      else
        asc_test_assert_json_eq (node, resolve_cases[i].expected);
    }
}

static const ErrorCase resolve_errors[] = {
  { "/nope",      "JSON pointer “/nope”: member “nope” does not exist" },
  { "/foo/2",     "JSON pointer “/foo/2”: index 2 is out of range for an "
                  "array of 2 elements" },
  { "/foo/99999999999999999999",
                  "JSON pointer “/foo/99999999999999999999”: index "
                  "99999999999999999999 is out of range for an array of 2 "
                  "elements" },
  { "/foo/4294967296",
                  "JSON pointer “/foo/4294967296”: index 4294967296 is out of "
                  "range for an array of 2 elements" },
  { "/foo/4294967297",
                  "JSON pointer “/foo/4294967297”: index 4294967297 is out of "
                  "range for an array of 2 elements" },
  { "/foo/01",    "JSON pointer “/foo/01”: array index “01” has a leading zero" },
  { "/foo/-",     "JSON pointer “/foo/-”: “-” names the slot after the last "
                  "element, which only an add can use" },
  { "/foo/1e0",   "JSON pointer “/foo/1e0”: “1e0” is not an array index" },
  { "/foo/-1",    "JSON pointer “/foo/-1”: “-1” is not an array index" },
  { "/foo/",      "JSON pointer “/foo/”: “” is not an array index" },
  { "/foo/0/x",   "JSON pointer “/foo/0/x”: cannot look up “x” inside a string" },
  { "/ /x",       "JSON pointer “/ /x”: cannot look up “x” inside a number" },
  { "/a~1b~",     "JSON pointer “/a~1b~” has a lone “~” at offset 5; write "
                  "“~0” for “~” and “~1” for “/”" },
  { "foo",        "JSON pointer “foo” must be empty or start with “/”" },
};

static void
test_resolve_errors (void)
{
  g_autoptr(JsonNode) document = asc_test_json_parse (rfc_document);

  for (guint i = 0; i < G_N_ELEMENTS (resolve_errors); i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = asc_json_pointer_resolve (document,
                                                 resolve_errors[i].pointer,
                                                 &error);

      g_assert_null (node);
      g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER);
      g_assert_cmpstr (error->message, ==, resolve_errors[i].message);
    }
}

static void
test_resolve_scalar_kinds (void)
{
  static const char *cases[][2] = {
    { "{\"v\": true}",  "cannot look up “x” inside a boolean" },
    { "{\"v\": null}",  "cannot look up “x” inside a null" },
    { "{\"v\": 1.5}",   "cannot look up “x” inside a number" },
    { "{\"v\": \"s\"}", "cannot look up “x” inside a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) document = asc_test_json_parse (cases[i][0]);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("JSON pointer “/v/x”: %s",
                                                   cases[i][1]);

      g_assert_null (asc_json_pointer_resolve (document, "/v/x", &error));
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_parse_index (void)
{
  g_autoptr(GError) error = NULL;
  guint index = 42;

  g_assert_true (asc_json_pointer_parse_index ("0", 1, FALSE, &index, NULL));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (asc_json_pointer_parse_index ("3", 3, TRUE, &index, NULL));
  g_assert_cmpuint (index, ==, 3);
  g_assert_true (asc_json_pointer_parse_index ("-", 3, TRUE, &index, NULL));
  g_assert_cmpuint (index, ==, 3);
  g_assert_true (asc_json_pointer_parse_index ("10", 11, FALSE, &index, NULL));
  g_assert_cmpuint (index, ==, 10);

  g_assert_false (asc_json_pointer_parse_index ("3", 3, FALSE, &index, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_POINTER);
  g_clear_error (&error);
  g_assert_false (asc_json_pointer_parse_index ("0", 0, FALSE, &index, &error));
  g_assert_cmpstr (error->message, ==,
                   "index 0 is out of range for an array of 0 elements");
  g_clear_error (&error);
  g_assert_false (asc_json_pointer_parse_index ("1", 1, FALSE, &index, &error));
  g_assert_cmpstr (error->message, ==,
                   "index 1 is out of range for an array of 1 element");
  g_clear_error (&error);
  g_assert_false (asc_json_pointer_parse_index ("4", 3, TRUE, &index, &error));
  g_clear_error (&error);
  g_assert_false (asc_json_pointer_parse_index ("+1", 3, TRUE, &index, &error));
  g_clear_error (&error);
  g_assert_false (asc_json_pointer_parse_index ("00", 3, TRUE, &index, &error));
  g_assert_cmpstr (error->message, ==, "array index “00” has a leading zero");
}

static void
test_get_child (void)
{
  g_autoptr(JsonNode) document = asc_test_json_parse (rfc_document);
  JsonNode *foo = asc_json_pointer_get_child (document, "foo", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (foo);
  asc_test_assert_json_eq (asc_json_pointer_get_child (foo, "1", NULL), "\"baz\"");
  g_assert_null (asc_json_pointer_get_child (document, "bar", &error));
  g_assert_cmpstr (error->message, ==, "member “bar” does not exist");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asc/json-pointer/parse/round-trips", test_parse_round_trips);
  g_test_add_func ("/asc/json-pointer/parse/rejects-bad-syntax",
                   test_parse_rejects_bad_syntax);
  g_test_add_func ("/asc/json-pointer/parse/reads-array-indices", test_parse_index);
  g_test_add_func ("/asc/json-pointer/format/empty-is-root", test_format_empty);
  g_test_add_func ("/asc/json-pointer/escape/round-trips", test_escape);
  g_test_add_func ("/asc/json-pointer/append/escapes-the-token", test_append);
  g_test_add_func ("/asc/json-pointer/resolve/finds-rfc-examples",
                   test_resolve_rfc_examples);
  g_test_add_func ("/asc/json-pointer/resolve/explains-each-failure",
                   test_resolve_errors);
  g_test_add_func ("/asc/json-pointer/resolve/names-the-scalar-kind",
                   test_resolve_scalar_kinds);
  g_test_add_func ("/asc/json-pointer/get-child/takes-one-step", test_get_child);

  return g_test_run ();
}
