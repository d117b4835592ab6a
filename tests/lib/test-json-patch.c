/* test-json-patch.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "actorscope.h"
#include "asc-test-util.h"

/* asc_test_json_parse() gives sealed nodes; patches mostly meet mutable ones. */
static JsonNode *
parse_mutable (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static void
assert_same_text (JsonNode   *node,
                  const char *text)
{
  g_autofree char *now = asc_test_json_to_string (node);

  g_assert_cmpstr (now, ==, text);
}

/* Applies @normalized strictly to @old and checks that it gives @result. */
static void
assert_normalized_replays (JsonNode *old,
                           JsonNode *normalized,
                           JsonNode *result)
{
  g_autoptr(JsonNode) replay = asc_json_copy (old);
  g_autoptr(GError) error = NULL;

  g_assert_true (asc_json_patch_apply (&replay, normalized, &error));
  g_assert_no_error (error);
  g_assert_true (asc_json_equal (replay, result));
}

/* Applies @patch_text to a mutable and to a sealed @doc_text, checks both
 * against @expected_text and returns the normalized patch. */
static JsonNode *
apply_ok (const char        *doc_text,
          const char        *patch_text,
          AscJsonPatchFlags  flags,
          const char        *expected_text)
{
  g_autoptr(JsonNode) original = asc_test_json_parse (doc_text);
  g_autoptr(JsonNode) patch = parse_mutable (patch_text);
  g_autoptr(JsonNode) doc = parse_mutable (doc_text);
  g_autoptr(JsonNode) sealed = json_node_ref (original);
  g_autoptr(JsonNode) normalized = NULL;
  g_autoptr(JsonNode) sealed_normalized = NULL;
  g_autofree char *original_text = asc_test_json_to_string (original);
  g_autoptr(GError) error = NULL;

  g_assert_true (asc_json_patch_apply_full (&doc, patch, flags, &normalized,
                                            &error));
  g_assert_no_error (error);
  asc_test_assert_json_eq (doc, expected_text);
  assert_normalized_replays (original, normalized, doc);

  g_assert_true (json_node_is_immutable (sealed));
  g_assert_true (asc_json_patch_apply_full (&sealed, patch, flags,
                                            &sealed_normalized, &error));
  g_assert_no_error (error);
  asc_test_assert_json_eq (sealed, expected_text);
  g_assert_true (asc_json_equal (normalized, sealed_normalized));
  assert_same_text (original, original_text);

  return g_steal_pointer (&normalized);
}

/* Checks that @patch_text fails on a mutable and on a sealed @doc_text with
 * @code and @message, leaving the document exactly as it was. */
static void
apply_fails (const char        *doc_text,
             const char        *patch_text,
             AscJsonPatchFlags  flags,
             int                code,
             const char        *message)
{
  g_autoptr(JsonNode) patch = parse_mutable (patch_text);

  for (guint sealed = 0; sealed < 2; sealed++)
    {
      g_autoptr(JsonNode) doc = sealed ? asc_test_json_parse (doc_text)
                                       : parse_mutable (doc_text);
      g_autofree char *before = asc_test_json_to_string (doc);
      JsonNode *root = doc;
      g_autoptr(JsonNode) normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (asc_json_patch_apply_full (&doc, patch, flags,
                                                 &normalized, &error));
      g_assert_error (error, ASC_ERROR, code);
      if (message != NULL)
        g_assert_cmpstr (error->message, ==, message);
      g_assert_null (normalized);
      g_assert_true (doc == root);
      assert_same_text (doc, before);
    }
}

/* RFC 6902 semantics */

typedef struct
{
  const char *name;
  const char *doc;
  const char *patch;
  const char *expected;
} ApplyCase;

static const ApplyCase apply_cases[] = {
  { "add/inserts-into-array",
    "{\"a\":[1,3]}", "[{\"op\":\"add\",\"path\":\"/a/1\",\"value\":2}]",
    "{\"a\":[1,2,3]}" },
  { "add/inserts-at-the-front",
    "[\"b\",\"c\"]", "[{\"op\":\"add\",\"path\":\"/0\",\"value\":\"a\"}]",
    "[\"a\",\"b\",\"c\"]" },
  { "add/appends-at-the-length",
    "{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/1\",\"value\":2}]",
    "{\"a\":[1,2]}" },
  { "add/appends-with-dash",
    "{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/-\",\"value\":[2]}]",
    "{\"a\":[1,[2]]}" },
  { "add/replaces-an-existing-member",
    "{\"a\":1,\"b\":2}", "[{\"op\":\"add\",\"path\":\"/a\",\"value\":{\"x\":null}}]",
    "{\"a\":{\"x\":null},\"b\":2}" },
  { "add/replaces-the-whole-document",
    "{\"a\":1}", "[{\"op\":\"add\",\"path\":\"\",\"value\":[true]}]",
    "[true]" },
  { "add/creates-the-empty-key",
    "{}", "[{\"op\":\"add\",\"path\":\"/\",\"value\":1}]",
    "{\"\":1}" },
  { "remove/shifts-later-elements",
    "[1,2,3]", "[{\"op\":\"remove\",\"path\":\"/0\"}]",
    "[2,3]" },
  { "remove/drops-a-member",
    "{\"a\":{\"b\":1,\"c\":2}}", "[{\"op\":\"remove\",\"path\":\"/a/b\"}]",
    "{\"a\":{\"c\":2}}" },
  { "replace/changes-the-type",
    "{\"a\":[1,2]}", "[{\"op\":\"replace\",\"path\":\"/a/1\",\"value\":{\"b\":2}}]",
    "{\"a\":[1,{\"b\":2}]}" },
  { "replace/swaps-the-whole-document",
    "{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":7}]",
    "7" },
  { "move/reorders-an-array",
    "[\"a\",\"b\",\"c\",\"d\"]", "[{\"op\":\"move\",\"from\":\"/1\",\"path\":\"/3\"}]",
    "[\"a\",\"c\",\"d\",\"b\"]" },
  { "move/renames-a-member",
    "{\"a\":{\"x\":1},\"b\":{}}",
    "[{\"op\":\"move\",\"from\":\"/a/x\",\"path\":\"/b/y\"}]",
    "{\"a\":{},\"b\":{\"y\":1}}" },
  { "move/to-itself-changes-nothing",
    "{\"a\":{\"x\":1}}", "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a\"}]",
    "{\"a\":{\"x\":1}}" },
  { "move/between-arrays",
    "{\"a\":[1,2],\"b\":[3]}",
    "[{\"op\":\"move\",\"from\":\"/a/0\",\"path\":\"/b/-\"}]",
    "{\"a\":[2],\"b\":[3,1]}" },
  { "copy/is-deep",
    "{\"a\":{\"x\":[1]}}",
    "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/b\"},"
    " {\"op\":\"add\",\"path\":\"/b/x/-\",\"value\":2},"
    " {\"op\":\"add\",\"path\":\"/b/y\",\"value\":3}]",
    "{\"a\":{\"x\":[1]},\"b\":{\"x\":[1,2],\"y\":3}}" },
  { "copy/into-its-own-child",
    "{\"a\":{\"x\":1}}", "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/a/self\"}]",
    "{\"a\":{\"x\":1,\"self\":{\"x\":1}}}" },
  { "test/compares-numbers-by-value",
    "{\"n\":10,\"d\":2.5}",
    "[{\"op\":\"test\",\"path\":\"/n\",\"value\":10.0},"
    " {\"op\":\"test\",\"path\":\"/d\",\"value\":2.5}]",
    "{\"n\":10,\"d\":2.5}" },
  { "test/ignores-member-order",
    "{\"a\":{\"x\":1,\"y\":[{\"p\":1,\"q\":2}]}}",
    "[{\"op\":\"test\",\"path\":\"/a\",\"value\":{\"y\":[{\"q\":2,\"p\":1}],\"x\":1}}]",
    "{\"a\":{\"x\":1,\"y\":[{\"p\":1,\"q\":2}]}}" },
  { "test/matches-the-whole-document",
    "[1,\"x\",null]", "[{\"op\":\"test\",\"path\":\"\",\"value\":[1,\"x\",null]}]",
    "[1,\"x\",null]" },
  { "move/a-child-over-the-whole-document",
    "{\"a\":{\"b\":[1]}}", "[{\"op\":\"move\",\"from\":\"/a/b\",\"path\":\"\"}]",
    "[1]" },
  { "move/the-whole-document-onto-itself",
    "{\"a\":{}}", "[{\"op\":\"move\",\"from\":\"\",\"path\":\"\"}]",
    "{\"a\":{}}" },
  { "move/to-a-key-that-only-starts-alike",
    "{\"a\":{\"x\":1},\"ab\":{}}", "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/ab/a\"}]",
    "{\"ab\":{\"a\":{\"x\":1}}}" },
  { "copy/the-whole-document-into-a-member",
    "{\"a\":1}", "[{\"op\":\"copy\",\"from\":\"\",\"path\":\"/b\"}]",
    "{\"a\":1,\"b\":{\"a\":1}}" },
  { "copy/a-member-over-the-whole-document",
    "{\"a\":{\"x\":1}}", "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"\"}]",
    "{\"x\":1}" },
  { "copy/nested-arrays-deeply",
    "{\"a\":[[1],[2]]}",
    "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/b\"},"
    " {\"op\":\"add\",\"path\":\"/a/0/-\",\"value\":9},"
    " {\"op\":\"remove\",\"path\":\"/b/1/0\"}]",
    "{\"a\":[[1,9],[2]],\"b\":[[1],[]]}" },
  { "test/keys-with-escapes-and-the-empty-key",
    "{\"\":{\"\":1},\"a/b\":2,\"m~n\":3,\"~1\":4}",
    "[{\"op\":\"test\",\"path\":\"//\",\"value\":1},"
    " {\"op\":\"test\",\"path\":\"/a~1b\",\"value\":2},"
    " {\"op\":\"test\",\"path\":\"/m~0n\",\"value\":3},"
    " {\"op\":\"test\",\"path\":\"/~01\",\"value\":4}]",
    "{\"\":{\"\":1},\"a/b\":2,\"m~n\":3,\"~1\":4}" },
  { "test/minus-zero-and-exponents-by-value",
    "{\"z\":0,\"h\":100}",
    "[{\"op\":\"test\",\"path\":\"/z\",\"value\":-0.0},"
    " {\"op\":\"test\",\"path\":\"/h\",\"value\":1e2}]",
    "{\"z\":0,\"h\":100}" },
  { "apply/ignores-extra-members",
    "{\"a\":1}",
    "[{\"op\":\"remove\",\"path\":\"/a\",\"value\":2,\"from\":\"/zz\",\"x\":{}}]",
    "{}" },
  { "apply/runs-operations-in-order",
    "{}",
    "[{\"op\":\"add\",\"path\":\"/l\",\"value\":[]},"
    " {\"op\":\"add\",\"path\":\"/l/0\",\"value\":\"b\"},"
    " {\"op\":\"add\",\"path\":\"/l/0\",\"value\":\"a\"},"
    " {\"op\":\"replace\",\"path\":\"/l/1\",\"value\":\"c\"},"
    " {\"op\":\"test\",\"path\":\"/l\",\"value\":[\"a\",\"c\"]}]",
    "{\"l\":[\"a\",\"c\"]}" },
};

static void
test_apply_case (gconstpointer data)
{
  const ApplyCase *c = data;
  g_autoptr(JsonNode) normalized = apply_ok (c->doc, c->patch,
                                             ASC_JSON_PATCH_FLAGS_NONE,
                                             c->expected);

  g_assert_nonnull (normalized);
}

/* Errors */

typedef struct
{
  const char *name;
  const char *doc;
  const char *patch;
  int         code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "names-the-failing-operation", "{\"a\":{}}",
    "[{\"op\":\"test\",\"path\":\"/a\",\"value\":{}},"
    " {\"op\":\"add\",\"path\":\"/x\",\"value\":1},"
    " {\"op\":\"replace\",\"path\":\"/a/b\",\"value\":1}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 2 (replace /a/b): member “b” does not exist" },
  { "not-an-array", "{}", "{\"op\":\"add\"}", ASC_ERROR_INVALID_PATCH,
    "a JSON patch must be an array of operations" },
  { "operation-not-an-object", "{}", "[[]]", ASC_ERROR_INVALID_PATCH,
    "operation 0 is not an object" },
  { "missing-op", "{}", "[{\"path\":\"/a\"}]", ASC_ERROR_INVALID_PATCH,
    "operation 0: “op” is missing" },
  { "op-not-a-string", "{}", "[{\"op\":1,\"path\":\"/a\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 0: “op” is not a string" },
  { "op-is-a-container", "{}", "[{\"op\":[\"replace\"],\"path\":\"/a\",\"value\":1}]",
    ASC_ERROR_INVALID_PATCH, "operation 0: “op” is not a string" },
  { "unknown-op", "{}", "[{\"op\":\"spam\",\"path\":\"/a\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 0: unknown op “spam”" },
  { "missing-path", "{}", "[{\"op\":\"add\",\"value\":1}]",
    ASC_ERROR_INVALID_PATCH, "operation 0: “path” is missing" },
  { "path-not-a-string", "{}", "[{\"op\":\"remove\",\"path\":null}]",
    ASC_ERROR_INVALID_PATCH, "operation 0: “path” is not a string" },
  { "missing-value", "{}", "[{\"op\":\"add\",\"path\":\"/a\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 0 (add /a): “value” is missing" },
  { "missing-from", "{}", "[{\"op\":\"move\",\"path\":\"/a\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 0 (move /a): “from” is missing" },
  { "from-not-a-string", "{}", "[{\"op\":\"copy\",\"from\":[],\"path\":\"/a\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 0 (copy /a): “from” is not a string" },
  { "missing-parent", "{\"q\":{}}", "[{\"op\":\"add\",\"path\":\"/a/b\",\"value\":1}]",
    ASC_ERROR_INVALID_PATCH, "operation 0 (add /a/b): member “a” does not exist" },
  { "index-out-of-range", "{\"a\":[1,2]}",
    "[{\"op\":\"add\",\"path\":\"/a/3\",\"value\":1}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (add /a/3): index 3 is out of range for an array of 2 elements" },
  { "remove-past-the-end", "{\"a\":[1,2]}", "[{\"op\":\"remove\",\"path\":\"/a/2\"}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 0 (remove /a/2): index 2 is out of range for an array of 2 elements" },
  { "leading-zero", "{\"a\":[1,2]}", "[{\"op\":\"remove\",\"path\":\"/a/01\"}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 0 (remove /a/01): array index “01” has a leading zero" },
  { "dash-in-replace", "{\"a\":[1]}",
    "[{\"op\":\"replace\",\"path\":\"/a/-\",\"value\":2}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (replace /a/-): “-” names the slot after the last element, "
    "which only an add can use" },
  { "not-an-index", "[1]", "[{\"op\":\"add\",\"path\":\"/x\",\"value\":2}]",
    ASC_ERROR_INVALID_PATCH, "operation 0 (add /x): “x” is not an array index" },
  { "inside-a-scalar", "{\"n\":1}",
    "[{\"op\":\"add\",\"path\":\"/n/x\",\"value\":2}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (add /n/x): cannot look up “x” inside a number" },
  { "bad-escape", "{}", "[{\"op\":\"add\",\"path\":\"/a~2\",\"value\":2}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 0 (add /a~2): JSON pointer “/a~2” has an invalid escape “~2” "
    "at offset 2; only “~0” and “~1” are allowed" },
  { "move-into-own-child", "{\"a\":{\"b\":{}}}",
    "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a/b/c\"}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (move /a/b/c from /a): a value cannot be moved into one of "
    "its own children" },
  { "move-root-into-child", "{\"a\":{}}",
    "[{\"op\":\"move\",\"from\":\"\",\"path\":\"/a/b\"}]", ASC_ERROR_INVALID_PATCH,
    NULL },
  { "move-root-to-a-bad-path", "{\"a\":{}}",
    "[{\"op\":\"move\",\"from\":\"\",\"path\":\"a\"}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (move a from \"\"): a value cannot be moved into one of its "
    "own children" },
  { "move-from-missing", "{\"a\":1}",
    "[{\"op\":\"move\",\"from\":\"/b\",\"path\":\"/c\"}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (move /c from /b): member “b” does not exist" },
  { "index-past-32-bits", "[1,2]",
    "[{\"op\":\"replace\",\"path\":\"/4294967297\",\"value\":1}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 0 (replace /4294967297): index 4294967297 is out of range for an "
    "array of 2 elements" },
  { "dash-inside-a-path", "[[1]]", "[{\"op\":\"add\",\"path\":\"/-/0\",\"value\":2}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 0 (add /-/0): “-” names the slot after the last element, which "
    "only an add can use" },
  { "dash-as-from", "[1]", "[{\"op\":\"copy\",\"from\":\"/-\",\"path\":\"/0\"}]",
    ASC_ERROR_INVALID_PATCH, NULL },
  { "empty-token-in-an-array", "{\"a\":[5]}",
    "[{\"op\":\"test\",\"path\":\"/a/\",\"value\":5}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (test /a/): “” is not an array index" },
  { "move-element-into-itself", "[[1]]",
    "[{\"op\":\"move\",\"from\":\"/0\",\"path\":\"/0/0\"}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (move /0/0 from /0): a value cannot be moved into one of its own "
    "children" },
  { "move-under-an-escaped-key-into-itself", "{\"a/b\":{\"c\":{}}}",
    "[{\"op\":\"move\",\"from\":\"/a~1b\",\"path\":\"/a~1b/c/d\"}]",
    ASC_ERROR_INVALID_PATCH, NULL },
  { "move-past-the-end-once-removed", "[0,1,2]",
    "[{\"op\":\"move\",\"from\":\"/0\",\"path\":\"/3\"}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (move /3 from /0): index 3 is out of range for an array of 2 elements" },
  { "test-a-missing-member-against-null", "{}",
    "[{\"op\":\"test\",\"path\":\"/n\",\"value\":null}]", ASC_ERROR_INVALID_PATCH,
    "operation 0 (test /n): member “n” does not exist" },
  { "test-int-against-a-close-double", "{\"n\":9007199254740993}",
    "[{\"op\":\"test\",\"path\":\"/n\",\"value\":9007199254740992.0}]",
    ASC_ERROR_TEST_FAILED, NULL },
  { "test-true-against-1", "{\"n\":true}",
    "[{\"op\":\"test\",\"path\":\"/n\",\"value\":1}]", ASC_ERROR_TEST_FAILED,
    "operation 0 (test /n): found true where 1 was expected" },
  { "test-value-missing", "{\"a\":1}", "[{\"op\":\"test\",\"path\":\"/a\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 0 (test /a): “value” is missing" },
  { "operation-is-null", "{}", "[null]", ASC_ERROR_INVALID_PATCH,
    "operation 0 is not an object" },
  { "later-operation-fails", "{\"a\":[]}",
    "[{\"op\":\"add\",\"path\":\"/a/-\",\"value\":1},"
    " {\"op\":\"add\",\"path\":\"/a/-\",\"value\":2},"
    " {\"op\":\"remove\",\"path\":\"/a/0\"},"
    " {\"op\":\"copy\",\"from\":\"/b\",\"path\":\"/c\"}]",
    ASC_ERROR_INVALID_PATCH, "operation 3 (copy /c from /b): member “b” does not exist" },
  { "remove-the-document", "{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"\"}]",
    ASC_ERROR_INVALID_PATCH,
    "operation 0 (remove \"\"): the whole document cannot be removed" },
  { "test-fails", "{\"n\":1}", "[{\"op\":\"test\",\"path\":\"/n\",\"value\":\"1\"}]",
    ASC_ERROR_TEST_FAILED, "operation 0 (test /n): found 1 where \"1\" was expected" },
  { "test-shortens-long-values", "{\"s\":\"0123456789012345678901234567890123456789"
    "0123456789012345678901234567890123456789\"}",
    "[{\"op\":\"test\",\"path\":\"/s\",\"value\":null}]", ASC_ERROR_TEST_FAILED,
    "operation 0 (test /s): found \"01234567890123456789012345678901234567890"
    "123456789012345…"
    " where null was expected" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;

  apply_fails (c->doc, c->patch, ASC_JSON_PATCH_FLAGS_NONE, c->code, c->message);
}

/* Atomicity */

static const char *atomic_doc =
  "{\"a\":{\"b\":1},\"list\":[1,2,3],\"m\":{\"x\":1,\"y\":2,\"z\":3},\"s\":\"t\"}";

static const char *atomic_patch =
  "[{\"op\":\"add\",\"path\":\"/a/c\",\"value\":{\"deep\":[1]}},"
  " {\"op\":\"remove\",\"path\":\"/m/x\"},"
  " {\"op\":\"remove\",\"path\":\"/m/y\"},"
  " {\"op\":\"add\",\"path\":\"/m/x\",\"value\":9},"
  " {\"op\":\"replace\",\"path\":\"/m/z\",\"value\":[]},"
  " {\"op\":\"add\",\"path\":\"/list/1\",\"value\":\"in\"},"
  " {\"op\":\"replace\",\"path\":\"/list/0\",\"value\":0},"
  " {\"op\":\"remove\",\"path\":\"/list/3\"},"
  " {\"op\":\"move\",\"from\":\"/a/b\",\"path\":\"/list/-\"},"
  " {\"op\":\"copy\",\"from\":\"/list\",\"path\":\"/copy\"},"
  " {\"op\":\"add\",\"path\":\"/a/c/deep/0\",\"value\":0},"
  " {\"op\":\"replace\",\"path\":\"\",\"value\":{\"gone\":true}},"
  " {\"op\":\"add\",\"path\":\"/gone\",\"value\":false},"
  " {\"op\":\"replace\",\"path\":\"\",\"value\":[]},"
  " {\"op\":\"add\",\"path\":\"/0\",\"value\":1},"
  " {\"op\":\"test\",\"path\":\"/0\",\"value\":2}]";

static void
test_atomic_rolls_back_everything (void)
{
  apply_fails (atomic_doc, atomic_patch, ASC_JSON_PATCH_FLAGS_NONE,
               ASC_ERROR_TEST_FAILED,
               "operation 15 (test /0): found 1 where 2 was expected");
  apply_fails (atomic_doc, atomic_patch, ASC_JSON_PATCH_LENIENT,
               ASC_ERROR_TEST_FAILED, NULL);
}

static void
test_atomic_keeps_node_identity (void)
{
  g_autoptr(JsonNode) doc = parse_mutable (atomic_doc);
  g_autoptr(JsonNode) patch = parse_mutable (atomic_patch);
  JsonObject *root = json_node_get_object (doc);
  JsonNode *a = json_object_get_member (root, "a");
  JsonNode *list = json_object_get_member (root, "list");
  JsonNode *first = json_array_get_element (json_node_get_array (list), 0);

  g_assert_false (asc_json_patch_apply (&doc, patch, NULL));
  g_assert_true (json_node_get_object (doc) == root);
  g_assert_true (json_object_get_member (root, "a") == a);
  g_assert_true (json_array_get_element (json_node_get_array (list), 0) == first);
}

static void
test_atomic_success_changes_in_place (void)
{
  g_autoptr(JsonNode) doc = parse_mutable ("{\"a\":{\"b\":1}}");
  g_autoptr(JsonNode) patch =
    parse_mutable ("[{\"op\":\"add\",\"path\":\"/a/c\",\"value\":2}]");
  JsonNode *root = doc;
  JsonNode *a = json_object_get_member (json_node_get_object (doc), "a");

  g_assert_true (asc_json_patch_apply (&doc, patch, NULL));
  g_assert_true (doc == root);
  g_assert_true (json_object_get_member (json_node_get_object (doc), "a") == a);
  asc_test_assert_json_eq (doc, "{\"a\":{\"b\":1,\"c\":2}}");
}

/* A patch applied to a document that holds it runs the operations it had
 * when it started, whatever the earlier ones do to it. */
static void
test_atomic_patch_inside_the_document (void)
{
  g_autoptr(JsonNode) doc =
    parse_mutable ("[{\"op\":\"remove\",\"path\":\"/1\"},"
                   " {\"op\":\"test\",\"path\":\"/0/op\",\"value\":\"remove\"}]");
  g_autoptr(JsonNode) other =
    parse_mutable ("[{\"op\":\"replace\",\"path\":\"/1\",\"value\":1},"
                   " {\"op\":\"add\",\"path\":\"/9\",\"value\":1}]");
  g_autofree char *before = asc_test_json_to_string (other);
  g_autoptr(GError) error = NULL;

  g_assert_true (asc_json_patch_apply (&doc, doc, &error));
  g_assert_no_error (error);
  asc_test_assert_json_eq (doc, "[{\"op\":\"remove\",\"path\":\"/1\"}]");

  g_assert_false (asc_json_patch_apply (&other, other, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH);
  g_assert_cmpstr (error->message, ==,
                   "operation 1 (add /9): index 9 is out of range for an array of 2 elements");
  assert_same_text (other, before);
}

/* Sealed documents */

static void
test_sealed_copies_only_the_path (void)
{
  g_autoptr(JsonNode) original = asc_test_json_parse ("{\"a\":{\"x\":1},\"b\":{\"y\":2}}");
  g_autoptr(JsonNode) doc = json_node_ref (original);
  g_autoptr(JsonNode) patch =
    parse_mutable ("[{\"op\":\"replace\",\"path\":\"/a/x\",\"value\":5}]");
  JsonNode *b = json_object_get_member (json_node_get_object (original), "b");

  g_assert_true (asc_json_patch_apply (&doc, patch, NULL));
  asc_test_assert_json_eq (doc, "{\"a\":{\"x\":5},\"b\":{\"y\":2}}");
  asc_test_assert_json_eq (original, "{\"a\":{\"x\":1},\"b\":{\"y\":2}}");
  g_assert_true (doc != original);
  g_assert_true (json_object_get_member (json_node_get_object (doc), "b") == b);

  /* The path is now mutable, so a second patch changes it in place. */
  {
    JsonNode *root = doc;

    g_assert_true (asc_json_patch_apply (&doc, patch, NULL));
    g_assert_true (doc == root);
  }
}

static void
test_sealed_value_is_shared (void)
{
  g_autoptr(JsonNode) doc = parse_mutable ("{}");
  g_autoptr(JsonNode) patch =
    asc_test_json_parse ("[{\"op\":\"add\",\"path\":\"/v\",\"value\":{\"big\":[1,2]}}]");
  JsonNode *value = json_object_get_member (
    json_node_get_object (json_array_get_element (json_node_get_array (patch), 0)),
    "value");
  g_autoptr(JsonNode) more =
    parse_mutable ("[{\"op\":\"add\",\"path\":\"/v/big/-\",\"value\":3}]");

  g_assert_true (asc_json_patch_apply (&doc, patch, NULL));
  g_assert_true (json_object_get_member (json_node_get_object (doc), "v") == value);

  /* Changing the shared value copies it rather than touching the patch. */
  g_assert_true (asc_json_patch_apply (&doc, more, NULL));
  asc_test_assert_json_eq (doc, "{\"v\":{\"big\":[1,2,3]}}");
  asc_test_assert_json_eq (value, "{\"big\":[1,2]}");
}

static void
test_mutable_value_is_copied (void)
{
  g_autoptr(JsonNode) doc = parse_mutable ("{}");
  g_autoptr(JsonNode) patch =
    parse_mutable ("[{\"op\":\"add\",\"path\":\"/v\",\"value\":{\"l\":[1]}},"
                   " {\"op\":\"add\",\"path\":\"/v/l/-\",\"value\":2}]");

  g_assert_true (asc_json_patch_apply (&doc, patch, NULL));
  asc_test_assert_json_eq (doc, "{\"v\":{\"l\":[1,2]}}");
  asc_test_assert_json_eq (patch,
                           "[{\"op\":\"add\",\"path\":\"/v\",\"value\":{\"l\":[1]}},"
                           " {\"op\":\"add\",\"path\":\"/v/l/-\",\"value\":2}]");
}

/* Runs of element replaces, as Immer sends for unshift() and splice() */

/* "[0,1,...]" and a patch replacing @indices of the array at @array_path
 * with 100 + index, then @tail_ops. */
static char *
run_patch (const char *array_path,
           const int  *indices,
           guint       n_indices,
           const char *tail_ops)
{
  g_autoptr(GString) patch = g_string_new ("[");

  for (guint k = 0; k < n_indices; k++)
    g_string_append_printf (patch, "%s{\"op\":\"replace\",\"path\":\"%s/%d\",\"value\":%d}",
                            k > 0 ? "," : "", array_path, indices[k], 100 + indices[k]);
  if (tail_ops != NULL)
    g_string_append_printf (patch, ",%s", tail_ops);
  g_string_append_c (patch, ']');

  return g_string_free (g_steal_pointer (&patch), FALSE);
}

static void
test_run_unshift (void)
{
  static const int all[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  g_autofree char *patch = run_patch ("/l", all, G_N_ELEMENTS (all),
                                      "{\"op\":\"add\",\"path\":\"/l/10\",\"value\":9}");
  g_autoptr(JsonNode) normalized =
    apply_ok ("{\"l\":[0,1,2,3,4,5,6,7,8,9]}", patch, ASC_JSON_PATCH_FLAGS_NONE,
              "{\"l\":[100,101,102,103,104,105,106,107,108,109,9]}");

  g_assert_cmpuint (json_array_get_length (json_node_get_array (normalized)), ==, 11);
}

static void
test_run_any_order (void)
{
  static const int shuffled[] = { 9, 3, 5, 3, 8, 4, 7, 6 };
  g_autofree char *patch = run_patch ("", shuffled, G_N_ELEMENTS (shuffled), NULL);

  g_autoptr(JsonNode) normalized =
    apply_ok ("[0,1,2,3,4,5,6,7,8,9]", patch, ASC_JSON_PATCH_FLAGS_NONE,
              "[0,1,2,103,104,105,106,107,108,109]");
}

static void
test_run_bad_index_names_its_operation (void)
{
  static const int indices[] = { 0, 1, 2, 3, 4, 5, 10, 7, 8 };
  g_autofree char *patch = run_patch ("/l", indices, G_N_ELEMENTS (indices), NULL);

  apply_fails ("{\"l\":[0,1,2,3,4,5,6,7,8,9]}", patch, ASC_JSON_PATCH_FLAGS_NONE,
               ASC_ERROR_INVALID_PATCH,
               "operation 6 (replace /l/10): index 10 is out of range for an array "
               "of 10 elements");
}

static void
test_run_rolls_back (void)
{
  static const int all[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  g_autofree char *patch = run_patch ("/l", all, G_N_ELEMENTS (all),
                                      "{\"op\":\"remove\",\"path\":\"/l/0\"},"
                                      "{\"op\":\"test\",\"path\":\"/l/0\",\"value\":0}");

  apply_fails ("{\"l\":[0,1,2,3,4,5,6,7,8,9],\"x\":1}", patch,
               ASC_JSON_PATCH_FLAGS_NONE, ASC_ERROR_TEST_FAILED,
               "operation 11 (test /l/0): found 101 where 0 was expected");
}

static void
test_run_on_an_object_falls_back (void)
{
  static const int keys[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  g_autofree char *patch = run_patch ("/o", keys, G_N_ELEMENTS (keys), NULL);
  g_autoptr(JsonNode) normalized =
    apply_ok ("{\"o\":{\"0\":0,\"1\":1,\"2\":2,\"3\":3,\"4\":4,\"5\":5,\"6\":6,\"7\":7}}",
              patch, ASC_JSON_PATCH_FLAGS_NONE,
              "{\"o\":{\"0\":100,\"1\":101,\"2\":102,\"3\":103,\"4\":104,"
              "\"5\":105,\"6\":106,\"7\":107}}");
}

static void
test_run_under_an_odd_key (void)
{
  static const int all[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  g_autofree char *patch = run_patch ("/m/a/b", all, G_N_ELEMENTS (all), NULL);
  g_autoptr(JsonNode) normalized =
    apply_ok ("{\"m\":{\"a/b\":[0,1,2,3,4,5,6,7]}}", patch, ASC_JSON_PATCH_LENIENT,
              "{\"m\":{\"a/b\":[100,101,102,103,104,105,106,107]}}");
  JsonNode *first = json_array_get_element (json_node_get_array (normalized), 0);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "path"),
                   ==, "/m/a~1b/0");
}

static void
test_run_is_linear (void)
{
  g_autoptr(GString) doc = g_string_new ("[");
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) patch = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 20000;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (doc, "%s\"v%u\"", i > 0 ? "," : "", i);
      g_string_append_printf (text, "{\"op\":\"replace\",\"path\":\"/%u\",\"value\":\"w\"},", i);
    }
  g_string_append (doc, "]");
  g_string_append_printf (text, "{\"op\":\"add\",\"path\":\"/%u\",\"value\":\"last\"}]", n);
  state = parse_mutable (doc->str);
  patch = parse_mutable (text->str);

  /* Element by element this takes seconds; as a run, milliseconds. */
  start = g_get_monotonic_time ();
  g_assert_true (asc_json_patch_apply (&state, patch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (state)), ==, n + 1);
}

/* Lenient mode and normalized patches */

typedef struct
{
  const char *name;
  const char *doc;
  const char *patch;
  const char *expected;
  const char *normalized;
  gboolean    strict_fails;
} LenientCase;

static const LenientCase lenient_cases[] = {
  { "undefined-removes-the-member",
    "{\"a\":1,\"b\":2}", "[{\"op\":\"replace\",\"path\":\"/a\"}]",
    "{\"b\":2}", "[{\"op\":\"remove\",\"path\":\"/a\"}]", TRUE },
  { "undefined-of-an-absent-member-does-nothing",
    "{\"b\":2}", "[{\"op\":\"add\",\"path\":\"/a\"},{\"op\":\"replace\",\"path\":\"/c\"}]",
    "{\"b\":2}", "[]", TRUE },
  { "replace-after-undefined-adds-the-member-back",
    "{\"b\":2}", "[{\"op\":\"replace\",\"path\":\"/a\",\"value\":7}]",
    "{\"a\":7,\"b\":2}", "[{\"op\":\"add\",\"path\":\"/a\",\"value\":7}]", TRUE },
  { "undefined-array-element-becomes-null",
    "{\"l\":[1,2]}", "[{\"op\":\"replace\",\"path\":\"/l/0\"},{\"op\":\"add\",\"path\":\"/l/-\"}]",
    "{\"l\":[null,2,null]}",
    "[{\"op\":\"replace\",\"path\":\"/l/0\",\"value\":null},"
    " {\"op\":\"add\",\"path\":\"/l/2\",\"value\":null}]", TRUE },
  { "unescaped-slash-in-a-key",
    "{\"map\":{\"a/b\":1}}", "[{\"op\":\"replace\",\"path\":\"/map/a/b\",\"value\":2}]",
    "{\"map\":{\"a/b\":2}}",
    "[{\"op\":\"replace\",\"path\":\"/map/a~1b\",\"value\":2}]", TRUE },
  { "unescaped-tilde-in-a-key",
    "{\"map\":{\"m~n\":1}}", "[{\"op\":\"remove\",\"path\":\"/map/m~n\"}]",
    "{\"map\":{}}", "[{\"op\":\"remove\",\"path\":\"/map/m~0n\"}]", TRUE },
  { "new-key-with-slash-and-tilde",
    "{\"map\":{}}", "[{\"op\":\"add\",\"path\":\"/map/a/b~c\",\"value\":3}]",
    "{\"map\":{\"a/b~c\":3}}",
    "[{\"op\":\"add\",\"path\":\"/map/a~1b~0c\",\"value\":3}]", TRUE },
  { "new-key-with-slash",
    "{\"map\":{\"x\":0}}", "[{\"op\":\"add\",\"path\":\"/map/a/b\",\"value\":3}]",
    "{\"map\":{\"x\":0,\"a/b\":3}}",
    "[{\"op\":\"add\",\"path\":\"/map/a~1b\",\"value\":3}]", TRUE },
  { "empty-key",
    "{\"map\":{\"\":{\"x\":1}}}",
    "[{\"op\":\"replace\",\"path\":\"/map//x\",\"value\":2},"
    " {\"op\":\"add\",\"path\":\"/\",\"value\":0}]",
    "{\"map\":{\"\":{\"x\":2}},\"\":0}",
    "[{\"op\":\"replace\",\"path\":\"/map//x\",\"value\":2},"
    " {\"op\":\"add\",\"path\":\"/\",\"value\":0}]", FALSE },
  { "key-starting-with-slash",
    "{\"map\":{\"/x\":{\"y\":1}}}",
    "[{\"op\":\"replace\",\"path\":\"/map//x/y\",\"value\":2}]",
    "{\"map\":{\"/x\":{\"y\":2}}}",
    "[{\"op\":\"replace\",\"path\":\"/map/~1x/y\",\"value\":2}]", TRUE },
  { "odd-key-holding-a-container",
    "{\"map\":{}}",
    "[{\"op\":\"add\",\"path\":\"/map/x/y\",\"value\":{\"z\":[1]}},"
    " {\"op\":\"replace\",\"path\":\"/map/x/y/z/0\",\"value\":2},"
    " {\"op\":\"add\",\"path\":\"/map/x/y/m~n\",\"value\":3}]",
    "{\"map\":{\"x/y\":{\"z\":[2],\"m~n\":3}}}",
    "[{\"op\":\"add\",\"path\":\"/map/x~1y\",\"value\":{\"z\":[1]}},"
    " {\"op\":\"replace\",\"path\":\"/map/x~1y/z/0\",\"value\":2},"
    " {\"op\":\"add\",\"path\":\"/map/x~1y/m~0n\",\"value\":3}]", TRUE },
  { "strict-reading-comes-first",
    "{\"a\":{\"b\":1},\"a/b\":2}", "[{\"op\":\"replace\",\"path\":\"/a/b\",\"value\":5}]",
    "{\"a\":{\"b\":5},\"a/b\":2}",
    "[{\"op\":\"replace\",\"path\":\"/a/b\",\"value\":5}]", FALSE },
  { "longest-member-wins",
    "{\"a\":{},\"a/b\":{\"c\":2}}", "[{\"op\":\"replace\",\"path\":\"/a/b/c\",\"value\":5}]",
    "{\"a\":{},\"a/b\":{\"c\":5}}",
    "[{\"op\":\"replace\",\"path\":\"/a~1b/c\",\"value\":5}]", TRUE },
  { "odd-keys-in-move-and-copy",
    "{\"m\":{\"a/b\":1}}",
    "[{\"op\":\"copy\",\"from\":\"/m/a/b\",\"path\":\"/m/c~d\"},"
    " {\"op\":\"move\",\"from\":\"/m/a/b\",\"path\":\"/m/e/f\"}]",
    "{\"m\":{\"c~d\":1,\"e/f\":1}}",
    "[{\"op\":\"copy\",\"from\":\"/m/a~1b\",\"path\":\"/m/c~0d\"},"
    " {\"op\":\"move\",\"from\":\"/m/a~1b\",\"path\":\"/m/e~1f\"}]", TRUE },
  { "existing-key-that-spells-an-escape",
    "{\"map\":{\"~1\":5}}", "[{\"op\":\"replace\",\"path\":\"/map/~1\",\"value\":1}]",
    "{\"map\":{\"~1\":1}}",
    "[{\"op\":\"replace\",\"path\":\"/map/~01\",\"value\":1}]", TRUE },
  { "new-key-that-spells-an-escape",
    "{\"map\":{}}",
    "[{\"op\":\"add\",\"path\":\"/map/~1\",\"value\":5},"
    " {\"op\":\"replace\",\"path\":\"/map/~0x\",\"value\":6}]",
    "{\"map\":{\"~1\":5,\"~0x\":6}}",
    "[{\"op\":\"add\",\"path\":\"/map/~01\",\"value\":5},"
    " {\"op\":\"add\",\"path\":\"/map/~00x\",\"value\":6}]", TRUE },
  { "dash-becomes-the-index",
    "{\"l\":[1]}", "[{\"op\":\"add\",\"path\":\"/l/-\",\"value\":2},"
    " {\"op\":\"move\",\"from\":\"/l/0\",\"path\":\"/l/-\"}]",
    "{\"l\":[2,1]}",
    "[{\"op\":\"add\",\"path\":\"/l/1\",\"value\":2},"
    " {\"op\":\"move\",\"from\":\"/l/0\",\"path\":\"/l/1\"}]", FALSE },
};

static void
test_lenient_case (gconstpointer data)
{
  const LenientCase *c = data;
  g_autoptr(JsonNode) normalized = apply_ok (c->doc, c->patch,
                                             ASC_JSON_PATCH_LENIENT, c->expected);
  g_autoptr(JsonNode) expected = asc_test_json_parse (c->normalized);
  g_autofree char *normalized_text = asc_test_json_to_string (normalized);
  g_autofree char *expected_text = asc_test_json_to_string (expected);

  g_assert_cmpstr (normalized_text, ==, expected_text);

  if (c->strict_fails)
    apply_fails (c->doc, c->patch, ASC_JSON_PATCH_FLAGS_NONE,
                 ASC_ERROR_INVALID_PATCH, NULL);
  else
    {
      g_autoptr(JsonNode) strict = apply_ok (c->doc, c->patch,
                                             ASC_JSON_PATCH_FLAGS_NONE,
                                             c->expected);

      g_assert_true (asc_json_equal (strict, normalized));
    }
}

static void
test_lenient_errors (void)
{
  apply_fails ("{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\"}]",
               ASC_JSON_PATCH_LENIENT, ASC_ERROR_INVALID_PATCH,
               "operation 0 (replace \"\"): without a value this would remove the "
               "whole document");
  apply_fails ("{\"l\":[1]}", "[{\"op\":\"replace\",\"path\":\"/l/1\"}]",
               ASC_JSON_PATCH_LENIENT, ASC_ERROR_INVALID_PATCH,
               "operation 0 (replace /l/1): index 1 is out of range for an "
               "array of 1 element");
  apply_fails ("{\"a\":1}", "[{\"op\":\"test\",\"path\":\"/a\"}]",
               ASC_JSON_PATCH_LENIENT, ASC_ERROR_INVALID_PATCH,
               "operation 0 (test /a): “value” is missing");
  apply_fails ("{\"map\":{}}", "[{\"op\":\"replace\",\"path\":\"/map/a/b\",\"value\":1}]",
               ASC_JSON_PATCH_LENIENT, ASC_ERROR_INVALID_PATCH,
               "operation 0 (replace /map/a/b): member “a” does not exist");
  apply_fails ("\"s\"", "[{\"op\":\"replace\",\"path\":\"/\",\"value\":5}]",
               ASC_JSON_PATCH_LENIENT, ASC_ERROR_INVALID_PATCH,
               "operation 0 (replace /): cannot look up “” inside a string");
  apply_fails ("{\"map\":{}}", "[{\"op\":\"remove\",\"path\":\"/map/a~b\"}]",
               ASC_JSON_PATCH_LENIENT, ASC_ERROR_INVALID_PATCH,
               "operation 0 (remove /map/a~b): member “a~b” does not exist");
}

/* A missing document or patch is bad input, not a crash or a critical. */
static void
test_missing_document_or_patch (void)
{
  g_autoptr(JsonNode) patch = parse_mutable ("[{\"op\":\"add\",\"path\":\"\",\"value\":1}]");
  g_autoptr(JsonNode) doc = parse_mutable ("{\"a\":1}");
  g_autoptr(JsonNode) normalized = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *none = NULL;
  JsonNode *root = doc;

  g_assert_false (asc_json_patch_apply_full (&none, patch, ASC_JSON_PATCH_LENIENT,
                                             &normalized, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH);
  g_assert_cmpstr (error->message, ==, "there is no document to apply the JSON patch to");
  g_assert_null (none);
  g_assert_null (normalized);
  g_clear_error (&error);

  g_assert_false (asc_json_patch_apply (&doc, NULL, &error));
  g_assert_error (error, ASC_ERROR, ASC_ERROR_INVALID_PATCH);
  g_assert_cmpstr (error->message, ==, "a JSON patch must be an array of operations");
  g_assert_true (doc == root);
  asc_test_assert_json_eq (doc, "{\"a\":1}");
}

static void
test_normalized_optional (void)
{
  g_autoptr(JsonNode) doc = parse_mutable ("{}");
  g_autoptr(JsonNode) patch = parse_mutable ("[{\"op\":\"add\",\"path\":\"/a\",\"value\":1}]");

  g_assert_true (asc_json_patch_apply_full (&doc, patch, ASC_JSON_PATCH_LENIENT,
                                            NULL, NULL));
  asc_test_assert_json_eq (doc, "{\"a\":1}");
}

/* The JSON patch conformance suite (npm package json-patch-test-suite) */

static gboolean
run_suite_case (JsonObject        *c,
                AscJsonPatchFlags  flags,
                gboolean           sealed)
{
  JsonNode *patch = json_object_get_member (c, "patch");
  JsonNode *expected = json_object_get_member (c, "expected");
  gboolean should_fail = json_object_has_member (c, "error");
  g_autoptr(JsonNode) doc = asc_json_copy (json_object_get_member (c, "doc"));
  g_autoptr(JsonNode) old = asc_json_copy (doc);
  g_autoptr(JsonNode) normalized = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  if (sealed)
    json_node_seal (doc);
  before = asc_test_json_to_string (doc);
  ok = asc_json_patch_apply_full (&doc, patch, flags, &normalized, &error);

  if (should_fail)
    {
      g_autofree char *after = asc_test_json_to_string (doc);

      if (ok || g_strcmp0 (before, after) != 0)
        return FALSE;
      g_test_message ("  expected failure: %s", error->message);
      return TRUE;
    }

  if (!ok)
    {
      g_test_message ("  unexpected failure: %s", error->message);
      return FALSE;
    }
  if (expected != NULL && !asc_json_equal (doc, expected))
    return FALSE;

  assert_normalized_replays (old, normalized, doc);
  return TRUE;
}

static void
test_conformance_suite (gconstpointer data)
{
  const char *file = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "node_modules",
                                                 "json-patch-test-suite", file,
                                                 NULL);
  g_autoptr(JsonNode) cases = NULL;
  JsonArray *array;
  guint ran = 0, disabled = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_fail_printf ("%s is missing: run `npm ci` in tests/ to install "
                          "the JSON patch test suite", path);
      return;
    }

  cases = asc_test_json_load (path);
  array = json_node_get_array (cases);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *c = json_array_get_object_element (array, i);
      const char *comment = json_object_get_string_member_with_default (c, "comment", "");
      gboolean should_fail = json_object_has_member (c, "error");

      if (json_object_get_boolean_member_with_default (c, "disabled", FALSE))
        {
          disabled++;
          continue;
        }
      if (!json_object_has_member (c, "doc") || !json_object_has_member (c, "patch"))
        continue;

      g_test_message ("%s case %u: %s", file, i, comment);
      for (guint mode = 0; mode < 4; mode++)
        {
          AscJsonPatchFlags flags = mode & 1 ? ASC_JSON_PATCH_LENIENT
                                             : ASC_JSON_PATCH_FLAGS_NONE;

          /* Lenient mode accepts some of the patches strict mode rejects. */
          if (should_fail && flags != ASC_JSON_PATCH_FLAGS_NONE)
            continue;
          if (!run_suite_case (c, flags, mode >= 2))
            {
              g_test_message ("FAILED %s case %u (%s) in mode %u", file, i,
                              comment, mode);
              g_test_fail ();
            }
        }
      ran++;
    }

  g_assert_cmpuint (ran, >, 10);
  g_test_message ("json-patch-test-suite: %u cases ran from %s (%u disabled)",
                  ran, file, disabled);
}

/* Immer-shaped streams from a Zocket server, in tests/data/json-patch */

static void
test_immer_stream (gconstpointer data)
{
  const char *file = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "json-patch", file, NULL);
  g_autoptr(JsonNode) stream = asc_test_json_load (path);
  JsonObject *object = json_node_get_object (stream);
  JsonArray *patches = json_object_get_array_member (object, "patches");
  g_autoptr(JsonNode) doc = asc_json_copy (json_object_get_member (object, "initial"));
  g_autoptr(JsonNode) mirror = asc_json_copy (doc);

  for (guint i = 0; i < json_array_get_length (patches); i++)
    {
      JsonNode *patch = json_array_get_element (patches, i);
      g_autoptr(JsonNode) normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (asc_json_patch_apply_full (&doc, patch, ASC_JSON_PATCH_LENIENT,
                                                &normalized, &error));
      g_assert_no_error (error);

      /* A strict consumer of the normalized patches keeps an equal mirror. */
      g_assert_true (asc_json_patch_apply (&mirror, normalized, &error));
      g_assert_no_error (error);
      g_assert_true (asc_json_equal (mirror, doc));
    }

  g_assert_true (asc_json_equal (doc, json_object_get_member (object, "expected")));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_immer_streams (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data",
                                                     "json-patch", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      char *file = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file, strlen (file) - 5);
      g_autofree char *test_path = g_strconcat ("/asc/json-patch/immer/", stem, NULL);

      /* The test owns the file name from now on. */
      g_ptr_array_index (names, i) = NULL;
      g_test_add_data_func_full (test_path, file, test_immer_stream, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (apply_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/asc/json-patch/", apply_cases[i].name, NULL);

      g_test_add_data_func (path, &apply_cases[i], test_apply_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/asc/json-patch/errors/", error_cases[i].name, NULL);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lenient_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/asc/json-patch/lenient/", lenient_cases[i].name, NULL);

      g_test_add_data_func (path, &lenient_cases[i], test_lenient_case);
    }

  g_test_add_func ("/asc/json-patch/runs/unshift-of-a-long-array", test_run_unshift);
  g_test_add_func ("/asc/json-patch/runs/any-order-and-repeats", test_run_any_order);
  g_test_add_func ("/asc/json-patch/runs/bad-index-names-its-operation",
                   test_run_bad_index_names_its_operation);
  g_test_add_func ("/asc/json-patch/runs/roll-back", test_run_rolls_back);
  g_test_add_func ("/asc/json-patch/runs/on-an-object-go-one-by-one",
                   test_run_on_an_object_falls_back);
  g_test_add_func ("/asc/json-patch/runs/under-an-odd-key", test_run_under_an_odd_key);
  g_test_add_func ("/asc/json-patch/runs/take-linear-time", test_run_is_linear);
  g_test_add_func ("/asc/json-patch/lenient/still-rejects-what-cannot-apply",
                   test_lenient_errors);
  g_test_add_func ("/asc/json-patch/normalized/is-optional", test_normalized_optional);
  g_test_add_func ("/asc/json-patch/errors/missing-document-or-patch",
                   test_missing_document_or_patch);
  g_test_add_func ("/asc/json-patch/atomic/rolls-back-everything",
                   test_atomic_rolls_back_everything);
  g_test_add_func ("/asc/json-patch/atomic/patch-inside-the-document",
                   test_atomic_patch_inside_the_document);
  g_test_add_func ("/asc/json-patch/atomic/keeps-node-identity",
                   test_atomic_keeps_node_identity);
  g_test_add_func ("/asc/json-patch/atomic/changes-in-place-on-success",
                   test_atomic_success_changes_in_place);
  g_test_add_func ("/asc/json-patch/sealed/copies-only-the-path",
                   test_sealed_copies_only_the_path);
  g_test_add_func ("/asc/json-patch/sealed/shares-sealed-values",
                   test_sealed_value_is_shared);
  g_test_add_func ("/asc/json-patch/values/are-copied-from-mutable-patches",
                   test_mutable_value_is_copied);
  g_test_add_data_func ("/asc/json-patch/conformance/tests", "tests.json",
                        test_conformance_suite);
  g_test_add_data_func ("/asc/json-patch/conformance/spec-tests", "spec_tests.json",
                        test_conformance_suite);
  add_immer_streams ();

  return g_test_run ();
}
